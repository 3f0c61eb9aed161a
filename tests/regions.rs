//! Reports of several regions: kept apart, never sharing an indicator; conflicts within one
//! region and year shown; a report of unknown region kept apart; one indicator compared
//! across regions. Through the library and through the real binary, on small fictional
//! datasets written here.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

mod common;

use gwr_charts::collection::Notice;
use gwr_charts::compare::{self, LeftOut, Measure, Missing, Sort};
use gwr_charts::model::{self, Dataset, Kind};
use gwr_charts::open;
use serde_json::{Value, json};

/// One observation: (year, kind, value, growth, qualifier, quote).
fn obs(year: i32, kind: &str, value: Option<f64>, growth: Option<f64>, quote: &str) -> Value {
    json!({"year": year, "kind": kind, "value": value, "growth_pct": growth,
           "qualifier": "about", "quote": quote})
}

fn indicator(id: &str, name: &str, unit: &str, observations: Vec<Value>) -> Value {
    json!({"id": id, "name_zh": name, "category": "economy", "unit_zh": unit,
           "observations": observations})
}

/// A report of `region` planning `plan`, GDP growth `result` last year and `target` this
/// year (either may be absent), and one indicator of its own.
fn report(region: &str, plan: i32, result: Option<f64>, target: Option<f64>) -> Value {
    let mut gdp = Vec::new();
    if let Some(g) = result {
        gdp.push(obs(
            plan - 1,
            "actual",
            None,
            Some(g),
            &format!("{region}生产总值增长{g}%"),
        ));
    }
    if let Some(g) = target {
        gdp.push(obs(
            plan,
            "target",
            None,
            Some(g),
            &format!("{region}生产总值增长{g}%左右"),
        ));
    }
    json!({
        "schema_version": 2,
        "report": {"title_zh": format!("{plan}年{region}政府工作报告"), "region_zh": region,
                   "review_year": plan - 1, "plan_year": plan},
        "indicators": [
            indicator("gdp", "地区生产总值", "亿元", gdp),
            indicator(&format!("own_{}", region.len()), &format!("{region}特有指标"), "个",
                      vec![obs(plan, "target", Some(3.0), None, "特有3个")]),
        ]
    })
}

fn write(dir: &Path, name: &str, data: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(data).unwrap()).unwrap();
    path
}

fn run(args: &[&str], files: &[&Path]) -> (i32, String, String) {
    common::run(
        args.iter()
            .map(OsStr::new)
            .chain(files.iter().map(|f| f.as_os_str())),
    )
}

/// GDP growth (result, target) of a dataset.
fn gdp_growth(data: &Dataset) -> (Option<f64>, Option<f64>) {
    let (review, plan) = data.years();
    let gdp = data
        .indicators
        .iter()
        .find(|i| i.name_zh == "地区生产总值")
        .unwrap();
    let growth = |year, kind| gdp.observation(year, kind).and_then(|o| o.growth_pct);
    (growth(review, Kind::Actual), growth(plan, Kind::Target))
}

