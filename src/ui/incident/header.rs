//! The top of an incident's view: its title, level, class and state, who
//! commands it and which plan it was declared under, the log's health, and
//! the bar with the view's tabs, the incident's decisions (level, warnings,
//! handover, close or reopen) and its papers. The level and drill chips are
//! here too; the overview's list and the dialogs draw them.

use egui::{RichText, Ui};

use super::super::{Command, Shown, theme, widgets};
use super::banners::health_ui;
use super::{IncidentShown, State, Tab, dialogs, timeline};
use crate::i18n::Tr;
use crate::model::incident::merge::Subject;
use crate::model::notice::changed_on_two_devices;

/// The view's tabs and the incident's decisions.
pub(super) fn actions_bar(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    ui.horizontal_wrapped(|ui| {
        for (tab, name, key) in [
            (Tab::Walk, tr.talk.tab_walk, ""),
            (Tab::Calls, tr.talk.tab_calls, "Ctrl+K"),
            (Tab::Timeline, tr.talk.tab_timeline, "Ctrl+T"),
            (Tab::Review, tr.followup.tab_review, ""),
        ] {
            let text = RichText::new(name).size(theme::TAB_SIZE);
            let r = ui.selectable_label(state.tab == tab, text);
            let r = if key.is_empty() {
                r
            } else {
                r.on_hover_text(key)
            };
            if r.clicked() {
                state.tab = tab;
            }
        }
        ui.separator();
        if inc.projected.is_open() {
            let raise = dialogs::Dialog::level_step(inc, true);
            let lower = dialogs::Dialog::level_step(inc, false);
            if ui
                .add_enabled(raise.is_some(), egui::Button::new(tr.talk.raise))
                .on_hover_text("Ctrl+↑")
                .clicked()
            {
                state.dialog = raise;
            }
            if ui
                .add_enabled(lower.is_some(), egui::Button::new(tr.talk.lower))
                .on_hover_text("Ctrl+↓")
                .clicked()
            {
                state.dialog = lower;
            }
            if ui.button(tr.talk.warnings).clicked() {
                state.dialog = Some(dialogs::Dialog::Warnings {
                    note: String::new(),
                });
            }
            if ui
                .button(tr.talk.handover)
                .on_hover_text("Ctrl+H")
                .clicked()
            {
                state.dialog = Some(dialogs::Dialog::handover(shown, inc));
            }
            if ui.button(tr.talk.close).on_hover_text("Ctrl+E").clicked() {
                state.dialog = Some(dialogs::Dialog::Close {
                    summary: String::new(),
                });
            }
            if ui
                .button(tr.walk.undo)
                .on_hover_text(tr.walk.undo_hint)
                .clicked()
            {
                commands.push(Command::Undo { key: inc.key });
                state.refusal = None;
            }
        } else if ui.button(tr.talk.reopen).clicked() {
            state.dialog = Some(dialogs::Dialog::Reopen {
                reason: String::new(),
            });
        }
        // Papers: from the record as saved, each written as HTML and opened
        // in the browser.
        ui.menu_button(tr.papers, |ui| {
            use crate::paper::Paper;
            for (label, paper) in [
                (tr.export_report, Paper::Report),
                (tr.handover_briefing, Paper::Briefing),
                (tr.regulator_first, Paper::Regulator { follow_up: false }),
                (tr.regulator_follow_up, Paper::Regulator { follow_up: true }),
            ] {
                if ui.button(label).clicked() {
                    commands.push(Command::WritePaper {
                        key: inc.key,
                        paper,
                        path: None,
                    });
                }
            }
        });
    });
}

/// The incident's title, level, class and state, then who commands it, the
/// plan it was declared under and the log's health.
pub(super) fn header_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let s = inc.projected;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(s.title())
                .strong()
                .size(theme::INCIDENT_TITLE_SIZE),
        );
        if let Some(level) = inc.plan.level(s.level()) {
            level_chip(ui, tr, level);
        }
        if changed_on_two_devices(inc.notices, &Subject::Level)
            && two_devices_link(ui, shown).clicked()
        {
            state.tab = Tab::Timeline;
            state.filter = timeline::Filter::Command;
            state.search.clear();
        }
        if let Some(class) = inc.plan.class(s.class()) {
            ui.label(&class.name);
        }
        ui.label(
            RichText::new(if s.is_open() {
                tr.walk.state_open
            } else {
                tr.walk.state_closed
            })
            .weak(),
        );
        // The wall board shows the incident as a whole, so it opens beside
        // the title rather than among the decisions of the actions bar
        // (which then keeps to two rows in the smallest window).
        if ui
            .button(tr.board.open_button)
            .on_hover_text(tr.board.open_hint)
            .clicked()
        {
            commands.push(Command::OpenBoard(inc.key));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr.walk.commander).weak());
        ui.label(crate::i18n::incident::commander_name(
            s.commander(),
            inc.plan,
        ));
        ui.separator();
        let hash = &s.plan_sha256()[..12.min(s.plan_sha256().len())];
        ui.label(RichText::new((tr.walk.plan_pinned)(s.plan_version(), hash)).weak());
        if inc.plan_differs {
            ui.label(RichText::new(tr.walk.plan_differs).color(theme::warning_text(shown.dark)));
        }
        ui.separator();
        health_ui(ui, shown, inc, commands);
    });
}

/// A level in its colour: "Ⅱ级 重大".
pub fn level_chip(ui: &mut Ui, tr: &Tr, level: &crate::model::plan::doc::Level) {
    widgets::chip(
        ui,
        &(tr.walk.level_chip)(level.id.as_str(), &level.name),
        theme::level_chip(level.colour),
    );
}

/// The drill mark, wherever a drill is named.
pub fn drill_chip(ui: &mut Ui, tr: &Tr) {
    widgets::chip(ui, tr.walk.drill, theme::drill_chip());
}

/// The mark of something two devices changed at once: a link to both entries.
pub(super) fn two_devices_link(ui: &mut Ui, shown: &Shown<'_>) -> egui::Response {
    let tr = shown.tr();
    ui.add(egui::Link::new(
        RichText::new(tr.walk.two_devices).color(theme::warning_text(shown.dark)),
    ))
    .on_hover_text(tr.walk.two_devices_hint)
}
