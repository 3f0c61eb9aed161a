//! The chart views. One code path: the window, the clipboard and every export call
//! [`show`], which draws the title, the legend, the view and the footer.
//!
//! [`rows`] holds the pure functions (dataset and selection in, numbers out); each view
//! draws its rows in a file of its own; [`card`] is the indicator card of tooltips and the
//! details panel.

mod bars;
pub mod card;
mod compare;
pub mod dumbbell;
mod footer;
mod history;
mod history_hover;
mod history_marks;
mod history_panel;
mod levels;
pub mod marks;
pub mod names;
mod plot;
pub mod rows;
pub mod style;
mod trend;

use eframe::egui::{self, Color32, FontId, RichText, Sense, Stroke, Ui, UiBuilder, Vec2};
use serde::{Deserialize, Serialize};

use crate::collection::RegionData;
use crate::compare::CompareTable;
use crate::fonts;
use crate::i18n::{Lang, Texts};
use crate::model::{Dataset, Indicator};

pub use card::indicator_ui;
pub use footer::{FooterLine, RowFit};
use footer::{fits_at, footer_lines, footer_ui};
pub use levels::grid_columns;
pub use rows::{
    Pair, PointKind, ProgressRow, TrendPoint, TrendSeries, growth_rows, level_rows, omitted, pairs,
    progress_rows, trend_series,
};
pub use style::Palette;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum View {
    #[default]
    Growth,
    Levels,
    Progress,
    Trend,
    /// One indicator across regions.
    Compare,
    /// One region over the years: each year's target against its result.
    History,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Growth,
        View::Levels,
        View::Progress,
        View::Trend,
        View::Compare,
        View::History,
    ];

    pub fn key(self) -> &'static str {
        match self {
            View::Growth => "growth",
            View::Levels => "levels",
            View::Progress => "progress",
            View::Trend => "trend",
            View::Compare => "compare",
            View::History => "history",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            View::Growth => t.view_growth,
            View::Levels => t.view_levels,
            View::Progress => t.view_progress,
            View::Trend => t.view_trend,
            View::Compare => t.view_compare,
            View::History => t.view_history,
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            View::Growth => t.view_growth_title,
            View::Levels => t.view_levels_title,
            View::Progress => t.view_progress_title,
            View::Trend => t.view_trend_title,
            View::Compare => t.view_compare_title,
            View::History => t.view_history_title,
        }
    }

    fn empty_text(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            View::Growth => t.empty_growth,
            View::Levels => t.empty_levels,
            View::Progress => t.empty_progress,
            View::Trend => t.empty_trend,
            View::Compare => t.compare_no_common,
            View::History => t.empty_history,
        }
    }
}

/// Everything about a chart that is not data: shared by the window and the export.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChartSpec {
    pub view: View,
    pub lang: Lang,
    /// A title instead of the view's own.
    pub title: Option<String>,
    /// A footnote line under the chart.
    pub note: Option<String>,
    pub show_actual: bool,
    pub show_target: bool,
    /// The data was drafted by `extract`; the chart says so.
    #[serde(skip)]
    pub draft: bool,
}

impl Default for ChartSpec {
    fn default() -> Self {
        ChartSpec {
            view: View::Growth,
            lang: Lang::Zh,
            title: None,
            note: None,
            show_actual: true,
            show_target: true,
            draft: false,
        }
    }
}

impl ChartSpec {
    /// The title given, else the view's own; the compare view names its indicator and year
    /// (`2026年各省（区、市）地区生产总值增长目标`).
    pub fn title_text(&self, compare: Option<&CompareTable>) -> String {
        match (self.title.as_deref(), self.view, compare) {
            (Some(t), _, _) if !t.trim().is_empty() => t.to_owned(),
            (_, View::Compare, Some(table)) => compare::title(table, self.lang),
            _ => self.view.title(self.lang).to_owned(),
        }
    }

    /// The footnote, when one was written.
    fn note_text(&self) -> Option<&str> {
        self.note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }
}

/// The type scale of an exported image: a 1920×1080 slide gets a title of about 42 px and
/// labels of about 25 px, readable when projected; larger and smaller images in proportion
/// (by the side that limits them).
pub fn image_type_scale(width: u32, height: u32) -> f32 {
    1.9 * (height as f32 / 1080.0)
        .min(width as f32 / 1440.0)
        .max(0.25)
}

/// A series the legend switches on and off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Series {
    Actual,
    Target,
}

