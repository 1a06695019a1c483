//! Colours, spacing and sizes: the one place the app's look is decided.
//!
//! Panels take their colours from here so that light and dark themes, the
//! warning colours of the four levels, and the search highlight stay
//! consistent and readable on a projector. The spacing is here too: the
//! organisation chart's ([`org_metrics`] is the only source of the layout's
//! [`Metrics`]) and the cards' and chips' margins and corners, which
//! `ui::widgets` draws with.

use egui::Color32;
use serde::{Deserialize, Serialize};

use super::org_chart::layout::Metrics;
use crate::model::plan::doc::Colour;

/// Light or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemePref {
    /// Light: daylight and projectors.
    #[default]
    Light,
    /// Dark: a dim command room at night.
    Dark,
}

impl ThemePref {
    /// The other one.
    #[must_use]
    pub fn toggled(self) -> Self {
        match self {
            Self::Light => Self::Dark,
            Self::Dark => Self::Light,
        }
    }

    /// Applies the theme: egui keeps a light and a dark style and picks one.
    pub fn apply(self, ctx: &egui::Context) {
        ctx.set_theme(match self {
            Self::Light => egui::Theme::Light,
            Self::Dark => egui::Theme::Dark,
        });
    }
}

/// Space between sections.
pub const SECTION_GAP: f32 = 12.0;
/// Space between items.
pub const ITEM_GAP: f32 = 6.0;
/// Width of the navigation panel.
pub const NAV_WIDTH: f32 = 210.0;
/// Heading size of a view's title.
pub const TITLE_SIZE: f32 = 22.0;
/// Smallest and largest zoom factors.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);
/// Zoom step for Ctrl + and Ctrl −.
pub const ZOOM_STEP: f32 = 0.1;

/// The fill of a warning colour, strong enough to read white text on.
#[must_use]
pub fn level_fill(colour: Colour) -> Color32 {
    match colour {
        Colour::Red => Color32::from_rgb(0xC6, 0x28, 0x28),
        Colour::Orange => Color32::from_rgb(0xE6, 0x6A, 0x00),
        Colour::Yellow => Color32::from_rgb(0xC9, 0xA2, 0x00),
        Colour::Blue => Color32::from_rgb(0x1E, 0x5A, 0xB4),
    }
}

/// Text on a level fill.
pub const ON_LEVEL: Color32 = Color32::WHITE;

/// Background of an error banner.
#[must_use]
pub fn error_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x5A, 0x14, 0x14)
    } else {
        Color32::from_rgb(0xFD, 0xE8, 0xE8)
    }
}

/// Text colour for errors.
#[must_use]
pub fn error_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xFF, 0xB4, 0xB4)
    } else {
        Color32::from_rgb(0x9B, 0x1C, 0x1C)
    }
}

/// Text colour for warnings.
#[must_use]
pub fn warning_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xFF, 0xD5, 0x80)
    } else {
        Color32::from_rgb(0x8A, 0x5A, 0x00)
    }
}

/// Background of a search hit.
#[must_use]
pub fn highlight_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x80, 0x6A, 0x00)
    } else {
        Color32::from_rgb(0xFF, 0xE0, 0x66)
    }
}

/// Background of a notice (reloaded, copied).
#[must_use]
pub fn notice_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x1B, 0x3A, 0x2A)
    } else {
        Color32::from_rgb(0xE3, 0xF4, 0xE8)
    }
}

/// Box fill in the organisation chart.
#[must_use]
pub fn unit_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x26, 0x33, 0x45)
    } else {
        Color32::from_rgb(0xE8, 0xEE, 0xF7)
    }
}

/// Box fill of a role in the organisation chart.
#[must_use]
pub fn role_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x30, 0x30, 0x30)
    } else {
        Color32::from_rgb(0xFA, 0xFA, 0xFA)
    }
}

/// The selection accent.
#[must_use]
pub fn accent(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x66, 0xAA, 0xFF)
    } else {
        Color32::from_rgb(0x1A, 0x5F, 0xC8)
    }
}

