//! Merging two years' reports of one region, and judging last year's targets.
//!
//! beihe-2023 sets targets for 2023; beihe-2024 reports the 2023 results and sets 2024
//! targets. Planted in beihe-2024: targets met (地区生产总值, 规模以上工业增加值, …),
//! missed (一般公共预算收入 4.1% < 5%, 实际使用外资 8% < 10%, 规模以上工业企业营业收入
//! 6.9% < 8%), one at_most target met (城镇调查失业率 5.2% ≤ 5.5%), one about target
//! narrowly missed (亿元以上项目投资 2460 against 2500亿元左右), and a restated 2022 figure
//! (森林覆盖率 41.1% revised to 41.2%).

use gwr_charts::extract::extract;
use gwr_charts::merge::{MergeError, merge};
use gwr_charts::model::{
    self, Category, Dataset, Indicator, Kind, Observation, Qualifier, Report, SCHEMA_VERSION,
};
use gwr_charts::outcome::{Outcome, outcomes, target_outcome};

const B23: &str = "tests/reports/beihe-2023.txt";
const B24: &str = "tests/reports/beihe-2024.txt";

fn report(path: &str) -> Dataset {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    extract(&text, path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Merges reports in this order, each named after its title (so that the names follow the
/// reports when the order changes).
fn merge_all(reports: &[Dataset]) -> Result<Dataset, MergeError> {
    let names: Vec<String> = reports
        .iter()
        .map(|d| format!("{}.json", d.report.title_zh))
        .collect();
    let parts: Vec<(&str, &Dataset)> = names.iter().map(String::as_str).zip(reports).collect();
    merge(&parts).map(|m| m.data)
}

fn beihe() -> (Dataset, Dataset) {
    (report(B23), report(B24))
}

fn merged() -> Dataset {
    let (a, b) = beihe();
    merge_all(&[a, b]).expect("two reports merge")
}

/// The one indicator of that name; two would mean the merge failed to match them.
fn named<'a>(data: &'a Dataset, name: &str) -> &'a Indicator {
    let found: Vec<&Indicator> = data
        .indicators
        .iter()
        .filter(|i| i.name_zh == name)
        .collect();
    assert_eq!(found.len(), 1, "{name}: {found:#?}");
    found[0]
}

fn numbers(ind: &Indicator, year: i32, kind: Kind) -> (Option<f64>, Option<f64>, Qualifier) {
    let o = ind
        .observation(year, kind)
        .unwrap_or_else(|| panic!("{} has no {year} {kind:?}", ind.name_zh));
    (o.value, o.growth_pct, o.qualifier)
}

fn assert_valid(data: &Dataset) {
    let json = serde_json::to_string(data).expect("serializes");
    let back = model::load_str("merged.json", &json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&back, data);
}

#[test]
fn the_fictional_reports_extract_as_planted() {
    let (a, b) = beihe();
    assert_eq!(a.years(), (2022, 2023));
    assert_eq!(b.years(), (2023, 2024));
    assert_eq!(b.report.title_zh, "北河市2024年政府工作报告");
    assert_eq!(b.report.region_zh, a.report.region_zh);
}

#[test]
fn indicators_are_matched_by_name_across_years() {
    let (a, b) = beihe();
    let m = merged();
    for name in [
        "地区生产总值",
        "一般公共预算收入",
        "规模以上工业增加值",
        "城镇调查失业率",
        "居民消费价格",
        "居民人均可支配收入",
        "规模以上工业企业营业收入",
        "新增规模以上工业企业",
        "亿元以上项目",
        "亿元以上项目投资",
        "实际使用外资",
        "进出口总额",
        "社会消费品零售总额",
        "城镇新增就业",
        "中小学、幼儿园",
        "学位",
        "森林覆盖率",
    ] {
        let ind = named(&m, name);
        // A matched indicator keeps the latest report's id.
        assert_eq!(ind.id, named(&b, name).id, "{name}");
        named(&a, name);
    }
    // Only in the older report: kept, after the latest report's indicators, with a fresh id.
    let latest: Vec<&str> = b.indicators.iter().map(|i| i.id.as_str()).collect();
    let ids: Vec<&str> = m.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(&ids[..latest.len()], &latest[..]);
    let car = named(&m, "汽车制造业增加值");
    assert!(ids.iter().position(|&i| i == car.id) >= Some(latest.len()));
    assert!(!latest.contains(&car.id.as_str()), "{}", car.id);
    named(&m, "固定资产投资");
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}

#[test]
fn one_indicator_runs_through_every_year() {
    let m = merged();
    let gdp = named(&m, "地区生产总值");
    let keys: Vec<(i32, Kind)> = gdp.observations.iter().map(|o| (o.year, o.kind)).collect();
    use Kind::{Actual as A, Target as T};
    assert_eq!(keys, [(2022, A), (2023, A), (2023, T), (2024, T)]);
    assert_eq!(
        numbers(gdp, 2022, A),
        (Some(7695.8), Some(1.5), Qualifier::Exact)
    );
    assert_eq!(numbers(gdp, 2023, T), (None, Some(6.0), Qualifier::AtLeast));
    assert_eq!(
        numbers(gdp, 2023, A),
        (Some(8230.5), Some(6.3), Qualifier::Exact)
    );
    assert_eq!(numbers(gdp, 2024, T), (None, Some(5.5), Qualifier::About));
    assert!(gdp.headline);
    // A growth-only indicator without a unit (2023: a qualitative target) meets its
    // 2023 result in 元 and takes that unit.
    let income = named(&m, "居民人均可支配收入");
    assert_eq!(income.unit_zh, "元");
    assert_eq!(
        numbers(income, 2023, A),
        (Some(42350.0), Some(5.9), Qualifier::Exact)
    );
    assert!(
        income
            .observation(2023, T)
            .is_some_and(|o| o.is_qualitative())
    );
}

#[test]
fn the_later_report_wins_a_restated_figure() {
    let (a, b) = beihe();
    let forest_2023 = named(&a, "森林覆盖率");
    assert_eq!(numbers(forest_2023, 2022, Kind::Actual).0, Some(41.1));
    for m in [
        merge_all(&[a.clone(), b.clone()]).expect("merges"),
        merge_all(&[b, a]).expect("merges"),
    ] {
        let forest = named(&m, "森林覆盖率");
        let revised = forest.observation(2022, Kind::Actual).expect("2022");
        assert_eq!(revised.value, Some(41.2));
        assert!(revised.quote.contains("41.2%"), "{}", revised.quote);
        // What only the older report says is kept.
        assert_eq!(numbers(forest, 2021, Kind::Actual).0, Some(40.2));
        assert_eq!(numbers(forest, 2024, Kind::Target).0, Some(42.0));
    }
}

#[test]
fn last_years_targets_met_missed_or_roughly_met() {
    let m = merged();
    let got: Vec<(&str, i32, Outcome)> = outcomes(&m)
        .into_iter()
        .map(|(id, year, o)| {
            let name = m.indicator(&id).map(|i| i.name_zh.as_str()).unwrap_or("?");
            (name, year, o)
        })
        .collect();
    use Outcome::{Met, Missed, RoughlyMet};
    let mut expected = vec![
        ("地区生产总值", 2023, Met),
        ("一般公共预算收入", 2023, Missed),
        ("规模以上工业增加值", 2023, Met),
        ("城镇调查失业率", 2023, Met),
        ("规模以上工业企业营业收入", 2023, Missed),
        ("新增规模以上工业企业", 2023, Met),
        ("亿元以上项目", 2023, Met),
        ("亿元以上项目投资", 2023, RoughlyMet),
        ("实际使用外资", 2023, Missed),
        ("城镇新增就业", 2023, Met),
        ("中小学、幼儿园", 2023, Met),
        ("学位", 2023, Met),
    ];
    // Order is the dataset's; compare as sets, then check the order separately.
    let mut sorted = got.clone();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    expected.sort_by(|a, b| a.0.cmp(b.0));
    assert_eq!(sorted, expected, "{got:#?}");
    let order: Vec<&str> = m
        .indicators
        .iter()
        .map(|i| i.name_zh.as_str())
        .filter(|n| got.iter().any(|g| g.0 == *n))
        .collect();
    assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), order);
    // No actual for 居民消费价格; a qualitative target for 居民人均可支配收入; nothing for
    // 2024, which has no results yet.
    let cpi = named(&m, "居民消费价格");
    assert_eq!(target_outcome(cpi, 2023), None);
    let income = named(&m, "居民人均可支配收入");
    assert_eq!(target_outcome(income, 2023), None);
    assert!(!got.iter().any(|g| g.1 == 2024));
    // Each report alone answers nothing: targets and results are a year apart.
    let (a, b) = beihe();
    assert!(outcomes(&a).is_empty());
    assert!(outcomes(&b).is_empty());
}

