//! The BERT-uncased WordPiece tokenizer of all-MiniLM-L6-v2, step for step as
//! its `tokenizer.json` describes it: special tokens, then the BertNormalizer
//! (clean text, pad CJK ideographs, strip accents, lowercase), then the
//! BertPreTokenizer (whitespace and punctuation), then greedy WordPiece.

use rustc_hash::FxHashMap;
use unicode_general_category::{GeneralCategory as Gc, get_general_category};
use unicode_normalization::UnicodeNormalization;

/// Words longer than this many chars are one unknown token, as in the model.
const MAX_WORD_CHARS: usize = 100;
/// The model's special tokens. They are matched in the raw text before
/// normalisation (`normalized: false`), so a literal "[SEP]" in a quote is the
/// separator token, as it is for the Python tokenizer.
const SPECIALS: [&str; 5] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

/// A vocabulary and the ids the encoder needs by name.
#[derive(Debug)]
pub(crate) struct WordPiece {
    ids: FxHashMap<String, u32>,
    specials: Vec<(&'static str, u32)>,
    pub(crate) unk: u32,
    pub(crate) cls: u32,
    pub(crate) sep: u32,
}

impl WordPiece {
    /// The vocabulary of `vocab.txt`: one token per line, its id its line
    /// number from 0. Errors name what is missing.
    pub(crate) fn new(vocab: &str) -> Result<WordPiece, String> {
        let mut ids = FxHashMap::default();
        for (id, token) in vocab.lines().enumerate() {
            let id = u32::try_from(id).map_err(|_| "vocabulary too large".to_owned())?;
            // The first line wins if a token repeats, as in the Python loader's map.
            ids.entry(token.to_owned()).or_insert(id);
        }
        let id = |token: &str| {
            ids.get(token)
                .copied()
                .ok_or_else(|| format!("vocabulary has no {token} token"))
        };
        let unk = id("[UNK]")?;
        let cls = id("[CLS]")?;
        let sep = id("[SEP]")?;
        let specials = SPECIALS
            .iter()
            .filter_map(|&s| ids.get(s).map(|&i| (s, i)))
            .collect();
        Ok(WordPiece {
            ids,
            specials,
            unk,
            cls,
            sep,
        })
    }

    /// The ids of `text`, appended to `out`.
    pub(crate) fn tokenize(&self, text: &str, out: &mut Vec<u32>) {
        let mut normalized = String::with_capacity(text.len() + 8);
        let mut piece = String::new();
        let mut rest = text;
        while !rest.is_empty() {
            let (before, special) = self.next_special(rest);
            normalize(&rest[..before], &mut normalized);
            for word in pre_tokenize(&normalized) {
                self.word_pieces(word, &mut piece, out);
            }
            match special {
                Some((len, id)) => {
                    out.push(id);
                    rest = &rest[before + len..];
                }
                None => rest = "",
            }
        }
    }

    /// The byte offset of the first special token in `text` and its length
    /// and id, or the end of `text` and none.
    fn next_special(&self, text: &str) -> (usize, Option<(usize, u32)>) {
        for (at, _) in text.match_indices('[') {
            let tail = &text[at..];
            if let Some(&(s, id)) = self.specials.iter().find(|(s, _)| tail.starts_with(s)) {
                return (at, Some((s.len(), id)));
            }
        }
        (text.len(), None)
    }

    /// Greedy longest-match-first pieces of one word, or one unknown token
    /// when some part of it matches nothing.
    fn word_pieces(&self, word: &str, piece: &mut String, out: &mut Vec<u32>) {
        if word.chars().count() > MAX_WORD_CHARS {
            out.push(self.unk);
            return;
        }
        let first = out.len();
        let mut start = 0;
        while start < word.len() {
            let mut end = word.len();
            let found = loop {
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&word[start..end]);
                if let Some(&id) = self.ids.get(piece.as_str()) {
                    break Some(id);
                }
                match word[start..end].char_indices().next_back() {
                    Some((last, _)) if last > 0 => end = start + last,
                    _ => break None,
                }
            };
            match found {
                Some(id) => {
                    out.push(id);
                    start = end;
                }
                None => {
                    out.truncate(first);
                    out.push(self.unk);
                    return;
                }
            }
        }
    }
}

