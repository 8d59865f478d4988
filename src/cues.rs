//! The stance cue lexicon: words and phrases that carry stance in news
//! ("would not accept", "power grab", "the door is open", "too early"),
//! grouped in categories (force, refusal, openness, doubt, ...). Matches
//! become category features that respect the tokenizer's scopes, so
//! "nobody has ruled out talks" gives a negated refusal, and one feature can
//! stand for hundreds of words the training corpus never used.
//!
//! The lexicon is data: `data/cues.tsv`, one `category<TAB>phrase` per line,
//! built into the binary and copied into every model trained with it, so a
//! model keeps its lexicon whatever later versions ship.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::tokenize::{Token, TokenKind, TokenizerParams, is_quote_mark, tokenize};

/// The lexicon shipped with `stance`, as text.
pub const BUILTIN_TSV: &str = include_str!("../data/cues.tsv");

/// Longest phrase, in words.
pub const MAX_PHRASE_WORDS: usize = 6;

/// One cue: a phrase and its category, as written in the lexicon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// Category name (`refusal`, `openness`, ...).
    pub category: String,
    /// The phrase, lowercase words separated by spaces.
    pub phrase: String,
}

/// A parsed lexicon, indexed for matching.
#[derive(Debug, Clone)]
pub struct Cues {
    cues: Vec<Cue>,
    categories: Vec<String>,
    /// Hash of a phrase's word sequence -> category index.
    index: FxHashMap<u64, u16>,
    /// Hash of every word sequence that starts a phrase (whole phrases
    /// included) -> the phrase's category when it is one, and whether a
    /// longer phrase starts with it. Matching walks a statement's words
    /// forward through these and stops at the first sequence that starts no
    /// phrase: one or two look-ups per word, where trying every length
    /// from the longest down took up to six.
    prefixes: FxHashMap<u64, Prefix>,
}

/// What a word sequence that starts a phrase is ([`Cues::prefixes`]).
#[derive(Debug, Clone, Copy, Default)]
struct Prefix {
    /// The category of the phrase it is, if it is one.
    category: Option<u16>,
    /// A longer phrase starts with it.
    longer: bool,
}

impl PartialEq for Cues {
    fn eq(&self, other: &Self) -> bool {
        self.cues == other.cues
    }
}

/// The words of a phrase as the tokenizer normalises them.
fn phrase_words(phrase: &str) -> Vec<String> {
    let params = TokenizerParams {
        negation: false,
        ..TokenizerParams::default()
    };
    tokenize(phrase, &params)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.text)
        .collect()
}

/// 64-bit hash of one word: cue phrases are found from these, and scoring
/// finds word n-gram features from the same hashes
/// ([`crate::features::name_key`]).
pub(crate) fn word_hash(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(word.as_bytes());
    h.finish()
}

/// Why a list of cues cannot be indexed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CueError {
    /// A phrase with no word or more than [`MAX_PHRASE_WORDS`].
    #[error("cue '{0}' must have 1 to {MAX_PHRASE_WORDS} words")]
    PhraseLength(String),
    /// A category that is not lowercase ASCII letters and `_`.
    #[error("cue category '{0}' must be lowercase letters and '_'")]
    Category(String),
    /// More categories than a feature index can count.
    #[error("too many cue categories")]
    TooManyCategories,
}

