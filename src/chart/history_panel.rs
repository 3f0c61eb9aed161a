//! One panel of the history view: the years across, the indicator's own measure up, each
//! year's target as a mark of its kind, the results as a solid line broken where a year is
//! missing, and a row of ✓/× above. Drawn with the painter in fixed bands (titles, marks,
//! plot, years, notes), so no two pieces of text can meet, and a frame of many panels costs
//! little.

use eframe::egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, Ui, pos2};

use super::history_hover;
use super::history_marks::{self, MarkSize, TargetMark};
use super::style::truncate;
use super::{ChartResponse, Ctx};
use crate::fonts;
use crate::history::{History, Measure, NoResult, Year};
use crate::i18n::Texts;
use crate::model::format_number;

/// The indicators one panel draws: one, or a few growth rates sharing an axis.
pub struct Panel<'h, 'a> {
    pub series: Vec<&'h History<'a>>,
}

/// The years every panel spans, so that small multiples line up.
#[derive(Clone, Copy)]
pub struct Years {
    pub first: i32,
    pub last: i32,
}

/// Colours of a series: blue results and orange targets alone, one colour each when
/// several share a panel (never the target's orange, which would read as a target).
fn colors(cx: &Ctx<'_>, count: usize, k: usize) -> (Color32, Color32) {
    if count == 1 {
        (cx.palette.actual, cx.palette.target)
    } else {
        let c = cx.palette.line([0, 2, 4][k % 3]);
        (c, c)
    }
}

/// Type, colours and line widths of a panel.
struct Style {
    scale: f32,
    title: FontId,
    small: FontId,
    mark: f32,
    line: f32,
    text: Color32,
    weak: Color32,
}

impl Style {
    fn new(ui: &Ui, scale: f32) -> Style {
        Style {
            scale,
            title: FontId::new(14.0 * scale, fonts::bold()),
            small: FontId::proportional(11.0 * scale),
            mark: 12.0 * scale,
            line: 2.0 * scale,
            text: ui.visuals().text_color(),
            weak: ui.visuals().weak_text_color(),
        }
    }

    fn width(&self, ui: &Ui, text: &str, font: &FontId) -> f32 {
        ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), self.text))
            .size()
            .x
    }

    /// Small weak text whose bottom left is `at`.
    fn note(&self, painter: &Painter, at: Pos2, text: String) {
        painter.text(at, Align2::LEFT_BOTTOM, text, self.small.clone(), self.weak);
    }

    /// Text cut to `width` points, with an ellipsis where cut.
    fn fitted(&self, ui: &Ui, text: &str, font: &FontId, width: f32) -> String {
        if self.width(ui, text, font) <= width {
            return text.to_owned();
        }
        let mut keep = text.chars().count();
        while keep > 1 {
            keep -= 1;
            let cut = truncate(text, keep);
            if self.width(ui, &cut, font) <= width {
                return cut;
            }
        }
        String::new()
    }
}

/// Maps years and values to points.
pub(super) struct Axes {
    pub plot: Rect,
    pub years: Years,
    pub lo: f64,
    pub hi: f64,
}

impl Axes {
    pub fn year_width(&self) -> f32 {
        self.plot.width() / (self.years.last - self.years.first + 1).max(1) as f32
    }

    pub fn x(&self, year: i32) -> f32 {
        self.plot.left()
            + (year - self.years.first) as f32 * self.year_width()
            + self.year_width() / 2.0
    }

    pub fn y(&self, v: f64) -> f32 {
        let t = ((v - self.lo) / (self.hi - self.lo).max(1e-12)) as f32;
        self.plot.bottom() - t * self.plot.height()
    }
}

/// Round steps (1, 2 or 5 times a power of ten) at most `count` between `lo` and `hi`.
fn ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) || count == 0 {
        return Vec::new();
    }
    let step = super::plot::round_step(span / count as f64);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last.min(first + 50))
        .map(|k| k as f64 * step)
        .collect()
}

