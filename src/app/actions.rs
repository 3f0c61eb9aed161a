//! What the commands do, run after the frame: open, save, export, copy, switch views and
//! regions. Also the keys and dropped files that queue them, and the top bar's and export
//! dialog's requests.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::folder::FolderRun;
use super::{AppCommand, GwrApp, Leave, Mode, Pending, Status, Theme, export_dialog, top_bar};
use crate::chart::View;
use crate::collection::{Collection, Notice, RegionData};
use crate::deck;
use crate::export::{self, Format};
use crate::files;
use crate::open;
use crate::render;
use crate::selection;

impl GwrApp {
    pub(super) fn run_pending(&mut self, ctx: &egui::Context) {
        // What ran after the frame changed what it showed: draw the next one now, not at
        // the next input event.
        if !self.pending.is_empty() {
            ctx.request_repaint();
        }
        for pending in std::mem::take(&mut self.pending) {
            match pending {
                Pending::Open(paths) => self.request(Leave::Open(paths)),
                Pending::OpenText(text) => self.request(Leave::OpenText(text)),
                Pending::Command(command) => self.run(command, ctx),
            }
        }
        if self.window.applied_theme != Some(self.state.theme) {
            ctx.set_theme(match self.state.theme {
                Theme::System => egui::ThemePreference::System,
                Theme::Light => egui::ThemePreference::Light,
                Theme::Dark => egui::ThemePreference::Dark,
            });
            self.window.applied_theme = Some(self.state.theme);
        }
    }

    fn run(&mut self, command: AppCommand, ctx: &egui::Context) {
        let reviewing = self.session.review().is_some();
        match command {
            AppCommand::OpenDialog => self.request(Leave::OpenDialog),
            AppCommand::OpenFolder => self.request(Leave::OpenFolderDialog),
            AppCommand::CancelFolder => {
                if let Some(run) = &self.folder {
                    run.cancel();
                }
            }
            AppCommand::SaveJson if reviewing => {
                self.save_document_dialog();
            }
            AppCommand::SaveJson => self.save_json(),
            AppCommand::Review if self.reviewing() => self.mode = Mode::Charts,
            AppCommand::Review => self.enter_review(),
            AppCommand::Save if reviewing => {
                self.save_document();
            }
            AppCommand::Save => self.save_json(),
            AppCommand::Undo => {
                self.undo();
            }
            AppCommand::Redo => {
                self.redo();
            }
            AppCommand::ApplyPreset(preset) => {
                self.set_selection(selection::preset(self.session.data(), preset));
            }
            AppCommand::FocusSearch => self.ui.focus_search = true,
            AppCommand::ResetPlot => self.ui.reset_plot = true,
            AppCommand::CloseDetails => self.ui.details = None,
            AppCommand::ShowView(view) => {
                // Picking a view asks for the chart: review mode steps aside, its edits kept.
                self.mode = Mode::Charts;
                self.state.chart.view = view;
            }
            AppCommand::SetLang(lang) => self.state.chart.lang = lang,
            AppCommand::SetTheme(theme) => self.state.theme = theme,
            AppCommand::OpenExport => {
                let view = self.state.chart.view;
                let open = self.region_keys();
                let shown = open[self.session.shown()].clone();
                self.ui
                    .export
                    .open_for(view, self.state.chart.lang, &shown, &open);
            }
            AppCommand::SaveExport => self.save_export(),
            AppCommand::CopyChart => self.copy_chart(ctx),
            AppCommand::CopyData => self.copy_data(ctx),
            AppCommand::PasteReport => {
                // egui reads the clipboard only on Ctrl+V; the menu entry asks it directly.
                match arboard::Clipboard::new().and_then(|mut c| c.get_text()) {
                    Ok(text) => self.request(Leave::OpenText(text)),
                    Err(e) => self.ui.status = Some(Status::ClipboardFailed(e.to_string())),
                }
            }
        }
    }

    /// Opens datasets or report texts (several are merged); on failure the current dataset
    /// stays and the error is shown. Folders among them are opened in the background
    /// ([`folder::FolderRun`]), with the files given beside them.
    pub fn open(&mut self, paths: &[PathBuf]) {
        if paths.iter().any(|p| p.is_dir()) {
            self.folder = Some(FolderRun::start(paths.to_vec(), &self.ctx));
            return;
        }
        match open::open_paths_with_texts(paths) {
            Ok((collection, texts)) => self.show_collection(collection, texts),
            Err(e) => self.ui.status = Some(Status::OpenFailed(e)),
        }
    }

