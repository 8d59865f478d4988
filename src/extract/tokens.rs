//! Words and punctuation with byte spans, built from grapheme clusters so a
//! name written with combining marks ("Ngô Bảo" in NFD) stays one word.

use unicode_segmentation::UnicodeSegmentation;

use super::Span;
use super::bytes::StopBytes;
use super::lexicon;

/// One word or punctuation mark of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// The whole token, possessive suffix included ("Russia’s").
    pub span: Span,
    /// End of the word without its possessive suffix ("Russia").
    pub stem_end: usize,
    /// What kind of token this is.
    pub kind: TokenKind,
    /// The long lexicon lists that hold this word's key ([`lexicon::lists_of`]),
    /// found once here instead of at every rule that asks.
    pub lists: u64,
}

// A sentence's tokens are read over and over: the second-tier bits of a
// word fit in its kind's spare bytes rather than grow every token.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Token>() == 40);

/// Word or punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits and "&", with inner hyphens, apostrophes and dots, and
    /// the final dot of an abbreviation ("U.S.", "Gen.").
    Word {
        /// Starts with an uppercase letter.
        cap: bool,
        /// Ends in a possessive ("Russia’s", "owners’").
        possessive: bool,
        /// The second-tier lexicon lists that hold the word's key
        /// ([`lexicon::second_tier_bit`]), from the look-up that finds its
        /// [`Token::lists`].
        second_tier: u16,
    },
    /// Any other visible grapheme; the char is its first.
    Punct(char),
}

impl Token {
    /// The word without its possessive suffix.
    pub fn stem<'a>(&self, article: &'a str) -> &'a str {
        &article[self.span.start..self.stem_end]
    }

    /// The stem without a final abbreviation dot, for lexicon look-ups.
    pub fn key<'a>(&self, article: &'a str) -> &'a str {
        let stem = self.stem(article);
        stem.strip_suffix('.').unwrap_or(stem)
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word { .. })
    }

    pub fn is_cap(&self) -> bool {
        matches!(self.kind, TokenKind::Word { cap: true, .. })
    }

    pub fn is_possessive(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Word {
                possessive: true,
                ..
            }
        )
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    /// Is this word in `list` (ignoring ASCII case)?
    ///
    /// Inlined: rules ask it millions of times, and the call cost more than
    /// the bit test. A list without a bit is scanned, as [`lexicon::is_in`]
    /// would after asking for the bit a second time, out of line: the scan
    /// is the rare path, and inlined it made every caller save registers.
    ///
    /// A list of at most [`INLINE_LIST`] entries (the literals rules write,
    /// `&["to"]`, `&["of", "for"]`) is compared here, entry by entry, before
    /// any look-up: its length is known where the call is inlined, so the
    /// comparisons unroll to a length test each, and the list's bit, the
    /// call and the loop are skipped. Rules ask these for every word.
    #[inline(always)]
    pub fn is_in(&self, article: &str, list: &[&str]) -> bool {
        if list.len() <= INLINE_LIST {
            return self.is_word() && list.iter().any(|entry| self.key_is(article, entry));
        }
        self.is_word()
            && match lexicon::list_bit(list) {
                Some(bit) => self.lists & bit != 0,
                None => self.key_in(article, list),
            }
    }

    /// Is this token's key `entry`, ignoring ASCII case? The lengths first:
    /// most words have another length than the entry.
    #[inline(always)]
    fn key_is(&self, article: &str, entry: &str) -> bool {
        let stem = &article.as_bytes()[self.span.start..self.stem_end];
        let key = stem.strip_suffix(b".").unwrap_or(stem);
        key.len() == entry.len() && key.eq_ignore_ascii_case(entry.as_bytes())
    }

    /// Is this token's key an entry of `list`, ignoring ASCII case? A bit
    /// test for a list of the lexicon's second tier
    /// ([`lexicon::second_tier_bit`]); else a scan over bytes, the key's
    /// length compared first: the other scanned lists are short, and most
    /// words have no entry of their length.
    #[inline(never)]
    fn key_in(&self, article: &str, list: &[&str]) -> bool {
        if let Some(bit) = lexicon::second_tier_bit(list) {
            return matches!(self.kind, TokenKind::Word { second_tier, .. } if second_tier & bit != 0);
        }
        // The key as bytes: no char-boundary checks for a slice the
        // tokenizer cut on boundaries.
        let stem = &article.as_bytes()[self.span.start..self.stem_end];
        let key = stem.strip_suffix(b".").unwrap_or(stem);
        list.iter()
            .any(|entry| entry.len() == key.len() && entry.as_bytes().eq_ignore_ascii_case(key))
    }

    /// Is this token's stem, exactly as written, an entry of `list`?
    ///
    /// The same as `list.contains(&stem)`, but the scan of a hashed list only
    /// runs when the token's list bit says it can match: a stem equal to an
    /// entry is that entry ignoring case, so its key has the list's bit, unless
    /// the stem ends in the dot that the key drops ("Jan.").
    ///
    /// Inlined up to the list bit, which rules out nearly every word before
    /// the stem is cut out of the article; the scan is out of line.
    #[inline]
    pub fn stem_listed(&self, article: &str, list: &[&str]) -> bool {
        // The stem's final dot, read as a byte: a stem is never empty, but
        // an empty one has no dot.
        let final_dot =
            || self.stem_end > self.span.start && article.as_bytes()[self.stem_end - 1] == b'.';
        let ruled_out = self.is_word()
            && lexicon::list_bit(list).is_some_and(|bit| self.lists & bit == 0)
            && !final_dot();
        !ruled_out && self.stem_in(article, list)
    }

    /// Is this token's stem, exactly as written, an entry of `list`? A scan.
    #[inline(never)]
    fn stem_in(&self, article: &str, list: &[&str]) -> bool {
        list.contains(&self.stem(article))
    }
}

