//! Many reports at once: the files in folders, and work on each of them in parallel on the
//! cores there are, each result handed back as it is done, with a way to stop. The command
//! line's `extract --out-dir` and `panel` and the window's folder opening all run here.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// The extensions of reports as published.
pub const REPORT_EXTENSIONS: [&str; 5] = ["txt", "html", "htm", "docx", "pdf"];

/// What files a folder is searched for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kinds {
    /// Reports only (.txt, .html, .docx, .pdf): what `extract` drafts.
    Reports,
    /// Reports and datasets (.json): what the window and `panel` open.
    ReportsAndDatasets,
}

impl Kinds {
    fn accepts(self, path: &Path) -> bool {
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            return false;
        };
        // A dataset's report text, written beside it by `extract --out`, is not a report.
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.ends_with(".source.txt") {
            return false;
        }
        REPORT_EXTENSIONS
            .iter()
            .any(|r| ext.eq_ignore_ascii_case(r))
            || (self == Kinds::ReportsAndDatasets && ext.eq_ignore_ascii_case("json"))
    }
}

/// A file found, with the folder it was found under (`None` for a file named itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub root: Option<PathBuf>,
}

impl Found {
    /// The path below the folder it was found in (the file name for a file named itself).
    pub fn relative(&self) -> PathBuf {
        match &self.root {
            Some(root) => self
                .path
                .strip_prefix(root)
                .map(Path::to_path_buf)
                .unwrap_or_else(|_| self.path.clone()),
            None => self.path.file_name().map(PathBuf::from).unwrap_or_default(),
        }
    }
}

/// Why the files could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error("{path}: cannot read the folder: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: no such file or folder")]
    Missing { path: String },
    #[error("{path}: no report in the folder (looked for {wanted}, in its subfolders too)")]
    Empty { path: String, wanted: String },
}

/// The files given and the files in the folders given (and their subfolders, sorted by
/// name), in the order given. A file named itself is taken whatever its extension.
pub fn files(paths: &[PathBuf], kinds: Kinds) -> Result<Vec<Found>, ListError> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = out.len();
            walk(path, path, kinds, &mut out)?;
            if out.len() == before {
                let mut wanted: Vec<String> =
                    REPORT_EXTENSIONS.iter().map(|e| format!(".{e}")).collect();
                if kinds == Kinds::ReportsAndDatasets {
                    wanted.push(".json".into());
                }
                return Err(ListError::Empty {
                    path: path.display().to_string(),
                    wanted: wanted.join(" "),
                });
            }
        } else if path.exists() {
            out.push(Found {
                path: path.clone(),
                root: None,
            });
        } else {
            return Err(ListError::Missing {
                path: path.display().to_string(),
            });
        }
    }
    Ok(out)
}

fn walk(root: &Path, dir: &Path, kinds: Kinds, out: &mut Vec<Found>) -> Result<(), ListError> {
    let failed = |source| ListError::Folder {
        path: dir.display().to_string(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(failed)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        // Hidden files and folders (.git, editors' temporary files) are not reports.
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, kinds, out)?;
        } else if kinds.accepts(&path) {
            out.push(Found {
                path,
                root: Some(root.to_path_buf()),
            });
        }
    }
    Ok(())
}

/// How many threads work at once: one per core.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `work` on every item on `workers` threads and hands each result to `done` on the
/// calling thread as soon as it is ready (in the order they finish), with its index. Once
/// `cancel` is set no new item is started; the items under way finish and are handed over.
/// Returns how many items were done.
pub fn run<I: Sync, T: Send>(
    items: &[I],
    workers: usize,
    cancel: &AtomicBool,
    work: impl Fn(&I) -> T + Sync,
    mut done: impl FnMut(usize, T),
) -> usize {
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    let mut count = 0;
    std::thread::scope(|scope| {
        for _ in 0..workers.clamp(1, items.len().max(1)) {
            let sender = sender.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || {
                while !cancel.load(Ordering::Relaxed) {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(n) else { break };
                    if sender.send((n, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (n, result) in receiver {
            count += 1;
            done(n, result);
        }
    });
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_done_once_on_several_threads() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = vec![0; items.len()];
        let cancel = AtomicBool::new(false);
        let n = run(
            &items,
            4,
            &cancel,
            |i| i * 2,
            |k, v| {
                assert_eq!(v, items[k] * 2);
                seen[k] += 1;
            },
        );
        assert_eq!(n, 200);
        assert!(seen.iter().all(|&s| s == 1));
    }

    #[test]
    fn cancel_stops_new_work() {
        let items: Vec<u32> = (0..1000).collect();
        let cancel = AtomicBool::new(false);
        let mut done = 0;
        let slow = |i: &u32| {
            std::thread::sleep(std::time::Duration::from_millis(1));
            *i
        };
        let n = run(&items, 2, &cancel, slow, |_, _| {
            done += 1;
            if done == 10 {
                cancel.store(true, Ordering::Relaxed);
            }
        });
        assert!((10..1000).contains(&n), "{n}");
    }
}
