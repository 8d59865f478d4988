//! Aggregates as bytes: how partial aggregates travel between processes.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::aggregate::{Aggregate, Seen, Tally, report_label_order};
use super::period::Period;
use crate::error::{Error, Result};
use crate::scored::{SCALE, UNCERTAIN};

/// Written in serialised aggregates, so that other JSON is recognised as such.
pub const AGGREGATE_FORMAT: &str = "stance-aggregate";
/// The newest serialised aggregate this build reads.
pub const AGGREGATE_VERSION: u32 = 1;

/// The serialised form of an [`Aggregate`]: every field as it is, so that it
/// round-trips exactly. Period tallies are a list, since JSON keys are text.
#[derive(Serialize, Deserialize)]
struct AggregateFile<'a> {
    format: Cow<'a, str>,
    format_version: u32,
    labels: Cow<'a, [String]>,
    period: Period,
    without_speaker: u64,
    bad_dates: u64,
    speakers: Vec<(Cow<'a, str>, Cow<'a, Tally>)>,
    periods: Vec<(Cow<'a, str>, Cow<'a, str>, Cow<'a, Tally>)>,
}

impl Aggregate {
    /// The aggregate as bytes (JSON) that [`Aggregate::from_bytes`] turns
    /// back into an equal aggregate: how partial aggregates travel between
    /// processes, e.g. from Spark executors to the driver.
    pub fn to_bytes(&self) -> Vec<u8> {
        let file = AggregateFile {
            format: AGGREGATE_FORMAT.into(),
            format_version: AGGREGATE_VERSION,
            labels: Cow::Borrowed(&self.labels),
            period: self.period,
            without_speaker: self.without_speaker,
            bad_dates: self.bad_dates,
            speakers: self
                .speakers
                .iter()
                .map(|(s, t)| (Cow::Borrowed(s.as_str()), Cow::Borrowed(t)))
                .collect(),
            periods: self
                .periods
                .iter()
                .map(|((s, p), t)| {
                    (
                        Cow::Borrowed(s.as_str()),
                        Cow::Borrowed(p.as_str()),
                        Cow::Borrowed(t),
                    )
                })
                .collect(),
        };
        serde_json::to_vec(&file).expect("an aggregate always serialises")
    }

