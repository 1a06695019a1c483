//! The plan file's schema: what a plan author writes, field for field.
//!
//! These types mirror the RON text exactly (`deny_unknown_fields` everywhere,
//! externally tagged enums only, no `untagged`), so serde and ron report type
//! and syntax errors with their position. They say nothing about whether ids
//! are unique or references resolve: that is [`super::validate`]'s job, and
//! only a document that passes it becomes a [`super::Plan`].
//!
//! Lists rather than maps hold every kind of entity, each item carrying its
//! own `id`: authors keep the order they chose (the order is meaningful for
//! chapters, steps, deputies and calls), and the validator can point at the
//! exact item that is wrong.

use serde::{Deserialize, Serialize};

use crate::model::ids::{
    ClassId, ExternalId, ItemId, LevelId, PersonId, PhaseId, RoleId, StepId, TemplateId, TextId,
    UnitId,
};

/// The one format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole emergency plan, as written in a plan file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Plan")]
pub struct PlanDoc {
    /// The format version; must be [`FORMAT_VERSION`].
    pub format: u32,
    /// Title, version, owner and the rest of the cover page.
    pub meta: Meta,
    /// Revision history, oldest first (chapter 12).
    #[serde(default)]
    pub revisions: Vec<Revision>,
    /// The full text of the plan, chapter by chapter, for reading offline.
    #[serde(default)]
    pub chapters: Vec<Chapter>,
    /// The emergency organisation's units, as a tree (chapter 2).
    pub units: Vec<Unit>,
    /// Roles within the units, with their holders and deputies.
    pub roles: Vec<Role>,
    /// The people who hold roles, with their contact methods.
    pub people: Vec<Person>,
    /// Authorities, vendors, partners and media outside the organisation.
    #[serde(default)]
    pub externals: Vec<External>,
    /// Monitoring signals that can raise a warning (chapter 3).
    #[serde(default)]
    pub signals: Vec<Signal>,
    /// Warning levels: red, orange, yellow, blue (chapter 3).
    #[serde(default)]
    pub warnings: Vec<Warning>,
    /// The grading scheme the levels follow, when the plan follows one the
    /// checker knows: then the number of levels is the scheme's. Without
    /// it, the number of levels is the plan's own.
    #[serde(default)]
    pub level_scheme: Option<LevelScheme>,
    /// Response levels, most severe first (chapter 4).
    pub levels: Vec<Level>,
    /// Fault classes with their assessment questions (chapter 4).
    pub classes: Vec<FaultClass>,
    /// Call trees, one per response level.
    #[serde(default)]
    pub call_trees: Vec<CallTree>,
    /// The phases every response goes through, in order, with their common steps.
    pub phases: Vec<Phase>,
    /// Each fault class's own steps (chapters 5–7 and 10).
    pub procedures: Vec<Procedure>,
    /// Communication templates per audience (chapter 9).
    #[serde(default)]
    pub templates: Vec<Template>,
    /// Evacuation and rescue plans per site (chapter 8).
    #[serde(default)]
    pub evacuation: Vec<Evacuation>,
    /// Emergency supplies and equipment (chapter 8).
    #[serde(default)]
    pub supplies: Vec<Supply>,
    /// The drill programme (chapter 11).
    #[serde(default)]
    pub drills: Vec<Drill>,
    /// Training and assessment (chapter 11).
    #[serde(default)]
    pub training: Vec<Training>,
}

/// The plan's cover page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The plan's title.
    pub title: String,
    /// The organisation the plan belongs to.
    pub organisation: String,
    /// The plan's own version, such as `2.1`.
    pub version: String,
    /// The date from which this version is in force.
    pub effective: PlanDate,
    /// Who maintains the plan.
    pub owner: String,
    /// Who approved this version.
    pub approver: String,
    /// The language of the plan's text, as a tag such as `zh-CN` or `en`.
    pub language: String,
}

