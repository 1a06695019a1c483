//! The incident engine without a window: actions, the checklist and its
//! clocks, and replay equivalence (the state rebuilt from the log on disk is
//! exactly the state shown live).

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use runbook::i18n::incident::EN;
use runbook::io::incident_dir;
use runbook::model::ids::{ClassId, ItemId, LevelId, PersonId, RoleId, StepId, TemplateId};
use runbook::model::incident::{
    Action, ActionError, Answer, CallOutcome, CallState, Channel, ClockKind, Commander,
    Declaration, Entry, EntryRef, Field, Incident, ItemState, MAX_TEXT_BYTES, MessageChannel,
    StepStatus, declare,
};
use runbook::model::plan::doc::Target;
use runbook::model::plan::{self, Plan};
use runbook::service::OpenIncident;

/// A refusal in the command line's English.
fn en(e: &ActionError) -> String {
    (EN.refusal)(e)
}

fn plan_bytes() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/incident-plan.ron"))
        .unwrap()
}

fn test_plan() -> Plan {
    plan::parse(&plan_bytes()).unwrap().plan
}

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn at(minutes: i64) -> DateTime<Utc> {
    t0() + Duration::minutes(minutes)
}

/// A live incident in memory: check, then apply, as the app does.
struct Live {
    plan: Plan,
    incident: Incident,
}

impl Live {
    fn declare(class: &str, level: &str) -> Self {
        let plan = test_plan();
        let event = declare(
            &plan,
            "sha",
            Declaration {
                title: "Login down".into(),
                class: ClassId::new(class),
                level: Some(LevelId::new(level)),
                answers: vec![],
                level_reason: None,
                discovered_at: None,
                commander: None,
                drill: false,
            },
            at(0),
        )
        .unwrap();
        let incident = Incident::new(&entry(0, event)).unwrap();
        Self { plan, incident }
    }

    fn act(&mut self, minute: i64, action: Action) -> Result<(), ActionError> {
        let event = self.incident.check(&self.plan, action)?;
        self.incident.apply(&entry(minute, event));
        Ok(())
    }

    fn states(&self, now: i64) -> Vec<(String, ItemState)> {
        self.incident
            .status(&self.plan, at(now))
            .items
            .into_iter()
            .map(|i| (i.step.id.to_string(), i.state))
            .collect()
    }

    fn ids(&self) -> Vec<String> {
        self.states(0).into_iter().map(|(id, _)| id).collect()
    }
}

fn entry(minute: i64, event: runbook::model::incident::Event) -> Entry {
    Entry {
        recorded_at: at(minute),
        happened_at: None,
        by: "ann".into(),
        device: "d1".into(),
        after: runbook::model::incident::Causes::default(),
        event,
    }
}

fn step(id: &str, status: StepStatus) -> Action {
    Action::SetStep {
        step: StepId::new(id),
        status,
    }
}

#[test]
fn the_checklist_follows_the_phases_and_the_level() {
    let live = Live::declare("software", "III");
    // Common steps first in each phase, then the class's; level-gated steps hidden.
    assert_eq!(
        live.ids(),
        [
            "confirm", "students", "release", "debug", "rollback", "update", "review"
        ]
    );
}

#[test]
fn escalating_adds_steps_and_de_escalating_keeps_those_acted_on() {
    let mut live = Live::declare("software", "III");
    live.act(
        5,
        Action::ChangeLevel {
            to: LevelId::new("I"),
            reason: "spreading".into(),
        },
    )
    .unwrap();
    assert!(live.ids().contains(&"exec-brief".to_owned()));
    assert!(live.ids().contains(&"war-room".to_owned()));
    live.act(6, step("war-room", StepStatus::Done)).unwrap();
    live.act(
        30,
        Action::ChangeLevel {
            to: LevelId::new("III"),
            reason: "contained".into(),
        },
    )
    .unwrap();
    let ids = live.ids();
    assert!(
        ids.contains(&"war-room".to_owned()),
        "acted-on step hidden: {ids:?}"
    );
    assert!(
        !ids.contains(&"exec-brief".to_owned()),
        "untouched step kept: {ids:?}"
    );
    let status = live.incident.status(&live.plan, at(31));
    let war_room = status
        .items
        .iter()
        .find(|i| i.step.id.as_str() == "war-room")
        .unwrap();
    assert!(war_room.beyond_level);
}

