//! The walk's keyboard. Every action on the step on screen is a key (Y/N,
//! Enter or D, X, L, R, S, B, M), the arrows choose a step, and the Ctrl
//! shortcuts open the call tree, the timeline and the incident's decisions
//! from wherever the keyboard is. An inform step's digits log its calls
//! (`calls::keys`).
//!
//! Typing goes where the eye is: a step that takes a value has its field
//! holding the keyboard, and on such a step a printable key pressed with no
//! field holding it starts the value, never a shortcut (at three in the
//! morning `s` is the first letter of a word, not a skip). While any text
//! field has the keyboard no single key acts; a decision is done only by
//! its answer.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::super::{Command, Shown};
use super::{
    IncidentShown, Prompt, State, Tab, active, calls, dialogs, focus_step, value_field_id,
};
use crate::model::ids::StepId;
use crate::model::incident::{Action, Item, StepStatus};
use crate::model::plan::doc::{Choice, InformWhom, StepKind};

/// The incident view's keys, taken before anything is drawn so that a
/// focused button does not also act on them. Letters act only when no text
/// field has the keyboard; on a step that takes a value, what is typed
/// goes into its field, never to a shortcut.
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
    // A clock's alert is answered from anywhere, a text field included.
    super::alerts::keys(ctx, shown, inc, commands);
    let undo = |ctx: &egui::Context| {
        inc.projected.is_open()
            && ctx.input_mut(|i| {
                i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z))
            })
    };
    if ctx.text_edit_focused() {
        // The value field holds the keyboard whenever a value step is on
        // screen; ↑ and ↓ (which mean nothing in one line) still choose
        // the step, so the list can be walked from it.
        let in_value = ctx.memory(egui::Memory::focused) == Some(value_field_id());
        // Ctrl+Z in a field is the field's own undo, except in the empty
        // value field that took the keyboard after the entry to take back.
        if in_value && state.value.is_empty() && undo(ctx) {
            commands.push(Command::Undo { key: inc.key });
            state.after_action();
            return;
        }
        if in_value && state.tab == Tab::Walk {
            let status = inc.projected.status(inc.plan, shown.times.now());
            if let Some(step_id) = focus_step(&status, state)
                && arrows(ctx, &status.items, &step_id, state)
            {
                ctx.memory_mut(|m| m.surrender_focus(value_field_id()));
            }
        }
        return;
    }
    // Ctrl+Z takes back the last entry, in every tab; in a text field it
    // is the field's own (above).
    if undo(ctx) {
        commands.push(Command::Undo { key: inc.key });
        state.after_action();
        return;
    }
    match state.tab {
        Tab::Calls => {
            calls::keys(ctx, inc, state, commands, true);
            return;
        }
        Tab::Timeline | Tab::Review => return,
        Tab::Walk => {}
    }
    // Every key below is a key press or typed text; most frames have none,
    // and the checklist's status is worked out again for drawing.
    let any_press = ctx.input(|i| {
        i.events.iter().any(|e| {
            matches!(e, egui::Event::Key { pressed: true, .. }) || !typed_text(e).is_empty()
        })
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
    let Some(item) = items.iter().find(|i| i.step.id == step_id) else {
        return;
    };
    // On a step that takes a value, a printable key starts the value: the
    // field takes the keyboard now, before it is drawn, and the text typed
    // goes into it this very frame; no letter is read as a shortcut. A
    // value of a few is chosen by its digit, and the other keys that type
    // do nothing.
    if let StepKind::Record { choices, .. } = &item.step.kind
        && inc.projected.is_open()
    {
        if !choices.is_empty() {
            if let Some(choice) = chosen_by_digit(ctx, choices) {
                commands.push(Command::Act {
                    key: inc.key,
                    action: Action::Record {
                        step: item.step.id.clone(),
                        value: choice.label.clone(),
                    },
                    happened_at: None,
                });
                state.after_action();
                return;
            }
            if take_typing(ctx) {
                return;
            }
        } else if start_value(ctx) {
            return;
        }
    }
    if arrows(ctx, items, &step_id, state) {
        return;
    }
    if pressed_in(ctx, Key::Home) {
        state.selected = None;
        state.prompt = None;
        state.scroll_to_selection = true;
        return;
    }
    // An inform step carries the call tree: the digits log its calls.
    if matches!(item.step.kind, StepKind::Inform(InformWhom::CallTree)) {
        calls::keys(ctx, inc, state, commands, false);
    }
    step_keys(ctx, shown, inc, item, state, commands);
}

/// ↑ and ↓ choose the step before or after `step_id`; returns whether one
/// was pressed.
fn arrows(ctx: &egui::Context, items: &[Item<'_>], step_id: &StepId, state: &mut State) -> bool {
    let pos = items.iter().position(|i| i.step.id == *step_id);
    let next = if pressed_in(ctx, Key::ArrowDown) {
        pos.and_then(|p| items.get(p + 1))
    } else if pressed_in(ctx, Key::ArrowUp) {
        pos.and_then(|p| p.checked_sub(1))
            .and_then(|p| items.get(p))
    } else {
        return false;
    };
    if let Some(next) = next {
        state.selected = Some(next.step.id.clone());
        state.prompt = None;
        state.scroll_to_selection = true;
    }
    // The arrow chose a step: egui must not also move the keyboard to the
    // widget above or below (the step's own field takes it when it has one).
    ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    true
}

/// The text an event types: a key's character, or what is pasted.
fn typed_text(event: &egui::Event) -> &str {
    match event {
        egui::Event::Text(t) | egui::Event::Paste(t) => t,
        _ => "",
    }
}

/// When text was typed this frame, or a key that types pressed (with no
/// field holding the keyboard), gives the value field the keyboard and
/// takes the presses of the keys that type, so that no shortcut reads
/// them; the text itself is left for the field. Returns whether there was
/// any.
fn start_value(ctx: &egui::Context) -> bool {
    let printing = |e: &egui::Event| match e {
        egui::Event::Key {
            key,
            modifiers,
            pressed: true,
            ..
        } => !(modifiers.command || modifiers.ctrl || modifiers.alt) && prints(*key),
        other => !typed_text(other).is_empty(),
    };
    if !ctx.input(|i| i.events.iter().any(printing)) {
        return false;
    }
    ctx.input_mut(|i| {
        i.events.retain(|e| match e {
            egui::Event::Key { key, modifiers, .. } => {
                modifiers.command || modifiers.ctrl || modifiers.alt || !prints(*key)
            }
            _ => true,
        });
    });
    ctx.memory_mut(|m| m.request_focus(value_field_id()));
    true
}

/// The choice whose digit (1 for the first) was pressed, if any.
fn chosen_by_digit<'c>(ctx: &egui::Context, choices: &'c [Choice]) -> Option<&'c Choice> {
    const DIGITS: [Key; 9] = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    choices
        .iter()
        .zip(DIGITS)
        .find(|(_, key)| pressed_in(ctx, *key))
        .map(|(c, _)| c)
}

