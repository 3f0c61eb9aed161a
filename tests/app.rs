//! The real app in egui_kittest: list, presets, search, views, languages, details, errors.
//! Missing glyphs fail these tests (egui_kittest's default), so no CJK text is tofu.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use gwr_charts::GwrApp;
use gwr_charts::app::{AppCommand, Level, State, Status};
use gwr_charts::chart::View;
use gwr_charts::i18n::{Lang, fill};
use gwr_charts::selection::{self, Preset};

mod common;
use common::press;

const ZH: &gwr_charts::i18n::Texts = &gwr_charts::i18n::ZH;

fn app() -> Harness<'static, GwrApp> {
    app_sized(1400.0, 900.0)
}

fn app_sized(width: f32, height: f32) -> Harness<'static, GwrApp> {
    common::app_at(egui::vec2(width, height), vec![], None, 4)
}

/// Whether the chart drew the indicator `id` in the last frame.
fn drawn(harness: &Harness<'_, GwrApp>, id: &str) -> bool {
    harness.state().ui.drawn.iter().any(|d| d == id)
}

/// Saved state in memory, as eframe keeps it in a file.
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

/// The app started with `storage` as its saved state, as on a restart.
fn app_restored(storage: Memory) -> Harness<'static, GwrApp> {
    let storage: &'static Memory = Box::leak(Box::new(storage));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            cc.storage = Some(storage);
            GwrApp::with_autosave(cc, vec![], None)
        });
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
    assert_eq!(app.ui.drawn, expected);
    harness.get_by_label(ZH.view_growth_title);
    harness.get_by_label_contains(ZH.not_drawn);
}

#[test]
fn ticking_a_checkbox_adds_and_removes_the_indicator_from_the_chart() {
    let mut harness = app();
    assert!(!drawn(&harness, "fiscal_revenue"));
    harness
        .get_by_role_and_label(Role::CheckBox, "一般公共预算收入")
        .click();
    harness.run();
    assert!(drawn(&harness, "fiscal_revenue"));
    harness
        .get_by_role_and_label(Role::CheckBox, "一般公共预算收入")
        .click();
    harness.run();
    assert!(!drawn(&harness, "fiscal_revenue"));
}

#[test]
fn presets_tick_what_they_say() {
    let mut harness = app();
    let data = harness.state().data().clone();
    for (label, preset) in [
        (ZH.preset_all, Preset::All),
        (ZH.preset_none, Preset::None),
        (ZH.preset_comparable, Preset::Comparable),
        (ZH.preset_headline, Preset::Headline),
    ] {
        harness.get_by_label(label).click();
        harness.run();
        assert_eq!(
            harness.state().ticked(),
            &selection::preset(&data, preset),
            "{label}"
        );
    }
    harness.get_by_label(ZH.preset_all).click();
    harness.run();
    harness.get_by_label(&format!("{} {1} / {1}", ZH.shown, data.indicators.len()));
    // The category switches: none, then all, of one category.
    harness.get_all_by_label(ZH.none).next().unwrap().click();
    harness.run();
    let economy = data
        .indicators
        .iter()
        .filter(|i| i.category == gwr_charts::model::Category::Economy);
    for ind in economy.clone() {
        assert!(!harness.state().ticked().contains(&ind.id), "{}", ind.id);
    }
    harness.get_all_by_label(ZH.all).next().unwrap().click();
    harness.run();
    for ind in economy {
        assert!(harness.state().ticked().contains(&ind.id), "{}", ind.id);
    }
}

#[test]
fn search_filters_the_list() {
    // Only the rows in view are laid out, so look for rows after filtering.
    let mut harness = app();
    harness.get_by_role(Role::TextInput).focus();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("粮食");
    harness.run();
    assert_eq!(harness.state().ui.search, "粮食");
    harness.get_by_label("粮食产量");
    assert!(harness.query_by_label("对俄进出口总额").is_none());
    // English names and ids match too.
    harness.state_mut().ui.search = "trade_with".into();
    harness.run();
    harness.get_by_label("对俄进出口总额");
    harness.state_mut().ui.search = "zzzz".into();
    harness.run();
    harness.get_by_label(ZH.no_match);
}

