//! A painted chart as a flat list of vector items (filled and stroked paths, placed glyphs),
//! in points, with each item's clip rectangle. The SVG and PDF writers both draw from it, so
//! the shape walk exists once.
//!
//! egui gives the shapes before tessellation; text comes as galleys whose glyphs carry
//! their positions (the window's layout) and characters. Each character is mapped to a
//! glyph of the font egui used for it: the first font of the section's family that has it,
//! as egui resolves fallbacks.

use std::collections::HashMap;
use std::sync::Arc;

use eframe::egui::epaint::{
    self, ClippedShape, Color32, ColorMode, CornerRadius, FontFamily, Galley, Mesh, PathStroke,
    Pos2, Rect, RectShape, Shape, Stroke, StrokeKind, TextShape, Vec2, pos2, vec2,
};
use skrifa::MetadataProvider as _;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};

use crate::fonts;
use crate::render::Painted;

/// One segment of a path, in points (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Seg {
    Move(Pos2),
    Line(Pos2),
    Quad(Pos2, Pos2),
    Cubic(Pos2, Pos2, Pos2),
    Close,
}

pub type Path = Vec<Seg>;

#[derive(Clone, Debug)]
pub enum Item {
    Fill {
        path: Path,
        color: Color32,
    },
    /// Butt caps and miter joins, as egui's tessellator draws lines.
    Stroke {
        path: Path,
        width: f32,
        color: Color32,
    },
    Text(Text),
}

/// One text shape: its plain text (for search and accessibility) and its glyph runs.
#[derive(Clone, Debug)]
pub struct Text {
    pub label: String,
    /// The point the text is rotated about (the galley's top-left).
    pub origin: Pos2,
    /// Clockwise, in radians (the y-axis title is turned by -90°).
    pub angle: f32,
    pub runs: Vec<GlyphRun>,
}

/// Consecutive glyphs of one row with one font, size and colour.
#[derive(Clone, Debug)]
pub struct GlyphRun {
    pub face: usize,
    pub size: f32,
    pub color: Color32,
    /// Baseline start of the first glyph, relative to [`Text::origin`] before rotation.
    pub start: Vec2,
    pub glyphs: Vec<PlacedGlyph>,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct PlacedGlyph {
    pub id: u32,
    /// From the run's start, in points.
    pub x: f32,
    /// The advance egui gave it, in points.
    pub advance: f32,
    /// Its character's bytes in [`GlyphRun::text`].
    pub bytes: std::ops::Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Clipped {
    /// None when the clip holds the whole image.
    pub clip: Option<Rect>,
    pub item: Item,
}

/// A chart as vector items, with the fonts its glyphs refer to.
pub struct Scene {
    /// The image's size in points.
    pub size: Vec2,
    pub items: Vec<Clipped>,
    pub fonts: FontSet,
}

/// The faces egui was given, and the families that list them in fallback order.
pub struct FontSet {
    pub faces: Vec<Face>,
    families: HashMap<FontFamily, Vec<usize>>,
    outlines: HashMap<(usize, u32), Arc<Path>>,
}

pub struct Face {
    pub name: String,
    pub data: epaint::text::FontData,
    pub units_per_em: f32,
}

impl Face {
    fn font(&self) -> Option<skrifa::FontRef<'_>> {
        skrifa::FontRef::from_index((*self.data.font).as_ref(), self.data.index).ok()
    }
}

impl FontSet {
    /// The fonts of [`fonts::definitions`], the ones every chart is laid out with.
    pub fn new() -> FontSet {
        let definitions = fonts::definitions();
        let mut faces = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (name, data) in &definitions.font_data {
            let data = (**data).clone();
            let Ok(font) = skrifa::FontRef::from_index((*data.font).as_ref(), data.index) else {
                continue;
            };
            let units_per_em = f32::from(
                font.metrics(Size::unscaled(), LocationRef::default())
                    .units_per_em,
            );
            index.insert(name.clone(), faces.len());
            faces.push(Face {
                name: name.clone(),
                data,
                units_per_em,
            });
        }
        let families = definitions
            .families
            .iter()
            .map(|(family, names)| {
                let list = names.iter().filter_map(|n| index.get(n).copied()).collect();
                (family.clone(), list)
            })
            .collect();
        FontSet {
            faces,
            families,
            outlines: HashMap::new(),
        }
    }

