//! Every interface string, in Chinese and in English, in one typed table.
//!
//! A typed table rather than an i18n crate (fluent, rust-i18n): the app has
//! two languages and a few hundred strings, and a struct with one field per
//! string makes a missing translation a compile error instead of a runtime
//! fallback — at three in the morning a blank or an English label in the
//! Chinese interface is a bug the compiler should catch. Strings with values
//! are functions. Plan content is never translated here: it is shown as its
//! author wrote it. Each view's strings sit in a sub-table of their own
//! (`org`, `contacts`, `text`, `classes`, …), still in this module; `plan`
//! words what the plan reader finds and `diff` what changed between two
//! revisions, from the typed values the model hands over.

pub mod board;
pub mod classes;
pub mod cli;
pub mod contacts;
pub mod diff;
pub mod followup;
pub mod incident;
pub mod lessons;
pub mod org;
pub mod paper;
pub mod plan;
pub mod talk;
pub mod text;
pub mod time;
pub mod verify;
pub mod walk;

use serde::{Deserialize, Serialize};

use crate::model::plan::contacts::TimeSpan;
use time::Span;

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// 简体中文.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language the system locale asks for: Chinese for `zh*`, else English.
    #[must_use]
    pub fn from_locale(locale: Option<&str>) -> Self {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("zh") => Self::Zh,
            _ => Self::En,
        }
    }

    /// The language the environment asks for: `RUNBOOK_LANG` (`zh`, `en`)
    /// when set, else the locale's messages language as gettext reads it.
    #[must_use]
    pub fn from_env() -> Self {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Self::from_env`] over any source of variables (a test's table).
    ///
    /// After `RUNBOOK_LANG`, as GNU gettext does: the locale is the first
    /// of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty; when
    /// it is `C` or `POSIX` the messages are English whatever `LANGUAGE`
    /// says; otherwise the first language of `LANGUAGE` (`zh_CN:en`) that
    /// the app speaks wins over the locale. With no locale at all,
    /// `LANGUAGE` alone decides. Only the variables are read: the locale
    /// need not be installed.
    #[must_use]
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Self {
        let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        if let Some(lang) = set("RUNBOOK_LANG").and_then(|v| Self::named(&v)) {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(set);
        let plain = locale.as_deref().is_some_and(|l| {
            let base = l.split(['.', '@']).next().unwrap_or(l);
            base == "C" || base == "POSIX"
        });
        if plain {
            return Self::En;
        }
        let preferred = set("LANGUAGE").and_then(|list| list.split(':').find_map(Self::named));
        preferred.unwrap_or_else(|| Self::from_locale(locale.as_deref()))
    }

    /// A language by its name or code: `zh`, `zh_CN.UTF-8`, `中文`, `en`,
    /// `en_GB`, `English`; `None` for any other.
    #[must_use]
    pub fn named(text: &str) -> Option<Self> {
        let t = text.trim().to_ascii_lowercase();
        if t.starts_with("zh") || t == "中文" || t == "chinese" {
            Some(Self::Zh)
        } else if t.starts_with("en") {
            Some(Self::En)
        } else {
            None
        }
    }

    /// The other language.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Self::Zh => Self::En,
            Self::En => Self::Zh,
        }
    }

    /// The strings of this language.
    #[must_use]
    pub fn tr(self) -> &'static Tr {
        match self {
            Self::Zh => &ZH,
            Self::En => &EN,
        }
    }
}

/// All interface strings of one language.
#[allow(missing_docs)] // Each field's name says what it is; the values are the docs.
pub struct Tr {
    pub language_name: &'static str,
    pub app_title: &'static str,
    // Navigation.
    pub view_overview: &'static str,
    pub view_organisation: &'static str,
    pub view_contacts: &'static str,
    pub view_text: &'static str,
    pub view_classes: &'static str,
    // Top bar and actions.
    pub open_plan: &'static str,
    pub reload: &'static str,
    pub recent_plans: &'static str,
    pub bundled_zh: &'static str,
    pub bundled_en: &'static str,
    pub switch_language: &'static str,
    pub theme_dark: &'static str,
    pub theme_light: &'static str,
    pub toggle_theme: &'static str,
    pub help: &'static str,
    pub quit: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_reset: &'static str,
    pub search: &'static str,
    /// A time limit: "15分钟内", "within 15 min".
    pub within: fn(TimeSpan) -> String,
    /// A span of time: "3小时05分", "3 h 05 min".
    pub span: fn(Span) -> String,
    pub copy: &'static str,
    pub copied: &'static str,
    pub close: &'static str,
    // Opening a plan.
    pub open_title: &'static str,
    pub open_path_label: &'static str,
    pub open_browse: &'static str,
    pub open_button: &'static str,
    pub open_dialog_failed: &'static str,
    pub drop_hint: &'static str,
    pub reloaded: fn(&str) -> String,
    pub plan_changed_on_disk: fn(&str) -> String,
    pub print_plan: &'static str,
    pub print_plan_hint: &'static str,
    pub papers: &'static str,
    pub export_report: &'static str,
    pub handover_briefing: &'static str,
    pub regulator_first: &'static str,
    pub regulator_follow_up: &'static str,
    /// A binder or report written: where, and whether a browser shows it.
    pub paper_written: fn(&str, bool) -> String,
    pub paper_failed: fn(&str) -> String,
    // Errors and warnings.
    pub errors_title: fn(&str, usize) -> String,
    pub errors_kept_previous: fn(&str) -> String,
    pub warnings_count: fn(usize) -> String,
    pub dismiss: &'static str,
    // Overview.
    pub version: &'static str,
    pub effective: &'static str,
    pub owner: &'static str,
    pub approver: &'static str,
    pub organisation: &'static str,
    pub revisions: &'static str,
    pub revision_date: &'static str,
    pub revision_author: &'static str,
    pub revision_changes: &'static str,
    pub plan_summary: fn(&crate::model::plan::Summary) -> String,
    pub source_bundled: &'static str,
    pub source_file: &'static str,
    // Help.
    pub help_title: &'static str,
    pub shortcuts: &'static str,
    /// The help's filter field.
    pub help_filter: &'static str,
    /// The help's section of the keys that work in every view.
    pub help_everywhere: &'static str,
    /// The help's heading of the view on screen: its name.
    pub help_this_view: fn(&str) -> String,
    /// No key matches the filter.
    pub help_no_match: &'static str,
    // The views' own tables.
    pub org: &'static org::OrgTr,
    pub contacts: &'static contacts::ContactsTr,
    pub text: &'static text::TextTr,
    pub classes: &'static classes::ClassesTr,
    pub incident: &'static incident::IncidentTr,
    pub cli: &'static cli::CliTr,
    /// `runbook verify`'s explanations (its verdict tokens stay English).
    pub verify: &'static verify::VerifyTr,
    pub walk: &'static walk::WalkTr,
    pub paper: &'static paper::PaperTr,
    pub talk: &'static talk::TalkTr,
    pub plan: &'static plan::PlanTr,
    pub diff: &'static diff::DiffTr,
    pub followup: &'static followup::FollowupTr,
    pub lessons: &'static lessons::LessonsTr,
    pub stats: &'static lessons::StatsTr,
    pub board: &'static board::BoardTr,
}

/// 简体中文.
pub const ZH: Tr = Tr {
    language_name: "中文",
    app_title: "应急预案",
    view_overview: "概览",
    view_organisation: "组织架构",
    view_contacts: "通讯录与呼叫树",
    view_text: "预案全文",
    view_classes: "故障分类与响应等级",
    open_plan: "打开预案…",
    reload: "重新加载",
    recent_plans: "最近打开",
    bundled_zh: "内置预案（中文）",
    bundled_en: "内置预案（英文）",
    switch_language: "English",
    theme_dark: "深色",
    theme_light: "浅色",
    toggle_theme: "切换浅色/深色",
    help: "帮助",
    quit: "退出",
    zoom_in: "放大",
    zoom_out: "缩小",
    zoom_reset: "原始大小",
    search: "搜索",
    within: |span| match span {
        TimeSpan::Minutes(n) => format!("{n}分钟内"),
        TimeSpan::Hours(n) => format!("{n}小时内"),
        TimeSpan::Days(n) => format!("{n}天内"),
    },
    span: |span| match span {
        Span::Minutes(m) => format!("{m}分钟"),
        Span::HoursMinutes(h, m) => format!("{h}小时{m:02}分"),
        Span::Days(d) => format!("{d}天"),
    },
    copy: "复制",
    copied: "已复制",
    close: "关闭",
    open_title: "打开预案文件",
    open_path_label: "文件路径",
    open_browse: "浏览…",
    open_button: "打开",
    open_dialog_failed: "系统文件对话框无法打开（可能缺少桌面门户服务）。请在下方输入预案文件的路径。",
    drop_hint: "也可以把 .ron 文件拖到窗口上。",
    reloaded: |name| format!("已重新加载 {name}"),
    plan_changed_on_disk: |name| format!("{name} 已在磁盘上修改，已重新加载"),
    print_plan: "打印预案…",
    papers: "文书",
    export_report: "导出事件报告…",
    handover_briefing: "交接简报…",
    regulator_first: "网信办报告草稿（首报）…",
    regulator_follow_up: "网信办报告草稿（续报）…",
    print_plan_hint: "把整个预案写成一个可打印的网页文件（含电话号码、呼叫树和各类故障核对表），用浏览器打开后打印",
    paper_written: |path, opened| {
        if opened {
            format!("已写入 {path}，并已在浏览器中打开")
        } else {
            format!("已写入 {path}；请用浏览器打开")
        }
    },
    paper_failed: |why| format!("没有写入：{why}"),
    errors_title: |name, n| format!("{name} 有 {n} 个错误，无法打开"),
    errors_kept_previous: |name| format!("仍显示之前的预案：{name}"),
    warnings_count: |n| format!("{n} 条警告"),
    dismiss: "知道了",
    version: "版本",
    effective: "生效日期",
    owner: "负责部门",
    approver: "批准人",
    organisation: "单位",
    revisions: "修订记录",
    revision_date: "日期",
    revision_author: "修订人",
    revision_changes: "修订内容",
    plan_summary: |s| {
        format!(
            "{} 个单位 · {} 个岗位 · {} 人 · {} 类故障 · {} 个处置步骤 · {} 个通知模板",
            s.units, s.roles, s.people, s.classes, s.steps, s.templates
        )
    },
    source_bundled: "内置",
    source_file: "文件",
    help_title: "快捷键",
    shortcuts: "快捷键",
    help_filter: "筛选",
    help_everywhere: "所有视图",
    help_this_view: |name| format!("当前视图：{name}"),
    help_no_match: "没有匹配的按键。",
    org: &org::ZH,
    contacts: &contacts::ZH,
    text: &text::ZH,
    classes: &classes::ZH,
    incident: &incident::ZH,
    cli: &cli::ZH,
    verify: &verify::ZH,
    walk: &walk::ZH,
    paper: &paper::ZH,
    talk: &talk::ZH,
    plan: &plan::ZH,
    diff: &diff::ZH,
    followup: &followup::ZH,
    lessons: &lessons::ZH,
    stats: &lessons::STATS_ZH,
    board: &board::ZH,
};

/// English.
pub const EN: Tr = Tr {
    language_name: "English",
    app_title: "Emergency plan",
    view_overview: "Overview",
    view_organisation: "Organisation",
    view_contacts: "Contacts and call tree",
    view_text: "Plan text",
    view_classes: "Fault classes and levels",
    open_plan: "Open plan…",
    reload: "Reload",
    recent_plans: "Recent plans",
    bundled_zh: "Bundled plan (Chinese)",
    bundled_en: "Bundled plan (English)",
    switch_language: "中文",
    theme_dark: "Dark",
    theme_light: "Light",
    toggle_theme: "Light or dark theme",
    help: "Help",
    quit: "Quit",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    zoom_reset: "Actual size",
    search: "Search",
    within: |span| match span {
        TimeSpan::Minutes(n) => format!("within {n} min"),
        TimeSpan::Hours(1) => "within 1 hour".to_owned(),
        TimeSpan::Hours(n) => format!("within {n} hours"),
        TimeSpan::Days(1) => "within 1 day".to_owned(),
        TimeSpan::Days(n) => format!("within {n} days"),
    },
    span: |span| match span {
        Span::Minutes(m) => format!("{m} min"),
        Span::HoursMinutes(h, m) => format!("{h} h {m:02} min"),
        Span::Days(d) => format!("{d} d"),
    },
    copy: "Copy",
    copied: "Copied",
    close: "Close",
    open_title: "Open a plan file",
    open_path_label: "File path",
    open_browse: "Browse…",
    open_button: "Open",
    open_dialog_failed: "The system file dialog could not open (no desktop portal?). Type the plan file's path below.",
    drop_hint: "You can also drop a .ron file on the window.",
    reloaded: |name| format!("Reloaded {name}"),
    plan_changed_on_disk: |name| format!("{name} changed on disk and was reloaded"),
    print_plan: "Print plan…",
    papers: "Papers",
    export_report: "Export report…",
    handover_briefing: "Handover briefing…",
    regulator_first: "Regulator draft (first report)…",
    regulator_follow_up: "Regulator draft (follow-up)…",
    print_plan_hint: "Write the whole plan as one printable web page (phone numbers, call trees, a checklist per fault class); open it in a browser and print it",
    paper_written: |path, opened| {
        if opened {
            format!("Written to {path} and opened in the browser")
        } else {
            format!("Written to {path}; open it in a browser")
        }
    },
    paper_failed: |why| format!("Not written: {why}"),
    errors_title: |name, n| format!("{name} has {n} error(s) and cannot be opened"),
    errors_kept_previous: |name| format!("Still showing the previous plan: {name}"),
    warnings_count: |n| format!("{n} warning(s)"),
    dismiss: "Dismiss",
    version: "Version",
    effective: "In force from",
    owner: "Owner",
    approver: "Approved by",
    organisation: "Organisation",
    revisions: "Revision history",
    revision_date: "Date",
    revision_author: "Author",
    revision_changes: "Changes",
    plan_summary: |s| {
        format!(
            "{} units · {} roles · {} people · {} fault classes · {} steps · {} templates",
            s.units, s.roles, s.people, s.classes, s.steps, s.templates
        )
    },
    source_bundled: "bundled",
    source_file: "file",
    help_title: "Keyboard shortcuts",
    shortcuts: "Shortcuts",
    help_filter: "Filter",
    help_everywhere: "In every view",
    help_this_view: |name| format!("This view: {name}"),
    help_no_match: "No key matches.",
    org: &org::EN,
    contacts: &contacts::EN,
    text: &text::EN,
    classes: &classes::EN,
    incident: &incident::EN,
    cli: &cli::EN,
    verify: &verify::EN,
    walk: &walk::EN,
    paper: &paper::EN,
    talk: &talk::EN,
    plan: &plan::EN,
    diff: &diff::EN,
    followup: &followup::EN,
    lessons: &lessons::EN,
    stats: &lessons::STATS_EN,
    board: &board::EN,
};

/// How many hex digits of a log's head hash are shown to be written down:
/// 16 (64 bits) names one line of any log, and `runbook verify --head`
/// takes that many or more.
pub const HEAD_SHOWN: usize = 16;

/// The part of a head hash shown to people (the window copies it whole).
#[must_use]
pub fn short_head(head: &str) -> &str {
    head.get(..HEAD_SHOWN).unwrap_or(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_picks_the_language() {
        assert_eq!(Lang::from_locale(Some("zh_CN.UTF-8")), Lang::Zh);
        assert_eq!(Lang::from_locale(Some("en_GB.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
    }

    /// The environment as gettext reads it, with `RUNBOOK_LANG` first.
    fn from(vars: &[(&str, &str)]) -> Lang {
        Lang::from_vars(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn the_environment_picks_the_language_as_gettext_does() {
        assert_eq!(from(&[("LANG", "zh_CN.UTF-8")]), Lang::Zh);
        assert_eq!(from(&[]), Lang::En);
        // LC_ALL over LC_MESSAGES over LANG; an empty one is not set.
        assert_eq!(
            from(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
            Lang::En
        );
        assert_eq!(from(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")]), Lang::Zh);
        assert_eq!(
            from(&[("LC_MESSAGES", "zh_TW"), ("LANG", "en_US")]),
            Lang::Zh
        );
        // LANGUAGE's first language the app speaks wins, unless the
        // locale is C; alone it decides.
        assert_eq!(
            from(&[("LANG", "en_US.UTF-8"), ("LANGUAGE", "fr:zh_CN:en")]),
            Lang::Zh
        );
        assert_eq!(
            from(&[("LANG", "C.UTF-8"), ("LANGUAGE", "zh_CN")]),
            Lang::En
        );
        assert_eq!(from(&[("LANGUAGE", "zh")]), Lang::Zh);
        // RUNBOOK_LANG over everything; an unknown one is passed over.
        assert_eq!(
            from(&[("RUNBOOK_LANG", "en"), ("LC_ALL", "zh_CN.UTF-8")]),
            Lang::En
        );
        assert_eq!(from(&[("RUNBOOK_LANG", "中文"), ("LANG", "C")]), Lang::Zh);
        assert_eq!(from(&[("RUNBOOK_LANG", "xx"), ("LANG", "zh_CN")]), Lang::Zh);
    }
}
