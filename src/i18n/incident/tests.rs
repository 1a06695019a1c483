//! The incident words' unit tests: every message worded in both languages
//! with its facts, and the golden file of every case.

use std::io::ErrorKind;
use std::path::PathBuf;

use super::*;
use crate::model::ids::{ClassId, ItemId, LevelId, PersonId, RoleId, StepId, TemplateId};
use crate::model::plan::doc::Target;

fn os() -> OsError {
    OsError {
        kind: ErrorKind::StorageFull,
        detail: "No space left on device (os error 28)".into(),
    }
}

fn p(s: &str) -> PathBuf {
    PathBuf::from(format!("/data/incidents/x/{s}"))
}

/// One of each notice. The match below has no wildcard: a new variant
/// does not compile until it is listed here, and so is worded.
#[allow(clippy::too_many_lines)] // One list of every notice, each with its data.
fn every_notice() -> Vec<Notice> {
    let all = vec![
        Notice::ContinuesInRescue {
            rescue: p("rescue"),
        },
        Notice::Damaged {
            file: p("log-a.jsonl"),
            bad: vec![(17, LineFault::HashChanged), (30, LineFault::Chain)],
            following: vec![crate::model::incident::EntryRef {
                recorded_at: chrono::DateTime::UNIX_EPOCH,
                device: "laptop-a".into(),
            }],
        },
        Notice::DamagedContinued {
            file: p("log-a.jsonl"),
            line: 17,
            fault: LineFault::Chain,
            next: p("log-a.2.jsonl"),
        },
        Notice::TornTail {
            file: p("log-a.jsonl"),
            at: 4096,
            bytes: 17,
        },
        Notice::Repaired {
            file: p("log-a.jsonl"),
            at: 4096,
            cut: 17,
            kept_in: p("log-a.jsonl.torn-1"),
        },
        Notice::Unclean {
            file: p("log-a.jsonl"),
        },
        Notice::OriginUnreadable {
            file: p("log-a.2.jsonl"),
            origin: p("gone.jsonl"),
        },
        Notice::Unwritable {
            file: p("log-a.jsonl"),
            error: os(),
        },
        Notice::ClockSkew {
            device: "laptop-b".into(),
            ahead_of: "laptop-a".into(),
            minutes: 4,
        },
        Notice::Conflict {
            subject: Subject::Step(crate::model::ids::StepId::new("net-switch")),
            earlier: crate::model::incident::EntryRef {
                recorded_at: chrono::DateTime::UNIX_EPOCH,
                device: "laptop-a".into(),
            },
            later: crate::model::incident::EntryRef {
                recorded_at: chrono::DateTime::UNIX_EPOCH,
                device: "laptop-b".into(),
            },
        },
        Notice::SyncConflict {
            file: p("log-a.sync-conflict-20261129-101010-ABCDEFG.jsonl"),
        },
        Notice::RescueJoined {
            from: p("runbook-rescue-x/log-a.2.jsonl"),
            into: p("log-a.3.jsonl"),
        },
        Notice::NotAFile {
            file: p("log-x.jsonl"),
            kind: FileKind::Fifo,
        },
        Notice::SharedChain {
            file: p("log-a.jsonl"),
            other: p("log-zz.jsonl"),
            parting: Parting::After {
                lines: 14,
                identical: false,
            },
        },
        Notice::ForeignEntries {
            file: p("log-evil.jsonl"),
            device: "evil".into(),
            named: "laptop-a".into(),
            count: 3,
            shown: vec![crate::model::incident::EntryRef {
                recorded_at: chrono::DateTime::UNIX_EPOCH,
                device: "laptop-a".into(),
            }],
        },
        Notice::Misnamed {
            file: p("log-zz.jsonl"),
            device: "laptop-a".into(),
        },
        Notice::Duplicated {
            file: p("log-zz.jsonl"),
            kept_in: p("log-a.jsonl"),
            count: 7,
        },
        Notice::Declarations {
            used: declaration_at("log-evil.jsonl", "evil", "forged", "I"),
            others: vec![declaration_at(
                "log-a.jsonl",
                "laptop-a",
                "Core switch down",
                "II",
            )],
        },
    ];
    let mut seen = [false; 18];
    for n in &all {
        let i = match n {
            Notice::ContinuesInRescue { .. } => 0,
            Notice::Damaged { .. } => 1,
            Notice::DamagedContinued { .. } => 2,
            Notice::TornTail { .. } => 3,
            Notice::Repaired { .. } => 4,
            Notice::Unclean { .. } => 5,
            Notice::OriginUnreadable { .. } => 6,
            Notice::Unwritable { .. } => 7,
            Notice::ClockSkew { .. } => 8,
            Notice::Conflict { .. } => 9,
            Notice::SyncConflict { .. } => 10,
            Notice::RescueJoined { .. } => 11,
            Notice::NotAFile { .. } => 12,
            Notice::SharedChain { .. } => 13,
            Notice::ForeignEntries { .. } => 14,
            Notice::Misnamed { .. } => 15,
            Notice::Duplicated { .. } => 16,
            Notice::Declarations { .. } => 17,
        };
        seen[i] = true;
    }
    assert!(seen.iter().all(|s| *s), "every notice is listed");
    all
}

