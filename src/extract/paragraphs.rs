//! Paragraphs: every line of the article is a paragraph, a heading or the
//! headline.
//!
//! A short line without final punctuation is a heading: its own unit, never
//! split into sentences.

use super::Span;

/// One non-empty line of the article, trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text.
    pub span: Span,
    /// What the line is.
    pub kind: Block,
}

/// What a line of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// Running text: sentences, quotes, statements.
    Text,
    /// A subheading or other short line without final punctuation.
    Heading,
}

/// Headings are at most this many words long.
const MAX_HEADING_WORDS: usize = 20;

fn is_line_break(c: char) -> bool {
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

/// Splits `article` into its non-empty lines, in order.
pub fn split(article: &str) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut line_start = 0;
    let breaks = article.char_indices().filter(|&(_, c)| is_line_break(c));
    for (line_end, c) in breaks.chain(std::iter::once((article.len(), '\n'))) {
        let line = Span::new(line_start, line_end).trim(article);
        line_start = line_end + c.len_utf8();
        if line.is_empty() {
            continue;
        }
        let kind = if is_heading(&article[line.start..line.end]) {
            Block::Heading
        } else {
            Block::Text
        };
        paragraphs.push(Paragraph { span: line, kind });
    }
    paragraphs
}

/// A short line without final punctuation, and not an unclosed quotation.
fn is_heading(line: &str) -> bool {
    let last = line.chars().next_back().unwrap_or('.');
    let punctuated = is_terminator(last) || is_closing(last) || matches!(last, ':' | ';' | ',');
    let double_marks = line
        .chars()
        .filter(|c| matches!(c, '“' | '”' | '„' | '«' | '»' | '"'))
        .count();
    let balanced = double_marks % 2 == 0;
    let opens_quote = line.starts_with(is_opening);
    !punctuated && !opens_quote && balanced && line.split_whitespace().count() <= MAX_HEADING_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the lines of `article`; headings are marked with a leading `#`.
    fn assert_paragraphs(article: &str, expected: &[&str]) {
        let got: Vec<String> = split(article)
            .iter()
            .map(|p| {
                let text = &article[p.span.start..p.span.end];
                match p.kind {
                    Block::Text => text.to_string(),
                    Block::Heading => format!("#{text}"),
                }
            })
            .collect();
        assert_eq!(got, expected, "paragraphs of {article:?}");
    }

    #[test]
    fn lines_are_paragraphs_and_short_bare_lines_are_headings() {
        assert_paragraphs(
            "Kovač Rejects Talks\n\nShe spoke first\nand then left.\r\nEurope Stays Calm\n“We wait”",
            &[
                "#Kovač Rejects Talks",
                "#She spoke first",
                "and then left.",
                "#Europe Stays Calm",
                "“We wait”",
            ],
        );
    }
}
