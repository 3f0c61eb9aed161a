//! Horizontal bars, one row per indicator: the growth and progress views. A range is a
//! band past its bar, a floor or a ceiling carries an arrowhead ([`marks`]); names wrap
//! onto a second line before anything is cut ([`names`]); the rows have no grid lines, so
//! nothing strikes through a label.
//!
//! Rows never shrink below a readable height: in the window the rows scroll (only the
//! visible ones are laid out), in an image the rows that fit are drawn and the footer
//! counts the rest.

use eframe::egui::{self, Align2, Color32, FontId, Rect, RichText, Ui, UiBuilder};
use egui_plot::{AxisHints, GridMark, PlotPoint, PlotUi, Text, VLine};

use super::marks::{self, Figure};
use super::names;
use super::plot::{self, Subject};
use super::rows::{Pair, ProgressRow};
use super::style::{Look, figure_label, progress_label};
use super::{ChartResponse, Ctx, Mode};
use crate::model::Qualifier;

/// One horizontal bar: its series, where it starts and ends (a range's band beyond), and
/// its label.
pub struct BarSpec {
    pub color: Color32,
    pub base: f64,
    pub end: f64,
    /// A range's high bound.
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub label: String,
    pub look: Look,
}

impl BarSpec {
    fn figure(&self) -> Figure {
        Figure {
            low: self.end,
            high: self.high,
            qualifier: self.qualifier,
            look: self.look,
            color: self.color,
        }
    }

    /// Where the bar (or its band) ends furthest from its base.
    fn reach(&self) -> f64 {
        self.figure().reach(self.base)
    }
}

pub struct BarRow<'a> {
    pub subject: Subject<'a>,
    pub bars: Vec<BarSpec>,
}

/// Review-year growth against plan-year target growth, for the series switched on.
pub fn growth_bars<'a>(rows: &[Pair<'a>], cx: &Ctx<'_>) -> Vec<BarRow<'a>> {
    let series = |p: &Pair<'a>| {
        [
            (p.actual, cx.palette.actual, cx.spec.show_actual),
            (p.target, cx.palette.target, cx.spec.show_target),
        ]
    };
    rows.iter()
        .map(|p| BarRow {
            subject: Subject::Indicator(p.indicator),
            bars: series(p)
                .into_iter()
                .filter(|(_, _, shown)| *shown)
                .filter_map(|(obs, color, _)| {
                    let obs = obs?;
                    let growth = obs.growth_pct?;
                    Some(BarSpec {
                        color,
                        base: 0.0,
                        end: growth,
                        high: obs.growth_pct_high,
                        qualifier: obs.qualifier,
                        label: figure_label(p.indicator, obs, obs.growth_text()),
                        look: Look::of(p.indicator, obs).0,
                    })
                })
                .collect(),
        })
        .collect()
}

/// The plan-year target as an index of the review-year result, from 100.
pub fn progress_bars<'a>(rows: &[ProgressRow<'a>], cx: &Ctx<'_>) -> Vec<BarRow<'a>> {
    rows.iter()
        .map(|r| {
            let qualifier = r.pair.target.map_or(Qualifier::Exact, |t| t.qualifier);
            let mut label = progress_label(
                qualifier,
                r.index,
                r.index_high,
                r.from_growth,
                cx.spec.lang,
            );
            // Issue 21: a floor or ceiling is a mark at its level, labelled in its own unit.
            let (base, look) = match (r.bound, r.pair.target) {
                (Some(bound), Some(target)) => {
                    let lang = cx.spec.lang;
                    label = bound.label(target, r.pair.indicator.unit(lang), lang);
                    (r.index, Look::Bound)
                }
                _ => (100.0, Look::Solid),
            };
            BarRow {
                subject: Subject::Indicator(r.pair.indicator),
                bars: vec![BarSpec {
                    color: cx.palette.target,
                    base,
                    end: r.index,
                    high: r.index_high,
                    qualifier,
                    label,
                    look,
                }],
            }
        })
        .collect()
}

/// Type sizes and the smallest row that keeps them readable.
struct Sizes {
    name_font: f32,
    value_font: f32,
    /// The x axis and its title below the rows.
    axis: f32,
    row: f32,
}

