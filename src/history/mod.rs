//! Each year's target against that year's result, over the years one region's reports
//! cover: the numbers behind the history view, the `history` command and the compare
//! view's count of targets met. Nothing here draws.
//!
//! A report of plan year P holds P's targets and P−1's results, so the result of a target
//! comes from the next year's report. Reports of one region are merged first
//! ([`crate::merge`]); of two files of one year that disagree, the figure the conflict rule
//! keeps is used and marked.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::i18n::Lang;
use crate::merge::Conflict;
use crate::model::{Dataset, Indicator, Kind, Observation};
use crate::outcome::{Outcome, target_outcome};

/// What an indicator's figures measure, and so which number of each figure is charted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Growth on the year before, in percent (地区生产总值增长6%): `growth_pct`.
    Growth,
    /// A rate stated as a value in percent (城镇调查失业率5.5%, a share): `value`.
    Rate,
    /// A change that is a rate of its own rather than growth of a level worth charting
    /// (居民消费价格涨幅3%, 单位地区生产总值能耗降低2.5%): `growth_pct`, read as the rate.
    RateChange,
    /// A level in the indicator's unit (粮食产量1.3万亿斤): `value`.
    Level,
}

/// Units that make a value a rate rather than a level.
const RATE_UNITS: [&str; 4] = ["%", "％", "‰", "个百分点"];

/// Names of figures whose change is a rate of its own: prices, and intensities (per unit of
/// output) whose reports give only the change.
const RATE_CHANGE_NAMES: [&str; 4] = ["价格", "能耗", "强度", "排放"];

impl Measure {
    /// The indicator's natural measure: a rate when its unit is a percentage or its change
    /// is a price or an intensity; else growth or level, as most of its targets (or, with
    /// no quantitative target, its results) are stated.
    pub fn of(ind: &Indicator) -> Measure {
        if RATE_UNITS.contains(&ind.unit_zh.trim()) {
            return Measure::Rate;
        }
        let growth_only = ind.observations.iter().all(|o| o.value.is_none());
        if growth_only && RATE_CHANGE_NAMES.iter().any(|n| ind.name_zh.contains(n)) {
            return Measure::RateChange;
        }
        let count = |kind: Kind| {
            let of_kind = ind.observations.iter().filter(|o| o.kind == kind);
            let growth = of_kind.clone().filter(|o| o.growth_pct.is_some()).count();
            let level = of_kind.filter(|o| o.value.is_some()).count();
            (growth, level)
        };
        let (growth, level) = match count(Kind::Target) {
            (0, 0) => count(Kind::Actual),
            counts => counts,
        };
        if growth >= level && growth > 0 {
            Measure::Growth
        } else {
            Measure::Level
        }
    }

    /// A rate, never chained into an index of levels.
    pub fn is_rate(self) -> bool {
        matches!(self, Measure::Rate | Measure::RateChange)
    }

    /// The number of a figure in this measure (the lower bound of a range).
    pub fn number(self, obs: &Observation) -> Option<f64> {
        match self {
            Measure::Growth | Measure::RateChange => obs.growth_pct,
            Measure::Rate | Measure::Level => obs.value,
        }
        .filter(|v| v.is_finite())
    }

    /// The upper bound of a range in this measure.
    pub fn high(self, obs: &Observation) -> Option<f64> {
        match self {
            Measure::Growth | Measure::RateChange => obs.growth_pct_high,
            Measure::Rate | Measure::Level => obs.value_high,
        }
        .filter(|v| v.is_finite())
    }

    /// A figure as a label in this measure: `≈6%`, `≥1.3`, `6–6.5%`.
    pub fn text(self, obs: &Observation) -> Option<String> {
        match self {
            Measure::Growth | Measure::RateChange => obs.growth_text(),
            Measure::Rate => obs
                .value
                .map(|v| crate::model::range_text(obs.qualifier, v, obs.value_high, "%")),
            Measure::Level => obs.value_text(),
        }
    }

