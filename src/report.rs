//! Per-speaker aggregation of scored statements, and its writers.
//!
//! Scored statements (the CSV or JSONL of `stance score`, or statements scored
//! on the fly) are added to an [`Aggregate`]; [`Aggregate::finish`] turns it into
//! a [`Report`] with one row per canonical speaker, which [`write`] prints as
//! CSV, JSON, Markdown or a self-contained HTML page.
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
//! # Output columns (CSV header and JSON keys)
//! Every row has the same columns; `<label>` stands for each label in order.
//!
//! | column | meaning |
//! | --- | --- |
//! | `speaker` | canonical speaker name |
//! | `period` | empty for a speaker's overall row; `2026-11` or `2026-W47` for `--by-period` rows |
//! | `statements` | statements attributed to the speaker (uncertain and neutral ones included) |
//! | `articles` | distinct articles they come from |
//! | `dominant` | the stance label with the most statements (ties: higher mean probability, then label order); empty if no statement has a stance label |
//! | `net_stance` | `share_hawkish - share_conciliatory`, from -1 to 1; empty without those labels or without statements with a stance label |
//! | `mean_confidence` | mean top probability over all statements |
//! | `first_date`, `last_date` | first and last `YYYY-MM-DD` among dated statements; empty when none has a date |
//! | `n_<label>` | statements labelled `<label>` |
//! | `n_uncertain` | statements labelled `uncertain` (below `--min-confidence` when scored) |
//! | `share_<label>` | for each stance label (not `neutral`): `n_<label>` divided by the statements with a stance label (`uncertain` and `neutral` left out, so shares sum to 1); empty when none has one |
//! | `mean_p_<label>` | mean probability of `<label>` over all statements |
//! | `example_<label>` | text of the most confident statement labelled `<label>` |
//! | `example_<label>_article` | its article id |
//! | `example_<label>_statement` | its statement index in that article |
//! | `example_<label>_confidence` | its confidence |
//!
//! CSV writes numbers with 4 decimals and empty cells for missing values; JSON
//! writes full numbers and `null`. JSON is one object: `labels`, `period`
//! (`"week"`, `"month"` or null), `min_statements`, `statements_without_speaker`,
//! `speakers` (overall rows) and `periods` (the `--by-period` rows, else empty).
//! CSV lists the overall rows first, then the period rows (speakers in the same
//! order, periods in time order). Rows without a date are left out of period rows.
//!
//! ```
//! use stance::report::{Aggregate, Period, ScoredRow};
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

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::articles::Article;
use crate::csv_lines::LineCounter;
use crate::error::{Error, Result};
use crate::model::Model;
use crate::output::{Cell, Format, RowWriter, html_escape};
use crate::score::{UNCERTAIN, decide, score_articles};
use crate::stance::Stance;

/// Probabilities and confidences are kept in ten-thousandths.
pub const SCALE: u32 = 10_000;

/// The columns a scored file must have (besides at least one `p_<label>`).
pub const REQUIRED_COLUMNS: [&str; 6] = [
    "article",
    "statement",
    "speaker",
    "text",
    "label",
    "confidence",
];

/// The calendar unit of period rows and of the HTML trend chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// ISO week, `2026-W47`.
    Week,
    /// Calendar month, `2026-11`.
    Month,
}

impl Period {
    /// `week` or `month`.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    /// The period a `YYYY-MM-DD` day falls in.
    fn of(self, (y, m, d): (i32, u32, u32)) -> String {
        match self {
            Period::Month => format!("{y:04}-{m:02}"),
            Period::Week => {
                let (year, week) = iso_week(y, m, d);
                format!("{year:04}-W{week:02}")
            }
        }
    }
}

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

/// The most confident statement of a speaker for one label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    /// Article id.
    pub article: String,
    /// Statement index in the article.
    pub statement: u64,
    /// Statement text.
    pub text: String,
    /// Confidence, in ten-thousandths.
    pub confidence: u32,
}

impl Example {
    /// The total order examples are chosen by: smallest key wins.
    fn key(&self) -> (Reverse<u32>, &str, u64, &str) {
        (
            Reverse(self.confidence),
            &self.article,
            self.statement,
            &self.text,
        )
    }
}

/// Running sums for one speaker (or one speaker in one period). Every field
/// merges exactly: integer sums, a set, min/max, a total-order best.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Tally {
    statements: u64,
    articles: BTreeSet<String>,
    counts: Vec<u64>,
    uncertain: u64,
    probability_sums: Vec<u64>,
    confidence_sum: u64,
    first_date: Option<String>,
    last_date: Option<String>,
    examples: Vec<Option<Example>>,
}

impl Tally {
    fn new(labels: usize) -> Self {
        Tally {
            statements: 0,
            articles: BTreeSet::new(),
            counts: vec![0; labels],
            uncertain: 0,
            probability_sums: vec![0; labels],
            confidence_sum: 0,
            first_date: None,
            last_date: None,
            examples: vec![None; labels],
        }
    }

    fn add(&mut self, row: &ScoredRow, day: Option<&str>) {
        self.statements += 1;
        if !self.articles.contains(&row.article) {
            self.articles.insert(row.article.clone());
        }
        match row.label {
            Some(l) => self.counts[l] += 1,
            None => self.uncertain += 1,
        }
        for (sum, &p) in self.probability_sums.iter_mut().zip(&row.probabilities) {
            *sum += u64::from(p);
        }
        self.confidence_sum += u64::from(row.confidence);
        if let Some(day) = day {
            self.add_dates(day, day);
        }
        if let Some(l) = row.label {
            let candidate = (
                Reverse(row.confidence),
                row.article.as_str(),
                row.statement,
                row.text.as_str(),
            );
            if self.examples[l]
                .as_ref()
                .is_none_or(|e| candidate < e.key())
            {
                self.examples[l] = Some(Example {
                    article: row.article.clone(),
                    statement: row.statement,
                    text: row.text.clone(),
                    confidence: row.confidence,
                });
            }
        }
    }

    fn add_dates(&mut self, first: &str, last: &str) {
        if self.first_date.as_deref().is_none_or(|d| first < d) {
            self.first_date = Some(first.to_owned());
        }
        if self.last_date.as_deref().is_none_or(|d| last > d) {
            self.last_date = Some(last.to_owned());
        }
    }

    fn merge(&mut self, other: Tally) {
        self.statements += other.statements;
        self.articles.extend(other.articles);
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b;
        }
        self.uncertain += other.uncertain;
        for (a, b) in self.probability_sums.iter_mut().zip(other.probability_sums) {
            *a += b;
        }
        self.confidence_sum += other.confidence_sum;
        if let (Some(first), Some(last)) = (&other.first_date, &other.last_date) {
            self.add_dates(first, last);
        }
        for (mine, theirs) in self.examples.iter_mut().zip(other.examples) {
            if let Some(theirs) = theirs
                && mine.as_ref().is_none_or(|m| theirs.key() < m.key())
            {
                *mine = Some(theirs);
            }
        }
    }
}

/// Scored statements summed per speaker and per speaker and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    labels: Vec<String>,
    period: Period,
    speakers: BTreeMap<String, Tally>,
    periods: BTreeMap<(String, String), Tally>,
    without_speaker: u64,
    bad_dates: u64,
    seen: Seen,
}

/// The (article, statement) pairs read from scored files, with the line of
/// each, so that a file given twice is not counted twice.
#[derive(Debug, Clone, Default)]
struct Seen {
    lines: HashMap<(String, u64), u64>,
    repeated: u64,
    first_repeat: Option<String>,
}

/// Two aggregates are equal when their counts are: where the rows came from
/// (files or articles scored on the fly) does not matter.
impl PartialEq for Seen {
    fn eq(&self, _: &Seen) -> bool {
        true
    }
}

impl Aggregate {
    /// An empty aggregate over `labels` (put in report order, see
    /// [`report_label_order`]), with period tallies by `period`.
    pub fn new(labels: Vec<String>, period: Period) -> Self {
        Aggregate {
            labels: report_label_order(labels),
            period,
            speakers: BTreeMap::new(),
            periods: BTreeMap::new(),
            without_speaker: 0,
            bad_dates: 0,
            seen: Seen::default(),
        }
    }

