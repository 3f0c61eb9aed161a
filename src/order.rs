//! Orders people know for the rows of the compare view: by target, result or the gap
//! between them, in the official order of China's divisions (the order of their codes),
//! or by pinyin. Ties always follow the official order.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::compare::{CompareRow, Measure};
use crate::divisions;
use crate::i18n::Lang;
use crate::model::Kind;

/// The orders of the rows. Ties, and rows missing the figure sorted by, always follow the
/// official order of the divisions' codes.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// This year's target, largest first.
    #[default]
    Target,
    /// Last year's result, largest first.
    Result,
    /// The target less the result, largest first.
    Gap,
    /// The official order of China's divisions (北京, 天津, 河北 …).
    #[serde(alias = "name")]
    #[value(alias = "name")]
    Official,
    /// The pinyin of the regions' names, for English readers.
    Pinyin,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Target,
        Sort::Result,
        Sort::Gap,
        Sort::Official,
        Sort::Pinyin,
    ];

    pub fn name(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            Sort::Target => t.sort_target,
            Sort::Result => t.sort_result,
            Sort::Gap => t.sort_gap,
            Sort::Official => t.sort_official,
            Sort::Pinyin => t.sort_pinyin,
        }
    }

    /// The order in words, for the subtitle: "按目标从高到低，相同者按行政区划代码".
    pub fn words(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            Sort::Target => t.sort_target_words,
            Sort::Result => t.sort_result_words,
            Sort::Gap => t.sort_gap_words,
            Sort::Official => t.sort_official_words,
            Sort::Pinyin => t.sort_pinyin_words,
        }
    }
}

/// Sorts by the chosen key, largest first, rows missing it last; ties in official order.
/// A range counts by its low bound, then its high bound (5–5.5% above 5%).
pub fn sort_rows(rows: &mut [CompareRow], sort: Sort, measure: &Measure) {
    let key = |row: &CompareRow| -> Option<(f64, f64)> {
        let bounds = |kind| {
            row.numbers(kind, measure)
                .map(|(low, high)| (low, high.unwrap_or(low)))
        };
        match sort {
            Sort::Target => bounds(Kind::Target),
            Sort::Result => bounds(Kind::Actual),
            Sort::Gap => {
                let (t, a) = (bounds(Kind::Target)?, bounds(Kind::Actual)?);
                Some((t.0 - a.0, t.1 - a.1))
            }
            Sort::Official | Sort::Pinyin => None,
        }
    };
    match sort {
        Sort::Official => rows.sort_by(official),
        Sort::Pinyin => {
            // Stable: names read alike stay in official order.
            rows.sort_by(official);
            rows.sort_by_cached_key(|r| divisions::pinyin_key(&r.region_zh));
        }
        _ => rows.sort_by(|a, b| {
            match (key(a), key(b)) {
                (Some(x), Some(y)) => y.0.total_cmp(&x.0).then(y.1.total_cmp(&x.1)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then_with(|| official(a, b))
        }),
    }
}

/// The official order: by division code, regions the list lacks after them by name.
fn official(a: &CompareRow, b: &CompareRow) -> Ordering {
    let code = |r: &CompareRow| r.division.map(|d| d.code);
    match (code(a), code(b)) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.region_zh.cmp(&b.region_zh),
    }
}
