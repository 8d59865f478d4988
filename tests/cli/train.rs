//! `train`, `evaluate`, `classify` and `explain` on good input.

use crate::util::{
    bad, fails_with, files_in, fixture, quick_model, stance, stance_in, stdout_of, succeeds,
    train_quick, with_model,
};

#[test]
fn evaluate_classify_and_explain_a_trained_model() {
    let model = quick_model();
    let report = stdout_of(
        with_model("evaluate", model)
            .args(["--format", "json", "--data"])
            .arg(fixture("small.csv")),
    );
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    for key in ["accuracy", "macro_f1", "per_class", "confusion"] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["per_class"]["hawkish"]["support"], 20);
    // Trained on these very rows: it must have learnt most of them.
    assert!(json["accuracy"].as_f64().unwrap() > 0.8, "{report}");

    let csv = stdout_of(with_model("classify", model).args([
        "--format",
        "csv",
        "We will never negotiate with terrorists.",
        "We welcome the talks.",
    ]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "text,label,confidence,p_conciliatory,p_hawkish,p_sceptical"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        let fields: Vec<&str> = row.rsplitn(4, ',').collect();
        let p: f64 = fields[..3].iter().map(|f| f.parse::<f64>().unwrap()).sum();
        assert!((p - 1.0).abs() < 2e-4, "{row}");
    }

    let jsonl = stdout_of(
        with_model("classify", model)
            .args(["--format", "jsonl"])
            .write_stdin("We welcome the talks.\n\nNo mercy.\n"),
    );
    assert_eq!(jsonl.lines().count(), 2, "blank stdin lines are skipped");
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert!(first["p_sceptical"].is_number() && first["label"].is_string());

    let explained =
        stdout_of(with_model("explain", model).args(["--top", "500", "They crossed a red line"]));
    assert!(
        explained.contains("logit") && explained.contains("w:red line"),
        "{explained}"
    );
    let top = stdout_of(with_model("explain", model).args(["--top", "3"]));
    assert_eq!(top.matches("strongest features").count(), 3);
}

#[test]
fn classify_reads_a_csv_and_keeps_ids() {
    let out = stdout_of(
        with_model("classify", quick_model())
            .args(["--format", "csv", "--input"])
            .arg(fixture("small.csv")),
    );
    assert!(out.starts_with("id,text,label,confidence,"));
    assert_eq!(out.lines().count(), 61);
    assert!(out.lines().nth(1).unwrap().starts_with("1,"));
}

/// A model file as JSON, with the name of its training data left out.
fn without_data_file(path: &std::path::Path) -> serde_json::Value {
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let name = json
        .pointer_mut("/metadata/data_file")
        .expect("a model names its training data");
    *name = serde_json::Value::Null;
    json
}

#[test]
fn train_and_evaluate_read_stdin_and_warn_on_small_sets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = std::fs::read(fixture("small.csv")).unwrap();
    let (_, stderr) = succeeds(
        train_quick("-", "m.json")
            .current_dir(d)
            .write_stdin(data.clone()),
    );
    assert!(!stderr.contains("warning"), "{stderr}");
    // The same rows from stdin or from a file: the same model.
    assert_eq!(
        without_data_file(&d.join("m.json")),
        without_data_file(quick_model())
    );
    let report = stdout_of(
        stance_in(d)
            .args([
                "evaluate", "--model", "m.json", "--data", "-", "--format", "json",
            ])
            .write_stdin(data),
    );
    assert!(report.contains("macro_f1"), "{report}");
    let few = "text,label\n".to_owned()
        + &(0..12)
            .map(|i| format!("We will talk {i},conciliatory\nWe will fight {i},hawkish\n"))
            .collect::<String>()
        + "I doubt it,sceptical\nNot convinced at all,sceptical\nHardly,sceptical\n";
    let (_, stderr) = succeeds(train_quick("-", "few.json").current_dir(d).write_stdin(few));
    assert!(
        stderr.contains("warning: <stdin>: label 'sceptical' has only 3 row(s)"),
        "{stderr}"
    );
}

