//! The review's own record on the report: the action items people added
//! (each with its owner, due date, state and when it was done or dropped)
//! and the findings they wrote down. Only what was recorded: with none,
//! the review section is as the plan and the clocks leave it.

use super::doc::{Block, Col, Doc};
use super::report::Facts;
use crate::model::incident::{ActionState, ReviewField};

/// What the review wrote down for a field, as a list; nothing when it
/// wrote nothing.
pub(super) fn findings(f: &Facts<'_>, field: ReviewField) -> Vec<String> {
    f.incident.review_texts(field).map(str::to_owned).collect()
}

/// The contributing factors, when the review wrote any down.
pub(super) fn factors(f: &Facts<'_>, d: &mut Doc) {
    let lines = findings(f, ReviewField::Factors);
    if !lines.is_empty() {
        d.push(Block::Subheading(f.lang.tr().followup.factors.to_owned()));
        d.push(Block::List(lines));
    }
}

/// The action items recorded, in the order added; `true` when there were
/// any.
pub(super) fn recorded_items(f: &Facts<'_>, d: &mut Doc) -> bool {
    let items = f.incident.action_items();
    if items.is_empty() {
        return false;
    }
    let tr = f.lang.tr().followup;
    let today = f.times.zone().local(f.times.now()).date_naive();
    d.push(Block::Para(tr.recorded_items.to_owned()));
    let rows = items
        .iter()
        .map(|i| {
            let (state, when) = match &i.state {
                ActionState::Open if i.is_overdue(today) => (tr.overdue.to_owned(), String::new()),
                ActionState::Open => (tr.open.to_owned(), String::new()),
                ActionState::Done { at, note } => (
                    (tr.done_on)("", note).trim().to_owned(),
                    f.times.datetime(*at),
                ),
                ActionState::Dropped { at, reason } => (
                    (tr.dropped_on)("", reason).trim().to_owned(),
                    f.times.datetime(*at),
                ),
            };
            vec![
                i.label(),
                i.text.clone(),
                i.owner.name(f.plan).to_owned(),
                i.due.map(|d| d.to_string()).unwrap_or_default(),
                state,
                when,
            ]
        })
        .collect();
    d.push(Block::Table(
        vec![
            Col::words(tr.col_no),
            Col::wrap(tr.col_item),
            Col::words(tr.col_owner),
            Col::words(tr.col_due),
            Col::wrap(tr.col_state),
            Col::words(tr.col_done),
        ],
        rows,
    ));
    d.push(Block::Para(tr.plan_items.to_owned()));
    true
}
