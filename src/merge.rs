//! Several reports of one region as one history.
//!
//! A report reviews one year and sets targets for the next, so two consecutive reports of
//! one region together say whether a target was met: the older report holds the target,
//! the newer one the result. Merging them gives one indicator per statistic that runs
//! through every year both cover. Reports of different regions are never merged: see
//! [`crate::collection`], which keeps them side by side.

use std::collections::{HashMap, HashSet};

use crate::model::{Dataset, Indicator, Kind, Observation, Report};
use crate::text_util::fold;
use crate::vocabulary;

/// One figure that two files of one region and one plan year give differently. The file
/// later in argument (or opening) order wins; both figures name their file in
/// `source_file`.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The id of the indicator in the merged dataset.
    pub indicator: String,
    pub name_zh: String,
    pub year: i32,
    pub kind: Kind,
    /// The figure shown: the later file's.
    pub kept: Observation,
    /// The earlier file's figure, set aside.
    pub dropped: Observation,
}

/// The merged dataset and the figures its reports disagreed on.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub data: Dataset,
    pub conflicts: Vec<Conflict>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("no report to merge")]
    Empty,
    #[error(
        "{first_file} is a report of {first} and {other_file} of {other}: reports of different regions are never merged"
    )]
    Regions {
        first: String,
        first_file: String,
        other: String,
        other_file: String,
    },
}

/// Merges the reports of one region (e.g. this year's and last year's), each given with
/// the name of its file, into one dataset.
///
/// Indicators are matched by name (as [`vocabulary::key`] folds and unifies it) and unit
/// (a growth-only indicator with no unit matches any unit of its name).
/// When two reports give the same (year, kind), the later report (by plan year) wins: it
/// restates last year's result, possibly revised. Of two reports with the same plan year,
/// the one later in `reports` wins, and where their figures differ the [`Conflict`] is
/// recorded. The report metadata, ids and order come from the latest report; indicators
/// only in older reports follow, with ids made unique. Every observation of a merge of
/// several files names its file (unless it already named one). A single report is
/// returned unchanged. Reports of different regions (`region_zh` compared whole) are
/// refused.
pub fn merge(reports: &[(&str, &Dataset)]) -> Result<Merged, MergeError> {
    let (&(first_file, first), rest) = reports.split_first().ok_or(MergeError::Empty)?;
    check_one_region(first_file, first, rest)?;
    if rest.is_empty() {
        return Ok(Merged {
            data: first.clone(),
            conflicts: Vec::new(),
        });
    }
    // Oldest first; a stable sort keeps the argument order within one plan year, so of two
    // reports of one year the later file comes later and wins.
    let mut sorted: Vec<(i32, Dataset)> = reports
        .iter()
        .map(|&(file, d)| (d.years().1, with_file(d, file)))
        .collect();
    sorted.sort_by_key(|(plan, _)| *plan);
    let Some(((latest_plan, latest), older)) = sorted.split_last() else {
        return Err(MergeError::Empty);
    };
    let mut merged = MergedIndicators::new(latest, *latest_plan);
    // Newest to oldest, so that a (year, kind) already present always comes from a later
    // report, or from a later file of the same plan year.
    for (plan, report) in older.iter().rev() {
        merged.add_report(*plan, report);
    }
    let (indicators, conflicts) = merged.finish();
    Ok(Merged {
        data: Dataset {
            schema_version: latest.schema_version,
            report: merged_report(&latest.report, &sorted),
            indicators,
        },
        conflicts,
    })
}

/// Refuses reports of a region other than the first one's (`region_zh` compared whole).
fn check_one_region(
    first_file: &str,
    first: &Dataset,
    rest: &[(&str, &Dataset)],
) -> Result<(), MergeError> {
    match rest
        .iter()
        .find(|(_, d)| d.report.region_zh.trim() != first.report.region_zh.trim())
    {
        Some(&(other_file, other)) => Err(MergeError::Regions {
            first: first.report.region_zh.clone(),
            first_file: first_file.to_owned(),
            other: other.report.region_zh.clone(),
            other_file: other_file.to_owned(),
        }),
        None => Ok(()),
    }
}

/// The indicators merged so far, newest report first, with what is needed to match and
/// rank the figures of older reports.
struct MergedIndicators {
    indicators: Vec<Indicator>,
    /// The name keys of `indicators`, worked out once.
    keys: Vec<String>,
    /// The plan year of the report each (indicator, year, kind) of `indicators` came from.
    from_plan: HashMap<(usize, i32, Kind), i32>,
    /// (indicator index, kept, dropped), turned into conflicts once the ids are final.
    clashes: Vec<(usize, Observation, Observation)>,
}

