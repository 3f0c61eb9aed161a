//! The review of a dataset, without the window: the dataset, its report text and where each
//! quote is in it, edits checked with the rules of `gwr-charts check`, undo and redo, and
//! saving. The review mode of the app (`app::review`) draws this and sends it [`Edit`]s.
//!
//! Every committed edit is one undo step, kept as the indicators and report it replaced (not
//! a copy of the whole dataset), so a long review of a large draft stays small.

pub mod autosave;
pub mod source;

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::files;
use crate::model::{
    self, Category, Dataset, Fault, Indicator, Kind, LoadError, Observation, Qualifier, Report,
};
use source::QuoteIndex;
pub use source::{SourceText, TextMissing};

/// One quote found in the text: byte range, and whose quote it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub range: Range<usize>,
    pub indicator: usize,
    pub observation: usize,
}

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

/// Why an edit was refused: the indicator, the field as `check` names it and `check`'s
/// message. Displayed as `check` prints it after the file name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct EditError {
    /// The id of the indicator, or `None` for the report.
    pub indicator: Option<String>,
    /// `name_zh`, `observations[0].year`, `report.plan_year`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(id) = &self.indicator {
            write!(f, "indicator {id}: ")?;
        }
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Why a save failed; nothing was written (the old file, if any, is untouched).
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot write: {error}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    pub error: std::io::Error,
}

/// Indicators `at..at + remove` replaced by `insert`.
#[derive(Clone, Debug)]
struct Splice {
    at: usize,
    remove: usize,
    insert: Vec<Indicator>,
}

/// What one edit changes: the report, and indicators replaced in order. Applying one gives
/// back the change that undoes it.
#[derive(Clone, Debug, Default)]
struct Change {
    report: Option<Report>,
    splices: Vec<Splice>,
}

impl Change {
    fn replace(at: usize, indicator: Indicator) -> Change {
        Change {
            report: None,
            splices: vec![Splice {
                at,
                remove: 1,
                insert: vec![indicator],
            }],
        }
    }

    /// Makes the change; returns its inverse. `report.source` is left as it is: no edit
    /// changes it, and a save may have moved it since the change was recorded.
    fn apply(self, data: &mut Dataset) -> Change {
        let report = self.report.map(|mut r| {
            r.source.clone_from(&data.report.source);
            std::mem::replace(&mut data.report, r)
        });
        let mut undo = Vec::with_capacity(self.splices.len());
        for s in self.splices {
            let inserted = s.insert.len();
            let removed: Vec<Indicator> = data
                .indicators
                .splice(s.at..s.at + s.remove, s.insert)
                .collect();
            undo.push(Splice {
                at: s.at,
                remove: inserted,
                insert: removed,
            });
        }
        undo.reverse();
        Change {
            report,
            splices: undo,
        }
    }
}

/// The dataset under review, its report text, and its history.
pub struct Document {
    data: Dataset,
    path: Option<PathBuf>,
    text: Result<SourceText, TextMissing>,
    index: Option<QuoteIndex>,
    /// The file `report.source` points at (found or not), so a save elsewhere can point at
    /// it again; `None` when the text came from no file (bundled, pasted, a converted
    /// report), which a save then writes beside the dataset.
    source_file: Option<PathBuf>,
    /// Where each quote is: filled at open, then one search per new quote.
    found: HashMap<String, Option<Range<usize>>>,
    highlights: Vec<Highlight>,
    /// The longest highlight, in bytes: bounds the search of [`Document::highlights_in`].
    longest: usize,
    undo: Vec<(Change, u64)>,
    redo: Vec<(Change, u64)>,
    /// Each state of the dataset has its own number; dirty is "not the saved number".
    version: u64,
    next_version: u64,
    saved_version: Option<u64>,
}

