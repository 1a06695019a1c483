//! Where each box of the organisation chart goes: the chart's geometry,
//! computed without egui so the tests check it without pixels (no overlaps,
//! children below their parents, every role present).
//!
//! It lives beside the chart view rather than in the model because it is
//! view geometry: box widths, gaps and connector lines only mean something
//! to a drawing. It still knows nothing about fonts or egui: the caller
//! passes a function that measures text, so the window measures with egui
//! and the tests with a fixed-width stand-in, and the spacing comes in as
//! [`Metrics`], which [`crate::ui::theme::org_metrics`] builds.
//!
//! The chart is a tidy tree of unit boxes, each unit's roles stacked inside
//! its box. A unit's sub-units go either side by side below it (the unit
//! centred above them) or stacked in one or more columns, each hanging from
//! a trunk line down its left side; the columns are balanced in height and
//! keep the plan's order. [`best_layout`] weighs these per unit and keeps the
//! chart that needs the least zooming out to fit the window, so an
//! organisation of a dozen units and thirty roles still reads at a normal
//! size; [`layout`] lays a chosen [`Structure`] out again at another zoom.

use crate::model::plan::org::OrgTree;

/// A point of the chart, in chart units (points at 100 % zoom).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    /// Rightwards.
    pub x: f32,
    /// Downwards.
    pub y: f32,
}

/// A width and a height, in chart units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size {
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

/// An axis-aligned rectangle, in chart units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Frame {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Frame {
    /// The right edge.
    #[must_use]
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    /// The bottom edge.
    #[must_use]
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// Whether the two rectangles share any area (touching edges do not).
    #[must_use]
    pub fn overlaps(&self, other: &Self) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether `other` lies wholly inside this rectangle.
    #[must_use]
    pub fn contains(&self, other: &Self) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    fn shifted(self, dx: f32, dy: f32) -> Self {
        Self {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }
}

/// Which piece of text the layout wants measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    /// A unit's name: `Text::UnitName(unit)`.
    UnitName(usize),
    /// A role's name: `Text::RoleName(unit, role)`.
    RoleName(usize, usize),
    /// The name of a role's holder.
    Holder(usize, usize),
    /// The line naming a role's deputies (the caller words it); only asked
    /// for roles that have deputies.
    Deputies(usize, usize),
}

/// Where a piece of text goes: its top-left corner, the width it was
/// wrapped at, and the size it measured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextSlot {
    /// Which text.
    pub text: Text,
    /// Where it goes; `w` and `h` are its measured size.
    pub frame: Frame,
    /// The width it was wrapped at (lay it out again with the same width).
    pub wrap: f32,
}

/// The spacing of the chart, in chart units.
///
/// Deliberately without a `Default`: the one place the numbers are decided
/// is [`crate::ui::theme::org_metrics`], so the window and the tests lay
/// the chart out with the same spacing and there is no second set to drift.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// The width of every unit box: fixed, so rows line up and wrapping
    /// decisions do not depend on text.
    pub unit_width: f32,
    /// Space inside a unit box, around its name and roles.
    pub unit_padding: f32,
    /// Space between a unit's name and its first role.
    pub header_gap: f32,
    /// Space inside a role box.
    pub role_padding: f32,
    /// Vertical space between two roles of a unit.
    pub role_gap: f32,
    /// Vertical space between lines of a role (name, holder, deputies).
    pub line_gap: f32,
    /// Horizontal space between the holder and the deputies when they share a line.
    pub name_gap: f32,
    /// Horizontal space between sibling units.
    pub sibling_gap: f32,
    /// Vertical space between a unit and its sub-units (the connectors run in it).
    pub level_gap: f32,
    /// Vertical space between sub-units stacked in a column.
    pub stack_gap: f32,
    /// How far wrapped rows of sub-units are indented, to leave room for the trunk.
    pub indent: f32,
}

/// A role's box in the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleBox {
    /// The unit's index in [`OrgTree::units`].
    pub unit: usize,
    /// The role's index in that unit's
    /// [`OrgUnit::roles`](crate::model::plan::org::OrgUnit::roles).
    pub role: usize,
    /// The box.
    pub frame: Frame,
    /// The role's name.
    pub name: TextSlot,
    /// The holder's name.
    pub holder: TextSlot,
    /// The deputies' line, when there are deputies.
    pub deputies: Option<TextSlot>,
}

/// A unit's box in the chart, its roles inside it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitBox {
    /// The unit's index in [`OrgTree::units`].
    pub unit: usize,
    /// The box.
    pub frame: Frame,
    /// The unit's name.
    pub name: TextSlot,
    /// Its roles, in order.
    pub roles: Vec<RoleBox>,
}