/// Takes the presses of the keys that type, and what they typed, so that
/// none is read as a shortcut; returns whether there were any.
fn take_typing(ctx: &egui::Context) -> bool {
    let typing = |e: &egui::Event| match e {
        egui::Event::Key { key, modifiers, .. } => {
            !(modifiers.command || modifiers.ctrl || modifiers.alt) && prints(*key)
        }
        other => !typed_text(other).is_empty(),
    };
    ctx.input_mut(|i| {
        let before = i.events.len();
        i.events.retain(|e| !typing(e));
        i.events.len() != before
    })
}

/// Whether a key (without Ctrl or Alt) types a character, rather than
/// moving, confirming, editing or being a function key.
fn prints(key: Key) -> bool {
    let name = key.name();
    let function_key =
        name.len() > 1 && name.starts_with('F') && name[1..].chars().all(|c| c.is_ascii_digit());
    !function_key
        && !matches!(
            key,
            Key::Enter
                | Key::Escape
                | Key::Tab
                | Key::Backspace
                | Key::Delete
                | Key::Insert
                | Key::Home
                | Key::End
                | Key::PageUp
                | Key::PageDown
                | Key::ArrowUp
                | Key::ArrowDown
                | Key::ArrowLeft
                | Key::ArrowRight
                | Key::Copy
                | Key::Cut
                | Key::Paste
                | Key::BrowserBack
                | Key::BrowserForward
                | Key::BrowserRefresh
        )
}

/// The keys that act on the step on screen.
fn step_keys(
    ctx: &egui::Context,
    shown: &Shown<'_>,
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
    } else if pressed(Key::Enter) || pressed(Key::D) {
        if decision {
            // A decision is done by its answer: say which keys give it.
            state.refusal = Some(shown.tr().walk.answer_first.to_owned());
        } else if record {
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
