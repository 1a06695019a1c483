//! The plan-text view, driven like a reader: the contents list every chapter
//! and jump to a section, the search finds what the model finds (Chinese
//! included) and moves between hits from the keyboard; and
//! `runbook show search` prints the same hits, grep-style.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use runbook::app::RunbookApp;
use runbook::i18n::Lang;
use runbook::model::plan::search;
use runbook::ui::{Command, View};

use super::gui::app;

/// The app in a language on the plan-text view, showing the bundled plan of
/// that language.
fn text_view(lang: Lang) -> Harness<'static, RunbookApp> {
    let mut h = app(lang, None);
    h.state_mut().apply(Command::OpenBundled(lang));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run();
    assert_eq!(h.state_mut().views_mut().view, View::Text);
    h
}

/// Ctrl+F, then the query typed into the field it focuses.
fn search_for(h: &mut Harness<'static, RunbookApp>, lang: Lang, query: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, lang.tr().text.search);
    assert!(field.is_focused(), "Ctrl+F focuses the search field");
    field.type_text(query);
    h.run();
}

/// Whether a rectangle is in the text area as the Chinese interface shows
/// it: right of the contents, below the search bar, inside the window.
fn is_in_text_area(h: &Harness<'static, RunbookApp>, rect: egui::Rect) -> bool {
    let tr = Lang::Zh.tr().text;
    let contents = h.get_by_label(tr.contents).rect();
    let search = h.get_by_role_and_label(Role::TextInput, tr.search).rect();
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    rect.left() > contents.right() && rect.top() > search.bottom() && window.contains_rect(rect)
}

#[test]
fn the_contents_list_all_twelve_chapters_with_their_sections() {
    for lang in [Lang::Zh, Lang::En] {
        let h = text_view(lang);
        let tr = lang.tr().text;
        let chapters = h.state().plan().doc().chapters.clone();
        assert_eq!(chapters.len(), 12);
        for (c, chapter) in chapters.iter().enumerate() {
            let label = format!("{} {}", (tr.chapter_number)(c + 1), chapter.title);
            h.get_by_role_and_label(Role::Button, &label);
            for (s, section) in chapter.sections.iter().enumerate() {
                let label = format!("{} {}", (tr.section_number)(c + 1, s + 1), section.title);
                h.get_by_role_and_label(Role::Button, &label);
            }
        }
        // The numbers are the app's, in the interface language.
        let first = match lang {
            Lang::Zh => "第一章 总则",
            Lang::En => "Chapter 1 General provisions",
        };
        h.get_by_role_and_label(Role::Button, first);
        let last = match lang {
            Lang::Zh => "第十二章 应急预案的修订与更新",
            Lang::En => "Chapter 12 Revision and updating of the plan",
        };
        h.get_by_role_and_label(Role::Button, last);
    }
}

#[test]
fn clicking_a_section_scrolls_the_text_to_it_and_marks_it_as_read() {
    let mut h = text_view(Lang::Zh);
    assert_eq!(
        h.state_mut()
            .views_mut()
            .text
            .reading()
            .map(|a| (a.chapter, a.section)),
        Some((0, None)),
        "the top of the text is chapter 1"
    );
    for (label, chapter, section) in [
        ("第二节 演练评估与总结", 10, 1),
        // The very last section too: the text leaves room to bring it to the top.
        ("第三节 修订与更新记录", 11, 2),
        ("第一节 故障分类", 3, 0),
    ] {
        let heading = h.get_by_role_and_label(Role::Label, label).rect();
        assert!(
            !is_in_text_area(&h, heading) || chapter == 3,
            "{label} starts out of view"
        );
        h.get_by_role_and_label(Role::Button, label)
            .click_accesskit();
        h.run();
        let reading = h.state_mut().views_mut().text.reading().unwrap();
        assert_eq!(
            (reading.chapter, reading.section),
            (chapter, Some(section)),
            "{label}"
        );
        let heading = h.get_by_role_and_label(Role::Label, label).rect();
        assert!(
            is_in_text_area(&h, heading),
            "{label} is in view at {heading:?}"
        );
        // At the top of the text, where a jump puts it.
        let search = h
            .get_by_role_and_label(Role::TextInput, Lang::Zh.tr().text.search)
            .rect();
        assert!(
            heading.top() < search.bottom() + 40.0,
            "{label} at {heading:?}"
        );
    }
}

