//! Word .docx: the body's paragraphs in order, headings as lines, tables one row per line.
//! Sizes are checked from the zip directory before anything is inflated.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use super::FormatError;
use crate::files::MAX_FILE_BYTES;

/// Most a well-formed entry inflates to per compressed byte; XML rarely passes 20.
const MAX_RATIO: f64 = 100.0;

fn corrupt(e: zip::result::ZipError) -> FormatError {
    FormatError::Docx(format!(
        "the file is corrupt or truncated ({e}): open it in Word and save it again"
    ))
}

pub(super) fn read(bytes: &[u8]) -> Result<String, FormatError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    check_sizes(&mut zip)?;
    let mut entry = zip.by_name("word/document.xml").map_err(|e| match e {
        zip::result::ZipError::FileNotFound => FormatError::Docx(
            "a zip archive without word/document.xml: not a Word .docx document".into(),
        ),
        e => corrupt(e),
    })?;
    let declared = entry.size();
    let mut xml = Vec::with_capacity(declared.min(MAX_FILE_BYTES) as usize);
    // The directory may lie about sizes: never inflate past what it declared.
    (&mut entry)
        .take(declared + 1)
        .read_to_end(&mut xml)
        .map_err(|e| {
            FormatError::Docx(format!(
                "word/document.xml is corrupt or truncated ({e}): open it in Word and save it again"
            ))
        })?;
    if xml.len() as u64 > declared {
        return Err(FormatError::Docx(
            "word/document.xml inflates to more than its declared size: corrupt or hostile file"
                .into(),
        ));
    }
    paragraphs(&xml)
}

/// Refuses archives that would inflate past the limit, in total or by ratio.
fn check_sizes(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<(), FormatError> {
    let (mut total, mut packed) = (0u64, 0u64);
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(corrupt)?;
        total = total.saturating_add(entry.size());
        packed = packed.saturating_add(entry.compressed_size());
    }
    let ratio = total as f64 / packed.max(1) as f64;
    if total > MAX_FILE_BYTES || (ratio > MAX_RATIO && total > 1 << 20) {
        return Err(FormatError::ZipBomb {
            total,
            limit: MAX_FILE_BYTES,
            ratio,
        });
    }
    Ok(())
}

/// Where a run of text goes.
#[derive(Default)]
struct Body {
    out: String,
    line: String,
    /// Inside a table cell: paragraphs join with a space, cells with a tab.
    cell_depth: usize,
    row: Vec<String>,
    /// Inside text that is not shown (deleted runs, field codes, fallback copies).
    hidden: usize,
    in_text: bool,
}

impl Body {
    fn end_paragraph(&mut self) {
        if self.cell_depth > 0 {
            if !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            return;
        }
        let line = std::mem::take(&mut self.line);
        if !line.trim().is_empty() {
            self.out.push_str(line.trim_end());
            self.out.push_str("\n\n");
        }
    }
}

/// The character an entity (`&amp;`) or character reference (`&#x4E00;`) in XML text stands
/// for; `None` for an entity XML does not define.
pub fn entity_char(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    let name = r.decode().unwrap_or_default();
    match name.as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => r.resolve_char_ref().ok().flatten(),
    }
}

fn paragraphs(xml: &[u8]) -> Result<String, FormatError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut body = Body::default();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            FormatError::Docx(format!(
                "word/document.xml is not well-formed at byte {}: {e}",
                reader.buffer_position()
            ))
        })?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => body.in_text = true,
                b"delText" | b"instrText" | b"Fallback" => body.hidden += 1,
                b"tc" => body.cell_depth += 1,
                b"tr" if body.cell_depth == 0 => body.row.clear(),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" if body.hidden == 0 => body.line.push('\t'),
                b"br" | b"cr" if body.hidden == 0 => body.line.push(' '),
                b"p" => body.end_paragraph(),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => body.in_text = false,
                b"delText" | b"instrText" | b"Fallback" => {
                    body.hidden = body.hidden.saturating_sub(1)
                }
                b"p" => body.end_paragraph(),
                b"tc" => {
                    body.cell_depth = body.cell_depth.saturating_sub(1);
                    if body.cell_depth == 0 {
                        let cell = std::mem::take(&mut body.line);
                        body.row.push(cell.trim().to_owned());
                    }
                }
                b"tr" if body.cell_depth == 0 => {
                    let row = std::mem::take(&mut body.row);
                    if row.iter().any(|c| !c.is_empty()) {
                        body.out.push_str(&row.join("\t"));
                        body.out.push_str("\n\n");
                    }
                }
                _ => {}
            },
            Event::Text(t) if body.in_text && body.hidden == 0 => {
                let text = t.decode().map_err(|e| {
                    FormatError::Docx(format!("word/document.xml has bad text: {e}"))
                })?;
                body.line.push_str(&text);
            }
            Event::GeneralRef(r) if body.in_text && body.hidden == 0 => {
                body.line.extend(entity_char(&r));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    body.end_paragraph();
    if body.out.trim().is_empty() {
        return Err(FormatError::Docx("the document has no text".into()));
    }
    Ok(body.out)
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn paragraphs_rows_and_hidden_text() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、工作回顾</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">增长 </w:t></w:r><w:del><w:r><w:delText>9%</w:delText></w:r></w:del><w:r><w:t>5%&amp;</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>目标</w:t></w:r></w:p><w:p><w:r><w:t>（预期）</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>地区生产总值</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>增长6%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml.as_bytes()).unwrap(),
            "一、工作回顾\n\n增长 5%&\n\n指标\t目标 （预期）\n\n地区生产总值\t增长6%\n\n"
        );
    }
}
