//! The papers of one scripted drill, in both languages, read as the people
//! who receive them would: a ransomware drill on the bundled plan, found at
//! 07:40 and declared at 09:50, whose 4-hour report to the regulator and
//! report to the police are both an hour overdue when the next commander
//! takes over at 12:40. Golden Markdown for every paper; Chromium's print
//! read back with `pdftotext` for what must be on the page.

use std::path::Path;

use crate::paper::{Drill, chromium_pdf, golden, pdf_pages, pdf_pages_laid_out};

/// The words of the drill in one edition of the plan.
struct Words {
    plan: &'static str,
    /// The folder of its golden files, under `tests/data/paper/`.
    dir: &'static str,
    title: &'static str,
    isolated: &'static str,
    impact: &'static str,
    /// The legal grade chosen (an id of the step's choices), and its grounds,
    /// written in a note on the step as the plan asks.
    grade: &'static str,
    grounds: &'static str,
    evidence: &'static str,
    actions: &'static str,
    eta: &'static str,
    ransom: &'static str,
    cac: &'static str,
    police: &'static str,
    summary: &'static str,
}

const ZH: Words = Words {
    plan: "plans/online-education-platform.ron",
    dir: "ransomware-zh",
    title: "勒索软件加密课件服务器",
    isolated: "已断开课件服务器3台、共享目录主机1台的网络",
    impact: "课件和直播回放无法打开，直播课改用备用方式上课",
    grade: "serious",
    grounds: "勒索软件导致课件服务中断",
    evidence: "勒索信、2个样本和3台主机的内存镜像已封存在取证服务器，保管人：安全分析员",
    actions: "已隔离受感染的服务器，断开备份系统，正在从离线备份恢复课件服务",
    eta: "今天12:00前",
    ransom: "勒索信要求支付比特币；未与攻击者联系",
    cac: "电话报省网信办值班室，受理人：李工",
    police: "向市公安局网安支队报案",
    summary: "课件服务已从离线备份恢复，未支付赎金",
};

const EN: Words = Words {
    plan: "plans/online-education-platform.en.ron",
    dir: "ransomware-en",
    title: "Ransomware encrypts the courseware servers",
    isolated: "3 courseware servers and 1 shared-folder host taken off the network",
    impact: "Courseware and lesson replays cannot be opened; live classes moved to the standby way of teaching",
    grade: "serious",
    grounds: "Ransomware interrupted the courseware service",
    evidence: "Ransom note, 2 samples and memory images of 3 hosts sealed on the forensics server; kept by the security analyst",
    actions: "We isolated the infected servers, disconnected the backups and are restoring the courseware service from offline backups",
    eta: "before 12:00 today",
    ransom: "The ransom note demands bitcoin; nobody has contacted the attackers",
    cac: "Reported by phone to the provincial office's duty room; taken by Li",
    police: "Reported to the city police cyber unit",
    summary: "Courseware restored from offline backups; no ransom paid",
};

/// The drill up to the handover at 12:40 (04:40 UTC): declared at 09:50
/// (01:50 UTC), found at 07:40, the regulator's and the police's 4 hours
/// past at 11:40.
fn until_handover(w: &Words) -> Drill {
    let dir = tempfile::tempdir().unwrap();
    let d = Drill {
        data: dir.path().join("data"),
        _dir: dir,
        name: "malware",
    };
    let day = "2026-11-30T";
    let at = |hm: &str| format!("{day}{hm}:00Z");
    d.run(
        &at("01:50"),
        &[
            "new",
            "--plan",
            w.plan,
            "--class",
            "malware",
            "--answer",
            "ransom-prod=yes",
            "--title",
            w.title,
            "--drill",
            "--scenario",
            "drill-ransomware",
            "--discovered",
            "2026-11-30 07:40",
        ],
    );
    let script: &[(&str, &[&str])] = &[
        (
            "01:52",
            &["call", "malware", "commander", "--outcome", "reached"],
        ),
        ("01:55", &["step", "malware", "mal-identify", "--done"]),
        ("02:00", &["step", "malware", "mal-isolate", "--done"]),
        (
            "02:01",
            &["note", "malware", "--step", "mal-isolate", w.isolated],
        ),
        ("02:05", &["record", "malware", "assess-impact", w.impact]),
        ("02:06", &["record", "malware", "assess-students", "12000"]),
        ("02:07", &["record", "malware", "assess-classes", "340"]),
        ("02:10", &["decide", "malware", "mal-ransom", "yes"]),
        ("02:15", &["step", "malware", "mal-backup", "--done"]),
        (
            "02:20",
            &["record", "malware", "assess-legal-grade", w.grade],
        ),
        (
            "02:21",
            &["note", "malware", "--step", "assess-legal-grade", w.grounds],
        ),
        ("02:25", &["step", "malware", "mal-evidence", "--done"]),
        (
            "02:26",
            &["note", "malware", "--step", "mal-evidence", w.evidence],
        ),
        ("02:30", &["record", "malware", "comm-actions", w.actions]),
        ("02:31", &["record", "malware", "comm-eta", w.eta]),
        (
            "02:32",
            &[
                "message",
                "malware",
                "--template",
                "tpl-teachers",
                "--channel",
                "sms",
            ],
        ),
        ("02:40", &["record", "malware", "mal-schools-count", "12"]),
        ("02:45", &["note", "malware", w.ransom]),
    ];
    for (hm, args) in script {
        d.run(&at(hm), args);
    }
    d
}

