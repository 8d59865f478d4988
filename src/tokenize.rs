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
    NEGATORS.contains(&word) || word.ends_with("n't")
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
    for (start, piece) in text.split_word_bound_indices() {
        let end = start + piece.len();
        let kind = if piece.chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else if piece.chars().any(|c| c.is_numeric()) {
            TokenKind::Number
        } else if piece.chars().any(is_clause_punct) {
            TokenKind::Punct
        } else {
            continue;
        };
        let mut norm = String::with_capacity(piece.len());
        for c in piece.chars() {
            match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => norm.push('\''),
                _ if params.lowercase => norm.extend(c.to_lowercase()),
                _ => norm.push(c),
            }
        }
        tokens.push(Token {
            text: norm,
            start,
            end,
            kind,
            negated: false,
            contrast: false,
            condition: false,
        });
    }
    if params.mask_names {
        mask_names(text, &mut tokens);
    }
    if params.negation {
        mark_negation(text, &mut tokens, params.negation_window, params.scopes);
    }
    if params.scopes {
        mark_contrast_and_condition(text, &mut tokens);
    }
    tokens
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
                    tok.text = NAME.to_owned();
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
            _ if SCOPE_BREAKERS.contains(&tok.text.as_str()) => remaining = 0,
            _ if is_negator(&tok.text) => remaining = window,
            _ if remaining > 0 => {
                tok.negated = true;
                remaining -= 1;
            }
            _ => {}
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
        let opens_condition = CONDITIONS.contains(&word)
            && (!CONDITION_NEEDS_ONLY.contains(&word) || after_only)
            || (word == "long" && previous_word.is_some_and(|p| tokens[p].text == "as"));
        let opens_contrast = CONTRASTS.contains(&word);
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

    #[test]
    fn empty_and_symbol_only_text_has_no_words() {
        assert!(toks("").is_empty());
        assert!(toks("  \t ★ ").is_empty());
    }
}
