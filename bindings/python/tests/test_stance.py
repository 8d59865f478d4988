"""The Python package against the CLI: same rows, same reports byte for byte,
same messages; exact merges; pickling; the GIL released during batch calls."""

from __future__ import annotations

import ast
import copy
import doctest
import json
import pickle
import random
import threading
import time
from pathlib import Path

import pytest
import stance
from conftest import ARTICLES, ROOT, cli_jsonl, run_cli, write_jsonl

FORMATS = ["csv", "json", "markdown", "html"]


def written(report: stance.Report, fmt: str, **kw) -> bytes:
    return getattr(report, f"to_{fmt}")(**kw).encode()


# ------------------------------------------------------------------ Model


def test_default_model_has_the_cli_labels():
    model = stance.Model.default()
    assert model.labels == ["conciliatory", "hawkish", "neutral", "sceptical"]
    loaded = stance.Model.load(ROOT / "models" / "default.json")
    assert loaded.labels == model.labels
    texts = ["We will answer with force.", "Nobody has rejected talks."]
    assert loaded.classify(texts) == model.classify(texts)


def test_classify_equals_the_cli():
    texts = [
        "We are ready to sit down tomorrow, without preconditions.",
        "We will answer with force.",
        "It is far too early to speak of a breakthrough.",
        "Ça ne marchera pas — «jamais».",
    ]
    got = stance.Model.default().classify(iter(texts))
    assert got == cli_jsonl("classify", "--format", "jsonl", *texts)
    assert stance.Model.default().classify([]) == []
    with pytest.raises(TypeError, match="wrap a single text in a list"):
        stance.Model.default().classify("one text")


def test_explain_equals_the_cli():
    text = "Nobody has rejected talks, but we will not wait forever."
    got = stance.Model.default().explain(text, top=5)
    want = json.loads(run_cli("explain", "--json", "--top", "5", text).stdout)
    assert got == want
    for label in got["per_label"]:
        assert len(label["contributions"]) == 5


def test_model_errors_carry_the_cli_message(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}')
    with pytest.raises(stance.StanceError) as e:
        stance.Model.load(bad)
    cli = run_cli("classify", "--model", bad, "x", ok=False)
    assert cli.returncode != 0
    assert cli.stderr.decode().strip() == f"stance: {e.value}"
    assert str(e.value).startswith(f"model {bad}: not a stance model")

    missing = tmp_path / "missing.json"
    with pytest.raises(FileNotFoundError) as e:
        stance.Model.load(missing)
    cli = run_cli("classify", "--model", missing, "x", ok=False)
    # The CLI prints the OS error's chain, which repeats the cause once more.
    assert cli.stderr.decode().startswith(f"stance: {e.value}")
    assert str(e.value) == f"{missing}: No such file or directory (os error 2)"


# ------------------------------------------------------------------ score


def test_score_yields_the_rows_of_stance_score(articles, articles_jsonl):
    rows = list(stance.score(articles))
    want = cli_jsonl("score", "--format", "jsonl", articles_jsonl)
    assert len(rows) > 40
    assert rows == want
    # Keys come in the CLI's column order.
    header = run_cli("score", articles_jsonl).stdout.decode().splitlines()[0]
    assert list(rows[0]) == header.split(",")
    # A generator works as well as a list, and a loaded model as the default.
    model = stance.Model.load(ROOT / "models" / "default.json")
    assert list(stance.score((a for a in articles), model)) == want


def test_score_with_min_confidence_and_without_metadata(tmp_path):
    items = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(ARTICLES.glob("*.txt"))]
    path = write_jsonl(tmp_path / "plain.jsonl", items)
    rows = list(stance.score(items, min_confidence=0.7))
    assert rows == cli_jsonl("score", "--format", "jsonl", "--min-confidence", "0.7", path)
    assert any(r["label"] == "uncertain" for r in rows)
    assert all(r["date"] is None and r["source"] is None for r in rows)
    with pytest.raises(ValueError, match="min_confidence 1.5 must be between 0 and 1"):
        stance.score(items, min_confidence=1.5)


def test_score_reads_dicts_as_jsonl_lines(tmp_path):
    items = [
        {"id": 7, "text": 'Ana Lima said: "We will strike back."', "date": " 2026-11-03 ", "extra": object()},
        {"text": '"We are ready," Bo Chen said.', "source": float("nan")},
    ]
    rows = list(stance.score(items))
    assert [r["article"] for r in rows] == ["7", "<articles>:2"]
    assert rows[0]["date"] == "2026-11-03" and rows[1]["source"] is None


