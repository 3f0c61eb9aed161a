//! Drafting a schema-1 dataset from the text of any government work report.
//!
//! bytes → [`decode`] → normalized characters (full-width digits and signs folded so parsing
//! sees one alphabet; quotes are still cut from the original text) → layout (the review and
//! plan parts, their years, the 主要预期目标 passage) → sentences → number tokens →
//! observation drafts with names → indicators, joined by name across the two years.
//!
//! The result is a draft for a person to correct: every observation carries its clause, and
//! the names, units and categories are guesses from the report's words.

mod decode;
mod layout;
mod names;
pub mod region;
mod scan;
mod sentence;
mod text;
mod words;

use std::collections::HashMap;

pub use decode::decode;
pub(crate) use text::automaton;

use crate::files::TooLarge;
use crate::model::{
    Category, Dataset, Indicator, Observation, Report, SCHEMA_VERSION, UNKNOWN_REGION,
};
use sentence::Draft;

/// Why no dataset could be drafted.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("the report is empty: there is no text to extract from")]
    Empty,
    #[error(transparent)]
    TooLarge(#[from] TooLarge),
    #[error("not a text report: {0}")]
    NotText(String),
    #[error(
        "cannot tell which years the report covers: found no heading such as \
         “一、2023年工作回顾” or “二、2024年工作目标和主要任务”, no date line, \
         and no wording such as “2024年是…”"
    )]
    NoYears,
    #[error(
        "found no figures (a number with a unit such as 亿元, 万人 or %) in the report \
         on {review} and {plan}"
    )]
    NoFigures { review: i32, plan: i32 },
}

/// What the user says of a report, over what the text's cues say (`extract --region
/// --year`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    /// The region's full name (哈尔滨市).
    pub region: Option<String>,
    /// The plan year: the year of the targets; the review year is the one before.
    pub plan_year: Option<i32>,
}

/// decode + extract
pub fn extract_bytes(bytes: &[u8], source: &str) -> Result<Dataset, ExtractError> {
    extract_bytes_with(bytes, source, &Overrides::default())
}

/// decode + extract, with what the user says of the report.
pub fn extract_bytes_with(
    bytes: &[u8],
    source: &str,
    overrides: &Overrides,
) -> Result<Dataset, ExtractError> {
    let text = decode(bytes)?;
    extract_with(&text, source, overrides)
}

/// Drafts a dataset from report text. `source` is the file name recorded in report.source.
/// The region is [`region::detect`]ed, or [`UNKNOWN_REGION`].
pub fn extract(text: &str, source: &str) -> Result<Dataset, ExtractError> {
    extract_with(text, source, &Overrides::default())
}

/// [`extract`], with the region and plan year the user gave instead of the detected ones.
pub fn extract_with(
    text: &str,
    source: &str,
    overrides: &Overrides,
) -> Result<Dataset, ExtractError> {
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    let norm = text::Norm::new(text);
    let layout =
        layout::Layout::read(&norm.chars, overrides.plan_year).ok_or(ExtractError::NoYears)?;
    let drafts = sentence::drafts(&norm.chars, &layout);
    if !drafts
        .iter()
        .any(|d| d.value.is_some() || d.growth.is_some())
    {
        return Err(ExtractError::NoFigures {
            review: layout.review,
            plan: layout.plan,
        });
    }
    let region_zh = match &overrides.region {
        Some(region) => region.clone(),
        None => {
            region::detect_in(&norm.chars).map_or_else(|| UNKNOWN_REGION.to_owned(), |r| r.name)
        }
    };
    let title_zh = match region::title_line(text) {
        // The report's own title, when it names the region (not a bare 政府工作报告).
        Some(title) if *overrides == Overrides::default() && title.contains(&region_zh) => title,
        _ if region_zh == UNKNOWN_REGION => format!("{}年政府工作报告", layout.plan),
        _ => format!("{}年{region_zh}政府工作报告", layout.plan),
    };
    Ok(Dataset {
        schema_version: SCHEMA_VERSION,
        report: Report {
            title_zh,
            title_en: None,
            region_zh,
            region_en: None,
            source: (!source.is_empty()).then(|| source.to_owned()),
            review_year: Some(layout.plan - 1),
            plan_year: Some(layout.plan),
            source_file: None,
            source_format: None,
            draft: true,
            level: None,
        },
        indicators: indicators(drafts, &norm),
    })
}

/// An indicator being formed.
struct Group {
    name: String,
    unit: Option<String>,
    headline: bool,
    topic: std::sync::Arc<str>,
    drafts: Vec<Draft>,
}

impl Group {
    fn has(&self, d: &Draft) -> bool {
        self.drafts
            .iter()
            .any(|o| o.year == d.year && o.kind == d.kind)
    }

