//! The command line: `gwr-charts [FILE...]` opens the window; subcommands work without one.

pub(crate) mod compare_cmd;
mod export_cmd;
mod history_cmd;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use unicode_width::UnicodeWidthStr as _;

use crate::collection::{Collection, Notice, RegionData};
use crate::compare::{self, Sort};
use crate::edit;
use crate::files;
use crate::i18n::Lang;
use crate::merge::Conflict;
use crate::model::{self, Dataset, Kind, Level, Observation};
use crate::open::{self, OpenError};
use crate::outcome;

mod many;

#[derive(Debug, Parser)]
#[command(
    name = "gwr-charts",
    version,
    about = "Charts of the quantitative goals in Chinese government work reports",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Datasets (.json) or report texts (.txt) to open in the window; several are merged
    /// (the bundled Harbin 2024 dataset if none).
    pub files: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset: exit 0, or exit 1 with every problem on stderr.
    Check {
        /// The dataset file (schema 1 JSON).
        file: PathBuf,
    },
    /// Export a chart without opening a window: an image (PNG, SVG, PDF) or its numbers
    /// (CSV, Excel). The format follows the extension of --out.
    Export(export_cmd::ExportArgs),
    /// Draft a dataset from a report (text in UTF-8, GBK/GB18030 or UTF-16, a web page, a
    /// Word file or a PDF); with --out-dir, every report in the folders given, in parallel.
    Extract(ExtractArgs),
    /// One row per figure of every report given (files or folders), with the region's code
    /// and level: a table for Stata, R or Excel (.csv or .xlsx).
    Panel(many::PanelArgs),
    /// Print the indicators as a table, or as normalized JSON. Reports of one region are
    /// merged into one history; several regions are listed one after another.
    List {
        /// Dataset or report files, or folders of them, instead of the bundled dataset
        /// (repeatable; several may follow one --data).
        #[arg(long, num_args = 1..)]
        data: Vec<PathBuf>,
        /// More files or folders, as with --data (read after them).
        files: Vec<PathBuf>,
        /// Print the normalized dataset as JSON; with several regions, an array of one
        /// dataset per region.
        #[arg(long)]
        json: bool,
    },
    /// One indicator across regions for one plan year: each region's result and target.
    Compare(CompareArgs),
    /// One indicator over the years each region's reports cover: each year's target, its
    /// result, whether it was met, and the gap.
    History(history_cmd::HistoryArgs),
}

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The indicator's name as the reports write it (e.g. 地区生产总值, or GDP).
    #[arg(long)]
    pub indicator: String,
    #[command(flatten)]
    pub table: TableArgs,
    /// Print the rows as JSON.
    #[arg(long)]
    pub json: bool,
    /// Dataset or report files, or folders of them (repeatable; several may follow one
    /// --data).
    #[arg(long, num_args = 1..)]
    pub data: Vec<PathBuf>,
    /// More files or folders, as with --data (read after them).
    pub files: Vec<PathBuf>,
}

/// How a compare table is made, the same for `compare` and `export --view compare`.
#[derive(Debug, clap::Args)]
pub struct TableArgs {
    /// The plan year (the targets' year); the latest present by default.
    #[arg(long)]
    pub year: Option<i32>,
    /// The order of the regions; a missing figure always comes last, ties in the official
    /// order of the divisions' codes (pinyin suits English output).
    #[arg(long, value_enum, default_value = "target")]
    pub sort: Sort,
    /// The level to rank: national, province, prefecture or county (the level with the
    /// most regions by default); other levels are never ranked with it.
    #[arg(long, value_parser = parse_level)]
    pub level: Option<Level>,
}

