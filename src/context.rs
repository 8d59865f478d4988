//! Context at inference: a statement's stance probabilities mixed with those
//! the model gave the same speaker's other statements in the article (and,
//! more weakly, all the article's other statements). In one article a
//! speaker's statements usually lean one way; a statement read alone may not
//! show which.
//!
//! Every mean is taken over the probabilities the model gave each statement
//! alone, so the result does not depend on statement order. Measured on the
//! dev sets in data/README.md, "Context at inference".

use rustc_hash::FxHashMap;

/// How a statement's probabilities `p` and a context mean `m` are mixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mix {
    /// `(1 - w) p + w m`.
    Linear,
    /// `p m^w`, normalised: a product of experts, where a context that is
    /// sure of a label moves the statement more than a hesitant one.
    Geometric,
}

/// What context to mix in, and how much.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Context {
    /// Weight of the mean of the same speaker's other statements (0 = off).
    pub speaker: f64,
    /// Weight of the mean of all the article's other statements (0 = off).
    pub article: f64,
    /// How the means are mixed in.
    pub mix: Mix,
    /// Mix only the stance labels: the label at this index (`neutral`) keeps
    /// its probability, and the others share the rest as the mix says.
    pub keep: Option<usize>,
}

impl Context {
    /// No context: every statement keeps its probabilities.
    pub const OFF: Context = Context {
        speaker: 0.0,
        article: 0.0,
        mix: Mix::Linear,
        keep: None,
    };

    /// What `score`, `evaluate --articles` and `report --articles` use unless
    /// told otherwise: the speaker's other statements at 0.35 and the whole
    /// article at 0.2, mixed linearly (chosen on the dev sets, data/README.md,
    /// "Context at inference").
    pub const DEFAULT: Context = Context {
        speaker: DEFAULT_SPEAKER,
        article: DEFAULT_ARTICLE,
        mix: Mix::Linear,
        keep: None,
    };

    /// The default's mix with these weights, each checked to lie in 0..=1.
    pub fn weights(speaker: f64, article: f64) -> Result<Context, String> {
        for (name, w) in [("speaker", speaker), ("article", article)] {
            if !(0.0..=1.0).contains(&w) {
                return Err(format!(
                    "the {name} context weight {w} must be between 0 and 1"
                ));
            }
        }
        Ok(Context {
            speaker,
            article,
            ..Context::DEFAULT
        })
    }

    /// True when no statement can change: both weights 0.
    pub fn is_off(&self) -> bool {
        self.speaker <= 0.0 && self.article <= 0.0
    }
}

/// The default weight of the same speaker's other statements.
pub const DEFAULT_SPEAKER: f64 = 0.35;

/// The default weight of the article's other statements.
pub const DEFAULT_ARTICLE: f64 = 0.2;

/// Each statement's probabilities after its context is mixed in.
/// `probabilities[i]` (one distribution per statement, all of one length)
/// and `speakers[i]` describe statement `i` of one article. A statement
/// without a speaker, or whose speaker has no other statement, gets no
/// speaker context; with both weights 0 the input is returned unchanged.
pub fn with_context(
    probabilities: &[Vec<f64>],
    speakers: &[Option<&str>],
    context: &Context,
) -> Vec<Vec<f64>> {
    let mut out = probabilities.to_vec();
    if context.is_off() {
        return out;
    }
    // Sums over the article and over each speaker, so each mean of the
    // others is one subtraction: linear in the statements, however many.
    // Every sum of one article lives in one table, a row per speaker.
    let width = probabilities.iter().map(Vec::len).max().unwrap_or(0);
    let mut article = Sums::new(width);
    let mut by_speaker = Sums::new(width);
    let mut row_of: FxHashMap<&str, usize> = FxHashMap::default();
    let rows: Vec<Option<usize>> = probabilities
        .iter()
        .enumerate()
        .map(|(i, p)| {
            article.add(0, p);
            let who = speakers.get(i).copied().flatten()?;
            let fresh = row_of.len();
            let row = *row_of.entry(who).or_insert(fresh);
            by_speaker.add(row, p);
            Some(row)
        })
        .collect();
    // Two buffers for the whole article: a mean of the others, and the mix.
    let (mut mean, mut mixed) = (Vec::new(), Vec::new());
    for ((p, own), row) in out.iter_mut().zip(probabilities).zip(rows) {
        if context.speaker > 0.0
            && let Some(row) = row
            && by_speaker.mean_without(row, own, &mut mean)
        {
            mix(p, &mean, context.speaker, context, &mut mixed);
        }
        if context.article > 0.0 && article.mean_without(0, own, &mut mean) {
            mix(p, &mean, context.article, context, &mut mixed);
        }
    }
    out
}

