//! Reports as published to a draft, from the file's bytes to the draft dataset (format
//! detection, decoding, page cleanup, normalization, extraction, region): a 1 MB HTML portal
//! page (goal ≤ 100 ms) and a 100-page PDF with a text layer (goal ≤ 1 s).
//! `cargo bench --bench formats`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gwr_charts::{extract, formats};

const PAGE: &[u8] = include_bytes!("../tests/formats/beihe-2024.gbk.html");
const PDF: &[u8] = include_bytes!("../tests/formats/long-100-pages.pdf");

/// The portal fixture with its report body repeated to about `size` bytes, inside the same
/// navigation, scripts and footer. With `shift`, every copy has its digits shifted (as in
/// `benches/extract.rs`), so that its figures differ from copy to copy and are not merged
/// as repeats: thousands of indicators instead of the report's own.
fn big_page(size: usize, shift: bool) -> Vec<u8> {
    let (start, end) = (b"<div class=\"content\">", b"</div>\n<div class=\"share\">");
    let find = |needle: &[u8]| {
        PAGE.windows(needle.len())
            .position(|w| w == needle)
            .unwrap()
    };
    let (a, b) = (find(start) + start.len(), find(end));
    let body = &PAGE[a..b];
    let mut out = PAGE[..a].to_vec();
    let mut copy = 0u8;
    while out.len() + body.len() < size {
        // ASCII digits are single bytes in GBK, never part of a Chinese character.
        out.extend(body.iter().map(|&b| match b {
            b'0'..=b'9' if shift => b'0' + (b - b'0' + copy) % 10,
            _ => b,
        }));
        copy = (copy + 1) % 10;
    }
    out.extend_from_slice(&PAGE[b..]);
    out
}

fn draft(bytes: &[u8], name: &str) {
    let report = formats::read(bytes, Some(Path::new(name))).expect("reads");
    extract::extract(&report.text, name).expect("extracts");
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("formats");
    let page = big_page(1 << 20, false);
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.sample_size(20);
    group.bench_function("html_1mb_to_draft", |b| {
        b.iter(|| draft(black_box(&page), "big.html"))
    });
    let page = big_page(1 << 20, true);
    group.bench_function("html_1mb_distinct_figures_to_draft", |b| {
        b.iter(|| draft(black_box(&page), "big.html"))
    });
    group.throughput(Throughput::Bytes(PDF.len() as u64));
    group.sample_size(10);
    group.bench_function("pdf_100_pages_to_draft", |b| {
        b.iter(|| draft(black_box(PDF), "long.pdf"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
