//! The Review tab: the review's action items and findings, on an open or a
//! closed incident.
//!
//! Each thing done here is the model action the command line's `incident
//! action add|done|drop` and `incident review` make, checked against the
//! incident before it is handed over (a refusal is shown here, in words,
//! and nothing is sent), so both faces record the same entries.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::super::{Command, Shown, theme, widgets};
use super::{IncidentShown, State};
use crate::model::incident::{Action, ActionItem, ActionState, Owner, ReviewField};

/// How wide an item's text is in the list before it wraps.
const ITEM_WIDTH: f32 = 320.0;

/// What is being typed in the Review tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// A new item's text.
    pub text: String,
    /// Its owner, as typed.
    pub owner: String,
    /// Its due date, as typed.
    pub due: String,
    /// The note for an item done, or the reason for one dropped.
    pub note: String,
    /// The finding's field.
    pub field: ReviewField,
    /// The finding's text.
    pub finding: String,
    /// Why the last action was refused, in words.
    pub problem: Option<String>,
}

impl Default for Form {
    fn default() -> Self {
        Self {
            text: String::new(),
            owner: String::new(),
            due: String::new(),
            note: String::new(),
            field: ReviewField::Summary,
            finding: String::new(),
            problem: None,
        }
    }
}

/// Hands an action over when the incident takes it; else says why not.
/// `true` when it was handed over.
fn submit(
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    form: &mut Form,
    action: Action,
    commands: &mut Vec<Command>,
) -> bool {
    match inc.projected.check(inc.plan, action.clone()) {
        Ok(_) => {
            commands.push(Command::Act {
                key: inc.key,
                action,
                happened_at: None,
            });
            form.problem = None;
            true
        }
        Err(e) => {
            form.problem = Some((shown.tr().incident.refusal)(&e));
            false
        }
    }
}

/// A labelled single-line field.
fn field(ui: &mut Ui, label: &str, text: &mut String, width: f32) {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).desired_width(width))
        .labelled_by(l.id);
}

/// Draws the Review tab.
pub(super) fn ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let f = tr.followup;
    let form = &mut state.review;
    egui::ScrollArea::vertical()
        .id_salt("review")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(RichText::new(f.review_intro).weak());
            if let Some(problem) = &form.problem {
                ui.label(RichText::new(problem).color(theme::error_text(shown.dark)));
            }
            ui.add_space(theme::ITEM_GAP);
            ui.heading(tr.paper.review.action_items);
            items_ui(ui, shown, inc, form, commands);
            ui.add_space(theme::ITEM_GAP);
            new_item_ui(ui, shown, inc, form, commands);
            ui.add_space(theme::SECTION_GAP);
            ui.separator();
            ui.heading(f.findings);
            findings_ui(ui, shown, inc, form, commands);
        });
}

/// An item's state in words.
fn state_words(shown: &Shown<'_>, item: &ActionItem, today: NaiveDate) -> String {
    let f = shown.tr().followup;
    let date = |at| shown.times.zone().local(at).date_naive().to_string();
    match &item.state {
        ActionState::Open if item.is_overdue(today) => f.overdue.to_owned(),
        ActionState::Open => f.open.to_owned(),
        ActionState::Done { at, note } => (f.done_on)(&date(*at), note),
        ActionState::Dropped { at, reason } => (f.dropped_on)(&date(*at), reason),
    }
}

/// The items, each with its owner, due date and state, and for an open
/// one its buttons; the note or reason they take above them.
fn items_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    form: &mut Form,
    commands: &mut Vec<Command>,
) {
    let f = shown.tr().followup;
    let items = inc.projected.action_items();
    if items.is_empty() {
        ui.label(RichText::new(f.none_yet).weak());
        return;
    }
    let today = shown.times.zone().local(shown.times.now()).date_naive();
    ui.horizontal(|ui| field(ui, f.note_or_reason, &mut form.note, 320.0));
    let mut acted = false;
    egui::Grid::new("review-items")
        .striped(true)
        .num_columns(6)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for h in [f.col_no, f.col_item, f.col_owner, f.col_due, f.col_state] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for item in items {
                ui.label(item.label());
                ui.scope(|ui| {
                    ui.set_min_width(ITEM_WIDTH);
                    ui.set_max_width(ITEM_WIDTH);
                    ui.add(egui::Label::new(&item.text).wrap());
                });
                ui.label(item.owner.name(inc.plan));
                ui.label(item.due.map(|d| d.to_string()).unwrap_or_default());
                let words = state_words(shown, item, today);
                if item.is_overdue(today) {
                    ui.label(RichText::new(words).color(theme::error_text(shown.dark)));
                } else {
                    ui.label(words);
                }
                ui.horizontal(|ui| {
                    if !item.is_open() {
                        return;
                    }
                    if ui.button(f.mark_done).on_hover_text(item.label()).clicked() {
                        let action = Action::ActionItemDone {
                            item: item.number,
                            note: form.note.trim().to_owned(),
                        };
                        acted |= submit(shown, inc, form, action, commands);
                    }
                    if ui.button(f.drop_item).on_hover_text(item.label()).clicked() {
                        let action = Action::DropActionItem {
                            item: item.number,
                            reason: form.note.clone(),
                        };
                        acted |= submit(shown, inc, form, action, commands);
                    }
                });
                ui.end_row();
            }
        });
    if acted {
        form.note.clear();
    }
}

