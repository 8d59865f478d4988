//! The model file: tokenizer and feature settings, vocabulary, weights and
//! training metadata in one self-describing JSON document; loading with
//! checks; probabilities and exact explanations; the embedded default model.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::cues::{Cue, Cues};
use crate::error::{Error, Result};
use crate::evaluate::ClassMetrics;
use crate::features::{FeatureParams, SparseRow, Valence, Vectorizer};
use crate::tokenize::TokenizerParams;

/// Written in every model file so a foreign JSON file is recognised as such.
pub const FORMAT: &str = "stance-model";
/// The newest model format this build reads. Version 2 added reading what
/// was said, scopes and cue lexicons; version 3 a label prior
/// ([`Model::with_label_prior`]), the statement-kind and cue-absence
/// features; version 4 word valence features; version 5 word clusters;
/// version 6 the negation of a refusing verb's object
/// ([`TokenizerParams::verb_negation`]); version 7 a second view of the
/// statement ([`View`]); version 8 a sentence encoder's reading
/// ([`EncoderHead`]). A model is written with the
/// lowest version that holds what it uses, so older builds read every model
/// they can score right, and refuse (rather than misread) one they cannot.
pub const FORMAT_VERSION: u32 = 8;
/// Largest model file we agree to read: far above any real model, far below
/// what would exhaust memory.
pub(crate) const MAX_MODEL_BYTES: u64 = 512 * 1024 * 1024;

/// Largest absolute weight, intercept or idf a model may hold.
pub(crate) const MAX_PARAMETER: f64 = 1e6;

/// The default model, trained on `data/quotes.csv`, built into the binary.
pub static DEFAULT_MODEL_JSON: &[u8] = include_bytes!("../models/default.json");
/// The shipped encoder model (`--encoder`): the default recipe plus the
/// sentence encoder's head (data/README.md, "The default model").
pub static ENCODER_MODEL_JSON: &[u8] = include_bytes!("../models/default-encoder.json");

/// How a model was trained. No timestamps, so the same data and seed give the
/// same bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingMetadata {
    /// Version of `stance` that trained it.
    pub crate_version: String,
    /// File name of the training data.
    pub data_file: String,
    /// Hex SHA-256 of the training data's bytes.
    pub data_sha256: String,
    /// Training rows.
    pub rows: usize,
    /// Training rows per label.
    pub rows_per_label: BTreeMap<String, usize>,
    /// How classes were balanced.
    pub balancing: String,
    /// The solver that minimised the objective (`sparse` or `linfa`).
    pub solver: String,
    /// Cross-validation folds.
    pub folds: usize,
    /// Seed for folds and balancing.
    pub seed: u64,
    /// L2 strengths tried.
    pub alpha_grid: Vec<f64>,
    /// The L2 strength chosen by cross-validation.
    pub alpha: f64,
    /// Cross-validated macro-F1 per alpha in `alpha_grid`.
    pub cv_macro_f1_per_alpha: Vec<f64>,
    /// L-BFGS iteration cap.
    pub max_iterations: u64,
    /// L-BFGS gradient tolerance.
    pub gradient_tolerance: f64,
    /// Cross-validated accuracy at the chosen alpha.
    pub cv_accuracy: f64,
    /// Cross-validated macro-F1 at the chosen alpha.
    pub cv_macro_f1: f64,
    /// Cross-validated per-class metrics at the chosen alpha.
    pub cv_per_class: BTreeMap<String, ClassMetrics>,
}

/// The file layout. Weights are stored one array per label.
#[derive(Serialize, Deserialize)]
struct ModelFile {
    format: String,
    format_version: u32,
    labels: Vec<String>,
    n_features: usize,
    tokenizer: TokenizerParams,
    features: FeatureParams,
    /// The cue lexicon, when the features use it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    cues: Vec<Cue>,
    vocabulary: Vec<String>,
    idf: Vec<f64>,
    intercept: Vec<f64>,
    /// The label prior, when the model has one (see [`LabelPrior`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label_prior: Option<LabelPrior>,
    weights: Vec<Vec<f64>>,
    metadata: TrainingMetadata,
    /// The second view, when the model has one (see [`View`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    view: Option<Box<ViewFile>>,
    /// The sentence encoder's part, when the model has one (see [`EncoderHead`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    encoder: Option<EncoderFile>,
}

/// Prefix of the second view's feature names in explanations.
pub const VIEW_PREFIX: &str = "view:";

/// A second view of each statement: a model trained on the same rows read
/// another way (what was said, or the statement's text as it is). The two
/// views' logits are pooled, `(1 - weight) z + weight z_view`, before the
/// softmax: one linear model over both views' features (a product of
/// experts), so an explanation stays an exact sum. `weight` is the second
/// view's share, in 0..=1.
#[derive(Debug, Clone)]
pub struct View {
    model: Box<Model>,
    weight: f64,
}

impl View {
    /// The second view's model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The second view's share of the pooled logits.
    pub fn weight(&self) -> f64 {
        self.weight
    }
}

/// Pooled logits `(1 - w) z1 + w z2`.
pub(crate) fn mix(z1: &[f64], z2: &[f64], w: f64) -> Vec<f64> {
    z1.iter()
        .zip(z2)
        .map(|(a, b)| (1.0 - w) * a + w * b)
        .collect()
}

/// Name of the sentence encoder's part of an explanation.
pub const ENCODER_FEATURE: &str = "encoder";

/// A sentence encoder's reading of each statement pooled with the word
/// features: a linear model over the [`crate::encoder`]'s embedding of the
/// statement's text as it is, whose logits take a share of the pooled ones,
/// `(1 - share) z_words + share z_encoder`, before the softmax. The words
/// carry what the corpus taught; the encoder, trained on a billion sentence
/// pairs, knows words and phrasings the corpus never used. An explanation
/// stays an exact sum: the encoder's part is one contribution per label.
#[derive(Debug, Clone)]
pub struct EncoderHead {
    /// Feature-major: `weights[j * k + c]`, `j` a dimension of the embedding.
    weights: Vec<f64>,
    intercept: Vec<f64>,
    share: f64,
    training: EncoderTraining,
}

/// How an [`EncoderHead`] was trained, and on which encoder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EncoderTraining {
    /// Hex SHA-256 of the encoder's weights file: a model is only scored
    /// with the encoder it was trained on.
    pub encoder_sha256: String,
    /// L2 strengths tried.
    pub alpha_grid: Vec<f64>,
    /// The L2 strength chosen by cross-validation.
    pub alpha: f64,
    /// Cross-validated macro-F1 of the encoder's model alone, per alpha.
    pub cv_macro_f1_per_alpha: Vec<f64>,
    /// Cross-validated macro-F1 of the pooled prediction at the chosen share.
    pub pooled_cv_macro_f1: f64,
}

