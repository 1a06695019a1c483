//! The emergency plan: its file format, and the validated [`Plan`] the rest
//! of the app works with.
//!
//! Parse, don't validate: [`parse`] turns the bytes of a plan file into a
//! [`Plan`] or a list of located diagnostics, in one pass. A `Plan` can only
//! be made that way, so code that holds one can trust that every id is
//! well-formed and unique and every reference resolves.

pub mod contacts;
pub mod diagnostic;
pub mod diff;
pub mod doc;
pub mod feasible;
pub mod flow;
pub mod input;
pub mod kind;
pub mod locate;
pub mod order;
pub mod org;
pub mod search;
pub mod template;
pub mod validate;

use std::collections::HashMap;

pub use diagnostic::{Diagnostic, DocPath, Position, Severity, Span, Wording};
pub use doc::PlanDoc;
pub use kind::DiagnosticKind;

use crate::model::ids::{
    ClassId, ExternalId, LevelId, PersonId, RoleId, StepId, TemplateId, UnitId,
};
use doc::{CallTree, FaultClass, Level, Person, Role, Step, Template, Unit};
use flow::FlowStep;

/// A plan that passed validation.
#[derive(Clone, Debug)]
pub struct Plan {
    doc: PlanDoc,
    index: Index,
}

/// Where each id is in the document: a lookup by id is asked many times a
/// frame (every call of a tree names a role, every role a person), and a
/// plan may have thousands of people and steps. The first of two equal ids
/// wins, as a search from the start would find it (validation refuses
/// duplicates anyway).
#[derive(Clone, Debug, Default)]
struct Index {
    units: HashMap<UnitId, usize>,
    roles: HashMap<RoleId, usize>,
    people: HashMap<PersonId, usize>,
    externals: HashMap<ExternalId, usize>,
    classes: HashMap<ClassId, usize>,
    /// A level's place, most severe first: its rank.
    levels: HashMap<LevelId, usize>,
    templates: HashMap<TemplateId, usize>,
    call_trees: HashMap<LevelId, usize>,
    /// A common step (phase, position) or a procedure's (procedure, position).
    steps: HashMap<StepId, (StepHome, usize, usize)>,
    /// The roles of each unit (by the unit's place), by their places, in
    /// plan order: the organisation chart resolves its boxes through this
    /// every frame.
    unit_roles: Vec<Vec<usize>>,
    /// The roles each person holds, by their places, in plan order: the
    /// directory shows them on every person's card, and a plan may have
    /// thousands of people and roles.
    held_by: HashMap<PersonId, Vec<usize>>,
    /// The roles each person deputises for, by their places, in plan order.
    deputy_of: HashMap<PersonId, Vec<usize>>,
}

#[derive(Clone, Copy, Debug)]
enum StepHome {
    Phase,
    Procedure,
}

impl Index {
    fn of(doc: &PlanDoc) -> Self {
        fn places<K: std::hash::Hash + Eq + Clone, T>(
            items: &[T],
            key: impl Fn(&T) -> &K,
        ) -> HashMap<K, usize> {
            let mut map = HashMap::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                map.entry(key(item).clone()).or_insert(i);
            }
            map
        }
        let mut steps = HashMap::new();
        for (p, phase) in doc.phases.iter().enumerate() {
            for (i, step) in phase.steps.iter().enumerate() {
                steps
                    .entry(step.id.clone())
                    .or_insert((StepHome::Phase, p, i));
            }
        }
        for (p, procedure) in doc.procedures.iter().enumerate() {
            for (i, step) in procedure.steps.iter().enumerate() {
                steps
                    .entry(step.id.clone())
                    .or_insert((StepHome::Procedure, p, i));
            }
        }
        let units = places(&doc.units, |u| &u.id);
        let mut unit_roles = vec![Vec::new(); doc.units.len()];
        for (r, role) in doc.roles.iter().enumerate() {
            if let Some(&u) = units.get(&role.unit) {
                unit_roles[u].push(r);
            }
        }
        let mut held_by: HashMap<PersonId, Vec<usize>> = HashMap::new();
        let mut deputy_of: HashMap<PersonId, Vec<usize>> = HashMap::new();
        for (r, role) in doc.roles.iter().enumerate() {
            held_by.entry(role.holder.clone()).or_default().push(r);
            for deputy in &role.deputies {
                let places = deputy_of.entry(deputy.clone()).or_default();
                // A person named twice among a role's deputies is still its
                // deputy once.
                if places.last() != Some(&r) {
                    places.push(r);
                }
            }
        }
        Self {
            units,
            held_by,
            deputy_of,
            roles: places(&doc.roles, |r| &r.id),
            people: places(&doc.people, |p| &p.id),
            externals: places(&doc.externals, |e| &e.id),
            classes: places(&doc.classes, |c| &c.id),
            levels: places(&doc.levels, |l| &l.id),
            templates: places(&doc.templates, |t| &t.id),
            call_trees: places(&doc.call_trees, |t| &t.level),
            steps,
            unit_roles,
        }
    }
}

