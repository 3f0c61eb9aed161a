//! The GPU path to a chart's pixels, for the tests and benchmarks that compare it with the
//! vector path the app uses (`benches/export.rs` includes this file): a chart painted by
//! [`render::paint`], rasterized by egui-wgpu into a texture, the way egui_kittest renders.

use eframe::egui::{self, ColorImage};
use eframe::egui_wgpu::{self, wgpu};
use gwr_charts::chart::ChartInput;
use gwr_charts::render::{self, ImageSettings};

/// A GPU device (or Mesa's software rasterizer) kept for repeated renders.
pub struct Renderer {
    device: wgpu::Device,
    queue: wgpu::Queue,
    renderer: egui_wgpu::Renderer,
}

const FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8Unorm;

impl Renderer {
    /// Creates a headless device; no window or display is needed.
    pub fn new() -> Result<Renderer, String> {
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
        .map_err(|e| format!("no graphics adapter for offscreen rendering: {e}"))?;
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
    ) -> Result<ColorImage, String> {
        let mut painted = render::paint(input, settings).map_err(|e| e.to_string())?;
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
    ) -> Result<ColorImage, String> {
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
            .map_err(|e| e.to_string())?;
        receiver
            .recv()
            .map_err(|e| e.to_string())?
            .map_err(|e| e.to_string())?;
        let data = slice.get_mapped_range().map_err(|e| e.to_string())?;
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
