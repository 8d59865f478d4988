//! The SVG charts of the HTML page, drawn with plotters: the stance mix per
//! speaker and the net stance per period.

use std::collections::BTreeSet;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::aggregate::{Report, SpeakerRow};
use super::summary::shorten;
use crate::scored::UNCERTAIN;

/// Fill colours of the labels: the stances by meaning, others from a palette.
pub(super) fn label_color(label: &str, index: usize) -> RGBColor {
    match label {
        "conciliatory" => RGBColor(42, 157, 143),
        "sceptical" => RGBColor(233, 196, 106),
        "hawkish" => RGBColor(214, 69, 65),
        "neutral" => RGBColor(112, 141, 171),
        UNCERTAIN => RGBColor(190, 196, 204),
        _ => PALETTE[index % PALETTE.len()],
    }
}

/// Line colours of the trend chart (Tableau 10).
pub(super) const PALETTE: [RGBColor; 8] = [
    RGBColor(78, 121, 167),
    RGBColor(242, 142, 43),
    RGBColor(225, 87, 89),
    RGBColor(118, 183, 178),
    RGBColor(89, 161, 79),
    RGBColor(237, 201, 72),
    RGBColor(176, 122, 161),
    RGBColor(156, 117, 95),
];

/// White or dark text, whichever reads better on `fill`.
pub(super) fn text_on(fill: RGBColor) -> RGBColor {
    let luma = 0.299 * f64::from(fill.0) + 0.587 * f64::from(fill.1) + 0.114 * f64::from(fill.2);
    if luma > 170.0 {
        RGBColor(51, 41, 0)
    } else {
        WHITE
    }
}

