//! The app's commands in one table: each names its label (from [`crate::i18n::Texts`]) and
//! its keyboard shortcut, so buttons, menu items, tooltips and key handling never disagree.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use super::Theme;
use crate::chart::View;
use crate::i18n::Lang;
use crate::selection::Preset;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppCommand {
    OpenDialog,
    /// Open every dataset and report in a folder (and its subfolders), in the background.
    OpenFolder,
    /// Stop the folder run under way; what is finished is kept.
    CancelFolder,
    SaveJson,
    OpenExport,
    /// Save the export dialog's image as PNG.
    SaveExport,
    /// Copy the chart, as the export dialog's settings draw it, to the clipboard.
    CopyChart,
    /// Copy the numbers behind the chart as tab-separated text (pastes into Excel as cells).
    CopyData,
    /// Open the report text on the clipboard as a draft.
    PasteReport,
    ResetPlot,
    FocusSearch,
    CloseDetails,
    ShowView(View),
    SetLang(Lang),
    SetTheme(Theme),
    ApplyPreset(Preset),
    /// Enter or leave review mode: the report text beside an editable table of its figures.
    Review,
    /// Save the document under review to its file (Save as… when it has none).
    Save,
    /// Undo or redo a committed edit (inside a focused text field egui undoes typing).
    Undo,
    Redo,
}

/// The digit keys that switch views, in the order of [`View::ALL`].
const VIEW_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

impl AppCommand {
    /// Every command that has a shortcut, in the order keys are tried.
    pub fn with_shortcuts() -> impl Iterator<Item = AppCommand> {
        [
            // With Shift before without: Ctrl+Shift+Z also matches Ctrl+Z.
            AppCommand::Redo,
            AppCommand::Undo,
            AppCommand::SaveJson,
            AppCommand::Save,
            AppCommand::Review,
            AppCommand::OpenDialog,
            AppCommand::OpenExport,
            AppCommand::CopyChart,
            AppCommand::FocusSearch,
            AppCommand::CloseDetails,
        ]
        .into_iter()
        .chain(View::ALL.into_iter().map(AppCommand::ShowView))
        .filter(|c| c.shortcut().is_some())
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            AppCommand::OpenDialog => command(Key::O),
            AppCommand::SaveJson => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::S,
            )),
            AppCommand::Review => command(Key::R),
            AppCommand::Save => command(Key::S),
            AppCommand::Undo => command(Key::Z),
            AppCommand::Redo => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Z,
            )),
            AppCommand::OpenExport => command(Key::E),
            AppCommand::CopyChart => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::C,
            )),
            AppCommand::FocusSearch => command(Key::F),
            AppCommand::CloseDetails => Some(KeyboardShortcut::new(Modifiers::NONE, Key::Escape)),
            AppCommand::ShowView(view) => View::ALL
                .iter()
                .position(|v| *v == view)
                .and_then(|n| VIEW_KEYS.get(n))
                .map(|key| KeyboardShortcut::new(Modifiers::NONE, *key)),
            AppCommand::SaveExport
            | AppCommand::CopyData
            | AppCommand::PasteReport
            | AppCommand::OpenFolder
            | AppCommand::CancelFolder
            | AppCommand::ResetPlot
            | AppCommand::SetLang(_)
            | AppCommand::SetTheme(_)
            | AppCommand::ApplyPreset(_) => None,
        }
    }

    /// A shortcut without modifiers is a plain key: it must not fire while the user types.
    pub fn is_plain_key(self) -> bool {
        self.shortcut().is_some_and(|s| s.modifiers.is_none())
    }

    /// Keys a focused text field handles itself (its own undo of typing).
    pub fn is_text_key(self) -> bool {
        self.is_plain_key() || matches!(self, AppCommand::Undo | AppCommand::Redo)
    }

    pub fn label(self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            AppCommand::OpenDialog => t.open.into(),
            AppCommand::OpenFolder => t.open_folder.into(),
            AppCommand::CancelFolder => t.cancel.into(),
            AppCommand::SaveJson => t.save_json.into(),
            AppCommand::OpenExport => t.export.into(),
            AppCommand::SaveExport => t.save_png.into(),
            AppCommand::CopyChart => t.copy.into(),
            AppCommand::CopyData => t.copy_data.into(),
            AppCommand::PasteReport => t.paste_report.into(),
            AppCommand::ResetPlot => t.reset_view.into(),
            AppCommand::FocusSearch => t.find.into(),
            AppCommand::CloseDetails => t.close_details.into(),
            AppCommand::ShowView(view) => {
                let n = View::ALL.iter().position(|v| *v == view).unwrap_or(0) + 1;
                format!("{n} {}", view.name(lang))
            }
            AppCommand::SetLang(l) => l.native_name().into(),
            AppCommand::SetTheme(Theme::Light) => t.light.into(),
            AppCommand::SetTheme(Theme::Dark) => t.dark.into(),
            AppCommand::SetTheme(Theme::System) => t.theme.into(),
            AppCommand::ApplyPreset(Preset::Headline) => t.preset_headline.into(),
            AppCommand::ApplyPreset(Preset::Comparable) => t.preset_comparable.into(),
            AppCommand::ApplyPreset(Preset::All) => t.preset_all.into(),
            AppCommand::ApplyPreset(Preset::None) => t.preset_none.into(),
            AppCommand::Review => t.review.into(),
            AppCommand::Save => t.save.into(),
            AppCommand::Undo => t.undo.into(),
            AppCommand::Redo => t.redo.into(),
        }
    }

    /// The tooltip: what the command does beyond its label, and its shortcut as this
    /// platform writes it (⌘ on macOS, Ctrl elsewhere).
    pub fn tooltip(self, ctx: &egui::Context, lang: Lang) -> Option<String> {
        let about = match self {
            AppCommand::ShowView(view) => Some(view.title(lang)),
            _ => None,
        };
        let shortcut = self.shortcut().map(|s| ctx.format_shortcut(&s));
        match (about, shortcut) {
            (Some(about), Some(keys)) => Some(format!("{about}  ({keys})")),
            (Some(about), None) => Some(about.to_owned()),
            (None, keys) => keys,
        }
    }

    /// A button for the command, its tooltip showing the shortcut.
    pub fn button(self, ui: &mut egui::Ui, lang: Lang) -> egui::Response {
        let response = ui.button(self.label(lang));
        match self.tooltip(ui.ctx(), lang) {
            Some(tip) => response.on_hover_text(tip),
            None => response,
        }
    }

    /// A menu item for the command, its shortcut on the right as menus show it.
    pub fn menu_item(self, ui: &mut egui::Ui, lang: Lang, selected: bool) -> egui::Response {
        let mut button = egui::Button::selectable(selected, self.label(lang));
        if let Some(shortcut) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        ui.add(button)
    }
}
