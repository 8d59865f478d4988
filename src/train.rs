//! Training: checked parameters -> cross-validated choice of the L2 strength
//! -> a model fitted on all rows.
//!
//! The model is linfa-logistic's multinomial logistic regression: the
//! objective `sum_i w_i * -log softmax(x_i W + b)[y_i] + alpha/2 * |W|^2`,
//! minimised by argmin's L-BFGS (memory 10) with the More-Thuente line search,
//! exactly as `linfa_logistic::MultiLogisticRegression` sets it up. Two solvers
//! minimise it:
//! - [`Solver::Sparse`] (default) evaluates the loss and gradient on sparse
//!   rows. linfa-logistic only accepts a dense matrix, and its dense gradient
//!   costs O(rows x features) where the sparse one costs O(non-zeros).
//! - [`Solver::Linfa`] densifies the rows and calls linfa-logistic itself.
//!
//! A test checks that both reach the same parameters on small data.
//!
//! Classes are balanced by row weights equal to duplicating rows: every
//! class is brought up to the size of the largest by repeating each of its
//! rows `max / n` times, and a seeded random `max % n` of them once more.
//! The sparse solver multiplies by the weight; the linfa solver really
//! duplicates the rows. Both are the same objective.

use std::collections::BTreeMap;
use std::path::Path;

use argmin::core::{CostFunction, Executor, Gradient};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use linfa::prelude::*;
use ndarray::{Array1, Array2};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::cues::Cues;
use crate::encoder::{self, Encoder};
use crate::error::{Error, Result};
use crate::evaluate::{Metrics, stratified_folds};
use crate::features::{FeatureCounts, FeatureParams, SparseRow, Vectorizer, densify};
use crate::model::{
    EncoderTraining, LabelPrior, Model, TrainingMetadata, argmax, logits, logits_into, mix,
};
use crate::rng::SplitMix64;
use crate::sparse::{Csr, Rows};
use crate::tokenize::TokenizerParams;
use linfa_logistic::error::Error as FitError;

/// Which implementation minimises the objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Solver {
    /// argmin's L-BFGS on sparse rows (same objective and solver settings as linfa-logistic).
    #[default]
    Sparse,
    /// `linfa_logistic::MultiLogisticRegression` on a dense matrix.
    Linfa,
}

impl Solver {
    /// The name the model file records, as serde writes it.
    pub fn name(self) -> &'static str {
        match self {
            Solver::Sparse => "sparse",
            Solver::Linfa => "linfa",
        }
    }
}

/// Training settings. `check()` them, then `fit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainParams {
    /// Tokenizer settings.
    pub tokenizer: TokenizerParams,
    /// Feature settings.
    pub features: FeatureParams,
    /// Folds for cross-validation.
    pub folds: usize,
    /// Seed for folds and balancing.
    pub seed: u64,
    /// L2 strengths to try; the best cross-validated macro-F1 wins.
    pub alphas: Vec<f64>,
    /// L-BFGS iteration cap per fit.
    pub max_iterations: u64,
    /// L-BFGS stops when the gradient norm falls below this.
    pub gradient_tolerance: f64,
    /// Which implementation to use.
    pub solver: Solver,
    /// The cue lexicon for [`FeatureParams::cues`]; `None` is the built-in one.
    #[serde(skip)]
    pub cues: Option<Cues>,
    /// The label mix of the text the model is meant for (label -> share,
    /// normalised to sum 1; every label of the data named): the model gets a
    /// [`LabelPrior`] from the balanced training mix to this one. `None`:
    /// no prior, the model as before.
    #[serde(default)]
    pub label_mix: Option<BTreeMap<String, f64>>,
    /// Balance the classes by row duplication (the default); off, every row
    /// counts once and training sees the corpus's own label mix.
    #[serde(default = "yes")]
    pub balance: bool,
    /// Extra weights of the rows, in corpus order (say, the corpus's
    /// analogues of real news counting twice). Within each label the rows'
    /// weights are rescaled so that the label keeps the mass balancing gave
    /// it: only the mix inside a label moves, never the label mix. `None`:
    /// every row as before.
    #[serde(skip)]
    pub row_weights: Option<RowWeights>,
    /// A second view trained beside the model and pooled with it (see
    /// [`crate::model::View`]). `None`: one view, the model as before.
    #[serde(default)]
    pub view: Option<ViewParams>,
    /// A sentence encoder's reading trained beside the word features and
    /// pooled with them (see [`crate::model::EncoderHead`]). `None`: words
    /// only, the model as before.
    #[serde(default)]
    pub encoder: Option<EncoderParams>,
}

/// How [`TrainParams::encoder`] trains the sentence encoder's part: a
/// linear model on the embedding of each row's text as it is, with the same
/// folds, seed, balancing and solver as the words, its own L2 grid (the
/// embedding's 384 dense dimensions want another strength than 20,000
/// sparse tf-idf features), and its share of the pooled logits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EncoderParams {
    /// L2 strengths to try for the encoder's model alone.
    pub alphas: Vec<f64>,
    /// Its shares of the pooled logits to try (each in 0..=1): the one
    /// whose pooled out-of-fold predictions have the best macro-F1 wins
    /// (the first listed on a tie).
    pub shares: Vec<f64>,
}

impl Default for EncoderParams {
    fn default() -> Self {
        // The shares around the plain mean of the two readings, chosen by
        // the pooled out-of-fold macro-F1; the alphas bracket the strength
        // a study with scikit-learn found (C = 0.3 there).
        EncoderParams {
            alphas: vec![1.0, 3.0, 10.0, 30.0],
            shares: vec![0.3, 0.4, 0.5, 0.6],
        }
    }
}

/// What training the sentence encoder's part found.
#[derive(Debug, Clone)]
pub struct EncoderReport {
    /// Cross-validated macro-F1 of the encoder's model alone, per alpha.
    pub alpha_scores: Vec<(f64, f64)>,
    /// The alpha chosen.
    pub alpha: f64,
    /// Cross-validated macro-F1 of the pooled prediction for each share tried.
    pub share_scores: Vec<(f64, f64)>,
    /// The share chosen.
    pub share: f64,
    /// Cross-validated metrics of the pooled prediction at the chosen share.
    pub cv: Metrics,
}

