//! Bad input, faults and nothing lost: every bad file gets a clear message
//! naming it (and the line), a non-zero exit, no panic and no output file.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin_cmd;
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn bad(name: &str) -> PathBuf {
    fixture("bad").join(name)
}

fn stance() -> assert_cmd::Command {
    cargo_bin_cmd!("stance")
}

/// Runs `args`, expects failure, checks stderr holds every `expected` and no
/// panic, and returns stderr.
fn fails_with(args: &[&std::ffi::OsStr], expected: &[&str]) -> String {
    let out = stance().args(args).assert().failure().get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    for e in expected {
        assert!(stderr.contains(e), "{stderr:?} should contain {e:?}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// The folder holds only `allowed` files: nothing half-written, no temp file.
fn assert_only(dir: &Path, allowed: &[&str]) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            allowed.contains(&name.as_str()),
            "unexpected file {name} left behind"
        );
    }
}

#[test]
fn bad_training_files() {
    let cases: &[(&str, &[&str])] = &[
        ("empty.csv", &["empty.csv: the file is empty"]),
        (
            "header_only.csv",
            &["header_only.csv: the file has a header but no rows"],
        ),
        (
            "ragged.csv",
            &["ragged.csv line 3: the row has 2 field(s), the header has 3"],
        ),
        (
            "missing_columns.csv",
            &[
                "missing_columns.csv line 1: no column named 'text'",
                "found: id, statement, stance",
            ],
        ),
        ("empty_label.csv", &["empty_label.csv line 3: empty label"]),
        (
            "invalid_utf8.csv",
            &["invalid_utf8.csv line 3: the text is not valid UTF-8"],
        ),
        (
            "nul_byte.csv",
            &["nul_byte.csv line 3: the text contains a NUL byte"],
        ),
        ("binary.csv", &["binary.csv"]),
        (
            "unknown_label.csv",
            &["unknown_label.csv line 2: label 'conciliatory' has a single example"],
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("model.json");
    for (name, expected) in cases {
        fails_with(
            &[
                "train".as_ref(),
                "--folds".as_ref(),
                "2".as_ref(),
                "--data".as_ref(),
                bad(name).as_os_str(),
                "--out".as_ref(),
                out.as_os_str(),
            ],
            expected,
        );
        assert_only(dir.path(), &[]);
    }
    // A directory where a file is expected.
    fails_with(
        &[
            "train".as_ref(),
            "--data".as_ref(),
            dir.path().as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
        &["is a directory"],
    );
    assert_only(dir.path(), &[]);
}

#[test]
fn bom_crlf_and_quoted_newlines_are_fine() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("model.json");
    stance()
        .args([
            "train", "--folds", "2", "--alphas", "1", "--min-df", "1", "--data",
        ])
        .arg(bad("bom_crlf_quoted_newline.csv"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert_only(dir.path(), &["model.json"]);
}

#[test]
fn unknown_labels_when_evaluating() {
    fails_with(
        &[
            "evaluate".as_ref(),
            "--data".as_ref(),
            bad("unknown_label.csv").as_os_str(),
        ],
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
            "format version 3 was written by a newer stance",
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
            &[
                "classify".as_ref(),
                "--model".as_ref(),
                bad(name).as_os_str(),
                "hello".as_ref(),
            ],
            &[name, expected],
        );
    }
    fails_with(
        &[
            "classify".as_ref(),
            "--model".as_ref(),
            fixture("bad").as_os_str(),
            "hello".as_ref(),
        ],
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

#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.csv");
    std::fs::write(&path, "text,label\na,b\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        println!("skipping: running as root, permissions do not stop reads");
        return;
    }
    fails_with(
        &[
            "train".as_ref(),
            "--data".as_ref(),
            path.as_os_str(),
            "--output".as_ref(),
            dir.path().join("m.json").as_os_str(),
        ],
        &["locked.csv", "Permission denied"],
    );
}

#[test]
fn a_ten_megabyte_line_is_classified() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.csv");
    let mut f = std::fs::File::create(&path).unwrap();
    writeln!(f, "id,text").unwrap();
    write!(f, "1,").unwrap();
    let chunk = "we will not talk to them ever again but maybe later ";
    for _ in 0..(10 * 1024 * 1024 / chunk.len()) {
        f.write_all(chunk.as_bytes()).unwrap();
    }
    writeln!(f).unwrap();
    drop(f);
    let out = stance()
        .args(["classify", "--format", "csv", "--input"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8_lossy(&out).lines().count(), 2);
}

#[test]
fn bad_articles_are_skipped_and_reported_and_the_rest_scored() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "The minister said: \u{201C}We are ready to talk.\u{201D}\n",
    )
    .unwrap();
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
fn failed_score_to_a_file_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("scored.csv");
    fails_with(
        &[
            "score".as_ref(),
            "--model".as_ref(),
            bad("model_truncated.json").as_os_str(),
            "--output".as_ref(),
            out.as_os_str(),
            fixture("small.csv").as_os_str(),
        ],
        &["model_truncated.json"],
    );
    assert_only(dir.path(), &[]);
}

#[test]
fn sigkill_during_training_keeps_the_previous_model() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("model.json");
    std::fs::copy(fixture("tiny_model.json"), &out).unwrap();
    let before = std::fs::read(&out).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stance"))
        .args(["train", "--data"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/quotes.csv"))
        .arg("--out")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "the old model is intact"
    );
    stance()
        .args(["classify", "--model"])
        .arg(&out)
        .arg("x")
        .assert()
        .success();
}

#[test]
fn same_bytes_with_one_or_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let mut models = Vec::new();
    let mut scores = Vec::new();
    let mut reports = Vec::new();
    for threads in ["1", "2"] {
        let model = dir.path().join(format!("m{threads}.json"));
        stance()
            .env("RAYON_NUM_THREADS", threads)
            .args(["train", "--folds", "3", "--min-df", "1", "--data"])
            .arg(fixture("small.csv"))
            .arg("--out")
            .arg(&model)
            .assert()
            .success();
        models.push(std::fs::read(&model).unwrap());
        let out = stance()
            .env("RAYON_NUM_THREADS", threads)
            .args(["score", "--format", "jsonl"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        scores.push(out);
        let report = stance()
            .env("RAYON_NUM_THREADS", threads)
            .args(["report", "--format", "json", "--articles"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        reports.push(report);
    }
    assert_eq!(models[0], models[1], "models differ with thread count");
    assert_eq!(scores[0], scores[1], "scores differ with thread count");
    assert_eq!(reports[0], reports[1], "reports differ with thread count");
}

#[test]
fn adversarial_articles_are_scored_with_valid_spans() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, String)> = vec![
        ("unbalanced", "He said \u{201C}we will talk. She said \"no. ".repeat(200)),
        ("quote_storm", "\"\u{201C}\u{201D}\u{AB}\u{BB}\u{2018}'".repeat(3000)),
        ("no_punctuation", "the minister said we are ready to talk ".repeat(3000)),
        (
            "megabyte_paragraph",
            "Foreign Minister Anna Kovač said \u{201C}we will strike back\u{201D} and he said talks. "
                .repeat(12_000),
        ),
        (
            "rtl_and_emoji",
            "\u{5D4}\u{5E9}\u{5E8} \u{5D0}\u{5DE}\u{5E8}: \u{201C}\u{627}\u{644}\u{633}\u{644}\u{627}\u{645} \u{1F54A}\u{FE0F}\u{201D} said Leila Haddad. \u{200F}"
                .repeat(500),
        ),
    ];
    for (name, text) in cases {
        let path = dir.path().join(format!("{name}.txt"));
        std::fs::write(&path, &text).unwrap();
        let out = stance()
            .args(["score", "--format", "jsonl"])
            .arg(&path)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        for line in String::from_utf8(out).unwrap().lines() {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            let (start, end) = (
                row["start"].as_u64().unwrap() as usize,
                row["end"].as_u64().unwrap() as usize,
            );
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "{name}"
            );
            assert_eq!(&text[start..end], row["text"].as_str().unwrap(), "{name}");
        }
    }
}

#[test]
fn score_into_a_closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.txt");
    std::fs::write(
        &path,
        "Minister Anna Kovač said we are ready to talk.\n\n".repeat(5_000),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stance"))
        .args(["score", "--format", "csv"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.starts_with("article,statement"));
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "exit {:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn a_broken_pipe_exits_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stance"))
        .args(["classify", "--format", "csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        for i in 0..20_000 {
            writeln!(stdin, "statement number {i}: we are ready to talk").unwrap();
        }
    }
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.starts_with("text,label"));
    drop(stdout); // like `| head -1`
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "exit {:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn csv_output_neutralises_formulas() {
    let out = stance()
        .args([
            "classify",
            "--format",
            "csv",
            "=HYPERLINK(\"http://x\")",
            "@SUM(1)",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{out}");
    assert!(out.contains("'@SUM(1)"), "{out}");
}

/// Random text with the characters that trouble extractors.
fn adversarial_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "\u{201C}",
        "\u{201D}",
        "\u{2018}",
        "\u{2019}",
        "\u{AB}",
        "\u{BB}",
        "'",
        ".",
        ",",
        " said ",
        " says ",
        "He ",
        "She ",
        "Mr. ",
        "U.S. ",
        "\n",
        "\n\n",
        "according to ",
        "Minister Željko Marić",
        "\u{5E9}\u{5DC}\u{5D5}\u{5DD}",
        "\u{1F600}",
        "\u{200F}",
        "word",
        " ",
        "...",
        "\u{2026}",
        "(",
        ")",
        "Gen.",
        "2019.",
        "\r\n",
        "\u{0301}",
    ]);
    prop::collection::vec(pieces, 0..300).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn extraction_never_panics_and_spans_slice_the_text(text in adversarial_text()) {
        let statements = stance::extract::extract(&text);
        let mut last_end = 0;
        for s in &statements {
            prop_assert!(s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert!(s.start >= last_end, "statements overlap or are out of order");
            last_end = s.end;
        }
        let scored = stance::score::score_article(stance::Model::embedded().unwrap(), &text);
        prop_assert_eq!(scored.len(), statements.len());
    }
}