#[test]
fn searching_a_chinese_phrase_finds_and_highlights_what_the_model_finds() {
    let mut h = text_view(Lang::Zh);
    let expected = search::search(h.state().plan(), "网信办");
    assert_eq!(expected.len(), 12);
    search_for(&mut h, Lang::Zh, "网信办");
    let state = &h.state_mut().views_mut().text;
    assert_eq!(state.hits(), expected.as_slice());
    assert_eq!(state.current_hit().map(|(i, _)| i), Some(0));
    h.get_by_label("共 12 处");
    h.get_by_label("第 1/12 处");
    // The search ran once for the query, not once a frame.
    let searches = h.state_mut().views_mut().text.searches();
    h.run();
    h.run();
    assert_eq!(h.state_mut().views_mut().text.searches(), searches);

    // Enter and F3 go forward, Shift+Enter and Shift+F3 back, wrapping.
    let current = |h: &mut Harness<'static, RunbookApp>| {
        h.state_mut().views_mut().text.current_hit().map(|(i, _)| i)
    };
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(current(&mut h), Some(1));
    h.key_press(Key::F3);
    h.run();
    assert_eq!(current(&mut h), Some(2));
    h.get_by_label("第 3/12 处");
    h.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    h.run();
    assert_eq!(current(&mut h), Some(1));
    h.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    h.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    h.run();
    assert_eq!(current(&mut h), Some(11), "back from the first is the last");
    assert_eq!(h.state_mut().views_mut().text.searches(), searches);

    // The current hit (in chapter 12, far below) was scrolled into view.
    let hit = expected[11].clone();
    assert_eq!(hit.id().as_str(), "ch12.s3");
    let paragraph = hit
        .text(&h.state().plan().doc().chapters)
        .unwrap()
        .to_owned();
    let rect = h.get_by_label(&paragraph).rect();
    assert!(
        is_in_text_area(&h, rect),
        "the current hit's paragraph is in view: {rect:?}"
    );
    // The contents mark the section the current hit is in.
    let reading = h.state_mut().views_mut().text.reading().unwrap();
    assert_eq!((reading.chapter, reading.section), (11, Some(2)));
}

#[test]
fn english_search_ignores_case_and_follows_a_new_plan() {
    let mut h = text_view(Lang::En);
    let expected = search::search(h.state().plan(), "cyberspace");
    assert_eq!(expected.len(), 12);
    search_for(&mut h, Lang::En, "CYBERSPACE");
    assert_eq!(h.state_mut().views_mut().text.hits(), expected.as_slice());
    h.get_by_label("12 hits");
    // Ctrl+F again selects the query, so typing replaces it.
    search_for(&mut h, Lang::En, "Regulator");
    assert_eq!(h.state_mut().views_mut().text.query(), "Regulator");
    assert_eq!(
        h.state_mut().views_mut().text.hit_count(),
        search::search(h.state().plan(), "regulator").len()
    );
    // Another plan (here the Chinese one): the same query runs on its text.
    h.state_mut().apply(Command::OpenBundled(Lang::Zh));
    h.run();
    assert_eq!(h.state_mut().views_mut().text.hit_count(), 0);
    h.get_by_label("No hits");
}

/// The view as a reader sees it, searching: every hit highlighted, the
/// second one current after F3.
fn snapshot_searching(lang: Lang, query: &str, name: &str) {
    let mut h = text_view(lang);
    search_for(&mut h, lang, query);
    h.key_press(Key::F3);
    h.run();
    h.snapshot(name);
}

#[test]
fn snapshot_zh() {
    snapshot_searching(Lang::Zh, "网信办", "plan_text_zh");
}

#[test]
fn snapshot_en() {
    snapshot_searching(Lang::En, "Cyberspace", "plan_text_en");
}

use super::cli::runbook;

#[test]
fn show_search_prints_each_hit_with_its_place_and_exits_like_grep() {
    let plan = "plans/online-education-platform.ron";
    let (code, out, _) = runbook(&["show", "search", plan, "网信办"]);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 13, "{out}");
    assert_eq!(lines[12], "12 hits for \"网信办\"");
    assert!(
        lines[..12]
            .iter()
            .all(|l| l.matches("[网信办]").count() == 1),
        "{out}"
    );
    assert_eq!(
        lines[1],
        "ch4.s3 §响应流程与措施: 1.向省[网信办]报告：依照《国家网络安全…"
    );
    assert!(lines[11].starts_with("ch12.s3 §修订与更新记录: …"), "{out}");

    // A title is searched too, and English ignores case.
    let (code, out, _) = runbook(&["show", "search", plan, "总则"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("ch1 §总则: [总则]\n"), "{out}");
    let (code, out, _) = runbook(&[
        "show",
        "search",
        "plans/online-education-platform.en.ron",
        "CYBERSPACE",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(
        "ch9.s2 §Communication and coordination with government authorities: \
         1. The provincial [Cyberspace] Administration office:…\n"
    ));

    // Nothing found: exit 1, like grep.
    let (code, out, _) = runbook(&["show", "search", plan, "不存在的词"]);
    assert_eq!(code, 1);
    assert_eq!(out, "no hits for \"不存在的词\"\n");
    let (code, _, _) = runbook(&["show", "search", plan, "  "]);
    assert_eq!(code, 1);
}