/// The rest of the drill: both reports made late, the service restored,
/// closed at 13:20 (05:20 UTC).
fn to_the_close(d: &Drill, w: &Words) {
    let at = |hm: &str| format!("2026-11-30T{hm}:00Z");
    let script: &[(&str, &[&str])] = &[
        ("04:55", &["duty", "malware", "cac-report", "--note", w.cac]),
        (
            "05:00",
            &["duty", "malware", "police-report", "--note", w.police],
        ),
        ("05:10", &["step", "malware", "mal-restore", "--done"]),
        ("05:12", &["record", "malware", "recover-outage", "330"]),
        (
            "05:20",
            &["close", "malware", "--summary", w.summary, "--yes"],
        ),
    ];
    for (hm, args) in script {
        d.run(&at(hm), args);
    }
}

const HANDOVER: &str = "2026-11-30T04:40:00Z";
const AFTER: &str = "2026-11-30T06:00:00Z";

fn golden_in(w: &Words, name: &str, got: &str) {
    golden(&format!("{}/{name}", w.dir), got);
}

#[test]
fn every_paper_of_the_drill_in_both_languages() {
    for w in [&ZH, &EN] {
        let d = until_handover(w);
        golden_in(w, "briefing.md", &d.paper(HANDOVER, &["--briefing"], "md"));
        golden_in(
            w,
            "regulator-first.md",
            &d.paper(HANDOVER, &["--regulator"], "md"),
        );
        golden_in(
            w,
            "regulator-follow-up.md",
            &d.paper(HANDOVER, &["--regulator", "--follow-up"], "md"),
        );
        to_the_close(&d, w);
        golden_in(w, "report.md", &d.paper(AFTER, &[], "md"));
    }
}

/// Prints a paper with Chromium; its pages' text laid out as printed (a
/// table's row on one line), and as `pdftotext` reads it by default (each
/// line of a table's cell on a line of its own).
fn printed(d: &Drill, now: &str, extra: &[&str], name: &str) -> (Vec<String>, Vec<String>) {
    let html = d.paper(now, extra, "html");
    let file = d.data.join(format!("{name}.html"));
    std::fs::write(&file, html).unwrap();
    let pdf = chromium_pdf(&file);
    (pdf_pages_laid_out(&pdf), pdf_pages(&pdf))
}

/// Keeps the PNGs of a print for a person to look at, when asked
/// (`RUNBOOK_LOOK=DIR`): the papers are read page by page before a change
/// to them is done.
fn look(d: &Drill, name: &str) {
    let Some(dir) = std::env::var_os("RUNBOOK_LOOK") else {
        return;
    };
    let pdf = d.data.join(format!("{name}.pdf"));
    let out = Path::new(&dir).join(name);
    let _ = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "70"])
        .arg(&pdf)
        .arg(&out)
        .status();
}

