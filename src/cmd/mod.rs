//! One file per subcommand: its `Args` and a short `run`.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use stance::Model;

pub mod classify;
pub mod evaluate;
pub mod explain;
pub mod report;
pub mod score;
pub mod synth;
pub mod train;

/// `--input-format`: how to read article inputs, whatever they are called.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum InputFormatArg {
    /// One plain-text article per file (or on stdin).
    Txt,
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// A CSV with a header.
    Csv,
}

impl From<InputFormatArg> for stance::articles::InputFormat {
    fn from(f: InputFormatArg) -> Self {
        match f {
            InputFormatArg::Txt => stance::articles::InputFormat::Txt,
            InputFormatArg::Jsonl => stance::articles::InputFormat::Jsonl,
            InputFormatArg::Csv => stance::articles::InputFormat::Csv,
        }
    }
}

/// A labelled CSV from a file, or from stdin for `-`.
pub fn read_labelled(
    path: &Path,
    columns: &stance::corpus::Columns,
) -> anyhow::Result<stance::corpus::Corpus> {
    if path.as_os_str() != "-" {
        return Ok(stance::corpus::read_csv(path, columns)?);
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
        .context("reading stdin")?;
    Ok(stance::corpus::parse_csv(
        Path::new("<stdin>"),
        &bytes,
        columns,
    )?)
}

/// The model from `--model`, or the embedded default.
pub fn load_model(path: Option<&Path>) -> anyhow::Result<Cow<'static, Model>> {
    Ok(match path {
        Some(p) => Cow::Owned(Model::load(p)?),
        None => Cow::Borrowed(Model::embedded()?),
    })
}

/// True when the error is a write to a closed pipe (`stance ... | head`),
/// which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return io.kind() == std::io::ErrorKind::BrokenPipe;
        }
        if let Some(stance::Error::Io { source, .. }) = cause.downcast_ref::<stance::Error>() {
            return source.kind() == std::io::ErrorKind::BrokenPipe;
        }
        if let Some(csv) = cause.downcast_ref::<csv::Error>()
            && let csv::ErrorKind::Io(io) = csv.kind()
        {
            return io.kind() == std::io::ErrorKind::BrokenPipe;
        }
        false
    })
}

/// Writes to `--output FILE` atomically, or streams to stdout (no `--output`,
/// or `--output -`).
pub fn with_output(
    output: Option<&PathBuf>,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    match output.filter(|p| p.as_os_str() != "-") {
        Some(path) => stance::output::write_atomic_with(path, fill)?,
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            fill(&mut lock).context("writing to stdout")?;
            lock.flush().context("writing to stdout")?;
        }
    }
    Ok(())
}

/// Returned by a `with_output` callback to write nothing at all: the
/// temporary file is dropped and an existing output is left as it was.
#[derive(Debug)]
pub struct NothingWritten;

impl std::fmt::Display for NothingWritten {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("nothing written")
    }
}

impl std::error::Error for NothingWritten {}

impl NothingWritten {
    /// The error a callback returns.
    pub fn io() -> std::io::Error {
        std::io::Error::other(NothingWritten)
    }

    /// True when `err` came from [`NothingWritten::io`].
    pub fn is(err: &anyhow::Error) -> bool {
        err.chain().any(|cause| {
            let io = match cause.downcast_ref::<stance::Error>() {
                Some(stance::Error::Io { source, .. }) => Some(source),
                _ => cause.downcast_ref::<std::io::Error>(),
            };
            io.and_then(|e| e.get_ref())
                .is_some_and(|e| e.is::<NothingWritten>())
        })
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
pub fn progress_bar(len: u64, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{msg:>10} [{bar:30}] {pos}/{len} {elapsed_precise}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_owned());
    bar
}