/// Sums of some statements' distributions, one row of `width` per group of
/// statements, and how many each row holds.
struct Sums {
    width: usize,
    totals: Vec<f64>,
    counts: Vec<usize>,
}

impl Sums {
    fn new(width: usize) -> Self {
        Sums {
            width,
            totals: Vec::new(),
            counts: Vec::new(),
        }
    }

    /// Adds `p` to row `row`, a row already there or the next one.
    fn add(&mut self, row: usize, p: &[f64]) {
        if row == self.counts.len() {
            self.counts.push(0);
            self.totals.resize(self.totals.len() + self.width, 0.0);
        }
        let total = &mut self.totals[row * self.width..][..p.len()];
        total.iter_mut().zip(p).for_each(|(s, x)| *s += x);
        self.counts[row] += 1;
    }

    /// The mean of the others in row `row`, into `mean`, when `own` is one
    /// of the statements summed there; false (and `mean` untouched) when it
    /// is the only one.
    fn mean_without(&self, row: usize, own: &[f64], mean: &mut Vec<f64>) -> bool {
        let Some(others) = self.counts[row].checked_sub(1).filter(|&n| n > 0) else {
            return false;
        };
        let others = others as f64;
        let total = &self.totals[row * self.width..][..self.width];
        mean.clear();
        mean.extend(
            total
                .iter()
                .zip(own)
                .map(|(s, x)| ((s - x) / others).max(0.0)),
        );
        true
    }
}

