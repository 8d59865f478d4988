//! Labelled CSV rows in, with file:line errors. The file is read whole (its
//! bytes are also hashed into the model's metadata), then parsed with the csv
//! crate as byte records so that invalid UTF-8 is reported with its line.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::csv_lines::LineCounter;
use crate::error::{Error, Result};

/// One labelled statement.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledStatement {
    /// The statement text.
    pub text: String,
    /// Its label, as written in the file.
    pub label: String,
    /// The 1-based line where its record starts.
    pub line: u64,
}

/// Which columns hold what.
#[derive(Debug, Clone)]
pub struct Columns {
    /// Column with the statement text.
    pub text: String,
    /// Column with the label; `None` when reading unlabelled statements.
    pub label: Option<String>,
    /// Optional column with a row id, carried through to outputs.
    pub id: Option<String>,
}

/// A parsed CSV of statements, with the path and the hash of its bytes.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Where it came from.
    pub path: PathBuf,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// The rows, in file order.
    pub examples: Vec<LabelledStatement>,
    /// Row ids, when an id column was asked for and present.
    pub ids: Option<Vec<String>>,
}

/// Hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads a file whole, naming it in the error.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>> {
    if path.is_dir() {
        return Err(Error::io(
            path,
            std::io::Error::other("is a directory, expected a file"),
        ));
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// Reads a labelled (or, with `columns.label = None`, unlabelled) CSV.
///
/// Every row must have a non-empty text and, if labelled, a non-empty label.
pub fn read_csv(path: &Path, columns: &Columns) -> Result<Corpus> {
    let bytes = read_file(path)?;
    parse_csv(path, &bytes, columns)
}

/// Parses CSV bytes; `path` is only used in messages.
pub fn parse_csv(path: &Path, bytes: &[u8], columns: &Columns) -> Result<Corpus> {
    let sha256 = sha256_hex(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty {
            path: path.into(),
            message: "the file is empty (expected a CSV header and rows)".into(),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(LineCounter::new(bytes));
    let headers = match reader.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(crate::csv_lines::error(path, &e, reader.get_mut())),
    };
    let header_names: Vec<String> = headers
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_owned())
        .collect();
    let find = |name: &str| -> Result<usize> {
        header_names
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| Error::MissingColumn {
                path: path.into(),
                column: name.into(),
                found: header_names.join(", "),
            })
    };
    let text_col = find(&columns.text)?;
    let label_col = columns.label.as_deref().map(find).transpose()?;
    let id_col = match columns.id.as_deref() {
        Some(name) => header_names.iter().position(|h| h == name),
        None => None,
    };
    let needed = [Some(text_col), label_col, id_col]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0);

    let mut examples = Vec::new();
    let mut ids = id_col.map(|_| Vec::new());
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(crate::csv_lines::error(path, &e, reader.get_mut())),
        }
        let line = reader.get_mut().line_of(record.position());
        if record.len() == 1 && record.get(0).is_some_and(|f| f.is_empty()) {
            continue; // a blank line
        }
        if record.len() <= needed {
            return Err(Error::parse(
                path,
                line,
                format!(
                    "the row has {} field(s), the header has {}",
                    record.len(),
                    headers.len()
                ),
            ));
        }
        let field = |i: usize, what: &str| -> Result<String> {
            std::str::from_utf8(&record[i])
                .map(|s| s.trim().to_owned())
                .map_err(|e| {
                    Error::parse(
                        path,
                        line,
                        format!("the {what} is not valid UTF-8 (byte {})", e.valid_up_to()),
                    )
                })
        };
        let text = field(text_col, "text")?;
        if text.contains('\0') {
            return Err(Error::parse(
                path,
                line,
                "the text contains a NUL byte: is this a binary file?",
            ));
        }
        if text.is_empty() {
            return Err(Error::parse(
                path,
                line,
                format!("empty text in column '{}'", columns.text),
            ));
        }
        let label = match label_col {
            Some(i) => {
                let label = field(i, "label")?;
                if label.is_empty() {
                    return Err(Error::parse(path, line, "empty label"));
                }
                label
            }
            None => String::new(),
        };
        if let (Some(ids), Some(i)) = (ids.as_mut(), id_col) {
            ids.push(field(i, "id")?);
        }
        examples.push(LabelledStatement { text, label, line });
    }
    if examples.is_empty() {
        return Err(Error::Empty {
            path: path.into(),
            message: "the file has a header but no rows".into(),
        });
    }
    Ok(Corpus {
        path: path.into(),
        sha256,
        examples,
        ids,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols() -> Columns {
        Columns {
            text: "text".into(),
            label: Some("label".into()),
            id: Some("id".into()),
        }
    }

    fn parse(bytes: &[u8]) -> Result<Corpus> {
        parse_csv(Path::new("t.csv"), bytes, &cols())
    }

    fn err(bytes: &[u8]) -> String {
        parse(bytes).unwrap_err().to_string()
    }

    #[test]
    fn reads_rows_with_lines_bom_crlf_and_quoted_newlines() {
        let c = parse(b"\xEF\xBB\xBFid,text,label\r\n1,\"a, b\nc\",x\r\n2,d,y\r\n").unwrap();
        assert_eq!(c.examples.len(), 2);
        assert_eq!(c.examples[0].text, "a, b\nc");
        assert_eq!(c.examples[1].line, 4);
        assert_eq!(c.ids.unwrap(), ["1", "2"]);
    }

    #[test]
    fn bad_files_name_the_line_and_the_problem() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "t.csv: the file is empty"),
            (b"id,text,label\n", "header but no rows"),
            (b"id,label\n1,x\n", "t.csv line 1: no column named 'text'"),
            (
                b"id,text,label\n1,a,x\n2,b\n",
                "t.csv line 3: the row has 2 field(s)",
            ),
            (
                b"id,text,label\r\n1,a,x\r\n2,b\r\n",
                "t.csv line 3: the row has 2 field(s)",
            ),
            (
                b"id,text,label\r\n1,\"a\r\nb\",x\r\n2,  ,x\r\n",
                "t.csv line 4: empty text",
            ),
            (b"id,text,label\n1,  ,x\n", "t.csv line 2: empty text"),
            (b"id,text,label\n1,a,\n", "t.csv line 2: empty label"),
            (
                b"id,text,label\n1,a\xff,x\n",
                "t.csv line 2: the text is not valid UTF-8",
            ),
        ];
        for (input, expected) in cases {
            let msg = err(input);
            assert!(
                msg.contains(expected),
                "{msg:?} should contain {expected:?}"
            );
        }
    }
}