    /// The face egui draws `chr` with in `family`, and the glyph id there.
    pub fn resolve(&self, family: &FontFamily, chr: char) -> Option<(usize, u32)> {
        let list = self
            .families
            .get(family)
            .or_else(|| self.families.get(&FontFamily::Proportional))?;
        list.iter().find_map(|&face| {
            let id = self.faces[face].font()?.charmap().map(chr)?;
            (id.to_u32() != 0).then_some((face, id.to_u32()))
        })
    }

    /// A glyph's outline in font units (y up), cached.
    pub fn outline(&mut self, face: usize, id: u32) -> Arc<Path> {
        if let Some(path) = self.outlines.get(&(face, id)) {
            return path.clone();
        }
        let mut pen = Pen::default();
        if let Some(font) = self.faces[face].font()
            && let Some(glyph) = font.outline_glyphs().get(skrifa::GlyphId::new(id))
        {
            let settings = DrawSettings::unhinted(Size::unscaled(), LocationRef::default());
            if glyph.draw(settings, &mut pen).is_err() {
                pen.0.clear();
            }
        }
        let path = Arc::new(pen.0);
        self.outlines.insert((face, id), path.clone());
        path
    }

    /// A run's glyph outlines placed on the page, in points (y down).
    pub fn run_outline(&mut self, text: &Text, run: &GlyphRun) -> Path {
        let scale = run.size / self.faces[run.face].units_per_em;
        let (sin, cos) = text.angle.sin_cos();
        let place = |p: Pos2, x: f32| {
            let local = run.start + vec2(x + p.x * scale, -p.y * scale);
            text.origin + vec2(local.x * cos - local.y * sin, local.x * sin + local.y * cos)
        };
        let mut out = Vec::new();
        for glyph in &run.glyphs {
            let outline = self.outline(run.face, glyph.id);
            out.extend(outline.iter().map(|seg| match *seg {
                Seg::Move(p) => Seg::Move(place(p, glyph.x)),
                Seg::Line(p) => Seg::Line(place(p, glyph.x)),
                Seg::Quad(c, p) => Seg::Quad(place(c, glyph.x), place(p, glyph.x)),
                Seg::Cubic(c1, c2, p) => {
                    Seg::Cubic(place(c1, glyph.x), place(c2, glyph.x), place(p, glyph.x))
                }
                Seg::Close => Seg::Close,
            }));
        }
        out
    }
}

impl Default for FontSet {
    fn default() -> Self {
        FontSet::new()
    }
}

#[derive(Default)]
struct Pen(Path);

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.push(Seg::Move(pos2(x, y)));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.push(Seg::Line(pos2(x, y)));
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.push(Seg::Quad(pos2(cx0, cy0), pos2(x, y)));
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0
            .push(Seg::Cubic(pos2(cx0, cy0), pos2(cx1, cy1), pos2(x, y)));
    }
    fn close(&mut self) {
        self.0.push(Seg::Close);
    }
}