/// A connector line from a unit to its sub-units.
pub type Segment = [Point; 2];

/// The whole chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OrgLayout {
    /// Every unit's box, in [`OrgTree::units`] order.
    pub units: Vec<UnitBox>,
    /// The connectors, horizontal and vertical segments.
    pub lines: Vec<Segment>,
    /// The size of the whole chart; everything lies in `(0, 0)–size`.
    pub size: Size,
}

impl OrgLayout {
    /// Every role box, unit by unit.
    pub fn roles(&self) -> impl Iterator<Item = &RoleBox> {
        self.units.iter().flat_map(|u| &u.roles)
    }

    /// The box of a role.
    #[must_use]
    pub fn role(&self, unit: usize, role: usize) -> Option<&RoleBox> {
        self.units
            .iter()
            .find(|u| u.unit == unit)
            .and_then(|u| u.roles.get(role))
    }

    /// The scale at which the whole chart fits a viewport (no upper limit).
    #[must_use]
    pub fn fit_scale(&self, viewport: Size) -> f32 {
        if self.size.w <= 0.0 || self.size.h <= 0.0 {
            return 1.0;
        }
        (viewport.w / self.size.w).min(viewport.h / self.size.h)
    }
}

/// Lays out one unit's box with its roles, at the origin.
fn unit_box(
    tree: &OrgTree<'_>,
    u: usize,
    m: &Metrics,
    measure: &mut dyn FnMut(Text, f32) -> Size,
) -> UnitBox {
    let pad = m.unit_padding;
    let inner = (m.unit_width - 2.0 * pad).max(1.0);
    let name_size = measure(Text::UnitName(u), inner);
    let name = TextSlot {
        text: Text::UnitName(u),
        frame: Frame {
            x: pad,
            y: pad,
            w: name_size.w,
            h: name_size.h,
        },
        wrap: inner,
    };
    let mut y = pad + name_size.h;
    let mut roles = Vec::new();
    let count = tree.units.get(u).map_or(0, |unit| unit.roles.len());
    for r in 0..count {
        y += if r == 0 { m.header_gap } else { m.role_gap };
        let role = role_box(tree, u, r, m, pad, y, inner, measure);
        y = role.frame.bottom();
        roles.push(role);
    }
    UnitBox {
        unit: u,
        frame: Frame {
            x: 0.0,
            y: 0.0,
            w: m.unit_width,
            h: y + pad,
        },
        name,
        roles,
    }
}

/// Lays out one role box at `(x, y)`, `width` wide: name, then the holder,
/// then the deputies on the holder's line when they fit, else below.
#[allow(clippy::too_many_arguments)] // All plain geometry; a struct would only rename them.
fn role_box(
    tree: &OrgTree<'_>,
    u: usize,
    r: usize,
    m: &Metrics,
    x: f32,
    y: f32,
    width: f32,
    measure: &mut dyn FnMut(Text, f32) -> Size,
) -> RoleBox {
    let pad = m.role_padding;
    let inner = (width - 2.0 * pad).max(1.0);
    let slot = |text, x, y, size: Size, wrap| TextSlot {
        text,
        frame: Frame {
            x,
            y,
            w: size.w,
            h: size.h,
        },
        wrap,
    };
    let name_size = measure(Text::RoleName(u, r), inner);
    let name = slot(Text::RoleName(u, r), x + pad, y + pad, name_size, inner);
    let holder_y = name.frame.bottom() + m.line_gap;
    let holder_size = measure(Text::Holder(u, r), inner);
    let holder = slot(Text::Holder(u, r), x + pad, holder_y, holder_size, inner);
    let has_deputies = tree
        .units
        .get(u)
        .and_then(|unit| unit.roles.get(r))
        .is_some_and(|role| !role.deputies.is_empty());
    let deputies = has_deputies.then(|| {
        let beside = inner - holder_size.w - m.name_gap;
        let one_line = measure(Text::Deputies(u, r), f32::INFINITY);
        if one_line.w <= beside {
            // Same line, bottoms aligned (the deputies are in a smaller size).
            let dy = (holder_size.h - one_line.h).max(0.0);
            slot(
                Text::Deputies(u, r),
                x + pad + holder_size.w + m.name_gap,
                holder_y + dy,
                one_line,
                f32::INFINITY,
            )
        } else {
            let size = measure(Text::Deputies(u, r), inner);
            slot(
                Text::Deputies(u, r),
                x + pad,
                holder.frame.bottom() + m.line_gap,
                size,
                inner,
            )
        }
    });
    let bottom = deputies.map_or(holder.frame.bottom(), |d| {
        d.frame.bottom().max(holder.frame.bottom())
    }) + pad;
    RoleBox {
        unit: u,
        role: r,
        frame: Frame {
            x,
            y,
            w: width,
            h: bottom - y,
        },
        name,
        holder,
        deputies,
    }
}

