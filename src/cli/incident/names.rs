//! What an operator types for a level or a class, read as a person means
//! it, and the "did you mean" for a step, class, level, person or template
//! the plan does not have.
//!
//! A level is written many ways in a command room: `II`, `2`, `Ⅱ`, `Ⅱ级`,
//! its colour (`橙色`, `orange`) or its name; all of them mean the plan's
//! level id. A typo is answered with the closest ids the plan has (edit
//! distance, `strsim`, as the plan checker does for a plan's own ids), so
//! the operator types the right one next instead of reading the plan.

use crate::model::ids::{ClassId, LevelId};
use crate::model::incident::{ActionError, Incident};
use crate::model::notice::IncidentError;
use crate::model::plan::Plan;
use crate::model::plan::contacts::NameError;
use crate::model::plan::doc::Colour;

/// How many suggestions are shown at most.
const SHOWN: usize = 3;

/// The plan's level a typed level means: its id as typed, else a Roman
/// numeral in any case or as one Unicode character (`Ⅱ`), an Arabic
/// number (`2` is the plan's second level), the colour in Chinese or
/// English, or the level's name; with or without `级`. What none of these
/// reads is passed on as typed, for the model to refuse with the levels
/// it knows.
#[must_use]
pub fn level(plan: &Plan, typed: &str) -> LevelId {
    let levels = &plan.doc().levels;
    let t = typed.trim();
    if levels.iter().any(|l| l.id.as_str() == t) {
        return LevelId::new(t);
    }
    let bare = t
        .trim_end_matches(['级', '級'])
        .trim()
        .trim_start_matches(['l', 'L'])
        .trim_start_matches("evel")
        .trim();
    let roman: String = bare
        .chars()
        .map(ascii_roman)
        .collect::<String>()
        .to_uppercase();
    let by_id = levels
        .iter()
        .find(|l| l.id.as_str().eq_ignore_ascii_case(&roman));
    let by_number = bare
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| levels.get(i));
    let lower = t.to_lowercase();
    let by_colour = levels.iter().find(|l| {
        colour_words(l.colour)
            .iter()
            .any(|w| *w == lower || format!("{w}级") == lower)
    });
    let by_name = levels
        .iter()
        .find(|l| l.name.trim().to_lowercase() == lower || l.name.trim().to_lowercase() == bare);
    by_id
        .or(by_number)
        .or(by_colour)
        .or(by_name)
        .map_or_else(|| LevelId::new(t), |l| l.id.clone())
}

/// A Roman numeral written as one Unicode character, spelt in ASCII.
fn ascii_roman(c: char) -> String {
    match c {
        'Ⅰ' | 'ⅰ' => "I".into(),
        'Ⅱ' | 'ⅱ' => "II".into(),
        'Ⅲ' | 'ⅲ' => "III".into(),
        'Ⅳ' | 'ⅳ' => "IV".into(),
        'Ⅴ' | 'ⅴ' => "V".into(),
        c => c.to_string(),
    }
}

/// The words for a colour, lower case.
fn colour_words(colour: Colour) -> &'static [&'static str] {
    match colour {
        Colour::Red => &["red", "红", "红色"],
        Colour::Orange => &["orange", "橙", "橙色"],
        Colour::Yellow => &["yellow", "黄", "黄色"],
        Colour::Blue => &["blue", "蓝", "蓝色"],
    }
}

/// The plan's class a typed class means: its id, else its name (any case).
#[must_use]
pub fn class(plan: &Plan, typed: &str) -> ClassId {
    let t = typed.trim();
    plan.doc()
        .classes
        .iter()
        .find(|c| c.id.as_str() == t)
        .or_else(|| {
            plan.doc()
                .classes
                .iter()
                .find(|c| c.name.trim().to_lowercase() == t.to_lowercase())
        })
        .map_or_else(|| ClassId::new(t), |c| c.id.clone())
}

/// The known names closest to what was typed, closest first: within an
/// edit distance of about a third of the longer word (at least 2), or
/// containing what was typed; at most [`SHOWN`].
#[must_use]
pub fn closest<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return Vec::new();
    }
    let mut ranked: Vec<(usize, &str)> = known
        .into_iter()
        .filter_map(|k| {
            let lower = k.to_lowercase();
            let d = strsim::levenshtein(&typed, &lower);
            let room = (typed.chars().count().max(lower.chars().count()) / 3).max(2);
            let part = typed.chars().count() >= 3 && lower.contains(&typed);
            (d <= room || part).then_some((if part { d.min(room) } else { d }, k))
        })
        .collect();
    ranked.sort_unstable();
    ranked.dedup_by(|a, b| a.1 == b.1);
    ranked.into_iter().take(SHOWN).map(|(_, k)| k).collect()
}

/// The candidates to suggest for a refusal of something the plan does
/// not have, `None` when the refusal is of another kind or nothing is
/// close. `state` narrows steps to the incident's class.
#[must_use]
pub fn suggest(plan: &Plan, state: Option<&Incident>, e: &IncidentError) -> Option<String> {
    let IncidentError::Action(e) = e else {
        return None;
    };
    let doc = plan.doc();
    let found = match e {
        ActionError::UnknownStep(step) => {
            let steps: Vec<&str> = match state {
                Some(s) => plan
                    .flow(s.class())
                    .into_iter()
                    .map(|f| f.step.id.as_str())
                    .collect(),
                None => doc
                    .classes
                    .iter()
                    .flat_map(|c| plan.flow(&c.id))
                    .map(|f| f.step.id.as_str())
                    .collect(),
            };
            closest(step.as_str(), steps)
        }
        ActionError::UnknownClass { given, .. } => closest(
            given.as_str(),
            doc.classes
                .iter()
                .flat_map(|c| [c.id.as_str(), c.name.as_str()]),
        ),
        ActionError::UnknownLevel { given, .. } => {
            closest(given.as_str(), doc.levels.iter().map(|l| l.id.as_str()))
        }
        ActionError::UnknownTemplate(id) => {
            closest(id.as_str(), doc.templates.iter().map(|t| t.id.as_str()))
        }
        ActionError::Name(NameError::Unknown(given)) => closest(
            given,
            doc.roles
                .iter()
                .flat_map(|r| [r.id.as_str(), r.name.as_str()])
                .chain(
                    doc.people
                        .iter()
                        .flat_map(|p| [p.id.as_str(), p.name.as_str()]),
                )
                .chain(
                    doc.externals
                        .iter()
                        .flat_map(|x| [x.id.as_str(), x.name.as_str()]),
                ),
        ),
        _ => return None,
    };
    (!found.is_empty()).then(|| found.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_ids_come_first_and_far_ones_not_at_all() {
        let steps = [
            "net-switch-cdn",
            "net-switchback",
            "net-cdn",
            "assess-confirm",
        ];
        assert_eq!(closest("net-swich-cdn", steps), ["net-switch-cdn"]);
        assert_eq!(
            closest("netwrok", ["network", "database", "security"]),
            ["network"]
        );
        assert_eq!(closest("V", ["I", "II", "III", "IV"]), ["I", "IV", "II"]);
        assert!(closest("zzzzzz", steps).is_empty());
        assert_eq!(
            closest("switch", steps),
            ["net-switch-cdn", "net-switchback"]
        );
    }
}
