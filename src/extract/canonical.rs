//! From a draft's subject phrase to one canonical indicator name: the vocabulary's name where
//! an entry fits, else the phrase without the words that are never part of a name. A phrase
//! that is a fragment (增加值, ）平均浓度, G用户普及率, 城镇调查失业率平) is never a name: the
//! figure takes the words the sentence says before its number instead, and is flagged for
//! review unless those words are a standard name.

use crate::model::{Level, Qualifier};
use crate::vocabulary::{self, Entry};

use super::names;
use super::scan;
use super::text::{is_han, string};

/// A draft's name, settled.
pub(crate) struct Named {
    pub name: String,
    /// [`vocabulary::key`] of the name: drafts with one key are one indicator.
    pub key: String,
    pub entry: Option<&'static Entry>,
    /// No proper subject was found: the name is the sentence's own words.
    pub unclear: bool,
}

/// Where a draft's number is in the report text, to read the words before it.
pub(crate) struct Place<'a> {
    pub chars: &'a [char],
    /// The quoted clause, as a range of characters.
    pub quote: (usize, usize),
    /// The draft's figure, to find its number in the clause.
    pub figure: Option<f64>,
}

/// The canonical name of a draft whose subject phrase is `subject`.
pub(crate) fn settle(subject: &str, place: &Place, level: Option<Level>) -> Named {
    let trimmed = vocabulary::trim_name(subject.trim());
    // A name cut inside a code (G用户普及率 of 5G用户普及率, A级 of 4A级) is not the
    // standard name it looks like.
    let cut = starts_with_letter(&trimmed)
        || cut_from_code(&trimmed, place)
        || cut_at_line(&trimmed, place);
    if !cut && let Some(entry) = vocabulary::lookup(&trimmed) {
        return standard(entry, level);
    }
    if !cut && !is_fragment(&trimmed) {
        let name = one_share_word(&trimmed);
        return Named {
            key: vocabulary::key(&name),
            name,
            entry: None,
            unclear: false,
        };
    }
    match from_clause(&trimmed, place) {
        // The clause's own words name it: a standard name needs no review.
        Some(name) => match vocabulary::lookup(&name) {
            Some(entry) => standard(entry, level),
            None => unclear(one_share_word(&name)),
        },
        None => {
            // Only the sentence's subject is left: kept apart from the indicator of that
            // name, which may be a different statistic of the same thing.
            let name = one_share_word(&sentence_subject(place));
            Named {
                key: format!("?{}", vocabulary::key(&name)),
                name,
                entry: None,
                unclear: true,
            }
        }
    }
}

fn unclear(name: String) -> Named {
    Named {
        key: vocabulary::key(&name),
        name,
        entry: None,
        unclear: true,
    }
}

/// 占比 and 比重 are one word for a share: names say 比重, as the statistical bureau does.
fn one_share_word(name: &str) -> String {
    match name.strip_suffix("占比") {
        Some(head) if head.chars().count() >= 2 => format!("{head}比重"),
        _ => name.to_owned(),
    }
}

/// One Latin letter glued to a Chinese word (G基站): the start of a code was cut off.
fn starts_with_letter(name: &str) -> bool {
    let mut c = name.chars();
    c.next().is_some_and(|c| c.is_ascii_alphabetic()) && c.next().is_some_and(is_han)
}

fn standard(entry: &'static Entry, level: Option<Level>) -> Named {
    Named {
        name: entry.name_zh_at(level).to_owned(),
        key: entry.name_zh.to_owned(),
        entry: Some(entry),
        unclear: false,
    }
}

/// Nouns that name what is counted, not an indicator, when they stand alone.
const BARE: &[&str] = &[
    "增加值",
    "产量",
    "产值",
    "就业",
    "收入",
    "支出",
    "投资",
    "项目",
    "企业",
    "总量",
    "规模",
    "比重",
    "占比",
    "人数",
    "面积",
    "总额",
    "数量",
    "增速",
    "增幅",
    "增长",
    "学生",
    "纳税人",
    "群众",
    "人口",
    "人次",
    "户数",
    "资金",
    "金额",
    "浓度",
    "余额",
    "利润",
    "营收",
    "存栏",
    // The sentence reader's name for a number it found no words for.
    "未命名指标",
];

