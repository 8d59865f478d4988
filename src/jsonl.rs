//! JSON lines in: one object per line, and its fields read as text. Article
//! collections and scored files both come this way.

use std::borrow::Cow;
use std::path::Path;

use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// The object on line `line` of `path`.
pub(crate) fn object(path: &Path, line: u64, text: &str) -> Result<Map<String, Value>> {
    match serde_json::from_str(text) {
        Ok(Value::Object(obj)) => Ok(obj),
        Ok(_) => Err(Error::parse(path, line, "expected a JSON object per line")),
        Err(e) => Err(Error::parse(path, line, format!("not valid JSON: {e}"))),
    }
}

/// A field read as text: a string as it is, a number as it is written, null
/// as empty, an absent key as `None`. Anything else is handed back for the
/// caller to name in its error.
pub(crate) fn text_field<'a>(
    obj: &'a Map<String, Value>,
    key: &str,
) -> std::result::Result<Option<Cow<'a, str>>, &'a Value> {
    match obj.get(key) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(Cow::Borrowed(""))),
        Some(Value::String(s)) => Ok(Some(Cow::Borrowed(s))),
        Some(Value::Number(x)) => Ok(Some(Cow::Owned(x.to_string()))),
        Some(other) => Err(other),
    }
}
