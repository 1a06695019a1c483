//! The wall board: an incident on the command room's projector or TV.
//!
//! It shows the model's [`Board`] and nothing else, laid out for distance:
//! its own type scale (nothing under about 28 px at 1080p, every size
//! following the window's height), solid fills and the strongest contrast
//! in both themes, the level in words as well as in colour, no scrolling
//! and no controls. The screen is cut into fixed bands (the header, the
//! clocks, then overdue and next steps beside the calls and the latest
//! entries) and each list shows what fits, then says how many more there
//! are: nothing is ever pushed off the screen, in 16:9 or 4:3.
//!
//! It reads nothing and writes nothing: the app (the board window, or the
//! main window's second viewport) hands it the incident as last read.

use egui::{Color32, Rect, RichText, Ui, vec2};

use super::theme;
use crate::i18n::time::{Span, Times};
use crate::i18n::{Lang, Tr};
use crate::model::incident::{Board, Clock, ClockKind, Incident, Overdue, Urgency};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::Target;

/// What the board shows this frame.
pub struct BoardShown<'a> {
    /// The language, from the settings.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// Now, in the command room's time zone.
    pub times: Times,
    /// The incident as last read, with its pinned plan.
    pub incident: Option<(&'a Plan, &'a Incident)>,
    /// Why the folder could not be read last time, worded; the incident as
    /// read before stays on screen under it.
    pub problem: Option<String>,
}

/// The sizes of one frame: the board's type scale times the window's.
#[derive(Clone, Copy, Debug)]
struct Scale(f32);

impl Scale {
    /// The scale for a board of this size: its height over 1080, kept so
    /// that a 4:3 screen's width holds what a 16:9 one's does.
    fn of(rect: Rect) -> Self {
        Self((rect.height() / 1080.0).min(rect.width() / 1440.0).max(0.2))
    }
    fn px(self, size: f32) -> f32 {
        size * self.0
    }
}

/// Draws the board over the whole of `ui`.
pub fn ui(ui: &mut Ui, shown: &BoardShown<'_>) {
    let full = ui.max_rect();
    let dark = shown.dark;
    ui.painter().rect_filled(full, 0.0, theme::board_fill(dark));
    let s = Scale::of(full);
    let rect = full.shrink(s.px(24.0));
    let tr = shown.lang.tr();
    let mut top = rect.top();
    if let Some(problem) = &shown.problem {
        let band = Rect::from_min_size(rect.min, vec2(rect.width(), s.px(48.0)));
        ui.painter()
            .rect_filled(band, 4.0, theme::BOARD_MISSED_FILL);
        in_rect(ui, band.shrink2(vec2(s.px(12.0), s.px(6.0))), |ui| {
            line(ui, problem, s.px(theme::BOARD_SMALL), Color32::WHITE, true);
        });
        top = band.bottom() + s.px(12.0);
    }
    let Some((plan, incident)) = shown.incident else {
        let r = Rect::from_min_max(egui::pos2(rect.left(), top), rect.max);
        in_rect(ui, r, |ui| {
            line(
                ui,
                tr.board.no_incident,
                s.px(theme::BOARD_TITLE),
                theme::board_text(dark),
                true,
            );
        });
        return;
    };
    let board = incident.board(plan, shown.times.now());
    let ctx = Ctx {
        tr,
        times: &shown.times,
        plan,
        incident,
        dark,
        s,
    };
    let rect = Rect::from_min_max(egui::pos2(rect.left(), top), rect.max);
    let gap = s.px(20.0);
    let header = Rect::from_min_size(rect.min, vec2(rect.width(), s.px(170.0)));
    header_ui(ui, &ctx, &board, header);
    let clocks_top = header.bottom() + gap;
    let clocks_height = clocks_ui(ui, &ctx, &board, rect, clocks_top);
    let lists_top = clocks_top + clocks_height + gap;
    let left = Rect::from_min_max(
        egui::pos2(rect.left(), lists_top),
        egui::pos2(rect.center().x - gap / 2.0, rect.bottom()),
    );
    let right = Rect::from_min_max(egui::pos2(rect.center().x + gap / 2.0, lists_top), rect.max);
    in_rect(ui, left, |ui| work_ui(ui, &ctx, &board));
    in_rect(ui, right, |ui| calls_and_latest_ui(ui, &ctx, &board));
}

/// What every part of the board draws with.
struct Ctx<'a> {
    tr: &'static Tr,
    times: &'a Times,
    plan: &'a Plan,
    incident: &'a Incident,
    dark: bool,
    s: Scale,
}

