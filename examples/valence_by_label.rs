//! Does word valence say anything about stance? Per gold label, over what
//! the model reads of each statement (what was said, the default
//! tokenizer with scopes), the summed VADER valence ([`stance::valence`]):
//! its mean, the share of statements with no rated word, with a negative
//! and with a positive sum, and rated words per statement. Aggregates only,
//! so it can run on sets whose rows must not be read one by one.
//!
//! ```text
//! cargo run --release --example valence_by_label -- data/quotes.csv \
//!     tests/fixtures/blind-stance-1.csv DIR_OF_GOLD_ARTICLES
//! ```
//!
//! A folder is read as gold-annotated articles (each statement's own
//! sentence), a file as a labelled CSV.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use stance::corpus::{Columns, read_csv};
use stance::said::Said;
use stance::tokenize::{TokenizerParams, tokenize};
use stance::valence;

#[derive(Default)]
struct Tally {
    n: usize,
    none: usize,
    negative: usize,
    positive: usize,
    sum: f64,
    rated: usize,
}

fn rows(path: &Path) -> Result<Vec<(String, String)>, String> {
    if path.is_dir() {
        return stance::measure::gold_sentences(path).map_err(|e| e.to_string());
    }
    let columns = Columns {
        text: "text".into(),
        label: Some("label".into()),
        id: None,
    };
    let corpus = read_csv(path, &columns).map_err(|e| e.to_string())?;
    Ok(corpus
        .examples
        .into_iter()
        .map(|e| (e.text, e.label))
        .collect())
}

fn main() -> ExitCode {
    let tokenizer = TokenizerParams {
        scopes: true,
        ..TokenizerParams::default()
    };
    let mut failed = false;
    for arg in std::env::args().skip(1) {
        let path = Path::new(&arg);
        let rows = match rows(path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{arg}: {e}");
                failed = true;
                continue;
            }
        };
        let mut by_label: BTreeMap<String, Tally> = BTreeMap::new();
        for (text, label) in rows {
            let said = Said::of_text(&text);
            let tokens = tokenize(&said.content, &tokenizer);
            let t = by_label.entry(label).or_default();
            let mut rated = 0;
            let sum = valence::for_each_rated(&tokens, |_, _| rated += 1);
            t.n += 1;
            t.rated += rated;
            match sum {
                None => t.none += 1,
                Some(s) => {
                    t.sum += s;
                    t.negative += usize::from(s <= -0.5);
                    t.positive += usize::from(s >= 0.5);
                }
            }
        }
        println!("{arg}");
        println!(
            "  label          n  mean sum  no rated word  sum <= -0.5  sum >= 0.5  rated words"
        );
        for (label, t) in &by_label {
            let share = |k: usize| k as f64 / t.n.max(1) as f64;
            println!(
                "  {label:<12} {:4}  {:8.2}  {:13.2}  {:11.2}  {:10.2}  {:11.2}",
                t.n,
                t.sum / t.n.max(1) as f64,
                share(t.none),
                share(t.negative),
                share(t.positive),
                t.rated as f64 / t.n.max(1) as f64
            );
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
