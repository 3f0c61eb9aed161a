//! CPU time of one frame: the egui pass plus tessellation, headless, for every view with
//! the whole dataset ticked, and for a synthetic 2,000-indicator dataset; the compare view
//! of the 31 provinces (tests/fixtures/provinces-2026) and of 333 regions (every
//! prefecture-level city) with its table made once, as the window keeps it (goal: at most
//! 1 ms each); the history view of ten years × 100 indicators; and the app's start-up to its
//! first frame.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use egui_kittest::Harness;
use gwr_charts::chart::{self, ChartInput, ChartSpec, Mode, View};
use gwr_charts::collection::{self, Opened};
use gwr_charts::compare::{self, Sort};
use gwr_charts::model::Dataset;
use gwr_charts::selection::{self, Preset};
use gwr_charts::{GwrApp, fonts};

/// The bundled indicators repeated with new ids until there are `n`.
fn synthetic(n: usize) -> Dataset {
    let mut data = Dataset::bundled();
    let base = data.indicators.clone();
    data.indicators = (0..n)
        .map(|k| {
            let mut ind = base[k % base.len()].clone();
            ind.id = format!("{}_{k}", ind.id);
            ind
        })
        .collect();
    data
}

/// The input of a 1280×800 window.
fn window() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// Times one frame of the chart of `input` in `view`, in a 1280×800 window.
fn chart_frame(c: &mut Criterion, name: &str, input: &ChartInput<'_>, view: View) {
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let raw = window();
    let spec = ChartSpec {
        view,
        ..ChartSpec::default()
    };
    let mut run = || {
        let mut out = ctx.run_ui(raw.clone(), |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                chart::show(ui, input, &spec, Mode::Interactive { reset: false });
            });
        });
        out.textures_delta.clear();
        let primitives = ctx.tessellate(std::mem::take(&mut out.shapes), 1.0);
        black_box(primitives);
    };
    // Settle fonts and plot memory before timing.
    for _ in 0..3 {
        run();
    }
    c.bench_function(name, |b| b.iter(&mut run));
}

fn frame(c: &mut Criterion, label: &str, data: &Dataset) {
    let ticked = selection::preset(data, Preset::All);
    let selected = selection::indicators(data, &ticked);
    let input = ChartInput::single(data, &selected);
    // The compare view of many regions has its own benchmark below.
    for view in View::ALL.into_iter().filter(|v| *v != View::Compare) {
        chart_frame(c, &format!("frame/{label}/{}", view.key()), &input, view);
    }
}

/// The bundled dataset once per prefecture-level city (names from the bundled list of
/// divisions), each with its own GDP growth so that sorting matters.
fn prefectures() -> collection::Collection {
    let divisions = include_str!("../assets/divisions/divisions.tsv");
    let bundled = Dataset::bundled();
    let opened: Vec<Opened> = divisions
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            (fields.get(1) == Some(&"prefecture")).then(|| fields[3].to_owned())
        })
        .enumerate()
        .map(|(n, region)| {
            let mut data = bundled.clone();
            data.report.title_zh = format!("2024年{region}政府工作报告");
            data.report.region_zh = region;
            data.report.region_en = None;
            for obs in data.indicators.iter_mut().flat_map(|i| &mut i.observations) {
                if let Some(g) = obs.growth_pct.as_mut() {
                    *g += (n % 37) as f64 / 10.0;
                }
            }
            Opened {
                name: format!("{n}.json"),
                data,
                draft: false,
            }
        })
        .collect();
    collection::group(opened)
}

/// The compare view of the 31 provinces and the national line, in two panels.
fn compare_31(c: &mut Criterion) {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/provinces-2026");
    let files = gwr_charts::open::expand_folders(&[folder.into()]).unwrap();
    let regions = gwr_charts::open::open_paths(&files).unwrap().regions;
    let table = compare::compare_rows(&regions, "地区生产总值", None, Sort::Target).unwrap();
    assert_eq!(table.rows.len(), 31);
    let input = ChartInput {
        data: &regions[0].data,
        selected: &[],
        regions: &regions,
        compare: Some(&table),
    };
    chart_frame(c, "frame/compare-31/compare", &input, View::Compare);
}

