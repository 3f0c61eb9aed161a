//! HTML pages (government portals): charset, the report's own text, page furniture dropped.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use encoding_rs::{Encoding, UTF_8};
use scraper::{Html, Node};

use super::FormatError;

/// Markup at the start, or a page element anywhere near it; `.html` files need only a tag.
pub(super) fn looks_like_html(bytes: &[u8], html_ext: bool) -> bool {
    let head: Vec<u8> = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let start = head
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&head)
        .trim_ascii_start();
    if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
        return true;
    }
    let contains = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    start.starts_with(b"<")
        && (html_ext || contains(b"<body") || contains(b"<head") || contains(b"<meta"))
}

/// The encoding a page declares: byte-order mark, then `<meta charset>` or `http-equiv`.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return Some(enc);
    }
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let mut rest = head.as_slice();
    while let Some(at) = find(rest, b"<meta") {
        let tag = &rest[at..];
        let tag = &tag[..find(tag, b">").unwrap_or(tag.len())];
        if let Some(c) = find(tag, b"charset") {
            let value = tag[c + 7..]
                .trim_ascii_start()
                .strip_prefix(b"=")
                .unwrap_or(b"")
                .trim_ascii_start();
            let value = value.strip_prefix(b"\"").unwrap_or(value);
            let value = value.strip_prefix(b"'").unwrap_or(value);
            let end = value
                .iter()
                .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                .unwrap_or(value.len());
            if let Some(enc) = Encoding::for_label(&value[..end]) {
                // A page saved as UTF-16 cannot declare that in ASCII; trust UTF-8 then.
                return Some(if enc.is_single_byte() || enc.output_encoding() == enc {
                    enc
                } else {
                    UTF_8
                });
            }
        }
        rest = &rest[at + 5..];
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes with the declared charset, else UTF-8 when valid, else chardetng's guess.
fn decode(bytes: &[u8]) -> String {
    let encoding = declared(bytes).unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            UTF_8
        } else {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            detector.guess(None, chardetng::Utf8Detection::Deny)
        }
    });
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// Elements that are never the report.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "select", "button", "iframe", "svg", "object", "video", "audio",
];

/// Ids and classes of site furniture on portals.
const FURNITURE: &[&str] = &[
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "footer",
    "foot",
    "header",
    "top-bar",
    "topbar",
    "sidebar",
    "share",
    "copyright",
    "banner",
    "position",
    "location",
    "toolbar",
];

/// Block elements: their text is a paragraph of its own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "blockquote",
    "pre",
    "center",
    "dd",
    "dt",
    "dl",
    "hr",
    "body",
];

/// Words of page-furniture lines (publication data, counters, registration and contact lines).
const FURNITURE_WORDS: &[&str] = &[
    "发布时间",
    "发布日期",
    "来源：",
    "来源:",
    "信息来源",
    "浏览次数",
    "浏览量",
    "访问量",
    "阅读次数",
    "点击数",
    "点击量",
    "字号",
    "打印本页",
    "关闭窗口",
    "ICP",
    "备案",
    "公网安备",
    "网站标识码",
    "主办单位",
    "承办单位",
    "版权所有",
    "技术支持",
    "联系电话",
    "电话：",
    "联系我们",
    "网站地图",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "分享到",
    "扫一扫",
];

static FURNITURE_AUTOMATON: LazyLock<AhoCorasick> =
    LazyLock::new(|| crate::text_util::automaton(FURNITURE_WORDS));

#[derive(Default)]
struct Block {
    text: String,
    link_chars: usize,
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    current: Block,
}

impl Walker {
    fn flush(&mut self) {
        let block = std::mem::take(&mut self.current);
        if !block.text.trim().is_empty() {
            self.blocks.push(block);
        }
    }

