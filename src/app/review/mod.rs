//! Review mode (issue 11): the report text beside an editable table of its figures. Every
//! edit goes through [`Document`], which checks it with `check`'s rules, keeps the undo
//! history and computes the highlights; the window's charts show the document's dataset.

mod table;
mod text_pane;

use std::ops::Range;
use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::{GwrApp, Status};
use crate::collection::Opened;
use crate::edit::{
    self, Document, Edit, EditError, IndicatorField, ObservationField, ReportField, SourceText,
    TextMissing, autosave,
};
use crate::i18n::{Lang, Texts};
use crate::model::{self, Indicator, Kind, Observation};

/// A line of the table: an indicator, or one of its observations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Indicator(usize),
    Observation(usize, usize),
}

impl Row {
    pub fn indicator(self) -> usize {
        match self {
            Row::Indicator(i) | Row::Observation(i, _) => i,
        }
    }
}

/// One editable field of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Report(ReportField),
    Indicator(usize, IndicatorField),
    Observation(usize, usize, ObservationField),
}

impl Field {
    /// The edit that sets this field to `value`.
    pub fn edit(self, value: String) -> Edit {
        match self {
            Field::Report(field) => Edit::Report { field, value },
            Field::Indicator(indicator, field) => Edit::Indicator {
                indicator,
                field,
                value,
            },
            Field::Observation(indicator, observation, field) => Edit::Observation {
                indicator,
                observation,
                field,
                value,
            },
        }
    }

    /// What the column or label calls it (also the widget's accessible name).
    pub fn name(self, t: &Texts) -> &'static str {
        match self {
            Field::Report(f) => match f {
                ReportField::TitleZh => t.report_title_zh,
                ReportField::TitleEn => t.report_title_en,
                ReportField::RegionZh => t.report_region_zh,
                ReportField::RegionEn => t.report_region_en,
                ReportField::ReviewYear => t.review_year,
                ReportField::PlanYear => t.plan_year,
            },
            Field::Indicator(_, f) => match f {
                IndicatorField::NameZh => t.name_zh,
                IndicatorField::NameEn => t.name_en,
                IndicatorField::UnitZh => t.unit_zh,
                IndicatorField::UnitEn => t.unit_en,
                IndicatorField::Category => t.category,
                IndicatorField::Headline => t.headline_short,
                IndicatorField::Comparable => t.comparable,
                IndicatorField::NoteZh => t.note_zh,
                IndicatorField::NoteEn => t.note_en,
                IndicatorField::Reviewed => t.reviewed,
            },
            Field::Observation(_, _, f) => match f {
                ObservationField::Year => t.year,
                ObservationField::Kind => t.kind,
                ObservationField::Value => t.value,
                ObservationField::GrowthPct => t.growth_pct,
                ObservationField::Qualifier => t.qualifier,
                ObservationField::Quote => t.quote,
            },
        }
    }

    /// The text field's widget id (also its accessibility node).
    pub fn id(self) -> egui::Id {
        egui::Id::unique(("review-field", self))
    }
}

/// The text of the field being edited and what `check` says of it. The document keeps the
/// old value until the text passes.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub field: Field,
    pub text: String,
    pub error: Option<String>,
}

/// "Merge another indicator into this one": which, and per clash whose figure stays.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeDialog {
    pub keep: usize,
    pub from: Option<usize>,
    pub clashes: Vec<(i32, Kind)>,
    /// Per clash: take the merged indicator's figure (true) or keep this one's.
    pub take: Vec<bool>,
}

/// The answers to "save the unsaved edits first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    Save,
    Discard,
    Cancel,
}

/// What waits for an answer to "save the unsaved edits first?".
#[derive(Clone, Debug, PartialEq)]
pub enum Leave {
    Open(Vec<PathBuf>),
    OpenText(String),
    OpenDialog,
    ShowRegion(usize),
    Close,
}

