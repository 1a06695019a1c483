//! `runbook diff` as an approver reads it: small hand-made changes to the
//! minimal plan give exactly the expected report, and the bundled plan's
//! revisions (2.0 and 2.1 are kept under `tests/data/revisions/`) match their golden
//! files. Rewrite the golden files with `UPDATE_GOLDEN=1` after a deliberate
//! change, and read the difference before committing it.

use std::path::{Path, PathBuf};

use crate::cli::{runbook, runbook_in_locale};

/// The minimal plan with each `(from, to)` replacement made once.
fn edited(dir: &Path, name: &str, edits: &[(&str, &str)]) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = std::fs::read_to_string(root.join("plans/minimal.ron")).unwrap();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
        text = text.replacen(from, to, 1);
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn diff(old: &Path, new: &Path, md: bool) -> String {
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let mut args = vec!["diff", old, new];
    if md {
        args.extend(["--format", "md"]);
    }
    let (code, out, err) = runbook(&args);
    assert_eq!(code, 0, "{out}{err}");
    out
}

#[test]
fn the_same_plan_has_no_changes() {
    let (code, out, _) = runbook(&["diff", "plans/minimal.ron", "plans/minimal.ron"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Changes to Example platform emergency plan from revision 0.1 to 0.1: no changes\n"
    );
}

#[test]
fn small_changes_read_as_a_change_request() {
    let dir = tempfile::tempdir().unwrap();
    let old = edited(dir.path(), "old.ron", &[]);
    let new = edited(
        dir.path(),
        "new.ron",
        &[
            ("version: \"0.1\"", "version: \"0.2\""),
            // A phone number corrected.
            ("138-0000-0002", "138-0000-0009"),
            // A step reworded, given a deadline and another owner.
            (
                "(id: \"fix\", text: \"Fix the fault.\", phase: Some(\"recover\"), role: \"commander\", kind: Action)",
                "(id: \"fix\", text: \"Fix the fault and watch it for 15 minutes.\", phase: Some(\"recover\"), role: \"commander\", deadline_minutes: Some(60), kind: Action)",
            ),
            // A step added before the first one, which therefore stays put.
            (
                "steps: [\n            (id: \"confirm\"",
                "steps: [\n            (id: \"page\", text: \"Page the deputy.\", role: \"commander\", kind: Action),\n            (id: \"confirm\"",
            ),
            // A call limit changed.
            (
                "(level: \"III\", root: Role(\"commander\"), calls: [(to: Person(\"sam\"), within_minutes: Some(60))])",
                "(level: \"III\", root: Role(\"commander\"), calls: [(to: Person(\"sam\"), within_minutes: Some(45))])",
            ),
        ],
    );
    assert_eq!(
        diff(&old, &new, false),
        "\
Changes to Example platform emergency plan from revision 0.1 to 0.2: 1 added, 4 changed

Plan: 1 changed
  ~ the plan
      version: 0.1 → 0.2

People and phone numbers: 1 changed
  ~ person sam Sam Example
      mobile: 138-0000-0002 → 138-0000-0009

Call trees: 1 changed
  ~ call to person sam at level III (level III, called by role commander)
      within: 60 min → 45 min

Phases and steps: 1 added, 1 changed
  + step page (phase assess, every class)
      text: Page the deputy.
      owner: commander
      applies at: every level
      deadline: none
      kind: action
  ~ step fix (phase recover, class other)
      text: Fix the fault. → Fix the fault and watch it for 15 minutes.
      deadline: none → 60 min after the declaration
"
    );
}

/// The same kind of change in a Chinese locale: the plan's words and ids as
/// written, the labels in Chinese.
#[test]
fn a_diff_reads_in_chinese_in_a_chinese_locale() {
    let dir = tempfile::tempdir().unwrap();
    let old = edited(dir.path(), "old.ron", &[]);
    let new = edited(
        dir.path(),
        "new.ron",
        &[
            ("version: \"0.1\"", "version: \"0.2\""),
            (
                "(id: \"fix\", text: \"Fix the fault.\", phase: Some(\"recover\"), role: \"commander\", kind: Action)",
                "(id: \"fix\", text: \"Fix the fault.\", phase: Some(\"recover\"), role: \"commander\", deadline_minutes: Some(240), kind: Action)",
            ),
            (
                "(level: \"III\", root: Role(\"commander\"), calls: [(to: Person(\"sam\"), within_minutes: Some(60))])",
                "(level: \"III\", root: Role(\"commander\"), calls: [(to: Person(\"sam\"), within_minutes: Some(45))])",
            ),
        ],
    );
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let (code, out, err) = runbook_in_locale("zh_CN.UTF-8", &["diff", old, new]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        "\
Example platform emergency plan：从 0.1 版到 0.2 版的修改：修改 3 项

预案：修改 1 项
  ~ 预案本身
      版本：0.1 → 0.2

呼叫树：修改 1 项
  ~ III 级呼叫人员 sam（III 级，由岗位 commander 呼叫）
      呼叫时限：60 分钟 → 45 分钟

处置阶段与步骤：修改 1 项
  ~ 步骤 fix（阶段 recover，故障分类 other）
      完成时限：无 → 启动响应后 4 小时
"
    );
    let (code, out, err) = runbook_in_locale("zh_CN.UTF-8", &["diff", old, new, "--format", "md"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("\n修改 3 项。\n\n## 预案\n"), "{out}");
    assert!(
        out.contains("- **修改** 步骤 fix（阶段 recover，故障分类 other）\n  - 完成时限：无 → 启动响应后 4 小时\n"),
        "{out}"
    );
}

#[test]
fn a_step_moved_is_reported_as_moved_once() {
    let dir = tempfile::tempdir().unwrap();
    let two = "(id: \"confirm\", text: \"Confirm the fault and declare a level.\", role: \"commander\", kind: Check),";
    let old = edited(
        dir.path(),
        "old.ron",
        &[(
            two,
            &format!(
                "{two}\n            (id: \"call\", text: \"Call the deputy.\", role: \"commander\", kind: Action),\n            (id: \"note\", text: \"Open the log.\", role: \"commander\", kind: Action),"
            ),
        )],
    );
    let new = edited(
        dir.path(),
        "new.ron",
        &[(
            two,
            &format!(
                "(id: \"note\", text: \"Open the log.\", role: \"commander\", kind: Action),\n            {two}\n            (id: \"call\", text: \"Call the deputy.\", role: \"commander\", kind: Action),"
            ),
        )],
    );
    let out = diff(&old, &new, false);
    assert!(
        out.contains(
            "  ~ step note (phase assess, every class)\n      order: after call → first\n"
        ),
        "{out}"
    );
    assert_eq!(out.matches("order:").count(), 1, "{out}");
    // Moving to another phase is a change of place.
    let moved = edited(
        dir.path(),
        "moved.ron",
        &[("phase: Some(\"recover\")", "phase: Some(\"assess\")")],
    );
    let out = diff(&edited(dir.path(), "same.ron", &[]), &moved, false);
    assert!(
        out.contains("      place: phase recover, class other → phase assess, class other\n"),
        "{out}"
    );
}

#[test]
fn markdown_escapes_what_the_plan_says() {
    let dir = tempfile::tempdir().unwrap();
    let old = edited(dir.path(), "old.ron", &[]);
    let new = edited(
        dir.path(),
        "new.ron",
        &[(
            "\"Fix the fault.\"",
            "\"Fix <b>the</b> fault_now | *fast*\"",
        )],
    );
    let out = diff(&old, &new, true);
    assert!(out.starts_with("# Changes to Example platform emergency plan from revision 0.1 to 0.1\n\n1 changed.\n\n## Phases and steps\n"), "{out}");
    assert!(
        out.contains(
            "- **Changed** step fix (phase recover, class other)\n  - text: Fix the fault. → Fix \\<b\\>the\\</b\\> fault\\_now \\| \\*fast\\*\n"
        ),
        "{out}"
    );
}

#[test]
fn a_plan_with_errors_is_not_compared() {
    let (code, out, err) = runbook(&[
        "diff",
        "tests/data/broken/bad-date.ron",
        "plans/minimal.ron",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("tests/data/broken/bad-date.ron:"), "{out}");
    assert!(
        err.contains("cannot be compared: fix its errors first"),
        "{err}"
    );
}

/// The bundled plan's revisions, as the approver of each was given them.
#[test]
fn the_bundled_revisions_match_their_golden_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (old, new, golden) in [
        (
            "tests/data/revisions/2.0.ron",
            "tests/data/revisions/2.1.ron",
            "2.0-2.1",
        ),
        (
            "tests/data/revisions/2.0.en.ron",
            "tests/data/revisions/2.1.en.ron",
            "2.0-2.1.en",
        ),
        (
            "tests/data/revisions/2.1.ron",
            "plans/online-education-platform.ron",
            "2.1-2.2",
        ),
        (
            "tests/data/revisions/2.1.en.ron",
            "plans/online-education-platform.en.ron",
            "2.1-2.2.en",
        ),
    ] {
        for (md, ext) in [(false, "txt"), (true, "md")] {
            let out = diff(&root.join(old), &root.join(new), md);
            let path = root.join("tests/data/diff").join(format!("{golden}.{ext}"));
            if std::env::var_os("UPDATE_GOLDEN").is_some() {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &out).unwrap();
            }
            let want = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()));
            assert!(
                out == want,
                "{} differs; rerun with UPDATE_GOLDEN=1 and read the change",
                path.display()
            );
        }
    }
}

