//! Bad input: every bad file gets a clear message naming it (and the line), a
//! non-zero exit, no panic and no output file.

use std::path::PathBuf;

use crate::util::{
    ARTICLE, bad, fails_in, fails_with, files_in, fixture, quick_model, stance, stance_in,
    stdout_of, write,
};

#[test]
fn bad_training_data_fails_clearly_and_writes_nothing() {
    let inputs = tempfile::tempdir().unwrap();
    let i = inputs.path();
    let cases: Vec<(PathBuf, &[&str])> = vec![
        (i.join("missing.csv"), &["missing.csv: No such file"]),
        (
            bad("header_only.csv"),
            &["header_only.csv: the file has a header but no rows"],
        ),
        (
            bad("ragged.csv"),
            &["ragged.csv line 3: the row has 2 field(s), the header has 3"],
        ),
        (
            bad("missing_columns.csv"),
            &[
                "missing_columns.csv line 1: no column named 'text'",
                "found: id, statement, stance",
            ],
        ),
        (
            write(i, "nolabel.csv", "id,text\n1,hello\n"),
            &["nolabel.csv line 1: no column named 'label'"],
        ),
        (
            write(i, "blank.csv", "text,label\na,hawkish\n\"\",sceptical\n"),
            &["blank.csv line 3: empty text"],
        ),
        (
            bad("empty_label.csv"),
            &["empty_label.csv line 3: empty label"],
        ),
        (
            bad("invalid_utf8.csv"),
            &["invalid_utf8.csv line 3: the text is not valid UTF-8"],
        ),
        (
            bad("nul_byte.csv"),
            &["nul_byte.csv line 3: the text contains a NUL byte"],
        ),
        (bad("binary.csv"), &["binary.csv"]),
        (
            bad("unknown_label.csv"),
            &[
                "unknown_label.csv line 2: label 'conciliatory' has a single example: \
                 it cannot be cross-validated",
            ],
        ),
        (i.to_path_buf(), &["is a directory"]),
    ];
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("model.json");
    for (data, expected) in cases {
        fails_with(
            stance()
                .args(["train", "--folds", "2", "--data"])
                .arg(&data)
                .arg("--output")
                .arg(&out),
            expected,
        );
        assert_eq!(files_in(dir.path()), Vec::<String>::new(), "{data:?}");
    }
}

#[test]
fn unknown_labels_when_evaluating() {
    fails_with(
        stance()
            .args(["evaluate", "--data"])
            .arg(bad("unknown_label.csv")),
        &["unknown_label.csv line 3: unknown label 'dovish'"],
    );
}

#[test]
fn bad_model_files() {
    let cases: &[(&str, &str)] = &[
        ("model_truncated.json", "truncated or corrupt"),
        ("model_foreign.json", "not a stance model"),
        (
            "model_newer.json",
            "format version 99 was written by a newer stance",
        ),
        (
            "model_size_mismatch.json",
            "declares 3 features but its vocabulary has 2",
        ),
        (
            "model_short_weights.json",
            "weights of label 'b' have 1 entries, expected 2",
        ),
        (
            "model_label_mismatch.json",
            "has 2 weight arrays for 3 labels",
        ),
        ("binary.csv", "not valid JSON"),
        ("empty.csv", "the file is empty"),
    ];
    for (name, expected) in cases {
        fails_with(
            stance()
                .args(["classify", "--model"])
                .arg(bad(name))
                .arg("hello"),
            &[name, expected],
        );
    }
    fails_with(
        stance()
            .args(["classify", "--model"])
            .arg(fixture("bad"))
            .arg("hello"),
        &["is a directory"],
    );
    // The hand-written tiny model is valid: the checks above are about the damage.
    stance()
        .args(["classify", "--model"])
        .arg(fixture("tiny_model.json"))
        .arg("x y")
        .assert()
        .success();
}

/// A trained model whose version is one past the newest this build reads
/// (train writes it only for models with word clusters).
#[test]
fn a_model_one_version_newer_than_this_build_reads_is_refused() {
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(quick_model()).unwrap()).unwrap();
    // train writes the lowest version that holds what a model uses, which
    // may be below the newest this build reads.
    let written = json["format_version"].as_u64().expect("a format version");
    let version = u64::from(stance::model::FORMAT_VERSION);
    assert!(written <= version);
    json["format_version"] = (version + 1).into();
    let dir = tempfile::tempdir().unwrap();
    let newer = write(dir.path(), "newer.json", json.to_string());
    fails_with(
        stance()
            .args(["classify", "--model"])
            .arg(newer)
            .arg("hello"),
        &[
            "newer.json",
            &format!(
                "format version {} was written by a newer stance",
                version + 1
            ),
        ],
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "locked.csv", "text,label\na,b\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        println!("skipping: running as root, permissions do not stop reads");
        return;
    }
    fails_with(
        stance()
            .args(["train", "--data"])
            .arg(&path)
            .arg("--output")
            .arg(dir.path().join("m.json")),
        &["locked.csv", "Permission denied"],
    );
}

