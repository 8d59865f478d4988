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

// ---- issue 13: a command line that behaves like ripgrep, xsv, jq ----

const ARTICLE: &str = "The minister said: \u{201C}We are ready to talk.\u{201D}\n";

/// Runs `args` in `dir`, expects failure and no panic; returns stderr.
fn fails_in(dir: &Path, args: &[&str]) -> String {
    let out = stance()
        .current_dir(dir)
        .args(args)
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// The names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_failed_score_leaves_the_previous_output_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("news.txt"), ARTICLE).unwrap();
    stance()
        .current_dir(d)
        .args(["score", "news.txt", "--output", "scored.csv"])
        .assert()
        .success();
    let before = std::fs::read(d.join("scored.csv")).unwrap();
    assert!(before.len() > 60, "a real output to lose");
    std::fs::write(d.join("no_text.csv"), "id,body\n1,hello\n").unwrap();
    std::fs::write(d.join("empty.csv"), "").unwrap();
    for bad in ["typo.txt", "no_text.csv", "empty.csv"] {
        let stderr = fails_in(d, &["score", bad, "--output", "scored.csv"]);
        assert!(stderr.contains(bad), "{stderr}");
        assert!(stderr.contains("scored.csv left as it was"), "{stderr}");
        assert_eq!(
            std::fs::read(d.join("scored.csv")).unwrap(),
            before,
            "{bad}"
        );
        assert_eq!(
            files_in(d),
            ["empty.csv", "news.txt", "no_text.csv", "scored.csv"],
            "no temp file left"
        );
    }
}

#[cfg(unix)]
#[test]
fn output_to_a_fifo_is_written_to_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("news.txt"), ARTICLE).unwrap();
    let fifo = d.join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let got = std::fs::File::create(d.join("got.csv")).unwrap();
    let mut cat = std::process::Command::new("cat")
        .arg(&fifo)
        .stdout(got)
        .spawn()
        .unwrap();
    let run = stance()
        .current_dir(d)
        .args(["score", "news.txt", "--output", "pipe"])
        .output()
        .unwrap();
    let still_fifo = std::fs::metadata(&fifo).unwrap().file_type().is_fifo();
    if !still_fifo || !run.status.success() {
        cat.kill().unwrap(); // nobody will ever write to the FIFO it opened
    }
    cat.wait().unwrap();
    assert!(run.status.success(), "{run:?}");
    assert!(still_fifo, "the FIFO was replaced by a regular file");
    let csv = std::fs::read_to_string(d.join("got.csv")).unwrap();
    assert!(csv.starts_with("article,statement,speaker"), "{csv}");
    assert!(csv.contains("ready to talk"), "{csv}");
}

#[test]
fn output_dash_is_stdout() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.txt"), ARTICLE).unwrap();
    let out = stdout_of(
        stance()
            .current_dir(dir.path())
            .args(["score", "news.txt", "--output", "-"]),
    );
    assert!(out.contains("ready to talk"), "{out}");
    assert_eq!(files_in(dir.path()), ["news.txt"]);
}

/// A JSONL collection of one article with a quote.
fn jsonl_collection() -> String {
    let line = serde_json::json!({"id": "n1", "text": ARTICLE, "date": "2026-11-02"});
    format!("{line}\n")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn collections_are_read_whatever_they_are_called_and_gzipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let jsonl = jsonl_collection();
    let csv = format!("id,text\nn1,\"{}\"\n", ARTICLE.replace('"', "\"\""));
    std::fs::write(d.join("news.ndjson"), &jsonl).unwrap();
    std::fs::write(d.join("news.JSONL"), &jsonl).unwrap();
    std::fs::write(d.join("news.CSV"), &csv).unwrap();
    std::fs::write(d.join("news.jsonl.gz"), gzip(jsonl.as_bytes())).unwrap();
    std::fs::write(d.join("news.csv.GZ"), gzip(csv.as_bytes())).unwrap();
    for file in [
        "news.ndjson",
        "news.JSONL",
        "news.CSV",
        "news.jsonl.gz",
        "news.csv.GZ",
    ] {
        let out = stdout_of(stance().current_dir(d).args(["score", file]));
        let rows: Vec<&str> = out.lines().collect();
        assert!(rows[0].ends_with(",date,source"), "{file}: {out}");
        assert!(rows.len() >= 2, "{file}: {out}");
        assert!(rows[1].starts_with("n1,0,"), "{file}: {out}");
    }
    // stdin: as --input-format says, and gzip found by its magic bytes
    for (stdin, format) in [
        (jsonl.clone().into_bytes(), "jsonl"),
        (gzip(jsonl.as_bytes()), "jsonl"),
        (gzip(csv.as_bytes()), "csv"),
    ] {
        let out = stdout_of(
            stance()
                .args(["score", "-", "--input-format", format])
                .write_stdin(stdin),
        );
        assert!(out.lines().nth(1).unwrap().starts_with("n1,0,"), "{out}");
    }
    let out = stdout_of(
        stance()
            .args(["score", "-"])
            .write_stdin(gzip(ARTICLE.as_bytes())),
    );
    assert!(out.contains("stdin,0,"), "{out}");
    // Without --input-format, JSON objects on stdin are a JSONL collection.
    for stdin in [jsonl.clone().into_bytes(), gzip(jsonl.as_bytes())] {
        let out = stdout_of(stance().args(["score", "-"]).write_stdin(stdin));
        let mut rows = out.lines();
        assert!(rows.next().unwrap().ends_with(",date,source"), "{out}");
        assert!(rows.next().unwrap().starts_with("n1,0,"), "{out}");
    }
}

