//! Call trees and the directory: the view the duty officer opens in the first
//! minutes of an outage to start calling.
//!
//! The call tree of the chosen level is drawn as cards joined by connector
//! lines, the caller at the top: each card shows the order, who answers (role
//! → holder), the numbers in a large face with a copy button each, the time
//! limit, and whom to call instead. The directory lists everyone with a
//! search box. What is shown comes from [`crate::model::plan::contacts`]:
//! this module only draws, so `runbook show contacts` and the tests read the
//! same tree and the same search results.

use egui::text::LayoutJob;
use egui::{
    FontId, Key, KeyboardShortcut, Modifiers, Rect, RichText, Stroke, TextFormat, Ui, pos2,
};

use super::virtual_list::VirtualList;
use super::{Command, Shown, theme, widgets};
use crate::i18n::contacts::ContactsTr;
use crate::model::ids::LevelId;
use crate::model::plan::contacts::{self, CallNode, Callee, PersonEntry, Phone, Query, find_level};
use crate::model::plan::doc::{Contact, External, Level};

/// Ctrl+F: search the directory (switches to it when the tree is shown).
pub const SEARCH_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// The view's two halves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// The call tree of one level.
    #[default]
    Tree,
    /// Everyone, with a search box.
    Directory,
}

/// This view's state.
#[derive(Debug, Default)]
pub struct State {
    /// The half on screen.
    pub tab: Tab,
    /// The level whose call tree is shown; `None` for the most severe.
    pub level: Option<LevelId>,
    /// The directory search text.
    pub search: String,
    /// The rows of the call tree on screen, kept while the plan and the
    /// level stay: a large organisation's tree is not walked every frame.
    tree_rows: Option<TreeRows>,
}

/// A level's call-tree rows, and the plan and level they were made from.
#[derive(Debug)]
struct TreeRows {
    plan_sha256: String,
    level: LevelId,
    rows: Vec<contacts::CallRow>,
}

impl State {
    /// The rows of `level`'s call tree in `shown`'s plan, made again only
    /// when either changed.
    fn tree_rows(&mut self, shown: &Shown<'_>, level: &LevelId) -> &[contacts::CallRow] {
        let stale = !self
            .tree_rows
            .as_ref()
            .is_some_and(|t| t.plan_sha256 == shown.plan_sha256 && t.level == *level);
        if stale {
            self.tree_rows = Some(TreeRows {
                plan_sha256: shown.plan_sha256.to_owned(),
                level: level.clone(),
                rows: contacts::call_rows(shown.plan, level),
            });
        }
        self.tree_rows.as_ref().map_or(&[], |t| t.rows.as_slice())
    }
}

/// Draws the view.
pub fn ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State, commands: &mut Vec<Command>) {
    let tr = shown.tr().contacts;
    let focus_search = ui.input_mut(|i| i.consume_shortcut(&SEARCH_SHORTCUT));
    if focus_search {
        state.tab = Tab::Directory;
    }
    widgets::tabs(
        ui,
        &mut state.tab,
        &[(Tab::Tree, tr.tab_tree), (Tab::Directory, tr.tab_directory)],
    );
    ui.separator();
    match state.tab {
        Tab::Tree => tree_ui(ui, shown, state, commands),
        Tab::Directory => directory_ui(ui, shown, state, focus_search, commands),
    }
}

/// The level on screen: the chosen one if the plan still has it, else the
/// most severe.
fn current_level<'a>(shown: &Shown<'a>, state: &State) -> Option<&'a Level> {
    let plan = shown.plan;
    state
        .level
        .as_ref()
        .and_then(|id| find_level(plan, id.as_str()).ok())
        .or_else(|| plan.doc().levels.first())
}

