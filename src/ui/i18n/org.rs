//! Strings of the organisation chart.

/// The organisation chart's strings.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct OrgTr {
    pub title: &'static str,
}

/// 简体中文.
pub const ZH: OrgTr = OrgTr {
    title: "组织架构"
};

/// English.
pub const EN: OrgTr = OrgTr {
    title: "Organisation",
};
