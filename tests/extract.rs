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
        if !have.iter().any(|(_, g)| matches(w, g)) {
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
            "城乡居民收入",
            "规上工业增加值",
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
        "外贸进出口总额",
        2022,
        A,
        Some(1384.7),
        Some(50.0),
        Exact,
        false,
    ),
    ("城镇就业", 2022, A, Some(6.2), None, Exact, false),
    ("城镇就业", 2023, T, Some(6.0), None, Exact, false),
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
    ("规上工业企业", 2023, T, Some(200.0), None, AtLeast, false),
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
    let jobs = got.indicators.iter().find(|i| i.name_zh == "城镇就业");
    let jobs = jobs.expect("城镇就业");
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
    (
        "接待国内外游客",
        2023,
        A,
        Some(8600.0),
        Some(110.0),
        Exact,
        false,
    ),
    ("旅游收入", 2023, A, Some(980.0), Some(160.0), Exact, false),
    (
        "规上工业企业利润总额",
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
    ("改造提升农村公路", 2023, A, Some(860.0), None, Exact, false),
    ("改造提升农村公路", 2024, T, Some(500.0), None, Exact, false),
    (
        "发放各类惠企资金",
        2023,
        A,
        Some(40.0),
        None,
        MoreThan,
        false,
    ),
    ("接待游客", 2024, T, Some(1.0), None, MoreThan, false),
];

#[test]
fn nanhu_2024_without_year_headings() {
    let got = extract::extract(NANHU, "nanhu-2024.txt").expect("extracts");
    assert_valid(&got, NANHU);
    assert_eq!(got.years(), (2023, 2024));
    assert_eq!(got.report.region_zh, "南湖市");
    assert_rows(&got, NANHU_ROWS);
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
            ("市场主体", 2023, A, Some(1.2), None, Exact, false),
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

/// 万亿元, 分别 twice in one sentence, a threshold before the counted noun (5000万元以上
/// 项目1200个), 连续5年, a 个百分点 change (no observation), the targets sentence ending at
/// its full stop, and a goal beyond the plan year (到2025年, left out).
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
                "城乡居民人均可支配收入",
                2023,
                A,
                Some(52000.0),
                Some(5.1),
                Exact,
                false,
            ),
            (
                "城乡居民人均可支配收入",
                2023,
                A,
                Some(28000.0),
                Some(6.7),
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
            ("粮食总产量", 2023, A, Some(100.0), None, AtLeast, false),
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
        Err(ExtractError::Empty)
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
