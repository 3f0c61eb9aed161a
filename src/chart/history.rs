//! The history view: for one region, each year's target against that year's result, in the
//! indicator's own measure, as small multiples on one row of years. Growth rates share a
//! panel (a few at a time); a rate or a level has a panel of its own, since units differ.
//! An indicator with figures of one year only gets no panel: the footer names it.

use eframe::egui::{self, RichText, Ui, vec2};

use super::footer::{FooterLine, name_list};
use super::history_panel::{self, Panel, Years};
use super::rows::Pair;
use super::{ChartResponse, Ctx, Mode};
use crate::history::{History, Measure, histories};
use crate::merge::Conflict;
use crate::model::Indicator;

/// Growth rates drawn together in one panel at most: more lines would tangle.
const SHARED: usize = 3;

/// The conflicts of the region shown (the compare view's regions hold them).
fn conflicts<'a>(cx: &Ctx<'a>) -> &'a [Conflict] {
    let key = cx.data.report.region_zh.trim();
    cx.regions
        .iter()
        .find(|r| r.key == key)
        .map(|r| r.conflicts.as_slice())
        .unwrap_or(&[])
}

/// A rate, which the progress and trend views never make an index of.
pub fn is_rate(ind: &Indicator) -> bool {
    Measure::of(ind).is_rate()
}

/// The histories of the indicators ticked, in order.
pub fn ticked_histories<'a>(cx: &Ctx<'_>, pairs: &[Pair<'a>]) -> Vec<History<'a>> {
    let selected: Vec<&Indicator> = pairs.iter().map(|p| p.indicator).collect();
    histories(cx.data, &selected, conflicts(cx))
}

/// Histories worth a panel (two years or more) grouped into panels: growth rates a few
/// together, everything else alone, in the order of the first indicator of each.
pub fn panels<'h, 'a>(all: &'h [History<'a>]) -> Vec<Panel<'h, 'a>> {
    let mut out: Vec<Panel<'h, 'a>> = Vec::new();
    let mut open_growth: Option<usize> = None;
    for h in all.iter().filter(|h| h.known_years().nth(1).is_some()) {
        if h.measure == Measure::Growth {
            match open_growth {
                Some(n) if out[n].series.len() < SHARED => out[n].series.push(h),
                _ => {
                    open_growth = Some(out.len());
                    out.push(Panel { series: vec![h] });
                }
            }
        } else {
            out.push(Panel { series: vec![h] });
        }
    }
    out
}

/// Draws the panels that fit; the rest, and the indicators of one year, are named in the
/// footer.
pub fn show(ui: &mut Ui, cx: &Ctx<'_>, pairs: &[Pair<'_>]) -> ChartResponse {
    let all = ticked_histories(cx, pairs);
    let panels = panels(&all);
    let mut response = ChartResponse::default();
    if panels.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.label(
                RichText::new(cx.texts().empty_history)
                    .size(16.0 * cx.scale)
                    .weak(),
            );
        });
        return response;
    }
    let area = ui.available_rect_before_wrap();
    let cells = grid(cx, area, &panels);
    let n = cells.len();
    let drawn = &panels[..n];
    let known: Vec<i32> = drawn
        .iter()
        .flat_map(|p| &p.series)
        .flat_map(|h| h.known_years())
        .map(|y| y.year)
        .collect();
    let years = Years {
        first: known.iter().copied().min().unwrap_or(0),
        last: known.iter().copied().max().unwrap_or(0),
    };
    for (k, (panel, cell)) in drawn.iter().zip(cells).enumerate() {
        let rect = cell.shrink2(vec2(10.0, 8.0) * cx.scale);
        history_panel::show(ui, cx, rect, k, panel, years, &mut response);
    }
    ui.advance_cursor_after_rect(area);
    response.drawn = drawn
        .iter()
        .flat_map(|p| &p.series)
        .map(|h| h.indicator.id.clone())
        .collect();
    response
}

/// The cells of the panels that fit in `area`, in reading order: a grid of about the
/// area's shape, each row as tall as its panels' titles and marks need (a panel of several
/// growth rates has a row each).
fn grid(cx: &Ctx<'_>, area: egui::Rect, panels: &[Panel<'_, '_>]) -> Vec<egui::Rect> {
    // Below this a panel of ten years cannot be read. An image keeps its slide-sized type,
    // so its panels are larger.
    let min_cell = match cx.mode {
        Mode::Image { .. } => vec2(280.0, 170.0) * cx.scale,
        Mode::Interactive { .. } => vec2(240.0, 160.0) * cx.scale,
    };
    let max_cols = ((area.width() / min_cell.x).floor() as usize).max(1);
    let max_rows = ((area.height() / min_cell.y).floor() as usize).max(1);
    let n = panels.len().min(max_cols * max_rows);
    let aspect = (area.width() / area.height().max(1.0)).max(0.1) as f64;
    let mut cols = ((n as f64 * aspect / 1.6).sqrt().round() as usize).clamp(1, max_cols.min(n));
    if n.div_ceil(cols) > max_rows {
        cols = n.div_ceil(max_rows).min(max_cols);
    }
    let weights: Vec<f32> = panels[..n]
        .chunks(cols)
        .map(|row| {
            let most = row.iter().map(|p| p.series.len()).max().unwrap_or(1);
            1.0 + 0.3 * (most - 1) as f32
        })
        .collect();
    let total: f32 = weights.iter().sum();
    let width = area.width() / cols as f32;
    let mut top = area.top();
    let mut cells = Vec::with_capacity(n);
    for (r, weight) in weights.iter().enumerate() {
        let height = area.height() * weight / total;
        for c in 0..cols.min(n - r * cols) {
            let min = egui::pos2(area.left() + c as f32 * width, top);
            cells.push(egui::Rect::from_min_size(min, vec2(width, height)));
        }
        top += height;
    }
    cells
}

/// The footer: indicators with one year only, those left out for room, the source, marks.
pub fn footer_lines(cx: &Ctx<'_>, pairs: &[Pair<'_>], drawn: &[String]) -> Vec<FooterLine> {
    let lang = cx.spec.lang;
    let t = cx.texts();
    let all = ticked_histories(cx, pairs);
    let name = |h: &&History<'_>| h.indicator.name(lang).to_owned();
    let mut lines = Vec::new();
    let single: Vec<&History<'_>> = all
        .iter()
        .filter(|h| h.known_years().nth(1).is_none())
        .collect();
    if !single.is_empty() {
        let names = name_list(single.iter().map(name), single.len(), 4, t);
        lines.push(FooterLine::weak(format!(
            "{}{names}",
            t.history_single_year
        )));
    }
    let left_out: Vec<&History<'_>> = all
        .iter()
        .filter(|h| h.known_years().nth(1).is_some())
        .filter(|h| !drawn.contains(&h.indicator.id))
        .collect();
    if !left_out.is_empty() {
        let names = name_list(left_out.iter().map(name), left_out.len(), 4, t);
        lines.push(FooterLine::weak(format!("{}{names}", t.not_drawn)));
    }
    lines.push(FooterLine::plain(format!(
        "{}{}{}",
        t.source,
        t.colon,
        cx.data.report.title(lang)
    )));
    lines.push(FooterLine::weak(t.history_marks_note.to_owned()));
    lines
}
