//! The organisation chart, driven through the window as someone looking for
//! who is in charge and whom to call would; its layout checked without
//! pixels; and `runbook show org` through the real binary. Every expected
//! name and number is read from the bundled plan, so an edited plan does not
//! break the tests and a wrong lookup does.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use runbook::app::RunbookApp;
use runbook::i18n::Lang;
use runbook::model::ids::RoleId;
use runbook::model::plan::org::{self, OrgTree};
use runbook::model::plan::{self, Plan};
use runbook::ui::org_chart::layout::{
    self as chart, Arrangement, Frame, Metrics, OrgLayout, Size, Structure, Text,
};
use runbook::ui::{View, theme};

use super::gui::{app, data};

const BUNDLED_ZH: &str = "plans/online-education-platform.ron";
const BUNDLED_EN: &str = "plans/online-education-platform.en.ron";

/// The app on the organisation chart, settled.
fn on_chart(lang: Lang) -> Harness<'static, RunbookApp> {
    let mut h = app(lang, None);
    if lang == Lang::En {
        h.state_mut()
            .apply(runbook::ui::Command::OpenBundled(Lang::En));
    }
    h.run();
    h.key_press_modifiers(
        Modifiers::COMMAND,
        View::Organisation.shortcut().logical_key,
    );
    h.run();
    assert_eq!(h.state_mut().views_mut().view, View::Organisation);
    h
}

fn count(h: &Harness<'static, RunbookApp>, label: &str) -> usize {
    h.query_all_by_label(label).count()
}

/// The commander's role name, holder name and holder's mobile, from the plan.
fn commander(plan: &Plan) -> (String, String, String) {
    let role = plan.role(&RoleId::from("commander")).unwrap();
    let holder = plan.person(&role.holder).unwrap();
    (
        role.name.clone(),
        holder.name.clone(),
        holder.contact.mobile.clone().unwrap(),
    )
}

fn load(path: &str) -> Plan {
    plan::parse(&std::fs::read(data(path)).unwrap())
        .unwrap()
        .plan
}

#[test]
fn the_chart_opens_on_the_bundled_plan_with_every_unit_and_role() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = on_chart(lang);
        let plan = h.state().plan().clone();
        assert_eq!(
            plan.doc().meta.language.starts_with("zh"),
            lang == Lang::Zh,
            "the {lang:?} plan is on screen"
        );
        // Boxes out of the chart's area are not drawn (a large plan has
        // hundreds); in Chinese every box is in view at once.
        if lang == Lang::Zh {
            every_box_is_there(&h, &plan);
        }
        h.get_by_label(lang.tr().org.pick_a_role);
        h.get_by_label(lang.tr().org.fit);
        // It opens readable: not zoomed out below the theme's floor ...
        let zoom = h.state_mut().views_mut().org.zoom().unwrap();
        assert!(zoom >= theme::ORG_MIN_OPEN_ZOOM - 1e-3, "opened at {zoom}");
        // ... with every role box in the chart's area: all of them in
        // Chinese, and in English (longer names) at least across, so a
        // scroll down shows the rest.
        let area = h.get_by_label(lang.tr().org.chart_label).rect();
        for role in &plan.doc().roles {
            // Below the chart's area in English, and so not drawn.
            let Some(b) = h.query_by_label(&role.name).map(|n| n.rect()) else {
                assert_eq!(lang, Lang::En, "{} is missing", role.name);
                continue;
            };
            assert!(
                b.left() >= area.left() && b.right() <= area.right(),
                "{} across",
                role.name
            );
            if lang == Lang::Zh {
                assert!(
                    area.contains_rect(b),
                    "{} {b:?} outside {area:?}",
                    role.name
                );
            }
        }
        // Fitted, the whole chart is in view, every box with it.
        h.get_by_label(lang.tr().org.fit).click();
        h.run();
        every_box_is_there(&h, &plan);
    }
}

fn every_box_is_there(h: &Harness<'static, RunbookApp>, plan: &Plan) {
    for unit in &plan.doc().units {
        assert!(count(h, &unit.name) >= 1, "unit {}", unit.name);
    }
    for role in &plan.doc().roles {
        assert_eq!(count(h, &role.name), 1, "role box {}", role.name);
    }
}

