//! Drafting a schema-1 dataset from the text of any government work report.
//!
//! bytes → [`decode`] → normalized characters (full-width digits and signs folded so parsing
//! sees one alphabet; quotes are still cut from the original text) → layout (the review and
//! plan parts, their years, the 主要预期目标 passage) → sentences → number tokens →
//! observation drafts with names → indicators, joined by name across the two years.
//!
//! The result is a draft for a person to correct: every observation carries its clause, and
//! the names, units and categories are guesses from the report's words.

mod canonical;
mod divisions;
mod group;
mod header;
mod layout;
mod names;
mod period;
pub mod region;
mod scan;
mod sentence;
mod text;
mod words;

pub use crate::text_util::decode;
pub(crate) use crate::text_util::in_parallel;

use crate::model::{
    Category, Dataset, Flag, Indicator, Observation, Report, SCHEMA_VERSION, UNKNOWN_REGION,
};
pub use crate::text_util::DecodeError;
use sentence::Draft;

/// Why no dataset could be drafted.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// Empty, too large, or not text.
    #[error(transparent)]
    Decode(#[from] DecodeError),
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
        return Err(DecodeError::Empty.into());
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
    let (region_zh, level) = match &overrides.region {
        Some(region) => (region.clone(), region::level_of(region)),
        None => region::detect_in(&norm.chars)
            .map_or_else(|| (UNKNOWN_REGION.to_owned(), None), |r| (r.name, r.level)),
    };
    let title_zh = title(&norm.chars, &region_zh, layout.plan, overrides);
    Ok(Dataset {
        schema_version: SCHEMA_VERSION,
        report: Report {
            title_zh,
            title_en: None,
            region_en: region::english_name(&region_zh).map(str::to_owned),
            region_zh,
            source: (!source.is_empty()).then(|| source.to_owned()),
            review_year: Some(layout.plan - 1),
            plan_year: Some(layout.plan),
            source_file: None,
            source_format: None,
            draft: true,
            level,
        },
        indicators: group::indicators(drafts, &norm, level),
    })
}

/// The report's title as its text gives it; a title made of the region and plan year when
/// the text has none, or when the user named the region or year and the text's title does
/// not say them.
fn title(chars: &[char], region_zh: &str, plan: i32, overrides: &Overrides) -> String {
    let given = header::title(chars).filter(|t| {
        overrides
            .region
            .as_ref()
            .is_none_or(|r| t.contains(r.as_str()))
            && overrides
                .plan_year
                .is_none_or(|y| t.contains(&format!("{y}年")))
    });
    match given {
        Some(title) => title,
        None if region_zh == UNKNOWN_REGION => format!("{plan}年政府工作报告"),
        None => format!("{plan}年{region_zh}政府工作报告"),
    }
}

/// Indicator number `n` (from 1), from its group: its observations with their ranges and
/// changes, a figure over several years marked so, and what a person should check flagged.
fn indicator(g: group::Group, n: usize, width: usize, norm: &text::Norm) -> Indicator {
    let multi_year = g.drafts.iter().find_map(|d| d.multi_year.clone());
    let mut flags = Vec::new();
    if g.drafts.iter().any(|d| d.reversed) {
        flags.push(Flag::ReversedRange);
    }
    // Kept and flagged: more likely a misread than a fact, but never dropped silently.
    let implausible = |d: &Draft| {
        [d.growth, d.growth_high]
            .iter()
            .flatten()
            .any(|g| *g > 1000.0)
    };
    if g.drafts.iter().any(implausible) {
        flags.push(Flag::ImplausibleGrowth);
    }
    let mut observations: Vec<Observation> = g
        .drafts
        .iter()
        .map(|d| {
            let mut o =
                Observation::new(d.year, d.kind, norm.original(d.quote.0, d.quote.1).trim());
            o.value = d.value;
            o.value_high = d.value_high;
            o.growth_pct = d.growth.map(tidy);
            o.growth_pct_high = d.growth_high.map(tidy);
            o.change = d.change.map(tidy);
            o.qualifier = d.qualifier;
            o
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
    indicator.multi_year = multi_year;
    indicator.flags = flags;
    indicator
}

/// The category `extract` would give an indicator of this name and quote: a guess for an
/// indicator a person adds from the report text.
pub fn category_of(name: &str, quote: &str) -> Category {
    names::category(name, quote, "")
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
