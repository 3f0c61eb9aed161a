//! PDF from a [`Scene`] through krilla: paths as PDF paths, clip rectangles as clip paths,
//! and text as real text in the bundled fonts, embedded and subset, so that names and
//! values can be searched and copied.

use eframe::egui::{Color32, Rect};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::vector::{Clipped, Item, Path, Scene, Seg, Text};

/// PDF points per egui point: egui's point is a CSS pixel (1/96 inch), PDF's is 1/72 inch.
const PDF_PER_POINT: f32 = 0.75;

/// The PDF document: one page with the image's aspect ratio.
pub fn pdf(scene: &Scene, title: &str, lang: &str) -> Result<Vec<u8>, String> {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language(lang.to_owned())
            .creator("gwr-charts".to_owned()),
    );
    let fonts: Vec<Option<Font>> = scene
        .fonts
        .faces
        .iter()
        .map(|face| Font::new(face.data.font.clone().into(), face.data.index))
        .collect();
    let page_settings =
        PageSettings::from_wh(scene.size.x * PDF_PER_POINT, scene.size.y * PDF_PER_POINT)
            .ok_or_else(|| format!("page size {:?} is empty", scene.size))?;
    let mut page = document.start_page_with(page_settings);
    let mut surface = page.surface();
    surface.push_transform(&Transform::from_scale(PDF_PER_POINT, PDF_PER_POINT));
    let mut open: Option<Rect> = None;
    for Clipped { clip, item } in &scene.items {
        if open != *clip {
            if open.is_some() {
                surface.pop();
            }
            if let Some(rect) = clip
                && let Some(path) = build(&rect_path(*rect))
            {
                surface.push_clip_path(&path, &FillRule::NonZero);
                open = *clip;
            } else {
                open = None;
            }
        }
        draw_item(&mut surface, item, &fonts);
    }
    if open.is_some() {
        surface.pop();
    }
    surface.pop();
    surface.finish();
    page.finish();
    document.finish().map_err(|e| format!("{e:?}"))
}

/// One vector item: a filled path, a stroked path (butt caps, miter joins) or a text.
fn draw_item(surface: &mut Surface<'_>, item: &Item, fonts: &[Option<Font>]) {
    match item {
        Item::Fill { path, color } => {
            let Some(path) = build(path) else { return };
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*color)));
            surface.draw_path(&path);
        }
        Item::Stroke { path, width, color } => {
            let Some(path) = build(path) else { return };
            let (paint, opacity) = paint(*color);
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint,
                width: *width,
                opacity,
                line_cap: LineCap::Butt,
                line_join: LineJoin::Miter,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
        }
        Item::Text(text) => draw_text(surface, text, fonts),
    }
}

/// A text's glyph runs, turned about its origin when it is rotated; a run whose font krilla
/// could not read is left out.
fn draw_text(surface: &mut Surface<'_>, text: &Text, fonts: &[Option<Font>]) {
    let turned = text.angle != 0.0;
    if turned {
        surface.push_transform(&Transform::from_rotate_at(
            text.angle.to_degrees(),
            text.origin.x,
            text.origin.y,
        ));
    }
    for run in &text.runs {
        let Some(Some(font)) = fonts.get(run.face) else {
            continue;
        };
        draw_run(surface, font, text.origin, run);
    }
    if turned {
        surface.pop();
    }
}

/// A run of glyphs at egui's positions: each advance is the distance to the next glyph.
fn draw_run(
    surface: &mut Surface<'_>,
    font: &Font,
    origin: eframe::egui::Pos2,
    run: &super::vector::GlyphRun,
) {
    let glyphs: Vec<KrillaGlyph> = run
        .glyphs
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let next = run.glyphs.get(i + 1).map_or(g.x + g.advance, |n| n.x);
            KrillaGlyph::new(
                GlyphId::new(g.id),
                (next - g.x) / run.size,
                0.0,
                0.0,
                0.0,
                g.bytes.clone(),
                None,
            )
        })
        .collect();
    surface.set_stroke(None);
    surface.set_fill(Some(fill(run.color)));
    let start = origin + run.start;
    surface.draw_glyphs(
        Point::from_xy(start.x, start.y),
        &glyphs,
        font.clone(),
        &run.text,
        run.size,
        false,
    );
}

fn paint(color: Color32) -> (krilla::paint::Paint, NormalizedF32) {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    (
        rgb::Color::new(r, g, b).into(),
        NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
    )
}

fn fill(color: Color32) -> Fill {
    let (paint, opacity) = paint(color);
    Fill {
        paint,
        opacity,
        rule: FillRule::NonZero,
    }
}

fn rect_path(rect: Rect) -> Path {
    vec![
        Seg::Move(rect.left_top()),
        Seg::Line(rect.right_top()),
        Seg::Line(rect.right_bottom()),
        Seg::Line(rect.left_bottom()),
        Seg::Close,
    ]
}

fn build(path: &Path) -> Option<krilla::geom::Path> {
    let mut builder = PathBuilder::new();
    for seg in path {
        match *seg {
            Seg::Move(p) => builder.move_to(p.x, p.y),
            Seg::Line(p) => builder.line_to(p.x, p.y),
            Seg::Quad(c, p) => builder.quad_to(c.x, c.y, p.x, p.y),
            Seg::Cubic(a, b, p) => builder.cubic_to(a.x, a.y, b.x, b.y, p.x, p.y),
            Seg::Close => builder.close(),
        }
    }
    builder.finish()
}
