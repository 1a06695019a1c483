//! Words for `runbook diff`: what changed between two revisions of a plan,
//! in Chinese and English.
//!
//! The comparison (`crate::model::plan::diff`) hands over typed subjects,
//! places, fields and values; the shared functions here ([`subject`],
//! [`place`], [`field`], [`value`], [`counts`]) take each apart once and
//! the language's table ([`DiffTr`]) gives the words. The plan's own words
//! and ids are shown as written in both languages.

use crate::model::plan::diff::{Field, Name, Place, Subject, Topic, Value};
use crate::model::plan::doc::{CountsFrom, InformWhom, Milestone, StepKind, Target, ValueKind};

/// The diff's words in one language.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct DiffTr {
    /// (plan title, old version, new version).
    pub heading: fn(&str, &str, &str) -> String,
    pub no_changes: &'static str,
    pub no_changes_md: &'static str,
    pub added: fn(usize) -> String,
    pub removed: fn(usize) -> String,
    pub changed: fn(usize) -> String,
    /// Between the parts of a count.
    pub sep: &'static str,
    /// Between the items of a list of names.
    pub list_sep: &'static str,
    /// After a label, before its value.
    pub colon: &'static str,
    /// Around where a thing sits, after what it is.
    pub brackets: (&'static str, &'static str),
    /// The end of a sentence (after the counts in Markdown).
    pub full_stop: &'static str,
    /// Markdown's bold words for a change.
    pub kind_added: &'static str,
    pub kind_removed: &'static str,
    pub kind_changed: &'static str,
    /// (field) before the lines of a long text that changed.
    pub lines_changed: fn(&str) -> String,
    /// (field) before its old and its new value.
    pub field_was: fn(&str) -> String,
    pub field_now: fn(&str) -> String,
    /// Markdown's old and new value.
    pub was: &'static str,
    pub now: &'static str,
    pub topics: &'static Topics,
    pub subjects: &'static Subjects,
    pub places: &'static Places,
    pub fields: &'static Fields,
    pub values: &'static Values,
}

/// The headings of the topics.
#[allow(missing_docs)] // One per [`Topic`].
pub struct Topics {
    pub meta: &'static str,
    pub revisions: &'static str,
    pub text: &'static str,
    pub organisation: &'static str,
    pub people: &'static str,
    pub contacts: &'static str,
    pub warnings: &'static str,
    pub levels: &'static str,
    pub duties: &'static str,
    pub classes: &'static str,
    pub call_trees: &'static str,
    pub steps: &'static str,
    pub templates: &'static str,
    pub readiness: &'static str,
}

/// What a change is about: (id, name) unless said otherwise.
#[allow(missing_docs)] // One per [`Subject`].
pub struct Subjects {
    pub plan: &'static str,
    pub revision: fn(&str) -> String,
    pub chapter: fn(&str, &str) -> String,
    pub section: fn(&str, &str) -> String,
    pub unit: fn(&str, &str) -> String,
    pub role: fn(&str, &str) -> String,
    pub person: fn(&str, &str) -> String,
    pub contact: fn(&str, &str) -> String,
    pub signal: fn(&str, &str) -> String,
    /// (level, name).
    pub warning: fn(&str, &str) -> String,
    pub level: fn(&str, &str) -> String,
    /// (duty, level).
    pub duty: fn(&str, &str) -> String,
    pub class: fn(&str, &str) -> String,
    /// (question, class).
    pub question: fn(&str, &str) -> String,
    /// (callee, level).
    pub call: fn(&str, &str) -> String,
    pub call_tree: fn(&str) -> String,
    /// (id, name).
    pub phase: fn(&str, &str) -> String,
    pub step: fn(&str) -> String,
    pub template: fn(&str, &str) -> String,
    /// (id, site).
    pub evacuation: fn(&str, &str) -> String,
    pub supply: fn(&str, &str) -> String,
    pub drill: fn(&str, &str) -> String,
    pub training: fn(&str) -> String,
}

/// Where a thing sits.
#[allow(missing_docs)] // One per [`Place`].
pub struct Places {
    pub units: &'static str,
    pub roles: &'static str,
    pub signals: &'static str,
    pub warnings: &'static str,
    pub classes: &'static str,
    pub phases: &'static str,
    pub trees: &'static str,
    pub evacuation: &'static str,
    pub supplies: &'static str,
    pub drills: &'static str,
    pub training: &'static str,
    pub chapter: fn(&str) -> String,
    pub level: fn(&str) -> String,
    pub class: fn(&str) -> String,
    /// (level, caller).
    pub called_by: fn(&str, &str) -> String,
    /// (phase).
    pub common_step: fn(&str) -> String,
    /// (phase, class).
    pub class_step: fn(&str, &str) -> String,
    /// A phase a plan with errors does not name.
    pub unknown_phase: &'static str,
}

