//! A name folded and trimmed for matching, and the words that may stand around a wording
//! of the vocabulary in a name that still means it.

use crate::text_util::fold;

/// A name folded for matching: full-width forms, case, spaces and quotes folded away, a
/// gloss in brackets dropped (细颗粒物（PM2.5）平均浓度 → 细颗粒物平均浓度), abbreviations
/// written out (规上 → 规模以上) and 占比 written 比重.
pub fn fold_name(name: &str) -> String {
    let folded: String = fold(name)
        .chars()
        .filter(|c| !matches!(c, '"' | '\'' | '《' | '》' | '〈' | '〉'))
        .map(|c| match c {
            '（' | '[' | '〔' | '【' => '(',
            '）' | ']' | '〕' | '】' => ')',
            _ => c.to_ascii_lowercase(),
        })
        .collect();
    let mut s = drop_glosses(&folded);
    for (short, long) in [
        ("规上", "规模以上"),
        ("限上", "限额以上"),
        ("规模工业", "规模以上工业"),
        ("的比重", "比重"),
        ("的比例", "比例"),
    ] {
        if s.contains(short) {
            s = s.replace(short, long);
        }
    }
    if let Some(head) = s.strip_suffix("占比") {
        s = format!("{head}比重");
    }
    s
}

/// Drops what is in brackets when something is left outside them, and stray brackets.
fn drop_glosses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    if out.is_empty() {
        s.chars().filter(|c| !matches!(c, '(' | ')')).collect()
    } else {
        out
    }
}

/// A name without the words at its ends that are never part of one: 年末常住人口 →
/// 常住人口, 城镇调查失业率平均 → 城镇调查失业率, 2023年粮食产量 → 粮食产量.
pub fn trim_name(name: &str) -> std::borrow::Cow<'_, str> {
    // Remembered: every naming rule of the extractor trims the names it tries.
    match crate::text_util::remembered(&TRIMMED, name, |name| {
        let trimmed = trimmed(name);
        (trimmed.len() < name.len()).then(|| trimmed.to_owned())
    }) {
        Some(trimmed) => std::borrow::Cow::Owned(trimmed),
        None => std::borrow::Cow::Borrowed(name),
    }
}

thread_local! {
    static TRIMMED: crate::text_util::Seen<Option<String>> = Default::default();
}

fn trimmed(name: &str) -> &str {
    let mut s = name;
    loop {
        let before = s.len();
        s = strip_year(s);
        for w in TRIM_BEFORE {
            if let Some(rest) = s.strip_prefix(w)
                && rest.chars().count() >= 2
            {
                s = rest;
            }
        }
        for w in TRIM_AFTER {
            if let Some(rest) = s.strip_suffix(w)
                && rest.chars().count() >= 2
            {
                s = rest;
            }
        }
        if s.len() == before {
            break;
        }
    }
    s
}

/// 2023年 / 到2030年 / 2023年末 at the start of a name.
fn strip_year(s: &str) -> &str {
    let rest = s.strip_prefix('到').unwrap_or(s);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    match rest.get(digits..).and_then(|r| r.strip_prefix('年')) {
        Some(tail) if digits == 4 => match tail.trim_start_matches(['底', '末']) {
            "" => s,
            tail => tail,
        },
        _ => s,
    }
}

/// Opening words that are never part of a name (time, scope of the whole region, intent).
pub const TRIM_BEFORE: &[&str] = &[
    "正常年景下",
    "初步核算",
    "初步测算",
    "其中",
    "全年",
    "年末",
    "年底",
    "年初",
    "今年",
    "去年",
    "当年",
    "本年",
    "预计",
    "拟安排",
    "安排",
    "拟发行",
    "发行",
    "创建",
    "力争",
    "确保",
    "努力",
    "争取",
    "实现",
    "完成",
    "达到",
    "全省",
    "全区",
    "全市",
    "全州",
    "全县",
    "全盟",
    "全旗",
    "全自治区",
    "我省",
    "我区",
    "我市",
    "我州",
    "我县",
    "本市",
];

