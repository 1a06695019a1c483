//! The window's panels. Each takes what it shows as arguments, keeps only
//! view state (selection, zoom, search text), and returns [`Command`]s for
//! anything that touches the world (files, dialogs, settings); the app
//! applies them. No file I/O here.
//!
//! One module per view (`overview`, [`org_chart`], `contacts`, `plan_text`,
//! `classes`, and [`incident`], which runs an incident: its list, declaring
//! and the walk); what they share is apart: [`theme`] decides every colour
//! and spacing, `widgets` draws the cards, chips, search highlights and tab
//! rows the views have in common, and [`fonts`] installs the fonts.

pub mod board;
pub mod fonts;
pub mod incident;
pub mod lessons;
pub mod org_chart;
pub mod theme;

mod classes;
mod contacts;
mod overview;
mod plan_text;
mod virtual_list;
mod widgets;

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::i18n::time::Times;
use crate::i18n::{Lang, Tr};
use crate::model::incident::{Action, Declaration};
use crate::model::plan::{Diagnostic, Plan};
use incident::list::IncidentRow;
use incident::{IncidentKey, IncidentShown};

/// The views, each one click or one shortcut away.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum View {
    /// Title, version, revision history.
    #[default]
    Overview,
    /// The organisation chart.
    Organisation,
    /// Call trees and the directory.
    Contacts,
    /// The plan's full text.
    Text,
    /// Fault classes and the level table.
    Classes,
    /// The incident being worked.
    Incident,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [Self; 6] = [
        Self::Overview,
        Self::Organisation,
        Self::Contacts,
        Self::Text,
        Self::Classes,
        Self::Incident,
    ];

    /// The view's name.
    #[must_use]
    pub fn name(self, tr: &Tr) -> &'static str {
        match self {
            Self::Overview => tr.view_overview,
            Self::Organisation => tr.view_organisation,
            Self::Contacts => tr.view_contacts,
            Self::Text => tr.view_text,
            Self::Classes => tr.view_classes,
            Self::Incident => tr.walk.view_incident,
        }
    }

    /// Its shortcut: Ctrl+1 … Ctrl+6.
    #[must_use]
    pub fn shortcut(self) -> KeyboardShortcut {
        let key = match self {
            Self::Overview => Key::Num1,
            Self::Organisation => Key::Num2,
            Self::Contacts => Key::Num3,
            Self::Text => Key::Num4,
            Self::Classes => Key::Num5,
            Self::Incident => Key::Num6,
        };
        KeyboardShortcut::new(Modifiers::COMMAND, key)
    }
}

