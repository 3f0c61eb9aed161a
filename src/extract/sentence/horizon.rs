//! Figures over several years: the words that make a number a five-year average, a sum
//! over a plan period or a goal beyond the plan year, and the horizon they name.
//!
//! Such a figure is never the plan year's target nor last year's result: its draft carries
//! the horizon and its indicator is marked `multi_year`.

use crate::extract::text::{at, is_han, string, year_at};
use crate::model::MultiYear;

/// How far a marker reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reach {
    /// Every later number of the sentence (五年来, “十四五”期间, 到2030年, 用3—5年时间).
    Sentence,
    /// The later numbers of its clause only (年均, 两年累计, 比2020年, 从…到…).
    Clause,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Marker {
    pub pos: usize,
    pub reach: Reach,
    pub horizon: MultiYear,
}

/// Han numerals that count years (两年, 五年来); 一 is left out: 一年来 is the review year.
const YEAR_COUNTS: &str = "两二三四五六七八九十几";
/// Five-year plans by their numeral, with their last year.
const PLANS: &[(char, i32)] = &[
    ('一', 2010),
    ('二', 2015),
    ('三', 2020),
    ('四', 2025),
    ('五', 2030),
];

/// The multi-year markers of `chars[s..e]`, in text order. `review` and `plan` are the
/// report's years: a year after the plan year, or a comparison with a year before the review
/// year, spans several years.
pub(super) fn markers(chars: &[char], s: usize, e: usize, review: i32, plan: i32) -> Vec<Marker> {
    let mut out = Vec::new();
    for p in s..e {
        let found = match at(chars, p) {
            '年' => at_year_word(chars, s, p, e, review, plan),
            '十' => plan_period(chars, p, e),
            '从' => from_to(chars, p, e),
            '累' => cumulative(chars, s, p),
            _ => None,
        };
        out.extend(found);
    }
    for m in &mut out {
        if m.reach == Reach::Sentence && !leads_sentence(chars, s, e, m, plan) {
            m.reach = Reach::Clause;
        }
    }
    out
}

/// Whether a marker speaks for the rest of the sentence: it opens the sentence (五年来，…),
/// its clause introduces a list (…，今后五年全区…的主要目标是：…), it stands as a clause of
/// its own (…，用3—5年时间，…), or it dates the clause it opens beyond the plan year
/// (…，到2030年风电装机…，森林覆盖率…). Inside a later clause (…，“十四五”时期年均增长4.9%)
/// it speaks for that clause only.
fn leads_sentence(chars: &[char], s: usize, e: usize, m: &Marker, plan: i32) -> bool {
    let is_mark = |k: usize| matches!(at(chars, k), '，' | ',' | '：' | ':');
    let start = (s..m.pos).rev().find(|&k| is_mark(k)).map_or(s, |k| k + 1);
    let end = m.pos + m.horizon.horizon.chars().count();
    let rest = (end..e).find(|&k| is_mark(k)).unwrap_or(e);
    let opens_clause = (start..m.pos).all(|k| !is_han(at(chars, k)));
    start == s
        || matches!(at(chars, rest), '：' | ':')
        || opens_clause && (end..rest).all(|k| !is_han(at(chars, k)))
        || opens_clause && m.horizon.until.is_some_and(|y| y > plan)
}

/// The horizon of a number at `pos` whose clause starts at `clause`: the latest marker
/// before it that reaches it.
pub(super) fn of_number(markers: &[Marker], clause: usize, pos: usize) -> Option<&MultiYear> {
    markers
        .iter()
        .rev()
        .filter(|m| m.pos < pos)
        .find(|m| m.reach == Reach::Sentence || m.pos >= clause)
        .map(|m| &m.horizon)
}

fn marker(chars: &[char], a: usize, b: usize, reach: Reach, until: Option<i32>) -> Marker {
    Marker {
        pos: a,
        reach,
        horizon: MultiYear {
            horizon: string(chars, a, b),
            until,
        },
    }
}