// ---------------------------------------------------------------------------
// Contacts (call trees, directory) and fault classes & levels views.
// ---------------------------------------------------------------------------

/// How far each level of a call tree is indented.
pub const TREE_INDENT: f32 = 34.0;
/// Where a connector meets a call's card, measured from the card's top: the
/// middle of its first line.
pub const TREE_CONNECTOR_Y: f32 = 18.0;
/// Size of a phone number: big enough to dial from at arm's length.
pub const NUMBER_SIZE: f32 = 19.0;
/// Size of a callee's or a contact's name.
pub const NAME_SIZE: f32 = 17.0;
/// Size of a tab's name in a view's tab row.
pub const TAB_SIZE: f32 = 16.0;
/// Width of the label column of a field list (criteria, duties, …).
pub const FIELD_LABEL_WIDTH: f32 = 120.0;
/// Width of the fault class list.
pub const CLASS_LIST_WIDTH: f32 = 240.0;

/// Corner radius of a card.
pub const CARD_CORNER: u8 = 6;
/// Width of a card's outline.
pub const CARD_STROKE_WIDTH: f32 = 1.0;
/// Space inside a card: snug, so a call tree or a directory shows many.
pub const CARD_MARGIN: egui::Margin = egui::Margin::symmetric(10, 6);
/// Space inside a roomy card (a level, a warning), whose labelled fields
/// need air around them.
pub const ROOMY_CARD_MARGIN: egui::Margin = egui::Margin::same(10);
/// Corner radius of a chip.
pub const CHIP_CORNER: u8 = 4;

/// Background of a card (a call, a person, a level).
#[must_use]
pub fn card_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x24, 0x28, 0x2E)
    } else {
        Color32::from_rgb(0xF6, 0xF8, 0xFB)
    }
}

/// Outline of a card.
#[must_use]
pub fn card_stroke(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x4A, 0x52, 0x5E)
    } else {
        Color32::from_rgb(0xC8, 0xD0, 0xDC)
    }
}

/// The lines joining a caller to their callees.
#[must_use]
pub fn tree_line(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x7A, 0x86, 0x96)
    } else {
        Color32::from_rgb(0x8A, 0x96, 0xA8)
    }
}

/// Background of a time-limit chip ("within 15 min").
#[must_use]
pub fn time_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x1E, 0x3A, 0x5F)
    } else {
        Color32::from_rgb(0xDC, 0xE9, 0xFA)
    }
}

/// Text of a time-limit chip.
#[must_use]
pub fn time_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xCF, 0xE3, 0xFF)
    } else {
        Color32::from_rgb(0x0F, 0x3D, 0x80)
    }
}

/// How a chip looks: a small filled label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChipStyle {
    /// Its background.
    pub fill: Color32,
    /// Its text's colour (the text is always strong).
    pub text: Color32,
    /// Space around the text.
    pub margin: egui::Margin,
    /// The text's size; `None` for the body size.
    pub size: Option<f32>,
}

/// A level's chip: white on the level's warning colour.
#[must_use]
pub fn level_chip(colour: Colour) -> ChipStyle {
    ChipStyle {
        fill: level_fill(colour),
        text: ON_LEVEL,
        margin: egui::Margin::symmetric(8, 3),
        size: None,
    }
}

/// A time limit's chip ("within 15 min") among the fields of a level.
#[must_use]
pub fn time_chip(dark: bool) -> ChipStyle {
    ChipStyle {
        fill: time_fill(dark),
        text: time_text(dark),
        margin: egui::Margin::symmetric(6, 1),
        size: None,
    }
}

/// A chip on a call card or a directory card (a time limit, the kind of
/// an external contact): as large as a tab's name, read at arm's length
/// while dialling.
#[must_use]
pub fn contacts_chip(dark: bool) -> ChipStyle {
    ChipStyle {
        fill: time_fill(dark),
        text: time_text(dark),
        margin: egui::Margin::symmetric(6, 2),
        size: Some(TAB_SIZE),
    }
}

