//! The plan as a printable binder: one self-contained HTML file.
//!
//! When the laptop dies, the binder on the shelf must hold the same plan:
//! the text, who is who, every phone number, each level's call tree and each
//! fault class's checklist with boxes to tick by hand. It is generated from
//! the same validated [`Plan`] the window shows, so the two cannot disagree.

use std::fmt::Write as _;

use super::html::{document, esc};
use crate::i18n::Lang;
use crate::i18n::paper::PaperTr;
use crate::model::plan::Plan;
use crate::model::plan::contacts::{CallNode, Callee, call_tree, phones, span};
use crate::model::plan::doc::{Basis, Contact, InformWhom, StepKind};
use crate::model::plan::org;

/// The language paper is written in: the plan's own.
#[must_use]
pub fn lang_of(plan: &Plan) -> Lang {
    // A plan's language is a locale-like tag ("zh-CN", "en"), read the way
    // the system locale is.
    Lang::from_locale(Some(&plan.doc().meta.language))
}

/// The whole binder of a plan; `font` is embedded so Chinese prints on a
/// machine without a CJK font (empty: no font embedded).
#[must_use]
pub fn binder(plan: &Plan, font: &[u8]) -> String {
    let lang = lang_of(plan);
    let t = lang.tr().paper;
    let meta = &plan.doc().meta;
    let footer = format!(
        "{} · {} {} · {}",
        meta.title, t.version, meta.version, meta.effective
    );
    let mut b = Body::default();
    cover(plan, t, &mut b);
    for chapter in &plan.doc().chapters {
        b.open_page(chapter.id.as_str(), &chapter.title);
        for p in &chapter.intro {
            b.para(p);
        }
        for s in &chapter.sections {
            let _ = writeln!(
                b.0,
                "<h3 id=\"{}\">{}</h3>",
                esc(s.id.as_str()),
                esc(&s.title)
            );
            for p in &s.paragraphs {
                b.para(p);
            }
        }
        b.close_page();
    }
    organisation(plan, t, &mut b);
    levels(plan, lang, &mut b);
    call_trees(plan, lang, &mut b);
    directory(plan, lang, &mut b);
    checklists(plan, lang, &mut b);
    templates(plan, t, &mut b);
    readiness(plan, lang, &mut b);
    revisions(plan, t, &mut b);
    let frame = super::html::Frame {
        header: "",
        footer: &footer,
    };
    document(t.html_lang, &meta.title, frame, font, &b.0)
}

/// The body being written, with the contents gathered as pages open.
#[derive(Default)]
struct Body(String);

impl Body {
    fn open_page(&mut self, id: &str, title: &str) {
        let _ = writeln!(
            self.0,
            "<section class=\"page\" id=\"{}\">\n<h2>{}</h2>",
            esc(id),
            esc(title)
        );
    }

    fn close_page(&mut self) {
        self.0.push_str("</section>\n");
    }

    fn para(&mut self, text: &str) {
        let _ = writeln!(self.0, "<p class=\"pre\">{}</p>", esc(text));
    }

    fn h3(&mut self, text: &str) {
        let _ = writeln!(self.0, "<h3>{}</h3>", esc(text));
    }

    fn head(&mut self, cols: &[&str]) {
        self.0.push_str("<table>\n<thead><tr>");
        for c in cols {
            let _ = write!(self.0, "<th>{}</th>", esc(c));
        }
        self.0.push_str("</tr></thead>\n<tbody>\n");
    }

    /// A row of cells already escaped.
    fn row(&mut self, cells: &[String]) {
        self.0.push_str("<tr>");
        for c in cells {
            let _ = write!(self.0, "<td>{c}</td>");
        }
        self.0.push_str("</tr>\n");
    }

    fn end_table(&mut self) {
        self.0.push_str("</tbody>\n</table>\n");
    }
}

