//! The export dialog: size, scale, theme, language, title and file name, with a preview of
//! the very image that will be saved or copied.

use eframe::egui::{self, ColorImage, TextureHandle, TextureOptions};

use super::{AppCommand, GwrApp, status};
use crate::export::Format;
use crate::i18n::Lang;
use crate::render::{ImageSettings, MAX_SIDE, SCALES};

/// Slide sizes offered in the dialog: (label, width, height).
pub const SIZE_PRESETS: [(&str, u32, u32); 3] = [
    ("16:9 1920×1080", 1920, 1080),
    ("16:9 3840×2160", 3840, 2160),
    ("4:3 1600×1200", 1600, 1200),
];

/// The dialog's settings and the last image it rendered.
pub struct ExportDialog {
    pub open: bool,
    pub width: u32,
    pub height: u32,
    /// Pixels per point, 0.5 to 4 in steps of a quarter.
    pub scale: f32,
    pub dark: bool,
    pub lang: Lang,
    pub title: String,
    /// A footnote line under the chart.
    pub note: String,
    pub file_name: String,
    /// What Save writes: an image (PNG, SVG, PDF) or the numbers (CSV, Excel).
    pub format: Format,
    /// The rendered image and the settings and selection it was made from.
    pub image: Option<(ImageSettings, Vec<String>, ColorImage)>,
    pub(super) preview: Option<TextureHandle>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            open: false,
            width: 1920,
            height: 1080,
            scale: 1.0,
            dark: false,
            lang: Lang::Zh,
            title: String::new(),
            note: String::new(),
            file_name: String::new(),
            format: Format::Png,
            image: None,
            preview: None,
        }
    }
}

impl ExportDialog {
    /// The image settings for a chart spec; the command line builds the same.
    pub fn settings(&self, app_spec: &crate::chart::ChartSpec) -> ImageSettings {
        let mut spec = app_spec.clone();
        spec.lang = self.lang;
        spec.title = Some(self.title.trim().to_owned()).filter(|t| !t.is_empty());
        spec.note = Some(self.note.trim().to_owned()).filter(|t| !t.is_empty());
        ImageSettings {
            spec,
            width: self.width,
            height: self.height,
            scale: self.scale,
            dark: self.dark,
        }
    }
}

/// The default file name: the view and today's date, with the format's extension.
pub fn default_file_name(view: crate::chart::View, format: Format) -> String {
    format!(
        "{}-{}.{}",
        view.key(),
        chrono::Local::now().format("%Y-%m-%d"),
        format.extension()
    )
}

pub fn show(app: &mut GwrApp, ctx: &egui::Context) {
    if !app.export.open {
        return;
    }
    let t = app.state.chart.lang.texts();
    let modal = egui::Modal::new(egui::Id::unique("export_dialog")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(t.export_title);
        ui.separator();
        let dialog = &mut app.export;
        // One row per setting, each on a single line, so rows never run into each other.
        egui::Grid::new("export_grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                ui.label(t.format);
                ui.horizontal(|ui| {
                    for format in Format::ALL {
                        if ui
                            .selectable_value(&mut dialog.format, format, format.name())
                            .changed()
                        {
                            // The file name follows the format's extension.
                            let stem = std::path::Path::new(&dialog.file_name)
                                .file_stem()
                                .map(|s| s.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            dialog.file_name = format!("{stem}.{}", format.extension());
                        }
                    }
                });
                ui.end_row();
                ui.label(t.size);
                ui.horizontal(|ui| {
                    for (label, w, h) in SIZE_PRESETS {
                        let on = dialog.width == w && dialog.height == h;
                        if ui.selectable_label(on, label).clicked() {
                            dialog.width = w;
                            dialog.height = h;
                        }
                    }
                });
                ui.end_row();
                ui.label(t.custom);
                ui.horizontal(|ui| {
                    let w = ui.label(t.width);
                    ui.add(egui::DragValue::new(&mut dialog.width).range(1..=MAX_SIDE))
                        .labelled_by(w.id);
                    let h = ui.label(t.height);
                    ui.add(egui::DragValue::new(&mut dialog.height).range(1..=MAX_SIDE))
                        .labelled_by(h.id);
                });
                ui.end_row();
                let label = ui.label(t.scale);
                ui.add(
                    egui::Slider::new(&mut dialog.scale, SCALES)
                        .step_by(0.25)
                        .fixed_decimals(2)
                        .suffix("×"),
                )
                .labelled_by(label.id)
                .on_hover_text(t.scale_hint);
                ui.end_row();
                ui.label(t.theme);
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut dialog.dark, false, t.light);
                    ui.selectable_value(&mut dialog.dark, true, t.dark);
                });
                ui.end_row();
                ui.label(t.language);
                ui.horizontal(|ui| {
                    for lang in Lang::ALL {
                        ui.selectable_value(&mut dialog.lang, lang, lang.native_name());
                    }
                });
                ui.end_row();
                let label = ui.label(t.title);
                ui.add(
                    egui::TextEdit::singleline(&mut dialog.title)
                        .hint_text(app.state.chart.view.title(dialog.lang))
                        .desired_width(380.0),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(t.note);
                ui.add(
                    egui::TextEdit::singleline(&mut dialog.note)
                        .hint_text(t.note_hint)
                        .desired_width(380.0),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(t.file_name);
                ui.add(egui::TextEdit::singleline(&mut dialog.file_name).desired_width(380.0))
                    .labelled_by(label.id);
                ui.end_row();
            });
        ui.separator();
        preview(app, ui);
        ui.separator();
        // The banner shows here too: the dialog covers the window's.
        if let Some(shown) = &app.status
            && status::banner(ui, shown, t)
        {
            app.status = None;
        }
        ui.horizontal(|ui| {
            for command in [
                AppCommand::SaveExport,
                AppCommand::CopyChart,
                AppCommand::CopyData,
            ] {
                if command.button(ui, app.state.chart.lang).clicked() {
                    app.push(command);
                }
            }
            if ui.button(t.close).clicked() {
                app.export.open = false;
            }
        });
    });
    if modal.should_close() {
        app.export.open = false;
    }
}

/// Renders the image when the settings or the selection changed, and shows it scaled down.
fn preview(app: &mut GwrApp, ui: &mut egui::Ui) {
    match app.refresh_export_image() {
        Ok(changed) => {
            if let Some((_, _, image)) = &app.export.image
                && (changed || app.export.preview.is_none())
            {
                app.export.preview = Some(ui.ctx().load_texture(
                    "export_preview",
                    image.clone(),
                    TextureOptions::LINEAR,
                ));
            }
        }
        Err(error) => {
            let t = app.state.chart.lang.texts();
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("{} {error}", t.export_failed),
            );
            return;
        }
    }
    if let Some(texture) = &app.export.preview {
        let size = texture.size_vec2();
        let fit = (540.0 / size.x).min(300.0 / size.y);
        ui.image((texture.id(), size * fit));
    }
}
