//! The numbers behind each view: pure functions from the dataset and the selection to rows.
//! Nothing here draws; the views, the data export and the tests all read these.

use crate::model::{Dataset, Indicator, Kind, Observation};

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

/// The plan-year target as an index of the review-year result (= 100).
#[derive(Clone, Copy, Debug)]
pub struct ProgressRow<'a> {
    pub pair: Pair<'a>,
    pub index: f64,
    /// The index of a range target's upper bound.
    pub index_high: Option<f64>,
    /// True when the index is 100 + target growth rather than target value / result value.
    pub from_growth: bool,
}

pub fn progress_rows<'a>(pairs: &[Pair<'a>]) -> Vec<ProgressRow<'a>> {
    pairs
        .iter()
        .filter(|p| p.like_for_like())
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
}

impl TrendSeries<'_> {
    /// The years the series spans, first and last.
    pub fn years(&self) -> Option<(i32, i32)> {
        let first = self.points.first()?.year;
        let last = self.points.last()?.year;
        let past = self.past_targets.iter().map(|(from, _)| from.year).min();
        Some((past.map_or(first, |p| p.min(first)), last))
    }
}

/// Lines with the review year = 100, through every year the data covers: results stated
/// as levels, years implied by stated growth rates (including the year before the first
/// result), and targets.
pub fn trend_series<'a>(data: &Dataset, pairs: &[Pair<'a>]) -> Vec<TrendSeries<'a>> {
    let (review, plan) = data.years();
    pairs
        .iter()
        .filter(|p| p.like_for_like())
        .filter_map(|&pair| {
            let ind = pair.indicator;
            let actual = |year| ind.observation(year, Kind::Actual);
            let base = actual(review).and_then(|o| o.value).filter(|v| *v > 0.0);
            let first = ind.observations.iter().map(|o| o.year).min()?;
            // Index by year, from the review year back through earlier results.
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
            let past_targets = (first..plan)
                .filter_map(|year| {
                    let to = target_point(year)?;
                    let from = *results.iter().find(|p| p.year == year - 1)?;
                    Some((from, to))
                })
                .collect();
            let plan_target = target_point(plan);
            let mut points = results;
            points.extend(plan_target);
            (points.len() >= 2).then_some(TrendSeries {
                pair,
                points,
                past_targets,
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