#[test]
fn two_regions_never_share_an_indicator() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.json",
        &report("甲市", 2024, Some(5.1), Some(5.0)),
    );
    let b = write(
        dir.path(),
        "b.json",
        &report("乙市", 2024, Some(6.2), Some(6.0)),
    );

    let collection = open::open_paths(&[a.clone(), b.clone()]).unwrap();
    let keys: Vec<&str> = collection.regions.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["甲市", "乙市"]);
    for (region, growth) in collection.regions.iter().zip([(5.1, 5.0), (6.2, 6.0)]) {
        assert_eq!(region.data.indicators.len(), 2, "{}", region.key);
        assert_eq!(gdp_growth(&region.data), (Some(growth.0), Some(growth.1)));
        assert!(!region.data.report.title_zh.contains("合并"));
        assert!(region.conflicts.is_empty());
    }

    // list --json: an array of one dataset per region, files given either way.
    for (args, files) in [
        (vec!["list", "--json"], vec![a.as_path(), b.as_path()]),
        (
            vec![
                "list",
                "--json",
                "--data",
                a.to_str().unwrap(),
                "--data",
                b.to_str().unwrap(),
            ],
            vec![],
        ),
    ] {
        let (code, out, err) = run(&args, &files);
        assert_eq!(code, 0, "{err}");
        let datasets: Vec<Value> = serde_json::from_str(&out).unwrap();
        assert_eq!(datasets.len(), 2);
        for (value, region) in datasets.iter().zip(["甲市", "乙市"]) {
            let data = model::load_str("out.json", &value.to_string()).unwrap();
            assert_eq!(data.report.region_zh, region);
            let own: Vec<&str> = data.indicators.iter().map(|i| i.name_zh.as_str()).collect();
            assert_eq!(own, ["地区生产总值", &format!("{region}特有指标")]);
        }
    }

    // The table: one heading and one table per region.
    let (code, out, err) = run(&["list"], &[&a, &b]);
    assert_eq!(code, 0, "{err}");
    let first = out.find("== 甲市").expect(&out);
    let second = out.find("== 乙市").expect(&out);
    assert!(first < second);
    let (jia, yi) = out.split_at(second);
    assert!(
        jia.contains("≈5.1%") && jia.contains("≈5%") && !jia.contains("6.2"),
        "{jia}"
    );
    assert!(
        yi.contains("≈6.2%") && yi.contains("≈6%") && !yi.contains("5.1"),
        "{yi}"
    );
    assert!(
        !jia.contains("乙市特有指标") && !yi.contains("甲市特有指标"),
        "{out}"
    );
}

/// Region names are compared whole: 吉林省 and 吉林市 are two places.
#[test]
fn region_names_are_compared_whole() {
    let province = serde_json::from_value(report("吉林省", 2024, Some(6.3), Some(5.0))).unwrap();
    let city = serde_json::from_value(report("吉林市", 2024, Some(4.0), Some(5.5))).unwrap();
    let collection = gwr_charts::collection::group(
        [("p.json", province), ("c.json", city)]
            .into_iter()
            .map(|(name, data)| open::Opened {
                data,
                name: name.into(),
                draft: false,
            })
            .collect(),
    );
    assert_eq!(collection.regions.len(), 2);
}

#[test]
fn one_region_over_two_years_is_one_history() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(
        dir.path(),
        "2023.json",
        &report("甲市", 2023, Some(4.0), Some(5.0)),
    );
    let new = write(
        dir.path(),
        "2024.json",
        &report("甲市", 2024, Some(5.1), Some(5.5)),
    );
    let (code, out, err) = run(&["list", "--json"], &[&new, &old]);
    assert_eq!(code, 0, "{err}");
    // One region: one dataset object, not an array.
    let data = model::load_str("out.json", &out).unwrap();
    assert_eq!(data.years(), (2023, 2024));
    let gdp = data.indicator("gdp").unwrap();
    let years: Vec<(i32, Kind)> = gdp.observations.iter().map(|o| (o.year, o.kind)).collect();
    assert_eq!(
        years,
        [
            (2022, Kind::Actual),
            (2023, Kind::Actual),
            (2023, Kind::Target),
            (2024, Kind::Target)
        ]
    );
    assert!(err.is_empty(), "{err}");
}

