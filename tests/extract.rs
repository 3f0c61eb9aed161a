//! The extractor: measured against the curated Harbin dataset, exact on small reports of
//! other shapes and encodings, and never panicking or producing an invalid dataset.
//!
//! `cargo test --test extract -- --nocapture` prints the Harbin recall and precision.

use gwr_charts::extract::{self, ExtractError};
use gwr_charts::model::{self, Dataset, Kind, Observation, Qualifier};
use proptest::prelude::*;

const HARBIN: &str = include_str!("../seeds/harbin-2024-government-work-report.txt");
const HARBIN_SOURCE: &str = "seeds/harbin-2024-government-work-report.txt";
/// Fictional reports written for these tests (made-up cities and figures), in phrasings the
/// Harbin report does not use.
const BEIHE: &str = include_str!("reports/beihe-2023.txt");
const NANHU: &str = include_str!("reports/nanhu-2024.txt");
const BEIHE_GBK: &[u8] = include_bytes!("reports/beihe-2023.gbk.txt");
const NANHU_UTF16LE: &[u8] = include_bytes!("reports/nanhu-2024.utf16le.txt");

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9
}

/// `a` is matched by `b`: same year and kind, and every number `a` has is equal in `b`.
fn matches(a: &Observation, b: &Observation) -> bool {
    a.year == b.year
        && a.kind == b.kind
        && !a.is_qualitative()
        && a.value.is_none_or(|v| b.value.is_some_and(|w| same(v, w)))
        && a.growth_pct
            .is_none_or(|v| b.growth_pct.is_some_and(|w| same(v, w)))
}

fn numeric(data: &Dataset) -> Vec<(&str, &Observation)> {
    data.indicators
        .iter()
        .flat_map(|i| i.observations.iter().map(move |o| (i.name_zh.as_str(), o)))
        .filter(|(_, o)| !o.is_qualitative())
        .collect()
}

/// The dataset survives JSON and passes the loader's validation; every quote is verbatim.
fn assert_valid(data: &Dataset, text: &str) {
    let json = serde_json::to_string_pretty(data).expect("serializes");
    let back = model::load_str("extracted.json", &json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&back, data);
    for ind in &data.indicators {
        for o in &ind.observations {
            assert!(
                text.contains(&o.quote),
                "{}: quote not verbatim: {}",
                ind.id,
                o.quote
            );
        }
    }
}

/// Real figures in the Harbin report that the curated dataset leaves out, each a count the
/// report states as a fact of 2023. (year, kind, value, words of the quote)
const HARBIN_ALLOWED: &[(i32, Kind, f64, &str)] = &[
    // A policy package of 30 measures (经济整体好转30条): a count of measures adopted.
    (2023, Kind::Actual, 30.0, "经济整体好转30条"),
    // Its companion package of 40 measures for the private economy (民营经济40条).
    (2023, Kind::Actual, 40.0, "民营经济40条"),
    // The 30-measure talent policy (人才新政30条), also a count of measures adopted.
    (2023, Kind::Actual, 30.0, "人才新政30条"),
];

#[test]
fn harbin_recall_and_precision() {
    let got = extract::extract(HARBIN, HARBIN_SOURCE).expect("extracts");
    let curated = model::load_str(model::BUNDLED_NAME, model::BUNDLED_JSON).expect("loads");
    assert_valid(&got, HARBIN);
    let want = numeric(&curated);
    let have = numeric(&got);

    let mut missed = Vec::new();
    for (name, w) in &want {
        // An increment the curated file lists as a figure of its own (净增…530户) is kept as
        // the change of the level the sentence gives next (总量达2832户): schema 2's `change`.
        let as_change = |g: &Observation| {
            g.year == w.year
                && g.kind == w.kind
                && g.quote.contains(&w.quote)
                && w.value
                    .is_some_and(|v| g.change.is_some_and(|c| same(v, c)))
        };
        if !have.iter().any(|(_, g)| matches(w, g) || as_change(g)) {
            missed.push(format!("{name} {} {:?}: {}", w.year, w.kind, w.quote));
        }
    }
    let mut wrong = Vec::new();
    let mut allowed = 0;
    for (name, g) in &have {
        if want.iter().any(|(_, w)| matches(g, w)) {
            continue;
        }
        let listed = HARBIN_ALLOWED.iter().any(|(year, kind, value, words)| {
            g.year == *year
                && g.kind == *kind
                && g.value.is_some_and(|v| same(v, *value))
                && g.quote.contains(words)
        });
        if listed {
            allowed += 1;
        } else {
            wrong.push(format!("{name} {} {:?}: {}", g.year, g.kind, g.quote));
        }
    }
    let recall = (want.len() - missed.len()) as f64 / want.len() as f64;
    let precision = (have.len() - wrong.len()) as f64 / have.len() as f64;
    println!(
        "Harbin extraction: recall {:.1}% ({} of {} curated numeric observations), \
         precision {:.1}% ({} of {} extracted; {} of them on the allow-list)",
        recall * 100.0,
        want.len() - missed.len(),
        want.len(),
        precision * 100.0,
        have.len() - wrong.len(),
        have.len(),
        allowed
    );
    for m in &missed {
        println!("  missed: {m}");
    }
    for w in &wrong {
        println!("  not curated: {w}");
    }
    assert!(recall >= 0.9, "recall {recall}");
    assert!(precision >= 0.8, "precision {precision}");
}

#[test]
fn harbin_years_headline_and_joins() {
    let got = extract::extract(HARBIN, HARBIN_SOURCE).expect("extracts");
    assert_eq!(got.years(), (2023, 2024));
    assert_eq!(got.report.source.as_deref(), Some(HARBIN_SOURCE));
    let headline: Vec<&str> = got
        .indicators
        .iter()
        .filter(|i| i.headline)
        .map(|i| i.name_zh.as_str())
        .collect();
    assert_eq!(
        headline,
        [
            "地区生产总值",
            "社会消费品零售总额",
            "进出口总额",
            "城乡居民人均可支配收入",
            "规模以上工业增加值",
            "固定资产投资"
        ]
    );
    let gdp = &got.indicators[0];
    assert_eq!(gdp.unit_zh, "亿元");
    let actual = gdp.observation(2023, Kind::Actual).expect("2023 result");
    assert_eq!((actual.value, actual.growth_pct), (Some(5576.3), Some(3.1)));
    let target = gdp.observation(2024, Kind::Target).expect("2024 target");
    assert_eq!(
        (target.growth_pct, target.qualifier),
        (Some(6.0), Qualifier::About)
    );
    assert_eq!(target.quote, "地区生产总值增长6%左右");
    // Joined across the years under one name though the verbs differ.
    for name in ["粮食产量", "城镇新增就业", "实际利用内资", "对俄进出口总额"]
    {
        let ind = got.indicators.iter().find(|i| i.name_zh == name);
        let ind = ind.unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(ind.observations.len(), 2, "{name}");
    }
    let ids: std::collections::HashSet<&str> =
        got.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), got.indicators.len());
}

/// (name, year, kind, value, growth_pct, qualifier, headline)
type Row = (
    &'static str,
    i32,
    Kind,
    Option<f64>,
    Option<f64>,
    Qualifier,
    bool,
);

fn rows(data: &Dataset) -> Vec<Row> {
    let mut out = Vec::new();
    for i in &data.indicators {
        for o in &i.observations {
            // Names leak into 'static only in tests, to compare with literal tables.
            let name: &'static str = Box::leak(i.name_zh.clone().into_boxed_str());
            out.push((
                name,
                o.year,
                o.kind,
                o.value,
                o.growth_pct,
                o.qualifier,
                i.headline,
            ));
        }
    }
    out
}

fn assert_rows(data: &Dataset, want: &[Row]) {
    let got = rows(data);
    for w in want {
        assert!(got.contains(w), "missing {w:?}\nin {got:?}");
    }
    for g in &got {
        assert!(want.contains(g), "unexpected {g:?}");
    }
}

use Kind::{Actual as A, Target as T};
use Qualifier::{About, AtLeast, AtMost, Exact, MoreThan};

