//! How one figure is drawn, the same in every view: a bar to its number, a range as a band
//! from its low to its high bound, a floor (以上, 超过) with an arrowhead pointing on past
//! its end and a ceiling (以内) with one pointing back; a result on a row of its own
//! target as a dot (a range as a dot at each bound, joined). The bar views, the levels
//! view, the trend's targets and the compare view's rows all draw through here.

use eframe::egui::{self, Color32};
use egui_plot::{Bar, BarChart, Line, MarkerShape, PlotPoints, PlotUi, Points};

use super::style::Look;
use crate::model::{Observation, Qualifier};

/// A figure as drawn: its number or range, its qualifier and look.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    pub low: f64,
    /// The upper bound of a range (`4.5–5%`).
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub look: Look,
    pub color: Color32,
}

impl Figure {
    /// The growth rate of an observation, when it has one.
    pub fn growth(obs: &Observation, look: Look, color: Color32) -> Option<Figure> {
        Some(Figure {
            low: obs.growth_pct?,
            high: obs.growth_pct_high,
            qualifier: obs.qualifier,
            look,
            color,
        })
    }

    /// The level of an observation, when it has one.
    pub fn value(obs: &Observation, look: Look, color: Color32) -> Option<Figure> {
        Some(Figure {
            low: obs.value?,
            high: obs.value_high,
            qualifier: obs.qualifier,
            look,
            color,
        })
    }

    /// The end furthest from `base`: a range's high bound where it reaches further.
    pub fn reach(&self, base: f64) -> f64 {
        match self.high {
            Some(h) if (h - base).abs() > (self.low - base).abs() => h,
            _ => self.low,
        }
    }
}

/// Which way bars run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Rows: bars run along x.
    Horizontal,
    /// Columns: bars run along y.
    Vertical,
}

/// Where and how thick a bar is drawn.
#[derive(Clone, Copy, Debug)]
pub struct Placement {
    /// The bar's centre across its length (a row's y, or a column's x).
    pub at: f64,
    /// Where it starts (0, or 100 for an index).
    pub base: f64,
    /// Its thickness, in plot units across the bar.
    pub thickness: f64,
    pub direction: Direction,
    /// Plot units along the bar per screen point, to size arrowheads.
    pub per_point: f64,
    /// Outline width in points.
    pub stroke: f32,
}

/// Draws a figure as a bar from the base to its number, a range's band beyond it, and the
/// arrowhead of a floor or a ceiling.
pub fn bar(plot_ui: &mut PlotUi<'_>, id: &str, figure: &Figure, place: &Placement) {
    let (fill, outline) = figure.look.paint(figure.color, place.stroke);
    let mut bars = vec![styled(
        Bar::new(place.at, figure.low - place.base).base_offset(place.base),
        place,
        fill,
        outline,
    )];
    if let Some(high) = figure.high {
        // The band: lighter than the bar, outlined, so the range reads as one piece.
        let band_fill = match figure.look {
            Look::Hollow | Look::Missing => Color32::TRANSPARENT,
            _ => figure.color.gamma_multiply(0.35),
        };
        let band_outline = egui::Stroke::new(place.stroke, figure.color);
        bars.push(styled(
            Bar::new(place.at, high - figure.low).base_offset(figure.low),
            place,
            band_fill,
            band_outline,
        ));
    }
    plot_ui.bar_chart(
        BarChart::new(id, bars)
            .color(figure.color)
            .allow_hover(false),
    );
    arrowhead(plot_ui, id, figure, place);
}

fn styled(bar: Bar, place: &Placement, fill: Color32, outline: egui::Stroke) -> Bar {
    let bar = bar.width(place.thickness).fill(fill).stroke(outline);
    match place.direction {
        Direction::Horizontal => bar.horizontal(),
        Direction::Vertical => bar.vertical(),
    }
}

/// Whether a figure of this qualifier carries an arrowhead: a floor or a ceiling.
pub fn has_arrowhead(qualifier: Qualifier) -> bool {
    matches!(
        qualifier,
        Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::AtMost
    )
}

/// A floor points on past the figure's end; a ceiling points back from it.
fn arrowhead(plot_ui: &mut PlotUi<'_>, id: &str, figure: &Figure, place: &Placement) {
    let onwards = match figure.qualifier {
        Qualifier::AtLeast | Qualifier::MoreThan => true,
        Qualifier::AtMost => false,
        Qualifier::Exact | Qualifier::About => return,
    };
    let end = figure.reach(place.base);
    // Just past the end, away from the base: a floor's points on, a ceiling's back at it.
    let outward = if end >= place.base { 1.0 } else { -1.0 };
    let radius = 5.0 * place.stroke / 1.5;
    let tip = end + outward * f64::from(radius) * place.per_point;
    let forward = if onwards { outward } else { -outward };
    let shape = match (place.direction, forward > 0.0) {
        (Direction::Horizontal, true) => MarkerShape::Right,
        (Direction::Horizontal, false) => MarkerShape::Left,
        (Direction::Vertical, true) => MarkerShape::Up,
        (Direction::Vertical, false) => MarkerShape::Down,
    };
    let point = match place.direction {
        Direction::Horizontal => [tip, place.at],
        Direction::Vertical => [place.at, tip],
    };
    plot_ui.points(
        Points::new(format!("{id}-arrow"), vec![point])
            .shape(shape)
            .radius(radius)
            .filled(true)
            .color(figure.color)
            .allow_hover(false),
    );
}

/// Draws a result as a dot on its row (a range: a dot at each bound, joined), over the
/// target's bar; hollow where the figure is not like-for-like. `rim` (the background)
/// keeps the dot clear of the bar under it.
pub fn dot(
    plot_ui: &mut PlotUi<'_>,
    id: &str,
    figure: &Figure,
    at: f64,
    radius: f32,
    rim: Color32,
) {
    let filled = !matches!(figure.look, Look::Hollow);
    let mut points = vec![[figure.low, at]];
    if let Some(high) = figure.high {
        points.push([high, at]);
        plot_ui.line(
            Line::new(format!("{id}-range"), PlotPoints::from(points.clone()))
                .color(figure.color)
                .width(radius * 0.9)
                .allow_hover(false),
        );
    }
    plot_ui.points(
        Points::new(format!("{id}-rim"), points.clone())
            .shape(MarkerShape::Circle)
            .radius(radius + 1.5)
            .filled(true)
            .color(rim)
            .allow_hover(false),
    );
    plot_ui.points(
        Points::new(id.to_owned(), points)
            .shape(MarkerShape::Circle)
            .radius(radius)
            .filled(filled)
            .color(figure.color)
            .allow_hover(false),
    );
}
