//! What is open this run: every region opened (its reports merged into one history), the one
//! the window shows, the document under review, and the report texts drafts were cut from.
//! Nothing here is saved; the user's choices are in [`super::State`].
//!
//! The shown dataset is never copied out: [`Session::data`] borrows it from its region. A
//! document under review is the source of its region's dataset: each committed edit, undo
//! or redo writes it there ([`Session::document_changed`]), the one way data moves here.

use std::path::{Path, PathBuf};

use crate::collection::{self, Collection, Opened, RegionData};
use crate::edit::{Document, SourceText, TextMissing};
use crate::merge::Conflict;
use crate::model::{self, Dataset};

pub struct Session {
    /// Never empty: the bundled dataset until the user opens something.
    regions: Vec<RegionData>,
    shown: usize,
    /// The normalized text of every report drafted this run, by file name.
    texts: Vec<(String, String)>,
    /// The document under review; it stays while the window shows the charts, its edits
    /// with it, until the user leaves it (saved or given up).
    review: Option<Reviewed>,
}

/// A document under review and the region it belongs to.
pub struct Reviewed {
    pub doc: Document,
    /// Its region in [`Session::regions`].
    region: usize,
    /// The file (or files) it was opened from, as the window names them.
    name: String,
    /// The other files of that region, merged with the document to make what the charts
    /// show (empty unless a draft of unknown region was given a region that had reports).
    others: Vec<Opened>,
    /// The region was a draft when the review began: the draft mark stays until clean.
    was_draft: bool,
    /// The document's version last autosaved (see [`Document::version`]).
    pub autosaved: Option<u64>,
}

impl Reviewed {
    pub fn region(&self) -> usize {
        self.region
    }
}

impl Default for Session {
    fn default() -> Self {
        Session {
            regions: Collection::single(Dataset::bundled(), model::BUNDLED_NAME).regions,
            shown: 0,
            texts: Vec::new(),
            review: None,
        }
    }
}

impl Session {
    /// The region shown.
    fn current(&self) -> &RegionData {
        &self.regions[self.shown]
    }

    /// The dataset the window shows (with the document's edits, when under review).
    pub fn data(&self) -> &Dataset {
        &self.current().data
    }

    /// The file (or files) the shown dataset came from, as the window names them.
    pub fn name(&self) -> String {
        self.current().name()
    }

    /// Some of the shown dataset was drafted from report text and not yet checked.
    pub fn is_draft(&self) -> bool {
        self.current().draft
    }

