//! Paragraphs: every line of the article is a paragraph, a heading or the
//! headline, and a paragraph's dateline is furniture, not text.
//!
//! The first line, when a blank line follows it and it is short and does not
//! end in a full stop, is the headline ("India slams US over oil tariff"): it
//! may report what someone said. Any other short line without final
//! punctuation is a heading: its own unit, never part of a sentence (one of
//! eight words or more that reports speech, a standfirst, is read as the
//! headline is: attribution decides). A dateline
//! opening a paragraph ("BEIJING, China —", "WASHINGTON:", "MOSCOW (Reuters)
//! -", "GENEVA, March 3 (AFP) -") is left out of the paragraph's text, so
//! neither its place nor its outlet is ever read as a speaker.

use super::Span;
use super::bytes::StopBytes;
use super::lexicon;

/// One non-empty line of the article, trimmed, without its dateline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text.
    pub span: Span,
    /// What the line is.
    pub kind: Block,
    /// The dateline left out of `span`, if the line opens with one.
    pub dateline: Option<Span>,
}

/// How the first line is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum First {
    /// A headline only if it looks like one and a blank line follows it.
    Detect,
    /// Always the headline (a collection's `title` field put before the text).
    Headline,
}

/// What a line of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// Running text: sentences, quotes, statements.
    Text,
    /// A subheading or other short line without final punctuation.
    Heading,
    /// The article's headline: a heading that may report what someone said.
    Headline,
}

/// Headings are at most this many words long.
const MAX_HEADING_WORDS: usize = 20;
/// A headline is at most this many words long.
const MAX_HEADLINE_WORDS: usize = 25;
/// Most words of the place and date in a dateline.
const MAX_DATELINE_WORDS: usize = 8;

/// Ends a line, and so a paragraph.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0b}' | '\u{0c}'
    )
}

/// Ends a sentence.
pub fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟')
}

/// Closes a quote or a bracket.
pub fn is_closing(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | '»' | ')' | ']' | '“')
}

/// Opens a quote or a bracket.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '"' | '‘' | '\'' | '«' | '„' | '(' | '[' | '¿' | '¡'
    )
}

/// The bytes a line break is or starts with.
static BREAK_BYTES: StopBytes = StopBytes::new(b"\n\r\x0b\x0c", &[0xC2, 0xE2]);

/// Every [`is_line_break`] char of `text` and its offset, in order.
///
/// Found by bytes, without decoding the chars between: every break is an
/// ASCII control or starts with the lead byte 0xC2 (U+0085) or 0xE2 (U+2028,
/// U+2029).
fn line_breaks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let at = BREAK_BYTES.find(bytes, from)?;
            // `at` starts a char: 0xC2 and 0xE2 are lead bytes, never continuations.
            let c = text[at..].chars().next()?;
            from = at + c.len_utf8();
            if is_line_break(c) {
                return Some((at, c));
            }
        }
    })
}

/// Splits `article` into its non-empty lines, in order.
pub fn split(article: &str, first: First) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut line_start = 0;
    // Whether a blank line follows the first line; None until the next line is seen.
    let mut blank_after_first = None;
    let mut after_cr = None;
    let breaks = line_breaks(article);
    for (line_end, c) in breaks.chain(std::iter::once((article.len(), '\n'))) {
        let line = Span::new(line_start, line_end).trim(article);
        line_start = line_end + c.len_utf8();
        // "\r\n" is one break: the "\n" right after "\r" ends no line.
        let crlf = c == '\n' && after_cr == Some(line_end);
        after_cr = (c == '\r').then_some(line_start);
        if crlf {
            continue;
        }
        if line.is_empty() {
            if paragraphs.len() == 1 && blank_after_first.is_none() {
                blank_after_first = Some(true);
            }
            continue;
        }
        if paragraphs.len() == 1 && blank_after_first.is_none() {
            blank_after_first = Some(false);
        }
        let text = &article[line.start..line.end];
        let (kind, span, dateline) = if is_heading(text) {
            (Block::Heading, line, None)
        } else {
            match dateline(text) {
                Some(len) => {
                    let body = Span::new(line.start + len, line.end).trim(article);
                    let dateline = Span::new(line.start, line.start + len).trim(article);
                    (Block::Text, body, Some(dateline))
                }
                None => (Block::Text, line, None),
            }
        };
        if span.is_empty() {
            continue;
        }
        paragraphs.push(Paragraph {
            span,
            kind,
            dateline,
        });
    }
    if let Some(p) = paragraphs.first_mut() {
        let text = &article[p.span.start..p.span.end];
        let headline = match first {
            First::Headline => true,
            First::Detect => blank_after_first == Some(true) && looks_like_headline(text),
        };
        if headline {
            // A dateline cannot open a headline: the line is read whole.
            if let Some(dateline) = p.dateline.take() {
                p.span.start = dateline.start;
            }
            p.kind = Block::Headline;
        }
    }
    paragraphs
}

