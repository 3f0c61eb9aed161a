//! The top bar: views, language, theme, file and chart commands, and the dataset's name,
//! in one row. What does not fit the window's width goes into a "…" menu.

use eframe::egui::{self, RichText, TextStyle, TextWrapMode, WidgetText};

use super::{AppCommand, GwrApp, Theme};
use crate::chart::View;
use crate::compare::Sort;
use crate::i18n::Lang;

/// The width of the line between two groups.
const SEPARATOR: f32 = 8.0;
/// Below this width the dataset's name moves into the menu rather than show a stub.
const NAME_MIN: f32 = 90.0;

/// The groups of the bar, in the order they are drawn.
fn groups() -> [Vec<AppCommand>; 4] {
    [
        View::ALL.into_iter().map(AppCommand::ShowView).collect(),
        Lang::ALL.into_iter().map(AppCommand::SetLang).collect(),
        vec![
            AppCommand::SetTheme(Theme::Light),
            AppCommand::SetTheme(Theme::Dark),
        ],
        vec![
            AppCommand::OpenDialog,
            AppCommand::Review,
            AppCommand::PasteReport,
            AppCommand::SaveJson,
            AppCommand::OpenExport,
            AppCommand::CopyChart,
            AppCommand::CopyData,
            AppCommand::ResetPlot,
        ],
    ]
}

/// Whether a command leaves the bar for the menu before another: the first goes first.
/// The views never leave the bar.
fn overflow_order() -> [Vec<AppCommand>; 9] {
    [
        vec![AppCommand::PasteReport],
        vec![AppCommand::CopyData],
        vec![AppCommand::ResetPlot],
        vec![AppCommand::SaveJson],
        vec![
            AppCommand::SetTheme(Theme::Light),
            AppCommand::SetTheme(Theme::Dark),
        ],
        Lang::ALL.into_iter().map(AppCommand::SetLang).collect(),
        vec![AppCommand::CopyChart],
        vec![AppCommand::OpenExport, AppCommand::OpenDialog],
        vec![AppCommand::Review],
    ]
}

/// The width a button or selectable label with this text takes, spacing included.
fn button_width(ui: &egui::Ui, text: &str) -> f32 {
    let galley = WidgetText::from(text).into_galley(
        ui,
        Some(TextWrapMode::Extend),
        f32::INFINITY,
        TextStyle::Button,
    );
    let spacing = ui.spacing();
    (galley.size().x + 2.0 * spacing.button_padding.x).max(spacing.interact_size.y)
        + spacing.item_spacing.x
}

fn is_selected(app: &GwrApp, ui: &egui::Ui, command: AppCommand) -> Option<bool> {
    match command {
        AppCommand::ShowView(view) => Some(app.state.chart.view == view),
        AppCommand::SetLang(lang) => Some(app.state.chart.lang == lang),
        AppCommand::SetTheme(theme) => Some((theme == Theme::Dark) == ui.visuals().dark_mode),
        AppCommand::Review => Some(app.reviewing),
        _ => None,
    }
}

pub fn show(app: &mut GwrApp, ui: &mut egui::Ui) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            region_picker(app, ui);
            bar(app, ui);
        });
    });
    compare_bar(app, ui);
}

