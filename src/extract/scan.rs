//! Numbers with their units: the tokens every observation is built from.
//!
//! A number counts only with a unit that makes it a quantity (亿元, 万人次, %, 倍 …). Dates
//! (8月6日), ordinals (第20届), ranges (3—5年), years (2023年), codes (PM2.5, 5G, 12345热线)
//! and line names (3号线) are kept as tokens of kind `Other`/`Year` so that they still bound
//! the text around real quantities, but they never become observations.

use std::sync::LazyLock;

use super::text::{at, is_at, is_han, len};
use crate::model::Qualifier;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// A counted or measured amount: 亿元, 万人, 个, 公里 …
    Measure,
    Percent,
    /// 倍: a multiple, growth only with 是上年的 or 增长.
    Times,
    /// 个百分点: a difference, not a level or a growth rate; never an observation.
    Points,
    /// 2023年
    Year,
    /// A number glued to Latin letters (5G, PM2.5): part of a name, never a figure, and no
    /// boundary of the words around it.
    Code,
    Other,
}

#[derive(Clone, Debug)]
pub(crate) struct Token {
    /// First character of the number (its minus sign, if any).
    pub start: usize,
    /// After the unit and any qualifier words (余, 左右, 以上 …).
    pub end: usize,
    pub value: f64,
    /// The upper bound of a range (4.5%—5%, 5000—5500亿元); `value` is then the lower.
    pub high: Option<f64>,
    /// The range was written high to low (5%—4.5%) and is stored low to high.
    pub reversed: bool,
    pub unit: Unit,
    /// The unit as the report writes it, for `Measure` and `Percent`: 亿元, %.
    pub unit_text: String,
    /// A qualifier written after the number: 余/多 → more than, 左右 → about, 以上 → at least.
    pub after: Option<Qualifier>,
}

impl Token {
    pub fn is_quantity(&self) -> bool {
        matches!(self.unit, Unit::Measure | Unit::Percent | Unit::Times)
    }
}

/// [`BASES`] as characters, built once: a unit is looked for after every number.
static BASE_CHARS: LazyLock<Vec<Vec<char>>> =
    LazyLock::new(|| BASES.iter().map(|b| b.chars().collect()).collect());

/// Counting and measuring words after a number (with or without 万/亿 before them).
const BASES: &[&str] = &[
    "微克/立方米",
    "毫克/立方米",
    "平方公里",
    "平方米",
    "立方米",
    "千公顷",
    "公顷",
    "千瓦时",
    "千瓦",
    "兆瓦",
    "千米",
    "千克",
    "公里",
    "公斤",
    "标准箱",
    "标箱",
    // Livestock, large and small together (牲畜存栏1685.2万头只).
    "头只",
    "人次",
    "小时",
    "辆次",
    "架次",
    "场次",
    "车次",
    "班次",
    "户次",
    "美元",
    "元",
    "人",
    "户",
    "亩",
    "斤",
    "吨",
    "米",
    "个",
    "家",
    "所",
    "场",
    "套",
    "张",
    "项",
    "条",
    "栋",
    "幢",
    "株",
    "棵",
    "头",
    "只",
    "羽",
    "件",
    "座",
    "辆",
    "台",
    "名",
    "位",
    "批",
    "处",
    "间",
    "类",
    "支",
    "部",
    "册",
    "种",
    "床",
    "艘",
    "架",
    "列",
    "班",
    "趟",
    "例",
    "宗",
    "笔",
    "份",
    "块",
    "片",
    "段",
    "首",
    "岁",
    "天",
    "起",
    "次",
    "对",
    "组",
    "队",
    "篇",
];
const MULTIPLIERS: &[&str] = &["万亿", "亿", "千万", "百万", "万", "千", "百"];
/// Multipliers that may stand alone as the unit: 人口1000万.
const BARE_MULTIPLIERS: &[&str] = &["万亿", "亿", "万"];
/// Between the bounds of a range: 4.5—5%, 4.5-5%, 5%至5.5%, 5%到5.5%.
const RANGE_SIGNS: &[char] = &['—', '–', '-', '~', '至', '到'];

