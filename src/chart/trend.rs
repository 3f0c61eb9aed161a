//! Trend: review year = 100, one line per indicator, solid between reported points and
//! dashed wherever an end is implied or a target. Each line is named in a column to the
//! right of the plot: labels are measured (never clipped), spread apart where they would
//! overlap, joined to their line's end by a leader where moved, and left out (and counted
//! in the footer) where the column has no room. Lines beyond what the column can name are
//! not drawn; the footer names them.

use eframe::egui::{self, Color32, FontId, Pos2, Stroke, Ui, UiBuilder};
use egui_plot::{GridInput, LineStyle, MarkerShape, PlotPoint, PlotPoints, PlotTransform, Points};

use super::names;
use super::plot::{self, Subject};
use super::rows::{Bound, PointKind, TrendSeries};
use super::style::round1;
use super::{ChartResponse, Ctx};
use crate::model::{Qualifier, range_text};

const SHAPES: [MarkerShape; 6] = [
    MarkerShape::Circle,
    MarkerShape::Square,
    MarkerShape::Diamond,
    MarkerShape::Up,
    MarkerShape::Down,
    MarkerShape::Cross,
];

/// A line's label: the name, the end value after it, and how wide both are.
struct Label {
    name: String,
    value: String,
    width: f32,
}

impl Label {
    fn text(&self) -> String {
        format!("{} {}", self.name, self.value)
    }
}

fn labels(ui: &Ui, cx: &Ctx<'_>, series: &[TrendSeries<'_>], font: &FontId) -> Vec<Label> {
    let lang = cx.spec.lang;
    let measure = |text: &str| {
        ui.fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE)
                .size()
                .x
        })
    };
    series
        .iter()
        .map(|s| {
            let end = s.end();
            let qualifier = match end {
                Some(p) if p.kind == PointKind::Target => {
                    s.pair.target.map_or(Qualifier::Exact, |t| t.qualifier)
                }
                _ => Qualifier::Exact,
            };
            // A floor or ceiling says what it is, in its own unit: ≥8.25万人（下限）.
            let value = match (s.end_bound(), s.pair.target) {
                (Some(bound), Some(target)) => {
                    bound.label(target, s.pair.indicator.unit(lang), lang)
                }
                _ => end.map_or(String::new(), |p| {
                    range_text(qualifier, round1(p.index), p.high.map(round1), "")
                }),
            };
            let label = Label {
                name: s.pair.indicator.name(lang).to_owned(),
                value,
                width: 0.0,
            };
            Label {
                width: measure(&label.text()),
                ..label
            }
        })
        .collect()
}

pub fn show(ui: &mut Ui, cx: &Ctx<'_>, series: &[TrendSeries<'_>]) -> ChartResponse {
    let font = FontId::proportional(13.0 * cx.scale);
    let area = ui.available_rect_before_wrap();
    let gap = 10.0 * cx.scale;
    let column = label_column(ui, cx, series, area, &font, gap);
    let series = &series[..column.labels.len()];
    let plot_rect =
        egui::Rect::from_min_max(area.min, egui::pos2(area.max.x - column.width, area.max.y));
    let result = ui
        .scope_builder(UiBuilder::new().max_rect(plot_rect), |ui| {
            trend_plot(ui, cx, series)
        })
        .inner;
    let placed = place(series, &result.transform, column.row);
    let shortened = paint_labels(ui, cx, &column, &placed, &font, plot_rect, gap);
    let mut response = ChartResponse {
        drawn: series.iter().map(|s| s.pair.indicator.id.clone()).collect(),
        labels_left_out: series.len() - placed.len(),
        names_shortened: shortened,
        ..ChartResponse::default()
    };
    plot::hover_and_click(
        &result,
        result
            .inner
            .map(|k| Subject::Indicator(series[k].pair.indicator)),
        cx,
        &mut response,
    );
    response
}

