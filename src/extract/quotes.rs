//! Quotations: the top-level quoted passages of each paragraph.
//!
//! Marks: straight `"`, curly “ ”, low „, guillemets « », and single ‘ ’ or
//! `'` (inner quotes, or outer quotes in British style). A single mark inside
//! a word or after a letter is an apostrophe (don’t, Russia’s, the ’90s). An
//! unbalanced double quote is closed at the end of its paragraph, so it never
//! derails the rest of the article; an unbalanced single mark is taken for an
//! apostrophe.

use super::Span;
use super::bytes::StopBytes;
use super::paragraphs::{Block, Paragraph, is_double_mark};

/// One top-level quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to just past the closing mark (or the paragraph end).
    pub outer: Span,
    /// The quoted content, without marks and surrounding whitespace.
    pub inner: Span,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// Index of the paragraph that holds the quote.
    pub paragraph: usize,
}

/// Finds the quotes of every text paragraph, in order: each paragraph is
/// scanned once, and later steps (sentences, attribution) read the result.
pub fn find(article: &str, paragraphs: &[Paragraph]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if paragraph.kind != Block::Text {
            continue;
        }
        for (outer, inner, closed) in scan(article, paragraph.span) {
            quotes.push(Quote {
                outer,
                inner,
                closed,
                paragraph: index,
            });
        }
    }
    quotes
}

/// Deepest nesting of quotes tracked; real text rarely goes past three, and
/// the bound keeps each mark's look-up constant.
const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
    Single,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    mark: char,
    pos: usize,
    len: usize,
}

/// Top-level quotes of one paragraph as `(outer, inner, closed)`.
///
/// A top-level single mark left open at the paragraph end was an apostrophe
/// after all: the scan is redone without it (a few times at most, then without
/// any single marks), which keeps the work linear.
fn scan(article: &str, paragraph: Span) -> Vec<(Span, Span, bool)> {
    let mut apostrophes = Vec::new();
    for _ in 0..4 {
        match scan_once(article, paragraph, &apostrophes, true) {
            Ok(quotes) => return quotes,
            Err(pos) => apostrophes.push(pos),
        }
    }
    scan_once(article, paragraph, &apostrophes, false).unwrap_or_default()
}

fn opens_after(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace()
            || matches!(
                p,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '"' | '‘' | '«' | '„'
            )
    })
}

/// Is `c` a char the scan acts on?
fn is_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '"' | '«' | '»' | '‘' | '’' | '\'')
}

/// A quote mark or apostrophe of a paragraph, with the chars around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    /// Byte offset into the paragraph.
    at: usize,
    /// The mark's char; two straight apostrophes typed for a double mark
    /// (`''We are ready,'' he said`, as some wires write) are one `"`.
    c: char,
    /// Its length in bytes.
    len: usize,
    prev: Option<char>,
    next: Option<char>,
}

/// The bytes a mark is or starts with.
static MARK_BYTES: StopBytes = StopBytes::new(b"\"'", &[0xC2, 0xE2]);

/// Every [`is_mark`] char of `text`, in order.
///
/// Only the marks matter to the scan, and the chars around them: so the
/// bytes between are skipped without decoding (every mark is `"`, `'` or
/// starts with the byte 0xC2 or 0xE2), which was most of the scan's time.
fn marks(text: &str) -> impl Iterator<Item = Mark> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let at = MARK_BYTES.find(bytes, from)?;
            // `at` starts a char: 0xC2 and 0xE2 are lead bytes, never continuations.
            let mut c = text[at..].chars().next()?;
            from = at + c.len_utf8();
            // ("the ''90s": a doubled apostrophe before a digit stays one)
            if c == '\''
                && bytes.get(from) == Some(&b'\'')
                && !bytes.get(from + 1).is_some_and(u8::is_ascii_digit)
            {
                c = '"';
                from += 1;
            }
            if is_mark(c) {
                return Some(Mark {
                    at,
                    c,
                    len: from - at,
                    prev: text[..at].chars().next_back(),
                    next: text[from..].chars().next(),
                });
            }
        }
    })
}

