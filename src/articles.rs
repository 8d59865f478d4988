//! Article inputs: `.txt` files, folders of them, stdin, and `.jsonl` / `.csv`
//! collections. Articles are read lazily, one at a time, so memory does not
//! grow with the size of a collection; a bad article is an `Err` item that
//! names it, and reading goes on with the next.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::corpus::{LineCounter, read_file};
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

/// One input as named on the command line, after folders are expanded.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A plain-text article; its id is the file stem.
    Text(PathBuf),
    /// One article on standard input, id `stdin`.
    Stdin,
    /// One JSON object per line with `id`, `text` and optional `date`, `source`, `title`.
    Jsonl(PathBuf),
    /// A CSV with a header, id and text columns, optional `date`, `source`, `title`.
    Csv(PathBuf),
}

impl Input {
    /// True for collections, which may carry dates and sources.
    pub fn is_collection(&self) -> bool {
        matches!(self, Input::Jsonl(_) | Input::Csv(_))
    }
}

/// Turns command-line paths into inputs: `-` is stdin, a folder gives its
/// `.txt`, `.jsonl` and `.csv` files (recursively, sorted by path), a file is
/// typed by its extension (anything but `.jsonl` / `.csv` is plain text).
/// Paths that do not exist are returned as errors, the rest still listed.
pub fn expand_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = walk(path, &mut files) {
                errors.push(e);
            }
            files.sort();
            inputs.extend(files.into_iter().map(classify_path));
        } else if path.exists() {
            inputs.push(classify_path(path.clone()));
        } else {
            errors.push(Error::io(
                path,
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            ));
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "jsonl" | "csv")
        ) {
            out.push(path);
        }
    }
    Ok(())
}

fn classify_path(path: PathBuf) -> Input {
    match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl") => Input::Jsonl(path),
        Some("csv") => Input::Csv(path),
        _ => Input::Text(path),
    }
}

/// Reads articles from inputs in order, lazily.
pub struct ArticleReader {
    inputs: VecDeque<Input>,
    columns: CollectionColumns,
    current: Option<Collection>,
}

enum Collection {
    Jsonl {
        path: PathBuf,
        lines: std::io::Lines<BufReader<std::fs::File>>,
        line: u64,
    },
    Csv {
        path: PathBuf,
        reader: Box<csv::Reader<LineCounter<std::fs::File>>>,
        text: usize,
        id: Option<usize>,
        date: Option<usize>,
        source: Option<usize>,
        title: Option<usize>,
        record: u64,
        failed: bool,
    },
}

impl ArticleReader {
    /// A reader over `inputs`.
    pub fn new(inputs: Vec<Input>, columns: CollectionColumns) -> Self {
        ArticleReader {
            inputs: inputs.into(),
            columns,
            current: None,
        }
    }

