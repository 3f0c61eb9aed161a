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
            let ticked = selection::preset(&app.data, preset);
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
        assert!(!harness.state().reviewing);
        results.push(harness.try_snapshot_options(name, &options));
    }
    for result in results {
        result.unwrap();
    }
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
            app.set_selection(selection::preset(&app.data, Preset::Headline));
            harness.run();
            assert_eq!(harness.state().drawn.len(), 6);
            harness.try_snapshot_options(name, &options)
        })
        .collect();
    results.into_iter().for_each(|r| r.unwrap());
}