#[test]
fn every_view_renders_for_all_and_for_nothing() {
    let mut harness = app();
    // The compare view draws regions, not ticked indicators (tests/compare_view.rs).
    for view in View::ALL.into_iter().filter(|v| *v != View::Compare) {
        harness.state_mut().state.chart.view = view;
        harness.get_by_label(ZH.preset_all).click();
        harness.run();
        assert!(
            !harness.state().ui.drawn.is_empty(),
            "{view:?} drew nothing"
        );
        harness.get_by_label(ZH.preset_none).click();
        harness.run();
        assert!(harness.state().ui.drawn.is_empty());
        harness.get_by_label_contains(ZH.empty_selection);
    }
}

#[test]
fn number_keys_switch_views() {
    let mut harness = app();
    for (key, view) in [
        (egui::Key::Num2, View::Levels),
        (egui::Key::Num3, View::Progress),
        (egui::Key::Num4, View::Trend),
        (egui::Key::Num5, View::Compare),
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
    assert!(
        harness
            .query_by_label(&AppCommand::ShowView(View::Growth).label(Lang::Zh))
            .is_none()
    );
    harness.get_by_label(Lang::Zh.native_name()).click();
    harness.run();
    harness.get_by_label(&AppCommand::ShowView(View::Growth).label(Lang::Zh));
}

#[test]
fn the_details_panel_shows_the_quote() {
    let mut harness = app();
    harness.get_by_label("地区生产总值 ★").click();
    harness.run();
    assert_eq!(harness.state().ui.details.as_deref(), Some("gdp"));
    harness.get_by_label("「实现地区生产总值5576.3亿元，比上年增长3.1%」");
    harness.get_by_label("「地区生产总值增长6%左右」");
    harness.get_by_label("2024 目标 — 增长 ≈6%");

    // Search brings a row lower down the list into view.
    harness.state_mut().ui.search = "新签约".into();
    harness.run();
    harness.get_by_label("新签约项目 ≠").click();
    harness.run();
    harness.get_by_label(&format!("≠ {}", ZH.not_comparable));
}

#[test]
fn a_bad_file_leaves_the_dataset_in_place() {
    let mut harness = app();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"schema_version\": 1,").unwrap();
    let before = harness.state().data().clone();
    harness.state_mut().open(std::slice::from_ref(&bad));
    harness.run();
    assert_eq!(harness.state().data(), &before);
    harness.get_by_label_contains(ZH.open_failed);
    // In the window's language, with the file and the place.
    let error = gwr_charts::model::load_path(&bad).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("{}:1:21: EOF while parsing a value", bad.display())
    );
    let shown = error.message(ZH);
    assert!(shown.contains("第 1 行第 21 列"), "{shown}");
    harness.get_by_label_contains(&shown);

    // A good file replaces it and ticks its headline targets.
    let good = dir.path().join("good.json");
    let mut other = before.clone();
    other.indicators.truncate(3);
    other.report.title_zh = "另一份报告".into();
    std::fs::write(&good, serde_json::to_string(&other).unwrap()).unwrap();
    harness.state_mut().open(&[good]);
    harness.run();
    assert_eq!(harness.state().data(), &other);
    assert!(harness.state().ui.status.is_none());
}

