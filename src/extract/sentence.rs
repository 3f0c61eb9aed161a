//! Sentences to observation drafts: each number's role (level, growth, multiple of last
//! year), its name, qualifier, year and kind, and the clause it is quoted from.

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
    AFTER_CUTS, BEFORE_QUALIFIERS, COMPARATORS, FALL, LAST_YEAR_OF, LINKS, PLAN_VERBS, RISE,
    TO_VERBS,
};
use crate::model::{Kind, Qualifier};

/// One observation before indicators are formed.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub name: String,
    /// `None` for growth-only and qualitative observations.
    pub unit: Option<String>,
    pub year: i32,
    pub kind: Kind,
    pub value: Option<f64>,
    pub growth: Option<f64>,
    pub qualifier: Qualifier,
    /// The quoted clause, as a range of characters.
    pub quote: (usize, usize),
    pub headline: bool,
    pub para: usize,
    /// The paragraph's opening sentence and section heading, for the category (shared by
    /// the paragraph's drafts).
    pub topic: Arc<str>,
}

/// Built once: these are looked for at every number of a report.
static AFTER_CUT_STARTS: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(AFTER_CUTS));
/// The last characters of the words `strip_comparators` drops: most subjects end with none.
static COMPARATOR_ENDS: LazyLock<Vec<char>> =
    LazyLock::new(|| last_chars(COMPARATORS.iter().chain(LINKS).chain(LAST_YEAR_OF)));
static PLAN_VERB_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(PLAN_VERBS));

/// The longest clause looked at; longer runs without punctuation are not prose.
const MAX_CLAUSE: usize = 300;
/// How many earlier numbers of a sentence a growth rate may belong to.
const MAX_LOOKBACK: usize = 16;
/// Ends a sentence.
const STOPS: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];
/// Ends a clause: the unit of quotes and subjects. 、 is not one: it joins list items.
const CLAUSE: &[char] = &[
    '，', ',', '；', ';', '：', ':', '。', '！', '？', '!', '?', '\n',
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Level,
    /// A growth rate in percent, with its sign.
    Growth(f64),
    /// 是上年的N倍: growth (N-1)×100.
    TimesLast,
    /// 增长N倍: growth N×100.
    TimesMore,
}

impl Role {
    fn is_growth(self) -> bool {
        !matches!(self, Role::Level)
    }
    fn growth(self, v: f64) -> f64 {
        match self {
            Role::Level => v,
            Role::Growth(sign) => sign * v,
            Role::TimesLast => (v - 1.0) * 100.0,
            Role::TimesMore => v * 100.0,
        }
    }
}

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
            };
            ctx.drafts(&mut out);
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
}

/// The numbers of a sentence read so far.
struct Reading {
    items: Vec<Item>,
    /// The name of the latest number, for a number with none of its own.
    prev_name: Option<String>,
    /// Where the words of the next number's subject may start.
    prev_end: usize,
}

/// One number, or a list of alike numbers joined by 、/和 (increased 3%、5% and 8%), and
/// what the words before them say.
struct Run<'t> {
    toks: Vec<&'t Token>,
    /// The start of the token after the run, or the sentence's end.
    next_start: usize,
    last_end: usize,
    role: Role,
    year: i32,
    kind: Kind,
    /// The start of the words before the run.
    bound: usize,
    before: String,
    /// `before` without a qualifier word at its end.
    core: String,
    /// `core` without the verb of its role and the comparators (比上年…).
    subject: String,
    quals: Vec<Qualifier>,
    quote: (usize, usize),
    headline: bool,
}

/// What the sentence says of one number, while the sentence is read.
struct Item {
    draft: Draft,
    /// Found before 提高到…: its name is kept for the next number, it is emitted only with
    /// an explicit year (由2022年的74.5%).
    emit: bool,
}

