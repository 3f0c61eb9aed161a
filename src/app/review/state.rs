//! Everything that exists only while review mode is on screen: the row picked, the field
//! being typed into, the text selected in the report, the merge dialog, the panes' layout
//! and scroll targets. It goes away when the window goes back to the charts; the document
//! and its edits stay in the session ([`crate::app::Session`]).

use std::ops::Range;

use eframe::egui;

use super::table;
use super::text_pane;
use crate::edit::{Document, Edit, IndicatorField, ObservationField, ReportField};
use crate::i18n::Texts;
use crate::model::Kind;

/// A row of the document: an indicator, or one of its observations.
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

    /// What the label or hint calls it (also the widget's accessible name).
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

/// The text of the field being edited and why `check` refuses it, if it does. The
/// document keeps the old value until the text passes.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub field: Field,
    pub text: String,
    pub error: Option<crate::edit::EditError>,
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

/// The state of review mode's panes.
#[derive(Default)]
pub struct ReviewSession {
    pub selected: Option<Row>,
    pub editing: Option<Draft>,
    /// Text selected in the report, as a byte range.
    pub selection: Option<Range<usize>>,
    pub merge: Option<MergeDialog>,
    /// The indicator whose chart the last frame drew, and the document version it drew.
    pub charted: Option<(usize, u64)>,
    /// Scroll the text to this byte offset, or the table to this row, on the next frame.
    pub(super) scroll_text: Option<usize>,
    pub(super) scroll_table: Option<Row>,
    pub(super) text: text_pane::Cache,
    pub(super) table: table::Layout,
}

impl ReviewSession {
    /// Picks a row and brings its quote into view in the text.
    pub fn select(&mut self, doc: &Document, row: Row) {
        self.selected = Some(row);
        let (i, o) = match row {
            Row::Indicator(i) => (i, None),
            Row::Observation(i, o) => (i, Some(o)),
        };
        self.scroll_text = doc
            .highlights()
            .iter()
            .find(|h| h.indicator == i && o.is_none_or(|o| h.observation == o))
            .map(|h| h.range.start);
    }

    /// Picks a row and scrolls both the table and the text to it.
    pub fn reveal(&mut self, doc: &Document, row: Row) {
        self.select(doc, row);
        self.scroll_table = Some(row);
    }

    /// Picks the row of the quote at a byte offset of the text, if any.
    pub fn select_at(&mut self, doc: &Document, offset: usize) -> bool {
        let hit = doc
            .highlight_at(offset)
            .map(|h| Row::Observation(h.indicator, h.observation));
        if let Some(row) = hit {
            self.selected = Some(row);
            self.scroll_table = Some(row);
        }
        hit.is_some()
    }

    /// The text selected in the report, if any.
    pub fn selected_text<'d>(&self, doc: &'d Document) -> Option<&'d str> {
        let range = self.selection.clone()?;
        let text = doc.text().ok()?;
        text.text.get(range).filter(|s| !s.trim().is_empty())
    }

    /// After an edit, undo or redo: the field typed into is committed or gone, and a row
    /// that no longer exists is not picked.
    pub fn document_changed(&mut self, doc: &Document) {
        self.editing = None;
        let indicators = &doc.data().indicators;
        self.selected = match self.selected {
            Some(row) if row.indicator() >= indicators.len() => None,
            Some(Row::Observation(i, o)) if o >= indicators[i].observations.len() => {
                Some(Row::Indicator(i))
            }
            row => row,
        };
    }
}