/// Headings with years (一、2022年工作回顾 / 二、2023年工作总体要求和主要目标), targets
/// separated by ；, X和Y分别增长…和…, 增长1.2倍, 是上年的1.5倍, 同口径, 由2021年的…提高到,
/// full-width digits.
const BEIHE_ROWS: &[Row] = &[
    (
        "地区生产总值",
        2022,
        A,
        Some(7695.8),
        Some(1.5),
        Exact,
        true,
    ),
    ("地区生产总值", 2023, T, None, Some(6.0), AtLeast, true),
    (
        "一般公共预算收入",
        2022,
        A,
        Some(720.4),
        Some(3.5),
        Exact,
        true,
    ),
    ("一般公共预算收入", 2023, T, None, Some(5.0), Exact, true),
    ("规模以上工业增加值", 2022, A, None, Some(5.1), Exact, true),
    ("规模以上工业增加值", 2023, T, None, Some(7.0), Exact, true),
    ("城镇调查失业率", 2023, T, Some(5.5), None, AtMost, true),
    ("居民消费价格", 2023, T, None, Some(3.0), About, true),
    ("居民人均可支配收入", 2023, T, None, None, Exact, true),
    ("汽车制造业增加值", 2022, A, None, Some(14.6), Exact, false),
    ("装备制造业增加值", 2022, A, None, Some(11.9), Exact, false),
    ("固定资产投资", 2022, A, None, Some(-2.3), Exact, false),
    (
        "社会消费品零售总额",
        2022,
        A,
        Some(4000.0),
        None,
        About,
        false,
    ),
    (
        "实际使用外资",
        2022,
        A,
        Some(15.0),
        Some(120.0),
        MoreThan,
        false,
    ),
    ("实际使用外资", 2023, T, None, Some(10.0), Exact, false),
    (
        "进出口总额",
        2022,
        A,
        Some(1384.7),
        Some(50.0),
        Exact,
        false,
    ),
    ("城镇新增就业", 2022, A, Some(6.2), None, Exact, false),
    ("城镇新增就业", 2023, T, Some(6.0), None, Exact, false),
    ("城镇登记失业率", 2022, A, Some(3.5), None, AtMost, false),
    ("中小学、幼儿园", 2022, A, Some(32.0), None, Exact, false),
    ("中小学、幼儿园", 2023, T, Some(20.0), None, Exact, false),
    ("学位", 2022, A, Some(2.1), None, Exact, false),
    ("学位", 2023, T, Some(1.5), None, Exact, false),
    ("森林覆盖率", 2021, A, Some(40.2), None, Exact, false),
    ("森林覆盖率", 2022, A, Some(41.1), None, Exact, false),
    (
        "规模以上工业企业营业收入",
        2023,
        T,
        None,
        Some(8.0),
        AtLeast,
        false,
    ),
    (
        "新增规模以上工业企业",
        2023,
        T,
        Some(200.0),
        None,
        AtLeast,
        false,
    ),
    ("亿元以上项目", 2023, T, Some(1000.0), None, Exact, false),
    (
        "亿元以上项目投资",
        2023,
        T,
        Some(2500.0),
        None,
        About,
        false,
    ),
];

#[test]
fn beihe_2023_with_year_headings() {
    let got = extract::extract(BEIHE, "beihe-2023.txt").expect("extracts");
    assert_valid(&got, BEIHE);
    assert_eq!(got.years(), (2022, 2023));
    assert_eq!(got.report.title_zh, "北河市2023年政府工作报告");
    assert_eq!(got.report.region_zh, "北河市");
    assert_rows(&got, BEIHE_ROWS);
    // Full-width digits are parsed, and quoted as written.
    let jobs = got.indicators.iter().find(|i| i.name_zh == "城镇新增就业");
    let jobs = jobs.expect("城镇新增就业");
    assert_eq!(jobs.unit_zh, "万人");
    assert_eq!(jobs.observations[0].quote, "新增城镇就业６．２万人");
    let units: Vec<(&str, &str)> = got
        .indicators
        .iter()
        .map(|i| (i.name_zh.as_str(), i.unit_zh.as_str()))
        .collect();
    for pair in [
        ("实际使用外资", "亿美元"),
        ("城镇调查失业率", "%"),
        ("中小学、幼儿园", "所"),
    ] {
        assert!(units.contains(&pair), "{pair:?} in {units:?}");
    }
}

/// No headings: 过去一年…/一年来…/今年… and a date line; targets as ——list items; 分别是
/// 上年的2.1倍、2.6倍; 增长1.3倍; 下降3.2%; a qualitative target joined to last year's rate.
const NANHU_ROWS: &[Row] = &[
    (
        "地区生产总值",
        2023,
        A,
        Some(3210.5),
        Some(5.8),
        Exact,
        true,
    ),
    ("地区生产总值", 2024, T, None, Some(5.5), About, true),
    (
        "单位地区生产总值能耗",
        2023,
        A,
        None,
        Some(-3.2),
        Exact,
        true,
    ),
    ("单位地区生产总值能耗", 2024, T, None, None, Exact, true),
    ("城镇新增就业", 2023, A, Some(4.6), None, Exact, true),
    ("城镇新增就业", 2024, T, Some(5.0), None, AtLeast, true),
    ("城镇调查失业率", 2023, A, Some(5.1), None, Exact, true),
    ("城镇调查失业率", 2024, T, Some(5.5), None, AtMost, true),
    ("一般公共预算收入", 2024, T, None, Some(4.0), Exact, true),
    (
        "社会消费品零售总额",
        2023,
        A,
        Some(1288.0),
        Some(7.2),
        Exact,
        false,
    ),
    ("社会消费品零售总额", 2024, T, None, Some(7.0), Exact, false),
    ("接待游客", 2023, A, Some(8600.0), Some(110.0), Exact, false),
    (
        "旅游总收入",
        2023,
        A,
        Some(980.0),
        Some(160.0),
        Exact,
        false,
    ),
    (
        "规模以上工业企业利润",
        2023,
        A,
        None,
        Some(130.0),
        Exact,
        false,
    ),
    ("空气质量优良天数", 2023, A, Some(320.0), None, Exact, false),
    (
        "空气质量优良天数",
        2024,
        T,
        Some(315.0),
        None,
        AtLeast,
        false,
    ),
    ("农村公路", 2023, A, Some(860.0), None, Exact, false),
    ("农村公路", 2024, T, Some(500.0), None, Exact, false),
    (
        "发放各类惠企资金",
        2023,
        A,
        Some(40.0),
        None,
        MoreThan,
        false,
    ),
    // 突破1亿人次, in the unit of last year's 8600万人次.
    ("接待游客", 2024, T, Some(10000.0), None, MoreThan, false),
];

#[test]
fn nanhu_2024_without_year_headings() {
    let got = extract::extract(NANHU, "nanhu-2024.txt").expect("extracts");
    assert_valid(&got, NANHU);
    assert_eq!(got.years(), (2023, 2024));
    assert_eq!(got.report.region_zh, "南湖市");
    assert_rows(&got, NANHU_ROWS);
    let visits = got.indicators.iter().find(|i| i.name_zh == "接待游客");
    let target = visits.and_then(|i| i.observation(2024, Kind::Target));
    let derived = target
        .and_then(|o| o.derived.as_deref())
        .unwrap_or_default();
    assert!(derived.starts_with("1亿人次 = 10000万人次"), "{derived}");
    let energy = got
        .indicators
        .iter()
        .find(|i| i.name_zh == "单位地区生产总值能耗");
    let target = energy.and_then(|i| i.observation(2024, Kind::Target));
    assert_eq!(
        target.map(|o| o.quote.as_str()),
        Some("单位地区生产总值能耗下降完成省下达任务")
    );
}

/// Reports of real places with made-up figures (tests/reports/README.md), one header style
/// each: (file, text, region, review year, plan year, rows).
type Fixture = (
    &'static str,
    &'static str,
    &'static str,
    i32,
    i32,
    &'static [Row],
);

