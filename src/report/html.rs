//! The HTML writer: one self-contained page with the charts, a sortable
//! table and the examples.

use std::io::Write;

use super::aggregate::{Report, SCALE, SpeakerRow};
use super::chart::{
    MIX_SPEAKERS, PALETTE, TREND_SPEAKERS, css, label_color, mix_chart, text_on, trend_chart,
    trend_lines,
};
use super::summary::{NET_EXPLAINED, percent, signed, summary, summary_line};
use crate::output::html_escape;
use crate::score::UNCERTAIN;
use crate::stance::Stance;

/// The page's style sheet.
const STYLE: &str = include_str!("assets/report.css");

/// Sorts `table.sortable` by the clicked column: numbers by `data-v`, text
/// by locale; empty cells last. Marks tables it wired up with `js-sortable`.
const SCRIPT: &str = include_str!("assets/report.js");

/// The label cells of an HTML row, as [`share_cells`].
fn share_tds(h: &mut String, row: &SpeakerRow, labels: &[String]) {
    for ((&share, &n), l) in row.shares.iter().zip(&row.counts).zip(labels) {
        if Stance::is_stance_label(l) {
            td_num(h, share, &percent(share));
        } else {
            td_num(h, Some(n as f64), &n.to_string());
        }
    }
}

fn th(out: &mut String, text: &str, numeric: bool) {
    let class = if numeric { " class=\"num\"" } else { "" };
    out.push_str(&format!(
        "<th{class}><button type=\"button\">{}</button></th>",
        html_escape(text)
    ));
}

fn td_num(out: &mut String, value: Option<f64>, shown: &str) {
    let v = value.map_or(String::new(), |x| format!("{x}"));
    out.push_str(&format!(
        "<td class=\"num\" data-v=\"{v}\">{}</td>",
        html_escape(shown)
    ));
}

fn pill(label: &str, index: usize) -> String {
    let fill = label_color(label, index);
    format!(
        "<span class=\"pill\" style=\"background:{};color:{}\">{}</span>",
        css(fill),
        css(text_on(fill)),
        html_escape(label)
    )
}

