//! The compare view: one indicator across regions for one plan year, a row per region with
//! last year's result beside this year's target. The rows are the bar rows of the growth
//! view, so they scroll in the window and an image draws those that fit.

use eframe::egui::{self, Align, Layout, Ui};

use super::bars::{self, BarRow, BarSpec};
use super::plot::Subject;
use super::style::{Look, figure_label, name_chars, truncate};
use super::{ChartResponse, Ctx, footer_line, name_list};
use crate::compare::{CompareRow, CompareTable, LeftOut, Measure};
use crate::i18n::Lang;
use crate::model::Kind;
use crate::outcome::target_outcome;

/// Why there is nothing to draw, or None when there is a table.
pub fn empty_text(cx: &Ctx<'_>) -> Option<&'static str> {
    let t = cx.texts();
    if cx.compare.is_some() {
        return None;
    }
    let named = cx.regions.iter().filter(|r| !r.unknown_region).count();
    Some(if named < 2 {
        t.compare_open_more
    } else {
        t.compare_no_common
    })
}

/// "地区生产总值 · 增长率（%） · 12个地区".
pub fn subtitle(cx: &Ctx<'_>, table: &CompareTable) -> String {
    let t = cx.texts();
    let lang = cx.spec.lang;
    let name = table
        .rows
        .first()
        .map_or(table.name.as_str(), |r| r.indicator.name(lang));
    format!(
        "{name} · {} · {}",
        measure_label(table, lang),
        Lang::fill(t.compare_regions, table.rows.len())
    )
}

/// What the x axis measures: growth in percent, or levels in the table's unit.
fn measure_label(table: &CompareTable, lang: Lang) -> String {
    let t = lang.texts();
    match &table.measure {
        Measure::Growth => t.percent_axis.to_owned(),
        Measure::Level { unit_zh } => {
            // The unit as the rows name it in this language, when one row uses it.
            let unit = table
                .rows
                .iter()
                .map(|r| &r.indicator)
                .find(|i| &i.unit_zh == unit_zh)
                .map_or(unit_zh.as_str(), |i| i.unit(lang));
            format!("{}{}{unit}", t.value, t.colon)
        }
    }
}

/// The bars of each region: result and target for the series switched on, a missing
/// figure as a label without a bar.
fn bar_rows<'a>(table: &'a CompareTable, cx: &Ctx<'_>) -> Vec<BarRow<'a>> {
    let t = cx.texts();
    let series = [
        (Kind::Actual, cx.palette.actual, cx.spec.show_actual),
        (Kind::Target, cx.palette.target, cx.spec.show_target),
    ];
    table
        .rows
        .iter()
        .map(|row| BarRow {
            subject: Subject::Region(row),
            bars: series
                .iter()
                .filter(|(_, _, shown)| *shown)
                .map(|&(kind, color, _)| bar(row, kind, color, &table.measure, t))
                .collect(),
        })
        .collect()
}

fn bar(
    row: &CompareRow,
    kind: Kind,
    color: egui::Color32,
    measure: &Measure,
    t: &crate::i18n::Texts,
) -> BarSpec {
    let figure = row.figure(kind);
    match (figure, row.number(kind, measure)) {
        (Some(obs), Some(number)) => {
            let text = match measure {
                Measure::Growth => obs.growth_text(),
                Measure::Level { .. } => obs.value_text(),
            };
            BarSpec {
                color,
                base: 0.0,
                end: number,
                label: figure_label(&row.indicator, obs, text),
                look: Look::of(&row.indicator, obs).0,
            }
        }
        _ => BarSpec {
            color,
            base: 0.0,
            end: 0.0,
            label: t.compare_missing_mark.to_owned(),
            look: Look::Missing,
        },
    }
}

/// Draws the regions' rows.
pub fn show(ui: &mut Ui, cx: &Ctx<'_>) -> ChartResponse {
    let Some(table) = cx.compare else {
        return ChartResponse::default();
    };
    let rows = bar_rows(table, cx);
    let label = measure_label(table, cx.spec.lang);
    let axes = bars::Axes {
        id: "compare",
        label: &label,
        reference: None,
    };
    bars::show(ui, cx, &axes, &rows)
}

/// The footer: regions left out for room, figures missing and why, regions without the
/// indicator, the source and the marks. Returns the lines.
pub fn footer_ui(ui: &mut Ui, cx: &Ctx<'_>, drawn: &[String]) -> Vec<String> {
    let t = cx.texts();
    let lang = cx.spec.lang;
    let size = 12.0 * cx.scale;
    let mut lines = Vec::new();
    let mut line = |ui: &mut Ui, text: String, weak: bool| {
        footer_line(ui, &text, weak, size);
        lines.push(text);
    };
    let Some(table) = cx.compare else {
        return lines;
    };
    ui.with_layout(Layout::top_down(Align::LEFT), |ui| {
        let mut counts = Vec::new();
        let left_for_room = table.rows.len().saturating_sub(drawn.len());
        if left_for_room > 0 {
            counts.push(Lang::fill(t.compare_rows_left_out, left_for_room));
        }
        for (reason, template) in [
            (LeftOut::NoIndicator, t.compare_no_indicator),
            (LeftOut::UnknownRegion, t.compare_unknown_region),
        ] {
            let n = table.left_out.iter().filter(|(_, r)| *r == reason).count();
            if n > 0 {
                counts.push(Lang::fill(template, n));
            }
        }
        if !counts.is_empty() {
            line(ui, counts.join(t.list_sep), true);
        }
        let missing: Vec<&CompareRow> = table
            .rows
            .iter()
            .filter(|r| !r.missing.is_empty())
            .collect();
        if !missing.is_empty() {
            let names = missing.iter().map(|r| missing_text(r, table, lang));
            let names = name_list(names, missing.len(), 3, t);
            line(ui, format!("{}{names}", t.compare_missing), true);
        }
        line(
            ui,
            format!(
                "{}{}{}",
                t.source,
                t.colon,
                Lang::fill(t.compare_source, table.rows.len())
            ),
            false,
        );
        let outcomes = table
            .rows
            .iter()
            .any(|r| target_outcome(&r.indicator, table.review_year).is_some());
        let mut note = t.marks_note.to_owned();
        if outcomes {
            note.push_str("  ");
            note.push_str(t.outcome_note);
        }
        if table.rows.iter().any(|r| r.indicator.multi_year.is_some()) {
            note.push_str("  ");
            note.push_str(t.multi_year_note);
        }
        line(ui, note, true);
    });
    lines
}

/// "丙市 2024目标：报告未给出".
fn missing_text(row: &CompareRow, table: &CompareTable, lang: Lang) -> String {
    let t = lang.texts();
    let reasons: Vec<String> = row
        .missing
        .iter()
        .map(|(kind, why)| {
            let year = match kind {
                Kind::Actual => table.review_year,
                Kind::Target => table.plan_year,
            };
            format!(
                "{year}{}{}{}{}",
                t.year_gap,
                kind.name(lang),
                t.colon,
                why.words(lang)
            )
        })
        .collect();
    format!(
        "{}{}{}{}",
        truncate(row.region(lang), name_chars(lang)),
        lang.pick("（", " ("),
        reasons.join(t.list_sep),
        lang.pick("）", ")")
    )
}