impl TableArgs {
    /// The query for `name`, with a reference line of the user's when given.
    pub fn query(&self, name: &str, reference: Option<f64>) -> compare::Query {
        compare::Query {
            name: name.to_owned(),
            plan_year: self.year,
            sort: self.sort,
            level: self.level,
            reference,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The report; with --out-dir, any number of reports and folders (searched with their
    /// subfolders for .txt, .html, .docx and .pdf).
    #[arg(required = true)]
    pub reports: Vec<PathBuf>,
    /// Write the dataset here (atomically) instead of to standard output.
    #[arg(long, conflicts_with = "out_dir")]
    pub out: Option<PathBuf>,
    /// Draft every report into this folder (NAME.json and NAME.source.txt each, in the
    /// reports' subfolders), on every core, with progress on standard error.
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// With --out-dir: how many reports are drafted at once (one per core by default).
    #[arg(long, requires = "out_dir", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// The region's full name (哈尔滨市, 南京市鼓楼区) instead of the one read from the
    /// report; without it, a report that names no region clearly gets "未知地区".
    #[arg(long, value_parser = parse_region)]
    pub region: Option<String>,
    /// The plan year (the year of the targets) instead of the one read from the report.
    #[arg(long, value_parser = clap::value_parser!(i32).range(1950..=2100))]
    pub year: Option<i32>,
}

fn parse_region(text: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(format!(
            "expected a region's name such as 哈尔滨市, got `{text}`"
        ));
    }
    Ok(name.to_owned())
}

fn parse_level(text: &str) -> Result<Level, String> {
    Level::ALL
        .into_iter()
        .find(|l| l.key().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| {
            let keys: Vec<&str> = Level::ALL.iter().map(|l| l.key()).collect();
            format!("expected one of {}, got `{text}`", keys.join(", "))
        })
}

/// Runs a subcommand and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Check { file } => check(&file),
        Command::List { data, files, json } => list(&[data, files].concat(), json),
        Command::Compare(args) => compare_cmd::compare(&args),
        Command::History(args) => history_cmd::run(&args),
        Command::Extract(args) => match &args.out_dir {
            Some(dir) => many::extract_all(&args, dir),
            None => extract(&args),
        },
        Command::Panel(args) => many::panel(&args),
        Command::Export(args) => export_cmd::export(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The bundled dataset, or the files given (a folder: every dataset and report in it),
/// grouped by region.
pub fn load_data(data: &[PathBuf]) -> Result<Collection, OpenError> {
    if data.is_empty() {
        Ok(Collection::single(Dataset::bundled(), model::BUNDLED_NAME))
    } else {
        open::open_paths(&open::expand_folders(data)?)
    }
}

/// Opens the files, saying on stderr what the user should know (a report of unknown
/// region); `None` after printing why they could not be opened.
pub(crate) fn load_for_command(data: &[PathBuf]) -> Option<Collection> {
    match load_data(data) {
        Ok(collection) => {
            for notice in &collection.notices {
                eprintln!("{}", notice_text(notice));
            }
            Some(collection)
        }
        Err(e) => {
            eprintln!("{e}");
            None
        }
    }
}

fn notice_text(notice: &Notice) -> String {
    match notice {
        Notice::UnknownRegion { file, region_zh } => format!(
            "{file}: the report's region is unknown (region_zh {region_zh:?}), so it is kept apart from every other report; name it with `gwr-charts extract {file} --region NAME`"
        ),
    }
}

fn extract(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let report = match args.reports.as_slice() {
        [one] if one.is_dir() => {
            eprintln!(
                "{}: not a regular file (a directory); to draft every report in a folder, give --out-dir DIR",
                one.display()
            );
            return Ok(ExitCode::FAILURE);
        }
        [one] => one,
        _ => anyhow::bail!(
            "several reports need --out-dir DIR (a file each); one report is written to --out FILE or standard output"
        ),
    };
    let name = report.display().to_string();
    let (mut opened, text) = match open::open_path_with_text(report, &overrides(args)) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    if opened.data.report.region_zh == crate::model::UNKNOWN_REGION {
        eprintln!(
            "{name}: the report names no region clearly: region_zh is \"{}\"; give it with --region",
            crate::model::UNKNOWN_REGION
        );
    }
    match args.out.as_deref() {
        Some(path) => {
            write_draft(&mut opened.data, text.as_deref(), path, files::write_atomic)?;
            eprintln!(
                "{}: {} (a draft: check it against the report)",
                path.display(),
                draft_summary(&opened.data)
            );
        }
        None => {
            let mut json = serde_json::to_string_pretty(&opened.data)?;
            json.push('\n');
            print!("{json}");
            eprintln!("{name}: {}", draft_summary(&opened.data));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `extract` drafted, in a few words: "58 indicators, 97 observations, 3 flagged for
/// review (2 with an unclear name)".
fn draft_summary(data: &Dataset) -> String {
    let (flagged, unclear) = data.flagged_count();
    format!(
        "{} indicators, {} observations, {flagged} flagged for review ({unclear} with an unclear name)",
        data.indicators.len(),
        data.observation_count()
    )
}

/// What the user says of the reports to extract.
fn overrides(args: &ExtractArgs) -> crate::extract::Overrides {
    crate::extract::Overrides {
        region: args.region.clone(),
        plan_year: args.year,
    }
}

/// How a file is written: [`files::write_atomic`], or without a flush in a folder run.
type Write = fn(&Path, &[u8]) -> Result<(), files::WriteError>;

/// Writes a draft to `path` (atomically, with `write`) and, beside it, the normalized report
/// text its quotes are cut from (`NAME.source.txt`), which `report.source` then names.
fn write_draft(
    data: &mut Dataset,
    text: Option<&str>,
    path: &Path,
    write: Write,
) -> anyhow::Result<()> {
    if let Some(text) = text {
        let source = path.with_extension("source.txt");
        write(&source, text.as_bytes())?;
        data.report.source = source.file_name().map(|n| n.to_string_lossy().into_owned());
    }
    let mut json = serde_json::to_string_pretty(data)?;
    json.push('\n');
    write(path, json.as_bytes())?;
    Ok(())
}

/// Validates a dataset: the file's form and meaning, then (when `report.source` leads to the
/// report text) that every quote is in that text. A text that is not there is said on
/// stderr but is no error: a dataset may travel without its report.
fn check(file: &Path) -> anyhow::Result<ExitCode> {
    let failed = |e: &model::LoadError| {
        eprintln!("{e}");
        eprintln!(
            "{}: {} problem{}",
            file.display(),
            e.problems.len(),
            if e.problems.len() == 1 { "" } else { "s" }
        );
        Ok(ExitCode::FAILURE)
    };
    let data = match model::load_path(file) {
        Ok(data) => data,
        Err(e) => return failed(&e),
    };
    let quotes = match edit::source::read_source(file, &data.report) {
        Ok((text, _)) => {
            let index = edit::source::QuoteIndex::new(&text.text);
            let source = data.report.source.as_deref().unwrap_or_default();
            let faults = edit::source::quote_faults(&data, &index, source);
            if !faults.is_empty() {
                return failed(&model::LoadError::of_faults(
                    &file.display().to_string(),
                    &data,
                    faults,
                ));
            }
            "every quote found in the report text"
        }
        Err(missing) => {
            eprintln!("{}: quotes not checked: {missing}", file.display());
            "quotes not checked"
        }
    };
    println!(
        "{}: ok, {} indicators, {} observations, {quotes}",
        file.display(),
        data.indicators.len(),
        data.observation_count()
    );
    Ok(ExitCode::SUCCESS)
}

fn list(paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let Some(collection) = load_for_command(paths) else {
        return Ok(ExitCode::FAILURE);
    };
    let mut out = std::io::stdout().lock();
    match (json, collection.regions.as_slice()) {
        // One region prints one dataset object, as it always has.
        (true, [one]) => serde_json::to_writer_pretty(&mut out, &one.data)?,
        (true, regions) => {
            let datasets: Vec<&Dataset> = regions.iter().map(|r| &r.data).collect();
            serde_json::to_writer_pretty(&mut out, &datasets)?;
        }
        (false, [one]) => write!(out, "{}", table(&one.data, &one.conflicts))?,
        (false, regions) => {
            for (n, region) in regions.iter().enumerate() {
                if n > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "{}", region_heading(region))?;
                write!(out, "{}", table(&region.data, &region.conflicts))?;
            }
        }
    }
    if json {
        writeln!(out)?;
        // The conflicts are not in the JSON: say them where a person will see them.
        for conflict in collection.conflicts() {
            eprintln!("{}", conflict_text(conflict));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `== 哈尔滨市 Harbin: 2024年哈尔滨市政府工作报告 (a.json + b.json) ==`
fn region_heading(region: &RegionData) -> String {
    let report = &region.data.report;
    let place = if region.unknown_region {
        "region unknown, kept apart".to_owned()
    } else {
        match report.region_en.as_deref() {
            Some(en) if !en.is_empty() => format!("{} {en}", region.key),
            _ => region.key.clone(),
        }
    };
    format!("== {place}: {} ({}) ==", report.title_zh, region.name())
}

/// One line saying what two files of one region and year disagree on, and which is shown.
pub(crate) fn conflict_text(c: &Conflict) -> String {
    let figure = |o: &Observation| {
        format!(
            "{} says {} «{}»",
            o.source_file.as_deref().unwrap_or("?"),
            o.summary("", Lang::Zh),
            o.quote
        )
    };
    format!(
        "conflict: {} {} {} {}: {}; {}; the later file's figure is shown",
        c.indicator,
        c.name_zh,
        c.year,
        c.kind.name(Lang::En),
        figure(&c.kept),
        figure(&c.dropped)
    )
}

/// Rows of cells as text columns, two spaces apart.
pub(crate) fn columns(rows: &[Vec<String>]) -> String {
    let count = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..count)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A plain-text table: id, name, unit, review-year actual, plan-year target; figures two
/// files disagree on are marked ‼ and listed below.
pub fn table(data: &Dataset, conflicts: &[Conflict]) -> String {
    let (review, plan) = data.years();
    let mut rows = vec![vec![
        "id".to_owned(),
        "名称 name".to_owned(),
        "单位 unit".to_owned(),
        format!("{review} 实际 actual"),
        format!("{plan} 目标 target"),
    ]];
    for ind in &data.indicators {
        let cell = |year, kind| {
            let Some(o) = ind.observation(year, kind) else {
                return "—".to_owned();
            };
            let mut text = o.summary("", Lang::Zh) + &outcome::outcome_mark(ind, o);
            if conflicts
                .iter()
                .any(|c| c.indicator == ind.id && c.year == year && c.kind == kind)
            {
                text.push_str(" ‼");
            }
            text
        };
        let mut name = ind.name_zh.clone();
        if ind.headline {
            name.push_str(" ★");
        }
        if !ind.comparable {
            name.push_str(" ≠");
        }
        rows.push(vec![
            ind.id.clone(),
            name,
            ind.unit(Lang::Zh).to_owned(),
            cell(review, Kind::Actual),
            cell(plan, Kind::Target),
        ]);
    }
    let mut out = columns(&rows);
    out.push_str(&format!(
        "\n{} indicators, {} observations. ★ main expected target; ≠ the two years are not comparable; ≈ about, ≥ at least, > more than, ≤ at most; ✓ × the year's target met or missed{}.\n",
        data.indicators.len(),
        data.observation_count(),
        if conflicts.is_empty() {
            ""
        } else {
            "; ‼ two files of this year disagree (below)"
        }
    ));
    for conflict in conflicts {
        out.push_str(&conflict_text(conflict));
        out.push('\n');
    }
    out
}