#[test]
fn a_decision_routes_around_the_steps_it_jumps_over() {
    let mut live = Live::declare("software", "III");
    live.act(
        1,
        Action::Decide {
            step: StepId::new("release"),
            yes: true,
        },
    )
    .unwrap();
    let states = live.states(2);
    let get = |id: &str| states.iter().find(|(s, _)| s == id).unwrap().1.clone();
    assert_eq!(get("release"), ItemState::Done);
    assert_eq!(get("debug"), ItemState::Bypassed(StepId::new("release")));
    assert_eq!(get("rollback"), ItemState::Open);
    assert_eq!(
        live.incident.status(&live.plan, at(2)).next,
        Some(StepId::new("confirm"))
    );
}

#[test]
fn deadlines_count_from_declaration_and_show_what_is_overdue() {
    let mut live = Live::declare("software", "I");
    let status = live.incident.status(&live.plan, at(11));
    let overdue: Vec<&str> = status.overdue().map(|i| i.step.id.as_str()).collect();
    assert_eq!(overdue, ["confirm"]);
    live.act(12, step("confirm", StepStatus::Done)).unwrap();
    assert_eq!(
        live.incident.status(&live.plan, at(12)).overdue().count(),
        0
    );
    // Rollback is due at 30 minutes.
    let status = live.incident.status(&live.plan, at(12));
    assert_eq!(
        status.next_deadline(),
        Some(at(15)),
        "the inform clock (15 min) comes first"
    );
}

#[test]
fn clocks_give_the_next_update_and_the_regulator_report() {
    let mut live = Live::declare("software", "I");
    let clocks = live.incident.status(&live.plan, at(0)).clocks;
    let due = |kind: &ClockKind| {
        clocks
            .iter()
            .find(|c| c.kind == *kind)
            .map(|c| (c.due, c.met))
    };
    assert_eq!(due(&ClockKind::StatusUpdate), Some((at(30), false)));
    assert_eq!(
        due(&ClockKind::Duty(ItemId::new("report"))),
        Some((at(240), false))
    );
    assert_eq!(
        due(&ClockKind::Inform(Target::Role(RoleId::new("commander")))),
        Some((at(15), false))
    );
    // An internal update resets the cadence; a call that reaches the deputy meets the inform duty.
    live.act(
        20,
        Action::Message {
            template: Some(TemplateId::new("tpl-internal")),
            audience: None,
            channel: None,
            text: "update".into(),
        },
    )
    .unwrap();
    live.act(
        21,
        Action::Call {
            to: Target::Person(PersonId::new("bob")),
            via: Channel::Mobile,
            outcome: CallOutcome::Reached,
            note: String::new(),
            line: None,
        },
    )
    .unwrap();
    live.act(
        200,
        Action::DutyDone {
            duty: ItemId::new("report"),
            note: "ref 42".into(),
        },
    )
    .unwrap();
    let clocks = live.incident.status(&live.plan, at(201)).clocks;
    let get = |kind: &ClockKind| clocks.iter().find(|c| c.kind == *kind).unwrap().clone();
    assert_eq!(get(&ClockKind::StatusUpdate).due, at(50));
    assert!(get(&ClockKind::Inform(Target::Role(RoleId::new("commander")))).met);
    assert!(get(&ClockKind::Duty(ItemId::new("report"))).met);
}

#[test]
fn a_summary_report_counts_from_the_close() {
    let mut live = Live::declare("software", "I");
    let summary = ClockKind::Duty(ItemId::new("summary"));
    let clocks = live.incident.status(&live.plan, at(10)).clocks;
    assert!(
        !clocks.iter().any(|c| c.kind == summary),
        "no countdown before the response closes"
    );
    live.act(
        100,
        Action::Close {
            summary: "fixed".into(),
        },
    )
    .unwrap();
    let clocks = live.incident.status(&live.plan, at(101)).clocks;
    let clock = clocks.iter().find(|c| c.kind == summary).unwrap();
    assert_eq!(clock.due, at(100) + Duration::days(30));
}

#[test]
fn a_duty_incurred_stays_after_de_escalating() {
    let mut live = Live::declare("software", "I");
    live.act(
        10,
        Action::ChangeLevel {
            to: LevelId::new("III"),
            reason: "better".into(),
        },
    )
    .unwrap();
    let clocks = live.incident.status(&live.plan, at(11)).clocks;
    assert!(
        clocks
            .iter()
            .any(|c| c.kind == ClockKind::Duty(ItemId::new("report")))
    );
}

#[test]
fn templates_are_filled_from_the_incident() {
    let mut live = Live::declare("software", "II");
    live.act(
        3,
        Action::Record {
            step: StepId::new("students"),
            value: "1,200".into(),
        },
    )
    .unwrap();
    let plan = &live.plan;
    let t = plan.template(&TemplateId::new("tpl-internal")).unwrap();
    let text = live.incident.render_template(
        plan,
        t,
        at(5),
        &|t| t.format("%H:%M").to_string(),
        &std::collections::BTreeMap::new(),
    );
    assert_eq!(
        text,
        "[II Major] Login down: 1,200 students. Next update 09:00. {impact}"
    );
}

