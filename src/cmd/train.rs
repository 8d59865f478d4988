//! `stance train`: labelled CSV in, cross-validated model file out.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use stance::corpus::{Columns, Corpus};
use stance::features::{ClusterWords, Clusters, Valence};
use stance::train::{EncoderParams, RowWeights, Solver, TrainParams, ViewParams};

/// Arguments of `stance train`.
#[derive(clap::Args)]
pub struct Args {
    /// Labelled CSV with a header (`-` for stdin).
    #[arg(long)]
    data: PathBuf,
    /// Where to write the model (a file; its folder must exist). Required:
    /// a default would overwrite the model shipped in the repository.
    #[arg(long, visible_alias = "out")]
    output: PathBuf,
    /// Column with the statement text.
    #[arg(long, default_value = "text")]
    text_column: String,
    /// Column with the label.
    #[arg(long, default_value = "label")]
    label_column: String,
    /// Cross-validation folds.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Seed for folds and class balancing.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// L2 strengths to try, comma separated.
    #[arg(long, value_delimiter = ',')]
    alphas: Option<Vec<f64>>,
    /// Cap on the number of features (chosen by chi-squared).
    #[arg(long)]
    max_features: Option<usize>,
    /// Minimum number of texts a feature must occur in.
    #[arg(long)]
    min_df: Option<usize>,
    /// L-BFGS iteration cap per fit.
    #[arg(long)]
    max_iterations: Option<u64>,
    /// sparse: argmin L-BFGS on sparse rows; linfa: linfa-logistic on a dense matrix.
    #[arg(long, value_enum, default_value = "sparse")]
    solver: SolverArg,
    /// What the model reads: `said` (the statement without its attribution,
    /// plus the reporting verb) or `text` (the row as it is).
    #[arg(long, value_enum)]
    input: Option<InputArg>,
    /// Stance cue lexicon: `builtin`, `none`, or a file of `category<TAB>phrase` lines.
    #[arg(long)]
    cues: Option<String>,
    /// Factor on the cue-category features before a row is normalised
    /// (default 1).
    #[arg(long)]
    cue_weight: Option<f64>,
    /// Factor on the reporting-verb feature before a row is normalised
    /// (default 1).
    #[arg(long)]
    verb_weight: Option<f64>,
    /// A reporting verb that refuses or denies ("rejected", "dismissed",
    /// "ruled out", "denied") negates the first words of its object.
    #[arg(long)]
    verb_negation: bool,
    /// A negated openness cue reads as refusal, a negated refusal as openness.
    #[arg(long)]
    cue_polarity: bool,
    /// Word valence features from VADER's lexicon (`S:neg2`, `S:sum_pos1`...):
    /// `on`, `off` (the default) or `unseen` (only the words' buckets, only
    /// for words the vocabulary has no unigram for).
    #[arg(long, value_enum)]
    valence: Option<ValenceArg>,
    /// Word clusters of meaning from a pretrained embedding model (`K:17`,
    /// the built-in table data/clusters.tsv): `all` (every word the table
    /// holds), `unseen` (only words the vocabulary has no unigram for) or
    /// `off` (the default).
    #[arg(long, value_enum)]
    clusters: Option<ClustersArg>,
    /// How many clusters `--clusters` reads: 256 or 1024 (the default).
    #[arg(long, default_value_t = 1024, value_parser = parse_cluster_k)]
    cluster_k: u32,
    /// Word n-gram range, e.g. `1-2` (`0-0`: none).
    #[arg(long, value_parser = parse_range)]
    word_ngrams: Option<(usize, usize)>,
    /// Character n-gram range inside words, e.g. `2-5` (`0-0`: none).
    #[arg(long, value_parser = parse_range)]
    char_ngrams: Option<(usize, usize)>,
    /// The label mix of the text the model is meant for, e.g.
    /// `conciliatory=0.31,sceptical=0.21,hawkish=0.31,neutral=0.17` (every
    /// label of the data, shares normalised): the model's logits are moved
    /// by ln(share / share in balanced training). Default: no prior.
    #[arg(long, value_parser = parse_mix)]
    label_mix: Option<std::collections::BTreeMap<String, f64>>,
    /// Weight of the rows whose `source` column is not empty (the corpus's
    /// analogues of real news) against the others, within each label (the
    /// label mix stays as balancing makes it); the same as `--weigh
    /// 'source:*=W'`. Default: 1, every row alike.
    #[arg(long)]
    source_weight: Option<f64>,
    /// Row weights by the value of a column, e.g.
    /// `kind:fragment=0.25,indirect=1.76` (`*` for any other non-empty value;
    /// values not listed weigh 1), within each label as `--source-weight`;
    /// repeat it for several columns, and a row's weights multiply.
    #[arg(long, value_parser = parse_weigh)]
    weigh: Vec<Weigh>,
    /// Train a second view beside the model, reading each statement the
    /// other way (`text` when the model reads what was said, `said` when it
    /// reads the text), and pool the two views' logits (data/README.md,
    /// "Two views of each statement").
    #[arg(long, value_enum)]
    view: Option<InputArg>,
    /// The second view's share of the pooled logits (0 to 1; default 0.5,
    /// the plain mean). Several, comma separated: the one whose pooled
    /// predictions have the best cross-validated macro-F1 wins. Only with
    /// `--view`.
    #[arg(long, value_delimiter = ',', requires = "view")]
    view_weights: Option<Vec<f64>>,
    /// Also read each statement with the sentence encoder built into this
    /// binary (all-MiniLM-L6-v2) and pool a model of its embedding with the
    /// word features (data/README.md, "A sentence encoder"). Slower to
    /// train and to score; `--no-encoder` at scoring time leaves it out.
    #[arg(long)]
    encoder: bool,
    /// L2 strengths to try for the encoder's model (comma separated;
    /// default 1,3,10,30). Only with `--encoder`.
    #[arg(long, value_delimiter = ',', requires = "encoder")]
    encoder_alphas: Option<Vec<f64>>,
    /// The encoder's shares of the pooled logits to try (0 to 1, comma
    /// separated; default 0.3,0.4,0.5,0.6): the one whose pooled
    /// predictions have the best cross-validated macro-F1 wins. Only with
    /// `--encoder`.
    #[arg(long, value_delimiter = ',', requires = "encoder")]
    encoder_shares: Option<Vec<f64>>,
}

