//! The contacts view (call trees and the directory) and the fault classes
//! and levels view, driven through the window as a duty officer would, and
//! `runbook show contacts` / `runbook show classes` through the real binary.
//! Every expected name, number and time limit is read from the bundled plan,
//! so an edited plan does not break the tests and a wrong lookup does.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use runbook::app::RunbookApp;
use runbook::i18n::Lang;
use runbook::model::plan::contacts::{self, CallTreeView, Callee, span};
use runbook::model::plan::{self, Plan};
use runbook::ui::View;

use super::gui::app;

const BUNDLED_ZH: &str = "plans/online-education-platform.ron";

/// The app on a view, after enough frames for it to settle.
fn on_view(lang: Lang, view: View) -> Harness<'static, RunbookApp> {
    let mut h = app(lang, None);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, view.shortcut().logical_key);
    h.run();
    assert_eq!(h.state_mut().views_mut().view, view);
    h
}

fn plan_of(h: &Harness<'static, RunbookApp>) -> Plan {
    h.state().plan().clone()
}

fn count(h: &Harness<'static, RunbookApp>, label: &str) -> usize {
    h.query_all_by_label(label).count()
}

/// Every label a call tree shows for who is called: root, callees, fallbacks.
fn tree_labels(tree: &CallTreeView<'_>) -> Vec<String> {
    let mut labels: Vec<String> = tree.root.iter().map(Callee::label).collect();
    for node in tree.flatten() {
        labels.push(node.callee.label());
        labels.extend(node.fallback.iter().map(Callee::label));
    }
    labels
}

#[test]
fn the_contacts_view_shows_the_level_one_call_tree_with_numbers_and_limits() {
    let h = on_view(Lang::Zh, View::Contacts);
    let plan = plan_of(&h);
    let tr = Lang::Zh.tr().contacts;
    let level = &plan.doc().levels[0];
    let tree = contacts::call_tree(&plan, level);

    let root = tree.root.unwrap();
    assert!(count(&h, &root.label()) >= 1, "the root {}", root.label());
    h.get_by_label(tr.starts_calls);

    let first = &tree.calls[0];
    let number = first.callee.phones()[0].number;
    let limit = (Lang::Zh.tr().within)(span(first.within.unwrap()));
    assert!(count(&h, &first.callee.label()) >= 1);
    assert!(count(&h, number) >= 1, "the first callee's number {number}");
    assert!(count(&h, &limit) >= 1, "the time limit {limit}");
    // Every call of the tree is there with its order, in a window tall
    // enough to hold them all (only the calls in view are laid out).
    let mut h = h;
    h.set_size(egui::vec2(1280.0, 6000.0));
    h.run();
    for node in tree.flatten() {
        assert!(
            count(&h, &node.order_label()) >= 1,
            "{}",
            node.order_label()
        );
        assert!(count(&h, &node.callee.label()) >= 1);
    }
    // The fallback is spelled out.
    assert!(count(&h, tr.if_unreachable) >= 1);
    assert!(count(&h, &first.fallback[0].label()) >= 1);
}

#[test]
fn choosing_level_four_shows_its_own_tree() {
    let mut h = on_view(Lang::Zh, View::Contacts);
    let plan = plan_of(&h);
    let tr = Lang::Zh.tr().contacts;
    let levels = &plan.doc().levels;
    let one = contacts::call_tree(&plan, &levels[0]);
    let four_level = contacts::find_level(&plan, "IV").unwrap();
    let four = contacts::call_tree(&plan, four_level);

    h.get_by_label(&(tr.level_button)("IV", &four_level.name))
        .click();
    // Tall enough for level IV's whole tree: the list lays out only the
    // rows in view, and since revision 2.2 level IV calls the owner of
    // every step that applies there.
    h.set_size(egui::vec2(1280.0, 1600.0));
    h.run();

    let four_labels = tree_labels(&four);
    for label in &four_labels {
        assert!(count(&h, label) >= 1, "level IV shows {label}");
    }
    let gone: Vec<String> = tree_labels(&one)
        .into_iter()
        .filter(|l| !four_labels.contains(l))
        .collect();
    assert!(!gone.is_empty());
    for label in &gone {
        assert_eq!(count(&h, label), 0, "level I's {label} is gone");
    }
    let first = &four.calls[0];
    let limit = (Lang::Zh.tr().within)(span(first.within.unwrap()));
    assert!(count(&h, &limit) >= 1);
}