/// Lists this short are compared inline by [`Token::is_in`].
const INLINE_LIST: usize = 3;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '&'
}

/// A left single mark between letters is a mistyped apostrophe
/// ("Ostland‘s"): it opens no quote there (see `quotes`), so it joins.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '‐' | '’' | '‘' | '\'' | '.' | '·')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '’' | '\'')
}

/// Is `word` (without a final dot) something whose final dot belongs to it?
fn takes_final_dot(word: &str) -> bool {
    let mut chars = word.chars();
    let single_letter =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    let dotted = word.contains('.') && word.split('.').all(|part| part.chars().count() == 1);
    if single_letter || dotted {
        return true;
    }
    // Nearly every word before a dot ends a sentence: its list bits rule out
    // the scans (a word written as an entry is that entry ignoring case).
    let lists = lexicon::lists_of(word);
    let listed = |list: &[&str]| {
        lexicon::list_bit(list).is_none_or(|bit| lists & bit != 0) && list.contains(&word)
    };
    listed(lexicon::ABBREVIATIONS)
        || listed(lexicon::MONTH_ABBREVIATIONS)
        || listed(lexicon::COMPANY_SUFFIXES)
}

/// Splits `article[span]` into tokens; whitespace is dropped.
#[cfg(test)]
pub fn tokenize(article: &str, span: Span) -> Vec<Token> {
    // About one token per five bytes of news text; a guess only saves regrowing.
    let mut tokens = Vec::with_capacity((span.end - span.start) / 5 + 1);
    tokenize_into(article, span, &mut tokens);
    tokens
}

/// Splits `article[span]` into tokens appended to `tokens`; whitespace is
/// dropped.
pub fn tokenize_into(article: &str, span: Span, tokens: &mut Vec<Token>) {
    let bytes = &article.as_bytes()[span.start..span.end];
    // Plain ASCII without CR (news text, nearly always) is one cluster per
    // byte (see `graphemes`), so the clusters need not be listed first. In a
    // sentence with a curly quote or an accented name, only the stretches
    // around those chars are: the rest takes the same byte path.
    let mut plain_from = 0;
    let mut at = 0;
    while let Some(special) = NEEDS_CLUSTERS.find(bytes, at) {
        let start = (plain_from + 1..=special)
            .rev()
            .find(|&c| safe_cut(bytes, c))
            .unwrap_or(plain_from);
        let end = (special + 1..bytes.len())
            .find(|&c| safe_cut(bytes, c))
            .unwrap_or(bytes.len());
        let offset = |k: usize| span.start + k;
        tokenize_ascii(
            article,
            Span::new(offset(plain_from), offset(start)),
            tokens,
        );
        let stretch = Span::new(offset(start), offset(end));
        let clusters = ListedClusters::of(&article[stretch.start..stretch.end]);
        tokenize_clusters(article, stretch, &clusters, tokens);
        plain_from = end;
        at = end;
    }
    tokenize_ascii(
        article,
        Span::new(span.start + plain_from, span.end),
        tokens,
    );
}

