//! Byte scans: the next byte of a small set, eight bytes at a time.
//!
//! Paragraphs, quotes and sentences each look for a few marks in the whole
//! article: ASCII bytes, and the lead bytes of the few other chars they know.
//! News text is nearly all plain ASCII between them, so a scan tests eight
//! bytes in a handful of word operations and looks at single bytes only in a
//! word that may hold one of the set (any non-ASCII byte, or a listed one).

/// A set of bytes to stop at: some ASCII bytes and some lead bytes of longer
/// chars.
pub struct StopBytes {
    ascii: &'static [u8],
    table: [bool; 256],
}

/// One in every byte of a word.
const ONES: u64 = u64::from_le_bytes([0x01; 8]);
/// The high bit of every byte of a word.
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);

impl StopBytes {
    /// The set of the `ascii` bytes (each below 0x80) and the `high` ones
    /// (each the lead byte of a longer char, 0xC2 and up).
    pub const fn new(ascii: &'static [u8], high: &[u8]) -> Self {
        let mut table = [false; 256];
        let mut i = 0;
        while i < ascii.len() {
            assert!(ascii[i] < 0x80, "an ASCII byte");
            table[ascii[i] as usize] = true;
            i += 1;
        }
        let mut i = 0;
        while i < high.len() {
            // A lead byte, never a continuation: an offset found starts a char.
            assert!(high[i] >= 0xC2, "a lead byte of a char from U+0080 up");
            table[high[i] as usize] = true;
            i += 1;
        }
        StopBytes { ascii, table }
    }

    /// Is `b` in the set?
    #[inline]
    pub fn contains(&self, b: u8) -> bool {
        self.table[usize::from(b)]
    }

    /// The first offset at or after `from` whose byte is in the set.
    #[inline]
    pub fn find(&self, bytes: &[u8], from: usize) -> Option<usize> {
        let mut at = from;
        while let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if self.may_hold(word)
                && let Some(k) = chunk.iter().position(|&b| self.contains(b))
            {
                return Some(at + k);
            }
            at += 8;
        }
        let rest = bytes.get(at..)?;
        rest.iter().position(|&b| self.contains(b)).map(|k| at + k)
    }

    /// Can `word` hold a byte of the set: a non-ASCII byte, or one equal to
    /// a listed ASCII byte? (A zero byte of `word ^ b` is one equal to `b`;
    /// the test for a zero byte never misses one, and a false alarm only
    /// costs the look at each byte.)
    #[inline]
    fn may_hold(&self, word: u64) -> bool {
        let mut hit = word & HIGH;
        for &b in self.ascii {
            let x = word ^ (ONES * u64::from(b));
            hit |= x.wrapping_sub(ONES) & !x & HIGH;
        }
        hit != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: StopBytes = StopBytes::new(b"\n\"'.", &[0xC2, 0xE2]);

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The scan finds what a test of every byte finds, from any start.
        #[test]
        fn finds_the_first_byte_of_the_set(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    b'a', b' ', b'\n', b'\r', b'"', b'\'', b'.', b'!', b'#', b'&', b'/', b'-',
                    0x09, 0x0a, 0x21, 0x26, 0x2d, 0x2f, 0x7f, 0x80, 0xA0, 0xC2, 0xC3, 0xE2,
                    0xE3, 0xFF, 0x00,
                ]),
                0..70,
            ),
            from in 0..72usize,
        ) {
            let want = (from..bytes.len()).find(|&i| SET.contains(bytes[i]));
            proptest::prop_assert_eq!(SET.find(&bytes, from), want);
        }
    }
}
