//! `stance` for Python: the library the CLI runs, called from Python.
//!
//! Everything here converts between Python objects and the library's types
//! and releases the GIL around the work; the work itself (extraction,
//! classification, the rows of `stance score`, aggregation, the report
//! writers, the serialised aggregate) is the library's, so the package and
//! the CLI cannot drift apart.

use std::collections::VecDeque;
use std::io::ErrorKind;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use pyo3::create_exception;
use pyo3::exceptions::{
    PyFileNotFoundError, PyOSError, PyPermissionError, PyTypeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyIterator, PyList, PyString};
use rayon::prelude::*;
use serde_json::{Map, Value};

use stance::Model;
use stance::articles::Article;
use stance::model::argmax;
use stance::output::Cell;
use stance::report::{Aggregate, Period, ReportFormat, render};
use stance::score::{BATCH, score_articles};
use stance::scored::{ScoredRow, columns, rows};

create_exception!(
    _stance,
    StanceError,
    PyValueError,
    "Bad input: an article, a scored row, a model file or report bytes that stance cannot use. The message is the one the stance CLI prints."
);

/// The library's error as a Python exception with the CLI's message: files
/// that cannot be read raise `OSError` (`FileNotFoundError`,
/// `PermissionError`), everything else `StanceError`.
fn py_err(e: stance::Error) -> PyErr {
    let message = e.to_string();
    match &e {
        stance::Error::Io { source, .. } => match source.kind() {
            ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
            ErrorKind::PermissionDenied => PyPermissionError::new_err(message),
            _ => PyOSError::new_err(message),
        },
        _ => StanceError::new_err(message),
    }
}

/// The embedded model is a `'static`; a loaded one is shared with the
/// iterators and reports that use it.
#[derive(Clone)]
enum Held {
    Embedded(&'static Model),
    Loaded(Arc<Model>),
}

impl Deref for Held {
    type Target = Model;

    fn deref(&self) -> &Model {
        match self {
            Held::Embedded(m) => m,
            Held::Loaded(m) => m,
        }
    }
}

fn embedded() -> PyResult<Held> {
    Model::embedded().map(Held::Embedded).map_err(py_err)
}

fn held(model: Option<&PyModel>) -> PyResult<Held> {
    match model {
        Some(m) => Ok(m.model.clone()),
        None => embedded(),
    }
}

/// A `min_confidence` outside 0..=1 is refused, as `--min-confidence` is.
fn check_min_confidence(min_confidence: f64) -> PyResult<()> {
    if (0.0..=1.0).contains(&min_confidence) {
        Ok(())
    } else {
        Err(PyValueError::new_err(format!(
            "min_confidence {min_confidence} must be between 0 and 1"
        )))
    }
}

fn period_of(by_period: Option<&str>) -> PyResult<(Period, bool)> {
    match by_period {
        None => Ok((Period::Month, false)),
        Some("month") => Ok((Period::Month, true)),
        Some("week") => Ok((Period::Week, true)),
        Some(other) => Err(PyValueError::new_err(format!(
            "by_period '{other}' must be 'week', 'month' or None"
        ))),
    }
}

// ------------------------------------------------------------ conversions

/// A Python value as the JSON value it would be in a `.jsonl` file. NaN
/// (how pandas marks a missing value) is null, as JSON has no NaN.
fn json_value(value: &Bound<'_, PyAny>, field: &str, what: &str) -> PyResult<Value> {
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_owned()));
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(i) = value.extract::<i64>() {
            return Ok(i.into());
        }
        if let Ok(u) = value.extract::<u64>() {
            return Ok(u.into());
        }
        // Beyond 64 bits: its digits, as an id would read anyway.
        return Ok(Value::String(value.str()?.to_str()?.to_owned()));
    }
    if let Ok(x) = value.cast::<PyFloat>() {
        return Ok(serde_json::Number::from_f64(x.value()).map_or(Value::Null, Value::Number));
    }
    // numpy integers and floats are not Python ints, but convert like them.
    if let Ok(i) = value.extract::<i64>() {
        return Ok(i.into());
    }
    if let Ok(x) = value.extract::<f64>() {
        return Ok(serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number));
    }
    Err(PyTypeError::new_err(format!(
        "{what}: field '{field}' should be str, int, float or None, found {}",
        value.get_type().name()?
    )))
}

