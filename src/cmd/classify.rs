//! `stance classify`: label statements.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use stance::corpus::Columns;
use stance::model::argmax;
use stance::output::{Cell, Format, RowWriter};

/// Arguments of `stance classify`.
#[derive(clap::Args)]
pub struct Args {
    /// Statements to label. With none and no --input, reads one per line from stdin.
    text: Vec<String>,
    /// A CSV of statements (column --text-column; an --id-column is carried
    /// through); `-` reads it from stdin.
    #[arg(long, conflicts_with = "text")]
    input: Option<PathBuf>,
    /// Column with the statement text in --input.
    #[arg(long, default_value = "text")]
    text_column: String,
    /// Column with a row id in --input (optional).
    #[arg(long, default_value = "id")]
    id_column: String,
    #[command(flatten)]
    model: super::ModelArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: FormatArg,
    /// Write here (atomically; `-` is stdout) instead of stdout.
    #[arg(long, visible_alias = "out")]
    output: Option<PathBuf>,
}

/// The row formats, shared by the commands that print rows.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    /// CSV with a header.
    Csv,
    /// One JSON object per line (`json` is accepted too).
    #[value(alias = "json")]
    Jsonl,
    /// Aligned columns.
    Table,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Csv => Format::Csv,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Table => Format::Table,
        }
    }
}

/// Runs `stance classify`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let model = args.model.load()?;
    let (ids, texts): (Option<Vec<String>>, Vec<String>) = if let Some(path) = &args.input {
        let columns = Columns {
            text: args.text_column.clone(),
            label: None,
            id: Some(args.id_column.clone()),
        };
        let corpus = super::read_labelled(path, &columns)?;
        (
            corpus.ids,
            corpus.examples.into_iter().map(|e| e.text).collect(),
        )
    } else if !args.text.is_empty() {
        (None, args.text.clone())
    } else {
        let mut texts = Vec::new();
        for (i, line) in std::io::stdin().lock().lines().enumerate() {
            let line = line.with_context(|| format!("reading stdin line {}", i + 1))?;
            if !line.trim().is_empty() {
                texts.push(line.trim().to_owned());
            }
        }
        (None, texts)
    };
    let probs: Vec<Vec<f64>> = texts.par_iter().map(|t| model.predict_proba(t)).collect();
    let labels = model.labels();
    let mut columns: Vec<String> = Vec::new();
    if ids.is_some() {
        columns.push("id".into());
    }
    columns.extend(["text", "label", "confidence"].map(String::from));
    columns.extend(labels.iter().map(|l| format!("p_{l}")));
    super::with_output(args.output.as_ref(), |w| {
        let mut rows = RowWriter::new(args.format.into(), columns, w);
        for (i, (text, p)) in texts.iter().zip(&probs).enumerate() {
            let best = argmax(p);
            let mut cells = Vec::new();
            if let Some(ids) = &ids {
                cells.push(Cell::Str(ids[i].clone()));
            }
            cells.push(Cell::Str(text.clone()));
            cells.push(Cell::Str(labels[best].clone()));
            cells.push(Cell::Num(p[best]));
            cells.extend(p.iter().map(|&x| Cell::Num(x)));
            rows.row(&cells)?;
        }
        rows.finish()
    })?;
    Ok(ExitCode::SUCCESS)
}