/// How [`TrainParams::view`] trains the second view: the same corpus,
/// folds, seed, alpha grid and settings but for what the view reads; its
/// share of the pooled prediction is chosen by cross-validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewParams {
    /// What the second view reads: what was said (`true`) or the statement's
    /// text as it is (`false`). It must differ from the first view's.
    pub said: bool,
    /// The second view's shares to try (each in 0..=1): the one whose pooled
    /// out-of-fold predictions have the best macro-F1 wins (the first listed
    /// on a tie).
    pub weights: Vec<f64>,
}

/// What choosing the second view's share found.
#[derive(Debug, Clone)]
pub struct ViewReport {
    /// Cross-validated macro-F1 of the pooled prediction for each share tried.
    pub weight_scores: Vec<(f64, f64)>,
    /// The share chosen.
    pub weight: f64,
    /// The L2 strength the second view's own cross-validation chose.
    pub alpha: f64,
    /// Cross-validated metrics of the pooled prediction at the chosen share.
    pub cv: Metrics,
}

/// Extra row weights for [`TrainParams::row_weights`].
#[derive(Debug, Clone, PartialEq)]
pub struct RowWeights {
    /// One positive weight per row of the corpus, in its order.
    pub weights: Vec<f64>,
    /// What they are, for the model's metadata (e.g. "rows with a source x2").
    pub description: String,
}

fn yes() -> bool {
    true
}

impl Default for TrainParams {
    fn default() -> Self {
        // The design measured best on text the corpus never saw (data/README.md,
        // "Ablation"): what was said, no character n-grams (they learn the
        // corpus's names and spellings), cue categories, scopes.
        TrainParams {
            tokenizer: TokenizerParams {
                scopes: true,
                ..TokenizerParams::default()
            },
            features: FeatureParams {
                char_ngrams: (0, 0),
                said: true,
                cues: true,
                ..FeatureParams::default()
            },
            folds: 5,
            seed: 42,
            alphas: vec![0.1, 0.3, 1.0, 3.0],
            max_iterations: 100,
            gradient_tolerance: 1e-4,
            solver: Solver::Sparse,
            cues: None,
            label_mix: None,
            balance: true,
            row_weights: None,
            view: None,
            encoder: None,
        }
    }
}

/// What training reports besides the model.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// Cross-validated metrics at the chosen alpha (out-of-fold predictions).
    pub cv: Metrics,
    /// Cross-validated macro-F1 for each alpha tried.
    pub alpha_scores: Vec<(f64, f64)>,
    /// The alpha chosen.
    pub alpha: f64,
    /// The second view's training, when [`TrainParams::view`] asked for one.
    pub view: Option<ViewReport>,
    /// The sentence encoder's training, when [`TrainParams::encoder`] asked for one.
    pub encoder: Option<EncoderReport>,
}

/// One candidate of a grid: its value (an alpha, a share), its
/// cross-validated metrics, and what comes with it.
type Candidate<T> = (f64, Metrics, T);

/// The best of a grid by cross-validated macro-F1: each candidate's value
/// and score, and the best candidate with its metrics and what came with it
/// (`None` for an empty grid). Strictly better only, so on a tie the
/// candidate listed first stays.
fn best_by_f1<T>(
    grid: impl Iterator<Item = Candidate<T>>,
) -> (Vec<(f64, f64)>, Option<Candidate<T>>) {
    let mut scores = Vec::new();
    let mut best: Option<Candidate<T>> = None;
    for (value, m, with) in grid {
        scores.push((value, m.macro_f1));
        if best
            .as_ref()
            .is_none_or(|(_, b, _)| m.macro_f1 > b.macro_f1)
        {
            best = Some((value, m, with));
        }
    }
    (scores, best)
}

/// Progress callback: (finished steps, total steps).
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

impl TrainParams {
    /// The cue lexicon training uses when the features ask for one.
    fn lexicon(&self) -> &Cues {
        self.cues.as_ref().unwrap_or_else(|| Cues::builtin())
    }

    /// Row weights of the rows `rows` (indices into the corpus, labels
    /// `y`): balanced (see [`balance_weights`]) or all 1, then reweighed
    /// within each label by [`TrainParams::row_weights`] (see
    /// [`reweigh_within_labels`]).
    fn row_weights(&self, rows: &[usize], y: &[usize], k: usize, seed: u64) -> Vec<f64> {
        let base = if self.balance {
            balance_weights(y, k, seed)
        } else {
            vec![1.0; y.len()]
        };
        match &self.row_weights {
            Some(extra) => {
                let extra: Vec<f64> = rows.iter().map(|&i| extra.weights[i]).collect();
                reweigh_within_labels(&base, &extra, y, k)
            }
            None => base,
        }
    }

    /// Checks every setting before any work starts.
    pub fn check(&self) -> Result<()> {
        self.features.check()?;
        if self.folds < 2 {
            return Err(Error::params(
                "folds",
                format!("{} must be at least 2", self.folds),
            ));
        }
        check_alphas("alphas", &self.alphas)?;
        if self.max_iterations == 0 {
            return Err(Error::params("max_iterations", "must be at least 1"));
        }
        if !self.gradient_tolerance.is_finite() || self.gradient_tolerance <= 0.0 {
            return Err(Error::params("gradient_tolerance", "must be positive"));
        }
        if let Some(extra) = &self.row_weights
            && extra.weights.iter().any(|w| !w.is_finite() || *w <= 0.0)
        {
            return Err(Error::params(
                "row_weights",
                "every row's weight must be a positive number",
            ));
        }
        if self.solver == Solver::Linfa
            && let Some(extra) = &self.row_weights
            && extra.weights.iter().any(|&w| w != 1.0)
        {
            return Err(Error::params(
                "row_weights",
                "the linfa solver duplicates rows, so it takes no row weights but 1: use the sparse solver",
            ));
        }
        if let Some(mix) = &self.label_mix
            && (mix.is_empty() || mix.values().any(|v| !v.is_finite() || *v <= 0.0))
        {
            return Err(Error::params(
                "label_mix",
                "every label's share must be a positive number",
            ));
        }
        if let Some(view) = &self.view {
            if view.said == self.features.said {
                return Err(Error::params(
                    "view",
                    "the second view must read the statement another way than the model \
                     (what was said against the text as it is)",
                ));
            }
            check_shares("view_weights", &view.weights)?;
        }
        if let Some(encoder) = &self.encoder {
            check_alphas("encoder_alphas", &encoder.alphas)?;
            check_shares("encoder_shares", &encoder.shares)?;
        }
        Ok(())
    }

