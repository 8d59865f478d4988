//! Article -> statements -> scored statements: extraction, then classification.

use serde::Serialize;

use crate::extract::{StatementKind, extract};
use crate::model::Model;

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
    /// Direct quote, indirect speech or reported speech act.
    pub kind: StatementKind,
    /// Probability per model label, in model label order.
    pub probabilities: Vec<f64>,
}

/// Finds every statement in `text` and labels it.
pub fn score_article(model: &Model, text: &str) -> Vec<ScoredStatement> {
    extract(text)
        .into_iter()
        .enumerate()
        .map(|(index, s)| ScoredStatement {
            index,
            probabilities: model.predict_proba(&text[s.start..s.end]),
            speaker: s.speaker,
            start: s.start,
            end: s.end,
            kind: s.kind,
        })
        .collect()
}

/// The label to print for probabilities: the most probable, or `uncertain`
/// when its probability is below `min_confidence`.
pub fn decide<'a>(
    labels: &'a [String],
    probabilities: &[f64],
    min_confidence: f64,
) -> (&'a str, f64) {
    let best = crate::train::argmax(probabilities);
    let confidence = probabilities[best];
    if confidence < min_confidence {
        (UNCERTAIN, confidence)
    } else {
        (&labels[best], confidence)
    }
}

/// The label given to statements below `--min-confidence`.
pub const UNCERTAIN: &str = "uncertain";
