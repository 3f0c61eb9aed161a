//! Opening what the user gives: a dataset (JSON), a report's text (drafted by
//! [`crate::extract`]), or several files at once, merged into one dataset.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::extract;
use crate::merge;
use crate::model::{self, Dataset, LoadError};

/// A dataset ready to show, with where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub data: Dataset,
    /// The file name, or the names joined with " + ".
    pub name: String,
    /// Drafted from report text by `extract`: numbers not yet checked by a person.
    pub draft: bool,
}

/// Everything that went wrong, one entry per file.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct OpenError(pub Vec<LoadError>);

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, e) in self.0.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

/// Report text (`.txt`, or anything that does not start like JSON) rather than a dataset.
fn is_report(path: &Path, bytes: &[u8]) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("txt") => true,
        Some(e) if e.eq_ignore_ascii_case("json") => false,
        _ => !bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(bytes)
            .trim_ascii_start()
            .starts_with(b"{"),
    }
}

/// Opens one dataset or report.
pub fn open_path(path: &Path) -> Result<Opened, LoadError> {
    let name = path.display().to_string();
    let bytes = model::read_limited(path)?;
    if is_report(path, &bytes) {
        let data = extract::extract_bytes(&bytes, &name)
            .map_err(|e| LoadError::whole_file(&name, e.to_string()))?;
        Ok(Opened {
            data,
            name,
            draft: true,
        })
    } else {
        let data = model::load_bytes(&name, &bytes)?;
        Ok(Opened {
            data,
            name,
            draft: false,
        })
    }
}

/// Opens every file; two or more are merged (indicators matched by name). Nothing is
/// returned unless every file opened.
pub fn open_paths(paths: &[PathBuf]) -> Result<Opened, OpenError> {
    let mut opened = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match open_path(path) {
            Ok(o) => opened.push(o),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(OpenError(errors));
    }
    let datasets: Vec<Dataset> = opened.iter().map(|o| o.data.clone()).collect();
    let Some(data) = merge::merge(&datasets) else {
        return Err(OpenError(vec![LoadError::whole_file(
            "",
            "no file to open".into(),
        )]));
    };
    Ok(Opened {
        data,
        name: opened
            .iter()
            .map(|o| o.name.as_str())
            .collect::<Vec<_>>()
            .join(" + "),
        draft: opened.iter().any(|o| o.draft),
    })
}
