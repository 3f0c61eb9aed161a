//! The extractor on full-length reports in the styles they are published in
//! (`tests/reports/long`, fictional, each with a gold file): region, level, years, headline
//! recall and precision, pairs kept, five-year figures kept out, no fragment names.
//!
//! `cargo test --test extract_long -- --nocapture` prints the figures per report.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gwr_charts::compare::match_key;
use gwr_charts::extract::Overrides;
use gwr_charts::model::{Dataset, Indicator, Kind, Level, Observation, Qualifier};
use gwr_charts::open;
use serde::Deserialize;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reports/long");

#[derive(Debug, Deserialize)]
struct Gold {
    report: String,
    #[serde(default)]
    styles: Vec<String>,
    region_zh: String,
    level: Level,
    review_year: i32,
    plan_year: i32,
    title_zh: Option<String>,
    #[serde(default)]
    passages: Vec<(String, String)>,
    figures: Vec<GoldFigure>,
    #[serde(default)]
    multi_year: Vec<GoldMultiYear>,
}

#[derive(Debug, Deserialize)]
struct GoldFigure {
    name: String,
    year: i32,
    kind: Kind,
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    value_high: Option<f64>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    growth_pct: Option<f64>,
    #[serde(default)]
    growth_pct_high: Option<f64>,
    qualifier: Qualifier,
    quote: String,
}

#[derive(Debug, Deserialize)]
struct GoldMultiYear {
    quote: String,
    number: f64,
    #[serde(default)]
    #[allow(dead_code)]
    why: String,
}

fn golds() -> Vec<(PathBuf, Gold)> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir(DIR) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let gold: Gold =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.push((path, gold));
    }
    out
}

/// (multiplier, base unit): 万亿元 → (1e12, 元).
fn scale(unit: &str) -> (f64, &str) {
    for (prefix, m) in [
        ("万亿", 1e12),
        ("千亿", 1e11),
        ("百亿", 1e10),
        ("亿", 1e8),
        ("千万", 1e7),
        ("百万", 1e6),
        ("万", 1e4),
        ("千", 1e3),
    ] {
        if let Some(base) = unit.strip_prefix(prefix)
            && !base.is_empty()
        {
            return (m, base);
        }
    }
    (1.0, unit)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same_opt(gold: Option<f64>, got: Option<f64>) -> bool {
    match (gold, got) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// The gold figure's numbers are the observation's: value (in either unit), growth, bounds
/// and qualifier.
fn numbers_match(g: &GoldFigure, unit: &str, o: &Observation) -> bool {
    let value_ok = match (g.value, o.value) {
        (None, _) => o.value_high.is_none() || g.value_high.is_some(),
        (Some(_), None) => false,
        (Some(gv), Some(ov)) => {
            let (gm, gbase) = scale(g.unit.as_deref().unwrap_or(unit));
            let (om, obase) = scale(unit);
            let conv = |v: Option<f64>, m: f64| v.map(|v| v * m);
            gbase == obase
                && close(gv * gm, ov * om)
                && same_opt(conv(g.value_high, gm), conv(o.value_high, om))
        }
    };
    let growth_ok = match g.growth_pct {
        None => true,
        Some(_) => {
            same_opt(g.growth_pct, o.growth_pct) && same_opt(g.growth_pct_high, o.growth_pct_high)
        }
    };
    value_ok && growth_ok && g.qualifier == o.qualifier
}

/// Where an extracted observation was found: indicator index, observation index.
fn find<'a>(g: &GoldFigure, data: &'a Dataset) -> Result<(usize, &'a Observation), String> {
    let key = match_key(&g.name);
    let mut near = None;
    for (n, ind) in data.indicators.iter().enumerate() {
        if ind.multi_year.is_some() || match_key(&ind.name_zh) != key {
            continue;
        }
        for o in &ind.observations {
            if o.year != g.year || o.kind != g.kind {
                continue;
            }
            if numbers_match(g, &ind.unit_zh, o) {
                return Ok((n, o));
            }
            near = Some(describe(ind, o));
        }
    }
    Err(near.map_or_else(|| "not found".to_owned(), |n| format!("wrong: {n}")))
}

fn describe(ind: &Indicator, o: &Observation) -> String {
    format!(
        "{} {} {:?} value {:?}–{:?} {} growth {:?}–{:?} {:?} «{}»",
        ind.name_zh,
        o.year,
        o.kind,
        o.value,
        o.value_high,
        ind.unit_zh,
        o.growth_pct,
        o.growth_pct_high,
        o.qualifier,
        o.quote
    )
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A name cut out of a longer word of `text`: 5G用户普及率 read as G用户普及率, 4A级 as A级
/// — it starts with a Latin letter or digit and every place it occurs in the text has one
/// more right before it.
fn is_cut_from(name: &str, text: &str) -> bool {
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return false;
    }
    let mut places = text.match_indices(name).peekable();
    places.peek().is_some()
        && places.all(|(at, _)| {
            text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric())
        })
}