impl Sentence<'_> {
    fn text(&self, a: usize, b: usize) -> String {
        string(self.chars, a, b)
    }

    fn drafts(&self, out: &mut Vec<Draft>) {
        let toks = scan::tokenize(self.chars, self.s, self.e);
        if let Some(range) = self.headline {
            self.qualitative_targets(range, &toks, out);
        }
        if !toks.iter().any(Token::is_quantity) {
            return;
        }
        let (year, kind) = self.time(&toks);
        if year > self.layout.plan {
            // 到2025年…: a goal beyond the plan year. The schema's plan year is the latest
            // target year, so one such goal would shift the whole report; it is left out.
            return;
        }
        let mut reading = Reading {
            items: Vec::new(),
            prev_name: None,
            prev_end: self.s,
        };
        let mut k = 0;
        while k < toks.len() {
            k += self.read_at(&toks, k, (year, kind), &mut reading);
        }
        out.extend(
            reading
                .items
                .into_iter()
                .filter(|i| i.emit && !i.draft.name.is_empty())
                .map(|i| i.draft),
        );
    }

    /// Reads the token at `k` (with the numbers listed after it) into `r`; returns how many
    /// tokens it used, at least one.
    fn read_at(&self, toks: &[Token], k: usize, time: (i32, Kind), r: &mut Reading) -> usize {
        let Some(t) = toks.get(k) else { return 1 };
        if !t.is_quantity() {
            if t.unit != Unit::Year {
                r.prev_end = t.end;
            }
            return 1;
        }
        let next_in_clause = toks
            .get(k + 1)
            .is_some_and(|n| n.is_quantity() && n.start < self.clause_end(t.end));
        // 5000万元以上项目1200个: a threshold that qualifies the noun after it, not a
        // figure; its words stay in the next number's name.
        let threshold = matches!(t.after, Some(Qualifier::AtLeast | Qualifier::AtMost))
            && is_han(at(self.chars, t.end))
            && next_in_clause;
        if threshold {
            return 1;
        }
        let Some(run) = self.run_at(toks, k, r.prev_end, time) else {
            r.prev_end = t.end;
            return 1;
        };
        // 粮食总产量连续5年稳定在100亿斤以上: the years are a figure, and the words before
        // them still name the next one.
        let running = t.unit_text == "年" && next_in_clause;
        let (marker, list_src) = split_marker(&run.subject);
        let names = marker
            .map(|_| names::list_names(&list_src))
            .unwrap_or_default();
        let pushed = if marker.is_some() && names.len() == run.toks.len() {
            self.each_named(&run, &names)
        } else if marker == Some("均") && run.toks.len() == 1 && names.len() > 1 {
            self.one_value_many_names(&run, &names)
        } else if run.role.is_growth() {
            let name = names::clean(&run.subject);
            if name.is_empty() {
                self.growth_of_earlier(&run, r)
            } else {
                self.named_growth(&run, name)
            }
        } else if let Some(item) = self.changed_value(&run, r) {
            // The earlier value of a change: only this number is used.
            r.prev_name = Some(item.draft.name.clone());
            r.items.push(item);
            r.prev_end = t.end;
            return 1;
        } else {
            self.levels(&run, r)
        };
        if let Some(d) = pushed.last() {
            r.prev_name = Some(d.name.clone());
        }
        r.items
            .extend(pushed.into_iter().map(|draft| Item { draft, emit: true }));
        if !running {
            r.prev_end = run.last_end;
        }
        run.toks.len()
    }

    /// The number at `k`, the alike numbers listed after it with only 、/和 between, and what
    /// the words before them say; `None` when those words give it no role (相当于2倍).
    fn run_at<'t>(
        &self,
        toks: &'t [Token],
        k: usize,
        prev_end: usize,
        (year, kind): (i32, Kind),
    ) -> Option<Run<'t>> {
        let t = toks.get(k)?;
        let bound = self.clause_start(prev_end.max(self.s), t.start);
        let before = self.text(bound, t.start);
        let (core, before_q) = strip_qualifier(&before);
        let (role, verb) = role(&core, t.unit)?;
        let mut run = vec![t];
        let mut last_end = t.end;
        while let Some(next) = toks.get(k + run.len()) {
            let gap = seg(self.chars, last_end, next.start);
            let joins = !gap.is_empty()
                && gap.len() <= 2
                && gap.iter().all(|c| matches!(c, '、' | '和' | '及' | '与'));
            let alike = next.unit == t.unit
                || (matches!(next.unit, Unit::Measure) && matches!(t.unit, Unit::Measure));
            if !(joins && alike) {
                break;
            }
            run.push(next);
            last_end = next.end;
        }
        let verbless = core.strip_suffix(verb).unwrap_or(&core);
        let subject = strip_comparators(verbless);
        let clause_q = self
            .clause_has(bound, t.start, "力争")
            .then_some(Qualifier::AtLeast);
        let quals = run
            .iter()
            .enumerate()
            .map(|(n, tok)| {
                tok.after
                    .or(if n == 0 { before_q } else { None })
                    .or(clause_q)
                    .unwrap_or(Qualifier::Exact)
            })
            .collect();
        Some(Run {
            next_start: toks.get(k + run.len()).map_or(self.e, |n| n.start),
            toks: run,
            last_end,
            role,
            year,
            kind,
            bound,
            before,
            core,
            subject,
            quals,
            quote: (self.quote_start(t.start), self.quote_end(last_end)),
            headline: self
                .headline
                .is_some_and(|(a, b)| t.start >= a && t.start < b),
        })
    }

    /// A draft of one number of a run.
    fn draft(
        &self,
        run: &Run,
        name: String,
        tok: &Token,
        q: Qualifier,
        quote: (usize, usize),
    ) -> Draft {
        let growth = run.role.is_growth();
        Draft {
            name,
            unit: (!growth).then(|| tok.unit_text.clone()),
            year: run.year,
            kind: run.kind,
            value: (!growth).then_some(tok.value),
            growth: growth.then(|| run.role.growth(tok.value)),
            qualifier: q,
            quote,
            headline: run.headline,
            para: self.para,
            topic: Arc::clone(self.topic),
        }
    }

    /// X、Y分别增长a%、b%: one name for each number.
    fn each_named(&self, run: &Run, names: &[String]) -> Vec<Draft> {
        names
            .iter()
            .zip(&run.toks)
            .zip(&run.quals)
            .map(|((name, tok), q)| self.draft(run, name.clone(), tok, *q, run.quote))
            .collect()
    }

    /// 接听率、办结率、满意率均达99%以上: one number for each name.
    fn one_value_many_names(&self, run: &Run, names: &[String]) -> Vec<Draft> {
        let (Some(tok), Some(q)) = (run.toks.first(), run.quals.first()) else {
            return Vec::new();
        };
        names
            .iter()
            .map(|name| self.draft(run, name.clone(), tok, *q, run.quote))
            .collect()
    }

    /// 增长3.1% after a level, or 分别是上年的2.5倍、3.4倍 after two levels: the growth of
    /// the latest levels without one (completed in place), else of the previous name.
    fn growth_of_earlier(&self, run: &Run, r: &mut Reading) -> Vec<Draft> {
        let mut open: Vec<usize> = r
            .items
            .iter()
            .enumerate()
            .rev()
            .take(MAX_LOOKBACK)
            .filter(|(_, it)| it.emit && it.draft.value.is_some() && it.draft.growth.is_none())
            .map(|(i, _)| i)
            .collect();
        open.reverse();
        let take = run.toks.len();
        if open.len() >= take && take > 0 {
            let targets = open.get(open.len() - take..).unwrap_or(&[]);
            for ((&i, tok), q) in targets.iter().zip(&run.toks).zip(&run.quals) {
                if let Some(item) = r.items.get_mut(i) {
                    let d = &mut item.draft;
                    d.growth = Some(run.role.growth(tok.value));
                    if d.qualifier == Qualifier::Exact {
                        d.qualifier = *q;
                    }
                    d.quote.1 = d.quote.1.max(run.quote.1);
                }
            }
            return Vec::new();
        }
        let Some(name) = r.prev_name.clone() else {
            return Vec::new();
        };
        run.toks
            .iter()
            .zip(&run.quals)
            .map(|(tok, q)| self.draft(run, name.clone(), tok, *q, run.quote))
            .collect()
    }

    /// 地区生产总值增长6%: named by its subject (`name`, cleaned), split when it lists one
    /// name a number.
    fn named_growth(&self, run: &Run, name: String) -> Vec<Draft> {
        let split = names::list_names(&run.subject);
        run.toks
            .iter()
            .zip(&run.quals)
            .enumerate()
            .map(|(n, (tok, q))| {
                let name = if split.len() == run.toks.len() {
                    split.get(n).cloned().unwrap_or_else(|| name.clone())
                } else {
                    name.clone()
                };
                self.draft(run, name, tok, *q, run.quote)
            })
            .collect()
    }

    /// 由2022年的74.5%提高到76.5%: the earlier value, emitted only with its year; its name
    /// and quote go to the value after the verb.
    fn changed_value(&self, run: &Run, r: &Reading) -> Option<Item> {
        let t = *run.toks.first()?;
        if !(self.changes_after(t.end, run.next_start) && names::find_from(&run.before).is_some()) {
            return None;
        }
        let name = self.first_level_name(run, r);
        let year_of = explicit_year(&run.before).filter(|y| *y <= self.layout.plan);
        let q = run.quals.first().copied().unwrap_or(Qualifier::Exact);
        let mut d = self.draft(run, name, t, q, self.single_quote(t));
        if let Some(y) = year_of {
            d.year = y;
            d.kind = if y <= self.layout.review {
                Kind::Actual
            } else {
                Kind::Target
            };
            d.quote.1 = self.quote_end(run.next_start);
        }
        Some(Item {
            draft: d,
            emit: year_of.is_some(),
        })
    }

    fn first_level_name(&self, run: &Run, r: &Reading) -> String {
        let t = run.toks.first().copied();
        t.map(|t| {
            self.level_name(
                &run.core,
                t,
                run.next_start,
                r.prev_name.as_deref(),
                run.bound,
            )
        })
        .unwrap_or_default()
    }

    /// Levels: the first is named from its words, the rest share its name.
    fn levels(&self, run: &Run, r: &Reading) -> Vec<Draft> {
        let first_name = self.first_level_name(run, r);
        let mut prev_name = r.prev_name.clone();
        let mut pushed: Vec<Draft> = Vec::new();
        for (n, (tok, q)) in run.toks.iter().zip(&run.quals).enumerate() {
            let quote = if run.toks.len() > 1 {
                run.quote
            } else {
                self.single_quote(tok)
            };
            let name = if n == 0 {
                first_name.clone()
            } else {
                prev_name.clone().unwrap_or_else(|| first_name.clone())
            };
            pushed.push(self.draft(run, name.clone(), tok, *q, quote));
            prev_name = Some(name);
        }
        // A value changed from an earlier one: quote from the earlier one.
        if let Some(item) = r.items.last()
            && !item.emit
            && item.draft.name == first_name
            && let Some(d) = pushed.first_mut()
        {
            d.quote.0 = d.quote.0.min(item.draft.quote.0);
        }
        pushed
    }

    /// The name of a level: the words before it, or the noun after it (3家国家级企业技术中心),
    /// or, for a generic word (总量), the name before it in the sentence.
    fn level_name(
        &self,
        before: &str,
        t: &Token,
        next_start: usize,
        prev: Option<&str>,
        bound: usize,
    ) -> String {
        if t.unit_text == "年" {
            // 连续7年位列…榜首: what was done so many years running.
            let rest = self.text(t.end, self.clause_end(t.end));
            let name = format!("{}连续{rest}", names::clean(before));
            return name.chars().take(24).collect();
        }
        let last_seg = before.rsplit('、').next().unwrap_or(before);
        let seg_name = names::clean(last_seg);
        let (owned, after) = self.noun_after(t, next_start);
        let listed = before.contains('、');
        let joined = before.trim_end().ends_with(['和', '及', '与', '的', '、']);
        match after {
            // 全长66公里的三环路 → 三环路全长
            Some(noun) if owned => return format!("{noun}{seg_name}"),
            // 玉米、大豆…5大产业链; 142项重点任务和102个重点项目; 监督的10个民生项目
            Some(noun) if listed || joined => return noun,
            // 新增重组4家全国重点实验室; 两年累计投入16亿元供热奖补资金
            Some(noun) if !names::meaningful(&seg_name) || names::ends_with_verb(&seg_name) => {
                return noun;
            }
            _ => {}
        }
        if listed {
            let full = names::clean(before);
            if names::meaningful(&full) {
                return full;
            }
        }
        if names::meaningful(&seg_name) {
            return seg_name;
        }
        if let Some(prev) = prev {
            return if names::is_generic(&seg_name) {
                format!("{prev}{seg_name}")
            } else {
                prev.to_owned()
            };
        }
        if names::is_verb(&seg_name)
            && !seg_name.is_empty()
            && let Some(noun) = self.object_of(&seg_name, bound)
        {
            return noun;
        }
        if let Some(topic) = self.sentence_topic(bound) {
            if topic.ends_with(&seg_name) {
                return topic;
            }
            return format!("{topic}{seg_name}");
        }
        if !seg_name.is_empty() {
            return seg_name;
        }
        let clause = names::clean(&self.text(self.quote_start(t.start), t.start));
        if clause.is_empty() {
            "未命名指标".to_owned()
        } else {
            clause
        }
    }

    /// 实施改造1055万平方米 after 老旧小区改造坚持…: the earlier noun the verb belongs to.
    fn object_of(&self, verb: &str, bound: usize) -> Option<String> {
        let text = self.text(self.s, bound);
        let (head, _) = text.rmatch_indices(verb).find_map(|(i, _)| {
            let head = text.get(..i)?;
            let noun: String = head
                .chars()
                .rev()
                .take_while(|c| is_han(*c))
                .take(8)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            (noun.chars().count() >= 2).then_some((noun, i))
        })?;
        let name = names::clean(&format!("{head}{verb}"));
        names::meaningful(&name).then_some(name)
    }

    /// The noun phrase right after a number's unit, and whether 的 joins them (owned).
    fn noun_after(&self, t: &Token, next_start: usize) -> (bool, Option<String>) {
        if t.unit != Unit::Measure {
            return (false, None);
        }
        let mut a = t.end;
        let owned = at(self.chars, a) == '的';
        if owned {
            a += 1;
        }
        let mut b = a;
        let limit = next_start.min(self.e).min(a + 40);
        while b < limit {
            let c = at(self.chars, b);
            if CLAUSE.contains(&c) || c == '、' || c.is_ascii_digit() {
                break;
            }
            if AFTER_CUT_STARTS.binary_search(&c).is_ok()
                && AFTER_CUTS.iter().any(|w| is_at(self.chars, b, w))
            {
                break;
            }
            b += 1;
        }
        let noun = self.text(a, b);
        let noun = noun.trim_matches(|c: char| !is_han(c) && c != '）' && c != '”');
        let ok = noun.chars().count() >= 2 && is_han(at(self.chars, a));
        (owned && ok, ok.then(|| noun.chars().take(16).collect()))
    }

    /// The subject of the sentence's first clause, for a number with no name of its own.
    fn sentence_topic(&self, bound: usize) -> Option<String> {
        let end = self.clause_end(self.s).min(bound.max(self.s));
        let end = if end <= self.s {
            self.clause_end(self.s)
        } else {
            end
        };
        let name = names::clean(&self.text(self.s, end));
        (names::meaningful(&name) && name.chars().count() <= 12).then_some(name)
    }

    /// 提高到, 变为… right after a number: it was the value before a change.
    fn changes_after(&self, end: usize, next_start: usize) -> bool {
        let gap = seg(self.chars, end, next_start);
        TO_VERBS.iter().any(|v| is_at(gap, 0, v))
    }

    fn clause_has(&self, a: usize, b: usize, word: &str) -> bool {
        (a..b).any(|k| is_at(self.chars, k, word))
    }

    /// After the last clause mark in `a..b` (or `a`).
    /// Scans at most [`MAX_CLAUSE`] characters, so that text without punctuation stays linear.
    fn clause_start(&self, a: usize, b: usize) -> usize {
        let a = a.max(b.saturating_sub(MAX_CLAUSE));
        (a..b)
            .rev()
            .find(|&k| CLAUSE.contains(&at(self.chars, k)))
            .map_or(a, |k| k + 1)
    }

    fn clause_end(&self, from: usize) -> usize {
        let e = self.e.min(from + MAX_CLAUSE);
        (from..e)
            .find(|&k| CLAUSE.contains(&at(self.chars, k)))
            .unwrap_or(e)
    }

    /// The start of the quoted clause around `pos`, after its dashes and spaces.
    fn quote_start(&self, pos: usize) -> usize {
        let mut a = self.clause_start(self.s, pos);
        while a < self.e && matches!(at(self.chars, a), ' ' | '—' | '·' | '•' | '\t') {
            a += 1;
        }
        a
    }

    fn quote_end(&self, pos: usize) -> usize {
        self.clause_end(pos)
    }

    fn single_quote(&self, t: &Token) -> (usize, usize) {
        (self.quote_start(t.start), self.quote_end(t.end))
    }

    /// The year and kind of the sentence's numbers: its part, unless its first words or its
    /// tense say otherwise.
    fn time(&self, toks: &[Token]) -> (i32, Kind) {
        let (review, plan) = (self.layout.review, self.layout.plan);
        let mut i = self.s;
        while i < self.e && matches!(at(self.chars, i), ' ' | '—' | '（' | '(') {
            i += 1;
        }
        let c = self.chars;
        if ["去年", "过去一年", "过去的一年", "一年来"]
            .iter()
            .any(|w| is_at(c, i, w))
        {
            return (review, Kind::Actual);
        }
        if is_at(c, i, "今年") {
            return (plan, Kind::Target);
        }
        if at(c, i) == '到'
            && let Some(y) = year_at(c, i + 1)
            && y > review
        {
            return (y, Kind::Target);
        }
        if let Some(y) = year_at(c, i)
            && matches!(at(c, i + 5), '，' | ',' | '是' | '全' | '我' | '底' | '末')
        {
            return if y <= review {
                (y, Kind::Actual)
            } else {
                (y, Kind::Target)
            };
        }
        if self.part == Part::Review {
            return (review, Kind::Actual);
        }
        // A plan sentence that only states how things are (300余户驻哈央企…是中坚力量).
        let first = toks
            .iter()
            .find(|t| t.is_quantity())
            .map_or(self.e, |t| t.start);
        let lead = self.text(self.s, first);
        let copula = (self.s..self.e).any(|k| match at(c, k) {
            '是' => !is_at(c, k, "是上年") && !is_at(c, k, "是去年"),
            '了' => true,
            _ => false,
        });
        let acting = PLAN_VERB_AUTOMATON.is_match(&lead);
        if copula && !acting && self.headline.is_none() {
            return (review, Kind::Actual);
        }
        (plan, Kind::Target)
    }

    /// Targets without a number in the main targets (城乡居民收入增长与经济增长同步).
    fn qualitative_targets(
        &self,
        (from, to): (usize, usize),
        toks: &[Token],
        out: &mut Vec<Draft>,
    ) {
        let mut a = from;
        let mut next = 0;
        while a < to {
            let b = self.clause_end(a);
            while toks.get(next).is_some_and(|t| t.start < a) {
                next += 1;
            }
            let has_number = toks.get(next).is_some_and(|t| t.start < b);
            let clause = self.text(a, b);
            if !has_number && let Some(name) = qualitative_name(&clause) {
                let q0 = self.quote_start(a.max(self.s));
                out.push(Draft {
                    name,
                    unit: None,
                    year: self.layout.plan,
                    kind: Kind::Target,
                    value: None,
                    growth: None,
                    qualifier: Qualifier::Exact,
                    quote: (q0, b),
                    headline: true,
                    para: self.para,
                    topic: Arc::clone(self.topic),
                });
            }
            a = b + 1;
        }
    }
}

