"""score_news.py in Spark local mode against the CLI: the example articles
split into JSONL shards, scored on local[2]; the Parquet rows must equal
`stance score`'s and the merged report `stance report --articles`'s, byte
for byte. Needs Java, pyspark, pandas and pyarrow: without them this fails
(it does not skip), so CI cannot pass without running it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
JOB = HERE / "score_news.py"
DATES = ["2026-10-03", "2026-11-12", "2026-11-30T08:00:00Z", "2027-01-01", "3 Nov 2026"]


def cli() -> str:
    if os.environ.get("STANCE_CLI"):
        return os.environ["STANCE_CLI"]
    built = [p for p in (ROOT / "target/release/stance", ROOT / "target/debug/stance") if p.exists()]
    if not built:
        pytest.fail("no stance CLI: run `cargo build` first or set STANCE_CLI")
    return str(max(built, key=lambda p: p.stat().st_mtime))


def stance(*args: object) -> bytes:
    return subprocess.run([cli(), *map(str, args)], capture_output=True, check=True).stdout


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/articles as three JSONL shards, with dates and sources."""
    folder = tmp_path_factory.mktemp("shards")
    paths = sorted((ROOT / "data/articles").glob("*.txt"))
    for k in range(3):
        with (folder / f"news-{k}.jsonl").open("w", encoding="utf-8") as out:
            for i in range(k, len(paths), 3):
                item = {"id": paths[i].stem, "text": paths[i].read_text(encoding="utf-8"), "date": DATES[i]}
                item["source"] = ["Herald", "Wire"][i % 2]
                out.write(json.dumps(item) + "\n")
    return folder


def run_job(out: Path, shards: Path, *options: str) -> None:
    reports = [f"--report={out / name}" for name in ("report.json", "report.html", "report.csv", "report.md")]
    done = subprocess.run(
        [sys.executable, str(JOB), "--master", "local[2]", "--scored", str(out / "scored.parquet"), *reports]
        + [*options, str(shards)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYSPARK_PYTHON": sys.executable},
    )
    assert done.returncode == 0, done.stderr[-5000:]


WEEKLY = ["--by-period", "week", "--min-statements", "2"]
UNCERTAIN = ["--min-confidence", "0.6"]


@pytest.mark.parametrize(
    "job, report, score",
    [
        ([], [], []),
        (["--partitions", "4", *WEEKLY, *UNCERTAIN], [*WEEKLY, *UNCERTAIN], UNCERTAIN),
    ],
    ids=["a-partition-per-shard", "repartitioned-weekly"],
)
def test_spark_job_equals_the_cli(tmp_path: Path, shards: Path, job: list[str], report: list[str], score: list[str]):
    run_job(tmp_path, shards, *job)

    parts = list((tmp_path / "scored.parquet").glob("part-*.parquet"))
    assert len(parts) > 1, "the job should have run more than one partition"
    for name, fmt in [("report.json", "json"), ("report.html", "html"), ("report.csv", "csv"), ("report.md", "markdown")]:
        want = stance("report", "--articles", "--format", fmt, *report, shards)
        assert (tmp_path / name).read_bytes() == want, name

    table = pq.read_table(tmp_path / "scored.parquet")
    header = stance("score", *score, shards).decode().splitlines()[0].split(",")
    assert table.column_names == header
    want = [json.loads(line) for line in stance("score", "--format", "jsonl", *score, shards).splitlines()]
    got = table.to_pylist()
    by_statement = lambda r: (r["article"], r["statement"])  # noqa: E731
    assert len(got) > 40
    assert sorted(got, key=by_statement) == sorted(want, key=by_statement)