#[test]
fn bad_articles_are_skipped_and_reported_and_the_rest_scored() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", ARTICLE);
    let out = stance()
        .args(["score", "--format", "csv"])
        .arg(bad("nul_article.txt"))
        .arg(&good)
        .arg(bad("invalid_utf8_article.txt"))
        .arg(bad("empty_article.txt"))
        .arg(dir.path().join("missing.txt"))
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "nul_article.txt line 1: contains a NUL byte",
        "invalid_utf8_article.txt line 1: not valid UTF-8",
        "empty_article.txt: the article is empty",
        "missing.txt: no such file",
        "4 skipped (named above), 1 article(s) scored",
    ] {
        assert!(
            stderr.contains(expected),
            "{stderr:?} should contain {expected:?}"
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.lines().skip(1).all(|l| l.starts_with("good,")),
        "{stdout}"
    );
    assert!(
        stdout.lines().count() >= 2,
        "the good article is scored: {stdout}"
    );
}

#[test]
fn lossy_reads_latin1_articles() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut latin1 = ARTICLE.replace("minister", "ministre").into_bytes();
    latin1.extend(b"Le minist\xe8re a dit: \"non\".\n");
    write(d, "latin1.txt", &latin1);
    let stderr = fails_in(d, &["score", "latin1.txt"]);
    assert!(
        stderr.contains("latin1.txt line 2: not valid UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("--lossy"), "{stderr}");
    let out = stdout_of(stance_in(d).args(["score", "--lossy", "latin1.txt"]));
    assert!(out.contains("latin1,0,"), "{out}");
    // report --articles treats a bad article as score does: named, skipped,
    // the rest reported, non-zero exit at the end.
    write(d, "good.txt", ARTICLE);
    let run = stance_in(d)
        .args(["report", "--articles", "latin1.txt", "good.txt"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("latin1.txt line 2: not valid UTF-8"),
        "{stderr}"
    );
    assert!(!run.stdout.is_empty(), "the good article is reported");
    stance_in(d)
        .args(["report", "--articles", "--lossy", "latin1.txt", "good.txt"])
        .assert()
        .success();
}

#[test]
fn an_empty_csv_gets_the_same_message_from_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "empty.csv", "");
    let want = "empty.csv: the file is empty (expected a CSV header and rows)";
    for args in [
        &["score", "empty.csv"][..],
        &["train", "--data", "empty.csv", "--output", "m.json"],
        &["classify", "--input", "empty.csv"],
        &["report", "--articles", "empty.csv"],
    ] {
        let stderr = fails_in(d, args);
        assert!(stderr.contains(want), "{args:?}: {stderr}");
    }
    assert_eq!(files_in(d), ["empty.csv"], "no model written");
}

#[test]
fn messages_say_each_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for args in [
        &["classify", "--model", "nope.json", "x"][..],
        &["report", "nope.csv"],
        &["train", "--data", "nope.csv", "--output", "m.json"],
    ] {
        let stderr = fails_in(d, args);
        assert!(stderr.contains("nope."), "{stderr}");
        assert_eq!(stderr.matches("os error 2").count(), 1, "{stderr}");
    }
    // An unknown --id-column is an error, as an unknown --text-column is.
    write(d, "news.csv", "id,text\n1,hello\n");
    let stderr = fails_in(d, &["score", "--id-column", "key", "news.csv"]);
    assert!(
        stderr.contains("news.csv line 1: no column named 'key'"),
        "{stderr}"
    );
}

#[test]
fn messages_never_show_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "news.txt", ARTICLE);
    let stderr = fails_in(d, &["score", "news.txt", "--output", "missing/x.csv"]);
    assert!(stderr.contains("missing/x.csv: No such file"), "{stderr}");
    assert!(!stderr.contains(".stance-"), "{stderr}");
    assert_eq!(stderr.matches("os error 2").count(), 1, "{stderr}");
}

#[test]
fn train_needs_an_output_and_checks_its_folder_first() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let small = fixture("small.csv");
    let small = small.to_str().unwrap();
    // No default: one would overwrite the model shipped in the repository.
    let stderr = fails_in(d, &["train", "--data", small]);
    assert!(stderr.contains("--output"), "{stderr}");
    // A missing folder is found before training, and named without temp paths.
    let stderr = fails_in(d, &["train", "--data", small, "--output", "missing/m.json"]);
    assert!(stderr.contains("missing/m.json"), "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!stderr.contains(".stance-"), "a temp path: {stderr}");
    assert!(
        !stderr.contains("os error 2): No such"),
        "cause twice: {stderr}"
    );
    assert_eq!(files_in(d), Vec::<String>::new());
}
