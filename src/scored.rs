//! The scored-statement row: one statement with its speaker, text, label and
//! probabilities, as `stance score` writes it (CSV or JSONL) and `stance
//! report` reads it back. This module owns the row: its columns, the label
//! decision (`uncertain` below `--min-confidence`), the rounding of
//! probabilities to 4 decimals, and the checks applied when reading it.
//!
//! Scoring makes [`ScoredStatement`]s ([`crate::score`]); [`rows`] writes
//! them as cells; [`ScoredRow`] is a row read back (or taken directly from a
//! scored statement with [`ScoredRow::of_statement`]), in the exact
//! ten-thousandths the report sums.

use std::borrow::Cow;
use std::path::Path;

use serde::Serialize;

use crate::articles::Article;
use crate::error::{Error, Result};
use crate::extract::StatementKind;
use crate::output::{Cell, CellRef};

/// The label given to statements below `--min-confidence`.
pub const UNCERTAIN: &str = "uncertain";

/// Probabilities and confidences are kept in ten-thousandths.
pub const SCALE: u32 = 10_000;

/// One statement of an article with its stance probabilities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredStatement {
    /// Index of the statement in its article, from 0.
    pub index: usize,
    /// Canonical speaker, when one was found.
    pub speaker: Option<String>,
    /// Byte offset of the statement in the article.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Direct quote, indirect speech, reported speech act or headline. A
    /// headline of an article with a `title` indexes the title, not the text.
    pub kind: StatementKind,
    /// Probability per model label, in model label order, with the
    /// article's context mixed in when it is on ([`crate::context`]).
    pub probabilities: Vec<f64>,
    /// With context on: the probabilities the model gave the statement read
    /// alone, before its context was mixed in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alone: Option<Vec<f64>>,
}

impl ScoredStatement {
    /// The statement's text: from the article's title for a headline when
    /// the article has one, else from its text.
    pub fn text_in<'a>(&self, article: &'a Article) -> &'a str {
        let source = match (&article.title, self.kind) {
            (Some(title), StatementKind::Headline) => title,
            _ => &article.text,
        };
        source.get(self.start..self.end).unwrap_or_default()
    }
}

/// The label to print for probabilities: the most probable, or `uncertain`
/// when its probability is below `min_confidence`.
pub fn decide<'a>(
    labels: &'a [String],
    probabilities: &[f64],
    min_confidence: f64,
) -> (&'a str, f64) {
    let best = crate::model::argmax(probabilities);
    let confidence = probabilities[best];
    if confidence < min_confidence {
        (UNCERTAIN, confidence)
    } else {
        (&labels[best], confidence)
    }
}

/// The columns of `stance score` output before the per-label ones.
pub const BASE_COLUMNS: [&str; 8] = [
    "article",
    "statement",
    "speaker",
    "start",
    "end",
    "text",
    "label",
    "confidence",
];

/// The columns of `stance score` output (CSV header, JSONL keys) for a model
/// with `labels`: [`BASE_COLUMNS`], `p_<label>` per label in model order,
/// `kind`, then `date` and `source` when the input is a collection
/// (`with_meta`), then `alone_<label>` per label when context is on
/// (`alone`): the probability the model gave the statement read alone,
/// before its article's context was mixed in.
pub fn columns(labels: &[String], with_meta: bool, alone: bool) -> Vec<String> {
    let mut columns: Vec<String> = BASE_COLUMNS.map(String::from).to_vec();
    columns.extend(labels.iter().map(|l| format!("p_{l}")));
    columns.push("kind".into());
    if with_meta {
        columns.extend(["date".into(), "source".into()]);
    }
    if alone {
        columns.extend(labels.iter().map(|l| format!("alone_{l}")));
    }
    columns
}

