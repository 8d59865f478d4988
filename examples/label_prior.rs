//! A model with and without label priors on annotated sets: how the prior of
//! `stance train --label-mix` was chosen (data/README.md, "The label mix").
//! Real-news article folders given with `--real` are pooled (their figures
//! and the confusion over all of them); `--eval` sets are measured one by
//! one. Aggregate figures only: no statement is printed.
//!
//! ```text
//! cargo run --release --example label_prior -- --model m.json \
//!     --real DIR --real DIR --eval tests/fixtures/blind-stance-1.csv \
//!     --mix none --mix conciliatory=0.31,sceptical=0.21,hawkish=0.31,neutral=0.17
//! ```
//!
//! `--save DIR` writes the model with each prior as `DIR/prior-N.json`
//! (N the mix's place on the command line), for `examples/paired.rs`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use stance::corpus::{Columns, read_csv};
use stance::measure::{LabelPairs, gold_articles, statements};
use stance::model::{LabelPrior, Model};

fn parse_mix(model: &Model, spec: &str) -> Result<Option<LabelPrior>, String> {
    if spec == "none" {
        return Ok(None);
    }
    let mut mix = BTreeMap::new();
    for part in spec.split(',') {
        let (l, v) = part
            .split_once('=')
            .ok_or(format!("bad mix part '{part}'"))?;
        let v: f64 = v.parse().map_err(|_| format!("bad share '{part}'"))?;
        mix.insert(l.to_owned(), v);
    }
    let sum: f64 = mix.values().sum();
    let k = model.labels().len();
    let target = model
        .labels()
        .iter()
        .map(|l| {
            mix.get(l)
                .map(|v| v / sum)
                .ok_or(format!("no share for {l}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    // The default recipe balances classes, so training saw a uniform mix.
    Ok(Some(LabelPrior {
        trained: vec![1.0 / k as f64; k],
        target,
    }))
}

fn figures(pairs: &LabelPairs, labels: &[String]) -> String {
    let m = pairs.metrics(labels);
    let n = |l: &str| pairs.gold.iter().filter(|g| *g == l).count();
    let right = |l: &str| {
        pairs
            .gold
            .iter()
            .zip(&pairs.predicted)
            .filter(|(g, p)| *g == l && *p == l)
            .count()
    };
    let predicted_neutral = pairs.predicted.iter().filter(|p| *p == "neutral").count();
    let correct = pairs
        .gold
        .iter()
        .zip(&pairs.predicted)
        .filter(|(g, p)| g == p)
        .count();
    format!(
        "acc {:.3} ({correct:3}/{:3}) F1 {:.3} neutral {:2}/{:2} (predicted {:3}) ece {:.3}",
        m.accuracy,
        pairs.len(),
        m.macro_f1,
        right("neutral"),
        n("neutral"),
        predicted_neutral,
        pairs.calibration().ece
    )
}

fn confusion(pairs: &LabelPairs, labels: &[String]) -> String {
    let m = pairs.metrics(labels);
    let mut out = format!("    {:>13}", "gold \\ model");
    for l in &m.labels {
        out += &format!(" {:>12}", l);
    }
    for (g, row) in m.labels.iter().zip(&m.confusion) {
        out += &format!("\n    {g:>13}");
        for v in row {
            out += &format!(" {v:>12}");
        }
    }
    out
}

fn main() -> ExitCode {
    let (mut model, mut real, mut evals, mut mixes, mut save) = (
        None,
        Vec::<PathBuf>::new(),
        Vec::<PathBuf>::new(),
        Vec::new(),
        None,
    );
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        match (flag.as_str(), args.next()) {
            ("--model", Some(v)) => model = Some(PathBuf::from(v)),
            ("--real", Some(v)) => real.push(v.into()),
            ("--eval", Some(v)) => evals.push(v.into()),
            ("--mix", Some(v)) => mixes.push(v),
            ("--save", Some(v)) => save = Some(PathBuf::from(v)),
            _ => {
                eprintln!(
                    "usage: label_prior [--model M] [--real DIR]... [--eval PATH]... --mix SPEC... [--save DIR]"
                );
                return ExitCode::FAILURE;
            }
        }
    }
    let base = match model {
        Some(p) => match Model::load(&p) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        },
        None => Model::embedded().expect("embedded model").clone(),
    };
    let columns = Columns {
        text: "text".into(),
        label: Some("label".into()),
        id: None,
    };
    for (i, spec) in mixes.iter().enumerate() {
        let model = match parse_mix(&base, spec)
            .and_then(|p| base.clone().with_label_prior(p).map_err(|e| e.to_string()))
        {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{spec}: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Some(dir) = &save
            && let Err(e) = model.save(&dir.join(format!("prior-{i}.json")))
        {
            eprintln!("{e}");
        }
        let labels = model.labels().to_vec();
        println!("== {spec}");
        if !real.is_empty() {
            let (mut extracted, mut sentence) = (LabelPairs::default(), LabelPairs::default());
            for dir in &real {
                match gold_articles(&model, dir) {
                    Ok(g) => {
                        extracted.gold.extend(g.extracted.gold);
                        extracted.predicted.extend(g.extracted.predicted);
                        extracted.confidence.extend(g.extracted.confidence);
                        sentence.gold.extend(g.own_sentence.gold);
                        sentence.predicted.extend(g.own_sentence.predicted);
                        sentence.confidence.extend(g.own_sentence.confidence);
                    }
                    Err(e) => {
                        eprintln!("{}: {e}", dir.display());
                        return ExitCode::FAILURE;
                    }
                }
            }
            println!("  real extracted  {}", figures(&extracted, &labels));
            println!("  real sentence   {}", figures(&sentence, &labels));
            println!("{}", confusion(&extracted, &labels));
        }
        for set in &evals {
            let name = set.display().to_string();
            let pairs = if set.is_dir() {
                gold_articles(&model, set).map(|g| g.extracted)
            } else {
                read_csv(set, &columns).map(|c| statements(&model, &c))
            };
            match pairs {
                Ok(p) => println!("  {name:<36} {}", figures(&p, &labels)),
                Err(e) => eprintln!("  {name}: {e}"),
            }
        }
    }
    ExitCode::SUCCESS
}
