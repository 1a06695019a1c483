//! What changed between two revisions of a plan, as an approver reads it.
//!
//! A plan's revisions are approved: before signing, the approver needs what
//! changed — a step added or reworded, an owner or a deadline moved, a phone
//! number corrected, a call tree reordered — keyed by the ids that stay put
//! across revisions, not a line diff of the file, where a moved block or a
//! re-wrapped paragraph hides the one number that matters.
//!
//! Every kind of thing in a plan is flattened into [`Item`]s: a key (the id),
//! the container it sits in (a phase, a procedure, a caller in a call tree),
//! and its fields as display text. Comparing two revisions is then the same
//! for everything: added, removed, fields changed, moved to another container
//! or to another place in the same one. The command line renders the result
//! as text or Markdown.

use std::collections::HashMap;

use super::Plan;
use super::doc::{
    Basis, Call, Condition, Contact, CountsFrom, LevelScheme, Milestone, Minutes, PlanDoc, Step,
    StepKind, Target,
};
use crate::model::ids::{
    ClassId, ExternalId, ItemId, LevelId, PersonId, PhaseId, RoleId, StepId, TemplateId, TextId,
    UnitId,
};

/// What changed between two plans.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDiff {
    /// The old revision's version, as its `meta` says.
    pub old_version: String,
    /// The new revision's version.
    pub new_version: String,
    /// The new plan's title.
    pub title: String,
    /// The topics with changes, in the plan's order; empty when the two are
    /// the same.
    pub topics: Vec<TopicDiff>,
}

/// The changes of one kind of thing.
#[derive(Clone, Debug, PartialEq)]
pub struct TopicDiff {
    /// Which kind.
    pub topic: Topic,
    /// The changes, in the new plan's order, then what was removed.
    pub changes: Vec<Change>,
}

/// The kinds of things a plan holds, in the order a diff lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    /// Title, version, dates, owner and approver.
    Meta,
    /// The revision history.
    Revisions,
    /// The chapters' text.
    Text,
    /// Units and roles.
    Organisation,
    /// People and their numbers.
    People,
    /// External contacts.
    Contacts,
    /// Signals and warnings.
    Warnings,
    /// Response levels.
    Levels,
    /// Reporting duties of each level.
    Duties,
    /// Fault classes and their assessment questions.
    Classes,
    /// Call trees.
    CallTrees,
    /// The phases, and the steps, common and per class.
    Steps,
    /// Message templates.
    Templates,
    /// Evacuation, supplies, drills and training.
    Readiness,
}

/// One thing added, removed or changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What happened to it.
    pub kind: ChangeKind,
    /// What it is, such as step `net-switch-cdn`.
    pub subject: Subject,
    /// Where it sits in the new plan (or sat, when removed), such as phase
    /// `contain` of class `network`; [`Place::Nowhere`] where that says nothing.
    pub place: Place,
    /// For an added or removed thing, its fields; for a changed one, the
    /// fields that changed.
    pub fields: Vec<FieldChange>,
}

/// What happened to a thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// New in the new plan.
    Added,
    /// Gone from the new plan.
    Removed,
    /// In both; some fields differ, or it moved.
    Changed,
}

/// One field: its old and new value (`None` on the side it is absent).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    /// Which field.
    pub field: Field,
    /// The old value.
    pub old: Option<Value>,
    /// The new value.
    pub new: Option<Value>,
}

/// What a change is about: the kind of thing, its id and, where it has one,
/// its name as the plan writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // The variants name the things of a plan; the fields say which.
pub enum Subject {
    /// The plan's `meta`.
    Plan,
    Revision(String),
    Chapter {
        id: TextId,
        title: String,
    },
    Section {
        id: TextId,
        title: String,
    },
    Unit {
        id: UnitId,
        name: String,
    },
    Role {
        id: RoleId,
        name: String,
    },
    Person {
        id: PersonId,
        name: String,
    },
    Contact {
        id: ExternalId,
        name: String,
    },
    Signal {
        id: ItemId,
        name: String,
    },
    Warning {
        level: LevelId,
        name: String,
    },
    Level {
        id: LevelId,
        name: String,
    },
    Duty {
        id: ItemId,
        level: LevelId,
    },
    Class {
        id: ClassId,
        name: String,
    },
    Question {
        id: ItemId,
        class: ClassId,
    },
    /// One call of a level's call tree.
    Call {
        to: Target,
        level: LevelId,
    },
    /// A level's call tree as a whole (who starts it).
    CallTree {
        level: LevelId,
    },
    /// A phase of every response.
    Phase {
        id: PhaseId,
        name: String,
    },
    Step(StepId),
    Template {
        id: TemplateId,
        name: String,
    },
    Evacuation {
        id: ItemId,
        site: String,
    },
    Supply {
        id: ItemId,
        name: String,
    },
    Drill {
        id: ItemId,
        name: String,
    },
    Training(ItemId),
}