impl Scene {
    /// Turns the painted shapes into vector items, in paint order.
    pub fn new(painted: &Painted) -> Scene {
        let mut scene = Scene {
            size: painted.size,
            items: Vec::new(),
            fonts: FontSet::new(),
        };
        let whole = Rect::from_min_size(Pos2::ZERO, painted.size);
        for ClippedShape {
            clip_rect,
            shape,
            transform_after_tessellation: transform,
        } in &painted.shapes
        {
            let moved;
            let shape = if *transform == epaint::emath::TSTransform::IDENTITY {
                shape
            } else {
                let mut copy = shape.clone();
                copy.transform(*transform);
                moved = copy;
                &moved
            };
            let clip = (!clip_rect.contains_rect(whole)).then_some(*clip_rect);
            if clip.is_some_and(|c| !c.is_positive()) {
                continue;
            }
            let mut items = Vec::new();
            scene.shape(shape, &mut items);
            scene
                .items
                .extend(items.into_iter().map(|item| Clipped { clip, item }));
        }
        scene
    }

    fn shape(&self, shape: &Shape, out: &mut Vec<Item>) {
        match shape {
            Shape::Noop | Shape::Callback(_) => {}
            Shape::Vec(shapes) => {
                for s in shapes {
                    self.shape(s, out);
                }
            }
            Shape::Circle(c) => {
                let path = ellipse(c.center, Vec2::splat(c.radius), 0.0);
                fill_and_stroke(out, path, c.fill, c.stroke);
            }
            Shape::Ellipse(e) => {
                let path = ellipse(e.center, e.radius, e.angle);
                fill_and_stroke(out, path, e.fill, e.stroke);
            }
            Shape::LineSegment { points, stroke } => {
                let path = vec![Seg::Move(points[0]), Seg::Line(points[1])];
                stroke_path(out, path, *stroke);
            }
            Shape::Path(p) => {
                let mut path = polyline(&p.points);
                if p.closed {
                    path.push(Seg::Close);
                    fill(out, path.clone(), p.fill);
                }
                path_stroke(out, path, &p.stroke);
            }
            Shape::Rect(r) => rect(out, r),
            Shape::Text(t) => {
                if let Some(text) = self.text(t) {
                    out.push(Item::Text(text));
                }
            }
            Shape::Mesh(mesh) => triangles(out, mesh),
            Shape::QuadraticBezier(b) => {
                let path = vec![Seg::Move(b.points[0]), Seg::Quad(b.points[1], b.points[2])];
                curve(out, path, b.closed, b.fill, &b.stroke);
            }
            Shape::CubicBezier(b) => {
                let path = vec![
                    Seg::Move(b.points[0]),
                    Seg::Cubic(b.points[1], b.points[2], b.points[3]),
                ];
                curve(out, path, b.closed, b.fill, &b.stroke);
            }
            Shape::Band(b) => {
                let upper = b.points.iter().map(|p| pos2(p.x, p.y.min));
                let lower = b.points.iter().rev().map(|p| pos2(p.x, p.y.max));
                let points: Vec<Pos2> = upper.chain(lower).collect();
                let mut path = polyline(&points);
                path.push(Seg::Close);
                fill_and_stroke(out, path, b.fill, b.stroke);
            }
        }
    }