/// Short, and not ending in a full stop (a one-sentence lead paragraph does).
fn looks_like_headline(line: &str) -> bool {
    let before_marks = line.trim_end_matches(is_closing);
    !before_marks.ends_with('.') && line.split_whitespace().count() <= MAX_HEADLINE_WORDS
}

/// The length in bytes of a dateline opening `line`, separator included:
/// a place in capitals ("THE HAGUE"), then optionally a region or a date
/// after a comma ("Netherlands", "March 3"), then optionally an agency in
/// brackets ("(AFP)"), then a dash or a colon. A place not in capitals
/// counts only before an agency ("Kyiv (Reuters) -").
fn dateline(line: &str) -> Option<usize> {
    if let Some(len) = dated_place(line) {
        return Some(len);
    }
    let mut words = 0;
    let mut capitals = false;
    let mut agency = false;
    let mut rest = line;
    // The place: words up to a comma, a bracket or the separator.
    loop {
        let word_len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ':'))
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        if word.is_empty() {
            break;
        }
        let letters = word.chars().filter(|c| c.is_alphabetic());
        let upper = letters.clone().count() > 0 && letters.clone().all(char::is_uppercase);
        let title = word.chars().next().is_some_and(char::is_uppercase);
        if words == 0 {
            capitals = upper;
        }
        if !(title && (upper == capitals)) || words >= MAX_DATELINE_WORDS {
            return None;
        }
        words += 1;
        rest = rest[word_len..].trim_start();
        if rest.starts_with([',', '(', ':']) || is_dash_start(rest) {
            break;
        }
    }
    if words == 0 {
        return None;
    }
    // Region or date: ", Netherlands", ", March 3".
    if let Some(after) = rest.strip_prefix(',') {
        let end = after
            .find(['(', '—', '–', ':'])
            .or_else(|| after.find(" - "))
            .unwrap_or(after.len());
        let part = after[..end].trim();
        let ok = !part.is_empty()
            && part.split_whitespace().count() + words <= MAX_DATELINE_WORDS
            && part.split_whitespace().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || lexicon::NOT_NAMES.contains(&w)
            });
        if !ok {
            return None;
        }
        rest = after[end..].trim_start();
    }
    if let Some(after) = rest.strip_prefix('(') {
        let close = after.find(')')?;
        let name = &after[..close];
        if name.is_empty() || name.len() > 40 || !name.starts_with(char::is_uppercase) {
            return None;
        }
        agency = true;
        rest = after[close + 1..].trim_start();
    }
    if !(capitals || agency) {
        return None;
    }
    let after = if let Some(after) = rest.strip_prefix(':') {
        // "WASHINGTON:" only with a place in capitals and no agency.
        if !capitals || agency {
            return None;
        }
        after
    } else if is_dash_start(rest) {
        let dash = rest.chars().next()?;
        &rest[dash.len_utf8()..]
    } else {
        return None;
    };
    // The text goes on after a space.
    if !after.starts_with(char::is_whitespace) || after.trim().is_empty() {
        return None;
    }
    Some(line.len() - after.len())
}