    /// Records that `path` holds the statement `row` at `line`: false when the
    /// same (article, statement) pair was read before (from a file given
    /// twice, or overlapping shards), which is then counted once.
    fn first_time(&mut self, path: &Path, line: u64, row: &ScoredRow) -> bool {
        match self.seen.lines.entry((row.article.clone(), row.statement)) {
            std::collections::hash_map::Entry::Occupied(_) => {
                self.seen.repeated += 1;
                if self.seen.first_repeat.is_none() {
                    self.seen.first_repeat = Some(format!(
                        "{} line {line}: article '{}' statement {}",
                        path.display(),
                        row.article,
                        row.statement
                    ));
                }
                false
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(line);
                true
            }
        }
    }

    /// Rows left out because their (article, statement) pair had been read
    /// already, and where the first of them is.
    pub fn repeated(&self) -> (u64, Option<&str>) {
        (self.seen.repeated, self.seen.first_repeat.as_deref())
    }

    /// The labels, in report order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The unit of the period tallies.
    pub fn period(&self) -> Period {
        self.period
    }

    /// Statements left out because they have no speaker.
    pub fn without_speaker(&self) -> u64 {
        self.without_speaker
    }

    /// Statements whose date is not a `YYYY-MM-DD` day (counted as undated).
    pub fn bad_dates(&self) -> u64 {
        self.bad_dates
    }

    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.speakers.is_empty() && self.without_speaker == 0
    }

    /// Adds one statement. Its `label` and `probabilities` index [`Self::labels`].
    pub fn add(&mut self, row: ScoredRow) {
        let Some(speaker) = row.speaker.as_deref().filter(|s| !s.trim().is_empty()) else {
            self.without_speaker += 1;
            return;
        };
        let speaker = speaker.trim();
        let day = match row.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(date) => {
                let day = parse_day(date);
                if day.is_none() {
                    self.bad_dates += 1;
                }
                day.map(|d| (d, &date[..10]))
            }
        };
        let n = self.labels.len();
        if let Some((ymd, text)) = day {
            self.periods
                .entry((speaker.to_owned(), self.period.of(ymd)))
                .or_insert_with(|| Tally::new(n))
                .add(&row, Some(text));
        }
        match self.speakers.get_mut(speaker) {
            Some(t) => t.add(&row, day.map(|d| d.1)),
            None => {
                let mut t = Tally::new(n);
                t.add(&row, day.map(|d| d.1));
                self.speakers.insert(speaker.to_owned(), t);
            }
        }
    }

    /// Why `other` cannot be merged into `self`, if it cannot: their periods
    /// differ, or both hold statements and their labels differ (an aggregate
    /// to which nothing was added takes the labels of the other).
    pub fn merge_conflict(&self, other: &Aggregate) -> Option<String> {
        if self.period != other.period {
            return Some(format!(
                "cannot merge an aggregate by {} into one by {}",
                other.period.as_str(),
                self.period.as_str()
            ));
        }
        if !self.is_blank() && !other.is_blank() && self.labels != other.labels {
            return Some(format!(
                "cannot merge an aggregate over labels ({}) into one over ({})",
                other.labels.join(", "),
                self.labels.join(", ")
            ));
        }
        None
    }

    /// True when nothing at all was added (not even a row without a speaker).
    fn is_blank(&self) -> bool {
        self.is_empty() && self.bad_dates == 0
    }

    /// Adds `other`, as if its statements had been added to `self`. The result
    /// does not depend on the order of merges.
    ///
    /// # Panics
    /// When [`Self::merge_conflict`] names a conflict ([`read_scored_files`]
    /// checks labels first and reports the file).
    pub fn merge(&mut self, other: Aggregate) {
        if let Some(conflict) = self.merge_conflict(&other) {
            panic!("{conflict}");
        }
        if other.is_blank() {
            return;
        }
        if self.is_blank() {
            *self = other;
            return;
        }
        self.without_speaker += other.without_speaker;
        self.bad_dates += other.bad_dates;
        self.seen.lines.extend(other.seen.lines);
        self.seen.repeated += other.seen.repeated;
        if self.seen.first_repeat.is_none() {
            self.seen.first_repeat = other.seen.first_repeat;
        }
        for (speaker, tally) in other.speakers {
            match self.speakers.get_mut(&speaker) {
                Some(t) => t.merge(tally),
                None => {
                    self.speakers.insert(speaker, tally);
                }
            }
        }
        for (key, tally) in other.periods {
            match self.periods.get_mut(&key) {
                Some(t) => t.merge(tally),
                None => {
                    self.periods.insert(key, tally);
                }
            }
        }
    }

    /// The report: speakers with at least `min_statements` statements, sorted
    /// by statements (most first) then name. Period rows are always computed
    /// (the HTML trend chart uses them); `period_rows` says whether the
    /// writers list them.
    pub fn finish(self, min_statements: u64, period_rows: bool) -> Report {
        let stances = (
            self.labels.iter().position(|l| l == "conciliatory"),
            self.labels.iter().position(|l| l == "hawkish"),
        );
        let net = match stances {
            (Some(c), Some(h)) => Some((c, h)),
            _ => None,
        };
        let stance = stance_mask(&self.labels);
        let total = self.speakers.len();
        let mut kept: Vec<(String, Tally)> = self
            .speakers
            .into_iter()
            .filter(|(_, t)| t.statements >= min_statements)
            .collect();
        kept.sort_by(|a, b| {
            b.1.statements
                .cmp(&a.1.statements)
                .then_with(|| a.0.cmp(&b.0))
        });
        let mut periods_of: HashMap<String, Vec<(String, Tally)>> = HashMap::new();
        for ((speaker, period), tally) in self.periods {
            periods_of.entry(speaker).or_default().push((period, tally));
        }
        let mut periods = Vec::new();
        for (speaker, _) in &kept {
            for (period, tally) in periods_of.remove(speaker).unwrap_or_default() {
                periods.push(speaker_row(
                    speaker.clone(),
                    Some(period),
                    tally,
                    net,
                    &stance,
                ));
            }
        }
        let speakers: Vec<SpeakerRow> = kept
            .into_iter()
            .map(|(speaker, tally)| speaker_row(speaker, None, tally, net, &stance))
            .collect();
        Report {
            labels: self.labels,
            period: self.period,
            hidden_speakers: total - speakers.len(),
            speakers,
            periods,
            period_rows,
            min_statements,
            without_speaker: self.without_speaker,
            bad_dates: self.bad_dates,
        }
    }
}

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

/// Per label: whether it takes a side. `neutral` statements are counted but,
/// like `uncertain` ones, left out of shares, the dominant label and net stance.
pub fn stance_mask(labels: &[String]) -> Vec<bool> {
    labels.iter().map(|l| Stance::is_stance_label(l)).collect()
}

fn speaker_row(
    speaker: String,
    period: Option<String>,
    t: Tally,
    net: Option<(usize, usize)>,
    stance: &[bool],
) -> SpeakerRow {
    let decided: u64 = t
        .counts
        .iter()
        .zip(stance)
        .filter(|(_, s)| **s)
        .map(|(n, _)| n)
        .sum();
    let ratio = |num: u64, den: u64| num as f64 / den as f64;
    let dominant = (decided > 0)
        .then(|| {
            (0..t.counts.len())
                .filter(|&i| stance[i])
                .min_by_key(|&i| (Reverse(t.counts[i]), Reverse(t.probability_sums[i]), i))
        })
        .flatten();
    SpeakerRow {
        speaker,
        period,
        statements: t.statements,
        articles: t.articles.len() as u64,
        shares: t
            .counts
            .iter()
            .zip(stance)
            .map(|(&n, &s)| (s && decided > 0).then(|| ratio(n, decided)))
            .collect(),
        mean_probabilities: t
            .probability_sums
            .iter()
            .map(|&s| ratio(s, t.statements * u64::from(SCALE)))
            .collect(),
        dominant,
        net_stance: net
            .filter(|_| decided > 0)
            .map(|(c, h)| (t.counts[h] as f64 - t.counts[c] as f64) / decided as f64),
        mean_confidence: ratio(t.confidence_sum, t.statements * u64::from(SCALE)),
        counts: t.counts,
        uncertain: t.uncertain,
        first_date: t.first_date,
        last_date: t.last_date,
        examples: t.examples,
    }
}

