//! Does an article's context help the labels? For each model and each
//! setting of [`stance::context`], the statements `score` extracts from
//! gold-annotated articles are labelled with and without context, and
//! compared statement by statement (both right / only one / sign test), on
//! the real-news sets and the invented ones separately.
//!
//! ```text
//! cargo run --release --example context -- --model default --model seed7.json \
//!     --real /work/measure/rn6 --real /work/measure/rn7 \
//!     --invented tests/fixtures/blind-wire-1 ...
//! ```
//!
//! `default` is the embedded model; `off (the plain model)` is the first
//! line, each setting's ECE that of its labels. Figures and the conclusion
//! (the default: speaker 0.35 + article 0.2, linear) are in data/README.md,
//! "Context at inference". `--real` takes the real-news dev sets only, never
//! an untouched set.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use stance::context::{Context, Mix, with_context};
use stance::evaluate::Calibration;
use stance::extract::extract;
use stance::extract::gold::{match_gold, read_gold};
use stance::measure::gold_files;
use stance::model::{Model, argmax};

/// One article's extracted statements as the plain model saw them, and the
/// gold statements they hold.
struct Article {
    probabilities: Vec<Vec<f64>>,
    speakers: Vec<Option<String>>,
    /// (index of the extracted statement, gold label index or `None` for a
    /// label the model lacks).
    gold: Vec<(usize, Option<usize>)>,
}

fn read_set(model: &Model, dir: &Path) -> Result<Vec<Article>, String> {
    let mut out = Vec::new();
    for txt in gold_files(dir).map_err(|e| e.to_string())? {
        let text = std::fs::read_to_string(&txt).map_err(|e| format!("{}: {e}", txt.display()))?;
        let gold = read_gold(&txt.with_extension("gold.jsonl")).map_err(|e| e.to_string())?;
        let statements = extract(&text);
        let probabilities = statements
            .iter()
            .map(|s| model.predict_statement(&text, s))
            .collect();
        let gold = gold
            .iter()
            .zip(match_gold(&text, &statements, &gold))
            .filter_map(|(g, found)| {
                found.map(|i| (i, model.labels().iter().position(|l| *l == g.label)))
            })
            .collect();
        out.push(Article {
            probabilities,
            speakers: statements.into_iter().map(|s| s.speaker).collect(),
            gold,
        });
    }
    Ok(out)
}

/// Both right, only the plain model right, only the context right, neither;
/// and the confidence and rightness of each label with context.
#[derive(Default)]
struct Split([usize; 4], Vec<f64>, Vec<bool>);

impl Split {
    fn line(&self) -> String {
        let [both, plain, ctx, neither] = self.0;
        let n = both + plain + ctx + neither;
        format!(
            "{:>4}/{n:<4} ({:+3})  only plain {plain:3}  only context {ctx:3}  p {:.3}  ece {:.3}",
            both + ctx,
            ctx as i64 - plain as i64,
            sign_test(plain, ctx),
            Calibration::compute(&self.1, &self.2).ece
        )
    }
}

/// Two-sided exact binomial test of `a` against `b` at p = 1/2.
fn sign_test(a: usize, b: usize) -> f64 {
    let n = a + b;
    if n == 0 {
        return 1.0;
    }
    let ln_half_n = n as f64 * 0.5f64.ln();
    let (mut ln_choose, mut tail) = (0.0, 0.0);
    for i in 0..=a.min(b) {
        if i > 0 {
            ln_choose += ((n - i + 1) as f64).ln() - (i as f64).ln();
        }
        tail += (ln_choose + ln_half_n).exp();
    }
    (2.0 * tail).min(1.0)
}

fn split(articles: &[&Article], context: &Context) -> Split {
    let mut s = Split::default();
    for a in articles {
        let speakers: Vec<Option<&str>> = a.speakers.iter().map(Option::as_deref).collect();
        let mixed = with_context(&a.probabilities, &speakers, context);
        for &(i, gold) in &a.gold {
            let plain = Some(argmax(&a.probabilities[i])) == gold;
            let ctx = Some(argmax(&mixed[i])) == gold;
            s.1.push(mixed[i][argmax(&mixed[i])]);
            s.2.push(ctx);
            s.0[match (plain, ctx) {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (false, false) => 3,
            }] += 1;
        }
    }
    s
}

