//! The dataset's types (schema 2, a superset of schema 1) and what they say of themselves.
//! `SCHEMA.md` describes every field.

use serde::{Deserialize, Serialize};

use super::read::{BUNDLED_JSON, BUNDLED_NAME, load_str};
use crate::i18n::Lang;

/// The schema every writer writes. Schema 1 files are still read: schema 2 only adds
/// optional fields.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema_version: u32,
    pub report: Report,
    pub indicators: Vec<Indicator>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub title_zh: String,
    #[serde(default)]
    pub title_en: Option<String>,
    pub region_zh: String,
    #[serde(default)]
    pub region_en: Option<String>,
    /// The report text the quotes are checked against, relative to the dataset file.
    #[serde(default)]
    pub source: Option<String>,
    /// Schema 2: the year the report reviews (its results) and the year it plans (its
    /// targets). When absent they are worked out from the observations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_year: Option<i32>,
    /// Schema 2: the file the report was read from, as the user had it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_format: Option<SourceFormat>,
    /// Schema 2: drafted by `extract` and not yet reviewed by a person. Cleared when every
    /// indicator is marked reviewed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub draft: bool,
    /// Schema 2: the level of government that made the report. Regions of different levels
    /// are never ranked together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
}

/// The level of government a report comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The State Council's report to the National People's Congress (region 全国).
    National,
    /// Provinces, autonomous regions and municipalities (省、自治区、直辖市).
    Province,
    /// Prefecture-level cities, 地区, 盟 and 自治州.
    Prefecture,
    /// Counties, districts and county-level cities.
    County,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::National,
        Level::Province,
        Level::Prefecture,
        Level::County,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::County => "county",
        }
    }
}

/// Why a drafted indicator needs a person's eye before it is trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// No standard name was found: the name is the sentence's subject phrase.
    UnclearName,
    /// A range whose bounds the report gives high to low (stored low–high).
    ReversedRange,
    /// A growth rate over 1000%, more likely a misread than a fact.
    ImplausibleGrowth,
}

/// How a report reached the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Txt,
    Html,
    Docx,
    Pdf,
    Paste,
}

/// A goal over several years (e.g. 用3—5年时间…): never drawn as the plan year's target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MultiYear {
    /// The report's own words for the horizon, e.g. "用3—5年时间".
    pub horizon: String,
    /// The last year of the horizon, when it can be told.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<i32>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name_zh: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub category: Category,
    pub unit_zh: String,
    #[serde(default)]
    pub unit_en: Option<String>,
    #[serde(default)]
    pub headline: bool,
    #[serde(default = "default_true")]
    pub comparable: bool,
    #[serde(default)]
    pub note_zh: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
    pub observations: Vec<Observation>,
    /// Schema 2: a person has checked this indicator against the report.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reviewed: bool,
    /// Schema 2: the targets are goals over several years, not the plan year's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_year: Option<MultiYear>,
    /// Schema 2: set by `extract` on what a person should look at first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
}

fn default_true() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub year: i32,
    pub kind: Kind,
    pub value: Option<f64>,
    pub growth_pct: Option<f64>,
    pub qualifier: Qualifier,
    pub quote: String,
    /// Schema 2: how a number that the quote does not state was worked out from it (a plan
    /// implied by "为年计划的118.8%", a share written 四成). Set means derived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
    /// Schema 2: the file this figure was read from, when reports were merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_file: Option<String>,
    /// Schema 2: the upper bound of a range (5000—5500亿元); `value` is then the lower.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_high: Option<f64>,
    /// Schema 2: the upper bound of a growth range (增长4.5%—5%); `growth_pct` the lower.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth_pct_high: Option<f64>,
    /// Schema 2: the change on the year before in the indicator's unit (比上年增加1.3万亿元),
    /// kept apart from the level it qualifies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Actual,
    Target,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    About,
    AtLeast,
    MoreThan,
    AtMost,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Economy,
    Fiscal,
    Innovation,
    Industry,
    Investment,
    Consumption,
    Tourism,
    Trade,
    Agriculture,
    Urban,
    Environment,
    Employment,
    Housing,
    Social,
    Safety,
}

