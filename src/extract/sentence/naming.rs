//! The name of a number: the words before it, the noun after it, or the subject before it
//! in the sentence (a head such as 增加值 or 产量 measures the subject named before it; a
//! verb with no object takes the one it had earlier in the sentence).

use super::*;

impl Sentence<'_> {
    pub(super) fn first_level_name(&self, run: &Run, r: &Reading) -> String {
        let t = run.toks.first().copied();
        // 城镇居民人均可支配收入从28993元增加到…: 从 opens the earlier value, like 由.
        let core = run.core.trim_end();
        let core = core.strip_suffix('从').unwrap_or(core);
        t.map(|t| self.level_name(core, t, run.next_start, r.prev_name.as_deref(), run.bound))
            .unwrap_or_default()
    }

    /// The name of a level: the words before it, or the noun after it (3家国家级企业技术中心),
    /// or, for a generic word (总量), the name before it in the sentence.
    pub(super) fn level_name(
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
        self.noun_after_as_name(before, &seg_name, t, next_start)
            .or_else(|| self.name_before(before, &seg_name, prev, bound))
            .unwrap_or_else(|| self.name_in_sentence(seg_name, t, bound))
    }

    /// The noun after a level when it names it: owned by the words before (全长66公里的
    /// 三环路), after a list or a joining word, or after words that name nothing.
    fn noun_after_as_name(
        &self,
        before: &str,
        seg_name: &str,
        t: &Token,
        next_start: usize,
    ) -> Option<String> {
        let (owned, noun) = self.noun_after(t, next_start);
        let noun = noun?;
        let listed = before.contains('、');
        // 及 of 惠及, 涉及, 普及 is a verb's, not a list's.
        let trimmed = before.trim_end();
        let verb_ji = ["惠及", "涉及", "普及", "波及", "遍及", "覆盖及"]
            .iter()
            .any(|v| trimmed.ends_with(v));
        let joined = trimmed.ends_with(['和', '及', '与', '的', '、']) && !verb_ji;
        if owned {
            // 全长66公里的三环路 → 三环路全长
            Some(format!("{noun}{seg_name}"))
        } else if listed || joined {
            // 玉米、大豆…5大产业链; 142项重点任务和102个重点项目; 监督的10个民生项目
            Some(noun)
        } else if !names::meaningful(seg_name) || names::ends_with_verb(seg_name) {
            // 新增重组4家全国重点实验室; 两年累计投入16亿元供热奖补资金
            Some(noun)
        } else {
            None
        }
    }

    /// The name from the words before a level, or from the name before it in the sentence
    /// (a head measuring that subject, a verb's object, a generic word).
    fn name_before(
        &self,
        before: &str,
        seg_name: &str,
        prev: Option<&str>,
        bound: usize,
    ) -> Option<String> {
        if let Some(name) = gdp_subject(seg_name) {
            return Some(name.to_owned());
        }
        // 粮食播种面积2100万亩、产量900万吨: a head measuring the subject before it.
        if let Some(prev) = prev
            && CARRIED_HEADS.contains(&seg_name)
        {
            return Some(carried(prev, seg_name));
        }
        // 发行超长期特别国债…，今年先发行1万亿元: the verb's object named before, or the
        // thing counted just before (专项债券额度900亿元以上，今年先发行450亿元).
        if let Some(verb) = verb_only(seg_name)
            && let Some(noun) = self.object_after(verb, bound).or(prev.map(str::to_owned))
        {
            return Some(noun);
        }
        if before.contains('、') {
            let full = names::clean(before);
            if names::meaningful(&full) {
                return Some(full);
            }
        }
        if names::meaningful(seg_name) {
            return Some(seg_name.to_owned());
        }
        prev.map(|prev| {
            if names::is_generic(seg_name) {
                format!("{prev}{seg_name}")
            } else {
                prev.to_owned()
            }
        })
    }

    /// The name of a level whose words name nothing and that has no name before it: a
    /// verb's object, the sentence's topic, the words themselves, or its clause.
    fn name_in_sentence(&self, seg_name: String, t: &Token, bound: usize) -> String {
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
        let clause = names::clean(&shape_subject(
            &self.text(self.quote_start(t.start), t.start),
        ));
        if clause.is_empty() {
            "未命名指标".to_owned()
        } else {
            clause
        }
    }

    /// The name of a growth rate from its cleaned subject: 经济增长5% is the GDP's, and a
    /// head such as 增加值 measures the subject named before it (规模以上工业企业达5.2万家、
    /// 增加值增长4%).
    pub(super) fn growth_subject(&self, name: String, r: &Reading) -> String {
        if let Some(gdp) = gdp_subject(&name) {
            return gdp.to_owned();
        }
        match &r.prev_name {
            Some(prev) if CARRIED_HEADS.contains(&name.as_str()) => carried(prev, &name),
            _ => name,
        }
    }

    /// 发行超长期特别国债…，今年先发行1万亿元: the noun the same verb took earlier in the
    /// sentence, before `bound`.
    pub(super) fn object_after(&self, verb: &str, bound: usize) -> Option<String> {
        let text = self.text(self.s, bound);
        let (i, _) = text.rmatch_indices(verb).next()?;
        let after = text.get(i + verb.len()..)?;
        let noun: String = after.chars().take_while(|c| is_han(*c)).take(12).collect();
        names::meaningful(&noun).then_some(noun)
    }

    /// 实施改造1055万平方米 after 老旧小区改造坚持…: the earlier noun the verb belongs to.
    pub(super) fn object_of(&self, verb: &str, bound: usize) -> Option<String> {
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
    pub(super) fn noun_after(&self, t: &Token, next_start: usize) -> (bool, Option<String>) {
        if t.unit != Unit::Measure {
            return (false, None);
        }
        let mut a = t.end;
        let owned = at(self.chars, a) == '的';
        if owned {
            a += 1;
        }
        // 789.6亿元增加到…: a verb of a new value follows, no noun.
        if super::to_verb_at(self.chars, a) {
            return (false, None);
        }
        let mut b = a;
        let limit = next_start.min(self.e).min(a + 40);
        // 18个县（市、区）: a list inside brackets belongs to the noun.
        let mut bracket = false;
        while b < limit {
            let c = at(self.chars, b);
            bracket = match c {
                '（' | '(' => true,
                '）' | ')' => false,
                _ => bracket,
            };
            if CLAUSE.contains(&c) || (c == '、' && !bracket) || c.is_ascii_digit() {
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
        let noun = noun.trim_matches(|c: char| !is_han(c) && !matches!(c, '）' | ')' | '”'));
        let ok = noun.chars().count() >= 2 && is_han(at(self.chars, a));
        (owned && ok, ok.then(|| noun.chars().take(16).collect()))
    }

    /// The subject of the sentence's first clause, for a number with no name of its own.
    pub(super) fn sentence_topic(&self, bound: usize) -> Option<String> {
        let end = self.clause_end(self.s).min(bound.max(self.s));
        let end = if end <= self.s {
            self.clause_end(self.s)
        } else {
            end
        };
        // The words before the clause's first number: 其中2022年达到1340亿元 has none.
        let text = self.text(self.s, end);
        let words = text
            .split(|c: char| c.is_ascii_digit())
            .next()
            .unwrap_or("");
        let name = names::clean(&shape_subject(words));
        (names::meaningful(&name) && name.chars().count() <= 12).then_some(name)
    }
}

/// The GDP named as the economy: 经济增长5%左右 (with no 地区生产总值 in the sentence) and
/// 经济总量 are the regional product.
fn gdp_subject(name: &str) -> Option<&'static str> {
    matches!(name, "经济" | "经济总量" | "经济增速").then_some("地区生产总值")
}

/// A head measuring an earlier subject: 粮食播种面积 + 产量 → 粮食产量, 规模以上工业企业 +
/// 增加值 → 规模以上工业增加值 (an industry's output, not its firms').
fn carried(prev: &str, head: &str) -> String {
    let mut owner = prev;
    if let Some(o) = OWNER_TAILS
        .iter()
        .chain(CARRIED_HEADS)
        .find_map(|t| owner.strip_suffix(t))
    {
        owner = o;
    }
    if OUTPUT_HEADS.contains(&head) {
        owner = owner.strip_suffix("企业").unwrap_or(owner);
    }
    format!("{owner}{head}")
}

/// The verb of a subject that is only a verb and its adverbs (先发行, 增发), with no object.
fn verb_only(name: &str) -> Option<&str> {
    let mut rest = name;
    while let Some(r) = VERB_ADVERBS.iter().find_map(|a| rest.strip_prefix(a)) {
        rest = r;
    }
    super::super::words::VERBS.contains(&rest).then_some(rest)
}
