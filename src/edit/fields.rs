//! The fields an edit can set, the edits themselves, and why one is refused: typed text read
//! as the field's type with the words `check` prints for the same value in a file.

use crate::i18n::{Texts, fill};
use crate::model::{self, Category, Indicator, Kind, Observation, Qualifier, Report, Rule};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndicatorField {
    NameZh,
    NameEn,
    UnitZh,
    UnitEn,
    Category,
    Headline,
    Comparable,
    NoteZh,
    NoteEn,
    Reviewed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObservationField {
    Year,
    Kind,
    Value,
    GrowthPct,
    Qualifier,
    Quote,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportField {
    TitleZh,
    TitleEn,
    RegionZh,
    RegionEn,
    ReviewYear,
    PlanYear,
}

impl IndicatorField {
    /// The field's name in the file.
    pub fn key(self) -> &'static str {
        match self {
            IndicatorField::NameZh => "name_zh",
            IndicatorField::NameEn => "name_en",
            IndicatorField::UnitZh => "unit_zh",
            IndicatorField::UnitEn => "unit_en",
            IndicatorField::Category => "category",
            IndicatorField::Headline => "headline",
            IndicatorField::Comparable => "comparable",
            IndicatorField::NoteZh => "note_zh",
            IndicatorField::NoteEn => "note_en",
            IndicatorField::Reviewed => "reviewed",
        }
    }

    /// The field as text, as an [`Edit`] gives it.
    pub fn get(self, indicator: &Indicator) -> String {
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        match self {
            IndicatorField::NameZh => indicator.name_zh.clone(),
            IndicatorField::NameEn => opt(&indicator.name_en),
            IndicatorField::UnitZh => indicator.unit_zh.clone(),
            IndicatorField::UnitEn => opt(&indicator.unit_en),
            IndicatorField::Category => indicator.category.key().to_owned(),
            IndicatorField::Headline => indicator.headline.to_string(),
            IndicatorField::Comparable => indicator.comparable.to_string(),
            IndicatorField::NoteZh => opt(&indicator.note_zh),
            IndicatorField::NoteEn => opt(&indicator.note_en),
            IndicatorField::Reviewed => indicator.reviewed.to_string(),
        }
    }
}

impl ObservationField {
    /// The field's name in the file.
    pub fn key(self) -> &'static str {
        match self {
            ObservationField::Year => "year",
            ObservationField::Kind => "kind",
            ObservationField::Value => "value",
            ObservationField::GrowthPct => "growth_pct",
            ObservationField::Qualifier => "qualifier",
            ObservationField::Quote => "quote",
        }
    }

    /// The field as text, as an [`Edit`] gives it ("" for no number).
    pub fn get(self, obs: &Observation) -> String {
        let number = |v: Option<f64>| v.map(model::format_number).unwrap_or_default();
        match self {
            ObservationField::Year => obs.year.to_string(),
            ObservationField::Kind => serde_name(&obs.kind),
            ObservationField::Value => number(obs.value),
            ObservationField::GrowthPct => number(obs.growth_pct),
            ObservationField::Qualifier => serde_name(&obs.qualifier),
            ObservationField::Quote => obs.quote.clone(),
        }
    }
}

impl ReportField {
    /// The field's name in the file.
    pub fn key(self) -> &'static str {
        match self {
            ReportField::TitleZh => "title_zh",
            ReportField::TitleEn => "title_en",
            ReportField::RegionZh => "region_zh",
            ReportField::RegionEn => "region_en",
            ReportField::ReviewYear => "review_year",
            ReportField::PlanYear => "plan_year",
        }
    }

    /// The field as text, as an [`Edit`] gives it ("" for none).
    pub fn get(self, report: &Report) -> String {
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
        match self {
            ReportField::TitleZh => report.title_zh.clone(),
            ReportField::TitleEn => opt(&report.title_en),
            ReportField::RegionZh => report.region_zh.clone(),
            ReportField::RegionEn => opt(&report.region_en),
            ReportField::ReviewYear => year(report.review_year),
            ReportField::PlanYear => year(report.plan_year),
        }
    }
}

