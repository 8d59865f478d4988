//! The JSON writer: one object, one row per line.

use std::io::Write;

use super::aggregate::{Report, SpeakerRow};
use super::csv::{cells, columns};
use crate::output::Cell;

fn json_value(cell: &Cell) -> serde_json::Value {
    match cell {
        Cell::Str(s) => s.as_str().into(),
        Cell::Int(i) => (*i).into(),
        Cell::Num(x) => serde_json::Number::from_f64(*x)
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        Cell::Null => serde_json::Value::Null,
    }
}

/// JSON written by hand so that keys keep column order (serde_json's map
/// would sort them); one row per line keeps diffs readable.
pub(super) fn write_json(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let columns = columns(&report.labels);
    let json = |v: serde_json::Value| serde_json::to_string(&v).map_err(std::io::Error::other);
    let rows_of = |rows: &[SpeakerRow], out: &mut dyn Write| -> std::io::Result<()> {
        if rows.is_empty() {
            return write!(out, "[]");
        }
        writeln!(out, "[")?;
        for (i, row) in rows.iter().enumerate() {
            let fields = columns
                .iter()
                .zip(cells(row, &report.labels))
                .map(|(c, cell)| {
                    Ok(format!(
                        "{}: {}",
                        json(c.as_str().into())?,
                        json(json_value(&cell))?
                    ))
                })
                .collect::<std::io::Result<Vec<_>>>()?;
            let comma = if i + 1 < rows.len() { "," } else { "" };
            writeln!(out, "    {{{}}}{comma}", fields.join(", "))?;
        }
        write!(out, "  ]")
    };
    writeln!(out, "{{")?;
    writeln!(
        out,
        "  \"labels\": {},",
        json(report.labels.clone().into())?
    )?;
    let period = if report.period_rows {
        json(report.period.as_str().into())?
    } else {
        "null".to_owned()
    };
    writeln!(out, "  \"period\": {period},")?;
    writeln!(out, "  \"min_statements\": {},", report.min_statements)?;
    writeln!(
        out,
        "  \"statements_without_speaker\": {},",
        report.without_speaker
    )?;
    write!(out, "  \"speakers\": ")?;
    rows_of(&report.speakers, out)?;
    writeln!(out, ",")?;
    write!(out, "  \"periods\": ")?;
    rows_of(
        if report.period_rows {
            &report.periods
        } else {
            &[]
        },
        out,
    )?;
    writeln!(out, "\n}}")
}
