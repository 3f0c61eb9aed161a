//! The two languages of the interface. Every UI string is a field of [`Texts`], so the
//! compiler refuses a string that exists in one language only. Templates are filled by
//! [`fill`], the one helper for every message.

mod en;
mod messages;
mod zh;

use std::fmt::Display;

use serde::{Deserialize, Serialize};

pub use en::EN;
pub use messages::Messages;
pub use zh::ZH;

/// A template with each `{name}` replaced by its value, e.g.
/// `fill("无法写入 {file}：{why}", &[("file", &path), ("why", &why)])`.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        let key = format!("{{{name}}}");
        if out.contains(&key) {
            out = out.replace(&key, &value.to_string());
        }
    }
    out
}

/// For errors that word themselves through [`Texts`] (a `message(&self, &Texts)` method):
/// their `Display`, what the command line prints, is that message in English.
macro_rules! display_in_english {
    ($($type:ty),*) => {$(
        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.message($crate::i18n::Lang::En.texts()))
            }
        }
        impl std::error::Error for $type {}
    )*};
}
pub(crate) use display_in_english;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// A template with `{file}` filled in (see [`fill`]).
    pub fn fill_text(template: &str, file: &str) -> String {
        fill(template, &[("file", &file)])
    }

    /// A template with `{n}` filled in (see [`fill`]).
    pub fn fill(template: &str, n: usize) -> String {
        fill(template, &[("n", &n)])
    }

    /// The language's name in itself, the same in either interface language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

