//! "Was last year's target met?": one answer for the charts, the details panel, the list
//! table and the command line.

use crate::i18n::Lang;
use crate::model::{Dataset, Indicator, Kind, Observation, Qualifier};

/// Whether a target was reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Met,
    Missed,
    /// An about-target (左右) missed by no more than the tolerance: 0.5 percentage points
    /// for growth rates, 2% of the target for values.
    RoughlyMet,
}

/// Slack for float noise in reported decimals (5.5 − 5.0 is not exactly 0.5).
const EPS: f64 = 1e-9;

/// Whether the target for `year` was met by the actual result for `year`, both in `ind`.
///
/// Growth is compared with growth when both have it, else value with value. at_least,
/// exact, about: met when actual ≥ target; more_than: actual > target; at_most:
/// actual ≤ target; about also RoughlyMet just below. A negative growth target is a cut
/// (下降3%), so there the declines are compared instead. A limit (a CPI rise, an
/// unemployment rate, anything 控制在…) is met at or below its exact or about target, and
/// roughly met just above. A range target (4.5–5%) is met when the actual reaches its lower
/// bound, which `value` and `growth_pct` hold. None without both a target and an actual, a
/// shared number, a quantitative target, or when `ind` is not comparable.
pub fn target_outcome(ind: &Indicator, year: i32) -> Option<Outcome> {
    if !ind.comparable {
        return None;
    }
    let target = ind.observation(year, Kind::Target)?;
    let actual = ind.observation(year, Kind::Actual)?;
    if target.is_qualitative() {
        return None;
    }
    let (mut t, mut a, growth) = shared_number(target, actual)?;
    if !t.is_finite() || !a.is_finite() {
        return None;
    }
    if growth && t < 0.0 {
        // A target to cut (能耗下降3%) is met by cutting at least as much: compare the
        // declines, so −3.2% meets −3% and a "下降3%左右" missed narrowly is still rough.
        (t, a) = (-t, -a);
    }
    let eps = EPS * t.abs().max(1.0);
    // A limit is met from below: "about" then means "at most about".
    let limit = t >= 0.0 && is_limit(ind, target);
    let reached = match target.qualifier {
        Qualifier::AtMost => a <= t + eps,
        Qualifier::MoreThan => a > t + eps,
        Qualifier::Exact | Qualifier::About if limit => a <= t + eps,
        Qualifier::AtLeast | Qualifier::Exact | Qualifier::About => a >= t - eps,
    };
    if reached {
        return Some(Outcome::Met);
    }
    let tolerance = if growth { 0.5 } else { 0.02 * t.abs() };
    let short_by = if limit { a - t } else { t - a };
    if target.qualifier == Qualifier::About && short_by <= tolerance + eps {
        Some(Outcome::RoughlyMet)
    } else {
        Some(Outcome::Missed)
    }
}

/// Rates whose targets are limits however they are worded: a CPI rise of "3%左右" or an
/// unemployment rate of "5.5%左右" is not missed by staying lower.
const LIMITED_RATES: [&str; 3] = ["失业率", "居民消费价格", "价格涨幅"];

/// A target that caps a figure rather than aims for it: one of [`LIMITED_RATES`], or any
/// target its report words as 控制在… (kept within).
fn is_limit(ind: &Indicator, target: &Observation) -> bool {
    target.quote.contains("控制在") || LIMITED_RATES.iter().any(|n| ind.name_zh.contains(n))
}

/// (target, actual, is a growth rate): growth when both have it, else value.
fn shared_number(target: &Observation, actual: &Observation) -> Option<(f64, f64, bool)> {
    match (target.growth_pct, actual.growth_pct) {
        (Some(t), Some(a)) => Some((t, a, true)),
        _ => match (target.value, actual.value) {
            (Some(t), Some(a)) => Some((t, a, false)),
            _ => None,
        },
    }
}

/// Every (indicator id, year, outcome) in a dataset, in indicator order, years ascending.
pub fn outcomes(data: &Dataset) -> Vec<(String, i32, Outcome)> {
    let mut out = Vec::new();
    for ind in &data.indicators {
        let mut years: Vec<i32> = ind
            .observations
            .iter()
            .filter(|o| o.kind == Kind::Target)
            .map(|o| o.year)
            .collect();
        years.sort_unstable();
        years.dedup();
        for year in years {
            if let Some(outcome) = target_outcome(ind, year) {
                out.push((ind.id.clone(), year, outcome));
            }
        }
    }
    out
}

