//! The real app in egui_kittest: list, presets, search, views, languages, details, errors.
//! Missing glyphs fail these tests (egui_kittest's default), so no CJK text is tofu.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use gwr_charts::GwrApp;
use gwr_charts::app::State;
use gwr_charts::chart::View;
use gwr_charts::i18n::Lang;
use gwr_charts::selection::{self, Preset};

fn app() -> Harness<'static, GwrApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| GwrApp::new(cc, vec![]));
    harness.run();
    harness
}

fn headline() -> Vec<String> {
    let data = gwr_charts::model::Dataset::bundled();
    selection::indicators(&data, &selection::preset(&data, Preset::Headline))
        .iter()
        .map(|i| i.id.clone())
        .collect()
}

#[test]
fn first_start_shows_growth_of_the_headline_targets_in_chinese() {
    let harness = app();
    let app = harness.state();
    assert_eq!(app.state.chart.view, View::Growth);
    assert_eq!(app.state.chart.lang, Lang::Zh);
    let mut expected = headline();
    // The qualitative income target has no growth rate to draw.
    expected.retain(|id| id != "household_income");
    assert_eq!(app.drawn, expected);
    harness.get_by_label("增长率：上年实际与今年目标");
    harness.get_by_label_contains("本视图未绘制");
}

#[test]
fn ticking_a_checkbox_adds_and_removes_the_indicator_from_the_chart() {
    let mut harness = app();
    assert!(!harness.state().drawn.contains(&"fiscal_revenue".to_owned()));
    harness
        .get_by_role_and_label(Role::CheckBox, "一般公共预算收入")
        .click();
    harness.run();
    assert!(harness.state().drawn.contains(&"fiscal_revenue".to_owned()));
    harness
        .get_by_role_and_label(Role::CheckBox, "一般公共预算收入")
        .click();
    harness.run();
    assert!(!harness.state().drawn.contains(&"fiscal_revenue".to_owned()));
}

#[test]
fn presets_tick_what_they_say() {
    let mut harness = app();
    let data = harness.state().data.clone();
    for (label, preset) in [
        ("全部", Preset::All),
        ("清空", Preset::None),
        ("全部可比指标", Preset::Comparable),
        ("主要预期目标", Preset::Headline),
    ] {
        harness.get_by_label(label).click();
        harness.run();
        assert_eq!(
            harness.state().ticked(),
            selection::preset(&data, preset),
            "{label}"
        );
    }
    harness.get_by_label("全部").click();
    harness.run();
    harness.get_by_label(&format!("已选 {0} / {0}", data.indicators.len()));
    // The category switches: none, then all, of one category.
    harness.get_all_by_label("全不选").next().unwrap().click();
    harness.run();
    let economy = data
        .indicators
        .iter()
        .filter(|i| i.category == gwr_charts::model::Category::Economy);
    for ind in economy.clone() {
        assert!(!harness.state().ticked().contains(&ind.id), "{}", ind.id);
    }
    harness.get_all_by_label("全选").next().unwrap().click();
    harness.run();
    for ind in economy {
        assert!(harness.state().ticked().contains(&ind.id), "{}", ind.id);
    }
}

#[test]
fn search_filters_the_list() {
    let mut harness = app();
    harness.get_by_label("对俄进出口总额");
    harness.get_by_label("粮食产量");
    harness.get_by_role(Role::TextInput).focus();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("粮食");
    harness.run();
    assert_eq!(harness.state().search, "粮食");
    harness.get_by_label("粮食产量");
    assert!(harness.query_by_label("对俄进出口总额").is_none());
    // English names and ids match too.
    harness.state_mut().search = "trade_with".into();
    harness.run();
    harness.get_by_label("对俄进出口总额");
    harness.state_mut().search = "zzzz".into();
    harness.run();
    harness.get_by_label("没有匹配的指标");
}

#[test]
fn every_view_renders_for_all_and_for_nothing() {
    let mut harness = app();
    for view in View::ALL {
        harness.state_mut().state.chart.view = view;
        harness.get_by_label("全部").click();
        harness.run();
        assert!(!harness.state().drawn.is_empty(), "{view:?} drew nothing");
        harness.get_by_label("清空").click();
        harness.run();
        assert!(harness.state().drawn.is_empty());
        harness.get_by_label_contains("尚未选择指标");
    }
}