/// One entry of the revision history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// The version this revision produced.
    pub version: String,
    /// When it was made.
    pub date: PlanDate,
    /// Who made it.
    pub author: String,
    /// What changed.
    pub changes: String,
}

/// A chapter of the plan text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// Stable id, such as `ch4`.
    pub id: TextId,
    /// The chapter's title, without its number.
    pub title: String,
    /// Text before the first section, if any.
    #[serde(default)]
    pub intro: Vec<String>,
    /// The chapter's sections, in order.
    pub sections: Vec<Section>,
}

/// A section of a chapter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, unique across all chapters, such as `ch4.s2`.
    pub id: TextId,
    /// The section's title, without its number.
    pub title: String,
    /// The paragraphs, in order. A paragraph may be a heading line such as
    /// `一、应急预案的目的`; the text is shown as written.
    pub paragraphs: Vec<String>,
}

/// A unit of the emergency organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable id, such as `command`.
    pub id: UnitId,
    /// The unit's name, such as 应急指挥部.
    pub name: String,
    /// The unit this one reports to; `None` for the top of the tree.
    #[serde(default)]
    pub parent: Option<UnitId>,
    /// What the unit is for.
    #[serde(default)]
    pub description: String,
}

/// A role within a unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Stable id, such as `commander`.
    pub id: RoleId,
    /// The unit the role belongs to.
    pub unit: UnitId,
    /// The role's name, such as 指挥长.
    pub name: String,
    /// What the holder of the role does.
    pub duties: Vec<String>,
    /// The person who normally holds the role.
    pub holder: PersonId,
    /// Who stands in, in order, when the holder cannot be reached.
    #[serde(default)]
    pub deputies: Vec<PersonId>,
}

/// A person in the directory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable id, such as `zhang-wei`.
    pub id: PersonId,
    /// The person's name.
    pub name: String,
    /// Their job title in the organisation.
    #[serde(default)]
    pub title: String,
    /// How to reach them.
    pub contact: Contact,
}

/// Ways to reach a person or an external contact. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Mobile phone number.
    #[serde(default)]
    pub mobile: Option<String>,
    /// Office or fixed-line number, including hotlines.
    #[serde(default)]
    pub office: Option<String>,
    /// Instant-messaging handle.
    #[serde(default)]
    pub im: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Where to find them.
    #[serde(default)]
    pub location: Option<String>,
}

impl Contact {
    /// Whether there is any phone number to call.
    #[must_use]
    pub fn has_phone(&self) -> bool {
        let filled = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
        filled(&self.mobile) || filled(&self.office)
    }
}

/// Who an external contact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExternalKind {
    /// A regulator, such as the provincial 网信 office.
    Regulator,
    /// The police, including the cyber police.
    Police,
    /// A public hotline, such as 12387.
    Hotline,
    /// The education authority.
    Education,
    /// An internet service provider.
    Isp,
    /// A CDN vendor.
    Cdn,
    /// A cloud vendor.
    Cloud,
    /// A payment provider.
    Payment,
    /// A partner, such as a partner school.
    Partner,
    /// The media.
    Media,
    /// Anyone else.
    Other,
}

/// A contact outside the organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct External {
    /// Stable id, such as `cac-province`.
    pub id: ExternalId,
    /// The contact's name.
    pub name: String,
    /// What kind of contact it is.
    pub kind: ExternalKind,
    /// How to reach them.
    pub contact: Contact,
    /// When and why to contact them.
    #[serde(default)]
    pub notes: String,
}

/// A monitoring signal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// Stable id.
    pub id: ItemId,
    /// What is measured.
    pub name: String,
    /// Where the signal comes from (monitoring system, user reports, vendor).
    pub source: String,
    /// When it raises a warning.
    pub threshold: String,
    /// The warning level it suggests, if any.
    #[serde(default)]
    pub suggests: Option<LevelId>,
}

