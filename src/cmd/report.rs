//! `stance report` (placeholder).

use std::process::ExitCode;

/// Arguments of `stance report`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `stance report`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