/// A mapping (a dict, or anything with `keys()` and `[]`) as a JSON object.
/// With `only`, just those keys are read.
fn json_object(
    item: &Bound<'_, PyAny>,
    only: Option<&[&str]>,
    what: &str,
) -> PyResult<Map<String, Value>> {
    let mut obj = Map::new();
    if let Ok(dict) = item.cast::<PyDict>() {
        match only {
            Some(keys) => {
                for key in keys {
                    if let Some(v) = dict.get_item(key)? {
                        obj.insert((*key).to_owned(), json_value(&v, key, what)?);
                    }
                }
            }
            None => {
                for (k, v) in dict.iter() {
                    let key: String = k.extract().map_err(|_| {
                        PyTypeError::new_err(format!("{what}: keys should be str, found {k:?}"))
                    })?;
                    let value = json_value(&v, &key, what)?;
                    obj.insert(key, value);
                }
            }
        }
        return Ok(obj);
    }
    if !item.hasattr("keys")? || !item.hasattr("__getitem__")? || item.is_instance_of::<PyString>()
    {
        return Err(PyTypeError::new_err(format!(
            "{what} should be a dict, found {}",
            item.get_type().name()?
        )));
    }
    for k in item.call_method0("keys")?.try_iter()? {
        let k = k?;
        let key: String = k.extract().map_err(|_| {
            PyTypeError::new_err(format!("{what}: keys should be str, found {k:?}"))
        })?;
        if only.is_some_and(|keys| !keys.contains(&key.as_str())) {
            continue;
        }
        let value = json_value(&item.get_item(&k)?, &key, what)?;
        obj.insert(key, value);
    }
    Ok(obj)
}

/// The fields an article is read from.
const ARTICLE_FIELDS: [&str; 5] = ["id", "text", "date", "source", "title"];

/// Where articles and rows given from Python are said to come from in
/// messages: an iterable is read like a `.jsonl` file, item n as line n.
const ARTICLES: &str = "<articles>";
const ROWS: &str = "<rows>";

/// Item `n` (from 1) of an iterable of article dicts, read as line `n` of a
/// `.jsonl` collection is.
fn article(item: &Bound<'_, PyAny>, n: u64) -> PyResult<Article> {
    let obj = json_object(item, Some(&ARTICLE_FIELDS), &format!("article {n}"))?;
    Article::from_json(&obj, Path::new(ARTICLES), ARTICLES, n).map_err(py_err)
}

fn cell_object<'py>(py: Python<'py>, cell: Cell) -> PyResult<Bound<'py, PyAny>> {
    Ok(match cell {
        Cell::Str(s) => s.into_pyobject(py)?.into_any(),
        Cell::Int(i) => i.into_pyobject(py)?.into_any(),
        Cell::Num(x) if x.is_finite() => x.into_pyobject(py)?.into_any(),
        Cell::Num(_) | Cell::Null => py.None().into_bound(py),
    })
}

fn json_object_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.into_pyobject(py)?.into_any(),
            (_, Some(i)) => i.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_object_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, json_object_to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

// ----------------------------------------------------------------- Model

/// A stance model: the default one built into the package, or one trained
/// with `stance train`.
#[pyclass(name = "Model", module = "stance", frozen)]
struct PyModel {
    model: Held,
    origin: String,
}

#[pymethods]
impl PyModel {
    /// The default model, trained on the corpus shipped with stance (the
    /// model the CLI uses without --model).
    #[staticmethod]
    #[pyo3(name = "default")]
    fn embedded() -> PyResult<Self> {
        Ok(PyModel {
            model: embedded()?,
            origin: "the default model".into(),
        })
    }