#[test]
fn bom_crlf_and_quoted_newlines_are_fine() {
    let dir = tempfile::tempdir().unwrap();
    train_quick(
        bad("bom_crlf_quoted_newline.csv"),
        dir.path().join("model.json"),
    )
    .assert()
    .success();
    assert_eq!(files_in(dir.path()), ["model.json"]);
}

#[test]
fn explain_groups_character_fragments_per_word() {
    // The default model has no character n-grams: train one that has.
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("chars.json");
    train_quick(fixture("small.csv"), &model)
        .args(["--char-ngrams", "2-5"])
        .assert()
        .success();
    let out = stdout_of(with_model("explain", &model).args([
        "--top",
        "50",
        "We will never negotiate with terrorists.",
    ]));
    assert!(out.contains("c:terrorists"), "{out}");
    assert!(out.contains("character n-grams; strongest"), "{out}");
    // One line per word and label, not one per fragment.
    let per_label = out.split("strongest:").nth(1).unwrap();
    assert_eq!(per_label.matches("c:terrorists").count(), 1, "{out}");
    assert!(!per_label.contains("c:\"rror\""), "{out}");
}

#[test]
fn classify_uses_the_embedded_model_and_neutralises_formulas() {
    let out = stdout_of(stance().args([
        "classify",
        "--format",
        "csv",
        "=HYPERLINK(\"http://x\")",
        "@SUM(1)",
    ]));
    // No --model: the default model is embedded in the binary.
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{out}");
    assert!(out.contains("'@SUM(1)"), "{out}");
}

#[test]
fn feature_weights_are_stored_in_the_model_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let model = trained_json(d, "w.json", &["--cue-weight", "3", "--verb-weight", "2"]);
    let features = &model["features"];
    assert_eq!(features["cue_weight"], 3.0, "{features}");
    assert_eq!(features["verb_weight"], 2.0, "{features}");
    // A weight of 1 is not written: models keep the bytes they had.
    let plain = std::fs::read_to_string(quick_model()).unwrap();
    assert!(!plain.contains("cue_weight"));
    evaluates_on_small(d, "w.json");
    for bad_weight in ["0", "-2", "nan"] {
        refuses(
            d,
            &[&format!("--cue-weight={bad_weight}")],
            &["--cue-weight", "positive"],
        );
    }
}

/// `--label-mix` stores a prior that `explain` shows and that moves the
/// probabilities; a mix naming other labels is refused before training.
#[test]
fn a_label_mix_is_stored_shown_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let model = trained_json(
        d,
        "p.json",
        &["--label-mix", "conciliatory=2,sceptical=1,hawkish=1"],
    );
    assert_eq!(model["format_version"], 3);
    let target = model["label_prior"]["target"].as_array().unwrap();
    let labels = model["labels"].as_array().unwrap();
    let conciliatory = labels.iter().position(|l| l == "conciliatory").unwrap();
    assert_eq!(target[conciliatory], 0.5, "{target:?}");
    let plain = std::fs::read_to_string(quick_model()).unwrap();
    assert!(!plain.contains("label_prior"));
    let explained = stdout_of(stance_in(d).args([
        "explain",
        "--model",
        "p.json",
        "The talks resume on Monday.",
    ]));
    assert!(explained.contains("+ label prior"), "{explained}");
    let p = |model: &str| -> f64 {
        let out = stdout_of(stance_in(d).args([
            "classify",
            "--model",
            model,
            "--format",
            "jsonl",
            "The talks resume on Monday.",
        ]));
        let row: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        row["p_conciliatory"].as_f64().unwrap()
    };
    let quick = quick_model().to_str().unwrap().to_owned();
    assert!(p("p.json") > p(&quick));
    for (mix, expected) in [
        ("conciliatory=1,hawkish=1", "--label-mix"),
        ("conciliatory=1,sceptical=1,hawkish=1,neutral=1", "neutral"),
        ("conciliatory=0,sceptical=1,hawkish=1", "positive share"),
    ] {
        refuses(d, &["--label-mix", mix], &[expected]);
    }
}