fn declaration_at(file: &str, device: &str, title: &str, level: &str) -> DeclarationAt {
    DeclarationAt {
        entry: crate::model::incident::EntryRef {
            recorded_at: chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default(),
            device: device.into(),
        },
        file: p(file),
        title: title.into(),
        level: LevelId::new(level),
    }
}

#[allow(clippy::too_many_lines)] // One of every refusal, each written out.
fn every_refusal() -> Vec<ActionError> {
    let all = vec![
        ActionError::Closed,
        ActionError::AlreadyOpen,
        ActionError::UnknownClass {
            given: ClassId::new("dns"),
            known: vec![ClassId::new("network")],
        },
        ActionError::UnknownLevel {
            given: LevelId::new("V"),
            known: vec![LevelId::new("I")],
        },
        ActionError::UnknownStep(StepId::new("swich")),
        ActionError::WrongKind {
            step: StepId::new("confirm"),
            needed: NeededKind::Record,
        },
        ActionError::NotACount {
            step: StepId::new("students"),
            value: "many".into(),
        },
        ActionError::AnswerFirst {
            step: StepId::new("net-change"),
            needed: NeededKind::Decision,
        },
        ActionError::NotAChoice {
            step: StepId::new("assess-legal-grade"),
            value: "yiban".into(),
            choices: vec![
                ("general".into(), "General".into()),
                ("major".into(), "Major".into()),
            ],
        },
        ActionError::Undo(UndoRefusal::TooLate(crate::model::incident::EntryRef {
            recorded_at: chrono::DateTime::from_timestamp(0, 0).unwrap_or_default(),
            device: "laptop-9".into(),
        })),
        ActionError::WhichCall {
            to: Target::Person(PersonId::new("han-dong")),
            calls: vec![
                (
                    "1".into(),
                    Target::Role(RoleId::new("sre-oncall")),
                    "SRE on call → Xie Ting".into(),
                ),
                (
                    "1.1".into(),
                    Target::Role(RoleId::new("release-manager")),
                    "Release manager → Zheng Kai".into(),
                ),
            ],
        },
        ActionError::Name(crate::model::plan::contacts::NameError::Ambiguous {
            given: "Han Dong".into(),
            matches: vec![
                (Target::Person(PersonId::new("han-dong")), "Han Dong".into()),
                (
                    Target::Role(RoleId::new("han")),
                    "Han Dong's team → Han Dong".into(),
                ),
            ],
        }),
        ActionError::UnknownQuestion {
            given: ItemId::new("q9"),
            known: vec![ItemId::new("cut")],
        },
        ActionError::NoLevel,
        ActionError::LevelReasonMissing {
            suggested: LevelId::new("III"),
            chosen: LevelId::new("II"),
        },
        ActionError::DiscoveredLater,
        ActionError::UnknownTemplate(TemplateId::new("tpl-x")),
        ActionError::NoAudience,
        ActionError::UnknownTarget(Target::Person(PersonId::new("zed"))),
        ActionError::UnknownDuty(ItemId::new("cac-x")),
        ActionError::SameLevel(LevelId::new("II")),
        ActionError::WarningNotInForce(LevelId::new("II")),
        ActionError::Empty(Field::Reason),
        ActionError::Unfilled("impact".into()),
        ActionError::UnknownEntry(crate::model::incident::EntryRef {
            recorded_at: chrono::DateTime::from_timestamp(0, 0).unwrap_or_default(),
            device: "laptop-9".into(),
        }),
        ActionError::BeforeDiscovery {
            at: chrono::DateTime::from_timestamp(0, 0).unwrap_or_default(),
            discovered: chrono::DateTime::from_timestamp(60, 0).unwrap_or_default(),
        },
        ActionError::TooLong {
            field: Field::Note,
            bytes: 1_048_577,
            max: 1_048_576,
        },
        ActionError::ClockWrong {
            now: chrono::DateTime::from_timestamp(0, 0).unwrap_or_default(),
            plan_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 16).unwrap_or_default(),
            ahead: false,
        },
        ActionError::ClockWrong {
            now: chrono::DateTime::parse_from_rfc3339("9999-12-31T00:00:00Z")
                .map(|t| t.with_timezone(&chrono::Utc))
                .unwrap_or_default(),
            plan_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 16).unwrap_or_default(),
            ahead: true,
        },
        ActionError::NotADrill,
        ActionError::UnknownScenario {
            given: ItemId::new("drill-x"),
            known: vec![ItemId::new("drill-login")],
        },
        ActionError::UnknownActionItem {
            given: 4,
            known: vec![1, 2],
        },
        ActionError::UnknownActionItem {
            given: 1,
            known: vec![],
        },
        ActionError::ActionItemSettled {
            item: 2,
            done: true,
        },
        ActionError::ActionItemSettled {
            item: 3,
            done: false,
        },
        ActionError::NoAlert {
            given: "update".into(),
            standing: Vec::new(),
        },
        ActionError::NoAlert {
            given: "cac-reprot".into(),
            standing: vec!["update".into(), "cac-report".into()],
        },
        ActionError::SnoozeMinutes { given: 90, max: 60 },
    ];
    let mut seen = [false; 34];
    for e in &all {
        let i = match e {
            ActionError::Closed => 0,
            ActionError::AlreadyOpen => 1,
            ActionError::UnknownClass { .. } => 2,
            ActionError::UnknownLevel { .. } => 3,
            ActionError::UnknownStep(_) => 4,
            ActionError::WrongKind { .. } => 5,
            ActionError::NotACount { .. } => 6,
            ActionError::UnknownQuestion { .. } => 7,
            ActionError::NoLevel => 8,
            ActionError::LevelReasonMissing { .. } => 9,
            ActionError::DiscoveredLater => 10,
            ActionError::UnknownTemplate(_) => 11,
            ActionError::NoAudience => 12,
            ActionError::UnknownTarget(_) => 13,
            ActionError::UnknownDuty(_) => 14,
            ActionError::SameLevel(_) => 15,
            ActionError::WarningNotInForce(_) => 16,
            ActionError::Empty(_) => 17,
            ActionError::Unfilled(_) => 18,
            ActionError::UnknownEntry(_) => 19,
            ActionError::BeforeDiscovery { .. } => 20,
            ActionError::TooLong { .. } => 21,
            ActionError::ClockWrong { .. } => 22,
            ActionError::NotADrill => 23,
            ActionError::UnknownScenario { .. } => 24,
            ActionError::AnswerFirst { .. } => 25,
            ActionError::Undo(_) => 26,
            ActionError::Name(_) => 27,
            ActionError::WhichCall { .. } => 28,
            ActionError::NotAChoice { .. } => 29,
            ActionError::UnknownActionItem { .. } => 30,
            ActionError::ActionItemSettled { .. } => 31,
            ActionError::NoAlert { .. } => 32,
            ActionError::SnoozeMinutes { .. } => 33,
        };
        seen[i] = true;
    }
    assert!(seen.iter().all(|s| *s), "every refusal is listed");
    all
}

