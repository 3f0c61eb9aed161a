//! Text helpers that reading a report's file ([`crate::formats`]) and drafting from its text
//! ([`crate::extract`]) both use: the report's bytes decoded, radicals and compatibility
//! ideographs unified, word lists as automata, two halves of a long text read at once.

mod decode;
mod unified_table;

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

pub use decode::{DecodeError, decode};

/// One automaton for a word list, to build once (in a `LazyLock`): it finds every word of
/// the list in one pass over a text, where `str::find` scans the text once per word, and
/// the same words are looked for in every clause of a report.
pub(crate) fn automaton(words: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("a word list of the extractor is far below the automaton's size limits")
}

thread_local! {
    /// Set on a thread that is one of several working through many reports: the cores are
    /// busy already, and a thread per report would only cost its start.
    static CORES_BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `work` with [`in_parallel`] on this thread running both halves itself.
pub fn with_cores_busy<R>(work: impl FnOnce() -> R) -> R {
    let was = CORES_BUSY.replace(true);
    let result = work();
    CORES_BUSY.set(was);
    result
}

/// Runs `first` here and `second` on another thread at the same time, and returns both
/// results: the two halves of a long report are read at once. On a thread of a many-report
/// run ([`with_cores_busy`]) both run here, one after the other.
pub(crate) fn in_parallel<A, B: Send>(
    first: impl FnOnce() -> A,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    if CORES_BUSY.get() {
        return (first(), second());
    }
    std::thread::scope(|scope| {
        let second = scope.spawn(second);
        let first = first();
        match second.join() {
            Ok(second) => (first, second),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The unified ideograph a Kangxi radical (⼀ U+2F00), a CJK radical (⻓ U+2ED3) or a CJK
/// compatibility ideograph (U+F900…) stands for, else `c`: PDFs printed by browsers carry
/// radicals where the font draws one glyph for both, and then no word of the report matches.
/// From Unicode's own data (`unified_table.rs`, made by `make-unified-table.py`). The same
/// PDFs give the horizontal bar ― (U+2015) for the em dash — of a Chinese font: the dash.
/// Inlined: asked of every character of a report.
#[inline]
pub fn unified(c: char) -> char {
    if !may_unify(c) {
        return c;
    }
    if c == '\u{2015}' {
        return '\u{2014}';
    }
    unified_table::UNIFIED
        .binary_search_by_key(&c, |&(from, _)| from)
        .ok()
        .and_then(|i| unified_table::UNIFIED.get(i))
        .map_or(c, |&(_, to)| to)
}

/// Where the first character [`unified`] changes is in `text`. Only the lead bytes of the
/// blocks it maps from are looked at (E2 for ― and the radicals, EF for the compatibility
/// ideographs, F0 for their supplement), never those of Chinese characters (E4 to E9).
fn first_to_unify(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        // A lead byte (never a continuation byte, 80–BF): `at` starts a character.
        let at = from + memchr::memchr3(0xE2, 0xEF, 0xF0, bytes.get(from..)?)?;
        let c = text.get(at..)?.chars().next()?;
        if unified(c) != c {
            return Some(at);
        }
        from = at + 1;
    }
}

/// Whether `c` is in a block [`unified`] maps from: one comparison for almost every
/// character of a report.
#[inline]
fn may_unify(c: char) -> bool {
    matches!(c, '\u{2015}' | '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}')
}

/// `text` with every character [`unified`]; borrowed when there is nothing to change (as in
/// almost every report).
pub fn unify(text: &str) -> Cow<'_, str> {
    match first_to_unify(text) {
        None => Cow::Borrowed(text),
        Some(at) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(text.get(..at).unwrap_or(""));
            out.extend(text.get(at..).unwrap_or("").chars().map(unified));
            Cow::Owned(out)
        }
    }
}

/// A name or unit as compared: no whitespace, full-width forms and Chinese punctuation
/// folded to their ASCII counterparts, so 中小学、幼儿园 and 中小学,幼儿园 agree.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '、' => ',',
            '。' => '.',
            '〔' | '【' => '(',
            '〕' | '】' => ')',
            '“' | '”' | '「' | '」' | '『' | '』' => '"',
            '‘' | '’' => '\'',
            '—' | '–' => '-',
            '·' | '・' => '.',
            _ => c,
        })
        .collect()
}

/// Strings seen lately and what was made of them (see [`remembered`]).
pub(crate) type Seen<T> = std::cell::RefCell<FastMap<String, T>>;

/// A hash map with a fast hash, for the extractor's maps of short strings from a report.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// A hash set with the same fast hash (see [`FastMap`]).
pub(crate) type FastSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// `make(text)`, remembered per thread for the strings seen lately: for the pure functions
/// of names that the extractor's rules ask after several times for one figure.
pub(crate) fn remembered<T: Clone>(
    seen: &'static std::thread::LocalKey<Seen<T>>,
    text: &str,
    make: impl FnOnce(&str) -> T,
) -> T {
    seen.with_borrow_mut(|seen| {
        if let Some(found) = seen.get(text) {
            return found.clone();
        }
        // A bound on the memory a long run of many reports can hold.
        if seen.len() >= 4096 {
            seen.clear();
        }
        let found = make(text);
        seen.insert(text.to_owned(), found.clone());
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_run_on_this_thread_only_when_the_cores_are_busy() {
        let here = std::thread::current().id();
        let other = || std::thread::current().id();
        assert_ne!(in_parallel(|| (), other).1, here);
        assert_eq!(with_cores_busy(|| in_parallel(|| (), other)).1, here);
        // Only for the work given.
        assert_ne!(in_parallel(|| (), other).1, here);
    }

    #[test]
    fn radicals_and_compatibility_ideographs_unify() {
        // As Chromium's PDFs give them: ⻓ (CJK Radicals Supplement), ⼯ ⼀ (Kangxi Radicals).
        assert_eq!(
            unify("⻓春市2025年政府⼯作报告 ⼀、2024年⼯作回顾"),
            "长春市2025年政府工作报告 一、2024年工作回顾"
        );
        // A Kangxi radical in a simplified-Chinese report: 户 (its ideograph 戶 simplified).
        assert_eq!(unify("惠及市场主体13万⼾次"), "惠及市场主体13万户次");
        assert_eq!(unified('\u{2015}'), '—');
        // CJK Compatibility Ideographs: U+F900 豈 → U+8C48, U+2F800 → U+4E3D.
        assert_eq!(unified('\u{F900}'), '\u{8C48}');
        assert_eq!(unified('\u{2F800}'), '\u{4E3D}');
        // The unified ideographs among the compatibility block (U+FA0E 﨎) stay.
        assert_eq!(unified('\u{FA0E}'), '\u{FA0E}');
        // A radical Unicode gives no equivalent for (U+2E80) stays.
        assert_eq!(unified('\u{2E80}'), '\u{2E80}');
        // Every Kangxi radical has its ideograph.
        for c in '\u{2F00}'..='\u{2FD5}' {
            assert!(('\u{4E00}'..='\u{9FFF}').contains(&unified(c)), "{c}");
        }
        assert!(matches!(unify("地区生产总值增长5%"), Cow::Borrowed(_)));
        // Characters that share the first byte of those that unify (E2, EF, F0) but stay.
        assert!(matches!(unify("——“增长”，（5％）😀"), Cow::Borrowed(_)));
        assert_eq!(unify("——“增长”，（5％）😀⼀―"), "——“增长”，（5％）😀一—");
    }
}
