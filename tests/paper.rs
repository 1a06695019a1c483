//! Paper: the binder `runbook print` writes holds the whole plan, shows a
//! plan's markup as text, needs nothing from outside the file, and prints
//! for real — headless Chromium turns it into an A4 PDF in which
//! `pdftotext` finds the Chinese title on the cover and in every footer.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use runbook::model::plan::{self, Plan};

use crate::cli::runbook;

const BUNDLED: &str = "plans/online-education-platform.ron";

fn load(path: &str) -> Plan {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    plan::parse(&bytes).unwrap().plan
}

/// `runbook print PLAN --out DIR/NAME`, returning the file's text.
fn print(plan: &Path, dir: &Path, name: &str) -> (PathBuf, String) {
    let out = dir.join(name);
    let (code, stdout, stderr) = runbook(&[
        "print",
        plan.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("the binder"), "{stdout}");
    let text = std::fs::read_to_string(&out).unwrap();
    (out, text)
}

/// What a plan's text looks like in the HTML.
fn esc(s: &str) -> String {
    runbook::paper::html::esc(s)
}

#[test]
fn the_binder_holds_the_whole_plan_and_every_phone_number() {
    let dir = tempfile::tempdir().unwrap();
    for edition in [BUNDLED, "plans/online-education-platform.en.ron"] {
        let p = load(edition);
        let (_, html) = print(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(edition),
            dir.path(),
            "b.html",
        );
        let d = p.doc();
        let missing = |what: &str| !html.contains(&esc(what));
        for c in &d.chapters {
            assert!(!missing(&c.title), "{edition}: chapter {}", c.title);
            for s in &c.sections {
                assert!(!missing(&s.title), "{edition}: section {}", s.title);
                for para in &s.paragraphs {
                    assert!(!missing(para), "{edition}: a paragraph of {}", s.id);
                }
            }
        }
        let numbers = d
            .people
            .iter()
            .map(|p| &p.contact)
            .chain(d.externals.iter().map(|e| &e.contact))
            .flat_map(|c| [&c.mobile, &c.office])
            .flatten();
        let mut count = 0;
        for n in numbers {
            assert!(!missing(n), "{edition}: phone number {n}");
            count += 1;
        }
        assert!(count > 40, "{edition}: only {count} numbers");
        for s in d
            .phases
            .iter()
            .flat_map(|p| &p.steps)
            .chain(d.procedures.iter().flat_map(|p| &p.steps))
        {
            assert!(!missing(&s.text), "{edition}: step {}", s.id);
        }
        for t in &d.templates {
            assert!(!missing(&t.body), "{edition}: template {}", t.id);
        }
        for l in &d.levels {
            assert!(!missing(&l.name), "{edition}: level {}", l.id);
        }
        // Every drill with how it is evaluated, and which clock its
        // targets count from (discovery, not the declaration).
        for dr in &d.drills {
            for c in &dr.criteria {
                assert!(
                    html.contains(&format!("<li>{}</li>", esc(c))),
                    "{edition}: criterion of {}: {c}",
                    dr.id
                );
            }
        }
        let clocks = if edition == BUNDLED {
            "时间目标自发现（模拟）故障、即演练开始时起计时；呼叫树的时限和各步骤的时限自宣布响应等级时起计时。"
        } else {
            "Time targets count from the discovery of the (simulated) fault, the start of the \
             exercise; the call trees' limits and the steps' deadlines count from the declaration \
             of the level."
        };
        assert_eq!(
            html.matches(&esc(clocks)).count(),
            d.drills.iter().filter(|dr| !dr.targets.is_empty()).count(),
            "{edition}"
        );
        // One checklist per fault class, with a box to tick per step.
        for c in &d.classes {
            assert!(
                html.contains(&format!("id=\"class-{}\"", c.id)),
                "{edition}: class {}",
                c.id
            );
        }
        let steps: usize = d.classes.iter().map(|c| p.flow(&c.id).len()).sum();
        assert!(
            html.matches("<span class=\"box\"></span>").count() >= steps,
            "{edition}"
        );
        // It stands alone: the font inside, nothing fetched.
        assert!(
            html.contains(
                "@font-face { font-family: \"Runbook CJK\"; src: url(data:font/otf;base64,"
            )
        );
        for outside in ["src=\"http", "href=\"http", "url(http", "<script", "<link"] {
            assert!(!html.contains(outside), "{edition}: {outside}");
        }
        let lang = if edition == BUNDLED { "zh-CN" } else { "en" };
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{edition}"
        );
    }
}

