//! Writing outputs safely: atomically (temp file in the same folder, then
//! rename), and with spreadsheet formulas neutralised in CSV cells.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` through a temporary file in the same folder that
/// is renamed into place, so readers never see a half-written file and a crash
/// leaves the previous version intact.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Checks, before long work, that [`write_atomic`] will be able to write
/// `path`: its folder exists and a file can be created there.
pub fn check_writable(path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(Error::io(
            path,
            std::io::Error::other("is a folder, expected a file name"),
        ));
    }
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Ok(()); // a device or FIFO, written to as it is
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("the folder {} does not exist", dir.display()),
            ),
        ));
    }
    tempfile::Builder::new()
        .prefix(".stance-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map(drop)
        .map_err(|e| Error::io(path, without_temp_path(e)))
}

/// Like [`write_atomic`], for output produced by a writer callback. If the
/// callback fails, the temporary file is removed and `path` is untouched.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    // A device or FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written
    // to, never replaced: renaming a regular file over `/dev/null` would
    // break the machine for everyone. Atomic replacement is for regular files.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        let mut w = std::io::BufWriter::new(file);
        fill(&mut w).map_err(|e| Error::io(path, e))?;
        return w.flush().map_err(|e| Error::io(path, e));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".stance-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(path, without_temp_path(e)))?;
    let _live = LiveTemp::new(tmp.path());
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut w).map_err(|e| Error::io(path, e))?;
        w.flush().map_err(|e| Error::io(path, e))?;
    }
    // tempfile creates files readable by the owner only; outputs are ordinary
    // files, so keep the old file's permissions or use the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| Error::io(path, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| Error::io(path, without_temp_path(e.error)))?;
    Ok(())
}

/// Temporary files being written now. A signal (Ctrl-C) ends the process
/// without running destructors, so the binary's handler removes these.
static LIVE_TEMPS: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Keeps a temporary file in [`LIVE_TEMPS`] while it lives.
struct LiveTemp(std::path::PathBuf);

impl LiveTemp {
    fn new(path: &Path) -> Self {
        if let Ok(mut live) = LIVE_TEMPS.lock() {
            live.push(path.to_path_buf());
        }
        LiveTemp(path.to_path_buf())
    }
}

impl Drop for LiveTemp {
    fn drop(&mut self) {
        if let Ok(mut live) = LIVE_TEMPS.lock() {
            live.retain(|p| p != &self.0);
        }
    }
}