    /// Trains on a labelled corpus: cross-validation over the alpha grid, then
    /// a final fit on all rows.
    pub fn fit(&self, corpus: &Corpus) -> Result<(Model, TrainReport)> {
        self.fit_with_progress(corpus, &|_, _| {})
    }

    /// [`TrainParams::fit`], telling `progress` how many of its fits are
    /// done, from any thread, as they finish.
    pub fn fit_with_progress(
        &self,
        corpus: &Corpus,
        progress: Progress,
    ) -> Result<(Model, TrainReport)> {
        self.check()?;
        let (labels, y) = label_indices(corpus, self.folds)?;
        let texts = corpus.examples.iter().map(|e| e.text.as_str());
        self.fit_rows(&corpus.path, &corpus.sha256, labels, y, texts, progress)
    }

    /// [`TrainParams::fit_with_progress`], taking the corpus: each
    /// statement's text is freed as soon as it is featurised, which on a
    /// million statements is a good part of training's memory.
    pub fn fit_owned(&self, corpus: Corpus, progress: Progress) -> Result<(Model, TrainReport)> {
        self.check()?;
        let (labels, y) = label_indices(&corpus, self.folds)?;
        let Corpus {
            path,
            sha256,
            examples,
            ..
        } = corpus;
        let texts = examples.into_iter().map(|e| e.text);
        self.fit_rows(&path, &sha256, labels, y, texts, progress)
    }

    /// Training on rows already checked: `labels` sorted, `y` the label
    /// index of each of `texts`; `path` and `sha256` go into the metadata.
    fn fit_rows<T: AsRef<str> + Send + Sync>(
        &self,
        path: &Path,
        sha256: &str,
        labels: Vec<String>,
        y: Vec<usize>,
        texts: impl Iterator<Item = T>,
        progress: Progress,
    ) -> Result<(Model, TrainReport)> {
        if self.view.is_none() && self.encoder.is_none() {
            let (model, report, _) =
                self.fit_view(path, sha256, labels, &y, texts, progress, (0, 1))?;
            return Ok((model, report));
        }
        // Every part reads every row, so the texts are kept.
        let texts: Vec<T> = texts.collect();
        let parts = 1 + usize::from(self.view.is_some()) + usize::from(self.encoder.is_some());
        let fit = |params: &TrainParams, part| {
            params.fit_view(
                path,
                sha256,
                labels.clone(),
                &y,
                texts.iter(),
                progress,
                part,
            )
        };
        let (mut model, mut report, mut oof) = fit(self, (0, parts))?;
        if let Some(view) = &self.view {
            let second = TrainParams {
                features: FeatureParams {
                    said: view.said,
                    ..self.features.clone()
                },
                view: None,
                encoder: None,
                ..self.clone()
            };
            let (other, other_report, other_oof) = fit(&second, (1, parts))?;
            // Out-of-fold pooled logits for each share.
            let (weight_scores, best) = best_by_f1(view.weights.iter().map(|&w| {
                let pooled: Vec<Vec<f64>> = oof
                    .iter()
                    .zip(&other_oof)
                    .map(|(a, b)| mix(a, b, w))
                    .collect();
                let predicted: Vec<usize> = pooled.iter().map(|z| argmax(z)).collect();
                (w, Metrics::compute(&labels, &y, &predicted), pooled)
            }));
            let (weight, cv, pooled) =
                best.ok_or_else(|| Error::params("view_weights", "the grid is empty"))?;
            report.view = Some(ViewReport {
                weight_scores,
                weight,
                alpha: other_report.alpha,
                cv,
            });
            model = model.with_view(Some((other, weight)))?;
            oof = pooled;
        }
        if let Some(params) = &self.encoder {
            let (head, encoder_report) = self.fit_encoder(
                params,
                &texts,
                &labels,
                &y,
                &oof,
                progress,
                (parts - 1, parts),
            )?;
            report.encoder = Some(encoder_report);
            model = model.with_encoder(Some(head))?;
        }
        Ok((model, report))
    }

    /// Trains one view: cross-validation over the alpha grid, then the final
    /// fit. Returns the model, its report and the out-of-fold logits of
    /// every row at the chosen alpha. `part` (i, n): this is fit i of n
    /// runs, for `progress`.
    #[allow(clippy::too_many_arguments)]
    fn fit_view<T: AsRef<str> + Send>(
        &self,
        path: &Path,
        sha256: &str,
        labels: Vec<String>,
        y: &[usize],
        texts: impl Iterator<Item = T>,
        progress: Progress,
        part: (usize, usize),
    ) -> Result<(Model, TrainReport, Vec<Vec<f64>>)> {
        let k = labels.len();
        if let Some(mix) = &self.label_mix {
            check_mix_labels(mix, &labels)?;
        }
        if let Some(extra) = &self.row_weights
            && extra.weights.len() != y.len()
        {
            return Err(Error::params(
                "row_weights",
                format!("{} weights for {} rows", extra.weights.len(), y.len()),
            ));
        }
        let cues = self.features.cues.then(|| self.lexicon());
        // Every row is featurised once; each fold, and the final fit, picks
        // its vocabulary from these counts.
        let counts = FeatureCounts::count(
            texts,
            |text| Vectorizer::input(&self.features, text.as_ref()),
            y,
            k,
            &self.tokenizer,
            &self.features,
            cues,
        )?;
        let folds = stratified_folds(y, k, self.folds, self.seed);
        let steps = self.folds * self.alphas.len() + 1;
        let total = steps * part.1;
        let done = std::sync::atomic::AtomicUsize::new(steps * part.0);
        let tick = || {
            let d = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(d, total);
        };
        progress(steps * part.0, total);

        // Out-of-fold predictions for each alpha, computed fold by fold. One
        // fold's matrix at a time: the alphas share it.
        let mut per_fold = Vec::with_capacity(self.folds);
        for f in 0..self.folds {
            let (train, test) = fold_rows(&folds, f);
            let (vec, x) = counts.fit_transform(&test)?;
            let fold = (f, train.as_slice(), test.as_slice());
            per_fold.push(self.fold_logits(&self.alphas, &x, vec.len(), y, k, fold, &tick)?);
        }
        let (alpha_scores, alpha, cv, oof) =
            best_alpha(&self.alphas, per_fold, &folds, &labels, y)?;

        let (vec, x) = counts.fit_transform(&[])?;
        drop(counts);
        let (w, b, weights) = self.fit_all(&x, vec.len(), y, k, alpha)?;
        tick();

        let mut rows_per_label = BTreeMap::new();
        for &c in y {
            *rows_per_label.entry(labels[c].clone()).or_insert(0usize) += 1;
        }
        let metadata = TrainingMetadata {
            crate_version: env!("CARGO_PKG_VERSION").to_owned(),
            data_file: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            data_sha256: sha256.to_owned(),
            rows: y.len(),
            rows_per_label,
            balancing: {
                let balancing = if self.balance {
                    "row duplication up to the largest class"
                } else {
                    "none"
                };
                match &self.row_weights {
                    Some(extra) => format!("{balancing}; within each label, {}", extra.description),
                    None => balancing.to_owned(),
                }
            },
            solver: self.solver.name().to_owned(),
            folds: self.folds,
            seed: self.seed,
            alpha_grid: self.alphas.clone(),
            alpha,
            cv_macro_f1_per_alpha: alpha_scores.iter().map(|&(_, f)| f).collect(),
            max_iterations: self.max_iterations,
            gradient_tolerance: self.gradient_tolerance,
            cv_accuracy: cv.accuracy,
            cv_macro_f1: cv.macro_f1,
            cv_per_class: labels
                .iter()
                .cloned()
                .zip(cv.per_class.iter().cloned())
                .collect(),
        };
        let prior = match &self.label_mix {
            Some(mix) => Some(label_prior(mix, &labels, y, &weights)?),
            None => None,
        };
        let model = Model::from_parts(Path::new("<trained model>"), labels, vec, w, b, metadata)?
            .with_label_prior(prior)?;
        Ok((
            model,
            TrainReport {
                cv,
                alpha_scores,
                alpha,
                view: None,
                encoder: None,
            },
            oof,
        ))
    }