const FIXTURES: &[Fixture] = &[
    (
        "mianyang-2024.txt",
        include_str!("reports/mianyang-2024.txt"),
        "绵阳市",
        2023,
        2024,
        &[
            (
                "地区生产总值",
                2023,
                A,
                Some(4015.2),
                Some(6.6),
                Exact,
                true,
            ),
            ("地区生产总值", 2024, T, None, Some(6.5), About, true),
            (
                "一般公共预算收入",
                2023,
                A,
                Some(180.6),
                Some(7.9),
                Exact,
                true,
            ),
            ("一般公共预算收入", 2024, T, None, Some(6.0), Exact, true),
            ("固定资产投资", 2023, A, None, Some(5.1), Exact, true),
            ("固定资产投资", 2024, T, None, Some(5.0), Exact, true),
            (
                "社会消费品零售总额",
                2023,
                A,
                Some(1702.4),
                Some(9.3),
                Exact,
                true,
            ),
            ("社会消费品零售总额", 2024, T, None, Some(8.0), Exact, true),
            ("城镇新增就业", 2023, A, Some(4.8), None, Exact, true),
            ("城镇新增就业", 2024, T, Some(4.5), None, AtLeast, true),
        ],
    ),
    (
        "yichang-2023.txt",
        include_str!("reports/yichang-2023.txt"),
        "宜昌市",
        2022,
        2023,
        &[
            (
                "地区生产总值",
                2022,
                A,
                Some(5502.7),
                Some(4.0),
                Exact,
                true,
            ),
            ("地区生产总值", 2023, T, None, Some(7.0), About, true),
            (
                "一般公共预算收入",
                2022,
                A,
                Some(251.3),
                Some(5.4),
                Exact,
                true,
            ),
            ("一般公共预算收入", 2023, T, None, Some(6.0), Exact, true),
            ("固定资产投资", 2022, A, None, Some(13.1), Exact, true),
            ("固定资产投资", 2023, T, None, Some(10.0), Exact, true),
            (
                "社会消费品零售总额",
                2022,
                A,
                Some(1720.8),
                Some(2.1),
                Exact,
                true,
            ),
            ("社会消费品零售总额", 2023, T, None, Some(8.0), Exact, true),
        ],
    ),
    (
        "yichang-2024.txt",
        include_str!("reports/yichang-2024.txt"),
        "宜昌市",
        2023,
        2024,
        &[
            (
                "地区生产总值",
                2023,
                A,
                Some(5756.1),
                Some(6.2),
                Exact,
                true,
            ),
            ("地区生产总值", 2024, T, None, Some(6.5), About, true),
            (
                "一般公共预算收入",
                2023,
                A,
                Some(264.0),
                Some(5.1),
                Exact,
                true,
            ),
            ("一般公共预算收入", 2024, T, None, Some(5.0), Exact, true),
            ("固定资产投资", 2023, A, None, Some(9.6), Exact, true),
            ("固定资产投资", 2024, T, None, Some(8.0), Exact, true),
            (
                "社会消费品零售总额",
                2023,
                A,
                Some(1865.5),
                Some(8.4),
                Exact,
                true,
            ),
            ("社会消费品零售总额", 2024, T, None, Some(7.0), Exact, true),
            ("宜昌港货物吞吐量", 2024, T, Some(1.5), None, AtLeast, false),
        ],
    ),
    (
        "liuzhou-2024.txt",
        include_str!("reports/liuzhou-2024.txt"),
        "柳州市",
        2023,
        2024,
        &[
            (
                "地区生产总值",
                2023,
                A,
                Some(3198.6),
                Some(3.9),
                Exact,
                true,
            ),
            ("地区生产总值", 2024, T, None, Some(5.5), About, true),
            (
                "一般公共预算收入",
                2023,
                A,
                Some(178.3),
                Some(2.6),
                Exact,
                true,
            ),
            ("一般公共预算收入", 2024, T, None, Some(3.0), Exact, true),
            ("固定资产投资", 2023, A, None, Some(-4.5), Exact, true),
            ("固定资产投资", 2024, T, None, Some(4.0), Exact, true),
            (
                "社会消费品零售总额",
                2023,
                A,
                Some(1120.2),
                Some(5.5),
                Exact,
                true,
            ),
            ("社会消费品零售总额", 2024, T, None, Some(6.0), Exact, true),
            ("新能源汽车产量", 2023, A, Some(63.5), None, Exact, true),
            ("新能源汽车产量", 2024, T, Some(75.0), None, Exact, true),
        ],
    ),
    (
        "wuhu-2024.txt",
        include_str!("reports/wuhu-2024.txt"),
        "芜湖市",
        2023,
        2024,
        &[
            (
                "地区生产总值",
                2023,
                A,
                Some(4741.1),
                Some(5.6),
                Exact,
                true,
            ),
            ("地区生产总值", 2024, T, None, Some(7.5), About, true),
            (
                "一般公共预算收入",
                2023,
                A,
                Some(380.7),
                Some(6.8),
                Exact,
                true,
            ),
            ("一般公共预算收入", 2024, T, None, Some(6.5), Exact, true),
            ("固定资产投资", 2023, A, None, Some(7.3), Exact, true),
            ("固定资产投资", 2024, T, None, Some(9.0), Exact, true),
            (
                "社会消费品零售总额",
                2023,
                A,
                Some(1730.5),
                Some(9.9),
                Exact,
                true,
            ),
            ("社会消费品零售总额", 2024, T, None, Some(8.5), Exact, true),
            ("引进亿元以上项目", 2023, A, Some(426.0), None, Exact, false),
            (
                "引进亿元以上项目",
                2024,
                T,
                Some(400.0),
                None,
                AtLeast,
                false,
            ),
        ],
    ),
    (
        "unnamed-2024.txt",
        include_str!("reports/unnamed-2024.txt"),
        model::UNKNOWN_REGION,
        2023,
        2024,
        &[
            (
                "地区生产总值",
                2023,
                A,
                Some(2210.4),
                Some(5.0),
                Exact,
                true,
            ),
            ("地区生产总值", 2024, T, None, Some(5.5), About, true),
            (
                "一般公共预算收入",
                2023,
                A,
                Some(121.9),
                Some(4.4),
                Exact,
                true,
            ),
            ("一般公共预算收入", 2024, T, None, Some(5.0), Exact, true),
            ("固定资产投资", 2023, A, None, Some(3.8), Exact, true),
            ("固定资产投资", 2024, T, None, Some(5.0), Exact, true),
            (
                "社会消费品零售总额",
                2023,
                A,
                Some(905.3),
                Some(6.1),
                Exact,
                true,
            ),
            ("社会消费品零售总额", 2024, T, None, Some(6.5), Exact, true),
        ],
    ),
    (
        "hunan-2024.txt",
        include_str!("reports/hunan-2024.txt"),
        "湖南省",
        2023,
        2024,
        &[
            (
                "地区生产总值",
                2023,
                A,
                Some(50012.9),
                Some(4.6),
                Exact,
                true,
            ),
            ("地区生产总值", 2024, T, None, Some(5.5), About, true),
            (
                "一般公共预算收入",
                2023,
                A,
                Some(3360.5),
                Some(8.3),
                Exact,
                true,
            ),
            ("一般公共预算收入", 2024, T, None, Some(5.0), Exact, true),
            ("固定资产投资", 2023, A, None, Some(3.1), Exact, true),
            ("固定资产投资", 2024, T, None, Some(6.0), Exact, true),
            (
                "社会消费品零售总额",
                2023,
                A,
                Some(20203.3),
                Some(6.1),
                Exact,
                true,
            ),
            ("社会消费品零售总额", 2024, T, None, Some(6.0), Exact, true),
            ("粮食产量", 2023, A, Some(614.7), None, Exact, true),
            ("粮食产量", 2024, T, Some(600.0), None, AtLeast, true),
        ],
    ),
    (
        "gulou-2024.txt",
        include_str!("reports/gulou-2024.txt"),
        "南京市鼓楼区",
        2023,
        2024,
        &[
            (
                "地区生产总值",
                2023,
                A,
                Some(2318.6),
                Some(5.2),
                Exact,
                true,
            ),
            ("地区生产总值", 2024, T, None, Some(5.0), About, true),
            (
                "一般公共预算收入",
                2023,
                A,
                Some(86.4),
                Some(3.7),
                Exact,
                true,
            ),
            ("一般公共预算收入", 2024, T, None, Some(3.0), Exact, true),
            ("固定资产投资", 2023, A, None, Some(4.2), Exact, true),
            ("固定资产投资", 2024, T, None, Some(4.0), Exact, true),
            (
                "社会消费品零售总额",
                2023,
                A,
                Some(806.7),
                Some(6.9),
                Exact,
                true,
            ),
            ("社会消费品零售总额", 2024, T, None, Some(6.0), Exact, true),
            ("新登记市场主体", 2023, A, Some(1.2), None, Exact, false),
        ],
    ),
];

#[test]
fn fixtures_region_years_and_rows() {
    for (file, text, region, review, plan, want) in FIXTURES {
        let got = extract::extract(text, file).expect("extracts");
        assert_valid(&got, text);
        assert_eq!(got.report.region_zh, *region, "{file}");
        assert_eq!(
            (got.report.review_year, got.report.plan_year),
            (Some(*review), Some(*plan)),
            "{file}"
        );
        assert_eq!(got.years(), (*review, *plan), "{file}");
        assert_rows(&got, want);
        // The pure detection says the same, or nothing for the unknown region.
        let detected = extract::region::detect(text).map(|r| r.name);
        let want_region = (*region != model::UNKNOWN_REGION).then(|| region.to_string());
        assert_eq!(detected, want_region, "{file}");
    }
}

#[test]
fn harbin_region_and_years() {
    let got = extract::extract(HARBIN, HARBIN_SOURCE).expect("extracts");
    assert_eq!(got.report.region_zh, "哈尔滨市");
    assert_eq!(got.report.title_zh, "2024年哈尔滨市政府工作报告");
    assert_eq!(
        (got.report.review_year, got.report.plan_year),
        (Some(2023), Some(2024))
    );
    let region = extract::region::detect(HARBIN).expect("a region");
    assert_eq!(region.cue, extract::region::Cue::Recurrence);
    assert_eq!(region.level, Some(extract::region::Level::Prefecture));
    // The fictional cities keep the names their titles give.
    for (text, name) in [(BEIHE, "北河市"), (NANHU, "南湖市")] {
        let region = extract::region::detect(text).expect("a region");
        assert_eq!((region.name.as_str(), region.level), (name, None));
    }
}