    /// What an axis in this measure shows: `增长率（%）`, `失业率 %`, or the unit.
    pub fn axis(self, ind: &Indicator, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            Measure::Growth => t.percent_axis.to_owned(),
            Measure::Rate => format!("{}{}{}", t.history_rate_axis, t.colon, ind.unit(lang)),
            Measure::RateChange => t.history_rate_change_axis.to_owned(),
            Measure::Level => format!("{}{}{}", t.unit, t.colon, ind.unit(lang)),
        }
    }

    /// The name the `history` command's JSON gives it.
    pub fn key(self) -> &'static str {
        match self {
            Measure::Growth => "growth",
            Measure::Rate => "rate",
            Measure::RateChange => "rate_change",
            Measure::Level => "level",
        }
    }
}

/// Why a year's target stands alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoResult {
    /// No report opened gives results of that year: the next report is not opened, or not
    /// yet published.
    Pending,
    /// The next report is open but gives no result of this indicator.
    NotGiven,
}

impl NoResult {
    pub fn words(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            NoResult::Pending => t.history_result_pending,
            NoResult::NotGiven => t.history_result_not_given,
        }
    }
}

/// One year of one indicator: its target, its result, and whether the target was met.
#[derive(Clone, Debug, PartialEq)]
pub struct Year<'a> {
    pub year: i32,
    /// The year's target (none for a goal over several years).
    pub target: Option<&'a Observation>,
    pub result: Option<&'a Observation>,
    /// The rule of [`crate::outcome`], as the details panel and `list` give it.
    pub outcome: Option<Outcome>,
    /// Result minus target (its lower bound for a range) in the indicator's measure:
    /// percentage points for growth and rates, the unit for levels.
    pub gap: Option<f64>,
    /// Set when there is a target and no result.
    pub no_result: Option<NoResult>,
    /// Figures two files of this year disagreed on: the one shown is the later file's.
    pub conflicts: Vec<Kind>,
}

impl Year<'_> {
    /// Whether anything of this year is known.
    pub fn has_figures(&self) -> bool {
        self.target.is_some() || self.result.is_some()
    }
}

/// One indicator over the years: every year from its first figure to its last, in order,
/// a year without figures kept as a gap.
#[derive(Clone, Debug, PartialEq)]
pub struct History<'a> {
    pub indicator: &'a Indicator,
    pub measure: Measure,
    pub years: Vec<Year<'a>>,
}

impl<'a> History<'a> {
    /// The history of `ind`. `reviewed` are the years some open report gives results of
    /// (see [`reviewed_years`]); `conflicts` those of its region.
    pub fn of(ind: &'a Indicator, reviewed: &BTreeSet<i32>, conflicts: &[Conflict]) -> Self {
        let measure = Measure::of(ind);
        // A goal over several years is never a year's target.
        let yearly_targets = ind.multi_year.is_none();
        let span = ind
            .observations
            .iter()
            .filter(|o| o.kind == Kind::Actual || yearly_targets)
            .map(|o| o.year);
        let (Some(first), Some(last)) = (span.clone().min(), span.max()) else {
            return History {
                indicator: ind,
                measure,
                years: Vec::new(),
            };
        };
        let years = (first..=last)
            .map(|year| {
                let target = ind
                    .observation(year, Kind::Target)
                    .filter(|_| yearly_targets);
                let result = ind.observation(year, Kind::Actual);
                let gap = match (target, result) {
                    (Some(t), Some(r)) => {
                        measure.number(r).zip(measure.number(t)).map(|(r, t)| r - t)
                    }
                    _ => None,
                };
                let no_result = match (target, result) {
                    (Some(_), None) if reviewed.contains(&year) => Some(NoResult::NotGiven),
                    (Some(_), None) => Some(NoResult::Pending),
                    _ => None,
                };
                Year {
                    year,
                    target,
                    result,
                    outcome: target.and(target_outcome(ind, year)),
                    gap,
                    no_result,
                    conflicts: conflicts
                        .iter()
                        .filter(|c| c.indicator == ind.id && c.year == year)
                        .map(|c| c.kind)
                        .collect(),
                }
            })
            .collect();
        History {
            indicator: ind,
            measure,
            years,
        }
    }

