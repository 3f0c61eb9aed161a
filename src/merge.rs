//! Several reports of one region as one history.
//!
//! A report reviews one year and sets targets for the next, so two consecutive reports of
//! one region together say whether a target was met: the older report holds the target,
//! the newer one the result. Merging them gives one indicator per statistic that runs
//! through every year both cover.

use std::collections::HashSet;

use crate::model::{Dataset, Indicator, Kind};

/// Merges datasets (e.g. this year's and last year's report of one region) into one.
///
/// Indicators are matched by name (whitespace and full-width/half-width punctuation
/// ignored) and unit (a growth-only indicator with no unit matches any unit of its name).
/// When two reports give the same (year, kind), the later report (by plan year) wins: it
/// restates last year's result, possibly revised. The report metadata, ids and order come
/// from the latest report; indicators only in older reports follow, with ids made unique.
/// The input order does not matter. A single dataset is returned unchanged; none gives None.
pub fn merge(reports: &[Dataset]) -> Option<Dataset> {
    match reports {
        [] => return None,
        [one] => return Some(one.clone()),
        _ => {}
    }
    // Oldest first; equal plan years are ordered by content so that the input order
    // never changes the result.
    let mut sorted: Vec<(i32, String, &Dataset)> = reports
        .iter()
        .map(|d| {
            (
                plan_year(d),
                serde_json::to_string(d).unwrap_or_default(),
                d,
            )
        })
        .collect();
    sorted.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let (latest, older) = sorted.split_last()?;
    let latest = latest.2;

    let mut merged: Vec<Indicator> = latest.indicators.clone();
    // Newest to oldest, so that a (year, kind) already present always comes from a later
    // report.
    for (_, _, report) in older.iter().rev() {
        // Each merged indicator takes at most one indicator of each older report: two
        // indicators of one report are two statistics even when their names agree.
        let mut taken = vec![false; merged.len()];
        let mut added = Vec::new();
        for ind in &report.indicators {
            match find_match(&merged, &taken, ind) {
                Some(n) => {
                    if let Some(t) = taken.get_mut(n) {
                        *t = true;
                    }
                    if let Some(target) = merged.get_mut(n) {
                        absorb(target, ind);
                    }
                }
                None => added.push(ind.clone()),
            }
        }
        merged.extend(added);
    }
    unique_ids(&mut merged);

    let n = reports.len();
    let mut report = latest.report.clone();
    report.title_zh = format!("{}（合并{n}份报告）", report.title_zh.trim_end());
    report.title_en = report
        .title_en
        .map(|t| format!("{} ({n} reports merged)", t.trim_end()));
    let mut sources: Vec<&str> = Vec::new();
    for (_, _, d) in &sorted {
        if let Some(s) = d.report.source.as_deref().map(str::trim)
            && !s.is_empty()
            && !sources.contains(&s)
        {
            sources.push(s);
        }
    }
    report.source = (!sources.is_empty()).then(|| sources.join("; "));

    Some(Dataset {
        schema_version: latest.schema_version,
        report,
        indicators: merged,
    })
}

/// The report's plan year as [`Dataset::years`] finds it, without overflow on absurd years.
fn plan_year(d: &Dataset) -> i32 {
    let all = || d.indicators.iter().flat_map(|i| &i.observations);
    all()
        .filter(|o| o.kind == Kind::Target)
        .map(|o| o.year)
        .max()
        .or_else(|| all().map(|o| o.year.saturating_add(1)).max())
        .unwrap_or(2024)
}

/// The untaken indicator of `merged` that `ind` restates: same name and same unit first,
/// then same name where one side is growth-only without a unit.
fn find_match(merged: &[Indicator], taken: &[bool], ind: &Indicator) -> Option<usize> {
    let name = fold(&ind.name_zh);
    let unit = fold(&ind.unit_zh);
    let candidates = || {
        merged
            .iter()
            .enumerate()
            .filter(|(n, m)| !taken.get(*n).copied().unwrap_or(true) && fold(&m.name_zh) == name)
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

/// A name or unit as compared: no whitespace, full-width forms and Chinese punctuation
/// folded to their ASCII counterparts, so 中小学、幼儿园 and 中小学,幼儿园 agree.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '、' => ',',
            '。' => '.',
            '〔' | '【' => '(',
            '〕' | '】' => ')',
            '“' | '”' | '「' | '」' | '『' | '』' => '"',
            '‘' | '’' => '\'',
            '—' | '–' => '-',
            '·' | '・' => '.',
            _ => c,
        })
        .collect()
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
            .map(|id| Indicator {
                id: (*id).into(),
                name_zh: "x".into(),
                name_en: None,
                category: crate::model::Category::Economy,
                unit_zh: String::new(),
                unit_en: None,
                headline: false,
                comparable: true,
                note_zh: None,
                note_en: None,
                observations: Vec::new(),
                reviewed: false,
                multi_year: None,
            })
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
