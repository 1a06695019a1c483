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
    // The command line's own refusals (clap's, reworded; exit status 2).
    pub error: &'static str,
    pub unknown_argument: fn(arg: &str) -> String,
    pub unknown_command: fn(word: &str) -> String,
    pub invalid_value: fn(value: &str, arg: &str) -> String,
    /// What a head hash given to `verify --head` must look like.
    pub head_hash_form: fn(min: usize) -> String,
    /// The languages `--lang` takes.
    pub lang_values: &'static str,
    pub valid_values: fn(list: &str) -> String,
    pub missing_arguments: fn(list: &str) -> String,
    pub conflict: fn(arg: &str, prior: &str) -> String,
    pub repeated: fn(arg: &str) -> String,
    /// Replaces clap's "Usage:" before the usage line.
    pub usage: &'static str,
    pub more_help: &'static str,
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
    /// Due within the quarter of an hour: what to do next.
    pub due_soon_in: fn(span: &str) -> String,
    pub due_soon_due: fn(due: &str) -> String,
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
    /// No display to open a window on (over SSH, on a console).
    pub no_display: &'static str,
    /// `runbook board` with no name, and no incident open, or several.
    pub board_none_open: fn(dir: &str) -> String,
    pub board_many_open: fn(names: &str) -> String,
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
    /// The words of `runbook show`.
    pub show: &'static ShowTr,
    /// The help's summary of each command, by its path (`incident note`);
    /// empty where clap's own (the English doc comments) is the language's.
    pub help: &'static [(&'static str, &'static str)],
    /// Each argument's help, keyed by the English one (none in English).
    pub arg_help: &'static [(&'static str, &'static str)],
    /// The help's own headings and flags, where they are not clap's.
    pub help_words: Option<HelpWords>,
    // Papers and plans.
    pub binder_written: fn(path: &str, kib: u64) -> String,
    pub paper_written: fn(path: &str, what: &str) -> String,
    pub paper_report: &'static str,
    pub paper_briefing: &'static str,
    pub paper_first: &'static str,
    pub paper_follow_up: &'static str,
    pub html_to_terminal: &'static str,
    /// A plan with errors is not shown, printed or compared (`done`).
    pub fix_first: fn(path: &str, done: &str) -> String,
    pub done_shown: &'static str,
    pub done_printed: &'static str,
    pub done_compared: &'static str,
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
    error: "错误",
    unknown_argument: |arg| format!("没有 {arg} 这个选项"),
    unknown_command: |word| format!("没有 {word} 这个命令"),
    invalid_value: |value, arg| format!("{value} 不是 {arg} 可取的值"),
    head_hash_form: |min| {
        format!("链头哈希是 {min} 到 64 位十六进制数字（0-9、a-f），即 runbook 在“日志头”后显示的")
    },
    lang_values: "可取 zh（中文）或 en（English）",
    valid_values: |list| format!("可取的值：{list}"),
    missing_arguments: |list| format!("缺少必须给出的参数：{list}"),
    conflict: |arg, prior| format!("{arg} 不能与 {prior} 同时使用"),
    repeated: |arg| format!("{arg} 只能给一次"),
    usage: "用法：",
    more_help: "更多说明请用 --help。",
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
    due_soon_in: |span| format!("即将到期 {span}"),
    due_soon_due: |due| format!("即将到期（时限 {due}）"),
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
    no_display: "这里没有显示器（没有 DISPLAY 或 WAYLAND_DISPLAY：通过 SSH 登录，或在控制台上），窗口无法打开。每个操作都可以用命令行完成：`runbook incident list`、`runbook incident status 名称`、`runbook --help`",
    board_none_open: |dir| {
        format!(
            "{dir} 中没有正在处置的事件：请指定一个（`runbook incident list` 列出全部），或给出 --data-dir"
        )
    },
    board_many_open: |names| format!("有多个事件正在处置：请指定要显示的一个（{names}）"),
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
    arg_help: ARG_HELP_ZH,
    help_words: Some(HelpWords {
        usage: "用法：",
        arguments: "参数",
        options: "选项",
        commands: "命令",
        help_flag: "显示帮助",
        help_command: "显示本说明，或所给子命令的说明",
        version_flag: "显示版本",
    }),
    binder_written: |path, kib| {
        format!("{path}：预案活页夹（{kib} KiB）；用浏览器打开后按 A4 打印")
    },
    paper_written: |path, what| format!("{path}：{what}已写好"),
    paper_report: "事件报告",
    paper_briefing: "交接简报",
    paper_first: "网信办报告草稿（首报）",
    paper_follow_up: "网信办报告草稿（续报）",
    html_to_terminal: "--out - 会把 HTML（连同内嵌字体）写到终端：加 --format md 在终端里阅读，或用 --out FILE 写成文件再打印",
    fix_first: |path, done| format!("{path} 无法{done}：请先修正其中的错误（runbook check）"),
    done_shown: "显示",
    done_printed: "打印",
    done_compared: "比较",
    show: &SHOW_ZH,
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
    error: "error",
    unknown_argument: |arg| format!("unexpected argument {arg} found"),
    unknown_command: |word| format!("unrecognized subcommand {word}"),
    invalid_value: |value, arg| format!("invalid value {value} for {arg}"),
    head_hash_form: |min| {
        format!(
            "a head hash is {min} to 64 hexadecimal digits (0-9, a-f), as runbook shows it after `log head`"
        )
    },
    lang_values: "give zh (中文) or en (English)",
    valid_values: |list| format!("possible values: {list}"),
    missing_arguments: |list| format!("the following required arguments were not provided: {list}"),
    conflict: |arg, prior| format!("the argument {arg} cannot be used with {prior}"),
    repeated: |arg| format!("the argument {arg} cannot be used multiple times"),
    usage: "Usage:",
    more_help: "For more information, try --help.",
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
    due_soon_in: |span| format!("DUE SOON, in {span}"),
    due_soon_due: |due| format!("DUE SOON (due {due})"),
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
    no_display: "there is no display here (no DISPLAY or WAYLAND_DISPLAY: over SSH, or on a console), so the window cannot open. Every action works from the command line: `runbook incident list`, `runbook incident status NAME`, `runbook --help`",
    board_none_open: |dir| {
        format!(
            "no incident is open in {dir}: name one (`runbook incident list` lists them all), or give --data-dir"
        )
    },
    board_many_open: |names| format!("several incidents are open: name the one to show ({names})"),
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
    arg_help: &[],
    help_words: None,
    binder_written: |path, kib| {
        format!("{path}: the binder ({kib} KiB); open it in a browser and print it (A4)")
    },
    paper_written: |path, what| format!("{path}: the {what} is written"),
    paper_report: "report",
    paper_briefing: "briefing",
    paper_first: "first report to the regulator",
    paper_follow_up: "follow-up report to the regulator",
    html_to_terminal: "--out - would write HTML (with its embedded font) to the terminal: add --format md to read the paper here, or give --out FILE to print it",
    fix_first: |path, done| {
        format!("{path} cannot be {done}: fix its errors first (runbook check)")
    },
    done_shown: "shown",
    done_printed: "printed",
    done_compared: "compared",
    show: &SHOW_EN,
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
    (
        "incident ack",
        "确认某个变黄或变红的时限提醒，或推迟若干分钟再提醒：记入日志（谁、哪个时限、多久）",
    ),
    (
        "incident action",
        "复盘的整改项：新增、标记完成或撤销、列出；已结案的事件也可记录，无需重新打开",
    ),
    ("incident action add", "新增一项整改项，写明负责人和期限"),
    ("incident action done", "把一项整改项标记为完成"),
    ("incident action drop", "撤销一项整改项，并写明理由"),
    (
        "incident action list",
        "列出整改项（不指定事件时列出所有事件中未完成的，超期的在前）",
    ),
    (
        "incident review",
        "记录一条复盘结论：概述、做得好的、做得不好的、原因或促成因素",
    ),
    (
        "lessons",
        "从事件和演练的记录中提出预案修订建议，按预案 id 列出，每条附证据：超时完成的步骤、被搁置的步骤、未接通的呼叫或错号、发送前被改写的模板、总要手填的占位符、未达成的演练目标",
    ),
    (
        "stats",
        "跨事件的数字（演练单列）：按故障类别和等级统计次数，以及从发现到宣布、联系上指挥长、首次通知学生家长、首次报告监管部门和结案的中位时间与最长时间；报告义务按时履行情况",
    ),
    (
        "board",
        "大屏：只读、大字号显示一个事件，供指挥室的投影或电视使用；会跟上每台设备的记录",
    ),
    ("show org", "组织架构"),
    ("show contacts", "通讯录和各级呼叫树"),
    ("show search", "在预案全文中搜索"),
    ("show classes", "故障分类与响应等级"),
];

