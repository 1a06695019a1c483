//! The organisation chart: who is in charge and whom to call, drawn as a
//! chart of unit boxes with their roles, and a side panel with the selected
//! role's duties, holder, deputies and their numbers.
//!
//! During an outage people open this on a projector, so the chart opens
//! fitted to its area but never below a readable size, and every box is
//! drawn with the painter at the current zoom (text laid out at the zoomed
//! size, so it stays sharp, rather than a scaled picture). The organisation
//! comes from [`crate::model::plan::org::tree`] and the geometry from
//! [`layout`], which is egui-free and tested without pixels; this module
//! only measures text, paints and handles the pointer and the keyboard, and
//! `detail` draws the side panel. A frame of the chart is a few steps, each
//! a function (`chart_ui` calls them in order): the canvas, the
//! arrangement, the input that moves the view, the layout at its zoom, the
//! boxes and connectors in view, and the selection.
//!
//! Pan and zoom are done here rather than with `egui::Scene`: a scene scales
//! the painted text (blurry when zoomed in, per its own docs), and its
//! widgets report unscaled positions to accessibility tools, so a role box
//! could not be found or clicked where it is shown.

mod detail;
pub mod layout;

use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::Arc;

use egui::{
    Color32, FontId, Galley, Id, Key, Modifiers, Painter, Pos2, Rect, RichText, Sense, Stroke,
    StrokeKind, Ui, Vec2, WidgetInfo, vec2,
};

use super::{Command, Shown, theme};
use crate::i18n::Lang;
use crate::i18n::org::OrgTr;
use crate::model::ids::RoleId;
use crate::model::plan::Plan;
use crate::model::plan::org::{self, OrgTree};

use self::layout::{self as chart, Metrics, OrgLayout, Size, Structure, Text};

/// This view's state: the selected role, and where the chart is panned and
/// zoomed to.
#[derive(Debug, Default)]
pub struct State {
    selected: Option<RoleId>,
    view: Option<ChartView>,
    /// What the view was fitted for; a new plan or language fits it again.
    key: Option<ViewKey>,
    /// A zoom or fit asked for by a button, applied once the chart's area is known.
    pending: Option<Action>,
    /// Pan the selected role into view (it was reached with the keyboard).
    reveal: bool,
    /// The focus was in the chart last frame (Escape takes it away before
    /// the view sees the key).
    focus_last: bool,
    /// The arrangement chosen for the current plan, language and area: it
    /// tries several layouts, so it is computed once, not every frame.
    arranged: Option<(ArrangeKey, Arc<Arranged>)>,
    /// The layout at the zoom last shown: panning redraws at the same zoom.
    zoomed: Option<(ArrangeKey, u32, Arc<OrgLayout>)>,
}

/// What the arrangement depends on: the texts of the chart (plan and
/// interface language), the chart's area and the screen's pixel density.
#[derive(Clone, Debug, PartialEq)]
struct ArrangeKey {
    plan: String,
    lang: Lang,
    area: [i32; 2],
    pixels_per_point: u32,
}

/// Box metrics, the chart at 100 %, and the structure that keeps its shape at any zoom.
#[derive(Clone, Debug)]
struct Arranged {
    metrics: Metrics,
    plain: OrgLayout,
    structure: Structure,
    /// Every role box's widget id: whether the keyboard is in the chart is
    /// asked every frame something has focus.
    role_ids: HashSet<Id>,
}

impl ArrangeKey {
    /// The plan's file is named by its hash: the same hash, the same texts.
    fn new(plan_sha256: &str, lang: Lang, area: Rect, pixels_per_point: f32) -> Self {
        #[allow(clippy::cast_possible_truncation)] // Whole points are plenty for a cache key.
        let area = [area.width().round() as i32, area.height().round() as i32];
        Self {
            plan: plan_sha256.to_owned(),
            lang,
            area,
            pixels_per_point: pixels_per_point.to_bits(),
        }
    }
}

impl State {
    /// The selected role.
    #[must_use]
    pub fn selected(&self) -> Option<&RoleId> {
        self.selected.as_ref()
    }

    /// Selects a role (or none), as a click on its box would.
    pub fn select(&mut self, role: Option<RoleId>) {
        self.selected = role;
        self.reveal = true;
    }