    /// The years with a figure.
    pub fn known_years(&self) -> impl Iterator<Item = &Year<'a>> {
        self.years.iter().filter(|y| y.has_figures())
    }

    /// Figures of one year only: nothing to chart across years.
    pub fn single_year(&self) -> Option<&Year<'a>> {
        let mut known = self.known_years();
        match (known.next(), known.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    /// How many of its targets were met, of those with a result.
    pub fn score(&self) -> Score {
        Score::of(self.years.iter().filter_map(|y| y.outcome))
    }
}

/// The histories of the selected indicators of one region, in the order given.
pub fn histories<'a>(
    data: &Dataset,
    selected: &[&'a Indicator],
    conflicts: &[Conflict],
) -> Vec<History<'a>> {
    let reviewed = reviewed_years(data);
    selected
        .iter()
        .map(|ind| History::of(ind, &reviewed, conflicts))
        .collect()
}

/// The years some report of the dataset gives results of: those with any result at all.
pub fn reviewed_years(data: &Dataset) -> BTreeSet<i32> {
    data.indicators
        .iter()
        .flat_map(|i| &i.observations)
        .filter(|o| o.kind == Kind::Actual)
        .map(|o| o.year)
        .collect()
}

/// Targets met, roughly met and missed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    pub met: usize,
    pub roughly_met: usize,
    pub missed: usize,
}

impl Score {
    pub fn of(outcomes: impl IntoIterator<Item = Outcome>) -> Score {
        let mut score = Score::default();
        for outcome in outcomes {
            match outcome {
                Outcome::Met => score.met += 1,
                Outcome::RoughlyMet => score.roughly_met += 1,
                Outcome::Missed => score.missed += 1,
            }
        }
        score
    }

    /// Targets with a result to judge them by.
    pub fn judged(&self) -> usize {
        self.met + self.roughly_met + self.missed
    }

    /// Met or roughly met.
    pub fn reached(&self) -> usize {
        self.met + self.roughly_met
    }

    /// The share reached, 0 to 1; None when nothing could be judged.
    pub fn share(&self) -> Option<f64> {
        let judged = self.judged();
        (judged > 0).then(|| self.reached() as f64 / judged as f64)
    }

    /// `5/6✓`: reached of judged, or None when nothing could be judged.
    pub fn mark(&self) -> Option<String> {
        (self.judged() > 0).then(|| format!("{}/{}✓", self.reached(), self.judged()))
    }

    /// `7/9 met (1 roughly)`: reached of judged, with the rough ones.
    pub fn text(&self, lang: Lang) -> String {
        let mut out = Lang::fill(
            &lang
                .texts()
                .history_score
                .replace("{judged}", &self.judged().to_string()),
            self.reached(),
        );
        if self.roughly_met > 0 {
            out.push_str(&Lang::fill(
                lang.texts().history_score_rough,
                self.roughly_met,
            ));
        }
        out
    }
}