#[test]
fn a_source_weight_weighs_the_rows_with_a_source() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // small.csv with a source column: every other row is an "analogue".
    let small = std::fs::read_to_string(fixture("small.csv")).unwrap();
    let mut csv = String::new();
    for (i, line) in small.lines().enumerate() {
        let source = match i {
            0 => "source",
            _ if i % 2 == 0 => "s0001",
            _ => "",
        };
        csv += &format!("{line},{source}\n");
    }
    std::fs::write(d.join("sourced.csv"), csv).unwrap();
    let train = |name: &str, args: &[&str]| {
        succeeds(train_quick("sourced.csv", name).current_dir(d).args(args));
        std::fs::read_to_string(d.join(name)).unwrap()
    };
    let plain = train("plain.json", &[]);
    assert_eq!(train("one.json", &["--source-weight", "1"]), plain);
    let weighed = train("three.json", &["--source-weight", "3"]);
    assert_ne!(weighed, plain);
    let model: serde_json::Value = serde_json::from_str(&weighed).unwrap();
    let balancing = model["metadata"]["balancing"].as_str().unwrap();
    assert!(balancing.contains("source:*=3"), "{balancing}");
    // --weigh names values of any column; the same rows weigh the same.
    let by_value = train("value.json", &["--weigh", "source:s0001=3"]);
    let by_value: serde_json::Value = serde_json::from_str(&by_value).unwrap();
    assert_eq!(by_value["weights"], model["weights"]);
    assert_eq!(by_value["intercept"], model["intercept"]);
    // A value no row holds weighs nothing: the plain model.
    assert_eq!(train("none.json", &["--weigh", "source:s9999=5"]), plain);
    for (args, expected) in [
        (&["--source-weight", "0"][..], "--source-weight"),
        (&["--source-weight=-2"][..], "--source-weight"),
        (&["--source-weight", "nan"][..], "--source-weight"),
        (&["--source-weight", "2", "--solver", "linfa"][..], "linfa"),
        (&["--weigh", "source"][..], "COLUMN:VALUE=WEIGHT"),
        (&["--weigh", "source:s0001=0"][..], "positive"),
        (&["--weigh", "nosuch:x=2"][..], "nosuch"),
    ] {
        fails_with(
            train_quick("sourced.csv", "never.json")
                .current_dir(d)
                .args(args),
            &[expected],
        );
    }
    // A file without a source column says so.
    refuses(d, &["--source-weight", "2"], &["source"]);
}

/// Trains a quick model on `small.csv` in `d` with `args`, and reads it.
fn trained_json(d: &std::path::Path, name: &str, args: &[&str]) -> serde_json::Value {
    succeeds(
        train_quick(fixture("small.csv"), name)
            .current_dir(d)
            .args(args),
    );
    serde_json::from_str(&std::fs::read_to_string(d.join(name)).unwrap()).unwrap()
}

/// Training on `small.csv` in `d` with `args` fails with an error that
/// mentions every string of `expected`, and writes no model file.
fn refuses(d: &std::path::Path, args: &[&str], expected: &[&str]) {
    fails_with(
        train_quick(fixture("small.csv"), "never.json")
            .current_dir(d)
            .args(args),
        expected,
    );
    assert!(!d.join("never.json").exists(), "{args:?}");
}

/// `evaluate --model NAME --data small.csv` in `d` prints a report.
fn evaluates_on_small(d: &std::path::Path, name: &str) {
    let report = stdout_of(stance_in(d).args([
        "evaluate",
        "--model",
        name,
        "--data",
        fixture("small.csv").to_str().unwrap(),
    ]));
    assert!(report.contains("macro-F1"), "{report}");
}

