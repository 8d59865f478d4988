//! One error type for the library. Each variant is something a user can fix,
//! and its message names the file, the line and what was found.

use std::path::PathBuf;

/// Everything that can go wrong in `stance`, phrased for the person running it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be opened, read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A CSV file is malformed at a given line.
    #[error("{} line {line}: {message}", path.display())]
    Csv {
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
    /// Training data that cannot be used as it is.
    #[error("{}: {message}", path.display())]
    Data {
        /// The file.
        path: PathBuf,
        /// What is wrong with it as a whole.
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
    /// Invalid parameters, caught by `check()` before any work starts.
    #[error("invalid parameters: {0}")]
    Params(String),
    /// The optimiser failed.
    #[error("training failed: {0}")]
    Train(String),
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

    /// A CSV problem at `line` of `path`.
    pub fn csv(path: impl Into<PathBuf>, line: u64, message: impl Into<String>) -> Self {
        Error::Csv {
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
}
