//! The export dialog: size, scale, theme, language, title and file name, with a preview of
//! the very image that will be saved or copied.

use eframe::egui::{self, ColorImage, TextureHandle, TextureOptions};

use super::{AppCommand, Status, status};
use crate::chart::View;
use crate::export::{ExportError, Format};
use crate::i18n::{Lang, Texts};
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
    /// "Whole deck": several views and regions in one export.
    pub deck: DeckChoice,
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
            deck: DeckChoice::default(),
            image: None,
            preview: None,
        }
    }
}

/// The views and regions of a whole-deck export, ticked in the dialog; written through
/// [`crate::deck`] as the command line's `export --view … --region …` writes them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeckChoice {
    pub on: bool,
    /// In the order of [`View::ALL`].
    pub views: Vec<View>,
    /// Region keys, in the order the regions are open.
    pub regions: Vec<String>,
    /// PowerPoint slides as pictures (the exact look) instead of native charts.
    pub picture: bool,
}

impl DeckChoice {
    /// Keeps what is ticked of what is open; with nothing left, the view and region shown.
    fn fit(&mut self, view: View, shown: &str, open: &[String]) {
        self.regions.retain(|r| open.contains(r));
        if self.regions.is_empty() {
            self.regions.push(shown.to_owned());
        }
        if self.views.is_empty() {
            self.views.push(view);
        }
    }
}

impl ExportDialog {
    /// Opens the dialog for the view shown, in the window's language; `shown` is the key of
    /// the region shown and `open` those of every region open (for the whole deck).
    pub fn open_for(&mut self, view: View, lang: Lang, shown: &str, open: &[String]) {
        self.open = true;
        self.lang = lang;
        self.file_name = default_file_name(view, self.format);
        self.deck.fit(view, shown, open);
    }

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

/// What the dialog reads besides its own settings.
pub struct Input<'a> {
    /// The window's language (the dialog's own picks the image's).
    pub lang: Lang,
    /// The banner: the dialog covers the window's.
    pub status: Option<&'a Status>,
    /// Whether the image of the settings could be made (and whether it is new).
    pub preview: Result<bool, ExportError>,
    /// The title the chart has unless one is typed (the compare view's names its indicator).
    pub default_title: String,
    /// The keys of the regions open, for the whole deck.
    pub regions: Vec<String>,
}

/// What the user asked of the dialog.
#[derive(Default)]
pub struct Response {
    pub commands: Vec<AppCommand>,
    /// The banner's dismiss button was clicked.
    pub dismissed: bool,
}

pub fn show(ctx: &egui::Context, dialog: &mut ExportDialog, input: &Input<'_>) -> Response {
    let mut out = Response::default();
    let t = input.lang.texts();
    let modal = egui::Modal::new(egui::Id::unique("export_dialog")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(t.export_title);
        ui.separator();
        // One row per setting, each on a single line, so rows never run into each other.
        egui::Grid::new("export_grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                format_row(ui, dialog, t);
                deck_rows(
                    ui,
                    &mut dialog.deck,
                    dialog.format,
                    &input.regions,
                    input.lang,
                );
                size_rows(ui, dialog, t);
                look_rows(ui, dialog, t);
                text_rows(ui, dialog, &input.default_title, t);
            });
        ui.separator();
        preview(dialog, &input.preview, ui, t);
        ui.separator();
        // The banner shows here too: the dialog covers the window's.
        if let Some(shown) = input.status {
            out.dismissed = status::banner(ui, shown, t);
        }
        ui.horizontal(|ui| {
            for command in [
                AppCommand::SaveExport,
                AppCommand::CopyChart,
                AppCommand::CopyData,
            ] {
                if command.button(ui, input.lang).clicked() {
                    out.commands.push(command);
                }
            }
            if ui.button(t.close).clicked() {
                dialog.open = false;
            }
        });
    });
    if modal.should_close() {
        dialog.open = false;
    }
    out
}

