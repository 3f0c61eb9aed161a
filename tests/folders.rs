//! Whole folders: `extract … --out-dir` drafts every report in parallel and says what
//! became of each; `panel` writes one row per figure of every report with its region's code.

mod common;

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader as _, Xlsx};
use common::run;
use gwr_charts::{model, open, panel};

fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to).unwrap();
}

#[test]
fn a_folder_is_drafted_whole_and_a_broken_report_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    copy(
        "tests/reports/mianyang-2024.txt",
        &reports.join("mianyang-2024.txt"),
    );
    copy(
        "tests/reports/wuhu-2024.txt",
        &reports.join("wuhu-2024.txt"),
    );
    copy(
        "tests/reports/yichang-2024.txt",
        &reports.join("hubei/yichang-2024.txt"),
    );
    copy("tests/formats/corrupt.docx", &reports.join("broken.docx"));
    std::fs::write(reports.join("notes.md"), "not a report").unwrap();
    let out = dir.path().join("drafts");
    let (code, stdout, stderr) = run([
        "extract",
        reports.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        code, 1,
        "a report failed: the exit says so\n{stdout}\n{stderr}"
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "a line per report: {stdout}");
    assert!(
        lines[0].contains("broken.docx") && lines[0].contains("failed"),
        "{stdout}"
    );
    for (line, region) in lines[1..]
        .iter()
        .zip(["宜昌市 2024", "绵阳市 2024", "芜湖市 2024"])
    {
        assert!(line.contains(region) && line.contains("figures"), "{line}");
    }
    // The progress, a plain line per report when standard error is not a terminal.
    for n in 1..=4 {
        assert!(stderr.contains(&format!("[{n}/4] ")), "{stderr}");
    }
    assert!(stderr.contains("3 of 4 reports drafted"), "{stderr}");
    for draft in [
        "mianyang-2024.json",
        "wuhu-2024.json",
        "hubei/yichang-2024.json",
    ] {
        let path = out.join(draft);
        let data = model::load_path(&path).unwrap_or_else(|e| panic!("{draft}: {e}"));
        assert!(data.observation_count() > 5, "{draft}");
        assert!(
            path.with_extension("source.txt").exists(),
            "{draft}: no report text"
        );
    }
    assert!(!out.join("broken.json").exists());
}

#[test]
fn a_folder_without_reports_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("readme.md"), "no report").unwrap();
    let out = dir.path().join("out");
    let (code, _, stderr) = run([
        "extract",
        dir.path().to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("in this folder") && stderr.contains(".docx"),
        "{stderr}"
    );
    let (code, _, stderr) = run(["extract", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("--out-dir"), "{stderr}");
}

#[test]
fn the_panel_of_two_regions_has_a_row_per_figure_with_codes() {
    let files = [
        "tests/reports/mianyang-2024.txt",
        "tests/reports/wuhu-2024.txt",
    ];
    let counts: Vec<usize> = files
        .iter()
        .map(|f| {
            open::open_path(Path::new(f))
                .unwrap()
                .data
                .observation_count()
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("panel.csv");
    let (code, stdout, stderr) = run([
        "panel",
        files[0],
        files[1],
        "--out",
        csv_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(&format!("{} rows from 2 reports", counts[0] + counts[1])),
        "{stdout}"
    );
    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no byte order mark");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, panel::COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), counts[0] + counts[1]);
    let column = |name: &str| panel::COLUMNS.iter().position(|c| *c == name).unwrap();
    for (k, row) in rows.iter().enumerate() {
        let (region, code) = if k < counts[0] {
            ("绵阳市", "510700")
        } else {
            ("芜湖市", "340200")
        };
        assert_eq!(&row[column("region")], region);
        assert_eq!(&row[column("region_code")], code);
        assert_eq!(&row[column("level")], "prefecture");
        assert_eq!(&row[column("plan_year")], "2024");
        assert!(!row[column("quote")].is_empty());
        assert!(["actual", "target"].contains(&&row[column("kind")]));
    }

    let xlsx_path = dir.path().join("panel.xlsx");
    let (code, _, stderr) = run([
        "panel",
        "--data",
        files[0],
        files[1],
        "--out",
        xlsx_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let mut book = Xlsx::new(Cursor::new(std::fs::read(&xlsx_path).unwrap())).unwrap();
    let sheet = book.worksheet_range("panel").unwrap();
    assert_eq!(sheet.height(), rows.len() + 1);
    for (r, row) in sheet.rows().skip(1).enumerate() {
        assert!(matches!(row[column("year")], Data::Float(_)), "{row:?}");
        let csv_value = &rows[r][column("value")];
        match &row[column("value")] {
            Data::Float(v) => assert_eq!(*v, csv_value.parse::<f64>().unwrap()),
            Data::Empty => assert!(csv_value.is_empty()),
            other => panic!("value {other:?} is not a number"),
        }
    }
}