#[test]
fn the_user_overrides_region_and_year() {
    let text = include_str!("reports/unnamed-2024.txt");
    let overrides = extract::Overrides {
        region: Some("柳州市".into()),
        plan_year: Some(2025),
    };
    let got = extract::extract_with(text, "u.txt", &overrides).expect("extracts");
    assert_eq!(got.report.region_zh, "柳州市");
    assert_eq!(got.report.title_zh, "2025年柳州市政府工作报告");
    assert_eq!(
        (got.report.review_year, got.report.plan_year),
        (Some(2024), Some(2025))
    );
    assert_eq!(got.years(), (2024, 2025));
    let gdp = got.indicators.iter().find(|i| i.name_zh == "地区生产总值");
    let target = gdp.and_then(|i| i.observation(2025, Kind::Target));
    assert_eq!(target.and_then(|o| o.growth_pct), Some(5.5));
    // A text with no year at all still extracts when the user gives the year.
    let plain = "过去一年，全市地区生产总值增长5%。";
    assert!(matches!(
        extract::extract(plain, "p.txt"),
        Err(ExtractError::NoYears)
    ));
    let got = extract::extract_with(plain, "p.txt", &overrides).expect("extracts");
    assert_eq!(got.years(), (2024, 2025));
}

/// A report's body with its figures; its headings name no year, so the years come from
/// the head. `gdp` is 地区生产总值 or 国内生产总值.
fn body(gdp: &str) -> String {
    format!(
        "各位代表：\n\
         一、过去一年工作回顾\n\
         过去一年，{gdp}增长5.4%，城镇新增就业12万人。\n\
         二、今年工作总体要求和主要预期目标\n\
         今年经济社会发展的主要预期目标是：{gdp}增长5.5%左右，城镇新增就业12万人以上。\n\
         我们要坚持稳中求进。{gdp}的增长要与就业相协调。\n"
    )
}

/// (head, region, level, plan year, title) for the cues of issue 17: title, congress line
/// in both numeral kinds, with and without the dash, a national report, autonomous regions
/// that speak of themselves as 自治区, ambiguous names, a spaced title, no title line.
#[test]
fn region_level_years_and_title_from_the_head() {
    use model::Level::{County, National, Prefecture, Province};
    let cases: Vec<(String, &str, Option<model::Level>, i32, &str)> = vec![
        (
            "政府工作报告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n\
             国务院总理　林致远\n现在，我代表国务院，向大会报告政府工作。\n"
                .to_owned()
                + &body("国内生产总值"),
            "全国",
            Some(National),
            2021,
            "政府工作报告",
        ),
        (
            "政府工作报告\n——2025年1月21日在宁夏回族自治区第十三届人民代表大会第三次会议上\n\
             自治区主席　马振宇\n现在，我代表自治区人民政府，向大会报告工作。\n"
                .to_owned()
                + &body("地区生产总值"),
            "宁夏回族自治区",
            Some(Province),
            2025,
            "政府工作报告",
        ),
        (
            // Chinese numerals, no dash; a municipality.
            "政府工作报告\n二〇二四年一月二十一日在重庆市第六届人民代表大会第二次会议上\n\
             重庆市市长　袁立川\n"
                .to_owned()
                + &body("地区生产总值"),
            "重庆市",
            Some(Province),
            2024,
            "政府工作报告",
        ),
        (
            // Chinese numerals with the dash; a spaced title; 吉林市 is not 吉林省.
            "政 府 工 作 报 告\n——二〇二六年一月二十七日在吉林市第十八届人民代表大会第五次会议上\n"
                .to_owned()
                + &body("地区生产总值"),
            "吉林市",
            Some(Prefecture),
            2026,
            "政府工作报告",
        ),
        (
            // An autonomous prefecture whose speaker says 州人民政府.
            "政府工作报告\n（2026年1月8日在延边朝鲜族自治州第十七届人民代表大会第五次会议上）\n\
             延边朝鲜族自治州州长　金哲洙\n现在，我代表州人民政府，向大会报告工作。\n"
                .to_owned()
                + &body("地区生产总值"),
            "延边朝鲜族自治州",
            Some(Prefecture),
            2026,
            "政府工作报告",
        ),
        (
            // 鼓楼区 is in four cities: the text's city names it.
            "鼓楼区2024年政府工作报告\n".to_owned()
                + &"福州".repeat(5)
                + "\n"
                + &body("地区生产总值"),
            "福州市鼓楼区",
            Some(County),
            2024,
            "鼓楼区2024年政府工作报告",
        ),
        (
            // No title line: the made-up title has the date line's year.
            "（2025年1月10日）\n".to_owned() + &body("地区生产总值"),
            gwr_charts::model::UNKNOWN_REGION,
            None,
            2025,
            "2025年政府工作报告",
        ),
        (
            // A self-reference names no region, and no guess is made from it.
            "政府工作报告\n——2025年1月21日\n现在，我代表自治区人民政府，向大会报告工作。\n"
                .to_owned()
                + &body("地区生产总值"),
            gwr_charts::model::UNKNOWN_REGION,
            None,
            2025,
            "政府工作报告",
        ),
        (
            // As a browser's PDF gives it: Kangxi radicals and CJK radicals for ideographs.
            "⻓春市2025年政府⼯作报告\n".to_owned() + &body("地区⽣产总值").replace('一', "⼀"),
            "长春市",
            Some(Prefecture),
            2025,
            "长春市2025年政府工作报告",
        ),
    ];
    for (text, region, level, plan, title) in cases {
        let got = extract::extract(&text, "r.txt").unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_valid(&got, &text);
        let r = &got.report;
        assert_eq!(
            (r.region_zh.as_str(), r.level, r.plan_year, r.review_year),
            (region, level, Some(plan), Some(plan - 1)),
            "{text}"
        );
        assert_eq!(r.title_zh, title, "{text}");
        assert_eq!(
            r.region_en.as_deref(),
            (region == "全国").then_some("China")
        );
        let gdp = got.indicators.first().expect("a figure");
        let target = gdp.observation(plan, Kind::Target).expect("the target");
        assert_eq!(target.growth_pct, Some(5.5), "{text}");
    }
}

#[test]
fn gbk_and_utf16_files_give_the_same_dataset() {
    for (bytes, utf8) in [(BEIHE_GBK, BEIHE), (NANHU_UTF16LE, NANHU)] {
        let text = extract::decode(bytes).expect("decodes");
        assert_eq!(text, utf8, "decoded text, CRLF turned to LF");
        let a = extract::extract_bytes(bytes, "r.txt").expect("extracts");
        let b = extract::extract(utf8, "r.txt").expect("extracts");
        assert_eq!(a, b);
    }
    // The same report as UTF-16BE with a BOM and as UTF-8 with a BOM and CRLF.
    let crlf = NANHU.replace('\n', "\r\n");
    let mut be = vec![0xFE, 0xFF];
    be.extend(crlf.encode_utf16().flat_map(u16::to_be_bytes));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(crlf.as_bytes());
    let want = extract::extract(NANHU, "r.txt").expect("extracts");
    for bytes in [be, bom] {
        assert_eq!(
            extract::extract_bytes(&bytes, "r.txt").expect("extracts"),
            want
        );
    }
    // CRLF text given straight to `extract`: quotes never hold the CR.
    let direct = extract::extract(&crlf, "r.txt").expect("extracts");
    assert_eq!(rows(&direct), rows(&want));
    assert_valid(&direct, &crlf);
}

#[test]
fn qualifiers_and_growth_forms() {
    let text = "一、2023年工作回顾\n\
        甲指标约120亿元，乙指标1400余公里，丙指标突破50万人，丁指标增长2倍，\
        戊指标是上年的1.8倍，己指标下降12.5%。\n\
        二、2024年主要目标\n\
        庚指标增长6%左右，辛指标不低于30家，壬指标控制在3%以内，癸指标力争增长8%，\
        子指标超过5万户，丑指标90万亩以上，寅指标增长5.5%。";
    let got = extract::extract(text, "q.txt").expect("extracts");
    assert_valid(&got, text);
    assert_rows(
        &got,
        &[
            ("甲指标", 2023, A, Some(120.0), None, About, false),
            ("乙指标", 2023, A, Some(1400.0), None, MoreThan, false),
            ("丙指标", 2023, A, Some(50.0), None, MoreThan, false),
            ("丁指标", 2023, A, None, Some(200.0), Exact, false),
            ("戊指标", 2023, A, None, Some(80.0), Exact, false),
            ("己指标", 2023, A, None, Some(-12.5), Exact, false),
            ("庚指标", 2024, T, None, Some(6.0), About, false),
            ("辛指标", 2024, T, Some(30.0), None, AtLeast, false),
            ("壬指标", 2024, T, Some(3.0), None, AtMost, false),
            ("癸指标", 2024, T, None, Some(8.0), AtLeast, false),
            ("子指标", 2024, T, Some(5.0), None, MoreThan, false),
            ("丑指标", 2024, T, Some(90.0), None, AtLeast, false),
            ("寅指标", 2024, T, None, Some(5.5), Exact, false),
        ],
    );
}

