//! A review's life: saving it, autosaving it while edits are unsaved, offering back what a
//! crash left, and asking before anything would drop unsaved edits (opening other files,
//! showing another region, closing the window).

use std::path::PathBuf;

use eframe::egui;

use super::dialogs::{self, Answer};
use crate::app::{GwrApp, Mode, Status};
use crate::edit::autosave::{self, Recovered};

/// What waits for an answer to "save the unsaved edits first?".
#[derive(Clone, Debug, PartialEq)]
pub enum Leave {
    Open(Vec<PathBuf>),
    OpenText(String),
    OpenDialog,
    OpenFolderDialog,
    /// Show what a folder run opened.
    ShowFolder,
    ShowRegion(usize),
    Close,
}

/// Where a review in progress is saved now and then, and what an earlier run left there.
pub struct Autosave {
    /// `None` turns autosave off (tests and benchmarks).
    pub dir: Option<PathBuf>,
    /// When the next autosave is due, in egui's seconds.
    due: Option<f64>,
    /// A review an earlier run left unsaved, offered back until the user answers.
    pub recovered: Option<Recovered>,
}

impl Autosave {
    /// Autosaving into `dir`, with what an earlier run left there to offer back.
    pub fn new(dir: Option<PathBuf>) -> Autosave {
        Autosave {
            recovered: dir.as_deref().and_then(autosave::find),
            dir,
            due: None,
        }
    }

    /// The user's data directory (`autosave::DIR_VAR` moves it), where the window keeps
    /// its autosave.
    pub fn default_dir() -> Option<PathBuf> {
        match std::env::var_os(autosave::DIR_VAR) {
            Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
            _ => eframe::storage_dir("gwr-charts").map(|d| d.join("autosave")),
        }
    }

    /// The autosave is no longer needed (saved, or given up).
    fn clear(&self) {
        if let Some(dir) = &self.dir {
            let _ = autosave::clear(dir);
        }
    }
}

/// Seconds between autosaves while there are unsaved edits.
const AUTOSAVE_EVERY: f64 = 5.0;

impl GwrApp {
    /// Saves the document to its file, or asks for one. Returns whether it was saved.
    pub fn save_document(&mut self) -> bool {
        let path = self
            .session
            .review()
            .and_then(|r| r.doc.path())
            .map(|p| p.to_path_buf());
        match path {
            Some(path) => self.save_document_as(path),
            None => self.save_document_dialog(),
        }
    }

    /// Save as…: asks for a file name, then saves.
    pub fn save_document_dialog(&mut self) -> bool {
        let name = self
            .session
            .review()
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
        let Some(review) = self.session.review_mut() else {
            return false;
        };
        match review.doc.save(&path) {
            Ok(()) => {
                self.autosave.clear();
                self.session.saved_as(&path);
                self.ui.status = Some(Status::Saved { path });
                true
            }
            Err(e) => {
                self.ui.status = Some(Status::SaveFailed(e));
                false
            }
        }
    }

    /// Writes the review in progress to the autosave directory if it changed since the
    /// last time.
    pub fn autosave_now(&mut self) {
        let (Some(dir), Some(review)) = (&self.autosave.dir, self.session.review_mut()) else {
            return;
        };
        let version = review.doc.version();
        if !review.doc.is_dirty() || review.autosaved == Some(version) {
            return;
        }
        review.autosaved = Some(version);
        if let Err(e) = autosave::save(dir, &review.doc) {
            self.ui.status = Some(Status::AutosaveFailed(e));
        }
    }

