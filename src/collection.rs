//! Reports of several regions side by side. A report is (region, plan year): the reports
//! of one region merge into one history, reports of different regions never share an
//! indicator, and a report whose region is unknown stays apart from every other.

use crate::merge::{self, Conflict};
use crate::model::Dataset;

/// One opened file: a dataset, or a report's text drafted into one.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub data: Dataset,
    /// The file name as the user gave it.
    pub name: String,
    /// Drafted from report text by `extract`: numbers not yet checked by a person.
    pub draft: bool,
}

/// The reports of one region merged into one dataset, or one report of unknown region.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionData {
    /// What tells the region apart: its `region_zh`, compared whole (吉林省 and 吉林市 are two
    /// places), or, for a report of unknown region, its file name.
    pub key: String,
    pub data: Dataset,
    /// The files merged into it, in the order given.
    pub files: Vec<String>,
    /// Some of it was drafted from report text and not yet checked by a person.
    pub draft: bool,
    /// The region is unknown: this report joins no other until the user names it.
    pub unknown_region: bool,
    /// Figures two files of this region and one plan year disagree on (the later file's
    /// is shown).
    pub conflicts: Vec<Conflict>,
}

impl RegionData {
    /// The files it came from, joined with " + ".
    pub fn name(&self) -> String {
        self.files.join(" + ")
    }
}

/// Something the user should know about what was opened. Kept as data: the command line
/// and the window each word it in their own way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The report names no region it can be told by: it is kept apart.
    UnknownRegion { file: String, region_zh: String },
}

/// Every region opened, in the order its first file was given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Collection {
    pub regions: Vec<RegionData>,
    pub notices: Vec<Notice>,
}

impl Collection {
    /// One dataset alone, e.g. the bundled one.
    pub fn single(data: Dataset, name: &str) -> Collection {
        group(vec![Opened {
            data,
            name: name.to_owned(),
            draft: false,
        }])
    }

    /// The first region, the one the window shows until the user picks another.
    pub fn into_first(self) -> Option<RegionData> {
        self.regions.into_iter().next()
    }

    /// Every conflict of every region.
    pub fn conflicts(&self) -> impl Iterator<Item = &Conflict> {
        self.regions.iter().flat_map(|r| &r.conflicts)
    }
}

/// Groups opened files by region and merges each region's reports into one history.
pub fn group(opened: Vec<Opened>) -> Collection {
    let mut notices = Vec::new();
    // Each region's files, or a file of unknown region alone, in the order given.
    let mut groups: Vec<(Option<String>, Vec<Opened>)> = Vec::new();
    for file in opened {
        let report = &file.data.report;
        if !report.has_region() {
            notices.push(Notice::UnknownRegion {
                file: file.name.clone(),
                region_zh: report.region_zh.clone(),
            });
            groups.push((None, vec![file]));
            continue;
        }
        let key = report.region_zh.trim().to_owned();
        match groups.iter_mut().find(|(k, _)| k.as_ref() == Some(&key)) {
            Some((_, files)) => files.push(file),
            None => groups.push((Some(key), vec![file])),
        }
    }
    let mut regions = Vec::with_capacity(groups.len());
    for (key, files) in groups {
        let parts: Vec<(&str, &Dataset)> =
            files.iter().map(|f| (f.name.as_str(), &f.data)).collect();
        // Never fails: every group has a file, and one region.
        let Ok(merged) = merge::merge(&parts) else {
            continue;
        };
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        regions.push(RegionData {
            unknown_region: key.is_none(),
            key: key.unwrap_or_else(|| names.join(" + ")),
            data: merged.data,
            files: names,
            draft: files.iter().any(|f| f.draft),
            conflicts: merged.conflicts,
        });
    }
    Collection { regions, notices }
}
