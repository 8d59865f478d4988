//! `stance score`: statements, speakers, spans and labels on articles we wrote.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use stance::extract::extract;
use stance::extract::gold::{GoldScore, read_gold, score_gold};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn score_jsonl(args: &[&std::ffi::OsStr]) -> Vec<serde_json::Value> {
    let out = cargo_bin_cmd!("stance")
        .args(["score", "--format", "jsonl"])
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn example_articles_give_spans_speakers_and_labels() {
    let dir = root().join("data/articles");
    let rows = score_jsonl(&[dir.as_os_str()]);
    assert!(rows.len() >= 40, "{} statements", rows.len());
    let mut speakers: BTreeSet<(String, String)> = BTreeSet::new();
    for row in &rows {
        let article = row["article"].as_str().unwrap();
        let text = std::fs::read_to_string(dir.join(format!("{article}.txt"))).unwrap();
        let (start, end) = (
            row["start"].as_u64().unwrap() as usize,
            row["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[start..end],
            row["text"].as_str().unwrap(),
            "span of {row}"
        );
        assert!(
            ["conciliatory", "sceptical", "hawkish", "neutral"]
                .contains(&row["label"].as_str().unwrap())
        );
        let p: f64 = ["p_conciliatory", "p_sceptical", "p_hawkish", "p_neutral"]
            .iter()
            .map(|k| row[*k].as_f64().unwrap())
            .sum();
        assert!((p - 1.0).abs() < 1e-9);
        if let Some(s) = row["speaker"].as_str() {
            speakers.insert((article.to_owned(), s.to_owned()));
        }
    }
    for (article, speaker) in [
        ("varnia-ostrel-talks", "Katarína Novotná"),
        ("eu-us-tariff-truce", "Margit Sørensen"),
        ("eu-us-tariff-truce", "Daniel Whitcomb"),
        ("rail-strike", "Jürgen Köhler"),
        ("rail-strike", "Annika Lindqvist"),
        ("climate-fund-talks", "Tevita Fonua"),
        ("strait-naval-standoff", "Ivo Šarić"),
    ] {
        assert!(
            speakers.contains(&(article.to_owned(), speaker.to_owned())),
            "{speaker} missing from {article}: {speakers:?}"
        );
    }
    // News outlets are sources, never speakers.
    for (_, s) in &speakers {
        for outlet in ["Reuters", "Herald", "BBC"] {
            assert!(!s.contains(outlet), "outlet {s} became a speaker");
        }
    }
    // Statement indexes count from 0 within each article.
    assert_eq!(rows[0]["statement"], 0);
}

#[test]
fn a_clearly_hawkish_and_a_clearly_conciliatory_statement_are_labelled_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.txt");
    std::fs::write(
        &path,
        "Defence Minister Željko Marić said his forces would answer any incursion with \
         overwhelming force and that there would be no talks.\n\n\
         “We are ready to sit down tomorrow, without preconditions,” said Anaïs Lefèvre, \
         the mediator.\n",
    )
    .unwrap();
    let rows = score_jsonl(&[path.as_os_str()]);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["speaker"], "Željko Marić");
    assert_eq!(rows[0]["label"], "hawkish");
    assert_eq!(rows[1]["speaker"], "Anaïs Lefèvre");
    assert_eq!(rows[1]["label"], "conciliatory");
    assert_eq!(rows[1]["kind"], "direct");
}

fn gold_score(dir: &Path) -> GoldScore {
    let mut total = GoldScore::default();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let article = std::fs::read_to_string(&path).unwrap();
            let gold = read_gold(&path.with_extension("gold.jsonl")).unwrap();
            total.add(score_gold(&article, &extract(&article), &gold));
        }
    }
    total
}

#[test]
fn extraction_finds_the_annotated_statements_and_speakers() {
    for (dir, min_recall, min_speaker) in [
        ("tests/fixtures/eval-articles", 0.95, 0.95),
        ("tests/fixtures/blind-articles", 0.95, 0.95),
        ("tests/fixtures/blind-articles-2", 0.90, 0.80),
    ] {
        let path = root().join(dir);
        if !path.exists() {
            continue;
        }
        let s = gold_score(&path);
        assert!(s.gold > 40, "{dir}: {} gold statements", s.gold);
        assert!(s.recall() >= min_recall, "{dir}: recall {:.3}", s.recall());
        assert!(
            s.speaker_accuracy() >= min_speaker,
            "{dir}: speaker accuracy {:.3}",
            s.speaker_accuracy()
        );
    }
}