    /// The glyphs of a galley, grouped into runs of one font, size and colour per row.
    fn text(&self, shape: &TextShape) -> Option<Text> {
        let galley: &Galley = &shape.galley;
        if galley.is_empty() || shape.opacity_factor <= 0.0 {
            return None;
        }
        let job = &galley.job;
        let starts: Vec<usize> = job.text.char_indices().map(|(i, _)| i).collect();
        let section_at = |char_index: usize| {
            let byte = starts
                .get(char_index)
                .copied()
                .unwrap_or(job.text.len().saturating_sub(1));
            job.sections
                .iter()
                .find(|s| (s.byte_range.start.0..s.byte_range.end.0).contains(&byte))
                .or(job.sections.last())
        };
        let mut runs: Vec<GlyphRun> = Vec::new();
        let mut char_index = 0;
        for row in &galley.rows {
            let mut current: Option<GlyphRun> = None;
            for glyph in &row.glyphs {
                let section = section_at(char_index);
                char_index += 1;
                let Some(section) = section else { continue };
                let format = &section.format;
                let color = shape
                    .override_text_color
                    .unwrap_or(if format.color == Color32::PLACEHOLDER {
                        shape.fallback_color
                    } else {
                        format.color
                    })
                    .gamma_multiply(shape.opacity_factor.min(1.0));
                let size = format.font_id.size;
                let Some((face, id)) = self.fonts.resolve(&format.font_id.family, glyph.chr) else {
                    continue;
                };
                let at = row.pos.to_vec2() + glyph.pos.to_vec2();
                let same = current
                    .as_ref()
                    .is_some_and(|r| r.face == face && r.size == size && r.color == color);
                if !same && let Some(done) = current.take() {
                    runs.push(done);
                }
                let run = current.get_or_insert_with(|| GlyphRun {
                    face,
                    size,
                    color,
                    start: at,
                    glyphs: Vec::new(),
                    text: String::new(),
                });
                let from = run.text.len();
                run.text.push(glyph.chr);
                run.glyphs.push(PlacedGlyph {
                    id,
                    x: at.x - run.start.x,
                    advance: glyph.advance_width,
                    bytes: from..run.text.len(),
                });
            }
            runs.extend(current);
            if row.ends_with_newline {
                char_index += 1;
            }
        }
        runs.retain(|r| !r.text.trim().is_empty());
        (!runs.is_empty()).then(|| Text {
            label: galley.text().to_owned(),
            origin: shape.pos,
            angle: shape.angle,
            runs,
        })
    }
}

/// A rectangle's fill (unless only a brush paints it) and its stroke, inside, on or
/// outside its edge as egui draws it.
fn rect(out: &mut Vec<Item>, r: &RectShape) {
    if r.fill.a() > 0 || r.brush.is_none() {
        let path = rounded_rect(r.rect, r.corner_radius, r.angle);
        fill(out, path, r.fill);
    }
    if r.stroke.width > 0.0 {
        let half = r.stroke.width / 2.0;
        let rect = match r.stroke_kind {
            StrokeKind::Inside => r.rect.shrink(half),
            StrokeKind::Middle => r.rect,
            StrokeKind::Outside => r.rect.expand(half),
        };
        stroke_path(out, rounded_rect(rect, r.corner_radius, r.angle), r.stroke);
    }
}

/// A mesh as filled triangles, each in the colour of its first vertex.
fn triangles(out: &mut Vec<Item>, mesh: &Mesh) {
    for tri in mesh.indices.chunks_exact(3) {
        let v: Vec<_> = tri
            .iter()
            .filter_map(|&i| mesh.vertices.get(i as usize))
            .collect();
        if v.len() < 3 {
            continue;
        }
        let path = vec![
            Seg::Move(v[0].pos),
            Seg::Line(v[1].pos),
            Seg::Line(v[2].pos),
            Seg::Close,
        ];
        fill(out, path, v[0].color);
    }
}

/// A Bézier curve, closed when egui closes it, filled and stroked.
fn curve(out: &mut Vec<Item>, mut path: Path, closed: bool, color: Color32, stroke: &PathStroke) {
    if closed {
        path.push(Seg::Close);
    }
    fill(out, path.clone(), color);
    path_stroke(out, path, stroke);
}

fn fill(out: &mut Vec<Item>, path: Path, color: Color32) {
    if color.a() > 0 {
        out.push(Item::Fill { path, color });
    }
}

fn stroke_path(out: &mut Vec<Item>, path: Path, stroke: Stroke) {
    if stroke.width > 0.0 && stroke.color.a() > 0 {
        out.push(Item::Stroke {
            path,
            width: stroke.width,
            color: stroke.color,
        });
    }
}

fn path_stroke(out: &mut Vec<Item>, path: Path, stroke: &PathStroke) {
    // A colour computed per point (ColorMode::UV) is not used by the charts; its first
    // colour stands in.
    let color = match &stroke.color {
        ColorMode::Solid(c) => *c,
        ColorMode::UV(f) => f(Rect::ZERO, Pos2::ZERO),
    };
    stroke_path(out, path, Stroke::new(stroke.width, color));
}

