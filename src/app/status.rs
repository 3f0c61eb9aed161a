//! What the banner says after a user action: one variant per outcome, each with its own
//! heading and colour, so a failed save never reads "could not open the file".

use std::path::PathBuf;

use eframe::egui::{self, Color32, RichText};

use crate::i18n::Texts;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Opening files failed; the dataset shown stays. `error` names every file and where.
    OpenFailed {
        error: String,
    },
    SaveFailed {
        path: PathBuf,
        error: String,
    },
    Saved {
        path: PathBuf,
    },
    /// The chart could not be drawn into an image (before any file was chosen).
    ExportFailed {
        error: String,
    },
    Copied,
    DataCopied,
    /// Something the user should know about what was opened (a report of unknown region).
    Notice {
        text: String,
    },
    CopyFailed {
        error: String,
    },
}

impl Status {
    pub fn is_error(&self) -> bool {
        match self {
            Status::OpenFailed { .. }
            | Status::SaveFailed { .. }
            | Status::ExportFailed { .. }
            | Status::CopyFailed { .. } => true,
            Status::Saved { .. } | Status::Copied | Status::DataCopied | Status::Notice { .. } => {
                false
            }
        }
    }

    pub fn heading(&self, t: &Texts) -> &'static str {
        match self {
            Status::OpenFailed { .. } => t.open_failed,
            Status::SaveFailed { .. } => t.save_failed,
            Status::Saved { .. } => t.saved,
            Status::ExportFailed { .. } => t.export_failed,
            Status::Copied => t.copied,
            Status::DataCopied => t.data_copied,
            Status::Notice { .. } => t.notice,
            Status::CopyFailed { .. } => t.copy_failed,
        }
    }

    /// The line under the heading: the path or the error, if any.
    pub fn detail(&self) -> Option<String> {
        match self {
            Status::OpenFailed { error }
            | Status::ExportFailed { error }
            | Status::CopyFailed { error } => Some(error.clone()),
            // The writers' errors usually name the path already; never say it twice.
            Status::SaveFailed { path, error } => {
                let path = path.display().to_string();
                Some(if error.contains(&path) {
                    error.clone()
                } else {
                    format!("{path}: {error}")
                })
            }
            Status::Saved { path } => Some(path.display().to_string()),
            Status::Copied | Status::DataCopied => None,
            Status::Notice { text } => Some(text.clone()),
        }
    }
}

/// Okabe–Ito bluish green: "done" in both themes, apart from the error red.
const DONE: Color32 = Color32::from_rgb(0, 158, 115);

/// Draws the banner; returns true when the user dismissed it.
pub fn banner(ui: &mut egui::Ui, status: &Status, t: &Texts) -> bool {
    let color = if status.is_error() {
        ui.visuals().error_fg_color
    } else {
        DONE
    };
    let mut dismissed = false;
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .stroke(egui::Stroke::new(1.0, color))
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(status.heading(t)).color(color).strong());
                if !status.is_error()
                    && let Some(detail) = status.detail()
                {
                    ui.label(RichText::new(detail).monospace());
                }
                dismissed = ui.small_button(t.dismiss).clicked();
            });
            if status.is_error()
                && let Some(detail) = status.detail()
            {
                ui.label(RichText::new(detail).monospace());
            }
        });
    dismissed
}
