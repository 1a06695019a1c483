//! The incident window: one open incident, walked step by step.
//!
//! The operator sees the checklist of the class at the current level, the
//! current step with whom it belongs to and its deadline, the clocks, and
//! whether the log is saving, saved or failing. Every action is a key; the
//! view returns [`Command::Act`] with a model `Action`, and the app hands it
//! to the incident's writer. A step shows as done only once the writer has
//! it on disk: until then it says "saving…", and after a failed write "NOT
//! SAVED", with the red banner that offers another folder.
//!
//! This file is the view's entry point: what it is shown
//! ([`IncidentShown`]), what it keeps ([`State`]) and the order its parts
//! are drawn in. Each part is a file of its own: `keys` (the keyboard),
//! `header` (title, level, commander, the tabs and the decisions),
//! `banners` (drill, failed write, notices, the log's health), `clocks`,
//! `checklist`, `step` (the step panel and its actions) and `quick` (the
//! quick note); the other tabs and forms are `calls`, `timeline`,
//! `review`, `message`, `dialogs`, `declare` and `list`.

pub mod alerts;
mod banners;
pub mod calls;
mod checklist;
mod clocks;
pub mod declare;
pub mod dialogs;
mod header;
mod keys;
pub mod list;
pub mod message;
mod quick;
pub mod review;
mod step;
pub mod timeline;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use egui::Ui;

use self::banners::{drill_banner, failure_ui, notices_ui};
use self::checklist::checklist_ui;
use self::clocks::clocks_ui;
use self::header::{actions_bar, header_ui};
pub use self::header::{drill_chip, level_chip};
pub use self::keys::keys;
use self::quick::quick_ui;
use self::step::step_ui;
use super::{Command, Shown, theme};
use crate::model::ids::StepId;
use crate::model::incident::{Entry, EntryRef, Incident, Status};
use crate::model::notice::{LogError, Notice};
use crate::model::plan::Plan;

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
    /// The step the value field was last drawn for: when the step on
    /// screen changes, the field is emptied (a value is never recorded on
    /// another step than the one it was typed for) and takes the keyboard.
    value_step: Option<StepId>,
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
    /// What is being typed in the Review tab.
    pub review: review::Form,
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
    /// The review: action items and findings, open or closed.
    Review,
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

/// The walk's value field: one at a time is on screen, so its id is fixed,
/// and the keys can give it the keyboard before it is drawn (the keys are
/// read first), so that the text typed in that frame lands in it.
pub(super) fn value_field_id() -> egui::Id {
    egui::Id::unique("incident-walk-value")
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

/// Draws the incident view.
pub fn ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State, commands: &mut Vec<Command>) {
    let tr = shown.tr();
    let Some(inc) = active(shown, state) else {
        ui.add_space(theme::SECTION_GAP);
        ui.label(tr.walk.no_incident_open);
        return;
    };
    let status = inc.projected.status(inc.plan, shown.times.now());
    // A clock's alert takes the drill banner's row (and says DRILL).
    if !alerts::alerts_ui(ui, shown, inc, commands) && inc.projected.is_drill() {
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
        Tab::Review => {
            review::ui(ui, shown, inc, state, commands);
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
