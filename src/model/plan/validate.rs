//! The checks ron cannot make: ids, references, cycles, flow, numbers.
//!
//! Every rule runs over the whole document and reports every problem it
//! finds, so an author fixes a plan in one pass rather than one error at a
//! time. Each diagnostic names the path of the offending value; the caller
//! turns paths into line and column with [`super::locate`].

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use super::diagnostic::{Diagnostic, DocPath};
use super::doc::{
    Call, CallTree, Condition, FORMAT_VERSION, InformWhom, Milestone, Minutes, PlanDoc, Step,
    StepKind, Target,
};
use super::flow::{FlowStep, class_flow};
use super::kind::{Branch, DiagnosticKind as K, IdKind};
use super::template::{
    BUILTIN_PLACEHOLDERS, RECORDED_PLACEHOLDERS, Stray, is_placeholder_name, placeholders_at,
};
use crate::model::ids::{ClassId, ItemId, StepId, UnitId, check_id_syntax};

/// The longest time limit the format accepts: one year, in minutes.
pub const MAX_MINUTES: i64 = 366 * 24 * 60;

/// How the file is written, where a hint should be written the same way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// The file turns on `implicit_some`: optional values are written on
    /// their own (`phase: "contain"`), not `Some("contain")`.
    pub implicit_some: bool,
}

/// Checks a document; returns every error and warning found, with hints
/// written as in a file without `implicit_some`.
#[must_use]
pub fn validate(doc: &PlanDoc) -> Vec<Diagnostic> {
    validate_written(doc, Written::default())
}

/// Checks a document written as `written` says; returns every error and
/// warning found.
#[must_use]
pub fn validate_written(doc: &PlanDoc, written: Written) -> Vec<Diagnostic> {
    let mut c = Checker::new(doc, written);
    c.format();
    c.ids();
    c.organisation();
    c.warnings_and_signals();
    c.levels();
    c.classes();
    c.call_trees();
    c.steps();
    c.conditions();
    c.flows();
    c.templates();
    c.chapter_eight_and_eleven();
    c.minutes();
    c.diags
}

/// How many of the ids a namespace defines an unknown reference lists,
/// closest to what was typed first.
const KNOWN_SHOWN: usize = 8;

/// Where each id was first defined, per namespace: the item's number in
/// the namespace and where it is written (`At`, nothing more when the
/// number is its place in one list). The path of an id is only worked out
/// when a diagnostic needs it: a large plan has tens of thousands of ids
/// and almost never a duplicate, and a path is a few allocations.
type Seen<'a, At = ()> = HashMap<&'a str, (usize, At)>;

struct Checker<'a> {
    doc: &'a PlanDoc,
    written: Written,
    diags: Vec<Diagnostic>,
    units: Seen<'a>,
    roles: Seen<'a>,
    people: Seen<'a>,
    externals: Seen<'a>,
    classes: Seen<'a>,
    levels: Seen<'a>,
    phases: Seen<'a>,
    templates: Seen<'a>,
    /// Every step id, common and of every procedure (one namespace), with
    /// where its first definition is written.
    steps: Seen<'a, FlowStep<'a>>,
}

fn root() -> DocPath {
    DocPath::root()
}

impl<'a> Checker<'a> {
    fn new(doc: &'a PlanDoc, written: Written) -> Self {
        Self {
            doc,
            written,
            diags: Vec::new(),
            units: HashMap::new(),
            roles: HashMap::new(),
            people: HashMap::new(),
            externals: HashMap::new(),
            classes: HashMap::new(),
            levels: HashMap::new(),
            phases: HashMap::new(),
            templates: HashMap::new(),
            steps: HashMap::new(),
        }
    }

    fn error(&mut self, path: DocPath, kind: K) {
        self.diags.push(Diagnostic::error(path, kind));
    }

    fn warn(&mut self, path: DocPath, kind: K) {
        self.diags.push(Diagnostic::warning(path, kind));
    }

    fn format(&mut self) {
        if self.doc.format != FORMAT_VERSION {
            self.error(
                root().field("format"),
                K::FormatVersion {
                    found: self.doc.format,
                    supported: FORMAT_VERSION,
                },
            );
        }
        if self.doc.meta.title.trim().is_empty() {
            self.error(root().field("meta").field("title"), K::NoTitle);
        }
    }

    /// Checks the syntax of an id and records it in a namespace, reporting
    /// duplicates. Returns nothing: later checks look ids up in the namespace.
    ///
    /// The id is the `index`th of the namespace and written at `at`; `path`
    /// gives the path of the id of an item from those two, and is only
    /// called for a diagnostic (for the item itself and, for a duplicate,
    /// for the first definition too).
    #[allow(clippy::too_many_arguments)] // Each is one fact about the id.
    fn define<At: Copy>(
        diags: &mut Vec<Diagnostic>,
        seen: &mut Seen<'a, At>,
        what: IdKind,
        id: &'a str,
        index: usize,
        at: At,
        path: impl Fn(usize, At) -> DocPath,
    ) {
        if let Err(problem) = check_id_syntax(id) {
            diags.push(Diagnostic::error(
                path(index, at),
                K::BadId {
                    id: id.to_owned(),
                    problem,
                },
            ));
        }
        match seen.entry(id) {
            Entry::Occupied(first) => {
                let &(first, first_at) = first.get();
                diags.push(
                    Diagnostic::error(
                        path(index, at),
                        K::DuplicateId {
                            what,
                            id: id.to_owned(),
                            first_item: first + 1,
                            first_at: None,
                        },
                    )
                    .related_to(path(first, first_at)),
                );
            }
            Entry::Vacant(v) => {
                v.insert((index, at));
            }
        }
    }

