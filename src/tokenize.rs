//! Text -> tokens. Each token keeps its byte span in the source text, a
//! normalised form (lowercased, curly apostrophes made straight) and whether it
//! lies in the scope of a negation, so that "nobody had rejected talks" yields
//! a negated "rejected", a different feature from a plain "rejected".

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// Tokenizer settings, stored in the model so that training and scoring agree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenizerParams {
    /// Lowercase every token.
    pub lowercase: bool,
    /// Mark tokens that follow a negator, up to the end of the clause.
    pub negation: bool,
    /// The longest negation scope, in tokens.
    pub negation_window: usize,
    /// Replace capitalised words inside a sentence (names of people, places
    /// and bodies) by [`NAME`]: a name says who spoke, not what stance they
    /// took, and the model should not learn stance from it.
    #[serde(default)]
    pub mask_names: bool,
    /// Scopes as news text needs them: a negation runs on through quote marks
    /// (`added that “nobody” had rejected talks`), and words after a
    /// contrastive word ("but", "however", "while") or inside a condition
    /// ("if", "unless", "only after", "until") are marked as such. Off in
    /// models from before it existed, which keep their behaviour.
    #[serde(default)]
    pub scopes: bool,
    /// A reporting verb that refuses or denies ("rejected", "dismissed",
    /// "ruled out", "denied": [`negates`]) negates its object: the first words
    /// of what was said are marked as a negator before them would mark them,
    /// so "rebuffed a proposal to hold talks" reads as "not ... talks" rather
    /// than as talk of talks, up to the end of the clause. Off by default and
    /// in models from before it existed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub verb_negation: bool,
}

/// For `skip_serializing_if`: a switch that is off is left out of a model
/// file, so files without it read as before.
pub(crate) fn is_false(v: &bool) -> bool {
    !*v
}

/// The text of a masked name token.
pub const NAME: &str = "<name>";

impl Default for TokenizerParams {
    fn default() -> Self {
        TokenizerParams {
            lowercase: true,
            negation: true,
            negation_window: 6,
            mask_names: false,
            scopes: false,
            verb_negation: false,
        }
    }
}

/// What kind of text a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes or digits.
    Word,
    /// Digits, possibly with separators ("2,000", "3.5").
    Number,
    /// Clause punctuation: ends a negation scope; not a feature.
    Punct,
}

/// One token with its byte span into the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Normalised text: lowercased, apostrophes straightened, digits kept.
    pub text: String,
    /// Byte offset of the first byte in the source.
    pub start: usize,
    /// Byte offset one past the last byte in the source.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// Inside the scope of a negator ("not", "never", "nobody", "without", "n't").
    pub negated: bool,
    /// After a contrastive word ("but", "however", "while"), up to the end of
    /// the sentence; only with [`TokenizerParams::scopes`].
    pub contrast: bool,
    /// Inside a condition ("if", "unless", "only after", "until"), up to the
    /// end of its clause; only with [`TokenizerParams::scopes`].
    pub condition: bool,
}

/// Words that open a negation scope. "no one" is covered by "no".
const NEGATORS: &[&str] = &[
    "not", "no", "never", "nobody", "none", "nothing", "nowhere", "neither", "nor", "without",
    "cannot", "hardly", "barely", "noone",
];

/// Reporting verbs whose object is what the speaker refuses or denies
/// (lowercase, as [`crate::said::Said::verb`] holds them).
#[rustfmt::skip]
const NEGATING_VERBS: &[&str] = &[
    "reject", "rejects", "rejected", "rejecting",
    "refuse", "refuses", "refused", "refusing",
    "rule out", "rules out", "ruled out", "ruling out",
    "dismiss", "dismisses", "dismissed", "dismissing",
    "rebuff", "rebuffs", "rebuffed", "rebuffing",
    "spurn", "spurns", "spurned", "spurning",
    "deny", "denies", "denied", "denying",
    "brush aside", "brushes aside", "brushed aside", "brushing aside",
    "brush off", "brushes off", "brushed off", "brushing off",
    "turn down", "turns down", "turned down", "turning down",
    "wave away", "waves away", "waved away", "waved off", "shrugged off",
];

/// The longest negated object of a refusing verb, in tokens: in practice
/// the object runs to the end of its clause (measured against the
/// negation window of 6, which stops inside a long name: data/README.md).
const OBJECT_NEGATION_WINDOW: usize = 40;

/// True for a reporting verb that negates its object ("rejected", "ruled out").
pub fn negates(verb: &str) -> bool {
    NEGATING_VERBS.contains(&verb)
}

