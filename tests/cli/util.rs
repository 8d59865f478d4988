//! Helpers shared by every test module: the built binary, fixtures, temporary
//! folders and the one quick model most tests classify with.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;

/// An article with one direct quote and a speaker.
pub const ARTICLE: &str = "The minister said: \u{201C}We are ready to talk.\u{201D}\n";

/// The built `stance` binary.
pub fn stance() -> Command {
    cargo_bin_cmd!("stance")
}

/// The built `stance` binary, run in `dir`.
pub fn stance_in(dir: &Path) -> Command {
    let mut cmd = stance();
    cmd.current_dir(dir);
    cmd
}

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file or folder in `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// A file in `tests/fixtures/bad`, one kind of damage each.
pub fn bad(name: &str) -> PathBuf {
    fixture("bad").join(name)
}

/// A file in the shipped `data/` folder.
pub fn data(name: &str) -> PathBuf {
    root().join("data").join(name)
}

/// Writes [`ARTICLE`] to `news.txt` in `dir` and scores it into `scored.csv`.
pub fn score_article_in(dir: &Path) {
    write(dir, "news.txt", ARTICLE);
    stance_in(dir)
        .args(["score", "news.txt", "--output", "scored.csv"])
        .assert()
        .success();
}

/// Writes `content` to `name` in `dir` and returns the path.
pub fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// Runs `cmd`, which must succeed; its stdout.
pub fn stdout_of(cmd: &mut Command) -> String {
    succeeds(cmd).0
}

/// Runs `cmd`, which must succeed; its stdout and stderr.
pub fn succeeds(cmd: &mut Command) -> (String, String) {
    let out = cmd.assert().success().get_output().clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `cmd`, which must fail without a panic and say every `expected`;
/// its stderr.
pub fn fails_with(cmd: &mut Command, expected: &[&str]) -> String {
    let out = cmd.assert().failure().get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    for e in expected {
        assert!(stderr.contains(e), "{stderr:?} should contain {e:?}");
    }
    stderr
}

/// `stance ARGS` in `dir`, which must fail without a panic; its stderr.
pub fn fails_in(dir: &Path, args: &[&str]) -> String {
    fails_with(stance_in(dir).args(args), &[])
}

/// The names of the files in `dir`, sorted: nothing half-written, no temp file.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `stance train` with the quick settings (2 folds, one alpha, every word
/// kept): seconds, not minutes. More flags may follow.
pub fn train_quick(data: impl AsRef<OsStr>, output: impl AsRef<OsStr>) -> Command {
    let mut cmd = stance();
    cmd.args(["train", "--folds", "2", "--alphas", "1", "--min-df", "1"])
        .arg("--data")
        .arg(data)
        .arg("--output")
        .arg(output);
    cmd
}

/// A quick model trained on `fixtures/small.csv`, once per test run and
/// shared: tests read it and never change it.
pub fn quick_model() -> &'static Path {
    static MODEL: OnceLock<PathBuf> = OnceLock::new();
    MODEL.get_or_init(|| {
        // Cargo's scratch folder for tests, not a TempDir: a static is never
        // dropped, so a TempDir would be left in /tmp. Trained afresh on every
        // run, so never stale; training is deterministic and writes by
        // renaming, so two runs at once write the same bytes in turn.
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("quick-model.json");
        train_quick(fixture("small.csv"), &path).assert().success();
        path
    })
}

/// `stance SUBCOMMAND --model MODEL`, for classify, evaluate and explain.
pub fn with_model(subcommand: &str, model: &Path) -> Command {
    let mut cmd = stance();
    cmd.args([subcommand, "--model"]).arg(model);
    cmd
}

/// `stance score --format jsonl ARGS...`, which must succeed; one value a row.
pub fn score_jsonl<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> Vec<serde_json::Value> {
    stdout_of(stance().args(["score", "--format", "jsonl"]).args(args))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A row's `start..end`, as byte offsets.
pub fn span(row: &serde_json::Value) -> std::ops::Range<usize> {
    let at = |key: &str| usize::try_from(row[key].as_u64().unwrap()).unwrap();
    at("start")..at("end")
}
