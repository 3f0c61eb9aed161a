//! The review mode's core on a large draft: a 1 MB report text and 2,000 observations
//! (`tests/common/synthetic.rs`). Opening finds every quote once (one pass over the text); an edit
//! searches only the quotes it changed, so the highlights never cost a frame. The frame of
//! the review window is benchmarked with the app (E2 adds it here).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use gwr_charts::GwrApp;
use gwr_charts::app::review::Row;
use gwr_charts::edit::source::QuoteIndex;
use gwr_charts::edit::{Document, Edit, ObservationField, SourceText};

#[path = "../tests/common/synthetic.rs"]
mod synthetic;
use synthetic::synthetic;

const TEXT_BYTES: usize = 1_000_000;
const OBSERVATIONS: usize = 2000;

/// An edit of the first observation of indicator 10.
fn edit_first(field: ObservationField, value: &str) -> Edit {
    Edit::Observation {
        indicator: 10,
        observation: 0,
        field,
        value: value.into(),
    }
}

fn open(c: &mut Criterion) {
    let (data, text) = synthetic(TEXT_BYTES, OBSERVATIONS);
    c.bench_function("review: open 1 MB text, 2000 observations", |b| {
        b.iter(|| {
            let text = SourceText::new(text.clone(), "synthetic");
            black_box(Document::new(data.clone(), None, Ok(text)))
        })
    });
}

/// The part of opening that finds the quotes: the whitespace-free copy of the text and one
/// Aho–Corasick pass for all 2,000 quotes.
fn find_quotes(c: &mut Criterion) {
    let (data, text) = synthetic(TEXT_BYTES, OBSERVATIONS);
    let quotes: Vec<&str> = data.quotes().collect();
    c.bench_function("review: find 2000 quotes in 1 MB", |b| {
        b.iter(|| {
            let index = QuoteIndex::new(&text);
            black_box(index.find_all(&quotes).len())
        })
    });
}

fn edit_quote(c: &mut Criterion) {
    let (data, text) = synthetic(TEXT_BYTES, OBSERVATIONS);
    let mut doc = Document::new(data, None, Ok(SourceText::new(text, "synthetic")));
    // Alternates between two quotes: after the first two, a quote is found in the cache, so
    // this is the cost of checking and replacing the indicator and redoing the highlights.
    // The search for a quote never seen before is the "check a new quote" case below.
    let quotes = ["第700项指标2024年", "第900项指标2023年"];
    let mut n = 0;
    c.bench_function("review: apply a quote edit (check + highlights)", |b| {
        b.iter(|| {
            n += 1;
            let quote = format!("{}达到", quotes[n % 2]);
            doc.apply(edit_first(ObservationField::Quote, &quote)).ok();
            black_box(doc.highlights().len())
        })
    });
    c.bench_function(
        "review: check a new quote as typed (one search of 1 MB)",
        |b| {
            b.iter(|| {
                let edit = Edit::Observation {
                    indicator: 10,
                    observation: 0,
                    field: ObservationField::Quote,
                    value: "第1999项指标2024年达到".into(),
                };
                black_box(doc.check(&edit).is_ok())
            })
        },
    );
    c.bench_function("review: check a value as typed", |b| {
        b.iter(|| {
            let edit = edit_first(ObservationField::Value, "123.4");
            black_box(doc.check(&edit).is_ok())
        })
    });
}

/// One frame of the whole window in review mode (top bar, header, text pane, table),
/// built the way eframe builds it, without accessibility output: the text pane lays out
/// only the paragraphs in view, the table only the rows in view. Scrolled to the middle of
/// both, with a row picked so its quotes are marked.
fn review_frame(c: &mut Criterion) {
    let (data, text) = synthetic(TEXT_BYTES, OBSERVATIONS);
    let ctx = egui::Context::default();
    let cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let mut app = GwrApp::with_autosave(&cc, vec![], None);
    let mut frame = eframe::Frame::_new_kittest();
    let doc = Document::new(data, None, Ok(SourceText::new(text, "synthetic")));
    let middle = doc.data().indicators.len() / 2;
    app.review_document(doc, "synthetic".into());
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    let mut run = |app: &mut GwrApp| {
        let mut out = ctx.run_ui(input.clone(), |ui| {
            eframe::App::ui(app, ui, &mut frame);
        });
        out.textures_delta.clear();
        black_box(ctx.tessellate(std::mem::take(&mut out.shapes), 1.0));
    };
    // The first frames measure the paragraphs (once per width) and settle the fonts.
    for _ in 0..3 {
        run(&mut app);
    }
    app.reveal(Row::Indicator(middle));
    for _ in 0..3 {
        run(&mut app);
    }
    c.bench_function("review: app frame, 1 MB text, 2000 observations", |b| {
        b.iter(|| run(&mut app))
    });
}

criterion_group!(benches, open, find_quotes, edit_quote, review_frame);
criterion_main!(benches);