/// 万亿元, 分别 twice in one sentence over a combined subject (城乡居民 → 城镇居民, 农村居民),
/// a threshold before the counted noun (5000万元以上项目1200个), 连续5年, a 个百分点 change
/// (no observation), the targets sentence ending at its full stop, and a goal beyond the
/// plan year (到2025年, kept as a goal over several years).
#[test]
fn mixed_phrasings() {
    let text = "2024年政府工作报告\n一、2023年工作回顾\n\
        全年地区生产总值达到1.2万亿元、增长5.2%，城乡居民人均可支配收入分别达到52000元、\
        28000元，分别增长5.1%、6.7%。全市常住人口城镇化率提高0.8个百分点。\
        粮食总产量连续5年稳定在100亿斤以上。新开工5000万元以上项目1200个，\
        其中亿元以上项目560个。\n二、2024年主要目标任务\n\
        今年全市经济社会发展的主要预期目标为：地区生产总值增长5.5%左右，城镇新增就业12万人，\
        粮食产量稳定在100亿斤以上，居民人均可支配收入增长与经济增长基本同步。\
        到2025年，数字经济核心产业增加值占地区生产总值比重达到12%。";
    let got = extract::extract(text, "m.txt").expect("extracts");
    assert_valid(&got, text);
    assert_eq!(got.years(), (2023, 2024));
    assert_rows(
        &got,
        &[
            ("地区生产总值", 2023, A, Some(1.2), Some(5.2), Exact, true),
            ("地区生产总值", 2024, T, None, Some(5.5), About, true),
            ("居民人均可支配收入", 2024, T, None, None, Exact, true),
            ("城镇新增就业", 2024, T, Some(12.0), None, Exact, true),
            ("粮食产量", 2024, T, Some(100.0), None, AtLeast, true),
            (
                "城镇居民人均可支配收入",
                2023,
                A,
                Some(52000.0),
                Some(5.1),
                Exact,
                false,
            ),
            (
                "农村居民人均可支配收入",
                2023,
                A,
                Some(28000.0),
                Some(6.7),
                Exact,
                false,
            ),
            (
                "数字经济核心产业增加值占地区生产总值比重",
                2024,
                T,
                Some(12.0),
                None,
                Exact,
                false,
            ),
            (
                "粮食总产量连续稳定在100亿斤以上",
                2023,
                A,
                Some(5.0),
                None,
                Exact,
                false,
            ),
            // 粮食总产量 is 粮食产量, but 连续5年稳定在 is a floor over five years: a figure
            // over several years, not last year's result beside this year's target.
            ("粮食产量", 2023, A, Some(100.0), None, AtLeast, false),
            (
                "新开工5000万元以上项目",
                2023,
                A,
                Some(1200.0),
                None,
                Exact,
                false,
            ),
            ("亿元以上项目", 2023, A, Some(560.0), None, Exact, false),
        ],
    );
    assert_eq!(got.indicators[0].unit_zh, "万亿元");
    // The goal beyond the plan year is kept as a goal over several years.
    let share = got
        .indicators
        .iter()
        .find(|i| i.name_zh.starts_with("数字经济"));
    let horizon = share.and_then(|i| i.multi_year.as_ref());
    assert_eq!(
        horizon.map(|m| (m.horizon.as_str(), m.until)),
        Some(("到2025年", Some(2025)))
    );
    // 连续5年 spans five years too (the years and the floor); every other figure is of one
    // year.
    for i in &got.indicators {
        let floor = i.name_zh == "粮食产量" && i.observation(2023, A).is_some();
        let several =
            floor || i.name_zh.starts_with("数字经济") || i.name_zh.starts_with("粮食总产量");
        assert_eq!(several, i.multi_year.is_some(), "{}", i.name_zh);
    }
}

/// Shapes of the reports of 2015–2020: 分别 over a list of floors joined by 和 (以上和), poverty
/// reduction as a headline pair (subject before or after its verb, and a bare 万), the older
/// 全部财政收入, the last plan's goals quoted in the plan's last year, and the share of the
/// year's plan that was done.
#[test]
fn older_report_shapes() {
    let text = "一、2018年工作回顾\n\
        全区生产总值增长9.1%，全部财政收入1200亿元、增长6.3%，贫困人口减少18.3万人，\
        固定资产投资增长5.2%、完成年计划的118.8%。\n\
        二、2019年主要目标\n\
        今年的主要预期目标是：全区生产总值增长9%左右；全部财政收入增长6.5%左右；\
        一般公共预算收入按可比口径增长4%；进出口分别增长3%、5%左右；\
        城乡居民人均可支配收入分别增长10%以上和13%以上；农村贫困人口减少15万以上。\
        确保实现“十三五”规划确定的常住人口城镇化率达到60%以上、单位生产总值能耗五年累计下降15%等目标。";
    let got = extract::extract(text, "o.txt").expect("extracts");
    assert_valid(&got, text);
    let all = listing(&got);
    let growth = |name: &str, year: i32, kind: Kind| {
        figure(&got, name, year, kind).and_then(|o| o.growth_pct)
    };
    let value =
        |name: &str, year: i32, kind: Kind| figure(&got, name, year, kind).and_then(|o| o.value);
    assert_eq!(
        growth("城镇居民人均可支配收入", 2019, T),
        Some(10.0),
        "{all}"
    );
    assert_eq!(
        growth("农村居民人均可支配收入", 2019, T),
        Some(13.0),
        "{all}"
    );
    assert_eq!(
        figure(&got, "农村居民人均可支配收入", 2019, T).map(|o| o.qualifier),
        Some(AtLeast)
    );
    assert_eq!(value("财政总收入", 2018, A), Some(1200.0), "{all}");
    assert_eq!(growth("财政总收入", 2019, T), Some(6.5), "{all}");
    assert_eq!(growth("一般公共预算收入", 2019, T), Some(4.0), "{all}");
    // A qualifier after the last of a list is the list's.
    for name in ["进口", "出口"] {
        let o = figure(&got, name, 2019, T);
        assert_eq!(o.map(|o| o.qualifier), Some(About), "{name}{all}");
    }
    // One indicator for both years, in 万人 though the target writes a bare 万.
    let poor = got
        .indicators
        .iter()
        .filter(|i| i.name_zh == "农村贫困人口减少");
    let poor: Vec<_> = poor.collect();
    assert_eq!(poor.len(), 1, "{all}");
    assert_eq!(poor[0].unit_zh, "万人");
    assert_eq!(value("农村贫困人口减少", 2018, A), Some(18.3), "{all}");
    assert_eq!(value("农村贫困人口减少", 2019, T), Some(15.0), "{all}");
    // The plan's goals are the plan's, not this year's targets.
    assert_eq!(value("常住人口城镇化率", 2019, T), None, "{all}");
    let planned = got.indicators.iter().filter(|i| i.multi_year.is_some());
    let horizons: Vec<_> = planned.map(|i| i.name_zh.as_str()).collect();
    assert!(horizons.contains(&"常住人口城镇化率"), "{all}");
    // 完成年计划的118.8% is how much of the year's plan was done, named so.
    let share = value("固定资产投资完成年计划比例", 2018, A);
    assert_eq!(share, Some(118.8), "{all}");
    assert_eq!(growth("固定资产投资", 2018, A), Some(5.2), "{all}");
}

