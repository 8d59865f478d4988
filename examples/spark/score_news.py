"""Score a news archive on Apache Spark with the stance package.

Reads JSONL shards (one article per line: id, text, optional date, source,
title), scores each partition through `stance.score`, writes the scored
statements as Parquet (the rows and columns of `stance score`), then builds
one report aggregate per partition of that Parquet output and merges them
into the final report: the report `stance report --articles` writes over
the same articles, byte for byte, however the input was split.

    python examples/spark/score_news.py --master 'local[2]' \\
        --scored out/scored.parquet --report out/report.json --report out/report.html \\
        shards/

or through spark-submit on a cluster; see the README's "Scaling out".
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

FORMATS = {".csv": "csv", ".json": "json", ".md": "markdown", ".html": "html"}

# Articles are read with this schema rather than an inferred one: inference
# is a full extra pass over the input, and a field that is a number in one
# shard and text in another would change type between runs.
ARTICLE_SCHEMA = "id string, text string, date string, source string, title string"

# Loaded once per Python worker (Spark reuses workers across tasks).
_models: dict[str | None, object] = {}


def load_model(name: str | None):
    """The default model, or a model file shipped with `SparkContext.addFile`."""
    import stance

    if name not in _models:
        if name is None:
            _models[name] = stance.Model.default()
        else:
            from pyspark import SparkFiles

            _models[name] = stance.Model.load(SparkFiles.get(name))
    return _models[name]


def scored_columns(labels: list[str]) -> list[tuple[str, str]]:
    """The columns of `stance score` on a collection, with their Spark types."""
    return (
        [("article", "string"), ("statement", "long"), ("speaker", "string"), ("start", "long")]
        + [("end", "long"), ("text", "string"), ("label", "string"), ("confidence", "double")]
        + [(f"p_{label}", "double") for label in labels]
        + [("kind", "string"), ("date", "string"), ("source", "string")]
        # What the model gave each statement read alone, before its speaker's
        # and its article's context were mixed in.
        + [(f"alone_{label}", "double") for label in labels]
    )


def score_partition(model_name: str | None, min_confidence: float, columns: list[str]):
    """A mapInPandas function: articles in, scored statements out."""

    def run(batches: Iterator) -> Iterator:
        import pandas as pd
        import stance

        model = load_model(model_name)
        for articles in batches:
            rows = stance.score(articles.to_dict("records"), model, min_confidence=min_confidence)
            yield pd.DataFrame.from_records(list(rows), columns=columns)

    return run


def aggregate_partition(by_period: str | None):
    """A mapInPandas function: scored statements in, one serialised report
    aggregate per partition out."""

    def run(batches: Iterator) -> Iterator:
        import pandas as pd
        import stance

        report = stance.Report(by_period=by_period)
        for rows in batches:
            report.add(rows.to_dict("records"))
        yield pd.DataFrame({"aggregate": [report.to_bytes()]})

    return run


def merge_bytes(report, row):
    """treeAggregate's fold: a report plus a partition's serialised aggregate."""
    import stance

    report.merge(stance.Report.from_bytes(bytes(row.aggregate)))
    return report


def merge_reports(a, b):
    a.merge(b)
    return a


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", help="JSONL files or folders of them (local paths or any URI Spark reads)")
    p.add_argument("--scored", required=True, help="where to write the scored statements (a Parquet folder)")
    p.add_argument(
        "--report",
        action="append",
        default=[],
        metavar="FILE",
        help="write the report here, on the driver; the format follows the extension: "
        + ", ".join(FORMATS)
        + " (repeat for several)",
    )
    p.add_argument("--master", help="Spark master, e.g. local[2] (default: whatever spark-submit says)")
    p.add_argument("--partitions", type=int, help="repartition the articles into this many partitions first")
    p.add_argument("--model", help="model file (default: the model built into the package)")
    p.add_argument("--min-confidence", type=float, default=0.0)
    p.add_argument("--by-period", choices=["week", "month"])
    p.add_argument("--min-statements", type=int, default=1)
    args = p.parse_args(argv)
    for path in args.report:
        if Path(path).suffix not in FORMATS:
            p.error(f"--report {path}: the name should end in one of {', '.join(FORMATS)}")
    if not 0.0 <= args.min_confidence <= 1.0:
        p.error(f"--min-confidence {args.min_confidence} must be between 0 and 1")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.master and args.master.startswith("local"):
        # Local workers run the driver's Python, where stance is installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    import stance
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("stance-score-news")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        model_name = None
        if args.model:
            spark.sparkContext.addFile(args.model)
            model_name = Path(args.model).name
        # Not through load_model: its cache is shipped with the functions
        # below, and must stay empty on the driver.
        labels = (stance.Model.load(args.model) if args.model else stance.Model.default()).labels
        columns = scored_columns(labels)
        schema = ", ".join(f"`{name}` {kind}" for name, kind in columns)
        names = [name for name, _ in columns]

        articles = spark.read.schema(ARTICLE_SCHEMA).option("mode", "FAILFAST").json(args.inputs)
        if args.partitions:
            articles = articles.repartition(args.partitions)
        scored = articles.mapInPandas(score_partition(model_name, args.min_confidence, names), schema)
        scored.write.mode("overwrite").parquet(args.scored)

        # The report is built from what was written, one aggregate per
        # partition, merged in a tree on the executors: only the final
        # aggregate reaches the driver.
        parts = spark.read.parquet(args.scored).mapInPandas(aggregate_partition(args.by_period), "aggregate binary")
        final = parts.rdd.treeAggregate(stance.Report(by_period=args.by_period), merge_bytes, merge_reports)
    finally:
        spark.stop()

    if final.statements_without_speaker:
        print(f"stance: {final.statements_without_speaker} statement(s) without a speaker left out", file=sys.stderr)
    if final.bad_dates:
        print(
            f"stance: {final.bad_dates} statement(s) with a date not in YYYY-MM-DD form counted as undated",
            file=sys.stderr,
        )
    for path in args.report:
        text = getattr(final, f"to_{FORMATS[Path(path).suffix]}")(args.min_statements)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(path).with_name(f".{Path(path).name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