impl Sizes {
    /// `name_lines`: 2 when a name needs a second line.
    fn new(cx: &Ctx<'_>, height: f32, n: usize, bars_per_row: usize, name_lines: f32) -> Sizes {
        let scale = cx.scale;
        let axis = 44.0 * scale;
        let (name_max, value_max) = (14.0 * scale, 13.0 * scale);
        let per_bar = bars_per_row.max(1) as f32;
        let row = |name: f32, value: f32| {
            (name / 0.7)
                .max(value * per_bar / 0.85)
                .max(name * 1.25 * name_lines)
        };
        match cx.mode {
            // An image keeps its slide-sized type; rows that do not fit are left out.
            Mode::Image { .. } => Sizes {
                name_font: name_max,
                value_font: value_max,
                axis,
                row: row(name_max, value_max),
            },
            // The window shrinks the type down to a readable floor, then scrolls.
            Mode::Interactive { .. } => {
                let fit = (height - axis) / (n as f32 + 0.5);
                let name_font = (fit * 0.7 / name_lines.max(1.0)).clamp(10.0, name_max);
                let value_font = (fit / per_bar * 0.85).clamp(9.0, value_max);
                Sizes {
                    name_font,
                    value_font,
                    axis,
                    row: row(name_font, value_font),
                }
            }
        }
    }

    /// How many rows fit in `height`.
    fn rows_fitting(&self, height: f32) -> usize {
        ((height - self.axis) / self.row - 0.5).floor().max(1.0) as usize
    }
}

/// What one bar plot shares between its rows, however many are shown.
pub struct Axes<'s> {
    pub id: &'s str,
    pub label: &'s str,
    /// A vertical line, e.g. progress's 100.
    pub reference: Option<(f64, Color32)>,
}

/// Draws the rows.
pub fn show(ui: &mut Ui, cx: &Ctx<'_>, axes: &Axes<'_>, rows: &[BarRow<'_>]) -> ChartResponse {
    let n = rows.len();
    let height = ui.available_height();
    let bars_per_row = rows.iter().map(|r| r.bars.len()).max().unwrap_or(1).max(1);
    let lang = cx.spec.lang;
    let max_column = ui.available_width() * 0.3;
    // The name column: as wide as the widest name, up to a third of the width; a longer
    // name takes a second line, and then every row has room for two.
    let probe = Sizes::new(cx, height, n, bars_per_row, 1.0);
    let name_names = || rows.iter().map(|r| r.subject.name(lang));
    let column = names::column_width(name_names(), probe.name_font, max_column);
    let two_lines = name_names().any(|name| names::wraps(name, probe.name_font, column));
    let sizes = Sizes::new(
        cx,
        height,
        n,
        bars_per_row,
        if two_lines { 2.0 } else { 1.0 },
    );
    let column = names::column_width(name_names(), sizes.name_font, max_column);
    let fitting = sizes.rows_fitting(height);
    let layout = Layout {
        x_range: x_range(ui, rows, axes.reference, &sizes, column),
        sizes,
        column,
    };
    if n <= fitting || matches!(cx.mode, Mode::Image { .. }) {
        return rows_plot(ui, cx, axes, &layout, &rows[..n.min(fitting)]);
    }
    // More rows than fit: a scroll area as tall as every row, with the plot kept in its
    // visible part showing the rows scrolled to.
    let mut response = ChartResponse::default();
    let row = layout.sizes.row;
    egui::ScrollArea::vertical()
        .id_salt((axes.id, "rows"))
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            ui.set_min_height(n as f32 * row + layout.sizes.axis);
            let first = ((viewport.min.y / row).floor().max(0.0) as usize).min(n - fitting);
            let rect = egui::Rect::from_min_size(
                ui.max_rect().min + viewport.min.to_vec2(),
                egui::vec2(ui.available_width(), viewport.height()),
            );
            ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                response = rows_plot(ui, cx, axes, &layout, &rows[first..first + fitting]);
            });
        });
    // Every row is reachable by scrolling, so none is counted as left out.
    response.drawn = rows.iter().map(|r| r.subject.id()).collect();
    response
}

/// Sizes, the name column and the x range, worked out once from every row so that
/// scrolling keeps them.
struct Layout {
    sizes: Sizes,
    column: f32,
    x_range: (f64, f64),
}

