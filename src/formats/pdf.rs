//! PDFs with a text layer: pdf-extract reads the pages; this drops the running headers and
//! footers and joins the lines that the page width broke.

use std::cell::Cell;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use unicode_width::UnicodeWidthStr;

use super::FormatError;

/// Runs `f`, catching a panic in it, with the panic's message kept off stderr: the caller
/// reports it as an error of the file. Only this thread's panics are quiet, only while `f`
/// runs; every other panic is reported as before (the hook defers to the one it replaced).
fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    thread_local! {
        static QUIET: Cell<bool> = const { Cell::new(false) };
    }
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|quiet| quiet.set(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|quiet| quiet.set(false));
    result
}

/// Lines at the top and bottom of a page that may be running headers or footers.
const EDGE: usize = 3;

pub(super) fn read(bytes: &[u8]) -> Result<String, FormatError> {
    let encrypted = bytes.windows(8).any(|w| w == b"/Encrypt");
    // pdf-extract panics on some odd files: a panic is a file it cannot read, not a crash,
    // and its message on stderr would say otherwise.
    let pages = quietly(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    let pages = match pages {
        Ok(Ok(pages)) => pages,
        Ok(Err(_)) | Err(_) if encrypted => return Err(FormatError::Encrypted),
        Ok(Err(e)) => {
            return Err(FormatError::Pdf(format!(
                "cannot read it ({e}): the file may be damaged; print it to a new PDF or save its text as .txt"
            )));
        }
        Err(_) => {
            return Err(FormatError::Pdf(
                "the PDF reader failed on this file (an unusual or damaged PDF): print it to a \
                 new PDF or save its text as .txt"
                    .into(),
            ));
        }
    };
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(if encrypted {
            FormatError::Encrypted
        } else {
            FormatError::Scanned
        });
    }
    Ok(join_lines(&drop_furniture(&pages)))
}

/// A page number on its own ("3", "1/3", "- 2 -", "第 2 页", "Page 2 of 9").
fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(['-', '–', '—']);
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

/// A line that starts with a printer's date stamp ("2024/1/15 10:30", "1/15/24, 10:30 AM
/// 北河市…", as browsers print above every page). Text layers often space out the digits.
fn is_date_stamp(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let stamp: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | ':' | ',' | '.'))
        .collect();
    let count = |sep: char| stamp.matches(sep).count();
    stamp.chars().any(|c| c.is_ascii_digit())
        && (count('/') == 2 || count('-') == 2)
        && (count(':') >= 1 || stamp.len() == t.len())
}

/// A URL line, as browsers print below every page (also with its digits spaced out).
fn is_url(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.contains("://") || t.starts_with("www.")
}

/// Digits folded, spaces dropped: the same running header on every page has one key.
fn key(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// The lines of each page without running headers and footers: page numbers, dates and URLs
/// at a page's edge, and any edge line repeated at the same place on at least half the pages.
fn drop_furniture(pages: &[String]) -> Vec<Vec<String>> {
    let pages: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.lines().filter(|l| !l.trim().is_empty()).collect())
        .collect();
    let mut seen: HashMap<(bool, usize, String), usize> = HashMap::new();
    for lines in &pages {
        for i in 0..lines.len().min(EDGE) {
            *seen.entry((true, i, key(lines[i]))).or_default() += 1;
            let j = lines.len() - 1 - i;
            *seen.entry((false, i, key(lines[j]))).or_default() += 1;
        }
    }
    let repeated = |k: (bool, usize, String)| {
        let n = seen.get(&k).copied().unwrap_or(0);
        n >= 2 && n * 2 >= pages.len()
    };
    pages
        .iter()
        .map(|lines| {
            lines
                .iter()
                .enumerate()
                .filter(|&(i, line)| {
                    let from_end = lines.len() - 1 - i;
                    let edge = i < EDGE || from_end < EDGE;
                    !(edge
                        && (is_page_number(line)
                            || is_date_stamp(line)
                            || is_url(line)
                            || (i < EDGE && repeated((true, i, key(line))))
                            || (from_end < EDGE && repeated((false, from_end, key(line))))))
                })
                .map(|(_, line)| line.trim_end().to_owned())
                .collect()
        })
        .collect()
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

/// Joins lines broken by the page width into paragraphs ("投\n资5000万元" → "投资5000万元"),
/// across pages too. A line ends its paragraph when it is clearly shorter than a full line,
/// or the next line is indented or starts a section.
fn join_lines(pages: &[Vec<String>]) -> String {
    let lines: Vec<&str> = pages.iter().flatten().map(String::as_str).collect();
    let full = lines.iter().map(|l| l.trim().width()).max().unwrap_or(0);
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
        let short = text.width() * 100 < full * 85;
        let indented = next.starts_with([' ', '\u{3000}', '\u{00A0}', '\t']);
        if short || indented || starts_heading(next) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_told_from_report_lines() {
        for line in ["1/3", "- 2 -", "第 2 页", "12", "Page 3 of 9"] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["2024年", "增长6.3%", "5576.3", "1/3 的项目"] {
            assert!(!is_page_number(line), "{line}");
        }
        assert!(is_date_stamp("11/27/26, 8:45 AM"));
        assert!(is_date_stamp(
            "1 1 /2 7 /2 6 ,   8 :3 7   AM 北河市2 0 2 4 年政府工作报告"
        ));
        assert!(is_date_stamp("2024/1/15 10:30"));
        assert!(is_date_stamp("2024-01-15"));
        assert!(!is_date_stamp(
            "——2024年1月16日在北河市第十七届人民代表大会第三次会议上"
        ));
        assert!(!is_date_stamp("2024年是中华人民共和国成立75周年"));
        assert!(!is_date_stamp(
            "16.2亿美元，增长8%。外贸进出口总额1451.2亿元"
        ));
        assert!(is_url("ﬁle:///tmp/tmp5 hk3 l9 c0 /report. html 1 /2"));
        assert!(!is_url("网址见附件"));
    }

    #[test]
    fn hard_wraps_join_paragraphs_stay() {
        let pages = vec![
            vec![
                "全市完成固定资产投资增长百分之五，重点项目投".to_owned(),
                "资5000万元以上项目开工建设一百二十个，新增".to_owned(),
                "产能。".to_owned(),
                "二、2024年工作安排".to_owned(),
            ],
            vec!["今年主要预期目标是：地区生产总值增长6%左右".to_owned()],
        ];
        let text = join_lines(&pages);
        assert!(text.contains("重点项目投资5000万元以上项目"), "{text}");
        assert!(
            text.contains("新增产能。\n\n二、2024年工作安排\n\n今年"),
            "{text}"
        );
    }
}
