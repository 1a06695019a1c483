//! `runbook check` as a plan author runs it: output and exit codes.

use std::process::Command;

/// Runs the real binary in the crate's folder, in an English locale: exit
/// code, stdout, stderr.
pub(crate) fn runbook(args: &[&str]) -> (i32, String, String) {
    runbook_in_locale("en_US.UTF-8", args)
}

/// Runs the real binary in the crate's folder with `LANG` set (and the
/// variables that would override it unset), as a user of that locale does.
pub(crate) fn runbook_in_locale(lang: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("RUNBOOK_LANG")
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

/// The whole report for a good and a broken plan, in each language the
/// locale asks for: the words change, the `file:line:col:` and the caret
/// that editors and eyes jump to do not.
#[test]
fn check_speaks_the_locales_language() {
    let args = [
        "check",
        "plans/minimal.ron",
        "tests/data/broken/unknown-role.ron",
    ];
    let excerpt = format!(
        "   |\n62 |             (id: \"fix\", text: \"Fix the fault.\", phase: Some(\"recover\"), role: \"dba\", kind: Action),\n   | {}^^^^^\n",
        " ".repeat(78)
    );
    let (code, out, _) = runbook_in_locale("en_US.UTF-8", &args);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        format!(
            "plans/minimal.ron: OK: 1 units, 1 roles, 2 people, 1 fault classes, 1 procedures, 2 steps, 0 templates\n\
             tests/data/broken/unknown-role.ron: 1 error, 0 warnings\n\
             tests/data/broken/unknown-role.ron:62:79: error: procedures[other].steps[fix].role: no role \"dba\" (known: \"commander\")\n\
             {excerpt}"
        )
    );
    let (code, out, _) = runbook_in_locale("zh_CN.UTF-8", &args);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        format!(
            "plans/minimal.ron: 通过：1 个单位，1 个岗位，2 人，1 类故障，1 个处置流程，2 个步骤，0 个通知模板\n\
             tests/data/broken/unknown-role.ron: 1 个错误，0 条警告\n\
             tests/data/broken/unknown-role.ron:62:79: 错误: procedures[other].steps[fix].role: 找不到岗位 \"dba\"（已有：\"commander\"）\n\
             {excerpt}"
        )
    );
    // Warnings, in Chinese.
    let (code, out, _) = runbook_in_locale(
        "zh_CN.UTF-8",
        &["check", "tests/data/warnings/role-without-deputy.ron"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("tests/data/warnings/role-without-deputy.ron: 通过，有 1 条警告："),
        "{out}"
    );
    assert!(
        out.contains(
            "role-without-deputy.ron:17:9: 警告: roles[commander].deputies: 岗位 \"commander\" 没有替补"
        ),
        "{out}"
    );
}

#[test]
fn other_commands_print_a_broken_plan_in_the_locales_language() {
    let (code, out, err) = runbook_in_locale(
        "zh_CN.UTF-8",
        &["show", "org", "tests/data/broken/unknown-role.ron"],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("unknown-role.ron:62:79: 错误: procedures[other].steps[fix].role: 找不到岗位"),
        "{out}"
    );
}

#[test]
fn warnings_fail_only_with_strict() {
    let fixture = "tests/data/warnings/role-without-deputy.ron";
    let (code, out, _) = runbook(&["check", fixture]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("OK with 1 warning"), "{out}");
    let (code, out, _) = runbook(&["check", "--strict", fixture]);
    assert_eq!(code, 1);
    // Never "OK" beside a failing exit code.
    assert!(!out.contains("OK"), "{out}");
    assert!(
        out.starts_with(
            "tests/data/warnings/role-without-deputy.ron: failed: 1 warning, which --strict treats as errors\n"
        ),
        "{out}"
    );
    assert!(out.contains("warning: roles[commander].deputies"), "{out}");
}

