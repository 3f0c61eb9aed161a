//! The history view and the `history` command on ten fictional years of one region
//! (tests/history/: 云泽市, plan years 2016–2025, the reports of 2019 and 2022 missing), and
//! the floor rule of the trend and progress views on the bundled data.

mod common;

use egui_kittest::kittest::Queryable as _;
use gwr_charts::chart::{self, ChartInput, ChartSpec, View};
use gwr_charts::collection::{self, Opened};
use gwr_charts::export::{self, Format};
use gwr_charts::history::{self, History, Measure, NoResult, Score};
use gwr_charts::i18n::Lang;
use gwr_charts::model::{Dataset, Kind};
use gwr_charts::open;
use gwr_charts::outcome::Outcome;
use gwr_charts::render::{self, ImageSettings};
use gwr_charts::selection::{self, Preset};

use common::{run, ten_years};

/// The region of the ten years, merged.
fn yunze() -> collection::RegionData {
    let mut c = open::open_paths(&ten_years()).expect("the fixtures open");
    assert_eq!(c.regions.len(), 1, "one region");
    c.regions.remove(0)
}

fn history_of<'a>(data: &'a Dataset, id: &str) -> History<'a> {
    let ind = data.indicator(id).expect(id);
    history::histories(data, &[ind], &[]).remove(0)
}

/// (year, target number, result number, outcome) of every year with a figure.
/// A year, its target, its result and the outcome.
type Row = (i32, Option<f64>, Option<f64>, Option<Outcome>);

fn rows(h: &History<'_>) -> Vec<Row> {
    h.known_years()
        .map(|y| {
            (
                y.year,
                y.target.and_then(|o| h.measure.number(o)),
                y.result.and_then(|o| h.measure.number(o)),
                y.outcome,
            )
        })
        .collect()
}

#[test]
fn ten_years_give_each_years_target_result_and_mark() {
    use Outcome::{Met, Missed, RoughlyMet};
    let region = yunze();
    let data = &region.data;
    let gdp = history_of(data, "gdp");
    assert_eq!(gdp.measure, Measure::Growth);
    assert_eq!(
        rows(&gdp),
        [
            (2015, None, Some(7.2), None),
            (2016, Some(7.5), Some(7.6), Some(Met)),
            (2017, Some(7.0), Some(6.8), Some(Missed)),
            (2018, Some(7.0), None, None),
            (2019, None, Some(6.1), None),
            // The range 6–6.5%: met once the result reaches its lower bound.
            (2020, Some(6.0), Some(6.2), Some(Met)),
            (2021, Some(7.0), None, None),
            (2022, None, Some(3.3), None),
            (2023, Some(5.5), Some(5.4), Some(RoughlyMet)),
            (2024, Some(5.0), Some(5.2), Some(Met)),
            (2025, Some(5.0), None, None),
        ]
    );
    let range = gdp.years.iter().find(|y| y.year == 2020).unwrap();
    assert_eq!(range.target.and_then(|o| gdp.measure.high(o)), Some(6.5));
    assert!((range.gap.unwrap() - 0.2).abs() < 1e-9);
    // The reports reviewing 2018 and 2021 are missing, and 2025's results are not out.
    let waiting: Vec<i32> = gdp
        .years
        .iter()
        .filter(|y| y.no_result == Some(NoResult::Pending))
        .map(|y| y.year)
        .collect();
    assert_eq!(waiting, [2018, 2021, 2025]);
    assert_eq!(
        gdp.score(),
        Score {
            met: 3,
            roughly_met: 1,
            missed: 1
        }
    );

    // Rates: a CPI rise and an unemployment rate, each target a limit met from below.
    let cpi = history_of(data, "cpi");
    assert_eq!(cpi.measure, Measure::RateChange);
    assert_eq!(cpi.score().met, 5);
    assert_eq!(cpi.score().judged(), 5);
    let jobless = history_of(data, "surveyed_unemployment");
    assert_eq!(jobless.measure, Measure::Rate);
    assert_eq!(jobless.years.first().map(|y| y.year), Some(2017));
    assert_eq!(jobless.score().met, 4);
    assert_eq!(jobless.score().missed, 0);

    // A level with floors: 2024's 250万吨以上 is below the 2023 result of 263.8.
    let grain = history_of(data, "grain_output");
    assert_eq!(grain.measure, Measure::Level);
    let y2024 = grain.years.iter().find(|y| y.year == 2024).unwrap();
    assert_eq!(y2024.target.and_then(|o| o.value), Some(250.0));
    assert_eq!(y2024.outcome, Some(Met));
    let jobs = history_of(data, "urban_new_jobs");
    assert_eq!(
        jobs.years.iter().find(|y| y.year == 2020).unwrap().outcome,
        Some(Missed)
    );

    // One report only: figures of one year.
    let stations = history_of(data, "new_5g_stations");
    assert_eq!(stations.single_year().map(|y| y.year), Some(2021));
    assert_eq!(gdp.single_year(), None);

    // The compare view's count: the main targets of 2023, judged by the 2024 report.
    let met = history::targets_met(data, 2023);
    assert_eq!((met.met, met.roughly_met, met.missed), (5, 1, 0));
    assert_eq!(history::targets_met(data, 2025).judged(), 0);
}

