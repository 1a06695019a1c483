//! Who to call, in what order, and how: call trees resolved to people and
//! numbers, and the searchable directory.
//!
//! In the first minutes of an outage the duty officer works down a call tree
//! with a phone in hand. Everything here turns the plan's ids into what a
//! person dials — a role becomes its holder and their numbers — so the window,
//! `runbook show contacts` and the tests all read the same tree and the same
//! search results, and none of them repeats the lookups.

use crate::model::ids::{ExternalId, LevelId, PersonId, RoleId};

use super::Plan;
use super::doc::{Call, Contact, External, Level, Minutes, Person, Role, Target};

/// Whom a call reaches: a role (through its holder), a person, or an
/// external contact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Callee<'a> {
    /// A role, reached through the person who holds it.
    Role {
        /// The role.
        role: &'a Role,
        /// Its holder; `None` only if the plan names a person it lacks, which
        /// a validated plan rules out.
        holder: Option<&'a Person>,
    },
    /// A named person.
    Person(&'a Person),
    /// A contact outside the organisation.
    External(&'a External),
    /// A target the plan does not resolve (ruled out by validation; kept so
    /// that drawing never panics).
    Missing(&'a Target),
}

impl<'a> Callee<'a> {
    /// Resolves a call target in a plan.
    #[must_use]
    pub fn of(plan: &'a Plan, target: &'a Target) -> Self {
        match target {
            Target::Role(id) => plan
                .role(id)
                .map_or(Self::Missing(target), |role| Self::Role {
                    role,
                    holder: plan.person(&role.holder),
                }),
            Target::Person(id) => plan.person(id).map_or(Self::Missing(target), Self::Person),
            Target::External(id) => plan
                .external(id)
                .map_or(Self::Missing(target), Self::External),
        }
    }

    /// The role's name, when the callee is a role.
    #[must_use]
    pub fn role_name(&self) -> Option<&'a str> {
        match self {
            Self::Role { role, .. } => Some(&role.name),
            _ => None,
        }
    }

    /// The name of whoever answers the phone: the holder, the person or the
    /// external contact; the id when the target does not resolve.
    #[must_use]
    pub fn name(&self) -> &'a str {
        match *self {
            Self::Role {
                holder: Some(p), ..
            }
            | Self::Person(p) => &p.name,
            Self::Role { role, holder: None } => role.holder.as_str(),
            Self::External(e) => &e.name,
            Self::Missing(t) => t.id(),
        }
    }

    /// "Role → holder" for a role, else the name alone.
    #[must_use]
    pub fn label(&self) -> String {
        match self.role_name() {
            Some(role) => format!("{role} → {}", self.name()),
            None => self.name().to_owned(),
        }
    }

    /// How to reach the callee.
    #[must_use]
    pub fn contact(&self) -> Option<&'a Contact> {
        match *self {
            Self::Role {
                holder: Some(p), ..
            }
            | Self::Person(p) => Some(&p.contact),
            Self::External(e) => Some(&e.contact),
            Self::Role { holder: None, .. } | Self::Missing(_) => None,
        }
    }

    /// The numbers to dial, mobile first.
    #[must_use]
    pub fn phones(&self) -> Vec<Phone<'a>> {
        self.contact().map(phones).unwrap_or_default()
    }
}

/// What kind of number a phone number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneKind {
    /// A mobile phone.
    Mobile,
    /// An office line or hotline.
    Office,
}

/// A number to dial.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phone<'a> {
    /// Mobile or office.
    pub kind: PhoneKind,
    /// The number as written in the plan.
    pub number: &'a str,
}

/// The phone numbers of a contact, mobile first (a person on call answers
/// their mobile), blanks left out.
#[must_use]
pub fn phones(contact: &Contact) -> Vec<Phone<'_>> {
    [
        (PhoneKind::Mobile, &contact.mobile),
        (PhoneKind::Office, &contact.office),
    ]
    .into_iter()
    .filter_map(|(kind, number)| {
        let number = number.as_deref()?.trim();
        (!number.is_empty()).then_some(Phone { kind, number })
    })
    .collect()
}