/// The settings measured.
fn grid(neutral: Option<usize>) -> Vec<(String, Context)> {
    let mut out = vec![("off (the plain model)".to_owned(), Context::OFF)];
    for keep in [None, neutral] {
        let tag = if keep.is_some() { " keep-neutral" } else { "" };
        for w in [0.2, 0.35, 0.5, 0.7] {
            let c = Context {
                speaker: w,
                keep,
                ..Context::OFF
            };
            out.push((format!("speaker linear {w}{tag}"), c));
        }
        for w in [0.25, 0.5, 1.0] {
            let mix = Mix::Geometric;
            let c = Context {
                speaker: w,
                keep,
                mix,
                ..Context::OFF
            };
            out.push((format!("speaker geometric {w}{tag}"), c));
        }
        for w in [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5] {
            let c = Context {
                article: w,
                keep,
                ..Context::OFF
            };
            out.push((format!("article linear {w}{tag}"), c));
        }
        for w in [0.25, 0.5, 1.0] {
            let mix = Mix::Geometric;
            let c = Context {
                article: w,
                keep,
                mix,
                ..Context::OFF
            };
            out.push((format!("article geometric {w}{tag}"), c));
        }
        for (sp, ar) in [(0.25, 0.25), (0.25, 0.5), (0.5, 0.25), (0.5, 0.5)] {
            let mix = Mix::Geometric;
            let c = Context {
                speaker: sp,
                article: ar,
                keep,
                mix,
            };
            out.push((format!("speaker {sp} + article {ar} geometric{tag}"), c));
        }
        for (sp, ar) in [
            (0.35, 0.1),
            (0.2, 0.2),
            (0.25, 0.2),
            (0.35, 0.15),
            (0.35, 0.2),
            (0.35, 0.25),
            (0.5, 0.2),
            (0.2, 0.3),
        ] {
            let c = Context {
                speaker: sp,
                article: ar,
                keep,
                ..Context::OFF
            };
            out.push((format!("speaker {sp} + article {ar} linear{tag}"), c));
        }
    }
    out
}

fn main() -> ExitCode {
    let (mut models, mut real, mut invented) = (Vec::new(), Vec::new(), Vec::new());
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        match (flag.as_str(), args.next()) {
            ("--model", Some(v)) => models.push(v),
            ("--real", Some(v)) => real.push(PathBuf::from(v)),
            ("--invented", Some(v)) => invented.push(PathBuf::from(v)),
            _ => {
                eprintln!("usage: context --model M... --real DIR... --invented DIR...");
                return ExitCode::FAILURE;
            }
        }
    }
    for name in &models {
        let model = if name == "default" {
            Model::embedded().cloned()
        } else {
            Model::load(Path::new(name))
        };
        let model = match model {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{name}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let read = |dirs: &[PathBuf]| -> Result<Vec<Vec<Article>>, String> {
            dirs.iter().map(|d| read_set(&model, d)).collect()
        };
        let (sets_r, sets_i) = match (read(&real), read(&invented)) {
            (Ok(r), Ok(i)) => (r, i),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        let r: Vec<&Article> = sets_r.iter().flatten().collect();
        let i: Vec<&Article> = sets_i.iter().flatten().collect();
        // How many gold statements have a speaker with another statement.
        let shared = |set: &[&Article]| {
            set.iter()
                .flat_map(|a| {
                    a.gold.iter().map(move |&(i, _)| {
                        a.speakers[i].is_some()
                            && a.speakers.iter().filter(|s| **s == a.speakers[i]).count() > 1
                    })
                })
                .filter(|&x| x)
                .count()
        };
        println!(
            "== model {name}: real statements with a repeated speaker {}, invented {}",
            shared(&r),
            shared(&i)
        );
        let neutral = model.labels().iter().position(|l| l == "neutral");
        println!("{:<48} {:<62} invented", "setting", "real");
        let by_set = |sets: &[Vec<Article>], c: &Context| {
            sets.iter()
                .map(|s| {
                    let [_, plain, ctx, _] = split(&s.iter().collect::<Vec<_>>(), c).0;
                    format!("{:+}", ctx as i64 - plain as i64)
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        for (label, c) in grid(neutral) {
            println!(
                "{label:<48} {}  {}  by set: real {} invented {}",
                split(&r, &c).line(),
                split(&i, &c).line(),
                by_set(&sets_r, &c),
                by_set(&sets_i, &c)
            );
        }
    }
    ExitCode::SUCCESS
}
