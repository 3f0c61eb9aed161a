//! China's administrative divisions as the bundled list (`assets/divisions/divisions.tsv`)
//! names them: a region's code, level and short name. The codes give the official order
//! (北京 11, 天津 12, 河北 13 …) in which ties are broken and regions listed; pinyin gives
//! the order an English reader can follow.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::Level;

/// One division of the bundled list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Division {
    /// The statistical division code: 2 digits for a province, 4 for a prefecture, 6 for a
    /// county.
    pub code: &'static str,
    pub level: Level,
    pub parent: &'static str,
    /// The full name (北京市, 新疆维吾尔自治区).
    pub name: &'static str,
    /// The short name reports and charts use (北京, 新疆), when the list gives one.
    pub short: Option<&'static str>,
}

impl Division {
    /// The name a chart of many regions uses: a province's short name (the list leaves out
    /// 吉林 and 海南, which other places share; among provinces they are unambiguous), else
    /// the full name.
    pub fn label(&self) -> &'static str {
        if self.level != Level::Province {
            return self.name;
        }
        self.short
            .or_else(|| self.name.strip_suffix('省'))
            .unwrap_or(self.name)
    }
}

/// The region name of the national report.
pub const NATIONAL: &str = "全国";

struct List {
    all: Vec<Division>,
    /// Full names to divisions (a county name may be shared by several).
    by_name: HashMap<&'static str, Vec<usize>>,
    by_code: HashMap<&'static str, usize>,
}

static LIST: LazyLock<List> = LazyLock::new(|| {
    let all: Vec<Division> = include_str!("../assets/divisions/divisions.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let f: Vec<&'static str> = line.split('\t').collect();
            let level = match *f.get(1)? {
                "province" => Level::Province,
                "prefecture" => Level::Prefecture,
                _ => Level::County,
            };
            Some(Division {
                code: f[0],
                level,
                parent: f.get(2)?,
                name: f.get(3)?,
                short: f.get(4).copied().filter(|s| !s.is_empty()),
            })
        })
        .collect();
    let mut by_name: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (i, d) in all.iter().enumerate() {
        by_name.entry(d.name).or_default().push(i);
    }
    let by_code = all.iter().enumerate().map(|(i, d)| (d.code, i)).collect();
    List {
        all,
        by_name,
        by_code,
    }
});

/// The division a report's `region_zh` names: a full name (北京市, 哈尔滨市), or a county
/// with its city or province before it (南京市鼓楼区). None for 全国, a name the list lacks,
/// or a county name several places share given alone.
pub fn find(region_zh: &str) -> Option<&'static Division> {
    let list = &*LIST;
    let name = region_zh.trim();
    if let Some(found) = list.by_name.get(name) {
        // The highest level first: a province or city name is unique at its level.
        let best = found.iter().min_by_key(|&&i| list.all[i].level)?;
        let shared = found
            .iter()
            .filter(|&&i| list.all[i].level == list.all[*best].level)
            .count();
        return (shared == 1).then(|| &list.all[*best]);
    }
    // 南京市鼓楼区: an ancestor's name, then the county's.
    name.char_indices().skip(1).find_map(|(at, _)| {
        let (head, tail) = name.split_at(at);
        let ancestor = list
            .by_name
            .get(head)?
            .iter()
            .map(|&i| &list.all[i])
            .find(|d| d.level != Level::County)?;
        list.by_name
            .get(tail)?
            .iter()
            .map(|&i| &list.all[i])
            .find(|d| {
                let parent = list.by_code.get(d.parent).map(|&p| &list.all[p]);
                parent.is_some_and(|p| p.code == ancestor.code || p.parent == ancestor.code)
            })
    })
}

/// A region's level: the national report, else the division the name is in the list as.
pub fn level_of(region_zh: &str) -> Option<Level> {
    if region_zh.trim() == NATIONAL {
        return Some(Level::National);
    }
    find(region_zh).map(|d| d.level)
}

/// Readings of place names that differ from their characters' most common reading.
const PLACE_READINGS: &[(&str, &str)] = &[
    ("重庆", "chong qing"),
    ("西藏", "xi zang"),
    ("长春", "chang chun"),
    ("长沙", "chang sha"),
    ("长治", "chang zhi"),
    ("厦门", "xia men"),
    ("蚌埠", "beng bu"),
    ("六安", "lu an"),
];

/// The pinyin of a name without tones, for sorting: 北京市 → "bei jing shi". Characters
/// without a reading (Latin letters, digits) stay as they are, lower-cased.
pub fn pinyin_key(name: &str) -> String {
    use pinyin::ToPinyin as _;
    let mut out = String::new();
    let mut rest = name;
    while let Some(c) = rest.chars().next() {
        if let Some((place, reading)) = PLACE_READINGS.iter().find(|(p, _)| rest.starts_with(p)) {
            out.push_str(reading);
            out.push(' ');
            rest = &rest[place.len()..];
            continue;
        }
        match c.to_pinyin() {
            Some(p) => {
                out.push_str(p.plain());
                out.push(' ');
            }
            None => out.extend(c.to_lowercase()),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_cities_and_districts_are_found_with_their_codes() {
        assert_eq!(find("北京市").unwrap().code, "11");
        assert_eq!(find("新疆维吾尔自治区").unwrap().label(), "新疆");
        assert_eq!(find("吉林省").unwrap().label(), "吉林");
        assert_eq!(find("海南省").unwrap().label(), "海南");
        assert_eq!(find("哈尔滨市").unwrap().level, Level::Prefecture);
        assert_eq!(find("哈尔滨市").unwrap().label(), "哈尔滨市");
        let gulou = find("南京市鼓楼区").unwrap();
        assert_eq!((gulou.level, &gulou.code[..4]), (Level::County, "3201"));
        assert_eq!(find("鼓楼区"), None, "several districts have that name");
        assert_eq!(find("北河市"), None);
        assert_eq!(level_of("全国"), Some(Level::National));
        assert_eq!(level_of("湖南省"), Some(Level::Province));
    }

    #[test]
    fn pinyin_reads_place_names_as_they_are_said() {
        assert_eq!(pinyin_key("北京市"), "bei jing shi ");
        assert_eq!(pinyin_key("重庆市"), "chong qing shi ");
        let mut names = ["浙江", "重庆", "北京", "安徽", "西藏"];
        names.sort_by_key(|n| pinyin_key(n));
        assert_eq!(names, ["安徽", "北京", "重庆", "西藏", "浙江"]);
    }
}