/// The x range that holds every bar and its value label. Labels are measured in points and
/// turned into plot units by the plot's width (twice, as the range changes the scale); only
/// the labels of the bars reaching furthest each way are measured, so a long list costs
/// no more than a short one.
fn x_range(
    ui: &Ui,
    rows: &[BarRow<'_>],
    reference: Option<(f64, Color32)>,
    sizes: &Sizes,
    name_width: f32,
) -> (f64, f64) {
    let (mut lo, mut hi) = reference.map_or((0.0_f64, 0.0_f64), |(r, _)| (r, r));
    let mut bars: Vec<&BarSpec> = rows.iter().flat_map(|r| &r.bars).collect();
    for bar in &bars {
        lo = lo.min(bar.reach()).min(bar.base).min(bar.end);
        hi = hi.max(bar.reach()).max(bar.base).max(bar.end);
    }
    const MEASURED: usize = 8;
    bars.sort_by(|a, b| a.reach().total_cmp(&b.reach()));
    let extremes = bars
        .iter()
        .take(MEASURED)
        .chain(bars.iter().rev().take(MEASURED));
    let font = FontId::proportional(sizes.value_font);
    let labels: Vec<(f64, f64, f32)> = extremes
        .map(|bar| {
            let width = ui.fonts_mut(|f| {
                f.layout_no_wrap(format!(" {} ", bar.label), font.clone(), Color32::WHITE)
                    .size()
                    .x
            });
            // An arrowhead sits between the bar's end and its label.
            let arrow = if marks::has_arrowhead(bar.qualifier) {
                sizes.value_font
            } else {
                0.0
            };
            (bar.base, bar.reach(), width + arrow)
        })
        .collect();
    let plot_width = (ui.available_width() - name_width - 20.0).max(50.0) as f64;
    let (mut left, mut right) = (lo, hi);
    for _ in 0..2 {
        let per_point = (right - left).max(1e-9) / plot_width;
        for &(base, end, width) in &labels {
            let reach = width as f64 * per_point;
            if end >= base {
                right = right.max(end + reach);
            } else {
                left = left.min(end - reach);
            }
        }
    }
    (left, right)
}

fn rows_plot(
    ui: &mut Ui,
    cx: &Ctx<'_>,
    axes: &Axes<'_>,
    layout: &Layout,
    rows: &[BarRow<'_>],
) -> ChartResponse {
    let lang = cx.spec.lang;
    let n = rows.len();
    let area = ui.available_rect_before_wrap();
    let gap = 8.0 * cx.scale;
    let plot_rect = Rect::from_min_max(
        egui::pos2(area.min.x + layout.column + gap, area.min.y),
        area.max,
    );
    let result = ui
        .scope_builder(UiBuilder::new().max_rect(plot_rect), |ui| {
            bars_plot(ui, cx, axes, layout, rows, plot_rect)
        })
        .inner;
    // The names, whole, in the column left of the plot.
    let text = ui.visuals().text_color();
    let labels: Vec<&str> = rows.iter().map(|r| r.subject.name(lang)).collect();
    let font = FontId::proportional(layout.sizes.name_font);
    let laid = names::lay_out(ui, &labels, &font, text, layout.column);
    for (i, galley) in laid.galleys.iter().enumerate() {
        let y = result
            .transform
            .position_from_point(&PlotPoint::new(0.0, (n - 1 - i) as f64))
            .y;
        names::paint(ui.painter(), galley, area.min.x + layout.column, y, text);
    }
    let mut response = ChartResponse {
        drawn: rows.iter().map(|r| r.subject.id()).collect(),
        names_shortened: laid.shortened,
        ..ChartResponse::default()
    };
    plot::hover_and_click(
        &result,
        result.inner.map(|i| rows[i].subject),
        cx,
        &mut response,
    );
    response
}

/// The plot of the rows' bars and value labels; returns the row hovered, if any.
fn bars_plot(
    ui: &mut Ui,
    cx: &Ctx<'_>,
    axes: &Axes<'_>,
    layout: &Layout,
    rows: &[BarRow<'_>],
    plot_rect: Rect,
) -> egui_plot::PlotResponse<Option<usize>> {
    let n = rows.len();
    let bars_per_row = rows.iter().map(|r| r.bars.len()).max().unwrap_or(1).max(1);
    let (left, right) = layout.x_range;
    let style = BarStyle {
        width: if bars_per_row > 1 { 0.36 } else { 0.6 },
        tick: (right - left) * 0.012,
        missing: ui.visuals().weak_text_color(),
        stroke: 1.5 * cx.scale,
        per_point: (right - left) / f64::from(plot_rect.width().max(1.0)),
        value_font: layout.sizes.value_font,
    };
    let highlight = ui.visuals().weak_text_color().gamma_multiply(0.15);
    value_axis_plot(ui, cx, axes, layout, n, plot_rect).show(ui, |plot_ui| {
        let hovered = plot::hovered_row(plot_ui, n, n, highlight);
        if let Some((x, color)) = axes.reference {
            plot_ui.vline(VLine::new("", x).color(color).width(style.stroke));
        }
        for (i, row) in rows.iter().enumerate() {
            let y = (n - 1 - i) as f64;
            let count = row.bars.len();
            for (k, bar) in row.bars.iter().enumerate() {
                // Bars of one row stack downwards around the row's centre.
                let offset = if count > 1 {
                    (count as f64 - 1.0) / 2.0 * style.width - k as f64 * style.width
                } else {
                    0.0
                };
                let id = format!("{}-{i}-{k}", axes.id);
                draw_bar(plot_ui, &id, bar, y + offset, &style);
            }
        }
        hovered
    })
}

/// The plot with its value axis below (no grid across the rows) and room for `n` rows.
fn value_axis_plot<'a>(
    ui: &Ui,
    cx: &Ctx<'_>,
    axes: &Axes<'a>,
    layout: &Layout,
    n: usize,
    plot_rect: Rect,
) -> egui_plot::Plot<'a> {
    let (left, right) = layout.x_range;
    plot::base(ui, cx, axes.id)
        .show_axes([true, false])
        .show_grid([true, false])
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(axes.label)
                // egui_plot's default shows a step of 0.5 with no decimals (0, 0, 1, 2, 2…).
                .formatter(|mark: GridMark, _| crate::model::format_number(mark.value))
                .tick_label_font(FontId::proportional(layout.sizes.value_font))
                .label_spacing(egui::Rangef::new(36.0 * cx.scale, 56.0 * cx.scale)),
        ])
        .include_x(left)
        .include_x(right)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .height(plot_rect.height())
        .width(plot_rect.width())
}

