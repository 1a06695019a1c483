//! The plan text: contents on the left, the full text on the right, and a
//! search bar on top that highlights every hit.
//!
//! People read the plan offline between incidents and look things up during
//! one ("谁负责向网信办报告？"), so the view is built for finding: the
//! contents jump to a section and show which one is being read, and the
//! search (the model's [`search`], plain substring matching so Chinese works
//! without word splitting) marks every hit (with [`widgets::highlighted`],
//! as the directory does), counts them, and moves between them with Enter /
//! F3 and Shift+Enter / Shift+F3.
//!
//! Searching runs only when the query or the plan's text changes, not every
//! frame; the text itself is drawn from egui's galley cache.

use std::ops::Range;

use egui::text::{CCursor, CCursorRange, TextFormat};
use egui::{Align, FontId, Key, Modifiers, RichText, Ui};

use super::{Command, Shown, theme, widgets};
use crate::i18n::text::TextTr;
use crate::model::plan::doc::Chapter;
use crate::model::plan::search::{self, Field, Hit, Location};

/// A place the contents can jump to: a chapter's heading or a section's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Anchor {
    /// The chapter, by index.
    pub chapter: usize,
    /// The section, by index; `None` for the chapter's heading.
    pub section: Option<usize>,
}

impl Anchor {
    fn of(location: Location) -> Self {
        Self {
            chapter: location.chapter,
            section: location.section,
        }
    }
}

/// This view's state: the query and its hits, and where the reader is.
#[derive(Debug, Default)]
pub struct State {
    /// The text in the search field.
    query: String,
    /// The query the hits were found for.
    searched_query: String,
    /// The plan text the hits were found in; a reload or another plan
    /// makes it differ and the search run again.
    searched_text: Vec<Chapter>,
    /// Every hit, in document order.
    hits: Vec<Hit>,
    /// Hits per chapter and per section, for the contents.
    counts: Vec<(Anchor, usize)>,
    /// The hit Enter and F3 move from, by index into `hits`.
    current: Option<usize>,
    /// Scroll the current hit into view when it is next drawn.
    scroll_to_hit: bool,
    /// Scroll this heading to the top when it is next drawn.
    jump: Option<Anchor>,
    /// The section (or chapter heading) at the top of the text.
    reading: Option<Anchor>,
    /// The place last jumped or scrolled to by the view, with the scroll
    /// offset it left; the contents mark it until the reader scrolls.
    pin: Option<(Anchor, f32)>,
    /// Where each heading was drawn last frame, from the top of the text,
    /// so a jump sets the scroll offset at once instead of taking frames.
    headings: Vec<(Anchor, f32)>,
    /// The reading place the contents last scrolled to.
    contents_at: Option<Anchor>,
    /// Focus the search field (Ctrl+F) when it is next drawn.
    focus_search: bool,
    /// How many times the search ran, for tests of when it runs.
    searches: usize,
}

impl State {
    /// The text in the search field.
    #[must_use]
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The number of hits of the query.
    #[must_use]
    pub fn hit_count(&self) -> usize {
        self.hits.len()
    }

    /// Every hit, in document order.
    #[must_use]
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// The current hit: its index among the hits, and the hit.
    #[must_use]
    pub fn current_hit(&self) -> Option<(usize, &Hit)> {
        let i = self.current?;
        Some((i, self.hits.get(i)?))
    }

    /// The chapter or section being read: the one last jumped to, or holding
    /// the current hit, until the reader scrolls; otherwise the last heading
    /// at or above the top of the text.
    #[must_use]
    pub fn reading(&self) -> Option<Anchor> {
        self.reading
    }

    /// How many times the search has run.
    #[must_use]
    pub fn searches(&self) -> usize {
        self.searches
    }

    /// Runs the search again if the query or the text changed since it last ran.
    fn refresh(&mut self, chapters: &[Chapter]) {
        if self.searched_query == self.query && self.searched_text == chapters {
            return;
        }
        self.searches += 1;
        self.searched_query.clone_from(&self.query);
        if self.searched_text != chapters {
            self.searched_text = chapters.to_vec();
            self.reading = None;
            self.pin = None;
        }
        self.hits = search::search_chapters(chapters, &self.query);
        self.counts = counts(&self.hits);
        // Start from where the reader is, like a browser's find; wrap to
        // the first hit when there is none further on.
        let from = self.reading.unwrap_or(Anchor {
            chapter: 0,
            section: None,
        });
        self.current = self
            .hits
            .iter()
            .position(|h| Anchor::of(h.location) >= from)
            .or((!self.hits.is_empty()).then_some(0));
        self.scroll_to_hit = self.current.is_some();
    }

