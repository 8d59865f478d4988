//! The `stance` binary: parse arguments, dispatch to a subcommand, print
//! errors, choose the exit code.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

/// Label what politicians, diplomats and institutions say in the news as
/// conciliatory, sceptical or hawkish.
#[derive(Parser)]
#[command(name = "stance", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// No progress bars (they are drawn only on a terminal anyway).
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Worker threads (default: one per CPU; RAYON_NUM_THREADS is honoured too).
    #[arg(long, short = 'j', global = true, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

#[derive(Subcommand)]
enum Command {
    /// Train a model on a labelled CSV (cross-validated).
    Train(cmd::train::Args),
    /// Score a model on a labelled CSV: accuracy, macro-F1, confusion matrix.
    Evaluate(cmd::evaluate::Args),
    /// Label statements given as arguments, in a CSV, or one per line on stdin.
    Classify(cmd::classify::Args),
    /// Show which features pushed a prediction, or each label's strongest features.
    Explain(cmd::explain::Args),
    /// Find every statement in news articles, attribute its speaker, label its stance.
    Score(cmd::score::Args),
    /// Per-speaker stance reports from scored statements (or articles).
    Report(cmd::report::Args),
    /// Generate seeded synthetic statements or articles, for benchmarks.
    Synth(cmd::synth::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.threads
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n.into())
            .build_global()
    {
        eprintln!("stance: --threads {n}: {e}");
        return ExitCode::FAILURE;
    }
    if cli.quiet {
        cmd::QUIET.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let result = match cli.command {
        Command::Train(args) => cmd::train::run(args),
        Command::Evaluate(args) => cmd::evaluate::run(args),
        Command::Classify(args) => cmd::classify::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Score(args) => cmd::score::run(args),
        Command::Report(args) => cmd::report::run(args),
        Command::Synth(args) => cmd::synth::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) if cmd::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("stance: {}", message(&err));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes, joined by ": ", each said once: library errors
/// already include their cause in their own message ("x.csv: No such file or
/// directory"), which `{:#}` would then print a second time.
fn message(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if out.is_empty() {
            out = text;
        } else if !out.ends_with(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
    }
    out
}