fn tree_ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State, commands: &mut Vec<Command>) {
    let tr = shown.tr().contacts;
    let current = current_level(shown, state);
    ui.horizontal_wrapped(|ui| {
        for level in &shown.plan.doc().levels {
            let selected = current.is_some_and(|c| c.id == level.id);
            if level_button(ui, shown, tr, level, selected).clicked() {
                state.level = Some(level.id.clone());
            }
        }
    });
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(tr.tree_intro).weak());
    ui.add_space(theme::ITEM_GAP);
    let Some(level) = current else {
        return;
    };
    let Some(root) = shown
        .plan
        .call_tree(&level.id)
        .map(|t| Callee::of(shown.plan, &t.root))
    else {
        ui.label(tr.no_tree);
        return;
    };
    // One row a call, so that only the calls in view are laid out and
    // resolved: a large organisation's tree has hundreds.
    let rows = state.tree_rows(shown, &level.id);
    VirtualList::new("call-tree", 90.0).show(ui, rows.len() + 1, |ui, i| {
        let Some(i) = i.checked_sub(1) else {
            widgets::Card::new(shown.dark).show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(tr.starts_calls)
                            .strong()
                            .color(theme::accent(shown.dark)),
                    );
                    ui.label(RichText::new(root.label()).strong().size(theme::NAME_SIZE));
                    phones_ui(ui, shown, &root.phones(), commands);
                });
            });
            return;
        };
        let Some(row) = rows.get(i) else {
            return;
        };
        if let Some(node) = contacts::call_at(shown.plan, &level.id, &row.order) {
            tree_row(ui, shown, &node, &row.more, commands);
        }
    });
}

/// A call, indented to its depth, joined to its caller: a line down from
/// the caller and a short line across, drawn a row at a time.
fn tree_row(
    ui: &mut Ui,
    shown: &Shown<'_>,
    node: &CallNode<'_>,
    more: &[bool],
    commands: &mut Vec<Command>,
) {
    let left = ui.max_rect().left();
    let gap = ui.spacing().item_spacing.y;
    let row = ui.horizontal(|ui| {
        ui.add_space(theme::TREE_INDENT * more.len() as f32);
        ui.vertical(|ui| call_card(ui, shown, node, commands)).inner
    });
    let card = row.inner;
    let (top, bottom) = (row.response.rect.top() - gap, row.response.rect.bottom());
    let stroke = Stroke::new(1.5, theme::tree_line(shown.dark));
    let x = |depth: usize| left + theme::TREE_INDENT * (depth as f32 - 0.5);
    let elbow = card.top() + theme::TREE_CONNECTOR_Y.min(card.height() / 2.0);
    let painter = ui.painter();
    for (k, &goes_on) in more.iter().enumerate() {
        let depth = k + 1;
        if depth == more.len() {
            let end = if goes_on { bottom } else { elbow };
            painter.line_segment([pos2(x(depth), top), pos2(x(depth), end)], stroke);
            painter.line_segment([pos2(x(depth), elbow), pos2(card.left(), elbow)], stroke);
        } else if goes_on {
            painter.line_segment([pos2(x(depth), top), pos2(x(depth), bottom)], stroke);
        }
    }
}

/// A level in the picker: filled in its warning colour, with its name; the
/// one on screen outlined.
fn level_button(
    ui: &mut Ui,
    shown: &Shown<'_>,
    tr: &ContactsTr,
    level: &Level,
    selected: bool,
) -> egui::Response {
    let text = RichText::new((tr.level_button)(level.id.as_str(), &level.name))
        .size(theme::TAB_SIZE)
        .strong()
        .color(theme::ON_LEVEL);
    let stroke = if selected {
        Stroke::new(3.0, theme::level_selected_stroke(shown.dark))
    } else {
        Stroke::NONE
    };
    ui.add(
        egui::Button::new(text)
            .fill(theme::level_fill(level.colour))
            .stroke(stroke)
            .selected(selected)
            .min_size(egui::vec2(120.0, 34.0)),
    )
}

