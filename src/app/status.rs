//! What the banner says after a user action: one variant per outcome, each holding the
//! typed error it reports, worded through [`Texts`] in the window's language, with a level
//! (error, warning, information, done) that gives it its colour and icon.

use std::path::PathBuf;

use eframe::egui::{self, Color32, RichText};

use crate::edit::EditError;
use crate::export::ExportError;
use crate::files::WriteError;
use crate::i18n::{Texts, fill};
use crate::open::OpenError;
use crate::render;

/// How much a status matters, from most to least.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something the user asked for did not happen.
    Error,
    /// It happened, with something to look at.
    Warning,
    Info,
    Done,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Opening files failed; the dataset shown stays.
    OpenFailed(OpenError),
    /// The clipboard held no text to open.
    ClipboardFailed(String),
    /// A dataset could not be written (nothing was).
    SaveFailed(WriteError),
    /// An export could not be written (nothing was).
    ExportWriteFailed(render::WriteError),
    Saved {
        path: PathBuf,
    },
    /// A deck written as a file per view (the files, in order).
    SavedFiles(Vec<PathBuf>),
    /// A deck could not be planned (nothing was written): why.
    DeckFailed(String),
    /// The chart could not be drawn into an image (before any file was chosen).
    ExportFailed(ExportError),
    Copied,
    DataCopied,
    CopyFailed(ExportError),
    /// An edit was refused: the document keeps the value it had.
    EditRefused(EditError),
    /// The review could not be autosaved; the edits are still in the window.
    AutosaveFailed(WriteError),
    /// Reports that name no region, kept apart from every other (their files).
    UnknownRegion(Vec<String>),
    /// A folder run ended: how many of its files opened, whether the user stopped it, and
    /// the files that could not be opened (each with its reason).
    FolderOpened {
        opened: usize,
        total: usize,
        cancelled: bool,
        failed: Option<OpenError>,
    },
    /// Files of one region and year disagree on figures: how many (the details panel shows
    /// both of each).
    Conflicts(usize),
}

impl Status {
    pub fn level(&self) -> Level {
        match self {
            Status::OpenFailed(_)
            | Status::ClipboardFailed(_)
            | Status::SaveFailed(_)
            | Status::ExportWriteFailed(_)
            | Status::ExportFailed(_)
            | Status::CopyFailed(_)
            | Status::DeckFailed(_)
            | Status::EditRefused(_) => Level::Error,
            Status::AutosaveFailed(_) | Status::UnknownRegion(_) => Level::Warning,
            Status::Conflicts(_) => Level::Info,
            Status::FolderOpened {
                cancelled, failed, ..
            } => {
                if *cancelled || failed.is_some() {
                    Level::Warning
                } else {
                    Level::Done
                }
            }
            Status::Saved { .. } | Status::SavedFiles(_) | Status::Copied | Status::DataCopied => {
                Level::Done
            }
        }
    }

    pub fn heading(&self, t: &Texts) -> &'static str {
        match self {
            Status::OpenFailed(_) | Status::ClipboardFailed(_) => t.open_failed,
            Status::SaveFailed(_) | Status::ExportWriteFailed(_) => t.save_failed,
            Status::Saved { .. } | Status::SavedFiles(_) => t.saved,
            Status::DeckFailed(_) => t.export_failed,
            Status::ExportFailed(_) => t.export_failed,
            Status::Copied => t.copied,
            Status::DataCopied => t.data_copied,
            Status::CopyFailed(_) => t.copy_failed,
            Status::EditRefused(_) => t.edit_refused,
            Status::AutosaveFailed(_) => t.autosave_failed,
            Status::UnknownRegion(_) | Status::Conflicts(_) => t.notice,
            Status::FolderOpened { .. } => t.folder_opened,
        }
    }

    /// The lines under the heading, in the window's language.
    pub fn detail(&self, t: &Texts) -> Option<String> {
        Some(match self {
            Status::OpenFailed(e) => e.message(t),
            Status::ClipboardFailed(why) => fill(t.messages.clipboard, &[("detail", why)]),
            Status::SaveFailed(e) | Status::AutosaveFailed(e) => e.message(t),
            Status::ExportWriteFailed(e) => e.message(t),
            Status::Saved { path } => path.display().to_string(),
            Status::SavedFiles(paths) => paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join("\n"),
            Status::DeckFailed(why) => why.clone(),
            Status::ExportFailed(e) | Status::CopyFailed(e) => export_message(e, t),
            Status::EditRefused(e) => e.message(t),
            Status::UnknownRegion(files) => files
                .iter()
                .map(|file| fill(t.unknown_region_notice, &[("file", file)]))
                .collect::<Vec<_>>()
                .join("\n"),
            Status::Conflicts(n) => fill(t.conflicts_notice, &[("n", n)]),
            Status::FolderOpened {
                opened,
                total,
                cancelled,
                failed,
            } => {
                let mut out = fill(t.folder_summary, &[("opened", opened), ("total", total)]);
                if *cancelled {
                    out.push_str(t.folder_cancelled);
                }
                if let Some(failed) = failed {
                    out.push('\n');
                    out.push_str(t.folder_failed);
                    out.push('\n');
                    out.push_str(&failed.message(t));
                }
                out
            }
            Status::Copied | Status::DataCopied => return None,
        })
    }
}

/// Why the chart could not be drawn into an image.
fn export_message(e: &ExportError, t: &Texts) -> String {
    match e {
        ExportError::Render(e) => e.message(t),
        ExportError::Encode { format, message } => format!("{format}{}{message}", t.colon),
    }
}

/// Okabe–Ito bluish green and blue: "done" and "information" in both themes, apart from the
/// error red and the warning yellow.
const DONE: Color32 = Color32::from_rgb(0, 158, 115);
const INFO: Color32 = Color32::from_rgb(0, 114, 178);

impl Level {
    fn color(self, visuals: &egui::Visuals) -> Color32 {
        match self {
            Level::Error => visuals.error_fg_color,
            Level::Warning => visuals.warn_fg_color,
            Level::Info => INFO,
            Level::Done => DONE,
        }
    }

    /// Told apart by shape as well as by colour (glyphs of the bundled font).
    pub fn icon(self) -> &'static str {
        match self {
            Level::Error => "⊘",
            Level::Warning => "⚠",
            Level::Info => "ⓘ",
            Level::Done => "✓",
        }
    }
}

/// Draws the banner; returns true when the user dismissed it.
pub fn banner(ui: &mut egui::Ui, status: &Status, t: &Texts) -> bool {
    let level = status.level();
    let color = level.color(ui.visuals());
    let detail = status.detail(t);
    // A short detail (a path) goes beside the heading, a message under it.
    let beside = matches!(level, Level::Done);
    let mut dismissed = false;
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .stroke(egui::Stroke::new(1.0, color))
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(level.icon()).color(color).strong());
                ui.label(RichText::new(status.heading(t)).color(color).strong());
                if beside && let Some(detail) = &detail {
                    ui.label(RichText::new(detail).monospace());
                }
                dismissed = ui.small_button(t.dismiss).clicked();
            });
            if !beside && let Some(detail) = &detail {
                ui.add(egui::Label::new(RichText::new(detail).monospace()).wrap());
            }
        });
    dismissed
}
