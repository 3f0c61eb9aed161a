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
    // 城镇常住居民和农村常住居民人均可支配收入: the residents of the survey are the parts.
    ("城镇常住居民", "城镇居民"),
    ("农村常住居民", "农村居民"),
    ("城乡常住居民", "城乡居民"),
];

/// Marks between the parts of a list.
const JOINS: &[char] = &['、', '和', '及', '与'];

/// A subject with its lists of parts written out so that a list split at 、 gives whole
/// names: spelled-out combined words joined (进、出口 → 进出口), and the parts of one
/// combined word given the words that follow them (城镇、农村居民收入 → 城镇居民收入、农村
/// 居民收入; 城镇居民和农村居民人均可支配收入 likewise).
pub(super) fn spell_out(subject: &str) -> std::borrow::Cow<'_, str> {
    if !subject.contains(JOINS) {
        return subject.into();
    }
    let mut out = subject.to_owned();
    for (spelled, word) in SPELLED {
        out = out.replace(spelled, word);
    }
    for (_, parts) in COMBINED {
        if let Some(written) = parts_with_tail(&out, parts) {
            out = written;
            break;
        }
    }
    out.into()
}

/// `A、B<tail>` where A and B are the two parts of a combined word (either order), written
/// `A<tail>、B<tail>`.
fn parts_with_tail(subject: &str, parts: &[&str]) -> Option<String> {
    let [p, q] = parts else { return None };
    [(p, q), (q, p)].iter().find_map(|(first, second)| {
        let at = subject.find(*first)?;
        let rest = subject.get(at + first.len()..)?;
        let join = rest.chars().next().filter(|c| JOINS.contains(c))?;
        let tail = rest.get(join.len_utf8()..)?.strip_prefix(*second)?;
        if tail.is_empty() || tail.starts_with(JOINS) {
            return None;
        }
        let head = subject.get(..at)?;
        Some(format!("{head}{first}{tail}、{second}{tail}"))
    })
}

/// 居民人均可支配收入…，其中城镇、农村分别增长1.6%、6.2%: bare parts of a combined word
/// name parts of the subject before them (城镇居民人均可支配收入, 农村…).
pub(super) fn onto(names: &[String], prev: &str) -> Option<Vec<String>> {
    // Parts that qualify a noun (城镇 of 城镇居民收入), unlike 进口 or 存款 which are nouns.
    const QUALIFYING: &[&str] = &["城镇", "农村", "城市", "城镇居民", "农村居民"];
    let bare = |n: &String| QUALIFYING.contains(&n.as_str());
    (names.len() > 1 && names.iter().all(bare))
        .then(|| names.iter().map(|n| format!("{n}{prev}")).collect())
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
    fn lists_of_parts_are_written_out() {
        assert_eq!(spell_out("进、出口总额"), "进出口总额");
        assert_eq!(spell_out("第一、二、三产业增加值"), "一二三产业增加值");
        assert_eq!(spell_out("工业、服务业"), "工业、服务业");
        assert_eq!(
            spell_out("全市城镇、农村常住居民人均可支配收入"),
            "全市城镇居民人均可支配收入、农村居民人均可支配收入"
        );
        assert_eq!(
            spell_out("城镇居民和农村居民人均可支配收入"),
            "城镇居民人均可支配收入、农村居民人均可支配收入"
        );
        assert_eq!(spell_out("出口、进口总额"), "出口总额、进口总额");
        assert_eq!(
            spell_out("城镇常住居民和农村常住居民人均可支配收入"),
            "城镇居民人均可支配收入、农村居民人均可支配收入"
        );
        // Parts with nothing after them are whole already.
        assert_eq!(spell_out("城镇、农村"), "城镇、农村");
    }

    #[test]
    fn bare_parts_name_parts_of_the_subject_before() {
        let bare = names(&["城镇", "农村"]);
        assert_eq!(
            onto(&bare, "居民人均可支配收入"),
            Some(names(&["城镇居民人均可支配收入", "农村居民人均可支配收入"]))
        );
        assert_eq!(onto(&names(&["工业", "农村"]), "收入"), None);
        assert_eq!(onto(&names(&["进口", "出口"]), "进出口总额"), None);
    }
}