/// One row of `stance score` output per statement of `article`, cells in
/// [`columns`] order: what the CLI writes and the Python package yields.
pub fn rows(
    labels: &[String],
    article: &Article,
    statements: &[ScoredStatement],
    min_confidence: f64,
    with_meta: bool,
    alone: bool,
) -> Vec<Vec<Cell>> {
    let mut rows = Vec::with_capacity(statements.len());
    let each = |cells: &[CellRef<'_>]| {
        rows.push(cells.iter().map(|&c| Cell::from(c)).collect());
        Ok::<(), std::convert::Infallible>(())
    };
    let Ok(()) = for_each_row(
        labels,
        article,
        statements,
        min_confidence,
        with_meta,
        alone,
        each,
    );
    rows
}

/// Calls `write` with the cells of each row [`rows`] gives, borrowed from
/// `article` and `statements` instead of copied: the CLI writes them
/// straight out. Stops at the first error `write` returns.
pub fn for_each_row<E>(
    labels: &[String],
    article: &Article,
    statements: &[ScoredStatement],
    min_confidence: f64,
    with_meta: bool,
    alone: bool,
    mut write: impl FnMut(&[CellRef<'_>]) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    fn text(s: &Option<String>) -> CellRef<'_> {
        s.as_deref().map_or(CellRef::Null, CellRef::Str)
    }
    let mut cells = Vec::with_capacity(BASE_COLUMNS.len() + 3 + 2 * labels.len());
    for s in statements {
        let (label, confidence) = decide(labels, &s.probabilities, min_confidence);
        cells.clear();
        cells.extend([
            CellRef::Str(&article.id),
            CellRef::Int(s.index as u64),
            text(&s.speaker),
            CellRef::Int(s.start as u64),
            CellRef::Int(s.end as u64),
            CellRef::Str(s.text_in(article)),
            CellRef::Str(label),
            CellRef::Num(confidence),
        ]);
        cells.extend(s.probabilities.iter().map(|&p| CellRef::Num(p)));
        cells.push(CellRef::Str(s.kind.as_str()));
        if with_meta {
            cells.extend([text(&article.date), text(&article.source)]);
        }
        if alone {
            // Context off leaves no `alone`: the probabilities are those.
            let read_alone = s.alone.as_ref().unwrap_or(&s.probabilities);
            cells.extend(read_alone.iter().map(|&p| CellRef::Num(p)));
        }
        write(&cells)?;
    }
    Ok(())
}

/// The columns a scored file must have (besides at least one `p_<label>`).
pub const REQUIRED_COLUMNS: [&str; 6] = [
    "article",
    "statement",
    "speaker",
    "text",
    "label",
    "confidence",
];

/// One scored statement, as read from a scored file or scored on the fly.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredRow {
    /// Article id.
    pub article: String,
    /// Index of the statement in its article.
    pub statement: u64,
    /// Canonical speaker; rows without one are counted and left out.
    pub speaker: Option<String>,
    /// The statement text.
    pub text: String,
    /// Index of the label in the aggregate's labels; `None` for `uncertain`.
    pub label: Option<usize>,
    /// Top probability, in ten-thousandths.
    pub confidence: u32,
    /// Probability per label (aggregate order), in ten-thousandths.
    pub probabilities: Vec<u32>,
    /// Publication date as given (`YYYY-MM-DD...`), if any.
    pub date: Option<String>,
}

impl ScoredRow {
    /// A statement of `article` as reading back `stance score`'s output would
    /// give it, without the round trip: the same label decision and the same
    /// rounding, so `report --articles` and `score | report` agree. The
    /// statement's probabilities follow `model_labels`; the row's follow
    /// `labels` (the report's order, the same set).
    pub fn of_statement(
        article: &Article,
        statement: ScoredStatement,
        model_labels: &[String],
        labels: &[String],
        min_confidence: f64,
    ) -> ScoredRow {
        let (label, confidence) = decide(model_labels, &statement.probabilities, min_confidence);
        let rounded = |p: f64| fixed(&p.to_string()).unwrap_or(0);
        let probability = |l: &String| {
            let i = model_labels
                .iter()
                .position(|m| m == l)
                .expect("same label set");
            rounded(statement.probabilities[i])
        };
        ScoredRow {
            article: article.id.clone(),
            statement: statement.index as u64,
            text: statement.text_in(article).to_owned(),
            label: labels.iter().position(|l| l == label),
            confidence: rounded(confidence),
            probabilities: labels.iter().map(probability).collect(),
            speaker: statement.speaker,
            date: article.date.clone(),
        }
    }
}

/// One row's raw fields, before checking.
pub(crate) struct RawRow<'a> {
    pub(crate) article: Cow<'a, str>,
    pub(crate) statement: Cow<'a, str>,
    pub(crate) speaker: Cow<'a, str>,
    pub(crate) text: Cow<'a, str>,
    pub(crate) label: Cow<'a, str>,
    pub(crate) confidence: Cow<'a, str>,
    pub(crate) probabilities: Vec<Cow<'a, str>>,
    pub(crate) date: Option<Cow<'a, str>>,
}