impl MergedIndicators {
    /// The latest report's indicators, as they are.
    fn new(latest: &Dataset, latest_plan: i32) -> Self {
        let indicators = latest.indicators.clone();
        let keys = indicators
            .iter()
            .map(|i| vocabulary::key(&i.name_zh))
            .collect();
        let mut from_plan = HashMap::new();
        for (n, ind) in indicators.iter().enumerate() {
            for obs in &ind.observations {
                from_plan.insert((n, obs.year, obs.kind), latest_plan);
            }
        }
        Self {
            indicators,
            keys,
            from_plan,
            clashes: Vec::new(),
        }
    }

    /// Adds an older report (of plan year `plan`; reports come newest first): each of its
    /// indicators fills gaps in the one it restates, or follows as a new one.
    fn add_report(&mut self, plan: i32, report: &Dataset) {
        // Each merged indicator takes at most one indicator of each older report: two
        // indicators of one report are two statistics even when their names agree.
        let mut taken = vec![false; self.indicators.len()];
        let mut added = Vec::new();
        for ind in &report.indicators {
            match find_match(&self.indicators, &self.keys, &taken, ind) {
                Some(n) => {
                    taken[n] = true;
                    self.note_clashes(n, plan, ind);
                    absorb(&mut self.indicators[n], ind);
                }
                None => added.push(ind.clone()),
            }
        }
        for ind in added {
            let n = self.indicators.len();
            for obs in &ind.observations {
                self.from_plan.insert((n, obs.year, obs.kind), plan);
            }
            self.keys.push(vocabulary::key(&ind.name_zh));
            self.indicators.push(ind);
        }
    }

    /// Records where `ind` (of plan year `plan`) gives another figure than a report of the
    /// same plan year did for indicator `n`, and which report each new figure comes from.
    fn note_clashes(&mut self, n: usize, plan: i32, ind: &Indicator) {
        for obs in &ind.observations {
            let key = (n, obs.year, obs.kind);
            match self.from_plan.get(&key) {
                None => {
                    self.from_plan.insert(key, plan);
                }
                Some(&p) if p == plan => {
                    if let Some(kept) = self.indicators[n].observation(obs.year, obs.kind)
                        && !same_figure(kept, obs)
                    {
                        self.clashes.push((n, kept.clone(), obs.clone()));
                    }
                }
                Some(_) => {}
            }
        }
    }

    /// The indicators with unique ids, and the conflicts named by those ids.
    fn finish(mut self) -> (Vec<Indicator>, Vec<Conflict>) {
        unique_ids(&mut self.indicators);
        let indicators = self.indicators;
        let conflicts = self
            .clashes
            .into_iter()
            .map(|(n, kept, dropped)| Conflict {
                indicator: indicators[n].id.clone(),
                name_zh: indicators[n].name_zh.clone(),
                year: kept.year,
                kind: kept.kind,
                kept,
                dropped,
            })
            .collect();
        (indicators, conflicts)
    }
}

/// The latest report's metadata, titled as a merge of `sorted.len()` reports, with every
/// report's source and a draft if any report is one.
fn merged_report(latest: &Report, sorted: &[(i32, Dataset)]) -> Report {
    let n = sorted.len();
    let mut report = latest.clone();
    report.title_zh = format!("{}（合并{n}份报告）", report.title_zh.trim_end());
    report.title_en = report
        .title_en
        .map(|t| format!("{} ({n} reports merged)", t.trim_end()));
    let mut sources: Vec<&str> = Vec::new();
    for (_, d) in sorted {
        if let Some(s) = d.report.source.as_deref().map(str::trim)
            && !s.is_empty()
            && !sources.contains(&s)
        {
            sources.push(s);
        }
    }
    report.source = (!sources.is_empty()).then(|| sources.join("; "));
    report.draft = sorted.iter().any(|(_, d)| d.report.draft);
    report
}

/// A copy of a report whose observations name `file`, unless they already name one.
fn with_file(data: &Dataset, file: &str) -> Dataset {
    let mut data = data.clone();
    for obs in data.indicators.iter_mut().flat_map(|i| &mut i.observations) {
        if obs.source_file.is_none() {
            obs.source_file = Some(file.to_owned());
        }
    }
    data
}

/// Two reports agree on a figure when its numbers and qualifier are the same (the quotes
/// may be worded differently).
fn same_figure(a: &Observation, b: &Observation) -> bool {
    a.value == b.value && a.growth_pct == b.growth_pct && a.qualifier == b.qualifier
}