/// The document under review and the state of its panels.
pub struct Review {
    pub doc: Document,
    /// The region of [`GwrApp::regions`] it shows.
    pub region: usize,
    /// The file (or files) it was opened from, as the window names them.
    name: String,
    /// The other files of that region, merged with the document to make what the charts
    /// show (empty unless a draft of unknown region was given a region that had reports).
    others: Vec<Opened>,
    /// The region was a draft when the review began: the draft mark stays until clean.
    was_draft: bool,
    pub selected: Option<Row>,
    pub editing: Option<Draft>,
    /// Text selected in the report, as a byte range.
    pub selection: Option<Range<usize>>,
    pub merge: Option<MergeDialog>,
    /// The document's version last autosaved (see [`Document::version`]).
    autosaved: Option<u64>,
    rows: Vec<Row>,
    rows_version: Option<u64>,
    /// Scroll the text to this byte offset, or the table to this row, on the next frame.
    scroll_text: Option<usize>,
    scroll_table: Option<usize>,
    text: text_pane::Cache,
}

impl Review {
    fn new(doc: Document, name: String, region: usize, was_draft: bool) -> Review {
        Review {
            doc,
            name,
            region,
            others: Vec::new(),
            was_draft,
            selected: None,
            editing: None,
            selection: None,
            merge: None,
            autosaved: None,
            rows: Vec::new(),
            rows_version: None,
            scroll_text: None,
            scroll_table: None,
            text: text_pane::Cache::default(),
        }
    }

    /// The table's lines: each indicator followed by its observations.
    pub fn rows(&mut self) -> &[Row] {
        let version = self.doc.version();
        if self.rows_version != Some(version) {
            self.rows.clear();
            for (i, ind) in self.doc.data().indicators.iter().enumerate() {
                self.rows.push(Row::Indicator(i));
                self.rows
                    .extend((0..ind.observations.len()).map(|o| Row::Observation(i, o)));
            }
            self.rows_version = Some(version);
        }
        &self.rows
    }

    /// The user made edits that are not saved (or brought them back from an autosave).
    pub fn unsaved(&self) -> bool {
        self.doc.is_dirty()
    }

    /// Picks a row and brings its quote into view in the text.
    pub fn select(&mut self, row: Row) {
        self.selected = Some(row);
        let (i, o) = match row {
            Row::Indicator(i) => (i, None),
            Row::Observation(i, o) => (i, Some(o)),
        };
        self.scroll_text = self
            .doc
            .highlights()
            .iter()
            .find(|h| h.indicator == i && o.is_none_or(|o| h.observation == o))
            .map(|h| h.range.start);
    }

    /// Picks a row and scrolls both the table and the text to it.
    pub fn reveal(&mut self, row: Row) {
        self.select(row);
        self.scroll_table = self.rows().iter().position(|r| *r == row);
    }

    /// Picks the row of the quote at a byte offset of the text, if any.
    pub fn select_at(&mut self, offset: usize) -> bool {
        let hit = self
            .doc
            .highlight_at(offset)
            .map(|h| Row::Observation(h.indicator, h.observation));
        if let Some(row) = hit {
            self.selected = Some(row);
            self.scroll_table = self.rows().iter().position(|r| *r == row);
        }
        hit.is_some()
    }

    /// The text selected in the report, if any.
    pub fn selected_text(&self) -> Option<&str> {
        let range = self.selection.clone()?;
        let text = self.doc.text().ok()?;
        text.text.get(range).filter(|s| !s.trim().is_empty())
    }
}

/// Why a dataset has no text pane, in words.
pub fn missing_text(missing: &TextMissing, t: &Texts) -> String {
    match missing {
        TextMissing::NoSource => t.text_no_source.to_owned(),
        TextMissing::NotFound { path } => {
            Lang::fill_text(t.text_not_found, &path.display().to_string())
        }
        TextMissing::Unreadable { path, error } => format!(
            "{} ({error})",
            Lang::fill_text(t.text_unreadable, &path.display().to_string())
        ),
    }
}