/// Markers around a 年 at `p`: 年均, 五年来 / 过去五年 / 今后五年, 两年累计, 用3—5年时间,
/// 到2030年, 2030年前, 比2020年, 2021—2025年.
fn at_year_word(
    chars: &[char],
    s: usize,
    p: usize,
    e: usize,
    review: i32,
    plan: i32,
) -> Option<Marker> {
    let next = at(chars, p + 1);
    if next == '均' && p + 2 <= e {
        // 细颗粒物（PM2.5）年均浓度: one year's average, the statistic's own name.
        let named = ["浓度", "值"].iter().any(|w| starts_with(chars, p + 2, w));
        return (!named).then(|| marker(chars, p, p + 2, Reach::Clause, None));
    }
    if let Some((a, han)) = count_before(chars, s, p) {
        // 五年来, 五年间; 过去五年, 近五年, 这五年, 今后五年, 未来五年; 连续五年.
        let lead = ["过去", "过去的", "近", "这", "今后", "未来", "连续"]
            .iter()
            .find(|w| a >= s + w.chars().count() && ends_with(chars, a, w))
            .map_or(0, |w| w.chars().count());
        if lead == 2 && at(chars, a - 2) == '连' {
            return Some(marker(chars, a - 2, p + 1, Reach::Clause, Some(review)));
        }
        if matches!(next, '来' | '间') {
            return Some(marker(
                chars,
                a - lead,
                p + 2,
                Reach::Sentence,
                Some(review),
            ));
        }
        if lead > 0 {
            // 今后五年, 未来五年 look ahead; 过去五年, 近五年, 这五年 look back.
            let ahead = matches!(at(chars, a - lead), '今' | '未');
            let until = if ahead { plan + 4 } else { review };
            return Some(marker(chars, a - lead, p + 1, Reach::Sentence, Some(until)));
        }
        if next == '累' {
            return Some(marker(chars, a, p + 3, Reach::Clause, None));
        }
        // 五年平均, 三年增长, 五年城镇新增就业累计…: a count of years, not 第五年.
        if han && !(a > s && at(chars, a - 1) == '第') {
            return Some(marker(chars, a, p + 1, Reach::Clause, None));
        }
    }
    if next == '时' && at(chars, p + 2) == '间' {
        // 用3—5年时间, 用三年时间: 用 a few characters before.
        let a = (p.saturating_sub(6).max(s)..p)
            .rev()
            .find(|&k| at(chars, k) == '用')?;
        return Some(marker(chars, a, p + 3, Reach::Sentence, None));
    }
    let y = p
        .checked_sub(4)
        .filter(|&a| a >= s)
        .and_then(|a| year_at(chars, a))?;
    let a = p - 4;
    let before = if a > s { at(chars, a - 1) } else { '\0' };
    if y > plan && (matches!(before, '到' | '至') || next == '前') {
        let a = if matches!(before, '到' | '至') {
            a - 1
        } else {
            a
        };
        let b = if next == '前' { p + 2 } else { p + 1 };
        return Some(marker(chars, a, b, Reach::Sentence, Some(y)));
    }
    if y < review && before == '比' {
        return Some(marker(chars, a - 1, p + 1, Reach::Clause, Some(review)));
    }
    // 2021—2025年: a span of years.
    if matches!(before, '—' | '-' | '–' | '至')
        && let Some(first) = a.checked_sub(5).filter(|&f| f >= s)
        && four_digits(chars, first).is_some_and(|f| f < y)
    {
        return Some(marker(chars, first, p + 1, Reach::Sentence, Some(y)));
    }
    None
}

/// 累计 (not 全年累计, 当年累计: a sum within the year): a sum over several years.
fn cumulative(chars: &[char], s: usize, p: usize) -> Option<Marker> {
    if at(chars, p + 1) != '计' {
        return None;
    }
    let within_year = ["全年", "当年", "今年", "年内", "本年"]
        .iter()
        .any(|w| p >= s + 2 && ends_with(chars, p, w));
    // 两年累计, 五年来累计: the count of years is the marker.
    let counted = p > s && (at(chars, p - 1) == '年' || ends_with(chars, p, "年来"));
    (!within_year && !counted).then(|| marker(chars, p, p + 2, Reach::Clause, None))
}

