//! `stance score`: find every statement in articles, attribute it, label it.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;

use stance::articles::{ArticleReader, CollectionColumns, expand_inputs};
use stance::output::{Format, RowWriter};
use stance::score::{BATCH, score_articles};
use stance::scored::{columns, for_each_row};

use super::classify::FormatArg;

/// Arguments of `stance score`.
#[derive(clap::Args)]
pub struct Args {
    /// Articles: .txt files (id = file stem, or the path when stems clash),
    /// folders of them, `-` for stdin, .jsonl / .ndjson / .csv collections
    /// (id, text, optional date, source, title); any of them gzipped.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Read every input as this format (default: from the extension, any
    /// case; `-` is plain text).
    #[arg(long, value_enum)]
    input_format: Option<super::InputFormatArg>,
    /// Read invalid UTF-8 with replacement characters instead of skipping the article.
    #[arg(long)]
    lossy: bool,
    #[command(flatten)]
    model: super::ModelArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    format: FormatArg,
    /// Write here (atomically; `-` is stdout) instead of stdout.
    #[arg(long, visible_alias = "out")]
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
    #[command(flatten)]
    context: super::ContextArgs,
}

/// Runs `stance score`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.min_confidence) {
        anyhow::bail!(
            "--min-confidence {} must be between 0 and 1",
            args.min_confidence
        );
    }
    let context = args.context.context()?;
    let model = args.model.load()?;
    let (inputs, errors) = expand_inputs(&args.inputs, args.input_format.map(Into::into));
    let mut failures = errors.len();
    for e in &errors {
        eprintln!("stance: skipping {e}");
    }
    let with_meta = inputs.iter().any(|i| i.is_collection());
    let collection = CollectionColumns {
        text: args.text_column.clone(),
        id: args.id_column.clone(),
    };
    let reader = ArticleReader::new(inputs.clone(), collection).lossy(args.lossy);
    let mut bar = super::ArticleProgress::new("scoring", &inputs, &reader, args.output.as_ref());
    let format: Format = args.format.into();
    // With context on, what the model said of each statement read alone
    // follows the columns users already have.
    let alone = !context.is_off();
    let header = columns(model.labels(), with_meta, alone);
    let mut scored = 0usize;
    let mut statements_found = 0usize;
    let written = super::with_output(args.output.as_ref(), |w| {
        let mut writer = RowWriter::new(format, header, w);
        // With more than one scoring thread, reading and scoring run on a
        // thread of their own while this one writes the rows of the articles
        // scored before: formatting and writing rows is about a tenth of the
        // work, and it used to wait for each batch to be scored. Articles
        // arrive in input order; a write error drops the receiver, which
        // stops the scoring thread at its next article. One scoring thread
        // (RAYON_NUM_THREADS=1) means one thread: rows are written between
        // batches.
        let model = &model;
        std::thread::scope(|scope| {
            let items = score_articles(model, reader).in_context(context);
            let scored_articles: Box<dyn Iterator<Item = _>> = if rayon::current_num_threads() > 1 {
                let (sender, receiver) = sync_channel(BATCH);
                scope.spawn(move || {
                    for item in items {
                        if sender.send(item).is_err() {
                            break;
                        }
                    }
                });
                Box::new(receiver.into_iter())
            } else {
                Box::new(items)
            };
            for item in scored_articles {
                bar.article();
                match item {
                    Ok((article, statements)) => {
                        scored += 1;
                        statements_found += statements.len();
                        for_each_row(
                            model.labels(),
                            &article,
                            &statements,
                            args.min_confidence,
                            with_meta,
                            alone,
                            |cells| writer.row_of(cells),
                        )?;
                    }
                    Err(e) => {
                        failures += 1;
                        bar.println(&format!("stance: skipping {e}"));
                    }
                }
            }
            // Nothing scored: write nothing, so a failed run (a typo in a
            // path, a collection without its text column) never replaces a
            // good output with a header-only file.
            if scored == 0 {
                return Err(super::NothingWritten::io());
            }
            writer.finish()
        })
    });
    bar.finish();
    match written {
        Ok(()) => {}
        Err(e) if super::NothingWritten::is(&e) => {
            let kept = match args.output.as_ref().filter(|p| p.as_os_str() != "-") {
                Some(p) if p.exists() => format!("; {} left as it was", p.display()),
                _ => String::new(),
            };
            if failures == 0 {
                eprintln!("stance: no articles found in the inputs; nothing written{kept}");
            } else {
                eprintln!("stance: no article could be scored; nothing written{kept}");
            }
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e),
    }
    if statements_found == 0 {
        eprintln!(
            "stance: warning: no statements found in {scored} article(s) \
             (a collection read as plain text? see --input-format)"
        );
    }
    if failures > 0 {
        eprintln!("stance: {failures} skipped (named above), {scored} article(s) scored");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