impl EncoderHead {
    /// The encoder's share of the pooled logits.
    pub fn share(&self) -> f64 {
        self.share
    }

    /// How it was trained.
    pub fn training(&self) -> &EncoderTraining {
        &self.training
    }

    /// Logits of one embedding, the intercept included.
    fn logits(&self, embedding: &[f32]) -> Vec<f64> {
        let k = self.intercept.len();
        let mut z = self.intercept.clone();
        for (j, &v) in embedding.iter().enumerate() {
            for (zc, w) in z.iter_mut().zip(&self.weights[j * k..(j + 1) * k]) {
                *zc += f64::from(v) * w;
            }
        }
        z
    }

    /// Moves the word features' logits `z` to the pooled ones for `text`.
    fn pool_into(&self, z: &mut [f64], text: &str) {
        let e = self.logits(&crate::encoder::Encoder::shipped().embed(text));
        for (a, b) in z.iter_mut().zip(e) {
            *a = (1.0 - self.share) * *a + self.share * b;
        }
    }
}

/// An [`EncoderHead`] in the file; weights one array per label.
#[derive(Serialize, Deserialize)]
struct EncoderFile {
    share: f64,
    training: EncoderTraining,
    intercept: Vec<f64>,
    weights: Vec<Vec<f64>>,
}

/// A [`View`] in the file.
#[derive(Serialize, Deserialize)]
struct ViewFile {
    weight: f64,
    model: ModelFile,
}

/// A prior correction of the logits: the label mix the model was trained
/// for (`trained`: class balancing makes it uniform) and the mix of the text
/// it is meant for (`target`, e.g. real news, where about one attributed
/// statement in six takes no side). Bayes' rule moves each label's logit by
/// `ln(target / trained)`; the fitted weights and intercepts stay as trained.
/// Both mixes are stored, in model label order, so the file says why the
/// offsets are what they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelPrior {
    /// The label mix training saw, after class balancing (sums to 1).
    pub trained: Vec<f64>,
    /// The label mix of the text the model is meant for (sums to 1).
    pub target: Vec<f64>,
}

impl LabelPrior {
    /// The offset of each label's logit: `ln(target / trained)`.
    pub fn offsets(&self) -> Vec<f64> {
        self.trained
            .iter()
            .zip(&self.target)
            .map(|(t, p)| (p / t).ln())
            .collect()
    }

    /// Checks the prior against a model's `k` labels.
    fn check(&self, k: usize) -> std::result::Result<(), String> {
        for (name, mix) in [("trained", &self.trained), ("target", &self.target)] {
            if mix.len() != k {
                return Err(format!(
                    "the label prior's {name} mix has {} shares for {k} labels",
                    mix.len()
                ));
            }
            if mix.iter().any(|v| !v.is_finite() || *v <= 0.0) {
                return Err(format!(
                    "the label prior's {name} mix holds a share that is not a positive number"
                ));
            }
            let sum: f64 = mix.iter().sum();
            if (sum - 1.0).abs() > 1e-6 {
                return Err(format!("the label prior's {name} mix sums to {sum}, not 1"));
            }
        }
        Ok(())
    }
}

/// Only the version fields, read first so a newer file gets a clear message
/// rather than a confusing field error.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    format_version: Option<u32>,
}

/// A trained stance model.
#[derive(Debug, Clone)]
pub struct Model {
    labels: Vec<String>,
    vectorizer: Vectorizer,
    /// Feature-major: `weights[j * k + c]`.
    weights: Vec<f64>,
    intercept: Vec<f64>,
    label_prior: Option<LabelPrior>,
    /// `intercept` plus the prior's offsets: what the logits start from.
    bias: Vec<f64>,
    metadata: TrainingMetadata,
    /// A second view pooled with this one's prediction.
    view: Option<View>,
    /// A sentence encoder's reading pooled with the word features'.
    encoder: Option<EncoderHead>,
}

/// One feature's signed push on one label: weight x feature value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// The feature name (`w:` word n-gram, `c:` character n-gram).
    pub feature: String,
    /// Its tf-idf value in this text.
    pub value: f64,
    /// The model's weight for it and this label.
    pub weight: f64,
    /// value x weight: what it adds to this label's logit.
    pub contribution: f64,
}

/// Why a text got its probabilities: per label, intercept plus contributions
/// add up exactly to the logit.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// What the model read: `[verb] content` (see [`crate::said::Said`]).
    pub input: String,
    /// What the second view read, when the model has one ([`View`]); its
    /// features are named with the prefix [`VIEW_PREFIX`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub view_input: Option<String>,
    /// The predicted label.
    pub label: String,
    /// Probability per label, in model label order.
    pub probabilities: Vec<(String, f64)>,
    /// Per label: logit, intercept and contributions sorted by size.
    pub per_label: Vec<LabelExplanation>,
}

/// One label's part of an [`Explanation`].
#[derive(Debug, Clone, Serialize)]
pub struct LabelExplanation {
    /// The label.
    pub label: String,
    /// Its logit: intercept + sum of contributions.
    pub logit: f64,
    /// Its intercept.
    pub intercept: f64,
    /// The label prior's offset (0 without a prior; then left out of JSON,
    /// as before priors existed).
    #[serde(skip_serializing_if = "is_zero")]
    pub prior: f64,
    /// Every non-zero feature's contribution, largest magnitude first.
    pub contributions: Vec<Contribution>,
}

impl Model {
    /// Assembles a model, checking that the parts agree; `origin` names the
    /// parts in errors.
    pub(crate) fn from_parts(
        origin: &Path,
        labels: Vec<String>,
        vectorizer: Vectorizer,
        weights: Vec<f64>,
        intercept: Vec<f64>,
        metadata: TrainingMetadata,
    ) -> Result<Model> {
        let fail = |message: String| Err(Error::model(origin, message));
        let k = labels.len();
        if k < 2 {
            return fail(format!("a model needs at least two labels, found {k}"));
        }
        let mut sorted = labels.clone();
        sorted.sort();
        sorted.dedup();
        if sorted.len() != k {
            return fail("labels are not unique".into());
        }
        if intercept.len() != k {
            return fail(format!("{} intercepts for {k} labels", intercept.len()));
        }
        if weights.len() != vectorizer.len() * k {
            return fail(format!(
                "{} weights for {} features x {k} labels",
                weights.len(),
                vectorizer.len()
            ));
        }
        // No fitted model comes near this; the bound keeps logits finite, so
        // probabilities never turn into NaN whatever a damaged file holds.
        if weights
            .iter()
            .chain(&intercept)
            .chain(&vectorizer.idf)
            .any(|v| !v.is_finite() || v.abs() > MAX_PARAMETER)
        {
            return fail(format!(
                "weights, intercepts or idf hold a value that is not finite or beyond ±{MAX_PARAMETER:e}"
            ));
        }
        Ok(Model {
            labels,
            vectorizer,
            weights,
            bias: intercept.clone(),
            intercept,
            label_prior: None,
            metadata,
            view: None,
            encoder: None,
        })
    }