fn every_failure() -> Vec<IncidentError> {
    let log = |e| IncidentError::Log(e);
    vec![
        IncidentError::Action(ActionError::Closed),
        log(LogError::Locked(p("log-a.jsonl"))),
        log(LogError::Open {
            path: p("log-a.jsonl"),
            error: os(),
        }),
        log(LogError::Write {
            path: p("log-a.jsonl"),
            error: os(),
        }),
        log(LogError::Failed(p("log-a.jsonl"))),
        log(LogError::Damaged {
            path: p("log-a.jsonl"),
            line: 17,
            fault: LineFault::Sequence {
                found: 19,
                expected: 17,
            },
        }),
        log(LogError::Read {
            path: p("log-a.jsonl"),
            error: os(),
        }),
        log(LogError::NotAFile {
            path: p("log-a.jsonl"),
            kind: FileKind::Symlink,
        }),
        log(LogError::NotPrivate {
            path: p("log-a.jsonl"),
            shared: Shared::Mode(0o644),
        }),
        log(LogError::NotPrivate {
            path: p("log-a.jsonl"),
            shared: Shared::Links(2),
        }),
        IncidentError::File {
            op: FileOp::WritePlanCopy,
            path: p("plan.ron"),
            error: os(),
        },
        IncidentError::PlanCopy {
            path: p("plan.ron"),
            first: None,
        },
        IncidentError::Replay {
            dir: p(""),
            error: ReplayError::NotDeclared,
        },
        IncidentError::NotFound("nothing".into()),
        IncidentError::Ambiguous {
            given: "net".into(),
            matches: vec!["a-net".into(), "b-net".into()],
        },
        IncidentError::DeviceTaken {
            device: "laptop-a".into(),
            taken_by: "laptop-a".into(),
            dir: p(""),
        },
        IncidentError::DeviceTaken {
            device: "lap1+2".into(),
            taken_by: "lap1.2".into(),
            dir: p(""),
        },
    ]
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Worded in both languages, differently, with Chinese in the Chinese,
/// and each fact (a path, a line, an id) in both.
fn check_both(en: &str, zh: &str, facts: &[&str]) {
    assert!(!en.is_empty() && !zh.is_empty());
    assert_ne!(en, zh);
    assert!(has_chinese(zh), "not Chinese: {zh}");
    assert!(!has_chinese(en), "not English: {en}");
    for fact in facts {
        assert!(en.contains(fact), "{fact:?} missing in {en:?}");
        assert!(zh.contains(fact), "{fact:?} missing in {zh:?}");
    }
}

#[test]
fn every_notice_is_worded_in_both_languages_with_its_facts() {
    for n in every_notice() {
        let facts: Vec<String> = match &n {
            Notice::ContinuesInRescue { rescue } => vec![rescue.display().to_string()],
            Notice::Damaged { bad, following, .. } => vec![
                "log-a.jsonl".into(),
                bad[0].0.to_string(),
                bad[1].0.to_string(),
                following.len().to_string(),
            ],
            Notice::DamagedContinued { line, next, .. } => {
                vec![line.to_string(), next.display().to_string()]
            }
            Notice::TornTail { at, bytes, .. } => vec![at.to_string(), bytes.to_string()],
            Notice::Repaired { kept_in, cut, .. } => {
                vec![kept_in.display().to_string(), cut.to_string()]
            }
            Notice::Unclean { file }
            | Notice::Unwritable { file, .. }
            | Notice::SyncConflict { file }
            | Notice::NotAFile { file, .. } => vec![file.display().to_string()],
            Notice::OriginUnreadable { origin, .. } => vec![origin.display().to_string()],
            Notice::ClockSkew { .. } => vec!["laptop-b".into(), "laptop-a".into(), "4".into()],
            Notice::Conflict { .. } => {
                vec!["laptop-a".into(), "laptop-b".into(), "net-switch".into()]
            }
            Notice::RescueJoined { from, into } => {
                vec![from.display().to_string(), into.display().to_string()]
            }
            Notice::SharedChain { file, other, .. } => vec![
                file.display().to_string(),
                other.display().to_string(),
                "14".into(),
            ],
            Notice::ForeignEntries { file, .. } => vec![
                file.display().to_string(),
                "evil".into(),
                "laptop-a".into(),
                "3".into(),
                "1".into(),
            ],
            Notice::Misnamed { file, device } => vec![file.display().to_string(), device.clone()],
            Notice::Duplicated { file, kept_in, .. } => vec![
                file.display().to_string(),
                kept_in.display().to_string(),
                "7".into(),
            ],
            Notice::Declarations { .. } => vec![
                "2".into(),
                "forged".into(),
                "Core switch down".into(),
                "evil".into(),
                "laptop-a".into(),
                "log-evil.jsonl".into(),
                "2027-01-15 08:00:00 UTC".into(),
            ],
        };
        let facts: Vec<&str> = facts.iter().map(String::as_str).collect();
        check_both(&(EN.notice)(&n), &(ZH.notice)(&n), &facts);
    }
}

#[test]
fn every_refusal_is_worded_in_both_languages() {
    for e in every_refusal() {
        let en = (EN.refusal)(&e);
        let zh = (ZH.refusal)(&e);
        let facts: Vec<&str> = match &e {
            ActionError::UnknownClass { .. } => vec!["dns", "network"],
            ActionError::UnknownStep(_) => vec!["swich"],
            ActionError::NotACount { .. } => vec!["students", "many"],
            ActionError::AnswerFirst { .. } => vec!["net-change"],
            ActionError::Undo(_) => vec!["laptop-9", "5"],
            ActionError::Name(_) => vec!["Han Dong", "person:han-dong", "role:han"],
            ActionError::WhichCall { .. } => vec!["person:han-dong", "1.1", "Release manager"],
            ActionError::NotAChoice { .. } => vec!["yiban", "Major", "major"],
            ActionError::LevelReasonMissing { .. } => vec!["III", "II"],
            ActionError::UnknownTarget(_) => vec!["zed"],
            ActionError::Unfilled(_) => vec!["{impact}"],
            ActionError::UnknownEntry(_) => vec!["laptop-9"],
            ActionError::TooLong { .. } => vec!["1048577", "1048576", "1 MiB"],
            _ => vec![],
        };
        check_both(&en, &zh, &facts);
    }
}

#[test]
fn every_failure_is_worded_in_both_languages_with_the_system_text() {
    for e in every_failure() {
        let en = (EN.failure)(&e);
        let zh = (ZH.failure)(&e);
        check_both(&en, &zh, &[]);
        if let IncidentError::Log(LogError::Write { path, .. }) = &e {
            assert!(en.contains("NOT saved") && zh.contains("未保存"));
            assert!(
                zh.contains("磁盘已满") && zh.contains("os error 28"),
                "{zh}"
            );
            assert!(zh.contains(&path.display().to_string()));
        }
        // Not written, and what to do, with the mode a person can read.
        if let IncidentError::Log(LogError::NotPrivate { path, shared }) = &e {
            let path = path.display().to_string();
            let facts: &[&str] = match shared {
                Shared::Mode(_) => &["0644", "chmod 600"],
                Shared::Links(_) => &["2"],
            };
            check_both(&en, &zh, facts);
            assert!(en.contains(&path) && zh.contains(&path));
            assert!(en.contains("nothing was written") && zh.contains("什么也没有写入"));
        }
    }
    for w in [
        WhenError::NotATime("noon".into()),
        WhenError::NotInZone("02:30".into()),
        WhenError::InFuture("23:00".into()),
        WhenError::TooEarly("0001-01-01 00:00".into()),
    ] {
        check_both(&(EN.when_error)(&w), &(ZH.when_error)(&w), &[]);
    }
}

#[test]
fn commanders_are_named_from_the_plan() {
    let Ok(checked) = crate::model::plan::parse(include_bytes!("../../../plans/minimal.ron"))
    else {
        panic!("the minimal plan loads");
    };
    let plan = &checked.plan;
    let role = &plan.doc().roles[0];
    let holder = plan
        .person(&role.holder)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    assert_eq!(
        commander_name(&Commander::Person(role.holder.clone()), plan),
        holder
    );
    let by_role = commander_name(&Commander::Role(role.id.clone()), plan);
    assert!(by_role.contains(&role.name) && by_role.contains(&holder));
    assert_eq!(commander_name(&Commander::Named("Bob".into()), plan), "Bob");
    assert_eq!(
        commander_name(&Commander::Role(RoleId::new("gone")), plan),
        "gone"
    );
}

/// Every kind of message, every variant and the cases where the words
/// branch (plurals, lists cut short, optional parts), in both languages,
/// as one text compared with `tests/data/words/incident.txt`
/// (`UPDATE_GOLDEN=1` rewrites it). A change of wording shows there as
/// a diff to read; a refactoring of the words changes nothing in it.
#[test]
fn the_words_match_their_golden_file() {
    let got = golden_words();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/words/incident.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()));
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "line {} of {} differs", i + 1, path.display());
    }
    assert_eq!(
        got.lines().count(),
        want.lines().count(),
        "{}",
        path.display()
    );
}

