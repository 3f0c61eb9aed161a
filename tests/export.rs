//! Headless export: real PNGs at the requested size, the error table through the binary,
//! atomic writes, and the dialog's image equal to the command line's.

use std::path::Path;

use assert_cmd::Command;
use egui_kittest::{Harness, SnapshotOptions};
use gwr_charts::GwrApp;
use gwr_charts::chart::View;
use gwr_charts::i18n::Lang;

mod common;

fn export(args: &[&str]) -> (i32, String, String) {
    common::run(["export"].iter().chain(args))
}

fn decode(path: &Path) -> image::RgbaImage {
    image::open(path).unwrap().to_rgba8()
}

/// Share of pixels in a region that differ clearly from the background (top-left pixel).
fn ink(image: &image::RgbaImage, x0: u32, y0: u32, x1: u32, y1: u32) -> f64 {
    let bg = image.get_pixel(1, 1).0;
    let mut inked = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            let p = image.get_pixel(x, y).0;
            let d: i32 = (0..3).map(|c| (p[c] as i32 - bg[c] as i32).abs()).sum();
            if d > 90 {
                inked += 1;
            }
        }
    }
    inked as f64 / ((x1 - x0) * (y1 - y0)) as f64
}

#[test]
fn every_view_in_both_languages_exports_a_finished_png() {
    let dir = tempfile::tempdir().unwrap();
    for view in View::ALL {
        for lang in ["zh", "en"] {
            let out = dir.path().join(format!("{}-{lang}.png", view.key()));
            let mut args = vec![
                "--view",
                view.key(),
                "--lang",
                lang,
                "--all",
                "--size",
                "1200x700",
                "--out",
                out.to_str().unwrap(),
            ];
            // The compare view: one indicator of two fictional cities.
            if view == View::Compare {
                args.extend([
                    "--indicator",
                    "地区生产总值",
                    "--data",
                    concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/tests/reports/mianyang-2024.txt"
                    ),
                    "--data",
                    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reports/wuhu-2024.txt"),
                ]);
            }
            let (code, stdout, stderr) = export(&args);
            assert_eq!(code, 0, "{stderr}");
            assert_eq!(stdout.trim(), out.display().to_string());
            let image = decode(&out);
            assert_eq!(image.dimensions(), (1200, 700));
            // Not blank, and the title area (top band, left half) holds text.
            assert!(
                ink(&image, 0, 0, 1200, 700) > 0.01,
                "{view:?} {lang} is blank"
            );
            assert!(
                ink(&image, 0, 0, 600, 70) > 0.01,
                "{view:?} {lang} has no title"
            );
            // The light theme by default: a light background.
            assert!(image.get_pixel(1, 1).0[..3].iter().all(|&c| c > 230));
        }
    }
}

#[test]
fn size_scale_and_theme_are_honoured() {
    let (_dir, out) = common::temp_path("dark.png");
    let (code, _, stderr) = export(&[
        "--view",
        "growth",
        "--headline",
        "--size",
        "800x450",
        "--scale",
        "2",
        "--theme",
        "dark",
        "--title",
        "自定义标题",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let image = decode(&out);
    assert_eq!(image.dimensions(), (800, 450));
    assert!(
        image.get_pixel(1, 1).0[..3].iter().all(|&c| c < 60),
        "not dark"
    );
    assert!(ink(&image, 0, 0, 400, 60) > 0.01);
}

#[test]
fn exports_match_their_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let mut results = Vec::new();
    for (view, lang) in [
        ("growth", "zh"),
        ("levels", "en"),
        ("progress", "zh"),
        ("trend", "en"),
    ] {
        let out = dir.path().join("x.png");
        let (code, _, stderr) = export(&[
            "--view",
            view,
            "--lang",
            lang,
            "--size",
            "1280x720",
            "--out",
            out.to_str().unwrap(),
            "--indicators",
            "gdp,retail_sales,foreign_trade,trade_with_russia,grain_output,key_projects,urban_new_jobs,new_signed_projects",
        ]);
        assert_eq!(code, 0, "{stderr}");
        // A missing snapshot fails too; UPDATE_SNAPSHOTS=1 writes new ones.
        let name = format!("export-{view}-{lang}");
        let options = SnapshotOptions::new().threshold(1.0).max_failed_pixels(500);
        results.push(egui_kittest::try_image_snapshot_options(
            &decode(&out),
            name,
            &options,
        ));
    }
    for result in results {
        result.unwrap();
    }
}

#[test]
fn bad_requests_fail_clearly_and_leave_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.png");
    let out = out.to_str().unwrap();
    let jpg = out.replace(".png", ".jpg");
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (
            vec!["--view", "pie", "--out", out],
            2,
            "invalid value 'pie' for '--view <VIEW>'",
        ),
        (
            vec!["--view", "growth", "--indicators", "gdp,nope", "--out", out],
            1,
            "unknown indicator id in --indicators: nope",
        ),
        (
            vec!["--view", "growth", "--size", "0x100", "--out", out],
            2,
            "each side must be 1 to 8192 pixels",
        ),
        (
            vec!["--view", "growth", "--size", "9000x100", "--out", out],
            2,
            "size 9000x100 is out of range",
        ),
        (
            vec!["--view", "growth", "--size", "big", "--out", out],
            2,
            "expected WIDTHxHEIGHT",
        ),
        (
            vec!["--view", "growth", "--scale", "5", "--out", out],
            2,
            "scale 5 is out of range: use a number from 0.5 to 4",
        ),
        (
            vec!["--view", "growth", "--out", "/proc/gwr-charts-test/x.png"],
            1,
            "cannot write /proc/gwr-charts-test/x.png: the folder /proc/gwr-charts-test does not exist",
        ),
        (
            vec!["--view", "growth", "--out", &jpg],
            1,
            "unknown file type: the name must end in .png, .svg, .pdf, .csv, .xlsx or .pptx",
        ),
        (
            vec!["--view", "growth", "--format", "pdf", "--out", out],
            1,
            "--format pdf contradicts the file name's extension .png",
        ),
        (
            vec!["--view", "growth", "--format", "gif", "--out", out],
            2,
            "invalid value 'gif' for '--format <FORMAT>'",
        ),
        (
            vec!["--view", "growth", "--out", "/proc/gwr-charts-test/x.svg"],
            1,
            "cannot write /proc/gwr-charts-test/x.svg: the folder /proc/gwr-charts-test does not exist",
        ),
        (
            vec!["--view", "growth", "--data", "no/such.json", "--out", out],
            1,
            "no/such.json: cannot open",
        ),
    ];
    for (args, expected_code, expected) in cases {
        let (code, _, stderr) = export(&args);
        assert_eq!(code, expected_code, "{args:?}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{args:?}: expected {expected:?} in {stderr}"
        );
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "a failed export left a file"
    );
}

