//! One indicator across regions for one plan year: the rows of the compare view and of
//! `gwr-charts compare`. Indicators are matched by name, since ids differ between files.

use crate::collection::RegionData;
use crate::divisions::{self, Division};
use crate::i18n::Lang;
use crate::model::{Indicator, Kind, Level, Observation};
pub use crate::order::Sort;
use crate::order::sort_rows;
use crate::text_util::fold;
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
    /// The region in the bundled list of divisions (its code: 11 for 北京市), when there.
    pub division: Option<&'static Division>,
    /// The report's level, or else the level the list gives the region.
    pub level: Option<Level>,
    /// The files the region's figures came from, joined with " + ".
    pub files: String,
    pub indicator: Indicator,
    /// The review year's result, when it can be shown in the chart's measure.
    pub actual: Option<Observation>,
    /// The plan year's target, likewise.
    pub target: Option<Observation>,
    /// Why the actual or the target is missing.
    pub missing: Vec<(Kind, Missing)>,
    /// How many of the region's main expected targets of the plan year were met, judged by
    /// the results in its next report (none judged before that report is open).
    pub targets_met: crate::history::Score,
}

impl CompareRow {
    /// The result or the target, when the chart can show it.
    pub fn figure(&self, kind: Kind) -> Option<&Observation> {
        match kind {
            Kind::Actual => self.actual.as_ref(),
            Kind::Target => self.target.as_ref(),
        }
    }

    /// The number the chart draws for a figure, in the table's measure: the low bound of a
    /// range.
    pub fn number(&self, kind: Kind, measure: &Measure) -> Option<f64> {
        self.numbers(kind, measure).map(|(low, _)| low)
    }

    /// The figure as low and, for a range, high bound, in the table's measure.
    pub fn numbers(&self, kind: Kind, measure: &Measure) -> Option<(f64, Option<f64>)> {
        let obs = self.figure(kind)?;
        match measure {
            Measure::Growth => Some((obs.growth_pct?, obs.growth_pct_high)),
            Measure::Level { .. } => Some((obs.value?, obs.value_high)),
        }
    }

    /// The figure as a label in the table's measure: `≈5%`, `5–5.5%`, `≥5576`.
    pub fn figure_text(&self, kind: Kind, measure: &Measure) -> Option<String> {
        let obs = self.figure(kind)?;
        match measure {
            Measure::Growth => obs.growth_text(),
            Measure::Level { .. } => obs.value_text(),
        }
    }

    /// The region's name in `lang` (Chinese when it has no English name).
    pub fn region(&self, lang: Lang) -> &str {
        match (lang, self.region_en.as_deref()) {
            (Lang::En, Some(en)) if !en.is_empty() => en,
            _ => &self.region_zh,
        }
    }

