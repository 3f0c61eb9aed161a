//! Plot set-up, grid marks and pointer handling shared by the views, so every plot behaves
//! the same in the window and in an image.

use eframe::egui::{self, Ui};
use egui_plot::{GridInput, GridMark, Plot, PlotResponse};

use super::{ChartResponse, Ctx, Mode, card};
use crate::compare::CompareRow;
use crate::i18n::Lang;
use crate::model::Indicator;

/// A plot with the app's behaviour for the mode: in the window it pans and zooms (and is
/// reset on request); in an image nothing moves. Grid lines are major marks only in an
/// image, and light in the window.
pub fn base<'a>(ui: &Ui, cx: &Ctx<'_>, name: &str) -> Plot<'a> {
    let mut plot = Plot::new(name)
        .id(settled_plot_id(ui, name))
        .allow_scroll(false)
        .show_x(false)
        .show_y(false);
    match cx.mode {
        Mode::Interactive { reset } => {
            plot = plot.grid_color(ui.visuals().weak_text_color().gamma_multiply(0.6));
            if reset {
                plot = plot.reset();
            }
        }
        Mode::Image { .. } => {
            plot = plot
                .allow_drag(false)
                .allow_zoom(false)
                .allow_boxed_zoom(false)
                .allow_double_click_reset(false)
                .x_grid_spacer(major_marks)
                .y_grid_spacer(major_marks);
        }
    }
    plot
}

/// Plots lay out axes and labels from the previous frame; a plot drawn for the first time
/// asks for one more frame so that what is shown (or exported) is settled.
fn settled_plot_id(ui: &Ui, name: &str) -> egui::Id {
    let id = ui.make_persistent_id(name);
    if egui_plot::PlotMemory::load(ui.ctx(), id).is_none() {
        ui.ctx().request_repaint();
    }
    id
}

/// One level of round marks (1, 2 or 5 times a power of ten) about 90 points apart: no
/// minor grid, which reads as hatching on a slide.
pub fn major_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || input.base_step_size <= 0.0 {
        return Vec::new();
    }
    // base_step_size is the value of the grid's minimum spacing (egui_plot's default 8 pt).
    let step = round_step(input.base_step_size * 90.0 / 8.0);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    // The bounds are finite and the step is at least a ninetieth of the span on screen, so
    // this is a handful of marks; the cap only guards against a degenerate transform.
    (first..=last.min(first + 200))
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// The round step (1, 2 or 5 times a power of ten) at least `wanted`.
pub(super) fn round_step(wanted: f64) -> f64 {
    let power = 10f64.powf(wanted.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= wanted)
        .unwrap_or(10.0 * power)
}

/// Whole-number marks between `lo` and `hi` that fall in the visible bounds: rows of a bar
/// chart, or the years of the trend. Bounded by the data, however far the user zooms out.
pub fn whole_marks(input: GridInput, lo: i64, hi: i64) -> Vec<GridMark> {
    let (view_lo, view_hi) = input.bounds;
    if !(view_lo.is_finite() && view_hi.is_finite()) {
        return Vec::new();
    }
    let from = (view_lo.ceil() as i64).max(lo);
    let to = (view_hi.floor() as i64).min(hi);
    (from..=to)
        .map(|v| GridMark {
            value: v as f64,
            step_size: 1.0,
        })
        .collect()
}

/// The row of a plot of `slots` rows (row i at y = slots-1-i, the first on top) the pointer
/// is over, highlighted; None off the plot or past the `rows` drawn.
pub fn hovered_row(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    slots: usize,
    rows: usize,
    highlight: egui::Color32,
) -> Option<usize> {
    let i = plot_ui
        .pointer_coordinate()
        .filter(|_| plot_ui.response().hovered())
        .map(|p| p.y.round())
        .filter(|y| *y >= 0.0 && (*y as usize) < slots)
        .map(|y| slots - 1 - y as usize)
        .filter(|i| *i < rows)?;
    let y = (slots - 1 - i) as f64;
    plot_ui.span(
        egui_plot::Span::new("", y - 0.5..=y + 0.5)
            .axis(egui_plot::Axis::Y)
            .fill(highlight)
            .border_width(0.0),
    );
    Some(i)
}

/// What a row is about: an indicator of the region shown, or one region's figures in the
/// compare view.
#[derive(Clone, Copy)]
pub enum Subject<'a> {
    Indicator(&'a Indicator),
    Region(&'a CompareRow),
}

impl Subject<'_> {
    /// The row's name on the axis.
    pub fn name(&self, lang: Lang) -> &str {
        match self {
            Subject::Indicator(ind) => ind.name(lang),
            Subject::Region(row) => row.region(lang),
        }
    }

    /// What [`ChartResponse::drawn`] reports: the indicator's id, or the region's name.
    pub fn id(&self) -> String {
        match self {
            Subject::Indicator(ind) => ind.id.clone(),
            Subject::Region(row) => row.region_zh.clone(),
        }
    }
}

/// In the window, hovering shows the indicator's card (or the region's figures with their
/// quotes) and a click picks an indicator (or a region's) for the details panel; an image
/// has no pointer.
pub fn hover_and_click<R>(
    result: &PlotResponse<R>,
    subject: Option<Subject<'_>>,
    cx: &Ctx<'_>,
    response: &mut ChartResponse,
) {
    let (Mode::Interactive { .. }, Some(subject)) = (cx.mode, subject) else {
        return;
    };
    let lang = cx.spec.lang;
    match subject {
        Subject::Indicator(indicator) => {
            if result.response.clicked() {
                response.clicked = Some(indicator.id.clone());
            }
            result.response.clone().on_hover_ui_at_pointer(|ui| {
                card::indicator_ui(ui, indicator, lang);
            });
        }
        Subject::Region(row) => {
            if result.response.clicked() {
                response.clicked_region = Some((row.region_zh.clone(), row.indicator.id.clone()));
            }
            let years = cx.years();
            result.response.clone().on_hover_ui_at_pointer(|ui| {
                card::region_ui(ui, row, years, lang);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn major_marks_are_one_level_of_round_steps() {
        let marks = major_marks(GridInput {
            bounds: (-3.2, 17.9),
            base_step_size: 8.0 * 21.1 / 800.0,
        });
        let steps: Vec<f64> = marks.iter().map(|m| m.step_size).collect();
        assert!(steps.windows(2).all(|w| w[0] == w[1]), "{steps:?}");
        let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
        assert_eq!(values, [0.0, 5.0, 10.0, 15.0]);
    }

    #[test]
    fn whole_marks_stay_within_the_data_when_zoomed_far_out() {
        let marks = whole_marks(
            GridInput {
                bounds: (-1e12, 1e12),
                base_step_size: 1e9,
            },
            2022,
            2024,
        );
        assert_eq!(marks.len(), 3);
    }
}