#[test]
fn selecting_the_commander_shows_duties_holder_deputies_and_their_numbers() {
    let mut h = on_chart(Lang::Zh);
    let plan = h.state().plan().clone();
    let (name, holder, mobile) = commander(&plan);
    assert_eq!(count(&h, &mobile), 0, "no number before a selection");
    h.get_by_label(&name).click();
    h.run();
    assert_eq!(
        h.state_mut().views_mut().org.selected(),
        Some(&RoleId::from("commander"))
    );
    h.get_by_label(&mobile);
    h.get_by_label(&holder);
    let role = plan.role(&RoleId::from("commander")).unwrap();
    for duty in &role.duties {
        h.get_by_label(duty);
    }
    // Deputies in order, each with their numbers.
    let tr = Lang::Zh.tr().org;
    for (i, id) in role.deputies.iter().enumerate() {
        let person = plan.person(id).unwrap();
        h.get_by_label(&(tr.deputy_number)(i + 1));
        assert!(count(&h, &person.name) >= 1, "deputy {}", person.name);
        h.get_by_label(person.contact.mobile.as_deref().unwrap());
        h.get_by_label(person.contact.office.as_deref().unwrap());
    }
    let person = plan.person(&role.holder).unwrap();
    for value in [
        &person.contact.office,
        &person.contact.im,
        &person.contact.email,
    ] {
        h.get_by_label(value.as_deref().unwrap());
    }
    h.get_by_label_contains(person.contact.location.as_deref().unwrap());
}

#[test]
fn the_copy_button_copies_the_holders_number_and_says_so() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = on_chart(lang);
        let plan = h.state().plan().clone();
        let (name, _, mobile) = commander(&plan);
        h.get_by_label(&name).click();
        h.run();
        let tr = lang.tr();
        assert_eq!(count(&h, tr.copied), 0);
        h.get_by_label(&(tr.org.copy_number)(&mobile)).click();
        h.run();
        h.get_by_label(tr.copied);
    }
}

#[test]
fn the_keyboard_selects_pans_and_zooms_without_touching_the_interface_zoom() {
    let mut h = on_chart(Lang::En);
    let plan = h.state().plan().clone();
    let first = &plan.doc().roles[0];
    // Tab reaches the roles; the focused role is the selected one.
    h.get_by_label(&first.name).focus();
    h.run();
    assert_eq!(h.state_mut().views_mut().org.selected(), Some(&first.id));
    let zoom = h.state_mut().views_mut().org.zoom().unwrap();
    let ui_zoom = h.ctx.zoom_factor();
    h.key_press(Key::Plus);
    h.run();
    let bigger = h.state_mut().views_mut().org.zoom().unwrap();
    assert!(bigger > zoom, "+ zooms the chart in: {zoom} → {bigger}");
    h.key_press(Key::Minus);
    h.key_press(Key::Minus);
    h.run();
    assert!(h.state_mut().views_mut().org.zoom().unwrap() < bigger);
    assert!(
        (h.ctx.zoom_factor() - ui_zoom).abs() < 1e-6,
        "the interface zoom is untouched"
    );
    // Arrow keys pan, and keep the focus (and so the selection) where it is.
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state_mut().views_mut().org.selected(), Some(&first.id));
    // Ctrl + is still the interface zoom, and leaves the chart alone.
    let chart = h.state_mut().views_mut().org.zoom().unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!(h.ctx.zoom_factor() > ui_zoom);
    assert!((h.state_mut().views_mut().org.zoom().unwrap() - chart).abs() < 1e-6);
    // Escape drops the selection.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state_mut().views_mut().org.selected().is_none());
}

#[test]
fn dragging_pans_and_the_wheel_zooms_about_the_pointer() {
    let mut h = on_chart(Lang::Zh);
    let area = h.get_by_label(Lang::Zh.tr().org.chart_label).rect();
    let org = |h: &mut Harness<'static, RunbookApp>| {
        let state = &h.state_mut().views_mut().org;
        (state.zoom().unwrap(), state.pan().unwrap())
    };
    let (zoom, pan) = org(&mut h);
    // An empty corner of the canvas: the drag pans the chart along with it.
    let from = area.left_bottom() + egui::vec2(6.0, -6.0);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for step in 1..=5 {
        h.hover_at(from + egui::vec2(10.0, -6.0) * step as f32);
        h.run();
    }
    h.drop_at(from + egui::vec2(50.0, -30.0));
    h.run();
    let (_, moved) = org(&mut h);
    assert!(
        (moved[0] - pan[0] - 50.0).abs() < 1.0 && (moved[1] - pan[1] + 30.0).abs() < 1.0,
        "{pan:?} → {moved:?}"
    );
    // Scrolling up over the chart zooms in, without panning the page.
    h.hover_at(area.center());
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    // egui spreads a wheel notch over a few frames (smooth scrolling).
    h.run_steps(12);
    let (bigger, _) = org(&mut h);
    assert!(bigger > zoom * 1.2, "{zoom} → {bigger}");
}

