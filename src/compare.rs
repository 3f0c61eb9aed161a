//! One indicator across regions for one plan year: the rows of the compare view and of
//! `gwr-charts compare`. Indicators are matched by name, since ids differ between files.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::collection::RegionData;
use crate::i18n::Lang;
use crate::merge::fold;
use crate::model::{Indicator, Kind, Observation};
use crate::vocabulary;

/// The name an indicator is matched by across reports: [`vocabulary::key`], so that the
/// wordings of one standard indicator (地区生产总值, 生产总值, GDP, 国内生产总值…) meet.
pub fn match_key(name: &str) -> String {
    vocabulary::key(name)
}

/// What the chart compares: growth rates, or levels in one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Measure {
    Growth,
    Level { unit_zh: String },
}

/// Why a region's figure is not in the chart. Never drawn as zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// The report gives no figure for that year.
    NotReported,
    /// Only a level, while the chart shows growth rates.
    LevelOnly,
    /// Only a growth rate, while the chart shows levels.
    GrowthOnly,
    /// A level in another unit than the chart's.
    OtherUnit(String),
    /// A goal over several years, not the plan year's target.
    MultiYear,
}

impl Missing {
    /// The reason in words, for tooltips and footers.
    pub fn words(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            Missing::NotReported => t.missing_not_reported.to_owned(),
            Missing::LevelOnly => t.missing_level_only.to_owned(),
            Missing::GrowthOnly => t.missing_growth_only.to_owned(),
            Missing::OtherUnit(unit) => t.missing_other_unit.replace("{unit}", unit),
            Missing::MultiYear => t.missing_multi_year.to_owned(),
        }
    }
}

/// One region's result and target. Owns its figures, so the window can keep a table
/// (worked out once) while the regions it came from stay editable.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    pub region_zh: String,
    pub region_en: Option<String>,
    pub indicator: Indicator,
    /// The review year's result, when it can be shown in the chart's measure.
    pub actual: Option<Observation>,
    /// The plan year's target, likewise.
    pub target: Option<Observation>,
    /// Why the actual or the target is missing.
    pub missing: Vec<(Kind, Missing)>,
}

impl CompareRow {
    /// The result or the target, when the chart can show it.
    pub fn figure(&self, kind: Kind) -> Option<&Observation> {
        match kind {
            Kind::Actual => self.actual.as_ref(),
            Kind::Target => self.target.as_ref(),
        }
    }

    /// The number the chart draws for a figure, in the table's measure.
    pub fn number(&self, kind: Kind, measure: &Measure) -> Option<f64> {
        let obs = self.figure(kind)?;
        match measure {
            Measure::Growth => obs.growth_pct,
            Measure::Level { .. } => obs.value,
        }
    }

    /// The region's name in `lang` (Chinese when it has no English name).
    pub fn region(&self, lang: Lang) -> &str {
        match (lang, self.region_en.as_deref()) {
            (Lang::En, Some(en)) if !en.is_empty() => en,
            _ => &self.region_zh,
        }
    }
}

/// Why a region is not in the table at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// Its reports have no indicator of that name.
    NoIndicator,
    /// Its region is unknown, so it is not compared with named regions.
    UnknownRegion,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// This year's target, largest first.
    #[default]
    Target,
    /// Last year's result, largest first.
    Result,
    /// The region's name.
    Name,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Target, Sort::Result, Sort::Name];

    pub fn name(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            Sort::Target => t.sort_target,
            Sort::Result => t.sort_result,
            Sort::Name => t.sort_name,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompareTable {
    /// The name asked for, as the first region with it writes it.
    pub name: String,
    pub review_year: i32,
    pub plan_year: i32,
    pub measure: Measure,
    /// In chart order: sorted, missing figures last.
    pub rows: Vec<CompareRow>,
    /// Regions not in the rows, by key, and why.
    pub left_out: Vec<(String, LeftOut)>,
    /// Every plan year some region has a target of this indicator for, latest first.
    pub plan_years: Vec<i32>,
}

/// An indicator name and how many regions have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorName {
    pub name: String,
    pub regions: usize,
}

/// Every indicator name of the named regions, with how many regions have it, most common
/// first (then in the order first met).
pub fn all_names(regions: &[RegionData]) -> Vec<IndicatorName> {
    let mut names: Vec<(String, IndicatorName)> = Vec::new();
    for region in regions.iter().filter(|r| !r.unknown_region) {
        let mut seen: Vec<String> = Vec::new();
        for ind in &region.data.indicators {
            let key = match_key(&ind.name_zh);
            if seen.contains(&key) {
                continue;
            }
            match names.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => n.regions += 1,
                None => names.push((
                    key.clone(),
                    IndicatorName {
                        name: ind.name_zh.clone(),
                        regions: 1,
                    },
                )),
            }
            seen.push(key);
        }
    }
    let mut names: Vec<IndicatorName> = names.into_iter().map(|(_, n)| n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.regions));
    names
}

/// The names present in at least two regions, most common first: what can be compared.
pub fn indicator_names(regions: &[RegionData]) -> Vec<IndicatorName> {
    let mut names = all_names(regions);
    names.retain(|n| n.regions >= 2);
    names
}

