//! The rules of meaning a dataset keeps (the rules `check` applies after parsing), as
//! [`Fault`]s that name the indicator, observation and field.

use std::collections::HashMap;
use std::fmt;

use super::types::{Dataset, Indicator, Kind, Report, format_number};
use crate::i18n::Lang;

/// Years a report's figures may have.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// One broken rule of meaning in a dataset: where (indicator, observation, field, as `check`
/// names them) and what is wrong. `check` and the editor both word their errors from these,
/// so a value refused in the window is refused with the words `check` prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// Index into `indicators`, or `None` for the report.
    pub indicator: Option<usize>,
    /// Index into the indicator's `observations`, for a fault of one observation.
    pub observation: Option<usize>,
    /// The field: of the report (`report.title_zh`), of the indicator (`name_zh`), or of
    /// the observation (`year`; empty for the observation as a whole).
    pub field: String,
    pub message: String,
}

impl Fault {
    fn new(
        indicator: Option<usize>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Fault {
        Fault {
            indicator,
            observation: None,
            field: field.into(),
            message: message.into(),
        }
    }

    /// A fault of observation `observation` of indicator `indicator`.
    pub fn of_observation(
        indicator: usize,
        observation: usize,
        field: &str,
        message: impl Into<String>,
    ) -> Fault {
        Fault {
            indicator: Some(indicator),
            observation: Some(observation),
            field: field.to_owned(),
            message: message.into(),
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
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path(), self.message)
    }
}

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
            out.push(Fault::new(None, format!("report.{field}"), "is empty"));
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
                not_plausible(year),
            ));
        }
    }
    if let (Some(review), Some(plan)) = (report.review_year, report.plan_year)
        && review >= plan
    {
        out.push(Fault::new(
            None,
            "report.review_year",
            format!("{review} must be before plan_year {plan}"),
        ));
    }
    out
}

fn not_plausible(year: i32) -> String {
    format!("{year} is not a plausible year")
}

/// The message of an id used twice.
pub fn duplicate_id_fault(indicator: usize) -> Fault {
    Fault::new(Some(indicator), "id", "duplicate id")
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
    let mut report = |field: &str, message: String| out.push(Fault::new(Some(n), field, message));
    if !is_valid_id(&indicator.id) {
        report("id", "must be non-empty and use only a-z, 0-9 and _".into());
    }
    if indicator.name_zh.trim().is_empty() {
        report("name_zh", "is empty".into());
    }
    if indicator.observations.is_empty() {
        report("observations", "has none".into());
    }
    if let Some(multi) = &indicator.multi_year {
        if multi.horizon.trim().is_empty() {
            report(
                "multi_year.horizon",
                "is empty; give the report's words, e.g. 用3—5年时间".into(),
            );
        }
        if let Some(until) = multi.until.filter(|y| !PLAUSIBLE_YEARS.contains(y)) {
            report("multi_year.until", not_plausible(until));
        }
    }
    let mut seen = Vec::new();
    for (k, obs) in indicator.observations.iter().enumerate() {
        let mut fault =
            |field: &str, message: String| out.push(Fault::of_observation(n, k, field, message));
        if !PLAUSIBLE_YEARS.contains(&obs.year) {
            fault("year", not_plausible(obs.year));
        }
        for (name, value) in [
            ("value", obs.value),
            ("growth_pct", obs.growth_pct),
            ("value_high", obs.value_high),
            ("growth_pct_high", obs.growth_pct_high),
            ("change", obs.change),
        ] {
            if value.is_some_and(|v| !v.is_finite()) {
                fault(name, "is not a finite number".into());
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
                (None, Some(_)) => fault(
                    high_name,
                    format!(
                        "is the upper bound of a range but {low_name} (its lower bound) is null"
                    ),
                ),
                (Some(l), Some(h)) if h < l => fault(
                    high_name,
                    format!(
                        "is below {low_name} ({} < {}); a range is written low to high",
                        format_number(h),
                        format_number(l)
                    ),
                ),
                _ => {}
            }
        }
        if obs.is_qualitative() && obs.kind == Kind::Actual {
            fault(
                "value",
                "an actual result needs a value or a growth_pct (only a target may be qualitative)"
                    .into(),
            );
        }
        if obs.quote.trim().is_empty() {
            fault(
                "quote",
                "is empty; every observation needs the sentence it came from".into(),
            );
        }
        if obs.derived.as_deref().is_some_and(|d| d.trim().is_empty()) {
            fault(
                "derived",
                "is empty; a derived figure needs a note saying how it was worked out".into(),
            );
        }
        if seen.contains(&(obs.year, obs.kind)) {
            fault(
                "",
                format!(
                    "a second {} observation for {}",
                    obs.kind.name(Lang::En),
                    obs.year
                ),
            );
        }
        seen.push((obs.year, obs.kind));
    }
    out
}