/// Mixes `m` into `p` at weight `w`; `p` still sums to 1 when it did (and is
/// left as it is when the mix has no mass). `mixed` is a reused buffer.
fn mix(p: &mut [f64], m: &[f64], w: f64, context: &Context, mixed: &mut Vec<f64>) {
    let n = p.len().min(m.len());
    let (p_all, m) = (&p[..n], &m[..n]);
    let kept = context.keep.filter(|&k| k < p.len());
    let moves = |k: &usize| Some(*k) != kept;
    let count = (0..n).filter(moves).count();
    // Within the labels that move, both distributions renormalised.
    let total_of = |d: &[f64]| -> f64 { (0..n).filter(moves).map(|k| d[k]).sum() };
    let (total_p, total_m) = (total_of(p_all), total_of(m));
    let share = |d: &[f64], total: f64, k: usize| {
        if total > 0.0 {
            d[k] / total
        } else {
            1.0 / count as f64
        }
    };
    mixed.clear();
    for k in (0..n).filter(moves) {
        let (a, b) = (share(p_all, total_p, k), share(m, total_m, k));
        mixed.push(match context.mix {
            Mix::Linear => (1.0 - w) * a + w * b,
            Mix::Geometric => a * b.powf(w),
        });
    }
    let total: f64 = mixed.iter().sum();
    if !(total > 0.0 && total.is_finite()) {
        return;
    }
    mixed.iter_mut().for_each(|x| *x /= total);
    let mass: f64 = (0..n).filter(moves).map(|k| p[k]).sum();
    for (k, &x) in (0..n).filter(moves).zip(mixed.iter()) {
        p[k] = mass * x;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> (Vec<Vec<f64>>, Vec<Option<&'static str>>) {
        let p = vec![
            vec![0.5, 0.3, 0.1, 0.1],
            vec![0.8, 0.1, 0.05, 0.05],
            vec![0.1, 0.2, 0.6, 0.1],
            vec![0.2, 0.2, 0.2, 0.4],
        ];
        (
            p,
            vec![
                Some("Ana Lima"),
                Some("Ana Lima"),
                Some("the ministry"),
                None,
            ],
        )
    }

    fn settings() -> Vec<Context> {
        let mut all = Vec::new();
        for mix in [Mix::Linear, Mix::Geometric] {
            for keep in [None, Some(3)] {
                for (speaker, article) in [(0.3, 0.0), (1.0, 0.0), (0.5, 0.2)] {
                    all.push(Context {
                        speaker,
                        article,
                        mix,
                        keep,
                    });
                }
            }
        }
        all
    }

    #[test]
    fn off_is_the_identity() {
        let (p, who) = article();
        assert_eq!(with_context(&p, &who, &Context::OFF), p);
        for mix in [Mix::Linear, Mix::Geometric] {
            let off = Context {
                mix,
                keep: Some(3),
                ..Context::OFF
            };
            assert_eq!(with_context(&p, &who, &off), p);
        }
    }

    #[test]
    fn a_lone_speaker_or_none_is_unchanged_by_speaker_context() {
        let (p, who) = article();
        for c in settings().into_iter().filter(|c| c.article == 0.0) {
            let out = with_context(&p, &who, &c);
            assert_eq!(out[2], p[2], "{c:?}");
            assert_eq!(out[3], p[3], "{c:?}");
            assert_ne!(out[0], p[0], "{c:?}");
        }
    }

    #[test]
    fn probabilities_still_sum_to_one() {
        let (p, who) = article();
        for c in settings() {
            for q in with_context(&p, &who, &c) {
                assert!((q.iter().sum::<f64>() - 1.0).abs() < 1e-12, "{c:?} {q:?}");
                assert!(q.iter().all(|x| (0.0..=1.0).contains(x)), "{c:?} {q:?}");
            }
        }
    }

    #[test]
    fn a_speaker_pulls_towards_their_other_statements() {
        let (p, who) = article();
        let c = Context {
            speaker: 0.5,
            ..Context::OFF
        };
        let out = with_context(&p, &who, &c);
        // Linear at 0.5: halfway between 0.5 and the other statement's 0.8.
        assert!((out[0][0] - 0.65).abs() < 1e-12, "{:?}", out[0]);
        // Neutral kept: p_neutral stays, the stance labels move.
        let keep = Context { keep: Some(3), ..c };
        let out = with_context(&p, &who, &keep);
        assert_eq!(out[0][3], 0.1);
        assert!(out[0][0] > 0.5);
    }

    #[test]
    fn weights_are_checked() {
        assert!(Context::weights(0.0, 0.0).unwrap().is_off());
        assert_eq!(
            Context::weights(DEFAULT_SPEAKER, DEFAULT_ARTICLE).unwrap(),
            Context::DEFAULT
        );
        assert!(!Context::DEFAULT.is_off());
        for (s, a) in [(-0.1, 0.0), (0.0, 1.5), (f64::NAN, 0.0)] {
            let err = Context::weights(s, a).unwrap_err();
            assert!(err.contains("must be between 0 and 1"), "{err}");
        }
    }

    /// The plain version of [`with_context`] (a map of per-speaker sums, a
    /// `Vec` per sum): the flat tables must give the same bits.
    mod plain {
        // The mix itself is the library's (its own tests pin its values):
        // what this plain version stands in for is the per-speaker sums.
        use super::super::{Context, mix};
        use std::collections::HashMap;

        /// Each statement's probabilities after its context is mixed in.
        /// `probabilities[i]` (one distribution per statement, all of one length)
        /// and `speakers[i]` describe statement `i` of one article. A statement
        /// without a speaker, or whose speaker has no other statement, gets no
        /// speaker context; with both weights 0 the input is returned unchanged.
        pub fn with_context(
            probabilities: &[Vec<f64>],
            speakers: &[Option<&str>],
            context: &Context,
        ) -> Vec<Vec<f64>> {
            if context.is_off() {
                return probabilities.to_vec();
            }
            // Sums over the article and over each speaker, so each mean of the
            // others is one subtraction: linear in the statements, however many.
            let mut article = Sum::default();
            let mut by_speaker: HashMap<&str, Sum> = HashMap::new();
            for (i, p) in probabilities.iter().enumerate() {
                article.add(p);
                if let Some(who) = speakers.get(i).copied().flatten() {
                    by_speaker.entry(who).or_default().add(p);
                }
            }
            let mut out = probabilities.to_vec();
            // Two buffers for the whole article: a mean of the others, and the mix.
            let (mut mean, mut mixed) = (Vec::new(), Vec::new());
            for (i, p) in out.iter_mut().enumerate() {
                let own = &probabilities[i];
                if context.speaker > 0.0
                    && let Some(who) = speakers.get(i).copied().flatten()
                    && by_speaker
                        .get(who)
                        .is_some_and(|s| s.mean_without(own, &mut mean))
                {
                    mix(p, &mean, context.speaker, context, &mut mixed);
                }
                if context.article > 0.0 && article.mean_without(own, &mut mean) {
                    mix(p, &mean, context.article, context, &mut mixed);
                }
            }
            out
        }

        /// The sum of some statements' distributions, and how many.
        #[derive(Default)]
        struct Sum {
            total: Vec<f64>,
            count: usize,
        }

        impl Sum {
            fn add(&mut self, p: &[f64]) {
                if self.total.len() < p.len() {
                    self.total.resize(p.len(), 0.0);
                }
                self.total.iter_mut().zip(p).for_each(|(s, x)| *s += x);
                self.count += 1;
            }

            /// The mean of the others, into `mean`, when `own` is one of the
            /// statements summed; false (and `mean` untouched) when it is the only one.
            fn mean_without(&self, own: &[f64], mean: &mut Vec<f64>) -> bool {
                let Some(others) = self.count.checked_sub(1).filter(|&n| n > 0) else {
                    return false;
                };
                let others = others as f64;
                mean.clear();
                mean.extend(
                    self.total
                        .iter()
                        .zip(own)
                        .map(|(s, x)| ((s - x) / others).max(0.0)),
                );
                true
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        #[test]
        fn the_flat_sums_give_the_plain_bits(
            rows in proptest::collection::vec(
                (proptest::collection::vec(0.0..1.0f64, 4), proptest::option::of(0..4usize)),
                0..12,
            ),
            speaker in 0.0..=1.0f64,
            article in 0.0..=1.0f64,
            geometric: bool,
            keep in proptest::option::of(0..5usize),
        ) {
            let names = ["Ana Lima", "Lima", "the ministry", "Omar Reyes"];
            let p: Vec<Vec<f64>> = rows
                .iter()
                .map(|(q, _)| {
                    let total: f64 = q.iter().sum();
                    q.iter().map(|x| if total > 0.0 { x / total } else { 0.25 }).collect()
                })
                .collect();
            let who: Vec<Option<&str>> = rows.iter().map(|(_, s)| s.map(|s| names[s])).collect();
            let mix = if geometric { Mix::Geometric } else { Mix::Linear };
            for c in [
                Context { speaker, article, mix, keep },
                Context { speaker, article: 0.0, mix, keep },
                Context { speaker: 0.0, article, mix, keep },
                Context::DEFAULT,
            ] {
                let fast = with_context(&p, &who, &c);
                let plain = plain::with_context(&p, &who, &c);
                let bits = |d: &Vec<Vec<f64>>| -> Vec<Vec<u64>> {
                    d.iter().map(|q| q.iter().map(|x| x.to_bits()).collect()).collect()
                };
                proptest::prop_assert_eq!(bits(&fast), bits(&plain), "{:?}", c);
            }
        }
    }
}
