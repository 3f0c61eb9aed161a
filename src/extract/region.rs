//! Which region a report is of, from the cues real reports carry, and never a guess.
//!
//! Cues, strongest first: the title line (2024年XX市政府工作报告, XX市2025年政府工作报告), the
//! congress line (在XX市第十六届人民代表大会第四次会议上), the mayor's line (XX市市长 张三), the
//! speaker's words (我代表XX市人民政府), and how often one place is named in the text (the
//! Harbin report names 哈尔滨 28 times and never 哈尔滨市). The names are checked against the
//! bundled list of China's administrative divisions (`assets/divisions/`), which also turns
//! 哈尔滨 into 哈尔滨市 and a district into its city's district (南京市鼓楼区). Names are
//! compared whole: 吉林省 and 吉林市 are two places, and 吉林 alone names neither.
//!
//! When the cues are missing, weak or disagree, the region is unknown ([`detect`] gives
//! `None`, and `extract` writes [`crate::model::UNKNOWN_REGION`]).

use std::cell::LazyCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::text::{Norm, at, is_han, year_at};

/// The level of an administrative division.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// 省, 自治区, 直辖市.
    Province,
    /// 地级市, 地区, 自治州, 盟.
    Prefecture,
    /// 县, 县级市, 市辖区, 旗, 自治县…
    County,
}

/// Which cue named the region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    Title,
    Congress,
    Mayor,
    Speaker,
    /// The place named far more often than any other.
    Recurrence,
}

/// A report's region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// The full name, whole (哈尔滨市, 黑龙江省, 南京市鼓楼区); a name the report gives in its
    /// title or congress line but the bundled list lacks is kept as written.
    pub name: String,
    /// `None` for a name the bundled list lacks (a new division, or a fictional one).
    pub level: Option<Level>,
    pub cue: Cue,
}

/// How much of a text place names are counted in.
const RECURRENCE_CHARS: usize = 120_000;

/// The region of a report's text, or `None` when no cue is strong enough.
pub fn detect(text: &str) -> Option<Region> {
    detect_in(&Norm::new(text).chars)
}

/// [`detect`] on a text's normalized characters (the extractor has them already).
pub(crate) fn detect_in(chars: &[char]) -> Option<Region> {
    let list = &*DIVISIONS;
    // Recurrence is read from the first [`RECURRENCE_CHARS`] characters: a whole report
    // (Harbin's is 15,000), and a bounded cost for a pasted book.
    let mentions = LazyCell::new(|| list.mentions(&chars[..chars.len().min(RECURRENCE_CHARS)]));
    let mut found: Vec<(Cue, Found)> = Vec::new();
    for (cue, name) in header_cues(chars) {
        let f = match list.resolve(&name) {
            Resolved::One(d) => Found::Listed(d),
            Resolved::Many(ds) => match list.pick_by_parents(&ds, &mentions) {
                Some(d) => Found::Listed(d),
                None => Found::Ambiguous(ds),
            },
            Resolved::None if plausible_unlisted(&name) && cue != Cue::Mayor => {
                Found::Unlisted(name)
            }
            Resolved::None => continue,
        };
        found.push((cue, f));
    }
    if found.is_empty() {
        let d = list.dominant(chars, &mentions)?;
        return Some(list.region(d, Cue::Recurrence));
    }
    agree(list, &found)
}

/// What one cue names.
#[derive(Clone, Debug, PartialEq)]
enum Found {
    Listed(usize),
    /// Several divisions of that name (鼓楼区) and nothing in the text to choose.
    Ambiguous(Vec<usize>),
    Unlisted(String),
}