    /// Reads bytes written by [`Aggregate::to_bytes`], with checks: damaged or
    /// foreign bytes are an error (`origin` names them), never a panic later.
    pub fn from_bytes(bytes: &[u8], origin: &Path) -> Result<Aggregate> {
        let fail = |message: String| Error::Data {
            path: origin.into(),
            message,
        };
        let file: AggregateFile<'_> = serde_json::from_slice(bytes).map_err(|e| {
            fail(format!(
                "not a stance aggregate (expected the JSON of \"format\": \"{AGGREGATE_FORMAT}\"): {e}"
            ))
        })?;
        if file.format != AGGREGATE_FORMAT {
            return Err(fail(format!(
                "not a stance aggregate (expected \"format\": \"{AGGREGATE_FORMAT}\")"
            )));
        }
        if file.format_version != AGGREGATE_VERSION {
            return Err(fail(format!(
                "aggregate format version {} is not the version {AGGREGATE_VERSION} this build reads",
                file.format_version
            )));
        }
        let labels = file.labels.into_owned();
        if report_label_order(labels.clone()) != labels
            || labels.iter().any(|l| l.is_empty() || l == UNCERTAIN)
        {
            return Err(fail(format!(
                "labels ({}) are not distinct labels in report order",
                labels.join(", ")
            )));
        }
        let check = |who: &str, t: &Tally| -> Result<()> {
            let n = labels.len();
            let counted: u64 = t.counts.iter().sum::<u64>() + t.uncertain;
            let max = t.statements * u64::from(SCALE);
            let consistent = t.counts.len() == n
                && t.probability_sums.len() == n
                && t.examples.len() == n
                && t.statements > 0
                && counted == t.statements
                && !t.articles.is_empty()
                && t.confidence_sum <= max
                && t.probability_sums.iter().all(|&p| p <= max)
                && t.first_date.is_some() == t.last_date.is_some()
                && t.examples.iter().flatten().all(|e| e.confidence <= SCALE);
            if consistent {
                Ok(())
            } else {
                Err(fail(format!("the tally of {who} is inconsistent")))
            }
        };
        let mut speakers = BTreeMap::new();
        for (speaker, tally) in file.speakers {
            check(&speaker, &tally)?;
            speakers.insert(speaker.into_owned(), tally.into_owned());
        }
        let mut periods = BTreeMap::new();
        for (speaker, period, tally) in file.periods {
            check(&format!("{speaker} in {period}"), &tally)?;
            periods.insert(
                (speaker.into_owned(), period.into_owned()),
                tally.into_owned(),
            );
        }
        Ok(Aggregate {
            labels,
            period: file.period,
            speakers,
            periods,
            without_speaker: file.without_speaker,
            bad_dates: file.bad_dates,
            // Which rows made the tally is not carried: shards of one run
            // hold different statements.
            seen: Seen::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{labels, row};
    use crate::scored::ScoredRow;

    #[test]
    fn aggregates_round_trip_through_bytes_and_merge_the_same() {
        let rows: Vec<ScoredRow> = (0..30)
            .map(|i| {
                let label = ["conciliatory", "sceptical", "hawkish", "uncertain"][i % 4];
                let mut r = row(
                    ["Ana", "Bo", "Çelik \"the\" ☃", ""][i % 4],
                    &format!("a{}", i % 4),
                    i as u64,
                    label,
                    2_000 + (i as u32 * 331) % 8_000,
                );
                r.date = [None, Some("2026-11-03".into()), Some("bad".into())][i % 3].clone();
                r
            })
            .collect();
        let mut whole = Aggregate::new(labels(), Period::Week);
        rows.iter().cloned().for_each(|r| whole.add(r));
        let origin = Path::new("<test>");
        let back = Aggregate::from_bytes(&whole.to_bytes(), origin).unwrap();
        assert_eq!(back, whole);
        assert_eq!(back.to_bytes(), whole.to_bytes());
        // Parts sent as bytes and merged in any order give the whole.
        let parts: Vec<Vec<u8>> = rows
            .chunks(7)
            .map(|chunk| {
                let mut a = Aggregate::new(labels(), Period::Week);
                chunk.iter().cloned().for_each(|r| a.add(r));
                a.to_bytes()
            })
            .collect();
        for order in [[0, 1, 2, 3, 4], [4, 2, 0, 3, 1]] {
            let mut merged = Aggregate::new(Vec::new(), Period::Week);
            for i in order {
                merged.merge(Aggregate::from_bytes(&parts[i], origin).unwrap());
            }
            assert_eq!(merged, whole);
        }
        let empty = Aggregate::new(labels(), Period::Month);
        assert_eq!(
            Aggregate::from_bytes(&empty.to_bytes(), origin).unwrap(),
            empty
        );
    }

    #[test]
    fn damaged_or_foreign_aggregates_are_refused() {
        let mut a = Aggregate::new(labels(), Period::Month);
        a.add(row("Ana", "a1", 0, "hawkish", 9_000));
        let good = String::from_utf8(a.to_bytes()).unwrap();
        for (bytes, expected) in [
            ("", "not a stance aggregate"),
            ("{\"format\": \"stance-model\"}", "not a stance aggregate"),
            (&good[..good.len() / 2], "not a stance aggregate"),
            (
                &good.replace("\"format_version\":1", "\"format_version\":2"),
                "format version 2",
            ),
            (
                &good.replace("\"statements\":1", "\"statements\":2"),
                "tally of Ana is inconsistent",
            ),
            (
                &good.replace("\"counts\":[0,0,1]", "\"counts\":[0,1]"),
                "inconsistent",
            ),
            (
                &good.replace(
                    "[\"conciliatory\",\"sceptical\"",
                    "[\"sceptical\",\"conciliatory\"",
                ),
                "report order",
            ),
        ] {
            let err = Aggregate::from_bytes(bytes.as_bytes(), Path::new("part-3"))
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("part-3: "), "{err}");
            assert!(
                err.contains(expected),
                "{err:?} should mention {expected:?}"
            );
        }
    }
}
