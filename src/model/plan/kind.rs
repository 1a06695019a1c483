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

use super::doc::Target;

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
    /// Not four levels.
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
    /// A procedure step without `phase`.
    StepWithoutPhase,
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
    /// Reading the file: the path is not a regular file (a named pipe, a
    /// device, a socket), which is never read (a pipe would wait forever).
    /// A folder is [`Self::Folder`].
    NotAFile(FileKind),
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
