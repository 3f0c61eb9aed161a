//! Thresholds: crossed (迈上3万亿元台阶), a figure only when the sentence has no other of
//! its subject; or qualifying the noun after them (5000万元以上项目), no figure at all.

use super::{Draft, Item, Reading, Run, Sentence};
use crate::extract::scan::Token;
use crate::extract::text::{at, is_at, is_han};
use crate::model::Qualifier;

impl Sentence<'_> {
    /// 5000万元以上项目1200个: a threshold that qualifies the noun after it, not a figure;
    /// its words stay in the next number's name. 分别增长10%以上和13%以上 is a list.
    pub(super) fn is_threshold(&self, toks: &[Token], k: usize) -> bool {
        let Some(t) = toks.get(k) else { return false };
        let next_in_clause = toks.get(k + 1).is_some_and(|n| {
            n.is_quantity() && n.start < self.clause_end(t.end) && !self.listed(t.end, n.start)
        });
        matches!(t.after, Some(Qualifier::AtLeast | Qualifier::AtMost))
            && is_han(at(self.chars, t.end))
            && next_in_clause
    }

    /// Keeps a threshold crossed aside: its name is the next number's if that has none.
    pub(super) fn read_milestone(&self, run: &Run, r: &mut Reading) {
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
    pub(super) fn milestone_end(&self, run: &Run) -> Option<usize> {
        let mut k = run.last_end;
        while k < run.last_end + 3 && (at(self.chars, k) == '个' || is_numeral(at(self.chars, k)))
        {
            k += 1;
        }
        let word = MILESTONES.iter().find(|w| is_at(self.chars, k, w))?;
        Some(k + word.chars().count())
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

/// 全省GDP突破3万亿元，达到31245.8亿元 (or 达到5.2万亿元左右): a bound crossed (突破, 超过),
/// then the level itself with no subject of its own — the bound becomes a threshold crossed.
pub(super) fn demote_crossed_bound(levels: &[Draft], items: &mut [Item]) {
    let ([level], Some(last)) = (levels, items.last_mut()) else {
        return;
    };
    let d = &last.draft;
    let crossed = last.emit
        && !last.milestone
        && d.qualifier == Qualifier::MoreThan
        && d.value.is_some()
        && d.growth.is_none()
        && matches!(level.qualifier, Qualifier::Exact | Qualifier::About)
        && (&d.name, d.year, d.kind) == (&level.name, level.year, level.kind);
    if crossed {
        last.emit = false;
        last.milestone = true;
    }
}

/// A threshold crossed is the figure only when the sentence gives no level of that subject
/// (地区生产总值突破3万亿元大关 alone).
pub(super) fn keep_lone_milestones(items: &mut [Item]) {
    // Several thresholds (跨越4万亿元、5万亿元两个台阶) are a span's story, not one figure.
    let mut milestones = items.iter().enumerate().filter(|(_, i)| i.milestone);
    let (Some((lone, _)), None) = (milestones.next(), milestones.next()) else {
        return;
    };
    let Some(d) = items.get(lone).map(|i| &i.draft) else {
        return;
    };
    let has_level = items.iter().any(|i| {
        i.emit
            && i.draft.value.is_some()
            && (&i.draft.name, i.draft.year, i.draft.kind) == (&d.name, d.year, d.kind)
    });
    if !has_level && let Some(item) = items.get_mut(lone) {
        item.emit = true;
    }
}
