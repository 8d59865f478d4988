//! Measures a model's labels on annotated sets, the way the stance issue
//! measures them: statement CSVs (`text`, `label` columns) and folders of
//! gold-annotated articles (`NAME.txt` + `NAME.gold.jsonl`).
//!
//! For articles it reports, per gold statement, the label the model gives
//! the sentence that holds the statement ("own sentence"), and the label of
//! the statement `stance score` extracts around it ("extracted"), with
//! neutral recall (statements without a stance that were labelled neutral)
//! and accuracy on the statements with a stance.
//!
//! ```text
//! cargo run --release --example stance_eval -- [--model M.json] data/test.csv tests/fixtures/blind-wire-1
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use stance::Model;
use stance::corpus::{Columns, read_csv};
use stance::extract::gold::{match_gold, read_gold};
use stance::extract::{extract, sentence_spans};

const LABELS: [&str; 4] = ["conciliatory", "sceptical", "hawkish", "neutral"];

/// Gold and predicted labels of one measurement.
#[derive(Default)]
struct Tally {
    pairs: Vec<(String, String)>,
}

impl Tally {
    fn add(&mut self, gold: &str, predicted: &str) {
        self.pairs.push((gold.to_owned(), predicted.to_owned()));
    }

    fn line(&self, name: &str) -> String {
        let n = self.pairs.len();
        if n == 0 {
            return format!("{name:<34} n=0");
        }
        let right = self.pairs.iter().filter(|(g, p)| g == p).count();
        let stance: Vec<_> = self.pairs.iter().filter(|(g, _)| g != "neutral").collect();
        let stance_right = stance.iter().filter(|(g, p)| g == p).count();
        let neutral: Vec<_> = self.pairs.iter().filter(|(g, _)| g == "neutral").collect();
        let neutral_right = neutral.iter().filter(|(g, p)| g == p).count();
        format!(
            "{name:<34} n={n:<4} acc {:.3}  macroF1 {:.3}  stance-acc {:.3} ({}/{})  neutral-recall {} ({}/{})",
            right as f64 / n as f64,
            self.macro_f1(),
            ratio(stance_right, stance.len()),
            stance_right,
            stance.len(),
            if neutral.is_empty() {
                "-".to_string()
            } else {
                format!("{:.3}", ratio(neutral_right, neutral.len()))
            },
            neutral_right,
            neutral.len()
        )
    }

    /// Macro-F1 over the gold labels present.
    fn macro_f1(&self) -> f64 {
        let present: Vec<&str> = LABELS
            .iter()
            .copied()
            .filter(|l| self.pairs.iter().any(|(g, _)| g == l))
            .collect();
        let f1s: Vec<f64> = present
            .iter()
            .map(|l| {
                let tp = self.pairs.iter().filter(|(g, p)| g == l && p == l).count();
                let predicted = self.pairs.iter().filter(|(_, p)| p == l).count();
                let support = self.pairs.iter().filter(|(g, _)| g == l).count();
                let (pr, rc) = (ratio(tp, predicted), ratio(tp, support));
                if pr + rc == 0.0 {
                    0.0
                } else {
                    2.0 * pr * rc / (pr + rc)
                }
            })
            .collect();
        f1s.iter().sum::<f64>() / f1s.len().max(1) as f64
    }

    fn confusion(&self) -> String {
        let mut out = format!("    {:>13}", "gold \\ model");
        for p in LABELS {
            out.push_str(&format!(" {:>6.6}", p));
        }
        for g in LABELS {
            if !self.pairs.iter().any(|(x, _)| x == g) {
                continue;
            }
            out.push_str(&format!("\n    {g:>13}"));
            for p in LABELS {
                let n = self.pairs.iter().filter(|(x, y)| x == g && y == p).count();
                out.push_str(&format!(" {n:>6}"));
            }
        }
        out
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn label_of(model: &Model, p: &[f64]) -> String {
    let best = (0..p.len())
        .max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    model.labels()[best].clone()
}

fn statements_set(model: &Model, path: &Path, confusion: bool) -> Result<(), String> {
    let columns = Columns {
        text: "text".into(),
        label: Some("label".into()),
        id: None,
    };
    let corpus = read_csv(path, &columns).map_err(|e| e.to_string())?;
    let mut tally = Tally::default();
    for e in &corpus.examples {
        tally.add(&e.label, &label_of(model, &model.predict_proba(&e.text)));
    }
    println!("{}", tally.line(&path.display().to_string()));
    if confusion {
        println!("{}", tally.confusion());
    }
    Ok(())
}

fn articles_set(model: &Model, dir: &Path, confusion: bool) -> Result<(), String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let (mut own, mut extracted) = (Tally::default(), Tally::default());
    let mut unfound = 0;
    for txt in files {
        let article =
            std::fs::read_to_string(&txt).map_err(|e| format!("{}: {e}", txt.display()))?;
        let gold = read_gold(&txt.with_extension("gold.jsonl")).map_err(|e| e.to_string())?;
        let sentences = sentence_spans(&article);
        let statements = extract(&article);
        let matched = match_gold(&article, &statements, &gold);
        for (g, m) in gold.iter().zip(matched) {
            let at = article.find(&g.quote).unwrap_or(0);
            // The sentence holding the quote; a quote over two sentences takes both.
            let end = at + g.quote.len();
            let covering: Vec<_> = sentences
                .iter()
                .filter(|s| s.start < end && at < s.end)
                .collect();
            if let (Some(first), Some(last)) = (covering.first(), covering.last()) {
                let text = &article[first.start..last.end];
                own.add(&g.label, &label_of(model, &model.predict_proba(text)));
            }
            match m {
                Some(i) => {
                    let p = model.predict_statement(&article, &statements[i]);
                    extracted.add(&g.label, &label_of(model, &p));
                }
                None => unfound += 1,
            }
        }
    }
    let name = dir.display().to_string();
    println!("{}", own.line(&format!("{name} [own sentence]")));
    if confusion {
        println!("{}", own.confusion());
    }
    println!("{}", extracted.line(&format!("{name} [extracted]")));
    if confusion {
        println!("{}", extracted.confusion());
    }
    println!("    (gold statements not extracted: {unfound})");
    Ok(())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    let mut model_path: Option<PathBuf> = None;
    let mut confusion = false;
    let mut sets = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--model" => model_path = args.next().map(PathBuf::from),
            "--confusion" => confusion = true,
            _ => sets.push(PathBuf::from(a)),
        }
    }
    if sets.is_empty() {
        eprintln!("usage: stance_eval [--model M.json] [--confusion] SET...");
        return ExitCode::FAILURE;
    }
    let model = match &model_path {
        Some(p) => Model::load(p),
        None => Model::embedded().cloned(),
    };
    let model = match model {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for set in sets {
        let result = if set.is_dir() {
            articles_set(&model, &set, confusion)
        } else {
            statements_set(&model, &set, confusion)
        };
        if let Err(e) = result {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