/// The golden text: a heading for each case, then its English and its
/// Chinese.
fn golden_words() -> String {
    let mut out = String::new();
    golden_notices(&mut out);
    golden_refusals(&mut out);
    golden_failures(&mut out);
    golden_parts(&mut out);
    golden_events(&mut out);
    out
}

/// One case of the golden text.
fn case(out: &mut String, name: &str, en: &str, zh: &str) {
    use std::fmt::Write as _;
    let _ = writeln!(out, "## {name}\nen: {en}\nzh: {zh}");
}

/// An instant on the day the golden text is written.
fn at(h: u32, m: u32) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone as _;
    chrono::Utc
        .with_ymd_and_hms(2026, 3, 2, h, m, 0)
        .single()
        .unwrap()
}

fn golden_notices(out: &mut String) {
    let entry = |device: &str| crate::model::incident::EntryRef {
        recorded_at: at(1, 30),
        device: device.into(),
    };
    let mut notices = every_notice();
    // The damage's words branch on how many lines are bad (a list cut
    // after ten) and how many entries follow it.
    for (n_bad, n_following) in [(0, 0), (1, 0), (1, 1), (2, 2), (3, 0), (13, 3)] {
        notices.push(Notice::Damaged {
            file: p("log-a.jsonl"),
            bad: (0..n_bad).map(|i| (17 + i, LineFault::Chain)).collect(),
            following: (0..n_following).map(|_| entry("laptop-a")).collect(),
        });
    }
    notices.push(Notice::Conflict {
        subject: Subject::Level,
        earlier: entry("laptop-a"),
        later: entry("laptop-b"),
    });
    notices.push(Notice::Unwritable {
        file: p("log-a.jsonl"),
        error: OsError {
            kind: ErrorKind::Other,
            detail: "Input/output error (os error 5)".into(),
        },
    });
    // What can stand where a regular file should be, each named.
    for kind in [
        FileKind::Symlink,
        FileKind::Folder,
        FileKind::Socket,
        FileKind::CharDevice,
        FileKind::BlockDevice,
        FileKind::Other,
    ] {
        notices.push(Notice::NotAFile {
            file: p("plan.ron"),
            kind,
        });
    }
    // Logs that share a chain: the same lines, one line, parting later,
    // or continuing one line; entries of another device, one and several;
    // one entry copied; three declarations.
    for parting in [
        Parting::After {
            lines: 9,
            identical: true,
        },
        Parting::After {
            lines: 1,
            identical: false,
        },
        Parting::Continuing {
            origin: p("log-a.jsonl"),
            line: 30,
        },
    ] {
        notices.push(Notice::SharedChain {
            file: p("log-a.2.jsonl"),
            other: p("log-a.3.jsonl"),
            parting,
        });
    }
    for (count, shown) in [(1, 0), (2, 2)] {
        notices.push(Notice::ForeignEntries {
            file: p("log-evil.jsonl"),
            device: "evil".into(),
            named: "laptop-a".into(),
            count,
            shown: (0..shown).map(|_| entry("laptop-a")).collect(),
        });
    }
    notices.push(Notice::Duplicated {
        file: p("log-zz.jsonl"),
        kept_in: p("log-a.jsonl"),
        count: 1,
    });
    notices.push(Notice::Declarations {
        used: declaration_at("log-a.jsonl", "laptop-a", "Core switch down", "II"),
        others: vec![
            declaration_at("log-b.jsonl", "laptop-b", "forged", "I"),
            declaration_at("log-c.jsonl", "laptop-c", "other incident", "IV"),
        ],
    });
    for n in &notices {
        case(
            out,
            &format!("notice {n:?}"),
            &(EN.notice)(n),
            &(ZH.notice)(n),
        );
    }
}

