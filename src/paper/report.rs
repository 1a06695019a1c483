//! The incident as a report for the review (复盘): what happened, when, who
//! did what, against the plan's clocks.
//!
//! Built from the replayed incident and the plan it ran under, as a
//! [`Doc`] that is written as Markdown or HTML. Times are formatted by the
//! caller's [`Times`] (the model has no time zone); whether the log checked
//! out is the caller's [`Verification`] (the model reads no files).

use chrono::{DateTime, Utc};

use super::doc::{Block, Col, Doc};
use super::svg;
use crate::i18n::Lang;
use crate::i18n::incident::commander_name;
use crate::i18n::time::{Span, Times};
use crate::model::incident::{ClockKind, Entry, Event, Incident, ItemState, Status};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::StepKind;

/// What checking the log found, for the report's last section.
#[derive(Clone, Debug, Default)]
pub struct Verification {
    /// Whether the whole record checked out.
    pub ok: bool,
    /// Each log file's name and the hash of its last line: write them down,
    /// and `runbook verify --head` shows later whether the log was rewritten.
    pub heads: Vec<(String, String)>,
    /// The log files that do not check out (`runbook verify` says why).
    pub bad_files: Vec<String>,
    /// The log files still being written (or whose last session ended
    /// without its closing record), which check out so far.
    pub open_files: Vec<String>,
    /// Whether the record is missing a log or holds another incident's
    /// (no declaration, several, entries referring to missing ones).
    pub record_incomplete: bool,
}

/// A value a person recorded by a record step.
pub(super) struct Recorded<'a> {
    /// The step's label, in the plan's words.
    pub label: &'a str,
    /// The value, as typed.
    pub value: &'a str,
    /// The entry that recorded it: who and when.
    pub entry: &'a Entry,
}

/// The facts every paper about an incident starts with.
pub(super) struct Facts<'a> {
    pub plan: &'a Plan,
    pub incident: &'a Incident,
    pub times: &'a Times,
    pub lang: Lang,
    /// The checklist and clocks as of now, worked out once for every
    /// section that shows them.
    pub status: Status<'a>,
}

impl<'a> Facts<'a> {
    /// The facts of an incident under its plan, in the plan's language.
    pub fn new(plan: &'a Plan, incident: &'a Incident, times: &'a Times) -> Self {
        Self {
            plan,
            incident,
            times,
            lang: super::binder::lang_of(plan),
            status: incident.status(plan, times.now()),
        }
    }

    /// The end of the response so far: the close, or now.
    pub fn end(&self) -> DateTime<Utc> {
        self.incident
            .closed_at()
            .unwrap_or_else(|| self.times.now())
    }

    pub fn level_name(&self, id: &crate::model::ids::LevelId) -> String {
        let name = self.plan.level(id).map_or("", |l| l.name.as_str());
        (self.lang.tr().paper.level_title)(id.as_str(), name)
    }

    /// The levels held, in order, with when each began.
    pub fn level_history(&self) -> Vec<(DateTime<Utc>, crate::model::ids::LevelId)> {
        let mut out = Vec::new();
        for e in self.incident.timeline() {
            match &e.event {
                Event::Declared(d) => {
                    out.push((self.incident.declared_at(), d.level.clone()));
                }
                Event::LevelChanged { to, .. } => out.push((e.at(), to.clone())),
                _ => {}
            }
        }
        out
    }

    /// The legal grade, when a record step with key `legal_grade` holds it:
    /// the value, who recorded it and when.
    pub fn legal_grade(&self) -> Option<(String, String, DateTime<Utc>)> {
        let r = self.recorded("legal_grade")?;
        Some((r.value.to_owned(), r.entry.recorder(), r.entry.at()))
    }

