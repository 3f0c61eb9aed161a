//! Opening what the user gives: a dataset (JSON), a report's text (drafted by
//! [`crate::extract`]), or several files at once, grouped by region into a
//! [`Collection`].

use std::fmt;
use std::path::{Path, PathBuf};

use crate::collection;
pub use crate::collection::{Collection, Opened, RegionData};
use crate::extract;
use crate::model::{self, LoadError};

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

/// Opens every file and groups them by region: the reports of one region merge into one
/// history, different regions stay apart (see [`collection::group`]). Nothing is returned
/// unless every file opened.
pub fn open_paths(paths: &[PathBuf]) -> Result<Collection, OpenError> {
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
    if opened.is_empty() {
        return Err(OpenError(vec![LoadError::whole_file(
            "",
            "no file to open".into(),
        )]));
    }
    Ok(collection::group(opened))
}
