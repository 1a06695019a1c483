//! The wall board as a window: `runbook board`, a window of its own on an
//! incident folder, and "Wall board" in the main window, a second viewport
//! on an incident open there.
//!
//! `runbook board` may run on a laptop that only shares the folder, so it
//! reads the folder through the service's [`BoardWatch`] (read-only, no
//! lock) about once a second, and shows what it read; it never opens the
//! incident for writing. Its language and theme follow the main window's
//! settings, read (never written) from that window's settings file; it
//! keeps no settings of its own, so closing it can never overwrite the
//! main window's. The main window's board shows the incident as its writer
//! thread has it on disk, with every device's entries it brought in.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{SETTINGS_KEY, Settings};
use crate::i18n::Lang;
use crate::model::incident::Incident;
use crate::model::plan::Plan;
use crate::service::Service;
use crate::service::board::BoardWatch;
use crate::ui::board::{self as board_ui, BoardShown};
use crate::ui::incident::IncidentKey;
use crate::ui::theme::ThemePref;

/// How often the board looks at the folder for other devices' entries:
/// often enough that one shows within two seconds, and each look is a few
/// `stat` calls unless something changed.
pub const READ_EVERY: Duration = Duration::from_millis(800);
/// How often the main window's settings are read again.
const SETTINGS_EVERY: Duration = Duration::from_secs(5);

/// The board's own window (`runbook board`).
pub struct BoardApp {
    service: Service,
    watch: BoardWatch,
    /// The main window's settings file, read for the language and theme.
    settings_file: Option<PathBuf>,
    settings: Settings,
    system_lang: Lang,
    next_read: Instant,
    next_settings: Instant,
    title: String,
    fullscreen: bool,
}

impl BoardApp {
    /// The board on an incident folder, with the settings in
    /// `settings_file` (`None`: the defaults and the system locale).
    #[must_use]
    pub fn new(
        ctx: &egui::Context,
        service: Service,
        dir: &Path,
        settings_file: Option<PathBuf>,
        fullscreen: bool,
    ) -> Self {
        crate::ui::fonts::install(ctx, settings_file.is_some());
        let settings = settings_file
            .as_deref()
            .and_then(read_settings)
            .unwrap_or_default();
        settings.theme.apply(ctx);
        let watch = BoardWatch::new(&service, dir);
        Self {
            service,
            watch,
            settings_file,
            settings,
            system_lang: Lang::from_env(),
            next_read: Instant::now() + READ_EVERY,
            next_settings: Instant::now() + SETTINGS_EVERY,
            title: String::new(),
            fullscreen,
        }
    }

    /// The board with given settings and no settings file (tests).
    #[must_use]
    pub fn with_settings(
        ctx: &egui::Context,
        service: Service,
        dir: &Path,
        settings: Settings,
    ) -> Self {
        let mut app = Self::new(ctx, service, dir, None, false);
        settings.theme.apply(ctx);
        app.settings = settings;
        app
    }

    /// The incident folder on the board.
    #[must_use]
    pub fn dir(&self) -> &Path {
        self.watch.dir()
    }

    fn lang(&self) -> Lang {
        self.settings.lang.unwrap_or(self.system_lang)
    }

    /// Reads the folder again when it is time, and the settings.
    fn poll(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        if now >= self.next_read {
            self.watch.refresh(&self.service);
            self.next_read = now + READ_EVERY;
        }
        if now >= self.next_settings {
            if let Some(settings) = self.settings_file.as_deref().and_then(read_settings)
                && settings != self.settings
            {
                settings.theme.apply(ctx);
                self.settings = settings;
            }
            self.next_settings = now + SETTINGS_EVERY;
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let tr = self.lang().tr();
        let title = match self.watch.snapshot() {
            Some(snap) => (tr.board.window_title)(snap.incident.title()),
            None => (tr.board.window_title)(tr.board.no_incident),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for BoardApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll(&ctx);
        self.update_title(&ctx);
        // F11 fills the screen and gives it back; nothing else is a control.
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F11)) {
            self.fullscreen = !self.fullscreen;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.fullscreen));
        }
        let lang = self.lang();
        let problem = self
            .watch
            .problem()
            .map(|e| (lang.tr().board.unreadable)(&(lang.tr().incident.failure)(e)));
        let shown = BoardShown {
            lang,
            dark: self.settings.theme == ThemePref::Dark,
            times: self.service.context().times(),
            incident: self.watch.snapshot().map(|s| (&s.plan, &s.incident)),
            problem,
        };
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| board_ui::ui(ui, &shown));
        // The clocks count down, and the next look at the folder is due.
        ctx.request_repaint_after(Duration::from_millis(250));
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }
}

/// The main window's settings as its settings file holds them; `None` when
/// it cannot be read (not there yet, or being written this instant).
fn read_settings(path: &Path) -> Option<Settings> {
    let text = std::fs::read_to_string(path).ok()?;
    let kv: std::collections::HashMap<String, String> = ron::from_str(&text).ok()?;
    ron::from_str(kv.get(SETTINGS_KEY)?).ok()
}

/// The main window's settings file (eframe's storage for `runbook`).
fn main_settings_file() -> Option<PathBuf> {
    eframe::storage_dir("runbook").map(|d| d.join("app.ron"))
}

/// Opens the board's window on an incident folder.
///
/// # Errors
/// When the window or its renderer cannot be created.
pub fn run(service: Service, dir: PathBuf, fullscreen: bool) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: super::with_icon(
            egui::ViewportBuilder::default()
                .with_title("runbook")
                .with_app_id("runbook")
                .with_inner_size([1280.0, 720.0])
                .with_min_inner_size([480.0, 270.0])
                .with_fullscreen(fullscreen),
        ),
        system_font_fallback: false,
        // The board keeps nothing: no window geometry, no settings.
        persist_window: false,
        ..Default::default()
    };
    // A storage of its own, so that it never writes the main window's.
    eframe::run_native(
        "runbook-board",
        options,
        Box::new(move |cc| {
            Ok(Box::new(BoardApp::new(
                &cc.egui_ctx,
                service,
                &dir,
                main_settings_file(),
                fullscreen,
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the wall board's window could not be opened: {e}"))
}

/// The board of an incident open in the main window, in a second viewport
/// (a window of its own on the desktop; inside the main window where the
/// platform has no second windows). Returns `false` once it was closed.
pub(super) fn viewport_ui(
    ctx: &egui::Context,
    key: IncidentKey,
    lang: Lang,
    dark: bool,
    times: crate::i18n::time::Times,
    incident: (&Plan, &Incident),
) -> bool {
    let tr = lang.tr();
    let id = egui::ViewportId::from_hash_of(("wall-board", key.0));
    let builder = egui::ViewportBuilder::default()
        .with_title((tr.board.window_title)(incident.1.title()))
        .with_app_id("runbook")
        .with_inner_size([1280.0, 720.0])
        .with_min_inner_size([480.0, 270.0]);
    ctx.show_viewport_immediate(id, builder, |ui, class| {
        let shown = BoardShown {
            lang,
            dark,
            times,
            incident: Some(incident),
            problem: None,
        };
        if class == egui::ViewportClass::EmbeddedWindow {
            // Inside the main window: a 16:9 board of a fixed size.
            let size = egui::vec2(960.0, 540.0);
            ui.set_min_size(size);
            ui.set_max_size(size);
            board_ui::ui(ui, &shown);
            true
        } else {
            let ctx = ui.ctx().clone();
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F11)) {
                let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
            }
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| board_ui::ui(ui, &shown));
            !ctx.input(|i| i.viewport().close_requested())
        }
    })
}
