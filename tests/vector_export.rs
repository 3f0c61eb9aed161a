//! Vector and data export against the chart itself: the SVG looks like the PNG the GPU
//! draws, the PDF holds the names and values as text, and the CSV and Excel files read
//! back to the chart's numbers.

use std::io::Cursor;

use calamine::{Data, Reader as _, Xlsx};
use gwr_charts::chart::{self, ChartInput, ChartSpec, View};
use gwr_charts::export::{self, Format, table};
use gwr_charts::i18n::Lang;
use gwr_charts::model::{Dataset, Indicator, Kind};
use gwr_charts::render::{self, ImageSettings, Renderer};
use gwr_charts::selection::{self, Preset};

fn settings(view: View, lang: Lang, width: u32, height: u32) -> ImageSettings {
    ImageSettings {
        spec: ChartSpec {
            view,
            lang,
            ..ChartSpec::default()
        },
        width,
        height,
        scale: 1.0,
        dark: false,
    }
}

fn selected(data: &Dataset, preset: Preset) -> Vec<&Indicator> {
    let ticked = selection::preset(data, preset);
    selection::indicators(data, &ticked)
}

/// Grey levels of an RGBA image averaged over 4×4 blocks (a quarter of each side).
fn quarter_grey(rgba: &[u8], width: usize, height: usize) -> Vec<f64> {
    let (w, h) = (width / 4, height / 4);
    let mut out = vec![0.0; w * h];
    for y in 0..h * 4 {
        for x in 0..w * 4 {
            let p = &rgba[(y * width + x) * 4..][..3];
            let grey = 0.299 * p[0] as f64 + 0.587 * p[1] as f64 + 0.114 * p[2] as f64;
            out[(y / 4) * w + x / 4] += grey / 16.0;
        }
    }
    out
}

fn rasterize_svg(svg: &str, width: u32, height: u32) -> Vec<u8> {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).unwrap();
    assert_eq!(
        (tree.size().width(), tree.size().height()),
        (width as f32, height as f32)
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).unwrap();
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(&tree, Default::default(), &mut pixmap.as_mut());
    // Opaque everywhere (white below), so premultiplied equals straight alpha.
    pixmap.data().to_vec()
}

#[test]
fn the_svg_looks_like_the_gpu_png_in_every_view_and_language() {
    let data = Dataset::bundled();
    let selected = selected(&data, Preset::All);
    let mut renderer = Renderer::new().expect("a wgpu adapter (Mesa's llvmpipe will do)");
    let (w, h) = (1200, 700);
    for view in View::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let settings = settings(view, lang, w, h);
            let png = renderer
                .render(&ChartInput::single(&data, &selected), &settings)
                .unwrap();
            let svg = String::from_utf8(
                export::bytes(
                    Format::Svg,
                    &ChartInput::single(&data, &selected),
                    &settings,
                )
                .unwrap(),
            )
            .unwrap();
            assert!(svg.starts_with("<svg"), "{view:?} {lang:?}");
            let raster = rasterize_svg(&svg, w, h);
            let a = quarter_grey(png.as_raw(), w as usize, h as usize);
            let b = quarter_grey(&raster, w as usize, h as usize);
            let mean = a.iter().zip(&b).map(|(x, y)| (x - y).abs()).sum::<f64>() / a.len() as f64;
            assert!(
                mean <= 8.0,
                "{view:?} {lang:?}: the SVG differs from the PNG by {mean:.2} grey levels"
            );
            // Not trivially equal: both have ink (a blank SVG would fail here).
            let ink = b.iter().filter(|g| **g < 200.0).count();
            assert!(ink > 200, "{view:?} {lang:?}: the SVG is nearly blank");
            // Text is outlines with the words kept for search and screen readers.
            assert!(svg.contains(&format!("<title>{}", settings.spec.title_text(None))));
            assert!(!svg.contains("<text"));
        }
    }
}

#[test]
fn a_dark_svg_is_dark_and_its_text_is_light() {
    let data = Dataset::bundled();
    let selected = selected(&data, Preset::Headline);
    let mut settings = settings(View::Growth, Lang::En, 800, 450);
    settings.dark = true;
    let svg = export::bytes(
        Format::Svg,
        &ChartInput::single(&data, &selected),
        &settings,
    )
    .unwrap();
    let raster = rasterize_svg(std::str::from_utf8(&svg).unwrap(), 800, 450);
    let grey = quarter_grey(&raster, 800, 450);
    let dark = grey.iter().filter(|g| **g < 60.0).count();
    assert!(dark > grey.len() / 2, "not dark");
    assert!(grey.iter().any(|g| *g > 120.0), "no light text");
}