/// The value range of a panel: every target bound and result shown, with zero for growth
/// and changes (a fall reads as a fall), padded so marks stay inside.
fn value_range(panel: &Panel<'_, '_>, cx: &Ctx<'_>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for h in &panel.series {
        for y in &h.years {
            let target = y.target.filter(|_| cx.spec.show_target);
            let result = y.result.filter(|_| cx.spec.show_actual);
            let numbers = [
                target.and_then(|o| h.measure.number(o)),
                target.and_then(|o| h.measure.high(o)),
                result.and_then(|o| h.measure.number(o)),
            ];
            for v in numbers.into_iter().flatten() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
    }
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    if matches!(
        panel.series[0].measure,
        Measure::Growth | Measure::RateChange
    ) {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    let span = hi - lo;
    let pad = if span > 0.0 {
        span * 0.08
    } else {
        (hi.abs() * 0.1).max(1.0)
    };
    (lo - pad, hi + pad)
}

/// The notes under a panel: results pending or not given, figures two files disagree on.
fn notes(panel: &Panel<'_, '_>, t: &Texts) -> String {
    let years_where = |keep: &dyn Fn(&Year<'_>) -> bool| {
        let mut years: Vec<String> = panel
            .series
            .iter()
            .flat_map(|h| &h.years)
            .filter(|y| keep(y))
            .map(|y| y.year.to_string())
            .collect();
        years.sort_unstable();
        years.dedup();
        years.join(t.list_sep)
    };
    let pending = years_where(&|y: &Year<'_>| y.no_result == Some(NoResult::Pending));
    let not_given = years_where(&|y: &Year<'_>| y.no_result == Some(NoResult::NotGiven));
    let conflicts = years_where(&|y: &Year<'_>| !y.conflicts.is_empty());
    [
        (pending, t.history_pending_years),
        (not_given, t.history_not_given_years),
        (conflicts, t.history_conflict_years),
    ]
    .into_iter()
    .filter(|(years, _)| !years.is_empty())
    .map(|(years, template)| template.replace("{years}", &years))
    .collect::<Vec<_>>()
    .join("  ")
}

/// The title rows (one per indicator, with its score and, when several share the panel,
/// its colour) and the measure under them; returns where they end.
fn titles(
    ui: &Ui,
    painter: &Painter,
    style: &Style,
    cx: &Ctx<'_>,
    panel: &Panel<'_, '_>,
    rect: Rect,
) -> f32 {
    let lang = cx.spec.lang;
    let count = panel.series.len();
    let mut top = rect.top();
    let size = style.title.size;
    for (n, h) in panel.series.iter().enumerate() {
        let ind = h.indicator;
        let mut name = ind.name(lang).to_owned();
        if !ind.comparable {
            name.insert_str(0, "≠ ");
        }
        let score = h.score();
        let score = if score.judged() > 0 {
            format!("  {}", score.text(lang))
        } else {
            String::new()
        };
        let mut left = rect.left();
        if count > 1 {
            let (color, _) = colors(cx, count, n);
            let y = top + size * 0.65;
            let run = vec![pos2(left + style.line * 2.0, y), pos2(left + size, y)];
            history_marks::results(painter, vec![run], color, style.line);
            left += size * 1.4;
        }
        let room = rect.right() - left - style.width(ui, &score, &style.small) - 2.0;
        let name = style.fitted(ui, &name, &style.title, room);
        let drawn = painter.text(
            pos2(left, top),
            Align2::LEFT_TOP,
            name,
            style.title.clone(),
            style.text,
        );
        if !score.is_empty() {
            style.note(painter, pos2(drawn.right(), drawn.bottom()), score);
        }
        top += size * 1.35;
    }
    let first = panel.series[0];
    let axis = first.measure.axis(first.indicator, lang);
    let axis = style.fitted(ui, &axis, &style.small, rect.width());
    painter.text(
        pos2(rect.left(), top),
        Align2::LEFT_TOP,
        axis,
        style.small.clone(),
        style.weak,
    );
    top + style.small.size * 1.4
}

/// The plot's frame in `area`: value labels and grid lines, the years below. None when the
/// panel has no room for a plot.
fn frame(
    ui: &Ui,
    painter: &Painter,
    style: &Style,
    area: Rect,
    range: (f64, f64),
    years: Years,
) -> Option<Axes> {
    let s = style.scale;
    let small = style.small.size;
    let years_height = small * 1.5;
    let (lo, hi) = range;
    let count = ((area.height() - years_height) / (small * 2.2))
        .floor()
        .max(2.0) as usize;
    let ticks = ticks(lo, hi, count);
    let labels: Vec<String> = ticks.iter().map(|v| format_number(*v)).collect();
    let label_width = labels
        .iter()
        .map(|l| style.width(ui, l, &style.small))
        .fold(0.0_f32, f32::max);
    let plot = Rect::from_min_max(
        pos2(area.left() + label_width + 6.0 * s, area.top() + 3.0 * s),
        pos2(area.right() - 2.0 * s, area.bottom() - years_height),
    );
    if plot.width() < 10.0 || plot.height() < 10.0 {
        return None;
    }
    // Marks stay clear of the frame.
    let pad = 6.0 * s;
    let axes = Axes {
        plot: Rect::from_min_max(
            pos2(plot.left(), plot.top() + pad),
            pos2(plot.right(), plot.bottom() - pad),
        ),
        years,
        lo,
        hi,
    };
    let grid = style.weak.gamma_multiply(0.35);
    painter.rect_stroke(plot, 0.0, Stroke::new(1.0, grid), StrokeKind::Inside);
    for (v, label) in ticks.iter().zip(labels) {
        let y = axes.y(*v);
        // A label that would stick out of the plot's height is left out.
        if y - small * 0.6 < plot.top() || y + small * 0.6 > plot.bottom() {
            continue;
        }
        let color = if *v == 0.0 { style.weak } else { grid };
        painter.line_segment(
            [pos2(plot.left(), y), pos2(plot.right(), y)],
            Stroke::new(1.0, color),
        );
        let at = pos2(plot.left() - 4.0 * s, y);
        painter.text(
            at,
            Align2::RIGHT_CENTER,
            label,
            style.small.clone(),
            style.weak,
        );
    }
    // Every year where there is room, else every second, fifth or tenth.
    let width = style.width(ui, "2000", &style.small) * 1.3;
    let step = [1, 2, 5, 10]
        .into_iter()
        .find(|n| axes.year_width() * *n as f32 >= width)
        .unwrap_or(20);
    for year in (years.first..=years.last).step_by(step) {
        let at = pos2(axes.x(year), plot.bottom() + 2.0 * s);
        painter.text(
            at,
            Align2::CENTER_TOP,
            year.to_string(),
            style.small.clone(),
            style.weak,
        );
    }
    Some(axes)
}

/// Draws one panel into `rect`; in the window, hovering a year shows its figures and a
/// click picks the indicator for the details panel.
pub fn show(
    ui: &mut Ui,
    cx: &Ctx<'_>,
    rect: Rect,
    k: usize,
    panel: &Panel<'_, '_>,
    years: Years,
    response: &mut ChartResponse,
) {
    let style = Style::new(ui, cx.scale);
    let painter = ui.painter_at(rect);
    let count = panel.series.len();
    let mut top = titles(ui, &painter, &style, cx, panel, rect);
    let note = notes(panel, cx.texts());
    let mut bottom = rect.bottom();
    if !note.is_empty() {
        let note = style.fitted(ui, &note, &style.small, rect.width());
        style.note(&painter, pos2(rect.left(), rect.bottom()), note);
        bottom -= style.small.size * 1.35;
    }
    let marked = panel
        .series
        .iter()
        .any(|h| h.years.iter().any(|y| y.outcome.is_some()));
    let marks_top = top;
    if marked {
        top += style.mark * 1.3 * count as f32;
    }
    let area = Rect::from_min_max(pos2(rect.left(), top), pos2(rect.right(), bottom));
    let Some(axes) = frame(ui, &painter, &style, area, value_range(panel, cx), years) else {
        return;
    };
    if let Some(year) = history_hover::hover_year(ui, cx, &axes, k, panel, response) {
        let (x, half) = (axes.x(year), axes.year_width() / 2.0);
        let column = Rect::from_x_y_ranges(x - half..=x + half, area.top()..=axes.plot.bottom());
        painter.rect_filled(column, 0.0, style.weak.gamma_multiply(0.12));
    }
    let offset = (axes.year_width() * 0.22).min(10.0 * cx.scale);
    for (n, h) in panel.series.iter().enumerate() {
        let dx = (n as f32 - (count as f32 - 1.0) / 2.0) * offset;
        let (result_color, target_color) = colors(cx, count, n);
        if cx.spec.show_target {
            draw_targets(&painter, &axes, h, dx, target_color, &style);
        }
        if cx.spec.show_actual {
            draw_results(&painter, &axes, h, dx, result_color, style.line);
        }
        if marked {
            let row = marks_top + style.mark * 1.3 * (n as f32 + 0.5);
            let color = if count == 1 { style.text } else { result_color };
            let font = FontId::proportional(style.mark.min(axes.year_width() * 0.55));
            for y in &h.years {
                if let Some(outcome) = y.outcome {
                    let at = pos2(axes.x(y.year) + dx, row);
                    painter.text(
                        at,
                        Align2::CENTER_CENTER,
                        outcome.mark(),
                        font.clone(),
                        color,
                    );
                }
            }
        }
    }
}

fn draw_targets(
    painter: &Painter,
    axes: &Axes,
    h: &History<'_>,
    dx: f32,
    color: Color32,
    style: &Style,
) {
    let s = style.scale;
    let size = MarkSize {
        half: (axes.year_width() * 0.3).min(9.0 * s),
        r: (axes.year_width() * 0.16).min(5.0 * s),
        line: style.line,
    };
    for y in &h.years {
        let Some(obs) = y.target else { continue };
        let Some(v) = h.measure.number(obs) else {
            continue;
        };
        let at = pos2(axes.x(y.year) + dx, axes.y(v));
        let mark = TargetMark::of(h.measure, obs);
        let top = match mark {
            TargetMark::Range(high) => axes.y(high),
            _ => at.y,
        };
        history_marks::target(painter, mark, at, top, size, color);
    }
}

/// The results: points, joined by a solid line between consecutive years only.
fn draw_results(
    painter: &Painter,
    axes: &Axes,
    h: &History<'_>,
    dx: f32,
    color: Color32,
    line: f32,
) {
    let mut runs: Vec<Vec<Pos2>> = vec![Vec::new()];
    for y in &h.years {
        let point = y.result.and_then(|o| h.measure.number(o));
        match (point, runs.last_mut()) {
            (Some(v), Some(run)) => run.push(pos2(axes.x(y.year) + dx, axes.y(v))),
            (None, Some(run)) if !run.is_empty() => runs.push(Vec::new()),
            _ => {}
        }
    }
    history_marks::results(painter, runs, color, line);
}
