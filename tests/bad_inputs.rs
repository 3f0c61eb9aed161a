//! Bad dataset files through the real binary: exit code, and an error that names the place.

use std::ffi::OsStr;
use std::path::Path;

mod common;

use assert_cmd::Command;

fn valid() -> serde_json::Value {
    serde_json::json!({
        "schema_version": 1,
        "report": {"title_zh": "测试报告", "region_zh": "某市"},
        "indicators": [{
            "id": "gdp", "name_zh": "地区生产总值", "category": "economy", "unit_zh": "亿元",
            "headline": true, "comparable": true,
            "observations": [{"year": 2023, "kind": "actual", "value": 1.5, "growth_pct": 3.1,
                              "qualifier": "exact", "quote": "地区生产总值1.5亿元，增长3.1%"}]
        }]
    })
}

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v = valid();
    edit(&mut v);
    serde_json::to_vec_pretty(&v).unwrap()
}

#[test]
fn a_valid_file_passes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ok.json");
    std::fs::write(&path, with(|_| {})).unwrap();
    let (code, err) = common::run_on("check", &path);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn bad_inputs_fail_with_their_place() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), ":1:1: EOF while parsing"),
        (
            "truncated",
            br#"{"schema_version": 1, "report": {"#.to_vec(),
            ":1:33: EOF while parsing an object",
        ),
        (
            "wrong type",
            with(|v| v["indicators"][0]["headline"] = "yes".into()),
            "invalid type: string \"yes\", expected a boolean",
        ),
        (
            "number as string",
            with(|v| v["indicators"][0]["observations"][0]["value"] = "1.5".into()),
            "invalid type: string \"1.5\", expected f64",
        ),
        (
            "NaN",
            String::from_utf8(with(|_| {}))
                .unwrap()
                .replace("1.5,", "NaN,")
                .into_bytes(),
            "expected value",
        ),
        (
            "Infinity",
            String::from_utf8(with(|_| {}))
                .unwrap()
                .replace("3.1,", "Infinity,")
                .into_bytes(),
            "expected value",
        ),
        (
            "huge number",
            String::from_utf8(with(|_| {}))
                .unwrap()
                .replace("3.1,", "1e999,")
                .into_bytes(),
            "number out of range",
        ),
        (
            "duplicate id",
            with(|v| {
                let first = v["indicators"][0].clone();
                v["indicators"].as_array_mut().unwrap().push(first);
            }),
            "indicator gdp: id: duplicate id (first used on line 3)",
        ),
        (
            "unknown category",
            with(|v| v["indicators"][0]["category"] = "weather".into()),
            "unknown variant `weather`",
        ),
        (
            "unknown kind",
            with(|v| v["indicators"][0]["observations"][0]["kind"] = "forecast".into()),
            "unknown variant `forecast`",
        ),
        (
            "unknown qualifier",
            with(|v| v["indicators"][0]["observations"][0]["qualifier"] = "roughly".into()),
            "unknown variant `roughly`",
        ),
        (
            "missing quote",
            with(|v| {
                v["indicators"][0]["observations"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("quote");
            }),
            "missing field `quote`",
        ),
        (
            "empty quote",
            with(|v| v["indicators"][0]["observations"][0]["quote"] = " ".into()),
            "indicator gdp: observations[0].quote: is empty",
        ),
        (
            "actual with no number",
            with(|v| {
                v["indicators"][0]["observations"][0]["value"] = serde_json::Value::Null;
                v["indicators"][0]["observations"][0]["growth_pct"] = serde_json::Value::Null;
            }),
            "indicator gdp: observations[0].value: an actual result needs a value",
        ),
        (
            "bad id",
            with(|v| v["indicators"][0]["id"] = "GDP-1".into()),
            "indicator GDP-1: id: must be non-empty and use only a-z, 0-9 and _",
        ),
        (
            "schema 2",
            with(|v| v["schema_version"] = 3.into()),
            "schema_version is 3, but this app reads schemas 1 and 2",
        ),
        (
            "UTF-16 file",
            {
                let text = String::from_utf8(with(|_| {})).unwrap();
                let mut bytes = vec![0xFF, 0xFE];
                bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                bytes
            },
            "file is UTF-16; save it as UTF-8",
        ),
        (
            "binary garbage",
            vec![0x7B, 0x0A, 0xC3, 0x28, 0xFF, 0x00, 0x9F],
            ":2:1: not valid UTF-8",
        ),
        (
            "top level array",
            b"[1, 2]".to_vec(),
            ":1:1: the top level must be a JSON object",
        ),
    ];
    assert!(cases.len() >= 15);
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for (name, bytes, expected) in cases {
        let path = dir.path().join(format!("{}.json", name.replace(' ', "_")));
        std::fs::write(&path, &bytes).unwrap();
        let (code, err) = common::run_on("check", &path);
        let file = path.display().to_string();
        if code != 1 || !err.contains(expected) || !err.starts_with(&file) {
            failures.push(format!(
                "{name}: exit {code}, expected 1 and {expected:?} after {file:?}; got:\n{err}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn all_problems_are_reported_at_once() {
    let (_dir, path) = common::temp_file(
        "many.json",
        with(|v| {
            let mut second = v["indicators"][0].clone();
            second["id"] = "retail".into();
            second["category"] = "weather".into();
            v["indicators"][0]["observations"][0]["quote"] = "".into();
            v["indicators"].as_array_mut().unwrap().push(second);
        }),
    );
    let (code, err) = common::run_on("check", &path);
    assert_eq!(code, 1);
    assert!(err.contains("observations[0].quote: is empty"), "{err}");
    assert!(err.contains("unknown variant `weather`"), "{err}");
    assert!(err.contains("2 problems"), "{err}");
}

#[test]
fn files_that_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = common::run_on("check", dir.path());
    assert_eq!(code, 1);
    assert!(
        err.starts_with(&format!(
            "{}: not a regular file (a directory)",
            dir.path().display()
        )),
        "{err}"
    );

    let missing = dir.path().join("missing.json");
    let (code, err) = common::run_on("check", &missing);
    assert_eq!(code, 1);
    assert!(
        err.starts_with(&missing.display().to_string()) && err.contains("cannot open"),
        "{err}"
    );

    let big = dir.path().join("big.json");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(gwr_charts::files::MAX_FILE_BYTES + 1).unwrap();
    let (code, err) = common::run_on("check", &big);
    assert_eq!(code, 1);
    assert!(
        err.contains("over the limit of 67108864 bytes (64 MiB)"),
        "{err}"
    );
}

/// Every command that reads a file, on `path`: (what was run, exit code, stderr). A command
/// that blocks fails the test after a few seconds instead of hanging it.
#[cfg(unix)]
fn read_everywhere(path: &Path) -> Vec<(String, Option<i32>, String)> {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("out.png");
    let path = path.to_str().unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", path],
        vec!["list", "--data", path],
        vec!["list", "--json", "--data", path],
        vec![
            "export",
            "--view",
            "growth",
            "--out",
            png.to_str().unwrap(),
            "--data",
            path,
        ],
        vec!["extract", path],
    ];
    runs.into_iter()
        .map(|args| {
            let out = Command::cargo_bin("gwr-charts")
                .unwrap()
                .args(&args)
                .timeout(std::time::Duration::from_secs(20))
                .output()
                .unwrap();
            (
                args.join(" "),
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        })
        .collect()
}

/// FIFOs, devices and sockets are refused at once by every command, never read: a FIFO
/// would block forever and /dev/zero would be read up to the size limit.
#[cfg(unix)]
#[test]
fn special_files_are_refused_at_once_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("data.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let socket = dir.path().join("report.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let cases = [
        (fifo.as_path(), "a FIFO"),
        (socket.as_path(), "a socket"),
        (Path::new("/dev/zero"), "a character device"),
        (Path::new("/dev/null"), "a character device"),
        (dir.path(), "a directory"),
    ];
    let mut failures = Vec::new();
    for (path, kind) in cases {
        let expected = format!("{}: not a regular file ({kind})", path.display());
        for (run, code, err) in read_everywhere(path) {
            // `list` and `export` read a folder as the files in it (issue 18): then the
            // FIFO and the socket inside it are refused, each by name.
            let expected =
                if path == dir.path() && (run.starts_with("list") || run.starts_with("export")) {
                    format!("{}: not a regular file (a FIFO)", fifo.display())
                } else {
                    expected.clone()
                };
            if code != Some(1) || !err.starts_with(&expected) {
                failures.push(format!(
                    "{run}: exit {code:?}, expected 1 and {expected:?}; got:\n{err}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn list_prints_the_whole_dataset() {
    let out = Command::cargo_bin("gwr-charts")
        .unwrap()
        .arg("list")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let data = gwr_charts::model::Dataset::bundled();
    for ind in &data.indicators {
        assert!(
            text.contains(&format!("{} ", ind.id)),
            "{} missing from list",
            ind.id
        );
    }
    assert!(
        text.contains("5576.3 (+3.1%)") && text.contains("≈6%"),
        "{text}"
    );

    let out = Command::cargo_bin("gwr-charts")
        .unwrap()
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let parsed = gwr_charts::model::load_bytes("stdout", &out.stdout).unwrap();
    assert_eq!(parsed, data);
}

#[test]
fn list_with_a_bad_file_fails() {
    let out = Command::cargo_bin("gwr-charts")
        .unwrap()
        .args(["list", "--data", "no/such/file.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("no/such/file.json: cannot open"));
}

/// A PDF the PDF library panics on (one byte of a fixture changed, in a font's character
/// map) is refused with the reader's message, and the library's panic is not printed: no
/// "panicked at" line, no backtrace, through every command that reads reports.
#[test]
fn a_pdf_the_library_panics_on_is_refused_quietly() {
    let mut bytes = std::fs::read("tests/formats/beihe-2024.pdf").unwrap();
    bytes[55125] = 0x14;
    // The fixture still makes the library panic (else this test would prove nothing).
    let panicked = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(&bytes));
    assert!(
        panicked.is_err(),
        "the damaged PDF no longer makes pdf-extract panic"
    );
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("damaged.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    for command in ["extract", "list"] {
        let (code, _, stderr) = common::run([OsStr::new(command), pdf.as_os_str()]);
        assert_eq!(code, 1, "{command}: {stderr}");
        assert!(
            stderr.contains("the PDF reader failed on this file"),
            "{command}: {stderr}"
        );
        assert!(
            !stderr.contains("panicked") && !stderr.contains("backtrace"),
            "{command}: {stderr}"
        );
    }
}

/// A report that cannot be drafted is said in the window's language, not in the reader's
/// English inside a Chinese frame.
#[test]
fn report_problems_are_said_in_the_users_language() {
    use gwr_charts::extract::Overrides;
    use gwr_charts::i18n::Lang;
    let scanned = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/formats/scanned.pdf"
    ));
    let (_dir, no_years) = common::temp_file("notes.txt", "今天天气很好，我们去公园散步。\n");
    let cases = [
        (scanned, "没有文字层", "no text layer"),
        (
            no_years.as_path(),
            "看不出报告涉及哪两年",
            "cannot tell which years",
        ),
    ];
    for (path, zh, en) in cases {
        let e = gwr_charts::open::open_path_with_text(path, &Overrides::default())
            .err()
            .unwrap_or_else(|| panic!("{} opened", path.display()));
        let said = e.message(Lang::Zh.texts());
        assert!(said.contains(zh), "{said}");
        assert!(
            !said.contains(en),
            "English inside the Chinese message: {said}"
        );
        assert!(e.message(Lang::En.texts()).contains(en));
    }
}
