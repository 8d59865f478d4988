//! Scored rows for the report's unit tests.

use super::aggregate::SpeakerRow;
use crate::scored::{SCALE, ScoredRow};

pub(super) fn labels() -> Vec<String> {
    ["conciliatory", "sceptical", "hawkish"]
        .map(String::from)
        .to_vec()
}

/// A statement by `speaker` in `article`, labelled `label` with `confidence`.
pub(super) fn row(
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

pub(super) fn assert_speaker(row: &SpeakerRow, speaker: &str, statements: u64, counts: [u64; 3]) {
    assert_eq!(row.speaker, speaker);
    assert_eq!(row.statements, statements, "{speaker}");
    assert_eq!(row.counts, counts, "{speaker}");
}