/// The words of `runbook show`: the organisation, contacts, search and
/// classes views as text.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct ShowTr {
    pub fault_classes: &'static str,
    pub detection: &'static str,
    pub examples: &'static str,
    pub assessment: &'static str,
    pub levels: &'static str,
    pub level: fn(id: &str, name: &str, colour: &str) -> String,
    pub criteria: &'static str,
    pub units: fn(list: &str) -> String,
    pub inform: &'static str,
    pub no_cadence: &'static str,
    pub every: fn(crate::model::plan::contacts::TimeSpan) -> String,
    pub updates: fn(cadence: &str) -> String,
    pub duties: &'static str,
    pub when: fn(condition: &str) -> String,
    pub to: fn(whom: &str) -> String,
    pub basis: fn(basis: &str) -> String,
    pub platform_rule: &'static str,
    pub warnings: &'static str,
    pub warning: fn(name: &str, colour: &str, level: &str) -> String,
    pub triggers: &'static str,
    pub measures: &'static str,
    pub issued_by: fn(whom: &str) -> String,
    pub lifted_by: fn(whom: &str) -> String,
    pub signals: &'static str,
    pub suggests: fn(name: &str, level: &str) -> String,
    pub threshold: fn(text: &str) -> String,
    pub source: fn(text: &str) -> String,
    pub red: &'static str,
    pub orange: &'static str,
    pub yellow: &'static str,
    pub blue: &'static str,
    pub tree: fn(id: &str, name: &str) -> String,
    pub no_tree: &'static str,
    pub starts: fn(whom: &str) -> String,
    pub no_limit: &'static str,
    pub unreachable: fn(list: &str) -> String,
    pub then: &'static str,
    pub no_phone: &'static str,
    pub mobile: &'static str,
    pub phone: &'static str,
    pub no_contact: fn(search: &str) -> String,
    pub of: fn(n: usize, total: usize) -> String,
    pub people: fn(count: &str) -> String,
    pub holds: &'static str,
    pub deputy_for: &'static str,
    pub externals: fn(count: &str) -> String,
    pub notes: &'static str,
    pub im: &'static str,
    pub email: &'static str,
    pub location: &'static str,
    pub no_hits_blank: &'static str,
    pub hits: fn(n: usize, query: &str) -> String,
    pub mobile_of: fn(name: &str, mobile: &str) -> String,
    pub no_mobile: fn(name: &str) -> String,
    pub not_in_directory: fn(holder: &str) -> String,
    pub no_deputies: &'static str,
    pub deputies: fn(list: &str) -> String,
}

