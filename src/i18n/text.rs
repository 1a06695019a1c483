//! Strings of the plan-text view: contents, search bar, and the chapter and
//! section numbers the app puts before the plan's own titles.
//!
//! Plan files give titles without numbers ("总则"); the number is the app's,
//! so it follows the interface language: 第一章 in Chinese, Chapter 1 in
//! English, whatever the language of the plan.

/// The plan-text view's strings.
#[allow(missing_docs)] // Each field's name says what it is; the values are the docs.
pub struct TextTr {
    pub title: &'static str,
    pub contents: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub no_hits: &'static str,
    pub no_text: &'static str,
    /// The number of hits.
    pub hits: fn(usize) -> String,
    /// The current hit's place among them, counted from 1.
    pub position: fn(usize, usize) -> String,
    /// A chapter's number, counted from 1: 第一章, Chapter 1.
    pub chapter_number: fn(usize) -> String,
    /// A section's number within its chapter, both counted from 1: 第一节, 1.1.
    pub section_number: fn(usize, usize) -> String,
    /// The view's keys, for the help: (keys, what they do).
    pub keys: &'static [(&'static str, &'static str)],
}

/// 简体中文.
pub const ZH: TextTr = TextTr {
    title: "预案全文",
    contents: "目录",
    search: "搜索",
    search_hint: "在全文中查找（Ctrl+F）",
    previous: "上一处",
    next: "下一处",
    no_hits: "未找到",
    no_text: "这份预案没有正文。",
    hits: |n| format!("共 {n} 处"),
    position: |i, n| format!("第 {i}/{n} 处"),
    chapter_number: |n| format!("第{}章", chinese_number(n)),
    section_number: |_, n| format!("第{}节", chinese_number(n)),
    keys: &[
        ("Ctrl+F", "搜索全文"),
        ("Enter / F3", "下一处"),
        ("Shift+Enter / Shift+F3", "上一处"),
    ],
};

/// English.
pub const EN: TextTr = TextTr {
    title: "Plan text",
    contents: "Contents",
    search: "Search",
    search_hint: "Find in the text (Ctrl+F)",
    previous: "Previous",
    next: "Next",
    no_hits: "No hits",
    no_text: "This plan has no text.",
    hits: |n| {
        if n == 1 {
            "1 hit".to_owned()
        } else {
            format!("{n} hits")
        }
    },
    position: |i, n| format!("{i} of {n}"),
    chapter_number: |n| format!("Chapter {n}"),
    section_number: |c, s| format!("{c}.{s}"),
    keys: &[
        ("Ctrl+F", "Search the text"),
        ("Enter / F3", "Next hit"),
        ("Shift+Enter / Shift+F3", "Previous hit"),
    ],
};

/// A number in Chinese numerals as chapter numbers are written: 一 … 十,
/// 十一 … 十九, 二十 … 九十九; larger numbers (no plan has a hundred
/// chapters) stay in digits rather than grow a rule nobody will check.
#[must_use]
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = (n / 10, n % 10);
    match (tens, ones) {
        (0, 0) | (10.., _) => n.to_string(),
        (0, o) => DIGITS[o].to_owned(),
        (1, 0) => "十".to_owned(),
        (1, o) => format!("十{}", DIGITS[o]),
        (t, 0) => format!("{}十", DIGITS[t]),
        (t, o) => format!("{}十{}", DIGITS[t], DIGITS[o]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_are_numbered_in_the_interface_language() {
        let zh: Vec<String> = (1..=12).map(ZH.chapter_number).collect();
        assert_eq!(
            zh,
            [
                "第一章",
                "第二章",
                "第三章",
                "第四章",
                "第五章",
                "第六章",
                "第七章",
                "第八章",
                "第九章",
                "第十章",
                "第十一章",
                "第十二章"
            ]
        );
        assert_eq!((EN.chapter_number)(12), "Chapter 12");
        assert_eq!((ZH.section_number)(4, 3), "第三节");
        assert_eq!((EN.section_number)(4, 3), "4.3");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(99), "九十九");
        assert_eq!(chinese_number(100), "100");
        assert_eq!((EN.hits)(1), "1 hit");
        assert_eq!((ZH.hits)(11), "共 11 处");
    }
}
