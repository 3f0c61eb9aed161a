//! The editable table, as a form: per indicator a line of names, unit and category, a line
//! of marks and commands, a line of English names and notes; per observation a line of its
//! figures and its quote, wrapped, beneath. It fits the pane's width (no sideways scroll).
//! The lines' heights are measured once per document version and width, so only the lines
//! in view are laid out. Text fields are checked as the user types and committed on Enter
//! or when they lose focus; lists and checkboxes commit at once.

use eframe::egui::{self, Align, Layout as EguiLayout, RichText};

use super::state::{Draft, Field, MergeDialog, ReviewSession, Row};
use crate::edit::{Document, Edit, IndicatorField, ObservationField};
use crate::i18n::{Lang, Texts, fill};
use crate::model::{Category, Kind, Qualifier};

/// What the table asks the app to do once it is drawn.
pub enum Action {
    /// Add the text selected in the report to this indicator, or as a new one.
    AddTo(Option<usize>),
    Merge {
        keep: usize,
        from: usize,
        take: Vec<(i32, Kind)>,
    },
}

/// A line of the form.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Line {
    /// Id, Chinese name, unit, category.
    Names(usize),
    /// Reviewed, headline and comparable marks; merge, delete.
    Marks(usize),
    /// English name and unit, notes.
    English(usize),
    /// Year, kind, value, growth, qualifier; delete.
    Figures(usize, usize),
    /// The quote, wrapped.
    Quote(usize, usize),
}

impl Line {
    fn row(self) -> Row {
        match self {
            Line::Names(i) | Line::Marks(i) | Line::English(i) => Row::Indicator(i),
            Line::Figures(i, o) | Line::Quote(i, o) => Row::Observation(i, o),
        }
    }
}

/// The lines and where each starts, for one document version and width.
#[derive(Default)]
pub struct Layout {
    made_for: Option<(u64, u32)>,
    lines: Vec<Line>,
    /// `tops[n]` is where line `n` starts; the last entry is the height of the whole.
    tops: Vec<f32>,
}

/// The width of the first column: the id that picks an indicator, the year and kind that
/// pick an observation.
fn pick_width(width: f32) -> f32 {
    (width * 0.17).clamp(72.0, 120.0)
}

/// The text fields' inner margin (egui's default), which the quote's height includes.
const MARGIN: egui::Vec2 = egui::vec2(4.0, 2.0);

impl Layout {
    /// Makes the lines again and measures the quotes, unless done for this version and width.
    fn measure(&mut self, ui: &egui::Ui, doc: &Document, width: f32, line_height: f32) {
        let key = (doc.version(), width.round() as u32);
        if self.made_for == Some(key) {
            return;
        }
        self.lines.clear();
        for (i, ind) in doc.data().indicators.iter().enumerate() {
            self.lines
                .extend([Line::Names(i), Line::Marks(i), Line::English(i)]);
            for o in 0..ind.observations.len() {
                self.lines.extend([Line::Figures(i, o), Line::Quote(i, o)]);
            }
        }
        let font = egui::TextStyle::Body.resolve(ui.style());
        let wrap = quote_width(width) - 2.0 * MARGIN.x;
        let gap = ui.spacing().item_spacing.y;
        let mut y = 0.0;
        self.tops.clear();
        ui.fonts_mut(|fonts| {
            for line in &self.lines {
                self.tops.push(y);
                let height = match *line {
                    Line::Quote(i, o) => {
                        let quote = &doc.data().indicators[i].observations[o].quote;
                        let galley =
                            fonts.layout(quote.clone(), font.clone(), egui::Color32::WHITE, wrap);
                        (galley.size().y + 2.0 * MARGIN.y).max(line_height)
                    }
                    _ => line_height,
                };
                y += height + gap;
            }
        });
        self.tops.push(y);
        self.made_for = Some(key);
    }

    /// The first line of a row.
    fn line_of(&self, row: Row) -> Option<usize> {
        self.lines.iter().position(|l| l.row() == row)
    }
}

/// The quote field's width: the line less the first column.
fn quote_width(width: f32) -> f32 {
    width - pick_width(width) - 8.0
}

/// The widths of fields sharing `total` points by their weights (summing to 1 or less).
fn widths<const N: usize>(total: f32, weights: [f32; N], gap: f32) -> [f32; N] {
    let free = (total - gap * N as f32).max(40.0 * N as f32);
    weights.map(|w| (free * w).floor())
}

