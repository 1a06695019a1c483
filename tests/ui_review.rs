//! The Review tab and the overview's open action items, through
//! egui_kittest (issue 25): items added, done and refused on a closed
//! incident, findings recorded, each checked in the log on disk; the
//! overview lists what is still open, overdue first.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use runbook::app::RunbookApp;
use runbook::i18n::Lang;
use runbook::model::ids::PersonId;
use runbook::model::incident::{ActionState, Event, Owner, ReviewField};
use runbook::ui::View;

use super::ui_incident::{Room, declare, press, settle, shows};

const TEST_PLAN: &str = "tests/data/incident-plan.ron";

/// The node with one of `roles` named `label` (a field's visible label
/// has its name too, and a column heading may).
fn node<'h>(
    h: &'h Harness<'static, RunbookApp>,
    roles: &[Role],
    label: &'h str,
) -> egui_kittest::Node<'h> {
    roles
        .iter()
        .find_map(|&r| h.query_by_role_and_label(r, label))
        .unwrap_or_else(|| panic!("no {roles:?} named {label:?}"))
}

/// Types into the text field named `label`.
fn type_into(h: &mut Harness<'static, RunbookApp>, label: &str, text: &str) {
    let fields = [Role::TextInput, Role::MultilineTextInput];
    node(h, &fields, label).focus();
    h.run();
    node(h, &fields, label).type_text(text);
    h.run();
}

/// Clicks the button named `label`.
fn click(h: &mut Harness<'static, RunbookApp>, label: &str) {
    node(h, &[Role::Button, Role::CheckBox, Role::RadioButton], label).click();
    h.run();
}

#[test]
#[allow(clippy::too_many_lines)] // One review, click by click: the story is the test.
fn a_closed_incident_is_reviewed_in_the_window_and_its_open_items_stay_in_sight() {
    let room = Room::new();
    let mut h = room.app(Lang::En, TEST_PLAN);
    h.run();
    declare(&mut h, "software", &["all-down"], false);
    // Close it first: the review comes after.
    h.get_by_label("Close the response…").click();
    h.run();
    h.get_by_label("Summary").type_text("fixed");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    settle(&mut h);
    assert!(!room.on_disk().is_open());

    click(&mut h, "Review");
    assert!(shows(&h, "No action items yet"));
    // Nothing typed: refused in words, nothing sent.
    click(&mut h, "Add");
    assert!(
        shows(&h, "the action item cannot be empty"),
        "refusal shown"
    );
    // Two items: one for a person of the plan, due yesterday.
    type_into(&mut h, "What is to be done", "Add a second CDN");
    type_into(&mut h, "Owner", "Bob");
    type_into(&mut h, "Due (YYYY-MM-DD)", "2026-03-01");
    click(&mut h, "Add");
    settle(&mut h);
    type_into(&mut h, "What is to be done", "Update the ISP's number");
    type_into(&mut h, "Owner", "Zoe from IT");
    click(&mut h, "Add");
    settle(&mut h);
    let s = room.on_disk();
    assert!(!s.is_open(), "the review did not reopen it");
    let items = s.action_items();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].owner, Owner::Person(PersonId::new("bob")));
    assert_eq!(items[1].owner, Owner::Named("Zoe from IT".into()));
    assert!(s.timeline().iter().any(|e| matches!(
        &e.event,
        Event::ActionItemAdded { after_close: true, text, .. } if text == "Add a second CDN"
    )));
    assert!(shows(&h, "OVERDUE"), "A1 is past its date");

    // A finding, under its field.
    click(&mut h, "causes");
    type_into(&mut h, "Finding", "One CDN, no fallback");
    click(&mut h, "Record");
    settle(&mut h);
    assert_eq!(
        room.on_disk()
            .review_texts(ReviewField::Causes)
            .collect::<Vec<_>>(),
        ["One CDN, no fallback"]
    );
    assert!(shows(&h, "• One CDN, no fallback"));

    h.snapshot("review_en");

    // The overview lists the open ones, overdue first.
    h.state_mut().views_mut().view = View::Overview;
    h.run();
    assert!(shows(&h, "Open action items"));
    assert!(shows(&h, "2 open action items, 1 overdue"));

    // Back in the Review tab: A1 done with its note.
    h.state_mut().views_mut().view = View::Incident;
    h.run();
    type_into(&mut h, "Note (done) or reason (dropped)", "second CDN live");
    h.query_all_by_role_and_label(Role::Button, "Done")
        .next()
        .unwrap()
        .click();
    h.run();
    settle(&mut h);
    let s = room.on_disk();
    assert!(matches!(
        &s.action_items()[0].state,
        ActionState::Done { note, .. } if note == "second CDN live"
    ));
    // Dropping without a reason is refused.
    click(&mut h, "Drop");
    assert!(shows(&h, "the reason cannot be empty"));
    press(&mut h, Key::Escape);

    // The list is read again every few seconds; now, for the test.
    h.state_mut().refresh_rows();
    h.state_mut().views_mut().view = View::Overview;
    h.run();
    assert!(shows(&h, "1 open action item, 0 overdue"));
    assert!(
        !shows(&h, "Add a second CDN"),
        "a done item leaves the list"
    );
    h.state_mut().finish_incidents();
}

