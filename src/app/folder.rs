//! Opening folders in the background: a worker thread opens every dataset and report in
//! them (the reports drafted as `extract --out-dir` drafts them, through [`batch::run`]),
//! while the window draws its frames and a progress bar with a Cancel button. A frame only
//! reads what the worker has sent; the worker asks for a frame when it sends something.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use eframe::egui;

use super::AppCommand;
use crate::batch;
use crate::collection::Opened;
use crate::extract::Overrides;
use crate::i18n::{Texts, fill};
use crate::model::LoadError;
use crate::open::{self, OpenError};

/// A file opened (with the report text of a draft), or why it could not be.
type Outcome = Result<(Opened, Option<String>), LoadError>;

/// What the worker sends.
enum Event {
    /// The files found: how many there are to open.
    Found(usize),
    /// One file opened (with the report text of a draft), or why it could not be.
    Done(usize, Box<Outcome>),
    /// The folders could not be read, or hold nothing to open.
    Failed(OpenError),
    /// Every file is done, or the run was cancelled and the files under way are done.
    Finished,
}

/// A folder run under way.
pub struct FolderRun {
    cancel: Arc<AtomicBool>,
    events: mpsc::Receiver<Event>,
    /// How many files there are (0 until they are found).
    pub total: usize,
    /// The results so far, by the file's place in the order found.
    results: Vec<(usize, Box<Outcome>)>,
    failed: Option<OpenError>,
    finished: bool,
}

/// What a finished run opened: the files opened (in the order found) with the texts of
/// the drafts, the files that could not be, and whether the user stopped it.
#[derive(Debug)]
pub struct Finished {
    pub opened: Vec<Opened>,
    pub texts: Vec<(String, String)>,
    pub errors: Vec<LoadError>,
    pub total: usize,
    pub cancelled: bool,
}

impl FolderRun {
    /// Starts opening the folders (and files) of `paths` on a thread of its own; `ctx` is
    /// asked for a frame whenever there is news.
    pub fn start(paths: Vec<PathBuf>, ctx: &egui::Context) -> FolderRun {
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, events) = mpsc::channel();
        let (flag, ctx) = (cancel.clone(), ctx.clone());
        std::thread::spawn(move || {
            let send = |event| {
                // The window may be gone (closed mid-run): nothing is left to tell.
                let _ = sender.send(event);
                ctx.request_repaint();
            };
            match open::expand_folders(&paths) {
                Ok(found) => {
                    send(Event::Found(found.len()));
                    batch::run(
                        &found,
                        batch::workers(),
                        &flag,
                        |f| open::open_path_with_text(f, &Overrides::default()),
                        |n, result| send(Event::Done(n, Box::new(result))),
                    );
                }
                Err(e) => send(Event::Failed(e)),
            }
            send(Event::Finished);
        });
        FolderRun {
            cancel,
            events,
            total: 0,
            results: Vec::new(),
            failed: None,
            finished: false,
        }
    }

    /// No new file is started; the files under way finish and are kept.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// How many files are done.
    pub fn done(&self) -> usize {
        self.results.len()
    }

    /// Takes in what the worker sent, without waiting. Returns the outcome once the run is
    /// over: what was opened, or why nothing could be.
    pub fn poll(&mut self) -> Option<Result<Finished, OpenError>> {
        while let Ok(event) = self.events.try_recv() {
            match event {
                Event::Found(n) => self.total = n,
                Event::Done(n, result) => self.results.push((n, result)),
                Event::Failed(e) => self.failed = Some(e),
                Event::Finished => self.finished = true,
            }
        }
        if !self.finished {
            return None;
        }
        if let Some(e) = self.failed.take() {
            return Some(Err(e));
        }
        let mut results = std::mem::take(&mut self.results);
        results.sort_by_key(|(n, _)| *n);
        let mut finished = Finished {
            opened: Vec::new(),
            texts: Vec::new(),
            errors: Vec::new(),
            total: self.total,
            cancelled: self.cancelling() && results.len() < self.total,
        };
        for (_, result) in results {
            match *result {
                Ok((opened, text)) => {
                    if let Some(text) = text {
                        finished.texts.push((opened.name.clone(), text));
                    }
                    finished.opened.push(opened);
                }
                Err(e) => finished.errors.push(e),
            }
        }
        Some(Ok(finished))
    }
}

impl Drop for FolderRun {
    /// A run dropped (the window closing) stops starting files.
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The progress bar and its Cancel button, at the foot of the window; returns the command
/// the button asks for.
pub fn progress(ui: &mut egui::Ui, run: &FolderRun, t: &Texts) -> Option<AppCommand> {
    let mut command = None;
    egui::Panel::bottom("folder_progress").show(ui, |ui| {
        ui.horizontal(|ui| {
            let (done, total) = (run.done(), run.total);
            let text = if run.cancelling() {
                t.folder_stopping.to_owned()
            } else {
                fill(t.folder_progress, &[("done", &done), ("total", &total)])
            };
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .text(text)
                    .desired_width(ui.available_width() - 120.0),
            );
            let cancel = ui.add_enabled(!run.cancelling(), egui::Button::new(t.cancel));
            if cancel.clicked() {
                command = Some(AppCommand::CancelFolder);
            }
        });
    });
    command
}
