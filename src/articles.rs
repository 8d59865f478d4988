//! Article inputs: `.txt` files, folders of them, stdin, and `.jsonl` / `.csv`
//! collections. Articles are read lazily, one at a time, so memory does not
//! grow with the size of a collection; a bad article is an `Err` item that
//! names it, and reading goes on with the next.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::csv_lines::LineCounter;
use crate::error::{Error, Result};

/// One article to score.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The article id: a file stem, or the collection's id field.
    pub id: String,
    /// The full text.
    pub text: String,
    /// Publication date, when the collection has one.
    pub date: Option<String>,
    /// Source (outlet), when the collection has one.
    pub source: Option<String>,
    /// Title, when the collection has one.
    pub title: Option<String>,
}

/// Column names for CSV collections.
#[derive(Debug, Clone)]
pub struct CollectionColumns {
    /// The text column.
    pub text: String,
    /// The id column.
    pub id: String,
}

impl Default for CollectionColumns {
    fn default() -> Self {
        CollectionColumns {
            text: "text".into(),
            id: "id".into(),
        }
    }
}

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One plain-text article per file.
    Txt,
    /// One JSON object per line with `id`, `text` and optional `date`, `source`, `title`.
    Jsonl,
    /// A CSV with a header, id and text columns, optional `date`, `source`, `title`.
    Csv,
}

impl InputFormat {
    /// The format a file name announces: `.txt`, `.jsonl` / `.ndjson`, `.csv`,
    /// in any case, with or without a `.gz` after it; `None` for anything else.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = Path::new(name).extension()?.to_str()?;
        match ext {
            "txt" => Some(InputFormat::Txt),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            "csv" => Some(InputFormat::Csv),
            _ => None,
        }
    }
}

/// One input as named on the command line, after folders are expanded.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The file, or `-` for standard input.
    pub path: PathBuf,
    /// How it is read.
    pub format: InputFormat,
    /// A name unique among the inputs: the id of a plain-text article, and the
    /// prefix of ids for collection rows without one. The file stem, or when
    /// stems clash the path relative to the folder named on the command line.
    pub name: String,
}

impl Input {
    /// True for collections, which may carry dates and sources.
    pub fn is_collection(&self) -> bool {
        self.format != InputFormat::Txt
    }

    fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }
}

/// Turns command-line paths into inputs: `-` is stdin, a folder gives its
/// `.txt`, `.jsonl`, `.ndjson` and `.csv` files (also gzipped, any case;
/// recursively, sorted by path), a file is read as `format` or else as its
/// extension says (plain text when it says nothing known). Paths that do not
/// exist are returned as errors, the rest still listed.
pub fn expand_inputs(paths: &[PathBuf], format: Option<InputFormat>) -> (Vec<Input>, Vec<Error>) {
    // (path, the folder it was found in, when it was)
    let mut found: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            found.push((path.clone(), None));
        } else if path.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = walk(path, &mut files) {
                errors.push(e);
            }
            files.sort();
            found.extend(files.into_iter().map(|f| (f, Some(path.clone()))));
        } else if path.exists() {
            found.push((path.clone(), None));
        } else {
            errors.push(Error::io(
                path,
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            ));
        }
    }
    let names = unique_names(&found);
    let inputs = found
        .into_iter()
        .zip(names)
        .map(|((path, _), name)| Input {
            format: format
                .or_else(|| InputFormat::from_path(&path))
                .or_else(|| (path.as_os_str() == "-").then(sniff_stdin))
                .unwrap_or(InputFormat::Txt),
            path,
            name,
        })
        .collect();
    (inputs, errors)
}

/// The format of stdin when none is given: `cat news.jsonl | stance score -`
/// means the collection, not one article made of JSON, and an article does
/// not start with `{`. Looks at what stdin has buffered (decompressed, when
/// gzipped) without consuming it: later reads see the same bytes.
fn sniff_stdin() -> InputFormat {
    let mut stdin = std::io::stdin().lock();
    let Ok(head) = stdin.fill_buf() else {
        return InputFormat::Txt;
    };
    let mut plain = [0u8; 256];
    let head: &[u8] = if head.starts_with(&[0x1f, 0x8b]) {
        let mut gz = flate2::read::MultiGzDecoder::new(head);
        let mut n = 0;
        while n < plain.len() {
            match gz.read(&mut plain[n..]) {
                Ok(0) | Err(_) => break,
                Ok(k) => n += k,
            }
        }
        &plain[..n]
    } else {
        head
    };
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => InputFormat::Jsonl,
        _ => InputFormat::Txt,
    }
}