impl UnitBox {
    fn shift(&mut self, dx: f32, dy: f32) {
        self.frame = self.frame.shifted(dx, dy);
        self.name.frame = self.name.frame.shifted(dx, dy);
        for role in &mut self.roles {
            role.frame = role.frame.shifted(dx, dy);
            role.name.frame = role.name.frame.shifted(dx, dy);
            role.holder.frame = role.holder.frame.shifted(dx, dy);
            if let Some(d) = &mut role.deputies {
                d.frame = d.frame.shifted(dx, dy);
            }
        }
    }
}

/// How a unit's sub-units are arranged below it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// Side by side in one row, the unit centred above them: the classic
    /// chart, and the widest.
    Row,
    /// Stacked in columns, each hanging from a trunk line down its left
    /// side; the numbers say how many sub-units go in each column, in order.
    /// One column is the narrowest chart.
    Columns(Vec<usize>),
}

/// The shape of a chart: how every unit's sub-units are arranged, and how
/// the top units are (without connectors between them). The same structure
/// laid out at another zoom moves and scales boxes but never reshuffles them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Structure {
    /// Per unit, in [`OrgTree::units`] order.
    pub units: Vec<Arrangement>,
    /// The top units.
    pub roots: Arrangement,
}

impl Structure {
    /// Every unit's sub-units side by side: the classic chart.
    #[must_use]
    pub fn rows(tree: &OrgTree<'_>) -> Self {
        Self {
            units: vec![Arrangement::Row; tree.units.len()],
            roots: Arrangement::Row,
        }
    }

    /// Every unit's sub-units in one column: the narrowest chart.
    #[must_use]
    pub fn columns(tree: &OrgTree<'_>) -> Self {
        Self {
            units: tree
                .units
                .iter()
                .map(|u| Arrangement::Columns(vec![u.children.len()]))
                .collect(),
            roots: Arrangement::Columns(vec![tree.roots.len()]),
        }
    }
}

/// A laid-out subtree, at the origin: its unit boxes (by index into the
/// shared box list), its connectors, its size, and the top-centre of its
/// root box (where a connector from above arrives).
struct Block {
    units: Vec<usize>,
    lines: Vec<Segment>,
    size: Size,
    anchor: f32,
}

impl Block {
    fn shift(&mut self, boxes: &mut [UnitBox], dx: f32, dy: f32) {
        for &u in &self.units {
            if let Some(b) = boxes.get_mut(u) {
                b.shift(dx, dy);
            }
        }
        for line in &mut self.lines {
            for p in line {
                p.x += dx;
                p.y += dy;
            }
        }
        self.anchor += dx;
    }
}

/// Column sizes that add up to `n` (each at least 1): `groups` as given
/// when they already do, else trimmed or topped up at the end.
fn normalise(groups: &[usize], n: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut left = n;
    for &g in groups {
        let g = g.min(left);
        if g > 0 {
            out.push(g);
            left -= g;
        }
    }
    if left > 0 {
        match out.last_mut() {
            Some(last) => *last += left,
            None => out.push(left),
        }
    }
    out
}

/// Splits heights, in order, into `columns` runs whose tallest is as short
/// as it can be (the linear partition problem, by dynamic programming).
fn balance(heights: &[f32], gap: f32, columns: usize) -> Vec<usize> {
    let n = heights.len();
    let columns = columns.clamp(1, n.max(1));
    if n == 0 {
        return Vec::new();
    }
    let mut prefix = vec![0.0_f32; n + 1];
    for (i, h) in heights.iter().enumerate() {
        prefix[i + 1] = prefix[i] + h;
    }
    let run = |a: usize, b: usize| prefix[b] - prefix[a] + gap * (b - a - 1) as f32;
    // best[c][i]: the tallest column when the first i items fill c columns.
    let mut best = vec![vec![f32::INFINITY; n + 1]; columns + 1];
    let mut cut = vec![vec![0_usize; n + 1]; columns + 1];
    best[0][0] = 0.0;
    for c in 1..=columns {
        for i in c..=n {
            for j in (c - 1)..i {
                let tallest = best[c - 1][j].max(run(j, i));
                if tallest < best[c][i] {
                    best[c][i] = tallest;
                    cut[c][i] = j;
                }
            }
        }
    }
    let mut sizes = Vec::with_capacity(columns);
    let mut i = n;
    for c in (1..=columns).rev() {
        let j = cut[c][i];
        sizes.push(i - j);
        i = j;
    }
    sizes.reverse();
    sizes
}