    /// Out-of-fold logits of fold `f`: for each alpha of `alphas` (in
    /// parallel, sharing the fold's matrix), a model fitted on the rows
    /// `train` of `x` (labels from `y`, balanced with the fold's seed) and
    /// the logits of each of its rows `test`.
    #[allow(clippy::too_many_arguments)]
    fn fold_logits(
        &self,
        alphas: &[f64],
        x: &Csr<f32>,
        n_features: usize,
        y: &[usize],
        k: usize,
        (f, train, test): (usize, &[usize], &[usize]),
        tick: &(dyn Fn() + Sync),
    ) -> Result<Vec<Vec<Vec<f64>>>> {
        let train_y: Vec<usize> = train.iter().map(|&i| y[i]).collect();
        let weights = self.row_weights(train, &train_y, k, self.seed ^ (f as u64 + 1));
        let data = FitData {
            x: &x.select(train),
            y: &train_y,
            row_weights: &weights,
            n_features,
            k,
        };
        let test = x.select(test);
        alphas
            .par_iter()
            .map(|&alpha| {
                let (w, b) = self.fit_weights(&data, alpha)?;
                let pred = test.iter().map(|row| logits(row, &w, &b, k)).collect();
                tick();
                Ok(pred)
            })
            .collect()
    }

    /// The final fit on every row of `x` at `alpha`: weights, intercepts
    /// and the rows' weights (balanced as in the folds, seeded by the seed).
    fn fit_all(
        &self,
        x: &Csr<f32>,
        n_features: usize,
        y: &[usize],
        k: usize,
        alpha: f64,
    ) -> Result<(Vec<f64>, Vec<f64>, Vec<f64>)> {
        let all: Vec<usize> = (0..y.len()).collect();
        let weights = self.row_weights(&all, y, k, self.seed);
        let data = FitData {
            x,
            y,
            row_weights: &weights,
            n_features,
            k,
        };
        let (w, b) = self.fit_weights(&data, alpha)?;
        Ok((w, b, weights))
    }

    /// Trains the sentence encoder's part (see [`EncoderParams`]): every
    /// row's text as it is embedded once, its L2 strength chosen by
    /// cross-validation on the words' folds, its share by the macro-F1 of
    /// the out-of-fold logits pooled with the words' (`words_oof`), then a
    /// final fit on every row. Returns what [`Model::with_encoder`] takes.
    #[allow(clippy::too_many_arguments)]
    fn fit_encoder<T: AsRef<str> + Sync>(
        &self,
        params: &EncoderParams,
        texts: &[T],
        labels: &[String],
        y: &[usize],
        words_oof: &[Vec<f64>],
        progress: Progress,
        part: (usize, usize),
    ) -> Result<(EncoderHeadParts, EncoderReport)> {
        let k = labels.len();
        let encoder = Encoder::shipped();
        // Embedding is most of this part's time: it ticks per chunk of rows,
        // in the units of the words' parts.
        const CHUNK: usize = 256;
        let unit = self.folds * self.alphas.len() + 1;
        let own = texts.len().div_ceil(CHUNK) + self.folds * params.alphas.len() + 1;
        let done = std::sync::atomic::AtomicUsize::new(0);
        let tick = || {
            let d = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(unit * part.0 + d * unit / own, unit * part.1);
        };
        let mut x = Csr::with_capacity(texts.len(), texts.len() * encoder::DIM);
        for chunk in texts.chunks(CHUNK) {
            let chunk: Vec<&str> = chunk.iter().map(AsRef::as_ref).collect();
            for embedding in encoder.embed_all(&chunk) {
                x.push_row(
                    embedding
                        .into_iter()
                        .enumerate()
                        .map(|(j, v)| (j as u32, v)),
                );
            }
            tick();
        }
        let folds = stratified_folds(y, k, self.folds, self.seed);
        let mut per_fold = Vec::with_capacity(self.folds);
        for f in 0..self.folds {
            let (train, test) = fold_rows(&folds, f);
            let fold = (f, train.as_slice(), test.as_slice());
            per_fold.push(self.fold_logits(&params.alphas, &x, encoder::DIM, y, k, fold, &tick)?);
        }
        let (alpha_scores, alpha, _, oof) =
            best_alpha(&params.alphas, per_fold, &folds, labels, y)?;
        let (share_scores, best) = best_by_f1(params.shares.iter().map(|&share| {
            let predicted: Vec<usize> = words_oof
                .iter()
                .zip(&oof)
                .map(|(a, b)| argmax(&mix(a, b, share)))
                .collect();
            (share, Metrics::compute(labels, y, &predicted), ())
        }));
        let (share, cv, ()) =
            best.ok_or_else(|| Error::params("encoder_shares", "the grid is empty"))?;
        let (w, b, _) = self.fit_all(&x, encoder::DIM, y, k, alpha)?;
        tick();
        let training = EncoderTraining {
            encoder_sha256: encoder.digest().to_owned(),
            alpha_grid: params.alphas.clone(),
            alpha,
            cv_macro_f1_per_alpha: alpha_scores.iter().map(|&(_, f)| f).collect(),
            pooled_cv_macro_f1: cv.macro_f1,
        };
        let report = EncoderReport {
            alpha_scores,
            alpha,
            share_scores,
            share,
            cv,
        };
        Ok(((w, b, share, training), report))
    }

