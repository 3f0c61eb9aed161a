//! The report as normalized characters with a map back to the original bytes.
//!
//! Parsing works on one alphabet (full-width digits and signs folded to ASCII, radicals to
//! ideographs), while every quote is cut from the original text through `offsets`, so it
//! stays verbatim. (Reports read through [`crate::formats`] are unified already, so their
//! quotes hold the ideographs.)

pub(crate) use crate::text_util::automaton;

/// Which end of a text [`strip_words`] strips.
#[derive(Clone, Copy)]
pub(crate) enum Edge {
    Start,
    End,
}

/// `s` without each of `words` in turn at one `edge` (one may uncover the next).
/// `edge_chars` are the words' [`first_chars`] (or [`last_chars`] for the end): a text with
/// none of them at that edge is left as it is without trying each word.
pub(crate) fn strip_words<'s, W: AsRef<str>>(
    mut s: &'s str,
    words: impl IntoIterator<Item = W>,
    edge: Edge,
    edge_chars: &[char],
) -> &'s str {
    let c = match edge {
        Edge::Start => s.chars().next(),
        Edge::End => s.chars().next_back(),
    };
    if c.is_none_or(|c| edge_chars.binary_search(&c).is_err()) {
        return s;
    }
    for w in words {
        let (w, n) = (w.as_ref().as_bytes(), w.as_ref().len());
        // Byte by byte: most words differ at their first bytes, where a call to memcmp per
        // word would cost more than the comparison.
        s = match edge {
            Edge::Start if s.len() >= n && s.bytes().zip(w).all(|(a, b)| a == *b) => {
                s.get(n..).unwrap_or("")
            }
            Edge::End
                if s.len() >= n && s.bytes().rev().zip(w.iter().rev()).all(|(a, b)| a == *b) =>
            {
                s.get(..s.len() - n).unwrap_or("")
            }
            _ => s,
        };
    }
    s
}

/// The first characters of a word list's words, sorted for `binary_search`: a text at a
/// character that is none of them starts no word of the list, without trying each.
pub(crate) fn first_chars<W: AsRef<str>>(words: impl IntoIterator<Item = W>) -> Vec<char> {
    sorted_set(words.into_iter().filter_map(|w| w.as_ref().chars().next()))
}

/// The last characters of a word list's words, sorted (see [`first_chars`]).
pub(crate) fn last_chars<W: AsRef<str>>(words: impl IntoIterator<Item = W>) -> Vec<char> {
    sorted_set(
        words
            .into_iter()
            .filter_map(|w| w.as_ref().chars().next_back()),
    )
}

fn sorted_set(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut chars: Vec<char> = chars.collect();
    chars.sort_unstable();
    chars.dedup();
    chars
}

/// Normalized characters of a text and the byte offset of each in the original.
pub(crate) struct Norm<'a> {
    src: &'a str,
    pub chars: Vec<char>,
    /// `offsets[i]` is the byte offset of `chars[i]` in `src`; one extra entry is `src.len()`.
    offsets: Vec<usize>,
}

impl<'a> Norm<'a> {
    pub fn new(src: &'a str) -> Norm<'a> {
        let count = src.chars().count();
        let mut chars = Vec::with_capacity(count);
        let mut offsets = Vec::with_capacity(count + 1);
        for (i, c) in src.char_indices() {
            chars.push(fold(c));
            offsets.push(i);
        }
        offsets.push(src.len());
        Norm {
            src,
            chars,
            offsets,
        }
    }

    /// The original text of characters `a..b`, verbatim (empty if out of range).
    pub fn original(&self, a: usize, b: usize) -> &'a str {
        let start = self.offsets.get(a).copied().unwrap_or(self.src.len());
        let end = self.offsets.get(b).copied().unwrap_or(self.src.len());
        self.src.get(start..end.max(start)).unwrap_or("")
    }
}

/// Folds full-width digits, letters and number signs to ASCII, CR to LF, and radicals and
/// compatibility ideographs to their unified ideographs, one char for one.
fn fold(c: char) -> char {
    // Most characters of a report: Chinese characters, which fold to themselves.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return c;
    }
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '％' => '%',
        '．' => '.',
        '－' | '−' => '-',
        '＋' => '+',
        '～' | '〜' => '~',
        '／' => '/',
        '\u{3000}' | '\u{00A0}' | '\u{FEFF}' => ' ',
        '\r' => '\n',
        _ => crate::text_util::unified(c),
    }
}

/// The character at `i`, or NUL past the end: lets scanners look ahead without bounds checks.
pub(crate) fn at(chars: &[char], i: usize) -> char {
    chars.get(i).copied().unwrap_or('\0')
}

/// `chars[a..b]`, clamped to the slice.
pub(crate) fn seg(chars: &[char], a: usize, b: usize) -> &[char] {
    let b = b.min(chars.len());
    chars.get(a.min(b)..b).unwrap_or(&[])
}

pub(crate) fn string(chars: &[char], a: usize, b: usize) -> String {
    let chars = seg(chars, a, b);
    // Sized up front: collecting reserves one byte a character, and Chinese takes three.
    let mut out = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    out.extend(chars);
    out
}

/// Whether `pat` occurs in `chars` starting at `i`.
pub(crate) fn is_at(chars: &[char], i: usize, pat: &str) -> bool {
    (i..)
        .zip(pat.chars())
        .all(|(k, p)| chars.get(k) == Some(&p))
}

pub(crate) fn len(pat: &str) -> usize {
    pat.chars().count()
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// A four-digit year followed by 年 at `i`, within the plausible range of the schema.
pub(crate) fn year_at(chars: &[char], i: usize) -> Option<i32> {
    // Asked at every character of a report: most are not a digit.
    if !at(chars, i).is_ascii_digit() || i > 0 && at(chars, i - 1).is_ascii_digit() {
        return None;
    }
    let digits = seg(chars, i, i + 4);
    if digits.len() != 4 || !digits.iter().all(char::is_ascii_digit) || at(chars, i + 4) != '年' {
        return None;
    }
    let year = digits
        .iter()
        .fold(0i32, |y, d| y * 10 + d.to_digit(10).unwrap_or(0) as i32);
    (1949..=2100).contains(&year).then_some(year)
}

/// Every `YYYY年` in `chars[a..b]`.
pub(crate) fn years_in(chars: &[char], a: usize, b: usize) -> Vec<i32> {
    (a..b.min(chars.len()))
        .filter(|&i| at(chars, i).is_ascii_digit())
        .filter_map(|i| year_at(chars, i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_but_quotes_the_original() {
        let n = Norm::new("增长６．５％，\r\n");
        assert_eq!(string(&n.chars, 0, n.chars.len()), "增长6.5%，\n\n");
        assert_eq!(n.original(2, 6), "６．５％");
        assert_eq!(n.original(5, 99), "％，\r\n");
    }

    #[test]
    fn radicals_read_as_ideographs() {
        let n = Norm::new("⼀、2023年⼯作回顾");
        assert_eq!(string(&n.chars, 0, n.chars.len()), "一、2023年工作回顾");
        assert_eq!(n.original(0, 1), "⼀");
    }

    #[test]
    fn finds_years() {
        let c: Vec<char> = "一、2023年工作回顾 12023年 1800年".chars().collect();
        assert_eq!(years_in(&c, 0, c.len()), vec![2023]);
    }
}