#[test]
fn an_input_without_statements_warns() {
    let out = stance()
        .args(["score", "-", "--input-format", "txt"])
        .write_stdin("No one said anything at all.\n")
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: no statements found"), "{stderr}");
    assert!(stderr.contains("--input-format"), "{stderr}");
}

#[test]
fn lossy_reads_latin1_articles() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut latin1 = ARTICLE.replace("minister", "ministre").into_bytes();
    latin1.extend(b"Le minist\xe8re a dit: \"non\".\n");
    std::fs::write(d.join("latin1.txt"), &latin1).unwrap();
    let stderr = fails_in(d, &["score", "latin1.txt"]);
    assert!(
        stderr.contains("latin1.txt line 2: not valid UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("--lossy"), "{stderr}");
    let out = stdout_of(
        stance()
            .current_dir(d)
            .args(["score", "--lossy", "latin1.txt"]),
    );
    assert!(out.contains("latin1,0,"), "{out}");
    // report --articles treats a bad article as score does: named, skipped,
    // the rest reported, non-zero exit at the end.
    std::fs::write(d.join("good.txt"), ARTICLE).unwrap();
    let run = stance()
        .current_dir(d)
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
    stance()
        .current_dir(d)
        .args(["report", "--articles", "--lossy", "latin1.txt", "good.txt"])
        .assert()
        .success();
}

#[test]
fn article_ids_from_files_are_unique() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for sub in ["d1", "d2"] {
        std::fs::create_dir_all(d.join("news").join(sub)).unwrap();
        std::fs::write(d.join("news").join(sub).join("story.txt"), ARTICLE).unwrap();
    }
    std::fs::write(d.join("news/other.txt"), ARTICLE).unwrap();
    let out = stdout_of(stance().current_dir(d).args(["score", "news"]));
    let ids: std::collections::BTreeSet<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(
        ids.into_iter().collect::<Vec<_>>(),
        ["d1/story", "d2/story", "other"],
        "{out}"
    );
    // Two folders named on the command line: the paths as given tell them apart.
    let out = stdout_of(
        stance()
            .current_dir(d)
            .args(["score", "news/d1", "news/d2"]),
    );
    let ids: std::collections::BTreeSet<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(
        ids.into_iter().collect::<Vec<_>>(),
        ["news/d1/story", "news/d2/story"],
        "{out}"
    );
}