/// Something the app must do for the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the open-plan window (path field and the native dialog).
    ShowOpen,
    /// Ask the native file dialog for a plan.
    BrowseForPlan,
    /// Open a plan file.
    OpenPath(PathBuf),
    /// Open a bundled plan.
    OpenBundled(Lang),
    /// Load the current plan file again.
    Reload,
    /// Write a paper about an incident (the report, the handover briefing,
    /// the regulator draft) as HTML: to this file, or one the native dialog
    /// asks for; then open it in the browser.
    WritePaper {
        /// Which incident.
        key: IncidentKey,
        /// Which paper.
        paper: crate::paper::Paper,
        /// Where; `None` asks.
        path: Option<PathBuf>,
    },
    /// Write the plan on screen as a binder to print: to this file, or one
    /// the native dialog asks for; then open it in the browser.
    PrintPlan(Option<PathBuf>),
    /// Switch the interface language.
    SetLanguage(Lang),
    /// Switch light / dark.
    ToggleTheme,
    /// Zoom by a step (positive in, negative out), or back to 100 % with 0.
    Zoom(i8),
    /// Copy text to the clipboard.
    Copy(String),
    /// Hide the errors of the last failed load.
    DismissErrors,
    /// Close the window.
    Quit,
    /// Show the declare form.
    ShowDeclare,
    /// Join an incident folder from another laptop: this one, or one the
    /// native dialog asks for.
    JoinFolder(Option<std::path::PathBuf>),
    /// Declare an incident under the plan on screen.
    Declare {
        /// What the form says.
        declaration: Declaration,
        /// Who declares (remembered for next time).
        operator: String,
    },
    /// Open an incident's folder in the window (or show it, if it is open).
    Resume(PathBuf),
    /// Read every incident and drill for the Lessons.
    ReadRecords,
    /// An action on an open incident.
    Act {
        /// Which incident.
        key: IncidentKey,
        /// What to do.
        action: Action,
        /// When it happened, if earlier than now.
        happened_at: Option<crate::model::incident::Happened>,
    },
    /// Take back the operator's last entry on this device (Ctrl+Z).
    Undo {
        /// Which incident.
        key: IncidentKey,
    },
    /// Continue an incident's log in another folder: this one, or one the
    /// native dialog asks for.
    ContinueLog {
        /// Which incident.
        key: IncidentKey,
        /// The folder; `None` asks.
        folder: Option<PathBuf>,
    },
    /// Do not resume the crashed incident now.
    DismissCrash,
    /// Open the wall board of an open incident in a window of its own.
    OpenBoard(IncidentKey),
    /// Switch the alerts' sound on or off: for drills (`true`), or for
    /// every incident.
    ToggleSound {
        /// For drills only.
        drills: bool,
    },
}

/// The shortcuts for app actions, with what they do, for the help overlay.
pub const SHORTCUTS: &[(Modifiers, Key, ShortcutAction)] = &[
    // Before Ctrl+N, which would also match it with Shift held.
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::N,
        ShortcutAction::QuickNote,
    ),
    (Modifiers::COMMAND, Key::N, ShortcutAction::Declare),
    (Modifiers::COMMAND, Key::O, ShortcutAction::Open),
    (Modifiers::NONE, Key::F5, ShortcutAction::Reload),
    (Modifiers::COMMAND, Key::L, ShortcutAction::Language),
    (Modifiers::COMMAND, Key::D, ShortcutAction::Theme),
    (Modifiers::COMMAND, Key::Plus, ShortcutAction::ZoomIn),
    (Modifiers::COMMAND, Key::Equals, ShortcutAction::ZoomIn),
    (Modifiers::COMMAND, Key::Minus, ShortcutAction::ZoomOut),
    (Modifiers::COMMAND, Key::Num0, ShortcutAction::ZoomReset),
    (Modifiers::NONE, Key::F1, ShortcutAction::Help),
    (Modifiers::COMMAND, Key::Q, ShortcutAction::Quit),
];

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShortcutAction {
    /// Declare an incident.
    Declare,
    /// Write a quick note on the incident on screen (from any view).
    QuickNote,
    /// Open a plan.
    Open,
    /// Reload the plan.
    Reload,
    /// Switch the language.
    Language,
    /// Switch the theme.
    Theme,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Actual size.
    ZoomReset,
    /// Toggle the help overlay.
    Help,
    /// Quit.
    Quit,
}

impl ShortcutAction {
    fn label(self, tr: &Tr) -> &'static str {
        match self {
            Self::Declare => tr.walk.declare_title,
            Self::QuickNote => tr.talk.quick_label,
            Self::Open => tr.open_plan,
            Self::Reload => tr.reload,
            Self::Language => tr.switch_language,
            Self::Theme => tr.toggle_theme,
            Self::ZoomIn => tr.zoom_in,
            Self::ZoomOut => tr.zoom_out,
            Self::ZoomReset => tr.zoom_reset,
            Self::Help => tr.help,
            Self::Quit => tr.quit,
        }
    }
}

/// Where the plan on screen came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Compiled into the app, in this language.
    Bundled(Lang),
    /// A file.
    File(PathBuf),
}