impl Category {
    pub const ALL: [Category; 15] = [
        Category::Economy,
        Category::Fiscal,
        Category::Innovation,
        Category::Industry,
        Category::Investment,
        Category::Consumption,
        Category::Tourism,
        Category::Trade,
        Category::Agriculture,
        Category::Urban,
        Category::Environment,
        Category::Employment,
        Category::Housing,
        Category::Social,
        Category::Safety,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Category::Economy => "economy",
            Category::Fiscal => "fiscal",
            Category::Innovation => "innovation",
            Category::Industry => "industry",
            Category::Investment => "investment",
            Category::Consumption => "consumption",
            Category::Tourism => "tourism",
            Category::Trade => "trade",
            Category::Agriculture => "agriculture",
            Category::Urban => "urban",
            Category::Environment => "environment",
            Category::Employment => "employment",
            Category::Housing => "housing",
            Category::Social => "social",
            Category::Safety => "safety",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let n = Category::ALL.iter().position(|c| *c == self).unwrap_or(0);
        lang.texts().categories[n]
    }
}

impl Qualifier {
    /// The mark put before a number on labels: ≈6%, ≥5%.
    pub fn symbol(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "≈",
            Qualifier::AtLeast => "≥",
            Qualifier::MoreThan => ">",
            Qualifier::AtMost => "≤",
        }
    }

    pub fn words(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            Qualifier::Exact => t.qualifier_words[0],
            Qualifier::About => t.qualifier_words[1],
            Qualifier::AtLeast => t.qualifier_words[2],
            Qualifier::MoreThan => t.qualifier_words[3],
            Qualifier::AtMost => t.qualifier_words[4],
        }
    }
}

impl Kind {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Kind::Actual => lang.texts().actual,
            Kind::Target => lang.texts().target,
        }
    }
}

impl Indicator {
    /// An indicator with no observations yet, comparable, not headline, not reviewed, with
    /// no English names or notes.
    pub fn new(
        id: impl Into<String>,
        name_zh: impl Into<String>,
        category: Category,
        unit_zh: impl Into<String>,
    ) -> Indicator {
        Indicator {
            id: id.into(),
            name_zh: name_zh.into(),
            name_en: None,
            category,
            unit_zh: unit_zh.into(),
            unit_en: None,
            headline: false,
            comparable: true,
            note_zh: None,
            note_en: None,
            observations: Vec::new(),
            reviewed: false,
            multi_year: None,
            flags: Vec::new(),
        }
    }

    pub fn name(&self, lang: Lang) -> &str {
        pick_opt(lang, &self.name_zh, self.name_en.as_deref())
    }

    pub fn unit(&self, lang: Lang) -> &str {
        pick_opt(lang, &self.unit_zh, self.unit_en.as_deref())
    }

    pub fn note(&self, lang: Lang) -> Option<&str> {
        match (lang, self.note_zh.as_deref(), self.note_en.as_deref()) {
            (Lang::En, _, Some(en)) => Some(en),
            (_, zh, _) => zh,
        }
    }

    pub fn observation(&self, year: i32, kind: Kind) -> Option<&Observation> {
        self.observations
            .iter()
            .find(|o| o.year == year && o.kind == kind)
    }

    /// Whether the id, either name or the category matches a search (case-insensitive).
    pub fn matches(&self, query: &str) -> bool {
        let query = query.trim().to_lowercase();
        query.is_empty()
            || self.id.contains(&query)
            || self.name_zh.contains(&query)
            || self
                .name_en
                .as_deref()
                .is_some_and(|n| n.to_lowercase().contains(&query))
    }
}

impl Observation {
    /// A target with no number, such as 城乡居民收入增长与经济增长同步.
    pub fn is_qualitative(&self) -> bool {
        self.value.is_none() && self.growth_pct.is_none()
    }

    /// An observation of `year` and `kind` with nothing else set yet.
    pub fn new(year: i32, kind: Kind, quote: impl Into<String>) -> Observation {
        Observation {
            year,
            kind,
            value: None,
            growth_pct: None,
            qualifier: Qualifier::Exact,
            quote: quote.into(),
            derived: None,
            source_file: None,
            value_high: None,
            growth_pct_high: None,
            change: None,
        }
    }

    /// Whether the value or the growth is a range (low–high).
    pub fn is_range(&self) -> bool {
        self.value_high.is_some() || self.growth_pct_high.is_some()
    }

    /// The value with its qualifier mark, e.g. `≈5576.3`, or a range `5000–5500`.
    pub fn value_text(&self) -> Option<String> {
        self.value
            .map(|v| range_text(self.qualifier, v, self.value_high, ""))
    }

    /// The growth rate with its qualifier mark and sign, e.g. `≈6%`, `-30%` or `4.5–5%`.
    pub fn growth_text(&self) -> Option<String> {
        self.growth_pct
            .map(|g| range_text(self.qualifier, g, self.growth_pct_high, "%"))
    }

