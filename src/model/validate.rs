//! The rules of meaning a dataset keeps (the rules `check` applies after parsing), as
//! [`Fault`]s that name the indicator, observation and field.

use std::collections::HashMap;

use super::types::{Dataset, Indicator, Kind, Observation, Report, format_number};
use crate::i18n::{Texts, fill};

/// Years a report's figures may have.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// Which rule of meaning is broken, with what the message needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    Empty,
    NotPlausibleYear(i32),
    ReviewNotBeforePlan {
        review: i32,
        plan: i32,
    },
    BadId,
    NoObservations,
    EmptyHorizon,
    NotFinite,
    /// An upper bound (`value_high`) without its lower bound (`low`, e.g. `value`).
    HighWithoutLow {
        low: &'static str,
    },
    HighBelowLow {
        low: &'static str,
        high: f64,
        value: f64,
    },
    QualitativeActual,
    EmptyQuote,
    EmptyDerived,
    SecondObservation {
        kind: Kind,
        year: i32,
    },
    DuplicateId,
    /// A quote the report text `source` does not hold.
    QuoteNotFound {
        source: String,
    },
}

impl Rule {
    pub fn message(&self, t: &Texts) -> String {
        let m = t.messages;
        match self {
            Rule::Empty => m.empty.to_owned(),
            Rule::NotPlausibleYear(year) => fill(m.not_plausible_year, &[("year", year)]),
            Rule::ReviewNotBeforePlan { review, plan } => {
                fill(m.review_after_plan, &[("review", review), ("plan", plan)])
            }
            Rule::BadId => m.bad_id.to_owned(),
            Rule::NoObservations => m.no_observations.to_owned(),
            Rule::EmptyHorizon => m.empty_horizon.to_owned(),
            Rule::NotFinite => m.not_finite.to_owned(),
            Rule::HighWithoutLow { low } => fill(m.high_without_low, &[("low", low)]),
            Rule::HighBelowLow { low, high, value } => fill(
                m.high_below_low,
                &[
                    ("low", low),
                    ("high", &format_number(*high)),
                    ("value", &format_number(*value)),
                ],
            ),
            Rule::QualitativeActual => m.qualitative_actual.to_owned(),
            Rule::EmptyQuote => m.empty_quote.to_owned(),
            Rule::EmptyDerived => m.empty_derived.to_owned(),
            Rule::SecondObservation { kind, year } => {
                let kind = match kind {
                    Kind::Actual => t.actual,
                    Kind::Target => t.target,
                };
                fill(m.second_observation, &[("kind", &kind), ("year", year)])
            }
            Rule::DuplicateId => m.duplicate_id.to_owned(),
            Rule::QuoteNotFound { source } => fill(m.quote_not_found, &[("source", source)]),
        }
    }
}

/// One broken rule of meaning in a dataset: where (indicator, observation, field, as `check`
/// names them) and which rule. `check` and the editor both word their errors from these,
/// so a value refused in the window is refused with the words `check` prints.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    /// Index into `indicators`, or `None` for the report.
    pub indicator: Option<usize>,
    /// Index into the indicator's `observations`, for a fault of one observation.
    pub observation: Option<usize>,
    /// The field: of the report (`report.title_zh`), of the indicator (`name_zh`), or of
    /// the observation (`year`; empty for the observation as a whole).
    pub field: String,
    pub rule: Rule,
}

impl Fault {
    fn new(indicator: Option<usize>, field: impl Into<String>, rule: Rule) -> Fault {
        Fault {
            indicator,
            observation: None,
            field: field.into(),
            rule,
        }
    }

    /// A fault of observation `observation` of indicator `indicator`.
    pub fn of_observation(indicator: usize, observation: usize, field: &str, rule: Rule) -> Fault {
        Fault {
            indicator: Some(indicator),
            observation: Some(observation),
            field: field.to_owned(),
            rule,
        }
    }

    /// The field as `check` prints it: `name_zh`, `observations[0].year`, `observations[1]`.
    pub fn path(&self) -> String {
        match self.observation {
            Some(n) if self.field.is_empty() => format!("observations[{n}]"),
            Some(n) => format!("observations[{n}].{}", self.field),
            None => self.field.clone(),
        }
    }

    /// `observations[0].year: 1800 is not a plausible year`.
    pub fn message(&self, t: &Texts) -> String {
        format!("{}{}{}", self.path(), t.colon, self.rule.message(t))
    }
}

crate::i18n::display_in_english!(Fault);

/// Every rule of meaning a dataset in memory breaks (the rules `check` applies after
/// parsing): the report's, each indicator's, and unique ids.
pub fn faults(data: &Dataset) -> Vec<Fault> {
    let mut out = report_faults(&data.report);
    for (n, indicator) in data.indicators.iter().enumerate() {
        out.extend(indicator_faults(n, indicator));
    }
    out.extend(
        duplicate_ids(data.indicators.iter().map(|i| i.id.as_str()))
            .into_iter()
            .map(|(n, _)| duplicate_id_fault(n)),
    );
    out
}

