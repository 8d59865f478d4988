//! The `stance` binary: parse arguments, dispatch to a subcommand, print
//! errors, choose the exit code.

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

mod cmd;

/// mimalloc instead of the system allocator: scoring makes and frees many
/// small strings and vectors per statement, and glibc's malloc and free were
/// about a seventh of its instructions.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Label what politicians, diplomats and institutions say in the news as
/// conciliatory, sceptical or hawkish.
#[derive(Parser)]
#[command(name = "stance", version, long_about = None)]
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
    #[command(after_help = "Examples:\n  \
        stance train --data my-quotes.csv --output my-model.json\n  \
        stance train --data quotes.csv --text-column quote --label-column stance --out m.json\n  \
        cat quotes.csv | stance train --data - --folds 10 --output m.json")]
    Train(Box<cmd::train::Args>),
    /// Score a model on a labelled CSV: accuracy, macro-F1, confusion matrix.
    #[command(after_help = "Examples:\n  \
        stance evaluate --data data/test.csv\n  \
        stance evaluate --model my-model.json --data held-out.csv --format json\n  \
        stance evaluate --articles tests/fixtures/blind-wire-1")]
    Evaluate(cmd::evaluate::Args),
    /// Label statements given as arguments, in a CSV, or one per line on stdin.
    #[command(after_help = "Examples:\n  \
        stance classify \"We are ready to talk.\" \"We will respond with force.\"\n  \
        stance classify --input quotes.csv --format csv --output labelled.csv\n  \
        cut -d, -f2 quotes.csv | stance classify --format json")]
    Classify(cmd::classify::Args),
    /// Show which features pushed a prediction, or each label's strongest features.
    #[command(after_help = "Examples:\n  \
        stance explain \"We will never negotiate with terrorists.\"\n  \
        stance explain --format json \"We welcome the talks.\"\n  \
        stance explain --top 20")]
    Explain(cmd::explain::Args),
    /// Find every statement in news articles, attribute its speaker, label its stance.
    #[command(after_help = "Examples:\n  \
        stance score data/articles/ --output scored.csv\n  \
        stance score news.jsonl.gz --format json --min-confidence 0.6\n  \
        zcat dump.gz | stance score - --input-format jsonl --lossy --output scored.csv")]
    Score(cmd::score::Args),
    /// Per-speaker stance reports from scored statements (or articles).
    #[command(after_help = "Examples:\n  \
        stance report scored.csv --format markdown\n  \
        stance report shard-*.csv --by-period month --format html --output report.html\n  \
        stance report --articles news.jsonl --format json")]
    Report(cmd::report::Args),
    /// Generate seeded synthetic statements or articles, for benchmarks.
    #[command(after_help = "Examples:\n  \
        stance synth statements --rows 10000 --output big.csv\n  \
        stance synth articles --mb 50 --output news.jsonl")]
    Synth(cmd::synth::Args),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(after_help = "Examples:\n  \
        stance completions bash > ~/.local/share/bash-completion/completions/stance\n  \
        stance completions zsh > ~/.zfunc/_stance\n  \
        stance completions fish > ~/.config/fish/completions/stance.fish")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`.
    #[command(after_help = "Examples:\n  \
        stance man > ~/.local/share/man/man1/stance.1\n  \
        stance man | man -l -")]
    Man,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Ctrl-C (or SIGTERM) mid-write: remove the temporary file, keep the old
    // output, exit as shells expect after SIGINT.
    let _ = ctrlc::set_handler(|| {
        stance::output::remove_temp_files();
        std::process::exit(130);
    });
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
        Command::Train(args) => cmd::train::run(*args),
        Command::Evaluate(args) => cmd::evaluate::run(args),
        Command::Classify(args) => cmd::classify::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Score(args) => cmd::score::run(args),
        Command::Report(args) => cmd::report::run(args),
        Command::Synth(args) => cmd::synth::run(args),
        Command::Completions { shell } => cmd::with_output(None, |w| {
            clap_complete::generate(shell, &mut Cli::command(), "stance", w);
            Ok(())
        })
        .map(|()| ExitCode::SUCCESS),
        Command::Man => cmd::with_output(None, |w| clap_mangen::Man::new(Cli::command()).render(w))
            .map(|()| ExitCode::SUCCESS),
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
