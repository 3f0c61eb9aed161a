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

mod common;

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

/// Text cut short: a name ending in "…" (the footer gives names whole, and lists end in
/// "and n more").
fn cut(boxes: &[TextBox]) -> Vec<String> {
    boxes
        .iter()
        .filter(|b| b.text.trim_end().ends_with('…'))
        .map(|b| format!("cut short: {:?}", b.text))
        .collect()
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
                let mut found = problems(&boxes, size);
                // Names whole wherever two lines can hold them (issue 18).
                if preset != Preset::All {
                    found.extend(cut(&boxes));
                }
                for p in found {
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

/// More regions than three panels hold: an image draws the first rows in sort order that
/// fit, and the footer says how many are left out and which size holds them all.
#[test]
fn a_compare_export_with_more_regions_than_fit_counts_the_rest() {
    let bundled = Dataset::bundled();
    let opened = (0..100)
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
    assert!(drawn > 3 && drawn < 100, "{drawn} rows drawn");
    // The first rows in sort order: the largest targets.
    let first: Vec<&str> = table.rows[..drawn]
        .iter()
        .map(|r| r.region_zh.as_str())
        .collect();
    assert_eq!(painted.drawn, first);
    let boxes = render::text_boxes(&painted);
    let texts: Vec<&String> = boxes.iter().map(|b| &b.text).collect();
    let footer = format!("{} more regions not drawn for lack of room", 100 - drawn);
    let line = boxes
        .iter()
        .find(|b| b.text.contains(&footer))
        .unwrap_or_else(|| panic!("{footer:?} not in {texts:?}"));
    assert!(problems(&boxes, (1280, 720)).is_empty());
    // The footer names a size that holds them all; at that size none is left out.
    let size = line
        .text
        .rsplit("fit in a ")
        .next()
        .and_then(|s| s.split(' ').next())
        .and_then(|s| s.split_once('×'))
        .map(|(w, h)| (w.parse::<u32>().unwrap(), h.parse::<u32>().unwrap()))
        .unwrap_or_else(|| panic!("no size in {:?}", line.text));
    let settings = ImageSettings {
        width: size.0,
        height: size.1,
        ..settings
    };
    let painted = render::paint(&input, &settings).unwrap();
    assert_eq!(painted.drawn.len(), 100, "at {size:?}");
    assert!(problems(&render::text_boxes(&painted), size).is_empty());
}

/// The compare view of `collection` in an image of `size`.
fn compare_painted(
    collection: &Collection,
    lang: Lang,
    size: (u32, u32),
) -> (CompareTable, render::Painted) {
    let table = compare::compare_rows(&collection.regions, "地区生产总值", None, Sort::Target)
        .expect("the provinces have GDP");
    let settings = ImageSettings {
        spec: ChartSpec {
            view: View::Compare,
            lang,
            ..ChartSpec::default()
        },
        width: size.0,
        height: size.1,
        ..ImageSettings::default()
    };
    let input = ChartInput {
        data: &collection.regions[0].data,
        selected: &[],
        regions: &collection.regions,
        compare: Some(&table),
    };
    let painted = render::paint(&input, &settings).unwrap();
    (table, painted)
}

/// A slide of every province, and of 40 rows: all drawn, in both languages and at both
/// sizes, no label outside, clipped, overlapping or cut short, the region names at least
/// 20 px tall at 1920×1080.
#[test]
fn thirty_one_and_forty_regions_fit_one_slide() {
    for extra in [0, 9] {
        let collection = common::provinces_with(extra);
        for lang in [Lang::Zh, Lang::En] {
            for size in SIZES {
                let (table, painted) = compare_painted(&collection, lang, size);
                let what = format!("{} rows {lang:?} {}x{}", 31 + extra, size.0, size.1);
                assert_eq!(table.rows.len(), 31 + extra, "{what}");
                assert_eq!(painted.drawn.len(), 31 + extra, "{what}: not all drawn");
                let boxes = render::text_boxes(&painted);
                let mut found = problems(&boxes, size);
                found.extend(cut(&boxes));
                assert!(found.is_empty(), "{what}:\n{}", found.join("\n"));
                let name = table.rows[0].label(lang);
                let label = boxes
                    .iter()
                    .find(|b| b.text == name)
                    .unwrap_or_else(|| panic!("{what}: no label {name}"));
                // A CJK glyph's ink is about 0.9 of its type size: ≥ 20 px type.
                if size == (1920, 1080) && lang == Lang::Zh {
                    assert!(label.rect.height() >= 18.0, "{what}: {:?}", label.rect);
                }
                // The national line is labelled.
                let national = if lang == Lang::Zh {
                    "全国 ≈5%"
                } else {
                    "China ≈5%"
                };
                assert!(boxes.iter().any(|b| b.text == national), "{what}");
            }
        }
    }
}
