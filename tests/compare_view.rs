//! The compare view in the real app (egui_kittest) and on the command line: fictional
//! reports of several regions (tests/reports/), the indicator, year and order pickers, the
//! empty state with one region, hover quotes, the region picker keeping each region's
//! selection, conflicts in the details panel, and `export --view compare`.

use std::path::PathBuf;

use assert_cmd::Command;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use gwr_charts::GwrApp;
use gwr_charts::app::{AppCommand, State};
use gwr_charts::chart::View;
use gwr_charts::compare::Sort;
use gwr_charts::model::Dataset;

mod common;
use common::{app_with, four_cities, press};

/// The regions of the compare table, in chart order.
fn table_order(harness: &Harness<'_, GwrApp>) -> Vec<String> {
    let table = harness.state().compare_table().expect("a compare table");
    table.rows.iter().map(|r| r.region_zh.clone()).collect()
}

#[test]
fn with_one_region_the_compare_view_says_what_to_open() {
    let mut harness = app_with(vec![]);
    press(&mut harness, AppCommand::ShowView(View::Compare));
    assert_eq!(harness.state().state.chart.view, View::Compare);
    harness.get_by_label("5 对比");
    harness.get_by_label_contains("当前只打开了一个地区的报告");
    assert!(harness.state().drawn.is_empty());
    assert!(harness.state().compare_table().is_none());
    // No picker without anything to pick.
    assert!(harness.query_by_label("指标").is_none());
}

#[test]
fn the_compare_view_draws_every_region_and_its_pickers_change_the_chart() {
    let mut harness = app_with(four_cities());
    assert_eq!(harness.state().regions.len(), 4);
    press(&mut harness, AppCommand::ShowView(View::Compare));

    // The most common indicator, every region, sorted by target.
    let table = harness.state().compare_table().unwrap().clone();
    assert_eq!(table.name, "地区生产总值");
    assert_eq!(table.plan_year, 2024);
    assert_eq!(table.plan_years, [2024, 2023]);
    assert_eq!(harness.state().drawn, table_order(&harness));
    assert_eq!(harness.state().drawn.len(), 4);
    let targets: Vec<f64> = table
        .rows
        .iter()
        .filter_map(|r| r.target.as_ref()?.growth_pct)
        .collect();
    assert!(targets.windows(2).all(|w| w[0] >= w[1]), "{targets:?}");
    harness.get_by_label_contains("地区生产总值 · 增长率");
    harness.get_by_label("2023 实际");
    harness.get_by_label("2024 目标");

    // The table is made once, not every frame: frames keep the very same rows (a table
    // made again allocates its rows while the old ones are still alive).
    let rows_at = |h: &Harness<'_, GwrApp>| h.state().compare_table().unwrap().rows.as_ptr();
    let before = rows_at(&harness);
    harness.run();
    harness.hover_at(egui::pos2(700.0, 400.0));
    harness.run();
    assert_eq!(rows_at(&harness), before);

    // The official order: by division code (芜湖 3402, 宜昌 4205, 柳州 4502, 绵阳 5107).
    harness.get_by_label("按行政区划").click();
    harness.run();
    assert_ne!(rows_at(&harness), before);
    assert_eq!(harness.state().state.compare.sort, Sort::Official);
    let official = ["芜湖市", "宜昌市", "柳州市", "绵阳市"];
    assert_eq!(table_order(&harness), official);
    assert_eq!(harness.state().drawn, official);

    // Another indicator from the picker: the names of two or more regions.
    harness
        .get_by_role_and_label(Role::ComboBox, "指标")
        .click();
    harness.run();
    harness.get_by_label("固定资产投资 (4)").click();
    harness.run();
    assert_eq!(
        harness.state().state.compare.indicator.as_deref(),
        Some("固定资产投资")
    );
    assert_eq!(
        harness.state().compare_table().unwrap().name,
        "固定资产投资"
    );

    // Last year's plan: only 宜昌市 has a report for 2023.
    harness
        .get_by_role_and_label(Role::ComboBox, "目标年份")
        .click();
    harness.run();
    harness.get_by_label("2023").click();
    harness.run();
    let table = harness.state().compare_table().unwrap();
    assert_eq!((table.review_year, table.plan_year), (2022, 2023));
    assert_eq!(table.rows[0].region_zh, "宜昌市");
    // The others have no 2023 target: drawn as missing, never as zero, and counted.
    assert!(table.rows[1..].iter().all(|r| r.target.is_none()));
    harness.get_by_label_contains("缺少数字（未按零绘制）");
}

