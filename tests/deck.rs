//! PowerPoint decks read back as a consumer reads them: every part typed in
//! `[Content_Types].xml`, every relationship resolving, chart parts parsed and their numbers
//! equal to the embedded workbook's cells and to the reports' figures, quotes in the notes.

mod common;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader as _, Xlsx};
use common::ooxml::{Package, chart_series};
use common::{four_cities, run};
use gwr_charts::collection::Collection;
use gwr_charts::model::{Dataset, Kind};
use gwr_charts::open;

fn export_deck(
    out: &Path,
    views: &str,
    extra: &[&str],
    files: &[PathBuf],
) -> (i32, String, String) {
    let mut args: Vec<String> = vec!["export".into(), "--view".into(), views.into()];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(["--out".into(), out.display().to_string()]);
    for f in files {
        args.extend(["--data".into(), f.display().to_string()]);
    }
    run(&args)
}

/// Every part but the relationship parts has its content type; every relationship of every
/// part leads to a part that is there.
fn assert_package_is_whole(pkg: &Package) {
    let types = pkg.xml("[Content_Types].xml");
    let overrides: Vec<&str> = types
        .all("Override")
        .into_iter()
        .map(|o| o.attr("PartName").unwrap())
        .collect();
    for name in pkg.parts.keys() {
        if name == "[Content_Types].xml" || name.ends_with(".rels") {
            continue;
        }
        assert!(
            overrides.contains(&format!("/{name}").as_str()),
            "{name} is not in [Content_Types].xml"
        );
        if name.ends_with(".xml") {
            common::ooxml::parse(&pkg.parts[name]);
        }
    }
    for part in overrides {
        assert!(
            pkg.parts.contains_key(&part[1..]),
            "{part} is typed but missing"
        );
    }
    for name in pkg.parts.keys().filter(|n| n.ends_with(".rels")) {
        let source = if name == "_rels/.rels" {
            String::new()
        } else {
            name.replace("_rels/", "")
                .trim_end_matches(".rels")
                .to_owned()
        };
        let rels = pkg.rels(&source);
        assert!(!rels.is_empty(), "{name} is empty");
        for rel in rels {
            assert!(
                pkg.parts.contains_key(&rel.part),
                "{source} → {} ({}) leads nowhere",
                rel.part,
                rel.kind
            );
        }
    }
}

/// A cell of a sheet by absolute position, `None` where nothing is written.
fn cell(sheet: &calamine::Range<Data>, row: usize, col: usize) -> Option<Data> {
    sheet
        .get_value((row as u32, col as u32))
        .cloned()
        .filter(|d| *d != Data::Empty)
}

/// Every chart's categories, series names and values are the cells of its workbook that
/// its formulas name.
fn assert_charts_read_their_workbooks(pkg: &Package, slide: &str) {
    for chart in pkg.charts(slide) {
        let book = pkg
            .rels(&chart)
            .into_iter()
            .find(|r| r.kind == "package")
            .unwrap_or_else(|| panic!("{chart} has no embedded workbook"));
        let mut book = Xlsx::new(Cursor::new(pkg.parts[&book.part].clone())).unwrap();
        let sheet = book.worksheet_range("Sheet1").unwrap();
        let series = chart_series(&pkg.xml(&chart));
        assert!(!series.is_empty(), "{chart} has no series");
        for (s, ser) in series.iter().enumerate() {
            let col = char::from(b'B' + s as u8);
            assert_eq!(ser.name_ref, format!("Sheet1!${col}$1"));
            assert_eq!(cell(&sheet, 0, s + 1), Some(Data::String(ser.name.clone())));
            let n = ser.categories.len();
            assert_eq!(ser.values.len(), n, "{chart}");
            for (r, category) in ser.categories.iter().enumerate() {
                assert_eq!(cell(&sheet, r + 1, 0), Some(Data::String(category.clone())));
                assert_eq!(
                    cell(&sheet, r + 1, s + 1),
                    ser.values[r].map(Data::Float),
                    "{chart} {} {category}",
                    ser.name
                );
            }
            if n > 1 {
                assert_eq!(ser.category_ref, format!("Sheet1!$A$2:$A${}", n + 1));
                assert_eq!(ser.value_ref, format!("Sheet1!${col}$2:${col}${}", n + 1));
            }
            // A range's band reads its widths from a column of their own.
            if let Some(band_ref) = &ser.band_ref {
                let col = band_ref.split('$').nth(1).unwrap().as_bytes()[0] - b'A';
                let col = usize::from(col);
                assert!(col > series.len(), "{band_ref} after the series' columns");
                for r in 0..n {
                    assert_eq!(cell(&sheet, r + 1, col), ser.band[r].map(Data::Float));
                }
            }
        }
    }
}

