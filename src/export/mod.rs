//! Export of a chart to a file: PNG, SVG and PDF images, CSV and Excel data. The images
//! start from [`render::paint`], the chart laid out by the function the window uses; the
//! data formats hold every number of the view, whatever the picture had room for. Writes
//! are atomic.

pub mod pdf;
pub mod pptx;
pub mod svg;
pub mod table;
pub mod vector;

use std::path::{Path, PathBuf};

use eframe::egui::ColorImage;

use crate::chart::{ChartInput, View};
use crate::render::{self, ImageSettings, Painted, RenderError, WriteError};

/// The file formats of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    Png,
    Svg,
    Pdf,
    Csv,
    Xlsx,
    /// PowerPoint: native charts with their data, or pictures.
    Pptx,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Png,
        Format::Svg,
        Format::Pdf,
        Format::Csv,
        Format::Xlsx,
        Format::Pptx,
    ];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Pdf => "pdf",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Pptx => "pptx",
        }
    }

    /// The format a file name's extension names (case-insensitive), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?;
        Format::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(ext))
    }

    /// An image (true), or the numbers behind it or a deck (false).
    pub fn is_image(self) -> bool {
        matches!(self, Format::Png | Format::Svg | Format::Pdf)
    }

    /// The name shown in messages and menus.
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Svg => "SVG",
            Format::Pdf => "PDF",
            Format::Csv => "CSV",
            Format::Xlsx => "Excel",
            Format::Pptx => "PowerPoint",
        }
    }
}

/// The format to write `path` in: the one `requested` names, or else its extension's.
/// A request that contradicts the extension is refused, so `chart.png` never holds a PDF.
pub fn resolve_format(path: &Path, requested: Option<Format>) -> Result<Format, WriteError> {
    let shown = || path.display().to_string();
    match (requested, Format::from_path(path)) {
        (Some(r), Some(e)) if r != e => Err(WriteError::FormatMismatch {
            path: shown(),
            format: r.extension().to_owned(),
            extension: path
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }),
        (Some(f), _) | (None, Some(f)) => {
            // A name with another extension (chart.txt) is refused too; no extension is
            // fine when the format is named.
            if path.extension().is_some() && Format::from_path(path).is_none() {
                Err(WriteError::Extension { path: shown() })
            } else {
                Ok(f)
            }
        }
        (None, None) => Err(WriteError::Extension { path: shown() }),
    }
}

/// Draws the chart of `input` into `path` in `format`, atomically: on any error the
/// file that was there is untouched and no temporary file is left.
pub fn write(
    path: &Path,
    format: Format,
    input: &ChartInput<'_>,
    settings: &ImageSettings,
) -> Result<PathBuf, WriteError> {
    let bytes = bytes(format, input, settings).map_err(|e| e.at(path))?;
    crate::files::write_atomic(path, &bytes)?;
    Ok(path.to_path_buf())
}

/// Why an export could not be made (before any file is touched).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("cannot encode {format}: {message}")]
    Encode {
        format: &'static str,
        message: String,
    },
}

impl ExportError {
    pub fn at(self, path: &Path) -> WriteError {
        let path = path.display().to_string();
        match self {
            ExportError::Render(source) => WriteError::Render { path, source },
            ExportError::Encode { format, message } => WriteError::Format {
                path,
                format,
                message,
            },
        }
    }
}

fn encode_error(format: Format) -> impl Fn(String) -> ExportError {
    move |message| ExportError::Encode {
        format: format.name(),
        message,
    }
}

/// The file's content.
pub fn bytes(
    format: Format,
    input: &ChartInput<'_>,
    settings: &ImageSettings,
) -> Result<Vec<u8>, ExportError> {
    let fail = encode_error(format);
    let paint = || render::paint(input, settings);
    let title = settings.spec.title_text(input.compare);
    match format {
        Format::Png => {
            // The vector path rasterised by resvg: about 4× faster than the GPU renderer on
            // a software rasterizer, no device to start, and the dialog's preview is made
            // the same way (see benches/export.rs and tests/vector_export.rs).
            let image = image(input, settings)?;
            render::png_bytes(&image).map_err(|e| fail(e.to_string()))
        }
        Format::Svg => Ok(svg_text(&paint()?, settings, &title).into_bytes()),
        Format::Pdf => {
            let scene = vector::Scene::new(&paint()?);
            let lang = match settings.spec.lang {
                crate::i18n::Lang::Zh => "zh-CN",
                crate::i18n::Lang::En => "en",
            };
            pdf::pdf(&scene, &title, lang).map_err(&fail)
        }
        Format::Pptx => {
            let slide = pptx::slide(input, settings, false)?;
            pptx::deck_bytes(None, vec![slide], settings)
        }
        Format::Csv | Format::Xlsx => {
            let cells = cells(input, settings);
            if format == Format::Csv {
                table::csv(&cells).map_err(|e| fail(e.to_string()))
            } else {
                table::xlsx(&cells, table::sheet_name(&settings.spec))
                    .map_err(|e| fail(e.to_string()))
            }
        }
    }
}

/// The chart as an SVG document titled `title`.
pub fn svg_text(painted: &Painted, settings: &ImageSettings, title: &str) -> String {
    let mut scene = vector::Scene::new(painted);
    svg::svg(&mut scene, settings.width, settings.height, title)
}

/// The chart as pixels through the vector path (SVG rasterized by resvg), without a GPU.
pub fn rasterize(painted: &Painted, settings: &ImageSettings) -> Result<ColorImage, ExportError> {
    let fail = encode_error(Format::Png);
    let svg = svg_text(painted, settings, "");
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default())
        .map_err(|e| fail(e.to_string()))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(settings.width, settings.height)
        .ok_or_else(|| fail(format!("no {}x{} canvas", settings.width, settings.height)))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    Ok(ColorImage::from_rgba_premultiplied(
        [settings.width as usize, settings.height as usize],
        pixmap.data(),
    ))
}

/// The chart as pixels through the vector path.
pub fn image(input: &ChartInput<'_>, settings: &ImageSettings) -> Result<ColorImage, ExportError> {
    rasterize(&render::paint(input, settings)?, settings)
}

/// The numbers of the chart as tab-separated text, for "Copy data": pastes into Excel or
/// WPS as cells.
pub fn data_text(input: &ChartInput<'_>, settings: &ImageSettings) -> Result<String, RenderError> {
    settings.check()?;
    Ok(table::tsv(&cells(input, settings)))
}

/// The table of the chart's numbers: the indicators of the region shown, or the regions of
/// the compare view, all of them whatever the picture had room for.
pub(crate) fn cells(input: &ChartInput<'_>, settings: &ImageSettings) -> Vec<Vec<table::Cell>> {
    let spec = &settings.spec;
    match (spec.view, input.compare) {
        (View::Compare, Some(compare)) => table::compare_table(compare, spec),
        _ => table::table(
            input.data,
            spec,
            &table::rows(input.data, input.selected, spec),
        ),
    }
}

/// The points of a region's chart that the painted image drew, in its order: a slide's
/// native chart holds what the picture shows (the data exports hold every row).
pub fn drawn_rows<'a>(
    input: &ChartInput<'a>,
    settings: &ImageSettings,
    painted: &Painted,
) -> Vec<table::DataRow<'a>> {
    let rows = table::rows(input.data, input.selected, &settings.spec);
    painted
        .drawn
        .iter()
        .flat_map(|id| rows.iter().filter(move |r| &r.indicator.id == id).cloned())
        .collect()
}