/// What the chart drew and what the user did to it this frame. The chart never changes
/// the spec itself: the caller applies `toggled`.
#[derive(Clone, Debug, Default)]
pub struct ChartResponse {
    /// The indicator the user clicked, for the details panel.
    pub clicked: Option<String>,
    /// In the compare view, the region clicked (its `region_zh`) and its indicator's id.
    pub clicked_region: Option<(String, String)>,
    /// The ids the chart drew (or can scroll to), in order.
    pub drawn: Vec<String>,
    /// A legend entry was clicked.
    pub toggled: Option<Series>,
    /// Trend lines drawn without a label for lack of room.
    pub labels_left_out: usize,
    /// Rows an image left out for lack of room (the compare view).
    pub left_for_room: usize,
    /// How the rows were fitted, for working out the size that holds them all.
    pub row_fit: Option<RowFit>,
    /// Names cut short because two lines could not hold them: the footer gives them whole.
    pub names_shortened: Vec<String>,
    /// The text drawn around the chart, for a slide that sets it as text of its own.
    pub captions: Captions,
}

/// The text around a chart as it was drawn (whole, where the image cuts a line short): a
/// PowerPoint slide sets it as text boxes beside its native chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Captions {
    pub title: String,
    pub subtitle: String,
    /// The legend's entries and their colours.
    pub legend: Vec<(String, Color32)>,
    /// The footer's lines: what was left out, the source, the marks.
    pub footer: Vec<String>,
}

impl ChartSpec {
    /// Applies a legend click.
    pub fn toggle(&mut self, series: Series) {
        match series {
            Series::Actual => self.show_actual = !self.show_actual,
            Series::Target => self.show_target = !self.show_target,
        }
    }
}

/// How the chart is being drawn: in the window, or into an image.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    Interactive {
        reset: bool,
    },
    /// `type_scale` multiplies every type size: an image sets its type for a slide.
    Image {
        type_scale: f32,
    },
}

/// What a chart draws: the region shown with its ticked indicators and, for the compare
/// view, every region open and the table of the indicator picked (worked out once by the
/// caller, since it takes a while for hundreds of regions).
#[derive(Clone, Copy)]
pub struct ChartInput<'a> {
    pub data: &'a Dataset,
    pub selected: &'a [&'a Indicator],
    /// Every region open; the compare view's empty state says what is missing.
    pub regions: &'a [RegionData],
    pub compare: Option<&'a CompareTable>,
}

impl<'a> ChartInput<'a> {
    /// One region's indicators, for the four views of one region.
    pub fn single(data: &'a Dataset, selected: &'a [&'a Indicator]) -> ChartInput<'a> {
        ChartInput {
            data,
            selected,
            regions: &[],
            compare: None,
        }
    }
}

/// What every view needs to draw, gathered once per frame.
pub struct Ctx<'a> {
    pub data: &'a Dataset,
    pub regions: &'a [RegionData],
    pub compare: Option<&'a CompareTable>,
    pub spec: &'a ChartSpec,
    pub palette: Palette,
    pub mode: Mode,
    /// Multiplies type sizes and line widths.
    pub scale: f32,
}

impl Ctx<'_> {
    pub fn texts(&self) -> &'static Texts {
        self.spec.lang.texts()
    }

    fn interactive(&self) -> bool {
        matches!(self.mode, Mode::Interactive { .. })
    }

    /// The review and plan years the chart is about: the compare table's in the compare
    /// view, else the dataset's.
    fn years(&self) -> (i32, i32) {
        match (self.spec.view, self.compare) {
            (View::Compare, Some(table)) => (table.review_year, table.plan_year),
            _ => self.data.years(),
        }
    }
}

/// Draws the chart with its title, legend and footer into the whole of `ui`.
pub fn show(ui: &mut Ui, input: &ChartInput<'_>, spec: &ChartSpec, mode: Mode) -> ChartResponse {
    let full = ui.available_rect_before_wrap();
    let scale = match mode {
        // The window keeps screen-sized type, a little larger on a tall window.
        Mode::Interactive { .. } => (full.height() / 700.0).clamp(0.8, 1.6),
        Mode::Image { type_scale } => type_scale,
    };
    let cx = Ctx {
        data: input.data,
        regions: input.regions,
        compare: input.compare,
        spec,
        palette: Palette::new(ui.visuals().dark_mode),
        mode,
        scale,
    };
    ui.scope(|ui| {
        for font in ui.style_mut().text_styles.values_mut() {
            font.size *= scale;
        }
        show_scaled(ui, &cx, input.selected)
    })
    .inner
}