/// A quote cut from the report as a new observation of `to` (or of a new indicator): the
/// numbers in it as value and growth; the plan year's target, or last year's result when
/// the indicator has that target already.
fn observation_from(
    quote: &str,
    offer: &edit::Offer,
    data: &model::Dataset,
    to: Option<usize>,
) -> Observation {
    let (review_year, plan_year) = (
        data.report.review_year.unwrap_or(data.years().0),
        data.report.plan_year.unwrap_or(data.years().1),
    );
    let has = |year, kind| {
        to.and_then(|i| data.indicators.get(i))
            .is_some_and(|ind| ind.observation(year, kind).is_some())
    };
    let (year, kind) = if has(plan_year, Kind::Target) && !has(review_year, Kind::Actual) {
        (review_year, Kind::Actual)
    } else {
        (plan_year, Kind::Target)
    };
    Observation {
        year: offer.year.unwrap_or(year),
        kind,
        value: offer.value,
        growth_pct: offer.growth_pct,
        qualifier: offer.qualifier,
        quote: quote.to_owned(),
        derived: None,
        source_file: None,
        value_high: None,
        growth_pct_high: None,
        change: None,
    }
}

/// The name of an indicator made from a quote: the words before its first number.
fn name_from(quote: &str) -> String {
    let name: String = quote
        .trim()
        .chars()
        .take_while(|c| !c.is_ascii_digit())
        .filter(|c| !c.is_ascii_punctuation() && !"，。；、：（）".contains(*c))
        .take(16)
        .collect();
    if name.is_empty() {
        quote.trim().chars().take(16).collect()
    } else {
        name
    }
}

impl GwrApp {
    /// Enters review mode on the region shown, opening its document unless it is open.
    pub fn enter_review(&mut self) {
        if self.review.as_ref().is_none_or(|r| r.region != self.shown) {
            let doc = self.document_for_shown();
            let was_draft = self.draft;
            let name = self.data_name.clone();
            self.review = Some(Review::new(doc, name, self.shown, was_draft));
        }
        self.reviewing = true;
    }

    /// The document of the region shown: its file with the report text found beside it, the
    /// bundled dataset with its compiled-in text, or a draft with the text it was cut from.
    fn document_for_shown(&self) -> Document {
        let region = self.regions.get(self.shown);
        let files: &[String] = region.map_or(&[], |r| &r.files);
        if self.data_name == model::BUNDLED_NAME && files.len() <= 1 {
            return Document::bundled();
        }
        let text = match files {
            [file] => match self.texts.iter().find(|(name, _)| name == file) {
                Some((_, text)) => Some(SourceText::new(text.clone(), file.clone())),
                None => match Document::open(std::path::Path::new(file)) {
                    Ok(doc) if doc.data() == &self.data => return doc,
                    _ => None,
                },
            },
            _ => None,
        };
        let path = match files {
            [file] if !self.draft => Some(PathBuf::from(file)),
            _ => None,
        };
        Document::new(self.data.clone(), path, text.ok_or(TextMissing::NoSource))
    }

    /// Makes an edit if `check` passes, and shows it in every view.
    pub fn apply_edit(&mut self, edit: Edit) -> Result<(), EditError> {
        // Only reached by a caller that skipped enter_review: no window path leads here.
        let review = self.review.as_mut().ok_or_else(|| EditError {
            indicator: None,
            field: "review".into(),
            message: "no document is under review".into(),
        })?;
        let region_before = review.doc.data().report.region_zh.clone();
        review.doc.apply(edit)?;
        let report = &review.doc.data().report;
        let joins = report.region_zh != region_before && report.has_region();
        self.document_changed();
        if joins {
            self.regroup();
        }
        Ok(())
    }

    pub fn undo(&mut self) -> bool {
        let done = self.review.as_mut().is_some_and(|r| r.doc.undo());
        if done {
            self.document_changed();
        }
        done
    }

    pub fn redo(&mut self) -> bool {
        let done = self.review.as_mut().is_some_and(|r| r.doc.redo());
        if done {
            self.document_changed();
        }
        done
    }

