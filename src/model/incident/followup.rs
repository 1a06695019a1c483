//! After the incident: the review's action items and findings.
//!
//! The response ends at the close; the work its review finds does not, and
//! follow-ups nobody tracks die. So an action item is an entry of the same
//! hash-chained log, with an owner and a due date, folded into the state
//! like everything else, until an entry says it is done (with a note) or
//! dropped (with the reason). The review's findings (summary, what went
//! well and badly, causes, contributing factors) are entries too.
//!
//! These are the only entries a closed incident takes without reopening:
//! the review comes after the close. Each says it was recorded after the
//! close (`after_close`), so the log itself tells the response from its
//! aftermath. An action item entry stands (it is not undone): an item
//! added by mistake is dropped, with the reason.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Incident;
use super::action::{Action, ActionError, Field};
use super::event::{Entry, EntryRef, Event};
use crate::model::ids::PersonId;
use crate::model::plan::Plan;
use crate::model::plan::contacts::{Kinds, NameError, find_target};
use crate::model::plan::doc::Target;

/// Who owns an action item: a person of the plan where it can be, so the
/// list shows their name and phone; a free name for anyone else.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    /// A person of the plan.
    Person(PersonId),
    /// Someone the plan does not name.
    Named(String),
}

impl Owner {
    /// Whom a typed name means: a person of the plan by id (`person:ID` or
    /// a bare id) or by name, else someone the plan does not name.
    ///
    /// # Errors
    /// A name several people share, each listed.
    pub fn find(plan: &Plan, typed: &str) -> Result<Self, NameError> {
        match find_target(plan, typed, Kinds::PEOPLE) {
            Ok(Target::Person(id)) => Ok(Self::Person(id)),
            Ok(Target::Role(_) | Target::External(_)) | Err(NameError::Unknown(_)) => {
                Ok(Self::Named(typed.trim().to_owned()))
            }
            Err(e) => Err(e),
        }
    }

    /// The owner's name: the plan's name for a person, else as given.
    #[must_use]
    pub fn name<'a>(&'a self, plan: &'a Plan) -> &'a str {
        match self {
            Self::Person(id) => plan.person(id).map_or(id.as_str(), |p| p.name.as_str()),
            Self::Named(name) => name,
        }
    }
}

/// The review's fields a person writes down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewField {
    /// What happened and what it did, in short.
    Summary,
    /// What went well.
    WentWell,
    /// What went badly.
    WentBadly,
    /// The causes.
    Causes,
    /// What contributed.
    Factors,
}

impl ReviewField {
    /// Every field, in the order the review writes them.
    pub const ALL: [Self; 5] = [
        Self::Summary,
        Self::WentWell,
        Self::WentBadly,
        Self::Causes,
        Self::Factors,
    ];
}

/// Where an action item stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionState {
    /// Still to do.
    Open,
    /// Done, when and with what note.
    Done {
        /// When.
        at: DateTime<Utc>,
        /// What was done.
        note: String,
    },
    /// Dropped, when and why.
    Dropped {
        /// When.
        at: DateTime<Utc>,
        /// Why.
        reason: String,
    },
}

/// An action item as the log leaves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionItem {
    /// Its number in the incident, from 1, in the order added: what a
    /// person types (`A2`).
    pub number: usize,
    /// The entry that added it: what the entries about it point at.
    pub added: EntryRef,
    /// When it was added.
    pub added_at: DateTime<Utc>,
    /// What is to be done.
    pub text: String,
    /// Who does it.
    pub owner: Owner,
    /// By when.
    pub due: Option<NaiveDate>,
    /// Where it stands.
    pub state: ActionState,
}

impl ActionItem {
    /// Still to do.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.state == ActionState::Open
    }

    /// Open and past its due date on `today`.
    #[must_use]
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|d| d < today)
    }

    /// How it is typed and shown: `A2`.
    #[must_use]
    pub fn label(&self) -> String {
        label(self.number)
    }
}

/// An item's number as typed and shown: `A2`.
#[must_use]
pub fn label(number: usize) -> String {
    format!("A{number}")
}

/// Reads an item's number as a person types it: `A2`, `a2`, `2`, `#2`.
#[must_use]
pub fn parse_label(typed: &str) -> Option<usize> {
    let t = typed.trim();
    let t = t
        .strip_prefix(['A', 'a', '#'])
        .unwrap_or(t)
        .trim_start_matches('#');
    t.parse().ok().filter(|&n| n > 0)
}

/// Items in the order to work them: overdue first, then by due date (those
/// without one last), then by number.
pub fn sort_for_work<T>(items: &mut [T], item: impl Fn(&T) -> &ActionItem, today: NaiveDate) {
    items.sort_by_key(|t| {
        let i = item(t);
        (
            !i.is_overdue(today),
            i.due.is_none(),
            i.due,
            i.added_at,
            i.number,
        )
    });
}

/// What the fold keeps of the review.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Review {
    pub items: Vec<ActionItem>,
    /// Each field's texts, in the order written.
    pub fields: Vec<(ReviewField, String)>,
}

impl Review {
    /// The item an entry about one points at: the one its reference names;
    /// of several added in the same instant (which share the reference),
    /// the one with its number.
    fn item_mut(&mut self, added: &EntryRef, number: usize) -> Option<&mut ActionItem> {
        let same = self.items.iter().filter(|i| i.added == *added).count();
        self.items
            .iter_mut()
            .filter(|i| i.added == *added)
            .find(|i| same == 1 || i.number == number)
    }

