//! The eframe app: persisted [`State`] apart from runtime state, a command queue for
//! actions that run after the frame, and one file per panel.

mod commands;
mod compare;
mod details;
pub mod export_dialog;
mod icon;
pub mod review;
mod side_panel;
mod status;
mod top_bar;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use eframe::egui;
use serde::{Deserialize, Serialize};

use crate::chart::{self, ChartSpec, Mode, View};
use crate::export::{self, Format};
use crate::fonts;
use crate::i18n::Lang;
use crate::model::{self, Category, Dataset, Indicator};
use crate::open;
use crate::render;
use crate::selection;
pub use commands::AppCommand;
pub use compare::CompareChoice;
use export_dialog::ExportDialog;
pub use status::Status;

/// Bumped when [`State`] changes shape; an older saved state is then ignored.
/// 2: one selection per region instead of one for whatever was open.
const STATE_VERSION: u32 = 2;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system setting (the first start).
    #[default]
    System,
    Light,
    Dark,
}

/// What survives a restart: the user's choices only, never facts about what happens to
/// be open. The window size is persisted by eframe itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub version: u32,
    pub chart: ChartSpec,
    pub theme: Theme,
    /// Ticked indicator ids per region ([`selection::region_key`]). Checked against the
    /// dataset when it loads ([`selection::resolve`]).
    pub selections: BTreeMap<String, BTreeSet<String>>,
    /// The compare view's indicator, year and order.
    pub compare: CompareChoice,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: STATE_VERSION,
            chart: ChartSpec::default(),
            theme: Theme::System,
            selections: BTreeMap::new(),
            compare: CompareChoice::default(),
        }
    }
}

impl State {
    /// The saved state, or the defaults when there is none, it is corrupt, or it was saved
    /// by a version with another shape.
    pub fn restore(storage: Option<&dyn eframe::Storage>) -> State {
        storage
            .and_then(|s| eframe::get_value::<State>(s, eframe::APP_KEY))
            .filter(|s| s.version == STATE_VERSION)
            .unwrap_or_default()
    }
}

/// Work queued by the UI, run after the frame so no panel changes what another draws.
#[derive(Debug)]
enum Pending {
    Command(AppCommand),
    Open(Vec<PathBuf>),
    /// Report text pasted into the window.
    OpenText(String),
}

pub struct GwrApp {
    pub state: State,
    /// The dataset shown; with the fields below, facts of this run that are never saved.
    pub data: Dataset,
    /// The file the dataset came from (the bundled one by default).
    pub data_name: String,
    /// Drafted from report text: numbers not yet checked by a person.
    pub draft: bool,
    /// The key of the dataset's selection in [`State::selections`].
    region: String,
    /// Every region opened, each its own history; the window shows `shown` (the top bar
    /// picks it). Regions never share an indicator.
    pub regions: Vec<open::RegionData>,
    pub shown: usize,
    /// The compare view's table, made again only when its choice or `regions` change
    /// (clear it whenever `regions` changes).
    compare: compare::CompareCache,
    /// The window title last sent, so it is sent only when it changes.
    title: String,
    /// The ticked indicators' places in `data.indicators`, in chart order.
    order: Vec<usize>,
    pub search: String,
    /// Categories folded shut in the list.
    folded: BTreeSet<Category>,
    /// The indicator shown in the details panel; the panel is closed when `None`.
    pub details: Option<String>,
    /// What the banner says, until dismissed.
    pub status: Option<Status>,
    pub export: ExportDialog,
    /// The indicators the chart drew in the last frame.
    pub drawn: Vec<String>,
    /// Where the chart was drawn in the last frame: what is left between the panels.
    pub chart_rect: egui::Rect,
    pending: Vec<Pending>,
    reset_plot: bool,
    focus_search: bool,
    applied_theme: Option<Theme>,
    /// When the process started, if `GWR_CHARTS_STARTUP_TIME` is set: the time to the first
    /// frame is then printed once, to measure start-up.
    startup: Option<std::time::Instant>,
    frames: u32,
    // Review mode (issue 11).
    /// The document under review, kept when the window goes back to the charts.
    pub review: Option<review::Review>,
    /// The window shows review mode rather than the charts.
    pub reviewing: bool,
    /// The normalized text of every report drafted this run, by file name.
    texts: Vec<(String, String)>,
    /// What waits for an answer to "save the unsaved edits first?".
    pub leaving: Option<review::Leave>,
    /// Where a review in progress is autosaved; `None` turns autosave off.
    pub autosave_dir: Option<PathBuf>,
    /// When the next autosave is due.
    autosave_due: Option<f64>,
    /// A review an earlier run left unsaved, offered back until the user answers.
    pub recovered: Option<crate::edit::autosave::Recovered>,
    /// The user chose to close despite unsaved edits; the close is sent next frame.
    close_confirmed: bool,
    pending_close: bool,
}

