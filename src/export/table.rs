//! The numbers behind a chart as a table, never cut by the picture: every indicator of the
//! selection the view has numbers for, in the chart's order, one row per point, with the
//! number as charted (a range's low and high bound), the observation it comes from (value,
//! growth, qualifier, quote) and whether the chart worked it out; the compare view one row
//! per region (and the national row, marked), drawn or not. Written as CSV, Excel and
//! tab-separated text for the clipboard.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::chart::{self, ChartSpec, PointKind, View};
use crate::compare::{CompareRow, CompareTable, Measure};
use crate::model::{Dataset, Indicator, Kind, Level, Observation};

/// One point the chart draws.
#[derive(Clone, Debug)]
pub struct DataRow<'a> {
    pub indicator: &'a Indicator,
    pub year: i32,
    pub kind: Kind,
    /// The number as drawn: a growth rate (growth), a level (levels) or an index (progress,
    /// trend); a range's low bound.
    pub charted: f64,
    /// A range's high bound, as drawn.
    pub charted_high: Option<f64>,
    /// The observation the number is, or is worked out from.
    pub source: Option<&'a Observation>,
    /// True when the chart worked the number out: a year implied by a growth rate, or an
    /// index from a target growth rate.
    pub implied: bool,
}

/// The rows of the chart `spec` draws for `selected`, in the chart's order: every indicator
/// the view has numbers for, whether or not the picture had room for it.
pub fn rows<'a>(
    data: &'a Dataset,
    selected: &[&'a Indicator],
    spec: &ChartSpec,
) -> Vec<DataRow<'a>> {
    let mut out = Vec::new();
    for pair in &chart::pairs(data, selected) {
        match spec.view {
            View::Growth | View::Levels => out.extend(figure_rows(pair, spec)),
            View::Progress => out.extend(progress_rows(pair, data.years())),
            // Regions, not indicators: see `compare_table`.
            View::Compare => {}
            View::History => out.extend(history_rows(pair.indicator, spec)),
            View::Trend => out.extend(trend_rows(data, pair)),
        }
    }
    out
}

impl<'a> DataRow<'a> {
    fn new(
        indicator: &'a Indicator,
        (year, kind): (i32, Kind),
        (charted, charted_high): (f64, Option<f64>),
        source: Option<&'a Observation>,
        implied: bool,
    ) -> Self {
        DataRow {
            indicator,
            year,
            kind,
            charted,
            charted_high,
            source,
            implied,
        }
    }
}

/// The growth or levels view's rows of one indicator: the result and the target shown, as
/// growth rates or levels; in the levels view a growth-only target at the level it implies.
fn figure_rows<'a>(pair: &chart::Pair<'a>, spec: &ChartSpec) -> Vec<DataRow<'a>> {
    let series = [
        (Kind::Actual, spec.show_actual),
        (Kind::Target, spec.show_target),
    ];
    let mut out = Vec::new();
    for (kind, shown) in series {
        let obs = match kind {
            Kind::Actual => pair.actual,
            Kind::Target => pair.target,
        };
        let number = obs.and_then(|o| {
            if spec.view == View::Growth {
                Some((o.growth_pct?, o.growth_pct_high))
            } else {
                Some((o.value?, o.value_high))
            }
        });
        if let (Some(obs), Some(number), true) = (obs, number, shown) {
            out.push(DataRow::new(
                pair.indicator,
                (obs.year, kind),
                number,
                Some(obs),
                false,
            ));
        } else if let (View::Levels, Kind::Target, Some(obs), Some(level), true) =
            (spec.view, kind, obs, pair.implied_target_level(), shown)
        {
            // The levels view draws a growth-only target at the level it implies.
            let at = (obs.year, kind);
            out.push(DataRow::new(
                pair.indicator,
                at,
                (level, None),
                Some(obs),
                true,
            ));
        }
    }
    out
}

/// The progress view's rows of one indicator: the review year at 100 (unless the index
/// comes from a growth rate alone) and the target's index.
fn progress_rows<'a>(pair: &chart::Pair<'a>, (review, plan): (i32, i32)) -> Vec<DataRow<'a>> {
    let Some(p) = chart::progress_rows(std::slice::from_ref(pair)).pop() else {
        return Vec::new();
    };
    let ind = pair.indicator;
    let mut out = Vec::new();
    if !p.from_growth {
        let at = (review, Kind::Actual);
        out.push(DataRow::new(ind, at, (100.0, None), pair.actual, false));
    }
    let index = (p.index, p.index_high);
    let at = (plan, Kind::Target);
    out.push(DataRow::new(ind, at, index, pair.target, p.from_growth));
    out
}