impl Document {
    /// A dataset with its report text (or why there is none). `path` is the file it was
    /// read from, if any. It is not dirty: dirty means edited since opened or saved (a draft
    /// with no path still needs Save as…, which `path() == None` tells).
    pub fn new(
        data: Dataset,
        path: Option<PathBuf>,
        text: Result<SourceText, TextMissing>,
    ) -> Document {
        let index = text.as_ref().ok().map(|t| QuoteIndex::new(&t.text));
        let mut doc = Document {
            data,
            saved_version: Some(0),
            path,
            text,
            index,
            source_file: None,
            found: HashMap::new(),
            highlights: Vec::new(),
            longest: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            version: 0,
            next_version: 1,
        };
        if let Some(index) = &doc.index {
            let quotes: Vec<&str> = doc.data.quotes().collect();
            doc.found = index
                .find_all(&quotes)
                .into_iter()
                .map(|(q, r)| (q.to_owned(), r))
                .collect();
        }
        doc.update_highlights();
        doc
    }

    /// A dataset file with its report text found via `report.source` (relative to the file).
    pub fn open(path: &Path) -> Result<Document, LoadError> {
        model::load_path(path).map(|data| Document::of_file(data, path))
    }

    /// A dataset read from `path`, with the text its `report.source` names.
    fn of_file(data: Dataset, path: &Path) -> Document {
        let text = source::read_source(path, &data.report);
        let source_file = match &text {
            Ok((_, file)) => Some(file.clone()),
            Err(_) => source::source_path(path, &data.report),
        };
        let mut doc = Document::new(data, Some(path.to_owned()), text.map(|(t, _)| t));
        doc.source_file = source_file;
        doc
    }

    /// Any file the app opens: a dataset (as [`Document::open`]), or a report (.txt, .html,
    /// .docx, .pdf) drafted by `extract`, with the normalized text its quotes were cut from.
    /// A draft has no path yet: it is unsaved until saved under a name.
    pub fn open_any(path: &Path) -> Result<Document, LoadError> {
        let (opened, text) =
            crate::open::open_path_with_text(path, &crate::extract::Overrides::default())?;
        match text {
            Some(text) => {
                let text = SourceText::new(text, path.display().to_string());
                Ok(Document::new(opened.data, None, Ok(text)))
            }
            None => Ok(Document::of_file(opened.data, path)),
        }
    }

    /// A draft of report text pasted from the clipboard; `name` is what the window calls it.
    pub fn from_pasted(text: &str, name: &str) -> Result<Document, LoadError> {
        let opened = crate::open::open_text(text, name)?;
        let text = SourceText::new(crate::formats::read_text(text), name);
        Ok(Document::new(opened.data, None, Ok(text)))
    }

    /// The bundled Harbin dataset with its compiled-in text. It has no path: saving it needs
    /// a name, and the text is then written beside it.
    pub fn bundled() -> Document {
        let text = SourceText::new(crate::formats::read_text(model::BUNDLED_TEXT), "bundled");
        Document::new(Dataset::bundled(), None, Ok(text))
    }

