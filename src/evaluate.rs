//! Metrics (accuracy, per-class precision/recall/F1, macro-F1, confusion
//! matrix), calibration and stratified k-fold splits.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::rng::SplitMix64;

/// Precision, recall, F1 and support of one class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassMetrics {
    /// Of the predictions of this class, the share that were right.
    pub precision: f64,
    /// Of the true members of this class, the share found.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// True members of this class.
    pub support: usize,
}

/// Scores of predictions against the truth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    /// Class names, in index order.
    pub labels: Vec<String>,
    /// Share of rows predicted right.
    pub accuracy: f64,
    /// Unweighted mean of the per-class F1.
    pub macro_f1: f64,
    /// Per class, in `labels` order.
    pub per_class: Vec<ClassMetrics>,
    /// `confusion[truth][predicted]` counts.
    pub confusion: Vec<Vec<usize>>,
}

impl Metrics {
    /// Computes metrics from class indices.
    pub fn compute(labels: &[String], truth: &[usize], predicted: &[usize]) -> Metrics {
        let k = labels.len();
        let mut confusion = vec![vec![0usize; k]; k];
        for (&t, &p) in truth.iter().zip(predicted) {
            confusion[t][p] += 1;
        }
        let correct: usize = (0..k).map(|i| confusion[i][i]).sum();
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let per_class: Vec<ClassMetrics> = (0..k)
            .map(|c| {
                let tp = confusion[c][c];
                let predicted_c: usize = (0..k).map(|t| confusion[t][c]).sum();
                let support: usize = confusion[c].iter().sum();
                let precision = ratio(tp, predicted_c);
                let recall = ratio(tp, support);
                let f1 = if precision + recall == 0.0 {
                    0.0
                } else {
                    2.0 * precision * recall / (precision + recall)
                };
                ClassMetrics {
                    precision,
                    recall,
                    f1,
                    support,
                }
            })
            .collect();
        let macro_f1 = if k == 0 {
            0.0
        } else {
            per_class.iter().map(|m| m.f1).sum::<f64>() / k as f64
        };
        Metrics {
            labels: labels.to_vec(),
            accuracy: ratio(correct, truth.len()),
            macro_f1,
            per_class,
            confusion,
        }
    }

    /// A plain-text table for terminals.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let width = self
            .labels
            .iter()
            .map(|l| l.len())
            .max()
            .unwrap_or(5)
            .max(9);
        out += &format!(
            "accuracy  {:.4}\nmacro-F1  {:.4}\n\n",
            self.accuracy, self.macro_f1
        );
        out += &format!("{:<width$}  precision  recall      f1  support\n", "label");
        for (label, m) in self.labels.iter().zip(&self.per_class) {
            out += &format!(
                "{:<width$}  {:>9.4}  {:>6.4}  {:>6.4}  {:>7}\n",
                label, m.precision, m.recall, m.f1, m.support
            );
        }
        out += &format!(
            "\nconfusion (rows: truth, columns: predicted)\n{:<width$}",
            ""
        );
        for label in &self.labels {
            out += &format!("  {label:>width$}");
        }
        out.push('\n');
        for (label, row) in self.labels.iter().zip(&self.confusion) {
            out += &format!("{label:<width$}");
            for c in row {
                out += &format!("  {c:>width$}");
            }
            out.push('\n');
        }
        out
    }

    /// The JSON form: `accuracy`, `macro_f1`, `per_class` (label -> metrics), `confusion`.
    pub fn to_json(&self) -> Result<serde_json::Value> {
        let per_class: serde_json::Map<String, serde_json::Value> = self
            .labels
            .iter()
            .zip(&self.per_class)
            .map(|(l, m)| Ok((l.clone(), serde_json::to_value(m).map_err(Error::Json)?)))
            .collect::<Result<_>>()?;
        let confusion: serde_json::Map<String, serde_json::Value> = self
            .labels
            .iter()
            .zip(&self.confusion)
            .map(|(truth, row)| {
                let row: serde_json::Map<String, serde_json::Value> = self
                    .labels
                    .iter()
                    .zip(row)
                    .map(|(p, &c)| (p.clone(), c.into()))
                    .collect();
                (truth.clone(), row.into())
            })
            .collect();
        Ok(serde_json::json!({
            "labels": self.labels,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "per_class": per_class,
            "confusion": confusion,
        }))
    }
}

/// How far confidences are from accuracy: with `--min-confidence 0.7`, are
/// statements kept at 0.7 right 70% of the time?
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// Expected calibration error: the gap between mean confidence and
    /// accuracy in each bin, weighted by the bin's share of rows.
    pub ece: f64,
    /// The reliability table: one row per non-empty confidence bin.
    pub reliability: Vec<ReliabilityBin>,
}

/// One confidence bin of a [`Calibration`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReliabilityBin {
    /// Lowest confidence in the bin (inclusive).
    pub from: f64,
    /// Highest confidence in the bin (exclusive, but 1.0 is in the last bin).
    pub to: f64,
    /// Rows whose confidence falls in the bin.
    pub count: usize,
    /// Their mean confidence.
    pub mean_confidence: f64,
    /// The share of them predicted right.
    pub accuracy: f64,
}

