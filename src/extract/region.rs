//! Which region a report is of, from the cues real reports carry, and never a guess.
//!
//! Cues: the title line (2024年XX市政府工作报告, XX市2025年政府工作报告), the congress line
//! (在XX市第十六届人民代表大会第四次会议上; 在第十四届全国人民代表大会… for the national
//! report), the head of government's line (XX市市长 张三, 国务院总理 李四), the speaker's words
//! (我代表XX市人民政府, 我代表国务院), and how often one place is named in the text (the
//! Harbin report names 哈尔滨 28 times and never 哈尔滨市). Title, congress and head lines
//! outrank the speaker's words, and a bare 我代表自治区人民政府 names a level, never a
//! region. The names are checked against the bundled list of China's administrative
//! divisions ([`super::divisions`]), which also turns 哈尔滨 into 哈尔滨市 and a district into
//! its city's district (南京市鼓楼区). Names are compared whole: 吉林省 and 吉林市 are two
//! places, and 吉林 alone names neither.
//!
//! When the cues are missing, weak or disagree, the region is unknown ([`detect`] gives
//! `None`, and `extract` writes [`crate::model::UNKNOWN_REGION`]).

use std::cell::LazyCell;

use super::divisions::{DIVISIONS, Divisions, Resolved};
use super::header::{head_lines, is_title};
use super::text::{Norm, at, is_at, is_han, year_at};
pub use crate::model::Level;

/// The region of the national report (国务院 to the 全国人民代表大会), and its English name.
pub const NATIONAL: &str = "全国";
pub const NATIONAL_EN: &str = "China";

/// Which cue named the region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    Title,
    Congress,
    /// The head of government's line: XX市市长 张三, 国务院总理 李四.
    Mayor,
    /// 我代表XX市人民政府, 我代表国务院.
    Speaker,
    /// The place named far more often than any other.
    Recurrence,
}

/// A report's region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// The full name, whole (哈尔滨市, 黑龙江省, 南京市鼓楼区, 全国); a name the report gives in
    /// its title or congress line but the bundled list lacks is kept as written.
    pub name: String,
    /// `None` for a name the bundled list lacks (a new division, or a fictional one).
    pub level: Option<Level>,
    pub cue: Cue,
}

impl Region {
    fn national(cue: Cue) -> Region {
        Region {
            name: NATIONAL.to_owned(),
            level: Some(Level::National),
            cue,
        }
    }
}

/// The level of a region named in full (as `extract --region` gives it): 全国, or a division
/// of the bundled list; `None` for a name it lacks or that several divisions share.
pub fn level_of(name: &str) -> Option<Level> {
    if name == NATIONAL {
        return Some(Level::National);
    }
    match DIVISIONS.resolve(name) {
        Resolved::One(d) => DIVISIONS.all.get(d).map(|d| d.level),
        _ => None,
    }
}

/// The English name of a region, where the app knows one (China for 全国).
pub fn english_name(name: &str) -> Option<&'static str> {
    (name == NATIONAL).then_some(NATIONAL_EN)
}

/// How much of a text place names are counted in.
const RECURRENCE_CHARS: usize = 120_000;

/// The region of a report's text, or `None` when no cue is strong enough.
pub fn detect(text: &str) -> Option<Region> {
    detect_in(&Norm::new(text).chars)
}

/// What a cue names.
#[derive(Clone, Debug, PartialEq)]
enum Named {
    Place(String),
    National,
}