/// Removes the temporary files of outputs being written: for a signal
/// handler that then ends the process, so that an interrupted run leaves
/// neither a half-written output nor a `.stance-*.tmp` file behind.
pub fn remove_temp_files() {
    // ctrlc runs handlers on their own thread, and writers hold the lock
    // only to add or drop a name, so waiting for it is safe.
    if let Ok(live) = LIVE_TEMPS.lock() {
        for path in live.iter() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// tempfile adds the temporary file's name to its errors ("... at path
/// /x/.stance-a1B2.tmp"); users name the output, not our temp file, so keep
/// only what the operating system said.
fn without_temp_path(e: std::io::Error) -> std::io::Error {
    if e.get_ref().is_none() {
        return e; // a bare OS error: no path attached
    }
    let kind = e.kind();
    let text = e.to_string();
    // tempfile's wrapper says "{error} at path {path:?}" and passes on only
    // the inner error's own source, so the words are all there is to cut.
    match text.rsplit_once(" at path ") {
        Some((said, path)) if path.contains(".stance-") => std::io::Error::new(kind, said),
        _ => e,
    }
}

/// Makes a CSV cell safe to open in a spreadsheet: a cell beginning with `=`,
/// `+`, `-`, `@`, a tab or a carriage return would be run as a formula, so it
/// gets a leading apostrophe (the OWASP "CSV injection" advice).
pub fn csv_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_kept() {
        for (cell, want) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("We are ready", "We are ready"),
            ("", ""),
        ] {
            assert_eq!(csv_safe(cell), want);
        }
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            html_escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    /// Pieces of CSV cells: the four bytes that need quotes, their
    /// neighbours, bytes with the high bit set, and plain words.
    const QUOTE_PIECES: &[&str] = &[
        "a", "said", " ", ",", "\"", "\n", "\r", "+", "-", "!", "#", "\x0b", "\x0c", "\x0e",
        "\x2d", "\x2b", "\x21", "\x23", "é", "“", "”", "\u{2c2c}", "\u{a2a}", "\u{d0d}",
    ];

    /// `push_fixed` against the standard formatter: `format!` is the plain path.
    fn assert_fixed(x: f64, decimals: u32) {
        let mut fast = Vec::new();
        push_fixed(&mut fast, x, decimals);
        let plain = format!("{x:.prec$}", prec = decimals as usize);
        assert_eq!(
            String::from_utf8(fast).unwrap(),
            plain,
            "{x:e} to {decimals}"
        );
    }

    #[test]
    fn fixed_decimals_match_format_on_ties_and_edges() {
        let mut xs = vec![
            0.0,
            -0.0,
            1.0,
            0.5,
            0.99995,
            0.999_949_999_999_999_9,
            0.000_05,
            0.000_049_999_999_999_999_99,
            1e-20,
            5e-324,
            999_999.999_95,
            1e6,
            1e300,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -0.25,
        ];
        // Exact ties at every precision: odd multiples of powers of two.
        for k in 1..=40 {
            for m in (1..200u64).step_by(2) {
                xs.push(m as f64 / (1u64 << k) as f64);
            }
        }
        for x in xs {
            for decimals in 0..=8 {
                assert_fixed(x, decimals);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

        #[test]
        fn fixed_decimals_match_format_for_probabilities(x in 0.0..=1.0f64, decimals in 0..=7u32) {
            assert_fixed(x, decimals);
        }

        #[test]
        fn fixed_decimals_match_format_for_any_bits(bits: u64, decimals in 0..=7u32) {
            assert_fixed(f64::from_bits(bits), decimals);
        }

        #[test]
        fn fixed_decimals_match_format_for_short_decimals(n in 0..20_000_000u64, decimals in 0..=7u32) {
            // Values written with few digits sit near ties after rounding.
            assert_fixed(n as f64 / 1e7, decimals);
            assert_fixed(n as f64 / 1e5 + 0.000_005, decimals);
        }

        #[test]
        fn cells_need_quotes_as_a_byte_scan_says(
            picks in proptest::collection::vec(0..QUOTE_PIECES.len(), 0..40),
        ) {
            let cell: String = picks.iter().map(|&i| QUOTE_PIECES[i]).collect();
            let want = cell.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
            proptest::prop_assert_eq!(needs_quotes(cell.as_bytes()), want);
        }

        #[test]
        fn uints_match_to_string(n: u64) {
            let mut fast = Vec::new();
            push_uint(&mut fast, n);
            proptest::prop_assert_eq!(String::from_utf8(fast).unwrap(), n.to_string());
        }

        #[test]
        fn csv_cells_match_the_plain_quoting(cell in "[a=+@\\-\t\r\n,\"' é]{0,12}") {
            let mut fast = Vec::new();
            push_csv_cell(&mut fast, &cell);
            proptest::prop_assert_eq!(
                String::from_utf8(fast).unwrap(),
                csv_field(&csv_safe(&cell))
            );
        }
    }

    #[test]
    fn failed_writes_leave_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"old").unwrap();
        let err = write_atomic_with(&path, |_| Err(std::io::Error::other("boom")));
        assert!(err.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temp file left behind");
    }
}

/// How rows of results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180 CSV with a header; formula-like cells neutralised.
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// Aligned columns for reading in a terminal (long text is shortened).
    Table,
}

/// One value in a result row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Str(String),
    /// A whole number.
    Int(u64),
    /// A probability or other real number (written with 4 decimals in CSV and tables).
    Num(f64),
    /// Nothing (an empty CSV cell, JSON null).
    Null,
}

/// A [`Cell`] that borrows its text: rows written straight from the values
/// they show, without a `String` per cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CellRef<'a> {
    /// Text.
    Str(&'a str),
    /// A whole number.
    Int(u64),
    /// A probability or other real number.
    Num(f64),
    /// Nothing.
    Null,
}

impl Cell {
    /// The cell, borrowed.
    pub fn view(&self) -> CellRef<'_> {
        match self {
            Cell::Str(s) => CellRef::Str(s),
            Cell::Int(n) => CellRef::Int(*n),
            Cell::Num(x) => CellRef::Num(*x),
            Cell::Null => CellRef::Null,
        }
    }
}

impl From<CellRef<'_>> for Cell {
    fn from(cell: CellRef<'_>) -> Cell {
        match cell {
            CellRef::Str(s) => Cell::Str(s.to_owned()),
            CellRef::Int(n) => Cell::Int(n),
            CellRef::Num(x) => Cell::Num(x),
            CellRef::Null => Cell::Null,
        }
    }
}