    /// Loads a model file written by `stance train`, with every check the
    /// CLI makes (a damaged, foreign or newer file raises StanceError).
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let model = py.detach(|| Model::load(&path)).map_err(py_err)?;
        Ok(PyModel {
            model: Held::Loaded(Arc::new(model)),
            origin: path.display().to_string(),
        })
    }

    /// The labels, in the order of the model's probabilities.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.model.labels().to_vec()
    }

    /// Labels statements: one dict per text with the keys of `stance classify
    /// --format jsonl`: `text`, `label` (the most probable), `confidence`
    /// (its probability) and `p_<label>` for each label. Runs in parallel
    /// with the GIL released.
    fn classify<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "classify takes a list of texts; wrap a single text in a list",
            ));
        }
        let texts: Vec<String> = texts
            .try_iter()?
            .map(|t| t?.extract::<String>())
            .collect::<PyResult<_>>()?;
        let model = self.model.clone();
        let probabilities: Vec<Vec<f64>> =
            py.detach(|| texts.par_iter().map(|t| model.predict_proba(t)).collect());
        let labels = self.model.labels();
        let keys: Vec<String> = labels.iter().map(|l| format!("p_{l}")).collect();
        texts
            .into_iter()
            .zip(probabilities)
            .map(|(text, p)| {
                let best = argmax(&p);
                let record = PyDict::new(py);
                record.set_item("text", text)?;
                record.set_item("label", &labels[best])?;
                record.set_item("confidence", p[best])?;
                for (key, x) in keys.iter().zip(&p) {
                    record.set_item(key, x)?;
                }
                Ok(record)
            })
            .collect()
    }

    /// Why `text` got its probabilities: the object `stance explain --json`
    /// prints, with the `top` largest contributions per label. For each
    /// label, intercept plus all contributions is exactly its logit.
    #[pyo3(signature = (text, top = 10))]
    fn explain<'py>(&self, py: Python<'py>, text: &str, top: usize) -> PyResult<Bound<'py, PyAny>> {
        let mut explanation = self.model.explain(text);
        for label in &mut explanation.per_label {
            label.contributions.truncate(top);
        }
        let value =
            serde_json::to_value(&explanation).map_err(|e| PyValueError::new_err(e.to_string()))?;
        json_object_to_py(py, &value)
    }

    fn __repr__(&self) -> String {
        format!(
            "<stance.Model {} ({})>",
            self.origin,
            self.model.labels().join(", ")
        )
    }
}

// ----------------------------------------------------------------- score

/// The iterator `score` returns.
#[pyclass(module = "stance")]
struct ScoreIter {
    articles: Py<PyIterator>,
    model: Held,
    min_confidence: f64,
    keys: Vec<Py<PyString>>,
    ready: VecDeque<Vec<Cell>>,
    /// Items taken from `articles` so far: the next one is item `taken + 1`.
    taken: u64,
    /// Raised once the rows before the bad article have been yielded.
    failed: Option<PyErr>,
    done: bool,
}

impl ScoreIter {
    /// Takes up to a batch of articles, scores them with the GIL released
    /// (in parallel) and queues their rows.
    fn fill(&mut self, py: Python<'_>) {
        let mut batch = Vec::with_capacity(BATCH);
        let mut articles = self.articles.bind(py).clone();
        while batch.len() < BATCH {
            match articles.next() {
                None => {
                    self.done = true;
                    break;
                }
                Some(item) => {
                    self.taken += 1;
                    match item.and_then(|item| article(&item, self.taken)) {
                        Ok(a) => batch.push(a),
                        Err(e) => {
                            self.failed = Some(e);
                            self.done = true;
                            break;
                        }
                    }
                }
            }
        }
        let model = self.model.clone();
        let min_confidence = self.min_confidence;
        let scored: Vec<Vec<Vec<Cell>>> = py.detach(|| {
            score_articles(&model, batch.into_iter().map(Ok))
                .map(|item| {
                    let (article, statements) = item.expect("articles are given, not read");
                    // The default context is on: the statement alone follows,
                    // as in `stance score`.
                    rows(
                        model.labels(),
                        &article,
                        &statements,
                        min_confidence,
                        true,
                        true,
                    )
                })
                .collect()
        });
        self.ready.extend(scored.into_iter().flatten());
    }
}

#[pymethods]
impl ScoreIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        loop {
            if let Some(cells) = self.ready.pop_front() {
                let row = PyDict::new(py);
                for (key, cell) in self.keys.iter().zip(cells) {
                    row.set_item(key.bind(py), cell_object(py, cell)?)?;
                }
                return Ok(Some(row));
            }
            if let Some(e) = self.failed.take() {
                return Err(e);
            }
            if self.done {
                return Ok(None);
            }
            self.fill(py);
        }
    }
}