    /// What the record step with this key holds, in the incident's flow:
    /// its label, the value as last recorded, and the entry that recorded it.
    pub fn recorded(&self, key: &str) -> Option<Recorded<'_>> {
        self.plan
            .flow(self.incident.class())
            .into_iter()
            .find_map(|fs| match &fs.step.kind {
                StepKind::Record { key: k, label, .. } if k == key => {
                    let value = self.incident.value(&fs.step.id)?;
                    let entry = self
                        .incident
                        .entries_about(&fs.step.id)
                        .filter(|e| matches!(e.event, Event::ValueRecorded { .. }))
                        .last()?;
                    Some(Recorded {
                        label: label.as_str(),
                        value,
                        entry,
                    })
                }
                _ => None,
            })
    }

    /// Everyone who recorded an entry, as `name@device`, in order of first entry.
    pub fn operators(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for e in self.incident.timeline() {
            let who = e.recorder();
            if !out.contains(&who) {
                out.push(who);
            }
        }
        out
    }

    /// The entry that settled a step as it stands: its last status, value
    /// or answer; for a message step done by sending its template, the
    /// first message sent from it.
    pub fn acted<'s>(
        &'s self,
        step: &'s crate::model::plan::doc::Step,
    ) -> Option<&'s crate::model::incident::Entry> {
        let own = self
            .incident
            .entries_about(&step.id)
            .filter(|e| {
                matches!(
                    e.event,
                    Event::StepStatus { .. }
                        | Event::ValueRecorded { .. }
                        | Event::DecisionAnswered { .. }
                )
            })
            .last();
        own.or_else(|| {
            match &step.kind {
            StepKind::Communicate { template } => self.incident.timeline().iter().find(|e| {
                matches!(&e.event, Event::MessageSent { template: Some(t), .. } if t == template)
            }),
            _ => None,
        }
        })
    }

    pub fn span(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> String {
        (self.lang.tr().span)(Span::of(to - from))
    }

    /// For a drill, the mark every page's header carries.
    pub fn mark(&self) -> Option<String> {
        self.incident
            .is_drill()
            .then(|| self.lang.tr().paper.drill_mark.to_owned())
    }

    /// A footer: `before`, the incident's title, DRILL when it is one, and
    /// `after`, joined by dots.
    pub fn footer(&self, before: &[&str], after: &[&str]) -> String {
        let drill = self
            .incident
            .is_drill()
            .then_some(self.lang.tr().walk.drill);
        before
            .iter()
            .copied()
            .chain(std::iter::once(self.incident.title()))
            .chain(drill)
            .chain(after.iter().copied())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// The report of an incident.
#[must_use]
pub fn report(plan: &Plan, incident: &Incident, times: &Times, verification: &Verification) -> Doc {
    let f = Facts::new(plan, incident, times);
    let tr = f.lang.tr();
    let t = tr.paper;
    let declared = times.datetime(incident.declared_at());
    // A real incident's report says so too: it is the one paper kept for
    // years, and read beside drills'.
    let real = [tr.walk.real, declared.as_str()];
    let mut d = Doc {
        title: (t.report_title)(incident.title()),
        footer: f.footer(
            &[],
            if incident.is_drill() {
                &real[1..]
            } else {
                &real
            },
        ),
        mark: f.mark(),
        lang: t.html_lang,
        blocks: Vec::new(),
    };
    header(&f, &mut d);
    super::review::review(&f, &mut d);
    if incident.is_drill() {
        evaluation(&f, &mut d);
    }
    d.push(Block::Figure(t.picture.to_owned(), svg::picture(&f)));
    activity(&f, &mut d);
    checklist(&f, &mut d);
    calls(&f, &mut d);
    messages(&f, &mut d);
    notes(&f, &mut d);
    open_items(&f, &mut d);
    record(&f, verification, &mut d);
    d
}

fn header(f: &Facts<'_>, d: &mut Doc) {
    let tr = f.lang.tr();
    let t = tr.paper;
    let i = f.incident;
    let history: Vec<String> = f
        .level_history()
        .iter()
        .map(|(at, l)| format!("{} ({})", f.level_name(l), f.times.datetime(*at)))
        .collect();
    let mut fields = vec![
        (
            t.incident_kind.to_owned(),
            if i.is_drill() {
                tr.walk.drill
            } else {
                tr.walk.real
            }
            .to_owned(),
        ),
        (
            t.fault_class.to_owned(),
            f.plan
                .class(i.class())
                .map_or_else(|| i.class().to_string(), |c| c.name.clone()),
        ),
        (t.level_history.to_owned(), history.join(" → ")),
    ];
    if let Some((grade, who, at)) = f.legal_grade() {
        fields.push((
            t.legal_grade.to_owned(),
            format!("{grade} ({who}, {})", f.times.datetime(at)),
        ));
    }
    fields.extend([
        (
            tr.walk.commander.to_owned(),
            commander_name(i.commander(), f.plan),
        ),
        (
            t.plan_used.to_owned(),
            format!(
                "{} {} · SHA-256 {}",
                t.version,
                i.plan_version(),
                i.plan_sha256()
            ),
        ),
        (t.operators.to_owned(), f.operators().join(", ")),
        (t.discovered.to_owned(), f.times.datetime(i.discovered_at())),
        (t.declared.to_owned(), f.times.datetime(i.declared_at())),
        (
            t.ended.to_owned(),
            i.closed_at()
                .map_or_else(|| t.still_open.to_owned(), |c| f.times.datetime(c)),
        ),
        (t.duration.to_owned(), f.span(i.discovered_at(), f.end())),
    ]);
    d.push(Block::Fields(fields));
}

/// For a drill: each time target of the scenario it played, against what
/// happened; when it named none and the plan has several for its class,
/// which ones, and a box.
fn evaluation(f: &Facts<'_>, d: &mut Doc) {
    use crate::model::incident::Verdict;
    let t = f.lang.tr().paper;
    let r = &t.review;
    d.push(Block::Heading(t.evaluation.to_owned()));
    let Some(drill) = f.incident.drill_played(f.plan) else {
        let names: Vec<String> = f
            .incident
            .drills_for_class(f.plan)
            .map(|d| format!("{} ({})", d.name, d.id))
            .collect();
        d.push(Block::Para((r.no_scenario)(&names.join(t.sep))));
        d.push(Block::ToWrite(r.write_scenario.to_owned()));
        return;
    };
    d.push(Block::Fields(vec![(
        r.scenario.to_owned(),
        format!("{} ({})\n{}", drill.name, drill.id, drill.scenario),
    )]));
    if !drill.criteria.is_empty() {
        d.push(Block::Subheading(t.drill_criteria.to_owned()));
        d.push(Block::List(drill.criteria.clone()));
    }
    let rows: Vec<Vec<String>> = f
        .incident
        .drill_evaluation(f.plan)
        .iter()
        .map(|e| {
            let limit = (t.within)(crate::model::plan::contacts::span(e.target.within_minutes));
            let took =
                e.at.map(|at| f.span(f.incident.discovered_at(), at))
                    .unwrap_or_default();
            let verdict = match e.verdict {
                Verdict::Met => t.met.to_owned(),
                Verdict::Late => {
                    let due = f.incident.discovered_at()
                        + chrono::Duration::minutes(e.target.within_minutes.get());
                    e.at.map_or_else(|| t.missed.to_owned(), |at| (t.late_by)(&f.span(due, at)))
                }
                Verdict::NotReached => t.not_reached.to_owned(),
                Verdict::ByHand => t.by_hand.to_owned(),
            };
            vec![
                e.drill.name.clone(),
                e.target.what.clone(),
                limit,
                e.at.map(|at| f.times.datetime(at)).unwrap_or_default(),
                took,
                verdict,
            ]
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    d.push(Block::Para(t.evaluation_intro.to_owned()));
    // The targets count from the discovery, the call tree and the steps
    // from the declaration: say how far apart the two are, so that a call
    // made on time that reads late against a target is understood.
    let (discovered, declared) = (f.incident.discovered_at(), f.incident.declared_at());
    d.push(Block::Para(if declared > discovered {
        (t.evaluation_clocks)(
            &f.times.datetime(discovered),
            &f.times.datetime(declared),
            &f.span(discovered, declared),
        )
    } else {
        t.evaluation_one_clock.to_owned()
    }));
    d.push(Block::Table(
        vec![
            Col::words(t.col_drill),
            Col::wrap(t.col_target),
            Col::whole(t.time_limit),
            Col::words(t.col_time),
            Col::whole(t.col_took),
            Col::whole(t.col_met),
        ],
        rows,
    ));
}

fn activity(f: &Facts<'_>, d: &mut Doc) {
    let tr = f.lang.tr();
    let t = tr.paper;
    d.push(Block::Heading(t.activity_log.to_owned()));
    let rows = f
        .incident
        .timeline()
        .iter()
        .map(|e| {
            let what = (tr.incident.event)(&e.event, f.plan, f.times);
            vec![
                f.times.datetime(e.at()),
                e.recorder(),
                if f.incident.is_addendum(e) {
                    format!("[{}] {what}", t.addendum)
                } else {
                    what
                },
            ]
        })
        .collect();
    d.push(Block::Table(
        vec![
            Col::words(t.col_time),
            Col::words(t.col_who),
            Col::wrap(t.col_what),
        ],
        rows,
    ));
}

fn checklist(f: &Facts<'_>, d: &mut Doc) {
    let tr = f.lang.tr();
    let (t, w) = (tr.paper, tr.walk);
    d.push(Block::Heading(t.checklist.to_owned()));
    let status = &f.status;
    let mut rows = Vec::new();
    for item in &status.items {
        let last = f.acted(item.step);
        let state = match &item.state {
            ItemState::Open => w.state_open_step.to_owned(),
            ItemState::Done => w.state_done.to_owned(),
            ItemState::Skipped(why) => (w.state_skipped)(why),
            ItemState::NotApplicable => w.state_na.to_owned(),
            ItemState::Deferred => w.state_deferred.to_owned(),
            ItemState::Blocked(why) => (w.state_blocked)(why),
            ItemState::Bypassed(by) => (w.state_bypassed)(by.as_str()),
        };
        let (who, when) = last.map_or((String::new(), String::new()), |e| {
            (e.recorder(), f.times.datetime(e.at()))
        });
        let met = match (item.due, &item.state, last) {
            (Some(due), ItemState::Done, Some(e)) if e.at() <= due => t.met.to_owned(),
            (Some(due), ItemState::Done, Some(e)) => (t.late_by)(&f.span(due, e.at())),
            (Some(due), s, _) if !s.is_settled() && f.end() > due => t.missed.to_owned(),
            _ => String::new(),
        };
        let value = f
            .incident
            .value(&item.step.id)
            .map(|v| format!("\n{v}"))
            .unwrap_or_default();
        rows.push(vec![
            item.step.id.to_string(),
            format!("{}{value}", item.step.text),
            f.plan
                .role(&item.step.role)
                .map_or_else(|| item.step.role.to_string(), |r| r.name.clone()),
            state,
            who,
            when,
            item.due
                .map(|due| f.times.datetime(due))
                .unwrap_or_default(),
            met,
        ]);
    }
    d.push(Block::Table(
        vec![
            Col::wrap(t.col_id),
            Col::wrap(t.col_step),
            Col::words(t.col_owner),
            Col::words(t.col_state),
            Col::words(t.col_who),
            Col::words(t.col_time),
            Col::words(t.col_due),
            Col::whole(t.col_met),
        ],
        rows,
    ));
    // The plan's clocks: reports owed, people to inform.
    let clocks: Vec<Vec<String>> = status
        .clocks
        .iter()
        .filter(|c| matches!(c.kind, ClockKind::Duty(_) | ClockKind::Inform(_)))
        .map(|c| {
            vec![
                c.label.clone(),
                f.times.datetime(c.due),
                if c.met {
                    t.met.to_owned()
                } else if f.end() > c.due {
                    t.missed.to_owned()
                } else {
                    t.pending.to_owned()
                },
            ]
        })
        .collect();
    if !clocks.is_empty() {
        d.push(Block::Heading(t.clocks.to_owned()));
        d.push(Block::Table(
            vec![
                Col::wrap(t.col_what),
                Col::words(t.col_due),
                Col::whole(t.col_met),
            ],
            clocks,
        ));
    }
}

/// A section listing the timeline's entries of one kind, one row each, or
/// saying that none was recorded.
fn entries_table(
    f: &Facts<'_>,
    d: &mut Doc,
    heading: &str,
    head: [Col; 4],
    row: impl Fn(&Entry) -> Option<Vec<String>>,
) {
    let rows: Vec<Vec<String>> = f.incident.timeline().iter().filter_map(row).collect();
    d.push(Block::Heading(heading.to_owned()));
    if rows.is_empty() {
        d.push(Block::Para(f.lang.tr().paper.none_recorded.to_owned()));
    } else {
        d.push(Block::Table(head.into(), rows));
    }
}

fn calls(f: &Facts<'_>, d: &mut Doc) {
    let tr = f.lang.tr();
    let t = tr.paper;
    entries_table(
        f,
        d,
        t.calls,
        [
            Col::words(t.col_time),
            Col::words(t.col_to),
            Col::wrap(t.col_what),
            Col::words(t.col_who),
        ],
        |e| match &e.event {
            Event::CallAttempt { to, .. } => Some(vec![
                f.times.datetime(e.at()),
                Callee::of(f.plan, to).label(),
                (tr.incident.event)(&e.event, f.plan, f.times),
                e.recorder(),
            ]),
            _ => None,
        },
    );
}

fn messages(f: &Facts<'_>, d: &mut Doc) {
    let tr = f.lang.tr();
    let t = tr.paper;
    let head = [
        Col::words(t.col_time),
        Col::words(t.col_audience),
        Col::words(t.channel),
        Col::wrap(t.col_text),
    ];
    entries_table(f, d, t.messages, head, |e| match &e.event {
        Event::MessageSent {
            audience,
            channel,
            text,
            ..
        } => Some(vec![
            f.times.datetime(e.at()),
            (tr.incident.audience)(*audience).to_owned(),
            channel
                .map(|c| (tr.incident.message_channel)(c).to_owned())
                .unwrap_or_default(),
            text.clone(),
        ]),
        _ => None,
    });
}

fn notes(f: &Facts<'_>, d: &mut Doc) {
    let t = f.lang.tr().paper;
    let head = [
        Col::words(t.col_time),
        Col::words(t.col_who),
        Col::whole(t.col_step),
        Col::wrap(t.col_text),
    ];
    entries_table(f, d, t.notes, head, |e| match &e.event {
        Event::Note { text, step, .. } => Some(vec![
            f.times.datetime(e.at()),
            e.recorder(),
            step.as_ref().map(ToString::to_string).unwrap_or_default(),
            text.clone(),
        ]),
        _ => None,
    });
}

fn open_items(f: &Facts<'_>, d: &mut Doc) {
    let tr = f.lang.tr();
    let t = tr.paper;
    let status = &f.status;
    let items: Vec<String> = status
        .items
        .iter()
        .filter(|i| !i.state.is_settled())
        .map(|i| {
            let state = match &i.state {
                ItemState::Deferred => tr.walk.state_deferred.to_owned(),
                ItemState::Blocked(why) => (tr.walk.state_blocked)(why),
                _ => tr.walk.state_open_step.to_owned(),
            };
            format!("{} {} — {state}", i.step.id, i.step.text)
        })
        .collect();
    d.push(Block::Heading(t.open_items.to_owned()));
    if items.is_empty() {
        d.push(Block::Para(t.nothing_open.to_owned()));
    } else {
        d.push(Block::List(items));
    }
}

fn record(f: &Facts<'_>, v: &Verification, d: &mut Doc) {
    let t = f.lang.tr().paper;
    d.push(Block::Heading(t.verification.to_owned()));
    let whole = v.bad_files.is_empty() && !v.record_incomplete;
    let said = if v.ok {
        t.verified_ok
    } else if whole {
        t.verified_so_far
    } else {
        t.verified_bad
    };
    d.push(Block::Para(said.to_owned()));
    let mut findings: Vec<String> = v.bad_files.iter().map(|f| (t.bad_file)(f)).collect();
    findings.extend(v.open_files.iter().map(|f| (t.open_file)(f)));
    if v.record_incomplete {
        findings.push(t.record_incomplete.to_owned());
    }
    if !findings.is_empty() {
        d.push(Block::List(findings));
    }
    if !v.heads.is_empty() {
        d.push(Block::Table(
            vec![Col::words(t.col_file), Col::wrap(t.col_head)],
            v.heads
                .iter()
                .map(|(f, h)| vec![f.clone(), h.clone()])
                .collect(),
        ));
    }
}
