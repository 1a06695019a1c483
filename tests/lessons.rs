//! Lessons and numbers across incidents (issue 25): a scripted pair of
//! drills of the bundled plan — `net-switch-cdn` done late, a call nobody
//! answered, the parents' notice rewritten before it went out — read back
//! by `runbook lessons`, each proposal with its evidence.

use crate::cli_incident::Run;

const PLAN: &str = "plans/online-education-platform.ron";

/// One drill of the CDN failover, declared on `day` at 01:00 UTC: a call not answered at +3 min, the parents' notice sent at +20
/// min with one sentence rewritten, `net-switch-cdn` done at +`done`
/// min (its deadline is 15), closed at +60 min. Returns its folder name.
pub fn drill(run: &Run, day: u32, done: u32) -> String {
    respond(run, day, done, true)
}

/// The same response, as a drill or as a real incident; the commander is
/// reached at +`done` / 5 min, the parents told at +20.
fn respond(run: &Run, day: u32, done: u32, is_drill: bool) -> String {
    let at = |min: u32| format!("2026-12-{day:02}T{:02}:{:02}:00Z", 1 + min / 60, min % 60);
    let title = format!("CDN {day}");
    let mut new = vec![
        "incident", "new", "--plan", PLAN, "--class", "network", "--level", "II", "--title", &title,
    ];
    if is_drill {
        new.extend(["--drill", "--scenario", "drill-cdn-failover"]);
    }
    let start = at(0);
    new.extend(["--now", &start]);
    let out = run.ok(&new);
    let folder = out
        .lines()
        .find_map(|l| l.strip_prefix("folder: "))
        .unwrap()
        .to_owned();
    let name = std::path::Path::new(&folder)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    run.ok(&[
        "incident",
        "call",
        &folder,
        "xie-ting",
        "--outcome",
        "no-answer",
        "--now",
        &at(3),
    ]);
    run.ok(&[
        "incident",
        "call",
        &folder,
        "role:commander",
        "--outcome",
        "reached",
        "--now",
        &at(done / 5),
    ]);
    let draft = run.ok(&[
        "incident",
        "message",
        &folder,
        "--template",
        "tpl-students-parents",
        "--set",
        "impact=直播卡顿",
        "--set",
        "actions=切换备用CDN",
        "--set",
        "eta=10:00",
        "--dry-run",
        "--now",
        &at(20),
    ]);
    let text: Vec<&str> = draft
        .lines()
        .skip_while(|l| !l.starts_with("--- message text"))
        .skip(1)
        .take_while(|l| !l.starts_with("---"))
        .collect();
    let text = text.join("\n");
    assert!(text.contains("期间请不要反复刷新或重复登录。"), "{draft}");
    let edited = text.replace("期间请不要反复刷新或重复登录。", "请耐心等待。");
    run.ok(&[
        "incident",
        "message",
        &folder,
        "--template",
        "tpl-students-parents",
        "--text",
        &edited,
        "--now",
        &at(20),
    ]);
    run.ok(&[
        "incident",
        "step",
        &folder,
        "net-switch-cdn",
        "--done",
        "--now",
        &at(done),
    ]);
    run.ok(&[
        "incident",
        "close",
        &folder,
        "--summary",
        "switched to the backup CDN",
        "--yes",
        "--now",
        &at(60),
    ]);
    name
}

/// The proposal that contains `what`, and its evidence lines.
fn proposal<'a>(out: &'a str, what: &str) -> (&'a str, Vec<&'a str>) {
    let mut lines = out.lines().skip_while(|l| !l.contains(what));
    let head = lines
        .next()
        .unwrap_or_else(|| panic!("no {what:?} in\n{out}"));
    let evidence = lines
        .take_while(|l| l.trim_start().starts_with("- "))
        .collect();
    (head, evidence)
}

