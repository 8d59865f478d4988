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

/// `--speaker-context` and `--article-context`: how much of an article's
/// context is mixed into each statement's probabilities.
#[derive(clap::Args, Clone, Copy)]
pub struct ContextArgs {
    /// Weight (0 to 1) of the same speaker's other statements in the article:
    /// each statement's probabilities p become (1 - weight) p + weight m, m
    /// their mean (0 with --article-context 0: every statement read alone).
    #[arg(long, default_value_t = stance::context::DEFAULT_SPEAKER)]
    speaker_context: f64,
    /// Weight (0 to 1) of all the article's other statements, mixed in after
    /// the speaker's.
    #[arg(long, default_value_t = stance::context::DEFAULT_ARTICLE)]
    article_context: f64,
}

impl ContextArgs {
    /// The context the flags ask for, checked.
    pub fn context(&self) -> anyhow::Result<stance::context::Context> {
        stance::context::Context::weights(self.speaker_context, self.article_context)
            .map_err(|e| anyhow::anyhow!("--speaker-context / --article-context: {e}"))
    }
}

/// `--model`, `--encoder` and `--no-encoder`: which model labels the
/// statements.
#[derive(clap::Args)]
pub struct ModelArgs {
    /// Model file (default: the embedded model).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Use the shipped encoder model instead of the default: the same word
    /// features plus a sentence encoder; better on real news, about a
    /// hundred times slower (README, "How accurate the labels are").
    #[arg(long, conflicts_with_all = ["model", "no_encoder"])]
    encoder: bool,
    /// Leave the model's sentence encoder out, if it has one: much faster,
    /// with the labels of its word features alone.
    #[arg(long)]
    no_encoder: bool,
}

impl ModelArgs {
    /// The model the flags ask for.
    pub fn load(&self) -> anyhow::Result<Cow<'static, Model>> {
        load_model(self.model.as_deref(), self.encoder, self.no_encoder)
    }
}

/// The model from `--model`, the embedded default, or with `--encoder` the
/// embedded encoder model; with `--no-encoder`, without its sentence encoder.
pub fn load_model(
    path: Option<&Path>,
    encoder: bool,
    no_encoder: bool,
) -> anyhow::Result<Cow<'static, Model>> {
    let model = if encoder {
        Cow::Borrowed(Model::embedded_encoder()?)
    } else {
        Model::load_or_embedded(path)?
    };
    Ok(match model.encoder() {
        Some(_) if no_encoder => Cow::Owned(model.without_encoder()),
        _ => model,
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
            // Rows are small and many: a larger buffer means fewer writes
            // to the pipe.
            let mut lock = std::io::BufWriter::with_capacity(64 << 10, stdout.lock());
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

/// Set by `--quiet`: no progress bars.
pub static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// True when a progress bar may be drawn: stderr is a terminal, `--quiet`
/// was not given, and no rows stream to the same terminal on stdout (they
/// would be torn by the redraws; the rows show the progress there anyway).
pub fn progress_wanted(output: Option<&PathBuf>) -> bool {
    use std::io::IsTerminal;
    let to_stdout = output.is_none_or(|p| p.as_os_str() == "-");
    !QUIET.load(std::sync::atomic::Ordering::Relaxed)
        && std::io::stderr().is_terminal()
        && !(to_stdout && std::io::stdout().is_terminal())
}

/// A progress bar on stderr for work that prints nothing until it ends
/// (training): drawn when stderr is a terminal and `--quiet` was not given.
pub fn progress_bar(len: u64, what: &str) -> indicatif::ProgressBar {
    if !progress_wanted(Some(&PathBuf::from("(not stdout)"))) {
        return indicatif::ProgressBar::hidden();
    }
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

/// Progress over article inputs: bytes read of the total (or, on stdin, a
/// count) with the rate, and articles done; cleared before the command ends.
pub struct ArticleProgress {
    bar: indicatif::ProgressBar,
    bytes: std::sync::Arc<std::sync::atomic::AtomicU64>,
    articles: u64,
}

impl ArticleProgress {
    /// Progress for `reader` over `inputs`, shown only when [`progress_wanted`].
    pub fn new(
        what: &str,
        inputs: &[stance::articles::Input],
        reader: &stance::articles::ArticleReader,
        output: Option<&PathBuf>,
    ) -> Self {
        let bar = if progress_wanted(output) {
            let total = stance::articles::total_bytes(inputs);
            let bar = indicatif::ProgressBar::with_draw_target(
                total,
                indicatif::ProgressDrawTarget::stderr(),
            );
            let template = if total.is_some() {
                "{prefix} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {msg} eta {eta}"
            } else {
                "{prefix} {spinner} {bytes} {bytes_per_sec} {msg}"
            };
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_prefix(what.to_owned());
            bar
        } else {
            indicatif::ProgressBar::hidden()
        };
        ArticleProgress {
            bar,
            bytes: reader.bytes_read(),
            articles: 0,
        }
    }

    /// One more article done.
    pub fn article(&mut self) {
        self.articles += 1;
        if !self.bar.is_hidden() {
            self.bar
                .set_position(self.bytes.load(std::sync::atomic::Ordering::Relaxed));
            let rate = self.articles as f64 / self.bar.elapsed().as_secs_f64().max(1e-3);
            self.bar
                .set_message(format!("{} articles ({rate:.0}/s)", self.articles));
        }
    }

    /// Prints a line on stderr without tearing the bar.
    pub fn println(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Clears the bar (before the summary and any output on the terminal).
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
