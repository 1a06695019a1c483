//! The incident window's strings for talking and keeping the record: the
//! call tree, messages, the timeline, level changes, warnings, handover,
//! close and duties.

use crate::model::incident::{Briefing, CallState};

/// The strings of one language.
#[allow(missing_docs)] // Each field's name says what it is; the values are the docs.
pub struct TalkTr {
    // The incident view's tabs and actions.
    pub tab_walk: &'static str,
    pub tab_calls: &'static str,
    pub tab_timeline: &'static str,
    pub raise: &'static str,
    pub lower: &'static str,
    pub warnings: &'static str,
    pub handover: &'static str,
    pub close: &'static str,
    pub reopen: &'static str,
    // Calls.
    pub calls_title: fn(&str) -> String,
    pub calls_root: fn(&str) -> String,
    pub no_call_tree: &'static str,
    pub calls_progress: fn(usize, usize, usize) -> String,
    pub call_next: &'static str,
    pub call_reached: fn(&str, &str) -> String,
    pub call_nobody_left: &'static str,
    pub call_state: fn(CallState) -> &'static str,
    pub outcome_reached: &'static str,
    pub outcome_no_answer: &'static str,
    pub outcome_message: &'static str,
    pub outcome_wrong: &'static str,
    pub calls_keys: &'static str,
    // Messages.
    pub message_title: fn(&str) -> String,
    pub message_text: &'static str,
    pub message_unfilled: fn(&str) -> String,
    pub message_ready: &'static str,
    pub message_channel: &'static str,
    pub message_to: &'static str,
    pub calling: &'static str,
    pub message_copy: &'static str,
    pub message_sent: &'static str,
    pub message_already: fn(&str) -> String,
    pub message_again: &'static str,
    /// The fold under a message in the timeline that holds its whole text.
    pub message_full_text: &'static str,
    // The timeline.
    pub quick_label: &'static str,
    pub quick_hint: &'static str,
    pub occurred_at: &'static str,
    pub occurred_hint: &'static str,
    pub filter_all: &'static str,
    pub filter_steps: &'static str,
    pub filter_calls: &'static str,
    pub filter_messages: &'static str,
    pub filter_notes: &'static str,
    pub filter_command: &'static str,
    pub timeline_search: &'static str,
    pub backdated: fn(&str, &str) -> String,
    pub corrected: &'static str,
    /// The mark of an entry taken back.
    pub taken_back: &'static str,
    /// The mark of an entry read after damage in its log.
    pub after_damage: &'static str,
    /// What that mark means.
    pub after_damage_hint: &'static str,
    pub correct: &'static str,
    pub correction_label: &'static str,
    pub no_entries: &'static str,
    // Level changes.
    pub level_title: fn(&str, &str) -> String,
    pub level_adds: fn(usize) -> String,
    pub level_reason: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,
    pub most_severe: &'static str,
    pub least_severe: &'static str,
    // Warnings.
    pub warnings_title: &'static str,
    pub warning_in_force: &'static str,
    pub warning_issue: &'static str,
    pub warning_lift: &'static str,
    pub warning_by: fn(&str, &str) -> String,
    pub warning_note: &'static str,
    // Handover.
    pub handover_title: &'static str,
    pub handover_to: &'static str,
    pub handover_to_hint: &'static str,
    pub handover_briefing: &'static str,
    pub briefing: fn(&Briefing<'_>, &str) -> String,
    // Close and reopen.
    pub close_title: &'static str,
    pub close_summary: &'static str,
    pub close_clear: &'static str,
    pub close_open: fn(usize) -> String,
    pub close_deferred: fn(usize) -> String,
    pub close_blocked: fn(usize) -> String,
    pub close_duties: &'static str,
    /// How many calls of the tree nobody answered.
    pub close_calls: fn(usize) -> String,
    /// A duty whose limit counts from the close: it starts then.
    pub close_from_closing: &'static str,
    pub reopen_title: &'static str,
    pub reopen_reason: &'static str,
    // Duties.
    pub duty_title: &'static str,
    pub duty_reference: &'static str,
    pub duty_done: &'static str,
    pub duty_hint: &'static str,
    /// Keys: (keys, what they do).
    pub keys: &'static [(&'static str, &'static str)],
    /// The mark of an entry read from a log whose opening record names
    /// another device than the entry does.
    pub foreign_log: &'static str,
    /// What that mark means.
    pub foreign_log_hint: &'static str,
}

fn briefing_zh(b: &Briefing<'_>, clocks: &str) -> String {
    let mut out = format!("当前等级 {} 级。", b.level);
    if !b.overdue.is_empty() {
        out.push_str(&format!("逾期 {} 项。", b.overdue.len()));
    }
    out.push_str(&format!("待处理步骤 {} 项", b.open.len()));
    if let Some(first) = b.open.first() {
        out.push_str(&format!("，下一步：{}", first.text));
    }
    out.push('。');
    if !b.blocked.is_empty() {
        let why: Vec<String> = b
            .blocked
            .iter()
            .map(|(s, r)| format!("{}（{r}）", s.id))
            .collect();
        out.push_str(&format!("受阻：{}。", why.join("、")));
    }
    if !b.deferred.is_empty() {
        out.push_str(&format!("推迟 {} 项。", b.deferred.len()));
    }
    if b.calls_owed > 0 {
        out.push_str(&format!("还有 {} 个电话未接通。", b.calls_owed));
    }
    if !clocks.is_empty() {
        out.push_str(&format!("接下来的时限：{clocks}。"));
    }
    out
}

fn briefing_en(b: &Briefing<'_>, clocks: &str) -> String {
    let mut out = format!("Level {}. ", b.level);
    if !b.overdue.is_empty() {
        out.push_str(&format!("{} overdue. ", b.overdue.len()));
    }
    out.push_str(&format!("{} steps open", b.open.len()));
    if let Some(first) = b.open.first() {
        out.push_str(&format!("; next: {}", first.text));
    }
    out.push_str(". ");
    if !b.blocked.is_empty() {
        let why: Vec<String> = b
            .blocked
            .iter()
            .map(|(s, r)| format!("{} ({r})", s.id))
            .collect();
        out.push_str(&format!("Blocked: {}. ", why.join(", ")));
    }
    if !b.deferred.is_empty() {
        out.push_str(&format!("{} deferred. ", b.deferred.len()));
    }
    if b.calls_owed > 0 {
        out.push_str(&format!("{} calls not answered yet. ", b.calls_owed));
    }
    if !clocks.is_empty() {
        out.push_str(&format!("Next: {clocks}."));
    }
    out.trim_end().to_owned()
}

/// 简体中文.
pub const ZH: TalkTr = TalkTr {
    tab_walk: "处置步骤",
    tab_calls: "呼叫树",
    tab_timeline: "时间线",
    raise: "升级…",
    lower: "降级…",
    warnings: "预警…",
    handover: "交接指挥…",
    close: "结束响应…",
    reopen: "重新打开…",
    calls_title: |level| format!("{level} 呼叫树"),
    calls_root: |who| format!("由 {who} 开始逐级通知"),
    no_call_tree: "预案没有为本等级设呼叫树。",
    calls_progress: |reached, all, overdue| {
        if overdue == 0 {
            format!("已接通 {reached}/{all}")
        } else {
            format!("已接通 {reached}/{all} · 逾期 {overdue}")
        }
    },
    call_next: "下一个",
    call_reached: |who, at| format!("{at} 已接通 {who}"),
    call_nobody_left: "可联系的人都试过了：换号码或改用其他方式",
    call_state: |s| match s {
        CallState::NotCalled => "未呼叫",
        CallState::NoAnswer => "无人接听",
        CallState::LeftMessage => "已留言",
        CallState::WrongNumber => "号码错误",
        CallState::Reached => "已接通",
    },
    outcome_reached: "接通",
    outcome_no_answer: "无人接听",
    outcome_message: "留言",
    outcome_wrong: "号码错误",
    calls_keys: "1 接通 · 2 无人接听 · 3 留言 · 4 号码错误 · ↑/↓ 选择",
    message_title: |name| format!("通知：{name}"),
    message_text: "内容",
    message_unfilled: |names| format!("还需填写：{names}（填写或删除后才能标记为已发送）"),
    message_ready: "可以发送",
    message_channel: "发送方式",
    message_to: "发送对象",
    calling: "呼叫中",
    message_copy: "复制全文",
    message_sent: "标记为已发送",
    message_already: |at| format!("已在 {at} 发送"),
    message_again: "再发一条…",
    message_full_text: "发出的全文",
    quick_label: "快速记录",
    quick_hint: "输入后按 Enter，时间取第一个字键入时",
    occurred_at: "发生于",
    occurred_hint: "HH:MM（补记）",
    filter_all: "全部",
    filter_steps: "步骤",
    filter_calls: "电话",
    filter_messages: "通知",
    filter_notes: "备注",
    filter_command: "等级与指挥",
    timeline_search: "搜索",
    backdated: |happened, recorded| format!("补记：发生于 {happened}，记录于 {recorded}"),
    corrected: "（已更正）",
    taken_back: "（已撤销）",
    after_damage: "⚠ 损坏之后",
    after_damage_hint: "此记录位于日志损坏处之后：它本身校验无误，但已无法证明它与日志开头相连。详见上方的损坏提示。",
    correct: "更正…",
    correction_label: "更正内容",
    no_entries: "没有符合条件的记录。",
    level_title: |id, name| format!("改为 {id} 级 {name}"),
    level_adds: |n| {
        if n == 0 {
            "检查单不变。".to_owned()
        } else {
            format!("检查单新增 {n} 个步骤；已处理的步骤保留。")
        }
    },
    level_reason: "原因",
    confirm: "确定",
    cancel: "取消",
    most_severe: "已是最高等级",
    least_severe: "已是最低等级",
    warnings_title: "预警",
    warning_in_force: "生效中",
    warning_issue: "发布",
    warning_lift: "解除",
    warning_by: |issue, lift| format!("发布：{issue} · 解除：{lift}"),
    warning_note: "说明",
    handover_title: "交接指挥",
    handover_to: "交给",
    handover_to_hint: "姓名，或预案中的人员、岗位",
    handover_briefing: "交接简报",
    briefing: briefing_zh,
    close_title: "结束应急响应",
    close_summary: "总结",
    close_clear: "所有步骤都已处理，报告义务都已履行，呼叫都已接通。",
    close_open: |n| format!("{n} 个步骤仍未处理"),
    close_deferred: |n| format!("{n} 个步骤已推迟"),
    close_blocked: |n| format!("{n} 个步骤受阻"),
    close_duties: "仍需履行的报告义务（关闭后继续显示，直到标记为已履行）：",
    close_calls: |n| format!("{n} 个呼叫尚未接通"),
    close_from_closing: "自关闭时起算",
    reopen_title: "重新打开事件",
    reopen_reason: "原因",
    duty_title: "报告义务已履行",
    duty_reference: "编号、接收人",
    duty_done: "标记为已履行",
    duty_hint: "点击标记为已履行",
    keys: &[
        ("Ctrl+K", "呼叫树"),
        ("1 · 2 · 3 · 4", "呼叫结果：接通、无人接听、留言、号码错误"),
        ("Ctrl+T", "时间线"),
        ("Ctrl+↑ / Ctrl+↓", "升级、降级"),
        ("Ctrl+H", "交接指挥"),
        ("Ctrl+E", "结束响应"),
        ("Ctrl+Enter", "对话框中确认；通知：标记为已发送"),
    ],
    foreign_log: "⚠ 记在其他设备的日志中",
    foreign_log_hint: "此记录写的是这台设备，却位于另一台设备开启的日志中：可能是伪造的，或混入了其他设备的记录。它予以保留，详见上方的提示。",
};

/// English.
pub const EN: TalkTr = TalkTr {
    tab_walk: "Steps",
    tab_calls: "Call tree",
    tab_timeline: "Timeline",
    raise: "Raise…",
    lower: "Lower…",
    warnings: "Warnings…",
    handover: "Hand over…",
    close: "Close the response…",
    reopen: "Reopen…",
    calls_title: |level| format!("Call tree, level {level}"),
    calls_root: |who| format!("{who} starts the calls"),
    no_call_tree: "The plan has no call tree for this level.",
    calls_progress: |reached, all, overdue| {
        if overdue == 0 {
            format!("{reached} of {all} reached")
        } else {
            format!("{reached} of {all} reached · {overdue} overdue")
        }
    },
    call_next: "next",
    call_reached: |who, at| format!("{who} reached at {at}"),
    call_nobody_left: "Everyone was tried: another number or another way",
    call_state: |s| match s {
        CallState::NotCalled => "not called",
        CallState::NoAnswer => "no answer",
        CallState::LeftMessage => "left a message",
        CallState::WrongNumber => "wrong number",
        CallState::Reached => "reached",
    },
    outcome_reached: "Reached",
    outcome_no_answer: "No answer",
    outcome_message: "Left a message",
    outcome_wrong: "Wrong number",
    calls_keys: "1 reached · 2 no answer · 3 left a message · 4 wrong number · ↑/↓ choose",
    message_title: |name| format!("Message: {name}"),
    message_text: "Text",
    message_unfilled: |names| {
        format!("Still to fill in: {names} (fill them in or take them out before it is sent)")
    },
    message_ready: "Ready to send",
    message_channel: "Sent by",
    message_to: "Audience",
    calling: "calling",
    message_copy: "Copy the text",
    message_sent: "Mark as sent",
    message_already: |at| format!("Sent at {at}"),
    message_again: "Send another…",
    message_full_text: "Text as sent",
    quick_label: "Quick note",
    quick_hint: "Type and press Enter; timed when the first key was pressed",
    occurred_at: "Happened at",
    occurred_hint: "HH:MM (written later)",
    filter_all: "All",
    filter_steps: "Steps",
    filter_calls: "Calls",
    filter_messages: "Messages",
    filter_notes: "Notes",
    filter_command: "Level and command",
    timeline_search: "Search",
    backdated: |happened, recorded| format!("happened {happened}, written down {recorded}"),
    corrected: " (corrected)",
    taken_back: " (taken back)",
    after_damage: "⚠ after damage",
    after_damage_hint: "This entry comes after damage in its log: it checks out by itself, but it is no longer proven to follow the start of the log. The notice above says where the damage is.",
    correct: "Correct…",
    correction_label: "Correction",
    no_entries: "No entries match.",
    level_title: |id, name| format!("Change to level {id} {name}"),
    level_adds: |n| {
        if n == 0 {
            "The checklist stays as it is.".to_owned()
        } else {
            format!("{n} steps join the checklist; steps already acted on stay.")
        }
    },
    level_reason: "Reason",
    confirm: "Confirm",
    cancel: "Cancel",
    most_severe: "Already the most severe level",
    least_severe: "Already the least severe level",
    warnings_title: "Warnings",
    warning_in_force: "in force",
    warning_issue: "Issue",
    warning_lift: "Lift",
    warning_by: |issue, lift| format!("issued by {issue} · lifted by {lift}"),
    warning_note: "Why",
    handover_title: "Hand over command",
    handover_to: "To",
    handover_to_hint: "a name, or a person or role of the plan",
    handover_briefing: "Briefing",
    briefing: briefing_en,
    close_title: "Close the response",
    close_summary: "Summary",
    close_clear: "Every step is settled, every duty fulfilled and every call answered.",
    close_open: |n| format!("{n} steps still open"),
    close_deferred: |n| format!("{n} steps deferred"),
    close_blocked: |n| format!("{n} steps blocked"),
    close_duties: "Reporting duties still due (they stay on the closed incident until marked done):",
    close_calls: |n| match n {
        1 => "1 call not answered".to_owned(),
        n => format!("{n} calls not answered"),
    },
    close_from_closing: "counts from the close",
    reopen_title: "Reopen the incident",
    reopen_reason: "Reason",
    duty_title: "Reporting duty fulfilled",
    duty_reference: "Reference, who took it",
    duty_done: "Mark as fulfilled",
    duty_hint: "Click to mark it fulfilled",
    keys: &[
        ("Ctrl+K", "The call tree"),
        (
            "1 · 2 · 3 · 4",
            "A call: reached, no answer, left a message, wrong number",
        ),
        ("Ctrl+T", "The timeline"),
        ("Ctrl+↑ / Ctrl+↓", "Raise, lower the level"),
        ("Ctrl+H", "Hand over command"),
        ("Ctrl+E", "Close the response"),
        ("Ctrl+Enter", "Confirm a dialog; a message: mark it sent"),
    ],
    foreign_log: "⚠ in another device's log",
    foreign_log_hint: "This entry names this device, but it is in a log another device opened: it may be forged, or another device's entry put there. It is kept; the notice above says which log.",
};
