//! One vocabulary of standard indicator names (`assets/vocabulary/indicators.tsv`), shared by
//! extraction, merging and the compare view: every name an indicator goes by in statistical
//! communiqués and government work reports leads to one entry, so that last year's result
//! and this year's target meet, and so do two reports of one region or of two regions.
//!
//! A name matches an entry when, folded ([`fold_name`]), it is one of the entry's wordings
//! with nothing around it but scope, time and function words (全省…, 年末…, …平均). The
//! longest wording wins: 城镇居民人均可支配收入 is not 居民人均可支配收入.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::model::{Category, Level};
use crate::text_util::fold;

/// One standard indicator.
#[derive(Debug)]
pub struct Entry {
    /// The name in a provincial or local report (地区生产总值).
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub category: Category,
    /// The unit it is usually given in.
    pub unit_zh: &'static str,
    pub unit_en: &'static str,
    /// The name in the national report, where it differs (国内生产总值).
    national: Option<(&'static str, &'static str)>,
}

impl Entry {
    /// The name a report of `level` gives it.
    pub fn name_zh_at(&self, level: Option<Level>) -> &'static str {
        match (level, self.national) {
            (Some(Level::National), Some((zh, _))) => zh,
            _ => self.name_zh,
        }
    }

    pub fn name_en_at(&self, level: Option<Level>) -> &'static str {
        match (level, self.national) {
            (Some(Level::National), Some((_, en))) => en,
            _ => self.name_en,
        }
    }

    /// The English unit, when `unit_zh` is the entry's usual unit or a common one.
    pub fn unit_en_for(&self, unit_zh: &str) -> Option<&'static str> {
        let unit = fold(unit_zh);
        if unit == fold(self.unit_zh) {
            return Some(self.unit_en);
        }
        UNITS_EN
            .iter()
            .find(|(zh, _)| fold(zh) == unit)
            .map(|(_, en)| *en)
    }
}

/// Units of the vocabulary's indicators given in another unit than the usual one.
const UNITS_EN: &[(&str, &str)] = &[
    ("元", "yuan"),
    ("万元", "10,000 yuan"),
    ("亿元", "100 million yuan"),
    ("万亿元", "trillion yuan"),
    ("亿美元", "100 million US dollars"),
    ("万美元", "10,000 US dollars"),
    ("人", "people"),
    ("万人", "10,000 people"),
    ("万人次", "10,000 visits"),
    ("亿人次", "100 million visits"),
    ("吨", "tonnes"),
    ("万吨", "10,000 tonnes"),
    ("亿吨", "100 million tonnes"),
    ("斤", "jin"),
    ("万斤", "10,000 jin"),
    ("亿斤", "100 million jin"),
    ("亩", "mu"),
    ("万亩", "10,000 mu"),
    ("公顷", "hectares"),
    ("千公顷", "1,000 hectares"),
    ("%", "%"),
    ("‰", "‰"),
    ("个", "units"),
    ("万个", "10,000 units"),
    ("家", "enterprises"),
    ("户", "households"),
    ("万户", "10,000 households"),
    ("公里", "km"),
    ("平方公里", "km²"),
    ("平方米", "m²"),
    ("万平方米", "10,000 m²"),
    ("天", "days"),
    ("年", "years"),
    ("岁", "years"),
    ("套", "units"),
    ("万套", "10,000 units"),
    ("辆", "vehicles"),
    ("万辆", "10,000 vehicles"),
    ("万千瓦", "10,000 kW"),
    ("亿千瓦时", "100 million kWh"),
    ("件", "items"),
    ("万件", "10,000 items"),
    ("亿件", "100 million items"),
];

/// The bundled vocabulary, read once.
static VOCABULARY: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::parse(include_str!("../assets/vocabulary/indicators.tsv")));

struct Vocabulary {
    entries: Vec<Entry>,
    /// Every wording, folded, to its entry.
    by_wording: HashMap<String, usize>,
    /// The ends of wordings that are no wording themselves (业增加值, 乡居民人均可支配收入,
    /// 总值): a name that is one was cut inside a standard name.
    tails: HashSet<String>,
    /// The same wordings, to find them inside a longer name.
    wordings: AhoCorasick,
    /// The entry of each of `wordings`' patterns.
    owners: Vec<usize>,
}