/// The appendices, as the contents lists them: (anchor, title).
fn appendices(t: &PaperTr) -> [(&'static str, &'static str); 8] {
    [
        ("app-org", t.app_org),
        ("app-levels", t.app_levels),
        ("app-call-trees", t.app_call_trees),
        ("app-directory", t.app_directory),
        ("app-checklists", t.app_checklists),
        ("app-templates", t.app_templates),
        ("app-readiness", t.app_readiness),
        ("app-revisions", t.app_revisions),
    ]
}

fn cover(plan: &Plan, t: &PaperTr, b: &mut Body) {
    let m = &plan.doc().meta;
    let _ = writeln!(
        b.0,
        "<section class=\"cover\">\n<h1>{}</h1>\n<table>",
        esc(&m.title)
    );
    for (k, v) in [
        (t.organisation, m.organisation.clone()),
        (t.version, m.version.clone()),
        (t.effective, m.effective.to_string()),
        (t.owner, m.owner.clone()),
        (t.approver, m.approver.clone()),
    ] {
        let _ = writeln!(b.0, "<tr><th>{}</th><td>{}</td></tr>", esc(k), esc(&v));
    }
    let _ = writeln!(
        b.0,
        "</table>\n<p class=\"note\">{}</p>\n</section>",
        esc(t.printed_note)
    );
    b.open_page("contents", t.contents);
    b.0.push_str("<ol class=\"toc\">\n");
    for c in &plan.doc().chapters {
        let _ = writeln!(
            b.0,
            "<li><a href=\"#{}\">{}</a></li>",
            esc(c.id.as_str()),
            esc(&c.title)
        );
    }
    for (id, title) in appendices(t) {
        let _ = writeln!(b.0, "<li><a href=\"#{id}\">{}</a></li>", esc(title));
    }
    b.0.push_str("</ol>\n");
    b.close_page();
}

