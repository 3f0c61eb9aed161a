//! The dataset format (schema 2, a superset of schema 1): types, loading and validation.
//! `SCHEMA.md` describes every field.
//!
//! Loading never panics and reports every problem it can find at once, each with the file
//! and the place (line and column, plus the indicator id for problems of meaning).

use std::collections::HashMap;
use std::fmt;
use std::io::Read as _;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::i18n::Lang;

/// The schema every writer writes. Schema 1 files are still read: schema 2 only adds
/// optional fields.
pub const SCHEMA_VERSION: u32 = 2;
/// The schema versions the loader accepts.
pub const READ_SCHEMAS: [u32; 2] = [1, 2];

/// Years a report's figures may have.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The curated Harbin dataset, compiled in so the binary works from any directory.
pub const BUNDLED_JSON: &str = include_str!("../assets/indicators.json");
pub const BUNDLED_NAME: &str = "assets/indicators.json";
/// The report text of the bundled dataset, compiled in beside it so that its quotes can be
/// shown and checked from an installed binary.
pub const BUNDLED_TEXT: &str = include_str!("../seeds/harbin-2024-government-work-report.txt");

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
pub const UNKNOWN_REGIONS: [&str; 4] = ["", "未知", crate::extract::UNKNOWN_REGION, "未识别地区"];

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
}

/// One thing wrong with an input file, with as much of its place as is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub indicator: Option<String>,
    pub message: String,
}

/// Everything wrong with one file. Displayed as one `FILE:LINE:COLUMN: …` line per problem.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, p) in self.problems.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            write!(f, "{}", self.file)?;
            if let Some(line) = p.line {
                write!(f, ":{line}:{}", p.column.unwrap_or(1))?;
            }
            if let Some(id) = &p.indicator {
                write!(f, ": indicator {id}")?;
            }
            write!(f, ": {}", p.message)?;
        }
        Ok(())
    }
}

impl LoadError {
    /// One problem at a byte offset of the file's text.
    fn at(file: &str, text: &str, offset: usize, message: &str) -> LoadError {
        let (line, column) = line_column(text, offset);
        LoadError {
            file: file.to_owned(),
            problems: vec![Problem {
                line: Some(line),
                column: Some(column),
                indicator: None,
                message: message.to_owned(),
            }],
        }
    }

    /// Faults found in a loaded dataset, named by indicator id and field (no line: the
    /// dataset is no longer text).
    pub fn of_faults(file: &str, data: &Dataset, faults: Vec<Fault>) -> LoadError {
        LoadError {
            file: file.to_owned(),
            problems: faults
                .into_iter()
                .map(|f| Problem {
                    line: None,
                    column: None,
                    indicator: f
                        .indicator
                        .and_then(|n| data.indicators.get(n))
                        .map(|i| i.id.clone()),
                    message: f.to_string(),
                })
                .collect(),
        }
    }

    /// A problem with the file as a whole, with no line to point at.
    pub fn whole_file(file: &str, message: String) -> LoadError {
        LoadError {
            file: file.to_owned(),
            problems: vec![Problem {
                line: None,
                column: None,
                indicator: None,
                message,
            }],
        }
    }
}

/// Reads and validates a dataset file. The size is checked before the file is read.
pub fn load_path(path: &Path) -> Result<Dataset, LoadError> {
    let bytes = read_limited(path)?;
    load_bytes(&path.display().to_string(), &bytes)
}

