//! The numbers behind a chart as a table: exactly the indicators the chart drew, in its
//! order, one row per drawn point, with the number as charted, the observation it comes
//! from (value, growth, qualifier, quote) and whether the chart worked it out. Written as
//! CSV, Excel and tab-separated text for the clipboard.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::chart::{self, ChartSpec, PointKind, View};
use crate::compare::{CompareTable, Measure};
use crate::model::{Dataset, Indicator, Kind, Observation};

/// One point the chart draws.
#[derive(Clone, Debug)]
pub struct DataRow<'a> {
    pub indicator: &'a Indicator,
    pub year: i32,
    pub kind: Kind,
    /// The number as drawn: a growth rate (growth), a level (levels) or an index (progress,
    /// trend).
    pub charted: f64,
    /// The observation the number is, or is worked out from.
    pub source: Option<&'a Observation>,
    /// True when the chart worked the number out: a year implied by a growth rate, or an
    /// index from a target growth rate.
    pub implied: bool,
    /// In the compare view: the region, and whether the chart compares growth or levels.
    pub compare: Option<(&'a str, &'a Measure)>,
}

/// The rows of the compare view: per region drawn (`drawn` holds region names, in chart
/// order), the result and the target the chart shows. A missing figure has no row.
pub fn compare_rows<'a>(
    table: &'a CompareTable,
    spec: &ChartSpec,
    drawn: &[String],
) -> Vec<DataRow<'a>> {
    let series = [
        (Kind::Actual, spec.show_actual),
        (Kind::Target, spec.show_target),
    ];
    let mut out = Vec::new();
    for name in drawn {
        let Some(row) = table.rows.iter().find(|r| &r.region_zh == name) else {
            continue;
        };
        for (kind, shown) in series {
            if let (Some(obs), Some(number), true) =
                (row.figure(kind), row.number(kind, &table.measure), shown)
            {
                out.push(DataRow {
                    indicator: &row.indicator,
                    year: obs.year,
                    kind,
                    charted: number,
                    source: Some(obs),
                    implied: false,
                    compare: Some((&row.region_zh, &table.measure)),
                });
            }
        }
    }
    out
}

/// The rows of the chart `spec` draws for `selected`, in the order of `drawn` (the ids
/// [`chart::ChartResponse::drawn`] reports, so the table holds what the image shows).
pub fn rows<'a>(
    data: &'a Dataset,
    selected: &[&'a Indicator],
    spec: &ChartSpec,
    drawn: &[String],
) -> Vec<DataRow<'a>> {
    let pairs = chart::pairs(data, selected);
    let (review, plan) = data.years();
    let series = [
        (Kind::Actual, spec.show_actual),
        (Kind::Target, spec.show_target),
    ];
    let mut out = Vec::new();
    for id in drawn {
        let Some(pair) = pairs.iter().find(|p| &p.indicator.id == id) else {
            continue;
        };
        let row = |year, kind, charted, source, implied| DataRow {
            indicator: pair.indicator,
            year,
            kind,
            charted,
            source,
            implied,
            compare: None,
        };
        match spec.view {
            View::Growth | View::Levels => {
                for (kind, shown) in series {
                    let obs = match kind {
                        Kind::Actual => pair.actual,
                        Kind::Target => pair.target,
                    };
                    let number = obs.and_then(|o| {
                        if spec.view == View::Growth {
                            o.growth_pct
                        } else {
                            o.value
                        }
                    });
                    if let (Some(obs), Some(number), true) = (obs, number, shown) {
                        out.push(row(obs.year, kind, number, Some(obs), false));
                    } else if let (View::Levels, Kind::Target, Some(obs), Some(level), true) =
                        (spec.view, kind, obs, pair.implied_target_level(), shown)
                    {
                        // The levels view draws a growth-only target at the level it implies.
                        out.push(row(obs.year, kind, level, Some(obs), true));
                    }
                }
            }
            View::Progress => {
                let Some(p) = chart::progress_rows(std::slice::from_ref(pair)).pop() else {
                    continue;
                };
                if !p.from_growth {
                    out.push(row(review, Kind::Actual, 100.0, pair.actual, false));
                }
                out.push(row(plan, Kind::Target, p.index, pair.target, p.from_growth));
            }
            // Regions, not indicators: see `compare_rows`.
            View::Compare => {}
            View::Trend => {
                let Some(s) = chart::trend_series(data, std::slice::from_ref(pair)).pop() else {
                    continue;
                };
                let ind = pair.indicator;
                let past = s.past_targets.iter().map(|(_, to)| *to);
                let mut points: Vec<_> = s.points.iter().copied().chain(past).collect();
                points.sort_by_key(|p| (p.year, p.kind == PointKind::Target));
                for p in points {
                    let (kind, source, implied) = match p.kind {
                        PointKind::Reported => {
                            (Kind::Actual, ind.observation(p.year, Kind::Actual), false)
                        }
                        // Implied by the next year's growth rate.
                        PointKind::Implied => (
                            Kind::Actual,
                            ind.observation(p.year + 1, Kind::Actual)
                                .or_else(|| ind.observation(p.year, Kind::Actual)),
                            true,
                        ),
                        PointKind::Target => {
                            let target = ind.observation(p.year, Kind::Target);
                            let by_growth = target.is_some_and(|t| t.value.is_none());
                            (Kind::Target, target, by_growth)
                        }
                    };
                    out.push(row(p.year, kind, p.index, source, implied));
                }
            }
        }
    }
    out
}

