//! Rows read against one scale, as newsrooms draw them: per row the target as a bar (a range
//! as a band, a floor with an arrowhead) and the result as a dot on the same row, their
//! numbers in two columns to the right, never on a bar and never struck through by a grid
//! line (the rows have none). Rows that one column cannot hold at a readable size go into
//! panels side by side, on one scale; an image leaves out what even they cannot hold and
//! says which size holds it all, the window scrolls instead. The compare view's regions are
//! drawn here; the history view's years can be.

use eframe::egui::{self, Align2, FontId, Rect, Ui, UiBuilder};
use egui_plot::{AxisHints, GridMark, PlotResponse, PlotTransform, Span, VLine};

use super::marks::{self, Figure};
use super::names;
use super::plot::{self, Subject};
use super::{ChartResponse, Ctx, Mode};

/// A number as a column shows it: a figure's label, or the mark of a missing one.
pub struct Cell {
    pub text: String,
    pub missing: bool,
}

/// One row: what it is about, its name, its result and target, and their numbers.
pub struct DotRow<'a> {
    pub subject: Subject<'a>,
    pub name: String,
    pub result: Option<Figure>,
    pub target: Option<Figure>,
    /// The result's and the target's numbers, in that order.
    pub cells: [Cell; 2],
}

/// A vertical line every row is read against (the national figure), with its label.
pub struct Reference {
    pub low: f64,
    pub high: Option<f64>,
    pub label: String,
}

/// What the rows share.
pub struct Frame<'s> {
    pub id: &'s str,
    pub axis_label: &'s str,
    /// The headers of the two number columns.
    pub headers: [String; 2],
    pub reference: Option<Reference>,
}

/// Type sizes and spacing, all from the chart's scale.
struct Sizes {
    name: f32,
    value: f32,
    /// The strip above the rows for the columns' headers and the reference's label.
    header: f32,
    /// The x axis under the rows: tick labels and the axis title.
    axis: f32,
    /// The smallest row pitch that keeps the names readable.
    min_pitch: f32,
    gap: f32,
}

impl Sizes {
    fn new(cx: &Ctx<'_>) -> Sizes {
        let s = cx.scale;
        let name = 12.0 * s;
        let value = 11.5 * s;
        Sizes {
            name,
            value,
            header: value * 1.5,
            axis: 40.0 * s,
            min_pitch: name * 1.25,
            gap: 10.0 * s,
        }
    }

    /// How many rows one panel of `height` holds.
    fn rows_fitting(&self, height: f32) -> usize {
        ((height - self.header - self.axis) / self.min_pitch)
            .floor()
            .max(1.0) as usize
    }
}

/// The narrowest a panel may be at type scale 1, and how many panels at most.
const PANEL_WIDTH: f32 = 300.0;
const MAX_PANELS: usize = 3;

/// How the rows are split: panels side by side, each `per_panel` rows.
struct Split {
    panels: usize,
    per_panel: usize,
    /// How many rows are drawn (an image may leave some out).
    drawn: usize,
    /// Scroll one panel instead (the window, with more rows than panels hold).
    scroll: bool,
}

fn split(cx: &Ctx<'_>, sizes: &Sizes, area: Rect, n: usize) -> Split {
    let fit = sizes.rows_fitting(area.height());
    let max_panels =
        ((area.width() / (PANEL_WIDTH * cx.scale)).floor() as usize).clamp(1, MAX_PANELS);
    let panels = n.div_ceil(fit).max(1);
    if panels <= max_panels {
        return Split {
            panels,
            per_panel: n.div_ceil(panels).max(1),
            drawn: n,
            scroll: false,
        };
    }
    match cx.mode {
        Mode::Image { .. } => Split {
            panels: max_panels,
            per_panel: fit,
            drawn: max_panels * fit,
            scroll: false,
        },
        Mode::Interactive { .. } => Split {
            panels: 1,
            per_panel: fit,
            drawn: n,
            scroll: true,
        },
    }
}

/// Columns shared by every panel, worked out once from every row so that panels and
/// scrolling keep them.
struct Columns {
    name: f32,
    /// The two number columns.
    cells: [f32; 2],
    x_range: (f64, f64),
}

