//! The compare view: one indicator across the regions of one level for one plan year, a
//! row per region with this year's target as a bar (a range as a band) and last year's
//! result as a dot, the national figure as the line every region is read against. The
//! rows are [`dumbbell`] rows: all of a province-level slide fit one image.

use super::dumbbell::{self, Cell, DotRow};
use super::marks::Figure;
use super::plot::Subject;
use super::style::Look;
use super::{ChartResponse, Ctx, FooterLine};
use crate::compare::{CompareRow, CompareTable, LeftOut, Measure};
use crate::i18n::{Lang, Texts};
use crate::model::{Kind, Level};
use crate::outcome::{outcome_mark, target_outcome};

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

fn level_index(level: Level) -> usize {
    Level::ALL.iter().position(|l| *l == level).unwrap_or(0)
}

/// "31个省（区、市）", or "4个地区" where the level is unknown.
pub fn count_text(table: &CompareTable, n: usize, lang: Lang) -> String {
    let t = lang.texts();
    match table.level {
        Some(level) => Lang::fill(t.level_count[level_index(level)], n),
        None => Lang::fill(t.compare_regions, n),
    }
}

/// The indicator's name in `lang`, as the first row writes it.
fn indicator_name(table: &CompareTable, lang: Lang) -> &str {
    table
        .rows
        .first()
        .or(table.national.as_ref())
        .map_or(table.name.as_str(), |r| r.indicator.name(lang))
}

/// The default title: `2026年各省（区、市）地区生产总值增长目标`.
pub fn title(table: &CompareTable, lang: Lang) -> String {
    let t = lang.texts();
    let regions = match table.level {
        Some(level) => t.level_regions[level_index(level)],
        None => t.regions_unknown_level,
    };
    let template = match table.measure {
        Measure::Growth => t.compare_title_growth,
        Measure::Level { .. } => t.compare_title_level,
    };
    template
        .replace("{year}", &table.plan_year.to_string())
        .replace("{regions}", regions)
        .replace("{name}", indicator_name(table, lang))
}

