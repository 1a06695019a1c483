//! `runbook incident action …` and `review`: the review's action items and
//! findings from a terminal, in the language of the locale.
//!
//! The entries are recorded by the same `act` as every other action; this
//! file turns the arguments into model actions and lays out the lists: one
//! incident's items, every open item across incidents (overdue first, so
//! what slipped is on top), and the line `incident list` adds.

use std::io::Write;

use anyhow::{anyhow, bail};
use chrono::NaiveDate;

use super::args::{ActionCommand, IncidentCommand};
use crate::cli::clean::say;
use crate::i18n::Lang;
use crate::i18n::followup::FollowupTr;
use crate::i18n::time::Times;
use crate::model::incident::followup::{parse_label, sort_for_work};
use crate::model::incident::{Action, ActionItem, ActionState, Headline, OpenAction, Owner};
use crate::model::plan::Plan;
use crate::service::{Listed, Snapshot};

/// The day it is where the operator is: what "overdue" is counted against.
pub(super) fn today(times: &Times) -> NaiveDate {
    times.zone().local(times.now()).date_naive()
}

/// The model action an `action add|done|drop` or a `review` asks for.
///
/// # Errors
/// A due date or an item number that is not one; an owner's name several
/// people of the plan share.
pub(super) fn action(
    term: &crate::cli::term::Term,
    cmd: &IncidentCommand,
    plan: &Plan,
) -> anyhow::Result<Action> {
    let tr = Lang::from_env().tr().followup;
    let item = |typed: &str| parse_label(typed).ok_or_else(|| anyhow!((tr.bad_item)(typed)));
    let cmd = match cmd {
        IncidentCommand::Review { field, text, .. } => {
            return Ok(Action::Review {
                field: (*field).into(),
                text: text.clone(),
            });
        }
        IncidentCommand::Action(a) => a,
        _ => bail!("not an action item"),
    };
    Ok(match cmd {
        ActionCommand::Add {
            text, owner, due, ..
        } => Action::AddActionItem {
            text: text.clone(),
            owner: Owner::find(plan, owner).map_err(|e| super::name_error(term, e))?,
            due: due
                .as_deref()
                .map(|d| {
                    NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                        .map_err(|_| anyhow!((tr.bad_due)(d)))
                })
                .transpose()?,
        },
        ActionCommand::Done { item: n, note, .. } => Action::ActionItemDone {
            item: item(n)?,
            note: note.clone(),
        },
        ActionCommand::Drop {
            item: n, reason, ..
        } => Action::DropActionItem {
            item: item(n)?,
            reason: reason.clone(),
        },
        ActionCommand::List { .. } => bail!("not an action on an incident"),
    })
}

/// An item's state as a list says it.
fn state(tr: &FollowupTr, item: &ActionItem, today: NaiveDate, times: &Times) -> String {
    let date = |at| times.zone().local(at).date_naive().to_string();
    match &item.state {
        ActionState::Open if item.is_overdue(today) => tr.overdue.to_owned(),
        ActionState::Open => tr.open.to_owned(),
        ActionState::Done { at, note } => (tr.done_on)(&date(*at), note),
        ActionState::Dropped { at, reason } => (tr.dropped_on)(&date(*at), reason),
    }
}

fn due(tr: &FollowupTr, item: &ActionItem) -> String {
    item.due
        .map_or_else(|| tr.no_due.to_owned(), |d| (tr.due)(&d.to_string()))
}

/// One incident's action items, in the order added, each with its owner,
/// due date and state.
///
/// # Errors
/// When the output cannot be written.
pub(super) fn items_of(
    snap: &Snapshot,
    times: &Times,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let tr = lang.tr().followup;
    let today = today(times);
    let items = snap.incident.action_items();
    let name = snap
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    say!(out, "{}", (tr.items_of)(&name, items.len()))?;
    if items.is_empty() {
        say!(out, "{}", tr.none_yet)?;
    }
    for i in items {
        say!(
            out,
            "{:<4} {:<12} {}  {}  — {}",
            i.label(),
            state(tr, i, today, times),
            due(tr, i),
            i.owner.name(&snap.plan),
            i.text
        )?;
    }
    Ok(())
}

/// Every open action item of every incident, overdue first, then by due
/// date, each with where it comes from.
///
/// # Errors
/// When the output cannot be written.
pub(super) fn open_across(
    listed: &[Listed],
    times: &Times,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let tr = lang.tr().followup;
    let today = today(times);
    let mut open: Vec<(&Listed, &Headline, &OpenAction)> = listed
        .iter()
        .filter_map(|l| l.state.as_ref().ok().map(|h| (l, h)))
        .flat_map(|(l, h)| h.open_actions.iter().map(move |a| (l, h, a)))
        .collect();
    sort_for_work(&mut open, |(_, _, a)| &a.item, today);
    let overdue = open
        .iter()
        .filter(|(_, _, a)| a.item.is_overdue(today))
        .count();
    if open.is_empty() {
        return say!(out, "{}", tr.none_open);
    }
    say!(out, "{}", (tr.open_across)(open.len(), overdue))?;
    for (l, h, a) in open {
        say!(
            out,
            "{:<4} {:<12} {}  {}  — {}  [{}]",
            a.item.label(),
            state(tr, &a.item, today, times),
            due(tr, &a.item),
            a.owner,
            a.item.text,
            (tr.from)(h.drill, &l.name)
        )?;
    }
    Ok(())
}

/// What `incident list` adds under an incident with open action items.
///
/// # Errors
/// When the output cannot be written.
pub(super) fn in_list(h: &Headline, times: &Times, out: &mut dyn Write) -> std::io::Result<()> {
    if h.open_actions.is_empty() {
        return Ok(());
    }
    let tr = Lang::from_env().tr().followup;
    let today = today(times);
    let overdue = h
        .open_actions
        .iter()
        .filter(|a| a.item.is_overdue(today))
        .count();
    say!(out, "  {}", (tr.in_list)(h.open_actions.len(), overdue))
}
