//! Opening what the user gives: a dataset (JSON), a report's text (drafted by
//! [`crate::extract`]), or several files at once, grouped by region into a
//! [`Collection`].

use std::path::{Path, PathBuf};

use crate::collection;
pub use crate::collection::{Collection, Opened, RegionData};
use crate::extract;
use crate::files;
use crate::formats;
use crate::i18n::Texts;
use crate::model::{self, Issue, LoadError, ReportProblem, SourceFormat};

/// Everything that went wrong, one entry per file.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenError(pub Vec<LoadError>);

impl OpenError {
    pub fn message(&self, t: &Texts) -> String {
        let files: Vec<String> = self.0.iter().map(|e| e.message(t)).collect();
        files.join("\n")
    }
}

crate::i18n::display_in_english!(OpenError);

/// A report (text, page, Word file, PDF) rather than a dataset: by extension, else anything
/// that does not start like JSON.
fn is_report(path: &Path, bytes: &[u8]) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => false,
        Some(e)
            if ["txt", "html", "htm", "xhtml", "docx", "pdf"]
                .iter()
                .any(|r| e.eq_ignore_ascii_case(r)) =>
        {
            true
        }
        _ => !bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(bytes)
            .trim_ascii_start()
            .starts_with(b"{"),
    }
}

/// A draft and the normalized report text its quotes were cut from.
pub struct Drafted {
    pub opened: Opened,
    pub text: String,
}

/// Opens one dataset or report.
pub fn open_path(path: &Path) -> Result<Opened, LoadError> {
    open_path_with_text(path, &extract::Overrides::default()).map(|(opened, _)| opened)
}

/// Opens one dataset or report; for a report, also the normalized text (`extract --out`
/// writes it beside the dataset).
/// `overrides` are what the user says of a report (its region, its plan year).
pub fn open_path_with_text(
    path: &Path,
    overrides: &extract::Overrides,
) -> Result<(Opened, Option<String>), LoadError> {
    let name = path.display().to_string();
    let bytes =
        files::read_limited(path).map_err(|e| LoadError::whole_file(&name, Issue::File(e)))?;
    if is_report(path, &bytes) {
        let report = formats::read(&bytes, Some(path))
            .map_err(|e| LoadError::whole_file(&name, Issue::Report(format_problem(e))))?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| name.clone());
        let Drafted { opened, text } = draft(
            &report.text,
            &name,
            Some(file_name),
            report.format,
            overrides,
        )?;
        Ok((opened, Some(text)))
    } else {
        let data = model::load_bytes(&name, &bytes)?;
        Ok((
            Opened {
                data,
                name,
                draft: false,
            },
            None,
        ))
    }
}

/// Opens report text pasted from the clipboard as a draft, as a `.txt` would be. `name` is
/// what the window calls it (e.g. "clipboard").
pub fn open_text(text: &str, name: &str) -> Result<Opened, LoadError> {
    open_text_with_text(text, name).map(|d| d.opened)
}

/// As [`open_text`], keeping the normalized text the draft's quotes were cut from (the
/// review mode shows it beside the figures).
pub fn open_text_with_text(text: &str, name: &str) -> Result<Drafted, LoadError> {
    let text = formats::read_text(text);
    draft(
        &text,
        name,
        None,
        SourceFormat::Paste,
        &extract::Overrides::default(),
    )
}

fn draft(
    text: &str,
    name: &str,
    source_file: Option<String>,
    format: SourceFormat,
    overrides: &extract::Overrides,
) -> Result<Drafted, LoadError> {
    let mut data = extract::extract_with(text, name, overrides)
        .map_err(|e| LoadError::whole_file(name, Issue::Report(extract_problem(e))))?;
    data.report.source_file = source_file;
    data.report.source_format = Some(format);
    Ok(Drafted {
        opened: Opened {
            data,
            name: name.to_owned(),
            draft: true,
        },
        text: text.to_owned(),
    })
}

/// Opens every file and groups them by region: the reports of one region merge into one
/// history, different regions stay apart (see [`collection::group`]). Nothing is returned
/// unless every file opened.
pub fn open_paths(paths: &[PathBuf]) -> Result<Collection, OpenError> {
    open_paths_with_texts(paths).map(|(collection, _)| collection)
}

/// As [`open_paths`], with the normalized text of every report drafted, by file name (the
/// review mode shows it beside the draft's figures).
pub fn open_paths_with_texts(
    paths: &[PathBuf],
) -> Result<(Collection, Vec<(String, String)>), OpenError> {
    let mut opened = Vec::new();
    let mut texts = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match open_path_with_text(path, &extract::Overrides::default()) {
            Ok((o, text)) => {
                if let Some(text) = text {
                    texts.push((o.name.clone(), text));
                }
                opened.push(o)
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(OpenError(errors));
    }
    if opened.is_empty() {
        return Err(OpenError(vec![LoadError::whole_file("", Issue::NoFile)]));
    }
    Ok((collection::group(opened), texts))
}

/// The files a list of paths names: a file as it is, a folder as every dataset and report
/// in it and its subfolders (by extension, in name order; the `NAME.source.txt` texts that
/// `extract --out` writes beside a dataset are its quotes' source, not reports of their
/// own). A folder with none, or one that cannot be read, is an error naming it.
pub fn expand_folders(paths: &[PathBuf]) -> Result<Vec<PathBuf>, OpenError> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let before = out.len();
        if let Err(e) = folder_files(path, &mut out) {
            errors.push(LoadError::whole_file(
                &path.display().to_string(),
                Issue::FolderUnreadable(files::IoProblem::of(&e)),
            ));
        } else if out.len() == before {
            errors.push(LoadError::whole_file(
                &path.display().to_string(),
                Issue::EmptyFolder,
            ));
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(OpenError(errors))
    }
}

fn folder_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name.filter(|n| !n.starts_with('.')) else {
            continue;
        };
        if path.is_dir() {
            folder_files(&path, out)?;
            continue;
        }
        let lower = name.to_lowercase();
        let known = ["json", "txt", "html", "htm", "xhtml", "docx", "pdf"]
            .iter()
            .any(|ext| lower.ends_with(&format!(".{ext}")));
        if known && !lower.ends_with(".source.txt") {
            out.push(path);
        }
    }
    Ok(())
}

/// A format reader's error as the user is told it.
fn format_problem(e: formats::FormatError) -> ReportProblem {
    use formats::FormatError as F;
    match e {
        F::TooLarge(e) => ReportProblem::TooLarge(e),
        F::Empty => ReportProblem::Empty,
        F::Scanned => ReportProblem::Scanned,
        F::Encrypted => ReportProblem::Encrypted,
        F::ZipBomb {
            total,
            limit,
            ratio,
        } => ReportProblem::ZipBomb {
            total,
            limit,
            ratio,
        },
        e @ (F::Unknown(_) | F::Html(_) | F::Docx(_) | F::Pdf(_)) => {
            ReportProblem::Reader(e.to_string())
        }
    }
}

/// The extractor's error as the user is told it.
fn extract_problem(e: extract::ExtractError) -> ReportProblem {
    use crate::text_util::DecodeError as D;
    use extract::ExtractError as E;
    match e {
        E::Decode(D::Empty) => ReportProblem::Empty,
        E::Decode(D::TooLarge(e)) => ReportProblem::TooLarge(e),
        E::Decode(e @ D::NotText(_)) => ReportProblem::Reader(e.to_string()),
        E::NoYears => ReportProblem::NoYears,
        E::NoFigures { review, plan } => ReportProblem::NoFigures { review, plan },
    }
}