/// A series named as the legend names it, "2023 实际" or "2024 目标": its year and kind.
fn year_and_kind(series: &str) -> (i32, Kind) {
    let year = series.split(' ').next().unwrap().parse().unwrap();
    let kind = if series.contains("实际") {
        Kind::Actual
    } else {
        Kind::Target
    };
    (year, kind)
}

#[test]
fn five_views_make_a_title_slide_and_five_native_chart_slides() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.pptx");
    let files = four_cities();
    let views = "growth,levels,progress,trend,compare";
    let (code, stdout, stderr) = export_deck(&out, views, &["--indicator", "地区生产总值"], &files);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), out.display().to_string());
    let pkg = Package::open(&std::fs::read(&out).unwrap());
    assert_package_is_whole(&pkg);

    let slides = pkg.slides();
    assert_eq!(slides.len(), 6, "a title slide and five charts: {slides:?}");
    assert!(pkg.charts(&slides[0]).is_empty());
    let title = pkg.xml(&slides[0]).all_text();
    for region in ["绵阳市", "芜湖市", "宜昌市", "柳州市"] {
        assert!(
            title.contains(region),
            "the title slide lacks {region}: {title}"
        );
    }
    for slide in &slides[1..] {
        assert!(!pkg.charts(slide).is_empty(), "{slide} has no native chart");
        assert_charts_read_their_workbooks(&pkg, slide);
        assert!(!pkg.notes(slide).is_empty(), "{slide} has no notes");
    }
    // Levels: a small chart per indicator, each titled.
    let levels = pkg.charts(&slides[2]);
    assert!(levels.len() > 1, "{levels:?}");
    assert!(levels.iter().all(|c| pkg.xml(c).first("c:title").is_some()));
    // Progress bars grow from 100; trend lines dash their implied and target segments.
    let progress = pkg.xml(&pkg.charts(&slides[3])[0]);
    assert_eq!(
        progress.first("c:crossesAt").unwrap().attr("val"),
        Some("100")
    );
    let trend = pkg.xml(&pkg.charts(&slides[4])[0]);
    assert!(trend.first("c:lineChart").is_some());
    assert!(
        trend
            .all("a:prstDash")
            .iter()
            .any(|d| d.attr("val") == Some("dash")),
        "no dashed segment in the trend"
    );
}

/// The growth slide holds the first region's growth rates, labelled as the report states
/// them, with every figure's quote in the notes.
#[test]
fn a_growth_slide_holds_the_reports_figures_labels_and_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("growth.pptx");
    let (code, _, stderr) = export_deck(&out, "growth", &["--all"], &[]);
    assert_eq!(code, 0, "{stderr}");
    let pkg = Package::open(&std::fs::read(&out).unwrap());
    assert_package_is_whole(&pkg);
    let slides = pkg.slides();
    assert_eq!(slides.len(), 1, "one chart, no title slide");
    let data = Dataset::bundled();
    let notes = pkg.notes(&slides[0]);
    let series = chart_series(&pkg.xml(&pkg.charts(&slides[0])[0]));
    assert_eq!(series.len(), 2);
    let mut checked = 0;
    for ser in &series {
        let (year, kind) = year_and_kind(&ser.name);
        for (i, name) in ser.categories.iter().enumerate() {
            let Some(value) = ser.values[i] else { continue };
            let ind = data.indicators.iter().find(|d| &d.name_zh == name).unwrap();
            let obs = ind.observation(year, kind).unwrap();
            assert_eq!(obs.growth_pct, Some(value), "{name} {year}");
            let label = &ser.labels.iter().find(|(k, _)| *k == i).unwrap().1;
            assert!(
                label.starts_with(&obs.growth_text().unwrap()),
                "{name}: {label}"
            );
            assert!(notes.contains(&obs.quote), "the notes lack {}", obs.quote);
            checked += 1;
        }
    }
    // As many rows as the 1920×1080 image has room for, each with two bars at most.
    assert!(checked >= 10, "{checked} figures");
    let gdp = series[1].labels.iter().any(|(_, l)| l == "≈6%");
    assert!(
        gdp,
        "the GDP target is not labelled ≈6%: {:?}",
        series[1].labels
    );
}