/// Words that close a negation scope early: a new clause with its own polarity.
const SCOPE_BREAKERS: &[&str] = &[
    "but", "however", "although", "though", "yet", "while", "whereas", "unless", "except",
];

/// Words that open a contrast scope running to the end of the sentence.
const CONTRASTS: &[&str] = &[
    "but",
    "however",
    "although",
    "though",
    "yet",
    "while",
    "whereas",
    "nevertheless",
    "nonetheless",
    "still",
];

/// Words that open a condition scope running to the end of the clause.
/// "only after", "only when" and "provided that" start after their last
/// word, "as long as" after "long".
const CONDITIONS: &[&str] = &[
    "if",
    "unless",
    "until",
    "till",
    "provided",
    "providing",
    "once",
    "after",
    "when",
];

/// Words a condition needs before it to count ("only after", "only when"):
/// a bare "after" or "when" is mostly time, not condition.
const CONDITION_NEEDS_ONLY: &[&str] = &["after", "when", "once"];

/// The longest condition scope, in tokens.
const CONDITION_WINDOW: usize = 12;

/// A double quote mark of any style: straight, curly, low or guillemet.
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{AB}' | '\u{BB}'
    )
}

/// A token made of quote marks only: with [`TokenizerParams::scopes`] it
/// does not end a scope.
pub(crate) fn is_quote_mark(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_quote_char)
}

/// Sentence-final punctuation: ends every scope.
fn is_sentence_end(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '.' | '!' | '?' | '\u{2026}'))
}

/// True for a word that negates what follows ("not", "won't", "nobody").
pub fn is_negator(word: &str) -> bool {
    listed(NEGATORS, word) || word.ends_with("n't")
}

/// The word lists above, for [`LISTED_SHAPES`].
const SCOPE_LISTS: [&[&str]; 5] = [
    NEGATORS,
    SCOPE_BREAKERS,
    CONTRASTS,
    CONDITIONS,
    CONDITION_NEEDS_ONLY,
];

/// Per first byte, bit `n` set when a word of [`SCOPE_LISTS`] of `n` bytes
/// starts with it (every listed word is shorter than 32 bytes).
const LISTED_SHAPES: [u32; 256] = {
    let mut shapes = [0u32; 256];
    let mut l = 0;
    while l < SCOPE_LISTS.len() {
        let list = SCOPE_LISTS[l];
        let mut w = 0;
        while w < list.len() {
            let word = list[w].as_bytes();
            assert!(!word.is_empty() && word.len() < 32);
            shapes[word[0] as usize] |= 1 << word.len();
            w += 1;
        }
        l += 1;
    }
    shapes
};

/// `list.contains(&word)` for one of [`SCOPE_LISTS`]. The scope marks ask it
/// of every token for each list; most words share their first byte and
/// length with no listed word, and are settled without comparing them.
fn listed(list: &[&str], word: &str) -> bool {
    let len = word.len();
    let shaped = match word.as_bytes().first() {
        Some(&first) => len < 32 && LISTED_SHAPES[usize::from(first)] & (1 << len) != 0,
        None => false,
    };
    shaped && list.contains(&word)
}

/// Splits `text` into tokens with byte spans and negation marks.
///
/// ```
/// use stance::tokenize::{tokenize, TokenizerParams};
/// let toks = tokenize("Nobody had rejected talks.", &TokenizerParams::default());
/// assert_eq!(toks[2].text, "rejected");
/// assert!(toks[2].negated);
/// ```
pub fn tokenize(text: &str, params: &TokenizerParams) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, params, &mut tokens, &mut Vec::new());
    tokens
}

/// Tokens of one text after another in the same memory: scoring tokenizes
/// every statement, and a fresh `String` per token was a good part of it.
///
/// ```
/// use stance::tokenize::{TokenBuffer, TokenizerParams, tokenize};
/// let params = TokenizerParams::default();
/// let mut buffer = TokenBuffer::default();
/// for text in ["Nobody had rejected talks.", "We will strike."] {
///     assert_eq!(buffer.tokenize(text, &params), tokenize(text, &params));
/// }
/// ```
#[derive(Debug, Default)]
pub struct TokenBuffer {
    tokens: Vec<Token>,
    /// Emptied texts of earlier tokens, to be filled again.
    spare: Vec<String>,
}

impl TokenBuffer {
    /// The tokens of `text`, as [`tokenize`] gives them.
    pub fn tokenize(&mut self, text: &str, params: &TokenizerParams) -> &[Token] {
        self.spare.extend(self.tokens.drain(..).map(|t| t.text));
        tokenize_into(text, params, &mut self.tokens, &mut self.spare);
        &self.tokens
    }

