//! The incident window: one open incident, walked step by step.
//!
//! The operator sees the checklist of the class at the current level, the
//! current step with whom it belongs to and its deadline, the clocks, and
//! whether the log is saving, saved or failing. Every action is a key; the
//! view returns [`Command::Act`] with a model `Action`, and the app hands it
//! to the incident's writer. A step shows as done only once the writer has
//! it on disk: until then it says "saving…", and after a failed write "NOT
//! SAVED", with the red banner that offers another folder.

pub mod calls;
pub mod declare;
pub mod dialogs;
pub mod list;
pub mod message;
pub mod timeline;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::virtual_list::VirtualList;
use super::{Command, Shown, theme, widgets};
use crate::i18n::Tr;
use crate::i18n::time::Span;
use crate::model::ids::StepId;
use crate::model::incident::merge::Subject;
use crate::model::incident::{
    Action, Clock, ClockKind, Entry, EntryRef, Happened, Incident, Item, ItemState, Status,
    StepStatus, Urgency,
};
use crate::model::notice::{LogError, Notice, changed_on_two_devices};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::{InformWhom, StepKind, Target};

/// Which open incident: the app numbers them as it opens them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IncidentKey(pub u64);

/// One incident open in the window, as the view needs it.
pub struct IncidentShown<'a> {
    /// Which one.
    pub key: IncidentKey,
    /// Its folder.
    pub dir: &'a Path,
    /// The plan pinned when it was declared.
    pub plan: &'a Plan,
    /// The state as saved on disk.
    pub saved: &'a Incident,
    /// The state with the entries on their way or not saved.
    pub projected: &'a Incident,
    /// Entries on their way to disk.
    pub pending: Vec<&'a Entry>,
    /// Entries that could not be written.
    pub unsaved: &'a [Entry],
    /// The write failure, until the log continues elsewhere.
    pub failure: Option<&'a LogError>,
    /// What opening found.
    pub notices: &'a [Notice],
    /// The log's head hash after the last saved entry.
    pub head: Option<&'a str>,
    /// Where the log can continue, in the service's order.
    pub rescue_places: &'a [PathBuf],
    /// Whether the plan open in the window is another version than this
    /// incident's pinned plan.
    pub plan_differs: bool,
}

/// What the operator is typing for the selected step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Prompt {
    /// The reason for skipping.
    Skip,
    /// The reason it is blocked.
    Block,
    /// A note.
    Note,
}

/// The incident view's state.
#[derive(Debug, Default)]
pub struct State {
    /// The incident on screen.
    pub active: Option<IncidentKey>,
    /// The step chosen with the arrows; `None` follows the current step.
    pub selected: Option<StepId>,
    /// A reason or note being typed, for the selected step.
    pub prompt: Option<(Prompt, String)>,
    /// The value being typed for a record step.
    pub value: String,
    /// A folder typed to continue the log in.
    pub continue_path: String,
    /// The last refusal, worded, shown by the step until the next action.
    pub refusal: Option<String>,
    /// Focus the prompt's field on the next frame.
    focus_prompt: bool,
    /// Scroll the checklist to the selection on the next frame.
    scroll_to_selection: bool,
    /// The part of the incident on screen.
    pub tab: Tab,
    /// The call chosen in the call tree; `None` follows the first still open.
    pub call_line: Option<String>,
    /// The call tree as last worked out.
    sheet: calls::Cached,
    /// The message being written for a communicate step.
    pub draft: Option<message::Draft>,
    /// Which entries the timeline shows.
    pub filter: timeline::Filter,
    /// What the timeline is searched for.
    pub search: String,
    /// The timeline's rows, as last worked out.
    rows: timeline::Rows,
    /// A correction being written, and the entry it corrects.
    pub correcting: Option<(EntryRef, String)>,
    /// A dialog open over the incident.
    pub dialog: Option<dialogs::Dialog>,
    /// The quick note being typed.
    pub quick: String,
    /// When its first key was pressed.
    pub quick_started: Option<DateTime<Utc>>,
    /// When what the quick note says happened, if earlier (`HH:MM`).
    pub quick_at: String,
    /// Why the quick note was not recorded, until it is edited.
    pub quick_problem: Option<String>,
    /// A time before the discovery, shown once: Enter again records it.
    pub quick_confirm: Option<DateTime<Utc>>,
    /// Put the keyboard in the quick note on the next frame.
    pub focus_quick: bool,
    /// Put the keyboard in the message being written on the next frame.
    pub focus_message: bool,
}

/// The parts of an incident's view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// The checklist and the current step.
    #[default]
    Walk,
    /// The call tree (Ctrl+K).
    Calls,
    /// The timeline (Ctrl+T).
    Timeline,
}

impl State {
    /// The view of one incident, following its current step.
    #[must_use]
    pub fn of(key: IncidentKey) -> Self {
        Self {
            active: Some(key),
            scroll_to_selection: true,
            ..Self::default()
        }
    }

    fn after_action(&mut self) {
        self.selected = None;
        self.prompt = None;
        self.value.clear();
        self.refusal = None;
        self.scroll_to_selection = true;
    }
}

/// The incident on screen, if any is open.
#[must_use]
pub fn active<'a>(shown: &'a Shown<'_>, state: &State) -> Option<&'a IncidentShown<'a>> {
    let key = state.active?;
    shown.incidents.iter().find(|i| i.key == key)
}

/// The step the panel shows: the one chosen, else the current one.
fn focus_step(status: &Status<'_>, state: &State) -> Option<StepId> {
    state
        .selected
        .clone()
        .filter(|s| status.items.iter().any(|i| i.step.id == *s))
        .or_else(|| status.next.clone())
}

