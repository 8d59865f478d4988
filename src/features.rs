//! Tokens -> features. Word 1-2-grams and character n-grams within words,
//! optionally the reporting verb (`v:`), stance cue categories (`L:`, `V:`)
//! and scope-marked words; sublinear tf-idf, L2-normalised rows. The
//! vocabulary is capped by a chi-squared score against the labels, so the
//! dense matrix linfa-logistic needs for training stays small; everywhere
//! else rows stay sparse.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hasher;
use std::path::Path;
use std::sync::OnceLock;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use serde::{Deserialize, Serialize};

use crate::cues::{Cues, word_hash};
use crate::error::{Error, Result};
use crate::extract::Statement;
use crate::said::Said;
use crate::sparse::Csr;
use crate::tokenize::{NAME, Token, TokenBuffer, TokenKind, TokenizerParams, is_false};
use crate::valence;

/// Feature settings: plain data, stored in the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureParams {
    /// Smallest and largest word n-gram (1, 2 = unigrams and bigrams; 0, 0 = none).
    pub word_ngrams: (usize, usize),
    /// Smallest and largest character n-gram inside a word padded with spaces (0, 0 = none).
    pub char_ngrams: (usize, usize),
    /// A feature must occur in at least this many training texts.
    pub min_df: usize,
    /// Keep at most this many features, the ones with the highest chi-squared score.
    pub max_features: usize,
    /// Use 1 + ln(tf) instead of the raw count.
    pub sublinear_tf: bool,
    /// Read what was said ([`Said`]): the statement without its attribution,
    /// and the reporting verb as its own feature (`v:warned`). Off in models
    /// from before it existed.
    #[serde(default)]
    pub said: bool,
    /// Add a feature per stance cue category found (`L:refusal`,
    /// `L:NOT_refusal`, `L:BUT_doubt`, `L:IF_force`, and `V:praise` for the
    /// reporting verb), from the model's cue lexicon.
    #[serde(default)]
    pub cues: bool,
    /// Add scope-marked unigrams: `w:BUT_x` after a contrastive word,
    /// `w:IF_x` inside a condition (needs the tokenizer's `scopes`).
    #[serde(default)]
    pub scope_words: bool,
    /// Mark cue categories with the speaker's role: `L:WE_force` when "we",
    /// "I", "our" or "us" stands shortly before the cue in its clause (the
    /// speaker's own threat or offer), `L:PASSIVE_blame` after "was", "were",
    /// "been"... (the speaker or their side is the one accused).
    #[serde(default)]
    pub cue_roles: bool,
    /// Factor on the cue-category features (`L:`, `V:`) before the row is
    /// normalised: in one L2-normalised row the few cue features otherwise
    /// weigh little next to the many word n-grams. 1 (the default, and the
    /// value of models from before it existed) leaves the row as it was.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub cue_weight: f64,
    /// Factor on the reporting-verb feature (`v:`) before normalisation.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub verb_weight: f64,
    /// Factor on the scope-marked words (`w:BUT_x`, `w:IF_x`) before
    /// normalisation.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub scope_weight: f64,
    /// Add a feature for how the statement is reported (`k:direct`,
    /// `k:indirect`, `k:reported`, `k:headline`; see [`Said::kind`]). Off,
    /// and not written, in models from before it existed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub kinds: bool,
    /// Add `L:NONE` when neither the text nor the reporting verb holds a
    /// stance cue (any category but `procedure`, negated or not): the
    /// annotation guide's neutral is the absence of a stance, which a
    /// linear model otherwise sees only as missing features. Needs `cues`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub cue_absence: bool,
    /// Read a negated cue of openness as refusal and a negated refusal as
    /// openness (`L:refusal` for "not open to talks", `L:openness` for
    /// "nobody has rejected talks"), as the annotation guide does, instead of
    /// `L:NOT_openness` and `L:NOT_refusal`. Needs `cues`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub cue_polarity: bool,
    /// Add word valence buckets from VADER's lexicon ([`crate::valence`]):
    /// `S:neg3` ... `S:pos3` per rated word of what was said, marked with
    /// the scopes as cue categories are (`S:NOT_pos2`, `S:BUT_neg1`,
    /// `S:IF_neg3`), `S:v_pos2` for the reporting verb, and one bucket of
    /// the summed valence (`S:sum_neg2`; `S:none` when no word is rated).
    /// Off in models from before it existed, and left out of their files.
    /// [`Valence::Unseen`]: a word's own bucket only for words the
    /// vocabulary has no unigram for.
    #[serde(default, skip_serializing_if = "Valence::is_off")]
    pub valence: Valence,
    /// Add each word's cluster of meaning ([`crate::clusters`]): `K:17` per
    /// word of what was said the cluster table holds, marked with the scopes
    /// as valence buckets are (`K:NOT_17`, `K:BUT_17`, `K:IF_17`), and
    /// `K:v_17` for the reporting verb. `None` (left out of model files) in
    /// models from before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clusters: Option<Clusters>,
}

/// Which word clusters a model reads ([`FeatureParams::clusters`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clusters {
    /// Which words of what was said add their cluster.
    pub words: ClusterWords,
    /// How many clusters: one of [`crate::clusters::KS`].
    pub k: u32,
    /// [`crate::clusters::digest`] of the table the model was trained with.
    pub table: String,
}

impl Clusters {
    /// Clusters of the built-in table.
    pub fn new(words: ClusterWords, k: u32) -> Clusters {
        Clusters {
            words,
            k,
            table: crate::clusters::digest().to_owned(),
        }
    }
}

/// Which words add their cluster ([`Clusters::words`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClusterWords {
    /// Every word the table holds.
    All,
    /// Only words with no unigram in the vocabulary (as
    /// [`Valence::Unseen`]); the reporting verb's cluster stays.
    Unseen,
}

/// Which valence features a model reads ([`FeatureParams::valence`]).
/// Written as a model file has it: `false` (left out), `true`, `"unseen"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Valence {
    /// None (models from before valence).
    #[default]
    Off,
    /// Every rated word's bucket, the reporting verb's and the summed one.
    On,
    /// As `On`, but a rated word of what was said adds its bucket only when
    /// it has no unigram (`w:x`, `w:NOT_x`, `w:BUT_x`, `w:IF_x`) in the
    /// vocabulary; the verb's bucket and the sum stay. Training picks the vocabulary without
    /// valence first, then adds the valence features: the stored
    /// vocabulary tells scoring which words are known.
    Unseen,
}

impl Valence {
    fn is_off(&self) -> bool {
        *self == Valence::Off
    }
}

impl Serialize for Valence {
    /// As a model file holds it: a bool (as before `unseen`) or `"unseen"`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Valence::Off => s.serialize_bool(false),
            Valence::On => s.serialize_bool(true),
            Valence::Unseen => s.serialize_str("unseen"),
        }
    }
}

