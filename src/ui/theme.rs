//! Colours, spacing and sizes: the one place the app's look is decided.
//!
//! Panels take their colours from here so that light and dark themes, the
//! warning colours of the four levels, and the search highlight stay
//! consistent and readable on a projector.

use egui::{Color32, Visuals};
use serde::{Deserialize, Serialize};

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

    /// egui's visuals for this theme.
    #[must_use]
    pub fn visuals(self) -> Visuals {
        match self {
            Self::Light => Visuals::light(),
            Self::Dark => Visuals::dark(),
        }
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