/// One row of the report: a speaker, overall or in one period.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerRow {
    /// Canonical speaker name.
    pub speaker: String,
    /// `None` for the overall row, else `2026-11` / `2026-W47`.
    pub period: Option<String>,
    /// Statements, uncertain ones included.
    pub statements: u64,
    /// Distinct articles.
    pub articles: u64,
    /// Statements per label.
    pub counts: Vec<u64>,
    /// Statements labelled `uncertain`.
    pub uncertain: u64,
    /// Share per label among statements with a stance label (`uncertain` and
    /// `neutral` left out); `None` for `neutral` and when no statement has a stance.
    pub shares: Vec<Option<f64>>,
    /// Mean probability per label over all statements.
    pub mean_probabilities: Vec<f64>,
    /// Index of the dominant label.
    pub dominant: Option<usize>,
    /// Share hawkish minus share conciliatory, when both labels exist.
    pub net_stance: Option<f64>,
    /// Mean top probability.
    pub mean_confidence: f64,
    /// First `YYYY-MM-DD`.
    pub first_date: Option<String>,
    /// Last `YYYY-MM-DD`.
    pub last_date: Option<String>,
    /// Most confident statement per label.
    pub examples: Vec<Option<Example>>,
}

/// Per-speaker rows, ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The labels, in report order.
    pub labels: Vec<String>,
    /// The unit of `periods`.
    pub period: Period,
    /// One row per speaker, sorted.
    pub speakers: Vec<SpeakerRow>,
    /// Per speaker and period, speakers in `speakers` order, periods in time order.
    pub periods: Vec<SpeakerRow>,
    /// Whether the writers list `periods` (`--by-period`).
    pub period_rows: bool,
    /// Speakers with fewer statements are left out.
    pub min_statements: u64,
    /// How many speakers that left out.
    pub hidden_speakers: usize,
    /// Statements left out for want of a speaker.
    pub without_speaker: u64,
    /// Statements whose date was not `YYYY-MM-DD`.
    pub bad_dates: u64,
}

/// Puts labels in report order: the three stances in the guide's order, then
/// any other label alphabetically. Independent of input column order, so
/// shards with shuffled columns still give one report.
pub fn report_label_order(mut labels: Vec<String>) -> Vec<String> {
    labels.sort_by(|a, b| {
        let rank = |l: &str| {
            Stance::ALL
                .iter()
                .position(|s| s.as_str() == l)
                .unwrap_or(Stance::ALL.len())
        };
        rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
    });
    labels.dedup();
    labels
}

// ---------------------------------------------------------------- reading

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

/// One row's raw fields, before checking.
struct RawRow<'a> {
    article: Cow<'a, str>,
    statement: Cow<'a, str>,
    speaker: Cow<'a, str>,
    text: Cow<'a, str>,
    label: Cow<'a, str>,
    confidence: Cow<'a, str>,
    probabilities: Vec<Cow<'a, str>>,
    date: Option<Cow<'a, str>>,
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