/// A load that failed: its diagnostics and the text they point into, worded
/// like `runbook check` in the window's language each time they are drawn
/// (switching the language re-words them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failed {
    /// What was being opened, as its path is shown.
    pub name: String,
    /// Every diagnostic, errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// The text they point into, for the excerpt under each.
    pub text: String,
}

impl Failed {
    /// The number of errors.
    #[must_use]
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Every diagnostic with file:line:column and the source line, in `lang`.
    #[must_use]
    pub fn rendered(&self, lang: Lang) -> Vec<String> {
        self.diagnostics
            .iter()
            .map(|d| d.render(&self.name, &self.text, lang.tr().plan))
            .collect()
    }
}

/// What the window shows this frame.
pub struct Shown<'a> {
    /// The interface language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// The plan on screen.
    pub plan: &'a Plan,
    /// SHA-256 of its file: what the views key their caches on.
    pub plan_sha256: &'a str,
    /// Its file name, or the bundled plan's name.
    pub plan_name: &'a str,
    /// Where it came from.
    pub source: &'a Source,
    /// Its warnings.
    pub warnings: &'a [Diagnostic],
    /// The last failed load, if not dismissed.
    pub failed: Option<&'a Failed>,
    /// Recently opened plan files.
    pub recent: &'a [PathBuf],
    /// A short notice (reloaded, copied).
    pub notice: Option<&'a str>,
    /// Now, in the command room's time zone.
    pub times: Times,
    /// The incidents open in this window.
    pub incidents: &'a [IncidentShown<'a>],
    /// Every incident in the data folder.
    pub rows: &'a [IncidentRow],
    /// An incident whose last session crashed, offered for resuming.
    pub crash_offer: Option<&'a IncidentRow>,
    /// Who is recording, as remembered.
    pub operator: &'a str,
    /// An incident being opened in the background: its name, and the bytes
    /// of its logs read, of how many.
    pub opening: Option<(String, u64, u64)>,
    /// What the records of every incident say, when they were read.
    pub learned: Option<&'a lessons::Learned>,
    /// The alerts' sound is off for every incident, and for drills.
    pub mute: (bool, bool),
}

impl Shown<'_> {
    /// The interface strings.
    #[must_use]
    pub fn tr(&self) -> &'static Tr {
        self.lang.tr()
    }
}

/// View state: what is selected and where, per view.
#[derive(Debug, Default)]
pub struct ViewState {
    /// The view on screen.
    pub view: View,
    /// The help overlay is open.
    pub help: bool,
    /// What the help's keys are filtered by.
    pub help_filter: String,
    /// The open-plan window, when shown.
    pub open: Option<OpenState>,
    /// The organisation chart.
    pub org: org_chart::State,
    /// The contacts view.
    pub contacts: contacts::State,
    /// The plan text.
    pub text: plan_text::State,
    /// Fault classes and levels.
    pub classes: classes::State,
    /// The incident being worked.
    pub incident: incident::State,
    /// The declare form, while it is shown.
    pub declare: Option<incident::declare::Form>,
    /// The last declare form closed with Esc, kept so nothing typed is lost.
    pub declare_kept: Option<incident::declare::Form>,
}

/// The open-plan window's state.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct OpenState {
    /// The path typed.
    pub path: String,
    /// The native dialog could not be shown.
    pub dialog_failed: bool,
}

