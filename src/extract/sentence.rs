//! Sentences to observation drafts: each number's role (level, growth, multiple of last
//! year), its name, qualifier, year and kind, and the clause it is quoted from.

mod attach;
mod clause;
mod draft;
mod horizon;
mod naming;
mod parts;
mod roles;
mod run;
mod subject;
mod thresholds;
mod time;

use std::sync::Arc;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::layout::{Layout, Part};
use super::names;
use super::scan::{self, Token, Unit};
use super::text::{
    Edge, at, automaton, first_chars, is_at, is_han, last_chars, seg, string, strip_words, year_at,
};
use super::words::{
    AFTER_CUTS, BEFORE_QUALIFIERS, CARRIED_HEADS, CHANGE_VERBS, COMPARATORS, FALL, LAST_YEAR_OF,
    LINKS, NEW_VERBS, OUTPUT_HEADS, OWNER_TAILS, PLAN_BASIS, PLAN_VERBS, RISE, TO_VERBS,
    VERB_ADVERBS,
};
use crate::model::{Kind, MultiYear, Qualifier};
pub(crate) use draft::Draft;
pub(crate) use roles::selected_numbers;
use roles::{Role, explicit_year, split_marker, strip_comparators};
use run::Run;
use subject::{list_names, shape_subject};
use thresholds::{demote_crossed_bound, keep_lone_milestones};

/// Built once: these are looked for at every number of a report.
static AFTER_CUT_STARTS: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(AFTER_CUTS));
/// The first characters of [`TO_VERBS`]: asked after every number and before many.
static TO_VERB_STARTS: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(TO_VERBS));

/// Whether one of [`TO_VERBS`] (提高到, 变为…) starts at `i`; the first character is
/// checked first, as most characters start none.
fn to_verb_at(chars: &[char], i: usize) -> bool {
    TO_VERB_STARTS.binary_search(&at(chars, i)).is_ok()
        && TO_VERBS.iter().any(|v| is_at(chars, i, v))
}
/// The last characters of the words `strip_comparators` drops: most subjects end with none.
static COMPARATOR_ENDS: LazyLock<Vec<char>> = LazyLock::new(|| {
    last_chars(
        COMPARATORS
            .iter()
            .chain(LINKS)
            .chain(LAST_YEAR_OF)
            .chain(PLAN_BASIS),
    )
});
static PLAN_VERB_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(PLAN_VERBS));

/// How many earlier numbers of a sentence a growth rate may belong to.
const MAX_LOOKBACK: usize = 16;
/// Ends a sentence.
const STOPS: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];
/// Ends a clause: the unit of quotes and subjects. 、 is not one: it joins list items.
const CLAUSE: &[char] = &[
    '，', ',', '；', ';', '：', ':', '。', '！', '？', '!', '?', '\n',
];

/// Every draft in the report, in text order.
///
/// Sentences are read independently of each other, so the paragraphs are read in two
/// halves on two threads: on a long page this is most of the extraction's time.
pub(crate) fn drafts(chars: &[char], layout: &Layout) -> Vec<Draft> {
    let topics = topics(chars, layout);
    let n = layout.paras.len();
    // Split where about half of the text is behind.
    let half_chars = layout.paras.last().map_or(0, |p| p.end) / 2;
    let mid = layout.paras.partition_point(|p| p.end <= half_chars);
    if mid == 0 || mid == n {
        return drafts_in(chars, layout, &topics, 0..n);
    }
    let (mut out, rest) = super::in_parallel(
        || drafts_in(chars, layout, &topics, 0..mid),
        || drafts_in(chars, layout, &topics, mid..n),
    );
    out.extend(rest);
    out
}