/// One call: order, who, time limit and numbers on the first line; whom to
/// call instead on the second.
fn call_card(
    ui: &mut Ui,
    shown: &Shown<'_>,
    node: &CallNode<'_>,
    commands: &mut Vec<Command>,
) -> Rect {
    let tr = shown.tr().contacts;
    let card = widgets::Card::new(shown.dark).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(node.order_label())
                    .strong()
                    .size(theme::NAME_SIZE)
                    .color(theme::accent(shown.dark)),
            );
            ui.label(
                RichText::new(node.callee.label())
                    .strong()
                    .size(theme::NAME_SIZE),
            );
            let limit = node.within.map_or_else(
                || tr.no_time_limit.to_owned(),
                |m| (shown.tr().within)(contacts::span(m)),
            );
            widgets::chip_in_wrapping_row(ui, &limit, theme::contacts_chip(shown.dark));
            phones_ui(ui, shown, &node.callee.phones(), commands);
        });
        if !node.fallback.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(tr.if_unreachable)
                        .strong()
                        .color(theme::warning_text(shown.dark)),
                );
                for (i, callee) in node.fallback.iter().enumerate() {
                    if i > 0 {
                        ui.label(RichText::new(tr.then).color(theme::warning_text(shown.dark)));
                    }
                    fallback_ui(ui, shown, callee, commands);
                }
            });
        }
    });
    card.response.rect
}

/// A fallback: who, and the first number (the one to try).
fn fallback_ui(ui: &mut Ui, shown: &Shown<'_>, callee: &Callee<'_>, commands: &mut Vec<Command>) {
    ui.label(RichText::new(callee.label()).strong());
    let phones = callee.phones();
    phones_ui(ui, shown, &phones[..phones.len().min(1)], commands);
}

/// Numbers in the large face, each with its copy button.
fn phones_ui(ui: &mut Ui, shown: &Shown<'_>, phones: &[Phone<'_>], commands: &mut Vec<Command>) {
    let tr = shown.tr();
    if phones.is_empty() {
        ui.label(RichText::new(tr.contacts.no_number).weak());
    }
    for phone in phones {
        let kind = widgets::one_line(
            ui,
            RichText::new((tr.contacts.phone_kind)(phone.kind)).weak(),
        );
        let number = widgets::one_line(
            ui,
            RichText::new(phone.number)
                .monospace()
                .size(theme::NUMBER_SIZE)
                .strong(),
        );
        let copy = widgets::one_line(ui, RichText::new(tr.copy).small());
        let spacing = ui.spacing().item_spacing.x;
        let button = copy.size().x + 2.0 * ui.spacing().button_padding.x;
        widgets::keep_together(ui, kind.size().x + number.size().x + button + 3.0 * spacing);
        // One group per number, so a wrapping line never parts a number
        // from its kind or its copy button.
        ui.horizontal(|ui| {
            ui.label(kind);
            ui.label(number);
            if ui
                .small_button(tr.copy)
                .on_hover_text((tr.contacts.copy_hint)(phone.number))
                .clicked()
            {
                commands.push(Command::Copy(phone.number.to_owned()));
            }
        });
        ui.add_space(theme::ITEM_GAP);
    }
}

fn directory_ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    state: &mut State,
    focus_search: bool,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let ctr = tr.contacts;
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(tr.search).strong());
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut state.search)
                    .hint_text(ctr.search_hint)
                    .desired_width(360.0),
            )
            .labelled_by(label.id)
            .on_hover_text("Ctrl+F");
        if focus_search {
            edit.request_focus();
        }
        if !state.search.is_empty() && ui.button(ctr.clear).clicked() {
            state.search.clear();
        }
    });
    ui.add_space(theme::ITEM_GAP);
    let found = contacts::directory(shown.plan, &state.search);
    let query = Query::new(&state.search);
    if found.people.is_empty() && found.externals.is_empty() {
        ui.label(ctr.no_match);
        return;
    }
    // Rows: the people's heading, each person, the external contacts'
    // heading, each contact; only those in view are laid out.
    let people = found.people.len();
    let rows = people + found.externals.len() + 2;
    VirtualList::new("directory", 90.0).show(ui, rows, |ui, i| {
        if i == 0 {
            ui.heading((ctr.people)(people, found.total_people));
        } else if i <= people {
            person_card(ui, shown, &query, &found.people[i - 1], commands);
        } else if i == people + 1 {
            ui.add_space(theme::SECTION_GAP);
            ui.heading((ctr.externals)(
                found.externals.len(),
                found.total_externals,
            ));
        } else if let Some(external) = found.externals.get(i - people - 2) {
            external_card(ui, shown, &query, external, commands);
        }
    });
}