pub(super) fn write_html(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let s = summary(report);
    let labels = &report.labels;
    let has_net = report.speakers.iter().any(|r| r.net_stance.is_some());
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<title>Stance by speaker</title>\n<style>");
    h.push_str(STYLE);
    h.push_str("</style>\n</head>\n<body>\n<main>\n<h1>Stance by speaker</h1>\n");
    h.push_str(&format!(
        "<p class=\"summary\">{}</p>\n",
        html_escape(&summary_line(report, &s))
    ));
    for note in &s.notes {
        h.push_str(&format!("<p class=\"note\">{}</p>\n", html_escape(note)));
    }
    if report.speakers.is_empty() {
        h.push_str("<section><p>No statements with a speaker.</p></section>\n");
    } else {
        let shown: Vec<&SpeakerRow> = report.speakers.iter().take(MIX_SPEAKERS).collect();
        h.push_str("<section id=\"mix\">\n<h2>Stance mix</h2>\n<div class=\"legend\">");
        let uncertain = report.speakers.iter().any(|r| r.uncertain > 0);
        let legend = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), label_color(l, i)))
            .chain(uncertain.then(|| (UNCERTAIN, label_color(UNCERTAIN, 0))));
        for (label, color) in legend {
            h.push_str(&format!(
                "<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span>",
                css(color),
                html_escape(label)
            ));
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
        if uncertain {
            h.push_str(&format!(
                "<p class=\"note\">Bars are shares of all statements, {UNCERTAIN} ones included; the table's shares leave them out.</p>\n"
            ));
        }
        h.push_str("</section>\n");

        let (periods, lines) = trend_lines(report);
        if has_net && periods.len() >= 2 {
            h.push_str(&format!(
                "<section id=\"trend\">\n<h2>Net stance by {}</h2>\n<div class=\"legend\">",
                report.period.as_str()
            ));
            for (k, (speaker, _)) in lines.iter().enumerate() {
                h.push_str(&format!(
                    "<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span>",
                    css(PALETTE[k % PALETTE.len()]),
                    html_escape(speaker)
                ));
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
        }

        h.push_str("<section id=\"speakers\">\n<h2>Speakers</h2>\n");
        h.push_str("<p class=\"note\">Click a column header to sort.");
        if has_net {
            h.push_str(&format!(" {}", html_escape(NET_EXPLAINED)));
        }
        h.push_str("</p>\n<div class=\"table-wrap\">\n<table class=\"sortable\" id=\"speaker-table\">\n<thead><tr>");
        th(&mut h, "Speaker", false);
        th(&mut h, "Statements", true);
        th(&mut h, "Articles", true);
        th(&mut h, "Dominant", false);
        if has_net {
            th(&mut h, "Net stance", true);
        }
        for l in labels {
            th(&mut h, l, true);
        }
        let uncertain = report.speakers.iter().any(|r| r.uncertain > 0);
        if uncertain {
            th(&mut h, UNCERTAIN, true);
        }
        th(&mut h, "Confidence", true);
        let dated = s.first.is_some();
        if dated {
            th(&mut h, "First", false);
            th(&mut h, "Last", false);
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for (i, row) in report.speakers.iter().enumerate() {
            h.push_str(&format!(
                "<tr><td><a href=\"#s{i}\">{}</a></td>",
                html_escape(&row.speaker)
            ));
            let count = |n: u64| (Some(n as f64), n.to_string());
            for (v, shown) in [count(row.statements), count(row.articles)] {
                td_num(&mut h, v, &shown);
            }
            match row.dominant {
                Some(d) => h.push_str(&format!(
                    "<td data-v=\"{}\">{}</td>",
                    html_escape(&labels[d]),
                    pill(&labels[d], d)
                )),
                None => h.push_str("<td data-v=\"\">–</td>"),
            }
            if has_net {
                td_num(&mut h, row.net_stance, &signed(row.net_stance));
            }
            share_tds(&mut h, row, labels);
            if uncertain {
                td_num(
                    &mut h,
                    Some(row.uncertain as f64),
                    &row.uncertain.to_string(),
                );
            }
            td_num(
                &mut h,
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

        if report.period_rows && !report.periods.is_empty() {
            h.push_str(&format!(
                "<section id=\"periods\">\n<h2>By {}</h2>\n<div class=\"table-wrap\">\n<table class=\"sortable\" id=\"period-table\">\n<thead><tr>",
                report.period.as_str()
            ));
            th(&mut h, "Speaker", false);
            th(&mut h, "Period", false);
            th(&mut h, "Statements", true);
            if has_net {
                th(&mut h, "Net stance", true);
            }
            for l in labels {
                th(&mut h, l, true);
            }
            h.push_str("</tr></thead>\n<tbody>\n");
            for row in &report.periods {
                let period = row.period.as_deref().unwrap_or("");
                h.push_str(&format!(
                    "<tr><td>{}</td><td data-v=\"{1}\">{1}</td>",
                    html_escape(&row.speaker),
                    html_escape(period)
                ));
                td_num(
                    &mut h,
                    Some(row.statements as f64),
                    &row.statements.to_string(),
                );
                if has_net {
                    td_num(&mut h, row.net_stance, &signed(row.net_stance));
                }
                share_tds(&mut h, row, labels);
                h.push_str("</tr>\n");
            }
            h.push_str("</tbody>\n</table>\n</div>\n</section>\n");
        }

        h.push_str(
            "<section id=\"examples\" class=\"examples\">\n<h2>Most confident examples</h2>\n",
        );
        for (i, row) in report.speakers.iter().enumerate() {
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
    h.push_str("</main>\n<script>");
    h.push_str(SCRIPT);
    h.push_str("</script>\n</body>\n</html>\n");
    out.write_all(h.as_bytes())
}
