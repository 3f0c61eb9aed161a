//! The review's dialogs: which indicator to merge and whose figures stay, "save the unsaved
//! edits first?", and the offer of a review an earlier run left unsaved. Each draws what it
//! is given and returns the answer; the app acts on it ([`super::lifecycle`]).

use eframe::egui::{self, RichText};

use super::state::MergeDialog;
use super::table::Action;
use crate::edit::Document;
use crate::edit::autosave::Recovered;
use crate::i18n::{Lang, Texts, fill};

/// The answers to "save the unsaved edits first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
}

/// Asks which figure stays where both indicators have one for the same year and kind.
/// `dialog` is updated as the user picks; `None` once closed.
pub fn merge(
    doc: &Document,
    dialog: &mut Option<MergeDialog>,
    ctx: &egui::Context,
    lang: Lang,
) -> Option<Action> {
    let current = dialog.clone()?;
    let t = lang.texts();
    let data = doc.data();
    let keep_name = data
        .indicators
        .get(current.keep)
        .map(|i| i.name(lang).to_owned())
        .unwrap_or_default();
    let mut next = current.clone();
    let mut action = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("review_merge")).show(ctx, |ui| {
        ui.heading(t.merge_title);
        ui.label(fill(t.merge_into, &[("name", &keep_name)]));
        let from_name = next
            .from
            .and_then(|f| data.indicators.get(f))
            .map(|i| format!("{} ({})", i.name(lang), i.id))
            .unwrap_or_default();
        let label = ui.label(t.merge_pick);
        egui::ComboBox::from_id_salt("review_merge_from")
            .selected_text(from_name)
            .width(320.0)
            .show_ui(ui, |ui| {
                for (k, ind) in data.indicators.iter().enumerate() {
                    if k != next.keep {
                        ui.selectable_value(
                            &mut next.from,
                            Some(k),
                            format!("{} ({})", ind.name(lang), ind.id),
                        );
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if next.from != current.from {
            next.clashes = next
                .from
                .map(|f| doc.merge_clashes(next.keep, f))
                .unwrap_or_default();
            next.take = vec![false; next.clashes.len()];
        }
        clashes(ui, &mut next, t, lang);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(next.from.is_some(), egui::Button::new(t.merge_do))
                .clicked()
                && let Some(from) = next.from
            {
                let take = next
                    .clashes
                    .iter()
                    .zip(&next.take)
                    .filter(|(_, take)| **take)
                    .map(|(clash, _)| *clash)
                    .collect();
                action = Some(Action::Merge {
                    keep: next.keep,
                    from,
                    take,
                });
            }
            if ui.button(t.cancel).clicked() {
                close = true;
            }
        });
    });
    // Esc or a click beside the dialog cancels it.
    close |= modal.should_close();
    *dialog = (!close && action.is_none()).then_some(next);
    action
}

/// Per clash, a choice of whose figure stays.
fn clashes(ui: &mut egui::Ui, dialog: &mut MergeDialog, t: &Texts, lang: Lang) {
    if dialog.clashes.is_empty() {
        return;
    }
    ui.label(t.merge_clashes);
    for ((year, kind), take) in dialog.clashes.iter().zip(dialog.take.iter_mut()) {
        ui.horizontal(|ui| {
            ui.label(format!("{year}{}{}", t.year_gap, kind.name(lang)));
            ui.radio_value(take, false, t.keep_kept);
            ui.radio_value(take, true, t.take_other);
        });
    }
}

/// "Save the unsaved edits to `name` first?"
pub fn leaving(ctx: &egui::Context, name: &str, t: &Texts) -> Option<Answer> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("review_leaving")).show(ctx, |ui| {
        ui.heading(t.unsaved_title);
        ui.label(Lang::fill_text(t.unsaved_body, name));
        ui.horizontal(|ui| {
            for (label, choice) in [
                (t.save, Answer::Save),
                (t.discard, Answer::Discard),
                (t.cancel, Answer::Cancel),
            ] {
                if ui.button(label).clicked() {
                    answer = Some(choice);
                }
            }
        });
    });
    if modal.should_close() {
        answer = answer.or(Some(Answer::Cancel));
    }
    answer
}

/// The banner offering back a review an earlier run left unsaved: `Some(true)` to restore
/// it, `Some(false)` to throw it away.
pub fn recovered(ui: &mut egui::Ui, recovered: &Recovered, lang: Lang) -> Option<bool> {
    let t = lang.texts();
    let when = chrono::DateTime::<chrono::Local>::from(recovered.saved_at)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let what = recovered
        .original
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| recovered.document.data().report.title(lang).to_owned());
    let mut answer = None;
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(t.recovered).strong());
                ui.label(format!("{what} ({when})"));
                if ui.button(t.restore).clicked() {
                    answer = Some(true);
                }
                if ui.button(t.drop_recovered).clicked() {
                    answer = Some(false);
                }
            });
        });
    answer
}
