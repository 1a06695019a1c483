//! Typed identifiers.
//!
//! Every entity in a plan has a short ASCII id that stays the same in every
//! language edition, so it can be typed on a command line and compared across
//! editions. Each kind of id is its own type, so a role id can never be passed
//! where a step id is expected; the validator checks that every id is
//! well-formed and that every reference resolves.

use std::fmt;

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

/// The longest id the format accepts; ids are meant to be typed by hand.
pub const MAX_ID_LEN: usize = 48;

/// Why a string is not a valid id; worded by `crate::i18n::plan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdProblem {
    /// The string is empty.
    Empty,
    /// The string is longer than [`MAX_ID_LEN`] bytes.
    TooLong,
    /// The string does not start with an ASCII letter or digit.
    BadStart,
    /// The string contains a character outside `A-Z a-z 0-9 - _ .`.
    BadChar(char),
}

/// Checks the id syntax: 1–48 characters of `A-Z a-z 0-9 - _ .`, starting
/// with a letter or digit.
///
/// # Errors
/// Returns what is wrong with the string.
pub fn check_id_syntax(s: &str) -> Result<(), IdProblem> {
    let Some(first) = s.chars().next() else {
        return Err(IdProblem::Empty);
    };
    if s.len() > MAX_ID_LEN {
        return Err(IdProblem::TooLong);
    }
    if !first.is_ascii_alphanumeric() {
        return Err(IdProblem::BadStart);
    }
    match s
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        Some(c) => Err(IdProblem::BadChar(c)),
        None => Ok(()),
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        // A `SmolStr`, not a `String`: ids are short, so they sit inline
        // (up to 23 bytes) with no heap chunk of their own, and a clone
        // copies 24 bytes. A long incident's replay holds one or two per
        // entry. Serialized exactly as the string.
        pub struct $name(SmolStr);

        impl $name {
            /// What this kind of id names, in words, for messages.
            pub const WHAT: &'static str = $what;

            /// Wraps a string without checking it; the plan validator checks
            /// every id it loads.
            pub fn new(s: impl AsRef<str>) -> Self {
                Self(SmolStr::new(s))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(SmolStr::new(s))
            }
        }
    };
}

id_type!(
    /// A unit of the emergency organisation, such as `command` (应急指挥部).
    UnitId, "unit"
);
id_type!(
    /// A role within a unit, such as `commander` (指挥长).
    RoleId, "role"
);
id_type!(
    /// A person in the plan's directory.
    PersonId, "person"
);
id_type!(
    /// An external contact: regulator, police, vendor, partner, media.
    ExternalId, "external contact"
);
id_type!(
    /// A fault class, such as `network` or `data-leak`.
    ClassId, "fault class"
);
id_type!(
    /// A response level, such as `I` (特别重大) or `IV` (一般).
    LevelId, "level"
);
id_type!(
    /// A response phase common to every incident, such as `assess`.
    PhaseId, "phase"
);
id_type!(
    /// A step of a procedure; unique across the whole plan.
    StepId, "step"
);
id_type!(
    /// A communication template.
    TemplateId, "template"
);
id_type!(
    /// A chapter or section of the plan text.
    TextId, "chapter or section"
);
id_type!(
    /// Any other listed item (signals, supplies, drills, duties, questions).
    ItemId, "item"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_typical_ids() {
        for id in [
            "network",
            "data-leak",
            "I",
            "IV",
            "ch1.s2",
            "tpl_students",
            "138",
        ] {
            assert_eq!(check_id_syntax(id), Ok(()), "{id}");
        }
    }

    #[test]
    fn rejects_bad_ids() {
        assert_eq!(check_id_syntax(""), Err(IdProblem::Empty));
        assert_eq!(check_id_syntax("-x"), Err(IdProblem::BadStart));
        assert_eq!(check_id_syntax("网络"), Err(IdProblem::BadStart));
        assert_eq!(check_id_syntax("a b"), Err(IdProblem::BadChar(' ')));
        assert_eq!(check_id_syntax(&"a".repeat(49)), Err(IdProblem::TooLong));
    }
}