/// The bytes the ASCII path does not take: a CR (which may join the LF
/// after it into one cluster) and the lead byte of any non-ASCII char. A
/// scan from a char boundary meets a lead byte before any other non-ASCII
/// byte, so it stops where a test of every byte for either would.
static NEEDS_CLUSTERS: StopBytes = StopBytes::new(b"\r", &LEAD_BYTES);

/// Every lead byte of a char from U+0080 up: 0xC2 to 0xF4.
const LEAD_BYTES: [u8; 0xF5 - 0xC2] = {
    let mut bytes = [0; 0xF5 - 0xC2];
    let mut i = 0;
    while i < bytes.len() {
        bytes[i] = 0xC2 + i as u8;
        i += 1;
    }
    bytes
};

/// May the text be cut before byte `c` and each side tokenized on its own?
/// After a space and before an ASCII byte: no token holds a space, a word
/// looks at most at the two bytes after it and stops at a space, and
/// between a space and an ASCII byte there is always a cluster boundary (so
/// the clusters of each side are those of the whole).
#[inline]
fn safe_cut(bytes: &[u8], c: usize) -> bool {
    bytes[c - 1] == b' ' && bytes[c].is_ascii()
}

/// [`tokenize_into`] of plain ASCII without CR, byte by byte: the same rules as
/// [`tokenize_clusters`] with the char tests read for ASCII, without an
/// `Option<char>` per byte (a tenth of all scoring went to that loop).
fn tokenize_ascii(article: &str, span: Span, tokens: &mut Vec<Token>) {
    let text = &article[span.start..span.end];
    let bytes = text.as_bytes();
    let at = |j: usize| bytes.get(j).copied();
    // `char::is_whitespace` on ASCII (CR never reaches here).
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c);
    let word_byte = |b: u8| WORD_BYTES[usize::from(b)];
    let joiner = |b: u8| matches!(b, b'-' | b'\'' | b'.');

    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let c = bytes[i];
        if space(c) {
            i += 1;
            continue;
        }
        if !word_byte(c) {
            tokens.push(Token {
                span: Span::new(span.start + i, span.start + i + 1),
                stem_end: span.start + i + 1,
                kind: TokenKind::Punct(char::from(c)),
                lists: 0,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            while j < bytes.len() && word_byte(bytes[j]) {
                j += 1;
            }
            match (at(j), at(j + 1)) {
                (Some(c), Some(next)) if joiner(c) && word_byte(next) => j += 2,
                // "9,000": a thousands separator is no comma.
                (Some(b','), Some(next))
                    if bytes[j - 1].is_ascii_digit() && next.is_ascii_digit() =>
                {
                    j += 2
                }
                _ => break,
            }
        }
        let mut end = j;
        if at(j) == Some(b'.') && takes_final_dot(&text[start..end]) {
            j += 1;
            end = j;
        }
        let word = &text[start..end];
        let mut stem_end = end;
        let mut possessive = false;
        if let Some(base) = word.strip_suffix("'s") {
            if !base.is_empty() {
                stem_end = start + base.len();
                possessive = true;
            }
        } else if word.ends_with(['s', 'S']) && at(j) == Some(b'\'') && at(j + 1).is_none_or(space)
        {
            // Plural possessive: "owners' association".
            possessive = true;
            j += 1;
            end = j;
        }
        let stem = &text[start..stem_end];
        let (lists, second_tier) = lexicon::token_lists(stem.strip_suffix('.').unwrap_or(stem));
        tokens.push(Token {
            span: Span::new(span.start + start, span.start + end),
            stem_end: span.start + stem_end,
            kind: TokenKind::Word {
                // "&" joins names ("Brandt & Vos", "AT&T").
                cap: c.is_ascii_uppercase() || c == b'&' || is_particle_name(word),
                possessive,
                second_tier,
            },
            lists,
        });
        i = j;
    }
}

/// The bytes a word of [`tokenize_ascii`] is made of (ASCII letters and
/// digits, and `&`), as a table: the test of every byte of every word.
const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'&' as usize;
        b += 1;
    }
    table
};

/// The clusters of any text, listed by [`graphemes`].
struct ListedClusters {
    clusters: Vec<(usize, char)>,
    len: usize,
}