/// A phase added, renamed, and a common step that leaves a class out: the
/// approver reads each, with the phase a step moved into.
#[test]
fn phases_and_the_classes_a_step_is_for_are_compared() {
    let dir = tempfile::tempdir().unwrap();
    let old = edited(dir.path(), "old.ron", &[]);
    let new = edited(
        dir.path(),
        "new.ron",
        &[(
            "(id: \"assess\", name: \"Assess\", steps: [\n            (id: \"confirm\", text: \"Confirm the fault and declare a level.\", role: \"commander\", kind: Check),\n        ]),",
            "(id: \"assess\", name: \"Confirm and declare\"),\n        (id: \"notify\", name: \"First notices\", steps: [\n            (id: \"confirm\", text: \"Confirm the fault and declare a level.\", role: \"commander\", kind: Check, except_classes: [\"other\"]),\n        ]),",
        )],
    );
    let out = diff(&old, &new, false);
    for line in [
        "  ~ phase assess Confirm and declare (phases)\n      name: Assess → Confirm and declare\n",
        "  + phase notify First notices (phases)\n      name: First notices\n",
        "  ~ step confirm (phase notify, every class)\n      place: phase assess, every class → phase notify, every class\n      fault classes left out: other\n",
    ] {
        assert!(out.contains(line), "{line}\nin\n{out}");
    }
}