#[test]
fn number_keys_switch_views() {
    let mut harness = app();
    for (key, view) in [
        (egui::Key::Num2, View::Levels),
        (egui::Key::Num3, View::Progress),
        (egui::Key::Num4, View::Trend),
        (egui::Key::Num1, View::Growth),
    ] {
        harness.key_press(key);
        harness.run();
        assert_eq!(harness.state().state.chart.view, view);
    }
}

#[test]
fn switching_language_changes_the_labels() {
    let mut harness = app();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Growth: last year's result against this year's target");
    harness.get_by_label("1 Growth");
    harness.get_by_label("Gross regional product ★");
    assert!(harness.query_by_label("1 增长").is_none());
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("1 增长");
}

#[test]
fn the_details_panel_shows_the_quote() {
    let mut harness = app();
    harness.get_by_label("地区生产总值 ★").click();
    harness.run();
    assert_eq!(harness.state().details.as_deref(), Some("gdp"));
    harness.get_by_label("「实现地区生产总值5576.3亿元，比上年增长3.1%」");
    harness.get_by_label("「地区生产总值增长6%左右」");
    harness.get_by_label("2024 目标 — 增长 ≈6%");

    // Search brings a row lower down the list into view.
    harness.state_mut().search = "新签约".into();
    harness.run();
    harness.get_by_label("新签约项目 ≠").click();
    harness.run();
    harness.get_by_label("≠ 两年口径不同，不可直接比较");
}

#[test]
fn a_bad_file_leaves_the_dataset_in_place() {
    let mut harness = app();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"schema_version\": 1,").unwrap();
    let before = harness.state().data.clone();
    harness.state_mut().open(std::slice::from_ref(&bad));
    harness.run();
    assert_eq!(harness.state().data, before);
    harness.get_by_label_contains("无法打开文件");
    harness.get_by_label_contains(&format!("{}:1:21: EOF while parsing", bad.display()));

    // A good file replaces it and ticks its headline targets.
    let good = dir.path().join("good.json");
    let mut other = before.clone();
    other.indicators.truncate(3);
    other.report.title_zh = "另一份报告".into();
    std::fs::write(&good, serde_json::to_string(&other).unwrap()).unwrap();
    harness.state_mut().open(&[good]);
    harness.run();
    assert_eq!(harness.state().data, other);
    assert!(harness.state().error.is_none());
}

#[test]
fn saved_state_survives_and_a_corrupt_one_falls_back() {
    #[derive(Default)]
    struct Memory(std::collections::HashMap<String, String>);
    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }
    use eframe::Storage as _;
    let mut state = State::default();
    state.chart.view = View::Trend;
    state.chart.lang = Lang::En;
    state.selection = Some(["gdp".to_owned()].into());
    let mut storage = Memory::default();
    eframe::set_value(&mut storage, eframe::APP_KEY, &state);
    assert_eq!(State::restore(Some(&storage)), state);

    storage.set_string(eframe::APP_KEY, "(version: 1, chart: (view: Nope".into());
    assert_eq!(State::restore(Some(&storage)), State::default());
    storage.set_string(eframe::APP_KEY, "(version: 0)".into());
    assert_eq!(State::restore(Some(&storage)), State::default());
    assert_eq!(State::restore(None), State::default());
}

#[test]
fn hovering_a_bar_shows_its_quote_and_clicking_it_shows_details() {
    let mut harness = app();
    // Walk down the middle of the chart until the tooltip of the first row appears.
    let mut found = None;
    for y in (120..800).step_by(8) {
        let pos = egui::pos2(650.0, y as f32);
        harness.hover_at(pos);
        harness.run();
        if harness.query_by_label("地区生产总值").is_some() {
            found = Some(pos);
            break;
        }
    }
    let pos = found.expect("no tooltip for the GDP row");
    harness.get_by_label("「实现地区生产总值5576.3亿元，比上年增长3.1%」");
    harness.get_by_label("左右（约）");
    harness.get_by_label("2023 实际 — 5576.3 亿元 (+3.1%)");
    assert!(harness.state().details.is_none());
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    assert_eq!(harness.state().details.as_deref(), Some("gdp"));
}
