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
//! only measures text, paints and handles the pointer and the keyboard.
//!
//! Pan and zoom are done here rather than with `egui::Scene`: a scene scales
//! the painted text (blurry when zoomed in, per its own docs), and its
//! widgets report unscaled positions to accessibility tools, so a role box
//! could not be found or clicked where it is shown.

pub mod layout;

use std::sync::Arc;

use egui::{
    Color32, FontId, Galley, Id, Key, Modifiers, Painter, Pos2, Rect, RichText, Sense, Stroke,
    StrokeKind, Ui, Vec2, WidgetInfo, vec2,
};

use super::{Command, Shown, theme, widgets};
use crate::i18n::Lang;
use crate::i18n::org::OrgTr;
use crate::model::ids::RoleId;
use crate::model::plan::Plan;
use crate::model::plan::doc::Person;
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
    role_ids: std::collections::HashSet<Id>,
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
        .show(ui, |ui| detail_ui(ui, shown, state, commands));
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
    let room = Size {
        w: (area.width() - 2.0 * MARGIN).max(1.0),
        h: (area.height() - 2.0 * MARGIN).max(1.0),
    };
    let zoom = layout.fit_scale(room).clamp(range.0, range.1);
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

#[allow(clippy::too_many_lines)] // One pass: input, layout, paint, hit boxes; split, it would pass a dozen values around.
fn chart_ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State) {
    let dark = shown.dark;
    let tr = shown.tr().org;
    let (area, background) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    background.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, tr.chart_label));
    let painter = ui.painter_at(area);
    painter.rect(
        area,
        4.0,
        theme::org_canvas(dark),
        Stroke::new(1.0, theme::org_unit_stroke(dark)),
        StrokeKind::Inside,
    );

    // The box width and the structure (which sub-units go side by side,
    // which in columns) are chosen at 100 % for this area, so zooming moves
    // and scales boxes but never reshuffles them.
    let key = ArrangeKey::new(
        shown.plan_sha256,
        shown.lang,
        area,
        ui.ctx().pixels_per_point(),
    );
    // The whole tree is needed only to lay the chart out, when the plan,
    // the area or the zoom changes: a frame that pans or repaints draws the
    // boxes in view from the plan by their places.
    let tree = std::cell::OnceCell::new();
    let tree = || tree.get_or_init(|| org::tree(shown.plan));
    if state.arranged.as_ref().is_none_or(|(k, _)| *k != key) {
        let arranged = {
            let tree = tree();
            let mut measure = |text: Text, wrap: f32| {
                let size = galley(&painter, shown, text, wrap, 1.0).size();
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
            let room = Size {
                w: (area.width() - 2.0 * MARGIN).max(1.0),
                h: (area.height() - 2.0 * MARGIN).max(1.0),
            };
            let (plain, structure) =
                chart::best_layout(tree, &m, room, theme::ORG_MIN_OPEN_ZOOM, &mut measure);
            Arranged {
                metrics: m,
                plain,
                structure,
                role_ids: shown
                    .plan
                    .doc()
                    .roles
                    .iter()
                    .map(|r| role_id(&r.id))
                    .collect(),
            }
        };
        state.arranged = Some((key.clone(), Arc::new(arranged)));
        state.zoomed = None;
    }
    let Some(arranged) = state.arranged.as_ref().map(|(_, a)| Arc::clone(a)) else {
        return;
    };
    let Arranged {
        metrics: m,
        plain,
        structure,
        role_ids,
    } = &*arranged;
    let m = *m;
    let mut view = *state.view.get_or_insert_with(|| opening(plain, area));
    let before = view;

    // Buttons.
    match state.pending.take() {
        Some(Action::ZoomIn) => zoom_about(&mut view, area, area.center(), theme::ORG_ZOOM_STEP),
        Some(Action::ZoomOut) => {
            zoom_about(&mut view, area, area.center(), 1.0 / theme::ORG_ZOOM_STEP);
        }
        Some(Action::Fit) => view = fitted(plain, area, theme::ORG_ZOOM_RANGE),
        None => {}
    }

    // Pointer: drag pans, the wheel and pinch zoom about the pointer.
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
            zoom_about(&mut view, area, pointer, factor);
        }
        // A sideways scroll (touchpad, Shift+wheel) pans sideways.
        view.offset.x += scroll.x;
    }

    // Keyboard, while the pointer is over the chart or a box in it has focus;
    // plain keys only, so Ctrl + / Ctrl − stay the interface zoom.
    let focused = ui.memory(egui::Memory::focused);
    let focus_here = focused.is_some_and(|id| id == background.id || role_ids.contains(&id));
    if let Some(id) = focused.filter(|_| focus_here) {
        // Arrow keys pan the chart instead of moving the focus around.
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
    let typing = ui.ctx().text_edit_focused();
    let focus_was_here = std::mem::replace(&mut state.focus_last, focus_here);
    if (hovered || focus_here || focus_was_here) && !typing {
        let mut clear = false;
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
                    zoom_about(&mut view, area, area.center(), theme::ORG_ZOOM_STEP);
                }
            }
            while i.consume_key(Modifiers::NONE, Key::Minus) {
                zoom_about(&mut view, area, area.center(), 1.0 / theme::ORG_ZOOM_STEP);
            }
            if i.consume_key(Modifiers::NONE, Key::Num0) {
                view = fitted(plain, area, theme::ORG_ZOOM_RANGE);
            }
            clear = i.key_pressed(Key::Escape);
        });
        if clear {
            state.selected = None;
        }
    }

    // Lay out at the zoom the chart is shown at, so text is sharp.
    let zoom = view.zoom;
    let zoomed;
    let chart: &OrgLayout = if (zoom - 1.0).abs() < 1e-3 {
        plain
    } else {
        zoomed = match state
            .zoomed
            .as_ref()
            .filter(|(k, z, _)| *k == key && *z == zoom.to_bits())
        {
            Some((_, _, chart)) => Arc::clone(chart),
            None => {
                let chart = Arc::new(layout_at(&painter, tree(), shown, (&m, structure), zoom));
                state.zoomed = Some((key, zoom.to_bits(), Arc::clone(&chart)));
                chart
            }
        };
        &zoomed
    };
    let to_screen = |x: f32, y: f32| area.min + view.offset + vec2(x, y) * zoom;
    let rect_of = |f: chart::Frame| Rect::from_min_size(to_screen(f.x, f.y), vec2(f.w, f.h) * zoom);

    // Only what is in view is drawn: a large organisation has hundreds of
    // boxes, most of them off the chart at a readable zoom.
    let seen = area.intersect(ui.clip_rect());
    let line = Stroke::new((1.5 * zoom).max(1.0), theme::org_line(dark));
    for [a, b] in &chart.lines {
        let (a, b) = (to_screen(a.x, a.y), to_screen(b.x, b.y));
        if Rect::from_two_pos(a, b).expand(line.width).intersects(seen) {
            painter.line_segment([a, b], line);
        }
    }
    let corner = f32::from(theme::ORG_CORNER) * zoom;
    let text = |slot: &chart::TextSlot| {
        let g = galley(&painter, shown, slot.text, slot.wrap, zoom);
        painter.galley(
            to_screen(slot.frame.x, slot.frame.y),
            g,
            theme::org_role_text(dark),
        );
    };

    // Role boxes are interactive widgets (click, Tab, Enter), in a child Ui
    // clipped to the chart so boxes panned out of it cannot be hit.
    let mut boxes = ui.new_child(egui::UiBuilder::new().max_rect(area));
    boxes.set_clip_rect(area.intersect(ui.clip_rect()));
    let mut clicked = None;
    let mut reveal_rect = None;
    for unit_box in &chart.units {
        let Some(unit) = shown.plan.doc().units.get(unit_box.unit) else {
            continue;
        };
        let rect = rect_of(unit_box.frame);
        let in_view = rect.intersects(seen);
        // A box out of view is still a widget while the keyboard is in the
        // chart, so that Tab reaches every role (and pans to it).
        if !in_view && !focus_here {
            continue;
        }
        if in_view {
            painter.rect(
                rect,
                corner,
                theme::unit_fill(dark),
                Stroke::new((1.5 * zoom).max(1.0), theme::org_unit_stroke(dark)),
                StrokeKind::Inside,
            );
            text(&unit_box.name);
        }
        let unit_response = boxes.interact(
            rect,
            Id::unique(("org-unit", unit.id.as_str())),
            Sense::hover(),
        );
        unit_response.widget_info(|| WidgetInfo::labeled(egui::Role::Group, true, &unit.name));
        for role_box in &unit_box.roles {
            let Some(role) = shown.plan.unit_role(unit_box.unit, role_box.role) else {
                continue;
            };
            let rect = rect_of(role_box.frame);
            let response = boxes.interact(rect, role_id(&role.id), Sense::click());
            let selected = state.selected.as_ref() == Some(&role.id);
            response.widget_info(|| {
                WidgetInfo::selected(egui::Role::Button, true, selected, &role.name)
            });
            if rect.intersects(seen) {
                let (fill, stroke) = if selected {
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
                painter.rect(rect, corner * 0.7, fill, stroke, StrokeKind::Inside);
                if response.has_focus() {
                    painter.rect_stroke(
                        rect.expand(2.0),
                        corner,
                        ui.visuals().selection.stroke,
                        StrokeKind::Outside,
                    );
                }
                text(&role_box.name);
                text(&role_box.holder);
                if let Some(deputies) = &role_box.deputies {
                    text(deputies);
                }
            }
            if response.clicked() {
                clicked = Some((role.id.clone(), false));
            } else if response.gained_focus() {
                // Tab through the roles: the focused one is the selected one.
                clicked = Some((role.id.clone(), true));
            }
            if selected && state.reveal {
                reveal_rect = Some(rect);
            }
        }
    }
    if let Some((id, by_keyboard)) = clicked {
        if state.selected.as_ref() != Some(&id) {
            ui.ctx().request_repaint();
        }
        state.selected = Some(id);
        state.reveal = by_keyboard;
        if by_keyboard {
            ui.ctx().request_repaint();
        }
    } else if let Some(rect) = reveal_rect {
        state.reveal = false;
        // Pan the least that brings the box into the chart.
        let inner = area.shrink(MARGIN);
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
        if shift != Vec2::ZERO {
            view.offset += shift;
            ui.ctx().request_repaint();
        }
    }
    if view != before {
        ui.ctx().request_repaint();
    }
    state.view = Some(view);
}

