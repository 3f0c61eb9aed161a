//! The commands over many reports: `extract … --out-dir DIR` (every report drafted, in
//! parallel, with progress) and `panel` (one row per figure of every report).

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use indicatif::{ProgressBar, ProgressStyle};

use super::{ExtractArgs, overrides, write_draft};
use crate::batch::{self, Found};
use crate::files;
use crate::open;
use crate::panel;

/// Progress on standard error: a bar on a terminal, else a plain line per file done.
struct Progress {
    bar: Option<ProgressBar>,
    total: usize,
    done: usize,
}

impl Progress {
    fn new(total: usize, what: &str) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(total as u64);
            let style = ProgressStyle::with_template(&format!(
                "{what} {{bar:40}} {{pos}}/{{len}} {{elapsed}} {{msg}}"
            ))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress {
            bar,
            total,
            done: 0,
        }
    }

    fn step(&mut self, file: &Path, ok: bool) {
        self.done += 1;
        let status = if ok { "ok" } else { "failed" };
        match &self.bar {
            Some(bar) => {
                bar.set_message(file.display().to_string());
                bar.inc(1);
            }
            None => eprintln!(
                "[{}/{}] {}: {status}",
                self.done,
                self.total,
                file.display()
            ),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// What a drafted report holds, for its line at the end.
struct Drafted {
    out: PathBuf,
    region: String,
    plan_year: i32,
    figures: usize,
    flagged: usize,
}

/// `extract DIR_OR_FILES… --out-dir DIR`: every report drafted in parallel into `out_dir`;
/// a line per report at the end (in the order found) and a non-zero exit only when one
/// failed (the others are written all the same).
pub fn extract_all(args: &ExtractArgs, out_dir: &Path) -> anyhow::Result<ExitCode> {
    let found = batch::reports(&args.reports)?;
    std::fs::create_dir_all(out_dir)
        .map_err(|e| anyhow::anyhow!("{}: cannot make the folder: {e}", out_dir.display()))?;
    let overrides = overrides(args);
    let mut results: Vec<Option<Result<Drafted, String>>> = found.iter().map(|_| None).collect();
    let mut progress = Progress::new(found.len(), "extract");
    let cancel = AtomicBool::new(false);
    let workers = args.jobs.map_or_else(batch::workers, usize::from);
    batch::run(
        &found,
        workers,
        &cancel,
        |f| draft_into(f, out_dir, &overrides),
        |n, result| {
            progress.step(&found[n].path, result.is_ok());
            results[n] = Some(result);
        },
    );
    progress.finish();
    let mut failed = 0;
    for (file, result) in found.iter().zip(results) {
        match result {
            Some(Ok(d)) => println!(
                "{} → {}: {} {}, {} figures, {} flagged",
                file.path.display(),
                d.out.display(),
                d.region,
                d.plan_year,
                d.figures,
                d.flagged
            ),
            Some(Err(e)) => {
                failed += 1;
                println!("{}: failed: {e}", file.path.display());
            }
            None => {}
        }
    }
    eprintln!(
        "{} of {} reports drafted into {}{}",
        found.len() - failed,
        found.len(),
        out_dir.display(),
        failures(failed, "failed")
    );
    Ok(exit_code(failed))
}

/// "; 2 failed", or nothing when none did.
fn failures(failed: usize, what: &str) -> String {
    if failed > 0 {
        format!("; {failed} {what}")
    } else {
        String::new()
    }
}

/// Failure when a file failed: the others were written all the same.
fn exit_code(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Drafts one report into `out_dir`, at its path below the folder it was found in.
fn draft_into(
    file: &Found,
    out_dir: &Path,
    overrides: &crate::extract::Overrides,
) -> Result<Drafted, String> {
    let (mut opened, text) =
        open::open_path_with_text(&file.path, overrides).map_err(|e| e.to_string())?;
    let out = out_dir.join(file.relative()).with_extension("json");
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    write_draft(
        &mut opened.data,
        text.as_deref(),
        &out,
        files::write_atomic_regenerable,
    )
    .map_err(|e| e.to_string())?;
    let data = &opened.data;
    Ok(Drafted {
        region: data.report.region_zh.clone(),
        plan_year: data.years().1,
        figures: data.observation_count(),
        flagged: data
            .indicators
            .iter()
            .filter(|i| !i.flags.is_empty())
            .count(),
        out,
    })
}

#[derive(Debug, clap::Args)]
pub struct PanelArgs {
    /// Datasets (.json) and reports (.txt, .html, .docx, .pdf), or folders of them
    /// (searched with their subfolders).
    pub files: Vec<PathBuf>,
    /// More files or folders, as the arguments.
    #[arg(long)]
    pub data: Vec<PathBuf>,
    /// The table to write (atomically): .csv (UTF-8 with a byte order mark) or .xlsx.
    #[arg(long)]
    pub out: PathBuf,
}

/// `panel FILE_OR_DIR… --out panel.csv|.xlsx`.
pub fn panel(args: &PanelArgs) -> anyhow::Result<ExitCode> {
    let ext = args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let xlsx = match ext.as_deref() {
        Some("csv") => false,
        Some("xlsx") => true,
        _ => anyhow::bail!(
            "{}: the panel is written as .csv or .xlsx: name the file so",
            args.out.display()
        ),
    };
    let paths = [args.data.as_slice(), args.files.as_slice()].concat();
    if paths.is_empty() {
        anyhow::bail!("name the reports or datasets (files or folders) to make a panel of");
    }
    let found = open::expand_folders(&paths)?;
    let (opened, errors) = panel::open_all(&found, batch::workers());
    for e in &errors {
        eprintln!("{e}");
    }
    let failed = errors.len();
    let table = panel::table(&opened);
    let bytes = if xlsx {
        panel::xlsx(&table).map_err(|e| anyhow::anyhow!("{}: {e}", args.out.display()))?
    } else {
        panel::csv(&table).map_err(|e| anyhow::anyhow!("{}: {e}", args.out.display()))?
    };
    files::write_atomic(&args.out, &bytes)
        .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", args.out.display()))?;
    println!(
        "{}: {} rows from {} reports{}",
        args.out.display(),
        table.len() - 1,
        opened.len(),
        failures(failed, "could not be read")
    );
    Ok(exit_code(failed))
}
