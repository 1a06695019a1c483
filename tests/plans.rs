//! The plans that ship with the app: every one is valid and round-trips.

use std::path::{Path, PathBuf};

use runbook::model::plan;

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

#[test]
fn every_shipped_plan_is_valid_without_warnings() {
    for path in shipped_plans() {
        let bytes = std::fs::read(&path).unwrap();
        match plan::parse(&bytes) {
            Ok(checked) => assert!(
                checked.warnings.is_empty(),
                "{}: {:#?}",
                path.display(),
                checked.warnings
            ),
            Err(errors) => panic!("{}: {errors:#?}", path.display()),
        }
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