/// The compare view of 333 regions, the table made once (as the window caches it): the
/// frame lays out only the rows in view. Goal: at most 1 ms.
fn compare_333(c: &mut Criterion) {
    let regions = prefectures().regions;
    assert_eq!(regions.len(), 333);
    let table = compare::compare_rows(&regions, "地区生产总值", None, Sort::Target)
        .expect("every region has GDP");
    let data = &regions[0].data;
    let input = ChartInput {
        data,
        selected: &[],
        regions: &regions,
        compare: Some(&table),
    };
    chart_frame(c, "frame/compare-333/compare", &input, View::Compare);

    // The whole window: the app makes the table once and keeps it between frames.
    let ctx = egui::Context::default();
    let cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let mut app = GwrApp::with_autosave(&cc, vec![], None);
    app.show_collection(prefectures(), Vec::new());
    app.state.chart.view = View::Compare;
    window_frame(c, "app-frame/compare-333/compare", &ctx, &mut app);
}

/// The history view of ten years of one region (tests/history/, 云泽市 2015–2025) with its
/// indicators repeated, under new names, until there are 100 (each a history of its own).
/// Goal: at most 1 ms.
fn history_100(c: &mut Criterion) {
    let files: Vec<std::path::PathBuf> = [2016, 2017, 2018, 2020, 2021, 2023, 2024, 2025]
        .iter()
        .map(|y| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("tests/history/yunze-{y}.json"))
        })
        .collect();
    let mut data = gwr_charts::open::open_paths(&files)
        .expect("the ten years open")
        .regions
        .remove(0)
        .data;
    let base = data.indicators.clone();
    data.indicators = (0..100)
        .map(|k| {
            let mut ind = base[k % base.len()].clone();
            ind.id = format!("{}_{k}", ind.id);
            ind.name_zh = format!("{}{k}", ind.name_zh);
            ind
        })
        .collect();
    let ticked = selection::preset(&data, Preset::All);
    let selected = selection::indicators(&data, &ticked);
    let input = ChartInput::single(&data, &selected);
    chart_frame(c, "frame/history-10y-100/history", &input, View::History);
}

fn bundled(c: &mut Criterion) {
    frame(c, "harbin-all", &Dataset::bundled());
}

fn two_thousand(c: &mut Criterion) {
    frame(c, "synthetic-2000", &synthetic(2000));
}

/// The whole window (top bar, indicator list, details, chart) with everything ticked,
/// built the way eframe builds it, without accessibility output: the bundled dataset, and
/// 5,000 indicators (the list lays out only the rows in view).
fn app_frame(c: &mut Criterion) {
    for (label, data) in [
        ("harbin-all", Dataset::bundled()),
        ("synthetic-5000", synthetic(5000)),
    ] {
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let mut app = GwrApp::with_autosave(&cc, vec![], None);
        app.show_collection(collection::Collection::single(data, label), Vec::new());
        app.set_selection(selection::preset(app.data(), Preset::All));
        app.ui.details = Some(app.data().indicators[0].id.clone());
        for view in View::ALL {
            app.state.chart.view = view;
            let name = format!("app-frame/{label}/{}", view.key());
            window_frame(c, &name, &ctx, &mut app);
        }
    }
}

/// Times one frame of the whole window, after a few to settle fonts and plot memory.
fn window_frame(c: &mut Criterion, name: &str, ctx: &egui::Context, app: &mut GwrApp) {
    let mut frame = eframe::Frame::_new_kittest();
    let raw = window();
    let mut run = || {
        let mut out = ctx.run_ui(raw.clone(), |ui| {
            eframe::App::ui(app, ui, &mut frame);
        });
        out.textures_delta.clear();
        black_box(ctx.tessellate(std::mem::take(&mut out.shapes), 1.0));
    };
    for _ in 0..3 {
        run();
    }
    c.bench_function(name, |b| b.iter(&mut run));
}

/// Building the app (fonts, dataset, saved state) and running its first frame.
fn startup(c: &mut Criterion) {
    c.bench_function("startup/first-frame", |b| {
        b.iter(|| {
            let mut harness = Harness::builder()
                .with_size(egui::vec2(1280.0, 800.0))
                .build_eframe(|cc| GwrApp::with_autosave(cc, vec![], None));
            harness.step();
            black_box(harness.state().ui.drawn.len());
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bundled, two_thousand, compare_31, compare_333, history_100, app_frame, startup
}
criterion_main!(benches);