impl<'de> Deserialize<'de> for Valence {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Valence;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("true, false or \"unseen\"")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> std::result::Result<Valence, E> {
                Ok(if v { Valence::On } else { Valence::Off })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Valence, E> {
                match v {
                    "unseen" => Ok(Valence::Unseen),
                    _ => Err(E::invalid_value(serde::de::Unexpected::Str(v), &self)),
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// The words a vocabulary has a unigram for, in any of its marked forms.
pub fn known_words<'a>(vocabulary: impl IntoIterator<Item = &'a String>) -> FxHashSet<String> {
    vocabulary
        .into_iter()
        .filter_map(|name| {
            let word = name.strip_prefix("w:")?;
            if word.contains(' ') {
                return None;
            }
            let word = word
                .strip_prefix("BUT_")
                .or_else(|| word.strip_prefix("IF_"))
                .unwrap_or(word);
            Some(word.strip_prefix("NOT_").unwrap_or(word).to_owned())
        })
        .collect()
}

fn one() -> f64 {
    1.0
}

// A weight of 1 is left out of model files, so files trained without the
// weights stay byte for byte what they were.
fn is_one(v: &f64) -> bool {
    *v == 1.0
}

impl Default for FeatureParams {
    fn default() -> Self {
        FeatureParams {
            word_ngrams: (1, 2),
            char_ngrams: (2, 5),
            min_df: 2,
            max_features: 20_000,
            sublinear_tf: true,
            said: false,
            cues: false,
            scope_words: false,
            cue_roles: false,
            cue_weight: 1.0,
            verb_weight: 1.0,
            scope_weight: 1.0,
            kinds: false,
            cue_absence: false,
            cue_polarity: false,
            valence: Valence::Off,
            clusters: None,
        }
    }
}

impl FeatureParams {
    /// The first feature weight that is not a positive number, with its
    /// setting's name: checked when settings are given and when a model loads.
    fn bad_weight(&self) -> Option<(&'static str, f64)> {
        [
            ("features.cue_weight", self.cue_weight),
            ("features.verb_weight", self.verb_weight),
            ("features.scope_weight", self.scope_weight),
        ]
        .into_iter()
        .find(|&(_, w)| !(w.is_finite() && w > 0.0))
    }

    /// What is wrong with the cluster setting, if anything: a count the
    /// table does not have, or another table than the built-in one.
    fn bad_clusters(&self) -> Option<String> {
        let c = self.clusters.as_ref()?;
        if !crate::clusters::KS.contains(&c.k) {
            return Some(format!(
                "{} clusters: the table has {:?}",
                c.k,
                crate::clusters::KS
            ));
        }
        (c.table != crate::clusters::digest()).then(|| {
            format!(
                "trained with cluster table {}, this build has {}",
                c.table,
                crate::clusters::digest()
            )
        })
    }

    /// Whether training picks the vocabulary first without some features and
    /// scoring then needs the words it knows ([`Valence::Unseen`],
    /// [`ClusterWords::Unseen`]).
    fn reads_unseen(&self) -> bool {
        self.valence == Valence::Unseen || self.clusters_unseen()
    }

    fn clusters_unseen(&self) -> bool {
        self.clusters
            .as_ref()
            .is_some_and(|c| c.words == ClusterWords::Unseen)
    }

    /// Checks the settings before any work starts.
    pub fn check(&self) -> Result<()> {
        let ok_range = |(lo, hi): (usize, usize)| (lo == 0 && hi == 0) || (1 <= lo && lo <= hi);
        if !ok_range(self.word_ngrams) || self.word_ngrams.1 > 3 {
            return Err(Error::params(
                "features.word_ngrams",
                format!(
                    "range {:?} must be (0, 0) or 1 <= min <= max <= 3",
                    self.word_ngrams
                ),
            ));
        }
        if !ok_range(self.char_ngrams) || self.char_ngrams.1 > 8 {
            return Err(Error::params(
                "features.char_ngrams",
                format!(
                    "range {:?} must be (0, 0) or 1 <= min <= max <= 8",
                    self.char_ngrams
                ),
            ));
        }
        if self.word_ngrams == (0, 0) && self.char_ngrams == (0, 0) {
            return Err(Error::params(
                "features",
                "no word and no character n-grams",
            ));
        }
        if self.cue_roles && !self.cues {
            return Err(Error::params(
                "features.cue_roles",
                "cue roles need the cue lexicon",
            ));
        }
        if let Some((setting, w)) = self.bad_weight() {
            return Err(Error::params(
                setting,
                format!("{w} must be a positive number"),
            ));
        }
        if let Some(message) = self.bad_clusters() {
            return Err(Error::params("features.clusters", message));
        }
        if self.max_features == 0 {
            return Err(Error::params("features.max_features", "must be at least 1"));
        }
        if self.min_df == 0 {
            return Err(Error::params("features.min_df", "must be at least 1"));
        }
        Ok(())
    }
}

/// A sparse row: (feature index, value), sorted by index. Values are f32:
/// tf-idf needs no more precision, and rows are most of training's memory.
pub type SparseRow = Vec<(u32, f32)>;

/// What features are made of: the tokens of a text, the text they point
/// into, and the reporting verb when the model reads [`Said`] input.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The text the tokens' spans point into.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// The reporting verb, lowercase.
    pub verb: Option<&'a str>,
    /// How the statement is reported (`direct`, `indirect`, `reported`,
    /// `headline`), when known.
    pub kind: Option<&'a str>,
}

/// The cue category that carries no stance (see [`FeatureParams::cue_absence`]).
const NEUTRAL_CUES: &str = "procedure";

/// Calls `emit` with the name of every feature occurrence in `input`.
/// Names carry a prefix: `w:` word n-grams (negated words as `w:NOT_x`,
/// scope-marked ones as `w:BUT_x` and `w:IF_x`), `c:` character n-grams,
/// `v:` the reporting verb, `L:` and `V:` cue categories of the text and of
/// the verb. One buffer is reused so scoring does not allocate per n-gram.
pub fn for_each_feature(
    input: Input<'_>,
    params: &FeatureParams,
    cues: Option<&Cues>,
    emit: impl FnMut(&str),
) {
    for_each_feature_known(input, params, cues, None, emit);
}

/// [`for_each_feature`] with the words a vocabulary knows, which
/// [`Valence::Unseen`] gives no valence feature (`None`: no word is known).
pub fn for_each_feature_known(
    input: Input<'_>,
    params: &FeatureParams,
    cues: Option<&Cues>,
    known: Option<&FxHashSet<String>>,
    mut emit: impl FnMut(&str),
) {
    let hashes: Vec<u64> = input.tokens.iter().map(|t| word_hash(&t.text)).collect();
    let mut buf = String::with_capacity(64);
    verb_cue_scope_features(input, params, cues, known, &hashes, &mut buf, &mut emit);
    if params.word_ngrams.0 > 0 {
        for_each_word_ngram_name(input.tokens, params, &mut buf, &mut emit);
    }
    char_features(input.tokens, params, &mut buf, &mut emit);
}

/// Calls `emit` with the [`name_key`] of every feature [`for_each_feature`]
/// names, without writing out the names of word n-grams: their keys are
/// chained from the hashes of their words, each word hashed once (and those
/// hashes also find the cues). `hashes` is a reused buffer.
fn for_each_key(
    input: Input<'_>,
    params: &FeatureParams,
    cues: Option<&Cues>,
    known: Option<&FxHashSet<String>>,
    hashes: &mut Vec<u64>,
    mut emit: impl FnMut(u64),
) {
    let tokens = input.tokens;
    hashes.clear();
    hashes.extend(tokens.iter().map(|t| word_hash(&t.text)));
    let mut buf = String::with_capacity(64);
    let mut by_name = |name: &str| emit(name_key(name));
    verb_cue_scope_features(input, params, cues, known, hashes, &mut buf, &mut by_name);
    char_features(tokens, params, &mut buf, &mut by_name);
    let (wlo, whi) = params.word_ngrams;
    if wlo == 0 {
        return;
    }
    // A name is cut into words at spaces; no token holds one, but should
    // one ever, its n-grams are named and hashed whole all the same.
    if tokens.iter().any(|t| t.text.contains(' ')) {
        for_each_word_ngram_name(tokens, params, &mut buf, &mut by_name);
        return;
    }
    let mut from = 0;
    while from < tokens.len() {
        let to = tokens[from..]
            .iter()
            .position(|t| t.kind == TokenKind::Punct)
            .map_or(tokens.len(), |p| from + p);
        for n in wlo..=whi.min(to - from) {
            for start in from..=to - n {
                let mut key = WORD_NGRAM_KEY;
                for i in start..start + n {
                    let word = if n == 1 && tokens[i].negated {
                        buf.clear();
                        buf.push_str("NOT_");
                        buf.push_str(&tokens[i].text);
                        word_hash(&buf)
                    } else {
                        hashes[i]
                    };
                    key = chain_key(key, word);
                }
                emit(key);
            }
        }
        from = to + 1;
    }
}

/// The word n-gram names (`w:`) of `tokens`, written out.
fn for_each_word_ngram_name(
    tokens: &[Token],
    params: &FeatureParams,
    buf: &mut String,
    emit: &mut impl FnMut(&str),
) {
    // Runs of words between punctuation: n-grams never cross a clause boundary.
    let (wlo, whi) = params.word_ngrams;
    for run in tokens.split(|t| t.kind == TokenKind::Punct) {
        for n in wlo..=whi.min(run.len()) {
            for window in run.windows(n) {
                buf.clear();
                buf.push_str("w:");
                for (i, tok) in window.iter().enumerate() {
                    if i > 0 {
                        buf.push(' ');
                    }
                    if n == 1 && tok.negated {
                        buf.push_str("NOT_");
                    }
                    buf.push_str(&tok.text);
                }
                emit(buf);
            }
        }
    }
}

/// The statement kind (`k:`), reporting verb (`v:`, `V:`), cue (`L:`),
/// valence (`S:`; words in `known` add no bucket of their own) and
/// scope-word features of `input`, whose tokens' [`word_hash`]es are `hashes`.
fn verb_cue_scope_features(
    input: Input<'_>,
    params: &FeatureParams,
    cues: Option<&Cues>,
    known: Option<&FxHashSet<String>>,
    hashes: &[u64],
    buf: &mut String,
    emit: &mut impl FnMut(&str),
) {
    let tokens = input.tokens;
    if params.kinds
        && let Some(kind) = input.kind
    {
        buf.clear();
        buf.push_str("k:");
        buf.push_str(kind);
        emit(buf);
    }
    let mut stance_cue = false;
    if let Some(verb) = input.verb {
        buf.clear();
        buf.push_str("v:");
        buf.push_str(verb);
        emit(buf);
        if let Some(category) = cues.and_then(|c| c.category_of(verb)) {
            stance_cue |= category != NEUTRAL_CUES;
            buf.clear();
            buf.push_str("V:");
            buf.push_str(category);
            emit(buf);
        }
    }
    if let Some(cues) = cues {
        cues.for_each_match(input.text, tokens, hashes, |i, category| {
            stance_cue |= category != NEUTRAL_CUES;
            let tok = &tokens[i];
            let (category, negated) = match (params.cue_polarity && tok.negated, category) {
                (true, "openness") => ("refusal", false),
                (true, "refusal") => ("openness", false),
                _ => (category, tok.negated),
            };
            let negation = if negated { "NOT_" } else { "" };
            let (we, passive) = if params.cue_roles {
                roles_before(tokens, i)
            } else {
                (false, false)
            };
            let scopes = [
                (true, ""),
                (tok.contrast, "BUT_"),
                (tok.condition, "IF_"),
                (we, "WE_"),
                (passive, "PASSIVE_"),
            ];
            for (on, scope) in scopes {
                if on {
                    buf.clear();
                    buf.push_str("L:");
                    buf.push_str(scope);
                    buf.push_str(negation);
                    buf.push_str(category);
                    emit(buf);
                }
            }
        });
        if params.cue_absence && !stance_cue {
            emit("L:NONE");
        }
    }
    match params.valence {
        Valence::Off => {}
        Valence::On => valence_features(input, None, hashes, buf, emit),
        Valence::Unseen => valence_features(input, known, hashes, buf, emit),
    }
    if let Some(c) = &params.clusters {
        let known = known.filter(|_| c.words == ClusterWords::Unseen);
        cluster_features(input, c.k, known, buf, emit);
    }
    if params.scope_words {
        for tok in tokens.iter().filter(|t| t.kind != TokenKind::Punct) {
            for (on, scope) in [(tok.contrast, "w:BUT_"), (tok.condition, "w:IF_")] {
                if on {
                    buf.clear();
                    buf.push_str(scope);
                    if tok.negated {
                        buf.push_str("NOT_");
                    }
                    buf.push_str(&tok.text);
                    emit(buf);
                }
            }
        }
    }
}

/// The character n-gram features (`c:`) of `tokens`.
fn char_features(
    tokens: &[Token],
    params: &FeatureParams,
    buf: &mut String,
    emit: &mut impl FnMut(&str),
) {
    let (clo, chi) = params.char_ngrams;
    if clo == 0 {
        return;
    }
    // Byte offsets of the char boundaries of " word ", so each n-gram is a slice.
    let mut padded = String::with_capacity(64);
    let mut bounds: Vec<usize> = Vec::with_capacity(64);
    for tok in tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Punct && t.text != NAME)
    {
        padded.clear();
        padded.push(' ');
        padded.push_str(&tok.text);
        padded.push(' ');
        bounds.clear();
        bounds.extend(padded.char_indices().map(|(i, _)| i));
        bounds.push(padded.len());
        let n_chars = bounds.len() - 1;
        for n in clo..=chi.min(n_chars) {
            for s in 0..=n_chars - n {
                buf.clear();
                buf.push_str("c:");
                buf.push_str(&padded[bounds[s]..bounds[s + n]]);
                emit(buf);
            }
        }
    }
}

/// The valence features of [`FeatureParams::valence`]: one look-up per
/// token, by its [`word_hash`] in `hashes`. The words in `known` add no
/// bucket of their own (they still count in the sum).
fn valence_features(
    input: Input<'_>,
    known: Option<&FxHashSet<String>>,
    hashes: &[u64],
    buf: &mut String,
    emit: &mut impl FnMut(&str),
) {
    let tokens = input.tokens;
    if let Some(v) = input.verb.and_then(valence::of) {
        buf.clear();
        buf.push_str("S:v_");
        buf.push_str(valence::bucket(v));
        emit(buf);
    }
    let sum = valence::for_each_rated_hashed(tokens, hashes, |i, v| {
        let tok = &tokens[i];
        if !known.is_some_and(|k| k.contains(tok.text.as_str())) {
            emit_scoped(tok, "S:", valence::bucket(v), buf, emit);
        }
    });
    buf.clear();
    buf.push_str("S:");
    buf.push_str(sum.map_or("none", valence::sum_bucket));
    emit(buf);
}

/// The cluster features of [`FeatureParams::clusters`]: the reporting
/// verb's (`K:v_17`) and each word's (`K:17`, with its scope marks as
/// [`emit_scoped`] has them), but none for the words in `known`.
fn cluster_features(
    input: Input<'_>,
    k: u32,
    known: Option<&FxHashSet<String>>,
    buf: &mut String,
    emit: &mut impl FnMut(&str),
) {
    use std::fmt::Write;
    if let Some(c) = input.verb.and_then(|v| crate::clusters::of(v, k)) {
        buf.clear();
        let _ = write!(buf, "K:v_{c}");
        emit(buf);
    }
    for tok in input.tokens {
        if tok.kind == TokenKind::Punct || known.is_some_and(|k| k.contains(tok.text.as_str())) {
            continue;
        }
        let Some(c) = crate::clusters::of(&tok.text, k) else {
            continue;
        };
        emit_scoped(tok, "K:", c, buf, emit);
    }
}

/// `value` of word `tok` under `prefix` (a rated word's bucket `S:neg2`, a
/// cluster `K:17`), negated (`S:NOT_neg2`), and marked with each scope it
/// stands in (`S:BUT_neg2`, `K:IF_NOT_17`).
fn emit_scoped(
    tok: &Token,
    prefix: &str,
    value: impl std::fmt::Display,
    buf: &mut String,
    emit: &mut impl FnMut(&str),
) {
    use std::fmt::Write;
    let negation = if tok.negated { "NOT_" } else { "" };
    for (on, scope) in [(true, ""), (tok.contrast, "BUT_"), (tok.condition, "IF_")] {
        if on {
            buf.clear();
            buf.push_str(prefix);
            buf.push_str(scope);
            buf.push_str(negation);
            let _ = write!(buf, "{value}");
            emit(buf);
        }
    }
}

/// Who stands before the cue at `i` in its clause: a first-person word
/// within five words, and a passive auxiliary right before (one adverb may
/// stand between: "was repeatedly accused").
fn roles_before(tokens: &[Token], i: usize) -> (bool, bool) {
    const FIRST_PERSON: &[&str] = &[
        "we", "i", "our", "us", "my", "we'll", "we're", "i'm", "i'll",
    ];
    const AUXILIARIES: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];
    let clause = tokens[..i]
        .iter()
        .rev()
        .take_while(|t| t.kind != TokenKind::Punct)
        .take(5);
    let mut we = false;
    let mut passive = false;
    for (k, t) in clause.enumerate() {
        we |= FIRST_PERSON.contains(&t.text.as_str());
        passive |= k < 2 && AUXILIARIES.contains(&t.text.as_str());
    }
    (we, passive)
}