/// A warning colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Colour {
    /// 红色, level Ⅰ.
    Red,
    /// 橙色, level Ⅱ.
    Orange,
    /// 黄色, level Ⅲ.
    Yellow,
    /// 蓝色, level Ⅳ.
    Blue,
}

/// A warning level: what triggers it, what it sets in motion, who issues and
/// who lifts it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    /// The response level this warning corresponds to.
    pub level: LevelId,
    /// The warning's name, such as 红色预警.
    pub name: String,
    /// Its colour.
    pub colour: Colour,
    /// What triggers it.
    pub triggers: Vec<String>,
    /// What it sets in motion.
    pub measures: Vec<String>,
    /// The role that issues it.
    pub issued_by: RoleId,
    /// The role that lifts it.
    pub lifted_by: RoleId,
}

/// A scheme of response levels a plan says it follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LevelScheme {
    /// The national four-level scheme of Chinese emergency plans: four
    /// levels, Ⅰ (red, most severe) to Ⅳ (blue).
    National,
}

impl LevelScheme {
    /// How many levels the scheme has.
    #[must_use]
    pub fn levels(self) -> usize {
        match self {
            Self::National => 4,
        }
    }
}

/// A response level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// `I` … `IV`; the list is ordered most severe first.
    pub id: LevelId,
    /// The level's name, such as 特别重大.
    pub name: String,
    /// Its colour.
    pub colour: Colour,
    /// When this level applies; any one criterion is enough.
    pub criteria: Vec<String>,
    /// The units activated at this level.
    pub activates: Vec<UnitId>,
    /// Who must be informed, and within how many minutes of declaration.
    #[serde(default)]
    pub inform: Vec<InformDuty>,
    /// How often a status update goes out, in minutes; `None` for no fixed cadence.
    #[serde(default)]
    pub update_every_minutes: Option<Minutes>,
    /// Reporting duties that come with this level.
    #[serde(default)]
    pub duties: Vec<ReportDuty>,
}

/// Someone to inform within a time limit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InformDuty {
    /// Who is informed.
    pub to: Target,
    /// Within how many minutes of declaration.
    pub within_minutes: Minutes,
}

/// Where a reporting duty comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// A law or regulation, named.
    Law(String),
    /// The platform's own rule.
    Platform,
}

/// A reporting duty, such as reporting to the provincial 网信 office within 4 hours.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportDuty {
    /// Stable id, such as `cac-report`.
    pub id: ItemId,
    /// What must be done.
    pub text: String,
    /// When the duty applies, if not always at this level.
    #[serde(default)]
    pub condition: Option<String>,
    /// Who receives the report.
    #[serde(default)]
    pub to: Option<Target>,
    /// The time limit, if any, counted from `counts_from`.
    #[serde(default)]
    pub within_minutes: Option<Minutes>,
    /// What the time limit counts from: the declaration (the default), the
    /// discovery of the fault (a report due "within 4 hours of discovery"),
    /// or the close of the response, as for a summary report.
    #[serde(default)]
    pub counts_from: CountsFrom,
    /// Whether the duty is the law's or the platform's own rule.
    pub basis: Basis,
    /// When the duty applies, as the incident's record can tell: its clock
    /// runs only while this holds, says "not yet known" while what it
    /// depends on is not recorded (and counts anyway, on the safe side),
    /// and "not applicable" once the record rules it out. `condition`
    /// says the same in words for people.
    #[serde(default)]
    pub when: Option<Condition>,
    /// The fault classes the duty is for; empty for every class.
    #[serde(default)]
    pub classes: Vec<ClassId>,
}