#[test]
fn valence_features_are_an_option_stored_in_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let model = trained_json(d, "v.json", &["--valence", "on"]);
    assert_eq!(model["features"]["valence"], true);
    assert_eq!(model["format_version"], 4);
    let vocabulary = model["vocabulary"].as_array().unwrap();
    assert!(
        vocabulary
            .iter()
            .any(|n| n.as_str().is_some_and(|n| n.starts_with("S:"))),
        "no valence feature in the vocabulary"
    );
    // Off (the default) writes no trace of it: models keep the bytes they had.
    let plain = std::fs::read_to_string(quick_model()).unwrap();
    assert!(!plain.contains("valence"));
    evaluates_on_small(d, "v.json");
    refuses(d, &["--valence", "maybe"], &["--valence"]);
}

#[test]
fn unseen_valence_adds_buckets_to_the_vocabulary_picked_without_them() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    succeeds(
        train_quick(fixture("small.csv"), "plain.json")
            .current_dir(d)
            .args(["--max-features", "30"]),
    );
    succeeds(
        train_quick(fixture("small.csv"), "u.json")
            .current_dir(d)
            .args(["--max-features", "30", "--valence", "unseen"]),
    );
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(d.join(name)).unwrap()).unwrap()
    };
    let (plain, unseen) = (read("plain.json"), read("u.json"));
    assert_eq!(unseen["features"]["valence"], "unseen");
    assert_eq!(unseen["format_version"], 4);
    let names = |m: &serde_json::Value, valence: bool| -> Vec<String> {
        m["vocabulary"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|n| n.as_str())
            .filter(|n| n.starts_with("S:") == valence)
            .map(String::from)
            .collect()
    };
    // The words the model knows are the ones it knows without valence.
    assert_eq!(names(&unseen, false), names(&plain, false));
    assert!(!names(&unseen, true).is_empty(), "no valence feature");
    evaluates_on_small(d, "u.json");
}

#[test]
fn word_clusters_are_an_option_stored_in_the_model_with_their_table() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let model = trained_json(d, "k.json", &["--clusters", "unseen", "--cluster-k", "256"]);
    let clusters = &model["features"]["clusters"];
    assert_eq!(clusters["words"], "unseen");
    assert_eq!(clusters["k"], 256);
    assert_eq!(clusters["table"], stance::clusters::digest());
    assert_eq!(model["format_version"], 5);
    // Off (the default) writes no trace of it.
    let plain = std::fs::read_to_string(quick_model()).unwrap();
    assert!(!plain.contains("clusters"));
    evaluates_on_small(d, "k.json");
    refuses(
        d,
        &["--clusters", "all", "--cluster-k", "300"],
        &["--cluster-k", "300"],
    );
}

#[test]
fn verb_negation_and_cue_polarity_are_options_stored_in_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let model = trained_json(d, "n.json", &["--verb-negation", "--cue-polarity"]);
    assert_eq!(model["tokenizer"]["verb_negation"], true);
    assert_eq!(model["features"]["cue_polarity"], true);
    assert_eq!(model["format_version"], 6);
    // Off (the default) writes no trace of them.
    let plain = std::fs::read_to_string(quick_model()).unwrap();
    assert!(!plain.contains("verb_negation") && !plain.contains("cue_polarity"));
    evaluates_on_small(d, "n.json");
}

