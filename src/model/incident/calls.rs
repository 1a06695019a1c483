//! Working the call tree: who has been reached, who is overdue, whom to
//! call next.
//!
//! Each call of the current level's tree is a line. Who may answer it are
//! its candidates, in the order to try them: for a role, the holder then
//! the deputies; then the call's own fallbacks. An attempt logged in the
//! timeline counts for a line when it names the line (`line`), or when it
//! went to the line's own people: the role itself (which the command line
//! allows, and which counts for the holder), its holder or a deputy. A
//! fallback is often several calls' fallback, so a call to a fallback
//! counts only for the line it was made for. A line is done when anyone on
//! it was reached; otherwise the next candidate is the first not yet tried,
//! else the first that did not answer, to try again. So an unanswered
//! holder leads straight to the deputy.

use chrono::{DateTime, Duration, Utc};

use crate::model::plan::Plan;
use crate::model::plan::contacts::{CallNode, call_tree};
use crate::model::plan::doc::Target;

use super::Incident;
use super::action::ActionError;
use super::event::{CallOutcome, Event};

/// Where a candidate stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallState {
    /// Not called yet.
    NotCalled,
    /// The last attempt was not answered.
    NoAnswer,
    /// A message was left.
    LeftMessage,
    /// The number was wrong.
    WrongNumber,
    /// Reached and informed.
    Reached,
}

impl From<CallOutcome> for CallState {
    fn from(o: CallOutcome) -> Self {
        match o {
            CallOutcome::Reached => Self::Reached,
            CallOutcome::NoAnswer => Self::NoAnswer,
            CallOutcome::LeftMessage => Self::LeftMessage,
            CallOutcome::WrongNumber => Self::WrongNumber,
        }
    }
}

/// Someone who may answer a call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// A person or an external contact.
    pub target: Target,
    /// The outcome of the last attempt.
    pub state: CallState,
    /// How many attempts were logged.
    pub attempts: usize,
    /// When the last attempt was made.
    pub last_at: Option<DateTime<Utc>>,
}

/// One call of the tree, and how it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallLine {
    /// Its place in the tree, as people write it: `2.1`.
    pub order: String,
    /// How deep it sits: 1 for the first calls.
    pub depth: usize,
    /// Who the tree says to call.
    pub target: Target,
    /// When the call must be made by, if the plan gives a time limit.
    pub due: Option<DateTime<Utc>>,
    /// Who may answer, in the order to try them.
    pub candidates: Vec<Candidate>,
    /// How many of the candidates are the call's own (its holder and
    /// deputies); the rest are its fallbacks'.
    pub own: usize,
    /// Who was reached, and when, once someone was.
    pub reached: Option<(Target, DateTime<Utc>)>,
    /// Whom to call next; `None` once reached.
    pub next: Option<Target>,
}

impl CallLine {
    /// Whether the time limit has passed and nobody was reached.
    #[must_use]
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        self.reached.is_none() && self.due.is_some_and(|d| now > d)
    }
}

/// The call tree of the incident's current level, worked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallSheet {
    /// Who starts the calls, when the plan has a tree for the level.
    pub root: Option<Target>,
    /// Every call, depth first.
    pub lines: Vec<CallLine>,
}

impl CallSheet {
    /// The calls still to make: not reached, in tree order.
    pub fn open(&self) -> impl Iterator<Item = &CallLine> {
        self.lines.iter().filter(|l| l.reached.is_none())
    }

    /// The call an attempt on `to` is for, when it is not said: of the
    /// calls of the tree `to` may answer, the one still open where `to`
    /// comes first — as the call's own callee or holder, else as a deputy,
    /// else as a fallback — or the only one; `None` when `to` is on no
    /// call of the tree.
    ///
    /// # Errors
    /// `to` comes as early on several calls still open (a deputy of two
    /// roles): which one must be said, or reaching them for one role would
    /// tell the other.
    pub fn line_for(&self, plan: &Plan, to: &Target) -> Result<Option<Target>, ActionError> {
        // How early `to` comes on a call: 0 the callee or its holder, 1 a
        // deputy, 2 a fallback.
        let rank = |l: &CallLine| {
            if l.target == *to {
                return Some(0);
            }
            let at = l.candidates.iter().position(|c| c.target == *to)?;
            Some(match at {
                0 => 0,
                a if a < l.own => 1,
                _ => 2,
            })
        };
        let on: Vec<(&CallLine, u8)> = self
            .lines
            .iter()
            .filter_map(|l| rank(l).map(|r| (l, r)))
            .collect();
        let open: Vec<(&CallLine, u8)> = on
            .iter()
            .copied()
            .filter(|(l, _)| l.reached.is_none())
            .collect();
        let first = open.iter().map(|(_, r)| *r).min();
        let best: Vec<&CallLine> = open
            .iter()
            .filter(|(_, r)| Some(*r) == first)
            .map(|(l, _)| *l)
            .collect();
        match (on.as_slice(), best.as_slice()) {
            ([], _) => Ok(None),
            ([(one, _)], _) | (_, [one]) => Ok(Some(one.target.clone())),
            (_, []) => Ok(on.first().map(|(l, _)| l.target.clone())),
            (_, several) => Err(ActionError::WhichCall {
                to: to.clone(),
                calls: several
                    .iter()
                    .map(|l| {
                        let label =
                            crate::model::plan::contacts::Callee::of(plan, &l.target).label();
                        (l.order.clone(), l.target.clone(), label)
                    })
                    .collect(),
            }),
        }
    }

