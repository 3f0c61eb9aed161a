//! The bundled dataset: provenance of every number, ids, categories and headline targets.

use std::collections::HashSet;

use gwr_charts::i18n::Lang;
use gwr_charts::model::{self, Category, Dataset, Indicator, Kind, Observation, Qualifier};

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
    // Relative to the dataset file (assets/), as every report.source is.
    assert_eq!(
        data.report.source.as_deref(),
        Some("../seeds/harbin-2024-government-work-report.txt")
    );
    // The file the dataset names is the text its quotes are checked against.
    let named = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(data.report.source.as_deref().unwrap_or_default());
    assert_eq!(std::fs::read_to_string(&named).unwrap(), SEED);
}

/// The numbers of an observation, each with the forms the report may write it in.
fn numbers(obs: &Observation) -> Vec<(&'static str, f64, Vec<String>)> {
    let mut out = Vec::new();
    if let Some(v) = obs.value {
        out.push(("value", v, value_forms(v)));
    }
    if let Some(g) = obs.growth_pct {
        out.push(("growth", g, vec![model::format_number(g.abs())]));
    }
    out
}

/// Every quote is verbatim from the seed. A number is either written in its quote or, for a
/// derived observation, in the note that says how it was worked out; a derived observation
/// has at least one number its quote does not state.
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
            let mut unquoted = 0;
            for (what, number, forms) in numbers(obs) {
                if forms.iter().any(|f| obs.quote.contains(f.as_str())) {
                    continue;
                }
                unquoted += 1;
                match obs.derived.as_deref() {
                    Some(note) if forms.iter().any(|f| note.contains(f.as_str())) => {}
                    Some(note) => failures.push(format!(
                        "{place}: {what} {number} neither in quote {} nor in derived note {note}",
                        obs.quote
                    )),
                    None => failures.push(format!(
                        "{place}: {what} {number} not in quote {}",
                        obs.quote
                    )),
                }
            }
            if obs.derived.is_some() && unquoted == 0 {
                failures.push(format!(
                    "{place}: marked derived, but its quote states every number: {}",
                    obs.quote
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_report_notes_are_kept() {
    let data = data();
    assert_eq!(data.schema_version, model::SCHEMA_VERSION);
    assert_eq!(
        (data.report.review_year, data.report.plan_year),
        (Some(2023), Some(2024))
    );
    let ind = |id: &str| {
        data.indicator(id)
            .unwrap_or_else(|| panic!("no indicator {id}"))
    };
    // 新增 governs the whole list in the report.
    for id in ["green_organic_food_area", "black_soil_demo_area"] {
        assert!(ind(id).name_zh.starts_with("新增"), "{id}");
    }
    // Growth worked out from rounded multiples is approximate.
    for id in ["tourist_visits", "tourism_revenue"] {
        let obs = ind(id).observation(2023, Kind::Actual).unwrap();
        assert_eq!(obs.qualifier, Qualifier::About, "{id}");
        assert!(obs.derived.is_some(), "{id}");
    }
    // "为年计划的118.8%" implies the 2023 plan, so the target-met mark works for the pair.
    let jobs = ind("urban_new_jobs");
    let plan = jobs
        .observation(2023, Kind::Target)
        .expect("derived 2023 plan");
    let actual = jobs.observation(2023, Kind::Actual).unwrap();
    let implied = actual.value.unwrap() / 1.188;
    assert!((plan.value.unwrap() - implied).abs() < 0.005, "{plan:?}");
    assert_eq!(plan.qualifier, Qualifier::About);
    assert_eq!(
        gwr_charts::outcome::target_outcome(jobs, 2023),
        Some(gwr_charts::outcome::Outcome::Met)
    );
    // More than 四成 of the city's industrial value added.
    let share = data
        .indicators
        .iter()
        .flat_map(|i| &i.observations)
        .find(|o| o.quote.contains("四成"))
        .expect("the central SOEs' share is recorded");
    assert_eq!(
        (share.value, share.qualifier),
        (Some(40.0), Qualifier::MoreThan)
    );
    // The years the heating funds cover are not in the report.
    let heating = ind("heating_subsidy_funds");
    for note in [&heating.note_zh, &heating.note_en] {
        let note = note.as_deref().unwrap_or_default();
        assert!(!note.contains("2022") && !note.contains("2023"), "{note}");
    }
    assert!(
        ind("rd_intensity")
            .note_en
            .as_deref()
            .is_some_and(|n| n.contains("2022")),
        "rd_intensity: the note says the figure is most likely 2022's"
    );
}

/// The 3–5-year goals of the AI institute are multi-year goals, never 2024 targets.
#[test]
fn multi_year_goals_are_marked_with_their_horizon() {
    let data = data();
    let multi: Vec<&Indicator> = data
        .indicators
        .iter()
        .filter(|i| i.multi_year.is_some())
        .collect();
    assert!(multi.len() >= 2, "{multi:?}");
    for ind in &data.indicators {
        let quotes_horizon = ind
            .observations
            .iter()
            .any(|o| o.quote.contains("人才500人") || o.quote.contains("累计产值10亿元"));
        assert_eq!(quotes_horizon, ind.multi_year.is_some(), "{}", ind.id);
        if let Some(m) = &ind.multi_year {
            assert!(SEED.contains(&m.horizon), "{}: {}", ind.id, m.horizon);
        }
    }
}

/// A multi-year goal never moves the plan year, however far its target lies.
#[test]
fn multi_year_goals_do_not_set_the_plan_year() {
    let mut data = data();
    data.report.review_year = None;
    data.report.plan_year = None;
    assert_eq!(data.years(), (2023, 2024));
    let goal = data
        .indicators
        .iter_mut()
        .find(|i| i.multi_year.is_some())
        .unwrap();
    for obs in &mut goal.observations {
        obs.year = 2028;
    }
    assert_eq!(data.years(), (2023, 2024));
    // The same target without the mark would make 2028 the plan year.
    data.indicators.iter_mut().for_each(|i| i.multi_year = None);
    assert_eq!(data.years(), (2027, 2028));
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
