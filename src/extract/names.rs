//! Indicator names from the words before (or after) a number, the key that joins the same
//! indicator across the two years, and a category guessed from keywords.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::text::{Edge, automaton, first_chars, last_chars, strip_words};
use super::words::{CATEGORIES, CUTS, GENERIC, HEADS, PREFIXES, SUFFIXES, VERBS};
use crate::model::Category;
use crate::vocabulary;

const MAX_NAME: usize = 20;

/// The cut words, found in one pass: `clean` runs several times for each number of a report.
static CUT_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(CUTS));

/// The characters PREFIXES start with and SUFFIXES end with: most names have none of them,
/// and are left as they are without trying each word.
static PREFIX_STARTS: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(PREFIXES));
static SUFFIX_ENDS: LazyLock<Vec<char>> = LazyLock::new(|| last_chars(SUFFIXES));

/// Every keyword of [`CATEGORIES`] in one automaton, with the index of its category: a
/// category is guessed for each indicator, and a long report has thousands.
static CATEGORY_WORDS: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let (words, owners): (Vec<&str>, Vec<usize>) = CATEGORIES
        .iter()
        .enumerate()
        .flat_map(|(i, (_, words))| words.iter().map(move |w| (*w, i)))
        .unzip();
    (automaton(&words), owners)
});

/// A subject cleaned into a name: cut where the subject ends, without the verbs and adverbs
/// around it, at most the last 20 characters.
pub(crate) fn clean(raw: &str) -> String {
    thread_local! {
        static CLEANED: crate::text_util::Seen<String> = Default::default();
    }
    crate::text_util::remembered(&CLEANED, raw, cleaned)
}

fn cleaned(raw: &str) -> String {
    let whole = drop_circumstance(without_list_mark(raw.trim_matches(is_edge)));
    let whole = drop_running_years(&whole);
    let mut s: &str = from_list_count(&whole);
    if let Some(at) = find_from(s) {
        s = s.get(..at).unwrap_or(s);
    }
    // Each cut word in list order, at its first place in what is left of the name.
    let mut first_at: [Option<(usize, usize)>; CUTS.len()] = [None; CUTS.len()];
    for m in CUT_AUTOMATON.find_overlapping_iter(s) {
        if let Some(slot @ None) = first_at.get_mut(m.pattern().as_usize()) {
            *slot = Some((m.start(), m.end()));
        }
    }
    for (start, end) in first_at.into_iter().flatten() {
        if start > 0 && end <= s.len() {
            s = s.get(..start).unwrap_or(s);
        }
    }
    // 嘉定、宝山等地合作项目: the noun 等 closes the list with (地, 方面…) is the list's.
    let listed_after = s.rsplit_once('等').map_or(s, |(_, after)| {
        ["地区", "地", "方面", "领域", "部门", "单位"]
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .unwrap_or(after)
    });
    let mut name = strip_year(listed_after).trim_matches(is_edge);
    // 五年来 says when, not what: taken whole, before 五年 alone would leave 来.
    for period in PERIODS {
        name = name.strip_prefix(period).unwrap_or(name);
    }
    // A standard name keeps its words (全年新增就业 is 城镇新增就业, not 就业): the
    // vocabulary trims what is not part of it.
    if vocabulary::lookup(name).is_some() {
        return vocabulary::trim_name(name).into_owned();
    }
    loop {
        let before = name.len();
        name = name.trim_matches(is_edge);
        // 城镇调查失业率平均, 增加值年均: 平均 and 年均 go whole, before 均 alone would
        // leave 平 or 年.
        for whole in ["平均", "年均"] {
            name = name.strip_suffix(whole).unwrap_or(name);
        }
        name = strip_words(name, PREFIXES, Edge::Start, &PREFIX_STARTS);
        let cut = strip_words(name, SUFFIXES, Edge::End, &SUFFIX_ENDS);
        // 今年要确保农村贫困人口减少: a standard name that ends in a verb keeps it.
        if cut.len() < name.len() && name.len() < before && vocabulary::lookup(name).is_some() {
            return vocabulary::trim_name(name).into_owned();
        }
        name = cut;
        if name.len() == before {
            break;
        }
    }
    // 市属国企的专业化培训 → 专业化培训: the head noun follows the last 的. A share keeps
    // the words that say what it counts (有研发活动的规模以上工业企业占比).
    if let Some((_, head)) = name.rsplit_once('的')
        && head.chars().count() >= 2
        && !is_share(head)
    {
        name = head;
    }
    let n = name.chars().count();
    // A standard name is never cut (地级及以上城市细颗粒物（PM2.5）平均浓度).
    if n > MAX_NAME && vocabulary::lookup(name).is_none() {
        return name.chars().skip(n - MAX_NAME).collect();
    }
    name.to_owned()
}

