//! The four chart views. One code path: the window, the clipboard and the PNG export all
//! call [`show`], which draws the title, the legend, the plot and the source line.
//!
//! The row functions ([`growth_rows`], [`progress_rows`], …) are pure: dataset and
//! selection in, numbers out. The drawing functions turn them into egui_plot items.

use eframe::egui::{
    self, Align, Align2, Color32, FontId, Layout, RichText, Sense, Stroke, Ui, UiBuilder, Vec2,
};
use egui_plot::{
    AxisHints, Bar, BarChart, GridInput, GridMark, LineStyle, MarkerShape, Plot, PlotPoint,
    PlotPoints, Points, Span, Text, VLine,
};
use serde::{Deserialize, Serialize};

use crate::fonts;
use crate::i18n::Lang;
use crate::merge::{self, Outcome};
use crate::model::{self, Dataset, Indicator, Kind, Observation};

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
}

impl View {
    pub const ALL: [View; 4] = [View::Growth, View::Levels, View::Progress, View::Trend];

    pub fn key(self) -> &'static str {
        match self {
            View::Growth => "growth",
            View::Levels => "levels",
            View::Progress => "progress",
            View::Trend => "trend",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            View::Growth => t.view_growth,
            View::Levels => t.view_levels,
            View::Progress => t.view_progress,
            View::Trend => t.view_trend,
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            View::Growth => t.view_growth_title,
            View::Levels => t.view_levels_title,
            View::Progress => t.view_progress_title,
            View::Trend => t.view_trend_title,
        }
    }

    fn empty_text(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            View::Growth => t.empty_growth,
            View::Levels => t.empty_levels,
            View::Progress => t.empty_progress,
            View::Trend => t.empty_trend,
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
            show_actual: true,
            show_target: true,
            draft: false,
        }
    }
}

impl ChartSpec {
    pub fn title_text(&self) -> &str {
        match self.title.as_deref() {
            Some(t) if !t.trim().is_empty() => t,
            _ => self.view.title(self.lang),
        }
    }
}

/// Colour-blind safe colours (Okabe–Ito).
pub struct Palette {
    pub actual: Color32,
    pub target: Color32,
    pub reference: Color32,
    pub lines: [Color32; 7],
}

impl Palette {
    pub fn new(dark: bool) -> Palette {
        let blue = if dark {
            Color32::from_rgb(0x56, 0xB4, 0xE9)
        } else {
            Color32::from_rgb(0x00, 0x72, 0xB2)
        };
        let ink = if dark {
            Color32::from_gray(230)
        } else {
            Color32::from_gray(20)
        };
        Palette {
            actual: blue,
            target: Color32::from_rgb(0xE6, 0x9F, 0x00),
            reference: ink,
            lines: [
                blue,
                Color32::from_rgb(0xE6, 0x9F, 0x00),
                Color32::from_rgb(0x00, 0x9E, 0x73),
                Color32::from_rgb(0xD5, 0x5E, 0x00),
                Color32::from_rgb(0xCC, 0x79, 0xA7),
                if dark {
                    Color32::from_rgb(0xF0, 0xE4, 0x42)
                } else {
                    Color32::from_rgb(0x56, 0xB4, 0xE9)
                },
                ink,
            ],
        }
    }
}

/// One indicator's review-year result and plan-year target.
#[derive(Clone, Copy, Debug)]
pub struct Pair<'a> {
    pub indicator: &'a Indicator,
    pub actual: Option<&'a Observation>,
    pub target: Option<&'a Observation>,
}

/// The selected indicators in dataset order, each with its result and target.
pub fn pairs<'a>(data: &'a Dataset, selected: &[&'a Indicator]) -> Vec<Pair<'a>> {
    let (review, plan) = data.years();
    selected
        .iter()
        .map(|&indicator| Pair {
            indicator,
            actual: indicator.observation(review, Kind::Actual),
            target: indicator.observation(plan, Kind::Target),
        })
        .collect()
}

/// Indicators with a growth rate in either year.
pub fn growth_rows<'a>(pairs: &[Pair<'a>]) -> Vec<Pair<'a>> {
    pairs
        .iter()
        .filter(|p| {
            p.actual.and_then(|o| o.growth_pct).is_some()
                || p.target.and_then(|o| o.growth_pct).is_some()
        })
        .copied()
        .collect()
}

/// Indicators with a value in either year.
pub fn level_rows<'a>(pairs: &[Pair<'a>]) -> Vec<Pair<'a>> {
    pairs
        .iter()
        .filter(|p| {
            p.actual.and_then(|o| o.value).is_some() || p.target.and_then(|o| o.value).is_some()
        })
        .copied()
        .collect()
}

/// The plan-year target as an index of the review-year result (= 100).
#[derive(Clone, Copy, Debug)]
pub struct ProgressRow<'a> {
    pub pair: Pair<'a>,
    pub index: f64,
    /// True when the index is 100 + target growth rather than target value / result value.
    pub from_growth: bool,
}