/// Streams rows with a fixed set of columns in one of the [`Format`]s.
pub struct RowWriter<'w> {
    format: Format,
    columns: Vec<String>,
    out: &'w mut dyn Write,
    widths: Vec<usize>,
    header_done: bool,
    /// The CSV line being built, kept between rows so a row costs no allocation.
    line: Vec<u8>,
}

impl<'w> RowWriter<'w> {
    /// A writer for `columns`; the header is written with the first row (or by `finish`).
    pub fn new(format: Format, columns: Vec<String>, out: &'w mut dyn Write) -> Self {
        let widths = columns
            .iter()
            .map(|c| match c.as_str() {
                "text" => 60,
                "article" | "speaker" | "id" => 24,
                "label" => 12,
                // direct, indirect, reported: never cut
                "kind" => 8,
                _ => c.chars().count().max(6),
            })
            .collect();
        RowWriter {
            format,
            columns,
            out,
            widths,
            header_done: false,
            line: Vec::new(),
        }
    }

    fn header(&mut self) -> std::io::Result<()> {
        if self.header_done {
            return Ok(());
        }
        self.header_done = true;
        match self.format {
            Format::Csv => {
                let line = self
                    .columns
                    .iter()
                    .map(|c| csv_field(c))
                    .collect::<Vec<_>>()
                    .join(",");
                writeln!(self.out, "{line}")
            }
            Format::Jsonl => Ok(()),
            Format::Table => {
                let cells: Vec<String> = self.columns.clone();
                self.table_line(&cells)
            }
        }
    }

    fn table_line(&mut self, cells: &[String]) -> std::io::Result<()> {
        let mut line = String::new();
        for (i, (cell, &w)) in cells.iter().zip(&self.widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let flat: String = cell
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            let n = flat.chars().count();
            if n > w {
                line.extend(flat.chars().take(w.saturating_sub(1)));
                line.push('…');
            } else if i + 1 == cells.len() {
                line.push_str(&flat);
            } else {
                line.push_str(&flat);
                line.extend(std::iter::repeat_n(' ', w - n));
            }
        }
        writeln!(self.out, "{}", line.trim_end())
    }

    /// Writes one row; `cells` must match the columns.
    pub fn row(&mut self, cells: &[Cell]) -> std::io::Result<()> {
        self.write_row(cells.iter().map(Cell::view))
    }

    /// [`RowWriter::row`] for borrowed cells.
    pub fn row_of(&mut self, cells: &[CellRef<'_>]) -> std::io::Result<()> {
        self.write_row(cells.iter().copied())
    }

    fn write_row<'c>(&mut self, cells: impl Iterator<Item = CellRef<'c>>) -> std::io::Result<()> {
        self.header()?;
        match self.format {
            Format::Csv => {
                let mut line = std::mem::take(&mut self.line);
                line.clear();
                for (i, cell) in cells.enumerate() {
                    if i > 0 {
                        line.push(b',');
                    }
                    match cell {
                        CellRef::Str(s) => push_csv_cell(&mut line, s),
                        CellRef::Int(n) => push_uint(&mut line, n),
                        CellRef::Num(x) => push_fixed(&mut line, x, 4),
                        CellRef::Null => {}
                    }
                }
                line.push(b'\n');
                let written = self.out.write_all(&line);
                self.line = line;
                written
            }
            Format::Jsonl => {
                let mut map = serde_json::Map::new();
                for (col, c) in self.columns.iter().zip(cells) {
                    let v = match c {
                        CellRef::Str(s) => serde_json::Value::from(s),
                        CellRef::Int(i) => i.into(),
                        CellRef::Num(x) => serde_json::Number::from_f64(x)
                            .map_or(serde_json::Value::Null, serde_json::Value::Number),
                        CellRef::Null => serde_json::Value::Null,
                    };
                    map.insert(col.clone(), v);
                }
                let line = serde_json::to_string(&map).map_err(std::io::Error::other)?;
                writeln!(self.out, "{line}")
            }
            Format::Table => {
                let cells: Vec<String> = cells
                    .map(|c| match c {
                        CellRef::Str(s) => s.to_owned(),
                        CellRef::Int(i) => i.to_string(),
                        CellRef::Num(x) => format!("{x:.3}"),
                        CellRef::Null => String::new(),
                    })
                    .collect();
                self.table_line(&cells)
            }
        }
    }

