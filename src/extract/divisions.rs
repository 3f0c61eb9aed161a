//! The bundled list of China's administrative divisions (`assets/divisions/`): names to
//! divisions, whole names of districts (南京市鼓楼区), and the places a text names.

use crate::text_util::FastMap;
use std::sync::LazyLock;

use super::region::{Cue, Region};
use crate::model::Level;

/// The bundled list of divisions.
pub(super) static DIVISIONS: LazyLock<Divisions> =
    LazyLock::new(|| Divisions::parse(include_str!("../../assets/divisions/divisions.tsv")));

pub(super) struct Division {
    code: &'static str,
    pub(super) level: Level,
    parent: &'static str,
    name: &'static str,
}

pub(super) enum Resolved {
    None,
    One(usize),
    Many(Vec<usize>),
}

pub(super) struct Divisions {
    pub(super) all: Vec<Division>,
    by_code: FastMap<&'static str, usize>,
    /// Full names, and the short names of provinces and prefectures (哈尔滨), to divisions.
    by_name: FastMap<&'static str, Vec<usize>>,
    /// Every name of two characters or more, longest first where several start at one
    /// place; `names` holds the name of each pattern.
    place_names: aho_corasick::AhoCorasick,
    names: Vec<&'static str>,
}

/// Which division each place name in the text names, counted: (division, times).
pub(super) type Mentions = FastMap<usize, usize>;

impl Divisions {
    pub(super) fn parse(tsv: &'static str) -> Divisions {
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
        let mut by_name: FastMap<&'static str, Vec<usize>> = FastMap::default();
        for (i, d) in all.iter().enumerate() {
            by_name.entry(d.name).or_default().push(i);
        }
        for (s, i) in shorts {
            by_name.entry(s).or_default().push(i);
        }
        let by_code = all.iter().enumerate().map(|(i, d)| (d.code, i)).collect();
        let mut names: Vec<&'static str> = by_name
            .keys()
            .copied()
            .filter(|k| k.chars().nth(1).is_some())
            .collect();
        names.sort_unstable();
        let place_names = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&names)
            .expect("the division names are far below the automaton's size limits");
        Divisions {
            all,
            by_code,
            by_name,
            place_names,
            names,
        }
    }

    pub(super) fn parent(&self, d: usize) -> Option<usize> {
        let p = self.all.get(d)?.parent;
        self.by_code.get(p).copied()
    }

    pub(super) fn is_ancestor(&self, a: usize, d: usize) -> bool {
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
    pub(super) fn full_name(&self, d: usize) -> String {
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

    pub(super) fn region(&self, d: usize, cue: Cue) -> Region {
        Region {
            name: self.full_name(d),
            level: self.all.get(d).map(|d| d.level),
            cue,
        }
    }

    /// The divisions a name given by a cue can be: its last part is a division's name (or
    /// a province's or prefecture's short name), and what is before it names an ancestor.
    pub(super) fn resolve(&self, name: &str) -> Resolved {
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
    pub(super) fn mentions(&self, chars: &[char]) -> Mentions {
        let text: String = chars.iter().collect();
        let mut counts = Mentions::default();
        for m in self.place_names.find_iter(&text) {
            let ds = self
                .names
                .get(m.pattern().as_usize())
                .and_then(|name| self.by_name.get(name));
            if let Some([d]) = ds.map(Vec::as_slice) {
                *counts.entry(*d).or_default() += 1;
            }
        }
        counts
    }

    /// Of several divisions of one name, the one whose city or province the text names most,
    /// if clearly.
    pub(super) fn pick_by_parents(&self, ds: &[usize], mentions: &Mentions) -> Option<usize> {
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
    pub(super) fn dominant(&self, chars: &[char], mentions: &Mentions) -> Option<usize> {
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
pub(super) fn self_level(chars: &[char]) -> Option<char> {
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

    #[test]
    fn the_list_is_whole() {
        let list = &*DIVISIONS;
        let count = |l: Level| list.all.iter().filter(|d| d.level == l).count();
        assert_eq!(count(Level::Province), 31);
        assert_eq!(count(Level::Prefecture), 333);
        assert!(count(Level::County) > 2800);
    }
}
