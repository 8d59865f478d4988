//! Membership in the word lists: the lists are hashed once, so asking
//! whether a word is in a list costs one hash look-up, whatever its length,
//! and asking whether a token is costs a bit test.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::*;

/// Does `list` contain `word`, ignoring ASCII case?
///
/// Attribution asks this several times for every word of every sentence,
/// mostly of long lists. So the lists below are hashed: every word in any of
/// them maps to the set of lists it is in, one bit per list, and a list finds
/// its bit by its address. A short list is scanned here all the same (as fast
/// as hashing the word); tokens carry their lists' bits from the start, so
/// for them the bit of a short list pays too ([`list_bit`]).
///
/// The length first: a short list is scanned before its address is looked
/// up in either tier (the second tier's lists are all longer), since rules
/// ask short lists of nearly every word ("wants", "wanted").
pub fn is_in(list: &[&str], word: &str) -> bool {
    let scan = || list.iter().any(|entry| entry.eq_ignore_ascii_case(word));
    if list.len() <= SCAN_UP_TO {
        return scan();
    }
    match list_bit(list) {
        Some(bit) => lists_of(word) & bit != 0,
        None => in_second_tier(list, word.as_bytes()).unwrap_or_else(scan),
    }
}

/// Is `word` in `list` (ignoring ASCII case), for a list of the second tier
/// ([`second_tier_lists`]); `None` for any other list, which the caller scans.
///
/// The lists of the first tier take every bit a token carries; the second
/// tier's are long lists some rule asks of nearly every word all the same
/// (whether a word is an [`ACT_VERBS`] verb is asked of every word that
/// starts no reporting verb), where a scan cost a tenth of extraction's
/// look-ups. One look-up in a table of their own answers instead.
#[inline]
fn in_second_tier(list: &[&str], word: &[u8]) -> Option<bool> {
    let tier = &memberships().second;
    let bit = tier.lists.bit(list)?;
    // Every entry of the tier fits the packed table: a longer word is none.
    Some(PackedWord::of_bytes(word).is_some_and(|packed| tier.words.get(packed) & bit != 0))
}

/// The bit of a second-tier list in what [`token_lists`] gives second;
/// `None` for any other list.
#[inline]
pub fn second_tier_bit(list: &[&str]) -> Option<u16> {
    // The tier's bits are those of its lists' positions: under 1 << 16.
    memberships().second.lists.bit(list).map(|bit| bit as u16)
}

/// What a token carries: the hashed lists that hold `word` ([`lists_of`]),
/// and the second-tier lists that do ([`second_tier_bit`]), from one look-up.
///
/// Rules ask a second-tier list of a token about as often as there are
/// tokens ([`in_second_tier`] was half of all look-ups, each a look-up of
/// its own in the tier's table); read once here, in the look-up every token
/// already makes, each such question is a bit test.
#[inline]
pub fn token_lists(word: &str) -> (u64, u16) {
    let memberships = memberships();
    match PackedWord::of(word) {
        Some(packed) if memberships.short.holds_all() => memberships.short.get(packed),
        Some(packed) => (
            lists_of_plain(&memberships.words, word),
            memberships.second.words.get(packed) as u16,
        ),
        // Every entry of the tier fits a packed word: a longer word is none.
        None => (lists_of_plain(&memberships.words, word), 0),
    }
}

/// The bit of a hashed list in [`lists_of`]; `None` for a list that is scanned.
#[inline]
pub fn list_bit(list: &[&str]) -> Option<u64> {
    memberships().lists.bit(list)
}

/// The hashed lists that hold `word` (ignoring ASCII case), one bit each.
#[inline]
pub fn lists_of(word: &str) -> u64 {
    let memberships = memberships();
    match PackedWord::of(word) {
        Some(packed) if memberships.short.holds_all() => memberships.short.get(packed).0,
        _ => lists_of_plain(&memberships.words, word),
    }
}

