//! The HTML writer: one self-contained page with the charts, a sortable
//! table and the examples.

use std::io::Write;

use plotters::style::RGBColor;

use super::aggregate::{Report, SpeakerRow};
use super::chart::{
    MIX_SPEAKERS, PALETTE, TREND_SPEAKERS, css, label_color, mix_chart, text_on, trend_chart,
    trend_lines,
};
use super::summary::{NET_EXPLAINED, Summary, percent, signed, summary, summary_line};
use crate::output::html_escape;
use crate::scored::{SCALE, UNCERTAIN};
use crate::stance::Stance;

/// The page's style sheet.
const STYLE: &str = include_str!("assets/report.css");

/// Sorts `table.sortable` by the clicked column: numbers by `data-v`, text
/// by locale; empty cells last. Marks tables it wired up with `js-sortable`.
const SCRIPT: &str = include_str!("assets/report.js");

/// The label cells of an HTML row: the share of each stance label, and the
/// count of `neutral` statements (which have no share).
fn share_tds(h: &mut String, row: &SpeakerRow, labels: &[String]) {
    for ((&share, &n), l) in row.shares.iter().zip(&row.counts).zip(labels) {
        if Stance::is_stance_label(l) {
            td_num(h, share, &percent(share));
        } else {
            td_num(h, Some(n as f64), &n.to_string());
        }
    }
}

/// A header cell whose button sorts the table.
fn th(out: &mut String, text: &str, numeric: bool) {
    let class = if numeric { " class=\"num\"" } else { "" };
    out.push_str(&format!(
        "<th{class}><button type=\"button\">{}</button></th>",
        html_escape(text)
    ));
}

/// A numeric cell: `shown` to read, `value` to sort by (empty sorts last).
fn td_num(out: &mut String, value: Option<f64>, shown: &str) {
    let v = value.map_or(String::new(), |x| format!("{x}"));
    out.push_str(&format!(
        "<td class=\"num\" data-v=\"{v}\">{}</td>",
        html_escape(shown)
    ));
}

/// A label in its colour.
fn pill(label: &str, index: usize) -> String {
    let fill = label_color(label, index);
    format!(
        "<span class=\"pill\" style=\"background:{};color:{}\">{}</span>",
        css(fill),
        css(text_on(fill)),
        html_escape(label)
    )
}

/// Writes the page: head, then the sections in reading order, then the
/// script. Each piece appends to one string, written out at the end.
pub(super) fn write_html(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let page = Page {
        report,
        summary: summary(report),
        has_net: report.speakers.iter().any(|r| r.net_stance.is_some()),
        uncertain: report.speakers.iter().any(|r| r.uncertain > 0),
    };
    let mut h = String::new();
    page.head(&mut h);
    if report.speakers.is_empty() {
        h.push_str("<section><p>No statements with a speaker.</p></section>\n");
    } else {
        page.mix_section(&mut h)?;
        page.trend_section(&mut h)?;
        page.speaker_table(&mut h);
        page.period_table(&mut h);
        page.examples(&mut h);
    }
    h.push_str("</main>\n<script>\n");
    h.push_str(SCRIPT);
    h.push_str("</script>\n</body>\n</html>\n");
    out.write_all(h.as_bytes())
}

/// What every section of the page needs to know about the report.
struct Page<'r> {
    report: &'r Report,
    summary: Summary,
    /// Some speaker has a net stance: the net column and its note are shown.
    has_net: bool,
    /// Some statement is `uncertain`: its column and legend entry are shown.
    uncertain: bool,
}

