//! Article -> statements -> scored statements: extraction, then classification.

use std::collections::VecDeque;

use rayon::prelude::*;
use serde::Serialize;

use crate::articles::Article;
use crate::error::Result;
use crate::extract::{StatementKind, extract, extract_titled};
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
    /// Direct quote, indirect speech, reported speech act or headline. A
    /// headline of an article with a `title` indexes the title, not the text.
    pub kind: StatementKind,
    /// Probability per model label, in model label order.
    pub probabilities: Vec<f64>,
}

impl ScoredStatement {
    /// The statement's text: from the article's title for a headline when
    /// the article has one, else from its text.
    pub fn text_in<'a>(&self, article: &'a Article) -> &'a str {
        let source = match (&article.title, self.kind) {
            (Some(title), StatementKind::Headline) => title,
            _ => &article.text,
        };
        source.get(self.start..self.end).unwrap_or_default()
    }
}

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