/// Where a thing sits: what a move between containers changes.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // Each variant is the list or the parent it names.
pub enum Place {
    /// Nowhere worth saying (a top-level list of its own).
    Nowhere,
    Units,
    Roles,
    Signals,
    Warnings,
    Classes,
    /// The phases' list.
    Phases,
    /// The call trees' list.
    Trees,
    Evacuation,
    Supplies,
    Drills,
    Training,
    Chapter(TextId),
    /// The level a duty belongs to.
    Level(LevelId),
    /// The class an assessment question belongs to.
    Class(ClassId),
    /// A call, by the caller, in a level's tree.
    CalledBy {
        level: LevelId,
        caller: Target,
    },
    /// A common step, in its phase, for every class.
    CommonStep {
        phase: PhaseId,
    },
    /// A class's own step, in its phase (`None` in a plan that does not say).
    ClassStep {
        phase: Option<PhaseId>,
        class: ClassId,
    },
}

impl Place {
    /// Whether there is nothing to say.
    #[must_use]
    pub fn is_nowhere(&self) -> bool {
        *self == Self::Nowhere
    }
}

/// The fields a diff compares, in the approver's terms (not always the
/// file's field names: `owner` for a step's `role`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // The names say which field.
pub enum Field {
    /// Where it sits; changed when it moved to another container.
    Place,
    /// Its place among its neighbours; changed when it was reordered.
    Order,
    Title,
    Organisation,
    Version,
    Effective,
    /// The department that owns the plan.
    Owner,
    Approver,
    Language,
    /// The grading scheme the levels follow, as the file names it.
    LevelScheme,
    Date,
    Author,
    Changes,
    Text,
    Name,
    PartOf,
    Description,
    Unit,
    Holder,
    Deputies,
    Duties,
    /// A person's job title.
    JobTitle,
    Mobile,
    OfficePhone,
    Im,
    Email,
    Location,
    Kind,
    Notes,
    Source,
    Threshold,
    SuggestsLevel,
    Colour,
    Triggers,
    Measures,
    IssuedBy,
    LiftedBy,
    Criteria,
    Activates,
    InformWithin,
    StatusUpdateEvery,
    Condition,
    /// The condition the record is read by (`when`), as the file writes it.
    When,
    /// The fault classes a duty or a common step is for.
    ForClasses,
    /// The fault classes a common step leaves out.
    ExceptClasses,
    To,
    TimeLimit,
    Basis,
    Detection,
    Examples,
    Question,
    Within,
    Fallback,
    StartedBy,
    /// The role that owns a step.
    StepOwner,
    AppliesAt,
    Deadline,
    Audience,
    Channel,
    Subject,
    Body,
    Site,
    Lead,
    AssemblyPoint,
    Steps,
    Quantity,
    Keeper,
    Check,
    Frequency,
    Scenario,
    Classes,
    Targets,
    Topic,
    Assessment,
}

/// A field's value: the plan's own words where it has them, typed where
/// the reader's language says it (time limits, kinds of step, where a
/// clock starts).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// The plan's words, ids and numbers, as written; one line each for a
    /// list of paragraphs, criteria or duties, so a change shows as the
    /// lines that changed.
    Text(String),
    /// A call target.
    Target(Target),
    /// Call targets, in order.
    Targets(Vec<Target>),
    /// A time limit, in the largest whole unit (`4 h`, `30 days`).
    Minutes(i64),
    /// A number of minutes, as minutes (a status-update cadence).
    ExactMinutes(i64),
    /// No time limit on a call.
    NoLimit,
    /// Who a level informs, each within so many minutes, one per line.
    InformWithin(Vec<(Target, i64)>),
    /// A duty's time limit and the event it counts from; `None` for none.
    TimeLimit(Option<(i64, CountsFrom)>),
    /// The platform's own rule, as a duty's basis (a law is its name, as text).
    PlatformRule,
    /// The levels a step applies at: every level, or this one and above.
    AppliesAt(Option<LevelId>),
    /// A step's deadline after the declaration; `None` for none.
    Deadline(Option<i64>),
    /// What kind of step it is.
    StepKind(StepKind),
    /// A drill's time targets, one per line: what, within, measured by.
    DrillTargets(Vec<(String, i64, Option<Milestone>)>),
    /// Where a thing sits.
    Place(Place),
    /// After which neighbour it comes; `None` for first.
    Order(Option<Name>),
}