    /// The tokens of what was said after the reporting verb `verb`: as
    /// [`TokenBuffer::tokenize`], and with [`TokenizerParams::verb_negation`]
    /// the object of a verb that [`negates`] marked negated.
    pub fn tokenize_said(
        &mut self,
        text: &str,
        verb: Option<&str>,
        params: &TokenizerParams,
    ) -> &[Token] {
        self.tokenize(text, params);
        if params.negation && params.verb_negation && verb.is_some_and(negates) {
            mark_object_negation(
                text,
                &mut self.tokens,
                OBJECT_NEGATION_WINDOW,
                params.scopes,
            );
        }
        &self.tokens
    }
}

/// Fills the empty `tokens` with those of `text`, taking their texts from
/// `spare` while it lasts.
fn tokenize_into(
    text: &str,
    params: &TokenizerParams,
    tokens: &mut Vec<Token>,
    spare: &mut Vec<String>,
) {
    debug_assert!(tokens.is_empty());
    if text.is_ascii() {
        ascii_tokens(text, params.lowercase, tokens, spare);
    } else {
        unicode_tokens(text, params.lowercase, tokens, spare);
    }
    if params.mask_names {
        mask_names(text, tokens);
    }
    if params.negation {
        mark_negation(text, tokens, params.negation_window, params.scopes);
    }
    if params.scopes {
        mark_contrast_and_condition(text, tokens);
    }
}

/// The tokens of any text, from its pieces between word boundaries.
fn unicode_tokens(text: &str, lowercase: bool, tokens: &mut Vec<Token>, spare: &mut Vec<String>) {
    for_each_word_piece(text, |start, piece| {
        // A single space, most pieces between words, is no token.
        if piece == " " {
            return;
        }
        let end = start + piece.len();
        let Some(kind) = piece_kind(piece) else {
            return;
        };
        let mut norm = spare.pop().unwrap_or_default();
        normalise_into(&mut norm, piece, lowercase);
        tokens.push(Token {
            text: norm,
            start,
            end,
            kind,
            negated: false,
            contrast: false,
            condition: false,
        });
    });
}

/// [`unicode_tokens`] of plain-ASCII text (nearly every statement), in one
/// pass without listing the pieces that make no token: a piece that starts
/// with a letter, digit or `_` runs as far as [`ascii_joins`] says; any
/// other piece is one byte (or CR LF, which makes no token either), and a
/// token only if it is clause punctuation. Nothing to straighten: a
/// backtick is never part of a word piece.
fn ascii_tokens(text: &str, lowercase: bool, tokens: &mut Vec<Token>, spare: &mut Vec<String>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let first = bytes[i];
        let start = i;
        let kind = if ALNUM[usize::from(first)] || first == b'_' {
            i += 1;
            // No word piece holds a space, and none joins one (most words
            // end at one): only other bytes need the rules.
            while i < bytes.len()
                && ((ALNUM[usize::from(bytes[i - 1])] && ALNUM[usize::from(bytes[i])])
                    || (bytes[i] != b' ' && ascii_joins(bytes, i)))
            {
                i += 1;
            }
            let piece = &bytes[start..i];
            if first.is_ascii_alphabetic() || piece.iter().any(u8::is_ascii_alphabetic) {
                TokenKind::Word
            } else if piece.iter().any(u8::is_ascii_digit) {
                TokenKind::Number
            } else {
                continue;
            }
        } else {
            i += 1;
            if !is_clause_punct(char::from(first)) {
                continue;
            }
            TokenKind::Punct
        };
        let mut norm = spare.pop().unwrap_or_default();
        norm.clear();
        norm.push_str(&text[start..i]);
        if lowercase {
            norm.make_ascii_lowercase();
        }
        tokens.push(Token {
            text: norm,
            start,
            end: i,
            kind,
            negated: false,
            contrast: false,
            condition: false,
        });
    }
}

/// Writes the normalised text of `piece` into `norm` (cleared first):
/// apostrophes straightened, lowercased if asked.
fn normalise_into(norm: &mut String, piece: &str, lowercase: bool) {
    norm.clear();
    // One pass over a short piece: `contains` would call `memchr`.
    if piece.bytes().all(|b| b.is_ascii() && b != b'`') {
        // Nothing to straighten: copy the bytes at once, not char by char.
        norm.push_str(piece);
        if lowercase {
            norm.make_ascii_lowercase();
        }
    } else {
        normalise_chars_into(norm, piece, lowercase);
    }
}