impl PartialEq for Plan {
    fn eq(&self, other: &Self) -> bool {
        self.doc == other.doc
    }
}

/// A plan that loaded, with the warnings an author should look at.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The plan.
    pub plan: Plan,
    /// Warnings; never errors.
    pub warnings: Vec<Diagnostic>,
}

/// Counts for the one-line summary `runbook check` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Units of the organisation.
    pub units: usize,
    /// Roles.
    pub roles: usize,
    /// People in the directory.
    pub people: usize,
    /// Fault classes.
    pub classes: usize,
    /// Procedures.
    pub procedures: usize,
    /// Steps, common and per class.
    pub steps: usize,
    /// Communication templates.
    pub templates: usize,
}

/// Parses and validates the bytes of a plan file.
///
/// # Errors
/// Every error found, with warnings alongside, sorted by position. Syntax and
/// type errors stop at the first (ron cannot go on); the validator's errors
/// are all reported together.
pub fn parse(bytes: &[u8]) -> Result<Checked, Vec<Diagnostic>> {
    let text = input::decode(bytes).map_err(|d| vec![d])?;
    let doc: PlanDoc = ron::Options::default()
        .from_str(text)
        .map_err(|e| vec![syntax_error(text, &e)])?;
    let written = validate::Written {
        implicit_some: locate::implicit_some(text),
    };
    let mut diags = validate::validate_written(&doc, written);
    // Whether the plan can be carried out is only asked of a well-formed one.
    if !diags.iter().any(Diagnostic::is_error) {
        diags.extend(feasible::check(&doc));
    }
    let span = |bytes: (usize, usize)| Span {
        start: diagnostic::position_at(text, bytes.0),
        end: diagnostic::position_at(text, bytes.1),
    };
    for d in &mut diags {
        // A missing optional field has no text of its own: point at the
        // nearest enclosing value that has.
        let mut path = d.path.clone();
        let found = loop {
            if let Some(bytes) = locate::locate_bytes(text, &path) {
                break Some((bytes, path.0.len() == d.path.0.len()));
            }
            if path.0.pop().is_none() {
                break None;
            }
        };
        d.span = found.map(|(bytes, exact)| {
            // A diagnostic about a part of a text: point at that part.
            let part = d
                .part
                .clone()
                .filter(|_| exact)
                .and_then(|part| locate::within_string(text, bytes, part));
            span(part.unwrap_or(bytes))
        });
        if let Some(at) = d.related.as_ref().and_then(|p| locate::locate(text, p)) {
            d.kind.place_related(at.start);
        }
    }
    diags.sort_by_key(|d| (d.severity, d.span.map(|s| s.start)));
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok(Checked {
        plan: Plan {
            index: Index::of(&doc),
            doc,
        },
        warnings: diags,
    })
}

