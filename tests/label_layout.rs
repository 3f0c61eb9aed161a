//! Every piece of text an export paints lies inside the image and inside its clip, and no
//! two overlap: checked from the painted shapes (no GPU needed) for every view, both
//! languages, a slide and a small screen, and a few selections.

use gwr_charts::chart::{ChartInput, ChartSpec, View};
use gwr_charts::i18n::Lang;
use gwr_charts::model::Dataset;
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
    let painted = render::paint(&ChartInput::single(data, &selected), &settings).expect("paint");
    render::text_boxes(&painted)
}

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
