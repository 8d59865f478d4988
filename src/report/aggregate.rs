//! Per-speaker sums of scored statements, exactly mergeable across shards,
//! and the report rows they finish into.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::period::{Period, parse_day};
use crate::scored::{SCALE, ScoredRow};
use crate::stance::Stance;

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
pub(super) struct Tally {
    pub(super) statements: u64,
    pub(super) articles: BTreeSet<String>,
    pub(super) counts: Vec<u64>,
    pub(super) uncertain: u64,
    pub(super) probability_sums: Vec<u64>,
    pub(super) confidence_sum: u64,
    pub(super) first_date: Option<String>,
    pub(super) last_date: Option<String>,
    pub(super) examples: Vec<Option<Example>>,
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
    pub(super) labels: Vec<String>,
    pub(super) period: Period,
    pub(super) speakers: BTreeMap<String, Tally>,
    pub(super) periods: BTreeMap<(String, String), Tally>,
    pub(super) without_speaker: u64,
    pub(super) bad_dates: u64,
    pub(super) seen: Seen,
}

/// The (article, statement) pairs read from scored files, with the line of
/// each, so that a file given twice is not counted twice.
#[derive(Debug, Clone, Default)]
pub(super) struct Seen {
    pub(super) lines: HashMap<(String, u64), u64>,
    pub(super) repeated: u64,
    pub(super) first_repeat: Option<String>,
}

/// Two aggregates are equal when their counts are: where the rows came from
/// (files or articles scored on the fly) does not matter.
impl PartialEq for Seen {
    fn eq(&self, _: &Seen) -> bool {
        true
    }
}

impl Aggregate {
    /// An empty aggregate over `labels` (put in report order: the three
    /// stances, then any other label alphabetically), with period tallies by
    /// `period`.
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
    pub(super) fn first_time(&mut self, path: &Path, line: u64, row: &ScoredRow) -> bool {
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
    /// When [`Self::merge_conflict`] names a conflict ([`read_scored_files`](crate::report::read_scored_files)
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

/// Per label: whether it takes a side. `neutral` statements are counted but,
/// like `uncertain` ones, left out of shares, the dominant label and net stance.
pub(super) fn stance_mask(labels: &[String]) -> Vec<bool> {
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
pub(crate) fn report_label_order(mut labels: Vec<String>) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::csv::{cells, columns};
    use crate::report::testing::{assert_speaker, labels, row};

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
}