#[test]
fn report_counts_a_scored_file_given_twice_once_and_warns() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("news.txt"), ARTICLE).unwrap();
    stance()
        .current_dir(d)
        .args(["score", "news.txt", "--output", "scored.csv"])
        .assert()
        .success();
    let once = stdout_of(stance().current_dir(d).args(["report", "scored.csv"]));
    let twice = stance()
        .current_dir(d)
        .args(["report", "scored.csv", "scored.csv"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(String::from_utf8_lossy(&twice.stdout), once);
    let stderr = String::from_utf8_lossy(&twice.stderr);
    assert!(
        stderr.contains("1 repeated statement(s) counted once"),
        "{stderr}"
    );
    assert!(
        stderr.contains("scored.csv line 2: article 'news' statement 0"),
        "{stderr}"
    );
}

#[test]
fn train_needs_an_output_and_checks_its_folder_first() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // No default: one would overwrite the model shipped in the repository.
    let stderr = fails_in(
        d,
        &["train", "--data", fixture("small.csv").to_str().unwrap()],
    );
    assert!(stderr.contains("--output"), "{stderr}");
    // A missing folder is found before training, and named without temp paths.
    let stderr = fails_in(
        d,
        &[
            "train",
            "--data",
            fixture("small.csv").to_str().unwrap(),
            "--output",
            "missing/m.json",
        ],
    );
    assert!(stderr.contains("missing/m.json"), "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!stderr.contains(".stance-"), "a temp path: {stderr}");
    assert!(
        !stderr.contains("os error 2): No such"),
        "cause twice: {stderr}"
    );
    assert_eq!(files_in(d), Vec::<String>::new());
}

#[test]
fn train_and_evaluate_read_stdin_and_warn_on_small_sets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = std::fs::read(fixture("small.csv")).unwrap();
    let run = stance()
        .current_dir(d)
        .args(["train", "--folds", "2", "--alphas", "1", "--min-df", "1"])
        .args(["--data", "-", "--output", "m.json"])
        .write_stdin(data.clone())
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!stderr.contains("warning"), "{stderr}");
    let report = stdout_of(
        stance()
            .current_dir(d)
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
    let run = stance()
        .current_dir(d)
        .args(["train", "--folds", "2", "--alphas", "1", "--min-df", "1"])
        .args(["--data", "-", "--out", "few.json"])
        .write_stdin(few)
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("warning: <stdin>: label 'sceptical' has only 3 row(s)"),
        "{stderr}"
    );
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
    std::fs::write(d.join("news.csv"), "id,text\n1,hello\n").unwrap();
    let stderr = fails_in(d, &["score", "--id-column", "key", "news.csv"]);
    assert!(
        stderr.contains("news.csv line 1: no column named 'key'"),
        "{stderr}"
    );
}

/// Runs a shell command line under a pseudo-terminal (`script` from
/// util-linux), so that stderr and stdout are terminals; `None` without it.
fn on_a_terminal(dir: &Path, line: &str) -> Option<String> {
    let out = std::process::Command::new("script")
        .current_dir(dir)
        .args(["-qec", line, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn progress_only_where_it_helps() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let line = serde_json::json!({"text": ARTICLE.repeat(20)}).to_string() + "\n";
    std::fs::write(d.join("news.jsonl"), line.repeat(300)).unwrap();
    std::fs::write(d.join("one.txt"), ARTICLE).unwrap();
    let bin = env!("CARGO_BIN_EXE_stance");
    let Some(shown) = on_a_terminal(d, &format!("{bin} score news.jsonl --output out.csv")) else {
        eprintln!("skipped: no `script` to make a terminal");
        return;
    };
    // A collection gets a bar with bytes and a rate.
    assert!(shown.contains("scoring ["), "{shown:?}");
    assert!(shown.contains("KiB/"), "{shown:?}");
    // --quiet silences it.
    let quiet =
        on_a_terminal(d, &format!("{bin} --quiet score news.jsonl --output q.csv")).unwrap();
    assert_eq!(quiet, "", "{quiet:?}");
    // Rows on the terminal are the progress: no stray bar before the CSV.
    let rows = on_a_terminal(d, &format!("{bin} score one.txt")).unwrap();
    assert!(rows.starts_with("article,statement"), "{rows:?}");
    assert!(!rows.contains("scoring"), "{rows:?}");
}

#[test]
fn one_vocabulary_across_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("news.txt"), ARTICLE).unwrap();
    // classify --input - reads a CSV on stdin; --format json is JSONL for rows.
    let out = stdout_of(
        stance()
            .args(["classify", "--input", "-", "--format", "json"])
            .write_stdin("id,text\nq1,We welcome the talks.\n"),
    );
    let row: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(row["id"], "q1", "{out}");
    // explain: --format text|json, the old --json, and --output.
    let json = stdout_of(stance().args(["explain", "--format", "json", "We welcome the talks."]));
    let old = stdout_of(stance().args(["explain", "--json", "We welcome the talks."]));
    assert_eq!(json, old);
    assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "{json}"
    );
    stance()
        .current_dir(d)
        .args(["explain", "--output", "why.txt", "We welcome the talks."])
        .assert()
        .success();
    // --output and its alias --out on every command that writes.
    for args in [
        &["score", "news.txt", "--out", "a.csv"][..],
        &[
            "score", "news.txt", "--format", "json", "--output", "a.jsonl",
        ],
        &[
            "evaluate",
            "--output",
            "e.txt",
            "--data",
            fixture("small.csv").to_str().unwrap(),
        ],
        &["synth", "statements", "--rows", "3", "--out", "s.csv"],
        &["--threads", "1", "score", "news.txt", "--output", "t.csv"],
    ] {
        stance().current_dir(d).args(args).assert().success();
    }
    assert_eq!(
        files_in(d),
        [
            "a.csv", "a.jsonl", "e.txt", "news.txt", "s.csv", "t.csv", "why.txt"
        ]
    );
    fails_in(d, &["--threads", "0", "score", "news.txt"]);
}

