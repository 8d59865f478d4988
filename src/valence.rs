//! Word valence: general knowledge of words the training corpus never used.
//!
//! VADER's lexicon (Hutto & Gilbert 2014, MIT licence, from the
//! `vader_sentiment` crate) gives about 7,500 English words the mean of ten
//! people's ratings from -4 (most negative) to +4. The model does not see
//! the rating itself but a coarse bucket of it per word (`S:neg3`,
//! `S:pos1`, ...), marked with the tokenizer's negation, contrast and
//! condition scopes the way cue categories are, and a bucket of the
//! statement's summed valence (`S:sum_neg2`, or `S:none` when no word has a
//! valence). A word the corpus never saw then still weighs by its bucket.
//! Only the lexicon is used, not VADER's sentence scorer: stance is not
//! sentiment, and the model learns what each bucket says about stance.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::cues::word_hash;
use crate::tokenize::{Token, TokenKind};

/// VADER's factor on the valence of a negated word ("not good").
const NEGATED: f64 = -0.74;

/// The lexicon as this crate reads it: lowercase word -> valence.
fn lexicon() -> &'static FxHashMap<String, f64> {
    static LEXICON: OnceLock<FxHashMap<String, f64>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        vader_sentiment::LEXICON
            .iter()
            .map(|(word, &v)| (word.to_lowercase(), v))
            .collect()
    })
}

/// The lexicon keyed by each word's [`word_hash`]: scoring has every
/// token's hash already (its n-grams and cues are found from them), so a
/// look-up need not hash the word again. As with the n-grams, a word outside
/// the lexicon is taken for one inside only if their 64-bit hashes are equal.
fn by_hash() -> &'static FxHashMap<u64, f64> {
    static BY_HASH: OnceLock<FxHashMap<u64, f64>> = OnceLock::new();
    BY_HASH.get_or_init(|| {
        lexicon()
            .iter()
            .map(|(word, &v)| (word_hash(word), v))
            .collect()
    })
}

/// [`of`] the word whose [`word_hash`] is `hash`.
pub(crate) fn of_hash(hash: u64) -> Option<f64> {
    by_hash().get(&hash).copied()
}

/// The valence of one lowercase word, -4 to 4, if the lexicon rates it.
///
/// ```
/// assert!(stance::valence::of("war").unwrap() < -2.0);
/// assert!(stance::valence::of("peace").unwrap() > 2.0);
/// assert_eq!(stance::valence::of("tuesday"), None);
/// ```
pub fn of(word: &str) -> Option<f64> {
    lexicon().get(word).copied()
}

/// Number of words the lexicon rates.
pub fn len() -> usize {
    lexicon().len()
}

/// The bucket of one word's valence: `neg1` / `pos1` below 1 in size,
/// `neg2` / `pos2` below 2, `neg3` / `pos3` from 2 on (VADER's words split
/// about 23 / 47 / 30 % between them).
pub fn bucket(v: f64) -> &'static str {
    let size = v.abs();
    match (v < 0.0, size < 1.0, size < 2.0) {
        (true, true, _) => "neg1",
        (true, false, true) => "neg2",
        (true, false, false) => "neg3",
        (false, true, _) => "pos1",
        (false, false, true) => "pos2",
        (false, false, false) => "pos3",
    }
}

/// The bucket of a statement's summed valence (a negated word counted at
/// VADER's -0.74 of its valence): `sum_flat` within half a point of 0,
/// then `sum_neg1` / `sum_pos1` below 2, `..2` below 4, `..3` from 4 on.
pub fn sum_bucket(sum: f64) -> &'static str {
    let size = sum.abs();
    if size < 0.5 {
        return "sum_flat";
    }
    match (sum < 0.0, size < 2.0, size < 4.0) {
        (true, true, _) => "sum_neg1",
        (true, false, true) => "sum_neg2",
        (true, false, false) => "sum_neg3",
        (false, true, _) => "sum_pos1",
        (false, false, true) => "sum_pos2",
        (false, false, false) => "sum_pos3",
    }
}

/// Calls `found` with the index and valence of every rated word of
/// `tokens`, and returns the summed valence and whether any word was rated.
pub fn for_each_rated(tokens: &[Token], found: impl FnMut(usize, f64)) -> Option<f64> {
    let hashes: Vec<u64> = tokens.iter().map(|t| word_hash(&t.text)).collect();
    for_each_rated_hashed(tokens, &hashes, found)
}

/// [`for_each_rated`] of `tokens` whose [`word_hash`]es are `hashes`.
pub(crate) fn for_each_rated_hashed(
    tokens: &[Token],
    hashes: &[u64],
    mut found: impl FnMut(usize, f64),
) -> Option<f64> {
    let mut sum = None;
    for (i, tok) in tokens.iter().enumerate() {
        if tok.kind == TokenKind::Punct {
            continue;
        }
        let Some(v) = of_hash(hashes[i]) else {
            continue;
        };
        found(i, v);
        let counted = if tok.negated { v * NEGATED } else { v };
        *sum.get_or_insert(0.0) += counted;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::{TokenizerParams, tokenize};

    #[test]
    fn the_lexicon_rates_thousands_of_words() {
        assert!(len() > 7_000, "{}", len());
        assert_eq!(of("war"), Some(-2.9));
        assert_eq!(of("welcomed"), Some(1.4));
        assert_eq!(of("ceasefire"), None);
    }

    #[test]
    fn looking_up_by_hash_is_looking_up_the_word() {
        for word in [
            "war",
            "welcomed",
            "ceasefire",
            "peace",
            "tuesday",
            "",
            "WAR",
        ] {
            assert_eq!(of_hash(word_hash(word)), of(word), "{word}");
        }
        assert!(lexicon().keys().all(|w| of_hash(word_hash(w)) == of(w)));
    }

    #[test]
    fn buckets_split_by_size_and_sign() {
        assert_eq!(bucket(-0.4), "neg1");
        assert_eq!(bucket(-1.0), "neg2");
        assert_eq!(bucket(-2.9), "neg3");
        assert_eq!(bucket(0.6), "pos1");
        assert_eq!(bucket(1.4), "pos2");
        assert_eq!(bucket(2.5), "pos3");
        assert_eq!(sum_bucket(0.3), "sum_flat");
        assert_eq!(sum_bucket(-0.3), "sum_flat");
        assert_eq!(sum_bucket(-1.9), "sum_neg1");
        assert_eq!(sum_bucket(3.0), "sum_pos2");
        assert_eq!(sum_bucket(-6.0), "sum_neg3");
    }

    #[test]
    fn negated_words_count_against_the_sum() {
        let params = TokenizerParams::default();
        let tokens = tokenize("The envoy did not welcome the war talk", &params);
        let mut rated = Vec::new();
        let sum = for_each_rated(&tokens, |i, v| rated.push((tokens[i].text.clone(), v)));
        assert_eq!(
            rated,
            vec![("welcome".to_string(), 2.0), ("war".to_string(), -2.9)]
        );
        let expected = 2.0 * NEGATED + -2.9 * NEGATED;
        assert!((sum.unwrap() - expected).abs() < 1e-9, "{sum:?}");
        let none = tokenize("The delegation arrives on Tuesday", &params);
        assert_eq!(for_each_rated(&none, |_, _| {}), None);
    }
}