/// Targets listed inline as （一）…；（二）…, a bound crossed before the level itself
/// (突破3万亿元，达到31245.8亿元), a year's average concentration (年均浓度, not a span of
/// years), a standard name that ends in its verb after 今年要确保, and a figure box of
/// 名称：数值 lines repeating the headline figures.
#[test]
fn inline_lists_and_crossed_bounds() {
    let text = "一、2016年工作回顾\n\
        全省GDP突破3万亿元，达到31245.8亿元，按可比价格计算比上年增长7.9%；\
        细颗粒物（PM2.5）年均浓度34微克/立方米；农村贫困人口减少125万。\n\
        数读2016\n地区生产总值：31245.8亿元　增长7.9%\n规模以上工业增加值：增长7.2%\n\
        二、2017年主要目标\n\
        今年的主要预期目标是：（一）全省生产总值增长7.5%左右；（二）社会消费品零售总额增长10%；\
        （十二）细颗粒物（PM2.5）年均浓度稳定在35微克/立方米以下。\
        今年要确保农村贫困人口减少110万以上。";
    let got = extract::extract(text, "l.txt").expect("extracts");
    assert_valid(&got, text);
    let all = listing(&got);
    let gdp = figure(&got, "地区生产总值", 2016, A).map(|o| (o.value, o.growth_pct, o.qualifier));
    assert_eq!(gdp, Some((Some(31245.8), Some(7.9), Exact)), "{all}");
    assert_eq!(
        got.indicators
            .iter()
            .filter(|i| i.name_zh == "地区生产总值")
            .count(),
        1,
        "{all}"
    );
    let gdp = figure(&got, "地区生产总值", 2017, T).and_then(|o| o.growth_pct);
    assert_eq!(gdp, Some(7.5), "{all}");
    // A figure box (名称：数值) names its numbers by their labels.
    let industry = figure(&got, "规模以上工业增加值", 2016, A).and_then(|o| o.growth_pct);
    assert_eq!(industry, Some(7.2), "{all}");
    let retail = figure(&got, "社会消费品零售总额", 2017, T).and_then(|o| o.growth_pct);
    assert_eq!(retail, Some(10.0), "{all}");
    for (year, kind, want) in [(2016, A, 34.0), (2017, T, 35.0)] {
        let pm = figure(&got, "细颗粒物（PM2.5）平均浓度", year, kind).and_then(|o| o.value);
        assert_eq!(pm, Some(want), "{all}");
    }
    let poor = figure(&got, "农村贫困人口减少", 2017, T).and_then(|o| o.value);
    assert_eq!(poor, Some(110.0), "{all}");
}

#[test]
fn clear_errors() {
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (Vec::new(), "empty"),
        (b" \r\n \n".to_vec(), "empty"),
        (
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0".to_vec(),
            "not a text report",
        ),
        (vec![0xff, 0xfe, 0x00], "UTF-16"),
        ("地区生产总值增长5%。".as_bytes().to_vec(), "which years"),
        (
            "一、2023年工作回顾\n一切顺利。".as_bytes().to_vec(),
            "no figures",
        ),
    ];
    for (bytes, words) in cases {
        let err = extract::extract_bytes(&bytes, "x.txt").expect_err("refused");
        assert!(err.to_string().contains(words), "{err} for {bytes:?}");
    }
    assert!(matches!(
        extract::extract("", "x.txt"),
        Err(ExtractError::Decode(extract::DecodeError::Empty))
    ));
}

/// Bits of report wording, so that random texts reach every branch of the extractor.
const FRAGMENTS: &[&str] = &[
    "一、",
    "二、",
    "（一）",
    "2023年",
    "2024年",
    "工作回顾",
    "工作目标和主要任务",
    "\n",
    "\r\n",
    "，",
    "。",
    "、",
    "；",
    "：",
    "地区生产总值",
    "粮食产量",
    "增长",
    "下降",
    "6",
    "5.5",
    "１２",
    "．",
    "%",
    "％",
    "亿元",
    "万人",
    "万平方米",
    "个",
    "倍",
    "左右",
    "以上",
    "以内",
    "余",
    "分别",
    "和",
    "均达",
    "是上年的",
    "由",
    "提高到",
    "主要预期目标是",
    "今年",
    "过去一年",
    "—",
    "的",
    "约",
    "超过",
    "控制在",
    "第",
    "连续",
    "年",
    "个百分点",
    "5大",
    "PM",
    "等",
    "实现",
    "新增",
    "总量达",
    "全长",
    "其中",
    "与经济增长同步",
    "1,234",
    "-",
    "（",
    "）",
    "99999999999999999999",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(data) = extract::extract_bytes(&bytes, "random.txt") {
            let text = extract::decode(&bytes).unwrap_or_default();
            assert_valid(&data, &text);
        }
    }

    #[test]
    fn random_strings_never_panic(text in any::<String>()) {
        if let Ok(data) = extract::extract(&text, "random.txt") {
            assert_valid(&data, &text);
        }
    }

    #[test]
    fn report_like_texts_give_valid_datasets(
        parts in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..120)
    ) {
        let text: String = parts.concat();
        if let Ok(data) = extract::extract(&text, "generated.txt") {
            assert_valid(&data, &text);
        }
        if let Ok(data) = extract::extract_bytes(text.as_bytes(), "generated.txt") {
            let decoded = extract::decode(text.as_bytes()).unwrap_or_default();
            assert_valid(&data, &decoded);
        }
    }

    #[test]
    fn mutated_harbin_gives_valid_datasets(cut in 0usize..50_000, len in 0usize..400, byte in any::<u8>()) {
        let mut bytes = HARBIN.as_bytes().to_vec();
        let at = cut % bytes.len();
        let end = (at + len).min(bytes.len());
        bytes.drain(at..end);
        bytes.insert(at.min(bytes.len()), byte);
        if let Ok(data) = extract::extract_bytes(&bytes, "mutated.txt") {
            let text = extract::decode(&bytes).unwrap_or_default();
            assert_valid(&data, &text);
        }
    }
}

/// The observation of the indicator named `name` (by the compare view's key) for `year` and
/// `kind` among the indicators of one year (not multi-year).
fn figure<'a>(data: &'a Dataset, name: &str, year: i32, kind: Kind) -> Option<&'a Observation> {
    let key = gwr_charts::compare::match_key(name);
    data.indicators
        .iter()
        .filter(|i| i.multi_year.is_none() && gwr_charts::compare::match_key(&i.name_zh) == key)
        .find_map(|i| i.observation(year, kind))
}

/// The indicators in one line each, to say what was found when a test fails.
fn listing(data: &Dataset) -> String {
    let mut out = String::new();
    for i in &data.indicators {
        for o in &i.observations {
            out.push_str(&format!(
                "\n  {} {} {:?} v{:?}–{:?} g{:?}–{:?} Δ{:?} {:?} {:?} «{}»",
                i.name_zh,
                o.year,
                o.kind,
                o.value,
                o.value_high,
                o.growth_pct,
                o.growth_pct_high,
                o.change,
                o.qualifier,
                i.multi_year.as_ref().map(|m| &m.horizon),
                o.quote
            ));
        }
    }
    out
}

/// (value, value_high, growth, growth_high, qualifier) of an observation.
type Numbers = (
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Qualifier,
);

fn numbers(o: &Observation) -> Numbers {
    (
        o.value,
        o.value_high,
        o.growth_pct,
        o.growth_pct_high,
        o.qualifier,
    )
}

/// A two-part report: `review` under the review heading, `targets` as the main expected
/// targets of the plan year.
fn report(review: &str, targets: &str) -> String {
    format!(
        "一、2024年工作回顾\n{review}\n二、2025年工作安排\n\
         今年经济社会发展的主要预期目标是：{targets}。\n"
    )
}