/// The BertNormalizer with clean_text, handle_chinese_chars, strip_accents
/// and lowercase, in that order, into `out`.
fn normalize(text: &str, out: &mut String) {
    out.clear();
    let cleaned = text
        .chars()
        .filter(|&c| !(c == '\0' || c == '\u{fffd}' || is_control(c)))
        .flat_map(|c| {
            let c = if is_whitespace(c) { ' ' } else { c };
            // An ideograph is a word of its own: pad it with spaces.
            let pad = if is_cjk(c) { Some(' ') } else { None };
            pad.into_iter().chain([c]).chain(pad)
        });
    for c in cleaned
        .nfd()
        .filter(|&c| get_general_category(c) != Gc::NonspacingMark)
    {
        out.extend(c.to_lowercase());
    }
}

/// The words of normalised text: split at whitespace, which is dropped, and
/// around every punctuation character, which is a word of its own.
fn pre_tokenize(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(char::is_whitespace);
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let end = if is_punctuation(first) {
            first.len_utf8()
        } else {
            chars
                .find(|&(_, c)| c.is_whitespace() || is_punctuation(c))
                .map_or(rest.len(), |(i, _)| i)
        };
        let (word, tail) = rest.split_at(end);
        rest = tail;
        Some(word)
    })
}

/// Whitespace for clean_text: tab, newline and return count as whitespace
/// though Unicode calls them controls.
fn is_whitespace(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || c.is_whitespace()
}

/// Characters clean_text drops: controls, formats and private use, but not
/// tab, newline and return. Unassigned code points are kept, as the Python
/// tokenizer keeps them.
fn is_control(c: char) -> bool {
    !matches!(c, '\t' | '\n' | '\r')
        && matches!(
            get_general_category(c),
            Gc::Control | Gc::Format | Gc::PrivateUse | Gc::Surrogate
        )
}

/// ASCII punctuation (which takes in `$`, `+`, `<`, `^`, `|` and the like,
/// symbols to Unicode) and every Unicode punctuation category.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            get_general_category(c),
            Gc::ConnectorPunctuation
                | Gc::DashPunctuation
                | Gc::OpenPunctuation
                | Gc::ClosePunctuation
                | Gc::InitialPunctuation
                | Gc::FinalPunctuation
                | Gc::OtherPunctuation
        )
}

/// The CJK Unified Ideographs blocks (and their compatibility blocks) that
/// the original BERT tokenizer pads; Hangul, kana and the rest are not in it.
fn is_cjk(c: char) -> bool {
    matches!(
        u32::from(c),
        0x4E00..=0x9FFF
            | 0x3400..=0x4DBF
            | 0x20000..=0x2A6DF
            | 0x2A700..=0x2B73F
            | 0x2B740..=0x2B81F
            | 0x2B920..=0x2CEAF
            | 0xF900..=0xFAFF
            | 0x2F800..=0x2FA1F
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut normalized = String::new();
        normalize(text, &mut normalized);
        pre_tokenize(&normalized).map(str::to_owned).collect()
    }

    #[test]
    fn normalizes_and_splits_like_bert() {
        let table: [(&str, &[&str]); 7] = [
            ("", &[]),
            ("Hello, World!", &["hello", ",", "world", "!"]),
            ("Café  naïve\tİstanbul", &["cafe", "naive", "istanbul"]),
            (
                "\u{201c}No\u{201d} \u{2014} 1,000",
                &["\u{201c}", "no", "\u{201d}", "\u{2014}", "1", ",", "000"],
            ),
            ("x\u{200b}y\u{7}z", &["xyz"]),
            ("中国人", &["中", "国", "人"]),
            ("a$b+c", &["a", "$", "b", "+", "c"]),
        ];
        for (text, expected) in table {
            assert_eq!(words(text), expected, "{text:?}");
        }
    }

    #[test]
    fn pieces_are_greedy_and_unknown_as_a_whole() {
        let vocab = "[PAD]\n[UNK]\n[CLS]\n[SEP]\nun\n##aff\n##able\nx\n";
        let wp = WordPiece::new(vocab).unwrap();
        let ids = |text: &str| {
            let mut out = Vec::new();
            wp.tokenize(text, &mut out);
            out
        };
        assert_eq!(ids("unaffable"), [4, 5, 6]);
        assert_eq!(ids("unaffablez x"), [1, 7]);
        assert_eq!(ids("x[SEP]x [CLS]"), [7, 3, 7, 2]);
        assert_eq!(ids(&"x".repeat(101)), [1]);
    }
}