/// The one region all header cues name, if they agree.
fn agree(list: &Divisions, found: &[(Cue, Found)]) -> Option<Region> {
    let (first_cue, _) = found.first()?;
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

/// Region names the header lines give, each with its cue, in the first lines of the text.
fn header_cues(chars: &[char]) -> Vec<(Cue, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (n, end) in line_ends(chars).into_iter().enumerate() {
        if n >= 40 || start > 4000 {
            break;
        }
        let line: Vec<char> = chars
            .get(start..end)
            .unwrap_or(&[])
            .iter()
            .copied()
            .filter(|c| !c.is_whitespace())
            .collect();
        start = end + 1;
        if let Some(name) = title_region(&line) {
            out.push((Cue::Title, name));
        }
        if let Some(name) = congress_region(&line) {
            out.push((Cue::Congress, name));
        }
        if let Some(name) = mayor_region(&line) {
            out.push((Cue::Mayor, name));
        }
        if let Some(name) = speaker_region(&line) {
            out.push((Cue::Speaker, name));
        }
    }
    out
}

fn line_ends(chars: &[char]) -> Vec<usize> {
    let mut ends: Vec<usize> = (0..chars.len()).filter(|&i| at(chars, i) == '\n').collect();
    ends.push(chars.len());
    ends
}

/// The report's title: a short line near the top that says 政府工作报告, without 《》.
pub(crate) fn title_line(text: &str) -> Option<String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(6)
        .find_map(|l| {
            let t = l.trim_matches(|c: char| c.is_whitespace() || "《》".contains(c));
            (t.contains("政府工作报告") && t.chars().count() <= 40).then(|| t.to_owned())
        })
}

/// 2024年XX市政府工作报告, XX市2025年政府工作报告, 《XX市人民政府工作报告》: the words
/// before 政府工作报告 without years, 人民政府 and marks.
fn title_region(line: &[char]) -> Option<String> {
    let text: String = line.iter().collect();
    if line.len() > 40 {
        return None;
    }
    let head = text.split("政府工作报告").next()?;
    if head.len() == text.len() {
        return None;
    }
    let head = head.trim_start_matches('《');
    let head = head.strip_suffix("人民").unwrap_or(head);
    let head = without_years(head);
    let head = head.strip_suffix("人民政府").unwrap_or(&head);
    (!head.is_empty()).then(|| head.to_owned())
}

/// 在XX市第十六届人民代表大会第四次会议上 (or 在XX市十六届人大四次会议上): the words between
/// 在 and the congress's number.
fn congress_region(line: &[char]) -> Option<String> {
    let text: String = line.iter().collect();
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
    (end - start <= 16).then_some(name)
}

/// XX市市长 张三, XX市人民政府代市长 李四: a short line of a place, an office and a name.
fn mayor_region(line: &[char]) -> Option<String> {
    if line.len() > 30 {
        return None;
    }
    let text: String = line.iter().collect();
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
            if !head.is_empty() {
                return Some(head.to_owned());
            }
        }
    }
    None
}

