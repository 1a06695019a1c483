//! Filling communication templates from the incident.
//!
//! A template's `{placeholders}` (see [`template`]) are filled from the
//! incident's facts (title, class, level, times, the commander and their
//! phone) and from the values people recorded by record steps — never from
//! the plan's own wording: a message goes to parents, teachers and the
//! regulator, and only what a person wrote for them may go out. A
//! placeholder with no value yet stays visible as `{name}`, so the operator
//! sees what is missing, and the model refuses to log the message as sent
//! until it is written (`Action::Message`, `ActionError::Unfilled`).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::model::plan::Plan;
use crate::model::plan::doc::StepKind;
use crate::model::plan::template;

use super::checklist::ClockKind;
use super::{Commander, Incident};

impl Incident {
    /// The values for template placeholders at `now`; `time` formats an
    /// instant for people (the caller knows the time zone, the model does not).
    #[must_use]
    pub fn placeholder_values(
        &self,
        plan: &Plan,
        now: DateTime<Utc>,
        time: &dyn Fn(DateTime<Utc>) -> String,
    ) -> BTreeMap<String, String> {
        let mut v = BTreeMap::new();
        let mut put = |k: &str, val: String| {
            v.insert(k.to_owned(), val);
        };
        put("title", self.title.clone());
        put("organisation", plan.doc().meta.organisation.clone());
        put("class", self.class.to_string());
        if let Some(c) = plan.class(&self.class) {
            put("class_name", c.name.clone());
        }
        put("level", self.level.to_string());
        if let Some(l) = plan.level(&self.level) {
            put("level_name", l.name.clone());
        }
        put("declared_at", time(self.declared_at));
        put("discovered_at", time(self.discovered_at));
        put("now", time(now));
        match (&self.commander, self.commander.callee(plan)) {
            (_, Some(callee)) => {
                put("commander", callee.name().to_owned());
                if let Some(phone) = callee.phones().first() {
                    put("contact_phone", phone.number.to_owned());
                }
            }
            (Commander::Named(name), None) => put("commander", name.clone()),
            // An id the plan no longer has: leave {commander} unfilled, so it
            // is seen and typed in before the message goes out.
            (_, None) => {}
        }
        if let Some(c) = self
            .status(plan, now)
            .clocks
            .iter()
            .find(|c| c.kind == ClockKind::StatusUpdate)
        {
            put("next_update", time(c.due));
        }
        // Record steps fill their own keys (`impact`, `eta`, `actions` in the
        // operator's own words, …). Nothing is drafted from the plan's text:
        // a `{actions}` nobody wrote stays `{actions}`, and the message
        // cannot be logged as sent until someone writes it.
        for fs in plan.flow(&self.class) {
            if let StepKind::Record { key, .. } = &fs.step.kind
                && let Some(value) = self.values.get(&fs.step.id)
            {
                v.insert(key.clone(), value.clone());
            }
        }
        v
    }

    /// A template's text filled from the incident, and from `extra` values
    /// the operator gave (which win).
    #[must_use]
    pub fn render_template(
        &self,
        plan: &Plan,
        chosen: &crate::model::plan::doc::Template,
        now: DateTime<Utc>,
        time: &dyn Fn(DateTime<Utc>) -> String,
        extra: &BTreeMap<String, String>,
    ) -> String {
        let mut values = self.placeholder_values(plan, now, time);
        values.extend(extra.iter().map(|(k, v)| (k.clone(), v.clone())));
        let body = template::fill(&chosen.body, &values);
        match &chosen.subject {
            Some(subject) => format!("{}\n\n{body}", template::fill(subject, &values)),
            None => body,
        }
    }
}
