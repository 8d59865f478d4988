//! A command line that behaves like ripgrep, xsv and jq: one vocabulary of
//! flags, help with examples, completions, a man page, progress only on a
//! terminal, and a README that says so.

use std::path::Path;

use crate::util::{
    ARTICLE, fails_in, files_in, fixture, root, stance, stance_in, stdout_of, write,
};

#[test]
fn one_vocabulary_across_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "news.txt", ARTICLE);
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
    stance_in(d)
        .args(["explain", "--output", "why.txt", "We welcome the talks."])
        .assert()
        .success();
    // --output and its alias --out on every command that writes.
    let small = fixture("small.csv");
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
            small.to_str().unwrap(),
        ],
        &["synth", "statements", "--rows", "3", "--out", "s.csv"],
        &["--threads", "1", "score", "news.txt", "--output", "t.csv"],
    ] {
        stance_in(d).args(args).assert().success();
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
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
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
    assert!(root().join("LICENSE-MIT").is_file() && root().join("LICENSE-APACHE").is_file());
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
    write(d, "news.jsonl", line.repeat(300));
    write(d, "one.txt", ARTICLE);
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