#[test]
fn the_compare_choice_is_saved_and_restored() {
    let mut harness = app_with(four_cities());
    press(&mut harness, AppCommand::ShowView(View::Compare));
    harness.get_by_label("按实际").click();
    harness.run();
    harness.state_mut().state.compare.indicator = Some("社会消费品零售总额".into());
    harness.run();
    assert_eq!(
        harness.state().compare_table().unwrap().name,
        "社会消费品零售总额"
    );
    let json = serde_json::to_string(&harness.state().state).unwrap();
    let restored: State = serde_json::from_str(&json).unwrap();
    assert_eq!(restored.compare, harness.state().state.compare);
    assert_eq!(restored.compare.sort, Sort::Result);
    // A state saved before the compare view existed still reads, with the defaults.
    let mut old: serde_json::Value = serde_json::from_str(&json).unwrap();
    old.as_object_mut().unwrap().remove("compare");
    let restored: State = serde_json::from_value(old).unwrap();
    assert_eq!(restored.compare, Default::default());
}

#[test]
fn hovering_a_region_shows_its_quotes() {
    let mut harness = app_with(four_cities());
    press(&mut harness, AppCommand::ShowView(View::Compare));
    let first = table_order(&harness)[0].clone();
    let mut found = false;
    for y in (150..850).step_by(6) {
        harness.hover_at(egui::pos2(700.0, y as f32));
        harness.run();
        if harness.query_by_label(&first).is_some()
            && harness.query_all_by_label_contains("「").next().is_some()
        {
            found = true;
            break;
        }
    }
    assert!(found, "no tooltip with the quote of {first}");
    let table = harness.state().compare_table().unwrap();
    let quote = &table.rows[0].target.as_ref().unwrap().quote;
    harness.get_by_label(&format!("「{quote}」"));
}

#[test]
fn clicking_a_region_shows_it_with_its_figure_in_the_details_panel() {
    let mut harness = app_with(four_cities());
    press(&mut harness, AppCommand::ShowView(View::Compare));
    let table = harness.state().compare_table().unwrap().clone();
    let first = &table.rows[0];
    assert_ne!(
        harness.state().regions[harness.state().shown].key,
        first.region_zh,
        "the first row is not the region shown already"
    );
    // Find the first row by its tooltip, then click there.
    let mut at = None;
    for y in (150..850).step_by(6) {
        let pos = egui::pos2(700.0, y as f32);
        harness.hover_at(pos);
        harness.run();
        if harness.query_by_label(&first.region_zh).is_some()
            && harness.query_all_by_label_contains("「").next().is_some()
        {
            at = Some(pos);
            break;
        }
    }
    let pos = at.expect("the first row's tooltip");
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
    let app = harness.state();
    assert_eq!(app.regions[app.shown].key, first.region_zh);
    assert_eq!(app.details.as_deref(), Some(first.indicator.id.as_str()));
    assert_eq!(app.state.chart.view, View::Compare, "the chart stays");
}

#[test]
fn the_region_picker_switches_regions_and_keeps_each_selection() {
    let mut harness = app_with(four_cities());
    let first = harness.state().data.report.region_zh.clone();
    let gdp_id = |h: &Harness<'_, GwrApp>| {
        h.state()
            .data
            .indicators
            .iter()
            .find(|i| i.name_zh == "地区生产总值")
            .unwrap()
            .id
            .clone()
    };
    // Untick GDP in the first region only.
    let id = gdp_id(&harness);
    harness.state_mut().set_ticked([id.as_str()], false);
    harness.run();
    assert!(!harness.state().drawn.contains(&id));

    harness
        .get_by_role_and_label(Role::ComboBox, "地区")
        .click();
    harness.run();
    harness.get_by_label("芜湖市").click();
    harness.run();
    assert_eq!(harness.state().data.report.region_zh, "芜湖市");
    let id = gdp_id(&harness);
    assert!(harness.state().drawn.contains(&id), "芜湖市 keeps its own");

    harness
        .get_by_role_and_label(Role::ComboBox, "地区")
        .click();
    harness.run();
    harness.get_by_label(&first).click();
    harness.run();
    assert_eq!(harness.state().data.report.region_zh, first);
    let id = gdp_id(&harness);
    assert!(
        !harness.state().drawn.contains(&id),
        "{first} kept its choice"
    );
}

/// Two datasets of one region and plan year that disagree on GDP growth.
fn conflicting(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for (name, growth) in [("harbin-a.json", 3.1), ("harbin-b.json", 3.4)] {
        let mut data = Dataset::bundled();
        let gdp = data.indicators.iter_mut().find(|i| i.id == "gdp").unwrap();
        let actual = gdp
            .observations
            .iter_mut()
            .find(|o| o.year == 2023)
            .unwrap();
        actual.growth_pct = Some(growth);
        actual.quote = format!("实现地区生产总值5576.3亿元，比上年增长{growth}%");
        let path = dir.join(name);
        std::fs::write(&path, serde_json::to_string(&data).unwrap()).unwrap();
        out.push(path);
    }
    out
}