/// The number of levels is the plan's own: a university's three levels
/// pass `--strict`, unless the plan says it follows the national
/// four-level scheme.
#[test]
fn a_plan_with_its_own_three_levels_passes_strict() {
    let (code, out, _) = runbook(&["check", "--strict", "tests/data/order/university.ron"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(": OK: 4 units, 13 roles"), "{out}");
    let national = "tests/data/warnings/national-scheme-with-three-levels.ron";
    let (code, out, _) = runbook(&["check", "--strict", national]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("national four-level scheme"), "{out}");
}

/// A note is for the author's information: the plan passes `--strict`.
#[test]
fn a_note_never_fails_strict() {
    let fixture = "tests/data/warnings/owner-reached-without-slack.ron";
    let (code, out, _) = runbook(&["check", "--strict", fixture]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("OK with 1 note:"), "{out}");
    assert!(
        out.contains(": note: procedures[other].steps[fix]"),
        "{out}"
    );
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

#[test]
fn options_appear_only_where_they_mean_something() {
    let (code, help, _) = runbook(&["check", "--help"]);
    assert_eq!(code, 0);
    for incident_option in ["--data-dir", "--operator", "--device"] {
        assert!(!help.contains(incident_option), "{help}");
    }
    let (_, help, _) = runbook(&["show", "contacts", "--help"]);
    assert!(!help.contains("--device"), "{help}");
    let (_, help, _) = runbook(&["incident", "note", "--help"]);
    assert!(
        help.contains("--device") && help.contains("--data-dir"),
        "{help}"
    );
    // The papers find incidents where they are kept; nobody records there.
    let (_, help, _) = runbook(&["report", "--help"]);
    assert!(help.contains("--data-dir"), "{help}");
    assert!(
        !help.contains("--operator") && !help.contains("--device"),
        "{help}"
    );
    let (code, version, _) = runbook(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(
        version.trim(),
        format!(
            "runbook {} (plan format {})",
            env!("CARGO_PKG_VERSION"),
            runbook::model::plan::doc::FORMAT_VERSION
        )
    );
}

#[test]
fn completions_and_manual_pages_come_from_the_commands() {
    let (code, bash, _) = runbook(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(
        bash.contains("runbook") && bash.contains("incident"),
        "{bash:.300}"
    );
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = runbook(&["manual", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(dir.path().join("runbook-incident-note.1")).unwrap();
    assert!(
        page.contains(".TH") && page.contains("before\\-discovery"),
        "{page:.400}"
    );
    assert!(dir.path().join("runbook.1").is_file());
}

/// The README's incident walk-through, run as written by a new user with
/// the command installed (only the clock is fixed, so that its bare times
/// mean the same evening whenever the test runs).
#[test]
fn the_readmes_incident_commands_work_as_written() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("## Run an incident from the command line")
        .nth(1)
        .unwrap();
    let block = section
        .split("```sh")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let commands: Vec<String> = block
        .replace("\\\n", " ")
        .lines()
        .map(|l| {
            l.split("  #")
                .next()
                .unwrap()
                .split("   #")
                .next()
                .unwrap()
                .trim()
                .to_owned()
        })
        .filter(|l| !l.is_empty())
        .collect();
    assert!(commands.len() >= 10, "{commands:?}");
    let home_files = |home: &std::path::Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(home)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".html") || n.ends_with(".md"))
            .collect();
        names.sort();
        names
    };
    let home = tempfile::tempdir().unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_runbook"))
        .parent()
        .unwrap()
        .to_owned();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for line in &commands {
        // A command's own standard input stands in for `journalctl`.
        let line = line.replace(
            "journalctl -u cdn-edge --since 21:00",
            "printf 'edge 1\\nedge 2\\n'",
        );
        let line = line
            .replace(
                "runbook incident ",
                "runbook incident --now 2026-11-29T23:00:00+08:00 ",
            )
            .replace(
                "runbook report ",
                "runbook report --now 2026-11-29T23:00:00+08:00 ",
            );
        // In a folder of its own: the papers are written to the current one.
        let out = Command::new("bash")
            .args(["-c", &line])
            .current_dir(home.path())
            .env("PATH", &path)
            .env("HOME", home.path())
            .env_remove("XDG_DATA_HOME")
            .env_remove("RUNBOOK_DATA_DIR")
            .env("TZ", "Asia/Shanghai")
            .env("RUNBOOK_DEVICE", "cmd-room-1")
            .env("RUNBOOK_OPERATOR", "值班长")
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if line.contains("--briefing --format md --out -") {
            assert!(
                text.contains("Handover briefing: 华东直播卡顿")
                    || text.contains("交接简报：华东直播卡顿"),
                "{line}: {text}"
            );
        }
        if line.contains("--head") {
            // A head written down on another day is not this incident's.
            assert!(text.contains("NOT FOUND"), "{line}: {text}");
        } else {
            assert!(out.status.success(), "{line}: {text}");
        }
    }
    // The regulator draft and the report, where the README says.
    let written = home_files(home.path());
    assert_eq!(written.len(), 2, "{written:?}");
    assert!(
        written
            .iter()
            .any(|n| n.ends_with("-regulator-1-first.html")),
        "{written:?}"
    );
    assert!(
        written.iter().any(|n| n.ends_with("-report.md")),
        "{written:?}"
    );
}

/// The benchmarks' data is real: a generated plan loads with the size asked
/// for and no warnings, and a generated incident is a folder `verify`
/// accepts and `status` replays.
#[test]
fn generated_plans_and_incidents_are_valid() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("p.ron");
    let (code, out, err) = runbook(&[
        "generate",
        "plan",
        "--steps",
        "600",
        "--people",
        "80",
        "--units",
        "30",
        "--classes",
        "7",
        "--out",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, _) = runbook(&["check", "--strict", plan.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("OK: 30 units, 30 roles, 80 people, 7 fault classes, 7 procedures, 600 steps"),
        "{out}"
    );
    let data = dir.path().join("data");
    let (code, folder, err) = runbook(&[
        "generate",
        "incident",
        "--plan",
        plan.to_str().unwrap(),
        "--events",
        "300",
        "--data-dir",
        data.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{folder}{err}");
    let folder = folder.trim();
    let (code, out, _) = runbook(&["verify", folder]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("OK: the whole record checks out: 1 file, 2 writing sessions"),
        "{out}"
    );
    let read = runbook::service::Service::new(runbook::service::Context::from_env(
        runbook::service::context::Overrides {
            data_dir: Some(data.clone()),
            ..Default::default()
        },
    ))
    .read(std::path::Path::new(folder))
    .unwrap();
    assert_eq!(
        read.incident.timeline().len(),
        301,
        "the declaration and 300 events"
    );
}