/// The overview's Lessons, from two drills scripted in a terminal: the
/// proposals with their evidence, and the chart of the times.
#[test]
fn the_overview_reads_every_record_for_its_lessons() {
    use runbook::app::Settings;
    use runbook::clock::{Clock, Zone};
    use runbook::service::context::Overrides;
    use runbook::service::{Context, Service};

    let run = crate::cli_incident::Run::new();
    crate::lessons::drill(&run, 1, 50);
    crate::lessons::drill(&run, 8, 40);
    let service = Service::new(Context::from_env(Overrides {
        data_dir: Some(run.data.path().to_owned()),
        operator: Some("Ann".to_owned()),
        device: Some("laptop-1".to_owned()),
        machine: Some("test-machine".to_owned()),
        clock: Some(Clock::fixed(
            chrono::DateTime::parse_from_rfc3339("2026-12-09T01:00:00Z")
                .unwrap()
                .with_timezone(&chrono::Utc),
        )),
        zone: Some(Zone::beijing()),
    }));
    let plan = crate::gui::data("plans/online-education-platform.en.ron");
    let settings = Settings {
        lang: Some(Lang::En),
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1400.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            RunbookApp::with_service(&cc.egui_ctx, settings, Some(plan), false, service)
        });
    h.run();
    assert!(shows(&h, "Reads every incident and drill"));
    click(&mut h, "Read every record");
    assert!(shows(&h, "Plan 2.2: from 2 records"));
    assert!(shows(
        &h,
        "1. Step net-switch-cdn \u{201c}在调度平台把直播推拉流切到备用CDN线路"
    ));
    assert!(shows(&h, "35 min late"));
    assert!(shows(&h, "Median time from discovery (minutes)"));
    // The chart's legend names the drills' row.
    assert!(shows(&h, "(drill) (2)"));
    h.snapshot("lessons_en");
}

/// The Review tab in Chinese, with an item of each state and a finding.
#[test]
fn review_snapshot_zh() {
    use runbook::model::incident::Action;
    let room = Room::new();
    let mut h = room.app(Lang::Zh, TEST_PLAN);
    h.run();
    declare(&mut h, "network", &["cut"], true);
    let key = h.state_mut().views_mut().incident.active.unwrap();
    let act = |h: &mut Harness<'static, RunbookApp>, action| {
        h.state_mut().apply(runbook::ui::Command::Act {
            key,
            action,
            happened_at: None,
        });
        settle(h);
    };
    for (text, owner, due) in [
        (
            "增加第二家CDN供应商",
            Owner::Person(PersonId::new("bob")),
            Some((2026, 3, 1)),
        ),
        (
            "更新运营商值班电话",
            Owner::Named("网络组 罗斌".into()),
            Some((2026, 3, 30)),
        ),
        ("采购寻呼机", Owner::Named("行政部".into()), None),
    ] {
        act(
            &mut h,
            Action::AddActionItem {
                text: text.into(),
                owner,
                due: due.and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d)),
            },
        );
    }
    act(
        &mut h,
        Action::ActionItemDone {
            item: 2,
            note: "已更新通讯录".into(),
        },
    );
    act(
        &mut h,
        Action::DropActionItem {
            item: 3,
            reason: "手机足够".into(),
        },
    );
    act(
        &mut h,
        Action::Review {
            field: ReviewField::WentWell,
            text: "呼叫树15分钟内全部接通".into(),
        },
    );
    // Added in one instant of the test's clock, they share the time and
    // the device an entry is referred to by: each is still told apart.
    let s = room.on_disk();
    let items = s.action_items();
    assert!(items[0].is_open(), "{items:?}");
    assert!(matches!(&items[1].state, ActionState::Done { note, .. } if note == "已更新通讯录"));
    assert!(matches!(&items[2].state, ActionState::Dropped { reason, .. } if reason == "手机足够"));
    click(&mut h, "复盘");
    assert!(shows(&h, "已逾期"));
    assert!(shows(&h, "• 呼叫树15分钟内全部接通"));
    h.snapshot("review_zh");
    h.state_mut().finish_incidents();
}