/// The name serde gives a unit enum value (`at_least`).
fn serde_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Every change the editor can make; each committed edit is one undo step.
///
/// Field values are text as typed: booleans `true`/`false`, a category by its key, kind and
/// qualifier by their names in the file (`at_least`), and "" for no value, growth, English
/// name, note or year.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Indicator {
        indicator: usize,
        field: IndicatorField,
        value: String,
    },
    Observation {
        indicator: usize,
        observation: usize,
        field: ObservationField,
        value: String,
    },
    Report {
        field: ReportField,
        value: String,
    },
    DeleteIndicator {
        indicator: usize,
    },
    DeleteObservation {
        indicator: usize,
        observation: usize,
    },
    /// Moves `from`'s observations into `keep` and deletes `from`; where both have the same
    /// (year, kind), the ones listed in `take` come from `from`, the others stay. The merged
    /// indicator is reviewed only if both were.
    Merge {
        keep: usize,
        from: usize,
        take: Vec<(i32, Kind)>,
    },
    AddObservation {
        indicator: usize,
        observation: Observation,
    },
    /// Adds an indicator at the end. An empty id is replaced by a new unique one
    /// ([`Document::new_id`]).
    AddIndicator {
        indicator: Indicator,
    },
}

/// Why an edit was refused, with what its message needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// A rule of `check`.
    Rule(Rule),
    /// Typed text that is not of the field's type. `detail` is serde's English words, as
    /// `check` prints them for the same value in a file.
    NotANumber {
        text: String,
        detail: String,
    },
    NotAYear {
        text: String,
        detail: String,
    },
    NotTrueFalse {
        text: String,
        detail: String,
    },
    /// Not one of a list's choices (a category, kind or qualifier).
    NotAChoice {
        text: String,
        detail: String,
    },
    NoIndicator {
        n: usize,
        count: usize,
    },
    NoObservation {
        n: usize,
        count: usize,
    },
    MergeIntoItself,
    NothingUnderReview,
}

impl Refusal {
    pub fn message(&self, t: &Texts) -> String {
        let m = t.messages;
        let typed = |template: &str, text: &str, detail: &str| {
            fill(template, &[("text", &text), ("detail", &detail)])
        };
        match self {
            Refusal::Rule(rule) => rule.message(t),
            Refusal::NotANumber { text, detail } => typed(m.not_a_number, text, detail),
            Refusal::NotAYear { text, detail } => typed(m.not_a_year, text, detail),
            Refusal::NotTrueFalse { text, detail } => typed(m.not_true_false, text, detail),
            Refusal::NotAChoice { text, detail } => typed(m.not_a_choice, text, detail),
            Refusal::NoIndicator { n, count } => {
                fill(m.no_indicator, &[("n", n), ("count", count)])
            }
            Refusal::NoObservation { n, count } => {
                fill(m.no_observation, &[("n", n), ("count", count)])
            }
            Refusal::MergeIntoItself => m.merge_into_itself.to_owned(),
            Refusal::NothingUnderReview => m.nothing_under_review.to_owned(),
        }
    }
}

/// Why an edit was refused: the indicator, the field as `check` names it and why. In
/// English it reads as `check` prints it after the file name.
#[derive(Clone, Debug, PartialEq)]
pub struct EditError {
    /// The id of the indicator, or `None` for the report.
    pub indicator: Option<String>,
    /// `name_zh`, `observations[0].year`, `report.plan_year`.
    pub field: String,
    pub refusal: Refusal,
}

impl EditError {
    /// `indicator gdp: observations[0].value: …` (`指标 gdp：observations[0].value：…`).
    pub fn message(&self, t: &Texts) -> String {
        let mut out = String::new();
        if let Some(id) = &self.indicator {
            out.push_str(&fill(t.messages.place_indicator, &[("id", id)]));
            out.push_str(t.colon);
        }
        out.push_str(&self.field);
        out.push_str(t.colon);
        out.push_str(&self.refusal.message(t));
        out
    }

    /// A broken rule of `check`, at the field it names.
    pub(super) fn of_fault(indicator: Option<String>, fault: model::Fault) -> EditError {
        EditError {
            indicator,
            field: fault.path(),
            refusal: Refusal::Rule(fault.rule),
        }
    }
}

crate::i18n::display_in_english!(EditError);