#[test]
fn saved_state_survives_and_a_corrupt_one_falls_back() {
    use eframe::Storage as _;
    let mut state = State::default();
    state.chart.view = View::Trend;
    state.chart.lang = Lang::En;
    state
        .selections
        .insert("哈尔滨市".into(), ["gdp".to_owned()].into());
    let mut storage = Memory::default();
    eframe::set_value(&mut storage, eframe::APP_KEY, &state);
    assert_eq!(State::restore(Some(&storage)), state);

    storage.set_string(eframe::APP_KEY, "(version: 2, chart: (view: Nope".into());
    assert_eq!(State::restore(Some(&storage)), State::default());
    // A state of the first shape (one selection, not one per region) is not read.
    storage.set_string(
        eframe::APP_KEY,
        "(version: 1, selection: Some([\"gdp\"]))".into(),
    );
    assert_eq!(State::restore(Some(&storage)), State::default());
    assert_eq!(State::restore(None), State::default());
}

#[test]
fn the_app_saves_its_state_and_a_restart_restores_it() {
    let mut harness = app();
    harness
        .get_by_label(&AppCommand::ShowView(View::Trend).label(Lang::Zh))
        .click();
    harness.get_by_label("English").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "General public budget revenue")
        .click();
    harness.run();
    let before = harness.state().state.clone();
    assert!(before.selections["哈尔滨市"].contains("fiscal_revenue"));
    let mut storage = Memory::default();
    eframe::App::save(harness.state_mut(), &mut storage);

    let restarted = app_restored(storage);
    let app = restarted.state();
    assert_eq!(app.state, before);
    assert_eq!(app.state.chart.view, View::Trend);
    assert!(app.ticked().contains("fiscal_revenue"));
    assert!(app.ui.drawn.contains(&"fiscal_revenue".to_owned()));
}

#[test]
fn saved_ids_that_no_longer_exist_fall_back_to_the_headline_targets() {
    let data = gwr_charts::model::Dataset::bundled();
    let gone: std::collections::BTreeSet<String> = ["no_such_indicator".to_owned()].into();
    assert_eq!(
        selection::resolve(&data, Some(&gone)),
        selection::preset(&data, Preset::Headline)
    );
    // Ids that still exist are kept, the rest dropped.
    let mixed = ["gdp".to_owned(), "no_such_indicator".to_owned()].into();
    assert_eq!(
        selection::resolve(&data, Some(&mixed)),
        ["gdp".to_owned()].into()
    );

    // On a restart: the chart opens on the headline targets, not empty.
    let mut state = State::default();
    state.selections.insert("哈尔滨市".into(), gone);
    let mut storage = Memory::default();
    eframe::set_value(&mut storage, eframe::APP_KEY, &state);
    let harness = app_restored(storage);
    assert_eq!(
        harness.state().ticked(),
        &selection::preset(&data, Preset::Headline)
    );
    assert!(!harness.state().ui.drawn.is_empty());
}

#[test]
fn a_failed_save_says_save_failed() {
    let mut harness = app();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("no-such-folder");
    let path = folder.join("out.json");
    let status = harness.state().write_json(path.clone());
    assert!(
        matches!(&status, Status::SaveFailed(e) if e.path == path),
        "{status:?}"
    );
    assert_eq!(status.level(), Level::Error);
    harness.state_mut().ui.status = Some(status);
    harness.run();
    harness.get_by_label(ZH.save_failed);
    // The file and the missing folder, each once, and never the temporary file's name.
    let said = harness
        .get_by_label_contains(&path.display().to_string())
        .accesskit_node()
        .value()
        .unwrap_or_default();
    let no_folder = fill(ZH.messages.no_folder, &[("dir", &folder.display())]);
    assert!(said.contains(&no_folder), "{said}");
    assert_eq!(
        said.matches(&path.display().to_string()).count(),
        1,
        "{said}"
    );
    assert!(!said.contains(".gwr-charts-"), "{said}");
    assert!(harness.query_by_label_contains(ZH.open_failed).is_none());
    harness.get_by_label(ZH.dismiss).click();
    harness.run();
    assert!(harness.state().ui.status.is_none());

    // A save that works says where the file went.
    let good = dir.path().join("out.json");
    let status = harness.state().write_json(good.clone());
    assert_eq!(status, Status::Saved { path: good.clone() });
    harness.state_mut().ui.status = Some(status);
    harness.run();
    harness.get_by_label(ZH.saved);
    harness.get_by_label(&good.display().to_string());
    let saved = gwr_charts::model::load_str("out.json", &std::fs::read_to_string(&good).unwrap());
    assert_eq!(&saved.unwrap(), harness.state().data());
}