/// What every bar of one plot is drawn with.
struct BarStyle {
    /// A bar's thickness, in rows.
    width: f64,
    /// A bound's short bar: a little of the x range, centred on its level.
    tick: f64,
    /// The label colour of a missing figure.
    missing: Color32,
    stroke: f32,
    /// Plot units per screen point along the value axis.
    per_point: f64,
    value_font: f32,
}

/// One bar at row position `at` and its value label past its end (or arrowhead); a missing
/// figure gets its label alone, never a bar at zero.
fn draw_bar(plot_ui: &mut PlotUi<'_>, id: &str, bar: &BarSpec, at: f64, style: &BarStyle) {
    let mut label = RichText::new(format!(" {} ", bar.label)).size(style.value_font);
    let mut reach = bar.reach();
    if bar.look == Look::Missing {
        // No bar at all: a missing figure is never drawn as zero.
        label = label.color(style.missing);
    } else {
        // A floor or ceiling (issue 21): a short bar at its level, its
        // arrowhead the way the figure may go.
        let (figure, base) = match bar.look {
            Look::Bound => (
                marks::Figure {
                    low: bar.end + style.tick / 2.0,
                    ..bar.figure()
                },
                bar.end - style.tick / 2.0,
            ),
            _ => (bar.figure(), bar.base),
        };
        reach = figure.reach(base);
        let place = marks::Placement {
            at,
            base,
            thickness: style.width * 0.92,
            direction: marks::Direction::Horizontal,
            per_point: style.per_point,
            stroke: style.stroke,
        };
        marks::bar(plot_ui, id, &figure, &place);
        if marks::has_arrowhead(bar.qualifier) {
            // Past the arrowhead.
            let past = f64::from(style.value_font * 0.7) * style.per_point;
            reach += if reach >= base { past } else { -past };
        }
    }
    let anchor = if reach >= bar.base {
        Align2::LEFT_CENTER
    } else {
        Align2::RIGHT_CENTER
    };
    plot_ui.text(
        Text::new("", PlotPoint::new(reach, at), label)
            .anchor(anchor)
            .allow_hover(false),
    );
}
