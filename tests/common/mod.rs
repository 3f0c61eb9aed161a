//! Helpers shared by the test files: the fictional reports of tests/reports/, the real
//! binary, the real app. Each test file uses a part of them.
#![allow(dead_code)]

pub mod gpu;
pub mod ooxml;
pub mod synthetic;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use gwr_charts::GwrApp;
use gwr_charts::app::AppCommand;

/// Runs the real binary: exit code (-1 when killed), stdout and stderr.
pub fn run<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("gwr-charts")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs the real binary as `gwr-charts COMMAND PATH`: exit code and stderr.
pub fn run_on(command: &str, path: &Path) -> (i32, String) {
    let (code, _, stderr) = run([OsStr::new(command), path.as_os_str()]);
    (code, stderr)
}

/// A path named `name` (no file yet) in a new temporary folder (removed with the returned
/// handle).
pub fn temp_path(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    (dir, path)
}

/// A file named `name` holding `contents` in a new temporary folder (removed with the
/// returned handle).
pub fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = temp_path(name);
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}

/// The real app at `size` with `files` opened, autosaving into `autosave` (never when
/// `None`), allowed `steps` frames to settle.
pub fn app_at(
    size: egui::Vec2,
    files: Vec<PathBuf>,
    autosave: Option<PathBuf>,
    steps: u64,
) -> Harness<'static, GwrApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(steps)
        .build_eframe(move |cc| GwrApp::with_autosave(cc, files.clone(), autosave.clone()));
    harness.run();
    harness
}

/// The real app at 1400×900 with `files` opened, never autosaving.
pub fn app_with(files: Vec<PathBuf>) -> Harness<'static, GwrApp> {
    app_at(egui::vec2(1400.0, 900.0), files, None, 4)
}

/// Presses the shortcut of `command`, as a user would.
pub fn press(harness: &mut Harness<'_, GwrApp>, command: AppCommand) {
    let shortcut = command.shortcut().expect("the command has a shortcut");
    harness.key_press_modifiers(shortcut.modifiers, shortcut.logical_key);
    harness.run();
}

/// Four cities; 宜昌市 with two years of reports, so there are two plan years.
pub fn four_cities() -> Vec<PathBuf> {
    // Relative (tests run in the package's folder), so the file names the window shows are
    // the same on every machine: the snapshots show them.
    let dir = PathBuf::from("tests/reports");
    [
        "mianyang-2024.txt",
        "wuhu-2024.txt",
        "yichang-2023.txt",
        "yichang-2024.txt",
        "liuzhou-2024.txt",
    ]
    .into_iter()
    .map(|name| dir.join(name))
    .collect()
}

/// The fictional 2026 reports of the 31 provinces and the national one (made by
/// tests/fixtures/make-provinces.py).
pub fn provinces() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/provinces-2026"
    ))
}

/// The 31 provinces and the national report opened, and `extra` more invented provinces
/// (for a slide of 40 rows).
pub fn provinces_with(extra: usize) -> gwr_charts::collection::Collection {
    let files = gwr_charts::open::expand_folders(&[provinces()]).unwrap();
    let mut opened: Vec<gwr_charts::collection::Opened> = files
        .iter()
        .map(|f| gwr_charts::open::open_path(f).unwrap())
        .collect();
    let template = opened.last().unwrap().clone();
    for n in 0..extra {
        let mut more = template.clone();
        more.data.report.region_zh = format!("虚构{}省", n + 1);
        more.data.report.region_en = Some(format!("Province {}", n + 1));
        more.name = format!("extra-{n}.json");
        opened.push(more);
    }
    gwr_charts::collection::group(opened)
}

/// Ten fictional years of 云泽市 (tests/history/): the reports of plan years 2016–2025
/// but 2019 and 2022, oldest first.
pub fn ten_years() -> Vec<PathBuf> {
    [2016, 2017, 2018, 2020, 2021, 2023, 2024, 2025]
        .into_iter()
        .map(|year| PathBuf::from(format!("tests/history/yunze-{year}.json")))
        .collect()
}

/// A file or folder dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` (a file or a folder) on the window, as a user drags it there; the next
/// frame takes it.
pub fn drop_path(harness: &mut Harness<'_, GwrApp>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.to_path_buf())));
}