/// One call of a call tree, resolved, with the calls its callee then makes.
#[derive(Clone, Debug, PartialEq)]
pub struct CallNode<'a> {
    /// Where the call sits: `[2, 1]` is the first call made by the second
    /// callee of the root. One-based, as people count.
    pub order: Vec<usize>,
    /// Who is called.
    pub callee: Callee<'a>,
    /// Within how many minutes of the declaration the call must be made.
    pub within: Option<Minutes>,
    /// Whom to call instead, in order, when the callee cannot be reached.
    pub fallback: Vec<Callee<'a>>,
    /// The calls the callee makes next, in order.
    pub calls: Vec<CallNode<'a>>,
}

impl CallNode<'_> {
    /// The order as people write it: `2.1`.
    #[must_use]
    pub fn order_label(&self) -> String {
        self.order
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(".")
    }

    /// How deep the call sits: 1 for the root's own calls.
    #[must_use]
    pub fn depth(&self) -> usize {
        self.order.len()
    }
}

/// The call tree of one level, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct CallTreeView<'a> {
    /// The level.
    pub level: &'a Level,
    /// Who starts the calls; `None` when the plan has no tree for the level.
    pub root: Option<Callee<'a>>,
    /// The root's calls, in order.
    pub calls: Vec<CallNode<'a>>,
}

impl<'a> CallTreeView<'a> {
    /// Every call, depth first, in the order they appear in the tree.
    #[must_use]
    pub fn flatten(&self) -> Vec<&CallNode<'a>> {
        fn walk<'b, 'a>(calls: &'b [CallNode<'a>], out: &mut Vec<&'b CallNode<'a>>) {
            for call in calls {
                out.push(call);
                walk(&call.calls, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.calls, &mut out);
        out
    }
}

/// The call tree of a level, with every target resolved to who answers and
/// their numbers.
#[must_use]
pub fn call_tree<'a>(plan: &'a Plan, level: &'a Level) -> CallTreeView<'a> {
    fn nodes<'a>(plan: &'a Plan, calls: &'a [Call], parent: &[usize]) -> Vec<CallNode<'a>> {
        calls
            .iter()
            .enumerate()
            .map(|(i, call)| {
                let mut order = parent.to_vec();
                order.push(i + 1);
                let mut node = resolved(plan, call, order);
                node.calls = nodes(plan, &call.calls, &node.order);
                node
            })
            .collect()
    }
    let tree = plan.call_tree(&level.id);
    CallTreeView {
        level,
        root: tree.map(|t| Callee::of(plan, &t.root)),
        calls: tree.map(|t| nodes(plan, &t.calls, &[])).unwrap_or_default(),
    }
}

/// One call of a level's tree as a row of a list: where it sits, and for
/// each depth down to its own whether a later call at that depth follows
/// under the same caller (where the lines joining callers to callees go on
/// past it). Owned and small: a view keeps the rows of a tree and resolves
/// only those on screen ([`call_at`]), where [`call_tree`] resolves every
/// call of a large organisation every time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallRow {
    /// Where the call sits, one-based, as [`CallNode::order`].
    pub order: Vec<usize>,
    /// Whether a later call follows, at each depth from the root's calls.
    pub more: Vec<bool>,
}

/// The rows of the level's call tree, depth first, in tree order (none when
/// the plan has no tree for the level).
#[must_use]
pub fn call_rows(plan: &Plan, level: &LevelId) -> Vec<CallRow> {
    fn walk(calls: &[Call], order: &mut Vec<usize>, more: &mut Vec<bool>, out: &mut Vec<CallRow>) {
        for (i, call) in calls.iter().enumerate() {
            order.push(i + 1);
            more.push(i + 1 < calls.len());
            out.push(CallRow {
                order: order.clone(),
                more: more.clone(),
            });
            walk(&call.calls, order, more, out);
            order.pop();
            more.pop();
        }
    }
    let mut out = Vec::new();
    if let Some(tree) = plan.call_tree(level) {
        walk(&tree.calls, &mut Vec::new(), &mut Vec::new(), &mut out);
    }
    out
}

/// The call at `order` in the level's tree, resolved, without the calls
/// under it (its `calls` is empty); `None` when the tree has no such call.
#[must_use]
pub fn call_at<'a>(plan: &'a Plan, level: &LevelId, order: &[usize]) -> Option<CallNode<'a>> {
    let mut calls = &plan.call_tree(level)?.calls;
    let mut found = None;
    for &n in order {
        let call = calls.get(n.checked_sub(1)?)?;
        calls = &call.calls;
        found = Some(call);
    }
    Some(resolved(plan, found?, order.to_vec()))
}

