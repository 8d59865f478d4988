//! Article -> statements -> scored statements: extraction, then classification.

use std::collections::VecDeque;

use rayon::prelude::*;

use crate::articles::Article;
use crate::error::Result;
use crate::extract::{StatementKind, extract, extract_titled};
use crate::model::Model;
use crate::scored::ScoredStatement;

/// Finds every statement in `text` and labels it.
pub fn score_article(model: &Model, text: &str) -> Vec<ScoredStatement> {
    score_titled(model, None, text)
}

/// Finds every statement of an article, its title as the headline when it
/// has one ([`extract_titled`]), and labels it.
pub fn score_titled(model: &Model, title: Option<&str>, text: &str) -> Vec<ScoredStatement> {
    let statements = match title {
        Some(title) => extract_titled(title, text),
        None => extract(text),
    };
    statements
        .into_iter()
        .enumerate()
        .map(|(index, s)| {
            let source = match (title, s.kind) {
                (Some(title), StatementKind::Headline) => title,
                _ => text,
            };
            ScoredStatement {
                index,
                probabilities: model.predict_statement(source, &s),
                speaker: s.speaker,
                start: s.start,
                end: s.end,
                kind: s.kind,
            }
        })
        .collect()
}

/// Articles scored in parallel, this many at a time: results keep input order
/// and memory stays bounded by one batch, however long the input.
pub const BATCH: usize = 64;

/// An article with its scored statements.
pub type ScoredArticle = (Article, Vec<ScoredStatement>);

/// Scores `articles` in parallel batches and yields them in input order; a
/// bad input (an `Err` item) is passed through in its place.
pub fn score_articles<I>(model: &Model, articles: I) -> ScoreArticles<'_, I::IntoIter>
where
    I: IntoIterator<Item = Result<Article>>,
{
    ScoreArticles {
        model,
        articles: articles.into_iter(),
        ready: VecDeque::new(),
    }
}

/// The iterator of [`score_articles`].
pub struct ScoreArticles<'m, I> {
    model: &'m Model,
    articles: I,
    ready: VecDeque<Result<ScoredArticle>>,
}

impl<I: Iterator<Item = Result<Article>>> Iterator for ScoreArticles<'_, I> {
    type Item = Result<ScoredArticle>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.ready.is_empty() {
            let batch: Vec<Result<Article>> = self.articles.by_ref().take(BATCH).collect();
            let model = self.model;
            let scored: Vec<Result<ScoredArticle>> = batch
                .into_par_iter()
                .map(|item| {
                    item.map(|a| {
                        let statements = score_titled(model, a.title.as_deref(), &a.text);
                        (a, statements)
                    })
                })
                .collect();
            self.ready.extend(scored);
        }
        self.ready.pop_front()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    pub use crate::output::Cell;
    use crate::scored::{UNCERTAIN, columns, rows};

    #[test]
    fn rows_follow_the_columns() {
        let model = Model::embedded().unwrap();
        let text = "The minister said: \u{201C}We are ready to talk.\u{201D} \
                    \u{201C}We will strike back,\u{201D} Ana Lima warned.";
        let article = Article {
            id: "a1".into(),
            text: text.into(),
            date: Some("2026-11-03".into()),
            source: None,
            title: None,
        };
        let statements = score_article(model, text);
        assert_eq!(statements.len(), 2, "{statements:?}");
        for with_meta in [false, true] {
            let columns = columns(model.labels(), with_meta);
            let rows = rows(model.labels(), &article, &statements, 0.0, with_meta);
            assert_eq!(rows.len(), 2);
            for (row, s) in rows.iter().zip(&statements) {
                assert_eq!(row.len(), columns.len());
                let cell = |name: &str| &row[columns.iter().position(|c| c == name).unwrap()];
                assert_eq!(cell("article"), &Cell::Str("a1".into()));
                assert_eq!(cell("text"), &Cell::Str(text[s.start..s.end].into()));
                let best = crate::model::argmax(&s.probabilities);
                assert_eq!(cell("label"), &Cell::Str(model.labels()[best].clone()));
                assert_eq!(cell("confidence"), &Cell::Num(s.probabilities[best]));
                if with_meta {
                    assert_eq!(cell("date"), &Cell::Str("2026-11-03".into()));
                    assert_eq!(cell("source"), &Cell::Null);
                }
            }
        }
        // Below --min-confidence the label is `uncertain`, the confidence kept.
        let rows = rows(model.labels(), &article, &statements, 1.0, false);
        assert!(rows.iter().all(|r| r[6] == Cell::Str(UNCERTAIN.into())));
    }
}
