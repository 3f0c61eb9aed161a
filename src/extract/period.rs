//! Which paragraphs speak of a multi-year period (a five-year review, the next plan's goals,
//! a mid-plan look back), in the report's own words: their figures are the period's, never
//! a plan-year target or last year's result.
//!
//! A paragraph is of a period when it opens with one (五年来, 过去五年, “十四五”时期,
//! 从“十四五”规划实施三年来…), or follows such an opening with no turn back to the year in
//! between (a paragraph that opens with the year, 去年, 今年…, a numbered item, the main
//! targets), or stands under a top heading that is all about one (二、“十五五”时期主要目标
//! 任务; 一、过去五年工作回顾) and does not open with the year itself.

use std::sync::Arc;

use super::header::chinese_year_at;
use super::layout::{Para, is_numeral, opening};
use super::text::{at, is_at, len, seg, string, year_at};

/// Openings that name a span of years.
const SPANS: &[&str] = &[
    "过去五年",
    "五年来",
    "今后五年",
    "未来五年",
    "过去三年",
    "三年来",
    "过去四年",
    "四年来",
    "过去十年",
    "十年来",
];

/// What may follow a five-year plan's name (“十四五”…) when it opens a period; the longer
/// first where one starts another.
const PLAN_SUFFIXES: &[&str] = &[
    "规划实施一年来",
    "规划实施两年来",
    "规划实施三年来",
    "规划实施四年来",
    "规划实施以来",
    "前两年",
    "前三年",
    "前四年",
    "时期",
    "期间",
    "以来",
    "规划",
];

/// Words before a period's name in an opening (回顾“十四五”时期, 从“十四五”规划实施三年来的
/// 情况看).
const LEADS: &[&str] = &["回顾", "从", "在"];

/// Every character a period's words can start with: those of [`LEADS`], [`SPANS`] and a
/// plan's name (十四五, “十四五”). A test keeps the list whole.
const PERIOD_STARTS: &[char] = &[
    '回', '从', '在', '过', '五', '今', '未', '三', '四', '十', '“', '"', '「',
];

/// Openings that turn back to one year (the review year or the plan year are checked apart).
const YEAR_OPENINGS: &[&str] = &[
    "过去一年",
    "过去的一年",
    "一年来",
    "去年",
    "回顾去年",
    "今年",
    "新的一年",
    "明年",
];

/// The period each paragraph speaks of, aligned with `paras` (and `tops`, which of them
/// are top headings).
pub(crate) fn periods(
    chars: &[char],
    paras: &[Para],
    tops: &[bool],
    years: (i32, i32),
    headline: &[Option<(usize, usize)>],
) -> Vec<Option<Arc<str>>> {
    let mut section: Option<Arc<str>> = None;
    let mut carried: Option<Arc<str>> = None;
    let mut out = Vec::with_capacity(paras.len());
    for (i, p) in paras.iter().enumerate() {
        if tops.get(i).copied().unwrap_or(false) {
            section = period_heading(chars, p, years).map(Arc::from);
            carried = None;
            out.push(section.clone());
            continue;
        }
        let mut start = opening(chars, p);
        let item = numbered_item(chars, start);
        if item > 0 {
            carried = None;
            start += item;
        }
        let period = if let Some(words) = period_at(chars, start, p.end) {
            carried = Some(Arc::from(words));
            carried.clone()
        } else if turns_to_the_year(chars, start, years)
            || headline.get(i).is_some_and(Option::is_some)
        {
            carried = None;
            None
        } else {
            carried.clone().or_else(|| section.clone())
        };
        out.push(period);
    }
    out
}

/// A top heading all about a period (一、过去五年工作回顾, 二、“十五五”时期主要目标任务): its
/// words without the number; `None` for one that also names the year (一、2025年和“十四五”
/// 时期工作回顾) or none.
fn period_heading(chars: &[char], p: &Para, (review, plan): (i32, i32)) -> Option<String> {
    let text = seg(chars, p.start, p.end);
    let names_period = (0..text.len()).any(|k| period_at(text, k, text.len()).is_some())
        || text.windows(2).any(|w| w == ['五', '年']);
    let names_year = (0..text.len()).any(|k| {
        year_at(text, k)
            .or_else(|| chinese_year_at(text, k))
            .is_some_and(|y| y == review || y == plan)
            || YEAR_OPENINGS.iter().any(|w| is_at(text, k, w))
    });
    if !names_period || names_year {
        return None;
    }
    let numerals = text.iter().take_while(|&&c| is_numeral(c)).count();
    let words = string(text, numerals + 1, text.len());
    Some(words)
}

/// The length of a numbered item's mark at `i` ((一), （二）, 一是), or 0.
fn numbered_item(chars: &[char], i: usize) -> usize {
    let c = at(chars, i);
    if matches!(c, '（' | '(') {
        let numerals = (i + 1..).take_while(|&k| is_numeral(at(chars, k))).count();
        let close = at(chars, i + 1 + numerals);
        return if numerals > 0 && matches!(close, '）' | ')') {
            numerals + 2
        } else {
            0
        };
    }
    let numerals = (i..).take_while(|&k| is_numeral(at(chars, k))).count();
    if numerals > 0 && at(chars, i + numerals) == '是' {
        numerals + 1
    } else {
        0
    }
}

