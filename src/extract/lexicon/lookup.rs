//! Membership in the word lists: the long lists are hashed once, so asking
//! whether a word is in a list costs one hash look-up, whatever its length.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::*;

/// Does `list` contain `word`, ignoring ASCII case?
///
/// Attribution asks this several times for every word of every sentence,
/// mostly of long lists. So the long lists below are hashed: every word in
/// any of them maps to the set of lists it is in, one bit per list, and a
/// list finds its bit by its address. Any other list is scanned.
pub fn is_in(list: &[&str], word: &str) -> bool {
    match list_bit(list) {
        Some(bit) => lists_of(word) & bit != 0,
        None => list.iter().any(|entry| entry.eq_ignore_ascii_case(word)),
    }
}

/// The bit of a hashed list in [`lists_of`]; `None` for a list that is scanned.
pub fn list_bit(list: &[&str]) -> Option<u64> {
    if list.len() <= SCAN_UP_TO {
        return None;
    }
    memberships()
        .bits
        .get(&(list.as_ptr() as usize, list.len()))
        .copied()
}

/// The hashed lists that hold `word` (ignoring ASCII case), one bit each.
pub fn lists_of(word: &str) -> u64 {
    const SHORT: usize = 32;
    let words = &memberships().words;
    if word.len() <= SHORT {
        let mut buf = [0u8; SHORT];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        words.get(&*lower).copied().unwrap_or(0)
    } else {
        let lower = word.to_ascii_lowercase();
        words.get(lower.as_bytes()).copied().unwrap_or(0)
    }
}

/// Lists this short are scanned: as fast as a hash and no bit to find.
const SCAN_UP_TO: usize = 8;

/// A list's address and length.
type ListKey = (usize, usize);

/// The hashed lists: each one's bit, and each word's lists.
struct Memberships {
    bits: FxHashMap<ListKey, u64>,
    /// Word in ASCII lowercase -> the bits of the lists holding it.
    words: FxHashMap<Box<[u8]>, u64>,
}

fn memberships() -> &'static Memberships {
    static MEMBERSHIPS: OnceLock<Memberships> = OnceLock::new();
    MEMBERSHIPS.get_or_init(|| {
        let mut bits = FxHashMap::default();
        let mut words: FxHashMap<Box<[u8]>, u64> = FxHashMap::default();
        let long = hashed_lists().into_iter().filter(|l| l.len() > SCAN_UP_TO);
        for (n, list) in long.enumerate() {
            let bit = 1u64 << n;
            bits.insert((list.as_ptr() as usize, list.len()), bit);
            for entry in list {
                let lower = entry.to_ascii_lowercase().into_bytes().into_boxed_slice();
                *words.entry(lower).or_default() |= bit;
            }
        }
        Memberships { bits, words }
    })
}

/// The lists that are hashed when longer than [`SCAN_UP_TO`]: at most 64.
fn hashed_lists() -> [&'static [&'static str]; 37] {
    [
        UNAMBIGUOUS_VERBS,
        REPORTING_ADJECTIVES,
        COPULAS,
        QUANTIFIERS,
        INVERTING_VERBS,
        ABBREVIATIONS,
        MONTH_ABBREVIATIONS,
        SENTENCE_STARTERS,
        TITLES,
        TITLE_OF_OBJECTS,
        ROLES,
        BODIES,
        GROUPS,
        SOURCE_NOUNS,
        SOURCE_QUALIFIERS,
        NATIONALITIES,
        MALE_CUES,
        FEMALE_CUES,
        OUTLETS,
        SOURCES_NOT_SPEAKERS,
        NAME_PARTICLES,
        ORG_NAME_HEADS,
        COMPANY_NOUNS,
        DESCRIPTOR_SUFFIXES,
        BETWEEN_SUBJECT_AND_VERB,
        DAYS,
        MONTHS,
        CLAUSE_JOINERS,
        LIST_NOUNS,
        NUMBER_WORDS,
        CHARGE_NOUNS,
        CONNECTIVES,
        INTRO_WORDS,
        FUNCTION_WORDS,
        NOT_NAMES,
        MALE_NAMES,
        FEMALE_NAMES,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_in_ignores_ascii_case() {
        assert!(is_in(BODIES, "Kremlin"));
        assert!(is_in(PRONOUNS, "He"));
        assert!(!is_in(PRONOUNS, "Hen"));
    }

    /// The hash sets answer as a scan of the list would, for every entry of
    /// every long list in three casings and for near misses.
    #[test]
    fn hashed_lists_answer_as_a_scan() {
        let scan = |list: &[&str], word: &str| list.iter().any(|e| e.eq_ignore_ascii_case(word));
        assert!(list_bit(FUNCTION_WORDS).is_some());
        assert!(list_bit(PRONOUNS).is_none());
        let mut probes: Vec<String> = ["", "FRANÇOIS", "françois", "François"]
            .map(String::from)
            .to_vec();
        probes.push("x".repeat(40));
        for list in hashed_lists() {
            for entry in list {
                let mut shorter = entry.chars();
                shorter.next_back();
                probes.extend([
                    entry.to_string(),
                    entry.to_uppercase(),
                    format!("{entry}s"),
                    shorter.as_str().to_string(),
                ]);
            }
        }
        for list in hashed_lists().into_iter().chain([PRONOUNS]) {
            for probe in &probes {
                assert_eq!(is_in(list, probe), scan(list, probe), "{probe:?}");
            }
        }
    }
}
