//! Any bytes given as a model file load or fail with an error, never a panic
//! or an allocation sized by an unchecked number. A model that loads predicts
//! probabilities that sum to 1.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(model) = stance::Model::from_json(data, std::path::Path::new("fuzz.json")) {
        let p = model.predict_proba("We will not talk to them.");
        let sum: f64 = p.iter().sum();
        assert!((sum - 1.0).abs() < 1e-6, "{p:?}");
    }
});
