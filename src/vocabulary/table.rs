//! The bundled table of standard indicators (`assets/vocabulary/indicators.tsv`), read
//! once: each entry and every wording that leads to it.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::text_util::{FastMap, FastSet};

use super::names::{fold_name, only_around};
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
        // Folded once: this is asked for every indicator a report gives.
        static FOLDED: LazyLock<Vec<(String, &str)>> =
            LazyLock::new(|| UNITS_EN.iter().map(|(zh, en)| (fold(zh), *en)).collect());
        if unit_zh == self.unit_zh {
            return Some(self.unit_en);
        }
        let unit = fold(unit_zh);
        if unit == fold(self.unit_zh) {
            return Some(self.unit_en);
        }
        FOLDED.iter().find(|(zh, _)| *zh == unit).map(|(_, en)| *en)
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
pub(super) static VOCABULARY: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::parse(include_str!("../../assets/vocabulary/indicators.tsv")));

pub(super) struct Vocabulary {
    pub(super) entries: Vec<Entry>,
    /// Every wording, folded, to its entry.
    pub(super) by_wording: FastMap<String, usize>,
    /// The ends of wordings that are no wording themselves (业增加值, 乡居民人均可支配收入,
    /// 总值): a name that is one was cut inside a standard name.
    pub(super) tails: FastSet<String>,
    /// The same wordings, to find them inside a longer name.
    pub(super) wordings: AhoCorasick,
    /// The entry of each of `wordings`' patterns.
    pub(super) owners: Vec<usize>,
}

impl Vocabulary {
    /// Lines that do not have the columns of an entry are left out (the unit tests read
    /// every line).
    fn parse(tsv: &'static str) -> Vocabulary {
        let mut entries = Vec::new();
        let mut by_wording: FastMap<String, usize> = FastMap::default();
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
    pub(super) fn find(&self, name: &str) -> Option<usize> {
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
            if only_around(before, after)
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
#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = include_str!("../../assets/vocabulary/indicators.tsv");

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
        let mut owner: std::collections::HashMap<String, &str> = Default::default();
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
}