/// 简体中文.
pub const SHOW_ZH: ShowTr = ShowTr {
    fault_classes: "故障分类",
    detection: "发现信号",
    examples: "示例",
    assessment: "研判问题（回答“是”即建议该等级）：",
    levels: "响应等级",
    level: |id, name, colour| format!("{id} 级（{name}，{colour}）"),
    criteria: "判定标准（满足任一项）",
    units: |list| format!("启动单位：{list}"),
    inform: "通知：",
    no_cadence: "无固定周期",
    every: |span| {
        use crate::model::plan::contacts::TimeSpan as S;
        match span {
            S::Minutes(n) => format!("每{n}分钟"),
            S::Hours(1) => "每小时".to_owned(),
            S::Hours(n) => format!("每{n}小时"),
            S::Days(1) => "每天".to_owned(),
            S::Days(n) => format!("每{n}天"),
        }
    },
    updates: |cadence| format!("进展通报：{cadence}"),
    duties: "报告义务：",
    when: |c| format!("条件：{c}"),
    to: |whom| format!("报告对象：{whom}"),
    basis: |b| format!("依据：{b}"),
    platform_rule: "平台规定",
    warnings: "预警",
    warning: |name, colour, level| format!("{name}（{colour}，对应 {level} 级）"),
    triggers: "触发条件",
    measures: "预警措施",
    issued_by: |whom| format!("发布人：{whom}"),
    lifted_by: |whom| format!("解除人：{whom}"),
    signals: "监测信号",
    suggests: |name, level| format!("{name}（建议 {level} 级）"),
    threshold: |t| format!("阈值：{t}"),
    source: |t| format!("来源：{t}"),
    red: "红色",
    orange: "橙色",
    yellow: "黄色",
    blue: "蓝色",
    tree: |id, name| format!("{id} 级（{name}）呼叫树"),
    no_tree: "预案没有为本等级设定呼叫树。",
    starts: |whom| format!("发起呼叫：{whom}"),
    no_limit: "无时限",
    unreachable: |list| format!("联系不上时：{list}"),
    then: "，再",
    no_phone: "：无电话号码",
    mobile: "手机",
    phone: "电话",
    no_contact: |s| format!("没有与 {s:?} 匹配的联系人。"),
    of: |n, total| format!("{n}/{total}"),
    people: |count| format!("人员（{count}）"),
    holds: "担任",
    deputy_for: "替补",
    externals: |count| format!("外部联系人（{count}）"),
    notes: "备注",
    im: "即时通讯",
    email: "电子邮件",
    location: "位置",
    no_hits_blank: "没有结果：查询为空",
    hits: |n, q| {
        if n == 0 {
            format!("没有找到“{q}”")
        } else {
            format!("“{q}”共 {n} 处")
        }
    },
    mobile_of: |name, m| format!("{name}（手机 {m}）"),
    no_mobile: |name| format!("{name}（无手机）"),
    not_in_directory: |h| format!("{h}（不在通讯录中）"),
    no_deputies: "无替补",
    deputies: |list| format!("替补：{list}"),
};