    pub fn data(&self) -> &Dataset {
        &self.data
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn text(&self) -> Result<&SourceText, &TextMissing> {
        self.text.as_ref()
    }

    /// Sorted by start; recomputed once per committed edit, never per frame.
    pub fn highlights(&self) -> &[Highlight] {
        &self.highlights
    }

    /// The highlights that overlap a byte range of the text (a visible paragraph), found by
    /// binary search.
    pub fn highlights_in(&self, range: Range<usize>) -> impl Iterator<Item = &Highlight> {
        let first = self
            .highlights
            .partition_point(|h| h.range.start + self.longest <= range.start);
        let end = self
            .highlights
            .partition_point(|h| h.range.start < range.end);
        self.highlights[first..end.max(first)]
            .iter()
            .filter(move |h| h.range.end > range.start)
    }

    /// The highlight under a byte offset of the text (a click), the shortest if several.
    pub fn highlight_at(&self, byte: usize) -> Option<&Highlight> {
        self.highlights_in(byte..byte + 1)
            .filter(|h| h.range.contains(&byte))
            .min_by_key(|h| h.range.len())
    }

    /// Where an observation's quote is in the text (to scroll to it).
    pub fn quote_range(&self, indicator: usize, observation: usize) -> Option<Range<usize>> {
        let quote = &self
            .data
            .indicators
            .get(indicator)?
            .observations
            .get(observation)?
            .quote;
        self.found.get(quote.as_str()).cloned().flatten()
    }

    /// Checks an edit without making it (as-you-type validation).
    pub fn check(&self, edit: &Edit) -> Result<(), EditError> {
        self.change_for(edit).map(|_| ())
    }

    /// Makes an edit if `check` passes; otherwise nothing changes.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let change = self.change_for(&edit)?;
        let undo = change.apply(&mut self.data);
        self.undo.push((undo, self.version));
        self.redo.clear();
        self.version = self.next_version;
        self.next_version += 1;
        self.after_change();
        Ok(())
    }

    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, back: bool) -> bool {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some((change, version)) = from.pop() else {
            return false;
        };
        let inverse = change.apply(&mut self.data);
        to.push((inverse, self.version));
        self.version = version;
        self.after_change();
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// A number for the dataset's current state: it changes with every edit, undo and redo
    /// (and comes back with an undo), so the window can rebuild charts or autosave only when
    /// something changed.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Edits since the last save (or open); an undo back to the saved state is clean.
    pub fn is_dirty(&self) -> bool {
        self.saved_version != Some(self.version)
    }

    /// (reviewed, total)
    pub fn reviewed(&self) -> (usize, usize) {
        let total = self.data.indicators.len();
        let reviewed = self.data.indicators.iter().filter(|i| i.reviewed).count();
        (reviewed, total)
    }

    /// Every broken rule `gwr-charts check` would report, the quote rule included when the
    /// text is at hand.
    pub fn faults(&self) -> Vec<Fault> {
        let mut out = model::faults(&self.data);
        if let Some(index) = &self.index {
            out.extend(source::quote_faults(&self.data, index, self.source_name()));
        }
        out
    }

    /// The text as quote messages name it: as `report.source` says (as `check` does), else
    /// where it came from ("bundled", a path).
    fn source_name(&self) -> &str {
        match (&self.data.report.source, &self.text) {
            (Some(source), _) if !source.trim().is_empty() => source,
            (_, Ok(text)) => &text.origin,
            _ => "",
        }
    }

    /// `check` passes (incl. quotes in text) and every indicator is reviewed.
    pub fn is_clean(&self) -> bool {
        let (reviewed, total) = self.reviewed();
        reviewed == total && self.faults().is_empty()
    }

    /// The (year, kind) pairs both indicators have: merging must be told which to keep.
    pub fn merge_clashes(&self, keep: usize, from: usize) -> Vec<(i32, Kind)> {
        let (Some(a), Some(b)) = (
            self.data.indicators.get(keep),
            self.data.indicators.get(from),
        ) else {
            return Vec::new();
        };
        a.observations
            .iter()
            .map(|o| (o.year, o.kind))
            .filter(|&(year, kind)| b.observation(year, kind).is_some())
            .collect()
    }

    /// An id no indicator has: from the English name (`gross_regional_product`), else
    /// `ind_NNN` with the next free number.
    pub fn new_id(&self, name_en: Option<&str>) -> String {
        let taken = |id: &str| self.data.indicators.iter().any(|i| i.id == id);
        let slug: String = name_en
            .unwrap_or_default()
            .to_ascii_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("_");
        if !slug.is_empty() && !slug.starts_with(|c: char| c.is_ascii_digit()) && !taken(&slug) {
            return slug;
        }
        (self.data.indicators.len() + 1..)
            .map(|n| format!("ind_{n:03}"))
            .find(|id| !taken(id))
            .unwrap_or_default()
    }

    /// Writes schema-2 JSON atomically, clears dirty, remembers the path; the report.source
    /// written points at the text relative to the new path. A text that came from no file
    /// (bundled, pasted, converted from HTML, Word or PDF) is written beside the dataset
    /// first, as `NAME.source.txt`, the way `extract --out` does.
    pub fn save(&mut self, path: &Path) -> Result<(), SaveError> {
        let fail = |path: &Path, error| SaveError {
            path: path.to_owned(),
            error,
        };
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut source_file = self.source_file.clone();
        if source_file.is_none()
            && let Ok(text) = &self.text
        {
            let copy = path.with_extension("source.txt");
            files::write_atomic(&copy, text.text.as_bytes()).map_err(|e| fail(&copy, e))?;
            source_file = Some(copy);
        }
        let mut data = self.data.clone();
        data.schema_version = model::SCHEMA_VERSION;
        if let Some(file) = &source_file {
            data.report.source = Some(
                source::relative_path(dir, file).unwrap_or_else(|| file.display().to_string()),
            );
        }
        let mut json = serde_json::to_string_pretty(&data).map_err(|e| fail(path, e.into()))?;
        json.push('\n');
        files::write_atomic(path, json.as_bytes()).map_err(|e| fail(path, e))?;
        self.data.report.source = data.report.source;
        self.data.schema_version = data.schema_version;
        self.source_file = source_file;
        self.path = Some(path.to_owned());
        self.saved_version = Some(self.version);
        Ok(())
    }

    /// After the dataset changed: the highlights, searching only quotes not seen before.
    fn after_change(&mut self) {
        if let Some(index) = &self.index {
            for quote in self.data.quotes() {
                if !self.found.contains_key(quote) {
                    self.found.insert(quote.to_owned(), index.find(quote));
                }
            }
        }
        self.update_highlights();
    }

    fn update_highlights(&mut self) {
        let mut out = Vec::new();
        for (i, ind) in self.data.indicators.iter().enumerate() {
            for (o, obs) in ind.observations.iter().enumerate() {
                if let Some(Some(range)) = self.found.get(obs.quote.as_str()) {
                    out.push(Highlight {
                        range: range.clone(),
                        indicator: i,
                        observation: o,
                    });
                }
            }
        }
        out.sort_by_key(|h| (h.range.start, h.range.end));
        self.longest = out.iter().map(|h| h.range.len()).max().unwrap_or(0);
        self.highlights = out;
    }

    fn indicator(&self, n: usize) -> Result<&Indicator, EditError> {
        self.data.indicators.get(n).ok_or_else(|| EditError {
            indicator: None,
            field: "indicators".into(),
            message: format!(
                "there is no indicator {n} (the dataset has {})",
                self.data.indicators.len()
            ),
        })
    }

    fn observation(&self, n: usize, o: usize) -> Result<&Observation, EditError> {
        let ind = self.indicator(n)?;
        ind.observations.get(o).ok_or_else(|| EditError {
            indicator: Some(ind.id.clone()),
            field: "observations".into(),
            message: format!(
                "there is no observation {o} (it has {})",
                ind.observations.len()
            ),
        })
    }

    /// The change an edit makes, if it breaks no rule that the dataset did not already break.
    fn change_for(&self, edit: &Edit) -> Result<Change, EditError> {
        let mut change = match edit {
            Edit::Report { field, value } => {
                let mut report = self.data.report.clone();
                set_report(&mut report, *field, value)?;
                let before = model::report_faults(&self.data.report);
                if let Some(fault) = model::report_faults(&report)
                    .into_iter()
                    .find(|f| !before.contains(f))
                {
                    return Err(EditError {
                        indicator: None,
                        field: fault.path(),
                        message: fault.message,
                    });
                }
                Change {
                    report: Some(report),
                    splices: Vec::new(),
                }
            }
            Edit::Indicator {
                indicator,
                field,
                value,
            } => {
                let mut ind = self.indicator(*indicator)?.clone();
                set_indicator(&mut ind, *field, value)
                    .map_err(|e| self.field_error(*indicator, e))?;
                Change::replace(*indicator, ind)
            }
            Edit::Observation {
                indicator,
                observation,
                field,
                value,
            } => {
                let mut obs = self.observation(*indicator, *observation)?.clone();
                set_observation(&mut obs, *field, value).map_err(|(key, message)| {
                    self.field_error(
                        *indicator,
                        (format!("observations[{observation}].{key}"), message),
                    )
                })?;
                let mut ind = self.data.indicators[*indicator].clone();
                ind.observations[*observation] = obs;
                Change::replace(*indicator, ind)
            }
            Edit::DeleteIndicator { indicator } => {
                self.indicator(*indicator)?;
                Change {
                    report: None,
                    splices: vec![Splice {
                        at: *indicator,
                        remove: 1,
                        insert: Vec::new(),
                    }],
                }
            }
            Edit::DeleteObservation {
                indicator,
                observation,
            } => {
                self.observation(*indicator, *observation)?;
                let mut ind = self.data.indicators[*indicator].clone();
                ind.observations.remove(*observation);
                Change::replace(*indicator, ind)
            }
            Edit::Merge { keep, from, take } => {
                let a = self.indicator(*keep)?;
                let b = self.indicator(*from)?;
                if keep == from {
                    return Err(EditError {
                        indicator: Some(a.id.clone()),
                        field: "indicators".into(),
                        message: "an indicator cannot be merged into itself".into(),
                    });
                }
                let mut merged = a.clone();
                for obs in &b.observations {
                    let key = (obs.year, obs.kind);
                    match merged
                        .observations
                        .iter()
                        .position(|o| (o.year, o.kind) == key)
                    {
                        Some(at) if take.contains(&key) => merged.observations[at] = obs.clone(),
                        Some(_) => {}
                        None => merged.observations.push(obs.clone()),
                    }
                }
                merged.observations.sort_by_key(|o| (o.year, o.kind));
                merged.reviewed = a.reviewed && b.reviewed;
                // Replace first (no index moves), then remove.
                Change {
                    report: None,
                    splices: vec![
                        Splice {
                            at: *keep,
                            remove: 1,
                            insert: vec![merged],
                        },
                        Splice {
                            at: *from,
                            remove: 1,
                            insert: Vec::new(),
                        },
                    ],
                }
            }
            Edit::AddObservation {
                indicator,
                observation,
            } => {
                let mut ind = self.indicator(*indicator)?.clone();
                ind.observations.push(observation.clone());
                Change::replace(*indicator, ind)
            }
            Edit::AddIndicator { indicator } => {
                let mut ind = indicator.clone();
                if ind.id.trim().is_empty() {
                    ind.id = self.new_id(ind.name_en.as_deref());
                }
                Change {
                    report: None,
                    splices: vec![Splice {
                        at: self.data.indicators.len(),
                        remove: 0,
                        insert: vec![ind],
                    }],
                }
            }
        };
        self.validate(&change)?;
        self.clear_draft_when_reviewed(&mut change);
        Ok(change)
    }

    /// Refuses a change whose new indicators break a rule the indicators they replace did
    /// not already break: the rules of `check` for one indicator, unique ids, and quotes
    /// found in the text. (A dataset opened with faults stays editable; only new faults are
    /// refused.)
    fn validate(&self, change: &Change) -> Result<(), EditError> {
        // Splice positions are those of the dataset before the change: only the last
        // splice of a change moves indicators.
        let removed: Vec<usize> = change
            .splices
            .iter()
            .flat_map(|s| s.at..s.at + s.remove)
            .collect();
        let known: Vec<FaultKey> = removed
            .iter()
            .filter_map(|&n| Some((n, self.data.indicators.get(n)?)))
            .flat_map(|(n, ind)| {
                self.indicator_faults(n, ind)
                    .into_iter()
                    .map(move |f| fault_key(ind, f))
            })
            .collect();
        for s in &change.splices {
            for (k, ind) in s.insert.iter().enumerate() {
                let n = s.at + k;
                let new = self
                    .indicator_faults(n, ind)
                    .into_iter()
                    .find(|f| !known.contains(&fault_key(ind, f.clone())));
                let clash = || {
                    self.data
                        .indicators
                        .iter()
                        .enumerate()
                        .any(|(i, other)| other.id == ind.id && !removed.contains(&i))
                };
                let fault = match new {
                    Some(fault) => fault,
                    None if clash() => model::duplicate_id_fault(n),
                    None => continue,
                };
                return Err(EditError {
                    indicator: Some(ind.id.clone()),
                    field: fault.path(),
                    message: fault.message,
                });
            }
        }
        Ok(())
    }

    /// One indicator's faults, with the quote rule when the text is at hand.
    fn indicator_faults(&self, n: usize, ind: &Indicator) -> Vec<Fault> {
        let mut out = model::indicator_faults(n, ind);
        if let Some(index) = &self.index {
            for (k, obs) in ind.observations.iter().enumerate() {
                let found = match self.found.get(obs.quote.as_str()) {
                    Some(range) => range.is_some(),
                    None => index.find(&obs.quote).is_some(),
                };
                if !found && !obs.quote.trim().is_empty() {
                    out.push(source::quote_not_found(n, k, self.source_name()));
                }
            }
        }
        out
    }

    /// A draft whose every indicator is reviewed after the change is no longer a draft.
    fn clear_draft_when_reviewed(&self, change: &mut Change) {
        let report = change.report.as_ref().unwrap_or(&self.data.report);
        if !report.draft {
            return;
        }
        let (mut reviewed, mut total) = self.reviewed();
        for s in &change.splices {
            let gone = &self.data.indicators[s.at..s.at + s.remove];
            reviewed -= gone.iter().filter(|i| i.reviewed).count();
            total -= gone.len();
            reviewed += s.insert.iter().filter(|i| i.reviewed).count();
            total += s.insert.len();
        }
        if reviewed == total {
            let mut report = report.clone();
            report.draft = false;
            change.report = Some(report);
        }
    }

    fn field_error(&self, indicator: usize, (field, message): (String, String)) -> EditError {
        EditError {
            indicator: self.data.indicators.get(indicator).map(|i| i.id.clone()),
            field,
            message,
        }
    }
}

