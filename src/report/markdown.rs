//! The Markdown writer: tables and examples for notes and chat.

use std::io::Write;

use super::aggregate::{Report, SpeakerRow};
use super::summary::{NET_EXPLAINED, date_range, percent, shorten, signed, summary, summary_line};
use crate::scored::{SCALE, UNCERTAIN};
use crate::stance::Stance;

/// Escapes text for a Markdown table cell or list item: Markdown syntax and
/// raw HTML become literal text, line breaks become spaces.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The label cells of a Markdown row: the share of each stance label, and
/// the count of `neutral` statements (which have no share).
fn share_cells(row: &SpeakerRow, labels: &[String]) -> Vec<String> {
    row.shares
        .iter()
        .zip(&row.counts)
        .zip(labels)
        .map(|((&share, &n), l)| {
            if Stance::is_stance_label(l) {
                percent(share)
            } else {
                n.to_string()
            }
        })
        .collect()
}

pub(super) fn write_markdown(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let s = summary(report);
    let labels = &report.labels;
    let has_net = report.speakers.iter().any(|r| r.net_stance.is_some());
    writeln!(out, "# Stance by speaker\n")?;
    writeln!(out, "{}\n", summary_line(report, &s))?;
    let mut notes = s.notes.clone();
    if has_net {
        notes.push(NET_EXPLAINED.to_owned());
    }
    if !notes.is_empty() {
        // Two trailing spaces: a Markdown line break between the notes.
        writeln!(out, "{}\n", notes.join("  \n"))?;
    }
    if report.speakers.is_empty() {
        writeln!(out, "No statements with a speaker.")?;
        return Ok(());
    }
    let mut head = vec!["Speaker", "Statements", "Articles", "Dominant"];
    if has_net {
        head.push("Net");
    }
    let label_heads: Vec<String> = labels.iter().map(|l| md_escape(l)).collect();
    head.extend(label_heads.iter().map(String::as_str));
    let uncertain = report.speakers.iter().any(|r| r.uncertain > 0);
    if uncertain {
        head.push(UNCERTAIN);
    }
    head.push("Confidence");
    let dated = s.first.is_some();
    if dated {
        head.push("Dates");
    }
    let mut align = vec!["---", "---:", "---:", "---"];
    let numeric = head.len() - align.len() - usize::from(dated);
    align.extend(std::iter::repeat_n("---:", numeric));
    if dated {
        align.push("---");
    }
    writeln!(out, "| {} |", head.join(" | "))?;
    writeln!(out, "|{}|", align.join("|"))?;
    for row in &report.speakers {
        let mut cells = vec![
            md_escape(&row.speaker),
            row.statements.to_string(),
            row.articles.to_string(),
            row.dominant
                .map_or("–".to_owned(), |i| md_escape(&labels[i])),
        ];
        if has_net {
            cells.push(signed(row.net_stance));
        }
        cells.extend(share_cells(row, labels));
        if uncertain {
            cells.push(row.uncertain.to_string());
        }
        cells.push(format!("{:.2}", row.mean_confidence));
        if dated {
            cells.push(date_range(row));
        }
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    if report.period_rows && !report.periods.is_empty() {
        writeln!(out, "\n## By {}\n", report.period.as_str())?;
        let mut head = vec!["Speaker", "Period", "Statements"];
        if has_net {
            head.push("Net");
        }
        head.extend(label_heads.iter().map(String::as_str));
        let mut align = vec!["---", "---", "---:"];
        align.extend(std::iter::repeat_n("---:", head.len() - align.len()));
        writeln!(out, "| {} |", head.join(" | "))?;
        writeln!(out, "|{}|", align.join("|"))?;
        for row in &report.periods {
            let mut cells = vec![
                md_escape(&row.speaker),
                row.period.clone().unwrap_or_default(),
                row.statements.to_string(),
            ];
            if has_net {
                cells.push(signed(row.net_stance));
            }
            cells.extend(share_cells(row, labels));
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
    }
    writeln!(out, "\n## Most confident examples\n")?;
    for row in &report.speakers {
        writeln!(out, "**{}**\n", md_escape(&row.speaker))?;
        for (label, example) in labels.iter().zip(&row.examples) {
            if let Some(e) = example {
                writeln!(
                    out,
                    "- {} ({:.2}): {} — {}, statement {}",
                    md_escape(label),
                    f64::from(e.confidence) / f64::from(SCALE),
                    md_escape(&shorten(e.text.trim(), 200)),
                    md_escape(&e.article),
                    e.statement
                )?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(
            md_escape("<b>*x*</b> | [y](z)\nnext"),
            "\\<b\\>\\*x\\*\\</b\\> \\| \\[y\\](z) next"
        );
    }
}