/// File stems, unless two inputs share one: then the path relative to the
/// folder it was found in (or as given), and a `#2`, `#3` on a path given twice.
fn unique_names(found: &[(PathBuf, Option<PathBuf>)]) -> Vec<String> {
    fn strip(path: &Path) -> String {
        let mut s = path.to_string_lossy().into_owned();
        let lower = s.to_lowercase();
        let mut cut = lower.strip_suffix(".gz").map_or(s.len(), str::len);
        if let Some(dot) = lower[..cut].rfind('.')
            && !lower[dot..cut].contains(['/', '\\'])
            && dot > 0
        {
            cut = dot;
        }
        s.truncate(cut);
        s
    }
    let count = |names: &[String], n: &String| names.iter().filter(|m| *m == n).count();
    let stems: Vec<String> = found
        .iter()
        .map(|(p, _)| {
            if p.as_os_str() == "-" {
                "stdin".to_owned()
            } else {
                strip(Path::new(p.file_name().unwrap_or(p.as_os_str())))
            }
        })
        .collect();
    let relative: Vec<String> = found
        .iter()
        .zip(&stems)
        .map(|((p, root), stem)| {
            if count(&stems, stem) < 2 {
                return stem.clone();
            }
            match root.as_ref().and_then(|r| p.strip_prefix(r).ok()) {
                Some(rel) => strip(rel),
                None => stem.clone(),
            }
        })
        .collect();
    let full: Vec<String> = found
        .iter()
        .zip(&relative)
        .map(|((p, _), rel)| {
            if count(&relative, rel) < 2 || p.as_os_str() == "-" {
                rel.clone()
            } else {
                strip(p)
            }
        })
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(full.len());
    for (i, name) in full.iter().enumerate() {
        let seen = full[..i].iter().filter(|m| *m == name).count();
        out.push(if seen == 0 {
            name.clone()
        } else {
            format!("{name}#{}", seen + 1)
        });
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if InputFormat::from_path(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

/// The total size of `inputs` in bytes, as stored (compressed, for gzipped
/// files); `None` when one is stdin, whose size is not known in advance.
pub fn total_bytes(inputs: &[Input]) -> Option<u64> {
    inputs
        .iter()
        .map(|i| {
            if i.is_stdin() {
                None
            } else {
                std::fs::metadata(&i.path).ok().map(|m| m.len())
            }
        })
        .sum()
}

/// Counts the bytes read through it into a shared counter (for progress).
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Opens a file (or stdin for `-`), decompressing gzip when its first bytes
/// are the gzip magic number, whatever the file is called.
fn open_input(path: &Path, count: &Arc<AtomicU64>) -> Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        if path.is_dir() {
            return Err(Error::io(
                path,
                std::io::Error::other("is a directory, expected a file"),
            ));
        }
        Box::new(std::fs::File::open(path).map_err(|e| Error::io(display(path), e))?)
    };
    let raw = Counting {
        inner: raw,
        count: Arc::clone(count),
    };
    let mut reader = BufReader::with_capacity(64 * 1024, raw);
    let head = reader.fill_buf().map_err(|e| Error::io(display(path), e))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(BufReader::with_capacity(
            64 * 1024,
            flate2::bufread::MultiGzDecoder::new(reader),
        )))
    } else {
        Ok(Box::new(reader))
    }
}

/// The name of an input in messages.
fn display(path: &Path) -> &Path {
    if path.as_os_str() == "-" {
        Path::new("<stdin>")
    } else {
        path
    }
}

/// Reads articles from inputs in order, lazily.
pub struct ArticleReader {
    inputs: VecDeque<Input>,
    columns: CollectionColumns,
    current: Option<Collection>,
    lossy: bool,
    bytes_read: Arc<AtomicU64>,
}