/// Where the connector from a column's trunk meets a unit box: level with
/// the middle of its name.
fn stub_y(b: &UnitBox) -> f32 {
    b.name.frame.y + b.name.frame.h / 2.0
}

/// Where the children of a unit go: below its box, with or without a parent
/// to connect to.
struct Under {
    /// Whether there is a parent box to draw connectors from.
    own: bool,
    /// The parent's box (empty when there is none).
    own_frame: Frame,
    /// Where the children's row starts.
    top: f32,
    /// How far a column's boxes sit right of its trunk.
    indent: f32,
    /// The height of the bus line joining the children.
    bus: f32,
}

/// The connector from a parent's bottom centre down to the bus line, and the
/// bus line across to the outermost of `drops` (the points the children hang
/// from).
fn bus_lines(lines: &mut Vec<[Point; 2]>, centre: f32, u: &Under, drops: &[f32]) {
    let first = drops.first().copied().unwrap_or(centre).min(centre);
    let last = drops.last().copied().unwrap_or(centre).max(centre);
    lines.push([
        Point {
            x: centre,
            y: u.own_frame.h,
        },
        Point {
            x: centre,
            y: u.bus,
        },
    ]);
    if last > first {
        lines.push([Point { x: first, y: u.bus }, Point { x: last, y: u.bus }]);
    }
}

/// Children side by side in one row; returns the width, the height and
/// where the parent's box goes.
fn place_row(
    u: &Under,
    children: &mut [Block],
    boxes: &mut [UnitBox],
    lines: &mut Vec<[Point; 2]>,
    m: &Metrics,
) -> (f32, f32, f32) {
    let n = children.len();
    let one_row = children.iter().map(|b| b.size.w).sum::<f32>() + m.sibling_gap * (n - 1) as f32;
    let width = one_row.max(u.own_frame.w);
    let mut x = (width - one_row) / 2.0;
    let mut height = u.own_frame.h;
    let mut anchors = Vec::with_capacity(n);
    for child in children.iter_mut() {
        child.shift(boxes, x, u.top);
        anchors.push(child.anchor);
        x += child.size.w + m.sibling_gap;
        height = height.max(u.top + child.size.h);
    }
    if u.own {
        bus_lines(lines, width / 2.0, u, &anchors);
        for a in anchors {
            lines.push([Point { x: a, y: u.bus }, Point { x: a, y: u.top }]);
        }
    }
    (width, height, (width - u.own_frame.w) / 2.0)
}

/// Children stacked in columns, each hanging from a trunk; returns the
/// width, the height and where the parent's box goes.
fn place_columns(
    u: &Under,
    groups: &[usize],
    children: &mut [Block],
    boxes: &mut [UnitBox],
    lines: &mut Vec<[Point; 2]>,
    m: &Metrics,
) -> (f32, f32, f32) {
    let groups = normalise(groups, children.len());
    let column_widths: Vec<f32> = {
        let mut start = 0;
        groups
            .iter()
            .map(|&g| {
                let w = children[start..start + g]
                    .iter()
                    .map(|b| b.size.w)
                    .fold(0.0, f32::max);
                start += g;
                u.indent + w
            })
            .collect()
    };
    let total = column_widths.iter().sum::<f32>() + m.sibling_gap * (groups.len() - 1) as f32;
    let width = total.max(u.own_frame.w);
    // One column hangs straight from the unit's left side; several
    // sit centred under it, joined by a bus line.
    let single = groups.len() == 1;
    let own_x = if single {
        0.0
    } else {
        (width - u.own_frame.w) / 2.0
    };
    let mut x = if single { 0.0 } else { (width - total) / 2.0 };
    let mut height = u.own_frame.h;
    let mut trunks = Vec::with_capacity(groups.len());
    let mut start = 0;
    for (g, column_width) in groups.iter().zip(&column_widths) {
        let trunk = x + u.indent / 2.0;
        let mut y = u.top;
        let mut last_stub = u.bus;
        for child in &mut children[start..start + g] {
            child.shift(boxes, x + u.indent, y);
            if u.own
                && let Some(root) = child.units.first().and_then(|&r| boxes.get(r))
            {
                let stub = stub_y(root);
                lines.push([
                    Point { x: trunk, y: stub },
                    Point {
                        x: root.frame.x,
                        y: stub,
                    },
                ]);
                last_stub = stub;
            }
            y += child.size.h + m.stack_gap;
        }
        height = height.max(y - m.stack_gap);
        if u.own {
            let from = if single { u.own_frame.h } else { u.bus };
            lines.push([
                Point { x: trunk, y: from },
                Point {
                    x: trunk,
                    y: last_stub,
                },
            ]);
        }
        trunks.push(trunk);
        start += g;
        x += column_width + m.sibling_gap;
    }
    if u.own && !single {
        bus_lines(lines, own_x + u.own_frame.w / 2.0, u, &trunks);
    }
    (width, height, own_x)
}

