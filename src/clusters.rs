//! Word clusters: what a pretrained model knows of the meaning of words the
//! training corpus never used.
//!
//! `data/clusters.tsv` (built by `data/tools/clusters.py`) gives about
//! 25,000 English words the cluster their all-MiniLM-L6-v2 embedding falls
//! in, for k-means with k = 256 and k = 1024. With
//! [`crate::features::FeatureParams::clusters`] a word adds its cluster as a
//! feature (`K:17`, marked with the scopes as valence buckets are), so a word
//! the corpus never saw weighs by the corpus words that share its cluster.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::corpus::sha256_hex;

/// The table as built in: `word<TAB>cluster of 256<TAB>cluster of 1024`.
const TABLE: &str = include_str!("../data/clusters.tsv");

/// The cluster counts the table holds, one column each.
pub const KS: [u32; 2] = [256, 1024];

/// Word -> its cluster per column of [`KS`].
fn table() -> &'static FxHashMap<&'static str, [u16; 2]> {
    static MAP: OnceLock<FxHashMap<&'static str, [u16; 2]>> = OnceLock::new();
    MAP.get_or_init(|| {
        TABLE
            .lines()
            .filter_map(|line| {
                let mut cells = line.split('\t');
                let word = cells.next()?;
                let small = cells.next()?.parse().ok()?;
                let large = cells.next()?.parse().ok()?;
                Some((word, [small, large]))
            })
            .collect()
    })
}

/// The cluster of one lowercase word among `k` ([`KS`]), if the table has
/// the word and the count.
///
/// ```
/// assert!(stance::clusters::of("ultimatum", 256).is_some());
/// assert_eq!(stance::clusters::of("ultimatum", 300), None);
/// assert_eq!(stance::clusters::of("zzqx", 256), None);
/// ```
pub fn of(word: &str, k: u32) -> Option<u16> {
    let column = KS.iter().position(|&c| c == k)?;
    table().get(word).map(|c| c[column])
}

/// Number of words in the table.
pub fn len() -> usize {
    table().len()
}

/// The first 16 hex digits of the table's SHA-256: stored in a model that
/// uses clusters, so a build with another table refuses it instead of
/// scoring it with clusters it was not trained on.
pub fn digest() -> &'static str {
    static DIGEST: OnceLock<String> = OnceLock::new();
    DIGEST.get_or_init(|| sha256_hex(TABLE.as_bytes())[..16].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_tens_of_thousands_of_words_in_every_cluster() {
        assert!(len() > 20_000, "{}", len());
        for (column, &k) in KS.iter().enumerate() {
            let mut seen = vec![false; k as usize];
            for c in table().values() {
                seen[usize::from(c[column])] = true;
            }
            assert!(seen.iter().all(|&s| s), "k = {k}: an empty cluster");
        }
        assert_eq!(digest().len(), 16);
    }

    #[test]
    fn words_of_one_meaning_share_clusters_more_than_unrelated_ones() {
        // Near synonyms fall together at 256 clusters at least; unrelated
        // words apart.
        let same = |a: &str, b: &str| of(a, 256).is_some() && of(a, 256) == of(b, 256);
        assert!(same("threaten", "threatened") || same("threat", "threats"));
        assert!(!same("ceasefire", "banana"));
    }
}