    /// Moves to the next hit (or the previous one), wrapping around.
    fn step(&mut self, forward: bool) {
        let n = self.hits.len();
        if n == 0 {
            return;
        }
        self.current = Some(match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        });
        self.scroll_to_hit = true;
    }

    fn count(&self, anchor: Anchor) -> usize {
        self.counts
            .iter()
            .find(|(a, _)| *a == anchor)
            .map_or(0, |(_, n)| *n)
    }
}

/// Hits per chapter (all of its hits, under `section: None`) and per section.
fn counts(hits: &[Hit]) -> Vec<(Anchor, usize)> {
    let mut counts: Vec<(Anchor, usize)> = Vec::new();
    for hit in hits {
        let chapter = Anchor {
            chapter: hit.location.chapter,
            section: None,
        };
        for anchor in [
            Some(chapter),
            hit.location.section.map(|_| Anchor::of(hit.location)),
        ]
        .into_iter()
        .flatten()
        {
            match counts.iter_mut().find(|(a, _)| *a == anchor) {
                Some((_, n)) => *n += 1,
                None => counts.push((anchor, 1)),
            }
        }
    }
    counts
}

/// Draws the view.
pub fn ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State, commands: &mut Vec<Command>) {
    // The view copies nothing and opens nothing: text is selectable and
    // copied with the system's own Ctrl+C.
    let _ = commands;
    let tr = shown.tr().text;
    let chapters = &shown.plan.doc().chapters;
    ui.input_mut(|input| {
        if input.consume_key(Modifiers::COMMAND, Key::F) {
            state.focus_search = true;
        }
        // Shift first: a plain F3 pattern would also match Shift+F3.
        if input.consume_key(Modifiers::SHIFT, Key::F3) {
            state.step(false);
        }
        if input.consume_key(Modifiers::NONE, Key::F3) {
            state.step(true);
        }
    });
    egui::Panel::top("plan_text_search").show(ui, |ui| {
        search_bar(ui, tr, chapters, state);
    });
    // In case the search bar was not drawn (a zero-height window).
    state.refresh(chapters);
    if chapters.is_empty() {
        ui.label(tr.no_text);
        return;
    }
    egui::Panel::left("plan_text_contents")
        .resizable(true)
        .default_size(theme::CONTENTS_WIDTH)
        .show(ui, |ui| contents(ui, shown, chapters, state));
    let margin = egui::Margin {
        left: theme::TEXT_MARGIN,
        ..egui::Margin::ZERO
    };
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(margin))
        .show(ui, |ui| {
            text(ui, shown, chapters, state);
        });
}

fn search_bar(ui: &mut Ui, tr: &TextTr, chapters: &[Chapter], state: &mut State) {
    ui.add_space(theme::ITEM_GAP);
    ui.horizontal(|ui| {
        let label = ui.label(tr.search);
        let mut output = egui::TextEdit::singleline(&mut state.query)
            .hint_text(tr.search_hint)
            .desired_width(320.0)
            // Enter moves to the next hit instead of leaving the field.
            .return_key(None)
            .show(ui);
        let field = output.response.response.labelled_by(label.id);
        if std::mem::take(&mut state.focus_search) {
            field.request_focus();
            // Select the old query so typing replaces it.
            output
                .state
                .cursor
                .set_char_range(Some(CCursorRange::select_all_str(&state.query)));
            output.state.store(ui.ctx(), field.id);
        }
        state.refresh(chapters);
        if field.has_focus() {
            ui.input_mut(|input| {
                if input.consume_key(Modifiers::SHIFT, Key::Enter) {
                    state.step(false);
                }
                if input.consume_key(Modifiers::NONE, Key::Enter) {
                    state.step(true);
                }
            });
        }
        let n = state.hits.len();
        if ui
            .add_enabled(n > 0, egui::Button::new(tr.previous))
            .on_hover_text("Shift+F3")
            .clicked()
        {
            state.step(false);
        }
        if ui
            .add_enabled(n > 0, egui::Button::new(tr.next))
            .on_hover_text("F3")
            .clicked()
        {
            state.step(true);
        }
        if n > 0 {
            ui.label((tr.hits)(n));
            if let Some(i) = state.current {
                ui.label(RichText::new((tr.position)(i + 1, n)).weak());
            }
        } else if !state.query.trim().is_empty() {
            ui.label(RichText::new(tr.no_hits).weak());
        }
    });
    ui.add_space(theme::ITEM_GAP);
}

