//! The step panel: the step on screen (the current one, or the one chosen)
//! with its kind, text and deadline, its call tree or message, the action
//! buttons that mirror the keys, the reason or note being typed, the role
//! that owns it with the holder's and deputies' phones, its notes, and the
//! latest entries of the whole incident.

use egui::{Key, RichText, Ui};

use super::super::{Command, Shown, theme};
use super::checklist::mark;
use super::header::two_devices_link;
use super::{
    IncidentShown, Prompt, State, Tab, calls, focus_step, message, timeline, value_field_id,
};
use crate::i18n::Tr;
use crate::i18n::time::Span;
use crate::model::ids::StepId;
use crate::model::incident::merge::Subject;
use crate::model::incident::{Action, Entry, Item, Status, StepStatus};
use crate::model::notice::changed_on_two_devices;
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::{InformWhom, StepKind, Target};

#[allow(clippy::too_many_lines)] // One card: what, whose, when, and every action on it.
pub(super) fn step_ui(
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
/// terminal or on another laptop shows here as soon as it is read. In the
/// body's size (read at arm's length), steps named by their text.
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
        let mut text = RichText::new(format!(
            "{} {} · {}{state}",
            shown.times.short(e.at()),
            e.by,
            (tr.incident.entry)(e, inc.projected, inc.plan, &shown.times)
        ));
        if inc.projected.is_undone(e) {
            text = text.strikethrough().color(theme::quiet_text(shown.dark));
        }
        ui.label(text);
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
        StepKind::Record { label, choices, .. } if !choices.is_empty() => {
            // A value of a few: one button each, its digit the key.
            let recorded = inc.projected.value(step);
            ui.horizontal_wrapped(|ui| {
                ui.label(label);
                for (i, c) in choices.iter().enumerate() {
                    let chosen = recorded == Some(c.label.as_str());
                    let text =
                        RichText::new(format!("{}  {}", c.label, i + 1)).size(theme::NAME_SIZE);
                    if ui.selectable_label(chosen, text).clicked() {
                        act(
                            Action::Record {
                                step: step.clone(),
                                value: c.label.clone(),
                            },
                            state,
                        );
                    }
                }
            });
        }
        StepKind::Record { label, .. } => {
            let id = value_field_id();
            // A step that takes a value puts the keyboard in its field when
            // it comes on screen, unless another field holds it (a quick
            // note being typed is not interrupted).
            if state.value_step.as_ref() != Some(step) {
                state.value.clear();
                state.value_step = Some(step.clone());
                if ui.memory(|m| m.focused().is_none_or(|f| f == id)) {
                    ui.memory_mut(|m| m.request_focus(id));
                }
            }
            ui.horizontal(|ui| {
                let l = ui.label(label);
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut state.value)
                            .id(id)
                            .desired_width(220.0),
                    )
                    .labelled_by(l.id);
                if state.focus_prompt && state.prompt.is_none() {
                    edit.request_focus();
                    state.focus_prompt = false;
                }
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                let record = button(ui, tr.act_record, "Enter").clicked() || enter;
                if record && !state.value.trim().is_empty() {
                    let typed = state.value.clone();
                    act(
                        Action::Record {
                            step: step.clone(),
                            value: typed.trim().to_owned(),
                        },
                        state,
                    );
                    // Kept until the step changes: a value refused (not a
                    // number, say) is there to be mended, not typed again.
                    state.value = typed;
                } else if enter {
                    // Nothing typed yet: the keyboard stays in the field.
                    edit.request_focus();
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
