//! The eframe app: persisted [`State`] apart from runtime state, a command queue for
//! actions that run after the frame, and one file per panel.

mod details;
pub mod export_dialog;
mod side_panel;
mod top_bar;

use std::collections::BTreeSet;
use std::path::PathBuf;

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

use crate::chart::{self, ChartSpec, Mode, View};
use crate::fonts;
use crate::model::{self, Dataset, Indicator};
use crate::open;
use crate::render::{self, Renderer};
use crate::selection::{self, Preset};
use export_dialog::ExportDialog;

/// Bumped when [`State`] changes shape; an older saved state is then ignored.
const STATE_VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system setting (the first start).
    #[default]
    System,
    Light,
    Dark,
}

/// What survives a restart. The window size is persisted by eframe itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub version: u32,
    pub chart: ChartSpec,
    pub theme: Theme,
    /// Ticked indicator ids; `None` until the user changes it (then the headline preset).
    pub selection: Option<BTreeSet<String>>,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: STATE_VERSION,
            chart: ChartSpec::default(),
            theme: Theme::System,
            selection: None,
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

/// Actions that run after the frame's UI, so no panel mutates what another is drawing.
#[derive(Debug)]
pub enum AppCommand {
    OpenDialog,
    /// Open these files; several are merged into one dataset.
    Open(Vec<PathBuf>),
    SaveJson,
    ApplyPreset(Preset),
    FocusSearch,
    ResetPlot,
    OpenExport,
    SaveExport,
    /// Copy the chart, as the export dialog's settings draw it, to the clipboard.
    CopyChart,
}

pub struct GwrApp {
    pub state: State,
    pub data: Dataset,
    /// The file the dataset came from (the bundled one by default).
    pub data_name: String,
    pub search: String,
    /// The indicator shown in the details panel.
    pub details: Option<String>,
    /// The last error a user action caused, shown until dismissed.
    pub error: Option<String>,
    /// The last thing saved, shown until dismissed.
    pub info: Option<String>,
    pub export: ExportDialog,
    /// The indicators the chart drew in the last frame.
    pub drawn: Vec<String>,
    /// Created on the first export; creating a device takes a moment.
    renderer: Option<Renderer>,
    commands: Vec<AppCommand>,
    reset_plot: bool,
    focus_search: bool,
    applied_theme: Option<Theme>,
    /// When the process started, if `GWR_CHARTS_STARTUP_TIME` is set: the time to the first
    /// frame is then printed once, to measure start-up.
    startup: Option<std::time::Instant>,
    frames: u32,
}

impl GwrApp {
    /// Builds the app; `files` are opened in order, the last good one stays loaded.
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> Self {
        fonts::install(&cc.egui_ctx);
        let state = State::restore(cc.storage);
        let mut app = GwrApp {
            state,
            data: Dataset::bundled(),
            data_name: model::BUNDLED_NAME.to_owned(),
            search: String::new(),
            details: None,
            error: None,
            info: None,
            export: ExportDialog::default(),
            drawn: Vec::new(),
            renderer: None,
            commands: if files.is_empty() {
                Vec::new()
            } else {
                vec![AppCommand::Open(files)]
            },
            reset_plot: false,
            focus_search: false,
            applied_theme: None,
            startup: None,
            frames: 0,
        };
        app.run_commands(&cc.egui_ctx);
        app
    }

    pub fn push(&mut self, command: AppCommand) {
        self.commands.push(command);
    }

    /// The ticked indicators in the order the list shows them (by category, then file order).
    pub fn selected(&self) -> Vec<&Indicator> {
        selection::indicators(&self.data, &self.ticked())
    }

    /// The ticked ids; before the user has chosen anything, the headline preset.
    pub fn ticked(&self) -> BTreeSet<String> {
        match &self.state.selection {
            Some(s) => s.clone(),
            None => selection::preset(&self.data, Preset::Headline),
        }
    }

    pub fn set_ticked(&mut self, id: &str, on: bool) {
        let mut ticked = self.ticked();
        if on {
            ticked.insert(id.to_owned());
        } else {
            ticked.remove(id);
        }
        self.state.selection = Some(ticked);
    }