#[test]
fn tooltips_show_the_shortcut_and_the_shortcut_runs_the_command() {
    let mut harness = app();
    let shortcut = AppCommand::OpenExport.shortcut().unwrap();
    let keys = harness.ctx.format_shortcut(&shortcut);
    assert!(keys.ends_with('E'), "{keys}");
    assert!(harness.query_by_label(&keys).is_none());
    harness.get_by_label(ZH.export).hover();
    harness.run();
    harness.get_by_label(&keys);

    assert!(!harness.state().ui.export.open);
    press(&mut harness, AppCommand::OpenExport);
    assert!(harness.state().ui.export.open);
}

/// At 1280×800 with the details panel open on any indicator, in either language, the chart
/// keeps at least 60% of the window's width.
#[test]
fn at_1280_by_800_the_chart_keeps_most_of_the_width_with_the_details_open() {
    let mut harness = app_sized(1280.0, 800.0);
    let ids: Vec<String> = harness
        .state()
        .data()
        .indicators
        .iter()
        .filter(|i| i.headline || i.note_zh.is_some())
        .map(|i| i.id.clone())
        .collect();
    for lang in Lang::ALL {
        harness.state_mut().state.chart.lang = lang;
        for id in &ids {
            harness.state_mut().ui.details = Some(id.clone());
            harness.run();
            let chart = harness.state().ui.chart_rect;
            assert!(
                chart.width() >= 0.6 * 1280.0,
                "{lang:?} {id}: the chart is {} px wide",
                chart.width()
            );
        }
    }
}

#[test]
fn the_details_panel_opens_when_something_is_picked_and_closes() {
    let mut harness = app_sized(1280.0, 720.0);
    assert!(harness.query_by_label(ZH.details).is_none());
    let closed = harness.state().ui.chart_rect.width();

    harness.get_by_label("地区生产总值 ★").click();
    harness.run();
    harness.get_by_label(ZH.details);
    assert!(harness.state().ui.chart_rect.width() < closed);

    // The × button closes it and gives the width back.
    harness.get_by_label("×").click();
    harness.run();
    assert!(harness.state().ui.details.is_none());
    assert!(harness.query_by_label(ZH.details).is_none());
    assert_eq!(harness.state().ui.chart_rect.width(), closed);

    // So does Esc.
    harness.get_by_label("地区生产总值 ★").click();
    harness.run();
    harness.get_by_label(ZH.details);
    press(&mut harness, AppCommand::CloseDetails);
    assert!(harness.query_by_label(ZH.details).is_none());
}

/// The rectangles of the top bar's widgets: views, commands, the overflow menu.
fn top_bar_rects(harness: &Harness<'_, GwrApp>, lang: Lang) -> Vec<(String, egui::Rect)> {
    let mut labels: Vec<String> = View::ALL
        .into_iter()
        .map(|v| AppCommand::ShowView(v).label(lang))
        .collect();
    labels.extend(
        [
            AppCommand::OpenDialog,
            AppCommand::SaveJson,
            AppCommand::OpenExport,
            AppCommand::CopyChart,
            AppCommand::ResetPlot,
        ]
        .map(|c| c.label(lang)),
    );
    labels.extend(Lang::ALL.map(|l| l.native_name().to_owned()));
    labels.push("…".into());
    labels
        .into_iter()
        .filter_map(|label| {
            let rect = harness.query_by_label(&label)?.rect();
            Some((label, rect))
        })
        .collect()
}

