//! The command line: `gwr-charts [FILE...]` opens the window; subcommands work without one.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use unicode_width::UnicodeWidthStr as _;

use crate::i18n::Lang;
use crate::model::{self, Dataset, Kind};

#[derive(Debug, Parser)]
#[command(
    name = "gwr-charts",
    version,
    about = "Charts of the quantitative goals in Chinese government work reports",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Dataset files to open in the window (the bundled Harbin 2024 dataset if none).
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
    /// Print the indicators as a table, or as normalized JSON.
    List {
        /// A dataset file instead of the bundled one.
        #[arg(long)]
        data: Option<PathBuf>,
        /// Print the normalized dataset as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a subcommand and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Check { file } => check(&file),
        Command::List { data, json } => list(data.as_deref(), json),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The bundled dataset, or the file given with `--data`.
pub fn load_data(data: Option<&Path>) -> Result<Dataset, model::LoadError> {
    match data {
        Some(path) => model::load_path(path),
        None => Ok(Dataset::bundled()),
    }
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

fn list(data: Option<&Path>, json: bool) -> anyhow::Result<ExitCode> {
    let data = match load_data(data) {
        Ok(data) => data,
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
                .map(|o| match (o.value_text(), o.growth_pct) {
                    (Some(v), Some(g)) => format!("{v} ({}%)", model::format_signed(g)),
                    (Some(v), None) => v,
                    (None, Some(_)) => o.growth_text().unwrap_or_default(),
                    (None, None) => "定性 qualitative".to_owned(),
                })
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
        "\n{} indicators, {} observations. ★ main expected target; ≠ the two years are not comparable; ≈ about, ≥ at least, > more than, ≤ at most.\n",
        data.indicators.len(),
        data.observation_count()
    ));
    out
}
