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

/// A model with a second view (trained on the text as it is), fitted once
/// on the small fixture with the share chosen by CV from 0, 0.5 and 1.
fn small_view_model() -> &'static (Model, stance::train::TrainReport) {
    static MODEL: OnceLock<(Model, stance::train::TrainReport)> = OnceLock::new();
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
            view: Some(stance::train::ViewParams {
                said: false,
                weights: vec![0.0, 0.5, 1.0],
            }),
            ..TrainParams::default()
        };
        params.features.min_df = 1;
        params.fit(&corpus).unwrap()
    })
}

/// The pooled probabilities are the softmax of the views' logits mixed by
/// the share, the explanation adds up to those pooled logits, and the model
/// survives a round trip byte for byte.
#[test]
fn a_second_view_pools_logits_and_explains_them_exactly() {
    let (model, report) = small_view_model();
    let view = model.view().expect("trained with a view");
    let w = view.weight();
    let scores = &report.view.as_ref().unwrap().weight_scores;
    assert_eq!(
        scores.iter().map(|s| s.0).collect::<Vec<_>>(),
        vec![0.0, 0.5, 1.0]
    );
    // Share 0 is the first view alone: its pooled CV score is the model's own.
    assert!(
        (scores[0].1 - report.cv.macro_f1).abs() < 1e-12,
        "{scores:?}"
    );
    assert_eq!(report.view.as_ref().unwrap().weight, w);
    let best = scores.iter().map(|s| s.1).fold(f64::MIN, f64::max);
    assert_eq!(scores.iter().find(|s| s.1 == best).unwrap().0, w);
    let alone = model.clone().with_view(None).unwrap();
    // Another share than the one chosen: the pooled logits are weighed,
    // not swapped, whatever the share.
    let quarter = alone
        .clone()
        .with_view(Some((view.model().clone(), 0.25)))
        .unwrap();
    for (model, w) in [(model, w), (&quarter, 0.25)] {
        for text in [
            "Nobody has rejected the talks, but we doubt them.",
            "The minister said they would crush the rebels.",
            "",
        ] {
            let z1: Vec<f64> = alone
                .explain(text)
                .per_label
                .iter()
                .map(|l| l.logit)
                .collect();
            let z2: Vec<f64> = view
                .model()
                .explain(text)
                .per_label
                .iter()
                .map(|l| l.logit)
                .collect();
            let pooled: Vec<f64> = z1
                .iter()
                .zip(&z2)
                .map(|(a, b)| (1.0 - w) * a + w * b)
                .collect();
            let expected = softmax(&pooled);
            let p = model.predict_proba(text);
            for (a, b) in p.iter().zip(&expected) {
                assert!((a - b).abs() < 1e-12, "{p:?} != {expected:?}");
            }
            let ex = model.explain(text);
            assert!(ex.view_input.is_some());
            for (l, z) in ex.per_label.iter().zip(&pooled) {
                let sum: f64 = l.intercept
                    + l.prior
                    + l.contributions.iter().map(|c| c.contribution).sum::<f64>();
                assert!((sum - l.logit).abs() < 1e-12 && (l.logit - z).abs() < 1e-9);
            }
            if !text.is_empty() && w > 0.0 && w < 1.0 {
                let names = || ex.per_label[0].contributions.iter().map(|c| &c.feature);
                assert!(names().any(|f| f.starts_with(stance::model::VIEW_PREFIX)));
                assert!(names().any(|f| !f.starts_with(stance::model::VIEW_PREFIX)));
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.json");
    model.save(&path).unwrap();
    let loaded = Model::load(&path).unwrap();
    assert_eq!(loaded.view().unwrap().weight(), w);
    assert_eq!(model.to_json().unwrap(), loaded.to_json().unwrap());
    assert_eq!(
        model.predict_proba("We will talk."),
        loaded.predict_proba("We will talk.")
    );
}

/// Views that cannot be pooled are refused: other labels, a view of a view,
/// a share outside 0..=1, in memory and in a file.
#[test]
fn bad_second_views_are_refused() {
    let (model, _) = small_view_model();
    let plain = small_model().clone();
    let err = |r: stance::Result<Model>| r.unwrap_err().to_string();
    assert!(err(plain.clone().with_view(Some((model.clone(), 0.5)))).contains("view of its own"));
    assert!(err(plain.clone().with_view(Some((plain.clone(), 1.5)))).contains("between 0 and 1"));
    let other_labels = Model::embedded().unwrap().clone();
    assert!(err(plain.clone().with_view(Some((other_labels, 0.5)))).contains("labels"));
    let json: serde_json::Value = serde_json::from_slice(&model.to_json().unwrap()).unwrap();
    for (change, expected) in [
        ("weight", "between 0 and 1"),
        ("version", "newer"),
        ("nested", "view of its own"),
    ] {
        let mut bad = json.clone();
        match change {
            "weight" => bad["view"]["weight"] = (-0.5).into(),
            "version" => bad["view"]["model"]["format_version"] = 99.into(),
            _ => {
                bad["view"]["model"]["view"] = json["view"].clone();
                bad["view"]["model"]["format_version"] = 7.into();
            }
        }
        let bytes = serde_json::to_vec(&bad).unwrap();
        let e = Model::from_json(&bytes, std::path::Path::new("v.json"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(expected) && e.contains("v.json"),
            "{change}: {e}"
        );
    }
}
