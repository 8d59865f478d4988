//! Line numbers for CSV input: the line an editor shows for a record or a
//! csv error, however many line breaks quoted fields hold.

use std::collections::VecDeque;
use std::io::Read;
use std::path::Path;

use crate::error::Error;

/// Counts line breaks as a csv reader pulls bytes through it, so that a
/// record's byte offset gives the line an editor shows. The csv crate's own
/// line count skips line breaks inside quoted fields (article texts and
/// multi-line statements are full of them). Its byte offsets count a UTF-8
/// byte-order mark, and in CRLF files a record starts at the `\n` that ends
/// the line before, so a line break at the offset itself belongs to the line
/// before. Only line breaks past the last asked offset are kept: memory stays
/// bounded as long as every record's line is asked for.
pub(crate) struct LineCounter<R> {
    inner: R,
    read: u64,
    ahead: VecDeque<u64>,
    behind: u64,
}

impl<R> LineCounter<R> {
    /// Wraps the reader a csv reader will read from.
    pub(crate) fn new(inner: R) -> Self {
        LineCounter {
            inner,
            read: 0,
            ahead: VecDeque::new(),
            behind: 0,
        }
    }

    /// The 1-based line of a record starting at `byte`; offsets must not
    /// decrease between calls.
    pub(crate) fn line_at(&mut self, byte: u64) -> u64 {
        while self.ahead.front().is_some_and(|&nl| nl <= byte) {
            self.ahead.pop_front();
            self.behind += 1;
        }
        self.behind + 1
    }

    /// The line of a csv position. Without a position (an I/O error), the
    /// line of the last record asked for: reading stopped there or after it.
    pub(crate) fn line_of(&mut self, position: Option<&csv::Position>) -> u64 {
        match position {
            Some(p) => self.line_at(p.byte()),
            None => self.behind + 1,
        }
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let start = self.read;
        self.ahead.extend(
            buf[..n]
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| start + i as u64),
        );
        self.read += n as u64;
        Ok(n)
    }
}

/// A csv reading error at its line: what every CSV reader of the crate reports.
pub(crate) fn error<R>(path: &Path, e: &csv::Error, lines: &mut LineCounter<R>) -> Error {
    let line = lines.line_of(e.position());
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("field {} is not valid UTF-8", err.field() + 1),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields, but the header has {expected_len}"),
        _ => e.to_string(),
    };
    Error::parse(path, line, message)
}