/// The chart at its scale: titles, legend, the view's body and the footer under it.
fn show_scaled(ui: &mut Ui, cx: &Ctx<'_>, selected: &[&Indicator]) -> ChartResponse {
    let pairs = pairs(cx.data, selected);
    let full = ui.available_rect_before_wrap();
    let subtitle = titles_ui(ui, cx);
    let (toggled, legend) = legend(ui, cx);
    ui.add_space(4.0 * cx.scale);
    let footer_height = remembered_footer_height(ui, cx.scale);
    // A tiny image (or huge type) may leave no room for the body; it is then empty, never
    // of negative size.
    let top = ui.cursor().min;
    let body = egui::Rect::from_min_max(
        top,
        egui::pos2(
            full.max.x.max(top.x),
            (full.max.y - footer_height).max(top.y),
        ),
    );
    let drawn = ui
        .scope_builder(UiBuilder::new().max_rect(body), |ui| {
            ui.set_min_size(body.size());
            body_ui(ui, cx, &pairs)
        })
        .inner;
    let mut response = ChartResponse { toggled, ..drawn };
    let lines = chart_footer_lines(ui, cx, &pairs, &response);
    let footer = egui::Rect::from_min_max(egui::pos2(full.min.x, body.max.y + 4.0), full.max);
    let used = ui
        .scope_builder(UiBuilder::new().max_rect(footer), |ui| {
            footer_ui(ui, &lines, 12.0 * cx.scale)
        })
        .inner;
    remember_footer_height(ui, used + 8.0, footer_height);
    response.captions = Captions {
        title: cx.spec.title_text(cx.compare),
        subtitle,
        legend,
        footer: lines.into_iter().map(|l| l.text).collect(),
    };
    response
}

/// The title and the subtitle (the report, or the compare's scope; a draft says so).
fn titles_ui(ui: &mut Ui, cx: &Ctx<'_>) -> String {
    let (report, spec, scale) = (&cx.data.report, cx.spec, cx.scale);
    let t = cx.texts();
    ui.add(
        egui::Label::new(
            RichText::new(spec.title_text(cx.compare))
                .font(FontId::new(22.0 * scale, fonts::bold()))
                .strong(),
        )
        .wrap(),
    );
    let draft = if spec.draft { t.draft_note } else { "" };
    let subtitle = match (spec.view, cx.compare) {
        (View::Compare, Some(table)) => compare::subtitle(cx, table),
        (View::Compare, None) => String::new(),
        _ => format!("{} · {}", report.title(spec.lang), report.region(spec.lang)),
    };
    let subtitle = format!("{subtitle}{draft}");
    ui.add(egui::Label::new(RichText::new(&subtitle).size(14.0 * scale).weak()).wrap());
    subtitle
}

/// The key of the footer's height of the pass before in egui's memory.
const FOOTER_HEIGHT: &str = "chart-footer-height";

/// The footer's height as laid out in the pass before (egui lays out in passes, and a
/// changed height asks for one more), four lines at first.
fn remembered_footer_height(ui: &Ui, scale: f32) -> f32 {
    ui.data(|d| d.get_temp::<f32>(egui::Id::unique(FOOTER_HEIGHT)))
        .unwrap_or(4.0 * 17.0 * scale + 8.0)
}

/// Keeps the footer's height for the next pass, and asks for one when it changed.
fn remember_footer_height(ui: &Ui, height: f32, remembered: f32) {
    if (height - remembered).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(egui::Id::unique(FOOTER_HEIGHT), height));
        ui.ctx().request_repaint();
    }
}

/// The footer's lines: the view's own, the names shortened in full, and the user's note.
fn chart_footer_lines(
    ui: &Ui,
    cx: &Ctx<'_>,
    pairs: &[Pair<'_>],
    response: &ChartResponse,
) -> Vec<FooterLine> {
    let t = cx.texts();
    let mut lines = match cx.spec.view {
        View::Compare => compare::footer_lines(cx, response, fits_at(ui, cx, response)),
        View::History => history::footer_lines(cx, pairs, &response.drawn),
        _ => {
            let omitted = omitted(pairs, &response.drawn);
            footer_lines(cx, pairs, &omitted, response.labels_left_out)
        }
    };
    if !response.names_shortened.is_empty() {
        let mut names = response.names_shortened.clone();
        names.dedup();
        lines.insert(
            lines.len().saturating_sub(2),
            FooterLine::weak(format!("{}{}", t.full_names, names.join(t.list_sep))),
        );
    }
    if let Some(note) = cx.spec.note_text() {
        lines.push(FooterLine::plain(note.to_owned()));
    }
    lines
}

fn body_ui(ui: &mut Ui, cx: &Ctx<'_>, pairs: &[Pair<'_>]) -> ChartResponse {
    let t = cx.texts();
    let empty = |ui: &mut Ui, text: &str| {
        ui.centered_and_justified(|ui| {
            ui.label(RichText::new(text).size(16.0 * cx.scale).weak());
        });
        ChartResponse::default()
    };
    let view = cx.spec.view;
    if view == View::Compare {
        return match compare::empty_text(cx) {
            Some(text) => empty(ui, text),
            None => compare::show(ui, cx),
        };
    }
    if pairs.is_empty() {
        return empty(ui, t.empty_selection);
    }
    match view {
        View::Growth | View::Progress => {
            let (rows, axes) = if view == View::Growth {
                let axes = bars::Axes {
                    id: "growth",
                    label: t.percent_axis,
                    reference: None,
                };
                (bars::growth_bars(&growth_rows(pairs), cx), axes)
            } else {
                let axes = bars::Axes {
                    id: "progress",
                    label: t.index_axis,
                    reference: Some((100.0, cx.palette.reference)),
                };
                (bars::progress_bars(&progress_rows(pairs), cx), axes)
            };
            if rows.is_empty() {
                return empty(ui, view.empty_text(cx.spec.lang));
            }
            bars::show(ui, cx, &axes, &rows)
        }
        View::Levels => {
            let rows = level_rows(pairs);
            if rows.is_empty() {
                return empty(ui, view.empty_text(cx.spec.lang));
            }
            levels::show(ui, cx, &rows)
        }
        View::Trend => {
            let series = trend_series(cx.data, pairs);
            if series.is_empty() {
                return empty(ui, view.empty_text(cx.spec.lang));
            }
            trend::show(ui, cx, &series)
        }
        View::History => history::show(ui, cx, pairs),
        View::Compare => ChartResponse::default(),
    }
}

