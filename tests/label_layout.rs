//! Every piece of text an export paints lies inside the image and inside its clip, and no
//! two overlap: checked from the painted shapes (no GPU needed) for every view, both
//! languages, a slide and a small screen, and a few selections. The compare view draws
//! the fictional reports of tests/reports/, one region each.

use std::sync::LazyLock;

use gwr_charts::chart::{ChartInput, ChartSpec, View};
use gwr_charts::collection::{self, Collection, Opened};
use gwr_charts::compare::{self, CompareTable, Sort};
use gwr_charts::i18n::Lang;
use gwr_charts::model::Dataset;
use gwr_charts::open;
use gwr_charts::render::{self, ImageSettings, TextBox};
use gwr_charts::selection::{self, Preset};

const SIZES: [(u32, u32); 2] = [(1920, 1080), (1280, 720)];

fn boxes(data: &Dataset, preset: Preset, view: View, lang: Lang, size: (u32, u32)) -> Vec<TextBox> {
    let ticked = selection::preset(data, preset);
    let selected = selection::indicators(data, &ticked);
    let settings = ImageSettings {
        spec: ChartSpec {
            view,
            lang,
            ..ChartSpec::default()
        },
        width: size.0,
        height: size.1,
        ..ImageSettings::default()
    };
    let input = match view {
        View::Compare => ChartInput {
            data,
            selected: &selected,
            regions: &REPORTS.0.regions,
            compare: Some(&REPORTS.1),
        },
        _ => ChartInput::single(data, &selected),
    };
    let painted = render::paint(&input, &settings).expect("paint");
    render::text_boxes(&painted)
}

/// The fictional reports of tests/reports/ (eight regions, one of them over two years) and
/// their GDP compared.
static REPORTS: LazyLock<(Collection, CompareTable)> = LazyLock::new(|| {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reports"));
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt")
                && !p.to_string_lossy().contains(".gbk")
                && !p.to_string_lossy().contains(".utf16")
        })
        .collect();
    paths.sort();
    let collection = open::open_paths(&paths).expect("the reports open");
    let table = compare::compare_rows(&collection.regions, "地区生产总值", None, Sort::Target)
        .expect("the reports have GDP");
    (collection, table)
});

/// Overlap area of two rectangles, in square points.
fn overlap(a: egui::Rect, b: egui::Rect) -> f32 {
    let i = a.intersect(b);
    if i.is_positive() { i.area() } else { 0.0 }
}

fn problems(boxes: &[TextBox], size: (u32, u32)) -> Vec<String> {
    let image =
        egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0 as f32, size.1 as f32));
    let mut out = Vec::new();
    for b in boxes {
        if !image.expand(0.5).contains_rect(b.rect) {
            out.push(format!("outside the image: {:?} at {:?}", b.text, b.rect));
        } else if !b.clip.expand(0.5).contains_rect(b.rect) {
            out.push(format!(
                "clipped: {:?} at {:?} (clip {:?})",
                b.text, b.rect, b.clip
            ));
        }
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            if overlap(a.rect.shrink(0.5), b.rect.shrink(0.5)) > 1.0 {
                out.push(format!(
                    "overlap: {:?} {:?} and {:?} {:?}",
                    a.text, a.rect, b.text, b.rect
                ));
            }
        }
    }
    out
}