fn settings(view: View, lang: Lang) -> ImageSettings {
    ImageSettings {
        spec: ChartSpec {
            view,
            lang,
            ..ChartSpec::default()
        },
        ..ImageSettings::default()
    }
}

fn chart_texts(
    data: &Dataset,
    regions: &[collection::RegionData],
    view: View,
    lang: Lang,
) -> (Vec<String>, Vec<String>) {
    let ticked = selection::preset(data, Preset::All);
    let selected = selection::indicators(data, &ticked);
    let input = ChartInput {
        data,
        selected: &selected,
        regions,
        compare: None,
    };
    let painted = render::paint(&input, &settings(view, lang)).expect("paint");
    let texts = render::text_boxes(&painted)
        .into_iter()
        .map(|b| b.text)
        .collect();
    (texts, painted.drawn.clone())
}

#[test]
fn the_view_draws_a_panel_per_measure_with_marks_and_notes() {
    let region = yunze();
    let regions = [region.clone()];
    let (texts, drawn) = chart_texts(&region.data, &regions, View::History, Lang::Zh);
    // Every indicator with two years or more; the one-year indicator is named instead.
    assert_eq!(
        drawn,
        [
            "gdp",
            "retail_sales",
            "cpi",
            "grain_output",
            "surveyed_unemployment",
            "urban_new_jobs"
        ]
    );
    let has = |s: &str| texts.iter().any(|t| t.contains(s));
    for mark in ["✓", "×", "≈✓"] {
        assert!(texts.iter().any(|t| t == mark), "no {mark} in {texts:?}");
    }
    assert!(has("2018、2021、2025年结果待公布"), "{texts:?}");
    assert!(has("只有一年的数据") && has("新建5G基站"), "{texts:?}");
    assert!(has("4/5 完成（含基本完成1项）"), "{texts:?}");
    assert!(
        has("增长率（%）") && has("变动率（%）") && has("单位：万吨"),
        "{texts:?}"
    );
    // Eleven years from 2015 on the axis of each panel.
    assert!(
        texts.iter().filter(|t| *t == "2015").count() >= 5,
        "{texts:?}"
    );
    let (texts, _) = chart_texts(&region.data, &regions, View::History, Lang::En);
    assert!(
        texts
            .iter()
            .any(|t| t.contains("result not yet reported: 2018, 2021, 2025")),
        "{texts:?}"
    );
}