    /// Fits weights (feature-major, `n_features x k`) and intercepts with the chosen solver.
    pub(crate) fn fit_weights<X: RowSource + ?Sized>(
        &self,
        data: &FitData<X>,
        alpha: f64,
    ) -> Result<(Vec<f64>, Vec<f64>)> {
        match self.solver {
            Solver::Sparse => fit_sparse(data, alpha, self.max_iterations, self.gradient_tolerance),
            Solver::Linfa => fit_linfa(data, alpha, self.max_iterations, self.gradient_tolerance),
        }
    }
}

/// What [`Model::with_encoder`] takes: weights (feature-major), intercepts,
/// share and how they were trained.
type EncoderHeadParts = (Vec<f64>, Vec<f64>, f64, EncoderTraining);

/// An L2 grid must hold positive numbers, at least one.
fn check_alphas(setting: &'static str, grid: &[f64]) -> Result<()> {
    if grid.is_empty() || grid.iter().any(|a| !a.is_finite() || *a <= 0.0) {
        return Err(Error::params(
            setting,
            format!("the grid {grid:?} must hold positive numbers"),
        ));
    }
    Ok(())
}

/// A grid of shares of pooled logits must hold numbers in 0..=1, at least one.
fn check_shares(setting: &'static str, grid: &[f64]) -> Result<()> {
    if grid.is_empty()
        || grid
            .iter()
            .any(|w| !w.is_finite() || !(0.0..=1.0).contains(w))
    {
        return Err(Error::params(
            setting,
            format!("the grid {grid:?} must hold shares between 0 and 1"),
        ));
    }
    Ok(())
}

/// The training rows and the test rows of fold `f`.
fn fold_rows(folds: &[usize], f: usize) -> (Vec<usize>, Vec<usize>) {
    (0..folds.len()).partition(|&i| folds[i] != f)
}

/// Every alpha's cross-validated macro-F1, the alpha chosen, its metrics
/// and its out-of-fold logits in row order.
type ChosenAlpha = (Vec<(f64, f64)>, f64, Metrics, Vec<Vec<f64>>);

/// The alpha of `alphas` whose out-of-fold logits (`per_fold[f][a]`: fold
/// f's test rows in row order, for alpha a) have the best macro-F1: every
/// alpha's score, the alpha, its metrics and its logits in row order.
fn best_alpha(
    alphas: &[f64],
    mut per_fold: Vec<Vec<Vec<Vec<f64>>>>,
    folds: &[usize],
    labels: &[String],
    y: &[usize],
) -> Result<ChosenAlpha> {
    let (alpha_scores, best) = best_by_f1(alphas.iter().enumerate().map(|(a, &alpha)| {
        let mut oof = vec![Vec::new(); y.len()];
        for (f, fold_out) in per_fold.iter_mut().enumerate() {
            let rows = (0..y.len()).filter(|&i| folds[i] == f);
            for (i, z) in rows.zip(&mut fold_out[a]) {
                oof[i] = std::mem::take(z);
            }
        }
        let predicted: Vec<usize> = oof.iter().map(|z| argmax(z)).collect();
        (alpha, Metrics::compute(labels, y, &predicted), oof)
    }));
    let (alpha, cv, oof) = best.ok_or_else(|| Error::params("alphas", "the grid is empty"))?;
    Ok((alpha_scores, alpha, cv, oof))
}

/// Sparse rows as the solvers read them: rows of their own, a whole
/// matrix, or some rows of one (a fold's training rows).
pub(crate) trait RowSource: Sync {
    /// Number of rows.
    fn n_rows(&self) -> usize;
    /// Row `i`: (feature, value), sorted by feature.
    fn row(&self, i: usize) -> &[(u32, f32)];
}

impl RowSource for [SparseRow] {
    fn n_rows(&self) -> usize {
        self.len()
    }
    fn row(&self, i: usize) -> &[(u32, f32)] {
        &self[i]
    }
}

impl RowSource for Csr<f32> {
    fn n_rows(&self) -> usize {
        self.len()
    }
    fn row(&self, i: usize) -> &[(u32, f32)] {
        Csr::row(self, i)
    }
}

impl RowSource for Rows<'_, f32> {
    fn n_rows(&self) -> usize {
        self.len()
    }
    fn row(&self, i: usize) -> &[(u32, f32)] {
        Rows::row(self, i)
    }
}

/// One weighted training set, as both solvers take it.
#[derive(Debug)]
pub(crate) struct FitData<'a, X: ?Sized = [SparseRow]> {
    /// Sparse feature rows.
    pub x: &'a X,
    /// Class index of each row.
    pub y: &'a [usize],
    /// Integer weight of each row (see [`balance_weights`]).
    pub row_weights: &'a [f64],
    /// Number of features (columns).
    pub n_features: usize,
    /// Number of classes.
    pub k: usize,
}

// By hand: derived, they would ask `X: Copy` of the rows, not of the reference.
impl<X: ?Sized> Clone for FitData<'_, X> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<X: ?Sized> Copy for FitData<'_, X> {}

