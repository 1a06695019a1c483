//! The whole story, as it happens: every entry in the order things
//! happened, with who, on which device and when; a filter by kind and a
//! search. An entry written down later says so. Entries never change: a
//! correction is a new entry that points at the old one, and the old one
//! says it was corrected.

use egui::{Key, RichText, Ui};

use super::super::virtual_list::VirtualList;
use super::super::{Command, Shown, theme};
use super::{IncidentShown, State};
use crate::i18n::Lang;
use crate::model::incident::{Action, Entry, EntryRef, Event};

/// Which entries the timeline shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    /// Everything.
    #[default]
    All,
    /// Step statuses, values and decisions.
    Steps,
    /// Call attempts.
    Calls,
    /// Messages sent.
    Messages,
    /// Notes and corrections.
    Notes,
    /// Declaration, level, warnings, handover, duties, close.
    Command,
}

impl Filter {
    const ALL: [Self; 6] = [
        Self::All,
        Self::Steps,
        Self::Calls,
        Self::Messages,
        Self::Notes,
        Self::Command,
    ];

    fn keeps(self, event: &Event) -> bool {
        match self {
            Self::All => true,
            Self::Steps => matches!(
                event,
                Event::StepStatus { .. }
                    | Event::ValueRecorded { .. }
                    | Event::DecisionAnswered { .. }
            ),
            Self::Calls => matches!(event, Event::CallAttempt { .. }),
            Self::Messages => matches!(event, Event::MessageSent { .. }),
            Self::Notes => matches!(event, Event::Note { .. }),
            Self::Command => matches!(
                event,
                Event::Declared(..)
                    | Event::LevelChanged { .. }
                    | Event::WarningIssued { .. }
                    | Event::WarningLifted { .. }
                    | Event::CommandHandedOver { .. }
                    | Event::DutyDone { .. }
                    | Event::Closed { .. }
                    | Event::Reopened { .. }
            ),
        }
    }

    fn name(self, tr: &crate::i18n::talk::TalkTr) -> &'static str {
        match self {
            Self::All => tr.filter_all,
            Self::Steps => tr.filter_steps,
            Self::Calls => tr.filter_calls,
            Self::Messages => tr.filter_messages,
            Self::Notes => tr.filter_notes,
            Self::Command => tr.filter_command,
        }
    }
}

