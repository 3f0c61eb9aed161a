//! Paragraphs put back together: lines that a page's width broke (a PDF, or text copied from
//! one), page numbers between them, and a newspaper's paragraph continued on a later page
//! (…社会消费品零售总额（下转第四版） … （上接第一版）15612.4亿元…).

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use crate::text_util::{FastMap, FastSet};

/// A page number on its own ("3", "1/3", "- 2 -", "— 12 —", "第 2 页", "Page 2 of 9").
pub(super) fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(['-', '–', '—', '－', '﹣']);
    let t = t.strip_prefix("Page").unwrap_or(t);
    let t = t
        .strip_prefix('第')
        .and_then(|t| t.strip_suffix('页'))
        .unwrap_or(t);
    let parts: Vec<&str> = t.split('/').flat_map(|p| p.split("of")).collect();
    parts.len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// A line that starts a section: 一、 （二） or the congress line's dash.
fn starts_heading(line: &str) -> bool {
    let t = line.trim_start();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut chars = t.chars();
    match chars.next() {
        Some('（' | '(') => chars.next().is_some_and(numeral),
        Some('—') => true,
        Some(c) if numeral(c) => t.chars().take(4).any(|c| c == '、'),
        _ => false,
    }
}

/// What a paragraph's last line ends with: a sentence's end, or a colon before a list.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '：', '；', '”', '!', '?', ':', ';'];

fn is_indented(line: &str) -> bool {
    line.starts_with([' ', '\u{3000}', '\u{00A0}', '\t'])
}

/// Joins lines broken by the page width into paragraphs ("投\n资5000万元" → "投资5000万元").
/// A line ends its paragraph when it is clearly shorter than a full line (`full`, in
/// columns), or the next line is indented or starts a section. Paragraphs are separated by
/// a blank line.
pub(super) fn join_lines(lines: &[&str], full: usize) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        out.push_str(text);
        let Some(next) = lines.get(i + 1) else {
            break;
        };
        // A paragraph's last line is short and ends a sentence (or a caption's bracket); a
        // title, congress or speaker line is short and has no punctuation at all; a heading
        // is short. A line short only for its half-width digits (…增长3.5%，城镇新增就业125
        // 万人，居民人均可支配收入增长6.1%，粮食产) goes on.
        let width = text.width() * 100;
        let ends = text.ends_with(SENTENCE_ENDS) || text.ends_with(['）', ')']);
        let unpunctuated = !text.contains(['，', '、', '；', '：', '。', ',', ';']);
        let short = width < full * 85 && (ends || unpunctuated || starts_heading(text))
            || width < full * 50;
        // …增长3%—5%；（七）实际\n使用外资…: a list item inside a paragraph wrapped to the
        // line's start opens no section; a heading follows a finished sentence.
        let finished = text.ends_with(['。', '！', '？', '：', '!', '?', ':']);
        if short || is_indented(next) || (starts_heading(next) && finished) {
            out.push_str("\n\n");
        } else if text.ends_with(|c: char| c.is_ascii_alphabetic() || c == ',')
            && next
                .trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic())
        {
            out.push(' ');
        }
    }
    out.push('\n');
    out
}

/// The widest lines' width in columns: the width of a full line of the page (the 90th
/// percentile, so that one long line does not set it).
fn full_width(lines: &[&str]) -> usize {
    let mut widths: Vec<usize> = lines.iter().map(|l| l.trim().width()).collect();
    widths.sort_unstable();
    widths.get(widths.len() * 9 / 10).copied().unwrap_or(0)
}

