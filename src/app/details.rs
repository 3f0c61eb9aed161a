//! The details panel: the indicator last picked, with every observation and its quote.
//! It opens when something is picked and takes no width while closed.

use eframe::egui;

use super::{AppCommand, GwrApp};
use crate::chart;
use crate::i18n::Lang;
use crate::merge::Conflict;

/// The panel's default width: narrower on a small screen, so the chart keeps most of it.
fn default_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() * 0.25).clamp(220.0, 340.0)
}

pub fn show(app: &mut GwrApp, ui: &mut egui::Ui) {
    let Some(indicator) = app.details.as_deref().and_then(|id| app.data.indicator(id)) else {
        return;
    };
    let lang = app.state.chart.lang;
    let t = lang.texts();
    let mut close = false;
    egui::Panel::right("details")
        .resizable(true)
        .default_size(default_width(ui))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(t.details);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let command = AppCommand::CloseDetails;
                    let tip = command.tooltip(ui.ctx(), lang).unwrap_or_default();
                    close = ui
                        .button("×")
                        .on_hover_text(format!("{} {tip}", command.label(lang)))
                        .clicked();
                });
            });
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                let conflicts = app
                    .regions
                    .get(app.shown)
                    .into_iter()
                    .flat_map(|r| &r.conflicts)
                    .filter(|c| c.indicator == indicator.id);
                for conflict in conflicts {
                    conflict_ui(ui, conflict, indicator.unit(lang), lang);
                    ui.separator();
                }
                chart::indicator_ui(ui, indicator, lang);
            });
        });
    if close {
        app.push(AppCommand::CloseDetails);
    }
}

/// Two files of one region and plan year disagree on a figure: both, with their quotes and
/// files, and which one the charts show.
fn conflict_ui(ui: &mut egui::Ui, conflict: &Conflict, unit: &str, lang: Lang) {
    let t = lang.texts();
    ui.label(
        egui::RichText::new(format!(
            "{} — {} {}",
            t.conflict,
            conflict.year,
            conflict.kind.name(lang)
        ))
        .strong()
        .color(ui.visuals().warn_fg_color),
    );
    for (what, obs) in [
        (t.conflict_kept, &conflict.kept),
        (t.conflict_dropped, &conflict.dropped),
    ] {
        let file = obs.source_file.as_deref().unwrap_or("?");
        ui.label(format!(
            "{what}{}{} · {}{}{file}",
            t.colon,
            obs.summary(unit, lang),
            t.file,
            t.colon
        ));
        ui.label(egui::RichText::new(format!("「{}」", obs.quote)).italics());
    }
}