/// `--view text` trains a second view on the text as it is, pooled with the
/// model (format 7); `explain` shows both inputs and the view's features;
/// `--view-weights` chooses the share by CV and prints each share's score;
/// a view reading the same input as the model, or a share outside 0..=1, is
/// refused before training.
#[test]
fn a_second_view_is_trained_shown_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let model = trained_json(d, "v.json", &["--view", "text"]);
    assert_eq!(model["format_version"], 7);
    assert_eq!(model["view"]["weight"], 0.5);
    assert_eq!(model["features"]["said"], true);
    assert_eq!(model["view"]["model"]["features"]["said"], false);
    assert!(model["view"]["model"].get("view").is_none());
    let plain = std::fs::read_to_string(quick_model()).unwrap();
    assert!(!plain.contains("\"view\""));
    evaluates_on_small(d, "v.json");
    let explained = stdout_of(stance_in(d).args([
        "explain",
        "--model",
        "v.json",
        "--top",
        "500",
        "The minister said they crossed a red line.",
    ]));
    assert!(
        explained.contains("second view's input")
            && explained.contains("The minister said they crossed a red line.")
            && explained.contains("view:w:red line")
            && explained.contains("  w:red line"),
        "{explained}"
    );
    let out = stdout_of(
        train_quick(fixture("small.csv"), "cv.json")
            .current_dir(d)
            .args(["--view", "text", "--view-weights", "0,1"]),
    );
    assert!(
        out.contains("share 0 ") && out.contains("share 1 ") && out.contains("chosen by CV"),
        "{out}"
    );
    for (args, expected) in [
        (&["--view", "said"][..], "--view"),
        (
            &["--view", "text", "--view-weights", "1.5"][..],
            "--view-weights",
        ),
        (&["--view-weights", "0.5"][..], "--view"),
    ] {
        refuses(d, args, &[expected]);
    }
}

/// `--encoder` trains a model of the built-in sentence encoder's embedding
/// beside the words and pools it (format 8); `explain` shows its part as
/// one contribution; `--encoder-shares` chooses the share by CV and prints
/// each share's score; `--no-encoder` scores with the words alone, as the
/// same model trained without the encoder does; bad grids are refused
/// before training.
#[test]
fn a_sentence_encoder_is_trained_shown_left_out_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let model = trained_json(d, "e.json", &["--encoder", "--encoder-shares", "0.5"]);
    assert_eq!(model["format_version"], 8);
    assert_eq!(model["encoder"]["share"], 0.5);
    assert_eq!(model["encoder"]["weights"].as_array().unwrap().len(), 3);
    assert_eq!(
        model["encoder"]["weights"][0].as_array().unwrap().len(),
        384
    );
    let plain = std::fs::read_to_string(quick_model()).unwrap();
    assert!(!plain.contains("\"encoder\""));
    evaluates_on_small(d, "e.json");
    let text = "The minister said they crossed a red line.";
    let explained =
        stdout_of(stance_in(d).args(["explain", "--model", "e.json", "--top", "500", text]));
    assert!(
        explained.contains("  encoder ") && explained.contains("w:red line"),
        "{explained}"
    );
    // Without the encoder, the words alone: the same labels and
    // probabilities as the model trained without it.
    succeeds(train_quick(fixture("small.csv"), "w.json").current_dir(d));
    let words_only = |model: &str, extra: &[&str]| {
        let mut cmd = stance_in(d);
        cmd.args(["classify", "--model", model, "--format", "csv", text])
            .args(extra);
        stdout_of(&mut cmd)
    };
    assert_eq!(
        words_only("e.json", &["--no-encoder"]),
        words_only("w.json", &[])
    );
    assert_ne!(words_only("e.json", &[]), words_only("w.json", &[]));
    let out = stdout_of(
        train_quick(fixture("small.csv"), "cv.json")
            .current_dir(d)
            .args([
                "--encoder",
                "--encoder-shares",
                "0,1",
                "--encoder-alphas",
                "3",
            ]),
    );
    assert!(
        out.contains("share 0 ") && out.contains("share 1 ") && out.contains("chosen by CV"),
        "{out}"
    );
    for (args, expected) in [
        (
            &["--encoder", "--encoder-shares", "1.5"][..],
            "--encoder-shares",
        ),
        (
            &["--encoder", "--encoder-alphas", "0"][..],
            "--encoder-alphas",
        ),
        (&["--encoder-shares", "0.5"][..], "--encoder"),
    ] {
        refuses(d, args, &[expected]);
    }
}
