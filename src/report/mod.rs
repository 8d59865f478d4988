//! Per-speaker aggregation of scored statements, and its writers.
//!
//! Scored rows ([`crate::scored::ScoredRow`]: read from the CSV or JSONL of
//! `stance score`, or taken from statements the caller scored) are added to
//! an [`Aggregate`]; [`Aggregate::finish`] turns it into a [`Report`] with one
//! row per canonical speaker, which [`write()`] prints as CSV, JSON, Markdown or
//! a self-contained HTML page. The report never scores: it knows the row,
//! not the model.
//!
//! One file per step: `period` (date arithmetic), `aggregate` (counts,
//! shares, the dominant label, net stance), `bytes` (aggregates between
//! processes), `read` (scored files), and one writer each in `csv`, `json`,
//! `markdown` and `html` (with `chart` for its SVG and `summary` for the
//! prose both pages share).
//!
//! # Exact and mergeable
//! Aggregates of shards merge into exactly the aggregate of the whole, in any
//! order ([`Aggregate::merge`]), so a report over the shards of a run is byte
//! for byte the report over one combined file. To make that hold:
//! - probabilities and confidences are summed as integers in ten-thousandths
//!   (the 4 decimals `stance score` writes; JSONL values are rounded the same way);
//! - the example per label is the most confident statement, ties going to the
//!   smaller article id, then statement index, then text (a total order);
//! - articles are counted as a set, dates as min/max;
//! - labels are in a fixed order: conciliatory, sceptical, hawkish, then any
//!   other label alphabetically, whatever the column order of the inputs;
//! - rows are sorted by statements (most first), then speaker name.
//!
//! # Input
//! A scored CSV has the header `article,statement,speaker,start,end,text,label,
//! confidence,p_<label>...,kind[,date,source]`; a JSONL file has the same keys.
//! The labels are those of the `p_*` columns. `start`, `end`, `kind` and `source`
//! are not used. A leading apostrophe before `=`, `+`, `-` or `@` (how `stance
//! score` neutralises spreadsheet formulas) is removed when reading CSV, so CSV
//! and JSONL give the same report. Rows without a speaker are left out and
//! counted. A date that does not start with a valid `YYYY-MM-DD` counts as no
//! date (and is counted).
//!
//! # Output
//! The columns of the CSV header and JSON keys, and what each holds, are
//! listed once, in the README ("Report columns"); a unit test of the CSV
//! writer checks that list against [`columns`].
//!
//! CSV writes numbers with 4 decimals and empty cells for missing values; JSON
//! writes full numbers and `null`. JSON is one object: `labels`, `period`
//! (`"week"`, `"month"` or null), `min_statements`, `statements_without_speaker`,
//! `speakers` (overall rows) and `periods` (the `--by-period` rows, else empty).
//! CSV lists the overall rows first, then the period rows (speakers in the same
//! order, periods in time order). Rows without a date are left out of period rows.
//!
//! ```
//! use stance::report::{Aggregate, Period};
//! use stance::scored::ScoredRow;
//!
//! let labels = vec!["conciliatory".to_string(), "sceptical".into(), "hawkish".into()];
//! let mut all = Aggregate::new(labels, Period::Month);
//! all.add(ScoredRow {
//!     article: "a1".into(),
//!     statement: 0,
//!     speaker: Some("Ana Lima".into()),
//!     text: "We will not back down.".into(),
//!     label: Some(2),
//!     confidence: 8_000,
//!     probabilities: vec![1_000, 1_000, 8_000],
//!     date: Some("2026-11-03".into()),
//! });
//! let report = all.finish(1, false);
//! assert_eq!(report.speakers[0].net_stance, Some(1.0));
//! ```

mod aggregate;
mod bytes;
mod chart;
mod csv;
mod html;
mod json;
mod markdown;
mod period;
mod read;
mod summary;
#[cfg(test)]
mod testing;

use std::io::Write;

use self::csv::write_csv;
use html::write_html;
use json::write_json;
use markdown::write_markdown;

pub(crate) use aggregate::report_label_order;
pub use aggregate::{Aggregate, Example, Report, SpeakerRow};
pub use bytes::{AGGREGATE_FORMAT, AGGREGATE_VERSION};
pub use csv::columns;
pub use period::Period;
pub use read::{read_scored, read_scored_file, read_scored_files};

/// The output formats of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// One row per speaker (and period), with a header.
    Csv,
    /// One JSON object holding the rows.
    Json,
    /// Tables and examples for notes and chat.
    Markdown,
    /// One self-contained page: sortable table, stance mix and trend charts.
    Html,
}

// ---------------------------------------------------------------- writing

/// `report` in `format`, as [`write()`] writes it (what `stance report` prints).
pub fn render(report: &Report, format: ReportFormat) -> std::io::Result<String> {
    let mut out = Vec::new();
    write(report, format, &mut out)?;
    String::from_utf8(out).map_err(std::io::Error::other)
}

/// Writes `report` in `format`.
pub fn write(report: &Report, format: ReportFormat, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        ReportFormat::Csv => write_csv(report, out),
        ReportFormat::Json => write_json(report, out),
        ReportFormat::Markdown => write_markdown(report, out),
        ReportFormat::Html => write_html(report, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{labels, row};

    #[test]
    fn render_is_what_write_writes() {
        let mut a = Aggregate::new(labels(), Period::Month);
        a.add(row("Ana", "a1", 0, "hawkish", 9_000));
        let report = a.finish(1, false);
        for format in [
            ReportFormat::Csv,
            ReportFormat::Json,
            ReportFormat::Markdown,
            ReportFormat::Html,
        ] {
            let mut written = Vec::new();
            write(&report, format, &mut written).unwrap();
            assert_eq!(render(&report, format).unwrap().as_bytes(), written);
        }
    }
}