/// One `--weigh COLUMN:VALUE=W,...`.
#[derive(Debug, Clone)]
struct Weigh {
    column: String,
    weights: Vec<(String, f64)>,
    /// As the user wrote it, for the model's metadata.
    spec: String,
}

impl Weigh {
    /// The weight of a row whose column holds `value`.
    fn weight(&self, value: &str) -> f64 {
        let value = value.trim();
        let listed = |v: &str| self.weights.iter().find(|(k, _)| k == v).map(|(_, w)| *w);
        listed(value)
            .or_else(|| (!value.is_empty()).then(|| listed("*")).flatten())
            .unwrap_or(1.0)
    }
}

fn parse_weigh(v: &str) -> anyhow::Result<Weigh> {
    let bad = || anyhow::anyhow!("'{v}' is not COLUMN:VALUE=WEIGHT[,VALUE=WEIGHT...]");
    let (column, rest) = v.split_once(':').ok_or_else(bad)?;
    let column = column.trim();
    if column.is_empty() {
        return Err(bad());
    }
    let mut weights = Vec::new();
    for part in rest.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (value, weight) = part.split_once('=').ok_or_else(bad)?;
        let weight: f64 = weight.trim().parse().map_err(|_| bad())?;
        if !weight.is_finite() || weight <= 0.0 {
            anyhow::bail!("'{part}': a weight must be a positive number");
        }
        weights.push((value.trim().to_owned(), weight));
    }
    if weights.is_empty() {
        return Err(bad());
    }
    Ok(Weigh {
        column: column.to_owned(),
        weights,
        spec: v.trim().to_owned(),
    })
}

