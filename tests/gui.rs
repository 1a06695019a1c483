//! The window, driven through egui_kittest without a display: the bundled
//! plan opens, every view is reachable by mouse and keyboard, a broken plan
//! shows its located errors (in the window's language) and keeps the plan on
//! screen, and the language switch changes the interface.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use runbook::app::{RunbookApp, Settings};
use runbook::i18n::Lang;
use runbook::ui::View;

/// The app in a harness, in a language, with no system fonts (so a missing
/// glyph in the bundled font fails the test instead of being papered over).
pub fn app(lang: Lang, plan: Option<PathBuf>) -> Harness<'static, RunbookApp> {
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        // The harness imposes its theme after the app is built; match the
        // app's default (light) so what the tests see is what users see.
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| RunbookApp::with_settings(&cc.egui_ctx, settings, plan, false))
}

/// A file under the crate.
pub fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_bundled_plan_opens_on_its_overview() {
    let mut h = app(Lang::Zh, None);
    h.run();
    // In the title bar and as the overview's heading.
    assert_eq!(
        h.query_all_by_label("在线教育平台突发故障应急预案").count(),
        2
    );
    h.get_by_label("修订记录");
    h.get_by_label_contains("智学在线教育科技有限公司");
}

#[test]
fn every_view_is_one_click_and_one_shortcut_away() {
    let mut h = app(Lang::En, None);
    h.run();
    for view in View::ALL {
        h.get_by_label_contains(view.name(Lang::En.tr())).click();
        h.run();
        assert_eq!(h.state_mut().views_mut().view, view);
    }
    for (key, view) in [
        (Key::Num2, View::Organisation),
        (Key::Num4, View::Text),
        (Key::Num1, View::Overview),
    ] {
        h.key_press_modifiers(Modifiers::COMMAND, key);
        h.run();
        assert_eq!(h.state_mut().views_mut().view, view);
    }
}

#[test]
fn a_broken_plan_shows_its_located_error_and_keeps_the_previous_plan() {
    let mut h = app(Lang::En, None);
    h.run();
    let title = h.state().plan().doc().meta.title.clone();
    h.state_mut()
        .open_path(&data("tests/data/broken/unknown-role.ron"));
    h.run();
    h.get_by_label_contains("has 1 error(s) and cannot be opened");
    h.get_by_label_contains(
        "unknown-role.ron:62:79: error: procedures[other].steps[fix].role: no role \"dba\"",
    );
    h.get_by_label_contains("Still showing the previous plan");
    assert_eq!(h.state().plan().doc().meta.title, title);
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.state().failed().is_none());
}

/// A failed load keeps its diagnostics, not sentences: they are worded in
/// the window's language when drawn, and again after a switch.
#[test]
fn a_failed_load_is_worded_in_the_windows_language() {
    let mut h = app(Lang::Zh, None);
    h.run();
    h.state_mut()
        .open_path(&data("tests/data/broken/unknown-role.ron"));
    h.run();
    h.get_by_label_contains("有 1 个错误，无法打开");
    h.get_by_label_contains(
        "unknown-role.ron:62:79: 错误: procedures[other].steps[fix].role: 找不到岗位 \"dba\"（已有：\"commander\"）",
    );
    h.get_by_label("English").click();
    h.run();
    h.get_by_label_contains(
        "unknown-role.ron:62:79: error: procedures[other].steps[fix].role: no role \"dba\" (known: \"commander\")",
    );
    assert!(h.query_by_label_contains("找不到岗位").is_none());
}

