//! A large review for the tests and benchmarks of the review (`benches/review.rs` includes
//! this file): a report text and a dataset whose quotes are spread evenly through it.

use gwr_charts::model::{
    Category, Dataset, Indicator, Kind, Observation, Qualifier, Report, SCHEMA_VERSION,
    SourceFormat,
};

/// A large review for benchmarks and tests: a report text of about `text_bytes` bytes in
/// paragraphs of about 300 bytes, and a dataset of `observations` observations (an actual
/// and a target per indicator) whose quotes are spread evenly through it.
pub fn synthetic(text_bytes: usize, observations: usize) -> (Dataset, String) {
    const FILLER: &str = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。";
    let paragraphs = (text_bytes / 300).max(1);
    let mut text = String::with_capacity(text_bytes + 1024);
    let mut indicators: Vec<Indicator> = Vec::new();
    let mut placed = 0;
    for p in 0..paragraphs {
        let para_start = text.len();
        // The observations that belong in this paragraph, evenly spread.
        let until = (p + 1) * observations / paragraphs;
        while placed < until {
            let n = placed / 2;
            let (year, kind) = if placed % 2 == 0 {
                (2023, Kind::Actual)
            } else {
                (2024, Kind::Target)
            };
            let quote = format!("第{n}项指标{year}年达到{}.{}亿元", 100 + n, placed % 10);
            text.push_str(&quote);
            text.push('，');
            if placed % 2 == 0 {
                let mut ind = Indicator::new(
                    format!("ind_{n:05}"),
                    format!("第{n}项指标"),
                    Category::ALL[n % Category::ALL.len()],
                    "亿元",
                );
                ind.headline = n % 7 == 0;
                indicators.push(ind);
            }
            if let Some(ind) = indicators.last_mut() {
                ind.observations.push(Observation {
                    year,
                    kind,
                    value: Some((100 + n) as f64 + (placed % 10) as f64 / 10.0),
                    growth_pct: None,
                    qualifier: Qualifier::Exact,
                    quote,
                    derived: None,
                    source_file: None,
                    value_high: None,
                    growth_pct_high: None,
                    change: None,
                });
            }
            placed += 1;
        }
        while text.len() - para_start < 300 {
            text.push_str(FILLER);
        }
        text.push('\n');
    }
    let data = Dataset {
        schema_version: SCHEMA_VERSION,
        report: Report {
            title_zh: "合成政府工作报告".into(),
            title_en: None,
            region_zh: "合成市".into(),
            region_en: None,
            source: None,
            review_year: Some(2023),
            plan_year: Some(2024),
            source_file: None,
            source_format: Some(SourceFormat::Txt),
            draft: true,
            level: None,
        },
        indicators,
    };
    (data, text)
}