/// Every number token in `chars[s..e]`.
pub(crate) fn tokenize(chars: &[char], s: usize, e: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = s;
    while i < e {
        if let Some(tenths) = tenths_at(chars, s, i, e) {
            i = tenths.end;
            out.push(tenths);
            continue;
        }
        if !at(chars, i).is_ascii_digit() || (i > s && at(chars, i - 1).is_ascii_digit()) {
            i += 1;
            continue;
        }
        let (value, num_end) = number(chars, i, e);
        let before = if i > 0 { at(chars, i - 1) } else { '\0' };
        let negative = before == '-' && i >= 2 && "长为速幅是达：:（(".contains(at(chars, i - 2));
        let start = if negative { i - 1 } else { i };
        let code = before.is_ascii_alphabetic() || at(chars, num_end).is_ascii_alphabetic();
        let other = before == '.' || before == '第' || at(chars, num_end) == '.';
        // A range with one unit after both bounds (4.5-5%, 5000—5500亿元, 3—5年, 2021—2035).
        let mut j = num_end;
        let mut high = None;
        let mut range = false;
        if let Some(sign_end) = range_sign(chars, num_end, start) {
            (high, j) = number(chars, sign_end, e);
            range = true;
        }
        let (unit, unit_text, mut unit_end, more) = unit_at(chars, j, e, value, start);
        // A range with the unit after each bound: 4.5%—5%, 5%至5.5%, 5000亿元—5500亿元.
        if !range
            && matches!(unit, Unit::Percent | Unit::Measure)
            && let Some(sign_end) = range_sign(chars, unit_end, start)
        {
            let (h, h_end) = number(chars, sign_end, e);
            let (unit2, text2, unit2_end, _) = unit_at(chars, h_end, e, h, sign_end);
            if unit2 == unit && text2 == unit_text {
                (high, range, unit_end) = (h, true, unit2_end);
            }
        }
        let (after, end) = qualifier_after(chars, unit_end, e);
        let after = after.or(more.then_some(Qualifier::MoreThan));
        let unit = match value {
            Some(_) if code => Unit::Code,
            Some(_) if other => Unit::Other,
            Some(_) if !range => unit,
            Some(v) if is_figure_range(v, high, unit, &unit_text) => unit,
            _ => Unit::Other,
        };
        let value = value.map_or(0.0, |v| if negative { -v } else { v });
        // Stored low to high, remembering a range written high to low.
        let high = high.filter(|_| range && matches!(unit, Unit::Percent | Unit::Measure));
        let (value, high, reversed) = match high {
            Some(h) if h < value => (h, Some(value), true),
            _ => (value, high, false),
        };
        out.push(Token {
            start,
            end: end.max(j),
            value,
            high,
            reversed,
            unit,
            unit_text,
            after,
        });
        i = end.max(j).max(i + 1);
    }
    out
}

/// A growth in tenths written in Chinese numerals right after its verb (增长四成, 下降两成):
/// a percentage (40%). Elsewhere (近七成, 八成以上的村) such words are no figure.
fn tenths_at(chars: &[char], s: usize, i: usize, e: usize) -> Option<Token> {
    const VERBS: &[&str] = &["增长", "提高", "增加", "下降", "减少"];
    let tenths = match at(chars, i) {
        '一' => 1.0,
        '两' | '二' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    };
    let verb = i >= s + 2 && VERBS.iter().any(|v| is_at(chars, i - 2, v));
    if !verb || at(chars, i + 1) != '成' || i + 2 > e {
        return None;
    }
    // 两成多: more than two tenths.
    let more = matches!(at(chars, i + 2), '多' | '余') && i + 3 <= e;
    let (after, end) = qualifier_after(chars, i + 2 + usize::from(more), e);
    let after = after.or(more.then_some(Qualifier::MoreThan));
    Some(Token {
        start: i,
        end,
        value: tenths * 10.0,
        high: None,
        reversed: false,
        unit: Unit::Percent,
        unit_text: "%".to_owned(),
        after,
    })
}