    fn push_text(&mut self, text: &str, in_link: bool) {
        // HTML collapses runs of white space; &nbsp; (U+00A0) is kept.
        for (n, run) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            let text = &mut self.current.text;
            if n > 0 && !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
            text.push_str(run);
            if in_link {
                self.current.link_chars += run.chars().count();
            }
        }
    }

    fn walk(&mut self, node: ego_tree::NodeRef<'_, Node>, in_link: bool) {
        match node.value() {
            Node::Text(text) => self.push_text(text, in_link),
            Node::Element(el) => {
                let name = el.name();
                if SKIPPED.contains(&name) || is_furniture(el) {
                    return;
                }
                if name == "br" {
                    self.flush();
                    return;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    self.flush();
                }
                if matches!(name, "td" | "th") && !self.current.text.is_empty() {
                    self.current.text.push('\t');
                }
                for child in node.children() {
                    self.walk(child, in_link || name == "a");
                }
                if block {
                    self.flush();
                }
            }
            Node::Document | Node::Fragment => {
                for child in node.children() {
                    self.walk(child, in_link);
                }
            }
            _ => {}
        }
    }
}

fn is_furniture(el: &scraper::node::Element) -> bool {
    let marks = [el.id(), el.attr("class")];
    marks.into_iter().flatten().any(|m| {
        m.split(|c: char| c.is_ascii_whitespace() || c == '_')
            .any(|word| {
                FURNITURE.iter().any(|f| {
                    word.get(..f.len())
                        .is_some_and(|w| w.eq_ignore_ascii_case(f))
                        && matches!(word.as_bytes().get(f.len()), None | Some(b'-'))
                })
            })
    })
}

fn is_furniture_line(block: &Block) -> bool {
    let chars = block.text.chars().filter(|c| !c.is_whitespace()).count();
    if chars == 0 {
        return true;
    }
    // Menus and breadcrumbs: mostly link text.
    if block.link_chars * 2 > chars {
        return true;
    }
    chars < 200 && FURNITURE_AUTOMATON.is_match(&block.text)
}

/// The report text of a page, normalized: one paragraph per line with a blank line after
/// it, furniture dropped.
pub(super) fn read(bytes: &[u8]) -> Result<String, FormatError> {
    // Portals indent every paragraph with &nbsp;&nbsp;, and html5ever spends thousands of
    // instructions on each named reference (a third of a 1 MB page's parse). Replaced
    // beforehand by the same character it decodes to everywhere but in scripts, styles and
    // comments, which are dropped anyway.
    let page = decode(bytes).replace("&nbsp;", "\u{a0}");
    let document = Html::parse_document(&page);
    let mut walker = Walker::default();
    walker.walk(document.tree.root(), false);
    walker.flush();
    // The blocks are independent: a long page's are looked at and normalized in two halves
    // on two threads.
    let (first, second) = walker.blocks.split_at(walker.blocks.len() / 2);
    let (mut out, rest) =
        crate::text_util::in_parallel(|| report_lines(first), || report_lines(second));
    out.push_str(&rest);
    // Counted up to the threshold only: a report has far more.
    let han = out
        .chars()
        .filter(|&c| super::text::is_cjk(c))
        .take(100)
        .count();
    if han < 100 {
        return Err(FormatError::Html(format!(
            "found no report text in the page ({han} Chinese characters outside menus, \
             scripts and footers): open the page of the report itself, or save its text as .txt"
        )));
    }
    Ok(out)
}

/// The lines of the blocks that are not furniture, normalized, each with a blank line after
/// it.
fn report_lines(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks.iter().filter(|b| !is_furniture_line(b)) {
        let line = block
            .text
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{00A0}');
        super::push_line(&mut out, line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_meta_or_http_equiv() {
        let gbk =
            br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#;
        assert_eq!(declared(gbk).map(|e| e.name()), Some("GBK"));
        let utf8 = b"<!doctype html><meta charset='utf-8'>";
        assert_eq!(declared(utf8).map(|e| e.name()), Some("UTF-8"));
        assert_eq!(declared(b"<html><body>"), None);
        assert!(looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE html><p>", false));
        assert!(looks_like_html(b"<div>report</div>", true));
        assert!(!looks_like_html(
            "北河市2024年政府工作报告 <b>".as_bytes(),
            false
        ));
    }

    #[test]
    fn undeclared_gbk_is_detected() {
        let page =
            "<html><body><p>北河市2024年政府工作报告，地区生产总值增长5.5%左右。</p></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        assert!(decode(&bytes).contains("地区生产总值增长5.5%左右"));
    }
}
