//! The details panel: the indicator last picked, with every observation and its quote.
//! It opens when something is picked and takes no width while closed.

use eframe::egui;

use super::AppCommand;
use crate::chart;
use crate::i18n::Lang;
use crate::merge::Conflict;
use crate::model::Indicator;

/// The panel's default width: narrow, so that the chart keeps at least 60% of the window
/// with the list and this panel open (a long quote wraps).
fn default_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() * 0.19).clamp(220.0, 300.0)
}

/// The panel of `indicator`, with the figures files of its region disagree on; returns
/// whether the user closed it.
pub fn show(ui: &mut egui::Ui, indicator: &Indicator, conflicts: &[Conflict], lang: Lang) -> bool {
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
                for conflict in conflicts.iter().filter(|c| c.indicator == indicator.id) {
                    conflict_ui(ui, conflict, indicator.unit(lang), lang);
                    ui.separator();
                }
                chart::indicator_ui(ui, indicator, lang);
            });
        });
    close
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