/// The incident view's keys, taken before anything is drawn so that a
/// focused button does not also act on them. Letters act only when no text
/// field has the keyboard.
pub fn keys(
    ctx: &egui::Context,
    shown: &Shown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let Some(inc) = active(shown, state) else {
        return;
    };
    if view_shortcuts(ctx, shown, inc, state) {
        return;
    }
    if ctx.text_edit_focused() {
        return;
    }
    match state.tab {
        Tab::Calls => {
            calls::keys(ctx, inc, state, commands, true);
            return;
        }
        Tab::Timeline => return,
        Tab::Walk => {}
    }
    // Every key below is a key press; most frames have none, and the
    // checklist's status is worked out again for drawing.
    let any_press = ctx.input(|i| {
        i.events
            .iter()
            .any(|e| matches!(e, egui::Event::Key { pressed: true, .. }))
    });
    if !any_press {
        return;
    }
    let status = inc.projected.status(inc.plan, shown.times.now());
    let items = &status.items;
    let Some(step_id) = focus_step(&status, state) else {
        // Nothing is current (every step settled): the arrows pick from the
        // ends of the list.
        let pick = if pressed_in(ctx, Key::ArrowDown) {
            items.first()
        } else if pressed_in(ctx, Key::ArrowUp) {
            items.last()
        } else {
            None
        };
        if let Some(item) = pick {
            state.selected = Some(item.step.id.clone());
            state.scroll_to_selection = true;
        }
        return;
    };
    let pos = items.iter().position(|i| i.step.id == step_id);
    let pressed = |key: Key| pressed_in(ctx, key);
    if pressed(Key::ArrowDown) {
        if let Some(next) = pos.and_then(|p| items.get(p + 1)) {
            state.selected = Some(next.step.id.clone());
            state.prompt = None;
            state.scroll_to_selection = true;
        }
        return;
    }
    if pressed(Key::ArrowUp) {
        if let Some(prev) = pos
            .and_then(|p| p.checked_sub(1))
            .and_then(|p| items.get(p))
        {
            state.selected = Some(prev.step.id.clone());
            state.prompt = None;
            state.scroll_to_selection = true;
        }
        return;
    }
    if pressed(Key::Home) {
        state.selected = None;
        state.prompt = None;
        state.scroll_to_selection = true;
        return;
    }
    let Some(item) = pos.and_then(|p| items.get(p)) else {
        return;
    };
    // An inform step carries the call tree: the digits log its calls.
    if matches!(item.step.kind, StepKind::Inform(InformWhom::CallTree)) {
        calls::keys(ctx, inc, state, commands, false);
    }
    step_keys(ctx, inc, item, state, commands);
}

/// The keys that act on the step on screen.
fn step_keys(
    ctx: &egui::Context,
    inc: &IncidentShown<'_>,
    item: &Item<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let step_id = item.step.id.clone();
    let pressed = |key: Key| pressed_in(ctx, key);
    let decision = matches!(item.step.kind, StepKind::Decision { .. });
    let record = matches!(item.step.kind, StepKind::Record { .. });
    let message = matches!(item.step.kind, StepKind::Communicate { .. });
    let act = |action: Action, commands: &mut Vec<Command>| {
        commands.push(Command::Act {
            key: inc.key,
            action,
            happened_at: None,
        });
    };
    let set = |status: StepStatus| Action::SetStep {
        step: step_id.clone(),
        status,
    };
    if decision && pressed(Key::Y) {
        act(
            Action::Decide {
                step: step_id.clone(),
                yes: true,
            },
            commands,
        );
        state.after_action();
    } else if decision && pressed(Key::N) {
        act(
            Action::Decide {
                step: step_id.clone(),
                yes: false,
            },
            commands,
        );
        state.after_action();
    } else if !decision && (pressed(Key::Enter) || pressed(Key::D)) {
        if record {
            // A record step is done by recording its value: go to the field.
            state.focus_prompt = true;
        } else if message {
            // A communicate step is done by sending its message: go to it.
            state.focus_message = true;
        } else {
            act(set(StepStatus::Done), commands);
            state.after_action();
        }
    } else if pressed(Key::X) {
        act(set(StepStatus::NotApplicable), commands);
        state.after_action();
    } else if pressed(Key::L) {
        act(set(StepStatus::Deferred), commands);
        state.after_action();
    } else if pressed(Key::R) {
        act(set(StepStatus::Reopened), commands);
        state.after_action();
        state.selected = Some(step_id.clone());
    } else if pressed(Key::S) {
        state.prompt = Some((Prompt::Skip, String::new()));
        state.focus_prompt = true;
    } else if pressed(Key::B) {
        state.prompt = Some((Prompt::Block, String::new()));
        state.focus_prompt = true;
    } else if pressed(Key::M) {
        state.prompt = Some((Prompt::Note, String::new()));
        state.focus_prompt = true;
    }
}

/// Ctrl+K for the call tree, Ctrl+T for the timeline, Ctrl+↑/↓ to change
/// the level, Ctrl+H to hand over, Ctrl+E to close: they work wherever the
/// keyboard is (Ctrl+Shift+N, the quick note, is the whole window's).
/// Returns whether one was taken.
fn view_shortcuts(
    ctx: &egui::Context,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
) -> bool {
    let take =
        |m: Modifiers, k: Key| ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)));
    let toggle = |state: &mut State, tab: Tab| {
        state.tab = if state.tab == tab { Tab::Walk } else { tab };
    };
    if take(Modifiers::COMMAND, Key::K) {
        toggle(state, Tab::Calls);
    } else if take(Modifiers::COMMAND, Key::T) {
        toggle(state, Tab::Timeline);
    } else if inc.projected.is_open() && take(Modifiers::COMMAND, Key::H) {
        state.dialog = Some(dialogs::Dialog::handover(shown, inc));
    } else if inc.projected.is_open() && take(Modifiers::COMMAND, Key::E) {
        state.dialog = Some(dialogs::Dialog::Close {
            summary: String::new(),
        });
    } else if inc.projected.is_open() && take(Modifiers::COMMAND, Key::ArrowUp) {
        state.dialog = dialogs::Dialog::level_step(inc, true);
    } else if inc.projected.is_open() && take(Modifiers::COMMAND, Key::ArrowDown) {
        state.dialog = dialogs::Dialog::level_step(inc, false);
    } else {
        return false;
    }
    true
}

/// Takes a key pressed without Ctrl or Alt.
fn pressed_in(ctx: &egui::Context, key: Key) -> bool {
    ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key))
}

