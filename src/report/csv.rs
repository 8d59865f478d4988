//! The CSV writer, and the columns it shares with the JSON writer.

use std::io::Write;

use super::aggregate::{Report, SpeakerRow};
use crate::output::{Cell, Format, RowWriter};
use crate::scored::{SCALE, UNCERTAIN};
use crate::stance::Stance;

/// The CSV columns (and JSON keys) of a report over `labels`.
pub fn columns(labels: &[String]) -> Vec<String> {
    let mut columns: Vec<String> = [
        "speaker",
        "period",
        "statements",
        "articles",
        "dominant",
        "net_stance",
        "mean_confidence",
        "first_date",
        "last_date",
    ]
    .map(String::from)
    .to_vec();
    columns.extend(labels.iter().map(|l| format!("n_{l}")));
    columns.push(format!("n_{UNCERTAIN}"));
    columns.extend(
        labels
            .iter()
            .filter(|l| Stance::is_stance_label(l))
            .map(|l| format!("share_{l}")),
    );
    columns.extend(labels.iter().map(|l| format!("mean_p_{l}")));
    for l in labels {
        for suffix in ["", "_article", "_statement", "_confidence"] {
            columns.push(format!("example_{l}{suffix}"));
        }
    }
    columns
}

pub(super) fn cells(row: &SpeakerRow, labels: &[String]) -> Vec<Cell> {
    let text = |s: &Option<String>| s.clone().map_or(Cell::Null, Cell::Str);
    let num = |x: Option<f64>| x.map_or(Cell::Null, Cell::Num);
    let mut cells = vec![
        Cell::Str(row.speaker.clone()),
        text(&row.period),
        Cell::Int(row.statements),
        Cell::Int(row.articles),
        text(&row.dominant.map(|i| labels[i].clone())),
        num(row.net_stance),
        Cell::Num(row.mean_confidence),
        text(&row.first_date),
        text(&row.last_date),
    ];
    cells.extend(row.counts.iter().map(|&n| Cell::Int(n)));
    cells.push(Cell::Int(row.uncertain));
    cells.extend(
        row.shares
            .iter()
            .zip(labels)
            .filter(|(_, l)| Stance::is_stance_label(l))
            .map(|(&s, _)| num(s)),
    );
    cells.extend(row.mean_probabilities.iter().map(|&p| Cell::Num(p)));
    for example in &row.examples {
        match example {
            Some(e) => cells.extend([
                Cell::Str(e.text.clone()),
                Cell::Str(e.article.clone()),
                Cell::Int(e.statement),
                Cell::Num(f64::from(e.confidence) / f64::from(SCALE)),
            ]),
            None => cells.extend([Cell::Null, Cell::Null, Cell::Null, Cell::Null]),
        }
    }
    cells
}

/// The rows the tabular writers list: overall rows, then period rows if asked.
fn listed_rows(report: &Report) -> impl Iterator<Item = &SpeakerRow> {
    let periods: &[SpeakerRow] = if report.period_rows {
        &report.periods
    } else {
        &[]
    };
    report.speakers.iter().chain(periods)
}

pub(super) fn write_csv(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let mut rows = RowWriter::new(Format::Csv, columns(&report.labels), out);
    for row in listed_rows(report) {
        rows.row(&cells(row, &report.labels))?;
    }
    rows.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::aggregate::Aggregate;
    use crate::report::period::Period;
    use crate::scored::ScoredRow;

    #[test]
    fn no_net_stance_without_the_stances() {
        let mut a = Aggregate::new(vec!["neg".into(), "pos".into()], Period::Month);
        a.add(ScoredRow {
            article: "x".into(),
            statement: 0,
            speaker: Some("Ana".into()),
            text: "t".into(),
            label: Some(1),
            confidence: 6_000,
            probabilities: vec![4_000, 6_000],
            date: None,
        });
        let report = a.finish(1, true);
        assert_eq!(report.speakers[0].net_stance, None);
        assert!(report.periods.is_empty());
        let mut csv = Vec::new();
        write_csv(&report, &mut csv).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(
            csv.lines()
                .nth(1)
                .unwrap()
                .starts_with("Ana,,1,1,pos,,0.6000,"),
            "{csv}"
        );
    }
}
