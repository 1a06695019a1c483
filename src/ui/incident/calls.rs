//! The call tree being worked: every call of the current level, who was
//! reached, whom to call next with their numbers, what is overdue. Logging
//! an attempt is one key (1 reached, 2 no answer, 3 left a message, 4 wrong
//! number) on the chosen call's next person; a holder who does not answer
//! leads straight to the deputy, a call answered moves on to the next call.

use egui::{Key, RichText, Ui};

use super::super::virtual_list::VirtualList;
use super::super::{Command, Shown, theme, widgets};
use super::{IncidentShown, State};
use crate::i18n::time::Span;
use std::rc::Rc;

use crate::model::ids::LevelId;
use crate::model::incident::{
    Action, CallLine, CallOutcome, CallSheet, CallState, Channel, EntryRef,
};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::Target;

/// The call tree worked out from the timeline, kept while the timeline
/// and the level are the same: a large organisation's tree has hundreds of
/// calls, too many to work out again on every frame.
#[derive(Clone, Debug, Default)]
pub struct Cached {
    /// The timeline's length and last entry, and the level, it was worked from.
    key: Option<((usize, Option<EntryRef>), LevelId)>,
    sheet: Option<Rc<CallSheet>>,
}

/// The call tree of the incident's current level, worked out only when
/// something was recorded since.
fn sheet(inc: &IncidentShown<'_>, state: &mut State) -> Rc<CallSheet> {
    let key = (inc.projected.timeline_mark(), inc.projected.level().clone());
    match &state.sheet {
        Cached {
            key: Some(k),
            sheet: Some(sheet),
        } if *k == key => Rc::clone(sheet),
        _ => {
            let sheet = Rc::new(inc.projected.calls(inc.plan));
            state.sheet = Cached {
                key: Some(key),
                sheet: Some(Rc::clone(&sheet)),
            };
            sheet
        }
    }
}

/// The call the keys act on: the one chosen, else the first still open.
fn chosen<'s>(sheet: &'s CallSheet, state: &State) -> Option<&'s CallLine> {
    state
        .call_line
        .as_ref()
        .and_then(|o| sheet.lines.iter().find(|l| &l.order == o))
        .or_else(|| sheet.open().next())
}

/// An attempt on a call of the tree, saying which call it was for.
fn attempt(line: &CallLine, to: Target, outcome: CallOutcome) -> Action {
    Action::Call {
        to,
        via: Channel::Mobile,
        outcome,
        note: String::new(),
        line: Some(line.target.clone()),
    }
}

/// The call keys: digits log an outcome on the chosen call's next person;
/// with `arrows`, ↑ and ↓ choose the call.
pub fn keys(
    ctx: &egui::Context,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
    arrows: bool,
) {
    let sheet = sheet(inc, state);
    let pressed = |key: Key| ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
    if arrows && !sheet.lines.is_empty() {
        let at = chosen(&sheet, state)
            .and_then(|c| sheet.lines.iter().position(|l| l.order == c.order))
            .unwrap_or(0);
        if pressed(Key::ArrowDown) {
            let next = (at + 1).min(sheet.lines.len() - 1);
            state.call_line = Some(sheet.lines[next].order.clone());
            return;
        }
        if pressed(Key::ArrowUp) {
            state.call_line = Some(sheet.lines[at.saturating_sub(1)].order.clone());
            return;
        }
    }
    let Some(line) = chosen(&sheet, state) else {
        return;
    };
    let Some(next) = line.next.clone() else {
        return;
    };
    for (key, outcome) in [
        (Key::Num1, CallOutcome::Reached),
        (Key::Num2, CallOutcome::NoAnswer),
        (Key::Num3, CallOutcome::LeftMessage),
        (Key::Num4, CallOutcome::WrongNumber),
    ] {
        if pressed(key) {
            commands.push(Command::Act {
                key: inc.key,
                action: attempt(line, next, outcome),
                happened_at: None,
            });
            if outcome == CallOutcome::Reached {
                // Answered: the next open call is chosen next.
                state.call_line = None;
            }
            return;
        }
    }
}

