//! `gwr-charts history --indicator NAME FILES…`: per region, each year's target, result,
//! whether the target was met and by how much, as a table or as JSON.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::compare_cmd::figure_json;
use crate::cli::{columns, conflict_text, load_for_command};
use crate::collection::RegionData;
use crate::compare::{all_names, match_key};
use crate::history::{History, Measure, NoResult, Year, histories};
use crate::i18n::Lang;
use crate::model::{Indicator, Kind, format_number, format_signed};

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// The indicator's name as the reports write it (e.g. 地区生产总值, or GDP), or its id.
    #[arg(long)]
    pub indicator: String,
    /// Print the years as JSON: an array with one entry per region.
    #[arg(long)]
    pub json: bool,
    /// Dataset or report files; the reports of one region are merged into its history.
    #[arg(long)]
    pub data: Vec<PathBuf>,
    /// More files, as with --data (read after them).
    pub files: Vec<PathBuf>,
}

/// Runs the command: exit 0 when some region has the indicator.
pub fn run(args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    let paths = [args.data.as_slice(), args.files.as_slice()].concat();
    let Some(collection) = load_for_command(&paths) else {
        return Ok(ExitCode::FAILURE);
    };
    let found: Vec<(&RegionData, History<'_>)> = collection
        .regions
        .iter()
        .filter_map(|region| {
            let ind = find(&region.data.indicators, &args.indicator)?;
            let history = histories(&region.data, &[ind], &region.conflicts).pop()?;
            Some((region, history))
        })
        .collect();
    if found.is_empty() {
        let names: Vec<String> = all_names(&collection.regions)
            .into_iter()
            .map(|n| n.name)
            .collect();
        eprintln!(
            "error: no region has an indicator named {:?}; the indicators open: {}",
            args.indicator,
            names.join(", ")
        );
        return Ok(ExitCode::FAILURE);
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        let regions: Vec<serde_json::Value> = found
            .iter()
            .map(|(region, history)| history_json(region, history))
            .collect();
        serde_json::to_writer_pretty(&mut out, &regions)?;
        writeln!(out)?;
    } else {
        for (n, (region, history)) in found.iter().enumerate() {
            if n > 0 {
                writeln!(out)?;
            }
            write!(out, "{}", history_text(region, history))?;
        }
    }
    let without: Vec<&str> = collection
        .regions
        .iter()
        .filter(|r| !found.iter().any(|(f, _)| f.key == r.key))
        .map(|r| r.key.as_str())
        .collect();
    if !without.is_empty() {
        eprintln!(
            "without an indicator named {:?}: {}",
            args.indicator,
            without.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The indicator named `name` (by its id, or its Chinese or English name as the compare
/// view matches names).
pub(crate) fn find<'a>(indicators: &'a [Indicator], name: &str) -> Option<&'a Indicator> {
    let key = match_key(name);
    indicators.iter().find(|i| i.id == name.trim()).or_else(|| {
        indicators.iter().find(|i| {
            match_key(&i.name_zh) == key
                || i.name_en.as_deref().is_some_and(|n| match_key(n) == key)
        })
    })
}

/// A figure in the history's measure, with its mark when two files disagreed on it.
fn figure_text(history: &History<'_>, year: &Year<'_>, kind: Kind) -> String {
    let obs = match kind {
        Kind::Target => year.target,
        Kind::Actual => year.result,
    };
    let Some(obs) = obs else {
        return "—".to_owned();
    };
    let mut text = history
        .measure
        .text(obs)
        .unwrap_or_else(|| obs.summary(history.indicator.unit(Lang::Zh), Lang::Zh));
    if year.conflicts.contains(&kind) {
        text.push_str(" ‼");
    }
    text
}

/// `+0.2 pp` for growth and rates, `-5 万吨` for levels.
fn gap_text(history: &History<'_>, gap: f64) -> String {
    let rounded = (gap * 100.0).round() / 100.0;
    let unit = match history.measure {
        Measure::Level => history.indicator.unit(Lang::Zh).to_owned(),
        _ => "pp".to_owned(),
    };
    format!("{} {unit}", format_signed(rounded))
        .trim_end()
        .to_owned()
}

fn note_text(year: &Year<'_>) -> String {
    match year.no_result {
        Some(NoResult::Pending) => "result not yet reported (结果待公布)".to_owned(),
        Some(NoResult::NotGiven) => {
            "result not in the next year's report (下一年报告未给出结果)".to_owned()
        }
        None => String::new(),
    }
}

/// The region's years as a table, its score, and the figures its files disagree on.
fn history_text(region: &RegionData, history: &History<'_>) -> String {
    let ind = history.indicator;
    let measure = match history.measure {
        Measure::Growth => "growth, %".to_owned(),
        Measure::Rate => format!("rate, {}", ind.unit_zh),
        Measure::RateChange => "rate of change, %".to_owned(),
        Measure::Level => format!("level, {}", ind.unit_zh),
    };
    let mut out = format!(
        "{} · {} ({measure}) · {}\n\n",
        region.key,
        ind.name_zh,
        region.name()
    );
    if let Some(only) = history.single_year() {
        out.push_str(&format!(
            "Figures of {} only: no history to compare.\n\n",
            only.year
        ));
    }
    let mut rows = vec![vec![
        "年份 year".to_owned(),
        "目标 target".to_owned(),
        "实际 result".to_owned(),
        "完成 met".to_owned(),
        "差距 gap".to_owned(),
        "说明 note".to_owned(),
    ]];
    for year in history.known_years() {
        rows.push(vec![
            year.year.to_string(),
            figure_text(history, year, Kind::Target),
            figure_text(history, year, Kind::Actual),
            year.outcome.map_or(String::new(), |o| o.mark().to_owned()),
            year.gap.map_or(String::new(), |g| gap_text(history, g)),
            note_text(year),
        ]);
    }
    out.push_str(&columns(&rows));
    let score = history.score();
    out.push_str(&format!(
        "\n{} of {} targets with a result met ({} roughly), {} missed. ✓ met  ≈✓ roughly met  × missed  ≈ about  ≥ at least  > more than  ≤ at most{}.\n",
        score.reached(),
        score.judged(),
        score.roughly_met,
        score.missed,
        if history.years.iter().any(|y| !y.conflicts.is_empty()) {
            "  ‼ two files of this year disagree (below)"
        } else {
            ""
        }
    ));
    for conflict in region.conflicts.iter().filter(|c| c.indicator == ind.id) {
        out.push_str(&conflict_text(conflict));
        out.push('\n');
    }
    out
}

/// `{"region_zh", "indicator", "measure", "years": [...], "score": {...}}`.
fn history_json(region: &RegionData, history: &History<'_>) -> serde_json::Value {
    let ind = history.indicator;
    let years: Vec<serde_json::Value> = history
        .known_years()
        .map(|y| {
            serde_json::json!({
                "year": y.year,
                "target": figure_json(y.target),
                "result": figure_json(y.result),
                "met": y.outcome.map(|o| o.key()),
                "gap": y.gap.map(|g| format_number(g).parse::<f64>().unwrap_or(g)),
                "note": y.no_result,
                "conflict": y.conflicts,
            })
        })
        .collect();
    let score = history.score();
    serde_json::json!({
        "region_zh": region.key,
        "files": region.files,
        "indicator": {
            "id": ind.id,
            "name_zh": ind.name_zh,
            "name_en": ind.name_en,
            "unit_zh": ind.unit_zh,
        },
        "measure": history.measure.key(),
        "years": years,
        "score": {
            "met": score.met,
            "roughly_met": score.roughly_met,
            "missed": score.missed,
            "judged": score.judged(),
            "share": score.share(),
        },
    })
}