impl Value {
    /// Whether there is nothing to show: an empty text or list.
    fn is_empty(&self) -> bool {
        match self {
            Self::Text(s) => s.is_empty(),
            Self::Targets(v) => v.is_empty(),
            Self::InformWithin(v) => v.is_empty(),
            Self::DrillTargets(v) => v.is_empty(),
            _ => false,
        }
    }
}

/// How a thing is named where its place among others is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Name {
    /// An id (or a version, or `level/id` for what a level or class holds),
    /// as written.
    Id(String),
    /// A unit.
    Unit(UnitId),
    /// A role.
    Role(RoleId),
    /// A monitoring signal.
    Signal(ItemId),
    /// The warning of a level.
    Warning(LevelId),
    /// The call tree of a level.
    Tree(LevelId),
    /// A call target.
    Target(Target),
    /// An evacuation plan.
    Evacuation(ItemId),
    /// A supply.
    Supply(ItemId),
    /// A drill.
    Drill(ItemId),
    /// A training.
    Training(ItemId),
}

/// A thing of the plan, flattened for comparison.
struct Item {
    /// What it is matched by across revisions; never shown.
    key: String,
    /// How it is named where its place among others is told.
    name: Name,
    subject: Subject,
    /// The container: a move between containers is a change of place.
    container: Place,
    fields: Vec<(Field, Value)>,
}

impl Item {
    /// An item named by its key.
    fn new(key: impl Into<String>, subject: Subject, container: Place) -> Self {
        let key = key.into();
        Self::named(key.clone(), Name::Id(key), subject, container)
    }

    fn named(key: impl Into<String>, name: Name, subject: Subject, container: Place) -> Self {
        Self {
            key: key.into(),
            name,
            subject,
            container,
            fields: Vec::new(),
        }
    }

    /// Adds a field, unless its value is empty.
    fn with(mut self, field: Field, value: Value) -> Self {
        if !value.is_empty() {
            self.fields.push((field, value));
        }
        self
    }

    /// Adds a field of the plan's words.
    fn text(self, field: Field, value: impl Into<String>) -> Self {
        self.with(field, Value::Text(value.into()))
    }
}

/// Compares two plans.
#[must_use]
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let (o, n) = (old.doc(), new.doc());
    let topics = [
        (Topic::Meta, meta as fn(&PlanDoc) -> Vec<Item>),
        (Topic::Revisions, revisions),
        (Topic::Text, text),
        (Topic::Organisation, organisation),
        (Topic::People, people),
        (Topic::Contacts, externals),
        (Topic::Warnings, warnings),
        (Topic::Levels, levels),
        (Topic::Duties, duties),
        (Topic::Classes, classes),
        (Topic::CallTrees, call_trees),
        (Topic::Steps, steps),
        (Topic::Templates, templates),
        (Topic::Readiness, readiness),
    ]
    .into_iter()
    .filter_map(|(topic, items)| {
        let changes = compare(&items(o), &items(n));
        (!changes.is_empty()).then_some(TopicDiff { topic, changes })
    })
    .collect();
    PlanDiff {
        old_version: o.meta.version.clone(),
        new_version: n.meta.version.clone(),
        title: n.meta.title.clone(),
        topics,
    }
}