/// Closing words that are never part of a name (城镇调查失业率平均为 → 城镇调查失业率).
pub const TRIM_AFTER: &[&str] = &[
    "平均为",
    "平均",
    "始终",
    "折合人民币",
    "折合美元",
    "折合",
    "控制在",
    "保持在",
    "稳定在",
    "预计",
    "建设",
    "完成",
    "实现",
    "达到",
    "分别",
    "累计",
    "两年",
    "三年",
    "五年",
    "连续",
    "按",
    "降至",
    "降到",
    "降低到",
    "下降到",
    "下降至",
    "提高到",
    "提高至",
    "压缩至",
    "压缩到",
    "缩短至",
    "缩短到",
    "提升到",
    "提升至",
    "增加到",
    "增至",
    "上升到",
    "上升至",
    "突破",
    "超过",
    "惠及",
    "增长",
    "下降",
    "上涨",
];

/// Words that may stand before a vocabulary wording in a name that still means it:
/// 全国城镇调查失业率, 新建高标准农田, 累计建成5G基站.
const AROUND_BEFORE: &[&str] = &[
    "全国",
    "全省",
    "全区",
    "全市",
    "全州",
    "全县",
    "全社会",
    "自治区",
    "省",
    "市",
    "设区市",
    "设区城市",
    "设区的市",
    "中心城市",
    "为市场主体",
    "市场主体",
    "县级以上城市",
    "县级及以上城市",
    "地级及以上城市",
    "地级以上城市",
    "地级城市",
    "主要",
    "平均",
    "年均",
    "累计",
    "建成",
    "新建改造",
    "新改建",
    "新建",
    "建设",
    "改造",
    "完成",
    "实现",
    "全面",
    "的",
];

/// Words that may follow a vocabulary wording in a name that still means it:
/// 地区生产总值增速, 城镇居民人均可支配收入实际, 一般公共预算支出规模.
const AROUND_AFTER: &[&str] = &[
    "增速",
    "增幅",
    "涨幅",
    "增长率",
    "增长",
    "上涨",
    "下降",
    "降低",
    "提高",
    "提升",
    "减少",
    "实际",
    "名义",
    "总量",
    "总额",
    "规模",
    "水平",
    "平均",
    "均值",
    "年均",
    "人数",
    "面积",
    "建设",
    "累计",
    "建成",
    "总计",
];

#[derive(Clone, Copy)]
enum Edge {
    Start,
    End,
}

/// Whether `s` is nothing but `words` (and years) strung together.
fn only_words(mut s: &str, words: &[&str], edge: Edge) -> bool {
    while !s.is_empty() {
        let stripped = match edge {
            Edge::Start => {
                let y = strip_year(s);
                if y.len() < s.len() {
                    Some(y)
                } else {
                    words.iter().find_map(|w| s.strip_prefix(w))
                }
            }
            Edge::End => words.iter().find_map(|w| s.strip_suffix(w)),
        };
        match stripped {
            Some(rest) => s = rest,
            None => return false,
        }
    }
    true
}

/// Whether the words before and after a wording found inside a name leave its meaning:
/// scope, time and function words only (全省…, 年末…, …平均).
pub(super) fn only_around(before: &str, after: &str) -> bool {
    only_words(before, AROUND_BEFORE, Edge::Start) && only_words(after, AROUND_AFTER, Edge::End)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_of_words_around_them() {
        assert_eq!(trim_name("年末常住人口"), "常住人口");
        assert_eq!(trim_name("2023年底粮食产量"), "粮食产量");
        assert_eq!(trim_name("城镇调查失业率平均为"), "城镇调查失业率");
        assert_eq!(trim_name("力争粮食产量"), "粮食产量");
        assert_eq!(trim_name("拟安排地方政府专项债券"), "地方政府专项债券");
        assert_eq!(trim_name("城镇登记失业率始终控制在"), "城镇登记失业率");
        assert_eq!(trim_name("进出口总额折合人民币"), "进出口总额");
        assert_eq!(trim_name("企业开办时间压缩至"), "企业开办时间");
        // Never trimmed to nothing or to one word.
        assert_eq!(trim_name("全年"), "全年");
        assert_eq!(trim_name("实现率"), "实现率");
    }
}
