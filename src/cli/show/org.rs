//! `runbook show org PLAN`: the organisation chart as an indented tree.
//!
//! The same tree as the window's chart ([`crate::model::plan::org::tree`]):
//! each unit, then its roles with the holder, the holder's mobile and the
//! deputies in order, then its sub-units indented one step further. Plan
//! names are printed as written, escaped for the terminal
//! (`crate::cli::clean`); the connecting words are English.

use std::process::ExitCode;

use crate::cli::clean::clean;
use crate::cli::term::Term;
use crate::i18n::cli::ShowTr;
use crate::model::plan::Plan;
use crate::model::plan::org::{OrgRole, tree};

/// Prints the organisation tree.
///
/// # Errors
/// When the output cannot be written.
pub fn run(term: &Term, plan: &Plan, out: &mut dyn std::io::Write) -> anyhow::Result<ExitCode> {
    write!(out, "{}", render(term.tr().cli.show, plan))?;
    Ok(ExitCode::SUCCESS)
}

/// The tree as text, two spaces of indent per level.
#[must_use]
pub fn render(t: &ShowTr, plan: &Plan) -> String {
    let tree = tree(plan);
    let mut text = String::new();
    for u in tree.preorder() {
        let Some(unit) = tree.units.get(u) else {
            continue;
        };
        let indent = "  ".repeat(unit.depth);
        let line = format!("{indent}{} [{}]", unit.unit.name, unit.unit.id);
        text.push_str(&clean(&line));
        text.push('\n');
        for role in &unit.roles {
            text.push_str(&clean(&format!("{indent}  - {}", role_line(t, role))));
            text.push('\n');
        }
    }
    text
}

/// `指挥长: 张伟 (mobile 138-0000-0001); deputies: 李娜, 王强`.
fn role_line(t: &ShowTr, role: &OrgRole<'_>) -> String {
    let holder = match role.holder {
        Some(person) => {
            let mobile = person
                .contact
                .mobile
                .as_deref()
                .filter(|m| !m.trim().is_empty());
            match mobile {
                Some(m) => (t.mobile_of)(&person.name, m),
                None => (t.no_mobile)(&person.name),
            }
        }
        None => (t.not_in_directory)(role.role.holder.as_str()),
    };
    let deputies = if role.deputies.is_empty() {
        t.no_deputies.to_owned()
    } else {
        let names: Vec<&str> = role.deputies.iter().map(|p| p.name.as_str()).collect();
        (t.deputies)(&names.join(", "))
    };
    format!("{}: {holder}; {deputies}", role.role.name)
}
