//! Drafts to indicators: every draft named canonically ([`canonical`]), then grouped by its
//! name's key, so that last year's result and this year's target of one indicator are one
//! indicator however the report words them.
//!
//! One indicator holds one figure per year and kind. When a report states one twice, the
//! statement in the main targets (or in the review's headline paragraph) is the figure and the
//! other is not a second observation. A figure over several years (multi-year) is never
//! grouped with the annual ones: it neither displaces nor completes them.

use std::sync::Arc;

use super::canonical::{self, Named, Place};
use super::sentence::Draft;
use super::text::Norm;
use crate::model::{Flag, Indicator, Kind, Level};
use crate::text_util::FastMap;
use crate::vocabulary::Entry;

/// An indicator being formed.
pub(super) struct Group {
    pub name: String,
    pub unit: Option<String>,
    pub headline: bool,
    pub topic: Arc<str>,
    pub drafts: Vec<Draft>,
    entry: Option<&'static Entry>,
    unclear: bool,
    /// How a figure given in another multiple of the unit was converted, by year and kind.
    converted: Vec<((i32, Kind), String)>,
}

impl Group {
    fn unit_fits(&self, d: &Draft) -> bool {
        match (&self.unit, &d.unit) {
            (Some(a), Some(b)) => a == b || same_base(a, b),
            _ => true,
        }
    }

    /// What the group takes of a draft it is given: the draft in its unit, and its unit and
    /// headline mark where the group has none.
    fn take_in(&mut self, d: &mut Draft) {
        self.in_unit(d);
        self.unit = self.unit.take().or_else(|| d.unit.clone());
        self.headline |= d.headline;
    }

    /// `d` in the group's unit: 1.3万亿斤 in a group of 亿斤 is 13000亿斤, with a note.
    fn in_unit(&mut self, d: &mut Draft) {
        let (Some(unit), Some(own), Some(value)) = (&self.unit, &d.unit, d.value) else {
            return;
        };
        if unit == own {
            return;
        }
        let factor = scaled(own).0 / scaled(unit).0;
        let converted = super::tidy(value * factor);
        d.value_high = d.value_high.map(|v| super::tidy(v * factor));
        d.change = d.change.map(|v| super::tidy(v * factor));
        self.converted.push((
            (d.year, d.kind),
            format!(
                "{value}{own} = {converted}{unit}: the report's figure in the indicator's unit"
            ),
        ));
        d.value = Some(converted);
        d.unit = Some(unit.clone());
    }

    /// The draft of the same year and kind, if the group has one.
    fn same_time(&self, d: &Draft) -> Option<usize> {
        self.drafts
            .iter()
            .position(|o| o.year == d.year && o.kind == d.kind)
    }
}

/// Whether a draft is a figure over several years (its horizon read by the sentence reader).
fn is_multi_year(d: &Draft) -> bool {
    d.multi_year.is_some()
}

/// A unit as its multiplier and base: 万亿斤 → (1e12, 斤), 亿元 → (1e8, 元).
fn scaled(unit: &str) -> (f64, &str) {
    const MULTIPLIERS: [(&str, f64); 8] = [
        ("万亿", 1e12),
        ("千亿", 1e11),
        ("百亿", 1e10),
        ("千万", 1e7),
        ("百万", 1e6),
        ("亿", 1e8),
        ("万", 1e4),
        ("千", 1e3),
    ];
    MULTIPLIERS
        .iter()
        .find_map(|(prefix, m)| {
            let base = unit.strip_prefix(prefix)?;
            (!base.is_empty()).then_some((*m, base))
        })
        .unwrap_or((1.0, unit))
}

/// A bare magnitude (农村贫困人口减少1386万) in the unit its standard indicator counts in
/// (万人), so that it meets the figures written with the unit.
fn with_base_of(unit: &str, standard: &str) -> Option<String> {
    const MAGNITUDES: &[&str] = &["万亿", "千亿", "百亿", "千万", "百万", "亿", "万", "千"];
    let base = scaled(standard).1;
    (MAGNITUDES.contains(&unit) && !base.is_empty() && base.chars().all(super::text::is_han))
        .then(|| format!("{unit}{base}"))
}

