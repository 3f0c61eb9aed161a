//! The review of a dataset without the window (`edit::Document`): highlights, edits checked
//! with `check`'s rules and words, undo and redo, saving, drafts. Part of the editor's test
//! binary (one binary less to link).

use std::path::Path;

use super::common::synthetic::synthetic;
use gwr_charts::edit::*;
use gwr_charts::i18n::Lang;
use gwr_charts::model::{self, Dataset, Kind, Observation, Qualifier};

fn bundled() -> Document {
    Document::bundled()
}

fn obs_edit(indicator: usize, observation: usize, field: ObservationField, value: &str) -> Edit {
    Edit::Observation {
        indicator,
        observation,
        field,
        value: value.into(),
    }
}

fn ind_edit(indicator: usize, field: IndicatorField, value: &str) -> Edit {
    Edit::Indicator {
        indicator,
        field,
        value: value.into(),
    }
}

/// What `check` says of the bundled dataset with one JSON field of gdp's first observation
/// (or of gdp itself when `observation_field` is false) set to `value`.
fn check_says(field: &str, value: serde_json::Value, observation_field: bool) -> String {
    let mut json: serde_json::Value = serde_json::from_str(model::BUNDLED_JSON).unwrap();
    let gdp = &mut json["indicators"][0];
    if observation_field {
        gdp["observations"][0][field] = value;
    } else {
        gdp[field] = value;
    }
    let err = model::load_str("x.json", &json.to_string()).unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    err.problems[0].issue.message(Lang::En.texts())
}

fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_bundled_dataset_has_its_text_and_every_quote_is_highlighted() {
    let doc = bundled();
    let text = doc.text().expect("the text is compiled in");
    assert_eq!(text.origin, "bundled");
    assert!(text.paragraphs.len() > 50);
    assert_eq!(doc.highlights().len(), doc.data().observation_count());
    for h in doc.highlights() {
        let obs = &doc.data().indicators[h.indicator].observations[h.observation];
        assert_eq!(squeezed(&text.text[h.range.clone()]), squeezed(&obs.quote));
    }
    assert!(
        doc.highlights()
            .windows(2)
            .all(|w| w[0].range.start <= w[1].range.start)
    );
    assert!(doc.faults().is_empty(), "{:?}", doc.faults());
    assert!(!doc.is_dirty());
    let first = &doc.highlights()[0];
    assert_eq!(
        doc.highlight_at(first.range.start + 1)
            .map(|h| h.range.clone()),
        Some(first.range.clone())
    );
    assert_eq!(
        doc.quote_range(first.indicator, first.observation),
        Some(first.range.clone())
    );
    // Per paragraph, the highlights are exactly those that overlap it.
    let mut seen = 0;
    for p in &text.paragraphs {
        let inside: Vec<&Highlight> = doc.highlights_in(p.clone()).collect();
        let expected: Vec<&Highlight> = doc
            .highlights()
            .iter()
            .filter(|h| h.range.start < p.end && h.range.end > p.start)
            .collect();
        assert_eq!(inside, expected);
        seen += inside.len();
    }
    assert!(seen >= doc.highlights().len());
}

#[test]
fn typed_text_is_refused_with_the_words_of_check() {
    let mut doc = bundled();
    let before = doc.data().clone();
    let cases = [
        (
            obs_edit(0, 0, ObservationField::Value, "abc"),
            "observations[0].value",
            check_says("value", "abc".into(), true),
        ),
        (
            obs_edit(0, 0, ObservationField::GrowthPct, "3,1"),
            "observations[0].growth_pct",
            check_says("growth_pct", "3,1".into(), true),
        ),
        (
            obs_edit(0, 0, ObservationField::Year, "二〇二三"),
            "observations[0].year",
            check_says("year", "二〇二三".into(), true),
        ),
        (
            obs_edit(0, 0, ObservationField::Kind, "plan"),
            "observations[0].kind",
            check_says("kind", "plan".into(), true),
        ),
        (
            obs_edit(0, 0, ObservationField::Qualifier, "roughly"),
            "observations[0].qualifier",
            check_says("qualifier", "roughly".into(), true),
        ),
        (
            ind_edit(0, IndicatorField::Category, "space"),
            "category",
            check_says("category", "space".into(), false),
        ),
        (
            ind_edit(0, IndicatorField::Headline, "yes"),
            "headline",
            check_says("headline", "yes".into(), false),
        ),
    ];
    for (edit, field, message) in cases {
        let err = doc.check(&edit).unwrap_err();
        assert_eq!(err.indicator.as_deref(), Some("gdp"), "{edit:?}");
        assert_eq!(err.field, field, "{edit:?}");
        assert_eq!(err.refusal.message(Lang::En.texts()), message, "{edit:?}");
        assert_eq!(doc.apply(edit).unwrap_err(), err);
    }
    assert_eq!(doc.data(), &before, "a refused edit changes nothing");
    assert!(!doc.can_undo());
}

