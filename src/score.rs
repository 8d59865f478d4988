//! Article -> statements -> scored statements: extraction, then classification.

use std::collections::VecDeque;

use rayon::prelude::*;

use crate::articles::Article;
use crate::context::{Context, with_context};
use crate::error::Result;
use crate::extract::{Statement, StatementKind, extract, extract_titled};
use crate::model::Model;
use crate::scored::ScoredStatement;

/// Finds every statement in `text` and labels it, with the default context
/// ([`Context::DEFAULT`]).
pub fn score_article(model: &Model, text: &str) -> Vec<ScoredStatement> {
    score_titled(model, None, text)
}

/// Finds every statement of an article, its title as the headline when it
/// has one ([`extract_titled`]), and labels it, with the default context.
pub fn score_titled(model: &Model, title: Option<&str>, text: &str) -> Vec<ScoredStatement> {
    score_in_context(model, title, text, &Context::DEFAULT)
}

/// [`score_titled`] with `context` mixed into each statement's
/// probabilities ([`Context::OFF`]: each statement read alone).
pub fn score_in_context(
    model: &Model,
    title: Option<&str>,
    text: &str,
    context: &Context,
) -> Vec<ScoredStatement> {
    let statements = match title {
        Some(title) => extract_titled(title, text),
        None => extract(text),
    };
    let (probabilities, alone) = statement_probabilities(model, title, text, &statements, context);
    statements
        .into_iter()
        .zip(probabilities.into_iter().zip(alone))
        .enumerate()
        .map(|(index, (s, (probabilities, alone)))| ScoredStatement {
            index,
            probabilities,
            alone,
            speaker: s.speaker,
            start: s.start,
            end: s.end,
            kind: s.kind,
        })
        .collect()
}

/// The probabilities of each of an article's `statements` (as
/// [`extract_titled`] or [`extract`] found them) with `context` mixed in,
/// and beside them the probabilities the model gave each statement read
/// alone, when context is on (`None` when it is off).
pub fn statement_probabilities(
    model: &Model,
    title: Option<&str>,
    text: &str,
    statements: &[Statement],
    context: &Context,
) -> (Vec<Vec<f64>>, Vec<Option<Vec<f64>>>) {
    let alone: Vec<Vec<f64>> = statements
        .iter()
        .map(|s| {
            let source = match (title, s.kind) {
                (Some(title), StatementKind::Headline) => title,
                _ => text,
            };
            model.predict_statement(source, s)
        })
        .collect();
    if context.is_off() {
        let none = vec![None; alone.len()];
        return (alone, none);
    }
    let speakers: Vec<Option<&str>> = statements.iter().map(|s| s.speaker.as_deref()).collect();
    let mixed = with_context(&alone, &speakers, context);
    (mixed, alone.into_iter().map(Some).collect())
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
        context: Context::DEFAULT,
    }
}

/// The iterator of [`score_articles`].
pub struct ScoreArticles<'m, I> {
    model: &'m Model,
    articles: I,
    ready: VecDeque<Result<ScoredArticle>>,
    context: Context,
}

impl<I> ScoreArticles<'_, I> {
    /// Mixes `context` into each statement's probabilities instead of
    /// [`Context::DEFAULT`].
    pub fn in_context(mut self, context: Context) -> Self {
        self.context = context;
        self
    }
}

impl<I: Iterator<Item = Result<Article>>> Iterator for ScoreArticles<'_, I> {
    type Item = Result<ScoredArticle>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.ready.is_empty() {
            let batch: Vec<Result<Article>> = self.articles.by_ref().take(BATCH).collect();
            let (model, context) = (self.model, self.context);
            let scored: Vec<Result<ScoredArticle>> = batch
                .into_par_iter()
                .map(|item| {
                    item.map(|a| {
                        let statements =
                            score_in_context(model, a.title.as_deref(), &a.text, &context);
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
        for (with_meta, alone) in [(false, false), (true, false), (false, true), (true, true)] {
            let columns = columns(model.labels(), with_meta, alone);
            let rows = rows(model.labels(), &article, &statements, 0.0, with_meta, alone);
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
                if alone {
                    let read_alone = s.alone.as_ref().unwrap_or(&s.probabilities);
                    for (label, &p) in model.labels().iter().zip(read_alone) {
                        assert_eq!(cell(&format!("alone_{label}")), &Cell::Num(p));
                    }
                }
            }
        }
        // Below --min-confidence the label is `uncertain`, the confidence kept.
        let rows = rows(model.labels(), &article, &statements, 1.0, false, false);
        assert!(rows.iter().all(|r| r[6] == Cell::Str(UNCERTAIN.into())));
    }

    #[test]
    fn context_off_is_each_statement_alone_and_on_keeps_it_visible() {
        let model = Model::embedded().unwrap();
        let text = "\u{201C}We are ready to talk,\u{201D} Ana Lima said. \
                    \u{201C}Our door stays open,\u{201D} Lima added. \
                    \u{201C}We will strike back,\u{201D} Omar Reyes warned.";
        let off = score_in_context(model, None, text, &Context::OFF);
        let on = score_in_context(model, None, text, &Context::DEFAULT);
        assert_eq!(on, score_article(model, text));
        assert_eq!(off.len(), on.len());
        for (a, b) in off.iter().zip(&on) {
            assert_eq!(a.alone, None);
            assert_eq!(b.alone.as_ref(), Some(&a.probabilities));
            assert!((b.probabilities.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            assert_eq!((a.start, a.end, &a.speaker), (b.start, b.end, &b.speaker));
        }
    }
}