/// A fault told apart from others by what it is about rather than by position: deleting
/// an observation moves the others, not their faults. An observation is known by its quote.
type FaultKey = (Option<String>, String, String);

fn fault_key(ind: &Indicator, fault: Fault) -> FaultKey {
    let quote = fault
        .observation
        .and_then(|k| ind.observations.get(k))
        .map(|o| o.quote.clone());
    (quote, fault.field, fault.message)
}

/// Typed text to a field's type, refused with the words `check` prints for that value in a
/// file (serde's: `invalid type: string "abc", expected f64`, `unknown variant`).
fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned()))
        .map_err(|e| e.to_string())
}

fn parse_number(text: &str) -> Result<f64, String> {
    let t = text.trim();
    t.parse::<f64>()
        .map_err(|_| parse::<f64>(t).err().unwrap_or_default())
}

fn parse_year(text: &str) -> Result<i32, String> {
    let t = text.trim();
    t.parse::<i32>()
        .map_err(|_| parse::<i32>(t).err().unwrap_or_default())
}

fn parse_bool(text: &str) -> Result<bool, String> {
    match text.trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        t => Err(parse::<bool>(t).err().unwrap_or_default()),
    }
}

/// "" → `None`, else the trimmed text.
fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

fn optional_number(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        Ok(None)
    } else {
        parse_number(t).map(Some)
    }
}