/// A text field of the document: shows the current value, or the text being typed, red
/// while `check` refuses it. Returns the edit to commit, if any. A wrapped field (the
/// quote) commits on Enter too: it holds no line breaks.
#[allow(clippy::too_many_arguments)]
pub fn field(
    ui: &mut egui::Ui,
    doc: &Document,
    editing: &mut Option<Draft>,
    field: Field,
    current: &str,
    width: f32,
    wrapped: bool,
    t: &Texts,
) -> Option<Edit> {
    let mine = editing.as_ref().filter(|d| d.field == field);
    let mut text = mine.map_or_else(|| current.to_owned(), |d| d.text.clone());
    let refused = mine.is_some_and(|d| d.error.is_some());
    let mut widget = if wrapped {
        egui::TextEdit::multiline(&mut text)
            .desired_rows(1)
            .return_key(None)
    } else {
        egui::TextEdit::singleline(&mut text)
    }
    .id(field.id())
    .hint_text(field.name(t))
    .desired_width(width);
    if refused {
        widget = widget.text_color(ui.visuals().error_fg_color);
    }
    let response = ui.add(widget).on_hover_text(field.name(t));
    if wrapped && response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        response.surrender_focus();
    }
    if response.changed() || (response.gained_focus() && mine.is_none()) {
        let error = (text != current)
            .then(|| doc.check(&field.edit(text.clone())).err())
            .flatten();
        *editing = Some(Draft {
            field,
            text: text.clone(),
            error,
        });
    }
    if response.lost_focus()
        && let Some(draft) = editing.as_ref().filter(|d| d.field == field)
    {
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) || draft.text == current {
            *editing = None;
        } else if draft.error.is_none() {
            let commit = field.edit(draft.text.clone());
            *editing = None;
            return Some(commit);
        }
        // A refused value stays in the field, with its message, until changed or undone.
    }
    None
}

/// A number for editing: plain digits, none when absent.
fn number(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// A value as the document's edits name it (serde's snake_case name).
fn key<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

const QUALIFIERS: [Qualifier; 5] = [
    Qualifier::Exact,
    Qualifier::About,
    Qualifier::AtLeast,
    Qualifier::MoreThan,
    Qualifier::AtMost,
];

/// A list of choices; returns the edit when another is picked.
#[allow(clippy::too_many_arguments)]
fn choice<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    field: Field,
    current: T,
    all: &[T],
    name: impl Fn(T) -> String,
    key: impl Fn(T) -> String,
    width: f32,
    t: &Texts,
) -> Option<Edit> {
    let mut picked = current;
    let response = egui::ComboBox::from_id_salt(field.id())
        .selected_text(name(current))
        .width(width)
        .show_ui(ui, |ui| {
            for &option in all {
                ui.selectable_value(&mut picked, option, name(option));
            }
        })
        .response;
    let column = field.name(t);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, column));
    (picked != current).then(|| field.edit(key(picked)))
}

/// A checkbox; returns the edit when it is clicked.
fn flag(ui: &mut egui::Ui, field: Field, current: bool, label: &str) -> Option<Edit> {
    let mut on = current;
    ui.checkbox(&mut on, label)
        .changed()
        .then(|| field.edit(on.to_string()))
}

/// What a line draws with: the document, the review's state, the language, and where its
/// edits go.
struct Form<'a> {
    doc: &'a Document,
    review: &'a mut ReviewSession,
    lang: Lang,
    t: &'static Texts,
    edits: &'a mut Vec<Edit>,
}

