//! The top bar: view switch, language, theme, open.

use eframe::egui;

use super::{AppCommand, GwrApp, Theme};
use crate::chart::View;
use crate::i18n::Lang;

pub fn show(app: &mut GwrApp, ui: &mut egui::Ui) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let lang = app.state.chart.lang;
            let t = lang.texts();
            for (n, view) in View::ALL.into_iter().enumerate() {
                let label = format!("{} {}", n + 1, view.name(lang));
                ui.selectable_value(&mut app.state.chart.view, view, label)
                    .on_hover_text(view.title(lang));
            }
            ui.separator();
            ui.selectable_value(&mut app.state.chart.lang, Lang::Zh, "中文");
            ui.selectable_value(&mut app.state.chart.lang, Lang::En, "English");
            ui.separator();
            let dark = ui.visuals().dark_mode;
            if ui.selectable_label(!dark, t.light).clicked() {
                app.state.theme = Theme::Light;
            }
            if ui.selectable_label(dark, t.dark).clicked() {
                app.state.theme = Theme::Dark;
            }
            ui.separator();
            if ui.button(t.open).on_hover_text("Ctrl+O").clicked() {
                app.push(AppCommand::OpenDialog);
            }
            if ui.button(t.save_json).clicked() {
                app.push(AppCommand::SaveJson);
            }
            if ui.button(t.export).on_hover_text("Ctrl+E").clicked() {
                app.push(AppCommand::OpenExport);
            }
            if ui.button(t.copy).on_hover_text("Ctrl+Shift+C").clicked() {
                app.push(AppCommand::CopyChart);
            }
            if ui.button(t.reset_view).clicked() {
                app.push(AppCommand::ResetPlot);
            }
            ui.separator();
            let colon = lang.pick("：", ": ");
            if app.state.chart.draft {
                ui.label(
                    egui::RichText::new(t.draft)
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                )
                .on_hover_text(t.draft_note.trim_start_matches(" · "));
            }
            ui.label(egui::RichText::new(format!("{}{colon}{}", t.dataset, app.data_name)).weak());
        });
    });
}
