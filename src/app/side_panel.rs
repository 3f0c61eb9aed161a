//! The indicator list: search, presets, categories with all/none, a checkbox each. Only
//! the rows in view are laid out, so a list of thousands costs no more than a short one.
//! It reads the dataset and the ticks, keeps its own search and folds, and returns what the
//! user changed.

use std::collections::BTreeSet;

use eframe::egui;

use super::{AppCommand, UiState};
use crate::i18n::Lang;
use crate::model::{Category, Dataset};
use crate::selection::{self, Preset};

/// The list's default width: narrow, so that with the details panel open the chart keeps
/// at least 60% of the window.
fn default_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() * 0.19).clamp(200.0, 270.0)
}

/// What the list reads.
pub struct Input<'a> {
    pub data: &'a Dataset,
    pub ticked: &'a BTreeSet<String>,
    pub lang: Lang,
}

/// What the user changed in the list.
pub enum Change {
    /// Tick (true) or untick these ids.
    Tick(Vec<String>, bool),
    /// Show this indicator in the details panel.
    Details(String),
    Command(AppCommand),
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

/// A click in a row, applied once the list is drawn.
enum Click {
    Fold(Category),
    Category(Category, bool),
    Tick(usize, bool),
}

/// The rows matching the search, grouped by category in [`Category::ALL`] order.
fn rows(input: &Input<'_>, search: &str, folded: &BTreeSet<Category>) -> Vec<Row> {
    let mut by_category: Vec<Vec<usize>> = vec![Vec::new(); Category::ALL.len()];
    let search = search.trim();
    for (n, indicator) in input.data.indicators.iter().enumerate() {
        if search.is_empty() || indicator.matches(search) {
            let slot = Category::ALL
                .iter()
                .position(|c| *c == indicator.category)
                .unwrap_or(0);
            by_category[slot].push(n);
        }
    }
    let ticked = input.ticked;
    let mut rows = Vec::new();
    for (category, members) in Category::ALL.into_iter().zip(by_category) {
        if members.is_empty() {
            continue;
        }
        rows.push(Row::Category {
            category,
            ticked: members
                .iter()
                .filter(|&&n| ticked.contains(&input.data.indicators[n].id))
                .count(),
            matching: members.len(),
        });
        if !folded.contains(&category) {
            rows.extend(members.into_iter().map(Row::Indicator));
        }
    }
    rows
}

pub fn show(ui: &mut egui::Ui, input: &Input<'_>, own: &mut UiState) -> Vec<Change> {
    let lang = input.lang;
    let t = lang.texts();
    let mut changes = Vec::new();
    egui::Panel::left("indicators")
        .resizable(true)
        .default_size(default_width(ui))
        .show(ui, |ui| {
            ui.add_space(4.0);
            let search = ui.add(
                egui::TextEdit::singleline(&mut own.search)
                    .hint_text(t.search_hint)
                    .desired_width(f32::INFINITY),
            );
            if std::mem::take(&mut own.focus_search) {
                search.request_focus();
            }
            ui.horizontal_wrapped(|ui| {
                for preset in Preset::ALL {
                    let command = AppCommand::ApplyPreset(preset);
                    if command.button(ui, lang).clicked() {
                        changes.push(Change::Command(command));
                    }
                }
            });
            ui.label(format!(
                "{} {} / {}",
                t.shown,
                input.ticked.len(),
                input.data.indicators.len()
            ));
            ui.separator();
            let rows = rows(input, &own.search, &own.folded);
            if rows.is_empty() {
                ui.label(egui::RichText::new(t.no_match).weak());
                return;
            }
            let mut clicks = Vec::new();
            let row_height = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show_rows(ui, row_height, rows.len(), |ui, range| {
                    // A long name is cut short rather than widen the panel.
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    for row in &rows[range] {
                        row_ui(input, &own.folded, ui, row, &mut clicks);
                    }
                });
            for click in clicks {
                changes.extend(apply(input, &mut own.folded, click));
            }
        });
    changes
}

fn row_ui(
    input: &Input<'_>,
    folded: &BTreeSet<Category>,
    ui: &mut egui::Ui,
    row: &Row,
    clicks: &mut Vec<Click>,
) {
    let lang = input.lang;
    let t = lang.texts();
    match *row {
        Row::Category {
            category,
            ticked,
            matching,
        } => {
            ui.horizontal(|ui| {
                let folded = folded.contains(&category);
                let header = format!(
                    "{} {} ({ticked}/{matching})",
                    if folded { "›" } else { "▼" },
                    category.name(lang)
                );
                if ui
                    .add(egui::Button::new(egui::RichText::new(header).strong()).frame(false))
                    .clicked()
                {
                    clicks.push(Click::Fold(category));
                }
                if ui.small_button(t.all).clicked() {
                    clicks.push(Click::Category(category, true));
                }
                if ui.small_button(t.none).clicked() {
                    clicks.push(Click::Category(category, false));
                }
            });
        }
        Row::Indicator(n) => {
            let indicator = &input.data.indicators[n];
            let mut name = indicator.name(lang).to_owned();
            if indicator.headline {
                name.push_str(" ★");
            }
            if !indicator.comparable {
                name.push_str(" ≠");
            }
            let mut on = input.ticked.contains(&indicator.id);
            ui.horizontal(|ui| {
                ui.add_space(12.0);
                if ui.checkbox(&mut on, name).changed() {
                    clicks.push(Click::Tick(n, on));
                }
            });
        }
    }
}

/// A click as the change it asks of the app; folding is the list's own.
fn apply(input: &Input<'_>, folded: &mut BTreeSet<Category>, click: Click) -> Vec<Change> {
    match click {
        Click::Fold(category) => {
            if !folded.remove(&category) {
                folded.insert(category);
            }
            Vec::new()
        }
        Click::Category(category, on) => {
            let ids = selection::category_ids(input.data, category)
                .map(str::to_owned)
                .collect();
            vec![Change::Tick(ids, on)]
        }
        // Ticking an indicator also picks it for the details panel.
        Click::Tick(n, on) => {
            let id = input.data.indicators[n].id.clone();
            vec![Change::Tick(vec![id.clone()], on), Change::Details(id)]
        }
    }
}