#[test]
fn ctrl_f_searches_the_directory_by_a_part_of_a_chinese_name() {
    let mut h = on_view(Lang::Zh, View::Contacts);
    let plan = plan_of(&h);
    let tr = Lang::Zh.tr();
    let people = &plan.doc().people;
    // A person whose name's last characters appear nowhere in the first
    // person's entry, so the first person must disappear.
    let other = &people[0];
    let (person, part) = people
        .iter()
        .skip(1)
        .find_map(|p| {
            let part: String = p.name.chars().skip(1).collect();
            let elsewhere = [&other.name, &other.title]
                .iter()
                .any(|f| f.contains(&part));
            (!elsewhere).then_some((p, part))
        })
        .unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    let field = h.get_by_label(tr.search);
    assert!(
        field.is_focused(),
        "Ctrl+F puts the cursor in the search box"
    );
    field.type_text(&part);
    h.run();

    h.get_by_label(&person.name);
    assert_eq!(count(&h, &other.name), 0, "{} is hidden", other.name);
    let found = contacts::directory(&plan, &part);
    h.get_by_label(&(tr.contacts.people)(found.people.len(), people.len()));
    assert!(found.people.len() < people.len());
    // Their number is there to copy.
    let mobile = person.contact.mobile.as_deref().unwrap();
    assert!(count(&h, mobile) >= 1);

    // Clearing the search shows everyone again.
    h.get_by_label(tr.contacts.clear).click();
    h.run();
    h.get_by_label(&other.name);
}

#[test]
fn a_copy_button_copies_and_says_so() {
    let mut h = on_view(Lang::En, View::Contacts);
    let tr = Lang::En.tr();
    assert!(h.query_by_label(tr.copied).is_none());
    h.query_all_by_label(tr.copy).next().unwrap().click();
    h.run();
    h.get_by_label(tr.copied);
}

#[test]
fn the_classes_view_shows_every_class_and_the_level_table() {
    let mut h = on_view(Lang::Zh, View::Classes);
    let plan = plan_of(&h);
    let tr = Lang::Zh.tr().classes;
    for class in &plan.doc().classes {
        // The list shows name and id; selecting shows description and signals.
        h.get_by_label_contains(&format!("{}{}", class.name, class.id))
            .click();
        h.run();
        h.get_by_label(&class.description);
        for signal in &class.detection {
            h.get_by_label(&format!("• {signal}"));
        }
        for q in &class.assessment {
            h.get_by_label(&q.text);
        }
    }
    // Arrow keys walk the list.
    let classes = &plan.doc().classes;
    h.key_press(Key::ArrowUp);
    h.run();
    h.get_by_label(&classes[classes.len() - 2].description);

    h.get_by_label(tr.tab_levels).click();
    h.run();
    for level in &plan.doc().levels {
        h.get_by_label(&(tr.level_chip)(level.id.as_str(), &level.name));
        for criterion in &level.criteria {
            h.get_by_label(&format!("• {criterion}"));
        }
        if let Some(m) = level.update_every_minutes {
            h.get_by_label(&(tr.update_every)(span(m)));
        }
    }
    assert!(count(&h, tr.platform_rule) >= 1);

    h.get_by_label(tr.tab_warnings).click();
    h.run();
    for warning in &plan.doc().warnings {
        h.get_by_label(&warning.name);
        for trigger in &warning.triggers {
            h.get_by_label(&format!("• {trigger}"));
        }
    }
    for signal in &plan.doc().signals {
        h.get_by_label(&signal.threshold);
    }
}

/// The view as a person sees it, in one language (one harness per test:
/// kittest wants a test's snapshots handled by one harness).
fn snapshot(lang: Lang, name: &str) {
    let mut h = app(lang, None);
    h.run();
    h.state_mut().apply(runbook::ui::Command::OpenBundled(lang));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    h.snapshot(name);
}

#[test]
fn contacts_zh_snapshot() {
    snapshot(Lang::Zh, "contacts_zh");
}

