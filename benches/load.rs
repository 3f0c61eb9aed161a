//! Loading a very large dataset: 100,000 valid indicators (over 50 MiB of JSON, under the
//! 64 MiB file limit) parsed and checked by `load_str`. The goal is at most 1 s: the
//! loader must stay linear in the size of the file.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gwr_charts::model::{
    self, Category, Dataset, Indicator, Kind, Observation, Qualifier, Report, SCHEMA_VERSION,
};

const INDICATORS: usize = 100_000;

fn observation(year: i32, kind: Kind, n: usize) -> Observation {
    let value = (n % 9000) as f64 + 0.5;
    Observation {
        year,
        kind,
        value: Some(value),
        growth_pct: Some((n % 12) as f64 / 2.0),
        qualifier: if kind == Kind::Target {
            Qualifier::About
        } else {
            Qualifier::Exact
        },
        quote: format!(
            "全市规模以上工业增加值{value}亿元，比上年增长{}%",
            (n % 12) as f64 / 2.0
        ),
        derived: None,
        source_file: None,
        value_high: None,
        growth_pct_high: None,
        change: None,
    }
}

fn indicator(n: usize) -> Indicator {
    Indicator {
        id: format!("indicator_{n}"),
        name_zh: format!("第{n}项指标规模以上工业增加值"),
        name_en: Some(format!("Indicator {n}: industrial value added")),
        category: Category::ALL[n % Category::ALL.len()],
        unit_zh: "亿元".into(),
        unit_en: Some("100 million yuan".into()),
        headline: n.is_multiple_of(50),
        comparable: true,
        note_zh: None,
        note_en: None,
        observations: vec![
            observation(2023, Kind::Actual, n),
            observation(2024, Kind::Target, n),
        ],
        reviewed: false,
        multi_year: None,
        flags: Vec::new(),
    }
}

fn large_dataset_json() -> String {
    let data = Dataset {
        schema_version: SCHEMA_VERSION,
        report: Report {
            title_zh: "2024年某市政府工作报告".into(),
            title_en: None,
            region_zh: "某市".into(),
            region_en: None,
            source: None,
            review_year: Some(2023),
            plan_year: Some(2024),
            source_file: None,
            source_format: None,
            draft: false,
            level: None,
        },
        indicators: (0..INDICATORS).map(indicator).collect(),
    };
    // Compact: the whole file on one line, where a column counted from the start of the
    // line would cost the most.
    let json = serde_json::to_string(&data).expect("serializes");
    assert!(
        json.len() >= 50 << 20 && (json.len() as u64) < gwr_charts::files::MAX_FILE_BYTES,
        "{} bytes",
        json.len()
    );
    json
}

fn load(c: &mut Criterion) {
    let json = large_dataset_json();
    let loaded = model::load_str("large.json", &json).expect("the generated dataset is valid");
    assert_eq!(loaded.indicators.len(), INDICATORS);
    c.bench_function("load/100k-indicators", |b| {
        b.iter(|| black_box(model::load_str("large.json", black_box(&json)).unwrap()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(15));
    targets = load
}
criterion_main!(benches);