/// Most words of the place in a dateline that only a date closes.
const MAX_DATED_PLACE_WORDS: usize = 3;

/// The length in bytes of a dateline that a date closes with no dash after
/// it: a place in title case, a comma, a month and a day, optionally an
/// agency in brackets ("Nairobi, Aug 17 Raila Odinga ...", "Lagos, March 3
/// (IANS) The union ..."). The month and the day make it a dateline; the
/// text goes on with a capital.
fn dated_place(line: &str) -> Option<usize> {
    let (place, after) = line.split_once(',')?;
    let place_words = place.split_whitespace().count();
    if place_words == 0
        || place_words > MAX_DATED_PLACE_WORDS
        || !place
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    let (month, rest) = after.trim_start().split_once(char::is_whitespace)?;
    if !lexicon::MONTHS.contains(&month.trim_end_matches('.').to_lowercase().as_str()) {
        return None;
    }
    let rest = rest.trim_start();
    let day = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if !(1..=2).contains(&day) || !rest[day..].starts_with(char::is_whitespace) {
        return None;
    }
    let mut rest = rest[day..].trim_start();
    if let Some(inside) = rest.strip_prefix('(') {
        let close = inside.find(')')?;
        rest = inside[close + 1..].trim_start();
    }
    if is_dash_start(rest) {
        rest = rest[rest.chars().next()?.len_utf8()..].trim_start();
    }
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    Some(line.len() - rest.len())
}

fn is_dash_start(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some('—' | '–' | '-')) && chars.next().is_some_and(char::is_whitespace)
}

/// A double quote mark of any style, opening or closing.
pub(super) fn is_double_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '«' | '»' | '"')
}