impl Calibration {
    /// Ten equal-width bins over the confidence of each prediction (its top
    /// probability) and whether it was right.
    pub fn compute(confidence: &[f64], correct: &[bool]) -> Calibration {
        const BINS: usize = 10;
        let mut sums = [(0usize, 0.0f64, 0usize); BINS];
        for (&c, &ok) in confidence.iter().zip(correct) {
            let bin = ((c * BINS as f64) as usize).min(BINS - 1);
            sums[bin].0 += 1;
            sums[bin].1 += c;
            sums[bin].2 += usize::from(ok);
        }
        let n = confidence.len().max(1) as f64;
        let mut ece = 0.0;
        let mut reliability = Vec::new();
        for (b, &(count, conf_sum, right)) in sums.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let mean_confidence = conf_sum / count as f64;
            let accuracy = right as f64 / count as f64;
            ece += count as f64 / n * (accuracy - mean_confidence).abs();
            reliability.push(ReliabilityBin {
                from: b as f64 / BINS as f64,
                to: (b + 1) as f64 / BINS as f64,
                count,
                mean_confidence,
                accuracy,
            });
        }
        Calibration { ece, reliability }
    }

    /// A plain-text reliability table.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "expected calibration error  {:.4}

confidence   rows  mean confidence  accuracy
",
            self.ece
        );
        for b in &self.reliability {
            out += &format!(
                "{:.1}-{:.1}  {:>7}  {:>15.4}  {:>8.4}\n",
                b.from, b.to, b.count, b.mean_confidence, b.accuracy
            );
        }
        out
    }
}

/// Assigns each row a fold in `0..k` so that every fold has about the same
/// share of each class. Rows of each class are shuffled with `seed`, then dealt
/// round-robin, continuing the deal across classes so fold sizes stay even.
pub(crate) fn stratified_folds(
    labels: &[usize],
    n_labels: usize,
    k: usize,
    seed: u64,
) -> Vec<usize> {
    let mut rng = SplitMix64::new(seed);
    let mut fold = vec![0usize; labels.len()];
    let mut next = 0usize;
    for class in 0..n_labels {
        let mut rows: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == class).collect();
        rng.shuffle(&mut rows);
        for r in rows {
            fold[r] = next % k;
            next += 1;
        }
    }
    fold
}

#[cfg(test)]
mod tests {
    #[test]
    fn calibration_by_hand() {
        // Bin 0.9-1.0: confidences 0.95 and 0.95, one right -> gap 0.45.
        // Bin 0.6-0.7: 0.6, right -> gap 0.4. ECE = 2/3 * 0.45 + 1/3 * 0.4.
        let c = super::Calibration::compute(&[0.95, 0.6, 0.95, 1.0][..3], &[true, true, false]);
        assert_eq!(c.reliability.len(), 2);
        assert!(
            (c.ece - (2.0 / 3.0 * 0.45 + 0.4 / 3.0)).abs() < 1e-12,
            "{}",
            c.ece
        );
        assert_eq!(c.reliability[1].count, 2);
        assert!((c.reliability[1].accuracy - 0.5).abs() < 1e-12);
        // A confidence of exactly 1 falls in the last bin.
        let top = super::Calibration::compute(&[1.0], &[true]);
        assert_eq!((top.reliability[0].from, top.ece), (0.9, 0.0));
    }

    use super::*;

    #[test]
    fn metrics_match_hand_computed_values() {
        // truth:     a a a b b c
        // predicted: a a b b c c
        let labels = vec!["a".to_string(), "b".into(), "c".into()];
        let m = Metrics::compute(&labels, &[0, 0, 0, 1, 1, 2], &[0, 0, 1, 1, 2, 2]);
        assert!((m.accuracy - 4.0 / 6.0).abs() < 1e-12);
        // a: P 2/2 R 2/3 F1 0.8; b: P 1/2 R 1/2 F1 0.5; c: P 1/2 R 1 F1 2/3
        let f1: Vec<f64> = m.per_class.iter().map(|c| c.f1).collect();
        for (got, want) in f1.iter().zip([0.8, 0.5, 2.0 / 3.0]) {
            assert!((got - want).abs() < 1e-12, "{got} vs {want}");
        }
        assert!((m.macro_f1 - (0.8 + 0.5 + 2.0 / 3.0) / 3.0).abs() < 1e-12);
        assert_eq!(
            m.confusion,
            vec![vec![2, 1, 0], vec![0, 1, 1], vec![0, 0, 1]]
        );
        let json = m.to_json().unwrap();
        assert_eq!(json["per_class"]["b"]["support"], 2);
        assert_eq!(json["confusion"]["a"]["b"], 1);
    }

    #[test]
    fn a_class_never_predicted_has_zero_precision_not_nan() {
        let labels = vec!["a".to_string(), "b".into()];
        let m = Metrics::compute(&labels, &[0, 1], &[0, 0]);
        assert_eq!(m.per_class[1].precision, 0.0);
        assert_eq!(m.per_class[1].f1, 0.0);
    }

    #[test]
    fn folds_are_stratified_and_seeded() {
        let labels: Vec<usize> = (0..30).map(|i| i % 3).collect();
        let folds = stratified_folds(&labels, 3, 5, 7);
        for f in 0..5 {
            for c in 0..3 {
                let n = (0..30).filter(|&i| folds[i] == f && labels[i] == c).count();
                assert_eq!(n, 2, "fold {f} class {c}");
            }
        }
        assert_eq!(folds, stratified_folds(&labels, 3, 5, 7));
        assert_ne!(folds, stratified_folds(&labels, 3, 5, 8));
    }
}