#[test]
fn chromium_prints_drill_on_every_page_and_the_overdue_report_first() {
    let d = until_handover(&ZH);
    let briefing = printed(&d, HANDOVER, &["--briefing"], "briefing");
    look(&d, "briefing");
    let first = printed(&d, HANDOVER, &["--regulator"], "regulator-first");
    look(&d, "regulator-first");
    let follow = printed(
        &d,
        HANDOVER,
        &["--regulator", "--follow-up"],
        "regulator-follow-up",
    );
    look(&d, "regulator-follow-up");
    to_the_close(&d, &ZH);
    let report = printed(&d, AFTER, &[], "report");
    look(&d, "report");
    for (name, (pages, lines)) in [
        ("briefing", &briefing),
        ("regulator-first", &first),
        ("regulator-follow-up", &follow),
        ("report", &report),
    ] {
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.matches("演练").count() >= 2,
                "{name} page {}: 演练 in the header and the footer\n{page}",
                i + 1
            );
        }
        // No word is broken to leave one Chinese character on a line of
        // its own (值班/长, 待处/理).
        let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for page in lines {
            for line in page.lines() {
                let t = line.trim();
                assert!(
                    !(t.chars().count() == 1 && t.chars().all(cjk)),
                    "{name}: a lone {t:?} on a line:\n{page}"
                );
            }
        }
    }
    // The review, with its headings, in the report as printed.
    let text = report.0.join("\n");
    for heading in [
        "复盘",
        "摘要",
        "关键时间",
        "做得好的",
        "做得不好的",
        "侥幸之处",
        "原因和促成因素",
        "改进项",
        "签字",
    ] {
        assert!(
            text.lines().any(|l| l.trim() == heading),
            "no heading {heading}"
        );
    }
    // The briefing's first section: the report to the 网信 office, an hour late.
    let text = briefing.0.join("\n");
    let first_section = text.split("当前态势").next().unwrap();
    assert!(first_section.contains("不能等的事"), "{first_section}");
    let cac = first_section
        .lines()
        .position(|l| l.contains("网信"))
        .unwrap_or_else(|| panic!("no 网信 report first: {first_section}"));
    // Its row: the time it was due (the date above the time) and how late.
    let row: Vec<&str> = first_section.lines().skip(cac).take(2).collect();
    assert!(
        row[0].contains("已逾期60分钟") && row[1].contains("11:40"),
        "{first_section}"
    );
}

#[test]
fn the_first_report_and_each_follow_up_are_files_of_their_own() {
    let d = until_handover(&ZH);
    let here = tempfile::tempdir().unwrap();
    let report = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_runbook"))
            .args(["report", "--now", HANDOVER, "malware", "--regulator"])
            .args(extra)
            .env("RUNBOOK_DATA_DIR", &d.data)
            .env("TZ", "Asia/Shanghai")
            .current_dir(here.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let said = report(&[]);
    assert!(
        said.contains("the first report to the regulator is written"),
        "{said}"
    );
    std::fs::write(
        here.path().join(
            std::fs::read_dir(here.path())
                .unwrap()
                .next()
                .unwrap()
                .unwrap()
                .file_name(),
        ),
        "as sent",
    )
    .unwrap();
    report(&["--follow-up"]);
    report(&["--follow-up"]);
    let mut names: Vec<String> = std::fs::read_dir(here.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let folder = names[0].split("-regulator-").next().unwrap().to_owned();
    assert_eq!(
        names,
        [
            format!("{folder}-regulator-1-first.html"),
            format!("{folder}-regulator-2-follow-up.html"),
            format!("{folder}-regulator-3-follow-up.html"),
        ]
    );
    // The first, as sent, is still as it was.
    assert_eq!(
        std::fs::read_to_string(here.path().join(&names[0])).unwrap(),
        "as sent"
    );
}

#[test]
fn html_is_never_poured_into_a_terminal() {
    let d = until_handover(&EN);
    // `script` gives the command a terminal for its standard output.
    let run = |format: &str| {
        let cmd = format!(
            "{} report --now {HANDOVER} malware --briefing --format {format} --out -",
            env!("CARGO_BIN_EXE_runbook")
        );
        let out = std::process::Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .env("RUNBOOK_DATA_DIR", &d.data)
            .env("TZ", "Asia/Shanghai")
            .output()
            .unwrap_or_else(|e| panic!("cannot run script (util-linux): {e}"));
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (ok, text) = run("html");
    assert!(!ok, "{text}");
    assert!(text.contains("--format md"), "{text}");
    assert!(!text.contains("base64"), "no font in the terminal");
    let (ok, text) = run("md");
    assert!(ok, "{text}");
    assert!(text.contains("# Handover briefing"), "{text}");
}
