//! PowerPoint (.pptx) export: one slide per chart with a native, editable chart (a
//! DrawingML chart part and the workbook it reads, so "Edit Data" opens the figures), or the
//! chart's PNG with the picture option; the chart's title, subtitle, legend and footer as
//! slide text; the quotes of its figures in the speaker notes; and a title slide naming the
//! reports.
//!
//! Written with zip and quick-xml (as the .docx reader reads) and rust_xlsxwriter for the
//! embedded workbooks. The Rust pptx crates were weighed: their chart builders cannot set a
//! bar's own fill or a point's own label (≈6%, 4.5–5% ✓), reverse the category axis or
//! cross it at 100, and they would bring second copies of zip and quick-xml.

mod chart_xml;
mod drawing;
mod package;
mod slide_xml;
mod slides;
mod xml;

pub use chart_xml::{ChartKind, ChartPoint, ChartSeries, DATA_SHEET, NativeChart};
pub use package::resolve;
pub use slides::slide;

use crate::chart::{Captions, grid_columns};
use package::{Package, REL};
use slide_xml::{PresentationRels, Rect, Run, Shape};

/// The typeface of every text: Microsoft YaHei is on every Windows and ships with Office
/// and WPS; LibreOffice and macOS put their own CJK sans (Noto Sans CJK SC, PingFang SC) in
/// its place.
pub const FONT: &str = "Microsoft YaHei";

/// A colour, red, green, blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

const TEXT: Rgb = Rgb(0x14, 0x14, 0x14);
const WEAK: Rgb = Rgb(0x59, 0x59, 0x59);

/// A slide's content.
pub enum Body {
    /// Native charts: one, or a grid (the levels view's cells).
    Charts(Vec<NativeChart>),
    /// The chart as a PNG, title and footer included.
    Picture(Vec<u8>),
}

/// One chart's slide.
pub struct Slide {
    pub captions: Captions,
    pub body: Body,
    /// Speaker notes, a paragraph each.
    pub notes: Vec<String>,
    /// The view's name, for the embedded workbook's sheet of figures.
    pub name: String,
}

/// A deck: a title slide, then the charts' slides.
pub struct Deck {
    /// The title slide: its title, and lines under it (the reports the deck shows). A deck
    /// of one chart has none, to be pasted into another deck.
    pub title: Option<(String, Vec<String>)>,
    pub slides: Vec<Slide>,
    /// The export's size in pixels: the slides take its aspect (16:9 for 1920×1080).
    pub width: u32,
    pub height: u32,
}

/// Slides are 13.333 inches wide (PowerPoint's 16:9); the height follows the aspect, within
/// the sizes PowerPoint accepts (1 to 56 inches).
const SLIDE_WIDTH: i64 = 12_192_000;

fn slide_size(width: u32, height: u32) -> (i64, i64) {
    let h = SLIDE_WIDTH as f64 * f64::from(height.max(1)) / f64::from(width.max(1));
    (SLIDE_WIDTH, (h.round() as i64).clamp(914_400, 51_206_400))
}

mod content_type {
    const PML: &str = "application/vnd.openxmlformats-officedocument.presentationml";
    pub fn pml(kind: &str) -> String {
        format!("{PML}.{kind}+xml")
    }
    pub const THEME: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
    pub const CHART: &str = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
    pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    pub const PNG: &str = "image/png";
    pub const CORE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
    pub const APP: &str = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
}

fn rel(kind: &str) -> String {
    format!("{REL}/{kind}")
}

/// Why a deck could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    #[error("cannot write the embedded workbook: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot write the package: {0}")]
    Zip(#[from] zip::result::ZipError),
}

impl Deck {
    /// The .pptx file's bytes.
    pub fn bytes(&self) -> Result<Vec<u8>, DeckError> {
        use content_type as ct;
        let (width, height) = slide_size(self.width, self.height);
        let mut pkg = Package::default();
        let pres = "ppt/presentation.xml";
        pkg.relate("", &rel("officeDocument"), pres);
        pkg.relate(
            "",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        );
        pkg.relate("", &rel("extended-properties"), "docProps/app.xml");
        let doc_title = match (&self.title, self.slides.first()) {
            (Some((title, _)), _) => title.as_str(),
            (None, Some(slide)) => slide.captions.title.as_str(),
            (None, None) => "",
        };
        pkg.add(
            "docProps/core.xml",
            ct::CORE,
            slide_xml::core_properties(doc_title),
        );
        let first = usize::from(self.title.is_some());
        let count = self.slides.len() + first;
        pkg.add(
            "docProps/app.xml",
            ct::APP,
            slide_xml::app_properties(count),
        );
        let master = pkg.relate(pres, &rel("slideMaster"), MASTER);
        let notes_master = pkg.relate(pres, &rel("notesMaster"), NOTES_MASTER);
        add_fixed_parts(&mut pkg, pres);
        let mut slide_rels = Vec::new();
        if let Some((title, lines)) = &self.title {
            let shapes = title_slide(title, lines, width, height);
            slide_rels.push(add_slide(&mut pkg, 1, &shapes, &[], None)?);
        }
        for (n, slide) in self.slides.iter().enumerate() {
            let number = n + 1 + first;
            let name = format!("ppt/slides/slide{number}.xml");
            let shapes = self.chart_slide(&mut pkg, slide, &name, number, width, height)?;
            slide_rels.push(add_slide(
                &mut pkg,
                number,
                &shapes,
                &slide.notes,
                Some(&name),
            )?);
        }
        let rels = PresentationRels {
            master: &master,
            notes_master: &notes_master,
            slides: &slide_rels,
        };
        pkg.add(
            pres,
            &ct::pml("presentation.main"),
            slide_xml::presentation(&rels, width, height),
        );
        Ok(pkg.zip()?)
    }