/// Turns a ron error into a located diagnostic.
fn syntax_error(text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    let clamp = |p: ron::error::Position| {
        // ron may point one past the end; keep the position inside the text.
        let end = diagnostic::position_at(text, text.len());
        let p = Position {
            line: p.line.max(1),
            col: p.col.max(1),
        };
        p.min(end)
    };
    Diagnostic {
        span: Some(Span {
            start: clamp(e.span.start),
            end: clamp(e.span.end),
        }),
        ..Diagnostic::error(DocPath::root(), DiagnosticKind::Syntax(syntax(&e.code)))
    }
}

/// A ron error as data: the common ones typed, the rest with ron's text.
fn syntax(e: &ron::error::Error) -> kind::Syntax {
    use kind::{Syntax as S, Token as T};
    use ron::error::Error as E;
    match e {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => S::UnknownField {
            found: found.clone(),
            outer: outer.clone(),
            expected,
        },
        E::MissingStructField { field, outer } => S::MissingField {
            field,
            outer: outer.clone(),
        },
        E::DuplicateStructField { field, outer } => S::DuplicateField {
            field,
            outer: outer.clone(),
        },
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => S::UnknownVariant {
            found: found.clone(),
            outer: outer.clone(),
            expected,
        },
        E::Eof => S::Eof,
        E::ExpectedStringEnd => S::UnclosedString,
        E::UnclosedBlockComment => S::UnclosedComment,
        E::TrailingCharacters => S::TrailingCharacters,
        E::ExceededRecursionLimit => S::TooDeep,
        E::ExpectedComma => S::Expected(T::Comma),
        E::ExpectedInteger => S::Expected(T::Integer),
        E::ExpectedString => S::Expected(T::String),
        E::ExpectedBoolean => S::Expected(T::Boolean),
        E::ExpectedFloat => S::Expected(T::Float),
        E::ExpectedChar => S::Expected(T::Char),
        E::ExpectedOption => S::Expected(T::Option),
        E::ExpectedIdentifier => S::Expected(T::Identifier),
        E::ExpectedUnit => S::Expected(T::Unit),
        E::ExpectedArray => S::Expected(T::OpenBracket),
        E::ExpectedArrayEnd => S::Expected(T::CloseBracket),
        E::ExpectedStructLike => S::Expected(T::OpenParen),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => S::Expected(T::CloseParen),
        E::ExpectedMap => S::Expected(T::OpenBrace),
        E::ExpectedMapEnd => S::Expected(T::CloseBrace),
        E::ExpectedMapColon => S::Expected(T::Colon),
        E::ExpectedNamedStructLike(name) if !name.is_empty() => S::ExpectedStruct { name },
        E::ExpectedDifferentStructName { expected, found } => S::WrongStructName {
            expected,
            found: found.clone(),
        },
        E::UnexpectedChar(c) => S::UnexpectedChar(*c),
        E::IntegerOutOfBounds => S::IntegerOutOfBounds,
        E::InvalidValueForType { expected, found } => S::InvalidValue {
            expected: expected.clone(),
            found: found.clone(),
        },
        E::Message(m) => match m.strip_prefix(doc::BAD_DATE) {
            Some(date) => S::BadDate {
                text: date.to_owned(),
            },
            None => S::Other(m.clone()),
        },
        other => S::Other(other.to_string()),
    }
}

impl Plan {
    /// The document as the author wrote it.
    #[must_use]
    pub fn doc(&self) -> &PlanDoc {
        &self.doc
    }

