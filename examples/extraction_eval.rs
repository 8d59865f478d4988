//! Prints statement recall, speaker accuracy and merged statements (two
//! annotated statements inside one extracted statement) of extraction on
//! folders of gold-annotated articles (`NAME.txt` + `NAME.gold.jsonl`), for
//! each article, each folder, and each annotated `kind` of statement
//! (direct, indirect, reported, headline, ...) in a folder.
//!
//! With `--min-recall R` or `--min-speaker S`, exits with status 1 when a
//! folder's recall or speaker accuracy falls below the bound, so CI can
//! guard a set; unreadable input exits with status 2.
//!
//! ```text
//! cargo run --release --example extraction_eval -- tests/fixtures/eval-articles tests/fixtures/blind-articles
//! cargo run --release --example extraction_eval -- --min-recall 0.95 --min-speaker 0.9 tests/fixtures/eval-articles
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use stance::extract::extract;
use stance::extract::gold::{GoldScore, read_gold, score_gold, score_gold_by_kind};

const USAGE: &str = "usage: extraction_eval [--min-recall R] [--min-speaker S] DIR...";

/// The command line: folders and the optional bounds.
struct Args {
    dirs: Vec<PathBuf>,
    min_recall: Option<f64>,
    min_speaker: Option<f64>,
}

fn parse_bound(flag: &str, value: Option<String>) -> Result<f64, String> {
    let value = value.ok_or_else(|| format!("{flag} needs a value between 0 and 1"))?;
    match value.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!(
            "{flag} {value:?}: expected a number between 0 and 1"
        )),
    }
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        dirs: Vec::new(),
        min_recall: None,
        min_speaker: None,
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        // "--flag value" or "--flag=value".
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_string(), Some(value.into())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "--min-recall" => {
                let value = inline.or_else(|| args.next());
                parsed.min_recall = Some(parse_bound("--min-recall", value)?);
            }
            "--min-speaker" => {
                let value = inline.or_else(|| args.next());
                parsed.min_speaker = Some(parse_bound("--min-speaker", value)?);
            }
            _ if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => parsed.dirs.push(PathBuf::from(arg)),
        }
    }
    if parsed.dirs.is_empty() {
        return Err("no folder given".into());
    }
    Ok(parsed)
}

/// One folder's scores, whole and by kind.
fn evaluate(dir: &Path) -> Result<(GoldScore, BTreeMap<String, GoldScore>), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .txt articles", dir.display()));
    }
    let mut total = GoldScore::default();
    let mut by_kind: BTreeMap<String, GoldScore> = BTreeMap::new();
    for txt in files {
        let article =
            std::fs::read_to_string(&txt).map_err(|e| format!("{}: {e}", txt.display()))?;
        let gold = read_gold(&txt.with_extension("gold.jsonl")).map_err(|e| e.to_string())?;
        let statements = extract(&article);
        let s = score_gold(&article, &statements, &gold);
        let name = txt.file_stem().unwrap_or_default().to_string_lossy();
        println!(
            "{:<40} {:>5} {:>6} {:>8} {:>7} {:>10} {:>10}",
            name, s.gold, s.found, s.right_speaker, s.merged, s.extracted, s.unmatched
        );
        total.add(s);
        for (kind, score) in score_gold_by_kind(&article, &statements, &gold) {
            by_kind.entry(kind).or_default().add(score);
        }
    }
    Ok((total, by_kind))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("extraction_eval: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    println!(
        "{:<40} {:>5} {:>6} {:>8} {:>7} {:>10} {:>10}",
        "article", "gold", "found", "speaker", "merged", "extracted", "unmatched"
    );
    let mut below = Vec::new();
    for dir in &args.dirs {
        let (total, by_kind) = match evaluate(dir) {
            Ok(scores) => scores,
            Err(e) => {
                eprintln!("extraction_eval: {e}");
                return ExitCode::from(2);
            }
        };
        println!(
            "{}: recall {}/{} = {:.3}, speaker accuracy {}/{} = {:.3}, merged {}, unmatched extractions {}/{}",
            dir.display(),
            total.found,
            total.gold,
            total.recall(),
            total.right_speaker,
            total.found,
            total.speaker_accuracy(),
            total.merged,
            total.unmatched,
            total.extracted
        );
        for (kind, s) in &by_kind {
            println!(
                "  {:<12} recall {:>3}/{:<3} = {:.3}, speaker {:>3}/{:<3} = {:.3}, merged {}",
                kind,
                s.found,
                s.gold,
                s.recall(),
                s.right_speaker,
                s.found,
                s.speaker_accuracy(),
                s.merged
            );
        }
        println!();
        let bounds = [
            ("recall", args.min_recall, total.recall()),
            (
                "speaker accuracy",
                args.min_speaker,
                total.speaker_accuracy(),
            ),
        ];
        for (what, min, got) in bounds {
            if let Some(min) = min
                && got < min
            {
                below.push(format!("{}: {what} {got:.3} < {min}", dir.display()));
            }
        }
    }
    for line in &below {
        eprintln!("extraction_eval: below the bound: {line}");
    }
    if below.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