impl Vocabulary {
    /// Lines that do not have the columns of an entry are left out (the unit tests read
    /// every line).
    fn parse(tsv: &'static str) -> Vocabulary {
        let mut entries = Vec::new();
        let mut by_wording: HashMap<String, usize> = HashMap::new();
        for line in tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let Some((entry, synonyms)) = parse_line(line) else {
                continue;
            };
            let n = entries.len();
            let names = [Some(entry.name_zh), entry.national.map(|(zh, _)| zh)];
            for wording in names.into_iter().flatten().chain(synonyms) {
                // The first entry to claim a wording keeps it (the tests forbid a second).
                by_wording.entry(fold_name(wording)).or_insert(n);
            }
            entries.push(entry);
        }
        let tails = by_wording
            .keys()
            .flat_map(|w| w.char_indices().skip(1).map(move |(i, _)| &w[i..]))
            .filter(|t| t.chars().count() >= 2 && !by_wording.contains_key(*t))
            .map(str::to_owned)
            .collect();
        let (patterns, owners): (Vec<&String>, Vec<usize>) = by_wording.iter().unzip();
        let wordings = AhoCorasick::new(patterns)
            .expect("the vocabulary is far below the automaton's size limits");
        Vocabulary {
            entries,
            by_wording,
            tails,
            wordings,
            owners,
        }
    }

    /// The entry a folded, trimmed name stands for.
    fn find(&self, name: &str) -> Option<usize> {
        if let Some(&i) = self.by_wording.get(name) {
            return Some(i);
        }
        // The longest wording with only scope, time and function words around it.
        let mut best: Option<(usize, usize)> = None;
        for m in self.wordings.find_overlapping_iter(name) {
            if best.is_some_and(|(len, _)| len >= m.len()) {
                continue;
            }
            let (Some(before), Some(after)) = (name.get(..m.start()), name.get(m.end()..)) else {
                continue;
            };
            if only_words(before, AROUND_BEFORE, Edge::Start)
                && only_words(after, AROUND_AFTER, Edge::End)
                && let Some(&owner) = self.owners.get(m.pattern().as_usize())
            {
                best = Some((m.len(), owner));
            }
        }
        best.map(|(_, i)| i)
    }
}

/// name_zh, name_en, category, unit_zh, unit_en, synonyms[, national_zh, national_en]
fn parse_line(line: &'static str) -> Option<(Entry, impl Iterator<Item = &'static str>)> {
    let mut f = line.split('\t').map(str::trim);
    let (name_zh, name_en, category, unit_zh, unit_en, synonyms) = (
        f.next()?,
        f.next()?,
        f.next()?,
        f.next()?,
        f.next()?,
        f.next()?,
    );
    let national = match (f.next(), f.next()) {
        (Some(zh), Some(en)) if !zh.is_empty() && !en.is_empty() => Some((zh, en)),
        _ => None,
    };
    let category = Category::ALL.into_iter().find(|c| c.key() == category)?;
    if name_zh.is_empty() || name_en.is_empty() {
        return None;
    }
    let entry = Entry {
        name_zh,
        name_en,
        category,
        unit_zh,
        unit_en,
        national,
    };
    Some((entry, synonyms.split('|').filter(|s| !s.is_empty())))
}

/// The vocabulary entry a name stands for, if any.
pub fn lookup(name: &str) -> Option<&'static Entry> {
    let v = &*VOCABULARY;
    v.find(&trim_name(&fold_name(name)))
        .and_then(|i| v.entries.get(i))
}

/// The standard name of the longest vocabulary wording in a text, if any.
pub fn longest_in(text: &str) -> Option<&'static str> {
    let v = &*VOCABULARY;
    let folded = fold_name(text);
    v.wordings
        .find_overlapping_iter(&folded)
        .max_by_key(|m| m.len())
        .and_then(|m| v.owners.get(m.pattern().as_usize()))
        .and_then(|&i| v.entries.get(i))
        .map(|e| e.name_zh)
}

/// Whether a name is the end of a standard name cut off at its start (以上工业增加值 of
/// 规模以上工业增加值), rather than a name of its own.
pub fn is_cut_standard_name(name: &str) -> bool {
    let v = &*VOCABULARY;
    let folded = fold_name(name);
    v.tails.contains(&folded) && v.find(&trim_name(&folded)).is_none()
}

/// The key names are matched by everywhere (extraction, merging, the compare view): the
/// vocabulary entry's name, or else the folded name without its scope, time and function
/// words and the verbs that differ between a result and a target (新建改造高标准农田 /
/// 新增高标准农田).
pub fn key(name: &str) -> String {
    let folded = fold_name(name);
    let trimmed = trim_name(&folded);
    let v = &*VOCABULARY;
    if let Some(entry) = v.find(&trimmed).and_then(|i| v.entries.get(i)) {
        return entry.name_zh.to_owned();
    }
    let mut key = trimmed.into_owned();
    for word in KEY_DROPS {
        if key.contains(word) && key.len() > word.len() {
            key = key.replace(word, "");
        }
    }
    key
}

