//! The eframe app: owns the state, applies the commands the UI returns, and
//! is the one place where dialogs, files and the clock meet the interface.
//!
//! Loading is separate from dialogs ([`RunbookApp::open_path`] vs the
//! native dialog), so tests drive it without a window. Incidents go through
//! the [`Service`], the same one the command line uses; each open incident
//! has a `Live` handle whose writer thread does every durable write, and
//! the service's jobs open long incidents and read the list on threads of
//! their own, so no frame ever waits on the disk. The app has no thread of
//! its own: it polls them once a frame.
//!
//! `current.rs` is the plan on screen, `incidents.rs` the incidents in the
//! window; this file holds the state, applies commands and draws a frame.

pub mod board;
mod current;
mod incidents;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use current::{Current, bundled};
use incidents::Tab;

use crate::i18n::Lang;
use crate::io::notify::{Desktop, Notifier, Off, Pressing};
use crate::model::incident::{ClockKind, Stage};
use crate::model::plan::Plan;
use crate::service::context::Overrides;
use crate::service::jobs::{Listing, Opening};
use crate::service::{Context, Service};
use crate::ui::incident::IncidentKey;
use crate::ui::incident::list::IncidentRow;
use crate::ui::incident::{IncidentShown, declare};
use crate::ui::theme::{self, ThemePref};
use crate::ui::{self, Command, Failed, Shown, View, ViewState};

pub use crate::assets::{BUNDLED_EN, BUNDLED_ZH};

/// How many recent plans are remembered.
const RECENT_MAX: usize = 8;
/// How often an open plan file is checked for changes, in seconds.
const WATCH_SECS: f64 = 1.0;
/// How long a notice stays, in seconds.
const NOTICE_SECS: f64 = 4.0;
/// How often the list of incidents is read again while the overview shows
/// it, in seconds (it reads every incident's logs).
const LIST_SECS: f64 = 10.0;
/// How often the window redraws while an incident is open: the clocks count
/// down and the writer's answers arrive.
const TICK: Duration = Duration::from_millis(500);

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
    /// The operator's name, remembered from the last declaration.
    pub operator: Option<String>,
    /// No sound with the clocks' alerts.
    pub mute_sound: bool,
    /// No sound with the clocks' alerts of drills.
    pub mute_drills: bool,
}

const SETTINGS_KEY: &str = "runbook-settings";

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
    service: Service,
    tabs: Vec<Tab>,
    next_key: u64,
    rows: Vec<IncidentRow>,
    /// An incident being opened on another thread.
    opening: Option<Opening>,
    /// The incidents in the data folder, read as they change.
    listing: Listing,
    next_rows: f64,
    crash_offer: Option<PathBuf>,
    /// The incidents found at start-up are still being read: one that
    /// crashed is offered for resuming when its row comes.
    offer_crash: bool,
    title: String,
    /// Whether a written binder or report is opened in the system's
    /// browser: the real app does, tests of the window do not.
    open_written: bool,
    /// Frames to show before closing, when measuring start-up (`--first-frame`).
    frames_left: Option<u8>,
    /// What every record says, as last read for the Lessons.
    learned: Option<crate::ui::lessons::Learned>,
    /// The open incidents whose wall board is open, each in a viewport.
    boards: Vec<crate::ui::incident::IncidentKey>,
    /// Desktop notifications of the clocks' alerts.
    notifier: Box<dyn Notifier>,
    /// The alerts notified already: incident, clock, due time, stage.
    alerted: Vec<(IncidentKey, ClockKind, chrono::DateTime<chrono::Utc>, Stage)>,
    /// Whether the app said that notifications do not work here.
    said_no_notifications: bool,
}

