//! The checks for order (issue 29): each on a small plan that has the
//! fault and on one that does not, and the bundled plan's revision 2.1,
//! kept as a fixture, drawing each of them.

use std::path::Path;

use runbook::i18n::Lang;
use runbook::model::ids::{ClassId, LevelId, RoleId, StepId, TemplateId};
use runbook::model::plan::doc::Target;
use runbook::model::plan::kind::{DiagnosticKind as K, Responses};
use runbook::model::plan::{self, Severity};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(rel: &str) -> plan::Checked {
    let bytes = std::fs::read(root().join(rel)).unwrap();
    match plan::parse(&bytes) {
        Ok(checked) => checked,
        Err(e) => panic!("{rel}: {e:#?}"),
    }
}

/// Revision 2.1 of both editions is kept beside 2.0, so that the checks can
/// be shown firing on it after the bundled plan moves on.
#[test]
fn revision_2_1_is_kept_in_both_editions() {
    for rel in [
        "tests/data/revisions/2.1.ron",
        "tests/data/revisions/2.1.en.ron",
    ] {
        assert_eq!(load(rel).plan.doc().meta.version, "2.1", "{rel}");
    }
}

/// The warnings (and notes) of a plan text, as kinds.
fn kinds(text: &str) -> Vec<K> {
    match plan::parse(text.as_bytes()) {
        Ok(checked) => checked.warnings.into_iter().map(|d| d.kind).collect(),
        Err(e) => panic!("{e:#?}"),
    }
}