    /// The same model with a second view pooled into its predictions
    /// (`None`: none). The view must have the same labels in the same
    /// order and no view of its own; `weight` is its share, in 0..=1.
    pub fn with_view(mut self, view: Option<(Model, f64)>) -> Result<Model> {
        let fail = |m: String| Err(Error::model(Path::new("<second view>"), m));
        self.view = match view {
            None => None,
            Some((model, weight)) => {
                if model.labels != self.labels {
                    return fail(format!(
                        "its labels ({}) are not the model's ({})",
                        model.labels.join(", "),
                        self.labels.join(", ")
                    ));
                }
                if model.view.is_some() || model.encoder.is_some() {
                    return fail(
                        "a second view cannot have a view of its own, nor an encoder".into(),
                    );
                }
                if !(0.0..=1.0).contains(&weight) {
                    return fail(format!("its weight {weight} is not between 0 and 1"));
                }
                Some(View {
                    model: Box::new(model),
                    weight,
                })
            }
        };
        Ok(self)
    }

    /// The second view, if the model has one.
    pub fn view(&self) -> Option<&View> {
        self.view.as_ref()
    }

    /// The same model with a sentence encoder's reading pooled into its
    /// predictions: `weights` feature-major (`DIM x k`), one intercept per
    /// label, `share` in 0..=1 (`None`: none). The encoder must be the one
    /// this build ships.
    pub fn with_encoder(
        mut self,
        encoder: Option<(Vec<f64>, Vec<f64>, f64, EncoderTraining)>,
    ) -> Result<Model> {
        let fail = |m: String| Err(Error::model(Path::new("<encoder>"), m));
        let k = self.labels.len();
        self.encoder = match encoder {
            None => None,
            Some((weights, intercept, share, training)) => {
                let shipped = crate::encoder::Encoder::shipped().digest();
                if training.encoder_sha256 != shipped {
                    return fail(format!(
                        "trained with the sentence encoder {}, but this build ships {shipped}: \
                         retrain the model, or score it with the build that trained it",
                        training.encoder_sha256
                    ));
                }
                if weights.len() != crate::encoder::DIM * k || intercept.len() != k {
                    return fail(format!(
                        "{} weights and {} intercepts for {} dimensions x {k} labels",
                        weights.len(),
                        intercept.len(),
                        crate::encoder::DIM
                    ));
                }
                if weights
                    .iter()
                    .chain(&intercept)
                    .any(|v| !v.is_finite() || v.abs() > MAX_PARAMETER)
                {
                    return fail(format!(
                        "its weights or intercepts hold a value that is not finite or beyond ±{MAX_PARAMETER:e}"
                    ));
                }
                if !(0.0..=1.0).contains(&share) {
                    return fail(format!("its share {share} is not between 0 and 1"));
                }
                Some(EncoderHead {
                    weights,
                    intercept,
                    share,
                    training,
                })
            }
        };
        Ok(self)
    }

    /// The sentence encoder's part, if the model has one.
    pub fn encoder(&self) -> Option<&EncoderHead> {
        self.encoder.as_ref()
    }

    /// The same model reading words only: the sentence encoder's part left
    /// out (`--no-encoder`: much faster, the word features' labels).
    pub fn without_encoder(&self) -> Model {
        Model {
            encoder: None,
            ..self.clone()
        }
    }

    /// This model and its second view, if any, each with its share of the
    /// pooled logits (what the sentence encoder leaves to the words) and the
    /// prefix of its feature names in explanations.
    fn views(&self) -> impl Iterator<Item = (&Model, f64, &'static str)> {
        let words = 1.0 - self.encoder.as_ref().map_or(0.0, |e| e.share);
        let share = words * self.view.as_ref().map_or(0.0, |v| v.weight);
        std::iter::once((self, words - share, "")).chain(
            self.view
                .as_ref()
                .map(|v| (v.model.as_ref(), share, VIEW_PREFIX)),
        )
    }

    /// The same model with a prior correction of its logits (`None`: none),
    /// checked against its labels.
    pub fn with_label_prior(mut self, prior: Option<LabelPrior>) -> Result<Model> {
        if let Some(p) = &prior {
            p.check(self.labels.len())
                .map_err(|m| Error::model(Path::new("<label prior>"), m))?;
        }
        self.bias = match &prior {
            Some(p) => self
                .intercept
                .iter()
                .zip(p.offsets())
                .map(|(b, o)| b + o)
                .collect(),
            None => self.intercept.clone(),
        };
        self.label_prior = prior;
        Ok(self)
    }

    /// The label prior, if the model has one.
    pub fn label_prior(&self) -> Option<&LabelPrior> {
        self.label_prior.as_ref()
    }

    /// Labels, in the order probabilities are given.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Training metadata.
    pub fn metadata(&self) -> &TrainingMetadata {
        &self.metadata
    }

    /// The fitted vectorizer.
    pub fn vectorizer(&self) -> &Vectorizer {
        &self.vectorizer
    }

    /// Probabilities per label (in [`Model::labels`] order); they sum to 1.
    /// `text` is one statement, as an article would print it.
    pub fn predict_proba(&self, text: &str) -> Vec<f64> {
        let mut z = self.logits_of(&self.vectorizer.transform(text));
        if let Some(view) = &self.view {
            let other = view.model.logits_of(&view.model.vectorizer.transform(text));
            z = mix(&z, &other, view.weight);
        }
        self.finish(z, text)
    }

    /// The word features' logits `z` of `text` -> probabilities, the
    /// sentence encoder's reading pooled in when the model has one.
    fn finish(&self, mut z: Vec<f64>, text: &str) -> Vec<f64> {
        if let Some(encoder) = &self.encoder {
            encoder.pool_into(&mut z, text);
        }
        softmax(&mut z);
        z
    }