/// [`detect`] on a text's normalized characters (the extractor has them already).
pub(crate) fn detect_in(chars: &[char]) -> Option<Region> {
    let list = &*DIVISIONS;
    // Recurrence is read from the first [`RECURRENCE_CHARS`] characters: a whole report
    // (Harbin's is 15,000), and a bounded cost for a pasted book.
    let head = &chars[..chars.len().min(RECURRENCE_CHARS)];
    let mentions = LazyCell::new(|| list.mentions(head));
    let mut found: Vec<(Cue, Found)> = Vec::new();
    for (cue, named) in header_cues(chars) {
        let f = match named {
            Named::National => Found::National,
            Named::Place(name) => match list.resolve(&name) {
                Resolved::One(d) => Found::Listed(d),
                Resolved::Many(ds) => match list.pick_by_parents(&ds, &mentions) {
                    Some(d) => Found::Listed(d),
                    None => Found::Ambiguous(ds),
                },
                Resolved::None if plausible_unlisted(&name) && cue != Cue::Mayor => {
                    Found::Unlisted(name)
                }
                Resolved::None => continue,
            },
        };
        found.push((cue, f));
    }
    if found.is_empty() {
        return match list.dominant(chars, &mentions) {
            Some(d) => Some(list.region(d, Cue::Recurrence)),
            None => speaks_as_the_state(head).then(|| Region::national(Cue::Recurrence)),
        };
    }
    // Title, congress and head lines outrank the speaker's words, which only choose among
    // places of one name the others leave open.
    let lines: Vec<(Cue, Found)> = found
        .iter()
        .filter(|(cue, _)| *cue != Cue::Speaker)
        .cloned()
        .collect();
    if lines.is_empty() {
        return agree(list, &found);
    }
    agree(list, &lines).or_else(|| agree(list, &found))
}

/// What one cue names.
#[derive(Clone, Debug, PartialEq)]
enum Found {
    Listed(usize),
    /// Several divisions of that name (鼓楼区) and nothing in the text to choose.
    Ambiguous(Vec<usize>),
    Unlisted(String),
    National,
}

