//! Fault classes and the level table: what kind of fault this is, how it is
//! noticed, which level it deserves, and what each level sets in motion.
//!
//! Three tabs: the fault classes (a list, and the selected class's
//! description, detection signals, examples and assessment questions with
//! the level each suggests), the response levels (criteria, units activated,
//! who is informed within how long, the status-update cadence, reporting
//! duties with their time limits and legal basis), and the warnings of
//! chapter 3 with the monitoring signals that can raise them. Everything is
//! shown as the plan's author wrote it; levels always appear in their
//! warning colour.

use egui::text::LayoutJob;
use egui::{Key, RichText, TextFormat, Ui};

use super::{Command, Shown, theme, widgets};
use crate::i18n::classes::ClassesTr;
use crate::model::ids::ClassId;
use crate::model::plan::contacts::{Callee, span};
use crate::model::plan::doc::{Basis, FaultClass, Level, Target, Warning};

/// The view's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// Fault classes.
    #[default]
    Classes,
    /// The response level table.
    Levels,
    /// Warning levels.
    Warnings,
}

/// This view's state.
#[derive(Debug, Default)]
pub struct State {
    /// The tab on screen.
    pub tab: Tab,
    /// The class shown; `None` for the first.
    pub selected: Option<ClassId>,
}

/// Draws the view.
pub fn ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State, commands: &mut Vec<Command>) {
    // Nothing here changes the world; the view only reads the plan.
    let _ = commands;
    let tr = shown.tr().classes;
    widgets::tabs(
        ui,
        &mut state.tab,
        &[
            (Tab::Classes, tr.tab_classes),
            (Tab::Levels, tr.tab_levels),
            (Tab::Warnings, tr.tab_warnings),
        ],
    );
    ui.separator();
    match state.tab {
        Tab::Classes => classes_ui(ui, shown, state),
        Tab::Levels => levels_ui(ui, shown),
        Tab::Warnings => warnings_ui(ui, shown),
    }
}

/// The index of the class on screen.
fn selected_index(classes: &[FaultClass], selected: Option<&ClassId>) -> usize {
    selected
        .and_then(|id| classes.iter().position(|c| c.id == *id))
        .unwrap_or(0)
}

fn classes_ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State) {
    let tr = shown.tr().classes;
    let classes = &shown.plan.doc().classes;
    if classes.is_empty() {
        ui.label(tr.no_classes);
        return;
    }
    let mut index = selected_index(classes, state.selected.as_ref());
    // Up and down walk the list when no text field or button has the focus.
    let free = ui.memory(|m| m.focused().is_none());
    if free {
        let (up, down) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
            )
        });
        index = step_selection(index, classes.len(), up, down);
    }
    egui::Panel::left("class-list")
        .resizable(false)
        .exact_size(theme::CLASS_LIST_WIDTH)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("class-list")
                .show(ui, |ui| {
                    for (i, class) in classes.iter().enumerate() {
                        let mut job = LayoutJob::default();
                        job.append(
                            &class.name,
                            0.0,
                            TextFormat::simple(
                                egui::FontId::proportional(theme::TAB_SIZE),
                                ui.visuals().strong_text_color(),
                            ),
                        );
                        job.append(
                            class.id.as_str(),
                            8.0,
                            TextFormat::simple(
                                egui::FontId::monospace(12.0),
                                ui.visuals().weak_text_color(),
                            ),
                        );
                        if ui.selectable_label(i == index, job).clicked() {
                            index = i;
                        }
                    }
                });
        });
    state.selected = classes.get(index).map(|c| c.id.clone());
    let Some(class) = classes.get(index) else {
        return;
    };
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("class-detail")
            .auto_shrink(false)
            .show(ui, |ui| class_detail(ui, shown, tr, class));
    });
}

/// Moves a list selection one up or down, staying inside the list.
fn step_selection(index: usize, len: usize, up: bool, down: bool) -> usize {
    match (up, down) {
        (true, false) => index.saturating_sub(1),
        (false, true) => (index + 1).min(len.saturating_sub(1)),
        _ => index,
    }
}