/// Whether the words at `i` open on one year: the review or plan year (2024年…), 去年, 今年…
fn turns_to_the_year(chars: &[char], i: usize, (review, plan): (i32, i32)) -> bool {
    year_at(chars, i).is_some_and(|y| y == review || y == plan)
        || YEAR_OPENINGS.iter().any(|w| is_at(chars, i, w))
}

/// The period named at `i` (after one of [`LEADS`]), as the report words it: 五年来,
/// “十四五”时期, “十四五”规划实施三年来.
fn period_at(chars: &[char], i: usize, end: usize) -> Option<String> {
    // Asked at every paragraph and every character of a heading: most start no word here.
    if !PERIOD_STARTS.contains(&at(chars, i)) {
        return None;
    }
    let i = LEADS
        .iter()
        .find(|w| is_at(chars, i, w))
        .map_or(i, |w| i + len(w));
    if let Some(span) = SPANS.iter().find(|w| is_at(chars, i, w)) {
        return Some((*span).to_owned());
    }
    let plan_end = plan_name_end(chars, i)?;
    let suffix = PLAN_SUFFIXES.iter().find(|w| is_at(chars, plan_end, w))?;
    Some(string(chars, i, (plan_end + len(suffix)).min(end)))
}

/// Where the name of a five-year plan at `i` ends (“十四五”, "十五五", 十三五), if one is.
fn plan_name_end(chars: &[char], i: usize) -> Option<usize> {
    let quoted = matches!(at(chars, i), '“' | '"' | '「');
    let k = i + usize::from(quoted);
    let name = at(chars, k) == '十'
        && "一二三四五六七八九".contains(at(chars, k + 1))
        && at(chars, k + 2) == '五';
    if !name {
        return None;
    }
    let close = quoted && matches!(at(chars, k + 3), '”' | '"' | '」');
    Some(k + 3 + usize::from(close))
}

#[cfg(test)]
mod tests {
    use super::super::layout::Layout;

    #[test]
    fn every_start_of_a_period_is_known() {
        let firsts = super::LEADS
            .iter()
            .chain(super::SPANS)
            .map(|w| w.chars().next());
        for c in firsts.chain([Some('十'), Some('“'), Some('"'), Some('「')]) {
            assert!(
                c.is_some_and(|c| super::PERIOD_STARTS.contains(&c)),
                "{c:?}"
            );
        }
    }

    fn periods(text: &str) -> Vec<Option<String>> {
        let chars: Vec<char> = text.chars().collect();
        let layout = Layout::read(&chars, None).expect("years");
        layout
            .period
            .iter()
            .map(|p| p.as_deref().map(str::to_owned))
            .collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn openings_mark_their_paragraph_and_what_follows_until_the_year() {
        let got = periods(
            "一、2025年和“十四五”时期工作回顾\n\
             五年来，全区地区生产总值年均增长6.3%。\n\
             经济实力显著增强，累计新增就业238万人。\n\
             2025年，全区地区生产总值增长5.9%。\n\
             回顾“十四五”时期，我们经受住了考验。\n\
             （一）全力稳住经济大盘，工业增加值增长8%。\n\
             从“十四五”规划实施三年来的情况看，主要指标符合预期。\n\
             各位代表！过去五年，我们攻坚克难。\n\
             二、2026年工作总体要求和主要预期目标\n\
             今年主要预期目标是：地区生产总值增长5%左右。",
        );
        assert_eq!(
            got,
            vec![
                None,
                some("五年来"),
                some("五年来"),
                None,
                some("“十四五”时期"),
                None,
                some("“十四五”规划实施三年来"),
                some("过去五年"),
                None,
                None,
            ]
        );
    }

    #[test]
    fn headings_all_about_a_period_mark_their_section() {
        let got = periods(
            "一、过去五年工作回顾\n\
             五年来，我们主要做了以下工作。\n\
             （一）坚定不移推动高质量发展，五年累计完成投资22万亿元。\n\
             2022年，全省地区生产总值增长2.9%。\n\
             我们把科技创新作为第一动力。\n\
             二、“十五五”时期主要目标任务\n\
             经济增长保持在合理区间，国内生产总值年均增长4.5%以上。\n\
             三、2023年工作安排\n\
             今年主要预期目标是：地区生产总值增长6%左右。",
        );
        assert_eq!(
            got,
            vec![
                some("过去五年工作回顾"),
                some("五年来"),
                some("过去五年工作回顾"),
                None,
                some("过去五年工作回顾"),
                some("“十五五”时期主要目标任务"),
                some("“十五五”时期主要目标任务"),
                None,
                None,
            ]
        );
    }
}
