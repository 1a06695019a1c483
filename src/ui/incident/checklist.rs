//! The checklist: the class's steps by phase with the progress, one line a
//! step with its mark, its deadline and whether two devices changed it,
//! scrolled to the step chosen. Only the rows in view are laid out.

use egui::{RichText, Ui};

use super::super::virtual_list::VirtualList;
use super::super::{Shown, theme};
use super::{IncidentShown, State, focus_step};
use crate::model::ids::StepId;
use crate::model::incident::merge::Subject;
use crate::model::incident::{Entry, Item, ItemState, Status};
use crate::model::notice::changed_on_two_devices;

/// How a step's line looks: its mark and words, from the saved state, the
/// entries on their way and the entries not saved.
pub(super) fn mark(
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    item: &Item<'_>,
) -> (&'static str, String) {
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
        ItemState::NotApplicable if item.ruled_out => ("—", tr.ruled_out_step.to_owned()),
        ItemState::NotApplicable => ("—", tr.state_na.to_owned()),
        ItemState::Deferred => ("◇", tr.state_deferred.to_owned()),
        ItemState::Blocked(why) => ("⊘", (tr.state_blocked)(why)),
        ItemState::Bypassed(by) => ("⤵", (tr.state_bypassed)(by.as_str())),
    }
}

/// The progress, then the checklist by phase; a click chooses a step.
pub(super) fn checklist_ui(
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