/// Words that open a sentence about a period (五年来…) and never a name.
const PERIODS: &[&str] = &[
    "过去五年",
    "过去一年",
    "五年来",
    "三年来",
    "两年来",
    "一年来",
    "近年来",
    "多年来",
];

/// 占比, 比重, 比例, 比率: a share of something the words before it name.
fn is_share(name: &str) -> bool {
    ["占比", "比重", "比例", "比率"]
        .iter()
        .any(|w| name.ends_with(w))
}

fn is_edge(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '、' | '，' | ',' | '：' | ':' | '；' | ';' | '。' | '—' | '-' | '·' | '•' | '（' | '('
        )
}

/// A subject without the mark of the list item it opens: 1.地区生产总值, ①…, ⑴…, （一）…, 一是….
fn without_list_mark(s: &str) -> &str {
    let digits = s.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if digits.len() < s.len()
        && let Some(rest) = digits.strip_prefix(['.', '．'])
    {
        return rest;
    }
    // Circled, bracketed and stopped numbers: ①–⑳, ⑴–⒇, ⒈–⒛.
    if let Some(rest) = s.strip_prefix(|c: char| ('\u{2460}'..='\u{249B}').contains(&c)) {
        return rest;
    }
    // （一）, (二), 一是, 三、: the edge trim has taken the opening bracket.
    let opened = s.strip_prefix(['（', '(']).unwrap_or(s);
    let numerals = opened.trim_start_matches(|c: char| {
        super::layout::is_numeral(c) || c.is_ascii_digit() || ('０'..='９').contains(&c)
    });
    if numerals.len() < opened.len()
        && let Some(rest) = numerals.strip_prefix(['是', '）', ')', '、'])
        && !rest.is_empty()
    {
        return rest;
    }
    s
}

/// 由 opens the earlier value (税收占比由2022年的74.5%提高到…); 自由, 理由, 由于 are words.
pub(crate) fn find_from(s: &str) -> Option<usize> {
    s.match_indices('由').map(|(i, _)| i).find(|&i| {
        let prev = s.get(..i).and_then(|p| p.chars().next_back());
        let next = s.get(i + '由'.len_utf8()..).and_then(|n| n.chars().next());
        !matches!(prev, Some('自' | '理' | '经' | '缘')) && next != Some('于')
    })
}

/// Removes 在…下 / 在…中 (粮食产量在灾情影响下实现 → 粮食产量实现).
fn drop_circumstance(s: &str) -> Cow<'_, str> {
    if !s.contains('在') {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '在' {
            continue;
        }
        let end =
            (i + 2..chars.len().min(i + 10)).find(|&k| matches!(chars.get(k), Some('下' | '中')));
        if let Some(end) = end {
            return Cow::Owned(
                chars
                    .iter()
                    .take(i)
                    .chain(chars.iter().skip(end + 1))
                    .collect(),
            );
        }
    }
    Cow::Borrowed(s)
}

/// Removes 连续5年 (粮食总产量连续5年稳定在 → 粮食总产量稳定在).
/// 高端装备、新材料、航空航天四大主导产业产值: a list closed by the count of its items
/// (四大, 三个, 两类) gives examples; the name starts at the count (四大主导产业产值).
fn from_list_count(s: &str) -> &str {
    let Some((_, last)) = s.rsplit_once('、') else {
        return s;
    };
    let chars: Vec<(usize, char)> = last.char_indices().collect();
    let count = chars.windows(2).find(|w| {
        matches!(w, [(_, n), (_, c)] if "两二三四五六七八九十".contains(*n) && "大个类项种".contains(*c))
    });
    match count {
        Some([(at, _), _]) if last.len() - at >= 3 * 4 => &last[*at..],
        _ => s,
    }
}

fn drop_running_years(s: &str) -> Cow<'_, str> {
    let Some(i) = s
        .match_indices('连')
        .map(|(i, _)| i)
        .find(|&i| s.get(i..).is_some_and(|r| r.starts_with("连续")))
    else {
        return Cow::Borrowed(s);
    };
    let rest = s.get(i + "连续".len()..).unwrap_or("");
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    match rest.get(digits..).and_then(|r| r.strip_prefix('年')) {
        Some(tail) if digits > 0 => Cow::Owned(format!("{}{tail}", s.get(..i).unwrap_or(""))),
        _ => Cow::Borrowed(s),
    }
}

/// Drops a leading 2023年 / 2023年底.
fn strip_year(s: &str) -> &str {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits == 4
        && let Some(rest) = s.get(4..).and_then(|r| r.strip_prefix('年'))
    {
        return rest.trim_start_matches(['底', '末']);
    }
    s
}

