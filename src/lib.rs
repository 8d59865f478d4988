//! `stance` labels what politicians, diplomats and institutions say in the
//! news as conciliatory, sceptical or hawkish.
//!
//! The pipeline, one module per step:
//! 1. [`corpus`]: labelled CSV rows in, with file:line errors;
//! 2. [`tokenize`]: text -> tokens with byte spans and negation scope;
//! 3. [`features`]: tokens -> sparse tf-idf rows over a chi-squared-capped vocabulary;
//! 4. [`train`]: cross-validated multinomial logistic regression (linfa-logistic's objective);
//! 5. [`model`]: the saved model: probabilities, explanations, the embedded default;
//!
//! and for articles: [`extract`] (sentences, quotes, speakers) -> [`score`] (with
//! [`context`]: a speaker's other statements and the article's lean mixed in)
//! -> [`scored`] (the scored-statement row) -> [`report`].
//! [`encoder`] gives sentence embeddings (all-MiniLM-L6-v2, run in-process).
//! [`error`] holds the one error type; [`rng`] the seeded generator that
//! makes folds, balancing and synthetic data the same on every platform.
//!
//! Load the default model and classify a sentence:
//!
//! ```
//! let model = stance::Model::embedded()?;
//! let p = model.predict_proba("We are ready to sit down tomorrow, without preconditions.");
//! assert_eq!(p.len(), model.labels().len());
//! assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
//! let (label, probability) = model.predict("This is a bluff, we will strike back.");
//! assert!(model.labels().iter().any(|l| l == label) && probability > 0.0);
//! # Ok::<(), stance::Error>(())
//! ```
//!
//! An article: its statements with their speakers, scored, then the report
//! per speaker:
//!
//! ```
//! use stance::articles::Article;
//! use stance::report::{Aggregate, Period, ReportFormat};
//! use stance::scored::ScoredRow;
//!
//! let text = "Talks resume\n\n\"We are ready to sit down tomorrow,\" Foreign Minister \
//!             Anna Berg said on Monday.";
//! let statements = stance::extract::extract(text);
//! let said = &statements[statements.len() - 1];
//! assert_eq!(said.speaker.as_deref(), Some("Anna Berg"));
//! assert_eq!(&text[said.start..said.end], "We are ready to sit down tomorrow,");
//!
//! let model = stance::Model::embedded()?;
//! let scored = stance::score::score_article(model, text);
//! assert_eq!(scored.len(), statements.len());
//!
//! let article = Article {
//!     id: "berg".into(),
//!     text: text.into(),
//!     date: None,
//!     source: None,
//!     title: None,
//! };
//! let mut aggregate = Aggregate::new(model.labels().to_vec(), Period::Month);
//! let labels = aggregate.labels().to_vec();
//! for statement in scored {
//!     aggregate.add(ScoredRow::of_statement(&article, statement, model.labels(), &labels, 0.0));
//! }
//! let report = aggregate.finish(1, false);
//! let csv = stance::report::render(&report, ReportFormat::Csv).unwrap();
//! assert!(csv.lines().any(|row| row.starts_with("Anna Berg,")));
//! # Ok::<(), stance::Error>(())
//! ```
#![warn(missing_docs)]

pub mod articles;
pub mod clusters;
pub mod context;
pub mod corpus;
mod csv_lines;
pub mod cues;
pub mod encoder;
pub mod error;
pub mod evaluate;
pub mod extract;
pub mod features;
mod jsonl;
pub mod measure;
pub mod model;
pub mod output;
pub mod report;
pub mod rng;
pub mod said;
pub mod score;
pub mod scored;
pub mod sparse;
pub mod stance;
pub mod synth;
pub mod tokenize;
pub mod train;
pub mod valence;

pub use error::{Error, Result};
pub use model::Model;
pub use stance::Stance;