/// Draws the whole window and returns what the app must do.
pub fn ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut ViewState) -> Vec<Command> {
    let modal =
        state.declare.is_some() || shown.crash_offer.is_some() || state.incident.dialog.is_some();
    let mut commands = shortcuts(ui.ctx(), shown.lang, state, modal);
    let free = !modal && !state.help && state.open.is_none();
    if state.view == View::Incident && free {
        incident::keys(ui.ctx(), shown, &mut state.incident, &mut commands);
    }
    if state.view == View::Overview && free {
        incident::list::keys(ui.ctx(), shown, &mut commands);
    }
    let tr = shown.tr();
    if let Some((name, read, total)) = &shown.opening {
        opening_ui(ui.ctx(), tr.walk, name, *read, *total);
    }
    egui::Panel::top("top").show(ui, |ui| {
        top_bar(ui, shown, state, &mut commands);
    });
    if let Some(failed) = shown.failed {
        egui::Panel::top("errors").show(ui, |ui| errors_ui(ui, shown, failed, &mut commands));
    }
    egui::Panel::left("nav")
        .exact_size(theme::NAV_WIDTH)
        .show(ui, |ui| {
            ui.add_space(theme::ITEM_GAP);
            for view in View::ALL {
                let text = view.name(tr);
                let hint = ui.ctx().format_shortcut(&view.shortcut());
                let response = ui
                    .selectable_label(state.view == view, RichText::new(text).size(16.0))
                    .on_hover_text(hint);
                if response.clicked() {
                    state.view = view;
                }
            }
            nav_incidents(ui, shown, state);
            ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
                ui.add_space(theme::ITEM_GAP);
                let source = match shown.source {
                    Source::Bundled(_) => tr.source_bundled,
                    Source::File(_) => tr.source_file,
                };
                ui.small(format!("{} ({source})", shown.plan_name));
                if !shown.warnings.is_empty() {
                    ui.small(
                        RichText::new((tr.warnings_count)(shown.warnings.len()))
                            .color(theme::warning_text(shown.dark)),
                    );
                }
            });
        });
    egui::CentralPanel::default().show(ui, |ui| match state.view {
        View::Overview => overview::ui(ui, shown, &mut commands),
        View::Organisation => org_chart::ui(ui, shown, &mut state.org, &mut commands),
        View::Contacts => contacts::ui(ui, shown, &mut state.contacts, &mut commands),
        View::Text => plan_text::ui(ui, shown, &mut state.text, &mut commands),
        View::Classes => classes::ui(ui, shown, &mut state.classes, &mut commands),
        View::Incident => incident::ui(ui, shown, &mut state.incident, &mut commands),
    });
    if let Some(form) = &mut state.declare
        && !incident::declare::ui(ui.ctx(), shown, form, &mut commands)
    {
        // Closed: keep what was typed unless it was declared.
        let form = state.declare.take();
        if !commands
            .iter()
            .any(|c| matches!(c, Command::Declare { .. }))
        {
            state.declare_kept = form;
        }
    }
    if state.declare.is_none()
        && let Some(row) = shown.crash_offer
    {
        crash_offer_ui(ui.ctx(), shown, row, &mut commands);
    }
    if state.help {
        help_ui(ui.ctx(), shown, state);
    }
    if let Some(open) = &mut state.open {
        let mut keep = true;
        open_ui(ui.ctx(), tr, open, &mut keep, &mut commands);
        if !keep {
            state.open = None;
        }
    }
    commands
}

fn shortcuts(ctx: &egui::Context, lang: Lang, state: &mut ViewState, modal: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    // Esc closes what is on top: a modal closes itself; then the help, then
    // the open-plan window. A text field being typed in takes Esc itself,
    // except the help's own filter.
    let in_help_filter = ctx.memory(egui::Memory::focused) == Some(help_filter_id());
    let typing = ctx.text_edit_focused() && !in_help_filter;
    if !modal && !typing && (state.help || state.open.is_some()) {
        let esc = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        if esc && state.help {
            state.help = false;
        } else if esc {
            state.open = None;
        }
    }
    ctx.input_mut(|input| {
        for view in View::ALL {
            if input.consume_shortcut(&view.shortcut()) {
                state.view = view;
            }
        }
        for (modifiers, key, action) in SHORTCUTS {
            if input.consume_key(*modifiers, *key) {
                match action {
                    ShortcutAction::Declare => commands.push(Command::ShowDeclare),
                    ShortcutAction::QuickNote => {
                        if state.incident.active.is_some() {
                            state.view = View::Incident;
                            state.incident.focus_quick = true;
                        }
                    }
                    ShortcutAction::Open => commands.push(Command::ShowOpen),
                    ShortcutAction::Reload => commands.push(Command::Reload),
                    ShortcutAction::Language => commands.push(Command::SetLanguage(lang.other())),
                    ShortcutAction::Theme => commands.push(Command::ToggleTheme),
                    ShortcutAction::ZoomIn => commands.push(Command::Zoom(1)),
                    ShortcutAction::ZoomOut => commands.push(Command::Zoom(-1)),
                    ShortcutAction::ZoomReset => commands.push(Command::Zoom(0)),
                    ShortcutAction::Help => {
                        state.help = !state.help;
                        state.help_filter.clear();
                    }
                    ShortcutAction::Quit => commands.push(Command::Quit),
                }
            }
        }
    });
    commands
}

