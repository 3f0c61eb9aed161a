//! Written files get the mode any other program would give them, and are still replaced
//! atomically.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use assert_cmd::Command;
use gwr_charts::files::write_atomic;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn a_new_file_follows_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    // What the umask of this process makes of a plain create.
    let plain = dir.path().join("plain");
    std::fs::write(&plain, b"x").unwrap();
    let written = dir.path().join("written.json");
    write_atomic(&written, b"{}").unwrap();
    assert_eq!(std::fs::read(&written).unwrap(), b"{}");
    assert_eq!(
        format!("{:o}", mode(&written)),
        format!("{:o}", mode(&plain))
    );
    // Only the file itself is left: the temporary file was renamed into place.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn an_overwritten_file_keeps_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    for wanted in [0o640, 0o604, 0o600, 0o664] {
        let path = dir.path().join(format!("{wanted:o}.json"));
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(wanted)).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(format!("{:o}", mode(&path)), format!("{wanted:o}"));
    }
}

/// Through the real binary under the usual umask: `extract --out` writes 0644, and
/// overwriting a 0640 file keeps 0640.
#[test]
fn the_binary_writes_0644_under_umask_022() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.json");
    let report = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reports/beihe-2024.txt");
    let run = || {
        let script = "umask 022 && exec \"$0\" extract \"$1\" --out \"$2\"";
        Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(assert_cmd::cargo::cargo_bin("gwr-charts"))
            .arg(&report)
            .arg(&out)
            .assert()
            .success();
    };
    run();
    assert_eq!(format!("{:o}", mode(&out)), "644");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    run();
    assert_eq!(format!("{:o}", mode(&out)), "640");
}