/// The column right of the plot that names the lines: one label per line drawn.
struct LabelColumn {
    /// As many as the column can name, in the series' order; only these lines are drawn.
    labels: Vec<Label>,
    /// The height a label takes: one line, or two when any label is wider than the column.
    row: f32,
    /// The column's width, with the gap before it.
    width: f32,
}

/// The labels of the lines the column can name within `area`'s height, and the column's
/// width (at most 40% of the area's).
fn label_column(
    ui: &Ui,
    cx: &Ctx<'_>,
    series: &[TrendSeries<'_>],
    area: egui::Rect,
    font: &FontId,
    gap: f32,
) -> LabelColumn {
    let max_column = area.width() * 0.4;
    // No more lines than the label column can name: more would be a smear, and each costs
    // a frame's time. The rest are named in the footer, as the other views do. A label
    // wider than the column takes a second line; then every label has room for two.
    let room = |row: f32| ((area.height() - 60.0 * cx.scale) / row).floor().max(1.0) as usize;
    let one_line = font.size * 1.25;
    let mut labels = labels(ui, cx, &series[..series.len().min(room(one_line))], font);
    let two_lines = labels.iter().any(|l| l.width > max_column);
    let row = if two_lines { one_line * 2.0 } else { one_line };
    labels.truncate(series.len().min(room(row)));
    let width = labels
        .iter()
        .map(|l| l.width)
        .fold(0.0_f32, f32::max)
        .min(max_column)
        + gap;
    LabelColumn { labels, row, width }
}

/// The plot of the lines, from the first year any line has to the plan year, with the
/// review year's 100 always in sight; returns the series nearest the pointer, if any.
fn trend_plot(
    ui: &mut Ui,
    cx: &Ctx<'_>,
    series: &[TrendSeries<'_>],
) -> egui_plot::PlotResponse<Option<usize>> {
    let (_, plan) = cx.data.years();
    let first_year = series
        .iter()
        .filter_map(|s| s.years())
        .map(|(first, _)| first)
        .min()
        .unwrap_or(plan - 1);
    let stroke = 2.0 * cx.scale;
    plot::base(ui, cx, "trend")
        .y_axis_label(cx.spec.lang.texts().index_axis)
        .x_grid_spacer(move |input: GridInput| {
            plot::whole_marks(input, first_year.into(), plan.into())
        })
        .x_axis_formatter(|mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                format!("{}", mark.value.round() as i32)
            } else {
                String::new()
            }
        })
        .include_x(first_year as f64 - 0.3)
        .include_x(plan as f64 + 0.3)
        .include_y(100.0)
        .height(ui.available_height())
        .show(ui, |plot_ui| lines(plot_ui, cx, series, stroke))
}

/// Paints the labels where `place` put them, in their line's colour, each joined to its
/// line's end by a leader when moved; returns the names shortened to fit.
fn paint_labels(
    ui: &Ui,
    cx: &Ctx<'_>,
    column: &LabelColumn,
    placed: &[(usize, Pos2, f32)],
    font: &FontId,
    plot_rect: egui::Rect,
    gap: f32,
) -> Vec<String> {
    let column_x = plot_rect.right() + gap;
    let mut shortened = Vec::new();
    for &(k, at, y) in placed {
        let color = cx.palette.line(k);
        let label = &column.labels[k];
        let galley = names::two_lines(
            ui,
            &label.text(),
            font,
            color,
            column.width - gap,
            egui::Align::LEFT,
        );
        if galley.elided {
            shortened.push(label.name.clone());
        }
        let painter = ui.painter();
        if (at.y - y).abs() > 1.5 || at.x < plot_rect.right() - 24.0 {
            painter.line_segment(
                [at, egui::pos2(column_x - 2.0, y)],
                Stroke::new(1.0, color.gamma_multiply(0.6)),
            );
        }
        painter.galley(
            egui::pos2(column_x, y - galley.size().y / 2.0),
            galley,
            color,
        );
    }
    shortened
}

