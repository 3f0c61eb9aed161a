//! `extract`, `list --data` with reports, and opening a report in the app, end to end.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use gwr_charts::GwrApp;
use gwr_charts::app::AppCommand;
use gwr_charts::model;

mod common;
use common::run;

#[test]
fn extract_prints_a_valid_dataset() {
    let (code, stdout, stderr) = run(["extract", "seeds/harbin-2024-government-work-report.txt"]);
    assert_eq!(code, 0, "{stderr}");
    let data = model::load_bytes("stdout", stdout.as_bytes()).unwrap();
    assert!(data.indicators.len() > 60);
    assert_eq!(data.years(), (2023, 2024));
}

/// `extract` says how many indicators it flagged for review, as many as the draft holds.
#[test]
fn extract_counts_the_flagged_indicators() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    let text = "北河市2024年政府工作报告\n一、2023年工作回顾\n2023年，全市地区生产总值增长5%。\n\
                二、2024年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。\
                今年先发行100亿元。\n";
    std::fs::write(&report, text).unwrap();
    let (code, stdout, stderr) = run(["extract", report.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let data = model::load_bytes("stdout", stdout.as_bytes()).unwrap();
    let (flagged, unclear) = data.flagged_count();
    let names: Vec<&str> = data.indicators.iter().map(|i| i.name_zh.as_str()).collect();
    assert!(unclear > 0, "先发行 names nothing: {names:?}");
    let said = format!("{flagged} flagged for review ({unclear} with an unclear name)");
    assert!(stderr.contains(&said), "{stderr}");
}

#[test]
fn extract_writes_atomically_and_check_accepts_it() {
    let (dir, out) = common::temp_path("beihe.json");
    let (code, _, stderr) = run([
        "extract",
        "tests/reports/beihe-2023.gbk.txt",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("a draft"), "{stderr}");
    let (code, _, stderr) = run(["check", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["beihe.json", "beihe.source.txt"],
        "a temporary file was left"
    );
}

#[test]
fn extract_refuses_what_is_not_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let (code, stdout, stderr) = run(["extract", empty.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with(&empty.display().to_string()) && stderr.contains("empty"),
        "{stderr}"
    );

    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xFF, 0xD8]).unwrap();
    let (code, _, stderr) = run(["extract", binary.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("not a report: it is a PNG image"),
        "{stderr}"
    );

    let (code, _, stderr) = run(["extract", "no/such/report.txt"]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("no/such/report.txt: cannot open"),
        "{stderr}"
    );
}

#[test]
fn list_reads_a_report_as_data() {
    let (code, stdout, stderr) = run(["list", "--data", "tests/reports/nanhu-2024.utf16le.txt"]);
    assert_eq!(code, 0, "{stderr}");
    let table = stdout;
    assert!(
        table.contains("2023 实际 actual") && table.contains("2024 目标 target"),
        "{table}"
    );
}

#[test]
fn opening_a_report_in_the_app_shows_a_draft() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| {
            GwrApp::with_autosave(cc, vec!["tests/reports/beihe-2023.txt".into()], None)
        });
    harness.run();
    let app = harness.state();
    assert!(app.ui.status.is_none(), "{:?}", app.ui.status);
    assert!(app.session.is_draft());
    assert_eq!(app.data().years(), (2022, 2023));
    // A draft opens in review mode; the charts are a command away.
    assert!(app.reviewing());
    harness.state_mut().push(AppCommand::Review);
    harness.run();
    let app = harness.state();
    assert!(!app.reviewing());
    assert!(!app.ui.drawn.is_empty());
    let zh = gwr_charts::i18n::Lang::Zh.texts();
    harness.get_by_label(zh.draft);
    harness.get_by_label_contains(zh.draft_note.trim_start_matches(" · "));
}

#[test]
fn two_reports_merge_and_say_whether_targets_were_met() {
    let (code, stdout, stderr) = run([
        "list",
        "--data",
        "tests/reports/beihe-2024.txt",
        "--data",
        "tests/reports/beihe-2023.txt",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let table = stdout;
    let row = |name: &str| {
        table
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} missing from\n{table}"))
            .to_owned()
    };
    assert!(row("地区生产总值").contains("8230.5 (+6.3%) ✓"), "{table}");
    assert!(row("一般公共预算收入").contains("750 (+4.1%) ×"), "{table}");
    assert!(row("亿元以上项目投资").contains("2460 ≈✓"), "{table}");

    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| {
            GwrApp::with_autosave(
                cc,
                vec![
                    "tests/reports/beihe-2023.txt".into(),
                    "tests/reports/beihe-2024.txt".into(),
                ],
                None,
            )
        });
    harness.run();
    assert!(
        harness.state().ui.status.is_none(),
        "{:?}",
        harness.state().ui.status
    );
    assert_eq!(harness.state().data().years(), (2023, 2024));
    harness.state_mut().push(AppCommand::Review);
    harness.state_mut().ui.details = Some("ind_001".into());
    harness.run();
    harness.get_by_label("✓ 2023年目标已完成");
    harness.get_by_label_contains("✓ 完成上年目标");

    // The trend runs from the implied 2021 level through the 2023 target to 2024.
    let data = harness.state().data().clone();
    let gdp = data.indicator("ind_001").unwrap();
    let pairs = gwr_charts::chart::pairs(&data, &[gdp]);
    let series = gwr_charts::chart::trend_series(&data, &pairs);
    let years: Vec<i32> = series[0].points.iter().map(|p| p.year).collect();
    assert_eq!(years, vec![2021, 2022, 2023, 2024]);
    assert_eq!(series[0].past_targets.len(), 1);
    assert_eq!(series[0].past_targets[0].1.year, 2023);
}

#[test]
fn extract_names_the_region_or_says_it_cannot() {
    let (code, stdout, stderr) = run(["extract", "seeds/harbin-2024-government-work-report.txt"]);
    assert_eq!(code, 0, "{stderr}");
    let data = model::load_bytes("stdout", stdout.as_bytes()).unwrap();
    assert_eq!(data.report.region_zh, "哈尔滨市");

    let (code, stdout, stderr) = run(["extract", "tests/reports/unnamed-2024.txt"]);
    assert_eq!(code, 0, "{stderr}");
    let data = model::load_bytes("stdout", stdout.as_bytes()).unwrap();
    assert_eq!(data.report.region_zh, gwr_charts::model::UNKNOWN_REGION);
    assert!(data.report.draft);
    assert!(
        stderr.contains("tests/reports/unnamed-2024.txt: the report names no region")
            && stderr.contains("--region"),
        "{stderr}"
    );

    let (code, stdout, stderr) = run([
        "extract",
        "tests/reports/unnamed-2024.txt",
        "--region",
        "柳州市",
        "--year",
        "2025",
    ]);
    assert_eq!(code, 0, "{stderr}");
    // No warning: only the draft's summary.
    assert!(
        stderr.lines().count() == 1 && stderr.contains("flagged for review"),
        "{stderr}"
    );
    let data = model::load_bytes("stdout", stdout.as_bytes()).unwrap();
    assert_eq!(data.report.region_zh, "柳州市");
    assert_eq!(
        (data.report.review_year, data.report.plan_year),
        (Some(2024), Some(2025))
    );

    for bad in [["--region", " "], ["--year", "12"]] {
        let mut args = vec!["extract", "tests/reports/unnamed-2024.txt"];
        args.extend(bad);
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 2, "{bad:?}: {stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(bad[0]), "{stderr}");
    }
}