    /// The region's name on a chart of many: a province's short name (北京, 新疆) in
    /// Chinese, the English name in English.
    pub fn label(&self, lang: Lang) -> &str {
        match (lang, self.division) {
            (Lang::Zh, Some(d)) => d.label(),
            _ => self.region(lang),
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
    /// Its level is not the one shown: provinces are never ranked with cities.
    OtherLevel(Level),
}

/// What a compare table is asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// The indicator's name as a report writes it (matched by [`match_key`]).
    pub name: String,
    /// The plan year; the latest of the regions with the indicator when None.
    pub plan_year: Option<i32>,
    pub sort: Sort,
    /// The level to rank; the level most regions have when None (or when none has it).
    pub level: Option<Level>,
    /// A reference value the user typed, in the table's measure; it replaces the national
    /// figure as the reference line.
    pub reference: Option<f64>,
}

/// The vertical line every region is read against.
#[derive(Clone, Debug, PartialEq)]
pub enum Reference {
    /// The national report's target (its row is [`CompareTable::national`]).
    National,
    /// A value the user typed.
    Typed(f64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompareTable {
    /// The name asked for, as the first region with it writes it.
    pub name: String,
    pub review_year: i32,
    pub plan_year: i32,
    pub measure: Measure,
    pub sort: Sort,
    /// The level ranked; None when no region's level is known.
    pub level: Option<Level>,
    /// The levels of the regions with the indicator and how many regions each has, in
    /// the order of [`Level::ALL`] (the national report not counted).
    pub levels: Vec<(Level, usize)>,
    /// In chart order: sorted, missing figures last.
    pub rows: Vec<CompareRow>,
    /// The national report's figures, when it is open and has the indicator.
    pub national: Option<CompareRow>,
    pub reference: Option<Reference>,
    /// Regions not in the rows, by key, and why.
    pub left_out: Vec<(String, LeftOut)>,
    /// Every plan year some region has a target of this indicator for, latest first.
    pub plan_years: Vec<i32>,
}

impl CompareTable {
    /// The reference line: where it is (low and high bound) and its label (`全国 ≈5%`).
    pub fn reference_line(&self, lang: Lang) -> Option<(f64, Option<f64>, String)> {
        match self.reference.as_ref()? {
            Reference::Typed(v) => Some((
                *v,
                None,
                format!(
                    "{} {}",
                    lang.texts().reference_value,
                    crate::model::range_text(
                        crate::model::Qualifier::Exact,
                        *v,
                        None,
                        self.measure.suffix()
                    )
                ),
            )),
            Reference::National => {
                let national = self.national.as_ref()?;
                let (low, high) = national.numbers(Kind::Target, &self.measure)?;
                let text = national.figure_text(Kind::Target, &self.measure)?;
                Some((low, high, format!("{} {text}", national.label(lang))))
            }
        }
    }
}

impl Measure {
    /// What follows a number of this measure on a label: `%` for growth rates.
    pub fn suffix(&self) -> &'static str {
        match self {
            Measure::Growth => "%",
            Measure::Level { .. } => "",
        }
    }
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
/// year of the regions that have it, when `plan_year` is None), for the level most regions
/// have: see [`compare_table`].
pub fn compare_rows(
    regions: &[RegionData],
    name: &str,
    plan_year: Option<i32>,
    sort: Sort,
) -> Option<CompareTable> {
    compare_table(
        regions,
        &Query {
            name: name.to_owned(),
            plan_year,
            sort,
            ..Query::default()
        },
    )
}

/// A region's level: its report's, else the one the list of divisions gives its name.
pub fn region_level(region: &RegionData) -> Option<Level> {
    region
        .data
        .report
        .level
        .or_else(|| divisions::level_of(&region.data.report.region_zh))
}

/// The compare table a query asks for: growth rates when at least two regions have them,
/// else levels in the unit most regions use; the regions of one level (a region whose level
/// cannot be told is ranked with them), the national report apart as the reference. None
/// when no named region has an indicator of that name.
pub fn compare_table(regions: &[RegionData], query: &Query) -> Option<CompareTable> {
    let (found, mut left_out) = regions_with_indicator(regions, &match_key(&query.name));
    let first = found.first()?.2[0];
    let levels = level_counts(&found);
    let level = ranked_level(query.level, &levels);
    let (national, others): (Vec<_>, Vec<_>) = found
        .into_iter()
        .partition(|(_, l, _)| *l == Some(Level::National));
    let mut ranked = Vec::new();
    for (region, region_level, inds) in others {
        match region_level {
            Some(l) if Some(l) != level => {
                left_out.push((region.key.clone(), LeftOut::OtherLevel(l)))
            }
            _ => ranked.push((region, inds)),
        }
    }
    let plan_year = query
        .plan_year
        .or_else(|| ranked.iter().map(|(r, _)| r.data.years().1).max())
        .or_else(|| national.iter().map(|(r, _, _)| r.data.years().1).max())
        .unwrap_or_default();
    let review_year = plan_year.saturating_sub(1);
    let years = (review_year, plan_year);
    let picked: Vec<(&RegionData, &Indicator)> = ranked
        .iter()
        .map(|(region, inds)| (*region, pick(inds, years)))
        .collect();
    let measure = choose_measure(&picked, years);
    let mut rows: Vec<CompareRow> = picked
        .iter()
        .map(|&(region, ind)| row(region, ind, years, &measure))
        .collect();
    sort_rows(&mut rows, query.sort, &measure);
    let national = national
        .first()
        .map(|(region, _, inds)| row(region, pick(inds, years), years, &measure));
    let reference = match (query.reference, &national) {
        (Some(v), _) => Some(Reference::Typed(v)),
        (None, Some(n)) if n.target.is_some() => Some(Reference::National),
        _ => None,
    };
    Some(CompareTable {
        name: first.name_zh.clone(),
        review_year,
        plan_year,
        measure,
        sort: query.sort,
        level,
        levels,
        rows,
        national,
        reference,
        left_out,
        plan_years: target_years(&ranked),
    })
}

/// A region that has the indicator asked for: its level and its indicators of that name.
type Found<'a> = (&'a RegionData, Option<Level>, Vec<&'a Indicator>);

/// The regions with an indicator whose name folds to `key`, and the others with why they
/// are left out (none of that name, or an unknown region).
fn regions_with_indicator<'a>(
    regions: &'a [RegionData],
    key: &str,
) -> (Vec<Found<'a>>, Vec<(String, LeftOut)>) {
    let mut found = Vec::new();
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
            found.push((region, region_level(region), matching));
        }
    }
    (found, left_out)
}