fn columns(
    ui: &Ui,
    sizes: &Sizes,
    frame: &Frame<'_>,
    rows: &[DotRow<'_>],
    panel_width: f32,
) -> Columns {
    let name = names::column_width(
        rows.iter().map(|r| r.name.as_str()),
        sizes.name,
        panel_width * 0.3,
    );
    // The numbers measured where there are few rows (a slide), estimated where there are
    // many (the window's hundreds, which must not cost a layout each per frame).
    let font = FontId::proportional(sizes.value);
    let width = |text: &str| {
        if rows.len() <= 64 {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            })
        } else {
            names::estimate(text, sizes.value)
        }
    };
    let cells = [0, 1].map(|k| {
        let widest = rows
            .iter()
            .map(|r| width(&r.cells[k].text))
            .fold(width(&frame.headers[k]), f32::max);
        widest + sizes.gap * 1.5
    });
    let mut lo = 0.0_f64;
    let mut hi = 0.0_f64;
    let figures = rows.iter().flat_map(|r| [r.result, r.target]).flatten();
    for f in figures {
        lo = lo.min(f.low).min(f.high.unwrap_or(f.low));
        hi = hi.max(f.low).max(f.high.unwrap_or(f.low));
    }
    if let Some(r) = &frame.reference {
        lo = lo.min(r.low);
        hi = hi.max(r.high.unwrap_or(r.low));
    }
    // Room past the furthest figure for a floor's arrowhead or a dot's edge: a share of
    // the span, and at least a dot's width in points.
    let plot_width = f64::from((panel_width - name - cells[0] - cells[1] - sizes.gap).max(50.0));
    let span = (hi - lo).max(1e-9);
    let point = span / plot_width;
    let pad = (span * 0.04).max(f64::from(sizes.name) * 1.2 * point);
    Columns {
        name,
        cells,
        x_range: (if lo < 0.0 { lo - pad } else { lo }, hi + pad),
    }
}

/// What every panel shares.
struct Shared<'a> {
    frame: &'a Frame<'a>,
    sizes: Sizes,
    cols: Columns,
}

/// Draws the rows; `drawn` in the response names the rows drawn (or reachable by
/// scrolling), and `left_for_room` how many an image left out.
pub fn show(ui: &mut Ui, cx: &Ctx<'_>, frame: &Frame<'_>, rows: &[DotRow<'_>]) -> ChartResponse {
    let sizes = Sizes::new(cx);
    let area = ui.available_rect_before_wrap();
    let n = rows.len();
    let split = split(cx, &sizes, area, n);
    let panel_width =
        (area.width() - sizes.gap * 3.0 * (split.panels - 1) as f32) / split.panels as f32;
    let cols = columns(ui, &sizes, frame, rows, panel_width);
    let shared = Shared { frame, sizes, cols };
    let sizes = &shared.sizes;
    let mut response = ChartResponse::default();
    if split.scroll {
        let pitch = sizes.min_pitch;
        egui::ScrollArea::vertical()
            .id_salt((frame.id, "rows"))
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                ui.set_min_height(n as f32 * pitch + sizes.header + sizes.axis);
                let fit = split.per_panel.min(n);
                let first = ((viewport.min.y / pitch).floor().max(0.0) as usize).min(n - fit);
                let rect = Rect::from_min_size(
                    ui.max_rect().min + viewport.min.to_vec2(),
                    egui::vec2(ui.available_width(), viewport.height()),
                );
                ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                    let place = Panel {
                        index: 0,
                        rect,
                        first,
                        per_panel: fit,
                    };
                    panel(
                        ui,
                        cx,
                        &shared,
                        &rows[first..first + fit],
                        &place,
                        &mut response,
                    );
                });
            });
        response.drawn = rows.iter().map(|r| r.subject.id()).collect();
        return response;
    }
    for p in 0..split.panels {
        let first = p * split.per_panel;
        let last = (first + split.per_panel).min(split.drawn);
        if first >= last {
            break;
        }
        let x = area.min.x + p as f32 * (panel_width + sizes.gap * 3.0);
        let rect = Rect::from_min_size(
            egui::pos2(x, area.min.y),
            egui::vec2(panel_width, area.height()),
        );
        let place = Panel {
            index: p,
            rect,
            first,
            per_panel: split.per_panel,
        };
        ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
            panel(ui, cx, &shared, &rows[first..last], &place, &mut response);
        });
    }
    response.drawn = rows[..split.drawn.min(n)]
        .iter()
        .map(|r| r.subject.id())
        .collect();
    response.left_for_room = n - split.drawn.min(n);
    response.row_fit = Some(super::RowFit {
        rows: n,
        area: area.size(),
        pitch: sizes.min_pitch,
        fixed: sizes.header + sizes.axis,
        panel_width: PANEL_WIDTH * cx.scale,
        max_panels: MAX_PANELS,
    });
    response
}

