//! The command line: `gwr-charts [FILE...]` opens the window; subcommands work without one.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use unicode_width::UnicodeWidthStr as _;

use crate::chart::{ChartSpec, View};
use crate::export::{self, Format};
use crate::files;
use crate::i18n::Lang;
use crate::model::{self, Dataset, Kind};
use crate::open::{self, OpenError, Opened};
use crate::outcome;

use crate::render::{self, ImageSettings};
use crate::selection::{self, Preset};

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
    Export(ExportArgs),
    /// Draft a dataset from a report's text (UTF-8, GBK/GB18030 or UTF-16).
    Extract(ExtractArgs),
    /// Print the indicators as a table, or as normalized JSON.
    List {
        /// Dataset or report files instead of the bundled dataset; several are merged.
        #[arg(long)]
        data: Vec<PathBuf>,
        /// Print the normalized dataset as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The report text.
    pub report: PathBuf,
    /// Write the dataset here (atomically) instead of to standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
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

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The chart to draw.
    #[arg(long, value_enum)]
    pub view: View,
    /// The file to write (atomically): .png, .svg, .pdf, .csv or .xlsx; the extension
    /// picks the format.
    #[arg(long)]
    pub out: PathBuf,
    /// The format, when it should be named: it must agree with the extension of --out
    /// (a contradiction is an error); needed only for a file name without an extension.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Dataset or report files instead of the bundled dataset; several are merged.
    #[arg(long)]
    pub data: Vec<PathBuf>,
    /// Indicator ids, comma-separated (see `gwr-charts list`).
    #[arg(long, value_delimiter = ',', conflicts_with_all = ["headline", "all"])]
    pub indicators: Vec<String>,
    /// The main expected targets (the default).
    #[arg(long, conflicts_with = "all")]
    pub headline: bool,
    /// Every indicator.
    #[arg(long)]
    pub all: bool,
    /// Image size in pixels, WIDTHxHEIGHT, each side 1 to 8192.
    #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
    pub size: (u32, u32),
    /// Pixels per point, 0.5 to 4: larger text and lines at the same pixel size.
    #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
    pub scale: f32,
    /// Colours of the image; light suits slides.
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeArg,
    /// Language of the titles, labels and notes.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: Lang,
    /// A title instead of the view's own.
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("expected WIDTHxHEIGHT such as 1920x1080, got `{text}`");
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let (w, h): (u32, u32) = (
        w.trim().parse().map_err(|_| bad())?,
        h.trim().parse().map_err(|_| bad())?,
    );
    render::check_size(w, h).map_err(|e| e.to_string())?;
    Ok((w, h))
}

fn parse_scale(text: &str) -> Result<f32, String> {
    let scale: f32 = text
        .trim()
        .parse()
        .map_err(|_| format!("expected a number from 0.5 to 4, got `{text}`"))?;
    if render::SCALES.contains(&scale) {
        Ok(scale)
    } else {
        Err(format!(
            "scale {scale} is out of range: use a number from 0.5 to 4"
        ))
    }
}