/// Places `children` under a parent box (`own`, already at the origin in
/// `boxes`), or, with no parent, the top units without connectors.
fn place(
    own: Option<usize>,
    mut children: Vec<Block>,
    arrangement: &Arrangement,
    boxes: &mut [UnitBox],
    m: &Metrics,
) -> Block {
    let own_frame = own
        .and_then(|u| boxes.get(u))
        .map_or(Frame::default(), |b| b.frame);
    let mut units: Vec<usize> = own.into_iter().collect();
    let mut lines = Vec::new();
    if children.is_empty() {
        return Block {
            units,
            lines,
            size: Size {
                w: own_frame.w,
                h: own_frame.h,
            },
            anchor: own_frame.w / 2.0,
        };
    }
    let (top, indent) = match own {
        Some(_) => (own_frame.h + m.level_gap, m.indent),
        None => (0.0, 0.0),
    };
    let bus = own_frame.h + m.level_gap / 2.0;
    let under = Under {
        own: own.is_some(),
        own_frame,
        top,
        indent,
        bus,
    };
    let (width, height, own_x) = match arrangement {
        Arrangement::Row => place_row(&under, &mut children, boxes, &mut lines, m),
        Arrangement::Columns(groups) => {
            place_columns(&under, groups, &mut children, boxes, &mut lines, m)
        }
    };
    if let Some(b) = own.and_then(|u| boxes.get_mut(u)) {
        b.shift(own_x, 0.0);
    }
    for child in children {
        units.extend(child.units);
        lines.extend(child.lines);
    }
    Block {
        units,
        lines,
        size: Size {
            w: width,
            h: height,
        },
        anchor: own_x + own_frame.w / 2.0,
    }
}

/// Lays out the subtree of unit `u` (its box already measured in `boxes`).
fn block(
    tree: &OrgTree<'_>,
    u: usize,
    structure: &Structure,
    boxes: &mut [UnitBox],
    m: &Metrics,
    depth: usize,
) -> Block {
    let children = match tree.units.get(u) {
        // The depth guard only matters for a cyclic tree, which a validated
        // plan never has; it keeps the recursion finite anyway.
        Some(unit) if depth < tree.units.len() => unit.children.clone(),
        _ => Vec::new(),
    };
    let blocks = children
        .iter()
        .map(|&c| block(tree, c, structure, boxes, m, depth + 1))
        .collect();
    let arrangement = structure.units.get(u).unwrap_or(&Arrangement::Row);
    place(Some(u), blocks, arrangement, boxes, m)
}

/// Lays out the chart in a given structure.
///
/// `measure(text, wrap_width)` returns the size of a text wrapped at a width
/// (`f32::INFINITY` for one line), in chart units.
pub fn layout(
    tree: &OrgTree<'_>,
    m: &Metrics,
    structure: &Structure,
    measure: &mut dyn FnMut(Text, f32) -> Size,
) -> OrgLayout {
    let mut boxes: Vec<UnitBox> = (0..tree.units.len())
        .map(|u| unit_box(tree, u, m, measure))
        .collect();
    arrange(tree, m, structure, &mut boxes)
}

/// Places measured unit boxes (at the origin) into a chart.
fn arrange(
    tree: &OrgTree<'_>,
    m: &Metrics,
    structure: &Structure,
    boxes: &mut [UnitBox],
) -> OrgLayout {
    let blocks = tree
        .roots
        .iter()
        .map(|&r| block(tree, r, structure, boxes, m, 0))
        .collect();
    let whole = place(None, blocks, &structure.roots, boxes, m);
    OrgLayout {
        units: boxes.to_vec(),
        lines: whole.lines,
        size: whole.size,
    }
}

/// One way to lay out a subtree: its size, and the arrangement of every
/// unit in it (the virtual top has index `usize::MAX`).
#[derive(Clone, Debug)]
struct Candidate {
    size: Size,
    modes: Vec<(usize, Arrangement)>,
}

/// The most candidates kept per subtree, and the most width budgets and
/// column counts tried per unit: enough for a tidy choice, bounded for a
/// large organisation.
const KEEP: usize = 16;
const TRIES: usize = 8;

