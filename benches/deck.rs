//! Decks and folders: a five-slide PowerPoint deck of the bundled dataset (native charts,
//! and pictures), and the panel of 333 datasets (found in a folder, opened on every core,
//! tabled and written as CSV).
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
    let pages = deck::pages(&View::ALL, &regions, &Pick::Headline).unwrap();
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
    targets = five_slides, panel_of_333
}
criterion_main!(benches);