/// A cell of the table: text, or a number that spreadsheets keep as a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => crate::model::format_number(*n),
            Cell::Empty => String::new(),
        }
    }
}

/// The header and the cells of every row, in the language of the chart.
pub fn table(data: &Dataset, spec: &ChartSpec, rows: &[DataRow<'_>]) -> Vec<Vec<Cell>> {
    let lang = spec.lang;
    let t = lang.texts();
    let mut out = vec![
        t.data_columns
            .iter()
            .map(|h| Cell::Text((*h).to_owned()))
            .collect(),
    ];
    let text = |s: &str| {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_owned())
        }
    };
    let number = |n: Option<f64>| n.map_or(Cell::Empty, Cell::Number);
    for row in rows {
        let ind = row.indicator;
        // Value, growth and qualifier are the observation's own only when it is this
        // year's; an implied year shows the quote it was worked out from.
        let own = row
            .source
            .filter(|o| o.year == row.year && o.kind == row.kind);
        let measure = match (spec.view, row.compare) {
            (_, Some((_, Measure::Level { .. }))) | (View::Levels, _) => ind.unit(lang),
            (_, Some((_, Measure::Growth))) | (View::Growth | View::Compare, _) => t.percent_axis,
            (View::Progress | View::Trend, _) => t.index_axis,
        };
        // The compare view's figures come from many reports: the region names its own.
        let report = match row.compare {
            Some((region, _)) => region,
            None => data.report.title(lang),
        };
        let source_line = match row.source.and_then(|o| o.source_file.as_deref()) {
            Some(file) => format!("{report} ({file})"),
            None => report.to_owned(),
        };
        out.push(vec![
            Cell::Text(spec.view.name(lang).to_owned()),
            Cell::Text(ind.id.clone()),
            Cell::Text(ind.name(lang).to_owned()),
            text(ind.unit(lang)),
            Cell::Number(f64::from(row.year)),
            Cell::Text(row.kind.name(lang).to_owned()),
            Cell::Number(round6(row.charted)),
            text(measure),
            number(own.and_then(|o| o.value)),
            number(own.and_then(|o| o.growth_pct)),
            own.map_or(Cell::Empty, |o| {
                Cell::Text(o.qualifier.words(lang).to_owned())
            }),
            Cell::Text(t.data_yes_no[usize::from(!row.implied)].to_owned()),
            text(row.source.and_then(|o| o.derived.as_deref()).unwrap_or("")),
            text(row.source.map_or("", |o| o.quote.as_str())),
            Cell::Text(source_line),
        ]);
    }
    out
}

/// Six decimals are more than any report states; more would be float noise (100.99999).
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// CSV in UTF-8 with a byte order mark, so that Excel opens Chinese text correctly.
pub fn csv(table: &[Vec<Cell>]) -> Result<Vec<u8>, csv::Error> {
    delimited(table, b',', b"\xEF\xBB\xBF".to_vec())
}

/// Tab-separated text that pastes into Excel or WPS as cells ("Copy data").
pub fn tsv(table: &[Vec<Cell>]) -> String {
    let cleaned: Vec<Vec<Cell>> = table
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Cell::Text(t) => Cell::Text(t.replace(['\t', '\n', '\r'], " ")),
                    other => other.clone(),
                })
                .collect()
        })
        .collect();
    let bytes = delimited(&cleaned, b'\t', Vec::new()).unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn delimited(table: &[Vec<Cell>], delimiter: u8, start: Vec<u8>) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(start);
    for row in table {
        writer.write_record(row.iter().map(Cell::text))?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// An Excel workbook with one sheet: numbers as numeric cells, the header bold and frozen.
pub fn xlsx(table: &[Vec<Cell>], sheet_name: &str) -> Result<Vec<u8>, XlsxError> {
    xlsx_with(table, sheet_name, &WIDTHS)
}

/// As [`xlsx`], with columns of the widths given (in characters).
pub fn xlsx_with(
    table: &[Vec<Cell>],
    sheet_name: &str,
    widths: &[f64],
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    fill_sheet(sheet, table, sheet_name)?;
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    workbook.save_to_buffer()
}

/// Column widths of the chart's table, in characters.
const WIDTHS: [f64; 15] = [
    10.0, 18.0, 24.0, 12.0, 6.0, 6.0, 10.0, 14.0, 10.0, 10.0, 12.0, 6.0, 24.0, 60.0, 30.0,
];

/// Writes the table into a sheet named `sheet_name` (as far as Excel allows): numbers as
/// numeric cells, the header bold and frozen. A slide's embedded workbook has one too.
pub fn fill_sheet(
    sheet: &mut Worksheet,
    table: &[Vec<Cell>],
    sheet_name: &str,
) -> Result<(), XlsxError> {
    // Excel refuses sheet names over 31 characters and some punctuation.
    let name: String = sheet_name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if !name.is_empty() {
        sheet.set_name(name)?;
    }
    let bold = Format::new().set_bold();
    for (r, row) in table.iter().enumerate() {
        let r = r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) if r == 0 => sheet.write_string_with_format(r, c, t, &bold)?,
                Cell::Text(t) => sheet.write_string(r, c, t)?,
                Cell::Number(n) => sheet.write_number(r, c, *n)?,
                Cell::Empty => continue,
            };
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    for (c, w) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

/// The language's name for a sheet: the view's name.
pub fn sheet_name(spec: &ChartSpec) -> &'static str {
    spec.view.name(spec.lang)
}