#[test]
fn actions_are_refused_in_plain_words() {
    let mut live = Live::declare("software", "III");
    let err = live.act(1, step("switch", StepStatus::Done)).unwrap_err();
    assert_eq!(
        err,
        ActionError::UnknownStep(StepId::new("switch")),
        "a network step in a software incident"
    );
    assert!(en(&err).contains("no step \"switch\""));
    let err = live
        .act(
            1,
            Action::Record {
                step: StepId::new("students"),
                value: "many".into(),
            },
        )
        .unwrap_err();
    assert!(en(&err).contains("takes a whole number"), "{err:?}");
    let err = live
        .act(
            1,
            Action::Record {
                step: StepId::new("confirm"),
                value: "1".into(),
            },
        )
        .unwrap_err();
    assert!(en(&err).contains("is not a record step"), "{err:?}");
    let err = live
        .act(
            1,
            Action::ChangeLevel {
                to: LevelId::new("V"),
                reason: "x".into(),
            },
        )
        .unwrap_err();
    assert!(
        en(&err).contains("no level \"V\" in the plan; the levels are: I, II, III, IV"),
        "{err:?}"
    );
    let err = live
        .act(1, step("debug", StepStatus::Skipped { reason: " ".into() }))
        .unwrap_err();
    assert_eq!(err, ActionError::Empty(Field::Reason));
    live.act(
        2,
        Action::Close {
            summary: "fixed".into(),
        },
    )
    .unwrap();
    let err = live.act(3, step("debug", StepStatus::Done)).unwrap_err();
    assert_eq!(err, ActionError::Closed);
    // A note on a closed incident is taken as an addendum: it stays closed.
    live.act(
        3,
        Action::Note {
            text: "late".into(),
            step: None,
            corrects: None,
        },
    )
    .unwrap();
    let state = &live.incident;
    assert!(!state.is_open());
    let last = state.timeline().last().unwrap();
    assert!(state.is_addendum(last), "{last:?}");
    let close = &state.timeline()[state.timeline().len() - 2];
    assert!(!state.is_addendum(close));
    live.act(
        4,
        Action::Reopen {
            reason: "relapse".into(),
        },
    )
    .unwrap();
    live.act(
        5,
        Action::Note {
            text: "again".into(),
            step: None,
            corrects: None,
        },
    )
    .unwrap();
}

#[test]
fn declaring_checks_class_level_and_answers_and_suggests_the_level() {
    let plan = test_plan();
    let d = |class: &str, level: Option<&str>, answers: &[(&str, bool)]| Declaration {
        title: "x".into(),
        class: ClassId::new(class),
        level: level.map(LevelId::new),
        answers: answers
            .iter()
            .map(|(q, yes)| Answer {
                question: ItemId::new(*q),
                yes: *yes,
            })
            .collect(),
        level_reason: None,
        discovered_at: None,
        commander: None,
        drill: true,
    };
    let err = declare(&plan, "", d("dns", Some("I"), &[]), at(0)).unwrap_err();
    assert!(
        en(&err).contains("no fault class \"dns\" in the plan; the classes are: software, network")
    );
    assert!(matches!(
        declare(&plan, "", d("software", Some("0"), &[]), at(0)),
        Err(ActionError::UnknownLevel { .. })
    ));
    assert_eq!(
        declare(&plan, "", d("software", None, &[]), at(0)).unwrap_err(),
        ActionError::NoLevel
    );
    // The most severe level answered yes wins.
    let event = declare(
        &plan,
        "",
        d("software", None, &[("slow", true), ("all-down", true)]),
        at(0),
    )
    .unwrap();
    let incident = Incident::new(&entry(0, event)).unwrap();
    assert_eq!(incident.level(), &LevelId::new("I"));
    assert_eq!(
        incident.answers().len(),
        2,
        "the answers are kept as evidence"
    );
}

