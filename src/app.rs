//! The eframe app: owns the state, applies the commands the UI returns, and
//! is the one place where dialogs, files and the clock meet the interface.
//!
//! Loading is separate from dialogs ([`RunbookApp::open_path`] vs the
//! native dialog), so tests drive it without a window.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::io::plan_file;
use crate::model::plan::{self, Diagnostic, Plan};
use crate::ui::theme::{self, ThemePref};
use crate::ui::{self, Command, Failed, Shown, Source, ViewState};

/// The bundled Chinese plan, compiled in so the app works from any folder.
pub const BUNDLED_ZH: &[u8] = include_bytes!("../plans/online-education-platform.ron");
/// The bundled English plan.
pub const BUNDLED_EN: &[u8] = include_bytes!("../plans/online-education-platform.en.ron");

/// How many recent plans are remembered.
const RECENT_MAX: usize = 8;
/// How often an open plan file is checked for changes, in seconds.
const WATCH_SECS: f64 = 1.0;
/// How long a notice stays, in seconds.
const NOTICE_SECS: f64 = 4.0;

/// What is remembered between runs (eframe storage).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interface language; `None` follows the system locale.
    pub lang: Option<Lang>,
    /// Light or dark.
    pub theme: ThemePref,
    /// Recently opened plan files, newest first.
    pub recent: Vec<PathBuf>,
    /// The plan file open when the app last closed; `None` for a bundled plan.
    pub last_plan: Option<PathBuf>,
}

const SETTINGS_KEY: &str = "runbook-settings";

/// The plan on screen.
#[derive(Debug)]
struct Current {
    plan: Plan,
    source: Source,
    name: String,
    warnings: Vec<Diagnostic>,
    /// The file's modification time and length when it was read.
    stamp: Option<(SystemTime, u64)>,
}

/// The application.
pub struct RunbookApp {
    settings: Settings,
    current: Current,
    failed: Option<Failed>,
    views: ViewState,
    notice: Option<(String, f64)>,
    next_watch: f64,
    ctx: egui::Context,
    /// The language the system locale asks for, read once at start-up.
    system_lang: Lang,
}

/// The bundled plan of a language. It is checked by the tests, so a failure
/// here is a build that should never have shipped; it still does not panic.
fn bundled(lang: Lang) -> Current {
    let (bytes, name) = match lang {
        Lang::Zh => (BUNDLED_ZH, "online-education-platform.ron"),
        Lang::En => (BUNDLED_EN, "online-education-platform.en.ron"),
    };
    let (plan, warnings) = match plan::parse(bytes) {
        Ok(checked) => (checked.plan, checked.warnings),
        Err(_) => match plan::parse(include_bytes!("../plans/minimal.ron")) {
            Ok(checked) => (checked.plan, checked.warnings),
            Err(diags) => {
                // Unreachable with the shipped files; keep the types honest.
                let msg = diags.first().map(|d| d.message.clone()).unwrap_or_default();
                unreachable_plan(&msg)
            }
        },
    };
    Current {
        plan,
        source: Source::Bundled(lang),
        name: name.to_owned(),
        warnings,
        stamp: None,
    }
}

