//! Strings of the contacts view (call trees and the directory).

use crate::model::plan::contacts::PhoneKind;
use crate::model::plan::doc::ExternalKind;

/// The contacts view's strings.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct ContactsTr {
    pub tab_tree: &'static str,
    pub tab_directory: &'static str,
    // The call tree.
    pub level_button: fn(&str, &str) -> String,
    pub tree_intro: &'static str,
    pub starts_calls: &'static str,
    pub no_time_limit: &'static str,
    pub if_unreachable: &'static str,
    pub then: &'static str,
    pub no_tree: &'static str,
    pub no_number: &'static str,
    pub copy_hint: fn(&str) -> String,
    // The directory.
    pub search_hint: &'static str,
    pub clear: &'static str,
    pub people: fn(usize, usize) -> String,
    pub externals: fn(usize, usize) -> String,
    pub no_match: &'static str,
    pub holds: &'static str,
    pub deputises: &'static str,
    pub im: &'static str,
    pub email: &'static str,
    pub location: &'static str,
    pub phone_kind: fn(PhoneKind) -> &'static str,
    pub kind: fn(ExternalKind) -> &'static str,
    /// The view's keys, for the help: (keys, what they do).
    pub keys: &'static [(&'static str, &'static str)],
}

/// 简体中文.
pub const ZH: ContactsTr = ContactsTr {
    tab_tree: "呼叫树",
    tab_directory: "通讯录",
    level_button: |id, name| format!("{id}级 {name}"),
    tree_intro: "按顺序逐一拨打；时限从宣布响应起计算。联系不上时按所列顺序改拨替补。",
    starts_calls: "发起呼叫",
    no_time_limit: "无时限",
    if_unreachable: "联系不上时：",
    then: "再不通：",
    no_tree: "预案没有为这一等级规定呼叫树。",
    no_number: "无电话号码",
    copy_hint: |number| format!("复制 {number}"),
    search_hint: "姓名、职务、岗位、号码、备注",
    clear: "清除",
    people: |shown, total| {
        if shown == total {
            format!("人员（{total}人）")
        } else {
            format!("人员（{shown}/{total}人）")
        }
    },
    externals: |shown, total| {
        if shown == total {
            format!("外部联系人（{total}个）")
        } else {
            format!("外部联系人（{shown}/{total}个）")
        }
    },
    no_match: "没有匹配的联系人。",
    holds: "担任",
    deputises: "替补",
    im: "即时通讯",
    email: "邮箱",
    location: "位置",
    phone_kind: |kind| match kind {
        PhoneKind::Mobile => "手机",
        PhoneKind::Office => "电话",
    },
    kind: |kind| match kind {
        ExternalKind::Regulator => "监管部门",
        ExternalKind::Police => "公安",
        ExternalKind::Hotline => "热线",
        ExternalKind::Education => "教育主管部门",
        ExternalKind::Isp => "网络运营商",
        ExternalKind::Cdn => "CDN厂商",
        ExternalKind::Cloud => "云服务商",
        ExternalKind::Payment => "支付服务商",
        ExternalKind::Partner => "合作单位",
        ExternalKind::Media => "媒体",
        ExternalKind::Other => "其他",
    },
    keys: &[("Ctrl+F", "搜索通讯录")],
};

/// English.
pub const EN: ContactsTr = ContactsTr {
    tab_tree: "Call tree",
    tab_directory: "Directory",
    level_button: |id, name| format!("Level {id} {name}"),
    tree_intro: "Call in order, one by one; time limits count from the declaration of the response. \
                 If someone cannot be reached, call the fallbacks in the order listed.",
    starts_calls: "Starts the calls",
    no_time_limit: "no time limit",
    if_unreachable: "If unreachable:",
    then: "then",
    no_tree: "The plan sets no call tree for this level.",
    no_number: "no phone number",
    copy_hint: |number| format!("Copy {number}"),
    search_hint: "name, title, role, number, notes",
    clear: "Clear",
    people: |shown, total| {
        if shown == total {
            format!("People ({total})")
        } else {
            format!("People ({shown} of {total})")
        }
    },
    externals: |shown, total| {
        if shown == total {
            format!("External contacts ({total})")
        } else {
            format!("External contacts ({shown} of {total})")
        }
    },
    no_match: "No contact matches.",
    holds: "Holds",
    deputises: "Deputy for",
    im: "IM",
    email: "E-mail",
    location: "Location",
    phone_kind: |kind| match kind {
        PhoneKind::Mobile => "Mobile",
        PhoneKind::Office => "Phone",
    },
    kind: |kind| match kind {
        ExternalKind::Regulator => "Regulator",
        ExternalKind::Police => "Police",
        ExternalKind::Hotline => "Hotline",
        ExternalKind::Education => "Education authority",
        ExternalKind::Isp => "Network operator",
        ExternalKind::Cdn => "CDN vendor",
        ExternalKind::Cloud => "Cloud vendor",
        ExternalKind::Payment => "Payment provider",
        ExternalKind::Partner => "Partner",
        ExternalKind::Media => "Media",
        ExternalKind::Other => "Other",
    },
    keys: &[("Ctrl+F", "Search the directory")],
};