/// Every way reports state the GDP: 地区生产总值 / 生产总值 / 经济 / GDP, 按增长…安排, and
/// ranges with —, -, 至, 到 and one or two % signs, as a target and as a result.
#[test]
fn gdp_sentence_shapes() {
    let g = |lo: f64, hi: Option<f64>, q| (None, None, Some(lo), hi, q);
    let cases: &[(&str, Numbers)] = &[
        ("地区生产总值增长5%左右", g(5.0, None, About)),
        ("生产总值增长5.5%", g(5.5, None, Exact)),
        ("经济增长5%左右", g(5.0, None, About)),
        ("全省经济增长5%左右", g(5.0, None, About)),
        ("GDP增长6%以上", g(6.0, None, AtLeast)),
        ("地区生产总值按增长5%安排", g(5.0, None, Exact)),
        ("地区生产总值力争增长6%", g(6.0, None, AtLeast)),
        ("地区生产总值增长4.5%—5%", g(4.5, Some(5.0), Exact)),
        ("地区生产总值增长4.5-5%", g(4.5, Some(5.0), Exact)),
        ("地区生产总值增长4.5%-5%", g(4.5, Some(5.0), Exact)),
        ("地区生产总值增长5%至5.5%", g(5.0, Some(5.5), Exact)),
        ("地区生产总值增长5%到5.5%", g(5.0, Some(5.5), Exact)),
        ("地区生产总值增长5至5.5%", g(5.0, Some(5.5), Exact)),
        ("地区生产总值增长4.5%—5%左右", g(4.5, Some(5.0), About)),
        (
            "地区生产总值5000—5500亿元",
            (Some(5000.0), Some(5500.0), None, None, Exact),
        ),
        (
            "地区生产总值达到5000亿元、增长5%",
            (Some(5000.0), None, Some(5.0), None, Exact),
        ),
        // A stretch after the target is quoted with it, no figure of its own.
        ("地区生产总值增长6%以上、力争7%", g(6.0, None, AtLeast)),
        ("经济增长7%以上，力争达到7.5%", g(7.0, None, AtLeast)),
        ("地区生产总值增长5%左右、力争5.5%", g(5.0, None, About)),
        ("地区生产总值增长6%以上，力争增长7%", g(6.0, None, AtLeast)),
        // A growth held at or aimed at.
        ("经济增速保持在5.5%左右", g(5.5, None, About)),
        ("全省生产总值增速保持在6.5%以上", g(6.5, None, AtLeast)),
        ("全省经济增长目标为5.5%左右", g(5.5, None, About)),
        ("经济增长预期目标为6%左右", g(6.0, None, About)),
        ("经济增长目标设定为5%左右", g(5.0, None, About)),
        // A numbered list of targets.
        (
            "\n1.地区生产总值增长5.5%左右；\n2.城镇新增就业10万人",
            g(5.5, None, About),
        ),
        (
            "\n①地区生产总值增长5.5%左右；\n②城镇新增就业10万人",
            g(5.5, None, About),
        ),
        (
            "\n一是地区生产总值增长5.5%左右；\n二是城镇新增就业10万人",
            g(5.5, None, About),
        ),
    ];
    let review = "全年地区生产总值达到4800亿元、增长4.8%。";
    for (target, want) in cases {
        let text = report(review, target);
        let got = extract::extract(&text, "gdp.txt").expect("extracts");
        assert_valid(&got, &text);
        let o = figure(&got, "地区生产总值", 2025, T);
        let o = o.unwrap_or_else(|| panic!("{target}: no GDP target in {}", listing(&got)));
        assert_eq!(numbers(o), *want, "{target}{}", listing(&got));
        let last = figure(&got, "地区生产总值", 2024, A).map(numbers);
        assert_eq!(
            last,
            Some((Some(4800.0), None, Some(4.8), None, Exact)),
            "{target}"
        );
    }
    // Results, as the review states them.
    let results: &[(&str, Numbers)] = &[
        ("生产总值增长5.6%", g(5.6, None, Exact)),
        ("全市经济增长5.2%", g(5.2, None, Exact)),
        ("地区生产总值增长-1.5%", g(-1.5, None, Exact)),
        (
            "实现地区生产总值5576.3亿元，比上年增长3.1%",
            (Some(5576.3), None, Some(3.1), None, Exact),
        ),
        // The growth in the next sentence, with no subject of its own.
        (
            "全省地区生产总值迈上6万亿元新台阶，达到61234亿元。按不变价格计算，比上年增长5.3%",
            (Some(61234.0), None, Some(5.3), None, Exact),
        ),
        (
            "预计全省地区生产总值突破5万亿元，达到5.2万亿元左右。按可比价格计算，增长4.6%左右",
            (Some(5.2), None, Some(4.6), None, About),
        ),
    ];
    for (result, want) in results {
        let text = report(&format!("{result}。"), "地区生产总值增长5%左右");
        let got = extract::extract(&text, "gdp.txt").expect("extracts");
        let o = figure(&got, "地区生产总值", 2024, A);
        let o = o.unwrap_or_else(|| panic!("{result}: no GDP result in {}", listing(&got)));
        assert_eq!(numbers(o), *want, "{result}{}", listing(&got));
    }
}

/// A range written high to low is stored low to high and flagged; a growth over 1000% keeps
/// its figure and is flagged.
#[test]
fn reversed_ranges_and_implausible_growth_are_flagged() {
    let text = report(
        "新能源汽车产量增长1250%。",
        "地区生产总值增长5.5%—5%，研发经费投入增长8%",
    );
    let got = extract::extract(&text, "flags.txt").expect("extracts");
    assert_valid(&got, &text);
    let by_name = |n: &str| got.indicators.iter().find(|i| i.name_zh == n).unwrap();
    let gdp = by_name("地区生产总值");
    assert_eq!(gdp.flags, [model::Flag::ReversedRange]);
    let target = gdp.observation(2025, T).unwrap();
    assert_eq!(
        (target.growth_pct, target.growth_pct_high),
        (Some(5.0), Some(5.5))
    );
    let cars = by_name("新能源汽车产量");
    assert_eq!(cars.flags, [model::Flag::ImplausibleGrowth]);
    assert_eq!(cars.observation(2024, A).unwrap().growth_pct, Some(1250.0));
    // 研发经费投入 is named by its standard name.
    assert!(by_name("研究与试验发展经费投入").flags.is_empty());
}

/// 分别 over a combined subject gives each part its figure, for results and targets, levels
/// and growth rates, and a list of levels with a combined subject does too.
#[test]
fn combined_subjects_are_split() {
    let text = report(
        "城乡居民人均可支配收入分别增长6.5%、8.2%。\
         外贸进出口总额2100亿元，其中进、出口分别完成900亿元、1200亿元。\
         三次产业增加值分别增长3%、5%和6%。",
        "城乡居民人均可支配收入分别增长7%左右和8%左右",
    );
    // Levels and growth rates of a combined subject: a report of its own, as 城乡居民收入 is
    // 城乡居民人均可支配收入 (one statement of each part per year).
    let levels = report(
        "城乡居民收入达到45000元和21000元、分别增长5%和7%。",
        "地区生产总值增长5%左右",
    );
    let got = extract::extract(&text, "parts.txt").expect("extracts");
    assert_valid(&got, &text);
    let got_levels = extract::extract(&levels, "levels.txt").expect("extracts");
    assert_valid(&got_levels, &levels);
    let check = |got: &Dataset, name: &str, year, kind, want: Numbers| {
        let o = figure(got, name, year, kind);
        let o = o.unwrap_or_else(|| panic!("{name} {year}: missing in {}", listing(got)));
        assert_eq!(numbers(o), want, "{name} {year}{}", listing(got));
    };
    let g = |v: f64, q| (None, None, Some(v), None, q);
    check(&got, "城镇居民人均可支配收入", 2024, A, g(6.5, Exact));
    check(&got, "农村居民人均可支配收入", 2024, A, g(8.2, Exact));
    check(&got, "城镇居民人均可支配收入", 2025, T, g(7.0, About));
    check(&got, "农村居民人均可支配收入", 2025, T, g(8.0, About));
    let v = |v: f64| (Some(v), None, None, None, Exact);
    check(&got, "进口", 2024, A, v(900.0));
    check(&got, "出口", 2024, A, v(1200.0));
    check(&got, "第一产业增加值", 2024, A, g(3.0, Exact));
    check(&got, "第二产业增加值", 2024, A, g(5.0, Exact));
    check(&got, "第三产业增加值", 2024, A, g(6.0, Exact));
    let both = |v: f64, g: f64| (Some(v), None, Some(g), None, Exact);
    check(&got_levels, "城镇居民收入", 2024, A, both(45000.0, 5.0));
    check(&got_levels, "农村居民收入", 2024, A, both(21000.0, 7.0));
    for data in [&got, &got_levels] {
        assert!(
            data.indicators.iter().all(|i| !i.name_zh.contains("城乡")),
            "{}",
            listing(data)
        );
    }
}

/// A subject carried over within a sentence: a head (增加值, 产量) measures the subject named
/// before it; a verb with no object takes the object it had earlier in the sentence; a code
/// or 平均 never cuts a name.
#[test]
fn subjects_carried_over_within_a_sentence() {
    let text = report(
        "规模以上工业企业达5200家、增加值增长4%。\
         粮食播种面积2100万亩、产量90万吨以上。\
         城镇调查失业率平均为5.3%。\
         细颗粒物（PM2.5）平均浓度下降4%。\
         5G用户普及率超过50%。",
        "城镇调查失业率5.5%左右",
    );
    let mut text = text;
    text.push_str(
        "从今年开始拟连续几年发行超长期特别国债，专项用于重大项目建设，今年先发行1000亿元。\
         增发800亿元国债，全部用于灾后恢复重建。\n",
    );
    let got = extract::extract(&text, "carry.txt").expect("extracts");
    assert_valid(&got, &text);
    let names: Vec<&str> = got.indicators.iter().map(|i| i.name_zh.as_str()).collect();
    for name in [
        "规模以上工业企业",
        "规模以上工业增加值",
        "粮食播种面积",
        "粮食产量",
        "城镇调查失业率",
        "细颗粒物（PM2.5）平均浓度",
        "5G用户普及率",
        "超长期特别国债",
        "国债",
    ] {
        assert!(names.contains(&name), "{name} not in {}", listing(&got));
    }
    let rate = got
        .indicators
        .iter()
        .find(|i| i.name_zh == "城镇调查失业率")
        .unwrap();
    assert_eq!(
        rate.observations.len(),
        2,
        "result and target in one indicator"
    );
    let grain = figure(&got, "粮食产量", 2024, A).unwrap();
    assert_eq!((grain.value, grain.qualifier), (Some(90.0), AtLeast));
    let bonds = figure(&got, "超长期特别国债", 2025, T).unwrap();
    assert_eq!(bonds.value, Some(1000.0));
}

