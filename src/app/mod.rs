//! The eframe app. Its state lives in a few rooms, each with one job:
//! - [`State`] (`state.rs`): the user's choices, saved between runs;
//! - [`Session`] (`session.rs`): what is open — the regions, the one shown, the document
//!   under review;
//! - [`Mode`]: the charts, or review mode with what exists only while it is on screen
//!   (`review/state.rs`);
//! - [`UiState`]: the panels' own state — search, details, banner, dialogs;
//! - [`Autosave`] (`review/lifecycle.rs`), and caches made from the rest (the compare
//!   table, the ticked indicators in chart order).
//!
//! Panels get what they read and return what they want changed (`side_panel`, `top_bar`,
//! `details`, `export_dialog`, `review`, like the chart's `ChartResponse`); commands run
//! after the frame (`actions.rs`), so no panel changes what another draws.

mod actions;
pub mod commands;
mod compare;
mod details;
pub mod export_dialog;
pub mod folder;
mod icon;
pub mod review;
mod session;
mod side_panel;
mod state;
mod status;
mod top_bar;
mod x11;

use std::collections::BTreeSet;
use std::path::PathBuf;

use eframe::egui;

use crate::chart::{self, ChartSpec, View};
use crate::edit::Document;
use crate::edit::autosave::Recovered;
use crate::fonts;
use crate::model::{Category, Dataset, Indicator};
use crate::selection;
pub use commands::AppCommand;
pub use compare::CompareChoice;
use export_dialog::ExportDialog;
pub use review::{Autosave, Leave, ReviewSession};
pub use session::{Reviewed, Session};
pub use state::{State, Theme};
pub use status::{Level, Status};

/// What the window shows.
pub enum Mode {
    Charts,
    /// Review mode, with the state of its panes (dropped when the charts come back; the
    /// document stays in the [`Session`]).
    Review(Box<ReviewSession>),
}

/// The panels' own state: facts of this run that no one else reads.
pub struct UiState {
    /// The list's search text.
    pub search: String,
    /// Categories folded shut in the list.
    pub folded: BTreeSet<Category>,
    focus_search: bool,
    /// The indicator shown in the details panel; the panel is closed when `None`.
    pub details: Option<String>,
    /// What the banner says, until dismissed.
    pub status: Option<Status>,
    pub export: ExportDialog,
    /// What waits for an answer to "save the unsaved edits first?".
    pub leaving: Option<Leave>,
    /// The indicators the chart drew in the last frame.
    pub drawn: Vec<String>,
    /// Where the chart was drawn in the last frame: what is left between the panels.
    pub chart_rect: egui::Rect,
    reset_plot: bool,
}

/// The ticked indicators of the region shown, in chart order, and the key they are saved
/// under in [`State::selections`]: made again whenever the ticks or the data change.
#[derive(Default)]
struct Ticked {
    key: String,
    order: Vec<usize>,
}

/// Facts of the running window.
#[derive(Default)]
struct WindowState {
    /// The window title last sent, so it is sent only when it changes.
    title: String,
    applied_theme: Option<Theme>,
    /// When the process started, if `GWR_CHARTS_STARTUP_TIME` is set: the time to the first
    /// frame is then printed once, to measure start-up.
    startup: Option<std::time::Instant>,
    frames: u32,
    /// The user chose to close despite unsaved edits; the close is sent next frame.
    close_confirmed: bool,
    pending_close: bool,
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
    /// The user's choices, saved on exit.
    pub state: State,
    /// What is open: the regions, the one shown, the document under review.
    pub session: Session,
    /// Charts or review mode.
    pub mode: Mode,
    pub ui: UiState,
    pub autosave: Autosave,
    /// The compare view's table, made again only when its choice or the regions change
    /// (cleared whenever the regions change).
    compare: compare::CompareCache,
    ticked: Ticked,
    pending: Vec<Pending>,
    window: WindowState,
    /// The folder run under way, if any.
    folder: Option<folder::FolderRun>,
    /// What a folder run opened, until it is shown (after any unsaved review is dealt with).
    folder_done: Option<folder::Finished>,
    /// The window's context, for the background work to ask for frames.
    ctx: egui::Context,
}

/// The selection of a region that has none yet.
static NOTHING_TICKED: BTreeSet<String> = BTreeSet::new();

/// The ticked ids saved under `ticked`'s key.
fn ticked_in<'a>(state: &'a State, ticked: &Ticked) -> &'a BTreeSet<String> {
    state.selections.get(&ticked.key).unwrap_or(&NOTHING_TICKED)
}