    /// Probabilities for one statement of an article.
    pub fn predict_statement(
        &self,
        article: &str,
        statement: &crate::extract::Statement,
    ) -> Vec<f64> {
        let said = self.vectorizer.statement_input(article, statement);
        let mut z = self.logits_of(&self.vectorizer.transform_said(&said));
        if let Some(view) = &self.view {
            let v = &view.model.vectorizer;
            let other = v.transform_said(&v.statement_input(article, statement));
            z = mix(&z, &view.model.logits_of(&other), view.weight);
        }
        self.finish(z, &article[statement.start..statement.end])
    }

    /// Logits for an already featurized row (this view alone).
    fn logits_of(&self, row: &SparseRow) -> Vec<f64> {
        logits(row, &self.weights, &self.bias, self.labels.len())
    }

    /// The most probable label and its probability.
    pub fn predict(&self, text: &str) -> (&str, f64) {
        let p = self.predict_proba(text);
        let best = argmax(&p);
        (&self.labels[best], p[best])
    }

    /// Exact explanation of one prediction. With a second view, each
    /// label's logit is the pooled one: every feature's weight, the
    /// intercept and the prior are the views' own times their share, and the
    /// second view's features carry the prefix [`VIEW_PREFIX`]. With a
    /// sentence encoder, its part is one contribution named
    /// [`ENCODER_FEATURE`]: value its logit push (intercept apart), weight
    /// its share.
    pub fn explain(&self, text: &str) -> Explanation {
        let probs = self.predict_proba(text);
        let k = self.labels.len();
        // Each view with what it read, its row and its prior's offsets,
        // computed once for all labels.
        let parts: Vec<_> = self
            .views()
            .map(|(model, share, prefix)| {
                let input = Vectorizer::input(&model.vectorizer.params, text);
                let row = model.vectorizer.transform_said(&input);
                let offsets = model
                    .label_prior
                    .as_ref()
                    .map(LabelPrior::offsets)
                    .unwrap_or_else(|| vec![0.0; k]);
                (model, input, row, offsets, share, prefix)
            })
            .collect();
        // The encoder's logits (intercept included) of the text as it is.
        let encoded = self.encoder.as_ref().map(|head| {
            let embedding = crate::encoder::Encoder::shipped().embed(text);
            (head, head.logits(&embedding))
        });
        let per_label = (0..k)
            .map(|c| {
                let (mut intercept, mut prior) = (0.0, 0.0);
                let mut contributions = Vec::new();
                for (model, _, row, offsets, share, prefix) in &parts {
                    intercept += share * model.intercept[c];
                    prior += share * offsets[c];
                    contributions.extend(row.iter().map(|&(j, value)| {
                        let value = f64::from(value);
                        let weight = share * model.weights[j as usize * k + c];
                        Contribution {
                            feature: format!("{prefix}{}", model.vectorizer.vocabulary[j as usize]),
                            value,
                            weight,
                            contribution: value * weight,
                        }
                    }));
                }
                if let Some((head, z)) = &encoded {
                    intercept += head.share * head.intercept[c];
                    let value = z[c] - head.intercept[c];
                    contributions.push(Contribution {
                        feature: ENCODER_FEATURE.to_owned(),
                        value,
                        weight: head.share,
                        contribution: value * head.share,
                    });
                }
                contributions.sort_by(|a, b| {
                    b.contribution
                        .abs()
                        .total_cmp(&a.contribution.abs())
                        .then_with(|| a.feature.cmp(&b.feature))
                });
                let logit =
                    intercept + prior + contributions.iter().map(|c| c.contribution).sum::<f64>();
                LabelExplanation {
                    label: self.labels[c].clone(),
                    logit,
                    intercept,
                    prior,
                    contributions,
                }
            })
            .collect();
        Explanation {
            input: parts[0].1.render(),
            view_input: parts.get(1).map(|part| part.1.render()),
            label: self.labels[argmax(&probs)].clone(),
            probabilities: self.labels.iter().cloned().zip(probs).collect(),
            per_label,
        }
    }

    /// The `n` features with the largest weight for each label, relative to
    /// the mean weight of that feature over all labels (softmax only sees
    /// differences between labels, so this is what moves a prediction).
    pub fn top_features(&self, n: usize) -> Vec<(String, Vec<(String, f64)>)> {
        let k = self.labels.len();
        // With a second view, each view's weights times its share (what
        // they add to the pooled logits), the view's names prefixed.
        (0..k)
            .map(|c| {
                let mut scored: Vec<(String, f64)> = self
                    .views()
                    .flat_map(|(model, share, prefix)| {
                        (0..model.vectorizer.len()).map(move |j| {
                            let row = &model.weights[j * k..(j + 1) * k];
                            let mean = row.iter().sum::<f64>() / k as f64;
                            let name = &model.vectorizer.vocabulary[j];
                            (format!("{prefix}{name}"), share * (row[c] - mean))
                        })
                    })
                    .collect();
                scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                scored.truncate(n);
                (self.labels[c].clone(), scored)
            })
            .collect()
    }

    /// The model as JSON bytes (deterministic: same model, same bytes).
    pub fn to_json(&self) -> Result<Vec<u8>> {
        let mut out = serde_json::to_vec(&self.to_file()).map_err(Error::Json)?;
        out.push(b'\n');
        Ok(out)
    }

    /// The model in the file layout.
    fn to_file(&self) -> ModelFile {
        let k = self.labels.len();
        let weights = (0..k)
            .map(|c| {
                (0..self.vectorizer.len())
                    .map(|j| self.weights[j * k + c])
                    .collect()
            })
            .collect();
        let v = &self.vectorizer;
        let version_2 =
            v.tokenizer.scopes || v.params.said || v.params.cues || v.params.scope_words;
        ModelFile {
            format: FORMAT.into(),
            format_version: if self.encoder.is_some() {
                8
            } else if self.view.is_some() {
                7
            } else if v.tokenizer.verb_negation || v.params.cue_polarity {
                6
            } else if v.params.clusters.is_some() {
                5
            } else if v.params.valence != Valence::Off {
                4
            } else if self.label_prior.is_some() || v.params.kinds || v.params.cue_absence {
                3
            } else if version_2 {
                2
            } else {
                1
            },
            labels: self.labels.clone(),
            n_features: self.vectorizer.len(),
            tokenizer: self.vectorizer.tokenizer.clone(),
            features: self.vectorizer.params.clone(),
            cues: v
                .cues
                .as_ref()
                .map(|c| c.cues().to_vec())
                .unwrap_or_default(),
            vocabulary: self.vectorizer.vocabulary.clone(),
            idf: self.vectorizer.idf.clone(),
            intercept: self.intercept.clone(),
            label_prior: self.label_prior.clone(),
            weights,
            metadata: self.metadata.clone(),
            view: self.view.as_ref().map(|view| {
                Box::new(ViewFile {
                    weight: view.weight,
                    model: view.model.to_file(),
                })
            }),
            encoder: self.encoder.as_ref().map(|head| EncoderFile {
                share: head.share,
                training: head.training.clone(),
                intercept: head.intercept.clone(),
                weights: (0..k)
                    .map(|c| {
                        (0..crate::encoder::DIM)
                            .map(|j| head.weights[j * k + c])
                            .collect()
                    })
                    .collect(),
            }),
        }
    }

