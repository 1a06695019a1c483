//! Strings of the plan-text view.

/// The plan-text view's strings.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct TextTr {
    pub title: &'static str,
}

/// 简体中文.
pub const ZH: TextTr = TextTr {
    title: "预案全文"
};

/// English.
pub const EN: TextTr = TextTr { title: "Plan text" };
