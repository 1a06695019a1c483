//! Strings of the organisation chart.

/// The organisation chart's strings.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct OrgTr {
    pub title: &'static str,
    // Toolbar.
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub fit: &'static str,
    pub zoom_percent: fn(f32) -> String,
    pub keys_hint: &'static str,
    pub chart_label: &'static str,
    // The chart.
    pub deputies_line: fn(&[&str]) -> String,
    pub no_holder: &'static str,
    // The detail panel.
    pub pick_a_role: &'static str,
    pub unit: &'static str,
    pub duties: &'static str,
    pub holder: &'static str,
    pub deputies: &'static str,
    pub deputy_number: fn(usize) -> String,
    pub no_deputies: &'static str,
    pub mobile: &'static str,
    pub office: &'static str,
    pub im: &'static str,
    pub email: &'static str,
    pub location: &'static str,
    pub no_contact: &'static str,
    pub copy_number: fn(&str) -> String,
    pub clear_selection: &'static str,
    /// The view's keys, for the help: (keys, what they do).
    pub keys: &'static [(&'static str, &'static str)],
}

/// 简体中文.
pub const ZH: OrgTr = OrgTr {
    title: "组织架构",
    zoom_in: "放大",
    zoom_out: "缩小",
    fit: "适应窗口",
    zoom_percent: |z| format!("{:.0}%", z * 100.0),
    keys_hint: "拖动平移 · 滚轮缩放 · 方向键平移 · + / - 缩放 · 0 适应窗口 · Tab 逐个选择岗位",
    chart_label: "组织架构图",
    deputies_line: |names| format!("替补：{}", names.join(" → ")),
    no_holder: "（未指定）",
    pick_a_role: "点击图中的岗位，查看职责、负责人、替补及联系方式。",
    unit: "所属单位",
    duties: "职责",
    holder: "负责人",
    deputies: "替补（按顺序）",
    deputy_number: |n| format!("第{n}替补"),
    no_deputies: "无替补",
    mobile: "手机",
    office: "办公电话",
    im: "即时通讯",
    email: "电子邮件",
    location: "位置",
    no_contact: "未登记联系方式",
    copy_number: |n| format!("复制 {n}"),
    clear_selection: "取消选择",
    keys: &[
        ("← → ↑ ↓", "平移图表"),
        ("+ / −", "放大、缩小图表"),
        ("0", "整图显示"),
        ("Tab / Esc", "逐个选择岗位、取消选择"),
    ],
};

/// English.
pub const EN: OrgTr = OrgTr {
    title: "Organisation",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    fit: "Fit",
    zoom_percent: |z| format!("{:.0}%", z * 100.0),
    keys_hint: "Drag to pan · wheel to zoom · arrow keys pan · + / - zoom · 0 fits · Tab steps through roles",
    chart_label: "Organisation chart",
    deputies_line: |names| format!("Deputies: {}", names.join(" → ")),
    no_holder: "(not assigned)",
    pick_a_role: "Click a role in the chart to see its duties, holder, deputies and how to reach them.",
    unit: "Unit",
    duties: "Duties",
    holder: "Holder",
    deputies: "Deputies, in order",
    deputy_number: |n| format!("Deputy {n}"),
    no_deputies: "No deputies",
    mobile: "Mobile",
    office: "Office",
    im: "IM",
    email: "E-mail",
    location: "Location",
    no_contact: "No contact details",
    copy_number: |n| format!("Copy {n}"),
    clear_selection: "Clear selection",
    keys: &[
        ("← → ↑ ↓", "Pan the chart"),
        ("+ / −", "Zoom the chart"),
        ("0", "Fit the chart"),
        ("Tab / Esc", "Step through the roles, clear the selection"),
    ],
};
