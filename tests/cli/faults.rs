//! Nothing lost: failures, kills, interrupts and closed pipes leave the
//! previous output as it was and no temporary file; thread counts change no byte.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use crate::util::{
    ARTICLE, bad, data, fails_in, fails_with, files_in, fixture, score_article_in, stance,
    stance_in, stdout_of, write,
};

#[test]
fn a_failed_score_leaves_the_previous_output_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    score_article_in(d);
    let before = std::fs::read(d.join("scored.csv")).unwrap();
    assert!(before.len() > 60, "a real output to lose");
    write(d, "no_text.csv", "id,body\n1,hello\n");
    write(d, "empty.csv", "");
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

#[test]
fn failed_score_to_a_file_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    fails_with(
        stance()
            .args(["score", "--model"])
            .arg(bad("model_truncated.json"))
            .arg("--output")
            .arg(dir.path().join("scored.csv"))
            .arg(fixture("small.csv")),
        &["model_truncated.json"],
    );
    assert_eq!(files_in(dir.path()), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn output_to_a_fifo_is_written_to_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "news.txt", ARTICLE);
    let fifo = d.join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let got = std::fs::File::create(d.join("got.csv")).unwrap();
    let mut cat = Command::new("cat").arg(&fifo).stdout(got).spawn().unwrap();
    let run = stance_in(d)
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
    write(dir.path(), "news.txt", ARTICLE);
    let out = stdout_of(stance_in(dir.path()).args(["score", "news.txt", "--output", "-"]));
    assert!(out.contains("ready to talk"), "{out}");
    assert_eq!(files_in(dir.path()), ["news.txt"]);
}

#[test]
fn sigkill_during_training_keeps_the_previous_model() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("model.json");
    std::fs::copy(fixture("tiny_model.json"), &out).unwrap();
    let before = std::fs::read(&out).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stance"))
        .args(["train", "--data"])
        .arg(data("quotes.csv"))
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

#[cfg(unix)]
#[test]
fn ctrl_c_leaves_no_temp_file_and_keeps_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    stance_in(d)
        .args(["synth", "articles", "--mb", "40", "--output", "big.jsonl"])
        .assert()
        .success();
    write(d, "scored.csv", "the previous output\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_stance"))
        .current_dir(d)
        .args([
            "--threads",
            "1",
            "score",
            "big.jsonl",
            "--output",
            "scored.csv",
        ])
        .stderr(Stdio::null())
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
    let sent = Command::new("kill")
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

/// Runs `args` with `stdin` written in, reads the first line of stdout, then
/// closes the pipe as `| head -1` does: the exit is 0 and stderr silent.
fn stops_quietly_when_the_reader_goes(args: &[&std::ffi::OsStr], stdin: &str, first: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stance"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(stdin.as_bytes()).unwrap();
    }
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(line.starts_with(first), "{line}");
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "exit {:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn score_into_a_closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "many.txt",
        "Minister Anna Kovač said we are ready to talk.\n\n".repeat(5_000),
    );
    stops_quietly_when_the_reader_goes(
        &[
            "score".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
            path.as_os_str(),
        ],
        "",
        "article,statement",
    );
}

#[test]
fn classify_into_a_closed_pipe_exits_quietly() {
    let lines: String = (0..20_000)
        .map(|i| format!("statement number {i}: we are ready to talk\n"))
        .collect();
    stops_quietly_when_the_reader_goes(
        &["classify".as_ref(), "--format".as_ref(), "csv".as_ref()],
        &lines,
        "text,label",
    );
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
        scores.push(stdout_of(
            stance()
                .env("RAYON_NUM_THREADS", threads)
                .args(["score", "--format", "jsonl"])
                .arg(data("articles")),
        ));
        reports.push(stdout_of(
            stance()
                .env("RAYON_NUM_THREADS", threads)
                .args(["report", "--format", "json", "--articles"])
                .arg(data("articles")),
        ));
    }
    assert_eq!(models[0], models[1], "models differ with thread count");
    assert_eq!(scores[0], scores[1], "scores differ with thread count");
    assert_eq!(reports[0], reports[1], "reports differ with thread count");
}