/// A fitted vectorizer: vocabulary and idf weights.
#[derive(Debug, Clone)]
pub struct Vectorizer {
    /// Tokenizer settings used before featurizing.
    pub tokenizer: TokenizerParams,
    /// Feature settings.
    pub params: FeatureParams,
    /// Feature names, in index order.
    pub vocabulary: Vec<String>,
    /// Inverse document frequency per feature.
    pub idf: Vec<f64>,
    /// The stance cue lexicon, when [`FeatureParams::cues`] is on.
    pub cues: Option<Cues>,
    /// Feature name -> index, built when first asked for
    /// ([`Vectorizer::by_name`]).
    index: OnceLock<HashMap<String, u32>>,
    /// The same map keyed by [`name_key`]: scoring looks up every n-gram of
    /// every statement, and comparing a u64 kept in the table is much cheaper
    /// than SipHash plus a comparison with a string stored elsewhere on the
    /// heap. `None` in the (never yet seen) case that two names share a hash.
    by_hash: Option<FxHashMap<u64, u32>>,
    /// Per feature, the factor its tf-idf value is multiplied by before
    /// normalisation ([`FeatureParams::cue_weight`] and the like); `None`
    /// when every factor is 1, so such rows are computed as they always were.
    scale: Option<Vec<f64>>,
    /// The words with a unigram in the vocabulary, for [`Valence::Unseen`]
    /// (`None` otherwise).
    known: Option<FxHashSet<String>>,
}

/// The factor a feature's value is multiplied by before normalisation,
/// from the prefix of its name.
fn weight_of(name: &str, params: &FeatureParams) -> f64 {
    if name.starts_with("L:") || name.starts_with("V:") {
        params.cue_weight
    } else if name.starts_with("v:") {
        params.verb_weight
    } else if name.starts_with("w:BUT_") || name.starts_with("w:IF_") {
        params.scope_weight
    } else {
        1.0
    }
}

/// 64-bit FxHash of a feature name. An n-gram outside the vocabulary is
/// mistaken for one inside it only if their 64-bit hashes are equal: about
/// one lookup in 10^15 with a 20,000-feature vocabulary.
pub fn name_hash(name: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(name.as_bytes());
    h.finish()
}

/// The key of a feature name in the table scoring looks features up in: a
/// word n-gram (`w:a b`) chains the [`word_hash`] of each of its words, so
/// scoring can find it from its tokens' hashes ([`for_each_key`]) without
/// writing the name; any other name is its [`name_hash`]. As with the hash
/// alone, an n-gram outside the vocabulary is taken for one inside only if
/// their 64-bit keys are equal.
pub(crate) fn name_key(name: &str) -> u64 {
    match name.strip_prefix("w:") {
        Some(words) => words
            .split(' ')
            .fold(WORD_NGRAM_KEY, |key, word| chain_key(key, word_hash(word))),
        None => name_hash(name),
    }
}

/// The key of a word n-gram before its first word.
const WORD_NGRAM_KEY: u64 = 0x243f_6a88_85a3_08d3;

/// A key extended by one word's hash: a full 64x64 -> 128-bit product,
/// folded, so every bit of both reaches every bit of the result.
fn chain_key(key: u64, word: u64) -> u64 {
    let product = u128::from(key ^ word) * 0x9e37_79b9_7f4a_7c15;
    (product as u64) ^ ((product >> 64) as u64)
}

impl Vectorizer {
    /// Builds a vectorizer from stored parts, checking that they agree;
    /// `origin` names the model they come from in errors.
    pub(crate) fn from_parts(
        origin: &Path,
        tokenizer: TokenizerParams,
        params: FeatureParams,
        cues: Option<Cues>,
        vocabulary: Vec<String>,
        idf: Vec<f64>,
    ) -> Result<Self> {
        let fail = |message: String| Err(Error::model(origin, message));
        if params.cues && cues.is_none() {
            return fail("the features use cues but no cue lexicon is given".into());
        }
        if let Some((_, w)) = params.bad_weight() {
            return fail(format!("a feature weight of {w}: weights must be positive"));
        }
        if vocabulary.len() != idf.len() {
            return fail(format!(
                "vocabulary has {} entries but idf has {}",
                vocabulary.len(),
                idf.len()
            ));
        }
        if vocabulary.len() > u32::MAX as usize {
            return fail("vocabulary too large".into());
        }
        if let Some(v) = idf.iter().find(|v| !v.is_finite()) {
            return fail(format!("idf holds a non-finite value {v}"));
        }
        let mut by_hash = FxHashMap::default();
        by_hash.reserve(vocabulary.len());
        let mut unique = true;
        for (i, name) in vocabulary.iter().enumerate() {
            unique &= by_hash.insert(name_key(name), i as u32).is_none();
        }
        // Keys all differ, so names do: the map by name (which scoring does
        // not use) waits until something asks for it. Otherwise it is built
        // now, and finds any name listed twice.
        let index = OnceLock::new();
        if !unique {
            let mut by_name = HashMap::with_capacity(vocabulary.len());
            for (i, name) in vocabulary.iter().enumerate() {
                if by_name.insert(name.clone(), i as u32).is_some() {
                    return fail(format!("vocabulary lists '{name}' twice"));
                }
            }
            index.get_or_init(|| by_name);
        }
        let scale: Vec<f64> = vocabulary.iter().map(|n| weight_of(n, &params)).collect();
        let scale = scale.iter().any(|&w| w != 1.0).then_some(scale);
        if let Some(message) = params.bad_clusters() {
            return fail(message);
        }
        let known = params.reads_unseen().then(|| known_words(&vocabulary));
        Ok(Vectorizer {
            tokenizer,
            cues: if params.cues { cues } else { None },
            params,
            vocabulary,
            idf,
            index,
            by_hash: unique.then_some(by_hash),
            scale,
            known,
        })
    }

    /// What the model reads of a statement given on its own: [`Said::of_text`]
    /// when the features read what was said, else the text as it is.
    pub fn input(params: &FeatureParams, text: &str) -> Said {
        if params.said {
            Said::of_text(text)
        } else {
            Said::plain(text)
        }
    }

    /// What the model reads of one statement of an article.
    pub fn statement_input(&self, article: &str, statement: &Statement) -> Said {
        if self.params.said {
            Said::of_statement(article, statement)
        } else {
            Said::plain(&article[statement.start..statement.end])
        }
    }

    /// Fits the vocabulary on `inputs` (see [`Vectorizer::input`]) with class
    /// indices `labels` (0..n_labels).
    pub fn fit(
        inputs: &[Said],
        labels: &[usize],
        n_labels: usize,
        tokenizer: &TokenizerParams,
        params: &FeatureParams,
        cues: Option<&Cues>,
    ) -> Result<Self> {
        let counts = FeatureCounts::count(
            inputs.iter(),
            Said::clone,
            labels,
            n_labels,
            tokenizer,
            params,
            cues,
        )?;
        Ok(counts.fit(&[])?.0)
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.vocabulary.len()
    }

    /// True when the vocabulary is empty.
    pub fn is_empty(&self) -> bool {
        self.vocabulary.is_empty()
    }

    /// The index of a feature name.
    pub fn index_of(&self, name: &str) -> Option<u32> {
        self.by_name().get(name).copied()
    }