    /// The shapes of a chart's slide, its charts and picture added to the package.
    fn chart_slide(
        &self,
        pkg: &mut Package,
        slide: &Slide,
        part: &str,
        number: usize,
        width: i64,
        height: i64,
    ) -> Result<Vec<Shape<'static>>, DeckError> {
        let areas = Areas::new(width, height, slide.captions.footer.len());
        let c = &slide.captions;
        let mut shapes = Vec::new();
        if let Body::Picture(png) = &slide.body {
            let media = format!("ppt/media/image{number}.png");
            pkg.add(&media, content_type::PNG, png.clone());
            let rel_id = pkg.relate(part, &rel("image"), &media);
            let full = Rect {
                x: 0,
                y: 0,
                w: width,
                h: height,
            };
            shapes.push(Shape::Picture {
                rect: full,
                rel: rel_id,
                descr: "",
            });
            return Ok(shapes);
        }
        shapes.push(text(
            "Title",
            areas.title,
            vec![vec![run(&c.title, 2400, true, TEXT)]],
        ));
        shapes.push(text(
            "Subtitle",
            areas.subtitle,
            vec![vec![run(&c.subtitle, 1400, false, WEAK)]],
        ));
        let legend: Vec<Run> = c
            .legend
            .iter()
            .flat_map(|(label, color)| {
                [
                    run("■ ", 1400, false, Rgb::from(*color)),
                    run(&format!("{label}    "), 1300, false, TEXT),
                ]
            })
            .collect();
        if !legend.is_empty() {
            shapes.push(text("Legend", areas.legend, vec![legend]));
        }
        let footer = c
            .footer
            .iter()
            .map(|l| vec![run(l, 1000, false, WEAK)])
            .collect();
        shapes.push(text("Footer", areas.footer, footer));
        if let Body::Charts(charts) = &slide.body {
            let cells = grid(areas.body, charts.len());
            for (k, (chart, rect)) in charts.iter().zip(cells).enumerate() {
                let rel_id = add_chart(pkg, part, chart, &slide.name, (number, k))?;
                shapes.push(Shape::Chart { rect, rel: rel_id });
            }
        }
        Ok(shapes)
    }
}

/// The title slide: the deck's title and, below it, the reports.
fn title_slide(title: &str, lines: &[String], width: i64, height: i64) -> Vec<Shape<'static>> {
    let margin = width / 12;
    let mut paragraphs = vec![vec![run(title, 3600, true, TEXT)], Vec::new()];
    for line in lines {
        paragraphs.push(vec![run(line, 1600, false, WEAK)]);
    }
    vec![text(
        "Title",
        Rect {
            x: margin,
            y: height / 4,
            w: width - 2 * margin,
            h: height / 2,
        },
        paragraphs,
    )]
}

/// The .pptx of `slides`, with a title slide when `title` is given, sized like `settings`'
/// image.
pub fn deck_bytes(
    title: Option<(String, Vec<String>)>,
    slides: Vec<Slide>,
    settings: &crate::render::ImageSettings,
) -> Result<Vec<u8>, crate::export::ExportError> {
    let deck = Deck {
        title,
        slides,
        width: settings.width,
        height: settings.height,
    };
    deck.bytes()
        .map_err(|e| crate::export::ExportError::Encode {
            format: "PowerPoint",
            message: e.to_string(),
        })
}

const MASTER: &str = "ppt/slideMasters/slideMaster1.xml";
const LAYOUT: &str = "ppt/slideLayouts/slideLayout1.xml";
const NOTES_MASTER: &str = "ppt/notesMasters/notesMaster1.xml";

