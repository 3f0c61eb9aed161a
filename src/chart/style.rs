//! Colours, marks and label text shared by every view.

use eframe::egui::{Color32, Stroke};

use crate::i18n::Lang;
use crate::model::{self, Indicator, Kind, Observation};

/// Colour-blind safe colours (Okabe–Ito), with no black series: black reads as text.
pub struct Palette {
    pub actual: Color32,
    pub target: Color32,
    pub reference: Color32,
    pub lines: [Color32; 6],
}

impl Palette {
    pub fn new(dark: bool) -> Palette {
        let blue = if dark {
            Color32::from_rgb(0x56, 0xB4, 0xE9)
        } else {
            Color32::from_rgb(0x00, 0x72, 0xB2)
        };
        let orange = Color32::from_rgb(0xE6, 0x9F, 0x00);
        Palette {
            actual: blue,
            target: orange,
            reference: if dark {
                Color32::from_gray(230)
            } else {
                Color32::from_gray(20)
            },
            lines: [
                blue,
                orange,
                Color32::from_rgb(0x00, 0x9E, 0x73),
                Color32::from_rgb(0xD5, 0x5E, 0x00),
                Color32::from_rgb(0xCC, 0x79, 0xA7),
                if dark {
                    Color32::from_rgb(0xF0, 0xE4, 0x42)
                } else {
                    Color32::from_rgb(0x56, 0xB4, 0xE9)
                },
            ],
        }
    }

    /// The colour of the `k`-th line of the trend view.
    pub fn line(&self, k: usize) -> Color32 {
        self.lines[k % self.lines.len()]
    }
}

/// How a bar is filled: solid for a figure like its partner, outlined where it is not a
/// like-for-like figure, lightly filled where it is worked out rather than stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Solid,
    /// Measured differently from the other year (≠), or a goal over several years (†).
    Hollow,
    /// Implied by a growth target, not stated as a level.
    Implied,
    /// No figure: no bar, only a label saying so (never a bar of zero).
    Missing,
    /// A floor or ceiling: a short bar at the target's level, not a change from the base.
    Bound,
}

impl Look {
    /// The look of an observation's bar, and the mark its label carries.
    pub fn of(ind: &Indicator, obs: &Observation) -> (Look, &'static str) {
        if obs.kind != Kind::Target {
            return (Look::Solid, "");
        }
        if ind.multi_year.is_some() {
            (Look::Hollow, " †")
        } else if !ind.comparable {
            (Look::Hollow, " ≠")
        } else {
            (Look::Solid, "")
        }
    }

    /// Fill and outline of a bar of this look in `color`; `width` is the outline's.
    pub fn paint(self, color: Color32, width: f32) -> (Color32, Stroke) {
        match self {
            Look::Solid | Look::Bound => (color, Stroke::NONE),
            Look::Hollow => (Color32::TRANSPARENT, Stroke::new(width, color)),
            Look::Implied => (color.gamma_multiply(0.3), Stroke::new(width, color)),
            Look::Missing => (Color32::TRANSPARENT, Stroke::NONE),
        }
    }
}

/// A bar's label: the figure as the report gives it (≈6%, 4.5–5%), whether last year's
/// target was met (✓ ×), and the mark of a target unlike its partner (≠ †). The window, the
/// images and the slides' native charts all label bars with it.
pub fn figure_label(ind: &Indicator, obs: &Observation, figure: Option<String>) -> String {
    let (_, mark) = Look::of(ind, obs);
    format!(
        "{}{}{mark}",
        figure.unwrap_or_default(),
        crate::outcome::outcome_mark(ind, obs)
    )
}

/// A progress bar's label: the target's index (or range of indices) with its qualifier
/// mark, rounded to one decimal, and a note when the index comes from a growth rate.
pub fn progress_label(
    qualifier: model::Qualifier,
    index: f64,
    index_high: Option<f64>,
    from_growth: bool,
    lang: Lang,
) -> String {
    let rounded = |v: f64| format_rounded(v).parse().unwrap_or(v);
    let mut label = model::range_text(qualifier, rounded(index), index_high.map(rounded), "");
    if from_growth {
        label.push_str(lang.texts().from_growth);
    }
    label
}

/// A level (or range of levels) implied by a growth target, rounded as a slide would (whole
/// numbers from 100 up), with the note saying it is worked out.
pub fn implied_label(qualifier: model::Qualifier, v: f64, high: Option<f64>, note: &str) -> String {
    let round = |v: f64| {
        if v.abs() >= 100.0 {
            v.round()
        } else {
            (v * 10.0).round() / 10.0
        }
    };
    let number = model::range_text(qualifier, round(v), high.map(round), "");
    format!("{number}\n{}", note.trim())
}

/// Rounds to one decimal, for index labels.
pub fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// An index or implied level as a label: one decimal at most.
pub fn format_rounded(v: f64) -> String {
    model::format_number(round1(v))
}

/// How many characters of a name fit a label: CJK characters are twice as wide.
pub fn name_chars(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 12,
        Lang::En => 26,
    }
}

/// Shortens a label to `max` characters with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}
