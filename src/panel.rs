//! The panel: one row per observation of every report opened, with the region's
//! administrative code and level, for Stata, R or Excel (CSV in UTF-8 with a byte order
//! mark, or an Excel workbook with numeric cells). The columns are documented in README.md.

use std::sync::atomic::AtomicBool;

use std::path::PathBuf;

use crate::batch;
use crate::collection::Opened;
use crate::divisions;
use crate::export::table::{self, Cell, number_cell, text_cell};
use crate::model::LoadError;
use crate::model::{Dataset, Indicator, Level, Observation};

/// The columns, in order.
pub const COLUMNS: [&str; 25] = [
    "region",
    "region_code",
    "level",
    "plan_year",
    "report_title",
    "indicator_id",
    "indicator",
    "unit",
    "category",
    "headline",
    "year",
    "kind",
    "value",
    "value_high",
    "growth_pct",
    "growth_pct_high",
    "change",
    "qualifier",
    "multi_year",
    "derived",
    "derived_note",
    "reviewed",
    "draft",
    "quote",
    "source_file",
];

/// Where a region is: its code (six digits, 230100 for 哈尔滨市) and level, from the
/// report's own level and the bundled list of divisions (全国 is national, with no code).
pub fn region_code(data: &Dataset) -> (String, Option<Level>) {
    let name = data.report.region_zh.trim();
    if name == divisions::NATIONAL {
        return (String::new(), Some(Level::National));
    }
    match divisions::find(name) {
        Some(d) => (
            format!("{:0<6}", d.code),
            data.report.level.or(Some(d.level)),
        ),
        None => (String::new(), data.report.level),
    }
}

/// The header and one row per observation of every file, in the order given.
pub fn table(opened: &[Opened]) -> Vec<Vec<Cell>> {
    let mut out: Vec<Vec<Cell>> = vec![
        COLUMNS
            .iter()
            .map(|c| Cell::Text((*c).to_owned()))
            .collect(),
    ];
    for file in opened {
        let data = &file.data;
        let (code, level) = region_code(data);
        let report = Report {
            data,
            code: &code,
            level,
            draft: file.draft || data.report.draft,
            file: data.report.source_file.as_deref().unwrap_or(&file.name),
        };
        for ind in &data.indicators {
            for obs in &ind.observations {
                out.push(report.row(ind, obs));
            }
        }
    }
    out
}

/// What every row of one report shares.
struct Report<'a> {
    data: &'a Dataset,
    code: &'a str,
    level: Option<Level>,
    draft: bool,
    file: &'a str,
}

/// A yes or no as 1 or 0, which every statistics package reads as a number.
fn flag(b: bool) -> Cell {
    Cell::Number(if b { 1.0 } else { 0.0 })
}

impl Report<'_> {
    fn row(&self, ind: &Indicator, obs: &Observation) -> Vec<Cell> {
        let report = &self.data.report;
        let plan_year = self.data.years().1;
        let file = obs.source_file.as_deref().unwrap_or(self.file);
        vec![
            text_cell(&report.region_zh),
            text_cell(self.code),
            text_cell(self.level.map_or("", Level::key)),
            Cell::Number(f64::from(plan_year)),
            text_cell(&report.title_zh),
            text_cell(&ind.id),
            text_cell(&ind.name_zh),
            text_cell(&ind.unit_zh),
            text_cell(ind.category.key()),
            flag(ind.headline),
            Cell::Number(f64::from(obs.year)),
            text_cell(match obs.kind {
                crate::model::Kind::Actual => "actual",
                crate::model::Kind::Target => "target",
            }),
            number_cell(obs.value),
            number_cell(obs.value_high),
            number_cell(obs.growth_pct),
            number_cell(obs.growth_pct_high),
            number_cell(obs.change),
            text_cell(qualifier_key(obs)),
            text_cell(ind.multi_year.as_ref().map_or("", |m| m.horizon.as_str())),
            flag(obs.derived.is_some()),
            text_cell(obs.derived.as_deref().unwrap_or("")),
            flag(ind.reviewed),
            flag(self.draft),
            text_cell(&obs.quote),
            text_cell(file),
        ]
    }
}

fn qualifier_key(obs: &Observation) -> &'static str {
    use crate::model::Qualifier;
    match obs.qualifier {
        Qualifier::Exact => "exact",
        Qualifier::About => "about",
        Qualifier::AtLeast => "at_least",
        Qualifier::MoreThan => "more_than",
        Qualifier::AtMost => "at_most",
    }
}

/// The panel as CSV (UTF-8 with a byte order mark, so Excel reads the Chinese text).
pub fn csv(table: &[Vec<Cell>]) -> Result<Vec<u8>, ::csv::Error> {
    table::csv(table)
}

/// The panel as an Excel workbook: one sheet, numbers as numeric cells.
pub fn xlsx(table: &[Vec<Cell>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    table::xlsx(table, "panel")
}

/// Opens every file on `workers` threads: the ones opened in the order given, and why the
/// others could not be.
pub fn open_all(found: &[PathBuf], workers: usize) -> (Vec<Opened>, Vec<LoadError>) {
    let mut results: Vec<Option<Opened>> = found.iter().map(|_| None).collect();
    let mut errors = Vec::new();
    let cancel = AtomicBool::new(false);
    batch::run(
        found,
        workers,
        &cancel,
        |f| crate::open::open_path(f),
        |n, result| match result {
            Ok(opened) => results[n] = Some(opened),
            Err(e) => errors.push(e),
        },
    );
    (results.into_iter().flatten().collect(), errors)
}