/// Where a panel is and which rows it holds.
struct Panel {
    index: usize,
    rect: Rect,
    /// The index of its first row among all rows.
    first: usize,
    /// Rows per panel: every panel has room for as many, so their rows line up.
    per_panel: usize,
}

/// One panel: its rows' plot, with their names left of it, their two number cells right
/// of it and the headers above.
fn panel(
    ui: &mut Ui,
    cx: &Ctx<'_>,
    shared: &Shared<'_>,
    rows: &[DotRow<'_>],
    place: &Panel,
    response: &mut ChartResponse,
) {
    let (sizes, cols) = (&shared.sizes, &shared.cols);
    let rect = place.rect;
    let cells_width = cols.cells[0] + cols.cells[1];
    let plot_rect = Rect::from_min_max(
        egui::pos2(
            rect.min.x + cols.name + sizes.gap,
            rect.min.y + sizes.header,
        ),
        egui::pos2(rect.max.x - cells_width - sizes.gap, rect.max.y),
    );
    let result = ui
        .scope_builder(UiBuilder::new().max_rect(plot_rect), |ui| {
            rows_plot(ui, cx, shared, rows, place, plot_rect)
        })
        .inner;
    paint_rows(ui, shared, rows, place, &result.transform, response);
    paint_headers(ui, cx, shared, rect, &result.transform);
    let hovered = result.inner.map(|i| rows[i].subject);
    plot::hover_and_click(&result, hovered, cx, response);
}

/// The right edges of the two number columns of a panel.
fn column_rights(rect: Rect, cols: &Columns) -> [f32; 2] {
    [rect.max.x - cols.cells[1], rect.max.x]
}

/// The rows' names (shortened ones noted in the response) and their number cells, each
/// level with its row of the plot; a missing figure's cell weak.
fn paint_rows(
    ui: &Ui,
    shared: &Shared<'_>,
    rows: &[DotRow<'_>],
    place: &Panel,
    transform: &PlotTransform,
    response: &mut ChartResponse,
) {
    let (sizes, cols) = (&shared.sizes, &shared.cols);
    let rect = place.rect;
    let painter = ui.painter();
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let row_y = |i: usize| {
        let y = (place.per_panel - 1 - i) as f64;
        transform
            .position_from_point(&egui_plot::PlotPoint::new(0.0, y))
            .y
    };
    let font = FontId::proportional(sizes.name);
    let labels: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    let laid = names::lay_out(ui, &labels, &font, text, cols.name);
    response.names_shortened.extend(laid.shortened);
    let value_font = FontId::proportional(sizes.value);
    let rights = column_rights(rect, cols);
    for (i, row) in rows.iter().enumerate() {
        let y = row_y(i);
        names::paint(painter, &laid.galleys[i], rect.min.x + cols.name, y, text);
        for (k, cell) in row.cells.iter().enumerate() {
            let color = if cell.missing { weak } else { text };
            painter.text(
                egui::pos2(rights[k], y),
                Align2::RIGHT_CENTER,
                &cell.text,
                value_font.clone(),
                color,
            );
        }
    }
}

/// The strip above a panel: the number columns' headers in their series' colours, and
/// the reference's label over its line, kept inside the plot.
fn paint_headers(
    ui: &Ui,
    cx: &Ctx<'_>,
    shared: &Shared<'_>,
    rect: Rect,
    transform: &PlotTransform,
) {
    let (frame, sizes) = (shared.frame, &shared.sizes);
    let painter = ui.painter();
    let text = ui.visuals().text_color();
    let value_font = FontId::proportional(sizes.value);
    let rights = column_rights(rect, &shared.cols);
    let header_y = rect.min.y + sizes.header / 2.0;
    let colors = [cx.palette.actual, cx.palette.target];
    for (k, header) in frame.headers.iter().enumerate() {
        painter.text(
            egui::pos2(rights[k], header_y),
            Align2::RIGHT_CENTER,
            header,
            value_font.clone(),
            colors[k],
        );
    }
    if let Some(reference) = &frame.reference {
        let x = transform
            .position_from_point(&egui_plot::PlotPoint::new(reference.low, 0.0))
            .x;
        let galley = painter.layout_no_wrap(reference.label.clone(), value_font, text);
        let frame_rect = *transform.frame();
        let half = galley.size().x / 2.0;
        let centre = x.clamp(
            frame_rect.left() + half,
            (frame_rect.right() - half).max(frame_rect.left() + half),
        );
        painter.galley(
            egui::pos2(centre - half, header_y - galley.size().y / 2.0),
            galley,
            text,
        );
    }
}

/// The plot of a panel's rows; returns the row hovered, if any.
fn rows_plot(
    ui: &mut Ui,
    cx: &Ctx<'_>,
    shared: &Shared<'_>,
    rows: &[DotRow<'_>],
    place: &Panel,
    plot_rect: Rect,
) -> PlotResponse<Option<usize>> {
    let (frame, sizes, cols) = (shared.frame, &shared.sizes, &shared.cols);
    let (left, right) = cols.x_range;
    let per_panel = place.per_panel;
    let stroke = 1.5 * cx.scale;
    let per_point = (right - left) / f64::from(plot_rect.width().max(1.0));
    let highlight = ui.visuals().weak_text_color().gamma_multiply(0.15);
    let rim = ui.visuals().extreme_bg_color;
    let reference_color = cx.palette.reference;
    let pitch = (plot_rect.height() - sizes.axis) / per_panel as f32;
    let dot_radius = (pitch * 0.22).min(sizes.name * 0.42);
    plot::base(ui, cx, &format!("{}-{}", frame.id, place.index))
        .show_axes([true, false])
        .show_grid([true, false])
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(frame.axis_label)
                .formatter(|mark: GridMark, _| crate::model::format_number(mark.value))
                .tick_label_font(FontId::proportional(sizes.value))
                .label_spacing(egui::Rangef::new(36.0 * cx.scale, 56.0 * cx.scale)),
        ])
        .set_margin_fraction(egui::vec2(0.0, 0.0))
        .include_x(left)
        .include_x(right)
        .include_y(-0.5)
        .include_y(per_panel as f64 - 0.5)
        .height(plot_rect.height())
        .width(plot_rect.width())
        .show(ui, |plot_ui| {
            let hovered = plot::hovered_row(plot_ui, per_panel, rows.len(), highlight);
            if let Some(reference) = &frame.reference {
                if let Some(high) = reference.high {
                    plot_ui.span(
                        Span::new("", reference.low..=high)
                            .axis(egui_plot::Axis::X)
                            .fill(reference_color.gamma_multiply(0.12))
                            .border_width(0.0),
                    );
                }
                plot_ui.vline(
                    VLine::new("", reference.low)
                        .color(reference_color)
                        .width(stroke)
                        .style(egui_plot::LineStyle::Dashed {
                            length: 6.0 * stroke,
                        }),
                );
            }
            for (i, row) in rows.iter().enumerate() {
                let y = (per_panel - 1 - i) as f64;
                let id = format!("{}-{}", frame.id, place.first + i);
                if let Some(target) = &row.target {
                    let placement = marks::Placement {
                        at: y,
                        base: 0.0,
                        thickness: 0.5,
                        direction: marks::Direction::Horizontal,
                        per_point,
                        stroke,
                    };
                    marks::bar(plot_ui, &format!("{id}-t"), target, &placement);
                }
                if let Some(result) = &row.result {
                    marks::dot(plot_ui, &format!("{id}-r"), result, y, dot_radius, rim);
                }
            }
            hovered
        })
}
