//! Review mode on the real app in egui_kittest: edit in place, refuse bad input, add a
//! figure from the report text, merge, undo and redo, save, the unsaved-changes prompt and
//! autosave recovery. Missing glyphs fail these tests (egui_kittest's default).

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _, by};
use egui_kittest::{Harness, SnapshotOptions};
use gwr_charts::GwrApp;
use gwr_charts::app::AppCommand;
use gwr_charts::app::review::{Field, Leave, Row};
use gwr_charts::edit::{IndicatorField, ObservationField};
use gwr_charts::i18n::{Lang, fill};
use gwr_charts::model::{self, Dataset, Kind};

mod common;
use common::press;

#[path = "editor/document.rs"]
mod document;

const ZH: &gwr_charts::i18n::Texts = &gwr_charts::i18n::ZH;

/// The app on the bundled dataset, autosaving into `dir`. A row revealed far down the form
/// is scrolled to smoothly: frames until it settles.
fn app_in(dir: &Path, files: Vec<PathBuf>) -> Harness<'static, GwrApp> {
    common::app_at(
        egui::vec2(1600.0, 900.0),
        files,
        Some(dir.to_path_buf()),
        64,
    )
}

/// The app on the bundled dataset in review mode, autosaving into a new temporary folder
/// (kept as long as the returned handle).
fn review_bundled() -> (tempfile::TempDir, Harness<'static, GwrApp>) {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path(), vec![]);
    press(&mut harness, AppCommand::Review);
    (dir, harness)
}

/// Enters review mode and renames GDP (one committed edit); returns its place.
fn rename_gdp(harness: &mut Harness<'_, GwrApp>) -> usize {
    press(harness, AppCommand::Review);
    let gdp = index(harness, "gdp");
    harness
        .state_mut()
        .apply_edit(Field::Indicator(gdp, IndicatorField::NameZh).edit("生产总值".into()))
        .unwrap();
    harness.run();
    gdp
}

