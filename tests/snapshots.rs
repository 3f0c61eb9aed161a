//! Pixel snapshots of the window, each view in both languages (wgpu, Mesa's software
//! renderer). Run with UPDATE_SNAPSHOTS=1 to accept a deliberate change.

mod common;

use egui_kittest::{Harness, SnapshotOptions};
use gwr_charts::GwrApp;
use gwr_charts::app::AppCommand;
use gwr_charts::chart::View;
use gwr_charts::i18n::Lang;
use gwr_charts::selection::{self, Preset};

/// The real app in a light 1280×800 window on wgpu, with `files` opened.
fn window(files: Vec<std::path::PathBuf>) -> Harness<'static, GwrApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(move |cc| GwrApp::with_autosave(cc, files.clone(), None))
}

#[test]
fn each_view_in_both_languages() {
    let mut harness = window(vec![]);
    let options = SnapshotOptions::new().threshold(1.0).max_failed_pixels(200);
    let mut results = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        // The compare and history views need several reports: their own tests below.
        for view in View::ALL
            .into_iter()
            .filter(|v| !matches!(v, View::Compare | View::History))
        {
            let app = harness.state_mut();
            app.state.chart.view = view;
            app.state.chart.lang = lang;
            let preset = if view == View::Growth {
                Preset::Headline
            } else {
                Preset::Comparable
            };
            let ticked = selection::preset(app.data(), preset);
            app.set_selection(ticked);
            harness.run();
            let name = format!(
                "{}-{}",
                view.key(),
                if lang == Lang::Zh { "zh" } else { "en" }
            );
            results.push(harness.try_snapshot_options(name, &options));
        }
    }
    for result in results {
        result.unwrap();
    }
}

/// The compare view of four cities (tests/reports/), one of them with two years.
#[test]
fn compare_view_in_both_languages() {
    let mut harness = window(common::four_cities());
    let options = SnapshotOptions::new().threshold(1.0).max_failed_pixels(200);
    let mut results = Vec::new();
    for (lang, name) in [(Lang::Zh, "compare-zh"), (Lang::En, "compare-en")] {
        // The drafts open in review mode; picking the view shows the chart, as the key 5 does.
        let app = harness.state_mut();
        app.push(AppCommand::ShowView(View::Compare));
        app.state.chart.lang = lang;
        harness.run();
        assert!(!harness.state().reviewing());
        results.push(harness.try_snapshot_options(name, &options));
    }
    for result in results {
        result.unwrap();
    }
}

/// The compare view of the 31 fictional provinces (tests/fixtures/provinces-2026: official
/// names, invented figures, mixed qualifiers, two ranges, one missing result, the national
/// line) as exported at 1920×1080 and 1280×720 in both languages. The Chinese slide is the
/// README's picture.
#[test]
fn thirty_one_provinces_export_in_both_languages() {
    use gwr_charts::chart::{ChartInput, ChartSpec};
    use gwr_charts::compare::{self, Sort};
    use gwr_charts::render::ImageSettings;

    let collection = common::provinces_with(0);
    let table =
        compare::compare_rows(&collection.regions, "地区生产总值", None, Sort::Target).unwrap();
    let input = ChartInput {
        data: &collection.regions[0].data,
        selected: &[],
        regions: &collection.regions,
        compare: Some(&table),
    };
    let mut failures = Vec::new();
    for (lang, key) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (width, height) in [(1920, 1080), (1280, 720)] {
            let settings = ImageSettings {
                spec: ChartSpec {
                    view: View::Compare,
                    lang,
                    ..ChartSpec::default()
                },
                width,
                height,
                ..ImageSettings::default()
            };
            let image = gwr_charts::export::image(&input, &settings).unwrap();
            let name = format!("provinces-{key}-{width}x{height}");
            let path = std::path::Path::new("tests/snapshots").join(format!("{name}.png"));
            let [w, h] = image.size;
            let pixels: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
            let found = image::RgbaImage::from_raw(w as u32, h as u32, pixels).unwrap();
            if std::env::var_os("UPDATE_SNAPSHOTS").is_some() || !path.exists() {
                found.save(&path).unwrap();
                continue;
            }
            let expected = image::open(&path).unwrap().to_rgba8();
            let differing = found
                .pixels()
                .zip(expected.pixels())
                .filter(|(a, b)| (0..3).any(|c| (a.0[c] as i32 - b.0[c] as i32).abs() > 16))
                .count();
            if found.dimensions() != expected.dimensions() || differing > 500 {
                failures.push(format!("{name}: {differing} pixels differ"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}

/// The history view of ten fictional years of one region (tests/history/), the main
/// expected targets ticked.
#[test]
fn history_view_in_both_languages() {
    let mut harness = window(common::ten_years());
    let options = SnapshotOptions::new().threshold(1.0).max_failed_pixels(200);
    let names = [(Lang::Zh, "history-zh"), (Lang::En, "history-en")];
    let results: Vec<_> = names
        .into_iter()
        .map(|(lang, name)| {
            let app = harness.state_mut();
            app.push(AppCommand::ShowView(View::History));
            app.state.chart.lang = lang;
            app.set_selection(selection::preset(app.data(), Preset::Headline));
            harness.run();
            assert_eq!(harness.state().ui.drawn.len(), 6);
            harness.try_snapshot_options(name, &options)
        })
        .collect();
    results.into_iter().for_each(|r| r.unwrap());
}