/// The changes from `old` to `new`, in the new order, removals last.
fn compare(old: &[Item], new: &[Item]) -> Vec<Change> {
    let old_at: HashMap<&str, usize> = old
        .iter()
        .enumerate()
        .map(|(i, it)| (it.key.as_str(), i))
        .collect();
    let moved = reordered(old, new, &old_at);
    let mut out = Vec::new();
    for (i, item) in new.iter().enumerate() {
        let Some(&j) = old_at.get(item.key.as_str()) else {
            out.push(Change {
                kind: ChangeKind::Added,
                subject: item.subject.clone(),
                place: item.container.clone(),
                fields: item
                    .fields
                    .iter()
                    .map(|(f, v)| FieldChange {
                        field: *f,
                        old: None,
                        new: Some(v.clone()),
                    })
                    .collect(),
            });
            continue;
        };
        let was = &old[j];
        let mut fields = Vec::new();
        if was.container != item.container {
            fields.push(FieldChange {
                field: Field::Place,
                old: Some(Value::Place(was.container.clone())),
                new: Some(Value::Place(item.container.clone())),
            });
        } else if moved[i] {
            // Outside the longest run that kept its order, but still after
            // the same neighbour (which itself moved): nothing to say about
            // this one.
            let (before, after) = (neighbour(old, j), neighbour(new, i));
            if before != after {
                fields.push(FieldChange {
                    field: Field::Order,
                    old: Some(Value::Order(before)),
                    new: Some(Value::Order(after)),
                });
            }
        }
        let names = was
            .fields
            .iter()
            .map(|(f, _)| *f)
            .chain(item.fields.iter().map(|(f, _)| *f));
        let mut seen: Vec<Field> = Vec::new();
        for field in names {
            if seen.contains(&field) {
                continue;
            }
            seen.push(field);
            let get = |it: &Item| {
                it.fields
                    .iter()
                    .find(|(f, _)| *f == field)
                    .map(|(_, v)| v.clone())
            };
            let (a, b) = (get(was), get(item));
            if a != b {
                fields.push(FieldChange {
                    field,
                    old: a,
                    new: b,
                });
            }
        }
        if !fields.is_empty() {
            out.push(Change {
                kind: ChangeKind::Changed,
                subject: item.subject.clone(),
                place: item.container.clone(),
                fields,
            });
        }
    }
    let new_keys: std::collections::HashSet<&str> = new.iter().map(|it| it.key.as_str()).collect();
    for item in old.iter().filter(|it| !new_keys.contains(it.key.as_str())) {
        out.push(Change {
            kind: ChangeKind::Removed,
            subject: item.subject.clone(),
            place: item.container.clone(),
            fields: item
                .fields
                .iter()
                .map(|(f, v)| FieldChange {
                    field: *f,
                    old: Some(v.clone()),
                    new: None,
                })
                .collect(),
        });
    }
    out
}

/// Which items of `new` changed their order within their container: those
/// outside a longest run that kept its relative order (so one step moved
/// down reports that step, not every step it passed).
fn reordered(old: &[Item], new: &[Item], old_at: &HashMap<&str, usize>) -> Vec<bool> {
    let mut moved = vec![false; new.len()];
    let mut containers: Vec<&Place> = new.iter().map(|it| &it.container).collect();
    containers.dedup();
    for container in containers {
        // Items kept in the same container, in the new order, with their
        // old positions.
        let kept: Vec<(usize, usize)> = new
            .iter()
            .enumerate()
            .filter(|(_, it)| it.container == *container)
            .filter_map(|(i, it)| {
                let &j = old_at.get(it.key.as_str())?;
                (old[j].container == *container).then_some((i, j))
            })
            .collect();
        let olds: Vec<usize> = kept.iter().map(|&(_, j)| j).collect();
        let stay = longest_increasing(&olds);
        for (k, &(i, _)) in kept.iter().enumerate() {
            if !stay[k] {
                moved[i] = true;
            }
        }
    }
    moved
}

/// Marks the members of one longest strictly increasing subsequence.
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    // Patience sorting: tails[k] is the index of the smallest tail of an
    // increasing run of length k + 1; prev links each element to its run.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let k = tails.partition_point(|&t| xs[t] < x);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; xs.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = prev[i];
    }
    keep
}

/// The item before this one in its container; `None` when it is first.
fn neighbour(items: &[Item], i: usize) -> Option<Name> {
    let container = &items[i].container;
    items[..i]
        .iter()
        .rev()
        .find(|it| it.container == *container)
        .map(|before| before.name.clone())
}

fn meta(d: &PlanDoc) -> Vec<Item> {
    let m = &d.meta;
    vec![
        Item::new("meta", Subject::Plan, Place::Nowhere)
            .text(Field::Title, &m.title)
            .text(Field::Organisation, &m.organisation)
            .text(Field::Version, &m.version)
            .text(Field::Effective, m.effective.to_string())
            .text(Field::Owner, &m.owner)
            .text(Field::Approver, &m.approver)
            .text(Field::Language, &m.language)
            .text(
                Field::LevelScheme,
                match d.level_scheme {
                    Some(LevelScheme::National) => "National",
                    None => "",
                },
            ),
    ]
}