/// The open incidents under the views: one click shows one.
fn nav_incidents(ui: &mut Ui, shown: &Shown<'_>, state: &mut ViewState) {
    if shown.incidents.is_empty() {
        return;
    }
    let tr = shown.tr();
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(tr.walk.incidents).weak());
    for inc in shown.incidents {
        let s = inc.projected;
        let chosen = state.view == View::Incident && state.incident.active == Some(inc.key);
        let mut text = format!("{}  {}", s.level(), s.title());
        if s.is_drill() {
            text = format!("[{}] {text}", tr.walk.drill);
        }
        let colour = if inc.failure.is_some() || !inc.unsaved.is_empty() {
            theme::error_text(shown.dark)
        } else {
            ui.visuals().text_color()
        };
        if ui
            .selectable_label(chosen, RichText::new(text).color(colour))
            .clicked()
        {
            state.view = View::Incident;
            if state.incident.active != Some(inc.key) {
                state.incident = incident::State::of(inc.key);
            }
        }
    }
}

/// After a crash, the incident that was being worked is offered first.
fn crash_offer_ui(
    ctx: &egui::Context,
    shown: &Shown<'_>,
    row: &IncidentRow,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let modal = egui::Modal::new(egui::Id::unique("crash-offer")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(tr.walk.crash_title);
        ui.label((tr.walk.crash_text)(&row.title));
        ui.add_space(theme::ITEM_GAP);
        ui.horizontal(|ui| {
            let resume = ui.button(RichText::new(tr.walk.resume).strong());
            let enter = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
            if resume.clicked() || enter {
                commands.push(Command::Resume(row.dir.clone()));
            }
            if ui.button(tr.walk.later).clicked() {
                commands.push(Command::DismissCrash);
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::DismissCrash);
    }
}

fn top_bar(ui: &mut Ui, shown: &Shown<'_>, state: &mut ViewState, commands: &mut Vec<Command>) {
    let tr = shown.tr();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(&shown.plan.doc().meta.title)
                .strong()
                .size(17.0),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr.help).on_hover_text("F1").clicked() {
                state.help = !state.help;
                state.help_filter.clear();
            }
            if ui.button(tr.switch_language).clicked() {
                commands.push(Command::SetLanguage(shown.lang.other()));
            }
            let theme = if shown.dark {
                tr.theme_light
            } else {
                tr.theme_dark
            };
            if ui.button(theme).clicked() {
                commands.push(Command::ToggleTheme);
            }
            if ui.button(tr.reload).on_hover_text("F5").clicked() {
                commands.push(Command::Reload);
            }
            if ui
                .button(tr.print_plan)
                .on_hover_text(tr.print_plan_hint)
                .clicked()
            {
                commands.push(Command::PrintPlan(None));
            }
            ui.menu_button(tr.recent_plans, |ui| {
                if ui.button(tr.bundled_zh).clicked() {
                    commands.push(Command::OpenBundled(Lang::Zh));
                }
                if ui.button(tr.bundled_en).clicked() {
                    commands.push(Command::OpenBundled(Lang::En));
                }
                for path in shown.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::OpenPath(path.clone()));
                    }
                }
            });
            if ui.button(tr.open_plan).on_hover_text("Ctrl+O").clicked() {
                commands.push(Command::ShowOpen);
            }
            if let Some(notice) = shown.notice {
                egui::Frame::new()
                    .fill(theme::notice_fill(shown.dark))
                    .inner_margin(4.0)
                    .corner_radius(4.0)
                    .show(ui, |ui| ui.label(notice));
            }
        });
    });
}

