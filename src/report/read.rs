//! Reading scored files (CSV or JSONL from `stance score`) into aggregates.

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::aggregate::{Aggregate, Seen, report_label_order};
use super::period::Period;
use crate::csv_lines::LineCounter;
use crate::error::{Error, Result};
use crate::scored::{REQUIRED_COLUMNS, RawRow, check_row, header_labels, unneutralise};

/// Reads scored files (`-` is stdin) in parallel and merges them. Every file
/// is read; all errors are returned (file and line in each), and no aggregate
/// then, since a report over part of the data would mislead.
pub fn read_scored_files(
    paths: &[PathBuf],
    period: Period,
) -> std::result::Result<Aggregate, Vec<Error>> {
    let parts: Vec<Result<Aggregate>> = paths
        .par_iter()
        .map(|p| read_scored_file(p, period))
        .collect();
    let mut errors = Vec::new();
    let mut total = Aggregate::new(Vec::new(), period);
    let mut labels_from: Option<&PathBuf> = None;
    for (path, part) in paths.iter().zip(parts) {
        match part {
            Err(e) => errors.push(e),
            Ok(a) if a.labels.is_empty() => {}
            Ok(a) => match labels_from {
                Some(first) if total.labels != a.labels => errors.push(Error::parse(
                    path,
                    1,
                    format!(
                        "labels ({}) differ from those of {} ({})",
                        a.labels.join(", "),
                        first.display(),
                        total.labels.join(", ")
                    ),
                )),
                _ => {
                    if labels_from.is_none() {
                        labels_from = Some(path);
                        total.labels = a.labels.clone();
                    }
                    let overlaps = a
                        .seen
                        .lines
                        .keys()
                        .any(|k| total.seen.lines.contains_key(k));
                    if !overlaps {
                        total.merge(a);
                    } else {
                        // Read it again, this time knowing what came before,
                        // so that repeated statements count once.
                        match read_scored_file_after(path, period, total.seen.clone()) {
                            Ok(again) => {
                                let seen = again.seen.clone();
                                total.merge(again);
                                total.seen = seen;
                            }
                            Err(e) => errors.push(e),
                        }
                    }
                }
            },
        }
    }
    if errors.is_empty() {
        Ok(total)
    } else {
        Err(errors)
    }
}

/// Reads one scored file, CSV or JSONL (told apart by the first character:
/// `{` starts JSONL). `-` reads stdin.
pub fn read_scored_file(path: &Path, period: Period) -> Result<Aggregate> {
    read_scored_file_after(path, period, Seen::default())
}

fn read_scored_file_after(path: &Path, period: Period, seen: Seen) -> Result<Aggregate> {
    if path.as_os_str() == "-" {
        let stdin = std::io::stdin();
        return read_scored_after(Path::new("<stdin>"), stdin.lock(), period, seen);
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    read_scored_after(path, file, period, seen)
}

/// Reads scored statements from `input`; `path` names it in errors.
pub fn read_scored(path: &Path, input: impl Read, period: Period) -> Result<Aggregate> {
    read_scored_after(path, input, period, Seen::default())
}

fn read_scored_after(
    path: &Path,
    input: impl Read,
    period: Period,
    seen: Seen,
) -> Result<Aggregate> {
    let mut input = BufReader::new(input);
    let head = input.fill_buf().map_err(|e| Error::io(path, e))?;
    let bom = head.starts_with(b"\xEF\xBB\xBF");
    let jsonl = head[if bom { 3 } else { 0 }..]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        == Some(&b'{');
    if bom {
        // Dropped here so that the csv crate's byte offsets match ours.
        input.consume(3);
    }
    if jsonl {
        read_jsonl(path, input, period, seen)
    } else {
        read_csv(path, input, period, seen)
    }
}

fn read_csv(path: &Path, input: impl Read, period: Period, seen: Seen) -> Result<Aggregate> {
    let mut reader = csv::ReaderBuilder::new().from_reader(LineCounter::new(input));
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(crate::csv_lines::error(path, &e, reader.get_mut())),
    };
    let find = |name: &str| headers.iter().position(|h| h.trim() == name);
    let missing = |column: &str| Error::MissingColumn {
        path: path.into(),
        column: column.into(),
        found: headers.iter().collect::<Vec<_>>().join(", "),
    };
    let mut required = [0; REQUIRED_COLUMNS.len()];
    for (slot, name) in required.iter_mut().zip(REQUIRED_COLUMNS) {
        *slot = find(name).ok_or_else(|| missing(name))?;
    }
    let [article, statement, speaker, text, label, confidence] = required;
    let labels = header_labels(path, headers.iter())?;
    if labels.is_empty() {
        return Err(missing("p_<label>"));
    }
    let mut aggregate = Aggregate::new(labels, period);
    aggregate.seen = seen;
    let probability_columns: Vec<usize> = aggregate
        .labels
        .iter()
        .map(|l| find(&format!("p_{l}")).expect("label columns were just read"))
        .collect();
    let date = find("date");
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Err(e) => return Err(crate::csv_lines::error(path, &e, reader.get_mut())),
            Ok(true) => {
                let line = reader.get_mut().line_of(record.position());
                let get = |i: usize| Cow::Borrowed(unneutralise(&record[i]));
                let raw = RawRow {
                    article: get(article),
                    statement: get(statement),
                    speaker: get(speaker),
                    text: get(text),
                    label: get(label),
                    confidence: get(confidence),
                    probabilities: probability_columns
                        .iter()
                        .map(|&i| Cow::Borrowed(&record[i]))
                        .collect(),
                    date: date.map(|i| Cow::Borrowed(&record[i])),
                };
                let row = check_row(path, line, &aggregate.labels, raw)?;
                if aggregate.first_time(path, line, &row) {
                    aggregate.add(row);
                }
            }
        }
    }
    Ok(aggregate)
}