impl Outcome {
    /// The mark after a result: ✓, ≈✓ or ×.
    pub fn mark(self) -> &'static str {
        match self {
            Outcome::Met => "✓",
            Outcome::RoughlyMet => "≈✓",
            Outcome::Missed => "×",
        }
    }

    /// The outcome's name in the `history` command's JSON.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::RoughlyMet => "roughly_met",
            Outcome::Missed => "missed",
        }
    }

    /// The outcome in words.
    pub fn words(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            Outcome::Met => t.target_met,
            Outcome::RoughlyMet => t.target_roughly_met,
            Outcome::Missed => t.target_missed,
        }
    }
}

/// The mark after a result (with a leading space), or "" where there is no target to meet.
pub fn outcome_mark(ind: &Indicator, obs: &Observation) -> String {
    if obs.kind != Kind::Actual {
        return String::new();
    }
    target_outcome(ind, obs.year).map_or_else(String::new, |o| format!(" {}", o.mark()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;

    fn judged(name: &str, target: Observation, actual: Observation) -> Option<Outcome> {
        let mut ind = Indicator::new("x", name, Category::Economy, "%");
        ind.observations = vec![actual, target];
        target_outcome(&ind, 2023)
    }

    fn figure(kind: Kind, value: Option<f64>, growth: Option<f64>, q: Qualifier) -> Observation {
        Observation {
            value,
            growth_pct: growth,
            qualifier: q,
            ..Observation::new(2023, kind, "引文")
        }
    }

    #[test]
    fn a_limited_rate_is_met_by_staying_at_or_below_it() {
        let cpi = |q, target: f64, actual: f64| {
            judged(
                "居民消费价格",
                figure(Kind::Target, None, Some(target), q),
                figure(Kind::Actual, None, Some(actual), Qualifier::Exact),
            )
        };
        assert_eq!(cpi(Qualifier::About, 3.0, 0.2), Some(Outcome::Met));
        assert_eq!(cpi(Qualifier::About, 3.0, 3.0), Some(Outcome::Met));
        assert_eq!(cpi(Qualifier::About, 3.0, 3.4), Some(Outcome::RoughlyMet));
        assert_eq!(cpi(Qualifier::About, 3.0, 3.6), Some(Outcome::Missed));
        assert_eq!(cpi(Qualifier::Exact, 3.0, 3.1), Some(Outcome::Missed));
        let jobless = |target: f64, actual: f64| {
            judged(
                "城镇调查失业率",
                figure(Kind::Target, Some(target), None, Qualifier::About),
                figure(Kind::Actual, Some(actual), None, Qualifier::Exact),
            )
        };
        assert_eq!(jobless(5.5, 5.2), Some(Outcome::Met));
        assert_eq!(jobless(5.5, 5.6), Some(Outcome::RoughlyMet));
        assert_eq!(jobless(5.5, 5.7), Some(Outcome::Missed));
        // Any target the report words as 控制在… is a limit too.
        let mut within = figure(Kind::Target, Some(36.0), None, Qualifier::About);
        within.quote = "细颗粒物平均浓度控制在36微克/立方米左右".into();
        let actual = figure(Kind::Actual, Some(35.0), None, Qualifier::Exact);
        assert_eq!(judged("细颗粒物", within, actual), Some(Outcome::Met));
    }

    #[test]
    fn a_range_target_is_met_when_the_result_reaches_its_lower_bound() {
        let range = |actual: f64| {
            let mut target = figure(Kind::Target, None, Some(6.0), Qualifier::Exact);
            target.growth_pct_high = Some(6.5);
            judged(
                "地区生产总值",
                target,
                figure(Kind::Actual, None, Some(actual), Qualifier::Exact),
            )
        };
        assert_eq!(range(6.2), Some(Outcome::Met));
        assert_eq!(range(6.0), Some(Outcome::Met));
        assert_eq!(range(7.0), Some(Outcome::Met));
        assert_eq!(range(5.9), Some(Outcome::Missed));
    }
}
