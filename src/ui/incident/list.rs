//! The incidents on the overview: the open ones first, each one click (or
//! Tab and Enter) from being resumed, and the closed ones below.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use egui::{RichText, Ui};

use super::super::{Command, Shown, theme, widgets};
use super::{IncidentKey, drill_chip, level_chip};
use crate::i18n::time::Span;
use crate::model::ids::{ClassId, LevelId};
use crate::model::incident::{Headline, OpenAction};
use crate::model::notice::IncidentError;

/// One incident in the list, as the app read it from its folder.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentRow {
    /// Its folder.
    pub dir: PathBuf,
    /// Its title, or the folder's name when it cannot be read.
    pub title: String,
    /// Its fault class.
    pub class: Option<ClassId>,
    /// Its current level.
    pub level: Option<LevelId>,
    /// A drill.
    pub drill: bool,
    /// Still open.
    pub open: bool,
    /// When it was declared.
    pub declared_at: Option<DateTime<Utc>>,
    /// When anything was last recorded.
    pub last_activity: Option<DateTime<Utc>>,
    /// This device's last session on it did not end cleanly.
    pub crashed: bool,
    /// Why it cannot be read.
    pub unreadable: Option<IncidentError>,
    /// Its long log is being read on another thread: only the folder is
    /// known yet.
    pub reading: bool,
    /// Open in this window, under this key.
    pub key: Option<IncidentKey>,
    /// Its action items still open, each with its owner's name.
    pub open_actions: Vec<OpenAction>,
}

impl IncidentRow {
    /// The row of an incident read from its folder.
    #[must_use]
    pub fn of_headline(dir: PathBuf, h: &Headline, key: Option<IncidentKey>) -> Self {
        Self {
            dir,
            title: h.title.clone(),
            class: Some(h.class.clone()),
            level: Some(h.level.clone()),
            drill: h.drill,
            open: h.open,
            declared_at: Some(h.declared_at),
            last_activity: Some(h.last_activity),
            crashed: false,
            unreadable: None,
            reading: false,
            key,
            open_actions: h.open_actions.clone(),
        }
    }

    /// The row of an incident known only by its folder: its name, and
    /// nothing read (still being read, or unreadable).
    #[must_use]
    pub fn of_folder(dir: PathBuf, key: Option<IncidentKey>) -> Self {
        Self {
            title: dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            dir,
            class: None,
            level: None,
            drill: false,
            open: false,
            declared_at: None,
            last_activity: None,
            crashed: false,
            unreadable: None,
            reading: false,
            key,
            open_actions: Vec::new(),
        }
    }
}

/// The incident Enter resumes: the newest open one.
fn first_open<'a>(shown: &'a Shown<'_>) -> Option<&'a IncidentRow> {
    shown
        .rows
        .iter()
        .rev()
        .find(|r| r.open && r.unreadable.is_none())
}

/// Enter resumes the newest open incident, when nothing else has the
/// keyboard.
pub fn keys(ctx: &egui::Context, shown: &Shown<'_>, commands: &mut Vec<Command>) {
    if ctx.memory(|m| m.focused().is_some()) {
        return;
    }
    if let Some(row) = first_open(shown)
        && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
    {
        commands.push(Command::Resume(row.dir.clone()));
    }
}

/// Draws the list with its heading and the declare button.
pub fn ui(ui: &mut Ui, shown: &Shown<'_>, commands: &mut Vec<Command>) {
    let tr = shown.tr();
    ui.horizontal(|ui| {
        ui.heading(tr.walk.open_incidents);
        if ui
            .button(tr.walk.declare_button)
            .on_hover_text("Ctrl+N")
            .clicked()
        {
            commands.push(Command::ShowDeclare);
        }
        if ui
            .button(tr.walk.join_button)
            .on_hover_text(tr.walk.join_hint)
            .clicked()
        {
            commands.push(Command::JoinFolder(None));
        }
    });
    let (open, closed): (Vec<&IncidentRow>, Vec<&IncidentRow>) = shown
        .rows
        .iter()
        .rev()
        .partition(|r| r.open || r.reading || r.unreadable.is_some());
    if open.is_empty() {
        ui.label(RichText::new(tr.walk.no_incidents).weak());
    }
    for row in open {
        row_ui(ui, shown, row, commands);
    }
    if !closed.is_empty() {
        ui.add_space(theme::ITEM_GAP);
        egui::CollapsingHeader::new(format!("{} ({})", tr.walk.closed_incidents, closed.len()))
            .id_salt("closed-incidents")
            .show(ui, |ui| {
                for row in closed {
                    row_ui(ui, shown, row, commands);
                }
            });
    }
}

/// One incident's card: a click anywhere on it (its title, its facts, its
/// button) resumes it.
fn row_ui(ui: &mut Ui, shown: &Shown<'_>, row: &IncidentRow, commands: &mut Vec<Command>) {
    let tr = shown.tr();
    let card = widgets::Card::new(shown.dark).wide().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if let Some(level) = row.level.as_ref().and_then(|l| shown.plan.level(l)) {
                level_chip(ui, tr, level);
            } else if let Some(level) = &row.level {
                ui.label(RichText::new(level.as_str()).strong());
            }
            if row.drill {
                drill_chip(ui, tr);
            }
            ui.label(RichText::new(&row.title).strong().size(theme::NAME_SIZE));
            if let Some(class) = &row.class {
                let name = shown
                    .plan
                    .class(class)
                    .map_or(class.as_str(), |c| c.name.as_str());
                ui.label(name);
            }
        });
        ui.horizontal_wrapped(|ui| {
            if let Some(why) = &row.unreadable {
                let why = (tr.incident.failure)(why);
                ui.label(
                    RichText::new(format!("{}: {why}", tr.walk.unreadable))
                        .color(theme::error_text(shown.dark)),
                );
                return;
            }
            if row.reading {
                ui.label(RichText::new(tr.walk.reading_row).weak());
            }
            let times = &shown.times;
            if let Some(t) = row.declared_at {
                let span = (tr.span)(Span::of(times.since(t)));
                ui.label(RichText::new((tr.walk.running_for)(&span)).weak());
            }
            if let Some(t) = row.last_activity {
                ui.label(RichText::new((tr.walk.last_activity)(&times.short(t))).weak());
            }
            if row.crashed {
                ui.label(RichText::new(tr.walk.crash_title).color(theme::warning_text(shown.dark)));
            }
            let label = match row.key {
                Some(_) => tr.walk.view_incident,
                None => tr.walk.resume,
            };
            let enter = first_open(shown).is_some_and(|f| f.dir == row.dir);
            let label = if enter {
                format!("{label}  Enter")
            } else {
                label.to_owned()
            };
            if ui.button(label).clicked() {
                commands.push(Command::Resume(row.dir.clone()));
            }
        });
    });
    // The card as a whole answers a click; the labels on it do not take it
    // (they only select text), and its button resumes by itself.
    let resumed = commands
        .iter()
        .any(|c| matches!(c, Command::Resume(d) if *d == row.dir));
    let whole = card
        .response
        .interact(egui::Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    if whole.clicked() && !resumed && row.unreadable.is_none() && !row.reading {
        commands.push(Command::Resume(row.dir.clone()));
    }
}