#[test]
fn collections_carry_ids_dates_and_sources_and_stdin_works() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("c.jsonl");
    std::fs::write(
        &jsonl,
        concat!(
            r#"{"id": "x1", "date": "2026-11-02", "source": "Herald", "text": "The minister said: \"We will crush them.\""}"#,
            "\n"
        ),
    )
    .unwrap();
    let rows = score_jsonl(&[jsonl.as_os_str()]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["article"], "x1");
    assert_eq!(rows[0]["date"], "2026-11-02");
    assert_eq!(rows[0]["source"], "Herald");

    let out = cargo_bin_cmd!("stance")
        .args(["score", "--format", "csv", "-"])
        .write_stdin("Foreign Minister Anna Kovač said the talks were premature.\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with(
        "article,statement,speaker,start,end,text,label,confidence,p_conciliatory,p_hawkish,p_neutral,p_sceptical,kind\n"
    ));
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .starts_with("stdin,0,Anna Kovač,0,"),
        "{out}"
    );
}

#[test]
fn a_collection_title_is_the_headline_and_its_span_indexes_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let title = "Vellmark vows ‘mirror response’ to new duties";
    let text = "BRENSK (AFP) - Vellmark’s government said on Tuesday it would answer the duties “in kind.”";
    let jsonl = dir.path().join("c.jsonl");
    let row = serde_json::json!({"id": "v1", "title": title, "text": text});
    std::fs::write(&jsonl, format!("{row}\n")).unwrap();
    let csv = dir.path().join("c.csv");
    let mut writer = csv::Writer::from_path(&csv).unwrap();
    writer.write_record(["id", "title", "text"]).unwrap();
    writer.write_record(["v2", title, text]).unwrap();
    writer.flush().unwrap();
    let rows = score_jsonl(&[jsonl.as_os_str(), csv.as_os_str()]);
    assert_eq!(rows.len(), 4, "{rows:#?}");
    for pair in rows.chunks(2) {
        let (headline, body) = (&pair[0], &pair[1]);
        assert_eq!(headline["kind"], "headline");
        assert_eq!(headline["statement"], 0);
        assert_eq!(headline["text"], title);
        let (start, end) = (
            headline["start"].as_u64().unwrap() as usize,
            headline["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&title[start..end], title);
        assert_eq!(headline["speaker"], "Vellmark’s government");
        // The text's statement keeps its offsets into the text, dateline left out.
        assert_eq!(body["kind"], "indirect");
        let (start, end) = (
            body["start"].as_u64().unwrap() as usize,
            body["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], body["text"].as_str().unwrap());
        assert!(text[start..end].starts_with("Vellmark’s government said"));
    }
}

#[test]
fn min_confidence_marks_uncertain_and_keeps_probabilities() {
    let path: PathBuf = root().join("data/articles/rail-strike.txt");
    let rows = score_jsonl(&[
        path.as_os_str(),
        "--min-confidence".as_ref(),
        "0.99".as_ref(),
    ]);
    let uncertain: Vec<_> = rows.iter().filter(|r| r["label"] == "uncertain").collect();
    assert!(!uncertain.is_empty());
    for r in uncertain {
        assert!(r["confidence"].as_f64().unwrap() < 0.99);
        assert!(r["p_hawkish"].is_number());
    }
}

#[test]
fn output_file_is_written_whole_and_csv_cells_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "“=HYPERLINK(1) and we will talk,” said Anna Kovač.\n",
    )
    .unwrap();
    let out = dir.path().join("out.csv");
    cargo_bin_cmd!("stance")
        .arg("score")
        .arg(&article)
        .arg("--output")
        .arg(&out)
        .assert()
        .success();
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.contains(",'=HYPERLINK(1) and we will talk,"), "{csv}");
}