fn set_indicator(
    ind: &mut Indicator,
    field: IndicatorField,
    value: &str,
) -> Result<(), (String, String)> {
    let err = |message: String| (field.key().to_owned(), message);
    match field {
        IndicatorField::NameZh => ind.name_zh = value.trim().to_owned(),
        IndicatorField::NameEn => ind.name_en = optional(value),
        IndicatorField::UnitZh => ind.unit_zh = value.trim().to_owned(),
        IndicatorField::UnitEn => ind.unit_en = optional(value),
        IndicatorField::Category => ind.category = parse::<Category>(value).map_err(err)?,
        IndicatorField::Headline => ind.headline = parse_bool(value).map_err(err)?,
        IndicatorField::Comparable => ind.comparable = parse_bool(value).map_err(err)?,
        IndicatorField::NoteZh => ind.note_zh = optional(value),
        IndicatorField::NoteEn => ind.note_en = optional(value),
        IndicatorField::Reviewed => ind.reviewed = parse_bool(value).map_err(err)?,
    }
    Ok(())
}

fn set_observation(
    obs: &mut Observation,
    field: ObservationField,
    value: &str,
) -> Result<(), (&'static str, String)> {
    let key = field.key();
    match field {
        ObservationField::Year => obs.year = parse_year(value).map_err(|e| (key, e))?,
        ObservationField::Kind => obs.kind = parse::<Kind>(value).map_err(|e| (key, e))?,
        ObservationField::Value => obs.value = optional_number(value).map_err(|e| (key, e))?,
        ObservationField::GrowthPct => {
            let value = value.trim().trim_end_matches(['%', '％']);
            obs.growth_pct = optional_number(value).map_err(|e| (key, e))?;
        }
        ObservationField::Qualifier => {
            obs.qualifier = parse::<Qualifier>(value).map_err(|e| (key, e))?;
        }
        ObservationField::Quote => obs.quote = value.trim().to_owned(),
    }
    Ok(())
}

