//! Declaring an incident (Ctrl+N): one short form, top to bottom, that the
//! keyboard walks with Tab.
//!
//! Title; the fault class as cards with their description and the signs
//! that show it, so the operator matches symptoms rather than names; when
//! the fault was discovered; the class's assessment questions, from which
//! the plan suggests the most severe level answered yes (and shows which
//! answer), with another level taking a reason; the operator's name; drill
//! or real. The form checks itself with the model's own `declare` as it is
//! filled, so the button says exactly what is missing, in the interface's
//! language, before anything is written.

use std::collections::BTreeMap;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::super::{Command, Shown, theme};
use crate::clock;
use crate::i18n::Tr;
use crate::model::ids::{ClassId, ItemId, LevelId};
use crate::model::incident::{Answer, Declaration, declare, suggested_level};
use crate::model::plan::Plan;
use crate::model::plan::doc::FaultClass;

/// The shortcut that declares from anywhere in the form.
pub const CONFIRM: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Enter);

/// What the operator has filled in. It stays when the form is closed with
/// Esc, so nothing typed is lost; it is cleared once the incident is declared.
#[derive(Clone, Debug, Default)]
pub struct Form {
    /// The title.
    pub title: String,
    /// The fault class chosen.
    pub class: Option<ClassId>,
    /// The discovery time typed, `HH:MM`; empty for now.
    pub discovered: String,
    /// Answers given, by question.
    pub answers: BTreeMap<ItemId, bool>,
    /// A level chosen against the suggestion; `None` takes the suggestion.
    pub level: Option<LevelId>,
    /// Why the level differs from the suggestion.
    pub level_reason: String,
    /// Who is declaring.
    pub operator: String,
    /// A drill.
    pub drill: bool,
    /// Put the keyboard in the title on the next frame.
    pub focus_title: bool,
}

impl Form {
    /// A new form, with the operator's remembered name.
    #[must_use]
    pub fn new(operator: &str) -> Self {
        Self {
            operator: operator.to_owned(),
            focus_title: true,
            ..Self::default()
        }
    }

    fn answers(&self) -> Vec<Answer> {
        self.answers
            .iter()
            .map(|(q, yes)| Answer {
                question: q.clone(),
                yes: *yes,
            })
            .collect()
    }

    /// The declaration the form describes, or why it cannot be made yet,
    /// worded for the operator.
    ///
    /// # Errors
    /// What is missing or wrong, in the interface's language.
    pub fn declaration(
        &self,
        plan: &Plan,
        tr: &Tr,
        times: &crate::i18n::time::Times,
    ) -> Result<Declaration, String> {
        let discovered_at = match self.discovered.trim() {
            "" => None,
            text => Some(
                clock::parse_past(text, times.now(), times.zone())
                    .map_err(|e| (tr.incident.when_error)(&e))?,
            ),
        };
        let Some(class) = self.class.clone() else {
            return Err(tr.walk.pick_class_first.to_owned());
        };
        let d = Declaration {
            title: self.title.clone(),
            class,
            level: self.level.clone(),
            level_reason: Some(self.level_reason.clone()).filter(|r| !r.trim().is_empty()),
            answers: self.answers(),
            discovered_at,
            commander: None,
            drill: self.drill,
        };
        // The model's own check, with the plan's hash left out: nothing is
        // written here, the app declares for real.
        declare(plan, "", d.clone(), times.now()).map_err(|e| (tr.incident.refusal)(&e))?;
        Ok(d)
    }
}

