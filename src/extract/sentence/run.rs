//! A run of numbers (one, or alike ones listed with 、/和) and what the words before it
//! say, and the draft of each of its numbers.

use std::sync::Arc;

use super::roles::{Role, held_growth, role, strip_comparators, strip_qualifier};
use super::subject::shape_subject;
use super::{Draft, Reading, Sentence, horizon};
use crate::extract::names;
use crate::extract::scan::{Token, Unit};
use crate::extract::text::{at, is_han, seg};
use crate::model::{Kind, MultiYear, Qualifier};

/// One number, or a list of alike numbers joined by 、/和 (increased 3%、5% and 8%), and
/// what the words before them say.
pub(super) struct Run<'t> {
    pub toks: Vec<&'t Token>,
    /// The start of the token after the run, or the sentence's end.
    pub next_start: usize,
    pub last_end: usize,
    pub role: Role,
    pub year: i32,
    pub kind: Kind,
    /// The start of the words before the run.
    pub bound: usize,
    pub before: String,
    /// `before` without a qualifier word at its end.
    pub core: String,
    /// `core` without the verb of its role and the comparators (比上年…).
    pub subject: String,
    pub quals: Vec<Qualifier>,
    pub quote: (usize, usize),
    pub headline: bool,
    /// Set when the run's figures span several years.
    pub horizon: Option<MultiYear>,
}

impl Sentence<'_> {
    /// The number at `k`, the alike numbers listed after it with only 、/和 between, and what
    /// the words before them say; `None` when those words give it no role (相当于2倍).
    pub(super) fn run_at<'t>(
        &self,
        toks: &'t [Token],
        k: usize,
        r: &Reading,
        (year, kind): (i32, Kind),
    ) -> Option<Run<'t>> {
        let t = toks.get(k)?;
        let bound = self.clause_start(r.prev_end.max(self.s), t.start);
        let label = self.label_before(bound, t.start, r.prev_end);
        let bound = label.unwrap_or(bound);
        let before = self.text(bound, t.start);
        let (core, before_q) = strip_qualifier(&before);
        // 居民消费价格涨幅控制在2.1% as last year's result: the figure it was held at.
        let held = kind == Kind::Actual && before.trim_end().ends_with("控制在");
        let before_q = before_q.filter(|_| !held);
        let core = held_growth(shape_subject(&core));
        let (role, verb) = role(&core, t.unit)?;
        let mut run = vec![t];
        let mut last_end = t.end;
        while let Some(next) = toks.get(k + run.len()) {
            let joins = self.listed(last_end, next.start);
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
        // 分别增长6%、7%左右: a qualifier after the last of a list is the whole list's.
        let listed_q = run
            .last()
            .and_then(|t| t.after)
            .filter(|_| run.len() > 1 && run.iter().rev().skip(1).all(|t| t.after.is_none()));
        let quals = run
            .iter()
            .enumerate()
            .map(|(n, tok)| {
                // 力争达到41.5—42亿元: a range is its own bound, 力争 adds none.
                let strive = clause_q.filter(|_| tok.high.is_none());
                tok.after
                    .or(if n == 0 { before_q } else { None })
                    .or(listed_q)
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
            quote: (
                label.unwrap_or(usize::MAX).min(self.quote_start(t.start)),
                self.quote_end(last_end),
            ),
            headline: self
                .headline
                .is_some_and(|(a, b)| t.start >= a && t.start < b),
            horizon: horizon::of_number(&r.markers, self.clause_start(self.s, t.start), t.start)
                .or(r.horizon.as_ref())
                .cloned(),
        })
    }

    /// 地区生产总值：5.13万亿元 (a figure box, a table copied as text): a number right after
    /// a colon and at most a verb takes the short label before the colon as its words; where
    /// the label starts.
    fn label_before(&self, bound: usize, pos: usize, prev_end: usize) -> Option<usize> {
        let colon = bound.checked_sub(1)?;
        // Nothing but a verb between the colon and the number (规模以上工业增加值：增长9.4%).
        let words = self.text(bound, pos);
        if !matches!(at(self.chars, colon), '：' | ':') || !names::clean(&words).is_empty() {
            return None;
        }
        let start = self.clause_start(prev_end.max(self.s), colon);
        let label = seg(self.chars, start, colon);
        let short = (2..=16).contains(&label.len());
        (start < colon
            && short
            && label
                .iter()
                .all(|&c| is_han(c) || c.is_ascii_alphanumeric()))
        .then_some(start)
    }

    /// Whether only a list mark (、/和/及/与) stands between a number ending at `end` and the
    /// next one starting at `next`.
    pub(super) fn listed(&self, end: usize, next: usize) -> bool {
        let gap = seg(self.chars, end, next);
        !gap.is_empty()
            && gap.len() <= 2
            && gap.iter().all(|c| matches!(c, '、' | '和' | '及' | '与'))
    }

    /// A draft of one number of a run.
    pub(super) fn draft(
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

    /// The growth rate of a number of a growth run, with its upper bound; a falling range
    /// (下降3%—5%) is still stored low to high.
    pub(super) fn growth_of(&self, run: &Run, tok: &Token) -> (Option<f64>, Option<f64>) {
        let low = run.role.growth(tok.value);
        match tok.high.map(|h| run.role.growth(h)) {
            Some(high) if high < low => (Some(high), Some(low)),
            high => (Some(low), high),
        }
    }
}
