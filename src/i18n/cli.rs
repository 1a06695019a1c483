//! The command line's own words: the labels, notices, hints and errors of
//! `runbook incident …` (status, calls, timeline, list, closing, what was
//! saved), in Chinese and English.
//!
//! What the model and the store report is worded by `incident`, shared
//! with the window; this table holds only what the terminal adds around
//! it — column words, the commands a hint points to, the confirmations.
//! Commands, ids, file names and option names stay as typed in both
//! languages: they are what the operator types next.

/// The command line's strings of one language.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct CliTr {
    // Hints after a failure.
    /// Between a sentence and what follows it: "; " or "；".
    pub then: &'static str,
    /// Before what a sentence names: ": " or "：".
    pub colon: &'static str,
    pub hint_not_found: &'static str,
    pub hint_unknown_step: &'static str,
    pub hint_unfilled: fn(name: &str) -> String,
    pub hint_does_it: fn(command: &str) -> String,
    /// "Did you mean …?", with the closest candidates.
    pub did_you_mean: fn(candidates: &str) -> String,
    // Timeline.
    pub message_text: &'static str,
    pub after_damage: &'static str,
    pub in_foreign_log: &'static str,
    pub taken_back: &'static str,
    pub addendum: &'static str,
    pub happened: fn(at: &str) -> String,
    // Closing.
    pub closing_clear: &'static str,
    pub closing_leaves: &'static str,
    pub steps_open: fn(usize) -> String,
    pub steps_deferred: fn(usize) -> String,
    pub steps_blocked: fn(usize) -> String,
    pub blocked_because: fn(why: &str) -> String,
    pub duties_left: fn(usize) -> String,
    pub calls_left: fn(usize) -> String,
    pub counts_from_close: &'static str,
    pub no_time_limit: &'static str,
    // Times.
    pub overdue_by: fn(span: &str) -> String,
    pub overdue_by_due: fn(span: &str, due: &str) -> String,
    pub due_in: fn(due: &str, span: &str) -> String,
    pub due: fn(due: &str) -> String,
    pub overdue_due: fn(due: &str) -> String,
    pub in_span: fn(span: &str) -> String,
    // Calls.
    pub calls_at: fn(level: &str, root: &str) -> String,
    pub no_call_tree: fn(level: &str) -> String,
    pub reached_at: fn(who: &str, at: &str) -> String,
    pub next_call: fn(who: &str) -> String,
    pub nobody_left: &'static str,
    pub tried: fn(who: &str, outcome: &str, at: &str) -> String,
    pub no_answer: &'static str,
    pub left_message: &'static str,
    pub wrong_number: &'static str,
    pub reached: &'static str,
    pub not_called: &'static str,
    pub calls_progress: fn(reached: usize, all: usize, overdue: usize) -> String,
    pub call_next: fn(order: &str, who: &str) -> String,
    // List.
    pub unreadable_declaration: &'static str,
    pub open: &'static str,
    pub closed: &'static str,
    pub drill: &'static str,
    pub real: &'static str,
    pub level: fn(level: &str) -> String,
    pub crashed_open: &'static str,
    pub no_incidents: fn(root: &str) -> String,
    // Status.
    pub header_drill: &'static str,
    pub header_real: &'static str,
    pub closed_at: fn(at: &str) -> String,
    pub level_class: fn(level: &str, level_name: &str, class: &str, class_name: &str) -> String,
    pub suggested: fn(suggested: &str, reason: &str) -> String,
    pub discovered: fn(at: &str) -> String,
    pub declared: fn(at: &str, by: &str, commander: &str, plan: &str, sha: &str) -> String,
    pub folder: fn(path: &str) -> String,
    /// Where a new or joined incident is kept (scripts read the path after it).
    pub folder_is: fn(path: &str) -> String,
    pub clocks: &'static str,
    pub next_update: &'static str,
    pub inform: fn(whom: &str) -> String,
    pub met: &'static str,
    pub applies_unknown: &'static str,
    pub not_applicable: &'static str,
    pub checklist: &'static str,
    pub kind_action: &'static str,
    pub kind_check: &'static str,
    pub kind_decision: &'static str,
    pub kind_inform: &'static str,
    pub kind_message: &'static str,
    pub kind_record: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub answer_it: fn(command: &str) -> String,
    pub record_it: fn(command: &str) -> String,
    pub send_it: fn(command: &str) -> String,
    pub when_done: fn(command: &str) -> String,
    pub foreign_steps: fn(list: &str) -> String,
    pub steps_overdue: fn(usize) -> String,
    pub next_deadline: fn(at: &str) -> String,
    pub no_deadline: &'static str,
    pub next_step: fn(id: &str, text: &str) -> String,
    pub settled_but_deferred: &'static str,
    // Acting.
    pub joined: fn(name: &str, device: &str) -> String,
    pub declared_new: fn(name: &str, level: &str) -> String,
    pub scenario_not_recorded: fn(why: &str) -> String,
    pub log_head: fn(head: &str) -> String,
    pub saved: fn(what: &str) -> String,
    pub closed_see_timeline: &'static str,
    pub saved_instead: fn(place: &str) -> String,
    pub could_not_continue: fn(place: &str, why: &str) -> String,
    pub not_saved: &'static str,
    pub not_saved_anywhere: &'static str,
    pub read_as: fn(refusal: &str, read: &str, discovered: &str) -> String,
    pub waiting: &'static str,
    pub type_note: &'static str,
    pub not_logged: &'static str,
    pub not_closed: &'static str,
    pub plan_errors: fn(path: &str, count: usize) -> String,
    pub no_template: fn(id: &str) -> String,
    pub give_template: &'static str,
    pub set_pair: fn(given: &str) -> String,
    pub answer_pair: fn(given: &str) -> String,
    pub answer_yes_no: fn(given: &str) -> String,
    pub no_entry_number: fn(given: &str, n: usize) -> String,
    pub corrects_time: fn(given: &str) -> String,
    pub no_entry_then: fn(given: &str) -> String,
    pub note_unreadable: &'static str,
    pub note_not_utf8: fn(byte: usize) -> String,
    pub not_rfc3339: fn(given: &str) -> String,
    /// The help's summary of each command, by its path (`incident note`);
    /// empty where clap's own (the English doc comments) is the language's.
    pub help: &'static [(&'static str, &'static str)],
    // The process.
    pub saved_not_printed: fn(why: &str) -> String,
    pub stdout_failed: fn(why: &str) -> String,
    pub not_a_command: fn(word: &str) -> String,
}