    /// The chart's zoom (1.0 = 100 %), once it has been shown.
    #[must_use]
    pub fn zoom(&self) -> Option<f32> {
        self.view.map(|v| v.zoom)
    }

    /// How far the chart is panned: where its top-left corner is drawn,
    /// from the top-left of its area, in screen points.
    #[must_use]
    pub fn pan(&self) -> Option<[f32; 2]> {
        self.view.map(|v| [v.offset.x, v.offset.y])
    }
}

/// Zoom and pan: a chart point `p` is drawn at `area.min + offset + p * zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ChartView {
    zoom: f32,
    offset: Vec2,
}

#[derive(Clone, Debug, PartialEq)]
struct ViewKey {
    lang: Lang,
    title: String,
    version: String,
    units: usize,
    roles: usize,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Action {
    ZoomIn,
    ZoomOut,
    Fit,
}

/// Space kept between the chart and the edges of its area.
const MARGIN: f32 = 16.0;

/// Draws the view.
pub fn ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State, commands: &mut Vec<Command>) {
    let doc = shown.plan.doc();
    let key = ViewKey {
        lang: shown.lang,
        title: doc.meta.title.clone(),
        version: doc.meta.version.clone(),
        units: doc.units.len(),
        roles: doc.roles.len(),
    };
    if state.key.as_ref() != Some(&key) {
        state.key = Some(key);
        state.view = None;
    }
    egui::Panel::right("org-detail")
        .resizable(true)
        .default_size(theme::ORG_PANEL_WIDTH)
        .size_range(240.0..=560.0)
        .show(ui, |ui| detail::detail_ui(ui, shown, state, commands));
    toolbar(ui, shown, state);
    chart_ui(ui, shown, state);
}

fn toolbar(ui: &mut Ui, shown: &Shown<'_>, state: &mut State) {
    let tr = shown.tr().org;
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr.title).size(theme::TITLE_SIZE).strong());
        ui.add_space(theme::SECTION_GAP);
        let mut button = |ui: &mut Ui, glyph: &str, name: &str, key: &str, action| {
            let response = ui
                .button(RichText::new(glyph).size(16.0))
                .on_hover_text(format!("{name} ({key})"));
            // The glyph alone means nothing to a screen reader.
            response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, name));
            if response.clicked() {
                state.pending = Some(action);
            }
        };
        button(ui, "−", tr.zoom_out, "-", Action::ZoomOut);
        button(ui, "+", tr.zoom_in, "+", Action::ZoomIn);
        if ui.button(tr.fit).on_hover_text("0").clicked() {
            state.pending = Some(Action::Fit);
        }
        if let Some(view) = state.view {
            ui.label(RichText::new((tr.zoom_percent)(view.zoom)).weak());
        }
    });
    ui.add_space(theme::ITEM_GAP / 2.0);
}

/// The text behind a [`Text`], its size and colour.
///
/// Looked up in the plan by place (the tree's places are the plan's), so a
/// frame that draws a few boxes does not build the whole tree.
fn text_of(plan: &Plan, tr: &OrgTr, dark: bool, text: Text) -> (String, f32, Color32) {
    let role = |u: usize, r: usize| plan.unit_role(u, r);
    match text {
        Text::UnitName(u) => (
            plan.doc()
                .units
                .get(u)
                .map(|unit| unit.name.clone())
                .unwrap_or_default(),
            theme::ORG_UNIT_SIZE,
            theme::org_unit_text(dark),
        ),
        Text::RoleName(u, r) => (
            role(u, r).map(|r| r.name.clone()).unwrap_or_default(),
            theme::ORG_ROLE_SIZE,
            theme::org_role_text(dark),
        ),
        Text::Holder(u, r) => (
            role(u, r)
                .map(|r| {
                    plan.person(&r.holder)
                        .map_or_else(|| tr.no_holder.to_owned(), |p| p.name.clone())
                })
                .unwrap_or_default(),
            theme::ORG_HOLDER_SIZE,
            theme::org_holder_text(dark),
        ),
        Text::Deputies(u, r) => (
            role(u, r)
                .map(|r| {
                    let names: Vec<&str> = r
                        .deputies
                        .iter()
                        .filter_map(|p| plan.person(p))
                        .map(|p| p.name.as_str())
                        .collect();
                    (tr.deputies_line)(&names)
                })
                .unwrap_or_default(),
            theme::ORG_DEPUTY_SIZE,
            theme::org_deputy_text(dark),
        ),
    }
}