/// Draws every line and its markers; returns the series nearest the pointer, if any.
fn lines(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    cx: &Ctx<'_>,
    series: &[TrendSeries<'_>],
    stroke: f32,
) -> Option<usize> {
    let lang = cx.spec.lang;
    let palette = &cx.palette;
    plot_ui.hline(egui_plot::HLine::new("", 100.0).color(palette.reference.gamma_multiply(0.4)));
    let transform = *plot_ui.transform();
    let pointer = plot_ui
        .pointer_coordinate()
        .filter(|_| plot_ui.response().hovered())
        .map(|p| transform.position_from_point(&p));
    let mut nearest: Option<(usize, f32)> = None;
    for (k, s) in series.iter().enumerate() {
        let color = palette.line(k);
        let name = s.pair.indicator.name(lang).to_owned();
        reported_line(plot_ui, &name, s, color, stroke);
        past_targets(plot_ui, &name, s, color, stroke);
        bound_marks(plot_ui, &name, s, color, stroke);
        range_bands(plot_ui, &name, s, color, stroke);
        if let Some(d) = pointer.and_then(|p| distance_to(s, &transform, p))
            && nearest.is_none_or(|(_, best)| d < best)
        {
            nearest = Some((k, d));
        }
        let pts: Vec<[f64; 2]> = s.points.iter().map(|p| [p.year as f64, p.index]).collect();
        plot_ui.points(
            Points::new(name.clone(), pts)
                .color(color)
                .shape(SHAPES[k % SHAPES.len()])
                .radius(1.75 * stroke)
                .filled(true)
                .allow_hover(false),
        );
    }
    nearest.map(|(k, _)| k)
}

/// A series' line through its points: runs of segments with one style become one line,
/// solid between reported points, dashed wherever an end is implied or a target.
fn reported_line(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    name: &str,
    s: &TrendSeries<'_>,
    color: Color32,
    stroke: f32,
) {
    let mut run: Vec<[f64; 2]> = Vec::new();
    let mut run_solid = None;
    for w in s.points.windows(2) {
        let solid = w[0].kind == PointKind::Reported && w[1].kind == PointKind::Reported;
        if run_solid.is_some_and(|r| r != solid) {
            line(
                plot_ui,
                name,
                std::mem::take(&mut run),
                run_solid,
                color,
                stroke,
            );
        }
        if run.is_empty() {
            run.push([w[0].year as f64, w[0].index]);
        }
        run.push([w[1].year as f64, w[1].index]);
        run_solid = Some(solid);
    }
    line(plot_ui, name, run, run_solid, color, stroke);
}

/// Earlier reports' targets: a dashed spur from the year before to each, ending in a
/// hollow circle.
fn past_targets(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    name: &str,
    s: &TrendSeries<'_>,
    color: Color32,
    stroke: f32,
) {
    for (from, to) in &s.past_targets {
        let spur = vec![[from.year as f64, from.index], [to.year as f64, to.index]];
        line(plot_ui, name, spur, Some(false), color, stroke);
        plot_ui.points(
            Points::new(name.to_owned(), vec![[to.year as f64, to.index]])
                .color(color)
                .shape(MarkerShape::Circle)
                .radius(2.25 * stroke)
                .filled(false)
                .allow_hover(false),
        );
    }
}

/// A range target: a band from its low to its high bound.
fn range_bands(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    name: &str,
    s: &TrendSeries<'_>,
    color: Color32,
    stroke: f32,
) {
    let targets = s
        .points
        .iter()
        .chain(s.past_targets.iter().map(|(_, to)| to));
    for p in targets.filter(|p| p.high.is_some()) {
        let high = p.high.unwrap_or(p.index);
        plot_ui.line(
            egui_plot::Line::new(
                name.to_owned(),
                PlotPoints::from(vec![[p.year as f64, p.index], [p.year as f64, high]]),
            )
            .color(color.gamma_multiply(0.45))
            .width(stroke * 4.0)
            .allow_hover(false),
        );
    }
}

/// The screen distance from `pointer` to the series' nearest point or bound, when under
/// 14 points.
fn distance_to(s: &TrendSeries<'_>, transform: &PlotTransform, pointer: Pos2) -> Option<f32> {
    let points = s.points.iter().map(|p| [p.year as f64, p.index]);
    let bounds = s.bounds.iter().map(|(p, _)| [p.year as f64, p.index]);
    let mut nearest: Option<f32> = None;
    for p in points.chain(bounds) {
        let d = transform
            .position_from_point(&PlotPoint::new(p[0], p[1]))
            .distance(pointer);
        if d < 14.0 && nearest.is_none_or(|best| d < best) {
            nearest = Some(d);
        }
    }
    nearest
}

/// Floors and ceilings: a short bar at the target's level with a triangle pointing the way
/// the figure may go, never a line of change from last year.
fn bound_marks(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    name: &str,
    s: &TrendSeries<'_>,
    color: Color32,
    stroke: f32,
) {
    let dy = plot_ui.transform().dvalue_dpos()[1].abs() * (2.5 * stroke) as f64;
    for (p, bound) in &s.bounds {
        let (year, index) = (p.year as f64, p.index);
        let bar = vec![[year - 0.18, index], [year + 0.18, index]];
        line(plot_ui, name, bar, Some(true), color, stroke * 1.5);
        let (shape, at) = match bound {
            Bound::Floor => (MarkerShape::Up, index + dy),
            Bound::Ceiling => (MarkerShape::Down, index - dy),
        };
        plot_ui.points(
            Points::new(name.to_owned(), vec![[year, at]])
                .color(color)
                .shape(shape)
                .radius(1.75 * stroke)
                .filled(true)
                .allow_hover(false),
        );
    }
}

fn line(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    name: &str,
    points: Vec<[f64; 2]>,
    solid: Option<bool>,
    color: Color32,
    width: f32,
) {
    if points.len() < 2 {
        return;
    }
    let line = egui_plot::Line::new(name, PlotPoints::from(points))
        .color(color)
        .width(width)
        .allow_hover(false);
    plot_ui.line(if solid == Some(true) {
        line
    } else {
        line.style(LineStyle::Dashed {
            length: 4.0 * width,
        })
    });
}

/// Where each line's label goes: (series, the line's end on screen, the label's centre y).
/// Labels sit at their line's end where there is room and are pushed apart, `row` apart,
/// within the plot's height; the lines whose labels do not fit at all get none.
fn place(
    series: &[TrendSeries<'_>],
    transform: &PlotTransform,
    row: f32,
) -> Vec<(usize, Pos2, f32)> {
    let frame = *transform.frame();
    let room = ((frame.height() / row).floor() as usize).max(1);
    let mut placed: Vec<(usize, Pos2, f32)> = series
        .iter()
        .enumerate()
        .take(room)
        .filter_map(|(k, s)| {
            let end = s.end()?;
            let at = transform.position_from_point(&PlotPoint::new(end.year as f64, end.index));
            Some((
                k,
                at,
                at.y.clamp(frame.top() + row / 2.0, frame.bottom() - row / 2.0),
            ))
        })
        .collect();
    placed.sort_by(|a, b| a.2.total_cmp(&b.2));
    for i in 1..placed.len() {
        placed[i].2 = placed[i].2.max(placed[i - 1].2 + row);
    }
    // Pushed past the bottom: push back up from there.
    let bottom = frame.bottom() - row / 2.0;
    if let Some(last) = placed.last_mut() {
        last.2 = last.2.min(bottom);
    }
    for i in (0..placed.len().saturating_sub(1)).rev() {
        placed[i].2 = placed[i].2.min(placed[i + 1].2 - row);
    }
    placed
}
