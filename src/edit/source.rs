//! The report text beside a dataset: where it is (`report.source`, relative to the dataset
//! file), and where each quote is in it.
//!
//! A quote is found when it is a substring of the text once whitespace is left out of both:
//! PDF and Word text layers break lines and put spaces inside sentences, and a quote copied
//! across a line end must still count. Everything else must be verbatim.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::{Dataset, Fault, Report};
use crate::{files, formats};

/// The report text shown beside the table.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceText {
    pub text: String,
    /// Where it came from, for messages ("bundled" or a path).
    pub origin: String,
    /// Byte ranges of the paragraphs (non-empty lines), for a virtualized text pane.
    pub paragraphs: Vec<Range<usize>>,
}

impl SourceText {
    /// The text with its paragraphs found (once: the text never changes while it is open).
    pub fn new(text: String, origin: impl Into<String>) -> SourceText {
        let paragraphs = paragraphs(&text);
        SourceText {
            text,
            origin: origin.into(),
            paragraphs,
        }
    }
}

impl SourceText {
    /// The paragraph holding a byte offset, or the first after it (to scroll to a quote).
    pub fn paragraph_at(&self, byte: usize) -> Option<usize> {
        let n = self.paragraphs.partition_point(|p| p.end <= byte);
        (n < self.paragraphs.len()).then_some(n)
    }
}

/// Byte ranges of the non-blank lines, without their line ends.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            out.push(start..start + body.len());
        }
        start += line.len();
    }
    out
}

/// Why a dataset has no text pane. The window words each case through i18n; `Display` is
/// the command line's wording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextMissing {
    /// The dataset names no report text (`report.source` is absent or empty).
    NoSource,
    /// `report.source` names a file that is not there.
    NotFound { path: PathBuf },
    /// The file is there but cannot be read as a report.
    Unreadable { path: PathBuf, error: String },
}

impl fmt::Display for TextMissing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextMissing::NoSource => write!(f, "the dataset names no report text (report.source)"),
            TextMissing::NotFound { path } => {
                write!(f, "the report text {} is not there", path.display())
            }
            TextMissing::Unreadable { path, error } => {
                write!(
                    f,
                    "the report text {} cannot be read: {error}",
                    path.display()
                )
            }
        }
    }
}

/// The file `report.source` names, relative to the dataset file at `dataset`.
pub fn source_path(dataset: &Path, report: &Report) -> Option<PathBuf> {
    let source = report.source.as_deref().map(str::trim)?;
    if source.is_empty() {
        return None;
    }
    let dir = dataset.parent().unwrap_or(Path::new(""));
    Some(dir.join(source))
}

/// Reads the report text of the dataset file at `dataset` through `report.source`: any
/// report format `extract` reads, normalized as `extract` normalizes it, so the quotes of a
/// draft are found in it verbatim. Also returns the file it read.
pub fn read_source(dataset: &Path, report: &Report) -> Result<(SourceText, PathBuf), TextMissing> {
    let path = source_path(dataset, report).ok_or(TextMissing::NoSource)?;
    read_file(&path).map(|text| (text, path))
}

/// Reads a report text file (any format `extract` reads), normalized as `extract` does.
pub fn read_file(path: &Path) -> Result<SourceText, TextMissing> {
    let path = path.to_owned();
    if !path.exists() {
        return Err(TextMissing::NotFound { path });
    }
    let unreadable = |error: String| TextMissing::Unreadable {
        path: path.clone(),
        error,
    };
    let bytes = files::read_limited(&path).map_err(|e| unreadable(e.to_string()))?;
    let text = formats::read(&bytes, Some(&path)).map_err(|e| unreadable(e.to_string()))?;
    let origin = path.display().to_string();
    Ok(SourceText::new(text.text, origin))
}

