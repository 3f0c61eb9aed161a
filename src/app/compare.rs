//! The compare view's choices and its table, worked out once per choice: for hundreds of
//! regions the table takes tens of milliseconds, far too long to make every frame.

use eframe::egui;
use serde::{Deserialize, Serialize};

use super::GwrApp;
use crate::chart::{ChartInput, View};
use crate::collection::RegionData;
use crate::compare::{self, CompareTable, IndicatorName, Query, Sort};
use crate::i18n::Lang;
use crate::model::{Indicator, Level};

/// What the user picked in the compare view. Saved: it is a choice, not a fact about the
/// files open; a name no region has falls back to the most common one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CompareChoice {
    /// The indicator's name as the reports write it; None for the most common.
    pub indicator: Option<String>,
    /// The plan year; None for the latest.
    pub year: Option<i32>,
    pub sort: Sort,
    /// The level ranked; None for the level most regions have.
    pub level: Option<Level>,
    /// A reference value typed by the user, instead of the national figure.
    pub reference: Option<f64>,
}

impl CompareChoice {
    fn query(&self, name: &str, year: Option<i32>) -> Query {
        Query {
            name: name.to_owned(),
            plan_year: year,
            sort: self.sort,
            level: self.level,
            reference: self.reference,
        }
    }
}

/// The names that can be compared and the table of the choice, kept until the choice or
/// the files open change.
#[derive(Default)]
pub struct CompareCache {
    /// The choice the table was made for; None when it must be made again.
    made_for: Option<CompareChoice>,
    /// The names of two or more regions, most common first; None until worked out for the
    /// files open.
    names: Option<Vec<IndicatorName>>,
    table: Option<CompareTable>,
}

impl CompareCache {
    /// Forgets everything: the files open changed.
    pub fn clear(&mut self) {
        *self = CompareCache::default();
    }

    /// Makes the names and the table again if the files or the choice changed since.
    fn refresh(&mut self, regions: &[RegionData], choice: &CompareChoice) {
        let names = self
            .names
            .get_or_insert_with(|| compare::indicator_names(regions));
        if self.made_for.as_ref() == Some(choice) {
            return;
        }
        let picked = choice.indicator.as_deref().and_then(|wanted| {
            let key = compare::match_key(wanted);
            names.iter().find(|n| compare::match_key(&n.name) == key)
        });
        let table = picked.or(names.first()).and_then(|name| {
            let table = compare::compare_table(regions, &choice.query(&name.name, choice.year))?;
            // A year saved for another indicator: the latest of this one instead.
            match choice.year {
                Some(year) if !table.plan_years.contains(&year) => {
                    compare::compare_table(regions, &choice.query(&name.name, None))
                }
                _ => Some(table),
            }
        });
        self.table = table;
        self.made_for = Some(choice.clone());
    }
}

impl GwrApp {
    /// Makes the compare table again if the choice or the files changed; only while the
    /// compare view is shown, so the other views never pay for it.
    pub(super) fn refresh_compare(&mut self) {
        if self.state.chart.view == View::Compare {
            self.compare
                .refresh(self.session.regions(), &self.state.compare);
        }
    }

    /// Makes the compare table again if needed whatever view is shown: a deck may hold the
    /// compare view.
    pub(super) fn refresh_compare_for_deck(&mut self) {
        self.compare
            .refresh(self.session.regions(), &self.state.compare);
    }

    /// The compare table shown (after [`GwrApp::refresh_compare`]).
    pub fn compare_table(&self) -> Option<&CompareTable> {
        self.compare.table.as_ref()
    }

    /// The names the indicator picker offers (after [`GwrApp::refresh_compare`]).
    pub fn compare_names(&self) -> &[IndicatorName] {
        self.compare.names.as_deref().unwrap_or_default()
    }

    /// What the chart draws, the same for the window, the clipboard and every export.
    pub(super) fn chart_input<'a>(&'a self, selected: &'a [&'a Indicator]) -> ChartInput<'a> {
        ChartInput {
            data: self.session.data(),
            selected,
            regions: self.session.regions(),
            compare: match self.state.chart.view {
                View::Compare => self.compare.table.as_ref(),
                _ => None,
            },
        }
    }
}

/// The compare bar's level picker (with regions of more than one level) and reference
/// field: a value that is not a number is refused where it is typed, and the national
/// figure stays the reference.
pub fn level_and_reference_ui(
    ui: &mut egui::Ui,
    choice: &mut CompareChoice,
    table: &CompareTable,
    lang: Lang,
) {
    let t = lang.texts();
    if table.levels.len() > 1 {
        ui.separator();
        ui.label(t.compare_level);
        for &(level, n) in &table.levels {
            let index = Level::ALL.iter().position(|l| *l == level).unwrap_or(0);
            let text = format!("{} ({n})", t.level_names[index]);
            if ui
                .selectable_label(table.level == Some(level), text)
                .clicked()
            {
                choice.level = Some(level);
            }
        }
    }
    ui.separator();
    let label = ui.label(t.compare_reference);
    let id = egui::Id::unique("compare_reference_text");
    let mut text = ui.data(|d| d.get_temp::<String>(id)).unwrap_or_else(|| {
        choice
            .reference
            .map(crate::model::format_number)
            .unwrap_or_default()
    });
    let hint = table
        .reference_line(lang)
        .map_or(String::new(), |(_, _, label)| label);
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text(hint)
                .desired_width(90.0),
        )
        .labelled_by(label.id);
    let trimmed = text.trim().trim_end_matches('%');
    let parsed = trimmed.parse::<f64>().ok().filter(|v| v.is_finite());
    if trimmed.is_empty() {
        choice.reference = None;
    } else if let Some(v) = parsed {
        choice.reference = Some(v);
    } else {
        ui.colored_label(ui.visuals().error_fg_color, t.reference_not_number);
    }
    if edit.changed() {
        ui.data_mut(|d| d.insert_temp(id, text));
    }
}
