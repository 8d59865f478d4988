//! `stance synth`: seeded synthetic data for measuring scale.

use std::path::PathBuf;
use std::process::ExitCode;

use stance::rng::SplitMix64;
use stance::synth;

/// Arguments of `stance synth`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// A labelled CSV (`id,text,label`) of N statements.
    Statements {
        /// Number of rows.
        #[arg(long)]
        rows: usize,
        /// Seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file (default: stdout).
        #[arg(long, visible_alias = "out")]
        output: Option<PathBuf>,
    },
    /// A JSONL article collection (`id`, `text`, `date`) of about MB megabytes.
    Articles {
        /// Total size in megabytes of article text.
        #[arg(long)]
        mb: f64,
        /// Size of each article in bytes.
        #[arg(long, default_value_t = 4000)]
        article_bytes: usize,
        /// Seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file (default: stdout).
        #[arg(long, visible_alias = "out")]
        output: Option<PathBuf>,
    },
}

/// Runs `stance synth`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Statements { rows, seed, output } => {
            super::with_output(output.as_ref(), |w| {
                let mut rng = SplitMix64::new(seed);
                writeln!(w, "id,text,label")?;
                for i in 0..rows {
                    let (text, label) = synth::statement(&mut rng);
                    writeln!(w, "s{i},\"{}\",{label}", text.replace('"', "\"\""))?;
                }
                Ok(())
            })?;
        }
        What::Articles {
            mb,
            article_bytes,
            seed,
            output,
        } => {
            if !(mb > 0.0 && mb.is_finite()) || article_bytes == 0 {
                anyhow::bail!("--mb and --article-bytes must be positive");
            }
            super::with_output(output.as_ref(), |w| {
                let mut rng = SplitMix64::new(seed);
                let total = (mb * 1024.0 * 1024.0) as usize;
                let mut written = 0;
                let mut i = 0;
                while written < total {
                    let text = synth::article(&mut rng, article_bytes);
                    written += text.len();
                    let day = 1 + i % 28;
                    let month = 1 + (i / 28) % 12;
                    let line = serde_json::json!({
                        "id": format!("a{i}"),
                        "date": format!("2026-{month:02}-{day:02}"),
                        "text": text,
                    });
                    writeln!(w, "{line}")?;
                    i += 1;
                }
                Ok(())
            })?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