fn detail_ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State, commands: &mut Vec<Command>) {
    let tr = shown.tr().org;
    let plan = shown.plan;
    let found = state.selected.as_ref().and_then(|id| plan.role(id));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(theme::ITEM_GAP);
            let Some(role) = found else {
                ui.label(RichText::new(tr.pick_a_role).size(15.0));
                ui.add_space(theme::SECTION_GAP);
                ui.label(RichText::new(tr.keys_hint).weak());
                return;
            };
            let Some(unit) = plan.unit(&role.unit) else {
                return;
            };
            ui.label(RichText::new(&role.name).size(theme::TITLE_SIZE).strong());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(tr.unit).weak());
                ui.label(&unit.name);
            });
            ui.add_space(theme::SECTION_GAP);
            heading(ui, tr.duties);
            for duty in &role.duties {
                ui.horizontal_top(|ui| {
                    ui.label("•");
                    ui.add(egui::Label::new(duty).wrap());
                });
            }
            ui.add_space(theme::SECTION_GAP);
            heading(ui, tr.holder);
            match plan.person(&role.holder) {
                Some(person) => person_card(ui, shown, person, None, commands),
                None => {
                    ui.label(format!("{} {}", role.holder, tr.no_holder));
                }
            }
            ui.add_space(theme::SECTION_GAP);
            heading(ui, tr.deputies);
            let deputies: Vec<&Person> = role
                .deputies
                .iter()
                .filter_map(|p| plan.person(p))
                .collect();
            if deputies.is_empty() {
                ui.label(RichText::new(tr.no_deputies).weak());
            }
            for (i, person) in deputies.into_iter().enumerate() {
                person_card(ui, shown, person, Some(i + 1), commands);
                ui.add_space(theme::ITEM_GAP);
            }
            ui.add_space(theme::SECTION_GAP);
            if ui.button(tr.clear_selection).on_hover_text("Esc").clicked() {
                state.selected = None;
            }
            ui.add_space(theme::SECTION_GAP);
            ui.label(RichText::new(tr.keys_hint).weak().small());
        });
}