/// Two files of plan year 2024 that disagree on the 2023 GDP result: the later wins, the
/// history uses its figure and marks it, and the command says so.
#[test]
fn a_conflict_is_resolved_by_the_later_file_and_marked() {
    let mut files = ten_years();
    let dir = tempfile::tempdir().unwrap();
    let revised = dir.path().join("yunze-2024-revised.json");
    let text = std::fs::read_to_string(&files[6]).unwrap();
    assert!(files[6].ends_with("yunze-2024.json"));
    let text = text.replace("\"growth_pct\": 5.4", "\"growth_pct\": 5.6");
    std::fs::write(&revised, text).unwrap();
    files.push(revised.clone());
    let c = open::open_paths(&files).unwrap();
    let region = &c.regions[0];
    assert_eq!(region.conflicts.len(), 1);
    let ind = region.data.indicator("gdp").unwrap();
    let h = history::histories(&region.data, &[ind], &region.conflicts).remove(0);
    let y = h.years.iter().find(|y| y.year == 2023).unwrap();
    assert_eq!(y.result.and_then(|o| o.growth_pct), Some(5.6));
    assert_eq!(y.conflicts, [Kind::Actual]);
    assert_eq!(y.outcome, Some(Outcome::Met));
    // The chart notes it.
    let regions = c.regions.clone();
    let (texts, _) = chart_texts(&region.data, &regions, View::History, Lang::Zh);
    assert!(
        texts.iter().any(|t| t.contains("‼ 2023年两份文件不一致")),
        "{texts:?}"
    );
    // And the command marks the figure and names both files.
    let mut args = vec![
        "history".to_owned(),
        "--indicator".into(),
        "地区生产总值".into(),
    ];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("5.6% ‼"), "{stdout}");
    assert!(
        stdout.contains("conflict: gdp 地区生产总值 2023 actual"),
        "{stdout}"
    );
    assert!(stdout.contains("yunze-2024-revised.json"), "{stdout}");
}

#[test]
fn the_history_command_prints_each_year_and_the_score() {
    let mut args = vec!["history".to_owned(), "--indicator".into(), "GDP".into()];
    args.extend(ten_years().iter().map(|f| f.display().to_string()));
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    let line = |year: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(year))
            .unwrap_or_else(|| panic!("no {year} in {stdout}"))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    assert_eq!(line("2016"), ["2016", "≈7.5%", "7.6%", "✓", "+0.1", "pp"]);
    assert_eq!(line("2017"), ["2017", "≥7%", "6.8%", "×", "-0.2", "pp"]);
    assert_eq!(line("2020"), ["2020", "6–6.5%", "6.2%", "✓", "+0.2", "pp"]);
    assert_eq!(line("2023")[3], "≈✓");
    assert!(line("2025").join(" ").contains("result not yet reported"));
    assert!(line("2019")[1] == "—");
    assert!(
        stdout.contains("4 of 5 targets with a result met (1 roughly), 1 missed"),
        "{stdout}"
    );

    args.push("--json".into());
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let region = &json[0];
    assert_eq!(region["region_zh"], "云泽市");
    assert_eq!(region["measure"], "growth");
    assert_eq!(region["files"].as_array().unwrap().len(), 8);
    let years = region["years"].as_array().unwrap();
    assert_eq!(years.len(), 11);
    let y2020 = years.iter().find(|y| y["year"] == 2020).unwrap();
    assert_eq!(y2020["target"]["growth_pct"], 6.0);
    assert_eq!(y2020["target"]["growth_pct_high"], 6.5);
    assert_eq!(y2020["result"]["growth_pct"], 6.2);
    assert_eq!(y2020["met"], "met");
    assert_eq!(y2020["gap"], 0.2);
    let y2021 = years.iter().find(|y| y["year"] == 2021).unwrap();
    assert_eq!(y2021["result"], serde_json::Value::Null);
    assert_eq!(y2021["met"], serde_json::Value::Null);
    assert_eq!(y2021["note"], "pending");
    assert_eq!(region["score"]["judged"], 5);
    assert_eq!(region["score"]["share"], 0.8);
}

#[test]
fn the_history_command_names_the_indicators_when_one_is_unknown() {
    let mut args = vec![
        "history".to_owned(),
        "--indicator".into(),
        "不存在的指标".into(),
    ];
    args.extend(ten_years().iter().map(|f| f.display().to_string()));
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("no region has an indicator named \"不存在的指标\""),
        "{stderr}"
    );
    assert!(stderr.contains("粮食产量"), "{stderr}");
    // A file that does not load leaves nothing half-done: the error names it.
    let (code, _, stderr) = run(["history", "--indicator", "GDP", "tests/history/none.json"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("tests/history/none.json"), "{stderr}");
}

