//! `gwr-charts export`: charts drawn into files without a window (images, tables, decks),
//! from the same functions the window draws with.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{TableArgs, compare_cmd, history_cmd, load_for_command};
use crate::chart::{ChartSpec, View};
use crate::collection::{Collection, RegionData};
use crate::compare::{self, CompareTable};
use crate::deck;
use crate::export::{self, Format};
use crate::i18n::Lang;
use crate::render::{self, ImageSettings};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The chart to draw, or several comma-separated (growth,levels,progress,trend,compare):
    /// one slide each in a .pptx, else one file each beside --out (deck-growth.png…).
    #[arg(long, value_enum, value_delimiter = ',', required = true)]
    pub view: Vec<View>,
    /// The file to write (atomically): .png, .svg, .pdf, .csv, .xlsx or .pptx (PowerPoint,
    /// native charts with their data); the extension picks the format.
    #[arg(long)]
    pub out: PathBuf,
    /// The regions to chart, comma-separated or repeated, by name (哈尔滨市); each view
    /// of each region is a slide or a file. The first region opened by default.
    #[arg(long, value_delimiter = ',')]
    pub region: Vec<String>,
    /// In a .pptx, each chart as a picture (its PNG) instead of a native chart.
    #[arg(long)]
    pub picture: bool,
    /// The format, when it should be named: it must agree with the extension of --out
    /// (a contradiction is an error); needed only for a file name without an extension.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Dataset or report files, or folders of them, instead of the bundled dataset
    /// (repeatable; several may follow one --data); reports of one region are merged.
    #[arg(long, num_args = 1..)]
    pub data: Vec<PathBuf>,
    /// More files or folders, as with --data (read after them).
    pub files: Vec<PathBuf>,
    /// Indicator ids, comma-separated (see `gwr-charts list`).
    #[arg(long, value_delimiter = ',', conflicts_with_all = ["headline", "all"])]
    pub indicators: Vec<String>,
    /// The main expected targets (the default).
    #[arg(long, conflicts_with = "all")]
    pub headline: bool,
    /// Every indicator.
    #[arg(long)]
    pub all: bool,
    /// The compare view's indicator, by name as the reports write it (e.g. 地区生产总值);
    /// in the history view, the one indicator to draw.
    #[arg(long)]
    pub indicator: Option<String>,
    /// The compare view's year, order and level.
    #[command(flatten)]
    pub table: TableArgs,
    /// The compare view's reference line, in the chart's measure (5 for 5%); by default the
    /// national report's target when it is among the files.
    #[arg(long, value_parser = parse_reference)]
    pub reference: Option<f64>,
    /// Image size in pixels, WIDTHxHEIGHT, each side 1 to 8192.
    #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
    pub size: (u32, u32),
    /// Pixels per point, 0.5 to 4: larger text and lines at the same pixel size.
    #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
    pub scale: f32,
    /// Colours of the image; light suits slides.
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeArg,
    /// Language of the titles, labels and notes.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: Lang,
    /// A title instead of the view's own.
    #[arg(long)]
    pub title: Option<String>,
    /// A footnote line under the chart.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("expected WIDTHxHEIGHT such as 1920x1080, got `{text}`");
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let (w, h): (u32, u32) = (
        w.trim().parse().map_err(|_| bad())?,
        h.trim().parse().map_err(|_| bad())?,
    );
    render::check_size(w, h).map_err(|e| e.to_string())?;
    Ok((w, h))
}

fn parse_reference(text: &str) -> Result<f64, String> {
    text.trim()
        .trim_end_matches('%')
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("expected a number such as 5 or 4.5, got `{text}`"))
}

fn parse_scale(text: &str) -> Result<f32, String> {
    let scale: f32 = text
        .trim()
        .parse()
        .map_err(|_| format!("expected a number from 0.5 to 4, got `{text}`"))?;
    if render::SCALES.contains(&scale) {
        Ok(scale)
    } else {
        Err(format!(
            "scale {scale} is out of range: use a number from 0.5 to 4"
        ))
    }
}