#[test]
fn same_region_and_year_disagreeing_is_a_visible_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(
        dir.path(),
        "first.json",
        &report("甲市", 2024, Some(5.1), Some(5.0)),
    );
    let second = write(
        dir.path(),
        "second.json",
        &report("甲市", 2024, Some(5.3), Some(5.0)),
    );

    let (code, out, err) = run(&["list"], &[&first, &second]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("≈5.3% ‼"), "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("conflict:"))
        .expect(&out);
    for part in [
        "地区生产总值 2023 actual",
        &format!("{} says 增长 ≈5.3%", second.display()),
        "«甲市生产总值增长5.3%»",
        &format!("{} says 增长 ≈5.1%", first.display()),
        "«甲市生产总值增长5.1%»",
    ] {
        assert!(line.contains(part), "{part:?} not in {line}");
    }

    // --json: one dataset (one region) whose figure is the later file's; the conflict on
    // stderr.
    let (code, out, err) = run(&["list", "--json"], &[&first, &second]);
    assert_eq!(code, 0, "{err}");
    let data = model::load_str("out.json", &out).unwrap();
    assert_eq!(gdp_growth(&data), (Some(5.3), Some(5.0)));
    let gdp = data.indicator("gdp").unwrap();
    let actual = gdp.observation(2023, Kind::Actual).unwrap();
    assert_eq!(
        actual.source_file.as_deref(),
        Some(&*second.display().to_string())
    );
    assert!(
        err.starts_with("conflict:") && err.contains("地区生产总值"),
        "{err}"
    );
    assert_eq!(
        err.lines().count(),
        1,
        "the same target is no conflict: {err}"
    );

    // The other order: the other file wins.
    let (_, out, _) = run(&["list", "--json"], &[&second, &first]);
    let data = model::load_str("out.json", &out).unwrap();
    assert_eq!(gdp_growth(&data), (Some(5.1), Some(5.0)));
}

#[test]
fn a_report_of_unknown_region_stays_apart() {
    let dir = tempfile::tempdir().unwrap();
    let named = write(
        dir.path(),
        "named.json",
        &report("甲市", 2024, Some(5.1), Some(5.0)),
    );
    let mut draft = report("未识别地区", 2024, Some(7.0), Some(7.5));
    draft["report"]["draft"] = true.into();
    let d1 = write(dir.path(), "d1.json", &draft);
    let d2 = write(dir.path(), "d2.json", &draft);

    let collection = open::open_paths(&[named.clone(), d1.clone(), d2.clone()]).unwrap();
    assert_eq!(
        collection.regions.len(),
        3,
        "two unknown drafts never join each other"
    );
    let unknown: Vec<_> = collection
        .regions
        .iter()
        .filter(|r| r.unknown_region)
        .collect();
    assert_eq!(unknown.len(), 2);
    assert_eq!(unknown[0].files, [d1.display().to_string()]);
    assert_eq!(
        collection.notices,
        [&d1, &d2].map(|d| Notice::UnknownRegion {
            file: d.display().to_string(),
            region_zh: "未识别地区".into()
        })
    );
    assert_eq!(
        gdp_growth(&collection.regions[0].data),
        (Some(5.1), Some(5.0))
    );

    let (code, out, err) = run(&["list", "--json"], &[&named, &d1]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(serde_json::from_str::<Vec<Value>>(&out).unwrap().len(), 2);
    assert!(
        err.starts_with(&format!("{}: the report's region is unknown", d1.display())),
        "{err}"
    );

    // Never compared with named regions.
    let (code, out, err) = run(&["compare", "--indicator", "地区生产总值"], &[&named, &d1]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!("{} (region unknown)", d1.display())),
        "{out}"
    );
    assert!(!out.contains("7.5"), "{out}");
}

/// Four regions with GDP growth, one with only a level, one without GDP at all.
fn four_regions(dir: &Path) -> Vec<PathBuf> {
    let mut level_only = report("丁市", 2024, None, None);
    level_only["indicators"][0]["observations"] =
        json!([obs(2023, "actual", Some(900.0), None, "生产总值900亿元"),]);
    let mut no_gdp = report("戊市", 2024, Some(1.0), Some(2.0));
    no_gdp["indicators"][0]["name_zh"] = "粮食产量".into();
    let mut gdp_alias = report("丙市", 2024, Some(4.0), None);
    gdp_alias["indicators"][0]["name_zh"] = "生产总值".into();
    vec![
        write(dir, "a.json", &report("甲市", 2024, Some(5.1), Some(5.0))),
        write(dir, "b.json", &report("乙市", 2024, Some(6.2), Some(6.5))),
        write(dir, "c.json", &gdp_alias),
        write(dir, "d.json", &level_only),
        write(dir, "e.json", &no_gdp),
        // Last year's report of 甲市: its targets are for 2023.
        write(
            dir,
            "a-2023.json",
            &report("甲市", 2023, Some(3.0), Some(4.5)),
        ),
    ]
}