#[test]
fn merged_dataset_validates_and_names_its_sources() {
    let m = merged();
    assert_valid(&m);
    assert_eq!(m.report.title_zh, "北河市2024年政府工作报告（合并2份报告）");
    assert_eq!(m.report.title_en, None);
    assert_eq!(m.report.region_zh, "北河市");
    assert_eq!(m.report.source.as_deref(), Some(&*format!("{B23}; {B24}")));
    assert_eq!(m.years(), (2023, 2024));
}

#[test]
fn the_order_of_the_reports_does_not_matter() {
    let (a, b) = beihe();
    let ab = merge_all(&[a.clone(), b.clone()]).expect("merges");
    assert_eq!(ab, merge_all(&[b, a]).expect("merges"));
    assert_valid(&ab);
    assert!(ab.report.title_zh.ends_with("（合并2份报告）"));
}

#[test]
fn reports_of_different_regions_are_never_merged() {
    let (a, _) = beihe();
    let h = Dataset::bundled();
    assert_eq!(
        merge_all(&[a, h]),
        Err(MergeError::Regions {
            first: "北河市".into(),
            first_file: "北河市2023年政府工作报告.json".into(),
            other: "哈尔滨市".into(),
            other_file: "2024年哈尔滨市政府工作报告.json".into(),
        })
    );
}