#[test]
fn every_free_text_of_an_action_or_a_declaration_is_capped_at_one_mebibyte() {
    assert_eq!(MAX_TEXT_BYTES, 1024 * 1024);
    let live = Live::declare("network", "II");
    // Each action with a free text, made from that text, and its field.
    type WithText = (Field, fn(String) -> Action);
    let actions: Vec<WithText> = vec![
        (Field::Note, |text| Action::Note {
            text,
            step: None,
            corrects: None,
        }),
        (Field::Message, |text| Action::Message {
            template: None,
            audience: Some(runbook::model::plan::doc::Audience::Internal),
            channel: None,
            text,
        }),
        (Field::Reason, |reason| {
            step("confirm", StepStatus::Skipped { reason })
        }),
        (Field::Reason, |reason| {
            step("confirm", StepStatus::Blocked { reason })
        }),
        (Field::Reason, |reason| Action::ChangeLevel {
            to: LevelId::new("I"),
            reason,
        }),
        (Field::Reason, |reason| Action::Reopen { reason }),
        (Field::Summary, |summary| Action::Close { summary }),
        (Field::Value, |value| Action::Record {
            step: StepId::new("students"),
            value,
        }),
        (Field::Note, |note| Action::HandOver {
            to: Commander::Person(PersonId::new("bob")),
            note,
        }),
        (Field::Commander, |name| Action::HandOver {
            to: Commander::Named(name),
            note: String::new(),
        }),
        (Field::Note, |note| Action::DutyDone {
            duty: ItemId::new("report"),
            note,
        }),
        (Field::Note, |note| Action::Call {
            to: Target::Person(PersonId::new("ann")),
            via: Channel::Mobile,
            outcome: CallOutcome::Reached,
            note,
            line: None,
        }),
        (Field::Note, |note| Action::IssueWarning {
            level: LevelId::new("I"),
            note,
        }),
        (Field::Note, |note| Action::LiftWarning {
            level: LevelId::new("I"),
            note,
        }),
    ];
    let too_long = |field| ActionError::TooLong {
        field,
        bytes: MAX_TEXT_BYTES + 1,
        max: MAX_TEXT_BYTES,
    };
    // Counted in bytes: 349 525 three-byte characters and one more byte.
    let over = format!("{}xx", "满".repeat(MAX_TEXT_BYTES / 3));
    assert_eq!(over.len(), MAX_TEXT_BYTES + 1);
    for (field, make) in &actions {
        let refused = live.incident.check(&live.plan, make(over.clone()));
        assert_eq!(refused, Err(too_long(*field)), "{:?}", make(String::new()));
        // Exactly 1 MiB is not too long (it may be wrong for another reason:
        // the value is not a count, the incident is open).
        let fits = live
            .incident
            .check(&live.plan, make("1".repeat(MAX_TEXT_BYTES)));
        assert!(
            !matches!(fits, Err(ActionError::TooLong { .. })),
            "{fits:?}"
        );
    }
    assert!(en(&too_long(Field::Note)).contains(
        "the note is too long: 1048577 bytes, and one entry holds at most 1048576 bytes"
    ));

    let plan = test_plan();
    let d = |title: &str, reason: Option<&str>, commander: Option<&str>| Declaration {
        title: title.into(),
        class: ClassId::new("network"),
        level: Some(LevelId::new("I")),
        answers: vec![Answer {
            question: ItemId::new("cut"),
            yes: true,
        }],
        level_reason: reason.map(Into::into),
        discovered_at: None,
        commander: commander.map(|c| Commander::Named(c.into())),
        drill: true,
    };
    let max = "t".repeat(MAX_TEXT_BYTES);
    let cases = [
        (d(&over, Some("exam"), None), Field::Title),
        (d("x", Some(&over), None), Field::Reason),
        (d("x", Some("exam"), Some(&over)), Field::Commander),
    ];
    for (declaration, field) in cases {
        assert_eq!(declare(&plan, "", declaration, at(0)), Err(too_long(field)));
    }
    assert!(declare(&plan, "", d(&max, Some(&max), Some(&max)), at(0)).is_ok());
}

#[test]
fn events_for_steps_the_plan_lacks_are_kept_and_shown() {
    let mut live = Live::declare("software", "III");
    // An entry written under another plan version.
    let foreign = runbook::model::incident::Event::StepStatus {
        step: StepId::new("old-step"),
        status: StepStatus::Done,
    };
    live.incident.apply(&entry(1, foreign));
    let status = live.incident.status(&live.plan, at(2));
    assert_eq!(status.foreign_steps, [StepId::new("old-step")]);
    assert_eq!(live.incident.timeline().len(), 2);
}

