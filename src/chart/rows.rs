//! The numbers behind each view: pure functions from the dataset and the selection to rows.
//! Nothing here draws; the views, the data export and the tests all read these.

use crate::history::Measure;
use crate::i18n::Lang;
use crate::model::{Dataset, Indicator, Kind, Observation, Qualifier};

/// One indicator's review-year result and plan-year target.
#[derive(Clone, Copy, Debug)]
pub struct Pair<'a> {
    pub indicator: &'a Indicator,
    pub actual: Option<&'a Observation>,
    pub target: Option<&'a Observation>,
}

impl Pair<'_> {
    /// The target is a goal over several years: shown, marked, never as this year's.
    pub fn multi_year(&self) -> bool {
        self.indicator.multi_year.is_some()
    }

    /// The two years measure alike, and the target is for the plan year alone: the pair may
    /// be put on one scale (progress, trend).
    pub fn like_for_like(&self) -> bool {
        self.indicator.comparable && !self.multi_year()
    }

    /// Like for like and not a rate, so the pair may be made an index of last year's level
    /// (progress, trend): an unemployment rate, a CPI rise or a share is never chained.
    pub fn indexable(&self) -> bool {
        self.like_for_like() && !Measure::of(self.indicator).is_rate()
    }

    /// The plan-year level a growth-only target implies: the result grown by the target rate
    /// (GDP 5576.3 亿元, target +6% → 5910.9). None where the target states a level, or there
    /// is no result to grow.
    pub fn implied_target_level(&self) -> Option<f64> {
        if !self.like_for_like() {
            return None;
        }
        let target = self.target?;
        if target.value.is_some() {
            return None;
        }
        Some(grow(self.actual?.value?, target.growth_pct?))
    }
}

/// A level grown by a rate in percent.
pub fn grow(level: f64, growth_pct: f64) -> f64 {
    level * (1.0 + growth_pct / 100.0)
}

/// The level a year earlier, from this year's level and its growth rate; None for a fall of
/// 100% or more, which has no earlier level to speak of.
pub fn ungrow(level: f64, growth_pct: f64) -> Option<f64> {
    (growth_pct > -100.0).then(|| level / (1.0 + growth_pct / 100.0))
}

/// The selected indicators in the given order, each with its result and target.
pub fn pairs<'a>(data: &'a Dataset, selected: &[&'a Indicator]) -> Vec<Pair<'a>> {
    let (review, plan) = data.years();
    selected
        .iter()
        .map(|&indicator| Pair {
            indicator,
            actual: indicator.observation(review, Kind::Actual),
            target: indicator.observation(plan, Kind::Target),
        })
        .collect()
}

/// Indicators with a growth rate in either year.
pub fn growth_rows<'a>(pairs: &[Pair<'a>]) -> Vec<Pair<'a>> {
    pairs
        .iter()
        .filter(|p| {
            p.actual.and_then(|o| o.growth_pct).is_some()
                || p.target.and_then(|o| o.growth_pct).is_some()
        })
        .copied()
        .collect()
}

/// Indicators with a level in either year, stated or implied by a growth target.
pub fn level_rows<'a>(pairs: &[Pair<'a>]) -> Vec<Pair<'a>> {
    pairs
        .iter()
        .filter(|p| {
            p.actual.and_then(|o| o.value).is_some() || p.target.and_then(|o| o.value).is_some()
        })
        .copied()
        .collect()
}

// Issue 21: floors and ceilings are drawn as bounds, never as a planned change.
/// A target that bounds a figure rather than plans its change: a floor (以上) below last
/// year's result, or a ceiling (以内) above it. `粮食产量1.3万亿斤以上` after 1.39 is not a plan
/// to produce less.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Floor,
    Ceiling,
}

impl Bound {
    /// The bound a target is, given the target as an index of last year's result (= 100).
    pub fn of(target: &Observation, index: f64) -> Option<Bound> {
        match target.qualifier {
            Qualifier::AtLeast | Qualifier::MoreThan if index < 100.0 => Some(Bound::Floor),
            Qualifier::AtMost if index > 100.0 => Some(Bound::Ceiling),
            _ => None,
        }
    }

    /// `≥8.25万人（下限）`: the target in its own unit, and what it is.
    pub fn label(self, target: &Observation, unit: &str, lang: Lang) -> String {
        let t = lang.texts();
        let number = match target.value_text() {
            Some(v) if unit.is_empty() => v,
            Some(v) => format!("{v}{}{unit}", lang.pick("", " ")),
            None => target.growth_text().unwrap_or_default(),
        };
        let what = match self {
            Bound::Floor => t.floor_mark,
            Bound::Ceiling => t.ceiling_mark,
        };
        format!("{number}{what}")
    }
}