/// The app's number before a chapter's title, in the interface language.
fn chapter_prefix(tr: &TextTr, c: usize) -> String {
    format!("{} ", (tr.chapter_number)(c + 1))
}

/// The app's number before a section's title, in the interface language.
fn section_prefix(tr: &TextTr, c: usize, s: usize) -> String {
    format!("{} ", (tr.section_number)(c + 1, s + 1))
}

fn contents(ui: &mut Ui, shown: &Shown<'_>, chapters: &[Chapter], state: &mut State) {
    let tr = shown.tr().text;
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(tr.contents).strong());
    ui.add_space(theme::ITEM_GAP);
    // Scroll the contents to the section being read only when that changes,
    // so the reader can still scroll the contents by hand.
    let follow = state.reading != state.contents_at;
    state.contents_at = state.reading;
    egui::ScrollArea::vertical()
        .id_salt("plan_text_contents_scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            for (c, chapter) in chapters.iter().enumerate() {
                let anchor = Anchor {
                    chapter: c,
                    section: None,
                };
                let title = format!("{}{}", chapter_prefix(tr, c), chapter.title);
                entry(
                    ui,
                    shown,
                    state,
                    anchor,
                    RichText::new(title).strong(),
                    follow,
                );
                ui.indent(("plan_text_chapter", c), |ui| {
                    for (s, section) in chapter.sections.iter().enumerate() {
                        let anchor = Anchor {
                            chapter: c,
                            section: Some(s),
                        };
                        let title = format!("{}{}", section_prefix(tr, c, s), section.title);
                        entry(ui, shown, state, anchor, RichText::new(title), follow);
                    }
                });
            }
        });
}

/// One line of the contents: the heading, selected when it is being read,
/// and its number of hits.
fn entry(
    ui: &mut Ui,
    shown: &Shown<'_>,
    state: &mut State,
    anchor: Anchor,
    text: RichText,
    follow: bool,
) {
    let hits = state.count(anchor);
    let mut button = egui::Button::selectable(state.reading == Some(anchor), text).wrap();
    if hits > 0 {
        button = button.right_text(
            RichText::new(hits.to_string())
                .small()
                .background_color(theme::highlight_fill(shown.dark)),
        );
    }
    let response = ui.add(button);
    if follow && state.reading == Some(anchor) {
        response.scroll_to_me(None);
    }
    if response.clicked() {
        state.jump = Some(anchor);
    }
}

/// What the text drawing found out about the layout this frame.
#[derive(Default)]
struct Spy {
    /// The last heading at or above the reading line.
    reading: Option<Anchor>,
    /// The top of the last heading drawn.
    last_heading_top: f32,
    /// The place a jump or the current hit scrolled to this frame.
    scrolled_to: Option<Anchor>,
}

fn text(ui: &mut Ui, shown: &Shown<'_>, chapters: &[Chapter], state: &mut State) {
    let mut area = egui::ScrollArea::vertical()
        .id_salt("plan_text_scroll")
        .auto_shrink(false)
        // Jumps land at once: a reader who jumps wants to read, not watch;
        // and the offset is final the frame the jump is made.
        .animated(false);
    let mut jumped = None;
    // A jump to a heading drawn before goes straight there; one never drawn
    // (the first frame) scrolls to it when it is drawn.
    if let Some(jump) = state.jump
        && let Some((_, y)) = state.headings.iter().find(|(a, _)| *a == jump)
    {
        area = area.vertical_scroll_offset(*y);
        jumped = state.jump.take();
    }
    state.headings.clear();
    let scroll = area.show(ui, |ui| {
        ui.set_max_width(theme::TEXT_MAX_WIDTH.min(ui.available_width()));
        text_contents(ui, shown, chapters, state)
    });
    // A jump or a hit whose text was not drawn (an empty plan text) is dropped.
    state.jump = None;
    state.scroll_to_hit = false;
    // The contents mark the section that was jumped to (or holds the
    // current hit) until the reader scrolls away, even when it is too short
    // or too low to reach the top; after that, the section at the top.
    let offset = scroll.state.clamped_offset().y;
    if let Some(anchor) = jumped.or(scroll.inner.scrolled_to) {
        state.pin = Some((anchor, offset));
    }
    let reading = match state.pin {
        Some((anchor, at)) if (at - offset).abs() < 0.5 => Some(anchor),
        _ => {
            state.pin = None;
            scroll.inner.reading
        }
    };
    if state.reading != reading {
        state.reading = reading;
        // The contents are drawn before the text: show them the new place.
        ui.ctx().request_repaint();
    }
}