fn heading(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).size(theme::NAME_SIZE).strong());
    ui.add_space(2.0);
}

/// A person: name and title, then every way to reach them, numbers large
/// with a copy button each.
fn person_card(
    ui: &mut Ui,
    shown: &Shown<'_>,
    person: &Person,
    deputy: Option<usize>,
    commands: &mut Vec<Command>,
) {
    let tr = shown.tr();
    let org = tr.org;
    widgets::Card::new(shown.dark).wide().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if let Some(n) = deputy {
                ui.label(RichText::new((org.deputy_number)(n)).weak());
            }
            ui.label(
                RichText::new(&person.name)
                    .size(theme::NAME_SIZE)
                    .strong()
                    .color(theme::org_holder_text(shown.dark)),
            );
            if !person.title.is_empty() {
                ui.label(RichText::new(&person.title).weak());
            }
        });
        let c = &person.contact;
        let mut any = false;
        for (label, value, number) in [
            (org.mobile, filled(&c.mobile), true),
            (org.office, filled(&c.office), true),
            (org.im, filled(&c.im), false),
            (org.email, filled(&c.email), false),
        ] {
            let Some(value) = value else {
                continue;
            };
            any = true;
            ui.horizontal(|ui| {
                field_label(ui, label);
                let text = if number {
                    RichText::new(value)
                        .monospace()
                        .size(theme::NUMBER_SIZE)
                        .strong()
                } else {
                    RichText::new(value)
                };
                ui.label(text);
                let copy = ui
                    .small_button(tr.copy)
                    .on_hover_text((org.copy_number)(value));
                // Many copy buttons in one panel: each says what it copies.
                copy.widget_info(|| {
                    WidgetInfo::labeled(egui::Role::Button, true, (org.copy_number)(value))
                });
                if copy.clicked() {
                    commands.push(Command::Copy(value.to_owned()));
                }
            });
        }
        if let Some(location) = filled(&c.location) {
            any = true;
            ui.horizontal(|ui| {
                field_label(ui, org.location);
                ui.add(egui::Label::new(location).wrap());
            });
        }
        if !any {
            ui.label(RichText::new(org.no_contact).weak());
        }
    });
}

/// A contact field, unless it is missing or blank.
fn filled(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.trim().is_empty())
}

fn field_label(ui: &mut Ui, text: &str) {
    let width = 64.0;
    ui.allocate_ui_with_layout(
        vec2(width, ui.spacing().interact_size.y),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.label(RichText::new(text).weak());
        },
    );
}