/// Sorted label set and each row's label index. Fails on a label with a single
/// example (it cannot be both trained on and tested in cross-validation) and
/// on fewer than two labels.
fn label_indices(corpus: &Corpus, folds: usize) -> Result<(Vec<String>, Vec<usize>)> {
    let mut first_line: BTreeMap<&str, (usize, u64)> = BTreeMap::new();
    for e in &corpus.examples {
        first_line.entry(&e.label).or_insert((0, e.line)).0 += 1;
    }
    for (label, (count, line)) in &first_line {
        if *count < 2 {
            return Err(Error::Parse {
                path: corpus.path.clone(),
                line: *line,
                message: format!(
                    "label '{label}' has a single example: it cannot be cross-validated \
                     (give it more examples, or remove it)"
                ),
            });
        }
    }
    if first_line.len() < 2 {
        return Err(Error::Data {
            path: corpus.path.clone(),
            message: format!(
                "only one label ({}): a classifier needs at least two",
                first_line.keys().next().copied().unwrap_or("")
            ),
        });
    }
    if corpus.examples.len() < folds {
        return Err(Error::Data {
            path: corpus.path.clone(),
            message: format!(
                "{} rows cannot be split into {folds} folds",
                corpus.examples.len()
            ),
        });
    }
    let labels: Vec<String> = first_line.keys().map(|s| s.to_string()).collect();
    let y = corpus
        .examples
        .iter()
        .map(|e| labels.binary_search(&e.label).unwrap_or(0))
        .collect();
    Ok((labels, y))
}

/// The prior from the label mix training saw (row weights per label, so
/// after balancing) to `mix`, in `labels` order.
fn label_prior(
    mix: &BTreeMap<String, f64>,
    labels: &[String],
    y: &[usize],
    weights: &[f64],
) -> Result<LabelPrior> {
    check_mix_labels(mix, labels)?;
    let mut trained = vec![0.0; labels.len()];
    for (&c, w) in y.iter().zip(weights) {
        trained[c] += w;
    }
    let total: f64 = trained.iter().sum();
    trained.iter_mut().for_each(|v| *v /= total);
    let sum: f64 = mix.values().sum();
    let target = labels.iter().map(|l| mix[l] / sum).collect();
    Ok(LabelPrior { trained, target })
}

/// The label mix must name exactly the data's labels.
fn check_mix_labels(mix: &BTreeMap<String, f64>, labels: &[String]) -> Result<()> {
    let mut sorted: Vec<&str> = labels.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    let named: Vec<&str> = mix.keys().map(String::as_str).collect();
    if named != sorted {
        return Err(Error::params(
            "label_mix",
            format!(
                "names {} but the data's labels are {}",
                named.join(", "),
                sorted.join(", ")
            ),
        ));
    }
    Ok(())
}

/// Integer row weights that balance the classes; see the module docs.
pub(crate) fn balance_weights(y: &[usize], k: usize, seed: u64) -> Vec<f64> {
    let mut counts = vec![0usize; k];
    for &c in y {
        counts[c] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(0);
    let mut weights = vec![0.0; y.len()];
    let mut rng = SplitMix64::new(seed);
    for (class, &n) in counts.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let mut rows: Vec<usize> = (0..y.len()).filter(|&i| y[i] == class).collect();
        for &r in &rows {
            weights[r] = (max / n) as f64;
        }
        rng.shuffle(&mut rows);
        for &r in rows.iter().take(max % n) {
            weights[r] += 1.0;
        }
    }
    weights
}

/// `base` (a row's weight from balancing) times `extra` (its own), each
/// label's rows then scaled so that the label's total is what `base` gave
/// it. Extra weights all 1 give `base` back bit for bit.
pub(crate) fn reweigh_within_labels(
    base: &[f64],
    extra: &[f64],
    y: &[usize],
    k: usize,
) -> Vec<f64> {
    let mut before = vec![0.0; k];
    let mut after = vec![0.0; k];
    for ((&b, &e), &c) in base.iter().zip(extra).zip(y) {
        before[c] += b;
        after[c] += b * e;
    }
    base.iter()
        .zip(extra)
        .zip(y)
        .map(|((&b, &e), &c)| {
            if after[c] == before[c] {
                b * e
            } else {
                b * e * (before[c] / after[c])
            }
        })
        .collect()
}

/// Rows are summed in at most this many fixed blocks, in order, whatever the
/// number of threads: floating-point sums then do not depend on scheduling, so
/// a model is byte-identical with 1 or 2 threads, and memory stays bounded.
const MAX_BLOCKS: usize = 16;
/// Each block has at least this many rows: every block zeroes and sums a whole
/// gradient, which would dominate on small data.
const MIN_BLOCK_ROWS: usize = 2048;

/// A point, its loss and its gradient.
type Evaluated = (Array1<f64>, f64, Array1<f64>);

struct SparseProblem<'a, X: ?Sized> {
    data: FitData<'a, X>,
    alpha: f64,
    /// The last point evaluated, with its loss and gradient: the line search
    /// asks for the cost and then the gradient at the same point, and both
    /// come from one pass over the rows.
    cache: std::sync::Mutex<Option<Evaluated>>,
}