impl Ctx<'_> {
    fn span(&self, d: chrono::Duration) -> String {
        (self.tr.span)(Span::of(d))
    }
}

/// Runs `add` in a child `Ui` that holds exactly `rect`, top down.
fn in_rect(ui: &mut Ui, rect: Rect, add: impl FnOnce(&mut Ui)) {
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
        |ui| {
            ui.set_clip_rect(rect.intersect(ui.clip_rect()));
            add(ui);
        },
    );
}

/// One line of text, cut with an ellipsis where the space ends.
fn line(ui: &mut Ui, text: &str, size: f32, colour: Color32, strong: bool) -> egui::Response {
    let mut rich = RichText::new(text).size(size).color(colour);
    if strong {
        rich = rich.strong();
    }
    ui.add(egui::Label::new(rich).truncate())
}

/// The level in its colour and in words, the title; then the class, DRILL,
/// who commands and for how long.
fn header_ui(ui: &mut Ui, c: &Ctx<'_>, board: &Board<'_>, rect: Rect) {
    let s = c.s;
    let (level_text, fill, on_fill) = match board.level {
        Some(level) => (
            (c.tr.walk.level_chip)(level.id.as_str(), &level.name),
            theme::level_fill(level.colour),
            theme::board_on_level(level.colour),
        ),
        None => (
            board.level_id.to_string(),
            theme::board_quiet(c.dark),
            theme::board_fill(c.dark),
        ),
    };
    let title_size = s.px(theme::BOARD_TITLE);
    let galley = ui.painter().layout_no_wrap(
        level_text.clone(),
        egui::FontId::proportional(title_size),
        theme::ON_LEVEL,
    );
    let pad = vec2(s.px(20.0), s.px(8.0));
    // The level never takes more than half the width.
    let badge_w = (galley.size().x + 2.0 * pad.x).min(rect.width() / 2.0);
    let badge = Rect::from_min_size(rect.min, vec2(badge_w, galley.size().y + 2.0 * pad.y));
    ui.painter().rect_filled(badge, s.px(8.0), fill);
    in_rect(ui, badge.shrink2(pad), |ui| {
        line(ui, &level_text, title_size, on_fill, true);
    });
    let title_rect = Rect::from_min_max(
        egui::pos2(badge.right() + s.px(24.0), rect.top() + pad.y),
        egui::pos2(rect.right(), badge.bottom()),
    );
    in_rect(ui, title_rect, |ui| {
        line(ui, board.title, title_size, theme::board_text(c.dark), true);
    });
    let second = Rect::from_min_max(
        egui::pos2(rect.left(), badge.bottom() + s.px(12.0)),
        rect.max,
    );
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(second)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
        |ui| {
            ui.spacing_mut().item_spacing.x = s.px(24.0);
            let body = s.px(theme::BOARD_BODY);
            if board.drill {
                drill_badge(ui, c, body);
            }
            if let Some(class) = board.class {
                line(ui, &class.name, body, theme::board_text(c.dark), true);
            }
            if !board.open {
                line(
                    ui,
                    c.tr.board.closed,
                    body,
                    theme::board_quiet(c.dark),
                    true,
                );
            }
            let name = crate::i18n::incident::commander_name(board.commander, c.plan);
            let held = c.span(c.times.since(board.commanding_since));
            line(
                ui,
                &(c.tr.board.commander_for)(&name, &held),
                body,
                theme::board_text(c.dark),
                false,
            );
        },
    );
}

/// DRILL, white on the drill's purple.
fn drill_badge(ui: &mut Ui, c: &Ctx<'_>, size: f32) {
    egui::Frame::new()
        .fill(theme::DRILL_FILL)
        .corner_radius(c.s.px(6.0))
        .inner_margin(egui::Margin::symmetric(
            c.s.px(14.0).round() as i8,
            c.s.px(2.0).round() as i8,
        ))
        .show(ui, |ui| {
            line(ui, c.tr.board.drill, size, theme::ON_DRILL, true);
        });
}

/// One card on the board's row of clocks.
struct Card {
    what: String,
    when: String,
    urgency: Urgency,
}