/// Whether plain text was broken at a page's width (copied from a PDF): most of its lines
/// are about as wide as the widest and stop mid-sentence, their paragraph going on in the
/// next line. A text with one paragraph a line (most reports) ends nearly every long line
/// with 。 or ：.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let long: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| l.width() >= 20)
        .collect();
    if long.len() < 10 {
        return false;
    }
    let full = full_width(&long);
    let broken = long
        .iter()
        // As wide as a full line, give or take the few columns a page's justification and
        // its digits leave (the threshold join_lines keeps a line in its paragraph at).
        .filter(|l| l.width() * 100 >= full * 85)
        .filter(|l| !l.ends_with(SENTENCE_ENDS))
        .count();
    broken * 2 >= long.len()
}

/// Plain text with its paragraphs whole again: a hard-wrapped text joined (page-number lines
/// between its lines dropped), a newspaper's jumps followed. Unchanged (borrowed) for a text
/// with one paragraph a line.
pub(super) fn rejoin(text: &str) -> Cow<'_, str> {
    let text = match follow_jumps(text) {
        Some(joined) => Cow::Owned(joined),
        None => Cow::Borrowed(text),
    };
    let lines: Vec<&str> = text.lines().collect();
    if !is_hard_wrapped(&lines) {
        return text;
    }
    let lines: Vec<&str> = lines.into_iter().filter(|l| !l.trim().is_empty()).collect();
    // Asked of each line by its neighbours too: told once.
    let numbers: Vec<bool> = lines.iter().map(|l| is_page_number(l)).collect();
    let headers = running_headers(&lines, &numbers);
    let mut kept = Vec::with_capacity(lines.len());
    let mut notes = Vec::new();
    for (i, (line, &number)) in lines.iter().zip(&numbers).enumerate() {
        if number || (i >= 3 && headers.contains(line.trim())) {
            continue;
        }
        if is_footnote(&lines, &numbers, i) {
            notes.push(line.trim());
        } else {
            kept.push(*line);
        }
    }
    let full = full_width(&kept);
    let mut out = join_lines(&kept, full);
    // A page's footnotes (①…) after the text they note, not inside its sentence.
    for note in notes {
        out.push('\n');
        out.push_str(note);
        out.push('\n');
    }
    Cow::Owned(out)
}

/// A printed page's running header or footer (山东省人民政府工作报告 on every page): a short
/// line next to a page number, no piece of a sentence, the same at three page breaks or more.
/// `numbers` tells which lines are page numbers.
fn running_headers<'a>(lines: &[&'a str], numbers: &[bool]) -> FastSet<&'a str> {
    let mut counts: FastMap<&str, usize> = FastMap::default();
    for (i, (l, &number)) in lines.iter().zip(numbers).enumerate() {
        let t = l.trim();
        let near_number =
            (i.saturating_sub(2)..i + 3).any(|k| k != i && numbers.get(k) == Some(&true));
        let sentence = t.contains(['。', '，', '；', '%']);
        if near_number && !number && !sentence && t.chars().count() <= 24 {
            *counts.entry(t).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 3)
        .map(|(t, _)| t)
        .collect()
}

/// A footnote at a page's foot: a line that opens with ①–⑳ and is followed, through any
/// other footnotes, by the page's number (`numbers` tells which lines are page numbers).
fn is_footnote(lines: &[&str], numbers: &[bool], i: usize) -> bool {
    let circled = |l: &str| {
        l.trim_start()
            .starts_with(|c: char| ('①'..='⑳').contains(&c))
    };
    let mut j = i;
    while lines.get(j).is_some_and(|l| circled(l)) {
        j += 1;
    }
    j > i && numbers.get(j).copied().unwrap_or(false)
}

/// Where a newspaper continues a paragraph: （下转第四版） at the end of a line, （上接第一版）
/// or （紧接第一版） at the start of a later one.
const JUMP_OUT: &[&str] = &["下转第", "转第"];
const JUMP_IN: &[&str] = &["上接第", "紧接第", "接第"];

/// The marker (（下转第四版）) a line ends with, as its byte length, if any.
fn jump_out(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let open = t.strip_suffix(['）', ')'])?.rfind(['（', '('])?;
    let inside = t.get(open..)?;
    let marker = JUMP_OUT.iter().any(|w| inside.contains(w)) && inside.contains('版');
    (marker && inside.chars().count() <= 9).then(|| line.len() - open)
}

