//! How a model does by statement kind (direct / indirect / reported /
//! headline, as extraction reads each statement) on gold articles, and how
//! the corpus's kinds read through extraction split by label. Aggregate
//! counts only: no statement is printed.
//!
//! ```text
//! cargo run --release --example kind_mix -- [--model M] [--corpus data/quotes.csv] DIR...
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;

use stance::context::Context;
use stance::corpus::{Columns, read_csv};
use stance::extract::extract;
use stance::extract::gold::{match_gold, read_gold};
use stance::measure::gold_files;
use stance::model::{Model, argmax};
use stance::score::statement_probabilities;

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut model_path, mut corpus, mut dirs) = (None, None, Vec::new());
    while let Some(a) = args.next() {
        match a.as_str() {
            "--model" => model_path = args.next().map(PathBuf::from),
            "--corpus" => corpus = args.next().map(PathBuf::from),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    let model = &*Model::load_or_embedded(model_path.as_deref()).expect("model");
    let labels = model.labels();
    // kind -> (n, right, gold neutral, neutral right, predicted neutral, gold per label)
    let mut by_kind: BTreeMap<String, [usize; 5]> = BTreeMap::new();
    let mut gold_mix: BTreeMap<(String, String), usize> = BTreeMap::new();
    for dir in &dirs {
        for txt in gold_files(dir).expect("gold articles") {
            let article = std::fs::read_to_string(&txt).expect("txt");
            let gold = read_gold(&txt.with_extension("gold.jsonl")).expect("gold");
            let statements = extract(&article);
            let (probs, _) =
                statement_probabilities(model, None, &article, &statements, &Context::DEFAULT);
            for (g, found) in gold.iter().zip(match_gold(&article, &statements, &gold)) {
                let Some(i) = found else { continue };
                let kind = statements[i].kind.as_str().to_owned();
                let kind = if statements[i].verb.is_none() {
                    format!("{kind} (no verb)")
                } else {
                    kind
                };
                let predicted = &labels[argmax(&probs[i])];
                let e = by_kind.entry(kind.clone()).or_default();
                e[0] += 1;
                e[1] += usize::from(*predicted == g.label);
                e[2] += usize::from(g.label == "neutral");
                e[3] += usize::from(g.label == "neutral" && *predicted == g.label);
                e[4] += usize::from(predicted == "neutral");
                *gold_mix.entry((kind, g.label.clone())).or_default() += 1;
            }
        }
    }
    println!("articles, extracted statements by kind:");
    for (kind, [n, right, gn, nr, pn]) in &by_kind {
        let mix: Vec<String> = labels
            .iter()
            .map(|l| {
                let c = gold_mix
                    .get(&(kind.clone(), l.clone()))
                    .copied()
                    .unwrap_or(0);
                format!("{l} {c}")
            })
            .collect();
        println!(
            "  {kind:<22} n {n:4} acc {:.3} neutral {nr}/{gn} predicted neutral {pn}  gold: {}",
            *right as f64 / (*n).max(1) as f64,
            mix.join(", ")
        );
    }
    if let Some(path) = corpus {
        let columns = Columns {
            text: "text".into(),
            label: Some("label".into()),
            id: None,
        };
        let c = read_csv(&path, &columns).expect("corpus");
        let mut mix: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for e in &c.examples {
            let statements = extract(&e.text);
            let kind = match statements.first() {
                Some(s) if s.verb.is_none() => format!("{} (no verb)", s.kind.as_str()),
                Some(s) => s.kind.as_str().to_owned(),
                None => "none".to_owned(),
            };
            *mix.entry(kind)
                .or_default()
                .entry(e.label.clone())
                .or_default() += 1;
        }
        println!("corpus rows by the kind extraction reads:");
        for (kind, m) in mix {
            let n: usize = m.values().sum();
            println!("  {kind:<22} n {n:5}  {m:?}");
        }
    }
}