/// A person's or contact's phone numbers, one per line.
fn phone_lines(contact: &Contact) -> String {
    phones(contact)
        .iter()
        .map(|p| format!("<span class=\"num\">{}</span>", esc(p.number)))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Name and numbers of a callee: what the person with the binder dials.
fn callee_cell(c: &Callee<'_>) -> String {
    let mut out = String::new();
    if let Some(role) = c.role_name() {
        let _ = write!(out, "{} · ", esc(role));
    }
    let _ = write!(out, "<b>{}</b>", esc(c.name()));
    for p in c.phones() {
        let _ = write!(out, " <span class=\"num\">{}</span>", esc(p.number));
    }
    out
}

fn organisation(plan: &Plan, t: &PaperTr, b: &mut Body) {
    b.open_page("app-org", t.app_org);
    let tree = org::tree(plan);
    for i in tree.preorder() {
        let u = &tree.units[i];
        let indent = u.depth * 6;
        let _ = writeln!(
            b.0,
            "<div class=\"unit\" style=\"margin-left:{indent}mm\">\n<h4>{}</h4>",
            esc(&u.unit.name)
        );
        if let Some(parent) = u.parent {
            let _ = writeln!(
                b.0,
                "<p class=\"muted\">{}</p>",
                esc(&(t.unit_part_of)(&tree.units[parent].unit.name))
            );
        }
        if !u.unit.description.is_empty() {
            b.para(&u.unit.description);
        }
        if !u.roles.is_empty() {
            b.head(&[t.role, t.holder, t.deputies, t.duties]);
            for r in &u.roles {
                let person = |p: &crate::model::plan::doc::Person| {
                    format!("<b>{}</b><br>{}", esc(&p.name), phone_lines(&p.contact))
                };
                let holder = r.holder.map_or_else(|| esc(r.role.holder.as_str()), person);
                let deputies = if r.deputies.is_empty() {
                    esc(t.nobody)
                } else {
                    r.deputies
                        .iter()
                        .map(|p| person(p))
                        .collect::<Vec<_>>()
                        .join("<br>")
                };
                let duties = r
                    .role
                    .duties
                    .iter()
                    .map(|d| esc(d))
                    .collect::<Vec<_>>()
                    .join("<br>");
                b.row(&[esc(&r.role.name), holder, deputies, duties]);
            }
            b.end_table();
        }
        b.0.push_str("</div>\n");
    }
    b.close_page();
}

fn levels(plan: &Plan, lang: Lang, b: &mut Body) {
    let t = lang.tr().paper;
    b.open_page("app-levels", t.app_levels);
    for l in &plan.doc().levels {
        b.h3(&format!(
            "{} ({})",
            (t.level_title)(l.id.as_str(), &l.name),
            (t.colour)(l.colour)
        ));
        let list = |items: &[String]| {
            items
                .iter()
                .map(|s| esc(s))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        b.0.push_str("<table>\n<tbody>\n");
        let activates: Vec<String> = l
            .activates
            .iter()
            .map(|u| {
                plan.unit(u)
                    .map_or_else(|| u.to_string(), |u| u.name.clone())
            })
            .collect();
        let inform: Vec<String> = l
            .inform
            .iter()
            .map(|i| {
                let who = Callee::of(plan, &i.to);
                format!("{}: {}", who.label(), (t.within)(span(i.within_minutes)))
            })
            .collect();
        let mut rows = vec![
            (t.criteria, list(&l.criteria)),
            (t.activates, list(&activates)),
            (t.inform, list(&inform)),
        ];
        if let Some(every) = l.update_every_minutes {
            rows.push((t.time_limit, esc(&(t.update_every)(span(every)))));
        }
        for (k, v) in rows {
            let _ = writeln!(
                b.0,
                "<tr><th style=\"width:28mm\">{}</th><td>{v}</td></tr>",
                esc(k)
            );
        }
        b.end_table();
        if !l.duties.is_empty() {
            b.head(&[t.duty, t.condition, t.report_to, t.time_limit, t.basis]);
            for d in &l.duties {
                let to =
                    d.to.as_ref()
                        .map(|to| callee_cell(&Callee::of(plan, to)))
                        .unwrap_or_default();
                let limit = d
                    .within_minutes
                    .map_or(t.no_limit.to_owned(), |m| (t.limit)(span(m), d.counts_from));
                let basis = match &d.basis {
                    Basis::Law(law) => law.as_str(),
                    Basis::Platform => t.platform_rule,
                };
                b.row(&[
                    esc(&d.text),
                    esc(d.condition.as_deref().unwrap_or_default()),
                    to,
                    esc(&limit),
                    esc(basis),
                ]);
            }
            b.end_table();
        }
    }
    b.close_page();
}

fn call_trees(plan: &Plan, lang: Lang, b: &mut Body) {
    let t = lang.tr().paper;
    b.open_page("app-call-trees", t.app_call_trees);
    fn node(n: &CallNode<'_>, t: &PaperTr, out: &mut String) {
        let _ = write!(
            out,
            "<li><div class=\"call\"><span class=\"box\"></span> {} {}",
            esc(&n.order_label()),
            callee_cell(&n.callee)
        );
        if let Some(m) = n.within {
            let _ = write!(out, " — {}", esc(&(t.within)(span(m))));
        }
        if !n.fallback.is_empty() {
            let alts: Vec<String> = n.fallback.iter().map(callee_cell).collect();
            let _ = write!(
                out,
                "<br><span class=\"muted\">{}: {}</span>",
                esc(t.fallback),
                alts.join("; ")
            );
        }
        out.push_str("</div>");
        if !n.calls.is_empty() {
            out.push_str("\n<ul>\n");
            for c in &n.calls {
                node(c, t, out);
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
    for l in &plan.doc().levels {
        b.h3(&(t.level_title)(l.id.as_str(), &l.name));
        if plan.call_tree(&l.id).is_none() {
            b.para(t.no_call_tree);
            continue;
        }
        let view = call_tree(plan, l);
        if let Some(root) = &view.root {
            let _ = writeln!(b.0, "<p>{}: {}</p>", esc(t.started_by), callee_cell(root));
        }
        b.0.push_str("<ul class=\"tree\">\n");
        for c in &view.calls {
            node(c, t, &mut b.0);
        }
        b.0.push_str("</ul>\n");
    }
    b.close_page();
}

fn directory(plan: &Plan, lang: Lang, b: &mut Body) {
    let t = lang.tr().paper;
    let kinds = lang.tr().contacts.kind;
    b.open_page("app-directory", t.app_directory);
    b.h3(t.people);
    b.head(&[t.name, t.holds, t.mobile, t.office, t.other_contact]);
    let dir = crate::model::plan::contacts::directory(plan, "");
    for e in &dir.people {
        let c = &e.person.contact;
        let roles: Vec<String> = e
            .holds
            .iter()
            .map(|r| esc(&r.name))
            .chain(
                e.deputises
                    .iter()
                    .map(|r| format!("{} ({})", esc(&r.name), esc(t.deputies))),
            )
            .collect();
        let other: Vec<String> = [&c.im, &c.email, &c.location]
            .into_iter()
            .flatten()
            .map(|s| esc(s))
            .collect();
        let mut name = format!("<b>{}</b>", esc(&e.person.name));
        if !e.person.title.is_empty() {
            let _ = write!(
                name,
                "<br><span class=\"muted\">{}</span>",
                esc(&e.person.title)
            );
        }
        let [mobile, office] = number_cells(c);
        b.row(&[name, roles.join("<br>"), mobile, office, other.join("<br>")]);
    }
    b.end_table();
    if !dir.externals.is_empty() {
        b.h3(t.externals);
        b.head(&[t.name, t.kind, t.mobile, t.office, t.notes]);
        for e in &dir.externals {
            let c = &e.contact;
            let other: Vec<String> = [&c.im, &c.email, &c.location]
                .into_iter()
                .flatten()
                .map(|s| esc(s))
                .chain((!e.notes.is_empty()).then(|| esc(&e.notes)))
                .collect();
            let [mobile, office] = number_cells(c);
            b.row(&[
                format!("<b>{}</b>", esc(&e.name)),
                esc(kinds(e.kind)),
                mobile,
                office,
                other.join("<br>"),
            ]);
        }
        b.end_table();
    }
    b.close_page();
}

/// The mobile and office cells of a directory row.
fn number_cells(c: &Contact) -> [String; 2] {
    [&c.mobile, &c.office].map(|n| {
        format!(
            "<span class=\"num\">{}</span>",
            esc(n.as_deref().unwrap_or_default())
        )
    })
}

/// A checklist's step: its id first (the log, the window and the papers
/// about an incident name steps by it), then its text.
fn step_cell(s: &crate::model::plan::doc::Step) -> String {
    format!(
        "<span class=\"sid\">{}</span> {}",
        esc(s.id.as_str()),
        esc(&s.text)
    )
}

fn checklists(plan: &Plan, lang: Lang, b: &mut Body) {
    let t = lang.tr().paper;
    let doc = plan.doc();
    b.open_page("app-checklists", t.app_checklists);
    b.para(t.checklist_intro);
    for (n, class) in doc.classes.iter().enumerate() {
        if n > 0 {
            b.0.push_str("<div class=\"page\"></div>\n");
        }
        let _ = writeln!(
            b.0,
            "<h3 id=\"class-{}\">{}</h3>",
            esc(class.id.as_str()),
            esc(&class.name)
        );
        b.para(&class.description);
        if !class.detection.is_empty() {
            let _ = writeln!(b.0, "<p><b>{}</b></p>\n<ul>", esc(t.detection));
            for d in &class.detection {
                let _ = writeln!(b.0, "<li>{}</li>", esc(d));
            }
            b.0.push_str("</ul>\n");
        }
        if !class.assessment.is_empty() {
            let _ = writeln!(b.0, "<h4>{}</h4>\n<table>\n<tbody>", esc(t.assessment));
            for q in &class.assessment {
                b.row(&[
                    "<span class=\"box\"></span>".to_owned(),
                    esc(&q.text),
                    format!(
                        "<span class=\"num\">{}</span>",
                        esc(&(t.suggests)(q.level.as_str()))
                    ),
                ]);
            }
            b.end_table();
        }
        let flow = plan.flow(&class.id);
        let mut phase = usize::MAX;
        for (i, fs) in flow.iter().enumerate() {
            if fs.phase != phase {
                if phase != usize::MAX {
                    b.end_table();
                }
                phase = fs.phase;
                let _ = writeln!(b.0, "<h4>{}</h4>", esc(&doc.phases[phase].name));
                b.0.push_str("<table class=\"checklist\">\n<thead><tr>");
                for (c, class) in [
                    (t.col_tick, "c-tick"),
                    ("#", "c-num"),
                    (t.col_step, "c-step"),
                    (t.col_owner, "c-owner"),
                    (t.col_levels, "c-levels"),
                    (t.col_deadline, "c-limit"),
                    (t.col_done_at, "c-done"),
                ] {
                    let _ = write!(b.0, "<th class=\"{class}\">{}</th>", esc(c));
                }
                b.0.push_str("</tr></thead>\n<tbody>\n");
            }
            let s = fs.step;
            let mut what = step_cell(s);
            let extra = match &s.kind {
                StepKind::Action | StepKind::Check => None,
                StepKind::Decision { question, yes, no } => {
                    let at = |id: &crate::model::ids::StepId| {
                        flow.iter()
                            .position(|x| x.step.id == *id)
                            .map_or_else(|| id.to_string(), |p| format!("#{}", p + 1))
                    };
                    Some((t.decision)(question, &at(yes), &at(no)))
                }
                StepKind::Inform(InformWhom::CallTree) => Some(t.informs_tree.to_owned()),
                StepKind::Inform(InformWhom::Contacts(list)) => {
                    let who: Vec<String> = list
                        .iter()
                        .map(|to| {
                            let c = Callee::of(plan, to);
                            let nums: Vec<&str> = c.phones().iter().map(|p| p.number).collect();
                            format!("{} {}", c.label(), nums.join(" "))
                        })
                        .collect();
                    Some((t.informs)(&who.join("; ")))
                }
                StepKind::Communicate { template } => Some((t.sends)(
                    &plan
                        .template(template)
                        .map_or_else(|| template.to_string(), |x| x.name.clone()),
                )),
                StepKind::Record { label, .. } => Some((t.records)(label)),
            };
            if let Some(extra) = extra {
                let _ = write!(what, "<br><span class=\"muted\">{}</span>", esc(&extra));
            }
            let owner = plan
                .role(&s.role)
                .map_or_else(|| s.role.to_string(), |r| r.name.clone());
            let levels = s
                .min_level
                .as_ref()
                .map_or_else(|| t.every_level.to_owned(), |l| (t.from_level)(l.as_str()));
            let deadline = s
                .deadline_minutes
                .map(|m| (t.deadline)(span(m)))
                .unwrap_or_default();
            b.row(&[
                "<span class=\"box\"></span>".to_owned(),
                format!("{}", i + 1),
                what,
                esc(&owner),
                esc(&levels),
                esc(&deadline),
                String::new(),
            ]);
        }
        if phase != usize::MAX {
            b.end_table();
        }
    }
    b.close_page();
}

fn templates(plan: &Plan, t: &PaperTr, b: &mut Body) {
    b.open_page("app-templates", t.app_templates);
    for tpl in &plan.doc().templates {
        b.h3(&tpl.name);
        let mut meta = vec![(t.audience)(tpl.audience).to_owned()];
        if !tpl.channel.is_empty() {
            meta.push(format!("{}: {}", t.channel, tpl.channel));
        }
        let _ = writeln!(b.0, "<p class=\"muted\">{}</p>", esc(&meta.join(" · ")));
        if let Some(subject) = &tpl.subject {
            let _ = writeln!(b.0, "<p><b>{}</b>: {}</p>", esc(t.subject), esc(subject));
        }
        let _ = writeln!(b.0, "<div class=\"unit pre\">{}</div>", esc(&tpl.body));
    }
    b.close_page();
}

fn readiness(plan: &Plan, lang: Lang, b: &mut Body) {
    let t = lang.tr().paper;
    let d = plan.doc();
    b.open_page("app-readiness", t.app_readiness);
    let role = |id: &crate::model::ids::RoleId| {
        plan.role(id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    };
    if !d.evacuation.is_empty() {
        b.h3(t.evacuation);
        for e in &d.evacuation {
            let _ = writeln!(
                b.0,
                "<h4>{}</h4>\n<p>{}: {} · {}: {}</p>\n<ol>",
                esc(&e.site),
                esc(t.lead),
                esc(&role(&e.lead)),
                esc(t.assembly_point),
                esc(&e.assembly_point)
            );
            for s in &e.steps {
                let _ = writeln!(b.0, "<li>{}</li>", esc(s));
            }
            b.0.push_str("</ol>\n");
        }
    }
    if !d.supplies.is_empty() {
        b.h3(t.supplies);
        b.head(&[t.name, t.quantity, t.location, t.keeper, t.check]);
        for s in &d.supplies {
            let keeper = plan.person(&s.keeper).map_or_else(
                || esc(s.keeper.as_str()),
                |p| format!("{}<br>{}", esc(&p.name), phone_lines(&p.contact)),
            );
            b.row(&[
                esc(&s.name),
                esc(&s.quantity),
                esc(&s.location),
                keeper,
                esc(&s.check),
            ]);
        }
        b.end_table();
    }
    if !d.drills.is_empty() {
        b.h3(t.drills);
        for dr in &d.drills {
            let _ = writeln!(
                b.0,
                "<h4>{}</h4>\n<p class=\"muted\">{} · {}: {}</p>",
                esc(&dr.name),
                esc((t.drill_kind)(dr.kind)),
                esc(t.frequency),
                esc(&dr.frequency)
            );
            let _ = writeln!(
                b.0,
                "<p><b>{}</b>: {}</p>",
                esc(t.scenario),
                esc(&dr.scenario)
            );
            if !dr.targets.is_empty() {
                let targets: Vec<String> = dr
                    .targets
                    .iter()
                    .map(|x| format!("{}: {}", x.what, (t.within)(span(x.within_minutes))))
                    .collect();
                let _ = writeln!(
                    b.0,
                    "<p><b>{}</b>: {}</p>\n<p class=\"muted\">{}</p>",
                    esc(t.targets),
                    esc(&targets.join(t.sep)),
                    esc(t.drill_clocks)
                );
            }
            if !dr.criteria.is_empty() {
                let _ = writeln!(b.0, "<p><b>{}</b>:</p>\n<ul>", esc(t.drill_criteria));
                for c in &dr.criteria {
                    let _ = writeln!(b.0, "<li>{}</li>", esc(c));
                }
                b.0.push_str("</ul>\n");
            }
        }
    }
    if !d.training.is_empty() {
        b.h3(t.training);
        b.head(&[t.people, t.topic, t.frequency]);
        for tr in &d.training {
            b.row(&[esc(&tr.audience), esc(&tr.topic), esc(&tr.frequency)]);
        }
        b.end_table();
    }
    b.close_page();
}

fn revisions(plan: &Plan, t: &PaperTr, b: &mut Body) {
    b.open_page("app-revisions", t.app_revisions);
    b.head(&[t.version, t.date, t.author, t.changes]);
    for r in &plan.doc().revisions {
        b.row(&[
            esc(&r.version),
            esc(&r.date.to_string()),
            esc(&r.author),
            esc(&r.changes),
        ]);
    }
    b.end_table();
    b.close_page();
}