def test_a_bad_article_raises_the_cli_message_after_the_rows_before_it(tmp_path, articles):
    items = [articles[0], {"id": "empty", "text": "   "}, articles[1]]
    it = stance.score(items)
    before = []
    with pytest.raises(stance.StanceError) as e:
        for row in it:
            before.append(row)
    assert {r["article"] for r in before} == {articles[0]["id"]}
    assert str(e.value) == "<articles> line 2: empty article text"
    # The CLI names a JSONL file's line the same way.
    path = write_jsonl(tmp_path / "news.jsonl", items)
    cli = run_cli("score", path, ok=False)
    assert cli.returncode != 0
    assert f"stance: skipping {path} line 2: empty article text" in cli.stderr.decode()

    with pytest.raises(TypeError, match="article 1 should be a dict, found str"):
        list(stance.score(["just a text"]))
    with pytest.raises(TypeError, match="field 'date' should be str, int, float or None, found list"):
        list(stance.score([{"id": "a", "text": "x", "date": [2026]}]))


# ----------------------------------------------------------------- Report


@pytest.mark.parametrize("options", [{}, {"by_period": "week", "min_statements": 2}, {"by_period": "month"}])
def test_report_equals_stance_report_byte_for_byte(articles, articles_jsonl, tmp_path, options):
    by_period = options.get("by_period")
    min_statements = options.get("min_statements", 1)
    flags = ["--min-statements", min_statements] + (["--by-period", by_period] if by_period else [])
    rows = list(stance.score(articles))
    scored = tmp_path / "scored.jsonl"
    run_cli("score", "--format", "jsonl", "--output", scored, articles_jsonl)
    from_rows = stance.Report(rows, by_period=by_period)
    from_articles = stance.Report.from_articles(articles, by_period=by_period)
    assert from_rows == from_articles
    for fmt in FORMATS:
        want = run_cli("report", "--format", fmt, *flags, "--articles", articles_jsonl).stdout
        assert written(from_rows, fmt, min_statements=min_statements) == want, fmt
        assert written(from_articles, fmt, min_statements=min_statements) == want, fmt
        # ... which is also the report over the scored file.
        assert run_cli("report", "--format", fmt, *flags, scored).stdout == want


def test_report_over_text_files_matches(articles):
    # Plain .txt articles have no dates: the report without --by-period is the same.
    undated = [{"id": a["id"], "text": a["text"]} for a in articles]
    report = stance.Report(stance.score(undated))
    for fmt in FORMATS:
        assert written(report, fmt) == run_cli("report", "--articles", "--format", fmt, ARTICLES).stdout


def test_merging_is_exact_and_order_independent(articles):
    rows = list(stance.score(articles))
    whole = stance.Report(rows, by_period="week")
    rng = random.Random(15)
    for parts in [1, 2, 3, 7, len(rows)]:
        shuffled = rows[:]
        rng.shuffle(shuffled)
        shards = [stance.Report(shuffled[i::parts], by_period="week") for i in range(parts)]
        rng.shuffle(shards)
        merged = stance.Report(by_period="week")
        for shard in shards:
            merged.merge(shard)
        assert merged == whole, parts
        assert merged.to_json() == whole.to_json()
        assert merged.to_html() == whole.to_html()
    # merge leaves its argument as it was.
    a, b = stance.Report(rows[:10]), stance.Report(rows[10:])
    before = b.to_bytes()
    a.merge(b)
    assert b.to_bytes() == before


def test_merge_conflicts_raise(articles):
    rows = list(stance.score(articles[:1]))
    with pytest.raises(stance.StanceError, match="cannot merge an aggregate by month into one by week"):
        stance.Report(by_period="week").merge(stance.Report(rows))
    other = [{k: v for k, v in r.items() if k != "p_sceptical"} for r in rows]
    for r in other:
        if r["label"] == "sceptical":
            r["label"] = "uncertain"
    with pytest.raises(stance.StanceError, match="cannot merge an aggregate over labels"):
        stance.Report(rows).merge(stance.Report(other))
    with pytest.raises(ValueError, match="by_period 'day' must be 'week', 'month' or None"):
        stance.Report(by_period="day")