/// The parts every deck has alike: master, layout, themes, properties.
fn add_fixed_parts(pkg: &mut Package, pres: &str) {
    use content_type as ct;
    let theme = include_bytes!("parts/theme.xml").to_vec();
    pkg.add(
        MASTER,
        &ct::pml("slideMaster"),
        include_bytes!("parts/master.xml").to_vec(),
    );
    pkg.relate(MASTER, &rel("slideLayout"), LAYOUT);
    pkg.relate(MASTER, &rel("theme"), "ppt/theme/theme1.xml");
    pkg.add(
        LAYOUT,
        &ct::pml("slideLayout"),
        include_bytes!("parts/layout.xml").to_vec(),
    );
    pkg.relate(LAYOUT, &rel("slideMaster"), MASTER);
    pkg.add("ppt/theme/theme1.xml", ct::THEME, theme.clone());
    pkg.add(
        NOTES_MASTER,
        &ct::pml("notesMaster"),
        include_bytes!("parts/notes_master.xml").to_vec(),
    );
    pkg.relate(NOTES_MASTER, &rel("theme"), "ppt/theme/theme2.xml");
    pkg.add("ppt/theme/theme2.xml", ct::THEME, theme);
    pkg.relate(pres, &rel("theme"), "ppt/theme/theme1.xml");
    for (name, kind, bytes) in [
        (
            "presProps",
            "presProps",
            &include_bytes!("parts/pres_props.xml")[..],
        ),
        (
            "viewProps",
            "viewProps",
            &include_bytes!("parts/view_props.xml")[..],
        ),
        (
            "tableStyles",
            "tableStyles",
            &include_bytes!("parts/table_styles.xml")[..],
        ),
    ] {
        let part = format!("ppt/{name}.xml");
        pkg.add(&part, &ct::pml(kind), bytes.to_vec());
        pkg.relate(pres, &rel(kind), &part);
    }
}

/// Adds slide `number` with its notes; returns the presentation's relationship id to it.
fn add_slide(
    pkg: &mut Package,
    number: usize,
    shapes: &[Shape<'_>],
    notes: &[String],
    name: Option<&str>,
) -> Result<String, DeckError> {
    let default_name = format!("ppt/slides/slide{number}.xml");
    let part = name.unwrap_or(&default_name);
    pkg.add(part, &content_type::pml("slide"), slide_xml::slide(shapes));
    pkg.relate(part, &rel("slideLayout"), LAYOUT);
    if !notes.is_empty() {
        let notes_part = format!("ppt/notesSlides/notesSlide{number}.xml");
        pkg.add(
            &notes_part,
            &content_type::pml("notesSlide"),
            slide_xml::notes(notes),
        );
        pkg.relate(&notes_part, &rel("notesMaster"), NOTES_MASTER);
        pkg.relate(&notes_part, &rel("slide"), part);
        pkg.relate(part, &rel("notesSlide"), &notes_part);
    }
    Ok(pkg.relate("ppt/presentation.xml", &rel("slide"), part))
}

/// Adds a chart part and its workbook; returns the slide's relationship id to the chart.
fn add_chart(
    pkg: &mut Package,
    slide: &str,
    chart: &NativeChart,
    sheet: &str,
    (number, k): (usize, usize),
) -> Result<String, DeckError> {
    let part = format!("ppt/charts/chart{number}_{}.xml", k + 1);
    let book = format!(
        "ppt/embeddings/Microsoft_Excel_Worksheet{number}_{}.xlsx",
        k + 1
    );
    pkg.add(&book, content_type::XLSX, chart.workbook(sheet)?);
    let book_rel = pkg.relate(&part, &rel("package"), &book);
    pkg.add(&part, content_type::CHART, chart.part(&book_rel));
    Ok(pkg.relate(slide, &rel("chart"), &part))
}

fn run(text: &str, size: u32, bold: bool, color: Rgb) -> Run {
    Run {
        text: text.to_owned(),
        size,
        bold,
        color,
    }
}

fn text(name: &'static str, rect: Rect, paragraphs: Vec<Vec<Run>>) -> Shape<'static> {
    Shape::Text {
        name,
        rect,
        paragraphs,
    }
}

/// Where a chart's slide puts its parts, top to bottom.
struct Areas {
    title: Rect,
    subtitle: Rect,
    legend: Rect,
    body: Rect,
    footer: Rect,
}

impl Areas {
    fn new(width: i64, height: i64, footer_lines: usize) -> Areas {
        // The image's margin: 3.5% of the shorter side.
        let m = width.min(height) * 35 / 1000;
        let inner = width - 2 * m;
        let line = 190_500; // 15 points
        let band = |y: i64, h: i64| Rect {
            x: m,
            y,
            w: inner,
            h,
        };
        let title = band(m, 2 * line + line / 2);
        let subtitle = band(title.y + title.h, line + line / 4);
        let legend = band(subtitle.y + subtitle.h, line + line / 4);
        let footer_h = (footer_lines.max(1) as i64) * (line * 3 / 4) + line / 4;
        let footer = band(height - m - footer_h, footer_h);
        let top = legend.y + legend.h + line / 4;
        let body = band(top, (footer.y - top - line / 4).max(line));
        Areas {
            title,
            subtitle,
            legend,
            body,
            footer,
        }
    }
}

/// `n` cells of a grid over `area`, row by row, as the image lays out the levels view.
fn grid(area: Rect, n: usize) -> Vec<Rect> {
    if n <= 1 {
        return vec![area];
    }
    let cols = grid_columns(n, area.w as f64 / area.h.max(1) as f64);
    let rows = n.div_ceil(cols);
    let (w, h) = (area.w / cols as i64, area.h / rows as i64);
    (0..n)
        .map(|k| Rect {
            x: area.x + (k % cols) as i64 * w,
            y: area.y + (k / cols) as i64 * h,
            w,
            h,
        })
        .collect()
}
