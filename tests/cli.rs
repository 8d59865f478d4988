//! CLI tests: run the built binary in a temporary folder.

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn stance() -> assert_cmd::Command {
    cargo_bin_cmd!("stance")
}

/// Trains a quick model (2 folds, one alpha) on the small fixture into `dir`.
fn quick_model(dir: &Path) -> PathBuf {
    let out = dir.join("m.json");
    stance()
        .args([
            "train", "--folds", "2", "--alphas", "1", "--min-df", "1", "--data",
        ])
        .arg(fixture("small.csv"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    out
}

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn train_evaluate_classify_explain() {
    let dir = tempfile::tempdir().unwrap();
    let model = quick_model(dir.path());

    let report = stdout_of(
        stance()
            .args(["evaluate", "--format", "json", "--model"])
            .arg(&model)
            .arg("--data")
            .arg(fixture("small.csv")),
    );
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    for key in ["accuracy", "macro_f1", "per_class", "confusion"] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["per_class"]["hawkish"]["support"], 20);
    // Trained on these very rows: it must have learnt most of them.
    assert!(json["accuracy"].as_f64().unwrap() > 0.8, "{report}");

    let csv = stdout_of(
        stance()
            .args(["classify", "--format", "csv", "--model"])
            .arg(&model)
            .args([
                "We will never negotiate with terrorists.",
                "We welcome the talks.",
            ]),
    );
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
        stance()
            .args(["classify", "--format", "jsonl", "--model"])
            .arg(&model)
            .write_stdin("We welcome the talks.\n\nNo mercy.\n"),
    );
    assert_eq!(jsonl.lines().count(), 2, "blank stdin lines are skipped");
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert!(first["p_sceptical"].is_number() && first["label"].is_string());

    let explained = stdout_of(
        stance()
            .args(["explain", "--top", "500", "--model"])
            .arg(&model)
            .arg("They crossed a red line"),
    );
    assert!(
        explained.contains("logit") && explained.contains("w:red line"),
        "{explained}"
    );

    let top = stdout_of(
        stance()
            .args(["explain", "--top", "3", "--model"])
            .arg(&model),
    );
    assert_eq!(top.matches("strongest features").count(), 3);
}

#[test]
fn classify_reads_a_csv_and_keeps_ids() {
    let dir = tempfile::tempdir().unwrap();
    let model = quick_model(dir.path());
    let out = stdout_of(
        stance()
            .args(["classify", "--format", "csv", "--model"])
            .arg(&model)
            .arg("--input")
            .arg(fixture("small.csv")),
    );
    assert!(out.starts_with("id,text,label,confidence,"));
    assert_eq!(out.lines().count(), 61);
    assert!(out.lines().nth(1).unwrap().starts_with("1,"));
}

#[test]
fn training_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let a = std::fs::read(quick_model(dir.path())).unwrap();
    let b = std::fs::read(quick_model(dir.path())).unwrap();
    assert_eq!(a, b);
}

#[test]
fn the_default_model_is_embedded() {
    let out = stdout_of(stance().args(["classify", "--format", "csv", "Let us talk."]));
    assert_eq!(out.lines().count(), 2);
}

/// Writes `content` to `name` in `dir` and returns the path.
fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

#[test]
fn bad_training_data_fails_clearly_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: Vec<(PathBuf, &str)> = vec![
        (d.join("missing.csv"), "missing.csv: No such file"),
        (write(d, "empty.csv", b""), "empty.csv: the file is empty"),
        (
            write(d, "nolabel.csv", b"id,text\n1,hello\n"),
            "nolabel.csv line 1: no column named 'label'",
        ),
        (
            write(d, "notext.csv", b"id,label\n1,hawkish\n"),
            "notext.csv line 1: no column named 'text'",
        ),
        (
            write(d, "short.csv", b"text,label\na,hawkish\nb\n"),
            "short.csv line 3: the row has 1 field(s)",
        ),
        (
            write(d, "blank.csv", b"text,label\na,hawkish\n\"\",sceptical\n"),
            "blank.csv line 3: empty text",
        ),
        (
            write(
                d,
                "utf8.csv",
                b"text,label\na,hawkish\nb\xff\xfe,sceptical\n",
            ),
            "utf8.csv line 3: the text is not valid UTF-8",
        ),
        (
            write(
                d,
                "single.csv",
                b"text,label\na,hawkish\nb,hawkish\nc,sceptical\nd,sceptical\ne,odd\n",
            ),
            "single.csv line 6: label 'odd' has a single example: it cannot be cross-validated",
        ),
        (d.to_path_buf(), "is a directory"),
    ];
    for (data, expected) in cases {
        let out = d.join("out.json");
        let assert = stance()
            .args(["train", "--folds", "2", "--data"])
            .arg(&data)
            .arg("--out")
            .arg(&out)
            .assert()
            .failure();
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(
            stderr.contains(expected),
            "{stderr:?} should contain {expected:?}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            !out.exists(),
            "no model may be written for {}",
            data.display()
        );
    }
}

#[test]
fn evaluate_rejects_unknown_labels_with_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let model = quick_model(dir.path());
    let data = write(
        dir.path(),
        "eval.csv",
        b"text,label\nwe talk,conciliatory\nhm,dovish\n",
    );
    let assert = stance()
        .args(["evaluate", "--model"])
        .arg(&model)
        .arg("--data")
        .arg(&data)
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains("eval.csv line 3: unknown label 'dovish'"),
        "{stderr}"
    );
}

#[test]
fn bad_model_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(quick_model(dir.path())).unwrap();
    let truncated = &good[..good.len() / 2];
    let version = format!("\"format_version\":{}", stance::model::FORMAT_VERSION);
    let newer =
        String::from_utf8(good.clone())
            .unwrap()
            .replacen(&version, "\"format_version\":7", 1);
    assert_ne!(
        newer.as_bytes(),
        good,
        "the quick model is written at the newest version"
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated.json", truncated.to_vec(), "truncated or corrupt"),
        (
            "foreign.json",
            b"{\"name\": \"x\"}".to_vec(),
            "not a stance model",
        ),
        ("newer.json", newer.into_bytes(), "newer stance"),
        (
            "binary.json",
            vec![0, 159, 146, 150, 0, 1],
            "not valid JSON",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = write(dir.path(), name, &bytes);
        let assert = stance()
            .args(["classify", "--model"])
            .arg(&path)
            .arg("hello")
            .assert()
            .failure();
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(
            stderr.contains(name) && stderr.contains(expected),
            "{stderr}"
        );
    }
}
