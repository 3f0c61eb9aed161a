//! Horizontal bars, one row per indicator: the growth and progress views.
//!
//! Rows never shrink below a readable height: in the window the rows scroll (only the
//! visible ones are laid out), in an image the rows that fit are drawn and the footer
//! counts the rest.

use eframe::egui::{self, Align2, Color32, FontId, RichText, Ui, UiBuilder};
use egui_plot::{AxisHints, Bar, BarChart, GridInput, GridMark, PlotPoint, Span, Text, VLine};

use super::plot::{self, Subject};
use super::rows::{Pair, ProgressRow};
use super::style::{Look, figure_label, name_chars, progress_label, truncate};
use super::{ChartResponse, Ctx, Mode};

/// One horizontal bar: its series, where it starts and ends, and its label.
pub struct BarSpec {
    pub color: Color32,
    pub base: f64,
    pub end: f64,
    pub label: String,
    pub look: Look,
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
            let label = progress_label(r.pair.target, r.index, r.from_growth, cx.spec.lang);
            BarRow {
                subject: Subject::Indicator(r.pair.indicator),
                bars: vec![BarSpec {
                    color: cx.palette.target,
                    base: 100.0,
                    end: r.index,
                    label,
                    look: Look::Solid,
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
    fn new(cx: &Ctx<'_>, height: f32, n: usize, bars_per_row: usize) -> Sizes {
        let scale = cx.scale;
        let axis = 44.0 * scale;
        let (name_max, value_max) = (14.0 * scale, 13.0 * scale);
        let per_bar = bars_per_row.max(1) as f32;
        match cx.mode {
            // An image keeps its slide-sized type; rows that do not fit are left out.
            Mode::Image { .. } => Sizes {
                name_font: name_max,
                value_font: value_max,
                axis,
                row: (name_max / 0.7).max(value_max * per_bar / 0.85),
            },
            // The window shrinks the type down to a readable floor, then scrolls.
            Mode::Interactive { .. } => {
                let fit = (height - axis) / (n as f32 + 0.5);
                let name_font = (fit * 0.7).clamp(10.0, name_max);
                let value_font = (fit / per_bar * 0.85).clamp(9.0, value_max);
                Sizes {
                    name_font,
                    value_font,
                    axis,
                    row: (name_font / 0.7).max(value_font * per_bar / 0.85),
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
    let sizes = Sizes::new(cx, height, n, bars_per_row);
    let fitting = sizes.rows_fitting(height);
    let layout = Layout {
        x_range: x_range(ui, cx, rows, axes.reference, &sizes),
        sizes,
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

/// Sizes and the x range, worked out once from every row so that scrolling keeps them.
struct Layout {
    sizes: Sizes,
    x_range: (f64, f64),
}

/// The widest a name column can be, over-estimated from character counts (a CJK character
/// is one em, others at most 0.62 em) so that no name needs laying out.
fn name_column_bound(cx: &Ctx<'_>, rows: &[BarRow<'_>], font: f32) -> f32 {
    let max_chars = name_chars(cx.spec.lang) + 2;
    let ems = |name: &str| -> f32 {
        name.chars()
            .take(max_chars)
            .map(|c| if c.is_ascii() { 0.62 } else { 1.0 })
            .sum()
    };
    rows.iter()
        .map(|r| ems(r.subject.name(cx.spec.lang)))
        .fold(0.0, f32::max)
        * font
        + 12.0
}

/// The x range that holds every bar and its value label. Labels are measured in points and
/// turned into plot units by the plot's width (twice, as the range changes the scale); only
/// the labels of the bars reaching furthest each way are measured, so a long list costs
/// no more than a short one.
fn x_range(
    ui: &Ui,
    cx: &Ctx<'_>,
    rows: &[BarRow<'_>],
    reference: Option<(f64, Color32)>,
    sizes: &Sizes,
) -> (f64, f64) {
    let (mut lo, mut hi) = reference.map_or((0.0_f64, 0.0_f64), |(r, _)| (r, r));
    let mut bars: Vec<&BarSpec> = rows.iter().flat_map(|r| &r.bars).collect();
    for bar in &bars {
        lo = lo.min(bar.end).min(bar.base);
        hi = hi.max(bar.end).max(bar.base);
    }
    const MEASURED: usize = 8;
    bars.sort_by(|a, b| a.end.total_cmp(&b.end));
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
            (bar.base, bar.end, width)
        })
        .collect();
    let name_width = name_column_bound(cx, rows, sizes.name_font);
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
    let height = ui.available_height();
    let bars_per_row = rows.iter().map(|r| r.bars.len()).max().unwrap_or(1).max(1);
    let (name_font, value_font) = (layout.sizes.name_font, layout.sizes.value_font);
    let (left, right) = layout.x_range;
    // Row i sits at y = n-1-i so the first indicator is on top.
    let max_chars = name_chars(lang) + 2;
    let names: Vec<String> = rows
        .iter()
        .rev()
        .map(|r| truncate(r.subject.name(lang), max_chars))
        .collect();
    let name_width = names
        .iter()
        .map(|s| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(s.clone(), FontId::proportional(name_font), Color32::WHITE)
                    .size()
                    .x
            })
        })
        .fold(0.0, f32::max)
        + 12.0;
    let y_axis = AxisHints::new_y()
        .formatter(move |mark: GridMark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < names.len() {
                names[i as usize].clone()
            } else {
                String::new()
            }
        })
        .label_spacing(egui::Rangef::new(name_font * 0.9, name_font * 1.1))
        .tick_label_font(FontId::proportional(name_font))
        .min_thickness(name_width);
    let last_row = n as i64 - 1;
    let plot = plot::base(ui, cx, axes.id)
        .custom_y_axes(vec![y_axis])
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(axes.label)
                // egui_plot's default shows a step of 0.5 with no decimals (0, 0, 1, 2, 2…).
                .formatter(|mark: GridMark, _| crate::model::format_number(mark.value))
                .tick_label_font(FontId::proportional(value_font))
                .label_spacing(egui::Rangef::new(36.0 * cx.scale, 56.0 * cx.scale)),
        ])
        .y_grid_spacer(move |input: GridInput| plot::whole_marks(input, 0, last_row))
        .include_x(left)
        .include_x(right)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .height(height);

    let width = if bars_per_row > 1 { 0.36 } else { 0.6 };
    let highlight = ui.visuals().weak_text_color().gamma_multiply(0.15);
    let missing = ui.visuals().weak_text_color();
    let stroke = 1.5 * cx.scale;
    let result = plot.show(ui, |plot_ui| {
        let hovered = plot_ui
            .pointer_coordinate()
            .filter(|_| plot_ui.response().hovered())
            .map(|p| p.y.round())
            .filter(|y| *y >= 0.0 && (*y as usize) < n)
            .map(|y| n - 1 - y as usize);
        if let Some(i) = hovered {
            let y = (n - 1 - i) as f64;
            plot_ui.span(
                Span::new("", y - 0.5..=y + 0.5)
                    .axis(egui_plot::Axis::Y)
                    .fill(highlight)
                    .border_width(0.0),
            );
        }
        if let Some((x, color)) = axes.reference {
            plot_ui.vline(VLine::new("", x).color(color).width(stroke));
        }
        let mut charts: Vec<(Color32, Vec<Bar>)> = Vec::new();
        let mut texts = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let y = (n - 1 - i) as f64;
            let count = row.bars.len();
            for (k, bar) in row.bars.iter().enumerate() {
                // Bars of one row stack downwards around the row's centre.
                let offset = if count > 1 {
                    (count as f64 - 1.0) / 2.0 * width - k as f64 * width
                } else {
                    0.0
                };
                let at = y + offset;
                let mut label = RichText::new(format!(" {} ", bar.label)).size(value_font);
                if bar.look == Look::Missing {
                    // No bar at all: a missing figure is never drawn as zero.
                    label = label.color(missing);
                } else {
                    let (fill, outline) = bar.look.paint(bar.color, stroke);
                    let b = Bar::new(at, bar.end - bar.base)
                        .base_offset(bar.base)
                        .width(width * 0.92)
                        .horizontal()
                        .fill(fill)
                        .stroke(outline);
                    match charts.iter_mut().find(|(c, _)| *c == bar.color) {
                        Some((_, list)) => list.push(b),
                        None => charts.push((bar.color, vec![b])),
                    }
                }
                let anchor = if bar.end >= bar.base {
                    Align2::LEFT_CENTER
                } else {
                    Align2::RIGHT_CENTER
                };
                texts.push(
                    Text::new("", PlotPoint::new(bar.end, at), label)
                        .anchor(anchor)
                        .allow_hover(false),
                );
            }
        }
        for (color, bars) in charts {
            plot_ui.bar_chart(
                BarChart::new(format!("bars-{color:?}"), bars)
                    .color(color)
                    .allow_hover(false),
            );
        }
        for text in texts {
            plot_ui.text(text);
        }
        hovered
    });
    let mut response = ChartResponse {
        drawn: rows.iter().map(|r| r.subject.id()).collect(),
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