/// The place of an indicator in the dataset shown.
fn index(harness: &Harness<'_, GwrApp>, id: &str) -> usize {
    let data = &harness.state().data();
    data.indicators
        .iter()
        .position(|i| i.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

/// Brings a row into view and picks it, as a click on a highlight does.
fn reveal(harness: &mut Harness<'_, GwrApp>, row: Row) {
    harness.state_mut().reveal(row);
    harness.run();
    harness.run();
}

fn node_of(field: Field) -> egui_kittest::kittest::By<'static> {
    let id = field.id().accesskit_id();
    by().predicate(move |n| n.locate().0 == id)
}

/// Clicks a text field, selects all it holds, types `text` in its place; Enter if `commit`.
fn replace_text(harness: &mut Harness<'_, GwrApp>, field: Field, text: &str, commit: bool) {
    harness.get(node_of(field)).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get(node_of(field)).type_text(text);
    harness.run();
    if commit {
        harness.key_press(egui::Key::Enter);
        harness.run();
    }
}

fn field_value(harness: &Harness<'_, GwrApp>, field: Field) -> Option<String> {
    harness.get(node_of(field)).value()
}

/// The chart's numbers, as "Copy data" puts them on the clipboard: the same drawing path
/// as the window's chart and the exports.
fn chart_numbers(harness: &Harness<'_, GwrApp>) -> String {
    let app = harness.state();
    let settings = app.ui.export.settings(&app.chart_spec());
    let selected = app.selected();
    let input = gwr_charts::chart::ChartInput::single(app.data(), &selected);
    gwr_charts::export::data_text(&input, &settings).unwrap()
}

/// A dataset file of the bundled indicators, with its report text beside it.
fn dataset_file(dir: &Path, data: &Dataset) -> PathBuf {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let text_name = "harbin.txt";
    let text = std::fs::read_dir(&seed)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("harbin"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .expect("the Harbin seed text");
    std::fs::write(dir.join(text_name), text).unwrap();
    let mut data = data.clone();
    data.report.source = Some(text_name.into());
    let path = dir.join("harbin.json");
    std::fs::write(&path, serde_json::to_string_pretty(&data).unwrap()).unwrap();
    path
}

#[test]
fn the_review_command_shows_the_text_and_the_table_and_goes_back() {
    let (_dir, mut harness) = review_bundled();
    assert!(harness.state().reviewing());
    let (reviewed, total) = harness.state().document().unwrap().reviewed();
    harness.get_by_label(&format!("{} {reviewed} / {total}", ZH.reviewed));
    // The bundled dataset's text is compiled in: its first line is in the text pane.
    let text = gwr_charts::edit::Document::bundled();
    let first = text.text().unwrap().paragraphs[0].clone();
    let first = text.text().unwrap().text[first].to_owned();
    harness.get(by().role(Role::MultilineTextInput).value(&first));
    harness.get_by_label(ZH.back_to_charts).click();
    harness.run();
    assert!(!harness.state().reviewing());
}

#[test]
fn editing_a_value_changes_the_chart() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path(), vec![]);
    let gdp = index(&harness, "gdp");
    assert!(harness.state().ui.drawn.contains(&"gdp".to_owned()));
    assert!(!chart_numbers(&harness).contains("3.4"));
    press(&mut harness, AppCommand::Review);
    // The 2023 result's growth, 3.1%, becomes 3.4% in the table…
    reveal(&mut harness, Row::Observation(gdp, 0));
    let field = Field::Observation(gdp, 0, ObservationField::GrowthPct);
    assert_eq!(field_value(&harness, field).as_deref(), Some("3.1"));
    replace_text(&mut harness, field, "3.4", true);
    assert_eq!(
        harness.state().data().indicators[gdp].observations[0].growth_pct,
        Some(3.4)
    );
    // The charts show the document's dataset itself (the region's, written by each edit).
    let app = harness.state();
    assert_eq!(app.document().unwrap().data(), app.data());
    // …and back on the charts, the growth chart draws the new figure.
    press(&mut harness, AppCommand::Review);
    assert!(!harness.state().reviewing());
    assert!(harness.state().ui.drawn.contains(&"gdp".to_owned()));
    assert!(chart_numbers(&harness).contains("3.4"));
}

#[test]
fn a_bad_value_shows_the_check_message_and_the_old_value_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path(), vec![]);
    let gdp = index(&harness, "gdp");
    press(&mut harness, AppCommand::Review);
    reveal(&mut harness, Row::Observation(gdp, 0));
    let field = Field::Observation(gdp, 0, ObservationField::Value);
    replace_text(&mut harness, field, "五千", false);
    let doc = harness.state().document().unwrap();
    // Said in the window's language: the field, and that the text is no number.
    let message = doc
        .check(&field.edit("五千".into()))
        .expect_err("check refuses a value that is no number")
        .message(ZH);
    assert!(
        message.ends_with(&fill(ZH.messages.not_a_number, &[("text", &"五千")])),
        "{message}"
    );
    harness.get_by_label(&message);
    // Enter does not commit it: the document keeps 5576.3, the message stays.
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().data().indicators[gdp].observations[0].value,
        Some(5576.3)
    );
    harness.get_by_label(&message);
    assert!(!harness.state().is_dirty());
    // An empty name is refused the same way.
    let name = Field::Indicator(gdp, IndicatorField::NameZh);
    replace_text(&mut harness, name, " ", true);
    assert_eq!(
        harness.state().data().indicators[gdp].name_zh,
        "地区生产总值"
    );
}