/// "31个省（区、市） · 按今年目标从高到低，相同者按行政区划代码顺序 · 增长率（%）".
pub fn subtitle(cx: &Ctx<'_>, table: &CompareTable) -> String {
    let lang = cx.spec.lang;
    format!(
        "{} · {} · {}",
        count_text(table, table.rows.len(), lang),
        table.sort.words(lang),
        measure_label(table, lang)
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

/// A figure of a row as drawn, in the series' colour, when the series is shown.
fn figure(row: &CompareRow, kind: Kind, measure: &Measure, cx: &Ctx<'_>) -> Option<Figure> {
    let (shown, color) = match kind {
        Kind::Actual => (cx.spec.show_actual, cx.palette.actual),
        Kind::Target => (cx.spec.show_target, cx.palette.target),
    };
    let obs = row.figure(kind).filter(|_| shown)?;
    let (low, high) = row.numbers(kind, measure)?;
    let (look, _) = Look::of(&row.indicator, obs);
    Some(Figure {
        low,
        high,
        qualifier: obs.qualifier,
        look,
        color,
    })
}

/// The number of a figure as its column shows it: `≈5%`, `5–5.5%`, `6.2% ×`, or missing.
fn cell(row: &CompareRow, kind: Kind, measure: &Measure, t: &Texts) -> Cell {
    match (row.figure(kind), row.figure_text(kind, measure)) {
        (Some(obs), Some(text)) => {
            let (_, mark) = Look::of(&row.indicator, obs);
            Cell {
                text: format!("{text}{}{mark}", outcome_mark(&row.indicator, obs)),
                missing: false,
            }
        }
        _ => Cell {
            text: t.compare_missing_mark.to_owned(),
            missing: true,
        },
    }
}

fn dot_rows<'a>(table: &'a CompareTable, cx: &Ctx<'_>) -> Vec<DotRow<'a>> {
    let t = cx.texts();
    let lang = cx.spec.lang;
    table
        .rows
        .iter()
        .map(|row| DotRow {
            subject: Subject::Region(row),
            // Issue 21: the region's main targets of the year met, once judged.
            name: match row.targets_met.mark() {
                Some(mark) => format!("{} {mark}", row.label(lang)),
                None => row.label(lang).to_owned(),
            },
            result: figure(row, Kind::Actual, &table.measure, cx),
            target: figure(row, Kind::Target, &table.measure, cx),
            cells: [
                cell(row, Kind::Actual, &table.measure, t),
                cell(row, Kind::Target, &table.measure, t),
            ],
        })
        .collect()
}

/// Draws the regions' rows.
pub fn show(ui: &mut eframe::egui::Ui, cx: &Ctx<'_>) -> ChartResponse {
    let Some(table) = cx.compare else {
        return ChartResponse::default();
    };
    let lang = cx.spec.lang;
    let t = cx.texts();
    let rows = dot_rows(table, cx);
    let label = measure_label(table, lang);
    let header = |year: i32, kind: Kind| {
        t.compare_column
            .replace("{year}", &year.to_string())
            .replace("{kind}", kind.name(lang))
    };
    let frame = dumbbell::Frame {
        id: "compare",
        axis_label: &label,
        headers: [
            header(table.review_year, Kind::Actual),
            header(table.plan_year, Kind::Target),
        ],
        reference: table
            .reference_line(lang)
            .map(|(low, high, label)| dumbbell::Reference { low, high, label }),
    };
    dumbbell::show(ui, cx, &frame, &rows)
}

/// The footer's lines: regions left out for room (and the size that holds them all), of
/// other levels or without the indicator, figures missing and why, the reports used, the
/// marks.
pub fn footer_lines(
    cx: &Ctx<'_>,
    drawn: &ChartResponse,
    fits_at: Option<String>,
) -> Vec<FooterLine> {
    let t = cx.texts();
    let lang = cx.spec.lang;
    let Some(table) = cx.compare else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let counts = left_out_counts(t, table, drawn.left_for_room, fits_at);
    if !counts.is_empty() {
        lines.push(FooterLine::weak(counts.join(t.list_sep)));
    }
    let missing: Vec<String> = table
        .rows
        .iter()
        .filter(|r| !r.missing.is_empty())
        .map(|r| missing_text(r, table, lang))
        .collect();
    if !missing.is_empty() {
        lines.push(FooterLine::weak(format!(
            "{}{}",
            t.compare_missing,
            missing.join(t.list_sep)
        )));
    }
    lines.push(FooterLine::plain(format!(
        "{}{}{}",
        t.source,
        t.colon,
        source_text(table, lang)
    )));
    lines.push(FooterLine::weak(marks_note(t, table)));
    lines
}

/// How many regions are left out, by reason: for room (with the image size that holds
/// them all), of another level, without the indicator, of an unknown region.
fn left_out_counts(
    t: &Texts,
    table: &CompareTable,
    left_for_room: usize,
    fits_at: Option<String>,
) -> Vec<String> {
    let mut counts = Vec::new();
    if left_for_room > 0 {
        let mut text = Lang::fill(t.compare_rows_left_out, left_for_room);
        if let Some(size) = fits_at {
            text.push_str(t.list_sep);
            text.push_str(&t.compare_fits_at.replace("{size}", &size));
        }
        counts.push(text);
    }
    type Reason = fn(&LeftOut) -> bool;
    let reasons: [(Reason, &str); 3] = [
        (
            |r| matches!(r, LeftOut::OtherLevel(_)),
            t.compare_other_level,
        ),
        (|r| *r == LeftOut::NoIndicator, t.compare_no_indicator),
        (|r| *r == LeftOut::UnknownRegion, t.compare_unknown_region),
    ];
    for (count, template) in reasons {
        let n = table.left_out.iter().filter(|(_, r)| count(r)).count();
        if n > 0 {
            counts.push(Lang::fill(template, n));
        }
    }
    counts
}

/// What the marks mean, with the notes on outcomes, multi-year goals and targets met
/// where the rows have them.
fn marks_note(t: &Texts, table: &CompareTable) -> String {
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
    if table.rows.iter().any(|r| r.targets_met.judged() > 0) {
        note.push_str("  ");
        note.push_str(
            &t.compare_targets_met
                .replace("{year}", &table.plan_year.to_string()),
        );
    }
    note
}

/// "31个省（区、市）2026年政府工作报告；全国2026年政府工作报告".
fn source_text(table: &CompareTable, lang: Lang) -> String {
    let t = lang.texts();
    let year = table.plan_year.to_string();
    let fill = |regions: &str| {
        t.compare_source
            .replace("{regions}", regions)
            .replace("{year}", &year)
    };
    let mut text = fill(&count_text(table, table.rows.len(), lang));
    if let Some(national) = &table.national {
        text.push_str(lang.pick("；", "; "));
        text.push_str(&fill(national.region(lang)));
    }
    text
}

/// "丙市（2024目标：报告未给出）".
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
        row.label(lang),
        lang.pick("（", " ("),
        reasons.join(t.list_sep),
        lang.pick("）", ")")
    )
}
