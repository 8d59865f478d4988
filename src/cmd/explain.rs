//! `stance explain`: why a statement got its label, or each label's strongest features.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `stance explain`.
#[derive(clap::Args)]
pub struct Args {
    /// The statement to explain. Without it, prints each label's strongest features.
    text: Option<String>,
    /// How many features to show per label.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Model file (default: the embedded model).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// The same as --format json (kept for old scripts).
    #[arg(long, hide = true)]
    json: bool,
    /// Write here (atomically; `-` is stdout) instead of stdout.
    #[arg(long, visible_alias = "out")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Runs `stance explain`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let model = super::load_model(args.model.as_deref())?;
    let json = args.json || args.format == Format::Json;
    let mut out = String::new();
    match &args.text {
        Some(text) => {
            let ex = model.explain(text);
            if json {
                let mut ex = ex;
                for l in &mut ex.per_label {
                    l.contributions.truncate(args.top);
                }
                out = format!("{:#}\n", serde_json::to_value(&ex)?);
            } else {
                let _ = writeln!(out, "input: {}", ex.input);
                let _ = writeln!(out, "label: {}", ex.label);
                for (label, p) in &ex.probabilities {
                    let _ = writeln!(out, "  p_{label} = {p:.4}");
                }
                for l in &ex.per_label {
                    let _ = writeln!(
                        out,
                        "\n{}: logit {:+.4} = intercept {:+.4} + {} feature(s); strongest:",
                        l.label,
                        l.logit,
                        l.intercept,
                        l.contributions.len()
                    );
                    for c in l.contributions.iter().take(args.top) {
                        let _ = writeln!(
                            out,
                            "  {:+.4}  {:<28} (value {:.3} x weight {:+.3})",
                            c.contribution,
                            show_feature(&c.feature),
                            c.value,
                            c.weight
                        );
                    }
                }
            }
        }
        None => {
            let top = model.top_features(args.top);
            if json {
                let map: serde_json::Map<String, serde_json::Value> = top
                    .into_iter()
                    .map(|(label, feats)| (label, serde_json::json!(feats)))
                    .collect();
                out = format!("{:#}\n", serde_json::Value::Object(map));
            } else {
                for (label, feats) in top {
                    let _ = writeln!(
                        out,
                        "{label}: strongest features (weight minus the feature's mean weight)"
                    );
                    for (f, w) in feats {
                        let _ = writeln!(out, "  {w:+.4}  {}", show_feature(&f));
                    }
                    out.push('\n');
                }
            }
        }
    }
    super::with_output(args.output.as_ref(), |w| w.write_all(out.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

/// Character n-grams carry word-boundary spaces; quote them so they show.
fn show_feature(name: &str) -> String {
    match name.strip_prefix("c:") {
        Some(gram) => format!("c:\"{gram}\""),
        None => name.to_owned(),
    }
}