/// The labels named by `p_<label>` columns (or keys), checked.
fn header_labels<'a>(path: &Path, names: impl Iterator<Item = &'a str>) -> Result<Vec<String>> {
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
fn unneutralise(cell: &str) -> &str {
    match cell.as_bytes() {
        [b'\'', b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r', ..] => &cell[1..],
        _ => cell,
    }
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

fn check_row(path: &Path, line: u64, labels: &[String], raw: RawRow<'_>) -> Result<ScoredRow> {
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

/// The day a date starts with: `2026-11-03` or `2026-11-03T10:00:00Z`.
fn parse_day(date: &str) -> Option<(i32, u32, u32)> {
    let b = date.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        let part = date.get(from..to)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (y, m, d) = (number(0, 4)? as i32, number(5, 7)?, number(8, 10)?);
    ((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)).then_some((y, m, d))
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * i64::from((m + 9) % 12) + 2) / 5 + i64::from(d) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// ISO 8601 week-numbering year and week: weeks start on Monday, and week 1
/// is the one with the year's first Thursday.
fn iso_week(y: i32, m: u32, d: u32) -> (i32, u32) {
    let days = days_from_civil(y, m, d);
    let monday_based = (days + 3).rem_euclid(7);
    let thursday = days - monday_based + 3;
    let year = if thursday < days_from_civil(y, 1, 1) {
        y - 1
    } else if thursday >= days_from_civil(y + 1, 1, 1) {
        y + 1
    } else {
        y
    };
    (
        year,
        ((thursday - days_from_civil(year, 1, 1)) / 7 + 1) as u32,
    )
}

// ------------------------------------------------------ scoring on the fly

/// Scores articles and aggregates their statements, with the same rounding
/// as `stance score` followed by reading its output, so both routes give the
/// same report. Bad articles are returned as errors; reading goes on.
pub fn aggregate_articles(
    model: &Model,
    articles: impl Iterator<Item = Result<Article>>,
    min_confidence: f64,
    period: Period,
) -> (Aggregate, Vec<Error>) {
    let mut aggregate = Aggregate::new(model.labels().to_vec(), period);
    let order: Vec<usize> = aggregate
        .labels
        .iter()
        .map(|l| {
            model
                .labels()
                .iter()
                .position(|m| m == l)
                .expect("same label set")
        })
        .collect();
    let mut errors = Vec::new();
    for item in score_articles(model, articles) {
        let (article, statements) = match item {
            Ok(scored) => scored,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        for s in statements {
            let (label, confidence) = decide(model.labels(), &s.probabilities, min_confidence);
            let rounded = |p: f64| fixed(&p.to_string()).unwrap_or(0);
            let text = s.text_in(&article).to_owned();
            aggregate.add(ScoredRow {
                article: article.id.clone(),
                statement: s.index as u64,
                speaker: s.speaker,
                text,
                label: aggregate.labels.iter().position(|l| l == label),
                confidence: rounded(confidence),
                probabilities: order.iter().map(|&i| rounded(s.probabilities[i])).collect(),
                date: article.date.clone(),
            });
        }
    }
    (aggregate, errors)
}

// ---------------------------------------------------------------- writing

/// `report` in `format`, as [`write`] writes it (what `stance report` prints).
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

/// The CSV columns (and JSON keys) of a report over `labels`.
pub fn columns(labels: &[String]) -> Vec<String> {
    let mut columns: Vec<String> = [
        "speaker",
        "period",
        "statements",
        "articles",
        "dominant",
        "net_stance",
        "mean_confidence",
        "first_date",
        "last_date",
    ]
    .map(String::from)
    .to_vec();
    columns.extend(labels.iter().map(|l| format!("n_{l}")));
    columns.push(format!("n_{UNCERTAIN}"));
    columns.extend(
        labels
            .iter()
            .filter(|l| Stance::is_stance_label(l))
            .map(|l| format!("share_{l}")),
    );
    columns.extend(labels.iter().map(|l| format!("mean_p_{l}")));
    for l in labels {
        for suffix in ["", "_article", "_statement", "_confidence"] {
            columns.push(format!("example_{l}{suffix}"));
        }
    }
    columns
}

fn cells(row: &SpeakerRow, labels: &[String]) -> Vec<Cell> {
    let text = |s: &Option<String>| s.clone().map_or(Cell::Null, Cell::Str);
    let num = |x: Option<f64>| x.map_or(Cell::Null, Cell::Num);
    let mut cells = vec![
        Cell::Str(row.speaker.clone()),
        text(&row.period),
        Cell::Int(row.statements),
        Cell::Int(row.articles),
        text(&row.dominant.map(|i| labels[i].clone())),
        num(row.net_stance),
        Cell::Num(row.mean_confidence),
        text(&row.first_date),
        text(&row.last_date),
    ];
    cells.extend(row.counts.iter().map(|&n| Cell::Int(n)));
    cells.push(Cell::Int(row.uncertain));
    cells.extend(
        row.shares
            .iter()
            .zip(labels)
            .filter(|(_, l)| Stance::is_stance_label(l))
            .map(|(&s, _)| num(s)),
    );
    cells.extend(row.mean_probabilities.iter().map(|&p| Cell::Num(p)));
    for example in &row.examples {
        match example {
            Some(e) => cells.extend([
                Cell::Str(e.text.clone()),
                Cell::Str(e.article.clone()),
                Cell::Int(e.statement),
                Cell::Num(f64::from(e.confidence) / f64::from(SCALE)),
            ]),
            None => cells.extend([Cell::Null, Cell::Null, Cell::Null, Cell::Null]),
        }
    }
    cells
}

/// The rows the tabular writers list: overall rows, then period rows if asked.
fn listed_rows(report: &Report) -> impl Iterator<Item = &SpeakerRow> {
    let periods: &[SpeakerRow] = if report.period_rows {
        &report.periods
    } else {
        &[]
    };
    report.speakers.iter().chain(periods)
}

fn write_csv(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let mut rows = RowWriter::new(Format::Csv, columns(&report.labels), out);
    for row in listed_rows(report) {
        rows.row(&cells(row, &report.labels))?;
    }
    rows.finish()
}

fn json_value(cell: &Cell) -> serde_json::Value {
    match cell {
        Cell::Str(s) => s.as_str().into(),
        Cell::Int(i) => (*i).into(),
        Cell::Num(x) => serde_json::Number::from_f64(*x)
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        Cell::Null => serde_json::Value::Null,
    }
}

/// JSON written by hand so that keys keep column order (serde_json's map
/// would sort them); one row per line keeps diffs readable.
fn write_json(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let columns = columns(&report.labels);
    let json = |v: serde_json::Value| serde_json::to_string(&v).map_err(std::io::Error::other);
    let rows_of = |rows: &[SpeakerRow], out: &mut dyn Write| -> std::io::Result<()> {
        if rows.is_empty() {
            return write!(out, "[]");
        }
        writeln!(out, "[")?;
        for (i, row) in rows.iter().enumerate() {
            let fields = columns
                .iter()
                .zip(cells(row, &report.labels))
                .map(|(c, cell)| {
                    Ok(format!(
                        "{}: {}",
                        json(c.as_str().into())?,
                        json(json_value(&cell))?
                    ))
                })
                .collect::<std::io::Result<Vec<_>>>()?;
            let comma = if i + 1 < rows.len() { "," } else { "" };
            writeln!(out, "    {{{}}}{comma}", fields.join(", "))?;
        }
        write!(out, "  ]")
    };
    writeln!(out, "{{")?;
    writeln!(
        out,
        "  \"labels\": {},",
        json(report.labels.clone().into())?
    )?;
    let period = if report.period_rows {
        json(report.period.as_str().into())?
    } else {
        "null".to_owned()
    };
    writeln!(out, "  \"period\": {period},")?;
    writeln!(out, "  \"min_statements\": {},", report.min_statements)?;
    writeln!(
        out,
        "  \"statements_without_speaker\": {},",
        report.without_speaker
    )?;
    write!(out, "  \"speakers\": ")?;
    rows_of(&report.speakers, out)?;
    writeln!(out, ",")?;
    write!(out, "  \"periods\": ")?;
    rows_of(
        if report.period_rows {
            &report.periods
        } else {
            &[]
        },
        out,
    )?;
    writeln!(out, "\n}}")
}

/// Escapes text for a Markdown table cell or list item: Markdown syntax and
/// raw HTML become literal text, line breaks become spaces.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    if text.chars().count() <= max {
        return text.into();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end()).into()
}

/// The label cells of a Markdown row: the share of each stance label, and
/// the count of `neutral` statements (which have no share).
fn share_cells(row: &SpeakerRow, labels: &[String]) -> Vec<String> {
    row.shares
        .iter()
        .zip(&row.counts)
        .zip(labels)
        .map(|((&share, &n), l)| {
            if Stance::is_stance_label(l) {
                percent(share)
            } else {
                n.to_string()
            }
        })
        .collect()
}

/// The label cells of an HTML row, as [`share_cells`].
fn share_tds(h: &mut String, row: &SpeakerRow, labels: &[String]) {
    for ((&share, &n), l) in row.shares.iter().zip(&row.counts).zip(labels) {
        if Stance::is_stance_label(l) {
            td_num(h, share, &percent(share));
        } else {
            td_num(h, Some(n as f64), &n.to_string());
        }
    }
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "–".to_owned(), |s| format!("{:.0}%", s * 100.0))
}

fn signed(net: Option<f64>) -> String {
    match net {
        None => "–".to_owned(),
        Some(x) if x.abs() < 0.005 => "0.00".to_owned(),
        Some(x) => format!("{x:+.2}"),
    }
}

fn date_range(row: &SpeakerRow) -> String {
    match (&row.first_date, &row.last_date) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "–".to_owned(),
    }
}

/// The figures shown above the tables of Markdown and HTML reports.
struct Summary {
    statements: u64,
    first: Option<String>,
    last: Option<String>,
    notes: Vec<String>,
}

fn summary(report: &Report) -> Summary {
    let statements = report.speakers.iter().map(|r| r.statements).sum();
    let first = report
        .speakers
        .iter()
        .filter_map(|r| r.first_date.clone())
        .min();
    let last = report
        .speakers
        .iter()
        .filter_map(|r| r.last_date.clone())
        .max();
    let mut notes = Vec::new();
    if report.hidden_speakers > 0 {
        notes.push(format!(
            "Not shown: {} with fewer than {}.",
            plural(report.hidden_speakers as u64, "speaker"),
            plural(report.min_statements, "statement"),
        ));
    }
    if report.without_speaker > 0 {
        notes.push(format!(
            "Not counted: {} without a speaker.",
            plural(report.without_speaker, "statement")
        ));
    }
    if report.speakers.iter().any(|r| r.uncertain > 0) {
        notes.push(format!(
            "Shares are of the statements with a label; {UNCERTAIN} ones are counted apart."
        ));
    }
    Summary {
        statements,
        first,
        last,
        notes,
    }
}

fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", thousands(n))
    }
}

/// `200000` as `200,000`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn summary_line(report: &Report, s: &Summary) -> String {
    let mut line = format!(
        "{}, {}",
        plural(report.speakers.len() as u64, "speaker"),
        plural(s.statements, "statement")
    );
    if let (Some(a), Some(b)) = (&s.first, &s.last) {
        line.push_str(&format!(", {a} to {b}"));
    }
    line.push('.');
    line
}

const NET_EXPLAINED: &str =
    "Net stance = share hawkish − share conciliatory: −1 all conciliatory, +1 all hawkish.";

