//! Trains model variants on one corpus and measures each on annotated sets:
//! how the design of the default model is chosen (data/README.md, "Ablation").
//!
//! ```text
//! cargo run --release --example ablation -- --train data/quotes.csv \
//!     --eval data/test.csv --eval tests/fixtures/blind-stance-1.csv \
//!     --eval tests/fixtures/blind-wire-1 \
//!     --variant base --variant said,cues,scopes,max=100000
//! ```
//!
//! A variant is a comma-separated list: `said`, `cues`, `scopes` (tokenizer
//! scopes), `scopewords`, `roles` (cue roles), `valence` (VADER valence buckets), `unseen` (the words' buckets for words outside the vocabulary), `clusters=K`
//! and `uclusters=K` (word clusters of meaning, every word or only words
//! outside the vocabulary; K 256 or 1024), `mask` (mask names), `max=N` (feature cap),
//! `mindf=N`, `kinds` (the statement-kind feature), `absence` (`L:NONE`
//! without a stance cue), `nobalance` (no class balancing), `seed=N`, `cueweight=W`, `verbweight=W`, `scopeweight=W` (factors on
//! the cue, reporting-verb and scope-marked features), `alpha=A|B|C` (the CV grid), `folds=N`, `word=LO-HI`,
//! `char=LO-HI` (`0-0` for none). Every variant starts from the 3-label-era
//! design (`base`: the text as it is, word 1-2-grams, character 2-5-grams);
//! today's default is `said,char=0-0,cues,scopes`.
//! An `--eval` path that is a folder is read as gold-annotated articles.

use std::path::PathBuf;
use std::process::ExitCode;

use stance::corpus::{Columns, read_csv};
use stance::measure::{LabelPairs, gold_articles, statements};
use stance::train::TrainParams;

fn parse_range(v: &str) -> Result<(usize, usize), String> {
    let (a, b) = v.split_once('-').ok_or(format!("bad range '{v}'"))?;
    Ok((
        a.parse().map_err(|_| format!("bad range '{v}'"))?,
        b.parse().map_err(|_| format!("bad range '{v}'"))?,
    ))
}

fn params(spec: &str) -> Result<TrainParams, String> {
    // Every variant starts from the design of the 3-label model (the text as
    // it is, word 1-2-grams and character 2-5-grams) and adds what it names.
    let mut p = TrainParams {
        tokenizer: stance::tokenize::TokenizerParams::default(),
        features: stance::features::FeatureParams::default(),
        ..TrainParams::default()
    };
    for part in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let num = || {
            value
                .parse::<usize>()
                .map_err(|_| format!("bad number in '{part}'"))
        };
        match key {
            "base" => {}
            "said" => p.features.said = true,
            "cues" => p.features.cues = true,
            "scopes" => p.tokenizer.scopes = true,
            "scopewords" => p.features.scope_words = true,
            "roles" => p.features.cue_roles = true,
            "kinds" => p.features.kinds = true,
            "nobalance" => p.balance = false,
            "absence" => p.features.cue_absence = true,
            "seed" => p.seed = num()? as u64,
            "valence" => p.features.valence = stance::features::Valence::On,
            "unseen" => p.features.valence = stance::features::Valence::Unseen,
            "clusters" | "uclusters" => {
                use stance::features::{ClusterWords, Clusters};
                let words = if key == "clusters" {
                    ClusterWords::All
                } else {
                    ClusterWords::Unseen
                };
                p.features.clusters = Some(Clusters::new(words, num()? as u32));
            }
            "mask" => p.tokenizer.mask_names = true,
            "max" => p.features.max_features = num()?,
            "mindf" => p.features.min_df = num()?,
            "cueweight" | "verbweight" | "scopeweight" => {
                let w: f64 = value
                    .parse()
                    .map_err(|_| format!("bad weight in '{part}'"))?;
                match key {
                    "cueweight" => p.features.cue_weight = w,
                    "verbweight" => p.features.verb_weight = w,
                    _ => p.features.scope_weight = w,
                }
            }
            "folds" => p.folds = num()?,
            "word" => p.features.word_ngrams = parse_range(value)?,
            "char" => p.features.char_ngrams = parse_range(value)?,
            "alpha" => {
                p.alphas = value
                    .split('|')
                    .map(|a| a.parse().map_err(|_| format!("bad alpha in '{part}'")))
                    .collect::<Result<_, _>>()?
            }
            _ => return Err(format!("unknown variant setting '{part}'")),
        }
    }
    Ok(p)
}