/// 我代表XX市人民政府向大会报告工作.
fn speaker_region(line: &[char]) -> Option<String> {
    let text: String = line.iter().collect();
    let i = text.find("我代表")? + "我代表".len();
    let rest = text.get(i..)?;
    let j = rest.find("人民政府")?;
    let name = rest.get(..j)?;
    (name.chars().count() <= 16 && !name.is_empty()).then(|| name.to_owned())
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

/// The bundled list of divisions.
static DIVISIONS: LazyLock<Divisions> =
    LazyLock::new(|| Divisions::parse(include_str!("../../assets/divisions/divisions.tsv")));

struct Division {
    code: &'static str,
    level: Level,
    parent: &'static str,
    name: &'static str,
}

enum Resolved {
    None,
    One(usize),
    Many(Vec<usize>),
}

struct Divisions {
    all: Vec<Division>,
    by_code: HashMap<&'static str, usize>,
    /// Full names, and the short names of provinces and prefectures (哈尔滨), to divisions.
    by_name: HashMap<&'static str, Vec<usize>>,
    /// The longest name starting with each character, in characters.
    longest: HashMap<char, usize>,
}

/// Which division each place name in the text names, counted: (division, times).
type Mentions = HashMap<usize, usize>;

impl Divisions {
    fn parse(tsv: &'static str) -> Divisions {
        let mut all = Vec::new();
        let mut shorts = Vec::new();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(code), Some(level), Some(parent), Some(name), short) =
                (f.next(), f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let level = match level {
                "province" => Level::Province,
                "prefecture" => Level::Prefecture,
                _ => Level::County,
            };
            if let Some(s) = short.filter(|s| !s.is_empty()) {
                shorts.push((s, all.len()));
            }
            all.push(Division {
                code,
                level,
                parent,
                name,
            });
        }
        let mut by_name: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, d) in all.iter().enumerate() {
            by_name.entry(d.name).or_default().push(i);
        }
        for (s, i) in shorts {
            by_name.entry(s).or_default().push(i);
        }
        let by_code = all.iter().enumerate().map(|(i, d)| (d.code, i)).collect();
        let mut longest: HashMap<char, usize> = HashMap::new();
        for k in by_name.keys() {
            if let Some(c) = k.chars().next() {
                let n = longest.entry(c).or_default();
                *n = (*n).max(k.chars().count());
            }
        }
        Divisions {
            all,
            by_code,
            by_name,
            longest,
        }
    }

    fn parent(&self, d: usize) -> Option<usize> {
        let p = self.all.get(d)?.parent;
        self.by_code.get(p).copied()
    }

    fn is_ancestor(&self, a: usize, d: usize) -> bool {
        let mut cur = self.parent(d);
        while let Some(p) = cur {
            if p == a {
                return true;
            }
            cur = self.parent(p);
        }
        false
    }

    /// The whole name of a division as a region: a district with its city (南京市鼓楼区), a
    /// county with its prefecture when its name is not unique, else its own name.
    fn full_name(&self, d: usize) -> String {
        let Some(div) = self.all.get(d) else {
            return String::new();
        };
        let unique = self.by_name.get(div.name).is_some_and(|v| v.len() == 1);
        match self.parent(d) {
            Some(p) if div.level == Level::County && (div.name.ends_with('区') || !unique) => {
                format!("{}{}", self.full_name(p), div.name)
            }
            _ => div.name.to_owned(),
        }
    }

    fn region(&self, d: usize, cue: Cue) -> Region {
        Region {
            name: self.full_name(d),
            level: self.all.get(d).map(|d| d.level),
            cue,
        }
    }

    /// The divisions a name given by a cue can be: its last part is a division's name (or
    /// a province's or prefecture's short name), and what is before it names an ancestor.
    fn resolve(&self, name: &str) -> Resolved {
        let chars: Vec<char> = name.chars().collect();
        let mut hits = Vec::new();
        for split in 0..chars.len() {
            let tail: String = chars.get(split..).unwrap_or(&[]).iter().collect();
            let head: String = chars.get(..split).unwrap_or(&[]).iter().collect();
            let Some(ds) = self.by_name.get(tail.as_str()) else {
                continue;
            };
            for &d in ds {
                let fits = head.is_empty()
                    || match self.resolve(&head) {
                        Resolved::One(a) => self.is_ancestor(a, d),
                        Resolved::Many(v) => v.iter().any(|&a| self.is_ancestor(a, d)),
                        Resolved::None => false,
                    };
                if fits && !hits.contains(&d) {
                    hits.push(d);
                }
            }
            if !hits.is_empty() {
                break;
            }
        }
        match hits.as_slice() {
            [] => Resolved::None,
            [d] => Resolved::One(*d),
            _ => Resolved::Many(hits),
        }
    }

    /// Counts the places the text names, longest name first at each position; a name of
    /// several divisions (鼓楼区, 吉林) counts for none.
    fn mentions(&self, chars: &[char]) -> Mentions {
        let mut counts = Mentions::new();
        let mut i = 0;
        let mut window = String::new();
        let mut ends: Vec<(usize, usize)> = Vec::new();
        while i < chars.len() {
            let mut step = 1;
            if let Some(&longest) = self.longest.get(&at(chars, i)) {
                window.clear();
                window.extend(chars.get(i..(i + longest).min(chars.len())).unwrap_or(&[]));
                // Byte ends of the window's prefixes of 2 characters and more, longest first.
                ends.clear();
                ends.extend(
                    window
                        .char_indices()
                        .map(|(b, c)| b + c.len_utf8())
                        .enumerate()
                        .skip(1)
                        .map(|(n, b)| (n + 1, b)),
                );
                for &(n, b) in ends.iter().rev() {
                    if let Some(ds) = window.get(..b).and_then(|k| self.by_name.get(k)) {
                        if let [d] = ds.as_slice() {
                            *counts.entry(*d).or_default() += 1;
                        }
                        step = n;
                        break;
                    }
                }
            }
            i += step;
        }
        counts
    }

    /// Of several divisions of one name, the one whose city or province the text names most,
    /// if clearly.
    fn pick_by_parents(&self, ds: &[usize], mentions: &Mentions) -> Option<usize> {
        let score = |d: usize| -> usize {
            let mut n = 0;
            let mut cur = self.parent(d);
            while let Some(p) = cur {
                n += mentions.get(&p).copied().unwrap_or(0);
                cur = self.parent(p);
            }
            n
        };
        clear_winner(ds.iter().map(|&d| (d, score(d))))
    }

    /// The place the text names far more often than any other unrelated place, at the
    /// level the text speaks of itself (全市, 市委, 我市… for a city); counties only by their
    /// full name.
    fn dominant(&self, chars: &[char], mentions: &Mentions) -> Option<usize> {
        let d = clear_winner(mentions.iter().map(|(&d, &n)| (d, n)))?;
        let n = mentions.get(&d).copied().unwrap_or(0);
        let related = |o: usize| o == d || self.is_ancestor(o, d) || self.is_ancestor(d, o);
        let rival = mentions
            .iter()
            .filter(|&(&o, _)| !related(o))
            .map(|(_, &m)| m)
            .max()
            .unwrap_or(0);
        let level_char = self.all.get(d)?.name.chars().last()?;
        (n >= 5 && n >= 3 * rival && self_level(chars) == Some(level_char)).then_some(d)
    }
}

