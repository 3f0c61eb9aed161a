//! Which indicators are ticked: presets and per-category switches.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{Category, Dataset, Indicator};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preset {
    /// The report's main expected targets (主要预期目标).
    Headline,
    /// Every indicator with a comparable result and target.
    Comparable,
    All,
    None,
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
                    && i.observation(review, crate::model::Kind::Actual).is_some()
                    && i.observation(plan, crate::model::Kind::Target).is_some()
            }
            Preset::All => true,
            Preset::None => false,
        })
        .map(|i| i.id.clone())
        .collect()
}

/// The ids of one category.
pub fn category_ids(data: &Dataset, category: Category) -> impl Iterator<Item = &str> {
    data.indicators
        .iter()
        .filter(move |i| i.category == category)
        .map(|i| i.id.as_str())
}

/// The ticked indicators in the order the list and the charts show them: by category,
/// then in file order.
pub fn indicators<'a>(data: &'a Dataset, ticked: &BTreeSet<String>) -> Vec<&'a Indicator> {
    let mut list: Vec<&Indicator> = data
        .indicators
        .iter()
        .filter(|i| ticked.contains(&i.id))
        .collect();
    list.sort_by_key(|i| i.category);
    list
}
