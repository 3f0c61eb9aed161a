//! The indicator card: names, unit, notes and every observation with its quote. The
//! tooltips and the details panel show the same card.

use eframe::egui::{RichText, Ui};

use crate::i18n::Lang;
use crate::model::{Indicator, Kind};
use crate::outcome::target_outcome;

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
}
