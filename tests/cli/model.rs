//! The library's model: save -> load round trip and probability invariants.

use std::sync::OnceLock;

use proptest::prelude::*;
use stance::Model;
use stance::corpus::{Columns, read_csv};
use stance::train::TrainParams;

use crate::util::fixture;

/// A model fitted in this process (never saved and loaded) on the small
/// fixture, once; tests only read it.
fn small_model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let columns = Columns {
            text: "text".into(),
            label: Some("label".into()),
            id: None,
        };
        let corpus = read_csv(&fixture("small.csv"), &columns).unwrap();
        let mut params = TrainParams {
            folds: 2,
            alphas: vec![1.0],
            ..TrainParams::default()
        };
        params.features.min_df = 1;
        params.fit(&corpus).unwrap().0
    })
}

#[test]
fn save_load_gives_identical_probabilities_and_bytes() {
    let model = small_model();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.json");
    model.save(&path).unwrap();
    let loaded = Model::load(&path).unwrap();
    for text in ["We will crush them.", "Let us talk tomorrow.", "", "★"] {
        assert_eq!(model.predict_proba(text), loaded.predict_proba(text));
    }
    assert!(
        model.to_json().unwrap() == loaded.to_json().unwrap(),
        "save -> load -> save changed the bytes"
    );
}

/// The softmax of `logits`, written out here so the check does not lean on
/// the code it checks.
fn softmax(logits: &[f64]) -> Vec<f64> {
    let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp: Vec<f64> = logits.iter().map(|z| (z - max).exp()).collect();
    let sum: f64 = exp.iter().sum();
    exp.iter().map(|e| e / sum).collect()
}

#[test]
fn explanations_add_up_to_the_logits() {
    let model = small_model();
    let ex = model.explain("Nobody has rejected the talks, but we doubt them.");
    let logits: Vec<f64> = ex.per_label.iter().map(|l| l.logit).collect();
    let z = softmax(&logits);
    assert_eq!(ex.probabilities.len(), z.len());
    for ((_, p), q) in ex.probabilities.iter().zip(&z) {
        assert!((p - q).abs() < 1e-12, "{p} != {q}");
    }
    for l in &ex.per_label {
        let sum: f64 = l.intercept + l.contributions.iter().map(|c| c.contribution).sum::<f64>();
        assert!((sum - l.logit).abs() < 1e-12);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn probabilities_sum_to_one(text in "\\PC{0,200}") {
        let model = Model::embedded().unwrap();
        let p = model.predict_proba(&text);
        prop_assert_eq!(p.len(), model.labels().len());
        prop_assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        prop_assert!(p.iter().all(|x| (0.0..=1.0).contains(x)));
    }
}