/// Actions a property test can generate, valid or not.
fn any_action() -> impl Strategy<Value = Action> {
    let steps = prop::sample::select(vec![
        "confirm", "students", "release", "debug", "rollback", "war-room", "update", "review",
        "nope",
    ]);
    let levels = prop::sample::select(vec!["I", "II", "III", "IV", "V"]);
    let status = prop_oneof![
        Just(StepStatus::Done),
        Just(StepStatus::NotApplicable),
        Just(StepStatus::Deferred),
        Just(StepStatus::Reopened),
        Just(StepStatus::Skipped {
            reason: "no time".into()
        }),
        Just(StepStatus::Blocked {
            reason: "no access".into()
        }),
    ];
    prop_oneof![
        4 => (steps.clone(), status).prop_map(|(s, status)| Action::SetStep { step: StepId::new(s), status }),
        1 => (steps.clone(), "[0-9]{1,4}").prop_map(|(s, v)| Action::Record { step: StepId::new(s), value: v }),
        1 => (steps, any::<bool>()).prop_map(|(s, yes)| Action::Decide { step: StepId::new(s), yes }),
        1 => levels.clone().prop_map(|l| Action::ChangeLevel { to: LevelId::new(l), reason: "r".into() }),
        1 => "[a-z 直播]{1,12}".prop_map(|text| Action::Note { text, step: None, corrects: None }),
        1 => levels.clone().prop_map(|l| Action::IssueWarning { level: LevelId::new(l), note: String::new() }),
        1 => levels.prop_map(|l| Action::LiftWarning { level: LevelId::new(l), note: String::new() }),
        1 => Just(Action::Call {
            to: Target::Role(RoleId::new("commander")),
            via: Channel::Office,
            outcome: CallOutcome::NoAnswer,
            note: String::new(),
            line: None,
        }),
        1 => Just(Action::Message { template: Some(TemplateId::new("tpl-internal")), audience: None, channel: None, text: "t".into() }),
        1 => Just(Action::HandOver { to: Commander::Named("Bob".into()), note: String::new() }),
        1 => Just(Action::DutyDone { duty: ItemId::new("report"), note: String::new() }),
        1 => Just(Action::Close { summary: "done".into() }),
        1 => Just(Action::Reopen { reason: "again".into() }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random sessions recorded through the real log: reopening the folder
    /// rebuilds exactly the state that was shown live.
    #[test]
    fn replay_from_disk_equals_the_live_state(
        level in prop::sample::select(vec!["I", "II", "III", "IV"]),
        actions in prop::collection::vec((any_action(), 0i64..5, any::<bool>()), 0..40),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let declaration = Declaration {
            title: "Login down".into(),
            class: ClassId::new("software"),
            level: Some(LevelId::new(level)),
            answers: vec![],
            level_reason: None,
            discovered_at: None,
            commander: None,
            drill: false,
        };
        let mut open = OpenIncident::declare(dir.path(), &plan_bytes(), declaration, "ann", "d1", at(0)).unwrap();
        let mut minute = 0;
        for (action, gap, reopen_log) in actions {
            minute += gap;
            let _ = open.record(action, "ann", None, at(minute));
            if reopen_log {
                // A new process: close the log and open the folder again.
                let dir = open.dir().to_owned();
                let live = open.incident().clone();
                open.finish(at(minute)).unwrap();
                open = OpenIncident::open(&dir, "d1", at(minute)).unwrap();
                prop_assert_eq!(open.incident(), &live);
            }
        }
        let live = open.incident().clone();
        let folder = open.dir().to_owned();
        open.finish(at(minute)).unwrap();
        let (entries, notices) = incident_dir::read_entries(&folder).unwrap();
        prop_assert!(notices.is_empty(), "{:?}", notices);
        let replayed = Incident::replay(&entries).unwrap();
        prop_assert_eq!(replayed, live);
    }
}

/// A disk that refuses every write, as a read-only remount or a pulled
/// USB stick does.
struct Refuses;

impl runbook::io::log::Sink for Refuses {
    fn write_all(&mut self, _: &[u8]) -> std::io::Result<()> {
        Err(std::io::Error::from_raw_os_error(30))
    }
    fn sync_data(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn truncate(&mut self, _: u64) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn after_a_rescue_the_incident_folder_reads_what_was_saved_in_the_rescue_folder() {
    let data = tempfile::tempdir().unwrap();
    let declaration = Declaration {
        title: "Login down".into(),
        class: ClassId::new("software"),
        level: Some(LevelId::new("II")),
        answers: vec![],
        level_reason: None,
        discovered_at: None,
        commander: None,
        drill: true,
    };
    let mut open =
        OpenIncident::declare(data.path(), &plan_bytes(), declaration, "ann", "d1", at(0)).unwrap();
    let original = open.dir().to_owned();
    let log = open.log().path().unwrap().to_owned();
    let failing = runbook::io::log::Writer::with_sink(Box::new(Refuses), log, 2, "x".repeat(64), 0);
    open.log_mut().replace_writer(failing);
    let err = open.record(
        Action::Note {
            text: "noted while the disk was gone".into(),
            step: None,
            corrects: None,
        },
        "ann",
        None,
        at(1),
    );
    assert!((EN.failure)(&err.unwrap_err()).contains("NOT saved"));
    let rescue = incident_dir::rescue_dir(data.path(), original.file_name().unwrap());
    open.continue_in(&rescue, at(2)).unwrap();
    let live = open.incident().clone();
    open.finish(at(2)).unwrap();

    // By name, the incident is still its own folder, and reading it reads
    // what was saved in the rescue folder: the whole record, one chain.
    let resolved = incident_dir::resolve(data.path(), "software").unwrap();
    assert_eq!(resolved, original);
    let (entries, notices) = incident_dir::read_entries(&resolved).unwrap();
    assert_eq!(Incident::replay(&entries).unwrap(), live);
    assert!(
        !notices
            .iter()
            .any(|n| matches!(n, runbook::model::notice::Notice::ContinuesInRescue { .. })),
        "nothing is left only in the rescue folder: {notices:?}"
    );
    // The rescue folder itself reads the whole record too.
    let (entries, _) = incident_dir::read_entries(&rescue).unwrap();
    assert_eq!(Incident::replay(&entries).unwrap(), live);
}

/// The log holds phone numbers and notes: only its owner may read it.
#[test]
fn incident_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let data = tempfile::tempdir().unwrap();
    let declaration = Declaration {
        title: "Login down".into(),
        class: ClassId::new("software"),
        level: Some(LevelId::new("III")),
        answers: vec![],
        level_reason: None,
        discovered_at: None,
        commander: None,
        drill: true,
    };
    let open =
        OpenIncident::declare(data.path(), &plan_bytes(), declaration, "ann", "d1", at(0)).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(open.dir()), 0o700, "the incident folder");
    assert_eq!(mode(&open.dir().join("plan.ron")), 0o600, "the plan copy");
    assert_eq!(mode(open.log().path().unwrap()), 0o600, "the log");
}

fn call(who: Target, outcome: CallOutcome) -> Action {
    Action::Call {
        to: who,
        via: Channel::Mobile,
        outcome,
        note: String::new(),
        line: None,
    }
}

#[test]
fn an_unanswered_holder_leads_to_the_deputy_and_the_line_is_done_when_reached() {
    let mut live = Live::declare("network", "II");
    let sheet = live.incident.calls(&live.plan);
    assert_eq!(sheet.root, Some(Target::Role(RoleId::new("engineer"))));
    assert_eq!(sheet.lines.len(), 1);
    let line = &sheet.lines[0];
    assert_eq!(line.order, "1");
    assert_eq!(line.target, Target::Role(RoleId::new("commander")));
    assert_eq!(line.due, Some(at(10)));
    let ann = Target::Person(PersonId::new("ann"));
    let bob = Target::Person(PersonId::new("bob"));
    assert_eq!(
        line.candidates
            .iter()
            .map(|c| &c.target)
            .collect::<Vec<_>>(),
        [&ann, &bob],
        "the holder, then the deputy"
    );
    assert_eq!(line.next, Some(ann.clone()));

    // A call to the role itself is a call to its holder.
    live.act(
        2,
        call(
            Target::Role(RoleId::new("commander")),
            CallOutcome::NoAnswer,
        ),
    )
    .unwrap();
    let line = live.incident.calls(&live.plan).lines.remove(0);
    assert_eq!(line.candidates[0].state, CallState::NoAnswer);
    assert_eq!(line.next, Some(bob.clone()), "straight to the deputy");
    assert!(!line.overdue(at(9)));
    assert!(line.overdue(at(11)), "past its ten minutes, nobody reached");

    live.act(12, call(bob.clone(), CallOutcome::Reached))
        .unwrap();
    let sheet = live.incident.calls(&live.plan);
    let line = &sheet.lines[0];
    assert_eq!(line.reached, Some((bob, at(12))));
    assert_eq!(line.next, None);
    assert!(!line.overdue(at(30)));
    assert_eq!(sheet.progress(), (1, 1));
    // The inform clock of the level is met by the same call.
    let clocks = live.incident.status(&live.plan, at(13)).clocks;
    assert!(
        clocks
            .iter()
            .any(|c| matches!(c.kind, ClockKind::Inform(_)) && c.met)
    );
}

#[test]
fn a_correction_points_at_an_entry_the_incident_has() {
    let mut live = Live::declare("software", "III");
    live.act(
        1,
        Action::Note {
            text: "3,000 students".into(),
            step: None,
            corrects: None,
        },
    )
    .unwrap();
    let first = live.incident.timeline()[1].clone();
    live.act(
        2,
        Action::Note {
            text: "30,000 students, not 3,000".into(),
            step: None,
            corrects: Some(EntryRef::to(&first)),
        },
    )
    .unwrap();
    let wrong = EntryRef {
        recorded_at: at(7),
        device: "d1".into(),
    };
    assert_eq!(
        live.act(
            3,
            Action::Note {
                text: "x".into(),
                step: None,
                corrects: Some(wrong.clone()),
            },
        ),
        Err(ActionError::UnknownEntry(wrong))
    );
    // The first entry is untouched: entries never change.
    assert_eq!(live.incident.timeline()[1], first);
}

#[test]
fn a_message_with_an_unfilled_placeholder_is_refused() {
    let mut live = Live::declare("software", "III");
    let refused = live.act(
        1,
        Action::Message {
            template: Some(TemplateId::new("tpl-internal")),
            audience: None,
            channel: None,
            text: "Login down: {impact}".into(),
        },
    );
    assert_eq!(refused, Err(ActionError::Unfilled("impact".into())));
    live.act(
        1,
        Action::Message {
            template: Some(TemplateId::new("tpl-internal")),
            audience: None,
            channel: Some(MessageChannel::Im),
            text: "Login down: most users".into(),
        },
    )
    .unwrap();
}

#[test]
fn steps_done_never_fill_actions_and_a_briefing_and_closing_check_list_what_is_open() {
    let mut live = Live::declare("software", "II");
    live.act(1, step("confirm", StepStatus::Done)).unwrap();
    live.act(2, step("exec-brief", StepStatus::Done)).unwrap();
    live.act(
        3,
        step(
            "debug",
            StepStatus::Blocked {
                reason: "no logs".into(),
            },
        ),
    )
    .unwrap();
    live.act(4, step("update", StepStatus::Deferred)).unwrap();
    let values = live
        .incident
        .placeholder_values(&live.plan, at(5), &|t| t.to_rfc3339());
    // The plan's checklist wording is for the responders: `{actions}` is
    // what a person wrote for the readers, and nobody has.
    assert_eq!(values.get("actions"), None, "{values:?}");
    assert_eq!(values.get("title").map(String::as_str), Some("Login down"));
    let b = live.incident.briefing(&live.plan, at(12));
    let ids = |steps: &[&runbook::model::plan::doc::Step]| -> Vec<String> {
        steps.iter().map(|s| s.id.to_string()).collect()
    };
    assert_eq!(b.level, LevelId::new("II"));
    assert_eq!(ids(&b.open), ["students", "release", "rollback", "review"]);
    assert_eq!(b.blocked.len(), 1);
    assert_eq!(ids(&b.deferred), ["update"]);
    assert_eq!(b.calls_owed, 1);
    let c = live.incident.closing_check(&live.plan, at(12));
    assert!(!c.is_clear());
    assert_eq!(c.open.len(), 4);
}

#[test]
fn a_fallback_reached_for_one_call_does_not_answer_the_others_it_backs() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/online-education-platform.ron"),
    )
    .unwrap();
    let plan = plan::parse(&bytes).unwrap().plan;
    let event = declare(
        &plan,
        "sha",
        Declaration {
            title: "直播卡顿".into(),
            class: ClassId::new("network"),
            level: Some(LevelId::new("II")),
            level_reason: None,
            answers: vec![],
            discovered_at: None,
            commander: None,
            drill: true,
        },
        at(0),
    )
    .unwrap();
    let mut incident = Incident::new(&entry(0, event)).unwrap();
    let sheet = incident.calls(&plan);
    // A person who backs more than one call, and is nobody's own answerer
    // on the first of them.
    let (first, fallback) = sheet
        .lines
        .iter()
        .find_map(|l| {
            let own = match &l.target {
                Target::Role(r) => 1 + plan.role(r).map_or(0, |r| r.deputies.len()),
                _ => 1,
            };
            l.candidates.get(own).map(|c| (l.clone(), c.target.clone()))
        })
        .expect("the bundled level-II tree has fallbacks");
    let others = sheet
        .lines
        .iter()
        .filter(|l| l.target != first.target && l.candidates.iter().any(|c| c.target == fallback))
        .count();
    let event = incident
        .check(
            &plan,
            Action::Call {
                to: fallback.clone(),
                via: Channel::Mobile,
                outcome: CallOutcome::Reached,
                note: String::new(),
                line: Some(first.target.clone()),
            },
        )
        .unwrap();
    incident.apply(&entry(3, event));
    let after = incident.calls(&plan);
    let line = after
        .lines
        .iter()
        .find(|l| l.target == first.target)
        .unwrap();
    assert_eq!(line.reached, Some((fallback.clone(), at(3))));
    let reached_elsewhere = after
        .lines
        .iter()
        .filter(|l| l.target != first.target && l.reached.is_some())
        .count();
    // Reached lines elsewhere are only those where the fallback is the
    // line's own person (a holder or deputy), never its fallback.
    for l in after
        .lines
        .iter()
        .filter(|l| l.target != first.target && l.reached.is_some())
    {
        let own = match &l.target {
            Target::Role(r) => {
                let role = plan.role(r).unwrap();
                std::iter::once(&role.holder)
                    .chain(&role.deputies)
                    .any(|p| Target::Person(p.clone()) == fallback)
            }
            t => *t == fallback,
        };
        assert!(
            own,
            "line {} was answered by someone else's fallback",
            l.order
        );
    }
    assert!(reached_elsewhere <= others);
}