/// Names that are pieces of a phrase, not an indicator: the shapes issue 17 lists.
fn is_fragment(name: &str) -> bool {
    const BARE: &[&str] = &[
        "增加值",
        "产量",
        "就业",
        "增发",
        "先发行",
        "发行",
        "学生",
        "纳税人",
        "增长",
        "增速",
        "总量",
        "规模",
        "比重",
        "人数",
        "面积",
        "总额",
        "数量",
        "收入",
        "支出",
        "投资",
        "项目",
        "企业",
        "达到",
        "实现",
        "完成",
        "新增",
        "累计",
        "其中",
        "分别",
        "同比",
    ];
    let first = name.chars().next();
    let last = name.chars().last();
    let opens = name.matches(['（', '(']).count();
    let closes = name.matches(['）', ')']).count();
    name.chars().count() < 2
        || BARE.contains(&name)
        || first.is_some_and(|c| "）)、，,。；;：:％%·-—～~".contains(c))
        // A year read as a name: 2019年度, 2025年.
        || name.chars().take(4).all(|c| c.is_ascii_digit()) && name.chars().nth(4) == Some('年')
        || last.is_some_and(|c| "（(、，,：:的为达较平约和及与".contains(c))
            // 水平 is a word (居民健康素养水平); a 平 alone is 平均 cut (城镇调查失业率平).
            && !name.ends_with("水平")
        || (name.ends_with('比') && !name.ends_with("占比"))
        || opens != closes
        || name.contains("年度") && name.chars().any(|c| c.is_ascii_digit())
}