/// The subject of a target without a number: the words before 增长/下降/与…同步.
fn qualitative_name(clause: &str) -> Option<String> {
    let verbs = ["增长", "下降", "同步", "控制", "完成", "稳定", "保持", "与"];
    if !verbs.iter().any(|v| clause.contains(v)) {
        return None;
    }
    let cut = verbs
        .iter()
        .filter_map(|v| clause.find(v))
        .min()
        .unwrap_or(clause.len());
    let name = names::clean(clause.get(..cut).unwrap_or(""));
    names::meaningful(&name).then_some(name)
}

/// Removes a qualifier word written just before the number (约6%, 超过100亿元).
fn strip_qualifier(before: &str) -> (String, Option<Qualifier>) {
    let trimmed = before.trim_end();
    for (word, q) in BEFORE_QUALIFIERS {
        if let Some(rest) = trimmed.strip_suffix(word) {
            return (rest.to_owned(), Some(*q));
        }
    }
    (trimmed.to_owned(), None)
}

/// What a number is, from the words right before it, and the verb to drop from the subject.
fn role(core: &str, unit: Unit) -> Option<(Role, &'static str)> {
    let linked = LINKS
        .iter()
        .find_map(|l| core.strip_suffix(l))
        .unwrap_or(core);
    let verb = |words: &'static [&'static str]| {
        words
            .iter()
            .find(|w| core.ends_with(*w) || linked.ends_with(*w))
            .copied()
    };
    match unit {
        Unit::Percent => {
            if let Some(v) = verb(RISE) {
                Some((Role::Growth(1.0), v))
            } else if let Some(v) = verb(FALL) {
                Some((Role::Growth(-1.0), v))
            } else {
                Some((Role::Level, ""))
            }
        }
        Unit::Times => {
            if let Some(w) = LAST_YEAR_OF.iter().find(|w| linked.ends_with(*w)) {
                Some((Role::TimesLast, w))
            } else {
                verb(RISE).map(|v| (Role::TimesMore, v))
            }
        }
        Unit::Measure => Some((Role::Level, "")),
        _ => None,
    }
}