/// The form for a new item: text, owner, due date.
fn new_item_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    form: &mut Form,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let f = tr.followup;
    widgets::Card::new(shown.dark).wide().show(ui, |ui| {
        ui.label(RichText::new(f.new_item).strong());
        ui.horizontal_wrapped(|ui| {
            field(ui, f.item_text, &mut form.text, 320.0);
            field(ui, f.owner, &mut form.owner, 140.0);
            field(ui, f.due_field, &mut form.due, 110.0);
            if ui.button(f.add_item).clicked() {
                let due = form.due.trim();
                let due = if due.is_empty() {
                    Ok(None)
                } else {
                    NaiveDate::parse_from_str(due, "%Y-%m-%d").map(Some)
                };
                let owner = Owner::find(inc.plan, &form.owner);
                match (due, owner) {
                    (Err(_), _) => form.problem = Some((f.bad_due)(&form.due)),
                    (_, Err(e)) => {
                        form.problem = Some((tr.incident.refusal)(
                            &crate::model::incident::ActionError::Name(e),
                        ));
                    }
                    (Ok(due), Ok(owner)) => {
                        let action = Action::AddActionItem {
                            text: form.text.clone(),
                            owner,
                            due,
                        };
                        if submit(shown, inc, form, action, commands) {
                            form.text.clear();
                            form.owner.clear();
                            form.due.clear();
                        }
                    }
                }
            }
        });
    });
}

/// The findings written so far under each field, and a field to add one.
fn findings_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    form: &mut Form,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let f = tr.followup;
    for field in ReviewField::ALL {
        ui.label(RichText::new((tr.incident.review_field)(field)).strong());
        let mut any = false;
        for text in inc.projected.review_texts(field) {
            any = true;
            ui.add(egui::Label::new(format!("• {text}")).wrap());
        }
        if !any {
            ui.label(RichText::new(f.nothing_written).weak());
        }
    }
    ui.add_space(theme::ITEM_GAP);
    widgets::Card::new(shown.dark).wide().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for field in ReviewField::ALL {
                ui.selectable_value(&mut form.field, field, (tr.incident.review_field)(field));
            }
        });
        let l = ui.label(f.finding_text);
        ui.add(
            egui::TextEdit::multiline(&mut form.finding)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
        if ui.button(f.record_finding).clicked() {
            let action = Action::Review {
                field: form.field,
                text: form.finding.clone(),
            };
            if submit(shown, inc, form, action, commands) {
                form.finding.clear();
            }
        }
    });
}

/// The overview's list of every open action item across incidents,
/// overdue first, then by due date: an item stays in sight until it is
/// done. A click opens its incident.
pub fn open_items_ui(ui: &mut Ui, shown: &Shown<'_>, commands: &mut Vec<Command>) {
    let f = shown.tr().followup;
    let today = shown.times.zone().local(shown.times.now()).date_naive();
    let mut open: Vec<(
        &super::list::IncidentRow,
        &crate::model::incident::OpenAction,
    )> = shown
        .rows
        .iter()
        .flat_map(|r| r.open_actions.iter().map(move |a| (r, a)))
        .collect();
    if open.is_empty() {
        return;
    }
    crate::model::incident::followup::sort_for_work(&mut open, |(_, a)| &a.item, today);
    ui.add_space(theme::SECTION_GAP);
    let overdue = open
        .iter()
        .filter(|(_, a)| a.item.is_overdue(today))
        .count();
    ui.heading(f.open_items_heading);
    ui.label(RichText::new((f.open_across)(open.len(), overdue)).weak());
    egui::Grid::new("open-action-items")
        .striped(true)
        .num_columns(5)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (row, a) in open {
                let words = state_words(shown, &a.item, today);
                if a.item.is_overdue(today) {
                    ui.label(RichText::new(words).color(theme::error_text(shown.dark)));
                } else {
                    ui.label(words);
                }
                ui.label(
                    a.item
                        .due
                        .map_or_else(|| f.no_due.to_owned(), |d| (f.due)(&d.to_string())),
                );
                ui.label(&a.owner);
                ui.add(egui::Label::new(&a.item.text).wrap());
                if ui
                    .link(format!("{} · {}", row.title, a.item.label()))
                    .clicked()
                {
                    commands.push(Command::Resume(row.dir.clone()));
                }
                ui.end_row();
            }
        });
}
