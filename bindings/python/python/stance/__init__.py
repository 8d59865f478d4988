"""Find statements in news articles, attribute each to its speaker, label its
stance (conciliatory, sceptical, hawkish), and build per-speaker reports that
merge exactly across shards.

The package calls the library the ``stance`` command-line tool runs: rows from
:func:`score` are the rows of ``stance score --format jsonl``, and the writers
of :class:`Report` give ``stance report``'s output byte for byte.

>>> import stance
>>> model = stance.Model.default()
>>> [r["label"] for r in model.classify(["We will answer with force."])]
['hawkish']
>>> rows = list(stance.score([{"id": "a1", "text": '"We are ready to talk," Ana Lima said.'}]))
>>> [(r["speaker"], r["text"], r["label"]) for r in rows]
[('Ana Lima', 'We are ready to talk,', 'conciliatory')]
>>> report = stance.Report(rows)
>>> print(report.to_markdown())  # doctest: +ELLIPSIS
# Stance by speaker
<BLANKLINE>
1 speaker, 1 statement.
...
"""

from ._stance import Model, Report, StanceError, __version__, score

__all__ = ["Model", "Report", "StanceError", "score", "__version__"]