/// [`normalise_into`] char by char: any text.
fn normalise_chars_into(norm: &mut String, piece: &str, lowercase: bool) {
    for c in piece.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => norm.push('\''),
            _ if lowercase => norm.extend(c.to_lowercase()),
            _ => norm.push(c),
        }
    }
}

/// What a piece between word boundaries is; `None` for spaces and symbols.
fn piece_kind(piece: &str) -> Option<TokenKind> {
    if piece.is_ascii() {
        let bytes = piece.as_bytes();
        return if bytes.iter().any(u8::is_ascii_alphabetic) {
            Some(TokenKind::Word)
        } else if bytes.iter().any(u8::is_ascii_digit) {
            Some(TokenKind::Number)
        } else if bytes.iter().any(|&b| is_clause_punct(char::from(b))) {
            Some(TokenKind::Punct)
        } else {
            None
        };
    }
    if piece.chars().any(char::is_alphabetic) {
        Some(TokenKind::Word)
    } else if piece.chars().any(|c| c.is_numeric()) {
        Some(TokenKind::Number)
    } else if piece.chars().any(is_clause_punct) {
        Some(TokenKind::Punct)
    } else {
        None
    }
}

/// Calls `emit(start, piece)` for every piece of `text` between Unicode
/// word boundaries (UAX #29), exactly as `split_word_bound_indices` cuts it.
///
/// The text is cut where a space is followed by another ASCII char: the
/// rules always break there and decide nothing on one side from the other.
/// Pieces of plain ASCII go through [`ascii_word_pieces`], the rest through
/// the Unicode tables.
fn for_each_word_piece<'t>(text: &'t str, mut emit: impl FnMut(usize, &'t str)) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while from < bytes.len() {
        let mut to = from + 1;
        let mut ascii = bytes[from].is_ascii();
        while to < bytes.len()
            && !(bytes[to - 1] == b' ' && bytes[to].is_ascii() && bytes[to] != b' ')
        {
            ascii &= bytes[to].is_ascii();
            to += 1;
        }
        let chunk = &text[from..to];
        if ascii {
            ascii_word_pieces(chunk.as_bytes(), |a, b| emit(from + a, &chunk[a..b]));
        } else {
            for (start, piece) in chunk.split_word_bound_indices() {
                emit(from + start, piece);
            }
        }
        from = to;
    }
}

/// `u8::is_ascii_alphanumeric` as a table: one load per byte, and each
/// byte's answer is kept for the next pair.
const ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Do the word boundary rules of UAX #29, as they apply to ASCII text, keep
/// the bytes on either side of position `p` (0 < `p` < `bytes.len()`) in
/// one piece?
fn ascii_joins(bytes: &[u8], p: usize) -> bool {
    let letter = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    // MidLetter and MidNumLetQ; MidNum and MidNumLetQ.
    let mid_letter = |i: usize| matches!(bytes.get(i), Some(b':' | b'.' | b'\''));
    let mid_num = |i: usize| matches!(bytes.get(i), Some(b',' | b';' | b'.' | b'\''));
    let newline = |i: usize| matches!(bytes[i], b'\n' | b'\r' | 0x0b | 0x0c);
    let (l, r) = (p - 1, p);
    if bytes[l] == b'\r' && bytes[r] == b'\n' {
        return true;
    }
    if newline(l) || newline(r) {
        return false;
    }
    let alnum = |i: usize| letter(i) || digit(i);
    (bytes[l] == b' ' && bytes[r] == b' ')
        || (alnum(l) && alnum(r))
        || (letter(l) && mid_letter(r) && letter(r + 1))
        || (l > 0 && letter(l - 1) && mid_letter(l) && letter(r))
        || (digit(l) && mid_num(r) && digit(r + 1))
        || (l > 0 && digit(l - 1) && mid_num(l) && digit(r))
        || ((alnum(l) || bytes[l] == b'_') && bytes[r] == b'_')
        || (bytes[l] == b'_' && alnum(r))
}

/// The word boundary rules of UAX #29 as they apply to ASCII text: calls
/// `emit(start, end)` for every piece of `bytes`.
fn ascii_word_pieces(bytes: &[u8], mut emit: impl FnMut(usize, usize)) {
    let joins = |p: usize| ascii_joins(bytes, p);
    let mut start = 0;
    let mut left_alnum = bytes.first().is_some_and(|&b| ALNUM[usize::from(b)]);
    for p in 1..bytes.len() {
        // Inside a word or number: the rules join, and the test above is
        // many times this one.
        let right_alnum = ALNUM[usize::from(bytes[p])];
        let inside = left_alnum && right_alnum;
        left_alnum = right_alnum;
        if inside {
            continue;
        }
        if !joins(p) {
            emit(start, p);
            start = p;
        }
    }
    if start < bytes.len() {
        emit(start, bytes.len());
    }
}

