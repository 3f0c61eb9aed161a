//! The review in progress, saved now and then to the app's data directory so that a crash
//! loses at most the last few edits, and offered back at the next start.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::{Document, SourceText, TextMissing};
use crate::files;
use crate::model::Dataset;

/// The environment variable that moves the autosave directory (tests set it); the window
/// picks the directory (`app::review::lifecycle`).
pub const DIR_VAR: &str = "GWR_CHARTS_AUTOSAVE_DIR";
const FILE: &str = "review.json";

/// A review left behind by a crash.
pub struct Recovered {
    pub document: Document,
    pub saved_at: SystemTime,
    /// The file the review was of, if it had one.
    pub original: Option<PathBuf>,
}

/// What is written: the dataset, where it came from, and its text when no file holds it
/// (pasted, bundled or converted), so nothing of the review depends on the session.
#[derive(Serialize, Deserialize)]
struct Saved {
    saved_at_secs: u64,
    original: Option<PathBuf>,
    source_file: Option<PathBuf>,
    text: Option<String>,
    text_origin: Option<String>,
    data: Dataset,
}

/// Writes the document (dataset + where it came from) into `dir` atomically.
pub fn save(dir: &Path, doc: &Document) -> Result<(), files::WriteError> {
    std::fs::create_dir_all(dir).map_err(|e| files::WriteError::of_io(&dir.join(FILE), dir, &e))?;
    let text = match (&doc.source_file, &doc.text) {
        (None, Ok(text)) => Some(text),
        _ => None,
    };
    let saved = Saved {
        saved_at_secs: SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        original: doc.path.clone(),
        source_file: doc.source_file.clone(),
        text: text.map(|t| t.text.clone()),
        text_origin: text.map(|t| t.origin.clone()),
        data: doc.data.clone(),
    };
    let json = serde_json::to_vec(&saved).map_err(|e| {
        files::WriteError::new(&dir.join(FILE), files::WriteCause::Other(e.to_string()))
    })?;
    files::write_atomic(&dir.join(FILE), &json)
}

/// A review left behind by a crash, if any. An autosave that cannot be read is treated as
/// none (it is the app's own file; the user's files are never touched).
pub fn find(dir: &Path) -> Option<Recovered> {
    let bytes = std::fs::read(dir.join(FILE)).ok()?;
    let saved: Saved = serde_json::from_slice(&bytes).ok()?;
    let text = match (saved.text, &saved.source_file) {
        (Some(text), _) => Ok(SourceText::new(text, saved.text_origin.unwrap_or_default())),
        (None, Some(file)) => super::source::read_file(file),
        (None, None) => Err(TextMissing::NoSource),
    };
    let mut document = Document::new(saved.data, None, text);
    document.path = saved.original.clone();
    document.source_file = saved.source_file;
    // Recovered edits are in no file of the user's yet.
    document.saved_version = None;
    Some(Recovered {
        document,
        saved_at: SystemTime::UNIX_EPOCH + Duration::from_secs(saved.saved_at_secs),
        original: saved.original,
    })
}

/// Removes the autosave (after a save, or when the user declines to recover it).
pub fn clear(dir: &Path) -> io::Result<()> {
    match std::fs::remove_file(dir.join(FILE)) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, IndicatorField};

    #[test]
    fn save_find_clear() {
        let dir = tempfile::tempdir().unwrap();
        assert!(find(dir.path()).is_none());
        let mut doc = Document::bundled();
        doc.apply(Edit::Indicator {
            indicator: 0,
            field: IndicatorField::NameEn,
            value: "GDP".into(),
        })
        .unwrap();
        save(dir.path(), &doc).unwrap();
        let found = find(dir.path()).expect("the autosave is found");
        assert_eq!(found.document.data(), doc.data());
        assert_eq!(found.document.text().ok(), doc.text().ok());
        assert_eq!(found.document.highlights(), doc.highlights());
        assert!(found.document.is_dirty(), "a recovered review is unsaved");
        assert!(found.saved_at <= SystemTime::now());
        clear(dir.path()).unwrap();
        assert!(find(dir.path()).is_none());
        clear(dir.path()).unwrap();
    }

    #[test]
    fn a_review_of_a_file_comes_back_with_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let json = dir.path().join("d.json");
        Document::bundled().save(&json).unwrap();
        let doc = Document::open(&json).unwrap();
        let autosave = dir.path().join("autosave");
        save(&autosave, &doc).unwrap();
        let found = find(&autosave).unwrap();
        assert_eq!(found.original.as_deref(), Some(json.as_path()));
        assert_eq!(found.document.path(), Some(json.as_path()));
        assert_eq!(found.document.data(), doc.data());
        assert_eq!(found.document.text().ok(), doc.text().ok());
    }
}