/// Up to `k` items spread evenly over `items`, the first and last included.
fn spread<T: Clone>(items: &[T], k: usize) -> Vec<T> {
    if items.len() <= k || k < 2 {
        return items.to_vec();
    }
    (0..k)
        .map(|i| items[i * (items.len() - 1) / (k - 1)].clone())
        .collect()
}

/// The size of a subtree laid out with given children sizes.
fn size_of(
    own: Size,
    has_own: bool,
    children: &[Size],
    arrangement: &Arrangement,
    m: &Metrics,
) -> Size {
    if children.is_empty() {
        return own;
    }
    let (top, indent) = if has_own {
        (own.h + m.level_gap, m.indent)
    } else {
        (0.0, 0.0)
    };
    let n = children.len();
    match arrangement {
        Arrangement::Row => Size {
            w: (children.iter().map(|s| s.w).sum::<f32>() + m.sibling_gap * (n - 1) as f32)
                .max(own.w),
            h: (top + children.iter().map(|s| s.h).fold(0.0, f32::max)).max(own.h),
        },
        Arrangement::Columns(groups) => {
            let groups = normalise(groups, n);
            let mut start = 0;
            let mut w = m.sibling_gap * (groups.len() - 1) as f32;
            let mut h = own.h;
            for g in groups {
                let column = &children[start..start + g];
                w += indent + column.iter().map(|s| s.w).fold(0.0, f32::max);
                h = h.max(
                    top + column.iter().map(|s| s.h).sum::<f32>() + m.stack_gap * (g - 1) as f32,
                );
                start += g;
            }
            Size { w: w.max(own.w), h }
        }
    }
}

/// Keeps the candidates no other beats in both width and height, at most
/// [`KEEP`] of them, narrowest first.
fn pareto(mut all: Vec<Candidate>) -> Vec<Candidate> {
    all.sort_by(|a, b| {
        a.size
            .w
            .total_cmp(&b.size.w)
            .then(a.size.h.total_cmp(&b.size.h))
    });
    let mut front: Vec<Candidate> = Vec::new();
    for c in all {
        if front
            .last()
            .is_none_or(|last| c.size.h < last.size.h - 0.01)
        {
            front.push(c);
        }
    }
    spread(&front, KEEP)
}

/// The ways worth trying to lay out the children of a unit (or the top
/// units, with `own` = `None`).
fn options(own: Option<(usize, Size)>, children: &[Vec<Candidate>], m: &Metrics) -> Vec<Candidate> {
    let index = own.map_or(usize::MAX, |(u, _)| u);
    let own_size = own.map_or(Size::default(), |(_, s)| s);
    if children.is_empty() {
        return vec![Candidate {
            size: own_size,
            modes: vec![(index, Arrangement::Row)],
        }];
    }
    // Width budgets: each child takes its shortest option within the budget.
    let mut budgets: Vec<f32> = children
        .iter()
        .flat_map(|c| c.iter().map(|o| o.size.w))
        .collect();
    budgets.sort_by(f32::total_cmp);
    budgets.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    let mut picks: Vec<Vec<usize>> = spread(&budgets, TRIES)
        .into_iter()
        .map(|budget| {
            children
                .iter()
                .map(|opts| {
                    let within = opts
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| o.size.w <= budget + 0.5)
                        .min_by(|a, b| a.1.size.h.total_cmp(&b.1.size.h));
                    within.map_or(0, |(i, _)| i)
                })
                .collect()
        })
        .collect();
    picks.dedup();
    let n = children.len();
    let counts: Vec<usize> = spread(&(1..=n).collect::<Vec<_>>(), TRIES);
    let mut all = Vec::new();
    for pick in picks {
        let sizes: Vec<Size> = pick
            .iter()
            .zip(children)
            .map(|(&i, opts)| opts.get(i).map_or(Size::default(), |o| o.size))
            .collect();
        let mut modes_below: Vec<(usize, Arrangement)> = Vec::new();
        for (&i, opts) in pick.iter().zip(children) {
            if let Some(o) = opts.get(i) {
                modes_below.extend(o.modes.iter().cloned());
            }
        }
        let heights: Vec<f32> = sizes.iter().map(|s| s.h).collect();
        let mut arrangements = vec![Arrangement::Row];
        arrangements.extend(
            counts
                .iter()
                .filter(|&&c| c < n || n == 1)
                .map(|&c| Arrangement::Columns(balance(&heights, m.stack_gap, c))),
        );
        for arrangement in arrangements {
            let size = size_of(own_size, own.is_some(), &sizes, &arrangement, m);
            let mut modes = modes_below.clone();
            modes.push((index, arrangement));
            all.push(Candidate { size, modes });
        }
    }
    pareto(all)
}