/// A legend entry's label, struck through while its series is off; in the window a button
/// that reports a click on it.
fn legend_label(
    ui: &mut Ui,
    cx: &Ctx<'_>,
    label: &str,
    toggle: Option<(Series, bool)>,
) -> Option<Series> {
    let on = toggle.is_none_or(|(_, on)| on);
    let text = RichText::new(label).size(14.0 * cx.scale);
    let text = if on {
        text
    } else {
        text.weak().strikethrough()
    };
    match toggle {
        Some((series, _)) if cx.interactive() => ui
            .add(egui::Button::new(text).frame(false))
            .clicked()
            .then_some(series),
        _ => {
            ui.label(text);
            None
        }
    }
}

/// A legend entry: its label, its colour, and the series it switches with whether it is on.
type LegendEntry = (String, Color32, Option<(Series, bool)>);

/// The series legend; in the window its entries switch the series on and off, which the
/// response reports. Also the entries' text.
fn legend(ui: &mut Ui, cx: &Ctx<'_>) -> (Option<Series>, Vec<(String, Color32)>) {
    let (review, plan) = cx.years();
    let (spec, palette) = (cx.spec, &cx.palette);
    let t = cx.texts();
    let size = 14.0 * cx.scale;
    let mut toggled = None;
    let mut texts = Vec::new();
    ui.horizontal(|ui| {
        let entries: Vec<LegendEntry> = match spec.view {
            View::Compare if cx.compare.is_none() => vec![],
            View::Growth | View::Levels | View::Compare => vec![
                (
                    format!("{review} {}", t.actual),
                    palette.actual,
                    Some((Series::Actual, spec.show_actual)),
                ),
                (
                    format!("{plan} {}", t.target),
                    palette.target,
                    Some((Series::Target, spec.show_target)),
                ),
            ],
            View::Progress => vec![
                (
                    format!("{plan} {} ({review} = 100)", t.target),
                    palette.target,
                    None,
                ),
                (format!("{review} = 100"), palette.reference, None),
            ],
            View::Trend | View::History => vec![],
        };
        if spec.view == View::History {
            toggled = history_marks::legend(ui, cx);
        }
        for (label, color, toggle) in entries {
            texts.push((label.clone(), color));
            let on = toggle.is_none_or(|(_, on)| on);
            let swatch = if on {
                color
            } else {
                color.gamma_multiply(0.25)
            };
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
            ui.painter().rect_filled(rect.shrink(1.0), 2.0, swatch);
            toggled = toggled.or(legend_label(ui, cx, &label, toggle));
            ui.add_space(12.0 * cx.scale);
        }
        if spec.view == View::Trend {
            let stroke = Stroke::new(2.0 * cx.scale, palette.reference);
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(28.0 * cx.scale, size), Sense::hover());
            ui.painter()
                .line_segment([rect.left_center(), rect.right_center()], stroke);
            ui.label(RichText::new(t.actual).size(size));
            texts.push((format!("—— {}", t.actual), palette.reference));
            ui.add_space(12.0 * cx.scale);
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(28.0 * cx.scale, size), Sense::hover());
            let dash = rect.width() / 3.0;
            for k in 0..3 {
                let x0 = rect.left() + k as f32 * dash;
                let y = rect.center().y;
                ui.painter()
                    .line_segment([egui::pos2(x0, y), egui::pos2(x0 + dash * 0.6, y)], stroke);
            }
            let implied = format!("{} / {}", t.implied, t.target);
            texts.push((format!("- - {implied}"), palette.reference));
            ui.label(RichText::new(implied).size(size));
        }
    });
    (toggled, texts)
}