/// A condition on what the incident's record says: a value chosen at a
/// step that offers choices, an assessment answer given when the incident
/// was declared, a decision's answer. Until what it depends on is
/// recorded, it is not yet known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    /// The choice recorded at `step` is `choice` or one listed after it
    /// (the step lists its choices from the least to the most severe).
    AtLeast {
        /// A record step with choices.
        step: StepId,
        /// One of its choices.
        choice: ItemId,
    },
    /// The choice recorded at `step` is one of these.
    Chosen {
        /// A record step with choices.
        step: StepId,
        /// Some of its choices.
        any_of: Vec<ItemId>,
    },
    /// An assessment question of the incident's class was answered so.
    Answered {
        /// The question's id in its class.
        question: ItemId,
        /// The answer.
        yes: bool,
    },
    /// A decision step was answered so.
    Decided {
        /// The decision step.
        step: StepId,
        /// The answer.
        yes: bool,
    },
    /// At least one of these holds.
    Any(Vec<Condition>),
    /// Every one of these holds.
    All(Vec<Condition>),
}

/// What a reporting duty's time limit counts from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CountsFrom {
    /// The declaration of the incident.
    #[default]
    Declaration,
    /// The discovery of the fault, recorded with the declaration; the same
    /// as the declaration when no earlier discovery was recorded.
    Discovery,
    /// The close of the response.
    Closing,
}

/// Someone who can be called or informed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// Whoever holds a role (the holder, then the deputies in order).
    Role(RoleId),
    /// A named person.
    Person(PersonId),
    /// An external contact.
    External(ExternalId),
}

impl Target {
    /// The id, whatever its kind. For a person-readable name, use
    /// `contacts::Callee::of(plan, target)`, the one way the app names a
    /// target.
    #[must_use]
    pub fn id(&self) -> &str {
        match self {
            Self::Role(id) => id.as_str(),
            Self::Person(id) => id.as_str(),
            Self::External(id) => id.as_str(),
        }
    }
}

/// A fault class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultClass {
    /// Stable id, such as `network`.
    pub id: ClassId,
    /// The class's name, such as 网络故障.
    pub name: String,
    /// What the class covers.
    pub description: String,
    /// How such a fault is noticed.
    pub detection: Vec<String>,
    /// Typical examples.
    #[serde(default)]
    pub examples: Vec<String>,
    /// Questions that suggest a level; the most severe level answered yes wins.
    #[serde(default)]
    pub assessment: Vec<Question>,
}

/// A yes/no question that, answered yes, suggests a level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, unique within its class.
    pub id: ItemId,
    /// The question, answered yes or no.
    pub text: String,
    /// The level a yes suggests.
    pub level: LevelId,
}

/// The call tree of one response level: who informs whom, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallTree {
    /// The level this tree is for.
    pub level: LevelId,
    /// Who starts the calls, usually the duty officer.
    pub root: Target,
    /// The first calls, in order.
    pub calls: Vec<Call>,
}

/// One call in a call tree, with the calls the callee then makes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Call {
    /// Who is called.
    pub to: Target,
    /// Within how many minutes of declaration the call must be made.
    #[serde(default)]
    pub within_minutes: Option<Minutes>,
    /// Whom to call instead, in order, when the callee cannot be reached.
    #[serde(default)]
    pub fallback: Vec<Target>,
    /// The calls the callee makes next, in order.
    #[serde(default)]
    pub calls: Vec<Call>,
}

/// A phase every response goes through, with its common steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Stable id, such as `assess`.
    pub id: PhaseId,
    /// The phase's name, such as 研判.
    pub name: String,
    /// Steps taken in this phase whatever the fault class.
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// The steps specific to one fault class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// The fault class.
    pub class: ClassId,
    /// The steps, in order; each names the phase it belongs to.
    pub steps: Vec<Step>,
}