    /// Feature name -> index. Loading a model does not build it: scoring
    /// finds features by [`name_key`], and this map of 20,000 names cost
    /// about a tenth of loading the default model.
    fn by_name(&self) -> &HashMap<String, u32> {
        self.index.get_or_init(|| {
            self.vocabulary
                .iter()
                .enumerate()
                .map(|(i, name)| (name.clone(), i as u32))
                .collect()
        })
    }

    /// One statement given on its own -> one sparse, L2-normalised tf-idf row.
    pub fn transform(&self, text: &str) -> SparseRow {
        self.transform_said(&Vectorizer::input(&self.params, text))
    }

    /// What the model reads -> one sparse row.
    pub fn transform_said(&self, said: &Said) -> SparseRow {
        thread_local! {
            static TOKENS: RefCell<TokenBuffer> = RefCell::default();
        }
        TOKENS.with_borrow_mut(|buffer| {
            let tokens = buffer.tokenize_said(&said.content, said.verb.as_deref(), &self.tokenizer);
            self.transform_input(Input {
                text: &said.content,
                tokens,
                verb: said.verb.as_deref(),
                kind: said.kind,
            })
        })
    }

    /// Already tokenized input -> one sparse row.
    pub fn transform_input(&self, input: Input<'_>) -> SparseRow {
        thread_local! {
            static HITS: RefCell<(Hits, Vec<u64>)> = RefCell::default();
        }
        HITS.with_borrow_mut(|(hits, hashes)| {
            hits.reset(self.len());
            let (cues, known) = (self.cues.as_ref(), self.known.as_ref());
            match &self.by_hash {
                Some(by_key) => for_each_key(input, &self.params, cues, known, hashes, |key| {
                    if let Some(&i) = by_key.get(&key) {
                        hits.add(i);
                    }
                }),
                None => for_each_feature_known(input, &self.params, cues, known, |name| {
                    if let Some(&i) = self.by_name().get(name) {
                        hits.add(i);
                    }
                }),
            }
            self.weigh(hits.take())
        })
    }

    /// Feature counts, sorted by index -> tf-idf, L2-normalised.
    fn weigh(&self, mut counts: Vec<(u32, f64)>) -> SparseRow {
        let mut norm = 0.0;
        for (i, v) in counts.iter_mut() {
            let tf = if self.params.sublinear_tf {
                1.0 + v.ln()
            } else {
                *v
            };
            *v = tf * self.idf[*i as usize];
            if let Some(scale) = &self.scale {
                *v *= scale[*i as usize];
            }
            norm += *v * *v;
        }
        let norm = if norm > 0.0 { norm.sqrt() } else { 1.0 };
        counts
            .into_iter()
            .map(|(i, v)| (i, (v / norm) as f32))
            .collect()
    }
}

/// Feature hits of one text, counted in place: a count per feature and the
/// features hit, kept from one text to the next (one per thread).
#[derive(Debug, Default)]
struct Hits {
    counts: Vec<u32>,
    hit: Vec<u32>,
}

impl Hits {
    /// Ready for a vocabulary of `n` features. Counts left by a text whose
    /// featurizing panicked are cleared here.
    fn reset(&mut self, n: usize) {
        for i in self.hit.drain(..) {
            self.counts[i as usize] = 0;
        }
        if self.counts.len() < n {
            self.counts.resize(n, 0);
        }
    }

    fn add(&mut self, i: u32) {
        let count = &mut self.counts[i as usize];
        if *count == 0 {
            self.hit.push(i);
        }
        *count += 1;
    }

    /// (feature, count) sorted by feature; every count back to zero.
    fn take(&mut self) -> Vec<(u32, f64)> {
        self.hit.sort_unstable();
        self.hit
            .drain(..)
            .map(|i| {
                let count = std::mem::take(&mut self.counts[i as usize]);
                (i, f64::from(count))
            })
            .collect()
    }
}

/// Rows featurised together: enough to keep both cores busy, few enough
/// that their feature names (held until they are numbered) stay small.
const CHUNK_ROWS: usize = 4096;

/// Marks a feature that is not a column of the matrix being built.
const NO_COLUMN: u32 = u32::MAX;

/// Every feature of every training row, found once: the names, each row's
/// `(feature, occurrences)` sorted by feature, and how many rows of each
/// class hold each feature. Cross-validation fits a vectorizer per fold on
/// its training rows; all of them are read from these counts (a fold's
/// document frequencies are the totals less its held-out rows), so no row is
/// tokenized or featurised twice.
///
/// Features found in fewer than `min_df` rows in all are dropped: no subset
/// of the rows can hold them more often, so no fold could keep them.
#[derive(Debug)]
pub(crate) struct FeatureCounts {
    tokenizer: TokenizerParams,
    params: FeatureParams,
    cues: Option<Cues>,
    names: Names,
    rows: Csr<u32>,
    /// Class index of each row.
    labels: Vec<usize>,
    n_labels: usize,
    /// Rows holding each feature, per class: `df[feature * n_labels + class]`.
    df: Vec<u32>,
    /// Rows per class.
    class_docs: Vec<u32>,
}

/// Feature names end to end in one string.
#[derive(Debug, Default)]
struct Names {
    text: String,
    /// Where each name ends in `text` (it starts where the one before ends).
    ends: Vec<usize>,
}

impl Names {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    fn push(&mut self, name: &str) -> u32 {
        self.text.push_str(name);
        self.ends.push(self.text.len());
        (self.ends.len() - 1) as u32
    }
}

/// Names -> feature numbers, in first-seen order. The table holds 64-bit
/// hashes (computed where the rows were featurised, in parallel), not
/// strings; names that share a hash with another go to a second map.
#[derive(Debug, Default)]
struct Numbering {
    names: Names,
    by_hash: FxHashMap<u64, u32>,
    collided: HashMap<String, u32>,
}

impl Numbering {
    fn number(&mut self, hash: u64, name: &str) -> Result<u32> {
        use std::collections::hash_map::Entry;
        if self.names.len() == NO_COLUMN as usize {
            return Err(Error::params(
                "features",
                "more than 4 billion distinct features: too much data for one vocabulary",
            ));
        }
        Ok(match self.by_hash.entry(hash) {
            Entry::Vacant(e) => *e.insert(self.names.push(name)),
            Entry::Occupied(e) if self.names.get(*e.get()) == name => *e.get(),
            Entry::Occupied(_) => match self.collided.get(name) {
                Some(&id) => id,
                None => {
                    let id = self.names.push(name);
                    self.collided.insert(name.to_owned(), id);
                    id
                }
            },
        })
    }
}

/// One row's features before they are numbered: the names end to end, and
/// each distinct one as (hash, start, end, occurrences).
struct RowNames {
    text: String,
    found: Vec<(u64, usize, usize, u32)>,
}

impl RowNames {
    fn of(
        said: &Said,
        tokenizer: &TokenizerParams,
        params: &FeatureParams,
        cues: Option<&Cues>,
        known: Option<&FxHashSet<String>>,
    ) -> RowNames {
        thread_local! {
            static TOKENS: RefCell<TokenBuffer> = RefCell::default();
        }
        let mut text = String::new();
        let mut found = Vec::new();
        TOKENS.with_borrow_mut(|buffer| {
            let input = Input {
                text: &said.content,
                tokens: buffer.tokenize_said(&said.content, said.verb.as_deref(), tokenizer),
                verb: said.verb.as_deref(),
                kind: said.kind,
            };
            for_each_feature_known(input, params, cues, known, |name| {
                let start = text.len();
                text.push_str(name);
                found.push((name_hash(name), start, text.len(), 1));
            });
        });
        found.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| text[a.1..a.2].cmp(&text[b.1..b.2]))
        });
        found.dedup_by(|later, kept| {
            let same = later.0 == kept.0 && text[later.1..later.2] == text[kept.1..kept.2];
            if same {
                kept.3 += 1;
            }
            same
        });
        RowNames { text, found }
    }
}

impl FeatureCounts {
    /// Featurises `rows`, each read by `input` (see [`Vectorizer::input`]),
    /// with class indices `labels` (0..n_labels). Rows are taken from the
    /// iterator a chunk at a time and dropped once featurised, so a caller
    /// that hands over its texts frees them as it goes.
    ///
    /// With [`Valence::Unseen`] (or [`ClusterWords::Unseen`]) the rows are
    /// counted twice: without valence (clusters), to fit the vocabulary on
    /// all of them and take the words it knows, then with the valence
    /// (clusters) of the other words. A fold's vocabulary then picks its
    /// other features as without them and adds them all (see
    /// [`FeatureCounts::fit`]); every fold takes the known words
    /// of the vocabulary fitted on all rows, the one the model keeps.
    pub(crate) fn count<T: Send>(
        rows: impl Iterator<Item = T>,
        input: impl Fn(T) -> Said + Sync,
        labels: &[usize],
        n_labels: usize,
        tokenizer: &TokenizerParams,
        params: &FeatureParams,
        cues: Option<&Cues>,
    ) -> Result<Self> {
        if !params.reads_unseen() {
            return Self::count_known(rows, input, labels, n_labels, tokenizer, params, cues, None);
        }
        params.check()?;
        let saids: Vec<Said> = rows.map(input).collect();
        let plain = FeatureParams {
            valence: match params.valence {
                Valence::Unseen => Valence::Off,
                v => v,
            },
            clusters: params
                .clusters
                .clone()
                .filter(|_| !params.clusters_unseen()),
            ..params.clone()
        };
        let known = {
            let first = Self::count_known(
                saids.iter(),
                Said::clone,
                labels,
                n_labels,
                tokenizer,
                &plain,
                cues,
                None,
            )?;
            known_words(&first.fit(&[])?.0.vocabulary)
        };
        Self::count_known(
            saids.into_iter(),
            |said| said,
            labels,
            n_labels,
            tokenizer,
            params,
            cues,
            Some(&known),
        )
    }