/// The labels named by `p_<label>` columns (or keys), checked.
pub(crate) fn header_labels<'a>(
    path: &Path,
    names: impl Iterator<Item = &'a str>,
) -> Result<Vec<String>> {
    let mut labels = Vec::new();
    for name in names {
        if let Some(label) = name.trim().strip_prefix("p_") {
            if label.is_empty() || label == UNCERTAIN {
                return Err(Error::parse(path, 1, format!("bad column name '{name}'")));
            }
            if labels.iter().any(|l| l == label) {
                return Err(Error::parse(
                    path,
                    1,
                    format!("column '{name}' appears twice"),
                ));
            }
            labels.push(label.to_owned());
        }
    }
    Ok(labels)
}

/// Undoes [`crate::output::csv_safe`]: `'=x` was written for `=x`.
pub(crate) fn unneutralise(cell: &str) -> &str {
    match cell.as_bytes() {
        [b'\'', b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r', ..] => &cell[1..],
        _ => cell,
    }
}

/// Checks a row's raw fields and turns them into a [`ScoredRow`] whose
/// `label` and `probabilities` index `labels`; errors name `path` and `line`.
pub(crate) fn check_row(
    path: &Path,
    line: u64,
    labels: &[String],
    raw: RawRow<'_>,
) -> Result<ScoredRow> {
    let bad = |message: String| Error::parse(path, line, message);
    if raw.article.trim().is_empty() {
        return Err(bad("empty article id".into()));
    }
    let statement = raw.statement.trim().parse::<u64>().map_err(|_| {
        bad(format!(
            "statement '{}' is not a whole number",
            raw.statement
        ))
    })?;
    let label = raw.label.trim();
    let label = if label == UNCERTAIN {
        None
    } else {
        Some(labels.iter().position(|l| l == label).ok_or_else(|| {
            bad(format!(
                "label '{label}' is not one of the p_ columns ({}) or {UNCERTAIN}",
                labels.join(", ")
            ))
        })?)
    };
    let confidence = fixed(&raw.confidence).ok_or_else(|| {
        bad(format!(
            "confidence '{}' is not a number between 0 and 1",
            raw.confidence
        ))
    })?;
    let probabilities = labels
        .iter()
        .zip(&raw.probabilities)
        .map(|(l, p)| {
            fixed(p).ok_or_else(|| bad(format!("p_{l} '{p}' is not a number between 0 and 1")))
        })
        .collect::<Result<Vec<u32>>>()?;
    let speaker = raw.speaker.trim();
    Ok(ScoredRow {
        article: raw.article.into_owned(),
        statement,
        speaker: (!speaker.is_empty()).then(|| speaker.to_owned()),
        text: raw.text.into_owned(),
        label,
        confidence,
        probabilities,
        date: raw
            .date
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty()),
    })
}