impl GwrApp {
    /// Builds the app; `files` are opened in order, the last good one stays loaded.
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> Self {
        Self::with_autosave(cc, files, Autosave::default_dir())
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
            session: Session::default(),
            mode: Mode::Charts,
            ui: UiState {
                search: String::new(),
                folded: BTreeSet::new(),
                focus_search: false,
                details: None,
                status: None,
                export: ExportDialog::default(),
                leaving: None,
                drawn: Vec::new(),
                chart_rect: egui::Rect::NOTHING,
                reset_plot: false,
            },
            autosave: Autosave::new(autosave_dir),
            compare: compare::CompareCache::default(),
            ticked: Ticked::default(),
            pending: Vec::new(),
            window: WindowState::default(),
            folder: None,
            folder_done: None,
            ctx: cc.egui_ctx.clone(),
        };
        app.shown_changed();
        if !files.is_empty() {
            app.pending.push(Pending::Open(files));
        }
        app.run_pending(&cc.egui_ctx);
        app
    }

    pub fn push(&mut self, command: AppCommand) {
        self.pending.push(Pending::Command(command));
    }

    /// The folder run under way, if any.
    pub fn folder_run(&self) -> Option<&folder::FolderRun> {
        self.folder.as_ref()
    }

    /// The dataset shown.
    pub fn data(&self) -> &Dataset {
        self.session.data()
    }

    /// Review mode is on screen.
    pub fn reviewing(&self) -> bool {
        matches!(self.mode, Mode::Review(_))
    }

    /// Edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.session.is_dirty()
    }

    /// The document under review, if any (also while the charts are shown).
    pub fn document(&self) -> Option<&Document> {
        self.session.review().map(|r| &r.doc)
    }

    /// Review mode's panes and the document they show, while review mode is on screen.
    pub fn review_panes(&mut self) -> Option<(&Document, &mut ReviewSession)> {
        match (&mut self.mode, self.session.review()) {
            (Mode::Review(review), Some(reviewed)) => Some((&reviewed.doc, review)),
            _ => None,
        }
    }

    /// Picks a row of review mode and scrolls the form and the text to it.
    pub fn reveal(&mut self, row: review::Row) {
        if let Some((doc, review)) = self.review_panes() {
            review.reveal(doc, row);
        }
    }

    /// A review offered back from an earlier run, until answered.
    pub fn recovered(&self) -> Option<&Recovered> {
        self.autosave.recovered.as_ref()
    }

    /// The ticked indicators in the order the list shows them (by category, then file order).
    pub fn selected(&self) -> Vec<&Indicator> {
        let data = self.session.data();
        self.ticked
            .order
            .iter()
            .filter_map(|&n| data.indicators.get(n))
            .collect()
    }

    /// The ticked ids of the dataset shown.
    pub fn ticked(&self) -> &BTreeSet<String> {
        ticked_in(&self.state, &self.ticked)
    }

    pub fn set_selection(&mut self, ids: BTreeSet<String>) {
        self.state.selections.insert(self.ticked.key.clone(), ids);
        self.ticked.order = selection::order(self.session.data(), self.ticked());
    }

    /// Ticks or unticks several indicators at once.
    pub fn set_ticked<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>, on: bool) {
        let ticked = self
            .state
            .selections
            .entry(self.ticked.key.clone())
            .or_default();
        for id in ids {
            if on {
                ticked.insert(id.to_owned());
            } else {
                ticked.remove(id);
            }
        }
        self.ticked.order = selection::order(self.session.data(), self.ticked());
    }

    /// Another dataset is shown: nothing picked in it yet, the plot reset, and what was
    /// saved for its region ticked (see [`selection::resolve`]).
    fn shown_changed(&mut self) {
        self.ui.details = None;
        self.ui.reset_plot = true;
        let data = self.session.data();
        self.ticked.key = selection::region_key(data);
        let ticked = selection::resolve(data, self.state.selections.get(&self.ticked.key));
        self.set_selection(ticked);
    }

    /// The shown dataset changed in place (an edit): the details panel closes on an
    /// indicator that is gone, and a region given or renamed keeps what was ticked.
    fn data_changed(&mut self) {
        let data = self.session.data();
        if self
            .ui
            .details
            .as_ref()
            .is_some_and(|id| data.indicator(id).is_none())
        {
            self.ui.details = None;
        }
        let key = selection::region_key(data);
        if key != self.ticked.key {
            let ticked = self.ticked().clone();
            self.ticked.key = key;
            self.state
                .selections
                .insert(self.ticked.key.clone(), ticked);
        }
        self.ticked.order = selection::order(self.session.data(), self.ticked());
    }

    /// The window's title: what is open, and whether it is a draft.
    pub fn window_title(&self) -> String {
        let lang = self.state.chart.lang;
        let t = lang.texts();
        let draft = if self.session.is_draft() {
            t.draft_note
        } else {
            ""
        };
        let more = match self.session.regions().len() {
            0 | 1 => String::new(),
            n => crate::i18n::Lang::fill(t.more_items, n - 1),
        };
        let unsaved = if self.is_dirty() { t.unsaved_mark } else { "" };
        // A title kept as the report gives it may not name the region (政府工作报告).
        let report = &self.session.data().report;
        let (title, region) = (report.title(lang), report.region(lang));
        let what = if title.contains(region) {
            title.to_owned()
        } else {
            format!("{region} · {title}")
        };
        format!("{unsaved}gwr-charts — {what}{more}{draft}")
    }

    /// The chart's settings with this run's facts filled in.
    pub fn chart_spec(&self) -> ChartSpec {
        // The compare view draws every region: a draft among them makes it a draft.
        let draft = match self.state.chart.view {
            View::Compare => self.session.regions().iter().any(|r| r.draft),
            _ => self.session.is_draft(),
        };
        ChartSpec {
            draft,
            ..self.state.chart.clone()
        }
    }

    /// The charts: the list, the details panel, and the chart between them.
    fn charts(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.chart.lang;
        let changes = side_panel::show(
            ui,
            &side_panel::Input {
                data: self.session.data(),
                ticked: ticked_in(&self.state, &self.ticked),
                lang,
            },
            &mut self.ui,
        );
        for change in changes {
            self.apply_list_change(change);
        }
        let data = self.session.data();
        if let Some(indicator) = self.ui.details.as_deref().and_then(|id| data.indicator(id))
            && details::show(ui, indicator, self.session.conflicts(), lang)
        {
            self.push(AppCommand::CloseDetails);
        }
        egui::CentralPanel::default().show(ui, |ui| self.central(ui));
    }

    fn apply_list_change(&mut self, change: side_panel::Change) {
        match change {
            side_panel::Change::Tick(ids, on) => {
                self.set_ticked(ids.iter().map(String::as_str), on);
            }
            side_panel::Change::Details(id) => self.ui.details = Some(id),
            side_panel::Change::Command(command) => self.push(command),
        }
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        if let Some(status) = &self.ui.status {
            if status::banner(ui, status, self.state.chart.lang.texts()) {
                self.ui.status = None;
            }
            ui.add_space(6.0);
        }
        self.ui.chart_rect = ui.available_rect_before_wrap();
        let reset = std::mem::take(&mut self.ui.reset_plot);
        let spec = self.chart_spec();
        self.refresh_compare();
        let selected = self.selected();
        let response = chart::show(
            ui,
            &self.chart_input(&selected),
            &spec,
            chart::Mode::Interactive { reset },
        );
        if let Some(id) = response.clicked {
            self.ui.details = Some(id);
        }
        // A region's row in the compare view: that region in the side panel, its figure in
        // the details panel (once any unsaved review has been dealt with).
        if let Some((region, id)) = response.clicked_region
            && let Some(k) = self.session.regions().iter().position(|r| r.key == region)
        {
            self.request(Leave::ShowRegion(k));
            if self.ui.leaving.is_none() {
                self.ui.details = Some(id);
            }
        }
        self.ui.drawn = response.drawn;
        if let Some(series) = response.toggled {
            self.state.chart.toggle(series);
        }
    }

    /// Review mode's panes, over the document under review.
    fn review(&mut self, ui: &mut egui::Ui) {
        let spec = self.chart_spec();
        let (Mode::Review(review), Some(reviewed)) = (&mut self.mode, self.session.review()) else {
            self.mode = Mode::Charts;
            return;
        };
        let response = review::show(ui, &reviewed.doc, review, self.ui.status.as_ref(), &spec);
        self.handle_review(response);
    }
}

impl eframe::App for GwrApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.window.frames = self.window.frames.saturating_add(1);
        if self.window.frames == 2
            && let Some(start) = self.window.startup.take()
        {
            eprintln!("first frame shown after {:.0?}", start.elapsed());
        }
        let ctx = ui.ctx().clone();
        let title = self.window_title();
        if title != self.window.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.title = title;
        }
        self.handle_keys(&ctx);
        self.poll_folder();
        self.review_frame(&ctx);
        self.refresh_compare();
        let bar = top_bar::show(ui, &self.top_bar_input());
        self.handle_top_bar(bar);
        self.recovered_banner(ui);
        if let Some(run) = &self.folder
            && let Some(command) = folder::progress(ui, run, self.state.chart.lang.texts())
        {
            self.push(command);
        }
        if self.reviewing() {
            self.review(ui);
        } else {
            self.charts(ui);
        }
        self.export_dialog(&ctx);
        self.leaving_dialog(&ctx);
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
            x11::set_class(cc, "gwr-charts");
            let mut app = GwrApp::new(cc, files);
            app.window.startup = std::env::var_os("GWR_CHARTS_STARTUP_TIME").map(|_| started);
            Ok(Box::new(app))
        }),
    )
}
