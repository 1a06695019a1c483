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
    Basis, Call, Colour, Contact, CountsFrom, ExternalKind, InformWhom, PlanDoc, Step, StepKind,
    Target, ValueKind,
};
use crate::model::ids::{ClassId, PersonId, UnitId};

/// What changed between two plans.
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// Steps, common and per class.
    Steps,
    /// Message templates.
    Templates,
    /// Evacuation, supplies, drills and training.
    Readiness,
}

impl Topic {
    /// The heading of the topic.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Meta => "Plan",
            Self::Revisions => "Revision history",
            Self::Text => "Text",
            Self::Organisation => "Organisation",
            Self::People => "People and phone numbers",
            Self::Contacts => "External contacts",
            Self::Warnings => "Signals and warnings",
            Self::Levels => "Response levels",
            Self::Duties => "Reporting duties",
            Self::Classes => "Fault classes",
            Self::CallTrees => "Call trees",
            Self::Steps => "Steps",
            Self::Templates => "Message templates",
            Self::Readiness => "Evacuation, supplies, drills and training",
        }
    }
}

/// One thing added, removed or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// What happened to it.
    pub kind: ChangeKind,
    /// What it is, such as `step net-switch-cdn`.
    pub subject: String,
    /// Where it sits in the new plan (or sat, when removed), such as
    /// `phase contain, procedure network`; empty where that says nothing.
    pub place: String,
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's name, such as `owner`.
    pub field: &'static str,
    /// The old value.
    pub old: Option<String>,
    /// The new value.
    pub new: Option<String>,
}

/// A thing of the plan, flattened for comparison.
struct Item {
    key: String,
    /// How it is named where its place among others is told: the key,
    /// unless that carries more than a reader needs.
    name: String,
    subject: String,
    /// The container: a move between containers is a change of place.
    container: String,
    fields: Vec<(&'static str, String)>,
}

impl Item {
    fn new(
        key: impl Into<String>,
        subject: impl Into<String>,
        container: impl Into<String>,
    ) -> Self {
        let key = key.into();
        Self {
            name: key.clone(),
            key,
            subject: subject.into(),
            container: container.into(),
            fields: Vec::new(),
        }
    }