/// Outline of the selected level in the level picker.
#[must_use]
pub fn level_selected_stroke(dark: bool) -> Color32 {
    if dark {
        Color32::WHITE
    } else {
        Color32::from_rgb(0x10, 0x10, 0x10)
    }
}

// ---------------------------------------------------------------------------
// Plan-text view: contents, reading text, search hits.
// ---------------------------------------------------------------------------

/// Starting width of the plan text's contents panel.
pub const CONTENTS_WIDTH: f32 = 290.0;
/// Indent of a section under its chapter in the contents.
pub const CONTENTS_INDENT: f32 = 14.0;
/// The plan text's widest line: long lines are hard to read on a wide screen.
pub const TEXT_MAX_WIDTH: f32 = 780.0;
/// Size of a chapter heading in the plan text.
pub const CHAPTER_HEADING_SIZE: f32 = 21.0;
/// Size of a section heading in the plan text.
pub const SECTION_HEADING_SIZE: f32 = 17.0;
/// Space between paragraphs of the plan text.
pub const PARAGRAPH_GAP: f32 = 5.0;
/// How far below the top of the text a section heading may sit and still
/// count as the section being read (the contents highlight it).
pub const READING_LINE: f32 = 24.0;
/// Space between the plan text's contents and its text.
pub const TEXT_MARGIN: i8 = 16;

/// Background of the current search hit: stronger than [`highlight_fill`],
/// so the one the keyboard moves between stands out among the others.
#[must_use]
pub fn current_hit_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xC2, 0x4E, 0x00)
    } else {
        Color32::from_rgb(0xFF, 0x96, 0x2E)
    }
}

/// Underline of the current search hit, so it is marked without relying on
/// colour alone.
#[must_use]
pub fn current_hit_underline(dark: bool) -> egui::Stroke {
    egui::Stroke::new(2.0, if dark { Color32::WHITE } else { Color32::BLACK })
}

// ---------------------------------------------------------------------------
// Organisation chart: boxes, connectors, text sizes and spacing.
// ---------------------------------------------------------------------------

/// Narrowest and widest unit box in the organisation chart, at 100 %: the
/// boxes take the width of the longest role name or holder-and-deputies
/// line within this range (longer text wraps).
pub const ORG_UNIT_WIDTH_RANGE: (f32, f32) = (180.0, 250.0);
/// Space inside a unit box.
pub const ORG_UNIT_PADDING: f32 = 8.0;
/// Space inside a role box.
pub const ORG_ROLE_PADDING: f32 = 5.0;
/// Vertical space between the roles of a unit.
pub const ORG_ROLE_GAP: f32 = 4.0;
/// Vertical space between the lines of a role (name, holder, deputies).
pub const ORG_LINE_GAP: f32 = 1.0;
/// Horizontal space between a holder and the deputies on the same line.
pub const ORG_NAME_GAP: f32 = 10.0;
/// Horizontal space between sibling units.
pub const ORG_SIBLING_GAP: f32 = 14.0;
/// Vertical space between a unit and its sub-units (connectors run in it).
pub const ORG_LEVEL_GAP: f32 = 30.0;
/// Indent of a column of sub-units, where its trunk line runs.
pub const ORG_INDENT: f32 = 20.0;
/// Vertical space between sub-units stacked in a column.
pub const ORG_STACK_GAP: f32 = 12.0;
/// Text size of a unit's name in the chart.
pub const ORG_UNIT_SIZE: f32 = 16.0;
/// Text size of a role's name in the chart.
pub const ORG_ROLE_SIZE: f32 = 14.5;
/// Text size of a holder's name in the chart.
pub const ORG_HOLDER_SIZE: f32 = 14.0;
/// Text size of the deputies in the chart.
pub const ORG_DEPUTY_SIZE: f32 = 13.0;
/// Corner radius of chart boxes.
pub const ORG_CORNER: u8 = 6;
/// Width of the chart's detail panel.
pub const ORG_PANEL_WIDTH: f32 = 310.0;
/// Zoom range of the chart (1.0 = 100 %), independent of the interface zoom.
pub const ORG_ZOOM_RANGE: (f32, f32) = (0.25, 3.0);
/// Factor of one zoom step (buttons, `+` / `-`, one wheel notch is finer).
pub const ORG_ZOOM_STEP: f32 = 1.2;
/// How far one arrow-key press pans the chart, in screen points.
pub const ORG_PAN_STEP: f32 = 60.0;
/// The chart opens fitted to its area, but never smaller than this, so it
/// stays readable on a projector; the rest is a short pan away.
pub const ORG_MIN_OPEN_ZOOM: f32 = 0.8;