/// [`lists_of`] through the general map: for long words, and the plain path
/// the packed table is tested against.
fn lists_of_plain(words: &FxHashMap<Box<[u8]>, u64>, word: &str) -> u64 {
    const SHORT: usize = 32;
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

/// Lists this short are scanned by [`is_in`]: as fast as hashing the word.
const SCAN_UP_TO: usize = 8;

/// A list's address and length.
type ListKey = (usize, usize);

/// The hashed lists: each one's bit, and each word's lists.
struct Memberships {
    lists: ListBits,
    /// Word in ASCII lowercase -> the bits of the lists holding it.
    words: FxHashMap<Box<[u8]>, u64>,
    /// The same for words of up to 16 bytes, packed, beside the bits of the
    /// second-tier lists holding them: what tokens ask ([`token_lists`]).
    short: PackedTable<(u64, u16)>,
    /// The second tier's lists ([`in_second_tier`]).
    second: SecondTier,
}

/// Lists with bits of their own, apart from the ones tokens carry.
struct SecondTier {
    lists: ListBits,
    /// Word -> the bits of the second-tier lists holding it.
    words: PackedTable<u64>,
}

impl SecondTier {
    /// The tier, and its words with their bits.
    fn new() -> (Self, FxHashMap<Box<[u8]>, u64>) {
        // A list with an entry the packed table cannot hold is left out
        // (scanned), so that a word missing from the table is in no list.
        let (keys, words) = bits_of_lists(
            second_tier_lists()
                .into_iter()
                .filter(|list| list.iter().all(|e| e.len() <= PackedWord::MAX)),
        );
        let tier = SecondTier {
            lists: ListBits::new(keys),
            words: PackedTable::new(&words),
        };
        (tier, words)
    }
}

/// A word of up to 16 bytes in ASCII lowercase, packed into two numbers with
/// its length, so a look-up compares one key instead of two strings, and
/// lowercasing, hashing and comparing need no copy of the word. Two `u64`
/// rather than a `u128`: 8-byte alignment keeps a table entry at 32 bytes.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct PackedWord {
    low: u64,
    high: u64,
    len: u8,
}

impl PackedWord {
    const MAX: usize = 16;

    #[inline]
    fn of(word: &str) -> Option<PackedWord> {
        Self::of_bytes(word.as_bytes())
    }

    /// [`PackedWord::of`] of a word's bytes.
    #[inline]
    fn of_bytes(bytes: &[u8]) -> Option<PackedWord> {
        let len = bytes.len();
        if len > Self::MAX {
            return None;
        }
        // Byte `i` of the word is byte `i` of the numbers (little-endian),
        // read by two loads that may overlap (the bytes they share are the
        // same), all in registers: written to a buffer byte by byte and read
        // back whole, the read waited for the writes (a tenth of `lists_of`).
        let packed = if len >= 8 {
            u128::from(load8(&bytes[..8])) | u128::from(load8(&bytes[len - 8..])) << (8 * (len - 8))
        } else if len >= 4 {
            u128::from(load4(&bytes[..4]) | load4(&bytes[len - 4..]) << (8 * (len - 4)))
        } else {
            bytes
                .iter()
                .rev()
                .fold(0, |acc, &b| acc << 8 | u128::from(b))
        };
        Some(PackedWord {
            low: lowercase_ascii(packed as u64),
            high: lowercase_ascii((packed >> 64) as u64),
            len: len as u8,
        })
    }