#[test]
fn broken_rules_are_refused_with_the_message_check_prints() {
    let mut doc = bundled();
    let before = doc.data().clone();
    // check prints "indicator gdp: FIELD: MESSAGE" after the file name and place.
    let cases = [
        (
            obs_edit(0, 0, ObservationField::Year, "1800"),
            check_says("year", 1800.into(), true),
        ),
        (
            obs_edit(0, 0, ObservationField::Value, "inf"),
            "observations[0].value: is not a finite number".to_owned(),
        ),
        (
            ind_edit(0, IndicatorField::NameZh, "  "),
            check_says("name_zh", " ".into(), false),
        ),
        (
            obs_edit(0, 0, ObservationField::Quote, ""),
            check_says("quote", "".into(), true),
        ),
        (
            obs_edit(0, 0, ObservationField::Quote, "地区生产总值增长99%"),
            // As `gwr-charts check assets/indicators.json` names the text.
            "observations[0].quote: is not in the report text ../seeds/harbin-2024-government-work-report.txt".to_owned(),
        ),
    ];
    for (edit, message) in cases {
        let err = doc.apply(edit.clone()).unwrap_err();
        assert_eq!(
            format!("{}: {}", err.field, err.refusal.message(Lang::En.texts())),
            message,
            "{edit:?}"
        );
        assert_eq!(err.to_string(), format!("indicator gdp: {message}"));
    }
    let err = doc
        .apply(Edit::Report {
            field: ReportField::ReviewYear,
            value: "2024".into(),
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "report.review_year: 2024 must be before plan_year 2024"
    );
    let err = doc
        .apply(Edit::Report {
            field: ReportField::TitleZh,
            value: "".into(),
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "report.title_zh: is empty");
    assert!(
        doc.check(&obs_edit(0, 9, ObservationField::Year, "2023"))
            .is_err()
    );
    assert!(
        doc.check(&ind_edit(999, IndicatorField::NameZh, "x"))
            .is_err()
    );
    assert_eq!(doc.data(), &before);
    // The 2024 target made a 2023 target; the 2023 actual may then not become one.
    doc.apply(obs_edit(0, 1, ObservationField::Year, "2023"))
        .unwrap();
    let err = doc
        .apply(obs_edit(0, 0, ObservationField::Kind, "target"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "indicator gdp: observations[1]: a second target observation for 2023"
    );
}

#[test]
fn edits_apply_and_undo_and_redo_step_by_step() {
    let mut doc = bundled();
    let original = doc.data().clone();
    doc.apply(obs_edit(0, 0, ObservationField::Value, " 5600 "))
        .unwrap();
    doc.apply(obs_edit(0, 1, ObservationField::GrowthPct, "6.5%"))
        .unwrap();
    doc.apply(ind_edit(0, IndicatorField::NameEn, "")).unwrap();
    doc.apply(Edit::Report {
        field: ReportField::RegionEn,
        value: "Harbin City".into(),
    })
    .unwrap();
    let edited = doc.data().clone();
    let gdp = &edited.indicators[0];
    assert_eq!(gdp.observations[0].value, Some(5600.0));
    assert_eq!(gdp.observations[1].growth_pct, Some(6.5));
    assert_eq!(gdp.name_en, None);
    assert_eq!(edited.report.region_en.as_deref(), Some("Harbin City"));
    assert_eq!(ObservationField::Value.get(&gdp.observations[0]), "5600");
    while doc.undo() {}
    assert_eq!(doc.data(), &original);
    assert!(!doc.can_undo() && doc.can_redo());
    doc.redo();
    assert_eq!(doc.data().indicators[0].observations[0].value, Some(5600.0));
    while doc.redo() {}
    assert_eq!(doc.data(), &edited);
    // A new edit after an undo drops what could be redone.
    doc.undo();
    doc.apply(ind_edit(1, IndicatorField::Headline, "false"))
        .unwrap();
    assert!(!doc.can_redo());
}

#[test]
fn dirty_follows_the_saved_state_and_saving_then_reopening_gives_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = bundled();
    assert!(!doc.is_dirty(), "nothing edited yet");
    doc.apply(ind_edit(2, IndicatorField::NoteEn, "checked"))
        .unwrap();
    assert!(doc.is_dirty());
    let path = dir.path().join("harbin.json");
    doc.save(&path).unwrap();
    assert!(!doc.is_dirty());
    assert_eq!(doc.path(), Some(path.as_path()));
    // The compiled-in text is written beside the dataset and named relative to it.
    assert_eq!(
        doc.data().report.source.as_deref(),
        Some("harbin.source.txt")
    );
    doc.apply(ind_edit(0, IndicatorField::Reviewed, "true"))
        .unwrap();
    assert!(doc.is_dirty());
    doc.undo();
    assert!(!doc.is_dirty(), "undone back to the saved state");
    doc.redo();
    doc.apply(obs_edit(3, 0, ObservationField::Qualifier, "about"))
        .unwrap();
    doc.save(&path).unwrap();
    let reopened = Document::open(&path).unwrap();
    assert_eq!(reopened.data(), doc.data());
    assert_eq!(reopened.text().unwrap().text, doc.text().unwrap().text);
    assert_eq!(reopened.highlights(), doc.highlights());
    assert!(!reopened.is_dirty());
    assert!(
        reopened.data().indicators[0].reviewed,
        "reviewed marks are kept"
    );

    // Saved elsewhere, the source points back at the same text.
    let mut moved = reopened;
    moved
        .apply(Edit::Report {
            field: ReportField::TitleEn,
            value: "Moved".into(),
        })
        .unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    moved.save(&sub.join("copy.json")).unwrap();
    assert_eq!(
        moved.data().report.source.as_deref(),
        Some("../harbin.source.txt")
    );
    // Undoing an edit made before the save keeps the source the save wrote.
    moved.undo();
    assert_eq!(
        moved.data().report.title_en.as_deref(),
        Some("Harbin Government Work Report 2024")
    );
    assert_eq!(
        moved.data().report.source.as_deref(),
        Some("../harbin.source.txt")
    );
    moved.redo();
    let again = Document::open(&sub.join("copy.json")).unwrap();
    assert_eq!(again.data(), moved.data());
    assert!(again.text().is_ok());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn a_failed_save_keeps_the_document_dirty() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = bundled();
    doc.apply(ind_edit(2, IndicatorField::NoteEn, "checked"))
        .unwrap();
    let err = doc
        .save(&dir.path().join("missing/dir/x.json"))
        .unwrap_err();
    assert!(err.to_string().contains("cannot write"), "{err}");
    assert!(doc.is_dirty());
    assert_eq!(doc.path(), None);
}

#[test]
fn a_dataset_whose_text_is_missing_opens_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.json");
    std::fs::write(&path, model::BUNDLED_JSON).unwrap();
    let doc = Document::open(&path).unwrap();
    assert_eq!(
        doc.text().unwrap_err(),
        &TextMissing::NotFound {
            path: dir
                .path()
                .join("../seeds/harbin-2024-government-work-report.txt")
        }
    );
    assert!(doc.highlights().is_empty());
    assert!(!doc.is_dirty());
}

/// A synthetic draft: every indicator reviewed makes it clean and no longer a draft.
#[test]
fn reviewing_every_indicator_makes_the_draft_clean() {
    let (data, text) = synthetic(20_000, 6);
    let mut doc = Document::new(data, None, Ok(SourceText::new(text, "synthetic")));
    assert_eq!(doc.highlights().len(), 6);
    assert_eq!(doc.reviewed(), (0, 3));
    assert!(!doc.is_clean());
    for n in 0..3 {
        doc.apply(ind_edit(n, IndicatorField::Reviewed, "true"))
            .unwrap();
    }
    assert_eq!(doc.reviewed(), (3, 3));
    assert!(doc.is_clean());
    assert!(!doc.data().report.draft);
    doc.undo();
    assert!(
        doc.data().report.draft,
        "the draft mark comes back with the undo"
    );
    assert!(!doc.is_clean());
}

#[test]
fn merge_asks_about_clashes_and_keeps_what_it_is_told() {
    let mut doc = bundled();
    let n = doc.data().indicators.len();
    // gdp (2023 actual, 2024 target) and retail_sales (the same years and kinds).
    let retail = doc
        .data()
        .indicators
        .iter()
        .position(|i| i.id == "retail_sales")
        .unwrap();
    let clashes = doc.merge_clashes(0, retail);
    assert_eq!(clashes, [(2023, Kind::Actual), (2024, Kind::Target)]);
    let theirs = doc.data().indicators[retail].observations.clone();
    let ours = doc.data().indicators[0].observations.clone();
    doc.apply(Edit::Merge {
        keep: 0,
        from: retail,
        take: vec![(2024, Kind::Target)],
    })
    .unwrap();
    let gdp = &doc.data().indicators[0];
    assert_eq!(gdp.id, "gdp");
    assert_eq!(gdp.observations, [ours[0].clone(), theirs[1].clone()]);
    assert_eq!(doc.data().indicators.len(), n - 1);
    assert!(doc.data().indicator("retail_sales").is_none());
    assert!(
        doc.check(&Edit::Merge {
            keep: 1,
            from: 1,
            take: vec![]
        })
        .is_err()
    );
    doc.undo();
    assert_eq!(doc.data(), Document::bundled().data());
}

#[test]
fn delete_and_add() {
    let mut doc = bundled();
    let n = doc.data().indicators.len();
    // industrial_value_added has one observation: deleting it would leave none.
    let err = doc
        .apply(Edit::DeleteObservation {
            indicator: 1,
            observation: 0,
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "indicator industrial_value_added: observations: has none"
    );
    doc.apply(Edit::DeleteIndicator { indicator: 1 }).unwrap();
    assert_eq!(doc.data().indicators.len(), n - 1);
    let gdp_actual = doc.data().indicators[0].observations[0].clone();
    doc.apply(Edit::DeleteObservation {
        indicator: 0,
        observation: 0,
    })
    .unwrap();
    assert_eq!(doc.data().indicators[0].observations.len(), 1);
    // Adding it back from the text; a second 2024 target is refused.
    let target = doc.data().indicators[0].observations[0].clone();
    let err = doc
        .apply(Edit::AddObservation {
            indicator: 0,
            observation: target,
        })
        .unwrap_err();
    assert_eq!(err.field, "observations[1]");
    doc.apply(Edit::AddObservation {
        indicator: 0,
        observation: gdp_actual.clone(),
    })
    .unwrap();
    assert_eq!(doc.highlights().len(), doc.data().observation_count());

    let offer = numbers_in("一般公共预算收入达到20059亿元");
    let mut new = doc.data().indicators[0].clone();
    new.id = String::new();
    new.name_zh = "一般公共预算收入".into();
    new.name_en = Some("General public budget revenue".into());
    new.observations = vec![Observation {
        value: offer.value,
        quote: "实现地区生产总值5576.3亿元".into(),
        ..gdp_actual
    }];
    doc.apply(Edit::AddIndicator {
        indicator: new.clone(),
    })
    .unwrap();
    let added = doc.data().indicators.last().unwrap();
    assert_eq!(added.id, "general_public_budget_revenue");
    // The same again: the English name is taken, so a counter.
    doc.apply(Edit::AddIndicator {
        indicator: new.clone(),
    })
    .unwrap();
    assert!(doc.data().indicators.last().unwrap().id.starts_with("ind_"));
    assert!(model::faults(doc.data()).is_empty());
    new.id = "gdp".into();
    let err = doc
        .apply(Edit::AddIndicator { indicator: new })
        .unwrap_err();
    assert_eq!(err.to_string(), "indicator gdp: id: duplicate id");
}

#[test]
fn a_dataset_opened_with_faults_stays_editable() {
    let mut data = Dataset::bundled();
    data.indicators[0].observations[1].quote = "不在报告里".into();
    let text = SourceText::new(model::BUNDLED_TEXT.to_owned(), "bundled");
    let mut doc = Document::new(data, None, Ok(text));
    assert_eq!(doc.faults().len(), 1);
    assert!(!doc.is_clean());
    // Deleting the observation before the bad one moves it; that is no new fault.
    doc.apply(Edit::DeleteObservation {
        indicator: 0,
        observation: 0,
    })
    .unwrap();
    doc.apply(obs_edit(0, 0, ObservationField::GrowthPct, "6.5"))
        .unwrap();
    // Fixing the quote removes the fault.
    doc.apply(obs_edit(
        0,
        0,
        ObservationField::Quote,
        "地区生产总值增长6%左右",
    ))
    .unwrap();
    assert!(doc.faults().is_empty());
}

#[test]
fn highlights_follow_quote_edits() {
    let mut doc = bundled();
    let before = doc.quote_range(0, 0).unwrap();
    doc.apply(obs_edit(
        0,
        0,
        ObservationField::Quote,
        "地区生产总值5576.3亿元",
    ))
    .unwrap();
    let after = doc.quote_range(0, 0).unwrap();
    assert!(after.start > before.start && after.end == before.end - "，比上年增长3.1%".len());
    assert!(doc.highlights().iter().any(|h| h.range == after));
    assert!(!doc.highlights().iter().any(|h| h.range == before));
}

#[test]
fn numbers_in_a_selection() {
    let offer = numbers_in("2024年地区生产总值增长5.5%左右");
    assert_eq!(offer.growth_pct, Some(5.5));
    assert_eq!(offer.value, None);
    assert_eq!(offer.qualifier, Qualifier::About);
    assert_eq!(offer.year, Some(2024));
    let offer = numbers_in("一般公共预算收入达到20059亿元，增长6.2%");
    assert_eq!(offer.value, Some(20059.0));
    assert_eq!(offer.growth_pct, Some(6.2));
    assert_eq!(offer.unit.as_deref(), Some("亿元"));
    assert_eq!(offer.qualifier, Qualifier::Exact);
    let offer = numbers_in("新增就业3.2万人以上，能耗下降３％");
    assert_eq!(offer.value, Some(3.2));
    assert_eq!(offer.unit.as_deref(), Some("万人"));
    assert_eq!(offer.qualifier, Qualifier::AtLeast);
    assert_eq!(offer.growth_pct, Some(-3.0));
    let offer = numbers_in("旅游收入是上年的2.5倍");
    assert_eq!(offer.growth_pct, Some(150.0));
    assert_eq!(numbers_in("8月6日召开"), Offer::default());
}

#[test]
fn a_large_synthetic_review_finds_every_quote() {
    let (data, text) = synthetic(1_000_000, 2000);
    assert!(text.len() >= 1_000_000);
    assert_eq!(data.observation_count(), 2000);
    assert!(model::faults(&data).is_empty());
    let mut doc = Document::new(data, None, Ok(SourceText::new(text, "synthetic")));
    assert_eq!(doc.highlights().len(), 2000);
    assert!(doc.faults().is_empty());
    doc.apply(obs_edit(
        500,
        1,
        ObservationField::Quote,
        "第500项指标2024年",
    ))
    .unwrap();
    assert_eq!(doc.highlights().len(), 2000);
}

#[test]
fn a_report_opens_as_a_draft_with_the_text_its_quotes_came_from() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/harbin-2024-government-work-report.txt");
    let doc = Document::open_any(&seed).unwrap();
    assert!(doc.data().report.draft);
    assert_eq!(doc.path(), None);
    assert!(!doc.is_dirty());
    assert!(doc.data().observation_count() > 50);
    assert_eq!(doc.highlights().len(), doc.data().observation_count());
    assert!(doc.faults().is_empty(), "{:?}", doc.faults());
    let pasted = Document::from_pasted(model::BUNDLED_TEXT, "clipboard").unwrap();
    assert_eq!(pasted.data().indicators, doc.data().indicators);
    assert_eq!(pasted.highlights(), doc.highlights());
    // A dataset opens as a dataset.
    let json = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/indicators.json");
    let curated = Document::open_any(&json).unwrap();
    assert_eq!(curated.data(), &Dataset::bundled());
    assert!(curated.text().is_ok(), "found through ../seeds/");
    assert_eq!(
        curated.highlights().len(),
        curated.data().observation_count()
    );
}

mod random_edits {
    use super::*;
    use proptest::prelude::*;

    const VALUES: [&str; 14] = [
        "",
        " ",
        "abc",
        "2023",
        "2024",
        "1800",
        "5.5",
        "-3",
        "inf",
        "true",
        "false",
        "target",
        "about",
        "地区生产总值增长6%左右",
    ];

    fn edit(kind: u8, a: usize, b: usize, field: usize, value: usize) -> Edit {
        let value = VALUES[value % VALUES.len()].to_owned();
        let indicator_fields = [
            IndicatorField::NameZh,
            IndicatorField::NameEn,
            IndicatorField::Category,
            IndicatorField::Headline,
            IndicatorField::Reviewed,
            IndicatorField::NoteZh,
        ];
        let observation_fields = [
            ObservationField::Year,
            ObservationField::Kind,
            ObservationField::Value,
            ObservationField::GrowthPct,
            ObservationField::Qualifier,
            ObservationField::Quote,
        ];
        match kind % 7 {
            0 => Edit::Indicator {
                indicator: a,
                field: indicator_fields[field % indicator_fields.len()],
                value,
            },
            1 => Edit::Observation {
                indicator: a,
                observation: b % 3,
                field: observation_fields[field % observation_fields.len()],
                value,
            },
            2 => Edit::Report {
                field: [
                    ReportField::TitleZh,
                    ReportField::ReviewYear,
                    ReportField::PlanYear,
                ][field % 3],
                value,
            },
            3 => Edit::DeleteIndicator { indicator: a },
            4 => Edit::DeleteObservation {
                indicator: a,
                observation: b % 3,
            },
            5 => Edit::Merge {
                keep: a,
                from: b,
                take: vec![(2023, Kind::Actual)],
            },
            _ => Edit::AddObservation {
                indicator: a,
                observation: Observation {
                    year: 2022,
                    kind: Kind::Actual,
                    value: Some(1.0),
                    growth_pct: None,
                    qualifier: Qualifier::Exact,
                    quote: value,
                    derived: None,
                    source_file: None,
                    value_high: None,
                    growth_pct_high: None,
                    change: None,
                },
            },
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever is edited, nothing panics, the dataset never breaks a rule of `check`,
        /// the highlights stay true, and undo and redo walk the whole history.
        #[test]
        fn never_break_a_rule_and_undo_everything(
            edits in proptest::collection::vec((any::<u8>(), 0usize..112, 0usize..112, any::<usize>(), any::<usize>()), 1..24)
        ) {
            let mut doc = Document::bundled();
            let original = doc.data().clone();
            let mut applied = 0;
            for (kind, a, b, field, value) in edits {
                let edit = edit(kind, a, b, field, value);
                let checked = doc.check(&edit);
                let result = doc.apply(edit);
                prop_assert_eq!(checked.is_ok(), result.is_ok());
                applied += usize::from(result.is_ok());
                prop_assert!(doc.faults().is_empty(), "{:?}", doc.faults());
            }
            let text = doc.text().unwrap().text.clone();
            for h in doc.highlights() {
                let obs = &doc.data().indicators[h.indicator].observations[h.observation];
                prop_assert_eq!(squeezed(&text[h.range.clone()]), squeezed(&obs.quote));
            }
            prop_assert_eq!(doc.highlights().len(), doc.data().observation_count());
            let last = doc.data().clone();
            let mut undone = 0;
            while doc.undo() {
                undone += 1;
            }
            prop_assert_eq!(undone, applied);
            prop_assert_eq!(doc.data(), &original);
            prop_assert!(!doc.is_dirty());
            while doc.redo() {}
            prop_assert_eq!(doc.data(), &last);
        }
    }
}
