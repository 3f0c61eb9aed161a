//! The chart's footer: what was not drawn and why (and, for rows an image could not hold,
//! the size that holds them all), the source, the marks, the user's note; each line
//! wrapped rather than cut.

use eframe::egui::{self, Align, Layout, RichText, Ui, Vec2};

use super::rows::Pair;
use super::{ChartResponse, Ctx, Mode, View, image_type_scale};
use crate::i18n::{Lang, Texts};
use crate::model::Indicator;
use crate::outcome::target_outcome;

/// How rows were fitted into the body, at the chart's type scale: enough to work out how
/// tall an image must be to hold them all.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RowFit {
    pub rows: usize,
    /// The body's size in points.
    pub area: Vec2,
    /// The smallest row pitch, and the height of what is not rows (header, axis).
    pub pitch: f32,
    pub fixed: f32,
    /// The narrowest panel, and how many panels at most.
    pub panel_width: f32,
    pub max_panels: usize,
}

impl RowFit {
    /// Whether the rows fit a body grown by `extra` points in height, with every size
    /// multiplied by `k`.
    fn fits(&self, k: f32, extra: f32) -> bool {
        let height = self.area.y * k + extra;
        let per_panel = ((height - self.fixed * k) / (self.pitch * k))
            .floor()
            .max(0.0) as usize;
        let panels =
            ((self.area.x / (self.panel_width * k)).floor() as usize).clamp(1, self.max_panels);
        per_panel * panels >= self.rows
    }
}

/// The size of an image that holds every row the compare view left out: as wide, and
/// the shortest height (in steps of 10 px) at which they fit. Type grows with the height
/// until the width limits it, so a taller image holds more rows only past that.
pub(super) fn fits_at(ui: &Ui, cx: &Ctx<'_>, drawn: &ChartResponse) -> Option<String> {
    let (Mode::Image { .. }, Some(fit)) = (cx.mode, drawn.row_fit) else {
        return None;
    };
    if drawn.left_for_room == 0 {
        return None;
    }
    let ppp = ui.ctx().pixels_per_point();
    let screen = ui.ctx().content_rect();
    let width = (screen.width() * ppp).round() as u32;
    let height = (screen.height() * ppp).round() as u32;
    (height..=crate::render::MAX_SIDE)
        .step_by(10)
        .find(|&h| {
            let k = image_type_scale(width, h) / cx.scale;
            // Everything but the body grows with the type; the rest of the new height is
            // the body's. A little slack for the margins, which follow the image's side.
            let extra = h as f32 / ppp - screen.height() * k;
            fit.fits(k, extra * 0.97)
        })
        .map(|h| format!("{width}×{h}"))
}

/// A line of the footer: text, and whether it is a note (weak) or the source.
pub struct FooterLine {
    pub text: String,
    pub weak: bool,
}

impl FooterLine {
    pub fn weak(text: String) -> FooterLine {
        FooterLine { text, weak: true }
    }

    pub fn plain(text: String) -> FooterLine {
        FooterLine { text, weak: false }
    }
}

/// The footer's lines of the views of one region: what was not drawn, labels left out, the
/// source, the marks.
pub(super) fn footer_lines(
    cx: &Ctx<'_>,
    pairs: &[Pair<'_>],
    omitted: &[&Indicator],
    labels_left_out: usize,
) -> Vec<FooterLine> {
    let (data, spec) = (cx.data, cx.spec);
    let lang = spec.lang;
    let t = cx.texts();
    let mut lines = Vec::new();
    if !omitted.is_empty() {
        let names = omitted.iter().map(|i| i.name(lang).to_owned());
        let names = name_list(names, omitted.len(), 4, t);
        lines.push(FooterLine::weak(format!("{}{names}", t.not_drawn)));
    }
    if labels_left_out > 0 {
        lines.push(FooterLine::weak(Lang::fill(
            t.labels_left_out,
            labels_left_out,
        )));
    }
    lines.push(FooterLine::plain(format!(
        "{}{}{}",
        t.source,
        t.colon,
        data.report.title(lang)
    )));
    let review = data.years().0;
    let outcomes = spec.view != View::Trend
        && data
            .indicators
            .iter()
            .any(|i| target_outcome(i, review).is_some());
    let mut note = t.marks_note.to_owned();
    if outcomes {
        note.push_str("  ");
        note.push_str(t.outcome_note);
    }
    if pairs.iter().any(|p| p.multi_year()) {
        note.push_str("  ");
        note.push_str(t.multi_year_note);
    }
    lines.push(FooterLine::weak(note));
    lines
}

/// Draws the footer's lines, each wrapped rather than cut; returns the height used.
pub(super) fn footer_ui(ui: &mut Ui, lines: &[FooterLine], size: f32) -> f32 {
    let top = ui.cursor().min.y;
    ui.with_layout(Layout::top_down(Align::LEFT), |ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        for line in lines {
            let text = RichText::new(&line.text).size(size);
            ui.add(egui::Label::new(if line.weak { text.weak() } else { text }).wrap());
        }
    });
    ui.min_rect().max.y - top
}

/// The first `max` of `total` names, joined, with "and {n} more".
pub(super) fn name_list(
    names: impl Iterator<Item = String>,
    total: usize,
    max: usize,
    t: &Texts,
) -> String {
    let names: Vec<String> = names.take(max).collect();
    let more = match total - names.len() {
        0 => String::new(),
        rest => Lang::fill(t.more_items, rest),
    };
    format!("{}{more}", names.join(t.list_sep))
}