/// Drops 比上年, 同比 … and the link words around them from the end of a subject.
fn strip_comparators(s: &str) -> String {
    let mut s = s.trim_end();
    loop {
        let n = s.len();
        let words = COMPARATORS.iter().chain(LINKS).chain(LAST_YEAR_OF);
        s = strip_words(s, words, Edge::End, &COMPARATOR_ENDS);
        if s.len() == n {
            return s.to_owned();
        }
    }
}

/// 分别 / 均 / 各 at the end of a subject: the list of names before it.
fn split_marker(subject: &str) -> (Option<&'static str>, String) {
    for m in ["分别", "均", "各"] {
        if let Some(rest) = subject.strip_suffix(m) {
            return (Some(m), strip_comparators(rest));
        }
    }
    (None, String::new())
}

/// 由2022年的 / 由2022年: the year of the earlier value.
fn explicit_year(before: &str) -> Option<i32> {
    let from = names::find_from(before)?;
    let rest = before.get(from + '由'.len_utf8()..)?;
    let chars: Vec<char> = rest.chars().collect();
    let year = year_at(&chars, 0)?;
    let tail: String = seg(&chars, 5, chars.len()).iter().collect();
    (tail.is_empty() || tail == "的" || tail == "底" || tail == "末").then_some(year)
}