    /// Defines the ids of every item of a top-level list.
    fn define_list<T>(
        diags: &mut Vec<Diagnostic>,
        seen: &mut Seen<'a>,
        what: IdKind,
        field: &'static str,
        items: &'a [T],
        id: impl Fn(&'a T) -> &'a str,
    ) {
        seen.reserve(items.len());
        let path = |i: usize, ()| root().field(field).index(i, None).field("id");
        for (i, item) in items.iter().enumerate() {
            Self::define(diags, seen, what, id(item), i, (), path);
        }
    }

    #[allow(clippy::too_many_lines)] // One flat list of namespaces reads best.
    fn ids(&mut self) {
        let doc = self.doc;
        let d = &mut self.diags;
        Self::define_list(d, &mut self.units, IdKind::Unit, "units", &doc.units, |x| {
            x.id.as_str()
        });
        Self::define_list(d, &mut self.roles, IdKind::Role, "roles", &doc.roles, |x| {
            x.id.as_str()
        });
        Self::define_list(
            d,
            &mut self.people,
            IdKind::Person,
            "people",
            &doc.people,
            |x| x.id.as_str(),
        );
        Self::define_list(
            d,
            &mut self.externals,
            IdKind::External,
            "externals",
            &doc.externals,
            |x| x.id.as_str(),
        );
        Self::define_list(
            d,
            &mut self.phases,
            IdKind::Phase,
            "phases",
            &doc.phases,
            |x| x.id.as_str(),
        );
        Self::define_list(
            d,
            &mut self.templates,
            IdKind::Template,
            "templates",
            &doc.templates,
            |x| x.id.as_str(),
        );
        // Each class's id, then the ids of its questions (a namespace of
        // their own), in the order they are written.
        let class_path = |i: usize, ()| root().field("classes").index(i, None).field("id");
        for (i, x) in doc.classes.iter().enumerate() {
            Self::define(
                d,
                &mut self.classes,
                IdKind::Class,
                x.id.as_str(),
                i,
                (),
                class_path,
            );
            let mut questions = HashMap::new();
            let path = |j: usize, ()| {
                root()
                    .field("classes")
                    .index(i, Some(x.id.as_str()))
                    .field("assessment")
                    .index(j, None)
                    .field("id")
            };
            for (j, q) in x.assessment.iter().enumerate() {
                Self::define(
                    d,
                    &mut questions,
                    IdKind::Question,
                    q.id.as_str(),
                    j,
                    (),
                    path,
                );
            }
        }
        let level_path = |i: usize, ()| root().field("levels").index(i, None).field("id");
        for (i, x) in doc.levels.iter().enumerate() {
            Self::define(
                d,
                &mut self.levels,
                IdKind::Level,
                x.id.as_str(),
                i,
                (),
                level_path,
            );
            let mut duties = HashMap::new();
            let path = |j: usize, ()| {
                root()
                    .field("levels")
                    .index(i, Some(x.id.as_str()))
                    .field("duties")
                    .index(j, None)
                    .field("id")
            };
            for (j, duty) in x.duties.iter().enumerate() {
                Self::define(d, &mut duties, IdKind::Duty, duty.id.as_str(), j, (), path);
            }
        }
        // Steps share one namespace across the common phases and every procedure.
        self.steps.reserve(steps_of(doc).count());
        let path = |_, fs: FlowStep<'_>| step_path(doc, &fs).field("id");
        for (n, fs) in placed(doc).enumerate() {
            Self::define(
                d,
                &mut self.steps,
                IdKind::Step,
                fs.step.id.as_str(),
                n,
                fs,
                path,
            );
        }
        // The plan text: chapters and sections share one namespace, each
        // written at its chapter and, for a section, its place in the chapter.
        let mut text = HashMap::new();
        let path = |_, (i, section): (usize, Option<usize>)| {
            let p = root().field("chapters").index(i, None);
            match section {
                None => p.field("id"),
                Some(j) => p.field("sections").index(j, None).field("id"),
            }
        };
        let mut n = 0;
        for (i, ch) in doc.chapters.iter().enumerate() {
            Self::define(
                d,
                &mut text,
                IdKind::Text,
                ch.id.as_str(),
                n,
                (i, None),
                path,
            );
            n += 1;
            for (j, s) in ch.sections.iter().enumerate() {
                Self::define(
                    d,
                    &mut text,
                    IdKind::Text,
                    s.id.as_str(),
                    n,
                    (i, Some(j)),
                    path,
                );
                n += 1;
            }
        }
        let lists: [(&'static str, IdKind, Vec<&'a str>); 5] = [
            (
                "signals",
                IdKind::Signal,
                doc.signals.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "supplies",
                IdKind::Supply,
                doc.supplies.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "drills",
                IdKind::Drill,
                doc.drills.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "training",
                IdKind::Training,
                doc.training.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "evacuation",
                IdKind::Evacuation,
                doc.evacuation.iter().map(|x| x.id.as_str()).collect(),
            ),
        ];
        for (field, what, ids) in lists {
            let mut seen = HashMap::new();
            let path = |i: usize, ()| root().field(field).index(i, None).field("id");
            for (i, id) in ids.into_iter().enumerate() {
                Self::define(d, &mut seen, what, id, i, (), path);
            }
        }
    }

    fn need(&mut self, ns: Namespace, id: &str, path: DocPath) -> bool {
        self.need_at(ns, id, false, || path)
    }

    /// Whether `id` is defined in the namespace; says why not when it is
    /// not. `path` is only called then: most references resolve, and the
    /// checks of a large plan follow tens of thousands. `target` says a
    /// role is expected as the target of a call or a notice (for a
    /// person's id given instead).
    fn need_at(
        &mut self,
        ns: Namespace,
        id: &str,
        target: bool,
        path: impl FnOnce() -> DocPath,
    ) -> bool {
        if self.namespace(ns).0.contains_key(id) {
            return true;
        }
        let path = path();
        if matches!(ns, Namespace::Role) && self.person_as_role(id, target, &path) {
            return false;
        }
        let (seen, what) = self.namespace(ns);
        let known: Vec<&str> = seen.keys().copied().collect();
        self.unknown(what, id, known, path);
        false
    }

    /// The ids a namespace defines, and what they are ids of.
    fn namespace(&self, ns: Namespace) -> (&Seen<'a>, IdKind) {
        match ns {
            Namespace::Unit => (&self.units, IdKind::Unit),
            Namespace::Role => (&self.roles, IdKind::Role),
            Namespace::Person => (&self.people, IdKind::Person),
            Namespace::External => (&self.externals, IdKind::External),
            Namespace::Class => (&self.classes, IdKind::Class),
            Namespace::Level => (&self.levels, IdKind::Level),
            Namespace::Phase => (&self.phases, IdKind::Phase),
            Namespace::Template => (&self.templates, IdKind::Template),
        }
    }

    /// A person's id where a role is expected: says so, with the roles the
    /// person holds. Returns whether it was one.
    fn person_as_role(&mut self, id: &str, target: bool, path: &DocPath) -> bool {
        let doc = self.doc;
        let Some(person) = doc.people.iter().find(|p| p.id.as_str() == id) else {
            return false;
        };
        let holds = doc
            .roles
            .iter()
            .filter(|r| r.holder == person.id)
            .map(|r| r.id.clone())
            .collect();
        self.error(
            path.clone(),
            K::PersonAsRole {
                person: person.id.clone(),
                holds,
                target,
            },
        );
        true
    }

    fn need_target(&mut self, target: &Target, path: &DocPath) {
        self.need_target_at(target, || path.clone());
    }

    /// [`Self::need_target`], with the path of the target worked out only
    /// for a diagnostic.
    fn need_target_at(&mut self, target: &Target, path: impl FnOnce() -> DocPath) {
        let path = || path().variant(0);
        let (ns, id) = match target {
            Target::Role(id) => (Namespace::Role, id.as_str()),
            Target::Person(id) => (Namespace::Person, id.as_str()),
            Target::External(id) => (Namespace::External, id.as_str()),
        };
        self.need_at(ns, id, true, path);
    }

    fn organisation(&mut self) {
        let doc = self.doc;
        if doc.units.is_empty() {
            self.error(root().field("units"), K::NoUnits);
        }
        for (i, u) in doc.units.iter().enumerate() {
            let p = root().field("units").index(i, Some(u.id.as_str()));
            if let Some(parent) = &u.parent {
                self.need(Namespace::Unit, parent.as_str(), p.field("parent"));
            }
        }
        // Cycles: follow parents from each unit; report each cycle once, at the
        // unit of the cycle that comes first in the list.
        let parent_of: HashMap<&str, &str> = doc
            .units
            .iter()
            .filter_map(|u| Some((u.id.as_str(), u.parent.as_ref()?.as_str())))
            .collect();
        let mut reported: HashSet<&str> = HashSet::new();
        for (i, u) in doc.units.iter().enumerate() {
            let mut chain = vec![u.id.as_str()];
            let mut at = u.id.as_str();
            while let Some(&next) = parent_of.get(at) {
                if next == u.id.as_str() {
                    if chain.iter().all(|c| !reported.contains(c)) {
                        reported.extend(chain.iter().copied());
                        chain.push(next);
                        self.error(
                            root()
                                .field("units")
                                .index(i, Some(u.id.as_str()))
                                .field("parent"),
                            K::UnitCycle {
                                chain: chain.iter().map(|&c| UnitId::new(c)).collect(),
                            },
                        );
                    }
                    break;
                }
                if chain.contains(&next) || chain.len() > doc.units.len() {
                    break;
                }
                chain.push(next);
                at = next;
            }
        }
        if !doc.units.is_empty()
            && doc.units.iter().all(|u| u.parent.is_some())
            && reported.is_empty()
        {
            self.error(root().field("units"), K::NoTopUnit);
        }
        if doc.roles.is_empty() {
            self.error(root().field("roles"), K::NoRoles);
        }
        for (i, r) in doc.roles.iter().enumerate() {
            let p = root().field("roles").index(i, Some(r.id.as_str()));
            self.need(Namespace::Unit, r.unit.as_str(), p.field("unit"));
            self.need(Namespace::Person, r.holder.as_str(), p.field("holder"));
            if r.name.trim().is_empty() {
                self.error(p.field("name"), K::RoleWithoutName);
            }
            let mut seen = HashSet::new();
            for (j, dep) in r.deputies.iter().enumerate() {
                let dp = p.field("deputies").index(j, None);
                self.need(Namespace::Person, dep.as_str(), dp.clone());
                if *dep == r.holder {
                    self.warn(
                        dp,
                        K::DeputyIsHolder {
                            person: dep.clone(),
                        },
                    );
                } else if !seen.insert(dep) {
                    self.warn(
                        dp,
                        K::DeputyTwice {
                            person: dep.clone(),
                        },
                    );
                }
            }
            if r.deputies.is_empty() {
                self.warn(p.field("deputies"), K::NoDeputy { role: r.id.clone() });
            }
            if r.duties.is_empty() {
                self.warn(p.field("duties"), K::NoDuties { role: r.id.clone() });
            }
        }
        for (i, x) in doc.people.iter().enumerate() {
            if !x.contact.has_phone() {
                self.warn(
                    root()
                        .field("people")
                        .index(i, Some(x.id.as_str()))
                        .field("contact"),
                    K::NoPhone {
                        name: x.name.clone(),
                        person: x.id.clone(),
                    },
                );
            }
        }
        for (i, x) in doc.externals.iter().enumerate() {
            let c = &x.contact;
            if !c.has_phone() && c.email.is_none() && c.im.is_none() {
                self.warn(
                    root()
                        .field("externals")
                        .index(i, Some(x.id.as_str()))
                        .field("contact"),
                    K::NoWayToReach {
                        name: x.name.clone(),
                        contact: x.id.clone(),
                    },
                );
            }
        }
    }

    fn warnings_and_signals(&mut self) {
        let doc = self.doc;
        let mut seen = HashSet::new();
        for (i, w) in doc.warnings.iter().enumerate() {
            let p = root().field("warnings").index(i, None);
            if self.need(Namespace::Level, w.level.as_str(), p.field("level"))
                && !seen.insert(&w.level)
            {
                self.error(
                    p.field("level"),
                    K::SecondWarning {
                        level: w.level.clone(),
                    },
                );
            }
            self.need(Namespace::Role, w.issued_by.as_str(), p.field("issued_by"));
            self.need(Namespace::Role, w.lifted_by.as_str(), p.field("lifted_by"));
        }
        for (i, s) in doc.signals.iter().enumerate() {
            if let Some(level) = &s.suggests {
                let p = root()
                    .field("signals")
                    .index(i, Some(s.id.as_str()))
                    .field("suggests");
                self.need(Namespace::Level, level.as_str(), p);
            }
        }
    }

    fn levels(&mut self) {
        let doc = self.doc;
        if doc.levels.is_empty() {
            self.error(root().field("levels"), K::NoLevels);
            return;
        }
        // Levels are ordered by their place in the list, most severe first.
        // Roman-numeral ids that contradict that order make it ambiguous.
        let numerals: Vec<Option<u32>> = doc.levels.iter().map(|l| roman(l.id.as_str())).collect();
        if numerals.iter().all(Option::is_some) {
            for (i, pair) in numerals.windows(2).enumerate() {
                if let [Some(a), Some(b)] = pair
                    && b <= a
                {
                    let l = &doc.levels[i + 1];
                    self.error(
                        root()
                            .field("levels")
                            .index(i + 1, Some(l.id.as_str()))
                            .field("id"),
                        K::LevelsOutOfOrder {
                            level: l.id.clone(),
                            after: doc.levels[i].id.clone(),
                        },
                    );
                }
            }
        }
        // The number of levels is the plan's own, unless it says it follows
        // a scheme with a fixed number.
        if let Some(scheme) = doc.level_scheme
            && doc.levels.len() != scheme.levels()
        {
            self.warn(
                root().field("levels"),
                K::LevelCount {
                    count: doc.levels.len(),
                },
            );
        }
        for (i, l) in doc.levels.iter().enumerate() {
            let p = root().field("levels").index(i, Some(l.id.as_str()));
            if l.criteria.is_empty() {
                self.error(
                    p.field("criteria"),
                    K::NoCriteria {
                        level: l.id.clone(),
                    },
                );
            }
            for (j, u) in l.activates.iter().enumerate() {
                self.need(
                    Namespace::Unit,
                    u.as_str(),
                    p.field("activates").index(j, None),
                );
            }
            for (j, inf) in l.inform.iter().enumerate() {
                self.need_target(&inf.to, &p.field("inform").index(j, None).field("to"));
            }
            for (j, duty) in l.duties.iter().enumerate() {
                if let Some(to) = &duty.to {
                    self.need_target(
                        to,
                        &p.field("duties")
                            .index(j, Some(duty.id.as_str()))
                            .field("to"),
                    );
                }
            }
            if !doc.call_trees.iter().any(|t| t.level == l.id) {
                self.warn(
                    p.field("id"),
                    K::NoCallTree {
                        level: l.id.clone(),
                    },
                );
            }
        }
    }

    fn classes(&mut self) {
        let doc = self.doc;
        if doc.classes.is_empty() {
            self.error(root().field("classes"), K::NoClasses);
        }
        for (i, c) in doc.classes.iter().enumerate() {
            let p = root().field("classes").index(i, Some(c.id.as_str()));
            for (j, q) in c.assessment.iter().enumerate() {
                self.need(
                    Namespace::Level,
                    q.level.as_str(),
                    p.field("assessment")
                        .index(j, Some(q.id.as_str()))
                        .field("level"),
                );
            }
            if c.assessment.is_empty() {
                self.warn(
                    p.field("assessment"),
                    K::NoAssessment {
                        class: c.id.clone(),
                    },
                );
            }
            if !doc.procedures.iter().any(|pr| pr.class == c.id) {
                self.error(
                    p.field("id"),
                    K::NoProcedure {
                        class: c.id.clone(),
                    },
                );
            }
        }
        let mut seen = HashSet::new();
        for (i, pr) in doc.procedures.iter().enumerate() {
            let p = root().field("procedures").index(i, Some(pr.class.as_str()));
            if self.need(Namespace::Class, pr.class.as_str(), p.field("class"))
                && !seen.insert(&pr.class)
            {
                self.error(
                    p.field("class"),
                    K::SecondProcedure {
                        class: pr.class.clone(),
                    },
                );
            }
            if pr.steps.is_empty() {
                self.error(
                    p.field("steps"),
                    K::EmptyProcedure {
                        class: pr.class.clone(),
                    },
                );
            }
        }
    }

    fn call_trees(&mut self) {
        let doc = self.doc;
        let mut seen = HashSet::new();
        for (i, tree) in doc.call_trees.iter().enumerate() {
            let p = root()
                .field("call_trees")
                .index(i, Some(tree.level.as_str()));
            if self.need(Namespace::Level, tree.level.as_str(), p.field("level"))
                && !seen.insert(&tree.level)
            {
                self.error(
                    p.field("level"),
                    K::SecondCallTree {
                        level: tree.level.clone(),
                    },
                );
            }
            self.need_target(&tree.root, &p.field("root"));
            if tree.calls.is_empty() {
                self.error(p.field("calls"), K::NoCalls);
            }
            self.call_list(
                tree,
                &tree.calls,
                &|| p.field("calls"),
                &mut vec![&tree.root],
            );
        }
    }

    /// The calls of a tree under `above`; `path` gives the path of the
    /// list, called only for a diagnostic (a tree may have thousands of
    /// calls).
    fn call_list(
        &mut self,
        tree: &'a CallTree,
        calls: &'a [Call],
        path: &dyn Fn() -> DocPath,
        above: &mut Vec<&'a Target>,
    ) {
        for (j, call) in calls.iter().enumerate() {
            let p = || path().index(j, None);
            self.need_target_at(&call.to, || p().field("to"));
            for (k, f) in call.fallback.iter().enumerate() {
                self.need_target_at(f, || p().field("fallback").index(k, None));
            }
            if above.contains(&&call.to) {
                let mut chain: Vec<Target> = above.iter().map(|&t| t.clone()).collect();
                chain.push(call.to.clone());
                self.error(
                    p().field("to"),
                    K::CallLoop {
                        level: tree.level.clone(),
                        chain,
                    },
                );
                continue;
            }
            above.push(&call.to);
            self.call_list(tree, &call.calls, &|| p().field("calls"), above);
            above.pop();
        }
    }

    fn steps(&mut self) {
        let doc = self.doc;
        if doc.phases.is_empty() {
            self.error(root().field("phases"), K::NoPhases);
        }
        // A step's path is worked out only for a diagnostic about it (a
        // large plan has ten thousand steps, almost all of them fine).
        for fs in placed(doc).filter(|fs| fs.procedure.is_none()) {
            let (step, phase) = (fs.step, &doc.phases[fs.phase]);
            let p = || step_path(doc, &fs);
            if let Some(named) = &step.phase
                && *named != phase.id
            {
                self.error(
                    p().field("phase"),
                    K::CommonStepPhase {
                        listed: phase.id.clone(),
                        named: named.clone(),
                    },
                );
            }
            if !step.classes.is_empty() && !step.except_classes.is_empty() {
                self.error(p().field("except_classes"), K::ClassesAndExcept);
            }
            let mut known = true;
            for (field, list) in [
                ("classes", &step.classes),
                ("except_classes", &step.except_classes),
            ] {
                for (k, class) in list.iter().enumerate() {
                    known &= self.need_at(Namespace::Class, class.as_str(), false, || {
                        p().field(field).index(k, None)
                    });
                }
            }
            // Every class left out: the step is in no response, and
            // would vanish from every checklist without a word.
            if known
                && step.classes.is_empty()
                && !step.except_classes.is_empty()
                && !doc.classes.is_empty()
                && doc.classes.iter().all(|c| !step.is_for(&c.id))
            {
                self.warn(p().field("except_classes"), K::StepInNoResponse);
            }
            self.step(step, p);
        }
        for (fs, pr) in placed(doc).filter_map(|fs| Some((fs, &doc.procedures[fs.procedure?]))) {
            let step = fs.step;
            let p = || step_path(doc, &fs);
            match &step.phase {
                Some(phase) => {
                    self.need_at(Namespace::Phase, phase.as_str(), false, || {
                        p().field("phase")
                    });
                }
                None => self.error(
                    p().field("id"),
                    K::StepWithoutPhase {
                        implicit_some: self.written.implicit_some,
                    },
                ),
            }
            for field in ["classes", "except_classes"] {
                let named = if field == "classes" {
                    &step.classes
                } else {
                    &step.except_classes
                };
                if !named.is_empty() {
                    self.error(
                        p().field(field),
                        K::ClassesOnClassStep {
                            class: pr.class.clone(),
                        },
                    );
                }
            }
            self.step(step, p);
        }
    }

    /// The checks every step has, common or of a procedure; `p` gives its
    /// path, called only for a diagnostic.
    fn step(&mut self, step: &Step, p: impl Fn() -> DocPath) {
        if step.text.trim().is_empty() {
            self.error(p().field("text"), K::StepWithoutText);
        }
        self.need_at(Namespace::Role, step.role.as_str(), false, || {
            p().field("role")
        });
        if let Some(level) = &step.min_level {
            self.need_at(Namespace::Level, level.as_str(), false, || {
                p().field("min_level")
            });
        }
        let kind = || p().field("kind");
        match &step.kind {
            StepKind::Action | StepKind::Check | StepKind::Inform(InformWhom::CallTree) => {}
            StepKind::Decision { yes, no, .. } => {
                for (branch, target) in [(Branch::Yes, yes), (Branch::No, no)] {
                    if !self.steps.contains_key(target.as_str()) {
                        self.error(
                            kind().field(branch.field()),
                            K::BranchToNowhere {
                                branch,
                                step: target.clone(),
                            },
                        );
                    }
                }
            }
            StepKind::Inform(InformWhom::Contacts(list)) => {
                if list.is_empty() {
                    self.error(kind(), K::InformWithoutContacts);
                }
                for (k, t) in list.iter().enumerate() {
                    self.need_target_at(t, || kind().variant(0).index(k, None));
                }
            }
            StepKind::Communicate { template } => {
                self.need_at(Namespace::Template, template.as_str(), false, || {
                    kind().field("template")
                });
            }
            StepKind::Record { key, label, .. } => {
                if !is_placeholder_name(key) {
                    self.error(kind().field("key"), K::BadRecordKey { key: key.clone() });
                }
                if label.trim().is_empty() {
                    self.error(kind().field("label"), K::RecordWithoutLabel);
                }
            }
        }
    }

    /// The choices record steps offer (ids unique within the step) and
    /// every condition on steps and duties: the step, choice, question or
    /// decision it depends on exists and is of the right kind; a duty's
    /// fault classes exist.
    fn conditions(&mut self) {
        let doc = self.doc;
        for fs in placed(doc) {
            let step = fs.step;
            if let StepKind::Record { choices, .. } = &step.kind {
                let mut seen = HashMap::new();
                let path = |k: usize, ()| {
                    step_path(doc, &fs)
                        .field("kind")
                        .field("choices")
                        .index(k, None)
                        .field("id")
                };
                for (k, c) in choices.iter().enumerate() {
                    Self::define(
                        &mut self.diags,
                        &mut seen,
                        IdKind::Choice,
                        c.id.as_str(),
                        k,
                        (),
                        path,
                    );
                }
            }
            if let Some(c) = &step.when {
                self.condition(c, &step_path(doc, &fs).field("when"), &[]);
            }
        }
        for (i, l) in doc.levels.iter().enumerate() {
            for (j, duty) in l.duties.iter().enumerate() {
                let p = root()
                    .field("levels")
                    .index(i, Some(l.id.as_str()))
                    .field("duties")
                    .index(j, Some(duty.id.as_str()));
                for (k, class) in duty.classes.iter().enumerate() {
                    self.need(
                        Namespace::Class,
                        class.as_str(),
                        p.field("classes").index(k, None),
                    );
                }
                if let Some(c) = &duty.when {
                    self.condition(c, &p.field("when"), &duty.classes);
                }
            }
        }
    }

    /// One condition, at `p`; `classes` are those of the duty it is on
    /// (empty for every class), whose questions it may ask about.
    fn condition(&mut self, c: &Condition, p: &DocPath, classes: &[ClassId]) {
        match c {
            Condition::AtLeast { step, choice } => {
                self.need_choices(step, std::slice::from_ref(choice), p, "choice");
            }
            Condition::Chosen { step, any_of } => self.need_choices(step, any_of, p, "any_of"),
            Condition::Answered { question, .. } => {
                let doc = self.doc;
                let asked: Vec<&str> = doc
                    .classes
                    .iter()
                    .filter(|x| classes.is_empty() || classes.contains(&x.id))
                    .flat_map(|x| &x.assessment)
                    .map(|q| q.id.as_str())
                    .collect();
                if !asked.contains(&question.as_str()) {
                    self.unknown(
                        IdKind::Question,
                        question.as_str(),
                        asked,
                        p.field("question"),
                    );
                }
            }
            Condition::Decided { step, .. } => {
                let Some(found) = steps_of(self.doc).find(|s| s.id == *step) else {
                    let known = self.steps.keys().copied().collect();
                    self.unknown(IdKind::Step, step.as_str(), known, p.field("step"));
                    return;
                };
                if !matches!(found.kind, StepKind::Decision { .. }) {
                    self.error(
                        p.field("step"),
                        K::ConditionNeedsDecision { step: step.clone() },
                    );
                }
            }
            Condition::Any(all) | Condition::All(all) => {
                for (k, c) in all.iter().enumerate() {
                    self.condition(c, &p.variant(0).index(k, None), classes);
                }
            }
        }
    }

    /// A condition's step offers choices, and these are among them.
    fn need_choices(&mut self, step: &StepId, wanted: &[ItemId], p: &DocPath, field: &'static str) {
        let Some(found) = steps_of(self.doc).find(|s| s.id == *step) else {
            let known = self.steps.keys().copied().collect();
            self.unknown(IdKind::Step, step.as_str(), known, p.field("step"));
            return;
        };
        let offered: Vec<&str> = match &found.kind {
            StepKind::Record { choices, .. } if !choices.is_empty() => {
                choices.iter().map(|c| c.id.as_str()).collect()
            }
            _ => {
                self.error(
                    p.field("step"),
                    K::ConditionNeedsChoices { step: step.clone() },
                );
                return;
            }
        };
        for (k, choice) in wanted.iter().enumerate() {
            if !offered.contains(&choice.as_str()) {
                let at = if field == "any_of" {
                    p.field(field).index(k, None)
                } else {
                    p.field(field)
                };
                self.unknown(IdKind::Choice, choice.as_str(), offered.clone(), at);
            }
        }
    }

    /// An id that is none of `known`, listed in order (at most a few).
    fn unknown(&mut self, what: IdKind, id: &str, mut known: Vec<&str>, path: DocPath) {
        known.sort_unstable();
        known.dedup();
        // Closest to what was typed first, so the one meant is in the few
        // shown; alphabetical among equals.
        let typed = id.to_lowercase();
        let mut ranked: Vec<(usize, &str)> = known
            .into_iter()
            .map(|k| (strsim::levenshtein(&typed, &k.to_lowercase()), k))
            .collect();
        ranked.sort_unstable();
        let known: Vec<&str> = ranked.into_iter().map(|(_, k)| k).collect();
        let more = known.len() > KNOWN_SHOWN;
        let known = known
            .into_iter()
            .take(KNOWN_SHOWN)
            .map(str::to_owned)
            .collect();
        self.error(
            path,
            K::UnknownId {
                what,
                id: id.to_owned(),
                known,
                more,
            },
        );
    }

    /// Decision branches and reachability, per fault class: the flow of a
    /// class is the common steps and the class's steps, phase by phase.
    fn flows(&mut self) {
        let doc = self.doc;
        // A branch of a common step is in every class's flow: report it once.
        let mut reported: HashSet<(&str, &str)> = HashSet::new();
        let mut unreachable: HashSet<&str> = HashSet::new();
        for class in &doc.classes {
            let flow = class_flow(doc, &class.id);
            let position: HashMap<&str, usize> = flow
                .iter()
                .enumerate()
                .map(|(i, s)| (s.step.id.as_str(), i))
                .collect();
            let mut reachable = vec![false; flow.len()];
            let mut stack = if flow.is_empty() { vec![] } else { vec![0] };
            while let Some(i) = stack.pop() {
                if std::mem::replace(&mut reachable[i], true) {
                    continue;
                }
                let StepKind::Decision { yes, no, .. } = &flow[i].step.kind else {
                    if i + 1 < flow.len() {
                        stack.push(i + 1);
                    }
                    continue;
                };
                for (branch, target) in [(Branch::Yes, yes), (Branch::No, no)] {
                    let problem = match position.get(target.as_str()) {
                        Some(&t) if t > i => {
                            stack.push(t);
                            continue;
                        }
                        Some(_) => K::BranchBack {
                            branch,
                            step: target.clone(),
                        },
                        // Unknown steps are reported by `steps`.
                        None if !self.steps.contains_key(target.as_str()) => continue,
                        None => K::BranchOutside {
                            branch,
                            step: target.clone(),
                            class: class.id.clone(),
                        },
                    };
                    let field = branch.field();
                    if reported.insert((flow[i].step.id.as_str(), field)) {
                        self.error(step_path(doc, &flow[i]).field("kind").field(field), problem);
                    }
                }
            }
            for (i, fs) in flow.iter().enumerate() {
                if !reachable[i] && unreachable.insert(fs.step.id.as_str()) {
                    self.error(
                        step_path(doc, fs).field("id"),
                        K::StepUnreachable {
                            step: fs.step.id.clone(),
                            class: class.id.clone(),
                        },
                    );
                }
            }
        }
    }

    fn templates(&mut self) {
        let doc = self.doc;
        // Names a record step must fill are known too: whether one does, and
        // in time, is a feasibility warning (`feasible`), not an error.
        let mut known: HashSet<&str> = BUILTIN_PLACEHOLDERS
            .iter()
            .chain(RECORDED_PLACEHOLDERS)
            .copied()
            .collect();
        // A key that cannot be a placeholder name is an error of its own,
        // never offered as one.
        for step in steps_of(doc) {
            if let StepKind::Record { key, .. } = &step.kind
                && is_placeholder_name(key)
            {
                known.insert(key.as_str());
            }
        }
        for (i, t) in doc.templates.iter().enumerate() {
            let p = root().field("templates").index(i, Some(t.id.as_str()));
            let fields = t
                .subject
                .iter()
                .map(|s| ("subject", s.as_str()))
                .chain([("body", t.body.as_str())]);
            // Each diagnostic points at the `{…}` itself, not the text.
            for (field, text) in fields {
                match placeholders_at(text) {
                    Ok(names) => {
                        for (name, at) in names {
                            if !known.contains(name) {
                                let mut available: Vec<String> =
                                    known.iter().map(|&s| s.to_owned()).collect();
                                available.sort();
                                self.diags.push(
                                    Diagnostic::error(
                                        p.field(field),
                                        K::UnknownPlaceholder {
                                            name: name.to_owned(),
                                            available,
                                        },
                                    )
                                    .at_part(at),
                                );
                            }
                        }
                    }
                    Err((text, why, at)) => {
                        let kind = match why {
                            Stray::Unclosed => K::UnclosedBrace,
                            Stray::Unopened => K::UnopenedBrace,
                            Stray::BadName => K::BadPlaceholder {
                                text: text.to_owned(),
                            },
                        };
                        self.diags
                            .push(Diagnostic::error(p.field(field), kind).at_part(at));
                    }
                }
            }
        }
    }

    fn chapter_eight_and_eleven(&mut self) {
        let doc = self.doc;
        for (i, s) in doc.supplies.iter().enumerate() {
            let p = root()
                .field("supplies")
                .index(i, Some(s.id.as_str()))
                .field("keeper");
            self.need(Namespace::Person, s.keeper.as_str(), p);
        }
        for (i, e) in doc.evacuation.iter().enumerate() {
            let p = root()
                .field("evacuation")
                .index(i, Some(e.id.as_str()))
                .field("lead");
            self.need(Namespace::Role, e.lead.as_str(), p);
        }
        for (i, d) in doc.drills.iter().enumerate() {
            for (j, c) in d.classes.iter().enumerate() {
                let p = root()
                    .field("drills")
                    .index(i, Some(d.id.as_str()))
                    .field("classes")
                    .index(j, None);
                self.need(Namespace::Class, c.as_str(), p);
            }
            for (j, t) in d.targets.iter().enumerate() {
                let p = root()
                    .field("drills")
                    .index(i, Some(d.id.as_str()))
                    .field("targets")
                    .index(j, None)
                    .field("measure")
                    .variant(0);
                match &t.measure {
                    Some(Milestone::Reached(target)) => self.need_target(target, &p),
                    Some(Milestone::StepDone(step)) if !self.steps.contains_key(step.as_str()) => {
                        self.error(
                            p.variant(0),
                            K::MeasuredByUnknownStep { step: step.clone() },
                        );
                    }
                    Some(Milestone::Duty(duty))
                        if !doc
                            .levels
                            .iter()
                            .any(|l| l.duties.iter().any(|x| x.id == *duty)) =>
                    {
                        self.error(
                            p.variant(0),
                            K::MeasuredByUnknownDuty { duty: duty.clone() },
                        );
                    }
                    _ => {}
                }
            }
        }
    }

    /// Every time limit must be a positive number of minutes, and sane.
    fn minutes(&mut self) {
        let doc = self.doc;
        let mut found: Vec<(DocPath, Minutes)> = Vec::new();
        for (i, l) in doc.levels.iter().enumerate() {
            let p = root().field("levels").index(i, Some(l.id.as_str()));
            if let Some(m) = l.update_every_minutes {
                found.push((p.field("update_every_minutes"), m));
            }
            for (j, inf) in l.inform.iter().enumerate() {
                found.push((
                    p.field("inform").index(j, None).field("within_minutes"),
                    inf.within_minutes,
                ));
            }
            for (j, duty) in l.duties.iter().enumerate() {
                if let Some(m) = duty.within_minutes {
                    found.push((
                        p.field("duties")
                            .index(j, Some(duty.id.as_str()))
                            .field("within_minutes"),
                        m,
                    ));
                }
            }
        }
        for (i, tree) in doc.call_trees.iter().enumerate() {
            let p = root()
                .field("call_trees")
                .index(i, Some(tree.level.as_str()))
                .field("calls");
            collect_call_minutes(&tree.calls, &|| p.clone(), &mut found);
        }
        // Only a limit out of range needs its path worked out.
        for (path, step) in all_steps_where(doc, |s| s.deadline_minutes.is_some_and(out_of_range)) {
            if let Some(m) = step.deadline_minutes {
                found.push((path.field("deadline_minutes"), m));
            }
        }
        for (i, d) in doc.drills.iter().enumerate() {
            for (j, t) in d.targets.iter().enumerate() {
                let p = root()
                    .field("drills")
                    .index(i, Some(d.id.as_str()))
                    .field("targets")
                    .index(j, None);
                found.push((p.field("within_minutes"), t.within_minutes));
            }
        }
        for (path, m) in found {
            if m.get() <= 0 {
                self.error(path, K::NotPositive { minutes: m.get() });
            } else if m.get() > MAX_MINUTES {
                self.error(path, K::OverAYear { minutes: m.get() });
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Namespace {
    Unit,
    Role,
    Person,
    External,
    Class,
    Level,
    Phase,
    Template,
}

/// Whether a time limit is one [`Checker::minutes`] reports: not positive,
/// or over a year.
fn out_of_range(m: Minutes) -> bool {
    m.get() <= 0 || m.get() > MAX_MINUTES
}

/// The time limits out of range of the calls of a list and those under
/// them, in order; `path` gives the path of the list, called only for
/// those (a tree may have thousands of calls).
fn collect_call_minutes(
    calls: &[Call],
    path: &dyn Fn() -> DocPath,
    out: &mut Vec<(DocPath, Minutes)>,
) {
    for (j, call) in calls.iter().enumerate() {
        let p = || path().index(j, None);
        if let Some(m) = call.within_minutes.filter(|&m| out_of_range(m)) {
            out.push((p().field("within_minutes"), m));
        }
        collect_call_minutes(&call.calls, &|| p().field("calls"), out);
    }
}

/// The path of a step in a flow.
pub(super) fn step_path(doc: &PlanDoc, fs: &FlowStep<'_>) -> DocPath {
    match fs.procedure {
        None => root()
            .field("phases")
            .index(fs.phase, Some(doc.phases[fs.phase].id.as_str()))
            .field("steps")
            .index(fs.index, Some(fs.step.id.as_str())),
        Some(pr) => root()
            .field("procedures")
            .index(pr, Some(doc.procedures[pr].class.as_str()))
            .field("steps")
            .index(fs.index, Some(fs.step.id.as_str())),
    }
}

/// Every step in the document, common steps first, without paths: a path
/// is a few allocations, and a large plan has ten thousand steps.
pub(super) fn steps_of(doc: &PlanDoc) -> impl Iterator<Item = &Step> {
    doc.phases
        .iter()
        .flat_map(|p| &p.steps)
        .chain(doc.procedures.iter().flat_map(|p| &p.steps))
}

/// Every step of the document where it is written, common steps first,
/// without building a path for each: [`step_path`] gives one when a
/// diagnostic needs it.
pub(super) fn placed(doc: &PlanDoc) -> impl Iterator<Item = FlowStep<'_>> {
    let common = doc.phases.iter().enumerate().flat_map(|(phase, p)| {
        p.steps
            .iter()
            .enumerate()
            .map(move |(index, step)| FlowStep {
                step,
                phase,
                procedure: None,
                index,
            })
    });
    let own = doc.procedures.iter().enumerate().flat_map(|(pr, p)| {
        p.steps
            .iter()
            .enumerate()
            .map(move |(index, step)| FlowStep {
                step,
                // A procedure step's path does not name its phase.
                phase: 0,
                procedure: Some(pr),
                index,
            })
    });
    common.chain(own)
}

/// The steps `keep` keeps, with their paths, common steps first.
pub(super) fn all_steps_where(
    doc: &PlanDoc,
    keep: impl Fn(&Step) -> bool,
) -> Vec<(DocPath, &Step)> {
    let mut out = Vec::new();
    for (i, phase) in doc.phases.iter().enumerate() {
        for (j, step) in phase.steps.iter().enumerate().filter(|(_, s)| keep(s)) {
            let p = root()
                .field("phases")
                .index(i, Some(phase.id.as_str()))
                .field("steps")
                .index(j, Some(step.id.as_str()));
            out.push((p, step));
        }
    }
    for (i, pr) in doc.procedures.iter().enumerate() {
        for (j, step) in pr.steps.iter().enumerate().filter(|(_, s)| keep(s)) {
            let p = root()
                .field("procedures")
                .index(i, Some(pr.class.as_str()))
                .field("steps")
                .index(j, Some(step.id.as_str()));
            out.push((p, step));
        }
    }
    out
}

/// The value of a Roman numeral from I to XX, for level ids.
fn roman(s: &str) -> Option<u32> {
    const NUMERALS: [&str; 20] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    NUMERALS
        .iter()
        .position(|n| *n == s)
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_roman_numerals() {
        assert_eq!(roman("I"), Some(1));
        assert_eq!(roman("IV"), Some(4));
        assert_eq!(roman("red"), None);
    }
}
