//! What a number is from the words right before it: a level, a growth rate or a multiple
//! of last year, its qualifier, and the subject left when those words are taken away.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Role {
    Level,
    /// A growth rate in percent, with its sign.
    Growth(f64),
    /// 是上年的N倍: growth (N-1)×100.
    TimesLast,
    /// 增长N倍: growth N×100.
    TimesMore,
}

impl Role {
    pub(super) fn is_growth(self) -> bool {
        !matches!(self, Role::Level)
    }
    pub(super) fn growth(self, v: f64) -> f64 {
        match self {
            Role::Level => v,
            Role::Growth(sign) => sign * v,
            Role::TimesLast => (v - 1.0) * 100.0,
            Role::TimesMore => v * 100.0,
        }
    }
}

/// Removes a qualifier word written just before the number (约6%, 超过100亿元).
pub(super) fn strip_qualifier(before: &str) -> (String, Option<Qualifier>) {
    let trimmed = before.trim_end();
    for (word, q) in BEFORE_QUALIFIERS {
        if let Some(rest) = trimmed.strip_suffix(word) {
            return (rest.to_owned(), Some(*q));
        }
    }
    (trimmed.to_owned(), None)
}

/// 增速保持在6%, 增长目标为5.5%, 增长预期目标为6%: a growth held at or aimed at, read as
/// the growth itself.
pub(super) fn held_growth(mut core: String) -> String {
    const HELD: &[&str] = &[
        "预期目标设定为",
        "预期目标定为",
        "预期目标为",
        "预期目标是",
        "目标设定为",
        "目标定为",
        "目标为",
        "目标是",
        "保持在",
        "稳定在",
        "维持在",
    ];
    let trimmed = core.trim_end();
    let growth = HELD
        .iter()
        .filter_map(|w| trimmed.strip_suffix(w))
        .find(|rest| RISE.iter().chain(FALL).any(|v| rest.ends_with(v)))
        .map(str::len);
    if let Some(len) = growth {
        core.truncate(len);
    }
    core
}

/// What a number is, from the words right before it, and the verb to drop from the subject.
pub(super) fn role(core: &str, unit: Unit) -> Option<(Role, &'static str)> {
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

/// Drops 比上年, 同比 …, the link words around them and 按 (地区生产总值按增长5%安排) from the
/// end of a subject.
pub(super) fn strip_comparators(s: &str) -> String {
    let mut s = s.trim_end();
    loop {
        let n = s.len();
        let words = COMPARATORS
            .iter()
            .chain(LINKS)
            .chain(LAST_YEAR_OF)
            .chain(PLAN_BASIS);
        s = strip_words(s, words, Edge::End, &COMPARATOR_ENDS);
        if s.len() == n {
            return s.to_owned();
        }
    }
}

/// 分别 / 均 / 各 at the end of a subject: the list of names before it. 平均 is a word of
/// the name (城镇调查失业率平均为5.3%), not 均.
pub(super) fn split_marker(subject: &str) -> (Option<&'static str>, String) {
    // 分别完成A元、B元: the verb of the levels after the marker.
    let subject = ["完成", "实现"]
        .iter()
        .find_map(|v| subject.strip_suffix(v))
        .unwrap_or(subject);
    for m in ["分别", "均", "各"] {
        if let Some(rest) = subject.strip_suffix(m)
            && !(m == "均" && rest.ends_with('平'))
        {
            return (Some(m), strip_comparators(rest));
        }
    }
    (None, String::new())
}

/// 由2022年的 / 由2022年: the year of the earlier value.
pub(super) fn explicit_year(before: &str) -> Option<i32> {
    let from = names::find_from(before)?;
    let rest = before.get(from + '由'.len_utf8()..)?;
    let chars: Vec<char> = rest.chars().collect();
    let year = year_at(&chars, 0)?;
    let tail: String = seg(&chars, 5, chars.len()).iter().collect();
    (tail.is_empty() || tail == "的" || tail == "底" || tail == "末").then_some(year)
}

/// An increment written as a level (比上年增加1.3万亿元, 新增15万户, 减少200人): its sign,
/// its verb, and the words before the verb.
pub(super) fn change_verb(core: &str) -> Option<(f64, &'static str, &str)> {
    let core = core.trim_end();
    let core = core.strip_suffix('了').unwrap_or(core);
    CHANGE_VERBS.iter().find_map(|(verb, sign)| {
        let rest = core.strip_suffix(verb)?;
        // 多 and 少 count as a change only after a comparison (比上年多3万人).
        let bare = matches!(*verb, "多" | "少");
        let compared = strip_comparators(rest).len() < rest.len();
        (!bare || compared).then_some((*sign, *verb, rest))
    })
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
        if !matches!(t.unit, Unit::Year | Unit::Code) {
            prev_end = t.end;
        }
        // A selection's numbers are single figures: a range is left to the reader.
        if !t.is_quantity() || t.high.is_some() {
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
        for (held, growth) in [
            ("经济增速保持在", "经济增速"),
            ("全省经济增长目标为", "全省经济增长"),
            ("经济增长预期目标为", "经济增长"),
            ("城镇调查失业率保持在", "城镇调查失业率保持在"),
        ] {
            assert_eq!(held_growth(held.to_owned()), growth);
        }
        assert_eq!(Role::TimesLast.growth(2.5), 150.0);
        assert_eq!(explicit_year("税收占比由2022年的"), Some(2022));
        assert_eq!(explicit_year("标准由每户"), None);
    }
}