/// A number in a piece of text read on its own (a selection in the review window): its
/// value or growth rate, unit and qualifier, by the words right before it, as in a report.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Selected {
    pub value: f64,
    pub growth: bool,
    pub unit: String,
    pub qualifier: Qualifier,
}

/// Every quantity in `chars` with a role (a level or a growth rate), in text order.
pub(crate) fn selected_numbers(chars: &[char]) -> Vec<Selected> {
    let toks = scan::tokenize(chars, 0, chars.len());
    let mut prev_end = 0;
    let mut out = Vec::new();
    for t in &toks {
        let words_from = prev_end;
        if t.unit != Unit::Year {
            prev_end = t.end;
        }
        if !t.is_quantity() {
            continue;
        }
        let bound = (words_from..t.start)
            .rev()
            .find(|&k| CLAUSE.contains(&at(chars, k)))
            .map_or(words_from, |k| k + 1);
        let before = string(chars, bound, t.start);
        let (core, before_q) = strip_qualifier(&before);
        let Some((role, _)) = role(&core, t.unit) else {
            continue;
        };
        let clause_q = before.contains("力争").then_some(Qualifier::AtLeast);
        out.push(Selected {
            value: if role.is_growth() {
                role.growth(t.value)
            } else {
                t.value
            },
            growth: role.is_growth(),
            unit: t.unit_text.clone(),
            qualifier: t
                .after
                .or(before_q)
                .or(clause_q)
                .unwrap_or(Qualifier::Exact),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert_eq!(
            role("比上年增长", Unit::Percent),
            Some((Role::Growth(1.0), "增长"))
        );
        assert_eq!(
            role("分别下降", Unit::Percent),
            Some((Role::Growth(-1.0), "下降"))
        );
        assert_eq!(
            role("增速为", Unit::Percent),
            Some((Role::Growth(1.0), "增速"))
        );
        assert_eq!(role("提高到", Unit::Percent), Some((Role::Level, "")));
        assert_eq!(
            role("分别是上年的", Unit::Times),
            Some((Role::TimesLast, "上年的"))
        );
        assert_eq!(role("增长", Unit::Times), Some((Role::TimesMore, "增长")));
        assert_eq!(role("相当于", Unit::Times), None);
        assert_eq!(Role::TimesLast.growth(2.5), 150.0);
        assert_eq!(explicit_year("税收占比由2022年的"), Some(2022));
        assert_eq!(explicit_year("标准由每户"), None);
    }
}