/// The end of a range sign at `k` (one or two of —, -, ~, 至, 到) when a number follows it.
/// 从5%到6% and 由…至… state a change from one value to another, not a range.
fn range_sign(chars: &[char], k: usize, start: usize) -> Option<usize> {
    let mut sign = k;
    while RANGE_SIGNS.contains(&at(chars, sign)) && sign < k + 2 {
        sign += 1;
    }
    let words = matches!(at(chars, k), '至' | '到');
    let from = start > 0 && matches!(at(chars, start - 1), '从' | '由');
    (sign > k && at(chars, sign).is_ascii_digit() && !(words && from)).then_some(sign)
}

/// Whether a range is a figure: a percentage or an amount (4.5%—5%, 5000—5500亿元), not a
/// span of years (3—5年, 2021—2035) nor a vague small count (1—2个产业).
fn is_figure_range(low: f64, high: Option<f64>, unit: Unit, unit_text: &str) -> bool {
    let Some(high) = high else { return false };
    let small_count = [low, high].iter().all(|v| v.fract() == 0.0 && *v <= 10.0)
        && !unit_text.starts_with(['万', '亿', '千', '百']);
    match unit {
        Unit::Percent => true,
        Unit::Measure => unit_text != "年" && !small_count,
        _ => false,
    }
}

/// Digits with optional thousands commas and decimals, from `i`; `None` when too long to be
/// a figure (a serial number) or not finite.
fn number(chars: &[char], i: usize, e: usize) -> (Option<f64>, usize) {
    let mut j = i;
    let mut text = String::new();
    while j < e && at(chars, j).is_ascii_digit() {
        text.push(at(chars, j));
        j += 1;
    }
    while at(chars, j) == ','
        && (1..=3).all(|k| at(chars, j + k).is_ascii_digit())
        && !at(chars, j + 4).is_ascii_digit()
        && j + 4 <= e
    {
        text.extend([at(chars, j + 1), at(chars, j + 2), at(chars, j + 3)]);
        j += 4;
    }
    if at(chars, j) == '.' && at(chars, j + 1).is_ascii_digit() && j + 1 < e {
        text.push('.');
        j += 1;
        while j < e && at(chars, j).is_ascii_digit() {
            text.push(at(chars, j));
            j += 1;
        }
    }
    let value = (text.len() <= 16)
        .then(|| text.parse::<f64>().ok())
        .flatten()
        .filter(|v| v.is_finite());
    (value, j)
}

/// The unit at `j`: its kind, its text, where it ends, and whether 余/多 was written.
fn unit_at(
    chars: &[char],
    j: usize,
    e: usize,
    value: Option<f64>,
    start: usize,
) -> (Unit, String, usize, bool) {
    let mut k = j;
    let mut more = false;
    if matches!(at(chars, k), '余' | '多') && k < e {
        more = true;
        k += 1;
    }
    let c = at(chars, k);
    if k >= e {
        return (Unit::Other, String::new(), k, more);
    }
    if c == '%' {
        return (Unit::Percent, "%".into(), k + 1, more);
    }
    if c == '‰' {
        return (Unit::Measure, "‰".into(), k + 1, more);
    }
    for p in ["个百分点", "百分点"] {
        if is_at(chars, k, p) {
            return (Unit::Points, String::new(), k + len(p), more);
        }
    }
    if c == '倍' {
        return (Unit::Times, String::new(), k + 1, more);
    }
    if c == '年' {
        let four_digits = k == j && j >= start + 4 && value.is_some_and(|v| v.fract() == 0.0);
        if four_digits && value.is_some_and(|v| (1949.0..=2100.0).contains(&v)) {
            return (Unit::Year, String::new(), k + 1, more);
        }
        // 连续7年 counts years; 3年时间, 近30年 only say how long.
        if start >= 2 && is_at(chars, start - 2, "连续") {
            return (Unit::Measure, "年".into(), k + 1, more);
        }
        return (Unit::Other, String::new(), k + 1, more);
    }
    if let Some(base) = base_at(chars, k) {
        return (Unit::Measure, base.to_owned(), k + len(base), more);
    }
    for m in MULTIPLIERS {
        if !is_at(chars, k, m) {
            continue;
        }
        let mut b = k + len(m);
        if matches!(at(chars, b), '余' | '多') {
            more = true;
            b += 1;
        }
        if let Some(base) = base_at(chars, b) {
            return (Unit::Measure, format!("{m}{base}"), b + len(base), more);
        }
        if BARE_MULTIPLIERS.contains(m) {
            return (Unit::Measure, (*m).to_owned(), b, more);
        }
    }
    // 5大产业链: a small whole number of big things.
    let small = value.is_some_and(|v| v.fract() == 0.0 && (1.0..=30.0).contains(&v));
    if c == '大' && small && is_han(at(chars, k + 1)) {
        return (Unit::Measure, "个".into(), k + 1, more);
    }
    (Unit::Other, String::new(), k, more)
}