/// The trend view's rows of one indicator: every point of its line and its past targets,
/// by year, results before targets.
fn trend_rows<'a>(data: &'a Dataset, pair: &chart::Pair<'a>) -> Vec<DataRow<'a>> {
    let Some(s) = chart::trend_series(data, std::slice::from_ref(pair)).pop() else {
        return Vec::new();
    };
    let ind = pair.indicator;
    let past = s.past_targets.iter().map(|(_, to)| *to);
    let past = past.chain(s.bounds.iter().map(|(p, _)| *p));
    let mut points: Vec<_> = s.points.iter().copied().chain(past).collect();
    points.sort_by_key(|p| (p.year, p.kind == PointKind::Target));
    let mut out = Vec::new();
    for p in points {
        let (kind, source, implied) = match p.kind {
            PointKind::Reported => (Kind::Actual, ind.observation(p.year, Kind::Actual), false),
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
        out.push(DataRow::new(
            ind,
            (p.year, kind),
            (p.index, p.high),
            source,
            implied,
        ));
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
    let mut out = vec![header(&t.data_columns)];
    for row in rows {
        let ind = row.indicator;
        // Value, growth and qualifier are the observation's own only when it is this
        // year's; an implied year shows the quote it was worked out from.
        let own = row
            .source
            .filter(|o| o.year == row.year && o.kind == row.kind);
        let history_axis =
            (spec.view == View::History).then(|| crate::history::Measure::of(ind).axis(ind, lang));
        let measure = match spec.view {
            View::Levels => ind.unit(lang),
            View::Growth | View::Compare => t.percent_axis,
            View::Progress | View::Trend => t.index_axis,
            View::History => history_axis.as_deref().unwrap_or_default(),
        };
        let report = data.report.title(lang);
        let source_line = match row.source.and_then(|o| o.source_file.as_deref()) {
            Some(file) => format!("{report} ({file})"),
            None => report.to_owned(),
        };
        out.push(vec![
            Cell::Text(spec.view.name(lang).to_owned()),
            Cell::Text(ind.id.clone()),
            Cell::Text(ind.name(lang).to_owned()),
            text_cell(ind.unit(lang)),
            Cell::Number(f64::from(row.year)),
            Cell::Text(row.kind.name(lang).to_owned()),
            Cell::Number(round6(row.charted)),
            number_cell(row.charted_high.map(round6)),
            text_cell(measure),
            number_cell(own.and_then(|o| o.value)),
            number_cell(own.and_then(|o| o.value_high)),
            number_cell(own.and_then(|o| o.growth_pct)),
            number_cell(own.and_then(|o| o.growth_pct_high)),
            own.map_or(Cell::Empty, |o| {
                Cell::Text(o.qualifier.words(lang).to_owned())
            }),
            Cell::Text(t.data_yes_no[usize::from(!row.implied)].to_owned()),
            text_cell(row.source.and_then(|o| o.derived.as_deref()).unwrap_or("")),
            text_cell(row.source.map_or("", |o| o.quote.as_str())),
            Cell::Text(source_line),
        ]);
    }
    out
}

fn header(names: &[&str]) -> Vec<Cell> {
    names.iter().map(|h| Cell::Text((*h).to_owned())).collect()
}

/// A text cell; empty text is an empty cell.
pub fn text_cell(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_owned())
    }
}

/// A number cell, or an empty one.
pub fn number_cell(n: Option<f64>) -> Cell {
    n.map_or(Cell::Empty, Cell::Number)
}

/// The compare view's data: a row per region of the table, in chart order, whether or not
/// the picture had room for it, then the national row (the reference line), marked.
pub fn compare_table(table: &CompareTable, spec: &ChartSpec) -> Vec<Vec<Cell>> {
    let lang = spec.lang;
    let t = lang.texts();
    let mut out = vec![header(&t.compare_data_columns)];
    let rows = table.rows.iter().map(|r| (r, ""));
    let national = table.national.iter().map(|r| (r, t.national_reference_row));
    for (row, note) in rows.chain(national) {
        out.push(compare_cells(table, spec, row, note));
    }
    out
}