pub struct Texts {
    pub view_growth: &'static str,
    pub view_levels: &'static str,
    pub view_progress: &'static str,
    pub view_trend: &'static str,
    pub view_growth_title: &'static str,
    pub view_levels_title: &'static str,
    pub view_progress_title: &'static str,
    pub view_trend_title: &'static str,
    pub view_history: &'static str,
    pub view_history_title: &'static str,
    /// Punctuation and joins that differ between the languages.
    pub colon: &'static str,
    pub list_sep: &'static str,
    /// Between a year and a word: none in Chinese, a space in English.
    pub year_gap: &'static str,
    /// "and {n} more" after a list of names.
    pub more_items: &'static str,
    pub from_growth: &'static str,
    /// After a level worked out from a growth target.
    pub implied_level: &'static str,
    pub derived: &'static str,
    pub file: &'static str,
    pub multi_year: &'static str,
    pub multi_year_note: &'static str,
    /// "{n} line labels left out for lack of room".
    pub labels_left_out: &'static str,
    /// Category names, in the order of `Category::ALL`.
    pub categories: [&'static str; 15],
    /// Qualifiers in words: exact, about, at least, more than, at most.
    pub qualifier_words: [&'static str; 5],
    pub copy_data: &'static str,
    pub data_copied: &'static str,
    pub paste_report: &'static str,
    /// The name a pasted report is shown under.
    pub pasted: &'static str,
    pub format: &'static str,
    pub notice: &'static str,
    /// "{file}: region unknown, kept apart".
    pub unknown_region_notice: &'static str,
    pub region: &'static str,
    pub search_hint: &'static str,
    pub preset_headline: &'static str,
    pub preset_comparable: &'static str,
    pub preset_all: &'static str,
    pub preset_none: &'static str,
    pub all: &'static str,
    pub none: &'static str,
    pub shown: &'static str,
    pub open: &'static str,
    pub export: &'static str,
    pub copy: &'static str,
    pub light: &'static str,
    pub dark: &'static str,
    pub reset_view: &'static str,
    pub details: &'static str,
    pub unit: &'static str,
    pub category: &'static str,
    pub headline: &'static str,
    pub not_comparable: &'static str,
    pub qualitative: &'static str,
    pub growth: &'static str,
    pub value: &'static str,
    pub source: &'static str,
    pub actual: &'static str,
    pub target: &'static str,
    pub implied: &'static str,
    pub percent_axis: &'static str,
    pub index_axis: &'static str,
    pub empty_growth: &'static str,
    pub empty_levels: &'static str,
    pub empty_progress: &'static str,
    pub empty_trend: &'static str,
    pub empty_selection: &'static str,
    pub open_failed: &'static str,
    /// The words of every error a user can cause.
    pub messages: &'static Messages,
    pub dismiss: &'static str,
    pub dataset: &'static str,
    pub draft: &'static str,
    pub draft_note: &'static str,
    pub save_json: &'static str,
    pub open_filter: &'static str,
    pub no_match: &'static str,
    pub marks_note: &'static str,
    /// Column headers of the CSV, Excel and "Copy data" tables, in [`crate::export::table`]'s order.
    pub data_columns: [&'static str; 18],
    /// Column headers of the compare view's data: one row per region.
    pub compare_data_columns: [&'static str; 22],
    /// A flag column's two values.
    pub data_yes_no: [&'static str; 2],
    pub not_drawn: &'static str,
    pub target_met: &'static str,
    pub target_roughly_met: &'static str,
    pub target_missed: &'static str,
    pub outcome_note: &'static str,
    pub export_title: &'static str,
    pub size: &'static str,
    pub custom: &'static str,
    pub width: &'static str,
    pub height: &'static str,
    pub scale: &'static str,
    pub theme: &'static str,
    pub language: &'static str,
    pub title: &'static str,
    pub file_name: &'static str,
    /// The export dialog's footnote field and its hint.
    pub note: &'static str,
    pub note_hint: &'static str,
    pub save_png: &'static str,
    pub close: &'static str,
    pub saved: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    // The app's status banner, commands and panels (issue 8, parts 2, 3 and 6).
    pub save_failed: &'static str,
    pub export_failed: &'static str,
    pub find: &'static str,
    pub close_details: &'static str,
    pub more: &'static str,
    pub scale_hint: &'static str,
    // The compare view (issue 9): one indicator across regions.
    pub view_compare: &'static str,
    pub view_compare_title: &'static str,
    /// "{n} regions" in the subtitle.
    pub compare_regions: &'static str,
    /// The title slide of a deck of several regions.
    pub deck_title: &'static str,
    // Opening folders in the background (issue 19).
    pub open_folder: &'static str,
    /// The progress bar: "{done}/{total} files opened".
    pub folder_progress: &'static str,
    pub folder_stopping: &'static str,
    pub folder_opened: &'static str,
    /// "{opened} of {total} files opened".
    pub folder_summary: &'static str,
    /// After the summary of a run the user stopped.
    pub folder_cancelled: &'static str,
    /// After the summary: the files that could not be opened follow.
    pub folder_failed: &'static str,
    // The export dialog's whole deck (issue 19).
    pub whole_deck: &'static str,
    pub whole_deck_hint: &'static str,
    pub deck_views: &'static str,
    pub deck_picture: &'static str,
    /// A deck in an image or table format: a file per view.
    pub deck_files_hint: &'static str,
    /// A native chart's workbook: the column of a series' range widths (high − low).
    pub range_width: &'static str,
    /// The empty state with fewer than two named regions open.
    pub compare_open_more: &'static str,
    /// The empty state when no indicator is in two regions.
    pub compare_no_common: &'static str,
    pub compare_indicator: &'static str,
    pub compare_year: &'static str,
    pub compare_sort: &'static str,
    pub sort_target: &'static str,
    pub sort_result: &'static str,
    pub sort_gap: &'static str,
    pub sort_official: &'static str,
    pub sort_pinyin: &'static str,
    /// Each order in words, for the subtitle.
    pub sort_target_words: &'static str,
    pub sort_result_words: &'static str,
    pub sort_gap_words: &'static str,
    pub sort_official_words: &'static str,
    pub sort_pinyin_words: &'static str,
    /// The level picker, and each level's name, in the order of `Level::ALL`.
    pub compare_level: &'static str,
    pub level_names: [&'static str; 4],
    /// "{n} provinces" for each level; `compare_regions` where the level is unknown.
    pub level_count: [&'static str; 4],
    /// The regions of a level in a title: 各省（区、市）.
    pub level_regions: [&'static str; 4],
    pub regions_unknown_level: &'static str,
    /// The compare title: {year}, {regions}, {name}.
    pub compare_title_growth: &'static str,
    pub compare_title_level: &'static str,
    /// The reference line: the field's label, a typed value's label, its error.
    pub compare_reference: &'static str,
    pub reference_value: &'static str,
    pub reference_not_number: &'static str,
    /// The value columns' headers: "{year} actual", "{year} target".
    pub compare_column: &'static str,
    /// Footer: "{n} regions of other levels not ranked with these".
    pub compare_other_level: &'static str,
    /// Footer: the size of an image that holds every row.
    pub compare_fits_at: &'static str,
    /// The data export's mark of the national row.
    pub national_reference_row: &'static str,
    /// Footer: the full names of names shortened on the chart.
    pub full_names: &'static str,
    /// The label of a figure that is missing (never drawn as zero).
    pub compare_missing_mark: &'static str,
    /// Footer: "Missing (not drawn as zero): " before the regions and reasons.
    pub compare_missing: &'static str,
    /// Footer: "{n} more regions not drawn for lack of room".
    pub compare_rows_left_out: &'static str,
    /// Footer: "Not compared: {n} regions without this indicator".
    pub compare_no_indicator: &'static str,
    /// Footer: "{n} reports of unknown region not compared".
    pub compare_unknown_region: &'static str,
    /// Footer: the source of a compare chart, "{regions}{year}年政府工作报告".
    pub compare_source: &'static str,
    pub missing_not_reported: &'static str,
    pub missing_level_only: &'static str,
    pub missing_growth_only: &'static str,
    /// "in another unit ({unit})".
    pub missing_other_unit: &'static str,
    pub missing_multi_year: &'static str,
    /// The details panel: two files of one region and year disagree.
    pub conflict: &'static str,
    /// "the figure shown" / "set aside" in a conflict.
    pub conflict_kept: &'static str,
    pub conflict_dropped: &'static str,
    /// The banner after opening files that disagree: "{n} figures differ…".
    pub conflicts_notice: &'static str,
    // The history view (issue 21): each year's target against that year's result.
    pub empty_history: &'static str,
    /// Axis of a rate stated as a value ("比率：%"), and of a change that is a rate.
    pub history_rate_axis: &'static str,
    pub history_rate_change_axis: &'static str,
    pub history_result_pending: &'static str,
    pub history_result_not_given: &'static str,
    /// "{n}/{judged} met", and " ({n} roughly)" after it.
    pub history_score: &'static str,
    pub history_score_rough: &'static str,
    /// Footer: the indicators with figures of one year only, before their names.
    pub history_single_year: &'static str,
    /// A panel's notes; "{years}" is a list of years.
    pub history_pending_years: &'static str,
    pub history_not_given_years: &'static str,
    pub history_conflict_years: &'static str,
    /// The legend: the result line, then the target marks (exact, about, floor, ceiling,
    /// range).
    pub history_legend: [&'static str; 5],
    pub history_marks_note: &'static str,
    /// The gap between result and target, and its unit for rates.
    /// The compare view's note on "5/6✓" after a region's name; "{year}" the plan year.
    pub compare_targets_met: &'static str,
    pub history_gap: &'static str,
    pub history_points: &'static str,
    /// After a floor or ceiling target's label in the trend and progress views.
    pub floor_mark: &'static str,
    pub ceiling_mark: &'static str,
    /// Footer of the trend and progress views when rates were left out of the index.
    pub rates_not_indexed: &'static str,
    // Review mode (issue 11): the editable table beside the report text.
    pub review: &'static str,
    pub back_to_charts: &'static str,
    /// A checkbox per indicator, and the counter's word.
    pub reviewed: &'static str,
    pub review_file: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub save: &'static str,
    pub save_as: &'static str,
    /// Before the window title while edits are unsaved.
    pub unsaved_mark: &'static str,
    pub text_no_source: &'static str,
    /// "{file}" is the path looked for.
    pub text_not_found: &'static str,
    pub text_unreadable: &'static str,
    pub report_title_zh: &'static str,
    pub report_title_en: &'static str,
    pub report_region_zh: &'static str,
    pub report_region_en: &'static str,
    pub review_year: &'static str,
    pub plan_year: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub unit_zh: &'static str,
    pub unit_en: &'static str,
    pub headline_short: &'static str,
    pub comparable: &'static str,
    pub note_zh: &'static str,
    pub note_en: &'static str,
    pub year: &'static str,
    pub kind: &'static str,
    pub growth_pct: &'static str,
    pub qualifier: &'static str,
    pub quote: &'static str,
    pub delete: &'static str,
    pub merge: &'static str,
    pub merge_title: &'static str,
    /// "{name}" is the indicator kept.
    pub merge_into: &'static str,
    pub merge_clashes: &'static str,
    pub merge_pick: &'static str,
    pub keep_kept: &'static str,
    pub take_other: &'static str,
    pub merge_do: &'static str,
    pub cancel: &'static str,
    pub selected_text: &'static str,
    pub add_observation: &'static str,
    pub add_indicator: &'static str,
    pub select_hint: &'static str,
    pub unsaved_title: &'static str,
    pub unsaved_body: &'static str,
    pub discard: &'static str,
    pub recovered: &'static str,
    pub restore: &'static str,
    pub drop_recovered: &'static str,
    pub autosave_failed: &'static str,
    pub edit_refused: &'static str,
}
