//! The incident's clocks: time since discovery and declaration, the next
//! status update, the people still to inform (one chip for all of them) and
//! the reporting duties, each coloured by how urgent it is. A duty still
//! owed is marked fulfilled from its clock.

use egui::{RichText, Ui};

use super::super::{Shown, theme};
use super::{IncidentShown, State, dialogs};
use crate::i18n::time::Span;
use crate::model::incident::{Applies, Clock, ClockKind, Status, Urgency};

/// The row of clocks, the people to inform as one chip.
pub(super) fn clocks_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    inc: &IncidentShown<'_>,
    status: &Status<'_>,
    state: &mut State,
) {
    let tr = shown.tr();
    let times = &shown.times;
    let s = inc.projected;
    let span = |d: chrono::Duration| (tr.span)(Span::of(d));
    ui.horizontal_wrapped(|ui| {
        clock_chip(
            ui,
            shown,
            tr.walk.since_discovery,
            &span(times.since(s.discovered_at())),
            Urgency::Running,
            egui::Sense::hover(),
        );
        clock_chip(
            ui,
            shown,
            tr.walk.since_declaration,
            &span(times.since(s.declared_at())),
            Urgency::Running,
            egui::Sense::hover(),
        );
        // The people to inform are one chip: the earliest still owed, and
        // how many are left (the call panel lists them all).
        let informs: Vec<&Clock> = status
            .clocks
            .iter()
            .filter(|c| matches!(c.kind, ClockKind::Inform(_)))
            .collect();
        let owed = informs.iter().filter(|c| !c.met).count();
        let first_owed = informs.iter().find(|c| !c.met).copied();
        let shown_clocks = status.clocks.iter().filter(|c| {
            !matches!(c.kind, ClockKind::Inform(_))
                || first_owed.is_some_and(|f| std::ptr::eq(*c, f))
                || (owed == 0 && informs.last().is_some_and(|l| std::ptr::eq(*c, *l)))
        });
        for c in shown_clocks {
            let mut what = match &c.kind {
                ClockKind::StatusUpdate => tr.walk.next_update.to_owned(),
                ClockKind::Inform(_) => (tr.walk.informs)(owed, informs.len()),
                ClockKind::Duty(_) => shorten(&c.label, DUTY_LABEL_CHARS),
            };
            // Whether it applies is not known yet: it counts anyway, and
            // says so.
            if c.applies == Applies::NotYetKnown && !c.met {
                what = format!("{what} · {}", tr.walk.not_yet_known);
            }
            let hover = match &c.kind {
                ClockKind::Inform(_) => informs
                    .iter()
                    .map(|i| {
                        let mark = if i.met { "✓" } else { "□" };
                        format!("{mark} {} · {}", times.short(i.due), i.label)
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                _ => c.label.clone(),
            };
            let urgency = c.urgency(times.now());
            let when = match urgency {
                Urgency::Met => tr.walk.met.to_owned(),
                Urgency::Missed => format!(
                    "{} · {}",
                    times.short(c.due),
                    (tr.walk.overdue_by)(&span(times.now() - c.due))
                ),
                Urgency::Running | Urgency::Near => format!(
                    "{} · {}",
                    times.short(c.due),
                    (tr.walk.due_in)(&span(c.due - times.now()))
                ),
            };
            // A duty still owed is marked fulfilled from its clock.
            let owed_duty = match &c.kind {
                ClockKind::Duty(duty) if !c.met => Some(duty),
                _ => None,
            };
            let sense = match owed_duty {
                Some(_) => egui::Sense::click(),
                None => egui::Sense::hover(),
            };
            let chip = clock_chip(ui, shown, &what, &when, urgency, sense);
            if let Some(duty) = owed_duty {
                let chip = chip.on_hover_text(format!("{hover}\n{}", tr.talk.duty_hint));
                if chip.clicked() {
                    state.dialog = Some(dialogs::Dialog::Duty {
                        duty: duty.clone(),
                        note: String::new(),
                    });
                }
            } else {
                chip.on_hover_text(hover);
            }
        }
        // The duties the record rules out: no clock runs, and they say why.
        for c in &status.ruled_out {
            clock_chip(
                ui,
                shown,
                &shorten(&c.label, DUTY_LABEL_CHARS),
                tr.walk.state_na,
                Urgency::Met,
                egui::Sense::hover(),
            )
            .on_hover_text(format!("{}\n{}", c.label, tr.walk.ruled_out_hint));
        }
    });
}

/// How much of a duty's text its clock shows (the hover has it all).
const DUTY_LABEL_CHARS: usize = 30;

/// The first `n` characters of a text, with an ellipsis when it was longer.
fn shorten(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// One clock: what it counts, small, over when it is due, large.
///
/// The chip is measured before it is placed, so the wrapping row moves a
/// chip that does not fit to the next line. A frame placed as a child `Ui`
/// would take whatever width is left at the end of the row, and a Chinese
/// duty label wraps at every character: a chip a few pixels wide and the
/// whole window high, pushing the checklist out of view.
fn clock_chip(
    ui: &mut Ui,
    shown: &Shown<'_>,
    what: &str,
    when: &str,
    urgency: Urgency,
    sense: egui::Sense,
) -> egui::Response {
    const MARGIN: egui::Vec2 = egui::vec2(8.0, 4.0);
    let dark = shown.dark;
    let (fill, text) = match urgency {
        Urgency::Missed => (theme::error_fill(dark), theme::error_text(dark)),
        Urgency::Near => (theme::near_fill(dark), theme::near_text(dark)),
        Urgency::Met => (theme::card_fill(dark), theme::quiet_text(dark)),
        Urgency::Running => (theme::card_fill(dark), ui.visuals().text_color()),
    };
    // A chip wraps its text only when it is wider than a whole row.
    let wrap_width = (ui.max_rect().width() - 2.0 * MARGIN.x).max(0.0);
    let galley = |rich: RichText| {
        egui::WidgetText::from(rich).into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            wrap_width,
            egui::TextStyle::Body,
        )
    };
    let what_galley = galley(RichText::new(what).small().color(text));
    let when_galley = galley(
        RichText::new(when)
            .strong()
            .size(theme::CLOCK_SIZE)
            .color(text),
    );
    let gap = ui.spacing().item_spacing.y;
    let inner = egui::vec2(
        what_galley.size().x.max(when_galley.size().x),
        what_galley.size().y + gap + when_galley.size().y,
    );
    let (rect, response) = ui.allocate_exact_size(inner + 2.0 * MARGIN, sense);
    // A screen reader hears the whole clock, button or not.
    let role = if sense.senses_click() {
        egui::Role::Button
    } else {
        egui::Role::Label
    };
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, format!("{what} — {when}")));
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect(
            rect,
            4.0,
            fill,
            egui::Stroke::new(1.0, theme::card_stroke(dark)),
            egui::StrokeKind::Inside,
        );
        let top = rect.min + MARGIN;
        painter.galley(top, what_galley.clone(), text);
        let below = top + egui::vec2(0.0, what_galley.size().y + gap);
        painter.galley(below, when_galley, text);
    }
    response
}