#[test]
fn merging_harbin_with_itself_changes_only_the_title_and_names_the_files() {
    let h = Dataset::bundled();
    let m = merge(&[("a.json", &h), ("b.json", &h)]).expect("merges");
    // The same figures twice are no conflict.
    assert_eq!(m.conflicts, []);
    let mut m = m.data;
    assert_eq!(
        m.report.title_zh,
        format!("{}（合并2份报告）", h.report.title_zh)
    );
    assert_eq!(
        m.report.title_en,
        h.report
            .title_en
            .as_ref()
            .map(|t| format!("{t} (2 reports merged)"))
    );
    assert_valid(&m);
    // Every figure names its file: the later of one plan year, whose figures are shown.
    for obs in m.indicators.iter_mut().flat_map(|i| &mut i.observations) {
        assert_eq!(obs.source_file.take().as_deref(), Some("b.json"));
    }
    assert_eq!(m.indicators, h.indicators);
    let mut report = m.report.clone();
    report.title_zh = h.report.title_zh.clone();
    report.title_en = h.report.title_en.clone();
    assert_eq!(report, h.report);
}

#[test]
fn one_report_is_unchanged_and_none_is_refused() {
    let h = Dataset::bundled();
    assert_eq!(merge_all(std::slice::from_ref(&h)), Ok(h));
    assert_eq!(merge_all(&[]), Err(MergeError::Empty));
}