fn errors_ui(ui: &mut Ui, shown: &Shown<'_>, failed: &Failed, commands: &mut Vec<Command>) {
    let tr = shown.tr();
    egui::Frame::new()
        .fill(theme::error_fill(shown.dark))
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new((tr.errors_title)(&failed.name, failed.errors()))
                        .strong()
                        .color(theme::error_text(shown.dark)),
                );
                if ui.button(tr.dismiss).clicked() {
                    commands.push(Command::DismissErrors);
                }
            });
            ui.label((tr.errors_kept_previous)(shown.plan_name));
            egui::ScrollArea::vertical()
                .max_height(220.0)
                .show(ui, |ui| {
                    for text in failed.rendered(shown.lang) {
                        ui.label(RichText::new(text).monospace());
                    }
                });
        });
}

/// The help's filter field: the Esc that closes the help is taken from it.
fn help_filter_id() -> egui::Id {
    egui::Id::unique("help-filter")
}

/// A part of the help: its heading and its rows (keys, what they do).
type HelpSection = (String, Vec<(String, &'static str)>);

/// The keys that work in one view (not those of every view).
fn view_keys(tr: &Tr, view: View) -> Vec<(String, &'static str)> {
    let rows: Vec<&(&str, &str)> = match view {
        View::Overview => tr.walk.overview_keys.iter().collect(),
        View::Organisation => tr.org.keys.iter().collect(),
        View::Contacts => tr.contacts.keys.iter().collect(),
        View::Text => tr.text.keys.iter().collect(),
        View::Classes => tr.classes.keys.iter().collect(),
        View::Incident => tr.walk.keys.iter().chain(tr.talk.keys).collect(),
    };
    rows.into_iter()
        .map(|(keys, what)| ((*keys).to_owned(), *what))
        .collect()
}

/// The help, section by section: the view on screen first, then the keys
/// of every view (a shortcut with two keys, such as zoom in, is one row),
/// then each other view's. No key is listed twice in a section.
fn help_sections(ctx: &egui::Context, tr: &Tr, current: View) -> Vec<HelpSection> {
    let mut everywhere: Vec<(String, &'static str)> = View::ALL
        .iter()
        .map(|v| (ctx.format_shortcut(&v.shortcut()), v.name(tr)))
        .collect();
    for (modifiers, key, action) in SHORTCUTS {
        let keys = ctx.format_shortcut(&KeyboardShortcut::new(*modifiers, *key));
        let what = action.label(tr);
        match everywhere.iter_mut().find(|(_, w)| *w == what) {
            Some((k, _)) => {
                k.push_str(" / ");
                k.push_str(&keys);
            }
            None => everywhere.push((keys, what)),
        }
    }
    let mut sections = vec![(
        (tr.help_this_view)(current.name(tr)),
        view_keys(tr, current),
    )];
    sections.push((tr.help_everywhere.to_owned(), everywhere));
    for view in View::ALL.into_iter().filter(|v| *v != current) {
        sections.push((view.name(tr).to_owned(), view_keys(tr, view)));
    }
    sections.retain(|(_, rows)| !rows.is_empty());
    sections
}

/// The help: every key, the view on screen's first, filtered as typed, in
/// a list that scrolls inside the window (it is longer than a small
/// window is tall).
fn help_ui(ctx: &egui::Context, shown: &Shown<'_>, state: &mut ViewState) {
    let tr = shown.tr();
    let mut open = true;
    let tall = (ctx.content_rect().height() - 160.0).max(120.0);
    egui::Window::new(tr.help_title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 40.0))
        .show(ctx, |ui| {
            ui.label(RichText::new(format!("runbook {}", *crate::VERSION)).weak());
            ui.horizontal(|ui| {
                let label = ui.label(tr.help_filter);
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut state.help_filter)
                            .id(help_filter_id())
                            .desired_width(240.0),
                    )
                    .labelled_by(label.id);
                if ui.memory(|m| m.focused().is_none()) {
                    edit.request_focus();
                }
            });
            let filter = state.help_filter.trim().to_lowercase();
            let keeps = |keys: &str, what: &str| {
                filter.is_empty()
                    || keys.to_lowercase().contains(&filter)
                    || what.to_lowercase().contains(&filter)
            };
            let mut any = false;
            egui::ScrollArea::vertical()
                .id_salt("help-keys")
                .max_height(tall)
                .min_scrolled_height(tall)
                .show(ui, |ui| {
                    for (i, (heading, rows)) in
                        help_sections(ctx, tr, state.view).into_iter().enumerate()
                    {
                        let rows: Vec<_> = rows.into_iter().filter(|(k, w)| keeps(k, w)).collect();
                        if rows.is_empty() {
                            continue;
                        }
                        any = true;
                        ui.add_space(theme::ITEM_GAP);
                        ui.label(RichText::new(heading).strong());
                        egui::Grid::new(("shortcuts", i))
                            .striped(true)
                            .min_col_width(180.0)
                            .show(ui, |ui| {
                                for (keys, what) in rows {
                                    ui.monospace(keys);
                                    ui.label(what);
                                    ui.end_row();
                                }
                            });
                    }
                    if !any {
                        ui.label(RichText::new(tr.help_no_match).weak());
                    }
                });
        });
    state.help &= open;
}

