//! The template language: `{placeholder}`s in message templates.
//!
//! One scanner serves the validator (which reports a stray brace or an
//! unknown name in the plan), the incident (which fills the placeholders it
//! has values for) and the window (which highlights the ones still empty), so
//! the three can never disagree about what a placeholder is. `{{` and `}}`
//! are literal braces.

use std::collections::BTreeMap;

/// The placeholders every template may use, filled from the incident's own
/// facts; record steps add their own keys (such as `affected_students`).
pub const BUILTIN_PLACEHOLDERS: &[&str] = &[
    "class",
    "class_name",
    "commander",
    "contact_phone",
    "declared_at",
    "discovered_at",
    "level",
    "level_name",
    "next_update",
    "now",
    "organisation",
    "title",
];

/// Well-known placeholders that only a record step fills: the actions taken
/// and the impact as told to outsiders, and the expected recovery, are a
/// person's judgement, never derived — least of all from the plan's own
/// checklist wording, which is written for the responders, not for parents
/// or teachers. A template may use them; `runbook check` warns when no record
/// step fills them before the template is sent.
pub const RECORDED_PLACEHOLDERS: &[&str] = &["actions", "eta", "impact"];

/// A piece of template text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text shown as it is (an escaped brace is a one-character text).
    Text(&'a str),
    /// A `{name}`: the name without braces.
    Placeholder(&'a str),
    /// Something that is not a placeholder but looks like one; kept as text
    /// when filling, reported by the validator.
    Stray(&'a str, Stray),
}

/// What is wrong with a stray brace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stray {
    /// A `{` that is never closed.
    Unclosed,
    /// A `}` without its `{`.
    Unopened,
    /// Braces around something that is not a placeholder name.
    BadName,
}

/// Whether `s` can name a placeholder: `[a-z][a-z0-9_]*`.
#[must_use]
pub fn is_placeholder_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Splits a template text into its pieces, in order.
#[must_use]
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        if i > 0 {
            out.push(Piece::Text(&rest[..i]));
        }
        let brace = &rest[i..=i];
        let after = &rest[i + 1..];
        if after.starts_with(brace) {
            out.push(Piece::Text(brace));
            rest = &after[1..];
            continue;
        }
        if brace == "}" {
            out.push(Piece::Stray(brace, Stray::Unopened));
            rest = after;
            continue;
        }
        let Some(end) = after.find('}') else {
            out.push(Piece::Stray(brace, Stray::Unclosed));
            rest = after;
            continue;
        };
        let name = &after[..end];
        if is_placeholder_name(name) {
            out.push(Piece::Placeholder(name));
        } else {
            out.push(Piece::Stray(&rest[i..i + end + 2], Stray::BadName));
        }
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// The placeholder names in a template text, in order.
///
/// # Errors
/// The first stray brace, and what is wrong with it.
pub fn placeholders(text: &str) -> Result<Vec<&str>, (&str, Stray)> {
    let mut out = Vec::new();
    for piece in pieces(text) {
        match piece {
            Piece::Placeholder(name) => out.push(name),
            Piece::Stray(text, why) => return Err((text, why)),
            Piece::Text(_) => {}
        }
    }
    Ok(out)
}

/// The placeholder names in a template text, each with where it is (braces
/// included, as a byte range), in order: for a diagnostic that points at
/// the placeholder rather than the whole text.
///
/// # Errors
/// The first stray brace, what is wrong with it, and where it is.
#[allow(clippy::type_complexity)] // A name and a range, or a stray and a range.
pub fn placeholders_at(
    text: &str,
) -> Result<Vec<(&str, std::ops::Range<usize>)>, (&str, Stray, std::ops::Range<usize>)> {
    // Every piece is a slice of `text`: its place is its distance from the
    // start.
    let base = text.as_ptr() as usize;
    let mut out = Vec::new();
    for piece in pieces(text) {
        match piece {
            Piece::Placeholder(name) => {
                let start = name.as_ptr() as usize - base;
                out.push((name, start - 1..start + name.len() + 1));
            }
            Piece::Stray(stray, why) => {
                let start = stray.as_ptr() as usize - base;
                return Err((stray, why, start..start + stray.len()));
            }
            Piece::Text(_) => {}
        }
    }
    Ok(out)
}

/// Where each placeholder is in a text, braces included, as byte ranges in
/// order: for highlighting what is still to fill in.
#[must_use]
pub fn placeholder_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let base = text.as_ptr() as usize;
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            // The name is a slice of `text`, just inside its braces.
            Piece::Placeholder(name) => {
                let start = name.as_ptr() as usize - base;
                Some(start - 1..start + name.len() + 1)
            }
            _ => None,
        })
        .collect()
}