fn golden_refusals(out: &mut String) {
    let mut refusals = every_refusal();
    refusals.push(ActionError::WrongKind {
        step: StepId::new("confirm"),
        needed: NeededKind::Decision,
    });
    refusals.push(ActionError::AnswerFirst {
        step: StepId::new("students"),
        needed: NeededKind::Record,
    });
    let entry = crate::model::incident::EntryRef {
        recorded_at: chrono::DateTime::from_timestamp(0, 0).unwrap_or_default(),
        device: "laptop-9".into(),
    };
    for why in [
        UndoRefusal::Nothing,
        UndoRefusal::Stands(entry.clone()),
        UndoRefusal::AlreadyUndone(entry.clone()),
        UndoRefusal::NotYours(entry),
    ] {
        refusals.push(ActionError::Undo(why));
    }
    refusals.push(ActionError::Name(
        crate::model::plan::contacts::NameError::Unknown("Han Tong".into()),
    ));
    refusals.push(ActionError::UnknownTarget(Target::Role(RoleId::new(
        "nobody",
    ))));
    refusals.push(ActionError::UnknownTarget(Target::External(
        crate::model::ids::ExternalId::new("isp"),
    )));
    for f in [
        Field::Title,
        Field::Reason,
        Field::Value,
        Field::Message,
        Field::Note,
        Field::Commander,
        Field::Summary,
        Field::ActionItem,
        Field::Owner,
    ] {
        refusals.push(ActionError::Empty(f));
    }
    // A limit that is not a whole number of MiB says only the bytes.
    refusals.push(ActionError::TooLong {
        field: Field::Message,
        bytes: 70_000,
        max: 65_536,
    });
    for e in &refusals {
        case(
            out,
            &format!("refusal {e:?}"),
            &(EN.refusal)(e),
            &(ZH.refusal)(e),
        );
    }
}

