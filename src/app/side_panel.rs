//! The indicator list: search, presets, categories with all/none, a checkbox each.

use eframe::egui;

use super::{AppCommand, GwrApp};
use crate::model::Category;
use crate::selection::{self, Preset};

pub fn show(app: &mut GwrApp, ui: &mut egui::Ui) {
    let lang = app.state.chart.lang;
    let t = lang.texts();
    egui::Panel::left("indicators")
        .resizable(true)
        .default_size(290.0)
        .show(ui, |ui| {
            ui.add_space(4.0);
            let search = ui.add(
                egui::TextEdit::singleline(&mut app.search)
                    .hint_text(t.search_hint)
                    .desired_width(f32::INFINITY),
            );
            if std::mem::take(&mut app.focus_search) {
                search.request_focus();
            }
            ui.horizontal_wrapped(|ui| {
                for (preset, label) in [
                    (Preset::Headline, t.preset_headline),
                    (Preset::Comparable, t.preset_comparable),
                    (Preset::All, t.preset_all),
                    (Preset::None, t.preset_none),
                ] {
                    if ui.button(label).clicked() {
                        app.push(AppCommand::ApplyPreset(preset));
                    }
                }
            });
            let ticked = app.ticked();
            ui.label(format!(
                "{} {} / {}",
                t.shown,
                ticked.len(),
                app.data.indicators.len()
            ));
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                let mut any = false;
                for category in Category::ALL {
                    let matching: Vec<(String, String, bool)> = app
                        .data
                        .indicators
                        .iter()
                        .filter(|i| i.category == category && i.matches(&app.search))
                        .map(|i| {
                            let mut name = i.name(lang).to_owned();
                            if i.headline {
                                name.push_str(" ★");
                            }
                            if !i.comparable {
                                name.push_str(" ≠");
                            }
                            (i.id.clone(), name, ticked.contains(&i.id))
                        })
                        .collect();
                    if matching.is_empty() {
                        continue;
                    }
                    any = true;
                    let on = matching.iter().filter(|m| m.2).count();
                    let header = format!("{} ({on}/{})", category.name(lang), matching.len());
                    egui::CollapsingHeader::new(header)
                        .id_salt(category.key())
                        .default_open(true)
                        .show(ui, |ui| {
                            ui.horizontal(|ui| {
                                if ui.small_button(t.all).clicked() {
                                    set_category(app, category, true);
                                }
                                if ui.small_button(t.none).clicked() {
                                    set_category(app, category, false);
                                }
                            });
                            // Ticking an indicator also shows it in the details panel.
                            for (id, name, mut on) in matching {
                                if ui.checkbox(&mut on, name).changed() {
                                    app.set_ticked(&id, on);
                                    app.details = Some(id);
                                }
                            }
                        });
                }
                if !any {
                    ui.label(egui::RichText::new(t.no_match).weak());
                }
            });
        });
}

fn set_category(app: &mut GwrApp, category: Category, on: bool) {
    let ids: Vec<String> = selection::category_ids(&app.data, category)
        .map(str::to_owned)
        .collect();
    for id in ids {
        app.set_ticked(&id, on);
    }
}