enum Collection {
    Jsonl {
        path: PathBuf,
        name: String,
        lines: std::io::Split<Box<dyn BufRead + Send>>,
        line: u64,
        lossy: bool,
    },
    Csv {
        path: PathBuf,
        name: String,
        reader: Box<csv::Reader<LineCounter<Box<dyn BufRead + Send>>>>,
        text: usize,
        id: Option<usize>,
        date: Option<usize>,
        source: Option<usize>,
        title: Option<usize>,
        record: u64,
        failed: bool,
        lossy: bool,
    },
}

impl ArticleReader {
    /// A reader over `inputs`.
    pub fn new(inputs: Vec<Input>, columns: CollectionColumns) -> Self {
        ArticleReader {
            inputs: inputs.into(),
            columns,
            current: None,
            lossy: false,
            bytes_read: Arc::default(),
        }
    }

    /// A counter of the bytes read so far (as stored, before any gzip
    /// decompression), for progress bars: it compares with [`total_bytes`].
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes_read)
    }

    /// Reads invalid UTF-8 with replacement characters (U+FFFD) instead of
    /// skipping the article.
    pub fn lossy(mut self, lossy: bool) -> Self {
        self.lossy = lossy;
        self
    }

    fn open(&mut self, input: Input) -> Option<Result<Article>> {
        let path = display(&input.path).to_path_buf();
        let reader = match open_input(&input.path, &self.bytes_read) {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        match input.format {
            InputFormat::Txt => {
                let mut bytes = Vec::new();
                let mut reader = reader;
                if let Err(e) = reader.read_to_end(&mut bytes) {
                    return Some(Err(Error::io(&path, e)));
                }
                let id = if input.is_stdin() {
                    "stdin".to_owned()
                } else {
                    input.name
                };
                Some(text_article(&path, id, bytes, self.lossy))
            }
            InputFormat::Jsonl => {
                self.current = Some(Collection::Jsonl {
                    path,
                    name: input.name,
                    lines: reader.split(b'\n'),
                    line: 0,
                    lossy: self.lossy,
                });
                None
            }
            InputFormat::Csv => match open_csv(&path, input.name, reader, &self.columns) {
                Ok(mut c) => {
                    if let Collection::Csv { lossy, .. } = &mut c {
                        *lossy = self.lossy;
                    }
                    self.current = Some(c);
                    None
                }
                Err(e) => Some(Err(e)),
            },
        }
    }
}

impl Iterator for ArticleReader {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(collection) = self.current.as_mut() {
                match next_in_collection(collection) {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let input = self.inputs.pop_front()?;
            if let Some(item) = self.open(input) {
                return Some(item);
            }
        }
    }
}

fn text_article(path: &Path, id: String, mut bytes: Vec<u8>, lossy: bool) -> Result<Article> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
            return Err(Error::parse(
                path,
                line as u64,
                format!("not valid UTF-8 (byte {at}; --lossy reads it anyway)"),
            ));
        }
    };
    if let Some(at) = text.find('\0') {
        let line = 1 + text[..at].matches('\n').count();
        return Err(Error::parse(
            path,
            line as u64,
            "contains a NUL byte: is this a binary file?",
        ));
    }
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.into(),
            message: "the article is empty".into(),
        });
    }
    Ok(Article {
        id,
        text,
        date: None,
        source: None,
        title: None,
    })
}

fn open_csv(
    path: &Path,
    name: String,
    input: Box<dyn BufRead + Send>,
    columns: &CollectionColumns,
) -> Result<Collection> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(LineCounter::new(input));
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => return Err(crate::csv_lines::error(path, &e, reader.get_mut())),
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        // The same words as `train` and `evaluate` use for an empty CSV.
        return Err(Error::Empty {
            path: path.into(),
            message: "the file is empty (expected a CSV header and rows)".into(),
        });
    }
    let find = |name: &str| headers.iter().position(|h| h.trim() == name);
    let missing = |column: &str| Error::MissingColumn {
        path: path.into(),
        column: column.to_owned(),
        found: headers.iter().collect::<Vec<_>>().join(", "),
    };
    let text = find(&columns.text).ok_or_else(|| missing(&columns.text))?;
    // Without an `id` column rows get numbered ids; a column asked for by
    // name must be there.
    let id = find(&columns.id);
    if id.is_none() && columns.id != CollectionColumns::default().id {
        return Err(missing(&columns.id));
    }
    Ok(Collection::Csv {
        path: path.into(),
        name,
        text,
        id,
        date: find("date"),
        source: find("source"),
        title: find("title"),
        reader: Box::new(reader),
        record: 0,
        failed: false,
        lossy: false,
    })
}

