//! Drafts from a run of numbers: one name for each, one number for many names, a growth
//! rate completing the level before it, a value changed from an earlier one, an increment
//! kept as the change of its level.

use super::*;

impl Sentence<'_> {
    /// X、Y分别增长a%、b%: one name for each number.
    pub(super) fn each_named(&self, run: &Run, names: &[String]) -> Vec<Draft> {
        names
            .iter()
            .zip(&run.toks)
            .zip(&run.quals)
            .map(|((name, tok), q)| self.draft(run, name.clone(), tok, *q, run.quote))
            .collect()
    }

    /// 接听率、办结率、满意率均达99%以上: one number for each name.
    pub(super) fn one_value_many_names(&self, run: &Run, names: &[String]) -> Vec<Draft> {
        let (Some(tok), Some(q)) = (run.toks.first(), run.quals.first()) else {
            return Vec::new();
        };
        names
            .iter()
            .map(|name| self.draft(run, name.clone(), tok, *q, run.quote))
            .collect()
    }

    /// 城镇新增就业9.86万人，为年计划的118.8%: how much of the year's plan was done, an
    /// indicator of its own named after what was planned (城镇新增就业完成年计划比例).
    pub(super) fn plan_share(&self, run: &Run, r: &Reading) -> Option<Vec<Draft>> {
        const PLANS: &[&str] = &["全年计划的", "年度计划的", "年计划的", "计划的"];
        let ([tok], [q]) = (run.toks.as_slice(), run.quals.as_slice()) else {
            return None;
        };
        if run.role != Role::Level || tok.unit != Unit::Percent {
            return None;
        }
        let head = PLANS
            .iter()
            .find_map(|w| run.core.trim_end().strip_suffix(w))?;
        let head = ["完成", "为", "占"]
            .iter()
            .find_map(|w| head.strip_suffix(w))
            .unwrap_or(head);
        // 省重点项目完成投资为年度计划的121.6%: the investment of the key projects.
        let base = names::clean(head).replace("完成投资", "投资");
        let base = if base.is_empty() {
            r.prev_name.clone()?
        } else {
            base
        };
        let name = format!("{base}完成年计划比例");
        Some(vec![self.draft(run, name, tok, *q, self.single_quote(tok))])
    }

    /// 增长6%以上、力争7%, 增长7%以上，力争达到7.5%: the stretch of the growth just read,
    /// quoted with it, no figure of its own (its name would be the growth's).
    pub(super) fn stretches_growth(&self, run: &Run, r: &mut Reading) -> bool {
        const STRIVE: &[&str] = &["力争", "争取", "努力"];
        let percent = run.toks.iter().all(|t| t.unit == Unit::Percent);
        if run.toks.len() != 1
            || !percent
            || !STRIVE.iter().any(|w| run.before.contains(w))
            || !names::clean(&run.subject).is_empty()
        {
            return false;
        }
        let Some(last) = r.items.last_mut().filter(|i| i.emit) else {
            return false;
        };
        let d = &mut last.draft;
        if d.growth.is_none() || d.value.is_some() || d.multi_year.is_some() {
            return false;
        }
        d.quote.1 = d.quote.1.max(run.quote.1);
        true
    }

    /// 增长3.1% after a level, or 分别是上年的2.5倍、3.4倍 after two levels: the growth of
    /// the latest levels without one (completed in place), else of the previous name.
    ///
    /// A growth over several years (突破3万亿元、年均增长4.7%) makes its level a statement
    /// of that span too; a growth of one year never completes a level of several.
    pub(super) fn growth_of_earlier(&self, run: &Run, r: &mut Reading) -> Vec<Draft> {
        let open = open_levels(r, |d| {
            d.growth.is_none() && (run.horizon.is_some() || d.multi_year.is_none())
        });
        let take = run.toks.len();
        if open.len() >= take && take > 0 {
            let targets = open.get(open.len() - take..).unwrap_or(&[]);
            for ((&i, tok), q) in targets.iter().zip(&run.toks).zip(&run.quals) {
                if let Some(item) = r.items.get_mut(i) {
                    let d = &mut item.draft;
                    (d.growth, d.growth_high) = self.growth_of(run, tok);
                    d.reversed |= tok.reversed;
                    if d.qualifier == Qualifier::Exact {
                        d.qualifier = *q;
                    }
                    d.quote.1 = d.quote.1.max(run.quote.1);
                    if d.multi_year.is_none() {
                        d.multi_year.clone_from(&run.horizon);
                    }
                }
            }
            return Vec::new();
        }
        let Some(name) = r.prev_name.clone() else {
            if let ([tok], [q], true) = (
                run.toks.as_slice(),
                run.quals.as_slice(),
                r.items.is_empty(),
            ) && run.horizon.is_none()
            {
                r.orphan = Some(Orphan {
                    growth: self.growth_of(run, tok),
                    qualifier: *q,
                    quote_end: run.quote.1,
                });
            }
            return Vec::new();
        };
        run.toks
            .iter()
            .zip(&run.quals)
            .map(|(tok, q)| self.draft(run, name.clone(), tok, *q, run.quote))
            .collect()
    }

    /// 地区生产总值增长6%: named by its subject (`name`, cleaned), split when it lists one
    /// name a number or names several in one word (城乡居民收入增长8.8%和10%).
    pub(super) fn named_growth(&self, run: &Run, name: String, r: &Reading) -> Vec<Draft> {
        let name = self.growth_subject(name, r);
        let split = list_names(&run.subject, run.toks.len());
        run.toks
            .iter()
            .zip(&run.quals)
            .enumerate()
            .map(|(n, (tok, q))| {
                let name = if split.len() == run.toks.len() && split.len() > 1 {
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
    pub(super) fn changed_value(&self, run: &Run, r: &Reading) -> Option<Item> {
        let t = *run.toks.first()?;
        let from = names::find_from(&run.before).is_some() || opens_from(&run.before);
        if !(self.changes_after(t.end, run.next_start) && from) {
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
            milestone: false,
        })
    }

    /// Levels: the first is named from its words, the rest share its name.
    pub(super) fn levels(&self, run: &Run, r: &Reading) -> Vec<Draft> {
        let first_name = self.first_level_name(run, r);
        // 城乡居民收入达到23292元和7750元: one part of the combined subject each.
        let parts = parts::split(std::slice::from_ref(&first_name), run.toks.len());
        let mut pushed: Vec<Draft> = Vec::new();
        for (n, (tok, q)) in run.toks.iter().zip(&run.quals).enumerate() {
            let quote = if run.toks.len() > 1 {
                run.quote
            } else {
                self.single_quote(tok)
            };
            let name = parts.as_ref().and_then(|p| p.get(n)).unwrap_or(&first_name);
            pushed.push(self.draft(run, name.clone(), tok, *q, quote));
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

    /// An amount written as a change (比上年增加1.3万亿元, 新增15万户, 减少200人): right
    /// after the levels it changes, stored as their `change`. A change with no level to go
    /// with is no figure a chart can draw and is left out; `None` when the amount is a level
    /// (新增高新技术企业300家, or 新增 with no level before it).
    pub(super) fn changes(&self, run: &Run, r: &mut Reading) -> Option<Vec<Draft>> {
        if run.role != Role::Level || run.toks.iter().any(|t| t.unit != Unit::Measure) {
            return None;
        }
        let (sign, verb, rest) = roles::change_verb(&run.core)?;
        let compared = strip_comparators(rest);
        let subject = names::clean(&compared);
        if subject.is_empty() && run.horizon.is_none() && self.attach_changes(run, sign, r) {
            return Some(Vec::new());
        }
        // 新增就业50万人, 农村贫困人口减少1000万: the verb is part of a standard name.
        let named_level = compared.len() == rest.len()
            && (NEW_VERBS.contains(&verb)
                || crate::vocabulary::lookup(&format!("{subject}{verb}"))
                    .is_some_and(|e| e.name_zh.ends_with(verb)));
        (!named_level).then(Vec::new)
    }

    /// Sets the changes of the run on the latest levels without one, in a unit they share
    /// (亿元 on 万亿元); `false` when there are not as many such levels.
    pub(super) fn attach_changes(&self, run: &Run, sign: f64, r: &mut Reading) -> bool {
        let open = open_levels(r, |d| d.change.is_none() && d.multi_year.is_none());
        let Some(targets) = open.get(open.len().saturating_sub(run.toks.len())..) else {
            return false;
        };
        let converted: Option<Vec<f64>> = targets
            .iter()
            .zip(&run.toks)
            .map(|(&i, tok)| {
                let unit = r.items.get(i)?.draft.unit.as_deref()?;
                scan::convert(tok.value, &tok.unit_text, unit)
            })
            .collect();
        let Some(converted) = converted.filter(|c| c.len() == run.toks.len()) else {
            return false;
        };
        for (&i, change) in targets.iter().zip(converted) {
            if let Some(item) = r.items.get_mut(i) {
                item.draft.change = Some(sign * change);
                item.draft.quote.1 = item.draft.quote.1.max(run.quote.1);
            }
        }
        true
    }

    /// 新增税收超亿元楼宇3栋、总数达到23栋: a total right after an increment of the same
    /// thing is its level, and the increment its change (not a figure of its own).
    pub(super) fn total_after_increment(&self, run: &Run, r: &mut Reading) -> Option<Vec<Draft>> {
        const TOTALS: &[&str] = &["总数", "总量", "总计"];
        let (&[tok], &[q]) = (run.toks.as_slice(), run.quals.as_slice()) else {
            return None;
        };
        // Cleaning a subject costs more than looking for the words in it first.
        if !TOTALS.iter().any(|t| run.subject.contains(t))
            || !TOTALS.contains(&names::clean(&run.subject).as_str())
        {
            return None;
        }
        let prev = r.items.last_mut()?;
        let p = &prev.draft;
        let written_new = {
            let words = self.text(p.quote.0, run.bound);
            let number = words
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(words.len());
            NEW_VERBS.iter().any(|v| words[..number].contains(v))
        };
        let fits = prev.emit && p.change.is_none() && p.growth.is_none() && p.multi_year.is_none();
        if !(written_new && fits) {
            return None;
        }
        let change = scan::convert(p.value?, p.unit.as_deref()?, &tok.unit_text)?;
        // The total is of the thing added (上市公司), not of the additions (新增上市公司).
        let name = NEW_VERBS
            .iter()
            .find_map(|v| p.name.strip_prefix(v))
            .unwrap_or(&p.name)
            .to_owned();
        let start = p.quote.0;
        prev.emit = false;
        let mut d = self.draft(run, name, tok, q, (start, run.quote.1));
        d.change = Some(change);
        Some(vec![d])
    }
}

/// The latest emitted levels of the reading that `fits` accepts, in text order.
fn open_levels(r: &Reading, fits: impl Fn(&Draft) -> bool) -> Vec<usize> {
    let mut open: Vec<usize> = r
        .items
        .iter()
        .enumerate()
        .rev()
        .take(MAX_LOOKBACK)
        .filter(|(_, it)| it.emit && it.draft.value.is_some() && fits(&it.draft))
        .map(|(i, _)| i)
        .collect();
    open.reverse();
    open
}

/// 从不到X, 从约X: the words before an earlier value (从X增加到Y), like 由.
fn opens_from(before: &str) -> bool {
    ["从", "从不到", "从约", "从近"]
        .iter()
        .any(|w| before.trim_end().ends_with(w))
}