/// Lays a chart text out at a zoom: the font and the wrap width both scaled,
/// so the same call measures it for the layout and paints it.
fn galley(painter: &Painter, shown: &Shown<'_>, text: Text, wrap: f32, zoom: f32) -> Arc<Galley> {
    let (string, size, colour) = text_of(shown.plan, shown.tr().org, shown.dark, text);
    painter.layout(
        string,
        FontId::proportional(size * zoom),
        colour,
        wrap * zoom,
    )
}

/// The chart at a zoom: text measured at that zoom, in chart units.
fn layout_at(
    painter: &Painter,
    tree: &OrgTree<'_>,
    shown: &Shown<'_>,
    (m, structure): (&Metrics, &Structure),
    zoom: f32,
) -> OrgLayout {
    let mut measure = |text: Text, wrap: f32| {
        let size = galley(painter, shown, text, wrap, zoom).size();
        Size {
            w: size.x / zoom,
            h: size.y / zoom,
        }
    };
    chart::layout(tree, m, structure, &mut measure)
}

/// The zoom and pan that show the whole chart centred in `area`.
fn fitted(layout: &OrgLayout, area: Rect, range: (f32, f32)) -> ChartView {
    let zoom = layout.fit_scale(room(area)).clamp(range.0, range.1);
    let size = vec2(layout.size.w, layout.size.h) * zoom;
    ChartView {
        zoom,
        offset: (area.size() - size) / 2.0,
    }
}

/// The view the chart opens with: fitted, but not below a readable zoom;
/// if it is larger than the area then, its top (the head of the
/// organisation) shows first.
fn opening(layout: &OrgLayout, area: Rect) -> ChartView {
    let (lo, _) = theme::ORG_ZOOM_RANGE;
    let mut view = fitted(layout, area, (theme::ORG_MIN_OPEN_ZOOM.max(lo), 1.0));
    let size = vec2(layout.size.w, layout.size.h) * view.zoom;
    if size.x > area.width() - 2.0 * MARGIN {
        view.offset.x = MARGIN;
    }
    if size.y > area.height() - 2.0 * MARGIN {
        view.offset.y = MARGIN;
    }
    view
}

/// Zooms by `factor` keeping the chart point under `anchor` (a screen
/// position) where it is.
fn zoom_about(view: &mut ChartView, area: Rect, anchor: Pos2, factor: f32) {
    let (lo, hi) = theme::ORG_ZOOM_RANGE;
    let zoom = (view.zoom * factor).clamp(lo, hi);
    let local = anchor - area.min;
    let point = (local - view.offset) / view.zoom;
    view.offset = local - point * zoom;
    view.zoom = zoom;
}

/// The id of a role box.
fn role_id(role: &RoleId) -> Id {
    Id::unique(("org-role", role.as_str()))
}

/// The chart's area this frame, and what drawing in it needs.
struct Canvas<'a> {
    shown: &'a Shown<'a>,
    /// Paints inside the area only.
    painter: Painter,
    area: Rect,
    /// The part of the area on screen: only what is in it is drawn.
    seen: Rect,
}

impl Canvas<'_> {
    /// A chart text laid out at a zoom with this canvas's painter.
    fn galley(&self, text: Text, wrap: f32, zoom: f32) -> Arc<Galley> {
        galley(&self.painter, self.shown, text, wrap, zoom)
    }
}

/// The organisation tree, built the first time a frame asks for it. Only
/// laying the chart out needs it (a new plan, area or zoom): a frame that
/// pans or repaints draws the boxes in view from the plan by their places.
struct LazyTree<'p> {
    plan: &'p Plan,
    tree: OnceCell<OrgTree<'p>>,
}

impl<'p> LazyTree<'p> {
    fn new(plan: &'p Plan) -> Self {
        Self {
            plan,
            tree: OnceCell::new(),
        }
    }

    fn get(&self) -> &OrgTree<'p> {
        self.tree.get_or_init(|| org::tree(self.plan))
    }
}

