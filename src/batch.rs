//! Many reports at once: the reports in folders, and work on each of them in parallel on the
//! cores there are, each result handed back as it is done, with a way to stop. The command
//! line's `extract --out-dir` and `panel` and the window's folder opening all run here.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::model::LoadError;
use crate::open::{self, OpenError};

/// A report found, with the folder it was found under (`None` for a file named itself).
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

/// The reports the paths name: a file as it is, a folder as the reports in it and its
/// subfolders ([`open::expand_folders`], datasets left out), each with the folder it is in.
pub fn reports(paths: &[PathBuf]) -> Result<Vec<Found>, OpenError> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(Found {
                path: path.clone(),
                root: None,
            });
            continue;
        }
        let before = out.len();
        for file in open::expand_folders(std::slice::from_ref(path))? {
            let dataset = file
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            if !dataset {
                out.push(Found {
                    path: file,
                    root: Some(path.clone()),
                });
            }
        }
        if out.len() == before {
            return Err(OpenError(vec![LoadError::whole_file(
                &path.display().to_string(),
                crate::model::Issue::EmptyFolder,
            )]));
        }
    }
    Ok(out)
}

/// How many threads work at once: one per core.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `work` on every item on `workers` threads and hands each result to `done` on the
/// calling thread as soon as it is ready (in the order they finish), with its index. Once
/// `cancel` is set no new item is started; the items under way finish and are handed over.
/// Returns how many items were done. An item's work starts no thread of its own: `workers`
/// threads are all there are.
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
                crate::text_util::with_cores_busy(|| {
                    while !cancel.load(Ordering::Relaxed) {
                        let n = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(n) else { break };
                        if sender.send((n, work(item))).is_err() {
                            break;
                        }
                    }
                });
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
