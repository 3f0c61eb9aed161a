//! Sentences to observation drafts: each number's role (level, growth, multiple of last
//! year), its name, qualifier, year and kind, and the clause it is quoted from.

mod attach;
mod horizon;
mod naming;
mod parts;
mod roles;
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
pub(crate) use roles::selected_numbers;
use roles::{Role, explicit_year, role, split_marker, strip_comparators, strip_qualifier};

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
    /// The upper bounds of ranges (5000—5500亿元, 增长4.5%—5%): `value` and `growth` are
    /// then the lower ones.
    pub value_high: Option<f64>,
    pub growth_high: Option<f64>,
    /// 比上年增加1.3万亿元: the change on the year before in `unit`, apart from the level.
    pub change: Option<f64>,
    /// The report wrote a range high to low (5%—4.5%); it is stored low to high.
    pub reversed: bool,
    /// A figure over several years (年均, 累计, 到2030年…) with the words of its horizon:
    /// never the plan year's target nor last year's result.
    pub multi_year: Option<MultiYear>,
    pub qualifier: Qualifier,
    /// The quoted clause, as a range of characters.
    pub quote: (usize, usize),
    pub headline: bool,
    pub para: usize,
    /// The paragraph's opening sentence and section heading, for the category (shared by
    /// the paragraph's drafts).
    pub topic: Arc<str>,
}

impl Draft {
    /// Fills what this draft lacks from another of the same indicator, year and kind (a
    /// growth rate stated apart from its value), and quotes both.
    pub fn complete_with(&mut self, d: &Draft) {
        if self.value.is_none() {
            (self.value, self.value_high) = (d.value, d.value_high);
        }
        if self.growth.is_none() {
            (self.growth, self.growth_high) = (d.growth, d.growth_high);
        }
        self.change = self.change.or(d.change);
        self.reversed |= d.reversed;
        self.quote = (self.quote.0.min(d.quote.0), self.quote.1.max(d.quote.1));
        if self.qualifier == Qualifier::Exact {
            self.qualifier = d.qualifier;
        }
    }
}

/// Built once: these are looked for at every number of a report.
static AFTER_CUT_STARTS: LazyLock<Vec<char>> = LazyLock::new(|| first_chars(AFTER_CUTS));
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