/// The fields' names.
#[allow(missing_docs)] // One per [`Field`].
pub struct Fields {
    pub place: &'static str,
    pub order: &'static str,
    pub title: &'static str,
    pub organisation: &'static str,
    pub version: &'static str,
    pub effective: &'static str,
    pub owner: &'static str,
    pub approver: &'static str,
    pub language: &'static str,
    pub level_scheme: &'static str,
    pub date: &'static str,
    pub author: &'static str,
    pub changes: &'static str,
    pub text: &'static str,
    pub name: &'static str,
    pub part_of: &'static str,
    pub description: &'static str,
    pub unit: &'static str,
    pub holder: &'static str,
    pub deputies: &'static str,
    pub duties: &'static str,
    pub job_title: &'static str,
    pub mobile: &'static str,
    pub office_phone: &'static str,
    pub im: &'static str,
    pub email: &'static str,
    pub location: &'static str,
    pub kind: &'static str,
    pub notes: &'static str,
    pub source: &'static str,
    pub threshold: &'static str,
    pub suggests_level: &'static str,
    pub colour: &'static str,
    pub triggers: &'static str,
    pub measures: &'static str,
    pub issued_by: &'static str,
    pub lifted_by: &'static str,
    pub criteria: &'static str,
    pub activates: &'static str,
    pub inform_within: &'static str,
    pub status_update_every: &'static str,
    pub condition: &'static str,
    pub when: &'static str,
    pub for_classes: &'static str,
    pub except_classes: &'static str,
    pub to: &'static str,
    pub time_limit: &'static str,
    pub basis: &'static str,
    pub detection: &'static str,
    pub examples: &'static str,
    pub question: &'static str,
    pub within: &'static str,
    pub fallback: &'static str,
    pub started_by: &'static str,
    pub step_owner: &'static str,
    pub applies_at: &'static str,
    pub deadline: &'static str,
    pub audience: &'static str,
    pub channel: &'static str,
    pub subject: &'static str,
    pub body: &'static str,
    pub site: &'static str,
    pub lead: &'static str,
    pub assembly_point: &'static str,
    pub steps: &'static str,
    pub quantity: &'static str,
    pub keeper: &'static str,
    pub check: &'static str,
    pub frequency: &'static str,
    pub scenario: &'static str,
    pub classes: &'static str,
    pub targets: &'static str,
    pub topic: &'static str,
    pub assessment: &'static str,
}

/// The words of typed values.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct Values {
    pub role: fn(&str) -> String,
    pub person: fn(&str) -> String,
    pub contact: fn(&str) -> String,
    /// A time limit in its largest whole unit.
    pub minutes: fn(i64) -> String,
    /// A number of minutes as minutes.
    pub exact_minutes: fn(i64) -> String,
    pub no_limit: &'static str,
    pub none: &'static str,
    /// (target, minutes).
    pub inform_within: fn(&str, i64) -> String,
    /// (time limit) counted from an event.
    pub from_declaration: fn(&str) -> String,
    pub from_discovery: fn(&str) -> String,
    pub from_close: fn(&str) -> String,
    pub platform_rule: &'static str,
    pub every_level: &'static str,
    pub level_and_above: fn(&str) -> String,
    /// (time limit) after the declaration.
    pub after_declaration: fn(&str) -> String,
    pub action: &'static str,
    pub check: &'static str,
    /// (question, yes, no).
    pub decision: fn(&str, &str, &str) -> String,
    pub inform_call_tree: &'static str,
    pub inform: fn(&str) -> String,
    pub send_template: fn(&str) -> String,
    /// (key, label, kind of value).
    pub record: fn(&str, &str, &str) -> String,
    pub a_number: &'static str,
    pub text: &'static str,
    /// (what, time limit, what it is measured by, as the file writes it).
    pub drill_target: fn(&str, &str, Option<&str>) -> String,
    pub after: fn(&str) -> String,
    pub first: &'static str,
    // Names of neighbours, by id.
    pub unit: fn(&str) -> String,
    pub role_name: fn(&str) -> String,
    pub signal: fn(&str) -> String,
    pub warning: fn(&str) -> String,
    pub tree: fn(&str) -> String,
    pub evacuation: fn(&str) -> String,
    pub supply: fn(&str) -> String,
    pub drill: fn(&str) -> String,
    pub training: fn(&str) -> String,
}

/// A topic's heading.
#[must_use]
pub fn topic(topic: Topic, t: &DiffTr) -> &'static str {
    let w = t.topics;
    match topic {
        Topic::Meta => w.meta,
        Topic::Revisions => w.revisions,
        Topic::Text => w.text,
        Topic::Organisation => w.organisation,
        Topic::People => w.people,
        Topic::Contacts => w.contacts,
        Topic::Warnings => w.warnings,
        Topic::Levels => w.levels,
        Topic::Duties => w.duties,
        Topic::Classes => w.classes,
        Topic::CallTrees => w.call_trees,
        Topic::Steps => w.steps,
        Topic::Templates => w.templates,
        Topic::Readiness => w.readiness,
    }
}