    /// Opens pasted report text as a draft, as a `.txt` would open; on failure the dataset
    /// shown stays.
    pub fn open_text(&mut self, text: &str) {
        let name = self.state.chart.lang.texts().pasted;
        match open::open_text_with_text(text, name) {
            Ok(drafted) => {
                let texts = vec![(drafted.opened.name.clone(), drafted.text)];
                self.show_collection(crate::collection::group(vec![drafted.opened]), texts);
            }
            Err(e) => self.ui.status = Some(Status::OpenFailed(open::OpenError(vec![e]))),
        }
    }

    /// Asks for files to open, and opens them.
    pub(super) fn open_dialog(&mut self) {
        let picked = rfd::FileDialog::new()
            .add_filter(
                self.state.chart.lang.texts().open_filter,
                &["json", "txt", "html", "htm", "docx", "pdf"],
            )
            .add_filter("*", &["*"])
            .pick_files();
        if let Some(paths) = picked {
            self.open(&paths);
        }
    }

    /// Asks for a folder to open, and opens it in the background.
    pub(super) fn open_folder_dialog(&mut self) {
        if let Some(dir) = rfd::FileDialog::new().pick_folder() {
            self.open(&[dir]);
        }
    }

    /// Takes in the folder run's news; when it is over, shows what it opened (once any
    /// unsaved review is dealt with) or says why nothing was.
    pub(super) fn poll_folder(&mut self) {
        let Some(outcome) = self.folder.as_mut().and_then(|run| run.poll()) else {
            return;
        };
        self.folder = None;
        match outcome {
            Ok(finished) => {
                self.folder_done = Some(finished);
                self.request(Leave::ShowFolder);
            }
            Err(e) => self.ui.status = Some(Status::OpenFailed(e)),
        }
    }

    /// Shows what the folder run opened, as files opened together are shown, and says how
    /// many of its files opened. With none opened the dataset shown stays.
    pub(super) fn show_folder(&mut self) {
        let Some(done) = self.folder_done.take() else {
            return;
        };
        let failed = (!done.errors.is_empty()).then_some(open::OpenError(done.errors));
        let summary = Status::FolderOpened {
            opened: done.opened.len(),
            total: done.total,
            cancelled: done.cancelled,
            failed,
        };
        if done.opened.is_empty() {
            self.ui.status = Some(summary);
            return;
        }
        self.show_collection(crate::collection::group(done.opened), done.texts);
        if self.ui.status.is_none() || summary.level() != super::Level::Done {
            self.ui.status = Some(summary);
        }
    }

    /// Shows what was opened: the first region, with the others a click away in the top
    /// bar. A report of unknown region is one of them, apart from every other; `texts` are
    /// the normalized texts of the drafts, by file name.
    pub fn show_collection(&mut self, collection: Collection, texts: Vec<(String, String)>) {
        let unknown: Vec<String> = collection
            .notices
            .iter()
            .map(|n| match n {
                Notice::UnknownRegion { file, .. } => file.clone(),
            })
            .collect();
        let conflicts = collection.conflicts().count();
        self.ui.status = if !unknown.is_empty() {
            Some(Status::UnknownRegion(unknown))
        } else if conflicts > 0 {
            Some(Status::Conflicts(conflicts))
        } else {
            None
        };
        self.session.replace(collection, texts);
        self.mode = Mode::Charts;
        self.compare.clear();
        self.shown_changed();
        // A draft opens in review mode: its figures need a person's check.
        if self.session.is_draft() {
            self.enter_review();
        }
    }

    /// Shows one of the regions opened, with the selection kept for it.
    pub fn show_region(&mut self, k: usize) {
        if k != self.session.shown() && self.session.show(k) {
            self.shown_changed();
        }
    }

