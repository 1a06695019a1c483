//! The plans that ship with the app: every one is valid and round-trips.

use std::path::{Path, PathBuf};

use runbook::model::plan::{self, Severity, Severity::Note, Severity::Warning};

fn shipped_plans() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut plans: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    plans.sort();
    assert!(!plans.is_empty());
    plans
}

/// What the checks for order (issue 29) find in revision 2.1 of the bundled
/// plan: each finding's severity, where it is and what kind it is, in this
/// order. Both editions of `tests/data/revisions/2.1.ron` must go on
/// drawing them (`plan_order`); revision 2.2, the shipped plan, draws none.
#[rustfmt::skip]
pub(crate) const FINDINGS_OF_2_1: &[(Severity, &str, &str)] = &[
    (Warning, "phases[assess].steps[assess-students].role", "OwnerNeverCalled"),
    (Warning, "phases[assess].steps[assess-students].role", "BeforePaging"),
    (Warning, "phases[assess].steps[assess-classes].role", "BeforePaging"),
    (Warning, "phases[assess].steps[assess-legal-grade].role", "BeforePaging"),
    (Warning, "phases[communicate].steps[comm-actions].role", "OwnerNeverCalled"),
    (Warning, "phases[communicate].steps[comm-eta].role", "OwnerNeverCalled"),
    (Warning, "phases[communicate].steps[comm-teachers].deadline_minutes", "DeadlineOrder"),
    (Warning, "phases[communicate].steps[comm-teachers].deadline_minutes", "DeadlineOrder"),
    (Warning, "phases[communicate].steps[comm-teachers].deadline_minutes", "DeadlineOrder"),
    (Warning, "phases[communicate].steps[comm-teachers].deadline_minutes", "DeadlineOrder"),
    (Warning, "phases[communicate].steps[comm-teachers].deadline_minutes", "DeadlineOrder"),
    (Warning, "phases[communicate].steps[comm-students].deadline_minutes", "DeadlineOrder"),
    (Warning, "phases[communicate].steps[comm-students].deadline_minutes", "DeadlineOrder"),
    (Warning, "phases[communicate].steps[comm-students].kind.template", "SharedStepMisfit"),
    (Warning, "procedures[software].steps[sw-changes].role", "BeforePaging"),
    (Warning, "procedures[software].steps[sw-throttle].deadline_minutes", "DeadlineOrder"),
    (Warning, "procedures[software].steps[sw-exam].role", "OwnerNeverCalled"),
    (Warning, "procedures[hardware].steps[hw-locate].role", "BeforePaging"),
    (Warning, "procedures[hardware].steps[hw-fire].role", "OwnerNeverCalled"),
    (Warning, "procedures[hardware].steps[hw-vendor].role", "OwnerNeverCalled"),
    (Warning, "procedures[hardware].steps[hw-inventory].role", "OwnerNeverCalled"),
    (Warning, "procedures[network].steps[net-scope].role", "BeforePaging"),
    (Warning, "procedures[network].steps[net-changes].role", "BeforePaging"),
    (Warning, "procedures[data-loss].steps[dl-scope].role", "BeforePaging"),
    (Warning, "procedures[data-loss].steps[dl-types].role", "BeforePaging"),
    (Warning, "procedures[data-loss].steps[dl-cause].role", "BeforePaging"),
    (Warning, "procedures[data-loss].steps[dl-resubmit].deadline_minutes", "DeadlineOrder"),
    (Warning, "procedures[data-leak].steps[leak-verify].role", "BeforePaging"),
    (Warning, "procedures[data-leak].steps[leak-records].role", "BeforePaging"),
    (Warning, "procedures[data-leak].steps[leak-types].role", "BeforePaging"),
    (Warning, "procedures[data-leak].steps[leak-cause].role", "BeforePaging"),
    (Warning, "procedures[data-leak].steps[leak-harm].role", "BeforePaging"),
    (Warning, "procedures[data-leak].steps[leak-schools].role", "BeforePaging"),
    (Warning, "procedures[data-leak].steps[leak-schools-notice].kind", "PlaceholderUnfilledAt"),
    (Warning, "procedures[data-leak].steps[leak-hotline].role", "OwnerNeverCalled"),
    (Warning, "procedures[data-leak].steps[leak-watch].role", "OwnerNeverCalled"),
    (Warning, "procedures[attack].steps[atk-type].role", "BeforePaging"),
    (Warning, "procedures[malware].steps[mal-identify].role", "BeforePaging"),
    (Warning, "procedures[malware].steps[mal-staff].role", "OwnerNeverCalled"),
    (Warning, "procedures[other].steps[oth-payment].role", "OwnerNeverCalled"),
    (Warning, "procedures[other].steps[oth-remove].deadline_minutes", "DeadlineOrder"),
    (Note, "procedures[other].steps[oth-remove].deadline_minutes", "NoSlack"),
];

/// A finding as [`FINDINGS_OF_2_1`] lists it: severity, path, the kind's name.
pub(crate) fn finding(d: &plan::Diagnostic) -> (Severity, String, String) {
    let kind = format!("{:?}", d.kind);
    let name = kind
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    (d.severity, d.path.to_string(), name)
}

/// The findings of a plan that loads, as [`FINDINGS_OF_2_1`] lists them.
pub(crate) fn findings(path: &Path) -> Vec<(Severity, String, String)> {
    match plan::parse(&std::fs::read(path).unwrap()) {
        Ok(checked) => checked.warnings.iter().map(finding).collect(),
        Err(errors) => panic!("{}: {errors:#?}", path.display()),
    }
}

#[test]
fn every_shipped_plan_is_valid_without_warnings() {
    for path in shipped_plans() {
        // Revision 2.2 of the bundled plan put right every fault of order
        // the checks of issue 29 find in 2.1 (kept as a fixture).
        let found = findings(&path);
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
    }
}

#[test]
fn every_shipped_plan_round_trips() {
    for path in shipped_plans() {
        let first = plan::parse(&std::fs::read(&path).unwrap()).unwrap().plan;
        let written = first.to_ron().unwrap();
        let second = plan::parse(written.as_bytes())
            .unwrap_or_else(|e| {
                panic!("{}: the written plan does not load: {e:#?}", path.display())
            })
            .plan;
        assert!(
            first == second,
            "{}: the plan changed on the way",
            path.display()
        );
    }
}
