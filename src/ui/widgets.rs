//! The small widgets several views share: cards, chips, text with its search
//! hits marked, and a view's row of tabs.
//!
//! Each used to be drawn by hand, a copy per view, so a change to one copy
//! quietly left the others behind. Here each is one function: a person's
//! card in the organisation chart is drawn as in the directory, a search hit
//! in the directory as in the plan text. Their variants (a roomy card, a
//! level's chip, the contacts view's large chips) are named in [`theme`],
//! with every colour, corner, margin and text size; this module only draws.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Galley, InnerResponse, Margin, Response, RichText, Stroke, Ui};

use super::theme::{self, ChipStyle};

/// A card: a framed, filled box around a call, a person, a level.
///
/// Built like an [`egui::Frame`]: `Card::new(dark).wide().show(ui, |ui| …)`.
#[must_use = "a card is drawn by `show`"]
#[derive(Clone, Copy, Debug)]
pub struct Card {
    dark: bool,
    wide: bool,
    margin: Margin,
}

impl Card {
    /// A snug card, as wide as its content.
    pub fn new(dark: bool) -> Self {
        Self {
            dark,
            wide: false,
            margin: theme::CARD_MARGIN,
        }
    }

    /// As wide as the space it is in, whatever its content (a list of
    /// cards then lines up).
    pub fn wide(self) -> Self {
        Self { wide: true, ..self }
    }

    /// With more room inside, for cards of labelled fields.
    pub fn roomy(self) -> Self {
        Self {
            margin: theme::ROOMY_CARD_MARGIN,
            ..self
        }
    }

    /// Draws the card around `add`; the response's rectangle is the card's
    /// outer edge (the call tree joins cards there).
    pub fn show<R>(self, ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
        egui::Frame::new()
            .fill(theme::card_fill(self.dark))
            .stroke(Stroke::new(
                theme::CARD_STROKE_WIDTH,
                theme::card_stroke(self.dark),
            ))
            .corner_radius(theme::CARD_CORNER)
            .inner_margin(self.margin)
            .show(ui, |ui| {
                if self.wide {
                    ui.set_width(ui.available_width());
                }
                add(ui)
            })
    }
}

/// A chip: a small filled label in strong text ("within 15 min", a level).
pub fn chip(ui: &mut Ui, text: &str, style: ChipStyle) -> Response {
    egui::Frame::new()
        .fill(style.fill)
        .corner_radius(theme::CHIP_CORNER)
        .inner_margin(style.margin)
        .show(ui, |ui| {
            ui.label(chip_text(text, style));
        })
        .response
}

/// A [`chip`] in a wrapping row (`horizontal_wrapped`): it starts a new row
/// when it would not fit in what is left of this one, instead of running
/// off the edge.
pub fn chip_in_wrapping_row(ui: &mut Ui, text: &str, style: ChipStyle) -> Response {
    let width = one_line(ui, chip_text(text, style)).size().x;
    keep_together(
        ui,
        width + style.margin.sum().x + ui.spacing().item_spacing.x,
    );
    chip(ui, text, style)
}

fn chip_text(text: &str, style: ChipStyle) -> RichText {
    let rich = RichText::new(text).strong();
    let rich = match style.size {
        Some(size) => rich.size(size),
        None => rich,
    };
    rich.color(style.text)
}

/// Lays text out on one line, to measure it before placing it.
pub fn one_line(ui: &Ui, text: RichText) -> Arc<Galley> {
    egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    )
}

/// In a wrapping row, starts a new row when a group `width` wide would not
/// fit in what is left of this one (egui cannot wrap a group it has not
/// laid out yet, so it would run off the edge).
pub fn keep_together(ui: &mut Ui, width: f32) {
    let at_row_start = ui.cursor().left() <= ui.max_rect().left() + 0.5;
    if !at_row_start && ui.available_size_before_wrap().x < width {
        ui.end_row();
    }
}

/// A view's row of tabs: each name selectable, the one on screen selected.
pub fn tabs<T: Copy + PartialEq>(ui: &mut Ui, current: &mut T, tabs: &[(T, &str)]) {
    ui.horizontal(|ui| {
        for &(tab, name) in tabs {
            let text = RichText::new(name).size(theme::TAB_SIZE).strong();
            if ui.selectable_label(*current == tab, text).clicked() {
                *current = tab;
            }
        }
    });
}

/// How a stretch of text is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Not a hit.
    Plain,
    /// Part of a hit.
    Hit,
    /// Part of the current hit.
    Current,
}