    /// Opens datasets or report texts (several are merged); on failure the current dataset
    /// stays and the error is shown.
    pub fn open(&mut self, paths: &[PathBuf]) {
        // Until the region picker is wired, the window shows the first region opened.
        match open::open_paths(paths).map(open::Collection::into_first) {
            Ok(Some(opened)) => {
                self.data_name = opened.name();
                let data = opened.data;
                self.state.selection = Some(selection::preset(&data, Preset::Headline))
                    .filter(|s| !s.is_empty())
                    .or_else(|| Some(selection::preset(&data, Preset::All)));
                self.data = data;
                self.state.chart.draft = opened.draft;
                self.details = None;
                self.error = None;
                self.reset_plot = true;
            }
            Ok(None) => {}
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Saves the dataset shown (a corrected draft, a merge) as schema-1 JSON.
    fn save_json(&mut self) {
        let t = self.state.chart.lang.texts();
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
        let written = serde_json::to_string_pretty(&self.data)
            .map_err(std::io::Error::other)
            .and_then(|json| crate::files::write_atomic(&path, json.as_bytes()));
        match written {
            Ok(()) => self.info = Some(format!("{} {}", t.saved, path.display())),
            Err(e) => self.error = Some(format!("{}: cannot write: {e}", path.display())),
        }
    }

    fn run_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                AppCommand::OpenDialog => {
                    let picked = rfd::FileDialog::new()
                        .add_filter(self.state.chart.lang.texts().open_filter, &["json", "txt"])
                        .add_filter("*", &["*"])
                        .pick_files();
                    if let Some(paths) = picked {
                        self.open(&paths);
                    }
                }
                AppCommand::Open(paths) => self.open(&paths),
                AppCommand::SaveJson => self.save_json(),
                AppCommand::ApplyPreset(preset) => {
                    self.state.selection = Some(selection::preset(&self.data, preset));
                }
                AppCommand::FocusSearch => self.focus_search = true,
                AppCommand::ResetPlot => self.reset_plot = true,
                AppCommand::OpenExport => {
                    let dialog = &mut self.export;
                    dialog.open = true;
                    dialog.lang = self.state.chart.lang;
                    dialog.file_name = export_dialog::default_file_name(self.state.chart.view);
                    dialog.message = None;
                }
                AppCommand::SaveExport => self.save_export(),
                AppCommand::CopyChart => self.copy_chart(ctx),
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

    /// Renders the export image unless the one kept was made from the same settings and
    /// selection. Returns whether a new image was made.
    pub fn refresh_export_image(&mut self) -> Result<bool, String> {
        let settings = self.export.settings(&self.state.chart);
        let ids: Vec<String> = self.selected().iter().map(|i| i.id.clone()).collect();
        if matches!(&self.export.image, Some((s, i, _)) if *s == settings && *i == ids) {
            return Ok(false);
        }
        let renderer = match &mut self.renderer {
            Some(renderer) => renderer,
            None => self
                .renderer
                .insert(Renderer::new().map_err(|e| e.to_string())?),
        };
        let ticked = ids.iter().cloned().collect();
        let selected = selection::indicators(&self.data, &ticked);
        let image = renderer
            .render(&self.data, &selected, &settings)
            .map_err(|e| e.to_string())?;
        self.export.image = Some((settings, ids, image));
        Ok(true)
    }

    fn save_export(&mut self) {
        let t = self.state.chart.lang.texts();
        if let Err(e) = self.refresh_export_image() {
            self.export.message = Some(Err(e));
            return;
        }
        let Some(path) = rfd::FileDialog::new()
            .add_filter("PNG", &["png"])
            .set_file_name(&self.export.file_name)
            .save_file()
        else {
            return;
        };
        let Some((_, _, image)) = &self.export.image else {
            return;
        };
        self.export.message = Some(
            render::write_png(&path, image)
                .map(|p| format!("{} {}", t.saved, p.display()))
                .map_err(|e| e.to_string()),
        );
    }

    fn copy_chart(&mut self, ctx: &egui::Context) {
        let t = self.state.chart.lang.texts();
        self.export.message = Some(match self.refresh_export_image() {
            Ok(_) => match &self.export.image {
                Some((_, _, image)) => {
                    ctx.copy_image(image.clone());
                    Ok(t.copied.to_owned())
                }
                None => Err(t.copy_failed.to_owned()),
            },
            Err(e) => Err(e),
        });
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        let export = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
        let copy = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
        ctx.input_mut(|i| {
            if i.consume_shortcut(&export) {
                self.commands.push(AppCommand::OpenExport);
            }
            if i.consume_shortcut(&copy) {
                self.commands.push(AppCommand::CopyChart);
            }
            if i.consume_shortcut(&open) {
                self.commands.push(AppCommand::OpenDialog);
            }
            if i.consume_shortcut(&find) {
                self.commands.push(AppCommand::FocusSearch);
            }
            if !typing {
                let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
                for (key, view) in keys.into_iter().zip(View::ALL) {
                    if i.consume_key(Modifiers::NONE, key) {
                        self.state.chart.view = view;
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
                self.commands.push(AppCommand::Open(dropped));
            }
        });
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        if let Some(error) = self.error.clone() {
            let t = self.state.chart.lang.texts();
            egui::Frame::new()
                .fill(ui.visuals().extreme_bg_color)
                .stroke(egui::Stroke::new(1.0, ui.visuals().error_fg_color))
                .inner_margin(8.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.colored_label(ui.visuals().error_fg_color, t.open_failed);
                        if ui.button(t.dismiss).clicked() {
                            self.error = None;
                        }
                    });
                    ui.label(egui::RichText::new(error).monospace());
                });
            ui.add_space(6.0);
        }
        if let Some(info) = self.info.clone() {
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(info).color(ui.visuals().hyperlink_color));
                if ui
                    .small_button(self.state.chart.lang.texts().dismiss)
                    .clicked()
                {
                    self.info = None;
                }
            });
        }
        let reset = std::mem::take(&mut self.reset_plot);
        let ticked = self.ticked();
        let selected = selection::indicators(&self.data, &ticked);
        let response = chart::show(
            ui,
            &self.data,
            &selected,
            &mut self.state.chart,
            Mode::Interactive { reset },
        );
        if let Some(id) = response.clicked {
            self.details = Some(id);
        }
        self.drawn = response.drawn;
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
        self.handle_keys(&ctx);
        top_bar::show(self, ui);
        side_panel::show(self, ui);
        details::show(self, ui);
        egui::CentralPanel::default().show(ui, |ui| self.central(ui));
        export_dialog::show(self, &ctx);
        self.run_commands(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

/// Opens the window. Files given on the command line are opened in it.
pub fn run_native(files: Vec<PathBuf>) -> eframe::Result {
    let started = std::time::Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_app_id("gwr-charts")
            .with_title("gwr-charts")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
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