#[derive(Default)]
struct Tally {
    reports: usize,
    region: usize,
    level: usize,
    plan_year: usize,
    title: usize,
    titles: usize,
    figures: usize,
    found: usize,
    pairs: usize,
    pairs_kept: usize,
    in_passages: usize,
    right_in_passages: usize,
    multi_year_read: usize,
    fragments: Vec<String>,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn measure(path: &Path, gold: &Gold, t: &mut Tally) {
    let file = Path::new(DIR).join(&gold.report);
    let (opened, text) = open::open_path_with_text(&file, &Overrides::default())
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let data = opened.data;
    let text = text.expect("a report has its text");
    let name = path.file_name().unwrap().to_string_lossy();
    println!("\n== {} ({})", gold.report, gold.styles.join(", "));
    t.reports += 1;
    let r = &data.report;
    let mark = |ok: bool| if ok { "ok" } else { "WRONG" };
    let region_ok = r.region_zh == gold.region_zh;
    let level_ok = r.level == Some(gold.level);
    let plan_ok = r.plan_year == Some(gold.plan_year) && r.review_year == Some(gold.review_year);
    t.region += region_ok as usize;
    t.level += level_ok as usize;
    t.plan_year += plan_ok as usize;
    println!(
        "region {} ({}), level {:?} ({}), years {:?}/{:?} ({})",
        r.region_zh,
        mark(region_ok),
        r.level,
        mark(level_ok),
        r.review_year,
        r.plan_year,
        mark(plan_ok)
    );
    if let Some(title) = &gold.title_zh {
        t.titles += 1;
        let ok = &r.title_zh == title;
        t.title += ok as usize;
        println!("title «{}» ({})", r.title_zh, mark(ok));
    }

    let squeezed = squeeze(&text);
    for g in &gold.figures {
        assert!(
            squeezed.contains(&squeeze(&g.quote)),
            "{name}: the quote of {} {} «{}» is not in the text",
            g.name,
            g.year,
            g.quote
        );
    }

    // Recall and pairs.
    let mut found: BTreeMap<(String, Kind), usize> = BTreeMap::new();
    for g in &gold.figures {
        t.figures += 1;
        match find(g, &data) {
            Ok((n, _)) => {
                t.found += 1;
                found.insert((match_key(&g.name), g.kind), n);
            }
            Err(why) => println!(
                "  missed {} {} {:?} «{}»: {why}",
                g.name, g.year, g.kind, g.quote
            ),
        }
    }
    let names: Vec<String> = gold.figures.iter().map(|g| match_key(&g.name)).collect();
    for key in names.iter().collect::<std::collections::BTreeSet<_>>() {
        let has = |kind| {
            gold.figures
                .iter()
                .any(|g| &match_key(&g.name) == key && g.kind == kind)
        };
        if !(has(Kind::Actual) && has(Kind::Target)) {
            continue;
        }
        t.pairs += 1;
        match (
            found.get(&(key.clone(), Kind::Actual)),
            found.get(&(key.clone(), Kind::Target)),
        ) {
            (Some(a), Some(b)) if a == b => t.pairs_kept += 1,
            (Some(a), Some(b)) => println!(
                "  pair split: {key}: {} / {}",
                data.indicators[*a].name_zh, data.indicators[*b].name_zh
            ),
            _ => println!("  pair not found whole: {key}"),
        }
    }

    // Precision in the headline passages.
    let spans: Vec<(usize, usize)> = gold
        .passages
        .iter()
        .filter_map(|(from, to)| {
            let a = squeezed.find(&squeeze(from))?;
            let b = squeezed[a..].find(&squeeze(to))? + a + squeeze(to).len();
            Some((a, b))
        })
        .collect();
    assert_eq!(
        spans.len(),
        gold.passages.len(),
        "{name}: a passage's first or last words are not in the text"
    );
    for ind in data.indicators.iter().filter(|i| i.multi_year.is_none()) {
        for o in &ind.observations {
            if o.is_qualitative() || ![gold.review_year, gold.plan_year].contains(&o.year) {
                continue;
            }
            let Some(at) = squeezed.find(&squeeze(&o.quote)) else {
                continue;
            };
            if !spans.iter().any(|&(a, b)| a <= at && at < b) {
                continue;
            }
            t.in_passages += 1;
            let right = gold.figures.iter().any(|g| {
                match_key(&g.name) == match_key(&ind.name_zh)
                    && g.year == o.year
                    && g.kind == o.kind
                    && numbers_match(g, &ind.unit_zh, o)
            });
            if right {
                t.right_in_passages += 1;
            } else {
                println!("  not in gold (passage): {}", describe(ind, o));
            }
        }
    }

    // Five-year figures read as this year's.
    for m in &gold.multi_year {
        let snippet = squeeze(&m.quote);
        assert!(
            squeezed.contains(&snippet),
            "{name}: multi-year snippet «{}» is not in the text",
            m.quote
        );
        for ind in data.indicators.iter().filter(|i| i.multi_year.is_none()) {
            for o in &ind.observations {
                let years = [gold.review_year, gold.plan_year];
                let numbers = [o.value, o.growth_pct, o.value_high, o.growth_pct_high];
                if years.contains(&o.year)
                    && squeeze(&o.quote).contains(&snippet)
                    && numbers.iter().flatten().any(|v| close(*v, m.number))
                {
                    t.multi_year_read += 1;
                    println!("  multi-year read as this year's: {}", describe(ind, o));
                }
            }
        }
    }

    for ind in &data.indicators {
        if is_fragment(&ind.name_zh) || is_cut_from(&ind.name_zh, &text) {
            t.fragments
                .push(format!("{}: {}", gold.report, ind.name_zh));
        }
    }
}

#[test]
fn the_fragment_check_catches_the_shapes_of_issue_17() {
    for bad in [
        "城镇调查失业率平",
        "）平均浓度",
        "先发行",
        "增加值",
        "产量",
        "就业",
        "增发",
        "学生",
        "纳税人",
        "2019年度",
    ] {
        assert!(is_fragment(bad), "{bad}");
    }
    let text = "5G用户普及率超过50%，新增A级旅游景区8家，新增国家4A级以上旅游景区2家";
    assert!(is_cut_from("G用户普及率", text));
    assert!(is_cut_from("A级以上旅游景区", text));
    assert!(!is_cut_from("A级旅游景区", text));
    assert!(!is_cut_from("5G用户普及率", text));
    for good in [
        "新能源汽车产量占比",
        "城镇调查失业率",
        "细颗粒物（PM2.5）平均浓度",
        "5G用户普及率",
        "规模以上工业增加值",
        "粮食产量",
        "城镇新增就业",
        "超长期特别国债",
        "R&D经费投入强度",
        "居民健康素养水平",
    ] {
        assert!(!is_fragment(good), "{good}");
    }
}

#[test]
fn long_reports_meet_the_goals() {
    let golds = golds();
    let mut t = Tally::default();
    for (path, gold) in &golds {
        measure(path, gold, &mut t);
    }
    println!("\n== totals over {} reports", t.reports);
    println!("region right     {}/{}", t.region, t.reports);
    println!("level right      {}/{}", t.level, t.reports);
    println!("years right      {}/{}", t.plan_year, t.reports);
    println!("title kept       {}/{}", t.title, t.titles);
    println!(
        "headline recall  {}/{} = {:.1}%",
        t.found,
        t.figures,
        pct(t.found, t.figures)
    );
    println!(
        "pairs kept       {}/{} = {:.1}%",
        t.pairs_kept,
        t.pairs,
        pct(t.pairs_kept, t.pairs)
    );
    println!(
        "precision        {}/{} = {:.1}% (in the headline passages)",
        t.right_in_passages,
        t.in_passages,
        pct(t.right_in_passages, t.in_passages)
    );
    println!("multi-year read as this year's: {}", t.multi_year_read);
    println!("fragment names: {}", t.fragments.len());
    for f in &t.fragments {
        println!("  {f}");
    }
    assert!(
        golds.len() >= 12,
        "tests/reports/long holds {} gold files; issue 17 asks for at least 12",
        golds.len()
    );
    assert_eq!(t.region, t.reports, "region right in every report");
    assert_eq!(t.level, t.reports, "level right in every report");
    assert_eq!(t.plan_year, t.reports, "years right in every report");
    assert_eq!(t.title, t.titles, "the title as the text gives it");
    assert!(pct(t.found, t.figures) >= 97.0, "headline recall ≥ 97%");
    assert!(pct(t.pairs_kept, t.pairs) >= 98.0, "pairs kept ≥ 98%");
    assert!(
        pct(t.right_in_passages, t.in_passages) >= 95.0,
        "precision ≥ 95% in the headline passages"
    );
    assert_eq!(
        t.multi_year_read, 0,
        "no multi-year figure read as this year's"
    );
    assert!(t.fragments.is_empty(), "no fragment names");
}