#[test]
fn the_data_export_holds_each_years_target_and_result() {
    let region = yunze();
    let data = &region.data;
    let gdp = data.indicator("gdp").unwrap();
    let input = ChartInput::single(data, std::slice::from_ref(&gdp));
    let bytes = export::bytes(Format::Csv, &input, &settings(View::History, Lang::En)).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // A header, eight targets and eight results.
    assert_eq!(lines.len(), 1 + 8 + 8, "{text}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains(",2020,target,6,6.5,Growth (%),,,6,6.5,")),
        "{text}"
    );
    assert!(
        lines.iter().any(|l| l.contains(",2016,actual,7.6,")),
        "{text}"
    );
}

/// The bundled Harbin data: new jobs' 2024 target (8.25万人以上 after 9.86) is a floor
/// below the result, drawn as a floor and labelled so in the trend and progress views;
/// grain's (240 after 230) is a planned rise; the tax share (a rate) is never indexed.
#[test]
fn floors_below_last_years_result_are_never_drawn_as_falls() {
    let data = Dataset::bundled();
    let ids = ["urban_new_jobs", "grain_output", "tax_share"];
    let selected: Vec<_> = ids.iter().map(|id| data.indicator(id).unwrap()).collect();
    let pairs = chart::pairs(&data, &selected);
    let progress = chart::progress_rows(&pairs);
    let jobs = progress
        .iter()
        .find(|r| r.pair.indicator.id == "urban_new_jobs")
        .unwrap();
    assert_eq!(jobs.bound, Some(chart::rows::Bound::Floor));
    assert!((jobs.index - 8.25 / 9.86 * 100.0).abs() < 1e-9);
    let grain = progress
        .iter()
        .find(|r| r.pair.indicator.id == "grain_output")
        .unwrap();
    assert_eq!(grain.bound, None);
    assert!((grain.index - 240.0 / 230.0 * 100.0).abs() < 1e-9);
    assert!(!progress.iter().any(|r| r.pair.indicator.id == "tax_share"));

    let trend = chart::trend_series(&data, &pairs);
    let jobs = trend
        .iter()
        .find(|s| s.pair.indicator.id == "urban_new_jobs")
        .unwrap();
    // No point of the line below 100: the target is a mark of its own.
    assert!(
        jobs.points.iter().all(|p| p.index >= 100.0 - 1e-9),
        "{:?}",
        jobs.points
    );
    assert_eq!(jobs.end_bound(), Some(chart::rows::Bound::Floor));
    let grain = trend
        .iter()
        .find(|s| s.pair.indicator.id == "grain_output")
        .unwrap();
    assert_eq!(grain.end_bound(), None);
    assert!(!trend.iter().any(|s| s.pair.indicator.id == "tax_share"));

    for view in [View::Progress, View::Trend] {
        let input = ChartInput::single(&data, &selected);
        for (lang, label) in [
            (Lang::Zh, "≥8.25万人（下限）"),
            (Lang::En, "≥8.25 10,000 people (floor)"),
        ] {
            let painted = render::paint(&input, &settings(view, lang)).unwrap();
            let texts: Vec<String> = render::text_boxes(&painted)
                .into_iter()
                .map(|b| b.text)
                .collect();
            assert!(
                texts.iter().any(|t| t.contains(label)),
                "{view:?}: {texts:?}"
            );
            assert!(
                !texts.iter().any(|t| t.contains("83.7")),
                "{view:?}: {texts:?}"
            );
        }
    }
}

/// The eight files are reports of one region, of the plan years they are named by.
#[test]
fn the_fixture_files_are_ten_years_of_one_region() {
    let files = ten_years();
    assert_eq!(files.len(), 8);
    let opened: Vec<Opened> = files.iter().map(|f| open::open_path(f).unwrap()).collect();
    let plans: Vec<i32> = opened.iter().map(|o| o.data.years().1).collect();
    assert_eq!(plans, [2016, 2017, 2018, 2020, 2021, 2023, 2024, 2025]);
    let c = collection::group(opened);
    assert_eq!(c.regions.len(), 1);
}