/// Two files of one region and one plan year that disagree: the later file wins and the
/// conflict names both figures and files. A restated figure of a later year is no conflict.
#[test]
fn same_year_disagreements_are_conflicts() {
    let (_, b) = beihe();
    let mut revised = b.clone();
    let gdp = revised
        .indicators
        .iter_mut()
        .find(|i| i.name_zh == "地区生产总值")
        .unwrap();
    let actual = gdp
        .observations
        .iter_mut()
        .find(|o| o.year == 2023 && o.kind == Kind::Actual)
        .unwrap();
    let original = actual.clone();
    actual.value = Some(8300.0);
    actual.quote = "地区生产总值8300亿元".into();
    // Another wording of the same figures is not a conflict.
    let other = revised
        .indicators
        .iter_mut()
        .find(|i| i.name_zh != "地区生产总值")
        .unwrap();
    other.observations[0].quote.push('。');
    for (first, second, shown, set_aside) in [
        (
            ("old.json", &b),
            ("new.json", &revised),
            Some(8300.0),
            original.value,
        ),
        (
            ("new.json", &revised),
            ("old.json", &b),
            original.value,
            Some(8300.0),
        ),
    ] {
        let m = merge(&[first, second]).expect("merges");
        assert_eq!(m.conflicts.len(), 1, "{:#?}", m.conflicts);
        let c = &m.conflicts[0];
        assert_eq!(
            (c.name_zh.as_str(), c.year, c.kind),
            ("地区生产总值", 2023, Kind::Actual)
        );
        assert_eq!((c.kept.value, c.dropped.value), (shown, set_aside));
        assert_eq!(c.kept.source_file.as_deref(), Some(second.0));
        assert_eq!(c.dropped.source_file.as_deref(), Some(first.0));
        let gdp = m.data.indicator(&c.indicator).unwrap();
        assert_eq!(gdp.observation(2023, Kind::Actual), Some(&c.kept));
    }
    // Last year's report says 2022 GDP was one thing, this year's restates it: no conflict.
    let (a, b) = beihe();
    assert_eq!(
        merge(&[("a.json", &a), ("b.json", &b)]).unwrap().conflicts,
        []
    );
}

fn obs(
    year: i32,
    kind: Kind,
    value: Option<f64>,
    growth: Option<f64>,
    q: Qualifier,
) -> Observation {
    Observation {
        year,
        kind,
        value,
        growth_pct: growth,
        qualifier: q,
        quote: "原文".into(),
        derived: None,
        source_file: None,
        value_high: None,
        growth_pct_high: None,
        change: None,
    }
}

fn ind(id: &str, name: &str, unit: &str, observations: Vec<Observation>) -> Indicator {
    let mut indicator = Indicator::new(id, name, Category::Economy, unit);
    indicator.observations = observations;
    indicator
}

fn dataset(title: &str, indicators: Vec<Indicator>) -> Dataset {
    Dataset {
        schema_version: SCHEMA_VERSION,
        report: Report {
            title_zh: title.into(),
            title_en: Some(title.into()),
            region_zh: "某市".into(),
            region_en: None,
            source: None,
            review_year: None,
            plan_year: None,
            source_file: None,
            source_format: None,
            draft: false,
            level: None,
        },
        indicators,
    }
}

use Kind::{Actual, Target};
use Qualifier::{About, AtLeast, AtMost, Exact, MoreThan};

#[test]
fn a_unit_mismatch_keeps_two_indicators() {
    let old = dataset(
        "2023",
        vec![
            ind(
                "retail",
                "社会消费品零售总额",
                "亿元",
                vec![obs(2023, Target, Some(4200.0), None, About)],
            ),
            ind(
                "schools",
                "中小学、幼儿园",
                "所",
                vec![obs(2022, Actual, Some(32.0), None, Exact)],
            ),
        ],
    );
    let new = dataset(
        "2024",
        vec![
            ind(
                "retail",
                "社会消费品零售总额",
                "万亿元",
                vec![obs(2024, Target, Some(0.45), None, About)],
            ),
            // Spaces and half-width punctuation do not make another indicator.
            ind(
                "schools",
                " 中小学, 幼儿园 ",
                "所",
                vec![obs(2023, Actual, Some(22.0), None, Exact)],
            ),
        ],
    );
    let m = merge_all(&[new, old]).expect("merges");
    let ids: Vec<&str> = m.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["retail", "schools", "retail_2"]);
    assert_eq!(m.indicators[0].unit_zh, "万亿元");
    assert_eq!(m.indicators[2].unit_zh, "亿元");
    assert_eq!(m.indicators[1].observations.len(), 2);
    assert_eq!(
        m.report.title_en.as_deref(),
        Some("2024 (2 reports merged)")
    );
    assert_valid(&m);
}