/// The chart, one frame: the canvas, its arrangement, the view moved by the
/// buttons, the pointer and the keys, the layout at the zoom shown, the
/// connectors and the boxes in view, then the selection (a role reached by
/// keyboard is panned into view).
fn chart_ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State) {
    let (canvas, background) = canvas(ui, shown);
    let area = canvas.area;
    // The box width and the structure (which sub-units go side by side,
    // which in columns) are chosen at 100 % for this area, so zooming moves
    // and scales boxes but never reshuffles them.
    let key = ArrangeKey::new(
        shown.plan_sha256,
        shown.lang,
        area,
        ui.ctx().pixels_per_point(),
    );
    let tree = LazyTree::new(shown.plan);
    if state.arranged.as_ref().is_none_or(|(k, _)| *k != key) {
        let arranged = arrange(&canvas, tree.get());
        state.arranged = Some((key.clone(), Arc::new(arranged)));
        state.zoomed = None;
    }
    let Some(arranged) = state.arranged.as_ref().map(|(_, a)| Arc::clone(a)) else {
        return;
    };
    let plain = &arranged.plain;
    let mut view = *state.view.get_or_insert_with(|| opening(plain, area));
    let before = view;

    button_action(state.pending.take(), &mut view, area, plain);
    let hovered = pointer_input(ui, &background, area, &mut view);
    // Keyboard, while the pointer is over the chart or a box in it has focus.
    let focus_here = keyboard_focus(ui, background.id, &arranged.role_ids);
    let typing = ui.ctx().text_edit_focused();
    let focus_was_here = std::mem::replace(&mut state.focus_last, focus_here);
    if (hovered || focus_here || focus_was_here) && !typing && key_input(ui, &mut view, area, plain)
    {
        state.selected = None;
    }

    let zoomed = zoomed_layout(state, key, &canvas, &tree, &arranged, view.zoom);
    let drawing = Drawing {
        canvas: &canvas,
        chart: zoomed.as_deref().unwrap_or(plain),
        view,
    };
    drawing.connectors();
    let picked = boxes_ui(ui, &drawing, state, focus_here);
    settle_selection(ui.ctx(), state, &mut view, area, picked);
    if view != before {
        ui.ctx().request_repaint();
    }
    state.view = Some(view);
}

/// Takes the rest of the view for the chart and paints its background; the
/// background's response is the chart's drag and focus.
fn canvas<'a>(ui: &mut Ui, shown: &'a Shown<'a>) -> (Canvas<'a>, egui::Response) {
    let tr = shown.tr().org;
    let (area, background) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    background.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, tr.chart_label));
    let painter = ui.painter_at(area);
    painter.rect(
        area,
        4.0,
        theme::org_canvas(shown.dark),
        Stroke::new(1.0, theme::org_unit_stroke(shown.dark)),
        StrokeKind::Inside,
    );
    let seen = area.intersect(ui.clip_rect());
    let canvas = Canvas {
        shown,
        painter,
        area,
        seen,
    };
    (canvas, background)
}

/// The room the chart has in `area`, inside the margins.
fn room(area: Rect) -> Size {
    Size {
        w: (area.width() - 2.0 * MARGIN).max(1.0),
        h: (area.height() - 2.0 * MARGIN).max(1.0),
    }
}

/// Chooses the chart's box width and structure for the canvas at 100 %:
/// the arrangement that opens it at the largest readable zoom.
fn arrange(canvas: &Canvas<'_>, tree: &OrgTree<'_>) -> Arranged {
    let mut measure = |text: Text, wrap: f32| {
        let size = canvas.galley(text, wrap, 1.0).size();
        Size {
            w: size.x,
            h: size.y,
        }
    };
    let m = theme::org_metrics(0.0);
    let m = theme::org_metrics(chart::fitting_width(
        tree,
        &m,
        theme::ORG_UNIT_WIDTH_RANGE,
        &mut measure,
    ));
    let (plain, structure) = chart::best_layout(
        tree,
        &m,
        room(canvas.area),
        theme::ORG_MIN_OPEN_ZOOM,
        &mut measure,
    );
    Arranged {
        metrics: m,
        plain,
        structure,
        role_ids: canvas
            .shown
            .plan
            .doc()
            .roles
            .iter()
            .map(|r| role_id(&r.id))
            .collect(),
    }
}