/// The compare table of one indicator (matched by name) for one plan year (the latest plan
/// year of the regions that have it, when `plan_year` is None): growth rates when at least
/// two regions have them, else levels in the unit most regions use. None when no named
/// region has an indicator of that name.
pub fn compare_rows<'a>(
    regions: &'a [RegionData],
    name: &str,
    plan_year: Option<i32>,
    sort: Sort,
) -> Option<CompareTable> {
    let key = match_key(name);
    let mut found: Vec<(&'a RegionData, Vec<&'a Indicator>)> = Vec::new();
    let mut left_out = Vec::new();
    for region in regions {
        if region.unknown_region {
            left_out.push((region.key.clone(), LeftOut::UnknownRegion));
            continue;
        }
        let matching: Vec<&Indicator> = region
            .data
            .indicators
            .iter()
            .filter(|i| match_key(&i.name_zh) == key)
            .collect();
        if matching.is_empty() {
            left_out.push((region.key.clone(), LeftOut::NoIndicator));
        } else {
            found.push((region, matching));
        }
    }
    let first = found.first()?.1[0];
    let plan_year = plan_year
        .or_else(|| found.iter().map(|(r, _)| r.data.years().1).max())
        .unwrap_or_default();
    let review_year = plan_year.saturating_sub(1);
    // Per region, the indicator with figures for these years (a region may have two of
    // one name, e.g. in two units).
    let picked: Vec<(&'a RegionData, &'a Indicator)> = found
        .iter()
        .map(|(region, inds)| {
            let has_year = |i: &&&Indicator| {
                i.observation(plan_year, Kind::Target).is_some()
                    || i.observation(review_year, Kind::Actual).is_some()
            };
            (*region, *inds.iter().find(has_year).unwrap_or(&inds[0]))
        })
        .collect();
    let figures = |ind: &'a Indicator| {
        let target = ind
            .observation(plan_year, Kind::Target)
            .filter(|_| ind.multi_year.is_none());
        [ind.observation(review_year, Kind::Actual), target]
    };
    let regions_with = |has: fn(&Observation) -> bool| {
        picked
            .iter()
            .filter(|(_, i)| figures(i).iter().flatten().any(|o| has(o)))
            .count()
    };
    // Growth rates when two regions have them, or when no region gives a level.
    let measure = if regions_with(|o| o.growth_pct.is_some()) >= 2
        || regions_with(|o| o.value.is_some()) == 0
    {
        Measure::Growth
    } else {
        Measure::Level {
            unit_zh: most_common_unit(&picked, &figures),
        }
    };
    let mut rows: Vec<CompareRow> = picked
        .iter()
        .map(|&(region, ind)| {
            let mut missing = Vec::new();
            let mut shown = |kind: Kind| {
                let year = if kind == Kind::Target {
                    plan_year
                } else {
                    review_year
                };
                let reason = match ind.observation(year, kind) {
                    None => Missing::NotReported,
                    Some(_) if kind == Kind::Target && ind.multi_year.is_some() => {
                        Missing::MultiYear
                    }
                    Some(obs) => match (&measure, obs.growth_pct, obs.value) {
                        (Measure::Growth, Some(_), _) => return Some(obs.clone()),
                        (Measure::Growth, None, _) => Missing::LevelOnly,
                        (Measure::Level { unit_zh }, _, Some(_))
                            if fold(&ind.unit_zh) == fold(unit_zh) =>
                        {
                            return Some(obs.clone());
                        }
                        (Measure::Level { .. }, _, Some(_)) => {
                            Missing::OtherUnit(ind.unit_zh.clone())
                        }
                        (Measure::Level { .. }, _, None) if obs.growth_pct.is_some() => {
                            Missing::GrowthOnly
                        }
                        (Measure::Level { .. }, _, None) => Missing::NotReported,
                    },
                };
                missing.push((kind, reason));
                None
            };
            let actual = shown(Kind::Actual);
            let target = shown(Kind::Target);
            CompareRow {
                region_zh: region.data.report.region_zh.clone(),
                region_en: region.data.report.region_en.clone(),
                indicator: ind.clone(),
                actual,
                target,
                missing,
            }
        })
        .collect();
    sort_rows(&mut rows, sort, &measure);
    let mut plan_years: Vec<i32> = found
        .iter()
        .flat_map(|(_, inds)| inds.iter())
        .filter(|i| i.multi_year.is_none())
        .flat_map(|i| &i.observations)
        .filter(|o| o.kind == Kind::Target)
        .map(|o| o.year)
        .collect();
    plan_years.sort_unstable_by(|a, b| b.cmp(a));
    plan_years.dedup();
    Some(CompareTable {
        name: first.name_zh.clone(),
        review_year,
        plan_year,
        measure,
        rows,
        left_out,
        plan_years,
    })
}

/// The unit most regions give a level in (the first met on a tie).
fn most_common_unit<'a>(
    picked: &[(&RegionData, &'a Indicator)],
    figures: &impl Fn(&'a Indicator) -> [Option<&'a Observation>; 2],
) -> String {
    let mut units: Vec<(String, usize)> = Vec::new();
    for (_, ind) in picked {
        if !figures(ind).iter().flatten().any(|o| o.value.is_some()) {
            continue;
        }
        match units
            .iter_mut()
            .find(|(u, _)| fold(u) == fold(&ind.unit_zh))
        {
            Some((_, n)) => *n += 1,
            None => units.push((ind.unit_zh.clone(), 1)),
        }
    }
    let best = units.iter().map(|(_, n)| *n).max().unwrap_or(0);
    units
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(u, _)| u)
        .unwrap_or_default()
}

/// Sorts by the chosen figure, largest first, rows missing it last; then by name.
fn sort_rows(rows: &mut [CompareRow], sort: Sort, measure: &Measure) {
    let kind = match sort {
        Sort::Target => Kind::Target,
        Sort::Result => Kind::Actual,
        Sort::Name => {
            rows.sort_by(by_name);
            return;
        }
    };
    rows.sort_by(|a, b| {
        match (a.number(kind, measure), b.number(kind, measure)) {
            (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(Ordering::Equal),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
        .then_with(|| by_name(a, b))
    });
}

fn by_name(a: &CompareRow, b: &CompareRow) -> Ordering {
    a.region_zh.cmp(&b.region_zh)
}
