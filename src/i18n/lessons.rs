//! Words for `runbook lessons` and the window's Lessons view: the plan
//! changes the records propose, each with its evidence.

use crate::i18n::Lang;
use crate::i18n::time::{Span, Times};
use crate::model::lessons::{Evidence, PlanLessons, Proposal, SetAside};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;

/// How many characters of a step's text name it.
const GIST_CHARS: usize = 40;

fn gist(text: &str) -> String {
    let mut out: String = text.chars().take(GIST_CHARS).collect();
    if text.chars().nth(GIST_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// One line of the lessons: a proposal (`depth` 0) or a piece of its
/// evidence (1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 0 for a proposal, 1 for its evidence.
    pub depth: u8,
    /// The words.
    pub text: String,
}

/// The proposals of one plan revision in words, each followed by its
/// evidence, for the terminal, Markdown and the window alike.
#[must_use]
pub fn worded(lessons: &PlanLessons, plan: &Plan, times: &Times, lang: Lang) -> Vec<Line> {
    let tr = lang.tr();
    let w = tr.lessons;
    let span = |d: chrono::Duration| (tr.span)(Span::of(d));
    let ev = |e: &Evidence| (w.evidence)(&e.incident, e.drill, &times.datetime(e.at));
    let step_text =
        |id: &crate::model::ids::StepId| plan.step(id).map_or_else(String::new, |s| gist(&s.text));
    let mut out = Vec::new();
    let mut head = |text: String| out.push(Line { depth: 0, text });
    let mut lines: Vec<Line> = Vec::new();
    for p in &lessons.proposals {
        let mut evidence: Vec<String> = Vec::new();
        let text = match p {
            Proposal::StepLate {
                step,
                deadline_minutes,
                late,
                of,
            } => {
                evidence.extend(
                    late.iter()
                        .map(|(e, by)| format!("{}: {}", ev(e), (w.late_by)(&span(*by)))),
                );
                (w.step_late)(
                    step.as_str(),
                    &step_text(step),
                    &span(chrono::Duration::minutes(deadline_minutes.get())),
                    late.len(),
                    *of,
                )
            }
            Proposal::StepSetAside { step, how } => {
                evidence.extend(how.iter().map(|(e, how)| {
                    let how = match how {
                        SetAside::Skipped(why) => (w.skipped)(why),
                        SetAside::NotApplicable => w.not_applicable.to_owned(),
                        SetAside::Deferred => w.deferred.to_owned(),
                        SetAside::Undone => w.undone.to_owned(),
                    };
                    format!("{}: {how}", ev(e))
                }));
                (w.set_aside)(step.as_str(), &step_text(step), how.len())
            }
            Proposal::Contact {
                to,
                no_answer,
                wrong_number,
            } => {
                evidence.extend(
                    no_answer
                        .iter()
                        .map(|e| format!("{}: {}", ev(e), w.no_answer)),
                );
                evidence.extend(
                    wrong_number
                        .iter()
                        .map(|e| format!("{}: {}", ev(e), w.wrong_number)),
                );
                let who = Callee::of(plan, to);
                let name = format!(
                    "{} ({})",
                    who.label(),
                    crate::i18n::incident::target_ref(to)
                );
                (w.contact)(&name, no_answer.len(), wrong_number.len())
            }
            Proposal::TemplateEdited {
                template,
                edits,
                sent,
            } => {
                evidence.extend(edits.iter().map(|(e, words)| {
                    let quoted: Vec<String> = words.iter().map(|x| (w.quote)(&gist(x))).collect();
                    format!("{}: {}", ev(e), (w.changed)(&quoted.join(w.list_sep)))
                }));
                let name = plan
                    .template(template)
                    .map_or_else(String::new, |t| t.name.clone());
                (w.template_edited)(template.as_str(), &name, edits.len(), *sent)
            }
            Proposal::ByHand {
                template,
                placeholder,
                evidence: list,
            } => {
                evidence.extend(list.iter().map(ev));
                (w.by_hand)(placeholder, template.as_str(), list.len())
            }
            Proposal::DrillTarget {
                drill,
                what,
                within_minutes,
                missed,
            } => {
                evidence.extend(missed.iter().map(|(e, late)| {
                    let how =
                        late.map_or_else(|| w.not_reached.to_owned(), |d| (w.late_by)(&span(d)));
                    format!("{}: {how}", ev(e))
                }));
                let within = (tr.within)(crate::model::plan::contacts::span(*within_minutes));
                (w.drill_target)(drill.as_str(), what, &within, missed.len())
            }
        };
        lines.push(Line { depth: 0, text });
        lines.extend(evidence.into_iter().map(|text| Line { depth: 1, text }));
    }
    head((w.plan)(&lessons.version, lessons.records.len()));
    if lines.is_empty() {
        out.push(Line {
            depth: 1,
            text: w.none.to_owned(),
        });
    }
    out.extend(lines);
    out
}

/// The lessons strings of one language.
#[allow(missing_docs)] // Each field's name says what it is; the values are the docs.
pub struct LessonsTr {
    pub title: &'static str,
    /// A plan revision's heading: its version, how many records, their names.
    pub plan: fn(version: &str, n: usize) -> String,
    pub none: &'static str,
    pub no_records: &'static str,
    /// A step done late: id, its text's start, its deadline, how many
    /// times late, of how many records it had the deadline in.
    pub step_late: fn(step: &str, text: &str, deadline: &str, late: usize, of: usize) -> String,
    pub late_by: fn(span: &str) -> String,
    /// A step set aside, how many times.
    pub set_aside: fn(step: &str, text: &str, n: usize) -> String,
    pub skipped: fn(reason: &str) -> String,
    pub not_applicable: &'static str,
    pub deferred: &'static str,
    /// A timed step never done by the close.
    pub undone: &'static str,
    /// A contact to update: who, not answered, wrong number.
    pub contact: fn(who: &str, no_answer: usize, wrong: usize) -> String,
    pub no_answer: &'static str,
    pub wrong_number: &'static str,
    /// A template rewritten: id, its name, how many edited of sent.
    pub template_edited: fn(id: &str, name: &str, edited: usize, sent: usize) -> String,
    /// The template's words that were not sent, already quoted and joined.
    pub changed: fn(words: &str) -> String,
    pub quote: fn(words: &str) -> String,
    /// A placeholder typed by hand each time: its name, the template, how many.
    pub by_hand: fn(placeholder: &str, template: &str, n: usize) -> String,
    /// A drill target missed: drill, what, the limit, how many times.
    pub drill_target: fn(drill: &str, what: &str, within: &str, n: usize) -> String,
    pub not_reached: &'static str,
    /// Where the evidence is: the record, a drill or not, when.
    pub evidence: fn(incident: &str, drill: bool, at: &str) -> String,
    pub list_sep: &'static str,
}

/// 简体中文.
pub const ZH: LessonsTr = LessonsTr {
    title: "预案修订建议",
    plan: |version, n| format!("预案 {version}：依据 {n} 份记录"),
    none: "没有修订建议：没有超时完成或到结案仍未完成的计时步骤，没有被跳过、不适用或推迟的步骤，没有未接通的电话、改写的模板或未达成的演练目标。",
    no_records: "数据目录中没有可读的事件或演练记录。",
    step_late: |step, text, deadline, late, of| {
        format!(
            "步骤 {step}“{text}”：时限 {deadline}，{of} 次中有 {late} 次超时完成——核实时限、负责岗位或在流程中的位置"
        )
    },
    late_by: |span| format!("超时 {span}"),
    set_aside: |step, text, n| {
        format!(
            "步骤 {step}“{text}”：{n} 次被跳过、不适用、推迟或未完成——核实是否仍需要这一步及其适用条件"
        )
    },
    skipped: |reason| format!("跳过：{reason}"),
    not_applicable: "标为不适用",
    deferred: "推迟后未完成",
    undone: "到结案仍未完成，已过时限",
    contact: |who, no_answer, wrong| {
        format!("联系人 {who}：未接通 {no_answer} 次，号码错误 {wrong} 次——更新通讯录或呼叫树")
    },
    no_answer: "未接通",
    wrong_number: "号码错误",
    template_edited: |id, name, edited, sent| {
        format!(
            "模板 {id}（{name}）：发出的 {sent} 条中有 {edited} 条发送前改写了文字——按实际发出的文字修订模板"
        )
    },
    changed: |words| format!("模板原文未发出：{words}"),
    quote: |words| format!("“{words}”"),
    by_hand: |placeholder, template, n| {
        format!(
            "模板 {template} 的 {{{placeholder}}}：{n} 条消息都是手工填写——增加记录这一信息的步骤"
        )
    },
    drill_target: |drill, what, within, n| {
        format!("演练 {drill} 的目标“{what}”（{within}）：{n} 次未达成")
    },
    not_reached: "未达成",
    evidence: |incident, drill, at| {
        if drill {
            format!("演练 {incident}，{at}")
        } else {
            format!("事件 {incident}，{at}")
        }
    },
    list_sep: "；",
};

/// English.
pub const EN: LessonsTr = LessonsTr {
    title: "Proposed changes to the plan",
    plan: |version, n| {
        let s = if n == 1 { "" } else { "s" };
        format!("Plan {version}: from {n} record{s}")
    },
    none: "No changes proposed: no timed step done late or left undone at the close, no step skipped, not applicable or deferred, every call answered, every template sent as written, every drill target met.",
    no_records: "No readable incident or drill in the data folder.",
    step_late: |step, text, deadline, late, of| {
        format!(
            "Step {step} \u{201c}{text}\u{201d}: deadline {deadline}, done late {late} of {of} times — check the deadline, the owner or its place in the flow"
        )
    },
    late_by: |span| format!("{span} late"),
    set_aside: |step, text, n| {
        let s = if n == 1 { "" } else { "s" };
        format!(
            "Step {step} \u{201c}{text}\u{201d}: set aside {n} time{s} — check whether it is still needed, and when it applies"
        )
    },
    skipped: |reason| format!("skipped: {reason}"),
    not_applicable: "marked not applicable",
    deferred: "deferred and never done",
    undone: "still not done at the close, past its deadline",
    contact: |who, no_answer, wrong| {
        format!(
            "Contact {who}: not answered {no_answer}, wrong number {wrong} — update the directory or the call tree"
        )
    },
    no_answer: "not answered",
    wrong_number: "wrong number",
    template_edited: |id, name, edited, sent| {
        format!(
            "Template {id} ({name}): rewritten before sending in {edited} of {sent} messages — bring the template to what was sent"
        )
    },
    changed: |words| format!("not sent of the template: {words}"),
    quote: |words| format!("\u{201c}{words}\u{201d}"),
    by_hand: |placeholder, template, n| {
        let s = if n == 1 { "" } else { "s" };
        format!(
            "{{{placeholder}}} of template {template}: typed by hand in all {n} message{s} — add a step that records it"
        )
    },
    drill_target: |drill, what, within, n| {
        let s = if n == 1 { "" } else { "s" };
        format!("Drill {drill}, target \u{201c}{what}\u{201d} ({within}): missed {n} time{s}")
    },
    not_reached: "not reached",
    evidence: |incident, drill, at| {
        if drill {
            format!("drill {incident}, {at}")
        } else {
            format!("incident {incident}, {at}")
        }
    },
    list_sep: "; ",
};

/// The `runbook stats` strings of one language.
#[allow(missing_docs)] // Each field's name says what it is; the values are the docs.
pub struct StatsTr {
    pub title: &'static str,
    pub real: &'static str,
    pub drills: &'static str,
    pub none: &'static str,
    pub col_class: &'static str,
    pub col_level: &'static str,
    pub col_count: &'static str,
    /// A measure's column: declared, commander, parents, regulator, closed.
    pub measures: [&'static str; 5],
    pub col_duties: &'static str,
    /// A cell: the median and the worst, already worded.
    pub cell: fn(median: &str, worst: &str) -> String,
    /// Duties met on time of those due.
    pub duties: fn(met: usize, due: usize) -> String,
    pub legend: &'static str,
    // The window.
    pub read_records: &'static str,
    pub read_hint: &'static str,
    pub chart_title: &'static str,
    pub minutes: &'static str,
    pub drill_mark: &'static str,
}

/// 简体中文.
pub const STATS_ZH: StatsTr = StatsTr {
    title: "响应用时统计（从发现起算）",
    real: "真实事件",
    drills: "演练（不计入真实事件）",
    none: "无",
    col_class: "故障类别",
    col_level: "等级",
    col_count: "次数",
    measures: [
        "宣布响应",
        "接通指挥长",
        "首次通知学生家长",
        "首次报告监管",
        "关闭",
    ],
    col_duties: "报告义务按时",
    cell: |median, worst| format!("{median} / {worst}"),
    duties: |met, due| format!("{met}/{due}"),
    legend: "每格为中位数 / 最长；— 表示没有记录达到。",
    read_records: "读取全部记录",
    read_hint: "读取数据目录中全部事件和演练的记录，给出预案修订建议和响应用时。",
    chart_title: "从发现起的用时中位数（分钟）",
    minutes: "分钟",
    drill_mark: "（演练）",
};

/// English.
pub const STATS_EN: StatsTr = StatsTr {
    title: "Response times, from discovery",
    real: "Real incidents",
    drills: "Drills (kept apart from real incidents)",
    none: "none",
    col_class: "Class",
    col_level: "Level",
    col_count: "Count",
    measures: [
        "Declared",
        "Commander reached",
        "First to parents",
        "First to regulator",
        "Closed",
    ],
    col_duties: "Duties on time",
    cell: |median, worst| format!("{median} / {worst}"),
    duties: |met, due| format!("{met}/{due}"),
    legend: "Each cell: median / worst; — where no record got there.",
    read_records: "Read every record",
    read_hint: "Reads every incident and drill in the data folder: the plan changes they propose, and the response times.",
    chart_title: "Median time from discovery (minutes)",
    minutes: "minutes",
    drill_mark: " (drill)",
};