/// Verbs (with an adverb) that cannot name an indicator: 先发行, 增发.
const VERB_NAMES: &[&str] = &[
    "发行", "增发", "下达", "安排", "拨付", "新增", "实现", "完成", "达到", "累计", "突破", "超过",
    "提高", "下降", "增长", "惠及", "带动", "投入", "筹集", "争取",
];
const ADVERBS: &[char] = &['先', '再', '又', '还', '已', '将', '共', '并', '均', '可'];

/// Whether a name is a piece of a phrase rather than a name: too short, cut inside a word or
/// a bracket, a bare noun or verb, a year, or a number with its unit.
pub(crate) fn is_fragment(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    let (Some(&first), Some(&last)) = (chars.first(), chars.last()) else {
        return true;
    };
    let opens = chars.iter().filter(|c| matches!(c, '（' | '(')).count();
    let closes = chars.iter().filter(|c| matches!(c, '）' | ')')).count();
    let verb = name.trim_start_matches(ADVERBS);
    chars.iter().filter(|c| is_han(**c)).count() < 2
        || opens != closes
        || "）)]】、，,。；;：:％%·.-—～~及和与或".contains(first)
        || "（([【、，,：:的".contains(last)
        || cut_at_end(name)
        || BARE.contains(&name)
        || VERB_NAMES.contains(&verb)
        || starts_with_quantity(name)
        || starts_with_letter(name)
        || share_of_nothing(name)
}

/// 村占比: a share whose words before 占比 cannot say what it counts.
fn share_of_nothing(name: &str) -> bool {
    ["占比", "比重", "比例"].iter().any(|w| {
        name.strip_suffix(w)
            .is_some_and(|head| head.chars().count() < 2)
    })
}

/// Ends with a word's first half or a link word: 城镇调查失业率平 (平均), …为, …达, …比.
fn cut_at_end(name: &str) -> bool {
    const WHOLE: &[&str] = &[
        "水平",
        "持平",
        "占比",
        "之比",
        "产业比",
        "结构比",
        "行为",
        "普及",
        "总和",
        "节约",
        "集约",
        "发达",
        "参与",
    ];
    name.ends_with([
        '平', '为', '达', '比', '较', '约', '和', '及', '与', '占', '在',
    ]) && !WHOLE.iter().any(|w| name.ends_with(w))
}

/// 3万亿元, 9.8%占地区生产总值比重, 2022年: a number (or a year) where the subject should be,
/// with no name of its own after it.
fn starts_with_quantity(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    if !chars.first().is_some_and(char::is_ascii_digit) {
        return false;
    }
    let toks = scan::tokenize(&chars, 0, chars.len());
    let Some(first) = toks.first().filter(|t| t.start == 0) else {
        return false;
    };
    let rest: String = chars.get(first.end..).unwrap_or_default().iter().collect();
    let rest_han = rest.chars().filter(|c| is_han(*c)).count();
    first.unit == scan::Unit::Year || rest_han < 2 || rest.starts_with(['占', '比', '为', '是'])
}

/// A name cut inside a code: the report writes 5G用户普及率 or 4A级旅游景区, the name starts
/// after the digit.
fn cut_from_code(name: &str, place: &Place) -> bool {
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let clause = string(place.chars, place.quote.0, place.quote.1);
    clause.match_indices(name).any(|(i, _)| {
        clause
            .get(..i)
            .and_then(|b| b.chars().next_back())
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
    })
}

/// A name that starts its clause where the clause starts without a clause mark (a line or
/// page break) and is the end of a standard name: 以上工业增加值 of 规模\n以上工业增加值.
fn cut_at_line(name: &str, place: &Place) -> bool {
    let (q0, q1) = place.quote;
    let broken = q0
        .checked_sub(1)
        .and_then(|k| place.chars.get(k))
        .is_none_or(|c| !"，,；;：:。！？!?、".contains(*c));
    let text = place.chars.get(q0..q1).unwrap_or_default();
    let text = text.iter().skip_while(|c| c.is_whitespace());
    broken
        && text.zip(name.chars()).filter(|(a, b)| *a == b).count() == name.chars().count()
        && vocabulary::is_cut_standard_name(name)
}