#[test]
fn on_small_screens_the_top_bar_is_one_row_and_the_chart_gets_most_of_the_width() {
    for (width, height) in [(1280.0, 720.0), (1024.0, 640.0)] {
        let mut harness = app_sized(width, height);
        for lang in Lang::ALL {
            harness.state_mut().state.chart.lang = lang;
            harness.run();
            harness.run();
            let rects = top_bar_rects(&harness, lang);
            // The views never leave the bar.
            assert!(rects.len() > View::ALL.len(), "{width}: {rects:?}");
            let row = rects[0].1;
            for (label, rect) in &rects {
                assert!(
                    (rect.center().y - row.center().y).abs() < 1.0,
                    "{width}x{height} {lang:?}: {label} {rect:?} is not on the row of {row:?}"
                );
                assert!(
                    rect.min.x >= 0.0 && rect.max.x <= width,
                    "{width}x{height} {lang:?}: {label} {rect:?} is outside the window"
                );
            }
            // Whatever did not fit is in the menu.
            if rects.iter().all(|(label, _)| label != "…") {
                assert!(rects.len() >= View::ALL.len() + 7, "{rects:?}");
            }
            let chart = harness.state().ui.chart_rect;
            assert!(
                chart.width() > 0.6 * width,
                "{width}x{height} {lang:?}: the chart is {chart:?}"
            );
        }
    }
}

#[test]
fn the_export_dialog_rows_do_not_run_into_each_other() {
    let mut harness = app_sized(1024.0, 640.0);
    press(&mut harness, AppCommand::OpenExport);
    harness.run();
    let label = |text: &str| harness.get_by_role_and_label(Role::Label, text).rect();
    let width = label(ZH.width);
    let height = label(ZH.height);
    let scale = label(ZH.scale);
    let preset = harness.get_by_label("16:9 1920×1080").rect();
    assert!(preset.max.y <= width.min.y, "{preset:?} {width:?}");
    // Width and height share a row.
    assert!(
        width.min.y < height.max.y && height.min.y < width.max.y,
        "{width:?} {height:?}"
    );
    assert!(width.max.y <= scale.min.y, "{width:?} {scale:?}");
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
    harness.get_by_label(ZH.qualifier_words[1]);
    harness.get_by_label("2023 实际 — 5576.3 亿元 (+3.1%)");
    assert!(harness.state().ui.details.is_none());
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
    assert_eq!(harness.state().ui.details.as_deref(), Some("gdp"));
}

#[test]
fn pasting_report_text_opens_it_as_a_draft_of_its_region() {
    let mut harness = app();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/reports/mianyang-2024.txt"
    ))
    .unwrap();
    harness.event(egui::Event::Paste(text));
    harness.run();
    let app = harness.state();
    assert_eq!(app.data().report.region_zh, "绵阳市");
    assert!(app.chart_spec().draft, "a pasted report is a draft");
    assert!(!app.ui.drawn.is_empty(), "its figures are charted");
}

#[test]
fn two_regions_stay_apart_and_the_picker_switches_between_them() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reports");
    let files = vec![
        std::path::PathBuf::from(format!("{dir}/mianyang-2024.txt")),
        std::path::PathBuf::from(format!("{dir}/wuhu-2024.txt")),
    ];
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| GwrApp::with_autosave(cc, files.clone(), None));
    harness.run();
    assert_eq!(harness.state().session.regions().len(), 2);
    assert_eq!(harness.state().data().report.region_zh, "绵阳市");
    let first: Vec<String> = harness
        .state()
        .data()
        .indicators
        .iter()
        .map(|i| i.name_zh.clone())
        .collect();
    harness.state_mut().show_region(1);
    harness.run();
    let app = harness.state();
    assert_eq!(app.data().report.region_zh, "芜湖市");
    // The second region's dataset holds only its own report's figures.
    assert!(
        app.data()
            .indicators
            .iter()
            .flat_map(|i| &i.observations)
            .all(|o| o.source_file.as_deref().is_none_or(|f| f.contains("wuhu")))
    );
    assert!(!first.is_empty());
}