/// English.
pub const SHOW_EN: ShowTr = ShowTr {
    fault_classes: "Fault classes",
    detection: "detection signals",
    examples: "examples",
    assessment: "assessment (a yes suggests the level):",
    levels: "Response levels",
    level: |id, name, colour| format!("Level {id} ({name}, {colour})"),
    criteria: "criteria (any one)",
    units: |list| format!("units activated: {list}"),
    inform: "inform:",
    no_cadence: "no fixed cadence",
    every: |span| {
        use crate::model::plan::contacts::TimeSpan as S;
        match span {
            S::Minutes(n) => format!("every {n} min"),
            S::Hours(1) => "every hour".to_owned(),
            S::Hours(n) => format!("every {n} hours"),
            S::Days(1) => "every day".to_owned(),
            S::Days(n) => format!("every {n} days"),
        }
    },
    updates: |cadence| format!("status updates: {cadence}"),
    duties: "reporting duties:",
    when: |c| format!("when: {c}"),
    to: |whom| format!("to: {whom}"),
    basis: |b| format!("basis: {b}"),
    platform_rule: "platform rule",
    warnings: "Warnings",
    warning: |name, colour, level| format!("{name} ({colour}, for level {level})"),
    triggers: "triggers",
    measures: "measures",
    issued_by: |whom| format!("issued by: {whom}"),
    lifted_by: |whom| format!("lifted by: {whom}"),
    signals: "Monitoring signals",
    suggests: |name, level| format!("{name} (suggests level {level})"),
    threshold: |t| format!("threshold: {t}"),
    source: |t| format!("source: {t}"),
    red: "red",
    orange: "orange",
    yellow: "yellow",
    blue: "blue",
    tree: |id, name| format!("Call tree for level {id} ({name})"),
    no_tree: "The plan sets no call tree for this level.",
    starts: |whom| format!("Starts the calls: {whom}"),
    no_limit: "no time limit",
    unreachable: |list| format!("if unreachable: {list}"),
    then: ", then ",
    no_phone: ": no phone number",
    mobile: "mobile",
    phone: "phone",
    no_contact: |s| format!("No contact matches {s:?}."),
    of: |n, total| format!("{n} of {total}"),
    people: |count| format!("People ({count})"),
    holds: "holds",
    deputy_for: "deputy for",
    externals: |count| format!("External contacts ({count})"),
    notes: "notes",
    im: "IM",
    email: "e-mail",
    location: "location",
    no_hits_blank: "no hits: the query is blank",
    hits: |n, q| match n {
        0 => format!("no hits for \"{q}\""),
        1 => format!("1 hit for \"{q}\""),
        n => format!("{n} hits for \"{q}\""),
    },
    mobile_of: |name, m| format!("{name} (mobile {m})"),
    no_mobile: |name| format!("{name} (no mobile)"),
    not_in_directory: |h| format!("{h} (not in the directory)"),
    no_deputies: "no deputies",
    deputies: |list| format!("deputies: {list}"),
};
/// The words clap puts into every help: its headings and the help and
/// version flags' own lines (in English clap's own are kept).
#[allow(missing_docs)] // Each field's name says what it is.
#[derive(Clone, Copy)]
pub struct HelpWords {
    /// Before the usage line, with its punctuation.
    pub usage: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub commands: &'static str,
    pub help_flag: &'static str,
    pub version_flag: &'static str,
    /// The line of clap's `help` subcommand.
    pub help_command: &'static str,
}

