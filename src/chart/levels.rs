//! Levels: one mini bar chart per indicator, each in its own unit and scale (units differ,
//! so never one shared axis). A growth-only target is drawn at the level it implies, lightly
//! filled and labelled as worked out.

use eframe::egui::{self, Align, Align2, Color32, FontId, RichText, Ui, UiBuilder};
use egui_plot::{PlotPoint, PlotUi, Text};

use super::marks::{self, Figure};
use super::names;
use super::plot::{self, Subject};
use super::rows::{Pair, grow};
use super::style::{Look, figure_label, implied_label};
use super::{ChartResponse, Ctx, Mode};
use crate::model::{Observation, Qualifier};

/// One of a cell's two bars.
struct Slot {
    x: f64,
    year: i32,
    color: Color32,
    value: Option<f64>,
    /// A range's high bound.
    high: Option<f64>,
    qualifier: Qualifier,
    look: Look,
    /// Lines of the label above (or below) the bar.
    label: String,
}

/// What a slot draws: the level, a range's high bound, the look and the label.
type Drawn = (Option<f64>, Option<f64>, Look, String);

fn slots(pair: &Pair<'_>, cx: &Ctx<'_>) -> [Slot; 2] {
    let (review, plan) = cx.data.years();
    let t = cx.texts();
    let ind = pair.indicator;
    let stated = |obs: &Observation| -> Drawn {
        let (look, _) = Look::of(ind, obs);
        let label = obs
            .value_text()
            .map(|v| figure_label(ind, obs, Some(v)))
            .unwrap_or_default();
        (obs.value, obs.value_high, look, label)
    };
    let actual = pair.actual.map(stated);
    let target = match (pair.target, pair.implied_target_level()) {
        (Some(obs), Some(level)) => {
            // A growth range implies a range of levels.
            let high = pair
                .actual
                .and_then(|a| Some(grow(a.value?, obs.growth_pct_high?)));
            Some((
                Some(level),
                high,
                Look::Implied,
                implied_label(obs.qualifier, level, high, t.implied_level),
            ))
        }
        (Some(obs), None) => Some(stated(obs)),
        (None, _) => None,
    };
    let slot = |x, year, color, shown: bool, obs: Option<&Observation>, drawn: Option<Drawn>| {
        let (value, high, look, label) = drawn.unwrap_or((None, None, Look::Solid, String::new()));
        let value = value.filter(|_| shown);
        // An empty slot says which year has no level, and its growth if any.
        let label = if value.is_none() {
            let growth = obs
                .and_then(|o| o.growth_text())
                .map_or("—".to_owned(), |g| format!("{} {g}", t.growth));
            format!("{year}\n{growth}")
        } else {
            label
        };
        Slot {
            x,
            year,
            color,
            value,
            high,
            qualifier: obs.map_or(Qualifier::Exact, |o| o.qualifier),
            look,
            label,
        }
    };
    [
        slot(
            0.0,
            review,
            cx.palette.actual,
            cx.spec.show_actual,
            pair.actual,
            actual,
        ),
        slot(
            1.0,
            plan,
            cx.palette.target,
            cx.spec.show_target,
            pair.target,
            target,
        ),
    ]
}

/// How many columns a grid of `n` mini charts has in an area `aspect` times as wide as it is
/// high: cells a little wider than high. A slide's grid of native charts is laid out alike.
pub fn grid_columns(n: usize, aspect: f64) -> usize {
    ((n as f64 * aspect.max(0.1) / 1.3).sqrt().round() as usize).clamp(1, n.max(1))
}

pub fn show(ui: &mut Ui, cx: &Ctx<'_>, rows: &[Pair<'_>]) -> ChartResponse {
    let lang = cx.spec.lang;
    let scale = cx.scale;
    let area = ui.available_rect_before_wrap();
    // Below this size a mini chart cannot be read; the rest are named in the footer. An
    // image keeps its slide-sized type, so its cells are larger.
    let min_cell = match cx.mode {
        Mode::Image { .. } => egui::vec2(190.0, 150.0) * scale,
        Mode::Interactive { .. } => egui::vec2(64.0, 52.0) * scale,
    };
    let capacity = ((area.width() / min_cell.x).floor() * (area.height() / min_cell.y).floor())
        .max(1.0) as usize;
    let rows = &rows[..rows.len().min(capacity)];
    let n = rows.len();
    let cols = grid_columns(n, f64::from(area.width() / area.height().max(1.0)));
    let grid_rows = n.div_ceil(cols);
    let cell = egui::vec2(area.width() / cols as f32, area.height() / grid_rows as f32);
    let title_font = (cell.y * 0.11).clamp(8.0, 15.0 * scale);
    let value_font = (cell.y * 0.1).clamp(7.0, 13.0 * scale);
    let mut response = ChartResponse {
        drawn: rows.iter().map(|p| p.indicator.id.clone()).collect(),
        ..ChartResponse::default()
    };
    for (k, pair) in rows.iter().enumerate() {
        let min = area.min + egui::vec2((k % cols) as f32 * cell.x, (k / cols) as f32 * cell.y);
        let rect = egui::Rect::from_min_size(min, cell).shrink(4.0 * scale);
        let ind = pair.indicator;
        ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
            ui.spacing_mut().item_spacing.y = 1.0;
            let mut title = ind.name(lang).to_owned();
            if !ind.comparable {
                title.insert_str(0, "≠ ");
            }
            if ind.multi_year.is_some() {
                title.insert_str(0, "† ");
            }
            // The name whole, on a second line where one cannot hold it.
            let font = FontId::new(title_font, crate::fonts::bold());
            let text = ui.visuals().strong_text_color();
            let galley = names::two_lines(ui, &title, &font, text, rect.width(), Align::LEFT);
            if galley.elided {
                response.names_shortened.push(ind.name(lang).to_owned());
            }
            ui.add(egui::Label::new(galley));
            ui.add(
                egui::Label::new(RichText::new(ind.unit(lang)).size(title_font * 0.85).weak())
                    .truncate(),
            );
            cell_plot(ui, cx, k, pair, value_font, &mut response);
        });
    }
    response
}