#[test]
fn the_zoom_buttons_and_fit() {
    let mut h = on_chart(Lang::Zh);
    let tr = Lang::Zh.tr().org;
    let start = h.state_mut().views_mut().org.zoom().unwrap();
    h.get_by_label(tr.zoom_in).click();
    h.run();
    let zoomed = h.state_mut().views_mut().org.zoom().unwrap();
    assert!(zoomed > start);
    h.get_by_label(tr.fit).click();
    h.run();
    let fitted = h.state_mut().views_mut().org.zoom().unwrap();
    assert!(fitted < zoomed);
    h.get_by_label(tr.zoom_out).click();
    h.run();
    assert!(h.state_mut().views_mut().org.zoom().unwrap() < fitted);
}

/// The chart with the commander selected, as a picture to look at.
fn snapshot(lang: Lang, name: &str) {
    let mut h = on_chart(lang);
    let plan = h.state().plan().clone();
    let (role, _, _) = commander(&plan);
    h.get_by_label(&role).click();
    h.run();
    h.snapshot(name);
}

#[test]
fn org_chart_zh_snapshot() {
    snapshot(Lang::Zh, "org_chart_zh");
}

#[test]
fn org_chart_en_snapshot() {
    snapshot(Lang::En, "org_chart_en");
}

// --- The layout, without pixels -------------------------------------------

/// A stand-in for the font, about the size of the window's: 7 units per
/// character (14 for CJK), 18 per line, wrapped at the given width.
fn measure_with<'a>(tree: &'a OrgTree<'a>) -> impl FnMut(Text, f32) -> Size + 'a {
    // The deputies' line worded as the window words it, in the plan's language.
    let chinese = tree.units.first().is_some_and(|u| !u.unit.name.is_ascii());
    let lang = if chinese { Lang::Zh } else { Lang::En };
    move |text, wrap| {
        let role = |u: usize, r: usize| &tree.units[u].roles[r];
        let string = match text {
            Text::UnitName(u) => tree.units[u].unit.name.clone(),
            Text::RoleName(u, r) => role(u, r).role.name.clone(),
            Text::Holder(u, r) => role(u, r).holder.map(|p| p.name.clone()).unwrap(),
            Text::Deputies(u, r) => {
                let names: Vec<&str> = role(u, r)
                    .deputies
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect();
                (lang.tr().org.deputies_line)(&names)
            }
        };
        let width: f32 = string
            .chars()
            .map(|c| if c.is_ascii() { 7.0 } else { 14.0 })
            .sum();
        let lines = if wrap.is_finite() {
            (width / wrap).ceil().max(1.0)
        } else {
            1.0
        };
        Size {
            w: width.min(wrap),
            h: 18.0 * lines,
        }
    }
}

/// The window's spacing ([`theme::org_metrics`], the one place it is
/// decided), with unit boxes as narrow and as wide as the window makes them:
/// the layout keeps its rules at either width.
fn window_metrics() -> [Metrics; 2] {
    let (narrowest, widest) = theme::ORG_UNIT_WIDTH_RANGE;
    [theme::org_metrics(narrowest), theme::org_metrics(widest)]
}

