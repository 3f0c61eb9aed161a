//! Combined subjects split into their parts: one name for each number of a list.
//!
//! Shape: `<combined subject>[分别]<verb><n numbers>`, where the subject names n things in
//! one word (城乡居民人均可支配收入分别增长6.5%、8.2%; 进出口分别增长…; 三次产业增加值分别
//! 增长…; 城乡居民收入达到23292元和7750元). Each number takes the subject with the combined
//! word replaced by its part, in the order the word lists them.

/// Combined words and their parts, longest first where one contains another.
const COMBINED: &[(&str, &[&str])] = &[
    ("城乡居民", &["城镇居民", "农村居民"]),
    ("城乡", &["城镇", "农村"]),
    ("一二三产业", &["第一产业", "第二产业", "第三产业"]),
    ("三次产业", &["第一产业", "第二产业", "第三产业"]),
    ("二三产业", &["第二产业", "第三产业"]),
    ("进出口", &["进口", "出口"]),
    ("存贷款", &["存款", "贷款"]),
    ("收支", &["收入", "支出"]),
    ("客货运", &["客运", "货运"]),
    ("内外资", &["内资", "外资"]),
    ("出入境", &["出境", "入境"]),
];

/// Spellings of combined words with the list marks written out (进、出口, 第一、二、三产业),
/// read as the combined word.
const SPELLED: &[(&str, &str)] = &[
    ("第一、二、三产业", "一二三产业"),
    ("一、二、三产业", "一二三产业"),
    ("第一二三产业", "一二三产业"),
    ("第二、三产业", "二三产业"),
    ("二、三产业", "二三产业"),
    ("第二三产业", "二三产业"),
    ("进、出口", "进出口"),
    ("存、贷款", "存贷款"),
];

/// A subject with its spelled-out combined words joined (进、出口 → 进出口), so that a list
/// split at 、 does not cut them.
pub(super) fn join_spelled(subject: &str) -> std::borrow::Cow<'_, str> {
    if !subject.contains('、') {
        return subject.into();
    }
    let mut out = subject.to_owned();
    for (spelled, word) in SPELLED {
        out = out.replace(spelled, word);
    }
    out.into()
}

/// `names` with combined words split until there are `n` of them, or `None` when no split
/// gives exactly `n` (城乡居民人均可支配收入, n = 2 → 城镇居民…, 农村居民…).
pub(super) fn split(names: &[String], n: usize) -> Option<Vec<String>> {
    if names.len() >= n {
        return None;
    }
    let mut out = Vec::with_capacity(n);
    let mut missing = n - names.len();
    for name in names {
        let parts = (missing > 0).then(|| parts_of(name, missing + 1)).flatten();
        match parts {
            Some(parts) => {
                missing -= parts.len() - 1;
                out.extend(parts);
            }
            None => out.push(name.clone()),
        }
    }
    (out.len() == n).then_some(out)
}

/// `name` once for each part of its first combined word, when it has at most `most` parts.
fn parts_of(name: &str, most: usize) -> Option<Vec<String>> {
    COMBINED.iter().find_map(|(word, parts)| {
        let at = name.find(word)?;
        if parts.len() > most {
            return None;
        }
        let (head, tail) = (name.get(..at)?, name.get(at + word.len()..)?);
        Some(
            parts
                .iter()
                .map(|part| format!("{head}{part}{tail}"))
                .collect(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn combined_subjects_split_into_their_parts() {
        assert_eq!(
            split(&names(&["城乡居民人均可支配收入"]), 2),
            Some(names(&["城镇居民人均可支配收入", "农村居民人均可支配收入"]))
        );
        assert_eq!(
            split(&names(&["三次产业增加值"]), 3),
            Some(names(&[
                "第一产业增加值",
                "第二产业增加值",
                "第三产业增加值"
            ]))
        );
        assert_eq!(
            split(&names(&["外贸进出口"]), 2),
            Some(names(&["外贸进口", "外贸出口"]))
        );
        // One of a list is combined: 财政收支 and a third figure.
        assert_eq!(
            split(&names(&["一般公共预算收支", "税收收入"]), 3),
            Some(names(&["一般公共预算收入", "一般公共预算支出", "税收收入"]))
        );
        // No combined word, or parts that do not match the count.
        assert_eq!(split(&names(&["地区生产总值"]), 2), None);
        assert_eq!(split(&names(&["三次产业增加值"]), 2), None);
        assert_eq!(split(&names(&["城乡居民收入"]), 1), None);
    }

    #[test]
    fn spelled_combined_words_are_joined() {
        assert_eq!(join_spelled("进、出口总额"), "进出口总额");
        assert_eq!(join_spelled("第一、二、三产业增加值"), "一二三产业增加值");
        assert_eq!(join_spelled("工业、服务业"), "工业、服务业");
    }
}