/// Draws the call tree; the calls scroll, at most `max_height` tall when
/// given (inside the step panel, which scrolls itself).
pub fn ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
    max_height: Option<f32>,
) {
    let tr = shown.tr();
    let sheet = sheet(inc, state);
    let now = shown.times.now();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new((tr.talk.calls_title)(inc.projected.level().as_str())).strong());
        if let Some(root) = &sheet.root {
            ui.label(RichText::new((tr.talk.calls_root)(&label(inc.plan, root))).weak());
        }
    });
    if sheet.lines.is_empty() {
        ui.label(tr.talk.no_call_tree);
        return;
    }
    let (reached, all) = sheet.progress();
    let overdue = sheet.lines.iter().filter(|l| l.overdue(now)).count();
    ui.label(RichText::new((tr.talk.calls_progress)(reached, all, overdue)).strong());
    ui.label(RichText::new(tr.talk.calls_keys).small().weak());
    let current = chosen(&sheet, state).map(|l| l.order.clone());
    // A large organisation's tree has hundreds of calls: only those in
    // view are laid out.
    let mut list = VirtualList::new("calls", 80.0);
    if let Some(h) = max_height {
        list = list.max_height(h);
    }
    list.show(ui, sheet.lines.len(), |ui, i| {
        let line = &sheet.lines[i];
        let is_current = current.as_ref() == Some(&line.order);
        line_ui(ui, shown, inc, line, is_current, state, commands);
    });
}

#[allow(clippy::too_many_lines)] // One call: who, when, how it stands, and each person to try.
fn line_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    line: &CallLine,
    is_current: bool,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let times = &shown.times;
    let now = times.now();
    let dark = shown.dark;
    let indent = theme::TREE_INDENT * (line.depth.saturating_sub(1)) as f32;
    ui.horizontal(|ui| {
        ui.add_space(indent);
        widgets::Card::new(dark).show(ui, |ui| {
            ui.vertical(|ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(&line.order).monospace().weak());
                    // The call's name chooses it for the keys.
                    let name = RichText::new(label(inc.plan, &line.target))
                        .strong()
                        .size(theme::NAME_SIZE);
                    if ui.selectable_label(is_current, name).clicked() {
                        state.call_line = Some(line.order.clone());
                    }
                    if let Some(due) = line.due.filter(|_| line.reached.is_none()) {
                        let span = |d: chrono::Duration| (tr.span)(Span::of(d));
                        let (text, colour) = if line.overdue(now) {
                            (
                                format!(
                                    "{} · {}",
                                    times.short(due),
                                    (tr.walk.overdue_by)(&span(now - due))
                                ),
                                theme::error_text(dark),
                            )
                        } else {
                            (
                                format!(
                                    "{} · {}",
                                    times.short(due),
                                    (tr.walk.due_in)(&span(due - now))
                                ),
                                ui.visuals().text_color(),
                            )
                        };
                        ui.label(RichText::new(text).strong().color(colour));
                    }
                });
                match (&line.reached, &line.next) {
                    (Some((who, at)), _) => {
                        ui.label(
                            RichText::new((tr.talk.call_reached)(
                                &label(inc.plan, who),
                                &times.short(*at),
                            ))
                            .color(theme::saved_text(dark)),
                        );
                    }
                    (None, None) => {
                        ui.label(
                            RichText::new(tr.talk.call_nobody_left)
                                .color(theme::warning_text(dark)),
                        );
                    }
                    (None, Some(_)) => {}
                }
                for c in &line.candidates {
                    let next = line.next.as_ref() == Some(&c.target);
                    ui.horizontal_wrapped(|ui| {
                        let mark = if next { "▶" } else { " " };
                        ui.label(RichText::new(mark).strong());
                        ui.label(RichText::new(label(inc.plan, &c.target)).strong());
                        let colour = match c.state {
                            CallState::Reached => theme::saved_text(dark),
                            CallState::NotCalled => theme::quiet_text(dark),
                            _ => theme::warning_text(dark),
                        };
                        // The next person on the chosen call is the one being dialled.
                        let words = if next && is_current && c.state == CallState::NotCalled {
                            tr.talk.calling
                        } else {
                            (tr.talk.call_state)(c.state)
                        };
                        ui.label(RichText::new(words).color(colour));
                        for phone in Callee::of(inc.plan, &c.target).phones() {
                            let text = RichText::new(phone.number)
                                .monospace()
                                .size(theme::CLOCK_SIZE);
                            if ui.button(text).on_hover_text(tr.copy).clicked() {
                                commands.push(Command::Copy(phone.number.to_owned()));
                            }
                        }
                        if line.reached.is_none() {
                            for (word, outcome) in [
                                (tr.talk.outcome_reached, CallOutcome::Reached),
                                (tr.talk.outcome_no_answer, CallOutcome::NoAnswer),
                                (tr.talk.outcome_message, CallOutcome::LeftMessage),
                                (tr.talk.outcome_wrong, CallOutcome::WrongNumber),
                            ] {
                                if ui.small_button(word).clicked() {
                                    commands.push(Command::Act {
                                        key: inc.key,
                                        action: attempt(line, c.target.clone(), outcome),
                                        happened_at: None,
                                    });
                                    state.call_line = Some(line.order.clone());
                                }
                            }
                        }
                    });
                }
            });
        });
    });
}

fn label(plan: &Plan, target: &Target) -> String {
    Callee::of(plan, target).label()
}