pub fn progress_rows<'a>(pairs: &[Pair<'a>]) -> Vec<ProgressRow<'a>> {
    pairs
        .iter()
        .filter(|p| p.indicator.comparable)
        .filter_map(|&pair| {
            let target = pair.target?;
            let by_value = match (pair.actual.and_then(|o| o.value), target.value) {
                (Some(a), Some(t)) if a > 0.0 => Some(t / a * 100.0),
                _ => None,
            };
            let (index, from_growth) = match (by_value, target.growth_pct) {
                (Some(index), _) => (index, false),
                (None, Some(g)) => (100.0 + g, true),
                (None, None) => return None,
            };
            Some(ProgressRow {
                pair,
                index,
                from_growth,
            })
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointKind {
    /// Stated by the report as a result.
    Reported,
    /// Worked out from a stated growth rate.
    Implied,
    /// A target.
    Target,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendPoint {
    pub year: i32,
    pub index: f64,
    pub kind: PointKind,
}

#[derive(Clone, Debug)]
pub struct TrendSeries<'a> {
    pub pair: Pair<'a>,
    /// The results, reported or implied, then the plan-year target.
    pub points: Vec<TrendPoint>,
    /// Earlier years' targets, each from the result of the year before it, so a merged
    /// set of reports shows whether each target was met.
    pub past_targets: Vec<(TrendPoint, TrendPoint)>,
}

/// Lines with the review year = 100, through every year the data covers: results stated
/// as levels, years implied by stated growth rates (including the year before the first
/// result), and targets.
pub fn trend_series<'a>(data: &Dataset, pairs: &[Pair<'a>]) -> Vec<TrendSeries<'a>> {
    let (review, plan) = data.years();
    pairs
        .iter()
        .filter(|p| p.indicator.comparable)
        .filter_map(|&pair| {
            let ind = pair.indicator;
            let actual = |year| ind.observation(year, Kind::Actual);
            let base = actual(review).and_then(|o| o.value).filter(|v| *v > 0.0);
            let first = ind.observations.iter().map(|o| o.year).min()?;
            // Index by year, from the review year back through earlier results.
            let mut results = vec![TrendPoint {
                year: review,
                index: 100.0,
                kind: if actual(review).is_some() {
                    PointKind::Reported
                } else {
                    PointKind::Implied
                },
            }];
            for year in (first - 1..review).rev() {
                let later = results[0];
                let by_value = match (actual(year).and_then(|o| o.value), base) {
                    (Some(v), Some(b)) => Some((v / b * 100.0, PointKind::Reported)),
                    _ => None,
                };
                let by_growth = actual(year + 1)
                    .and_then(|o| o.growth_pct)
                    .filter(|g| *g > -100.0)
                    .map(|g| (later.index / (1.0 + g / 100.0), PointKind::Implied));
                match by_value.or(by_growth) {
                    Some((index, kind)) => results.insert(0, TrendPoint { year, index, kind }),
                    None => break,
                }
            }
            let index_of = |year: i32| results.iter().find(|p| p.year == year).map(|p| p.index);
            let target_point = |year: i32| {
                let target = ind.observation(year, Kind::Target)?;
                let index = match (target.value, base) {
                    (Some(t), Some(b)) => t / b * 100.0,
                    _ => index_of(year - 1)? * (1.0 + target.growth_pct? / 100.0),
                };
                Some(TrendPoint {
                    year,
                    index,
                    kind: PointKind::Target,
                })
            };
            let past_targets = (first..plan)
                .filter_map(|year| {
                    let to = target_point(year)?;
                    let from = *results.iter().find(|p| p.year == year - 1)?;
                    Some((from, to))
                })
                .collect();
            let plan_target = target_point(plan);
            let mut points = results;
            points.extend(plan_target);
            (points.len() >= 2).then_some(TrendSeries {
                pair,
                points,
                past_targets,
            })
        })
        .collect()
}

/// What the user did to the chart this frame.
#[derive(Clone, Debug, Default)]
pub struct ChartResponse {
    /// The indicator the user clicked, for the details panel.
    pub clicked: Option<String>,
    /// The ids the chart drew, in order.
    pub drawn: Vec<String>,
}

/// How the chart is being drawn: in the window, or into an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Interactive { reset: bool },
    Image,
}

/// Draws the chart with its title, legend and source line into the whole of `ui`.
/// Text grows with the height of the area, so a slide-sized image reads well.
pub fn show(
    ui: &mut Ui,
    data: &Dataset,
    selected: &[&Indicator],
    spec: &mut ChartSpec,
    mode: Mode,
) -> ChartResponse {
    let full = ui.available_rect_before_wrap();
    let scale = (full.height() / 700.0).clamp(0.8, 1.6);
    ui.scope(|ui| {
        for font in ui.style_mut().text_styles.values_mut() {
            font.size *= scale;
        }
        show_scaled(ui, data, selected, spec, mode, scale)
    })
    .inner
}

/// Indicators that are ticked but not drawn (no data for the view, e.g. a qualitative
/// target in the growth view, or no room); the footer names them so nothing silently
/// disappears.
pub fn omitted<'a>(pairs: &[Pair<'a>], drawn: &[String]) -> Vec<&'a Indicator> {
    pairs
        .iter()
        .filter(|p| !drawn.contains(&p.indicator.id))
        .map(|p| p.indicator)
        .collect()
}