    #[inline]
    fn hash(self) -> u64 {
        let folded = self.low ^ self.high.rotate_left(29);
        (folded ^ u64::from(self.len)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// Eight bytes as a little-endian number; `bytes` holds exactly eight.
#[inline]
fn load8(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    buf.copy_from_slice(bytes);
    u64::from_le_bytes(buf)
}

/// Four bytes as a little-endian number; `bytes` holds exactly four.
#[inline]
fn load4(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 4];
    buf.copy_from_slice(bytes);
    u64::from(u32::from_le_bytes(buf))
}

/// [`u8::to_ascii_lowercase`] of each of the eight bytes of `x` at once:
/// 0x20 added to every byte from `A` to `Z`, other bytes (non-ASCII ones
/// too) left as they are.
#[inline]
fn lowercase_ascii(x: u64) -> u64 {
    const ONES: u64 = u64::MAX / 0xff;
    const HIGH: u64 = ONES * 0x80;
    // Each byte's low seven bits, plus an offset that carries into the byte's
    // high bit exactly from `A` (resp. past `Z`) up; never out of the byte.
    let low7 = x & !HIGH;
    let from_a = low7 + ONES * (0x80 - u64::from(b'A'));
    let past_z = low7 + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = from_a & !past_z & !x & HIGH;
    x | (upper >> 2)
}

/// Packed word -> lists, by open addressing with linear probing over a
/// small index, the words themselves apart.
///
/// Every token asks, and most ask for a word in no list (names, content
/// words): a table of the entries themselves (48 bytes a slot, 800 kB) made
/// each of those a cache miss, a tenth of all scoring time. The index holds
/// four bytes a slot (32 kB, in the first-level cache): a 16-bit fingerprint
/// of the word's hash beside its entry's number, so a word in no list is
/// told apart without reading any entry, and only a matching fingerprint
/// reads one.
struct PackedTable<Bits> {
    /// 0: empty; else the fingerprint in the high half and the entry's
    /// number plus one in the low half.
    index: Vec<u32>,
    entries: Vec<(PackedWord, Bits)>,
    shift: u32,
}

impl<Bits: Copy + Default + PartialEq> PackedTable<Bits> {
    /// Most entries the index can number (its low half, 0 meaning empty).
    const MAX_ENTRIES: usize = u16::MAX as usize;

    /// The table of `words`; a word without bits (the default) gets no entry.
    fn new(words: &FxHashMap<Box<[u8]>, Bits>) -> Self {
        let mut entries: Vec<(PackedWord, Bits)> = words
            .iter()
            .filter(|(_, bits)| **bits != Bits::default())
            .filter_map(|(word, bits)| {
                let word = std::str::from_utf8(word).ok()?;
                Some((PackedWord::of(word)?, *bits))
            })
            .collect();
        // Words past what the index numbers are left to the general map:
        // a word without an entry here would answer "no list", so the
        // table then holds no word at all and `lists_of` asks the map.
        if entries.len() > Self::MAX_ENTRIES {
            entries.clear();
        }
        // At most three eighths full, so a miss ends within a slot or two.
        let size = (entries.len() * 8 / 3).next_power_of_two().max(16);
        let mut table = PackedTable {
            index: vec![0; size],
            entries,
            shift: 64 - size.trailing_zeros(),
        };
        for (n, &(word, _)) in table.entries.iter().enumerate() {
            let (mut at, fingerprint) = table.home(word);
            while table.index[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            table.index[at] = fingerprint | (n as u32 + 1);
        }
        table
    }

    /// Does the table hold every short word (see [`PackedTable::new`])?
    fn holds_all(&self) -> bool {
        !self.entries.is_empty()
    }

    /// The word's first slot, and its fingerprint in the high half of a slot.
    #[inline]
    fn home(&self, word: PackedWord) -> (usize, u32) {
        let hash = word.hash();
        ((hash >> self.shift) as usize, (hash as u32) & 0xffff_0000)
    }

    #[inline]
    fn get(&self, word: PackedWord) -> Bits {
        let mask = self.index.len() - 1;
        let (mut at, fingerprint) = self.home(word);
        loop {
            let slot = self.index[at];
            if slot == 0 {
                return Bits::default();
            }
            if slot & 0xffff_0000 == fingerprint {
                let (key, bits) = self.entries[(slot & 0xffff) as usize - 1];
                if key == word {
                    return bits;
                }
            }
            at = (at + 1) & mask;
        }
    }
}

/// List address -> bit, by a perfect hash: a multiplier chosen at start-up
/// under which no two lists share a slot, so a look-up is one multiply,
/// one load and one compare (a general hash map costs several times that,
/// and tokens ask it for every rule).
struct ListBits {
    multiplier: u64,
    /// Slot -> the list there and its bit; an empty slot holds a null
    /// address, which no list has. Key and bit side by side, so a look-up
    /// reads one slot and nothing else.
    slots: Box<[(ListKey, u64); ListBits::SLOTS]>,
    /// False if no multiplier separated the lists (never seen): then `keys`
    /// are scanned.
    perfect: bool,
    keys: Vec<ListKey>,
}

impl ListBits {
    const SLOT_BITS: u32 = 12;
    const SLOTS: usize = 1 << Self::SLOT_BITS;

    /// `keys` hold no duplicates; key `n` gets bit `n`.
    fn new(keys: Vec<ListKey>) -> Self {
        debug_assert!(keys.len() <= 64, "at most 64 hashed lists, one bit each");
        // A fixed sequence of odd multipliers (splitmix64), so start-up does
        // the same every run; with 64 keys in 4096 slots more than half work.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..10_000 {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            let multiplier = (z ^ (z >> 31)) | 1;
            let mut slots = Box::new([((0, 0), 0); Self::SLOTS]);
            let perfect = keys.iter().enumerate().all(|(n, &key)| {
                let slot = &mut slots[Self::slot(multiplier, key.0)];
                let free = slot.1 == 0;
                *slot = (key, 1 << n);
                free
            });
            if perfect {
                return ListBits {
                    multiplier,
                    slots,
                    perfect: true,
                    keys,
                };
            }
        }
        ListBits {
            multiplier: 0,
            slots: Box::new([((0, 0), 0); Self::SLOTS]),
            perfect: false,
            keys,
        }
    }

    #[inline]
    fn slot(multiplier: u64, address: usize) -> usize {
        ((address as u64).wrapping_mul(multiplier) >> (64 - Self::SLOT_BITS)) as usize
    }

    #[inline]
    fn bit(&self, list: &[&str]) -> Option<u64> {
        let key = (list.as_ptr() as usize, list.len());
        if self.perfect {
            let (at, bit) = self.slots[Self::slot(self.multiplier, key.0)];
            (at == key).then_some(bit)
        } else {
            let n = self.keys.iter().position(|k| *k == key)?;
            Some(1 << n)
        }
    }
}

#[inline]
fn memberships() -> &'static Memberships {
    static MEMBERSHIPS: OnceLock<Memberships> = OnceLock::new();
    MEMBERSHIPS.get_or_init(|| {
        let (keys, mut words) = bits_of_lists(hashed_lists());
        // The first words of the reporting verbs get the spare last bit, so
        // a token tells at once whether the verb index can know it.
        for &(form, _) in REPORTING_VERBS {
            let head = form.split(' ').next().unwrap_or(form);
            let lower = head.to_ascii_lowercase().into_bytes().into_boxed_slice();
            *words.entry(lower).or_default() |= VERB_HEADS;
        }
        let (second, second_words) = SecondTier::new();
        let mut both: FxHashMap<Box<[u8]>, (u64, u16)> = words
            .iter()
            .map(|(word, &bits)| (word.clone(), (bits, 0)))
            .collect();
        for (word, &bits) in &second_words {
            both.entry(word.clone()).or_default().1 |= bits as u16;
        }
        Memberships {
            lists: ListBits::new(keys),
            short: PackedTable::new(&both),
            words,
            second,
        }
    })
}

/// One bit per list, from the lowest up, and each word (in ASCII lowercase)
/// with the bits of the lists holding it. Two lists with the same entries
/// may share one address: they share one bit.
fn bits_of_lists(
    lists: impl IntoIterator<Item = &'static [&'static str]>,
) -> (Vec<ListKey>, FxHashMap<Box<[u8]>, u64>) {
    let mut keys: Vec<ListKey> = Vec::new();
    let mut words: FxHashMap<Box<[u8]>, u64> = FxHashMap::default();
    for list in lists {
        let key = (list.as_ptr() as usize, list.len());
        let n = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
            keys.push(key);
            keys.len() - 1
        });
        let bit = 1u64 << n;
        for entry in list {
            let lower = entry.to_ascii_lowercase().into_bytes().into_boxed_slice();
            *words.entry(lower).or_default() |= bit;
        }
    }
    (keys, words)
}

