//! Which indicators are ticked: presets, per-category switches, and the selection a
//! dataset opens with.

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use crate::model::{Category, Dataset, Indicator, Kind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preset {
    /// The report's main expected targets (主要预期目标).
    Headline,
    /// Every indicator with a comparable result and target.
    Comparable,
    All,
    None,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::Headline,
        Preset::Comparable,
        Preset::All,
        Preset::None,
    ];
}

/// The ids a preset ticks in a dataset.
pub fn preset(data: &Dataset, preset: Preset) -> BTreeSet<String> {
    let (review, plan) = data.years();
    data.indicators
        .iter()
        .filter(|i| match preset {
            Preset::Headline => i.headline,
            Preset::Comparable => {
                i.comparable
                    && i.observation(review, Kind::Actual).is_some()
                    && i.observation(plan, Kind::Target).is_some()
            }
            Preset::All => true,
            Preset::None => false,
        })
        .map(|i| i.id.clone())
        .collect()
}

/// The key a dataset's selection is saved under. One selection per region, so that a
/// window holding several regions keeps each one's ticks.
pub fn region_key(data: &Dataset) -> String {
    data.report.region_zh.clone()
}

/// The ids to tick when a dataset loads: the saved ones that still exist; when none does
/// (nothing saved, or a file whose ids changed), the headline preset — or every indicator
/// if the file marks no headline — so the window never opens on an empty chart.
pub fn resolve(data: &Dataset, saved: Option<&BTreeSet<String>>) -> BTreeSet<String> {
    let ids: HashSet<&str> = data.indicators.iter().map(|i| i.id.as_str()).collect();
    let kept: BTreeSet<String> = saved
        .into_iter()
        .flatten()
        .filter(|id| ids.contains(id.as_str()))
        .cloned()
        .collect();
    if !kept.is_empty() {
        return kept;
    }
    let headline = preset(data, Preset::Headline);
    if headline.is_empty() {
        preset(data, Preset::All)
    } else {
        headline
    }
}

/// The ids of one category.
pub fn category_ids(data: &Dataset, category: Category) -> impl Iterator<Item = &str> {
    data.indicators
        .iter()
        .filter(move |i| i.category == category)
        .map(|i| i.id.as_str())
}

/// Where the ticked indicators sit in `data.indicators`, in the order the list and the
/// charts show them: by category, then in file order. Worked out once per change, so a
/// frame only looks them up.
pub fn order(data: &Dataset, ticked: &BTreeSet<String>) -> Vec<usize> {
    let mut list: Vec<usize> = (0..data.indicators.len())
        .filter(|&n| ticked.contains(&data.indicators[n].id))
        .collect();
    list.sort_by_key(|&n| data.indicators[n].category);
    list
}

/// The ticked indicators in chart order (see [`order`]).
pub fn indicators<'a>(data: &'a Dataset, ticked: &BTreeSet<String>) -> Vec<&'a Indicator> {
    order(data, ticked)
        .into_iter()
        .map(|n| &data.indicators[n])
        .collect()
}