/// 简体中文.
pub const ZH: CliTr = CliTr {
    then: "；",
    colon: "：",
    hint_not_found: "请给出事件的文件夹，或 `runbook incident list` 显示的事件名",
    hint_unknown_step: "`runbook incident status` 列出全部步骤",
    hint_unfilled: |name| {
        format!("请先记录填写它的步骤，或用 --set {name}=... 给出，或用 --text 写出整条消息")
    },
    hint_does_it: |command| format!("用 `{command}` 完成"),
    did_you_mean: |c| format!("是不是：{c}？"),
    message_text: "--- 消息全文 ---",
    after_damage: "（损坏之后）",
    in_foreign_log: "（在其他设备的日志中）",
    taken_back: "（已撤销）",
    addendum: "（结案后补记）",
    happened: |at| format!("（发生于 {at}）"),
    closing_clear: "结案后没有遗留：每个步骤都已处理，每项报告义务都已履行，每个呼叫都已接通",
    closing_leaves: "结案将遗留：",
    steps_open: |n| format!("{n} 个步骤未完成："),
    steps_deferred: |n| format!("{n} 个步骤已推迟："),
    steps_blocked: |n| format!("{n} 个步骤受阻："),
    blocked_because: |why| format!("（受阻：{why}）"),
    duties_left: |n| format!("{n} 项报告义务未履行，超时的在前："),
    calls_left: |n| format!("{n} 个呼叫未接通："),
    counts_from_close: "从结案起计时",
    no_time_limit: "无时限",
    overdue_by: |span| format!("已超时 {span}"),
    overdue_by_due: |span, due| format!("已超时 {span}（时限 {due}）"),
    due_in: |due, span| format!("时限 {due}（还有 {span}）"),
    due: |due| format!("时限 {due}"),
    overdue_due: |due| format!("已超时（时限 {due}）"),
    in_span: |span| format!("还有 {span}"),
    calls_at: |level, root| format!("{level} 级呼叫树，由 {root} 发起"),
    no_call_tree: |level| format!("本预案的 {level} 级没有呼叫树"),
    reached_at: |who, at| format!("已联系上 {who}（{at}）"),
    next_call: |who| format!("下一个：{who}"),
    nobody_left: "已无人可呼叫",
    tried: |who, outcome, at| format!("已呼叫 {who}：{outcome} {at}"),
    no_answer: "无人接听",
    left_message: "已留言",
    wrong_number: "号码错误",
    reached: "已接通",
    not_called: "未呼叫",
    calls_progress: |reached, all, overdue| format!("已联系上 {reached}/{all} · 超时 {overdue} 个"),
    call_next: |order, who| format!("下一个呼叫：{order} {who}"),
    unreadable_declaration: "（读不出立案记录）",
    open: "进行中",
    closed: "已结案",
    drill: "演练",
    real: "真实",
    level: |level| format!("{level}级"),
    crashed_open: "（在本机没有正常关闭：请继续处理）",
    no_incidents: |root| format!("{root} 下没有事件"),
    header_drill: "演练",
    header_real: "真实事件",
    closed_at: |at| format!("已于 {at} 结案"),
    level_class: |level, level_name, class, class_name| {
        format!("响应等级 {level} {level_name} · {class} {class_name}")
    },
    suggested: |suggested, reason| format!("研判建议 {suggested} 级；另定等级的理由：{reason}"),
    discovered: |at| format!("发现于 {at} · "),
    declared: |at, by, commander, plan, sha| {
        format!("{at} 由 {by} 立案 · 指挥 {commander} · 预案 {plan}（sha256 {sha}）")
    },
    folder: |path| format!("文件夹 {path}"),
    folder_is: |path| format!("文件夹：{path}"),
    clocks: "计时",
    next_update: "下次进展通报",
    inform: |whom| format!("通知 {whom}"),
    met: "已完成",
    applies_unknown: "（是否适用：尚不清楚）",
    not_applicable: "不适用",
    checklist: "处置清单",
    kind_action: "操作",
    kind_check: "检查",
    kind_decision: "研判",
    kind_inform: "通知",
    kind_message: "消息",
    kind_record: "记录",
    yes: "是",
    no: "否",
    answer_it: |c| format!("回答：{c}"),
    record_it: |c| format!("记录：{c}"),
    send_it: |c| format!("发送：{c}"),
    when_done: |c| format!("完成后：{c}"),
    foreign_steps: |list| format!("日志中有本预案没有的步骤：{list}"),
    steps_overdue: |n| format!("{n} 个步骤已超时"),
    next_deadline: |at| format!("下一个时限 {at}"),
    no_deadline: "没有未到的时限",
    next_step: |id, text| format!("下一步：{id} — {text}"),
    settled_but_deferred: "除推迟的步骤外都已处理；完成后即可结案",
    joined: |name, device| format!("已以设备 {device:?} 加入 {name}：本设备在那里写自己的日志"),
    declared_new: |name, level| format!("已立案 {name}：{level} 级"),
    scenario_not_recorded: |why| format!("! 演练场景没有记录：{why}"),
    log_head: |head| format!("日志头 {head}"),
    saved: |what| format!("已保存：{what}"),
    closed_see_timeline: "事件已结案；`runbook incident timeline` 给出完整记录",
    saved_instead: |place| format!("已改存到 {place}；日志在那里继续"),
    could_not_continue: |place, why| format!("! 无法在 {place} 继续：{why}"),
    not_saved: "未保存",
    not_saved_anywhere: "这条记录哪里都没能保存；请复制上面 NOT SAVED 开头的那一行",
    read_as: |refusal, read, discovered| {
        format!("{refusal}（时间按 {read} 理解；事件发现于 {discovered}）")
    },
    waiting: "本机有其他 runbook 进程正在写这个事件；最多等待 5 秒",
    type_note: "请输入备注，然后在单独一行按 Ctrl-D",
    not_logged: "未记入日志（--dry-run）",
    not_closed: "没有结案：请先看上面的遗留事项，再加 --yes 重新运行该命令",
    plan_errors: |path, n| format!("{path} 有 {n} 个错误；请先修正预案（runbook check）"),
    no_template: |id| format!("预案中没有模板 {id:?}"),
    give_template: "请给出 --template，或同时给出 --text 和 --audience",
    set_pair: |p| format!("--set {p:?}：请写成 KEY=VALUE"),
    answer_pair: |a| format!("--answer {a:?}：请写成 QUESTION=yes 或 QUESTION=no"),
    answer_yes_no: |a| format!("--answer {a:?}：答案只能是 yes 或 no"),
    no_entry_number: |given, n| format!("--corrects {given:?}：时间线中没有第 {n} 条"),
    corrects_time: |given| format!("--corrects {given:?}：时间须按日志写成 RFC 3339"),
    no_entry_then: |given| format!("--corrects {given:?}：那个时间没有记录"),
    note_unreadable: "无法从标准输入读取备注",
    note_not_utf8: |byte| {
        format!("标准输入的备注不是 UTF-8 文本（第 {byte} 字节起不是）；请存为 UTF-8 后重试")
    },
    not_rfc3339: |given| format!("--now {given:?} 不是 RFC 3339 时间"),
    saved_not_printed: |why| {
        format!(
            "已保存，但标准输出无法写入（{why}）；`runbook incident timeline` 可以看到这条记录。不要再次运行该命令。"
        )
    },
    stdout_failed: |why| format!("标准输出无法写入：{why}"),
    help: HELP_ZH,
    not_a_command: |word| {
        format!("{word:?} 既不是命令也不是预案文件；`runbook --help` 列出全部命令")
    },
};