#[test]
fn a_plans_markup_prints_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("plans/minimal.ron"))
        .unwrap()
        .replace(
            "\"Fix the fault.\"",
            "\"<script>alert('x')</script> & <b>bold</b>\"",
        )
        .replace(
            "title: \"Example platform emergency plan\"",
            "title: \"Plan</style><img src=x onerror=alert(1)>\"",
        );
    let plan = dir.path().join("p.ron");
    std::fs::write(&plan, text).unwrap();
    let (_, html) = print(&plan, dir.path(), "p.html");
    assert!(
        html.contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"
        )
    );
    assert!(!html.contains("<script"), "a script tag got through");
    assert!(!html.contains("<img"), "an img tag got through");
    assert_eq!(
        html.matches("</style>").count(),
        1,
        "the footer closed the style"
    );
}

#[test]
fn the_binder_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    // Into a folder that does not exist: refused with the path, nothing left.
    let out = dir.path().join("nope/b.html");
    let (code, _, err) = runbook(&["print", BUNDLED, "--out", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("nope"), "{err}");
    // Over an older binder: replaced, no temporary file left beside it.
    let out = dir.path().join("b.html");
    std::fs::write(&out, "old").unwrap();
    print(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(BUNDLED),
        dir.path(),
        "b.html",
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["b.html"]);
}

/// Runs a command with a time limit: its exit status, stdout and stderr.
/// The output goes to files, not pipes, so a chatty command cannot block on
/// a full pipe while this waits for it.
fn run_for(cmd: &mut Command, limit: Duration) -> (std::process::ExitStatus, Vec<u8>, String) {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = (dir.path().join("out"), dir.path().join("err"));
    let mut child = cmd
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .stdin(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {cmd:?} ({e}): install chromium and poppler-utils (scripts/check.sh does)")
        });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{cmd:?} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    (
        status,
        std::fs::read(out).unwrap(),
        String::from_utf8_lossy(&std::fs::read(err).unwrap()).into_owned(),
    )
}

/// Prints an HTML file to PDF with headless Chromium; the PDF's path.
pub(crate) fn chromium_pdf(html: &Path) -> PathBuf {
    let pdf = html.with_extension("pdf");
    let profile = html.with_extension("profile");
    let out = run_for(
        Command::new("chromium")
            .arg("--headless")
            .arg("--no-sandbox")
            .arg("--disable-gpu")
            .arg("--no-pdf-header-footer")
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", html.display())),
        Duration::from_secs(180),
    );
    let (status, _, stderr) = out;
    assert!(
        status.success() && pdf.exists(),
        "chromium failed: {stderr}"
    );
    pdf
}

/// The text of a PDF, page by page (`pdftotext` ends each with a form feed).
pub(crate) fn pdf_pages(pdf: &Path) -> Vec<String> {
    pdf_text(pdf, false)
}

/// The text of a PDF, page by page, laid out as printed: a table's row is
/// one line, its cells side by side.
pub(crate) fn pdf_pages_laid_out(pdf: &Path) -> Vec<String> {
    pdf_text(pdf, true)
}

fn pdf_text(pdf: &Path, layout: bool) -> Vec<String> {
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-enc").arg("UTF-8");
    if layout {
        cmd.arg("-layout");
    }
    let out = run_for(cmd.arg(pdf).arg("-"), Duration::from_secs(60));
    let (status, stdout, stderr) = out;
    assert!(status.success(), "{stderr}");
    let text = String::from_utf8(stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

#[test]
fn chromium_prints_the_binder_in_chinese_with_the_footer_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let p = load(BUNDLED);
    let (html, _) = print(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(BUNDLED),
        dir.path(),
        "binder.html",
    );
    let pages = pdf_pages(&chromium_pdf(&html));
    assert!((60..=160).contains(&pages.len()), "{} pages", pages.len());
    let meta = &p.doc().meta;
    assert!(pages[0].contains(&meta.title), "the cover: {}", pages[0]);
    let footer = format!("版本 {} · {}", meta.version, meta.effective);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&footer),
            "page {} has no footer: {page}",
            i + 1
        );
        assert!(
            page.contains(&format!("{} / {}", i + 1, pages.len())),
            "page {} has no number",
            i + 1
        );
    }
    // Each appendix starts a page.
    for title in ["附录三 各级呼叫树", "附录五 各类故障处置核对表"] {
        assert!(
            pages.iter().any(|pg| pg.trim_start().starts_with(title)),
            "{title}"
        );
    }
}