    /// Edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.review.as_ref().is_some_and(Review::unsaved)
    }

    /// After every committed edit, undo and redo: the charts, the list and exports show the
    /// document's dataset (one clone per edit, never per frame).
    fn document_changed(&mut self) {
        let Some(review) = self.review.as_mut() else {
            return;
        };
        review.editing = None;
        let rows = review.doc.data().indicators.len();
        if review.selected.is_some_and(|r| r.indicator() >= rows) {
            review.selected = None;
        }
        if let Some(row) = review.selected
            && let Row::Observation(i, o) = row
            && o >= review.doc.data().indicators[i].observations.len()
        {
            review.selected = Some(Row::Indicator(i));
        }
        let draft = review.was_draft && !review.doc.is_clean();
        let data = if review.others.is_empty() {
            review.doc.data().clone()
        } else {
            let mut parts: Vec<(&str, &model::Dataset)> = review
                .others
                .iter()
                .map(|o| (o.name.as_str(), &o.data))
                .collect();
            parts.push(("", review.doc.data()));
            match crate::merge::merge(&parts) {
                Ok(merged) => merged.data,
                Err(_) => review.doc.data().clone(),
            }
        };
        let region = review.region;
        if let Some(r) = self.regions.get_mut(region) {
            r.data = data.clone();
            r.draft = draft;
        }
        // The compare view reads every region: its table is made again from the edit.
        self.compare.clear();
        self.data = data;
        self.draft = draft;
        if self
            .details
            .as_ref()
            .is_some_and(|id| self.data.indicator(id).is_none())
        {
            self.details = None;
        }
        // A region given or renamed keeps what was ticked.
        let key = crate::selection::region_key(&self.data);
        if key != self.region {
            let ticked = self.ticked().clone();
            self.region = key;
            self.state.selections.insert(self.region.clone(), ticked);
        }
        self.order = crate::selection::order(&self.data, self.ticked());
    }

    /// The document's region was named (a draft of unknown region) or renamed: it now joins
    /// that region's history, as it would have had the report named it (see
    /// [`crate::collection::group`]).
    fn regroup(&mut self) {
        let Some(review) = self.review.as_mut() else {
            return;
        };
        // Every file as opened, the document's own as it is now.
        let mut opened = Vec::new();
        for (k, r) in self.regions.iter().enumerate() {
            if k == review.region {
                opened.extend(review.others.iter().cloned());
                opened.push(Opened {
                    data: review.doc.data().clone(),
                    name: review.name.clone(),
                    draft: r.draft,
                });
            } else {
                opened.push(Opened {
                    data: r.data.clone(),
                    name: r.name(),
                    draft: r.draft,
                });
            }
        }
        let key = review.doc.data().report.region_zh.trim().to_owned();
        let collection = crate::collection::group(opened.clone());
        let Some(k) = collection.regions.iter().position(|r| r.key == key) else {
            return;
        };
        review.others = opened
            .into_iter()
            .filter(|o| o.name != review.name && collection.regions[k].files.contains(&o.name))
            .collect();
        review.region = k;
        self.regions = collection.regions;
        self.shown = k;
        self.document_changed();
    }

    /// Adds the text selected in the report as an observation of `to`, or as a new
    /// indicator when `to` is `None`.
    pub fn add_selection(&mut self, to: Option<usize>) -> Result<(), EditError> {
        let Some(review) = self.review.as_ref() else {
            return Ok(());
        };
        let Some(quote) = review.selected_text().map(str::to_owned) else {
            return Ok(());
        };
        let data = review.doc.data();
        let quote = quote.trim();
        let offer = edit::numbers_in(quote);
        let observation = observation_from(quote, &offer, data, to);
        let edit = match to {
            Some(indicator) => Edit::AddObservation {
                indicator,
                observation,
            },
            None => {
                // The extractor's reading of the quote: the value's unit (a growth rate
                // alone leaves "%") and a category from the name's words.
                let name = name_from(quote);
                let unit = offer.unit.unwrap_or_else(|| "%".into());
                let category = crate::extract::category_of(&name, quote);
                // An empty id: the document gives it a new unique one.
                let mut indicator = Indicator::new("", name, category, unit);
                indicator.observations.push(observation);
                Edit::AddIndicator { indicator }
            }
        };
        let count = data.indicators.len();
        self.apply_edit(edit)?;
        if let Some(review) = self.review.as_mut() {
            review.selection = None;
            let i = to.unwrap_or(count);
            let o = review.doc.data().indicators[i].observations.len() - 1;
            review.reveal(Row::Observation(i, o));
        }
        Ok(())
    }

    /// Merges `from` into `keep`; `take` lists the clashing (year, kind) whose figure comes
    /// from `from`.
    pub fn merge_indicators(
        &mut self,
        keep: usize,
        from: usize,
        take: Vec<(i32, Kind)>,
    ) -> Result<(), EditError> {
        self.apply_edit(Edit::Merge { keep, from, take })?;
        if let Some(review) = self.review.as_mut() {
            review.merge = None;
            let keep = if from < keep { keep - 1 } else { keep };
            review.select(Row::Indicator(keep));
        }
        Ok(())
    }

    /// Saves the document to its file, or asks for one. Returns whether it was saved.
    pub fn save_document(&mut self) -> bool {
        match self.review.as_ref().and_then(|r| r.doc.path()) {
            Some(path) => {
                let path = path.to_path_buf();
                self.save_document_as(path)
            }
            None => self.save_document_dialog(),
        }
    }

    /// Save as…: asks for a file name, then saves.
    pub fn save_document_dialog(&mut self) -> bool {
        let name = self
            .review
            .as_ref()
            .and_then(|r| r.doc.path())
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "dataset".into());
        match rfd::FileDialog::new()
            .add_filter("JSON", &["json"])
            .set_file_name(format!("{name}.json"))
            .save_file()
        {
            Some(path) => self.save_document_as(path),
            None => false,
        }
    }

    /// Writes the document to `path` atomically; on success the autosave is no longer
    /// needed. Returns whether it was saved.
    pub fn save_document_as(&mut self, path: PathBuf) -> bool {
        let Some(review) = self.review.as_mut() else {
            return false;
        };
        match review.doc.save(&path) {
            Ok(()) => {
                if let Some(dir) = &self.autosave_dir {
                    let _ = autosave::clear(dir);
                }
                if review.others.is_empty() {
                    self.data_name = path.display().to_string();
                    if let Some(region) = self.regions.get_mut(review.region) {
                        region.files = vec![self.data_name.clone()];
                    }
                }
                self.status = Some(Status::Saved { path });
                true
            }
            Err(e) => {
                self.status = Some(Status::SaveFailed {
                    path,
                    error: e.to_string(),
                });
                false
            }
        }
    }

    /// Writes the review in progress to the autosave directory if it changed since the
    /// last time.
    pub fn autosave_now(&mut self) {
        let (Some(dir), Some(review)) = (&self.autosave_dir, &mut self.review) else {
            return;
        };
        let version = review.doc.version();
        if !review.unsaved() || review.autosaved == Some(version) {
            return;
        }
        review.autosaved = Some(version);
        if let Err(e) = autosave::save(dir, &review.doc) {
            self.status = Some(Status::SaveFailed {
                path: dir.clone(),
                error: format!("{} {e}", review_texts(self).autosave_failed),
            });
        }
    }

    /// Autosaves every few seconds while there are unsaved edits.
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        const EVERY: f64 = 5.0;
        if !self.is_dirty() {
            return;
        }
        let now = ctx.input(|i| i.time);
        match self.autosave_due {
            Some(due) if now >= due => {
                self.autosave_now();
                self.autosave_due = None;
            }
            Some(_) => {}
            None => {
                if self
                    .review
                    .as_ref()
                    .is_some_and(|r| r.autosaved != Some(r.doc.version()))
                {
                    self.autosave_due = Some(now + EVERY);
                    ctx.request_repaint_after(std::time::Duration::from_secs_f64(EVERY));
                }
            }
        }
    }

    /// Brings back the review an earlier run left unsaved.
    pub fn restore_recovered(&mut self) {
        let Some(recovered) = self.recovered.take() else {
            return;
        };
        let doc = recovered.document;
        let name = doc
            .path()
            .map(|p| p.display().to_string())
            .or_else(|| recovered.original.map(|p| p.display().to_string()))
            .unwrap_or_else(|| doc.data().report.title(self.state.chart.lang).to_owned());
        self.review_document(doc, name);
    }

    /// Shows a document's dataset and opens it in review mode.
    pub fn review_document(&mut self, doc: Document, name: String) {
        let draft = doc.data().report.draft;
        self.show_collection(crate::collection::group(vec![Opened {
            data: doc.data().clone(),
            name,
            draft,
        }]));
        self.review = Some(Review::new(doc, self.data_name.clone(), self.shown, draft));
        self.reviewing = true;
        self.document_changed();
    }

    /// Throws the review an earlier run left unsaved away.
    pub fn discard_recovered(&mut self) {
        self.recovered = None;
        if let Some(dir) = &self.autosave_dir {
            let _ = autosave::clear(dir);
        }
    }

    /// Runs `leave` now, or first asks whether to save the unsaved edits.
    pub fn request(&mut self, leave: Leave) {
        if self.is_dirty() {
            self.leaving = Some(leave);
        } else {
            self.leave(leave);
        }
    }

    /// Does what was asked, the edits saved or given up.
    fn leave(&mut self, leave: Leave) {
        let dropped = match &leave {
            Leave::ShowRegion(k) => self.review.as_ref().is_some_and(|r| r.region != *k),
            _ => true,
        };
        if dropped && let Some(review) = self.review.take() {
            if review.unsaved() {
                // Given up: the charts go back to the file as it was.
                if let Some(dir) = &self.autosave_dir {
                    let _ = autosave::clear(dir);
                }
            }
            self.reviewing = false;
        }
        match leave {
            Leave::Open(paths) => self.open(&paths),
            Leave::OpenText(text) => self.open_text(&text),
            Leave::OpenDialog => self.open_dialog(),
            Leave::ShowRegion(k) => self.show_region(k),
            Leave::Close => {
                self.close_confirmed = true;
                self.pending_close = true;
            }
        }
    }

    /// The answer to "save first?": save (then go on if it saved), discard, or cancel.
    fn answer_leaving(&mut self, answer: Answer) {
        let Some(leave) = self.leaving.take() else {
            return;
        };
        match answer {
            Answer::Save if self.save_document() => self.leave(leave),
            Answer::Save | Answer::Cancel => {}
            Answer::Discard => {
                // Given up: every view goes back to the dataset as it was opened.
                if let Some(review) = self.review.as_mut() {
                    while review.doc.undo() {}
                }
                self.document_changed();
                self.leave(leave);
            }
        }
    }

    /// The window asked to close: with unsaved edits, ask first.
    fn handle_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_confirmed && self.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.leaving = Some(Leave::Close);
        }
        if std::mem::take(&mut self.pending_close) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// A review dialog is open (merge, or "save first?"): Esc is its.
    pub(super) fn review_dialog_open(&self) -> bool {
        self.leaving.is_some() || self.review.as_ref().is_some_and(|r| r.merge.is_some())
    }

    /// The review's part of a frame: the close request, autosave.
    pub(super) fn review_frame(&mut self, ctx: &egui::Context) {
        self.handle_close(ctx);
        self.autosave_tick(ctx);
    }
}