/// Asserts what every chart must satisfy.
fn check(tree: &OrgTree<'_>, layout: &OrgLayout) {
    let boxes: Vec<Frame> = layout.units.iter().map(|u| u.frame).collect();
    // Every unit once, in tree order.
    assert_eq!(boxes.len(), tree.units.len());
    for (i, unit) in layout.units.iter().enumerate() {
        assert_eq!(unit.unit, i);
    }
    // No two unit boxes overlap, and all lie inside the chart.
    let whole = Frame {
        x: 0.0,
        y: 0.0,
        w: layout.size.w + 0.01,
        h: layout.size.h + 0.01,
    };
    for (i, a) in boxes.iter().enumerate() {
        assert!(whole.contains(a), "unit {i} {a:?} outside {whole:?}");
        for (j, b) in boxes.iter().enumerate().skip(i + 1) {
            assert!(!a.overlaps(b), "units {i} and {j} overlap: {a:?} {b:?}");
        }
    }
    // Every child below its parent.
    for (i, unit) in tree.units.iter().enumerate() {
        if let Some(p) = unit.parent {
            assert!(
                boxes[i].y >= boxes[p].bottom(),
                "{} is not below {}",
                unit.unit.name,
                tree.units[p].unit.name
            );
        }
    }
    // Every role of every unit, inside its unit's box, not overlapping
    // another role, its text inside it.
    for unit in &layout.units {
        assert_eq!(unit.roles.len(), tree.units[unit.unit].roles.len());
        assert!(unit.frame.contains(&unit.name.frame));
        for (k, role) in unit.roles.iter().enumerate() {
            assert_eq!((role.unit, role.role), (unit.unit, k));
            assert!(
                unit.frame.contains(&role.frame),
                "role {k} of unit {}",
                unit.unit
            );
            assert!(!role.frame.overlaps(&unit.name.frame));
            for slot in [Some(&role.name), Some(&role.holder), role.deputies.as_ref()]
                .into_iter()
                .flatten()
            {
                assert!(
                    role.frame.contains(&slot.frame),
                    "{slot:?} outside {:?}",
                    role.frame
                );
            }
            for other in &unit.roles[k + 1..] {
                assert!(!role.frame.overlaps(&other.frame));
            }
        }
    }
    let roles: usize = tree.units.iter().map(|u| u.roles.len()).sum();
    assert_eq!(layout.roles().count(), roles);
    // Connectors are straight, run between boxes, and never through one.
    for [a, b] in &layout.lines {
        assert!(a.x == b.x || a.y == b.y, "a diagonal connector {a:?} {b:?}");
        let line = Frame {
            x: a.x.min(b.x) + 0.5,
            y: a.y.min(b.y) + 0.5,
            w: ((a.x - b.x).abs() - 1.0).max(0.0),
            h: ((a.y - b.y).abs() - 1.0).max(0.0),
        };
        for (i, frame) in boxes.iter().enumerate() {
            let thick = Frame {
                w: line.w.max(0.01),
                h: line.h.max(0.01),
                ..line
            };
            assert!(
                !frame.overlaps(&thick),
                "connector {a:?}–{b:?} crosses unit {i}"
            );
        }
    }
    // Every child has a connector arriving at its top or its left side.
    for (i, unit) in tree.units.iter().enumerate() {
        if unit.parent.is_some() {
            let b = boxes[i];
            let arrives = |p: &chart::Point| {
                let on_top = (p.y - b.y).abs() < 0.01 && p.x > b.x && p.x < b.right();
                let on_left = (p.x - b.x).abs() < 0.01 && p.y > b.y && p.y < b.bottom();
                on_top || on_left
            };
            assert!(
                layout.lines.iter().any(|[a, c]| arrives(a) || arrives(c)),
                "no connector reaches {}",
                unit.unit.name
            );
        }
    }
}

#[test]
fn the_layout_keeps_boxes_apart_children_below_and_every_role() {
    for path in [BUNDLED_ZH, BUNDLED_EN, "plans/minimal.ron"] {
        let plan = load(path);
        let tree = org::tree(&plan);
        for m in window_metrics() {
            // Everything side by side, everything in one column, and in between.
            let mut mixed = Structure::rows(&tree);
            for (slot, unit) in mixed.units.iter_mut().zip(&tree.units) {
                if unit.children.len() > 1 {
                    *slot = Arrangement::Columns(vec![1, unit.children.len() - 1]);
                }
            }
            for structure in [Structure::rows(&tree), Structure::columns(&tree), mixed] {
                let layout = chart::layout(&tree, &m, &structure, &mut measure_with(&tree));
                check(&tree, &layout);
            }
            for viewport in [
                (740.0, 650.0),
                (1280.0, 800.0),
                (400.0, 1200.0),
                (2000.0, 400.0),
            ] {
                let viewport = Size {
                    w: viewport.0,
                    h: viewport.1,
                };
                let (layout, structure) =
                    chart::best_layout(&tree, &m, viewport, 0.8, &mut measure_with(&tree));
                check(&tree, &layout);
                // The chosen structure is laid out the same way again (at another
                // zoom the window does exactly this).
                let again = chart::layout(&tree, &m, &structure, &mut measure_with(&tree));
                assert_eq!(again, layout);
                // No simple structure fits the viewport better.
                for simple in [Structure::rows(&tree), Structure::columns(&tree)] {
                    let other = chart::layout(&tree, &m, &simple, &mut measure_with(&tree));
                    assert!(
                        layout.fit_scale(viewport).min(1.0)
                            >= other.fit_scale(viewport).min(1.0) - 1e-3
                    );
                }
            }
        }
    }
}