/// The clocks as cards, in as many rows of as many columns as the width
/// holds (two rows at most); returns the height they took.
fn clocks_ui(ui: &mut Ui, c: &Ctx<'_>, board: &Board<'_>, rect: Rect, top: f32) -> f32 {
    let s = c.s;
    let mut cards = vec![Card {
        what: c.tr.board.since_discovery.to_owned(),
        when: c.span(c.times.since(board.discovered_at)),
        urgency: Urgency::Running,
    }];
    cards.extend(board.clocks.iter().map(|clock| clock_card(c, clock)));
    let gap = s.px(16.0);
    let columns = ((rect.width() + gap) / (s.px(430.0) + gap))
        .floor()
        .clamp(2.0, 6.0) as usize;
    let columns = columns.min(cards.len()).max(1);
    let rows = cards.len().div_ceil(columns).min(2);
    let shown = (rows * columns).min(cards.len());
    let hidden = cards.len() - shown;
    let card_w = (rect.width() - gap * (columns as f32 - 1.0)) / columns as f32;
    let card_h = s.px(138.0);
    for (i, card) in cards.iter().take(shown).enumerate() {
        let (row, col) = (i / columns, i % columns);
        let min = egui::pos2(
            rect.left() + col as f32 * (card_w + gap),
            top + row as f32 * (card_h + gap),
        );
        let more = (hidden > 0 && i == shown - 1).then_some(hidden);
        card_ui(
            ui,
            c,
            card,
            Rect::from_min_size(min, vec2(card_w, card_h)),
            more,
        );
    }
    rows as f32 * card_h + (rows as f32 - 1.0) * gap
}

fn clock_card(c: &Ctx<'_>, clock: &Clock) -> Card {
    let what = match &clock.kind {
        ClockKind::StatusUpdate => c.tr.board.next_update.to_owned(),
        ClockKind::Duty(_) | ClockKind::Inform(_) => clock.label.clone(),
    };
    let now = c.times.now();
    let urgency = clock.urgency(now);
    let at = c.times.short(clock.due);
    let when = match urgency {
        Urgency::Met => c.tr.board.met.to_owned(),
        Urgency::Missed => (c.tr.board.due_over)(&at, &c.span(now - clock.due)),
        Urgency::Running | Urgency::Near => (c.tr.board.due_left)(&at, &c.span(clock.due - now)),
    };
    Card {
        what,
        when,
        urgency,
    }
}

fn card_ui(ui: &mut Ui, c: &Ctx<'_>, card: &Card, rect: Rect, more: Option<usize>) {
    let s = c.s;
    let dark = c.dark;
    let (fill, text, quiet) = match card.urgency {
        Urgency::Missed => (theme::BOARD_MISSED_FILL, Color32::WHITE, Color32::WHITE),
        Urgency::Near => (theme::BOARD_NEAR_FILL, Color32::BLACK, Color32::BLACK),
        Urgency::Met => (
            theme::card_fill(dark),
            theme::board_quiet(dark),
            theme::board_quiet(dark),
        ),
        Urgency::Running => (
            theme::card_fill(dark),
            theme::board_text(dark),
            theme::board_quiet(dark),
        ),
    };
    ui.painter().rect(
        rect,
        s.px(8.0),
        fill,
        egui::Stroke::new(s.px(2.0), theme::card_stroke(dark)),
        egui::StrokeKind::Inside,
    );
    in_rect(ui, rect.shrink2(vec2(s.px(16.0), s.px(12.0))), |ui| {
        ui.spacing_mut().item_spacing.y = s.px(8.0);
        let what = match more {
            Some(n) => format!("{} · {}", card.what, (c.tr.board.more)(n)),
            None => card.what.clone(),
        };
        line(ui, &what, s.px(theme::BOARD_SMALL), quiet, false);
        line(ui, &card.when, s.px(theme::BOARD_CLOCK), text, true);
    });
}

/// What is overdue, then the next steps with their owners.
fn work_ui(ui: &mut Ui, c: &Ctx<'_>, board: &Board<'_>) {
    let s = c.s;
    let body = s.px(theme::BOARD_BODY);
    let small = s.px(theme::BOARD_SMALL);
    let text = theme::board_text(c.dark);
    let red = theme::board_missed_text(c.dark);
    ui.spacing_mut().item_spacing.y = s.px(6.0);
    let now = c.times.now();
    if board.overdue.is_empty() {
        line(
            ui,
            c.tr.board.nothing_overdue,
            body,
            theme::board_quiet(c.dark),
            true,
        );
    } else {
        line(ui, c.tr.board.overdue, body, red, true);
        // Overdue items share the space with the next steps: as many as
        // leave room for the heading and every next step with its owner.
        let steps = board.next_steps.len().max(1) as f32;
        let next_height = body * 1.25 + steps * (body + small) * 1.25 + s.px(36.0);
        let room = rows_that_fit(ui.available_height() - next_height, body, s);
        let lines: Vec<String> = board
            .overdue
            .iter()
            .map(|o| overdue_text(c, o, now))
            .collect();
        list(ui, c, &lines, room.max(1), body, red, true);
    }
    ui.add_space(s.px(12.0));
    line(ui, c.tr.board.next_steps, body, text, true);
    if board.next_steps.is_empty() {
        line(
            ui,
            c.tr.board.no_open_steps,
            small,
            theme::board_quiet(c.dark),
            false,
        );
    }
    for step in &board.next_steps {
        if ui.available_height() < body + small + s.px(12.0) {
            break;
        }
        line(ui, &format!("□ {}", step.text), body, text, false);
        let owner = Callee::of(c.plan, &Target::Role(step.role.clone())).label();
        ui.horizontal(|ui| {
            ui.add_space(s.px(36.0));
            line(
                ui,
                &(c.tr.board.owner)(&owner),
                small,
                theme::board_quiet(c.dark),
                false,
            );
        });
    }
}