fn revisions(d: &PlanDoc) -> Vec<Item> {
    d.revisions
        .iter()
        .map(|r| {
            Item::new(
                &r.version,
                Subject::Revision(r.version.clone()),
                Place::Nowhere,
            )
            .text(Field::Date, r.date.to_string())
            .text(Field::Author, &r.author)
            .text(Field::Changes, &r.changes)
        })
        .collect()
}

fn text(d: &PlanDoc) -> Vec<Item> {
    let mut out = Vec::new();
    for c in &d.chapters {
        out.push(
            Item::new(
                c.id.as_str(),
                Subject::Chapter {
                    id: c.id.clone(),
                    title: c.title.clone(),
                },
                Place::Nowhere,
            )
            .text(Field::Title, &c.title)
            .text(Field::Text, c.intro.join("\n")),
        );
        for s in &c.sections {
            out.push(
                Item::new(
                    s.id.as_str(),
                    Subject::Section {
                        id: s.id.clone(),
                        title: s.title.clone(),
                    },
                    Place::Chapter(c.id.clone()),
                )
                .text(Field::Title, &s.title)
                .text(Field::Text, s.paragraphs.join("\n")),
            );
        }
    }
    out
}

fn organisation(d: &PlanDoc) -> Vec<Item> {
    let units = d.units.iter().map(|u| {
        Item::named(
            format!("u:{}", u.id.as_str()),
            Name::Unit(u.id.clone()),
            Subject::Unit {
                id: u.id.clone(),
                name: u.name.clone(),
            },
            Place::Units,
        )
        .text(Field::Name, &u.name)
        .text(
            Field::PartOf,
            u.parent
                .as_ref()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
        )
        .text(Field::Description, &u.description)
    });
    let roles = d.roles.iter().map(|r| {
        Item::named(
            format!("r:{}", r.id.as_str()),
            Name::Role(r.id.clone()),
            Subject::Role {
                id: r.id.clone(),
                name: r.name.clone(),
            },
            Place::Roles,
        )
        .text(Field::Name, &r.name)
        .text(Field::Unit, r.unit.as_str())
        .text(Field::Holder, r.holder.as_str())
        .text(
            Field::Deputies,
            list(r.deputies.iter().map(PersonId::as_str)),
        )
        .text(Field::Duties, r.duties.join("\n"))
    });
    units.chain(roles).collect()
}

fn contact_fields(mut item: Item, c: &Contact) -> Item {
    for (field, value) in [
        (Field::Mobile, &c.mobile),
        (Field::OfficePhone, &c.office),
        (Field::Im, &c.im),
        (Field::Email, &c.email),
        (Field::Location, &c.location),
    ] {
        item = item.text(field, value.clone().unwrap_or_default());
    }
    item
}

fn people(d: &PlanDoc) -> Vec<Item> {
    d.people
        .iter()
        .map(|p| {
            let item = Item::new(
                p.id.as_str(),
                Subject::Person {
                    id: p.id.clone(),
                    name: p.name.clone(),
                },
                Place::Nowhere,
            )
            .text(Field::Name, &p.name)
            .text(Field::JobTitle, &p.title);
            contact_fields(item, &p.contact)
        })
        .collect()
}

fn externals(d: &PlanDoc) -> Vec<Item> {
    d.externals
        .iter()
        .map(|e| {
            let item = Item::new(
                e.id.as_str(),
                Subject::Contact {
                    id: e.id.clone(),
                    name: e.name.clone(),
                },
                Place::Nowhere,
            )
            .text(Field::Name, &e.name)
            .text(Field::Kind, as_written(&e.kind));
            contact_fields(item, &e.contact).text(Field::Notes, &e.notes)
        })
        .collect()
}

/// A choice of the plan's format (a colour, a kind, an audience) as the
/// file writes it: the format's own word, the same in every language.
fn as_written(choice: &impl std::fmt::Debug) -> String {
    format!("{choice:?}")
}

