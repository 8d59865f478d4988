//! Sentences: each text paragraph split into sentences; a heading is one unit.
//!
//! Inside a paragraph a sentence ends at `.`, `!`, `?` or an ellipsis
//! followed by a space and a capital, digit or opening quote, except after an
//! abbreviation ("Gen.", "Mr.", "Jan. 31"), an initial ("J. R. Smith"), a
//! dotted acronym that does not end the sentence ("the U.S. State
//! Department"), or inside a quotation, so a quote that holds several
//! sentences stays in one. The quotations come from the `quotes` step, which
//! scans each paragraph once.

use super::bytes::StopBytes;
use super::paragraphs::{Block, Paragraph, is_closing, is_opening, is_terminator};
use super::quotes::Quote;
use super::{Span, lexicon};

/// A sentence or heading, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence text in the article.
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Running text, a heading (never a statement) or the headline.
    pub block: Block,
}

/// Can a sentence start with `c`? Uncased scripts (Arabic, Chinese) always can.
fn starts_sentence(c: char) -> bool {
    c.is_numeric() || is_opening(c) || (c.is_alphabetic() && !c.is_lowercase())
}

/// Splits the paragraphs of `article` into sentences and headings, in order;
/// `quotes` are those of [`quotes::find`](super::quotes::find).
pub fn split(article: &str, paragraphs: &[Paragraph], quotes: &[Quote]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut next_quote = 0;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let first = next_quote;
        while next_quote < quotes.len() && quotes[next_quote].paragraph == index {
            next_quote += 1;
        }
        if paragraph.kind == Block::Text {
            let quotes = &quotes[first..next_quote];
            split_paragraph(article, paragraph.span, index, quotes, &mut sentences);
        } else {
            sentences.push(Sentence {
                span: paragraph.span,
                paragraph: index,
                block: paragraph.kind,
            });
        }
    }
    sentences
}

fn split_paragraph(
    article: &str,
    paragraph: Span,
    index: usize,
    quotes: &[Quote],
    out: &mut Vec<Sentence>,
) {
    let mut quote = 0;
    let text = &article[paragraph.start..paragraph.end];
    let mut start = 0;
    let mut from = 0;
    while let Some((i, c)) = next_terminator(text, from) {
        // The whole run of terminators and closing marks: "...", "?!”", ".)".
        let mut run_end = i + c.len_utf8();
        let mut dots = usize::from(c == '.');
        for d in text[run_end..].chars() {
            if is_terminator(d) || is_closing(d) {
                dots += usize::from(d == '.');
                run_end += d.len_utf8();
            } else {
                break;
            }
        }
        from = run_end;
        let rest = &text[run_end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() || after_space.is_empty() {
            continue;
        }
        let next_start = run_end + (rest.len() - after_space.len());
        if !after_space.chars().next().is_some_and(starts_sentence) {
            continue;
        }
        if c == '.' && dots == 1 && !ends_sentence_after(&text[start..i], after_space) {
            continue;
        }
        let boundary = paragraph.start + run_end;
        while quote < quotes.len() && quotes[quote].outer.end <= boundary {
            quote += 1;
        }
        if quotes.get(quote).is_some_and(|q| q.outer.start < boundary) {
            continue;
        }
        push(
            article,
            Span::new(paragraph.start + start, boundary),
            index,
            out,
        );
        start = next_start;
    }
    push(
        article,
        Span::new(paragraph.start + start, paragraph.end),
        index,
        out,
    );
}

/// The bytes a terminator is or starts with.
static TERMINATOR_BYTES: StopBytes = StopBytes::new(b".!?", &[0xD8, 0xE2, 0xE3, 0xEF]);

/// The first [`is_terminator`] char of `text` at or after byte `from`.
///
/// Found by bytes, without decoding the chars between: every terminator is
/// ASCII or starts with the lead byte 0xD8, 0xE2, 0xE3 or 0xEF.
fn next_terminator(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        at = TERMINATOR_BYTES.find(bytes, at)?;
        // `at` starts a char: the four are lead bytes, never continuations.
        let c = text[at..].chars().next()?;
        if is_terminator(c) {
            return Some((at, c));
        }
        at += c.len_utf8();
    }
}

fn push(article: &str, span: Span, paragraph: usize, out: &mut Vec<Sentence>) {
    let span = span.trim(article);
    if !span.is_empty() {
        out.push(Sentence {
            span,
            paragraph,
            block: Block::Text,
        });
    }
}

