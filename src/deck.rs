//! A deck: several views of several regions in one export. In PowerPoint each view of each
//! region is a slide (the compare view one slide for all regions) after a title slide
//! naming the reports; in the other formats each is a file of its own beside the name given
//! (`deck.png` → `deck-growth.png`, `deck-levels.png`…).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::chart::{ChartInput, View};
use crate::collection::{Collection, RegionData};
use crate::compare::CompareTable;
use crate::export::{self, ExportError, Format, pptx};
use crate::i18n::Lang;
use crate::render::{ImageSettings, WriteError};
use crate::selection::{self, Preset};

/// Which indicators each region's charts show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    Headline,
    All,
    /// Indicator ids (each region must have them).
    Ids(Vec<String>),
}

/// One chart of the deck: a view of a region (the compare view: of every region, drawn
/// from the first region's place in the list).
#[derive(Clone, Debug)]
pub struct Page<'a> {
    pub view: View,
    pub region: &'a RegionData,
    pub ticked: BTreeSet<String>,
}

/// What cannot be made into a deck, said with what there is instead.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PlanError {
    #[error("no region named {unknown} is open; the regions open: {known}")]
    UnknownRegion { unknown: String, known: String },
    #[error(
        "unknown indicator id{plural} in --indicators: {ids} (in {region}; `gwr-charts list` shows the ids)"
    )]
    UnknownIds {
        region: String,
        ids: String,
        plural: &'static str,
    },
    #[error("nothing is open to chart")]
    Empty,
}

/// The regions named (by `region_zh`, English name or key), or the first region open.
pub fn regions<'a>(
    collection: &'a Collection,
    names: &[String],
) -> Result<Vec<&'a RegionData>, PlanError> {
    if names.is_empty() {
        return collection
            .regions
            .first()
            .map(|r| vec![r])
            .ok_or(PlanError::Empty);
    }
    let mut out: Vec<&RegionData> = Vec::new();
    let mut unknown = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let found = collection.regions.iter().find(|r| {
            r.key == name
                || r.data.report.region_zh == name
                || r.data.report.region_en.as_deref() == Some(name)
        });
        match found {
            Some(r) if !out.iter().any(|o| std::ptr::eq(*o, r)) => out.push(r),
            Some(_) => {}
            None => unknown.push(name.to_owned()),
        }
    }
    if !unknown.is_empty() {
        let known: Vec<&str> = collection.regions.iter().map(|r| r.key.as_str()).collect();
        return Err(PlanError::UnknownRegion {
            unknown: unknown.join(", "),
            known: known.join(", "),
        });
    }
    Ok(out)
}

/// The deck's pages: each view of each region, in the order given; the compare view once.
pub fn pages<'a>(
    views: &[View],
    regions: &[&'a RegionData],
    pick: &Pick,
) -> Result<Vec<Page<'a>>, PlanError> {
    pages_with(views, regions, |region| ticked(region, pick))
}

/// As [`pages`], each region's indicators given by `ticked` (the window: what is ticked
/// for that region).
pub fn pages_with<'a>(
    views: &[View],
    regions: &[&'a RegionData],
    ticked: impl Fn(&RegionData) -> Result<BTreeSet<String>, PlanError>,
) -> Result<Vec<Page<'a>>, PlanError> {
    let mut views: Vec<View> = views.to_vec();
    views.dedup();
    let mut out = Vec::new();
    for view in views {
        let regions = if view == View::Compare {
            &regions[..regions.len().min(1)]
        } else {
            regions
        };
        for &region in regions {
            if out
                .iter()
                .any(|p: &Page<'_>| p.view == view && std::ptr::eq(p.region, region))
            {
                continue;
            }
            out.push(Page {
                view,
                region,
                ticked: ticked(region)?,
            });
        }
    }
    Ok(out)
}

fn ticked(region: &RegionData, pick: &Pick) -> Result<BTreeSet<String>, PlanError> {
    let data = &region.data;
    match pick {
        Pick::Headline => Ok(selection::preset(data, Preset::Headline)),
        Pick::All => Ok(selection::preset(data, Preset::All)),
        Pick::Ids(ids) => {
            let unknown: Vec<&str> = ids
                .iter()
                .map(|id| id.trim())
                .filter(|id| data.indicator(id).is_none())
                .collect();
            if unknown.is_empty() {
                Ok(ids.iter().map(|id| id.trim().to_owned()).collect())
            } else {
                Err(PlanError::UnknownIds {
                    region: region.key.clone(),
                    plural: if unknown.len() == 1 { "" } else { "s" },
                    ids: unknown.join(", "),
                })
            }
        }
    }
}

