//! The incident's decisions, each a small dialog that asks for what the log
//! must keep and says what will follow: a level change (with the steps that
//! join), warnings, a handover (with a briefing drafted from the state),
//! closing (with what is still open and the duties still due), reopening,
//! and a reporting duty fulfilled. Enter (Ctrl+Enter in a long text)
//! confirms, Esc cancels.

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::super::{Command, Shown, theme, widgets};
use super::{IncidentShown, level_chip};
use crate::model::ids::{ItemId, LevelId};
use crate::model::incident::{Action, ActionError, Commander};
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::Target;

/// Confirms a dialog with a long text.
pub const CONFIRM: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Enter);

/// A dialog open over the incident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// Change the level.
    Level {
        /// To this level.
        to: LevelId,
        /// Why.
        reason: String,
    },
    /// Issue or lift warnings.
    Warnings {
        /// Why, for the next one issued or lifted.
        note: String,
    },
    /// Hand command over.
    Handover {
        /// To whom, as typed.
        to: String,
        /// The briefing.
        briefing: String,
    },
    /// Close the response.
    Close {
        /// What happened and how it ended.
        summary: String,
    },
    /// Reopen it.
    Reopen {
        /// Why.
        reason: String,
    },
    /// A reporting duty fulfilled.
    Duty {
        /// Which.
        duty: ItemId,
        /// Reference number, who took it.
        note: String,
    },
}

impl Dialog {
    /// The level change one step up (`up`) or down from the current level,
    /// if there is such a level.
    #[must_use]
    pub fn level_step(inc: &IncidentShown<'_>, up: bool) -> Option<Self> {
        let levels = &inc.plan.doc().levels;
        let at = levels.iter().position(|l| l.id == *inc.projected.level())?;
        // Levels are listed most severe first: up is one back.
        let to = if up { at.checked_sub(1)? } else { at + 1 };
        levels.get(to).map(|l| Self::Level {
            to: l.id.clone(),
            reason: String::new(),
        })
    }

    /// A handover, with the briefing drafted from the state now.
    #[must_use]
    pub fn handover(shown: &Shown<'_>, inc: &IncidentShown<'_>) -> Self {
        let tr = shown.tr();
        let times = &shown.times;
        let b = inc.projected.briefing(inc.plan, times.now());
        let clocks: Vec<String> = b
            .next_clocks
            .iter()
            .map(|c| format!("{} {}", times.short(c.due), c.label))
            .collect();
        let sep = if shown.lang == crate::i18n::Lang::Zh {
            "；"
        } else {
            "; "
        };
        Self::Handover {
            to: String::new(),
            briefing: (tr.talk.briefing)(&b, &clocks.join(sep)),
        }
    }
}

/// What a dialog's fields make: the action, when they are complete, and
/// whether the operator already asked for it (Enter in a one-line field, or
/// a button that is its own confirmation).
struct Prepared {
    action: Option<Action>,
    submit: bool,
}

impl Prepared {
    fn new(action: Option<Action>, submit: bool) -> Self {
        Self { action, submit }
    }
}

/// Draws the dialog; returns whether it stays open.
pub fn ui(
    ctx: &egui::Context,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    dialog: &mut Dialog,
    commands: &mut Vec<Command>,
) -> bool {
    let mut keep = true;
    let modal = egui::Modal::new(egui::Id::unique("incident-dialog")).show(ctx, |ui| {
        ui.set_max_width(620.0);
        // Taken first: a focused field would take the Enter of Ctrl+Enter.
        let by_key = ui.input_mut(|i| i.consume_shortcut(&CONFIRM));
        let prepared = match dialog {
            Dialog::Level { to, reason } => level_ui(ui, shown, inc, to, reason),
            Dialog::Warnings { note } => warnings_ui(ui, shown, inc, note),
            Dialog::Handover { to, briefing } => handover_ui(ui, shown, inc, to, briefing),
            Dialog::Close { summary } => close_ui(ui, shown, inc, summary),
            Dialog::Reopen { reason } => {
                let tr = &shown.tr().talk;
                ui.heading(tr.reopen_title);
                let entered = text_line(ui, tr.reopen_reason, reason);
                let reason = reason.trim().to_owned();
                Prepared::new(
                    (!reason.is_empty()).then_some(Action::Reopen { reason }),
                    entered,
                )
            }
            Dialog::Duty { duty, note } => duty_ui(ui, shown, inc, duty, note),
        };
        ui.add_space(theme::ITEM_GAP);
        let confirm = ui.horizontal(|ui| {
            let ok = ui
                .button(RichText::new(shown.tr().talk.confirm).strong())
                .clicked();
            if ui.button(shown.tr().talk.cancel).clicked() {
                keep = false;
            }
            ok
        });
        let asked = confirm.inner || by_key || prepared.submit;
        if let Some(action) = prepared.action.filter(|_| asked) {
            commands.push(Command::Act {
                key: inc.key,
                action,
                happened_at: None,
            });
            keep = matches!(dialog, Dialog::Warnings { .. });
        }
    });
    if modal.should_close() {
        keep = false;
    }
    keep
}