    /// Writes the model to `path` atomically (temp file in the same folder, then rename).
    pub fn save(&self, path: &Path) -> Result<()> {
        crate::output::write_atomic(path, &self.to_json()?)
    }

    /// Parses and checks model bytes; `origin` names them in messages.
    pub fn from_json(bytes: &[u8], origin: &Path) -> Result<Model> {
        let fail = |m: String| Error::model(origin, m);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(fail("the file is empty".into()));
        }
        // A good file is read once: the header is checked on the parsed
        // file. Only a file that does not parse is read again for its header
        // alone, to say why (a foreign file, a newer version) rather than
        // which field is missing; the header pass over a whole model costs
        // as much as reading its hundred thousand numbers.
        let file = match serde_json::from_slice::<ModelFile>(bytes) {
            Ok(file) => {
                check_header(Some(&file.format), Some(file.format_version), &fail)?;
                file
            }
            Err(e) => {
                let header: Header =
                    serde_json::from_slice(bytes).map_err(|e| match e.classify() {
                        serde_json::error::Category::Data => fail(format!(
                            "not a stance model (expected a JSON object with \"format\": \"{FORMAT}\")"
                        )),
                        _ => fail(format!(
                            "not valid JSON ({e}); is the file truncated or corrupt?"
                        )),
                    })?;
                check_header(header.format.as_deref(), header.format_version, &fail)?;
                return Err(fail(format!("malformed model: {e}")));
            }
        };
        Model::from_file(file, origin)
    }

    /// Checks and assembles a parsed file (and its second view).
    fn from_file(file: ModelFile, origin: &Path) -> Result<Model> {
        let fail = |m: String| Error::model(origin, m);
        let k = file.labels.len();
        if file.n_features != file.vocabulary.len() {
            return Err(fail(format!(
                "declares {} features but its vocabulary has {}",
                file.n_features,
                file.vocabulary.len()
            )));
        }
        if file.weights.len() != k {
            return Err(fail(format!(
                "has {} weight arrays for {k} labels",
                file.weights.len()
            )));
        }
        if let Some((c, w)) = file
            .weights
            .iter()
            .enumerate()
            .find(|(_, w)| w.len() != file.n_features)
        {
            return Err(fail(format!(
                "weights of label '{}' have {} entries, expected {}",
                file.labels[c],
                w.len(),
                file.n_features
            )));
        }
        file.features
            .check()
            .map_err(|e| fail(format!("bad feature settings: {e}")))?;
        let cues = if file.features.cues {
            if file.cues.is_empty() {
                return Err(fail(
                    "its features use a cue lexicon but the file holds none".into(),
                ));
            }
            Some(Cues::new(file.cues).map_err(|e| fail(format!("bad cue lexicon: {e}")))?)
        } else {
            None
        };
        let vectorizer = Vectorizer::from_parts(
            origin,
            file.tokenizer,
            file.features,
            cues,
            file.vocabulary,
            file.idf,
        )?;
        let mut weights = vec![0.0; file.n_features * k];
        for (c, w) in file.weights.iter().enumerate() {
            for (j, v) in w.iter().enumerate() {
                weights[j * k + c] = *v;
            }
        }
        let view = match file.view {
            None => None,
            Some(view) => {
                if view.model.format_version > file.format_version {
                    return Err(fail(format!(
                        "its second view is format version {}, newer than the file's {}",
                        view.model.format_version, file.format_version
                    )));
                }
                if !view.weight.is_finite() {
                    return Err(fail("the second view's weight is not a number".into()));
                }
                let model = Model::from_file(view.model, origin).map_err(|e| match e {
                    Error::Model { message, .. } => fail(format!("second view: {message}")),
                    e => e,
                })?;
                Some((model, view.weight))
            }
        };
        let encoder = match file.encoder {
            None => None,
            Some(head) => {
                let dim = crate::encoder::DIM;
                if head.weights.len() != k || head.weights.iter().any(|w| w.len() != dim) {
                    return Err(fail(format!(
                        "the sentence encoder's weights are not {k} arrays of {dim}"
                    )));
                }
                let mut weights = vec![0.0; dim * k];
                for (c, w) in head.weights.iter().enumerate() {
                    for (j, v) in w.iter().enumerate() {
                        weights[j * k + c] = *v;
                    }
                }
                Some((weights, head.intercept, head.share, head.training))
            }
        };
        let as_file_error = |e| match e {
            Error::Model { message, .. } => fail(message),
            e => e,
        };
        Model::from_parts(
            origin,
            file.labels,
            vectorizer,
            weights,
            file.intercept,
            file.metadata,
        )?
        .with_label_prior(file.label_prior)
        .map_err(as_file_error)?
        .with_view(view)
        .map_err(as_file_error)?
        .with_encoder(encoder)
        .map_err(as_file_error)
    }

    /// Loads a model file with every check.
    pub fn load(path: &Path) -> Result<Model> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::model(path, "is a directory, expected a model file"));
        }
        if meta.len() > MAX_MODEL_BYTES {
            return Err(Error::model(
                path,
                format!("{} bytes is larger than any stance model", meta.len()),
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        Model::from_json(&bytes, path)
    }

    /// The default model embedded in the binary.
    pub fn embedded() -> Result<&'static Model> {
        static MODEL: OnceLock<Model> = OnceLock::new();
        Self::embedded_once(&MODEL, DEFAULT_MODEL_JSON, "<embedded default>")
    }

    /// The encoder model embedded in the binary (`--encoder`).
    pub fn embedded_encoder() -> Result<&'static Model> {
        static MODEL: OnceLock<Model> = OnceLock::new();
        Self::embedded_once(&MODEL, ENCODER_MODEL_JSON, "<embedded encoder model>")
    }

    fn embedded_once(
        cell: &'static OnceLock<Model>,
        json: &[u8],
        name: &str,
    ) -> Result<&'static Model> {
        if let Some(model) = cell.get() {
            return Ok(model);
        }
        // A broken shipped model is a broken build: it fails the same way
        // on every call, so only a good model is kept.
        let model = Model::from_json(json, Path::new(name))?;
        Ok(cell.get_or_init(|| model))
    }

    /// The model in the file at `path`, or the embedded default when there
    /// is none (what `--model` means on every subcommand).
    pub fn load_or_embedded(path: Option<&Path>) -> Result<Cow<'static, Model>> {
        Ok(match path {
            Some(p) => Cow::Owned(Model::load(p)?),
            None => Cow::Borrowed(Model::embedded()?),
        })
    }
}