fn next_in_collection(c: &mut Collection) -> Option<Result<Article>> {
    match c {
        Collection::Jsonl {
            path,
            name,
            lines,
            line,
            lossy,
        } => loop {
            *line += 1;
            let mut raw = match lines.next()? {
                Ok(raw) => raw,
                Err(e) => return Some(Err(Error::io(&*path, e))),
            };
            if raw.last() == Some(&b'\r') {
                raw.pop();
            }
            if *line == 1 && raw.starts_with(b"\xEF\xBB\xBF") {
                raw.drain(..3);
            }
            let raw = match String::from_utf8(raw) {
                Ok(raw) => raw,
                Err(e) if *lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Err(_) => {
                    return Some(Err(Error::parse(
                        &*path,
                        *line,
                        "not valid UTF-8 (--lossy reads it anyway)",
                    )));
                }
            };
            if raw.trim().is_empty() {
                continue;
            }
            return Some(parse_jsonl_article(path, name, *line, &raw));
        },
        Collection::Csv {
            path,
            name,
            reader,
            text,
            id,
            date,
            source,
            title,
            record,
            failed,
            lossy,
        } => {
            if *failed {
                return None;
            }
            let mut raw = csv::ByteRecord::new();
            *record += 1;
            let read = match reader.read_byte_record(&mut raw) {
                Ok(false) => Ok(None),
                Ok(true) if *lossy => Ok(Some(csv::StringRecord::from_byte_record_lossy(raw))),
                Ok(true) => match csv::StringRecord::from_byte_record(raw) {
                    Ok(rec) => Ok(Some(rec)),
                    Err(e) => {
                        let line = reader.get_mut().line_of(e.into_byte_record().position());
                        return Some(Err(Error::parse(
                            &*path,
                            line,
                            "not valid UTF-8 (--lossy reads it anyway)",
                        )));
                    }
                },
                Err(e) => Err(e),
            };
            match read {
                Ok(None) => None,
                Err(e) => {
                    // A UTF-8 error consumed its record, so reading can go on;
                    // an I/O error would repeat, so this file ends here.
                    if e.is_io_error() {
                        *failed = true;
                    }
                    Some(Err(match e.kind() {
                        csv::ErrorKind::Utf8 { .. } => Error::parse(
                            &*path,
                            reader.get_mut().line_of(e.position()),
                            "not valid UTF-8 (--lossy reads it anyway)",
                        ),
                        _ => crate::csv_lines::error(path, &e, reader.get_mut()),
                    }))
                }
                Ok(Some(rec)) => {
                    // Asked for every record, so the counter keeps no backlog.
                    let line = reader.get_mut().line_of(rec.position());
                    let get = |i: &Option<usize>| {
                        i.and_then(|i| rec.get(i))
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(String::from)
                    };
                    let Some(body) = rec.get(*text).filter(|t| !t.trim().is_empty()) else {
                        return Some(Err(Error::parse(&*path, line, "empty article text")));
                    };
                    Some(Ok(Article {
                        id: get(id).unwrap_or_else(|| format!("{name}:{record}")),
                        text: body.to_owned(),
                        date: get(date),
                        source: get(source),
                        title: get(title),
                    }))
                }
            }
        }
    }
}

fn parse_jsonl_article(path: &Path, name: &str, line: u64, raw: &str) -> Result<Article> {
    Article::from_json(&crate::jsonl::object(path, line, raw)?, path, name, line)
}