/// A call resolved at `order`, without the calls under it.
fn resolved<'a>(plan: &'a Plan, call: &'a Call, order: Vec<usize>) -> CallNode<'a> {
    CallNode {
        order,
        callee: Callee::of(plan, &call.to),
        within: call.within_minutes,
        fallback: call.fallback.iter().map(|t| Callee::of(plan, t)).collect(),
        calls: Vec::new(),
    }
}

/// A level name that is not in the plan; worded by `crate::i18n::plan`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLevel {
    /// What was asked for.
    pub given: String,
    /// The plan's level ids, most severe first.
    pub known: Vec<LevelId>,
}

/// Finds a level by its id as typed: exactly, ignoring ASCII case (`iv`), or
/// written with the Roman-numeral characters Chinese text uses (`Ⅳ`).
///
/// # Errors
/// When no level matches; the error lists the plan's levels.
pub fn find_level<'a>(plan: &'a Plan, given: &str) -> Result<&'a Level, UnknownLevel> {
    let levels = &plan.doc().levels;
    let typed = given.trim();
    let ascii: String = typed.chars().map(roman_to_ascii).collect();
    levels
        .iter()
        .find(|l| l.id.as_str() == typed)
        .or_else(|| {
            levels
                .iter()
                .find(|l| l.id.as_str().eq_ignore_ascii_case(&ascii))
        })
        .ok_or_else(|| UnknownLevel {
            given: given.to_owned(),
            known: levels.iter().map(|l| l.id.clone()).collect(),
        })
}

/// Why a typed name or id does not name one role, person or external
/// contact of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameError {
    /// Nobody has this id or name.
    Unknown(String),
    /// Several have this name (or this id, each of another kind): each
    /// with the name the plan shows for it.
    Ambiguous {
        /// What was typed.
        given: String,
        /// Whom it may mean.
        matches: Vec<(Target, String)>,
    },
}

/// Whom a typed name means, as the command line and the window take it:
/// `role:ID`, `person:ID` or `external:ID`; an id of exactly one of them;
/// else the name the plan shows (a person's, a role's, an external
/// contact's). `kinds` says which kinds may be meant (a commander is a
/// person or a role, never an external contact).
///
/// # Errors
/// Nobody has the id or name; or several do, each listed.
pub fn find_target(plan: &Plan, typed: &str, kinds: Kinds) -> Result<Target, NameError> {
    let typed = typed.trim();
    if let Some((kind, id)) = typed.split_once(':') {
        let t = match kind {
            "role" if kinds.roles => Some(Target::Role(RoleId::new(id))),
            "person" if kinds.people => Some(Target::Person(PersonId::new(id))),
            "external" if kinds.externals => Some(Target::External(ExternalId::new(id))),
            _ => None,
        };
        if let Some(t) = t {
            return Ok(t);
        }
    }
    let doc = plan.doc();
    let roles = doc.roles.iter().filter(|_| kinds.roles);
    let people = doc.people.iter().filter(|_| kinds.people);
    let externals = doc.externals.iter().filter(|_| kinds.externals);
    let by = |id: &dyn Fn(&str) -> bool, name: &dyn Fn(&str) -> bool| -> Vec<Target> {
        roles
            .clone()
            .filter(|r| id(r.id.as_str()) || name(&r.name))
            .map(|r| Target::Role(r.id.clone()))
            .chain(
                people
                    .clone()
                    .filter(|p| id(p.id.as_str()) || name(&p.name))
                    .map(|p| Target::Person(p.id.clone())),
            )
            .chain(
                externals
                    .clone()
                    .filter(|e| id(e.id.as_str()) || name(&e.name))
                    .map(|e| Target::External(e.id.clone())),
            )
            .collect()
    };
    // An id first: ids are what the plan and the log use; then the names.
    let mut found = by(&|id| id == typed, &|_| false);
    if found.is_empty() {
        found = by(&|_| false, &|name| name.trim() == typed);
    }
    match found.len() {
        0 => Err(NameError::Unknown(typed.to_owned())),
        1 => Ok(found.remove(0)),
        _ => Err(NameError::Ambiguous {
            given: typed.to_owned(),
            matches: found
                .into_iter()
                .map(|t| {
                    let label = Callee::of(plan, &t).label();
                    (t, label)
                })
                .collect(),
        }),
    }
}