/// Two multiples of one unit (亿斤 and 万亿斤, 元 and 万元).
fn same_base(a: &str, b: &str) -> bool {
    scaled(a).1 == scaled(b).1
}

/// The latest groups of a key are the only ones a draft may join: a report that repeats
/// one name thousands of times stays linear, and real reports have a handful per name.
const LATEST: usize = 8;

/// How groups are found: the name's key and, for a figure over several years, its horizon.
type Key = (String, Option<String>);

/// Joins drafts into indicators; `level` picks the national wording of names that have one.
pub(super) fn indicators(drafts: Vec<Draft>, norm: &Norm, level: Option<Level>) -> Vec<Indicator> {
    let names: Vec<Named> = drafts.iter().map(|d| name_of(d, norm, level)).collect();
    let review_headline = review_headline_para(&drafts, &names);
    let first =
        |d: &Draft| d.headline || (d.kind == Kind::Actual && Some(d.para) == review_headline);
    // At most a group per draft: never regrown (moved) while the drafts are placed.
    let mut groups: Vec<Group> = Vec::with_capacity(drafts.len());
    let mut by_key: FastMap<Key, Vec<usize>> =
        FastMap::with_capacity_and_hasher(drafts.len(), Default::default());
    for (mut d, mut named) in drafts.into_iter().zip(names) {
        if let (Some(entry), Some(unit)) = (named.entry, d.unit.as_deref()) {
            d.unit = with_base_of(unit, entry.unit_zh).or(d.unit.take());
        }
        let key = (
            std::mem::take(&mut named.key),
            d.multi_year.as_ref().map(|m| m.horizon.clone()),
        );
        // The key's groups, looked up once: a new group is added to them below.
        let of_key = by_key.entry(key).or_default();
        let candidates = of_key
            .get(of_key.len().saturating_sub(LATEST)..)
            .unwrap_or(&[]);
        // Decided on a borrowed draft, then moved once: a draft is large, and thousands of
        // them pass here.
        match place_in(&groups, candidates, &d, &first) {
            Placed::Done => {}
            Placed::Complete(gi, oi) => {
                if let Some(g) = groups.get_mut(gi) {
                    g.take_in(&mut d);
                    if let Some(o) = g.drafts.get_mut(oi) {
                        o.complete_with(&d);
                    }
                }
            }
            Placed::Join(gi) => {
                if let Some(g) = groups.get_mut(gi) {
                    g.take_in(&mut d);
                    g.drafts.push(d);
                }
            }
            Placed::Replace(gi, oi) => {
                if let Some(g) = groups.get_mut(gi) {
                    g.take_in(&mut d);
                    if let Some(o) = g.drafts.get_mut(oi) {
                        *o = d;
                    }
                }
            }
            Placed::New => {
                of_key.push(groups.len());
                groups.push(new_group(named, d));
            }
        }
    }
    // Headline indicators first, as the report states them; then the rest in text order;
    // figures over several years after those of one year.
    groups.sort_by_cached_key(|g| (g.drafts.iter().any(is_multi_year), !g.headline));
    let width = groups.len().to_string().len().max(3);
    groups
        .into_iter()
        .enumerate()
        .map(|(n, g)| finish(g, n + 1, width, norm, level))
        .collect()
}

/// Indicator number `n` (from 1) from its group, with the vocabulary's English name and
/// category, its converted figures noted and an unclear name flagged.
fn finish(mut g: Group, n: usize, width: usize, norm: &Norm, level: Option<Level>) -> Indicator {
    let (entry, unclear) = (g.entry, g.unclear);
    let converted = std::mem::take(&mut g.converted);
    let mut ind = super::indicator(g, n, width, norm);
    for ((year, kind), note) in converted {
        if let Some(o) = ind
            .observations
            .iter_mut()
            .find(|o| o.year == year && o.kind == kind)
        {
            o.derived = Some(note);
        }
    }
    if let Some(entry) = entry {
        ind.name_en = Some(entry.name_en_at(level).to_owned());
        ind.unit_en = entry.unit_en_for(&ind.unit_zh).map(str::to_owned);
        ind.category = entry.category;
    }
    if unclear && !ind.flags.contains(&Flag::UnclearName) {
        ind.flags.push(Flag::UnclearName);
    }
    ind
}

