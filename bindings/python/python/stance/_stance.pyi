"""Type stubs of the native module; see the docstrings for what each does."""

from collections.abc import Iterable, Iterator, Mapping
from os import PathLike
from typing import Any, Literal, NotRequired, TypedDict, final

__version__: str

class StanceError(ValueError):
    """Bad input: an article, a scored row, a model file or report bytes that
    stance cannot use. The message is the one the stance CLI prints."""

Row = dict[str, Any]
"""A scored statement: ``article``, ``statement``, ``speaker``, ``start``,
``end``, ``text``, ``label``, ``confidence``, ``p_<label>`` per label,
``kind``, ``date``, ``source`` (the keys of ``stance score --format jsonl``)."""

class Contribution(TypedDict):
    feature: str
    value: float
    weight: float
    contribution: float

class LabelExplanation(TypedDict):
    label: str
    logit: float
    intercept: float
    contributions: list[Contribution]

class Explanation(TypedDict):
    input: str
    # What the second view read, when the model has one (stance train --view).
    view_input: NotRequired[str]
    label: str
    probabilities: list[tuple[str, float]]
    per_label: list[LabelExplanation]

@final
class Model:
    """A stance model: the default one built into the package, or one
    trained with ``stance train``."""

    @staticmethod
    def default() -> Model:
        """The default model (the one the CLI uses without --model)."""

    @staticmethod
    def load(path: str | PathLike[str]) -> Model:
        """Loads a model file written by ``stance train``, with the CLI's checks."""

    @property
    def labels(self) -> list[str]:
        """The labels, in the order of the model's probabilities."""

    def classify(self, texts: Iterable[str]) -> list[dict[str, Any]]:
        """One dict per text: ``text``, ``label``, ``confidence`` and
        ``p_<label>`` per label (``stance classify --format jsonl``)."""

    def explain(self, text: str, top: int = 10) -> Explanation:
        """The object ``stance explain --json`` prints for ``text``."""

@final
class ScoreIter(Iterator[Row]):
    def __iter__(self) -> ScoreIter: ...
    def __next__(self) -> Row: ...

def score(
    articles: Iterable[Mapping[str, Any]],
    model: Model | None = None,
    *,
    min_confidence: float = 0.0,
) -> ScoreIter:
    """Every statement of ``articles`` (dicts with ``id``, ``text`` and
    optionally ``date``, ``source``, ``title``), scored: the rows of
    ``stance score --format jsonl``, in input order."""

@final
class Report:
    """Per-speaker stance from scored rows, exactly mergeable across shards."""

    def __init__(
        self,
        rows: Iterable[Mapping[str, Any]] | None = None,
        *,
        by_period: Literal["week", "month"] | None = None,
    ) -> None: ...
    def add(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Adds scored rows."""

    @staticmethod
    def from_articles(
        articles: Iterable[Mapping[str, Any]],
        model: Model | None = None,
        *,
        min_confidence: float = 0.0,
        by_period: Literal["week", "month"] | None = None,
    ) -> Report:
        """Scores articles and aggregates them: ``stance report --articles``."""

    def merge(self, other: Report) -> None:
        """Adds ``other``'s statements to this report, exactly and in any order."""

    @property
    def labels(self) -> list[str]: ...
    @property
    def by_period(self) -> Literal["week", "month"] | None: ...
    @property
    def statements_without_speaker(self) -> int: ...
    @property
    def bad_dates(self) -> int: ...
    def to_csv(self, min_statements: int = 1) -> str: ...
    def to_json(self, min_statements: int = 1) -> str: ...
    def to_markdown(self, min_statements: int = 1) -> str: ...
    def to_html(self, min_statements: int = 1) -> str: ...
    def to_bytes(self) -> bytes:
        """The aggregate as bytes; ``Report.from_bytes`` gives back an equal report."""

    @staticmethod
    def from_bytes(data: bytes) -> Report: ...
    def __getstate__(self) -> tuple[bytes, bool]: ...
    def __setstate__(self, state: tuple[bytes, bool]) -> None: ...
    def __eq__(self, other: object) -> bool: ...