#[test]
fn compare_rows_sorting_and_missing_figures() {
    let dir = tempfile::tempdir().unwrap();
    let files = four_regions(dir.path());
    let collection = open::open_paths(&files).unwrap();

    let table = compare::compare_rows(&collection.regions, "GDP", None, Sort::Target).unwrap();
    assert_eq!(table.name, "地区生产总值");
    assert_eq!((table.review_year, table.plan_year), (2023, 2024));
    assert_eq!(table.measure, Measure::Growth);
    let order: Vec<&str> = table.rows.iter().map(|r| r.region_zh.as_str()).collect();
    // By target, largest first; no target last, by name (丙市 has a result, 丁市 only a
    // level).
    assert_eq!(order, ["乙市", "甲市", "丁市", "丙市"]);
    let row = |region: &str| table.rows.iter().find(|r| r.region_zh == region).unwrap();
    let number = |region: &str, kind| row(region).number(kind, &table.measure);
    assert_eq!(number("乙市", Kind::Target), Some(6.5));
    assert_eq!(number("丙市", Kind::Target), None);
    assert_eq!(number("丙市", Kind::Actual), Some(4.0));
    assert_eq!(row("丙市").missing, [(Kind::Target, Missing::NotReported)]);
    assert_eq!(
        row("丁市").missing,
        [
            (Kind::Actual, Missing::LevelOnly),
            (Kind::Target, Missing::NotReported)
        ]
    );
    assert_eq!(table.left_out, [("戊市".to_owned(), LeftOut::NoIndicator)]);

    let by_result =
        compare::compare_rows(&collection.regions, "地区生产总值", None, Sort::Result).unwrap();
    let order: Vec<&str> = by_result
        .rows
        .iter()
        .map(|r| r.region_zh.as_str())
        .collect();
    assert_eq!(order, ["乙市", "甲市", "丙市", "丁市"]);
    assert_eq!(
        by_result.rows[1].actual.as_ref().unwrap().growth_pct,
        Some(5.1)
    );

    // Regions the list of divisions lacks keep the order of their names.
    let by_name =
        compare::compare_rows(&collection.regions, "地区生产总值", None, Sort::Official).unwrap();
    let mut names: Vec<&str> = by_name.rows.iter().map(|r| r.region_zh.as_str()).collect();
    let shown = names.clone();
    names.sort_unstable();
    assert_eq!(shown, names);

    // Last year's plan: only 甲市 has a report for it.
    let old = compare::compare_rows(
        &collection.regions,
        "地区生产总值",
        Some(2023),
        Sort::Target,
    )
    .unwrap();
    let jia = old.rows.iter().find(|r| r.region_zh == "甲市").unwrap();
    assert_eq!(jia.target.as_ref().and_then(|o| o.growth_pct), Some(4.5));
    assert_eq!(jia.actual.as_ref().and_then(|o| o.growth_pct), Some(3.0));
    assert_eq!(old.rows[0].region_zh, "甲市");

    assert_eq!(
        compare::compare_rows(&collection.regions, "粮食", None, Sort::Target),
        None
    );
    let names = compare::indicator_names(&collection.regions);
    assert_eq!(names[0].name, "地区生产总值");
    assert_eq!(names[0].regions, 4);
    assert!(names.iter().all(|n| n.regions >= 2), "{names:?}");
}

