//! The report text, every quote highlighted. A report can be a megabyte, so the pane lays
//! out only the paragraphs in view: their heights are measured once per width, and each
//! visible paragraph is one read-only text field whose cursor gives the selected characters.

use std::ops::Range;

use eframe::egui::{self, Color32, TextFormat, text::LayoutJob};

use super::state::{ReviewSession, Row};
use crate::edit::{Document, Highlight, SourceText};

/// The paragraphs' tops at one width.
#[derive(Default)]
pub struct Cache {
    width: f32,
    /// `tops[p]` is where paragraph `p` starts; the last entry is the height of the whole.
    tops: Vec<f32>,
}

/// The byte offset of character `chars` of `text`.
fn byte_of(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| at)
}

/// A paragraph with its quotes marked; the chosen row's quotes stand out.
fn job<'h>(
    text: &str,
    start: usize,
    highlights: impl Iterator<Item = &'h Highlight>,
    selected: Option<Row>,
    style: &egui::Style,
) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(style);
    let plain = TextFormat::simple(font, style.visuals.text_color());
    let marked = TextFormat {
        background: style.visuals.selection.bg_fill.gamma_multiply(0.35),
        ..plain.clone()
    };
    let chosen = TextFormat {
        background: style.visuals.selection.bg_fill,
        color: style.visuals.selection.stroke.color,
        ..plain.clone()
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for h in highlights {
        let from = h.range.start.saturating_sub(start).clamp(at, text.len());
        let to = h.range.end.saturating_sub(start).min(text.len());
        let (Some(before), Some(quote)) = (text.get(at..from), text.get(from..to)) else {
            continue;
        };
        job.append(before, 0.0, plain.clone());
        let is_chosen = selected.is_some_and(|row| match row {
            Row::Indicator(i) => h.indicator == i,
            Row::Observation(i, o) => h.indicator == i && h.observation == o,
        });
        job.append(
            quote,
            0.0,
            if is_chosen {
                chosen.clone()
            } else {
                marked.clone()
            },
        );
        at = at.max(to);
    }
    job.append(text.get(at..).unwrap_or(""), 0.0, plain);
    job
}

impl Cache {
    /// Measures every paragraph at `width`, unless it was measured at that width.
    fn measure(&mut self, ui: &egui::Ui, text: &str, paragraphs: &[Range<usize>], width: f32) {
        if self.width == width && self.tops.len() == paragraphs.len() + 1 {
            return;
        }
        let font = egui::TextStyle::Body.resolve(ui.style());
        let gap = ui.spacing().item_spacing.y;
        let mut y = 0.0;
        self.tops.clear();
        self.tops.reserve(paragraphs.len() + 1);
        ui.fonts_mut(|fonts| {
            for range in paragraphs {
                self.tops.push(y);
                let paragraph = text.get(range.clone()).unwrap_or("").to_owned();
                let galley = fonts.layout(paragraph, font.clone(), Color32::WHITE, width);
                y += galley.size().y + gap;
            }
        });
        self.tops.push(y);
        self.width = width;
    }
}

/// What happened in a paragraph: the text selected in it (while it has focus), a click.
struct InParagraph {
    selection: Option<Option<Range<usize>>>,
    clicked_at: Option<usize>,
}

/// Paragraph `p` of the text at `rect`, as a read-only text field whose cursor gives the
/// selected characters.
fn paragraph(
    ui: &mut egui::Ui,
    doc: &Document,
    source: &SourceText,
    p: usize,
    rect: egui::Rect,
    selected: Option<Row>,
) -> Option<InParagraph> {
    let range = source.paragraphs[p].clone();
    let mut paragraph = source.text.get(range.clone())?;
    let style = ui.style().clone();
    let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap: f32| {
        let marks = doc.highlights_in(range.clone());
        let mut job = job(buf.as_str(), range.start, marks, selected, &style);
        job.wrap.max_width = wrap;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let output = ui
        .scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
            egui::TextEdit::multiline(&mut paragraph)
                .id_salt(("review_paragraph", p))
                .frame(egui::Frame::NONE)
                .margin(0.0)
                .desired_rows(1)
                .desired_width(rect.width())
                .layouter(&mut layouter)
                .show(ui)
        })
        .inner;
    let chars = output.cursor_range?.as_sorted_char_range();
    let from = range.start + byte_of(paragraph, chars.start.0);
    let to = range.start + byte_of(paragraph, chars.end.0);
    let response = &output.response.response;
    Some(InParagraph {
        selection: response
            .has_focus()
            .then(|| (from < to).then_some(from..to)),
        clicked_at: (response.clicked() && from == to).then_some(from),
    })
}

pub fn show(doc: &Document, review: &mut ReviewSession, ui: &mut egui::Ui) {
    let Ok(source) = doc.text() else {
        return;
    };
    let width = ui.available_width().floor().max(50.0);
    review
        .text
        .measure(ui, &source.text, &source.paragraphs, width);
    let tops = &review.text.tops;
    let total = tops.last().copied().unwrap_or(0.0);
    let mut area = egui::ScrollArea::vertical()
        .id_salt("review_text_scroll")
        .auto_shrink(false);
    if let Some(offset) = review.scroll_text.take() {
        let p = source.paragraph_at(offset).unwrap_or(0);
        // Never past the end: an overscrolled area springs back over many frames.
        let end = (total - ui.available_height()).max(0.0);
        let top = tops.get(p).copied().unwrap_or(0.0) - 80.0;
        area = area.vertical_scroll_offset(top.clamp(0.0, end));
    }
    let selected = review.selected;
    let mut clicked_at = None;
    let mut selection = None;
    area.show_viewport(ui, |ui, viewport| {
        ui.set_height(total);
        ui.set_width(width);
        let origin = ui.min_rect().min;
        for (p, rect) in super::rows_in_view(tops, viewport, origin, width) {
            let Some(what) = paragraph(ui, doc, source, p, rect, selected) else {
                continue;
            };
            if what.selection.is_some() {
                selection = what.selection;
            }
            clicked_at = what.clicked_at.or(clicked_at);
        }
    });
    if let Some(selection) = selection {
        review.selection = selection;
    }
    if let Some(offset) = clicked_at {
        review.select_at(doc, offset);
    }
}