fn review_texts(app: &GwrApp) -> &'static Texts {
    app.state.chart.lang.texts()
}

/// Review mode: the header with the report's fields, the text and the table.
pub fn show(app: &mut GwrApp, ui: &mut egui::Ui) {
    let lang = app.state.chart.lang;
    let Some(review) = app.review.as_mut() else {
        app.reviewing = false;
        return;
    };
    let mut edits: Vec<Edit> = Vec::new();
    let mut command = None;
    let status = &mut app.status;
    egui::Panel::top("review_header").show(ui, |ui| {
        if let Some(shown) = status.as_ref() {
            if super::status::banner(ui, shown, lang.texts()) {
                *status = None;
            }
            ui.add_space(4.0);
        }
        command = header(review, ui, lang, &mut edits);
    });
    let has_text = review.doc.text().is_ok();
    if has_text {
        egui::Panel::left("review_text")
            .resizable(true)
            .default_size((ui.available_width() * 0.42).clamp(240.0, 640.0))
            .show(ui, |ui| text_pane::show(review, ui));
    }
    let mut action = None;
    egui::CentralPanel::default().show(ui, |ui| {
        action = table::show(review, ui, lang, &mut edits);
    });
    if let Some(dialog) = review.merge.clone() {
        action = merge_dialog(review, ui.ctx(), &dialog, lang).or(action);
    }
    for edit in edits {
        apply_reporting(app, edit);
    }
    match action {
        Some(table::Action::AddTo(to)) => {
            if let Err(e) = app.add_selection(to) {
                report_refused(app, &e);
            }
        }
        Some(table::Action::Merge { keep, from, take }) => {
            if let Err(e) = app.merge_indicators(keep, from, take) {
                report_refused(app, &e);
            }
        }
        None => {}
    }
    if let Some(command) = command {
        app.push(command);
    }
}

