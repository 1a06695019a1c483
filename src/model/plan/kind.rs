//! What a diagnostic says, as data.
//!
//! Every problem the plan reader finds is one variant here, carrying what
//! its sentence needs: ids, numbers, names, the file's own field names. The
//! sentence is written by each language's table (`crate::i18n::plan`), the
//! way rustc keeps a diagnostic's wording apart from its data: the same
//! problem reads in Chinese in the Chinese window and in English in an
//! English terminal, and tests match the kind and its data, not prose.

use crate::model::ids::{
    ClassId, ExternalId, IdProblem, ItemId, LevelId, PersonId, PhaseId, RoleId, StepId, TemplateId,
    UnitId,
};
use crate::model::notice::{FileKind, OsError};

use super::diagnostic::Position;
use super::doc::{Audience, Target};

/// What is wrong, with the data to say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiagnosticKind {
    // Reading the file.
    /// The file could not be read; the operating system's error, by kind.
    CannotRead(OsError),
    /// The path is a folder.
    Folder,
    /// The file is over the size cap.
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The cap.
        max_bytes: u64,
    },
    /// The file starts with a UTF-16 byte-order mark.
    Utf16,
    /// A zero byte: UTF-16 without a byte-order mark, or a binary file.
    ZeroByte {
        /// Where, in bytes from the start.
        offset: usize,
    },
    /// A byte that is not valid UTF-8.
    InvalidUtf8 {
        /// The byte.
        byte: u8,
        /// Where, in bytes from the start.
        offset: usize,
    },
    /// Nothing but white space.
    Empty,

    /// Syntax and types, as the RON parser finds them.
    Syntax(Syntax),

    // The validator's rules.
    /// A format version this program does not read.
    FormatVersion {
        /// The plan's.
        found: u32,
        /// This program's.
        supported: u32,
    },
    /// `meta.title` is blank.
    NoTitle,
    /// An id that breaks the id syntax.
    BadId {
        /// The id as written.
        id: String,
        /// What is wrong with it.
        problem: IdProblem,
    },
    /// An id used by two items of one namespace.
    DuplicateId {
        /// The namespace.
        what: IdKind,
        /// The id.
        id: String,
        /// The item that has it first, counted from 1.
        first_item: usize,
        /// Where that item's id is in the text, when it can be found.
        first_at: Option<Position>,
    },
    /// A reference to an id the plan does not define.
    UnknownId {
        /// The namespace.
        what: IdKind,
        /// The id referred to.
        id: String,
        /// The first few ids it does define, sorted.
        known: Vec<String>,
        /// Whether it defines more than those.
        more: bool,
    },
    /// A person's id where a role is expected.
    PersonAsRole {
        /// The person.
        person: PersonId,
        /// The roles the person holds, in the order of the file.
        holds: Vec<RoleId>,
        /// Whether the place takes any call target, so `Person(…)` would do.
        target: bool,
    },
    /// No units.
    NoUnits,
    /// Units whose parents go round in a circle, from the first back to it.
    UnitCycle {
        /// The units, the first one again at the end.
        chain: Vec<UnitId>,
    },
    /// Every unit has a parent.
    NoTopUnit,
    /// No roles.
    NoRoles,
    /// A role's name is blank.
    RoleWithoutName,
    /// A role's holder is also listed as its deputy.
    DeputyIsHolder {
        /// The person.
        person: PersonId,
    },
    /// A deputy listed twice.
    DeputyTwice {
        /// The person.
        person: PersonId,
    },
    /// A role with no deputy.
    NoDeputy {
        /// The role.
        role: RoleId,
    },
    /// A role with no duties.
    NoDuties {
        /// The role.
        role: RoleId,
    },
    /// A person with no phone number.
    NoPhone {
        /// The person's name.
        name: String,
        /// The person's id.
        person: PersonId,
    },
    /// An external contact with no phone, e-mail or messaging account.
    NoWayToReach {
        /// The contact's name.
        name: String,
        /// The contact's id.
        contact: ExternalId,
    },
    /// Two warnings for one level.
    SecondWarning {
        /// The level.
        level: LevelId,
    },
    /// No response levels.
    NoLevels,
    /// Roman-numeral level ids out of order.
    LevelsOutOfOrder {
        /// The level listed too late.
        level: LevelId,
        /// The level it follows.
        after: LevelId,
    },
    /// Not four levels, in a plan that says it follows the national
    /// four-level scheme (`level_scheme: National`).
    LevelCount {
        /// How many there are.
        count: usize,
    },
    /// A level without criteria.
    NoCriteria {
        /// The level.
        level: LevelId,
    },
    /// A level without a call tree.
    NoCallTree {
        /// The level.
        level: LevelId,
    },
    /// No fault classes.
    NoClasses,
    /// A fault class without assessment questions.
    NoAssessment {
        /// The class.
        class: ClassId,
    },
    /// A fault class without a procedure.
    NoProcedure {
        /// The class.
        class: ClassId,
    },
    /// Two procedures for one fault class.
    SecondProcedure {
        /// The class.
        class: ClassId,
    },
    /// A procedure without steps.
    EmptyProcedure {
        /// Its fault class.
        class: ClassId,
    },
    /// Two call trees for one level.
    SecondCallTree {
        /// The level.
        level: LevelId,
    },
    /// A call tree that calls nobody.
    NoCalls,
    /// A call tree that calls someone above the caller again.
    CallLoop {
        /// The tree's level.
        level: LevelId,
        /// The calls from the root to the one that loops back.
        chain: Vec<Target>,
    },
    /// No phases.
    NoPhases,
    /// A common step that names another phase than the one it is listed under.
    CommonStepPhase {
        /// The phase it is listed under.
        listed: PhaseId,
        /// The phase it names.
        named: PhaseId,
    },
    /// A class's own step that names classes (`classes` or
    /// `except_classes`): it is in its class's response only.
    ClassesOnClassStep {
        /// The class whose procedure lists it.
        class: ClassId,
    },
    /// A common step that names both the classes it is for and those it
    /// leaves out.
    ClassesAndExcept,
    /// A common step that leaves out every fault class: it is in no
    /// response.
    StepInNoResponse,
    /// A procedure step without `phase`.
    StepWithoutPhase {
        /// Whether the file writes optional values on their own
        /// (`#![enable(implicit_some)]`), so the hint does too.
        implicit_some: bool,
    },
    /// A step whose text is blank.
    StepWithoutText,
    /// A decision branch to a step that does not exist.
    BranchToNowhere {
        /// Which branch.
        branch: Branch,
        /// The step it names.
        step: StepId,
    },
    /// A decision branch to an earlier step.
    BranchBack {
        /// Which branch.
        branch: Branch,
        /// The step it names.
        step: StepId,
    },
    /// A decision branch to a step outside the class's response.
    BranchOutside {
        /// Which branch.
        branch: Branch,
        /// The step it names.
        step: StepId,
        /// The fault class whose response it is in.
        class: ClassId,
    },
    /// A step that no path through a class's response reaches.
    StepUnreachable {
        /// The step.
        step: StepId,
        /// The fault class.
        class: ClassId,
    },
    /// An inform step with an empty list.
    InformWithoutContacts,
    /// A record step's key that cannot be a placeholder name.
    BadRecordKey {
        /// The key.
        key: String,
    },
    /// A record step without a label.
    RecordWithoutLabel,
    /// A condition on the choice recorded at a step that offers no choices.
    ConditionNeedsChoices {
        /// The step.
        step: StepId,
    },
    /// A condition on a decision's answer, at a step that is no decision.
    ConditionNeedsDecision {
        /// The step.
        step: StepId,
    },
    /// A template placeholder nothing defines.
    UnknownPlaceholder {
        /// The placeholder's name.
        name: String,
        /// Every name that is defined, sorted.
        available: Vec<String>,
    },
    /// A `{` in a template that is never closed.
    UnclosedBrace,
    /// A `}` in a template without its `{`.
    UnopenedBrace,
    /// Braces around something that is not a placeholder name.
    BadPlaceholder {
        /// The text between the braces, with them.
        text: String,
    },
    /// A drill target measured by a step that does not exist.
    MeasuredByUnknownStep {
        /// The step.
        step: StepId,
    },
    /// A drill target measured by a duty no level has.
    MeasuredByUnknownDuty {
        /// The duty.
        duty: ItemId,
    },
    /// A time limit of zero or fewer minutes.
    NotPositive {
        /// The limit.
        minutes: i64,
    },
    /// A time limit over a year.
    OverAYear {
        /// The limit.
        minutes: i64,
    },

    // Whether the plan can be carried out (warnings).
    /// A timed step whose owner is not called by its deadline at some levels.
    OwnerLate {
        /// The step.
        step: StepId,
        /// Its deadline, in minutes after the declaration.
        deadline: i64,
        /// The role that owns it.
        role: RoleId,
        /// Each level where the owner is late, and how.
        levels: Vec<(LevelId, Late)>,
    },
    /// A template sent before anything fills one of its placeholders.
    PlaceholderUnfilled {
        /// The sending step.
        step: StepId,
        /// The template.
        template: TemplateId,
        /// The placeholder.
        name: String,
        /// The responses where it is not filled.
        responses: Responses,
    },
    /// A template no step sends, with a placeholder no step records.
    PlaceholderNeverRecorded {
        /// The template.
        template: TemplateId,
        /// The placeholder.
        name: String,
    },
    /// A step of the closing phase timed from the declaration.
    ClosingStepTimed {
        /// The step.
        step: StepId,
        /// The closing phase.
        phase: PhaseId,
        /// Its deadline.
        minutes: i64,
    },
    /// A legal time limit counted from the declaration.
    LegalLimitFromDeclaration {
        /// The duty.
        duty: ItemId,
    },
    /// Someone a milder level calls whom a more severe level does not.
    NotCalledAtSevere {
        /// The call as the milder tree writes it.
        to: Target,
        /// Who that reaches.
        holder: PersonId,
        /// The milder level.
        milder: LevelId,
        /// The more severe level.
        severe: LevelId,
    },
    /// Someone a more severe level calls later than a milder one.
    CalledLater {
        /// The call as the milder tree writes it.
        to: Target,
        /// Who that reaches.
        holder: PersonId,
        /// The severe level's limit; `None` for no limit.
        within: Option<i64>,
        /// The more severe level.
        severe: LevelId,
        /// The milder level's limit.
        then: i64,
        /// The milder level.
        milder: LevelId,
    },

    // The order a response runs in (warnings, and notes where said).
    /// A timed step placed after steps due later, on some path through a
    /// class's response: done in the order written, it is late.
    DeadlineOrder {
        /// The step due earlier, placed later.
        step: StepId,
        /// Its deadline, in minutes after the declaration.
        deadline: i64,
        /// The steps before it on some path that are due later, with their
        /// deadlines, in the order of the response.
        after: Vec<(StepId, i64)>,
        /// The responses where it is so.
        responses: Responses,
    },
    /// A step placed before the step that starts the call tree, owned by a
    /// role the one who starts it (the duty officer) does not hold: nobody
    /// who owns it has been paged yet.
    BeforePaging {
        /// The step.
        step: StepId,
        /// The role that owns it.
        role: RoleId,
        /// The step that starts the call tree, `Inform(CallTree)`.
        paging: StepId,
        /// Who is on duty at the declaration: the roots of the call trees
        /// of the levels where the step comes too early.
        on_duty: Vec<Target>,
        /// The responses where it is so.
        responses: Responses,
    },
    /// A common step, in every class's response because it names no
    /// classes, that sends a template to an audience some classes send
    /// their own message to: the shared message's audience or promises may
    /// not fit those responses (outage notices in a data leak).
    SharedStepMisfit {
        /// The common step.
        step: StepId,
        /// The template it sends.
        template: TemplateId,
        /// Who the template is for.
        audience: Audience,
        /// Each class that sends its own message to that audience: the
        /// class, its step and the template that step sends.
        own: Vec<(ClassId, StepId, TemplateId)>,
    },
    /// Untimed steps whose owner no call reaches at some levels where they
    /// apply (a timed step's is [`Self::OwnerLate`]).
    OwnerNeverCalled {
        /// The role that owns them.
        role: RoleId,
        /// The steps, in the order of the file.
        steps: Vec<StepId>,
        /// The levels where the role is never called.
        levels: Vec<LevelId>,
    },
    /// A placeholder of a template a step sends that nothing fills at some
    /// levels where the step applies (`{next_update}` at a level without a
    /// status-update cadence).
    PlaceholderUnfilledAt {
        /// The sending step.
        step: StepId,
        /// The template.
        template: TemplateId,
        /// The placeholder.
        name: String,
        /// The levels where nothing fills it.
        levels: Vec<LevelId>,
    },
    /// A note: a timed step's owner is reached exactly at its deadline,
    /// with no minute to spare.
    NoSlack {
        /// The step.
        step: StepId,
        /// Its deadline, in minutes after the declaration.
        deadline: i64,
        /// The role that owns it.
        role: RoleId,
        /// The levels where the first call is due at the deadline itself.
        levels: Vec<LevelId>,
    },
    /// A decision's branch that jumps into a later phase over steps that
    /// should not be skipped: timed ones, inform and communicate steps, and
    /// steps common to every response.
    BranchSkipsPhase {
        /// The decision.
        step: StepId,
        /// Which branch.
        branch: Branch,
        /// The step it goes to.
        to: StepId,
        /// The steps it skips, in the order of the response.
        skipped: Vec<StepId>,
    },
    /// A template's placeholder recorded on some paths only: a decision's
    /// branch skips every step that records it, and the template is still
    /// sent on that path.
    RecordedOnOneBranch {
        /// The sending step.
        step: StepId,
        /// The template.
        template: TemplateId,
        /// The placeholder.
        name: String,
        /// The steps that record it before the sending step.
        recorded_by: Vec<StepId>,
        /// The decision whose branch skips them.
        decision: StepId,
        /// That branch.
        branch: Branch,
    },
    /// A call nested under another that is due before the caller is
    /// called (or under a call with no time limit).
    CallBeforeCaller {
        /// The tree's level.
        level: LevelId,
        /// Who the nested call is to.
        to: Target,
        /// Its limit.
        within: i64,
        /// Who makes it.
        caller: Target,
        /// The caller's own limit; `None` for none.
        caller_within: Option<i64>,
    },
    /// A note: a role counts as reached only because one of its deputies is
    /// the person who starts the call tree; its holder and its other
    /// deputies are not called.
    ReachedThroughRoot {
        /// The role.
        role: RoleId,
        /// The deputy who starts the tree.
        deputy: PersonId,
        /// The levels where that is all that reaches the role.
        levels: Vec<LevelId>,
    },
    /// Reading the file: the path is not a regular file (a named pipe, a
    /// device, a socket), which is never read (a pipe would wait forever).
    /// A folder is [`Self::Folder`].
    NotAFile(FileKind),
}

