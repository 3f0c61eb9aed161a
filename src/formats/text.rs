//! Text cleanup shared by the formats.

/// Chinese characters and the punctuation set with them: no space belongs beside them.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}'
        | '\u{3001}'..='\u{303F}'
        | '\u{FF01}'..='\u{FFEF}'
        | '\u{2014}' | '\u{2018}'..='\u{201D}' | '\u{2026}')
}

fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{3000}')
}

/// Drops the spaces Word, PDF text layers and many pages put between Chinese and Latin
/// characters ("2024 年", "增长 5.5% 左右" → "2024年", "增长5.5%左右"), so the extractor
/// reads the figures, and the quotes it cuts stay verbatim substrings of this text.
/// Indentation at the start of a line and spaces between two Latin words stay.
pub fn join_cjk_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    push_joined(&mut out, line);
    out
}

/// Appends `line` to `out` with [`join_cjk_spaces`]; the stretches between spaces are copied
/// whole (this runs on every line of a report).
pub(super) fn push_joined(out: &mut String, line: &str) {
    let start = out.len();
    let mut pos = 0;
    while let Some(i) = line
        .get(pos..)
        .and_then(|rest| rest.find(is_gap))
        .map(|n| pos + n)
    {
        out.push_str(line.get(pos..i).unwrap_or(""));
        let end = line
            .get(i..)
            .and_then(|rest| rest.find(|c| !is_gap(c)))
            .map_or(line.len(), |n| i + n);
        let gap = line.get(i..end).unwrap_or("");
        let pushed = out.get(start..).unwrap_or("");
        if pushed.trim_start().is_empty() {
            out.push_str(gap);
        } else {
            let before = pushed.chars().next_back();
            let after = line.get(end..).and_then(|rest| rest.chars().next());
            let join = matches!((before, after), (Some(b), Some(a)) if is_cjk(b) || is_cjk(a));
            if !join {
                out.push_str(gap);
            }
        }
        pos = end;
    }
    out.push_str(line.get(pos..).unwrap_or(""));
}

#[cfg(test)]
mod tests {
    use super::join_cjk_spaces;

    #[test]
    fn word_spaces_go_latin_spaces_stay() {
        assert_eq!(
            join_cjk_spaces("2024 年增长 5.5% 左右"),
            "2024年增长5.5%左右"
        );
        assert_eq!(join_cjk_spaces("完成 20059 亿元"), "完成20059亿元");
        assert_eq!(join_cjk_spaces("　　一、工作 回顾"), "　　一、工作回顾");
        assert_eq!(join_cjk_spaces("5G network 建设"), "5G network建设");
        assert_eq!(join_cjk_spaces("trailing  "), "trailing  ");
    }
}