/// English.
pub const EN: CliTr = CliTr {
    then: "; ",
    colon: ": ",
    hint_not_found: "give the incident's folder, or its name as `runbook incident list` shows it",
    hint_unknown_step: "`runbook incident status` lists the steps",
    hint_unfilled: |name| {
        format!(
            "record the step that holds it, give it with --set {name}=..., or write the whole message with --text"
        )
    },
    hint_does_it: |command| format!("`{command}` does it"),
    did_you_mean: |c| format!("did you mean {c}?"),
    message_text: "--- message text ---",
    after_damage: "(after damage) ",
    in_foreign_log: "(in another device's log) ",
    taken_back: "(taken back) ",
    addendum: "(addendum after close) ",
    happened: |at| format!(" (happened {at})"),
    closing_clear: "Closing leaves nothing: every step is settled, every duty fulfilled and every call answered",
    closing_leaves: "Closing leaves:",
    steps_open: |n| format!("{n} step(s) open:"),
    steps_deferred: |n| format!("{n} step(s) deferred:"),
    steps_blocked: |n| format!("{n} step(s) blocked:"),
    blocked_because: |why| format!(" (blocked: {why})"),
    duties_left: |n| format!("{n} duty(ies) not fulfilled, overdue first:"),
    calls_left: |n| format!("{n} call(s) not answered:"),
    counts_from_close: "counts from the close",
    no_time_limit: "no time limit",
    overdue_by: |span| format!("OVERDUE by {span}"),
    overdue_by_due: |span, due| format!("OVERDUE by {span} (due {due})"),
    due_in: |due, span| format!("due {due} (in {span})"),
    due: |due| format!("due {due}"),
    overdue_due: |due| format!("OVERDUE (due {due})"),
    in_span: |span| format!("in {span}"),
    calls_at: |level, root| format!("Calls at level {level}, started by {root}"),
    no_call_tree: |level| format!("Level {level} has no call tree in this plan"),
    reached_at: |who, at| format!("reached {who} at {at}"),
    next_call: |who| format!("next: {who}"),
    nobody_left: "nobody left to try",
    tried: |who, outcome, at| format!("tried {who}: {outcome} {at}"),
    no_answer: "no answer",
    left_message: "left a message",
    wrong_number: "wrong number",
    reached: "reached",
    not_called: "not called",
    calls_progress: |reached, all, overdue| {
        format!("reached {reached} of {all} · {overdue} overdue")
    },
    call_next: |order, who| format!("call next: {order} {who}"),
    unreadable_declaration: "(no readable declaration)",
    open: "open",
    closed: "closed",
    drill: "drill",
    real: "REAL",
    level: |level| format!("level {level}"),
    crashed_open: "(did not close cleanly here: resume it)",
    no_incidents: |root| format!("no incidents under {root}"),
    header_drill: "DRILL",
    header_real: "REAL INCIDENT",
    closed_at: |at| format!("closed {at}"),
    level_class: |level, level_name, class, class_name| {
        format!("level {level} {level_name} · {class} {class_name}")
    },
    suggested: |suggested, reason| {
        format!("the answers suggested level {suggested}; declared otherwise because: {reason}")
    },
    discovered: |at| format!("discovered {at} · "),
    declared: |at, by, commander, plan, sha| {
        format!("declared {at} by {by} · commander {commander} · plan {plan} (sha256 {sha})")
    },
    folder: |path| format!("folder {path}"),
    folder_is: |path| format!("folder: {path}"),
    clocks: "Clocks",
    next_update: "next status update",
    inform: |whom| format!("inform {whom}"),
    met: "met",
    applies_unknown: " (applies? not yet known)",
    not_applicable: "not applicable",
    checklist: "Checklist",
    kind_action: "action",
    kind_check: "check",
    kind_decision: "decision",
    kind_inform: "inform",
    kind_message: "message",
    kind_record: "record",
    yes: "yes",
    no: "no",
    answer_it: |c| format!("answer it: {c}"),
    record_it: |c| format!("record it: {c}"),
    send_it: |c| format!("send it: {c}"),
    when_done: |c| format!("when done: {c}"),
    foreign_steps: |list| format!("Steps in the log that this plan does not have: {list}"),
    steps_overdue: |n| format!("{n} step(s) overdue"),
    next_deadline: |at| format!("next deadline {at}"),
    no_deadline: "no open deadline",
    next_step: |id, text| format!("next step: {id} — {text}"),
    settled_but_deferred: "every step is settled except deferred ones; close when they are done",
    joined: |name, device| {
        format!("joined {name} as {device:?}: this device writes its own log there")
    },
    declared_new: |name, level| format!("declared {name}: level {level}"),
    scenario_not_recorded: |why| format!("! the drill scenario is not recorded: {why}"),
    log_head: |head| format!("log head {head}"),
    saved: |what| format!("saved: {what}"),
    closed_see_timeline: "the incident is closed; `runbook incident timeline` gives the full record",
    saved_instead: |place| format!("saved in {place} instead; the log continues there"),
    could_not_continue: |place, why| format!("! could not continue in {place}: {why}"),
    not_saved: "not saved",
    not_saved_anywhere: "the entry could not be saved anywhere; copy the NOT SAVED line above",
    read_as: |refusal, read, discovered| {
        format!(
            "{refusal} (the time was read as {read}; the incident was discovered at {discovered})"
        )
    },
    waiting: "other runbook processes on this device are writing this incident; waiting up to 5 s",
    type_note: "type the note, then Ctrl-D on a line of its own",
    not_logged: "not logged (--dry-run)",
    not_closed: "not closed: read what is left above, then run the command again with --yes",
    plan_errors: |path, n| format!("{path} has {n} error(s); fix the plan first (runbook check)"),
    no_template: |id| format!("no template {id:?} in the plan"),
    give_template: "give --template, or --text with --audience",
    set_pair: |p| format!("--set {p:?}: write KEY=VALUE"),
    answer_pair: |a| format!("--answer {a:?}: write QUESTION=yes or QUESTION=no"),
    answer_yes_no: |a| format!("--answer {a:?}: the answer must be yes or no"),
    no_entry_number: |given, n| format!("--corrects {given:?}: the timeline has no entry {n}"),
    corrects_time: |given| {
        format!("--corrects {given:?}: the time must be RFC 3339, as the log has it")
    },
    no_entry_then: |given| format!("--corrects {given:?}: no entry was recorded then"),
    note_unreadable: "cannot read the note from standard input",
    note_not_utf8: |byte| {
        format!(
            "the note on standard input is not UTF-8 text (byte {byte} is not); save it as UTF-8 and try again"
        )
    },
    not_rfc3339: |given| format!("--now {given:?} is not an RFC 3339 time"),
    saved_not_printed: |why| {
        format!(
            "saved, but standard output could not be written ({why}); `runbook incident timeline` shows the entry. Do not run the command again."
        )
    },
    stdout_failed: |why| format!("standard output could not be written: {why}"),
    help: &[],
    not_a_command: |word| {
        format!(
            "{word:?} is neither a command nor a plan file; `runbook --help` lists the commands"
        )
    },
};