fn show_scaled(
    ui: &mut Ui,
    data: &Dataset,
    selected: &[&Indicator],
    spec: &mut ChartSpec,
    mode: Mode,
    scale: f32,
) -> ChartResponse {
    let lang = spec.lang;
    let palette = Palette::new(ui.visuals().dark_mode);
    let pairs = pairs(data, selected);
    let full = ui.available_rect_before_wrap();

    ui.label(
        RichText::new(spec.title_text())
            .font(FontId::new(22.0 * scale, fonts::bold()))
            .strong(),
    );
    let draft = if spec.draft {
        lang.texts().draft_note
    } else {
        ""
    };
    ui.label(
        RichText::new(format!(
            "{} · {}{draft}",
            data.report.title(lang),
            if lang == Lang::Zh {
                data.report.region_zh.as_str()
            } else {
                data.report
                    .region_en
                    .as_deref()
                    .unwrap_or(&data.report.region_zh)
            }
        ))
        .size(14.0 * scale)
        .weak(),
    );
    legend(ui, data, spec, &palette, mode, scale);
    ui.add_space(4.0);

    // Three lines: what was not drawn (if anything), the source, the marks.
    let footer_height = 3.0 * 17.0 * scale + 8.0;
    let body = egui::Rect::from_min_max(
        ui.cursor().min,
        egui::pos2(full.max.x, full.max.y - footer_height),
    );
    let mut response = ChartResponse::default();
    ui.scope_builder(UiBuilder::new().max_rect(body), |ui| {
        ui.set_min_size(body.size());
        response = body_ui(ui, data, &pairs, spec, &palette, mode, scale);
    });
    let omitted = omitted(&pairs, &response.drawn);
    let footer = egui::Rect::from_min_max(egui::pos2(full.min.x, body.max.y + 4.0), full.max);
    ui.scope_builder(UiBuilder::new().max_rect(footer), |ui| {
        footer_ui(ui, data, spec, &omitted, scale);
    });
    response
}

fn body_ui(
    ui: &mut Ui,
    data: &Dataset,
    pairs: &[Pair<'_>],
    spec: &ChartSpec,
    palette: &Palette,
    mode: Mode,
    scale: f32,
) -> ChartResponse {
    let lang = spec.lang;
    if pairs.is_empty() {
        return empty_state(ui, lang.texts().empty_selection, scale);
    }
    match spec.view {
        View::Growth => {
            let rows = growth_rows(pairs);
            if rows.is_empty() {
                return empty_state(ui, spec.view.empty_text(lang), scale);
            }
            let rows = growth_bars(&rows, spec, palette);
            hbar_plot(
                ui,
                "growth",
                &rows,
                lang.texts().percent_axis,
                None,
                spec,
                mode,
                scale,
            )
        }
        View::Progress => {
            let rows = progress_rows(pairs);
            if rows.is_empty() {
                return empty_state(ui, spec.view.empty_text(lang), scale);
            }
            let rows = progress_bars(&rows, palette, lang);
            hbar_plot(
                ui,
                "progress",
                &rows,
                lang.texts().index_axis,
                Some((100.0, palette.reference)),
                spec,
                mode,
                scale,
            )
        }
        View::Levels => {
            let rows = level_rows(pairs);
            if rows.is_empty() {
                return empty_state(ui, spec.view.empty_text(lang), scale);
            }
            small_multiples(ui, data, &rows, spec, palette, mode, scale)
        }
        View::Trend => {
            let series = trend_series(data, pairs);
            if series.is_empty() {
                return empty_state(ui, spec.view.empty_text(lang), scale);
            }
            trend_plot(ui, data, &series, spec, palette, mode, scale)
        }
    }
}

fn empty_state(ui: &mut Ui, text: &str, scale: f32) -> ChartResponse {
    ui.centered_and_justified(|ui| {
        ui.label(RichText::new(text).size(16.0 * scale).weak());
    });
    ChartResponse::default()
}

/// The series legend; in the window its entries switch the series on and off.
fn legend(
    ui: &mut Ui,
    data: &Dataset,
    spec: &mut ChartSpec,
    palette: &Palette,
    mode: Mode,
    scale: f32,
) {
    let (review, plan) = data.years();
    let t = spec.lang.texts();
    let size = 14.0 * scale;
    ui.horizontal(|ui| {
        let entries: Vec<(String, Color32, Option<&mut bool>)> = match spec.view {
            View::Growth | View::Levels => vec![
                (
                    format!("{review} {}", t.actual),
                    palette.actual,
                    Some(&mut spec.show_actual),
                ),
                (
                    format!("{plan} {}", t.target),
                    palette.target,
                    Some(&mut spec.show_target),
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
            View::Trend => vec![],
        };
        for (label, color, toggle) in entries {
            let on = toggle.as_ref().is_none_or(|on| **on);
            let swatch = if on {
                color
            } else {
                color.gamma_multiply(0.25)
            };
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
            ui.painter().rect_filled(rect.shrink(1.0), 2.0, swatch);
            let text = RichText::new(label).size(size);
            let text = if on {
                text
            } else {
                text.weak().strikethrough()
            };
            match (toggle, mode) {
                (Some(flag), Mode::Interactive { .. }) => {
                    if ui.add(egui::Button::new(text).frame(false)).clicked() {
                        *flag = !*flag;
                    }
                }
                _ => {
                    ui.label(text);
                }
            }
            ui.add_space(12.0);
        }
        if spec.view == View::Trend {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(28.0, size), Sense::hover());
            let y = rect.center().y;
            ui.painter().line_segment(
                [rect.left_center(), egui::pos2(rect.right(), y)],
                Stroke::new(2.0, palette.reference),
            );
            ui.label(RichText::new(t.actual).size(size));
            ui.add_space(12.0);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(28.0, size), Sense::hover());
            let dash = Stroke::new(2.0, palette.reference);
            for k in 0..3 {
                let x0 = rect.left() + k as f32 * 10.0;
                ui.painter()
                    .line_segment([egui::pos2(x0, y), egui::pos2(x0 + 6.0, y)], dash);
            }
            ui.label(RichText::new(format!("{} / {}", t.implied, t.target)).size(size));
        }
    });
}

fn footer_ui(ui: &mut Ui, data: &Dataset, spec: &ChartSpec, omitted: &[&Indicator], scale: f32) {
    let lang = spec.lang;
    let t = lang.texts();
    let size = 12.0 * scale;
    ui.with_layout(Layout::top_down(Align::LEFT), |ui| {
        if !omitted.is_empty() {
            let names: Vec<String> = omitted
                .iter()
                .take(4)
                .map(|i| truncate(i.name(lang), name_chars(lang)))
                .collect();
            let more = if omitted.len() > names.len() {
                let rest = omitted.len() - names.len();
                match lang {
                    Lang::Zh => format!("等{rest}项"),
                    Lang::En => format!(" and {rest} more"),
                }
            } else {
                String::new()
            };
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "{}{}{more}",
                        t.not_drawn,
                        names.join(lang.pick("、", ", "))
                    ))
                    .size(size)
                    .weak(),
                )
                .truncate(),
            );
        }
        ui.label(
            RichText::new(format!(
                "{}{}{}",
                t.source,
                spec.lang.pick("：", ": "),
                data.report.title(spec.lang)
            ))
            .size(size),
        );
        let review = data.years().0;
        let outcomes = spec.view != View::Trend
            && data
                .indicators
                .iter()
                .any(|i| merge::target_outcome(i, review).is_some());
        let note = if outcomes {
            format!("{}  {}", t.marks_note, t.outcome_note)
        } else {
            t.marks_note.to_owned()
        };
        ui.label(RichText::new(note).size(size).weak());
    });
}

