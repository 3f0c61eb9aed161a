//! A slide from a chart: the chart painted by the function the window and every image use
//! ([`render::paint`]), its drawn points as the data exports hold them
//! ([`export::data_rows`]), turned into native charts with the image's series, colours,
//! order and labels, its captions as text, and the quotes of its figures as notes.

use eframe::egui::Color32;

use super::chart_xml::{ChartKind, ChartPoint, ChartSeries, NativeChart};
use super::{Body, Rgb, Slide};
use crate::chart::style::{
    Look, Palette, figure_label, format_rounded, implied_label, progress_label,
};
use crate::chart::{ChartInput, View};
use crate::compare::{CompareRow, CompareTable, Measure, Reference};
use crate::export::table::DataRow;
use crate::export::{self, ExportError};
use crate::i18n::Lang;
use crate::model::{Indicator, Kind, Observation, Qualifier};
use crate::render::{self, ImageSettings};

impl From<Color32> for Rgb {
    fn from(c: Color32) -> Rgb {
        Rgb(c.r(), c.g(), c.b())
    }
}

/// The slide of one chart: native charts, or with `picture` the PNG of the same chart.
pub fn slide(
    input: &ChartInput<'_>,
    settings: &ImageSettings,
    picture: bool,
) -> Result<Slide, ExportError> {
    let painted = render::paint(input, settings)?;
    let spec = &settings.spec;
    let lang = spec.lang;
    let compare = input.compare.filter(|_| spec.view == View::Compare);
    let rows = match compare {
        Some(_) => Vec::new(),
        None => export::drawn_rows(input, settings, &painted),
    };
    let notes = match compare {
        Some(table) => compare_notes(table, &painted.drawn, lang),
        None => notes(input, &rows, lang),
    };
    // The history view's small multiples have no native chart part yet: its slide is the
    // picture of the same chart.
    let body = if picture || spec.view == View::History {
        let image = export::rasterize(&painted, settings)?;
        let png = render::png_bytes(&image).map_err(|e| ExportError::Encode {
            format: "PNG",
            message: e.to_string(),
        })?;
        Body::Picture(png)
    } else {
        // The chart holds what the picture shows; the workbook's second sheet every row.
        let figures = export::cells(input, settings);
        let mut charts = match compare {
            Some(table) => vec![compare_chart(table, &painted.drawn, lang)],
            None => charts(&rows, spec.view, lang, &painted.captions.legend),
        };
        for chart in &mut charts {
            chart.figures = figures.clone();
        }
        Body::Charts(charts)
    };
    Ok(Slide {
        captions: painted.captions.clone(),
        body,
        notes,
        name: spec.view.name(lang).to_owned(),
    })
}

