//! Strings of the fault classes and levels view.

/// The fault classes and levels view's strings.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct ClassesTr {
    pub title: &'static str,
}

/// 简体中文.
pub const ZH: ClassesTr = ClassesTr {
    title: "故障分类与响应等级",
};

/// English.
pub const EN: ClassesTr = ClassesTr {
    title: "Fault classes and levels",
};