/// Draws the incident view.
pub fn ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State, commands: &mut Vec<Command>) {
    let tr = shown.tr();
    let Some(inc) = active(shown, state) else {
        ui.add_space(theme::SECTION_GAP);
        ui.label(tr.walk.no_incident_open);
        return;
    };
    let status = inc.projected.status(inc.plan, shown.times.now());
    if inc.projected.is_drill() {
        drill_banner(ui, tr);
    }
    header_ui(ui, shown, inc, state, commands);
    if inc.failure.is_some() || !inc.unsaved.is_empty() {
        failure_ui(ui, shown, inc, state, commands);
    }
    notices_ui(ui, shown, inc);
    clocks_ui(ui, shown, inc, &status, state);
    actions_bar(ui, shown, inc, state, commands);
    ui.separator();
    if inc.projected.is_open() {
        egui::Panel::bottom("quick-note").show(ui, |ui| quick_ui(ui, shown, inc, state, commands));
    }
    if let Some(dialog) = &mut state.dialog
        && !dialogs::ui(ui.ctx(), shown, inc, dialog, commands)
    {
        state.dialog = None;
    }
    match state.tab {
        Tab::Walk => {}
        Tab::Calls => {
            calls::ui(ui, shown, inc, state, commands, None);
            return;
        }
        Tab::Timeline => {
            timeline::ui(ui, shown, inc, state, commands);
            return;
        }
    }
    // The checklist on the left, the step on the right, both as tall as
    // what is left of the view.
    let size = ui.available_size();
    let left = (size.x * 0.42).clamp(theme::CHECKLIST_MIN, theme::CHECKLIST_WIDTH);
    ui.horizontal_top(|ui| {
        let column = |width: f32| egui::vec2(width, size.y);
        ui.allocate_ui_with_layout(
            column(left),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_min_size(column(left));
                checklist_ui(ui, shown, inc, &status, state);
            },
        );
        ui.separator();
        let right = ui.available_width();
        ui.allocate_ui_with_layout(
            column(right),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_min_size(column(right));
                egui::ScrollArea::vertical()
                    .id_salt("step")
                    .auto_shrink([false, false])
                    .show(ui, |ui| step_ui(ui, shown, inc, &status, state, commands));
            },
        );
    });
}

/// The view's tabs and the incident's decisions.
fn actions_bar(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    ui.horizontal_wrapped(|ui| {
        for (tab, name, key) in [
            (Tab::Walk, tr.talk.tab_walk, ""),
            (Tab::Calls, tr.talk.tab_calls, "Ctrl+K"),
            (Tab::Timeline, tr.talk.tab_timeline, "Ctrl+T"),
        ] {
            let text = RichText::new(name).size(theme::TAB_SIZE);
            let r = ui.selectable_label(state.tab == tab, text);
            let r = if key.is_empty() {
                r
            } else {
                r.on_hover_text(key)
            };
            if r.clicked() {
                state.tab = tab;
            }
        }
        ui.separator();
        if inc.projected.is_open() {
            let raise = dialogs::Dialog::level_step(inc, true);
            let lower = dialogs::Dialog::level_step(inc, false);
            if ui
                .add_enabled(raise.is_some(), egui::Button::new(tr.talk.raise))
                .on_hover_text("Ctrl+↑")
                .clicked()
            {
                state.dialog = raise;
            }
            if ui
                .add_enabled(lower.is_some(), egui::Button::new(tr.talk.lower))
                .on_hover_text("Ctrl+↓")
                .clicked()
            {
                state.dialog = lower;
            }
            if ui.button(tr.talk.warnings).clicked() {
                state.dialog = Some(dialogs::Dialog::Warnings {
                    note: String::new(),
                });
            }
            if ui
                .button(tr.talk.handover)
                .on_hover_text("Ctrl+H")
                .clicked()
            {
                state.dialog = Some(dialogs::Dialog::handover(shown, inc));
            }
            if ui.button(tr.talk.close).on_hover_text("Ctrl+E").clicked() {
                state.dialog = Some(dialogs::Dialog::Close {
                    summary: String::new(),
                });
            }
        } else if ui.button(tr.talk.reopen).clicked() {
            state.dialog = Some(dialogs::Dialog::Reopen {
                reason: String::new(),
            });
        }
        // Papers: from the record as saved, each written as HTML and opened
        // in the browser.
        ui.menu_button(tr.papers, |ui| {
            use crate::paper::Paper;
            for (label, paper) in [
                (tr.export_report, Paper::Report),
                (tr.handover_briefing, Paper::Briefing),
                (tr.regulator_first, Paper::Regulator { follow_up: false }),
                (tr.regulator_follow_up, Paper::Regulator { follow_up: true }),
            ] {
                if ui.button(label).clicked() {
                    commands.push(Command::WritePaper {
                        key: inc.key,
                        paper,
                        path: None,
                    });
                }
            }
        });
    });
}

/// A quick note, always ready: typing and Enter records it, timed when its
/// first key was pressed, or at the time given for something that happened
/// earlier.
fn quick_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let times = &shown.times;
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(tr.talk.quick_label).strong());
        let width = (ui.available_width() - 300.0).max(200.0);
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut state.quick)
                    .hint_text(tr.talk.quick_hint)
                    .desired_width(width),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut state.focus_quick) {
            edit.request_focus();
        }
        if state.quick.is_empty() {
            state.quick_started = None;
        } else if state.quick_started.is_none() {
            state.quick_started = Some(times.now());
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let at_label = ui.label(tr.talk.occurred_at);
        let at_edit = ui
            .add(
                egui::TextEdit::singleline(&mut state.quick_at)
                    .hint_text(tr.talk.occurred_hint)
                    .desired_width(120.0),
            )
            .labelled_by(at_label.id);
        if edit.changed() || at_edit.changed() {
            state.quick_problem = None;
            state.quick_confirm = None;
        }
        if entered && !state.quick.trim().is_empty() {
            match quick_happened(state, inc.projected, times) {
                Ok(happened_at) => {
                    commands.push(Command::Act {
                        key: inc.key,
                        action: Action::Note {
                            text: state.quick.trim().to_owned(),
                            step: None,
                            corrects: None,
                        },
                        happened_at,
                    });
                    state.quick.clear();
                    state.quick_at.clear();
                    state.quick_started = None;
                    state.quick_problem = None;
                    state.quick_confirm = None;
                }
                Err(problem) => state.quick_problem = Some(problem.say(tr)),
            }
            // Ready for the next line of the bridge call, or for Enter again.
            edit.request_focus();
        }
    });
    if let Some(text) = &state.quick_problem {
        ui.label(RichText::new(text).color(theme::error_text(shown.dark)));
    }
}