/// The division with the highest score, if it is at least twice the next one.
fn clear_winner(scores: impl Iterator<Item = (usize, usize)>) -> Option<usize> {
    let mut scores: Vec<(usize, usize)> = scores.filter(|&(_, n)| n > 0).collect();
    scores.sort_by_key(|&(d, n)| (std::cmp::Reverse(n), d));
    match scores.as_slice() {
        [(d, _)] => Some(*d),
        [(d, a), (_, b), ..] if *a >= 2 * *b => Some(*d),
        _ => None,
    }
}

/// The level a report speaks of itself at: 市 when 全市, 我市, 市委, 市政府… outnumber the
/// same words of 省, 县, 区….
fn self_level(chars: &[char]) -> Option<char> {
    const LEVELS: [char; 7] = ['省', '市', '县', '区', '州', '盟', '旗'];
    // One pass: at each level character, 全X or 我X before it, X委, X政府, X人大 or X政协
    // after it; each such word counts once.
    let mut counts = [0usize; LEVELS.len()];
    for (i, c) in chars.iter().enumerate() {
        let Some(k) = LEVELS.iter().position(|l| l == c) else {
            continue;
        };
        if i > 0 && matches!(chars[i - 1], '全' | '我') {
            counts[k] += 1;
        }
        let next = |n: usize| chars.get(i + n).copied();
        let after = matches!(
            (next(1), next(2)),
            (Some('委'), _) | (Some('政'), Some('府' | '协')) | (Some('人'), Some('大'))
        );
        if after {
            counts[k] += 1;
        }
    }
    let mut best: Option<(char, usize)> = None;
    let mut tie = false;
    for (c, n) in LEVELS.into_iter().zip(counts) {
        match best {
            Some((_, m)) if n == m => tie = true,
            Some((_, m)) if n < m => {}
            _ => {
                best = Some((c, n));
                tie = false;
            }
        }
    }
    best.filter(|&(_, n)| n > 0 && !tie).map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<String> {
        detect(text).map(|r| r.name)
    }

    #[test]
    fn the_list_is_whole() {
        let list = &*DIVISIONS;
        let count = |l: Level| list.all.iter().filter(|d| d.level == l).count();
        assert_eq!(count(Level::Province), 31);
        assert_eq!(count(Level::Prefecture), 333);
        assert!(count(Level::County) > 2800);
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