fn write_markdown(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let s = summary(report);
    let labels = &report.labels;
    let has_net = report.speakers.iter().any(|r| r.net_stance.is_some());
    writeln!(out, "# Stance by speaker\n")?;
    writeln!(out, "{}\n", summary_line(report, &s))?;
    let mut notes = s.notes.clone();
    if has_net {
        notes.push(NET_EXPLAINED.to_owned());
    }
    if !notes.is_empty() {
        // Two trailing spaces: a Markdown line break between the notes.
        writeln!(out, "{}\n", notes.join("  \n"))?;
    }
    if report.speakers.is_empty() {
        writeln!(out, "No statements with a speaker.")?;
        return Ok(());
    }
    let mut head = vec!["Speaker", "Statements", "Articles", "Dominant"];
    if has_net {
        head.push("Net");
    }
    let label_heads: Vec<String> = labels.iter().map(|l| md_escape(l)).collect();
    head.extend(label_heads.iter().map(String::as_str));
    let uncertain = report.speakers.iter().any(|r| r.uncertain > 0);
    if uncertain {
        head.push(UNCERTAIN);
    }
    head.push("Confidence");
    let dated = s.first.is_some();
    if dated {
        head.push("Dates");
    }
    let mut align = vec!["---", "---:", "---:", "---"];
    let numeric = head.len() - align.len() - usize::from(dated);
    align.extend(std::iter::repeat_n("---:", numeric));
    if dated {
        align.push("---");
    }
    writeln!(out, "| {} |", head.join(" | "))?;
    writeln!(out, "|{}|", align.join("|"))?;
    for row in &report.speakers {
        let mut cells = vec![
            md_escape(&row.speaker),
            row.statements.to_string(),
            row.articles.to_string(),
            row.dominant
                .map_or("–".to_owned(), |i| md_escape(&labels[i])),
        ];
        if has_net {
            cells.push(signed(row.net_stance));
        }
        cells.extend(share_cells(row, labels));
        if uncertain {
            cells.push(row.uncertain.to_string());
        }
        cells.push(format!("{:.2}", row.mean_confidence));
        if dated {
            cells.push(date_range(row));
        }
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    if report.period_rows && !report.periods.is_empty() {
        writeln!(out, "\n## By {}\n", report.period.as_str())?;
        let mut head = vec!["Speaker", "Period", "Statements"];
        if has_net {
            head.push("Net");
        }
        head.extend(label_heads.iter().map(String::as_str));
        let mut align = vec!["---", "---", "---:"];
        align.extend(std::iter::repeat_n("---:", head.len() - align.len()));
        writeln!(out, "| {} |", head.join(" | "))?;
        writeln!(out, "|{}|", align.join("|"))?;
        for row in &report.periods {
            let mut cells = vec![
                md_escape(&row.speaker),
                row.period.clone().unwrap_or_default(),
                row.statements.to_string(),
            ];
            if has_net {
                cells.push(signed(row.net_stance));
            }
            cells.extend(share_cells(row, labels));
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
    }
    writeln!(out, "\n## Most confident examples\n")?;
    for row in &report.speakers {
        writeln!(out, "**{}**\n", md_escape(&row.speaker))?;
        for (label, example) in labels.iter().zip(&row.examples) {
            if let Some(e) = example {
                writeln!(
                    out,
                    "- {} ({:.2}): {} — {}, statement {}",
                    md_escape(label),
                    f64::from(e.confidence) / f64::from(SCALE),
                    md_escape(&shorten(e.text.trim(), 200)),
                    md_escape(&e.article),
                    e.statement
                )?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

// ------------------------------------------------------------------ HTML

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; }
* { box-sizing: border-box; }
body { margin: 0; background: #f5f7fa; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 16px 40px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 10px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 4px 0; }
.summary { color: var(--muted); }
.note { color: var(--muted); font-size: 13px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: 14px 16px; margin-top: 18px; }
figure { margin: 8px 0 0; overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 13px; color: var(--muted); }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px;
  margin-right: 5px; vertical-align: -1px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { padding: 6px 7px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
td:first-child { white-space: normal; min-width: 10em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f0f4f8; position: sticky; top: 0; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:hover, th button:focus-visible { text-decoration: underline; }
th[aria-sort="ascending"] button::after { content: " \2191"; color: var(--ink); }
th[aria-sort="descending"] button::after { content: " \2193"; color: var(--ink); }
tbody tr:hover { background: #f8fafc; }
.pill { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px;
  color: #fff; white-space: nowrap; }
.examples li { margin: 4px 0; list-style: none; }
.examples ul { padding-left: 0; margin: 0; }
.examples .text { font-style: italic; }
.src { color: var(--muted); font-size: 13px; }
a { color: #1d4ed8; text-decoration: none; }
a:hover { text-decoration: underline; }
"#;

/// Sorts `table.sortable` by the clicked column: numbers by `data-v`, text
/// by locale; empty cells last. Marks tables it wired up with `js-sortable`.
const SCRIPT: &str = r#"
(function () {
  function key(cell) {
    var v = cell.getAttribute('data-v');
    return v === null ? cell.textContent.trim() : v;
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      th.querySelector('button').addEventListener('click', function () {
        var current = th.getAttribute('aria-sort');
        var asc = current ? current === 'descending' : !th.classList.contains('num');
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[col]), y = key(b.cells[col]);
          if (x === '' || y === '') { return (x === '') - (y === ''); }
          var nx = Number(x), ny = Number(y);
          var c = (isNaN(nx) || isNaN(ny)) ? x.localeCompare(y) : nx - ny;
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    table.classList.add('js-sortable');
  });
})();
"#;

/// Fill colours of the labels: the stances by meaning, others from a palette.
fn label_color(label: &str, index: usize) -> RGBColor {
    match label {
        "conciliatory" => RGBColor(42, 157, 143),
        "sceptical" => RGBColor(233, 196, 106),
        "hawkish" => RGBColor(214, 69, 65),
        "neutral" => RGBColor(112, 141, 171),
        UNCERTAIN => RGBColor(190, 196, 204),
        _ => PALETTE[index % PALETTE.len()],
    }
}

/// Line colours of the trend chart (Tableau 10).
const PALETTE: [RGBColor; 8] = [
    RGBColor(78, 121, 167),
    RGBColor(242, 142, 43),
    RGBColor(225, 87, 89),
    RGBColor(118, 183, 178),
    RGBColor(89, 161, 79),
    RGBColor(237, 201, 72),
    RGBColor(176, 122, 161),
    RGBColor(156, 117, 95),
];

/// White or dark text, whichever reads better on `fill`.
fn text_on(fill: RGBColor) -> RGBColor {
    let luma = 0.299 * f64::from(fill.0) + 0.587 * f64::from(fill.1) + 0.114 * f64::from(fill.2);
    if luma > 170.0 {
        RGBColor(51, 41, 0)
    } else {
        WHITE
    }
}

fn css(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// Speakers in the stance mix chart; the table lists all.
const MIX_SPEAKERS: usize = 30;
/// Speakers in the trend chart.
const TREND_SPEAKERS: usize = 8;
/// Characters of a speaker name in chart labels.
const CHART_NAME: usize = 28;
const CHART_WIDTH: u32 = 1040;

fn font(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    ("sans-serif", size)
        .into_font()
        .color(&color)
        .pos(Pos::new(h, v))
}

type Drawn = std::result::Result<(), Box<dyn std::error::Error>>;

/// Stacked horizontal bars: each speaker's statements by label (plotters
/// escapes the text it writes into the SVG).
fn mix_chart(report: &Report, rows: &[&SpeakerRow]) -> std::io::Result<String> {
    let mut svg = String::new();
    draw_mix(&mut svg, report, rows)
        .map_err(|e| std::io::Error::other(format!("drawing the stance mix chart: {e}")))?;
    Ok(svg)
}

fn draw_mix(svg: &mut String, report: &Report, rows: &[&SpeakerRow]) -> Drawn {
    let (left, right, top, band) = (250, CHART_WIDTH as i32 - 30, 8, 28);
    let height = (top + band * rows.len() as i32 + 34) as u32;
    {
        let root = SVGBackend::with_string(svg, (CHART_WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let width = f64::from(right - left);
        let x = |fraction: f64| left + (fraction * width).round() as i32;
        let axis_y = top + band * rows.len() as i32;
        let grey = RGBColor(154, 165, 177);
        for tick in 0..=4 {
            let at = x(f64::from(tick) / 4.0);
            root.draw(&PathElement::new(
                vec![(at, top), (at, axis_y)],
                RGBColor(226, 232, 240),
            ))?;
            root.draw(&Text::new(
                format!("{}%", tick * 25),
                (at, axis_y + 6),
                font(15.0, grey, HPos::Center, VPos::Top),
            ))?;
        }
        for (i, row) in rows.iter().enumerate() {
            let y0 = top + band * i as i32;
            let mid = y0 + band / 2;
            root.draw(&Text::new(
                shorten(&row.speaker, CHART_NAME).into_owned(),
                (left - 10, mid),
                font(16.0, RGBColor(31, 41, 51), HPos::Right, VPos::Center),
            ))?;
            let segments = row
                .counts
                .iter()
                .enumerate()
                .map(|(l, &n)| (n, label_color(&report.labels[l], l)))
                .chain(std::iter::once((row.uncertain, label_color(UNCERTAIN, 0))));
            let mut done = 0u64;
            for (n, color) in segments {
                if n == 0 {
                    continue;
                }
                let (a, b) = (
                    x(done as f64 / row.statements as f64),
                    x((done + n) as f64 / row.statements as f64),
                );
                done += n;
                root.draw(&Rectangle::new(
                    [(a, y0 + 5), (b, y0 + band - 5)],
                    color.filled(),
                ))?;
                if b - a >= 34 {
                    let share = n as f64 / row.statements as f64;
                    root.draw(&Text::new(
                        format!("{:.0}%", share * 100.0),
                        ((a + b) / 2, mid),
                        font(14.0, text_on(color), HPos::Center, VPos::Center),
                    ))?;
                }
            }
        }
        root.draw(&PathElement::new(
            vec![(left, axis_y), (right, axis_y)],
            grey,
        ))?;
        root.present()?;
    }
    Ok(())
}

/// Net stance per period, one line per speaker.
fn trend_chart(periods: &[String], lines: &[TrendLine<'_>]) -> std::io::Result<String> {
    let mut svg = String::new();
    draw_trend(&mut svg, periods, lines)
        .map_err(|e| std::io::Error::other(format!("drawing the trend chart: {e}")))?;
    Ok(svg)
}

fn draw_trend(svg: &mut String, periods: &[String], lines: &[TrendLine<'_>]) -> Drawn {
    let (left, right, top, bottom) = (64, CHART_WIDTH as i32 - 20, 14, 280);
    let height = (bottom + 40) as u32;
    {
        let root = SVGBackend::with_string(svg, (CHART_WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let step = f64::from(right - left) / periods.len() as f64;
        let x = |i: usize| left + ((i as f64 + 0.5) * step).round() as i32;
        let y = |v: f64| top + ((1.0 - v) / 2.0 * f64::from(bottom - top)).round() as i32;
        let grey = RGBColor(154, 165, 177);
        for (v, text) in [
            (1.0, "+1"),
            (0.5, "+0.5"),
            (0.0, "0"),
            (-0.5, "−0.5"),
            (-1.0, "−1"),
        ] {
            let color = if v == 0.0 {
                RGBColor(123, 135, 148)
            } else {
                RGBColor(226, 232, 240)
            };
            root.draw(&PathElement::new(vec![(left, y(v)), (right, y(v))], color))?;
            root.draw(&Text::new(
                text,
                (left - 8, y(v)),
                font(15.0, grey, HPos::Right, VPos::Center),
            ))?;
        }
        root.draw(&Text::new(
            "hawkish ↑",
            (left + 6, y(1.0) + 4),
            font(14.0, grey, HPos::Left, VPos::Top),
        ))?;
        root.draw(&Text::new(
            "conciliatory ↓",
            (left + 6, y(-1.0) - 4),
            font(14.0, grey, HPos::Left, VPos::Bottom),
        ))?;
        let every = periods.len().div_ceil(12);
        for (i, p) in periods.iter().enumerate() {
            if i % every == 0 {
                root.draw(&Text::new(
                    p.as_str(),
                    (x(i), bottom + 10),
                    font(15.0, grey, HPos::Center, VPos::Top),
                ))?;
            }
        }
        for (k, (_, points)) in lines.iter().enumerate() {
            let color = PALETTE[k % PALETTE.len()];
            let coords: Vec<(i32, i32)> = points.iter().map(|&(i, v)| (x(i), y(v))).collect();
            root.draw(&PathElement::new(coords.clone(), color.stroke_width(2)))?;
            for c in coords {
                root.draw(&Circle::new(c, 4, color.filled()))?;
            }
        }
        root.present()?;
    }
    Ok(())
}

/// The trend chart's periods and lines: the busiest speakers with a net
/// stance in at least one period.
/// A speaker and their (period index, net stance) points.
type TrendLine<'a> = (&'a str, Vec<(usize, f64)>);

fn trend_lines(report: &Report) -> (Vec<String>, Vec<TrendLine<'_>>) {
    let mut chosen: Vec<&str> = Vec::new();
    for row in &report.speakers {
        if chosen.len() == TREND_SPEAKERS {
            break;
        }
        if report
            .periods
            .iter()
            .any(|p| p.speaker == row.speaker && p.net_stance.is_some())
        {
            chosen.push(&row.speaker);
        }
    }
    let periods: Vec<String> = report
        .periods
        .iter()
        .filter(|p| chosen.contains(&p.speaker.as_str()) && p.net_stance.is_some())
        .filter_map(|p| p.period.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let lines = chosen
        .iter()
        .map(|&speaker| {
            let points = report
                .periods
                .iter()
                .filter(|p| p.speaker == speaker)
                .filter_map(|p| {
                    let i = periods.binary_search(p.period.as_ref()?).ok()?;
                    Some((i, p.net_stance?))
                })
                .collect();
            (speaker, points)
        })
        .collect();
    (periods, lines)
}

fn th(out: &mut String, text: &str, numeric: bool) {
    let class = if numeric { " class=\"num\"" } else { "" };
    out.push_str(&format!(
        "<th{class}><button type=\"button\">{}</button></th>",
        html_escape(text)
    ));
}

fn td_num(out: &mut String, value: Option<f64>, shown: &str) {
    let v = value.map_or(String::new(), |x| format!("{x}"));
    out.push_str(&format!(
        "<td class=\"num\" data-v=\"{v}\">{}</td>",
        html_escape(shown)
    ));
}

fn pill(label: &str, index: usize) -> String {
    let fill = label_color(label, index);
    format!(
        "<span class=\"pill\" style=\"background:{};color:{}\">{}</span>",
        css(fill),
        css(text_on(fill)),
        html_escape(label)
    )
}

fn write_html(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let s = summary(report);
    let labels = &report.labels;
    let has_net = report.speakers.iter().any(|r| r.net_stance.is_some());
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<title>Stance by speaker</title>\n<style>");
    h.push_str(STYLE);
    h.push_str("</style>\n</head>\n<body>\n<main>\n<h1>Stance by speaker</h1>\n");
    h.push_str(&format!(
        "<p class=\"summary\">{}</p>\n",
        html_escape(&summary_line(report, &s))
    ));
    for note in &s.notes {
        h.push_str(&format!("<p class=\"note\">{}</p>\n", html_escape(note)));
    }
    if report.speakers.is_empty() {
        h.push_str("<section><p>No statements with a speaker.</p></section>\n");
    } else {
        let shown: Vec<&SpeakerRow> = report.speakers.iter().take(MIX_SPEAKERS).collect();
        h.push_str("<section id=\"mix\">\n<h2>Stance mix</h2>\n<div class=\"legend\">");
        let uncertain = report.speakers.iter().any(|r| r.uncertain > 0);
        let legend = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), label_color(l, i)))
            .chain(uncertain.then(|| (UNCERTAIN, label_color(UNCERTAIN, 0))));
        for (label, color) in legend {
            h.push_str(&format!(
                "<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span>",
                css(color),
                html_escape(label)
            ));
        }
        h.push_str("</div>\n");
        if shown.len() < report.speakers.len() {
            h.push_str(&format!(
                "<p class=\"note\">The {} speakers with the most statements; the table lists all.</p>\n",
                shown.len()
            ));
        }
        h.push_str("<figure>\n");
        h.push_str(&mix_chart(report, &shown)?);
        h.push_str("</figure>\n");
        if uncertain {
            h.push_str(&format!(
                "<p class=\"note\">Bars are shares of all statements, {UNCERTAIN} ones included; the table's shares leave them out.</p>\n"
            ));
        }
        h.push_str("</section>\n");

        let (periods, lines) = trend_lines(report);
        if has_net && periods.len() >= 2 {
            h.push_str(&format!(
                "<section id=\"trend\">\n<h2>Net stance by {}</h2>\n<div class=\"legend\">",
                report.period.as_str()
            ));
            for (k, (speaker, _)) in lines.iter().enumerate() {
                h.push_str(&format!(
                    "<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span>",
                    css(PALETTE[k % PALETTE.len()]),
                    html_escape(speaker)
                ));
            }
            h.push_str("</div>\n<figure>\n");
            h.push_str(&trend_chart(&periods, &lines)?);
            h.push_str(&format!(
                "</figure>\n<p class=\"note\">{}{}</p>\n</section>\n",
                html_escape(NET_EXPLAINED),
                if lines.len() == TREND_SPEAKERS {
                    " The busiest speakers only."
                } else {
                    ""
                }
            ));
        }

        h.push_str("<section id=\"speakers\">\n<h2>Speakers</h2>\n");
        h.push_str("<p class=\"note\">Click a column header to sort.");
        if has_net {
            h.push_str(&format!(" {}", html_escape(NET_EXPLAINED)));
        }
        h.push_str("</p>\n<div class=\"table-wrap\">\n<table class=\"sortable\" id=\"speaker-table\">\n<thead><tr>");
        th(&mut h, "Speaker", false);
        th(&mut h, "Statements", true);
        th(&mut h, "Articles", true);
        th(&mut h, "Dominant", false);
        if has_net {
            th(&mut h, "Net stance", true);
        }
        for l in labels {
            th(&mut h, l, true);
        }
        let uncertain = report.speakers.iter().any(|r| r.uncertain > 0);
        if uncertain {
            th(&mut h, UNCERTAIN, true);
        }
        th(&mut h, "Confidence", true);
        let dated = s.first.is_some();
        if dated {
            th(&mut h, "First", false);
            th(&mut h, "Last", false);
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for (i, row) in report.speakers.iter().enumerate() {
            h.push_str(&format!(
                "<tr><td><a href=\"#s{i}\">{}</a></td>",
                html_escape(&row.speaker)
            ));
            let count = |n: u64| (Some(n as f64), n.to_string());
            for (v, shown) in [count(row.statements), count(row.articles)] {
                td_num(&mut h, v, &shown);
            }
            match row.dominant {
                Some(d) => h.push_str(&format!(
                    "<td data-v=\"{}\">{}</td>",
                    html_escape(&labels[d]),
                    pill(&labels[d], d)
                )),
                None => h.push_str("<td data-v=\"\">–</td>"),
            }
            if has_net {
                td_num(&mut h, row.net_stance, &signed(row.net_stance));
            }
            share_tds(&mut h, row, labels);
            if uncertain {
                td_num(
                    &mut h,
                    Some(row.uncertain as f64),
                    &row.uncertain.to_string(),
                );
            }
            td_num(
                &mut h,
                Some(row.mean_confidence),
                &format!("{:.2}", row.mean_confidence),
            );
            for d in [&row.first_date, &row.last_date]
                .into_iter()
                .filter(|_| dated)
            {
                h.push_str(&format!(
                    "<td data-v=\"{0}\">{0}</td>",
                    html_escape(d.as_deref().unwrap_or(""))
                ));
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n</div>\n</section>\n");

        if report.period_rows && !report.periods.is_empty() {
            h.push_str(&format!(
                "<section id=\"periods\">\n<h2>By {}</h2>\n<div class=\"table-wrap\">\n<table class=\"sortable\" id=\"period-table\">\n<thead><tr>",
                report.period.as_str()
            ));
            th(&mut h, "Speaker", false);
            th(&mut h, "Period", false);
            th(&mut h, "Statements", true);
            if has_net {
                th(&mut h, "Net stance", true);
            }
            for l in labels {
                th(&mut h, l, true);
            }
            h.push_str("</tr></thead>\n<tbody>\n");
            for row in &report.periods {
                let period = row.period.as_deref().unwrap_or("");
                h.push_str(&format!(
                    "<tr><td>{}</td><td data-v=\"{1}\">{1}</td>",
                    html_escape(&row.speaker),
                    html_escape(period)
                ));
                td_num(
                    &mut h,
                    Some(row.statements as f64),
                    &row.statements.to_string(),
                );
                if has_net {
                    td_num(&mut h, row.net_stance, &signed(row.net_stance));
                }
                share_tds(&mut h, row, labels);
                h.push_str("</tr>\n");
            }
            h.push_str("</tbody>\n</table>\n</div>\n</section>\n");
        }

        h.push_str(
            "<section id=\"examples\" class=\"examples\">\n<h2>Most confident examples</h2>\n",
        );
        for (i, row) in report.speakers.iter().enumerate() {
            h.push_str(&format!(
                "<h3 id=\"s{i}\">{}</h3>\n<ul>\n",
                html_escape(&row.speaker)
            ));
            for (l, example) in row.examples.iter().enumerate() {
                if let Some(e) = example {
                    h.push_str(&format!(
                        "<li>{} <span class=\"text\">{}</span> <span class=\"src\">— {}, statement {}, confidence {:.2}</span></li>\n",
                        pill(&labels[l], l),
                        html_escape(e.text.trim()),
                        html_escape(&e.article),
                        e.statement,
                        f64::from(e.confidence) / f64::from(SCALE)
                    ));
                }
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</section>\n");
    }
    h.push_str("</main>\n<script>");
    h.push_str(SCRIPT);
    h.push_str("</script>\n</body>\n</html>\n");
    out.write_all(h.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Vec<String> {
        ["conciliatory", "sceptical", "hawkish"]
            .map(String::from)
            .to_vec()
    }

    /// A statement by `speaker` in `article`, labelled `label` with `confidence`.
    fn row(
        speaker: &str,
        article: &str,
        statement: u64,
        label: &str,
        confidence: u32,
    ) -> ScoredRow {
        let l = labels().iter().position(|x| x == label);
        let rest = (SCALE - confidence) / 2;
        let mut probabilities = vec![rest, rest, rest];
        probabilities[l.unwrap_or(0)] = SCALE - 2 * rest;
        ScoredRow {
            article: article.into(),
            statement,
            speaker: (!speaker.is_empty()).then(|| speaker.into()),
            text: format!("{speaker} {article} {statement}"),
            label: l,
            confidence,
            probabilities,
            date: Some(format!("2026-11-{:02}", statement + 1)),
        }
    }

    fn assert_speaker(row: &SpeakerRow, speaker: &str, statements: u64, counts: [u64; 3]) {
        assert_eq!(row.speaker, speaker);
        assert_eq!(row.statements, statements, "{speaker}");
        assert_eq!(row.counts, counts, "{speaker}");
    }

    #[test]
    fn days_weeks_and_months() {
        for (date, week, month) in [
            ("2026-11-16", Some("2026-W47"), Some("2026-11")),
            ("2026-01-01", Some("2026-W01"), Some("2026-01")),
            ("2025-12-29", Some("2026-W01"), Some("2025-12")),
            ("2027-01-01", Some("2026-W53"), Some("2027-01")),
            ("2021-01-03", Some("2020-W53"), Some("2021-01")),
            ("2024-12-30", Some("2025-W01"), Some("2024-12")),
            ("2024-02-29T08:00:00Z", Some("2024-W09"), Some("2024-02")),
            ("2023-02-29", None, None),
            ("2026-13-01", None, None),
            ("2026-11-031", None, None),
            ("26-11-03", None, None),
            ("Nov 3, 2026", None, None),
            ("2026-1१-03", None, None),
        ] {
            let day = parse_day(date);
            assert_eq!(day.map(|d| Period::Week.of(d)).as_deref(), week, "{date}");
            assert_eq!(day.map(|d| Period::Month.of(d)).as_deref(), month, "{date}");
        }
    }

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
            assert_eq!(fixed(&x.to_string()), fixed(&format!("{x:.4}")), "{x}");
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

    #[test]
    fn labels_get_one_order() {
        let order = |l: &[&str]| report_label_order(l.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            order(&["hawkish", "conciliatory", "sceptical"]),
            ["conciliatory", "sceptical", "hawkish"]
        );
        assert_eq!(order(&["neg", "pos", "hawkish"]), ["hawkish", "neg", "pos"]);
    }

    #[test]
    fn neutral_is_counted_but_takes_no_share() {
        let labels: Vec<String> = ["conciliatory", "sceptical", "hawkish", "neutral"]
            .map(String::from)
            .to_vec();
        let mut a = Aggregate::new(labels.clone(), Period::Month);
        let add = |a: &mut Aggregate, statement: u64, label: usize, p: [u32; 4]| {
            a.add(ScoredRow {
                article: "a1".into(),
                statement,
                speaker: Some("Ana".into()),
                text: format!("s{statement}"),
                label: Some(label),
                confidence: p[label],
                probabilities: p.to_vec(),
                date: None,
            })
        };
        // Three neutral statements outnumber the hawkish one, yet the
        // dominant label is hawkish and shares are of the two stance rows.
        for i in 0..3 {
            add(&mut a, i, 3, [1_000, 1_000, 1_000, 7_000]);
        }
        add(&mut a, 3, 2, [1_000, 1_000, 7_000, 1_000]);
        add(&mut a, 4, 0, [6_000, 1_000, 2_000, 1_000]);
        let report = a.finish(1, false);
        let ana = &report.speakers[0];
        assert_eq!(ana.statements, 5);
        assert_eq!(ana.counts, [1, 0, 1, 3]);
        assert_eq!(ana.shares, [Some(0.5), Some(0.0), Some(0.5), None]);
        assert_eq!(ana.dominant, Some(2));
        assert_eq!(ana.net_stance, Some(0.0));
        let columns = columns(&labels);
        assert!(columns.contains(&"n_neutral".to_string()));
        assert!(columns.contains(&"mean_p_neutral".to_string()));
        assert!(!columns.contains(&"share_neutral".to_string()));
        assert_eq!(cells(ana, &labels).len(), columns.len());

        // Only neutral statements: no dominant label, no shares, no net.
        let mut only = Aggregate::new(labels, Period::Month);
        add(&mut only, 0, 3, [1_000, 1_000, 1_000, 7_000]);
        let row = &only.finish(1, false).speakers[0];
        assert_eq!((row.dominant, row.net_stance), (None, None));
        assert_eq!(row.shares, [None, None, None, None]);
    }

    #[test]
    fn figures_per_speaker() {
        let mut a = Aggregate::new(labels(), Period::Month);
        for r in [
            row("Ana", "a1", 0, "hawkish", 9_000),
            row("Ana", "a1", 1, "hawkish", 7_000),
            row("Ana", "a2", 2, "conciliatory", 6_000),
            row("Ana", "a2", 3, "uncertain", 4_000),
            row("Bo", "a1", 4, "sceptical", 5_000),
            row("", "a1", 5, "sceptical", 5_000),
        ] {
            a.add(r);
        }
        let report = a.finish(1, false);
        assert_eq!(report.without_speaker, 1);
        let ana = &report.speakers[0];
        assert_speaker(ana, "Ana", 4, [1, 0, 2]);
        assert_speaker(&report.speakers[1], "Bo", 1, [0, 1, 0]);
        assert_eq!(ana.uncertain, 1);
        assert_eq!(ana.articles, 2);
        assert_eq!(ana.shares, [Some(1.0 / 3.0), Some(0.0), Some(2.0 / 3.0)]);
        assert_eq!(ana.net_stance, Some(1.0 / 3.0));
        assert_eq!(ana.dominant, Some(2));
        assert_eq!(ana.mean_confidence, 2.6 / 4.0);
        assert_eq!(ana.first_date.as_deref(), Some("2026-11-01"));
        assert_eq!(ana.last_date.as_deref(), Some("2026-11-04"));
        let hawkish = ana.examples[2].as_ref().unwrap();
        assert_eq!((hawkish.statement, hawkish.confidence), (0, 9_000));
        assert!(ana.examples[1].is_none());
        // Probabilities of the uncertain row count in the means.
        let p = ana.mean_probabilities.clone();
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn ties_between_examples_go_to_the_smaller_article_then_statement() {
        let mut rows = [
            row("Ana", "b", 0, "hawkish", 8_000),
            row("Ana", "a", 7, "hawkish", 8_000),
            row("Ana", "a", 3, "hawkish", 8_000),
            row("Ana", "c", 0, "hawkish", 7_000),
        ];
        for _ in 0..4 {
            rows.rotate_left(1);
            let mut a = Aggregate::new(labels(), Period::Week);
            rows.iter().cloned().for_each(|r| a.add(r));
            let e = a.finish(1, true).speakers[0].examples[2].clone().unwrap();
            assert_eq!((e.article.as_str(), e.statement), ("a", 3));
        }
    }

    #[test]
    fn merging_shards_equals_adding_everything() {
        let rows: Vec<ScoredRow> = (0..40)
            .map(|i| {
                let label = ["conciliatory", "sceptical", "hawkish", "uncertain"][i % 4];
                let speaker = ["Ana", "Bo", "Çelik", ""][i % 3 + (i % 7 == 0) as usize];
                let mut r = row(
                    speaker,
                    &format!("a{}", i % 5),
                    i as u64 % 9,
                    label,
                    3_000 + (i as u32 * 97) % 7_000,
                );
                r.date = (i % 6 != 0).then(|| format!("2026-{:02}-{:02}", 10 + i % 3, 1 + i % 28));
                r
            })
            .collect();
        let mut whole = Aggregate::new(labels(), Period::Week);
        rows.iter().cloned().for_each(|r| whole.add(r));
        for split in [0, 1, 13, 39, 40] {
            let (mut first, mut second) = (
                Aggregate::new(labels(), Period::Week),
                Aggregate::new(labels(), Period::Week),
            );
            rows[..split].iter().cloned().for_each(|r| first.add(r));
            rows[split..].iter().cloned().for_each(|r| second.add(r));
            let mut backwards = second.clone();
            first.merge(second);
            assert_eq!(first, whole, "split at {split}");
            let mut fresh = Aggregate::new(labels(), Period::Week);
            fresh.merge(backwards.clone());
            backwards.merge(Aggregate::new(labels(), Period::Week));
            assert_eq!(fresh, backwards);
        }
        let report = whole.finish(2, true);
        let order: Vec<(u64, &str)> = report
            .speakers
            .iter()
            .map(|r| (r.statements, r.speaker.as_str()))
            .collect();
        let mut sorted = order.clone();
        sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        assert_eq!(order, sorted);
    }

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

    #[test]
    fn merge_conflicts_are_named() {
        let mut weeks = Aggregate::new(labels(), Period::Week);
        let months = Aggregate::new(labels(), Period::Month);
        assert!(
            weeks
                .merge_conflict(&months)
                .unwrap()
                .contains("by month into one by week")
        );
        let mut other = Aggregate::new(vec!["neg".into(), "pos".into()], Period::Week);
        // Nothing added yet: any labels merge.
        assert_eq!(weeks.merge_conflict(&other), None);
        weeks.add(row("Ana", "a1", 0, "hawkish", 9_000));
        other.add(ScoredRow {
            label: Some(0),
            probabilities: vec![6_000, 4_000],
            ..row("Bo", "a2", 0, "", 6_000)
        });
        assert!(
            weeks
                .merge_conflict(&other)
                .unwrap()
                .contains("labels (neg, pos) into one over (conciliatory, sceptical, hawkish)")
        );
    }

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

    #[test]
    fn no_net_stance_without_the_stances() {
        let mut a = Aggregate::new(vec!["neg".into(), "pos".into()], Period::Month);
        a.add(ScoredRow {
            article: "x".into(),
            statement: 0,
            speaker: Some("Ana".into()),
            text: "t".into(),
            label: Some(1),
            confidence: 6_000,
            probabilities: vec![4_000, 6_000],
            date: None,
        });
        let report = a.finish(1, true);
        assert_eq!(report.speakers[0].net_stance, None);
        assert!(report.periods.is_empty());
        let mut csv = Vec::new();
        write(&report, ReportFormat::Csv, &mut csv).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(
            csv.lines()
                .nth(1)
                .unwrap()
                .starts_with("Ana,,1,1,pos,,0.6000,"),
            "{csv}"
        );
    }

    #[test]
    fn big_numbers_get_separators() {
        for (n, want) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (200_000, "200,000"),
        ] {
            assert_eq!(thousands(n), want);
        }
        assert_eq!(plural(1_234_567, "statement"), "1,234,567 statements");
    }

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(
            md_escape("<b>*x*</b> | [y](z)\nnext"),
            "\\<b\\>\\*x\\*\\</b\\> \\| \\[y\\](z) next"
        );
    }

    #[test]
    fn svg_text_is_escaped() {
        let mut a = Aggregate::new(labels(), Period::Month);
        a.add(row("<script>alert(1)</script>", "a", 0, "hawkish", 9_000));
        let report = a.finish(1, false);
        let rows: Vec<&SpeakerRow> = report.speakers.iter().collect();
        let svg = mix_chart(&report, &rows).unwrap();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
    }
}
