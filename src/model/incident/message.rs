//! Filling communication templates from the incident.
//!
//! A template's `{placeholders}` are filled from the incident (title, level,
//! times, the commander) and from the values recorded by record steps. A
//! placeholder with no value yet stays visible as `{name}`, so the operator
//! sees what is missing before the message goes out.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::model::plan::Plan;
use crate::model::plan::doc::StepKind;

use super::Incident;
use super::checklist::ClockKind;

/// Replaces each `{name}` with its value; `{{` and `}}` become braces; names
/// without a value are left as `{name}`.
#[must_use]
pub fn fill(text: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let c = &rest[i..=i];
        let after = &rest[i + 1..];
        if after.starts_with(c) {
            out.push_str(c);
            rest = &after[1..];
            continue;
        }
        if c == "{"
            && let Some(end) = after.find('}')
            && let Some(v) = values.get(&after[..end])
        {
            out.push_str(v);
            rest = &after[end + 1..];
            continue;
        }
        out.push_str(c);
        rest = after;
    }
    out.push_str(rest);
    out
}

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
        put("now", time(now));
        put("commander", self.commander.clone());
        if let Some(p) = plan.doc().people.iter().find(|p| p.name == self.commander)
            && let Some(phone) = p.contact.mobile.as_ref().or(p.contact.office.as_ref())
        {
            put("contact_phone", phone.clone());
        }
        if let Some(c) = self
            .status(plan, now)
            .clocks
            .iter()
            .find(|c| c.kind == ClockKind::StatusUpdate)
        {
            put("next_update", time(c.due));
        }
        // Record steps fill their own keys (and may fill `impact`, `eta`, …).
        for fs in plan.flow(&self.class) {
            if let StepKind::Record { key, .. } = &fs.step.kind
                && let Some(value) = self.values.get(&fs.step.id)
            {
                v.insert(key.clone(), value.clone());
            }
        }
        v
    }

    /// A template's text filled from the incident.
    #[must_use]
    pub fn render_template(
        &self,
        plan: &Plan,
        template: &crate::model::plan::doc::Template,
        now: DateTime<Utc>,
        time: &dyn Fn(DateTime<Utc>) -> String,
    ) -> String {
        let values = self.placeholder_values(plan, now, time);
        let body = fill(&template.body, &values);
        match &template.subject {
            Some(subject) => format!("{}\n\n{body}", fill(subject, &values)),
            None => body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_and_keeps_unknown_placeholders() {
        let mut v = BTreeMap::new();
        v.insert("title".to_owned(), "直播中断".to_owned());
        assert_eq!(
            fill("{title}: {impact} {{x}}", &v),
            "直播中断: {impact} {x}"
        );
        assert_eq!(fill("a } b { c", &v), "a } b { c");
    }
}