fn class_detail(ui: &mut Ui, shown: &Shown<'_>, tr: &ClassesTr, class: &FaultClass) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(&class.name).size(theme::TITLE_SIZE).strong());
        ui.label(RichText::new(class.id.as_str()).monospace().weak());
    });
    ui.add_space(theme::ITEM_GAP);
    field(ui, tr.description, |ui| {
        ui.add(egui::Label::new(&class.description).wrap());
    });
    field(ui, tr.detection, |ui| bullets(ui, &class.detection));
    if !class.examples.is_empty() {
        field(ui, tr.examples, |ui| bullets(ui, &class.examples));
    }
    if !class.assessment.is_empty() {
        field(ui, tr.assessment, |ui| {
            ui.label(RichText::new(tr.assessment_hint).weak());
            for q in &class.assessment {
                ui.horizontal_top(|ui| {
                    match shown.plan.level(&q.level) {
                        Some(level) => level_chip(ui, tr, level),
                        None => {
                            ui.label(q.level.as_str());
                        }
                    }
                    ui.add(egui::Label::new(&q.text).wrap());
                });
            }
        });
    }
}

fn levels_ui(ui: &mut Ui, shown: &Shown<'_>) {
    let tr = shown.tr().classes;
    ui.label(RichText::new(tr.levels_intro).weak());
    ui.add_space(theme::ITEM_GAP);
    egui::ScrollArea::vertical()
        .id_salt("levels")
        .auto_shrink(false)
        .show(ui, |ui| {
            for level in &shown.plan.doc().levels {
                card(ui, shown, |ui| level_card(ui, shown, tr, level));
                ui.add_space(theme::ITEM_GAP);
            }
        });
}

fn level_card(ui: &mut Ui, shown: &Shown<'_>, tr: &ClassesTr, level: &Level) {
    let plan = shown.plan;
    level_chip(ui, tr, level);
    ui.add_space(theme::ITEM_GAP);
    field(ui, tr.criteria, |ui| bullets(ui, &level.criteria));
    field(ui, tr.activates, |ui| {
        let names: Vec<&str> = level
            .activates
            .iter()
            .map(|id| plan.unit(id).map_or(id.as_str(), |u| u.name.as_str()))
            .collect();
        ui.add(egui::Label::new(names.join(" · ")).wrap());
    });
    if !level.inform.is_empty() {
        field(ui, tr.inform, |ui| {
            for duty in &level.inform {
                ui.horizontal_wrapped(|ui| {
                    ui.label(target_label(shown, &duty.to));
                    let within = (shown.tr().within)(span(duty.within_minutes));
                    widgets::chip(ui, &within, theme::time_chip(shown.dark));
                });
            }
        });
    }
    field(ui, tr.update, |ui| {
        ui.label(
            level
                .update_every_minutes
                .map_or_else(|| tr.no_update.to_owned(), |m| (tr.update_every)(span(m))),
        );
    });
    field(ui, tr.duties, |ui| {
        if level.duties.is_empty() {
            ui.label(tr.no_duties);
        }
        for duty in &level.duties {
            ui.add(egui::Label::new(format!("• {}", duty.text)).wrap());
            ui.indent(duty.id.as_str(), |ui| {
                ui.horizontal_wrapped(|ui| {
                    if let Some(m) = duty.within_minutes {
                        let within = (shown.tr().within)(span(m));
                        widgets::chip(ui, &within, theme::time_chip(shown.dark));
                    }
                    if let Some(to) = &duty.to {
                        ui.label(RichText::new(tr.report_to).weak());
                        ui.label(target_label(shown, to));
                    }
                    ui.label(RichText::new(tr.basis).weak());
                    ui.label(match &duty.basis {
                        Basis::Law(name) => name.as_str(),
                        Basis::Platform => tr.platform_rule,
                    });
                });
                if let Some(condition) = &duty.condition {
                    ui.horizontal_top(|ui| {
                        ui.label(RichText::new(tr.condition).weak());
                        ui.add(egui::Label::new(condition).wrap());
                    });
                }
            });
        }
    });
}

