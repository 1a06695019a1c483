//! The plan on screen: loading a file (apart from the dialog, so tests
//! drive it), the bundled editions, watching the file for an author's
//! edits, and printing it as a binder.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{RECENT_MAX, RunbookApp, WATCH_SECS, ask_where_to_save};
use crate::assets::{BUNDLED_EN, BUNDLED_ZH};
use crate::i18n::Lang;
use crate::io::{log, plan_file};
use crate::model::plan::{self, Diagnostic, Plan};
use crate::service::paper as papers;
use crate::ui::{Failed, Source};

/// The plan on screen.
#[derive(Debug)]
pub(super) struct Current {
    pub(super) plan: Plan,
    pub(super) source: Source,
    pub(super) name: String,
    pub(super) warnings: Vec<Diagnostic>,
    /// The file's modification time and length when it was read.
    pub(super) stamp: Option<(SystemTime, u64)>,
    /// The exact bytes, pinned in an incident declared under this plan.
    pub(super) bytes: Vec<u8>,
    /// Their SHA-256, to tell whether an incident runs under this plan.
    pub(super) sha256: String,
}

/// The bundled plan of a language. It is checked by the tests, so a failure
/// here is a build that should never have shipped; it still does not panic.
pub(super) fn bundled(lang: Lang) -> Current {
    let (bytes, name) = match lang {
        Lang::Zh => (BUNDLED_ZH, crate::assets::BUNDLED_ZH_NAME),
        Lang::En => (BUNDLED_EN, crate::assets::BUNDLED_EN_NAME),
    };
    let (plan, warnings) = match plan::parse(bytes) {
        Ok(checked) => (checked.plan, checked.warnings),
        Err(_) => match plan::parse(crate::assets::MINIMAL_PLAN) {
            Ok(checked) => (checked.plan, checked.warnings),
            Err(diags) => {
                // Unreachable with the shipped files; keep the types honest.
                let msg = diags
                    .first()
                    .map(|d| d.headline(name, Lang::En.tr().plan))
                    .unwrap_or_default();
                unreachable_plan(&msg)
            }
        },
    };
    Current {
        plan,
        source: Source::Bundled(lang),
        name: name.to_owned(),
        warnings,
        stamp: None,
        bytes: bytes.to_vec(),
        sha256: log::sha256_hex(bytes),
    }
}

#[allow(clippy::panic)] // Only if the plans compiled into the binary are invalid, which the tests rule out.
fn unreachable_plan(msg: &str) -> (Plan, Vec<Diagnostic>) {
    panic!("the bundled plans are invalid: {msg}")
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl RunbookApp {
    /// Opens a plan file. On errors the plan on screen stays and the errors
    /// are shown; on success it replaces it and is remembered.
    pub fn open_path(&mut self, path: &Path) {
        let file = plan_file::load(path);
        let name = path.display().to_string();
        match file.outcome {
            Ok(checked) => {
                self.current = Current {
                    plan: checked.plan,
                    source: Source::File(path.to_owned()),
                    name: path
                        .file_name()
                        .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned()),
                    warnings: checked.warnings,
                    stamp: stamp(path),
                    sha256: log::sha256_hex(&file.bytes),
                    bytes: file.bytes,
                };
                self.failed = None;
                self.views.open = None;
                self.settings.last_plan = Some(path.to_owned());
                self.settings.recent.retain(|p| p != path);
                self.settings.recent.insert(0, path.to_owned());
                self.settings.recent.truncate(RECENT_MAX);
            }
            Err(diagnostics) => {
                self.failed = Some(Failed {
                    name,
                    diagnostics,
                    text: plan::input::display_text(&file.bytes).into_owned(),
                });
            }
        }
    }

    /// Writes the plan on screen as a binder (`runbook print`'s file) and
    /// opens it in the browser; says where it went either way.
    pub(super) fn print_plan(&mut self, path: Option<PathBuf>) {
        let name = format!("{}.html", self.current.plan.doc().meta.title);
        let Some(path) = path.or_else(|| ask_where_to_save(&name)) else {
            return;
        };
        let written = papers::write_binder(&self.current.plan, &path).map(|_| ());
        self.paper_written(&path, written);
    }

    /// Says where a binder or a report was written, opening it in the
    /// browser when the app does that (the real app; not tests).
    pub(super) fn paper_written(&mut self, path: &Path, written: anyhow::Result<()>) {
        let tr = self.lang().tr();
        let text = match written {
            Ok(()) => {
                let opened =
                    self.open_written && crate::io::platform::open_in_browser(path).is_ok();
                (tr.paper_written)(&path.display().to_string(), opened)
            }
            Err(e) => (tr.paper_failed)(&format!("{e:#}")),
        };
        self.notify(text);
    }

    pub(super) fn reload(&mut self, changed_on_disk: bool) {
        match &self.current.source {
            Source::File(path) => {
                let path = path.clone();
                self.open_path(&path);
                if self.failed.is_none() {
                    let tr = self.lang().tr();
                    let text = if changed_on_disk {
                        (tr.plan_changed_on_disk)(&self.current.name)
                    } else {
                        (tr.reloaded)(&self.current.name)
                    };
                    self.notify(text);
                }
            }
            Source::Bundled(lang) => self.current = bundled(*lang),
        }
    }

    /// The native dialog; when it cannot open, the path field says so.
    pub(super) fn browse(&mut self) {
        let started = std::time::Instant::now();
        let picked = rfd::FileDialog::new()
            .add_filter("RON", &["ron"])
            .pick_file();
        match picked {
            Some(path) => self.open_path(&path),
            // A dialog that was shown takes a person more than a moment to
            // cancel; returning at once means it could not be shown at all.
            None if started.elapsed().as_millis() < 300 => {
                self.views
                    .open
                    .get_or_insert_with(Default::default)
                    .dialog_failed = true;
            }
            None => {}
        }
    }

    /// Reloads the plan file when it changed on disk (for plan authors).
    pub(super) fn watch(&mut self) {
        let now = self.ctx.input(|i| i.time);
        if now < self.next_watch {
            return;
        }
        self.next_watch = now + WATCH_SECS;
        if let Source::File(path) = &self.current.source {
            let fresh = stamp(path);
            if fresh.is_some() && fresh != self.current.stamp {
                self.current.stamp = fresh;
                self.reload(true);
            }
            self.ctx
                .request_repaint_after(std::time::Duration::from_secs_f64(WATCH_SECS));
        }
    }

    pub(super) fn dropped_files(&mut self) {
        let dropped: Vec<PathBuf> = self.ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.open_path(&path);
        }
    }
}
