//! A communicate step's message: the step's template filled in from the
//! incident, editable, with every placeholder nothing has filled shown
//! highlighted. It cannot be marked sent while one is left; once it is, the
//! exact text sent is what the log keeps.

use egui::text::{LayoutJob, TextFormat};
use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::super::{Command, Shown, theme};
use super::{IncidentShown, State};
use crate::model::ids::{StepId, TemplateId};
use crate::model::incident::{Action, Event, MessageChannel};
use crate::model::plan::doc::Audience;
use crate::model::plan::template;

/// Marks the message sent, from anywhere in the editor.
pub const SENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Enter);

/// The message being written for a step.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The step it is for.
    pub step: StepId,
    /// The text as the operator has it.
    pub text: String,
    /// How it goes out.
    pub channel: Option<MessageChannel>,
    /// Whom it is for: the template's audience unless changed.
    pub audience: Audience,
}

/// Draws the editor for a step's template.
#[allow(clippy::too_many_lines)] // One editor: the text, what is missing, and the buttons.
pub fn ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    step: &StepId,
    id: &TemplateId,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let Some(t) = inc.plan.template(id) else {
        return;
    };
    let times = &shown.times;
    // Sent already: say when, and show what went out.
    let sent = inc.projected.timeline().iter().rev().find(
        |e| matches!(&e.event, Event::MessageSent { template: Some(sent), .. } if sent == id),
    );
    ui.label(RichText::new((tr.talk.message_title)(&t.name)).strong());
    if let Some(e) = sent {
        ui.label(
            RichText::new((tr.talk.message_already)(&times.short(e.at())))
                .color(theme::saved_text(shown.dark)),
        );
        // Once sent, the text that went out is what shows, until the
        // operator starts a new message from the template.
        if state.draft.as_ref().is_none_or(|d| &d.step != step) {
            if let Event::MessageSent { text, .. } = &e.event {
                egui::Frame::new()
                    .fill(theme::card_fill(shown.dark))
                    .inner_margin(8.0)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.add(egui::Label::new(text).wrap());
                    });
            }
            if ui.button(tr.talk.message_again).clicked() {
                state.draft = Some(draft_from_template(inc, t, step, times));
                state.focus_message = true;
            }
            return;
        }
    }
    if state.draft.as_ref().is_none_or(|d| &d.step != step) {
        state.draft = Some(draft_from_template(inc, t, step, times));
    }
    let Some(draft) = state.draft.as_mut() else {
        return;
    };
    let dark = shown.dark;
    let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap: f32| {
        let mut job = highlighted(ui, text.as_str(), dark);
        job.wrap.max_width = wrap;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let label = ui.label(RichText::new(tr.talk.message_text).strong());
    let editor = ui
        .add(
            egui::TextEdit::multiline(&mut draft.text)
                .desired_width(f32::INFINITY)
                .desired_rows(8)
                .layouter(&mut layouter),
        )
        .labelled_by(label.id);
    if std::mem::take(&mut state.focus_message) {
        editor.request_focus();
    }
    let unfilled: Vec<String> = template::unfilled(&draft.text)
        .iter()
        .map(|n| format!("{{{n}}}"))
        .collect();
    if unfilled.is_empty() {
        ui.label(RichText::new(tr.talk.message_ready).color(theme::saved_text(dark)));
    } else {
        ui.label(
            RichText::new((tr.talk.message_unfilled)(&unfilled.join(" ")))
                .color(theme::warning_text(dark)),
        );
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.talk.message_to);
        for a in Audience::ALL {
            if ui
                .selectable_label(draft.audience == a, (tr.incident.audience)(a))
                .clicked()
            {
                draft.audience = a;
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.talk.message_channel);
        for c in MessageChannel::ALL {
            let chosen = draft.channel == Some(c);
            if ui
                .selectable_label(chosen, (tr.incident.message_channel)(c))
                .clicked()
            {
                draft.channel = if chosen { None } else { Some(c) };
            }
        }
    });
    let mut sent_now = false;
    ui.horizontal(|ui| {
        if ui.button(tr.talk.message_copy).clicked() {
            commands.push(Command::Copy(draft.text.clone()));
        }
        let ready = unfilled.is_empty() && !draft.text.trim().is_empty();
        let hint = ui.ctx().format_shortcut(&SENT);
        let sent = ui
            .add_enabled(
                ready,
                egui::Button::new(RichText::new(tr.talk.message_sent).strong()),
            )
            .on_hover_text(hint)
            .clicked();
        let by_key = ready && ui.input_mut(|i| i.consume_shortcut(&SENT));
        if sent || by_key {
            commands.push(Command::Act {
                key: inc.key,
                action: Action::Message {
                    template: Some(id.clone()),
                    audience: Some(draft.audience),
                    channel: draft.channel,
                    text: draft.text.clone(),
                },
                happened_at: None,
            });
            sent_now = true;
        }
    });
    if sent_now {
        state.draft = None;
    }
}

/// A new message from the template, filled from the incident as it is now.
fn draft_from_template(
    inc: &IncidentShown<'_>,
    t: &crate::model::plan::doc::Template,
    step: &StepId,
    times: &crate::i18n::time::Times,
) -> Draft {
    let text = inc.projected.render_template(
        inc.plan,
        t,
        times.now(),
        &|at| times.datetime(at),
        &std::collections::BTreeMap::new(),
    );
    Draft {
        step: step.clone(),
        text,
        channel: None,
        audience: t.audience,
    }
}

/// The text with every placeholder on a warning background.
fn highlighted(ui: &egui::Ui, text: &str, dark: bool) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat::simple(font.clone(), ui.visuals().text_color());
    let marked = TextFormat {
        background: theme::highlight_fill(dark),
        color: theme::error_text(dark),
        ..TextFormat::simple(font, ui.visuals().text_color())
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for range in template::placeholder_ranges(text) {
        job.append(&text[at..range.start], 0.0, plain.clone());
        job.append(&text[range.clone()], 0.0, marked.clone());
        at = range.end;
    }
    job.append(&text[at..], 0.0, plain);
    job
}