fn fill_and_stroke(out: &mut Vec<Item>, path: Path, color: Color32, stroke: Stroke) {
    fill(out, path.clone(), color);
    stroke_path(out, path, stroke);
}

fn polyline(points: &[Pos2]) -> Path {
    points
        .iter()
        .enumerate()
        .map(|(i, &p)| if i == 0 { Seg::Move(p) } else { Seg::Line(p) })
        .collect()
}

/// The distance of a cubic's control points that makes a quarter circle.
const KAPPA: f32 = 0.552_284_8;

fn ellipse(center: Pos2, radius: Vec2, angle: f32) -> Path {
    let (sin, cos) = angle.sin_cos();
    let at = |x: f32, y: f32| {
        let (x, y) = (x * radius.x, y * radius.y);
        center + vec2(x * cos - y * sin, x * sin + y * cos)
    };
    let k = KAPPA;
    vec![
        Seg::Move(at(1.0, 0.0)),
        Seg::Cubic(at(1.0, k), at(k, 1.0), at(0.0, 1.0)),
        Seg::Cubic(at(-k, 1.0), at(-1.0, k), at(-1.0, 0.0)),
        Seg::Cubic(at(-1.0, -k), at(-k, -1.0), at(0.0, -1.0)),
        Seg::Cubic(at(k, -1.0), at(1.0, -k), at(1.0, 0.0)),
        Seg::Close,
    ]
}

/// A rectangle with rounded corners, turned clockwise by `angle` about its centre as egui
/// turns it.
fn rounded_rect(rect: Rect, radius: CornerRadius, angle: f32) -> Path {
    let max = rect.width().min(rect.height()) / 2.0;
    let r = |v: u8| f32::from(v).min(max);
    let (nw, ne, sw, se) = (r(radius.nw), r(radius.ne), r(radius.sw), r(radius.se));
    let (l, t, rt, b) = (rect.left(), rect.top(), rect.right(), rect.bottom());
    let k = 1.0 - KAPPA;
    let mut path = vec![Seg::Move(pos2(l + nw, t)), Seg::Line(pos2(rt - ne, t))];
    if ne > 0.0 {
        path.push(Seg::Cubic(
            pos2(rt - ne * k, t),
            pos2(rt, t + ne * k),
            pos2(rt, t + ne),
        ));
    }
    path.push(Seg::Line(pos2(rt, b - se)));
    if se > 0.0 {
        path.push(Seg::Cubic(
            pos2(rt, b - se * k),
            pos2(rt - se * k, b),
            pos2(rt - se, b),
        ));
    }
    path.push(Seg::Line(pos2(l + sw, b)));
    if sw > 0.0 {
        path.push(Seg::Cubic(
            pos2(l + sw * k, b),
            pos2(l, b - sw * k),
            pos2(l, b - sw),
        ));
    }
    path.push(Seg::Line(pos2(l, t + nw)));
    if nw > 0.0 {
        path.push(Seg::Cubic(
            pos2(l, t + nw * k),
            pos2(l + nw * k, t),
            pos2(l + nw, t),
        ));
    }
    path.push(Seg::Close);
    if angle != 0.0 {
        let c = rect.center();
        let (sin, cos) = angle.sin_cos();
        let turn = |p: Pos2| {
            let d = p - c;
            c + vec2(d.x * cos - d.y * sin, d.x * sin + d.y * cos)
        };
        for seg in &mut path {
            *seg = match *seg {
                Seg::Move(p) => Seg::Move(turn(p)),
                Seg::Line(p) => Seg::Line(turn(p)),
                Seg::Quad(a, p) => Seg::Quad(turn(a), turn(p)),
                Seg::Cubic(a, b, p) => Seg::Cubic(turn(a), turn(b), turn(p)),
                Seg::Close => Seg::Close,
            };
        }
    }
    path
}
