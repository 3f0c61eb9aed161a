//! The top bar: views, language, theme, file and chart commands, and the dataset's name,
//! in one row. What does not fit the window's width goes into a "…" menu. In the compare
//! view a second row picks the indicator, year and order. It returns what was asked.

use eframe::egui::{self, RichText, TextStyle, TextWrapMode, WidgetText};

use super::{AppCommand, CompareChoice, Theme};
use crate::chart::{ChartSpec, View};
use crate::collection::RegionData;
use crate::compare::{CompareTable, IndicatorName, Sort};
use crate::i18n::Lang;

/// What the bar reads.
pub struct Input<'a> {
    pub chart: &'a ChartSpec,
    pub compare: &'a CompareChoice,
    pub regions: &'a [RegionData],
    pub shown: usize,
    pub draft: bool,
    /// The file (or files) shown, as the window names them.
    pub name: String,
    pub reviewing: bool,
    pub table: Option<&'a CompareTable>,
    pub names: &'a [IndicatorName],
}

/// What the user asked of the bar.
#[derive(Default)]
pub struct Response {
    pub commands: Vec<AppCommand>,
    pub show_region: Option<usize>,
    /// The compare view's new choice.
    pub compare: Option<CompareChoice>,
}

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

/// Commands that are always in the "…" menu, before those that did not fit the bar.
const MENU_ONLY: [AppCommand; 1] = [AppCommand::OpenFolder];

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

fn is_selected(input: &Input<'_>, ui: &egui::Ui, command: AppCommand) -> Option<bool> {
    match command {
        AppCommand::ShowView(view) => Some(input.chart.view == view),
        AppCommand::SetLang(lang) => Some(input.chart.lang == lang),
        AppCommand::SetTheme(theme) => Some((theme == Theme::Dark) == ui.visuals().dark_mode),
        AppCommand::Review => Some(input.reviewing),
        _ => None,
    }
}

pub fn show(ui: &mut egui::Ui, input: &Input<'_>) -> Response {
    let mut out = Response::default();
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            out.show_region = region_picker(input, ui);
            out.commands = bar(input, ui);
        });
    });
    out.compare = compare_bar(input, ui);
    out
}

/// In the compare view, a second row: the indicator (the names of two or more regions,
/// most common first), the plan year when there are several, and the order.
fn compare_bar(input: &Input<'_>, ui: &mut egui::Ui) -> Option<CompareChoice> {
    if input.chart.view != View::Compare {
        return None;
    }
    let (Some(table), names) = (input.table, input.names) else {
        return None;
    };
    let lang = input.chart.lang;
    let t = lang.texts();
    let mut choice = input.compare.clone();
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
    (choice != *input.compare).then_some(choice)
}

/// With several regions open, which one the views show (the compare view shows them all).
fn region_picker(input: &Input<'_>, ui: &mut egui::Ui) -> Option<usize> {
    if input.regions.len() < 2 {
        return None;
    }
    let lang = input.chart.lang;
    let mut picked = input.shown;
    let label = ui.label(lang.texts().region);
    let shown = input.regions[input.shown]
        .data
        .report
        .region(lang)
        .to_owned();
    egui::ComboBox::from_id_salt("region_picker")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (k, region) in input.regions.iter().enumerate() {
                ui.selectable_value(&mut picked, k, region.data.report.region(lang));
            }
        })
        .response
        .labelled_by(label.id);
    ui.separator();
    (picked != input.shown).then_some(picked)
}

/// The commands that go into the "…" menu, least needed first, until the rest fits the
/// bar's width; and whether the dataset's name then fits beside them.
fn overflow(input: &Input<'_>, ui: &egui::Ui) -> (Vec<AppCommand>, bool) {
    let lang = input.chart.lang;
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
    let draft_width = if input.draft {
        button_width(ui, lang.texts().draft)
    } else {
        0.0
    };
    let menu_width = button_width(ui, "…");
    let needed = |hidden: &[AppCommand]| -> f32 {
        let mut total = draft_width;
        for group in groups() {
            let shown: Vec<AppCommand> =
                group.into_iter().filter(|c| !hidden.contains(c)).collect();
            if !shown.is_empty() {
                total += shown.iter().map(width_of).sum::<f32>() + SEPARATOR + gap;
            }
        }
        // The menu is always there (for MENU_ONLY).
        total + menu_width
    };
    let available = ui.available_width();
    let mut hidden: Vec<AppCommand> = Vec::new();
    // With commands in the menu, leave room for more: the dataset's name goes there if it
    // has no room.
    for unit in overflow_order() {
        let spare = if hidden.is_empty() { 0.0 } else { menu_width };
        if needed(&hidden) + spare <= available {
            break;
        }
        hidden.extend(unit);
    }
    let name_fits = available - needed(&hidden) >= NAME_MIN;
    (hidden, name_fits)
}

/// The groups of commands not in the menu, a line between groups; returns those clicked.
fn buttons(input: &Input<'_>, ui: &mut egui::Ui, hidden: &[AppCommand]) -> Vec<AppCommand> {
    let lang = input.chart.lang;
    let mut clicked = Vec::new();
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
            let response = match is_selected(input, ui, command) {
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
                clicked.push(command);
            }
        }
    }
    clicked
}

fn bar(input: &Input<'_>, ui: &mut egui::Ui) -> Vec<AppCommand> {
    let lang = input.chart.lang;
    let t = lang.texts();
    let (hidden, name_fits) = overflow(input, ui);
    let dataset = format!("{}{}{}", t.dataset, t.colon, input.name);
    let mut clicked = buttons(input, ui, &hidden);
    ui.add(egui::Separator::default().spacing(SEPARATOR));
    if input.draft {
        ui.label(
            RichText::new(t.draft)
                .strong()
                .color(ui.visuals().warn_fg_color),
        )
        .on_hover_text(t.draft_note.trim_start_matches(" · "));
    }
    {
        ui.menu_button("…", |ui| {
            for command in MENU_ONLY.iter().chain(&hidden) {
                let selected = is_selected(input, ui, *command).unwrap_or(false);
                if command.menu_item(ui, lang, selected).clicked() {
                    clicked.push(*command);
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
    clicked
}
