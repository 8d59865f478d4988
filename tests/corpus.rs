//! The shipped corpus meets its targets, and the embedded default model was
//! trained on it as it is now.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use stance::Model;
use stance::corpus::{Columns, read_csv, sha256_hex};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

fn rows(name: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_path(data(name)).unwrap();
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["id", "speaker", "text", "label", "topic", "kind"]
    );
    reader.records().map(|r| r.unwrap()).collect()
}

fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace('\u{2019}', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn corpus_meets_its_counts() {
    let train = rows("quotes.csv");
    let test = rows("test.csv");
    assert!(train.len() >= 3000, "{} training rows", train.len());
    let mut per_label: BTreeMap<&str, usize> = BTreeMap::new();
    let mut topics = BTreeSet::new();
    for r in &train {
        *per_label.entry(&r[3]).or_default() += 1;
        topics.insert(r[4].to_owned());
    }
    assert_eq!(
        per_label.keys().copied().collect::<Vec<_>>(),
        ["conciliatory", "hawkish", "sceptical"]
    );
    for (label, n) in &per_label {
        assert!(*n >= 900, "{label}: {n}");
    }
    assert!(topics.len() >= 25, "{} topics", topics.len());

    // Held out: about 15%, every label present, no text shared with training.
    let share = test.len() as f64 / (test.len() + train.len()) as f64;
    assert!((0.12..0.18).contains(&share), "test share {share}");
    let mut texts = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for r in train.iter().chain(&test) {
        assert!(texts.insert(normalise(&r[2])), "duplicate text: {}", &r[2]);
        assert!(ids.insert(r[0].to_owned()), "duplicate id: {}", &r[0]);
        assert!(["direct", "indirect", "reported", "fragment"].contains(&&r[5]));
    }
}

#[test]
fn corpus_parses_with_the_library_reader() {
    let c = read_csv(
        &data("quotes.csv"),
        &Columns {
            text: "text".into(),
            label: Some("label".into()),
            id: Some("id".into()),
        },
    )
    .unwrap();
    assert_eq!(c.examples.len(), rows("quotes.csv").len());
}

#[test]
fn embedded_default_model_is_trained_on_the_shipped_corpus() {
    let model = Model::embedded().unwrap();
    let bytes = std::fs::read(data("quotes.csv")).unwrap();
    assert_eq!(
        model.metadata().data_sha256,
        sha256_hex(&bytes),
        "models/default.json is stale: retrain with \
         `cargo run --release -- train --data data/quotes.csv --out models/default.json`"
    );
    assert_eq!(model.labels(), ["conciliatory", "hawkish", "sceptical"]);
    // And the file on disk is the one embedded.
    let on_disk =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("models/default.json")).unwrap();
    assert_eq!(on_disk, stance::model::DEFAULT_MODEL_JSON);
}
