//! A number's subject made ready for naming: the verbs, dates and filler around it dropped,
//! a list's subjects split into one name per number.

use std::sync::LazyLock;

use super::parts;
use crate::extract::names;
use crate::extract::words::{PLAN_BASIS, TO_VERBS};

/// A number's subject without the words that name no part of it: at its end, 按 and 安排
/// (赤字率拟按3.2%左右安排, 支出安排12100亿元), the verb of a new value and the value's year
/// (平均浓度降至31.8微克; 由2020年的789.6亿元增加到2025年的936.2亿元; 其中2022年达到…); a
/// date at its start (到2025年) or of a plan (完成2025年度省定民生实事); and 的 before 比重
/// (民生支出占一般公共预算支出的比重).
pub(super) fn shape_subject(core: &str) -> String {
    static VERBS: LazyLock<ByLastChar> =
        LazyLock::new(|| ByLastChar::new(PLAN_BASIS.iter().chain(TO_VERBS).chain(ARRANGED)));
    static YEARS: LazyLock<ByLastChar> = LazyLock::new(|| ByLastChar::new(DATED));
    let mut core = core.trim_end();
    loop {
        let before = core.len();
        if let Some(rest) = VERBS.strip_end(core) {
            core = rest;
        }
        let dated = YEARS.strip_end(core).and_then(|rest| {
            let digits = rest.chars().rev().take_while(char::is_ascii_digit).count();
            (digits == 4).then(|| rest.get(..rest.len() - 4)).flatten()
        });
        if let Some(rest) = dated {
            core = rest;
        }
        if core.len() == before {
            break;
        }
    }
    let mut core = strip_leading_date(core).to_owned();
    // The characters first, which is quicker than the words.
    if core.contains('的') && (core.contains("的比重") || core.contains("的占比")) {
        core = core.replace("的比重", "比重").replace("的占比", "占比");
    }
    // 完成2025年度省定民生实事: the year of a plan dates it, it names nothing.
    if core.contains('度')
        && let Some(i) = core.find("年度")
        && let Some(head) = core.get(..i)
        && head.len() >= 4
        && head.bytes().rev().take(4).all(|b| b.is_ascii_digit())
    {
        core = format!("{}{}", &head[..head.len() - 4], &core[i + "年度".len()..]);
    }
    core
}

/// A word list by the words' last characters (each list in its words' order): a text's end
/// is tried against the few words that can end it, not every word. Subjects are shaped
/// several times for each number of a report.
struct ByLastChar(Vec<(char, Vec<&'static str>)>);

impl ByLastChar {
    fn new<'w>(words: impl IntoIterator<Item = &'w &'static str>) -> ByLastChar {
        let mut by: Vec<(char, Vec<&'static str>)> = Vec::new();
        for &w in words {
            let Some(c) = w.chars().next_back() else {
                continue;
            };
            match by.iter_mut().find(|(k, _)| *k == c) {
                Some((_, list)) => list.push(w),
                None => by.push((c, vec![w])),
            }
        }
        by.sort_by_key(|(c, _)| *c);
        ByLastChar(by)
    }

    /// `s` without the first word of the list it ends with.
    fn strip_end<'s>(&self, s: &'s str) -> Option<&'s str> {
        let c = s.chars().next_back()?;
        let i = self.0.binary_search_by_key(&c, |(k, _)| *k).ok()?;
        let (_, words) = self.0.get(i)?;
        words.iter().find_map(|w| s.strip_suffix(w))
    }
}

/// 安排 at the end of a subject (支出安排12100亿元).
const ARRANGED: &[&str] = &["拟安排", "安排"];
/// A value's year at the end of a subject, after four digits (由2020年的789.6亿元).
const DATED: &[&str] = &["年的", "年底的", "年末的", "年底", "年末", "年"];

/// 到2025年, 截至2025年底, 2025年度 at the start of a subject.
fn strip_leading_date(s: &str) -> &str {
    let from = ["截至", "截止到", "截止", "到", "至"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s);
    let digits = from.chars().take_while(char::is_ascii_digit).count();
    if digits != 4 {
        return s;
    }
    let Some(rest) = from.get(4..).and_then(|r| r.strip_prefix('年')) else {
        return s;
    };
    rest.trim_start_matches(['度', '底', '末'])
}

/// The names of a list before 分别/均, combined subjects split so that there is one for
/// each of `n` numbers when they can be (城乡居民收入 → 城镇居民收入, 农村居民收入).
pub(super) fn list_names(src: &str, n: usize) -> Vec<String> {
    let names = names::list_names(&parts::spell_out(src));
    parts::split(&names, n).unwrap_or(names)
}
