//! Fixtures shared by the window tests: fictional reports of tests/reports/.

use std::path::PathBuf;

/// Four cities; 宜昌市 with two years of reports, so there are two plan years.
pub fn four_cities() -> Vec<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reports"));
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