/// A fixture with its edits made, each edit found exactly once.
fn edited(rel: &str, edits: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(root().join(rel)).unwrap();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{rel}: {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

/// Each fixture of `tests/data/warnings/` that shows one check for order
/// (`plan_format` asserts the finding and where it points), put right the
/// way its message says: nothing is left.
#[test]
fn each_order_fixture_put_right_has_nothing_left() {
    let fixes: [(&str, &[(&str, &str)]); 6] = [
        // Leave the data-leak response out of the shared outage notice.
        (
            "shared-step-misfit",
            &[(
                "kind: Communicate(template: \"tpl-outage\")),",
                "kind: Communicate(template: \"tpl-outage\"), except_classes: [\"leak\"]),",
            )],
        ),
        // Move the step due earlier before the one due later.
        (
            "deadline-out-of-order",
            &[
                (
                    "deadline_minutes: Some(30), kind: Action),\n            (id: \"maintenance-page\"",
                    "deadline_minutes: Some(30), kind: Action),\n            (id: \"maintenance-page-later\"",
                ),
                (
                    "deadline_minutes: Some(25), kind: Action)",
                    "deadline_minutes: Some(45), kind: Action)",
                ),
            ],
        ),
        // Page first, then ask.
        (
            "step-before-paging",
            &[(
                "            (id: \"scope\", text: \"Find out what is down.\", role: \"oncall\", kind: Check),\n            (id: \"page\", text: \"Start the call tree.\", role: \"commander\", kind: Inform(CallTree)),\n",
                "            (id: \"page\", text: \"Start the call tree.\", role: \"commander\", kind: Inform(CallTree)),\n            (id: \"scope\", text: \"Find out what is down.\", role: \"oncall\", kind: Check),\n",
            )],
        ),
        // Give the step to a role that is called.
        (
            "owner-never-called",
            &[(
                "role: \"facilities\", kind: Check",
                "role: \"oncall\", kind: Check",
            )],
        ),
        // Send it only where a status update is due.
        (
            "next-update-without-cadence",
            &[(
                "role: \"commander\", kind: Communicate(",
                "role: \"commander\", min_level: Some(\"III\"), kind: Communicate(",
            )],
        ),
        // Leave a minute to spare.
        (
            "owner-reached-without-slack",
            &[("deadline_minutes: Some(20)", "deadline_minutes: Some(25)")],
        ),
    ];
    for (name, edits) in fixes {
        let rel = format!("tests/data/warnings/{name}.ron");
        assert_eq!(kinds(&edited(&rel, &[])).len(), 1, "{name}");
        assert_eq!(kinds(&edited(&rel, edits)), Vec::<K>::new(), "{name}");
    }
}

/// An owner reached at the deadline itself is a note, not a warning: the
/// plan can be carried out, with no minute to spare.
#[test]
fn no_slack_is_a_note() {
    let checked = load("tests/data/warnings/owner-reached-without-slack.ron");
    assert_eq!(checked.warnings[0].severity, Severity::Note);
}

/// Revision 2.1 of both editions draws each fault of order that issue 29
/// found in it, and the two editions draw the same ones.
#[test]
fn revision_2_1_draws_each_fault_of_order() {
    let en = crate::plans::findings(&root().join("tests/data/revisions/2.1.en.ron"));
    let zh = crate::plans::findings(&root().join("tests/data/revisions/2.1.ron"));
    let listed: Vec<(Severity, String, String)> = crate::plans::FINDINGS_OF_2_1
        .iter()
        .map(|&(severity, path, kind)| (severity, path.to_owned(), kind.to_owned()))
        .collect();
    assert_eq!(en, listed);
    assert_eq!(zh, listed);
    // The faults as the issue names them, with their data.
    let found = load("tests/data/revisions/2.1.en.ron").warnings;
    let has = |kind: K| {
        assert!(
            found.iter().any(|d| d.kind == kind),
            "{kind:#?} in {found:#?}"
        );
    };
    let levels = |ids: &[&str]| ids.iter().map(|&l| LevelId::new(l)).collect::<Vec<_>>();
    let steps = |ids: &[&str]| ids.iter().map(|&s| StepId::new(s)).collect::<Vec<_>>();
    let class = |c: &str| Responses::Of(vec![ClassId::new(c)]);
    // Paging comes late: the network checklist asks before anyone is paged.
    for (step, role, responses) in [
        ("net-scope", "net-oncall", class("network")),
        ("net-changes", "net-oncall", class("network")),
        ("assess-students", "scribe", Responses::Every),
        ("assess-legal-grade", "security-lead", Responses::Every),
    ] {
        has(K::BeforePaging {
            step: StepId::new(step),
            role: RoleId::new(role),
            paging: StepId::new("inform-calltree"),
            on_duty: vec![Target::Role(RoleId::new("duty-officer"))],
            responses,
        });
    }
    // A shorter deadline after a longer one on the same path.
    has(K::DeadlineOrder {
        step: StepId::new("sw-throttle"),
        deadline: 15,
        after: vec![(StepId::new("sw-rollback"), 30)],
        responses: class("software"),
    });
    // Owners never called.
    has(K::OwnerNeverCalled {
        role: RoleId::new("facilities-keeper"),
        steps: steps(&["hw-fire", "hw-evacuate", "hw-power", "hw-ups", "hw-spare"]),
        levels: levels(&["II", "III", "IV"]),
    });
    has(K::OwnerNeverCalled {
        role: RoleId::new("logistics-lead"),
        steps: steps(&["hw-inventory", "oth-force", "oth-remote"]),
        levels: levels(&["II", "III", "IV"]),
    });
    has(K::OwnerNeverCalled {
        role: RoleId::new("office-director"),
        steps: steps(&[
            "comm-actions",
            "dl-pi-report",
            "leak-report",
            "atk-report",
            "mal-report",
            "oth-staff",
            "oth-review",
        ]),
        levels: levels(&["IV"]),
    });
    has(K::OwnerNeverCalled {
        role: RoleId::new("tech-lead"),
        steps: steps(&["comm-eta", "recover-verify", "oth-surge", "oth-scale"]),
        levels: levels(&["IV"]),
    });
    // A placeholder with nothing to fill it at one level.
    has(K::PlaceholderUnfilledAt {
        step: StepId::new("leak-schools-notice"),
        template: TemplateId::new("tpl-schools-leak"),
        name: "next_update".to_owned(),
        levels: levels(&["IV"]),
    });
    // A leak gets outage notices: the shared notice to students and
    // parents goes out beside the leak's own.
    has(K::SharedStepMisfit {
        step: StepId::new("comm-students"),
        template: TemplateId::new("tpl-students-parents"),
        audience: plan::doc::Audience::StudentsParents,
        own: vec![
            (
                ClassId::new("data-loss"),
                StepId::new("dl-pi-notice"),
                TemplateId::new("tpl-pipl-notice"),
            ),
            (
                ClassId::new("data-leak"),
                StepId::new("leak-notice"),
                TemplateId::new("tpl-pipl-notice"),
            ),
        ],
    });
    // No slack.
    has(K::NoSlack {
        step: StepId::new("oth-remove"),
        deadline: 5,
        role: RoleId::new("live-oncall"),
        levels: levels(&["I", "II", "III", "IV"]),
    });
}

/// One check for order as a plan author reads it, in each language.
#[test]
fn an_order_warning_reads_in_chinese_and_english() {
    let checked = load("tests/data/warnings/step-before-paging.ron");
    let headline = |lang: Lang| checked.warnings[0].headline("p.ron", lang.tr().plan);
    assert_eq!(
        headline(Lang::En),
        "p.ron:52:65: warning: phases[assess].steps[scope].role: step \"scope\" comes before \
         \"page\", which starts the call tree, in the response to \"other\", but its owner, role \
         \"oncall\", is not on duty at the declaration (only role \"commander\", who starts the \
         calls, is): nobody who owns it has been paged yet; move it after \"page\", or give it \
         to a role the duty officer holds"
    );
    assert_eq!(
        headline(Lang::Zh),
        "p.ron:52:65: 警告: phases[assess].steps[scope].role: 在 \"other\" 的响应中，步骤 \"scope\" \
         排在启动呼叫树的步骤 \"page\" 之前，但负责它的岗位 \"oncall\" 在启动响应时并不在岗：\
         此时在岗的只有发起呼叫的岗位 \"commander\"，负责这一步的人还没有被呼叫：请把它移到 \
         \"page\" 之后，或交给值班人员本人担任的岗位"
    );
    let note = load("tests/data/warnings/owner-reached-without-slack.ron");
    assert!(
        note.warnings[0]
            .headline("p.ron", Lang::Zh.tr().plan)
            .starts_with(
                "p.ron:62:131: 提示: procedures[other].steps[fix].deadline_minutes: 步骤 \"fix\""
            ),
    );
}

/// The university plan, as its author would have it with no fault of order.
const UNIVERSITY: &str = "tests/data/order/university.ron";

/// The text of a plan below its opening comments, which say what a fixture
/// is for.
fn body(text: &str) -> &str {
    text.find("Plan(").map_or(text, |i| &text[i..])
}

/// The faults the author of a three-level university plan met, each one
/// edit away from the plan without them: the fixture with the fault is
/// the plan with that edit, and `plan_format` asserts what it draws and
/// where. The plan without them draws nothing, and passes `--strict`
/// with its three levels.
#[test]
fn the_university_plans_faults_are_each_one_edit_away() {
    assert_eq!(kinds(&edited(UNIVERSITY, &[])), Vec::<K>::new());
    let record = "            (id: \"leak-records\", text: \"Estimate how many people are involved (0 while none is known).\", phase: \"assess\", role: \"dpo\", kind: Record(key: \"records\", label: \"People involved\", value: Count)),\n";
    let decision = "yes: \"leak-types\", no: \"leak-watch\")),\n";
    let on_yes = format!("yes: \"leak-records\", no: \"leak-watch\")),\n{record}");
    let faults: [(&str, Vec<(&str, &str)>); 5] = [
        // The "no" branch of a decision in the assessment jumps into the
        // containment and skips the report to the CSIRT.
        (
            "branch-skips-phase",
            vec![("no: \"leak-watch\"))", "no: \"leak-stop\"))")],
        ),
        // The number of people is recorded on the "yes" branch only, and the
        // notice that needs it is sent on both.
        (
            "recorded-on-one-branch",
            vec![(record, ""), (decision, &on_yes)],
        ),
        // The commander, called at 15 minutes, is to call comms at 10.
        (
            "call-before-caller",
            vec![(
                "(to: Role(\"comms\"), within_minutes: 20)",
                "(to: Role(\"comms\"), within_minutes: 10)",
            )],
        ),
        // Nobody calls the scribe at level III: the duty officer, the
        // scribe's deputy, is all that reaches the role.
        (
            "reached-through-root",
            vec![(
                "                (to: Role(\"scribe\"), within_minutes: 30),\n",
                "",
            )],
        ),
        // The plan says it follows the national four-level scheme.
        (
            "national-scheme-with-three-levels",
            vec![(
                "    levels: [\n",
                "    level_scheme: National,\n    levels: [\n",
            )],
        ),
    ];
    for (name, edits) in faults {
        let fixture =
            std::fs::read_to_string(root().join(format!("tests/data/warnings/{name}.ron")))
                .unwrap();
        let text = edited(UNIVERSITY, &edits);
        assert!(
            body(&text) == body(&fixture),
            "{name}: not the plan with its fault"
        );
        assert_eq!(kinds(&text).len(), 1, "{name}");
    }
}

/// A common step that leaves a class out is not in that class's response
/// (its checklist, its paths), and is in every other; the check then has
/// nothing to say, in either language.
#[test]
fn a_common_step_left_out_of_a_class_is_not_in_its_response() {
    let rel = "tests/data/warnings/shared-step-misfit.ron";
    let checked = load(rel);
    let headline = |lang: Lang| checked.warnings[0].headline("p.ron", lang.tr().plan);
    assert_eq!(
        headline(Lang::En),
        "p.ron:63:151: warning: phases[communicate].steps[notice].kind.template: common step \
         \"notice\" names no classes, so every response sends template \"tpl-outage\" to \
         students and parents, while class \"leak\" sends \"tpl-leak\" by its step \
         \"leak-notice\" to them as well: the shared message's words and promises may not fit \
         those responses; name the classes the step is for (`classes`) or leave some out \
         (`except_classes`)"
    );
    assert!(
        headline(Lang::Zh).contains("警告"),
        "{}",
        headline(Lang::Zh)
    );
    let fixed = edited(
        rel,
        &[(
            "kind: Communicate(template: \"tpl-outage\")),",
            "kind: Communicate(template: \"tpl-outage\"), except_classes: [\"leak\"]),",
        )],
    );
    let plan = plan::parse(fixed.as_bytes()).unwrap().plan;
    let ids = |class: &str| -> Vec<String> {
        plan.flow(&ClassId::new(class))
            .iter()
            .map(|fs| fs.step.id.as_str().to_owned())
            .collect()
    };
    assert_eq!(ids("outage"), ["impact", "fix", "notice", "review"]);
    assert_eq!(ids("leak"), ["impact", "stop", "leak-notice", "review"]);
    // Naming the classes the step is for says the same.
    let named = edited(
        rel,
        &[(
            "kind: Communicate(template: \"tpl-outage\")),",
            "kind: Communicate(template: \"tpl-outage\"), classes: [\"outage\"]),",
        )],
    );
    assert_eq!(kinds(&named), Vec::<K>::new());
}