/// Marks words that start with a capital letter and do not open a sentence
/// or a quotation as names. "I" and all-capital words of one letter stay.
fn mask_names(text: &str, tokens: &mut [Token]) {
    let mut sentence_start = true;
    for tok in tokens.iter_mut() {
        match tok.kind {
            TokenKind::Punct => {
                let p = &text[tok.start..tok.end];
                if p.contains([
                    '.', '!', '?', ':', '"', '\u{201C}', '\u{2018}', '\u{AB}', '(', '\u{2014}',
                ]) {
                    sentence_start = true;
                }
            }
            TokenKind::Number => sentence_start = false,
            TokenKind::Word => {
                let first = text[tok.start..tok.end].chars().next();
                let capital = first.is_some_and(char::is_uppercase);
                if capital && !sentence_start && tok.text != "i" && tok.end - tok.start > 1 {
                    tok.text.clear();
                    tok.text.push_str(NAME);
                }
                sentence_start = false;
            }
        }
    }
}

fn is_clause_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '\u{201C}'
            | '\u{201D}'
            | '('
            | ')'
            | '\u{2014}'
            | '\u{2013}'
            | '\u{2026}'
            | '\u{AB}'
            | '\u{BB}'
    )
}

/// Marks the tokens after a negator as negated until clause punctuation, a
/// contrastive conjunction or `window` tokens. A second negator inside a scope
/// starts a fresh scope rather than cancelling: "not without" is rare in news
/// and double negation is better left to the bigrams. With `through_quotes`,
/// quote marks do not end the scope.
fn mark_negation(text: &str, tokens: &mut [Token], window: usize, through_quotes: bool) {
    let mut remaining = 0usize;
    for tok in tokens.iter_mut() {
        match tok.kind {
            TokenKind::Punct if through_quotes && is_quote_mark(&text[tok.start..tok.end]) => {}
            TokenKind::Punct => remaining = 0,
            _ if listed(SCOPE_BREAKERS, &tok.text) => remaining = 0,
            _ if is_negator(&tok.text) => remaining = window,
            _ if remaining > 0 => {
                tok.negated = true;
                remaining -= 1;
            }
            _ => {}
        }
    }
}

/// Marks the first tokens of `tokens` negated, as a negator before them
/// would (see [`mark_negation`]); the scope also ends at "as", where a verb's
/// object gives way to the speaker's own word for it ("dismissed the
/// allegations as provocation"), and at a negator of the text's own.
fn mark_object_negation(text: &str, tokens: &mut [Token], window: usize, through_quotes: bool) {
    for tok in tokens.iter_mut().take(window) {
        match tok.kind {
            TokenKind::Punct if through_quotes && is_quote_mark(&text[tok.start..tok.end]) => {}
            TokenKind::Punct => return,
            _ if tok.text == "as" || listed(SCOPE_BREAKERS, &tok.text) || is_negator(&tok.text) => {
                return;
            }
            _ => tok.negated = true,
        }
    }
}