fn name_of(d: &Draft, norm: &Norm, level: Option<Level>) -> Named {
    let place = Place {
        chars: &norm.chars,
        quote: d.quote,
        figure: d.value.or(d.growth),
    };
    canonical::settle(&d.name, &place, level)
}

fn new_group(named: Named, mut d: Draft) -> Group {
    d.name.clear();
    Group {
        name: named.name,
        unit: d.unit.clone(),
        headline: d.headline,
        topic: Arc::clone(&d.topic),
        entry: named.entry,
        unclear: named.unclear,
        converted: Vec::new(),
        drafts: vec![d],
    }
}

/// What becomes of a draft.
enum Placed {
    /// Left out: a repeat, or stated twice and the other statement wins.
    Done,
    /// Completes the group's draft (group, draft): a growth rate named apart from its value.
    Complete(usize, usize),
    /// To be added to the group.
    Join(usize),
    /// Replaces the group's draft of the same year and kind (group, draft).
    Replace(usize, usize),
    /// To start a group.
    New,
}

/// Where a draft goes among the groups of its key.
fn place_in(
    groups: &[Group],
    candidates: &[usize],
    d: &Draft,
    first: &impl Fn(&Draft) -> bool,
) -> Placed {
    // At most LATEST, looked through a few times: not worth a vector per draft.
    let fits = |gi: &usize| groups.get(*gi).is_some_and(|g| g.unit_fits(d));
    let mut fitting = [0; LATEST];
    let mut count = 0;
    for (slot, &gi) in fitting
        .iter_mut()
        .zip(candidates.iter().filter(|gi| fits(gi)))
    {
        *slot = gi;
        count += 1;
    }
    let fitting = fitting.get(..count).unwrap_or(&[]);
    // A repeat of a figure already read.
    let repeat = fitting.iter().any(|&gi| {
        groups.get(gi).is_some_and(|g| {
            g.drafts.iter().any(|o| {
                o.year == d.year && o.kind == d.kind && o.value == d.value && o.growth == d.growth
            })
        })
    });
    if repeat {
        return Placed::Done;
    }
    // A growth rate named apart from its value in the same paragraph completes it.
    let complement = fitting.iter().find_map(|&gi| {
        let g = groups.get(gi)?;
        let oi = g.drafts.iter().position(|o| completes(o, d))?;
        Some((gi, oi))
    });
    if let Some((gi, oi)) = complement {
        return Placed::Complete(gi, oi);
    }
    let open = fitting
        .iter()
        .find(|&&gi| groups.get(gi).is_some_and(|g| g.same_time(d).is_none()));
    if let Some(&gi) = open {
        return Placed::Join(gi);
    }
    // Stated twice: the main targets (or the review's headline paragraph) win.
    let taken = fitting
        .iter()
        .find_map(|&gi| Some((gi, groups.get(gi)?.same_time(d)?)));
    if let Some((gi, oi)) = taken
        && let Some(g) = groups.get(gi)
    {
        let earlier_first = g.drafts.get(oi).is_some_and(first);
        if first(d) && !earlier_first {
            return Placed::Replace(gi, oi);
        }
        if earlier_first && !first(d) {
            return Placed::Done;
        }
    }
    Placed::New
}

/// `d` gives the growth of `o`'s value (or the value of its growth), in the same paragraph.
fn completes(o: &Draft, d: &Draft) -> bool {
    o.year == d.year
        && o.kind == d.kind
        && o.para == d.para
        && ((o.value.is_some() && o.growth.is_none() && d.value.is_none())
            || (o.growth.is_some() && o.value.is_none() && d.growth.is_none()))
}

/// The review's headline paragraph: the one that gives last year's results of the most
/// standard indicators (地区生产总值, 一般公共预算收入, 社会消费品零售总额…).
fn review_headline_para(drafts: &[Draft], names: &[Named]) -> Option<usize> {
    let review = drafts
        .iter()
        .filter(|d| d.kind == Kind::Actual)
        .map(|d| d.year)
        .max()?;
    let mut standard: FastMap<usize, Vec<&'static str>> = FastMap::default();
    for (d, named) in drafts.iter().zip(names) {
        if d.kind != Kind::Actual || d.year != review || is_multi_year(d) {
            continue;
        }
        if let Some(entry) = named.entry {
            let names = standard.entry(d.para).or_default();
            if !names.contains(&entry.name_zh) {
                names.push(entry.name_zh);
            }
        }
    }
    standard
        .into_iter()
        .filter(|(_, names)| names.len() >= 3)
        .max_by_key(|(para, names)| (names.len(), std::cmp::Reverse(*para)))
        .map(|(para, _)| para)
}