/// The file of one page beside `out`: `deck.png` → `deck-growth.png`, with the region's
/// name when the deck has several regions (`deck-growth-哈尔滨市.png`).
pub fn page_path(out: &Path, page: &Page<'_>, several_regions: bool) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut name = format!("{stem}-{}", page.view.key());
    if several_regions && page.view != View::Compare {
        let region: String = page
            .region
            .key
            .chars()
            .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
            .collect();
        name.push('-');
        name.push_str(&region);
    }
    if let Some(ext) = out.extension() {
        name.push('.');
        name.push_str(&ext.to_string_lossy());
    }
    out.with_file_name(name)
}

/// The title slide: the reports the deck shows, one line each with their files.
pub fn title(pages: &[Page<'_>], open: &[RegionData], lang: Lang) -> (String, Vec<String>) {
    let mut regions: Vec<&RegionData> = Vec::new();
    for page in pages {
        let shown: Vec<&RegionData> = if page.view == View::Compare {
            open.iter().collect()
        } else {
            vec![page.region]
        };
        for r in shown {
            if !regions.iter().any(|o| std::ptr::eq(*o, r)) {
                regions.push(r);
            }
        }
    }
    let title = match regions.as_slice() {
        [one] => one.data.report.title(lang).to_owned(),
        _ => Lang::fill(lang.texts().deck_title, regions.len()),
    };
    let lines = regions.iter().map(|r| title_line(r, lang)).collect();
    (title, lines)
}

/// A report's line on the title slide: its title, led by its region when the title does
/// not name it (a draft's title may be the bare 政府工作报告), and its files.
fn title_line(region: &RegionData, lang: Lang) -> String {
    let title = region.data.report.title(lang);
    let name = match lang {
        Lang::Zh => region.data.report.region_zh.as_str(),
        Lang::En => region
            .data
            .report
            .region_en
            .as_deref()
            .unwrap_or(&region.data.report.region_zh),
    };
    if name.is_empty() || title.contains(name) {
        format!("{title} ({})", region.name())
    } else {
        format!("{name} {title} ({})", region.name())
    }
}

/// What a deck export needs besides its pages.
pub struct DeckSettings<'a> {
    /// Every region open (the compare view draws them all).
    pub regions: &'a [RegionData],
    /// The compare view's table, worked out once.
    pub compare: Option<&'a CompareTable>,
    /// The image settings of every page; each page's view replaces the spec's.
    pub settings: ImageSettings,
    /// PowerPoint slides as pictures instead of native charts.
    pub picture: bool,
}

impl DeckSettings<'_> {
    /// The settings and the chart input of a page, handed to `draw`.
    fn with_page<T>(
        &self,
        page: &Page<'_>,
        draw: impl FnOnce(&ChartInput<'_>, &ImageSettings) -> T,
    ) -> T {
        let data = &page.region.data;
        let selected = selection::indicators(data, &page.ticked);
        let mut settings = self.settings.clone();
        settings.spec.view = page.view;
        // The compare view draws every region: a draft among them makes it a draft.
        settings.spec.draft = match page.view {
            View::Compare => self.regions.iter().any(|r| r.draft),
            _ => page.region.draft,
        };
        let input = ChartInput {
            data,
            selected: &selected,
            regions: self.regions,
            compare: self.compare,
        };
        draw(&input, &settings)
    }
}

/// Writes the deck: one .pptx of every page, or a file per page beside `out`. Every file is
/// made before any is written, and each is written atomically. Returns the files written.
pub fn write(
    out: &Path,
    format: Format,
    pages: &[Page<'_>],
    deck: &DeckSettings<'_>,
) -> Result<Vec<PathBuf>, WriteError> {
    let shown = |e: ExportError, path: &Path| e.at(path);
    let files: Vec<(PathBuf, Vec<u8>)> = if format == Format::Pptx {
        let slides = pages
            .iter()
            .map(|page| deck.with_page(page, |input, s| pptx::slide(input, s, deck.picture)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| shown(e, out))?;
        let title = (pages.len() > 1).then(|| title(pages, deck.regions, deck.settings.spec.lang));
        let bytes = pptx::deck_bytes(title, slides, &deck.settings).map_err(|e| shown(e, out))?;
        vec![(out.to_path_buf(), bytes)]
    } else if let [page] = pages {
        let bytes = deck
            .with_page(page, |input, s| export::bytes(format, input, s))
            .map_err(|e| shown(e, out))?;
        vec![(out.to_path_buf(), bytes)]
    } else {
        let several_regions = pages
            .iter()
            .any(|p| !std::ptr::eq(p.region, pages[0].region));
        let mut files = Vec::new();
        for page in pages {
            let path = page_path(out, page, several_regions);
            let bytes = deck
                .with_page(page, |input, s| export::bytes(format, input, s))
                .map_err(|e| shown(e, &path))?;
            files.push((path, bytes));
        }
        files
    };
    let mut written = Vec::new();
    for (path, bytes) in files {
        crate::files::write_atomic(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}
