//! The wall board's strings: what the command room's shared screen says
//! (`runbook board`, and "Wall board" in the window). Short, since each is
//! read from across the room in large type.

/// The strings of one language.
#[allow(missing_docs)] // Each field's name says what it is; the values are the docs.
pub struct BoardTr {
    /// The button in the incident view that opens the board.
    pub open_button: &'static str,
    pub open_hint: &'static str,
    /// The board window's title, with the incident's.
    pub window_title: fn(&str) -> String,
    pub drill: &'static str,
    pub closed: &'static str,
    /// Who commands, and for how long: "指挥长 李明 · 已 1小时05分".
    pub commander_for: fn(&str, &str) -> String,
    pub since_discovery: &'static str,
    pub next_update: &'static str,
    pub overdue: &'static str,
    pub nothing_overdue: &'static str,
    /// A step overdue: its text, and by how long.
    pub next_steps: &'static str,
    pub no_open_steps: &'static str,
    /// The calls nobody answered: how many.
    pub calls_owed: fn(usize) -> String,
    pub all_reached: &'static str,
    pub latest: &'static str,
    /// What did not fit: "还有 3 项".
    pub more: fn(usize) -> String,
    /// The folder could not be read: why, and that the board keeps trying.
    pub unreadable: fn(&str) -> String,
    /// Shown until the first reading.
    pub no_incident: &'static str,
    /// Due: "10:30 · 还剩 12分钟".
    pub due_left: fn(&str, &str) -> String,
    /// Overdue: "10:30 · 已超时 12分钟".
    pub due_over: fn(&str, &str) -> String,
    pub met: &'static str,
    /// A step's owner: "负责：值班经理".
    pub owner: fn(&str) -> String,
    /// A clock's alert: red (else amber), what, due when, how far.
    pub alert: fn(bool, &str, &str, &str) -> String,
    pub acknowledge: &'static str,
    pub acknowledge_hint: &'static str,
    /// Hold an alert back for some minutes.
    pub snooze: fn(u32) -> String,
    pub snooze_hint: &'static str,
    pub sound_on: &'static str,
    pub sound_off: &'static str,
    pub sound_hint: &'static str,
    pub sound_drills_hint: &'static str,
    /// Desktop notifications do not work here: why.
    pub no_notifications: fn(&str) -> String,
    /// A notification's title: the incident's.
    pub notification_title: fn(&str) -> String,
}

/// 简体中文.
pub const ZH: BoardTr = BoardTr {
    open_button: "大屏",
    open_hint: "在第二个窗口打开只读大屏，供投影或电视显示（F11 全屏）",
    window_title: |title| format!("大屏 · {title} — runbook"),
    drill: "演练",
    closed: "已关闭",
    commander_for: |name, span| format!("指挥长 {name} · 已 {span}"),
    since_discovery: "发现至今",
    next_update: "下次通报",
    overdue: "已超时",
    nothing_overdue: "没有超时项",
    next_steps: "接下来",
    no_open_steps: "没有待办步骤",
    calls_owed: |n| format!("未接通 {n} 路"),
    all_reached: "电话均已接通",
    latest: "最新记录",
    more: |n| format!("还有 {n} 项"),
    unreadable: |why| format!("读不到事件文件夹：{why}（每秒重试）"),
    no_incident: "没有事件",
    due_left: |at, left| format!("{at} · 还剩 {left}"),
    due_over: |at, over| format!("{at} · 超时 {over}"),
    met: "已完成",
    owner: |who| format!("负责：{who}"),
    alert: |red, what, at, when| {
        let stage = if red { "已超时" } else { "快到时限" };
        format!("{stage}：{what}（{at}，{when}）")
    },
    acknowledge: "知道了",
    acknowledge_hint: "确认这条提醒（记入日志）；时限变红时会再提醒",
    snooze: |m| format!("{m} 分钟"),
    snooze_hint: "稍后再提醒（记入日志）",
    sound_on: "提示音：开",
    sound_off: "提示音：关",
    sound_hint: "打开或关闭所有事件的提醒提示音",
    sound_drills_hint: "打开或关闭演练的提醒提示音",
    no_notifications: |why| format!("桌面通知不可用（{why}）；提醒横幅仍会显示，直到确认"),
    notification_title: |title| format!("runbook：{title}"),
};

/// English.
pub const EN: BoardTr = BoardTr {
    open_button: "Wall board",
    open_hint: "Opens the read-only wall board in a second window, for a projector or a TV (F11 for full screen)",
    window_title: |title| format!("Wall board · {title} — runbook"),
    drill: "DRILL",
    closed: "closed",
    commander_for: |name, span| format!("Commander {name} · for {span}"),
    since_discovery: "Since discovery",
    next_update: "Next status update",
    overdue: "Overdue",
    nothing_overdue: "Nothing overdue",
    next_steps: "Next",
    no_open_steps: "No open steps",
    calls_owed: |n| {
        if n == 1 {
            "1 call not answered".to_owned()
        } else {
            format!("{n} calls not answered")
        }
    },
    all_reached: "Every call answered",
    latest: "Latest",
    more: |n| format!("{n} more"),
    unreadable: |why| {
        format!("The incident folder cannot be read: {why} (trying again every second)")
    },
    no_incident: "No incident",
    due_left: |at, left| format!("{at} · {left} left"),
    due_over: |at, over| format!("{at} · {over} over"),
    met: "met",
    owner: |who| format!("owner: {who}"),
    alert: |red, what, at, when| {
        let stage = if red { "OVERDUE" } else { "Due soon" };
        format!("{stage}: {what} ({at}, {when})")
    },
    acknowledge: "Acknowledge",
    acknowledge_hint: "Acknowledges this alert (logged); it comes back when the clock turns red",
    snooze: |m| format!("{m} min"),
    snooze_hint: "Reminds again after these minutes (logged)",
    sound_on: "Sound: on",
    sound_off: "Sound: off",
    sound_hint: "Switches the alerts' sound on or off for every incident",
    sound_drills_hint: "Switches the alerts' sound on or off for drills",
    no_notifications: |why| {
        format!(
            "Desktop notifications do not work here ({why}); the alert banners still show until acknowledged"
        )
    },
    notification_title: |title| format!("runbook: {title}"),
};