/// Which kinds of target a typed name may mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kinds {
    /// Roles.
    pub roles: bool,
    /// People.
    pub people: bool,
    /// External contacts.
    pub externals: bool,
}

impl Kinds {
    /// Anyone who can be called.
    pub const ANYONE: Self = Self {
        roles: true,
        people: true,
        externals: true,
    };
    /// Who can take command: a person or a role.
    pub const COMMANDERS: Self = Self {
        roles: true,
        people: true,
        externals: false,
    };
    /// Who can own an action item: a person.
    pub const PEOPLE: Self = Self {
        roles: false,
        people: true,
        externals: false,
    };
}

/// `Ⅰ` … `Ⅻ` (and the small forms) as ASCII letters; other characters as they are.
fn roman_to_ascii(c: char) -> String {
    let n = match c {
        '\u{2160}'..='\u{216B}' => u32::from(c) - 0x2160 + 1,
        '\u{2170}'..='\u{217B}' => u32::from(c) - 0x2170 + 1,
        _ => return c.to_string(),
    };
    const ROMAN: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    usize::try_from(n - 1)
        .ok()
        .and_then(|i| ROMAN.get(i))
        .map_or_else(|| c.to_string(), |s| (*s).to_owned())
}

/// A time limit in the largest whole unit people say: 240 minutes is
/// 4 hours, 43 200 minutes is 30 days, 90 minutes stays 90 minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeSpan {
    /// Minutes.
    Minutes(i64),
    /// Whole hours.
    Hours(i64),
    /// Whole days.
    Days(i64),
}

/// The span of a number of minutes, in the largest unit that divides it.
#[must_use]
pub fn span(minutes: Minutes) -> TimeSpan {
    let m = minutes.get();
    if m != 0 && m % (24 * 60) == 0 {
        TimeSpan::Days(m / (24 * 60))
    } else if m != 0 && m % 60 == 0 {
        TimeSpan::Hours(m / 60)
    } else {
        TimeSpan::Minutes(m)
    }
}

/// A search over the directory: one substring, no word splitting (Chinese
/// has no spaces to split on), ASCII case ignored (only ASCII, so that a
/// match's byte range in the lowered text is its range in the original and
/// the window can highlight it). A query of digits and
/// separators also matches numbers written with other separators, so
/// `13800000001` finds `138-0000-0001`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    text: String,
    digits: Option<String>,
}

impl Query {
    /// A query from what was typed; surrounding blanks are ignored.
    #[must_use]
    pub fn new(typed: &str) -> Self {
        let text = typed.trim().to_ascii_lowercase();
        let is_number = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '+' | '(' | ')'));
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        Self {
            digits: (is_number && !digits.is_empty()).then_some(digits),
            text,
        }
    }

    /// Whether nothing was typed (everything matches).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether one field contains the query.
    #[must_use]
    pub fn matches(&self, field: &str) -> bool {
        if self.text.is_empty() || field.to_ascii_lowercase().contains(&self.text) {
            return true;
        }
        self.digits.as_ref().is_some_and(|digits| {
            let field: String = field.chars().filter(char::is_ascii_digit).collect();
            field.contains(digits.as_str())
        })
    }

    /// Where the query occurs in a field, as byte ranges, for highlighting;
    /// empty for a blank query or a match through the digits alone.
    #[must_use]
    pub fn ranges(&self, field: &str) -> Vec<std::ops::Range<usize>> {
        if self.text.is_empty() {
            return Vec::new();
        }
        let lowered = field.to_ascii_lowercase();
        lowered
            .match_indices(&self.text)
            .map(|(start, m)| start..start + m.len())
            .collect()
    }

    /// Whether any of the fields contains the query.
    pub fn matches_any<'s>(&self, fields: impl IntoIterator<Item = &'s str>) -> bool {
        self.is_empty() || fields.into_iter().any(|f| self.matches(f))
    }
}

/// A person in the directory with the roles they hold and stand in for.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonEntry<'a> {
    /// The person.
    pub person: &'a Person,
    /// Roles they hold.
    pub holds: Vec<&'a Role>,
    /// Roles they stand in for as a deputy.
    pub deputises: Vec<&'a Role>,
}