/// A probability in ten-thousandths, rounded exactly as `stance score` writes
/// it (`{:.4}`), so a CSV cell and the JSONL number of the same run agree.
pub fn fixed(text: &str) -> Option<u32> {
    let x: f64 = text.trim().parse().ok()?;
    if !(0.0..=1.0).contains(&x) {
        return None;
    }
    // -0.0 passes the range check but would print as "-0.0000".
    let x = x.abs();
    let four = format!("{x:.4}");
    let (whole, frac) = four.split_once('.')?;
    Some(whole.parse::<u32>().ok()? * SCALE + frac.parse::<u32>().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{Format, RowWriter};

    #[test]
    fn fixed_point_matches_what_score_writes() {
        for (text, want) in [
            ("0.1805", Some(1805)),
            ("1", Some(10_000)),
            ("0", Some(0)),
            ("-0.0000", Some(0)),
            ("0.18054999", Some(1805)),
            ("0.18055001", Some(1806)),
            ("1.5", None),
            ("-0.1", None),
            ("NaN", None),
            ("abc", None),
            ("", None),
        ] {
            assert_eq!(fixed(text), want, "{text}");
        }
        // A JSONL number and the CSV cell `stance score` writes for it agree.
        for x in [0.123_45, 0.666_666_6, 0.999_95, 1e-9] {
            let cell = csv_line(&[Cell::Num(x)]);
            assert_eq!(fixed(&x.to_string()), fixed(&cell), "{x}");
        }
    }

    /// The data line `stance score --format csv` writes for `cells`.
    fn csv_line(cells: &[Cell]) -> String {
        let mut out = Vec::new();
        let names = (0..cells.len()).map(|i| format!("c{i}")).collect();
        let mut writer = RowWriter::new(Format::Csv, names, &mut out);
        writer.row(cells).unwrap();
        writer.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        text.lines().nth(1).unwrap().to_owned()
    }

    #[test]
    fn a_statement_taken_directly_equals_its_written_row_read_back() {
        let article = Article {
            id: "a1".into(),
            text: "=We will strike back, she said.".into(),
            date: Some("2026-11-03".into()),
            source: None,
            title: None,
        };
        let model_labels: Vec<String> = ["hawkish", "conciliatory", "sceptical"]
            .map(String::from)
            .to_vec();
        let labels: Vec<String> = ["conciliatory", "sceptical", "hawkish"]
            .map(String::from)
            .to_vec();
        let statement = ScoredStatement {
            index: 3,
            speaker: Some("Ana Lima".into()),
            start: 0,
            end: 21,
            kind: StatementKind::Direct,
            probabilities: vec![0.612_345, 0.200_005, 0.187_65],
            alone: None,
        };
        for min_confidence in [0.0, 0.7] {
            let row = &rows(
                &model_labels,
                &article,
                std::slice::from_ref(&statement),
                min_confidence,
                true,
                false,
            )[0];
            let line = csv_line(row);
            let record = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(line.as_bytes())
                .records()
                .next()
                .unwrap()
                .unwrap();
            let columns = columns(&model_labels, true, false);
            let get = |name: &str| {
                let i = columns.iter().position(|c| c == name).unwrap();
                Cow::Borrowed(unneutralise(&record[i]))
            };
            let raw = RawRow {
                article: get("article"),
                statement: get("statement"),
                speaker: get("speaker"),
                text: get("text"),
                label: get("label"),
                confidence: get("confidence"),
                probabilities: labels.iter().map(|l| get(&format!("p_{l}"))).collect(),
                date: Some(get("date")),
            };
            let read_back = check_row(Path::new("<test>"), 2, &labels, raw).unwrap();
            let direct = ScoredRow::of_statement(
                &article,
                statement.clone(),
                &model_labels,
                &labels,
                min_confidence,
            );
            assert_eq!(direct, read_back, "min_confidence {min_confidence}");
        }
    }

    #[test]
    fn neutralised_cells_are_read_back() {
        for (cell, want) in [
            ("'=HYPERLINK(1)", "=HYPERLINK(1)"),
            ("'-1", "-1"),
            ("'@x", "@x"),
            ("'quoted'", "'quoted'"),
            ("plain", "plain"),
            ("'", "'"),
        ] {
            assert_eq!(unneutralise(cell), want);
        }
    }
}