/// The selection of a region that has none yet.
static NOTHING_TICKED: BTreeSet<String> = BTreeSet::new();

impl GwrApp {
    /// Builds the app; `files` are opened in order, the last good one stays loaded.
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> Self {
        Self::with_autosave(cc, files, crate::edit::autosave::default_dir())
    }

    /// As [`GwrApp::new`], autosaving reviews into `autosave_dir` (tests give a temporary
    /// one) and offering back what an earlier run left there.
    pub fn with_autosave(
        cc: &eframe::CreationContext<'_>,
        files: Vec<PathBuf>,
        autosave_dir: Option<PathBuf>,
    ) -> Self {
        fonts::install(&cc.egui_ctx);
        let mut app = GwrApp {
            state: State::restore(cc.storage),
            data: Dataset::bundled(),
            data_name: model::BUNDLED_NAME.to_owned(),
            draft: false,
            region: String::new(),
            regions: Vec::new(),
            shown: 0,
            compare: compare::CompareCache::default(),
            title: String::new(),
            order: Vec::new(),
            search: String::new(),
            folded: BTreeSet::new(),
            details: None,
            status: None,
            export: ExportDialog::default(),
            drawn: Vec::new(),
            chart_rect: egui::Rect::NOTHING,
            pending: Vec::new(),
            reset_plot: false,
            focus_search: false,
            applied_theme: None,
            startup: None,
            frames: 0,
            review: None,
            reviewing: false,
            texts: Vec::new(),
            leaving: None,
            recovered: autosave_dir
                .as_deref()
                .and_then(crate::edit::autosave::find),
            autosave_dir,
            autosave_due: None,
            close_confirmed: false,
            pending_close: false,
        };
        app.resolve_selection();
        if !files.is_empty() {
            app.pending.push(Pending::Open(files));
        }
        app.run_pending(&cc.egui_ctx);
        app
    }

    pub fn push(&mut self, command: AppCommand) {
        self.pending.push(Pending::Command(command));
    }

    /// The ticked indicators in the order the list shows them (by category, then file order).
    pub fn selected(&self) -> Vec<&Indicator> {
        self.order
            .iter()
            .map(|&n| &self.data.indicators[n])
            .collect()
    }

    /// The ticked ids of the dataset shown.
    pub fn ticked(&self) -> &BTreeSet<String> {
        self.state
            .selections
            .get(&self.region)
            .unwrap_or(&NOTHING_TICKED)
    }

    pub fn set_selection(&mut self, ids: BTreeSet<String>) {
        self.state.selections.insert(self.region.clone(), ids);
        self.order = selection::order(&self.data, self.ticked());
    }