/// "3 added, 1 removed, 12 changed", leaving out the zeros.
#[must_use]
pub fn counts(added: usize, removed: usize, changed: usize, t: &DiffTr) -> String {
    [(added, t.added), (removed, t.removed), (changed, t.changed)]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, words)| words(n))
        .collect::<Vec<_>>()
        .join(t.sep)
}

/// What a change is about.
#[must_use]
pub fn subject(s: &Subject, t: &DiffTr) -> String {
    let w = t.subjects;
    match s {
        Subject::Plan => w.plan.to_owned(),
        Subject::Revision(version) => (w.revision)(version),
        Subject::Chapter { id, title } => (w.chapter)(id.as_str(), title),
        Subject::Section { id, title } => (w.section)(id.as_str(), title),
        Subject::Unit { id, name } => (w.unit)(id.as_str(), name),
        Subject::Role { id, name } => (w.role)(id.as_str(), name),
        Subject::Person { id, name } => (w.person)(id.as_str(), name),
        Subject::Contact { id, name } => (w.contact)(id.as_str(), name),
        Subject::Signal { id, name } => (w.signal)(id.as_str(), name),
        Subject::Warning { level, name } => (w.warning)(level.as_str(), name),
        Subject::Level { id, name } => (w.level)(id.as_str(), name),
        Subject::Duty { id, level } => (w.duty)(id.as_str(), level.as_str()),
        Subject::Class { id, name } => (w.class)(id.as_str(), name),
        Subject::Question { id, class } => (w.question)(id.as_str(), class.as_str()),
        Subject::Call { to, level } => (w.call)(&target(to, t), level.as_str()),
        Subject::CallTree { level } => (w.call_tree)(level.as_str()),
        Subject::Phase { id, name } => (w.phase)(id.as_str(), name),
        Subject::Step(id) => (w.step)(id.as_str()),
        Subject::Template { id, name } => (w.template)(id.as_str(), name),
        Subject::Evacuation { id, site } => (w.evacuation)(id.as_str(), site),
        Subject::Supply { id, name } => (w.supply)(id.as_str(), name),
        Subject::Drill { id, name } => (w.drill)(id.as_str(), name),
        Subject::Training(id) => (w.training)(id.as_str()),
    }
}

/// Where a thing sits; empty for [`Place::Nowhere`].
#[must_use]
pub fn place(p: &Place, t: &DiffTr) -> String {
    let w = t.places;
    match p {
        Place::Nowhere => String::new(),
        Place::Units => w.units.to_owned(),
        Place::Roles => w.roles.to_owned(),
        Place::Signals => w.signals.to_owned(),
        Place::Warnings => w.warnings.to_owned(),
        Place::Classes => w.classes.to_owned(),
        Place::Phases => w.phases.to_owned(),
        Place::Trees => w.trees.to_owned(),
        Place::Evacuation => w.evacuation.to_owned(),
        Place::Supplies => w.supplies.to_owned(),
        Place::Drills => w.drills.to_owned(),
        Place::Training => w.training.to_owned(),
        Place::Chapter(id) => (w.chapter)(id.as_str()),
        Place::Level(id) => (w.level)(id.as_str()),
        Place::Class(id) => (w.class)(id.as_str()),
        Place::CalledBy { level, caller } => (w.called_by)(level.as_str(), &target(caller, t)),
        Place::CommonStep { phase } => (w.common_step)(phase.as_str()),
        Place::ClassStep { phase, class } => (w.class_step)(
            phase.as_ref().map_or(w.unknown_phase, |p| p.as_str()),
            class.as_str(),
        ),
    }
}