/// Why a quick note is not recorded yet.
enum QuickProblem {
    /// The time given is not one.
    When(crate::clock::WhenError),
    /// The time is before the discovery: Enter again to confirm.
    BeforeDiscovery(crate::model::incident::ActionError),
}

impl QuickProblem {
    fn say(&self, tr: &Tr) -> String {
        match self {
            Self::When(e) => (tr.incident.when_error)(e),
            Self::BeforeDiscovery(e) => (tr.incident.refusal)(e),
        }
    }
}

/// When the quick note's event happened: the time typed, else when its
/// first key was pressed. A time before the discovery is refused once;
/// Enter again, with the same time, confirms it.
fn quick_happened(
    state: &mut State,
    incident: &Incident,
    times: &crate::i18n::time::Times,
) -> Result<Option<Happened>, QuickProblem> {
    let t = match state.quick_at.trim() {
        "" => {
            // The first key press, when it is before now and after the discovery.
            let started = state
                .quick_started
                .filter(|t| *t < times.now() && *t >= incident.discovered_at());
            return Ok(started.map(Happened::at));
        }
        text => {
            crate::clock::parse_past(text, times.now(), times.zone()).map_err(QuickProblem::When)?
        }
    };
    if state.quick_confirm == Some(t) {
        return Ok(Some(Happened::confirmed(t)));
    }
    match incident.check_happened(Some(Happened::at(t))) {
        Ok(_) => Ok(Some(Happened::at(t))),
        Err(e) => {
            state.quick_confirm = Some(t);
            Err(QuickProblem::BeforeDiscovery(e))
        }
    }
}

fn drill_banner(ui: &mut Ui, tr: &Tr) {
    egui::Frame::new()
        .fill(theme::DRILL_FILL)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.vertical_centered(|ui| {
                ui.label(
                    RichText::new(tr.walk.drill_banner)
                        .strong()
                        .size(theme::DRILL_SIZE)
                        .color(theme::ON_DRILL),
                );
            });
        });
}

fn header_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let s = inc.projected;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(s.title())
                .strong()
                .size(theme::INCIDENT_TITLE_SIZE),
        );
        if let Some(level) = inc.plan.level(s.level()) {
            level_chip(ui, tr, level);
        }
        if changed_on_two_devices(inc.notices, &Subject::Level)
            && two_devices_link(ui, shown).clicked()
        {
            state.tab = Tab::Timeline;
            state.filter = timeline::Filter::Command;
            state.search.clear();
        }
        if let Some(class) = inc.plan.class(s.class()) {
            ui.label(&class.name);
        }
        ui.label(
            RichText::new(if s.is_open() {
                tr.walk.state_open
            } else {
                tr.walk.state_closed
            })
            .weak(),
        );
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr.walk.commander).weak());
        ui.label(crate::i18n::incident::commander_name(
            s.commander(),
            inc.plan,
        ));
        ui.separator();
        let hash = &s.plan_sha256()[..12.min(s.plan_sha256().len())];
        ui.label(RichText::new((tr.walk.plan_pinned)(s.plan_version(), hash)).weak());
        if inc.plan_differs {
            ui.label(RichText::new(tr.walk.plan_differs).color(theme::warning_text(shown.dark)));
        }
        ui.separator();
        health_ui(ui, shown, inc, commands);
    });
}

/// The log's health: saved with its head hash (click to copy), saving, or failing.
fn health_ui(ui: &mut Ui, shown: &Shown<'_>, inc: &IncidentShown<'_>, commands: &mut Vec<Command>) {
    let tr = shown.tr();
    if inc.failure.is_some() || !inc.unsaved.is_empty() {
        ui.label(
            RichText::new((tr.walk.failure_title)(inc.unsaved.len()))
                .strong()
                .color(theme::error_text(shown.dark)),
        );
    } else if !inc.pending.is_empty() {
        ui.label(RichText::new((tr.walk.saving)(inc.pending.len())).weak());
    } else if let Some(head) = inc.head {
        let short = crate::i18n::short_head(head);
        let text = RichText::new((tr.walk.saved_ok)(short))
            .monospace()
            .color(theme::saved_text(shown.dark));
        if ui
            .add(egui::Button::new(text).frame(false))
            .on_hover_text(tr.walk.copy_head_hint)
            .clicked()
        {
            commands.push(Command::Copy(head.to_owned()));
        }
    }
}

/// A level in its colour: "Ⅱ级 重大".
pub fn level_chip(ui: &mut Ui, tr: &Tr, level: &crate::model::plan::doc::Level) {
    widgets::chip(
        ui,
        &(tr.walk.level_chip)(level.id.as_str(), &level.name),
        theme::level_chip(level.colour),
    );
}

/// The drill mark, wherever a drill is named.
pub fn drill_chip(ui: &mut Ui, tr: &Tr) {
    widgets::chip(ui, tr.walk.drill, theme::drill_chip());
}

fn failure_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    egui::Frame::new()
        .fill(theme::error_fill(shown.dark))
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new((tr.walk.failure_title)(inc.unsaved.len()))
                    .strong()
                    .color(theme::error_text(shown.dark)),
            );
            if let Some(failure) = inc.failure {
                ui.label((tr.incident.log_error)(failure));
            }
            ui.label(tr.walk.failure_keep);
            if !inc.unsaved.is_empty() {
                ui.label(RichText::new(tr.walk.not_saved_list).strong());
                for e in inc.unsaved {
                    ui.label(format!(
                        "{} · {}",
                        shown.times.short(e.recorded_at),
                        (tr.incident.event)(&e.event, inc.plan, &shown.times)
                    ));
                }
            }
            ui.horizontal_wrapped(|ui| {
                for place in inc.rescue_places {
                    let label = (tr.walk.continue_in)(&place.display().to_string());
                    if ui.button(label).clicked() {
                        commands.push(Command::ContinueLog {
                            key: inc.key,
                            folder: Some(place.clone()),
                        });
                    }
                }
                if ui.button(tr.walk.continue_elsewhere).clicked() {
                    commands.push(Command::ContinueLog {
                        key: inc.key,
                        folder: None,
                    });
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label(tr.walk.folder_label);
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut state.continue_path).desired_width(360.0))
                    .labelled_by(label.id);
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                let path = state.continue_path.trim();
                if (ui.button(tr.walk.ok).clicked() || enter) && !path.is_empty() {
                    commands.push(Command::ContinueLog {
                        key: inc.key,
                        folder: Some(PathBuf::from(path)),
                    });
                }
            });
        });
}