fn golden_failures(out: &mut String) {
    let mut failures = every_failure();
    for op in [
        FileOp::CreateIncidents,
        FileOp::CreateIncident,
        FileOp::SyncIncidents,
        FileOp::CreateFolder,
        FileOp::ReadPlanCopy,
        FileOp::CloseSession,
        FileOp::RememberJoined,
    ] {
        failures.push(IncidentError::File {
            op,
            path: p("plan.ron"),
            error: os(),
        });
    }
    failures.push(IncidentError::PlanCopy {
        path: p("plan.ron"),
        first: Some(Box::new(crate::model::plan::Diagnostic::error(
            crate::model::plan::DocPath::root(),
            crate::model::plan::DiagnosticKind::Syntax(crate::model::plan::kind::Syntax::Expected(
                crate::model::plan::kind::Token::OpenParen,
            )),
        ))),
    });
    failures.push(IncidentError::Replay {
        dir: p(""),
        error: ReplayError::Empty,
    });
    failures.push(IncidentError::Action(ActionError::NoAudience));
    for e in &failures {
        case(
            out,
            &format!("failure {e:?}"),
            &(EN.failure)(e),
            &(ZH.failure)(e),
        );
        if let IncidentError::Log(l) = e {
            case(
                out,
                &format!("log error {l:?}"),
                &(EN.log_error)(l),
                &(ZH.log_error)(l),
            );
        }
    }
}

/// The parts other messages are made of: line faults, system errors,
/// times that are not, audiences and channels.
fn golden_parts(out: &mut String) {
    for f in [
        LineFault::NoHash,
        LineFault::NotARecord("expected value at line 1 column 2".into()),
        LineFault::HashNotLast,
        LineFault::HashChanged,
        LineFault::Sequence {
            found: 19,
            expected: 17,
        },
        LineFault::Chain,
    ] {
        let (en, zh) = ((EN.line_fault)(&f), (ZH.line_fault)(&f));
        case(out, &format!("line fault {f:?}"), &en, &zh);
    }
    for kind in [
        ErrorKind::StorageFull,
        ErrorKind::PermissionDenied,
        ErrorKind::NotFound,
        ErrorKind::ReadOnlyFilesystem,
        ErrorKind::FileTooLarge,
        ErrorKind::IsADirectory,
        ErrorKind::NotADirectory,
        ErrorKind::AlreadyExists,
        ErrorKind::QuotaExceeded,
        ErrorKind::Other,
    ] {
        let e = OsError {
            kind,
            detail: format!("{kind} (os error 99)"),
        };
        let (en, zh) = ((EN.os_error)(&e), (ZH.os_error)(&e));
        case(out, &format!("os error {kind:?}"), &en, &zh);
    }
    for w in [
        WhenError::NotATime("noon".into()),
        WhenError::NotInZone("02:30".into()),
        WhenError::InFuture("23:00".into()),
        WhenError::TooEarly("0001-01-01 00:00".into()),
    ] {
        let (en, zh) = ((EN.when_error)(&w), (ZH.when_error)(&w));
        case(out, &format!("when error {w:?}"), &en, &zh);
    }
    for a in [
        Audience::StudentsParents,
        Audience::Teachers,
        Audience::Schools,
        Audience::Regulator,
        Audience::Partners,
        Audience::Media,
        Audience::Internal,
    ] {
        case(
            out,
            &format!("audience {a:?}"),
            (EN.audience)(a),
            (ZH.audience)(a),
        );
    }
    for c in [
        MessageChannel::Sms,
        MessageChannel::AppPush,
        MessageChannel::Im,
        MessageChannel::Email,
        MessageChannel::Website,
        MessageChannel::Phone,
        MessageChannel::Other,
    ] {
        let (en, zh) = ((EN.message_channel)(c), (ZH.message_channel)(c));
        case(out, &format!("channel {c:?}"), en, zh);
    }
}