/// The plan-year target as an index of the review-year result (= 100).
#[derive(Clone, Copy, Debug)]
pub struct ProgressRow<'a> {
    pub pair: Pair<'a>,
    pub index: f64,
    /// The index of a range target's upper bound.
    pub index_high: Option<f64>,
    /// True when the index is 100 + target growth rather than target value / result value.
    pub from_growth: bool,
    /// The target is a floor or a ceiling: a mark at the index, not a bar from 100.
    pub bound: Option<Bound>,
}

pub fn progress_rows<'a>(pairs: &[Pair<'a>]) -> Vec<ProgressRow<'a>> {
    pairs
        .iter()
        .filter(|p| p.indexable())
        .filter_map(|&pair| {
            let target = pair.target?;
            let actual = pair.actual.and_then(|o| o.value).filter(|a| *a > 0.0);
            let (index, index_high, from_growth) = match (actual, target.value) {
                (Some(a), Some(t)) => (
                    t / a * 100.0,
                    target.value_high.map(|h| h / a * 100.0),
                    false,
                ),
                _ => {
                    let g = target.growth_pct?;
                    (
                        grow(100.0, g),
                        target.growth_pct_high.map(|h| grow(100.0, h)),
                        true,
                    )
                }
            };
            Some(ProgressRow {
                pair,
                index,
                index_high,
                from_growth,
                bound: Bound::of(target, index),
            })
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointKind {
    /// Stated by the report as a result.
    Reported,
    /// Worked out from a stated growth rate.
    Implied,
    /// A target.
    Target,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendPoint {
    pub year: i32,
    pub index: f64,
    /// The index of a range target's upper bound.
    pub high: Option<f64>,
    pub kind: PointKind,
}

#[derive(Clone, Debug)]
pub struct TrendSeries<'a> {
    pub pair: Pair<'a>,
    /// The results, reported or implied, then the plan-year target.
    pub points: Vec<TrendPoint>,
    /// Earlier years' targets, each from the result of the year before it, so a merged
    /// set of reports shows whether each target was met.
    pub past_targets: Vec<(TrendPoint, TrendPoint)>,
    /// Targets that are floors or ceilings (see [`Bound`]): marks at their level, joined
    /// to nothing. The plan year's, when it is one, is not among `points`.
    pub bounds: Vec<(TrendPoint, Bound)>,
}

impl TrendSeries<'_> {
    /// The years the series spans, first and last.
    pub fn years(&self) -> Option<(i32, i32)> {
        let ends = self.points.iter().chain(self.bounds.iter().map(|(p, _)| p));
        let first = ends.clone().map(|p| p.year).min()?;
        let last = ends.map(|p| p.year).max()?;
        let past = self.past_targets.iter().map(|(from, _)| from.year).min();
        Some((past.map_or(first, |p| p.min(first)), last))
    }

    /// Where the line ends and its label goes: the plan year's target, or its bound.
    pub fn end(&self) -> Option<TrendPoint> {
        let last = self.points.last().copied();
        match self.bounds.last() {
            Some((b, _)) if last.is_none_or(|p| b.year > p.year) => Some(*b),
            _ => last,
        }
    }

    /// The bound the series ends on, if its plan-year target is one.
    pub fn end_bound(&self) -> Option<Bound> {
        let end = self.end()?;
        self.bounds
            .iter()
            .find(|(p, _)| *p == end)
            .map(|(_, bound)| *bound)
    }
}

/// The results as an index of the review year's (= 100), back through every earlier year a
/// stated level or a stated growth rate gives; and the review year's level, when stated.
fn indexed_results(ind: &Indicator, review: i32, first: i32) -> (Vec<TrendPoint>, Option<f64>) {
    let actual = |year| ind.observation(year, Kind::Actual);
    let base = actual(review).and_then(|o| o.value).filter(|v| *v > 0.0);
    let mut results = vec![TrendPoint {
        year: review,
        index: 100.0,
        high: None,
        kind: if actual(review).is_some() {
            PointKind::Reported
        } else {
            PointKind::Implied
        },
    }];
    for year in (first - 1..review).rev() {
        let later = results[0];
        let by_value = match (actual(year).and_then(|o| o.value), base) {
            (Some(v), Some(b)) => Some((v / b * 100.0, PointKind::Reported)),
            _ => None,
        };
        let by_growth = actual(year + 1)
            .and_then(|o| o.growth_pct)
            .and_then(|g| ungrow(later.index, g))
            .map(|index| (index, PointKind::Implied));
        match by_value.or(by_growth) {
            Some((index, kind)) => results.insert(
                0,
                TrendPoint {
                    year,
                    index,
                    high: None,
                    kind,
                },
            ),
            None => break,
        }
    }
    (results, base)
}

/// Lines with the review year = 100, through every year the data covers: results stated
/// as levels, years implied by stated growth rates (including the year before the first
/// result), and targets.
pub fn trend_series<'a>(data: &Dataset, pairs: &[Pair<'a>]) -> Vec<TrendSeries<'a>> {
    let (review, plan) = data.years();
    pairs
        .iter()
        .filter(|p| p.indexable())
        .filter_map(|&pair| {
            let ind = pair.indicator;
            let first = ind.observations.iter().map(|o| o.year).min()?;
            let (results, base) = indexed_results(ind, review, first);
            let index_of = |year: i32| results.iter().find(|p| p.year == year).map(|p| p.index);
            let target_point = |year: i32| {
                let target = ind.observation(year, Kind::Target)?;
                let (index, high) = match (target.value, base) {
                    (Some(t), Some(b)) => (t / b * 100.0, target.value_high.map(|h| h / b * 100.0)),
                    _ => {
                        let from = index_of(year - 1)?;
                        let high = target.growth_pct_high.map(|h| grow(from, h));
                        (grow(from, target.growth_pct?), high)
                    }
                };
                Some(TrendPoint {
                    year,
                    index,
                    high,
                    kind: PointKind::Target,
                })
            };
            // A target is a bound when it is a floor below (or a ceiling above) the result
            // of the year before it.
            let bound_of = |year: i32, to: TrendPoint| {
                let from = index_of(year - 1)?;
                let target = ind.observation(year, Kind::Target)?;
                Bound::of(target, to.index / from * 100.0)
            };
            let mut bounds = Vec::new();
            let mut past_targets = Vec::new();
            for year in first..plan {
                let Some(to) = target_point(year) else {
                    continue;
                };
                match bound_of(year, to) {
                    Some(bound) => bounds.push((to, bound)),
                    None => {
                        if let Some(from) = results.iter().find(|p| p.year == year - 1) {
                            past_targets.push((*from, to));
                        }
                    }
                }
            }
            let plan_target = target_point(plan).map(|to| (to, bound_of(plan, to)));
            let mut points = results;
            match plan_target {
                Some((to, Some(bound))) => bounds.push((to, bound)),
                Some((to, None)) => points.push(to),
                None => {}
            }
            (points.len() + bounds.len() >= 2).then_some(TrendSeries {
                pair,
                points,
                past_targets,
                bounds,
            })
        })
        .collect()
}