#[test]
fn selected_report_text_becomes_an_observation_or_an_indicator() {
    let (_dir, mut harness) = review_bundled();
    let count = harness.state().data().indicators.len();
    // A sentence of the report no indicator quotes yet.
    let quote = "全市地区生产总值突破6000亿元";
    let text = harness
        .state()
        .document()
        .unwrap()
        .text()
        .unwrap()
        .text
        .clone();
    let sentence = text
        .split(['，', '。', '；'])
        .find(|s| s.chars().any(|c| c.is_ascii_digit()) && s.contains('%'))
        .filter(|s| {
            !harness
                .state()
                .data()
                .indicators
                .iter()
                .flat_map(|i| &i.observations)
                .any(|o| o.quote.contains(*s))
        })
        .unwrap_or(quote)
        .to_owned();
    let start = text.find(&sentence).expect("the sentence is in the report");
    {
        let (_, review) = harness.state_mut().review_panes().unwrap();
        review.selection = Some(start..start + sentence.len());
    }
    harness.run();
    // The table names what was selected and offers to add it.
    harness.get_by_label(ZH.add_indicator).click();
    harness.run();
    let data = &harness.state().data();
    assert_eq!(data.indicators.len(), count + 1);
    let added = data.indicators.last().unwrap();
    assert_eq!(added.observations.len(), 1);
    assert_eq!(added.observations[0].quote, sentence);
    let offer = gwr_charts::edit::numbers_in(&sentence);
    assert_eq!(added.observations[0].growth_pct, offer.growth_pct);
    assert_eq!(added.observations[0].value, offer.value);
    // Another sentence as an observation of the row picked: the new indicator has this
    // year's target, so it becomes last year's result.
    let added = count;
    reveal(&mut harness, Row::Indicator(added));
    let before = harness.state().data().indicators[added].observations.len();
    let sentence = text
        .split(['，', '。', '；'])
        .filter(|s| s.contains("亿元") && s.chars().any(|c| c.is_ascii_digit()))
        .nth(1)
        .unwrap()
        .to_owned();
    let start = text.find(&sentence).unwrap();
    {
        let (_, review) = harness.state_mut().review_panes().unwrap();
        review.selection = Some(start..start + sentence.len());
    }
    harness.run();
    let name = harness.state().data().indicators[added].name_zh.clone();
    harness
        .get_by_label(&ZH.add_observation.replace("{name}", &name))
        .click();
    harness.run();
    let observations = &harness.state().data().indicators[added].observations;
    assert_eq!(
        observations.len(),
        before + 1,
        "{:?}",
        harness.state().ui.status
    );
    assert_eq!(observations.last().unwrap().quote, sentence);
    assert_eq!(observations.last().unwrap().kind, Kind::Actual);
}

#[test]
fn merging_two_indicators_asks_which_figure_to_keep() {
    let dir = tempfile::tempdir().unwrap();
    // The bundled dataset with a second GDP, its 2023 result another figure.
    let mut data = Dataset::bundled();
    let mut copy = data.indicator("gdp").unwrap().clone();
    copy.id = "gdp_again".into();
    copy.name_zh = "地区生产总值（重复）".into();
    copy.observations.truncate(1);
    copy.observations[0].value = Some(5576.0);
    copy.observations[0].quote = "实现地区生产总值5576.3亿元".into();
    data.indicators.push(copy);
    let file = dataset_file(dir.path(), &data);
    let mut harness = app_in(dir.path(), vec![file]);
    press(&mut harness, AppCommand::Review);
    let gdp = index(&harness, "gdp");
    index(&harness, "gdp_again");
    reveal(&mut harness, Row::Indicator(gdp));
    harness.get_all_by_label(ZH.merge).next().unwrap().click();
    harness.run();
    harness.get_by_label(ZH.merge_title);
    harness
        .get_by_role_and_label(Role::ComboBox, ZH.merge_pick)
        .click();
    harness.run();
    // The last of the list: scrolled into view first.
    let option = "地区生产总值（重复） (gdp_again)";
    harness.get_by_label(option).scroll_to_me();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
    // Both have a 2023 result: take the merged one's.
    harness.get_by_label(ZH.merge_clashes);
    harness.get_by_label(ZH.take_other).click();
    harness.run();
    harness.get_by_label(ZH.merge_do).click();
    harness.run();
    let data = &harness.state().data();
    assert!(data.indicator("gdp_again").is_none());
    let gdp = data.indicator("gdp").unwrap();
    assert_eq!(
        gdp.observation(2023, Kind::Actual).unwrap().value,
        Some(5576.0)
    );
    assert!(gdp.observation(2024, Kind::Target).is_some());
}