/// A scripted drill on the small test plan, run through the command line
/// with fixed times: (data folder, runner).
pub(crate) struct Drill {
    pub(crate) _dir: tempfile::TempDir,
    pub(crate) data: PathBuf,
    /// The incident's name, as commands take it.
    pub(crate) name: &'static str,
}

impl Drill {
    pub(crate) fn run(&self, now: &str, args: &[&str]) -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
            .arg("incident")
            .arg("--now")
            .arg(now)
            .args(args)
            .env("RUNBOOK_DATA_DIR", &self.data)
            .env("RUNBOOK_OPERATOR", "kim")
            .env("RUNBOOK_DEVICE", "laptop-a")
            .env("TZ", "Asia/Shanghai")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{args:?}: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        text
    }

    /// Declared at 09:00 local time (discovered 08:52), worked until 09:40.
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let d = Self {
            data: dir.path().join("data"),
            _dir: dir,
            name: "software",
        };
        d.run(
            "2026-03-02T01:00:00Z",
            &[
                "new",
                "--plan",
                "tests/data/incident-plan.ron",
                "--class",
                "software",
                "--answer",
                "all-down=yes",
                "--title",
                "Login down",
                "--drill",
                "--discovered",
                "2026-03-02 08:52",
            ],
        );
        d.run(
            "2026-03-02T01:03:00Z",
            &["call", "software", "commander", "--outcome", "reached"],
        );
        d.run(
            "2026-03-02T01:06:00Z",
            &["step", "software", "confirm", "--done"],
        );
        d.run(
            "2026-03-02T01:08:00Z",
            &["record", "software", "students", "1200"],
        );
        d.run(
            "2026-03-02T01:10:00Z",
            &["decide", "software", "release", "yes"],
        );
        d.run(
            "2026-03-02T01:20:00Z",
            &[
                "message",
                "software",
                "--template",
                "tpl-internal",
                "--channel",
                "im",
                "--set",
                "impact=logins fail",
            ],
        );
        d.run(
            "2026-03-02T01:22:00Z",
            &[
                "note",
                "software",
                "vendor says <script>alert(1)</script> | *fixed*",
            ],
        );
        d.run(
            "2026-03-02T01:35:00Z",
            &["step", "software", "rollback", "--done"],
        );
        d
    }

    /// `runbook report`, to standard output.
    pub(crate) fn paper(&self, now: &str, extra: &[&str], format: &str) -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
            .args([
                "report", "--now", now, self.name, "--format", format, "--out", "-",
            ])
            .args(extra)
            .env("RUNBOOK_DATA_DIR", &self.data)
            .env("TZ", "Asia/Shanghai")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{extra:?}: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        text
    }
}

/// Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it.
pub(crate) fn golden(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/paper")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        got == want,
        "{} differs; rerun with UPDATE_GOLDEN=1 and read the change:\n{got}",
        path.display()
    );
}

#[test]
fn a_drill_gives_its_report_briefing_and_regulator_draft() {
    let drill = Drill::new();
    // While it runs: the briefing for the next commander, the first report
    // to the regulator and the follow-up.
    let at = "2026-03-02T01:40:00Z";
    golden("briefing.md", &drill.paper(at, &["--briefing"], "md"));
    golden(
        "regulator-first.md",
        &drill.paper(at, &["--regulator"], "md"),
    );
    golden(
        "regulator-follow-up.md",
        &drill.paper(at, &["--regulator", "--follow-up"], "md"),
    );
    // Closed: the report.
    drill.run(
        "2026-03-02T01:45:00Z",
        &["duty", "software", "report", "--note", "ref 2026-17"],
    );
    drill.run(
        "2026-03-02T01:50:00Z",
        &["close", "software", "--summary", "rolled back", "--yes"],
    );
    let md = drill.paper("2026-03-02T02:00:00Z", &[], "md");
    golden("report.md", &md);
    // What a reader checks first: the deadline missed is said, the note's
    // markup is text, the log checked out.
    assert!(md.contains("| Roll back. | Engineer | done | kim@laptop-a | 2026-03-02 09:35 | 2026-03-02 09:30 | late by 5 min |"), "{md}");
    assert!(
        md.contains("vendor says \\<script\\>alert(1)\\</script\\> \\| \\*fixed\\*"),
        "{md}"
    );
    assert!(md.contains("The log checks out"), "{md}");
    // The drill against the plan's time targets, timed from discovery (08:52).
    for row in [
        "| Login drill | Level declared | within 10 min | 2026-03-02 09:00 | 8 min | on time |",
        "| Login drill | Commander reached | within 10 min | 2026-03-02 09:03 | 11 min | late by 1 min |",
        "| Login drill | Parents told | within 30 min |  |  | not reached |",
    ] {
        assert!(md.contains(row), "{row}\n{md}");
    }
}