    /// [`FeatureCounts::count`] with the words `known` to the vocabulary.
    #[allow(clippy::too_many_arguments)]
    fn count_known<T: Send>(
        rows: impl Iterator<Item = T>,
        input: impl Fn(T) -> Said + Sync,
        labels: &[usize],
        n_labels: usize,
        tokenizer: &TokenizerParams,
        params: &FeatureParams,
        cues: Option<&Cues>,
        known: Option<&FxHashSet<String>>,
    ) -> Result<Self> {
        params.check()?;
        if params.cues && cues.is_none() {
            return Err(Error::params(
                "features.cues",
                "the features use cues but no cue lexicon is given",
            ));
        }
        let cues = cues.filter(|_| params.cues);
        let featurise = |chunk: Vec<T>| -> Vec<RowNames> {
            chunk
                .into_par_iter()
                .map(|row| RowNames::of(&input(row), tokenizer, params, cues, known))
                .collect()
        };
        let mut texts = rows;
        let mut numbering = Numbering::default();
        let mut rows = Csr::with_capacity(labels.len(), 0);
        let mut row = Vec::new();
        let mut add = |chunk: Vec<RowNames>| -> Result<()> {
            for names in chunk {
                row.clear();
                for &(hash, start, end, n) in &names.found {
                    row.push((numbering.number(hash, &names.text[start..end])?, n));
                }
                row.sort_unstable_by_key(|&(f, _)| f);
                rows.push_row(row.iter().copied());
            }
            Ok(())
        };
        // Numbering one chunk (one thread) overlaps featurising the next.
        let mut pending: Option<Vec<RowNames>> = None;
        loop {
            let chunk: Vec<T> = texts.by_ref().take(CHUNK_ROWS).collect();
            if chunk.is_empty() {
                break;
            }
            let done = pending.take();
            let (added, next) = rayon::join(|| done.map_or(Ok(()), &mut add), || featurise(chunk));
            added?;
            pending = Some(next);
        }
        if let Some(last) = pending {
            add(last)?;
        }
        let Numbering { mut names, .. } = numbering;
        assert_eq!(rows.len(), labels.len(), "a label for every row");

        let k = n_labels;
        let mut df = vec![0u32; names.len() * k];
        for (r, row) in rows.rows().enumerate() {
            for &(f, _) in row {
                df[f as usize * k + labels[r]] += 1;
            }
        }
        // Drop the features too rare for any fold, renumbering the rest in order.
        let mut renumber = vec![NO_COLUMN; names.len()];
        let mut kept = Names::default();
        let mut kept_df = Vec::new();
        for f in 0..names.len() {
            let counts = &df[f * k..(f + 1) * k];
            if counts.iter().sum::<u32>() as usize >= params.min_df {
                renumber[f] = kept.push(names.get(f as u32));
                kept_df.extend_from_slice(counts);
            }
        }
        drop(df);
        names = kept;
        rows.retain_columns(|f| Some(renumber[f as usize]).filter(|&c| c != NO_COLUMN));
        rows.shrink_to_fit();
        names.text.shrink_to_fit();
        names.ends.shrink_to_fit();

        let mut class_docs = vec![0u32; k];
        for &l in labels {
            class_docs[l] += 1;
        }
        Ok(FeatureCounts {
            tokenizer: tokenizer.clone(),
            params: params.clone(),
            cues: cues.cloned(),
            names,
            rows,
            labels: labels.to_vec(),
            n_labels,
            df: kept_df,
            class_docs,
        })
    }

    /// Fits a vectorizer on every row but the `held_out` ones: the features
    /// with the highest chi-squared score against the labels among those in
    /// at least `min_df` of the rows, and their idf. Also gives, per counted
    /// feature, its column in the vectorizer ([`NO_COLUMN`] if none).
    pub(crate) fn fit(&self, held_out: &[usize]) -> Result<(Vectorizer, Vec<u32>)> {
        let k = self.n_labels;
        let mut df = self.df.clone();
        let mut class_docs = self.class_docs.clone();
        for &r in held_out {
            let c = self.labels[r];
            class_docs[c] -= 1;
            for &(f, _) in self.rows.row(r) {
                df[f as usize * k + c] -= 1;
            }
        }
        let n_docs = self.rows.len() - held_out.len();
        let params = &self.params;
        let mut scored: Vec<(f64, u32, u32)> = (0..self.names.len())
            .filter_map(|f| {
                let counts = &df[f * k..(f + 1) * k];
                let total: u32 = counts.iter().sum();
                (total as usize >= params.min_df)
                    .then(|| (chi_squared(counts, &class_docs, n_docs), f as u32, total))
            })
            .collect();
        drop(df);
        if scored.is_empty() {
            return Err(Error::params(
                "features.min_df",
                format!(
                    "no feature occurs in at least {} texts: too little data",
                    params.min_df
                ),
            ));
        }
        let name = |f: u32| self.names.get(f);
        // Highest score first; the name breaks ties so the choice is deterministic.
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| name(a.1).cmp(name(b.1))));
        if params.reads_unseen() {
            // The other features as without valence (or clusters), so the
            // words they know are the ones the valence was counted for; then
            // every valence (cluster) one.
            let added = |name: &str| {
                (params.valence == Valence::Unseen && name.starts_with("S:"))
                    || (params.clusters_unseen() && name.starts_with("K:"))
            };
            let (valence, mut rest): (Vec<_>, Vec<_>) =
                scored.into_iter().partition(|&(_, f, _)| added(name(f)));
            rest.truncate(params.max_features);
            rest.extend(valence);
            scored = rest;
        } else {
            scored.truncate(params.max_features);
        }
        scored.sort_by(|a, b| name(a.1).cmp(name(b.1)));
        let n = n_docs as f64;
        let idf = scored
            .iter()
            .map(|(_, _, df)| ((1.0 + n) / (1.0 + *df as f64)).ln() + 1.0)
            .collect();
        let mut column_of = vec![NO_COLUMN; self.names.len()];
        for (column, &(_, f, _)) in scored.iter().enumerate() {
            column_of[f as usize] = column as u32;
        }
        let vocabulary = scored.iter().map(|&(_, f, _)| name(f).to_owned()).collect();
        let vectorizer = Vectorizer::from_parts(
            Path::new("<fitted vocabulary>"),
            self.tokenizer.clone(),
            params.clone(),
            self.cues.clone(),
            vocabulary,
            idf,
        )?;
        Ok((vectorizer, column_of))
    }

    /// [`FeatureCounts::fit`], then every row (held out or not) as the
    /// fitted vectorizer transforms it, in one matrix.
    pub(crate) fn fit_transform(&self, held_out: &[usize]) -> Result<(Vectorizer, Csr<f32>)> {
        let (vectorizer, column_of) = self.fit(held_out)?;
        let chunks: Vec<Csr<f32>> = (0..self.rows.len())
            .step_by(CHUNK_ROWS)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|lo| {
                let mut chunk = Csr::new();
                for r in lo..(lo + CHUNK_ROWS).min(self.rows.len()) {
                    let mut counts: Vec<(u32, f64)> = self
                        .rows
                        .row(r)
                        .iter()
                        .filter_map(|&(f, n)| {
                            let column = column_of[f as usize];
                            (column != NO_COLUMN).then(|| (column, f64::from(n)))
                        })
                        .collect();
                    counts.sort_unstable_by_key(|&(column, _)| column);
                    chunk.push_row(vectorizer.weigh(counts));
                }
                chunk
            })
            .collect();
        let mut x = Csr::with_capacity(self.rows.len(), chunks.iter().map(Csr::nnz).sum());
        for chunk in chunks {
            x.append(&chunk);
        }
        Ok((vectorizer, x))
    }
}

/// Chi-squared statistic of the 2 x k table (feature present / absent, by class).
pub fn chi_squared(present: &[u32], class_docs: &[u32], n_docs: usize) -> f64 {
    let n = n_docs as f64;
    let df: f64 = present.iter().map(|&c| c as f64).sum();
    let mut chi = 0.0;
    for (&o, &nc) in present.iter().zip(class_docs) {
        let nc = nc as f64;
        let o = o as f64;
        let e_present = df * nc / n;
        let e_absent = (n - df) * nc / n;
        if e_present > 0.0 {
            chi += (o - e_present).powi(2) / e_present;
        }
        if e_absent > 0.0 {
            chi += ((nc - o) - e_absent).powi(2) / e_absent;
        }
    }
    chi
}

