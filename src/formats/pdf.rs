//! PDFs with a text layer: pdf-extract reads the pages; this drops the running headers and
//! footers and joins the lines that the page width broke.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use super::FormatError;
use super::lines::{is_page_number, join_lines};
use crate::text_util;

/// Lines at the top and bottom of a page that may be running headers or footers.
const EDGE: usize = 3;

pub(super) fn read(bytes: &[u8]) -> Result<String, FormatError> {
    let encrypted = bytes.windows(8).any(|w| w == b"/Encrypt");
    // pdf-extract panics on some odd files: a panic is a file it cannot read, not a crash.
    let pages = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem_by_pages(bytes)
    }));
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
    // Browsers' PDFs give radicals for some ideographs (⼀ for 一): unified before the
    // headings are looked for.
    let pages: Vec<String> = pages
        .into_iter()
        .map(|p| match text_util::unify(&p) {
            Cow::Borrowed(_) => p,
            Cow::Owned(unified) => unified,
        })
        .collect();
    Ok(join_pages(&drop_furniture(&pages)))
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

/// The lines of all pages joined into paragraphs ([`join_lines`]), a full line being the
/// widest.
fn join_pages(pages: &[Vec<String>]) -> String {
    let lines: Vec<&str> = pages.iter().flatten().map(String::as_str).collect();
    let full = lines.iter().map(|l| l.trim().width()).max().unwrap_or(0);
    join_lines(&lines, full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_told_from_report_lines() {
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
}
