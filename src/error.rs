//! One error type for the library. Each variant is something a user can fix,
//! and its message names the file, the line and what was found. Messages use
//! the library's own words: the binary adds its flag names when it reports.

use std::path::PathBuf;

/// Everything that can go wrong in `stance`, phrased for the person running it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be opened, read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A line of an input file (CSV, JSONL, plain text, a word list) that
    /// cannot be read as expected.
    #[error("{} line {line}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// What is wrong there.
        message: String,
    },
    /// A file holds nothing to work on.
    #[error("{}: {message}", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
        /// What was expected.
        message: String,
    },
    /// The header lacks a column the command needs.
    #[error("{} line 1: no column named '{column}' in the header (found: {found})", path.display())]
    MissingColumn {
        /// The file.
        path: PathBuf,
        /// The column we looked for.
        column: String,
        /// The columns that are there, comma separated.
        found: String,
    },
    /// Data that cannot be used as it is, as a whole rather than at one line.
    #[error("{}: {message}", path.display())]
    Data {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A model file that is corrupt, truncated, foreign or from a newer version.
    #[error("model {}: {message}", path.display())]
    Model {
        /// The model file (or `<embedded default>`).
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A setting out of its range, caught by `check()` before any work starts.
    #[error("invalid parameters: {setting}: {message}")]
    Params {
        /// The setting, as its field is named (`folds`, `features.min_df`).
        setting: &'static str,
        /// What is wrong with its value.
        message: String,
    },
    /// The optimiser failed (argmin's errors arrive wrapped by linfa-logistic).
    #[error("training failed: {0}")]
    Fit(#[from] linfa_logistic::error::Error),
    /// A value could not be written as JSON.
    #[error("writing JSON: {0}")]
    Json(#[source] serde_json::Error),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A problem at `line` of the input file `path`.
    pub fn parse(path: impl Into<PathBuf>, line: u64, message: impl Into<String>) -> Self {
        Error::Parse {
            path: path.into(),
            line,
            message: message.into(),
        }
    }

    /// A problem with a model file.
    pub fn model(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Model {
            path: path.into(),
            message: message.into(),
        }
    }

    /// A setting out of its range.
    pub fn params(setting: &'static str, message: impl Into<String>) -> Self {
        Error::Params {
            setting,
            message: message.into(),
        }
    }
}
