//! The review mode's core on a large draft: a 1 MB report text and 2,000 observations
//! (`edit::synthetic`). Opening finds every quote once (one pass over the text); an edit
//! searches only the quotes it changed, so the highlights never cost a frame. The frame of
//! the review window is benchmarked with the app (E2 adds it here).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gwr_charts::edit::{self, Document, Edit, ObservationField, SourceText};

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
    let (data, text) = edit::synthetic(TEXT_BYTES, OBSERVATIONS);
    c.bench_function("review: open 1 MB text, 2000 observations", |b| {
        b.iter(|| {
            let text = SourceText::new(text.clone(), "synthetic");
            black_box(Document::new(data.clone(), None, Ok(text)))
        })
    });
}

fn edit_quote(c: &mut Criterion) {
    let (data, text) = edit::synthetic(TEXT_BYTES, OBSERVATIONS);
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

criterion_group!(benches, open, edit_quote);
criterion_main!(benches);