    /// The item an entry about one points at (see [`Self::item_mut`]).
    pub fn item(&self, added: &EntryRef, number: usize) -> Option<&ActionItem> {
        let same = self.items.iter().filter(|i| i.added == *added).count();
        self.items
            .iter()
            .filter(|i| i.added == *added)
            .find(|i| same == 1 || i.number == number)
    }

    /// Folds one entry about the review; others are not its business.
    pub fn fold(&mut self, entry: &Entry) {
        match &entry.event {
            Event::ActionItemAdded {
                text, owner, due, ..
            } => {
                self.items.push(ActionItem {
                    number: self.items.len() + 1,
                    added: EntryRef::to(entry),
                    added_at: entry.at(),
                    text: text.clone(),
                    owner: (**owner).clone(),
                    due: *due,
                    state: ActionState::Open,
                });
            }
            Event::ActionItemDone {
                item, number, note, ..
            } => {
                if let Some(i) = self.item_mut(item, *number) {
                    i.state = ActionState::Done {
                        at: entry.at(),
                        note: note.clone(),
                    };
                }
            }
            Event::ActionItemDropped {
                item,
                number,
                reason,
                ..
            } => {
                if let Some(i) = self.item_mut(item, *number) {
                    i.state = ActionState::Dropped {
                        at: entry.at(),
                        reason: reason.clone(),
                    };
                }
            }
            Event::ReviewRecorded { field, text, .. } => self.fields.push((*field, text.clone())),
            _ => {}
        }
    }
}

impl Incident {
    /// Every action item, in the order added.
    #[must_use]
    pub fn action_items(&self) -> &[ActionItem] {
        &self.review.items
    }

    /// The action item an entry about one points at.
    #[must_use]
    pub fn action_item_at(&self, added: &EntryRef, number: usize) -> Option<&ActionItem> {
        self.review.item(added, number)
    }

    /// The action item with this number.
    #[must_use]
    pub fn action_item(&self, number: usize) -> Option<&ActionItem> {
        self.review.items.iter().find(|i| i.number == number)
    }

    /// What the review wrote down for a field, each entry's text in order.
    pub fn review_texts(&self, field: ReviewField) -> impl Iterator<Item = &str> {
        self.review
            .fields
            .iter()
            .filter(move |(f, _)| *f == field)
            .map(|(_, t)| t.as_str())
    }

    /// Whether an entry was recorded after the incident was closed.
    #[must_use]
    pub fn after_close(entry: &Entry) -> bool {
        match &entry.event {
            Event::ActionItemAdded { after_close, .. }
            | Event::ActionItemDone { after_close, .. }
            | Event::ActionItemDropped { after_close, .. }
            | Event::ReviewRecorded { after_close, .. } => *after_close,
            _ => false,
        }
    }

    /// The event for an action about the review, open or closed; `None`
    /// for any other action.
    pub(super) fn check_follow_up(
        &self,
        plan: &Plan,
        action: &Action,
    ) -> Option<Result<Event, ActionError>> {
        let after_close = !self.is_open();
        let item = |number: usize| -> Result<&ActionItem, ActionError> {
            let i = self
                .action_item(number)
                .ok_or_else(|| ActionError::UnknownActionItem {
                    given: number,
                    known: self.review.items.iter().map(|i| i.number).collect(),
                })?;
            match &i.state {
                ActionState::Open => Ok(i),
                ActionState::Done { .. } => Err(ActionError::ActionItemSettled {
                    item: number,
                    done: true,
                }),
                ActionState::Dropped { .. } => Err(ActionError::ActionItemSettled {
                    item: number,
                    done: false,
                }),
            }
        };
        let checked = match action {
            Action::AddActionItem { text, owner, due } => (|| {
                non_empty(text, Field::ActionItem)?;
                let owner = match owner {
                    Owner::Named(name) => {
                        non_empty(name, Field::Owner)?;
                        Owner::Named(name.trim().to_owned())
                    }
                    Owner::Person(id) if plan.person(id).is_none() => {
                        return Err(ActionError::UnknownTarget(Target::Person(id.clone())));
                    }
                    known @ Owner::Person(_) => known.clone(),
                };
                Ok(Event::ActionItemAdded {
                    text: text.trim().to_owned(),
                    owner: Box::new(owner),
                    due: *due,
                    after_close,
                })
            })(),
            Action::ActionItemDone { item: n, note } => item(*n).map(|i| Event::ActionItemDone {
                item: Box::new(i.added.clone()),
                number: i.number,
                note: note.trim().to_owned(),
                after_close,
            }),
            Action::DropActionItem { item: n, reason } => non_empty(reason, Field::Reason)
                .and_then(|()| {
                    item(*n).map(|i| Event::ActionItemDropped {
                        item: Box::new(i.added.clone()),
                        number: i.number,
                        reason: reason.trim().to_owned(),
                        after_close,
                    })
                }),
            Action::Review { field, text } => {
                non_empty(text, Field::Note).map(|()| Event::ReviewRecorded {
                    field: *field,
                    text: text.trim().to_owned(),
                    after_close,
                })
            }
            _ => return None,
        };
        Some(checked)
    }
}

fn non_empty(text: &str, what: Field) -> Result<(), ActionError> {
    if text.trim().is_empty() {
        Err(ActionError::Empty(what))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_is_typed_as_it_is_shown() {
        assert_eq!(parse_label("A2"), Some(2));
        assert_eq!(parse_label("a12"), Some(12));
        assert_eq!(parse_label("3"), Some(3));
        assert_eq!(parse_label("#4"), Some(4));
        assert_eq!(parse_label("A0"), None);
        assert_eq!(parse_label("B2"), None);
        assert_eq!(label(7), "A7");
    }
}