/// Sparse rows -> a dense matrix, for linfa-logistic.
pub fn densify(rows: &[SparseRow], n_features: usize) -> ndarray::Array2<f64> {
    let mut x = ndarray::Array2::zeros((rows.len(), n_features));
    for (r, row) in rows.iter().enumerate() {
        for &(i, v) in row {
            x[(r, i as usize)] = f64::from(v);
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    /// The statement's kind is one feature, only when the features ask for it.
    #[test]
    fn the_kind_feature_is_emitted_when_asked() {
        let toks = tokenize("the ferry sails at noon", &TokenizerParams::default());
        let input = Input {
            text: "the ferry sails at noon",
            tokens: &toks,
            verb: Some("announced"),
            kind: Some("reported"),
        };
        let mut params = FeatureParams::default();
        let mut off = Vec::new();
        for_each_feature(input, &params, None, |n| off.push(n.to_owned()));
        assert!(!off.iter().any(|n| n.starts_with("k:")), "{off:?}");
        params.kinds = true;
        let mut on = Vec::new();
        for_each_feature(input, &params, None, |n| on.push(n.to_owned()));
        assert_eq!(on.iter().filter(|n| n.starts_with("k:")).count(), 1);
        assert!(on.contains(&"k:reported".to_owned()));
        // Not written when off, so older model files stay as they were.
        let json = serde_json::to_string(&FeatureParams::default()).unwrap();
        assert!(!json.contains("kinds"), "{json}");
    }

    fn names(text: &str, params: &FeatureParams) -> Vec<String> {
        let toks = tokenize(text, &TokenizerParams::default());
        let mut out = Vec::new();
        let input = Input {
            text,
            tokens: &toks,
            verb: None,
            kind: None,
        };
        for_each_feature(input, params, None, |n| out.push(n.to_owned()));
        out
    }

    fn lexicon(cues: &[(&str, &str)]) -> Cues {
        let cues = cues
            .iter()
            .map(|(c, p)| crate::cues::Cue {
                category: c.to_string(),
                phrase: p.to_string(),
            })
            .collect();
        Cues::new(cues).unwrap()
    }

    /// With `cue_polarity` a negated openness cue is a refusal and a negated
    /// refusal is openness; without it both stay negated.
    #[test]
    fn cue_polarity_turns_negated_openness_and_refusal_around() {
        let cues = lexicon(&[("openness", "open to talks"), ("refusal", "rejected")]);
        let tokenizer = TokenizerParams {
            scopes: true,
            ..TokenizerParams::default()
        };
        let cue_names = |text: &str, polarity: bool| {
            let params = FeatureParams {
                cues: true,
                cue_polarity: polarity,
                ..FeatureParams::default()
            };
            let toks = tokenize(text, &tokenizer);
            let input = Input {
                text,
                tokens: &toks,
                verb: None,
                kind: None,
            };
            let mut out = Vec::new();
            for_each_feature(input, &params, Some(&cues), |n| {
                if n.starts_with("L:") {
                    out.push(n.to_owned());
                }
            });
            out
        };
        // invented statements
        assert_eq!(cue_names("we are not open to talks", true), ["L:refusal"]);
        assert_eq!(
            cue_names("we are not open to talks", false),
            ["L:NOT_openness"]
        );
        assert_eq!(
            cue_names("nobody has rejected the plan", true),
            ["L:openness"]
        );
        assert_eq!(cue_names("they rejected the plan", true), ["L:refusal"]);
    }

    /// `L:NONE` marks a statement with no stance cue in its text or verb;
    /// a procedural cue is no stance, a negated cue still is one.
    #[test]
    fn the_absence_of_stance_cues_is_a_feature_when_asked() {
        let cues = lexicon(&[
            ("procedure", "agenda"),
            ("refusal", "reject"),
            ("praise", "welcomed"),
        ]);
        let params = FeatureParams {
            cues: true,
            cue_absence: true,
            ..FeatureParams::default()
        };
        let tokenizer = TokenizerParams {
            scopes: true,
            ..TokenizerParams::default()
        };
        let none = |text: &str, verb: Option<&str>, params: &FeatureParams| {
            let toks = tokenize(text, &tokenizer);
            let input = Input {
                text,
                tokens: &toks,
                verb,
                kind: None,
            };
            let mut out = Vec::new();
            for_each_feature(input, params, Some(&cues), |n| out.push(n.to_owned()));
            out.iter().filter(|n| *n == "L:NONE").count()
        };
        assert_eq!(none("the agenda is set for noon", Some("said"), &params), 1);
        assert_eq!(none("the ferry sails at noon", None, &params), 1);
        assert_eq!(none("we reject the agenda", Some("said"), &params), 0);
        assert_eq!(none("we do not reject it", Some("said"), &params), 0);
        assert_eq!(
            none("the ferry sails at noon", Some("welcomed"), &params),
            0
        );
        let off = FeatureParams {
            cue_absence: false,
            cue_polarity: false,
            ..params.clone()
        };
        assert_eq!(none("the ferry sails at noon", None, &off), 0);
    }

    fn plain(texts: &[&str]) -> Vec<Said> {
        texts.iter().map(|t| Said::plain(t)).collect()
    }

    #[test]
    fn verb_cue_and_scope_features() {
        let cues = lexicon(&[
            ("refusal", "rejected"),
            ("praise", "welcomed"),
            ("force", "strike"),
        ]);
        let tokenizer = TokenizerParams {
            scopes: true,
            ..TokenizerParams::default()
        };
        let params = FeatureParams {
            word_ngrams: (1, 1),
            char_ngrams: (0, 0),
            cues: true,
            scope_words: true,
            ..FeatureParams::default()
        };
        let text = "nobody “rejected” talks, but we may strike";
        let toks = tokenize(text, &tokenizer);
        let mut out = Vec::new();
        let input = Input {
            text,
            tokens: &toks,
            verb: Some("welcomed"),
            kind: None,
        };
        for_each_feature(input, &params, Some(&cues), |n| out.push(n.to_owned()));
        for want in [
            "v:welcomed",
            "V:praise",
            "L:NOT_refusal",
            "L:force",
            "L:BUT_force",
            "w:BUT_strike",
            "w:NOT_rejected",
        ] {
            assert!(out.iter().any(|n| n == want), "{want} missing from {out:?}");
        }
        assert!(!out.iter().any(|n| n == "L:refusal"), "{out:?}");
    }

    #[test]
    fn cue_roles_mark_the_speakers_side() {
        let cues = lexicon(&[("force", "strike"), ("blame", "accused")]);
        let params = FeatureParams {
            word_ngrams: (0, 0),
            char_ngrams: (1, 1),
            cues: true,
            cue_roles: true,
            ..FeatureParams::default()
        };
        let features = |text: &str| {
            let toks = tokenize(text, &TokenizerParams::default());
            let mut out = Vec::new();
            let input = Input {
                text,
                tokens: &toks,
                verb: None,
                kind: None,
            };
            for_each_feature(input, &params, Some(&cues), |n| {
                if n.starts_with("L:") {
                    out.push(n.to_owned())
                }
            });
            out
        };
        assert_eq!(features("we will strike"), ["L:force", "L:WE_force"]);
        assert_eq!(
            features("our side was accused"),
            ["L:blame", "L:WE_blame", "L:PASSIVE_blame"]
        );
        assert_eq!(
            features("they accused us, then strike"),
            ["L:blame", "L:force"]
        );
    }

    #[test]
    fn word_ngrams_stop_at_punctuation_and_mark_negation() {
        let p = FeatureParams {
            char_ngrams: (0, 0),
            ..FeatureParams::default()
        };
        assert_eq!(
            names("Not now, later", &p),
            ["w:not", "w:NOT_now", "w:not now", "w:later"]
        );
    }

    #[test]
    fn char_ngrams_are_padded_within_words() {
        let p = FeatureParams {
            word_ngrams: (0, 0),
            char_ngrams: (2, 3),
            ..FeatureParams::default()
        };
        assert_eq!(names("ab", &p), ["c: a", "c:ab", "c:b ", "c: ab", "c:ab "]);
    }

    #[test]
    fn chi_squared_matches_hand_computation() {
        // 10 docs, 5 per class; the feature is in 4 of class 0 and 1 of class 1.
        // Expected present = 2.5 each, absent = 2.5 each:
        // (4-2.5)^2/2.5 + (1-2.5)^2/2.5 + (1-2.5)^2/2.5 + (4-2.5)^2/2.5 = 3.6
        let chi = chi_squared(&[4, 1], &[5, 5], 10);
        assert!((chi - 3.6).abs() < 1e-12);
        assert_eq!(chi_squared(&[2, 2], &[4, 4], 8), 0.0);
    }

    #[test]
    fn fit_caps_keeps_discriminative_and_rows_are_unit_length() {
        let texts = [
            "we will strike hard",
            "strike them now",
            "let us talk calmly",
            "we welcome talk",
        ];
        let labels = [0, 0, 1, 1];
        let p = FeatureParams {
            char_ngrams: (0, 0),
            min_df: 2,
            max_features: 2,
            ..FeatureParams::default()
        };
        let v = Vectorizer::fit(
            &plain(&texts),
            &labels,
            2,
            &TokenizerParams::default(),
            &p,
            None,
        )
        .unwrap();
        assert_eq!(v.vocabulary, ["w:strike", "w:talk"]);
        let row = v.transform("strike strike talk");
        let norm: f64 = row.iter().map(|(_, v)| f64::from(v * v)).sum();
        assert!((norm - 1.0).abs() < 1e-6);
        // sublinear tf: 1 + ln 2 for "strike", 1 for "talk"; equal idf.
        assert!((f64::from(row[0].1 / row[1].1) - (1.0 + 2f64.ln())).abs() < 1e-6);
        assert!(v.transform("nothing known here").is_empty());
    }

    #[test]
    fn hashed_and_string_lookups_give_the_same_rows() {
        let texts = [
            "We will never negotiate; we will strike.",
            "Talks are welcome, ready to meet halfway",
            "Nobody doubts the talks will fail, sadly",
            "Željko says: \u{201C}no mercy\u{201D} and never talks",
        ];
        let labels = [0, 1, 0, 1];
        let p = FeatureParams {
            min_df: 1,
            ..FeatureParams::default()
        };
        let mut v = Vectorizer::fit(
            &plain(&texts),
            &labels,
            2,
            &TokenizerParams::default(),
            &p,
            None,
        )
        .unwrap();
        assert!(v.by_hash.is_some());
        let probe = "We never talk, but we might strike: Željko's halfway offer.";
        let hashed = v.transform(probe);
        v.by_hash = None;
        assert_eq!(hashed, v.transform(probe));
        assert!(!hashed.is_empty());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// Word n-gram keys chained from word hashes find the rows that
        /// looking up each written-out name finds, with the shipped model
        /// (verb, cues and scopes on).
        #[test]
        fn chained_keys_give_the_rows_of_named_lookups(
            words in proptest::collection::vec(
                "(not|never|no|we|will|talks|ready|strike|back|but|if|only|after|door|open|\
                 reject|ruled|out|won't|Željko|power|grab|\\.|,|;|\"|\u{201C}|\u{201D}|[a-z]{1,6})",
                0..40,
            ),
            verb in proptest::option::of("(said|warned|told|Insisted|x y)"),
        ) {
            let model = crate::model::Model::embedded().unwrap();
            let mut plain = model.vectorizer().clone();
            let keyed = plain.clone();
            plain.by_hash = None;
            let said = Said { content: words.join(" "), verb, kind: None };
            proptest::prop_assert_eq!(keyed.transform_said(&said), plain.transform_said(&said));
        }
    }

    #[test]
    fn name_keys_split_word_ngrams_only() {
        assert_eq!(name_key("v:said"), name_hash("v:said"));
        assert_eq!(name_key("L:NOT_refusal"), name_hash("L:NOT_refusal"));
        let one = chain_key(WORD_NGRAM_KEY, word_hash("talks"));
        assert_eq!(name_key("w:talks"), one);
        assert_eq!(
            name_key("w:ready talks"),
            chain_key(
                chain_key(WORD_NGRAM_KEY, word_hash("ready")),
                word_hash("talks")
            )
        );
        assert_ne!(name_key("w:ready talks"), name_key("w:talks ready"));
    }

    #[test]
    fn reused_buffers_leave_nothing_behind() {
        let texts = [
            "we will strike hard",
            "let us talk calmly",
            "talk talk strike",
        ];
        let p = FeatureParams {
            min_df: 1,
            ..FeatureParams::default()
        };
        let v = Vectorizer::fit(
            &plain(&texts),
            &[0, 1, 1],
            2,
            &TokenizerParams::default(),
            &p,
            None,
        )
        .unwrap();
        let first: Vec<SparseRow> = texts.iter().map(|t| v.transform(t)).collect();
        let again: Vec<SparseRow> = texts.iter().rev().map(|t| v.transform(t)).collect();
        assert_eq!(first, again.into_iter().rev().collect::<Vec<_>>());
        let mut hits = Hits::default();
        hits.reset(4);
        hits.add(3);
        hits.add(1);
        hits.add(3);
        // A text abandoned half-way (a panic) leaves counts that reset clears.
        hits.reset(4);
        hits.add(1);
        assert_eq!(hits.take(), [(1, 1.0)]);
    }

    #[test]
    fn fold_vocabularies_and_rows_match_fitting_and_transforming_anew() {
        let texts = [
            "We will never negotiate; we will strike.",
            "Talks are welcome, ready to meet halfway",
            "Nobody doubts the talks will fail, sadly",
            "We will strike if they do not talk",
            "Ready to talk, ready to meet, not to strike",
            "Željko says: \u{201C}no mercy\u{201D} and never talks",
            "the talks will fail",
        ];
        let labels = [0, 1, 2, 0, 1, 0, 2];
        let tokenizer = TokenizerParams {
            scopes: true,
            ..TokenizerParams::default()
        };
        let inputs = plain(&texts);
        for min_df in [1, 2] {
            let params = FeatureParams {
                min_df,
                scope_words: true,
                ..FeatureParams::default()
            };
            let counts = FeatureCounts::count(
                inputs.iter(),
                Said::clone,
                &labels,
                3,
                &tokenizer,
                &params,
                None,
            )
            .unwrap();
            for held_out in [vec![], vec![1, 4], vec![0, 6]] {
                let (v, x) = counts.fit_transform(&held_out).unwrap();
                let kept: Vec<usize> = (0..texts.len()).filter(|i| !held_out.contains(i)).collect();
                let anew = Vectorizer::fit(
                    &kept.iter().map(|&i| inputs[i].clone()).collect::<Vec<_>>(),
                    &kept.iter().map(|&i| labels[i]).collect::<Vec<_>>(),
                    3,
                    &tokenizer,
                    &params,
                    None,
                )
                .unwrap();
                assert_eq!(v.vocabulary, anew.vocabulary, "held out {held_out:?}");
                assert_eq!(v.idf, anew.idf, "held out {held_out:?}");
                assert_eq!(x.len(), texts.len());
                for (i, said) in inputs.iter().enumerate() {
                    assert_eq!(x.row(i), v.transform_said(said).as_slice(), "row {i}");
                }
            }
        }
    }

    /// The sentence the valence tests read, with its scopes: a negated
    /// "war", "welcome" and "agreement" after "but", "peace" after "but"
    /// and inside a condition.
    const VALENCE_TEXT: &str =
        "We never wanted war, but we welcome the agreement if it brings peace";

    /// Unigram params with `valence`.
    fn valence_params(valence: Valence) -> FeatureParams {
        FeatureParams {
            word_ngrams: (1, 1),
            char_ngrams: (0, 0),
            valence,
            ..FeatureParams::default()
        }
    }

    /// The sorted features starting with `prefix` of [`VALENCE_TEXT`]
    /// reported with "warned".
    fn names_with_prefix(
        params: &FeatureParams,
        known: Option<&FxHashSet<String>>,
        prefix: &str,
    ) -> Vec<String> {
        let tokenizer = TokenizerParams {
            scopes: true,
            ..TokenizerParams::default()
        };
        let toks = tokenize(VALENCE_TEXT, &tokenizer);
        let input = Input {
            text: VALENCE_TEXT,
            tokens: &toks,
            verb: Some("warned"),
            kind: None,
        };
        let mut got = Vec::new();
        for_each_feature_known(input, params, None, known, |n| {
            if n.starts_with(prefix) {
                got.push(n.to_owned());
            }
        });
        got.sort();
        got
    }

    /// The sorted `S:` (valence) features of [`VALENCE_TEXT`].
    fn valence_names(params: &FeatureParams, known: Option<&FxHashSet<String>>) -> Vec<String> {
        names_with_prefix(params, known, "S:")
    }

    /// `unseen` valence: a word the vocabulary knows (in any unigram form)
    /// gives no bucket of its own, a rated word it does not know gives its
    /// bucket with the scope marks; the verb's bucket and the sum stay.
    #[test]
    fn unseen_valence_only_for_words_outside_the_vocabulary() {
        let params = valence_params(Valence::Unseen);
        let s_names = valence_names;
        let vocabulary: Vec<String> = ["w:NOT_war", "w:agreement", "w:we", "w:wanted welcome"]
            .map(String::from)
            .to_vec();
        let known = known_words(&vocabulary);
        assert!(known.contains("war") && known.contains("agreement"));
        assert!(!known.contains("welcome"), "a bigram is no unigram");
        // "war" and "agreement" are known; "welcome" (2.0) after "but" and
        // "peace" (2.5) after "but" and inside the condition are not. The
        // verb "warned" (-1.1) and the sum of every rated word stay.
        assert_eq!(
            s_names(&params, Some(&known)),
            [
                "S:BUT_pos3",
                "S:BUT_pos3",
                "S:IF_pos3",
                "S:pos3",
                "S:pos3",
                "S:sum_pos3",
                "S:v_neg2"
            ]
        );
        // With no vocabulary every rated word counts, as with `On`.
        let all = s_names(&params, None);
        assert!(all.contains(&"S:NOT_neg3".to_owned()), "{all:?}");
        let on = FeatureParams {
            valence: Valence::On,
            ..params.clone()
        };
        assert_eq!(all, s_names(&on, None));
        let json = serde_json::to_string(&params).unwrap();
        assert!(json.contains(r#""valence":"unseen""#), "{json}");
        let back: FeatureParams = serde_json::from_str(&json).unwrap();
        assert_eq!(back, params);
        let json = serde_json::to_string(&on).unwrap();
        assert!(json.contains(r#""valence":true"#), "{json}");
        assert_eq!(serde_json::from_str::<FeatureParams>(&json).unwrap(), on);
        let bad = json.replace(r#""valence":true"#, r#""valence":"sometimes""#);
        let err = serde_json::from_str::<FeatureParams>(&bad)
            .unwrap_err()
            .to_string();
        assert!(err.contains(r#"true, false or "unseen""#), "{err}");
    }

    /// The sorted `K:` (cluster) features of [`VALENCE_TEXT`].
    fn cluster_names(params: &FeatureParams, known: Option<&FxHashSet<String>>) -> Vec<String> {
        names_with_prefix(params, known, "K:")
    }

    /// Each word the table holds adds its cluster with the scope marks it
    /// stands in; `unseen` leaves out the words the vocabulary knows but
    /// keeps the verb's cluster.
    #[test]
    fn clusters_follow_the_scopes_and_skip_known_words() {
        let k = 256;
        let params = FeatureParams {
            clusters: Some(Clusters::new(ClusterWords::All, k)),
            ..valence_params(Valence::Off)
        };
        let c = |w: &str| crate::clusters::of(w, k).unwrap();
        let all = cluster_names(&params, None);
        // The tokenizer's exact scope ends are its own tests' business:
        // here every word adds its plain cluster, the negated ones only
        // their NOT_ form, and the verb its own.
        let plain: Vec<&String> = all.iter().filter(|n| !n.contains('_')).collect();
        assert_eq!(
            plain.len(),
            VALENCE_TEXT.split_whitespace().count() - 2,
            "{all:?}"
        );
        assert!(all.contains(&format!("K:NOT_{}", c("war"))), "{all:?}");
        assert!(all.contains(&format!("K:BUT_{}", c("welcome"))), "{all:?}");
        assert!(all.contains(&format!("K:IF_{}", c("peace"))), "{all:?}");
        assert!(all.contains(&format!("K:v_{}", c("warned"))), "{all:?}");
        let unseen = FeatureParams {
            clusters: Some(Clusters::new(ClusterWords::Unseen, k)),
            ..params.clone()
        };
        // With no vocabulary every word is unseen.
        assert_eq!(cluster_names(&unseen, None), all);
        let vocabulary: Vec<String> = VALENCE_TEXT
            .split_whitespace()
            .map(|w| format!("w:{}", w.trim_end_matches(',').to_lowercase()))
            .filter(|w| w != "w:peace")
            .collect();
        let known = known_words(&vocabulary);
        let mut only_peace = vec![
            format!("K:v_{}", c("warned")),
            format!("K:{}", c("peace")),
            format!("K:BUT_{}", c("peace")),
            format!("K:IF_{}", c("peace")),
        ];
        only_peace.sort();
        assert_eq!(cluster_names(&unseen, Some(&known)), only_peace);
        // `All` ignores what the vocabulary knows.
        assert_eq!(cluster_names(&params, Some(&known)), all);
    }

    /// The setting round-trips through JSON; a cluster count the table does
    /// not have and another table's digest are refused.
    #[test]
    fn cluster_settings_round_trip_and_are_checked() {
        let params = FeatureParams {
            clusters: Some(Clusters::new(ClusterWords::Unseen, 1024)),
            ..FeatureParams::default()
        };
        let json = serde_json::to_string(&params).unwrap();
        assert!(
            json.contains(r#""clusters":{"words":"unseen","k":1024,"table":""#),
            "{json}"
        );
        assert_eq!(
            serde_json::from_str::<FeatureParams>(&json).unwrap(),
            params
        );
        params.check().unwrap();
        let plain = serde_json::to_string(&FeatureParams::default()).unwrap();
        assert!(!plain.contains("clusters"), "{plain}");
        let odd = FeatureParams {
            clusters: Some(Clusters::new(ClusterWords::All, 300)),
            ..FeatureParams::default()
        };
        let err = odd.check().unwrap_err().to_string();
        assert!(err.contains("300 clusters"), "{err}");
        let other = FeatureParams {
            clusters: Some(Clusters {
                table: "0123456789abcdef".into(),
                ..Clusters::new(ClusterWords::All, 256)
            }),
            ..FeatureParams::default()
        };
        let err = other.check().unwrap_err().to_string();
        assert!(err.contains("cluster table 0123456789abcdef"), "{err}");
    }

    /// Fits `texts` (labels 0, 1, 2 in turn) with and without `extra`
    /// (an `unseen` setting), under a cap of 12 features and of 1,000, and
    /// checks that the features not starting with `prefix` are the plain
    /// vocabulary, that some word-level `prefix` features (`word_feature`)
    /// come in under the cap only, and that training's rows are scoring's.
    /// Returns each cap with the vectorizer fitted with `extra`.
    fn unseen_vocabulary_is_the_plain_one_plus(
        texts: &[&str],
        extra: impl Fn(FeatureParams) -> FeatureParams,
        prefix: &str,
        word_feature: impl Fn(&str) -> bool,
    ) -> Vec<(usize, Vectorizer)> {
        let labels: Vec<usize> = (0..texts.len()).map(|i| i % 3).collect();
        let tokenizer = TokenizerParams {
            scopes: true,
            ..TokenizerParams::default()
        };
        let inputs = plain(texts);
        let mut fitted = Vec::new();
        for max_features in [12, 1000] {
            let plain_params = FeatureParams {
                min_df: 1,
                max_features,
                ..FeatureParams::default()
            };
            let params = extra(plain_params.clone());
            let fit = |p: &FeatureParams| {
                Vectorizer::fit(&inputs, &labels, 3, &tokenizer, p, None).unwrap()
            };
            let without = fit(&plain_params);
            let with = fit(&params);
            let other: Vec<&String> = with
                .vocabulary
                .iter()
                .filter(|n| !n.starts_with(prefix))
                .collect();
            assert_eq!(other, without.vocabulary.iter().collect::<Vec<_>>());
            // Under the cap some words are left out and add their features;
            // without it every word of the texts is known.
            let words: Vec<&String> = with
                .vocabulary
                .iter()
                .filter(|n| n.starts_with(prefix) && word_feature(n))
                .collect();
            assert_eq!(!words.is_empty(), max_features == 12, "{words:?}");
            let counts = FeatureCounts::count(
                inputs.iter(),
                Said::clone,
                &labels,
                3,
                &tokenizer,
                &params,
                None,
            )
            .unwrap();
            let (v, x) = counts.fit_transform(&[]).unwrap();
            assert_eq!(v.vocabulary, with.vocabulary);
            for (i, said) in inputs.iter().enumerate() {
                assert_eq!(x.row(i), with.transform_said(said).as_slice(), "row {i}");
            }
            fitted.push((max_features, with));
        }
        fitted
    }

    /// Training with `unseen` clusters picks the other features as without
    /// them (under a cap too), then adds the cluster features; the rows it
    /// trains on are the rows scoring makes.
    #[test]
    fn unseen_cluster_vocabulary_is_the_plain_one_plus_clusters() {
        let texts = [
            "We will never accept this blockade; we will retaliate.",
            "Talks are welcome, a wonderful chance to compromise",
            "Nobody doubts the talks will fail, sadly",
            "We will retaliate if they do not negotiate",
            "Ready to negotiate, ready to compromise, a wonderful day",
            "the talks will fail, a hopeless waste",
            "blockade after blockade, a dreadful mistake",
        ];
        let with_clusters = |p: FeatureParams| FeatureParams {
            clusters: Some(Clusters::new(ClusterWords::Unseen, 256)),
            ..p
        };
        unseen_vocabulary_is_the_plain_one_plus(&texts, with_clusters, "K:", |n| {
            !n.starts_with("K:v_")
        });
    }

    /// Training with `unseen` valence picks the other features as without
    /// valence (even under a cap), adds the valence features of the words
    /// outside them, and the rows it trains on are the rows scoring makes.
    #[test]
    fn unseen_valence_vocabulary_is_the_plain_one_plus_valence() {
        let texts = [
            "We will never accept this war; we will strike.",
            "Talks are welcome, a wonderful chance to meet halfway",
            "Nobody doubts the talks will fail, sadly",
            "We will strike if they do not talk",
            "Ready to talk, ready to meet, a wonderful day",
            "the talks will fail, a terrible waste",
            "war and more war, a terrible mistake",
        ];
        let with_valence = |p: FeatureParams| FeatureParams {
            valence: Valence::Unseen,
            ..p
        };
        let rated_word = |n: &str| !n.starts_with("S:sum_") && n != "S:none";
        let fitted =
            unseen_vocabulary_is_the_plain_one_plus(&texts, with_valence, "S:", rated_word);
        for (max_features, with) in fitted {
            // A rated word the vocabulary lacks weighs through its bucket.
            let row = with.transform("a glorious outcome");
            let s_features = row
                .iter()
                .filter(|&&(i, _)| with.vocabulary[i as usize].starts_with("S:pos"))
                .count();
            assert_eq!(s_features, usize::from(max_features == 12), "{row:?}");
        }
    }

    /// A vectorizer over our own sentences with the cue lexicon, the
    /// reporting verb and scope-marked words, every feature kept.
    fn weighted(cue_weight: f64, verb_weight: f64, scope_weight: f64) -> Vectorizer {
        let cues = lexicon(&[("refusal", "rejected"), ("praise", "welcomed")]);
        let tokenizer = TokenizerParams {
            scopes: true,
            ..TokenizerParams::default()
        };
        let params = FeatureParams {
            char_ngrams: (0, 0),
            min_df: 1,
            cues: true,
            scope_words: true,
            cue_weight,
            verb_weight,
            scope_weight,
            ..FeatureParams::default()
        };
        let inputs = [
            ("the union rejected the offer, but may talk", Some("said")),
            ("ministers welcomed the plan", Some("said")),
            ("the board rejected it twice", None),
        ]
        .map(|(content, verb)| Said {
            content: content.to_owned(),
            verb: verb.map(str::to_owned),
            kind: None,
        });
        Vectorizer::fit(&inputs, &[0, 1, 0], 2, &tokenizer, &params, Some(&cues)).unwrap()
    }

    /// The row before normalisation, as name -> value, and its L2 norm.
    fn unnormalised(v: &Vectorizer, said: &Said) -> (HashMap<String, f64>, f64) {
        let row = v.transform_said(said);
        let values: Vec<f64> = row.iter().map(|&(_, x)| f64::from(x)).collect();
        // "union" occurs once and is never scaled: before normalisation its
        // value is its idf, so its share of that undoes the normalisation.
        let union = v.index_of("w:union").unwrap();
        let unit =
            f64::from(row.iter().find(|&&(i, _)| i == union).unwrap().1) / v.idf[union as usize];
        let named = row
            .iter()
            .zip(&values)
            .map(|(&(i, _), &x)| (v.vocabulary[i as usize].clone(), x / unit))
            .collect();
        (named, 1.0 / unit)
    }

    #[test]
    fn weights_scale_cue_verb_and_scope_features_before_normalising() {
        let said = Said {
            content: "the union rejected the offer, but may talk".to_owned(),
            verb: Some("said".to_owned()),
            kind: None,
        };
        let plain = weighted(1.0, 1.0, 1.0);
        let heavy = weighted(3.0, 2.0, 5.0);
        assert_eq!(plain.vocabulary, heavy.vocabulary);
        let (before, _) = unnormalised(&plain, &said);
        let (after, norm) = unnormalised(&heavy, &said);
        for (name, factor) in [
            ("L:refusal", 3.0),
            ("v:said", 2.0),
            ("w:BUT_talk", 5.0),
            ("w:rejected", 1.0),
            ("w:the union", 1.0),
        ] {
            let (b, a) = (before[name], after[name]);
            assert!((a / b - factor).abs() < 1e-5, "{name}: {b} -> {a}");
        }
        // Rows stay unit length.
        let squares: f64 = after.values().map(|x| x * x).sum::<f64>() / (norm * norm);
        assert!((squares - 1.0).abs() < 1e-5);
    }

    #[test]
    fn weight_one_gives_the_rows_of_before_bit_for_bit() {
        let v = weighted(1.0, 1.0, 1.0);
        assert!(v.scale.is_none());
        let texts = [
            "the union rejected the offer, but may talk",
            "ministers welcomed the plan",
            "the board rejected it twice",
        ];
        for text in texts {
            // Today's arithmetic, written out: sublinear tf x idf, L2-normalised.
            let mut counts: std::collections::BTreeMap<u32, f64> = Default::default();
            let toks = tokenize(text, &v.tokenizer);
            let input = Input {
                text,
                tokens: &toks,
                verb: Some("said"),
                kind: None,
            };
            for_each_feature(input, &v.params, v.cues.as_ref(), |n| {
                if let Some(i) = v.index_of(n) {
                    *counts.entry(i).or_default() += 1.0;
                }
            });
            let values: Vec<(u32, f64)> = counts
                .into_iter()
                .map(|(i, n)| (i, (1.0 + f64::ln(n)) * v.idf[i as usize]))
                .collect();
            let norm = values.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
            let want: SparseRow = values
                .into_iter()
                .map(|(i, x)| (i, (x / norm) as f32))
                .collect();
            let said = Said {
                content: text.to_owned(),
                verb: Some("said".to_owned()),
                kind: None,
            };
            assert_eq!(v.transform_said(&said), want, "{text}");
        }
        // Old model files have no weights: they read as 1, and a weight of 1
        // is not written, so such files stay as they were.
        let old: FeatureParams =
            serde_json::from_str(&serde_json::to_string(&FeatureParams::default()).unwrap())
                .unwrap();
        assert_eq!(old, FeatureParams::default());
        let json = serde_json::to_string(&FeatureParams::default()).unwrap();
        assert!(!json.contains("weight"), "{json}");
        let heavy = FeatureParams {
            cue_weight: 3.0,
            ..FeatureParams::default()
        };
        let json = serde_json::to_string(&heavy).unwrap();
        assert!(json.contains("\"cue_weight\":3.0"), "{json}");
        assert_eq!(serde_json::from_str::<FeatureParams>(&json).unwrap(), heavy);
    }

    #[test]
    fn valence_buckets_follow_the_scopes() {
        let params = valence_params(Valence::On);
        let text = VALENCE_TEXT;
        let got = valence_names(&params, None);
        // "war" -2.9 negated; "welcome" 2.0 and "agreement" 2.2 after "but";
        // "peace" 2.5 inside the condition too; the verb "warned" -1.1.
        for want in [
            "S:v_neg2",
            "S:NOT_neg3",
            "S:pos3",
            "S:BUT_pos3",
            "S:IF_pos3",
            "S:sum_pos3",
        ] {
            assert!(got.iter().any(|n| n == want), "{want} not in {got:?}");
        }
        assert!(!got.iter().any(|n| n == "S:neg3"), "{got:?}");
        let neutral = names("The delegation arrives on Tuesday", &params);
        assert!(neutral.iter().any(|n| n == "S:none"), "{neutral:?}");
        let off = FeatureParams {
            valence: Valence::Off,
            ..params
        };
        assert!(!names(text, &off).iter().any(|n| n.starts_with("S:")));
        let json = serde_json::to_string(&off).unwrap();
        assert!(!json.contains("valence"), "{json}");
    }

    #[test]
    fn weights_must_be_positive() {
        for w in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let p = FeatureParams {
                cue_weight: w,
                ..FeatureParams::default()
            };
            assert!(p.check().is_err(), "{w}");
        }
    }

    #[test]
    fn bad_params_are_rejected() {
        let p = FeatureParams {
            word_ngrams: (2, 1),
            ..FeatureParams::default()
        };
        assert!(p.check().is_err());
    }
}