/// `value` written in unit `from` (1300亿元) in unit `to` (万亿元), when the two count the
/// same thing with different multipliers; `None` when they do not.
pub(crate) fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    let (m_from, base_from) = split_multiplier(from);
    let (m_to, base_to) = split_multiplier(to);
    (base_from == base_to).then(|| value * m_from / m_to)
}

/// 万亿元 → (1e12, 元).
fn split_multiplier(unit: &str) -> (f64, &str) {
    const SCALES: [(&str, f64); 7] = [
        ("万亿", 1e12),
        ("千万", 1e7),
        ("百万", 1e6),
        ("亿", 1e8),
        ("万", 1e4),
        ("千", 1e3),
        ("百", 1e2),
    ];
    SCALES
        .iter()
        .find_map(|(m, f)| unit.strip_prefix(m).map(|base| (*f, base)))
        .unwrap_or((1.0, unit))
}

fn base_at(chars: &[char], k: usize) -> Option<&'static str> {
    BASES
        .iter()
        .zip(BASE_CHARS.iter())
        .filter(|(_, b)| b.first() == chars.get(k) && chars.get(k..k + b.len()) == Some(b))
        .max_by_key(|(_, b)| b.len())
        .map(|(base, _)| *base)
}

/// 左右/上下 → about, 以上 → at least, 以内/以下 → at most, written after a number.
fn qualifier_after(chars: &[char], k: usize, e: usize) -> (Option<Qualifier>, usize) {
    for (word, q) in [
        ("左右", Qualifier::About),
        ("上下", Qualifier::About),
        ("以上", Qualifier::AtLeast),
        ("以内", Qualifier::AtMost),
        ("以下", Qualifier::AtMost),
    ] {
        if is_at(chars, k, word) && k + len(word) <= e {
            return (Some(q), k + len(word));
        }
    }
    (None, k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<(f64, Unit, String, Option<Qualifier>)> {
        let chars: Vec<char> = text.chars().collect();
        tokenize(&chars, 0, chars.len())
            .into_iter()
            .map(|t| (t.value, t.unit, t.unit_text, t.after))
            .collect()
    }

    #[test]
    fn units_and_qualifiers() {
        assert_eq!(
            scan("牲畜存栏稳定在1600万头只以上")[0],
            (
                1600.0,
                Unit::Measure,
                "万头只".into(),
                Some(Qualifier::AtLeast)
            )
        );
        let t = scan("新增集中供热能力750余万平方米，增长6%左右，1,234.5亿元以上，5大产业链");
        assert_eq!(
            t[0],
            (
                750.0,
                Unit::Measure,
                "万平方米".into(),
                Some(Qualifier::MoreThan)
            )
        );
        assert_eq!(
            t[1],
            (6.0, Unit::Percent, "%".into(), Some(Qualifier::About))
        );
        assert_eq!(
            t[2],
            (
                1234.5,
                Unit::Measure,
                "亿元".into(),
                Some(Qualifier::AtLeast)
            )
        );
        assert_eq!(t[3], (5.0, Unit::Measure, "个".into(), None));
    }

    #[test]
    fn tenths_after_a_growth_verb_are_percentages() {
        assert_eq!(
            scan("旅游总收入增长四成，客流下降两成多"),
            [
                (40.0, Unit::Percent, "%".into(), None),
                (20.0, Unit::Percent, "%".into(), Some(Qualifier::MoreThan))
            ]
        );
        assert!(scan("民生支出占比近七成，八成以上的村").is_empty());
    }

    #[test]
    fn dates_codes_ranges_and_years_are_not_quantities() {
        for text in [
            "8月6日",
            "第20届",
            "3—5年时间",
            "2021—2035",
            "PM2.5年",
            "5G基站",
            "12345热线",
            "3号线",
            "时隔30年",
            "0.5个百分点",
            "1—2个",
        ] {
            assert!(
                scan(text)
                    .iter()
                    .all(|t| !matches!(t.1, Unit::Measure | Unit::Percent | Unit::Times)),
                "{text}: {:?}",
                scan(text)
            );
        }
        assert_eq!(scan("5G基站")[0].1, Unit::Code);
        assert_eq!(scan("2023年")[0].1, Unit::Year);
        assert_eq!(scan("连续7年")[0].1, Unit::Measure);
        assert_eq!(scan("增长-2.5%")[0].0, -2.5);
        assert_eq!(scan("11月7日-9日")[2].0, 9.0);
    }

    fn ranges(text: &str) -> Vec<(f64, Option<f64>, bool, Unit, String)> {
        let chars: Vec<char> = text.chars().collect();
        tokenize(&chars, 0, chars.len())
            .into_iter()
            .map(|t| (t.value, t.high, t.reversed, t.unit, t.unit_text))
            .collect()
    }

    #[test]
    fn ranges_with_one_or_two_units() {
        let pct = |lo, hi| vec![(lo, Some(hi), false, Unit::Percent, "%".to_owned())];
        // One sign of each kind, with the unit once or after both bounds.
        for text in [
            "4.5%—5%",
            "4.5-5%",
            "4.5%-5%",
            "4.5%~5%",
            "4.5%至5%",
            "4.5%到5%",
            "4.5–5%",
        ] {
            assert_eq!(ranges(text), pct(4.5, 5.0), "{text}");
        }
        assert_eq!(
            ranges("5000—5500亿元"),
            vec![(
                5000.0,
                Some(5500.0),
                false,
                Unit::Measure,
                "亿元".to_owned()
            )]
        );
        assert_eq!(
            ranges("5000亿元至5500亿元以上")[0].1,
            Some(5500.0),
            "a qualifier after the upper bound"
        );
        // Written high to low: stored low to high, and marked.
        assert_eq!(
            ranges("5%—4.5%"),
            vec![(4.5, Some(5.0), true, Unit::Percent, "%".to_owned())]
        );
        // Two numbers of different units are two figures; 从…到 is a change, not a range.
        assert_eq!(ranges("5%—3万人").len(), 2);
        assert_eq!(ranges("从5%到6%").len(), 2);
        // Years, spans of years and vague small counts stay out.
        for text in ["3—5年", "2021—2035年", "1—2个", "3-5家"] {
            assert!(ranges(text).iter().all(|t| t.3 == Unit::Other), "{text}");
        }
        assert_eq!(ranges("10—15家")[0].1, Some(15.0));
    }

    #[test]
    fn units_convert_between_multipliers() {
        assert_eq!(convert(1300.0, "亿元", "万亿元"), Some(0.13));
        assert_eq!(convert(1.3, "万亿元", "亿元"), Some(13000.0));
        assert_eq!(convert(2.0, "万人", "人"), Some(20000.0));
        assert_eq!(convert(2.0, "万人", "亿元"), None);
    }
}
