//! The marks of the history view, drawn by the same functions in its panels and its
//! legend: a target by its kind (— exact, ◇ about, a floor ▲ or a ceiling ▼ on a bar, a band
//! for a range) and a result as a point on a solid line.

use eframe::egui::{
    Color32, Painter, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Ui, pos2, vec2,
};

use super::{Ctx, Series};
use crate::history::Measure;
use crate::model::{Observation, Qualifier};

/// How a target is marked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TargetMark {
    Exact,
    About,
    Floor,
    Ceiling,
    /// A band up to this upper bound.
    Range(f64),
}

impl TargetMark {
    pub fn of(measure: Measure, obs: &Observation) -> TargetMark {
        if let Some(high) = measure.high(obs) {
            return TargetMark::Range(high);
        }
        match obs.qualifier {
            Qualifier::Exact => TargetMark::Exact,
            Qualifier::About => TargetMark::About,
            Qualifier::AtLeast | Qualifier::MoreThan => TargetMark::Floor,
            Qualifier::AtMost => TargetMark::Ceiling,
        }
    }
}

/// The size of a mark: half a bar's width, a triangle's or diamond's size, the line width.
#[derive(Clone, Copy)]
pub struct MarkSize {
    pub half: f32,
    pub r: f32,
    pub line: f32,
}

/// Draws a target mark at `at`; a range's band reaches up to `top`.
pub fn target(
    painter: &Painter,
    mark: TargetMark,
    at: Pos2,
    top: f32,
    size: MarkSize,
    color: Color32,
) {
    let MarkSize { half, r, line } = size;
    let stroke = Stroke::new(line, color);
    match mark {
        TargetMark::Range(_) => {
            let band =
                Rect::from_min_max(pos2(at.x - half * 0.7, top), pos2(at.x + half * 0.7, at.y));
            painter.rect_filled(band, 0.0, color.gamma_multiply(0.35));
            painter.rect_stroke(
                band,
                0.0,
                Stroke::new(line * 0.6, color),
                StrokeKind::Middle,
            );
        }
        TargetMark::About => {
            let d = r * 1.3;
            let points = vec![
                pos2(at.x, at.y - d),
                pos2(at.x + d, at.y),
                pos2(at.x, at.y + d),
                pos2(at.x - d, at.y),
            ];
            painter.add(Shape::closed_line(points, stroke));
        }
        TargetMark::Exact | TargetMark::Floor | TargetMark::Ceiling => {
            painter.line_segment([pos2(at.x - half, at.y), pos2(at.x + half, at.y)], stroke);
            // A floor points up from its bar, a ceiling down.
            let dir = match mark {
                TargetMark::Floor => -1.0,
                TargetMark::Ceiling => 1.0,
                _ => return,
            };
            let base = at.y + dir * line;
            painter.add(Shape::convex_polygon(
                vec![
                    pos2(at.x - r, base),
                    pos2(at.x + r, base),
                    pos2(at.x, base + dir * r * 1.5),
                ],
                color,
                Stroke::NONE,
            ));
        }
    }
}

/// Draws results: a solid line through consecutive points, and each point.
pub fn results(painter: &Painter, runs: Vec<Vec<Pos2>>, color: Color32, line: f32) {
    let stroke = Stroke::new(line, color);
    for run in runs {
        for p in &run {
            painter.circle_filled(*p, line * 1.7, color);
        }
        if run.len() > 1 {
            painter.add(Shape::line(run, stroke));
        }
    }
}

/// The legend: the result line and the target marks, the two series switched on and off
/// in the window.
pub fn legend(ui: &mut Ui, cx: &Ctx<'_>) -> Option<Series> {
    let t = cx.texts();
    let (palette, spec) = (&cx.palette, cx.spec);
    let size = 14.0 * cx.scale;
    let line = 2.0 * cx.scale;
    let swatch = |ui: &mut Ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(size * 1.6, size), Sense::hover());
        (ui.painter().clone(), rect)
    };
    let (painter, rect) = swatch(ui);
    let (inset, y) = (line * 2.0, rect.center().y);
    let (left, right) = (pos2(rect.left() + inset, y), pos2(rect.right() - inset, y));
    results(&painter, vec![vec![left, right]], palette.actual, line);
    let mut toggled =
        super::legend_label(ui, cx, t.actual, Some((Series::Actual, spec.show_actual)));
    ui.add_space(10.0 * cx.scale);
    let marks = [
        TargetMark::Exact,
        TargetMark::About,
        TargetMark::Floor,
        TargetMark::Ceiling,
        TargetMark::Range(0.0),
    ];
    let mark_size = MarkSize {
        half: size * 0.55,
        r: size * 0.25,
        line,
    };
    for (n, mark) in marks.into_iter().enumerate() {
        let (painter, rect) = swatch(ui);
        let at = match mark {
            TargetMark::Floor => rect.center() + vec2(0.0, size * 0.2),
            TargetMark::Ceiling => rect.center() - vec2(0.0, size * 0.2),
            TargetMark::Range(_) => rect.center() + vec2(0.0, size * 0.4),
            _ => rect.center(),
        };
        target(
            &painter,
            mark,
            at,
            rect.center().y - size * 0.4,
            mark_size,
            palette.target,
        );
        let series = (n == 0).then_some((Series::Target, spec.show_target));
        toggled = toggled.or(super::legend_label(ui, cx, t.history_legend[n], series));
        ui.add_space(6.0 * cx.scale);
    }
    toggled
}