/// Draws the timeline.
#[allow(clippy::too_many_lines)] // The filters, the list, and the correction being written.
pub fn ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let times = &shown.times;
    let dark = shown.dark;
    ui.horizontal_wrapped(|ui| {
        for f in Filter::ALL {
            if ui
                .selectable_label(state.filter == f, f.name(tr.talk))
                .clicked()
            {
                state.filter = f;
            }
        }
        ui.add_space(theme::SECTION_GAP);
        let label = ui.label(tr.talk.timeline_search);
        ui.add(egui::TextEdit::singleline(&mut state.search).desired_width(220.0))
            .labelled_by(label.id);
    });
    let plan = inc.plan;
    let timeline = inc.projected.timeline();
    let key = RowsKey {
        timeline: inc.projected.timeline_mark(),
        filter: state.filter,
        query: state.search.trim().to_lowercase(),
        lang: shown.lang,
    };
    if state.rows.key.as_ref() != Some(&key) {
        state.rows = Rows::of(key, timeline, |e| {
            (tr.incident.entry)(e, inc.projected, plan, times)
        });
    }
    let suspect = crate::model::notice::after_damage(inc.notices);
    let foreign = crate::model::notice::in_foreign_log(inc.notices);
    if state.rows.rows.is_empty() {
        ui.label(RichText::new(tr.talk.no_entries).weak());
    }
    let rows = std::mem::take(&mut state.rows.rows);
    // Only the entries in view are laid out: an incident hours long has
    // tens of thousands.
    VirtualList::new("timeline", 24.0)
        .stick_to_bottom(true)
        .show(ui, rows.len(), |ui, row| {
            {
                let Some(e) = timeline.get(rows[row]) else {
                    return;
                };
                let text = (tr.incident.entry)(e, inc.projected, plan, times);
                let mark = if inc.unsaved.contains(e) {
                    format!(" · {}", tr.walk.state_not_saved)
                } else if inc.pending.contains(&e) {
                    format!(" · {}", tr.walk.state_saving)
                } else {
                    String::new()
                };
                let corrected = inc.projected.is_corrected(e);
                // Taken back: struck through like a corrected entry, and
                // the undo is the entry after it.
                let undone = inc.projected.is_undone(e);
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(times.short(e.at())).monospace().strong());
                    ui.label(RichText::new(e.recorder()).weak());
                    let mut rich = RichText::new(format!("{text}{mark}"));
                    if corrected || undone {
                        rich = rich.strikethrough().color(theme::quiet_text(dark));
                    }
                    ui.add(egui::Label::new(rich).wrap());
                    if corrected {
                        ui.label(RichText::new(tr.talk.corrected).weak());
                    }
                    if undone {
                        ui.label(RichText::new(tr.talk.taken_back).weak());
                    }
                    if suspect.iter().any(|r| r.is(e)) {
                        ui.label(
                            RichText::new(tr.talk.after_damage).color(theme::warning_text(dark)),
                        )
                        .on_hover_text(tr.talk.after_damage_hint);
                    }
                    if foreign.iter().any(|r| r.is(e)) {
                        ui.label(
                            RichText::new(tr.talk.foreign_log).color(theme::warning_text(dark)),
                        )
                        .on_hover_text(tr.talk.foreign_log_hint);
                    }
                    // Timed by its first key, a note is seconds older than
                    // its writing; only a real delay is worth saying.
                    if let Some(happened) = e
                        .happened_at
                        .filter(|h| e.recorded_at - *h >= chrono::Duration::minutes(1))
                    {
                        ui.label(
                            RichText::new((tr.talk.backdated)(
                                &times.short(happened),
                                &times.short(e.recorded_at),
                            ))
                            .color(theme::warning_text(dark)),
                        );
                    }
                    if inc.projected.is_open() && ui.small_button(tr.talk.correct).clicked() {
                        state.correcting = Some((EntryRef::to(e), String::new()));
                    }
                });
                // The line gives a message's start; its whole text, as it
                // went out, is one click away (folded: a long timeline
                // stays readable).
                if let Event::MessageSent { text, .. } = &e.event {
                    egui::CollapsingHeader::new(RichText::new(tr.talk.message_full_text).weak())
                        .id_salt(("message-text", e.recorded_at, &e.device))
                        .show(ui, |ui| {
                            ui.add(egui::Label::new(text.as_str()).wrap());
                        });
                }
            }
        });
    state.rows.rows = rows;
    correction_ui(ui, shown, inc, state, commands);
}

/// What the timeline's rows were worked out from: when it is the same, so
/// are they.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowsKey {
    timeline: (usize, Option<EntryRef>),
    filter: Filter,
    query: String,
    lang: Lang,
}

/// The timeline's rows, worked out once for each change of the timeline,
/// the filter, the search or the language — not every frame.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    key: Option<RowsKey>,
    /// Positions in the timeline, in the order shown.
    rows: Vec<usize>,
}

impl Rows {
    /// The entries the filter keeps and the search finds (in their words,
    /// `text`, or by who recorded them), in the order things happened:
    /// what was written down later sits at its own time (the sort is
    /// stable, so ties keep the log's order).
    fn of(key: RowsKey, timeline: &[Entry], text: impl Fn(&Entry) -> String) -> Self {
        let mut rows: Vec<usize> = (0..timeline.len())
            .filter(|&i| key.filter.keeps(&timeline[i].event))
            .filter(|&i| {
                let e = &timeline[i];
                key.query.is_empty()
                    || text(e).to_lowercase().contains(&key.query)
                    || e.by.to_lowercase().contains(&key.query)
            })
            .collect();
        rows.sort_by_key(|&i| timeline[i].at());
        Self {
            key: Some(key),
            rows,
        }
    }
}

/// The correction being written: Enter records it, Esc drops it.
fn correction_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let Some((target, text)) = &mut state.correcting else {
        return;
    };
    let mut done = false;
    let mut cancel = false;
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(tr.talk.correction_label).strong());
        let edit = ui
            .add(egui::TextEdit::singleline(text).desired_width(480.0))
            .labelled_by(label.id);
        if edit.lost_focus() {
            done |= ui.input(|i| i.key_pressed(Key::Enter));
            cancel |= ui.input(|i| i.key_pressed(Key::Escape));
        }
        done |= ui.button(tr.talk.confirm).clicked();
        cancel |= ui.button(tr.talk.cancel).clicked();
    });
    if cancel {
        state.correcting = None;
    } else if done && !text.trim().is_empty() {
        commands.push(Command::Act {
            key: inc.key,
            action: Action::Note {
                text: text.trim().to_owned(),
                step: None,
                corrects: Some(target.clone()),
            },
            happened_at: None,
        });
        state.correcting = None;
    }
}