    /// Saves the dataset shown (a corrected draft, a merge) as JSON.
    fn save_json(&mut self) {
        let name = self.session.name();
        let stem = std::path::Path::new(name.split(" + ").next().unwrap_or(""))
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("dataset")
            .to_owned();
        let Some(path) = rfd::FileDialog::new()
            .add_filter("JSON", &["json"])
            .set_file_name(format!("{stem}.json"))
            .save_file()
        else {
            return;
        };
        self.ui.status = Some(self.write_json(path));
    }

    /// Writes the dataset shown to `path` atomically and says how it went.
    pub fn write_json(&self, path: PathBuf) -> Status {
        let written = match serde_json::to_string_pretty(self.session.data()) {
            Ok(json) => files::write_atomic(&path, json.as_bytes()),
            Err(e) => Err(files::WriteError::new(
                &path,
                files::WriteCause::Other(e.to_string()),
            )),
        };
        match written {
            Ok(()) => Status::Saved { path },
            Err(e) => Status::SaveFailed(e),
        }
    }

    /// Renders the export image unless the one kept was made from the same settings and
    /// selection. Returns whether a new image was made.
    pub fn refresh_export_image(&mut self) -> Result<bool, export::ExportError> {
        self.refresh_compare();
        let settings = self.ui.export.settings(&self.chart_spec());
        let mut ids: Vec<String> = self.selected().iter().map(|i| i.id.clone()).collect();
        if let (View::Compare, Some(table)) = (settings.spec.view, self.compare_table()) {
            ids = vec![table.name.clone(), table.plan_year.to_string()];
            ids.extend(table.rows.iter().map(|r| r.region_zh.clone()));
        }
        if matches!(&self.ui.export.image, Some((s, i, _)) if *s == settings && *i == ids) {
            return Ok(false);
        }
        // The vector path, as the command line's PNG: the same pixels, and no GPU device.
        let selected = self.selected();
        let image = export::image(&self.chart_input(&selected), &settings)?;
        self.ui.export.image = Some((settings, ids, image));
        Ok(true)
    }

    /// Saves in the dialog's format: a PNG is the very image of the preview, the other
    /// formats are drawn from the same settings by [`export::write`].
    fn save_export(&mut self) {
        let format = self.ui.export.format;
        if let Err(e) = self.refresh_export_image() {
            self.ui.status = Some(Status::ExportFailed(e));
            return;
        }
        let Some(path) = rfd::FileDialog::new()
            .add_filter(format.name(), &[format.extension()])
            .set_file_name(&self.ui.export.file_name)
            .save_file()
        else {
            return;
        };
        self.ui.status = Some(self.write_export(path));
    }

    /// Writes what the export dialog says to `path` (each file atomically) and says how it
    /// went: the chart in the dialog's format (a PNG is the very image of the preview), or
    /// the whole deck ticked, through [`deck::write`] as the command line writes it.
    pub fn write_export(&mut self, path: PathBuf) -> Status {
        let format = self.ui.export.format;
        if self.ui.export.deck.on {
            return self.write_deck(&path);
        }
        let written = match (format, &self.ui.export.image) {
            (Format::Png, Some((_, _, image))) => render::write_png(&path, image),
            _ => {
                let settings = self.ui.export.settings(&self.chart_spec());
                let selected = self.selected();
                export::write(&path, format, &self.chart_input(&selected), &settings)
            }
        };
        match written {
            Ok(path) => Status::Saved { path },
            Err(e) => Status::ExportWriteFailed(e),
        }
    }

    /// The whole deck: the views ticked of the regions ticked, each region's charts of the
    /// indicators ticked for it in the window.
    fn write_deck(&mut self, path: &Path) -> Status {
        let choice = self.ui.export.deck.clone();
        self.refresh_compare_for_deck();
        let regions: Vec<&RegionData> = self
            .session
            .regions()
            .iter()
            .filter(|r| choice.regions.contains(&r.key))
            .collect();
        let state = &self.state;
        let pages = deck::pages_with(&choice.views, &regions, |region| {
            let key = selection::region_key(&region.data);
            Ok(selection::resolve(&region.data, state.selections.get(&key)))
        });
        let pages = match pages {
            Ok(pages) => pages,
            Err(e) => return Status::DeckFailed(e.to_string()),
        };
        let settings = deck::DeckSettings {
            regions: self.session.regions(),
            compare: self.compare_table(),
            settings: self.ui.export.settings(&self.chart_spec()),
            picture: choice.picture,
        };
        match deck::write(path, self.ui.export.format, &pages, &settings) {
            Ok(mut written) if written.len() == 1 => Status::Saved {
                path: written.remove(0),
            },
            Ok(written) => Status::SavedFiles(written),
            Err(e) => Status::ExportWriteFailed(e),
        }
    }

