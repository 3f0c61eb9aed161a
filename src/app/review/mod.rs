//! Review mode (issue 11): the report text beside an editable form of its figures, and the
//! chart of the indicator picked. Every edit goes through [`crate::edit::Document`], which
//! checks it with `check`'s rules, keeps the undo history and computes the highlights.
//!
//! The rooms: [`state`] (what exists only while the mode is on screen), [`lifecycle`] (save,
//! autosave, leave, close), [`dialogs`], the [`table`] and the [`text_pane`]. This file lays
//! the mode out and makes the edits its panes ask for.

pub mod dialogs;
pub mod lifecycle;
pub mod state;
pub mod table;
pub mod text_pane;

use eframe::egui::{self, RichText};

use super::{AppCommand, GwrApp, Mode, Status};
use crate::chart::{self, ChartInput, ChartSpec, View};
use crate::edit::{self, Document, Edit, EditError, Refusal, ReportField, TextMissing};
use crate::i18n::{Lang, Texts};
pub use lifecycle::{Autosave, Leave};
pub use state::{Draft, Field, MergeDialog, ReviewSession, Row};

/// What review mode's panes ask for, done once they are drawn.
#[derive(Default)]
pub struct ReviewResponse {
    pub edits: Vec<Edit>,
    pub action: Option<table::Action>,
    pub command: Option<AppCommand>,
    /// The banner's dismiss button was clicked.
    pub dismissed: bool,
}

/// The rows of a long pane that meet `viewport`, each with its rectangle, `width` wide from
/// `origin`: `tops[n]` is where row `n` starts, the last entry the height of the whole.
/// The panes measure their rows once (per width and document version) so that a frame lays
/// out only these.
fn rows_in_view(
    tops: &[f32],
    viewport: egui::Rect,
    origin: egui::Pos2,
    width: f32,
) -> impl Iterator<Item = (usize, egui::Rect)> + '_ {
    let first = tops
        .partition_point(|&top| top <= viewport.min.y)
        .saturating_sub(1);
    let last = tops
        .partition_point(|&top| top < viewport.max.y)
        .min(tops.len().saturating_sub(1));
    (first..last).map(move |n| {
        let rect = egui::Rect::from_min_size(
            origin + egui::vec2(0.0, tops[n]),
            egui::vec2(width, tops[n + 1] - tops[n]),
        );
        (n, rect)
    })
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

/// Review mode: the header with the report's fields, the text, the form, and the chart of
/// the indicator picked (the chart an edit changes, redrawn as each is committed).
pub fn show(
    ui: &mut egui::Ui,
    doc: &Document,
    review: &mut ReviewSession,
    status: Option<&Status>,
    spec: &ChartSpec,
) -> ReviewResponse {
    let lang = spec.lang;
    let t = lang.texts();
    let mut out = ReviewResponse::default();
    egui::Panel::top("review_header").show(ui, |ui| {
        if let Some(status) = status {
            out.dismissed = super::status::banner(ui, status, t);
            ui.add_space(4.0);
        }
        out.command = header(doc, review, ui, lang, &mut out.edits);
    });
    if doc.text().is_ok() {
        egui::Panel::left("review_text")
            .resizable(true)
            .default_size((ui.available_width() * 0.38).clamp(240.0, 600.0))
            .show(ui, |ui| text_pane::show(doc, review, ui));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        review.charted = None;
        if let Some(i) = review.selected.map(Row::indicator) {
            egui::Panel::bottom("review_chart")
                .resizable(true)
                .default_size((ui.available_height() * 0.42).clamp(220.0, 360.0))
                .show(ui, |ui| {
                    indicator_chart(ui, doc, i, spec);
                    // The panel keeps its height: what the chart leaves is the panel's too.
                    ui.allocate_space(ui.available_size());
                });
            review.charted = Some((i, doc.version()));
        }
        out.action = table::show(doc, review, ui, lang, &mut out.edits);
    });
    let mut merge = review.merge.take();
    out.action = dialogs::merge(doc, &mut merge, ui.ctx(), lang).or(out.action.take());
    review.merge = merge;
    out
}

/// The chart of one indicator in the view the charts show (its levels in the compare view,
/// which draws regions), through the function the charts and the exports use.
fn indicator_chart(ui: &mut egui::Ui, doc: &Document, i: usize, spec: &ChartSpec) {
    let Some(indicator) = doc.data().indicators.get(i) else {
        return;
    };
    let view = match spec.view {
        View::Compare => View::Levels,
        view => view,
    };
    let spec = ChartSpec {
        view,
        ..spec.clone()
    };
    let selected = [indicator];
    chart::show(
        ui,
        &ChartInput::single(doc.data(), &selected),
        &spec,
        chart::Mode::Interactive { reset: false },
    );
}

/// The header: what is reviewed, the counter, the commands, the report's fields, and why
/// there is no text, if there is none.
fn header(
    doc: &Document,
    review: &mut ReviewSession,
    ui: &mut egui::Ui,
    lang: Lang,
    edits: &mut Vec<Edit>,
) -> Option<AppCommand> {
    let t = lang.texts();
    let mut command = None;
    ui.horizontal(|ui| {
        let (reviewed, total) = doc.reviewed();
        ui.label(RichText::new(format!("{} {reviewed} / {total}", t.reviewed)).strong());
        ui.separator();
        for c in [
            AppCommand::Undo,
            AppCommand::Redo,
            AppCommand::Save,
            AppCommand::SaveJson,
        ] {
            let enabled = match c {
                AppCommand::Undo => doc.can_undo(),
                AppCommand::Redo => doc.can_redo(),
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
        let report = &doc.data().report;
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
                doc,
                &mut review.editing,
                field,
                &current,
                width,
                false,
                t,
            ));
        }
    });
    if let Err(missing) = doc.text() {
        ui.label(RichText::new(missing_text(missing, t)).color(ui.visuals().warn_fg_color));
    }
    ui.add_space(2.0);
    command
}

