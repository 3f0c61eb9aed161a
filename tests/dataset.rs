//! The bundled dataset: provenance of every number, ids, categories and headline targets.

use std::collections::HashSet;

use gwr_charts::i18n::Lang;
use gwr_charts::model::{self, Category, Dataset, Kind};

const SEED: &str = include_str!("../seeds/harbin-2024-government-work-report.txt");

fn data() -> Dataset {
    model::load_str("assets/indicators.json", model::BUNDLED_JSON).expect("bundled dataset loads")
}

/// The forms a value may take in the report: as written, or scaled by 万/亿.
fn value_forms(v: f64) -> Vec<String> {
    [1.0, 1e4, 1e-4, 1e-8]
        .iter()
        .map(|k| model::format_number(v * k))
        .collect()
}

#[test]
fn the_source_is_the_seed_copy() {
    let data = data();
    assert_eq!(
        data.report.source.as_deref(),
        Some("seeds/harbin-2024-government-work-report.txt")
    );
    // The file the dataset names is the text its quotes are checked against.
    let named = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(data.report.source.as_deref().unwrap_or_default());
    assert_eq!(std::fs::read_to_string(&named).unwrap(), SEED);
}

#[test]
fn every_quote_is_in_the_seed_and_holds_its_numbers() {
    let data = data();
    let mut failures = Vec::new();
    for ind in &data.indicators {
        for (n, obs) in ind.observations.iter().enumerate() {
            let place = format!("{} observations[{n}]", ind.id);
            if !SEED.contains(&obs.quote) {
                failures.push(format!("{place}: quote not in the seed: {}", obs.quote));
            }
            if let Some(v) = obs.value
                && !value_forms(v)
                    .iter()
                    .any(|f| obs.quote.contains(f.as_str()))
            {
                failures.push(format!("{place}: value {v} not in quote {}", obs.quote));
            }
            if let Some(g) = obs.growth_pct {
                let plain = model::format_number(g.abs());
                let times = [g / 100.0 + 1.0, g / 100.0].map(model::format_number);
                let ok = obs.quote.contains(&plain)
                    || (obs.quote.contains('倍') && times.iter().any(|t| obs.quote.contains(t)));
                if !ok {
                    failures.push(format!("{place}: growth {g} not in quote {}", obs.quote));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn ids_are_unique_and_every_category_is_named() {
    let data = data();
    let mut seen = HashSet::new();
    for ind in &data.indicators {
        assert!(seen.insert(&ind.id), "duplicate id {}", ind.id);
        assert!(ind.name_en.is_some(), "{} has no English name", ind.id);
        assert!(ind.unit_en.is_some(), "{} has no English unit", ind.id);
        if !ind.comparable {
            assert!(
                ind.note_zh.is_some() && ind.note_en.is_some(),
                "{} is not comparable but says not why",
                ind.id
            );
        }
    }
    for category in Category::ALL {
        let zh = category.name(Lang::Zh);
        let en = category.name(Lang::En);
        assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{category:?}");
        let key = serde_json::to_string(&category).unwrap();
        assert_eq!(key, format!("\"{}\"", category.key()));
    }
}

#[test]
fn it_covers_the_whole_report() {
    let data = data();
    assert!(
        data.indicators.len() > 60,
        "{} indicators",
        data.indicators.len()
    );
    assert!(
        data.observation_count() > 80,
        "{} observations",
        data.observation_count()
    );
    let (review, plan) = data.years();
    assert_eq!((review, plan), (2023, 2024));
    let pairs = data
        .indicators
        .iter()
        .filter(|i| i.observation(review, Kind::Actual).is_some())
        .filter(|i| i.observation(plan, Kind::Target).is_some())
        .count();
    assert!(
        pairs >= 10,
        "only {pairs} indicators pair a result with a target"
    );
}

#[test]
fn every_headline_target_is_present() {
    let data = data();
    let sentence = SEED
        .split(['。', '\n'])
        .find(|s| s.contains("主要预期目标"))
        .expect("the report states its main expected targets");
    let clauses = sentence
        .split_once('：')
        .map(|(_, list)| list.split('，').count())
        .unwrap();
    let headline: Vec<_> = data.indicators.iter().filter(|i| i.headline).collect();
    assert_eq!(
        headline.len(),
        clauses,
        "one headline indicator per clause of: {sentence}"
    );
    for ind in headline {
        let target = ind
            .observation(2024, Kind::Target)
            .unwrap_or_else(|| panic!("{} has no 2024 target", ind.id));
        assert!(
            sentence.contains(&target.quote),
            "{}: {} is not from the main-targets sentence",
            ind.id,
            target.quote
        );
    }
}

#[test]
fn normalized_json_round_trips() {
    let data = data();
    let json = serde_json::to_string_pretty(&data).unwrap();
    assert_eq!(model::load_str("x.json", &json).unwrap(), data);
}
