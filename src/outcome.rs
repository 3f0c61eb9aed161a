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
/// (下降3%), so there the declines are compared instead. None without both a target and an
/// actual, a shared number, a quantitative target, or when `ind` is not comparable.
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
    let reached = match target.qualifier {
        Qualifier::AtMost => a <= t + eps,
        Qualifier::MoreThan => a > t + eps,
        Qualifier::AtLeast | Qualifier::Exact | Qualifier::About => a >= t - eps,
    };
    if reached {
        return Some(Outcome::Met);
    }
    let tolerance = if growth { 0.5 } else { 0.02 * t.abs() };
    if target.qualifier == Qualifier::About && t - a <= tolerance + eps {
        Some(Outcome::RoughlyMet)
    } else {
        Some(Outcome::Missed)
    }
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