/// One step of a response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable id, unique across the plan, such as `net-switch-cdn`.
    pub id: StepId,
    /// What to do.
    pub text: String,
    /// The phase the step belongs to. Common steps take their phase from where
    /// they are listed and leave this out; a procedure's steps must name one.
    #[serde(default)]
    pub phase: Option<PhaseId>,
    /// The role responsible.
    pub role: RoleId,
    /// The least severe level at which the step applies; `None` for every level.
    #[serde(default)]
    pub min_level: Option<LevelId>,
    /// A deadline in minutes from declaration, if the step has one.
    #[serde(default)]
    pub deadline_minutes: Option<Minutes>,
    /// What kind of step it is.
    pub kind: StepKind,
    /// When the step applies, as the incident's record can tell: a step
    /// ruled out is not applicable; not yet known, it is to be done.
    #[serde(default)]
    pub when: Option<Condition>,
    /// For a common step: the fault classes whose responses it is in;
    /// empty for every class (unless some are left out by
    /// `except_classes`). A class's own steps are in its response alone
    /// and never name classes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<ClassId>,
    /// For a common step: the fault classes whose responses leave it out,
    /// such as the outage notices in a data leak.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except_classes: Vec<ClassId>,
}

impl Step {
    /// Whether the step is in the response to `class`, as a common step's
    /// `classes` and `except_classes` say (a class's own step is in its
    /// own response only, which the flow knows).
    #[must_use]
    pub fn is_for(&self, class: &ClassId) -> bool {
        (self.classes.is_empty() || self.classes.contains(class))
            && !self.except_classes.contains(class)
    }

    /// Whether the step says which classes it is for or leaves out.
    #[must_use]
    pub fn names_classes(&self) -> bool {
        !self.classes.is_empty() || !self.except_classes.is_empty()
    }
}

/// What kind of step a step is, and what it needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum StepKind {
    /// Something to do.
    Action,
    /// Something to verify.
    Check,
    /// A yes/no question; each answer names the step to go to next.
    Decision {
        /// The question.
        question: String,
        /// The next step on yes.
        yes: StepId,
        /// The next step on no.
        no: StepId,
    },
    /// Inform people: the level's call tree, or a list of contacts.
    Inform(InformWhom),
    /// Send a message from a template.
    Communicate {
        /// The template to use.
        template: TemplateId,
    },
    /// Record a value the operator types.
    Record {
        /// The placeholder name the value fills in templates, such as `affected_students`.
        key: String,
        /// The label shown to the operator.
        label: String,
        /// What kind of value.
        value: ValueKind,
        /// The values to choose from, when the value is one of a few
        /// (a legal grade): listed from the least to the most severe, so
        /// that a condition can say "this one or above". The value
        /// recorded is the choice's label.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        choices: Vec<Choice>,
    },
}

/// One of the values a record step offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id, the same in every language edition, such as `major`.
    pub id: ItemId,
    /// The choice as the operator reads it, in the plan's language.
    pub label: String,
}

/// Whom an inform step reaches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum InformWhom {
    /// The call tree of the incident's current level.
    CallTree,
    /// These contacts, in order.
    Contacts(Vec<Target>),
}

/// The kind of value a record step takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueKind {
    /// A whole number, such as a count of students.
    Count,
    /// Free text.
    Text,
}

/// The audience of a communication template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// Students and their parents or guardians.
    StudentsParents,
    /// Teachers.
    Teachers,
    /// Schools and the education bureau.
    Schools,
    /// The regulator.
    Regulator,
    /// Partners and vendors.
    Partners,
    /// The media and the public.
    Media,
    /// An internal status update.
    Internal,
}

impl Audience {
    /// Every audience, in the order offered.
    pub const ALL: [Self; 7] = [
        Self::StudentsParents,
        Self::Teachers,
        Self::Schools,
        Self::Regulator,
        Self::Partners,
        Self::Media,
        Self::Internal,
    ];
}

/// A communication template; `{placeholder}`s are filled from the incident.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Stable id, such as `tpl-students`.
    pub id: TemplateId,
    /// Who the message is for.
    pub audience: Audience,
    /// The template's name.
    pub name: String,
    /// How it is sent (SMS, app push, e-mail, phone).
    #[serde(default)]
    pub channel: String,
    /// The subject line, if the channel has one.
    #[serde(default)]
    pub subject: Option<String>,
    /// The message body. `{{` and `}}` stand for literal braces.
    pub body: String,
}