    /// Ticks or unticks several indicators at once.
    pub fn set_ticked<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>, on: bool) {
        let ticked = self
            .state
            .selections
            .entry(self.region.clone())
            .or_default();
        for id in ids {
            if on {
                ticked.insert(id.to_owned());
            } else {
                ticked.remove(id);
            }
        }
        self.order = selection::order(&self.data, self.ticked());
    }

    /// Shows a dataset, with the selection saved for its region (see [`selection::resolve`]).
    pub fn load(&mut self, data: Dataset, name: String, draft: bool) {
        self.data = data;
        self.data_name = name;
        self.draft = draft;
        self.details = None;
        self.reset_plot = true;
        self.resolve_selection();
    }

    /// Ticks what was saved for the dataset's region, once, when it loads.
    fn resolve_selection(&mut self) {
        self.region = selection::region_key(&self.data);
        let ticked = selection::resolve(&self.data, self.state.selections.get(&self.region));
        self.set_selection(ticked);
    }

    /// Opens datasets or report texts (several are merged); on failure the current dataset
    /// stays and the error is shown.
    pub fn open(&mut self, paths: &[PathBuf]) {
        match open::open_paths_with_texts(paths) {
            Ok((collection, texts)) => {
                self.texts = texts;
                self.show_collection(collection);
            }
            Err(e) => {
                self.status = Some(Status::OpenFailed {
                    error: e.to_string(),
                })
            }
        }
    }

    /// Shows what was opened: the first region, with the others a click away in the top
    /// bar. A report of unknown region is one of them, apart from every other.
    pub fn show_collection(&mut self, collection: open::Collection) {
        let t = self.state.chart.lang.texts();
        self.status = (!collection.notices.is_empty()).then(|| Status::Notice {
            text: collection
                .notices
                .iter()
                .map(|n| match n {
                    crate::collection::Notice::UnknownRegion { file, .. } => {
                        Lang::fill_text(t.unknown_region_notice, file)
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
        });
        self.regions = collection.regions;
        self.compare.clear();
        self.review = None;
        self.reviewing = false;
        self.show_region(0);
        // A draft opens in review mode: its figures need a person's check.
        if self.draft {
            self.enter_review();
        }
    }

    /// Shows one of the regions opened, with the selection kept for it.
    pub fn show_region(&mut self, k: usize) {
        if let Some(region) = self.regions.get(k) {
            let (data, name, draft) = (region.data.clone(), region.name(), region.draft);
            self.shown = k;
            self.load(data, name, draft);
        }
    }

    /// The window's title: what is open, and whether it is a draft.
    pub fn window_title(&self) -> String {
        let t = self.state.chart.lang.texts();
        let draft = if self.draft { t.draft_note } else { "" };
        let more = match self.regions.len() {
            0 | 1 => String::new(),
            n => Lang::fill(t.more_items, n - 1),
        };
        let unsaved = if self.is_dirty() { t.unsaved_mark } else { "" };
        format!(
            "{unsaved}gwr-charts — {}{more}{draft}",
            self.data.report.title(self.state.chart.lang)
        )
    }

    /// Opens pasted report text as a draft, as a `.txt` would open; on failure the dataset
    /// shown stays.
    pub fn open_text(&mut self, text: &str) {
        let name = self.state.chart.lang.texts().pasted;
        match open::open_text_with_text(text, name) {
            Ok(drafted) => {
                self.texts = vec![(drafted.opened.name.clone(), drafted.text)];
                self.show_collection(crate::collection::group(vec![drafted.opened]));
            }
            Err(e) => {
                self.status = Some(Status::OpenFailed {
                    error: e.to_string(),
                })
            }
        }
    }

    /// The chart's settings with this run's facts filled in.
    pub fn chart_spec(&self) -> ChartSpec {
        // The compare view draws every region: a draft among them makes it a draft.
        let draft = match self.state.chart.view {
            View::Compare => self.regions.iter().any(|r| r.draft),
            _ => self.draft,
        };
        ChartSpec {
            draft,
            ..self.state.chart.clone()
        }
    }

    /// Saves the dataset shown (a corrected draft, a merge) as JSON.
    fn save_json(&mut self) {
        let stem = std::path::Path::new(self.data_name.split(" + ").next().unwrap_or(""))
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
        self.status = Some(self.write_json(path));
    }

    /// Writes the dataset shown to `path` atomically and says how it went.
    pub fn write_json(&self, path: PathBuf) -> Status {
        let written = serde_json::to_string_pretty(&self.data)
            .map_err(std::io::Error::other)
            .and_then(|json| crate::files::write_atomic(&path, json.as_bytes()));
        match written {
            Ok(()) => Status::Saved { path },
            Err(e) => Status::SaveFailed {
                path,
                error: e.to_string(),
            },
        }
    }

    fn run_pending(&mut self, ctx: &egui::Context) {
        // What ran after the frame changed what it showed: draw the next one now, not at
        // the next input event.
        if !self.pending.is_empty() {
            ctx.request_repaint();
        }
        for pending in std::mem::take(&mut self.pending) {
            match pending {
                Pending::Open(paths) => self.request(review::Leave::Open(paths)),
                Pending::OpenText(text) => self.request(review::Leave::OpenText(text)),
                Pending::Command(command) => self.run(command, ctx),
            }
        }
        if self.applied_theme != Some(self.state.theme) {
            ctx.set_theme(match self.state.theme {
                Theme::System => egui::ThemePreference::System,
                Theme::Light => egui::ThemePreference::Light,
                Theme::Dark => egui::ThemePreference::Dark,
            });
            self.applied_theme = Some(self.state.theme);
        }
    }

    fn run(&mut self, command: AppCommand, ctx: &egui::Context) {
        match command {
            AppCommand::OpenDialog => self.request(review::Leave::OpenDialog),
            AppCommand::SaveJson if self.review.is_some() => {
                self.save_document_dialog();
            }
            AppCommand::SaveJson => self.save_json(),
            AppCommand::Review if self.reviewing => self.reviewing = false,
            AppCommand::Review => self.enter_review(),
            AppCommand::Save if self.review.is_some() => {
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
                self.set_selection(selection::preset(&self.data, preset));
            }
            AppCommand::FocusSearch => self.focus_search = true,
            AppCommand::ResetPlot => self.reset_plot = true,
            AppCommand::CloseDetails => self.details = None,
            AppCommand::ShowView(view) => {
                // Picking a view asks for the chart: review mode steps aside, its edits kept.
                self.reviewing = false;
                self.state.chart.view = view;
            }
            AppCommand::SetLang(lang) => self.state.chart.lang = lang,
            AppCommand::SetTheme(theme) => self.state.theme = theme,
            AppCommand::OpenExport => {
                let dialog = &mut self.export;
                dialog.open = true;
                dialog.lang = self.state.chart.lang;
                dialog.file_name =
                    export_dialog::default_file_name(self.state.chart.view, dialog.format);
            }
            AppCommand::SaveExport => self.save_export(),
            AppCommand::CopyChart => self.copy_chart(ctx),
            AppCommand::CopyData => self.copy_data(ctx),
            AppCommand::PasteReport => {
                // egui reads the clipboard only on Ctrl+V; the menu entry asks it directly.
                match arboard::Clipboard::new().and_then(|mut c| c.get_text()) {
                    Ok(text) => self.request(review::Leave::OpenText(text)),
                    Err(e) => {
                        self.status = Some(Status::OpenFailed {
                            error: e.to_string(),
                        })
                    }
                }
            }
        }
    }

    /// Asks for files to open, and opens them.
    fn open_dialog(&mut self) {
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

    /// Renders the export image unless the one kept was made from the same settings and
    /// selection. Returns whether a new image was made.
    pub fn refresh_export_image(&mut self) -> Result<bool, String> {
        self.refresh_compare();
        let settings = self.export.settings(&self.chart_spec());
        let mut ids: Vec<String> = self.selected().iter().map(|i| i.id.clone()).collect();
        if let (View::Compare, Some(table)) = (settings.spec.view, self.compare_table()) {
            ids = vec![table.name.clone(), table.plan_year.to_string()];
            ids.extend(table.rows.iter().map(|r| r.region_zh.clone()));
        }
        if matches!(&self.export.image, Some((s, i, _)) if *s == settings && *i == ids) {
            return Ok(false);
        }
        // The vector path, as the command line's PNG: the same pixels, and no GPU device.
        let selected = self.selected();
        let image =
            export::image(&self.chart_input(&selected), &settings).map_err(|e| e.to_string())?;
        self.export.image = Some((settings, ids, image));
        Ok(true)
    }

    /// Saves in the dialog's format: a PNG is the very image of the preview, the other
    /// formats are drawn from the same settings by [`export::write`].
    fn save_export(&mut self) {
        let format = self.export.format;
        if let Err(error) = self.refresh_export_image() {
            self.status = Some(Status::ExportFailed { error });
            return;
        }
        let Some(path) = rfd::FileDialog::new()
            .add_filter(format.name(), &[format.extension()])
            .set_file_name(&self.export.file_name)
            .save_file()
        else {
            return;
        };
        let written = match (format, &self.export.image) {
            (Format::Png, Some((_, _, image))) => render::write_png(&path, image),
            _ => {
                let settings = self.export.settings(&self.chart_spec());
                let selected = self.selected();
                export::write(&path, format, &self.chart_input(&selected), &settings)
            }
        };
        self.status = Some(match written {
            Ok(path) => Status::Saved { path },
            Err(e) => Status::SaveFailed {
                path,
                error: e.to_string(),
            },
        });
    }

    /// The chart's numbers as tab-separated text on the clipboard.
    fn copy_data(&mut self, ctx: &egui::Context) {
        let settings = self.export.settings(&self.chart_spec());
        let selected = self.selected();
        self.status = Some(
            match export::data_text(&self.chart_input(&selected), &settings) {
                Ok(text) => {
                    ctx.copy_text(text);
                    Status::DataCopied
                }
                Err(e) => Status::CopyFailed {
                    error: e.to_string(),
                },
            },
        );
    }

    fn copy_chart(&mut self, ctx: &egui::Context) {
        self.status = Some(match self.refresh_export_image() {
            Ok(_) => match &self.export.image {
                Some((_, _, image)) => {
                    ctx.copy_image(image.clone());
                    Status::Copied
                }
                None => Status::CopyFailed {
                    error: String::new(),
                },
            },
            Err(error) => Status::CopyFailed { error },
        });
    }

    /// Runs the command of every shortcut pressed, from the one table of commands, and
    /// opens dropped files.
    fn handle_keys(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        // Esc belongs to a dialog while one is open (it closes it).
        let dialog = self.export.open || self.review_dialog_open();
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

    fn central(&mut self, ui: &mut egui::Ui) {
        if let Some(status) = &self.status {
            if status::banner(ui, status, self.state.chart.lang.texts()) {
                self.status = None;
            }
            ui.add_space(6.0);
        }
        self.chart_rect = ui.available_rect_before_wrap();
        let reset = std::mem::take(&mut self.reset_plot);
        let spec = self.chart_spec();
        self.refresh_compare();
        let selected = self.selected();
        let response = chart::show(
            ui,
            &self.chart_input(&selected),
            &spec,
            Mode::Interactive { reset },
        );
        if let Some(id) = response.clicked {
            self.details = Some(id);
        }
        // A region's row in the compare view: that region in the side panel, its figure in
        // the details panel (once any unsaved review has been dealt with).
        if let Some((region, id)) = response.clicked_region
            && let Some(k) = self.regions.iter().position(|r| r.key == region)
        {
            self.request(review::Leave::ShowRegion(k));
            if self.leaving.is_none() {
                self.details = Some(id);
            }
        }
        self.drawn = response.drawn;
        if let Some(series) = response.toggled {
            self.state.chart.toggle(series);
        }
    }
}

impl eframe::App for GwrApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames = self.frames.saturating_add(1);
        if self.frames == 2
            && let Some(start) = self.startup.take()
        {
            eprintln!("first frame shown after {:.0?}", start.elapsed());
        }
        let ctx = ui.ctx().clone();
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        self.handle_keys(&ctx);
        self.review_frame(&ctx);
        top_bar::show(self, ui);
        if self.recovered.is_some() {
            egui::Panel::top("recovered").show(ui, |ui| review::recovered_banner(self, ui));
        }
        if self.reviewing {
            review::show(self, ui);
        } else {
            side_panel::show(self, ui);
            details::show(self, ui);
            egui::CentralPanel::default().show(ui, |ui| self.central(ui));
        }
        export_dialog::show(self, &ctx);
        review::leaving_dialog(self, &ctx);
        self.run_pending(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

/// Opens the window. Files given on the command line are opened in it.
pub fn run_native(files: Vec<PathBuf>) -> eframe::Result {
    let started = std::time::Instant::now();
    let mut viewport = egui::ViewportBuilder::default()
        .with_app_id("gwr-charts")
        .with_title("gwr-charts")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    // A broken icon is no reason not to open: the window then has the system's default one.
    match icon::window_icon() {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(err) => eprintln!("gwr-charts: window icon not set: {err}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "gwr-charts",
        options,
        Box::new(move |cc| {
            let mut app = GwrApp::new(cc, files);
            app.startup = std::env::var_os("GWR_CHARTS_STARTUP_TIME").map(|_| started);
            Ok(Box::new(app))
        }),
    )
}
