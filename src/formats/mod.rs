//! Reports as they are published — plain text, HTML pages, Word .docx, PDFs — to one
//! normalized report text that the extractor reads and every quote is cut from.
//!
//! The format is told by content (magic bytes, markup), the extension only breaks ties.
//! The crates do the parsing (scraper, zip + quick-xml, pdf-extract); this module adds only
//! the cleanup they don't: page furniture, hard line wraps (in PDFs and in text copied from
//! them), a newspaper's jumps between pages, Word-style spaces, and radicals where a
//! browser's PDF meant ideographs ([`crate::text_util::unify`]).

pub mod docx;
mod html;
mod lines;
mod pdf;
mod text;

use std::borrow::Cow;
use std::path::Path;

use crate::files::{self, TooLarge};
use crate::model::SourceFormat;
use crate::text_util::{self, DecodeError};

pub use text::join_cjk_spaces;

/// A report's text as the extractor reads it, and the format it came in.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalized {
    pub text: String,
    pub format: SourceFormat,
}

/// Why a file could not be read as a report. Each message says what is wrong and what to do.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error(transparent)]
    TooLarge(#[from] TooLarge),
    #[error("the report is empty: there is no text to extract from")]
    Empty,
    #[error("not a report: {0}")]
    Unknown(String),
    #[error("HTML page: {0}")]
    Html(String),
    #[error("Word file: {0}")]
    Docx(String),
    #[error(
        "Word file: a zip bomb: its entries would decompress to {total} bytes \
         (limit {limit}) at a ratio of {ratio:.0} to 1 (limit 100); nothing was inflated"
    )]
    ZipBomb { total: u64, limit: u64, ratio: f64 },
    #[error("PDF: {0}")]
    Pdf(String),
    #[error(
        "PDF: it has no text layer (a scanned document?): run it through OCR \
         (for example ocrmypdf) and open the result"
    )]
    Scanned,
    #[error("PDF: it is encrypted (password-protected): save an unprotected copy and open that")]
    Encrypted,
}

/// Tells the format of report bytes from their content; `path` only decides between HTML and
/// text when the markup is not obvious.
pub fn detect(bytes: &[u8], path: Option<&Path>) -> Result<SourceFormat, FormatError> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(SourceFormat::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(SourceFormat::Docx);
    }
    if let Some(kind) = known_binary(bytes) {
        return Err(FormatError::Unknown(format!(
            "it is {kind}; reports are read from .txt, .html, .docx and .pdf files"
        )));
    }
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let html_ext = matches!(ext.as_deref(), Some("html" | "htm" | "xhtml"));
    if html::looks_like_html(bytes, html_ext) {
        return Ok(SourceFormat::Html);
    }
    Ok(SourceFormat::Txt)
}

/// Binary formats people may pick by mistake, named so the error can say what the file is.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Word .doc (or other OLE) file: save it as .docx",
        ),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"Rar!", "a RAR archive"),
        (b"\x7FELF", "a program (ELF)"),
        (b"MZ", "a Windows program"),
        (b"{\\rtf", "an RTF document: save it as .docx"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

/// Reads a report of any supported format to its normalized text.
pub fn read(bytes: &[u8], path: Option<&Path>) -> Result<Normalized, FormatError> {
    files::check_size(bytes.len() as u64)?;
    let format = detect(bytes, path)?;
    let raw = match format {
        SourceFormat::Pdf => {
            // A glyph with no Unicode of its own (an emoji in a browser's PDF) reads as U+0000.
            let mut text = pdf::read(bytes)?;
            text.retain(|c| !c.is_control() || matches!(c, '\n' | '\t'));
            text
        }
        SourceFormat::Docx => docx::read(bytes)?,
        // Normalized line by line as it is made: one pass less over a long page.
        SourceFormat::Html => {
            return Ok(Normalized {
                text: html::read(bytes)?,
                format,
            });
        }
        SourceFormat::Txt | SourceFormat::Paste => {
            text_util::decode(bytes).map_err(|e| match e {
                DecodeError::NotText(why) => FormatError::Unknown(format!(
                    "{why}; reports are read from .txt, .html, .docx and .pdf files"
                )),
                DecodeError::Empty => FormatError::Empty,
                DecodeError::TooLarge(too_large) => FormatError::TooLarge(too_large),
            })?
        }
    };
    Ok(Normalized {
        text: normalize(&raw),
        format,
    })
}

/// Normalizes text that was pasted or already decoded.
pub fn read_text(text: &str) -> String {
    normalize(text)
}

/// The normalization every format but HTML shares: line ends, paragraphs broken by a page
/// rejoined, Word-style spaces, trailing blanks, radicals and compatibility ideographs as
/// their unified ideographs.
fn normalize(text: &str) -> String {
    let text = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let text = lines::rejoin(&text);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        push_line(&mut out, line);
    }
    out
}

/// Appends one line of a text (without its end) as [`normalize`] makes it: radicals
/// unified, Word-style spaces joined, trailing blanks dropped, a line end.
fn push_line(out: &mut String, line: &str) {
    let start = out.len();
    text::push_joined(out, &text_util::unify(line));
    let kept = out.get(start..).map_or(0, |l| l.trim_end().len());
    out.truncate(start + kept);
    out.push('\n');
}