fn notices_ui(ui: &mut Ui, shown: &Shown<'_>, inc: &IncidentShown<'_>) {
    for n in inc.notices {
        let text = (shown.tr().incident.notice)(n);
        // A repaired crash is a footnote; damage or a log that cannot be
        // written is something the operator must see.
        let rich = if n.is_informational() {
            RichText::new(format!("ⓘ {text}"))
                .small()
                .color(theme::quiet_text(shown.dark))
        } else {
            RichText::new(format!("⚠ {text}")).color(theme::warning_text(shown.dark))
        };
        ui.add(egui::Label::new(rich).wrap());
    }
}

fn clocks_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    status: &Status<'_>,
    state: &mut State,
) {
    let tr = shown.tr();
    let times = &shown.times;
    let s = inc.projected;
    let span = |d: chrono::Duration| (tr.span)(Span::of(d));
    ui.horizontal_wrapped(|ui| {
        clock_chip(
            ui,
            shown,
            tr.walk.since_discovery,
            &span(times.since(s.discovered_at())),
            Urgency::Running,
            egui::Sense::hover(),
        );
        clock_chip(
            ui,
            shown,
            tr.walk.since_declaration,
            &span(times.since(s.declared_at())),
            Urgency::Running,
            egui::Sense::hover(),
        );
        // The people to inform are one chip: the earliest still owed, and
        // how many are left (the call panel lists them all).
        let informs: Vec<&Clock> = status
            .clocks
            .iter()
            .filter(|c| matches!(c.kind, ClockKind::Inform(_)))
            .collect();
        let owed = informs.iter().filter(|c| !c.met).count();
        let first_owed = informs.iter().find(|c| !c.met).copied();
        let shown_clocks = status.clocks.iter().filter(|c| {
            !matches!(c.kind, ClockKind::Inform(_))
                || first_owed.is_some_and(|f| std::ptr::eq(*c, f))
                || (owed == 0 && informs.last().is_some_and(|l| std::ptr::eq(*c, *l)))
        });
        for c in shown_clocks {
            let what = match &c.kind {
                ClockKind::StatusUpdate => tr.walk.next_update.to_owned(),
                ClockKind::Inform(_) => (tr.walk.informs)(owed, informs.len()),
                ClockKind::Duty(_) => shorten(&c.label, DUTY_LABEL_CHARS),
            };
            let hover = match &c.kind {
                ClockKind::Inform(_) => informs
                    .iter()
                    .map(|i| {
                        let mark = if i.met { "✓" } else { "□" };
                        format!("{mark} {} · {}", times.short(i.due), i.label)
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                _ => c.label.clone(),
            };
            let urgency = c.urgency(times.now());
            let when = match urgency {
                Urgency::Met => tr.walk.met.to_owned(),
                Urgency::Missed => format!(
                    "{} · {}",
                    times.short(c.due),
                    (tr.walk.overdue_by)(&span(times.now() - c.due))
                ),
                Urgency::Running | Urgency::Near => format!(
                    "{} · {}",
                    times.short(c.due),
                    (tr.walk.due_in)(&span(c.due - times.now()))
                ),
            };
            // A duty still owed is marked fulfilled from its clock.
            let owed_duty = match &c.kind {
                ClockKind::Duty(duty) if !c.met => Some(duty),
                _ => None,
            };
            let sense = match owed_duty {
                Some(_) => egui::Sense::click(),
                None => egui::Sense::hover(),
            };
            let chip = clock_chip(ui, shown, &what, &when, urgency, sense);
            if let Some(duty) = owed_duty {
                let chip = chip.on_hover_text(format!("{hover}\n{}", tr.talk.duty_hint));
                if chip.clicked() {
                    state.dialog = Some(dialogs::Dialog::Duty {
                        duty: duty.clone(),
                        note: String::new(),
                    });
                }
            } else {
                chip.on_hover_text(hover);
            }
        }
    });
}

/// How much of a duty's text its clock shows (the hover has it all).
const DUTY_LABEL_CHARS: usize = 30;

/// The first `n` characters of a text, with an ellipsis when it was longer.
fn shorten(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// One clock: what it counts, small, over when it is due, large.
///
/// The chip is measured before it is placed, so the wrapping row moves a
/// chip that does not fit to the next line. A frame placed as a child `Ui`
/// would take whatever width is left at the end of the row, and a Chinese
/// duty label wraps at every character: a chip a few pixels wide and the
/// whole window high, pushing the checklist out of view.
fn clock_chip(
    ui: &mut Ui,
    shown: &Shown<'_>,
    what: &str,
    when: &str,
    urgency: Urgency,
    sense: egui::Sense,
) -> egui::Response {
    const MARGIN: egui::Vec2 = egui::vec2(8.0, 4.0);
    let dark = shown.dark;
    let (fill, text) = match urgency {
        Urgency::Missed => (theme::error_fill(dark), theme::error_text(dark)),
        Urgency::Near => (theme::near_fill(dark), theme::near_text(dark)),
        Urgency::Met => (theme::card_fill(dark), theme::quiet_text(dark)),
        Urgency::Running => (theme::card_fill(dark), ui.visuals().text_color()),
    };
    // A chip wraps its text only when it is wider than a whole row.
    let wrap_width = (ui.max_rect().width() - 2.0 * MARGIN.x).max(0.0);
    let galley = |rich: RichText| {
        egui::WidgetText::from(rich).into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            wrap_width,
            egui::TextStyle::Body,
        )
    };
    let what_galley = galley(RichText::new(what).small().color(text));
    let when_galley = galley(
        RichText::new(when)
            .strong()
            .size(theme::CLOCK_SIZE)
            .color(text),
    );
    let gap = ui.spacing().item_spacing.y;
    let inner = egui::vec2(
        what_galley.size().x.max(when_galley.size().x),
        what_galley.size().y + gap + when_galley.size().y,
    );
    let (rect, response) = ui.allocate_exact_size(inner + 2.0 * MARGIN, sense);
    // A screen reader hears the whole clock, button or not.
    let role = if sense.senses_click() {
        egui::Role::Button
    } else {
        egui::Role::Label
    };
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, format!("{what} — {when}")));
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect(
            rect,
            4.0,
            fill,
            egui::Stroke::new(1.0, theme::card_stroke(dark)),
            egui::StrokeKind::Inside,
        );
        let top = rect.min + MARGIN;
        painter.galley(top, what_galley.clone(), text);
        let below = top + egui::vec2(0.0, what_galley.size().y + gap);
        painter.galley(below, when_galley, text);
    }
    response
}