/// The placeholders still in a text, in order: what nobody has filled in.
#[must_use]
pub fn unfilled(text: &str) -> Vec<&str> {
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Placeholder(name) => Some(name),
            _ => None,
        })
        .collect()
}

/// Replaces each `{name}` that has a value; `{{` and `}}` become braces;
/// placeholders without a value stay as `{name}`, so the operator sees what
/// is missing before the message goes out.
#[must_use]
pub fn fill(text: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) | Piece::Stray(t, _) => out.push_str(t),
            Piece::Placeholder(name) => match values.get(name) {
                Some(v) => out.push_str(v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders_and_escapes() {
        assert_eq!(
            placeholders("{title} at {{x}} {level}"),
            Ok(vec!["title", "level"])
        );
        assert_eq!(placeholders("{title"), Err(("{", Stray::Unclosed)));
        assert_eq!(placeholders("x }"), Err(("}", Stray::Unopened)));
        assert_eq!(
            placeholders("a {Bad Name} b"),
            Err(("{Bad Name}", Stray::BadName))
        );
    }

    #[test]
    fn placeholders_and_strays_say_where_they_are() {
        let text = "写{{x}}：{impact}，{eta}";
        let found: Vec<&str> = placeholders_at(text)
            .unwrap_or_default()
            .into_iter()
            .map(|(_, r)| &text[r])
            .collect();
        assert_eq!(found, ["{impact}", "{eta}"]);
        assert_eq!(
            placeholders_at("ok {title} then {Bad Name}"),
            Err(("{Bad Name}", Stray::BadName, 16..26))
        );
        assert_eq!(placeholders_at("{title"), Err(("{", Stray::Unclosed, 0..1)));
    }

    #[test]
    fn fills_known_and_keeps_unknown_placeholders() {
        let mut v = BTreeMap::new();
        v.insert("title".to_owned(), "直播中断".to_owned());
        assert_eq!(
            fill("{title}: {impact} {{x}}", &v),
            "直播中断: {impact} {x}"
        );
        assert_eq!(fill("a } b { c", &v), "a } b { c");
        assert_eq!(fill("{Not A Name} {title}", &v), "{Not A Name} 直播中断");
    }

    #[test]
    fn placeholder_ranges_point_at_the_braces() {
        let text = "写{{x}}：{impact}，{eta}";
        let ranges = placeholder_ranges(text);
        let found: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["{impact}", "{eta}"]);
        assert_eq!(unfilled(text), ["impact", "eta"]);
    }

    #[test]
    fn pieces_cover_the_whole_text() {
        for text in [
            "",
            "{a}",
            "x{{y}}z",
            "{",
            "}",
            "{a}{b}",
            "中{title}文",
            "{ x }",
        ] {
            let joined: String = pieces(text)
                .iter()
                .map(|p| match p {
                    Piece::Text(t) | Piece::Stray(t, _) => (*t).to_owned(),
                    Piece::Placeholder(n) => format!("{{{n}}}"),
                })
                .collect();
            // Escaped braces come back single, so compare with them undone.
            assert_eq!(joined, text.replace("{{", "{").replace("}}", "}"), "{text}");
        }
    }
}