/// Draws the form in a modal; returns whether it stays open.
pub fn ui(
    ctx: &egui::Context,
    shown: &Shown<'_>,
    form: &mut Form,
    commands: &mut Vec<Command>,
) -> bool {
    let tr = shown.tr();
    let mut keep = true;
    let modal = egui::Modal::new(egui::Id::unique("declare")).show(ctx, |ui| {
        // Taken before the fields are drawn: a focused checkbox would take
        // the Enter of Ctrl+Enter as a click of its own.
        let by_key = ui.input_mut(|i| i.consume_shortcut(&CONFIRM));
        ui.set_width(ui.ctx().content_rect().width().min(900.0) - 80.0);
        ui.heading(tr.walk.declare_title);
        egui::ScrollArea::vertical()
            .max_height(ui.ctx().content_rect().height() - 160.0)
            .show(ui, |ui| fields_ui(ui, shown, form));
        ui.separator();
        let checked = form.declaration(shown.plan, tr, &shown.times);
        ui.horizontal(|ui| {
            let confirm = ui.add_enabled(
                checked.is_ok(),
                egui::Button::new(RichText::new(tr.walk.declare_confirm).strong()),
            );
            let confirm = confirm.on_hover_text(ui.ctx().format_shortcut(&CONFIRM));
            if let Ok(d) = &checked
                && (confirm.clicked() || by_key)
            {
                commands.push(Command::Declare {
                    declaration: d.clone(),
                    operator: form.operator.trim().to_owned(),
                });
                keep = false;
            }
            if ui.button(tr.walk.cancel).clicked() {
                keep = false;
            }
            if let Err(why) = &checked {
                ui.label(RichText::new(why).color(theme::warning_text(shown.dark)));
            }
        });
    });
    if modal.should_close() {
        keep = false;
    }
    keep
}

fn fields_ui(ui: &mut Ui, shown: &Shown<'_>, form: &mut Form) {
    let tr = shown.tr();
    let plan = shown.plan;
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(tr.walk.title_label).strong());
        let edit = ui
            .add(egui::TextEdit::singleline(&mut form.title).desired_width(420.0))
            .labelled_by(label.id);
        if std::mem::take(&mut form.focus_title) {
            edit.request_focus();
        }
    });
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(tr.walk.class_label).strong());
    classes_ui(ui, shown, form);
    ui.add_space(theme::ITEM_GAP);
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(tr.walk.discovered_label).strong());
        ui.add(
            egui::TextEdit::singleline(&mut form.discovered)
                .hint_text(tr.walk.discovered_hint)
                .desired_width(140.0),
        )
        .labelled_by(label.id);
        ui.label(RichText::new(tr.walk.discovered_earlier).weak());
    });
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(tr.walk.assessment_label).strong());
    match form.class.as_ref().and_then(|c| plan.class(c)) {
        None => {
            ui.label(RichText::new(tr.walk.pick_class_first).weak());
        }
        Some(class) => assessment_ui(ui, shown, form, class),
    }
    ui.add_space(theme::ITEM_GAP);
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(tr.walk.operator_label).strong());
        ui.add(egui::TextEdit::singleline(&mut form.operator).desired_width(220.0))
            .labelled_by(label.id);
        ui.add_space(theme::SECTION_GAP);
        ui.checkbox(&mut form.drill, RichText::new(tr.walk.drill_label).strong());
    });
}

/// The fault classes as cards: name, description and signs, to match
/// against what the operator sees. Two to a row when there is room.
fn classes_ui(ui: &mut Ui, shown: &Shown<'_>, form: &mut Form) {
    // Once chosen, the class stands alone, so the questions come into view;
    // the link brings the others back.
    if let Some(class) = form.class.as_ref().and_then(|c| shown.plan.class(c)) {
        let width = ui.available_width();
        class_card(ui, shown, class, true, width);
        if ui.link(shown.tr().walk.change_class).clicked() {
            form.class = None;
            form.answers.clear();
            form.level = None;
        }
        return;
    }
    let classes = &shown.plan.doc().classes;
    let gap = theme::ITEM_GAP;
    let columns = if ui.available_width() > 640.0 { 2 } else { 1 };
    let width = (ui.available_width() - gap * (columns - 1) as f32) / columns as f32;
    for row in classes.chunks(columns) {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for class in row {
                let chosen = form.class.as_ref() == Some(&class.id);
                if class_card(ui, shown, class, chosen, width).clicked() && !chosen {
                    form.class = Some(class.id.clone());
                    form.answers.clear();
                    form.level = None;
                }
            }
        });
        ui.add_space(gap);
    }
}