/// Runs a subcommand and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Check { file } => check(&file),
        Command::List { data, json } => list(&data, json),
        Command::Extract(args) => extract(&args),
        Command::Export(args) => export(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The bundled dataset, or the files given with `--data` (merged when several).
pub fn load_data(data: &[PathBuf]) -> Result<Opened, OpenError> {
    if data.is_empty() {
        Ok(Opened {
            data: Dataset::bundled(),
            name: model::BUNDLED_NAME.to_owned(),
            draft: false,
        })
    } else {
        open::open_paths(data)
    }
}

fn extract(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let name = args.report.display().to_string();
    let overrides = crate::extract::Overrides {
        region: args.region.clone(),
        plan_year: args.year,
    };
    let (mut opened, text) = match open::open_path_with_text(&args.report, &overrides) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    if opened.data.report.region_zh == crate::extract::UNKNOWN_REGION {
        eprintln!(
            "{name}: the report names no region clearly: region_zh is \"{}\"; give it with --region",
            crate::extract::UNKNOWN_REGION
        );
    }
    match args.out.as_deref() {
        Some(path) => {
            // The normalized report text beside the dataset: its quotes are cut from it.
            if let Some(text) = text {
                let source = path.with_extension("source.txt");
                files::write_atomic(&source, text.as_bytes())
                    .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", source.display()))?;
                opened.data.report.source =
                    source.file_name().map(|n| n.to_string_lossy().into_owned());
            }
            let mut json = serde_json::to_string_pretty(&opened.data)?;
            json.push('\n');
            files::write_atomic(path, json.as_bytes())
                .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
            eprintln!(
                "{}: {} indicators, {} observations (a draft: check it against the report)",
                path.display(),
                opened.data.indicators.len(),
                opened.data.observation_count()
            );
        }
        None => {
            let mut json = serde_json::to_string_pretty(&opened.data)?;
            json.push('\n');
            print!("{json}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(file: &Path) -> anyhow::Result<ExitCode> {
    match model::load_path(file) {
        Ok(data) => {
            println!(
                "{}: ok, {} indicators, {} observations",
                file.display(),
                data.indicators.len(),
                data.observation_count()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{e}");
            eprintln!(
                "{}: {} problem{}",
                file.display(),
                e.problems.len(),
                if e.problems.len() == 1 { "" } else { "s" }
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let format = export::resolve_format(&args.out, args.format)?;
    let Opened { data, draft, .. } = match load_data(&args.data) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let ticked = if args.all {
        selection::preset(&data, Preset::All)
    } else if !args.indicators.is_empty() {
        let unknown: Vec<&str> = args
            .indicators
            .iter()
            .map(|id| id.trim())
            .filter(|id| data.indicator(id).is_none())
            .collect();
        if !unknown.is_empty() {
            anyhow::bail!(
                "unknown indicator id{} in --indicators: {} (`gwr-charts list` shows the ids)",
                if unknown.len() == 1 { "" } else { "s" },
                unknown.join(", ")
            );
        }
        args.indicators
            .iter()
            .map(|id| id.trim().to_owned())
            .collect()
    } else {
        selection::preset(&data, Preset::Headline)
    };
    let settings = ImageSettings {
        spec: ChartSpec {
            view: args.view,
            lang: args.lang,
            title: args.title.clone(),
            draft,
            ..ChartSpec::default()
        },
        width: args.size.0,
        height: args.size.1,
        scale: args.scale,
        dark: args.theme == ThemeArg::Dark,
    };
    let selected = selection::indicators(&data, &ticked);
    let path = export::write(&args.out, format, &data, &selected, &settings)?;
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}

fn list(data: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let data = match load_data(data) {
        Ok(opened) => opened.data,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &data)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", table(&data))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A plain-text table: id, name, unit, review-year actual, plan-year target.
pub fn table(data: &Dataset) -> String {
    let (review, plan) = data.years();
    let mut rows = vec![[
        "id".to_owned(),
        "名称 name".to_owned(),
        "单位 unit".to_owned(),
        format!("{review} 实际 actual"),
        format!("{plan} 目标 target"),
    ]];
    for ind in &data.indicators {
        let cell = |year, kind| {
            ind.observation(year, kind)
                .map(|o| o.summary("", Lang::Zh) + outcome::outcome_mark(ind, o).as_str())
                .unwrap_or_else(|| "—".to_owned())
        };
        let mut name = ind.name_zh.clone();
        if ind.headline {
            name.push_str(" ★");
        }
        if !ind.comparable {
            name.push_str(" ≠");
        }
        rows.push([
            ind.id.clone(),
            name,
            ind.unit(Lang::Zh).to_owned(),
            cell(review, Kind::Actual),
            cell(plan, Kind::Target),
        ]);
    }
    let widths: Vec<usize> = (0..5)
        .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
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
    out.push_str(&format!(
        "\n{} indicators, {} observations. ★ main expected target; ≠ the two years are not comparable; ≈ about, ≥ at least, > more than, ≤ at most; ✓ × the year's target met or missed.\n",
        data.indicators.len(),
        data.observation_count()
    ));
    out
}
