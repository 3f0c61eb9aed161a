//! A chart laid out and painted offscreen ([`paint`]), at an image's size and scale, by
//! [`chart::show`], the function the window uses; the exports turn the painted shapes into
//! files ([`crate::export`]). Also atomic PNG writing.

use std::path::{Path, PathBuf};

use eframe::egui::{self, ColorImage, Frame, Pos2, RawInput, Rect, ViewportId};
use image::ImageEncoder as _;

use crate::chart::{self, ChartInput, ChartSpec, Mode};
use crate::files;
use crate::fonts;
use crate::i18n::{Texts, fill};

/// The largest width or height, in pixels, an image may have.
pub const MAX_SIDE: u32 = 8192;

/// The scales (pixels per point) an export may have.
pub const SCALES: std::ops::RangeInclusive<f32> = 0.5..=4.0;

/// Everything that decides the pixels of an exported chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageSettings {
    pub spec: ChartSpec,
    pub width: u32,
    pub height: u32,
    /// Pixels per point, 0.5 to 4: larger scales make text and lines larger.
    pub scale: f32,
    pub dark: bool,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            spec: ChartSpec::default(),
            width: 1920,
            height: 1080,
            scale: 1.0,
            dark: false,
        }
    }
}

/// Why a chart cannot be drawn at these settings.
#[derive(Clone, Debug, PartialEq)]
pub enum RenderError {
    Size { width: u32, height: u32 },
    Scale(f32),
}

impl RenderError {
    pub fn message(&self, t: &Texts) -> String {
        let m = t.messages;
        match self {
            RenderError::Size { width, height } => fill(
                m.image_size,
                &[("width", width), ("height", height), ("max", &MAX_SIDE)],
            ),
            RenderError::Scale(scale) => fill(m.image_scale, &[("scale", scale)]),
        }
    }
}

/// Why an export was not written; the file that was there, if any, is untouched. Said of
/// files: the command line adds its own words (its `--format`).
#[derive(Clone, Debug, PartialEq)]
pub enum WriteError {
    /// The name's extension is no format's.
    Extension {
        path: String,
    },
    /// The format asked for is not the one the name's extension says.
    FormatMismatch {
        path: String,
        format: String,
        extension: String,
    },
    Render {
        path: String,
        source: RenderError,
    },
    /// The file's bytes could not be made, in the encoder's words.
    Format {
        path: String,
        format: &'static str,
        message: String,
    },
    File(files::WriteError),
}

impl From<files::WriteError> for WriteError {
    fn from(e: files::WriteError) -> WriteError {
        WriteError::File(e)
    }
}

impl WriteError {
    pub fn message(&self, t: &Texts) -> String {
        let m = t.messages;
        match self {
            WriteError::Extension { path } => fill(m.unknown_extension, &[("file", path)]),
            WriteError::FormatMismatch {
                path,
                format,
                extension,
            } => fill(
                m.format_contradicts,
                &[("file", path), ("format", format), ("extension", extension)],
            ),
            WriteError::Render { path, source } => {
                format!("{path}{}{}", t.colon, source.message(t))
            }
            WriteError::Format {
                path,
                format,
                message,
            } => fill(
                m.cannot_encode,
                &[("file", path), ("format", format), ("detail", message)],
            ),
            WriteError::File(e) => e.message(t),
        }
    }
}

crate::i18n::display_in_english!(RenderError, WriteError);

/// Refuses an image with a side of 0 or over [`MAX_SIDE`] pixels.
pub fn check_size(width: u32, height: u32) -> Result<(), RenderError> {
    let ok = |side: u32| (1..=MAX_SIDE).contains(&side);
    if ok(width) && ok(height) {
        Ok(())
    } else {
        Err(RenderError::Size { width, height })
    }
}

impl ImageSettings {
    pub fn check(&self) -> Result<(), RenderError> {
        check_size(self.width, self.height)?;
        if !SCALES.contains(&self.scale) {
            return Err(RenderError::Scale(self.scale));
        }
        Ok(())
    }
}

/// A chart laid out and painted by egui, before tessellation: what the GPU rasterizes, and
/// what vector export and the label-layout checks read.
pub struct Painted {
    /// The context that laid it out (its fonts hold the galleys' glyphs).
    pub ctx: egui::Context,
    pub shapes: Vec<egui::epaint::ClippedShape>,
    /// Every texture the passes created (the font atlas among them), to upload once.
    pub textures: egui::TexturesDelta,
    pub pixels_per_point: f32,
    /// The image's size in points.
    pub size: egui::Vec2,
    /// The ids of the indicators the chart drew, in order (what a data export holds).
    pub drawn: Vec<String>,
    /// The title, legend and footer as drawn (a slide sets them as text).
    pub captions: chart::Captions,
}

