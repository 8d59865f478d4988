//! Lists, for one folder of gold-annotated articles, every annotated
//! statement that extraction misses, merges or gives another speaker, next
//! to what extraction produced: the working view behind extraction_eval.
//!
//! ```text
//! cargo run --release --example extraction_diff -- tests/fixtures/eval-articles
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use stance::extract::extract;
use stance::extract::gold::{match_gold, read_gold, same_speaker};

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: extraction_diff DIR");
        return ExitCode::FAILURE;
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{}: cannot read the folder", dir.display());
        return ExitCode::FAILURE;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for txt in files {
        let (Ok(article), Ok(gold)) = (
            std::fs::read_to_string(&txt),
            read_gold(&txt.with_extension("gold.jsonl")),
        ) else {
            eprintln!("skipping {}", txt.display());
            continue;
        };
        let statements = extract(&article);
        let matched = match_gold(&article, &statements, &gold);
        println!("== {}", txt.display());
        let mut seen = vec![false; statements.len()];
        for (g, m) in gold.iter().zip(&matched) {
            match m {
                None => {
                    println!(
                        "  MISSED  {} [{}] {:?}",
                        g.kind.as_deref().unwrap_or("?"),
                        g.speaker,
                        g.quote
                    );
                    if let Some(line) = around(&article, &g.quote) {
                        println!("          in {line:?}");
                    }
                }
                Some(i) => {
                    let s = &statements[*i];
                    let got = s.speaker.as_deref().unwrap_or("<none>");
                    let merged = std::mem::replace(&mut seen[*i], true);
                    if merged {
                        println!(
                            "  MERGED  {} [{}] {:?}",
                            g.kind.as_deref().unwrap_or("?"),
                            g.speaker,
                            g.quote
                        );
                        println!("          into [{}] {:?}", got, &article[s.start..s.end]);
                    }
                    if !same_speaker(got, &g.speaker) {
                        println!(
                            "  SPEAKER {} gold [{}] got [{}] in {:?}",
                            g.kind.as_deref().unwrap_or("?"),
                            g.speaker,
                            got,
                            &article[s.start..s.end]
                        );
                    }
                }
            }
        }
        for (i, s) in statements.iter().enumerate() {
            if !matched.contains(&Some(i)) {
                println!(
                    "  EXTRA   [{}] {:?}",
                    s.speaker.as_deref().unwrap_or("<none>"),
                    &article[s.start..s.end]
                );
            }
        }
    }
    ExitCode::SUCCESS
}

/// The line of `article` that holds `quote`, when it is there verbatim.
fn around<'a>(article: &'a str, quote: &str) -> Option<&'a str> {
    let at = article.find(quote.trim_matches(|c: char| c == '"' || c == ' '))?;
    let start = article[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = article[at..].find('\n').map_or(article.len(), |i| at + i);
    Some(&article[start..end])
}