#[test]
fn a_briefing_leads_with_the_report_owed_then_steps_then_the_next_clock_of_each_kind() {
    use runbook::model::incident::Deadline;
    let mut live = Live::declare("software", "I");
    // Nothing done for 4 h 10 min: the report to the regulator (4 h from
    // discovery), the step deadlines, the commander and the status update
    // are all past.
    let b = live.incident.briefing(&live.plan, at(250));
    let kinds: Vec<String> = b
        .late
        .iter()
        .map(|t| match &t.what {
            Deadline::Clock(c) => match &c.kind {
                ClockKind::Duty(id) => format!("duty {id}"),
                ClockKind::StatusUpdate => "update".to_owned(),
                ClockKind::Inform(_) => "inform".to_owned(),
            },
            Deadline::Step(s) => format!("step {}", s.id),
            Deadline::Call(l) => format!("call {}", l.order),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "duty report",
            "step confirm",
            "step rollback",
            "inform",
            "update"
        ],
        "the call to the commander is the inform clock's, not a second line"
    );
    assert!(b.ahead.is_empty(), "{:?}", b.ahead);
    // At 20 min, after the commander is reached and one update sent: what is
    // late, then the next of each kind still running, earliest first.
    live.act(
        3,
        Action::Call {
            to: Target::Role(RoleId::new("commander")),
            via: Channel::Mobile,
            outcome: CallOutcome::Reached,
            note: String::new(),
            line: None,
        },
    )
    .unwrap();
    let b = live.incident.briefing(&live.plan, at(20));
    let late: Vec<String> = b
        .late
        .iter()
        .map(|t| match &t.what {
            Deadline::Step(s) => s.id.to_string(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(late, ["confirm"]);
    let ahead: Vec<(i64, bool)> = b
        .ahead
        .iter()
        .map(|t| {
            (
                (t.due - at(0)).num_minutes(),
                matches!(&t.what, Deadline::Clock(c) if matches!(c.kind, ClockKind::Duty(_))),
            )
        })
        .collect();
    assert_eq!(
        ahead,
        [(30, false), (30, false), (240, true)],
        "the rollback's deadline and the status update, then the report"
    );
}

#[test]
fn a_drill_is_evaluated_against_the_scenario_it_named_and_only_that_one() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/online-education-platform.ron"),
    )
    .unwrap();
    let plan = plan::parse(&bytes).unwrap().plan;
    let declared = |drill: bool| {
        let event = declare(
            &plan,
            "sha",
            Declaration {
                title: "登录崩溃".into(),
                class: ClassId::new("software"),
                level: Some(LevelId::new("I")),
                level_reason: Some("演练".into()),
                answers: vec![],
                discovered_at: None,
                commander: None,
                drill,
            },
            at(0),
        )
        .unwrap();
        Incident::new(&entry(0, event)).unwrap()
    };
    let name = |drill: &str| Action::NameScenario {
        drill: ItemId::new(drill),
    };
    // A real incident plays no scenario; a drill names one of the plan's.
    assert_eq!(
        declared(false).check(&plan, name("drill-full-peak")),
        Err(ActionError::NotADrill)
    );
    let mut drill = declared(true);
    let Err(ActionError::UnknownScenario { given, known }) = drill.check(&plan, name("drill-x"))
    else {
        panic!("an unknown scenario is refused");
    };
    assert_eq!(given, ItemId::new("drill-x"));
    assert!(known.contains(&ItemId::new("drill-full-peak")), "{known:?}");
    // Two of the plan's drills are for software faults: named none, which
    // one was played is not known, and nothing is evaluated.
    assert_eq!(drill.drills_for_class(&plan).count(), 2);
    assert!(drill.drill_played(&plan).is_none());
    assert!(drill.drill_evaluation(&plan).is_empty());
    let event = drill.check(&plan, name("drill-full-peak")).unwrap();
    drill.apply(&entry(0, event));
    let evaluated: Vec<&str> = drill
        .drill_evaluation(&plan)
        .iter()
        .map(|e| e.drill.id.as_str())
        .collect();
    assert_eq!(evaluated, ["drill-full-peak"; 4]);
}