#[test]
fn the_details_panel_shows_both_figures_of_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let files = conflicting(dir.path());
    let mut harness = app_with(files.clone());
    assert_eq!(harness.state().regions.len(), 1);
    assert_eq!(harness.state().regions[0].conflicts.len(), 1);
    harness.state_mut().details = Some("gdp".into());
    harness.run();
    harness.get_by_label_contains("两份文件数字不一致");
    // The later file's figure is shown, in the conflict and in the card below it; the
    // earlier one only in the conflict.
    let quote = |growth: &str| format!("「实现地区生产总值5576.3亿元，比上年增长{growth}%」");
    assert_eq!(harness.query_all_by_label(&quote("3.4")).count(), 2);
    harness.get_by_label(&quote("3.1"));
    harness.get_by_label(&format!(
        "采用：5576.3 亿元 (+3.4%) · 文件：{}",
        files[1].display()
    ));
    harness.get_by_label(&format!(
        "未采用：5576.3 亿元 (+3.1%) · 文件：{}",
        files[0].display()
    ));
}

/// `gwr-charts export --view compare ARGS --data (the four cities) --out OUT`.
fn export_compare(args: &[&str], out: &std::path::Path) -> std::process::Output {
    let mut cmd = Command::cargo_bin("gwr-charts").unwrap();
    cmd.args(["export", "--view", "compare"]).args(args);
    for file in four_cities() {
        cmd.arg("--data").arg(file);
    }
    cmd.arg("--out").arg(out).output().unwrap()
}

#[test]
fn export_view_compare_writes_a_png_of_every_region() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("compare.png");
    let result = export_compare(&["--indicator", "GDP", "--lang", "en"], &out);
    assert!(result.status.success(), "{result:?}");
    let image = image::open(&out).unwrap();
    assert_eq!((image.width(), image.height()), (1920, 1080));

    // Its numbers too: one row per region, in chart order, result and target side by side.
    let csv_path = dir.path().join("compare.csv");
    let result = export_compare(&["--indicator", "地区生产总值"], &csv_path);
    assert!(result.status.success(), "{result:?}");
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let collection = gwr_charts::open::open_paths(&four_cities()).unwrap();
    let table =
        gwr_charts::compare::compare_rows(&collection.regions, "GDP", None, Sort::Target).unwrap();
    let growth = |o: &Option<gwr_charts::model::Observation>| {
        o.as_ref().and_then(|o| o.growth_pct).map(|g| g.to_string())
    };
    let expected: Vec<(String, Option<String>, Option<String>)> = table
        .rows
        .iter()
        .map(|r| (r.region_zh.clone(), growth(&r.actual), growth(&r.target)))
        .collect();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let cell = |r: &csv::StringRecord, k: usize| Some(r[k].to_owned()).filter(|c| !c.is_empty());
    let found: Vec<(String, Option<String>, Option<String>)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), 19);
            (r[0].to_owned(), cell(&r, 7), cell(&r, 12))
        })
        .collect();
    assert_eq!(found, expected, "{csv}");
    assert_eq!(found.len(), 4);
}

#[test]
fn export_view_compare_of_an_unknown_indicator_names_those_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("compare.png");
    let result = export_compare(&["--indicator", "粮食产量"], &out);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("粮食产量"), "{stderr}");
    assert!(stderr.contains("地区生产总值 (4)"), "{stderr}");
    assert!(!out.exists());

    // Without --indicator: the same list.
    let result = export_compare(&[], &out);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("--indicator"), "{stderr}");
    assert!(stderr.contains("地区生产总值 (4)"), "{stderr}");
}

#[test]
fn the_export_preview_draws_the_compare_table_and_follows_its_choice() {
    let mut harness = app_with(four_cities());
    press(&mut harness, AppCommand::ShowView(View::Compare));
    let app = harness.state_mut();
    assert_eq!(app.refresh_export_image(), Ok(true));
    // Kept while nothing changes; made again when the order changes.
    assert_eq!(app.refresh_export_image(), Ok(false));
    app.state.compare.sort = Sort::Official;
    assert_eq!(app.refresh_export_image(), Ok(true));
    let (settings, _, image) = app.export.image.as_ref().unwrap();
    assert_eq!(settings.spec.view, View::Compare);
    assert_eq!(
        image.size,
        [settings.width as usize, settings.height as usize]
    );
}