    fn unit_fits(&self, d: &Draft) -> bool {
        match (&self.unit, &d.unit) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

/// Joins drafts into indicators: the same key, a unit that fits, one observation per year
/// and kind. A growth rate named apart from its value in the same paragraph completes it;
/// a repeated statement is dropped.
fn indicators(drafts: Vec<Draft>, norm: &text::Norm) -> Vec<Indicator> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for mut d in drafts {
        let key = names::key(&d.name);
        // The latest groups of a name only: a report that repeats one name thousands of
        // times stays linear, and real reports have a handful of groups per name.
        let candidates = by_key
            .get(&key)
            .map_or(&[][..], |v| &v[v.len().saturating_sub(8)..]);
        let same = |g: &Group, o: &Draft| o.year == d.year && o.kind == d.kind && g.unit_fits(&d);
        let duplicate = candidates.iter().any(|&g| {
            groups.get(g).is_some_and(|g| {
                g.drafts
                    .iter()
                    .any(|o| same(g, o) && o.value == d.value && o.growth == d.growth)
            })
        });
        if duplicate {
            continue;
        }
        let complement = candidates.iter().find_map(|&gi| {
            let g = groups.get(gi)?;
            let oi = g.drafts.iter().position(|o| {
                same(g, o)
                    && o.para == d.para
                    && ((o.value.is_some() && o.growth.is_none() && d.value.is_none())
                        || (o.growth.is_some() && o.value.is_none() && d.growth.is_none()))
            })?;
            Some((gi, oi))
        });
        if let Some((gi, oi)) = complement
            && let Some(g) = groups.get_mut(gi)
            && let Some(o) = g.drafts.get_mut(oi)
        {
            o.value = o.value.or(d.value);
            o.growth = o.growth.or(d.growth);
            o.quote = (o.quote.0.min(d.quote.0), o.quote.1.max(d.quote.1));
            if o.qualifier == crate::model::Qualifier::Exact {
                o.qualifier = d.qualifier;
            }
            g.unit = g.unit.take().or(d.unit);
            g.headline |= d.headline;
            continue;
        }
        let join = candidates
            .iter()
            .copied()
            .find(|&g| groups.get(g).is_some_and(|g| g.unit_fits(&d) && !g.has(&d)));
        match join.and_then(|g| groups.get_mut(g)) {
            // The group keeps the name and unit: its drafts need them no more.
            Some(g) => {
                g.unit = g.unit.take().or_else(|| d.unit.take());
                g.headline |= d.headline;
                g.drafts.push(d);
            }
            None => {
                by_key.entry(key).or_default().push(groups.len());
                groups.push(Group {
                    name: std::mem::take(&mut d.name),
                    unit: d.unit.take(),
                    headline: d.headline,
                    topic: d.topic.clone(),
                    drafts: vec![d],
                });
            }
        }
    }
    // Headline indicators first, as the report states them; then the rest in text order.
    groups.sort_by_key(|g| !g.headline);
    let width = groups.len().to_string().len().max(3);
    groups
        .into_iter()
        .enumerate()
        .map(|(n, g)| indicator(g, n + 1, width, norm))
        .collect()
}

/// Indicator number `n` (from 1), from its group.
fn indicator(g: Group, n: usize, width: usize, norm: &text::Norm) -> Indicator {
    let mut observations: Vec<Observation> = g
        .drafts
        .iter()
        .map(|d| Observation {
            year: d.year,
            kind: d.kind,
            value: d.value,
            growth_pct: d.growth.map(tidy),
            qualifier: d.qualifier,
            quote: norm.original(d.quote.0, d.quote.1).trim().to_owned(),
            derived: None,
            source_file: None,
            value_high: None,
            growth_pct_high: None,
            change: None,
        })
        .collect();
    observations.sort_by_key(|o| (o.year, o.kind));
    let category = names::category(
        &g.name,
        observations.first().map_or("", |o| o.quote.as_str()),
        &g.topic,
    );
    let mut indicator = Indicator::new(
        format!("ind_{n:0width$}"),
        g.name,
        category,
        g.unit.unwrap_or_default(),
    );
    indicator.headline = g.headline;
    indicator.observations = observations;
    indicator
}

/// The category `extract` would give an indicator of this name and quote: a guess for an
/// indicator a person adds from the report text.
pub fn category_of(name: &str, quote: &str) -> Category {
    names::category(name, quote, "")
}

/// Runs `first` here and `second` on another thread at the same time, and returns both
/// results: the two halves of a long report are read at once.
pub(crate) fn in_parallel<A, B: Send>(
    first: impl FnOnce() -> A,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    std::thread::scope(|scope| {
        let second = scope.spawn(second);
        let first = first();
        match second.join() {
            Ok(second) => (first, second),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Rounds away float noise from (N-1)×100 (2.5倍 → 150, not 150.00000000000003).
fn tidy(v: f64) -> f64 {
    let r = (v * 1e9).round() / 1e9;
    if r.is_finite() { r } else { v }
}

/// A number in a piece of report text, read as the extractor reads a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// The level in its unit, or the growth rate in percent (2.5倍 of last year → 150).
    pub value: f64,
    /// A growth rate (增长5.5%, 下降3%, 是上年的2.5倍) rather than a level.
    pub growth: bool,
    /// The unit as written (亿元, 万人, %), empty for a growth rate in 倍.
    pub unit: String,
    pub qualifier: crate::model::Qualifier,
}

/// The numbers of a short piece of report text (a selection): levels and growth rates with
/// their units and qualifiers, in text order. Dates, codes and ranges are left out.
pub fn numbers_in(text: &str) -> Vec<Number> {
    let norm = text::Norm::new(text);
    sentence::selected_numbers(&norm.chars)
        .into_iter()
        .map(|s| Number {
            value: tidy(s.value),
            growth: s.growth,
            unit: s.unit,
            qualifier: s.qualifier,
        })
        .collect()
}

/// Every year written as `YYYY年` in a piece of text, in the schema's plausible range.
pub fn years_in(text: &str) -> Vec<i32> {
    let norm = text::Norm::new(text);
    text::years_in(&norm.chars, 0, norm.chars.len())
}