/// A field's name.
#[must_use]
#[allow(clippy::too_many_lines)] // One arm per field.
pub fn field(f: Field, t: &DiffTr) -> &'static str {
    let w = t.fields;
    match f {
        Field::Place => w.place,
        Field::Order => w.order,
        Field::Title => w.title,
        Field::Organisation => w.organisation,
        Field::Version => w.version,
        Field::Effective => w.effective,
        Field::Owner => w.owner,
        Field::Approver => w.approver,
        Field::Language => w.language,
        Field::LevelScheme => w.level_scheme,
        Field::Date => w.date,
        Field::Author => w.author,
        Field::Changes => w.changes,
        Field::Text => w.text,
        Field::Name => w.name,
        Field::PartOf => w.part_of,
        Field::Description => w.description,
        Field::Unit => w.unit,
        Field::Holder => w.holder,
        Field::Deputies => w.deputies,
        Field::Duties => w.duties,
        Field::JobTitle => w.job_title,
        Field::Mobile => w.mobile,
        Field::OfficePhone => w.office_phone,
        Field::Im => w.im,
        Field::Email => w.email,
        Field::Location => w.location,
        Field::Kind => w.kind,
        Field::Notes => w.notes,
        Field::Source => w.source,
        Field::Threshold => w.threshold,
        Field::SuggestsLevel => w.suggests_level,
        Field::Colour => w.colour,
        Field::Triggers => w.triggers,
        Field::Measures => w.measures,
        Field::IssuedBy => w.issued_by,
        Field::LiftedBy => w.lifted_by,
        Field::Criteria => w.criteria,
        Field::Activates => w.activates,
        Field::InformWithin => w.inform_within,
        Field::StatusUpdateEvery => w.status_update_every,
        Field::Condition => w.condition,
        Field::When => w.when,
        Field::ForClasses => w.for_classes,
        Field::ExceptClasses => w.except_classes,
        Field::To => w.to,
        Field::TimeLimit => w.time_limit,
        Field::Basis => w.basis,
        Field::Detection => w.detection,
        Field::Examples => w.examples,
        Field::Question => w.question,
        Field::Within => w.within,
        Field::Fallback => w.fallback,
        Field::StartedBy => w.started_by,
        Field::StepOwner => w.step_owner,
        Field::AppliesAt => w.applies_at,
        Field::Deadline => w.deadline,
        Field::Audience => w.audience,
        Field::Channel => w.channel,
        Field::Subject => w.subject,
        Field::Body => w.body,
        Field::Site => w.site,
        Field::Lead => w.lead,
        Field::AssemblyPoint => w.assembly_point,
        Field::Steps => w.steps,
        Field::Quantity => w.quantity,
        Field::Keeper => w.keeper,
        Field::Check => w.check,
        Field::Frequency => w.frequency,
        Field::Scenario => w.scenario,
        Field::Classes => w.classes,
        Field::Targets => w.targets,
        Field::Topic => w.topic,
        Field::Assessment => w.assessment,
    }
}

/// A call target as the file names it: `role tech-lead`.
#[must_use]
pub fn target(to: &Target, t: &DiffTr) -> String {
    let w = t.values;
    match to {
        Target::Role(id) => (w.role)(id.as_str()),
        Target::Person(id) => (w.person)(id.as_str()),
        Target::External(id) => (w.contact)(id.as_str()),
    }
}

fn targets(list: &[Target], t: &DiffTr) -> String {
    list.iter()
        .map(|to| target(to, t))
        .collect::<Vec<_>>()
        .join(t.list_sep)
}

/// How a neighbour is named.
fn name(n: &Name, t: &DiffTr) -> String {
    let w = t.values;
    match n {
        Name::Id(id) => id.clone(),
        Name::Unit(id) => (w.unit)(id.as_str()),
        Name::Role(id) => (w.role_name)(id.as_str()),
        Name::Signal(id) => (w.signal)(id.as_str()),
        Name::Warning(level) => (w.warning)(level.as_str()),
        Name::Tree(level) => (w.tree)(level.as_str()),
        Name::Target(to) => target(to, t),
        Name::Evacuation(id) => (w.evacuation)(id.as_str()),
        Name::Supply(id) => (w.supply)(id.as_str()),
        Name::Drill(id) => (w.drill)(id.as_str()),
        Name::Training(id) => (w.training)(id.as_str()),
    }
}

