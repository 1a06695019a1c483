//! Filling communication templates from the incident.
//!
//! A template's `{placeholders}` (see [`template`]) are filled from the
//! incident (title, level, times, the commander and their phone) and from the
//! values recorded by record steps. A placeholder with no value yet stays
//! visible as `{name}`, so the operator sees what is missing before the
//! message goes out.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::model::plan::Plan;
use crate::model::plan::doc::StepKind;
use crate::model::plan::template;

use super::checklist::ClockKind;
use super::{Commander, Incident, StepStatus};

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
        if let Some(actions) = self.actions_so_far(plan) {
            v.insert("actions".to_owned(), actions);
        }
        // Record steps fill their own keys (and may fill `impact`, `eta`, …,
        // or `actions` in the operator's own words).
        for fs in plan.flow(&self.class) {
            if let StepKind::Record { key, .. } = &fs.step.kind
                && let Some(value) = self.values.get(&fs.step.id)
            {
                v.insert(key.clone(), value.clone());
            }
        }
        v
    }

    /// The actions taken so far, for `{actions}`: the first clause of each
    /// action step marked done, in the order of the response, in the plan's
    /// language. `None` while nothing has been done.
    fn actions_so_far(&self, plan: &Plan) -> Option<String> {
        let done: Vec<&str> = plan
            .flow(&self.class)
            .into_iter()
            .filter(|fs| matches!(fs.step.kind, StepKind::Action))
            .filter(|fs| self.steps.get(&fs.step.id) == Some(&StepStatus::Done))
            .map(|fs| first_clause(&fs.step.text))
            .collect();
        if done.is_empty() {
            return None;
        }
        let chinese = plan.doc().meta.language.starts_with("zh");
        Some(done.join(if chinese { "；" } else { "; " }))
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

/// A step's text up to its first clause mark: "Switch to the standby CDN,
/// region by region" gives "Switch to the standby CDN".
fn first_clause(text: &str) -> &str {
    let end = text
        .find(['，', '；', '。', '：', ',', ';', ':'])
        .unwrap_or(text.len());
    let clause = text[..end].trim_end_matches('.').trim();
    if clause.is_empty() { text } else { clause }
}