/// The file format; the file name follows its extension.
fn format_row(ui: &mut egui::Ui, dialog: &mut ExportDialog, t: &Texts) {
    ui.label(t.format);
    ui.horizontal(|ui| {
        for format in Format::ALL {
            if ui
                .selectable_value(&mut dialog.format, format, format.name())
                .changed()
            {
                let stem = std::path::Path::new(&dialog.file_name)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                dialog.file_name = format!("{stem}.{}", format.extension());
            }
        }
    });
    ui.end_row();
}

/// "Whole deck", and when ticked the views and regions to include (one at least of each)
/// and, for PowerPoint, slides as pictures.
fn deck_rows(
    ui: &mut egui::Ui,
    deck: &mut DeckChoice,
    format: Format,
    open: &[String],
    lang: Lang,
) {
    let t = lang.texts();
    ui.label(t.whole_deck);
    ui.checkbox(&mut deck.on, t.whole_deck_hint);
    ui.end_row();
    if !deck.on {
        return;
    }
    ui.label(t.deck_views);
    ui.horizontal_wrapped(|ui| {
        for view in View::ALL {
            tick(ui, &mut deck.views, view, view.name(lang));
        }
        // Kept in the views' own order, whatever order they were ticked in.
        deck.views
            .sort_by_key(|v| View::ALL.iter().position(|a| a == v));
    });
    ui.end_row();
    ui.label(t.region);
    ui.horizontal_wrapped(|ui| {
        for region in open {
            tick(ui, &mut deck.regions, region.clone(), region);
        }
        deck.regions
            .sort_by_key(|r| open.iter().position(|o| o == r));
    });
    ui.end_row();
    if format == Format::Pptx {
        ui.label("");
        ui.checkbox(&mut deck.picture, t.deck_picture);
        ui.end_row();
    } else {
        ui.label("");
        ui.label(t.deck_files_hint);
        ui.end_row();
    }
}

/// A checkbox for whether `item` is in `ticked`; the last one ticked stays ticked.
fn tick<T: PartialEq>(ui: &mut egui::Ui, ticked: &mut Vec<T>, item: T, label: &str) {
    let was = ticked.contains(&item);
    let mut on = was;
    let last = was && ticked.len() == 1;
    ui.add_enabled(!last, egui::Checkbox::new(&mut on, label));
    if on && !was {
        ticked.push(item);
    } else if !on && was {
        ticked.retain(|t| *t != item);
    }
}

/// The slide sizes, a size of one's own, and the scale.
fn size_rows(ui: &mut egui::Ui, dialog: &mut ExportDialog, t: &Texts) {
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
}

/// The image's theme and language.
fn look_rows(ui: &mut egui::Ui, dialog: &mut ExportDialog, t: &Texts) {
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
}

/// The title (the view's by default), a note under the chart, and the file name.
fn text_rows(ui: &mut egui::Ui, dialog: &mut ExportDialog, default_title: &str, t: &Texts) {
    let label = ui.label(t.title);
    ui.add(
        egui::TextEdit::singleline(&mut dialog.title)
            .hint_text(default_title)
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
}

/// The image of the settings, scaled down; it is uploaded again only when it changed.
fn preview(
    dialog: &mut ExportDialog,
    made: &Result<bool, ExportError>,
    ui: &mut egui::Ui,
    t: &Texts,
) {
    match made {
        Ok(changed) => {
            if let Some((_, _, image)) = &dialog.image
                && (*changed || dialog.preview.is_none())
            {
                dialog.preview = Some(ui.ctx().load_texture(
                    "export_preview",
                    image.clone(),
                    TextureOptions::LINEAR,
                ));
            }
        }
        Err(error) => {
            let why = Status::ExportFailed(error.clone())
                .detail(t)
                .unwrap_or_default();
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("{} {why}", t.export_failed),
            );
            return;
        }
    }
    if let Some(texture) = &dialog.preview {
        let size = texture.size_vec2();
        let fit = (540.0 / size.x).min(300.0 / size.y);
        ui.image((texture.id(), size * fit));
    }
}