#[test]
fn every_format_is_written_by_extension_or_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, Option<&str>, &[u8]); 6] = [
        ("chart.svg", None, b"<svg"),
        ("chart.PDF", None, b"%PDF-"),
        ("chart.csv", None, b"\xEF\xBB\xBF"),
        ("chart.xlsx", None, b"PK"),
        ("chart", Some("svg"), b"<svg"),
        ("chart2.xlsx", Some("xlsx"), b"PK"),
    ];
    for (name, format, magic) in cases {
        let out = dir.path().join(name);
        let mut args = vec![
            "--view",
            "levels",
            "--headline",
            "--out",
            out.to_str().unwrap(),
        ];
        if let Some(format) = format {
            args.extend(["--format", format]);
        }
        let (code, stdout, stderr) = export(&args);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert_eq!(stdout.trim(), out.display().to_string());
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{name}: starts {:?}", &bytes[..8]);
    }
    // Nothing but the six files: no temporary file left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 6);
}

#[test]
fn export_help_names_the_formats() {
    let out = Command::cargo_bin("gwr-charts")
        .unwrap()
        .args(["export", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for word in [
        ".png",
        ".svg",
        ".pdf",
        ".csv",
        ".xlsx",
        "--format",
        "extension",
    ] {
        assert!(help.contains(word), "{word} is not in:\n{help}");
    }
}

#[test]
fn a_failed_export_keeps_the_good_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("keep.png");
    std::fs::write(&out, b"the good file").unwrap();
    let (code, _, _) = export(&[
        "--view",
        "growth",
        "--indicators",
        "nope",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(std::fs::read(&out).unwrap(), b"the good file");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // The same for a vector file whose --format contradicts its name.
    let svg = dir.path().join("keep.svg");
    std::fs::write(&svg, b"the good svg").unwrap();
    let (code, _, stderr) = export(&[
        "--view",
        "growth",
        "--format",
        "csv",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(std::fs::read(&svg).unwrap(), b"the good svg");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn the_dialog_and_the_command_line_make_the_same_image() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|cc| GwrApp::with_autosave(cc, vec![], None));
    harness.run();
    {
        let app = harness.state_mut();
        app.state.chart.view = View::Progress;
        app.push(gwr_charts::app::AppCommand::OpenExport);
    }
    harness.run();
    {
        let app = harness.state_mut();
        app.ui.export.width = 1000;
        app.ui.export.height = 600;
        app.ui.export.scale = 2.0;
        app.ui.export.lang = Lang::En;
        app.ui.export.title = "Targets".into();
    }
    harness.run();
    let ids = harness
        .state()
        .selected()
        .iter()
        .map(|i| i.id.clone())
        .collect::<Vec<_>>()
        .join(",");
    let (_, _, dialog) = harness
        .state()
        .ui
        .export
        .image
        .as_ref()
        .expect("the dialog rendered a preview");
    let dialog = dialog.clone();

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cli.png");
    let (code, _, stderr) = export(&[
        "--view",
        "progress",
        "--indicators",
        &ids,
        "--size",
        "1000x600",
        "--scale",
        "2",
        "--lang",
        "en",
        "--title",
        "Targets",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let cli = decode(&out);
    assert_eq!([cli.width() as usize, cli.height() as usize], dialog.size);
    assert!(
        cli.as_raw() == dialog.as_raw(),
        "the dialog's pixels differ from the command line's"
    );
}
