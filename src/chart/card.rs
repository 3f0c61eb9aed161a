//! The indicator card: names, unit, notes and every observation with its quote. The
//! tooltips and the details panel show the same card.

use eframe::egui::{RichText, Ui};

use crate::compare::CompareRow;
use crate::i18n::Lang;
use crate::model::{Indicator, Kind, Observation};
use crate::outcome::target_outcome;

/// An indicator's names, unit, note and every observation with its quote. Used by the
/// tooltips and the details panel alike.
pub fn indicator_ui(ui: &mut Ui, ind: &Indicator, lang: Lang) {
    let t = lang.texts();
    // At most 420 points (a tooltip), never wider than the panel it is in.
    ui.set_max_width(ui.available_width().min(420.0));
    ui.label(RichText::new(ind.name(lang)).strong().size(15.0));
    if lang == Lang::Zh {
        if let Some(en) = &ind.name_en {
            ui.label(RichText::new(en).weak());
        }
    } else {
        ui.label(RichText::new(&ind.name_zh).weak());
    }
    let colon = t.colon;
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
    }
    if let Some(multi) = &ind.multi_year {
        ui.label(
            RichText::new(format!("† {}{colon}{}", t.multi_year, multi.horizon))
                .color(ui.visuals().warn_fg_color),
        );
    }
    if let Some(note) = ind.note(lang) {
        ui.label(RichText::new(note).italics());
    }
    for obs in &ind.observations {
        ui.separator();
        observation_ui(ui, ind, obs, lang);
    }
}

/// One figure: year, kind and number, the qualifier in words, how it was worked out, its
/// file, whether last year's target was met, and its quote.
pub fn observation_ui(ui: &mut Ui, ind: &Indicator, obs: &Observation, lang: Lang) {
    let t = lang.texts();
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
    if let Some(derived) = &obs.derived {
        ui.label(RichText::new(format!("{}{}{derived}", t.derived, t.colon)).weak());
    }
    if let Some(file) = &obs.source_file {
        ui.label(RichText::new(format!("{}{}{file}", t.file, t.colon)).weak());
    }
    if obs.kind == Kind::Actual
        && let Some(outcome) = target_outcome(ind, obs.year)
    {
        ui.label(
            RichText::new(format!(
                "{} {}{}{}",
                outcome.mark(),
                obs.year,
                t.year_gap,
                outcome.words(lang)
            ))
            .strong(),
        );
    }
    ui.label(RichText::new(format!("「{}」", obs.quote)).italics());
}

/// A region's row of the compare view: its result and target with their quotes, and why a
/// figure is missing. `years` are the table's review and plan years.
pub fn region_ui(ui: &mut Ui, row: &CompareRow, years: (i32, i32), lang: Lang) {
    let t = lang.texts();
    ui.set_max_width(420.0);
    ui.label(RichText::new(row.region(lang)).strong().size(15.0));
    let ind = &row.indicator;
    ui.label(
        RichText::new(format!(
            "{} · {}{}{}",
            ind.name(lang),
            t.unit,
            t.colon,
            ind.unit(lang)
        ))
        .weak(),
    );
    for kind in [Kind::Actual, Kind::Target] {
        ui.separator();
        if let Some(obs) = row.figure(kind) {
            observation_ui(ui, ind, obs, lang);
        }
        let year = if kind == Kind::Target {
            years.1
        } else {
            years.0
        };
        for (_, why) in row.missing.iter().filter(|(k, _)| *k == kind) {
            ui.label(
                RichText::new(format!(
                    "{year} {}{}{}",
                    kind.name(lang),
                    t.colon,
                    why.words(lang)
                ))
                .color(ui.visuals().warn_fg_color),
            );
        }
    }
}
