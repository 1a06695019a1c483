//! The emergency organisation as a tree: units with their sub-units and
//! roles, each role with its holder and deputies resolved to people.
//!
//! [`tree`] is shared by everything that shows the organisation — the
//! window's chart and `runbook show org` — so both read the same units in
//! the same order. Where the chart's boxes go is view geometry and lives
//! beside the chart view (`ui::org_chart::layout`); nothing here knows about
//! drawing.

use super::Plan;
use super::doc::{Person, Role, Unit};

/// One unit of the organisation with what the chart shows of it.
#[derive(Clone, Debug)]
pub struct OrgUnit<'a> {
    /// The unit.
    pub unit: &'a Unit,
    /// Its parent's index in [`OrgTree::units`], `None` for a top unit.
    pub parent: Option<usize>,
    /// Its sub-units' indices, in plan order.
    pub children: Vec<usize>,
    /// How many units are above it (0 for a top unit).
    pub depth: usize,
    /// Its roles, in plan order.
    pub roles: Vec<OrgRole<'a>>,
}

/// One role with the people who fill it.
#[derive(Clone, Debug)]
pub struct OrgRole<'a> {
    /// The role.
    pub role: &'a Role,
    /// Who holds it. Always found in a validated plan; `None` keeps the
    /// tree total without a panic.
    pub holder: Option<&'a Person>,
    /// Who stands in, in order.
    pub deputies: Vec<&'a Person>,
}

/// The whole organisation.
#[derive(Clone, Debug, Default)]
pub struct OrgTree<'a> {
    /// Every unit, in plan order: `units[i]` is the plan's `units[i]`, so
    /// a view can keep an index and look the unit up in the plan (see
    /// [`Plan::unit_roles`]) without building the tree again.
    pub units: Vec<OrgUnit<'a>>,
    /// The top units (no parent), in plan order.
    pub roots: Vec<usize>,
}

impl OrgTree<'_> {
    /// The units depth first (a unit, then its sub-units), the order the
    /// tree is read in. A unit whose parent chain never reaches a top unit
    /// (impossible in a validated plan, which rules out cycles) is left out.
    #[must_use]
    pub fn preorder(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.units.len());
        let mut stack: Vec<usize> = self.roots.iter().rev().copied().collect();
        while let Some(i) = stack.pop() {
            out.push(i);
            if let Some(unit) = self.units.get(i) {
                stack.extend(unit.children.iter().rev().copied());
            }
        }
        out
    }
}

/// Builds the organisation tree of a plan: units with their sub-units and
/// roles, each role with its holder and deputies resolved to people.
#[must_use]
pub fn tree(plan: &Plan) -> OrgTree<'_> {
    let doc = plan.doc();
    let mut units: Vec<OrgUnit<'_>> = doc
        .units
        .iter()
        .enumerate()
        .map(|(i, unit)| OrgUnit {
            unit,
            parent: unit.parent.as_ref().and_then(|p| plan.unit_place(p)),
            children: Vec::new(),
            depth: 0,
            roles: plan
                .unit_roles(i)
                .map(|role| OrgRole {
                    role,
                    holder: plan.person(&role.holder),
                    deputies: role
                        .deputies
                        .iter()
                        .filter_map(|p| plan.person(p))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let mut roots = Vec::new();
    for i in 0..units.len() {
        match units[i].parent {
            // A unit that names itself as parent would be a cycle; the
            // validator rejects it, and treating it as a top unit keeps the
            // tree finite regardless.
            Some(p) if p != i => units[p].children.push(i),
            _ => roots.push(i),
        }
    }
    let mut tree = OrgTree { units, roots };
    for i in tree.preorder() {
        let depth = tree.units[i]
            .parent
            .and_then(|p| tree.units.get(p))
            .map_or(0, |p| p.depth + 1);
        tree.units[i].depth = depth;
    }
    tree
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    fn plan() -> Plan {
        super::super::parse(include_bytes!(
            "../../../plans/online-education-platform.ron"
        ))
        .unwrap()
        .plan
    }

    #[test]
    fn the_bundled_tree_has_one_top_unit_and_every_role() {
        let plan = plan();
        let tree = tree(&plan);
        assert_eq!(tree.roots.len(), 1);
        assert_eq!(tree.units.len(), plan.doc().units.len());
        let roles: usize = tree.units.iter().map(|u| u.roles.len()).sum();
        assert_eq!(roles, plan.doc().roles.len());
        assert_eq!(tree.preorder().len(), tree.units.len());
        let tech = tree
            .units
            .iter()
            .position(|u| u.unit.id.as_str() == "tech")
            .unwrap();
        assert_eq!(tree.units[tech].children.len(), 4);
        assert_eq!(tree.units[tech].depth, 1);
        for &c in &tree.units[tech].children {
            assert_eq!(tree.units[c].depth, 2);
        }
    }

    /// The chart keeps a box's place and looks the role up in the plan:
    /// the place must name the same role as the tree, and nothing past the
    /// end.
    #[test]
    fn a_place_in_the_tree_is_the_same_role_in_the_plan() {
        let plan = plan();
        let tree = tree(&plan);
        for (u, unit) in tree.units.iter().enumerate() {
            assert!(std::ptr::eq(unit.unit, &plan.doc().units[u]));
            assert_eq!(plan.unit_place(&unit.unit.id), Some(u));
            for (r, role) in unit.roles.iter().enumerate() {
                assert_eq!(plan.unit_role(u, r).map(|x| &x.id), Some(&role.role.id));
            }
            assert!(plan.unit_role(u, unit.roles.len()).is_none());
            assert_eq!(plan.unit_roles(u).count(), unit.roles.len());
        }
        assert!(plan.unit_role(tree.units.len(), 0).is_none());
        assert_eq!(plan.unit_roles(tree.units.len()).count(), 0);
    }
}