#[test]
fn switching_the_language_changes_the_interface() {
    let mut h = app(Lang::En, None);
    h.run();
    h.get_by_label("Organisation");
    h.get_by_label("中文").click();
    h.run();
    h.get_by_label("组织架构");
    assert!(h.query_by_label("Organisation").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    h.get_by_label("Organisation");
}

#[test]
fn opening_a_plan_file_by_path_and_reloading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(data("plans/minimal.ron"), &path).unwrap();
    let mut h = app(Lang::En, None);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let field = h.get_by_label("File path");
    field.focus();
    field.type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("Open").click();
    h.run();
    assert_eq!(
        h.state().plan().doc().meta.title,
        "Example platform emergency plan"
    );
    assert_eq!(h.state().settings().recent.first(), Some(&path));
    // An author edits the file; F5 shows the change.
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Example platform emergency plan", "Edited plan");
    std::fs::write(&path, text).unwrap();
    h.key_press(Key::F5);
    h.run();
    assert_eq!(h.state().plan().doc().meta.title, "Edited plan");
}

#[test]
fn the_help_overlay_lists_the_shortcuts() {
    let mut h = app(Lang::En, None);
    h.run();
    h.key_press(Key::F1);
    h.run();
    h.get_by_label("Keyboard shortcuts");
    h.get_by_label("F5");
    h.get_by_label("Ctrl+O");
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("Keyboard shortcuts").is_none());
}

#[test]
fn a_plan_file_changed_on_disk_is_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(data("plans/minimal.ron"), &path).unwrap();
    let mut h = app(Lang::En, Some(path.clone()));
    h.run();
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Example platform emergency plan", "Saved by the author");
    std::fs::write(&path, text).unwrap();
    // The file is checked about once a second.
    for _ in 0..12 {
        h.step();
    }
    assert_eq!(h.state().plan().doc().meta.title, "Saved by the author");
    h.get_by_label_contains("changed on disk and was reloaded");
}

#[test]
fn theme_and_zoom_follow_their_shortcuts() {
    let mut h = app(Lang::En, None);
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    let before = h.ctx.zoom_factor();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!(
        (h.ctx.zoom_factor() - before - 0.1).abs() < 1e-4,
        "one step, not two"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!((h.ctx.zoom_factor() - 1.0).abs() < 1e-4);
}

/// A file as the window integration hands it over when one is dropped.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_plan_dropped_on_the_window_opens() {
    let mut h = app(Lang::En, None);
    h.run();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(data("plans/minimal.ron"))));
    h.run();
    assert_eq!(
        h.state().plan().doc().meta.title,
        "Example platform emergency plan"
    );
}

#[test]
fn the_plan_opened_last_opens_again() {
    let settings = Settings {
        lang: Some(Lang::En),
        last_plan: Some(data("plans/online-education-platform.en.ron")),
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| RunbookApp::with_settings(&cc.egui_ctx, settings, None, false));
    h.run();
    h.get_by_label_contains("Zhixue Online Education Technology");
    // A plan given on the command line wins over the remembered one.
    let settings = Settings {
        last_plan: Some(data("plans/online-education-platform.en.ron")),
        ..Settings::default()
    };
    let given = Some(data("plans/minimal.ron"));
    let h = Harness::builder()
        .build_eframe(move |cc| RunbookApp::with_settings(&cc.egui_ctx, settings, given, false));
    assert_eq!(
        h.state().plan().doc().meta.title,
        "Example platform emergency plan"
    );
}

#[test]
fn print_plan_writes_the_binder_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(Lang::En, None);
    h.run();
    // The button is there (it asks where to save, so the test gives the path
    // through the same command the button sends).
    h.get_by_label("Print plan…");
    let path = dir.path().join("binder.html");
    h.state_mut()
        .apply(runbook::ui::Command::PrintPlan(Some(path.clone())));
    h.run();
    h.get_by_label_contains(&format!(
        "Written to {}; open it in a browser",
        path.display()
    ));
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("<h1>在线教育平台突发故障应急预案</h1>"));
    // A folder that does not exist: the failure is said, nothing written.
    let bad = dir.path().join("nope/binder.html");
    h.state_mut()
        .apply(runbook::ui::Command::PrintPlan(Some(bad.clone())));
    h.run();
    h.get_by_label_contains("Not written: cannot write in");
    assert!(!bad.exists());
}
