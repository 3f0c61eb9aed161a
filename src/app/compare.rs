//! The compare view's choices and its table, worked out once per choice: for hundreds of
//! regions the table takes tens of milliseconds, far too long to make every frame.

use serde::{Deserialize, Serialize};

use super::GwrApp;
use crate::chart::{ChartInput, View};
use crate::collection::RegionData;
use crate::compare::{self, CompareTable, IndicatorName, Sort};
use crate::model::Indicator;

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
            let table = compare::compare_rows(regions, &name.name, choice.year, choice.sort)?;
            // A year saved for another indicator: the latest of this one instead.
            match choice.year {
                Some(year) if !table.plan_years.contains(&year) => {
                    compare::compare_rows(regions, &name.name, None, choice.sort)
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