    /// How many calls reached someone, of how many.
    #[must_use]
    pub fn progress(&self) -> (usize, usize) {
        let reached = self.lines.iter().filter(|l| l.reached.is_some()).count();
        (reached, self.lines.len())
    }
}

/// Who answers for a target: a role's holder then deputies; a person or an
/// external contact themselves.
pub(super) fn answerers(plan: &Plan, target: &Target) -> Vec<Target> {
    match target {
        Target::Role(id) => plan
            .role(id)
            .map(|r| {
                std::iter::once(&r.holder)
                    .chain(&r.deputies)
                    .map(|p| Target::Person(p.clone()))
                    .collect()
            })
            .unwrap_or_else(|| vec![target.clone()]),
        other => vec![other.clone()],
    }
}

impl Incident {
    /// The call tree of the current level, with every attempt logged so far.
    #[must_use]
    pub fn calls(&self, plan: &Plan) -> CallSheet {
        let Some(level) = plan.level(&self.level) else {
            return CallSheet {
                root: None,
                lines: Vec::new(),
            };
        };
        let tree = call_tree(plan, level);
        let root = plan.call_tree(&level.id).map(|t| t.root.clone());
        let lines = tree
            .flatten()
            .into_iter()
            .map(|node| self.call_line(plan, node))
            .collect();
        CallSheet { root, lines }
    }

    fn call_line(&self, plan: &Plan, node: &CallNode<'_>) -> CallLine {
        let target = callee_target(&node.callee);
        let mut who: Vec<Target> = answerers(plan, &target);
        let own = who.len();
        for fallback in &node.fallback {
            for t in answerers(plan, &callee_target(fallback)) {
                if !who.contains(&t) {
                    who.push(t);
                }
            }
        }
        let holder = who.first().cloned();
        let attempts = self.attempts_to(std::iter::once(&target).chain(&who));
        let mut candidates: Vec<Candidate> = who
            .into_iter()
            .map(|t| Candidate {
                target: t,
                state: CallState::NotCalled,
                attempts: 0,
                last_at: None,
            })
            .collect();
        let mut reached = None;
        for e in attempts {
            let Event::CallAttempt {
                to, outcome, line, ..
            } = &e.event
            else {
                continue;
            };
            if line.as_ref().is_some_and(|l| **l != target) {
                continue;
            }
            // An attempt on the role itself is an attempt on its holder.
            let on = if **to == target {
                holder.as_ref()
            } else {
                Some(&**to)
            };
            let Some(at) = candidates.iter().position(|c| Some(&c.target) == on) else {
                continue;
            };
            // A fallback counts only when the attempt says it was for this line.
            if at >= own && line.is_none() {
                continue;
            }
            let c = &mut candidates[at];
            c.state = (*outcome).into();
            c.attempts += 1;
            c.last_at = Some(e.at());
            if *outcome == CallOutcome::Reached && reached.is_none() {
                reached = Some((c.target.clone(), e.at()));
            }
        }
        let next = if reached.is_some() {
            None
        } else {
            candidates
                .iter()
                .find(|c| c.state == CallState::NotCalled)
                .or_else(|| {
                    candidates
                        .iter()
                        .find(|c| matches!(c.state, CallState::NoAnswer | CallState::LeftMessage))
                })
                .map(|c| c.target.clone())
        };
        CallLine {
            own,
            order: node.order_label(),
            depth: node.depth(),
            due: node
                .within
                .map(|m| self.declared_at + Duration::minutes(m.get())),
            candidates,
            reached,
            next,
            target,
        }
    }
}

/// The target of a resolved call, read back from what it resolved to.
fn callee_target(callee: &crate::model::plan::contacts::Callee<'_>) -> Target {
    use crate::model::plan::contacts::Callee;
    match callee {
        Callee::Role { role, .. } => Target::Role(role.id.clone()),
        Callee::Person(p) => Target::Person(p.id.clone()),
        Callee::External(e) => Target::External(e.id.clone()),
        Callee::Missing(t) => (*t).clone(),
    }
}