/// Reads a whole file, refusing anything that is not a regular file (a directory, a FIFO,
/// a device, a socket) and anything over [`MAX_FILE_BYTES`], before reading a byte.
///
/// Every file the app reads goes through here. The file is opened first and the opened
/// handle is checked, so nothing can swap the file in between; it is opened non-blocking,
/// because opening a FIFO for reading otherwise waits for a writer forever.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let file = path.display().to_string();
    let fail = |what: &str, e: std::io::Error| LoadError::whole_file(&file, format!("{what}: {e}"));
    let handle = match open_nonblocking(path) {
        Ok(handle) => handle,
        Err(e) => {
            // A socket cannot be opened at all (and a directory not on every system):
            // say what it is rather than the system's "no such device".
            return Err(match std::fs::metadata(path) {
                Ok(meta) if !meta.is_file() => not_regular(&file, meta.file_type()),
                _ => fail("cannot open", e),
            });
        }
    };
    let meta = handle.metadata().map_err(|e| fail("cannot read", e))?;
    if !meta.is_file() {
        return Err(not_regular(&file, meta.file_type()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(&file, meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    handle
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail("cannot read", e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(&file, bytes.len() as u64));
    }
    Ok(bytes)
}

fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Reading a regular file never blocks, so the flag changes nothing for one.
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
}

fn not_regular(file: &str, kind: std::fs::FileType) -> LoadError {
    let what = if kind.is_dir() {
        "a directory"
    } else {
        special_file_kind(kind)
    };
    LoadError::whole_file(file, format!("not a regular file ({what})"))
}

#[cfg(unix)]
fn special_file_kind(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_file_kind(_: std::fs::FileType) -> &'static str {
    "a special file"
}

fn too_large(file: &str, size: u64) -> LoadError {
    LoadError::whole_file(
        file,
        format!(
            "file is {size} bytes, over the limit of {MAX_FILE_BYTES} bytes ({} MiB)",
            MAX_FILE_BYTES >> 20
        ),
    )
}

/// Decodes and validates a dataset held in memory; `file` names it in errors.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Dataset, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(file, bytes.len() as u64));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::whole_file(
            file,
            "file is UTF-16; save it as UTF-8".into(),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The valid prefix is UTF-8 by construction.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            return Err(LoadError::at(
                file,
                prefix,
                prefix.len(),
                "not valid UTF-8 text (a dataset must be UTF-8 JSON)",
            ));
        }
    };
    load_str(file, text)
}

/// The top level, with each indicator kept as raw text so that one bad indicator does not
/// hide the problems of the others.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset<'a> {
    schema_version: u32,
    #[serde(borrow)]
    report: &'a RawValue,
    #[serde(borrow)]
    indicators: Vec<&'a RawValue>,
}

/// A problem found while loading, placed by byte offset. Offsets become lines and columns
/// in one pass over the text at the end, so loading stays linear in the size of the file
/// however many indicators or problems it has.
struct Found {
    at: Option<usize>,
    indicator: Option<String>,
    message: String,
    /// A duplicate id: where the first indicator with that id starts.
    first_use: Option<usize>,
}

impl Found {
    fn whole(message: String) -> Found {
        Found {
            at: None,
            indicator: None,
            message,
            first_use: None,
        }
    }
}

/// Parses and validates dataset text; `file` names it in errors.
pub fn load_str(file: &str, text: &str) -> Result<Dataset, LoadError> {
    let start = text.len() - text.trim_start().len();
    if !text[start..].is_empty() && !text[start..].starts_with('{') {
        return Err(LoadError::at(
            file,
            text,
            start,
            "the top level must be a JSON object with schema_version, report and indicators",
        ));
    }
    let mut found = Vec::new();
    let raw: RawDataset = match serde_json::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            found.push(json_problem(text, 0, &e));
            return Err(place(file, text, found));
        }
    };
    if !READ_SCHEMAS.contains(&raw.schema_version) {
        found.push(Found::whole(format!(
            "schema_version is {}, but this app reads schemas 1 and 2",
            raw.schema_version
        )));
    }
    let report = parse_part::<Report>(text, raw.report, &mut found);
    let mut indicators = Vec::with_capacity(raw.indicators.len());
    let mut starts = Vec::with_capacity(raw.indicators.len());
    for part in &raw.indicators {
        if let Some(indicator) = parse_part::<Indicator>(text, part, &mut found) {
            starts.push(offset_in(text, part));
            indicators.push(indicator);
        }
    }
    check_dataset(report.as_ref(), &indicators, &starts, &mut found);
    match report {
        // Schema 2 is a superset: a schema 1 file is held (and written back) as schema 2.
        Some(report) if found.is_empty() => Ok(Dataset {
            schema_version: SCHEMA_VERSION,
            report,
            indicators,
        }),
        _ => Err(place(file, text, found)),
    }
}