fn open_ui(
    ctx: &egui::Context,
    tr: &Tr,
    open: &mut OpenState,
    keep: &mut bool,
    commands: &mut Vec<Command>,
) {
    egui::Window::new(tr.open_title)
        .open(keep)
        .collapsible(false)
        .show(ctx, |ui| {
            if open.dialog_failed {
                ui.label(tr.open_dialog_failed);
            }
            ui.horizontal(|ui| {
                let label = ui.label(tr.open_path_label);
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut open.path).desired_width(360.0))
                    .labelled_by(label.id);
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if (ui.button(tr.open_button).clicked() || enter) && !open.path.trim().is_empty() {
                    commands.push(Command::OpenPath(PathBuf::from(open.path.trim())));
                }
            });
            ui.horizontal(|ui| {
                if ui.button(tr.open_browse).clicked() {
                    commands.push(Command::BrowseForPlan);
                }
                ui.small(tr.drop_hint);
            });
        });
}

/// A long incident being opened: its name and how much of its log was read.
/// Not modal: the plan can be read meanwhile.
fn opening_ui(
    ctx: &egui::Context,
    tr: &crate::i18n::walk::WalkTr,
    name: &str,
    read: u64,
    total: u64,
) {
    #[allow(clippy::cast_precision_loss)] // Megabytes for a person to read.
    let mb = |bytes: u64| bytes as f64 / 1_048_576.0;
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
    let done = (read as f64 / total.max(1) as f64).min(1.0) as f32;
    egui::Window::new((tr.opening)(name))
        .id(egui::Id::unique("opening"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
        .show(ctx, |ui| {
            ui.add(
                egui::ProgressBar::new(done)
                    .desired_width(360.0)
                    .animate(true),
            );
            ui.label((tr.opening_read)(mb(read.min(total)), mb(total)));
        });
}