/// In the compare view, a second row: the indicator (the names of two or more regions,
/// most common first), the plan year when there are several, and the order.
fn compare_bar(app: &mut GwrApp, ui: &mut egui::Ui) {
    if app.state.chart.view != View::Compare {
        return;
    }
    app.refresh_compare();
    let (Some(table), names) = (app.compare_table(), app.compare_names()) else {
        return;
    };
    let lang = app.state.chart.lang;
    let t = lang.texts();
    let mut choice = app.state.compare.clone();
    egui::Panel::top("compare_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label(t.compare_indicator);
            egui::ComboBox::from_id_salt("compare_indicator")
                .selected_text(&table.name)
                .height(480.0)
                .show_ui(ui, |ui| {
                    for name in names {
                        let text = format!("{} ({})", name.name, name.regions);
                        if ui.selectable_label(name.name == table.name, text).clicked() {
                            choice.indicator = Some(name.name.clone());
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            if table.plan_years.len() > 1 {
                ui.separator();
                let label = ui.label(t.compare_year);
                egui::ComboBox::from_id_salt("compare_year")
                    .selected_text(table.plan_year.to_string())
                    .show_ui(ui, |ui| {
                        for &year in &table.plan_years {
                            let on = year == table.plan_year;
                            if ui.selectable_label(on, year.to_string()).clicked() {
                                choice.year = Some(year);
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
            ui.separator();
            ui.label(t.compare_sort);
            for sort in Sort::ALL {
                if ui
                    .selectable_label(choice.sort == sort, sort.name(lang))
                    .clicked()
                {
                    choice.sort = sort;
                }
            }
            super::compare::level_and_reference_ui(ui, &mut choice, table, lang);
        });
    });
    if choice != app.state.compare {
        app.state.compare = choice;
    }
}

/// With several regions open, which one the views show (the compare view shows them all).
fn region_picker(app: &mut GwrApp, ui: &mut egui::Ui) {
    if app.regions.len() < 2 {
        return;
    }
    let lang = app.state.chart.lang;
    let mut picked = app.shown;
    let label = ui.label(lang.texts().region);
    egui::ComboBox::from_id_salt("region_picker")
        .selected_text(app.data.report.region(lang).to_owned())
        .show_ui(ui, |ui| {
            for (k, region) in app.regions.iter().enumerate() {
                ui.selectable_value(&mut picked, k, region.data.report.region(lang));
            }
        })
        .response
        .labelled_by(label.id);
    if picked != app.shown {
        app.request(super::review::Leave::ShowRegion(picked));
    }
    ui.separator();
}

fn bar(app: &mut GwrApp, ui: &mut egui::Ui) {
    let lang = app.state.chart.lang;
    let t = lang.texts();
    let gap = ui.spacing().item_spacing.x;
    let widths: Vec<(AppCommand, f32)> = groups()
        .into_iter()
        .flatten()
        .map(|c| (c, button_width(ui, &c.label(lang))))
        .collect();
    let width_of = |command: &AppCommand| {
        widths
            .iter()
            .find(|(c, _)| c == command)
            .map_or(0.0, |(_, w)| *w)
    };
    let draft = app.draft.then_some(t.draft);
    let draft_width = draft.map_or(0.0, |d| button_width(ui, d));
    let menu_width = button_width(ui, "…");

    // Move groups of commands into the menu, least needed first, until the rest fits.
    let needed = |hidden: &[AppCommand]| -> f32 {
        let mut total = draft_width;
        for group in groups() {
            let shown: Vec<AppCommand> =
                group.into_iter().filter(|c| !hidden.contains(c)).collect();
            if !shown.is_empty() {
                total += shown.iter().map(width_of).sum::<f32>() + SEPARATOR + gap;
            }
        }
        if !hidden.is_empty() {
            total += menu_width;
        }
        total
    };
    let available = ui.available_width();
    let mut hidden: Vec<AppCommand> = Vec::new();
    // Leave room at least for the menu, where the dataset's name goes if it has no room.
    for unit in overflow_order() {
        if needed(&hidden) + menu_width <= available {
            break;
        }
        hidden.extend(unit);
    }
    let name_fits = available - needed(&hidden) >= NAME_MIN;
    let dataset = format!("{}{}{}", t.dataset, t.colon, app.data_name);

    let mut first = true;
    for group in groups() {
        let shown: Vec<AppCommand> = group.into_iter().filter(|c| !hidden.contains(c)).collect();
        if shown.is_empty() {
            continue;
        }
        if !first {
            ui.add(egui::Separator::default().spacing(SEPARATOR));
        }
        first = false;
        for command in shown {
            let response = match is_selected(app, ui, command) {
                Some(on) => {
                    let response = ui.selectable_label(on, command.label(lang));
                    match command.tooltip(ui.ctx(), lang) {
                        Some(tip) => response.on_hover_text(tip),
                        None => response,
                    }
                }
                None => command.button(ui, lang),
            };
            if response.clicked() {
                app.push(command);
            }
        }
    }
    ui.add(egui::Separator::default().spacing(SEPARATOR));
    if let Some(draft) = draft {
        ui.label(
            RichText::new(draft)
                .strong()
                .color(ui.visuals().warn_fg_color),
        )
        .on_hover_text(t.draft_note.trim_start_matches(" · "));
    }
    if !hidden.is_empty() || !name_fits {
        ui.menu_button("…", |ui| {
            for command in &hidden {
                let selected = is_selected(app, ui, *command).unwrap_or(false);
                if command.menu_item(ui, lang, selected).clicked() {
                    app.push(*command);
                }
            }
            if !name_fits {
                ui.separator();
                ui.label(RichText::new(&dataset).weak());
            }
        })
        .response
        .on_hover_text(t.more);
    }
    if name_fits {
        ui.add(egui::Label::new(RichText::new(&dataset).weak()).truncate())
            .on_hover_text(&dataset);
    }
}
