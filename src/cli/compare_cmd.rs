//! `gwr-charts compare`: one indicator across the regions of one level, as a table or
//! JSON, and the words for an indicator name that matches nothing.

use std::io::Write as _;
use std::process::ExitCode;

use super::{CompareArgs, columns, load_for_command};
use crate::collection::RegionData;
use crate::compare::{self, CompareTable, LeftOut, Measure, Missing};
use crate::i18n::Lang;
use crate::model::{Kind, Observation};

pub(super) fn compare(args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let paths = [args.data.as_slice(), args.files.as_slice()].concat();
    let Some(collection) = load_for_command(&paths) else {
        return Ok(ExitCode::FAILURE);
    };
    let query = args.table.query(&args.indicator, None);
    let Some(table) = compare::compare_table(&collection.regions, &query) else {
        eprintln!(
            "error: {}",
            no_such_indicator(&collection.regions, &args.indicator)
        );
        return Ok(ExitCode::FAILURE);
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &compare_json(&table))?;
        writeln!(out)?;
    } else {
        write!(out, "{}", compare_text(&table))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Says that no region has an indicator of that name, and which names there are.
pub(super) fn no_such_indicator(regions: &[RegionData], name: &str) -> String {
    format!(
        "no region has an indicator named {name:?}; {}",
        names_to_compare(regions)
    )
}

/// The names that can be compared (or, when no name is in two regions, every name), with
/// how many regions have each.
pub(super) fn names_to_compare(regions: &[RegionData]) -> String {
    let mut names = compare::indicator_names(regions);
    let what = if names.is_empty() {
        names = compare::all_names(regions);
        "the indicators open"
    } else {
        "the indicators of two or more regions"
    };
    let names: Vec<String> = names
        .iter()
        .map(|n| format!("{} ({})", n.name, n.regions))
        .collect();
    format!(
        "{what} (and how many regions have each): {}",
        names.join(", ")
    )
}

/// The rows in chart order, then the national row (`"national": true`): `{"region_zh",
/// "code", "level", "actual": {...} | null, "target": {...} | null}`, and `targets_met` once
/// the next report judges the region's main targets.
fn compare_json(table: &CompareTable) -> serde_json::Value {
    let national = table.national.iter().map(|r| (r, true));
    table
        .rows
        .iter()
        .map(|r| (r, false))
        .chain(national)
        .map(|(row, national)| {
            let mut json = serde_json::json!({
                "region_zh": row.region_zh,
                "code": row.division.map(|d| d.code),
                "level": row.level,
                "actual": figure_json(row.actual.as_ref()),
                "target": figure_json(row.target.as_ref()),
            });
            let met = &row.targets_met;
            if met.judged() > 0 {
                json["targets_met"] = serde_json::json!({
                    "met": met.met,
                    "roughly_met": met.roughly_met,
                    "missed": met.missed,
                    "judged": met.judged(),
                    "share": met.share(),
                });
            }
            if national {
                json["national"] = serde_json::Value::Bool(true);
            }
            json
        })
        .collect()
}

fn compare_text(table: &CompareTable) -> String {
    let (review, plan) = (table.review_year, table.plan_year);
    let measure = match &table.measure {
        Measure::Growth => "growth, %".to_owned(),
        Measure::Level { unit_zh } => format!("level, {unit_zh}"),
    };
    let figure = |o: Option<&Observation>| match (o, &table.measure) {
        (Some(o), Measure::Growth) => o.growth_text().unwrap_or_default(),
        (Some(o), Measure::Level { .. }) => o.value_text().unwrap_or_default(),
        (None, _) => "—".to_owned(),
    };
    let mut rows = vec![vec![
        "地区 region".to_owned(),
        format!("{review} 实际 actual"),
        format!("{plan} 目标 target"),
        "说明 note".to_owned(),
    ]];
    let national = table
        .national
        .iter()
        .map(|r| (r, " (national, the reference)"));
    for (row, mark) in table.rows.iter().map(|r| (r, "")).chain(national) {
        let notes: Vec<String> = row
            .missing
            .iter()
            .map(|(kind, why)| {
                let year = if *kind == Kind::Target { plan } else { review };
                missing_text(*kind, year, why)
            })
            .collect();
        let mut notes = notes.join("; ");
        if let Some(met) = row.targets_met.mark() {
            let sep = if notes.is_empty() { "" } else { "; " };
            notes = format!("{met} {plan} main targets met{sep}{notes}");
        }
        rows.push(vec![
            format!("{}{mark}", row.region_zh),
            figure(row.actual.as_ref()),
            figure(row.target.as_ref()),
            notes,
        ]);
    }
    let order = table.sort.words(Lang::En);
    let mut out = format!(
        "{} ({measure}), {plan} targets against {review} results, {order}\n\n",
        table.name
    );
    out.push_str(&columns(&rows));
    let left_out: Vec<String> = table
        .left_out
        .iter()
        .map(|(region, why)| match why {
            LeftOut::NoIndicator => format!("{region} (no such indicator)"),
            LeftOut::UnknownRegion => format!("{region} (region unknown)"),
            LeftOut::OtherLevel(level) => format!("{region} (another level: {})", level.key()),
        })
        .collect();
    if !left_out.is_empty() {
        out.push_str(&format!("\nNot compared: {}.\n", left_out.join(", ")));
    }
    out
}

fn missing_text(kind: Kind, year: i32, why: &Missing) -> String {
    let what = match kind {
        Kind::Actual => format!("{year} result"),
        Kind::Target => format!("{year} target"),
    };
    match why {
        Missing::NotReported => format!("no {what} in the report"),
        Missing::LevelOnly => format!("{what} only as a level, not a growth rate"),
        Missing::GrowthOnly => format!("{what} only as a growth rate, not a level"),
        Missing::OtherUnit(unit) => format!("{what} in another unit ({unit})"),
        Missing::MultiYear => format!("{what} is a goal over several years"),
    }
}

/// A figure as `compare --json` and `history --json` give it, or null.
pub(crate) fn figure_json(o: Option<&Observation>) -> serde_json::Value {
    o.map_or(serde_json::Value::Null, |o| {
        serde_json::json!({
            "year": o.year,
            "value": o.value,
            "value_high": o.value_high,
            "growth_pct": o.growth_pct,
            "growth_pct_high": o.growth_pct_high,
            "qualifier": o.qualifier,
            "quote": o.quote,
        })
    })
}