impl Form<'_> {
    fn text(&mut self, ui: &mut egui::Ui, field: Field, current: &str, width: f32, wrapped: bool) {
        let editing = &mut self.review.editing;
        self.edits.extend(self::field(
            ui, self.doc, editing, field, current, width, wrapped, self.t,
        ));
    }

    /// The button at the start of a line that picks its row.
    fn pick(&mut self, ui: &mut egui::Ui, row: Row, text: String, width: f32) {
        let selected = self.review.selected == Some(row);
        let response = ui.add_sized(
            [width, ui.available_height()],
            egui::Button::selectable(selected, text).truncate(),
        );
        if response.clicked() {
            self.review.select(self.doc, row);
        }
    }

    fn line(&mut self, ui: &mut egui::Ui, line: Line, width: f32) {
        let pick = pick_width(width);
        let gap = ui.spacing().item_spacing.x;
        let rest = width - pick - gap;
        match line {
            Line::Names(i) => self.names(ui, i, pick, rest, gap),
            Line::Marks(i) => self.marks(ui, i, pick),
            Line::English(i) => self.english(ui, i, pick, rest, gap),
            Line::Figures(i, o) => self.figures(ui, i, o, pick, rest, gap),
            Line::Quote(i, o) => {
                ui.add_space(pick + gap);
                let quote = self.doc.data().indicators[i].observations[o].quote.clone();
                let field = Field::Observation(i, o, ObservationField::Quote);
                self.text(ui, field, &quote, quote_width(width), true);
            }
        }
    }

    fn names(&mut self, ui: &mut egui::Ui, i: usize, pick: f32, rest: f32, gap: f32) {
        let ind = &self.doc.data().indicators[i];
        let (id, name, unit, category) = (
            ind.id.clone(),
            ind.name_zh.clone(),
            ind.unit_zh.clone(),
            ind.category,
        );
        self.pick(ui, Row::Indicator(i), id, pick);
        let [w_name, w_unit, w_category] = widths(rest, [0.45, 0.2, 0.32], gap);
        self.text(
            ui,
            Field::Indicator(i, IndicatorField::NameZh),
            &name,
            w_name,
            false,
        );
        self.text(
            ui,
            Field::Indicator(i, IndicatorField::UnitZh),
            &unit,
            w_unit,
            false,
        );
        let lang = self.lang;
        self.edits.extend(choice(
            ui,
            Field::Indicator(i, IndicatorField::Category),
            category,
            &Category::ALL,
            |c| c.name(lang).to_owned(),
            |c| c.key().to_owned(),
            w_category,
            self.t,
        ));
    }

    fn marks(&mut self, ui: &mut egui::Ui, i: usize, pick: f32) {
        let t = self.t;
        let ind = &self.doc.data().indicators[i];
        let marks = [
            (IndicatorField::Reviewed, ind.reviewed, t.reviewed),
            (IndicatorField::Headline, ind.headline, t.headline_short),
            (IndicatorField::Comparable, ind.comparable, t.comparable),
        ];
        ui.add_space(pick + ui.spacing().item_spacing.x);
        for (field, on, label) in marks {
            self.edits
                .extend(flag(ui, Field::Indicator(i, field), on, label));
        }
        if ui.button(t.merge).clicked() {
            self.review.merge = Some(MergeDialog {
                keep: i,
                from: None,
                clashes: Vec::new(),
                take: Vec::new(),
            });
        }
        if ui.button(t.delete).clicked() {
            self.edits.push(Edit::DeleteIndicator { indicator: i });
        }
    }

    fn english(&mut self, ui: &mut egui::Ui, i: usize, pick: f32, rest: f32, gap: f32) {
        let ind = &self.doc.data().indicators[i];
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let fields = [
            (IndicatorField::NameEn, opt(&ind.name_en)),
            (IndicatorField::UnitEn, opt(&ind.unit_en)),
            (IndicatorField::NoteZh, opt(&ind.note_zh)),
            (IndicatorField::NoteEn, opt(&ind.note_en)),
        ];
        ui.add_space(pick + gap);
        let sizes = widths(rest, [0.3, 0.16, 0.26, 0.26], gap);
        for ((field, current), width) in fields.into_iter().zip(sizes) {
            self.text(ui, Field::Indicator(i, field), &current, width, false);
        }
    }

    fn figures(&mut self, ui: &mut egui::Ui, i: usize, o: usize, pick: f32, rest: f32, gap: f32) {
        let (t, lang) = (self.t, self.lang);
        let obs = &self.doc.data().indicators[i].observations[o];
        let (year, kind, value, growth, qualifier) = (
            obs.year,
            obs.kind,
            number(obs.value),
            number(obs.growth_pct),
            obs.qualifier,
        );
        let label = format!("{year}{}{}", t.year_gap, kind.name(lang));
        self.pick(ui, Row::Observation(i, o), label, pick);
        // The delete button keeps its own room at the end.
        let [w_year, w_kind, w_value, w_growth, w_qualifier] =
            widths(rest - 64.0, [0.14, 0.18, 0.22, 0.18, 0.26], gap);
        let f = |field| Field::Observation(i, o, field);
        self.text(
            ui,
            f(ObservationField::Year),
            &year.to_string(),
            w_year,
            false,
        );
        self.edits.extend(choice(
            ui,
            f(ObservationField::Kind),
            kind,
            &[Kind::Actual, Kind::Target],
            |k| k.name(lang).to_owned(),
            key,
            w_kind,
            t,
        ));
        self.text(ui, f(ObservationField::Value), &value, w_value, false);
        self.text(ui, f(ObservationField::GrowthPct), &growth, w_growth, false);
        self.edits.extend(choice(
            ui,
            f(ObservationField::Qualifier),
            qualifier,
            &QUALIFIERS,
            |q| q.words(lang).to_owned(),
            key,
            w_qualifier,
            t,
        ));
        if ui.button(t.delete).clicked() {
            self.edits.push(Edit::DeleteObservation {
                indicator: i,
                observation: o,
            });
        }
    }
}