/// Splits `len` bytes of text into stretches by the hits on it (sorted by
/// start, possibly overlapping), the current one (an index into `hits`)
/// taking precedence. Adjacent stretches with the same mark are merged.
#[must_use]
pub fn marks(
    len: usize,
    hits: &[Range<usize>],
    current: Option<usize>,
) -> Vec<(Range<usize>, Mark)> {
    let current = current.and_then(|i| hits.get(i)).cloned();
    let mut cuts: Vec<usize> = vec![0, len];
    for h in hits {
        cuts.push(h.start.min(len));
        cuts.push(h.end.min(len));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<(Range<usize>, Mark)> = Vec::new();
    // Hits are sorted by start: sweep, keeping the furthest end of those
    // started so far, so overlaps cost no more than separate hits.
    let mut started = 0;
    let mut reach = 0;
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        while hits.get(started).is_some_and(|h| h.start <= a) {
            reach = reach.max(hits[started].end);
            started += 1;
        }
        let mark = if current.as_ref().is_some_and(|c| c.start <= a && b <= c.end) {
            Mark::Current
        } else if reach >= b {
            Mark::Hit
        } else {
            Mark::Plain
        };
        match out.last_mut() {
            Some((range, last)) if *last == mark => range.end = b,
            _ => out.push((a..b, mark)),
        }
    }
    out
}

/// Text with its search hits marked, for a label: `prefix` (a heading's
/// number) plain, then `text` with every hit (byte ranges, sorted by start)
/// on [`theme::highlight_fill`] and the current one, if any, on
/// [`theme::current_hit_fill`], underlined. The plan text and the directory
/// both mark hits with it.
#[must_use]
pub fn highlighted(
    prefix: &str,
    text: &str,
    hits: &[Range<usize>],
    current: Option<usize>,
    format: &TextFormat,
    dark: bool,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    if !prefix.is_empty() {
        job.append(prefix, 0.0, format.clone());
    }
    for (range, mark) in marks(text.len(), hits, current) {
        // The model's ranges are on character boundaries; anything else is
        // skipped rather than risking a panic on a slice.
        let Some(part) = text.get(range) else {
            continue;
        };
        let mut f = format.clone();
        match mark {
            Mark::Plain => {}
            Mark::Hit => f.background = theme::highlight_fill(dark),
            Mark::Current => {
                f.background = theme::current_hit_fill(dark);
                f.underline = theme::current_hit_underline(dark);
            }
        }
        job.append(part, 0.0, f);
    }
    if job.sections.is_empty() {
        // No text at all: one empty section still gives the label the
        // format's line height, as a plain label of no text has.
        job.append("", 0.0, format.clone());
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_cover_the_text_and_merge_overlaps() {
        assert_eq!(marks(5, &[], None), [(0..5, Mark::Plain)]);
        // "哈哈哈x": two overlapping hits make one highlighted stretch.
        assert_eq!(
            marks(10, &[0..6, 3..9], None),
            [(0..9, Mark::Hit), (9..10, Mark::Plain)]
        );
        // The current hit stands out inside the overlap.
        assert_eq!(
            marks(10, &[0..6, 3..9], Some(1)),
            [
                (0..3, Mark::Hit),
                (3..9, Mark::Current),
                (9..10, Mark::Plain)
            ]
        );
        assert_eq!(
            marks(12, &[2..4, 8..12], Some(0)),
            [
                (0..2, Mark::Plain),
                (2..4, Mark::Current),
                (4..8, Mark::Plain),
                (8..12, Mark::Hit)
            ]
        );
    }

    #[test]
    fn the_layout_job_paints_hits_in_the_theme_colours() {
        let text = "须在4小时内向省网信办报告，网信办";
        let first = text.find("网信办").unwrap_or_default();
        let second = text.rfind("网信办").unwrap_or_default();
        let hits = [first..first + 9, second..second + 9];
        let format = TextFormat::default();
        for dark in [false, true] {
            let job = highlighted("第一章 ", text, &hits, Some(1), &format, dark);
            assert_eq!(job.text, format!("第一章 {text}"));
            let painted: Vec<(&str, egui::Color32)> = job
                .sections
                .iter()
                .map(|s| {
                    (
                        &job.text[s.byte_range.start.0..s.byte_range.end.0],
                        s.format.background,
                    )
                })
                .collect();
            assert_eq!(
                painted,
                [
                    // egui merges the plain prefix with the plain text after it.
                    ("第一章 须在4小时内向省", egui::Color32::TRANSPARENT),
                    ("网信办", theme::highlight_fill(dark)),
                    ("报告，", egui::Color32::TRANSPARENT),
                    ("网信办", theme::current_hit_fill(dark)),
                ]
            );
            let current = &job.sections[3].format;
            assert_eq!(current.underline, theme::current_hit_underline(dark));
            assert_eq!(job.sections[1].format.underline, egui::Stroke::NONE);
        }
    }

    #[test]
    fn text_without_hits_is_one_plain_section_even_when_empty() {
        let format = TextFormat::default();
        for text in ["张三 13800000001", ""] {
            let job = highlighted("", text, &[], None, &format, false);
            assert_eq!(job.text, text);
            assert_eq!(job.sections.len(), 1);
            assert_eq!(job.sections[0].format, format);
        }
    }

    #[test]
    fn a_hit_inside_a_character_is_no_panic() {
        // "张" is three bytes: a range ending inside it cannot be sliced, and
        // what cannot be sliced is left out.
        let hit = 0..1;
        let job = highlighted("", "张三", &[hit], None, &TextFormat::default(), false);
        assert!("张三".contains(job.text.as_str()), "{}", job.text);
    }
}
