//! Indicator names from the words before (or after) a number, the key that joins the same
//! indicator across the two years, and a category guessed from keywords.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::text::{Edge, automaton, first_chars, last_chars, strip_words};
use super::words::{CATEGORIES, CUTS, GENERIC, HEADS, PREFIXES, SUFFIXES, VERBS};
use crate::model::Category;

const MAX_NAME: usize = 20;

/// The cut words, found in one pass: `clean` runs several times for each number of a report.
static CUT_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(CUTS));

/// The characters PREFIXES start with and SUFFIXES end with: most names have none of them,
/// and are left as they are without trying each word.
static PREFIX_STARTS: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(PREFIXES));
static SUFFIX_ENDS: LazyLock<Vec<char>> = LazyLock::new(|| last_chars(SUFFIXES));

/// Words that differ between a result and a target (新建改造高标准农田 / 新增高标准农田).
const KEY_DROPS: &[&str] = &[
    "新建改造",
    "新改扩建",
    "新建扩建",
    "启动建设",
    "新建",
    "新增",
    "完成",
    "实现",
    "累计",
    "全年",
    "实施",
    "全市",
];
static KEY_DROP_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(KEY_DROPS));

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
    let whole = drop_circumstance(raw.trim_matches(is_edge));
    let whole = drop_running_years(&whole);
    let mut s: &str = &whole;
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
    let listed_after = s.rsplit_once('等').map_or(s, |(_, after)| after);
    let mut name = strip_year(listed_after);
    loop {
        let before = name.len();
        name = name.trim_matches(is_edge);
        name = strip_words(name, PREFIXES, Edge::Start, &PREFIX_STARTS);
        name = strip_words(name, SUFFIXES, Edge::End, &SUFFIX_ENDS);
        if name.len() == before {
            break;
        }
    }
    // 市属国企的专业化培训 → 专业化培训: the head noun follows the last 的.
    if let Some((_, head)) = name.rsplit_once('的')
        && head.chars().count() >= 2
    {
        name = head;
    }
    let n = name.chars().count();
    if n > MAX_NAME {
        return name.chars().skip(n - MAX_NAME).collect();
    }
    name.to_owned()
}

fn is_edge(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '、' | '，' | ',' | '：' | ':' | '；' | ';' | '。' | '—' | '-' | '·' | '•' | '（' | '('
        )
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
        .map(|n| match head {
            Some(h) if !n.ends_with(h) && n.chars().count() <= 4 => format!("{n}{h}"),
            _ => n,
        })
        .collect()
}

/// The key that joins one indicator's observations across years: the name without the verbs
/// that differ between a result and a target (新建改造高标准农田 / 新增高标准农田).
pub(crate) fn key(name: &str) -> String {
    // Sized up front: collecting a filter starts from an empty string and grows it.
    let mut k = String::with_capacity(name.len());
    k.extend(name.chars().filter(|c| {
        !c.is_whitespace()
            && !matches!(
                c,
                '“' | '”' | '"' | '\'' | '‘' | '’' | '（' | '）' | '(' | ')' | '、'
            )
    }));
    if KEY_DROP_AUTOMATON.is_match(&k) {
        // In list order: dropping one word can join the halves of the next.
        for word in KEY_DROPS {
            k = k.replace(word, "");
        }
    }
    k.strip_prefix('市').map(str::to_owned).unwrap_or(k)
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
        assert_eq!(clean("粮食产量在灾情影响下实现"), "粮食产量");
        assert_eq!(clean("税收占比由2022年的"), "税收占比");
        assert_eq!(
            clean("其中对俄进出口总额首次突破百亿元、达"),
            "对俄进出口总额"
        );
        assert_eq!(clean("力争农产品加工转化率达到"), "农产品加工转化率");
        assert_eq!(clean("中航哈轴高端轴承等"), "");
        assert_eq!(clean("自由贸易试验区"), "自由贸易试验区");
    }

    #[test]
    fn lists_and_keys() {
        assert_eq!(
            list_names("航空航天、医药制造业增加值"),
            vec!["航空航天制造业增加值", "医药制造业增加值"]
        );
        assert_eq!(key("新建改造高标准农田"), key("新增高标准农田"));
        assert_eq!(key("市重点项目"), key("重点项目"));
        assert_eq!(category("粮食产量", "", ""), Category::Agriculture);
        assert_eq!(
            category("甲", "", "着力发展现代化大农业"),
            Category::Agriculture
        );
        assert_eq!(category("甲", "乙", "丙"), Category::Economy);
    }
}