/// Whether a cleaned name can stand alone.
pub(crate) fn meaningful(name: &str) -> bool {
    name.chars().count() >= 2
        && !GENERIC.contains(&name)
        && !VERBS.contains(&name)
        && !name.starts_with(['占', '为', '是', '比', '较'])
}

/// Whether a name needs the subject before it in the sentence (总量 → 上市企业总量).
pub(crate) fn is_generic(name: &str) -> bool {
    GENERIC.contains(&name) || name.starts_with('占')
}

/// Whether a name ends with a verb (两年累计投入): the noun after the number names it better.
pub(crate) fn ends_with_verb(name: &str) -> bool {
    VERBS.iter().any(|v| name.ends_with(v))
}

/// Whether a cleaned name is only a verb (新增重组 → 重组): the noun after the number names it.
pub(crate) fn is_verb(name: &str) -> bool {
    name.is_empty() || VERBS.contains(&name)
}

/// The names of a 、/和 list before 分别 or 均, with shared heads completed.
pub(crate) fn list_names(raw: &str) -> Vec<String> {
    let names: Vec<String> = raw
        .split(['、', '和', '及', '与'])
        .map(clean)
        .filter(|n| !n.is_empty())
        .collect();
    let Some(last) = names.last().cloned() else {
        return names;
    };
    let head = HEADS
        .iter()
        .find(|h| last.ends_with(*h) && last.len() > h.len());
    names
        .into_iter()
        .map(|n| {
            let short = n.chars().count() <= 4;
            // 城镇、农村居民人均可支配收入: 城镇 stands where 农村 does, when that makes a
            // standard name.
            let parallel: String = last.chars().skip(n.chars().count()).collect();
            let standard = format!("{n}{parallel}");
            match head {
                _ if short && n != last && vocabulary::lookup(&standard).is_some() => standard,
                Some(h) if !n.ends_with(h) && short => format!("{n}{h}"),
                _ => n,
            }
        })
        .collect()
}

/// The category of an indicator: its name's keywords first, then its quote's, then its
/// paragraph's topic.
pub(crate) fn category(name: &str, quote: &str, topic: &str) -> Category {
    let (automaton, owners) = &*CATEGORY_WORDS;
    [name, quote, topic]
        .iter()
        .find_map(|text| {
            // The first category in list order that has a word in the text.
            automaton
                .find_overlapping_iter(*text)
                .filter_map(|m| owners.get(m.pattern().as_usize()))
                .min()
                .and_then(|&i| CATEGORIES.get(i))
                .map(|(c, _)| *c)
        })
        .unwrap_or(Category::Economy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_subjects() {
        assert_eq!(clean("实现地区生产总值"), "地区生产总值");
        assert_eq!(clean("今年要确保农村贫困人口减少"), "农村贫困人口减少");
        assert_eq!(clean("拟发行超长期特别国债"), "超长期特别国债");
        for listed in [
            "1.地区生产总值",
            "①地区生产总值",
            "⑵地区生产总值",
            "（一）地区生产总值",
            "一）地区生产总值",
            "十三）地区生产总值",
            "3）地区生产总值",
            "一是地区生产总值",
        ] {
            assert_eq!(clean(listed), "地区生产总值");
        }
        assert_eq!(clean("粮食产量在灾情影响下实现"), "粮食产量");
        assert_eq!(clean("税收占比由2022年的"), "税收占比");
        assert_eq!(
            clean("其中对俄进出口总额首次突破百亿元、达"),
            "对俄进出口总额"
        );
        assert_eq!(clean("力争农产品加工转化率达到"), "农产品加工转化率");
        assert_eq!(clean("中航哈轴高端轴承等"), "");
        assert_eq!(clean("自由贸易试验区"), "自由贸易试验区");
        assert_eq!(clean("与上海嘉定、宝山等地合作项目达到"), "合作项目");
        assert_eq!(
            clean("高端装备、新材料、航空航天四大主导产业产值"),
            "四大主导产业产值"
        );
        // No count: the list stays for the list's own rules.
        assert_eq!(
            clean("航空航天、医药制造业增加值"),
            "航空航天、医药制造业增加值"
        );
    }

    #[test]
    fn lists_and_keys() {
        assert_eq!(
            list_names("航空航天、医药制造业增加值"),
            vec!["航空航天制造业增加值", "医药制造业增加值"]
        );
        assert_eq!(
            list_names("城镇、农村常住居民人均可支配收入"),
            vec!["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"]
        );
        assert_eq!(category("粮食产量", "", ""), Category::Agriculture);
        assert_eq!(
            category("甲", "", "着力发展现代化大农业"),
            Category::Agriculture
        );
        assert_eq!(category("甲", "乙", "丙"), Category::Economy);
    }
}