/// How many of the regions found are of each level, in the order of [`Level::ALL`]
/// (the national report not counted; levels with none left out).
fn level_counts(found: &[Found<'_>]) -> Vec<(Level, usize)> {
    Level::ALL
        .into_iter()
        .filter(|l| *l != Level::National)
        .map(|l| (l, found.iter().filter(|(_, rl, _)| *rl == Some(l)).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// The level to rank: the one asked for when some region has it, else the first of the
/// levels with the most regions.
fn ranked_level(asked: Option<Level>, levels: &[(Level, usize)]) -> Option<Level> {
    let most = levels.iter().map(|(_, n)| *n).max().unwrap_or(0);
    asked
        .filter(|l| levels.iter().any(|(k, _)| k == l))
        .or_else(|| levels.iter().find(|(_, n)| *n == most).map(|(l, _)| *l))
}

/// The plan years the ranked regions give one-year targets for, latest first.
fn target_years(ranked: &[(&RegionData, Vec<&Indicator>)]) -> Vec<i32> {
    let mut years: Vec<i32> = ranked
        .iter()
        .flat_map(|(_, inds)| inds.iter())
        .filter(|i| i.multi_year.is_none())
        .flat_map(|i| &i.observations)
        .filter(|o| o.kind == Kind::Target)
        .map(|o| o.year)
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// Of a region's indicators of one name (e.g. in two units), the one with figures for the
/// years compared.
fn pick<'a>(inds: &[&'a Indicator], (review, plan): (i32, i32)) -> &'a Indicator {
    let has_year = |i: &&&Indicator| {
        i.observation(plan, Kind::Target).is_some() || i.observation(review, Kind::Actual).is_some()
    };
    inds.iter().find(has_year).unwrap_or(&inds[0])
}

/// The review year's result and the plan year's target (never a multi-year goal).
fn figures(ind: &Indicator, (review, plan): (i32, i32)) -> [Option<&Observation>; 2] {
    let target = ind
        .observation(plan, Kind::Target)
        .filter(|_| ind.multi_year.is_none());
    [ind.observation(review, Kind::Actual), target]
}

/// Growth rates when two regions have them, or when no region gives a level; else levels
/// in the unit most regions use.
fn choose_measure(picked: &[(&RegionData, &Indicator)], years: (i32, i32)) -> Measure {
    let regions_with = |has: fn(&Observation) -> bool| {
        picked
            .iter()
            .filter(|(_, i)| figures(i, years).iter().flatten().any(|o| has(o)))
            .count()
    };
    if regions_with(|o| o.growth_pct.is_some()) >= 2 || regions_with(|o| o.value.is_some()) == 0 {
        Measure::Growth
    } else {
        Measure::Level {
            unit_zh: most_common_unit(picked, years),
        }
    }
}

/// A region's row: its figures in the measure, or why each is missing.
fn row(region: &RegionData, ind: &Indicator, years: (i32, i32), measure: &Measure) -> CompareRow {
    let mut missing = Vec::new();
    let mut shown = |kind: Kind| {
        let year = if kind == Kind::Target {
            years.1
        } else {
            years.0
        };
        let reason = match ind.observation(year, kind) {
            None => Missing::NotReported,
            Some(_) if kind == Kind::Target && ind.multi_year.is_some() => Missing::MultiYear,
            Some(obs) => match (measure, obs.growth_pct, obs.value) {
                (Measure::Growth, Some(_), _) => return Some(obs.clone()),
                (Measure::Growth, None, _) => Missing::LevelOnly,
                (Measure::Level { unit_zh }, _, Some(_)) if fold(&ind.unit_zh) == fold(unit_zh) => {
                    return Some(obs.clone());
                }
                (Measure::Level { .. }, _, Some(_)) => Missing::OtherUnit(ind.unit_zh.clone()),
                (Measure::Level { .. }, _, None) if obs.growth_pct.is_some() => Missing::GrowthOnly,
                (Measure::Level { .. }, _, None) => Missing::NotReported,
            },
        };
        missing.push((kind, reason));
        None
    };
    let actual = shown(Kind::Actual);
    let target = shown(Kind::Target);
    let report = &region.data.report;
    CompareRow {
        region_zh: report.region_zh.clone(),
        region_en: report.region_en.clone(),
        division: divisions::find(&report.region_zh),
        level: region_level(region),
        files: region.name(),
        indicator: ind.clone(),
        actual,
        target,
        missing,
        targets_met: crate::history::targets_met(&region.data, years.1),
    }
}

/// The unit most regions give a level in (the first met on a tie).
fn most_common_unit(picked: &[(&RegionData, &Indicator)], years: (i32, i32)) -> String {
    let mut units: Vec<(String, usize)> = Vec::new();
    for (_, ind) in picked {
        if !figures(ind, years)
            .iter()
            .flatten()
            .any(|o| o.value.is_some())
        {
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