/// One horizontal bar: its series, where it starts and ends, and its label.
struct BarSpec {
    color: Color32,
    base: f64,
    end: f64,
    label: String,
    /// Drawn as an outline: a pair measured differently in the two years.
    hollow: bool,
}

struct BarRow<'a> {
    indicator: &'a Indicator,
    bars: Vec<BarSpec>,
}

fn growth_bars<'a>(rows: &[Pair<'a>], spec: &ChartSpec, palette: &Palette) -> Vec<BarRow<'a>> {
    rows.iter()
        .map(|p| {
            let mut bars = Vec::new();
            let series = [
                (p.actual, palette.actual, spec.show_actual),
                (p.target, palette.target, spec.show_target),
            ];
            for (obs, color, shown) in series {
                if let Some((obs, g)) = obs.and_then(|o| Some((o, o.growth_pct?)))
                    && shown
                {
                    let mut label = obs.growth_text().unwrap_or_default();
                    label.push_str(outcome_mark(p.indicator, obs));
                    if !p.indicator.comparable && obs.kind == Kind::Target {
                        label.push_str(" ≠");
                    }
                    bars.push(BarSpec {
                        color,
                        base: 0.0,
                        end: g,
                        label,
                        hollow: !p.indicator.comparable && obs.kind == Kind::Target,
                    });
                }
            }
            BarRow {
                indicator: p.indicator,
                bars,
            }
        })
        .collect()
}

fn progress_bars<'a>(rows: &[ProgressRow<'a>], palette: &Palette, lang: Lang) -> Vec<BarRow<'a>> {
    rows.iter()
        .map(|r| {
            let symbol = r.pair.target.map_or("", |t| t.qualifier.symbol());
            let mut label = format!("{symbol}{}", model::format_number(round1(r.index)));
            if r.from_growth {
                label.push_str(lang.pick("（按增速）", " (from growth)"));
            }
            BarRow {
                indicator: r.pair.indicator,
                bars: vec![BarSpec {
                    color: palette.target,
                    base: 100.0,
                    end: r.index,
                    label,
                    hollow: false,
                }],
            }
        })
        .collect()
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The mark after a result that answers "was the target for this year met?".
pub fn outcome_mark(ind: &Indicator, obs: &Observation) -> &'static str {
    if obs.kind != Kind::Actual {
        return "";
    }
    match merge::target_outcome(ind, obs.year) {
        Some(Outcome::Met) => " ✓",
        Some(Outcome::RoughlyMet) => " ≈✓",
        Some(Outcome::Missed) => " ×",
        None => "",
    }
}

/// How many characters of a name fit a label: CJK characters are twice as wide.
fn name_chars(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 12,
        Lang::En => 26,
    }
}

