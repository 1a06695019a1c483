//! The clocks' alerts: a banner that names the clock turned amber or red
//! and stays until it is acknowledged (F6) or held back for 5, 10 or 15
//! minutes (F7, F8, F9). Each is an action the writer logs, so the
//! timeline says who saw which alert, and for how long it was put off.
//! Function keys, since they type nothing: they work with the keyboard in
//! a text field too.

use egui::{Key, RichText, Ui};

use super::super::{Command, Shown, theme};
use super::IncidentShown;
use crate::i18n::Tr;
use crate::i18n::time::{Span, Times};
use crate::model::incident::{Action, Alert, ClockKind, Stage};

/// The keys: acknowledge, then the snoozes with their minutes.
pub(super) const KEYS: [(Key, Option<u32>); 4] = [
    (Key::F6, None),
    (Key::F7, Some(5)),
    (Key::F8, Some(10)),
    (Key::F9, Some(15)),
];

/// The action that answers an alert.
fn answer(alert: &Alert, snooze_minutes: Option<u32>) -> Action {
    Action::AckClock {
        clock: alert.clock.kind.clone(),
        due: alert.clock.due,
        stage: alert.stage,
        snooze_minutes,
    }
}

/// The banner's width under which its keys are written short.
const COMPACT_BELOW: f32 = 900.0;

/// The first alert standing, answered from the keyboard.
pub(super) fn keys(
    ctx: &egui::Context,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    commands: &mut Vec<Command>,
) {
    let alerts = inc.projected.alerts(inc.plan, shown.times.now());
    let Some(first) = alerts.first() else {
        return;
    };
    for (key, snooze) in KEYS {
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) {
            commands.push(Command::Act {
                key: inc.key,
                action: answer(first, snooze),
                happened_at: None,
            });
            return;
        }
    }
}

/// An alert in one line: how far, which clock, due when, how long ago or
/// how soon. The banner says it, and so does a desktop notification.
#[must_use]
pub fn headline(tr: &Tr, times: &Times, alert: &Alert) -> String {
    let now = times.now();
    let what = match &alert.clock.kind {
        ClockKind::StatusUpdate => tr.walk.next_update.to_owned(),
        ClockKind::Duty(_) | ClockKind::Inform(_) => alert.clock.label.clone(),
    };
    let span = |d: chrono::Duration| (tr.span)(Span::of(d));
    let when = match alert.stage {
        Stage::Red => (tr.walk.overdue_by)(&span(now - alert.clock.due)),
        Stage::Amber => (tr.walk.due_in)(&span(alert.clock.due - now)),
    };
    (tr.board.alert)(
        alert.stage == Stage::Red,
        &what,
        &times.short(alert.clock.due),
        &when,
    )
}

/// The banner of the first alert standing, and how many more there are;
/// returns whether there was one. In a drill it takes the drill banner's
/// place, and says DRILL first: one row, so the smallest window still
/// shows the checklist.
pub(super) fn alerts_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    commands: &mut Vec<Command>,
) -> bool {
    let alerts = inc.projected.alerts(inc.plan, shown.times.now());
    let Some(first) = alerts.first() else {
        return false;
    };
    let tr = shown.tr();
    let (fill, text) = match first.stage {
        Stage::Red => (theme::BOARD_MISSED_FILL, egui::Color32::WHITE),
        Stage::Amber => (theme::BOARD_NEAR_FILL, egui::Color32::BLACK),
    };
    let headline = headline(tr, &shown.times, first);
    // One row, so it costs the walk one line even in the smallest window:
    // the keys on the right, the alert in what is left, cut if it must be.
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            let row = egui::vec2(ui.available_width(), theme::DRILL_SIZE + 10.0);
            // In a narrow window the keys say less (the hover says all) so
            // the alert itself keeps room to be read.
            let compact = row.x < COMPACT_BELOW;
            ui.allocate_ui_with_layout(
                row,
                egui::Layout::right_to_left(egui::Align::Center),
                |ui| {
                    if alerts.len() > 1 {
                        let more = if compact {
                            format!("+{}", alerts.len() - 1)
                        } else {
                            (tr.board.more)(alerts.len() - 1)
                        };
                        ui.label(RichText::new(more).color(text));
                    }
                    // The sound, per drill or for every incident.
                    let drills = inc.projected.is_drill();
                    let muted = shown.mute.0 || (drills && shown.mute.1);
                    let label = if muted {
                        tr.board.sound_off
                    } else {
                        tr.board.sound_on
                    };
                    let hint = if drills {
                        tr.board.sound_drills_hint
                    } else {
                        tr.board.sound_hint
                    };
                    if ui
                        .add(egui::Button::new(RichText::new(label).color(text)).frame(false))
                        .on_hover_text(hint)
                        .clicked()
                    {
                        commands.push(Command::ToggleSound { drills });
                    }
                    for (key, snooze) in KEYS.iter().rev() {
                        let (label, hint) = match snooze {
                            None if compact => ("✓".to_owned(), tr.board.acknowledge_hint),
                            None => (tr.board.acknowledge.to_owned(), tr.board.acknowledge_hint),
                            Some(m) => ((tr.board.snooze)(*m), tr.board.snooze_hint),
                        };
                        let button = egui::Button::new(match (compact, snooze) {
                            (true, Some(_)) => label,
                            _ => format!("{label}  {key:?}"),
                        });
                        let hint = if compact {
                            format!("{key:?}: {hint}")
                        } else {
                            hint.to_owned()
                        };
                        if ui.add(button).on_hover_text(hint).clicked() {
                            commands.push(Command::Act {
                                key: inc.key,
                                action: answer(first, *snooze),
                                happened_at: None,
                            });
                        }
                    }
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        if inc.projected.is_drill() {
                            super::drill_chip(ui, tr);
                        }
                        ui.add(
                            egui::Label::new(
                                RichText::new(headline)
                                    .strong()
                                    .size(theme::DRILL_SIZE)
                                    .color(text),
                            )
                            .truncate(),
                        );
                    });
                },
            );
        });
    true
}