/// The subject of a figure whose name is a fragment, from its clause: the words right
/// before its number (5G用户普及率超过70%), or the subject of the clause's first figure
/// with them (规模以上工业企业达5.2万家、增加值增长4%: 规模以上工业企业增加值).
fn from_clause(fragment: &str, place: &Place) -> Option<String> {
    let core = fragment_core(fragment);
    let start = clause_start(place.chars, place.quote.0);
    // 10亿元以上项目30个: a threshold is part of the next figure's name, not a figure.
    let threshold = |t: &scan::Token| {
        matches!(t.after, Some(Qualifier::AtLeast | Qualifier::AtMost))
            && place.chars.get(t.end).copied().is_some_and(is_han)
    };
    let toks: Vec<scan::Token> = scan::tokenize(place.chars, start, place.quote.1)
        .into_iter()
        .filter(|t| t.is_quantity() && !threshold(t))
        .collect();
    let this = number_index(&toks, place.figure)?;
    let own_from = match this.checked_sub(1).and_then(|i| toks.get(i)) {
        Some(prev) => prev.end,
        None => start,
    };
    let number = toks.get(this)?.start;
    let own = names::clean(&joined_lines(place.chars, own_from, number));
    if usable(&own) && (core.is_empty() || own.contains(&core)) {
        return Some(own);
    }
    // 发行1.3万亿元超长期特别国债: a verb's object after the number names it.
    if VERB_NAMES.contains(&own.trim_start_matches(ADVERBS)) {
        let after = toks.get(this)?.end;
        let end = (after..place.quote.1)
            .find(|&k| place.chars.get(k).is_some_and(|c| !is_han(*c)))
            .unwrap_or(place.quote.1);
        let object = names::clean(&string(place.chars, after, end));
        if usable(&object) {
            return Some(object);
        }
    }
    let first = toks.first()?.start;
    let lead = names::clean(&joined_lines(place.chars, start, first));
    if this == 0 || lead.is_empty() || is_fragment(&lead) {
        return None;
    }
    let part = if own.is_empty() { core } else { own };
    // 粮食播种面积…、产量…: the first words of the lead that make a standard name with it.
    let standard = (1..lead.chars().count())
        .rev()
        .map(|n| format!("{}{part}", lead.chars().take(n).collect::<String>()))
        .find(|name| vocabulary::lookup(name).is_some());
    let name = standard.unwrap_or_else(|| format!("{lead}{part}"));
    usable(&name).then_some(name)
}

/// A name the fallback may give: a standard name, or no fragment.
fn usable(name: &str) -> bool {
    !name.is_empty() && (vocabulary::lookup(name).is_some() || !is_fragment(name))
}

/// The sentence's subject: the words of its first clause before its first number.
fn sentence_subject(place: &Place) -> String {
    let start = sentence_start(place.chars, place.quote.0);
    let first = scan::tokenize(place.chars, start, place.quote.1)
        .into_iter()
        .find(scan::Token::is_quantity)
        .map_or(place.quote.0, |t| t.start);
    let first_clause = (start..first)
        .find(|&k| place.chars.get(k).is_some_and(|c| "，,：:".contains(*c)))
        .unwrap_or(first);
    let subject = names::clean(&joined_lines(place.chars, start, first_clause.max(start)));
    if usable(&subject) {
        return subject;
    }
    // 拟继续发行超长期特别国债，…，今年先发行1万亿元: the standard indicator it speaks of.
    let words = joined_lines(place.chars, start, place.quote.0);
    vocabulary::longest_in(&words).map_or_else(|| "未识别的指标".to_owned(), str::to_owned)
}

/// The text of `a..b` with its line breaks removed (a PDF copy breaks lines inside words).
fn joined_lines(chars: &[char], a: usize, b: usize) -> String {
    string(chars, a, b)
        .chars()
        .filter(|c| *c != '\n' && *c != '\r')
        .collect()
}

/// A fragment without its broken edges: ）平均浓度 → 平均浓度, G基站 → 基站, …率平 → …率.
fn fragment_core(fragment: &str) -> String {
    let s = fragment.trim_start_matches(|c: char| !is_han(c));
    let s = if cut_at_end(s) {
        let mut c = s.chars();
        c.next_back();
        c.as_str()
    } else {
        s
    };
    s.to_owned()
}