fn warnings(d: &PlanDoc) -> Vec<Item> {
    let signals = d.signals.iter().map(|s| {
        Item::named(
            format!("s:{}", s.id.as_str()),
            Name::Signal(s.id.clone()),
            Subject::Signal {
                id: s.id.clone(),
                name: s.name.clone(),
            },
            Place::Signals,
        )
        .text(Field::Name, &s.name)
        .text(Field::Source, &s.source)
        .text(Field::Threshold, &s.threshold)
        .text(
            Field::SuggestsLevel,
            s.suggests
                .as_ref()
                .map(|l| l.as_str().to_owned())
                .unwrap_or_default(),
        )
    });
    let warnings = d.warnings.iter().map(|w| {
        Item::named(
            format!("w:{}", w.level.as_str()),
            Name::Warning(w.level.clone()),
            Subject::Warning {
                level: w.level.clone(),
                name: w.name.clone(),
            },
            Place::Warnings,
        )
        .text(Field::Name, &w.name)
        .text(Field::Colour, as_written(&w.colour))
        .text(Field::Triggers, w.triggers.join("\n"))
        .text(Field::Measures, w.measures.join("\n"))
        .text(Field::IssuedBy, w.issued_by.as_str())
        .text(Field::LiftedBy, w.lifted_by.as_str())
    });
    signals.chain(warnings).collect()
}

fn levels(d: &PlanDoc) -> Vec<Item> {
    d.levels
        .iter()
        .map(|l| {
            let item = Item::new(
                l.id.as_str(),
                Subject::Level {
                    id: l.id.clone(),
                    name: l.name.clone(),
                },
                Place::Nowhere,
            )
            .text(Field::Name, &l.name)
            .text(Field::Colour, as_written(&l.colour))
            .text(Field::Criteria, l.criteria.join("\n"))
            .text(
                Field::Activates,
                list(l.activates.iter().map(UnitId::as_str)),
            )
            .with(
                Field::InformWithin,
                Value::InformWithin(
                    l.inform
                        .iter()
                        .map(|i| (i.to.clone(), i.within_minutes.get()))
                        .collect(),
                ),
            );
            match l.update_every_minutes {
                Some(m) => item.with(Field::StatusUpdateEvery, Value::ExactMinutes(m.get())),
                None => item,
            }
        })
        .collect()
}

fn duties(d: &PlanDoc) -> Vec<Item> {
    let mut out = Vec::new();
    for l in &d.levels {
        for duty in &l.duties {
            let item = Item::new(
                format!("{}/{}", l.id.as_str(), duty.id.as_str()),
                Subject::Duty {
                    id: duty.id.clone(),
                    level: l.id.clone(),
                },
                Place::Level(l.id.clone()),
            )
            .text(Field::Text, &duty.text)
            .text(Field::Condition, duty.condition.clone().unwrap_or_default())
            .text(
                Field::When,
                duty.when.as_ref().map(condition).unwrap_or_default(),
            )
            .text(
                Field::ForClasses,
                list(duty.classes.iter().map(ClassId::as_str)),
            );
            let item = match &duty.to {
                Some(to) => item.with(Field::To, Value::Target(to.clone())),
                None => item,
            };
            out.push(
                item.with(
                    Field::TimeLimit,
                    Value::TimeLimit(duty.within_minutes.map(|m| (m.get(), duty.counts_from))),
                )
                .with(
                    Field::Basis,
                    match &duty.basis {
                        Basis::Law(law) => Value::Text(law.clone()),
                        Basis::Platform => Value::PlatformRule,
                    },
                ),
            );
        }
    }
    out
}

fn classes(d: &PlanDoc) -> Vec<Item> {
    let mut out = Vec::new();
    for c in &d.classes {
        out.push(
            Item::new(
                c.id.as_str(),
                Subject::Class {
                    id: c.id.clone(),
                    name: c.name.clone(),
                },
                Place::Classes,
            )
            .text(Field::Name, &c.name)
            .text(Field::Description, &c.description)
            .text(Field::Detection, c.detection.join("\n"))
            .text(Field::Examples, c.examples.join("\n")),
        );
        for q in &c.assessment {
            out.push(
                Item::new(
                    format!("{}/{}", c.id.as_str(), q.id.as_str()),
                    Subject::Question {
                        id: q.id.clone(),
                        class: c.id.clone(),
                    },
                    Place::Class(c.id.clone()),
                )
                .text(Field::Question, &q.text)
                .text(Field::SuggestsLevel, q.level.as_str()),
            );
        }
    }
    out
}