    /// Figures two files of the shown region disagree on.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.current().conflicts
    }

    pub fn regions(&self) -> &[RegionData] {
        &self.regions
    }

    pub fn shown(&self) -> usize {
        self.shown
    }

    pub fn review(&self) -> Option<&Reviewed> {
        self.review.as_ref()
    }

    pub fn review_mut(&mut self) -> Option<&mut Reviewed> {
        self.review.as_mut()
    }

    /// Edits not yet saved (or brought back from an autosave).
    pub fn is_dirty(&self) -> bool {
        self.review.as_ref().is_some_and(|r| r.doc.is_dirty())
    }

    /// What was opened replaces what was open; the first region is shown. Nothing happens
    /// to an empty collection (opening refuses to make one).
    pub fn replace(&mut self, collection: Collection, texts: Vec<(String, String)>) {
        if collection.regions.is_empty() {
            return;
        }
        self.regions = collection.regions;
        self.texts = texts;
        self.shown = 0;
        self.review = None;
    }

    /// Shows region `k`, if there is one.
    pub fn show(&mut self, k: usize) -> bool {
        let exists = k < self.regions.len();
        if exists {
            self.shown = k;
        }
        exists
    }

    /// The review ends: its document is dropped (saved or given up before).
    pub fn end_review(&mut self) -> Option<Reviewed> {
        self.review.take()
    }

    /// Begins the review of the region shown, unless it is under review already.
    pub fn start_review(&mut self) {
        if self.review.as_ref().is_none_or(|r| r.region != self.shown) {
            let doc = self.document_for_shown();
            let (name, draft) = (self.name(), self.is_draft());
            self.review = Some(Reviewed::new(doc, name, self.shown, draft));
        }
    }

    /// Reviews `doc` (a review brought back from an autosave) as the only region open.
    pub fn review_alone(&mut self, doc: Document, name: String) {
        let draft = doc.data().report.draft;
        let opened = Opened {
            data: doc.data().clone(),
            name,
            draft,
        };
        self.replace(collection::group(vec![opened]), Vec::new());
        self.review = Some(Reviewed::new(doc, self.name(), self.shown, draft));
        self.document_changed();
    }

    /// The document of the region shown: its file with the report text found beside it, the
    /// bundled dataset with its compiled-in text, or a draft with the text it was cut from.
    fn document_for_shown(&self) -> Document {
        let region = self.current();
        let files: &[String] = &region.files;
        if files == [model::BUNDLED_NAME] {
            return Document::bundled();
        }
        let text = match files {
            [file] => match self.texts.iter().find(|(name, _)| name == file) {
                Some((_, text)) => Some(SourceText::new(text.clone(), file.clone())),
                None => match Document::open(Path::new(file)) {
                    Ok(doc) if doc.data() == &region.data => return doc,
                    _ => None,
                },
            },
            _ => None,
        };
        let path = match files {
            [file] if !region.draft => Some(PathBuf::from(file)),
            _ => None,
        };
        Document::new(region.data.clone(), path, text.ok_or(TextMissing::NoSource))
    }

    /// After every committed edit, undo and redo: the document's dataset (merged with the
    /// region's other files, if any) becomes its region's, so the charts, the list and the
    /// exports show it. One copy per edit, never per frame.
    pub fn document_changed(&mut self) {
        let Some(review) = self.review.as_ref() else {
            return;
        };
        let draft = review.was_draft && !review.doc.is_clean();
        let data = if review.others.is_empty() {
            review.doc.data().clone()
        } else {
            let mut parts: Vec<(&str, &Dataset)> = review
                .others
                .iter()
                .map(|o| (o.name.as_str(), &o.data))
                .collect();
            parts.push(("", review.doc.data()));
            match crate::merge::merge(&parts) {
                Ok(merged) => merged.data,
                Err(_) => review.doc.data().clone(),
            }
        };
        if let Some(region) = self.regions.get_mut(review.region) {
            region.data = data;
            region.draft = draft;
        }
    }

    /// The document's region was named (a draft of unknown region) or renamed: it now joins
    /// that region's history, as it would have had the report named it (see
    /// [`collection::group`]). Returns whether it moved.
    pub fn regroup(&mut self) -> bool {
        let Some(review) = self.review.as_mut() else {
            return false;
        };
        // Every file as opened, the document's own as it is now.
        let mut opened = Vec::new();
        for (k, r) in self.regions.iter().enumerate() {
            if k == review.region {
                opened.extend(review.others.iter().cloned());
                opened.push(Opened {
                    data: review.doc.data().clone(),
                    name: review.name.clone(),
                    draft: r.draft,
                });
            } else {
                opened.push(Opened {
                    data: r.data.clone(),
                    name: r.name(),
                    draft: r.draft,
                });
            }
        }
        let key = review.doc.data().report.region_zh.trim().to_owned();
        let grouped = collection::group(opened.clone());
        let Some(k) = grouped.regions.iter().position(|r| r.key == key) else {
            return false;
        };
        review.others = opened
            .into_iter()
            .filter(|o| o.name != review.name && grouped.regions[k].files.contains(&o.name))
            .collect();
        review.region = k;
        self.regions = grouped.regions;
        self.shown = k;
        self.document_changed();
        true
    }

    /// The document was saved as `path`: the region is named by it (unless the document is
    /// one of several files of its region).
    pub fn saved_as(&mut self, path: &Path) {
        let Some(review) = self.review.as_mut() else {
            return;
        };
        if review.others.is_empty() {
            review.name = path.display().to_string();
            if let Some(region) = self.regions.get_mut(review.region) {
                region.files = vec![review.name.clone()];
            }
        }
    }
}

impl Reviewed {
    fn new(doc: Document, name: String, region: usize, was_draft: bool) -> Reviewed {
        Reviewed {
            doc,
            region,
            name,
            others: Vec::new(),
            was_draft,
            autosaved: None,
        }
    }
}