/// Words that differ between a result and a target of one indicator, dropped from keys.
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
    "实施",
];

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
    if s.len() == name.len() {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(s.to_owned())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = include_str!("../assets/vocabulary/indicators.tsv");

    #[test]
    fn every_line_is_an_entry() {
        let lines: Vec<&str> = TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        for line in &lines {
            assert!(parse_line(line).is_some(), "not an entry: {line}");
        }
        assert_eq!(VOCABULARY.entries.len(), lines.len());
        assert!(lines.len() >= 250, "{} entries", lines.len());
    }

    #[test]
    fn no_wording_names_two_entries() {
        let mut owner: HashMap<String, &str> = HashMap::new();
        for line in TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let Some((entry, synonyms)) = parse_line(line) else {
                continue;
            };
            let names = [Some(entry.name_zh), entry.national.map(|(zh, _)| zh)];
            for w in names.into_iter().flatten().chain(synonyms) {
                if let Some(other) = owner.insert(fold_name(w), entry.name_zh) {
                    assert_eq!(other, entry.name_zh, "{w} names both");
                }
            }
        }
    }

    fn name(s: &str) -> Option<&'static str> {
        lookup(s).map(|e| e.name_zh)
    }

    #[test]
    fn wordings_lead_to_their_entry() {
        for (wording, entry) in [
            ("一般公共财政预算收入", "一般公共预算收入"),
            ("全省一般公共预算收入", "一般公共预算收入"),
            ("规上工业增加值", "规模以上工业增加值"),
            ("货物进出口总额", "进出口总额"),
            ("外贸进出口总额", "进出口总额"),
            ("粮食总产量", "粮食产量"),
            ("正常年景下粮食产量", "粮食产量"),
            ("全年新增就业", "城镇新增就业"),
            ("新增城镇就业", "城镇新增就业"),
            ("GDP", "地区生产总值"),
            ("国内生产总值", "地区生产总值"),
            ("全市生产总值", "地区生产总值"),
            ("经济增长", "地区生产总值"),
            ("细颗粒物（PM2.5）平均浓度", "细颗粒物（PM2.5）平均浓度"),
            ("PM2.5年均浓度", "细颗粒物（PM2.5）平均浓度"),
            (
                "研究与试验发展（R&D）经费投入强度",
                "研究与试验发展经费投入强度",
            ),
            ("全社会研发投入强度", "研究与试验发展经费投入强度"),
            ("城镇调查失业率平均", "城镇调查失业率"),
            ("年末常住人口城镇化率", "常住人口城镇化率"),
            ("居民消费价格涨幅", "居民消费价格"),
            ("单位GDP能耗", "单位地区生产总值能耗"),
            ("民生支出占比", "民生支出占一般公共预算支出比重"),
            ("地区生产总值增速", "地区生产总值"),
            ("新建高标准农田", "高标准农田"),
        ] {
            assert_eq!(name(wording), Some(entry), "{wording}");
        }
    }

    #[test]
    fn a_longer_name_is_another_indicator() {
        assert_eq!(
            name("城镇居民人均可支配收入"),
            Some("城镇居民人均可支配收入")
        );
        assert_eq!(name("居民人均可支配收入"), Some("居民人均可支配收入"));
        assert_eq!(
            name("县域地区生产总值占比"),
            Some("县域地区生产总值占全省比重")
        );
        assert_eq!(name("空气质量优良天数"), Some("空气质量优良天数"));
        assert_eq!(name("空气质量优良天数比例"), Some("空气质量优良天数比率"));
        for other in [
            "民营经济",
            "净增高新技术企业",
            "对俄进出口总额",
            "）平均浓度",
            "增加值",
        ] {
            assert_eq!(name(other), None, "{other}");
        }
        for cut in ["以上工业增加值", "乡居民人均可支配收入", "总值", "算收入"]
        {
            assert!(is_cut_standard_name(cut), "{cut}");
        }
        for whole in [
            "工业增加值",
            "居民人均可支配收入",
            "对俄进出口总额",
            "全省生产总值",
        ] {
            assert!(!is_cut_standard_name(whole), "{whole}");
        }
    }

    #[test]
    fn keys_join_wordings_and_levels() {
        assert_eq!(key("国内生产总值"), key("地区生产总值"));
        assert_eq!(key("全省生产总值"), key("GDP"));
        assert_eq!(key("新建改造高标准农田"), key("新增高标准农田"));
        assert_eq!(key("新建改造源网厂站"), key("新建源网厂站"));
        assert_eq!(key("中小学、幼儿园"), key("中小学,幼儿园"));
        assert_ne!(key("城镇居民人均可支配收入"), key("居民人均可支配收入"));
        let gdp = lookup("GDP").expect("an entry");
        assert_eq!(gdp.name_zh_at(Some(Level::National)), "国内生产总值");
        assert_eq!(gdp.name_zh_at(Some(Level::Province)), "地区生产总值");
        assert_eq!(gdp.unit_en_for("万亿元"), Some("trillion yuan"));
    }

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
