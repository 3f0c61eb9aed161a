//! Row names laid out whole: on one line, or on two where one cannot hold them (the plot
//! gives up width for them), and cut with "…" only where two cannot; the footer then gives
//! the full name.

use std::sync::Arc;

use eframe::egui::{self, Align, Color32, FontId, Galley, Painter, Ui, text::LayoutJob};

/// The names of the rows drawn, laid out to one column width.
pub struct Names {
    pub galleys: Vec<Arc<Galley>>,
    /// The full names of those cut short.
    pub shortened: Vec<String>,
}

/// An over-estimate of a name's width on one line, from its characters (a CJK character is
/// one em, others at most 0.62 em), so that a long list needs no layout.
pub fn estimate(name: &str, font: f32) -> f32 {
    name.chars()
        .map(|c| if c.is_ascii() { 0.62 } else { 1.0 })
        .sum::<f32>()
        * font
}

/// The width of a name column: the widest name on one line, but no more than `max`; a
/// name wider than that wraps.
pub fn column_width<'a>(names: impl Iterator<Item = &'a str>, font: f32, max: f32) -> f32 {
    names
        .map(|n| estimate(n, font))
        .fold(0.0, f32::max)
        .min(max)
}

/// Whether a name needs a second line in a column of `width`.
pub fn wraps(name: &str, font: f32, width: f32) -> bool {
    estimate(name, font) > width
}

/// A name laid out `width` wide on two lines at most, cut with "…" only past them.
pub fn two_lines(
    ui: &Ui,
    name: &str,
    font: &FontId,
    color: Color32,
    width: f32,
    halign: Align,
) -> Arc<Galley> {
    let mut job = LayoutJob::simple(name.to_owned(), font.clone(), color, width);
    job.wrap.max_rows = 2;
    job.wrap.overflow_character = Some('…');
    job.halign = halign;
    ui.fonts_mut(|f| f.layout_job(job))
}

/// Lays the names out right-aligned in a column `width` wide, two lines at most.
pub fn lay_out(ui: &Ui, names: &[&str], font: &FontId, color: Color32, width: f32) -> Names {
    let mut shortened = Vec::new();
    let galleys = names
        .iter()
        .map(|name| {
            let galley = two_lines(ui, name, font, color, width, Align::RIGHT);
            if galley.elided {
                shortened.push((*name).to_owned());
            }
            galley
        })
        .collect();
    Names { galleys, shortened }
}

/// Paints a name with its right edge at `right`, centred on `y`.
pub fn paint(painter: &Painter, galley: &Arc<Galley>, right: f32, y: f32, color: Color32) {
    let pos = egui::pos2(right, y - galley.size().y / 2.0);
    painter.galley(pos, galley.clone(), color);
}