/// macro-F1 / accuracy / accuracy on gold stance rows / neutral recall.
fn figures(pairs: &LabelPairs, labels: &[String]) -> String {
    let m = pairs.metrics(labels);
    let mut stance = (0, 0);
    let mut neutral = (0, 0);
    for (g, p) in pairs.gold.iter().zip(&pairs.predicted) {
        let slot = if g == "neutral" {
            &mut neutral
        } else {
            &mut stance
        };
        slot.1 += 1;
        slot.0 += usize::from(g == p);
    }
    let share = |(a, b): (usize, usize)| {
        if b == 0 {
            "  -  ".to_string()
        } else {
            format!("{:.3}", a as f64 / b as f64)
        }
    };
    format!(
        "F1 {:.3} acc {:.3} stance {} neutral {} ece {:.3} (n={})",
        m.macro_f1,
        m.accuracy,
        share(stance),
        share(neutral),
        pairs.calibration().ece,
        pairs.len()
    )
}

fn main() -> ExitCode {
    let mut train = None;
    let mut evals: Vec<PathBuf> = Vec::new();
    let mut variants: Vec<String> = Vec::new();
    let mut save: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--train", Some(v)) => train = Some(PathBuf::from(v)),
            ("--eval", Some(v)) => evals.push(v.into()),
            ("--variant", Some(v)) => variants.push(v),
            ("--save", Some(v)) => save = Some(v.into()),
            ("--dump-sentences", Some(v)) => {
                // The own sentences of gold articles as text,label CSVs, so
                // other classifiers can be measured on the same statements.
                let (dir, out) = v.split_once('=').unwrap_or((&v, "sentences.csv"));
                let rows = match stance::measure::gold_sentences(std::path::Path::new(dir)) {
                    Ok(r) => r,
                    Err(e) => {
                        eprintln!("{e}");
                        return ExitCode::FAILURE;
                    }
                };
                let mut w = match csv::Writer::from_path(out) {
                    Ok(w) => w,
                    Err(e) => {
                        eprintln!("{out}: {e}");
                        return ExitCode::FAILURE;
                    }
                };
                let _ = w.write_record(["text", "label"]);
                for (text, label) in rows {
                    let _ = w.write_record([text, label]);
                }
                let _ = w.flush();
                return ExitCode::SUCCESS;
            }
            _ => {
                eprintln!(
                    "usage: ablation --train FILE [--eval PATH]... --variant SPEC... [--save DIR]"
                );
                return ExitCode::FAILURE;
            }
        }
    }
    let Some(train) = train else {
        eprintln!("--train is required");
        return ExitCode::FAILURE;
    };
    let columns = Columns {
        text: "text".into(),
        label: Some("label".into()),
        id: None,
    };
    let corpus = match read_csv(&train, &columns) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for spec in &variants {
        let p = match params(spec) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        let started = std::time::Instant::now();
        let (model, report) = match p.fit(&corpus) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{spec}: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!(
            "== {spec}: cv macro-F1 {:.3}, alpha {}, {} features, {:.0}s",
            report.cv.macro_f1,
            report.alpha,
            model.vectorizer().len(),
            started.elapsed().as_secs_f64()
        );
        if let Some(dir) = &save {
            let name = spec.replace([',', '=', '|'], "_");
            if let Err(e) = model.save(&dir.join(format!("{name}.json"))) {
                eprintln!("{e}");
            }
        }
        for set in &evals {
            let name = set.display().to_string();
            if set.is_dir() {
                match gold_articles(&model, set) {
                    Ok(g) => {
                        println!(
                            "  {name:<40} extracted {}",
                            figures(&g.extracted, model.labels())
                        );
                        println!(
                            "  {name:<40} sentence  {}",
                            figures(&g.own_sentence, model.labels())
                        );
                    }
                    Err(e) => eprintln!("  {name}: {e}"),
                }
            } else {
                match read_csv(set, &columns) {
                    Ok(c) => println!(
                        "  {name:<40}           {}",
                        figures(&statements(&model, &c), model.labels())
                    ),
                    Err(e) => eprintln!("  {name}: {e}"),
                }
            }
        }
    }
    ExitCode::SUCCESS
}