fn overdue_text(c: &Ctx<'_>, o: &Overdue<'_>, now: chrono::DateTime<chrono::Utc>) -> String {
    let what = match o {
        Overdue::Clock(clock) => match &clock.kind {
            ClockKind::StatusUpdate => c.tr.board.next_update.to_owned(),
            ClockKind::Duty(_) | ClockKind::Inform(_) => clock.label.clone(),
        },
        Overdue::Step(step, _) => step.text.clone(),
    };
    format!(
        "{} · {}",
        (c.tr.walk.overdue_by)(&c.span(now - o.due())),
        what
    )
}

/// How many lines of `size` fit in `height`.
fn rows_that_fit(height: f32, size: f32, s: Scale) -> usize {
    let row = size * 1.25 + s.px(6.0);
    (height / row).floor().max(0.0) as usize
}

/// Up to `max` lines, the last one saying how many more there are when
/// they do not all fit.
fn list(
    ui: &mut Ui,
    c: &Ctx<'_>,
    lines: &[String],
    max: usize,
    size: f32,
    colour: Color32,
    strong: bool,
) {
    let fit = max.min(rows_that_fit(ui.available_height(), size, c.s));
    let shown = if lines.len() > fit {
        fit.saturating_sub(1)
    } else {
        lines.len()
    };
    for l in lines.iter().take(shown) {
        line(ui, l, size, colour, strong);
    }
    if shown < lines.len() && fit > 0 {
        line(
            ui,
            &(c.tr.board.more)(lines.len() - shown),
            size,
            theme::board_quiet(c.dark),
            false,
        );
    }
}

/// The calls nobody answered, by line; then the latest entries of the
/// timeline, from every device.
fn calls_and_latest_ui(ui: &mut Ui, c: &Ctx<'_>, board: &Board<'_>) {
    let s = c.s;
    let body = s.px(theme::BOARD_BODY);
    let small = s.px(theme::BOARD_SMALL);
    let text = theme::board_text(c.dark);
    let quiet = theme::board_quiet(c.dark);
    ui.spacing_mut().item_spacing.y = s.px(6.0);
    let now = c.times.now();
    if board.calls_owed.is_empty() {
        line(ui, c.tr.board.all_reached, body, quiet, true);
    } else {
        line(
            ui,
            &(c.tr.board.calls_owed)(board.calls_owed.len()),
            body,
            text,
            true,
        );
        let lines: Vec<String> = board
            .calls_owed
            .iter()
            .map(|l| {
                let who = Callee::of(c.plan, &l.target).label();
                match l.due {
                    Some(due) if l.overdue(now) => format!(
                        "{} {who} · {}",
                        l.order,
                        (c.tr.walk.overdue_by)(&c.span(now - due))
                    ),
                    _ => format!("{} {who}", l.order),
                }
            })
            .collect();
        // Calls take at most half of the column; the latest entries the rest.
        let room = rows_that_fit(ui.available_height() / 2.0, small, s);
        list(ui, c, &lines, room.max(1), small, text, false);
    }
    ui.add_space(s.px(12.0));
    line(ui, c.tr.board.latest, body, text, true);
    let fit = rows_that_fit(ui.available_height(), small, s);
    for entry in board.latest.iter().take(fit) {
        let said = (c.tr.incident.entry)(entry, c.incident, c.plan, c.times);
        let at = c.times.clock_time(entry.at());
        line(
            ui,
            &format!("{at} {} · {said}", entry.device),
            small,
            quiet,
            false,
        );
    }
}
