//! The review of a dataset, without the window: the dataset, its report text and where each
//! quote is in it, edits checked with the rules of `gwr-charts check`, undo and redo, and
//! saving. The review mode of the app (`app::review`) draws this and sends it [`Edit`]s.
//!
//! Every committed edit is one undo step, kept as the indicators and report it replaced (not
//! a copy of the whole dataset), so a long review of a large draft stays small.

pub mod autosave;
mod change;
mod fields;
pub mod source;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::files::{self, WriteCause, WriteError};
use crate::model::{self, Dataset, Fault, Kind, LoadError, Qualifier};
use change::Change;
pub use fields::{Edit, EditError, IndicatorField, ObservationField, Refusal, ReportField};
use source::QuoteIndex;
pub use source::{SourceText, TextMissing};

/// One quote found in the text: byte range, and whose quote it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub range: Range<usize>,
    pub indicator: usize,
    pub observation: usize,
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
    pub fn save(&mut self, path: &Path) -> Result<(), WriteError> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut source_file = self.source_file.clone();
        if source_file.is_none()
            && let Ok(text) = &self.text
        {
            let copy = path.with_extension("source.txt");
            files::write_atomic(&copy, text.text.as_bytes())?;
            source_file = Some(copy);
        }
        let mut data = self.data.clone();
        data.schema_version = model::SCHEMA_VERSION;
        if let Some(file) = &source_file {
            data.report.source = Some(
                source::relative_path(dir, file).unwrap_or_else(|| file.display().to_string()),
            );
        }
        let mut json = serde_json::to_string_pretty(&data)
            .map_err(|e| WriteError::new(path, WriteCause::Other(e.to_string())))?;
        json.push('\n');
        files::write_atomic(path, json.as_bytes())?;
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
