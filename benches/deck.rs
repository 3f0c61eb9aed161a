//! Decks and folders: a five-slide PowerPoint deck of the bundled dataset (native charts,
//! and pictures), 333 one-report files drafted on one worker and on one per core (the
//! folder run of `extract --out-dir` and of the window, without the writing), and the
//! panel of 333 datasets (found in a folder, opened on every core, tabled and written as
//! CSV).
//!
//! Whole-process figures (`extract --out-dir` on 333 reports on one core and on all, the
//! panel and the deck as commands) come from `packaging/bench-folders.sh`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gwr_charts::batch;
use gwr_charts::chart::{ChartSpec, View};
use gwr_charts::collection::Collection;
use gwr_charts::deck::{self, DeckSettings, Pick};
use gwr_charts::export::Format;
use gwr_charts::model::{self, Dataset};
use gwr_charts::panel;
use gwr_charts::render::ImageSettings;

fn five_slides(c: &mut Criterion) {
    let collection = Collection::single(Dataset::bundled(), model::BUNDLED_NAME);
    let regions = deck::regions(&collection, &[]).unwrap();
    // The five views of the deck (the history view draws one indicator of its own).
    let views = [
        View::Growth,
        View::Levels,
        View::Progress,
        View::Trend,
        View::Compare,
    ];
    let pages = deck::pages(&views, &regions, &Pick::Headline).unwrap();
    assert_eq!(pages.len(), 5);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.pptx");
    for picture in [false, true] {
        let settings = DeckSettings {
            regions: &collection.regions,
            compare: None,
            settings: ImageSettings {
                spec: ChartSpec::default(),
                ..ImageSettings::default()
            },
            picture,
        };
        let name = if picture {
            "deck/five-pictures"
        } else {
            "deck/five-native-slides"
        };
        c.bench_function(name, |b| {
            b.iter(|| black_box(deck::write(&out, Format::Pptx, &pages, &settings).unwrap()))
        });
    }
}

/// The fictional reports of tests/reports copied round to 333 files in `dir`.
fn reports_333(dir: &std::path::Path) {
    let mut reports: Vec<std::path::PathBuf> = std::fs::read_dir("tests/reports")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    reports.sort();
    for n in 0..333 {
        let from = &reports[n % reports.len()];
        let name = format!("{n:03}-{}", from.file_name().unwrap().to_string_lossy());
        std::fs::copy(from, dir.join(name)).unwrap();
    }
}

fn drafts_of_333(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    reports_333(dir.path());
    let found = batch::reports(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(found.len(), 333);
    let overrides = gwr_charts::extract::Overrides::default();
    let mut group = c.benchmark_group("folder/333-reports-drafted");
    for workers in [1, batch::workers()] {
        group.bench_function(format!("workers-{workers}"), |b| {
            b.iter(|| {
                let cancel = std::sync::atomic::AtomicBool::new(false);
                let mut ok = 0;
                batch::run(
                    &found,
                    workers,
                    &cancel,
                    |f| gwr_charts::open::open_path_with_text(&f.path, &overrides),
                    |_, r| ok += usize::from(r.is_ok()),
                );
                assert_eq!(ok, 333);
                black_box(ok)
            })
        });
    }
    group.finish();
}

fn panel_of_333(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    // The bundled dataset as 333 files of 333 regions.
    let mut data = Dataset::bundled();
    for n in 0..333 {
        data.report.region_zh = format!("测试{n}市");
        let path = dir.path().join(format!("region-{n:03}.json"));
        std::fs::write(path, serde_json::to_vec(&data).unwrap()).unwrap();
    }
    let paths = vec![dir.path().to_path_buf()];
    c.bench_function("panel/333-datasets-csv", |b| {
        b.iter(|| {
            let found = gwr_charts::open::expand_folders(&paths).unwrap();
            let (opened, errors) = panel::open_all(&found, batch::workers());
            assert!(errors.is_empty() && opened.len() == 333);
            black_box(panel::csv(&panel::table(&opened)).unwrap())
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = five_slides, drafts_of_333, panel_of_333
}
criterion_main!(benches);
