//! Reading a dataset: from a file or bytes to a checked [`Dataset`], or every problem found,
//! each placed by file, line and column (plus the indicator id for problems of meaning).
//!
//! Loading never panics and reports every problem it can find at once.

use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::types::{Dataset, Indicator, Report, SCHEMA_VERSION};
use super::validate::{Fault, duplicate_id_fault, duplicate_ids, indicator_faults, report_faults};
use crate::files::{self, IoProblem, ReadError};
use crate::i18n::{Texts, fill};

/// The schema versions the loader accepts.
pub const READ_SCHEMAS: [u32; 2] = [1, 2];

/// The curated Harbin dataset, compiled in so the binary works from any directory.
pub const BUNDLED_JSON: &str = include_str!("../../assets/indicators.json");
pub const BUNDLED_NAME: &str = "assets/indicators.json";
/// The report text of the bundled dataset, compiled in beside it so that its quotes can be
/// shown and checked from an installed binary.
pub const BUNDLED_TEXT: &str = include_str!("../../seeds/harbin-2024-government-work-report.txt");

/// What is wrong with an input file, with what the message needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// The file could not be read at all.
    File(ReadError),
    Utf16,
    NotUtf8,
    NotObject,
    /// serde_json's words for what it could not read.
    Json {
        class: JsonClass,
        detail: String,
    },
    Schema {
        found: u32,
    },
    /// A rule of meaning; for a duplicate id, the line its first use is on.
    Fault {
        fault: Fault,
        first_line: Option<usize>,
    },
    /// A report that could not be read or drafted.
    Report(ReportProblem),
    NoFile,
    /// A folder given to open that could not be listed, or holds nothing to open.
    FolderUnreadable(IoProblem),
    EmptyFolder,
}

/// Why a report could not be read or drafted: said in the user's language, with a reader's
/// own (English) words only where a library gives nothing better.
#[derive(Clone, Debug, PartialEq)]
pub enum ReportProblem {
    Empty,
    TooLarge(crate::files::TooLarge),
    NoYears,
    NoFigures {
        review: i32,
        plan: i32,
    },
    Scanned,
    Encrypted,
    ZipBomb {
        total: u64,
        limit: u64,
        ratio: f64,
    },
    /// What the format's reader said (a damaged Word file or PDF, an unknown format).
    Reader(String),
}

impl ReportProblem {
    pub fn message(&self, t: &Texts) -> String {
        let m = t.messages;
        match self {
            ReportProblem::Empty => m.report_empty.to_owned(),
            ReportProblem::TooLarge(e) => e.message(t),
            ReportProblem::NoYears => m.report_no_years.to_owned(),
            ReportProblem::NoFigures { review, plan } => {
                fill(m.report_no_figures, &[("review", review), ("plan", plan)])
            }
            ReportProblem::Scanned => m.report_scanned.to_owned(),
            ReportProblem::Encrypted => m.report_encrypted.to_owned(),
            ReportProblem::ZipBomb {
                total,
                limit,
                ratio,
            } => fill(
                m.report_zip_bomb,
                &[
                    ("total", total),
                    ("limit", limit),
                    ("ratio", &format!("{ratio:.0}")),
                ],
            ),
            ReportProblem::Reader(detail) => detail.clone(),
        }
    }
}

/// How far serde_json got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonClass {
    Syntax,
    Eof,
    Data,
}

impl Issue {
    pub fn message(&self, t: &Texts) -> String {
        let m = t.messages;
        match self {
            Issue::File(e) => e.message(t),
            Issue::Utf16 => m.utf16.to_owned(),
            Issue::NotUtf8 => m.not_utf8.to_owned(),
            Issue::NotObject => m.not_object.to_owned(),
            Issue::Json { class, detail } => {
                let template = match class {
                    JsonClass::Syntax => m.json_syntax,
                    JsonClass::Eof => m.json_eof,
                    JsonClass::Data => m.json_data,
                };
                fill(template, &[("detail", detail)])
            }
            Issue::Schema { found } => fill(m.schema, &[("found", found)]),
            Issue::Fault { fault, first_line } => {
                let mut out = fault.message(t);
                if let Some(line) = first_line {
                    out.push_str(&fill(m.first_used, &[("line", line)]));
                }
                out
            }
            Issue::Report(problem) => fill(m.report_unreadable, &[("detail", &problem.message(t))]),
            Issue::NoFile => m.no_file.to_owned(),
            Issue::FolderUnreadable(why) => fill(m.folder_unreadable, &[("why", &why.message(t))]),
            Issue::EmptyFolder => m.empty_folder.to_owned(),
        }
    }
}

/// One thing wrong with an input file, with as much of its place as is known.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub indicator: Option<String>,
    pub issue: Issue,
}