pub(super) fn css(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// Speakers in the stance mix chart; the table lists all.
pub(super) const MIX_SPEAKERS: usize = 30;
/// Speakers in the trend chart.
pub(super) const TREND_SPEAKERS: usize = 8;
/// Characters of a speaker name in chart labels.
const CHART_NAME: usize = 28;
const CHART_WIDTH: u32 = 1040;

fn font(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    ("sans-serif", size)
        .into_font()
        .color(&color)
        .pos(Pos::new(h, v))
}

type Drawn = std::result::Result<(), Box<dyn std::error::Error>>;

/// Stacked horizontal bars: each speaker's statements by label (plotters
/// escapes the text it writes into the SVG).
pub(super) fn mix_chart(report: &Report, rows: &[&SpeakerRow]) -> std::io::Result<String> {
    let mut svg = String::new();
    draw_mix(&mut svg, report, rows)
        .map_err(|e| std::io::Error::other(format!("drawing the stance mix chart: {e}")))?;
    Ok(svg)
}

fn draw_mix(svg: &mut String, report: &Report, rows: &[&SpeakerRow]) -> Drawn {
    let (left, right, top, band) = (250, CHART_WIDTH as i32 - 30, 8, 28);
    let height = (top + band * rows.len() as i32 + 34) as u32;
    {
        let root = SVGBackend::with_string(svg, (CHART_WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let width = f64::from(right - left);
        let x = |fraction: f64| left + (fraction * width).round() as i32;
        let axis_y = top + band * rows.len() as i32;
        let grey = RGBColor(154, 165, 177);
        for tick in 0..=4 {
            let at = x(f64::from(tick) / 4.0);
            root.draw(&PathElement::new(
                vec![(at, top), (at, axis_y)],
                RGBColor(226, 232, 240),
            ))?;
            root.draw(&Text::new(
                format!("{}%", tick * 25),
                (at, axis_y + 6),
                font(15.0, grey, HPos::Center, VPos::Top),
            ))?;
        }
        for (i, row) in rows.iter().enumerate() {
            let y0 = top + band * i as i32;
            let mid = y0 + band / 2;
            root.draw(&Text::new(
                shorten(&row.speaker, CHART_NAME).into_owned(),
                (left - 10, mid),
                font(16.0, RGBColor(31, 41, 51), HPos::Right, VPos::Center),
            ))?;
            let segments = row
                .counts
                .iter()
                .enumerate()
                .map(|(l, &n)| (n, label_color(&report.labels[l], l)))
                .chain(std::iter::once((row.uncertain, label_color(UNCERTAIN, 0))));
            let mut done = 0u64;
            for (n, color) in segments {
                if n == 0 {
                    continue;
                }
                let (a, b) = (
                    x(done as f64 / row.statements as f64),
                    x((done + n) as f64 / row.statements as f64),
                );
                done += n;
                root.draw(&Rectangle::new(
                    [(a, y0 + 5), (b, y0 + band - 5)],
                    color.filled(),
                ))?;
                if b - a >= 34 {
                    let share = n as f64 / row.statements as f64;
                    root.draw(&Text::new(
                        format!("{:.0}%", share * 100.0),
                        ((a + b) / 2, mid),
                        font(14.0, text_on(color), HPos::Center, VPos::Center),
                    ))?;
                }
            }
        }
        root.draw(&PathElement::new(
            vec![(left, axis_y), (right, axis_y)],
            grey,
        ))?;
        root.present()?;
    }
    Ok(())
}

/// Net stance per period, one line per speaker.
pub(super) fn trend_chart(periods: &[String], lines: &[TrendLine<'_>]) -> std::io::Result<String> {
    let mut svg = String::new();
    draw_trend(&mut svg, periods, lines)
        .map_err(|e| std::io::Error::other(format!("drawing the trend chart: {e}")))?;
    Ok(svg)
}

fn draw_trend(svg: &mut String, periods: &[String], lines: &[TrendLine<'_>]) -> Drawn {
    let (left, right, top, bottom) = (64, CHART_WIDTH as i32 - 20, 14, 280);
    let height = (bottom + 40) as u32;
    {
        let root = SVGBackend::with_string(svg, (CHART_WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let step = f64::from(right - left) / periods.len() as f64;
        let x = |i: usize| left + ((i as f64 + 0.5) * step).round() as i32;
        let y = |v: f64| top + ((1.0 - v) / 2.0 * f64::from(bottom - top)).round() as i32;
        let grey = RGBColor(154, 165, 177);
        for (v, text) in [
            (1.0, "+1"),
            (0.5, "+0.5"),
            (0.0, "0"),
            (-0.5, "−0.5"),
            (-1.0, "−1"),
        ] {
            let color = if v == 0.0 {
                RGBColor(123, 135, 148)
            } else {
                RGBColor(226, 232, 240)
            };
            root.draw(&PathElement::new(vec![(left, y(v)), (right, y(v))], color))?;
            root.draw(&Text::new(
                text,
                (left - 8, y(v)),
                font(15.0, grey, HPos::Right, VPos::Center),
            ))?;
        }
        root.draw(&Text::new(
            "hawkish ↑",
            (left + 6, y(1.0) + 4),
            font(14.0, grey, HPos::Left, VPos::Top),
        ))?;
        root.draw(&Text::new(
            "conciliatory ↓",
            (left + 6, y(-1.0) - 4),
            font(14.0, grey, HPos::Left, VPos::Bottom),
        ))?;
        let every = periods.len().div_ceil(12);
        for (i, p) in periods.iter().enumerate() {
            if i % every == 0 {
                root.draw(&Text::new(
                    p.as_str(),
                    (x(i), bottom + 10),
                    font(15.0, grey, HPos::Center, VPos::Top),
                ))?;
            }
        }
        for (k, (_, points)) in lines.iter().enumerate() {
            let color = PALETTE[k % PALETTE.len()];
            let coords: Vec<(i32, i32)> = points.iter().map(|&(i, v)| (x(i), y(v))).collect();
            root.draw(&PathElement::new(coords.clone(), color.stroke_width(2)))?;
            for c in coords {
                root.draw(&Circle::new(c, 4, color.filled()))?;
            }
        }
        root.present()?;
    }
    Ok(())
}

/// The trend chart's periods and lines: the busiest speakers with a net
/// stance in at least one period.
/// A speaker and their (period index, net stance) points.
type TrendLine<'a> = (&'a str, Vec<(usize, f64)>);

pub(super) fn trend_lines(report: &Report) -> (Vec<String>, Vec<TrendLine<'_>>) {
    let mut chosen: Vec<&str> = Vec::new();
    for row in &report.speakers {
        if chosen.len() == TREND_SPEAKERS {
            break;
        }
        if report
            .periods
            .iter()
            .any(|p| p.speaker == row.speaker && p.net_stance.is_some())
        {
            chosen.push(&row.speaker);
        }
    }
    let periods: Vec<String> = report
        .periods
        .iter()
        .filter(|p| chosen.contains(&p.speaker.as_str()) && p.net_stance.is_some())
        .filter_map(|p| p.period.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let lines = chosen
        .iter()
        .map(|&speaker| {
            let points = report
                .periods
                .iter()
                .filter(|p| p.speaker == speaker)
                .filter_map(|p| {
                    let i = periods.binary_search(p.period.as_ref()?).ok()?;
                    Some((i, p.net_stance?))
                })
                .collect();
            (speaker, points)
        })
        .collect();
    (periods, lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::aggregate::Aggregate;
    use crate::report::period::Period;
    use crate::report::testing::{labels, row};

    #[test]
    fn svg_text_is_escaped() {
        let mut a = Aggregate::new(labels(), Period::Month);
        a.add(row("<script>alert(1)</script>", "a", 0, "hawkish", 9_000));
        let report = a.finish(1, false);
        let rows: Vec<&SpeakerRow> = report.speakers.iter().collect();
        let svg = mix_chart(&report, &rows).unwrap();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
    }
}