fn call_trees(d: &PlanDoc) -> Vec<Item> {
    fn walk(level: &LevelId, caller: &Target, calls: &[Call], out: &mut Vec<Item>) {
        for call in calls {
            // A callee named twice in one tree keeps its own key.
            let callee = target_key(&call.to);
            let mut key = format!("{}/{callee}", level.as_str());
            let mut n = 1;
            while out.iter().any(|it| it.key == key) {
                n += 1;
                key = format!("{}/{callee}#{n}", level.as_str());
            }
            let item = Item::named(
                key,
                Name::Target(call.to.clone()),
                Subject::Call {
                    to: call.to.clone(),
                    level: level.clone(),
                },
                Place::CalledBy {
                    level: level.clone(),
                    caller: caller.clone(),
                },
            );
            out.push(
                item.with(
                    Field::Within,
                    call.within_minutes
                        .map_or(Value::NoLimit, |m| Value::Minutes(m.get())),
                )
                .with(Field::Fallback, Value::Targets(call.fallback.clone())),
            );
            walk(level, &call.to, &call.calls, out);
        }
    }
    let mut out = Vec::new();
    for tree in &d.call_trees {
        let level = &tree.level;
        out.push(
            Item::named(
                level.as_str(),
                Name::Tree(level.clone()),
                Subject::CallTree {
                    level: level.clone(),
                },
                Place::Trees,
            )
            .with(Field::StartedBy, Value::Target(tree.root.clone())),
        );
        walk(level, &tree.root, &tree.calls, &mut out);
    }
    out
}

/// A call target's key: its kind and id (a role and a person may share an id).
fn target_key(t: &Target) -> String {
    match t {
        Target::Role(id) => format!("r:{}", id.as_str()),
        Target::Person(id) => format!("p:{}", id.as_str()),
        Target::External(id) => format!("e:{}", id.as_str()),
    }
}

fn steps(d: &PlanDoc) -> Vec<Item> {
    // The phases first: a step moved into a phase the revision adds reads
    // after the phase it moved into.
    let mut out: Vec<Item> = d
        .phases
        .iter()
        .map(|p| {
            Item::new(
                format!("phase:{}", p.id.as_str()),
                Subject::Phase {
                    id: p.id.clone(),
                    name: p.name.clone(),
                },
                Place::Phases,
            )
            .text(Field::Name, &p.name)
        })
        .collect();
    for phase in &d.phases {
        for s in &phase.steps {
            out.push(step(
                s,
                Place::CommonStep {
                    phase: phase.id.clone(),
                },
            ));
        }
    }
    for pr in &d.procedures {
        for s in &pr.steps {
            out.push(step(
                s,
                Place::ClassStep {
                    phase: s.phase.clone(),
                    class: pr.class.clone(),
                },
            ));
        }
    }
    out
}

fn step(s: &Step, container: Place) -> Item {
    Item::new(s.id.as_str(), Subject::Step(s.id.clone()), container)
        .text(Field::Text, &s.text)
        .text(Field::StepOwner, s.role.as_str())
        .with(Field::AppliesAt, Value::AppliesAt(s.min_level.clone()))
        .with(
            Field::Deadline,
            Value::Deadline(s.deadline_minutes.map(Minutes::get)),
        )
        .with(Field::Kind, Value::StepKind(s.kind.clone()))
        .text(
            Field::When,
            s.when.as_ref().map(condition).unwrap_or_default(),
        )
        .text(
            Field::ForClasses,
            list(s.classes.iter().map(ClassId::as_str)),
        )
        .text(
            Field::ExceptClasses,
            list(s.except_classes.iter().map(ClassId::as_str)),
        )
}

