//! A scrolling list that lays out only the rows in view.
//!
//! egui lays out every widget it is given, every frame, seen or not, so a
//! list of 100,000 timeline entries or 300 calls cost the whole list on each
//! frame. egui's own `show_rows` needs every row the same height; a
//! timeline entry, a call with its people or a wrapped note is not. So each
//! row's height is measured when it is laid out and kept: the rows out of
//! view stand in at their last measured height (or an estimate, until they
//! have been seen), which places the scroll bar and the rows in view; the
//! rows in view are measured again every frame, so a row that grows (a
//! call answered) is right at once.

use egui::{Rect, ScrollArea, Ui, UiBuilder, pos2, vec2};

/// The rows' heights, and where each row starts (kept while nothing changes).
#[derive(Clone, Debug, Default)]
struct Heights {
    /// The width the rows were measured at: at another, every height is off.
    width: f32,
    heights: Vec<f32>,
    /// `tops[i]`: where row `i` starts; one more, the total. Empty when stale.
    tops: Vec<f32>,
}

impl Heights {
    /// Fits the table to `count` rows at `width`, forgetting every height
    /// measured at another width.
    fn fit(&mut self, count: usize, width: f32, estimate: f32) {
        if (self.width - width).abs() > 0.5 {
            self.width = width;
            self.heights.clear();
        }
        if self.heights.len() != count {
            self.heights.resize(count, estimate);
            self.tops.clear();
        }
    }

    /// Where each row starts, with `gap` between rows.
    fn tops(&mut self, gap: f32) -> &[f32] {
        if self.tops.len() != self.heights.len() + 1 {
            self.tops.clear();
            let mut y = 0.0;
            self.tops.push(y);
            for h in &self.heights {
                y += h + gap;
                self.tops.push(y);
            }
        }
        &self.tops
    }

    /// Records a row's measured height; says whether it changed.
    fn set(&mut self, row: usize, height: f32) -> bool {
        match self.heights.get_mut(row) {
            Some(h) if (*h - height).abs() > 0.5 => {
                *h = height;
                self.tops.clear();
                true
            }
            _ => false,
        }
    }
}

/// The first row that reaches below `y`, given where each row starts.
fn row_at(tops: &[f32], y: f32) -> usize {
    // tops[i + 1] is where row i ends (with its gap).
    tops.get(1..)
        .map_or(0, |ends| ends.partition_point(|&end| end <= y))
}

/// A list of rows, each drawn by a closure, in a vertical scroll area.
pub struct VirtualList {
    id_salt: &'static str,
    estimate: f32,
    stick_to_bottom: bool,
    scroll_to: Option<usize>,
    max_height: Option<f32>,
}

impl VirtualList {
    /// A list whose scroll position and heights are kept under `id_salt`;
    /// `estimate` is a row's height before it has been seen.
    #[must_use]
    pub fn new(id_salt: &'static str, estimate: f32) -> Self {
        Self {
            id_salt,
            estimate,
            stick_to_bottom: false,
            scroll_to: None,
            max_height: None,
        }
    }

    /// At most this tall (inside another scroll area, which is unbounded).
    #[must_use]
    pub fn max_height(mut self, height: f32) -> Self {
        self.max_height = Some(height);
        self
    }

    /// Follows the end as rows are added, while scrolled to the end.
    #[must_use]
    pub fn stick_to_bottom(mut self, stick: bool) -> Self {
        self.stick_to_bottom = stick;
        self
    }

    /// Scrolls so that this row is in the middle of the view.
    #[must_use]
    pub fn scroll_to(mut self, row: Option<usize>) -> Self {
        self.scroll_to = row;
        self
    }

    /// Shows `count` rows; `row(ui, i)` draws row `i` (only those in view
    /// are drawn).
    pub fn show(self, ui: &mut Ui, count: usize, mut row: impl FnMut(&mut Ui, usize)) {
        let id = ui.make_persistent_id(self.id_salt);
        let gap = ui.spacing().item_spacing.y;
        let mut heights = ui
            .data_mut(|d| d.remove_temp::<Heights>(id))
            .unwrap_or_default();
        let width = ui.available_width();
        heights.fit(count, width, self.estimate);
        let mut area = ScrollArea::vertical()
            .id_salt(self.id_salt)
            .auto_shrink([false, false])
            .stick_to_bottom(self.stick_to_bottom);
        if let Some(h) = self.max_height {
            area = area.max_height(h);
        }
        if let Some(target) = self.scroll_to.filter(|&r| r < count) {
            let tops = heights.tops(gap);
            let middle = (tops[target] + tops[target + 1]) / 2.0;
            area = area.vertical_scroll_offset((middle - ui.available_height() / 2.0).max(0.0));
        }
        let mut changed = false;
        area.show_viewport(ui, |ui, viewport| {
            let (total, first, mut y) = {
                let tops = heights.tops(gap);
                let first = row_at(tops, viewport.min.y);
                (tops[count], first, tops[first])
            };
            ui.set_height((total - gap).max(0.0));
            let origin = ui.max_rect().min;
            let mut i = first;
            while i < count && y <= viewport.max.y {
                let rect = Rect::from_min_size(
                    pos2(origin.x, origin.y + y),
                    vec2(ui.max_rect().width(), f32::INFINITY),
                );
                let used = ui
                    .scope_builder(UiBuilder::new().max_rect(rect).id_salt(i), |ui| {
                        row(ui, i);
                    })
                    .response
                    .rect
                    .height();
                changed |= heights.set(i, used);
                y += used + gap;
                i += 1;
            }
        });
        if changed {
            // The scroll bar and the rows below are placed by the heights:
            // one more frame puts them where the new ones say.
            ui.ctx().request_repaint();
        }
        ui.data_mut(|d| d.insert_temp(id, heights));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_found_by_where_they_start() {
        let mut h = Heights::default();
        h.fit(4, 100.0, 10.0);
        assert!(h.set(1, 30.0));
        assert!(!h.set(1, 30.2), "a height that did not change is not news");
        // Rows at 0–10, 12–42, 44–54, 56–66, with a gap of 2.
        let tops = h.tops(2.0).to_vec();
        assert_eq!(tops, [0.0, 12.0, 44.0, 56.0, 68.0]);
        assert_eq!(row_at(&tops, 0.0), 0);
        assert_eq!(row_at(&tops, 11.9), 0);
        assert_eq!(row_at(&tops, 12.0), 1);
        assert_eq!(row_at(&tops, 50.0), 2);
        assert_eq!(row_at(&tops, 1000.0), 4, "past the end: no row");
    }

    #[test]
    fn another_width_forgets_the_heights_and_more_rows_are_estimated() {
        let mut h = Heights::default();
        h.fit(2, 100.0, 10.0);
        h.set(0, 50.0);
        h.fit(3, 100.0, 10.0);
        assert_eq!(h.heights, [50.0, 10.0, 10.0]);
        h.fit(3, 300.0, 10.0);
        assert_eq!(h.heights, [10.0, 10.0, 10.0]);
    }
}