#[test]
fn undo_and_redo_with_the_keys_but_not_while_typing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path(), vec![]);
    let gdp = rename_gdp(&mut harness);
    let name = Field::Indicator(gdp, IndicatorField::NameZh);
    assert_eq!(harness.state().data().indicators[gdp].name_zh, "生产总值");
    press(&mut harness, AppCommand::Undo);
    assert_eq!(
        harness.state().data().indicators[gdp].name_zh,
        "地区生产总值"
    );
    press(&mut harness, AppCommand::Redo);
    assert_eq!(harness.state().data().indicators[gdp].name_zh, "生产总值");
    // Inside a focused field the keys belong to the field.
    reveal(&mut harness, Row::Indicator(gdp));
    harness.get(node_of(name)).click();
    harness.run();
    press(&mut harness, AppCommand::Undo);
    assert_eq!(harness.state().data().indicators[gdp].name_zh, "生产总值");
    // The buttons do the same.
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label(ZH.undo).click();
    harness.run();
    assert_eq!(
        harness.state().data().indicators[gdp].name_zh,
        "地区生产总值"
    );
}

#[test]
fn saving_writes_a_file_that_reopens_equal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path(), &Dataset::bundled());
    let mut harness = app_in(dir.path(), vec![file.clone()]);
    press(&mut harness, AppCommand::Review);
    // The text was found beside the file: no "text missing" line.
    assert!(harness.state().document().unwrap().text().is_ok());
    let gdp = index(&harness, "gdp");
    harness
        .state_mut()
        .apply_edit(Field::Indicator(gdp, IndicatorField::Reviewed).edit("true".into()))
        .unwrap();
    harness.run();
    assert!(harness.state().window_title().starts_with(ZH.unsaved_mark));
    press(&mut harness, AppCommand::Save);
    assert!(!harness.state().is_dirty());
    assert!(!harness.state().window_title().starts_with(ZH.unsaved_mark));
    let saved = model::load_path(&file).unwrap();
    assert!(saved.indicators[gdp].reviewed);
    let mut shown = harness.state().data().clone();
    shown.schema_version = saved.schema_version;
    assert_eq!(saved, shown);
    // Reopened in a new window, it is the same dataset.
    let reopened = app_in(dir.path(), vec![file]);
    assert_eq!(reopened.state().data(), &saved);
}

#[test]
fn a_dataset_whose_text_is_missing_shows_the_table_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = dataset_file(dir.path(), &Dataset::bundled());
    std::fs::remove_file(dir.path().join("harbin.txt")).unwrap();
    let mut harness = app_in(dir.path(), vec![file]);
    press(&mut harness, AppCommand::Review);
    let doc = harness.state().document().unwrap();
    let missing = doc.text().expect_err("the text is gone");
    let words = gwr_charts::app::review::missing_text(missing, ZH);
    assert!(words.contains("harbin.txt"), "{words}");
    harness.get_by_label(&words);
    harness.get_all_by_label(ZH.reviewed).next().unwrap();
}

#[test]
fn leaving_unsaved_edits_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let other = dataset_file(dir.path(), &Dataset::bundled());
    let mut harness = app_in(dir.path(), vec![]);
    let gdp = rename_gdp(&mut harness);
    harness
        .state_mut()
        .request(Leave::Open(vec![other.clone()]));
    harness.run();
    harness.get_by_label(ZH.unsaved_title);
    // Cancel: nothing changes.
    harness.get_by_label(ZH.cancel).click();
    harness.run();
    assert!(harness.query_by_label(ZH.unsaved_title).is_none());
    assert!(harness.state().is_dirty());
    assert_eq!(harness.state().data().indicators[gdp].name_zh, "生产总值");
    // Discard: the other file opens.
    harness
        .state_mut()
        .request(Leave::Open(vec![other.clone()]));
    harness.run();
    harness.get_by_label(ZH.discard).click();
    harness.run();
    assert!(!harness.state().is_dirty());
    assert_eq!(harness.state().session.name(), other.display().to_string());
    assert_eq!(
        harness.state().data().indicators[gdp].name_zh,
        "地区生产总值"
    );
    // Without edits nothing is asked.
    harness.state_mut().request(Leave::Open(vec![other]));
    harness.run();
    assert!(harness.query_by_label(ZH.unsaved_title).is_none());
}

