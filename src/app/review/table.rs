//! The editable table: one line per indicator, one per observation under it, all of one
//! height so only the lines in view are laid out. Text fields are checked as the user types
//! and committed on Enter or when they lose focus; lists and checkboxes commit at once.

use eframe::egui::{self, Align, Layout, RichText};

use super::{Draft, Field, MergeDialog, Review, Row};
use crate::edit::{Document, Edit, IndicatorField, ObservationField};
use crate::i18n::{Lang, Texts};
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

// Column widths, in points.
const ID: f32 = 120.0;
const NAME: f32 = 150.0;
const UNIT: f32 = 70.0;
const CATEGORY: f32 = 96.0;
const NOTE: f32 = 130.0;
const YEAR: f32 = 44.0;
const KIND: f32 = 64.0;
const NUMBER: f32 = 70.0;
const QUALIFIER: f32 = 110.0;
const QUOTE: f32 = 420.0;
/// The reviewed mark and the merge and delete buttons.
const ACTIONS: f32 = 220.0;

/// A cell of fixed width, so the columns line up whatever its widgets measure.
fn cell(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    let size = egui::vec2(width, ui.available_height());
    let used = ui
        .allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), add)
        .response
        .rect
        .width();
    ui.add_space((width - used).max(0.0));
}

/// A text field of the document: shows the current value, or the text being typed with
/// `check`'s message beside it. Returns the edit to commit, if any.
pub fn field(
    ui: &mut egui::Ui,
    doc: &Document,
    editing: &mut Option<Draft>,
    field: Field,
    current: &str,
    width: f32,
    t: &Texts,
) -> Option<Edit> {
    let mine = editing.as_ref().filter(|d| d.field == field);
    let mut text = mine.map_or_else(|| current.to_owned(), |d| d.text.clone());
    let error = mine.and_then(|d| d.error.clone());
    let mut widget = egui::TextEdit::singleline(&mut text)
        .id(field.id())
        .hint_text(field.name(t))
        .desired_width(width);
    if error.is_some() {
        widget = widget.text_color(ui.visuals().error_fg_color);
    }
    let response = ui.add(widget);
    if response.changed() || (response.gained_focus() && mine.is_none()) {
        let error = (text != current)
            .then(|| doc.check(&field.edit(text.clone())).err())
            .flatten()
            .map(|e| e.to_string());
        *editing = Some(Draft {
            field,
            text: text.clone(),
            error,
        });
    }
    let mut commit = None;
    if response.lost_focus()
        && let Some(draft) = editing.as_ref().filter(|d| d.field == field)
    {
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) || draft.text == current {
            *editing = None;
        } else if draft.error.is_none() {
            commit = Some(field.edit(draft.text.clone()));
            *editing = None;
        }
        // A refused value stays in the field, with its message, until changed or undone.
    }
    if let Some(error) = editing
        .as_ref()
        .filter(|d| d.field == field)
        .and_then(|d| d.error.as_ref())
    {
        ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
    }
    commit
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

/// The selection bar, the column heads and the lines in view.
pub fn show(
    review: &mut Review,
    ui: &mut egui::Ui,
    lang: Lang,
    edits: &mut Vec<Edit>,
) -> Option<Action> {
    let t = lang.texts();
    let action = selection_bar(review, ui, lang);
    ui.separator();
    let row_height =
        ui.spacing().interact_size.y.max(
            ui.text_style_height(&egui::TextStyle::Body) + 2.0 * ui.spacing().button_padding.y,
        ) + 4.0;
    let mut area = egui::ScrollArea::both()
        .id_salt("review_table")
        .auto_shrink(false);
    if let Some(row) = review.scroll_table.take() {
        let spacing = ui.spacing().item_spacing.y;
        area = area.vertical_scroll_offset(row.saturating_sub(1) as f32 * (row_height + spacing));
    }
    let count = review.rows().len();
    let line = |ui: &mut egui::Ui, add: &mut dyn FnMut(&mut egui::Ui)| {
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), row_height),
            Layout::left_to_right(Align::Center),
            add,
        );
    };
    // Two lines more than the rows: the column heads go above the first line in view, so
    // they stay in sight however far the table is scrolled.
    area.show_rows(ui, row_height, count + 2, |ui, range| {
        line(ui, &mut |ui| heads(ui, t, true));
        line(ui, &mut |ui| heads(ui, t, false));
        for n in range.start..range.end.min(count) {
            line(ui, &mut |ui| match review.rows[n] {
                row @ Row::Indicator(i) => indicator_row(review, ui, lang, i, row, edits),
                row @ Row::Observation(i, o) => observation_row(review, ui, lang, i, o, row, edits),
            });
        }
    });
    action
}