/// A zoom or fit asked for by a toolbar button.
fn button_action(action: Option<Action>, view: &mut ChartView, area: Rect, plain: &OrgLayout) {
    match action {
        Some(Action::ZoomIn) => zoom_about(view, area, area.center(), theme::ORG_ZOOM_STEP),
        Some(Action::ZoomOut) => {
            zoom_about(view, area, area.center(), 1.0 / theme::ORG_ZOOM_STEP);
        }
        Some(Action::Fit) => *view = fitted(plain, area, theme::ORG_ZOOM_RANGE),
        None => {}
    }
}

/// The pointer: drag pans, the wheel and pinch zoom about the pointer, a
/// sideways scroll pans sideways. Returns whether the pointer is over the
/// chart.
fn pointer_input(ui: &Ui, background: &egui::Response, area: Rect, view: &mut ChartView) -> bool {
    if background.dragged() {
        view.offset += background.drag_delta();
    }
    let hovered = ui.rect_contains_pointer(area);
    if hovered {
        let (scroll, pinch, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        let speed = ui.ctx().options(|o| o.input_options.scroll_zoom_speed);
        let factor = pinch * (scroll.y * speed).exp();
        if (factor - 1.0).abs() > f32::EPSILON
            && let Some(pointer) = pointer
        {
            zoom_about(view, area, pointer, factor);
        }
        // A sideways scroll (touchpad, Shift+wheel) pans sideways.
        view.offset.x += scroll.x;
    }
    hovered
}

/// Whether the keyboard is in the chart: its background or a role box has
/// focus. While it is, the arrow keys pan the chart instead of moving the
/// focus around.
fn keyboard_focus(ui: &Ui, background: Id, role_ids: &HashSet<Id>) -> bool {
    let focused = ui.memory(egui::Memory::focused);
    let focus_here = focused.is_some_and(|id| id == background || role_ids.contains(&id));
    if let Some(id) = focused.filter(|_| focus_here) {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
    }
    focus_here
}

/// The chart's keys: the arrows pan, + and − zoom about the centre, 0 fits;
/// plain keys only, so Ctrl + / Ctrl − stay the interface zoom. Returns
/// whether Escape was pressed (it clears the selection).
fn key_input(ui: &Ui, view: &mut ChartView, area: Rect, plain: &OrgLayout) -> bool {
    ui.input_mut(|i| {
        let step = theme::ORG_PAN_STEP;
        for (key, delta) in [
            (Key::ArrowLeft, vec2(step, 0.0)),
            (Key::ArrowRight, vec2(-step, 0.0)),
            (Key::ArrowUp, vec2(0.0, step)),
            (Key::ArrowDown, vec2(0.0, -step)),
        ] {
            while i.consume_key(Modifiers::NONE, key) {
                view.offset += delta;
            }
        }
        for key in [Key::Plus, Key::Equals] {
            while i.consume_key(Modifiers::NONE, key) {
                zoom_about(view, area, area.center(), theme::ORG_ZOOM_STEP);
            }
        }
        while i.consume_key(Modifiers::NONE, Key::Minus) {
            zoom_about(view, area, area.center(), 1.0 / theme::ORG_ZOOM_STEP);
        }
        if i.consume_key(Modifiers::NONE, Key::Num0) {
            *view = fitted(plain, area, theme::ORG_ZOOM_RANGE);
        }
        i.key_pressed(Key::Escape)
    })
}

/// The chart laid out at the zoom it is shown at, so its text is sharp:
/// `None` at 100 % (the arrangement's own layout), else the layout last
/// made at this zoom, or a new one. Panning lays nothing out.
fn zoomed_layout(
    state: &mut State,
    key: ArrangeKey,
    canvas: &Canvas<'_>,
    tree: &LazyTree<'_>,
    arranged: &Arranged,
    zoom: f32,
) -> Option<Arc<OrgLayout>> {
    if (zoom - 1.0).abs() < 1e-3 {
        return None;
    }
    if let Some((_, _, chart)) = state
        .zoomed
        .as_ref()
        .filter(|(k, z, _)| *k == key && *z == zoom.to_bits())
    {
        return Some(Arc::clone(chart));
    }
    let chart = Arc::new(layout_at(
        &canvas.painter,
        tree.get(),
        canvas.shown,
        (&arranged.metrics, &arranged.structure),
        zoom,
    ));
    state.zoomed = Some((key, zoom.to_bits(), Arc::clone(&chart)));
    Some(chart)
}

/// The chart being drawn: where, which layout, at which pan and zoom.
struct Drawing<'a> {
    canvas: &'a Canvas<'a>,
    chart: &'a OrgLayout,
    view: ChartView,
}

