//! The shape of a report: paragraphs, which part each belongs to (the review of last year or
//! the plan for this year), the two years, and the 主要预期目标 passage.
//!
//! Reports come in two shapes. Most have numbered top headings (一、2023年工作回顾 /
//! 二、2024年工作目标和主要任务); then the headings decide the parts. Others run on without
//! headings and mark the turn with wording (过去一年… / 今年…); then paragraph openings decide.

use std::sync::Arc;

use super::text::{at, is_at, is_han, len, seg, string, year_at, years_in};

/// A line of the report, trimmed, as a range of normalized characters.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Para {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Review,
    Plan,
}

pub(crate) struct Layout {
    pub review: i32,
    pub plan: i32,
    pub paras: Vec<Para>,
    pub parts: Vec<Part>,
    /// The 主要预期目标 passage in each paragraph (a range of characters), if it is in it.
    pub headline: Vec<Option<(usize, usize)>>,
    /// The multi-year period each paragraph speaks of, in the report's words (过去五年,
    /// “十四五”时期, “十五五”时期主要目标), or `None` for a paragraph of the review or plan
    /// year: see [`super::period`]. Read by the sentences' figures (marked multi-year).
    #[allow(
        dead_code,
        reason = "the figures' side reads it (sentence.rs), in another branch"
    )]
    pub period: Vec<Option<Arc<str>>>,
}

/// 今年以来 looks back too (一、2019年和今年以来工作回顾, a report given late in the year).
const REVIEW_HEADING: &[&str] = &["回顾", "总结", "过去一年", "过去的一年", "去年", "今年以来"];
const PLAN_HEADING: &[&str] = &[
    "目标",
    "任务",
    "安排",
    "今年",
    "总体要求",
    "重点工作",
    "工作重点",
    "主要工作",
    "计划",
    "部署",
    "展望",
    "思路",
];
const REVIEW_OPENING: &[&str] = &["过去一年", "过去的一年", "一年来", "去年", "回顾过去"];
const PLAN_OPENING: &[&str] = &["今年", "做好今年", "新的一年", "展望今年"];
/// Greetings that open a paragraph before its real first words.
const GREETINGS: &[&str] = &[
    "各位代表！",
    "各位代表，",
    "各位代表：",
    "各位代表!",
    "各位代表,",
];

impl Layout {
    /// `None` when no year can be found for the plan. `plan`: the plan year the user gave
    /// (`extract --year`), which the text's cues do not override.
    pub fn read(chars: &[char], plan: Option<i32>) -> Option<Layout> {
        let paras = split_paras(chars);
        let tops: Vec<bool> = paras.iter().map(|p| is_top_heading(chars, p)).collect();
        let heads: Vec<Option<Part>> = paras
            .iter()
            .zip(&tops)
            .map(|(p, &top)| top.then(|| heading_cue(&string(chars, p.start, p.end)))?)
            .collect();
        let structured = heads.iter().any(Option::is_some);
        let headline = headline_passage(chars, &paras);
        let parts = assign_parts(chars, &paras, &heads, &headline, structured, None);
        let (review, plan) = match plan {
            Some(plan) => (plan - 1, plan),
            None => find_years(chars, &paras, &heads, &parts)?,
        };
        let parts = if structured {
            parts
        } else {
            let years = Some((review, plan));
            assign_parts(chars, &paras, &heads, &headline, false, years)
        };
        let period = super::period::periods(chars, &paras, &tops, (review, plan), &headline);
        Some(Layout {
            review,
            plan,
            paras,
            parts,
            headline,
            period,
        })
    }
}

fn split_paras(chars: &[char]) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        if i == chars.len() || at(chars, i) == '\n' {
            let mut a = start;
            let mut b = i;
            while a < b && at(chars, a).is_whitespace() {
                a += 1;
            }
            while b > a && at(chars, b - 1).is_whitespace() {
                b -= 1;
            }
            if a < b {
                paras.push(Para { start: a, end: b });
            }
            start = i + 1;
        }
    }
    paras
}

