//! Strings of the contacts view (call trees and the directory).

/// The contacts view's strings.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct ContactsTr {
    pub title: &'static str,
}

/// 简体中文.
pub const ZH: ContactsTr = ContactsTr {
    title: "通讯录与呼叫树",
};

/// English.
pub const EN: ContactsTr = ContactsTr {
    title: "Contacts and call tree",
};