/// Shortens a label to `max` characters with an ellipsis.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Horizontal bars, one row per indicator, names on the left axis, the first row on top.
#[expect(clippy::too_many_arguments)]
fn hbar_plot(
    ui: &mut Ui,
    id: &str,
    rows: &[BarRow<'_>],
    axis_label: &str,
    reference: Option<(f64, Color32)>,
    spec: &ChartSpec,
    mode: Mode,
    scale: f32,
) -> ChartResponse {
    let lang = spec.lang;
    let n = rows.len();
    let height = ui.available_height();
    let row_points = (height - 40.0 * scale) / (n as f32 + 0.5);
    let bars_per_row = rows.iter().map(|r| r.bars.len()).max().unwrap_or(1).max(1);
    let name_font = (row_points * 0.7).clamp(7.0, 14.0 * scale);
    let value_font = (row_points / bars_per_row as f32 * 0.9).clamp(6.0, 13.0 * scale);
    let max_chars = name_chars(lang) + 2;
    // Row i sits at y = n-1-i so the first indicator is on top.
    let names: Vec<String> = rows
        .iter()
        .rev()
        .map(|r| truncate(r.indicator.name(lang), max_chars))
        .collect();
    let name_width = names
        .iter()
        .map(|s| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(s.clone(), FontId::proportional(name_font), Color32::WHITE)
                    .size()
                    .x
            })
        })
        .fold(0.0, f32::max)
        + 12.0;

    // The x range holds every bar and its value label; labels are measured in points and
    // turned into plot units by the plot's width (twice, as the range changes the scale).
    let (mut lo, mut hi) = reference.map_or((0.0_f64, 0.0_f64), |(r, _)| (r, r));
    for bar in rows.iter().flat_map(|r| &r.bars) {
        lo = lo.min(bar.end).min(bar.base);
        hi = hi.max(bar.end).max(bar.base);
    }
    let labels: Vec<(f64, f64, f32)> = rows
        .iter()
        .flat_map(|r| &r.bars)
        .map(|bar| {
            let width = ui.fonts_mut(|f| {
                f.layout_no_wrap(
                    format!(" {} ", bar.label),
                    FontId::proportional(value_font),
                    Color32::WHITE,
                )
                .size()
                .x
            });
            (bar.base, bar.end, width)
        })
        .collect();
    let plot_width = (ui.available_width() - name_width - 20.0).max(50.0) as f64;
    let (mut left, mut right) = (lo, hi);
    for _ in 0..2 {
        let per_point = (right - left).max(1e-9) / plot_width;
        for &(base, end, width) in &labels {
            let reach = width as f64 * per_point;
            if end >= base {
                right = right.max(end + reach);
            } else {
                left = left.min(end - reach);
            }
        }
    }

    let y_axis = AxisHints::new_y()
        .formatter(move |mark: GridMark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < names.len() {
                names[i as usize].clone()
            } else {
                String::new()
            }
        })
        .label_spacing(egui::Rangef::new(name_font * 0.9, name_font * 1.1))
        .tick_label_font(FontId::proportional(name_font))
        .min_thickness(name_width);

    let mut plot = Plot::new(id)
        .id(settled_plot_id(ui, id))
        .custom_y_axes(vec![y_axis])
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(axis_label)
                .label_spacing(egui::Rangef::new(36.0 * scale, 56.0 * scale)),
        ])
        .y_grid_spacer(move |input: GridInput| integer_marks(input, n))
        .include_x(left)
        .include_x(right)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .allow_scroll(false)
        .show_x(false)
        .show_y(false)
        .height(height);
    if let Mode::Interactive { reset: true } = mode {
        plot = plot.reset();
    }
    if mode == Mode::Image {
        plot = plot
            .allow_drag(false)
            .allow_zoom(false)
            .allow_boxed_zoom(false);
    }

    let width = if bars_per_row > 1 { 0.36 } else { 0.6 };
    let highlight = ui.visuals().weak_text_color().gamma_multiply(0.15);
    let result = plot.show(ui, |plot_ui| {
        let hovered = plot_ui
            .pointer_coordinate()
            .filter(|_| plot_ui.response().hovered())
            .map(|p| p.y.round())
            .filter(|y| *y >= 0.0 && (*y as usize) < n)
            .map(|y| n - 1 - y as usize);
        if let Some(i) = hovered {
            let y = (n - 1 - i) as f64;
            plot_ui.span(
                Span::new("", y - 0.5..=y + 0.5)
                    .axis(egui_plot::Axis::Y)
                    .fill(highlight)
                    .border_width(0.0),
            );
        }
        if let Some((x, color)) = reference {
            plot_ui.vline(VLine::new("", x).color(color).width(1.5));
        }
        let mut charts: Vec<(Color32, Vec<Bar>)> = Vec::new();
        let mut texts = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let y = (n - 1 - i) as f64;
            let count = row.bars.len();
            for (k, bar) in row.bars.iter().enumerate() {
                // Bars of one row stack downwards around the row's centre.
                let offset = if count > 1 {
                    (count as f64 - 1.0) / 2.0 * width - k as f64 * width
                } else {
                    0.0
                };
                let at = y + offset;
                let mut b = Bar::new(at, bar.end - bar.base)
                    .base_offset(bar.base)
                    .width(width * 0.92)
                    .horizontal();
                b = if bar.hollow {
                    b.fill(Color32::TRANSPARENT)
                        .stroke(Stroke::new(1.5, bar.color))
                } else {
                    b.fill(bar.color).stroke(Stroke::NONE)
                };
                match charts.iter_mut().find(|(c, _)| *c == bar.color) {
                    Some((_, list)) => list.push(b),
                    None => charts.push((bar.color, vec![b])),
                }
                let anchor = if bar.end >= bar.base {
                    Align2::LEFT_CENTER
                } else {
                    Align2::RIGHT_CENTER
                };
                texts.push(
                    Text::new(
                        "",
                        PlotPoint::new(bar.end, at),
                        RichText::new(format!(" {} ", bar.label)).size(value_font),
                    )
                    .anchor(anchor)
                    .allow_hover(false),
                );
            }
        }
        for (color, bars) in charts {
            plot_ui.bar_chart(
                BarChart::new(format!("bars-{color:?}"), bars)
                    .color(color)
                    .allow_hover(false),
            );
        }
        for text in texts {
            plot_ui.text(text);
        }
        hovered
    });

    let mut response = ChartResponse {
        drawn: rows.iter().map(|r| r.indicator.id.clone()).collect(),
        ..ChartResponse::default()
    };
    if let Some(i) = result.inner {
        let indicator = rows[i].indicator;
        if result.response.clicked() {
            response.clicked = Some(indicator.id.clone());
        }
        result.response.on_hover_ui_at_pointer(|ui| {
            indicator_ui(ui, indicator, lang);
        });
    }
    response
}

