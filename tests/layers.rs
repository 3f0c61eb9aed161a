//! The crate's layers point one way: a module uses only modules on a lower floor of
//! [`FLOORS`], and only the window's floors use the window's crates. Read from the source
//! (`crate::` and `super::` paths outside comments and test modules), so anyone can rerun it;
//! `cargo test --test layers -- --nocapture` prints the module dependency table.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each floor may use the floors below it, never its own or those above.
const FLOORS: &[&[&str]] = &[
    // The words of the interface and of every error, in both languages.
    &["i18n"],
    // Files in and out, the bundled fonts.
    &["files", "fonts"],
    // The dataset: its types, reading and validation.
    &["model"],
    // Text utilities shared by the readers of reports; China's administrative divisions.
    &["text_util", "divisions"],
    // Reports as published to text; the one vocabulary of indicator names.
    &["formats", "vocabulary"],
    // Text to a draft dataset.
    &["extract"],
    // Datasets combined, picked from, judged.
    &["merge", "selection", "outcome"],
    // The reports opened, by region; each year's target against its result.
    &["collection", "history"],
    &["compare", "open"],
    // The review of a dataset without the window; the charts; the compare view's orders;
    // folders of reports drafted in parallel.
    &["edit", "chart", "order", "batch"],
    // Charts to images and files.
    &["render"],
    &["export"],
    // Decks of several views and regions; the panel of every figure.
    &["deck", "panel"],
    // The two front doors.
    &["app", "cli"],
];

/// Crates that belong to the window: only these modules may use them.
const WINDOW_CRATES: &[&str] = &[
    "eframe",
    "egui",
    "egui_plot",
    "egui_wgpu",
    "rfd",
    "arboard",
    "x11rb",
    "raw_window_handle",
];
const WINDOW_MODULES: &[&str] = &["fonts", "chart", "render", "export", "app", "cli"];

/// Module uses that go the wrong way today, each to be undone by the work named; each must
/// still exist (the test says when one is gone, so the list only shrinks).
const KNOWN_WRONG_WAY: &[(&str, &str)] = &[
    // compare and order use each other (order sorts compare's rows).
    ("compare", "order"),
    // The compare chart's footer names render's largest image side.
    ("chart", "render"),
];

fn floor_of(module: &str) -> Option<usize> {
    FLOORS.iter().position(|f| f.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a source file: `src/app/review/table.rs` → app, review, table.
fn module_path(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix("src").unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without comments, string literals and `#[cfg(test)]` modules.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<usize> = None;
    let mut depth = 0usize;
    let mut test_next = false;
    for line in text.lines() {
        let line = match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        let trimmed = line.trim();
        if trimmed == "#[cfg(test)]" {
            test_next = true;
            continue;
        }
        if test_next && trimmed.starts_with("mod ") && trimmed.ends_with('{') {
            skip_depth = Some(depth);
        }
        test_next = false;
        let line = strip_strings(line);
        if skip_depth.is_none() {
            out.push_str(&line);
            out.push('\n');
        }
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if skip_depth == Some(depth) {
                        skip_depth = None;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// A line with its string literals emptied (a brace or a path in a string is no code).
fn strip_strings(line: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in line.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                out.push('"');
            }
        } else {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
    }
    out
}

/// The first segments of every path in `use PREFIX{a, b::{c}, d}` or `PREFIX::a`.
fn first_segments(code: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Names at the group's top level: after `{` or `,` at depth 0.
            let mut depth = 0;
            let mut expect = true;
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => expect = true,
                    c if expect && (c.is_alphanumeric() || c == '_') => name.push(c),
                    _ => {
                        if !name.is_empty() {
                            out.push(std::mem::take(&mut name));
                            expect = false;
                        }
                    }
                }
            }
            if !name.is_empty() {
                out.push(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

/// Every top-level module each top-level module uses, and the window crates it uses.
fn dependencies() -> (
    BTreeMap<String, BTreeSet<String>>,
    BTreeMap<String, BTreeSet<String>>,
) {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut crates: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let path = module_path(&file);
        let Some(top) = path.first().cloned() else {
            continue;
        };
        if top == "lib" || top == "main" || path.last().is_some_and(|p| p == "tests") {
            continue;
        }
        let text = code(&std::fs::read_to_string(&file).unwrap());
        let used = uses.entry(top.clone()).or_default();
        for name in first_segments(&text, "crate::") {
            used.insert(name);
        }
        // `super::super::x` from src/a/b.rs reaches the crate root: x is a top module.
        for name in first_segments(&text, &"super::".repeat(path.len())) {
            if name != "super" {
                used.insert(name);
            }
        }
        used.remove(&top);
        let window = crates.entry(top).or_default();
        for krate in WINDOW_CRATES {
            if !first_segments(&text, &format!("{krate}::")).is_empty() {
                window.insert((*krate).to_owned());
            }
        }
    }
    let modules: BTreeSet<String> = uses.keys().cloned().collect();
    for used in uses.values_mut() {
        used.retain(|m| modules.contains(m));
    }
    (uses, crates)
}

#[test]
fn modules_use_only_lower_floors() {
    let (uses, crates) = dependencies();
    println!("module       floor  uses");
    for (module, used) in &uses {
        let floor = floor_of(module).map_or("?".to_owned(), |f| f.to_string());
        let used: Vec<&str> = used.iter().map(String::as_str).collect();
        println!("{module:12} {floor:>5}  {}", used.join(", "));
    }
    let mut wrong = Vec::new();
    let mut seen_known = BTreeSet::new();
    for (module, used) in &uses {
        let Some(floor) = floor_of(module) else {
            wrong.push(format!("{module}: not in FLOORS; give it its floor"));
            continue;
        };
        for other in used {
            let ok = floor_of(other).is_some_and(|f| f < floor);
            if ok {
                continue;
            }
            if KNOWN_WRONG_WAY.contains(&(module.as_str(), other.as_str())) {
                seen_known.insert((module.clone(), other.clone()));
            } else {
                wrong.push(format!("{module} uses {other}, which is not below it"));
            }
        }
        for krate in &crates[module] {
            if !WINDOW_MODULES.contains(&module.as_str()) {
                wrong.push(format!("{module} uses {krate}, a crate of the window"));
            }
        }
    }
    for (module, other) in KNOWN_WRONG_WAY {
        if !seen_known.contains(&(module.to_string(), other.to_string())) {
            wrong.push(format!(
                "{module} no longer uses {other}: take it off KNOWN_WRONG_WAY"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_reader_finds_grouped_and_nested_uses() {
    let text = code(
        "use crate::{model::{self, Dataset}, files};\n// crate::app\nlet s = \"crate::cli\";\nfn f() { crate::chart::show() }\n#[cfg(test)]\nmod tests {\n    use crate::edit;\n}\n",
    );
    let found: BTreeSet<String> = first_segments(&text, "crate::").into_iter().collect();
    let want: BTreeSet<String> = ["model", "files", "chart"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, want);
}