/// How many lists are hashed: one bit each in a `u64`.
const HASHED_LISTS: usize = 63;
const _: () = assert!(HASHED_LISTS <= 63, "at most 63 hashed lists, one bit each");

/// How many lists the second tier has: at most 16, one bit each in the
/// `u16` a token carries ([`token_lists`]).
const SECOND_TIER_LISTS: usize = 13;
const _: () = assert!(SECOND_TIER_LISTS <= 16, "at most 16 second-tier lists");

/// The bit of the words that start a [`REPORTING_VERBS`] form; no list's bit,
/// as the lists take the bits from the lowest up.
const VERB_HEADS: u64 = 1 << 63;

/// Do these [`lists_of`] bits say the word starts a reporting verb form, that
/// is, [`reporting_verb_forms_of`] the word is not empty?
#[inline]
pub fn starts_reporting_verb(lists: u64) -> bool {
    lists & VERB_HEADS != 0
}

/// The lists that are hashed: every `static` list of words, in their order in
/// the lexicon.
fn hashed_lists() -> [&'static [&'static str]; HASHED_LISTS] {
    [
        UNAMBIGUOUS_VERBS,
        ACT_PARTICLES,
        REPORTING_ADJECTIVES,
        COPULAS,
        GROUP_PREPOSITIONS,
        NAMED_BODY_PREPOSITIONS,
        POSTMODIFIER_PREPOSITIONS,
        ROLE_POSTMODIFIERS,
        PASSIVE_AUXILIARIES,
        IRREGULAR_PARTICIPLES,
        QUANTIFIERS,
        POSSESSIVE_DETERMINERS,
        INVERTING_VERBS,
        COMPANY_SUFFIXES,
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
        ANONYMITY_WORDS,
        OTHERS,
        NATIONALITIES,
        PRONOUNS,
        MALE_CUES,
        FEMALE_CUES,
        PRONOUN_CUES,
        AUTHOR_PREPOSITIONS,
        OUTLETS,
        SOURCES_NOT_SPEAKERS,
        INDEFINITE_DETERMINERS,
        DETERMINERS,
        NAME_PARTICLES,
        HYPHENATED_NAME_PARTICLES,
        ORG_NAME_HEADS,
        AIRLINE_NAME_HEADS,
        COMPANY_NOUNS,
        AIRLINE_NOUNS,
        COMPANY_REFERENCES,
        DESCRIPTOR_SUFFIXES,
        DESCRIPTORS,
        BETWEEN_SUBJECT_AND_VERB,
        DAYS,
        MONTHS,
        PARTS_OF_DAY,
        PERIODS,
        TIME_MODIFIERS,
        CLAUSE_JOINERS,
        COMITATIVES,
        LIST_NOUNS,
        NUMBER_WORDS,
        RELATIVE_SPEECH_OPENERS,
        CHARGE_NOUNS,
        CONNECTIVES,
        INTRO_WORDS,
        FUNCTION_WORDS,
        NOT_NAMES,
        MALE_NAMES,
        FEMALE_NAMES,
    ]
}

