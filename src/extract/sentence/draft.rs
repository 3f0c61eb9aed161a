//! An observation as a sentence states it, before indicators are formed.

use std::sync::Arc;

use crate::model::{Kind, MultiYear, Qualifier};

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
