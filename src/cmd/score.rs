//! `stance score`: find every statement in articles, attribute it, label it.

use std::path::PathBuf;
use std::process::ExitCode;

use stance::articles::{ArticleReader, CollectionColumns, expand_inputs};
use stance::output::{Format, RowWriter};
use stance::score::{columns, rows, score_articles};

use super::classify::FormatArg;

/// Arguments of `stance score`.
#[derive(clap::Args)]
pub struct Args {
    /// Articles: .txt files (id = file stem), folders of them, `-` for stdin,
    /// .jsonl / .csv collections (id, text, optional date, source, title).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Model file (default: the embedded model).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    format: FormatArg,
    /// Write here (atomically) instead of stdout.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Statements whose top probability is below this get the label `uncertain`.
    #[arg(long, default_value_t = 0.0)]
    min_confidence: f64,
    /// Text column of .csv collections.
    #[arg(long, default_value = "text")]
    text_column: String,
    /// Id column of .csv collections.
    #[arg(long, default_value = "id")]
    id_column: String,
}

/// Runs `stance score`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.min_confidence) {
        anyhow::bail!(
            "--min-confidence {} must be between 0 and 1",
            args.min_confidence
        );
    }
    let model = super::load_model(args.model.as_deref())?;
    let (inputs, errors) = expand_inputs(&args.inputs);
    let mut failures = errors.len();
    for e in &errors {
        eprintln!("stance: skipping {e}");
    }
    let with_meta = inputs.iter().any(|i| i.is_collection());
    let collection = CollectionColumns {
        text: args.text_column.clone(),
        id: args.id_column.clone(),
    };
    let bar = super::progress_bar(inputs.len() as u64, "scoring");
    if inputs.len() < 2 {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let count_files = !with_meta;
    let reader = ArticleReader::new(inputs, collection);
    let format: Format = args.format.into();
    let header = columns(model.labels(), with_meta);
    super::with_output(args.output.as_ref(), |w| {
        let mut writer = RowWriter::new(format, header, w);
        for item in score_articles(&model, reader) {
            if count_files {
                bar.inc(1);
            }
            match item {
                Ok((article, statements)) => {
                    for row in rows(
                        model.labels(),
                        &article,
                        &statements,
                        args.min_confidence,
                        with_meta,
                    ) {
                        writer.row(&row)?;
                    }
                }
                Err(e) => {
                    failures += 1;
                    eprintln!("stance: skipping {e}");
                }
            }
        }
        writer.finish()
    })?;
    bar.finish_and_clear();
    if failures > 0 {
        eprintln!("stance: {failures} input(s) could not be scored");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
