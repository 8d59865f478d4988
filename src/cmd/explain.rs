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
    #[command(flatten)]
    model: super::ModelArgs,
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
    let model = args.model.load()?;
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
                if let Some(view) = &ex.view_input {
                    let _ = writeln!(
                        out,
                        "second view's input (its features are named {}...): {view}",
                        stance::model::VIEW_PREFIX
                    );
                }
                let _ = writeln!(out, "label: {}", ex.label);
                for (label, p) in &ex.probabilities {
                    let _ = writeln!(out, "  p_{label} = {p:.4}");
                }
                for l in &ex.per_label {
                    let prior = if l.prior == 0.0 {
                        String::new()
                    } else {
                        format!(" + label prior {:+.4}", l.prior)
                    };
                    let _ = writeln!(
                        out,
                        "\n{}: logit {:+.4} = intercept {:+.4}{prior} + {} feature(s); strongest:",
                        l.label,
                        l.logit,
                        l.intercept,
                        l.contributions.len()
                    );
                    for line in grouped(&ex.input, &l.contributions).iter().take(args.top) {
                        let _ = writeln!(out, "{line}");
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

/// The contributions as lines, strongest first, with the character n-grams
/// of one word summed on one line (a fragment found in several words goes
/// to the first): "negotiate" shows once, not as "nego",
/// "egot", "goti"... on lines of their own. Sums are exact, so the lines
/// still add up to the logit.
fn grouped(input: &str, contributions: &[stance::model::Contribution]) -> Vec<String> {
    let lower = input.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // (sort key, line); words keep their fragments in order of strength.
    let mut lines: Vec<(f64, String)> = Vec::new();
    let mut by_word: Vec<(&str, f64, Vec<String>)> = Vec::new();
    for c in contributions {
        let word = c.feature.strip_prefix("c:").and_then(|gram| {
            let inner = gram.trim_matches(' ');
            words
                .iter()
                .find(|w| !inner.is_empty() && format!(" {w} ").contains(gram))
                .copied()
        });
        match word {
            Some(w) => match by_word.iter_mut().find(|(x, _, _)| *x == w) {
                Some((_, sum, grams)) => {
                    *sum += c.contribution;
                    grams.push(c.feature["c:".len()..].to_owned());
                }
                None => by_word.push((w, c.contribution, vec![c.feature[2..].to_owned()])),
            },
            None => lines.push((
                c.contribution,
                format!(
                    "  {:+.4}  {:<28} (value {:.3} x weight {:+.3})",
                    c.contribution,
                    show_feature(&c.feature),
                    c.value,
                    c.weight
                ),
            )),
        }
    }
    for (word, sum, grams) in by_word {
        let line = if grams.len() == 1 {
            format!("  {sum:+.4}  {:<28}", format!("c:\"{}\"", grams[0]))
        } else {
            format!(
                "  {sum:+.4}  {:<28} ({} character n-grams; strongest {})",
                format!("c:{word}"),
                grams.len(),
                grams
                    .iter()
                    .take(3)
                    .map(|g| format!("\"{g}\""))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        };
        lines.push((sum, line.trim_end().to_owned()));
    }
    lines.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    lines.into_iter().map(|(_, line)| line).collect()
}
