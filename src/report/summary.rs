//! What the Markdown and HTML pages say above and beside their tables:
//! the summary line, notes, and numbers as people read them.

use std::borrow::Cow;

use super::aggregate::{Report, SpeakerRow};
use crate::scored::UNCERTAIN;

/// At most `max` characters, with an ellipsis when cut.
pub(super) fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    if text.chars().count() <= max {
        return text.into();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end()).into()
}

pub(super) fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "–".to_owned(), |s| format!("{:.0}%", s * 100.0))
}

pub(super) fn signed(net: Option<f64>) -> String {
    match net {
        None => "–".to_owned(),
        Some(x) if x.abs() < 0.005 => "0.00".to_owned(),
        Some(x) => format!("{x:+.2}"),
    }
}

pub(super) fn date_range(row: &SpeakerRow) -> String {
    match (&row.first_date, &row.last_date) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "–".to_owned(),
    }
}

/// The figures shown above the tables of Markdown and HTML reports.
pub(super) struct Summary {
    pub(super) statements: u64,
    pub(super) first: Option<String>,
    pub(super) last: Option<String>,
    pub(super) notes: Vec<String>,
}

pub(super) fn summary(report: &Report) -> Summary {
    let statements = report.speakers.iter().map(|r| r.statements).sum();
    let first = report
        .speakers
        .iter()
        .filter_map(|r| r.first_date.clone())
        .min();
    let last = report
        .speakers
        .iter()
        .filter_map(|r| r.last_date.clone())
        .max();
    let mut notes = Vec::new();
    if report.hidden_speakers > 0 {
        notes.push(format!(
            "Not shown: {} with fewer than {}.",
            plural(report.hidden_speakers as u64, "speaker"),
            plural(report.min_statements, "statement"),
        ));
    }
    if report.without_speaker > 0 {
        notes.push(format!(
            "Not counted: {} without a speaker.",
            plural(report.without_speaker, "statement")
        ));
    }
    if report.speakers.iter().any(|r| r.uncertain > 0) {
        notes.push(format!(
            "Shares are of the statements with a label; {UNCERTAIN} ones are counted apart."
        ));
    }
    Summary {
        statements,
        first,
        last,
        notes,
    }
}

fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", thousands(n))
    }
}

/// `200000` as `200,000`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub(super) fn summary_line(report: &Report, s: &Summary) -> String {
    let mut line = format!(
        "{}, {}",
        plural(report.speakers.len() as u64, "speaker"),
        plural(s.statements, "statement")
    );
    if let (Some(a), Some(b)) = (&s.first, &s.last) {
        line.push_str(&format!(", {a} to {b}"));
    }
    line.push('.');
    line
}

pub(super) const NET_EXPLAINED: &str =
    "Net stance = share hawkish − share conciliatory: −1 all conciliatory, +1 all hawkish.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_numbers_get_separators() {
        for (n, want) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (200_000, "200,000"),
        ] {
            assert_eq!(thousands(n), want);
        }
        assert_eq!(plural(1_234_567, "statement"), "1,234,567 statements");
    }
}