#[allow(clippy::panic)] // Only if the plans compiled into the binary are invalid, which the tests rule out.
fn unreachable_plan(msg: &str) -> (Plan, Vec<Diagnostic>) {
    panic!("the bundled plans are invalid: {msg}")
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl RunbookApp {
    /// Builds the app for eframe: fonts, settings, and the plan to show.
    #[must_use]
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        plan: Option<PathBuf>,
        system_fonts: bool,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        Self::with_settings(&cc.egui_ctx, settings, plan, system_fonts)
    }

    /// Builds the app from given settings (tests use this).
    #[must_use]
    pub fn with_settings(
        ctx: &egui::Context,
        settings: Settings,
        plan: Option<PathBuf>,
        system_fonts: bool,
    ) -> Self {
        ui::fonts::install(ctx, system_fonts);
        settings.theme.apply(ctx);
        // The app's own Ctrl+/Ctrl− shortcuts zoom (one path, listed in the
        // help overlay); egui's built-in ones would zoom a second time.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let mut app = Self {
            current: bundled(Lang::Zh),
            settings,
            failed: None,
            views: ViewState::default(),
            notice: None,
            next_watch: 0.0,
            ctx: ctx.clone(),
            system_lang: Lang::from_env(),
        };
        if let Some(path) = plan.or_else(|| app.settings.last_plan.clone()) {
            app.open_path(&path);
        }
        app
    }

    /// The interface language.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.settings.lang.unwrap_or(self.system_lang)
    }

    /// The plan on screen.
    #[must_use]
    pub fn plan(&self) -> &Plan {
        &self.current.plan
    }

    /// The last failed load, if any.
    #[must_use]
    pub fn failed(&self) -> Option<&Failed> {
        self.failed.as_ref()
    }

    /// The view state (which view, selections).
    pub fn views_mut(&mut self) -> &mut ViewState {
        &mut self.views
    }

    /// The settings that will be saved.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Opens a plan file. On errors the plan on screen stays and the errors
    /// are shown; on success it replaces it and is remembered.
    pub fn open_path(&mut self, path: &Path) {
        let file = plan_file::load(path);
        let name = path.display().to_string();
        match file.outcome {
            Ok(checked) => {
                self.current = Current {
                    plan: checked.plan,
                    source: Source::File(path.to_owned()),
                    name: path
                        .file_name()
                        .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned()),
                    warnings: checked.warnings,
                    stamp: stamp(path),
                };
                self.failed = None;
                self.views.open = None;
                self.settings.last_plan = Some(path.to_owned());
                self.settings.recent.retain(|p| p != path);
                self.settings.recent.insert(0, path.to_owned());
                self.settings.recent.truncate(RECENT_MAX);
            }
            Err(ref diags) => {
                let text = plan::input::display_text(&file.bytes);
                self.failed = Some(Failed {
                    name,
                    errors: diags.iter().filter(|d| d.is_error()).count(),
                    rendered: diags
                        .iter()
                        .map(|d| d.render(&path.display().to_string(), &text))
                        .collect(),
                });
            }
        }
    }

    /// Applies one command from the UI.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::ShowOpen => {
                self.views.open.get_or_insert_with(Default::default);
            }
            Command::BrowseForPlan => self.browse(),
            Command::OpenPath(path) => self.open_path(&path),
            Command::OpenBundled(lang) => {
                self.current = bundled(lang);
                self.failed = None;
                self.settings.last_plan = None;
            }
            Command::Reload => self.reload(false),
            Command::SetLanguage(lang) => self.settings.lang = Some(lang),
            Command::ToggleTheme => {
                self.settings.theme = self.settings.theme.toggled();
                self.settings.theme.apply(&self.ctx);
            }
            Command::Zoom(step) => {
                let (lo, hi) = theme::ZOOM_RANGE;
                let zoom = match step {
                    0 => 1.0,
                    s => (self.ctx.zoom_factor() + f32::from(s) * theme::ZOOM_STEP).clamp(lo, hi),
                };
                self.ctx.set_zoom_factor(zoom);
            }
            Command::Copy(text) => {
                self.ctx.copy_text(text);
                self.notify(self.lang().tr().copied.to_owned());
            }
            Command::DismissErrors => self.failed = None,
            Command::Quit => self.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn notify(&mut self, text: String) {
        let now = self.ctx.input(|i| i.time);
        self.notice = Some((text, now + NOTICE_SECS));
    }

    fn reload(&mut self, changed_on_disk: bool) {
        match &self.current.source {
            Source::File(path) => {
                let path = path.clone();
                self.open_path(&path);
                if self.failed.is_none() {
                    let tr = self.lang().tr();
                    let text = if changed_on_disk {
                        (tr.plan_changed_on_disk)(&self.current.name)
                    } else {
                        (tr.reloaded)(&self.current.name)
                    };
                    self.notify(text);
                }
            }
            Source::Bundled(lang) => self.current = bundled(*lang),
        }
    }

    /// The native dialog; when it cannot open, the path field says so.
    fn browse(&mut self) {
        let started = std::time::Instant::now();
        let picked = rfd::FileDialog::new()
            .add_filter("RON", &["ron"])
            .pick_file();
        match picked {
            Some(path) => self.open_path(&path),
            // A dialog that was shown takes a person more than a moment to
            // cancel; returning at once means it could not be shown at all.
            None if started.elapsed().as_millis() < 300 => {
                self.views
                    .open
                    .get_or_insert_with(Default::default)
                    .dialog_failed = true;
            }
            None => {}
        }
    }

    /// Reloads the plan file when it changed on disk (for plan authors).
    fn watch(&mut self) {
        let now = self.ctx.input(|i| i.time);
        if now < self.next_watch {
            return;
        }
        self.next_watch = now + WATCH_SECS;
        if let Source::File(path) = &self.current.source {
            let fresh = stamp(path);
            if fresh.is_some() && fresh != self.current.stamp {
                self.current.stamp = fresh;
                self.reload(true);
            }
            self.ctx
                .request_repaint_after(std::time::Duration::from_secs_f64(WATCH_SECS));
        }
    }

    fn dropped_files(&mut self) {
        let dropped: Vec<PathBuf> = self.ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.open_path(&path);
        }
    }
}

impl eframe::App for RunbookApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.watch();
        self.dropped_files();
        let now = ui.input(|i| i.time);
        if self.notice.as_ref().is_some_and(|(_, until)| now > *until) {
            self.notice = None;
        }
        let shown = Shown {
            lang: self.lang(),
            dark: self.settings.theme == ThemePref::Dark,
            plan: &self.current.plan,
            plan_name: &self.current.name,
            source: &self.current.source,
            warnings: &self.current.warnings,
            failed: self.failed.as_ref(),
            recent: &self.settings.recent,
            notice: self.notice.as_ref().map(|(n, _)| n.as_str()),
        };
        let commands = ui::ui(ui, &shown, &mut self.views);
        for command in commands {
            self.apply(command);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

/// Opens the window.
///
/// # Errors
/// When the window or its renderer cannot be created.
pub fn run(plan: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("runbook")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        // The app installs a guarded system-font fallback itself (ui::fonts).
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "runbook",
        options,
        Box::new(move |cc| Ok(Box::new(RunbookApp::new(cc, plan, true)))),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}