/// The help's summaries in Chinese: the app's, then each command's.
const HELP_ZH: &[(&str, &str)] = &[
    (
        "",
        "在线教育平台指挥室的离线应急预案工具。不带命令时打开窗口；各命令在终端里做同样的事。每个事件操作都先写入哈希链日志，才算保存；不需要网络。",
    ),
    (
        "check",
        "检查预案文件：列出每个错误和警告及其行号列号，预案有效时给出一行摘要",
    ),
    (
        "diff",
        "比较预案的两个版本：按 id 列出新增、删除、改写或移动的步骤，负责人、时限和等级的变化，人员、电话和呼叫树",
    ),
    (
        "print",
        "把预案写成可打印的活页夹（一个 HTML 文件），用浏览器打开后按 A4 打印",
    ),
    (
        "report",
        "写出事件的文书：复盘报告（演练附评估）、交接简报，或给省网信办的报告草稿",
    ),
    ("incident", "宣布、处置和结束事件；每个操作都持久记录"),
    ("show", "在终端里显示预案的组织架构、通讯录、全文或故障分类"),
    ("completions", "输出 shell 补全脚本"),
    (
        "verify",
        "严格校验事件日志：哈希链、修复及其截掉的内容、文件之间的衔接、未结束的会话，以及整个记录",
    ),
    (
        "incident new",
        "宣布一个事件（或演练）：故障类别、研判答案、等级和标题",
    ),
    ("incident list", "列出数据文件夹中的事件"),
    (
        "incident join",
        "加入另一台电脑共享过来的事件文件夹：本机在其中写自己的日志",
    ),
    (
        "incident calls",
        "本级呼叫树：谁已联系上、谁超时、下一个该呼叫谁",
    ),
    ("incident status", "处置清单、计时、超时事项和下一步"),
    ("incident timeline", "时间线：每条记录的时间、记录人和内容"),
    (
        "incident step",
        "设置步骤状态：完成、跳过、不适用、推迟、受阻或重新打开",
    ),
    ("incident record", "记录一个记录类步骤的值"),
    ("incident decide", "回答一个研判步骤（yes 或 no）"),
    ("incident call", "记录一次呼叫及其结果"),
    (
        "incident message",
        "按模板（或给出的文字）发送消息并记录全文",
    ),
    ("incident note", "写一条备注（结案后为补记）"),
    ("incident level", "调整响应等级，并写明理由"),
    ("incident warning", "发布或解除预警"),
    ("incident handover", "把指挥权移交给他人，附交接说明"),
    ("incident duty", "记录一项报告义务已履行"),
    (
        "incident close",
        "结束响应：先列出遗留事项，加 --yes 才结案",
    ),
    (
        "incident undo",
        "撤销本人在本设备上的最后一条记录（不久之前的）",
    ),
    ("incident reopen", "重新打开已结案的事件，并写明理由"),
    ("show org", "组织架构"),
    ("show contacts", "通讯录和各级呼叫树"),
    ("show search", "在预案全文中搜索"),
    ("show classes", "故障分类与响应等级"),
];