#[test]
fn the_report_prints_from_chromium_with_its_picture_and_escaped_notes() {
    let drill = Drill::new();
    let html = drill.paper("2026-03-02T01:40:00Z", &[], "html");
    assert!(html.contains("<h1>Incident report: Login down</h1>"));
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(html.contains("vendor says &lt;script&gt;alert(1)&lt;/script&gt; | *fixed*"));
    assert!(!html.contains("<script"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.html");
    std::fs::write(&file, &html).unwrap();
    let pages = pdf_pages(&chromium_pdf(&file));
    assert!((1..=12).contains(&pages.len()), "{} pages", pages.len());
    assert!(
        pages[0].contains("Incident report: Login down"),
        "{}",
        pages[0]
    );
    assert!(
        pages.iter().all(|p| p.contains("Login down · DRILL")),
        "a page without its footer"
    );
}

#[test]
fn the_chinese_regulator_draft_prints_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let d = Drill {
        data: dir.path().join("data"),
        _dir: dir,
        name: "data-leak",
    };
    d.run(
        "2026-03-02T01:00:00Z",
        &[
            "new",
            "--class",
            "data-leak",
            "--answer",
            "sensitive-minor=yes",
            "--title",
            "学籍数据泄露",
            "--discovered",
            "2026-03-02 08:30",
        ],
    );
    let html = d.paper("2026-03-02T01:30:00Z", &["--regulator"], "html");
    let file = d.data.join("regulator.html");
    std::fs::write(&file, &html).unwrap();
    let text = pdf_pages(&chromium_pdf(&file)).join("\n");
    assert!(text.contains("网络安全事件报告（首报）草稿"), "{text}");
    // Found at 08:30, not declared at 09:00.
    assert!(text.contains("2026-03-02 08:30"), "{text}");
}

/// Paper is read on machines with no CJK font: every character the papers'
/// own words use (and every character of the bundled plans, which the
/// binder prints) must be in the font embedded in the file, or it prints as
/// an empty box.
#[test]
fn the_embedded_font_has_every_character_paper_prints() {
    use skrifa::MetadataProvider as _;
    let font = skrifa::FontRef::new(runbook::assets::CJK_FONT).unwrap();
    let charmap = font.charmap();
    // The check sees a character the font lacks (a pencil, once used to mark
    // what to write, printed as a box).
    assert!(charmap.map('\u{270E}').is_none());
    assert!(charmap.map('网').is_some());
    let sources = [
        ("src/i18n/paper.rs", include_str!("../src/i18n/paper.rs")),
        (
            "src/i18n/incident/mod.rs",
            include_str!("../src/i18n/incident/mod.rs"),
        ),
        (
            "src/i18n/incident/en.rs",
            include_str!("../src/i18n/incident/en.rs"),
        ),
        (
            "src/i18n/incident/zh.rs",
            include_str!("../src/i18n/incident/zh.rs"),
        ),
        (
            "plans/online-education-platform.ron",
            include_str!("../plans/online-education-platform.ron"),
        ),
        (
            "plans/online-education-platform.en.ron",
            include_str!("../plans/online-education-platform.en.ron"),
        ),
    ];
    for (name, text) in sources {
        let missing: std::collections::BTreeSet<char> = text
            .chars()
            .filter(|c| !c.is_control() && charmap.map(*c).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "{name}: not in the embedded font: {missing:?}"
        );
    }
}
