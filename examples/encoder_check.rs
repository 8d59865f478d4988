//! The shipped encoder against the Python model, outside the test suite:
//! token ids on every row of a file written by
//! `tests/fixtures/encoder/make_fixture.py --all OUT` (or its tokens.jsonl),
//! the largest embedding difference on rows that carry an "embedding"
//! (embeddings.jsonl), and texts per second on one thread and on two.
//!
//! ```text
//! /tmp/emb-venv/bin/python tests/fixtures/encoder/make_fixture.py --all /tmp/all.jsonl
//! cargo run --release --example encoder_check -- /tmp/all.jsonl \
//!     tests/fixtures/encoder/embeddings.jsonl
//! ```

use std::process::ExitCode;
use std::time::Instant;

use stance::encoder::Encoder;

fn main() -> ExitCode {
    let encoder = Encoder::shipped();
    let mut all_texts = Vec::new();
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: cannot read");
            return ExitCode::FAILURE;
        };
        let rows: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON row"))
            .collect();
        let (mut tokenized, mut mismatches, mut embedded, mut worst) = (0, 0, 0, 0.0f32);
        for row in &rows {
            let text = row["text"].as_str().expect("a text");
            all_texts.push(text.to_owned());
            if let Ok(ids) = serde_json::from_value::<Vec<u32>>(row["ids"].clone()) {
                tokenized += 1;
                if encoder.tokenize(text) != ids {
                    mismatches += 1;
                    println!("mismatch: {text:?}");
                }
            }
            if let Ok(expected) = serde_json::from_value::<Vec<f32>>(row["embedding"].clone()) {
                embedded += 1;
                let got = encoder.embed(text);
                for (a, b) in got.iter().zip(&expected) {
                    worst = worst.max((a - b).abs());
                }
            }
        }
        println!(
            "{path}: tokens {}/{tokenized} equal; {embedded} embeddings, largest difference {worst:.2e}",
            tokenized - mismatches
        );
        failed |= mismatches > 0;
    }
    let texts: Vec<&str> = all_texts.iter().map(String::as_str).take(2000).collect();
    if !texts.is_empty() {
        let tokens: usize = texts
            .iter()
            .map(|t| encoder.tokenize(t).len().min(254) + 2)
            .sum();
        println!(
            "{} texts, {:.1} tokens each with [CLS] and [SEP]",
            texts.len(),
            tokens as f64 / texts.len() as f64
        );
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool");
            let (start, cpu) = (Instant::now(), cpu_seconds());
            let embeddings = pool.install(|| encoder.embed_all(&texts));
            let (seconds, cpu) = (start.elapsed().as_secs_f64(), cpu_seconds() - cpu);
            assert_eq!(embeddings.len(), texts.len());
            let n = texts.len() as f64;
            // Per CPU-second too: on a shared machine the wall rate is what
            // the other processes leave over.
            println!(
                "{threads} thread(s): {:.0} texts/s, {:.0} texts per CPU-second",
                n / seconds,
                n / cpu
            );
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// User and system CPU time of this process so far, from /proc (Linux; 0
/// elsewhere, and the per-CPU-second rate is then meaningless).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    // utime and stime are fields 14 and 15, in clock ticks of 1/100 s.
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}
