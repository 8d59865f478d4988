//! `stance evaluate`: a model against a labelled CSV, or against articles
//! with gold annotations (extraction and labels).

use std::path::PathBuf;
use std::process::ExitCode;

use stance::Model;
use stance::corpus::Columns;
use stance::measure::{GoldArticles, LabelPairs, gold_articles_in, statements};

/// Arguments of `stance evaluate`.
#[derive(clap::Args)]
#[command(group = clap::ArgGroup::new("input").required(true).args(["data", "articles"]))]
pub struct Args {
    /// Labelled CSV with a header (`-` for stdin).
    #[arg(long)]
    data: Option<PathBuf>,
    /// A folder of articles with gold annotations (NAME.txt + NAME.gold.jsonl):
    /// measures extraction and the labels of the extracted statements.
    #[arg(long)]
    articles: Option<PathBuf>,
    #[command(flatten)]
    model: super::ModelArgs,
    /// Column with the statement text.
    #[arg(long, default_value = "text")]
    text_column: String,
    /// Column with the label.
    #[arg(long, default_value = "label")]
    label_column: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write here (atomically; `-` is stdout) instead of stdout.
    #[arg(long, visible_alias = "out")]
    output: Option<PathBuf>,
    /// With --articles: the context mixed in, as `stance score` does.
    #[command(flatten)]
    context: super::ContextArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Runs `stance evaluate`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let context = args.context.context()?;
    let model = args.model.load()?;
    let out = match (&args.data, &args.articles) {
        (Some(data), _) => {
            let columns = Columns {
                text: args.text_column.clone(),
                label: Some(args.label_column.clone()),
                id: None,
            };
            let corpus = super::read_labelled(data, &columns)?;
            let labels = model.labels();
            if let Some(e) = corpus.examples.iter().find(|e| !labels.contains(&e.label)) {
                return Err(stance::Error::parse(
                    data,
                    e.line,
                    format!(
                        "unknown label '{}' (the model knows {})",
                        e.label,
                        labels.join(", ")
                    ),
                )
                .into());
            }
            let pairs = statements(&model, &corpus);
            match args.format {
                Format::Text => label_text(&model, &pairs),
                Format::Json => format!("{:#}\n", label_json(&model, &pairs)?),
            }
        }
        (None, Some(dir)) => {
            let gold = gold_articles_in(&model, dir, &context)?;
            match args.format {
                Format::Text => articles_text(&model, &gold),
                Format::Json => format!("{:#}\n", articles_json(&model, &gold)?),
            }
        }
        (None, None) => unreachable!("clap requires --data or --articles"),
    };
    super::with_output(args.output.as_ref(), |w| w.write_all(out.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

fn label_text(model: &Model, pairs: &LabelPairs) -> String {
    let mut out = pairs.metrics(model.labels()).to_text();
    out.push('\n');
    out += &pairs.calibration().to_text();
    out
}

fn label_json(model: &Model, pairs: &LabelPairs) -> stance::Result<serde_json::Value> {
    let mut json = pairs.metrics(model.labels()).to_json()?;
    let calibration = pairs.calibration();
    json["ece"] = calibration.ece.into();
    json["reliability"] =
        serde_json::to_value(&calibration.reliability).map_err(stance::Error::Json)?;
    Ok(json)
}

fn articles_text(model: &Model, gold: &GoldArticles) -> String {
    let e = &gold.extraction;
    let mut out = format!(
        "{} articles, {} annotated statements\n\
         statements found   {}/{} ({:.4})\n\
         right speaker      {}/{} ({:.4})\n\
         merged into another  {}\n\
         extracted          {} ({} hold no annotated statement)\n",
        gold.articles,
        e.gold,
        e.found,
        e.gold,
        e.recall(),
        e.right_speaker,
        e.found,
        e.speaker_accuracy(),
        e.merged,
        e.extracted,
        e.unmatched
    );
    out += "\n== labels of the extracted statements ==\n";
    out += &label_text(model, &gold.extracted);
    out += "\n== labels of each annotated statement's own sentence ==\n";
    out += &label_text(model, &gold.own_sentence);
    out
}

fn articles_json(model: &Model, gold: &GoldArticles) -> stance::Result<serde_json::Value> {
    let e = &gold.extraction;
    Ok(serde_json::json!({
        "articles": gold.articles,
        "extraction": {
            "gold": e.gold,
            "found": e.found,
            "recall": e.recall(),
            "right_speaker": e.right_speaker,
            "speaker_accuracy": e.speaker_accuracy(),
            "merged": e.merged,
            "extracted": e.extracted,
            "unmatched": e.unmatched,
        },
        "extracted": label_json(model, &gold.extracted)?,
        "own_sentence": label_json(model, &gold.own_sentence)?,
    }))
}