impl ListedClusters {
    fn of(text: &str) -> Self {
        ListedClusters {
            clusters: graphemes(text),
            len: text.len(),
        }
    }

    /// How many clusters there are.
    #[inline]
    fn count(&self) -> usize {
        self.clusters.len()
    }

    /// The byte offset of cluster `j`; the text's length for `j` past the end.
    #[inline]
    fn offset(&self, j: usize) -> usize {
        self.clusters.get(j).map_or(self.len, |&(i, _)| i)
    }

    /// The first char of cluster `j`.
    #[inline]
    fn first(&self, j: usize) -> Option<char> {
        self.clusters.get(j).map(|&(_, c)| c)
    }
}

/// [`tokenize_into`] over the clusters of `article[span]`.
fn tokenize_clusters(
    article: &str,
    span: Span,
    clusters: &ListedClusters,
    tokens: &mut Vec<Token>,
) {
    let text = &article[span.start..span.end];
    let offset = |j: usize| clusters.offset(j);
    let first = |j: usize| clusters.first(j);

    let mut i = 0;
    while i < clusters.count() {
        let start = clusters.offset(i);
        let Some(c) = clusters.first(i) else { break };
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token {
                span: Span::new(span.start + start, span.start + offset(i + 1)),
                stem_end: span.start + offset(i + 1),
                kind: TokenKind::Punct(c),
                lists: 0,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            let digit_before = first(j - 1).is_some_and(|c| c.is_ascii_digit());
            match (first(j), first(j + 1)) {
                (Some(c), _) if is_word_char(c) => j += 1,
                (Some(c), Some(next)) if is_joiner(c) && is_word_char(next) => j += 2,
                // "9,000": a thousands separator is no comma.
                (Some(','), Some(next)) if digit_before && next.is_ascii_digit() => j += 2,
                _ => break,
            }
        }
        let mut end = offset(j);
        if first(j) == Some('.') && takes_final_dot(&text[start..end]) {
            j += 1;
            end = offset(j);
        }
        let word = &text[start..end];
        let mut stem_end = end;
        let mut possessive = false;
        if let Some(base) = word
            .strip_suffix("’s")
            .or_else(|| word.strip_suffix("'s"))
            .or_else(|| word.strip_suffix("‘s"))
        {
            if !base.is_empty() {
                stem_end = start + base.len();
                possessive = true;
            }
        } else if word.ends_with(['s', 'S'])
            && first(j).is_some_and(is_apostrophe)
            && first(j + 1).is_none_or(char::is_whitespace)
        {
            // Plural possessive: "owners’ association".
            possessive = true;
            j += 1;
            end = offset(j);
        }
        let stem = &text[start..stem_end];
        let (lists, second_tier) = lexicon::token_lists(stem.strip_suffix('.').unwrap_or(stem));
        tokens.push(Token {
            span: Span::new(span.start + start, span.start + end),
            stem_end: span.start + stem_end,
            kind: TokenKind::Word {
                // "&" joins names ("Brandt & Vos", "AT&T").
                cap: is_capital(c) || is_particle_name(word) || c == '&',
                possessive,
                second_tier,
            },
            lists,
        });
        i = j;
    }
}

/// The grapheme clusters of `text`: byte offset and first char of each.
///
/// Between two ASCII bytes there is always a cluster boundary, except inside
/// CR LF, and the rules decide it from those two bytes alone. So plain-ASCII
/// stretches are one cluster per byte, and only the stretches around other
/// chars go through the Unicode tables (the same clusters, much faster on
/// news text, which is nearly all ASCII).
fn graphemes(text: &str) -> Vec<(usize, char)> {
    let bytes = text.as_bytes();
    let cut = |at: usize| {
        at == bytes.len()
            || (bytes[at - 1].is_ascii()
                && bytes[at].is_ascii()
                && (bytes[at - 1], bytes[at]) != (b'\r', b'\n'))
    };
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() && cut(i + 1) {
            out.push((i, char::from(bytes[i])));
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while !cut(end) {
            end += 1;
        }
        out.extend(
            text[i..end]
                .grapheme_indices(true)
                .map(|(k, g)| (i + k, g.chars().next().unwrap_or(' '))),
        );
        i = end;
    }
    out
}

