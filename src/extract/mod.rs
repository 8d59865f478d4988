//! Placeholder until the extraction module lands: one statement per line.

use serde::Serialize;

/// One statement found in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// Byte offset of the statement's first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// Canonical speaker name.
    pub speaker: Option<String>,
    /// What kind of statement.
    pub kind: StatementKind,
}

/// Direct quote, indirect speech or reported speech act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// A quote.
    Direct,
    /// "X said that ...".
    Indirect,
    /// "X played down expectations".
    Reported,
}

/// Finds statements.
pub fn extract(article: &str) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in article.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            out.push(Statement {
                start,
                end: start + t.len(),
                speaker: None,
                kind: StatementKind::Direct,
            });
        }
        pos += line.len();
    }
    out
}