/// A condition as the plan file writes it: `AtLeast(step: "x", choice: "y")`.
fn condition(c: &Condition) -> String {
    let all = |cs: &[Condition]| cs.iter().map(condition).collect::<Vec<_>>().join(", ");
    match c {
        Condition::AtLeast { step, choice } => {
            format!(
                "AtLeast(step: {:?}, choice: {:?})",
                step.as_str(),
                choice.as_str()
            )
        }
        Condition::Chosen { step, any_of } => format!(
            "Chosen(step: {:?}, any_of: [{}])",
            step.as_str(),
            any_of
                .iter()
                .map(|c| format!("{:?}", c.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Condition::Answered { question, yes } => {
            format!("Answered(question: {:?}, yes: {yes})", question.as_str())
        }
        Condition::Decided { step, yes } => {
            format!("Decided(step: {:?}, yes: {yes})", step.as_str())
        }
        Condition::Any(cs) => format!("Any([{}])", all(cs)),
        Condition::All(cs) => format!("All([{}])", all(cs)),
    }
}

fn templates(d: &PlanDoc) -> Vec<Item> {
    d.templates
        .iter()
        .map(|t| {
            Item::new(
                t.id.as_str(),
                Subject::Template {
                    id: t.id.clone(),
                    name: t.name.clone(),
                },
                Place::Nowhere,
            )
            .text(Field::Name, &t.name)
            .text(Field::Audience, as_written(&t.audience))
            .text(Field::Channel, &t.channel)
            .text(Field::Subject, t.subject.clone().unwrap_or_default())
            .text(Field::Body, &t.body)
        })
        .collect()
}

fn readiness(d: &PlanDoc) -> Vec<Item> {
    let mut out = Vec::new();
    for e in &d.evacuation {
        out.push(
            Item::named(
                format!("e:{}", e.id.as_str()),
                Name::Evacuation(e.id.clone()),
                Subject::Evacuation {
                    id: e.id.clone(),
                    site: e.site.clone(),
                },
                Place::Evacuation,
            )
            .text(Field::Site, &e.site)
            .text(Field::Lead, e.lead.as_str())
            .text(Field::AssemblyPoint, &e.assembly_point)
            .text(Field::Steps, e.steps.join("\n")),
        );
    }
    for s in &d.supplies {
        out.push(
            Item::named(
                format!("s:{}", s.id.as_str()),
                Name::Supply(s.id.clone()),
                Subject::Supply {
                    id: s.id.clone(),
                    name: s.name.clone(),
                },
                Place::Supplies,
            )
            .text(Field::Name, &s.name)
            .text(Field::Quantity, &s.quantity)
            .text(Field::Location, &s.location)
            .text(Field::Keeper, s.keeper.as_str())
            .text(Field::Check, &s.check),
        );
    }
    for dr in &d.drills {
        out.push(
            Item::named(
                format!("d:{}", dr.id.as_str()),
                Name::Drill(dr.id.clone()),
                Subject::Drill {
                    id: dr.id.clone(),
                    name: dr.name.clone(),
                },
                Place::Drills,
            )
            .text(Field::Name, &dr.name)
            .text(Field::Kind, as_written(&dr.kind))
            .text(Field::Frequency, &dr.frequency)
            .text(Field::Scenario, &dr.scenario)
            .text(Field::Classes, list(dr.classes.iter().map(ClassId::as_str)))
            .with(
                Field::Targets,
                Value::DrillTargets(
                    dr.targets
                        .iter()
                        .map(|t| (t.what.clone(), t.within_minutes.get(), t.measure.clone()))
                        .collect(),
                ),
            )
            .text(Field::Criteria, dr.criteria.join("\n")),
        );
    }
    for t in &d.training {
        out.push(
            Item::named(
                format!("t:{}", t.id.as_str()),
                Name::Training(t.id.clone()),
                Subject::Training(t.id.clone()),
                Place::Training,
            )
            .text(Field::Audience, &t.audience)
            .text(Field::Topic, &t.topic)
            .text(Field::Frequency, &t.frequency)
            .text(Field::Assessment, &t.assessment),
        );
    }
    out
}

fn list<S: AsRef<str>>(items: impl Iterator<Item = S>) -> String {
    items
        .map(|s| s.as_ref().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line of a multi-line field that changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineChange<'a> {
    /// In the old text only.
    Removed(&'a str),
    /// In the new text only.
    Added(&'a str),
}

/// The lines (paragraphs, criteria, duties) that differ between two
/// multi-line values, in order, leaving out those both share: an approver
/// reads the one paragraph that changed, not the chapter around it.
#[must_use]
pub fn line_changes<'a>(old: &'a str, new: &'a str) -> Vec<LineChange<'a>> {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    // Longest common subsequence of lines, by dynamic programming: a plan's
    // fields have tens of lines, not thousands.
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // What went comes before what replaced it.
            out.push(LineChange::Removed(a[i]));
            i += 1;
        } else {
            out.push(LineChange::Added(b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_paragraph_that_changed_is_shown() {
        use LineChange::{Added, Removed};
        let got = line_changes("a\nb\nc\nd", "a\nB\nc\nd\ne");
        assert_eq!(got, [Removed("b"), Added("B"), Added("e")]);
    }

    #[test]
    fn one_item_moved_down_is_the_only_one_reported_moved() {
        let keep = longest_increasing(&[1, 2, 0, 3, 4]);
        assert_eq!(keep, [true, true, false, true, true]);
    }
}