pub(super) fn is_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// 一、… / 二．… / 第一部分…, short, with no full stop inside.
fn is_top_heading(chars: &[char], p: &Para) -> bool {
    let text = seg(chars, p.start, p.end);
    if text.len() > 60 || text.iter().rev().skip(1).any(|&c| c == '。') {
        return false;
    }
    let numerals = text.iter().take_while(|&&c| is_numeral(c)).count();
    (numerals > 0 && matches!(at(text, numerals), '、' | '.' | '，'))
        || (at(text, 0) == '第' && is_at(text, 1 + numerals_from(text, 1), "部分"))
}

fn numerals_from(text: &[char], i: usize) -> usize {
    text.iter().skip(i).take_while(|&&c| is_numeral(c)).count()
}

/// Which part a top heading opens, from its words; the earlier cue wins when both occur
/// (过去一年工作回顾和今年工作安排 opens the review).
fn heading_cue(heading: &str) -> Option<Part> {
    let first = |cues: &[&str]| cues.iter().filter_map(|c| heading.find(c)).min();
    match (first(REVIEW_HEADING), first(PLAN_HEADING)) {
        (Some(r), Some(p)) => Some(if r <= p { Part::Review } else { Part::Plan }),
        (Some(_), None) => Some(Part::Review),
        (None, Some(_)) => Some(Part::Plan),
        (None, None) => None,
    }
}

/// The opening words of a paragraph, after a greeting such as 各位代表！
pub(super) fn opening(chars: &[char], p: &Para) -> usize {
    let mut i = p.start;
    for g in GREETINGS {
        if is_at(chars, i, g) {
            i += len(g);
        }
    }
    while i < p.end && matches!(at(chars, i), ' ' | '—' | '-') {
        i += 1;
    }
    i
}

/// Which part a paragraph's opening words turn to, in a report without headings.
fn opening_cue(chars: &[char], p: &Para, years: Option<(i32, i32)>) -> Option<Part> {
    let i = opening(chars, p);
    if REVIEW_OPENING.iter().any(|c| is_at(chars, i, c)) {
        return Some(Part::Review);
    }
    if PLAN_OPENING.iter().any(|c| is_at(chars, i, c)) {
        return Some(Part::Plan);
    }
    let (review, plan) = years?;
    match year_at(chars, i) {
        Some(y) if y == review => Some(Part::Review),
        Some(y) if y == plan => Some(Part::Plan),
        _ => None,
    }
}

fn assign_parts(
    chars: &[char],
    paras: &[Para],
    heads: &[Option<Part>],
    headline: &[Option<(usize, usize)>],
    structured: bool,
    years: Option<(i32, i32)>,
) -> Vec<Part> {
    let mut current = Part::Review;
    let mut parts = Vec::with_capacity(paras.len());
    for (i, p) in paras.iter().enumerate() {
        let cue = if structured {
            heads.get(i).copied().flatten()
        } else {
            opening_cue(chars, p, years)
        };
        if let Some(part) = cue {
            current = part;
        }
        if headline.get(i).copied().flatten().is_some() {
            // The main targets are the plan, wherever they stand.
            if !structured {
                current = Part::Plan;
            }
            parts.push(Part::Plan);
        } else {
            parts.push(current);
        }
    }
    parts
}