/// serde's words for typed text read as a `T`, as `check` prints them for that value in a
/// file (`invalid type: string "abc", expected f64`, `unknown variant`).
fn serde_words<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned()))
        .map_err(|e| e.to_string())
}

fn parse_number(text: &str) -> Result<f64, Refusal> {
    let t = text.trim();
    t.parse::<f64>().map_err(|_| Refusal::NotANumber {
        text: t.to_owned(),
        detail: serde_words::<f64>(t).err().unwrap_or_default(),
    })
}

fn parse_year(text: &str) -> Result<i32, Refusal> {
    let t = text.trim();
    t.parse::<i32>().map_err(|_| Refusal::NotAYear {
        text: t.to_owned(),
        detail: serde_words::<i32>(t).err().unwrap_or_default(),
    })
}

fn parse_bool(text: &str) -> Result<bool, Refusal> {
    match text.trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        t => Err(Refusal::NotTrueFalse {
            text: t.to_owned(),
            detail: serde_words::<bool>(t).err().unwrap_or_default(),
        }),
    }
}

/// One of a list's values by its name in the file (`at_least`).
fn parse_choice<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Refusal> {
    serde_words::<T>(text).map_err(|detail| Refusal::NotAChoice {
        text: text.trim().to_owned(),
        detail,
    })
}

/// "" → `None`, else the trimmed text.
fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

fn optional_number(text: &str) -> Result<Option<f64>, Refusal> {
    let t = text.trim();
    if t.is_empty() {
        Ok(None)
    } else {
        parse_number(t).map(Some)
    }
}

/// Sets a field of an indicator from typed text.
pub(super) fn set_indicator(
    ind: &mut Indicator,
    field: IndicatorField,
    value: &str,
) -> Result<(), Refusal> {
    match field {
        IndicatorField::NameZh => ind.name_zh = value.trim().to_owned(),
        IndicatorField::NameEn => ind.name_en = optional(value),
        IndicatorField::UnitZh => ind.unit_zh = value.trim().to_owned(),
        IndicatorField::UnitEn => ind.unit_en = optional(value),
        IndicatorField::Category => ind.category = parse_choice::<Category>(value)?,
        IndicatorField::Headline => ind.headline = parse_bool(value)?,
        IndicatorField::Comparable => ind.comparable = parse_bool(value)?,
        IndicatorField::NoteZh => ind.note_zh = optional(value),
        IndicatorField::NoteEn => ind.note_en = optional(value),
        IndicatorField::Reviewed => ind.reviewed = parse_bool(value)?,
    }
    Ok(())
}

/// Sets a field of an observation from typed text.
pub(super) fn set_observation(
    obs: &mut Observation,
    field: ObservationField,
    value: &str,
) -> Result<(), Refusal> {
    match field {
        ObservationField::Year => obs.year = parse_year(value)?,
        ObservationField::Kind => obs.kind = parse_choice::<Kind>(value)?,
        ObservationField::Value => obs.value = optional_number(value)?,
        ObservationField::GrowthPct => {
            let value = value.trim().trim_end_matches(['%', '％']);
            obs.growth_pct = optional_number(value)?;
        }
        ObservationField::Qualifier => obs.qualifier = parse_choice::<Qualifier>(value)?,
        ObservationField::Quote => obs.quote = value.trim().to_owned(),
    }
    Ok(())
}

/// Sets a field of the report from typed text ("" for no year).
pub(super) fn set_report(
    report: &mut Report,
    field: ReportField,
    value: &str,
) -> Result<(), Refusal> {
    let year = |value: &str| -> Result<Option<i32>, Refusal> {
        match value.trim() {
            "" => Ok(None),
            t => parse_year(t).map(Some),
        }
    };
    match field {
        ReportField::TitleZh => report.title_zh = value.trim().to_owned(),
        ReportField::TitleEn => report.title_en = optional(value),
        ReportField::RegionZh => report.region_zh = value.trim().to_owned(),
        ReportField::RegionEn => report.region_en = optional(value),
        ReportField::ReviewYear => report.review_year = year(value)?,
        ReportField::PlanYear => report.plan_year = year(value)?,
    }
    Ok(())
}
