//! Inputs at the edges of size and sense: a ten-megabyte line, megabyte
//! paragraphs, quote storms, right-to-left text. The slowest tests, so their
//! module sorts early and they start first.

use crate::util::{score_jsonl, span, stance, stdout_of, write};

#[test]
fn a_ten_megabyte_line_is_classified() {
    let dir = tempfile::tempdir().unwrap();
    let chunk = "we will not talk to them ever again but maybe later ";
    let line = chunk.repeat(10 * 1024 * 1024 / chunk.len());
    let path = write(dir.path(), "long.csv", format!("id,text\n1,{line}\n"));
    let out = stdout_of(
        stance()
            .args(["classify", "--format", "csv", "--input"])
            .arg(path),
    );
    assert_eq!(out.lines().count(), 2);
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
        let path = write(dir.path(), &format!("{name}.txt"), &text);
        for row in score_jsonl([&path]) {
            let span = span(&row);
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{name}"
            );
            assert_eq!(&text[span], row["text"].as_str().unwrap(), "{name}");
        }
    }
}