/// Plots lay out axes and labels from the previous frame; a plot drawn for the first time
/// asks for one more frame so that what is shown (or exported) is settled.
fn settled_plot_id(ui: &Ui, name: &str) -> egui::Id {
    let id = ui.make_persistent_id(name);
    if egui_plot::PlotMemory::load(ui.ctx(), id).is_none() {
        ui.ctx().request_repaint();
    }
    id
}

fn integer_marks(input: GridInput, n: usize) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let lo = lo.ceil().max(0.0) as usize;
    let hi = hi.floor().min(n as f64 - 1.0);
    if hi < 0.0 {
        return Vec::new();
    }
    (lo..=hi as usize)
        .map(|i| GridMark {
            value: i as f64,
            step_size: 1.0,
        })
        .collect()
}

/// Levels: one mini bar chart per indicator, each in its own unit and scale.
fn small_multiples(
    ui: &mut Ui,
    data: &Dataset,
    rows: &[Pair<'_>],
    spec: &ChartSpec,
    palette: &Palette,
    mode: Mode,
    scale: f32,
) -> ChartResponse {
    let lang = spec.lang;
    let t = lang.texts();
    let (review, plan) = data.years();
    let area = ui.available_rect_before_wrap();
    // Below this size a mini chart cannot be read; the rest are named in the footer.
    let min_cell = egui::vec2(64.0, 52.0) * scale;
    let capacity = ((area.width() / min_cell.x).floor() * (area.height() / min_cell.y).floor())
        .max(1.0) as usize;
    let rows = &rows[..rows.len().min(capacity)];
    let n = rows.len();
    let aspect = (area.width() / area.height().max(1.0)).max(0.1) as f64;
    let cols = ((n as f64 * aspect / 1.3).sqrt().round() as usize).clamp(1, n);
    let grid_rows = n.div_ceil(cols);
    let cell = egui::vec2(area.width() / cols as f32, area.height() / grid_rows as f32);
    let title_font = (cell.y * 0.11).clamp(8.0, 15.0 * scale);
    let value_font = (cell.y * 0.1).clamp(7.0, 13.0 * scale);
    let mut response = ChartResponse {
        drawn: rows.iter().map(|p| p.indicator.id.clone()).collect(),
        ..ChartResponse::default()
    };
    for (k, pair) in rows.iter().enumerate() {
        let min = area.min + egui::vec2((k % cols) as f32 * cell.x, (k / cols) as f32 * cell.y);
        let rect = egui::Rect::from_min_size(min, cell).shrink(4.0);
        let ind = pair.indicator;
        ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
            ui.spacing_mut().item_spacing.y = 1.0;
            let mut title = ind.name(lang).to_owned();
            if !ind.comparable {
                title.insert_str(0, "≠ ");
            }
            ui.add(egui::Label::new(RichText::new(title).size(title_font).strong()).truncate());
            ui.add(
                egui::Label::new(RichText::new(ind.unit(lang)).size(title_font * 0.85).weak())
                    .truncate(),
            );
            let bars: Vec<(f64, Option<&Observation>, Color32, bool)> = vec![
                (0.0, pair.actual, palette.actual, spec.show_actual),
                (1.0, pair.target, palette.target, spec.show_target),
            ];
            let max = bars
                .iter()
                .filter_map(|(_, o, _, _)| o.and_then(|o| o.value))
                .fold(0.0_f64, f64::max);
            let min = bars
                .iter()
                .filter_map(|(_, o, _, _)| o.and_then(|o| o.value))
                .fold(0.0_f64, f64::min);
            let result = Plot::new(("levels", k))
                .show_axes(false)
                .show_grid(false)
                .allow_zoom(false)
                .allow_drag(false)
                .allow_scroll(false)
                .allow_boxed_zoom(false)
                .allow_double_click_reset(false)
                .show_x(false)
                .show_y(false)
                .include_x(-0.6)
                .include_x(1.6)
                .include_y(min * 1.3)
                .include_y(max * 1.3)
                .height(ui.available_height())
                .show(ui, |plot_ui| {
                    for (x, obs, color, shown) in &bars {
                        let Some(obs) = obs else { continue };
                        let Some(v) = obs.value.filter(|_| *shown) else {
                            continue;
                        };
                        let hollow = !ind.comparable && obs.kind == Kind::Target;
                        let bar = Bar::new(*x, v).width(0.7);
                        let bar = if hollow {
                            bar.fill(Color32::TRANSPARENT)
                                .stroke(Stroke::new(1.5, *color))
                        } else {
                            bar.fill(*color).stroke(Stroke::NONE)
                        };
                        plot_ui.bar_chart(
                            BarChart::new(format!("{}-{x}", ind.id), vec![bar])
                                .color(*color)
                                .allow_hover(false),
                        );
                        let anchor = if v >= 0.0 {
                            Align2::CENTER_BOTTOM
                        } else {
                            Align2::CENTER_TOP
                        };
                        plot_ui.text(
                            Text::new(
                                "",
                                PlotPoint::new(*x, v),
                                RichText::new(format!(
                                    "{}{}",
                                    obs.value_text().unwrap_or_default(),
                                    outcome_mark(ind, obs)
                                ))
                                .size(value_font),
                            )
                            .anchor(anchor)
                            .allow_hover(false),
                        );
                    }
                    // An empty slot says which year has no level, and its growth if any.
                    for (x, obs, _, _) in &bars {
                        if obs.and_then(|o| o.value).is_none() {
                            let year = if *x == 0.0 { review } else { plan };
                            let growth = obs
                                .and_then(|o| o.growth_text())
                                .map_or("—".to_owned(), |g| format!("{} {g}", t.growth));
                            plot_ui.text(
                                Text::new(
                                    "",
                                    PlotPoint::new(*x, 0.0),
                                    RichText::new(format!("{year}\n{growth}"))
                                        .size(value_font)
                                        .weak(),
                                )
                                .anchor(Align2::CENTER_BOTTOM)
                                .allow_hover(false),
                            );
                        }
                    }
                });
            if mode != Mode::Image {
                if result.response.clicked() {
                    response.clicked = Some(ind.id.clone());
                }
                result.response.on_hover_ui_at_pointer(|ui| {
                    indicator_ui(ui, ind, lang);
                });
            }
        });
    }
    response
}