    /// Value and growth together, e.g. `5576.3 亿元 (+3.1%)` (no unit when `unit` is
    /// empty), `增长 ≈6%`, or the qualitative mark.
    pub fn summary(&self, unit: &str, lang: Lang) -> String {
        let t = lang.texts();
        let unit = if unit.is_empty() {
            String::new()
        } else {
            format!(" {unit}")
        };
        match (self.value_text(), self.growth_pct) {
            (Some(v), Some(g)) => format!("{v}{unit} ({}%)", format_signed(g)),
            (Some(v), None) => format!("{v}{unit}"),
            (None, Some(_)) => format!("{} {}", t.growth, self.growth_text().unwrap_or_default()),
            (None, None) => t.qualitative.to_owned(),
        }
    }
}

/// The shortest decimal form of a number, as reports write them: 6, 3.1, 5576.3.
pub fn format_number(v: f64) -> String {
    let rounded = (v * 1e6).round() / 1e6;
    if rounded == 0.0 {
        "0".to_owned()
    } else {
        format!("{rounded}")
    }
}

/// `≈6%`, `5000–5500`, `≈4.5–5%`: a number or a range with the qualifier's mark.
pub fn range_text(qualifier: Qualifier, low: f64, high: Option<f64>, suffix: &str) -> String {
    let mark = qualifier.symbol();
    match high {
        Some(h) => format!("{mark}{}–{}{suffix}", format_number(low), format_number(h)),
        None => format!("{mark}{}{suffix}", format_number(low)),
    }
}

pub fn format_signed(v: f64) -> String {
    if v > 0.0 {
        format!("+{}", format_number(v))
    } else {
        format_number(v)
    }
}

/// What a draft's `region_zh` says when no cue named the region: such a report is kept
/// apart from every other until the user names its region.
pub const UNKNOWN_REGIONS: [&str; 4] = ["", "未知", UNKNOWN_REGION, "未识别地区"];

/// `report.region_zh` of a draft whose region could not be told (`extract` writes it): a
/// person names it.
pub const UNKNOWN_REGION: &str = "未知地区";

impl Report {
    pub fn title(&self, lang: Lang) -> &str {
        pick_opt(lang, &self.title_zh, self.title_en.as_deref())
    }

    pub fn region(&self, lang: Lang) -> &str {
        pick_opt(lang, &self.region_zh, self.region_en.as_deref())
    }

    /// Whether the report names its region (rather than one of [`UNKNOWN_REGIONS`]).
    pub fn has_region(&self) -> bool {
        !UNKNOWN_REGIONS.contains(&self.region_zh.trim())
    }
}

fn pick_opt<'a>(lang: Lang, zh: &'a str, en: Option<&'a str>) -> &'a str {
    match (lang, en) {
        (Lang::En, Some(en)) if !en.is_empty() => en,
        _ => zh,
    }
}

impl Dataset {
    /// The bundled Harbin dataset. It is checked by the tests, so failure here is a build bug.
    pub fn bundled() -> Dataset {
        load_str(BUNDLED_NAME, BUNDLED_JSON).expect("the bundled dataset is valid")
    }

    /// The review year and the plan year: the report's own (schema 2), else the plan year
    /// is the latest single-year target and the review year the one before it.
    pub fn years(&self) -> (i32, i32) {
        let report = &self.report;
        if let (Some(review), Some(plan)) = (report.review_year, report.plan_year) {
            return (review, plan);
        }
        let single_year = || self.indicators.iter().filter(|i| i.multi_year.is_none());
        let plan = report
            .plan_year
            .or_else(|| report.review_year.map(|y| y.saturating_add(1)))
            .or_else(|| {
                single_year()
                    .flat_map(|i| &i.observations)
                    .filter(|o| o.kind == Kind::Target)
                    .map(|o| o.year)
                    .max()
            })
            .or_else(|| {
                single_year()
                    .flat_map(|i| &i.observations)
                    .map(|o| o.year.saturating_add(1))
                    .max()
            })
            .unwrap_or(2024);
        (plan.saturating_sub(1), plan)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Every observation's quote, indicator by indicator.
    pub fn quotes(&self) -> impl Iterator<Item = &str> {
        self.indicators
            .iter()
            .flat_map(|i| &i.observations)
            .map(|o| o.quote.as_str())
    }

    pub fn observation_count(&self) -> usize {
        self.indicators.iter().map(|i| i.observations.len()).sum()
    }

    /// How many indicators are flagged for review, and how many of those for an unclear name.
    pub fn flagged_count(&self) -> (usize, usize) {
        let flagged = self.indicators.iter().filter(|i| !i.flags.is_empty());
        let unclear = flagged
            .clone()
            .filter(|i| i.flags.contains(&Flag::UnclearName))
            .count();
        (flagged.count(), unclear)
    }
}
