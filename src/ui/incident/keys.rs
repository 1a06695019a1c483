//! The walk's keyboard. Every action on the step on screen is a key (Y/N,
//! Enter or D, X, L, R, S, B, M), the arrows choose a step, and the Ctrl
//! shortcuts open the call tree, the timeline and the incident's decisions
//! from wherever the keyboard is. An inform step's digits log its calls
//! (`calls::keys`).

use egui::{Key, KeyboardShortcut, Modifiers};

use super::super::{Command, Shown};
use super::{IncidentShown, Prompt, State, Tab, active, calls, dialogs, focus_step};
use crate::model::incident::{Action, Item, StepStatus};
use crate::model::plan::doc::{InformWhom, StepKind};

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