fn set_report(report: &mut Report, field: ReportField, value: &str) -> Result<(), EditError> {
    let err = |message: String| EditError {
        indicator: None,
        field: format!("report.{}", field.key()),
        message,
    };
    let year = |value: &str| -> Result<Option<i32>, EditError> {
        match value.trim() {
            "" => Ok(None),
            t => parse_year(t).map(Some).map_err(err),
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

/// Numbers in a selected piece of report text, offered as a new observation's value and
/// growth.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Offer {
    /// The first level in the selection ("达到20059亿元" → 20059), in the unit as written.
    pub value: Option<f64>,
    /// The first growth rate ("增长5.5%左右" → 5.5; "下降3%" → -3).
    pub growth_pct: Option<f64>,
    /// The qualifier of the value, else of the growth rate.
    pub qualifier: Qualifier,
    /// The first year written as YYYY年.
    pub year: Option<i32>,
    /// The value's unit as written (亿元, 万人), for a new indicator.
    pub unit: Option<String>,
}

/// Numbers in a selected piece of report text, read as `extract` reads a report.
pub fn numbers_in(selection: &str) -> Offer {
    let numbers = crate::extract::numbers_in(selection);
    let value = numbers.iter().find(|n| !n.growth);
    let growth = numbers.iter().find(|n| n.growth);
    Offer {
        value: value.map(|n| n.value),
        growth_pct: growth.map(|n| n.value),
        qualifier: value.or(growth).map_or(Qualifier::Exact, |n| n.qualifier),
        year: crate::extract::years_in(selection).first().copied(),
        unit: value.map(|n| n.unit.clone()).filter(|u| !u.is_empty()),
    }
}

/// A large review for benchmarks and tests: a report text of about `text_bytes` bytes in
/// paragraphs of about 300 bytes, and a dataset of `observations` observations (an actual
/// and a target per indicator) whose quotes are spread evenly through it.
#[doc(hidden)]
pub fn synthetic(text_bytes: usize, observations: usize) -> (Dataset, String) {
    const FILLER: &str = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。";
    let paragraphs = (text_bytes / 300).max(1);
    let mut text = String::with_capacity(text_bytes + 1024);
    let mut indicators: Vec<Indicator> = Vec::new();
    let mut placed = 0;
    for p in 0..paragraphs {
        let para_start = text.len();
        // The observations that belong in this paragraph, evenly spread.
        let until = (p + 1) * observations / paragraphs;
        while placed < until {
            let n = placed / 2;
            let (year, kind) = if placed % 2 == 0 {
                (2023, Kind::Actual)
            } else {
                (2024, Kind::Target)
            };
            let quote = format!("第{n}项指标{year}年达到{}.{}亿元", 100 + n, placed % 10);
            text.push_str(&quote);
            text.push('，');
            if placed % 2 == 0 {
                let mut ind = Indicator::new(
                    format!("ind_{n:05}"),
                    format!("第{n}项指标"),
                    Category::ALL[n % Category::ALL.len()],
                    "亿元",
                );
                ind.headline = n % 7 == 0;
                indicators.push(ind);
            }
            if let Some(ind) = indicators.last_mut() {
                ind.observations.push(Observation {
                    year,
                    kind,
                    value: Some((100 + n) as f64 + (placed % 10) as f64 / 10.0),
                    growth_pct: None,
                    qualifier: Qualifier::Exact,
                    quote,
                    derived: None,
                    source_file: None,
                    value_high: None,
                    growth_pct_high: None,
                    change: None,
                });
            }
            placed += 1;
        }
        while text.len() - para_start < 300 {
            text.push_str(FILLER);
        }
        text.push('\n');
    }
    let data = Dataset {
        schema_version: model::SCHEMA_VERSION,
        report: Report {
            title_zh: "合成政府工作报告".into(),
            title_en: None,
            region_zh: "合成市".into(),
            region_en: None,
            source: None,
            review_year: Some(2023),
            plan_year: Some(2024),
            source_file: None,
            source_format: Some(model::SourceFormat::Txt),
            draft: true,
            level: None,
        },
        indicators,
    };
    (data, text)
}

#[cfg(test)]
mod tests;