/// The report's fields: title and region given, plausible years in order.
pub fn report_faults(report: &Report) -> Vec<Fault> {
    let mut out = Vec::new();
    for (field, value) in [
        ("title_zh", &report.title_zh),
        ("region_zh", &report.region_zh),
    ] {
        if value.trim().is_empty() {
            out.push(Fault::new(None, format!("report.{field}"), Rule::Empty));
        }
    }
    for (field, year) in [
        ("review_year", report.review_year),
        ("plan_year", report.plan_year),
    ] {
        if let Some(year) = year.filter(|y| !PLAUSIBLE_YEARS.contains(y)) {
            out.push(Fault::new(
                None,
                format!("report.{field}"),
                Rule::NotPlausibleYear(year),
            ));
        }
    }
    if let (Some(review), Some(plan)) = (report.review_year, report.plan_year)
        && review >= plan
    {
        out.push(Fault::new(
            None,
            "report.review_year",
            Rule::ReviewNotBeforePlan { review, plan },
        ));
    }
    out
}

/// The message of an id used twice.
pub fn duplicate_id_fault(indicator: usize) -> Fault {
    Fault::new(Some(indicator), "id", Rule::DuplicateId)
}

/// Each id used before, as (position, position of its first use).
pub fn duplicate_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<(usize, usize)> {
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for (n, id) in ids.enumerate() {
        match first_seen.get(id) {
            Some(&first) => out.push((n, first)),
            None => {
                first_seen.insert(id, n);
            }
        }
    }
    out
}

/// Whether an id has the form the schema allows: non-empty, only a-z, 0-9 and _.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The rules of one indicator (all but unique ids); `n` is its index.
pub fn indicator_faults(n: usize, indicator: &Indicator) -> Vec<Fault> {
    let mut out = Vec::new();
    let mut report = |field: &str, rule: Rule| out.push(Fault::new(Some(n), field, rule));
    if !is_valid_id(&indicator.id) {
        report("id", Rule::BadId);
    }
    if indicator.name_zh.trim().is_empty() {
        report("name_zh", Rule::Empty);
    }
    if indicator.observations.is_empty() {
        report("observations", Rule::NoObservations);
    }
    if let Some(multi) = &indicator.multi_year {
        if multi.horizon.trim().is_empty() {
            report("multi_year.horizon", Rule::EmptyHorizon);
        }
        if let Some(until) = multi.until.filter(|y| !PLAUSIBLE_YEARS.contains(y)) {
            report("multi_year.until", Rule::NotPlausibleYear(until));
        }
    }
    let mut seen = Vec::new();
    for (k, obs) in indicator.observations.iter().enumerate() {
        let rules = observation_rules(obs);
        out.extend(
            rules
                .into_iter()
                .map(|(field, rule)| Fault::of_observation(n, k, field, rule)),
        );
        if seen.contains(&(obs.year, obs.kind)) {
            let rule = Rule::SecondObservation {
                kind: obs.kind,
                year: obs.year,
            };
            out.push(Fault::of_observation(n, k, "", rule));
        }
        seen.push((obs.year, obs.kind));
    }
    out
}

/// The rules one observation breaks on its own, by field.
fn observation_rules(obs: &Observation) -> Vec<(&'static str, Rule)> {
    let mut out = Vec::new();
    if !PLAUSIBLE_YEARS.contains(&obs.year) {
        out.push(("year", Rule::NotPlausibleYear(obs.year)));
    }
    for (name, value) in [
        ("value", obs.value),
        ("growth_pct", obs.growth_pct),
        ("value_high", obs.value_high),
        ("growth_pct_high", obs.growth_pct_high),
        ("change", obs.change),
    ] {
        if value.is_some_and(|v| !v.is_finite()) {
            out.push((name, Rule::NotFinite));
        }
    }
    for (high_name, low_name, low, high) in [
        ("value_high", "value", obs.value, obs.value_high),
        (
            "growth_pct_high",
            "growth_pct",
            obs.growth_pct,
            obs.growth_pct_high,
        ),
    ] {
        match (low, high) {
            (None, Some(_)) => out.push((high_name, Rule::HighWithoutLow { low: low_name })),
            (Some(l), Some(h)) if h < l => out.push((
                high_name,
                Rule::HighBelowLow {
                    low: low_name,
                    high: h,
                    value: l,
                },
            )),
            _ => {}
        }
    }
    if obs.is_qualitative() && obs.kind == Kind::Actual {
        out.push(("value", Rule::QualitativeActual));
    }
    if obs.quote.trim().is_empty() {
        out.push(("quote", Rule::EmptyQuote));
    }
    if obs.derived.as_deref().is_some_and(|d| d.trim().is_empty()) {
        out.push(("derived", Rule::EmptyDerived));
    }
    out
}