#[test]
fn flags_and_notes_are_combined() {
    let mut old = ind(
        "a",
        "地区生产总值",
        "亿元",
        vec![obs(2023, Target, None, Some(6.0), About)],
    );
    old.headline = true;
    old.comparable = false;
    old.note_zh = Some("口径调整".into());
    let mut new = ind(
        "gdp",
        "地区生产总值",
        "亿元",
        vec![obs(2023, Actual, Some(100.0), Some(5.8), Exact)],
    );
    new.note_zh = Some("初步核算".into());
    new.name_en = Some("GDP".into());
    // Ids only in the older report are suffixed when the latest report already uses them.
    let clash = ind(
        "gdp",
        "粮食产量",
        "亿斤",
        vec![obs(2022, Actual, Some(1.0), None, Exact)],
    );
    let m = merge_all(&[
        dataset("2023", vec![old, clash]),
        dataset(
            "2024",
            vec![
                new,
                ind(
                    "x",
                    "其他",
                    "个",
                    vec![obs(2024, Target, Some(3.0), None, Exact)],
                ),
            ],
        ),
    ])
    .expect("merges");
    let gdp = &m.indicators[0];
    assert_eq!(gdp.id, "gdp");
    assert!(gdp.headline);
    assert!(!gdp.comparable);
    assert_eq!(gdp.note_zh.as_deref(), Some("初步核算；口径调整"));
    assert_eq!(gdp.name_en.as_deref(), Some("GDP"));
    assert_eq!(m.indicators[2].id, "gdp_2");
    // Not comparable: the met-or-missed question is not asked.
    assert_eq!(target_outcome(gdp, 2023), None);
    assert_valid(&m);
}

/// One indicator with a target and an actual for 2023.
fn pair(target: Observation, actual: Observation) -> Indicator {
    ind("t", "指标", "亿元", vec![actual, target])
}

fn outcome_growth(q: Qualifier, target: f64, actual: f64) -> Option<Outcome> {
    target_outcome(
        &pair(
            obs(2023, Target, None, Some(target), q),
            obs(2023, Actual, None, Some(actual), Exact),
        ),
        2023,
    )
}

fn outcome_value(q: Qualifier, target: f64, actual: f64) -> Option<Outcome> {
    target_outcome(
        &pair(
            obs(2023, Target, Some(target), None, q),
            obs(2023, Actual, Some(actual), None, Exact),
        ),
        2023,
    )
}

#[test]
fn each_qualifier_decides_as_documented() {
    use Outcome::{Met, Missed, RoughlyMet};
    for q in [Exact, AtLeast] {
        assert_eq!(outcome_growth(q, 6.0, 6.0), Some(Met), "{q:?}");
        assert_eq!(outcome_growth(q, 6.0, 6.3), Some(Met), "{q:?}");
        assert_eq!(outcome_growth(q, 6.0, 5.9), Some(Missed), "{q:?}");
        assert_eq!(outcome_value(q, 200.0, 199.0), Some(Missed), "{q:?}");
    }
    assert_eq!(outcome_value(MoreThan, 15.0, 15.0), Some(Missed));
    assert_eq!(outcome_value(MoreThan, 15.0, 15.1), Some(Met));
    assert_eq!(outcome_value(AtMost, 5.5, 5.5), Some(Met));
    assert_eq!(outcome_value(AtMost, 5.5, 5.2), Some(Met));
    assert_eq!(outcome_value(AtMost, 5.5, 5.6), Some(Missed));
    assert_eq!(outcome_growth(AtMost, 3.0, 3.4), Some(Missed));
    // About: at or above is met; within 0.5 points (growth) or 2% (values) below is rough.
    assert_eq!(outcome_growth(About, 6.0, 6.0), Some(Met));
    assert_eq!(outcome_growth(About, 6.0, 5.5), Some(RoughlyMet));
    assert_eq!(outcome_growth(About, 6.0, 5.4), Some(Missed));
    assert_eq!(outcome_value(About, 2500.0, 2550.0), Some(Met));
    assert_eq!(outcome_value(About, 2500.0, 2450.0), Some(RoughlyMet));
    assert_eq!(outcome_value(About, 2500.0, 2449.0), Some(Missed));
    // Rough is for about-targets only.
    assert_eq!(outcome_growth(Exact, 6.0, 5.8), Some(Missed));
    assert_eq!(outcome_value(AtLeast, 2500.0, 2490.0), Some(Missed));
    // A cut (下降3%) is met by cutting at least as much.
    assert_eq!(outcome_growth(Exact, -3.0, -3.2), Some(Met));
    assert_eq!(outcome_growth(Exact, -3.0, -2.0), Some(Missed));
    assert_eq!(outcome_growth(About, -3.0, -2.6), Some(RoughlyMet));
}

