//! Measuring extraction against gold annotations: for each article
//! `NAME.txt`, a `NAME.gold.jsonl` lists its statements in order, one JSON
//! object per line: `{"speaker": ..., "quote": ..., "label": ...}`, where
//! `quote` is a verbatim piece of the statement's content.

use std::path::Path;

use serde::Deserialize;

use super::Statement;
use crate::error::{Error, Result};

/// One annotated statement.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldStatement {
    /// Canonical speaker.
    pub speaker: String,
    /// A verbatim piece of the statement (3-12 words).
    pub quote: String,
    /// Stance label.
    pub label: String,
}

/// How extraction did on one or more annotated articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GoldScore {
    /// Annotated statements.
    pub gold: usize,
    /// Annotated statements whose quote lies inside an extracted statement.
    pub found: usize,
    /// Found statements whose extracted speaker equals the annotated one
    /// (case-insensitive).
    pub right_speaker: usize,
    /// Statements extracted.
    pub extracted: usize,
    /// Extracted statements that contain no annotated quote.
    pub unmatched: usize,
}

impl GoldScore {
    /// found / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// right_speaker / found.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.right_speaker, self.found)
    }

    /// Adds another article's counts.
    pub fn add(&mut self, other: GoldScore) {
        self.gold += other.gold;
        self.found += other.found;
        self.right_speaker += other.right_speaker;
        self.extracted += other.extracted;
        self.unmatched += other.unmatched;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Reads a `.gold.jsonl` file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldStatement>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l)
                .map_err(|e| Error::csv(path, n as u64 + 1, format!("bad gold line: {e}")))
        })
        .collect()
}

/// Scores extracted `statements` of `article` against `gold`.
pub fn score_gold(article: &str, statements: &[Statement], gold: &[GoldStatement]) -> GoldScore {
    let mut score = GoldScore {
        gold: gold.len(),
        extracted: statements.len(),
        ..GoldScore::default()
    };
    for g in gold {
        if let Some(s) = statements
            .iter()
            .find(|s| article[s.start..s.end].contains(&g.quote))
        {
            score.found += 1;
            if s.speaker
                .as_deref()
                .is_some_and(|sp| sp.to_lowercase() == g.speaker.to_lowercase())
            {
                score.right_speaker += 1;
            }
        }
    }
    score.unmatched = statements
        .iter()
        .filter(|s| {
            !gold
                .iter()
                .any(|g| article[s.start..s.end].contains(&g.quote))
        })
        .count();
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::StatementKind;

    #[test]
    fn counts_found_speakers_and_unmatched() {
        let article = "Anna Kovač said we talk. Nobody said anything. Bo Li said no.";
        let st = |start: usize, end: usize, who: &str| Statement {
            start,
            end,
            speaker: Some(who.into()),
            kind: StatementKind::Indirect,
            speaker_span: None,
            verb: None,
        };
        let statements = [
            st(0, 24, "Anna Kovač"),
            st(25, 46, "Nobody"),
            st(47, 62, "Li"),
        ];
        let gold = [
            GoldStatement {
                speaker: "anna kovač".into(),
                quote: "we talk".into(),
                label: "c".into(),
            },
            GoldStatement {
                speaker: "Bo Li".into(),
                quote: "said no".into(),
                label: "h".into(),
            },
            GoldStatement {
                speaker: "X".into(),
                quote: "missing".into(),
                label: "s".into(),
            },
        ];
        let s = score_gold(article, &statements, &gold);
        assert_eq!(
            (s.gold, s.found, s.right_speaker, s.extracted, s.unmatched),
            (3, 2, 1, 3, 1)
        );
        assert!((s.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.speaker_accuracy() - 0.5).abs() < 1e-12);
    }
}