/// The long lists of the second tier ([`in_second_tier`]): `static` lists of
/// more than [`SCAN_UP_TO`] words outside [`hashed_lists`].
fn second_tier_lists() -> [&'static [&'static str]; SECOND_TIER_LISTS] {
    [
        ACT_VERBS,
        ACT_OBJECTS,
        NOUN_LIKE_VERBS,
        DEGREE_ADVERBS,
        THAT_VERBS,
        SPEECH_NOUNS,
        SPEECH_NOUNS_FOR_TO,
        GERUND_VERBS,
        VENUE_NOUNS,
        ISSUING_VERBS,
        PLACE_FEATURES,
        TRAILING_CLAUSE_OPENERS,
        OUTLET_NOUNS,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hashed_list_finds_its_own_bit() {
        let table = &memberships().lists;
        assert!(table.perfect, "a perfect multiplier was found");
        let mut seen = 0u64;
        for list in hashed_lists() {
            let bit = list_bit(list).expect("hashed");
            assert_eq!(bit.count_ones(), 1);
            seen |= bit;
        }
        assert_eq!(seen.count_ones() as usize, table.keys.len());
        // Without the table, the scan of the keys gives the same bits.
        let scanned = ListBits {
            multiplier: 0,
            slots: Box::new([((0, 0), 0); ListBits::SLOTS]),
            perfect: false,
            keys: table.keys.clone(),
        };
        for list in hashed_lists().into_iter().chain([REFUSALS]) {
            assert_eq!(scanned.bit(list), list_bit(list));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        /// The packed table answers as the general map, for words made of
        /// pieces of lexicon entries in any case, at every length around 16.
        #[test]
        fn packed_lists_are_the_plain_ones(
            picks in proptest::collection::vec((0..2000usize, proptest::bool::ANY), 1..4),
        ) {
            let entries: Vec<&str> = hashed_lists().into_iter().flatten().copied().collect();
            let mut word = String::new();
            for (i, upper) in picks {
                let entry = entries[i % entries.len()];
                if upper { word.push_str(&entry.to_uppercase()) } else { word.push_str(entry) }
            }
            let plain = |w: &str| lists_of_plain(&memberships().words, w);
            for cut in 0..=word.len() {
                if let Some(w) = word.get(..cut) {
                    proptest::prop_assert_eq!(lists_of(w), plain(w), "{:?}", w);
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// A word packed by loads is the word lowercased byte by byte.
        #[test]
        fn packing_is_bytewise_lowercasing(word in "[a-zA-Z0-9 .@\\[`{é’-]{0,17}") {
            let bytes = word.as_bytes();
            let packed = PackedWord::of(&word);
            proptest::prop_assert_eq!(packed.is_some(), bytes.len() <= PackedWord::MAX);
            if let Some(packed) = packed {
                let mut buf = [0u8; PackedWord::MAX];
                for (to, from) in buf.iter_mut().zip(bytes) {
                    *to = from.to_ascii_lowercase();
                }
                let want = u128::from_le_bytes(buf);
                proptest::prop_assert_eq!(packed.low, want as u64);
                proptest::prop_assert_eq!(packed.high, (want >> 64) as u64);
                proptest::prop_assert_eq!(usize::from(packed.len), bytes.len());
            }
        }
    }

    #[test]
    fn lowercasing_eight_bytes_is_lowercasing_each() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b, b'A', b'Z', b'@', b'[', 0xC3, b'z', b]);
            let mut want = x.to_le_bytes();
            want.make_ascii_lowercase();
            assert_eq!(lowercase_ascii(x), u64::from_le_bytes(want), "{b:#x}");
        }
    }

    /// Every short word of the lists is in the packed table with its bits,
    /// and the table's index stays small enough for the first-level cache.
    #[test]
    fn packed_table_holds_every_short_word() {
        let memberships = memberships();
        let table = &memberships.short;
        assert!(table.holds_all());
        assert!(table.index.len() * 4 <= 32 * 1024, "{}", table.index.len());
        let mut short = std::collections::HashSet::new();
        for (word, &bits) in &memberships.words {
            let word = std::str::from_utf8(word).unwrap();
            if let Some(packed) = PackedWord::of(word) {
                short.insert(word);
                assert_eq!(table.get(packed).0, bits, "{word:?}");
            }
        }
        // The second tier's words are in it too, with their tier's bits.
        let (tier, second_words) = SecondTier::new();
        for (word, &bits) in &second_words {
            let word = std::str::from_utf8(word).unwrap();
            let packed = PackedWord::of(word).expect("the tier's words are short");
            short.insert(word);
            assert_eq!(u64::from(table.get(packed).1), bits, "{word:?}");
            assert_eq!(tier.words.get(packed), bits, "{word:?}");
        }
        assert_eq!(short.len(), table.entries.len());
    }

    /// The verb-head bit is set exactly for the words the verb index knows,
    /// in any case.
    #[test]
    fn verb_head_bit_is_the_verb_index() {
        let mut words: Vec<String> = vec!["".into(), "x".repeat(40), "SAÏD".into()];
        for (form, _) in REPORTING_VERBS.iter().chain(&[("powers", R), ("jan", R)]) {
            for word in form.split(' ') {
                words.extend([
                    word.to_string(),
                    word.to_uppercase(),
                    format!("{word}s"),
                    word[1..].to_string(),
                ]);
            }
        }
        for list in hashed_lists() {
            words.extend(list.iter().map(|w| w.to_string()));
        }
        for word in &words {
            assert_eq!(
                starts_reporting_verb(lists_of(word)),
                !reporting_verb_forms_of(word).is_empty(),
                "{word:?}"
            );
        }
    }

    /// Every second-tier list is in the tier (none is left to the scan),
    /// none is also a first-tier list, and other lists are not in it.
    #[test]
    fn second_tier_holds_its_lists() {
        for list in second_tier_lists() {
            // `is_in` scans shorter lists without asking the tier.
            assert!(list.len() > SCAN_UP_TO);
            assert!(list_bit(list).is_none());
            assert!(in_second_tier(list, b"x").is_some());
            assert!(second_tier_bit(list).is_some());
        }
        assert!(in_second_tier(REFUSALS, b"refused").is_none());
        assert!(in_second_tier(FUNCTION_WORDS, b"the").is_none());
    }

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
        assert!(list_bit(PRONOUNS).is_some());
        // A `const` list has no one address: it is scanned.
        assert!(list_bit(REFUSALS).is_none());
        let mut probes: Vec<String> = ["", "FRANÇOIS", "françois", "François"]
            .map(String::from)
            .to_vec();
        probes.push("x".repeat(40));
        for list in hashed_lists().into_iter().chain(second_tier_lists()) {
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
        for list in hashed_lists()
            .into_iter()
            .chain(second_tier_lists())
            .chain([REFUSALS])
        {
            for probe in &probes {
                let want = scan(list, probe);
                assert_eq!(is_in(list, probe), want, "{probe:?}");
                // What a token of this word carries answers the same.
                let (first, second) = token_lists(probe);
                assert_eq!(first, lists_of(probe), "{probe:?}");
                if let Some(bit) = list_bit(list) {
                    assert_eq!(first & bit != 0, want, "{probe:?}");
                }
                if let Some(bit) = second_tier_bit(list) {
                    assert_eq!(second & bit != 0, want, "{probe:?}");
                }
            }
        }
    }
}