    /// Autosaves every few seconds while there are unsaved edits.
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        if !self.is_dirty() {
            return;
        }
        let now = ctx.input(|i| i.time);
        match self.autosave.due {
            Some(due) if now >= due => {
                self.autosave_now();
                self.autosave.due = None;
            }
            Some(_) => {}
            None => {
                if self
                    .session
                    .review()
                    .is_some_and(|r| r.autosaved != Some(r.doc.version()))
                {
                    self.autosave.due = Some(now + AUTOSAVE_EVERY);
                    ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_EVERY));
                }
            }
        }
    }

    /// Brings back the review an earlier run left unsaved.
    pub fn restore_recovered(&mut self) {
        let Some(recovered) = self.autosave.recovered.take() else {
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

    /// Shows a document's dataset, alone, and opens it in review mode.
    pub fn review_document(&mut self, doc: crate::edit::Document, name: String) {
        self.session.review_alone(doc, name);
        self.shown_changed();
        self.mode = Mode::Review(Box::default());
    }

    /// Throws the review an earlier run left unsaved away.
    pub fn discard_recovered(&mut self) {
        self.autosave.recovered = None;
        self.autosave.clear();
    }

    /// Runs `leave` now, or first asks whether to save the unsaved edits.
    pub fn request(&mut self, leave: Leave) {
        if self.is_dirty() {
            self.ui.leaving = Some(leave);
        } else {
            self.leave(leave);
        }
    }

    /// Does what was asked, the edits saved or given up.
    fn leave(&mut self, leave: Leave) {
        let drops = match &leave {
            Leave::ShowRegion(k) => self.session.review().is_some_and(|r| r.region() != *k),
            _ => true,
        };
        if drops && let Some(review) = self.session.end_review() {
            if review.doc.is_dirty() {
                // Given up: the autosave of those edits goes too.
                self.autosave.clear();
            }
            self.mode = Mode::Charts;
        }
        match leave {
            Leave::Open(paths) => self.open(&paths),
            Leave::OpenText(text) => self.open_text(&text),
            Leave::OpenDialog => self.open_dialog(),
            Leave::OpenFolderDialog => self.open_folder_dialog(),
            Leave::ShowFolder => self.show_folder(),
            Leave::ShowRegion(k) => self.show_region(k),
            Leave::Close => {
                self.window.close_confirmed = true;
                self.window.pending_close = true;
            }
        }
    }

    /// The answer to "save first?": save (then go on if it saved), discard, or cancel.
    fn answer_leaving(&mut self, answer: Answer) {
        let Some(leave) = self.ui.leaving.take() else {
            return;
        };
        match answer {
            Answer::Save if self.save_document() => self.leave(leave),
            Answer::Save | Answer::Cancel => {}
            Answer::Discard => {
                // Given up: every view goes back to the dataset as it was opened.
                if let Some(review) = self.session.review_mut() {
                    while review.doc.undo() {}
                }
                self.document_changed();
                self.leave(leave);
            }
        }
    }

    /// The window asked to close: with unsaved edits, ask first.
    fn handle_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.window.close_confirmed
            && self.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.ui.leaving = Some(Leave::Close);
        }
        if std::mem::take(&mut self.window.pending_close) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// A review dialog is open (merge, or "save first?"): Esc is its.
    pub(crate) fn review_dialog_open(&self) -> bool {
        self.ui.leaving.is_some()
            || matches!(&self.mode, Mode::Review(review) if review.merge.is_some())
    }

    /// The review's part of a frame: the close request, autosave, the dialog and banner
    /// of an unsaved or recovered review.
    pub(crate) fn review_frame(&mut self, ctx: &egui::Context) {
        self.handle_close(ctx);
        self.autosave_tick(ctx);
    }

    /// The "save first?" dialog, while something waits for its answer.
    pub(crate) fn leaving_dialog(&mut self, ctx: &egui::Context) {
        if self.ui.leaving.is_none() {
            return;
        }
        let t = self.state.chart.lang.texts();
        if let Some(answer) = dialogs::leaving(ctx, &self.session.name(), t) {
            self.answer_leaving(answer);
        }
    }

    /// The banner offering back a review an earlier run left unsaved, until answered.
    pub(crate) fn recovered_banner(&mut self, ui: &mut egui::Ui) {
        let Some(recovered) = &self.autosave.recovered else {
            return;
        };
        let lang = self.state.chart.lang;
        let mut answer = None;
        egui::Panel::top("recovered").show(ui, |ui| {
            answer = dialogs::recovered(ui, recovered, lang);
        });
        match answer {
            Some(true) => self.restore_recovered(),
            Some(false) => self.discard_recovered(),
            None => {}
        }
    }
}