/// The organisation chart's spacing for its layout, with the unit boxes'
/// width (which the chart fits to the text, within [`ORG_UNIT_WIDTH_RANGE`]).
///
/// The only way the app builds [`Metrics`]: the window and the layout tests
/// both come here, so the chart has one set of spacing numbers.
#[must_use]
pub fn org_metrics(unit_width: f32) -> Metrics {
    Metrics {
        unit_width,
        unit_padding: ORG_UNIT_PADDING,
        header_gap: ITEM_GAP,
        role_padding: ORG_ROLE_PADDING,
        role_gap: ORG_ROLE_GAP,
        line_gap: ORG_LINE_GAP,
        name_gap: ORG_NAME_GAP,
        sibling_gap: ORG_SIBLING_GAP,
        level_gap: ORG_LEVEL_GAP,
        stack_gap: ORG_STACK_GAP,
        indent: ORG_INDENT,
    }
}

/// Connector lines between units.
#[must_use]
pub fn org_line(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x8A, 0x9A, 0xB0)
    } else {
        Color32::from_rgb(0x6E, 0x7C, 0x90)
    }
}

/// Outline of a unit box.
#[must_use]
pub fn org_unit_stroke(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x4E, 0x66, 0x88)
    } else {
        Color32::from_rgb(0x9C, 0xAE, 0xC8)
    }
}

/// Outline of a role box.
#[must_use]
pub fn org_role_stroke(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x55, 0x55, 0x55)
    } else {
        Color32::from_rgb(0xC9, 0xCF, 0xD8)
    }
}

/// A unit's name in the chart.
#[must_use]
pub fn org_unit_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xE8, 0xF0, 0xFA)
    } else {
        Color32::from_rgb(0x10, 0x24, 0x3E)
    }
}

/// A role's name in the chart.
#[must_use]
pub fn org_role_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xF2, 0xF2, 0xF2)
    } else {
        Color32::from_rgb(0x1A, 0x1A, 0x1A)
    }
}

/// A holder's name: coloured, so "who is in charge" stands out at a glance.
#[must_use]
pub fn org_holder_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x9C, 0xC8, 0xFF)
    } else {
        Color32::from_rgb(0x0B, 0x4A, 0xA0)
    }
}

/// The deputies' names: quieter than the holder.
#[must_use]
pub fn org_deputy_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xB8, 0xB8, 0xB8)
    } else {
        Color32::from_rgb(0x50, 0x50, 0x50)
    }
}

/// Fill of the selected role box (outlined with [`accent`] as well, so the
/// selection does not rely on colour alone).
#[must_use]
pub fn org_selected_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x1E, 0x3A, 0x5F)
    } else {
        Color32::from_rgb(0xDA, 0xE8, 0xFB)
    }
}

/// Background of the chart's canvas, so the area that pans and zooms is
/// visibly set apart from the panels around it.
#[must_use]
pub fn org_canvas(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x1A, 0x1C, 0x20)
    } else {
        Color32::from_rgb(0xFF, 0xFF, 0xFF)
    }
}

// ---------------------------------------------------------------------------
// The incident window: drill, log health, clocks, the walk.
// ---------------------------------------------------------------------------

/// Background of the drill banner: loud, and unlike any level colour.
pub const DRILL_FILL: Color32 = Color32::from_rgb(0x6A, 0x1B, 0x9A);
/// Text on the drill banner.
pub const ON_DRILL: Color32 = Color32::WHITE;
/// The drill mark beside an incident's name.
#[must_use]
pub fn drill_chip() -> ChipStyle {
    ChipStyle {
        fill: DRILL_FILL,
        text: ON_DRILL,
        margin: egui::Margin::symmetric(6, 2),
        size: None,
    }
}