impl Drawing<'_> {
    /// Where a chart point is drawn on screen.
    fn point(&self, x: f32, y: f32) -> Pos2 {
        self.canvas.area.min + self.view.offset + vec2(x, y) * self.view.zoom
    }

    /// Where a box of the chart is drawn on screen.
    fn rect(&self, frame: chart::Frame) -> Rect {
        Rect::from_min_size(
            self.point(frame.x, frame.y),
            vec2(frame.w, frame.h) * self.view.zoom,
        )
    }

    /// The rounding of a unit's corners at this zoom (a role's is 0.7 of it).
    fn corner(&self) -> f32 {
        f32::from(theme::ORG_CORNER) * self.view.zoom
    }

    /// One text of a box, laid out at this zoom.
    fn text(&self, slot: &chart::TextSlot) {
        let c = self.canvas;
        let g = c.galley(slot.text, slot.wrap, self.view.zoom);
        c.painter.galley(
            self.point(slot.frame.x, slot.frame.y),
            g,
            theme::org_role_text(c.shown.dark),
        );
    }

    /// The connectors in view: a large organisation has hundreds of
    /// boxes, most of them off the chart at a readable zoom.
    fn connectors(&self) {
        let c = self.canvas;
        let zoom = self.view.zoom;
        let line = Stroke::new((1.5 * zoom).max(1.0), theme::org_line(c.shown.dark));
        for [a, b] in &self.chart.lines {
            let (a, b) = (self.point(a.x, a.y), self.point(b.x, b.y));
            if Rect::from_two_pos(a, b)
                .expand(line.width)
                .intersects(c.seen)
            {
                c.painter.line_segment([a, b], line);
            }
        }
    }

    /// A unit's box and its name, at `rect`.
    fn unit(&self, rect: Rect, unit_box: &chart::UnitBox) {
        let dark = self.canvas.shown.dark;
        self.canvas.painter.rect(
            rect,
            self.corner(),
            theme::unit_fill(dark),
            Stroke::new(
                (1.5 * self.view.zoom).max(1.0),
                theme::org_unit_stroke(dark),
            ),
            StrokeKind::Inside,
        );
        self.text(&unit_box.name);
    }

    /// A role's box at `rect`, as its widget stands (selected, hovered,
    /// focused), with the role, its holder and its deputies.
    fn role(
        &self,
        rect: Rect,
        role_box: &chart::RoleBox,
        response: &egui::Response,
        look: RoleLook,
    ) {
        let dark = self.canvas.shown.dark;
        let zoom = self.view.zoom;
        let (fill, stroke) = if look.selected {
            (
                theme::org_selected_fill(dark),
                Stroke::new((2.5 * zoom).max(2.0), theme::accent(dark)),
            )
        } else if response.hovered() {
            (
                theme::role_fill(dark),
                Stroke::new((1.5 * zoom).max(1.0), theme::accent(dark)),
            )
        } else {
            (
                theme::role_fill(dark),
                Stroke::new(zoom.max(1.0), theme::org_role_stroke(dark)),
            )
        };
        let painter = &self.canvas.painter;
        painter.rect(rect, self.corner() * 0.7, fill, stroke, StrokeKind::Inside);
        if response.has_focus() {
            painter.rect_stroke(
                rect.expand(2.0),
                self.corner(),
                look.focus,
                StrokeKind::Outside,
            );
        }
        self.text(&role_box.name);
        self.text(&role_box.holder);
        if let Some(deputies) = &role_box.deputies {
            self.text(deputies);
        }
    }
}