fn golden_events(out: &mut String) {
    let Ok(checked) = crate::model::plan::parse(include_bytes!("../../../plans/minimal.ron"))
    else {
        panic!("the minimal plan loads");
    };
    let plan = &checked.plan;
    let times = Times::new(at(6, 0), crate::clock::Zone::beijing());
    let mut events = decisions_and_steps();
    events.extend(calls_and_messages());
    events.extend(notes_and_command());
    for e in &events {
        let (en, zh) = ((EN.event)(e, plan, &times), (ZH.event)(e, plan, &times));
        case(out, &format!("event {e:?}"), &en, &zh);
    }
    golden_entries(out, plan, &times);
}

/// Entries as the timeline words them: a step by its text (its id when
/// the plan does not have it), and an undo with what it took back.
fn golden_entries(out: &mut String, plan: &crate::model::plan::Plan, times: &Times) {
    use crate::model::incident::{Entry, EntryRef, Incident};
    let Some(first) = plan.doc().phases.iter().flat_map(|p| &p.steps).next() else {
        panic!("the minimal plan has a step");
    };
    let entry = |minute: u32, event: Event| Entry {
        recorded_at: at(6, minute),
        happened_at: None,
        by: "Ann".into(),
        device: "laptop-1".into(),
        after: crate::model::incident::Causes::default(),
        event,
    };
    let mut timeline = vec![entry(0, decisions_and_steps().remove(0))];
    timeline.push(entry(
        1,
        Event::StepStatus {
            step: first.id.clone(),
            status: StepStatus::Done,
        },
    ));
    timeline.push(entry(
        2,
        Event::ValueRecorded {
            step: StepId::new("gone"),
            value: "12".into(),
        },
    ));
    timeline.push(entry(
        3,
        Event::Undone {
            undoes: EntryRef::to(&timeline[1]),
        },
    ));
    // The review's entries: an item numbered in this incident, done after
    // the close and said to be.
    timeline.push(entry(
        4,
        Event::ActionItemAdded {
            text: "Add a second CDN".into(),
            owner: Box::new(crate::model::incident::Owner::Named("Zoe".into())),
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
            after_close: false,
        },
    ));
    timeline.push(entry(
        5,
        Event::ActionItemDone {
            item: Box::new(EntryRef::to(&timeline[4])),
            number: 1,
            note: "contract signed".into(),
            after_close: true,
        },
    ));
    let Ok(incident) = Incident::replay(&timeline) else {
        panic!("a declaration first");
    };
    for e in timeline.iter().skip(1) {
        case(
            out,
            &format!("entry {:?}", e.event),
            &(EN.entry)(e, &incident, plan, times),
            &(ZH.entry)(e, &incident, plan, times),
        );
    }
}

fn confirm() -> StepId {
    StepId::new("confirm")
}

/// The declaration (an incident or a drill, with the level the answers
/// suggested or not, its class in the plan or not), level changes, a
/// step's every status, values and decisions.
fn decisions_and_steps() -> Vec<Event> {
    use crate::model::incident::Answer;
    let declared = |class: &str, drill: bool, why: bool| {
        Event::Declared(Box::new(crate::model::incident::Declared {
            title: "Platform down".into(),
            class: ClassId::new(class),
            level: LevelId::new("II"),
            answers: vec![Answer {
                question: ItemId::new("down"),
                yes: false,
            }],
            suggested_level: why.then(|| LevelId::new("III")),
            level_reason: why.then(|| "the exam is tomorrow".to_owned()),
            discovered_at: None,
            commander: None,
            drill,
            plan_version: "1.0".into(),
            plan_sha256: "ab".repeat(32),
        }))
    };
    let mut all = vec![
        declared("other", false, false),
        declared("other", true, true),
        declared("gone", false, true),
        Event::LevelChanged {
            from: LevelId::new("III"),
            to: LevelId::new("II"),
            reason: Box::new("more users".into()),
        },
    ];
    for status in [
        StepStatus::Done,
        StepStatus::Skipped {
            reason: "done by the vendor".into(),
        },
        StepStatus::NotApplicable,
        StepStatus::Deferred,
        StepStatus::Blocked {
            reason: "no access".into(),
        },
        StepStatus::Reopened,
    ] {
        all.push(Event::StepStatus {
            step: confirm(),
            status,
        });
    }
    all.push(Event::ValueRecorded {
        step: confirm(),
        value: "1200".into(),
    });
    for yes in [true, false] {
        all.push(Event::DecisionAnswered {
            step: confirm(),
            yes,
            next: StepId::new("fix"),
        });
    }
    all
}

