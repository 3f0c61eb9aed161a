//! The history view in the window: hovering a year of a panel shows that year's figures
//! with their quotes; a click picks the indicator nearest the pointer for the details panel.

use eframe::egui::{self, Sense, Ui};

use super::card;
use super::history_panel::{Axes, Panel};
use super::{ChartResponse, Ctx, Mode};
use crate::history::{History, Measure, Year};
use crate::i18n::Lang;
use crate::model::{Kind, format_signed};

/// The year under the pointer in panel `k`, in the window; its figures in a tooltip.
pub(super) fn hover_year(
    ui: &mut Ui,
    cx: &Ctx<'_>,
    axes: &Axes,
    k: usize,
    panel: &Panel<'_, '_>,
    response: &mut ChartResponse,
) -> Option<i32> {
    let Mode::Interactive { .. } = cx.mode else {
        return None;
    };
    let id = ui.scope_id().with(("history-panel", k));
    let hover = ui.interact(axes.plot, id, Sense::click());
    let pointer = hover.hover_pos()?;
    let year = axes.years.first
        + ((pointer.x - axes.plot.left()) / axes.year_width().max(1.0)).floor() as i32;
    let year = year.clamp(axes.years.first, axes.years.last);
    let distance = |h: &History<'_>| {
        h.years
            .iter()
            .find(|y| y.year == year)
            .and_then(|y| y.result.or(y.target))
            .and_then(|o| h.measure.number(o))
            .map_or(f32::INFINITY, |v| (axes.y(v) - pointer.y).abs())
    };
    let nearest = panel
        .series
        .iter()
        .min_by(|a, b| distance(a).total_cmp(&distance(b)));
    if hover.clicked() {
        response.clicked = nearest.map(|h| h.indicator.id.clone());
    }
    let lang = cx.spec.lang;
    hover.on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(420.0);
        for h in &panel.series {
            if let Some(y) = h.years.iter().find(|y| y.year == year) {
                year_card(ui, h, y, lang);
            }
        }
    });
    Some(year)
}

/// One year of one indicator: the figures with their quotes, the gap, why a result is
/// missing.
fn year_card(ui: &mut Ui, h: &History<'_>, y: &Year<'_>, lang: Lang) {
    let t = lang.texts();
    let title = format!("{} · {}", h.indicator.name(lang), y.year);
    ui.label(egui::RichText::new(title).strong());
    for obs in [y.target, y.result].into_iter().flatten() {
        card::observation_ui(ui, h.indicator, obs, lang);
        if y.conflicts.contains(&obs.kind) {
            ui.label(egui::RichText::new(t.conflict).color(ui.visuals().warn_fg_color));
        }
    }
    if let Some(gap) = y.gap {
        let unit = match h.measure {
            Measure::Level => h.indicator.unit(lang),
            _ => t.history_points,
        };
        let gap = format_signed((gap * 100.0).round() / 100.0);
        ui.label(format!("{}{}{gap} {unit}", t.history_gap, t.colon));
    }
    if let Some(why) = y.no_result {
        let text = format!("{} {}", Kind::Actual.name(lang), why.words(lang));
        ui.label(egui::RichText::new(text).color(ui.visuals().warn_fg_color));
    }
    ui.separator();
}