/// Drops `dir` on the window, as a user drags a folder onto it.
fn drop_folder(harness: &mut Harness<'_, GwrApp>, dir: &std::path::Path) {
    common::drop_path(harness, dir);
    harness.step();
    harness.step();
}

/// Draws frames until `done` holds (the worker asks for them; a test draws them itself),
/// at most for a minute.
fn step_until(harness: &mut Harness<'_, GwrApp>, done: impl Fn(&GwrApp) -> bool) {
    let start = std::time::Instant::now();
    while !done(harness.state()) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "still waiting after a minute"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    // Settle the frames after (the worker may still ask for more).
    harness.run_ok();
}

#[test]
fn a_dropped_folder_opens_in_the_background_and_names_the_broken_report() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(reports.join("hubei")).unwrap();
    for (from, to) in [
        ("tests/reports/mianyang-2024.txt", "mianyang-2024.txt"),
        ("tests/reports/wuhu-2024.txt", "wuhu-2024.txt"),
        ("tests/reports/yichang-2024.txt", "hubei/yichang-2024.txt"),
        ("tests/formats/corrupt.docx", "broken.docx"),
    ] {
        std::fs::copy(from, reports.join(to)).unwrap();
    }
    std::fs::write(reports.join("notes.md"), "not a report").unwrap();
    let mut harness = app();
    let before = harness.state().data().clone();
    drop_folder(&mut harness, &reports);
    // The frame that took the drop did not wait for the drafts: the run is under way and
    // the dataset shown is still the one before.
    assert!(
        harness.state().folder_run().is_some(),
        "a run in the background"
    );
    assert_eq!(harness.state().data(), &before);
    step_until(&mut harness, |app| app.folder_run().is_none());
    let app = harness.state();
    let regions: Vec<&str> = app
        .session
        .regions()
        .iter()
        .map(|r| r.data.report.region_zh.as_str())
        .collect();
    assert_eq!(regions.len(), 3, "{regions:?}");
    for region in ["绵阳市", "芜湖市", "宜昌市"] {
        assert!(regions.contains(&region), "{regions:?}");
    }
    let Some(Status::FolderOpened {
        opened: 3,
        total: 4,
        cancelled: false,
        failed: Some(failed),
    }) = &app.ui.status
    else {
        panic!("{:?}", app.ui.status);
    };
    assert_eq!(failed.0.len(), 1);
    let why = failed.message(ZH);
    assert!(why.contains("broken.docx"), "{why}");
    assert_eq!(app.ui.status.as_ref().unwrap().level(), Level::Warning);
    // The banner says it as the window says load errors: the file and its reason.
    harness.get_by_label_contains(&why);
    harness.get_by_label_contains(&fill(ZH.folder_summary, &[("opened", &3), ("total", &4)]));
}

#[test]
fn cancel_stops_a_folder_run_and_keeps_what_was_finished() {
    let dir = tempfile::tempdir().unwrap();
    let total = 200;
    for n in 0..total {
        std::fs::copy(
            "tests/reports/wuhu-2024.txt",
            dir.path().join(format!("wuhu-{n:03}.txt")),
        )
        .unwrap();
    }
    let mut harness = app();
    drop_folder(&mut harness, dir.path());
    step_until(&mut harness, |app| {
        app.folder_run().is_none_or(|run| run.done() >= 1)
    });
    assert!(harness.state().folder_run().is_some(), "done before Cancel");
    // The progress bar and its Cancel button, at the foot of the window.
    let progress = ZH.folder_progress.split('{').next().unwrap();
    harness.get_by_label_contains(progress);
    harness
        .get_by_role_and_label(Role::Button, ZH.cancel)
        .click();
    step_until(&mut harness, |app| app.folder_run().is_none());
    let app = harness.state();
    let Some(Status::FolderOpened {
        opened,
        total: 200,
        cancelled: true,
        failed: None,
    }) = app.ui.status
    else {
        panic!("{:?}", app.ui.status);
    };
    assert!((1..total).contains(&opened), "{opened} of {total}");
    // What was finished is open: one region, its files every report done.
    let regions = app.session.regions();
    assert_eq!(regions.len(), 1);
    assert_eq!(regions[0].data.report.region_zh, "芜湖市");
    assert_eq!(regions[0].files.len(), opened);
    harness.get_by_label_contains(ZH.folder_cancelled);
}