fn read_jsonl(path: &Path, input: impl BufRead, period: Period, seen: Seen) -> Result<Aggregate> {
    let mut aggregate = Aggregate::new(Vec::new(), period);
    aggregate.seen = seen;
    for (i, line) in input.lines().enumerate() {
        let n = i as u64 + 1;
        let line = line.map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => Error::parse(path, n, "not valid UTF-8"),
            _ => Error::io(path, e),
        })?;
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        aggregate.add_json(path, n, &crate::jsonl::object(path, n, line)?)?;
    }
    Ok(aggregate)
}

impl Aggregate {
    /// Adds one scored statement given as a JSON object, a line of `stance
    /// score --format jsonl`, with the checks and messages of reading such a
    /// file (`path` and `line` name it). Its `p_<label>` keys give the labels
    /// when nothing was added yet, and must name the same labels after that.
    pub fn add_json(
        &mut self,
        path: &Path,
        n: u64,
        obj: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<()> {
        let labels =
            header_labels(path, obj.keys().map(String::as_str)).map_err(|e| relined(e, n))?;
        if self.labels.is_empty() {
            if labels.is_empty() {
                return Err(Error::parse(path, n, "no p_<label> fields"));
            }
            self.labels = report_label_order(labels.clone());
        }
        if report_label_order(labels) != self.labels {
            return Err(Error::parse(
                path,
                n,
                format!(
                    "its p_ fields differ from the first line's (p_{})",
                    self.labels.join(", p_")
                ),
            ));
        }
        let field = |key: &str| {
            crate::jsonl::text_field(obj, key).map_err(|other| {
                Error::parse(
                    path,
                    n,
                    format!("field '{key}' should be text or a number, found {other}"),
                )
            })
        };
        let required = |key: &str| -> Result<Cow<'_, str>> {
            field(key)?.ok_or_else(|| Error::parse(path, n, format!("no field '{key}'")))
        };
        let raw = RawRow {
            article: required("article")?,
            statement: required("statement")?,
            speaker: required("speaker")?,
            text: required("text")?,
            label: required("label")?,
            confidence: required("confidence")?,
            probabilities: self
                .labels
                .iter()
                .map(|l| required(&format!("p_{l}")))
                .collect::<Result<_>>()?,
            date: field("date")?,
        };
        let row = check_row(path, n, &self.labels, raw)?;
        if self.first_time(path, n, &row) {
            self.add(row);
        }
        Ok(())
    }
}

fn relined(e: Error, line: u64) -> Error {
    match e {
        Error::Parse { path, message, .. } => Error::Parse {
            path,
            line,
            message,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::labels;

    #[test]
    fn json_rows_are_checked_as_jsonl_lines_are() {
        let path = Path::new("<rows>");
        let obj = |v: serde_json::Value| v.as_object().unwrap().clone();
        let good = obj(serde_json::json!({
            "article": "a1", "statement": 0, "speaker": "Ana", "text": "We will act.",
            "label": "hawkish", "confidence": 0.81234, "p_hawkish": 0.81234,
            "p_conciliatory": 0.1, "p_sceptical": 0.08766, "date": null,
        }));
        let mut a = Aggregate::new(Vec::new(), Period::Month);
        a.add_json(path, 1, &good).unwrap();
        assert_eq!(a.labels(), labels());
        let report = a.clone().finish(1, false);
        assert_eq!(report.speakers[0].counts, [0, 0, 1]);
        assert_eq!(
            report.speakers[0].examples[2].as_ref().unwrap().confidence,
            8_123
        );
        let mut missing = good.clone();
        missing.remove("speaker");
        let mut other_labels = good.clone();
        other_labels.insert("p_neutral".into(), 0.0.into());
        for (row, expected) in [
            (missing, "<rows> line 2: no field 'speaker'"),
            (
                other_labels,
                "<rows> line 2: its p_ fields differ from the first line's",
            ),
            (
                obj(serde_json::json!({"article": "a"})),
                "<rows> line 2: its p_",
            ),
        ] {
            let err = a.add_json(path, 2, &row).unwrap_err().to_string();
            assert!(err.starts_with(expected), "{err}");
        }
        let err = Aggregate::new(Vec::new(), Period::Month)
            .add_json(path, 1, &obj(serde_json::json!({"article": "a"})))
            .unwrap_err();
        assert_eq!(err.to_string(), "<rows> line 1: no p_<label> fields");
    }
}