#[test]
fn growth_is_compared_before_value() {
    // The value beats the target (a level), but the growth rate falls short.
    let both = pair(
        obs(2023, Target, Some(100.0), Some(6.0), AtLeast),
        obs(2023, Actual, Some(120.0), Some(5.0), Exact),
    );
    assert_eq!(target_outcome(&both, 2023), Some(Outcome::Missed));
    // Growth on one side only: the values decide.
    let values = pair(
        obs(2023, Target, Some(100.0), Some(6.0), AtLeast),
        obs(2023, Actual, Some(120.0), None, Exact),
    );
    assert_eq!(target_outcome(&values, 2023), Some(Outcome::Met));
}

#[test]
fn no_outcome_without_something_to_compare() {
    let t = obs(2023, Target, None, Some(6.0), AtLeast);
    let a = obs(2023, Actual, None, Some(6.5), Exact);
    let good = pair(t.clone(), a.clone());
    assert_eq!(target_outcome(&good, 2023), Some(Outcome::Met));
    // Another year, no target, no actual.
    assert_eq!(target_outcome(&good, 2024), None);
    assert_eq!(
        target_outcome(&ind("t", "指标", "", vec![a.clone()]), 2023),
        None
    );
    assert_eq!(
        target_outcome(&ind("t", "指标", "", vec![t.clone()]), 2023),
        None
    );
    // A target for one year and a result for another are not a pair.
    let apart = ind(
        "t",
        "指标",
        "",
        vec![t.clone(), obs(2022, Actual, None, Some(9.0), Exact)],
    );
    assert_eq!(target_outcome(&apart, 2023), None);
    // Growth target, value-only actual: no shared number.
    let unshared = pair(t.clone(), obs(2023, Actual, Some(42.0), None, Exact));
    assert_eq!(target_outcome(&unshared, 2023), None);
    // Not comparable.
    let mut incomparable = good.clone();
    incomparable.comparable = false;
    assert_eq!(target_outcome(&incomparable, 2023), None);
    // Qualitative target.
    let qualitative = pair(obs(2023, Target, None, None, Exact), a.clone());
    assert_eq!(target_outcome(&qualitative, 2023), None);
    // Numbers that are not numbers never panic and answer nothing.
    let nan = pair(obs(2023, Target, None, Some(f64::NAN), About), a);
    assert_eq!(target_outcome(&nan, 2023), None);
    let inf = pair(t, obs(2023, Actual, None, Some(f64::INFINITY), Exact));
    assert_eq!(target_outcome(&inf, 2023), None);
    // outcomes() lists only the answered pairs.
    let data = dataset("x", vec![good, incomparable, qualitative, apart]);
    assert_eq!(outcomes(&data), [("t".to_owned(), 2023, Outcome::Met)]);
}

#[test]
fn odd_inputs_do_not_panic() {
    let weird = dataset(
        "x",
        vec![
            ind("a", "", "", vec![]),
            ind("a", "", "", vec![obs(i32::MAX, Actual, None, None, Exact)]),
            ind(
                "a_2",
                "",
                "",
                vec![obs(i32::MIN, Target, Some(f64::NAN), None, About)],
            ),
        ],
    );
    let empty = dataset("", vec![]);
    for m in [
        merge_all(&[weird.clone(), empty.clone()]),
        merge_all(&[empty.clone(), weird.clone(), weird.clone()]),
        merge_all(&[empty.clone(), empty]),
    ] {
        let m = m.expect("merges");
        let mut ids: Vec<&str> = m.indicators.iter().map(|i| i.id.as_str()).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "ids stay unique");
        outcomes(&m);
    }
}
