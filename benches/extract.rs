//! Extraction time: the Harbin report (goal < 5 ms) and a ~1 MB synthetic report (goal
//! < 100 ms). `cargo bench --bench extract`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gwr_charts::extract;

const HARBIN: &str = include_str!("../seeds/harbin-2024-government-work-report.txt");
const PLAN_HEADING: &str = "二、2024年工作目标和主要任务";

/// About `size` bytes: the Harbin review and plan, each body repeated under its own heading,
/// every copy with its digits shifted so that values differ from copy to copy.
fn synthetic(size: usize) -> String {
    let (review, plan) = HARBIN.split_once(PLAN_HEADING).unwrap_or((HARBIN, ""));
    let copies = size / HARBIN.len() + 1;
    let shifted = |body: &str, n: usize| -> String {
        body.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_digit((d + n as u32) % 10, 10).unwrap_or(c),
                None => c,
            })
            .collect()
    };
    let mut out = String::with_capacity(size + HARBIN.len());
    out.push_str("一、2023年工作回顾\n");
    for n in 0..copies {
        out.push_str(&shifted(review, n));
    }
    out.push_str(PLAN_HEADING);
    for n in 0..copies {
        out.push_str(&shifted(plan, n));
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(HARBIN.len() as u64));
    group.bench_function("harbin", |b| {
        b.iter(|| extract::extract(black_box(HARBIN), "harbin.txt"))
    });
    group.bench_function("harbin_region", |b| {
        b.iter(|| extract::region::detect(black_box(HARBIN)))
    });
    let big = synthetic(1 << 20);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(20);
    group.bench_function("synthetic_1mb", |b| {
        b.iter(|| extract::extract(black_box(&big), "synthetic.txt"))
    });
    let bytes = big.as_bytes();
    group.bench_function("synthetic_1mb_bytes", |b| {
        b.iter(|| extract::extract_bytes(black_box(bytes), "synthetic.txt"))
    });
    group.finish();
    if let Ok(data) = extract::extract(&big, "synthetic.txt") {
        println!(
            "synthetic report: {} bytes, {} indicators, {} observations",
            big.len(),
            data.indicators.len(),
            data.observation_count()
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