/// How many of a region's main expected targets (headline indicators) for `year` were met,
/// judged by that year's results in the next year's report: the compare view's count.
pub fn targets_met(data: &Dataset, year: i32) -> Score {
    Score::of(
        data.indicators
            .iter()
            .filter(|i| i.headline && i.multi_year.is_none())
            .filter_map(|i| target_outcome(i, year)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Qualifier};

    fn ind(name: &str, unit: &str, figures: &[(i32, Kind, Option<f64>, Option<f64>)]) -> Indicator {
        let mut ind = Indicator::new("x", name, Category::Economy, unit);
        ind.observations = figures
            .iter()
            .map(|&(year, kind, value, growth)| Observation {
                value,
                growth_pct: growth,
                qualifier: Qualifier::About,
                ..Observation::new(year, kind, "引文")
            })
            .collect();
        ind
    }

    #[test]
    fn each_indicator_has_its_natural_measure() {
        use Kind::{Actual, Target};
        let gdp = ind(
            "地区生产总值",
            "亿元",
            &[
                (2023, Actual, Some(5576.3), Some(3.1)),
                (2024, Target, None, Some(6.0)),
            ],
        );
        assert_eq!(Measure::of(&gdp), Measure::Growth);
        let grain = ind(
            "粮食产量",
            "万吨",
            &[
                (2023, Actual, Some(262.0), Some(1.5)),
                (2024, Target, Some(250.0), None),
            ],
        );
        assert_eq!(Measure::of(&grain), Measure::Level);
        let jobless = ind("城镇调查失业率", "%", &[(2024, Target, Some(5.5), None)]);
        assert_eq!(Measure::of(&jobless), Measure::Rate);
        let cpi = ind("居民消费价格", "", &[(2024, Target, None, Some(3.0))]);
        assert_eq!(Measure::of(&cpi), Measure::RateChange);
        let energy = ind(
            "单位地区生产总值能耗",
            "",
            &[(2024, Target, None, Some(-2.5))],
        );
        assert_eq!(Measure::of(&energy), Measure::RateChange);
        // Results decide when no target is quantitative.
        let trees = ind("植树", "万株", &[(2023, Actual, Some(8.3), None)]);
        assert_eq!(Measure::of(&trees), Measure::Level);
        assert!(Measure::Rate.is_rate() && Measure::RateChange.is_rate());
        assert!(!Measure::Growth.is_rate() && !Measure::Level.is_rate());
    }

    #[test]
    fn a_target_without_a_result_waits_or_was_not_given() {
        use Kind::{Actual, Target};
        let gdp = ind(
            "地区生产总值",
            "亿元",
            &[
                (2021, Target, None, Some(6.0)),
                (2021, Actual, None, Some(6.4)),
                (2022, Target, None, Some(6.0)),
                (2024, Actual, None, Some(5.0)),
                (2025, Target, None, Some(5.0)),
            ],
        );
        // Some report gives 2022 results (of another indicator); none gives 2025's.
        let reviewed = BTreeSet::from([2021, 2022, 2024]);
        let h = History::of(&gdp, &reviewed, &[]);
        let years: Vec<i32> = h.years.iter().map(|y| y.year).collect();
        assert_eq!(years, (2021..=2025).collect::<Vec<_>>());
        assert_eq!(h.years[0].outcome, Some(Outcome::Met));
        assert!((h.years[0].gap.unwrap() - 0.4).abs() < 1e-9);
        assert_eq!(h.years[1].no_result, Some(NoResult::NotGiven));
        assert!(!h.years[2].has_figures());
        assert_eq!(h.years[3].no_result, None);
        assert_eq!(h.years[4].no_result, Some(NoResult::Pending));
        assert_eq!(
            h.score(),
            Score {
                met: 1,
                roughly_met: 0,
                missed: 0
            }
        );
        assert_eq!(h.single_year(), None);
        let one = ind("新建基站", "个", &[(2024, Target, Some(3000.0), None)]);
        let h = History::of(&one, &reviewed, &[]);
        assert_eq!(h.single_year().map(|y| y.year), Some(2024));
    }

    #[test]
    fn a_goal_over_several_years_is_no_years_target() {
        let mut ind = ind(
            "研发投入",
            "亿元",
            &[
                (2023, Kind::Actual, Some(10.0), None),
                (2027, Kind::Target, Some(20.0), None),
            ],
        );
        ind.multi_year = Some(crate::model::MultiYear {
            horizon: "到2027年".into(),
            until: Some(2027),
        });
        let h = History::of(&ind, &BTreeSet::new(), &[]);
        assert_eq!(h.years.len(), 1);
        assert!(h.years.iter().all(|y| y.target.is_none()));
    }

    #[test]
    fn scores_count_and_share() {
        let s = Score::of([
            Outcome::Met,
            Outcome::RoughlyMet,
            Outcome::Missed,
            Outcome::Met,
        ]);
        assert_eq!((s.judged(), s.reached()), (4, 3));
        assert_eq!(s.share(), Some(0.75));
        assert_eq!(Score::default().share(), None);
        assert_eq!(s.text(Lang::En), "3/4 met (1 roughly)");
        assert_eq!(s.text(Lang::Zh), "3/4 完成（含基本完成1项）");
    }
}