/// A quote cut from the report as a new observation of `to` (or of a new indicator): the
/// numbers in it as value and growth; the plan year's target, or last year's result when
/// the indicator has that target already.
fn observation_from(
    quote: &str,
    offer: &edit::Offer,
    data: &crate::model::Dataset,
    to: Option<usize>,
) -> crate::model::Observation {
    use crate::model::Kind;
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
    let mut observation = crate::model::Observation::new(offer.year.unwrap_or(year), kind, quote);
    observation.value = offer.value;
    observation.growth_pct = offer.growth_pct;
    observation.qualifier = offer.qualifier;
    observation
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
        self.session.start_review();
        if !matches!(self.mode, Mode::Review(_)) {
            self.mode = Mode::Review(Box::default());
        }
    }

    /// The review's panes made their requests: the edits, the table's action, a command.
    pub(super) fn handle_review(&mut self, response: ReviewResponse) {
        if response.dismissed {
            self.ui.status = None;
        }
        for edit in response.edits {
            self.apply_reporting(edit);
        }
        let result = match response.action {
            Some(table::Action::AddTo(to)) => self.add_selection(to),
            Some(table::Action::Merge { keep, from, take }) => {
                self.merge_indicators(keep, from, take)
            }
            None => Ok(()),
        };
        if let Err(e) = result {
            self.ui.status = Some(Status::EditRefused(e));
        }
        if let Some(command) = response.command {
            self.push(command);
        }
    }

    /// Applies an edit from a checkbox or list; a refusal goes into the banner.
    fn apply_reporting(&mut self, edit: Edit) {
        if let Err(e) = self.apply_edit(edit) {
            self.ui.status = Some(Status::EditRefused(e));
        }
    }

    /// Makes an edit if `check` passes, and shows it in every view.
    pub fn apply_edit(&mut self, edit: Edit) -> Result<(), EditError> {
        // Only reached by a caller that skipped enter_review: no window path leads here.
        let review = self.session.review_mut().ok_or(EditError {
            indicator: None,
            field: "review".into(),
            refusal: Refusal::NothingUnderReview,
        })?;
        let region_before = review.doc.data().report.region_zh.clone();
        review.doc.apply(edit)?;
        let report = &review.doc.data().report;
        let joins = report.region_zh != region_before && report.has_region();
        if joins {
            self.session.regroup();
        }
        self.document_changed();
        Ok(())
    }

    pub fn undo(&mut self) -> bool {
        let done = self.session.review_mut().is_some_and(|r| r.doc.undo());
        if done {
            self.document_changed();
        }
        done
    }

    pub fn redo(&mut self) -> bool {
        let done = self.session.review_mut().is_some_and(|r| r.doc.redo());
        if done {
            self.document_changed();
        }
        done
    }

    /// After every committed edit, undo and redo: the document's dataset is its region's
    /// (so the charts, the list and exports show it), and what pointed into the old one is
    /// checked against the new.
    pub(super) fn document_changed(&mut self) {
        self.session.document_changed();
        if let (Mode::Review(review), Some(reviewed)) = (&mut self.mode, self.session.review()) {
            review.document_changed(&reviewed.doc);
        }
        // The compare view reads every region: its table is made again from the edit.
        self.compare.clear();
        self.data_changed();
    }

    /// Adds the text selected in the report as an observation of `to`, or as a new
    /// indicator when `to` is `None`.
    pub fn add_selection(&mut self, to: Option<usize>) -> Result<(), EditError> {
        let (Mode::Review(review), Some(reviewed)) = (&self.mode, self.session.review()) else {
            return Ok(());
        };
        let Some(quote) = review.selected_text(&reviewed.doc).map(str::to_owned) else {
            return Ok(());
        };
        let data = reviewed.doc.data();
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
                let mut indicator = crate::model::Indicator::new("", name, category, unit);
                indicator.observations.push(observation);
                Edit::AddIndicator { indicator }
            }
        };
        let count = data.indicators.len();
        self.apply_edit(edit)?;
        if let (Mode::Review(review), Some(reviewed)) = (&mut self.mode, self.session.review()) {
            review.selection = None;
            let i = to.unwrap_or(count);
            let o = reviewed.doc.data().indicators[i].observations.len() - 1;
            review.reveal(&reviewed.doc, Row::Observation(i, o));
        }
        Ok(())
    }

    /// Merges `from` into `keep`; `take` lists the clashing (year, kind) whose figure comes
    /// from `from`.
    pub fn merge_indicators(
        &mut self,
        keep: usize,
        from: usize,
        take: Vec<(i32, crate::model::Kind)>,
    ) -> Result<(), EditError> {
        self.apply_edit(Edit::Merge { keep, from, take })?;
        if let (Mode::Review(review), Some(reviewed)) = (&mut self.mode, self.session.review()) {
            review.merge = None;
            let keep = if from < keep { keep - 1 } else { keep };
            review.select(&reviewed.doc, Row::Indicator(keep));
        }
        Ok(())
    }
}
