//! Reports as published (HTML, Word, PDF, text with Word-style spaces, pasted text): the same
//! figures as the plain text of the same report, none from the page furniture, and a clear
//! error for every bad input. Fixtures: `tests/formats/make-fixtures.py` (outputs committed).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use egui::{FontFamily, FontId};
use gwr_charts::formats::{self, FormatError};
use gwr_charts::model::{self, Dataset, SourceFormat};
use gwr_charts::{extract, files, fonts, open};

mod common;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/formats")
        .join(name)
}

fn report_txt(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/reports")
            .join(name),
    )
    .unwrap()
}

fn read(name: &str) -> formats::Normalized {
    let path = fixture(name);
    let bytes = std::fs::read(&path).unwrap();
    formats::read(&bytes, Some(&path)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every figure of a draft: year, kind, numbers, qualifier and the quote without white space.
fn figures(data: &Dataset) -> Vec<String> {
    let mut all: Vec<String> = data
        .indicators
        .iter()
        .flat_map(|i| {
            i.observations.iter().map(|o| {
                format!(
                    "{}{} {} {:?} {:?} {:?} {:?} {}",
                    i.name_zh,
                    if i.headline { " (headline)" } else { "" },
                    o.year,
                    o.kind,
                    o.value,
                    o.growth_pct,
                    o.qualifier,
                    no_space(&o.quote)
                )
            })
        })
        .collect();
    all.sort();
    all
}

/// (fixture, the plain text of the same report, format)
const READABLE: &[(&str, &str, SourceFormat)] = &[
    ("beihe-2024.gbk.html", "beihe-2024.txt", SourceFormat::Html),
    ("nanhu-2024.html", "nanhu-2024.txt", SourceFormat::Html),
    ("beihe-2023.docx", "beihe-2023.txt", SourceFormat::Docx),
    ("beihe-2024.pdf", "beihe-2024.txt", SourceFormat::Pdf),
    ("nanhu-2024.pdf", "nanhu-2024.txt", SourceFormat::Pdf),
    ("nanhu-2024.spaced.txt", "nanhu-2024.txt", SourceFormat::Txt),
];

#[test]
fn every_format_gives_the_figures_of_the_plain_text() {
    for &(name, txt, format) in READABLE {
        let report = read(name);
        assert_eq!(report.format, format, "{name}");
        let got = extract::extract(&report.text, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let want = extract::extract(&report_txt(txt), txt).unwrap();
        assert_eq!(figures(&got), figures(&want), "{name}:\n{}", report.text);
        assert_eq!(got.report.title_zh, want.report.title_zh, "{name}");
        assert_eq!(got.report.region_zh, want.report.region_zh, "{name}");
        for o in got.indicators.iter().flat_map(|i| &i.observations) {
            assert!(
                report.text.contains(&o.quote),
                "{name}: quote not verbatim: {}",
                o.quote
            );
        }
    }
}

#[test]
fn paragraphs_survive_whole_and_furniture_is_gone() {
    for &(name, txt, _) in READABLE {
        let text = read(name).text;
        let paras: Vec<String> = text.split("\n\n").map(no_space).collect();
        for p in report_txt(txt).split("\n\n").map(no_space) {
            // Hard wraps joined (a PDF line end inside a paragraph is gone), breaks kept.
            assert!(
                paras.contains(&p),
                "{name}: paragraph not whole: {p}\n---\n{text}"
            );
        }
        for junk in [
            "ICP",
            "浏览次数",
            "阅读次数",
            "86612345",
            "88881234",
            "首页",
            "发布时间",
            "分享到",
            "file://",
            "1/2",
            "AM",
            "第 1 页",
            "统计代码",
            "visits",
        ] {
            assert!(
                !text.contains(junk),
                "{name}: page furniture {junk:?} kept:\n{text}"
            );
        }
    }
    let docx = read("beihe-2023.docx").text;
    assert!(
        docx.contains("\n规上工业企业\t年主营业务收入达到一定规模的工业企业\n"),
        "{docx}"
    );
    assert!(docx.contains("\n附：名词解释\n"), "{docx}");
}

#[test]
fn the_format_is_told_by_content_not_extension() {
    let dir = tempfile::tempdir().unwrap();
    for &(name, _, format) in READABLE {
        let path = dir.path().join(format!("download-{}", name.len()));
        std::fs::copy(fixture(name), &path).unwrap();
        let opened = open::open_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(opened.data.report.source_format, Some(format), "{name}");
        assert!(opened.draft);
    }
}

#[test]
fn pasted_text_opens_as_a_draft() {
    let text = std::fs::read_to_string(fixture("nanhu-2024.spaced.txt")).unwrap();
    let opened = open::open_text(&text, "clipboard").unwrap();
    assert_eq!(opened.data.report.source_format, Some(SourceFormat::Paste));
    assert_eq!(opened.data.report.region_zh, "南湖市");
    assert!(opened.data.indicators.len() >= 8);
    let err = open::open_text("你好", "clipboard").unwrap_err();
    assert!(err.to_string().contains("clipboard"), "{err}");
}

#[test]
fn a_pdf_the_reader_chokes_on_is_an_error_not_a_panic() {
    let mut bytes = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n".to_vec();
    bytes.extend((0..5000u32).map(|n| (n.wrapping_mul(2_654_435_761) >> 13) as u8));
    bytes.extend_from_slice(b"\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    match formats::read(&bytes, None) {
        Err(FormatError::Pdf(_) | FormatError::Scanned) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_inputs_say_what_is_wrong_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge-report.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(files::MAX_FILE_BYTES + 1)
        .unwrap();
    let cases = [
        (fixture("scanned.pdf"), "no text layer"),
        (fixture("scanned.pdf"), "OCR"),
        (fixture("encrypted.pdf"), "encrypted"),
        (fixture("corrupt.docx"), "corrupt or truncated"),
        (fixture("bomb.docx"), "zip bomb"),
        (fixture("reportless.html"), "found no report text"),
        (fixture("unknown.bin"), "not a report"),
        (big.clone(), "over the limit"),
    ];
    for (path, message) in cases {
        let (code, stderr) = common::run_on("extract", &path);
        assert_eq!(code, 1, "{}: {stderr}", path.display());
        assert!(stderr.contains(&path.display().to_string()), "{stderr}");
        assert!(stderr.contains(message), "{}: {stderr}", path.display());
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn extract_out_writes_the_normalized_text_its_quotes_come_from() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("beihe.json");
    let run = Command::cargo_bin("gwr-charts")
        .unwrap()
        .arg("extract")
        .arg(fixture("beihe-2024.gbk.html"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let data = model::load_path(&out).unwrap();
    assert_eq!(data.report.source.as_deref(), Some("beihe.source.txt"));
    assert_eq!(
        data.report.source_file.as_deref(),
        Some("beihe-2024.gbk.html")
    );
    assert_eq!(data.report.source_format, Some(SourceFormat::Html));
    let text = std::fs::read_to_string(dir.path().join("beihe.source.txt")).unwrap();
    assert!(!data.indicators.is_empty());
    for o in data.indicators.iter().flat_map(|i| &i.observations) {
        assert!(text.contains(&o.quote), "{}", o.quote);
    }
}

/// The bundled font alone (no system fallback) draws every character of every fixture and of
/// place names outside GB 2312 that the 通用规范汉字表 has.
#[test]
fn the_bundled_font_covers_reports_beyond_gb2312() {
    let ctx = egui::Context::default();
    ctx.set_fonts(fonts::definitions());
    // One frame loads the fonts; nothing is painted, so its texture updates are dropped.
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    let beyond_gb2312 = "喆堃玥赟珺昇犇镕淯濉崀燊垚啰瞭旸炘祎彧";
    let mut texts = vec![beyond_gb2312.to_owned()];
    texts.extend(READABLE.iter().map(|(name, _, _)| read(name).text));
    let font = FontId::new(14.0, FontFamily::Proportional);
    ctx.fonts_mut(|f| {
        for text in &texts {
            let missing: String = text
                .chars()
                .filter(|c| !c.is_control() && !f.has_glyph(&font, *c))
                .collect();
            assert!(missing.is_empty(), "no glyph for {missing:?}");
        }
    });
}

fn is_radical(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{2EFF}' | '\u{2F00}'..='\u{2FDF}')
}

/// Long reports printed by Chromium in Noto CJK (make-fixtures.py `browser-pdf`): the text
/// layer says ⼀ for 一 and ⼯ for 工 (Kangxi radicals and CJK radicals), read as the
/// ideographs, and the page's width wraps lines anywhere, so the draft is the page's draft:
/// same region, level, years, figures, names and headline marks.
#[test]
fn a_browser_printed_pdf_reads_as_its_page() {
    // A portal page, and a text whose inline list of targets the page width wraps.
    for (page, pdf_name, region) in [
        (
            "guangxi-2024.html",
            "guangxi-2024.browser.pdf",
            "广西壮族自治区",
        ),
        ("shanghai-2020.txt", "shanghai-2020.browser.pdf", "上海市"),
    ] {
        let pdf = std::fs::read(fixture(pdf_name)).unwrap();
        let layer = pdf_extract::extract_text_from_mem(&pdf).unwrap();
        let radicals: std::collections::BTreeSet<char> =
            layer.chars().filter(|&c| is_radical(c)).collect();
        assert!(
            radicals.len() >= 20,
            "{pdf_name}: the text layer's radicals: {radicals:?}"
        );

        let page_path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/reports/long")
            .join(page);
        let (page, page_text) =
            open::open_path_with_text(&page_path, &extract::Overrides::default()).unwrap();
        let (printed, printed_text) =
            open::open_path_with_text(&fixture(pdf_name), &extract::Overrides::default()).unwrap();
        let printed_text = printed_text.unwrap();
        assert!(!printed_text.chars().any(is_radical), "{printed_text}");
        let (want, got) = (&page.data.report, &printed.data.report);
        assert_eq!(got.region_zh, region);
        assert_eq!(
            (
                &got.region_zh,
                got.level,
                got.review_year,
                got.plan_year,
                &got.title_zh
            ),
            (
                &want.region_zh,
                want.level,
                want.review_year,
                want.plan_year,
                &want.title_zh
            )
        );
        assert_eq!(got.source_format, Some(SourceFormat::Pdf));
        // Every figure, its name and whether it is a headline figure.
        assert_eq!(
            figures(&printed.data),
            figures(&page.data),
            "{pdf_name}: {printed_text}\n---\n{}",
            page_text.unwrap()
        );
        for o in printed.data.indicators.iter().flat_map(|i| &i.observations) {
            assert!(
                printed_text.contains(&o.quote),
                "{pdf_name}: quote not verbatim: {}",
                o.quote
            );
        }
    }
}
