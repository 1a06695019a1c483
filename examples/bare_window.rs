//! The floor for start-up and memory (figures 1 and 6 of `BENCHMARKS.md`):
//! an eframe window with the same renderer and size as runbook's, showing
//! one label, that closes once its first frame is on screen — as
//! `runbook --first-frame` does. `scripts/bench.sh` runs both under Xvfb
//! and compares their wall time and peak memory.

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("bare")
            .with_inner_size([1280.0, 800.0]),
        // As runbook's: no system fonts looked for (egui's own are built in).
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "bare-window",
        options,
        Box::new(|_| Ok(Box::new(Bare { frames_left: 1 }))),
    )
}

struct Bare {
    frames_left: u8,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("A bare window");
        });
        // The first frame is on screen once the second one is asked for.
        if self.frames_left == 0 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            self.frames_left -= 1;
            ui.ctx().request_repaint();
        }
    }
}