/// The count of years just before the 年 at `p` (五, 两, 10): where it starts, and whether
/// it is written in Han numerals. Digits count from 2 and have at most two places.
fn count_before(chars: &[char], s: usize, p: usize) -> Option<(usize, bool)> {
    if p > s && YEAR_COUNTS.contains(at(chars, p - 1)) {
        return Some((p - 1, true));
    }
    let digits = (s..p)
        .rev()
        .take_while(|&k| at(chars, k).is_ascii_digit())
        .take(3)
        .count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let a = p - digits;
    let value: u32 = (a..p)
        .filter_map(|k| at(chars, k).to_digit(10))
        .fold(0, |v, d| v * 10 + d);
    (value >= 2).then_some((a, false))
}

/// “十四五”期间, 十四五时期, “十三五”以来, “十四五”末: a five-year plan's period.
fn plan_period(chars: &[char], p: usize, e: usize) -> Option<Marker> {
    let until = PLANS
        .iter()
        .find(|(n, _)| at(chars, p + 1) == *n)
        .map(|(_, y)| *y)?;
    if at(chars, p + 2) != '五' {
        return None;
    }
    let mut k = p + 3;
    if matches!(at(chars, k), '”' | '"' | '’' | '」') {
        k += 1;
    }
    // “十二五”规划确定的城镇化率达到50%以上: the plan's goal, for its clause only (今年是
    // “十四五”规划收官之年，… names no figure of the plan).
    let (word, reach) = ["期间", "时期", "以来", "规划期", "末"]
        .iter()
        .map(|w| (*w, Reach::Sentence))
        .chain(
            ["规划纲要确定", "规划纲要提出", "规划确定", "规划提出"]
                .iter()
                .map(|w| (*w, Reach::Clause)),
        )
        .find(|(w, _)| starts_with(chars, k, w))?;
    let a = if p > 0 && matches!(at(chars, p - 1), '“' | '"' | '‘' | '「') {
        p - 1
    } else {
        p
    };
    // The horizon names the plan (“十二五”规划), not the verb that quotes it.
    let word = word.trim_end_matches("确定").trim_end_matches("提出");
    let b = (k + word.chars().count()).min(e);
    Some(marker(chars, a, b, reach, Some(until)))
}

/// 从X增加到Y, 从不到X万亿元增加到超过Y万亿元: where a figure went over a span of years.
/// 由…提高到… is left to the annual reading (由2022年的74.5%提高到76.5%).
fn from_to(chars: &[char], p: usize, e: usize) -> Option<Marker> {
    // A number within a few characters (从不到5万亿元, 从2020年的…).
    let first = (p + 1..(p + 8).min(e)).find(|&k| at(chars, k).is_ascii_digit())?;
    let words: String = chars.get(p + 1..first)?.iter().collect();
    if words
        .chars()
        .any(|c| is_han(c) && !"不到足约近的年".contains(c))
    {
        return None;
    }
    let clause_end = (first..e)
        .find(|&k| matches!(at(chars, k), '，' | ',' | '；' | ';' | '。'))
        .unwrap_or(e);
    let to = (first..clause_end).find(|&k| matches!(at(chars, k), '到' | '至'))?;
    Some(marker(chars, p, to + 1, Reach::Clause, None))
}

/// A year written as four digits at `i`, with no digit before it.
fn four_digits(chars: &[char], i: usize) -> Option<i32> {
    if i > 0 && at(chars, i - 1).is_ascii_digit() {
        return None;
    }
    (i..i + 4).try_fold(0i32, |y, k| {
        Some(y * 10 + at(chars, k).to_digit(10)? as i32)
    })
}

fn starts_with(chars: &[char], k: usize, w: &str) -> bool {
    w.chars().enumerate().all(|(i, c)| at(chars, k + i) == c)
}