/// Each paragraph's topic: its opening words and the section heading it is under.
fn topics(chars: &[char], layout: &Layout) -> Vec<Arc<str>> {
    let mut section = String::new();
    layout
        .paras
        .iter()
        .map(|para| {
            let first_end = (para.start..para.end)
                .find(|&k| STOPS.contains(&at(chars, k)))
                .unwrap_or(para.end);
            let first = string(chars, para.start, first_end.min(para.start + 40));
            if matches!(at(chars, para.start), '（' | '(' | '—') || first_end - para.start < 40 {
                section.clone_from(&first);
            }
            let mut topic = String::with_capacity(first.len() + 1 + section.len());
            topic.push_str(&first);
            topic.push(' ');
            topic.push_str(&section);
            topic.into()
        })
        .collect()
}

/// The drafts of paragraphs `paras`, in text order.
fn drafts_in(
    chars: &[char],
    layout: &Layout,
    topics: &[Arc<str>],
    paras: std::ops::Range<usize>,
) -> Vec<Draft> {
    let mut out = Vec::new();
    for pi in paras {
        let (Some(para), Some(topic)) = (layout.paras.get(pi), topics.get(pi)) else {
            continue;
        };
        let part = layout.parts.get(pi).copied().unwrap_or(Part::Review);
        let passage = layout.headline.get(pi).copied().flatten();
        let mut s = para.start;
        // The span a clause joined by ； to the next one names for it (五年来，…；…).
        let mut carried = None;
        while s < para.end {
            let e = (s..para.end)
                .find(|&k| STOPS.contains(&at(chars, k)))
                .unwrap_or(para.end);
            let ctx = Sentence {
                chars,
                s,
                e,
                layout,
                part,
                // The part of the main-targets passage in this sentence.
                headline: passage
                    .map(|(a, b)| (a.max(s), b.min(e)))
                    .filter(|(a, b)| a < b),
                para: pi,
                topic,
                carried,
            };
            carried = ctx.drafts(&mut out);
            s = e + 1;
        }
    }
    out
}

struct Sentence<'a> {
    chars: &'a [char],
    s: usize,
    e: usize,
    layout: &'a Layout,
    part: Part,
    headline: Option<(usize, usize)>,
    para: usize,
    topic: &'a Arc<str>,
    /// The span of several years the sentence's first clauses named, before a ；.
    carried: Option<MultiYear>,
}

/// The numbers of a sentence read so far.
struct Reading {
    items: Vec<Item>,
    /// The name of the latest number, for a number with none of its own.
    prev_name: Option<String>,
    /// The span of several years of the latest number, if it had one.
    prev_horizon: Option<MultiYear>,
    /// Where the words of the next number's subject may start.
    prev_end: usize,
    /// The words of the sentence that make a figure span several years.
    markers: Vec<horizon::Marker>,
    /// The horizon of every figure of the sentence: the paragraph's plan period, or a year
    /// after the plan year the sentence opens with.
    horizon: Option<MultiYear>,
    /// A growth that opens the sentence with no subject (…达到61234亿元。比上年增长5.3%):
    /// the growth of the level the sentence before ended with, if it has none.
    orphan: Option<Orphan>,
}

/// A sentence's opening growth with no subject, kept for the level before the sentence.
struct Orphan {
    growth: (Option<f64>, Option<f64>),
    qualifier: Qualifier,
    quote_end: usize,
}

/// What the sentence says of one number, while the sentence is read.
struct Item {
    draft: Draft,
    /// Found before 提高到…: its name is kept for the next number, it is emitted only with
    /// an explicit year (由2022年的74.5%).
    emit: bool,
    /// A threshold crossed (迈上3万亿元台阶): emitted only if the sentence has no level of
    /// its subject.
    milestone: bool,
}