/// One class as a card that is a button: click, or Tab to it and Space.
fn class_card(
    ui: &mut Ui,
    shown: &Shown<'_>,
    class: &FaultClass,
    chosen: bool,
    width: f32,
) -> egui::Response {
    let tr = shown.tr();
    let dark = shown.dark;
    let id = ui.scope_id().with(("class-card", class.id.as_str()));
    let stroke = if chosen {
        egui::Stroke::new(2.0, theme::accent(dark))
    } else {
        egui::Stroke::new(1.0, theme::card_stroke(dark))
    };
    let fill = if chosen {
        theme::current_fill(dark)
    } else {
        theme::card_fill(dark)
    };
    let frame = egui::Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(width - 20.0);
            ui.vertical(|ui| {
                ui.label(RichText::new(&class.name).strong().size(theme::NAME_SIZE));
                ui.add(egui::Label::new(&class.description).wrap());
                if !class.detection.is_empty() {
                    let signs = format!("{} {}", tr.walk.signs, class.detection.join(" "));
                    ui.add(
                        egui::Label::new(
                            RichText::new(signs).small().color(theme::quiet_text(dark)),
                        )
                        .wrap(),
                    );
                }
            });
        });
    let response = ui.interact(frame.response.rect, id, egui::Sense::click());
    // The keyboard's ring, drawn once this frame's focus is known.
    if response.has_focus() || response.hovered() {
        ui.painter().rect_stroke(
            frame.response.rect,
            6.0,
            egui::Stroke::new(2.0, theme::accent(dark)),
            egui::StrokeKind::Inside,
        );
    }
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, chosen, &class.name));
    response
}

fn assessment_ui(ui: &mut Ui, shown: &Shown<'_>, form: &mut Form, class: &FaultClass) {
    let tr = shown.tr();
    let plan = shown.plan;
    for q in &class.assessment {
        let answer = form.answers.get(&q.id).copied();
        ui.horizontal(|ui| {
            if ui.radio(answer == Some(true), tr.walk.act_yes).clicked() {
                form.answers.insert(q.id.clone(), true);
            }
            if ui.radio(answer == Some(false), tr.walk.act_no).clicked() {
                form.answers.insert(q.id.clone(), false);
            }
            ui.add(egui::Label::new(&q.text).wrap());
        });
    }
    let suggested = suggested_level(plan, &class.id, &form.answers());
    match suggested.as_ref().and_then(|l| plan.level(l)) {
        Some(level) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new((tr.walk.suggested)(level.id.as_str(), &level.name)).strong(),
                );
                // Why: the questions answered yes that point at this level.
                let why: Vec<&str> = class
                    .assessment
                    .iter()
                    .filter(|q| q.level == level.id && form.answers.get(&q.id) == Some(&true))
                    .map(|q| q.text.as_str())
                    .collect();
                ui.label(RichText::new(format!("{} {}", tr.walk.because, why.join("；"))).weak());
            });
        }
        None => {
            ui.label(RichText::new(tr.walk.suggested_none).weak());
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr.walk.level_label).strong());
        let chosen = form.level.clone().or_else(|| suggested.clone());
        for level in &plan.doc().levels {
            let selected = chosen.as_ref() == Some(&level.id);
            let text = (tr.walk.level_chip)(level.id.as_str(), &level.name);
            if ui.radio(selected, text).clicked() {
                form.level = if suggested.as_ref() == Some(&level.id) {
                    None
                } else {
                    Some(level.id.clone())
                };
            }
        }
    });
    if form.level.is_some() && suggested.is_some() && form.level != suggested {
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new(tr.walk.level_reason_label).strong());
            ui.add(egui::TextEdit::singleline(&mut form.level_reason).desired_width(420.0))
                .labelled_by(label.id);
        });
    }
}