impl RunbookApp {
    /// Builds the app for eframe: fonts, settings, the plan to show, and the
    /// incident service with what the command line said (`--data-dir`,
    /// `--operator`, `--device`).
    #[must_use]
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        plan: Option<PathBuf>,
        system_fonts: bool,
        mut overrides: Overrides,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        if overrides.operator.is_none() {
            overrides.operator.clone_from(&settings.operator);
        }
        let service = Service::new(Context::from_env(overrides));
        let mut app = Self::with_service(&cc.egui_ctx, settings, plan, system_fonts, service);
        app.open_written = true;
        app.notifier = Box::new(Desktop::default());
        app
    }

    /// Builds the app from given settings, with incidents where the
    /// environment says (tests of the reading views use this).
    #[must_use]
    pub fn with_settings(
        ctx: &egui::Context,
        settings: Settings,
        plan: Option<PathBuf>,
        system_fonts: bool,
    ) -> Self {
        let service = Service::new(Context::from_env(Overrides {
            operator: settings.operator.clone(),
            ..Overrides::default()
        }));
        Self::with_service(ctx, settings, plan, system_fonts, service)
    }

    /// Builds the app from given settings and an incident service (tests
    /// give one with a temporary data folder and a clock they move).
    #[must_use]
    pub fn with_service(
        ctx: &egui::Context,
        settings: Settings,
        plan: Option<PathBuf>,
        system_fonts: bool,
        service: Service,
    ) -> Self {
        ui::fonts::install(ctx, system_fonts);
        settings.theme.apply(ctx);
        // The app's own Ctrl+/Ctrl− shortcuts zoom (one path, listed in the
        // help overlay); egui's built-in ones would zoom a second time.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let repaint = ctx.clone();
        let listing = Listing::new(service.clone(), Arc::new(move || repaint.request_repaint()));
        let mut app = Self {
            current: bundled(Lang::Zh),
            settings,
            failed: None,
            views: ViewState::default(),
            notice: None,
            next_watch: 0.0,
            ctx: ctx.clone(),
            system_lang: Lang::from_env(),
            service,
            tabs: Vec::new(),
            next_key: 1,
            rows: Vec::new(),
            opening: None,
            listing,
            next_rows: 0.0,
            crash_offer: None,
            offer_crash: true,
            title: String::new(),
            open_written: false,
            frames_left: None,
            learned: None,
            boards: Vec::new(),
            notifier: Box::new(Off),
            alerted: Vec::new(),
            said_no_notifications: false,
        };
        if let Some(path) = plan.or_else(|| app.settings.last_plan.clone()) {
            app.open_path(&path);
        }
        app.refresh_rows();
        // A crash left an incident open on this laptop: offer it first.
        app.crash_offer = app
            .rows
            .iter()
            .find(|r| r.crashed && r.open)
            .map(|r| r.dir.clone());
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
            Command::PrintPlan(path) => self.print_plan(path),
            Command::WritePaper { key, paper, path } => self.write_paper(key, paper, path),
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
            Command::JoinFolder(folder) => {
                if let Some(folder) = folder.or_else(|| rfd::FileDialog::new().pick_folder()) {
                    self.join(&folder);
                }
            }
            Command::ReadRecords => self.read_records(),
            Command::ShowDeclare => {
                let operator = self.service.context().operator().to_owned();
                let form = self
                    .views
                    .declare_kept
                    .take()
                    .unwrap_or_else(|| declare::Form::new(&operator));
                self.views.declare = Some(form);
            }
            Command::Declare {
                declaration,
                operator,
            } => self.declare(declaration, &operator),
            Command::Resume(dir) => self.resume(&dir),
            Command::Act {
                key,
                action,
                happened_at,
            } => {
                let tr = self.lang().tr();
                let Some(tab) = self.tabs.iter_mut().find(|t| t.key == key) else {
                    return;
                };
                if let Err(refusal) = tab.live.submit(action, happened_at) {
                    self.views.incident.refusal = Some((tr.incident.refusal)(&refusal));
                }
            }
            Command::Undo { key } => {
                let tr = self.lang().tr();
                let Some(tab) = self.tabs.iter_mut().find(|t| t.key == key) else {
                    return;
                };
                self.views.incident.refusal = tab
                    .live
                    .undo()
                    .err()
                    .map(|refusal| (tr.incident.refusal)(&refusal));
            }
            Command::ContinueLog { key, folder } => {
                let folder = folder.or_else(|| rfd::FileDialog::new().pick_folder());
                if let (Some(tab), Some(folder)) =
                    (self.tabs.iter_mut().find(|t| t.key == key), folder)
                {
                    tab.live.continue_in(&folder);
                }
            }
            Command::DismissCrash => self.crash_offer = None,
            Command::ToggleSound { drills } => {
                if drills {
                    self.settings.mute_drills = !self.settings.mute_drills;
                } else {
                    self.settings.mute_sound = !self.settings.mute_sound;
                }
            }
            Command::OpenBoard(key) => {
                if !self.boards.contains(&key) {
                    self.boards.push(key);
                }
            }
        }
    }

    /// The window's title names the incident on screen, and says DRILL.
    fn update_title(&mut self) {
        let tr = self.lang().tr();
        let active = self.views.incident.active;
        let on_screen = self.views.view == View::Incident;
        let tab = self
            .tabs
            .iter()
            .find(|t| on_screen && Some(t.key) == active);
        let title = match tab.map(|t| t.live.projected()) {
            Some(s) if s.is_drill() => {
                format!("[{}] {} — runbook", tr.walk.drill_banner, s.title())
            }
            Some(s) => format!("{} — runbook", s.title()),
            None => "runbook".to_owned(),
        };
        if title != self.title {
            self.ctx
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window's title as last set.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The wall boards open, each in its viewport; one closed, or whose
    /// incident is no longer open here, goes.
    fn boards_ui(&mut self) {
        let lang = self.lang();
        let dark = self.settings.theme == ThemePref::Dark;
        let times = self.service.context().times();
        let tabs = &self.tabs;
        let ctx = &self.ctx;
        self.boards.retain(|key| {
            tabs.iter().find(|t| t.key == *key).is_some_and(|t| {
                board::viewport_ui(
                    ctx,
                    *key,
                    lang,
                    dark,
                    times,
                    (t.live.plan(), t.live.saved()),
                )
            })
        });
    }

    /// Notifies each clock's alert once, as it first stands: with its
    /// sound unless muted; the notification only carries the sound while
    /// the window has the focus (the banner is in front of the operator),
    /// and is shown whether muted or not when it has not. Says once when
    /// notifications do not work here.
    fn notify_alerts(&mut self) {
        let tr = self.lang().tr();
        let times = self.service.context().times();
        let focused = self.ctx.input(|i| i.viewport().focused) == Some(true);
        for tab in &self.tabs {
            let inc = tab.live.projected();
            for alert in inc.alerts(tab.live.plan(), times.now()) {
                let seen = (
                    tab.key,
                    alert.clock.kind.clone(),
                    alert.clock.due,
                    alert.stage,
                );
                if self.alerted.contains(&seen) {
                    continue;
                }
                self.alerted.push(seen);
                let sound =
                    !(self.settings.mute_sound || (inc.is_drill() && self.settings.mute_drills));
                if focused && !sound {
                    continue;
                }
                let pressing = match alert.stage {
                    Stage::Red => Pressing::Past,
                    Stage::Amber => Pressing::Near,
                };
                self.notifier.notify(
                    &(tr.board.notification_title)(inc.title()),
                    &crate::ui::incident::alerts::headline(tr, &times, &alert),
                    pressing,
                    sound,
                );
            }
        }
        if let Some(why) = self.notifier.failure()
            && !self.said_no_notifications
        {
            self.said_no_notifications = true;
            self.notify((tr.board.no_notifications)(&why));
        }
    }

    /// Replaces the desktop's notifications (tests record them instead).
    pub fn set_notifier(&mut self, notifier: Box<dyn Notifier>) {
        self.notifier = notifier;
    }

    /// Whether the wall board of an open incident is open.
    #[must_use]
    pub fn board_open(&self, key: crate::ui::incident::IncidentKey) -> bool {
        self.boards.contains(&key)
    }

    fn notify(&mut self, text: String) {
        let now = self.ctx.input(|i| i.time);
        self.notice = Some((text, now + NOTICE_SECS));
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
        self.poll_incidents();
        self.poll_opening();
        self.poll_listing();
        if self.views.view == View::Overview && now > self.next_rows {
            self.refresh_rows();
        }
        self.update_title();
        let incidents: Vec<IncidentShown<'_>> = self
            .tabs
            .iter()
            .map(|t| IncidentShown {
                key: t.key,
                dir: t.live.dir(),
                plan: t.live.plan(),
                saved: t.live.saved(),
                projected: t.live.projected(),
                pending: t.live.pending().collect(),
                unsaved: t.live.unsaved(),
                failure: t.live.failure(),
                notices: t.live.notices(),
                head: t.live.head(),
                rescue_places: &t.rescue_places,
                plan_differs: t.live.projected().plan_sha256() != self.current.sha256,
            })
            .collect();
        let crash_offer = self
            .crash_offer
            .as_ref()
            .and_then(|dir| self.rows.iter().find(|r| &r.dir == dir));
        let shown = Shown {
            lang: self.settings.lang.unwrap_or(self.system_lang),
            dark: self.settings.theme == ThemePref::Dark,
            plan: &self.current.plan,
            plan_sha256: &self.current.sha256,
            plan_name: &self.current.name,
            source: &self.current.source,
            warnings: &self.current.warnings,
            failed: self.failed.as_ref(),
            recent: &self.settings.recent,
            notice: self.notice.as_ref().map(|(n, _)| n.as_str()),
            times: self.service.context().times(),
            incidents: &incidents,
            rows: &self.rows,
            crash_offer,
            operator: self.service.context().operator(),
            opening: self.opening(),
            learned: self.learned.as_ref(),
            mute: (self.settings.mute_sound, self.settings.mute_drills),
        };
        let commands = ui::ui(ui, &shown, &mut self.views);
        drop(incidents);
        for command in commands {
            self.apply(command);
        }
        self.boards_ui();
        self.notify_alerts();
        if !self.tabs.is_empty() {
            self.ctx.request_repaint_after(TICK);
        }
        // Measuring start-up: the first frame is on screen once the second
        // one is asked for; then the window closes as a desktop closes it.
        if let Some(left) = &mut self.frames_left {
            if *left == 0 {
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                *left -= 1;
                self.ctx.request_repaint();
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        self.finish_incidents();
    }
}

/// Opens the window; the caller has asked [`display_missing`] first, to
/// say so in its own words.
///
/// # Errors
/// When the window or its renderer cannot be created.
pub fn run(plan: Option<PathBuf>, overrides: Overrides, first_frame: bool) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: with_icon(
            egui::ViewportBuilder::default()
                .with_title("runbook")
                // The desktop entry's name: the task bar matches the window
                // to its menu entry and icon by it.
                .with_app_id("runbook")
                .with_inner_size([1280.0, 800.0])
                .with_min_inner_size([720.0, 480.0])
                .with_drag_and_drop(true),
        ),
        // The app installs a guarded system-font fallback itself (ui::fonts).
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "runbook",
        options,
        Box::new(move |cc| {
            let mut app = RunbookApp::new(cc, plan, true, overrides);
            app.frames_left = first_frame.then_some(1);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}

/// Whether there is no display to open a window on (over SSH, or on a
/// console), so the command line can say so in plain words, in the
/// operator's language, instead of the windowing library's error.
#[must_use]
pub fn display_missing() -> bool {
    cfg!(all(unix, not(target_os = "macos")))
        && ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
            .iter()
            .all(|v| std::env::var_os(v).is_none_or(|x| x.is_empty()))
}

/// The application's icon (`assets/icon/`, rendered from its SVG by
/// `scripts/icon.sh`), so the task bar shows runbook's own, not a generic one.
fn with_icon(viewport: egui::ViewportBuilder) -> egui::ViewportBuilder {
    match eframe::icon_data::from_png_bytes(crate::assets::ICON_PNG) {
        Ok(icon) => viewport.with_icon(icon),
        // The committed PNG always decodes; without it the window is the same.
        Err(_) => viewport,
    }
}

/// Asks the native dialog where to save an HTML file, offering `name`.
fn ask_where_to_save(name: &str) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_file_name(name)
        .add_filter("HTML", &["html"])
        .save_file()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_the_applications_own() {
        let viewport = super::with_icon(egui::ViewportBuilder::default());
        let icon = viewport.icon.as_deref().map(|i| (i.width, i.height));
        assert_eq!(icon, Some((256, 256)));
    }
}