/// Marks contrast scopes (to the end of the sentence) and condition scopes
/// (to the end of the clause, at most [`CONDITION_WINDOW`] tokens). Quote
/// marks end neither.
fn mark_contrast_and_condition(text: &str, tokens: &mut [Token]) {
    let mut contrast = false;
    let mut condition = 0usize;
    let mut previous_word: Option<usize> = None;
    for i in 0..tokens.len() {
        let tok = &tokens[i];
        if tok.kind == TokenKind::Punct {
            let mark = &text[tok.start..tok.end];
            if is_sentence_end(mark) {
                contrast = false;
                condition = 0;
            } else if !is_quote_mark(mark) {
                condition = 0;
            }
            continue;
        }
        let word = tok.text.as_str();
        let after_only = previous_word.is_some_and(|p| tokens[p].text == "only");
        let opens_condition = listed(CONDITIONS, word)
            && (!listed(CONDITION_NEEDS_ONLY, word) || after_only)
            || (word == "long" && previous_word.is_some_and(|p| tokens[p].text == "as"));
        let opens_contrast = listed(CONTRASTS, word);
        let tok = &mut tokens[i];
        tok.contrast = contrast;
        tok.condition = condition > 0;
        condition = condition.saturating_sub(1);
        if opens_contrast {
            contrast = true;
        }
        if opens_condition {
            condition = CONDITION_WINDOW;
        }
        previous_word = Some(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Token> {
        tokenize(text, &TokenizerParams::default())
    }

    #[test]
    fn names_inside_sentences_are_masked() {
        let src = "Minister Željko Marić said: “We trust NATO.” I agree with Anna.";
        let params = TokenizerParams {
            mask_names: true,
            ..TokenizerParams::default()
        };
        let t = tokenize(src, &params);
        let texts: Vec<&str> = t
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "minister", NAME, NAME, "said", "we", "trust", NAME, "i", "agree", "with", NAME
            ]
        );
    }

    fn assert_token(tok: &Token, source: &str, text: &str, negated: bool) {
        assert_eq!(tok.text, text);
        assert_eq!(tok.negated, negated, "negation of {text}");
        assert!(source.is_char_boundary(tok.start) && source.is_char_boundary(tok.end));
    }

    #[test]
    fn spans_point_back_into_the_source() {
        let src = "Željko Marić’s “red line”, 2,000 troops.";
        let t = toks(src);
        let words: Vec<&str> = t
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| &src[t.start..t.end])
            .collect();
        assert_eq!(
            words,
            ["Željko", "Marić’s", "red", "line", "2,000", "troops"]
        );
        assert_eq!(t[1].text, "marić's");
    }

    #[test]
    fn negation_scope_runs_to_clause_end() {
        let src = "Nobody had rejected talks, but we rejected the offer.";
        let t = toks(src);
        let words: Vec<&Token> = t.iter().filter(|t| t.kind == TokenKind::Word).collect();
        assert_token(words[0], src, "nobody", false);
        assert_token(words[2], src, "rejected", true);
        assert_token(words[3], src, "talks", true);
        assert_token(words[6], src, "rejected", false);
    }

    #[test]
    fn contractions_and_curly_apostrophes_negate() {
        for src in [
            "We haven’t ruled out a summit",
            "We haven't ruled out a summit",
        ] {
            let t = toks(src);
            assert_eq!(t[1].text, "haven't");
            assert_token(&t[2], src, "ruled", true);
            assert_token(&t[3], src, "out", true);
        }
    }

    #[test]
    fn without_and_no_one_negate() {
        let t = toks("without preconditions; no one objected");
        assert!(t[1].negated);
        assert!(!t[2].negated, "semicolon ends the scope");
        assert!(t[4].negated && t[5].negated);
    }

    fn scoped(text: &str) -> Vec<Token> {
        let params = TokenizerParams {
            scopes: true,
            ..TokenizerParams::default()
        };
        tokenize(text, &params)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .collect()
    }

    fn flags(tokens: &[Token], pick: fn(&Token) -> bool) -> Vec<&str> {
        tokens
            .iter()
            .filter(|t| pick(t))
            .map(|t| t.text.as_str())
            .collect()
    }

    #[test]
    fn negation_runs_through_quote_marks_with_scopes() {
        let src = "Polyanskiy added that \u{201C}nobody\u{201D} had rejected talks.";
        let t = scoped(src);
        assert_eq!(flags(&t, |t| t.negated), ["had", "rejected", "talks"]);
        // Without scopes the closing mark ends the negation, as in old models.
        let old = toks(src);
        assert!(old.iter().all(|t| !t.negated));
        let t = scoped("We will \"never\" accept it, and we said so.");
        assert_eq!(flags(&t, |t| t.negated), ["accept", "it"]);
    }

    #[test]
    fn a_refusing_verb_negates_its_object() {
        let params = TokenizerParams {
            scopes: true,
            verb_negation: true,
            ..TokenizerParams::default()
        };
        let mut buffer = TokenBuffer::default();
        let mut negated = |text: &str, verb: Option<&str>| -> Vec<String> {
            let t = buffer.tokenize_said(text, verb, &params);
            flags(t, |t| t.negated)
                .into_iter()
                .map(str::to_owned)
                .collect()
        };
        // invented statements, as `Said` holds them (verb apart)
        assert_eq!(
            negated("an offer of talks, calling it late", Some("rebuffed")),
            ["an", "offer", "of", "talks"]
        );
        assert_eq!(
            negated("the claims as “a smear”", Some("dismissed")),
            ["the", "claims"]
        );
        assert_eq!(
            negated("that “its ships” fired first", Some("denied")),
            ["that", "its", "ships", "fired", "first"]
        );
        // a negator of the text's own starts its own scope, as elsewhere
        assert_eq!(
            negated("that the ships never fired", Some("denied")),
            ["that", "the", "ships", "fired"]
        );
        assert!(negated("an offer of talks", Some("welcomed")).is_empty());
        assert!(negated("an offer of talks", None).is_empty());
        let old = TokenizerParams {
            verb_negation: false,
            ..params.clone()
        };
        assert!(
            flags(
                buffer.tokenize_said("an offer", Some("rejected"), &old),
                |t| t.negated
            )
            .is_empty()
        );
    }

    #[test]
    fn contrast_runs_to_the_sentence_end_and_condition_to_the_clause_end() {
        let t = scoped("We are open to talks, but only after they withdraw, and not before. Fine.");
        assert_eq!(
            flags(&t, |t| t.contrast),
            ["only", "after", "they", "withdraw", "and", "not", "before"]
        );
        assert_eq!(flags(&t, |t| t.condition), ["they", "withdraw"]);
        let t = scoped("Talks resume when the envoy lands, unless \"they\" strike first");
        assert_eq!(flags(&t, |t| t.condition), ["they", "strike", "first"]);
        let t = scoped("We will stay as long as the truce holds.");
        assert_eq!(flags(&t, |t| t.condition), ["as", "the", "truce", "holds"]);
        assert!(
            toks("but if so")
                .iter()
                .all(|t| !t.contrast && !t.condition)
        );
    }

    #[test]
    fn window_limits_scope() {
        let params = TokenizerParams {
            negation_window: 2,
            ..TokenizerParams::default()
        };
        let t = tokenize("not one two three", &params);
        let neg: Vec<bool> = t.iter().map(|t| t.negated).collect();
        assert_eq!(neg, [false, true, true, false]);
    }

    #[test]
    fn hyphens_split_and_numbers_are_kept() {
        let t = toks("step-by-step talks in 2019 cost 3.5bn");
        let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            ["step", "by", "step", "talks", "in", "2019", "cost", "3.5bn"]
        );
        assert_eq!(t[5].kind, TokenKind::Number);
    }

    /// Chars of every word-break class that news text holds, ASCII or not.
    const WORD_BREAK_CHARS: &[char] = &[
        'a',
        'Z',
        'e',
        '0',
        '7',
        '.',
        ',',
        ';',
        ':',
        '\'',
        '"',
        '_',
        ' ',
        ' ',
        '\t',
        '\r',
        '\n',
        '\u{b}',
        '\u{c}',
        '-',
        '!',
        '?',
        '(',
        '`',
        '&',
        'é',
        'Ž',
        '\u{301}',
        '\u{200D}',
        '\u{AD}',
        '\u{2019}',
        '\u{2018}',
        '\u{201C}',
        '\u{B7}',
        '\u{85}',
        '\u{2028}',
        '\u{3000}',
        '\u{A0}',
        '\u{1F1E6}',
        '\u{1F600}',
        '\u{30A2}',
        '\u{5D0}',
        '\u{664}',
        '\u{FF0E}',
    ];

    fn unicode_pieces(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices().collect()
    }

    fn fast_pieces(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for_each_word_piece(text, |start, piece| out.push((start, piece)));
        out
    }

    #[test]
    fn ascii_word_boundaries_match_the_unicode_tables_char_by_char() {
        for b in 0u8..128 {
            let c = char::from(b);
            for shape in [
                "a{}a", "1{}1", "a{}1", "{}{}", " {} ", "_{}_", "a{}", "{}a", "ab{}{}cd",
            ] {
                let text = shape.replace("{}", &c.to_string());
                assert_eq!(fast_pieces(&text), unicode_pieces(&text), "{text:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Copying a plain-ASCII piece at once normalises it as char by char.
        #[test]
        fn ascii_pieces_normalise_as_char_by_char(
            piece in "[a-zA-Z0-9`'’.,İÉ-]{0,12}",
            lowercase: bool,
        ) {
            let mut fast = String::from("left over");
            normalise_into(&mut fast, &piece, lowercase);
            let mut plain = String::new();
            normalise_chars_into(&mut plain, &piece, lowercase);
            proptest::prop_assert_eq!(fast, plain);
        }

        /// The ASCII fast path cuts exactly where the Unicode tables do.
        #[test]
        fn fast_word_pieces_are_the_unicode_ones(
            picks in proptest::collection::vec(0..WORD_BREAK_CHARS.len(), 0..40)
        ) {
            let text: String = picks.iter().map(|&i| WORD_BREAK_CHARS[i]).collect();
            proptest::prop_assert_eq!(fast_pieces(&text), unicode_pieces(&text));
        }

        /// Tokens from plain-ASCII pieces are those of the general path.
        #[test]
        fn ascii_and_unicode_tokens_agree(
            picks in proptest::collection::vec(0..WORD_BREAK_CHARS.len(), 0..40),
            lowercase: bool,
        ) {
            let text: String = picks.iter().map(|&i| WORD_BREAK_CHARS[i]).collect();
            proptest::prop_assert_eq!(spans_and_texts(&text, lowercase), slow_tokens(&text, lowercase));
        }

        /// Plain-ASCII text, which takes the one-pass path whole, gives the
        /// tokens of the general path.
        #[test]
        fn ascii_text_tokens_are_the_unicode_ones(
            picks in proptest::collection::vec(0..ASCII_BREAK_CHARS.len(), 0..60),
            lowercase: bool,
        ) {
            let text: String = picks.iter().map(|&i| ASCII_BREAK_CHARS[i]).collect();
            proptest::prop_assert_eq!(spans_and_texts(&text, lowercase), slow_tokens(&text, lowercase));
        }
    }

    /// The ASCII chars of [`WORD_BREAK_CHARS`], with a few more that join
    /// words or numbers, so every rule of [`ascii_joins`] comes up often.
    const ASCII_BREAK_CHARS: &[char] = &[
        'a', 'Z', 'e', '0', '7', '.', ',', ';', ':', '\'', '"', '_', ' ', ' ', '\t', '\r', '\n',
        '\u{b}', '\u{c}', '-', '!', '?', '(', ')', '`', '&', 'n', 't', '1',
    ];

    type Spanned = (usize, usize, TokenKind, String);

    fn spans_and_texts(text: &str, lowercase: bool) -> Vec<Spanned> {
        let params = TokenizerParams {
            lowercase,
            scopes: true,
            ..TokenizerParams::default()
        };
        tokenize(text, &params)
            .into_iter()
            .map(|t| (t.start, t.end, t.kind, t.text))
            .collect()
    }

    /// The tokens of `text` by the Unicode tables and the general rules alone.
    fn slow_tokens(text: &str, lowercase: bool) -> Vec<Spanned> {
        let mut slow = Vec::new();
        for (start, piece) in unicode_pieces(text) {
            if let Some(kind) = piece_kind_unicode(piece) {
                let text: String = piece
                    .chars()
                    .flat_map(|c| match c {
                        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => vec!['\''],
                        _ if lowercase => c.to_lowercase().collect(),
                        _ => vec![c],
                    })
                    .collect();
                slow.push((start, start + piece.len(), kind, text));
            }
        }
        slow
    }

    #[test]
    fn ascii_tokens_of_news_shapes_are_the_unicode_ones() {
        for text in [
            "We won't talk, said the U.S. envoy: \"never\" (1,000.5 troops) -- 3.5bn_x.",
            "a.b a:b 1.2 1,2 1;2 a'b 'a' a_ _a __ _1 a__b 1_a a\r\nb\n\n  x\t.",
            "end.",
            "",
            " ",
        ] {
            for lowercase in [false, true] {
                assert_eq!(
                    spans_and_texts(text, lowercase),
                    slow_tokens(text, lowercase),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn listed_is_contains() {
        let others = [
            "",
            "n",
            "nope",
            "butter",
            "whilst",
            "If",
            "NOT",
            "only",
            "long",
            "as",
            "x",
            "once",
            "nonetheless!",
            "without-",
            "a-very-long-word-indeed-over-thirty-two",
            "’til",
            "ünless",
        ];
        let words = SCOPE_LISTS
            .iter()
            .flat_map(|list| list.iter())
            .chain(&others);
        for &word in words {
            for list in SCOPE_LISTS {
                assert_eq!(listed(list, word), list.contains(&word), "{word:?}");
            }
        }
    }

    /// The kind of a piece by the general rule alone.
    fn piece_kind_unicode(piece: &str) -> Option<TokenKind> {
        if piece.chars().any(char::is_alphabetic) {
            Some(TokenKind::Word)
        } else if piece.chars().any(|c| c.is_numeric()) {
            Some(TokenKind::Number)
        } else if piece.chars().any(is_clause_punct) {
            Some(TokenKind::Punct)
        } else {
            None
        }
    }

    #[test]
    fn empty_and_symbol_only_text_has_no_words() {
        assert!(toks("").is_empty());
        assert!(toks("  \t ★ ").is_empty());
    }
}