impl Article {
    /// The article a JSON object describes, read as a line of a `.jsonl`
    /// collection is: `text` a non-empty string; `id`, `date`, `source` and
    /// `title` strings (trimmed) or numbers, anything else counting as absent.
    /// `path` and `line` name the object in errors; an article without an
    /// id gets `<name>:<line>`.
    pub fn from_json(
        obj: &serde_json::Map<String, serde_json::Value>,
        path: &Path,
        name: &str,
        line: u64,
    ) -> Result<Article> {
        // Metadata of another type counts as absent: an article is not refused for it.
        let field = |k: &str| -> Option<String> {
            let value = crate::jsonl::text_field(obj, k).ok().flatten()?;
            let value = value.trim();
            (!value.is_empty()).then(|| value.to_owned())
        };
        let text = match obj.get("text") {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(serde_json::Value::String(_)) => {
                return Err(Error::parse(path, line, "empty article text"));
            }
            _ => return Err(Error::parse(path, line, "no \"text\" string field")),
        };
        Ok(Article {
            id: field("id").unwrap_or_else(|| format!("{name}:{line}")),
            text,
            date: field("date"),
            source: field("source"),
            title: field("title"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_objects_are_read_as_jsonl_lines_are() {
        let path = Path::new("<articles>");
        let read = |v: serde_json::Value| {
            Article::from_json(v.as_object().unwrap(), path, "<articles>", 4)
                .map_err(|e| e.to_string())
        };
        let a = read(serde_json::json!({
            "id": 17, "text": " Ana said \u{201C}yes\u{201D}. ", "date": " 2026-11-03 ",
            "source": "", "title": true,
        }))
        .unwrap();
        assert_eq!(a.id, "17");
        assert_eq!(a.text, " Ana said \u{201C}yes\u{201D}. ");
        assert_eq!(a.date.as_deref(), Some("2026-11-03"));
        assert_eq!((a.source, a.title), (None, None));
        assert_eq!(
            read(serde_json::json!({"text": "x"})).unwrap().id,
            "<articles>:4"
        );
        assert_eq!(
            read(serde_json::json!({"id": "a", "text": "  "})).unwrap_err(),
            "<articles> line 4: empty article text"
        );
        assert_eq!(
            read(serde_json::json!({"id": "a", "text": 3})).unwrap_err(),
            "<articles> line 4: no \"text\" string field"
        );
    }

    #[test]
    fn reads_every_kind_of_input_and_reports_bad_articles() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.txt"), "He said \u{201C}yes\u{201D}.").unwrap();
        std::fs::write(d.join("b.txt"), b"bad \xff").unwrap();
        std::fs::write(d.join("c.txt"), "  \n").unwrap();
        std::fs::write(
            d.join("d.jsonl"),
            "{\"id\": 7, \"text\": \"x\", \"date\": \"2026-01-02\"}\n\nnot json\n{\"text\": \"y\"}\n",
        )
        .unwrap();
        std::fs::write(
            d.join("e.csv"),
            "id,text,source\nk1,\"t,\nu\",Herald\nk2,,x\n",
        )
        .unwrap();
        let (inputs, errors) = expand_inputs(&[d.to_path_buf(), d.join("missing.txt")], None);
        assert_eq!(errors.len(), 1);
        assert_eq!(inputs.len(), 5);
        let items: Vec<std::result::Result<Article, String>> =
            ArticleReader::new(inputs, CollectionColumns::default())
                .map(|r| r.map_err(|e| e.to_string()))
                .collect();
        let ok: Vec<&Article> = items.iter().filter_map(|r| r.as_ref().ok()).collect();
        let ids: Vec<&str> = ok.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "7", "d:4", "k1"]);
        assert_eq!(ok[1].date.as_deref(), Some("2026-01-02"));
        assert_eq!(ok[3].source.as_deref(), Some("Herald"));
        let errs: Vec<&String> = items.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(errs.len(), 4, "{errs:?}");
        assert!(errs[0].contains("b.txt line 1: not valid UTF-8"));
        assert!(errs[1].contains("c.txt: the article is empty"));
        assert!(errs[2].contains("d.jsonl line 3: not valid JSON"));
        assert!(
            errs[3].contains("e.csv line 4: empty article text"),
            "{}",
            errs[3]
        );
    }
}