/// Each option's and argument's help in Chinese, keyed by its English help
/// (the doc comment clap shows): `cli::in_language` swaps them at start-up,
/// and a test checks that every argument has one.
pub const ARG_HELP_ZH: &[(&str, &str)] = &[
    (
        "The incidents and drills to read: folders, or names as `runbook incident list` shows them [default: every one in the data folder]",
        "要读取的事件和演练：文件夹，或 `runbook incident list` 显示的名称［默认：数据文件夹中的全部］",
    ),
    (
        "`text` for a terminal, `md` (Markdown) for the plan's change request",
        "`text` 用于终端，`md`（Markdown）用于预案的修订申请",
    ),
    (
        "The incidents and drills to count: folders, or names as `runbook incident list` shows them [default: every one in the data folder]",
        "要统计的事件和演练：文件夹，或 `runbook incident list` 显示的名称［默认：数据文件夹中的全部］",
    ),
    (
        "The incident: its folder, or its name as `incident list` shows it [default: the one open incident]",
        "事件：其文件夹，或 `incident list` 显示的名称［默认：唯一正在处置的事件］",
    ),
    (
        "Fill the screen (F11 switches it too)",
        "全屏显示（F11 也可切换）",
    ),
    (
        "Where incidents are kept [default: $RUNBOOK_DATA_DIR, else the platform's data folder]",
        "事件保存的位置［默认：$RUNBOOK_DATA_DIR，否则为系统的数据文件夹］",
    ),
    (
        "The clock: `update` for the status update, or a duty's id",
        "时限：`update` 表示进展通报，或某项报告义务的 id",
    ),
    (
        "Remind again after this many minutes (1 to 60) instead of acknowledging",
        "不确认，而是在这么多分钟（1 到 60）后再提醒",
    ),
    ("What is to be done", "要做的事"),
    (
        "Who does it: a person of the plan (id or name), or any name",
        "负责人：预案中的人员（id 或姓名），或任意姓名",
    ),
    ("By when: YYYY-MM-DD", "期限：YYYY-MM-DD"),
    (
        "The item's number, as `action list` shows it (A1, A2, …)",
        "整改项编号，即 `action list` 显示的（A1、A2、…）",
    ),
    ("What was done, where to see it", "做了什么，在哪里可以看到"),
    ("Which finding", "哪一类结论"),
    ("The text", "内容"),
    (
        "A drill, kept apart from real incidents",
        "演练，与真实事件分开保存",
    ),
    (
        "A head hash written down earlier (16 to 64 hex digits): says whether it is still a line of the chain, which shows a rewrite that recomputed every hash after it",
        "之前记下的链头哈希（16 到 64 位十六进制）：说明它是否仍是链上的一行，借此发现重算了其后所有哈希的改写",
    ),
    ("A note", "备注"),
    (
        "A placeholder's value the incident does not have, `KEY=VALUE` (such as `impact=...`); repeat for each. A message with a placeholder left unfilled is refused",
        "事件中没有的占位符的值，`KEY=VALUE`（如 `impact=...`）；每个占位符给一次。留有未填占位符的消息会被拒绝",
    ),
    ("A short title", "简短标题"),
    (
        "An assessment answer, `QUESTION=yes` or `QUESTION=no`; repeat for each",
        "研判问题的回答，`QUESTION=yes` 或 `QUESTION=no`；每个问题给一次",
    ),
    ("Back to open", "恢复为未完成"),
    ("Blocked, with the reason", "受阻，并写明原因"),
    (
        "Close with what the list says is left",
        "按清单所列的遗留事项结案",
    ),
    ("Deferred: comes back later", "推迟：稍后再处理"),
    ("Done", "已完成"),
    (
        "Each message's whole text under its line, not only its first line",
        "每条消息的全文显示在其行下，而不只是第一行",
    ),
    ("Events after the declaration", "宣告之后的事件数"),
    ("Fault classes", "故障分类数"),
    ("How", "方式"),
    ("How it went out", "发送渠道"),
    (
        "Incident folders, or log files (`log-*.jsonl`)",
        "事件文件夹或日志文件（`log-*.jsonl`）",
    ),
    (
        "Instead of the report, a draft of the report to the provincial 网信 office (网络安全事件报告): the first report, items 1 and 2, filled from the incident and marked where a person must write",
        "不写事件报告，而写给省网信办的网络安全事件报告草稿：首报（第 1、2 项），按事件内容填好，并标出须由人填写之处",
    ),
    (
        "Instead of the report, the handover briefing for a change of command: situation, level, actions so far, open steps, next clocks, who is reached",
        "不写事件报告，而写指挥交接简报：态势、等级、已采取的行动、未完成的步骤、接下来的时限、已联系上的人",
    ),
    ("Issue or lift", "发布或解除"),
    ("Not applicable", "不适用"),
    (
        "Only entries whose name, role or number contains this text",
        "只列出姓名、角色或号码中含有此文本的条目",
    ),
    ("People in the directory", "通讯录人数"),
    ("Plan files (RON) to check", "要检查的预案文件（RON）"),
    (
        "Print the text as it would be logged, and whether it could be, without logging it",
        "显示将要记录的文本以及能否记录，但不记录",
    ),
    (
        "Print whole lines, whatever the terminal's width (without it a line is cut with \"…\" at COLUMNS, else the terminal's width; never when the output is piped)",
        "整行输出，不论终端宽度（不加此项时，超出 COLUMNS 或终端宽度的行以“…”截断；输出到管道时从不截断）",
    ),
    ("Reference number, who took it", "受理编号、受理人"),
    ("Skipped, with the reason", "跳过，并写明原因"),
    (
        "Steps in all, spread over the fault classes' procedures",
        "步骤总数，分布在各故障分类的处置流程中",
    ),
    ("The answer", "回答"),
    (
        "The audience, when there is no template",
        "发送对象（没有模板时）",
    ),
    ("The briefing, in short", "简要交接说明"),
    (
        "The call of the tree this was for (its role, person or contact), when the person called is that call's fallback",
        "所拨打的是呼叫树中哪一项（其角色、人员或联系人），当被呼叫者是该项的后备时",
    ),
    ("The data folder to declare it in", "在哪个数据文件夹中宣告"),
    ("The duty id", "报告义务 id"),
    ("The earlier revision (RON)", "较早的版本（RON）"),
    (
        "The entry this note corrects: its number in `timeline` (`#7` or `7`), or when it was recorded as the log has it (RFC 3339), with `@DEVICE` when another device recorded it",
        "此备注更正的条目：它在 `timeline` 中的编号（`#7` 或 `7`），或日志中所记的记录时间（RFC 3339），由其他设备记录时加 `@DEVICE`",
    ),
    (
        "The fault class id, such as `network`",
        "故障分类 id，如 `network`",
    ),
    ("The file to write", "要写入的文件"),
    ("The folder", "文件夹"),
    ("The incident", "事件"),
    ("The incident's folder", "事件文件夹"),
    (
        "The incident: its folder, or its name as `list` shows it",
        "事件：其文件夹，或 `list` 所示的名称",
    ),
    (
        "The incident: its folder, or its name as `runbook incident list` shows it",
        "事件：其文件夹，或 `runbook incident list` 所示的名称",
    ),
    (
        "The language of the command line's words: zh or en [default: RUNBOOK_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE)]",
        "命令行所用语言：zh 或 en [默认：RUNBOOK_LANG，否则按区域设置（LC_ALL、LC_MESSAGES、LANG、LANGUAGE）]",
    ),
    ("The later revision (RON)", "较新的版本（RON）"),
    (
        "The level whose call tree to show; without it, the directory",
        "要显示哪一级的呼叫树；不给时显示通讯录",
    ),
    (
        "The new commander: a person or role of the plan (id or name), or any name",
        "新的指挥长：预案中的人员或角色（id 或姓名），或任意姓名",
    ),
    ("The new level", "新的等级"),
    (
        "The note; `-` reads it from standard input (UTF-8, at most 1 MiB; one final line break is dropped), for a long note or a pasted log",
        "备注；`-` 表示从标准输入读取（UTF-8，至多 1 MiB；去掉末尾一个换行），用于长备注或粘贴的日志",
    ),
    ("The plan", "预案"),
    ("The plan file", "预案文件"),
    ("The plan file (RON)", "预案文件（RON）"),
    (
        "The plan file [default: the bundled plan, in Chinese]",
        "预案文件 [默认：内置的中文预案]",
    ),
    (
        "The plan to open in the window [default: the plan opened last, else the bundled plan]",
        "在窗口中打开的预案 [默认：上次打开的预案，否则为内置预案]",
    ),
    (
        "The response level (`I` … `IV`); without it, the level the answers suggest",
        "响应等级（`I` … `IV`）；不给时采用研判回答所建议的等级",
    ),
    ("The shell", "shell 类型"),
    ("The step id", "步骤 id"),
    ("The step the note is about", "此备注所涉及的步骤"),
    ("The template id", "模板 id"),
    ("The text as sent", "实际发出的文本"),
    ("The text to find", "要查找的文本"),
    (
        "The time given with --at is before the incident was discovered, and that is right (it is refused otherwise, as a likely typo)",
        "用 --at 给出的时间早于事件发现时间，且确实如此（否则会被当作可能的笔误而拒绝）",
    ),
    ("The value", "值"),
    ("The warning's level", "预警等级"),
    (
        "This device's name, for the log file [default: RUNBOOK_DEVICE, else the host name]",
        "本设备名称，用于日志文件名 [默认：RUNBOOK_DEVICE，否则为主机名]",
    ),
    (
        "Treat warnings as errors, for a plan's own CI",
        "把警告当作错误，用于预案自己的 CI",
    ),
    ("Units of the organisation", "组织的单位数"),
    ("What came of it", "结果"),
    ("What happened and how it ended", "发生了什么，如何结束"),
    (
        "When it happened, if earlier than now: `HH:MM` (the last time the clock showed it, so 23:50 after midnight is yesterday), `YYYY-MM-DD HH:MM` (local time) or RFC 3339",
        "发生时间（如早于现在）：`HH:MM`（时钟最近一次显示该时刻，所以午夜后给 23:50 指昨天）、`YYYY-MM-DD HH:MM`（本地时间）或 RFC 3339",
    ),
    (
        "When the fault was discovered, if earlier than now (clocks that count from discovery start there): `HH:MM`, `YYYY-MM-DD HH:MM` or RFC 3339",
        "发现故障的时间（如早于现在；从发现起算的时限由此开始）：`HH:MM`、`YYYY-MM-DD HH:MM` 或 RFC 3339",
    ),
    (
        "Where incidents are kept [default: RUNBOOK_DATA_DIR, else the platform's data folder]",
        "事件保存的位置 [默认：RUNBOOK_DATA_DIR，否则为系统的数据文件夹]",
    ),
    (
        "Where incidents are kept, for incidents given by name [default: RUNBOOK_DATA_DIR, else the platform's data folder]",
        "事件保存的位置，用于按名称给出的事件 [默认：RUNBOOK_DATA_DIR，否则为系统的数据文件夹]",
    ),
    (
        "Where to write it [default: the plan's name with .html, in the current folder]",
        "写到哪里 [默认：当前文件夹中与预案同名的 .html]",
    ),
    (
        "Where to write it; `-` for standard output [default: the incident's folder name with -report, -briefing or -regulator and .html or .md, in the current folder]",
        "写到哪里；`-` 表示标准输出 [默认：当前文件夹中以事件文件夹名加 -report、-briefing 或 -regulator 及 .html 或 .md 命名的文件]",
    ),
    (
        "Who is recording [default: RUNBOOK_OPERATOR, else the user name]",
        "记录人 [默认：RUNBOOK_OPERATOR，否则为系统用户名]",
    ),
    (
        "Who: a role, person or external contact id (`role:ID`, `person:ID`, `external:ID` when ambiguous)",
        "呼叫对象：角色、人员或外部联系人 id（有歧义时写 `role:ID`、`person:ID`、`external:ID`）",
    ),
    ("Why", "原因"),
    (
        "Why the level differs from the one the answers suggest (required then)",
        "等级与研判回答所建议的不同的原因（此时必填）",
    ),
    (
        "With --drill: the plan's drill scenario played (its id, as `runbook show` lists the drills); the drill's evaluation covers its targets",
        "与 --drill 同用：所演练的预案演练场景（其 id，如 `runbook show` 所列）；演练评估涵盖其目标",
    ),
    (
        "With --regulator: the follow-up report, all eight items",
        "与 --regulator 同用：续报，全部八项",
    ),
    (
        "`html` to print (self-contained, the font inside) or `md`",
        "`html` 用于打印（自包含，内嵌字体），或 `md`",
    ),
    (
        "`text` for a terminal, `md` (Markdown) for a change request",
        "`text` 用于终端，`md`（Markdown）用于变更申请",
    ),
];