/// `target` as a path relative to the directory `from_dir`, with `/` between the parts (so
/// a file written on one system reads on another); `None` when no relative path leads there
/// (another drive).
pub fn relative_path(from_dir: &Path, target: &Path) -> Option<String> {
    let from = std::path::absolute(from_dir).ok()?;
    let target = std::path::absolute(target).ok()?;
    let from: Vec<Component> = from
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect();
    let to: Vec<Component> = target
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect();
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Some(parts.join("/"))
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// The text without whitespace, and where each of its bytes is in the original.
pub struct QuoteIndex {
    squeezed: String,
    /// `origin[i]` is the byte offset in the original text of byte `i` of `squeezed`.
    origin: Vec<u32>,
}

impl QuoteIndex {
    pub fn new(text: &str) -> QuoteIndex {
        let mut squeezed = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (at, c) in text.char_indices() {
            if is_space(c) {
                continue;
            }
            squeezed.push(c);
            // Texts over 4 GiB are refused long before (MAX_FILE_BYTES).
            origin.extend((0..c.len_utf8()).map(|k| (at + k) as u32));
        }
        QuoteIndex { squeezed, origin }
    }

    /// The byte range of the quote's first occurrence in the original text.
    pub fn find(&self, quote: &str) -> Option<Range<usize>> {
        let quote = squeeze(quote);
        if quote.is_empty() {
            return None;
        }
        let at = self.squeezed.find(&quote)?;
        Some(self.range(at..at + quote.len()))
    }

    fn range(&self, squeezed: Range<usize>) -> Range<usize> {
        let start = self.origin[squeezed.start] as usize;
        let end = self.origin[squeezed.end - 1] as usize + 1;
        start..end
    }

    /// The first occurrence of each of many quotes, in one pass over the text.
    pub fn find_all<'q>(&self, quotes: &[&'q str]) -> HashMap<&'q str, Option<Range<usize>>> {
        let mut out: HashMap<&str, Option<Range<usize>>> =
            quotes.iter().map(|q| (*q, None)).collect();
        let distinct: Vec<&str> = out.keys().copied().collect();
        let patterns: Vec<String> = distinct.iter().map(|q| squeeze(q)).collect();
        let searchable: Vec<usize> = (0..patterns.len())
            .filter(|&n| !patterns[n].is_empty())
            .collect();
        let Ok(automaton) = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(searchable.iter().map(|&n| &patterns[n]))
        else {
            // Too many patterns for the automaton: one search per quote.
            for (quote, range) in out.iter_mut() {
                *range = self.find(quote);
            }
            return out;
        };
        let mut left = searchable.len();
        for m in automaton.find_overlapping_iter(&self.squeezed) {
            if left == 0 {
                break;
            }
            let quote = distinct[searchable[m.pattern().as_usize()]];
            let slot = out.entry(quote).or_default();
            if slot.is_none() {
                *slot = Some(self.range(m.start()..m.end()));
                left -= 1;
            }
        }
        out
    }
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|&c| !is_space(c)).collect()
}

/// The quote rule: every quote of `data` is found in the report text. `source` names the
/// text in the message.
pub fn quote_faults(data: &Dataset, index: &QuoteIndex, source: &str) -> Vec<Fault> {
    let quotes: Vec<&str> = data.quotes().collect();
    let found = index.find_all(&quotes);
    let mut out = Vec::new();
    for (n, indicator) in data.indicators.iter().enumerate() {
        for (k, obs) in indicator.observations.iter().enumerate() {
            let missing = !obs.quote.trim().is_empty()
                && found.get(obs.quote.as_str()).is_none_or(Option::is_none);
            if missing {
                out.push(quote_not_found(n, k, source));
            }
        }
    }
    out
}

/// The message of a quote that is not in the report text.
pub fn quote_not_found(indicator: usize, observation: usize, source: &str) -> Fault {
    Fault::of_observation(
        indicator,
        observation,
        "quote",
        format!("is not in the report text {source}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quotes_across_line_breaks_and_spaces() {
        let text = "一、回顾\n全市地区生产总值\n增长 5.5%左右。\n";
        let index = QuoteIndex::new(text);
        let range = index.find("地区生产总值增长5.5%左右").unwrap();
        assert_eq!(&text[range], "地区生产总值\n增长 5.5%左右");
        assert_eq!(index.find("增长6%"), None);
        assert_eq!(index.find("  "), None);
        let all = index.find_all(&["回顾", "增长6%", "5.5%", "回顾"]);
        assert_eq!(
            all["回顾"],
            Some(text.find("回顾").unwrap()..text.find("\n全").unwrap())
        );
        assert_eq!(all["增长6%"], None);
        assert_eq!(&text[all["5.5%"].clone().unwrap()], "5.5%");
    }

    #[test]
    fn paragraphs_are_the_non_blank_lines() {
        let text = "甲乙\n\n  \r\n丙\r\n丁";
        let p = paragraphs(text);
        let lines: Vec<&str> = p.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(lines, ["甲乙", "丙", "丁"]);
        let source = SourceText::new(text.to_owned(), "t");
        assert_eq!(source.paragraph_at(0), Some(0));
        assert_eq!(source.paragraph_at(3), Some(0));
        assert_eq!(
            source.paragraph_at(6),
            Some(1),
            "a blank line: the next paragraph"
        );
        assert_eq!(source.paragraph_at(text.len() - 1), Some(2));
        assert_eq!(source.paragraph_at(text.len()), None);
    }

    #[test]
    fn relative_paths() {
        let rel = |a: &str, b: &str| relative_path(Path::new(a), Path::new(b));
        assert_eq!(
            rel("/a/assets", "/a/seeds/x.txt").as_deref(),
            Some("../seeds/x.txt")
        );
        assert_eq!(rel("/a", "/a/x.txt").as_deref(), Some("x.txt"));
        assert_eq!(rel("/a/b/c", "/a/x.txt").as_deref(), Some("../../x.txt"));
    }
}