impl Problem {
    /// `FILE:LINE:COLUMN: indicator ID: what is wrong` (in Chinese `FILE：第 L 行第 C 列：…`).
    pub fn message(&self, file: &str, t: &Texts) -> String {
        let mut out = match self.line {
            Some(line) => fill(
                t.messages.file_line,
                &[
                    ("file", &file),
                    ("line", &line),
                    ("column", &self.column.unwrap_or(1)),
                ],
            ),
            None => file.to_owned(),
        };
        if let Some(id) = &self.indicator {
            out.push_str(t.colon);
            out.push_str(&fill(t.messages.place_indicator, &[("id", id)]));
        }
        out.push_str(t.colon);
        out.push_str(&self.issue.message(t));
        out
    }
}

/// Everything wrong with one file: one `FILE:LINE:COLUMN: …` line per problem.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    pub fn message(&self, t: &Texts) -> String {
        let lines: Vec<String> = self
            .problems
            .iter()
            .map(|p| p.message(&self.file, t))
            .collect();
        lines.join("\n")
    }

    /// One problem at a byte offset of the file's text.
    fn at(file: &str, text: &str, offset: usize, issue: Issue) -> LoadError {
        let (line, column) = line_column(text, offset);
        LoadError {
            file: file.to_owned(),
            problems: vec![Problem {
                line: Some(line),
                column: Some(column),
                indicator: None,
                issue,
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
                .map(|fault| Problem {
                    line: None,
                    column: None,
                    indicator: fault
                        .indicator
                        .and_then(|n| data.indicators.get(n))
                        .map(|i| i.id.clone()),
                    issue: Issue::Fault {
                        fault,
                        first_line: None,
                    },
                })
                .collect(),
        }
    }

    /// A problem with the file as a whole, with no line to point at.
    pub fn whole_file(file: &str, issue: Issue) -> LoadError {
        LoadError {
            file: file.to_owned(),
            problems: vec![Problem {
                line: None,
                column: None,
                indicator: None,
                issue,
            }],
        }
    }
}

crate::i18n::display_in_english!(LoadError);

/// Reads and validates a dataset file. The size is checked before the file is read.
pub fn load_path(path: &Path) -> Result<Dataset, LoadError> {
    let file = path.display().to_string();
    let bytes =
        files::read_limited(path).map_err(|e| LoadError::whole_file(&file, Issue::File(e)))?;
    load_bytes(&file, &bytes)
}

/// Decodes and validates a dataset held in memory; `file` names it in errors.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Dataset, LoadError> {
    files::check_size(bytes.len() as u64)
        .map_err(|e| LoadError::whole_file(file, Issue::File(e.into())))?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::whole_file(file, Issue::Utf16));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The valid prefix is UTF-8 by construction.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            return Err(LoadError::at(file, prefix, prefix.len(), Issue::NotUtf8));
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
    issue: Issue,
    /// A duplicate id: where the first indicator with that id starts.
    first_use: Option<usize>,
}

impl Found {
    fn whole(issue: Issue) -> Found {
        Found {
            at: None,
            indicator: None,
            issue,
            first_use: None,
        }
    }

    fn fault(fault: Fault) -> Issue {
        Issue::Fault {
            fault,
            first_line: None,
        }
    }
}

/// Parses and validates dataset text; `file` names it in errors.
pub fn load_str(file: &str, text: &str) -> Result<Dataset, LoadError> {
    let start = text.len() - text.trim_start().len();
    if !text[start..].is_empty() && !text[start..].starts_with('{') {
        return Err(LoadError::at(file, text, start, Issue::NotObject));
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
        found.push(Found::whole(Issue::Schema {
            found: raw.schema_version,
        }));
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
            let mut issue = f.issue;
            if let (Issue::Fault { first_line, .. }, Some((first, _))) =
                (&mut issue, f.first_use.and_then(|_| places.next()))
            {
                *first_line = Some(first);
            }
            Problem {
                line,
                column,
                indicator: f.indicator,
                issue,
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
    let detail = match message.rsplit_once(" at line ") {
        Some((head, _)) => head.to_owned(),
        None => message,
    };
    let class = match e.classify() {
        serde_json::error::Category::Eof => JsonClass::Eof,
        serde_json::error::Category::Data => JsonClass::Data,
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => JsonClass::Syntax,
    };
    Found {
        at: Some(at),
        indicator: None,
        issue: Issue::Json { class, detail },
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
                .map(|f| Found::whole(Found::fault(f))),
        );
    }
    for (n, (indicator, &start)) in indicators.iter().zip(starts).enumerate() {
        found.extend(indicator_faults(n, indicator).into_iter().map(|f| Found {
            at: Some(start),
            indicator: Some(indicator.id.clone()),
            issue: Found::fault(f),
            first_use: None,
        }));
    }
    for (n, first) in duplicate_ids(indicators.iter().map(|i| i.id.as_str())) {
        found.push(Found {
            at: starts.get(n).copied(),
            indicator: indicators.get(n).map(|i| i.id.clone()),
            issue: Found::fault(duplicate_id_fault(n)),
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
        assert!(err.to_string().contains("invalid type"), "{err}");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\n地区x", 9), (2, 3));
        assert_eq!(line_column("ab\n地区x", 8), (2, 2));
        assert_eq!(line_column("", 0), (1, 1));
    }
}
