//! What the operator must not miss above the walk: the drill banner, the
//! red banner of a failed write (what is not saved, and where the log can
//! continue), the notices from opening the log, and the log's health in the
//! header (saved with its head hash, saving, or failing).

use std::path::PathBuf;

use egui::{Key, RichText, Ui};

use super::super::{Command, Shown, theme};
use super::{IncidentShown, State};
use crate::i18n::Tr;

/// The banner across the top of a drill, so no one takes it for a real incident.
pub(super) fn drill_banner(ui: &mut Ui, tr: &Tr) {
    egui::Frame::new()
        .fill(theme::DRILL_FILL)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.vertical_centered(|ui| {
                ui.label(
                    RichText::new(tr.walk.drill_banner)
                        .strong()
                        .size(theme::DRILL_SIZE)
                        .color(theme::ON_DRILL),
                );
            });
        });
}

/// The log's health: saved with its head hash (click to copy), saving, or failing.
pub(super) fn health_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    if inc.failure.is_some() || !inc.unsaved.is_empty() {
        ui.label(
            RichText::new((tr.walk.failure_title)(inc.unsaved.len()))
                .strong()
                .color(theme::error_text(shown.dark)),
        );
    } else if !inc.pending.is_empty() {
        ui.label(RichText::new((tr.walk.saving)(inc.pending.len())).weak());
    } else if let Some(head) = inc.head {
        let short = crate::i18n::short_head(head);
        let text = RichText::new((tr.walk.saved_ok)(short))
            .monospace()
            .color(theme::saved_text(shown.dark));
        if ui
            .add(egui::Button::new(text).frame(false))
            .on_hover_text(tr.walk.copy_head_hint)
            .clicked()
        {
            commands.push(Command::Copy(head.to_owned()));
        }
    }
}

/// The red banner of a failed write: what failed, the entries not saved,
/// and the folders the log can continue in (or one typed).
pub(super) fn failure_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    egui::Frame::new()
        .fill(theme::error_fill(shown.dark))
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new((tr.walk.failure_title)(inc.unsaved.len()))
                    .strong()
                    .color(theme::error_text(shown.dark)),
            );
            if let Some(failure) = inc.failure {
                ui.label((tr.incident.log_error)(failure));
            }
            ui.label(tr.walk.failure_keep);
            if !inc.unsaved.is_empty() {
                ui.label(RichText::new(tr.walk.not_saved_list).strong());
                for e in inc.unsaved {
                    ui.label(format!(
                        "{} · {}",
                        shown.times.short(e.recorded_at),
                        (tr.incident.entry)(e, inc.projected, inc.plan, &shown.times)
                    ));
                }
            }
            ui.horizontal_wrapped(|ui| {
                for place in inc.rescue_places {
                    let label = (tr.walk.continue_in)(&place.display().to_string());
                    if ui.button(label).clicked() {
                        commands.push(Command::ContinueLog {
                            key: inc.key,
                            folder: Some(place.clone()),
                        });
                    }
                }
                if ui.button(tr.walk.continue_elsewhere).clicked() {
                    commands.push(Command::ContinueLog {
                        key: inc.key,
                        folder: None,
                    });
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label(tr.walk.folder_label);
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut state.continue_path).desired_width(360.0))
                    .labelled_by(label.id);
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                let path = state.continue_path.trim();
                if (ui.button(tr.walk.ok).clicked() || enter) && !path.is_empty() {
                    commands.push(Command::ContinueLog {
                        key: inc.key,
                        folder: Some(PathBuf::from(path)),
                    });
                }
            });
        });
}

/// What opening the log found, one line each: a footnote for what was
/// repaired, a warning for what the operator must see.
pub(super) fn notices_ui(ui: &mut Ui, shown: &Shown<'_>, inc: &IncidentShown<'_>) {
    for n in inc.notices {
        let text = (shown.tr().incident.notice)(n);
        // A repaired crash is a footnote; damage or a log that cannot be
        // written is something the operator must see.
        let rich = if n.is_informational() {
            RichText::new(format!("ⓘ {text}"))
                .small()
                .color(theme::quiet_text(shown.dark))
        } else {
            RichText::new(format!("⚠ {text}")).color(theme::warning_text(shown.dark))
        };
        ui.add(egui::Label::new(rich).wrap());
    }
}