/// Trend: review year = 100, one line per indicator, dashed where implied or targeted.
fn trend_plot(
    ui: &mut Ui,
    data: &Dataset,
    series: &[TrendSeries<'_>],
    spec: &ChartSpec,
    palette: &Palette,
    mode: Mode,
    scale: f32,
) -> ChartResponse {
    let lang = spec.lang;
    let (review, plan) = data.years();
    let label_font = (13.0 * scale)
        .min(ui.available_height() / (series.len() as f32 + 2.0))
        .max(7.0);
    let mut plot = Plot::new("trend")
        .id(settled_plot_id(ui, "trend"))
        .y_axis_label(spec.lang.texts().index_axis)
        .x_grid_spacer(move |input: GridInput| {
            let (lo, hi) = input.bounds;
            (lo.ceil() as i32..=hi.floor() as i32)
                .map(|y| GridMark {
                    value: y as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                format!("{}", mark.value.round() as i32)
            } else {
                String::new()
            }
        })
        .include_x(
            if series
                .iter()
                .any(|s| s.points.last().is_some_and(|p| p.year != plan))
            {
                (review - 1) as f64 - 0.9
            } else {
                (review - 1) as f64 - 0.2
            },
        )
        .include_x(plan as f64 + 0.9)
        .include_y(100.0)
        .allow_scroll(false)
        .show_x(false)
        .show_y(false)
        .height(ui.available_height());
    if let Mode::Interactive { reset: true } = mode {
        plot = plot.reset();
    }
    if mode == Mode::Image {
        plot = plot
            .allow_drag(false)
            .allow_zoom(false)
            .allow_boxed_zoom(false);
    }
    let shapes = [
        MarkerShape::Circle,
        MarkerShape::Square,
        MarkerShape::Diamond,
        MarkerShape::Up,
        MarkerShape::Down,
        MarkerShape::Cross,
    ];
    let result = plot.show(ui, |plot_ui| {
        plot_ui
            .hline(egui_plot::HLine::new("", 100.0).color(palette.reference.gamma_multiply(0.4)));
        let transform = *plot_ui.transform();
        let labels = trend_labels(series, plan, &transform, label_font * 1.15);
        let mut nearest: Option<(usize, f32)> = None;
        let pointer = plot_ui
            .pointer_coordinate()
            .filter(|_| plot_ui.response().hovered())
            .map(|p| transform.position_from_point(&p));
        for (k, s) in series.iter().enumerate() {
            let color = palette.lines[k % palette.lines.len()];
            let name = s.pair.indicator.name(lang).to_owned();
            // Runs of segments with one style become one line: solid between reported
            // points, dashed wherever an end is implied or a target.
            let mut run: Vec<[f64; 2]> = Vec::new();
            let mut run_solid = None;
            for w in s.points.windows(2) {
                let solid = w[0].kind == PointKind::Reported && w[1].kind == PointKind::Reported;
                if run_solid.is_some_and(|r| r != solid) {
                    trend_line(plot_ui, &name, std::mem::take(&mut run), run_solid, color);
                }
                if run.is_empty() {
                    run.push([w[0].year as f64, w[0].index]);
                }
                run.push([w[1].year as f64, w[1].index]);
                run_solid = Some(solid);
            }
            trend_line(plot_ui, &name, run, run_solid, color);
            for (from, to) in &s.past_targets {
                let spur = vec![[from.year as f64, from.index], [to.year as f64, to.index]];
                trend_line(plot_ui, &name, spur, Some(false), color);
                plot_ui.points(
                    Points::new(name.clone(), vec![[to.year as f64, to.index]])
                        .color(color)
                        .shape(MarkerShape::Circle)
                        .radius(4.5)
                        .filled(false)
                        .allow_hover(false),
                );
            }
            let pts: Vec<[f64; 2]> = s.points.iter().map(|p| [p.year as f64, p.index]).collect();
            if let Some(pointer) = pointer {
                for p in &pts {
                    let d = transform
                        .position_from_point(&PlotPoint::new(p[0], p[1]))
                        .distance(pointer);
                    if d < 14.0 && nearest.is_none_or(|(_, best)| d < best) {
                        nearest = Some((k, d));
                    }
                }
            }
            plot_ui.points(
                Points::new(name.clone(), pts)
                    .color(color)
                    .shape(shapes[k % shapes.len()])
                    .radius(3.5)
                    .filled(true)
                    .allow_hover(false),
            );
        }
        let frame = *transform.frame();
        for (k, point, y) in labels {
            if y > frame.bottom() {
                continue; // pushed out of the plot: too many lines to label them all
            }
            let s = &series[k];
            let symbol = match point.kind {
                PointKind::Target => s.pair.target.map_or("", |t| t.qualifier.symbol()),
                _ => "",
            };
            let name = truncate(s.pair.indicator.name(lang), name_chars(lang));
            let number = model::format_number(round1(point.index));
            let (text, anchor) = if point.year == plan {
                (format!("  {name} {symbol}{number}"), Align2::LEFT_CENTER)
            } else {
                (format!("{name} {symbol}{number}  "), Align2::RIGHT_CENTER)
            };
            let at = transform.value_from_position(egui::pos2(0.0, y));
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(point.year as f64, at.y),
                    RichText::new(text)
                        .size(label_font)
                        .color(palette.lines[k % palette.lines.len()]),
                )
                .anchor(anchor)
                .allow_hover(false),
            );
        }
        nearest.map(|(k, _)| k)
    });
    let mut response = ChartResponse {
        drawn: series.iter().map(|s| s.pair.indicator.id.clone()).collect(),
        ..ChartResponse::default()
    };
    if let Some(k) = result.inner {
        let indicator = series[k].pair.indicator;
        if result.response.clicked() {
            response.clicked = Some(indicator.id.clone());
        }
        result.response.on_hover_ui_at_pointer(|ui| {
            indicator_ui(ui, indicator, lang);
        });
    }
    response
}