/// What to do with the text selected in the report.
fn selection_bar(review: &mut Review, ui: &mut egui::Ui, lang: Lang) -> Option<Action> {
    let t = lang.texts();
    let mut action = None;
    ui.horizontal_wrapped(|ui| match review.selected_text() {
        Some(text) => {
            let shown: String = text.chars().take(60).collect();
            let more = if text.chars().count() > 60 { "…" } else { "" };
            ui.label(RichText::new(t.selected_text).strong());
            ui.label(format!("{shown}{more}"));
            let target = review.selected.map(Row::indicator);
            let name = target
                .and_then(|i| review.doc.data().indicators.get(i))
                .map(|i| i.name(lang).to_owned())
                .unwrap_or_default();
            if ui
                .add_enabled(
                    target.is_some(),
                    egui::Button::new(t.add_observation.replace("{name}", &name)),
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

/// The column heads: the indicators' line, then the observations'.
fn heads(ui: &mut egui::Ui, t: &Texts, indicators: bool) {
    let head = |ui: &mut egui::Ui, text: &str, width: f32| {
        cell(ui, width, |ui| {
            ui.add(egui::Label::new(RichText::new(text).strong()).truncate());
        });
    };
    head(ui, if indicators { t.data_columns[1] } else { "" }, ID);
    ui.add_space(ACTIONS + ui.spacing().item_spacing.x);
    let columns = if indicators {
        vec![
            (t.name_zh, NAME),
            (t.name_en, NAME),
            (t.unit_zh, UNIT),
            (t.unit_en, UNIT),
            (t.category, CATEGORY),
            (t.note_zh, NOTE),
            (t.note_en, NOTE),
        ]
    } else {
        vec![
            (t.year, YEAR),
            (t.kind, KIND),
            (t.value, NUMBER),
            (t.growth_pct, NUMBER),
            (t.qualifier, QUALIFIER),
            (t.quote, QUOTE),
        ]
    };
    for (text, width) in columns {
        head(ui, text, width);
    }
}

/// The button at the start of a line that picks it.
fn pick(review: &mut Review, ui: &mut egui::Ui, row: Row, text: String) {
    let selected = review.selected == Some(row);
    let response = ui.add_sized(
        [ID, ui.available_height()],
        egui::Button::selectable(selected, text).truncate(),
    );
    if response.clicked() {
        review.select(row);
    }
}

fn indicator_row(
    review: &mut Review,
    ui: &mut egui::Ui,
    lang: Lang,
    i: usize,
    row: Row,
    edits: &mut Vec<Edit>,
) {
    let t = lang.texts();
    let Some(ind) = review.doc.data().indicators.get(i) else {
        return;
    };
    let id = ind.id.clone();
    let texts = [
        (IndicatorField::NameZh, ind.name_zh.clone(), NAME),
        (
            IndicatorField::NameEn,
            ind.name_en.clone().unwrap_or_default(),
            NAME,
        ),
        (IndicatorField::UnitZh, ind.unit_zh.clone(), UNIT),
        (
            IndicatorField::UnitEn,
            ind.unit_en.clone().unwrap_or_default(),
            UNIT,
        ),
    ];
    let notes = [
        (
            IndicatorField::NoteZh,
            ind.note_zh.clone().unwrap_or_default(),
            NOTE,
        ),
        (
            IndicatorField::NoteEn,
            ind.note_en.clone().unwrap_or_default(),
            NOTE,
        ),
    ];
    let (category, headline, comparable, reviewed) =
        (ind.category, ind.headline, ind.comparable, ind.reviewed);
    pick(review, ui, row, id);
    cell(ui, ACTIONS, |ui| {
        edits.extend(flag(
            ui,
            Field::Indicator(i, IndicatorField::Reviewed),
            reviewed,
            t.reviewed,
        ));
        if ui.button(t.merge).clicked() {
            review.merge = Some(MergeDialog {
                keep: i,
                from: None,
                clashes: Vec::new(),
                take: Vec::new(),
            });
        }
        if ui.button(t.delete).clicked() {
            edits.push(Edit::DeleteIndicator { indicator: i });
        }
    });
    for (f, current, width) in texts {
        let field = Field::Indicator(i, f);
        edits.extend(field_fn(ui, review, field, &current, width, t));
    }
    edits.extend(choice(
        ui,
        Field::Indicator(i, IndicatorField::Category),
        category,
        &Category::ALL,
        |c| c.name(lang).to_owned(),
        |c| c.key().to_owned(),
        CATEGORY,
        t,
    ));
    for (f, current, width) in notes {
        let field = Field::Indicator(i, f);
        edits.extend(field_fn(ui, review, field, &current, width, t));
    }
    edits.extend(flag(
        ui,
        Field::Indicator(i, IndicatorField::Headline),
        headline,
        t.headline_short,
    ));
    edits.extend(flag(
        ui,
        Field::Indicator(i, IndicatorField::Comparable),
        comparable,
        t.comparable,
    ));
}

fn field_fn(
    ui: &mut egui::Ui,
    review: &mut Review,
    field: Field,
    current: &str,
    width: f32,
    t: &Texts,
) -> Option<Edit> {
    self::field(
        ui,
        &review.doc,
        &mut review.editing,
        field,
        current,
        width,
        t,
    )
}

fn observation_row(
    review: &mut Review,
    ui: &mut egui::Ui,
    lang: Lang,
    i: usize,
    o: usize,
    row: Row,
    edits: &mut Vec<Edit>,
) {
    let t = lang.texts();
    let Some(obs) = review
        .doc
        .data()
        .indicators
        .get(i)
        .and_then(|ind| ind.observations.get(o))
    else {
        return;
    };
    let (year, kind, value, growth, qualifier, quote) = (
        obs.year,
        obs.kind,
        number(obs.value),
        number(obs.growth_pct),
        obs.qualifier,
        obs.quote.clone(),
    );
    pick(
        review,
        ui,
        row,
        format!("  {year}{}{}", t.year_gap, kind.name(lang)),
    );
    cell(ui, ACTIONS, |ui| {
        if ui.button(t.delete).clicked() {
            edits.push(Edit::DeleteObservation {
                indicator: i,
                observation: o,
            });
        }
    });
    let f = |field| Field::Observation(i, o, field);
    edits.extend(field_fn(
        ui,
        review,
        f(ObservationField::Year),
        &year.to_string(),
        YEAR,
        t,
    ));
    edits.extend(choice(
        ui,
        f(ObservationField::Kind),
        kind,
        &[Kind::Actual, Kind::Target],
        |k| k.name(lang).to_owned(),
        key,
        KIND,
        t,
    ));
    edits.extend(field_fn(
        ui,
        review,
        f(ObservationField::Value),
        &value,
        NUMBER,
        t,
    ));
    edits.extend(field_fn(
        ui,
        review,
        f(ObservationField::GrowthPct),
        &growth,
        NUMBER,
        t,
    ));
    edits.extend(choice(
        ui,
        f(ObservationField::Qualifier),
        qualifier,
        &QUALIFIERS,
        |q| q.words(lang).to_owned(),
        key,
        QUALIFIER,
        t,
    ));
    edits.extend(field_fn(
        ui,
        review,
        f(ObservationField::Quote),
        &quote,
        QUOTE,
        t,
    ));
}