impl<X: RowSource + ?Sized> SparseProblem<'_, X> {
    /// Loss and gradient (same layout as the parameters), cached per point.
    fn loss_and_gradient(&self, theta: &Array1<f64>) -> (f64, Array1<f64>) {
        if let Ok(cache) = self.cache.lock()
            && let Some((at, loss, grad)) = cache.as_ref()
            && at == theta
        {
            return (*loss, grad.clone());
        }
        let (loss, grad) = self.evaluate(theta);
        if let Ok(mut cache) = self.cache.lock() {
            *cache = Some((theta.clone(), loss, grad.clone()));
        }
        (loss, grad)
    }

    fn evaluate(&self, theta: &Array1<f64>) -> (f64, Array1<f64>) {
        let FitData {
            x,
            y,
            row_weights,
            n_features: nf,
            k,
        } = self.data;
        let theta = theta.as_slice().expect("contiguous parameters");
        let (w, b) = theta.split_at(nf * k);
        let n_rows = x.n_rows();
        let blocks = (n_rows / MIN_BLOCK_ROWS).clamp(1, MAX_BLOCKS);
        let block = n_rows.div_ceil(blocks).max(1);
        let parts: Vec<(f64, Vec<f64>)> = (0..blocks)
            .into_par_iter()
            .map(|blk| {
                let lo = (blk * block).min(n_rows);
                let hi = ((blk + 1) * block).min(n_rows);
                let mut loss = 0.0;
                let mut g = vec![0.0; if lo < hi { (nf + 1) * k } else { 0 }];
                let mut z = vec![0.0; k];
                for i in lo..hi {
                    let row = x.row(i);
                    let weight = row_weights[i];
                    if weight == 0.0 {
                        continue;
                    }
                    logits_into(row, w, b, &mut z);
                    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    let lse = max + z.iter().map(|v| (v - max).exp()).sum::<f64>().ln();
                    loss += weight * (lse - z[y[i]]);
                    for (c, zc) in z.iter_mut().enumerate() {
                        let target = if c == y[i] { 1.0 } else { 0.0 };
                        *zc = weight * ((*zc - lse).exp() - target);
                    }
                    for &(j, v) in row {
                        let gj = &mut g[j as usize * k..(j as usize + 1) * k];
                        for (gc, zc) in gj.iter_mut().zip(&z) {
                            *gc += f64::from(v) * zc;
                        }
                    }
                    for (gc, zc) in g[nf * k..].iter_mut().zip(&z) {
                        *gc += zc;
                    }
                }
                (loss, g)
            })
            .collect();
        let mut loss = 0.5 * self.alpha * w.iter().map(|v| v * v).sum::<f64>();
        let mut grad = vec![0.0; (nf + 1) * k];
        for (gi, wi) in grad.iter_mut().zip(w) {
            *gi = self.alpha * wi;
        }
        for (l, g) in parts {
            loss += l;
            for (t, v) in grad.iter_mut().zip(g) {
                *t += v;
            }
        }
        (loss, Array1::from(grad))
    }
}

impl<X: RowSource + ?Sized> CostFunction for SparseProblem<'_, X> {
    type Param = Array1<f64>;
    type Output = f64;
    fn cost(&self, theta: &Self::Param) -> std::result::Result<f64, argmin::core::Error> {
        Ok(self.loss_and_gradient(theta).0)
    }
}

impl<X: RowSource + ?Sized> Gradient for SparseProblem<'_, X> {
    type Param = Array1<f64>;
    type Gradient = Array1<f64>;
    fn gradient(
        &self,
        theta: &Self::Param,
    ) -> std::result::Result<Array1<f64>, argmin::core::Error> {
        Ok(self.loss_and_gradient(theta).1)
    }
}

fn fit_sparse<X: RowSource + ?Sized>(
    data: &FitData<X>,
    alpha: f64,
    max_iterations: u64,
    tol: f64,
) -> Result<(Vec<f64>, Vec<f64>)> {
    let (n_features, k) = (data.n_features, data.k);
    let problem = SparseProblem {
        data: *data,
        alpha,
        cache: std::sync::Mutex::new(None),
    };
    // argmin's errors travel as linfa-logistic's, which wraps them with their source.
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 10)
        .with_tolerance_grad(tol)
        .map_err(FitError::from)?;
    let init = Array1::zeros((n_features + 1) * k);
    let result = Executor::new(problem, solver)
        .configure(|state| state.param(init.clone()).max_iters(max_iterations))
        .run()
        .map_err(FitError::from)?;
    let theta = result.state.best_param.unwrap_or(init).to_vec();
    let (w, b) = theta.split_at(n_features * k);
    Ok((w.to_vec(), b.to_vec()))
}