fn compare_cells(
    table: &CompareTable,
    spec: &ChartSpec,
    row: &CompareRow,
    note: &str,
) -> Vec<Cell> {
    let lang = spec.lang;
    let t = lang.texts();
    let ind = &row.indicator;
    let measure = match &table.measure {
        Measure::Growth => t.percent_axis,
        Measure::Level { .. } => ind.unit(lang),
    };
    let level = row.level.map_or("", |l| {
        t.level_names[Level::ALL.iter().position(|k| *k == l).unwrap_or(0)]
    });
    let mut cells = vec![
        Cell::Text(row.region(lang).to_owned()),
        text_cell(row.division.map_or("", |d| d.code)),
        text_cell(level),
        Cell::Text(ind.name(lang).to_owned()),
        text_cell(ind.unit(lang)),
        text_cell(measure),
    ];
    for (kind, year, shown) in [
        (Kind::Actual, table.review_year, spec.show_actual),
        (Kind::Target, table.plan_year, spec.show_target),
    ] {
        let obs = row.figure(kind).filter(|_| shown);
        let numbers = obs.and_then(|_| row.numbers(kind, &table.measure));
        cells.extend([
            Cell::Number(f64::from(year)),
            number_cell(numbers.map(|(low, _)| round6(low))),
            number_cell(numbers.and_then(|(_, high)| high).map(round6)),
            obs.map_or(Cell::Empty, |o| {
                Cell::Text(o.qualifier.words(lang).to_owned())
            }),
            text_cell(obs.map_or("", |o| o.quote.as_str())),
        ]);
    }
    let missing: Vec<String> = row
        .missing
        .iter()
        .map(|(kind, why)| format!("{}{}{}", kind.name(lang), t.colon, why.words(lang)))
        .collect();
    let file = [row.actual.as_ref(), row.target.as_ref()]
        .into_iter()
        .flatten()
        .find_map(|o| o.source_file.clone())
        .unwrap_or_else(|| row.files.clone());
    cells.extend([
        text_cell(&missing.join(t.list_sep)),
        text_cell(&file),
        text_cell(note),
    ]);
    // Issue 21: the region's main targets of the plan year met, once judged.
    let met = &row.targets_met;
    let judged = (met.judged() > 0).then_some(met);
    cells.extend([
        number_cell(judged.map(|m| m.reached() as f64)),
        number_cell(judged.map(|m| m.judged() as f64)),
        number_cell(met.share().map(round6)),
    ]);
    cells
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
    let mut workbook = Workbook::new();
    fill_sheet(workbook.add_worksheet(), table, sheet_name)?;
    workbook.save_to_buffer()
}

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
    // Each column as wide as its widest cell of the first rows, within reason.
    let columns = table.first().map_or(0, Vec::len);
    for c in 0..columns {
        let widest = table
            .iter()
            .take(50)
            .filter_map(|row| row.get(c))
            .map(|cell| unicode_width::UnicodeWidthStr::width(cell.text().as_str()))
            .max()
            .unwrap_or(6);
        sheet.set_column_width(c as u16, (widest as f64 + 2.0).clamp(6.0, 60.0))?;
    }
    Ok(())
}

/// The language's name for a sheet: the view's name.
pub fn sheet_name(spec: &ChartSpec) -> &'static str {
    spec.view.name(spec.lang)
}

/// The rows the history view's data export holds for one indicator: per year, the target
/// and the result in the indicator's measure (a range with its high bound), for the
/// series shown.
fn history_rows<'a>(ind: &'a Indicator, spec: &ChartSpec) -> Vec<DataRow<'a>> {
    let history = crate::history::History::of(ind, &std::collections::BTreeSet::new(), &[]);
    let mut out = Vec::new();
    for y in &history.years {
        for (obs, shown) in [(y.target, spec.show_target), (y.result, spec.show_actual)] {
            let Some((obs, number)) = obs
                .filter(|_| shown)
                .and_then(|o| Some((o, history.measure.number(o)?)))
            else {
                continue;
            };
            out.push(DataRow {
                indicator: ind,
                year: y.year,
                kind: obs.kind,
                charted: number,
                charted_high: history.measure.high(obs),
                source: Some(obs),
                implied: false,
            });
        }
    }
    out
}
