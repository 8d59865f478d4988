//! Measuring a model on annotated data: labelled statements, and articles
//! with gold annotations (`NAME.txt` + `NAME.gold.jsonl`, see
//! [`crate::extract::gold`]), for which both extraction and labels are
//! measured.
//!
//! For each gold statement of an article two labels are taken: the one the
//! model gives the statement that `stance score` extracts around it (what a
//! user sees), and the one it gives the sentence that holds the statement (the
//! label alone, whatever extraction did).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::context::Context;
use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::evaluate::{Calibration, Metrics};
use crate::extract::gold::{GoldScore, match_gold, read_gold, score_gold};
use crate::extract::{extract, sentence_spans};
use crate::model::Model;
use crate::model::argmax;
use crate::report::report_label_order;
use crate::score::statement_probabilities;

/// Gold labels next to the model's, with the model's confidence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LabelPairs {
    /// The annotated label of each item.
    pub gold: Vec<String>,
    /// The model's label.
    pub predicted: Vec<String>,
    /// The model's probability for its label.
    pub confidence: Vec<f64>,
}

impl LabelPairs {
    fn push(&mut self, gold: &str, model: &Model, probabilities: &[f64]) {
        let best = argmax(probabilities);
        self.gold.push(gold.to_owned());
        self.predicted.push(model.labels()[best].clone());
        self.confidence.push(probabilities[best]);
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.gold.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.gold.is_empty()
    }

    /// Metrics over the model's labels and any other gold label, in report
    /// order (a gold label the model lacks is always predicted wrong).
    pub fn metrics(&self, model_labels: &[String]) -> Metrics {
        let labels = report_label_order(
            model_labels
                .iter()
                .chain(&self.gold)
                .cloned()
                .collect::<Vec<_>>(),
        );
        let index = |l: &String| labels.iter().position(|x| x == l).unwrap_or(0);
        let truth: Vec<usize> = self.gold.iter().map(index).collect();
        let predicted: Vec<usize> = self.predicted.iter().map(index).collect();
        Metrics::compute(&labels, &truth, &predicted)
    }

    /// How well the confidences match accuracy.
    pub fn calibration(&self) -> Calibration {
        let correct: Vec<bool> = self
            .gold
            .iter()
            .zip(&self.predicted)
            .map(|(g, p)| g == p)
            .collect();
        Calibration::compute(&self.confidence, &correct)
    }
}

/// Labels of statements from a labelled corpus.
pub fn statements(model: &Model, corpus: &Corpus) -> LabelPairs {
    let probabilities: Vec<Vec<f64>> = corpus
        .examples
        .par_iter()
        .map(|e| model.predict_proba(&e.text))
        .collect();
    let mut pairs = LabelPairs::default();
    for (e, p) in corpus.examples.iter().zip(&probabilities) {
        pairs.push(&e.label, model, p);
    }
    pairs
}

/// What a folder of gold-annotated articles shows of extraction and labels.
#[derive(Debug, Clone, Default)]
pub struct GoldArticles {
    /// Articles read.
    pub articles: usize,
    /// Statements found, right speakers, merged statements.
    pub extraction: GoldScore,
    /// Labels of the extracted statements that hold a gold statement.
    pub extracted: LabelPairs,
    /// Labels of the sentence that holds each gold statement.
    pub own_sentence: LabelPairs,
}

/// The `NAME.txt` files of `dir` that have a `NAME.gold.jsonl` beside them.
pub fn gold_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| p.with_extension("gold.jsonl").is_file())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::Empty {
            path: dir.into(),
            message: "no NAME.txt with a NAME.gold.jsonl beside it".into(),
        });
    }
    Ok(files)
}

/// The sentence (or sentences) of `article` holding `quote`.
fn own_sentence<'a>(
    article: &'a str,
    sentences: &[crate::extract::Span],
    quote: &str,
) -> Option<&'a str> {
    let at = article.find(quote)?;
    let end = at + quote.len();
    let mut covering = sentences.iter().filter(|s| s.start < end && at < s.end);
    let first = covering.next()?;
    let last = covering.next_back().unwrap_or(first);
    Some(&article[first.start..last.end])
}

/// Each gold statement of the articles in `dir` as (its own sentence, its
/// label): the statement sets other classifiers can be measured on.
pub fn gold_sentences(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for txt in gold_files(dir)? {
        let article = std::fs::read_to_string(&txt).map_err(|e| Error::io(&txt, e))?;
        let gold = read_gold(&txt.with_extension("gold.jsonl"))?;
        let sentences = sentence_spans(&article);
        for g in &gold {
            if let Some(text) = own_sentence(&article, &sentences, &g.quote) {
                out.push((text.to_owned(), g.label.clone()));
            }
        }
    }
    Ok(out)
}

/// Measures `model` (and extraction) on every `NAME.txt` in `dir` that has a
/// `NAME.gold.jsonl` beside it, with the default context.
pub fn gold_articles(model: &Model, dir: &Path) -> Result<GoldArticles> {
    gold_articles_in(model, dir, &Context::DEFAULT)
}

/// [`gold_articles`] with `context` mixed into the extracted statements'
/// probabilities, exactly as [`crate::score::score_in_context`] does (the
/// own-sentence labels read each sentence alone).
pub fn gold_articles_in(model: &Model, dir: &Path, context: &Context) -> Result<GoldArticles> {
    let mut out = GoldArticles::default();
    for txt in gold_files(dir)? {
        let article = std::fs::read_to_string(&txt).map_err(|e| Error::io(&txt, e))?;
        let gold_path = txt.with_extension("gold.jsonl");
        let gold = read_gold(&gold_path)?;
        let statements = extract(&article);
        let (probabilities, _) =
            statement_probabilities(model, None, &article, &statements, context);
        out.articles += 1;
        out.extraction.add(score_gold(&article, &statements, &gold));
        let sentences = sentence_spans(&article);
        for (g, found) in gold.iter().zip(match_gold(&article, &statements, &gold)) {
            let Some(sentence) = own_sentence(&article, &sentences, &g.quote) else {
                let what = if g.quote.trim().is_empty() {
                    "an empty quote".to_owned()
                } else if article.contains(&g.quote) {
                    format!("quote '{}' lies in no sentence of the article", g.quote)
                } else {
                    format!("quote '{}' is not in the article", g.quote)
                };
                return Err(Error::Data {
                    path: gold_path,
                    message: what,
                });
            };
            out.own_sentence
                .push(&g.label, model, &model.predict_proba(sentence));
            if let Some(i) = found {
                out.extracted.push(&g.label, model, &probabilities[i]);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_pairs_count_gold_labels_the_model_lacks() {
        let pairs = LabelPairs {
            gold: vec!["neutral".into(), "hawkish".into(), "hawkish".into()],
            predicted: vec!["hawkish".into(), "hawkish".into(), "sceptical".into()],
            confidence: vec![0.9, 0.8, 0.5],
        };
        let labels: Vec<String> = ["conciliatory", "sceptical", "hawkish"]
            .map(String::from)
            .to_vec();
        let m = pairs.metrics(&labels);
        assert_eq!(
            m.labels,
            ["conciliatory", "sceptical", "hawkish", "neutral"]
        );
        assert!((m.accuracy - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(m.confusion[3][2], 1);
        assert_eq!(pairs.calibration().reliability.len(), 3);
    }
}