/// The selection bar, the refusal of the field being typed into, and the lines in view.
pub fn show(
    doc: &Document,
    review: &mut ReviewSession,
    ui: &mut egui::Ui,
    lang: Lang,
    edits: &mut Vec<Edit>,
) -> Option<Action> {
    let t = lang.texts();
    let action = selection_bar(doc, review, ui, lang);
    if let Some(error) = review.editing.as_ref().and_then(|d| d.error.as_ref()) {
        ui.add(
            egui::Label::new(RichText::new(error.message(t)).color(ui.visuals().error_fg_color))
                .wrap(),
        );
    }
    ui.separator();
    let line_height =
        ui.spacing().interact_size.y.max(
            ui.text_style_height(&egui::TextStyle::Body) + 2.0 * ui.spacing().button_padding.y,
        ) + 4.0;
    let scroll = ui.spacing().scroll;
    let width = (ui.available_width() - scroll.bar_width - scroll.bar_outer_margin)
        .floor()
        .max(200.0);
    review.table.measure(ui, doc, width, line_height);
    let total = review.table.tops.last().copied().unwrap_or(0.0);
    let mut area = egui::ScrollArea::vertical()
        .id_salt("review_table")
        .auto_shrink(false);
    if let Some(row) = review.scroll_table.take() {
        let layout = &review.table;
        // The row with its indicator's names above it, when both fit in the pane.
        let top = |row| layout.line_of(row).map(|n| layout.tops[n]);
        let own = top(row).unwrap_or(0.0);
        let block = top(Row::Indicator(row.indicator())).unwrap_or(own);
        let start = if own - block < ui.available_height() * 0.6 {
            block
        } else {
            own - line_height
        };
        // Never past the end: an overscrolled area springs back over many frames.
        let end = (total - ui.available_height()).max(0.0);
        area = area.vertical_scroll_offset(start.clamp(0.0, end));
    }
    let layout = std::mem::take(&mut review.table);
    let mut form = Form {
        doc,
        review,
        lang,
        t,
        edits,
    };
    area.show_viewport(ui, |ui, viewport| {
        ui.set_height(total);
        ui.set_width(width);
        let origin = ui.min_rect().min;
        for (n, rect) in super::rows_in_view(&layout.tops, viewport, origin, width) {
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(rect)
                    .layout(EguiLayout::left_to_right(Align::Min)),
                |ui| form.line(ui, layout.lines[n], width),
            );
        }
    });
    form.review.table = layout;
    action
}

/// What to do with the text selected in the report.
fn selection_bar(
    doc: &Document,
    review: &mut ReviewSession,
    ui: &mut egui::Ui,
    lang: Lang,
) -> Option<Action> {
    let t = lang.texts();
    let mut action = None;
    ui.horizontal_wrapped(|ui| match review.selected_text(doc) {
        Some(text) => {
            let shown: String = text.chars().take(60).collect();
            let more = if text.chars().count() > 60 { "…" } else { "" };
            ui.label(RichText::new(t.selected_text).strong());
            ui.label(format!("{shown}{more}"));
            let target = review.selected.map(Row::indicator);
            let name = target
                .and_then(|i| doc.data().indicators.get(i))
                .map(|i| i.name(lang).to_owned())
                .unwrap_or_default();
            if ui
                .add_enabled(
                    target.is_some(),
                    egui::Button::new(fill(t.add_observation, &[("name", &name)])),
                )
                .clicked()
            {
                action = Some(Action::AddTo(target));
            }
            if ui.button(t.add_indicator).clicked() {
                action = Some(Action::AddTo(None));
            }
        }
        None => {
            ui.label(RichText::new(t.select_hint).weak());
        }
    });
    action
}