/// The native charts of a view's points.
fn charts(
    rows: &[DataRow<'_>],
    view: View,
    lang: Lang,
    legend: &[(String, Color32)],
) -> Vec<NativeChart> {
    let t = lang.texts();
    match view {
        View::Growth | View::Compare => {
            vec![bars(rows, lang, None, Some(t.percent_axis.to_owned()))]
        }
        View::Progress => {
            let targets: Vec<DataRow<'_>> = rows
                .iter()
                .filter(|r| r.kind == Kind::Target)
                .cloned()
                .collect();
            let mut chart = bars(&targets, lang, Some(100.0), Some(t.index_axis.to_owned()));
            // The legend's words for the one series: "2024 目标（2023 = 100）".
            if let (Some(series), Some((name, _))) = (chart.series.first_mut(), legend.first()) {
                series.name = name.clone();
            }
            vec![chart]
        }
        View::Levels => groups(rows, |r| r.indicator.id.clone())
            .into_iter()
            .map(|group| level_cell(&group, lang))
            .collect(),
        View::Trend => vec![trend(rows, lang)],
        View::History => Vec::new(),
    }
}

/// The compare view as bars: a row per region the picture drew, in its order, last year's
/// result and this year's target, labelled as the reports state them. The yardstick the
/// picture draws as a line (the national target, or a value typed) comes first, as a row
/// of outlined bars.
fn compare_chart(table: &CompareTable, drawn: &[String], lang: Lang) -> NativeChart {
    let t = lang.texts();
    let rows: Vec<&CompareRow> = drawn
        .iter()
        .filter_map(|name| table.rows.iter().find(|r| &r.region_zh == name))
        .collect();
    let yardstick = yardstick(table, lang);
    let series = [
        (Kind::Actual, table.review_year),
        (Kind::Target, table.plan_year),
    ]
    .into_iter()
    .map(|(kind, year)| {
        let first = yardstick.as_ref().map(|(_, point)| point(kind));
        let points = first
            .into_iter()
            .chain(rows.iter().map(|row| compare_point(table, row, kind)))
            .collect();
        ChartSeries {
            name: format!("{year} {}", kind.name(lang)),
            color: series_color(kind),
            points,
            no_line: false,
        }
    })
    .collect();
    let axis = match &table.measure {
        Measure::Growth => t.percent_axis.to_owned(),
        Measure::Level { .. } => rows
            .first()
            .map_or(String::new(), |r| r.indicator.unit(lang).to_owned()),
    };
    let categories = yardstick
        .map(|(name, _)| name)
        .into_iter()
        .chain(rows.iter().map(|r| r.region(lang).to_owned()))
        .collect();
    NativeChart {
        categories,
        series,
        ..bar_chart(lang, None, Some(axis))
    }
}

/// A region's figure of `kind` in the table's measure, labelled as its report states it.
fn compare_point(table: &CompareTable, row: &CompareRow, kind: Kind) -> Option<ChartPoint> {
    let obs = row.figure(kind)?;
    let (low, high) = row.numbers(kind, &table.measure)?;
    Some(ChartPoint {
        value: low,
        high,
        label: figure_label(&row.indicator, obs, row.figure_text(kind, &table.measure)),
        look: Look::of(&row.indicator, obs).0,
        dashed: false,
    })
}

/// A point of the yardstick row, by kind.
type YardstickPoint<'a> = Box<dyn Fn(Kind) -> Option<ChartPoint> + 'a>;

/// The yardstick row: its name and its points, outlined so it reads apart from the
/// regions. The national report's row (`全国`) with its result and target, or the value
/// typed (`参考值 5%`) as a target alone.
fn yardstick<'a>(table: &'a CompareTable, lang: Lang) -> Option<(String, YardstickPoint<'a>)> {
    let outlined = |p: ChartPoint| ChartPoint {
        look: Look::Hollow,
        ..p
    };
    match table.reference.as_ref()? {
        Reference::National => {
            let national = table.national.as_ref()?;
            let point = move |kind| compare_point(table, national, kind).map(outlined);
            Some((national.label(lang).to_owned(), Box::new(point)))
        }
        Reference::Typed(_) => {
            let (low, high, label) = table.reference_line(lang)?;
            let point = move |kind| {
                (kind == Kind::Target).then(|| ChartPoint {
                    value: low,
                    high,
                    label: format_rounded(low),
                    look: Look::Hollow,
                    dashed: false,
                })
            };
            Some((label, Box::new(point)))
        }
    }
}