impl<'a> PersonEntry<'a> {
    /// The text the search looks at: name, title, role names and every way
    /// to reach them.
    #[must_use]
    pub fn fields(&self) -> Vec<&'a str> {
        let p = self.person;
        let mut fields = vec![p.name.as_str(), p.title.as_str()];
        fields.extend(self.holds.iter().map(|r| r.name.as_str()));
        fields.extend(self.deputises.iter().map(|r| r.name.as_str()));
        fields.extend(contact_fields(&p.contact));
        fields
    }
}

/// The text the search looks at for an external contact: name, every way to
/// reach them, and the notes.
#[must_use]
pub fn external_fields(e: &External) -> Vec<&str> {
    let mut fields = vec![e.name.as_str(), e.notes.as_str()];
    fields.extend(contact_fields(&e.contact));
    fields
}

fn contact_fields(c: &Contact) -> impl Iterator<Item = &str> {
    [&c.mobile, &c.office, &c.im, &c.email, &c.location]
        .into_iter()
        .filter_map(|f| f.as_deref())
}

/// The directory, or the part of it a search matches.
#[derive(Clone, Debug, PartialEq)]
pub struct Directory<'a> {
    /// People that match, in the plan's order.
    pub people: Vec<PersonEntry<'a>>,
    /// External contacts that match, in the plan's order.
    pub externals: Vec<&'a External>,
    /// How many people the plan has.
    pub total_people: usize,
    /// How many external contacts the plan has.
    pub total_externals: usize,
}