    /// The keys of the regions open, in their order.
    fn region_keys(&self) -> Vec<String> {
        self.session
            .regions()
            .iter()
            .map(|r| r.key.clone())
            .collect()
    }

    /// The chart's numbers as tab-separated text on the clipboard.
    fn copy_data(&mut self, ctx: &egui::Context) {
        let settings = self.ui.export.settings(&self.chart_spec());
        let selected = self.selected();
        self.ui.status = Some(
            match export::data_text(&self.chart_input(&selected), &settings) {
                Ok(text) => {
                    ctx.copy_text(text);
                    Status::DataCopied
                }
                Err(e) => Status::CopyFailed(e.into()),
            },
        );
    }

    fn copy_chart(&mut self, ctx: &egui::Context) {
        self.ui.status = Some(match self.refresh_export_image() {
            Ok(_) => match &self.ui.export.image {
                Some((_, _, image)) => {
                    ctx.copy_image(image.clone());
                    Status::Copied
                }
                None => return,
            },
            Err(e) => Status::CopyFailed(e),
        });
    }

    /// Runs the command of every shortcut pressed, from the one table of commands, and
    /// opens dropped files.
    pub(super) fn handle_keys(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        // Esc belongs to a dialog while one is open (it closes it).
        let dialog = self.ui.export.open || self.review_dialog_open();
        ctx.input_mut(|i| {
            for command in AppCommand::with_shortcuts() {
                if (typing && command.is_text_key())
                    || (dialog && command == AppCommand::CloseDetails)
                {
                    continue;
                }
                if let Some(shortcut) = command.shortcut()
                    && i.consume_shortcut(&shortcut)
                {
                    self.pending.push(Pending::Command(command));
                }
            }
            // Report text pasted with Ctrl+V (⌘V) while no text field has focus.
            if !typing {
                for event in &i.events {
                    if let egui::Event::Paste(text) = event
                        && !text.trim().is_empty()
                    {
                        self.pending.push(Pending::OpenText(text.clone()));
                    }
                }
            }
            let dropped: Vec<PathBuf> = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect();
            if !dropped.is_empty() {
                self.pending.push(Pending::Open(dropped));
            }
        });
    }

    /// What the top bar reads (after [`GwrApp::refresh_compare`]).
    pub(super) fn top_bar_input(&self) -> top_bar::Input<'_> {
        top_bar::Input {
            chart: &self.state.chart,
            compare: &self.state.compare,
            regions: self.session.regions(),
            shown: self.session.shown(),
            draft: self.session.is_draft(),
            name: self.session.name(),
            reviewing: self.reviewing(),
            table: self.compare_table(),
            names: self.compare_names(),
        }
    }

    /// The top bar's requests: commands, another region, the compare view's choice.
    pub(super) fn handle_top_bar(&mut self, response: top_bar::Response) {
        for command in response.commands {
            self.push(command);
        }
        if let Some(k) = response.show_region {
            self.request(Leave::ShowRegion(k));
        }
        if let Some(choice) = response.compare {
            self.state.compare = choice;
        }
    }

    /// The export dialog, with the image of its settings.
    pub(super) fn export_dialog(&mut self, ctx: &egui::Context) {
        if !self.ui.export.open {
            return;
        }
        let preview = self.refresh_export_image();
        let lang = self.state.chart.lang;
        let mut spec = self.state.chart.clone();
        spec.lang = self.ui.export.lang;
        spec.title = None;
        let default_title = spec.title_text(match spec.view {
            View::Compare => self.compare_table(),
            _ => None,
        });
        let regions = self.region_keys();
        let response = export_dialog::show(
            ctx,
            &mut self.ui.export,
            &export_dialog::Input {
                lang,
                status: self.ui.status.as_ref(),
                preview,
                default_title,
                regions,
            },
        );
        if response.dismissed {
            self.ui.status = None;
        }
        for command in response.commands {
            self.push(command);
        }
    }
}