/// Key 6 shows the history of the files opened; `export --view history --indicator` draws
/// one indicator's.
#[test]
fn key_6_shows_the_history_and_the_export_takes_one_indicator() {
    use gwr_charts::app::AppCommand;
    let command = AppCommand::ShowView(View::History);
    assert_eq!(command.shortcut().unwrap().logical_key, egui::Key::Num6);
    let mut harness = common::app_with(ten_years());
    common::press(&mut harness, command);
    assert_eq!(harness.state().state.chart.view, View::History);
    assert!(harness.state().ui.drawn.contains(&"gdp".to_owned()));
    harness.get_by_label("历年目标与实际：当年目标是否完成");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gdp.csv");
    let mut args = vec!["export", "--view", "history", "--indicator", "地区生产总值"];
    let files: Vec<String> = ten_years()
        .iter()
        .map(|f| f.display().to_string())
        .collect();
    for f in &files {
        args.extend(["--data", f.as_str()]);
    }
    args.extend(["--out", out.to_str().unwrap()]);
    let (code, _, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(csv.lines().count(), 1 + 16, "{csv}");
    assert!(csv.lines().skip(1).all(|l| l.contains(",gdp,")), "{csv}");
    args[4] = "不存在";
    let (code, _, stderr) = run(&args);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("云泽市 has no indicator named \"不存在\""),
        "{stderr}"
    );
}

/// Two regions of ten years each (the second 云溪市, a copy of 云泽市 whose 2023 GDP growth
/// fell short and whose jobs target was missed): the compare view of plan year 2023 shows,
/// per region, how many of its main targets of 2023 were met; its CSV and the command say
/// the same. The latest plan year has no results yet, so nothing is counted there.
#[test]
fn the_compare_view_counts_each_regions_main_targets_met() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = ten_years();
    for year in [2023, 2024] {
        let text = std::fs::read_to_string(format!("tests/history/yunze-{year}.json")).unwrap();
        let text = text
            .replace("云泽市", "云溪市")
            .replace("\"Yunze\"", "\"Yunxi\"")
            .replace("\"growth_pct\": 5.4", "\"growth_pct\": 4.2")
            .replace("\"value\": 8.8,", "\"value\": 7.9,");
        let path = dir.path().join(format!("yunxi-{year}.json"));
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    let c = open::open_paths(&files).unwrap();
    assert_eq!(c.regions.len(), 2);
    let table = gwr_charts::compare::compare_rows(
        &c.regions,
        "地区生产总值",
        Some(2023),
        gwr_charts::compare::Sort::Official,
    )
    .unwrap();
    let met: Vec<(String, Option<String>)> = table
        .rows
        .iter()
        .map(|r| (r.region_zh.clone(), r.targets_met.mark()))
        .collect();
    assert!(
        met.contains(&("云泽市".into(), Some("6/6✓".into()))),
        "{met:?}"
    );
    assert!(
        met.contains(&("云溪市".into(), Some("4/6✓".into()))),
        "{met:?}"
    );

    let input = ChartInput {
        data: &c.regions[0].data,
        selected: &[],
        regions: &c.regions,
        compare: Some(&table),
    };
    let painted = render::paint(&input, &settings(View::Compare, Lang::Zh)).unwrap();
    let texts: Vec<String> = render::text_boxes(&painted)
        .into_iter()
        .map(|b| b.text)
        .collect();
    assert!(texts.iter().any(|t| t.contains("云溪市 4/6✓")), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.contains("2023年主要预期目标")),
        "{texts:?}"
    );
    let csv = export::bytes(Format::Csv, &input, &settings(View::Compare, Lang::En)).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with("main targets met,main targets with a result,share of main targets met")
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Yunxi,") && l.ends_with(",4,6,0.666667")),
        "{csv}"
    );

    let mut args = vec!["compare", "--indicator", "GDP", "--year", "2023", "--json"];
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let yunxi = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region_zh"] == "云溪市")
        .unwrap();
    assert_eq!(yunxi["targets_met"]["met"], 4);
    assert_eq!(yunxi["targets_met"]["missed"], 2);
    assert_eq!(yunxi["targets_met"]["judged"], 6);
    // The latest plan year: no results yet, no count.
    let latest = gwr_charts::compare::compare_rows(
        &c.regions,
        "地区生产总值",
        None,
        gwr_charts::compare::Sort::Official,
    )
    .unwrap();
    assert_eq!(latest.plan_year, 2025);
    assert!(latest.rows.iter().all(|r| r.targets_met.mark().is_none()));
}