/// How a step's line looks: its mark and words, from the saved state, the
/// entries on their way and the entries not saved.
fn mark(shown: &Shown<'_>, inc: &IncidentShown<'_>, item: &Item<'_>) -> (&'static str, String) {
    let tr = &shown.tr().walk;
    let about = |e: &&Entry| e.event.step() == Some(&item.step.id);
    if inc.unsaved.iter().any(|e| about(&e)) {
        return ("⚠", tr.state_not_saved.to_owned());
    }
    if inc.pending.iter().any(about) {
        return ("…", tr.state_saving.to_owned());
    }
    // Marks the bundled font draws (scripts/subset-font.sh keeps every
    // character of the sources), so they show with no fonts installed.
    match &item.state {
        ItemState::Open => ("□", tr.state_open_step.to_owned()),
        ItemState::Done => ("✓", tr.state_done.to_owned()),
        ItemState::Skipped(why) => ("⤴", (tr.state_skipped)(why)),
        ItemState::NotApplicable => ("—", tr.state_na.to_owned()),
        ItemState::Deferred => ("◇", tr.state_deferred.to_owned()),
        ItemState::Blocked(why) => ("⊘", (tr.state_blocked)(why)),
        ItemState::Bypassed(by) => ("⤵", (tr.state_bypassed)(by.as_str())),
    }
}

/// The mark of something two devices changed at once: a link to both entries.
fn two_devices_link(ui: &mut Ui, shown: &Shown<'_>) -> egui::Response {
    let tr = shown.tr();
    ui.add(egui::Link::new(
        RichText::new(tr.walk.two_devices).color(theme::warning_text(shown.dark)),
    ))
    .on_hover_text(tr.walk.two_devices_hint)
}

fn checklist_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    status: &Status<'_>,
    state: &mut State,
) {
    let tr = shown.tr();
    let (settled, total) = status.progress();
    let overdue = status.overdue().count();
    ui.label(RichText::new((tr.walk.progress)(settled, total, overdue)).strong());
    let focus = focus_step(status, state);
    let scroll = std::mem::take(&mut state.scroll_to_selection);
    // The rows: each phase's name before its first step, then the steps
    // the plan does not have. A class of a large plan has hundreds of
    // steps, and only the rows in view are laid out.
    let mut rows: Vec<Row<'_>> = Vec::with_capacity(status.items.len() + 8);
    let mut phase = "";
    for (i, item) in status.items.iter().enumerate() {
        if item.phase.id.as_str() != phase {
            phase = item.phase.id.as_str();
            rows.push(Row::Phase(&item.phase.name));
        }
        rows.push(Row::Step(i));
    }
    if !status.foreign_steps.is_empty() {
        rows.push(Row::Foreign);
    }
    let focus_row = focus.as_ref().and_then(|f| {
        rows.iter()
            .position(|r| matches!(r, Row::Step(i) if status.items[*i].step.id == *f))
    });
    VirtualList::new("checklist", 22.0)
        .scroll_to(focus_row.filter(|_| scroll))
        .show(ui, rows.len(), |ui, row| match rows[row] {
            Row::Phase(name) => {
                ui.add_space(theme::ITEM_GAP);
                ui.label(RichText::new(name).strong());
            }
            Row::Step(i) => {
                let item = &status.items[i];
                let (symbol, words) = mark(shown, inc, item);
                let quiet = item.state.is_settled();
                // A deadline goes first, where truncation cannot hide it.
                let due = item
                    .due
                    .filter(|_| !quiet)
                    .map(|d| format!("{} ", shown.times.short(d)))
                    .unwrap_or_default();
                // Changed on two devices at once: said before the text, where
                // truncation cannot hide it.
                let both =
                    if changed_on_two_devices(inc.notices, &Subject::Step(item.step.id.clone())) {
                        "⇄ "
                    } else {
                        ""
                    };
                let text = format!("{symbol} {both}{due}{}", item.step.text);
                let mut rich = RichText::new(text);
                if item.overdue {
                    rich = rich.color(theme::error_text(shown.dark));
                } else if quiet {
                    rich = rich.color(theme::quiet_text(shown.dark));
                }
                let is_focus = focus.as_ref() == Some(&item.step.id);
                // One line a step, as on a paper checklist: the panel beside
                // it and the hover give the whole text.
                let response = ui
                    .add(egui::Button::selectable(is_focus, rich).truncate())
                    .on_hover_text(format!("{}\n{} · {words}", item.step.text, item.step.id));
                if response.clicked() {
                    state.selected = Some(item.step.id.clone());
                    state.prompt = None;
                }
            }
            Row::Foreign => {
                ui.add_space(theme::ITEM_GAP);
                let ids: Vec<&str> = status.foreign_steps.iter().map(StepId::as_str).collect();
                ui.label(RichText::new(ids.join(", ")).weak());
            }
        });
}

/// A row of the checklist.
#[derive(Clone, Copy)]
enum Row<'a> {
    /// A phase's name, before its steps.
    Phase(&'a str),
    /// A step: its place in the status's items.
    Step(usize),
    /// The steps the log names that the plan does not have.
    Foreign,
}