/// How a role's box is drawn besides its hover and focus.
#[derive(Clone, Copy)]
struct RoleLook {
    selected: bool,
    /// The focus ring of the interface's visuals.
    focus: Stroke,
}

/// What the boxes said this frame.
#[derive(Default)]
struct Picked {
    /// A role clicked (`false`) or reached with Tab (`true`).
    role: Option<(RoleId, bool)>,
    /// Where the selected role is, when it is to be panned into view.
    reveal: Option<Rect>,
}

/// The unit and role boxes: painted where in view, and every role a widget
/// (click, Tab, Enter) in a child `Ui` clipped to the chart, so boxes
/// panned out of it cannot be hit.
fn boxes_ui(ui: &mut Ui, d: &Drawing<'_>, state: &State, focus_here: bool) -> Picked {
    let plan = d.canvas.shown.plan;
    let mut boxes = ui.new_child(egui::UiBuilder::new().max_rect(d.canvas.area));
    boxes.set_clip_rect(d.canvas.seen);
    let mut picked = Picked::default();
    for unit_box in &d.chart.units {
        let Some(unit) = plan.doc().units.get(unit_box.unit) else {
            continue;
        };
        let rect = d.rect(unit_box.frame);
        let in_view = rect.intersects(d.canvas.seen);
        // A box out of view is still a widget while the keyboard is in the
        // chart, so that Tab reaches every role (and pans to it).
        if !in_view && !focus_here {
            continue;
        }
        if in_view {
            d.unit(rect, unit_box);
        }
        let unit_response = boxes.interact(
            rect,
            Id::unique(("org-unit", unit.id.as_str())),
            Sense::hover(),
        );
        unit_response.widget_info(|| WidgetInfo::labeled(egui::Role::Group, true, &unit.name));
        for role_box in &unit_box.roles {
            let Some(role) = plan.unit_role(unit_box.unit, role_box.role) else {
                continue;
            };
            let rect = d.rect(role_box.frame);
            let response = boxes.interact(rect, role_id(&role.id), Sense::click());
            let selected = state.selected.as_ref() == Some(&role.id);
            response.widget_info(|| {
                WidgetInfo::selected(egui::Role::Button, true, selected, &role.name)
            });
            if rect.intersects(d.canvas.seen) {
                let look = RoleLook {
                    selected,
                    focus: ui.visuals().selection.stroke,
                };
                d.role(rect, role_box, &response, look);
            }
            if response.clicked() {
                picked.role = Some((role.id.clone(), false));
            } else if response.gained_focus() {
                // Tab through the roles: the focused one is the selected one.
                picked.role = Some((role.id.clone(), true));
            }
            if selected && state.reveal {
                picked.reveal = Some(rect);
            }
        }
    }
    picked
}

/// Applies what the boxes said: a role clicked or reached with Tab is
/// selected (and, reached with Tab, panned to on the next frame); the
/// selected role, to be revealed, is panned the least that brings it into
/// the chart.
fn settle_selection(
    ctx: &egui::Context,
    state: &mut State,
    view: &mut ChartView,
    area: Rect,
    picked: Picked,
) {
    if let Some((id, by_keyboard)) = picked.role {
        if state.selected.as_ref() != Some(&id) {
            ctx.request_repaint();
        }
        state.selected = Some(id);
        state.reveal = by_keyboard;
        if by_keyboard {
            ctx.request_repaint();
        }
    } else if let Some(rect) = picked.reveal {
        state.reveal = false;
        let shift = reveal_shift(rect, area.shrink(MARGIN));
        if shift != Vec2::ZERO {
            view.offset += shift;
            ctx.request_repaint();
        }
    }
}

/// The least pan that brings `rect` into `inner`: its top-left first when
/// it is larger.
fn reveal_shift(rect: Rect, inner: Rect) -> Vec2 {
    let mut shift = Vec2::ZERO;
    if rect.left() < inner.left() || rect.width() > inner.width() {
        shift.x = inner.left() - rect.left();
    } else if rect.right() > inner.right() {
        shift.x = inner.right() - rect.right();
    }
    if rect.top() < inner.top() || rect.height() > inner.height() {
        shift.y = inner.top() - rect.top();
    } else if rect.bottom() > inner.bottom() {
        shift.y = inner.bottom() - rect.bottom();
    }
    shift
}