/// The text inside its scroll area: headings and paragraphs, hits marked.
fn text_contents(ui: &mut Ui, shown: &Shown<'_>, chapters: &[Chapter], state: &mut State) -> Spy {
    let tr = shown.tr().text;
    let view = ui.clip_rect();
    let origin = ui.min_rect().top();
    let mut spy = Spy::default();
    // Hits are in document order, and so is the drawing: walk both.
    let mut next = 0;
    for (location, text) in search::texts(chapters) {
        let first = next;
        while state.hits.get(next).is_some_and(|h| h.location == location) {
            next += 1;
        }
        let anchor = Anchor::of(location);
        let heading = match (location.section, location.field) {
            (None, Field::Title) => Some((
                chapter_prefix(tr, location.chapter),
                theme::CHAPTER_HEADING_SIZE,
                2.0 * theme::SECTION_GAP,
            )),
            (Some(s), Field::Title) => Some((
                section_prefix(tr, location.chapter, s),
                theme::SECTION_HEADING_SIZE,
                theme::SECTION_GAP,
            )),
            (_, Field::Paragraph(_)) => None,
        };
        if let Some((_, _, gap)) = heading {
            ui.add_space(gap);
        }
        let response = if first == next {
            let rich = match &heading {
                Some((number, size, _)) => RichText::new(format!("{number}{text}"))
                    .size(*size)
                    .strong(),
                None => RichText::new(text),
            };
            ui.add(egui::Label::new(rich).wrap())
        } else {
            let hits: Vec<Range<usize>> = state.hits[first..next]
                .iter()
                .map(|h| h.range.clone())
                .collect();
            let current = state
                .current
                .filter(|i| (first..next).contains(i))
                .map(|i| i - first);
            let (prefix, format) = match &heading {
                Some((number, size, _)) => (
                    number.as_str(),
                    TextFormat::simple(
                        FontId::proportional(*size),
                        ui.visuals().strong_text_color(),
                    ),
                ),
                None => (
                    "",
                    TextFormat::simple(
                        egui::TextStyle::Body.resolve(ui.style()),
                        ui.visuals().text_color(),
                    ),
                ),
            };
            let mut job = widgets::highlighted(prefix, text, &hits, current, &format, shown.dark);
            job.wrap.max_width = ui.available_width();
            let galley = ui.fonts_mut(|f| f.layout_job(job));
            let response = ui.add(egui::Label::new(galley.clone()));
            if let Some(c) = current
                && state.scroll_to_hit
            {
                // The hit's own rectangle, so a long paragraph is scrolled
                // to the line the hit is on.
                let before = text.get(..hits[c].start).unwrap_or_default();
                let char_index = prefix.chars().count() + before.chars().count();
                let at = galley.pos_from_cursor(CCursor::new(char_index));
                ui.scroll_to_rect(
                    at.translate(response.rect.min.to_vec2()),
                    Some(Align::Center),
                );
                state.scroll_to_hit = false;
                spy.scrolled_to = Some(anchor);
            }
            response
        };
        if heading.is_some() {
            state.headings.push((anchor, response.rect.top() - origin));
            if state.jump == Some(anchor) {
                response.scroll_to_me(Some(Align::TOP));
                state.jump = None;
                spy.scrolled_to = Some(anchor);
            }
            if response.rect.top() <= view.top() + theme::READING_LINE || spy.reading.is_none() {
                spy.reading = Some(anchor);
            }
            spy.last_heading_top = response.rect.top();
        } else {
            ui.add_space(theme::PARAGRAPH_GAP);
        }
    }
    // Room below the last section, so that every heading (the last one too)
    // can be scrolled to the top of the text.
    let below_last = ui.cursor().top() - spy.last_heading_top;
    ui.add_space((view.height() - below_last).max(0.0));
    spy
}