#[allow(clippy::too_many_lines)] // One card: what, whose, when, and every action on it.
fn step_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    status: &Status<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let Some(step_id) = focus_step(status, state) else {
        let text = if inc.projected.is_open() {
            tr.walk.all_settled
        } else {
            tr.walk.closed_note
        };
        ui.label(RichText::new(text).size(theme::STEP_TEXT_SIZE));
        return;
    };
    let Some(item) = status.items.iter().find(|i| i.step.id == step_id) else {
        return;
    };
    let step = item.step;
    let current = status.next.as_ref() == Some(&step.id);
    ui.horizontal(|ui| {
        let heading = if current {
            tr.walk.current_step
        } else {
            tr.walk.selected_step
        };
        ui.label(RichText::new(heading).strong());
        ui.label(RichText::new(format!("{} · {}", item.phase.name, step.id)).weak());
        if changed_on_two_devices(inc.notices, &Subject::Step(step.id.clone()))
            && two_devices_link(ui, shown).clicked()
        {
            state.tab = Tab::Timeline;
            state.filter = timeline::Filter::All;
            state.search = step.id.to_string();
        }
        if !current && ui.link(tr.walk.back_to_current).clicked() {
            state.selected = None;
            state.scroll_to_selection = true;
        }
    });
    egui::Frame::new()
        .fill(theme::current_fill(shown.dark))
        .corner_radius(6.0)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(kind_name(tr, &step.kind)).weak());
            ui.add(egui::Label::new(RichText::new(&step.text).size(theme::STEP_TEXT_SIZE)).wrap());
            kind_detail(ui, shown, inc, item);
            let (_, words) = mark(shown, inc, item);
            let colour = if item.overdue {
                theme::error_text(shown.dark)
            } else {
                theme::quiet_text(shown.dark)
            };
            let mut line = words;
            if let Some(due) = item.due {
                let span = |d: chrono::Duration| (tr.span)(Span::of(d));
                let now = shown.times.now();
                let left = if item.overdue {
                    (tr.walk.overdue_by)(&span(now - due))
                } else if item.state.is_settled() {
                    String::new()
                } else {
                    (tr.walk.due_in)(&span(due - now))
                };
                line = format!(
                    "{line} · {} {left}",
                    (tr.walk.due_at)(&shown.times.short(due))
                );
            }
            if item.beyond_level {
                line.push_str(tr.walk.beyond_level);
            }
            ui.label(RichText::new(line).strong().color(colour));
        });
    ui.add_space(theme::ITEM_GAP);
    if let Some(refusal) = &state.refusal {
        ui.label(RichText::new(refusal).color(theme::error_text(shown.dark)));
    }
    if inc.projected.is_open() {
        match &step.kind {
            StepKind::Inform(InformWhom::CallTree) => {
                let tall = ui.ctx().content_rect().height() * 0.6;
                calls::ui(ui, shown, inc, state, commands, Some(tall));
                ui.add_space(theme::ITEM_GAP);
            }
            StepKind::Communicate { template } => {
                message::ui(ui, shown, inc, &step.id, template, state, commands);
                ui.add_space(theme::ITEM_GAP);
            }
            _ => {}
        }
        actions_ui(ui, shown, inc, item, state, commands);
    }
    ui.add_space(theme::SECTION_GAP);
    responsible_ui(ui, shown, inc.plan, step, commands);
    notes_ui(ui, shown, inc, &step.id);
    latest_ui(ui, shown, inc);
}

/// How many of the latest entries the step panel lists.
const LATEST: usize = 8;

/// The latest entries, newest first, whoever wrote them: a note typed in a
/// terminal or on another laptop shows here as soon as it is read.
fn latest_ui(ui: &mut Ui, shown: &Shown<'_>, inc: &IncidentShown<'_>) {
    let tr = shown.tr();
    ui.add_space(theme::SECTION_GAP);
    ui.label(RichText::new(tr.walk.latest).strong());
    for e in inc.projected.timeline().iter().rev().take(LATEST) {
        let state = if inc.unsaved.contains(e) {
            format!(" · {}", tr.walk.state_not_saved)
        } else if inc.pending.contains(&e) {
            format!(" · {}", tr.walk.state_saving)
        } else {
            String::new()
        };
        ui.label(
            RichText::new(format!(
                "{} {} · {}{state}",
                shown.times.short(e.at()),
                e.by,
                (tr.incident.event)(&e.event, inc.plan, &shown.times)
            ))
            .small(),
        );
    }
}

fn kind_name(tr: &Tr, kind: &StepKind) -> &'static str {
    match kind {
        StepKind::Action => tr.walk.kind_action,
        StepKind::Check => tr.walk.kind_check,
        StepKind::Decision { .. } => tr.walk.kind_decision,
        StepKind::Inform(_) => tr.walk.kind_inform,
        StepKind::Communicate { .. } => tr.walk.kind_communicate,
        StepKind::Record { .. } => tr.walk.kind_record,
    }
}

/// What the kind of step adds: the question and where each answer leads,
/// whom to inform, the template, the value recorded.
fn kind_detail(ui: &mut Ui, shown: &Shown<'_>, inc: &IncidentShown<'_>, item: &Item<'_>) {
    let tr = shown.tr();
    let step = item.step;
    match &step.kind {
        StepKind::Decision { question, yes, no } => {
            ui.label(RichText::new(question).strong().size(theme::STEP_TEXT_SIZE));
            ui.label(RichText::new((tr.walk.decision_routes)(yes.as_str(), no.as_str())).weak());
        }
        StepKind::Inform(InformWhom::CallTree) => {
            ui.label(tr.walk.inform_call_tree);
        }
        StepKind::Inform(InformWhom::Contacts(list)) => {
            ui.label(tr.walk.inform_contacts);
            for t in list {
                let callee = Callee::of(inc.plan, t);
                let phones: Vec<&str> = callee.phones().iter().map(|p| p.number).collect();
                ui.label(format!("· {} {}", callee.label(), phones.join(" / ")));
            }
        }
        StepKind::Communicate { template } => {
            let name = inc
                .plan
                .template(template)
                .map_or(template.as_str(), |t| t.name.as_str());
            ui.label((tr.walk.communicate_template)(name));
        }
        StepKind::Record { .. } => {
            if let Some(v) = inc.projected.value(&step.id) {
                ui.label(RichText::new((tr.walk.recorded)(v)).strong());
            }
        }
        StepKind::Action | StepKind::Check => {}
    }
}