impl DiagnosticKind {
    /// Gives the kind the position of the other place its diagnostic
    /// refers to ([`super::Diagnostic::related`]), once the text is read.
    pub fn place_related(&mut self, at: Position) {
        if let Self::DuplicateId { first_at, .. } = self {
            *first_at = Some(at);
        }
    }
}

/// A RON syntax or type error. The common ones are typed so that they can
/// be worded; the rest keep the parser's own text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// A field the struct does not have.
    UnknownField {
        /// The field as written.
        found: String,
        /// The struct, when ron knows it.
        outer: Option<String>,
        /// The fields it has.
        expected: &'static [&'static str],
    },
    /// A required field left out.
    MissingField {
        /// The field.
        field: &'static str,
        /// The struct, when ron knows it.
        outer: Option<String>,
    },
    /// A field given twice.
    DuplicateField {
        /// The field.
        field: &'static str,
        /// The struct, when ron knows it.
        outer: Option<String>,
    },
    /// A choice the enum does not have.
    UnknownVariant {
        /// The variant as written.
        found: String,
        /// The enum, when ron knows it.
        outer: Option<String>,
        /// The variants it has.
        expected: &'static [&'static str],
    },
    /// The text ends inside a value.
    Eof,
    /// A string without its closing quote.
    UnclosedString,
    /// A `/*` comment without its `*/`.
    UnclosedComment,
    /// Text after the plan's closing bracket.
    TrailingCharacters,
    /// Nesting past the parser's recursion limit.
    TooDeep,
    /// A token that should be here and is not.
    Expected(Token),
    /// A struct's opening `(`, after its name.
    ExpectedStruct {
        /// The struct.
        name: &'static str,
    },
    /// A struct written under another name.
    WrongStructName {
        /// The name it has.
        expected: &'static str,
        /// The name written.
        found: String,
    },
    /// A character that cannot start anything here.
    UnexpectedChar(char),
    /// A number too large for its field.
    IntegerOutOfBounds,
    /// A value of the wrong type; ron's words for both sides.
    InvalidValue {
        /// What was expected, in ron's words.
        expected: String,
        /// What was found, in ron's words.
        found: String,
    },
    /// A date that is not `YYYY-MM-DD` or does not exist.
    BadDate {
        /// The text written.
        text: String,
    },
    /// Anything else, with ron's own text.
    Other(String),
}

