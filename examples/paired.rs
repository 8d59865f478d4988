//! Two models on the same annotated statements, statement by statement: how
//! many only one of them labels right, and the exact sign-test p-value of
//! that split. Small sets make "A is 2 points better" mostly noise; this
//! says how much.
//!
//! ```text
//! cargo run --release --example paired -- --a old.json --b new.json \
//!     --eval tests/fixtures/blind-stance-1.csv --eval tests/fixtures/blind-wire-1
//! ```
//!
//! A folder is read as gold-annotated articles (the statements `score`
//! extracts; both models see the same ones), a file as a labelled CSV.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use stance::corpus::{Columns, read_csv};
use stance::measure::{LabelPairs, gold_articles, statements};
use stance::model::Model;

/// Both right, only `a` right, only `b` right, neither.
#[derive(Default, Clone, Copy)]
struct Split {
    both: usize,
    only_a: usize,
    only_b: usize,
    neither: usize,
}

impl Split {
    fn of(a: &LabelPairs, b: &LabelPairs) -> Split {
        let mut s = Split::default();
        for ((g, pa), pb) in a.gold.iter().zip(&a.predicted).zip(&b.predicted) {
            match (g == pa, g == pb) {
                (true, true) => s.both += 1,
                (true, false) => s.only_a += 1,
                (false, true) => s.only_b += 1,
                (false, false) => s.neither += 1,
            }
        }
        s
    }

    fn add(&mut self, o: Split) {
        self.both += o.both;
        self.only_a += o.only_a;
        self.only_b += o.only_b;
        self.neither += o.neither;
    }

    fn line(&self) -> String {
        let n = self.both + self.only_a + self.only_b + self.neither;
        format!(
            "n {n:4}  a {:.3}  b {:.3}  only a {:3}  only b {:3}  sign test p {:.3}",
            (self.both + self.only_a) as f64 / n.max(1) as f64,
            (self.both + self.only_b) as f64 / n.max(1) as f64,
            self.only_a,
            self.only_b,
            sign_test(self.only_a, self.only_b)
        )
    }
}

/// Two-sided exact binomial test of `k` against `n - k` at p = 1/2.
fn sign_test(a: usize, b: usize) -> f64 {
    let n = a + b;
    if n == 0 {
        return 1.0;
    }
    let k = a.min(b);
    // P(X <= k) for X ~ Bin(n, 1/2), in logs to stay finite for large n.
    let ln_half_n = n as f64 * 0.5f64.ln();
    let mut ln_choose = 0.0;
    let mut tail = 0.0;
    for i in 0..=k {
        if i > 0 {
            ln_choose += ((n - i + 1) as f64).ln() - (i as f64).ln();
        }
        tail += (ln_choose + ln_half_n).exp();
    }
    (2.0 * tail).min(1.0)
}

fn pairs(model: &Model, set: &Path) -> Result<LabelPairs, String> {
    if set.is_dir() {
        gold_articles(model, set)
            .map(|g| g.extracted)
            .map_err(|e| e.to_string())
    } else {
        let columns = Columns {
            text: "text".into(),
            label: Some("label".into()),
            id: None,
        };
        read_csv(set, &columns)
            .map(|c| statements(model, &c))
            .map_err(|e| e.to_string())
    }
}

fn main() -> ExitCode {
    let (mut a, mut b, mut evals) = (None, None, Vec::<PathBuf>::new());
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        match (flag.as_str(), args.next()) {
            ("--a", Some(v)) => a = Some(PathBuf::from(v)),
            ("--b", Some(v)) => b = Some(PathBuf::from(v)),
            ("--eval", Some(v)) => evals.push(v.into()),
            _ => {
                eprintln!("usage: paired --a MODEL --b MODEL --eval PATH...");
                return ExitCode::FAILURE;
            }
        }
    }
    let (Some(a), Some(b)) = (a, b) else {
        eprintln!("--a and --b are required");
        return ExitCode::FAILURE;
    };
    let (a, b) = match (Model::load(&a), Model::load(&b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut total = Split::default();
    for set in &evals {
        match (pairs(&a, set), pairs(&b, set)) {
            (Ok(pa), Ok(pb)) => {
                let s = Split::of(&pa, &pb);
                total.add(s);
                println!("{:<40} {}", set.display(), s.line());
            }
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("{}: {e}", set.display());
                return ExitCode::FAILURE;
            }
        }
    }
    println!("{:<40} {}", "all", total.line());
    ExitCode::SUCCESS
}