/// The passage after 主要预期目标是： up to the end of its sentence — or, when the paragraph
/// ends at the colon, the list items (——…, （1）…, 一是…) that follow.
fn headline_passage(chars: &[char], paras: &[Para]) -> Vec<Option<(usize, usize)>> {
    let mut passage = vec![None; paras.len()];
    let mut i = 0;
    while i < paras.len() {
        let Some(p) = paras.get(i) else { break };
        // 主要预期目标是：, or 今年…主要目标是： (a national report without a growth target;
        // the next plan's 主要目标 is no year's).
        let found = (p.start..p.end).find_map(|k| {
            if at(chars, k) != '主' {
                return None;
            }
            let from = if is_at(chars, k, "主要预期目标") {
                k + len("主要预期目标")
            } else if is_at(chars, k, "主要目标")
                && (k.saturating_sub(16).max(p.start)..k).any(|i| is_at(chars, i, "今年"))
            {
                k + len("主要目标")
            } else {
                return None;
            };
            let stop = (from + 4).min(p.end);
            (from..stop)
                .find(|&j| matches!(at(chars, j), '是' | '为' | '：' | ':'))
                .map(|j| j + 1)
        });
        let Some(start) = found else {
            i += 1;
            continue;
        };
        let end = (start..p.end)
            .find(|&k| matches!(at(chars, k), '。' | '！' | '!'))
            .unwrap_or(p.end);
        if let Some(slot) = passage.get_mut(i) {
            *slot = Some((start, end));
        }
        let rest = seg(chars, start, p.end);
        let ends_at_colon = !rest.iter().any(|c| c.is_ascii_digit() || is_han(*c));
        // …目标是：地区生产总值增长10%左右； with the other targets on the lines after.
        let listed_on = matches!(rest.last(), Some('；' | ';'));
        i += 1;
        if ends_at_colon || listed_on {
            // The targets follow: list items, or lines that each end with ； (one target a
            // line, no mark), up to the line that ends the list.
            let mut goes_on = true;
            while let Some(q) = paras.get(i) {
                let text = seg(chars, q.start, q.end);
                if !(goes_on || is_list_item(text)) {
                    break;
                }
                if let Some(slot) = passage.get_mut(i) {
                    *slot = Some((q.start, q.end));
                }
                goes_on = matches!(text.last(), Some('；' | ';'));
                i += 1;
            }
        }
    }
    passage
}

fn is_list_item(text: &[char]) -> bool {
    let c = at(text, 0);
    matches!(c, '—' | '-' | '·' | '•' | '（' | '(' | '●' | '◆' | '★')
        || (c.is_ascii_digit() && matches!(at(text, 1), '、' | '.' | '）' | ')'))
        || (is_numeral(c) && at(text, 1) == '是')
}