fn check(preset: Preset) {
    let data = Dataset::bundled();
    let mut all = Vec::new();
    for view in View::ALL {
        for lang in [Lang::Zh, Lang::En] {
            for size in SIZES {
                let boxes = boxes(&data, preset, view, lang, size);
                assert!(
                    boxes.len() > 5,
                    "{view:?} {lang:?} {size:?}: almost no text"
                );
                for p in problems(&boxes, size) {
                    all.push(format!("{view:?} {lang:?} {}x{}: {p}", size.0, size.1));
                }
            }
        }
    }
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn headline_labels_fit_and_never_overlap() {
    check(Preset::Headline);
}

#[test]
fn every_indicator_ticked_still_fits_leaving_out_what_has_no_room() {
    check(Preset::All);
}

#[test]
fn comparable_labels_fit_and_never_overlap() {
    check(Preset::Comparable);
}

#[test]
fn the_checker_sees_an_overlap_and_a_label_outside() {
    let a = TextBox {
        text: "a".into(),
        rect: egui::Rect::from_min_size(egui::pos2(10.0, 10.0), egui::vec2(20.0, 10.0)),
        clip: egui::Rect::EVERYTHING,
    };
    let b = TextBox {
        rect: a.rect.translate(egui::vec2(5.0, 3.0)),
        ..a.clone()
    };
    let c = TextBox {
        rect: a.rect.translate(egui::vec2(1900.0, 0.0)),
        ..a.clone()
    };
    let found = problems(&[a, b, c], (1920, 1080));
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn an_export_with_more_rows_than_fit_counts_the_rest_in_the_footer() {
    let data = Dataset::bundled();
    let boxes = boxes(&data, Preset::All, View::Growth, Lang::En, (1280, 720));
    assert!(
        boxes
            .iter()
            .any(|b| b.text.contains("Not drawn") && b.text.contains("more")),
        "{:?}",
        boxes.iter().map(|b| &b.text).collect::<Vec<_>>()
    );
}

/// Many regions: an image draws the first rows in sort order that fit and the footer says
/// how many are left out.
#[test]
fn a_compare_export_with_more_regions_than_fit_counts_the_rest() {
    let bundled = Dataset::bundled();
    let opened = (0..60)
        .map(|n| {
            let mut data = bundled.clone();
            data.report.region_zh = format!("第{n}市");
            data.report.region_en = None;
            for obs in data.indicators.iter_mut().flat_map(|i| &mut i.observations) {
                obs.growth_pct = obs.growth_pct.map(|g| g + n as f64 / 10.0);
            }
            Opened {
                data,
                name: format!("{n}.json"),
                draft: false,
            }
        })
        .collect();
    let regions = collection::group(opened).regions;
    let table = compare::compare_rows(&regions, "地区生产总值", None, Sort::Target).unwrap();
    let settings = ImageSettings {
        spec: ChartSpec {
            view: View::Compare,
            lang: Lang::En,
            ..ChartSpec::default()
        },
        width: 1280,
        height: 720,
        ..ImageSettings::default()
    };
    let input = ChartInput {
        data: &regions[0].data,
        selected: &[],
        regions: &regions,
        compare: Some(&table),
    };
    let painted = render::paint(&input, &settings).unwrap();
    let drawn = painted.drawn.len();
    assert!(drawn > 3 && drawn < 60, "{drawn} rows drawn");
    // The first rows in sort order: the largest targets.
    let first: Vec<&str> = table.rows[..drawn]
        .iter()
        .map(|r| r.region_zh.as_str())
        .collect();
    assert_eq!(painted.drawn, first);
    let boxes = render::text_boxes(&painted);
    let footer = format!("{} more regions not drawn for lack of room", 60 - drawn);
    assert!(
        boxes.iter().any(|b| b.text.contains(&footer)),
        "{footer:?} not in {:?}",
        boxes.iter().map(|b| &b.text).collect::<Vec<_>>()
    );
    assert!(problems(&boxes, (1280, 720)).is_empty());
}

/// The history view of ten years × six indicators (tests/history/: 云泽市 2015–2025), both
/// languages, a slide and a small screen.
#[test]
fn history_labels_of_ten_years_fit_and_never_overlap() {
    let files: Vec<std::path::PathBuf> = [2016, 2017, 2018, 2020, 2021, 2023, 2024, 2025]
        .iter()
        .map(|y| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("tests/history/yunze-{y}.json"))
        })
        .collect();
    let collection = open::open_paths(&files).expect("the ten years open");
    let data = &collection.regions[0].data;
    let mut all = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        for size in SIZES {
            let boxes = boxes(data, Preset::Headline, View::History, lang, size);
            // Eleven years under each of the five panels, and their marks.
            let years = boxes.iter().filter(|b| b.text.starts_with("20")).count();
            assert!(years >= 5 * 6, "{lang:?} {size:?}: {years} year labels");
            assert!(boxes.iter().filter(|b| b.text == "✓").count() >= 10);
            for p in problems(&boxes, size) {
                all.push(format!("{lang:?} {}x{}: {p}", size.0, size.1));
            }
        }
    }
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.join("\n")
    );
}
