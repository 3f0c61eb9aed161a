//! The details panel: the indicator last clicked, with every observation and its quote.

use eframe::egui;

use super::GwrApp;
use crate::chart;

pub fn show(app: &mut GwrApp, ui: &mut egui::Ui) {
    let lang = app.state.chart.lang;
    let t = lang.texts();
    egui::Panel::right("details")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            ui.heading(t.details);
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                match app.details.as_deref().and_then(|id| app.data.indicator(id)) {
                    Some(indicator) => chart::indicator_ui(ui, indicator, lang),
                    None => {
                        ui.label(egui::RichText::new(t.details_empty).weak());
                    }
                }
            });
        });
}