impl Page<'_> {
    /// The document head with the style sheet, the title, summary and notes.
    fn head(&self, h: &mut String) {
        h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.push_str("<title>Stance by speaker</title>\n<style>\n");
        h.push_str(STYLE);
        h.push_str("</style>\n</head>\n<body>\n<main>\n<h1>Stance by speaker</h1>\n");
        h.push_str(&format!(
            "<p class=\"summary\">{}</p>\n",
            html_escape(&summary_line(self.report, &self.summary))
        ));
        for note in &self.summary.notes {
            h.push_str(&format!("<p class=\"note\">{}</p>\n", html_escape(note)));
        }
    }

    /// The stance mix chart of the busiest speakers, with its legend.
    fn mix_section(&self, h: &mut String) -> std::io::Result<()> {
        let report = self.report;
        let shown: Vec<&SpeakerRow> = report.speakers.iter().take(MIX_SPEAKERS).collect();
        h.push_str("<section id=\"mix\">\n<h2>Stance mix</h2>\n<div class=\"legend\">");
        let legend = report
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), label_color(l, i)))
            .chain(
                self.uncertain
                    .then(|| (UNCERTAIN, label_color(UNCERTAIN, 0))),
            );
        for (label, color) in legend {
            swatch(h, color, label);
        }
        h.push_str("</div>\n");
        if shown.len() < report.speakers.len() {
            h.push_str(&format!(
                "<p class=\"note\">The {} speakers with the most statements; the table lists all.</p>\n",
                shown.len()
            ));
        }
        h.push_str("<figure>\n");
        h.push_str(&mix_chart(report, &shown)?);
        h.push_str("</figure>\n");
        if self.uncertain {
            h.push_str(&format!(
                "<p class=\"note\">Bars are shares of all statements, {UNCERTAIN} ones included; the table's shares leave them out.</p>\n"
            ));
        }
        h.push_str("</section>\n");
        Ok(())
    }

    /// The net stance per period of the busiest speakers, when there are
    /// at least two periods to draw a line through.
    fn trend_section(&self, h: &mut String) -> std::io::Result<()> {
        let (periods, lines) = trend_lines(self.report);
        if !self.has_net || periods.len() < 2 {
            return Ok(());
        }
        h.push_str(&format!(
            "<section id=\"trend\">\n<h2>Net stance by {}</h2>\n<div class=\"legend\">",
            self.report.period.as_str()
        ));
        for (k, (speaker, _)) in lines.iter().enumerate() {
            swatch(h, PALETTE[k % PALETTE.len()], speaker);
        }
        h.push_str("</div>\n<figure>\n");
        h.push_str(&trend_chart(&periods, &lines)?);
        h.push_str(&format!(
            "</figure>\n<p class=\"note\">{}{}</p>\n</section>\n",
            html_escape(NET_EXPLAINED),
            if lines.len() == TREND_SPEAKERS {
                " The busiest speakers only."
            } else {
                ""
            }
        ));
        Ok(())
    }

    /// The sortable table of speakers; each name links to its examples.
    fn speaker_table(&self, h: &mut String) {
        let labels = &self.report.labels;
        h.push_str("<section id=\"speakers\">\n<h2>Speakers</h2>\n");
        h.push_str("<p class=\"note\">Click a column header to sort.");
        if self.has_net {
            h.push_str(&format!(" {}", html_escape(NET_EXPLAINED)));
        }
        h.push_str("</p>\n<div class=\"table-wrap\">\n<table class=\"sortable\" id=\"speaker-table\">\n<thead><tr>");
        th(h, "Speaker", false);
        th(h, "Statements", true);
        th(h, "Articles", true);
        th(h, "Dominant", false);
        if self.has_net {
            th(h, "Net stance", true);
        }
        for l in labels {
            th(h, l, true);
        }
        if self.uncertain {
            th(h, UNCERTAIN, true);
        }
        th(h, "Confidence", true);
        let dated = self.summary.first.is_some();
        if dated {
            th(h, "First", false);
            th(h, "Last", false);
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for (i, row) in self.report.speakers.iter().enumerate() {
            h.push_str(&format!(
                "<tr><td><a href=\"#s{i}\">{}</a></td>",
                html_escape(&row.speaker)
            ));
            count_td(h, row.statements);
            count_td(h, row.articles);
            match row.dominant {
                Some(d) => h.push_str(&format!(
                    "<td data-v=\"{}\">{}</td>",
                    html_escape(&labels[d]),
                    pill(&labels[d], d)
                )),
                None => h.push_str("<td data-v=\"\">–</td>"),
            }
            if self.has_net {
                td_num(h, row.net_stance, &signed(row.net_stance));
            }
            share_tds(h, row, labels);
            if self.uncertain {
                count_td(h, row.uncertain);
            }
            td_num(
                h,
                Some(row.mean_confidence),
                &format!("{:.2}", row.mean_confidence),
            );
            for d in [&row.first_date, &row.last_date]
                .into_iter()
                .filter(|_| dated)
            {
                h.push_str(&format!(
                    "<td data-v=\"{0}\">{0}</td>",
                    html_escape(d.as_deref().unwrap_or(""))
                ));
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    }

    /// The sortable table of speakers per period (`--by-period`).
    fn period_table(&self, h: &mut String) {
        let report = self.report;
        if !report.period_rows || report.periods.is_empty() {
            return;
        }
        h.push_str(&format!(
            "<section id=\"periods\">\n<h2>By {}</h2>\n<div class=\"table-wrap\">\n<table class=\"sortable\" id=\"period-table\">\n<thead><tr>",
            report.period.as_str()
        ));
        th(h, "Speaker", false);
        th(h, "Period", false);
        th(h, "Statements", true);
        if self.has_net {
            th(h, "Net stance", true);
        }
        for l in &report.labels {
            th(h, l, true);
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for row in &report.periods {
            let period = row.period.as_deref().unwrap_or("");
            h.push_str(&format!(
                "<tr><td>{}</td><td data-v=\"{1}\">{1}</td>",
                html_escape(&row.speaker),
                html_escape(period)
            ));
            count_td(h, row.statements);
            if self.has_net {
                td_num(h, row.net_stance, &signed(row.net_stance));
            }
            share_tds(h, row, &report.labels);
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    }

    /// Each speaker's most confident statement per label.
    fn examples(&self, h: &mut String) {
        let labels = &self.report.labels;
        h.push_str(
            "<section id=\"examples\" class=\"examples\">\n<h2>Most confident examples</h2>\n",
        );
        for (i, row) in self.report.speakers.iter().enumerate() {
            h.push_str(&format!(
                "<h3 id=\"s{i}\">{}</h3>\n<ul>\n",
                html_escape(&row.speaker)
            ));
            for (l, example) in row.examples.iter().enumerate() {
                if let Some(e) = example {
                    h.push_str(&format!(
                        "<li>{} <span class=\"text\">{}</span> <span class=\"src\">— {}, statement {}, confidence {:.2}</span></li>\n",
                        pill(&labels[l], l),
                        html_escape(e.text.trim()),
                        html_escape(&e.article),
                        e.statement,
                        f64::from(e.confidence) / f64::from(SCALE)
                    ));
                }
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</section>\n");
    }
}

/// A legend entry: a colour swatch and its name.
fn swatch(h: &mut String, color: RGBColor, name: &str) {
    h.push_str(&format!(
        "<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span>",
        css(color),
        html_escape(name)
    ));
}

/// A numeric cell holding a count.
fn count_td(h: &mut String, n: u64) {
    td_num(h, Some(n as f64), &n.to_string());
}
