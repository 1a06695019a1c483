//! The eframe app: owns the state, applies the commands the UI returns, and
//! is the one place where dialogs, files and the clock meet the interface.
//!
//! Loading is separate from dialogs ([`RunbookApp::open_path`] vs the
//! native dialog), so tests drive it without a window. Incidents go through
//! the [`Service`], the same one the command line uses; each open incident
//! has a [`Live`] handle whose writer thread does every durable write, so no
//! frame ever waits on the disk.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::io::{log, plan_file};
use crate::model::plan::{self, Diagnostic, Plan};
use crate::service::context::Overrides;
use crate::service::live::Update;
use crate::service::{Context, Live, Service};
use crate::ui::incident::list::IncidentRow;
use crate::ui::incident::{IncidentKey, IncidentShown, declare};
use crate::ui::theme::{self, ThemePref};
use crate::ui::{self, Command, Failed, Shown, Source, View, ViewState};

pub use crate::io::plan_file::{BUNDLED_EN, BUNDLED_ZH};

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
    /// The exact bytes, pinned in an incident declared under this plan.
    bytes: Vec<u8>,
    /// Their SHA-256, to tell whether an incident runs under this plan.
    sha256: String,
}

/// An incident open in the window.
struct Tab {
    key: IncidentKey,
    live: Live,
    rescue_places: Vec<PathBuf>,
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
    service: Service,
    tabs: Vec<Tab>,
    next_key: u64,
    rows: Vec<IncidentRow>,
    /// An incident being opened on another thread.
    opening: Option<Opening>,
    /// Each incident folder's row as last read, with its logs' sizes and
    /// times then: a row is read again only when a log changed, so the
    /// list never replays a long incident on every refresh.
    rows_read: HashMap<PathBuf, (Signature, IncidentRow)>,
    /// Folders whose long logs are being read for the list on other
    /// threads, and where their rows come back.
    listing: HashSet<PathBuf>,
    listed: Channel<Listed>,
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
                let msg = diags
                    .first()
                    .map(|d| d.headline(name, Lang::En.tr().plan))
                    .unwrap_or_default();
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
        bytes: bytes.to_vec(),
        sha256: log::sha256_hex(bytes),
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
            rows_read: HashMap::new(),
            listing: HashSet::new(),
            listed: Channel::new(),
            next_rows: 0.0,
            crash_offer: None,
            offer_crash: true,
            title: String::new(),
            open_written: false,
            frames_left: None,
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
                    sha256: log::sha256_hex(&file.bytes),
                    bytes: file.bytes,
                };
                self.failed = None;
                self.views.open = None;
                self.settings.last_plan = Some(path.to_owned());
                self.settings.recent.retain(|p| p != path);
                self.settings.recent.insert(0, path.to_owned());
                self.settings.recent.truncate(RECENT_MAX);
            }
            Err(diagnostics) => {
                self.failed = Some(Failed {
                    name,
                    diagnostics,
                    text: plan::input::display_text(&file.bytes).into_owned(),
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
            Command::ContinueLog { key, folder } => {
                let folder = folder.or_else(|| rfd::FileDialog::new().pick_folder());
                if let (Some(tab), Some(folder)) =
                    (self.tabs.iter_mut().find(|t| t.key == key), folder)
                {
                    tab.live.continue_in(&folder);
                }
            }
            Command::DismissCrash => self.crash_offer = None,
        }
    }

    /// Writes the plan on screen as a binder (`runbook print`'s file) and
    /// opens it in the browser; says where it went either way.
    fn print_plan(&mut self, path: Option<PathBuf>) {
        let name = format!("{}.html", self.current.plan.doc().meta.title);
        let Some(path) = path.or_else(|| ask_where_to_save(&name)) else {
            return;
        };
        let html = crate::paper::binder::binder(&self.current.plan, ui::fonts::CJK_FONT);
        self.paper_written(
            &path,
            crate::io::output::write_atomic(&path, html.as_bytes()),
        );
    }

    /// Writes a paper about an open incident, from its record as saved.
    fn write_paper(&mut self, key: IncidentKey, paper: crate::paper::Paper, path: Option<PathBuf>) {
        let Some(tab) = self.tabs.iter().find(|t| t.key == key) else {
            return;
        };
        let dir = tab.live.dir().to_path_buf();
        let name = format!(
            "{}-{}.html",
            dir.file_name()
                .map_or_else(|| "incident".into(), |n| n.to_string_lossy()),
            paper.slug()
        );
        let Some(path) = path.or_else(|| ask_where_to_save(&name)) else {
            return;
        };
        let times = self.service.context().times();
        let doc = paper.build(
            tab.live.plan(),
            tab.live.saved(),
            &times,
            &crate::service::verification(&dir),
        );
        let html = doc.html(ui::fonts::CJK_FONT);
        self.paper_written(
            &path,
            crate::io::output::write_atomic(&path, html.as_bytes()),
        );
    }

    /// Says where a binder or a report was written, opening it in the
    /// browser when the app does that (the real app; not tests).
    fn paper_written(&mut self, path: &Path, written: anyhow::Result<()>) {
        let tr = self.lang().tr();
        let text = match written {
            Ok(()) => {
                let opened =
                    self.open_written && crate::io::platform::open_in_browser(path).is_ok();
                (tr.paper_written)(&path.display().to_string(), opened)
            }
            Err(e) => (tr.paper_failed)(&format!("{e:#}")),
        };
        self.notify(text);
    }

    /// Declares an incident under the plan on screen and opens it.
    fn declare(&mut self, declaration: crate::model::incident::Declaration, operator: &str) {
        self.remember_operator(operator);
        let title = declaration.title.clone();
        let result = self
            .service
            .declare(&self.current.plan, &self.current.bytes, declaration);
        match result {
            Ok(open) => {
                self.open_tab(open);
                self.refresh_rows();
                let text = (self.lang().tr().walk.declared)(&title);
                self.notify(text);
            }
            Err(e) => {
                let text = (self.lang().tr().incident.failure)(&e);
                self.notify(text);
            }
        }
    }

    fn remember_operator(&mut self, operator: &str) {
        if operator.trim().is_empty() {
            return;
        }
        self.service.context_mut().set_operator(operator);
        for tab in &mut self.tabs {
            tab.live.set_operator(operator);
        }
        self.settings.operator = Some(operator.trim().to_owned());
    }

    /// Opens an incident's folder in the window, or shows it if it is open.
    pub fn resume(&mut self, dir: &Path) {
        self.crash_offer = None;
        if let Some(key) = self.tab_for(dir) {
            self.show_tab(key);
            return;
        }
        if self.opening.as_ref().is_some_and(|o| o.dir == dir) {
            return;
        }
        // A long log takes a while to read and replay: on another thread,
        // with a progress bar, so that the window keeps answering.
        let total: u64 = crate::io::incident_dir::read::folder_signature(dir, None)
            .iter()
            .map(|(_, len, _)| len)
            .sum();
        if total >= OPEN_IN_BACKGROUND_BYTES
            && let Some(opening) =
                Opening::start(dir, total, self.service.clone(), self.ctx.clone())
        {
            self.opening = Some(opening);
            return;
        }
        // A short log, or no thread to be had: read it here.
        let opened = self.service.open(dir);
        self.opened(opened);
    }

    /// Shows an incident that opened, or says why it did not.
    fn opened(
        &mut self,
        opened: Result<
            crate::io::incident_dir::OpenIncident,
            crate::io::incident_dir::IncidentError,
        >,
    ) {
        match opened {
            Ok(open) => {
                self.open_tab(open);
                self.refresh_rows();
            }
            Err(e) => {
                let text = (self.lang().tr().incident.failure)(&e);
                self.notify(text);
            }
        }
    }

    /// Takes the incident opening in the background, once it is open.
    fn poll_opening(&mut self) {
        let Some(opening) = &self.opening else {
            return;
        };
        match opening.replies.try_recv() {
            Ok(opened) => {
                self.opening = None;
                self.opened(opened);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                self.ctx.request_repaint_after(Duration::from_millis(100));
            }
            // The thread ended without an answer (it cannot, short of a bug).
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.opening = None;
                self.notify(self.lang().tr().walk.opening_stopped.to_owned());
            }
        }
    }

    /// The incident being opened in the background: its folder's name, and
    /// how much of its logs was read, of how much (bytes).
    #[must_use]
    pub fn opening(&self) -> Option<(String, u64, u64)> {
        self.opening.as_ref().map(|o| {
            let name = o
                .dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let read = o.read.load(std::sync::atomic::Ordering::Relaxed);
            (name, read, o.total)
        })
    }

    /// Joins an incident folder from another laptop and opens it.
    pub fn join(&mut self, folder: &Path) {
        match self.service.join(folder) {
            Ok(dir) => {
                self.refresh_rows();
                self.resume(&dir);
            }
            Err(e) => {
                let text = (self.lang().tr().incident.failure)(&e);
                self.notify(text);
            }
        }
    }

    fn tab_for(&self, dir: &Path) -> Option<IncidentKey> {
        let wanted = dir.canonicalize().ok();
        let same = |a: &Path| a == dir || (wanted.is_some() && a.canonicalize().ok() == wanted);
        self.tabs.iter().find(|t| same(t.live.dir())).map(|t| t.key)
    }

    /// Shows an incident opened elsewhere (tests hand one over whose log
    /// fails, to see the window keep every entry).
    pub fn open_incident(&mut self, open: crate::io::incident_dir::OpenIncident) {
        self.open_tab(open);
        self.refresh_rows();
    }

    fn open_tab(&mut self, open: crate::io::incident_dir::OpenIncident) {
        let key = IncidentKey(self.next_key);
        self.next_key += 1;
        let rescue_places = self.service.rescue_places(open.dir());
        let live = self.service.go_live(open);
        self.tabs.push(Tab {
            key,
            live,
            rescue_places,
        });
        self.show_tab(key);
    }

    fn show_tab(&mut self, key: IncidentKey) {
        self.views.view = View::Incident;
        if self.views.incident.active != Some(key) {
            self.views.incident = ui::incident::State::of(key);
        }
    }

    /// The incidents open in the window (tests read their writers' state).
    pub fn incidents(&self) -> impl Iterator<Item = &Live> {
        self.tabs.iter().map(|t| &t.live)
    }

    /// The incidents open in the window (tests wait for their writers).
    pub fn incidents_mut(&mut self) -> impl Iterator<Item = &mut Live> {
        self.tabs.iter_mut().map(|t| &mut t.live)
    }

    /// Ends every incident's writing session cleanly (closing records), as
    /// quitting does.
    pub fn finish_incidents(&mut self) {
        for tab in self.tabs.drain(..) {
            let _ = tab.live.finish();
        }
    }

    /// The incidents in the data folder, as the overview lists them.
    #[must_use]
    pub fn rows(&self) -> &[IncidentRow] {
        &self.rows
    }

    /// Reads the list of incidents again.
    pub fn refresh_rows(&mut self) {
        let mut rows = Vec::new();
        let mut read = HashMap::new();
        for dir in self.service.incident_dirs() {
            let key = self.tab_for(&dir);
            let signature = crate::io::incident_dir::read::folder_signature(&dir, None);
            let live = key.and_then(|k| self.tabs.iter().find(|t| t.key == k));
            let row = match (live, self.rows_read.remove(&dir)) {
                // Open here: the window holds its state already.
                (Some(t), _) => row_from(dir.clone(), t.live.projected(), false, key),
                (None, Some((seen, row))) if seen == signature => IncidentRow { key, ..row },
                (None, stale) => {
                    let bytes: u64 = signature.iter().map(|(_, len, _)| len).sum();
                    if bytes >= OPEN_IN_BACKGROUND_BYTES
                        && self.list_in_background(&dir, signature.clone())
                    {
                        // Shown as it was, or by its folder's name, until
                        // it is read; kept with what it was read at, so the
                        // next refresh does not take it for read.
                        let (seen, row) = match stale {
                            Some((seen, row)) => (seen, IncidentRow { key, ..row }),
                            None => (
                                Signature::new(),
                                IncidentRow {
                                    reading: true,
                                    ..IncidentRow::of_folder(dir.clone(), key)
                                },
                            ),
                        };
                        read.insert(dir, (seen, row.clone()));
                        rows.push(row);
                        continue;
                    }
                    self.row_of(self.service.listed(dir.clone()), key)
                }
            };
            read.insert(dir, (signature, row.clone()));
            rows.push(row);
        }
        self.rows = rows;
        self.rows_read = read;
        self.next_rows = self.ctx.input(|i| i.time) + LIST_SECS;
    }

    /// Reads a folder for the list on another thread, unless it is being
    /// read already; `false` when no thread can be had. `signature` is what
    /// its logs were before reading: a change meanwhile reads them again.
    fn list_in_background(&mut self, dir: &Path, signature: Signature) -> bool {
        if self.listing.contains(dir) {
            return true;
        }
        let service = self.service.clone();
        let reply = self.listed.sender.clone();
        let ctx = self.ctx.clone();
        let folder = dir.to_owned();
        let started = std::thread::Builder::new()
            .name("incident-list".to_owned())
            .spawn(move || {
                // The row, not the incident, goes back: a long incident is
                // freed here too, not on the window's thread.
                let row = listed_row(service.listed(folder.clone()));
                let _ = reply.send((folder, signature, row));
                ctx.request_repaint();
            })
            .is_ok();
        if started {
            self.listing.insert(dir.to_owned());
        }
        started
    }

    /// Takes the rows read on other threads and lists them.
    fn poll_listing(&mut self) {
        let mut any = false;
        while let Ok((dir, signature, row)) = self.listed.replies.try_recv() {
            self.listing.remove(&dir);
            let key = self.tab_for(&dir);
            let row = self.keyed_row(dir.clone(), row, key);
            if self.offer_crash
                && self.crash_offer.is_none()
                && self.tabs.is_empty()
                && row.crashed
                && row.open
            {
                self.crash_offer = Some(row.dir.clone());
            }
            self.rows_read.insert(dir, (signature, row));
            any = true;
        }
        if any {
            self.refresh_rows();
        }
        if self.listing.is_empty() {
            self.offer_crash = false;
        }
    }

    /// The incident list's row for an incident read from its folder.
    fn row_of(&self, l: crate::service::Listed, key: Option<IncidentKey>) -> IncidentRow {
        let dir = l.dir.clone();
        self.keyed_row(dir, listed_row(l), key)
    }

    /// A row as read, for the incident open under `key` (or none), with why
    /// it cannot be read worded.
    fn keyed_row(
        &self,
        dir: PathBuf,
        row: Result<IncidentRow, crate::io::incident_dir::IncidentError>,
        key: Option<IncidentKey>,
    ) -> IncidentRow {
        match row {
            // Open here, its session is running, not crashed.
            Ok(row) => IncidentRow {
                crashed: row.crashed && key.is_none(),
                key,
                ..row
            },
            Err(e) => IncidentRow {
                unreadable: Some((self.lang().tr().incident.failure)(&e)),
                ..IncidentRow::of_folder(dir, key)
            },
        }
    }

    /// Takes what each incident's writer has answered.
    fn poll_incidents(&mut self) {
        let tr = self.lang().tr();
        let mut notices = Vec::new();
        for tab in &mut self.tabs {
            for update in tab.live.poll() {
                match update {
                    Update::Continued(path) => {
                        notices.push((tr.walk.continued)(&path.display().to_string()));
                        tab.rescue_places = self.service.rescue_places(tab.live.dir());
                    }
                    Update::ContinueFailed(path, e) => notices.push((tr.walk.continue_failed)(
                        &path.display().to_string(),
                        &(tr.incident.failure)(&e),
                    )),
                    Update::Saved(_) | Update::NotSaved(..) | Update::Arrived(_) => {}
                }
            }
        }
        for text in notices {
            self.notify(text);
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
        };
        let commands = ui::ui(ui, &shown, &mut self.views);
        drop(incidents);
        for command in commands {
            self.apply(command);
        }
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

/// Logs at least this long are opened on another thread, with a progress
/// bar: about 2,500 entries, a tenth of a second to read on an old laptop.
const OPEN_IN_BACKGROUND_BYTES: u64 = 1 << 20;

/// An incident being opened on another thread.
struct Opening {
    dir: PathBuf,
    /// Bytes of log read so far.
    read: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// The logs' size when opening began.
    total: u64,
    replies: std::sync::mpsc::Receiver<
        Result<crate::io::incident_dir::OpenIncident, crate::io::incident_dir::IncidentError>,
    >,
}

impl Opening {
    /// Starts opening `dir` on another thread; `None` when no thread can
    /// be had.
    fn start(dir: &Path, total: u64, service: Service, ctx: egui::Context) -> Option<Self> {
        let (reply, replies) = std::sync::mpsc::channel();
        let read = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let counter = std::sync::Arc::clone(&read);
        let folder = dir.to_owned();
        std::thread::Builder::new()
            .name("incident-open".to_owned())
            .spawn(move || {
                let opened = crate::io::progress::counting(&counter, || service.open(&folder));
                // The window may have gone: then nobody is waiting.
                let _ = reply.send(opened);
                ctx.request_repaint();
            })
            .ok()?;
        Some(Self {
            dir: dir.to_owned(),
            read,
            total,
            replies,
        })
    }
}

/// What a folder's logs were when it was read: each file's size and time.
type Signature = Vec<(PathBuf, u64, Option<std::time::SystemTime>)>;

/// An incident folder read for the list on another thread: its row, or
/// why it cannot be read.
type Listed = (
    PathBuf,
    Signature,
    Result<IncidentRow, crate::io::incident_dir::IncidentError>,
);

/// The row of an incident as read from its folder (open in no tab yet), or
/// why it cannot be read.
fn listed_row(
    l: crate::service::Listed,
) -> Result<IncidentRow, crate::io::incident_dir::IncidentError> {
    let crashed = l.crashed_open();
    l.state.map(|s| row_from(l.dir, &s, crashed, None))
}

/// Both ends of a channel, for replies from threads the app starts.
struct Channel<T> {
    sender: std::sync::mpsc::Sender<T>,
    replies: std::sync::mpsc::Receiver<T>,
}

impl<T> Channel<T> {
    fn new() -> Self {
        let (sender, replies) = std::sync::mpsc::channel();
        Self { sender, replies }
    }
}

/// The incident list's row for an incident's state.
fn row_from(
    dir: PathBuf,
    s: &crate::model::incident::Incident,
    crashed: bool,
    key: Option<IncidentKey>,
) -> IncidentRow {
    IncidentRow {
        dir,
        title: s.title().to_owned(),
        class: Some(s.class().clone()),
        level: Some(s.level().clone()),
        drill: s.is_drill(),
        open: s.is_open(),
        declared_at: Some(s.declared_at()),
        last_activity: Some(s.last_activity()),
        crashed,
        unreadable: None,
        reading: false,
        key,
    }
}

/// Opens the window.
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

/// The application's icon (`assets/icon/`, rendered from its SVG by
/// `scripts/icon.sh`), so the task bar shows runbook's own, not a generic one.
fn with_icon(viewport: egui::ViewportBuilder) -> egui::ViewportBuilder {
    match eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon/runbook-256.png")) {
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