#[allow(clippy::too_many_lines)] // The buttons mirror the keys one for one.
fn actions_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    item: &Item<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = &shown.tr().walk;
    let step = &item.step.id;
    let mut act = |action: Action, state: &mut State| {
        commands.push(Command::Act {
            key: inc.key,
            action,
            happened_at: None,
        });
        state.after_action();
    };
    let set = |status: StepStatus| Action::SetStep {
        step: step.clone(),
        status,
    };
    let button = |ui: &mut Ui, text: &str, key: &str| ui.button(format!("{text}  {key}"));
    match &item.step.kind {
        StepKind::Decision { .. } => {
            ui.horizontal(|ui| {
                if button(ui, tr.act_yes, "Y").clicked() {
                    act(
                        Action::Decide {
                            step: step.clone(),
                            yes: true,
                        },
                        state,
                    );
                }
                if button(ui, tr.act_no, "N").clicked() {
                    act(
                        Action::Decide {
                            step: step.clone(),
                            yes: false,
                        },
                        state,
                    );
                }
            });
        }
        StepKind::Record { label, .. } => {
            ui.horizontal(|ui| {
                let l = ui.label(label);
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut state.value).desired_width(220.0))
                    .labelled_by(l.id);
                if state.focus_prompt && state.prompt.is_none() {
                    edit.request_focus();
                    state.focus_prompt = false;
                }
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if (button(ui, tr.act_record, "Enter").clicked() || enter)
                    && !state.value.trim().is_empty()
                {
                    let value = state.value.trim().to_owned();
                    act(
                        Action::Record {
                            step: step.clone(),
                            value,
                        },
                        state,
                    );
                }
            });
        }
        _ => {
            let done = RichText::new(format!("{}  Enter / D", tr.act_done))
                .strong()
                .size(theme::NAME_SIZE);
            if ui.add(egui::Button::new(done)).clicked() {
                act(set(StepStatus::Done), state);
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        if button(ui, tr.act_skip, "S").clicked() {
            state.prompt = Some((Prompt::Skip, String::new()));
            state.focus_prompt = true;
        }
        if button(ui, tr.act_na, "X").clicked() {
            act(set(StepStatus::NotApplicable), state);
        }
        if button(ui, tr.act_defer, "L").clicked() {
            act(set(StepStatus::Deferred), state);
        }
        if button(ui, tr.act_block, "B").clicked() {
            state.prompt = Some((Prompt::Block, String::new()));
            state.focus_prompt = true;
        }
        if button(ui, tr.act_reopen, "R").clicked() {
            act(set(StepStatus::Reopened), state);
            state.selected = Some(step.clone());
        }
        if button(ui, tr.act_note, "M").clicked() {
            state.prompt = Some((Prompt::Note, String::new()));
            state.focus_prompt = true;
        }
    });
    prompt_ui(ui, shown, inc, step, state, commands);
}

/// The reason or note being typed: Enter records it, Esc cancels.
fn prompt_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    step: &StepId,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = &shown.tr().walk;
    let Some((kind, text)) = &mut state.prompt else {
        return;
    };
    let mut submit = false;
    let mut cancel = false;
    ui.horizontal(|ui| {
        let label = ui.label(match kind {
            Prompt::Skip | Prompt::Block => tr.reason,
            Prompt::Note => tr.note,
        });
        let edit = ui
            .add(egui::TextEdit::singleline(text).desired_width(360.0))
            .labelled_by(label.id);
        if state.focus_prompt {
            edit.request_focus();
            state.focus_prompt = false;
        }
        if edit.lost_focus() {
            submit |= ui.input(|i| i.key_pressed(Key::Enter));
            cancel |= ui.input(|i| i.key_pressed(Key::Escape));
        }
        submit |= ui.button(tr.ok).clicked();
        cancel |= ui.button(tr.cancel).clicked();
    });
    if cancel {
        state.prompt = None;
        return;
    }
    let text = text.trim().to_owned();
    if !submit || text.is_empty() {
        return;
    }
    let action = match kind {
        Prompt::Skip => Action::SetStep {
            step: step.clone(),
            status: StepStatus::Skipped { reason: text },
        },
        Prompt::Block => Action::SetStep {
            step: step.clone(),
            status: StepStatus::Blocked { reason: text },
        },
        Prompt::Note => Action::Note {
            text,
            step: Some(step.clone()),
            corrects: None,
        },
    };
    let keep = matches!(kind, Prompt::Note);
    commands.push(Command::Act {
        key: inc.key,
        action,
        happened_at: None,
    });
    state.after_action();
    if keep {
        // A note does not move the walk on.
        state.selected = Some(step.clone());
    }
}

/// The role that owns the step: its holder with a copyable number, and the
/// deputies in order.
fn responsible_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    plan: &Plan,
    step: &crate::model::plan::doc::Step,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let target = Target::Role(step.role.clone());
    let callee = Callee::of(plan, &target);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr.walk.responsible).weak());
        ui.label(RichText::new(callee.role_name().unwrap_or(step.role.as_str())).strong());
        match &callee {
            Callee::Role {
                holder: Some(_), ..
            } => {
                ui.label(RichText::new(callee.name()).size(theme::NAME_SIZE));
                phones_ui(ui, shown, &callee, commands);
            }
            _ => {
                ui.label(tr.walk.no_holder);
            }
        }
    });
    let Some(role) = plan.role(&step.role) else {
        return;
    };
    if role.deputies.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr.walk.deputies).weak());
        for id in &role.deputies {
            let t = Target::Person(id.clone());
            let deputy = Callee::of(plan, &t);
            ui.label(deputy.name());
            phones_ui(ui, shown, &deputy, commands);
        }
    });
}

fn phones_ui(ui: &mut Ui, shown: &Shown<'_>, callee: &Callee<'_>, commands: &mut Vec<Command>) {
    for phone in callee.phones() {
        let text = RichText::new(phone.number)
            .monospace()
            .size(theme::NUMBER_SIZE);
        if ui
            .add(egui::Button::new(text))
            .on_hover_text(shown.tr().copy)
            .clicked()
        {
            commands.push(Command::Copy(phone.number.to_owned()));
        }
    }
}

fn notes_ui(ui: &mut Ui, shown: &Shown<'_>, inc: &IncidentShown<'_>, step: &StepId) {
    let entries: Vec<&Entry> = inc
        .projected
        .entries_about(step)
        .filter(|e| matches!(e.event, crate::model::incident::Event::Note { .. }))
        .collect();
    if entries.is_empty() {
        return;
    }
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(shown.tr().walk.notes).strong());
    for e in entries {
        if let crate::model::incident::Event::Note { text, .. } = &e.event {
            ui.label(format!("{} {} · {text}", shown.times.short(e.at()), e.by));
        }
    }
}
