//! Reading a dataset: from a file or bytes to a checked [`Dataset`], or every problem found,
//! each placed by file, line and column (plus the indicator id for problems of meaning).
//!
//! Loading never panics and reports every problem it can find at once.

use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::types::{Dataset, Indicator, Report, SCHEMA_VERSION};
use super::validate::{Fault, duplicate_id_fault, duplicate_ids, indicator_faults, report_faults};
use crate::files;

/// The schema versions the loader accepts.
pub const READ_SCHEMAS: [u32; 2] = [1, 2];

/// The curated Harbin dataset, compiled in so the binary works from any directory.
pub const BUNDLED_JSON: &str = include_str!("../../assets/indicators.json");
pub const BUNDLED_NAME: &str = "assets/indicators.json";
/// The report text of the bundled dataset, compiled in beside it so that its quotes can be
/// shown and checked from an installed binary.
pub const BUNDLED_TEXT: &str = include_str!("../../seeds/harbin-2024-government-work-report.txt");

/// One thing wrong with an input file, with as much of its place as is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub indicator: Option<String>,
    pub message: String,
}

/// Everything wrong with one file. Displayed as one `FILE:LINE:COLUMN: …` line per problem.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, p) in self.problems.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            write!(f, "{}", self.file)?;
            if let Some(line) = p.line {
                write!(f, ":{line}:{}", p.column.unwrap_or(1))?;
            }
            if let Some(id) = &p.indicator {
                write!(f, ": indicator {id}")?;
            }
            write!(f, ": {}", p.message)?;
        }
        Ok(())
    }
}

impl LoadError {
    /// One problem at a byte offset of the file's text.
    fn at(file: &str, text: &str, offset: usize, message: &str) -> LoadError {
        let (line, column) = line_column(text, offset);
        LoadError {
            file: file.to_owned(),
            problems: vec![Problem {
                line: Some(line),
                column: Some(column),
                indicator: None,
                message: message.to_owned(),
            }],
        }
    }

    /// Faults found in a loaded dataset, named by indicator id and field (no line: the
    /// dataset is no longer text).
    pub fn of_faults(file: &str, data: &Dataset, faults: Vec<Fault>) -> LoadError {
        LoadError {
            file: file.to_owned(),
            problems: faults
                .into_iter()
                .map(|f| Problem {
                    line: None,
                    column: None,
                    indicator: f
                        .indicator
                        .and_then(|n| data.indicators.get(n))
                        .map(|i| i.id.clone()),
                    message: f.to_string(),
                })
                .collect(),
        }
    }

    /// A problem with the file as a whole, with no line to point at.
    pub fn whole_file(file: &str, message: String) -> LoadError {
        LoadError {
            file: file.to_owned(),
            problems: vec![Problem {
                line: None,
                column: None,
                indicator: None,
                message,
            }],
        }
    }
}

/// Reads and validates a dataset file. The size is checked before the file is read.
pub fn load_path(path: &Path) -> Result<Dataset, LoadError> {
    let file = path.display().to_string();
    let bytes =
        files::read_limited(path).map_err(|e| LoadError::whole_file(&file, e.to_string()))?;
    load_bytes(&file, &bytes)
}

/// Decodes and validates a dataset held in memory; `file` names it in errors.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Dataset, LoadError> {
    files::check_size(bytes.len() as u64)
        .map_err(|e| LoadError::whole_file(file, e.to_string()))?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::whole_file(
            file,
            "file is UTF-16; save it as UTF-8".into(),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The valid prefix is UTF-8 by construction.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            return Err(LoadError::at(
                file,
                prefix,
                prefix.len(),
                "not valid UTF-8 text (a dataset must be UTF-8 JSON)",
            ));
        }
    };
    load_str(file, text)
}

/// The top level, with each indicator kept as raw text so that one bad indicator does not
/// hide the problems of the others.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset<'a> {
    schema_version: u32,
    #[serde(borrow)]
    report: &'a RawValue,
    #[serde(borrow)]
    indicators: Vec<&'a RawValue>,
}

/// A problem found while loading, placed by byte offset. Offsets become lines and columns
/// in one pass over the text at the end, so loading stays linear in the size of the file
/// however many indicators or problems it has.
struct Found {
    at: Option<usize>,
    indicator: Option<String>,
    message: String,
    /// A duplicate id: where the first indicator with that id starts.
    first_use: Option<usize>,
}

impl Found {
    fn whole(message: String) -> Found {
        Found {
            at: None,
            indicator: None,
            message,
            first_use: None,
        }
    }
}

/// Parses and validates dataset text; `file` names it in errors.
pub fn load_str(file: &str, text: &str) -> Result<Dataset, LoadError> {
    let start = text.len() - text.trim_start().len();
    if !text[start..].is_empty() && !text[start..].starts_with('{') {
        return Err(LoadError::at(
            file,
            text,
            start,
            "the top level must be a JSON object with schema_version, report and indicators",
        ));
    }
    let mut found = Vec::new();
    let raw: RawDataset = match serde_json::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            found.push(json_problem(text, 0, &e));
            return Err(place(file, text, found));
        }
    };
    if !READ_SCHEMAS.contains(&raw.schema_version) {
        found.push(Found::whole(format!(
            "schema_version is {}, but this app reads schemas 1 and 2",
            raw.schema_version
        )));
    }
    let report = parse_part::<Report>(text, raw.report, &mut found);
    let mut indicators = Vec::with_capacity(raw.indicators.len());
    let mut starts = Vec::with_capacity(raw.indicators.len());
    for part in &raw.indicators {
        if let Some(indicator) = parse_part::<Indicator>(text, part, &mut found) {
            starts.push(offset_in(text, part));
            indicators.push(indicator);
        }
    }
    check_dataset(report.as_ref(), &indicators, &starts, &mut found);
    match report {
        // Schema 2 is a superset: a schema 1 file is held (and written back) as schema 2.
        Some(report) if found.is_empty() => Ok(Dataset {
            schema_version: SCHEMA_VERSION,
            report,
            indicators,
        }),
        _ => Err(place(file, text, found)),
    }
}

