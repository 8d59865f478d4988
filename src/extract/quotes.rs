//! Quotations: the top-level quoted passages of each paragraph.
//!
//! Marks: straight `"`, curly “ ”, low „, guillemets « », and single ‘ ’ or
//! `'` (inner quotes, or outer quotes in British style). A single mark inside
//! a word or after a letter is an apostrophe (don’t, Russia’s, the ’90s). An
//! unbalanced double quote is closed at the end of its paragraph, so it never
//! derails the rest of the article; an unbalanced single mark is taken for an
//! apostrophe.

use super::Span;
use super::paragraphs::{Block, Paragraph};

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

fn scan_once(
    article: &str,
    paragraph: Span,
    apostrophes: &[usize],
    singles: bool,
) -> Result<Vec<(Span, Span, bool)>, usize> {
    let text = &article[paragraph.start..paragraph.end];
    let mut stack: Vec<Open> = Vec::new();
    let mut quotes = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let pos = paragraph.start + i;
        let len = c.len_utf8();
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
        prev = Some(c);
    }
    match stack.first() {
        Some(bottom) if bottom.family == Family::Single => Err(bottom.pos),
        Some(bottom) => {
            let inner = Span::new(bottom.pos + bottom.len, paragraph.end).trim(article);
            quotes.push((Span::new(bottom.pos, paragraph.end), inner, false));
            Ok(quotes)
        }
        None => Ok(quotes),
    }
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
        ];
        for (text, expected) in cases {
            assert_quotes(text, expected);
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("Russia’s envoy said they don’t know.", &[]),
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
}
