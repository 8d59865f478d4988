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

use rustc_hash::{FxHashMap, FxHasher};

use serde::{Deserialize, Serialize};

use crate::cues::Cues;
use crate::error::{Error, Result};
use crate::extract::Statement;
use crate::said::Said;
use crate::tokenize::{NAME, Token, TokenBuffer, TokenKind, TokenizerParams, tokenize};

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
        }
    }
}

impl FeatureParams {
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
}

/// Calls `emit` with the name of every feature occurrence in `input`.
/// Names carry a prefix: `w:` word n-grams (negated words as `w:NOT_x`,
/// scope-marked ones as `w:BUT_x` and `w:IF_x`), `c:` character n-grams,
/// `v:` the reporting verb, `L:` and `V:` cue categories of the text and of
/// the verb. One buffer is reused so scoring does not allocate per n-gram.
pub fn for_each_feature(
    input: Input<'_>,
    params: &FeatureParams,
    cues: Option<&Cues>,
    mut emit: impl FnMut(&str),
) {
    let tokens = input.tokens;
    let mut buf = String::with_capacity(64);
    if let Some(verb) = input.verb {
        buf.clear();
        buf.push_str("v:");
        buf.push_str(verb);
        emit(&buf);
        if let Some(category) = cues.and_then(|c| c.category_of(verb)) {
            buf.clear();
            buf.push_str("V:");
            buf.push_str(category);
            emit(&buf);
        }
    }
    if let Some(cues) = cues {
        cues.for_each_match(input.text, tokens, |i, category| {
            let tok = &tokens[i];
            let negation = if tok.negated { "NOT_" } else { "" };
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
                    emit(&buf);
                }
            }
        });
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
                    emit(&buf);
                }
            }
        }
    }
    let (wlo, whi) = params.word_ngrams;
    if wlo > 0 {
        // Runs of words between punctuation: n-grams never cross a clause boundary.
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
                    emit(&buf);
                }
            }
        }
    }
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
                emit(&buf);
            }
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
    index: HashMap<String, u32>,
    /// The same map keyed by [`name_hash`]: scoring looks up every n-gram of
    /// every statement, and comparing a u64 kept in the table is much cheaper
    /// than SipHash plus a comparison with a string stored elsewhere on the
    /// heap. `None` in the (never yet seen) case that two names share a hash.
    by_hash: Option<FxHashMap<u64, u32>>,
}

/// 64-bit FxHash of a feature name. An n-gram outside the vocabulary is
/// mistaken for one inside it only if their 64-bit hashes are equal: about
/// one lookup in 10^15 with a 20,000-feature vocabulary.
pub fn name_hash(name: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(name.as_bytes());
    h.finish()
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
        let mut index = HashMap::with_capacity(vocabulary.len());
        for (i, name) in vocabulary.iter().enumerate() {
            if index.insert(name.clone(), i as u32).is_some() {
                return fail(format!("vocabulary lists '{name}' twice"));
            }
        }
        let mut by_hash = FxHashMap::default();
        by_hash.reserve(vocabulary.len());
        let mut unique = true;
        for (i, name) in vocabulary.iter().enumerate() {
            unique &= by_hash.insert(name_hash(name), i as u32).is_none();
        }
        Ok(Vectorizer {
            tokenizer,
            cues: if params.cues { cues } else { None },
            params,
            vocabulary,
            idf,
            index,
            by_hash: unique.then_some(by_hash),
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
        params.check()?;
        if params.cues && cues.is_none() {
            return Err(Error::params(
                "features.cues",
                "the features use cues but no cue lexicon is given",
            ));
        }
        let cues = cues.filter(|_| params.cues);
        let n_docs = inputs.len();
        // Per feature: documents containing it, per class.
        let mut df: HashMap<String, Vec<u32>> = HashMap::new();
        let mut seen: Vec<String> = Vec::new();
        for (said, &label) in inputs.iter().zip(labels) {
            seen.clear();
            let tokens = tokenize(&said.content, tokenizer);
            let input = Input {
                text: &said.content,
                tokens: &tokens,
                verb: said.verb.as_deref(),
            };
            for_each_feature(input, params, cues, |name| seen.push(name.to_owned()));
            seen.sort_unstable();
            seen.dedup();
            for name in seen.drain(..) {
                df.entry(name).or_insert_with(|| vec![0; n_labels])[label] += 1;
            }
        }
        let mut class_docs = vec![0u32; n_labels];
        for &l in labels {
            class_docs[l] += 1;
        }
        let mut scored: Vec<(f64, String, u32)> = df
            .into_iter()
            .filter_map(|(name, counts)| {
                let total: u32 = counts.iter().sum();
                (total as usize >= params.min_df)
                    .then(|| (chi_squared(&counts, &class_docs, n_docs), name, total))
            })
            .collect();
        if scored.is_empty() {
            return Err(Error::params(
                "features.min_df",
                format!(
                    "no feature occurs in at least {} texts: too little data",
                    params.min_df
                ),
            ));
        }
        // Highest score first; the name breaks ties so the choice is deterministic.
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        scored.truncate(params.max_features);
        scored.sort_by(|a, b| a.1.cmp(&b.1));
        let n = n_docs as f64;
        let idf = scored
            .iter()
            .map(|(_, _, df)| ((1.0 + n) / (1.0 + *df as f64)).ln() + 1.0)
            .collect();
        let vocabulary = scored.into_iter().map(|(_, name, _)| name).collect();
        Vectorizer::from_parts(
            Path::new("<fitted vocabulary>"),
            tokenizer.clone(),
            params.clone(),
            cues.cloned(),
            vocabulary,
            idf,
        )
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
        self.index.get(name).copied()
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
            let tokens = buffer.tokenize(&said.content, &self.tokenizer);
            self.transform_input(Input {
                text: &said.content,
                tokens,
                verb: said.verb.as_deref(),
            })
        })
    }

    /// Already tokenized input -> one sparse row.
    pub fn transform_input(&self, input: Input<'_>) -> SparseRow {
        thread_local! {
            static HITS: RefCell<Hits> = RefCell::default();
        }
        HITS.with_borrow_mut(|hits| {
            hits.reset(self.len());
            for_each_feature(input, &self.params, self.cues.as_ref(), |name| {
                let found = match &self.by_hash {
                    Some(by_hash) => by_hash.get(&name_hash(name)),
                    None => self.index.get(name),
                };
                if let Some(&i) = found {
                    hits.add(i);
                }
            });
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

    fn names(text: &str, params: &FeatureParams) -> Vec<String> {
        let toks = tokenize(text, &TokenizerParams::default());
        let mut out = Vec::new();
        let input = Input {
            text,
            tokens: &toks,
            verb: None,
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
    fn bad_params_are_rejected() {
        let p = FeatureParams {
            word_ngrams: (2, 1),
            ..FeatureParams::default()
        };
        assert!(p.check().is_err());
    }
}