impl Drop for Painted {
    /// Textures that a vector writer or a check did not upload are not needed anywhere.
    fn drop(&mut self) {
        self.textures.clear();
    }
}

/// Lays out and paints the chart in a fresh egui context of the settings' size and scale,
/// through [`chart::show`], the function the window uses. Needs no GPU.
pub fn paint(input: &ChartInput<'_>, settings: &ImageSettings) -> Result<Painted, RenderError> {
    settings.check()?;
    let ppp = settings.scale;
    let ctx = egui::Context::default();
    // The bundled fonts only: the vector writers draw glyphs from them, and an image must
    // not depend on the fonts of the machine that made it.
    ctx.set_fonts(fonts::definitions());
    ctx.set_theme(if settings.dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.all_styles_mut(|style| style.animation_time = 0.0);
    let size = egui::vec2(settings.width as f32 / ppp, settings.height as f32 / ppp);
    let mut raw = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
        ..Default::default()
    };
    if let Some(viewport) = raw.viewports.get_mut(&ViewportId::ROOT) {
        viewport.native_pixels_per_point = Some(ppp);
    }
    let margin = (size.min_elem() * 0.035).round() as i8;
    // Type follows the image's size in pixels, so `scale` makes it larger or smaller.
    let type_scale = chart::image_type_scale(settings.width, settings.height);
    let mode = Mode::Image { type_scale };
    let mut shapes = Vec::new();
    let mut textures = egui::TexturesDelta::default();
    let mut response = chart::ChartResponse::default();
    // Fonts load in the first pass and plots lay out axes from the pass before, so a few
    // passes settle the layout; the textures of every pass are kept.
    for _ in 0..3 {
        let mut full = ctx.run_ui(raw.clone(), |ui| {
            egui::CentralPanel::default()
                .frame(Frame::central_panel(ui.style()).inner_margin(egui::Margin::same(margin)))
                .show(ui, |ui| {
                    response = chart::show(ui, input, &settings.spec, mode);
                });
        });
        textures.append(std::mem::take(&mut full.textures_delta));
        shapes = full.shapes;
    }
    Ok(Painted {
        ctx,
        shapes,
        textures,
        pixels_per_point: ppp,
        size,
        drawn: response.drawn,
        captions: response.captions,
    })
}

/// A piece of text as painted: where its glyphs are (ink, in points) and what it says.
#[derive(Clone, Debug)]
pub struct TextBox {
    pub text: String,
    pub rect: Rect,
    /// The area it may be seen in; ink outside it is cut off.
    pub clip: Rect,
}

/// Every piece of text in a painted chart, for checking that labels fit the image and
/// stay clear of each other.
pub fn text_boxes(painted: &Painted) -> Vec<TextBox> {
    fn walk(shape: &egui::Shape, clip: Rect, out: &mut Vec<TextBox>) {
        match shape {
            egui::Shape::Vec(shapes) => {
                for shape in shapes {
                    walk(shape, clip, out);
                }
            }
            egui::Shape::Text(text) if !text.galley.is_empty() => out.push(TextBox {
                text: text.galley.text().to_owned(),
                rect: text.visual_bounding_rect(),
                clip,
            }),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &painted.shapes {
        walk(&clipped.shape, clipped.clip_rect, &mut out);
    }
    out.retain(|b| !b.text.trim().is_empty());
    out
}

/// Encodes an image as PNG bytes.
pub fn png_bytes(image: &ColorImage) -> Result<Vec<u8>, image::ImageError> {
    let [w, h] = image.size;
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out).write_image(
        image.as_raw(),
        w as u32,
        h as u32,
        image::ExtendedColorType::Rgba8,
    )?;
    Ok(out)
}

/// Refuses a path that does not end in `.png`, before any work is done.
pub fn check_png_path(path: &Path) -> Result<(), WriteError> {
    let is_png = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    if is_png {
        Ok(())
    } else {
        Err(WriteError::Extension {
            path: path.display().to_string(),
        })
    }
}

/// Writes a PNG atomically: a temporary file in the same directory, then a rename, so a
/// failure never leaves a half-written file or replaces a good one.
pub fn write_png(path: &Path, image: &ColorImage) -> Result<PathBuf, WriteError> {
    check_png_path(path)?;
    let shown = path.display().to_string();
    let bytes = png_bytes(image).map_err(|e| WriteError::Format {
        path: shown,
        format: "PNG",
        message: e.to_string(),
    })?;
    files::write_atomic(path, &bytes)?;
    Ok(path.to_path_buf())
}