fn scan_once(
    article: &str,
    paragraph: Span,
    apostrophes: &[usize],
    singles: bool,
) -> Result<Vec<(Span, Span, bool)>, usize> {
    let text = &article[paragraph.start..paragraph.end];
    let mut stack: Vec<Open> = Vec::new();
    let mut quotes = Vec::new();
    for Mark {
        at: i,
        c,
        len,
        prev,
        next,
    } in marks(text)
    {
        let pos = paragraph.start + i;
        let opens = opens_after(prev);
        let last_of = |stack: &[Open], f: &dyn Fn(&Open) -> bool| stack.iter().rposition(f);
        let mut close = |stack: &mut Vec<Open>, k: usize| {
            let open = stack[k];
            stack.truncate(k);
            if k == 0 {
                let inner = Span::new(open.pos + open.len, pos).trim(article);
                quotes.push((Span::new(open.pos, pos + len), inner, true));
            }
        };
        let open = |stack: &mut Vec<Open>, family| {
            if stack.len() < MAX_DEPTH {
                stack.push(Open {
                    family,
                    mark: c,
                    pos,
                    len,
                });
            }
        };
        match c {
            '“' => match last_of(&stack, &|o| o.mark == '„') {
                Some(k) => close(&mut stack, k),
                // `“We are ready,“ she said`: an opening mark typed for the
                // closing one, right after the quote's last punctuation.
                None if !opens
                    && prev.is_some_and(|p| matches!(p, ',' | '.' | '!' | '?'))
                    && next.is_none_or(char::is_whitespace) =>
                {
                    if let Some(k) = last_of(&stack, &|o| o.mark == '“') {
                        close(&mut stack, k);
                    }
                }
                None => open(&mut stack, Family::Double),
            },
            '„' => open(&mut stack, Family::Double),
            '”' => match last_of(&stack, &|o| o.family == Family::Double) {
                Some(k) => close(&mut stack, k),
                None if opens && next.is_some_and(char::is_alphanumeric) => {
                    open(&mut stack, Family::Double)
                }
                None => {}
            },
            '"' => match last_of(&stack, &|o| o.mark == '"') {
                Some(k) => close(&mut stack, k),
                // A stray closer (or an inch mark) opens nothing.
                None if prev.is_some_and(char::is_alphanumeric)
                    && next.is_none_or(char::is_whitespace) => {}
                None => open(&mut stack, Family::Double),
            },
            '«' => open(&mut stack, Family::Guillemet),
            '»' => {
                if let Some(k) = last_of(&stack, &|o| o.family == Family::Guillemet) {
                    close(&mut stack, k);
                }
            }
            '‘' | '’' | '\'' if singles && !apostrophes.contains(&pos) => {
                let open_single = last_of(&stack, &|o| o.family == Family::Single);
                let closes = prev.is_some_and(|p| !p.is_whitespace())
                    && next.is_none_or(|n| !n.is_alphanumeric());
                match open_single {
                    Some(k) if c != '‘' && closes => close(&mut stack, k),
                    _ if c != '’' && opens && next.is_some_and(char::is_alphabetic) => {
                        open(&mut stack, Family::Single)
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    match stack.first() {
        Some(bottom) if bottom.family == Family::Single => Err(bottom.pos),
        Some(bottom) => {
            let from = bottom.pos + bottom.len;
            if let Some(end) = forgotten_close(article, Span::new(from, paragraph.end)) {
                let inner = Span::new(from, end).trim(article);
                quotes.push((Span::new(bottom.pos, end), inner, true));
                return Ok(quotes);
            }
            let inner = Span::new(from, paragraph.end).trim(article);
            quotes.push((Span::new(bottom.pos, paragraph.end), inner, false));
            Ok(quotes)
        }
        None => Ok(quotes),
    }
}

/// Verbs of an inverted attribution that show where a quote whose closing
/// mark was left out ends: `“We are ready, said Minister Ana Rusu.`
const FORGOTTEN_CLOSE_VERBS: &[&str] = &["said", "says", "added"];

/// Where an unclosed quote (`rest` runs from just past its opening mark to
/// the paragraph end) ends after all: just past the comma of `, said
/// Minister Ana Rusu` or `, said he`, a reporting verb followed by a
/// capitalised name or a pronoun, with no other double quote mark after
/// the opening one. None when the quote really runs on (into the next
/// paragraph, as long quotes do).
fn forgotten_close(article: &str, rest: Span) -> Option<usize> {
    let text = &article[rest.start..rest.end];
    if text.contains(is_double_mark) {
        return None;
    }
    let mut from = 0;
    while let Some(at) = text[from..].find(", ").map(|a| from + a) {
        from = at + 2;
        let mut words = text[from..].split_whitespace();
        let (Some(verb), Some(next)) = (words.next(), words.next()) else {
            return None;
        };
        let named = next.chars().next().is_some_and(char::is_uppercase)
            || matches!(next.trim_end_matches([',', '.']), "he" | "she");
        // At least three words before the comma: a statement, not a stray
        // opener.
        let said = text[..at].split_whitespace().count() >= 3;
        if FORGOTTEN_CLOSE_VERBS.contains(&verb) && named && said {
            return Some(rest.start + at + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the inner texts and closed flags of a paragraph's top-level quotes.
    fn assert_quotes(text: &str, expected: &[(&str, bool)]) {
        let got: Vec<(&str, bool)> = scan(text, Span::new(0, text.len()))
            .into_iter()
            .map(|(_, inner, closed)| (&text[inner.start..inner.end], closed))
            .collect();
        assert_eq!(got, expected, "quotes of {text:?}");
    }

    #[test]
    fn finds_top_level_quotes_of_every_style() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("He said “we are ready” today.", &[("we are ready", true)]),
            ("He said \"we are ready\" today.", &[("we are ready", true)]),
            (
                "Il a dit « nous sommes prêts » hier.",
                &[("nous sommes prêts", true)],
            ),
            (
                "Er sagte „wir sind bereit“ gestern.",
                &[("wir sind bereit", true)],
            ),
            ("‘We are ready,’ he said.", &[("We are ready,", true)]),
            ("'We are ready,' he said.", &[("We are ready,", true)]),
            ("“A,” he said, “B.”", &[("A,", true), ("B.", true)]),
            (
                "“He called it ‘a farce’ and left,” she said.",
                &[("He called it ‘a farce’ and left,", true)],
            ),
            (
                "“He said \"no\" twice.”",
                &[("He said \"no\" twice.", true)],
            ),
            // two straight apostrophes typed for a double mark
            (
                "''Vell and Ostland called it off,'' he said.",
                &[("Vell and Ostland called it off,", true)],
            ),
        ];
        for (text, expected) in cases {
            assert_quotes(text, expected);
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("Russia’s envoy said they don’t know.", &[]),
            ("The ''90s were hard, he said.", &[]),
            ("Back in the ’90s the owners’ club met.", &[]),
            (
                "Trask’s plan: “We’re going to wait,” he said.",
                &[("We’re going to wait,", true)],
            ),
            ("It's the 'burbs vs the city.", &[]),
            ("Rock 'n' roll is here", &[("n", true)]),
            ("A 12\" gun fired. “Stop,” she said.", &[("Stop,", true)]),
        ];
        for (text, expected) in cases {
            assert_quotes(text, expected);
        }
    }

    #[test]
    fn unclosed_quotes_end_at_the_paragraph() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("He said “we will fight on", &[("we will fight on", false)]),
            (
                "“A,” he said, “and then",
                &[("A,", true), ("and then", false)],
            ),
            (
                "‘an unmatched single then “a double”",
                &[("a double", true)],
            ),
            ("”Reversed marks”", &[("Reversed marks", true)]),
            ("\"", &[("", false)]),
        ];
        for (text, expected) in cases {
            assert_quotes(text, expected);
        }
    }

    /// Chars around and inside quote marks, their lead bytes shared by
    /// other chars (é, ·, –, …, U+2028, U+0085).
    const MARK_CHARS: &[char] = &[
        'a', 'Z', '9', ' ', '\n', '.', ',', '(', '-', '"', '\'', '“', '”', '„', '«', '»', '‘', '’',
        'é', '·', '–', '—', '…', '\u{2028}', '\u{85}', '\u{A0}', 'Ł', '🙂',
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The marks skipped to are those a walk over every char finds.
        #[test]
        fn skipping_finds_every_mark(
            picks in proptest::collection::vec(0..MARK_CHARS.len(), 0..40)
        ) {
            let text: String = picks.iter().map(|&i| MARK_CHARS[i]).collect();
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let mut walked = Vec::new();
            let mut k = 0;
            while k < chars.len() {
                let (at, c) = chars[k];
                let char_at = |j: usize| chars.get(j).map(|n| n.1);
                // two apostrophes, not before a digit, are one double mark
                let doubled = c == '\''
                    && char_at(k + 1) == Some('\'')
                    && !char_at(k + 2).is_some_and(|d| d.is_ascii_digit());
                let (mark, width) = if doubled { ('"', 2) } else { (c, 1) };
                if is_mark(mark) {
                    walked.push(Mark {
                        at,
                        c: mark,
                        len: if doubled { 2 } else { c.len_utf8() },
                        prev: k.checked_sub(1).map(|p| chars[p].1),
                        next: char_at(k + width),
                    });
                }
                k += width;
            }
            proptest::prop_assert_eq!(marks(&text).collect::<Vec<_>>(), walked);
        }
    }

    #[test]
    fn find_scans_text_paragraphs_only() {
        let article = "“One,” he said. “Two.”\nTalks “Stall” Again\n“Three";
        let paragraphs =
            super::super::paragraphs::split(article, super::super::paragraphs::First::Detect);
        let quotes = find(article, &paragraphs);
        let got: Vec<(&str, usize)> = quotes
            .iter()
            .map(|q| (&article[q.inner.start..q.inner.end], q.paragraph))
            .collect();
        assert_eq!(got, [("One,", 0), ("Two.", 0), ("Three", 2)]);
    }

    #[test]
    fn an_opening_mark_typed_for_a_closing_one_closes_the_quote() {
        assert_quotes(
            "“The fleet will stay in port,“ the coast guard chief said.",
            &[("The fleet will stay in port,", true)],
        );
        assert_quotes(
            "He called it “a farce“ and left.",
            &[("a farce“ and left.", false)],
        );
    }

    #[test]
    fn a_forgotten_closing_mark_ends_before_an_inverted_attribution() {
        assert_quotes(
            "“The harbour talks went well, said Minister Ana Rusu on Monday after the round.",
            &[("The harbour talks went well,", true)],
        );
        assert_quotes(
            "“We will sign soon, said she.",
            &[("We will sign soon,", true)],
        );
        // A quote running on into the next paragraph stays open, and so does
        // one whose comma starts no attribution.
        assert_quotes(
            "“We came to talk, said nothing for an hour, and left.",
            &[(
                "We came to talk, said nothing for an hour, and left.",
                false,
            )],
        );
        assert_quotes(
            "“The fleet is ready, and the crews are rested.",
            &[("The fleet is ready, and the crews are rested.", false)],
        );
    }
}