#[test]
fn contacts_en_snapshot() {
    snapshot(Lang::En, "contacts_en");
}

// ---------------------------------------------------------------------------
// The command line.
// ---------------------------------------------------------------------------

use super::cli::runbook;

fn bundled() -> Plan {
    plan::parse(&std::fs::read(super::gui::data(BUNDLED_ZH)).unwrap())
        .unwrap()
        .plan
}

#[test]
fn show_contacts_prints_a_level_call_tree_indented() {
    let plan = bundled();
    let (code, out, err) = runbook(&["show", "contacts", BUNDLED_ZH, "--level", "I"]);
    assert_eq!(code, 0, "{err}");
    let tree = contacts::call_tree(&plan, contacts::find_level(&plan, "I").unwrap());
    let root = tree.root.unwrap();
    assert!(
        out.contains(&format!("Starts the calls: {}", root.label())),
        "{out}"
    );
    let first = &tree.calls[0];
    let minutes = first.within.unwrap().get();
    let line = format!(
        "1  {}, within {minutes} min: mobile {}",
        first.callee.label(),
        first.callee.phones()[0].number
    );
    assert!(out.lines().any(|l| l.starts_with(&line)), "{line}\n{out}");
    assert!(
        out.contains(&format!(
            "    if unreachable: {}",
            first.fallback[0].label()
        )),
        "{out}"
    );
    // A second-level call is indented under its caller.
    let nested = &first.calls[0];
    assert!(
        out.contains(&format!("\n    1.1  {}, ", nested.callee.label())),
        "{out}"
    );
    assert_eq!(
        out.lines().filter(|l| l.contains(", within ")).count(),
        tree.flatten().len()
    );
}

#[test]
fn show_contacts_searches_the_directory() {
    let plan = bundled();
    let person = &plan.doc().people[5];
    let part: String = person.name.chars().skip(1).collect();
    let (code, out, err) = runbook(&["show", "contacts", BUNDLED_ZH, "--search", &part]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&person.name), "{out}");
    assert!(!out.contains(&plan.doc().people[0].name), "{out}");
    let found = contacts::directory(&plan, &part);
    assert!(out.starts_with(&format!(
        "People ({} of {})",
        found.people.len(),
        plan.doc().people.len()
    )));

    // Without a search: the whole directory, people and external contacts.
    let (code, out, _) = runbook(&["show", "contacts", BUNDLED_ZH]);
    assert_eq!(code, 0);
    for p in &plan.doc().people {
        assert!(out.contains(&p.name), "{}", p.name);
    }
    for e in &plan.doc().externals {
        assert!(out.contains(&e.name), "{}", e.name);
    }
}

#[test]
fn show_contacts_with_an_unknown_level_lists_the_levels() {
    let plan = bundled();
    let (code, out, err) = runbook(&["show", "contacts", BUNDLED_ZH, "--level", "V"]);
    assert_eq!(code, 1, "{out}");
    let levels: Vec<&str> = plan.doc().levels.iter().map(|l| l.id.as_str()).collect();
    assert!(err.contains("no level \"V\""), "{err}");
    assert!(err.contains(&levels.join(", ")), "{err}");
}

#[test]
fn show_classes_prints_classes_signals_and_the_level_table() {
    let plan = bundled();
    let (code, out, err) = runbook(&["show", "classes", BUNDLED_ZH]);
    assert_eq!(code, 0, "{err}");
    for class in &plan.doc().classes {
        assert!(
            out.contains(&format!("{} ({})", class.name, class.id)),
            "{out}"
        );
        for signal in &class.detection {
            assert!(out.contains(signal), "{signal}");
        }
    }
    for level in &plan.doc().levels {
        assert!(out.contains(&format!("Level {} ({}", level.id, level.name)));
        for criterion in &level.criteria {
            assert!(out.contains(criterion), "{criterion}");
        }
    }
    assert!(out.contains("basis: platform rule"));
    for warning in &plan.doc().warnings {
        assert!(out.contains(&warning.name));
    }
    for signal in &plan.doc().signals {
        assert!(out.contains(&format!("    threshold: {}", signal.threshold)));
    }
}
