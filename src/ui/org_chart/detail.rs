//! The organisation chart's side panel: the selected role's unit and
//! duties, its holder and deputies, each with every way to reach them and a
//! copy button for each number.

use egui::{RichText, Ui, WidgetInfo, vec2};

use super::super::{Command, Shown, theme, widgets};
use super::State;
use crate::model::plan::doc::Person;

/// The selected role, or how to pick one.
pub(super) fn detail_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr().org;
    let plan = shown.plan;
    let found = state.selected.as_ref().and_then(|id| plan.role(id));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(theme::ITEM_GAP);
            let Some(role) = found else {
                ui.label(RichText::new(tr.pick_a_role).size(15.0));
                ui.add_space(theme::SECTION_GAP);
                ui.label(RichText::new(tr.keys_hint).weak());
                return;
            };
            let Some(unit) = plan.unit(&role.unit) else {
                return;
            };
            ui.label(RichText::new(&role.name).size(theme::TITLE_SIZE).strong());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(tr.unit).weak());
                ui.label(&unit.name);
            });
            ui.add_space(theme::SECTION_GAP);
            heading(ui, tr.duties);
            for duty in &role.duties {
                ui.horizontal_top(|ui| {
                    ui.label("•");
                    ui.add(egui::Label::new(duty).wrap());
                });
            }
            ui.add_space(theme::SECTION_GAP);
            heading(ui, tr.holder);
            match plan.person(&role.holder) {
                Some(person) => person_card(ui, shown, person, None, commands),
                None => {
                    ui.label(format!("{} {}", role.holder, tr.no_holder));
                }
            }
            ui.add_space(theme::SECTION_GAP);
            heading(ui, tr.deputies);
            let deputies: Vec<&Person> = role
                .deputies
                .iter()
                .filter_map(|p| plan.person(p))
                .collect();
            if deputies.is_empty() {
                ui.label(RichText::new(tr.no_deputies).weak());
            }
            for (i, person) in deputies.into_iter().enumerate() {
                person_card(ui, shown, person, Some(i + 1), commands);
                ui.add_space(theme::ITEM_GAP);
            }
            ui.add_space(theme::SECTION_GAP);
            if ui.button(tr.clear_selection).on_hover_text("Esc").clicked() {
                state.selected = None;
            }
            ui.add_space(theme::SECTION_GAP);
            ui.label(RichText::new(tr.keys_hint).weak().small());
        });
}

fn heading(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).size(theme::NAME_SIZE).strong());
    ui.add_space(2.0);
}

/// A person: name and title, then every way to reach them, numbers large
/// with a copy button each.
fn person_card(
    ui: &mut Ui,
    shown: &Shown<'_>,
    person: &Person,
    deputy: Option<usize>,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let org = tr.org;
    widgets::Card::new(shown.dark).wide().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if let Some(n) = deputy {
                ui.label(RichText::new((org.deputy_number)(n)).weak());
            }
            ui.label(
                RichText::new(&person.name)
                    .size(theme::NAME_SIZE)
                    .strong()
                    .color(theme::org_holder_text(shown.dark)),
            );
            if !person.title.is_empty() {
                ui.label(RichText::new(&person.title).weak());
            }
        });
        let c = &person.contact;
        let mut any = false;
        for (label, value, number) in [
            (org.mobile, filled(&c.mobile), true),
            (org.office, filled(&c.office), true),
            (org.im, filled(&c.im), false),
            (org.email, filled(&c.email), false),
        ] {
            let Some(value) = value else {
                continue;
            };
            any = true;
            ui.horizontal(|ui| {
                field_label(ui, label);
                let text = if number {
                    RichText::new(value)
                        .monospace()
                        .size(theme::NUMBER_SIZE)
                        .strong()
                } else {
                    RichText::new(value)
                };
                ui.label(text);
                let copy = ui
                    .small_button(tr.copy)
                    .on_hover_text((org.copy_number)(value));
                // Many copy buttons in one panel: each says what it copies.
                copy.widget_info(|| {
                    WidgetInfo::labeled(egui::Role::Button, true, (org.copy_number)(value))
                });
                if copy.clicked() {
                    commands.push(Command::Copy(value.to_owned()));
                }
            });
        }
        if let Some(location) = filled(&c.location) {
            any = true;
            ui.horizontal(|ui| {
                field_label(ui, org.location);
                ui.add(egui::Label::new(location).wrap());
            });
        }
        if !any {
            ui.label(RichText::new(org.no_contact).weak());
        }
    });
}

/// A contact field, unless it is missing or blank.
fn filled(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.trim().is_empty())
}

fn field_label(ui: &mut Ui, text: &str) {
    let width = 64.0;
    ui.allocate_ui_with_layout(
        vec2(width, ui.spacing().interact_size.y),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.label(RichText::new(text).weak());
        },
    );
}
