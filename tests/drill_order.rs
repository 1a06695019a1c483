//! Drills on revision 2.2 of the bundled plan, worked from the command line
//! the way a duty officer works the checklist: always the next step, as
//! `incident status` names it (issue 29). A network drill pages the call
//! tree before anyone is asked for the detailed assessment; a data-leak
//! drill sends the leak's notices and never an outage notice.

use std::path::{Path, PathBuf};

use runbook::io::incident_dir;
use runbook::model::ids::StepId;
use runbook::model::incident::Event;
use runbook::model::plan::doc::{StepKind, ValueKind};
use runbook::model::plan::{self, Plan};

use super::cli_incident::Run;

fn bundled() -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/online-education-platform.ron");
    plan::parse(&std::fs::read(path).unwrap()).unwrap().plan
}

/// Declares a drill and works it step by step until nothing is left to do
/// (or `stop` is next), answering each decision as `answer` says (no when
/// it does not say). Returns the incident's folder and the steps in the
/// order they were worked.
fn work(
    run: &Run,
    class: &str,
    answers: &[&str],
    answer: &[(&str, bool)],
    stop: Option<&str>,
) -> (PathBuf, Vec<String>) {
    let plan = bundled();
    let mut args = vec![
        "incident", "new", "--class", class, "--title", "drill", "--drill",
    ];
    for a in answers {
        args.extend(["--answer", a]);
    }
    let (code, out) = run.runbook(&args);
    assert_eq!(code, 0, "{out}");
    let folder = PathBuf::from(
        out.lines()
            .find_map(|l| l.strip_prefix("folder: "))
            .unwrap_or_else(|| panic!("{out}")),
    );
    let name = folder.to_str().unwrap().to_owned();
    let mut worked = Vec::new();
    for _ in 0..120 {
        let (code, status) = run.runbook(&["incident", "status", &name]);
        assert_eq!(code, 0, "{status}");
        let Some(next) = status
            .lines()
            .find_map(|l| l.strip_prefix("next step: "))
            .and_then(|l| l.split_whitespace().next())
            .map(str::to_owned)
        else {
            return (folder, worked);
        };
        if stop == Some(next.as_str()) {
            return (folder, worked);
        }
        let step = plan.step(&StepId::new(&next)).unwrap();
        let (code, out) = match &step.kind {
            StepKind::Record { value, choices, .. } => {
                let v = match (choices.first(), value) {
                    (Some(c), _) => c.label.clone(),
                    (None, ValueKind::Count) => "1200".to_owned(),
                    (None, ValueKind::Text) => format!("{next} as the drill plays it"),
                };
                run.runbook(&["incident", "record", &name, &next, &v])
            }
            StepKind::Decision { .. } => {
                let yes = answer
                    .iter()
                    .find(|(s, _)| *s == next)
                    .is_some_and(|(_, y)| *y);
                let a = if yes { "yes" } else { "no" };
                run.runbook(&["incident", "decide", &name, &next, a])
            }
            StepKind::Communicate { template } => {
                let mut args = vec![
                    "incident",
                    "message",
                    &name,
                    "--template",
                    template.as_str(),
                ];
                // The commander here is the operator, who is not in the
                // plan's directory: the internal update's phone is given.
                if template.as_str() == "tpl-internal" {
                    args.extend(["--set", "contact_phone=010-5555-0100"]);
                }
                run.runbook(&args)
            }
            _ => run.runbook(&["incident", "step", &name, &next, "--done"]),
        };
        assert_eq!(code, 0, "{next}: {out}");
        worked.push(next);
    }
    panic!("the drill never ended: {worked:?}");
}

fn position(worked: &[String], step: &str) -> usize {
    worked
        .iter()
        .position(|s| s == step)
        .unwrap_or_else(|| panic!("{step} not worked: {worked:?}"))
}