#[test]
fn two_drills_give_the_plans_author_changes_with_their_evidence() {
    let run = Run::new();
    let first = drill(&run, 1, 50);
    let second = drill(&run, 8, 40);
    // Times as a UTC clock shows them, wherever the test runs.
    let (code, out) = run.runbook_env(
        &["lessons", "--now", "2026-12-09T00:00:00Z"],
        &[("TZ", "UTC"), ("LC_ALL", "C")],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Plan 2.2: from 2 records"), "{out}");

    // net-switch-cdn, late in both, by how much, with where and when.
    let (head, evidence) = proposal(&out, "Step net-switch-cdn");
    assert!(
        head.contains("deadline 15 min, done late 2 of 2 times"),
        "{head}"
    );
    assert_eq!(evidence.len(), 2, "{out}");
    assert!(
        evidence[0].contains(&first)
            && evidence[0].contains("2026-12-01 01:50")
            && evidence[0].contains("35 min late"),
        "{evidence:?}"
    );
    assert!(
        evidence[1].contains(&second) && evidence[1].contains("25 min late"),
        "{evidence:?}"
    );
    // A timed step never done by the close is said, not passed over as
    // on time: the teachers were never told in either drill.
    let (head, evidence) = proposal(&out, "Step comm-teachers");
    assert!(head.contains("set aside 2 times"), "{head}");
    assert!(
        evidence
            .iter()
            .all(|e| e.contains("still not done at the close, past its deadline")),
        "{evidence:?}"
    );
    // The call nobody answered: a contact to update.
    let (head, evidence) = proposal(&out, "Contact ");
    assert!(
        head.contains("person:xie-ting") && head.contains("not answered 2"),
        "{head}"
    );
    assert!(evidence[0].contains("2026-12-01 01:03"), "{evidence:?}");
    // The notice rewritten: the sentence that was not sent is named.
    let (head, evidence) = proposal(&out, "Template tpl-students-parents");
    assert!(
        head.contains("rewritten before sending in 2 of 2"),
        "{head}"
    );
    assert!(
        evidence[0].contains("期间请不要反复刷新或重复登录。") && !evidence[0].contains("课程安排"),
        "only the changed sentence: {evidence:?}"
    );
    // What nothing in the record filled, typed by hand both times.
    let (head, _) = proposal(&out, "{impact} of template tpl-students-parents");
    assert!(head.contains("typed by hand in all 2 messages"), "{head}");
    // The drill's target, missed both times.
    let (head, evidence) = proposal(
        &out,
        "Drill drill-cdn-failover, target \u{201c}完成受影响地区备用CDN切换",
    );
    assert!(head.contains("missed 2 times"), "{head}");
    assert!(evidence[0].contains("35 min late"), "{evidence:?}");

    // One drill only, as Markdown for the change request, in Chinese.
    let (code, md) = run.runbook_env(
        &[
            "lessons",
            &first,
            "--format",
            "md",
            "--now",
            "2026-12-09T00:00:00Z",
        ],
        &[("LC_ALL", "zh_CN.UTF-8"), ("TZ", "UTC")],
    );
    assert_eq!(code, 0, "{md}");
    assert!(md.starts_with("# 预案修订建议"), "{md}");
    assert!(md.contains("## 预案 2.2：依据 1 份记录"), "{md}");
    assert!(md.contains("1. 步骤 net-switch-cdn"), "{md}");
    assert!(
        md.contains("    - 演练 ") && md.contains("超时 35分钟"),
        "{md}"
    );
    assert!(!md.contains(&second), "{md}");
}

#[test]
fn stats_give_the_times_with_drills_apart() {
    let run = Run::new();
    drill(&run, 1, 50);
    drill(&run, 8, 40);
    respond(&run, 15, 30, false);
    let (code, out) = run.runbook_env(
        &["stats", "--now", "2026-12-20T00:00:00Z"],
        &[("TZ", "UTC"), ("LC_ALL", "C")],
    );
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    let real = lines.iter().position(|l| *l == "Real incidents").unwrap();
    let drills = lines
        .iter()
        .position(|l| l.starts_with("Drills"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(real < drills, "{out}");
    // The real one: declared at once, the commander at +6, the parents at
    // +20, closed at +60; no regulator report.
    let row = lines[real + 2];
    assert!(row.contains("II") && row.contains(" 1 "), "{row}");
    assert!(
        row.contains("0 min / 0 min")
            && row.contains("6 min / 6 min")
            && row.contains("20 min / 20 min")
            && row.contains("60 min / 60 min")
            && row.contains("—"),
        "{row}"
    );
    // The two drills: the commander at +10 and +8 (median the lower, worst
    // the longer), apart from the real incident.
    let row = lines[drills + 2];
    assert!(row.contains(" 2 "), "{row}");
    assert!(row.contains("8 min / 10 min"), "{row}");
    assert!(row.contains("20 min / 20 min"), "{row}");

    // In Chinese too.
    let (code, zh) = run.runbook_env(
        &["stats", "--now", "2026-12-20T00:00:00Z"],
        &[("TZ", "UTC"), ("LC_ALL", "zh_CN.UTF-8")],
    );
    assert_eq!(code, 0, "{zh}");
    assert!(
        zh.contains("真实事件") && zh.contains("演练（不计入真实事件）"),
        "{zh}"
    );
    assert!(zh.contains("8分钟 / 10分钟"), "{zh}");
}
