//! Bytes to text: the encodings reports are published in, and a clear refusal of anything else.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use super::ExtractError;

/// Decodes report bytes: UTF-8 with/without BOM, UTF-16 LE/BE with BOM, GBK/GB18030
/// (encoding_rs, already a dependency); CRLF → LF; never panics.
///
/// Without a BOM, UTF-8 is tried first (a valid UTF-8 Chinese text is almost never valid
/// GB18030 by accident, and the reverse is rare too), then BOM-less UTF-16 when the NUL bytes
/// all sit on one parity, then GB18030 (a superset of GBK and GB2312).
pub fn decode(bytes: &[u8]) -> Result<String, ExtractError> {
    crate::files::check_size(bytes.len() as u64)?;
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let text: Cow<str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(text) => Cow::Borrowed(text),
            Err(e) => {
                return Err(ExtractError::NotText(format!(
                    "it starts with a UTF-8 byte-order mark but byte {} is not valid UTF-8",
                    e.valid_up_to() + 3
                )));
            }
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        strict(UTF_16LE, rest).ok_or_else(|| bad_utf16("little-endian"))?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        strict(UTF_16BE, rest).ok_or_else(|| bad_utf16("big-endian"))?
    } else if let Some(text) = std::str::from_utf8(bytes)
        .ok()
        .filter(|t| !t.contains('\0'))
    {
        Cow::Borrowed(text)
    } else if let Some(text) = sniff_utf16(bytes) {
        text
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        // UTF-8 with NUL bytes: refused below with a message that says so.
        Cow::Borrowed(text)
    } else if let Some(text) = strict(GB18030, bytes) {
        text
    } else {
        return Err(ExtractError::NotText(
            "it is neither UTF-8, UTF-16 nor GBK/GB18030 text (binary data?)".into(),
        ));
    };
    check_text(&text)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text
        .strip_prefix('\u{FEFF}')
        .map(str::to_owned)
        .unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    Ok(text)
}

/// Decodes without replacement characters: `None` when any byte sequence is invalid.
fn strict<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Option<Cow<'a, str>> {
    encoding.decode_without_bom_handling_and_without_replacement(bytes)
}

fn bad_utf16(order: &str) -> ExtractError {
    ExtractError::NotText(format!(
        "it starts with a UTF-16 {order} byte-order mark but is not valid UTF-16"
    ))
}

/// UTF-16 without a BOM: the ASCII characters (digits, newlines) put NUL bytes on odd
/// positions (little-endian) or on even ones (big-endian); the few CJK characters with a zero
/// low byte (一 U+4E00) put some on the other side, so the side with most of them wins.
fn sniff_utf16(bytes: &[u8]) -> Option<Cow<'_, str>> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        if let [a, b] = pair {
            even += usize::from(*a == 0);
            odd += usize::from(*b == 0);
        }
    }
    let encoding = if odd > 0 && odd >= 4 * even {
        UTF_16LE
    } else if even > 0 && even >= 4 * odd {
        UTF_16BE
    } else {
        return None;
    };
    strict(encoding, bytes).filter(|t| !t.contains('\0'))
}

/// Refuses NUL characters and a text made mostly of control characters: a binary file that
/// happens to decode.
fn check_text(text: &str) -> Result<(), ExtractError> {
    if text.contains('\0') {
        return Err(ExtractError::NotText(
            "it contains NUL bytes (binary data, or UTF-16 without a byte-order mark)".into(),
        ));
    }
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            control += 1;
        }
    }
    if control * 100 > total {
        return Err(ExtractError::NotText(format!(
            "{control} of its {total} characters are control characters (binary data?)"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "一、2023年工作回顾\n地区生产总值增长５％。\n";

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        out
    }

    #[test]
    fn decodes_every_supported_encoding() {
        let crlf = TEXT.replace('\n', "\r\n");
        assert_eq!(decode(crlf.as_bytes()).unwrap(), TEXT);
        let bom = [b"\xEF\xBB\xBF".as_slice(), TEXT.as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap(), TEXT);
        for (le, bom) in [(true, true), (false, true), (true, false), (false, false)] {
            assert_eq!(decode(&utf16(&crlf, le, bom)).unwrap(), TEXT, "{le} {bom}");
        }
        let (gbk, _, bad) = encoding_rs::GBK.encode(&crlf);
        assert!(!bad);
        assert_eq!(decode(&gbk).unwrap(), TEXT);
    }

    #[test]
    fn refuses_what_is_not_text() {
        assert!(matches!(decode(b""), Err(ExtractError::Empty)));
        assert!(matches!(decode(b" \r\n\t"), Err(ExtractError::Empty)));
        assert!(matches!(decode(b"abc\0def"), Err(ExtractError::NotText(_))));
        assert!(matches!(
            decode(b"\x80\x81\xff"),
            Err(ExtractError::NotText(_))
        ));
        assert!(matches!(
            decode(b"\xEF\xBB\xBF\xff"),
            Err(ExtractError::NotText(_))
        ));
        assert!(matches!(
            decode(b"\xFF\xFE\x00"),
            Err(ExtractError::NotText(_))
        ));
        let controls = "\u{1}\u{2}\u{3}abc".as_bytes();
        assert!(matches!(decode(controls), Err(ExtractError::NotText(_))));
    }
}