/// A short line without final punctuation, and not an unclosed quotation.
fn is_heading(line: &str) -> bool {
    let last = line.chars().next_back().unwrap_or('.');
    let punctuated = is_terminator(last) || is_closing(last) || matches!(last, ':' | ';' | ',');
    // Nearly every line is punctuated: the tests that read it whole come last.
    let balanced = || {
        let double_marks = line.chars().filter(|&c| is_double_mark(c)).count();
        double_marks % 2 == 0
    };
    let opens_quote = line.starts_with(is_opening);
    !punctuated
        && !opens_quote
        && balanced()
        && line.split_whitespace().count() <= MAX_HEADING_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the lines of `article`; headings are marked with a leading
    /// `#`, the headline with `!`, and a dateline is shown in brackets.
    fn assert_paragraphs(article: &str, first: First, expected: &[&str]) {
        let got: Vec<String> = split(article, first)
            .iter()
            .map(|p| {
                let text = &article[p.span.start..p.span.end];
                let text = match p.dateline {
                    Some(d) => format!("[{}] {text}", &article[d.start..d.end]),
                    None => text.to_string(),
                };
                match p.kind {
                    Block::Text => text,
                    Block::Heading => format!("#{text}"),
                    Block::Headline => format!("!{text}"),
                }
            })
            .collect();
        assert_eq!(got, expected, "paragraphs of {article:?}");
    }

    #[test]
    fn lines_are_paragraphs_and_short_bare_lines_are_headings() {
        assert_paragraphs(
            "Kovač Rejects Talks\n\nShe spoke first\nand then left.\r\nEurope Stays Calm\n“We wait”",
            First::Detect,
            &[
                "!Kovač Rejects Talks",
                "#She spoke first",
                "and then left.",
                "#Europe Stays Calm",
                "“We wait”",
            ],
        );
    }

    #[test]
    fn the_first_line_is_the_headline_only_before_a_blank_line() {
        let cases: &[(&str, First, &[&str])] = &[
            (
                "Ostrava says it will ‘not bow’ to pressure\n\nThe city said so.",
                First::Detect,
                &[
                    "!Ostrava says it will ‘not bow’ to pressure",
                    "The city said so.",
                ],
            ),
            (
                "Talks Resume\nThe city said so.",
                First::Detect,
                &["#Talks Resume", "The city said so."],
            ),
            (
                "The city said talks would resume.\n\nNothing else.",
                First::Detect,
                &["The city said talks would resume.", "Nothing else."],
            ),
            (
                "The city said talks were “over.”\n\nNothing else.",
                First::Detect,
                &["The city said talks were “over.”", "Nothing else."],
            ),
            // A title from a collection is the headline whatever its form.
            (
                "Vell rejects the offer.\n\nThe city said so.",
                First::Headline,
                &["!Vell rejects the offer.", "The city said so."],
            ),
            (
                "\r\n\r\nMarlow vows to fight on\r\n\r\nHe said so.",
                First::Detect,
                &["!Marlow vows to fight on", "He said so."],
            ),
        ];
        for (article, first, expected) in cases {
            assert_paragraphs(article, *first, expected);
        }
    }

    #[test]
    fn datelines_are_left_out_of_the_text() {
        let cases: &[(&str, &[&str])] = &[
            (
                "BEIJING, China — The ministry said talks were over.",
                &["[BEIJING, China —] The ministry said talks were over."],
            ),
            (
                "WASHINGTON: The envoy said no.",
                &["[WASHINGTON:] The envoy said no."],
            ),
            (
                "MOSCOW (Reuters) - The Kremlin said no.",
                &["[MOSCOW (Reuters) -] The Kremlin said no."],
            ),
            (
                "GENEVA, March 3 (AFP) - The envoy said no.",
                &["[GENEVA, March 3 (AFP) -] The envoy said no."],
            ),
            (
                "THE HAGUE, Netherlands — The court said no.",
                &["[THE HAGUE, Netherlands —] The court said no."],
            ),
            (
                "Vell City (Vell Press Agency) – The mayor said no.",
                &["[Vell City (Vell Press Agency) –] The mayor said no."],
            ),
            (
                "Nairobi, Aug 17 Raila Odinga said no.",
                &["[Nairobi, Aug 17] Raila Odinga said no."],
            ),
            (
                "Port Vell, March 3 (VPA) The union said no.",
                &["[Port Vell, March 3 (VPA)] The union said no."],
            ),
            // not datelines
            (
                "Kovač, May 4 was the date the minister gave.",
                &["Kovač, May 4 was the date the minister gave."],
            ),
            (
                "Vell, Ostland and Marn said no.",
                &["Vell, Ostland and Marn said no."],
            ),
            (
                "Anna Kovač said: “We are ready.”",
                &["Anna Kovač said: “We are ready.”"],
            ),
            (
                "Kovač - the minister - said no.",
                &["Kovač - the minister - said no."],
            ),
            ("NATO said no.", &["NATO said no."]),
            ("The NATO summit — a row.", &["The NATO summit — a row."]),
        ];
        for (article, expected) in cases {
            assert_paragraphs(article, First::Detect, expected);
        }
    }

    /// Line breaks among chars that share their lead bytes (é, ’, “, –, U+00A0).
    const BREAK_CHARS: &[char] = &[
        'a', ' ', '.', '\n', '\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}', '\u{A0}',
        'é', '’', '“', '–', '\u{2027}', '\u{202A}', '🙂',
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The breaks found by bytes are those a walk over every char finds.
        #[test]
        fn breaks_found_by_bytes_are_the_chars_ones(
            picks in proptest::collection::vec(0..BREAK_CHARS.len(), 0..40)
        ) {
            let text: String = picks.iter().map(|&i| BREAK_CHARS[i]).collect();
            let walked: Vec<(usize, char)> =
                text.char_indices().filter(|&(_, c)| is_line_break(c)).collect();
            proptest::prop_assert_eq!(line_breaks(&text).collect::<Vec<_>>(), walked);
        }
    }
}