#[test]
fn the_pdf_holds_the_names_and_values_as_text() {
    let data = Dataset::bundled();
    let selected = selected(&data, Preset::Headline);
    for lang in [Lang::Zh, Lang::En] {
        let settings = settings(View::Growth, lang, 1920, 1080);
        let pdf = export::bytes(
            Format::Pdf,
            &ChartInput::single(&data, &selected),
            &settings,
        )
        .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
        let squeezed: String = text.split_whitespace().collect();
        assert!(
            squeezed.contains(&settings.spec.title_text(None).replace(' ', "")),
            "{lang:?}: no title in {text}"
        );
        let painted = render::paint(&ChartInput::single(&data, &selected), &settings).unwrap();
        let pairs = chart::pairs(&data, &selected);
        assert!(!painted.drawn.is_empty());
        for id in &painted.drawn {
            let pair = pairs.iter().find(|p| &p.indicator.id == id).unwrap();
            let name: String = pair.indicator.name(lang).chars().take(8).collect();
            assert!(
                squeezed.contains(&name.replace(' ', "")),
                "{lang:?}: {name} is not in the PDF's text:\n{text}"
            );
            for obs in [pair.actual, pair.target].into_iter().flatten() {
                if let Some(growth) = obs.growth_text() {
                    assert!(
                        squeezed.contains(&growth),
                        "{lang:?}: {id} {growth} is not in the PDF's text:\n{text}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_pdf_page_has_the_image_aspect_ratio_and_embeds_a_font_subset() {
    let data = Dataset::bundled();
    let selected = selected(&data, Preset::Headline);
    let settings = settings(View::Levels, Lang::Zh, 1600, 1200);
    let pdf = export::bytes(
        Format::Pdf,
        &ChartInput::single(&data, &selected),
        &settings,
    )
    .unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    let media = doc
        .get_object(page)
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect::<Vec<_>>();
    let ratio = (media[2] - media[0]) / (media[3] - media[1]);
    assert!((ratio - 4.0 / 3.0).abs() < 1e-3, "{media:?}");
    // The bundled font is embedded as a subset (far smaller than the 1.5 MB font file).
    let fonts: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok()?.get(b"BaseFont").ok()?.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect();
    assert!(
        fonts.iter().any(|n| n.contains("Noto")),
        "the bundled font is not embedded: {fonts:?}"
    );
    assert!(
        pdf.len() < 400_000,
        "{} bytes: the font is not subset",
        pdf.len()
    );
}

/// The chart's own numbers for a view, by (id, year, kind), worked out from the row
/// functions the chart draws with.
fn chart_numbers(data: &Dataset, selected: &[&Indicator], view: View) -> Vec<(String, i32, f64)> {
    let pairs = chart::pairs(data, selected);
    let mut out = Vec::new();
    match view {
        View::Growth | View::Levels => {
            let rows = if view == View::Growth {
                chart::growth_rows(&pairs)
            } else {
                chart::level_rows(&pairs)
            };
            for p in rows {
                for obs in [p.actual, p.target].into_iter().flatten() {
                    let n = if view == View::Growth {
                        obs.growth_pct
                    } else {
                        obs.value
                    };
                    if let Some(n) = n {
                        out.push((p.indicator.id.clone(), obs.year, n));
                    }
                }
            }
        }
        View::Progress => {
            for r in chart::progress_rows(&pairs) {
                let target = r.pair.target.unwrap();
                out.push((r.pair.indicator.id.clone(), target.year, r.index));
            }
        }
        View::Trend => {
            for s in chart::trend_series(data, &pairs) {
                for p in &s.points {
                    out.push((s.pair.indicator.id.clone(), p.year, p.index));
                }
            }
        } // Regions, not indicators (see tests/compare_view.rs).
        View::Compare => {}
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * a.abs().max(1.0)
}

#[test]
fn csv_and_xlsx_read_back_to_the_charts_numbers() {
    let data = Dataset::bundled();
    let selected = selected(&data, Preset::All);
    // The compare view's table of regions is checked in tests/compare_view.rs.
    for view in View::ALL.into_iter().filter(|v| *v != View::Compare) {
        for lang in [Lang::Zh, Lang::En] {
            let settings = settings(view, lang, 1920, 1080);
            let painted = render::paint(&ChartInput::single(&data, &selected), &settings).unwrap();
            // Every number of the view, whatever the picture had room for.
            let expected = chart_numbers(&data, &selected, view);
            assert!(!expected.is_empty(), "{view:?}");
            assert!(
                painted.drawn.len() < selected.len(),
                "{view:?}: the picture leaves some out, the data must not"
            );

            let csv = export::bytes(
                Format::Csv,
                &ChartInput::single(&data, &selected),
                &settings,
            )
            .unwrap();
            assert!(csv.starts_with(b"\xEF\xBB\xBF"), "no byte order mark");
            let mut reader = ::csv::Reader::from_reader(&csv[3..]);
            let header = reader.headers().unwrap().clone();
            assert_eq!(header.len(), lang.texts().data_columns.len());
            assert_eq!(&header[1], lang.texts().data_columns[1]);
            let records: Vec<::csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
            let csv_rows: Vec<(String, i32, f64)> = records
                .iter()
                .map(|r| {
                    (
                        r[1].to_owned(),
                        r[4].parse().unwrap(),
                        r[6].parse().unwrap(),
                    )
                })
                .collect();

            let xlsx = export::bytes(
                Format::Xlsx,
                &ChartInput::single(&data, &selected),
                &settings,
            )
            .unwrap();
            let mut book = Xlsx::new(Cursor::new(xlsx)).unwrap();
            let sheet = book.worksheet_range_at(0).unwrap().unwrap();
            let mut xlsx_rows = Vec::new();
            for row in sheet.rows().skip(1) {
                let (Data::String(id), Data::Float(year), Data::Float(charted)) =
                    (&row[1], &row[4], &row[6])
                else {
                    panic!("{view:?} {lang:?}: not a text id and numeric cells: {row:?}");
                };
                xlsx_rows.push((id.clone(), *year as i32, *charted));
            }
            assert_eq!(xlsx_rows.len(), csv_rows.len());
            for (rows, what) in [(&csv_rows, "CSV"), (&xlsx_rows, "XLSX")] {
                // Every point the chart draws is in the file, with its number...
                for (id, year, n) in &expected {
                    assert!(
                        rows.iter()
                            .any(|(i, y, m)| i == id && y == year && close(*m, *n)),
                        "{view:?} {lang:?} {what}: {id} {year} {n} is missing from {rows:?}"
                    );
                }
                // ...and nothing else, in the chart's order.
                let mut order: Vec<&String> = rows.iter().map(|(id, _, _)| id).collect();
                order.dedup();
                let mut want: Vec<&String> = expected.iter().map(|(id, _, _)| id).collect();
                want.dedup();
                assert_eq!(order, want, "{view:?} {lang:?} {what}");
            }
        }
    }
}

#[test]
fn data_rows_carry_units_qualifiers_quotes_and_flags() {
    let data = Dataset::bundled();
    let selected = selected(&data, Preset::All);
    let settings = settings(View::Progress, Lang::Zh, 1920, 1080);
    let rows = table::rows(&data, &selected, &settings.spec);
    let cells = table::table(&data, &settings.spec, &rows);
    assert_eq!(cells.len(), rows.len() + 1);
    for (row, line) in rows.iter().zip(&cells[1..]) {
        let obs = row.source.expect("every progress point has an observation");
        assert_eq!(line[3], table::Cell::Text(row.indicator.unit_zh.clone()));
        assert_eq!(line[16], table::Cell::Text(obs.quote.clone()));
        let flag = &Lang::Zh.texts().data_yes_no[usize::from(!row.implied)];
        assert_eq!(line[14], table::Cell::Text((*flag).to_owned()));
        if row.kind == Kind::Target && row.implied {
            // An index from a target growth rate: 100 + growth.
            assert!(close(row.charted, 100.0 + obs.growth_pct.unwrap()));
        }
    }
    // Both kinds of progress bar occur in the bundled data.
    assert!(rows.iter().any(|r| r.implied));
    assert!(rows.iter().any(|r| !r.implied && r.kind == Kind::Target));

    let text = export::data_text(&ChartInput::single(&data, &selected), &settings).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), rows.len() + 1);
    assert!(lines.iter().all(|l| l.split('\t').count() == 18), "{text}");
}