/// "al-Hakim", "el-Sayed": a lowercase particle joined to a capitalised name
/// counts as capitalised.
///
/// Asked of every lowercase word: the first byte settles nearly all, tested
/// inline; the rest is out of line.
#[inline]
fn is_particle_name(word: &str) -> bool {
    let first = word.as_bytes().first();
    lexicon::HYPHENATED_NAME_PARTICLES
        .iter()
        .any(|particle| first == particle.as_bytes().first())
        && particle_then_capital(word)
}

/// [`is_particle_name`] after its first byte.
#[inline(never)]
fn particle_then_capital(word: &str) -> bool {
    lexicon::HYPHENATED_NAME_PARTICLES.iter().any(|particle| {
        word.as_bytes().starts_with(particle.as_bytes())
            && word[particle.len()..]
                .chars()
                .next()
                .is_some_and(is_capital)
    })
}

/// Uppercase, or one of the four Latin title-case digraphs (ǅ, ǈ, ǋ, ǲ).
fn is_capital(c: char) -> bool {
    c.is_uppercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_tokens(text: &str, expected: &[(&str, &str, bool, bool)]) {
        let tokens = tokenize(text, Span::new(0, text.len()));
        let got: Vec<(&str, &str, bool, bool)> = tokens
            .iter()
            .map(|t| {
                (
                    &text[t.span.start..t.span.end],
                    t.stem(text),
                    t.is_cap(),
                    t.is_possessive(),
                )
            })
            .collect();
        assert_eq!(got, expected, "tokens of {text:?}");
    }

    /// A text and its tokens: (token, stem, capitalised, possessive).
    type TokenCase = (
        &'static str,
        &'static [(&'static str, &'static str, bool, bool)],
    );

    #[test]
    fn words_keep_abbreviations_possessives_and_unicode() {
        let cases: &[TokenCase] = &[
            (
                "Russia’s envoy",
                &[
                    ("Russia’s", "Russia", true, true),
                    ("envoy", "envoy", false, false),
                ],
            ),
            // a left single mark typed for the apostrophe
            (
                "Ostland‘s team",
                &[
                    ("Ostland‘s", "Ostland", true, true),
                    ("team", "team", false, false),
                ],
            ),
            (
                "the U.S. side",
                &[
                    ("the", "the", false, false),
                    ("U.S.", "U.S.", true, false),
                    ("side", "side", false, false),
                ],
            ),
            (
                "Gen. Ibarra",
                &[
                    ("Gen.", "Gen.", true, false),
                    ("Ibarra", "Ibarra", true, false),
                ],
            ),
            (
                "owners’ club",
                &[
                    ("owners’", "owners", false, true),
                    ("club", "club", false, false),
                ],
            ),
            (
                "Khalid al-Masri al- el-",
                &[
                    ("Khalid", "Khalid", true, false),
                    ("al-Masri", "al-Masri", true, false),
                    ("al", "al", false, false),
                    ("-", "-", false, false),
                    ("el", "el", false, false),
                    ("-", "-", false, false),
                ],
            ),
            (
                "public-sector 3.5 9,000 9, 000",
                &[
                    ("public-sector", "public-sector", false, false),
                    ("3.5", "3.5", false, false),
                    ("9,000", "9,000", false, false),
                    ("9", "9", false, false),
                    (",", ",", false, false),
                    ("000", "000", false, false),
                ],
            ),
            (
                "Ngo\u{302} Ba\u{309}o",
                &[
                    ("Ngo\u{302}", "Ngo\u{302}", true, false),
                    ("Ba\u{309}o", "Ba\u{309}o", true, false),
                ],
            ),
            (
                "Łucja don’t",
                &[
                    ("Łucja", "Łucja", true, false),
                    ("don’t", "don’t", false, false),
                ],
            ),
            (
                "end.",
                &[("end", "end", false, false), (".", ".", false, false)],
            ),
            (
                "Brandt & Vos AT&T",
                &[
                    ("Brandt", "Brandt", true, false),
                    ("&", "&", true, false),
                    ("Vos", "Vos", true, false),
                    ("AT&T", "AT&T", true, false),
                ],
            ),
        ];
        for (text, expected) in cases {
            assert_tokens(text, expected);
        }
    }

    /// Chars of every grapheme-break class, ASCII or not.
    const GRAPHEME_CHARS: &[char] = &[
        'a',
        'Z',
        '0',
        ' ',
        '.',
        '\'',
        '#',
        '*',
        '\r',
        '\n',
        '\t',
        'é',
        '\u{301}',
        '\u{200D}',
        '\u{1F468}',
        '\u{1F1E6}',
        '\u{1F1F7}',
        '\u{903}',
        '\u{600}',
        '\u{1100}',
        '\u{1161}',
        '\u{11A8}',
        '\u{AC00}',
        '\u{FE0F}',
        '\u{2019}',
        '\u{85}',
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The ASCII fast path gives the clusters of the Unicode tables.
        #[test]
        fn fast_graphemes_are_the_unicode_ones(
            picks in proptest::collection::vec(0..GRAPHEME_CHARS.len(), 0..40)
        ) {
            let text: String = picks.iter().map(|&i| GRAPHEME_CHARS[i]).collect();
            let unicode: Vec<(usize, char)> = text
                .grapheme_indices(true)
                .map(|(i, g)| (i, g.chars().next().unwrap()))
                .collect();
            proptest::prop_assert_eq!(graphemes(&text), unicode);
        }
    }

    /// The tokens of `article[span]` all through the listed clusters, the
    /// plain path the faster ones are checked against.
    fn listed(article: &str, span: Span) -> Vec<Token> {
        let mut tokens = Vec::new();
        let clusters = ListedClusters::of(&article[span.start..span.end]);
        tokenize_clusters(article, span, &clusters, &mut tokens);
        tokens
    }

    /// ASCII text as news has it: words, names, abbreviations, numbers,
    /// possessives, particles and punctuation, in any order.
    const ASCII_PIECES: &[&str] = &[
        "a", "Ab", "said", "the", "U.S.", "Gen.", "Corp.", "al-", "el-", "Masri", "s", "S", "'",
        "'s", "9", "000", "3.5", ",", ".", "-", "&", "AT&T", " ", "  ", "\t", "\n", "!", "?", "\"",
        "(", ")", ";", ":", "x.y", "Jan", "of", "Smith", "owners", "#", "e.g", "I", "\x0b", "\x0c",
        "\x1f", "al-Masri", "Corp", "Sept", "D'", "Z", "'S", "1,", ",2", "-x", "&&",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The ASCII path gives the tokens of the listed clusters.
        #[test]
        fn ascii_path_tokens_are_the_listed_ones(
            picks in proptest::collection::vec(0..ASCII_PIECES.len(), 0..40),
            lead in 0..3usize,
        ) {
            let text: String = picks.iter().map(|&i| ASCII_PIECES[i]).collect();
            let article = format!("{}{text}", " ".repeat(lead));
            let span = Span::new(lead, article.len());
            proptest::prop_assert!(article.is_ascii());
            proptest::prop_assert_eq!(tokenize(&article, span), listed(&article, span));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Text that is mostly ASCII, with chars of every grapheme-break
        /// class, curly quotes and accented letters among its words: cut into
        /// ASCII and listed stretches, it gives the tokens of the listed
        /// clusters of the whole.
        #[test]
        fn mixed_text_tokens_are_the_listed_ones(
            picks in proptest::collection::vec(
                (0..ASCII_PIECES.len(), 0..GRAPHEME_CHARS.len() + MIXED_PIECES.len(), 0..4u8),
                0..40,
            ),
            lead in 0..3usize,
        ) {
            let mut text = String::new();
            for &(ascii, other, which) in &picks {
                match (which, other.checked_sub(GRAPHEME_CHARS.len())) {
                    (0, None) => text.push(GRAPHEME_CHARS[other]),
                    (0, Some(k)) => text.push_str(MIXED_PIECES[k]),
                    _ => text.push_str(ASCII_PIECES[ascii]),
                }
            }
            let article = format!("{}{text}", " ".repeat(lead));
            let span = Span::new(lead, article.len());
            proptest::prop_assert_eq!(tokenize(&article, span), listed(&article, span));
        }
    }

    /// The scan stops at the first byte of every char the ASCII path does
    /// not take, and of no other.
    #[test]
    fn the_scan_stops_at_every_char_that_needs_clusters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            let needs = !c.is_ascii() || c == '\r';
            assert_eq!(NEEDS_CLUSTERS.contains(lead), needs, "{c:?}");
        }
    }

    /// Non-ASCII words and marks as news has them.
    const MIXED_PIECES: &[&str] = &[
        "“", "”", "’", "‘", "’s", "é", "Łucja", "Bảo", "\u{a0}", "—", "–", "‐", "·", "\r\n", "\r",
        " “", "” ", "Ǆ", "ǅ", "\u{2028}", "\u{3000}", "日本", "\u{301}", "\u{600}", " \u{301}",
    ];

    /// Words that are, nearly are, or contain entries of the lists that are
    /// matched exactly, in several casings, with and without a final dot or a
    /// possessive.
    #[test]
    fn listed_stems_are_a_scan_of_the_list() {
        let lists: &[&[&str]] = &[
            lexicon::NOT_NAMES,
            lexicon::OUTLETS,
            lexicon::TITLES,
            lexicon::REFUSALS,
        ];
        let mut words: Vec<String> = vec!["x".into(), "U.S.".into(), "Jan.".into()];
        for list in lists {
            for entry in *list {
                let bare = entry.strip_suffix('.').unwrap_or(entry);
                words.extend([
                    entry.to_string(),
                    entry.to_lowercase(),
                    entry.to_uppercase(),
                    format!("{bare}."),
                    format!("{bare}x"),
                    bare.to_string(),
                ]);
            }
        }
        for word in &words {
            for text in [
                format!("{word} z"),
                format!("{word}’s z"),
                format!("“{word}"),
            ] {
                let tokens = tokenize(&text, Span::new(0, text.len()));
                for token in &tokens {
                    let stem = token.stem(&text);
                    for list in lists {
                        assert_eq!(
                            token.stem_listed(&text, list),
                            list.contains(&stem),
                            "{stem:?} in {text:?}"
                        );
                    }
                }
            }
        }
    }

    /// A list without a bit is scanned: the scan that asks for an entry of
    /// the key's length first answers as the plain one, for words that are,
    /// nearly are, or contain entries, with a final dot or a possessive.
    #[test]
    fn scanned_lists_answer_as_a_plain_scan() {
        let lists: &[&[&str]] = &[
            lexicon::REFUSALS,
            &["to"],
            &["of", "for"],
            &["Jan.", "x"],
            // a list of the second tier
            lexicon::ACT_VERBS,
        ];
        let mut words: Vec<String> = vec![".".into(), "U.S.".into(), "a.b".into()];
        for entry in lists.iter().copied().flatten() {
            words.extend([
                entry.to_string(),
                entry.to_uppercase(),
                format!("{entry}."),
                format!("{entry}s"),
                entry[1..].to_string(),
            ]);
        }
        for word in &words {
            for text in [
                format!("{word} z"),
                format!("{word}’s z"),
                format!("“{word}"),
            ] {
                for token in tokenize(&text, Span::new(0, text.len())) {
                    let key = token.key(&text);
                    for list in lists {
                        let plain =
                            token.is_word() && list.iter().any(|e| e.eq_ignore_ascii_case(key));
                        assert_eq!(token.is_in(&text, list), plain, "{key:?} in {text:?}");
                    }
                }
            }
        }
    }

    /// The list bits only rule out words: the dot rule answers as the plain
    /// scans, for entries, their other casings and near misses.
    #[test]
    fn final_dots_are_those_of_a_plain_scan() {
        let lists = [
            lexicon::ABBREVIATIONS,
            lexicon::MONTH_ABBREVIATIONS,
            lexicon::COMPANY_SUFFIXES,
        ];
        let mut words: Vec<String> = ["talks", "U.S", "a", "x.yz", "", "É"]
            .map(String::from)
            .to_vec();
        for entry in lists.iter().copied().flatten() {
            words.extend([
                entry.to_string(),
                entry.to_uppercase(),
                entry.to_lowercase(),
                format!("{entry}s"),
                entry[1..].to_string(),
            ]);
        }
        for word in &words {
            let mut chars = word.chars();
            let single =
                matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
            let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
            let plain = single || dotted || lists.iter().any(|list| list.contains(&word.as_str()));
            assert_eq!(takes_final_dot(word), plain, "{word:?}");
        }
    }

    #[test]
    fn emoji_and_unknown_symbols_are_punctuation() {
        let text = "a 👨\u{200d}👩\u{200d}👧 b";
        let tokens = tokenize(text, Span::new(0, text.len()));
        assert_eq!(tokens.len(), 3);
        assert!(matches!(tokens[1].kind, TokenKind::Punct('👨')));
        assert_eq!(
            &text[tokens[1].span.start..tokens[1].span.end],
            "👨\u{200d}👩\u{200d}👧"
        );
    }
}