/// The untaken indicator of `merged` (whose name `keys` are given) that `ind` restates:
/// same name (by [`vocabulary::key`]: 一般公共财政预算收入 is 一般公共预算收入) and same unit
/// first, then same name where one side is growth-only without a unit.
fn find_match(
    merged: &[Indicator],
    keys: &[String],
    taken: &[bool],
    ind: &Indicator,
) -> Option<usize> {
    let name = vocabulary::key(&ind.name_zh);
    let unit = fold(&ind.unit_zh);
    let candidates = || {
        merged
            .iter()
            .enumerate()
            .filter(|(n, _)| !taken.get(*n).copied().unwrap_or(true) && keys.get(*n) == Some(&name))
    };
    candidates()
        .find(|(_, m)| fold(&m.unit_zh) == unit)
        .or_else(|| {
            candidates().find(|(_, m)| {
                (unit.is_empty() && growth_only(ind))
                    || (m.unit_zh.trim().is_empty() && growth_only(m))
            })
        })
        .map(|(n, _)| n)
}

/// No observation has a value, so the indicator has no unit of its own to disagree with.
fn growth_only(ind: &Indicator) -> bool {
    ind.observations.iter().all(|o| o.value.is_none())
}

/// Adds what an older report says about an indicator to its newer form: observations of
/// (year, kind) pairs not yet present, a unit where there was none, headline and
/// comparability, notes.
fn absorb(newer: &mut Indicator, older: &Indicator) {
    let mut added = false;
    for obs in &older.observations {
        if newer.observation(obs.year, obs.kind).is_none() {
            newer.observations.push(obs.clone());
            added = true;
        }
    }
    if added {
        newer.observations.sort_by_key(|o| (o.year, o.kind));
    }
    if newer.unit_zh.trim().is_empty() && !older.unit_zh.trim().is_empty() {
        newer.unit_zh = older.unit_zh.clone();
        newer.unit_en = older.unit_en.clone();
    }
    if newer.name_en.is_none() {
        newer.name_en = older.name_en.clone();
    }
    if newer.unit_en.is_none() && fold(&newer.unit_zh) == fold(&older.unit_zh) {
        newer.unit_en = older.unit_en.clone();
    }
    newer.headline |= older.headline;
    newer.comparable &= older.comparable;
    join_note(&mut newer.note_zh, older.note_zh.as_deref(), "；");
    join_note(&mut newer.note_en, older.note_en.as_deref(), "; ");
}

/// Appends a note unless it is empty or already said.
fn join_note(note: &mut Option<String>, other: Option<&str>, sep: &str) {
    let Some(other) = other.map(str::trim).filter(|o| !o.is_empty()) else {
        return;
    };
    match note {
        // Already said (alone, or as part of an earlier join).
        Some(n) if n.contains(other) => {}
        Some(n) if !n.trim().is_empty() => {
            n.push_str(sep);
            n.push_str(other);
        }
        _ => *note = Some(other.to_owned()),
    }
}

/// Suffixes `_2`, `_3`, … to ids already used earlier in the list.
fn unique_ids(indicators: &mut [Indicator]) {
    let mut used: HashSet<String> = HashSet::new();
    for ind in indicators.iter_mut() {
        if !used.contains(&ind.id) {
            used.insert(ind.id.clone());
            continue;
        }
        let mut k = 2usize;
        let id = loop {
            let candidate = format!("{}_{k}", ind.id);
            if !used.contains(&candidate) {
                break candidate;
            }
            k += 1;
        };
        used.insert(id.clone());
        ind.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_spaces_and_punctuation_widths() {
        assert_eq!(fold(" 中小学、幼儿园 "), fold("中小学,幼儿园"));
        assert_eq!(fold("“四件套”（户）"), fold("\"四件套\"(户)"));
        assert_eq!(fold("％"), "%");
        assert_ne!(fold("亿元"), fold("万亿元"));
    }

    #[test]
    fn clashing_ids_get_suffixes() {
        let mut inds: Vec<Indicator> = ["a", "a", "a_2", "b", "a"]
            .iter()
            .map(|id| Indicator::new(*id, "x", crate::model::Category::Economy, ""))
            .collect();
        unique_ids(&mut inds);
        let ids: Vec<&str> = inds.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "a_2", "a_2_2", "b", "a_3"]);
    }

    #[test]
    fn notes_join_once() {
        let mut note = None;
        join_note(&mut note, Some(" 口径调整 "), "；");
        join_note(&mut note, Some("口径调整"), "；");
        join_note(&mut note, Some(""), "；");
        join_note(&mut note, None, "；");
        join_note(&mut note, Some("初步核算"), "；");
        join_note(&mut note, Some("口径调整"), "；");
        assert_eq!(note.as_deref(), Some("口径调整；初步核算"));
    }
}
