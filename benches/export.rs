//! Export time: the growth chart of the headline targets at 1920×1080, as PNG through the
//! GPU renderer (with the device kept, as the dialog does, and created anew, as the command
//! line does) and through the vector path (resvg, no GPU), and as SVG, PDF, CSV and Excel;
//! the compare view of the 31 provinces (tests/fixtures/provinces-2026) as PNG, SVG and PDF
//! (goal: under 0.1 s each, in process).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gwr_charts::chart::ChartInput;
use gwr_charts::export::{self, Format};
use gwr_charts::model::Dataset;
use gwr_charts::render::{self, ImageSettings};

#[path = "../tests/common/gpu.rs"]
mod gpu;
use gpu::Renderer;
use gwr_charts::selection::{self, Preset};

fn export(c: &mut Criterion) {
    let data = Dataset::bundled();
    let ticked = selection::preset(&data, Preset::Headline);
    let selected = selection::indicators(&data, &ticked);
    let settings = ImageSettings::default();
    let mut renderer = Renderer::new().expect("a wgpu adapter");
    c.bench_function("export/render-1920x1080", |b| {
        b.iter(|| {
            black_box(
                renderer
                    .render(&ChartInput::single(&data, &selected), &settings)
                    .unwrap(),
            )
        })
    });
    let image = renderer
        .render(&ChartInput::single(&data, &selected), &settings)
        .unwrap();
    c.bench_function("export/png-encode-1920x1080", |b| {
        b.iter(|| black_box(render::png_bytes(&image).unwrap()))
    });
    c.bench_function("export/device-and-render", |b| {
        b.iter(|| {
            let mut renderer = Renderer::new().unwrap();
            black_box(
                renderer
                    .render(&ChartInput::single(&data, &selected), &settings)
                    .unwrap(),
            )
        })
    });
    c.bench_function("export/paint-1920x1080", |b| {
        b.iter(|| {
            black_box(render::paint(&ChartInput::single(&data, &selected), &settings).unwrap())
        })
    });
    c.bench_function("export/resvg-render-1920x1080", |b| {
        b.iter(|| {
            black_box(export::image(&ChartInput::single(&data, &selected), &settings).unwrap())
        })
    });
    for format in Format::ALL.into_iter().filter(|f| *f != Format::Png) {
        c.bench_function(&format!("export/{}-1920x1080", format.extension()), |b| {
            b.iter(|| {
                black_box(
                    export::bytes(format, &ChartInput::single(&data, &selected), &settings)
                        .unwrap(),
                )
            })
        });
    }
}

/// The 31 provinces' slide, as the command line writes it (PNG through the vector path).
fn compare_31(c: &mut Criterion) {
    use gwr_charts::chart::{ChartSpec, View};
    use gwr_charts::compare::{self, Sort};
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/provinces-2026");
    let files = gwr_charts::open::expand_folders(&[folder.into()]).unwrap();
    let regions = gwr_charts::open::open_paths(&files).unwrap().regions;
    let table = compare::compare_rows(&regions, "地区生产总值", None, Sort::Target).unwrap();
    let input = ChartInput {
        data: &regions[0].data,
        selected: &[],
        regions: &regions,
        compare: Some(&table),
    };
    let settings = ImageSettings {
        spec: ChartSpec {
            view: View::Compare,
            ..ChartSpec::default()
        },
        ..ImageSettings::default()
    };
    for format in [Format::Png, Format::Svg, Format::Pdf] {
        let name = format!("export/compare-31/{}-1920x1080", format.extension());
        c.bench_function(&name, |b| {
            b.iter(|| black_box(export::bytes(format, &input, &settings).unwrap()))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = export, compare_31
}
criterion_main!(benches);