def test_reports_travel_as_bytes_and_pickles(articles):
    for by_period in [None, "month", "week"]:
        report = stance.Report(stance.score(articles), by_period=by_period)
        for back in [pickle.loads(pickle.dumps(report)), copy.deepcopy(report)]:
            assert back == report
            assert back.by_period == by_period
            assert back.to_html() == report.to_html()
        from_bytes = stance.Report.from_bytes(report.to_bytes())
        assert from_bytes.to_bytes() == report.to_bytes()
        assert from_bytes.to_json() == stance.Report(stance.score(articles), by_period="week" if by_period == "week" else None).to_json()
    for bad, message in [
        (b"", "<report bytes>: not a stance aggregate"),
        (b'{"format": "stance-model"}', "<report bytes>: not a stance aggregate"),
        (report.to_bytes().replace(b'"format_version":1', b'"format_version":9'), "format version 9"),
    ]:
        with pytest.raises(stance.StanceError, match=message):
            stance.Report.from_bytes(bad)


def test_bad_rows_carry_the_cli_message(tmp_path, articles):
    row = next(iter(stance.score(articles)))
    del row["speaker"]
    with pytest.raises(stance.StanceError) as e:
        stance.Report([row])
    assert str(e.value) == "<rows> line 1: no field 'speaker'"
    path = write_jsonl(tmp_path / "bad.jsonl", [row])
    cli = run_cli("report", path, ok=False)
    assert cli.stderr.decode().strip() == f"stance: {path} line 1: no field 'speaker'"

    report = stance.Report()
    report.add([dict(row, speaker="A")])
    with pytest.raises(stance.StanceError, match="<rows> line 2: label 'dovish' is not one of"):
        report.add([dict(row, speaker="A", label="dovish")])


def test_rows_from_pandas_like_sources_are_read():
    np = pytest.importorskip("numpy")
    row = {
        "article": "a1",
        "statement": np.int64(0),
        "speaker": float("nan"),  # pandas' missing value
        "text": "We will act.",
        "label": "hawkish",
        "confidence": np.float32(0.9),
        "p_conciliatory": 0.05,
        "p_hawkish": np.float64(0.9),
        "p_sceptical": 0.05,
        "date": None,
    }
    report = stance.Report([row, dict(row, speaker="Ana", statement=np.int32(1))])
    assert report.statements_without_speaker == 1
    assert "Ana,,1,1,hawkish" in report.to_csv()


# ------------------------------------------------------------ concurrency


def test_batch_calls_release_the_gil():
    """While classify runs in one thread, another keeps running Python code."""
    model = stance.Model.default()

    def ticks_during(texts):
        ticks = 0
        done = threading.Event()
        took = []

        def work():
            start = time.perf_counter()
            model.classify(texts)
            took.append(time.perf_counter() - start)
            done.set()

        thread = threading.Thread(target=work)
        thread.start()
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)
        thread.join()
        return ticks, took[0]

    # The batch grows until one call lasts long enough to tell, so a faster
    # build or machine does not make the test meaningless.
    def statements(n):
        return [f"We will answer with force, said minister {i}, and talks can wait." for i in range(n)]

    n = 40_000
    ticks, took = ticks_during(statements(n))
    while took < 0.2 and n < 2_560_000:
        n *= 4
        ticks, took = ticks_during(statements(n))
    assert took >= 0.2, f"{n} statements classified in {took:.3f} s: too quick to tell"
    # Holding the GIL for the whole call would leave this thread a handful of
    # ticks; released, it ticks about once a millisecond.
    assert ticks > 0.2 * took * 1000, f"{ticks} ticks in {took:.3f} s"


# ------------------------------------------------------------ docs, stubs


def test_docstring_examples_run():
    failures, tried = doctest.testmod(stance, verbose=False)
    assert tried > 0 and failures == 0


def test_stubs_cover_the_module():
    stub = Path(stance.__file__).with_name("_stance.pyi")
    tree = ast.parse(stub.read_text())
    declared = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    declared |= {t.id for n in tree.body if isinstance(n, (ast.AnnAssign, ast.Assign)) for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
    public = {name for name in dir(stance._stance) if not name.startswith("_")} | {"__version__"}
    assert public <= declared, public - declared
    for name in ["Model", "Report"]:
        cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name)
        methods = {n.name for n in cls.body if isinstance(n, ast.FunctionDef)}
        runtime = {m for m in dir(getattr(stance, name)) if not m.startswith("_")}
        assert runtime <= methods, runtime - methods
    for obj in [stance.score, stance.Model.classify, stance.Report.merge, stance.Report.to_html]:
        assert obj.__doc__, obj