/// Which of a clause's quantities is the draft's: the first with its figure.
fn number_index(toks: &[scan::Token], figure: Option<f64>) -> Option<usize> {
    let figure = figure?;
    toks.iter()
        .position(|t| (t.value - figure.abs()).abs() < 1e-9)
}

/// Where the sentence around `pos` starts: after the last 。！？； before it, at most 300
/// characters back.
fn sentence_start(chars: &[char], pos: usize) -> usize {
    let floor = pos.saturating_sub(300);
    (floor..pos)
        .rev()
        .find(|&k| {
            chars
                .get(k)
                .is_some_and(|c| matches!(c, '。' | '！' | '？' | '；' | ';' | '!' | '?'))
        })
        .map_or(floor, |k| k + 1)
}

/// Where the clause around `pos` starts: after the last clause mark before it, across one
/// line break (a PDF copy breaks lines inside clauses), at most 300 characters back.
fn clause_start(chars: &[char], pos: usize) -> usize {
    let floor = pos.saturating_sub(300);
    let mut breaks = 0;
    for k in (floor..pos).rev() {
        match chars.get(k) {
            Some('\n') if breaks == 1 => return k + 1,
            Some('\n') => breaks += 1,
            Some('，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?') => {
                return k + 1;
            }
            _ => {}
        }
    }
    floor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_are_told_from_names() {
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
            "2022年",
            "3万亿元",
            "9.8%占地区生产总值比重",
            "上接第一版）",
            "款",
            "企业开办时间压缩到平",
        ] {
            assert!(is_fragment(bad), "{bad}");
        }
        for good in [
            "城镇调查失业率",
            "细颗粒物（PM2.5）平均浓度",
            "5G用户普及率",
            "规模以上工业增加值",
            "居民健康素养水平",
            "民生支出占比",
            "三次产业比",
            "10类30项民生实事",
            "5000万元以上项目",
            "R&D经费投入强度",
        ] {
            assert!(!is_fragment(good), "{good}");
        }
    }

    fn settle_in(subject: &str, sentence: &str, figure: f64) -> (String, bool) {
        let chars: Vec<char> = sentence.chars().collect();
        let place = Place {
            chars: &chars,
            quote: (0, chars.len()),
            figure: Some(figure),
        };
        let named = settle(subject, &place, None);
        (named.name, named.unclear)
    }

    #[test]
    fn a_fragment_takes_the_sentence_words() {
        assert_eq!(
            settle_in("）平均浓度", "细颗粒物（PM2.5）平均浓度下降3%", 3.0),
            ("细颗粒物（PM2.5）平均浓度".to_owned(), false)
        );
        assert_eq!(
            settle_in("G用户普及率", "5G用户普及率超过70%", 70.0),
            ("5G用户普及率".to_owned(), false)
        );
        assert_eq!(
            settle_in("城镇调查失业率平", "城镇调查失业率平均为5.3%", 5.3),
            ("城镇调查失业率".to_owned(), false)
        );
        assert_eq!(
            settle_in("增加值", "规模以上工业企业达到8512家、增加值增长6.9%", 6.9),
            ("规模以上工业增加值".to_owned(), false)
        );
        let (name, unclear) = settle_in("学生", "营养改善计划惠及3600多万名学生", 3600.0);
        assert!(unclear && !is_fragment(&name), "{name}");
    }

    #[test]
    fn names_become_canonical() {
        let chars: Vec<char> = Vec::new();
        let place = Place {
            chars: &chars,
            quote: (0, 0),
            figure: None,
        };
        let named = settle("全年新增就业", &place, None);
        assert_eq!(named.name, "城镇新增就业");
        assert!(named.entry.is_some() && !named.unclear);
        assert_eq!(
            settle("GDP", &place, Some(Level::National)).name,
            "国内生产总值"
        );
        assert_eq!(
            settle("生产总值", &place, Some(Level::County)).name,
            "地区生产总值"
        );
        let own = settle("对俄进出口总额", &place, None);
        assert_eq!((own.name.as_str(), own.unclear), ("对俄进出口总额", false));
    }
}