/// The one region all cues name, if they agree.
fn agree(list: &Divisions, found: &[(Cue, Found)]) -> Option<Region> {
    let (first_cue, _) = found.first()?;
    if found.iter().any(|(_, f)| *f == Found::National) {
        let all = found.iter().all(|(_, f)| *f == Found::National);
        return all.then(|| Region::national(*first_cue));
    }
    let listed: Vec<usize> = found
        .iter()
        .filter_map(|(_, f)| match f {
            Found::Listed(d) => Some(*d),
            _ => None,
        })
        .collect();
    let unlisted: Vec<&str> = found
        .iter()
        .filter_map(|(_, f)| match f {
            Found::Unlisted(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    if let Some(&d) = listed.first() {
        let all_fit = listed.iter().all(|&o| o == d)
            && unlisted.is_empty()
            && found.iter().all(|(_, f)| match f {
                Found::Ambiguous(ds) => ds.contains(&d),
                _ => true,
            });
        let cue = found
            .iter()
            .find(|(_, f)| *f == Found::Listed(d))
            .map_or(*first_cue, |(c, _)| *c);
        return all_fit.then(|| list.region(d, cue));
    }
    if let Some(&name) = unlisted.first() {
        let all_fit = unlisted.iter().all(|&o| o == name)
            && found.iter().all(|(_, f)| matches!(f, Found::Unlisted(_)));
        return all_fit.then(|| Region {
            name: name.to_owned(),
            level: None,
            cue: *first_cue,
        });
    }
    // Only ambiguous names: the divisions every cue allows, if one.
    let mut common: Option<Vec<usize>> = None;
    for (_, f) in found {
        if let Found::Ambiguous(ds) = f {
            common = Some(match common {
                None => ds.clone(),
                Some(c) => c.into_iter().filter(|d| ds.contains(d)).collect(),
            });
        }
    }
    match common.as_deref() {
        Some(&[d]) => Some(list.region(d, *first_cue)),
        _ => None,
    }
}

/// What the head lines name, each with its cue.
fn header_cues(chars: &[char]) -> Vec<(Cue, Named)> {
    let mut out = Vec::new();
    for line in head_lines(chars) {
        let place = |name: Option<String>| name.map(Named::Place);
        let cues = [
            (Cue::Title, place(title_region(&line))),
            (Cue::Congress, congress_region(&line)),
            (Cue::Mayor, mayor_region(&line)),
            (Cue::Speaker, speaker_region(&line)),
        ];
        out.extend(cues.into_iter().filter_map(|(cue, n)| Some((cue, n?))));
    }
    out
}

/// A text with no head lines that speaks as the state: 国内生产总值 and never 地区生产总值,
/// and no 全省, 全市… of its own.
fn speaks_as_the_state(chars: &[char]) -> bool {
    let count = |w: &str| (0..chars.len()).filter(|&i| is_at(chars, i, w)).count();
    count("国内生产总值") >= 2
        && count("地区生产总值") == 0
        && count("国务院") >= 1
        && super::divisions::self_level(chars).is_none()
}

/// 2024年XX市政府工作报告, XX市2025年政府工作报告, 《XX市人民政府工作报告》: the words
/// before 政府工作报告 without years, 人民政府 and marks.
fn title_region(line: &[char]) -> Option<String> {
    let text: String = line.iter().collect();
    let text = text.trim_matches(|c: char| "《》".contains(c));
    if !is_title(text) {
        return None;
    }
    let head = text.split("政府工作报告").next()?;
    let head = head.strip_suffix("人民").unwrap_or(head);
    let head = without_years(head);
    let head = head.strip_suffix("人民政府").unwrap_or(&head);
    (!head.is_empty()).then(|| head.to_owned())
}

/// 在XX市第十六届人民代表大会第四次会议上 (or 在XX市十六届人大四次会议上): the words between
/// 在 and the congress's number; 在第十四届全国人民代表大会… names the national report.
fn congress_region(line: &[char]) -> Option<Named> {
    let text: String = line.iter().collect();
    if line.len() <= 60
        && ["届全国人民代表大会", "届全国人大"]
            .iter()
            .any(|w| text.contains(w))
        && text.contains('在')
    {
        return Some(Named::National);
    }
    let at_congress = ["届人民代表大会", "届人大"]
        .iter()
        .find_map(|w| text.find(w))?;
    let before: Vec<char> = text.get(..at_congress)?.chars().collect();
    let mut end = before.len();
    while end > 0 && is_numeral(at(&before, end - 1)) {
        end -= 1;
    }
    if end == before.len() {
        return None;
    }
    if end > 0 && at(&before, end - 1) == '第' {
        end -= 1;
    }
    let start = (0..end).rev().find(|&i| at(&before, i) == '在')? + 1;
    let name: String = before.get(start..end)?.iter().collect();
    (end - start <= 16).then_some(Named::Place(name))
}

/// XX市市长 张三, XX市人民政府代市长 李四, 国务院总理 王五: a short line of a place, an
/// office and a name.
fn mayor_region(line: &[char]) -> Option<Named> {
    if line.len() > 30 {
        return None;
    }
    let text: String = line.iter().collect();
    if text.starts_with("国务院总理") || text.starts_with("国务院代总理") {
        return Some(Named::National);
    }
    for office in [
        "市长", "省长", "县长", "区长", "州长", "盟长", "旗长", "主席",
    ] {
        for (i, _) in text.match_indices(office) {
            let person: Vec<char> = text.get(i + office.len()..)?.chars().collect();
            let person: Vec<char> = person
                .into_iter()
                .skip_while(|c| matches!(c, '：' | ':' | '·'))
                .collect();
            if !(2..=4).contains(&person.len()) || !person.iter().all(|&c| is_han(c)) {
                continue;
            }
            let head = text.get(..i)?;
            let head = head.strip_suffix('代').unwrap_or(head);
            let head = head.strip_suffix("人民政府").unwrap_or(head);
            if !head.is_empty() && !is_level_word(head) {
                return Some(Named::Place(head.to_owned()));
            }
        }
    }
    None
}

/// 我代表XX市人民政府向大会报告工作, 我代表国务院…; 我代表自治区人民政府 names no place.
fn speaker_region(line: &[char]) -> Option<Named> {
    let text: String = line.iter().collect();
    let i = text.find("我代表")? + "我代表".len();
    let rest = text.get(i..)?;
    if rest.starts_with("国务院") {
        return Some(Named::National);
    }
    let j = rest.find("人民政府")?;
    let name = rest.get(..j)?;
    let place = name.chars().count() <= 16 && !name.is_empty() && !is_level_word(name);
    place.then(|| Named::Place(name.to_owned()))
}

/// 省, 市, 自治区, 州…: the level a report speaks of itself at, not a place.
fn is_level_word(name: &str) -> bool {
    [
        "省",
        "市",
        "县",
        "区",
        "州",
        "盟",
        "旗",
        "自治区",
        "自治州",
        "自治县",
        "自治旗",
        "特区",
        "地区",
        "本市",
        "本省",
        "本县",
        "本区",
    ]
    .contains(&name)
}

/// 南湖市2024年 → 南湖市.
fn without_years(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if year_at(&chars, i).is_some() {
            i += 5;
            continue;
        }
        out.push(at(&chars, i));
        i += 1;
    }
    out
}

fn is_numeral(c: char) -> bool {
    "一二三四五六七八九十百零〇".contains(c)
}

/// A name the list lacks, taken from a title or congress line: Chinese, short, ending like a
/// division, and no words of a sentence in it.
fn plausible_unlisted(name: &str) -> bool {
    let n = name.chars().count();
    (3..=12).contains(&n)
        && name.chars().all(is_han)
        && ["市", "省", "县", "区", "州", "盟", "旗"]
            .iter()
            .any(|s| name.ends_with(s))
        && ![
            "的", "在", "我", "代表", "全省", "全市", "全县", "全区", "人民", "政府",
        ]
        .iter()
        .any(|w| name.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<String> {
        detect(text).map(|r| r.name)
    }

    #[test]
    fn names_are_whole() {
        assert_eq!(
            name("2024年吉林市政府工作报告\n全市"),
            Some("吉林市".into())
        );
        assert_eq!(
            name("2024年吉林省政府工作报告\n全省"),
            Some("吉林省".into())
        );
        // 吉林 alone is a province and a city.
        let text = "吉林振兴。".repeat(10) + "全市我市";
        assert_eq!(name(&text), None);
        assert_eq!(
            name("南京市鼓楼区2024年政府工作报告"),
            Some("南京市鼓楼区".into())
        );
        // 鼓楼区 alone is in four cities: the text's city decides, or nothing does.
        assert_eq!(name("鼓楼区政府工作报告\n各位代表"), None);
        let text = "鼓楼区政府工作报告\n".to_owned() + &"南京".repeat(5);
        assert_eq!(name(&text), Some("南京市鼓楼区".into()));
    }

    #[test]
    fn header_lines() {
        assert_eq!(
            name("政府工作报告\n——2024年1月9日在宜昌市第八届人民代表大会第四次会议上"),
            Some("宜昌市".into())
        );
        assert_eq!(
            name("政府工作报告\n（2025年1月15日在柳州市十五届人大五次会议上）"),
            Some("柳州市".into())
        );
        assert_eq!(
            name("政府工作报告\n芜湖市市长  张明\n"),
            Some("芜湖市".into())
        );
        assert_eq!(
            name("现在，我代表沈阳市人民政府向大会报告工作"),
            Some("沈阳市".into())
        );
        // Cues that disagree name no region.
        assert_eq!(name("2024年宜昌市政府工作报告\n芜湖市市长 张明"), None);
        // A sentence is no cue (列全省第一).
        assert_eq!(name("增速列全省第一，全市第二。"), None);
    }

    #[test]
    fn recurrence() {
        let text = "哈尔滨冰雪旅游。".repeat(6) + "全市我市市委" + &"北京".repeat(2);
        assert_eq!(name(&text), Some("哈尔滨市".into()));
        let r = detect(&text).unwrap();
        assert_eq!((r.level, r.cue), (Some(Level::Prefecture), Cue::Recurrence));
        // Too few, a rival as frequent, or a text speaking as a province: unknown.
        assert_eq!(name(&("哈尔滨。".repeat(4) + "全市")), None);
        assert_eq!(
            name(&("哈尔滨。".repeat(6) + &"大连。".repeat(6) + "全市")),
            None
        );
        assert_eq!(name(&("哈尔滨。".repeat(6) + "全省全省")), None);
    }
}