/// A labelled one-line field, with the keyboard in it while it is empty;
/// returns whether Enter was pressed in it.
fn text_line(ui: &mut Ui, label: &str, text: &mut String) -> bool {
    ui.horizontal(|ui| {
        let l = ui.label(RichText::new(label).strong());
        let edit = ui
            .add(egui::TextEdit::singleline(text).desired_width(440.0))
            .labelled_by(l.id);
        if !edit.has_focus() && text.is_empty() {
            edit.request_focus();
        }
        edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
    })
    .inner
}

fn level_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    to: &LevelId,
    reason: &mut String,
) -> Prepared {
    let tr = shown.tr();
    let Some(level) = inc.plan.level(to) else {
        return Prepared::new(None, false);
    };
    ui.heading((tr.talk.level_title)(to.as_str(), &level.name));
    ui.horizontal(|ui| {
        if let Some(now) = inc.plan.level(inc.projected.level()) {
            level_chip(ui, tr, now);
        }
        ui.label("→");
        level_chip(ui, tr, level);
    });
    let joining = inc
        .projected
        .steps_joining(inc.plan, to, shown.times.now())
        .len();
    ui.label((tr.talk.level_adds)(joining));
    let entered = text_line(ui, tr.talk.level_reason, reason);
    let reason = reason.trim().to_owned();
    Prepared::new(
        (!reason.is_empty()).then(|| Action::ChangeLevel {
            to: to.clone(),
            reason,
        }),
        entered,
    )
}

fn warnings_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    note: &mut String,
) -> Prepared {
    let tr = shown.tr();
    let plan = inc.plan;
    ui.heading(tr.talk.warnings_title);
    let mut chosen = None;
    for w in &plan.doc().warnings {
        let in_force = inc.projected.warnings().any(|l| *l == w.level);
        ui.horizontal_wrapped(|ui| {
            widgets::chip(ui, &w.name, theme::level_chip(w.colour));
            if in_force {
                ui.label(RichText::new(tr.talk.warning_in_force).strong());
            }
            let role = |id: &crate::model::ids::RoleId| {
                Callee::of(plan, &Target::Role(id.clone())).label()
            };
            ui.label(
                RichText::new((tr.talk.warning_by)(
                    &role(&w.issued_by),
                    &role(&w.lifted_by),
                ))
                .weak(),
            );
            let (word, action) = if in_force {
                (
                    tr.talk.warning_lift,
                    Action::LiftWarning {
                        level: w.level.clone(),
                        note: note.trim().to_owned(),
                    },
                )
            } else {
                (
                    tr.talk.warning_issue,
                    Action::IssueWarning {
                        level: w.level.clone(),
                        note: note.trim().to_owned(),
                    },
                )
            };
            if ui.button(word).clicked() {
                chosen = Some(action);
            }
        });
    }
    ui.horizontal(|ui| {
        let l = ui.label(RichText::new(tr.talk.warning_note).strong());
        ui.add(egui::TextEdit::singleline(note).desired_width(440.0))
            .labelled_by(l.id);
    });
    // A warning's own button is its confirmation.
    if chosen.is_some() {
        note.clear();
    }
    let submit = chosen.is_some();
    Prepared::new(chosen, submit)
}

fn handover_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    to: &mut String,
    briefing: &mut String,
) -> Prepared {
    let tr = shown.tr();
    ui.heading(tr.talk.handover_title);
    let entered = ui
        .horizontal(|ui| {
            let l = ui.label(RichText::new(tr.talk.handover_to).strong());
            let edit = ui
                .add(
                    egui::TextEdit::singleline(to)
                        .hint_text(tr.talk.handover_to_hint)
                        .desired_width(300.0),
                )
                .labelled_by(l.id);
            if !edit.has_focus() && to.is_empty() {
                edit.request_focus();
            }
            // Who the name means, as it will be recorded; a name several
            // share says whom it may mean.
            if !to.trim().is_empty() {
                match Commander::find(inc.plan, to) {
                    Ok(c) => {
                        if let Some(callee) = c.callee(inc.plan) {
                            ui.label(
                                RichText::new(callee.label()).color(theme::saved_text(shown.dark)),
                            );
                        }
                    }
                    Err(e) => {
                        ui.label(
                            RichText::new((tr.incident.refusal)(&ActionError::Name(e)))
                                .color(theme::error_text(shown.dark)),
                        );
                    }
                }
            }
            edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
        })
        .inner;
    let l = ui.label(RichText::new(tr.talk.handover_briefing).strong());
    ui.add(
        egui::TextEdit::multiline(briefing)
            .desired_width(f32::INFINITY)
            .desired_rows(5),
    )
    .labelled_by(l.id);
    let action = Commander::find(inc.plan, to)
        .ok()
        .filter(|_| !to.trim().is_empty())
        .map(|to| Action::HandOver {
            to,
            note: briefing.trim().to_owned(),
        });
    Prepared::new(action, entered)
}