/// The candidates of unit `u`'s subtree.
fn subtree_options(
    tree: &OrgTree<'_>,
    u: usize,
    boxes: &[UnitBox],
    m: &Metrics,
    depth: usize,
) -> Vec<Candidate> {
    let children: Vec<Vec<Candidate>> = match tree.units.get(u) {
        Some(unit) if depth < tree.units.len() => unit
            .children
            .iter()
            .map(|&c| subtree_options(tree, c, boxes, m, depth + 1))
            .collect(),
        _ => Vec::new(),
    };
    let own = boxes.get(u).map_or(Size::default(), |b| Size {
        w: b.frame.w,
        h: b.frame.h,
    });
    options(Some((u, own)), &children, m)
}

/// The layout that fits a viewport best. For each unit it weighs its
/// sub-units side by side against stacked in one or more columns, keeping
/// the shapes no other beats in both width and height, and then picks the
/// chart that opens at the largest zoom: fitted whole when that is at least
/// `min_zoom` (capped at 100 %), else at `min_zoom` with the least panning,
/// a sideways pan counting double (scrolling down a page is what people
/// expect). Among equals it takes the widest, which reads most like a
/// classic chart. Returns the structure too, so the caller can lay the same
/// chart out at another zoom with [`layout`].
pub fn best_layout(
    tree: &OrgTree<'_>,
    m: &Metrics,
    viewport: Size,
    min_zoom: f32,
    measure: &mut dyn FnMut(Text, f32) -> Size,
) -> (OrgLayout, Structure) {
    let mut boxes: Vec<UnitBox> = (0..tree.units.len())
        .map(|u| unit_box(tree, u, m, measure))
        .collect();
    let roots: Vec<Vec<Candidate>> = tree
        .roots
        .iter()
        .map(|&r| subtree_options(tree, r, &boxes, m, 0))
        .collect();
    let top = options(None, &roots, m);
    let floor = min_zoom.clamp(f32::EPSILON, 1.0);
    // (opening zoom, panning needed at it)
    let rank = |c: &Candidate| {
        if c.size.w <= 0.0 || c.size.h <= 0.0 {
            return (1.0, 0.0);
        }
        let fit = (viewport.w / c.size.w).min(viewport.h / c.size.h);
        let zoom = fit.clamp(floor, 1.0);
        let across = (c.size.w * zoom - viewport.w).max(0.0);
        let down = (c.size.h * zoom - viewport.h).max(0.0);
        (zoom, 2.0 * across + down)
    };
    let better = |c: &Candidate, b: &Candidate| {
        let ((zc, pc), (zb, pb)) = (rank(c), rank(b));
        if (zc - zb).abs() > 1e-4 {
            return zc > zb;
        }
        if (pc - pb).abs() > 0.5 {
            return pc < pb;
        }
        c.size.w > b.size.w
    };
    let best = top.iter().fold(None::<&Candidate>, |best, c| match best {
        Some(b) if !better(c, b) => Some(b),
        _ => Some(c),
    });
    let mut structure = Structure::rows(tree);
    if let Some(best) = best {
        for (u, arrangement) in &best.modes {
            if *u == usize::MAX {
                structure.roots = arrangement.clone();
            } else if let Some(slot) = structure.units.get_mut(*u) {
                *slot = arrangement.clone();
            }
        }
    }
    let chart = arrange(tree, m, &structure, &mut boxes);
    (chart, structure)
}