/// Does a single full stop after `before` end the sentence when `after` follows?
fn ends_sentence_after(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let next_word: &str = after
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let next_is_number = after.starts_with(|c: char| c.is_ascii_digit());
    let mut letters = word.chars();
    let initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    let dotted = word.contains('.') && word.split('.').all(|part| part.chars().count() == 1);
    if lexicon::ABBREVIATIONS.contains(&word) || initial {
        false
    } else if lexicon::MONTH_ABBREVIATIONS.contains(&word) {
        !next_is_number
    } else if dotted {
        lexicon::SENTENCE_STARTERS.contains(&next_word)
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::{paragraphs, quotes};
    use super::*;

    fn split_text(article: &str) -> Vec<Sentence> {
        let paragraphs = paragraphs::split(article, paragraphs::First::Detect);
        split(article, &paragraphs, &quotes::find(article, &paragraphs))
    }

    /// Checks the sentence texts of `article`; headings are marked with a leading `#`.
    fn assert_sentences(article: &str, expected: &[&str]) {
        let got: Vec<String> = split_text(article)
            .iter()
            .map(|s| {
                let text = &article[s.span.start..s.span.end];
                match s.block {
                    Block::Text => text.to_string(),
                    Block::Heading => format!("#{text}"),
                    Block::Headline => format!("!{text}"),
                }
            })
            .collect();
        assert_eq!(got, expected, "sentences of {article:?}");
    }

    #[test]
    fn splits_on_full_stops_but_not_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            (
                "It rained. Then it stopped.",
                &["It rained.", "Then it stopped."],
            ),
            (
                "Gen. Ibarra spoke. Mr. Ruiz left.",
                &["Gen. Ibarra spoke.", "Mr. Ruiz left."],
            ),
            (
                "The U.S. State Department spoke.",
                &["The U.S. State Department spoke."],
            ),
            (
                "He flew to the U.S. The talks began.",
                &["He flew to the U.S.", "The talks began."],
            ),
            (
                "Talks end by Jan. 31. They may not.",
                &["Talks end by Jan. 31.", "They may not."],
            ),
            ("J. R. Smith said so.", &["J. R. Smith said so."]),
            (
                "Growth was 3.5 percent. Prices rose.",
                &["Growth was 3.5 percent.", "Prices rose."],
            ),
            ("Really? Yes! Fine.", &["Really?", "Yes!", "Fine."]),
            (
                "It was slow… Then it sped up.",
                &["It was slow…", "Then it sped up."],
            ),
            ("Wait... and see.", &["Wait... and see."]),
            (
                "The U.N. envoy and the U.K. team met.",
                &["The U.N. envoy and the U.K. team met."],
            ),
            (
                "Adm. Ngô Bảo spoke at 6 p.m. on Friday.",
                &["Adm. Ngô Bảo spoke at 6 p.m. on Friday."],
            ),
        ];
        for (article, expected) in cases {
            assert_sentences(article, expected);
        }
    }

    #[test]
    fn quotes_with_full_stops_stay_whole() {
        let cases: &[(&str, &[&str])] = &[
            (
                "“We waited. We are tired,” she said. Then she left.",
                &["“We waited. We are tired,” she said.", "Then she left."],
            ),
            ("“One.” “Two.”", &["“One.”", "“Two.”"]),
            (
                "He said \"It is over.\" Then he left.",
                &["He said \"It is over.\"", "Then he left."],
            ),
            (
                "“Unclosed. Still quoted. Still",
                &["“Unclosed. Still quoted. Still"],
            ),
        ];
        for (article, expected) in cases {
            assert_sentences(article, expected);
        }
    }

    #[test]
    fn lines_are_paragraphs_and_short_bare_lines_are_headings() {
        let article = "Kovač Rejects Talks\n\nShe spoke first\nand then left.\r\nEurope Stays Calm\n“We wait”";
        assert_sentences(
            article,
            &[
                "!Kovač Rejects Talks",
                "#She spoke first",
                "and then left.",
                "#Europe Stays Calm",
                "“We wait”",
            ],
        );
        let paragraphs: Vec<usize> = split_text(article).iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 2, 3, 4]);
    }

    /// Terminators among chars that share their lead bytes.
    const TERMINATOR_CHARS: &[char] = &[
        'a', ' ', '.', '!', '?', '…', '。', '！', '？', '؟', '’', '“', '、', '，', 'ؠ', '\u{FEFF}',
        'é',
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The terminators found by bytes are those a walk over every char finds.
        #[test]
        fn terminators_found_by_bytes_are_the_chars_ones(
            picks in proptest::collection::vec(0..TERMINATOR_CHARS.len(), 0..40)
        ) {
            let text: String = picks.iter().map(|&i| TERMINATOR_CHARS[i]).collect();
            let walked: Vec<(usize, char)> =
                text.char_indices().filter(|&(_, c)| is_terminator(c)).collect();
            let mut found = Vec::new();
            let mut from = 0;
            while let Some((at, c)) = next_terminator(&text, from) {
                found.push((at, c));
                from = at + c.len_utf8();
            }
            proptest::prop_assert_eq!(found, walked);
        }
    }
}