/// The longest clause looked at; longer runs without punctuation are not prose.
const MAX_CLAUSE: usize = 300;
/// How many earlier numbers of a sentence a growth rate may belong to.
const MAX_LOOKBACK: usize = 16;
/// How far back an aside's opening bracket is looked for.
const MAX_ASIDE: usize = 24;
/// Words that open a bracket stating a figure on another basis, not the report's figure.
const ASIDES: &[&str] = &[
    "同口径",
    "按同口径",
    "可比口径",
    "按可比口径",
    "扣除",
    "剔除",
    "不含",
    "不考虑",
];
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
    /// Set when the run's figures span several years.
    horizon: Option<MultiYear>,
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
        };
        let mut k = 0;
        while k < toks.len() {
            k += self.read_at(&toks, k, (year, kind), &mut reading);
        }
        keep_lone_milestones(&mut reading.items);
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
        let pushed = if marker.is_some() && names.len() == run.toks.len() {
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
            self.levels(&run, r)
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

    /// The number at `k`, the alike numbers listed after it with only 、/和 between, and what
    /// the words before them say; `None` when those words give it no role (相当于2倍).
    fn run_at<'t>(
        &self,
        toks: &'t [Token],
        k: usize,
        r: &Reading,
        (year, kind): (i32, Kind),
    ) -> Option<Run<'t>> {
        let t = toks.get(k)?;
        let bound = self.clause_start(r.prev_end.max(self.s), t.start);
        let before = self.text(bound, t.start);
        let (core, before_q) = strip_qualifier(&before);
        // 居民消费价格涨幅控制在2.1% as last year's result: the figure it was held at.
        let held = kind == Kind::Actual && before.trim_end().ends_with("控制在");
        let before_q = before_q.filter(|_| !held);
        let core = shape_subject(&core);
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
            if !(joins && alike) || self.is_threshold(toks, k + run.len()) {
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
                // 力争达到41.5—42亿元: a range is its own bound, 力争 adds none.
                let strive = clause_q.filter(|_| tok.high.is_none());
                tok.after
                    .or(if n == 0 { before_q } else { None })
                    .or(strive)
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
            horizon: horizon::of_number(&r.markers, self.clause_start(self.s, t.start), t.start)
                .or(r.horizon.as_ref())
                .cloned(),
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
        let (growth_low, growth_high) = self.growth_of(run, tok);
        Draft {
            name,
            unit: (!growth).then(|| tok.unit_text.clone()),
            year: run.year,
            kind: run.kind,
            value: (!growth).then_some(tok.value),
            growth: growth_low.filter(|_| growth),
            value_high: tok.high.filter(|_| !growth),
            growth_high: growth_high.filter(|_| growth),
            change: None,
            reversed: tok.reversed,
            multi_year: run.horizon.clone(),
            qualifier: q,
            quote,
            headline: run.headline,
            para: self.para,
            topic: Arc::clone(self.topic),
        }
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

    /// The growth rate of a number of a growth run, with its upper bound; a falling range
    /// (下降3%—5%) is still stored low to high.
    fn growth_of(&self, run: &Run, tok: &Token) -> (Option<f64>, Option<f64>) {
        let low = run.role.growth(tok.value);
        match tok.high.map(|h| run.role.growth(h)) {
            Some(high) if high < low => (Some(high), Some(low)),
            high => (Some(low), high),
        }
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

    /// 5000万元以上项目1200个: a threshold that qualifies the noun after it, not a figure;
    /// its words stay in the next number's name.
    fn is_threshold(&self, toks: &[Token], k: usize) -> bool {
        let Some(t) = toks.get(k) else { return false };
        let next_in_clause = toks
            .get(k + 1)
            .is_some_and(|n| n.is_quantity() && n.start < self.clause_end(t.end));
        matches!(t.after, Some(Qualifier::AtLeast | Qualifier::AtMost))
            && is_han(at(self.chars, t.end))
            && next_in_clause
    }

    /// Keeps a threshold crossed aside: its name is the next number's if that has none.
    fn read_milestone(&self, run: &Run, r: &mut Reading) {
        let mut items = self.levels(run, r);
        for d in &mut items {
            d.name = strip_milestone_verb(&d.name);
        }
        if let Some(d) = items.first() {
            r.prev_name = Some(d.name.clone());
        }
        r.items.extend(items.into_iter().map(|draft| Item {
            draft,
            emit: false,
            milestone: true,
        }));
    }

    /// A threshold crossed (迈上3万亿元台阶, 跨越4万亿元、5万亿元两个台阶): where its word
    /// (台阶) ends.
    fn milestone_end(&self, run: &Run) -> Option<usize> {
        let mut k = run.last_end;
        while k < run.last_end + 3 && (at(self.chars, k) == '个' || is_numeral(at(self.chars, k)))
        {
            k += 1;
        }
        let word = MILESTONES.iter().find(|w| is_at(self.chars, k, w))?;
        Some(k + word.chars().count())
    }

    /// Whether `pos` is inside an aside on another basis (…增长1.7%（同口径增长2.5%以上）):
    /// a bracket opening with 同口径, 可比口径, 扣除… holds no figure of the report's own.
    fn in_aside(&self, pos: usize) -> bool {
        let from = self.s.max(pos.saturating_sub(MAX_ASIDE));
        let Some(open) = (from..pos)
            .rev()
            .take_while(|&k| !matches!(at(self.chars, k), '）' | ')'))
            .find(|&k| matches!(at(self.chars, k), '（' | '('))
        else {
            return false;
        };
        ASIDES.iter().any(|w| is_at(self.chars, open + 1, w))
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

/// Words after a number that make it a threshold crossed (迈上3万亿元台阶), not a figure.
const MILESTONES: &[&str] = &["台阶", "大关", "关口", "新台阶"];
/// Verbs of crossing a threshold, no part of the subject's name.
const MILESTONE_VERBS: &[&str] = &[
    "连续跨越",
    "迈上",
    "跨上",
    "跨越",
    "站上",
    "跃上",
    "迈入",
    "跨入",
    "登上",
];

fn is_numeral(c: char) -> bool {
    "一两二三四五六七八九十几".contains(c)
}

fn strip_milestone_verb(name: &str) -> String {
    MILESTONE_VERBS
        .iter()
        .find_map(|v| name.strip_suffix(v))
        .unwrap_or(name)
        .to_owned()
}

/// A threshold crossed is the figure only when the sentence gives no level of that subject
/// (地区生产总值突破3万亿元大关 alone).
fn keep_lone_milestones(items: &mut [Item]) {
    let levels: Vec<(String, i32, Kind)> = items
        .iter()
        .filter(|i| i.emit && i.draft.value.is_some())
        .map(|i| (i.draft.name.clone(), i.draft.year, i.draft.kind))
        .collect();
    // Several thresholds (跨越4万亿元、5万亿元两个台阶) are a span's story, not one figure.
    let lone = items.iter().filter(|i| i.milestone).count() == 1;
    for item in items.iter_mut().filter(|i| i.milestone && lone) {
        let d = &item.draft;
        if !levels.contains(&(d.name.clone(), d.year, d.kind)) {
            item.emit = true;
        }
    }
}

/// The plan period of paragraph `para` as the layout marks it (a five-year review, the next
/// plan's goals), or `None` for a paragraph of the review or plan year.
fn layout_period(layout: &Layout, para: usize) -> Option<Arc<str>> {
    layout.period.get(para).cloned().flatten()
}

/// A number's subject without the words that name no part of it: at its end, 按 and 安排
/// (赤字率拟按3.2%左右安排, 支出安排12100亿元), the verb of a new value and the value's year
/// (平均浓度降至31.8微克; 由2020年的789.6亿元增加到2025年的936.2亿元; 其中2022年达到…); a
/// date at its start (到2025年) or of a plan (完成2025年度省定民生实事); and 的 before 比重
/// (民生支出占一般公共预算支出的比重).
fn shape_subject(core: &str) -> String {
    let mut core = core.trim_end();
    loop {
        let before = core.len();
        if let Some(rest) = PLAN_BASIS
            .iter()
            .chain(TO_VERBS)
            .chain(&["拟安排", "安排"])
            .find_map(|w| core.strip_suffix(w))
        {
            core = rest;
        }
        let dated = ["年的", "年底的", "年末的", "年底", "年末", "年"]
            .iter()
            .find_map(|w| core.strip_suffix(w))
            .and_then(|rest| {
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
    if core.contains("的比重") || core.contains("的占比") {
        core = core.replace("的比重", "比重").replace("的占比", "占比");
    }
    // 完成2025年度省定民生实事: the year of a plan dates it, it names nothing.
    if let Some(i) = core.find("年度")
        && let Some(head) = core.get(..i)
        && head.len() >= 4
        && head.bytes().rev().take(4).all(|b| b.is_ascii_digit())
    {
        core = format!("{}{}", &head[..head.len() - 4], &core[i + "年度".len()..]);
    }
    core
}

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
fn list_names(src: &str, n: usize) -> Vec<String> {
    let names = names::list_names(&parts::spell_out(src));
    parts::split(&names, n).unwrap_or(names)
}