/// Turns offsets into lines and columns, problems of the whole file first, then in the
/// order of the text.
fn place(file: &str, text: &str, found: Vec<Found>) -> LoadError {
    let offsets: Vec<usize> = found
        .iter()
        .flat_map(|f| f.at.into_iter().chain(f.first_use))
        .collect();
    let mut places = line_columns(text, &offsets).into_iter();
    let mut problems: Vec<Problem> = found
        .into_iter()
        .map(|f| {
            let (line, column) = f.at.and_then(|_| places.next()).unzip();
            let mut message = f.message;
            if let Some((first_line, _)) = f.first_use.and_then(|_| places.next()) {
                message.push_str(&format!(" (first used on line {first_line})"));
            }
            Problem {
                line,
                column,
                indicator: f.indicator,
                message,
            }
        })
        .collect();
    problems.sort_by_key(|p| (p.line.is_some(), p.line, p.column));
    LoadError {
        file: file.to_owned(),
        problems,
    }
}

fn parse_part<T: serde::de::DeserializeOwned>(
    text: &str,
    part: &RawValue,
    found: &mut Vec<Found>,
) -> Option<T> {
    serde_json::from_str(part.get())
        .map_err(|e| found.push(json_problem(text, offset_in(text, part), &e)))
        .ok()
}

/// Byte offset of a borrowed raw value inside the text it was parsed from.
fn offset_in(text: &str, part: &RawValue) -> usize {
    (part.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// A serde_json error in a slice starting at `base`, placed in the whole text.
fn json_problem(text: &str, base: usize, e: &serde_json::Error) -> Found {
    let slice = &text[base..];
    // serde_json counts lines from 1 and columns in bytes from 1 (0 right after a newline).
    let line_start: usize = slice
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let at = (base + line_start + e.column().saturating_sub(1)).min(text.len());
    let message = e.to_string();
    let message = match message.rsplit_once(" at line ") {
        Some((head, _)) => head.to_owned(),
        None => message,
    };
    Found {
        at: Some(at),
        indicator: None,
        message,
        first_use: None,
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    line_columns(text, &[offset])[0]
}

/// 1-based lines and columns (in characters) of byte offsets, in the order given, in one
/// pass over the text. An offset inside a character counts as that character.
fn line_columns(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&n| offsets[n]);
    let mut out = vec![(1, 1); offsets.len()];
    let (mut pos, mut line, mut column) = (0, 1, 1);
    for n in order {
        let mut to = offsets[n].min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let span = &text[pos..to];
        match span.rfind('\n') {
            Some(last) => {
                line += span.bytes().filter(|&b| b == b'\n').count();
                column = span[last + 1..].chars().count() + 1;
            }
            None => column += span.chars().count(),
        }
        pos = to;
        out[n] = (line, column);
    }
    out
}

/// The faults of a file being loaded, placed at the start of their indicator.
fn check_dataset(
    report: Option<&Report>,
    indicators: &[Indicator],
    starts: &[usize],
    found: &mut Vec<Found>,
) {
    if let Some(report) = report {
        found.extend(
            report_faults(report)
                .into_iter()
                .map(|f| Found::whole(f.to_string())),
        );
    }
    for (n, (indicator, &start)) in indicators.iter().zip(starts).enumerate() {
        found.extend(indicator_faults(n, indicator).into_iter().map(|f| Found {
            at: Some(start),
            indicator: Some(indicator.id.clone()),
            message: f.to_string(),
            first_use: None,
        }));
    }
    for (n, first) in duplicate_ids(indicators.iter().map(|i| i.id.as_str())) {
        found.push(Found {
            at: starts.get(n).copied(),
            indicator: indicators.get(n).map(|i| i.id.clone()),
            message: duplicate_id_fault(n).to_string(),
            first_use: starts.get(first).copied(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_errors_inside_indicators_in_the_whole_file() {
        let text = "{\"schema_version\": 1,\n \"report\": {\"title_zh\": \"t\", \"region_zh\": \"r\"},\n \"indicators\": [\n  {\"id\": \"a\", \"name_zh\": \"甲\", \"category\": \"economy\", \"unit_zh\": \"%\",\n   \"observations\": [{\"year\": \"2023\"}]}\n ]}";
        let err = load_str("x.json", text).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        let p = &err.problems[0];
        assert_eq!((p.line, p.column), (Some(5), Some(35)), "{err}");
        assert!(p.message.contains("invalid type"), "{err}");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\n地区x", 9), (2, 3));
        assert_eq!(line_column("ab\n地区x", 8), (2, 2));
        assert_eq!(line_column("", 0), (1, 1));
    }
}