/// Turns offsets into lines and columns, problems of the whole file first, then in the
/// order of the text.
fn place(file: &str, text: &str, found: Vec<Found>) -> LoadError {
    let offsets: Vec<usize> = found
        .iter()
        .flat_map(|f| f.at.into_iter().chain(f.first_use))
        .collect();
    let mut places = line_columns(text, &offsets).into_iter();
    let mut problems: Vec<Problem> = found
        .into_iter()
        .map(|f| {
            let (line, column) = f.at.and_then(|_| places.next()).unzip();
            let mut message = f.message;
            if let Some((first_line, _)) = f.first_use.and_then(|_| places.next()) {
                message.push_str(&format!(" (first used on line {first_line})"));
            }
            Problem {
                line,
                column,
                indicator: f.indicator,
                message,
            }
        })
        .collect();
    problems.sort_by_key(|p| (p.line.is_some(), p.line, p.column));
    LoadError {
        file: file.to_owned(),
        problems,
    }
}

fn parse_part<T: serde::de::DeserializeOwned>(
    text: &str,
    part: &RawValue,
    found: &mut Vec<Found>,
) -> Option<T> {
    serde_json::from_str(part.get())
        .map_err(|e| found.push(json_problem(text, offset_in(text, part), &e)))
        .ok()
}

/// Byte offset of a borrowed raw value inside the text it was parsed from.
fn offset_in(text: &str, part: &RawValue) -> usize {
    (part.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// A serde_json error in a slice starting at `base`, placed in the whole text.
fn json_problem(text: &str, base: usize, e: &serde_json::Error) -> Found {
    let slice = &text[base..];
    // serde_json counts lines from 1 and columns in bytes from 1 (0 right after a newline).
    let line_start: usize = slice
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let at = (base + line_start + e.column().saturating_sub(1)).min(text.len());
    let message = e.to_string();
    let message = match message.rsplit_once(" at line ") {
        Some((head, _)) => head.to_owned(),
        None => message,
    };
    Found {
        at: Some(at),
        indicator: None,
        message,
        first_use: None,
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    line_columns(text, &[offset])[0]
}

/// 1-based lines and columns (in characters) of byte offsets, in the order given, in one
/// pass over the text. An offset inside a character counts as that character.
fn line_columns(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&n| offsets[n]);
    let mut out = vec![(1, 1); offsets.len()];
    let (mut pos, mut line, mut column) = (0, 1, 1);
    for n in order {
        let mut to = offsets[n].min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let span = &text[pos..to];
        match span.rfind('\n') {
            Some(last) => {
                line += span.bytes().filter(|&b| b == b'\n').count();
                column = span[last + 1..].chars().count() + 1;
            }
            None => column += span.chars().count(),
        }
        pos = to;
        out[n] = (line, column);
    }
    out
}

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

/// The faults of a file being loaded, placed at the start of their indicator.
fn check_dataset(
    report: Option<&Report>,
    indicators: &[Indicator],
    starts: &[usize],
    found: &mut Vec<Found>,
) {
    if let Some(report) = report {
        found.extend(
            report_faults(report)
                .into_iter()
                .map(|f| Found::whole(f.to_string())),
        );
    }
    for (n, (indicator, &start)) in indicators.iter().zip(starts).enumerate() {
        found.extend(indicator_faults(n, indicator).into_iter().map(|f| Found {
            at: Some(start),
            indicator: Some(indicator.id.clone()),
            message: f.to_string(),
            first_use: None,
        }));
    }
    for (n, first) in duplicate_ids(indicators.iter().map(|i| i.id.as_str())) {
        found.push(Found {
            at: starts.get(n).copied(),
            indicator: indicators.get(n).map(|i| i.id.clone()),
            message: duplicate_id_fault(n).to_string(),
            first_use: starts.get(first).copied(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_errors_inside_indicators_in_the_whole_file() {
        let text = "{\"schema_version\": 1,\n \"report\": {\"title_zh\": \"t\", \"region_zh\": \"r\"},\n \"indicators\": [\n  {\"id\": \"a\", \"name_zh\": \"甲\", \"category\": \"economy\", \"unit_zh\": \"%\",\n   \"observations\": [{\"year\": \"2023\"}]}\n ]}";
        let err = load_str("x.json", text).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        let p = &err.problems[0];
        assert_eq!((p.line, p.column), (Some(5), Some(35)), "{err}");
        assert!(p.message.contains("invalid type"), "{err}");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\n地区x", 9), (2, 3));
        assert_eq!(line_column("ab\n地区x", 8), (2, 2));
        assert_eq!(line_column("", 0), (1, 1));
    }
}