fn is_zero(v: &f64) -> bool {
    *v == 0.0
}

/// Refuses a file that is not a stance model, or one of a newer or unknown version.
fn check_header(
    format: Option<&str>,
    format_version: Option<u32>,
    fail: &dyn Fn(String) -> Error,
) -> Result<()> {
    if format != Some(FORMAT) {
        return Err(fail(format!(
            "not a stance model (expected \"format\": \"{FORMAT}\")"
        )));
    }
    match format_version {
        Some(v) if v > FORMAT_VERSION => Err(fail(format!(
            "format version {v} was written by a newer stance; this build reads \
             version {FORMAT_VERSION}: upgrade stance"
        ))),
        Some(v) if v >= 1 => Ok(()),
        other => Err(fail(format!("unknown format version {other:?}"))),
    }
}

/// Logits `b + x W` of one sparse row.
pub(crate) fn logits(row: &[(u32, f32)], w: &[f64], b: &[f64], k: usize) -> Vec<f64> {
    let mut z = vec![0.0; k];
    logits_into(row, w, b, &mut z);
    z
}

/// Logits into a buffer of length k, without allocating.
pub(crate) fn logits_into(row: &[(u32, f32)], w: &[f64], b: &[f64], z: &mut [f64]) {
    let k = z.len();
    z.copy_from_slice(b);
    for &(j, v) in row {
        let wj = &w[j as usize * k..(j as usize + 1) * k];
        for (zc, wc) in z.iter_mut().zip(wj) {
            *zc += f64::from(v) * wc;
        }
    }
}

/// Softmax in place, stable for large logits.
pub fn softmax(z: &mut [f64]) {
    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in z.iter_mut() {
        *v /= sum;
    }
}

