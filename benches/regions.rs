//! Many regions at once: 333 one-report datasets (one per prefecture-level city, each the
//! size of the Harbin dataset) read from files, checked and grouped by region; and the
//! compare table of one indicator across them. Goal: loading and grouping in at most 1 s.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gwr_charts::compare::{self, Sort};
use gwr_charts::model::Dataset;
use gwr_charts::open;

const REGIONS: usize = 333;

/// Writes the bundled dataset once per region, each under its own region name.
fn write_regions(dir: &std::path::Path) -> Vec<PathBuf> {
    let bundled = Dataset::bundled();
    (0..REGIONS)
        .map(|n| {
            let mut data = bundled.clone();
            data.report.region_zh = format!("第{n}市");
            data.report.title_zh = format!("2024年第{n}市政府工作报告");
            let path = dir.join(format!("region-{n:03}.json"));
            std::fs::write(&path, serde_json::to_vec_pretty(&data).expect("serializes"))
                .expect("writes");
            path
        })
        .collect()
}

fn regions(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let paths = write_regions(dir.path());
    let collection = open::open_paths(&paths).expect("the datasets open");
    assert_eq!(collection.regions.len(), REGIONS);
    c.bench_function("regions/open-and-group-333", |b| {
        b.iter(|| black_box(open::open_paths(black_box(&paths)).unwrap()))
    });
    c.bench_function("regions/compare-rows-333", |b| {
        b.iter(|| {
            black_box(
                compare::compare_rows(&collection.regions, "地区生产总值", None, Sort::Target)
                    .unwrap(),
            )
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(10));
    targets = regions
}
criterion_main!(benches);