/// A value as text; several lines for a list the reader compares line by line.
#[must_use]
pub fn value(v: &Value, t: &DiffTr) -> String {
    let w = t.values;
    match v {
        Value::Text(text) => text.clone(),
        Value::Target(to) => target(to, t),
        Value::Targets(list) => targets(list, t),
        Value::Minutes(m) => (w.minutes)(*m),
        Value::ExactMinutes(m) => (w.exact_minutes)(*m),
        Value::NoLimit => w.no_limit.to_owned(),
        Value::InformWithin(list) => list
            .iter()
            .map(|(to, m)| (w.inform_within)(&target(to, t), *m))
            .collect::<Vec<_>>()
            .join("\n"),
        Value::TimeLimit(None) | Value::Deadline(None) => w.none.to_owned(),
        Value::TimeLimit(Some((m, from))) => {
            let limit = (w.minutes)(*m);
            match from {
                CountsFrom::Declaration => (w.from_declaration)(&limit),
                CountsFrom::Discovery => (w.from_discovery)(&limit),
                CountsFrom::Closing => (w.from_close)(&limit),
            }
        }
        Value::PlatformRule => w.platform_rule.to_owned(),
        Value::AppliesAt(None) => w.every_level.to_owned(),
        Value::AppliesAt(Some(level)) => (w.level_and_above)(level.as_str()),
        Value::Deadline(Some(m)) => (w.after_declaration)(&(w.minutes)(*m)),
        Value::StepKind(kind) => step_kind(kind, t),
        Value::DrillTargets(list) => list
            .iter()
            .map(|(what, m, measure)| {
                let measure = measure.as_ref().map(milestone);
                (w.drill_target)(what, &(w.minutes)(*m), measure.as_deref())
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Value::Place(p) => place(p, t),
        Value::Order(None) => w.first.to_owned(),
        Value::Order(Some(n)) => (w.after)(&name(n, t)),
    }
}

/// What a drill target is measured by, as the plan file writes it
/// (`StepDone("net-switch-cdn")`), the same in both languages, as a
/// condition is.
fn milestone(m: &Milestone) -> String {
    let to = |t: &Target| match t {
        Target::Role(id) => format!("Role({:?})", id.as_str()),
        Target::Person(id) => format!("Person({:?})", id.as_str()),
        Target::External(id) => format!("External({:?})", id.as_str()),
    };
    match m {
        Milestone::Declared => "Declared".to_owned(),
        Milestone::Reached(t) => format!("Reached({})", to(t)),
        Milestone::StepDone(id) => format!("StepDone({:?})", id.as_str()),
        Milestone::FirstMessage(a) => format!("FirstMessage({a:?})"),
        Milestone::Duty(id) => format!("Duty({:?})", id.as_str()),
        Milestone::Closed => "Closed".to_owned(),
    }
}

fn step_kind(k: &StepKind, t: &DiffTr) -> String {
    let w = t.values;
    match k {
        StepKind::Action => w.action.to_owned(),
        StepKind::Check => w.check.to_owned(),
        StepKind::Decision { question, yes, no } => {
            (w.decision)(question, yes.as_str(), no.as_str())
        }
        StepKind::Inform(InformWhom::CallTree) => w.inform_call_tree.to_owned(),
        StepKind::Inform(InformWhom::Contacts(list)) => (w.inform)(&targets(list, t)),
        StepKind::Communicate { template } => (w.send_template)(template.as_str()),
        StepKind::Record {
            key,
            label,
            value,
            choices,
        } => {
            // A step with choices is read by its choices.
            let kind = if choices.is_empty() {
                match value {
                    ValueKind::Count => w.a_number,
                    ValueKind::Text => w.text,
                }
                .to_owned()
            } else {
                choices
                    .iter()
                    .map(|c| c.label.as_str())
                    .collect::<Vec<_>>()
                    .join(t.list_sep)
            };
            (w.record)(key, label, &kind)
        }
    }
}

/// 简体中文.
pub const ZH: DiffTr = DiffTr {
    heading: |title, old, new| format!("{title}：从 {old} 版到 {new} 版的修改"),
    no_changes: "没有修改",
    no_changes_md: "没有修改。",
    added: |n| format!("新增 {n} 项"),
    removed: |n| format!("删除 {n} 项"),
    changed: |n| format!("修改 {n} 项"),
    sep: "，",
    list_sep: "、",
    colon: "：",
    brackets: ("（", "）"),
    full_stop: "。",
    kind_added: "新增",
    kind_removed: "删除",
    kind_changed: "修改",
    lines_changed: |field| format!("{field}，改动的行："),
    field_was: |field| format!("{field}（原）"),
    field_now: |field| format!("{field}（现）"),
    was: "原为",
    now: "现为",
    topics: &Topics {
        meta: "预案",
        revisions: "修订记录",
        text: "正文",
        organisation: "组织架构",
        people: "人员与电话",
        contacts: "外部联系人",
        warnings: "监测信号与预警",
        levels: "响应等级",
        duties: "报告义务",
        classes: "故障分类",
        call_trees: "呼叫树",
        steps: "处置阶段与步骤",
        templates: "通知模板",
        readiness: "疏散、物资、演练与培训",
    },
    subjects: &Subjects {
        plan: "预案本身",
        revision: |v| format!("修订 {v}"),
        chapter: |id, title| format!("章 {id} {title}"),
        section: |id, title| format!("节 {id} {title}"),
        unit: |id, name| format!("单位 {id} {name}"),
        role: |id, name| format!("岗位 {id} {name}"),
        person: |id, name| format!("人员 {id} {name}"),
        contact: |id, name| format!("外部联系人 {id} {name}"),
        signal: |id, name| format!("监测信号 {id} {name}"),
        warning: |level, name| format!("{level} 级预警 {name}"),
        level: |id, name| format!("等级 {id} {name}"),
        duty: |id, level| format!("{level} 级的报告义务 {id}"),
        class: |id, name| format!("故障分类 {id} {name}"),
        question: |id, class| format!("故障分类 {class} 的研判问题 {id}"),
        call: |to, level| format!("{level} 级呼叫{to}"),
        call_tree: |level| format!("{level} 级呼叫树"),
        phase: |id, name| format!("阶段 {id} {name}"),
        step: |id| format!("步骤 {id}"),
        template: |id, name| format!("模板 {id} {name}"),
        evacuation: |id, site| format!("疏散方案 {id} {site}"),
        supply: |id, name| format!("应急物资 {id} {name}"),
        drill: |id, name| format!("演练 {id} {name}"),
        training: |id| format!("培训 {id}"),
    },
    places: &Places {
        units: "单位",
        roles: "岗位",
        signals: "监测信号",
        warnings: "预警",
        classes: "故障分类",
        phases: "阶段",
        trees: "呼叫树",
        evacuation: "疏散方案",
        supplies: "应急物资",
        drills: "演练",
        training: "培训",
        chapter: |id| format!("章 {id}"),
        level: |id| format!("{id} 级"),
        class: |id| format!("故障分类 {id}"),
        called_by: |level, caller| format!("{level} 级，由{caller} 呼叫"),
        common_step: |phase| format!("阶段 {phase}，所有故障分类"),
        class_step: |phase, class| format!("阶段 {phase}，故障分类 {class}"),
        unknown_phase: "?",
    },
    fields: &Fields {
        place: "位置",
        order: "顺序",
        title: "标题",
        organisation: "编制单位",
        version: "版本",
        effective: "生效日期",
        owner: "负责部门",
        approver: "批准人",
        language: "语言",
        level_scheme: "响应分级",
        date: "日期",
        author: "修订人",
        changes: "修订内容",
        text: "内容",
        name: "名称",
        part_of: "上级单位",
        description: "说明",
        unit: "所属单位",
        holder: "负责人",
        deputies: "替补",
        duties: "职责",
        job_title: "职务",
        mobile: "手机",
        office_phone: "办公电话",
        im: "即时通讯",
        email: "电子邮件",
        location: "地点",
        kind: "类型",
        notes: "备注",
        source: "来源",
        threshold: "阈值",
        suggests_level: "建议等级",
        colour: "颜色",
        triggers: "发布条件",
        measures: "预警措施",
        issued_by: "发布",
        lifted_by: "解除",
        criteria: "判定条件",
        activates: "启动单位",
        inform_within: "限时通知",
        status_update_every: "进展通报间隔",
        condition: "条件",
        when: "适用条件（按事件记录判断）",
        for_classes: "适用的故障分类",
        except_classes: "不适用的故障分类",
        to: "报告对象",
        time_limit: "时限",
        basis: "依据",
        detection: "发现途径",
        examples: "典型案例",
        question: "问题",
        within: "呼叫时限",
        fallback: "备用联系人",
        started_by: "发起人",
        step_owner: "负责岗位",
        applies_at: "适用等级",
        deadline: "完成时限",
        audience: "对象",
        channel: "渠道",
        subject: "主题",
        body: "正文",
        site: "场所",
        lead: "负责岗位",
        assembly_point: "集合地点",
        steps: "步骤",
        quantity: "数量",
        keeper: "保管人",
        check: "检查",
        frequency: "频次",
        scenario: "情景",
        classes: "故障分类",
        targets: "时间目标",
        topic: "培训内容",
        assessment: "考核方式",
    },
    values: &Values {
        role: |id| format!("岗位 {id}"),
        person: |id| format!("人员 {id}"),
        contact: |id| format!("外部联系人 {id}"),
        minutes: |m| {
            const DAY: i64 = 24 * 60;
            if m >= DAY && m % DAY == 0 {
                format!("{} 天", m / DAY)
            } else if m >= 120 && m % 60 == 0 {
                format!("{} 小时", m / 60)
            } else {
                format!("{m} 分钟")
            }
        },
        exact_minutes: |m| format!("{m} 分钟"),
        no_limit: "不限时",
        none: "无",
        inform_within: |to, m| format!("{to}：{m} 分钟内"),
        from_declaration: |limit| format!("启动响应后 {limit}"),
        from_discovery: |limit| format!("发现后 {limit}"),
        from_close: |limit| format!("响应结束后 {limit}"),
        platform_rule: "平台规定",
        every_level: "所有等级",
        level_and_above: |level| format!("{level} 级及以上"),
        after_declaration: |limit| format!("启动响应后 {limit}"),
        action: "执行",
        check: "检查",
        decision: |question, yes, no| format!("判断：{question} 是 → {yes}，否 → {no}"),
        inform_call_tree: "通知：本等级的呼叫树",
        inform: |list| format!("通知：{list}"),
        send_template: |id| format!("发送模板 {id}"),
        record: |key, label, kind| format!("记录 {{{key}}}：{label}（{kind}）"),
        a_number: "数字",
        text: "文字",
        drill_target: |what, limit, measure| match measure {
            Some(m) => format!("{what}：{limit}，以 {m} 计时"),
            None => format!("{what}：{limit}"),
        },
        after: |name| format!("在 {name} 之后"),
        first: "排在最前",
        unit: |id| format!("单位 {id}"),
        role_name: |id| format!("岗位 {id}"),
        signal: |id| format!("监测信号 {id}"),
        warning: |level| format!("{level} 级预警"),
        tree: |level| format!("{level} 级呼叫树"),
        evacuation: |id| format!("疏散方案 {id}"),
        supply: |id| format!("应急物资 {id}"),
        drill: |id| format!("演练 {id}"),
        training: |id| format!("培训 {id}"),
    },
};

/// English, also the command line's words outside a Chinese locale.
pub const EN: DiffTr = DiffTr {
    heading: |title, old, new| format!("Changes to {title} from revision {old} to {new}"),
    no_changes: "no changes",
    no_changes_md: "No changes.",
    added: |n| format!("{n} added"),
    removed: |n| format!("{n} removed"),
    changed: |n| format!("{n} changed"),
    sep: ", ",
    list_sep: ", ",
    colon: ": ",
    brackets: (" (", ")"),
    full_stop: ".",
    kind_added: "Added",
    kind_removed: "Removed",
    kind_changed: "Changed",
    lines_changed: |field| format!("{field}, the lines that changed:"),
    field_was: |field| format!("{field} was"),
    field_now: |field| format!("{field} now"),
    was: "was",
    now: "now",
    topics: &Topics {
        meta: "Plan",
        revisions: "Revision history",
        text: "Text",
        organisation: "Organisation",
        people: "People and phone numbers",
        contacts: "External contacts",
        warnings: "Signals and warnings",
        levels: "Response levels",
        duties: "Reporting duties",
        classes: "Fault classes",
        call_trees: "Call trees",
        steps: "Phases and steps",
        templates: "Message templates",
        readiness: "Evacuation, supplies, drills and training",
    },
    subjects: &Subjects {
        plan: "the plan",
        revision: |v| format!("revision {v}"),
        chapter: |id, title| format!("chapter {id} {title}"),
        section: |id, title| format!("section {id} {title}"),
        unit: |id, name| format!("unit {id} {name}"),
        role: |id, name| format!("role {id} {name}"),
        person: |id, name| format!("person {id} {name}"),
        contact: |id, name| format!("contact {id} {name}"),
        signal: |id, name| format!("signal {id} {name}"),
        warning: |level, name| format!("warning for level {level} {name}"),
        level: |id, name| format!("level {id} {name}"),
        duty: |id, level| format!("duty {id} at level {level}"),
        class: |id, name| format!("class {id} {name}"),
        question: |id, class| format!("assessment question {id} of class {class}"),
        call: |to, level| format!("call to {to} at level {level}"),
        call_tree: |level| format!("call tree of level {level}"),
        phase: |id, name| format!("phase {id} {name}"),
        step: |id| format!("step {id}"),
        template: |id, name| format!("template {id} {name}"),
        evacuation: |id, site| format!("evacuation {id} {site}"),
        supply: |id, name| format!("supply {id} {name}"),
        drill: |id, name| format!("drill {id} {name}"),
        training: |id| format!("training {id}"),
    },
    places: &Places {
        units: "units",
        roles: "roles",
        signals: "signals",
        warnings: "warnings",
        classes: "classes",
        phases: "phases",
        trees: "trees",
        evacuation: "evacuation",
        supplies: "supplies",
        drills: "drills",
        training: "training",
        chapter: |id| format!("chapter {id}"),
        level: |id| format!("level {id}"),
        class: |id| format!("class {id}"),
        called_by: |level, caller| format!("level {level}, called by {caller}"),
        common_step: |phase| format!("phase {phase}, every class"),
        class_step: |phase, class| format!("phase {phase}, class {class}"),
        unknown_phase: "?",
    },
    fields: &Fields {
        place: "place",
        order: "order",
        title: "title",
        organisation: "organisation",
        version: "version",
        effective: "effective",
        owner: "owner",
        approver: "approver",
        language: "language",
        level_scheme: "level scheme",
        date: "date",
        author: "author",
        changes: "changes",
        text: "text",
        name: "name",
        part_of: "part of",
        description: "description",
        unit: "unit",
        holder: "holder",
        deputies: "deputies",
        duties: "duties",
        job_title: "title",
        mobile: "mobile",
        office_phone: "office phone",
        im: "IM",
        email: "e-mail",
        location: "location",
        kind: "kind",
        notes: "notes",
        source: "source",
        threshold: "threshold",
        suggests_level: "suggests level",
        colour: "colour",
        triggers: "triggers",
        measures: "measures",
        issued_by: "issued by",
        lifted_by: "lifted by",
        criteria: "criteria",
        activates: "activates",
        inform_within: "inform within",
        status_update_every: "status update every",
        condition: "condition",
        when: "condition read from the record",
        for_classes: "fault classes",
        except_classes: "fault classes left out",
        to: "to",
        time_limit: "time limit",
        basis: "basis",
        detection: "detection",
        examples: "examples",
        question: "question",
        within: "within",
        fallback: "fallback",
        started_by: "started by",
        step_owner: "owner",
        applies_at: "applies at",
        deadline: "deadline",
        audience: "audience",
        channel: "channel",
        subject: "subject",
        body: "body",
        site: "site",
        lead: "lead",
        assembly_point: "assembly point",
        steps: "steps",
        quantity: "quantity",
        keeper: "keeper",
        check: "check",
        frequency: "frequency",
        scenario: "scenario",
        classes: "classes",
        targets: "targets",
        topic: "topic",
        assessment: "assessment",
    },
    values: &Values {
        role: |id| format!("role {id}"),
        person: |id| format!("person {id}"),
        contact: |id| format!("contact {id}"),
        // As an approver reads them: `15 min`, `4 h`, `30 days`.
        minutes: |m| {
            const DAY: i64 = 24 * 60;
            if m >= DAY && m % DAY == 0 {
                let days = m / DAY;
                format!("{days} day{}", if days == 1 { "" } else { "s" })
            } else if m >= 120 && m % 60 == 0 {
                format!("{} h", m / 60)
            } else {
                format!("{m} min")
            }
        },
        exact_minutes: |m| format!("{m} min"),
        no_limit: "no limit",
        none: "none",
        inform_within: |to, m| format!("{to} {m} min"),
        from_declaration: |limit| format!("{limit} from the declaration"),
        from_discovery: |limit| format!("{limit} from the discovery"),
        from_close: |limit| format!("{limit} from the close"),
        platform_rule: "the platform's own rule",
        every_level: "every level",
        level_and_above: |level| format!("level {level} and above"),
        after_declaration: |limit| format!("{limit} after the declaration"),
        action: "action",
        check: "check",
        decision: |question, yes, no| format!("decision: {question} yes → {yes}, no → {no}"),
        inform_call_tree: "inform: the level's call tree",
        inform: |list| format!("inform: {list}"),
        send_template: |id| format!("send template {id}"),
        record: |key, label, kind| format!("record {{{key}}}: {label} ({kind})"),
        a_number: "a number",
        text: "text",
        drill_target: |what, limit, measure| match measure {
            Some(m) => format!("{what}: {limit}, measured by {m}"),
            None => format!("{what}: {limit}"),
        },
        after: |name| format!("after {name}"),
        first: "first",
        unit: |id| format!("unit {id}"),
        role_name: |id| format!("role {id}"),
        signal: |id| format!("signal {id}"),
        warning: |level| format!("warning {level}"),
        tree: |level| format!("{level}/root"),
        evacuation: |id| format!("evacuation {id}"),
        supply: |id| format!("supply {id}"),
        drill: |id| format!("drill {id}"),
        training: |id| format!("training {id}"),
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_read_as_days_hours_or_minutes() {
        let en = EN.values.minutes;
        assert_eq!(en(43200), "30 days");
        assert_eq!(en(240), "4 h");
        assert_eq!(en(1440), "1 day");
        assert_eq!(en(45), "45 min");
        assert_eq!(en(90), "90 min");
        assert_eq!(en(60), "60 min");
        let zh = ZH.values.minutes;
        assert_eq!(zh(43200), "30 天");
        assert_eq!(zh(240), "4 小时");
        assert_eq!(zh(90), "90 分钟");
    }

    #[test]
    fn counts_leave_out_the_zeros() {
        assert_eq!(counts(3, 0, 12, &EN), "3 added, 12 changed");
        assert_eq!(counts(0, 1, 0, &ZH), "删除 1 项");
    }

    #[test]
    fn a_moved_step_says_where_in_both_languages() {
        let moved = Value::Place(Place::ClassStep {
            phase: Some(crate::model::ids::PhaseId::new("assess")),
            class: crate::model::ids::ClassId::new("network"),
        });
        assert_eq!(value(&moved, &EN), "phase assess, class network");
        assert_eq!(value(&moved, &ZH), "阶段 assess，故障分类 network");
        let first = Value::Order(None);
        assert_eq!(value(&first, &EN), "first");
        let after = Value::Order(Some(Name::Role(crate::model::ids::RoleId::new("dba"))));
        assert_eq!(value(&after, &ZH), "在 岗位 dba 之后");
    }
}