#[test]
fn an_autosaved_review_is_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut harness = app_in(dir.path(), vec![]);
        rename_gdp(&mut harness);
        harness.state_mut().autosave_now();
        // Dropped without saving, as a crash would leave it.
    }
    let mut harness = app_in(dir.path(), vec![]);
    harness.get_by_label(ZH.recovered);
    harness.get_by_label(ZH.restore).click();
    harness.run();
    let gdp = index(&harness, "gdp");
    assert_eq!(harness.state().data().indicators[gdp].name_zh, "生产总值");
    assert!(harness.state().reviewing());
    assert!(harness.state().window_title().starts_with(ZH.unsaved_mark));
    // Discarded, it is not offered again.
    let mut again = app_in(dir.path(), vec![]);
    again.get_by_label(ZH.drop_recovered).click();
    again.run();
    assert!(again.query_by_label(ZH.recovered).is_none());
    let fresh = app_in(dir.path(), vec![]);
    assert!(fresh.query_by_label(ZH.recovered).is_none());
}

/// The first edit of the next document is autosaved too, though its version number is
/// the one the last document's autosave had.
#[test]
fn each_document_is_autosaved_from_its_first_edit() {
    let dir = tempfile::tempdir().unwrap();
    let other = dataset_file(dir.path(), &Dataset::bundled());
    let autosave = dir.path().join("autosave");
    let mut harness = app_in(&autosave, vec![]);
    rename_gdp(&mut harness);
    harness.state_mut().autosave_now();
    harness.state_mut().request(Leave::Open(vec![other]));
    harness.run();
    harness.get_by_label(ZH.discard).click();
    harness.run();

    press(&mut harness, AppCommand::Review);
    let gdp = index(&harness, "gdp");
    harness
        .state_mut()
        .apply_edit(Field::Indicator(gdp, IndicatorField::NameZh).edit("第二份".into()))
        .unwrap();
    harness.state_mut().autosave_now();
    let found = gwr_charts::edit::autosave::find(&autosave).expect("autosaved");
    assert_eq!(found.document.data().indicators[gdp].name_zh, "第二份");
}

#[test]
fn a_draft_opens_in_review_mode_and_loses_its_mark_when_all_is_reviewed() {
    let (dir, report) = common::temp_file(
        "report.txt",
        "2024年哈尔滨市政府工作报告\n全市地区生产总值增长5.5%。一般公共预算收入增长6%左右。\n",
    );
    let mut harness = app_in(dir.path(), vec![report]);
    assert!(harness.state().reviewing());
    assert!(harness.state().session.is_draft());
    let total = harness.state().data().indicators.len();
    assert!(total > 0);
    for i in 0..total {
        harness
            .state_mut()
            .apply_edit(Field::Indicator(i, IndicatorField::Reviewed).edit("true".into()))
            .unwrap();
        harness.run();
    }
    harness.get_by_label(&format!("{} {total} / {total}", ZH.reviewed));
    let clean = harness.state().document().unwrap().is_clean();
    assert_eq!(harness.state().session.is_draft(), !clean);
}

#[test]
fn clicking_a_quote_picks_its_row() {
    let (_dir, mut harness) = review_bundled();
    let (doc, review) = harness.state_mut().review_panes().unwrap();
    let first = doc.highlights()[0].clone();
    assert!(review.select_at(doc, first.range.start));
    assert_eq!(
        review.selected,
        Some(Row::Observation(first.indicator, first.observation))
    );
}