#[cfg(test)]
mod tests {
    use crate::model::{Dataset, Indicator, Kind, Qualifier};

    fn draft(text: &str) -> Dataset {
        super::super::extract(text, "t.txt").expect("extracts")
    }

    fn named<'a>(data: &'a Dataset, name: &str) -> Vec<&'a Indicator> {
        data.indicators
            .iter()
            .filter(|i| i.name_zh == name)
            .collect()
    }

    #[test]
    fn older_and_newer_wordings_pair() {
        let data = draft(
            "2024年政府工作报告\n一、2023年工作回顾\n\
             全市一般公共财政预算收入120亿元、增长5%，货物进出口总额300亿元，粮食总产量80万吨。\n\
             二、2024年工作安排\n\
             今年主要预期目标是：一般公共预算收入增长6%，外贸进出口增长3%左右，\
             正常年景下粮食产量稳定在80万吨以上。\n",
        );
        for name in ["一般公共预算收入", "进出口总额", "粮食产量"] {
            let found = named(&data, name);
            assert_eq!(found.len(), 1, "{name}: {:?}", data.indicators);
            let years: Vec<(i32, Kind)> = found[0]
                .observations
                .iter()
                .map(|o| (o.year, o.kind))
                .collect();
            assert_eq!(
                years,
                [(2023, Kind::Actual), (2024, Kind::Target)],
                "{name}"
            );
            assert!(
                found[0].name_en.is_some() && found[0].flags.is_empty(),
                "{name}"
            );
        }
    }

    #[test]
    fn the_main_targets_win_a_figure_stated_twice() {
        let data = draft(
            "2024年政府工作报告\n一、2023年工作回顾\n\
             全市地区生产总值增长5.2%。\n二、2024年工作安排\n\
             要推动地区生产总值增长6%以上。\
             今年主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业5万人。\n\
             力争地区生产总值增长7%。\n",
        );
        let gdp = named(&data, "地区生产总值");
        assert_eq!(gdp.len(), 1, "{:?}", data.indicators);
        let target = gdp[0].observation(2024, Kind::Target).expect("a target");
        assert_eq!(
            (target.growth_pct, target.qualifier),
            (Some(5.5), Qualifier::About)
        );
        assert_eq!(gdp[0].observations.len(), 2);
    }

    #[test]
    fn figures_outside_the_headline_passages_stay_apart() {
        // Two statements of one name, neither in a headline passage: two indicators, as
        // they may be two statistics (a sub-scope, another unit), for a person to judge.
        let data = draft(
            "2024年政府工作报告\n一、2023年工作回顾\n\
             全市新建5G基站1200个。\n其中新建5G基站800个。\n二、2024年工作安排\n\
             今年主要预期目标是：地区生产总值增长6%左右。\n",
        );
        let stations: usize = data
            .indicators
            .iter()
            .filter(|i| i.name_zh.contains("5G基站"))
            .map(|i| i.observations.len())
            .sum();
        assert_eq!(stations, 2, "{:?}", data.indicators);
    }

    #[test]
    fn a_figure_in_another_multiple_of_the_unit_is_converted_with_a_note() {
        let data = draft(
            "2024年政府工作报告\n一、2023年工作回顾\n粮食产量达到13392亿斤。\n\
             二、2024年工作安排\n今年主要预期目标是：粮食产量保持在1.3万亿斤以上。\n",
        );
        let grain = named(&data, "粮食产量");
        assert_eq!(grain.len(), 1, "{:?}", data.indicators);
        assert_eq!(grain[0].unit_zh, "亿斤");
        let target = grain[0].observation(2024, Kind::Target).expect("a target");
        assert_eq!(target.value, Some(13000.0));
        assert_eq!(
            target.derived.as_deref(),
            Some("1.3万亿斤 = 13000亿斤: the report's figure in the indicator's unit")
        );
    }
}
