//! One vocabulary of standard indicator names (`assets/vocabulary/indicators.tsv`), shared by
//! extraction, merging and the compare view: every name an indicator goes by in statistical
//! communiqués and government work reports leads to one entry, so that last year's result
//! and this year's target meet, and so do two reports of one region or of two regions.
//!
//! A name matches an entry when, folded ([`fold_name`]), it is one of the entry's wordings
//! with nothing around it but scope, time and function words (全省…, 年末…, …平均). The
//! longest wording wins: 城镇居民人均可支配收入 is not 居民人均可支配收入.

mod names;
mod table;

use crate::text_util::{Seen, remembered};

pub use names::{TRIM_AFTER, TRIM_BEFORE, fold_name, trim_name};
pub use table::Entry;
use table::VOCABULARY;

thread_local! {
    // Names seen lately: the extractor asks after one name from several of its naming
    // rules, and folding and trimming a name costs more than the look-up itself.
    static LOOKED_UP: Seen<Option<usize>> = Default::default();
    static KEYS: Seen<String> = Default::default();
}

/// The vocabulary entry a name stands for, if any.
pub fn lookup(name: &str) -> Option<&'static Entry> {
    let v = &*VOCABULARY;
    remembered(&LOOKED_UP, name, |name| {
        v.find(&trim_name(&fold_name(name)))
    })
    .and_then(|i| v.entries.get(i))
}

/// The standard name of the longest vocabulary wording in a text, if any.
pub fn longest_in(text: &str) -> Option<&'static str> {
    let v = &*VOCABULARY;
    let folded = fold_name(text);
    v.wordings
        .find_overlapping_iter(&folded)
        .max_by_key(|m| m.len())
        .and_then(|m| v.owners.get(m.pattern().as_usize()))
        .and_then(|&i| v.entries.get(i))
        .map(|e| e.name_zh)
}

/// Whether a name is the end of a standard name cut off at its start (以上工业增加值 of
/// 规模以上工业增加值), rather than a name of its own.
pub fn is_cut_standard_name(name: &str) -> bool {
    let v = &*VOCABULARY;
    let folded = fold_name(name);
    v.tails.contains(&folded) && v.find(&trim_name(&folded)).is_none()
}

/// The key names are matched by everywhere (extraction, merging, the compare view): the
/// vocabulary entry's name, or else the folded name without its scope, time and function
/// words and the verbs that differ between a result and a target (新建改造高标准农田 /
/// 新增高标准农田).
pub fn key(name: &str) -> String {
    remembered(&KEYS, name, key_of)
}

fn key_of(name: &str) -> String {
    let folded = fold_name(name);
    let trimmed = trim_name(&folded);
    let v = &*VOCABULARY;
    if let Some(entry) = v.find(&trimmed).and_then(|i| v.entries.get(i)) {
        return entry.name_zh.to_owned();
    }
    let mut key = trimmed.into_owned();
    for word in KEY_DROPS {
        if key.contains(word) && key.len() > word.len() {
            key = key.replace(word, "");
        }
    }
    key
}

/// Words that differ between a result and a target of one indicator, dropped from keys.
const KEY_DROPS: &[&str] = &[
    "新建改造",
    "新改扩建",
    "新建扩建",
    "启动建设",
    "新建",
    "新增",
    "完成",
    "实现",
    "累计",
    "实施",
];
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    fn name(s: &str) -> Option<&'static str> {
        lookup(s).map(|e| e.name_zh)
    }

    #[test]
    fn wordings_lead_to_their_entry() {
        for (wording, entry) in [
            ("一般公共财政预算收入", "一般公共预算收入"),
            ("全省一般公共预算收入", "一般公共预算收入"),
            ("规上工业增加值", "规模以上工业增加值"),
            ("货物进出口总额", "进出口总额"),
            ("外贸进出口总额", "进出口总额"),
            ("粮食总产量", "粮食产量"),
            ("正常年景下粮食产量", "粮食产量"),
            ("全年新增就业", "城镇新增就业"),
            ("新增城镇就业", "城镇新增就业"),
            ("GDP", "地区生产总值"),
            ("国内生产总值", "地区生产总值"),
            ("全市生产总值", "地区生产总值"),
            ("经济增长", "地区生产总值"),
            ("细颗粒物（PM2.5）平均浓度", "细颗粒物（PM2.5）平均浓度"),
            ("PM2.5年均浓度", "细颗粒物（PM2.5）平均浓度"),
            (
                "研究与试验发展（R&D）经费投入强度",
                "研究与试验发展经费投入强度",
            ),
            ("全社会研发投入强度", "研究与试验发展经费投入强度"),
            ("城镇调查失业率平均", "城镇调查失业率"),
            ("年末常住人口城镇化率", "常住人口城镇化率"),
            ("居民消费价格涨幅", "居民消费价格"),
            ("单位GDP能耗", "单位地区生产总值能耗"),
            ("民生支出占比", "民生支出占一般公共预算支出比重"),
            ("地区生产总值增速", "地区生产总值"),
            ("新建高标准农田", "高标准农田"),
        ] {
            assert_eq!(name(wording), Some(entry), "{wording}");
        }
    }

    #[test]
    fn a_longer_name_is_another_indicator() {
        assert_eq!(
            name("城镇居民人均可支配收入"),
            Some("城镇居民人均可支配收入")
        );
        assert_eq!(name("居民人均可支配收入"), Some("居民人均可支配收入"));
        assert_eq!(
            name("县域地区生产总值占比"),
            Some("县域地区生产总值占全省比重")
        );
        assert_eq!(name("空气质量优良天数"), Some("空气质量优良天数"));
        assert_eq!(name("空气质量优良天数比例"), Some("空气质量优良天数比率"));
        for other in [
            "民营经济",
            "净增高新技术企业",
            "对俄进出口总额",
            "）平均浓度",
            "增加值",
        ] {
            assert_eq!(name(other), None, "{other}");
        }
        for cut in ["以上工业增加值", "乡居民人均可支配收入", "总值", "算收入"]
        {
            assert!(is_cut_standard_name(cut), "{cut}");
        }
        for whole in [
            "工业增加值",
            "居民人均可支配收入",
            "对俄进出口总额",
            "全省生产总值",
        ] {
            assert!(!is_cut_standard_name(whole), "{whole}");
        }
    }

    #[test]
    fn keys_join_wordings_and_levels() {
        assert_eq!(key("国内生产总值"), key("地区生产总值"));
        assert_eq!(key("全省生产总值"), key("GDP"));
        assert_eq!(key("新建改造高标准农田"), key("新增高标准农田"));
        assert_eq!(key("新建改造源网厂站"), key("新建源网厂站"));
        assert_eq!(key("中小学、幼儿园"), key("中小学,幼儿园"));
        assert_ne!(key("城镇居民人均可支配收入"), key("居民人均可支配收入"));
        let gdp = lookup("GDP").expect("an entry");
        assert_eq!(gdp.name_zh_at(Some(Level::National)), "国内生产总值");
        assert_eq!(gdp.name_zh_at(Some(Level::Province)), "地区生产总值");
        assert_eq!(gdp.unit_en_for("万亿元"), Some("trillion yuan"));
    }
}