/// Review and plan years: the title and the congress or date line first, then the headings,
/// then the report's own wording.
fn find_years(
    chars: &[char],
    paras: &[Para],
    heads: &[Option<Part>],
    parts: &[Part],
) -> Option<(i32, i32)> {
    let mut review_heading = None;
    let mut plan_heading = None;
    let mut plan_is = None;
    let mut review_is = None;
    let mut counts: [crate::text_util::FastMap<i32, usize>; 2] = Default::default();
    for (i, p) in paras.iter().enumerate() {
        let years = years_in(chars, p.start, p.end);
        match heads.get(i).copied().flatten() {
            Some(Part::Review) if review_heading.is_none() => {
                review_heading = years.last().copied();
            }
            Some(Part::Plan) if plan_heading.is_none() => plan_heading = years.first().copied(),
            _ => {}
        }
        let part = parts.get(i).copied().unwrap_or(Part::Review);
        for k in p.start..p.end {
            if at(chars, k + 5) == '是'
                && let Some(y) = year_at(chars, k)
            {
                let slot = if part == Part::Plan {
                    &mut plan_is
                } else {
                    &mut review_is
                };
                slot.get_or_insert(y);
            }
        }
        let count = &mut counts[usize::from(part == Part::Plan)];
        for y in years {
            *count.entry(y).or_default() += 1;
        }
    }
    let mode = |m: &crate::text_util::FastMap<i32, usize>| {
        m.iter().max_by_key(|(y, n)| (**n, **y)).map(|(y, _)| *y)
    };
    let [review_counts, plan_counts] = &counts;
    let plan = super::header::plan_year(chars)
        .or(plan_heading)
        .or(review_heading.map(|y| y + 1))
        .or(plan_is)
        .or(review_is.map(|y| y + 1))
        .or(mode(plan_counts))
        .or(mode(review_counts).map(|y| y + 1))
        .filter(|y| (1950..=2100).contains(y))?;
    let review = review_heading.filter(|&r| r < plan).unwrap_or(plan - 1);
    Some((review, plan))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> Option<Layout> {
        let chars: Vec<char> = text.chars().collect();
        Layout::read(&chars, None)
    }

    #[test]
    fn years_from_headings() {
        let l = layout("一、2022年工作回顾\n甲\n二、2023年工作总体要求和主要目标\n乙").unwrap();
        assert_eq!((l.review, l.plan), (2022, 2023));
        assert_eq!(
            l.parts,
            vec![Part::Review; 2]
                .into_iter()
                .chain(vec![Part::Plan; 2])
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn years_from_the_head_before_the_headings() {
        // A review heading without a year: the plan heading's year.
        let l = layout("一、过去一年工作回顾\n甲\n二、2024年工作安排\n乙").unwrap();
        assert_eq!((l.review, l.plan), (2023, 2024));
        // A report given late: the review covers the first months of the plan year too.
        let l = layout("一、2019年和今年以来工作回顾\n甲\n二、今年发展主要目标\n乙").unwrap();
        assert_eq!((l.review, l.plan), (2019, 2020));
        assert_eq!(l.parts.first(), Some(&Part::Review));
        // The congress line in Chinese numerals, without the dash, and headings without years.
        let text = "政府工作报告\n二〇二六年一月二十七日在某市第十届人民代表大会第五次会议上\n\
                    一、过去五年工作回顾\n甲\n二、今后五年的目标任务\n乙\n三、今年工作安排\n丙";
        let l = layout(text).unwrap();
        assert_eq!((l.review, l.plan), (2025, 2026));
    }

    #[test]
    fn the_main_targets_passage_without_expected() {
        let text = "一、2019年工作回顾\n甲。\n二、今年发展主要目标\n\
                    今后五年的主要目标是：经济保持中高速增长。\n\
                    今年发展主要目标是：城镇新增就业900万人以上。\n乙。";
        let l = layout(text).unwrap();
        let marked: Vec<usize> = (0..l.headline.len())
            .filter(|&i| l.headline[i].is_some())
            .collect();
        assert_eq!(marked, [4], "{:?}", l.headline);
    }

    #[test]
    fn targets_one_a_line_after_the_colon_are_the_passage() {
        for (colon, paras) in [("：\n", 4), ("：", 3)] {
            let text = format!(
                "一、2018年工作回顾\n甲。\n二、2019年主要目标\n\
                 今年的主要预期目标是{colon}全区生产总值增长10%左右；\n城镇新增就业4.5万人；\n\
                 居民消费价格涨幅3%左右。\n今年要重点抓好以下工作。"
            );
            let l = layout(&text).unwrap();
            let marked = l.headline.iter().filter(|p| p.is_some()).count();
            // The colon's paragraph and the targets; not the paragraph after the list.
            assert_eq!(marked, paras, "{:?}", l.headline);
            assert!(l.headline.last().is_some_and(Option::is_none));
        }
    }

    #[test]
    fn years_and_parts_from_wording() {
        let l = layout("（2024年1月10日）\n过去一年，甲。\n今年是关键一年。\n乙").unwrap();
        assert_eq!((l.review, l.plan), (2023, 2024));
        assert_eq!(
            l.parts,
            vec![Part::Review, Part::Review, Part::Plan, Part::Plan]
        );
        let l = layout("过去一年，甲。\n今年，2025年是收官之年。").unwrap();
        assert_eq!((l.review, l.plan), (2024, 2025));
        assert!(layout("过去一年，甲。\n今年，乙。").is_none());
    }
}