/// The chart parts of every slide of a deck: each chart's series names and values.
fn deck_charts(path: &std::path::Path) -> Vec<Vec<(String, Vec<Option<f64>>)>> {
    let pkg = common::ooxml::Package::open(&std::fs::read(path).unwrap());
    pkg.slides()
        .iter()
        .map(|slide| {
            pkg.charts(slide)
                .iter()
                .flat_map(|chart| common::ooxml::chart_series(&pkg.xml(chart)))
                .map(|s| (s.name, s.values))
                .collect()
        })
        .collect()
}

#[test]
fn the_export_dialog_writes_a_whole_deck_as_the_command_line_does() {
    let files = common::four_cities();
    let mut harness = common::app_with(files.clone());
    harness.state_mut().push(AppCommand::OpenExport);
    harness.run();
    harness.get_by_label("PowerPoint").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, ZH.whole_deck_hint)
        .click();
    harness.run();
    // The view shown is ticked, and the region shown; tick more of each.
    for label in [ZH.view_levels, ZH.view_trend, ZH.view_compare, "芜湖市"] {
        harness.get_by_role_and_label(Role::CheckBox, label).click();
        harness.run();
    }
    let deck = &harness.state().ui.export.deck;
    assert_eq!(
        deck.views,
        [View::Growth, View::Levels, View::Trend, View::Compare]
    );
    assert_eq!(deck.regions, ["绵阳市", "芜湖市"]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.pptx");
    let status = harness.state_mut().write_export(out.clone());
    assert_eq!(status, Status::Saved { path: out.clone() });
    let window = deck_charts(&out);
    // A title slide, three views of two regions, and one compare slide of every region.
    assert_eq!(window.len(), 1 + 3 * 2 + 1);
    assert!(window[0].is_empty(), "the title slide has no chart");
    assert!(window[1..].iter().all(|s| !s.is_empty()), "{window:?}");

    // The command line's deck of the same views, regions and compared indicator has the
    // same charts.
    let compared = harness.state().compare_table().unwrap().name.clone();
    let cli_out = dir.path().join("cli.pptx");
    let mut args: Vec<String> = [
        "export",
        "--view",
        "growth,levels,trend,compare",
        "--region",
        "绵阳市,芜湖市",
        "--out",
    ]
    .map(String::from)
    .into();
    args.push(cli_out.display().to_string());
    args.extend(["--indicator".into(), compared]);
    for f in &files {
        args.extend(["--data".into(), f.display().to_string()]);
    }
    let (code, _, stderr) = common::run(&args);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(deck_charts(&cli_out), window);

    // In an image format the deck is a file per page beside the name given.
    harness.state_mut().ui.export.format = gwr_charts::export::Format::Svg;
    let status = harness
        .state_mut()
        .write_export(dir.path().join("deck.svg"));
    let Status::SavedFiles(written) = status else {
        panic!("{status:?}");
    };
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "deck-growth-绵阳市.svg",
            "deck-growth-芜湖市.svg",
            "deck-levels-绵阳市.svg",
            "deck-levels-芜湖市.svg",
            "deck-trend-绵阳市.svg",
            "deck-trend-芜湖市.svg",
            "deck-compare.svg",
        ]
    );
    assert!(written.iter().all(|p| p.is_file()));
}
