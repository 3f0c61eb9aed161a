//! What survives a restart: the user's choices only, never facts about what happens to be
//! open. The window size is persisted by eframe itself.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::CompareChoice;
use crate::chart::ChartSpec;

/// Bumped when [`State`] changes shape; an older saved state is then ignored.
/// 2: one selection per region instead of one for whatever was open.
const STATE_VERSION: u32 = 2;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system setting (the first start).
    #[default]
    System,
    Light,
    Dark,
}

/// The user's choices, saved on exit and restored at the next start.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub version: u32,
    pub chart: ChartSpec,
    pub theme: Theme,
    /// Ticked indicator ids per region ([`crate::selection::region_key`]). Checked against
    /// the dataset when it loads ([`crate::selection::resolve`]).
    pub selections: BTreeMap<String, BTreeSet<String>>,
    /// The compare view's indicator, year and order.
    pub compare: CompareChoice,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: STATE_VERSION,
            chart: ChartSpec::default(),
            theme: Theme::System,
            selections: BTreeMap::new(),
            compare: CompareChoice::default(),
        }
    }
}

impl State {
    /// The saved state, or the defaults when there is none, it is corrupt, or it was saved
    /// by a version with another shape.
    pub fn restore(storage: Option<&dyn eframe::Storage>) -> State {
        storage
            .and_then(|s| eframe::get_value::<State>(s, eframe::APP_KEY))
            .filter(|s| s.version == STATE_VERSION)
            .unwrap_or_default()
    }
}