/// Size of the drill banner's text.
pub const DRILL_SIZE: f32 = 18.0;
/// Size of an incident's title in its header.
pub const INCIDENT_TITLE_SIZE: f32 = 20.0;
/// Size of the current step's text.
pub const STEP_TEXT_SIZE: f32 = 19.0;
/// Size of a clock's countdown.
pub const CLOCK_SIZE: f32 = 16.0;
/// Widest the checklist beside the current step gets.
pub const CHECKLIST_WIDTH: f32 = 520.0;
/// Narrowest the checklist gets.
pub const CHECKLIST_MIN: f32 = 260.0;

/// Text of a healthy log ("saved").
#[must_use]
pub fn saved_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x8E, 0xE0, 0xA4)
    } else {
        Color32::from_rgb(0x1B, 0x6E, 0x35)
    }
}

/// Text of something near its deadline (amber).
#[must_use]
pub fn near_text(dark: bool) -> Color32 {
    warning_text(dark)
}

/// Background of a clock that is near its deadline.
#[must_use]
pub fn near_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x4A, 0x38, 0x00)
    } else {
        Color32::from_rgb(0xFF, 0xF1, 0xC9)
    }
}

/// Text of something settled or skipped over: present, but not asking for
/// attention.
#[must_use]
pub fn quiet_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x90, 0x90, 0x90)
    } else {
        Color32::from_rgb(0x80, 0x80, 0x80)
    }
}

/// Background of the current step in the checklist and of its card.
#[must_use]
pub fn current_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x1E, 0x3A, 0x5F)
    } else {
        Color32::from_rgb(0xE3, 0xEE, 0xFD)
    }
}

// ---------------------------------------------------------------------------
// The wall board: read from across the room, so solid fills and the
// strongest contrast, in both themes.
// ---------------------------------------------------------------------------

/// The board's type scale at 1080 px of height; every size is multiplied by
/// the window's height over 1080 (and kept inside its width). Nothing is
/// smaller than [`BOARD_SMALL`], about 28 px at 1080p, readable from five
/// metres.
pub const BOARD_SMALL: f32 = 28.0;
/// The board's ordinary lines (overdue items, next steps).
pub const BOARD_BODY: f32 = 36.0;
/// A clock's time and what is left.
pub const BOARD_CLOCK: f32 = 48.0;
/// The level and the title.
pub const BOARD_TITLE: f32 = 64.0;

/// The board's background.
#[must_use]
pub fn board_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x0B, 0x0B, 0x0D)
    } else {
        Color32::WHITE
    }
}

/// The board's text.
#[must_use]
pub fn board_text(dark: bool) -> Color32 {
    if dark { Color32::WHITE } else { Color32::BLACK }
}

/// The board's secondary text (labels, owners): still strong contrast.
#[must_use]
pub fn board_quiet(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xC8, 0xC8, 0xC8)
    } else {
        Color32::from_rgb(0x40, 0x40, 0x40)
    }
}

/// A clock past due on the board: white on solid red.
pub const BOARD_MISSED_FILL: Color32 = Color32::from_rgb(0xB7, 0x1C, 0x1C);
/// A clock near its time on the board: black on solid amber.
pub const BOARD_NEAR_FILL: Color32 = Color32::from_rgb(0xFF, 0xB3, 0x00);

/// Overdue lines on the board.
#[must_use]
pub fn board_missed_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xFF, 0x8A, 0x80)
    } else {
        Color32::from_rgb(0xA0, 0x00, 0x00)
    }
}

/// Text on a level's colour on the board: black on the light fills (orange,
/// yellow), white on the dark ones (red, blue), for the strongest contrast
/// across the room (white on yellow is barely 2:1).
#[must_use]
pub fn board_on_level(colour: Colour) -> Color32 {
    match colour {
        Colour::Orange | Colour::Yellow => Color32::BLACK,
        Colour::Red | Colour::Blue => Color32::WHITE,
    }
}