/// Evacuation and rescue for one site.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evacuation {
    /// Stable id.
    pub id: ItemId,
    /// The site, such as the office or the machine room.
    pub site: String,
    /// The role that leads the evacuation.
    pub lead: RoleId,
    /// Where everyone gathers.
    pub assembly_point: String,
    /// What to do, in order.
    pub steps: Vec<String>,
}

/// An item of emergency supplies or equipment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Supply {
    /// Stable id.
    pub id: ItemId,
    /// What it is.
    pub name: String,
    /// How many, with the unit.
    pub quantity: String,
    /// Where it is kept.
    pub location: String,
    /// Who keeps it.
    pub keeper: PersonId,
    /// How often it is checked.
    #[serde(default)]
    pub check: String,
}

/// The kind of drill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DrillKind {
    /// Talked through around a table.
    Tabletop,
    /// One function exercised for real, such as a failover.
    Functional,
    /// The whole organisation, end to end.
    FullScale,
}

/// A drill in the programme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drill {
    /// Stable id.
    pub id: ItemId,
    /// The drill's name.
    pub name: String,
    /// Its kind.
    pub kind: DrillKind,
    /// How often it is held.
    pub frequency: String,
    /// The scenario played.
    pub scenario: String,
    /// The fault classes it exercises.
    #[serde(default)]
    pub classes: Vec<ClassId>,
    /// Time targets it is measured against.
    #[serde(default)]
    pub targets: Vec<TimeTarget>,
    /// How it is evaluated.
    #[serde(default)]
    pub criteria: Vec<String>,
}

/// A time target of a drill.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeTarget {
    /// What must happen.
    pub what: String,
    /// Within how many minutes of the start of the exercise: the discovery
    /// of the (simulated) fault.
    pub within_minutes: Minutes,
    /// What in the drill's log shows it happened, so the report can time
    /// it; without it, the evaluation leaves the target to be timed by hand.
    #[serde(default)]
    pub measure: Option<Milestone>,
}

/// Something in an incident's log that a drill's time target is measured by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Milestone {
    /// The level declared: the response has started.
    Declared,
    /// Someone answered a call made for this call-tree target (its holder,
    /// a deputy, or a fallback).
    Reached(Target),
    /// This step marked done (or its value recorded, or answered).
    StepDone(StepId),
    /// The first message to this audience sent.
    FirstMessage(Audience),
    /// This reporting duty marked fulfilled.
    Duty(ItemId),
    /// The response closed.
    Closed,
}

/// A training course.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// Stable id.
    pub id: ItemId,
    /// Who attends.
    pub audience: String,
    /// What it covers.
    pub topic: String,
    /// How often.
    pub frequency: String,
    /// How attendees are assessed.
    #[serde(default)]
    pub assessment: String,
}

/// A number of minutes, as written in the plan. Stored as written (even
/// negative, so the validator can say so with its position); a validated
/// [`super::Plan`] only holds positive values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Minutes(pub i64);

impl Minutes {
    /// The number of minutes.
    #[must_use]
    pub fn get(self) -> i64 {
        self.0
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanDate(pub chrono::NaiveDate);

impl std::fmt::Display for PlanDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for PlanDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Marks serde's message for a bad date, so that the parser's error becomes
/// a typed [`super::kind::Syntax::BadDate`] with the text after it: serde
/// carries only a string out of a `Deserialize`, and the words are the
/// languages' (`crate::i18n::plan`), not this module's.
pub(super) const BAD_DATE: &str = "runbook/bad-date:";

impl<'de> Deserialize<'de> for PlanDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(PlanDate)
            .map_err(|_| serde::de::Error::custom(format!("{BAD_DATE}{text}")))
    }
}