fn trend_line(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    name: &str,
    points: Vec<[f64; 2]>,
    solid: Option<bool>,
    color: Color32,
) {
    if points.len() < 2 {
        return;
    }
    let line = egui_plot::Line::new(name, PlotPoints::from(points))
        .color(color)
        .width(2.0)
        .allow_hover(false);
    plot_ui.line(if solid == Some(true) {
        line
    } else {
        line.style(LineStyle::Dashed { length: 8.0 })
    });
}

/// Where each line's label goes: at the plan-year end when the line reaches it, else at
/// its first point on the left; labels on each side are pushed apart so none overlap.
fn trend_labels(
    series: &[TrendSeries<'_>],
    plan: i32,
    transform: &egui_plot::PlotTransform,
    gap: f32,
) -> Vec<(usize, TrendPoint, f32)> {
    let mut out = Vec::with_capacity(series.len());
    for right in [true, false] {
        let mut side: Vec<(usize, TrendPoint, f32)> = series
            .iter()
            .enumerate()
            .filter_map(|(k, s)| {
                let last = *s.points.last()?;
                let point = if (last.year == plan) == right {
                    if right { last } else { *s.points.first()? }
                } else {
                    return None;
                };
                let y = transform
                    .position_from_point(&PlotPoint::new(point.year as f64, point.index))
                    .y;
                Some((k, point, y))
            })
            .collect();
        side.sort_by(|a, b| a.2.total_cmp(&b.2));
        for i in 1..side.len() {
            side[i].2 = side[i].2.max(side[i - 1].2 + gap);
        }
        out.extend(side);
    }
    out
}

/// An indicator's names, unit, note and every observation with its quote. Used by the
/// tooltips and the details panel alike.
pub fn indicator_ui(ui: &mut Ui, ind: &Indicator, lang: Lang) {
    let t = lang.texts();
    ui.set_max_width(420.0);
    ui.label(RichText::new(ind.name(lang)).strong().size(15.0));
    if lang == Lang::Zh {
        if let Some(en) = &ind.name_en {
            ui.label(RichText::new(en).weak());
        }
    } else {
        ui.label(RichText::new(&ind.name_zh).weak());
    }
    let colon = lang.pick("：", ": ");
    ui.label(format!(
        "{}{colon}{} · {}{colon}{}",
        t.unit,
        ind.unit(lang),
        t.category,
        ind.category.name(lang)
    ));
    if ind.headline {
        ui.label(RichText::new(format!("★ {}", t.headline)).strong());
    }
    if !ind.comparable {
        ui.label(
            RichText::new(format!("≠ {}", t.not_comparable)).color(ui.visuals().warn_fg_color),
        );
        if let Some(note) = ind.note(lang) {
            ui.label(RichText::new(note).italics());
        }
    } else if let Some(note) = ind.note(lang) {
        ui.label(RichText::new(note).italics());
    }
    for obs in &ind.observations {
        ui.separator();
        ui.label(
            RichText::new(format!(
                "{} {} — {}",
                obs.year,
                obs.kind.name(lang),
                obs.summary(ind.unit(lang), lang)
            ))
            .strong(),
        );
        ui.label(obs.qualifier.words(lang));
        if obs.kind == Kind::Actual
            && let Some(outcome) = merge::target_outcome(ind, obs.year)
        {
            let t = lang.texts();
            let (mark, text) = match outcome {
                Outcome::Met => ("✓", t.target_met),
                Outcome::RoughlyMet => ("≈✓", t.target_roughly_met),
                Outcome::Missed => ("×", t.target_missed),
            };
            let gap = lang.pick("", " ");
            ui.label(RichText::new(format!("{mark} {}{gap}{text}", obs.year)).strong());
        }
        ui.label(RichText::new(format!("「{}」", obs.quote)).italics());
    }
}