fn fit_linfa<X: RowSource + ?Sized>(
    data: &FitData<X>,
    alpha: f64,
    max_iterations: u64,
    tol: f64,
) -> Result<(Vec<f64>, Vec<f64>)> {
    let FitData {
        x,
        y,
        row_weights,
        n_features,
        k,
    } = *data;
    // Duplicate rows by their integer weight: linfa-logistic has no row weights.
    let mut rows = Vec::new();
    let mut targets = Vec::new();
    for ((i, &c), &wt) in (0..x.n_rows()).zip(y).zip(row_weights) {
        for _ in 0..wt.round() as usize {
            rows.push(x.row(i).to_vec());
            targets.push(c);
        }
    }
    let present: std::collections::BTreeSet<usize> = targets.iter().copied().collect();
    if present.len() != k {
        return Err(Error::params(
            "folds",
            "every label needs a training row in each fold: use fewer folds",
        ));
    }
    let dense: Array2<f64> = densify(&rows, n_features);
    let dataset = Dataset::new(dense, Array1::from(targets));
    let fitted = linfa_logistic::MultiLogisticRegression::default()
        .alpha(alpha)
        .max_iterations(max_iterations)
        .gradient_tolerance(tol)
        .fit(&dataset)?;
    let w = fitted.params().iter().copied().collect();
    let b = fitted.intercept().to_vec();
    Ok((w, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance_weights_equal_duplication_to_the_largest_class() {
        let y = [0, 0, 0, 0, 0, 1, 1, 2];
        let w = balance_weights(&y, 3, 1);
        let total = |c: usize| -> f64 { (0..y.len()).filter(|&i| y[i] == c).map(|i| w[i]).sum() };
        assert_eq!((total(0), total(1), total(2)), (5.0, 5.0, 5.0));
        assert!(w.iter().all(|v| v.fract() == 0.0 && *v >= 1.0));
    }

    #[test]
    fn reweighing_within_labels_keeps_each_label_s_mass() {
        let y = [0, 0, 0, 1, 1, 2];
        let base = balance_weights(&y, 3, 4);
        // Rows 0 and 3 count three times their label's other rows.
        let extra = [3.0, 1.0, 1.0, 3.0, 1.0, 1.0];
        let w = reweigh_within_labels(&base, &extra, &y, 3);
        let total = |w: &[f64], c: usize| -> f64 {
            (0..y.len()).filter(|&i| y[i] == c).map(|i| w[i]).sum()
        };
        for c in 0..3 {
            assert!((total(&w, c) - total(&base, c)).abs() < 1e-12, "label {c}");
        }
        assert!((w[0] / w[1] - 3.0 * base[0] / base[1]).abs() < 1e-12);
        assert!((w[3] / w[4] - 3.0 * base[3] / base[4]).abs() < 1e-12);
        // A label whose rows all weigh alike keeps its weights.
        assert_eq!(w[5], base[5]);
    }

    #[test]
    fn extra_weights_of_one_change_nothing() {
        let y = [0, 0, 0, 0, 0, 1, 1, 2];
        let base = balance_weights(&y, 3, 1);
        assert_eq!(reweigh_within_labels(&base, &[1.0; 8], &y, 3), base);
        assert_eq!(reweigh_within_labels(&base, &[2.0; 8], &y, 3), base);
    }

    fn toy() -> (Vec<SparseRow>, Vec<usize>) {
        // Three noisy classes on six features.
        let mut rng = SplitMix64::new(3);
        let mut x = Vec::new();
        let mut y = Vec::new();
        for i in 0..60 {
            let c = i % 3;
            let mut row: SparseRow = Vec::new();
            for j in 0..6u32 {
                let base = if j as usize / 2 == c { 1.0 } else { 0.2 };
                let noise = (rng.below(100) as f64) / 100.0;
                row.push((j, (base * noise + 0.05) as f32));
            }
            x.push(row);
            y.push(if i % 10 == 0 { (c + 1) % 3 } else { c });
        }
        (x, y)
    }

    /// Fits `data` with the sparse solver and with linfa-logistic's own
    /// (leaving `params` on linfa's), checks that both reach the same
    /// parameters, and returns the sparse fit.
    fn fits_like_linfa(
        params: &mut TrainParams,
        data: &FitData<[SparseRow]>,
    ) -> (Vec<f64>, Vec<f64>) {
        params.solver = Solver::Sparse;
        let sparse = params.fit_weights(data, 0.5).unwrap();
        params.solver = Solver::Linfa;
        params.check().unwrap();
        let dense = params.fit_weights(data, 0.5).unwrap();
        for (a, b) in sparse
            .0
            .iter()
            .chain(&sparse.1)
            .zip(dense.0.iter().chain(&dense.1))
        {
            assert!((a - b).abs() < 1e-4, "sparse {a} vs linfa {b}");
        }
        sparse
    }

    #[test]
    fn sparse_solver_matches_linfa_logistic() {
        let (x, y) = toy();
        let weights = balance_weights(&y[..50], 3, 9);
        let mut params = TrainParams {
            max_iterations: 500,
            gradient_tolerance: 1e-8,
            ..TrainParams::default()
        };
        let data = FitData {
            x: &x[..50],
            y: &y[..50],
            row_weights: &weights,
            n_features: 6,
            k: 3,
        };
        let sparse = fits_like_linfa(&mut params, &data);
        // And the fit is not trivial: it separates the classes it was trained on.
        let right = x[..50]
            .iter()
            .zip(&y[..50])
            .filter(|(row, c)| argmax(&logits(row, &sparse.0, &sparse.1, 3)) == **c)
            .count();
        assert!(right >= 35, "{right} of 50");
    }

    /// Extra row weights of 1 go through the same path as any others and
    /// still give linfa-logistic's parameters: the weights reaching the
    /// solvers are the balancing's, bit for bit.
    #[test]
    fn extra_weights_of_one_still_match_linfa_logistic() {
        let (x, y) = toy();
        let rows: Vec<usize> = (0..50).collect();
        let mut params = TrainParams {
            max_iterations: 500,
            gradient_tolerance: 1e-8,
            row_weights: Some(RowWeights {
                weights: vec![1.0; 60],
                description: "all 1".into(),
            }),
            ..TrainParams::default()
        };
        params.check().unwrap();
        let weights = params.row_weights(&rows, &y[..50], 3, 9);
        assert_eq!(weights, balance_weights(&y[..50], 3, 9));
        let data = FitData {
            x: &x[..50],
            y: &y[..50],
            row_weights: &weights,
            n_features: 6,
            k: 3,
        };
        fits_like_linfa(&mut params, &data);
        // Weights other than 1 are the sparse solver's only.
        params.row_weights = Some(RowWeights {
            weights: vec![2.0; 60],
            description: "all 2".into(),
        });
        assert!(params.check().is_err());
    }

    #[test]
    fn params_are_checked() {
        let bad = [
            TrainParams {
                folds: 1,
                ..TrainParams::default()
            },
            TrainParams {
                alphas: vec![],
                ..TrainParams::default()
            },
            TrainParams {
                alphas: vec![-1.0],
                ..TrainParams::default()
            },
            TrainParams {
                label_mix: Some(BTreeMap::from([("a".to_owned(), 0.0)])),
                ..TrainParams::default()
            },
            TrainParams {
                row_weights: Some(RowWeights {
                    weights: vec![1.0, 0.0],
                    description: String::new(),
                }),
                ..TrainParams::default()
            },
        ];
        for p in bad {
            assert!(p.check().is_err());
        }
    }

    /// The prior goes from the mix training saw after balancing (uniform)
    /// to the named mix, normalised, in label order; a mix that does not
    /// name the data's labels is refused.
    #[test]
    fn a_label_mix_becomes_a_prior_from_the_balanced_mix() {
        let labels: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let y = [0, 0, 0, 0, 0, 1, 1, 2];
        let weights = balance_weights(&y, 3, 1);
        let mix = BTreeMap::from([
            ("c".to_owned(), 1.0),
            ("a".to_owned(), 2.0),
            ("b".to_owned(), 1.0),
        ]);
        let prior = label_prior(&mix, &labels, &y, &weights).unwrap();
        assert_eq!(prior.target, [0.5, 0.25, 0.25]);
        for t in &prior.trained {
            assert!((t - 1.0 / 3.0).abs() < 1e-12);
        }
        let offsets = prior.offsets();
        assert!((offsets[0] - 1.5f64.ln()).abs() < 1e-12);
        let unbalanced = vec![1.0; y.len()];
        let prior = label_prior(&mix, &labels, &y, &unbalanced).unwrap();
        assert_eq!(prior.trained, [5.0 / 8.0, 2.0 / 8.0, 1.0 / 8.0]);
        for wrong in [
            BTreeMap::from([("a".to_owned(), 1.0), ("b".to_owned(), 1.0)]),
            BTreeMap::from([
                ("a".to_owned(), 1.0),
                ("b".to_owned(), 1.0),
                ("x".to_owned(), 1.0),
            ]),
        ] {
            let err = label_prior(&wrong, &labels, &y, &weights)
                .unwrap_err()
                .to_string();
            assert!(err.contains("data's labels are a, b, c"), "{err}");
        }
    }
}
