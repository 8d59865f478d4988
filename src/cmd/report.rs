//! `stance report`: per-speaker stance from scored statements (or articles).

use std::path::PathBuf;
use std::process::ExitCode;

use stance::articles::{ArticleReader, CollectionColumns, expand_inputs};
use stance::report::{Aggregate, Period, ReportFormat, read_scored_files};
use stance::score::score_articles;
use stance::scored::ScoredRow;

/// Arguments of `stance report`.
#[derive(clap::Args)]
pub struct Args {
    /// Scored statements: CSV or JSONL written by `stance score` (any number
    /// of files, e.g. shards of one run; `-` for stdin). With --articles:
    /// article inputs, as `stance score` takes them.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The inputs are articles: score them first.
    #[arg(long)]
    articles: bool,
    /// Model file for --articles (default: the embedded model).
    #[arg(long, requires = "articles")]
    model: Option<PathBuf>,
    /// Leave the model's sentence encoder out, if it has one: much faster,
    /// with the labels of its word features alone.
    #[arg(long, requires = "articles")]
    no_encoder: bool,
    /// With --articles, use the shipped encoder model instead of the
    /// default: better on real news, about a hundred times slower.
    #[arg(long, requires = "articles", conflicts_with_all = ["model", "no_encoder"])]
    encoder: bool,
    /// With --articles: statements whose top probability is below this are `uncertain`.
    #[arg(long, default_value_t = 0.0, requires = "articles")]
    min_confidence: f64,
    /// With --articles: read every input as this format (default: from the extension).
    #[arg(long, value_enum, requires = "articles")]
    input_format: Option<super::InputFormatArg>,
    /// With --articles: read invalid UTF-8 with replacement characters.
    #[arg(long, requires = "articles")]
    lossy: bool,
    /// With --articles: text column of .csv collections.
    #[arg(long, default_value = "text", requires = "articles")]
    text_column: String,
    /// With --articles: id column of .csv collections.
    #[arg(long, default_value = "id", requires = "articles")]
    id_column: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    format: FormatArg,
    /// Write here (atomically; `-` is stdout) instead of stdout.
    #[arg(long, visible_alias = "out")]
    output: Option<PathBuf>,
    /// Leave out speakers with fewer statements.
    #[arg(long, default_value_t = 1)]
    min_statements: u64,
    /// Add rows per speaker and week (ISO, 2026-W47) or month (2026-11).
    #[arg(long, value_enum)]
    by_period: Option<PeriodArg>,
    /// With --articles: the context mixed in, as `stance score` does.
    #[command(flatten)]
    context: super::ContextArgs,
}

/// Report formats.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    /// One row per speaker (and period), with a header.
    Csv,
    /// One JSON object holding the rows.
    Json,
    /// Tables and examples for notes and chat.
    Markdown,
    /// A self-contained page with a sortable table and charts.
    Html,
}

impl From<FormatArg> for ReportFormat {
    fn from(f: FormatArg) -> ReportFormat {
        match f {
            FormatArg::Csv => ReportFormat::Csv,
            FormatArg::Json => ReportFormat::Json,
            FormatArg::Markdown => ReportFormat::Markdown,
            FormatArg::Html => ReportFormat::Html,
        }
    }
}

/// Periods of `--by-period`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PeriodArg {
    /// ISO weeks.
    Week,
    /// Calendar months.
    Month,
}

/// Runs `stance report`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // Without --by-period, months still feed the HTML trend chart.
    let period = match args.by_period {
        Some(PeriodArg::Week) => Period::Week,
        Some(PeriodArg::Month) | None => Period::Month,
    };
    let (aggregate, skipped) = if args.articles {
        score_then_aggregate(&args, period)?
    } else {
        (read_scored_files(&args.inputs, period).map_err(fail)?, 0)
    };
    if let (n @ 1.., first) = aggregate.repeated() {
        eprintln!(
            "stance: warning: {n} repeated statement(s) counted once (the first: {}); \
             is a file given twice?",
            first.unwrap_or("?")
        );
    }
    if aggregate.without_speaker() > 0 {
        eprintln!(
            "stance: {} statement(s) without a speaker left out",
            aggregate.without_speaker()
        );
    }
    if aggregate.bad_dates() > 0 {
        eprintln!(
            "stance: {} statement(s) with a date not in YYYY-MM-DD form counted as undated",
            aggregate.bad_dates()
        );
    }
    let report = aggregate.finish(args.min_statements, args.by_period.is_some());
    if report.hidden_speakers > 0 {
        eprintln!(
            "stance: {} speaker(s) with fewer than {} statements left out",
            report.hidden_speakers, args.min_statements
        );
    }
    super::with_output(args.output.as_ref(), |w| {
        stance::report::write(&report, args.format.into(), w)
    })?;
    if skipped > 0 {
        eprintln!("stance: {skipped} article(s) or input(s) skipped (named above)");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn score_then_aggregate(args: &Args, period: Period) -> anyhow::Result<(Aggregate, usize)> {
    if !(0.0..=1.0).contains(&args.min_confidence) {
        anyhow::bail!(
            "--min-confidence {} must be between 0 and 1",
            args.min_confidence
        );
    }
    let context = args.context.context()?;
    let model = super::load_model(args.model.as_deref(), args.encoder, args.no_encoder)?;
    let (inputs, mut errors) = expand_inputs(&args.inputs, args.input_format.map(Into::into));
    let columns = CollectionColumns {
        text: args.text_column.clone(),
        id: args.id_column.clone(),
    };
    let reader = ArticleReader::new(inputs.clone(), columns).lossy(args.lossy);
    let mut bar = super::ArticleProgress::new("scoring", &inputs, &reader, args.output.as_ref());
    let reader = reader.inspect(|_| bar.article());
    // Scored here and handed to the report as rows, rounded as `stance score`
    // writes them, so both routes give the same report.
    let mut aggregate = Aggregate::new(model.labels().to_vec(), period);
    let labels = aggregate.labels().to_vec();
    for item in score_articles(&model, reader).in_context(context) {
        match item {
            Ok((article, statements)) => {
                for s in statements {
                    let row = ScoredRow::of_statement(
                        &article,
                        s,
                        model.labels(),
                        &labels,
                        args.min_confidence,
                    );
                    aggregate.add(row);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    bar.finish();
    // As `score` does: name each bad article, report the rest, fail at the end.
    for e in &errors {
        eprintln!("stance: skipping {e}");
    }
    if aggregate.is_empty() && !errors.is_empty() {
        anyhow::bail!("no article could be scored; no report written");
    }
    Ok((aggregate, errors.len()))
}

/// A report over part of the inputs would mislead: name every bad input,
/// write nothing, fail.
fn fail(mut errors: Vec<stance::Error>) -> anyhow::Error {
    if errors.len() == 1 {
        return errors.remove(0).into();
    }
    for e in &errors {
        eprintln!("stance: {e}");
    }
    anyhow::anyhow!(
        "{} inputs could not be read; no report written",
        errors.len()
    )
}
