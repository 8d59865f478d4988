//! `stance evaluate`: a model against a labelled CSV.

use std::path::PathBuf;
use std::process::ExitCode;

use stance::corpus::{Columns, read_csv};
use stance::evaluate::Metrics;
use stance::train::argmax;

/// Arguments of `stance evaluate`.
#[derive(clap::Args)]
pub struct Args {
    /// Labelled CSV with a header.
    #[arg(long)]
    data: PathBuf,
    /// Model file (default: the embedded model).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Column with the statement text.
    #[arg(long, default_value = "text")]
    text_column: String,
    /// Column with the label.
    #[arg(long, default_value = "label")]
    label_column: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Runs `stance evaluate`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let model = super::load_model(args.model.as_deref())?;
    let columns = Columns {
        text: args.text_column,
        label: Some(args.label_column),
        id: None,
    };
    let corpus = read_csv(&args.data, &columns)?;
    let labels = model.labels();
    let mut truth = Vec::with_capacity(corpus.examples.len());
    for e in &corpus.examples {
        let idx = labels.iter().position(|l| *l == e.label).ok_or_else(|| {
            stance::Error::csv(
                &args.data,
                e.line,
                format!(
                    "unknown label '{}' (the model knows {})",
                    e.label,
                    labels.join(", ")
                ),
            )
        })?;
        truth.push(idx);
    }
    let predicted: Vec<usize> = {
        use rayon::prelude::*;
        corpus
            .examples
            .par_iter()
            .map(|e| argmax(&model.predict_proba(&e.text)))
            .collect()
    };
    let metrics = Metrics::compute(labels, &truth, &predicted);
    let out = match args.format {
        Format::Text => metrics.to_text(),
        Format::Json => format!("{:#}\n", metrics.to_json()),
    };
    super::with_output(None, |w| w.write_all(out.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}