    /// Writes the header if no row was written, so an empty result is still a valid CSV.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}

/// Appends `csv_field(&csv_safe(cell))` to `out` without building either string.
fn push_csv_cell(out: &mut Vec<u8>, cell: &str) {
    let formula = matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    let quoted = needs_quotes(cell.as_bytes());
    if quoted {
        out.push(b'"');
    }
    if formula {
        out.push(b'\'');
    }
    if quoted {
        for (i, part) in cell.split('"').enumerate() {
            if i > 0 {
                out.extend_from_slice(b"\"\"");
            }
            out.extend_from_slice(part.as_bytes());
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(cell.as_bytes());
    }
}

/// Does `bytes` hold a comma, a double quote, a LF or a CR (a CSV cell that
/// must be quoted)?
///
/// Bytes, not chars: all four are ASCII, and a char pattern decodes every
/// char of the statement. Eight bytes at a time, each word tested for a byte
/// equal to any of the four at once, without a branch per byte: a test of
/// each byte that left at the first of the four mispredicted about every
/// other cell.
fn needs_quotes(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // Whether any byte of `word` is zero: exact for "any", though the bits
    // above the first zero byte may be wrong.
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGH;
    let has_special = |word: u64| {
        has_zero(word ^ (ONES * u64::from(b',')))
            | has_zero(word ^ (ONES * u64::from(b'"')))
            | has_zero(word ^ (ONES * u64::from(b'\n')))
            | has_zero(word ^ (ONES * u64::from(b'\r')))
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut seen = 0;
    for chunk in &mut chunks {
        seen |= has_special(u64::from_le_bytes(
            chunk.try_into().expect("chunks of eight"),
        ));
    }
    let mut last = [b' '; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    seen |= has_special(u64::from_le_bytes(last));
    seen != 0
}

/// Appends `n` in decimal, as `n.to_string()` writes it.
fn push_uint(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Appends `x` with `decimals` digits after the point, the same bytes as
/// `format!("{x:.decimals$}")`.
///
/// The standard formatter finds the digits with big-number arithmetic
/// (Grisu, then Dragon4), which is most of the cost of a row of
/// probabilities. For a non-negative `x` below a million the exact value
/// `mantissa * 2^exponent * 10^decimals` fits in a `u128`, so the rounded
/// digits come from one multiplication and a shift; ties go to the even
/// digit, as the standard formatter does. Anything else takes the standard path.
///
/// Inlined where it is called with a constant `decimals` (a row's four): the
/// power of ten is then a constant too, and the divisions by it and by ten
/// multiplications, where a call computed `10^decimals` in a loop and divided
/// by it twice (a division takes tens of cycles).
#[inline(always)]
fn push_fixed(out: &mut Vec<u8>, x: f64, decimals: u32) {
    const MAX_DECIMALS: u32 = 6;
    let bits = x.to_bits();
    let biased = (bits >> 52) & 0x7ff;
    // Below 2^-64 the shift would not fit; below a million the product does.
    let fast = decimals <= MAX_DECIMALS
        && bits >> 63 == 0
        && x < 1e6
        && (bits == 0 || biased >= 1023 - 64);
    if !fast {
        push_fixed_plainly(out, x, decimals);
        return;
    }
    let scale = 10u128.pow(decimals);
    let rounded = if bits == 0 {
        0
    } else {
        let mantissa = u128::from((bits & ((1 << 52) - 1)) | (1 << 52));
        // x = mantissa * 2^-shift, with 1 <= shift <= 116 here.
        let shift = 1075 - biased as u32;
        let scaled = mantissa * scale;
        let whole = scaled >> shift;
        let rest = scaled & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        if rest > half || (rest == half && whole & 1 == 1) {
            whole + 1
        } else {
            whole
        }
    };
    // Below 10^12: the rest is u64 arithmetic (a u128 division is a call).
    let (rounded, scale) = (rounded as u64, scale as u64);
    push_uint(out, rounded / scale);
    if decimals > 0 {
        out.push(b'.');
        let frac = rounded % scale;
        let mut digits = [b'0'; MAX_DECIMALS as usize];
        let digits = &mut digits[..decimals as usize];
        let mut rest = frac;
        for d in digits.iter_mut().rev() {
            *d = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        out.extend_from_slice(digits);
    }
}

/// [`push_fixed`] by the standard formatter: out of line, as it is rare
/// (negative, huge or tiny values, which probabilities never are).
#[cold]
#[inline(never)]
fn push_fixed_plainly(out: &mut Vec<u8>, x: f64, decimals: u32) {
    out.extend_from_slice(format!("{x:.prec$}", prec = decimals as usize).as_bytes());
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}