/// Finds every statement in `articles`, attributes it to its speaker and
/// labels it; yields one dict per statement with the keys of `stance score
/// --format jsonl` on a collection: `article`, `statement`, `speaker`,
/// `start`, `end` (UTF-8 byte offsets), `text`, `label`, `confidence`,
/// `p_<label>` per label, `kind`, `date`, `source`, then `alone_<label>` per
/// label (the default context is on, as in `stance score`: `p_<label>` mix in
/// the speaker's other statements and the article's; `alone_<label>` are the
/// statement's read alone).
///
/// `articles` is an iterable of dicts with `text` and `id` and optionally
/// `date`, `source`, `title`, read as the lines of a `.jsonl` collection are:
/// article n is line n in messages, and an article without an id gets
/// `<articles>:n`. Articles are scored in parallel batches with the GIL
/// released, and yielded in input order as they are scored. A bad article
/// raises StanceError after the rows of the articles before it.
#[pyfunction]
#[pyo3(signature = (articles, model = None, *, min_confidence = 0.0))]
fn score(
    py: Python<'_>,
    articles: &Bound<'_, PyAny>,
    model: Option<&PyModel>,
    min_confidence: f64,
) -> PyResult<ScoreIter> {
    check_min_confidence(min_confidence)?;
    let model = held(model)?;
    let keys = columns(model.labels(), true, true)
        .iter()
        .map(|c| PyString::intern(py, c).unbind())
        .collect();
    Ok(ScoreIter {
        articles: articles.try_iter()?.unbind(),
        model,
        min_confidence,
        keys,
        ready: VecDeque::new(),
        taken: 0,
        failed: None,
        done: false,
    })
}

// ---------------------------------------------------------------- Report

/// Per-speaker stance from scored statements: the figures `stance report`
/// writes, exactly mergeable across shards.
#[pyclass(name = "Report", module = "stance")]
struct PyReport {
    aggregate: Aggregate,
    /// Whether the writers list period rows (`--by-period`).
    period_rows: bool,
    /// Rows given to `add` so far, to number the next in messages.
    rows_added: u64,
}

impl PyReport {
    fn write(&self, py: Python<'_>, format: ReportFormat, min_statements: u64) -> PyResult<String> {
        let aggregate = self.aggregate.clone();
        let period_rows = self.period_rows;
        py.detach(|| render(&aggregate.finish(min_statements, period_rows), format))
            .map_err(|e| PyOSError::new_err(e.to_string()))
    }

    fn by_period_name(&self) -> Option<&'static str> {
        self.period_rows.then(|| self.aggregate.period().as_str())
    }
}

#[pymethods]
impl PyReport {
    /// A report over scored rows: dicts with the keys of `stance score
    /// --format jsonl` (what `stance.score` yields, or rows read back from
    /// Parquet), checked as `stance report` checks a JSONL file (row n is
    /// line n in messages). `by_period` ('week' or 'month') adds rows per
    /// speaker and period, as `--by-period` does.
    #[new]
    #[pyo3(signature = (rows = None, *, by_period = None))]
    fn new(rows: Option<&Bound<'_, PyAny>>, by_period: Option<&str>) -> PyResult<Self> {
        let (period, period_rows) = period_of(by_period)?;
        let mut report = PyReport {
            aggregate: Aggregate::new(Vec::new(), period),
            period_rows,
            rows_added: 0,
        };
        if let Some(rows) = rows {
            report.add(rows)?;
        }
        Ok(report)
    }

    /// Adds scored rows (see `Report()`); numbering goes on from the rows
    /// added before.
    fn add(&mut self, rows: &Bound<'_, PyAny>) -> PyResult<()> {
        let path = Path::new(ROWS);
        for item in rows.try_iter()? {
            let item = item?;
            self.rows_added += 1;
            let n = self.rows_added;
            let obj = json_object(&item, None, &format!("row {n}"))?;
            self.aggregate.add_json(path, n, &obj).map_err(py_err)?;
        }
        Ok(())
    }

    /// Scores `articles` (as `stance.score` takes them) and aggregates their
    /// statements directly: `stance report --articles`. Parallel, with the
    /// GIL released.
    #[staticmethod]
    #[pyo3(signature = (articles, model = None, *, min_confidence = 0.0, by_period = None))]
    fn from_articles(
        py: Python<'_>,
        articles: &Bound<'_, PyAny>,
        model: Option<&PyModel>,
        min_confidence: f64,
        by_period: Option<&str>,
    ) -> PyResult<Self> {
        check_min_confidence(min_confidence)?;
        let (period, period_rows) = period_of(by_period)?;
        let model = held(model)?;
        let mut total = Aggregate::new(model.labels().to_vec(), period);
        let mut articles = articles.try_iter()?;
        let mut taken = 0;
        loop {
            let mut batch = Vec::with_capacity(BATCH);
            for item in articles.by_ref().take(BATCH) {
                taken += 1;
                batch.push(article(&item?, taken)?);
            }
            if batch.is_empty() {
                break;
            }
            py.detach(|| {
                let labels = total.labels().to_vec();
                // Every item is Ok: the batch holds articles, not read errors.
                for (article, statements) in
                    score_articles(&model, batch.into_iter().map(Ok)).flatten()
                {
                    for s in statements {
                        let row = ScoredRow::of_statement(
                            &article,
                            s,
                            model.labels(),
                            &labels,
                            min_confidence,
                        );
                        total.add(row);
                    }
                }
            });
        }
        Ok(PyReport {
            aggregate: total,
            period_rows,
            rows_added: 0,
        })
    }