/// The export's file errors in the command line's words: the format is named with
/// `--format`.
fn with_format_flag(e: render::WriteError) -> anyhow::Error {
    match e {
        render::WriteError::Extension { .. } => {
            anyhow::anyhow!("{e} (or name the format with --format)")
        }
        render::WriteError::FormatMismatch {
            path,
            format,
            extension,
        } => anyhow::anyhow!(
            "{path}: --format {format} contradicts the file name's extension .{extension}"
        ),
        e => e.into(),
    }
}

pub(super) fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let format = export::resolve_format(&args.out, args.format).map_err(with_format_flag)?;
    let paths = [args.data.as_slice(), args.files.as_slice()].concat();
    let Some(collection) = load_for_command(&paths) else {
        return Ok(ExitCode::FAILURE);
    };
    let compare_table = compare_table(args, &collection.regions)?;
    let regions = deck::regions(&collection, &args.region)?;
    warn_first_region_only(args, &collection);
    let pick = indicator_pick(args, &regions)?;
    let pages = deck::pages(&args.view, &regions, &pick)?;
    let deck_settings = deck::DeckSettings {
        regions: &collection.regions,
        compare: compare_table.as_ref(),
        settings: image_settings(args),
        picture: args.picture,
    };
    for path in deck::write(&args.out, format, &pages, &deck_settings)? {
        println!("{}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// The compare view's table, when the compare view is asked for: it needs `--indicator`,
/// which the other views (but history) refuse.
fn compare_table(
    args: &ExportArgs,
    regions: &[RegionData],
) -> anyhow::Result<Option<CompareTable>> {
    let has_compare = args.view.contains(&View::Compare);
    let has_history = args.view.contains(&View::History);
    match (has_compare, args.indicator.as_deref()) {
        (true, Some(name)) => {
            match compare::compare_table(regions, &args.table.query(name, args.reference)) {
                Some(table) => Ok(Some(table)),
                None => anyhow::bail!("{}", compare_cmd::no_such_indicator(regions, name)),
            }
        }
        (true, None) => anyhow::bail!(
            "--view compare needs --indicator NAME; {}",
            compare_cmd::names_to_compare(regions)
        ),
        (false, Some(_)) if has_history => Ok(None),
        (false, Some(_)) => anyhow::bail!(
            "--indicator is for --view compare and history; the other views take --indicators ID,ID"
        ),
        (false, None) => Ok(None),
    }
}

/// Says on stderr that only the first of several regions is charted when no region is
/// named and a one-region view is asked for.
fn warn_first_region_only(args: &ExportArgs, collection: &Collection) {
    let one_region_views = args.view.iter().any(|v| *v != View::Compare);
    if args.region.is_empty() && collection.regions.len() > 1 && one_region_views {
        eprintln!(
            "{} regions opened; the charts show the first, {} (name others with --region; the compare view shows them side by side)",
            collection.regions.len(),
            collection.regions[0].key
        );
    }
}

/// The indicators to chart: every one, the ids given, the history view's one indicator
/// named with `--indicator`, or the headline targets.
fn indicator_pick(args: &ExportArgs, regions: &[&RegionData]) -> anyhow::Result<deck::Pick> {
    let has_history = args.view.contains(&View::History);
    let history_pick = match (has_history, args.indicator.as_deref(), regions.first()) {
        (true, Some(name), Some(region)) => {
            match history_cmd::find(&region.data.indicators, name) {
                Some(ind) => Some(ind.id.clone()),
                None => anyhow::bail!(
                    "{} has no indicator named {name:?} (`gwr-charts list` shows them)",
                    region.key
                ),
            }
        }
        _ => None,
    };
    Ok(if args.all {
        deck::Pick::All
    } else if let Some(id) = history_pick.filter(|_| args.indicators.is_empty()) {
        deck::Pick::Ids(vec![id])
    } else if !args.indicators.is_empty() {
        deck::Pick::Ids(args.indicators.clone())
    } else {
        deck::Pick::Headline
    })
}

/// The image size, scale, theme and words the user asked for.
fn image_settings(args: &ExportArgs) -> ImageSettings {
    ImageSettings {
        spec: ChartSpec {
            lang: args.lang,
            title: args.title.clone(),
            note: args.note.clone(),
            ..ChartSpec::default()
        },
        width: args.size.0,
        height: args.size.1,
        scale: args.scale,
        dark: args.theme == ThemeArg::Dark,
    }
}
