//! `runbook check` as a plan author runs it: output and exit codes.

use std::process::Command;

/// Runs the real binary in the crate's folder: exit code, stdout, stderr.
pub(crate) fn runbook(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_valid_plan_gets_ok_and_its_summary() {
    let (code, out, _) = runbook(&["check", "plans/minimal.ron"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "plans/minimal.ron: OK: 1 units, 1 roles, 2 people, 1 fault classes, 1 procedures, 2 steps, 0 templates\n"
    );
}

#[test]
fn a_broken_plan_shows_file_line_column_source_and_caret() {
    let (code, out, _) = runbook(&[
        "check",
        "plans/minimal.ron",
        "tests/data/broken/unknown-role.ron",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("plans/minimal.ron: OK"), "{out}");
    assert!(
        out.contains("tests/data/broken/unknown-role.ron: 1 error, 0 warnings"),
        "{out}"
    );
    let expected = "tests/data/broken/unknown-role.ron:62:79: error: procedures[other].steps[fix].role: \
                    no role \"dba\" (known: \"commander\")\n   |\n62 |";
    assert!(out.contains(expected), "{out}");
    let caret_line = out.lines().find(|l| l.contains('^')).unwrap();
    assert_eq!(caret_line.find('^'), Some(5 + 78), "{out}");
    assert!(caret_line.ends_with("^^^^^"), "{out}");
}

#[test]
fn warnings_fail_only_with_strict() {
    let fixture = "tests/data/warnings/role-without-deputy.ron";
    let (code, out, _) = runbook(&["check", fixture]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("OK with 1 warning"), "{out}");
    let (code, _, _) = runbook(&["check", "--strict", fixture]);
    assert_eq!(code, 1);
}

#[test]
fn usage_errors_exit_2_and_help_explains() {
    let (code, _, err) = runbook(&["check"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = runbook(&["frobnicate"]);
    assert_eq!(code, 2, "{err}");
    let (code, out, _) = runbook(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("--strict") && out.contains("Exits 0 when every plan is valid"),
        "{out}"
    );
}