fn person_card(
    ui: &mut Ui,
    shown: &Shown<'_>,
    query: &Query,
    entry: &PersonEntry<'_>,
    commands: &mut Vec<Command>,
) {
    let ctr = shown.tr().contacts;
    let p = entry.person;
    widgets::Card::new(shown.dark).wide().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(highlighted(
                ui,
                shown,
                query,
                &p.name,
                theme::NAME_SIZE,
                true,
            ));
            if !p.title.is_empty() {
                ui.label(highlighted(ui, shown, query, &p.title, 14.0, false));
            }
            for (what, roles) in [(ctr.holds, &entry.holds), (ctr.deputises, &entry.deputises)] {
                if !roles.is_empty() {
                    let names: Vec<&str> = roles.iter().map(|r| r.name.as_str()).collect();
                    ui.label(RichText::new(what).weak());
                    ui.label(highlighted(
                        ui,
                        shown,
                        query,
                        &names.join(" · "),
                        14.0,
                        false,
                    ));
                }
            }
        });
        contact_lines(ui, shown, query, &p.contact, commands);
    });
    ui.add_space(2.0);
}

fn external_card(
    ui: &mut Ui,
    shown: &Shown<'_>,
    query: &Query,
    external: &External,
    commands: &mut Vec<Command>,
) {
    let ctr = shown.tr().contacts;
    widgets::Card::new(shown.dark).wide().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(highlighted(
                ui,
                shown,
                query,
                &external.name,
                theme::NAME_SIZE,
                true,
            ));
            widgets::chip_in_wrapping_row(
                ui,
                (ctr.kind)(external.kind),
                theme::contacts_chip(shown.dark),
            );
        });
        contact_lines(ui, shown, query, &external.contact, commands);
        if !external.notes.is_empty() {
            ui.add(
                egui::Label::new(highlighted(ui, shown, query, &external.notes, 14.0, false))
                    .wrap(),
            );
        }
    });
    ui.add_space(2.0);
}

/// Numbers with copy buttons, then instant messaging, e-mail and location.
fn contact_lines(
    ui: &mut Ui,
    shown: &Shown<'_>,
    query: &Query,
    contact: &Contact,
    commands: &mut Vec<Command>,
) {
    let ctr = shown.tr().contacts;
    ui.horizontal_wrapped(|ui| {
        phones_ui(ui, shown, &contacts::phones(contact), commands);
        for (what, value) in [(ctr.im, &contact.im), (ctr.email, &contact.email)] {
            if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
                ui.label(RichText::new(what).weak());
                ui.label(highlighted(ui, shown, query, value, 14.0, false));
                ui.add_space(theme::ITEM_GAP);
            }
        }
    });
    if let Some(location) = contact.location.as_deref().filter(|v| !v.is_empty()) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(ctr.location).weak());
            ui.label(highlighted(ui, shown, query, location, 14.0, false));
        });
    }
}

/// Text with the query's matches on the highlight colour.
fn highlighted(
    ui: &Ui,
    shown: &Shown<'_>,
    query: &Query,
    text: &str,
    size: f32,
    strong: bool,
) -> LayoutJob {
    let colour = if strong {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().text_color()
    };
    let format = TextFormat::simple(FontId::proportional(size), colour);
    widgets::highlighted("", text, &query.ranges(text), None, &format, shown.dark)
}