/// With fewer than two regions giving growth, levels in the unit most regions use; a level
/// in another unit is missing with its unit, never drawn as zero.
#[test]
fn levels_in_the_most_common_unit() {
    let dir = tempfile::tempdir().unwrap();
    let level = |region: &str, unit: &str, value: f64| {
        let mut r = report(region, 2024, None, None);
        r["indicators"][0]["unit_zh"] = unit.into();
        r["indicators"][0]["observations"] = json!([obs(
            2023,
            "actual",
            Some(value),
            None,
            &format!("生产总值{value}{unit}")
        ),]);
        r
    };
    let files = [
        write(dir.path(), "a.json", &level("甲市", "亿元", 900.0)),
        write(dir.path(), "b.json", &level("乙市", "万元", 5_000_000.0)),
        write(dir.path(), "c.json", &level("丙市", "亿元", 1200.0)),
    ];
    let collection = open::open_paths(&files).unwrap();
    let table =
        compare::compare_rows(&collection.regions, "地区生产总值", None, Sort::Result).unwrap();
    assert_eq!(
        table.measure,
        Measure::Level {
            unit_zh: "亿元".into()
        }
    );
    let order: Vec<&str> = table.rows.iter().map(|r| r.region_zh.as_str()).collect();
    assert_eq!(order, ["丙市", "甲市", "乙市"]);
    assert_eq!(table.rows[2].actual, None);
    assert!(
        table.rows[2]
            .missing
            .contains(&(Kind::Actual, Missing::OtherUnit("万元".into())))
    );
}

#[test]
fn compare_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let files = four_regions(dir.path());
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();

    let (code, out, err) = run(&["compare", "--indicator", "GDP", "--json"], &paths);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    let regions: Vec<&str> = rows
        .iter()
        .map(|r| r["region_zh"].as_str().unwrap())
        .collect();
    assert_eq!(regions, ["乙市", "甲市", "丁市", "丙市"]);
    assert_eq!(
        rows[0],
        json!({
            "region_zh": "乙市",
            "actual": {"year": 2023, "value": null, "growth_pct": 6.2, "qualifier": "about",
                       "quote": "乙市生产总值增长6.2%"},
            "target": {"year": 2024, "value": null, "growth_pct": 6.5, "qualifier": "about",
                       "quote": "乙市生产总值增长6.5%左右"},
        })
    );
    assert_eq!(
        (&rows[2]["actual"], &rows[2]["target"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(rows[3]["actual"]["growth_pct"], 4.0);
    assert_eq!(rows[3]["target"], Value::Null);

    // --data and arguments together, another order, another year.
    let (code, out, err) = run(
        &[
            "compare",
            "--indicator",
            "地区生产总值",
            "--sort",
            "name",
            "--year",
            "2023",
            "--json",
            "--data",
            paths[0].to_str().unwrap(),
        ],
        &paths[1..],
    );
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    let jia = rows.iter().find(|r| r["region_zh"] == "甲市").unwrap();
    assert_eq!(jia["target"]["growth_pct"], 4.5);

    // The table names why a figure is missing and who is left out.
    let (code, out, err) = run(&["compare", "--indicator", "地区生产总值"], &paths);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2023 result only as a level, not a growth rate"),
        "{out}"
    );
    assert!(out.contains("戊市 (no such indicator)"), "{out}");

    // An indicator no region has: exit 1, with the names that can be compared.
    let (code, _, err) = run(&["compare", "--indicator", "不存在"], &paths);
    assert_eq!(code, 1);
    assert!(
        err.contains("\"不存在\"") && err.contains("地区生产总值 (4)"),
        "{err}"
    );
}

/// What `extract` writes for a report without a cue is a region no other report joins.
#[test]
fn an_extracted_report_without_a_region_cue_stays_apart() {
    let unnamed = PathBuf::from("tests/reports/unnamed-2024.txt");
    let named = PathBuf::from("tests/reports/wuhu-2024.txt");
    let collection = open::open_paths(&[named, unnamed.clone(), unnamed.clone()]).unwrap();
    assert_eq!(collection.regions.len(), 3, "the two drafts never join");
    assert_eq!(
        collection
            .regions
            .iter()
            .filter(|r| r.unknown_region)
            .count(),
        2
    );
    assert_eq!(collection.notices.len(), 2);
}