/// 比上年增加X after a level is that level's change, never a second figure of the year; 新增
/// with a subject of its own is a level, unless the total of that subject follows it (净增
/// 高新技术企业530户、总量达2832户), whose change it is.
#[test]
fn increments_are_the_change_of_their_level() {
    let text = report(
        "市场主体总量达到120万户、新增15万户。\
         净增高新技术企业530户、总量达2832户。新增上市公司3家、总数达到21家。",
        "一般公共预算支出规模30.2万亿元、比上年增加1.3万亿元",
    );
    let mut text = text;
    text.push_str("城镇居民人均可支配收入11720元，同比增加1386元。\n");
    let got = extract::extract(&text, "change.txt").expect("extracts");
    assert_valid(&got, &text);
    let spending = figure(&got, "一般公共预算支出规模", 2025, T).unwrap();
    assert_eq!((spending.value, spending.change), (Some(30.2), Some(1.3)));
    let firms = figure(&got, "市场主体总量", 2024, A).unwrap();
    assert_eq!((firms.value, firms.change), (Some(120.0), Some(15.0)));
    let income = figure(&got, "城镇居民人均可支配收入", 2025, T).unwrap();
    assert_eq!((income.value, income.change), (Some(11720.0), Some(1386.0)));
    // 新增 with a subject of its own followed by the total of that subject: the total is
    // the level and the increment its change.
    let tech = figure(&got, "高新技术企业", 2024, A).unwrap();
    assert_eq!((tech.value, tech.change), (Some(2832.0), Some(530.0)));
    assert!(
        got.indicators
            .iter()
            .all(|i| !i.name_zh.ends_with("企业总量")),
        "{}",
        listing(&got)
    );
    // The total is of the listed companies, not of the new ones.
    let listed = got
        .indicators
        .iter()
        .find(|i| i.observations.iter().any(|o| o.value == Some(21.0)));
    let listed = listed.unwrap_or_else(|| panic!("no total of 21 in {}", listing(&got)));
    assert!(!listed.name_zh.starts_with("新增"), "{}", listed.name_zh);
    assert_eq!(listed.observations[0].change, Some(3.0));
    // No indicator has two figures of one year and kind.
    for ind in &got.indicators {
        let mut seen: Vec<(i32, Kind)> =
            ind.observations.iter().map(|o| (o.year, o.kind)).collect();
        seen.dedup();
        assert_eq!(seen.len(), ind.observations.len(), "{}", ind.name_zh);
    }
    // A change in another unit than its level is converted into the level's.
    let text = report("一般公共预算收入1.2万亿元、比上年增加600亿元。", "");
    let got = extract::extract(&text, "change.txt").expect("extracts");
    let revenue = figure(&got, "一般公共预算收入", 2024, A).unwrap();
    assert_eq!((revenue.value, revenue.change), (Some(1.2), Some(0.06)));
}

/// Five-year figures and goals beyond the plan year are drafted as goals over several years
/// with their horizon, never as the year's figure; the annual figure of the same indicator
/// stays the figure.
#[test]
fn multi_year_figures_are_kept_apart() {
    let text = report(
        "全年地区生产总值达到30125亿元、增长4.1%，城镇调查失业率5.1%。\
         五年来，地区生产总值年均增长6.2%，城镇新增就业累计超过35万人。\
         地区生产总值突破3万亿元、年均增长4.7%。\
         城镇居民人均可支配收入从28993元增加到45794元。",
        "地区生产总值增长5%左右，城镇调查失业率5.5%左右",
    );
    let mut text = text;
    text.push_str(
        "“十五五”时期，城镇调查失业率控制在5.5%以内。\
         到2030年，人均地区生产总值达到12万元以上。\
         用3—5年时间，集聚领军人才500人以上。\n",
    );
    let got = extract::extract(&text, "multi.txt").expect("extracts");
    assert_valid(&got, &text);
    let gdp = figure(&got, "地区生产总值", 2024, A).unwrap();
    assert_eq!((gdp.value, gdp.growth_pct), (Some(30125.0), Some(4.1)));
    let rate = figure(&got, "城镇调查失业率", 2025, T).unwrap();
    assert_eq!((rate.value, rate.qualifier), (Some(5.5), About));
    let multi: Vec<(&str, &str)> = got
        .indicators
        .iter()
        .filter_map(|i| Some((i.name_zh.as_str(), i.multi_year.as_ref()?.horizon.as_str())))
        .collect();
    // The latest words of a span before a figure name its horizon (年均, 累计 within 五年来).
    for (name, horizon) in [
        ("城镇新增就业", "累计"),
        ("地区生产总值", "年均"),
        ("城镇居民人均可支配收入", "从28993元增加到"),
        ("城镇调查失业率", "“十五五”时期"),
        ("人均地区生产总值", "到2030年"),
    ] {
        assert!(
            multi.contains(&(name, horizon)),
            "{name} {horizon} in {}",
            listing(&got)
        );
    }
    assert!(
        multi
            .iter()
            .any(|(n, h)| n.ends_with("领军人才") && *h == "用3—5年时间"),
        "{}",
        listing(&got)
    );
    // Every figure with a multi-year word in its quote is in a multi-year indicator.
    for ind in got.indicators.iter().filter(|i| i.multi_year.is_none()) {
        for o in &ind.observations {
            for word in ["年均", "累计", "十五五", "2030", "3—5年", "从"] {
                assert!(!o.quote.contains(word), "{}: {}", ind.name_zh, o.quote);
            }
        }
    }
}

/// A figure in brackets on another basis (同口径, 可比口径) is not the figure, and never
/// moves to an indicator of an earlier clause.
#[test]
fn bracketed_asides_are_no_figures() {
    let text = report(
        "地区生产总值达到5.5万亿元、增长4.8%，全年一般公共预算收入3200亿元、增长1.7%\
         （同口径增长2.5%以上）。",
        "地区生产总值增长5%左右",
    );
    let got = extract::extract(&text, "aside.txt").expect("extracts");
    assert_valid(&got, &text);
    let gdp = figure(&got, "地区生产总值", 2024, A).unwrap();
    assert_eq!((gdp.value, gdp.growth_pct), (Some(5.5), Some(4.8)));
    let revenue = figure(&got, "一般公共预算收入", 2024, A).unwrap();
    assert_eq!(
        (revenue.value, revenue.growth_pct),
        (Some(3200.0), Some(1.7))
    );
    let all: Vec<f64> = got
        .indicators
        .iter()
        .flat_map(|i| &i.observations)
        .filter_map(|o| o.growth_pct)
        .collect();
    assert!(!all.contains(&2.5), "{all:?}");
}

/// A paragraph about a plan period (五年来…, and what follows it until the text turns back
/// to the year) holds figures of that period: never last year's result or this year's
/// target, even without a multi-year word in the sentence itself.
#[test]
fn a_plan_period_paragraph_holds_no_figure_of_one_year() {
    let text = "2025年政府工作报告\n一、2024年工作回顾\n\
        五年来，全省经济实力稳步提升。\n\
        民生保障更加有力，城镇调查失业率始终控制在5.5%以内，\
        研发经费投入强度由1.81%提高到2.2%左右。\n\
        2024年，全省地区生产总值增长5.1%，城镇调查失业率5.2%。\n\
        二、2025年工作安排\n\
        今年主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%左右，\
        区级一般公共预算收入力争达到41.5—42亿元。\n";
    let got = extract::extract(text, "period.txt").expect("extracts");
    assert_valid(&got, text);
    let rate = figure(&got, "城镇调查失业率", 2024, A).expect("last year's rate");
    assert_eq!((rate.value, rate.qualifier), (Some(5.2), Exact));
    let target = figure(&got, "城镇调查失业率", 2025, T).expect("this year's rate");
    assert_eq!((target.value, target.qualifier), (Some(5.5), About));
    for quote in ["始终控制在5.5%以内", "由1.81%提高到2.2%左右"] {
        let ind = got
            .indicators
            .iter()
            .find(|i| i.observations.iter().any(|o| o.quote.contains(quote)));
        let ind = ind.unwrap_or_else(|| panic!("{quote}: missing in {}", listing(&got)));
        assert!(ind.multi_year.is_some(), "{quote}{}", listing(&got));
    }
    // 力争 before a range adds no bound of its own: the range is the target.
    let revenue = figure(&got, "一般公共预算收入", 2025, T).expect("the revenue target");
    assert_eq!(
        (revenue.value, revenue.value_high, revenue.qualifier),
        (Some(41.5), Some(42.0), Exact)
    );
}
