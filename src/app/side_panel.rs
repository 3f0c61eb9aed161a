//! The indicator list: search, presets, categories with all/none, a checkbox each. Only
//! the rows in view are laid out, so a list of thousands costs no more than a short one.

use eframe::egui;

use super::{AppCommand, GwrApp};
use crate::model::Category;
use crate::selection::{self, Preset};

/// The list's default width: narrower on a small screen, so the chart keeps most of it.
fn default_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() * 0.22).clamp(200.0, 290.0)
}

/// One line of the list.
enum Row {
    Category {
        category: Category,
        ticked: usize,
        matching: usize,
    },
    /// An indicator, by its place in `data.indicators`.
    Indicator(usize),
}

/// What the user changed in the list, applied once the list is drawn.
enum Change {
    Fold(Category),
    Category(Category, bool),
    Tick(usize, bool),
}

/// The rows matching the search, grouped by category in [`Category::ALL`] order.
fn rows(app: &GwrApp) -> Vec<Row> {
    let mut by_category: Vec<Vec<usize>> = vec![Vec::new(); Category::ALL.len()];
    let search = app.search.trim();
    for (n, indicator) in app.data.indicators.iter().enumerate() {
        if search.is_empty() || indicator.matches(search) {
            let slot = Category::ALL
                .iter()
                .position(|c| *c == indicator.category)
                .unwrap_or(0);
            by_category[slot].push(n);
        }
    }
    let ticked = app.ticked();
    let mut rows = Vec::new();
    for (category, members) in Category::ALL.into_iter().zip(by_category) {
        if members.is_empty() {
            continue;
        }
        rows.push(Row::Category {
            category,
            ticked: members
                .iter()
                .filter(|&&n| ticked.contains(&app.data.indicators[n].id))
                .count(),
            matching: members.len(),
        });
        if !app.folded.contains(&category) {
            rows.extend(members.into_iter().map(Row::Indicator));
        }
    }
    rows
}

pub fn show(app: &mut GwrApp, ui: &mut egui::Ui) {
    let lang = app.state.chart.lang;
    let t = lang.texts();
    egui::Panel::left("indicators")
        .resizable(true)
        .default_size(default_width(ui))
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
                for preset in Preset::ALL {
                    let command = AppCommand::ApplyPreset(preset);
                    if command.button(ui, lang).clicked() {
                        app.push(command);
                    }
                }
            });
            ui.label(format!(
                "{} {} / {}",
                t.shown,
                app.ticked().len(),
                app.data.indicators.len()
            ));
            ui.separator();
            let rows = rows(app);
            if rows.is_empty() {
                ui.label(egui::RichText::new(t.no_match).weak());
                return;
            }
            let mut changes = Vec::new();
            let row_height = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show_rows(ui, row_height, rows.len(), |ui, range| {
                    // A long name is cut short rather than widen the panel.
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    for row in &rows[range] {
                        row_ui(app, ui, row, &mut changes);
                    }
                });
            for change in changes {
                apply(app, change);
            }
        });
}

fn row_ui(app: &GwrApp, ui: &mut egui::Ui, row: &Row, changes: &mut Vec<Change>) {
    let lang = app.state.chart.lang;
    let t = lang.texts();
    match *row {
        Row::Category {
            category,
            ticked,
            matching,
        } => {
            ui.horizontal(|ui| {
                let folded = app.folded.contains(&category);
                let header = format!(
                    "{} {} ({ticked}/{matching})",
                    if folded { "›" } else { "▼" },
                    category.name(lang)
                );
                if ui
                    .add(egui::Button::new(egui::RichText::new(header).strong()).frame(false))
                    .clicked()
                {
                    changes.push(Change::Fold(category));
                }
                if ui.small_button(t.all).clicked() {
                    changes.push(Change::Category(category, true));
                }
                if ui.small_button(t.none).clicked() {
                    changes.push(Change::Category(category, false));
                }
            });
        }
        Row::Indicator(n) => {
            let indicator = &app.data.indicators[n];
            let mut name = indicator.name(lang).to_owned();
            if indicator.headline {
                name.push_str(" ★");
            }
            if !indicator.comparable {
                name.push_str(" ≠");
            }
            let mut on = app.ticked().contains(&indicator.id);
            ui.horizontal(|ui| {
                ui.add_space(12.0);
                if ui.checkbox(&mut on, name).changed() {
                    changes.push(Change::Tick(n, on));
                }
            });
        }
    }
}

fn apply(app: &mut GwrApp, change: Change) {
    match change {
        Change::Fold(category) => {
            if !app.folded.remove(&category) {
                app.folded.insert(category);
            }
        }
        Change::Category(category, on) => {
            let ids: Vec<String> = selection::category_ids(&app.data, category)
                .map(str::to_owned)
                .collect();
            app.set_ticked(ids.iter().map(String::as_str), on);
        }
        // Ticking an indicator also picks it for the details panel.
        Change::Tick(n, on) => {
            let id = app.data.indicators[n].id.clone();
            app.set_ticked([id.as_str()], on);
            app.details = Some(id);
        }
    }
}
