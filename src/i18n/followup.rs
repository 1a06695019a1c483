//! Words for what follows an incident: the review's action items as the
//! command line and the report list them, in Chinese and English.
//!
//! Kept apart from the older tables so the review's words grow in one
//! place; the entries' own lines (an item added, done, dropped) are worded
//! with every other event in `incident`.

/// The follow-up strings of one language.
#[allow(missing_docs)] // Each field's name says what it is; the values are the docs.
pub struct FollowupTr {
    // States of an action item.
    pub open: &'static str,
    pub overdue: &'static str,
    /// Done on a date, with its note (or empty).
    pub done_on: fn(date: &str, note: &str) -> String,
    /// Dropped on a date, with the reason.
    pub dropped_on: fn(date: &str, reason: &str) -> String,
    /// Due on a date.
    pub due: fn(date: &str) -> String,
    pub no_due: &'static str,
    // Lists.
    /// The heading of one incident's items: its name and how many.
    pub items_of: fn(incident: &str, n: usize) -> String,
    pub none_yet: &'static str,
    /// The heading of the open items across incidents: how many, overdue.
    pub open_across: fn(open: usize, overdue: usize) -> String,
    pub none_open: &'static str,
    /// An incident's line in `incident list`: open items, overdue among them.
    pub in_list: fn(open: usize, overdue: usize) -> String,
    /// Where the item comes from: a drill or not, the incident's name.
    pub from: fn(drill: bool, incident: &str) -> String,
    // Refusals of what was typed.
    pub bad_due: fn(typed: &str) -> String,
    pub bad_item: fn(typed: &str) -> String,
    // The report's review section.
    pub recorded_items: &'static str,
    pub col_no: &'static str,
    pub col_item: &'static str,
    pub col_owner: &'static str,
    pub col_due: &'static str,
    pub col_state: &'static str,
    pub col_done: &'static str,
    pub plan_items: &'static str,
    pub factors: &'static str,
    pub recorded_after_close: &'static str,
    // The window's Review panel.
    pub tab_review: &'static str,
    pub review_intro: &'static str,
    pub new_item: &'static str,
    pub item_text: &'static str,
    pub owner: &'static str,
    pub due_field: &'static str,
    pub add_item: &'static str,
    pub note_or_reason: &'static str,
    pub mark_done: &'static str,
    pub drop_item: &'static str,
    pub findings: &'static str,
    pub finding_text: &'static str,
    pub record_finding: &'static str,
    pub nothing_written: &'static str,
    /// The overview's heading of the open items across incidents.
    pub open_items_heading: &'static str,
}

/// 简体中文.
pub const ZH: FollowupTr = FollowupTr {
    open: "待办",
    overdue: "已逾期",
    done_on: |date, note| {
        if note.is_empty() {
            format!("{date} 完成")
        } else {
            format!("{date} 完成：{note}")
        }
    },
    dropped_on: |date, reason| format!("{date} 撤销：{reason}"),
    due: |date| format!("{date} 前"),
    no_due: "未定期限",
    items_of: |incident, n| format!("{incident}：整改项 {n} 项"),
    none_yet: "还没有整改项。添加：runbook incident action add 事件 \"内容\" --owner 负责人 --due YYYY-MM-DD",
    open_across: |open, overdue| format!("未完成的整改项 {open} 项，其中逾期 {overdue} 项"),
    none_open: "所有事件都没有未完成的整改项。",
    in_list: |open, overdue| {
        if overdue > 0 {
            format!("整改项：{open} 项未完成，{overdue} 项逾期")
        } else {
            format!("整改项：{open} 项未完成")
        }
    },
    from: |drill, incident| {
        if drill {
            format!("演练 {incident}")
        } else {
            format!("事件 {incident}")
        }
    },
    bad_due: |typed| format!("--due {typed:?} 不是日期：请写成 YYYY-MM-DD，例如 2026-12-31"),
    bad_item: |typed| {
        format!(
            "“{typed}”不是整改项编号：请写 A1、A2……（runbook incident action list 事件 列出编号）"
        )
    },
    recorded_items: "复盘记录的整改项",
    col_no: "编号",
    col_item: "整改项",
    col_owner: "负责人",
    col_due: "期限",
    col_state: "状态",
    col_done: "完成/撤销时间",
    plan_items: "预案中尚未完成的整改步骤",
    factors: "促成因素",
    recorded_after_close: "（事件关闭后记录）",
    tab_review: "复盘",
    review_intro: "复盘的整改项和结论都记入事件日志；事件关闭后仍可记录，不需要重新打开。",
    new_item: "新增整改项",
    item_text: "整改内容",
    owner: "负责人",
    due_field: "期限（YYYY-MM-DD）",
    add_item: "添加",
    note_or_reason: "完成说明或撤销原因",
    mark_done: "完成",
    drop_item: "撤销",
    findings: "复盘结论",
    finding_text: "结论内容",
    record_finding: "记录",
    nothing_written: "尚未记录",
    open_items_heading: "未完成的整改项",
};

/// English.
pub const EN: FollowupTr = FollowupTr {
    open: "open",
    overdue: "OVERDUE",
    done_on: |date, note| {
        if note.is_empty() {
            format!("done {date}")
        } else {
            format!("done {date}: {note}")
        }
    },
    dropped_on: |date, reason| format!("dropped {date}: {reason}"),
    due: |date| format!("due {date}"),
    no_due: "no due date",
    items_of: |incident, n| {
        let s = if n == 1 { "" } else { "s" };
        format!("{incident}: {n} action item{s}")
    },
    none_yet: "No action items yet. Add one: runbook incident action add INCIDENT \"TEXT\" --owner WHO --due YYYY-MM-DD",
    open_across: |open, overdue| {
        let s = if open == 1 { "" } else { "s" };
        format!("{open} open action item{s}, {overdue} overdue")
    },
    none_open: "No incident has an open action item.",
    in_list: |open, overdue| {
        if overdue > 0 {
            format!("action items: {open} open, {overdue} overdue")
        } else {
            format!("action items: {open} open")
        }
    },
    from: |drill, incident| {
        if drill {
            format!("drill {incident}")
        } else {
            format!("incident {incident}")
        }
    },
    bad_due: |typed| {
        format!("--due {typed:?} is not a date: write it as YYYY-MM-DD, such as 2026-12-31")
    },
    bad_item: |typed| {
        format!(
            "{typed:?} is not an action item's number: write A1, A2, … (runbook incident action list INCIDENT lists them)"
        )
    },
    recorded_items: "Action items recorded by the review",
    col_no: "No.",
    col_item: "Action item",
    col_owner: "Owner",
    col_due: "Due",
    col_state: "State",
    col_done: "Done or dropped",
    plan_items: "Corrective steps of the plan not done yet",
    factors: "Contributing factors",
    recorded_after_close: "(recorded after the close)",
    tab_review: "Review",
    review_intro: "The review's action items and findings go into the incident's log; a closed incident takes them without reopening.",
    new_item: "New action item",
    item_text: "What is to be done",
    owner: "Owner",
    due_field: "Due (YYYY-MM-DD)",
    add_item: "Add",
    note_or_reason: "Note (done) or reason (dropped)",
    mark_done: "Done",
    drop_item: "Drop",
    findings: "Findings",
    finding_text: "Finding",
    record_finding: "Record",
    nothing_written: "nothing written yet",
    open_items_heading: "Open action items",
};