fn warnings_ui(ui: &mut Ui, shown: &Shown<'_>) {
    let tr = shown.tr().classes;
    let doc = shown.plan.doc();
    if doc.warnings.is_empty() {
        ui.label(tr.no_warnings);
    } else {
        ui.label(RichText::new(tr.warnings_intro).weak());
    }
    ui.add_space(theme::ITEM_GAP);
    egui::ScrollArea::vertical()
        .id_salt("warnings")
        .auto_shrink(false)
        .show(ui, |ui| {
            for warning in &doc.warnings {
                card(ui, shown, |ui| warning_card(ui, shown, tr, warning));
                ui.add_space(theme::ITEM_GAP);
            }
            if !doc.signals.is_empty() {
                ui.add_space(theme::SECTION_GAP);
                ui.heading(tr.signals);
                card(ui, shown, |ui| signals_ui(ui, shown, tr));
            }
        });
}

/// The monitoring signals that can raise a warning, with their thresholds.
fn signals_ui(ui: &mut Ui, shown: &Shown<'_>, tr: &ClassesTr) {
    for signal in &shown.plan.doc().signals {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&signal.name).strong());
            if let Some(level) = signal.suggests.as_ref().and_then(|l| shown.plan.level(l)) {
                ui.label(RichText::new(tr.suggests).weak());
                level_chip(ui, tr, level);
            }
        });
        ui.indent(signal.id.as_str(), |ui| {
            ui.horizontal_top(|ui| {
                ui.label(RichText::new(tr.threshold).weak());
                ui.add(egui::Label::new(&signal.threshold).wrap());
            });
            ui.horizontal_top(|ui| {
                ui.label(RichText::new(tr.source).weak());
                ui.add(egui::Label::new(&signal.source).wrap());
            });
        });
        ui.add_space(theme::ITEM_GAP);
    }
}

fn warning_card(ui: &mut Ui, shown: &Shown<'_>, tr: &ClassesTr, warning: &Warning) {
    ui.horizontal(|ui| {
        widgets::chip(ui, &warning.name, theme::level_chip(warning.colour));
        ui.label(RichText::new((tr.warning_for)(warning.level.as_str())).weak());
    });
    ui.add_space(theme::ITEM_GAP);
    field(ui, tr.triggers, |ui| bullets(ui, &warning.triggers));
    field(ui, tr.measures, |ui| bullets(ui, &warning.measures));
    let role = |id: &crate::model::ids::RoleId| target_label(shown, &Target::Role(id.clone()));
    field(ui, tr.issued_by, |ui| {
        ui.label(role(&warning.issued_by));
    });
    field(ui, tr.lifted_by, |ui| {
        ui.label(role(&warning.lifted_by));
    });
}

/// "Role → holder", the person, or the external contact.
fn target_label(shown: &Shown<'_>, target: &Target) -> String {
    Callee::of(shown.plan, target).label()
}

/// A level in its colour: "I级 特别重大".
fn level_chip(ui: &mut Ui, tr: &ClassesTr, level: &Level) {
    let text = (tr.level_chip)(level.id.as_str(), &level.name);
    widgets::chip(ui, &text, theme::level_chip(level.colour));
}

/// A labelled field: the label in a fixed column, the content beside it.
fn field(ui: &mut Ui, label: &str, add: impl FnOnce(&mut Ui)) {
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(theme::FIELD_LABEL_WIDTH, 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(theme::FIELD_LABEL_WIDTH);
                ui.add(egui::Label::new(RichText::new(label).strong()).wrap());
            },
        );
        ui.vertical(add);
    });
    ui.add_space(theme::ITEM_GAP);
}

fn bullets(ui: &mut Ui, items: &[String]) {
    for item in items {
        ui.add(egui::Label::new(format!("• {item}")).wrap());
    }
}

/// A level's, a warning's or the signals' card: the width of the view,
/// roomy for its labelled fields.
fn card(ui: &mut Ui, shown: &Shown<'_>, add: impl FnOnce(&mut Ui)) {
    widgets::Card::new(shown.dark).wide().roomy().show(ui, add);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_steps_inside_the_list() {
        assert_eq!(step_selection(0, 3, true, false), 0);
        assert_eq!(step_selection(0, 3, false, true), 1);
        assert_eq!(step_selection(2, 3, false, true), 2);
        assert_eq!(step_selection(1, 3, true, true), 1);
        assert_eq!(step_selection(0, 0, false, true), 0);
    }
}