#[test]
fn a_network_drill_pages_the_call_tree_before_the_detailed_assessment() {
    let run = Run::new();
    // A CDN fault at the class peak, fixed by the standby CDN.
    let (_, worked) = work(
        &run,
        "network",
        &["region-cdn=yes"],
        &[("net-cdn", true)],
        Some("net-schools-count"),
    );
    let paged = position(&worked, "inform-calltree");
    // Before paging, only the duty officer's own steps.
    assert_eq!(
        worked[..paged],
        [
            "assess-confirm",
            "assess-discovery",
            "assess-impact",
            "assess-declare"
        ],
        "{worked:?}"
    );
    for detailed in [
        "assess-students",
        "assess-classes",
        "assess-legal-grade",
        "net-scope",
        "net-changes",
    ] {
        assert!(
            paged < position(&worked, detailed),
            "{detailed}: {worked:?}"
        );
    }
    // The standby CDN's capacity is confirmed before the switch, and the
    // switch comes before the first notices.
    assert!(position(&worked, "net-cdn-vendor") < position(&worked, "net-switch-cdn"));
    assert!(position(&worked, "net-switch-cdn") < position(&worked, "comm-teachers"));
    // Fixed by the CDN: no carrier line switched, no carrier ticket.
    for other in ["net-link", "net-isp", "net-rollback", "net-dns-switch"] {
        assert!(!worked.iter().any(|s| s == other), "{other}: {worked:?}");
    }
}

#[test]
fn a_data_leak_drill_sends_no_outage_notice() {
    let run = Run::new();
    let (folder, worked) = work(
        &run,
        "data-leak",
        &["confirmed=yes"],
        &[("leak-crime", true)],
        None,
    );
    let (entries, _) = incident_dir::read_entries(&folder).unwrap();
    let sent: Vec<String> = entries
        .iter()
        .filter_map(|e| match &e.event {
            Event::MessageSent { template, .. } => template.as_ref().map(|t| t.as_str().to_owned()),
            _ => None,
        })
        .collect();
    // The leak's own messages went out, to the regulator, the people
    // concerned, the schools and the press.
    for leak in [
        "tpl-regulator-pi",
        "tpl-pipl-notice",
        "tpl-schools-leak",
        "tpl-media-leak",
    ] {
        assert!(sent.iter().any(|t| t == leak), "{leak}: {sent:?}");
    }
    // No outage notice, and nothing of the outage's recovery.
    for outage in [
        "tpl-students-parents",
        "tpl-teachers",
        "tpl-schools",
        "tpl-media",
        "tpl-partners",
    ] {
        assert!(!sent.iter().any(|t| t == outage), "{outage}: {sent:?}");
    }
    for step in [
        "comm-teachers",
        "comm-students",
        "recover-verify",
        "recover-makeup",
    ] {
        assert!(!worked.iter().any(|s| s == step), "{step}: {worked:?}");
    }
    // The checklist never offers them either.
    let name = folder.to_str().unwrap();
    let (_, status) = run.runbook(&["incident", "status", name]);
    for step in [
        "comm-teachers",
        "comm-students",
        "recover-verify",
        "recover-makeup",
    ] {
        assert!(!status.contains(step), "{step} in\n{status}");
    }
}

/// Both editions of revision 2.2 pass the strictest check.
#[test]
fn both_editions_of_2_2_pass_check_strict() {
    let run = Run::new();
    for edition in [
        "plans/online-education-platform.ron",
        "plans/online-education-platform.en.ron",
    ] {
        let (code, out) = run.runbook(&["check", "--strict", edition]);
        assert_eq!(code, 0, "{edition}: {out}");
        assert!(!out.contains("warning") && !out.contains("note"), "{out}");
        assert_eq!(bundled_version(edition), "2.2");
    }
}

fn bundled_version(edition: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(edition);
    plan::parse(&std::fs::read(path).unwrap())
        .unwrap()
        .plan
        .doc()
        .meta
        .version
        .clone()
}