#[test]
fn the_picture_option_puts_the_png_of_each_chart_on_its_slide() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pictures.pptx");
    let (code, _, stderr) = export_deck(&out, "growth,levels", &["--picture"], &[]);
    assert_eq!(code, 0, "{stderr}");
    let pkg = Package::open(&std::fs::read(&out).unwrap());
    assert_package_is_whole(&pkg);
    let slides = pkg.slides();
    assert_eq!(slides.len(), 3);
    for slide in &slides[1..] {
        assert!(pkg.charts(slide).is_empty());
        let xml = pkg.xml(slide);
        let blip = xml.first("a:blip").expect("a picture");
        let image = pkg.target(slide, blip.attr("r:embed").unwrap());
        assert!(pkg.parts[&image].starts_with(b"\x89PNG"), "{image}");
        assert!(!pkg.notes(slide).is_empty());
    }
}

#[test]
fn several_views_in_an_image_format_are_a_file_each() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.png");
    let (code, stdout, stderr) = export_deck(&out, "growth,trend", &[], &[]);
    assert_eq!(code, 0, "{stderr}");
    let written: Vec<&str> = stdout.lines().collect();
    let expected = [
        dir.path().join("deck-growth.png"),
        dir.path().join("deck-trend.png"),
    ];
    assert_eq!(written.len(), 2, "{stdout}");
    for (line, path) in written.iter().zip(&expected) {
        assert_eq!(*line, path.display().to_string());
        assert!(std::fs::read(path).unwrap().starts_with(b"\x89PNG"));
    }
    assert!(!out.exists());
}

#[test]
fn unknown_views_and_regions_are_named_with_the_ones_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.pptx");
    let (code, _, stderr) = export_deck(&out, "growth,nope", &[], &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("nope") && stderr.contains("levels"),
        "{stderr}"
    );
    let (code, _, stderr) = export_deck(&out, "growth", &["--region", "乙市"], &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("乙市") && stderr.contains("哈尔滨市"),
        "the regions open are not named: {stderr}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn regions_named_get_a_slide_each() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("regions.pptx");
    let region = ["--region", "芜湖市,绵阳市"];
    let (code, _, stderr) = export_deck(&out, "growth,levels", &region, &four_cities());
    assert_eq!(code, 0, "{stderr}");
    let pkg = Package::open(&std::fs::read(&out).unwrap());
    let slides = pkg.slides();
    assert_eq!(slides.len(), 5, "a title slide and 2 views × 2 regions");
    let subtitles: Vec<String> = slides[1..].iter().map(|s| pkg.xml(s).all_text()).collect();
    assert!(subtitles[0].contains("芜湖市") && subtitles[1].contains("绵阳市"));
}