/// Index of the largest value (the first on ties).
pub fn argmax(v: &[f64]) -> usize {
    let mut best = 0;
    for (i, x) in v.iter().enumerate() {
        if *x > v[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default model's word features alone, as this build writes them:
    /// the default model as it was before it had a sentence encoder.
    fn words_default_json() -> Vec<u8> {
        Model::from_json(DEFAULT_MODEL_JSON, Path::new("m.json"))
            .unwrap()
            .without_encoder()
            .to_json()
            .unwrap()
    }

    /// The default model as a model from before valence: its `S:` features
    /// left out and the setting off (and verb negation off, which came
    /// later still), written as this build writes it.
    fn plain_default_json() -> Vec<u8> {
        let mut file: serde_json::Value = serde_json::from_slice(&words_default_json()).unwrap();
        let keep: Vec<bool> = file["vocabulary"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| !n.as_str().unwrap().starts_with("S:"))
            .collect();
        let filter = |v: &mut serde_json::Value| {
            let kept = v
                .as_array()
                .unwrap()
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(x, _)| x.clone())
                .collect();
            *v = serde_json::Value::Array(kept);
        };
        filter(&mut file["vocabulary"]);
        filter(&mut file["idf"]);
        file["weights"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .for_each(filter);
        file["n_features"] = keep.iter().filter(|k| **k).count().into();
        file["features"].as_object_mut().unwrap().remove("valence");
        file["tokenizer"]
            .as_object_mut()
            .unwrap()
            .remove("verb_negation");
        file["format_version"] = 2.into();
        let bytes = serde_json::to_vec(&file).unwrap();
        Model::from_json(&bytes, Path::new("plain.json"))
            .unwrap()
            .to_json()
            .unwrap()
    }

    #[test]
    fn softmax_is_stable_and_sums_to_one() {
        let mut z = [1000.0, 1001.0, -1000.0];
        softmax(&mut z);
        assert!((z.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(z[1] > z[0] && z[2] == 0.0);
    }

    /// A complete model with a foreign format or a newer version is refused
    /// for that, as a file with the header alone is.
    #[test]
    fn complete_files_are_checked_for_format_and_version() {
        let model: serde_json::Value = serde_json::from_slice(&words_default_json()).unwrap();
        let cases: &[(&str, serde_json::Value, &str)] = &[
            ("format_version", 99.into(), "newer stance"),
            ("format_version", 0.into(), "unknown format version"),
            ("format", "other-model".into(), "not a stance model"),
        ];
        for (field, value, expected) in cases {
            let mut changed = model.clone();
            changed[*field] = value.clone();
            let bytes = serde_json::to_vec(&changed).unwrap();
            let err = Model::from_json(&bytes, Path::new("m.json"))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains(expected),
                "{err:?} should mention {expected:?}"
            );
        }
        assert!(Model::from_json(DEFAULT_MODEL_JSON, Path::new("m.json")).is_ok());
    }

    /// A model without a prior is written byte for byte as before; one with
    /// a prior moves each logit by ln(target / trained), says so in
    /// explanations, and keeps it through a round trip as format 3.
    #[test]
    fn a_label_prior_moves_logits_and_survives_a_round_trip() {
        let plain_json = plain_default_json();
        let plain = Model::from_json(&plain_json, Path::new("m.json")).unwrap();
        assert_eq!(plain.to_json().unwrap(), plain_json);
        assert!(plain.label_prior().is_none());
        let k = plain.labels().len();
        let mut target = vec![0.8 / (k - 1) as f64; k];
        target[0] = 0.2;
        let prior = LabelPrior {
            trained: vec![1.0 / k as f64; k],
            target,
        };
        let with = plain.clone().with_label_prior(Some(prior.clone())).unwrap();
        let text = "The ministry said the talks would resume on Monday.";
        let ex_plain = plain.explain(text);
        let ex = with.explain(text);
        for (c, (a, b)) in ex_plain.per_label.iter().zip(&ex.per_label).enumerate() {
            let offset = (prior.target[c] * k as f64).ln();
            assert!((b.logit - a.logit - offset).abs() < 1e-12);
            assert!((b.prior - offset).abs() < 1e-12);
            let sum =
                b.intercept + b.prior + b.contributions.iter().map(|c| c.contribution).sum::<f64>();
            assert!((b.logit - sum).abs() < 1e-9);
        }
        let mut z: Vec<f64> = ex.per_label.iter().map(|l| l.logit).collect();
        softmax(&mut z);
        for (p, q) in z.iter().zip(with.predict_proba(text)) {
            assert!((p - q).abs() < 1e-12);
        }
        let bytes = with.to_json().unwrap();
        let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(file["format_version"], 3);
        let back = Model::from_json(&bytes, Path::new("m.json")).unwrap();
        assert_eq!(back.label_prior(), Some(&prior));
        assert_eq!(back.predict_proba(text), with.predict_proba(text));
        assert_eq!(back.to_json().unwrap(), bytes);
        // Taking the prior off gives the plain model back.
        let off = back.with_label_prior(None).unwrap();
        assert_eq!(off.to_json().unwrap(), plain_json);
    }

    #[test]
    fn bad_label_priors_are_refused() {
        let plain = Model::from_json(&words_default_json(), Path::new("m.json")).unwrap();
        let k = plain.labels().len();
        let uniform = vec![1.0 / k as f64; k];
        let cases = [
            (vec![0.5, 0.5], "shares for"),
            (vec![0.0; k], "not a positive number"),
            (vec![0.5; k], "sums to"),
        ];
        for (target, expected) in cases {
            let prior = LabelPrior {
                trained: uniform.clone(),
                target,
            };
            let err = plain
                .clone()
                .with_label_prior(Some(prior.clone()))
                .unwrap_err()
                .to_string();
            assert!(err.contains(expected), "{err}");
            // The same prior in a file is refused when the file loads.
            let mut file: serde_json::Value =
                serde_json::from_slice(&words_default_json()).unwrap();
            file["label_prior"] = serde_json::to_value(&prior).unwrap();
            let err = Model::from_json(&serde_json::to_vec(&file).unwrap(), Path::new("m.json"))
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with("model m.json: ") && err.contains(expected),
                "{err}"
            );
        }
    }

    /// Valence features are an option: a model trained before them (the
    /// default model without its valence features) reads them as off, scores as it did and writes the bytes
    /// it was read from; a model with them is written as version 4, which
    /// older builds refuse rather than score without the features.
    #[test]
    fn models_without_valence_stay_as_they_were() {
        let plain = plain_default_json();
        let model = Model::from_json(&plain, Path::new("m.json")).unwrap();
        assert_eq!(model.vectorizer().params.valence, Valence::Off);
        assert_eq!(model.to_json().unwrap(), plain);
        let text = "The ministry warned of a disastrous war but welcomed the talks.";
        let row = model.vectorizer().transform(text);
        assert!(
            row.iter()
                .all(|&(i, _)| { !model.vectorizer().vocabulary[i as usize].starts_with("S:") })
        );

        let mut file: serde_json::Value = serde_json::from_slice(&plain).unwrap();
        file["features"]["valence"] = true.into();
        file["format_version"] = 4.into();
        let bytes = serde_json::to_vec(&file).unwrap();
        let with = Model::from_json(&bytes, Path::new("m.json")).unwrap();
        assert_eq!(with.vectorizer().params.valence, Valence::On);
        let written: serde_json::Value = serde_json::from_slice(&with.to_json().unwrap()).unwrap();
        assert_eq!(written["format_version"], 4);
        assert_eq!(written["features"]["valence"], true);
    }

    /// Appends the feature `name` to a model file's vocabulary, with idf 2
    /// and weight 0.5 for every label.
    fn push_feature(file: &mut serde_json::Value, name: &str) {
        file["vocabulary"].as_array_mut().unwrap().push(name.into());
        file["idf"].as_array_mut().unwrap().push(2.0.into());
        let n = file["n_features"].as_u64().unwrap();
        file["n_features"] = (n + 1).into();
        file["weights"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .for_each(|w| w.as_array_mut().unwrap().push(0.5.into()));
    }

    /// Loads a model file, writes it again, and checks that the written
    /// file loads and writes back to the same bytes; returns the model and
    /// the file as written.
    fn load_and_rewrite(file: &serde_json::Value) -> (Model, serde_json::Value) {
        let bytes = serde_json::to_vec(file).unwrap();
        let model = Model::from_json(&bytes, Path::new("m.json")).unwrap();
        let again = model.to_json().unwrap();
        assert_eq!(
            Model::from_json(&again, Path::new("m.json"))
                .unwrap()
                .to_json()
                .unwrap(),
            again
        );
        (model, serde_json::from_slice(&again).unwrap())
    }

    /// A model with `unseen` valence keeps the setting through a round trip
    /// (format 4), takes the words it knows from its vocabulary, and gives
    /// a rated word outside it the bucket feature when the model has one.
    #[test]
    fn unseen_valence_models_round_trip_and_read_their_known_words() {
        let mut file: serde_json::Value = serde_json::from_slice(&plain_default_json()).unwrap();
        file["features"]["valence"] = "unseen".into();
        file["format_version"] = 4.into();
        let vocabulary = file["vocabulary"].as_array().unwrap();
        let known = vocabulary
            .iter()
            .any(|n| n == "w:peace" || n == "w:NOT_peace");
        assert!(known, "the default model knows 'peace'");
        push_feature(&mut file, "S:pos3");
        let k = file["labels"].as_array().unwrap().len();
        let (model, written) = load_and_rewrite(&file);
        assert_eq!(model.vectorizer().params.valence, Valence::Unseen);
        assert_eq!(written["features"]["valence"], "unseen");
        assert_eq!(written["format_version"], 4);
        let v = model.vectorizer();
        let s_pos3 = v.index_of("S:pos3").unwrap();
        let has = |text: &str| v.transform(text).iter().any(|&(i, _)| i == s_pos3);
        // "peace" (pos3) is known; "magnificent" (pos3) is not in the vocabulary.
        assert!(!has("peace"));
        assert!(v.index_of("w:magnificent").is_none());
        assert!(has("a magnificent result"));
        assert_eq!(k, model.labels().len());
    }

    /// A model with `unseen` clusters is format 5, keeps the setting through
    /// a round trip and gives a word outside its vocabulary its cluster
    /// feature, a word inside none; a build with another table refuses it.
    #[test]
    fn cluster_models_are_format_5_and_read_clusters_of_unseen_words() {
        let mut file: serde_json::Value = serde_json::from_slice(&plain_default_json()).unwrap();
        let clusters = crate::features::Clusters::new(crate::features::ClusterWords::Unseen, 256);
        file["features"]["clusters"] = serde_json::to_value(&clusters).unwrap();
        let cluster = crate::clusters::of("magnificent", 256).unwrap();
        let name = format!("K:{cluster}");
        push_feature(&mut file, &name);
        let (model, written) = load_and_rewrite(&file);
        assert_eq!(written["format_version"], 5);
        assert_eq!(written["features"]["clusters"]["words"], "unseen");
        let v = model.vectorizer();
        let k = v.index_of(&name).unwrap();
        let has = |text: &str| v.transform(text).iter().any(|&(i, _)| i == k);
        assert!(v.index_of("w:magnificent").is_none());
        assert!(has("a magnificent result"));
        // A word of the same cluster the vocabulary knows adds nothing.
        let known_same = v
            .vocabulary
            .iter()
            .filter_map(|n| n.strip_prefix("w:"))
            .find(|w| !w.contains(' ') && crate::clusters::of(w, 256) == Some(cluster));
        if let Some(word) = known_same {
            assert!(!has(word), "{word}");
        }
        let mut other = file.clone();
        other["features"]["clusters"]["table"] = "0123456789abcdef".into();
        let err = Model::from_json(&serde_json::to_vec(&other).unwrap(), Path::new("o.json"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("cluster table 0123456789abcdef"), "{err}");
    }

    #[test]
    fn foreign_truncated_and_newer_files_are_refused_with_reasons() {
        let cases: &[(&str, &str)] = &[
            ("", "empty"),
            (
                "{\"format\": \"stance-model\", \"format_ver",
                "truncated or corrupt",
            ),
            ("{\"hello\": 1}", "not a stance model"),
            ("[1,2,3]", "not a stance model"),
            ("\u{0}\u{1}binary", "not valid JSON"),
            (
                "{\"format\": \"stance-model\", \"format_version\": 99}",
                "newer stance",
            ),
            (
                "{\"format\": \"stance-model\", \"format_version\": 1}",
                "malformed model",
            ),
        ];
        for (input, expected) in cases {
            let err = Model::from_json(input.as_bytes(), Path::new("m.json"))
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("model m.json: "), "{err}");
            assert!(
                err.contains(expected),
                "{err:?} should mention {expected:?}"
            );
        }
    }

    /// The default model with a sentence encoder's part of made-up weights.
    fn with_encoder_head(share: f64) -> Model {
        let plain = Model::from_json(&words_default_json(), Path::new("m.json")).unwrap();
        let k = plain.labels().len();
        let dim = crate::encoder::DIM;
        let weights: Vec<f64> = (0..dim * k)
            .map(|i| ((i * 37 % 101) as f64 - 50.0) / 25.0)
            .collect();
        let intercept: Vec<f64> = (0..k).map(|c| c as f64 * 0.1 - 0.15).collect();
        let training = EncoderTraining {
            encoder_sha256: crate::encoder::Encoder::shipped().digest().to_owned(),
            alpha_grid: vec![3.0],
            alpha: 3.0,
            cv_macro_f1_per_alpha: vec![0.7],
            pooled_cv_macro_f1: 0.75,
        };
        plain
            .with_encoder(Some((weights, intercept, share, training)))
            .unwrap()
    }

    /// With an encoder, the pooled logits are (1 - share) words + share
    /// encoder; the explanation is still an exact sum with the encoder as
    /// one contribution; the model keeps it through a round trip as format
    /// 8; and without it, it is the plain model again.
    #[test]
    fn an_encoder_pools_its_logits_explains_exactly_and_round_trips() {
        let plain = Model::from_json(&words_default_json(), Path::new("m.json")).unwrap();
        let model = with_encoder_head(0.4);
        let text = "The minister said the door to talks was still open.";
        let head = model.encoder().unwrap();
        let mut z = plain
            .explain(text)
            .per_label
            .iter()
            .map(|l| l.logit)
            .collect::<Vec<_>>();
        let e = head.logits(&crate::encoder::Encoder::shipped().embed(text));
        for (a, b) in z.iter_mut().zip(&e) {
            *a = 0.6 * *a + 0.4 * b;
        }
        let ex = model.explain(text);
        for (c, label) in ex.per_label.iter().enumerate() {
            assert!(
                (label.logit - z[c]).abs() < 1e-9,
                "{} {}",
                label.logit,
                z[c]
            );
            let sum = label.intercept
                + label.prior
                + label
                    .contributions
                    .iter()
                    .map(|c| c.contribution)
                    .sum::<f64>();
            assert!((label.logit - sum).abs() < 1e-9);
            let enc = label
                .contributions
                .iter()
                .find(|c| c.feature == ENCODER_FEATURE)
                .unwrap();
            assert_eq!(enc.weight, 0.4);
            assert!((enc.value - (e[c] - head.intercept[c])).abs() < 1e-12);
        }
        softmax(&mut z);
        for (p, q) in z.iter().zip(model.predict_proba(text)) {
            assert!((p - q).abs() < 1e-12);
        }
        let bytes = model.to_json().unwrap();
        let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(file["format_version"], 8);
        let back = Model::from_json(&bytes, Path::new("m.json")).unwrap();
        assert_eq!(back.to_json().unwrap(), bytes);
        assert_eq!(back.predict_proba(text), model.predict_proba(text));
        let words = back.without_encoder();
        assert_eq!(words.to_json().unwrap(), plain.to_json().unwrap());
        assert_eq!(words.predict_proba(text), plain.predict_proba(text));
    }

    /// A model trained with another encoder, or with a damaged encoder
    /// part, is refused with a message that says so.
    #[test]
    fn a_foreign_or_damaged_encoder_part_is_refused() {
        let bytes = with_encoder_head(0.5).to_json().unwrap();
        let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let cases: &[(&str, serde_json::Value, &str)] = &[
            (
                "/training/encoder_sha256",
                "ab12".into(),
                "this build ships",
            ),
            ("/share", 1.5.into(), "not between 0 and 1"),
            ("/weights/0", serde_json::json!([1.0, 2.0]), "arrays of 384"),
            ("/intercept", serde_json::json!([0.0]), "intercepts"),
        ];
        for (pointer, value, expected) in cases {
            let mut changed = file.clone();
            *changed["encoder"].pointer_mut(pointer).unwrap() = value.clone();
            let err = Model::from_json(&serde_json::to_vec(&changed).unwrap(), Path::new("m.json"))
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("model m.json: "), "{err}");
            assert!(
                err.contains(expected),
                "{err:?} should mention {expected:?}"
            );
        }
    }
}