/// The marker (（上接第一版）) a line starts with, as its byte length, if any.
fn jump_in(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let rest = t.strip_prefix(['（', '('])?;
    let close = rest.find(['）', ')'])?;
    let inside = rest.get(..close)?;
    let marker = JUMP_IN.iter().any(|w| inside.starts_with(w)) && inside.ends_with('版');
    let close_len = rest.get(close..)?.chars().next()?.len_utf8();
    (marker && inside.chars().count() <= 7)
        .then(|| line.len() - t.len() + (t.len() - rest.len()) + close + close_len)
}

/// Each paragraph cut by （下转第X版） joined to the line that takes it up again
/// (（上接第Y版）…), which leaves its place; the markers go. `None` when there are none.
fn follow_jumps(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    if !lines.iter().any(|l| jump_out(l).is_some()) {
        return None;
    }
    let mut taken = vec![false; lines.len()];
    let mut out = String::with_capacity(text.len());
    for i in 0..lines.len() {
        if taken.get(i).copied().unwrap_or(true) {
            continue;
        }
        let mut line = lines.get(i).copied().unwrap_or("");
        let mut from = i;
        // A continuation may itself jump again.
        while let Some(cut) = jump_out(line) {
            let next = (from + 1..lines.len()).find(|&k| {
                !taken.get(k).copied().unwrap_or(true)
                    && lines.get(k).is_some_and(|l| jump_in(l).is_some())
            });
            let Some(k) = next else { break };
            out.push_str(line.get(..line.len() - cut).unwrap_or(line).trim_end());
            if let Some(slot) = taken.get_mut(k) {
                *slot = true;
            }
            let cont = lines.get(k).copied().unwrap_or("");
            line = cont.get(jump_in(cont).unwrap_or(0)..).unwrap_or("");
            from = k;
        }
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for line in ["1/3", "- 2 -", "— 12 —", "第 2 页", "12", "Page 3 of 9"] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["2024年", "增长6.3%", "5576.3", "1/3 的项目"] {
            assert!(!is_page_number(line), "{line}");
        }
    }

    #[test]
    fn hard_wraps_join_paragraphs_stay() {
        let lines = [
            "全市完成固定资产投资增长百分之五，重点项目投",
            "资5000万元以上项目开工建设一百二十个，新增",
            "产能。",
            "二、2024年工作安排",
            "今年主要预期目标是：地区生产总值增长6%左右",
        ];
        let text = join_lines(&lines, full_width(&lines));
        assert!(text.contains("重点项目投资5000万元以上项目"), "{text}");
        assert!(
            text.contains("新增产能。\n\n二、2024年工作安排\n\n今年"),
            "{text}"
        );
    }

    #[test]
    fn a_list_item_wrapped_to_a_line_start_stays_in_its_paragraph() {
        let lines = [
            "今年的主要预期目标是：（一）全市生产总值增长6%左右；（二）规模以上工业",
            "增加值增长3%左右；（三）外贸进出口总额增长3%—5%；（四）实际使用外资",
            "稳定在185亿美元以上；（五）新增就业岗位50万个以上，城镇调查失业率控",
            "（六）居民消费价格涨幅3%左右；（七）居民人均可支配收入增长与经济增长",
            "基本同步。",
            "（二）推进高质量发展。全力以赴稳增长，加快培育新动能，全年新设企业",
        ];
        let text = join_lines(&lines, full_width(&lines));
        assert!(
            text.contains("城镇调查失业率控（六）居民消费价格"),
            "{text}"
        );
        assert!(text.contains("基本同步。\n\n（二）推进"), "{text}");
    }

    #[test]
    fn a_caption_ending_in_a_bracket_ends_its_paragraph() {
        let lines = [
            "▲ 1月25日，省十四届人大二次会议开幕。（记者 罗一鸣 摄）",
            "政府工作报告",
            "各位代表：现在，我代表省人民政府，向大会报告政府工作，请予审议，并请省",
            "政协委员和其他列席人员提出意见。",
        ];
        let text = join_lines(&lines, full_width(&lines));
        assert!(text.contains("摄）\n\n政府工作报告\n\n"), "{text}");
    }

    #[test]
    fn running_headers_and_footnotes_leave_the_sentence() {
        let page = |n: usize| {
            [
                "　　过去一年，全省地区生产总值增长6%，“四新”经济①增加值占比达到",
                "32.5%，规模以上工业增加值增长7.1%，固定资产投资增长5.2%，社会消",
                "费品零售总额增长8.4%，一般公共预算收入增长4.8%，进出口总额增长",
                "①“四新”经济：指新技术、新产业、新业态、新模式。",
                &format!("－ {n} －"),
                "",
                "山东省人民政府工作报告",
                "3.5%，城镇新增就业125万人，居民人均可支配收入增长6.1%，粮食产",
                "量稳定在1100亿斤以上，城镇调查失业率5.1%，居民消费价格上涨0.3",
                "%，细颗粒物平均浓度下降4.5%，空气质量优良天数比率达到72.8%。",
            ]
            .join("\n")
        };
        let pages: Vec<String> = (1..=4).map(page).collect();
        let wrapped = format!("政府工作报告\n{}\n", pages.join("\n"));
        let joined = rejoin(&wrapped);
        assert!(
            joined.contains("进出口总额增长3.5%，城镇新增就业125万人"),
            "{joined}"
        );
        assert!(!joined.contains("报告3.5%"), "{joined}");
        assert!(joined.contains("\n①“四新”经济：指新技术"), "{joined}");
        assert!(joined.starts_with("政府工作报告"), "{joined}");
    }

    #[test]
    fn text_copied_from_a_pdf_is_joined() {
        let line = "　　地区生产总值增长5.9%，规模以上工业增加值增长8.3%，固定资";
        let wrapped = format!(
            "政府工作报告\n\n各位代表：\n{}\n",
            [
                line,
                "产投资增长7.2%；社会消费品零售总额4260亿元、增长5.3%；外贸",
                "— 1 —",
                "进出口总额4850亿元、增长10.4%；一般公共预算收入2086亿元、增",
                "长4.6%。",
            ]
            .repeat(4)
            .join("\n")
        );
        let joined = rejoin(&wrapped);
        assert!(
            joined.contains(
                "固定资产投资增长7.2%；社会消费品零售总额4260亿元、增长5.3%；外贸进出口总额"
            ),
            "{joined}"
        );
        assert!(joined.contains("增长4.6%。\n\n地区生产总值"), "{joined}");
        assert!(!joined.contains("— 1 —"), "{joined}");
        // One paragraph a line: as it was.
        let plain =
            "一、2023年工作回顾\n过去一年，地区生产总值增长5%，工业增加值增长6%。\n".repeat(12);
        assert!(matches!(rejoin(&plain), Cow::Borrowed(_)));
    }

    #[test]
    fn a_newspaper_paragraph_is_followed_to_its_page() {
        let text = "一、2023年工作回顾\n\
            全市地区生产总值增长6.2%；社会消费品零售总额（下转第四版）\n\
            本版责任编辑　刘晓\n\
            4\n\
            （上接第一版）15612.4亿元、增长7.9%；大宗（下转第五版）\n\
            另一篇\n\
            （紧接第四版）消费，推动新能源汽车下乡。\n";
        let joined = rejoin(text);
        assert_eq!(
            joined,
            "一、2023年工作回顾\n\
             全市地区生产总值增长6.2%；社会消费品零售总额15612.4亿元、增长7.9%；大宗消费，\
             推动新能源汽车下乡。\n\
             本版责任编辑　刘晓\n4\n另一篇\n"
        );
    }
}
