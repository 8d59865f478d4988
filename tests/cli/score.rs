//! `stance score`: statements, speakers, spans and labels; the inputs it
//! reads; extraction that never panics.

use std::collections::BTreeSet;

use proptest::prelude::*;
use stance::extract::extract;
use stance::extract::gold::{GoldScore, read_gold, score_gold};

use crate::util::{
    ARTICLE, data, fails_with, fixture, score_jsonl, span, stance, stance_in, stdout_of, succeeds,
    write,
};

#[test]
fn example_articles_give_spans_speakers_and_labels() {
    let dir = data("articles");
    let rows = score_jsonl([&dir]);
    assert!(rows.len() >= 40, "{} statements", rows.len());
    let mut speakers: BTreeSet<(String, String)> = BTreeSet::new();
    for row in &rows {
        let article = row["article"].as_str().unwrap();
        let text = std::fs::read_to_string(dir.join(format!("{article}.txt"))).unwrap();
        assert_eq!(
            &text[span(row)],
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
    let path = write(
        dir.path(),
        "two.txt",
        "Defence Minister Željko Marić said his forces would answer any incursion with \
         overwhelming force and that there would be no talks.\n\n\
         “We are ready to sit down tomorrow, without preconditions,” said Anaïs Lefèvre, \
         the mediator.\n",
    );
    let rows = score_jsonl([&path]);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["speaker"], "Željko Marić");
    assert_eq!(rows[0]["label"], "hawkish");
    assert_eq!(rows[1]["speaker"], "Anaïs Lefèvre");
    assert_eq!(rows[1]["label"], "conciliatory");
    assert_eq!(rows[1]["kind"], "direct");
}

fn gold_score(dir: &std::path::Path) -> GoldScore {
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
        ("eval-articles", 0.95, 0.95),
        ("blind-articles", 0.95, 0.95),
        ("blind-articles-2", 0.90, 0.80),
    ] {
        let path = fixture(dir);
        assert!(path.is_dir(), "{dir} is missing");
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
    let jsonl = write(
        dir.path(),
        "c.jsonl",
        concat!(
            r#"{"id": "x1", "date": "2026-11-02", "source": "Herald", "text": "The minister said: \"We will crush them.\""}"#,
            "\n"
        ),
    );
    let rows = score_jsonl([&jsonl]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["article"], "x1");
    assert_eq!(rows[0]["date"], "2026-11-02");
    assert_eq!(rows[0]["source"], "Herald");

    let out = stdout_of(
        stance()
            .args(["score", "--format", "csv", "-"])
            .write_stdin("Foreign Minister Anna Kovač said the talks were premature.\n"),
    );
    // The columns of earlier versions first; with context on (the default)
    // what the model gave each statement alone follows.
    assert!(out.starts_with(
        "article,statement,speaker,start,end,text,label,confidence,p_conciliatory,p_hawkish,p_neutral,p_sceptical,kind,\
         alone_conciliatory,alone_hawkish,alone_neutral,alone_sceptical\n"
    ));
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .starts_with("stdin,0,Anna Kovač,0,"),
        "{out}"
    );
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
    write(d, "news.ndjson", &jsonl);
    write(d, "news.JSONL", &jsonl);
    write(d, "news.CSV", &csv);
    write(d, "news.jsonl.gz", gzip(jsonl.as_bytes()));
    write(d, "news.csv.GZ", gzip(csv.as_bytes()));
    for file in [
        "news.ndjson",
        "news.JSONL",
        "news.CSV",
        "news.jsonl.gz",
        "news.csv.GZ",
    ] {
        let out = stdout_of(stance_in(d).args(["score", file]));
        let rows: Vec<&str> = out.lines().collect();
        assert!(
            rows[0].contains(",kind,date,source,alone_"),
            "{file}: {out}"
        );
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
        assert!(
            rows.next().unwrap().contains(",date,source,alone_"),
            "{out}"
        );
        assert!(rows.next().unwrap().starts_with("n1,0,"), "{out}");
    }
}

#[test]
fn a_collection_title_is_the_headline_and_its_span_indexes_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let title = "Vellmark vows ‘mirror response’ to new duties";
    let text = "BRENSK (AFP) - Vellmark’s government said on Tuesday it would answer the duties “in kind.”";
    let row = serde_json::json!({"id": "v1", "title": title, "text": text});
    let jsonl = write(dir.path(), "c.jsonl", format!("{row}\n"));
    let csv = dir.path().join("c.csv");
    let mut writer = csv::Writer::from_path(&csv).unwrap();
    writer.write_record(["id", "title", "text"]).unwrap();
    writer.write_record(["v2", title, text]).unwrap();
    writer.flush().unwrap();
    let rows = score_jsonl([&jsonl, &csv]);
    assert_eq!(rows.len(), 4, "{rows:#?}");
    for pair in rows.chunks(2) {
        let (headline, body) = (&pair[0], &pair[1]);
        assert_eq!(headline["kind"], "headline");
        assert_eq!(headline["statement"], 0);
        assert_eq!(headline["text"], title);
        assert_eq!(&title[span(headline)], title);
        // The headline's place speaks, not the government of it the text quotes.
        assert_eq!(headline["speaker"], "Vellmark");
        // The text's statement keeps its offsets into the text, dateline left out.
        assert_eq!(body["kind"], "indirect");
        assert_eq!(&text[span(body)], body["text"].as_str().unwrap());
        assert!(text[span(body)].starts_with("Vellmark’s government said"));
    }
}