/// At 1280×800 review mode needs no sideways scrolling: every widget is inside the window;
/// and the chart of the indicator picked is drawn from the document as each edit commits.
#[test]
fn review_mode_fits_1280_by_800_and_charts_the_row_picked() {
    let dir = tempfile::tempdir().unwrap();
    let size = egui::vec2(1280.0, 800.0);
    let mut harness = common::app_at(size, vec![], Some(dir.path().to_path_buf()), 32);
    for lang in Lang::ALL {
        harness.state_mut().state.chart.lang = lang;
        press(&mut harness, AppCommand::Review);
        let gdp = index(&harness, "gdp");
        reveal(&mut harness, Row::Observation(gdp, 0));
        let mut nodes = 0;
        for node in harness.query_all(by()) {
            // A text field's runs may reach past it (scrolled inside it, clipped): the field
            // itself is what takes room.
            let Some(rect) = node
                .accesskit_node()
                .bounding_box()
                .filter(|_| node.accesskit_node().role() != Role::TextRun)
            else {
                continue;
            };
            nodes += 1;
            assert!(
                rect.x1 <= 1280.5,
                "{lang:?}: {:?} {:?} ends at x = {}",
                node.accesskit_node().role(),
                node.accesskit_node().label(),
                rect.x1
            );
        }
        assert!(nodes > 50, "{nodes} widgets");
        let charted = |harness: &Harness<'_, GwrApp>| {
            let app = harness.state();
            let version = app.document().unwrap().version();
            match &app.mode {
                gwr_charts::app::Mode::Review(review) => review.charted == Some((gdp, version)),
                gwr_charts::app::Mode::Charts => false,
            }
        };
        assert!(charted(&harness), "the picked row's chart is drawn");
        let field = Field::Observation(gdp, 0, ObservationField::GrowthPct);
        replace_text(&mut harness, field, "3.4", true);
        assert_eq!(
            harness.state().data().indicators[gdp].observations[0].growth_pct,
            Some(3.4)
        );
        assert!(charted(&harness), "the chart is drawn again from the edit");
        press(&mut harness, AppCommand::Undo);
        press(&mut harness, AppCommand::Review);
    }
}

#[test]
fn review_mode_screenshot() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(32)
        .wgpu()
        .build_eframe(move |cc| GwrApp::with_autosave(cc, vec![], Some(dir)));
    harness.run();
    harness.state_mut().state.chart.lang = Lang::Zh;
    press(&mut harness, AppCommand::Review);
    let gdp = index(&harness, "gdp");
    reveal(&mut harness, Row::Indicator(gdp));
    harness.run();
    let options = SnapshotOptions::new().threshold(1.0).max_failed_pixels(200);
    harness.snapshot_options("review-zh", &options);
}

#[test]
fn naming_the_region_of_a_draft_joins_it_to_that_regions_history() {
    let dir = tempfile::tempdir().unwrap();
    let harbin = dataset_file(dir.path(), &Dataset::bundled());
    let report = dir.path().join("report.txt");
    std::fs::write(
        &report,
        "2025年政府工作报告\n2025年主要预期目标是：全市地区生产总值增长5.5%左右。\n",
    )
    .unwrap();
    let mut harness = app_in(dir.path(), vec![report, harbin]);
    assert_eq!(harness.state().session.regions().len(), 2);
    let shown = &harness.state().session.regions()[harness.state().session.shown()];
    assert_ne!(shown.data.report.region_zh, "哈尔滨市");
    assert!(harness.state().reviewing(), "a draft opens in review mode");
    let draft_indicators = harness.state().data().indicators.len();
    assert!(draft_indicators > 0);
    // The region typed into the header's field.
    let region = Field::Report(gwr_charts::edit::ReportField::RegionZh);
    replace_text(&mut harness, region, "哈尔滨市", true);
    let app = harness.state();
    assert_eq!(app.session.regions().len(), 1, "the draft joined Harbin");
    assert_eq!(app.session.regions()[app.session.shown()].files.len(), 2);
    assert_eq!(app.data().report.region_zh, "哈尔滨市");
    assert!(app.data().indicators.len() >= Dataset::bundled().indicators.len());
    // Later edits of the draft still show in the merged history.
    let name = Field::Indicator(0, IndicatorField::NameZh);
    harness
        .state_mut()
        .apply_edit(name.edit("二〇二五年生产总值".into()))
        .unwrap();
    harness.run();
    assert!(
        harness
            .state()
            .data()
            .indicators
            .iter()
            .any(|i| i.name_zh == "二〇二五年生产总值")
    );
}