fn parse_mix(v: &str) -> anyhow::Result<std::collections::BTreeMap<String, f64>> {
    let mut mix = std::collections::BTreeMap::new();
    for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || anyhow::anyhow!("'{part}' is not LABEL=SHARE with a positive share");
        let (label, share) = part.split_once('=').ok_or_else(bad)?;
        let share: f64 = share.trim().parse().map_err(|_| bad())?;
        if !share.is_finite() || share <= 0.0 {
            return Err(bad());
        }
        if mix.insert(label.trim().to_owned(), share).is_some() {
            anyhow::bail!("label '{}' is named twice", label.trim());
        }
    }
    if mix.is_empty() {
        anyhow::bail!("no LABEL=SHARE pairs in '{v}'");
    }
    Ok(mix)
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ValenceArg {
    On,
    Off,
    Unseen,
}

fn parse_cluster_k(v: &str) -> Result<u32, String> {
    v.parse()
        .ok()
        .filter(|k| stance::clusters::KS.contains(k))
        .ok_or_else(|| format!("'{v}': the cluster table has {:?}", stance::clusters::KS))
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ClustersArg {
    All,
    Unseen,
    Off,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum InputArg {
    Said,
    Text,
}

fn parse_range(v: &str) -> anyhow::Result<(usize, usize)> {
    let bad = || anyhow::anyhow!("'{v}' is not a range like 1-2");
    let (lo, hi) = v.split_once('-').ok_or_else(bad)?;
    Ok((
        lo.trim().parse().map_err(|_| bad())?,
        hi.trim().parse().map_err(|_| bad())?,
    ))
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SolverArg {
    Sparse,
    Linfa,
}

/// Runs `stance train`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut params = TrainParams {
        folds: args.folds,
        seed: args.seed,
        solver: match args.solver {
            SolverArg::Sparse => Solver::Sparse,
            SolverArg::Linfa => Solver::Linfa,
        },
        ..TrainParams::default()
    };
    if let Some(a) = args.alphas {
        params.alphas = a;
    }
    params.label_mix = args.label_mix;
    if let Some(m) = args.max_features {
        params.features.max_features = m;
    }
    if let Some(m) = args.max_iterations {
        params.max_iterations = m;
    }
    if let Some(m) = args.min_df {
        params.features.min_df = m;
    }
    if let Some(input) = args.input {
        params.features.said = input == InputArg::Said;
    }
    if let Some(r) = args.word_ngrams {
        params.features.word_ngrams = r;
    }
    if let Some(r) = args.char_ngrams {
        params.features.char_ngrams = r;
    }
    if args.cue_polarity {
        params.features.cue_polarity = true;
    }
    if args.verb_negation {
        params.tokenizer.verb_negation = true;
    }
    if let Some(v) = args.valence {
        params.features.valence = match v {
            ValenceArg::On => Valence::On,
            ValenceArg::Off => Valence::Off,
            ValenceArg::Unseen => Valence::Unseen,
        };
    }
    if let Some(c) = args.clusters {
        params.features.clusters = match c {
            ClustersArg::All => Some(Clusters::new(ClusterWords::All, args.cluster_k)),
            ClustersArg::Unseen => Some(Clusters::new(ClusterWords::Unseen, args.cluster_k)),
            ClustersArg::Off => None,
        };
    }
    if let Some(w) = args.cue_weight {
        params.features.cue_weight = w;
    }
    if let Some(w) = args.verb_weight {
        params.features.verb_weight = w;
    }
    if let Some(view) = args.view {
        params.view = Some(ViewParams {
            said: view == InputArg::Said,
            weights: args.view_weights.unwrap_or_else(|| vec![0.5]),
        });
    }
    if args.encoder {
        let defaults = EncoderParams::default();
        params.encoder = Some(EncoderParams {
            alphas: args.encoder_alphas.unwrap_or(defaults.alphas),
            shares: args.encoder_shares.unwrap_or(defaults.shares),
        });
    }
    match args.cues.as_deref() {
        None | Some("builtin") => {}
        Some("none") => params.features.cues = false,
        Some(file) => {
            let path = std::path::Path::new(file);
            let text = std::fs::read_to_string(path)
                .map_err(|e| stance::Error::io(path, e))
                .context("reading the cue lexicon")?;
            params.cues = Some(stance::cues::Cues::parse(&text, path)?);
            params.features.cues = true;
        }
    }
    params.check().map_err(with_flag)?;
    if args.output.as_os_str() == "-" {
        anyhow::bail!("--output -: a model is written to a file; give its name");
    }
    // Before minutes of training, not after.
    stance::output::check_writable(&args.output)?;
    if let Some(w) = args.source_weight
        && (!w.is_finite() || w <= 0.0)
    {
        anyhow::bail!("invalid parameters: --source-weight: {w} must be a positive number");
    }
    let mut weigh = args.weigh;
    if let Some(w) = args.source_weight {
        weigh.push(Weigh {
            column: "source".into(),
            weights: vec![("*".into(), w)],
            spec: format!("source:*={w}"),
        });
    }
    let columns = Columns {
        text: args.text_column,
        label: Some(args.label_column),
        id: None,
    };
    let corpus = super::read_labelled(&args.data, &columns)?;
    if !weigh.is_empty() {
        let weights = row_weights(&args.data, &columns, &weigh)?;
        // Weights all 1 are every row alike: the model stays byte for byte the plain one.
        if weights.iter().any(|&w| w != 1.0) {
            let specs: Vec<&str> = weigh.iter().map(|w| w.spec.as_str()).collect();
            params.row_weights = Some(RowWeights {
                weights,
                description: format!("rows weighed by {}", specs.join(" and ")),
            });
            params.check().map_err(with_flag)?;
        }
    }
    warn_if_small(&corpus);
    let started = std::time::Instant::now();
    let bar = super::progress_bar(0, "training");
    let rows = corpus.examples.len();
    let (model, report) = params
        .fit_owned(corpus, &|done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        })
        .map_err(with_flag)?;
    bar.finish_and_clear();
    model
        .save(&args.output)
        .with_context(|| format!("saving the model to {}", args.output.display()))?;
    let mut out = String::new();
    out += &format!(
        "trained on {} rows, {} labels, {} features in {:.1}s; alpha {} chosen by {}-fold CV\n",
        rows,
        model.labels().len(),
        model.vectorizer().len(),
        started.elapsed().as_secs_f64(),
        report.alpha,
        params.folds
    );
    for (alpha, f1) in &report.alpha_scores {
        out += &format!("  alpha {alpha:<6}  cv macro-F1 {f1:.4}\n");
    }
    out += "\ncross-validated (out-of-fold) at the chosen alpha:\n";
    out += &report.cv.to_text();
    if let Some(view) = &report.view {
        let how = chosen_or_given(&view.weight_scores);
        out += &format!(
            "\nsecond view: alpha {} chosen by its own CV; share {} {how}\n",
            view.alpha, view.weight
        );
        for (w, f1) in &view.weight_scores {
            out += &format!("  share {w:<6}  cv macro-F1 {f1:.4}\n");
        }
        out += "\ncross-validated (out-of-fold), the two views pooled:\n";
        out += &view.cv.to_text();
    }
    if let Some(encoder) = &report.encoder {
        let how = chosen_or_given(&encoder.share_scores);
        out += &format!(
            "\nsentence encoder: alpha {} chosen by its own CV; share {} {how}\n",
            encoder.alpha, encoder.share
        );
        for (alpha, f1) in &encoder.alpha_scores {
            out += &format!("  alpha {alpha:<6}  cv macro-F1 of the encoder alone {f1:.4}\n");
        }
        for (w, f1) in &encoder.share_scores {
            out += &format!("  share {w:<6}  cv macro-F1 pooled {f1:.4}\n");
        }
        out += "\ncross-validated (out-of-fold), words and encoder pooled:\n";
        out += &encoder.cv.to_text();
    }
    out += &format!("\nwrote {}\n", args.output.display());
    super::with_output(None, |w| w.write_all(out.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

/// How a share was set: by CV when several were tried.
fn chosen_or_given(scores: &[(f64, f64)]) -> &'static str {
    if scores.len() > 1 {
        "chosen by CV"
    } else {
        "as given"
    }
}

/// Each row's weight from `--weigh` (and `--source-weight`): the file is
/// read again for each column, which rides in the id slot.
fn row_weights(
    data: &std::path::Path,
    columns: &Columns,
    weigh: &[Weigh],
) -> anyhow::Result<Vec<f64>> {
    if data.as_os_str() == "-" {
        anyhow::bail!("--weigh and --source-weight read the data twice: give a file, not stdin");
    }
    let mut weights: Vec<f64> = Vec::new();
    for spec in weigh {
        let with_column = Columns {
            id: Some(spec.column.clone()),
            ..columns.clone()
        };
        let corpus = stance::corpus::read_csv(data, &with_column)?;
        let Some(values) = corpus.ids else {
            anyhow::bail!(
                "--weigh {}: {} has no '{}' column to weigh rows by",
                spec.spec,
                data.display(),
                spec.column
            );
        };
        if weights.is_empty() {
            weights = vec![1.0; values.len()];
        }
        for (w, v) in weights.iter_mut().zip(&values) {
            *w *= spec.weight(v);
        }
    }
    Ok(weights)
}

/// A settings error in the words of the command line: the library names a
/// setting by its field (`features.min_df`), the user typed its flag.
fn with_flag(err: stance::Error) -> anyhow::Error {
    let stance::Error::Params { setting, message } = &err else {
        return err.into();
    };
    let flag = match *setting {
        "folds" => "--folds",
        "alphas" => "--alphas",
        "max_iterations" => "--max-iterations",
        "features.max_features" => "--max-features",
        "features.min_df" => "--min-df",
        "features.word_ngrams" => "--word-ngrams",
        "features.char_ngrams" => "--char-ngrams",
        "features.cue_weight" => "--cue-weight",
        "features.verb_weight" => "--verb-weight",
        "label_mix" => "--label-mix",
        "row_weights" => "--weigh",
        "view" => "--view",
        "view_weights" => "--view-weights",
        "encoder_alphas" => "--encoder-alphas",
        "encoder_shares" => "--encoder-shares",
        _ => return err.into(),
    };
    anyhow::anyhow!("invalid parameters: {flag}: {message}")
}

/// Rows per label below which cross-validated figures mean little.
const FEW_ROWS: usize = 10;

/// Warns when the training set is too small to trust: fewer than ten rows
/// for a label, or fewer than ten per label overall.
fn warn_if_small(corpus: &Corpus) {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for e in &corpus.examples {
        *counts.entry(e.label.as_str()).or_default() += 1;
    }
    let path = corpus.path.display();
    let total = corpus.examples.len();
    if total < FEW_ROWS * counts.len().max(1) {
        eprintln!(
            "stance: warning: {path}: only {total} rows; the model and its \
             cross-validated figures will be unreliable"
        );
    }
    for (label, n) in counts {
        if n < FEW_ROWS {
            eprintln!(
                "stance: warning: {path}: label '{label}' has only {n} row(s) \
                 (fewer than {FEW_ROWS})"
            );
        }
    }
}
