//! Where a number's clause and its quote start and end, and the asides on another basis
//! whose figures are not the report's own.

use super::{CLAUSE, Sentence};
use crate::extract::scan::Token;
use crate::extract::text::{at, is_at};

/// The longest clause looked at; longer runs without punctuation are not prose.
const MAX_CLAUSE: usize = 300;
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

impl Sentence<'_> {
    pub(super) fn clause_has(&self, a: usize, b: usize, word: &str) -> bool {
        (a..b).any(|k| is_at(self.chars, k, word))
    }

    /// After the last clause mark in `a..b` (or `a`).
    /// Scans at most [`MAX_CLAUSE`] characters, so that text without punctuation stays linear.
    pub(super) fn clause_start(&self, a: usize, b: usize) -> usize {
        let a = a.max(b.saturating_sub(MAX_CLAUSE));
        (a..b)
            .rev()
            .find(|&k| CLAUSE.contains(&at(self.chars, k)))
            .map_or(a, |k| k + 1)
    }

    pub(super) fn clause_end(&self, from: usize) -> usize {
        let e = self.e.min(from + MAX_CLAUSE);
        (from..e)
            .find(|&k| CLAUSE.contains(&at(self.chars, k)))
            .unwrap_or(e)
    }

    /// The start of the quoted clause around `pos`, after its dashes and spaces.
    pub(super) fn quote_start(&self, pos: usize) -> usize {
        let mut a = self.clause_start(self.s, pos);
        while a < self.e && matches!(at(self.chars, a), ' ' | '—' | '·' | '•' | '\t') {
            a += 1;
        }
        a
    }

    pub(super) fn quote_end(&self, pos: usize) -> usize {
        self.clause_end(pos)
    }

    pub(super) fn single_quote(&self, t: &Token) -> (usize, usize) {
        (self.quote_start(t.start), self.quote_end(t.end))
    }

    /// Whether `pos` is inside an aside on another basis (…增长1.7%（同口径增长2.5%以上）):
    /// a bracket opening with 同口径, 可比口径, 扣除… holds no figure of the report's own.
    pub(super) fn in_aside(&self, pos: usize) -> bool {
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
}