/// Rows grouped by a key, the groups in the order their first row comes.
fn groups<'a, K: PartialEq>(
    rows: &[DataRow<'a>],
    key: impl Fn(&DataRow<'a>) -> K,
) -> Vec<Vec<DataRow<'a>>> {
    let mut out: Vec<(K, Vec<DataRow<'a>>)> = Vec::new();
    for row in rows {
        let k = key(row);
        match out.iter_mut().find(|(g, _)| *g == k) {
            Some((_, group)) => group.push(row.clone()),
            None => out.push((k, vec![row.clone()])),
        }
    }
    out.into_iter().map(|(_, g)| g).collect()
}

/// The row's category: its indicator.
fn category(row: &DataRow<'_>, lang: Lang) -> String {
    row.indicator.name(lang).to_owned()
}

/// The series name of a kind: "2023 实际", "2024 目标", as the legend says.
fn series_name(rows: &[DataRow<'_>], kind: Kind, lang: Lang) -> Option<String> {
    let row = rows.iter().find(|r| r.kind == kind)?;
    Some(format!("{} {}", row.year, kind.name(lang)))
}

fn series_color(kind: Kind) -> Rgb {
    let palette = Palette::new(false);
    match kind {
        Kind::Actual => palette.actual.into(),
        Kind::Target => palette.target.into(),
    }
}

/// A bar's label and look, as the image draws them.
fn bar_point(row: &DataRow<'_>, lang: Lang) -> ChartPoint {
    let (label, look) = match row.source {
        Some(obs) if row.implied => (
            implied_label(
                obs.qualifier,
                row.charted,
                row.charted_high,
                lang.texts().implied_level,
            ),
            Look::Implied,
        ),
        Some(obs) => (
            figure_label(row.indicator, obs, figure_text(row, obs)),
            Look::of(row.indicator, obs).0,
        ),
        None => (format_rounded(row.charted), Look::Solid),
    };
    ChartPoint {
        value: row.charted,
        high: row.charted_high,
        label,
        look,
        dashed: false,
    }
}

/// The figure as the report states it, in the chart's measure.
fn figure_text(row: &DataRow<'_>, obs: &Observation) -> Option<String> {
    if obs.growth_pct == Some(row.charted) {
        obs.growth_text()
    } else {
        obs.value_text()
    }
}

/// Horizontal bars, one category per indicator (or region), a series per kind.
fn bars(
    rows: &[DataRow<'_>],
    lang: Lang,
    cross_at: Option<f64>,
    value_axis: Option<String>,
) -> NativeChart {
    let cats = groups(rows, |r| category(r, lang));
    let categories: Vec<String> = cats.iter().map(|g| category(&g[0], lang)).collect();
    let series = [Kind::Actual, Kind::Target]
        .into_iter()
        .filter_map(|kind| {
            let name = series_name(rows, kind, lang)?;
            let points = cats
                .iter()
                .map(|g| {
                    let row = g.iter().find(|r| r.kind == kind)?;
                    Some(match cross_at {
                        // Progress bars are all alike, as in the image; the label says which
                        // index comes from a growth rate.
                        Some(_) => ChartPoint {
                            label: progress_label(
                                row.source.map_or(Qualifier::Exact, |o| o.qualifier),
                                row.charted,
                                row.charted_high,
                                row.implied,
                                lang,
                            ),
                            look: Look::Solid,
                            ..bar_point(row, lang)
                        },
                        None => bar_point(row, lang),
                    })
                })
                .collect();
            Some(ChartSeries {
                name,
                color: series_color(kind),
                points,
                no_line: false,
            })
        })
        .collect();
    NativeChart {
        categories,
        series,
        ..bar_chart(lang, cross_at, value_axis)
    }
}

/// A chart of horizontal bars with nothing in it yet.
fn bar_chart(lang: Lang, cross_at: Option<f64>, value_axis: Option<String>) -> NativeChart {
    NativeChart {
        kind: ChartKind::Bars {
            horizontal: true,
            cross_at,
        },
        title: None,
        categories: Vec::new(),
        series: Vec::new(),
        value_axis,
        value_max: None,
        category_axis: true,
        legend: false,
        figures: Vec::new(),
        lang_tag: lang_tag(lang),
        range_word: lang.texts().range_width,
    }
}

/// One cell of the levels view: the indicator's result beside its target, in its unit.
fn level_cell(rows: &[DataRow<'_>], lang: Lang) -> NativeChart {
    let mut chart = bars(rows, lang, None, None);
    chart.kind = ChartKind::Bars {
        horizontal: false,
        cross_at: None,
    };
    if let Some(row) = rows.first() {
        let ind = row.indicator;
        let mut title = ind.name(lang).to_owned();
        if !ind.comparable {
            title.insert_str(0, "≠ ");
        }
        if ind.multi_year.is_some() {
            title.insert_str(0, "† ");
        }
        chart.title = Some(format!("{title}\n{}", ind.unit(lang)));
    }
    chart.category_axis = false;
    // Room above the taller bar for its label, as the image keeps.
    let max = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().flatten())
        .map(|p| p.high.unwrap_or(p.value).max(p.value))
        .fold(0.0_f64, f64::max);
    chart.value_max = (max > 0.0).then_some(max * 1.4);
    chart
}

/// The trend view's lines: the years as categories, a line per indicator in the image's
/// colours, the segments into implied points and targets dashed; earlier years' targets as
/// markers of their own.
fn trend(rows: &[DataRow<'_>], lang: Lang) -> NativeChart {
    let palette = Palette::new(false);
    let mut years: Vec<i32> = rows.iter().map(|r| r.year).collect();
    years.sort_unstable();
    years.dedup();
    let mut series = Vec::new();
    for (k, group) in groups(rows, |r| r.indicator.id.clone()).iter().enumerate() {
        let color: Rgb = palette.line(k).into();
        let last_year = group.iter().map(|r| r.year).max().unwrap_or_default();
        let on_line = |r: &&DataRow<'_>| {
            r.kind == Kind::Actual
                || (r.year == last_year
                    && !group
                        .iter()
                        .any(|o| o.year == r.year && o.kind == Kind::Actual))
        };
        let (line, past): (Vec<&DataRow<'_>>, Vec<&DataRow<'_>>) = group.iter().partition(on_line);
        let name = group[0].indicator.name(lang).to_owned();
        series.push(ChartSeries {
            points: trend_points(&years, &line, true),
            name: name.clone(),
            color,
            no_line: false,
        });
        if !past.is_empty() {
            series.push(ChartSeries {
                points: trend_points(&years, &past, false),
                name: format!("{name} {}", lang.texts().target),
                color,
                no_line: true,
            });
        }
    }
    NativeChart {
        kind: ChartKind::Lines,
        title: None,
        categories: years.iter().map(i32::to_string).collect(),
        series,
        value_axis: Some(lang.texts().index_axis.to_owned()),
        value_max: None,
        category_axis: true,
        legend: true,
        figures: Vec::new(),
        lang_tag: lang_tag(lang),
        range_word: lang.texts().range_width,
    }
}

/// A trend line's points by year; the last one labelled with its index, as the image does.
fn trend_points(years: &[i32], rows: &[&DataRow<'_>], label_end: bool) -> Vec<Option<ChartPoint>> {
    let last = rows.iter().map(|r| r.year).max();
    years
        .iter()
        .map(|&year| {
            let row = rows.iter().find(|r| r.year == year)?;
            let symbol = match (row.kind, row.source) {
                (Kind::Target, Some(obs)) => obs.qualifier.symbol(),
                _ => "",
            };
            let dashed = row.implied || row.kind == Kind::Target;
            Some(ChartPoint {
                value: row.charted,
                high: row.charted_high,
                label: if label_end && Some(year) == last {
                    format!("{symbol}{}", format_rounded(row.charted))
                } else {
                    String::new()
                },
                look: if row.implied {
                    Look::Implied
                } else {
                    Look::Solid
                },
                dashed,
            })
        })
        .collect()
}

fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-US",
    }
}

/// The speaker notes: every figure on the slide once, with its name, year, figure, quote and
/// the file it came from, so a presenter can say where a number comes from.
fn notes(input: &ChartInput<'_>, rows: &[DataRow<'_>], lang: Lang) -> Vec<String> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for row in rows {
        let Some(obs) = row.source else { continue };
        let ind = row.indicator;
        // A figure several points are worked out from (a trend) is quoted once.
        let key = (ind.id.as_str(), obs.year, obs.kind);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let file = obs
            .source_file
            .as_deref()
            .or(input.data.report.source_file.as_deref())
            .or(input.data.report.source.as_deref())
            .unwrap_or_else(|| input.data.report.title(lang));
        out.push(note(ind, obs, file, lang));
    }
    out
}

/// "地区生产总值 2024目标：增长 ≈6% “…增长6%左右” (file)".
fn note(ind: &Indicator, obs: &Observation, file: &str, lang: Lang) -> String {
    let t = lang.texts();
    format!(
        "{} {}{}{}{}{} “{}” ({file})",
        ind.name(lang),
        obs.year,
        t.year_gap,
        obs.kind.name(lang),
        t.colon,
        obs.summary(ind.unit(lang), lang),
        obs.quote,
    )
}

/// The compare slide's notes: each region's figures (and the national report's) with
/// their quotes and files.
fn compare_notes(table: &CompareTable, drawn: &[String], lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let drawn_rows = drawn
        .iter()
        .filter_map(|name| table.rows.iter().find(|r| &r.region_zh == name));
    // The national report's figures first, as its row comes first on the slide.
    for row in table.national.iter().chain(drawn_rows) {
        for kind in [Kind::Actual, Kind::Target] {
            if let Some(obs) = row.figure(kind) {
                let file = obs.source_file.as_deref().unwrap_or(&row.files);
                let line = note(&row.indicator, obs, file, lang);
                out.push(format!("{} · {line}", row.region(lang)));
            }
        }
    }
    out
}
