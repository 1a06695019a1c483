//! The overview: the incidents, open and closed, then what plan this is,
//! which version, and how it changed.

use egui::{RichText, Ui};

use super::{Command, Shown, incident, theme};

/// Draws the overview.
pub fn ui(ui: &mut Ui, shown: &Shown<'_>, commands: &mut Vec<Command>) {
    let tr = shown.tr();
    let doc = shown.plan.doc();
    let meta = &doc.meta;
    egui::ScrollArea::vertical().show(ui, |ui| {
        incident::list::ui(ui, shown, commands);
        incident::review::open_items_ui(ui, shown, commands);
        super::lessons::ui(ui, shown, commands);
        ui.add_space(theme::SECTION_GAP);
        ui.separator();
        ui.label(RichText::new(&meta.title).size(theme::TITLE_SIZE).strong());
        ui.label(&meta.organisation);
        ui.add_space(theme::SECTION_GAP);
        egui::Grid::new("meta")
            .num_columns(2)
            .spacing([24.0, 6.0])
            .show(ui, |ui| {
                for (label, value) in [
                    (tr.version, meta.version.clone()),
                    (tr.effective, meta.effective.to_string()),
                    (tr.owner, meta.owner.clone()),
                    (tr.approver, meta.approver.clone()),
                ] {
                    ui.label(RichText::new(label).weak());
                    ui.label(value);
                    ui.end_row();
                }
            });
        ui.add_space(theme::SECTION_GAP);
        ui.label((tr.plan_summary)(&shown.plan.summary()));
        ui.add_space(theme::SECTION_GAP);
        ui.heading(tr.revisions);
        egui::Grid::new("revisions")
            .striped(true)
            .num_columns(4)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for h in [
                    tr.version,
                    tr.revision_date,
                    tr.revision_author,
                    tr.revision_changes,
                ] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for r in &doc.revisions {
                    ui.label(&r.version);
                    ui.label(r.date.to_string());
                    ui.label(&r.author);
                    ui.add(egui::Label::new(&r.changes).wrap());
                    ui.end_row();
                }
            });
    });
}