/// The hash of a phrase one word longer than the phrase hashed `h`: matching
/// hashes each word of a text once and extends phrases from there.
fn extend_hash(h: u64, word: u64) -> u64 {
    (h.rotate_left(23) ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn sequence_hash<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    words.fold(0, |h, w| extend_hash(h, word_hash(w)))
}

impl Cues {
    /// Builds the index from cues. A phrase listed under two categories keeps
    /// the first; empty phrases and phrases over [`MAX_PHRASE_WORDS`] words
    /// are errors.
    pub fn new(cues: Vec<Cue>) -> std::result::Result<Cues, CueError> {
        let mut categories: Vec<String> = Vec::new();
        let mut index = FxHashMap::default();
        let mut prefixes: FxHashMap<u64, Prefix> = FxHashMap::default();
        for cue in &cues {
            let words = phrase_words(&cue.phrase);
            if words.is_empty() || words.len() > MAX_PHRASE_WORDS {
                return Err(CueError::PhraseLength(cue.phrase.clone()));
            }
            if cue.category.is_empty()
                || !cue
                    .category
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_')
            {
                return Err(CueError::Category(cue.category.clone()));
            }
            let c = match categories.iter().position(|c| *c == cue.category) {
                Some(c) => c,
                None => {
                    categories.push(cue.category.clone());
                    categories.len() - 1
                }
            };
            let c = u16::try_from(c).map_err(|_| CueError::TooManyCategories)?;
            let mut h = 0;
            for (n, word) in words.iter().enumerate() {
                h = extend_hash(h, word_hash(word));
                let prefix = prefixes.entry(h).or_default();
                if n + 1 < words.len() {
                    prefix.longer = true;
                } else {
                    // The first category listed for a phrase is kept.
                    prefix.category = Some(*index.entry(h).or_insert(c));
                }
            }
        }
        Ok(Cues {
            cues,
            categories,
            index,
            prefixes,
        })
    }

    /// Parses `category<TAB>phrase` lines; `#` starts a comment line.
    /// `origin` names the text in errors.
    pub fn parse(text: &str, origin: &std::path::Path) -> Result<Cues> {
        let mut cues = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (category, phrase) = line.split_once('\t').ok_or_else(|| {
                Error::parse(origin, n as u64 + 1, "expected 'category<TAB>phrase'")
            })?;
            cues.push(Cue {
                category: category.trim().to_owned(),
                phrase: phrase.trim().to_lowercase(),
            });
        }
        Cues::new(cues).map_err(|e| Error::Data {
            path: origin.into(),
            message: e.to_string(),
        })
    }

    /// The lexicon shipped with `stance`.
    pub fn builtin() -> &'static Cues {
        static BUILTIN: std::sync::OnceLock<Cues> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            Cues::parse(BUILTIN_TSV, std::path::Path::new("data/cues.tsv"))
                .expect("the built-in cue lexicon is checked by a test")
        })
    }

    /// The cues, as listed.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// Category names, in order of first appearance.
    pub fn categories(&self) -> &[String] {
        &self.categories
    }

    /// Number of cues.
    pub fn len(&self) -> usize {
        self.cues.len()
    }

    /// True when there are no cues.
    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }

    /// The category of a single word or phrase, if it is a cue.
    pub(crate) fn category_of(&self, phrase: &str) -> Option<&str> {
        // A lowercase ASCII word is its own only token: scoring asks this of
        // every statement's reporting verb.
        let hash = if !phrase.is_empty() && phrase.bytes().all(|b| b.is_ascii_lowercase()) {
            sequence_hash(std::iter::once(phrase))
        } else {
            let words = phrase_words(phrase);
            sequence_hash(words.iter().map(String::as_str))
        };
        let c = self.index.get(&hash)?;
        Some(&self.categories[*c as usize])
    }

    /// Calls `emit(first_token, category)` for the longest cue starting at
    /// each word of `tokens`, whose [`word_hash`]es are `hashes`. A phrase
    /// never spans clause punctuation; quote marks inside it are skipped
    /// ("a “power grab”").
    pub(crate) fn for_each_match(
        &self,
        text: &str,
        tokens: &[Token],
        hashes: &[u64],
        mut emit: impl FnMut(usize, &str),
    ) {
        // Word positions and hashes, with a break wherever clause punctuation stands.
        let mut words: Vec<(usize, u64)> = Vec::with_capacity(tokens.len());
        let mut run_start = 0;
        let flush = |words: &[(usize, u64)], emit: &mut dyn FnMut(usize, &str)| {
            for s in 0..words.len() {
                // The longest phrase from word `s`: the last category met
                // on the walk.
                let mut h = 0;
                let mut longest = None;
                for &(_, word) in &words[s..] {
                    h = extend_hash(h, word);
                    let Some(prefix) = self.prefixes.get(&h) else {
                        break;
                    };
                    longest = prefix.category.or(longest);
                    if !prefix.longer {
                        break;
                    }
                }
                if let Some(c) = longest {
                    emit(words[s].0, &self.categories[c as usize]);
                }
            }
        };
        for (i, tok) in tokens.iter().enumerate() {
            if tok.kind == TokenKind::Punct {
                if !text.get(tok.start..tok.end).is_some_and(is_quote_mark) {
                    flush(&words[run_start..], &mut emit);
                    run_start = words.len();
                }
                continue;
            }
            words.push((i, hashes[i]));
        }
        flush(&words[run_start..], &mut emit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(lines: &[(&str, &str)]) -> Cues {
        Cues::new(
            lines
                .iter()
                .map(|(c, p)| Cue {
                    category: c.to_string(),
                    phrase: p.to_string(),
                })
                .collect(),
        )
        .unwrap()
    }

    fn matches(cues: &Cues, text: &str) -> Vec<(String, String)> {
        let tokens = tokenize(text, &TokenizerParams::default());
        let hashes: Vec<u64> = tokens.iter().map(|t| word_hash(&t.text)).collect();
        let mut out = Vec::new();
        cues.for_each_match(text, &tokens, &hashes, |i, c| {
            out.push((tokens[i].text.clone(), c.to_string()))
        });
        out
    }

    #[test]
    fn longest_phrase_wins_and_quotes_do_not_break_phrases() {
        let c = cues(&[
            ("refusal", "ruled out"),
            ("refusal", "rule out"),
            ("hostile", "power grab"),
            ("force", "grab"),
            ("openness", "door is open"),
        ]);
        assert_eq!(
            matches(&c, "It was a “power grab”, and the door is open."),
            [
                ("power".to_string(), "hostile".to_string()),
                ("grab".to_string(), "force".to_string()),
                ("door".to_string(), "openness".to_string()),
            ]
        );
        // A comma between the words: no phrase.
        assert!(matches(&c, "They ruled, out of spite").is_empty());
        assert_eq!(c.category_of("Ruled Out"), Some("refusal"));
        assert_eq!(c.category_of("ruled"), None);
    }

    #[test]
    fn phrases_are_tokenized_like_text() {
        let c = cues(&[("delay", "step-by-step"), ("refusal", "won’t accept")]);
        assert_eq!(matches(&c, "Step by step.").len(), 1);
        assert_eq!(matches(&c, "We won't accept it").len(), 1);
    }

    #[test]
    fn bad_lexicons_are_refused() {
        let origin = std::path::Path::new("cues.tsv");
        let err = Cues::parse("# c\nforce\tstrike\nno tab here\n", origin).unwrap_err();
        assert!(err.to_string().contains("cues.tsv line 3"), "{err}");
        assert!(Cues::parse("Force!\tstrike\n", origin).is_err());
        assert!(Cues::parse("force\ta b c d e f g\n", origin).is_err());
    }

    #[test]
    fn the_builtin_lexicon_reads_reported_doubt_and_harm_to_talks_as_doubt() {
        // Invented sentences; each phrase came into data/cues.tsv with issue 10.
        let c = Cues::builtin();
        for (text, first) in [
            (
                "The harbour board cast doubt on the carriers' new timetable.",
                "cast",
            ),
            (
                "Growers have voiced scepticism about the quota swap.",
                "voiced",
            ),
            ("The levy called into question the whole accord.", "called"),
            (
                "It is hard to see how the ferry pact survives the winter.",
                "hard",
            ),
            (
                "The pilots' union said the offer was a missed opportunity.",
                "missed",
            ),
            (
                "The toll rise could damage the talks on the bridge.",
                "could",
            ),
            (
                "The mayor said the budget row puts at risk years of work.",
                "puts",
            ),
        ] {
            let found = matches(c, text);
            assert!(
                found.contains(&(first.to_string(), "doubt".to_string())),
                "{text}: {found:?}"
            );
        }
        assert_eq!(c.category_of("far from certain"), Some("doubt"));
        assert_eq!(c.category_of("damage"), None);
    }

    #[test]
    fn the_builtin_lexicon_reads_stalled_talks_as_doubt_and_warned_war_as_force() {
        // Invented sentences; each phrase came into data/cues.tsv in session 32.
        let c = Cues::builtin();
        for (text, first, category) in [
            (
                "The ferry talks have not budged in a fortnight.",
                "not",
                "doubt",
            ),
            (
                "The guild wrote to the studio twice, to no avail.",
                "to",
                "doubt",
            ),
            (
                "There have been no breakthroughs on the quota so far.",
                "no",
                "doubt",
            ),
            (
                "Such rows over grazing rights are rarely resolved in a season.",
                "rarely",
                "doubt",
            ),
            (
                "We still do not know if the envoys will come back.",
                "still",
                "doubt",
            ),
            (
                "The council showed a lack of political will to settle.",
                "lack",
                "doubt",
            ),
            (
                "Closing the canal could lead to war between the valleys.",
                "lead",
                "force",
            ),
            (
                "Any raid on the depot would bring dire consequences.",
                "dire",
                "punishment",
            ),
        ] {
            let found = matches(c, text);
            assert!(
                found.contains(&(first.to_string(), category.to_string())),
                "{text}: {found:?}"
            );
        }
        // The single words stay what they were: "budged" and "avail" are
        // no cue, "breakthrough" alone is praise.
        assert_eq!(c.category_of("budged"), None);
        assert_eq!(c.category_of("breakthrough"), Some("praise"));
    }

    #[test]
    fn the_builtin_lexicon_parses() {
        let c = Cues::builtin();
        assert!(!c.is_empty());
        assert!(c.categories().len() >= 2);
    }
}
