"""Shared helpers: the repository, the built `stance` CLI, the example articles."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = ROOT / "data" / "articles"


def cli_path() -> Path:
    """The CLI to compare with: $STANCE_CLI, else the newest build in target/."""
    if os.environ.get("STANCE_CLI"):
        return Path(os.environ["STANCE_CLI"])
    built = [p for p in (ROOT / "target/release/stance", ROOT / "target/debug/stance") if p.exists()]
    if not built:
        pytest.fail("no stance CLI: run `cargo build` first or set STANCE_CLI")
    return max(built, key=lambda p: p.stat().st_mtime)


def run_cli(*args: object, ok: bool = True) -> subprocess.CompletedProcess[bytes]:
    """Runs `stance ARGS...`; with `ok`, it must succeed."""
    done = subprocess.run([str(cli_path()), *map(str, args)], capture_output=True, check=False)
    if ok and done.returncode != 0:
        raise AssertionError(f"stance {args} failed: {done.stderr.decode()}")
    return done


def cli_jsonl(*args: object) -> list[dict]:
    """The JSON lines `stance ARGS...` prints."""
    return [json.loads(line) for line in run_cli(*args).stdout.decode().splitlines()]


#: Dates for the example articles: months, an ISO week 53, a timestamp, and
#: one that is no date (counted as undated, as the CLI counts it).
DATES = ["2026-10-03", "2026-11-12", "2026-11-30T08:00:00Z", "2027-01-01", "3 Nov 2026"]


def example_articles() -> list[dict]:
    """data/articles as collection items, each with a date and a source so
    that period rows and the date/source columns are exercised."""
    return [
        {"id": path.stem, "text": path.read_text(encoding="utf-8"), "date": date, "source": ["Herald", "Wire"][i % 2]}
        for i, (path, date) in enumerate(zip(sorted(ARTICLES.glob("*.txt")), DATES, strict=True))
    ]


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def articles() -> list[dict]:
    return example_articles()


@pytest.fixture(scope="session")
def articles_jsonl(tmp_path_factory: pytest.TempPathFactory, articles: list[dict]) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("news") / "news.jsonl", articles)