/// Indicators that are ticked but not drawn (no data for the view, e.g. a qualitative
/// target in the growth view, or no room); the footer names them so nothing silently
/// disappears.
pub fn omitted<'a>(pairs: &[Pair<'a>], drawn: &[String]) -> Vec<&'a Indicator> {
    let drawn: std::collections::HashSet<&str> = drawn.iter().map(String::as_str).collect();
    pairs
        .iter()
        .filter(|p| !drawn.contains(p.indicator.id.as_str()))
        .map(|p| p.indicator)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_and_its_inverse_agree() {
        assert!((grow(5576.3, 6.0) - 5910.878).abs() < 1e-3);
        let back = ungrow(grow(80.0, 3.1), 3.1).unwrap();
        assert!((back - 80.0).abs() < 1e-9);
        assert_eq!(ungrow(10.0, -100.0), None);
    }

    #[test]
    fn a_growth_only_target_implies_a_level_and_a_stated_one_does_not() {
        let data = Dataset::bundled();
        let gdp = data.indicator("gdp").unwrap();
        let pair = pairs(&data, &[gdp])[0];
        let level = pair.implied_target_level().unwrap();
        assert!((level - 5576.3 * 1.06).abs() < 1e-6, "{level}");
        let stated = data
            .indicators
            .iter()
            .map(|i| pairs(&data, &[i])[0])
            .find(|p| p.target.and_then(|t| t.value).is_some() && p.actual.is_some())
            .unwrap();
        assert_eq!(stated.implied_target_level(), None);
    }
}
