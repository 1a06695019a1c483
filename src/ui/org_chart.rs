//! The organisation chart.

use egui::Ui;

use super::{Command, Shown};

/// This view's state.
#[derive(Debug, Default)]
pub struct State {}

/// Draws the view.
pub fn ui(ui: &mut Ui, shown: &Shown<'_>, state: &mut State, commands: &mut Vec<Command>) {
    let _ = (state, commands);
    ui.heading(shown.tr().org.title);
}
