//! Issue 17's "done when": drafts of a national, a provincial and an autonomous-region report
//! (from the long fictional corpus) open in the window with the right region in its title and
//! their headline pairs, last year's result beside this year's target, in the growth view.

mod common;

use std::path::PathBuf;

use egui_kittest::kittest::Queryable;
use gwr_charts::chart::View;
use gwr_charts::model::Kind;

fn long(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reports/long")).join(name)
}

/// Opens the report and says how many drawn indicators pair last year's result with this
/// year's target; the GDP (under the name its level uses) must be one of them.
fn opens_with_pairs(file: &str, region: &str, gdp: &str) -> usize {
    let mut harness = common::app_with(vec![long(file)]);
    // A draft opens in review mode beside its text; the charts are one click away.
    harness.get_by_label("返回图表").click();
    harness.run();
    harness.state_mut().state.chart.view = View::Growth;
    harness.run();
    let app = harness.state();
    let data = app.data();
    assert_eq!(data.report.region_zh, region, "{file}");
    assert!(app.chart_spec().draft, "{file}: a report opens as a draft");
    let title = app.window_title();
    assert!(title.contains(region), "{file}: window title {title:?}");
    let (review, plan) = (data.report.review_year, data.report.plan_year);
    let paired: Vec<&str> = app
        .ui
        .drawn
        .iter()
        .filter_map(|id| data.indicator(id))
        .filter(|ind| {
            let has = |year: Option<i32>, kind| {
                year.and_then(|y| ind.observation(y, kind))
                    .is_some_and(|o| o.growth_pct.is_some())
            };
            has(review, Kind::Actual) && has(plan, Kind::Target)
        })
        .map(|ind| ind.name_zh.as_str())
        .collect();
    assert!(
        paired.contains(&gdp),
        "{file}: {gdp} not drawn as a pair; pairs drawn: {paired:?}, drawn: {:?}, ticked: {:?}, {} indicators",
        app.ui.drawn,
        app.ticked(),
        data.indicators.len()
    );
    paired.len()
}

#[test]
fn a_national_report_opens_as_china_with_its_pairs() {
    let pairs = opens_with_pairs("national-2026.txt", "全国", "国内生产总值");
    assert!(pairs >= 3, "{pairs} pairs");
}

#[test]
fn a_provincial_report_opens_as_its_province_with_its_pairs() {
    let pairs = opens_with_pairs("guangdong-2025.txt", "广东省", "地区生产总值");
    assert!(pairs >= 3, "{pairs} pairs");
}

#[test]
fn an_autonomous_region_opens_by_its_name_not_as_自治区() {
    let pairs = opens_with_pairs("ningxia-2025.gbk.txt", "宁夏回族自治区", "地区生产总值");
    assert!(pairs >= 3, "{pairs} pairs");
}