#[test]
fn a_failed_deck_export_leaves_nothing_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    // A folder that is a file: nothing can be written there.
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, b"x").unwrap();
    let out = blocker.join("deck.pptx");
    let (code, _, stderr) = export_deck(&out, "growth,levels", &[], &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("deck.pptx") && stderr.contains("cannot write"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    let old = dir.path().join("old.pptx");
    std::fs::write(&old, b"the old deck").unwrap();
    let (code, _, _) = export_deck(&old, "growth,levels", &["--indicators", "gdp,nope"], &[]);
    assert_eq!(code, 1);
    assert_eq!(std::fs::read(&old).unwrap(), b"the old deck");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

/// The compare view of 地区生产总值 in every region of `files`, as a deck read back.
fn compare_deck(files: &[PathBuf]) -> Package {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("compare.pptx");
    let (code, _, stderr) = export_deck(&out, "compare", &["--indicator", "地区生产总值"], files);
    assert_eq!(code, 0, "{stderr}");
    Package::open(&std::fs::read(&out).unwrap())
}

/// The library path the window takes: a compare deck of every region opened.
#[test]
fn a_deck_of_the_compare_view_names_every_region() {
    let collection: Collection = open::open_paths(&four_cities()).unwrap();
    assert!(collection.regions.len() >= 4);
    let pkg = compare_deck(&four_cities());
    let slide = &pkg.slides()[0];
    let series = chart_series(&pkg.xml(&pkg.charts(slide)[0]));
    for region in &collection.regions {
        let gdp = region
            .data
            .indicators
            .iter()
            .find(|i| i.name_zh == "地区生产总值")
            .unwrap();
        let row = series[0].categories.iter().position(|c| *c == region.key);
        let row = row.unwrap_or_else(|| panic!("{} is not a row", region.key));
        for ser in &series {
            let (year, kind) = year_and_kind(&ser.name);
            let expected = gdp.observation(year, kind).and_then(|o| o.growth_pct);
            assert_eq!(ser.values[row], expected, "{} {}", region.key, ser.name);
        }
    }
}

/// Ranges drawn as ranges: each ranged figure's bar reaches its low bound and a band (an
/// error bar of the series' colour) reaches on to its high bound, the widths in the
/// workbook; the national report, the picture's reference line, is the compare slide's
/// first row, outlined.
#[test]
fn ranges_are_bands_and_the_national_report_is_the_yardstick_row() {
    let pkg = compare_deck(&[common::provinces()]);
    assert_package_is_whole(&pkg);
    let slide = &pkg.slides()[0];
    assert_charts_read_their_workbooks(&pkg, slide);
    let chart = pkg.xml(&pkg.charts(slide)[0]);
    let series = chart_series(&chart);
    let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["2025 实际", "2026 目标"]);
    let (actual, target) = (&series[0], &series[1]);
    let rows = &target.categories;
    assert_eq!(rows.len(), 1 + 31, "{rows:?}");
    // 黑龙江 4.5–5%, 广西 5–5.5%: the bar to the low bound, the band on by half a point.
    for (region, low) in [("黑龙江省", 4.5), ("广西壮族自治区", 5.0)] {
        let row = rows.iter().position(|r| r == region).unwrap();
        assert_eq!(target.values[row], Some(low), "{region}");
        assert_eq!(target.band[row], Some(0.5), "{region}");
        let label = &target.labels.iter().find(|(i, _)| *i == row).unwrap().1;
        assert!(label.contains('–'), "{region}: {label}");
    }
    assert_eq!(
        target.band.iter().flatten().count(),
        2,
        "two ranges, two bands"
    );
    assert!(actual.band_ref.is_none(), "no result is a range");
    // The yardstick: the national result (5%) and target (≈5%) on the first row, outlined.
    assert_eq!(rows[0], "全国");
    assert_eq!((actual.values[0], target.values[0]), (Some(5.0), Some(5.0)));
    assert_eq!(target.labels[0], (0, "≈5%".to_owned()));
    for ser in chart.all("c:ser") {
        let first = ser
            .all("c:dPt")
            .into_iter()
            .find(|d| d.child("c:idx").and_then(|i| i.attr("val")) == Some("0"))
            .expect("the national row has a look of its own");
        assert!(first.first("a:noFill").is_some(), "outlined, not filled");
    }
    let notes = pkg.notes(slide);
    assert!(notes.starts_with("全国"), "{notes}");
}