/// What the RON parser expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    /// `,` between items.
    Comma,
    /// A whole number.
    Integer,
    /// Text in double quotes.
    String,
    /// `true` or `false`.
    Boolean,
    /// A number with a fraction.
    Float,
    /// A character in single quotes.
    Char,
    /// `Some(…)` or `None`.
    Option,
    /// A name.
    Identifier,
    /// `()`.
    Unit,
    /// `[`.
    OpenBracket,
    /// `]`.
    CloseBracket,
    /// `(`.
    OpenParen,
    /// `)`.
    CloseParen,
    /// `{`.
    OpenBrace,
    /// `}`.
    CloseBrace,
    /// `:`.
    Colon,
}

/// The kinds of ids, each its own namespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// A unit.
    Unit,
    /// A role.
    Role,
    /// A person.
    Person,
    /// An external contact.
    External,
    /// A phase.
    Phase,
    /// A template.
    Template,
    /// A fault class.
    Class,
    /// An assessment question.
    Question,
    /// A level.
    Level,
    /// A level's reporting duty.
    Duty,
    /// A step.
    Step,
    /// A chapter or a section of the text.
    Text,
    /// A monitoring signal.
    Signal,
    /// An emergency supply.
    Supply,
    /// A drill.
    Drill,
    /// A training.
    Training,
    /// An evacuation plan.
    Evacuation,
    /// One of a record step's choices.
    Choice,
}

/// A decision's branch, by its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Branch {
    /// `yes`.
    Yes,
    /// `no`.
    No,
}

impl Branch {
    /// The field, as the file writes it.
    #[must_use]
    pub fn field(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
        }
    }
}

/// How a step's owner is late at one level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Late {
    /// Called at this many minutes, after the deadline.
    CalledAt(i64),
    /// Called with no time limit.
    NoLimit,
    /// Not called at all.
    NotCalled,
}

/// The responses in which a placeholder goes out unfilled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Responses {
    /// Every fault class's (and there are several).
    Every,
    /// These classes'.
    Of(Vec<ClassId>),
}
