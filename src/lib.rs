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
//! and for articles: [`extract`] (sentences, quotes, speakers) -> [`score`] -> [`report`].
//!
//! ```
//! let model = stance::model::Model::embedded().unwrap();
//! let p = model.predict_proba("We are ready to sit down tomorrow, without preconditions.");
//! assert_eq!(p.len(), model.labels().len());
//! assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
//! ```
#![warn(missing_docs)]

pub mod articles;
pub mod corpus;
pub mod cues;
pub mod error;
pub mod evaluate;
pub mod extract;
pub mod features;
pub mod measure;
pub mod model;
pub mod output;
pub mod report;
pub mod said;
pub mod score;
pub mod scored;
pub mod stance;
pub mod synth;
pub mod tokenize;
pub mod train;

pub use error::{Error, Result};
pub use model::Model;
pub use stance::Stance;
