//! The quick note at the foot of an open incident: what is said on the
//! bridge call, typed and recorded with Enter, timed when its first key was
//! pressed or at a time typed for something that happened earlier.

use egui::{Key, RichText, Ui};

use super::super::{Command, Shown, theme};
use super::{IncidentShown, State};
use crate::i18n::Tr;
use crate::model::incident::{Action, Happened, Incident};

/// A quick note, always ready: typing and Enter records it, timed when its
/// first key was pressed, or at the time given for something that happened
/// earlier.
pub(super) fn quick_ui(
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