#[test]
fn the_bundled_organisation_opens_readable_with_little_panning() {
    // The chart's area in a 1280×800 window with the navigation and the
    // detail panel open is about 730×700; the window opens it at 80 % or more.
    let viewport = Size { w: 730.0, h: 700.0 };
    for path in [BUNDLED_ZH, BUNDLED_EN] {
        let plan = load(path);
        let tree = org::tree(&plan);
        // The window's spacing and its way of choosing the box width.
        let m = theme::org_metrics(0.0);
        let m = theme::org_metrics(chart::fitting_width(
            &tree,
            &m,
            theme::ORG_UNIT_WIDTH_RANGE,
            &mut measure_with(&tree),
        ));
        let floor = theme::ORG_MIN_OPEN_ZOOM;
        let (layout, _) = chart::best_layout(&tree, &m, viewport, floor, &mut measure_with(&tree));
        let zoom = layout.fit_scale(viewport).clamp(floor, 1.0);
        let (w, h) = (layout.size.w * zoom, layout.size.h * zoom);
        assert!(w <= viewport.w, "{path}: a sideways pan at {zoom}: {w}×{h}");
        // The Chinese edition fits whole; the English one, with its longer
        // names, is a short scroll down.
        let most = if path == BUNDLED_ZH { 1.1 } else { 1.6 };
        assert!(
            h <= most * viewport.h,
            "{path}: too long at {zoom}: {w}×{h}"
        );
        let classic = chart::layout(&tree, &m, &Structure::rows(&tree), &mut measure_with(&tree));
        assert!(layout.fit_scale(viewport) > 1.5 * classic.fit_scale(viewport));
    }
}

#[test]
fn a_wide_organisation_is_stacked_into_columns_and_keeps_the_rules() {
    // 12 units under the top one, each with a sub-unit: far too wide for one row.
    let mut text = std::fs::read_to_string(data("plans/minimal.ron")).unwrap();
    let top = load("plans/minimal.ron").doc().units[0].id.to_string();
    let units: String = (0..12)
        .map(|i| {
            format!(
                "(id: \"u{i}\", name: \"Unit {i}\", parent: Some(\"{top}\")),\n\
                 (id: \"s{i}\", name: \"Sub {i}\", parent: Some(\"u{i}\")),\n"
            )
        })
        .collect();
    let marker = "units: [";
    let at = text.find(marker).unwrap() + marker.len();
    text.insert_str(at, &units);
    let plan = plan::parse(text.as_bytes()).unwrap().plan;
    let tree = org::tree(&plan);
    assert_eq!(tree.units.len(), 25);
    let viewport = Size {
        w: 1000.0,
        h: 800.0,
    };
    for m in window_metrics() {
        let (layout, structure) =
            chart::best_layout(&tree, &m, viewport, 0.8, &mut measure_with(&tree));
        check(&tree, &layout);
        assert!(
            structure
                .units
                .iter()
                .any(|a| matches!(a, Arrangement::Columns(c) if c.len() > 1)),
            "{structure:?}"
        );
        let classic = chart::layout(&tree, &m, &Structure::rows(&tree), &mut measure_with(&tree));
        assert!(layout.fit_scale(viewport) > 2.0 * classic.fit_scale(viewport));
    }
}

// --- The command line -------------------------------------------------------

#[test]
fn show_org_prints_the_tree_with_the_commander_and_their_number() {
    let (code, text, err) = super::cli::runbook(&["show", "org", BUNDLED_ZH]);
    assert_eq!(code, 0, "{err}");
    assert!(!text.contains('\u{FFFD}'), "the output is not valid UTF-8");
    let plan = load(BUNDLED_ZH);
    let (role, holder, mobile) = commander(&plan);
    let line = text
        .lines()
        .find(|l| l.contains(&format!("{role}:")))
        .unwrap_or_else(|| panic!("no line for {role} in\n{text}"));
    assert!(line.contains(&holder) && line.contains(&mobile), "{line}");
    // Every unit and role, sub-units indented under their parent.
    let tree = org::tree(&plan);
    for unit in &tree.units {
        let heading = format!(
            "{}{} [{}]",
            "  ".repeat(unit.depth),
            unit.unit.name,
            unit.unit.id
        );
        assert!(text.lines().any(|l| l == heading), "{heading}");
        for role in &unit.roles {
            assert!(text.contains(&format!("- {}:", role.role.name)));
        }
    }
    let order: Vec<usize> = tree
        .preorder()
        .iter()
        .map(|&u| text.find(&format!("[{}]", tree.units[u].unit.id)).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "depth-first order");
}