    fn open(&mut self, input: Input) -> Option<Result<Article>> {
        match input {
            Input::Text(path) => Some(read_text(&path)),
            Input::Stdin => {
                let mut bytes = Vec::new();
                if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                    return Some(Err(Error::io("<stdin>", e)));
                }
                Some(text_article(Path::new("<stdin>"), "stdin".into(), bytes))
            }
            Input::Jsonl(path) => match std::fs::File::open(&path) {
                Ok(f) => {
                    self.current = Some(Collection::Jsonl {
                        path,
                        lines: BufReader::new(f).lines(),
                        line: 0,
                    });
                    None
                }
                Err(e) => Some(Err(Error::io(&path, e))),
            },
            Input::Csv(path) => match open_csv(&path, &self.columns) {
                Ok(c) => {
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

fn read_text(path: &Path) -> Result<Article> {
    let bytes = read_file(path)?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    text_article(path, id, bytes)
}

fn text_article(path: &Path, id: String, mut bytes: Vec<u8>) -> Result<Article> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
        Error::csv(path, line as u64, format!("not valid UTF-8 (byte {at})"))
    })?;
    if let Some(at) = text.find('\0') {
        let line = 1 + text[..at].matches('\n').count();
        return Err(Error::csv(
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

fn open_csv(path: &Path, columns: &CollectionColumns) -> Result<Collection> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(LineCounter::new(file));
    let headers = reader
        .headers()
        .map_err(|e| Error::csv(path, 1, e.to_string()))?
        .clone();
    let find = |name: &str| headers.iter().position(|h| h.trim() == name);
    let text = find(&columns.text).ok_or_else(|| Error::MissingColumn {
        path: path.into(),
        column: columns.text.clone(),
        found: headers.iter().collect::<Vec<_>>().join(", "),
    })?;
    Ok(Collection::Csv {
        path: path.into(),
        text,
        id: find(&columns.id),
        date: find("date"),
        source: find("source"),
        title: find("title"),
        reader: Box::new(reader),
        record: 0,
        failed: false,
    })
}

fn next_in_collection(c: &mut Collection) -> Option<Result<Article>> {
    match c {
        Collection::Jsonl { path, lines, line } => loop {
            *line += 1;
            let raw = match lines.next()? {
                Ok(raw) => raw,
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                    return Some(Err(Error::csv(&*path, *line, "not valid UTF-8")));
                }
                Err(e) => return Some(Err(Error::io(&*path, e))),
            };
            if raw.trim().is_empty() {
                continue;
            }
            return Some(parse_jsonl_article(path, *line, &raw));
        },
        Collection::Csv {
            path,
            reader,
            text,
            id,
            date,
            source,
            title,
            record,
            failed,
        } => {
            if *failed {
                return None;
            }
            let mut rec = csv::StringRecord::new();
            *record += 1;
            match reader.read_record(&mut rec) {
                Ok(false) => None,
                Err(e) => {
                    let line = e
                        .position()
                        .map_or(0, |p| reader.get_mut().line_at(p.byte()));
                    let message = match e.kind() {
                        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_owned(),
                        _ => e.to_string(),
                    };
                    // A UTF-8 error consumed its record, so reading can go on;
                    // an I/O error would repeat, so this file ends here.
                    if e.is_io_error() {
                        *failed = true;
                    }
                    Some(Err(Error::csv(&*path, line, message)))
                }
                Ok(true) => {
                    // Asked for every record, so the counter keeps no backlog.
                    let line = rec
                        .position()
                        .map_or(0, |p| reader.get_mut().line_at(p.byte()));
                    let get = |i: &Option<usize>| {
                        i.and_then(|i| rec.get(i))
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(String::from)
                    };
                    let Some(body) = rec.get(*text).filter(|t| !t.trim().is_empty()) else {
                        return Some(Err(Error::csv(&*path, line, "empty article text")));
                    };
                    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                    Some(Ok(Article {
                        id: get(id).unwrap_or_else(|| format!("{stem}:{record}")),
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

fn parse_jsonl_article(path: &Path, line: u64, raw: &str) -> Result<Article> {
    let value: serde_json::Value = serde_json::from_str(raw)
        .map_err(|e| Error::csv(path, line, format!("not valid JSON: {e}")))?;
    let obj = value
        .as_object()
        .ok_or_else(|| Error::csv(path, line, "expected a JSON object per line"))?;
    Article::from_json(obj, path, line)
}

impl Article {
    /// The article a JSON object describes, read as a line of a `.jsonl`
    /// collection is: `text` a non-empty string; `id`, `date`, `source` and
    /// `title` strings (trimmed) or numbers, anything else counting as absent.
    /// `path` and `line` name the object in errors, and give the id of an
    /// article without one: `<file stem>:<line>`.
    pub fn from_json(
        obj: &serde_json::Map<String, serde_json::Value>,
        path: &Path,
        line: u64,
    ) -> Result<Article> {
        let field = |k: &str| -> Option<String> {
            match obj.get(k)? {
                serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        };
        let text = match obj.get("text") {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(serde_json::Value::String(_)) => {
                return Err(Error::csv(path, line, "empty article text"));
            }
            _ => return Err(Error::csv(path, line, "no \"text\" string field")),
        };
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        Ok(Article {
            id: field("id").unwrap_or_else(|| format!("{stem}:{line}")),
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
            Article::from_json(v.as_object().unwrap(), path, 4).map_err(|e| e.to_string())
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
        let (inputs, errors) = expand_inputs(&[d.to_path_buf(), d.join("missing.txt")]);
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