#[test]
fn min_confidence_marks_uncertain_and_keeps_probabilities() {
    let path = data("articles/rail-strike.txt");
    let rows = score_jsonl([
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
    let article = write(
        dir.path(),
        "a.txt",
        "“=HYPERLINK(1) and we will talk,” said Anna Kovač.\n",
    );
    let out = dir.path().join("out.csv");
    stance()
        .arg("score")
        .arg(&article)
        .arg("--output")
        .arg(&out)
        .assert()
        .success();
    let csv = std::fs::read_to_string(&out).unwrap();
    // The quote keeps the comma inside its marks, so the cell is quoted too.
    assert!(
        csv.contains(",\"'=HYPERLINK(1) and we will talk,\","),
        "{csv}"
    );
}

#[test]
fn an_input_without_statements_warns() {
    let (_, stderr) = succeeds(
        stance()
            .args(["score", "-", "--input-format", "txt"])
            .write_stdin("No one said anything at all.\n"),
    );
    assert!(stderr.contains("warning: no statements found"), "{stderr}");
    assert!(stderr.contains("--input-format"), "{stderr}");
}

/// The article ids in a score CSV, sorted.
fn article_ids(csv: &str) -> Vec<&str> {
    let ids: BTreeSet<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    ids.into_iter().collect()
}

#[test]
fn article_ids_from_files_are_unique() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for sub in ["d1", "d2"] {
        std::fs::create_dir_all(d.join("news").join(sub)).unwrap();
        write(&d.join("news").join(sub), "story.txt", ARTICLE);
    }
    write(d, "news/other.txt", ARTICLE);
    let out = stdout_of(stance_in(d).args(["score", "news"]));
    assert_eq!(
        article_ids(&out),
        ["d1/story", "d2/story", "other"],
        "{out}"
    );
    // Two folders named on the command line: the paths as given tell them apart.
    let out = stdout_of(stance_in(d).args(["score", "news/d1", "news/d2"]));
    assert_eq!(
        article_ids(&out),
        ["news/d1/story", "news/d2/story"],
        "{out}"
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
        let statements = extract(&text);
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

#[test]
fn context_is_mixed_in_and_the_statement_alone_stays_visible() {
    let text = "Trade Minister Lena Varga said her government was ready to resume talks \
                next week. \"We welcome every proposal on the table,\" Varga said. \
                Union leader Tom Brandt warned that workers would strike if the offer \
                was not improved.\n";
    let rows = |extra: &[&str]| -> Vec<serde_json::Value> {
        let out = stdout_of(
            stance()
                .args(["score", "--format", "jsonl", "-"])
                .args(extra)
                .write_stdin(text),
        );
        out.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let alone = rows(&["--speaker-context", "0", "--article-context", "0"]);
    let mixed = rows(&[]);
    assert!(alone.len() >= 3, "{alone:?}");
    assert_eq!(alone.len(), mixed.len());
    let labels = ["conciliatory", "hawkish", "neutral", "sceptical"];
    for (a, m) in alone.iter().zip(&mixed) {
        // Off: the columns of earlier versions only.
        assert!(a.get("alone_hawkish").is_none(), "{a}");
        // On: what the model gave the statement alone is the off run's p_.
        for l in labels {
            assert_eq!(m[format!("alone_{l}")], a[format!("p_{l}")], "{m}");
        }
        let sum: f64 = labels
            .iter()
            .map(|l| m[format!("p_{l}")].as_f64().unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-9, "{m}");
    }
    // Varga speaks twice: her statements moved; context changed something.
    assert!(
        alone
            .iter()
            .zip(&mixed)
            .any(|(a, m)| a["p_hawkish"] != m["p_hawkish"]),
        "{mixed:?}"
    );
    for bad in [
        ["--speaker-context", "1.5"],
        ["--article-context=-0.1", "--speaker-context=0"],
    ] {
        fails_with(
            stance().args(["score", "-"]).args(bad).write_stdin(text),
            &["must be between 0 and 1"],
        );
    }
}

/// `--encoder` labels with the shipped encoder model: `explain` shows the
/// encoder's contribution beside the words (the default model has none),
/// `score` labels an article with it, and it refuses `--model` and
/// `--no-encoder`, which would make it mean something else.
#[test]
fn the_shipped_encoder_model_is_one_flag_away() {
    let text = "The minister said the talks had made real progress.";
    let with = stdout_of(stance().args(["explain", "--encoder", "--top", "500", text]));
    assert!(with.contains("  encoder "), "{with}");
    let without = stdout_of(stance().args(["explain", "--top", "500", text]));
    assert!(!without.contains("  encoder "), "{without}");
    let article =
        "Talks resume\n\nThe minister said on Monday that the talks had made real progress.\n";
    let rows = stdout_of(
        stance()
            .args(["score", "--encoder", "--format", "jsonl", "-"])
            .write_stdin(article),
    );
    assert!(rows.contains("\"speaker\""), "{rows}");
    for extra in [&["--model", "m.json"][..], &["--no-encoder"][..]] {
        fails_with(
            stance()
                .args(["score", "--encoder", "-"])
                .args(extra)
                .write_stdin(article),
            &["cannot be used with"],
        );
    }
}