    /// Writes the plan as RON text that [`parse`] reads back to an equal plan.
    ///
    /// # Errors
    /// Only if ron cannot format a value, which the plan's types rule out.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let config = ron::ser::PrettyConfig::new()
            .struct_names(true)
            .indentor("    ".to_owned());
        ron::ser::to_string_pretty(&self.doc, config)
    }

    /// The counts `runbook check` reports.
    #[must_use]
    pub fn summary(&self) -> Summary {
        let d = &self.doc;
        Summary {
            units: d.units.len(),
            roles: d.roles.len(),
            people: d.people.len(),
            classes: d.classes.len(),
            procedures: d.procedures.len(),
            steps: d.phases.iter().map(|p| p.steps.len()).sum::<usize>()
                + d.procedures.iter().map(|p| p.steps.len()).sum::<usize>(),
            templates: d.templates.len(),
        }
    }

    /// A unit by id.
    #[must_use]
    pub fn unit(&self, id: &UnitId) -> Option<&Unit> {
        self.doc.units.get(*self.index.units.get(id)?)
    }

    /// A role by id.
    #[must_use]
    pub fn role(&self, id: &RoleId) -> Option<&Role> {
        self.doc.roles.get(*self.index.roles.get(id)?)
    }

    /// Where a unit is in [`PlanDoc::units`].
    #[must_use]
    pub fn unit_place(&self, id: &UnitId) -> Option<usize> {
        self.index.units.get(id).copied()
    }

    /// The roles of the unit at `unit` in [`PlanDoc::units`], in plan
    /// order (none for a place past the end).
    pub fn unit_roles(&self, unit: usize) -> impl Iterator<Item = &Role> + '_ {
        self.index
            .unit_roles
            .get(unit)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&r| self.doc.roles.get(r))
    }

    /// The `nth` role of the unit at `unit` (as in [`Self::unit_roles`]).
    #[must_use]
    pub fn unit_role(&self, unit: usize, nth: usize) -> Option<&Role> {
        let r = *self.index.unit_roles.get(unit)?.get(nth)?;
        self.doc.roles.get(r)
    }

    /// The roles `person` holds, in plan order.
    pub fn roles_held_by(&self, person: &PersonId) -> impl Iterator<Item = &Role> + '_ {
        self.roles_at(self.index.held_by.get(person))
    }

    /// The roles `person` stands in for as a deputy, in plan order.
    pub fn roles_deputised_by(&self, person: &PersonId) -> impl Iterator<Item = &Role> + '_ {
        self.roles_at(self.index.deputy_of.get(person))
    }

    fn roles_at<'a>(&'a self, places: Option<&'a Vec<usize>>) -> impl Iterator<Item = &'a Role> {
        places
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&r| self.doc.roles.get(r))
    }

    /// A person by id.
    #[must_use]
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.doc.people.get(*self.index.people.get(id)?)
    }

    /// An external contact by id.
    #[must_use]
    pub fn external(&self, id: &ExternalId) -> Option<&doc::External> {
        self.doc.externals.get(*self.index.externals.get(id)?)
    }

    /// A fault class by id.
    #[must_use]
    pub fn class(&self, id: &ClassId) -> Option<&FaultClass> {
        self.doc.classes.get(*self.index.classes.get(id)?)
    }

    /// A level by id.
    #[must_use]
    pub fn level(&self, id: &LevelId) -> Option<&Level> {
        self.doc.levels.get(*self.index.levels.get(id)?)
    }

    /// A template by id.
    #[must_use]
    pub fn template(&self, id: &TemplateId) -> Option<&Template> {
        self.doc.templates.get(*self.index.templates.get(id)?)
    }

    /// The call tree of a level.
    #[must_use]
    pub fn call_tree(&self, level: &LevelId) -> Option<&CallTree> {
        self.doc.call_trees.get(*self.index.call_trees.get(level)?)
    }

    /// A step by id, common or of any procedure.
    #[must_use]
    pub fn step(&self, id: &StepId) -> Option<&Step> {
        let &(home, p, i) = self.index.steps.get(id)?;
        match home {
            StepHome::Phase => self.doc.phases.get(p)?.steps.get(i),
            StepHome::Procedure => self.doc.procedures.get(p)?.steps.get(i),
        }
    }

    /// Whether level `a` is at least as severe as level `b`; false when
    /// either is not in the plan.
    #[must_use]
    pub fn at_least(&self, a: &LevelId, b: &LevelId) -> bool {
        match (self.index.levels.get(a), self.index.levels.get(b)) {
            (Some(a), Some(b)) => a <= b,
            _ => false,
        }
    }

    /// The response to a fault class, phase by phase, common steps first.
    #[must_use]
    pub fn flow(&self, class: &ClassId) -> Vec<FlowStep<'_>> {
        flow::class_flow(&self.doc, class)
    }
}