/// Applies an edit from a checkbox or list; a refusal goes into the banner.
fn apply_reporting(app: &mut GwrApp, edit: Edit) {
    if let Err(e) = app.apply_edit(edit) {
        report_refused(app, &e);
    }
}

fn report_refused(app: &mut GwrApp, e: &EditError) {
    app.status = Some(Status::Notice {
        text: format!("{} {e}", review_texts(app).edit_refused),
    });
}

/// The header: what is reviewed, the counter, the commands, the report's fields, and
/// what to do with the text selected in the report.
fn header(
    review: &mut Review,
    ui: &mut egui::Ui,
    lang: Lang,
    edits: &mut Vec<Edit>,
) -> Option<super::AppCommand> {
    use super::AppCommand;
    let t = lang.texts();
    let mut command = None;
    ui.horizontal(|ui| {
        let (reviewed, total) = review.doc.reviewed();
        ui.label(RichText::new(format!("{} {reviewed} / {total}", t.reviewed)).strong());
        ui.separator();
        for c in [
            AppCommand::Undo,
            AppCommand::Redo,
            AppCommand::Save,
            AppCommand::SaveJson,
        ] {
            let enabled = match c {
                AppCommand::Undo => review.doc.can_undo(),
                AppCommand::Redo => review.doc.can_redo(),
                _ => true,
            };
            if ui
                .add_enabled_ui(enabled, |ui| c.button(ui, lang))
                .inner
                .clicked()
            {
                command = Some(c);
            }
        }
        ui.separator();
        if ui.button(t.back_to_charts).clicked() {
            command = Some(AppCommand::Review);
        }
    });
    ui.horizontal_wrapped(|ui| {
        let report = &review.doc.data().report;
        let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
        let fields = [
            (ReportField::TitleZh, report.title_zh.clone(), 220.0),
            (
                ReportField::TitleEn,
                report.title_en.clone().unwrap_or_default(),
                200.0,
            ),
            (ReportField::RegionZh, report.region_zh.clone(), 90.0),
            (
                ReportField::RegionEn,
                report.region_en.clone().unwrap_or_default(),
                90.0,
            ),
            (ReportField::ReviewYear, year(report.review_year), 48.0),
            (ReportField::PlanYear, year(report.plan_year), 48.0),
        ];
        for (field, current, width) in fields {
            let field = Field::Report(field);
            ui.label(field.name(t));
            edits.extend(table::field(
                ui,
                &review.doc,
                &mut review.editing,
                field,
                &current,
                width,
                t,
            ));
        }
    });
    if let Err(missing) = review.doc.text() {
        ui.label(RichText::new(missing_text(missing, t)).color(ui.visuals().warn_fg_color));
    }
    ui.add_space(2.0);
    command
}