    /// Adds `other` to this report, exactly as if its rows had been added
    /// here: the result does not depend on how rows were split into reports
    /// or on the order of merges. `other` is left as it was. Reports over
    /// different labels or periods raise StanceError.
    fn merge(&mut self, other: &PyReport) -> PyResult<()> {
        if let Some(conflict) = self.aggregate.merge_conflict(&other.aggregate) {
            return Err(StanceError::new_err(conflict));
        }
        self.aggregate.merge(other.aggregate.clone());
        Ok(())
    }

    /// The labels, in report order (empty until a row is added).
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.aggregate.labels().to_vec()
    }

    /// 'week', 'month', or None (no period rows).
    #[getter]
    fn by_period(&self) -> Option<&'static str> {
        self.by_period_name()
    }

    /// Statements left out because they have no speaker.
    #[getter]
    fn statements_without_speaker(&self) -> u64 {
        self.aggregate.without_speaker()
    }

    /// Statements whose date is not `YYYY-MM-DD` (counted as undated).
    #[getter]
    fn bad_dates(&self) -> u64 {
        self.aggregate.bad_dates()
    }

    /// `stance report --format csv`, byte for byte.
    #[pyo3(signature = (min_statements = 1))]
    fn to_csv(&self, py: Python<'_>, min_statements: u64) -> PyResult<String> {
        self.write(py, ReportFormat::Csv, min_statements)
    }

    /// `stance report --format json`, byte for byte.
    #[pyo3(signature = (min_statements = 1))]
    fn to_json(&self, py: Python<'_>, min_statements: u64) -> PyResult<String> {
        self.write(py, ReportFormat::Json, min_statements)
    }

    /// `stance report --format markdown`, byte for byte.
    #[pyo3(signature = (min_statements = 1))]
    fn to_markdown(&self, py: Python<'_>, min_statements: u64) -> PyResult<String> {
        self.write(py, ReportFormat::Markdown, min_statements)
    }

    /// `stance report --format html`, byte for byte: one self-contained page.
    #[pyo3(signature = (min_statements = 1))]
    fn to_html(&self, py: Python<'_>, min_statements: u64) -> PyResult<String> {
        self.write(py, ReportFormat::Html, min_statements)
    }

    /// The report's aggregate as bytes, for sending between processes;
    /// `Report.from_bytes` gives back an equal report.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.aggregate.to_bytes())
    }

    /// A report from `to_bytes()` output; damaged or foreign bytes raise
    /// StanceError. Weekly aggregates list their period rows, as
    /// `by_period='week'` does; monthly ones do not (merge them into a
    /// `Report(by_period='month')` to list them).
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<Self> {
        let aggregate = Aggregate::from_bytes(data, Path::new("<report bytes>")).map_err(py_err)?;
        let period_rows = aggregate.period() == Period::Week;
        Ok(PyReport {
            aggregate,
            period_rows,
            rows_added: 0,
        })
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> (Bound<'py, PyBytes>, bool) {
        (self.to_bytes(py), self.period_rows)
    }

    fn __setstate__(&mut self, state: (Vec<u8>, bool)) -> PyResult<()> {
        let (data, period_rows) = state;
        self.aggregate =
            Aggregate::from_bytes(&data, Path::new("<pickled report>")).map_err(py_err)?;
        self.period_rows = period_rows;
        Ok(())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyReport>().is_ok_and(|o| {
            let o = o.borrow();
            o.aggregate == self.aggregate && o.period_rows == self.period_rows
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<stance.Report labels=[{}] by_period={}>",
            self.aggregate.labels().join(", "),
            self.by_period_name().unwrap_or("None")
        )
    }
}

/// The stance package's native module; `stance` re-exports it.
#[pymodule]
fn _stance(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("StanceError", m.py().get_type::<StanceError>())?;
    m.add_class::<PyModel>()?;
    m.add_class::<PyReport>()?;
    m.add_class::<ScoreIter>()?;
    m.add_function(wrap_pyfunction!(score, m)?)?;
    Ok(())
}