/// Whether the characters just before `a` spell `w`.
fn ends_with(chars: &[char], a: usize, w: &str) -> bool {
    let n = w.chars().count();
    a >= n && starts_with(chars, a - n, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Reach, Option<i32>)> {
        let chars: Vec<char> = text.chars().collect();
        markers(&chars, 0, chars.len(), 2024, 2025)
            .into_iter()
            .map(|m| (m.horizon.horizon, m.reach, m.horizon.until))
            .collect()
    }

    #[test]
    fn markers_of_several_years() {
        use Reach::{Clause, Sentence};
        let m = |w: &str, r, u| (w.to_owned(), r, u);
        assert_eq!(found("地区生产总值年均增长6%"), [m("年均", Clause, None)]);
        assert_eq!(found("细颗粒物（PM2.5）年均浓度34微克/立方米"), []);
        assert_eq!(
            found("五年来，城镇新增就业累计超过35万人"),
            [m("五年来", Sentence, Some(2024)), m("累计", Clause, None)]
        );
        assert_eq!(
            found("过去五年，粮食产量稳定在"),
            [m("过去五年", Sentence, Some(2024))]
        );
        assert_eq!(found("两年累计投入16亿元"), [m("两年累计", Clause, None)]);
        assert_eq!(
            found("“十五五”时期城镇调查失业率控制在5.5%以内"),
            [m("“十五五”时期", Sentence, Some(2030))]
        );
        assert_eq!(
            found("到2030年人均地区生产总值达到12万元"),
            [m("到2030年", Sentence, Some(2030))]
        );
        assert_eq!(
            found("用3—5年时间，集聚人才500人"),
            [m("用3—5年时间", Sentence, None)]
        );
        assert_eq!(
            found("比2020年增加5000亿元"),
            [m("比2020年", Clause, Some(2024))]
        );
        assert_eq!(
            found("国内生产总值从不到100万亿元增加到超过130万亿元"),
            [m("从不到100万亿元增加到", Clause, None)]
        );
        assert_eq!(
            found("粮食产量连续五年稳定在"),
            [m("连续五年", Clause, Some(2024))]
        );
        assert_eq!(found("连续3年位列"), [m("连续3年", Clause, Some(2024))]);
        assert_eq!(found("五年平均为5.4%"), [m("五年", Clause, None)]);
        assert_eq!(found("累计建成5G基站"), [m("累计", Clause, None)]);
        assert_eq!(
            found("2021—2025年，全市完成投资"),
            [m("2021—2025年", Sentence, Some(2025))]
        );
    }

    #[test]
    fn annual_wordings_are_no_markers() {
        for text in [
            "一年来，地区生产总值增长5%",
            "到2025年底，完成改造500户",
            "比上年增长6%",
            "近年来，全市人口增加",
            "由2022年的74.5%提高到76.5%",
            "“十四五”规划的关键一年",
            "从严从实抓好",
            "2025年是收官之年",
            "全年累计接待游客5000万人次",
            "第五年",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }

    #[test]
    fn a_span_inside_a_later_clause_reaches_that_clause_only() {
        let reach = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            markers(&chars, 0, chars.len(), 2024, 2025)
                .into_iter()
                .map(|m| m.reach)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            reach("地区生产总值增长4.6%，“十四五”时期年均增长4.9%"),
            [Reach::Clause, Reach::Clause]
        );
        assert_eq!(
            reach("投资5亿元，用3—5年时间，集聚人才500人"),
            [Reach::Sentence]
        );
        assert_eq!(
            reach("“十五五”时期的主要目标是：经济稳定增长"),
            [Reach::Sentence]
        );
    }

    #[test]
    fn a_clause_marker_reaches_its_clause_only() {
        let text = "地区生产总值突破3万亿元、年均增长4.7%，今年增长5%";
        let chars: Vec<char> = text.chars().collect();
        let ms = markers(&chars, 0, chars.len(), 2024, 2025);
        let pos = |w: &str| text.find(w).map(|b| text[..b].chars().count()).unwrap();
        assert!(of_number(&ms, 0, pos("3万")).is_none());
        assert!(of_number(&ms, 0, pos("4.7")).is_some());
        assert!(of_number(&ms, pos("今年"), pos("5%")).is_none());
    }
}
