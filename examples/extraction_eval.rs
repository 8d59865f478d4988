//! Prints statement recall, speaker accuracy and merged statements (two
//! annotated statements inside one extracted statement) of extraction on
//! folders of gold-annotated articles (`NAME.txt` + `NAME.gold.jsonl`).
//!
//! ```text
//! cargo run --release --example extraction_eval -- tests/fixtures/eval-articles tests/fixtures/blind-articles
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use stance::extract::extract;
use stance::extract::gold::{GoldScore, read_gold, score_gold};

fn main() -> ExitCode {
    let dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        eprintln!("usage: extraction_eval DIR...");
        return ExitCode::FAILURE;
    }
    println!(
        "{:<40} {:>5} {:>6} {:>8} {:>7} {:>10} {:>10}",
        "article", "gold", "found", "speaker", "merged", "extracted", "unmatched"
    );
    for dir in dirs {
        let mut total = GoldScore::default();
        let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect(),
            Err(e) => {
                eprintln!("{}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        };
        files.sort();
        for txt in files {
            let gold_path = txt.with_extension("gold.jsonl");
            let (Ok(article), Ok(gold)) = (std::fs::read_to_string(&txt), read_gold(&gold_path))
            else {
                eprintln!(
                    "skipping {}: unreadable article or gold file",
                    txt.display()
                );
                continue;
            };
            let s = score_gold(&article, &extract(&article), &gold);
            let name = txt.file_stem().unwrap_or_default().to_string_lossy();
            println!(
                "{:<40} {:>5} {:>6} {:>8} {:>7} {:>10} {:>10}",
                name, s.gold, s.found, s.right_speaker, s.merged, s.extracted, s.unmatched
            );
            total.add(s);
        }
        println!(
            "{}: recall {}/{} = {:.3}, speaker accuracy {}/{} = {:.3}, merged {}, unmatched extractions {}/{}\n",
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
    }
    ExitCode::SUCCESS
}
