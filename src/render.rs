//! Offscreen rendering of a chart to an image, and atomic PNG writing.
//!
//! The image is drawn by [`chart::show`], the function the window uses, in a fresh egui
//! context of the requested size and scale, then rasterized by egui-wgpu into a texture
//! (the way egui_kittest renders). The window's export dialog, the clipboard and the
//! `export` command all come through [`Renderer::render`].

use std::path::{Path, PathBuf};

use eframe::egui::{self, ColorImage, Frame, Pos2, RawInput, Rect, ViewportId};
use egui_wgpu::wgpu;
use image::ImageEncoder as _;

use crate::chart::{self, ChartInput, ChartSpec, Mode};
use crate::fonts;

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

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(
        "image size {width}x{height} is out of range: each side must be 1 to {MAX_SIDE} pixels"
    )]
    Size { width: u32, height: u32 },
    #[error("scale {0} is out of range: use a number from 0.5 to 4")]
    Scale(f32),
    #[error("no graphics adapter for offscreen rendering: {0}")]
    Setup(String),
    #[error("rendering failed: {0}")]
    Gpu(String),
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "{path}: unknown file type: the name must end in .png, .svg, .pdf, .csv, .xlsx or .pptx (or name the format with --format)"
    )]
    Extension { path: String },
    #[error("{path}: --format {format} contradicts the file name's extension .{extension}")]
    FormatMismatch {
        path: String,
        format: String,
        extension: String,
    },
    #[error("{path}: {source}")]
    Render { path: String, source: RenderError },
    #[error("{path}: cannot write: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: cannot encode PNG: {source}")]
    Encode {
        path: String,
        source: image::ImageError,
    },
    #[error("{path}: cannot encode {format}: {message}")]
    Format {
        path: String,
        format: &'static str,
        message: String,
    },
}

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

/// A GPU device (or Mesa's software rasterizer) kept for repeated renders.
pub struct Renderer {
    device: wgpu::Device,
    queue: wgpu::Queue,
    renderer: egui_wgpu::Renderer,
}

const FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8Unorm;

impl Renderer {
    /// Creates a headless device; no window or display is needed.
    pub fn new() -> Result<Renderer, RenderError> {
        let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        setup
            .instance_descriptor
            .backends
            .remove(wgpu::Backends::BROWSER_WEBGPU);
        let setup = egui_wgpu::WgpuSetup::CreateNew(setup);
        let instance = pollster::block_on(setup.new_instance());
        let state = pollster::block_on(egui_wgpu::RenderState::create(
            &egui_wgpu::WgpuConfiguration {
                wgpu_setup: setup,
                ..Default::default()
            },
            &instance,
            None,
            egui_wgpu::RendererOptions::PREDICTABLE,
        ))
        .map_err(|e| RenderError::Setup(e.to_string()))?;
        let renderer = egui_wgpu::Renderer::new(
            &state.device,
            FORMAT,
            egui_wgpu::RendererOptions::PREDICTABLE,
        );
        Ok(Renderer {
            device: state.device,
            queue: state.queue,
            renderer,
        })
    }

    /// Draws the chart of `input` at the settings' size and scale.
    pub fn render(
        &mut self,
        input: &ChartInput<'_>,
        settings: &ImageSettings,
    ) -> Result<ColorImage, RenderError> {
        let mut painted = paint(input, settings)?;
        for (id, deltas) in painted.textures.set.drain() {
            for delta in deltas {
                self.renderer
                    .update_texture(&self.device, &self.queue, id, &delta);
            }
        }
        let ppp = painted.pixels_per_point;
        let primitives = painted
            .ctx
            .tessellate(std::mem::take(&mut painted.shapes), ppp);
        let image = self.rasterize(&primitives, settings.width, settings.height, ppp);
        for id in painted.textures.free.drain() {
            self.renderer.free_texture(&id);
        }
        image
    }

    fn rasterize(
        &mut self,
        primitives: &[egui::ClippedPrimitive],
        width: u32,
        height: u32,
        ppp: f32,
    ) -> Result<ColorImage, RenderError> {
        let screen = egui_wgpu::ScreenDescriptor {
            size_in_pixels: [width, height],
            pixels_per_point: ppp,
        };
        let mut encoder = self
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("gwr-charts export"),
            });
        let commands = self.renderer.update_buffers(
            &self.device,
            &self.queue,
            &mut encoder,
            primitives,
            &screen,
        );
        let texture = self.device.create_texture(&wgpu::TextureDescriptor {
            label: Some("gwr-charts export"),
            size: wgpu::Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: FORMAT,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("gwr-charts export"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::WHITE),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            self.renderer.render(&mut pass, primitives, &screen);
        }
        // Rows of a texture copy are padded to 256 bytes.
        let unpadded = width as usize * 4;
        let padded = unpadded.div_ceil(256) * 256;
        let buffer = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("gwr-charts readback"),
            size: (padded * height as usize) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded as u32),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
        );
        let submission = self
            .queue
            .submit(commands.into_iter().chain([encoder.finish()]));
        let slice = buffer.slice(..);
        let (sender, receiver) = std::sync::mpsc::channel();
        slice.map_async(wgpu::MapMode::Read, move |r| drop(sender.send(r)));
        self.device
            .poll(wgpu::PollType::Wait {
                submission_index: Some(submission),
                timeout: Some(std::time::Duration::from_secs(60)),
            })
            .map_err(|e| RenderError::Gpu(e.to_string()))?;
        receiver
            .recv()
            .map_err(|e| RenderError::Gpu(e.to_string()))?
            .map_err(|e| RenderError::Gpu(e.to_string()))?;
        let data = slice
            .get_mapped_range()
            .map_err(|e| RenderError::Gpu(e.to_string()))?;
        let mut rgba = Vec::with_capacity(unpadded * height as usize);
        for row in data.chunks_exact(padded) {
            rgba.extend_from_slice(&row[..unpadded]);
        }
        Ok(ColorImage::from_rgba_unmultiplied(
            [width as usize, height as usize],
            &rgba,
        ))
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
    let bytes = png_bytes(image).map_err(|source| WriteError::Encode {
        path: shown.clone(),
        source,
    })?;
    crate::files::write_atomic(path, &bytes).map_err(|source| WriteError::Io {
        path: shown.clone(),
        source,
    })?;
    Ok(path.to_path_buf())
}