/// A unit-box width that fits the text: wide enough for the longest role
/// name and the longest holder-plus-deputies line, each on one line (plus
/// padding), within `range`. Unit names and longer text wrap inside the box.
pub fn fitting_width(
    tree: &OrgTree<'_>,
    m: &Metrics,
    range: (f32, f32),
    measure: &mut dyn FnMut(Text, f32) -> Size,
) -> f32 {
    let inside = 2.0 * (m.unit_padding + m.role_padding);
    let mut widest: f32 = 0.0;
    for (u, unit) in tree.units.iter().enumerate() {
        for (r, role) in unit.roles.iter().enumerate() {
            widest = widest.max(measure(Text::RoleName(u, r), f32::INFINITY).w + inside);
            let mut line = measure(Text::Holder(u, r), f32::INFINITY).w;
            if !role.deputies.is_empty() {
                line += m.name_gap + measure(Text::Deputies(u, r), f32::INFINITY).w;
            }
            widest = widest.max(line + inside);
        }
    }
    widest.clamp(range.0, range.1.max(range.0))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::model::plan::org::tree;
    use crate::ui::theme;

    fn plan() -> crate::model::plan::Plan {
        crate::model::plan::parse(include_bytes!(
            "../../../plans/online-education-platform.ron"
        ))
        .unwrap()
        .plan
    }

    /// Every text `w` wide on one line, `h` per line when wrapped.
    fn fixed(w: f32, h: f32) -> impl FnMut(Text, f32) -> Size {
        move |_, wrap| Size {
            w: w.min(wrap),
            h: h * (w / wrap).ceil().max(1.0),
        }
    }

    #[test]
    fn columns_are_balanced_in_order() {
        assert_eq!(balance(&[10.0, 10.0, 10.0, 10.0], 0.0, 2), vec![2, 2]);
        assert_eq!(balance(&[30.0, 10.0, 10.0, 10.0], 0.0, 2), vec![1, 3]);
        assert_eq!(balance(&[10.0, 10.0], 0.0, 5), vec![1, 1]);
        assert_eq!(balance(&[], 0.0, 2), Vec::<usize>::new());
        assert_eq!(normalise(&[2, 9], 4), vec![2, 2]);
        assert_eq!(normalise(&[1], 3), vec![3]);
        assert_eq!(normalise(&[0, 0], 2), vec![2]);
    }

    #[test]
    fn touching_frames_do_not_overlap() {
        let a = Frame {
            x: 0.0,
            y: 0.0,
            w: 10.0,
            h: 10.0,
        };
        let beside = a.shifted(10.0, 0.0);
        let across = a.shifted(5.0, 5.0);
        assert!(!a.overlaps(&beside) && !beside.overlaps(&a));
        assert!(a.overlaps(&across) && across.overlaps(&a));
        assert!(a.contains(&a) && !a.contains(&across));
    }

    #[test]
    fn the_box_width_stays_in_its_range_whatever_the_text() {
        let plan = plan();
        let tree = tree(&plan);
        let (lo, hi) = theme::ORG_UNIT_WIDTH_RANGE;
        let m = theme::org_metrics(lo);
        assert_eq!(
            fitting_width(&tree, &m, (lo, hi), &mut fixed(1.0, 18.0)),
            lo
        );
        assert_eq!(
            fitting_width(&tree, &m, (lo, hi), &mut fixed(900.0, 18.0)),
            hi
        );
        // In between: a holder and deputies on one line, with the padding of
        // both boxes around them.
        let line = 90.0 + m.name_gap + 90.0 + 2.0 * (m.unit_padding + m.role_padding);
        assert!(lo < line && line < hi);
        assert_eq!(
            fitting_width(&tree, &m, (lo, hi), &mut fixed(90.0, 18.0)),
            line
        );
        // A range given backwards, or an organisation with no roles, is no panic.
        assert_eq!(
            fitting_width(&tree, &m, (hi, lo), &mut fixed(1.0, 18.0)),
            hi
        );
        let empty = OrgTree::default();
        assert_eq!(
            fitting_width(&empty, &m, (lo, hi), &mut fixed(1.0, 18.0)),
            lo
        );
    }

    #[test]
    fn an_empty_organisation_is_an_empty_chart() {
        let empty = OrgTree::default();
        let m = theme::org_metrics(200.0);
        let viewport = Size { w: 800.0, h: 600.0 };
        let (chart, structure) = best_layout(&empty, &m, viewport, 0.8, &mut fixed(50.0, 18.0));
        assert!(chart.units.is_empty() && chart.lines.is_empty());
        assert_eq!(chart.size, Size::default());
        assert_eq!(chart.fit_scale(viewport), 1.0);
        assert_eq!(
            layout(&empty, &m, &structure, &mut fixed(50.0, 18.0)),
            chart
        );
    }

    #[test]
    fn roles_stack_inside_their_unit_and_sub_units_hang_below() {
        let plan = plan();
        let tree = tree(&plan);
        let m = theme::org_metrics(220.0);
        for structure in [Structure::rows(&tree), Structure::columns(&tree)] {
            let chart = layout(&tree, &m, &structure, &mut fixed(80.0, 18.0));
            for unit in &chart.units {
                assert_eq!(unit.frame.w, m.unit_width);
                let mut above = unit.name.frame.bottom();
                for role in &unit.roles {
                    assert!(unit.frame.contains(&role.frame));
                    assert!(role.frame.y >= above + m.role_gap.min(m.header_gap));
                    above = role.frame.bottom();
                }
                if let Some(p) = tree.units[unit.unit].parent {
                    let parent = chart.units[p].frame;
                    assert!(unit.frame.y >= parent.bottom() + m.level_gap - 0.01);
                }
            }
        }
    }
}