/// The people and external contacts whose name, title, roles, numbers or
/// notes contain `query` (everyone when it is blank).
#[must_use]
pub fn directory<'a>(plan: &'a Plan, query: &str) -> Directory<'a> {
    let doc = plan.doc();
    let query = Query::new(query);
    let people = doc
        .people
        .iter()
        // Through the plan's index: every role scanned for every person
        // grew with the square of a large organisation, every frame.
        .map(|person| PersonEntry {
            person,
            holds: plan.roles_held_by(&person.id).collect(),
            deputises: plan.roles_deputised_by(&person.id).collect(),
        })
        .filter(|entry| query.matches_any(entry.fields()))
        .collect();
    let externals = doc
        .externals
        .iter()
        .filter(|e| query.matches_any(external_fields(e)))
        .collect();
    Directory {
        people,
        externals,
        total_people: doc.people.len(),
        total_externals: doc.externals.len(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    #[test]
    fn the_rows_of_a_tree_resolve_to_the_calls_of_the_whole_tree() {
        let plan = bundled();
        for level in &plan.doc().levels {
            let tree = call_tree(&plan, level);
            let whole = tree.flatten();
            let rows = call_rows(&plan, &level.id);
            assert_eq!(rows.len(), whole.len(), "level {}", level.id);
            for (row, node) in rows.iter().zip(&whole) {
                assert_eq!(row.order, node.order);
                assert_eq!(row.more.len(), node.depth());
                let one = call_at(&plan, &level.id, &row.order).unwrap();
                assert_eq!(one.callee, node.callee);
                assert_eq!(one.within, node.within);
                assert_eq!(one.fallback, node.fallback);
            }
            // The last call at each depth has none after it.
            if let Some(last) = rows.last() {
                assert!(!last.more[0], "level {}", level.id);
            }
        }
        let level = &plan.doc().levels[0].id;
        assert!(call_at(&plan, level, &[]).is_none());
        assert!(call_at(&plan, level, &[0]).is_none());
        assert!(call_at(&plan, level, &[999]).is_none());
        assert!(call_rows(&plan, &LevelId::new("no-such-level")).is_empty());
    }

    #[test]
    fn the_directory_names_the_roles_each_person_holds_and_deputises() {
        let plan = bundled();
        let doc = plan.doc();
        let found = directory(&plan, "");
        assert_eq!(found.people.len(), doc.people.len());
        for entry in &found.people {
            let id = &entry.person.id;
            let holds: Vec<&str> = doc
                .roles
                .iter()
                .filter(|r| r.holder == *id)
                .map(|r| r.id.as_str())
                .collect();
            let deputises: Vec<&str> = doc
                .roles
                .iter()
                .filter(|r| r.deputies.contains(id))
                .map(|r| r.id.as_str())
                .collect();
            assert_eq!(ids(&entry.holds), holds, "{id}");
            assert_eq!(ids(&entry.deputises), deputises, "{id}");
        }
        assert!(found.people.iter().any(|e| !e.holds.is_empty()));
        assert!(found.people.iter().any(|e| !e.deputises.is_empty()));
    }

    fn ids<'a>(roles: &[&'a Role]) -> Vec<&'a str> {
        roles.iter().map(|r| r.id.as_str()).collect()
    }

    fn bundled() -> Plan {
        super::super::parse(include_bytes!(
            "../../../plans/online-education-platform.ron"
        ))
        .unwrap()
        .plan
    }

    fn minimal() -> Plan {
        super::super::parse(include_bytes!("../../../plans/minimal.ron"))
            .unwrap()
            .plan
    }

    #[test]
    fn a_role_resolves_to_its_holder_and_numbers() {
        let plan = bundled();
        let level = find_level(&plan, "I").unwrap();
        let tree = call_tree(&plan, level);
        let raw = plan.call_tree(&level.id).unwrap();
        let Target::Role(root_id) = &raw.root else {
            panic!("the bundled root is a role")
        };
        let root_role = plan.role(root_id).unwrap();
        let holder = plan.person(&root_role.holder).unwrap();
        let root = tree.root.unwrap();
        assert_eq!(root.role_name(), Some(root_role.name.as_str()));
        assert_eq!(root.name(), holder.name);
        assert_eq!(
            root.label(),
            format!("{} → {}", root_role.name, holder.name)
        );
        assert_eq!(
            root.phones().first().map(|p| p.number),
            holder.contact.mobile.as_deref()
        );
    }

    #[test]
    fn the_tree_keeps_order_limits_fallbacks_and_nesting() {
        let plan = bundled();
        let level = find_level(&plan, "I").unwrap();
        let tree = call_tree(&plan, level);
        let raw = plan.call_tree(&level.id).unwrap();
        assert_eq!(tree.calls.len(), raw.calls.len());
        for (node, call) in tree.calls.iter().zip(&raw.calls) {
            assert_eq!(node.within, call.within_minutes);
            assert_eq!(node.fallback.len(), call.fallback.len());
            assert_eq!(node.calls.len(), call.calls.len());
            assert_eq!(node.callee, Callee::of(&plan, &call.to));
        }
        let first = &tree.calls[0];
        assert_eq!(first.order_label(), "1");
        assert_eq!(first.calls[0].order_label(), "1.1");
        assert_eq!(first.calls[0].depth(), 2);
        // Flattened depth first: a node's calls follow it before its next sibling.
        let flat = tree.flatten();
        assert_eq!(flat[0].order_label(), "1");
        assert_eq!(flat[1].order_label(), "1.1");
        let count = |calls: &[Call]| {
            fn n(calls: &[Call]) -> usize {
                calls.iter().map(|c| 1 + n(&c.calls)).sum()
            }
            n(calls)
        };
        assert_eq!(flat.len(), count(&raw.calls));
    }

    #[test]
    fn each_level_has_its_own_tree() {
        let plan = bundled();
        let one = call_tree(&plan, find_level(&plan, "I").unwrap());
        let four = call_tree(&plan, find_level(&plan, "IV").unwrap());
        assert_ne!(one.calls, four.calls);
        assert!(four.flatten().len() < one.flatten().len());
    }

    #[test]
    fn a_level_without_a_tree_has_no_root_and_no_calls() {
        let plan = minimal();
        let mut doc = plan.doc().clone();
        doc.call_trees.retain(|t| t.level.as_str() != "II");
        let text = ron::to_string(&doc).unwrap();
        let plan = super::super::parse(text.as_bytes()).unwrap().plan;
        let tree = call_tree(&plan, find_level(&plan, "II").unwrap());
        assert!(tree.root.is_none());
        assert!(tree.calls.is_empty());
    }

    #[test]
    fn levels_are_found_as_typed_in_any_case_or_roman_numerals() {
        let plan = bundled();
        assert_eq!(find_level(&plan, "IV").unwrap().id.as_str(), "IV");
        assert_eq!(find_level(&plan, "iv").unwrap().id.as_str(), "IV");
        assert_eq!(find_level(&plan, " Ⅳ ").unwrap().id.as_str(), "IV");
        assert_eq!(find_level(&plan, "Ⅲ").unwrap().id.as_str(), "III");
        let err = find_level(&plan, "V").unwrap_err();
        assert_eq!(err.given, "V");
        let known: Vec<&str> = err.known.iter().map(LevelId::as_str).collect();
        assert_eq!(known, ["I", "II", "III", "IV"]);
    }

    #[test]
    fn spans_use_the_largest_whole_unit() {
        assert_eq!(span(Minutes(15)), TimeSpan::Minutes(15));
        assert_eq!(span(Minutes(90)), TimeSpan::Minutes(90));
        assert_eq!(span(Minutes(240)), TimeSpan::Hours(4));
        assert_eq!(span(Minutes(43_200)), TimeSpan::Days(30));
        assert_eq!(span(Minutes(0)), TimeSpan::Minutes(0));
    }

    #[test]
    fn phones_come_mobile_first_without_blanks() {
        let c = Contact {
            mobile: Some("  ".into()),
            office: Some("110".into()),
            ..Contact::default()
        };
        assert_eq!(
            phones(&c),
            vec![Phone {
                kind: PhoneKind::Office,
                number: "110"
            }]
        );
        let c = Contact {
            mobile: Some("138".into()),
            office: Some("010".into()),
            ..Contact::default()
        };
        let kinds: Vec<_> = phones(&c).iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [PhoneKind::Mobile, PhoneKind::Office]);
    }

    #[test]
    fn a_query_is_one_substring_ignoring_ascii_case() {
        let q = Query::new(" 值班 ");
        assert!(q.matches("运维值班长"));
        assert!(!q.matches("值 班"));
        assert!(Query::new("CDN").matches("主cdn厂商"));
        assert!(Query::new("").matches("anything"));
        // No word splitting: both words must appear together.
        assert!(!Query::new("张 伟").matches("张伟"));
    }

    #[test]
    fn match_ranges_point_into_the_original_text() {
        let q = Query::new("cdn");
        let text = "主CDN厂商 cdn";
        let ranges = q.ranges(text);
        assert_eq!(ranges.len(), 2);
        assert_eq!(&text[ranges[0].clone()], "CDN");
        assert_eq!(&text[ranges[1].clone()], "cdn");
        assert!(Query::new("").ranges(text).is_empty());
    }

    #[test]
    fn a_number_matches_whatever_the_separators() {
        assert!(Query::new("13800000001").matches("138-0000-0001"));
        assert!(Query::new("0000-0001").matches("138-0000-0001"));
        assert!(!Query::new("13800000002").matches("138-0000-0001"));
        // Letters are not a number: no digit-only matching.
        assert!(!Query::new("a1").matches("1"));
    }

    #[test]
    fn the_directory_filters_people_and_externals() {
        let plan = bundled();
        let all = directory(&plan, "");
        assert_eq!(all.people.len(), plan.doc().people.len());
        assert_eq!(all.externals.len(), plan.doc().externals.len());
        assert_eq!(all.total_people, all.people.len());

        // A part of a Chinese name finds that person.
        let person = &plan.doc().people[5];
        let part: String = person.name.chars().skip(1).collect();
        let found = directory(&plan, &part);
        assert!(found.people.iter().any(|e| e.person.id == person.id));
        assert!(found.people.len() < all.people.len());
        assert_eq!(found.total_people, all.total_people);

        // Role names find the holder and the deputies.
        let role = &plan.doc().roles[0];
        let found = directory(&plan, &role.name);
        assert!(found.people.iter().any(|e| e.person.id == role.holder));
        for deputy in &role.deputies {
            assert!(found.people.iter().any(|e| e.person.id == *deputy));
        }
        let holder = found
            .people
            .iter()
            .find(|e| e.person.id == role.holder)
            .unwrap();
        assert!(holder.holds.iter().any(|r| r.id == role.id));

        // Notes are searched.
        let external = &plan.doc().externals[1];
        let part: String = external.notes.chars().take(6).collect();
        assert!(!external.name.contains(&part));
        let found = directory(&plan, &part);
        assert!(found.externals.iter().any(|e| e.id == external.id));

        let none = directory(&plan, "no such text anywhere");
        assert!(none.people.is_empty() && none.externals.is_empty());
    }
}
