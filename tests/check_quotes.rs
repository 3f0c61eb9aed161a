//! `gwr-charts check` finds every quote in the report text that `report.source` names
//! (relative to the dataset file), through the real binary.

use std::path::Path;

mod common;
use common::run;

fn check(path: &Path) -> (i32, String, String) {
    run(["check", path.to_str().unwrap()])
}

const TEXT: &str = "一、2023年工作回顾\n全市地区生产总值5576.3亿元，\n比上年增长3.1%。\n二、2024年目标\n地区生产总值增长6%左右。\n";

fn dataset(source: Option<&str>, quotes: [&str; 2]) -> String {
    serde_json::json!({
        "schema_version": 2,
        "report": {"title_zh": "测试报告", "region_zh": "某市", "source": source},
        "indicators": [{
            "id": "gdp", "name_zh": "地区生产总值", "category": "economy", "unit_zh": "亿元",
            "observations": [
                {"year": 2023, "kind": "actual", "value": 5576.3, "growth_pct": 3.1,
                 "qualifier": "exact", "quote": quotes[0]},
                {"year": 2024, "kind": "target", "value": null, "growth_pct": 6,
                 "qualifier": "about", "quote": quotes[1]}
            ]
        }]
    })
    .to_string()
}

/// The dataset in `data/`, its text in `texts/`: the source path is relative to the JSON.
fn write(dir: &Path, source: Option<&str>, quotes: [&str; 2]) -> std::path::PathBuf {
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::create_dir_all(dir.join("texts")).unwrap();
    std::fs::write(dir.join("texts/report.txt"), TEXT).unwrap();
    let json = dir.join("data/d.json");
    std::fs::write(&json, dataset(source, quotes)).unwrap();
    json
}

#[test]
fn quotes_in_the_text_pass_even_across_a_line_break() {
    let dir = tempfile::tempdir().unwrap();
    let json = write(
        dir.path(),
        Some("../texts/report.txt"),
        // The first quote runs over a line end of the text.
        [
            "全市地区生产总值5576.3亿元，比上年增长3.1%",
            "地区生产总值增长6%左右",
        ],
    );
    let (code, out, err) = check(&json);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("every quote found in the report text"),
        "{out}"
    );
}

#[test]
fn a_quote_not_in_the_text_is_an_error_naming_indicator_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let json = write(
        dir.path(),
        Some("../texts/report.txt"),
        ["全市地区生产总值5576.3亿元", "地区生产总值增长7%左右"],
    );
    let (code, _, err) = check(&json);
    assert_eq!(code, 1, "{err}");
    let expected = format!(
        "{}: indicator gdp: observations[1].quote: is not in the report text ../texts/report.txt",
        json.display()
    );
    assert!(err.contains(&expected), "{err}");
    assert!(!err.contains("observations[0]"), "{err}");
    assert!(err.contains("1 problem"), "{err}");
}

#[test]
fn a_missing_text_is_said_but_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    // Relative to the working directory it would be found; relative to the JSON it is not.
    let json = write(
        dir.path(),
        Some("texts/report.txt"),
        ["全市地区生产总值5576.3亿元", "不在报告里的话"],
    );
    let (code, out, err) = check(&json);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("quotes not checked"), "{err}");
    assert!(err.contains("is not there"), "{err}");
    assert!(out.contains("quotes not checked"), "{out}");

    let json = write(dir.path(), None, ["甲", "乙"]);
    let (code, _, err) = check(&json);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("names no report text"), "{err}");
}

#[test]
fn the_bundled_dataset_has_every_quote_in_its_seed() {
    let (code, out, err) = run(["check", "assets/indicators.json"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("every quote found in the report text"),
        "{out}"
    );
}

#[test]
fn a_fresh_draft_passes_against_the_text_extract_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.json");
    for report in [
        "seeds/harbin-2024-government-work-report.txt",
        "tests/reports/beihe-2023.gbk.txt",
    ] {
        let (code, _, err) = run(["extract", report, "--out", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        let (code, stdout, err) = check(&out);
        assert_eq!(code, 0, "{report}: {err}");
        assert!(
            stdout.contains("every quote found in the report text"),
            "{report}: {stdout}"
        );
    }
}