#[test]
fn closing_the_window_with_unsaved_edits_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path(), vec![]);
    rename_gdp(&mut harness);
    let commands = |harness: &Harness<'_, GwrApp>| {
        harness
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .map(|v| v.commands.clone())
            .unwrap_or_default()
    };
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    assert!(commands(&harness).contains(&egui::ViewportCommand::CancelClose));
    harness.run();
    harness.get_by_label(ZH.unsaved_title);
    // Discard: the window closes.
    harness.get_by_label(ZH.discard).click();
    harness.step();
    harness.step();
    assert!(commands(&harness).contains(&egui::ViewportCommand::Close));
}

#[test]
fn picking_a_row_scrolls_the_text_to_its_quote() {
    let (_dir, mut harness) = review_bundled();
    // The last quote of the report: its paragraph is not laid out until scrolled to.
    let doc = harness.state().document().unwrap();
    let last = doc.highlights().last().unwrap().clone();
    let source = doc.text().unwrap();
    let paragraph = source
        .paragraphs
        .iter()
        .find(|p| p.contains(&last.range.start))
        .unwrap();
    let paragraph = source.text[paragraph.clone()].to_owned();
    let in_view = |harness: &Harness<'_, GwrApp>| {
        harness
            .query(by().role(Role::MultilineTextInput).value(&paragraph))
            .is_some()
    };
    assert!(!in_view(&harness));
    reveal(
        &mut harness,
        Row::Observation(last.indicator, last.observation),
    );
    assert!(in_view(&harness));
}

#[test]
fn an_edit_is_autosaved_within_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let autosave = dir.path().to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .with_step_dt(1.0)
        .build_eframe(move |cc| GwrApp::with_autosave(cc, vec![], Some(autosave)));
    harness.run_steps(2);
    rename_gdp(&mut harness);
    assert!(gwr_charts::edit::autosave::find(dir.path()).is_none());
    harness.run_steps(8);
    let found = gwr_charts::edit::autosave::find(dir.path()).expect("autosaved");
    let gdp = index(&harness, "gdp");
    assert_eq!(found.document.data().indicators[gdp].name_zh, "生产总值");
    // Saved, the autosave is gone.
    let file = dir.path().join("saved.json");
    assert!(harness.state_mut().save_document_as(file));
    assert!(gwr_charts::edit::autosave::find(dir.path()).is_none());
}

#[test]
fn the_delete_buttons_remove_an_indicator_or_an_observation() {
    let (_dir, mut harness) = review_bundled();
    let gdp = index(&harness, "gdp");
    let count = harness.state().data().indicators.len();
    reveal(&mut harness, Row::Indicator(gdp));
    // The first delete button in view is GDP's own, the second its 2023 result's.
    harness.get_all_by_label(ZH.delete).nth(1).unwrap().click();
    harness.run();
    let observations = &harness.state().data().indicators[gdp].observations;
    assert_eq!(observations.len(), 1);
    assert_eq!(observations[0].kind, Kind::Target);
    harness.get_all_by_label(ZH.delete).next().unwrap().click();
    harness.run();
    assert_eq!(harness.state().data().indicators.len(), count - 1);
    assert!(harness.state().data().indicator("gdp").is_none());
    // Back on the charts, GDP is gone from them too.
    press(&mut harness, AppCommand::Review);
    assert!(!harness.state().ui.drawn.is_empty());
    assert!(!harness.state().ui.drawn.contains(&"gdp".to_owned()));
    press(&mut harness, AppCommand::Undo);
    press(&mut harness, AppCommand::Undo);
    assert_eq!(harness.state().data(), &Dataset::bundled());
}