/// The mini chart of one cell: two bars, each labelled, with room kept for the labels.
fn cell_plot(
    ui: &mut Ui,
    cx: &Ctx<'_>,
    k: usize,
    pair: &Pair<'_>,
    value_font: f32,
    response: &mut ChartResponse,
) {
    let slots = slots(pair, cx);
    let height = ui.available_height();
    let font = label_font(ui, &slots, value_font, ui.available_width());
    let stroke = 1.5 * cx.scale;
    let headroom = headroom(&slots, font, height, stroke);
    let values = slots
        .iter()
        .flat_map(|s| [s.value, s.value.and(s.high)])
        .flatten();
    let max = values.clone().fold(0.0_f64, f64::max);
    let min = values.fold(0.0_f64, f64::min);
    let span = (max - min).max(1e-9);
    let stretch = headroom / (1.0 - headroom);
    let look = SlotLook {
        font,
        stroke,
        per_point: span / f64::from(height.max(1.0)),
    };
    let result = plot::base(ui, cx, &format!("levels-{k}"))
        .show_axes(false)
        .show_grid(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_x(-0.6)
        .include_x(1.6)
        .include_y(if max > 0.0 { max + span * stretch } else { 0.0 })
        .include_y(if min < 0.0 { min - span * stretch } else { 0.0 })
        // An empty slot's note stands on the baseline: keep room for it.
        .include_y(span * stretch)
        .height(height)
        .show(ui, |plot_ui| {
            for slot in &slots {
                draw_slot(plot_ui, pair, slot, &look);
            }
        });
    plot::hover_and_click(
        &result,
        Some(Subject::Indicator(pair.indicator)),
        cx,
        response,
    );
}

/// The label size: `value_font`, or smaller so that the widest label fits its half of a
/// cell `width` wide (never below 55%).
fn label_font(ui: &Ui, slots: &[Slot], value_font: f32, width: f32) -> f32 {
    let widest = slots
        .iter()
        .map(|s| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(
                    s.label.clone(),
                    FontId::proportional(value_font),
                    Color32::WHITE,
                )
                .size()
                .x
            })
        })
        .fold(0.0_f32, f32::max);
    let slot_width = width / 2.2 - 2.0;
    if widest > slot_width {
        (value_font * slot_width / widest).max(value_font * 0.55)
    } else {
        value_font
    }
}

/// The screen length of a floor's or ceiling's arrowhead.
fn arrow_length(stroke: f32) -> f32 {
    10.0 * stroke / 1.5
}

/// The share of the plot's height (at most 0.6) the labels above the bars need, with
/// their lines and any arrowhead.
fn headroom(slots: &[Slot], font: f32, height: f32, stroke: f32) -> f64 {
    let lines = slots
        .iter()
        .map(|s| s.label.lines().count())
        .max()
        .unwrap_or(1) as f32;
    let arrow = if slots.iter().any(|s| marks::has_arrowhead(s.qualifier)) {
        arrow_length(stroke)
    } else {
        0.0
    };
    ((lines * font * 1.3 + 4.0 + arrow) / height.max(1.0)).min(0.6) as f64
}

/// What every slot of one cell is drawn with.
struct SlotLook {
    font: f32,
    stroke: f32,
    /// Plot units per screen point, upwards.
    per_point: f64,
}

/// One slot: its bar, and its label past the bar's end (and arrowhead); an empty slot's
/// note, weak, on the baseline.
fn draw_slot(plot_ui: &mut PlotUi<'_>, pair: &Pair<'_>, slot: &Slot, look: &SlotLook) {
    let (anchor, at) = match slot.value {
        Some(v) => {
            let figure = Figure {
                low: v,
                high: slot.high,
                qualifier: slot.qualifier,
                look: slot.look,
                color: slot.color,
            };
            let place = marks::Placement {
                at: slot.x,
                base: 0.0,
                thickness: 0.7,
                direction: marks::Direction::Vertical,
                per_point: look.per_point,
                stroke: look.stroke,
            };
            let id = format!("{}-{}", pair.indicator.id, slot.year);
            marks::bar(plot_ui, &id, &figure, &place);
            let end = figure.reach(0.0);
            // The label stands past a floor's or ceiling's arrowhead.
            let arrow = if marks::has_arrowhead(slot.qualifier) {
                place.per_point * f64::from(arrow_length(look.stroke))
            } else {
                0.0
            };
            if end >= 0.0 {
                (Align2::CENTER_BOTTOM, end + arrow)
            } else {
                (Align2::CENTER_TOP, end - arrow)
            }
        }
        None => (Align2::CENTER_BOTTOM, 0.0),
    };
    let text = RichText::new(&slot.label).size(look.font);
    let text = if slot.value.is_none() {
        text.weak()
    } else {
        text
    };
    plot_ui.text(
        Text::new("", PlotPoint::new(slot.x, at), text)
            .anchor(anchor)
            .allow_hover(false),
    );
}