    fn with(mut self, field: &'static str, value: impl Into<String>) -> Self {
        let value = value.into();
        if !value.is_empty() {
            self.fields.push((field, value));
        }
        self
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
                        field: f,
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
                field: "place",
                old: Some(was.container.clone()),
                new: Some(item.container.clone()),
            });
        } else if moved[i] {
            fields.push(FieldChange {
                field: "order",
                old: Some(neighbours(old, j)),
                new: Some(neighbours(new, i)),
            });
        }
        let names = was
            .fields
            .iter()
            .map(|(f, _)| *f)
            .chain(item.fields.iter().map(|(f, _)| *f));
        let mut seen: Vec<&'static str> = Vec::new();
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
                    field: f,
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
    let mut containers: Vec<&str> = new.iter().map(|it| it.container.as_str()).collect();
    containers.dedup();
    for container in containers {
        // Items kept in the same container, in the new order, with their
        // old positions.
        let kept: Vec<(usize, usize)> = new
            .iter()
            .enumerate()
            .filter(|(_, it)| it.container == container)
            .filter_map(|(i, it)| {
                let &j = old_at.get(it.key.as_str())?;
                (old[j].container == container).then_some((i, j))
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

/// "after X" / "first": where an item sits among its container's items.
fn neighbours(items: &[Item], i: usize) -> String {
    let container = &items[i].container;
    match items[..i]
        .iter()
        .rev()
        .find(|it| it.container == *container)
    {
        Some(before) => format!("after {}", before.name),
        None => "first".to_owned(),
    }
}

fn meta(d: &PlanDoc) -> Vec<Item> {
    let m = &d.meta;
    vec![
        Item::new("meta", "the plan", "")
            .with("title", &m.title)
            .with("organisation", &m.organisation)
            .with("version", &m.version)
            .with("effective", m.effective.to_string())
            .with("owner", &m.owner)
            .with("approver", &m.approver)
            .with("language", &m.language),
    ]
}

fn revisions(d: &PlanDoc) -> Vec<Item> {
    d.revisions
        .iter()
        .map(|r| {
            Item::new(&r.version, format!("revision {}", r.version), "")
                .with("date", r.date.to_string())
                .with("author", &r.author)
                .with("changes", &r.changes)
        })
        .collect()
}

fn text(d: &PlanDoc) -> Vec<Item> {
    let mut out = Vec::new();
    for c in &d.chapters {
        out.push(
            Item::new(
                c.id.as_str(),
                format!("chapter {} {}", c.id.as_str(), c.title),
                "",
            )
            .with("title", &c.title)
            .with("text", c.intro.join("\n")),
        );
        for s in &c.sections {
            out.push(
                Item::new(
                    s.id.as_str(),
                    format!("section {} {}", s.id.as_str(), s.title),
                    format!("chapter {}", c.id.as_str()),
                )
                .with("title", &s.title)
                .with("text", s.paragraphs.join("\n")),
            );
        }
    }
    out
}

fn organisation(d: &PlanDoc) -> Vec<Item> {
    let units = d.units.iter().map(|u| {
        Item::new(
            format!("unit {}", u.id.as_str()),
            format!("unit {} {}", u.id.as_str(), u.name),
            "units",
        )
        .with("name", &u.name)
        .with(
            "part of",
            u.parent
                .as_ref()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
        )
        .with("description", &u.description)
    });
    let roles = d.roles.iter().map(|r| {
        Item::new(
            format!("role {}", r.id.as_str()),
            format!("role {} {}", r.id.as_str(), r.name),
            "roles",
        )
        .with("name", &r.name)
        .with("unit", r.unit.as_str())
        .with("holder", r.holder.as_str())
        .with("deputies", list(r.deputies.iter().map(PersonId::as_str)))
        .with("duties", r.duties.join("\n"))
    });
    units.chain(roles).collect()
}

fn contact_fields(mut item: Item, c: &Contact) -> Item {
    for (field, value) in [
        ("mobile", &c.mobile),
        ("office phone", &c.office),
        ("IM", &c.im),
        ("e-mail", &c.email),
        ("location", &c.location),
    ] {
        item = item.with(field, value.clone().unwrap_or_default());
    }
    item
}

fn people(d: &PlanDoc) -> Vec<Item> {
    d.people
        .iter()
        .map(|p| {
            let item = Item::new(
                p.id.as_str(),
                format!("person {} {}", p.id.as_str(), p.name),
                "",
            )
            .with("name", &p.name)
            .with("title", &p.title);
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
                format!("contact {} {}", e.id.as_str(), e.name),
                "",
            )
            .with("name", &e.name)
            .with("kind", external_kind(&e.kind));
            contact_fields(item, &e.contact).with("notes", &e.notes)
        })
        .collect()
}

fn external_kind(k: &ExternalKind) -> String {
    format!("{k:?}")
}

fn warnings(d: &PlanDoc) -> Vec<Item> {
    let signals = d.signals.iter().map(|s| {
        Item::new(
            format!("signal {}", s.id.as_str()),
            format!("signal {} {}", s.id.as_str(), s.name),
            "signals",
        )
        .with("name", &s.name)
        .with("source", &s.source)
        .with("threshold", &s.threshold)
        .with(
            "suggests level",
            s.suggests
                .as_ref()
                .map(|l| l.as_str().to_owned())
                .unwrap_or_default(),
        )
    });
    let warnings = d.warnings.iter().map(|w| {
        Item::new(
            format!("warning {}", w.level.as_str()),
            format!("warning for level {} {}", w.level.as_str(), w.name),
            "warnings",
        )
        .with("name", &w.name)
        .with("colour", colour(w.colour))
        .with("triggers", w.triggers.join("\n"))
        .with("measures", w.measures.join("\n"))
        .with("issued by", w.issued_by.as_str())
        .with("lifted by", w.lifted_by.as_str())
    });
    signals.chain(warnings).collect()
}

fn colour(c: Colour) -> String {
    format!("{c:?}")
}

fn levels(d: &PlanDoc) -> Vec<Item> {
    d.levels
        .iter()
        .map(|l| {
            Item::new(
                l.id.as_str(),
                format!("level {} {}", l.id.as_str(), l.name),
                "",
            )
            .with("name", &l.name)
            .with("colour", colour(l.colour))
            .with("criteria", l.criteria.join("\n"))
            .with("activates", list(l.activates.iter().map(UnitId::as_str)))
            .with(
                "inform within",
                join_lines(
                    l.inform
                        .iter()
                        .map(|i| format!("{} {} min", target(&i.to), i.within_minutes.get())),
                ),
            )
            .with(
                "status update every",
                l.update_every_minutes
                    .map(|m| format!("{} min", m.get()))
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn duties(d: &PlanDoc) -> Vec<Item> {
    let mut out = Vec::new();
    for l in &d.levels {
        for duty in &l.duties {
            let limit = duty.within_minutes.map(|m| {
                let from = match duty.counts_from {
                    CountsFrom::Declaration => "the declaration",
                    CountsFrom::Discovery => "the discovery",
                    CountsFrom::Closing => "the close",
                };
                format!("{} from {from}", minutes(m.get()))
            });
            out.push(
                Item::new(
                    format!("{}/{}", l.id.as_str(), duty.id.as_str()),
                    format!("duty {} at level {}", duty.id.as_str(), l.id.as_str()),
                    format!("level {}", l.id.as_str()),
                )
                .with("text", &duty.text)
                .with("condition", duty.condition.clone().unwrap_or_default())
                .with("to", duty.to.as_ref().map(target).unwrap_or_default())
                .with("time limit", limit.unwrap_or_else(|| "none".to_owned()))
                .with(
                    "basis",
                    match &duty.basis {
                        Basis::Law(law) => law.clone(),
                        Basis::Platform => "the platform's own rule".to_owned(),
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
                format!("class {} {}", c.id.as_str(), c.name),
                "classes",
            )
            .with("name", &c.name)
            .with("description", &c.description)
            .with("detection", c.detection.join("\n"))
            .with("examples", c.examples.join("\n")),
        );
        for q in &c.assessment {
            out.push(
                Item::new(
                    format!("{}/{}", c.id.as_str(), q.id.as_str()),
                    format!(
                        "assessment question {} of class {}",
                        q.id.as_str(),
                        c.id.as_str()
                    ),
                    format!("class {}", c.id.as_str()),
                )
                .with("question", &q.text)
                .with("suggests level", q.level.as_str()),
            );
        }
    }
    out
}

fn call_trees(d: &PlanDoc) -> Vec<Item> {
    fn walk(level: &str, caller: &str, calls: &[Call], out: &mut Vec<Item>) {
        for call in calls {
            let callee = target(&call.to);
            // A callee named twice in one tree keeps its own key.
            let mut key = format!("{level}/{callee}");
            let mut n = 1;
            while out.iter().any(|it| it.key == key) {
                n += 1;
                key = format!("{level}/{callee}#{n}");
            }
            let mut item = Item::new(
                key,
                format!("call to {callee} at level {level}"),
                format!("level {level}, called by {caller}"),
            );
            item.name.clone_from(&callee);
            out.push(
                item.with(
                    "within",
                    call.within_minutes
                        .map(|m| minutes(m.get()))
                        .unwrap_or_else(|| "no limit".to_owned()),
                )
                .with("fallback", list(call.fallback.iter().map(target))),
            );
            walk(level, &callee, &call.calls, out);
        }
    }
    let mut out = Vec::new();
    for tree in &d.call_trees {
        let level = tree.level.as_str();
        out.push(
            Item::new(
                format!("{level}/root"),
                format!("call tree of level {level}"),
                "trees",
            )
            .with("started by", target(&tree.root)),
        );
        walk(level, &target(&tree.root), &tree.calls, &mut out);
    }
    out
}

fn steps(d: &PlanDoc) -> Vec<Item> {
    let mut out = Vec::new();
    for phase in &d.phases {
        for s in &phase.steps {
            out.push(step(s, format!("phase {}, every class", phase.id.as_str())));
        }
    }
    for pr in &d.procedures {
        for s in &pr.steps {
            let phase = s.phase.as_ref().map_or("?", |p| p.as_str());
            out.push(step(
                s,
                format!("phase {phase}, class {}", pr.class.as_str()),
            ));
        }
    }
    out
}

fn step(s: &Step, container: String) -> Item {
    Item::new(s.id.as_str(), format!("step {}", s.id.as_str()), container)
        .with("text", &s.text)
        .with("owner", s.role.as_str())
        .with(
            "applies at",
            s.min_level.as_ref().map_or_else(
                || "every level".to_owned(),
                |l| format!("level {} and above", l.as_str()),
            ),
        )
        .with(
            "deadline",
            s.deadline_minutes.map_or_else(
                || "none".to_owned(),
                |m| format!("{} after the declaration", minutes(m.get())),
            ),
        )
        .with("kind", step_kind(&s.kind))
}

fn step_kind(k: &StepKind) -> String {
    match k {
        StepKind::Action => "action".to_owned(),
        StepKind::Check => "check".to_owned(),
        StepKind::Decision { question, yes, no } => {
            format!(
                "decision: {question} yes → {}, no → {}",
                yes.as_str(),
                no.as_str()
            )
        }
        StepKind::Inform(InformWhom::CallTree) => "inform: the level's call tree".to_owned(),
        StepKind::Inform(InformWhom::Contacts(list_)) => {
            format!("inform: {}", list(list_.iter().map(target)))
        }
        StepKind::Communicate { template } => format!("send template {}", template.as_str()),
        StepKind::Record { key, label, value } => format!(
            "record {{{key}}}: {label} ({})",
            match value {
                ValueKind::Count => "a number",
                ValueKind::Text => "text",
            }
        ),
    }
}

fn templates(d: &PlanDoc) -> Vec<Item> {
    d.templates
        .iter()
        .map(|t| {
            Item::new(
                t.id.as_str(),
                format!("template {} {}", t.id.as_str(), t.name),
                "",
            )
            .with("name", &t.name)
            .with("audience", format!("{:?}", t.audience))
            .with("channel", &t.channel)
            .with("subject", t.subject.clone().unwrap_or_default())
            .with("body", &t.body)
        })
        .collect()
}

fn readiness(d: &PlanDoc) -> Vec<Item> {
    let mut out = Vec::new();
    for e in &d.evacuation {
        out.push(
            Item::new(
                format!("evacuation {}", e.id.as_str()),
                format!("evacuation {} {}", e.id.as_str(), e.site),
                "evacuation",
            )
            .with("site", &e.site)
            .with("lead", e.lead.as_str())
            .with("assembly point", &e.assembly_point)
            .with("steps", e.steps.join("\n")),
        );
    }
    for s in &d.supplies {
        out.push(
            Item::new(
                format!("supply {}", s.id.as_str()),
                format!("supply {} {}", s.id.as_str(), s.name),
                "supplies",
            )
            .with("name", &s.name)
            .with("quantity", &s.quantity)
            .with("location", &s.location)
            .with("keeper", s.keeper.as_str())
            .with("check", &s.check),
        );
    }
    for dr in &d.drills {
        out.push(
            Item::new(
                format!("drill {}", dr.id.as_str()),
                format!("drill {} {}", dr.id.as_str(), dr.name),
                "drills",
            )
            .with("name", &dr.name)
            .with("kind", format!("{:?}", dr.kind))
            .with("frequency", &dr.frequency)
            .with("scenario", &dr.scenario)
            .with("classes", list(dr.classes.iter().map(ClassId::as_str)))
            .with(
                "targets",
                dr.targets
                    .iter()
                    .map(|t| {
                        let limit = minutes(t.within_minutes.get());
                        match &t.measure {
                            Some(m) => format!("{}: {limit}, measured by {m:?}", t.what),
                            None => format!("{}: {limit}", t.what),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
            .with("criteria", dr.criteria.join("\n")),
        );
    }
    for t in &d.training {
        out.push(
            Item::new(
                format!("training {}", t.id.as_str()),
                format!("training {}", t.id.as_str()),
                "training",
            )
            .with("audience", &t.audience)
            .with("topic", &t.topic)
            .with("frequency", &t.frequency)
            .with("assessment", &t.assessment),
        );
    }
    out
}

/// A target as the plan file names it: `role tech-lead`.
fn target(t: &Target) -> String {
    match t {
        Target::Role(id) => format!("role {}", id.as_str()),
        Target::Person(id) => format!("person {}", id.as_str()),
        Target::External(id) => format!("contact {}", id.as_str()),
    }
}

/// One item per line, so a change shows as the lines that changed.
fn join_lines<S: AsRef<str>>(items: impl Iterator<Item = S>) -> String {
    items
        .map(|s| s.as_ref().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn list<S: AsRef<str>>(items: impl Iterator<Item = S>) -> String {
    items
        .map(|s| s.as_ref().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Minutes as an approver reads them: `15 min`, `4 h`, `30 days`.
fn minutes(m: i64) -> String {
    const DAY: i64 = 24 * 60;
    if m >= DAY && m % DAY == 0 {
        let days = m / DAY;
        format!("{days} day{}", if days == 1 { "" } else { "s" })
    } else if m >= 120 && m % 60 == 0 {
        format!("{} h", m / 60)
    } else {
        format!("{m} min")
    }
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

    #[test]
    fn minutes_read_as_days_hours_or_minutes() {
        assert_eq!(minutes(43200), "30 days");
        assert_eq!(minutes(240), "4 h");
        assert_eq!(minutes(1440), "1 day");
        assert_eq!(minutes(45), "45 min");
        assert_eq!(minutes(90), "90 min");
        assert_eq!(minutes(60), "60 min");
    }
}
