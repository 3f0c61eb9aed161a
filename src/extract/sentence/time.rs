//! The year and kind of a sentence's numbers, and the main targets that have no number.

use super::*;

impl Sentence<'_> {
    /// The year and kind of the sentence's numbers: its part, unless its first words or its
    /// tense say otherwise.
    pub(super) fn time(&self, toks: &[Token]) -> (i32, Kind) {
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
    pub(super) fn qualitative_targets(
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
                    value_high: None,
                    growth_high: None,
                    change: None,
                    reversed: false,
                    multi_year: None,
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