impl Sentence<'_> {
    fn text(&self, a: usize, b: usize) -> String {
        string(self.chars, a, b)
    }

    /// Drafts the sentence's figures into `out`; returns the span of several years its
    /// clauses name for the clauses after its ； (a sentence in the grammar's sense ends at
    /// 。, and 五年来，…；…；… speaks of five years throughout).
    fn drafts(&self, out: &mut Vec<Draft>) -> Option<MultiYear> {
        let toks = scan::tokenize(self.chars, self.s, self.e);
        if let Some(range) = self.headline {
            self.qualitative_targets(range, &toks, out);
        }
        let joined = matches!(at(self.chars, self.e), '；' | ';');
        let quantities = toks.iter().any(Token::is_quantity);
        if !quantities && !joined {
            return None;
        }
        let (review, plan) = (self.layout.review, self.layout.plan);
        let markers = horizon::markers(self.chars, self.s, self.e, review, plan);
        let carry = joined
            .then(|| {
                let own = markers
                    .iter()
                    .rev()
                    .find(|m| m.reach == horizon::Reach::Sentence);
                own.map(|m| m.horizon.clone())
                    .or_else(|| self.carried.clone())
            })
            .flatten();
        // 3万亿元 on a line of its own (a newspaper's figure box): no words name it.
        let worded = (self.s..self.e).any(|k| {
            is_han(at(self.chars, k)) && !toks.iter().any(|t| (t.start..t.end).contains(&k))
        });
        if !quantities || !worded {
            return carry;
        }
        let (mut year, mut kind) = self.time(&toks);
        let mut sentence_horizon = self.period().or_else(|| self.carried.clone());
        if year > plan {
            // 到2030年…: a goal beyond the plan year, kept as a goal over several years.
            let words = markers.iter().find(|m| m.horizon.until == Some(year));
            sentence_horizon = sentence_horizon.or_else(|| {
                Some(words.map_or_else(
                    || MultiYear {
                        horizon: format!("{year}年"),
                        until: Some(year),
                    },
                    |m| m.horizon.clone(),
                ))
            });
            (year, kind) = (plan, Kind::Target);
        }
        let mut reading = Reading {
            items: Vec::new(),
            prev_name: None,
            prev_horizon: None,
            prev_end: self.s,
            markers,
            horizon: sentence_horizon,
            orphan: None,
        };
        let mut k = 0;
        while k < toks.len() {
            k += self.read_at(&toks, k, (year, kind), &mut reading);
        }
        keep_lone_milestones(&mut reading.items);
        if let Some(o) = reading.orphan
            && let Some(d) = out.last_mut()
            && d.para == self.para
            && (d.year, d.kind) == (year, kind)
            && d.value.is_some()
            && d.growth.is_none()
            && d.multi_year.is_none()
        {
            (d.growth, d.growth_high) = o.growth;
            if d.qualifier == Qualifier::Exact {
                d.qualifier = o.qualifier;
            }
            d.quote.1 = d.quote.1.max(o.quote_end);
        }
        out.extend(
            reading
                .items
                .into_iter()
                .filter(|i| i.emit && !i.draft.name.is_empty())
                .map(|i| i.draft),
        );
        carry
    }

    /// Reads the token at `k` (with the numbers listed after it) into `r`; returns how many
    /// tokens it used, at least one.
    fn read_at(&self, toks: &[Token], k: usize, time: (i32, Kind), r: &mut Reading) -> usize {
        let Some(t) = toks.get(k) else { return 1 };
        if !t.is_quantity() {
            if !matches!(t.unit, Unit::Year | Unit::Code) {
                r.prev_end = t.end;
            }
            return 1;
        }
        if self.in_aside(t.start) {
            r.prev_end = t.end;
            return 1;
        }
        let next_in_clause = toks
            .get(k + 1)
            .is_some_and(|n| n.is_quantity() && n.start < self.clause_end(t.end));
        if self.is_threshold(toks, k) {
            return 1;
        }
        let Some(run) = self.run_at(toks, k, r, time) else {
            r.prev_end = t.end;
            return 1;
        };
        if self.stretches_growth(&run, r) {
            r.prev_end = run.last_end;
            return 1;
        }
        // 迈上3万亿元台阶、达到30186.4亿元: a threshold crossed, kept only when the sentence
        // gives no figure of its own for that subject.
        if let Some(word_end) = self.milestone_end(&run) {
            self.read_milestone(&run, r);
            r.prev_end = word_end;
            return run.toks.len();
        }
        // 粮食总产量连续5年稳定在100亿斤以上: the years are a figure, and the words before
        // them still name the next one.
        let running = t.unit_text == "年" && next_in_clause;
        let (marker, list_src) = split_marker(&run.subject);
        let names = marker
            .map(|_| list_names(&list_src, run.toks.len()))
            .unwrap_or_default();
        let pushed = if let Some(share) = self.plan_share(&run, r) {
            share
        } else if marker.is_some() && names.len() == run.toks.len() {
            let onto = r.prev_name.as_deref().and_then(|p| parts::onto(&names, p));
            self.each_named(&run, onto.as_deref().unwrap_or(&names))
        } else if marker == Some("均") && run.toks.len() == 1 && names.len() > 1 {
            self.one_value_many_names(&run, &names)
        } else if run.role.is_growth() {
            let name = names::clean(&run.subject);
            if name.is_empty() {
                self.growth_of_earlier(&run, r)
            } else {
                self.named_growth(&run, name, r)
            }
        } else if let Some(changes) = self.changes(&run, r) {
            changes
        } else if let Some(item) = self.changed_value(&run, r) {
            // The earlier value of a change: only this number is used.
            r.prev_name = Some(item.draft.name.clone());
            r.items.push(item);
            r.prev_end = t.end;
            return 1;
        } else if let Some(total) = self.total_after_increment(&run, r) {
            total
        } else {
            let levels = self.levels(&run, r);
            if names::clean(&run.subject).is_empty() {
                demote_crossed_bound(&levels, &mut r.items);
            }
            levels
        };
        let mut pushed = pushed;
        self.inherit_horizon(&run, &mut pushed, r);
        if let Some(d) = pushed.last() {
            r.prev_name = Some(d.name.clone());
            r.prev_horizon.clone_from(&d.multi_year);
        }
        r.items.extend(pushed.into_iter().map(|draft| Item {
            draft,
            emit: true,
            milestone: false,
        }));
        if !running {
            r.prev_end = run.last_end;
        }
        run.toks.len()
    }

    /// 一般公共预算收入年均增长6.9%，突破4000亿元: a number with no subject of its own, named
    /// after the number before it, speaks of that number's span of years too — unless its
    /// words name a year of their own (其中去年…增长4.2%).
    fn inherit_horizon(&self, run: &Run, pushed: &mut [Draft], r: &Reading) {
        let Some(horizon) = &r.prev_horizon else {
            return;
        };
        let own_year = ["去年", "今年", "当年", "全年", "其中"]
            .iter()
            .any(|w| run.before.contains(w));
        if own_year || !names::clean(&run.subject).is_empty() {
            return;
        }
        for d in pushed {
            if d.multi_year.is_none() && r.prev_name.as_ref() == Some(&d.name) {
                d.multi_year = Some(horizon.clone());
            }
        }
    }

    /// 提高到, 变为… right after a number: it was the value before a change.
    fn changes_after(&self, end: usize, next_start: usize) -> bool {
        to_verb_at(seg(self.chars, end, next_start), 0)
    }

    /// The plan period the paragraph is about, when the layout marks one (a five-year
    /// review or the next plan's goals).
    fn period(&self) -> Option<MultiYear> {
        layout_period(self.layout, self.para).map(|words| MultiYear {
            horizon: words.to_string(),
            until: None,
        })
    }
}

/// The plan period of paragraph `para` as the layout marks it (a five-year review, the next
/// plan's goals), or `None` for a paragraph of the review or plan year.
fn layout_period(layout: &Layout, para: usize) -> Option<Arc<str>> {
    layout.period.get(para).cloned().flatten()
}