/// Asks which figure stays where both indicators have one for the same year and kind.
fn merge_dialog(
    review: &mut Review,
    ctx: &egui::Context,
    dialog: &MergeDialog,
    lang: Lang,
) -> Option<table::Action> {
    let t = lang.texts();
    let data = review.doc.data();
    let keep_name = data
        .indicators
        .get(dialog.keep)
        .map(|i| i.name(lang).to_owned())
        .unwrap_or_default();
    let mut next = dialog.clone();
    let mut action = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("review_merge")).show(ctx, |ui| {
        ui.heading(t.merge_title);
        ui.label(t.merge_into.replace("{name}", &keep_name));
        let from_name = next
            .from
            .and_then(|f| data.indicators.get(f))
            .map(|i| format!("{} ({})", i.name(lang), i.id))
            .unwrap_or_default();
        let label = ui.label(t.merge_pick);
        egui::ComboBox::from_id_salt("review_merge_from")
            .selected_text(from_name)
            .width(320.0)
            .show_ui(ui, |ui| {
                for (k, ind) in data.indicators.iter().enumerate() {
                    if k != next.keep {
                        ui.selectable_value(
                            &mut next.from,
                            Some(k),
                            format!("{} ({})", ind.name(lang), ind.id),
                        );
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if next.from != dialog.from {
            next.clashes = next
                .from
                .map(|f| review.doc.merge_clashes(next.keep, f))
                .unwrap_or_default();
            next.take = vec![false; next.clashes.len()];
        }
        if !next.clashes.is_empty() {
            ui.label(t.merge_clashes);
            for ((year, kind), take) in next.clashes.iter().zip(next.take.iter_mut()) {
                ui.horizontal(|ui| {
                    ui.label(format!("{year}{}{}", t.year_gap, kind.name(lang)));
                    ui.radio_value(take, false, t.keep_kept);
                    ui.radio_value(take, true, t.take_other);
                });
            }
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(next.from.is_some(), egui::Button::new(t.merge_do))
                .clicked()
                && let Some(from) = next.from
            {
                let take = next
                    .clashes
                    .iter()
                    .zip(&next.take)
                    .filter(|(_, take)| **take)
                    .map(|(clash, _)| *clash)
                    .collect();
                action = Some(table::Action::Merge {
                    keep: next.keep,
                    from,
                    take,
                });
            }
            if ui.button(t.cancel).clicked() {
                close = true;
            }
        });
    });
    // Esc or a click beside the dialog cancels it.
    close |= modal.should_close();
    review.merge = (!close && action.is_none()).then_some(next);
    action
}

/// The "save the unsaved edits first?" dialog.
pub fn leaving_dialog(app: &mut GwrApp, ctx: &egui::Context) {
    if app.leaving.is_none() {
        return;
    }
    let t = review_texts(app);
    let name = app.data_name.clone();
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("review_leaving")).show(ctx, |ui| {
        ui.heading(t.unsaved_title);
        ui.label(Lang::fill_text(t.unsaved_body, &name));
        ui.horizontal(|ui| {
            for (label, choice) in [
                (t.save, Answer::Save),
                (t.discard, Answer::Discard),
                (t.cancel, Answer::Cancel),
            ] {
                if ui.button(label).clicked() {
                    answer = Some(choice);
                }
            }
        });
    });
    if modal.should_close() {
        answer = answer.or(Some(Answer::Cancel));
    }
    if let Some(answer) = answer {
        app.answer_leaving(answer);
    }
}

/// The banner offering back a review an earlier run left unsaved.
pub fn recovered_banner(app: &mut GwrApp, ui: &mut egui::Ui) {
    let Some(recovered) = &app.recovered else {
        return;
    };
    let t = review_texts(app);
    let when = chrono::DateTime::<chrono::Local>::from(recovered.saved_at)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let what = recovered
        .original
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| {
            recovered
                .document
                .data()
                .report
                .title(app.state.chart.lang)
                .to_owned()
        });
    let mut answer = None;
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(t.recovered).strong());
                ui.label(format!("{what} ({when})"));
                if ui.button(t.restore).clicked() {
                    answer = Some(true);
                }
                if ui.button(t.drop_recovered).clicked() {
                    answer = Some(false);
                }
            });
        });
    match answer {
        Some(true) => app.restore_recovered(),
        Some(false) => app.discard_recovered(),
        None => {}
    }
}