/// A call of each outcome to each kind of target, with a note or not,
/// and messages with a channel or not, a second line and a long first.
fn calls_and_messages() -> Vec<Event> {
    use crate::model::incident::Channel;
    let call = |to: Target, outcome, note: &str| Event::CallAttempt {
        to: Box::new(to),
        via: Channel::Mobile,
        outcome,
        note: note.into(),
        line: None,
    };
    let message = |channel, text: &str| Event::MessageSent {
        template: None,
        audience: Audience::Teachers,
        channel,
        text: text.into(),
    };
    vec![
        call(
            Target::Role(RoleId::new("commander")),
            CallOutcome::Reached,
            "",
        ),
        call(
            Target::Person(PersonId::new("sam")),
            CallOutcome::NoAnswer,
            "twice",
        ),
        call(
            Target::External(crate::model::ids::ExternalId::new("isp")),
            CallOutcome::LeftMessage,
            "",
        ),
        call(
            Target::Person(PersonId::new("zed")),
            CallOutcome::WrongNumber,
            "",
        ),
        message(None, "Classes move online.\nMore at noon."),
        message(
            Some(MessageChannel::Sms),
            "A long message that goes on well past sixty characters, to be cut.",
        ),
    ]
}

/// Notes (on the incident, on a step, a correction), warnings,
/// handovers between commanders named in every way, duties with a note
/// or not, closing and reopening.
fn notes_and_command() -> Vec<Event> {
    let note = |text: &str, step, corrects| Event::Note {
        text: text.into(),
        step,
        corrects,
    };
    let correction = crate::model::incident::EntryRef {
        recorded_at: at(1, 20) - chrono::Duration::hours(4),
        device: "laptop-a".into(),
    };
    vec![
        note("bridge call open", None, None),
        note("vendor called back", Some(confirm()), None),
        note("it was 01:20", None, Some(Box::new(correction))),
        Event::WarningIssued {
            level: LevelId::new("II"),
            note: "storm".into(),
        },
        Event::WarningLifted {
            level: LevelId::new("II"),
            note: String::new(),
        },
        Event::CommandHandedOver {
            from: Box::new(Commander::Person(PersonId::new("alex"))),
            to: Box::new(Commander::Role(RoleId::new("commander"))),
            note: String::new(),
        },
        Event::CommandHandedOver {
            from: Box::new(Commander::Named("Bob".into())),
            to: Box::new(Commander::Person(PersonId::new("zed"))),
            note: "CDN switched; vendor owes a root cause".into(),
        },
        Event::DutyDone {
            duty: ItemId::new("cac-report"),
            note: "ref 42".into(),
        },
        Event::DutyDone {
            duty: ItemId::new("cac-report"),
            note: String::new(),
        },
        Event::Closed {
            summary: "restored".into(),
        },
        Event::Reopened {
            reason: "it failed again".into(),
        },
        Event::ScenarioNamed {
            drill: ItemId::new("drill-login"),
        },
        Event::ScenarioNamed {
            drill: ItemId::new("drill-gone"),
        },
        Event::Undone {
            undoes: crate::model::incident::EntryRef {
                recorded_at: at(5, 58),
                device: "laptop-1".into(),
            },
        },
        Event::ActionItemAdded {
            text: "Update the ISP's number".into(),
            owner: Box::new(crate::model::incident::Owner::Person(PersonId::new("zed"))),
            due: None,
            after_close: true,
        },
        Event::ActionItemDone {
            item: Box::new(crate::model::incident::EntryRef {
                recorded_at: at(5, 58),
                device: "laptop-1".into(),
            }),
            number: 0,
            note: String::new(),
            after_close: false,
        },
        Event::ActionItemDropped {
            item: Box::new(crate::model::incident::EntryRef {
                recorded_at: at(5, 58),
                device: "laptop-1".into(),
            }),
            number: 3,
            reason: "the vendor left".into(),
            after_close: true,
        },
        Event::ReviewRecorded {
            field: crate::model::incident::ReviewField::Factors,
            text: "one person on call".into(),
            after_close: true,
        },
        Event::ClockAcknowledged {
            clock: Box::new(crate::model::incident::ClockKind::StatusUpdate),
            due: at(6, 0),
            stage: crate::model::incident::Stage::Amber,
            snooze_minutes: None,
        },
        Event::ClockAcknowledged {
            clock: Box::new(crate::model::incident::ClockKind::Duty(ItemId::new(
                "cac-report",
            ))),
            due: at(6, 0),
            stage: crate::model::incident::Stage::Red,
            snooze_minutes: Some(10),
        },
    ]
}