#[test]
fn completions_man_page_and_examples_in_help() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(stance().args(["completions", shell]));
        for word in ["score", "report", "input-format", "output"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    stance().args(["completions", "tcsh"]).assert().failure();
    let man = stdout_of(stance().arg("man"));
    assert!(
        man.contains(".TH stance 1"),
        "{}",
        &man[..200.min(man.len())]
    );
    for sub in ["score", "report", "train", "completions"] {
        assert!(man.contains(sub), "man page lacks {sub}");
    }
    for sub in [
        "train", "evaluate", "classify", "explain", "score", "report", "synth",
    ] {
        let help = stdout_of(stance().args([sub, "--help"]));
        let examples = help.split("Examples:").nth(1).unwrap_or_default();
        assert!(
            examples.matches(&format!("stance {sub}")).count() >= 2,
            "{sub} --help has no examples: {help}"
        );
    }
}

#[test]
fn the_readme_tells_how_to_install_and_what_the_flags_are() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let msrv = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .expect("Cargo.toml sets rust-version")
        .trim_matches('"');
    assert!(
        readme.contains(&format!("Rust {msrv}")),
        "README names Rust {msrv}"
    );
    assert!(manifest.contains("license = \"MIT OR Apache-2.0\""));
    assert!(root.join("LICENSE-MIT").is_file() && root.join("LICENSE-APACHE").is_file());
    for needle in [
        "cargo install --path .",
        "--input-format",
        "--lossy",
        "--quiet",
        "--threads",
        "--output -",
        "stance completions",
        "stance man",
        ".gz",
        "first build",
    ] {
        assert!(readme.contains(needle), "README lacks {needle}");
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_leaves_no_temp_file_and_keeps_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    stance()
        .current_dir(d)
        .args(["synth", "articles", "--mb", "40", "--output", "big.jsonl"])
        .assert()
        .success();
    std::fs::write(d.join("scored.csv"), "the previous output\n").unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stance"))
        .current_dir(d)
        .args([
            "--threads",
            "1",
            "score",
            "big.jsonl",
            "--output",
            "scored.csv",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the temporary output to appear, then interrupt.
    let temp_seen = loop {
        if files_in(d).iter().any(|f| f.starts_with(".stance-")) {
            break true;
        }
        if child.try_wait().unwrap().is_some() {
            break false;
        }
        std::thread::yield_now();
    };
    assert!(temp_seen, "scoring ended before it could be interrupted");
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = child.wait().unwrap();
    assert!(!status.success(), "{status:?}");
    assert_eq!(files_in(d), ["big.jsonl", "scored.csv"]);
    assert_eq!(
        std::fs::read_to_string(d.join("scored.csv")).unwrap(),
        "the previous output\n"
    );
}

#[test]
fn table_kind_is_never_cut() {
    let out = stdout_of(
        stance()
            .args(["score", "-", "--format", "table"])
            .write_stdin("The minister said that talks would resume soon.\n"),
    );
    assert!(out.contains("indirect"), "{out}");
    assert!(!out.contains("indir…"), "{out}");
}

#[test]
fn explain_groups_character_fragments_per_word() {
    // The default model has no character n-grams: train one that has.
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("chars.json");
    stance()
        .args(["train", "--folds", "2", "--alphas", "1", "--min-df", "1"])
        .args(["--char-ngrams", "2-5", "--data"])
        .arg(fixture("small.csv"))
        .arg("--output")
        .arg(&model)
        .assert()
        .success();
    let out = stdout_of(
        stance()
            .args(["explain", "--top", "50", "--model"])
            .arg(&model)
            .arg("We will never negotiate with terrorists."),
    );
    assert!(out.contains("c:terrorists"), "{out}");
    assert!(out.contains("character n-grams; strongest"), "{out}");
    // One line per word and label, not one per fragment.
    let per_label = out.split("strongest:").nth(1).unwrap();
    assert_eq!(per_label.matches("c:terrorists").count(), 1, "{out}");
    assert!(!per_label.contains("c:\"rror\""), "{out}");
}

#[test]
fn an_empty_csv_gets_the_same_message_from_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("empty.csv"), "").unwrap();
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
}

#[test]
fn messages_never_show_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("news.txt"), ARTICLE).unwrap();
    let stderr = fails_in(d, &["score", "news.txt", "--output", "missing/x.csv"]);
    assert!(stderr.contains("missing/x.csv: No such file"), "{stderr}");
    assert!(!stderr.contains(".stance-"), "{stderr}");
    assert_eq!(stderr.matches("os error 2").count(), 1, "{stderr}");
}
