//! The overview's Lessons: what the records of every incident and drill
//! propose the plan should change, each with its evidence, and the
//! response times per class and level, drills apart, in a small chart.
//!
//! Reading every record replays every log, so it is done when asked
//! (`Command::ReadRecords`), not every frame; the app keeps what it read
//! ([`Learned`]) and this view only words and draws it.

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};

use super::{Command, Shown, theme};
use crate::i18n::lessons::worded;
use crate::model::lessons::PlanLessons;
use crate::model::plan::Plan;
use crate::model::stats::{Measure, Row};

/// What the records were found to say, when they were last read.
#[derive(Clone, Debug, Default)]
pub struct Learned {
    /// The proposals of each plan revision, with that plan.
    pub lessons: Vec<(PlanLessons, Plan)>,
    /// The response times per class and level.
    pub stats: Vec<Row>,
    /// How many records were read.
    pub records: usize,
}

/// Draws the section: a button to read the records, then what they say.
pub fn ui(ui: &mut Ui, shown: &Shown<'_>, commands: &mut Vec<Command>) {
    let tr = shown.tr();
    ui.add_space(theme::SECTION_GAP);
    ui.horizontal(|ui| {
        ui.heading(tr.lessons.title);
        if ui.button(tr.stats.read_records).clicked() {
            commands.push(Command::ReadRecords);
        }
    });
    let Some(learned) = shown.learned else {
        ui.label(RichText::new(tr.stats.read_hint).weak());
        return;
    };
    if learned.records == 0 {
        ui.label(RichText::new(tr.lessons.no_records).weak());
        return;
    }
    for (group, plan) in &learned.lessons {
        let mut n = 0;
        for line in worded(group, plan, &shown.times, shown.lang) {
            match line.depth {
                0 if n == 0 => {
                    ui.label(RichText::new(line.text).strong());
                    n += 1;
                }
                0 => {
                    ui.add(egui::Label::new(format!("{n}. {}", line.text)).wrap());
                    n += 1;
                }
                _ => {
                    ui.horizontal_wrapped(|ui| {
                        ui.add_space(theme::ITEM_GAP * 2.0);
                        ui.label(RichText::new(format!("• {}", line.text)).weak());
                    });
                }
            }
        }
    }
    ui.add_space(theme::SECTION_GAP);
    chart(ui, shown, &learned.stats);
}

/// The median time to each measure, one bar series per class, level and
/// kind (drills apart), in minutes from discovery.
fn chart(ui: &mut Ui, shown: &Shown<'_>, rows: &[Row]) {
    let tr = shown.tr();
    let w = tr.stats;
    ui.label(RichText::new(w.chart_title).strong());
    let series = rows.len().max(1);
    #[allow(clippy::cast_precision_loss)] // A handful of rows and minutes.
    let charts: Vec<BarChart> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let class = shown
                .plan
                .class(&r.class)
                .map_or_else(|| r.class.to_string(), |c| c.name.clone());
            let kind = if r.drill { w.drill_mark } else { "" };
            let name = format!("{class} {}{kind} ({})", r.level, r.count);
            let width = 0.8 / series as f64;
            let bars = Measure::ALL
                .iter()
                .enumerate()
                .filter_map(|(m, measure)| {
                    let s = r.times.get(measure)?;
                    let x = m as f64 + (i as f64 + 0.5) * width - 0.4;
                    Some(Bar::new(x, s.median.num_minutes() as f64).width(width))
                })
                .collect();
            BarChart::new(name, bars)
        })
        .collect();
    let labels = w.measures;
    Plot::new("response-times")
        .legend(Legend::default())
        .height(220.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .y_axis_label(w.minutes)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > f64::EPSILON || i < 0.0 {
                return String::new();
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            labels
                .get(i as usize)
                .map_or_else(String::new, |l| (*l).to_owned())
        })
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
        });
}