fn close_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    summary: &mut String,
) -> Prepared {
    let tr = shown.tr();
    ui.heading(tr.talk.close_title);
    let check = inc.projected.closing_check(inc.plan, shown.times.now());
    if check.is_clear() {
        ui.label(RichText::new(tr.talk.close_clear).color(theme::saved_text(shown.dark)));
    }
    // What is left can be long (a drill closed early): it scrolls, and
    // the summary and the buttons stay in the window.
    let tall = ui.ctx().content_rect().height() * 0.5;
    egui::ScrollArea::vertical()
        .max_height(tall)
        .show(ui, |ui| left_ui(ui, shown, inc, &check));
    ui.add_space(theme::ITEM_GAP);
    let l = ui.label(RichText::new(tr.talk.close_summary).strong());
    let edit = ui
        .add(
            egui::TextEdit::multiline(summary)
                .desired_width(f32::INFINITY)
                .desired_rows(3),
        )
        .labelled_by(l.id);
    if summary.is_empty() && !edit.has_focus() {
        edit.request_focus();
    }
    let action = (!summary.trim().is_empty()).then(|| Action::Close {
        summary: summary.trim().to_owned(),
    });
    Prepared::new(action, false)
}

/// The steps, duties and calls closing would leave behind.
fn left_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    check: &crate::model::incident::ClosingCheck<'_>,
) {
    let tr = shown.tr();
    let warn = theme::warning_text(shown.dark);
    let list = |ui: &mut Ui, head: String, steps: Vec<String>| {
        if steps.is_empty() {
            return;
        }
        ui.label(RichText::new(head).strong().color(warn));
        for s in steps.iter().take(8) {
            ui.label(format!("· {s}"));
        }
        if steps.len() > 8 {
            ui.label("…");
        }
    };
    let texts = |steps: &[&crate::model::plan::doc::Step]| -> Vec<String> {
        steps.iter().map(|s| s.text.clone()).collect()
    };
    list(
        ui,
        (tr.talk.close_open)(check.open.len()),
        texts(&check.open),
    );
    list(
        ui,
        (tr.talk.close_deferred)(check.deferred.len()),
        texts(&check.deferred),
    );
    list(
        ui,
        (tr.talk.close_blocked)(check.blocked.len()),
        check
            .blocked
            .iter()
            .map(|(s, why)| format!("{}（{why}）", s.text))
            .collect(),
    );
    if !check.duties.is_empty() {
        ui.label(RichText::new(tr.talk.close_duties).strong().color(warn));
        let now = shown.times.now();
        let span = |d: chrono::Duration| (tr.span)(crate::i18n::time::Span::of(d));
        for d in &check.duties {
            // Overdue first, in red, with by how much.
            let (when, colour) = match d.due {
                Some(due) if d.overdue => (
                    (tr.walk.overdue_by)(&span(now - due)),
                    theme::error_text(shown.dark),
                ),
                Some(due) => (
                    (tr.walk.due_at)(&shown.times.short(due)),
                    ui.visuals().text_color(),
                ),
                None if d.duty.counts_from == crate::model::plan::doc::CountsFrom::Closing => (
                    tr.talk.close_from_closing.to_owned(),
                    ui.visuals().text_color(),
                ),
                None => (String::new(), ui.visuals().text_color()),
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("· {}", d.duty.text));
                if !when.is_empty() {
                    ui.label(RichText::new(when).strong().color(colour));
                }
            });
        }
    }
    list(
        ui,
        (tr.talk.close_calls)(check.calls.len()),
        check
            .calls
            .iter()
            .map(|l| format!("{} {}", l.order, Callee::of(inc.plan, &l.target).label()))
            .collect(),
    );
}

fn duty_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    duty: &ItemId,
    note: &mut String,
) -> Prepared {
    let tr = shown.tr();
    ui.heading(tr.talk.duty_title);
    let text = inc
        .projected
        .levels_held()
        .iter()
        .filter_map(|l| inc.plan.level(l))
        .flat_map(|l| &l.duties)
        .find(|d| d.id == *duty)
        .map(|d| d.text.clone())
        .unwrap_or_else(|| duty.to_string());
    ui.add(egui::Label::new(text).wrap());
    let entered = text_line(ui, tr.talk.duty_reference, note);
    let action = Action::DutyDone {
        duty: duty.clone(),
        note: note.trim().to_owned(),
    };
    Prepared::new(Some(action), entered)
}
