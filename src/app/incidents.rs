//! The incidents in the window: declaring, opening (a long one in the
//! background, through the service's jobs), the tabs and their writers'
//! answers, the overview's list, and the papers about an open incident.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::{LIST_SECS, RunbookApp, ask_where_to_save};
use crate::service::jobs::{self, Opened, Progress, RowState};
use crate::service::live::Update;
use crate::service::paper::{self as papers, Format};
use crate::service::{Live, OpenIncident};
use crate::ui::View;
use crate::ui::incident::list::IncidentRow;
use crate::ui::incident::{self as incident_ui, IncidentKey};

/// An incident open in the window.
pub(super) struct Tab {
    pub(super) key: IncidentKey,
    pub(super) live: Live,
    pub(super) rescue_places: Vec<PathBuf>,
}

/// The tab an incident's folder is open in, if any (the same folder by
/// another path too).
pub(super) fn tab_for<'a>(tabs: &'a [Tab], dir: &Path) -> Option<&'a Tab> {
    let same = same_folder(dir);
    tabs.iter().find(|t| same(t.live.dir()))
}

/// Whether a path names the folder `dir` names, however each is written.
fn same_folder(dir: &Path) -> impl Fn(&Path) -> bool + '_ {
    let wanted = dir.canonicalize().ok();
    move |a: &Path| a == dir || (wanted.is_some() && a.canonicalize().ok() == wanted)
}

/// The overview's row for an incident in the list, open under `key` or not.
fn row_shown(row: &jobs::Row, key: Option<IncidentKey>) -> IncidentRow {
    let of_folder = IncidentRow::of_folder(row.dir.clone(), key);
    match &row.state {
        RowState::Read(h) => IncidentRow {
            // Open here, its session is running, not crashed.
            crashed: row.crashed && key.is_none(),
            ..IncidentRow::of_headline(row.dir.clone(), h, key)
        },
        RowState::Reading => IncidentRow {
            reading: true,
            ..of_folder
        },
        RowState::Unreadable(e) => IncidentRow {
            unreadable: Some(e.clone()),
            ..of_folder
        },
    }
}

impl RunbookApp {
    /// Writes a paper about an open incident, from its record as saved.
    pub(super) fn write_paper(
        &mut self,
        key: IncidentKey,
        paper: crate::paper::Paper,
        path: Option<PathBuf>,
    ) {
        let Some(tab) = self.tabs.iter().find(|t| t.key == key) else {
            return;
        };
        let name = papers::incident_file_name(tab.live.dir(), paper, Format::Html);
        let Some(path) = path.or_else(|| ask_where_to_save(&name)) else {
            return;
        };
        let source = papers::Source {
            dir: tab.live.dir(),
            plan: tab.live.plan(),
            incident: tab.live.saved(),
        };
        let times = self.service.context().times();
        let written = papers::write_incident(source, paper, Format::Html, &times, &path);
        self.paper_written(&path, written);
    }

    /// Declares an incident under the plan on screen and opens it.
    pub(super) fn declare(
        &mut self,
        declaration: crate::model::incident::Declaration,
        operator: &str,
    ) {
        self.remember_operator(operator);
        let title = declaration.title.clone();
        let result = self
            .service
            .declare(&self.current.plan, &self.current.bytes, declaration);
        match result {
            Ok(open) => {
                self.open_tab(open);
                self.refresh_rows();
                let text = (self.lang().tr().walk.declared)(&title);
                self.notify(text);
            }
            Err(e) => {
                let text = (self.lang().tr().incident.failure)(&e);
                self.notify(text);
            }
        }
    }

    pub(super) fn remember_operator(&mut self, operator: &str) {
        if operator.trim().is_empty() {
            return;
        }
        self.service.context_mut().set_operator(operator);
        for tab in &mut self.tabs {
            tab.live.set_operator(operator);
        }
        self.settings.operator = Some(operator.trim().to_owned());
    }

    /// Opens an incident's folder in the window, or shows it if it is open.
    pub fn resume(&mut self, dir: &Path) {
        self.crash_offer = None;
        if let Some(key) = self.tab_for(dir) {
            self.show_tab(key);
            return;
        }
        if self.opening.as_ref().is_some_and(|o| o.dir() == dir) {
            return;
        }
        // A long log takes a while to read and replay: the service reads it
        // on another thread, with a progress bar, so the window keeps
        // answering.
        match self.service.open_for_window(dir, self.wake()) {
            Opened::Later(opening) => self.opening = Some(opening),
            Opened::Now(opened) => self.opened(opened),
        }
    }

    /// What a background job calls when it has news: a frame.
    pub(super) fn wake(&self) -> jobs::Wake {
        let ctx = self.ctx.clone();
        Arc::new(move || ctx.request_repaint())
    }

    /// Shows an incident that opened, or says why it did not.
    pub(super) fn opened(
        &mut self,
        opened: Result<OpenIncident, crate::io::incident_dir::IncidentError>,
    ) {
        match opened {
            Ok(open) => {
                self.open_tab(open);
                self.refresh_rows();
            }
            Err(e) => {
                let text = (self.lang().tr().incident.failure)(&e);
                self.notify(text);
            }
        }
    }

    /// Takes the incident opening in the background, once it is open.
    pub(super) fn poll_opening(&mut self) {
        let Some(opening) = &self.opening else {
            return;
        };
        match opening.poll() {
            Progress::Done(opened) => {
                self.opening = None;
                self.opened(opened);
            }
            // The bar moves as the bytes are read.
            Progress::Reading => self.ctx.request_repaint_after(Duration::from_millis(100)),
            Progress::Stopped => {
                self.opening = None;
                self.notify(self.lang().tr().walk.opening_stopped.to_owned());
            }
        }
    }

    /// The incident being opened in the background: its folder's name, and
    /// how much of its logs was read, of how much (bytes).
    #[must_use]
    pub fn opening(&self) -> Option<(String, u64, u64)> {
        self.opening.as_ref().map(|o| {
            let name = o
                .dir()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (read, total) = o.progress();
            (name, read, total)
        })
    }

    /// Joins an incident folder from another laptop and opens it.
    pub fn join(&mut self, folder: &Path) {
        match self.service.join(folder) {
            Ok(dir) => {
                self.refresh_rows();
                self.resume(&dir);
            }
            Err(e) => {
                let text = (self.lang().tr().incident.failure)(&e);
                self.notify(text);
            }
        }
    }

    pub(super) fn tab_for(&self, dir: &Path) -> Option<IncidentKey> {
        tab_for(&self.tabs, dir).map(|t| t.key)
    }

    /// Shows an incident opened elsewhere (tests hand one over whose log
    /// fails, to see the window keep every entry).
    pub fn open_incident(&mut self, open: OpenIncident) {
        self.open_tab(open);
        self.refresh_rows();
    }

    pub(super) fn open_tab(&mut self, open: OpenIncident) {
        let key = IncidentKey(self.next_key);
        self.next_key += 1;
        let rescue_places = self.service.rescue_places(open.dir());
        let live = self.service.go_live(open);
        self.tabs.push(Tab {
            key,
            live,
            rescue_places,
        });
        self.show_tab(key);
    }

    pub(super) fn show_tab(&mut self, key: IncidentKey) {
        self.views.view = View::Incident;
        if self.views.incident.active != Some(key) {
            self.views.incident = incident_ui::State::of(key);
        }
    }

    /// The incidents open in the window (tests read their writers' state).
    pub fn incidents(&self) -> impl Iterator<Item = &Live> {
        self.tabs.iter().map(|t| &t.live)
    }

    /// The incidents open in the window (tests wait for their writers).
    pub fn incidents_mut(&mut self) -> impl Iterator<Item = &mut Live> {
        self.tabs.iter_mut().map(|t| &mut t.live)
    }

    /// Ends every incident's writing session cleanly (closing records), as
    /// quitting does.
    pub fn finish_incidents(&mut self) {
        for tab in self.tabs.drain(..) {
            let _ = tab.live.finish();
        }
    }

    /// The incidents in the data folder, as the overview lists them.
    #[must_use]
    pub fn rows(&self) -> &[IncidentRow] {
        &self.rows
    }

    /// Reads every incident and drill for the Lessons: the plan changes
    /// they propose and the response times. On the window's thread: it is
    /// asked for by a click, not every frame.
    pub(super) fn read_records(&mut self) {
        let read = self.service.read_all();
        let records: Vec<crate::model::lessons::Record<'_>> = read
            .iter()
            .map(|(name, s)| crate::model::lessons::Record {
                name,
                plan: &s.plan,
                incident: &s.incident,
            })
            .collect();
        let lessons = crate::model::lessons::lessons(&records)
            .into_iter()
            .filter_map(|l| {
                let plan = records.get(l.plan_of)?.plan.clone();
                Some((l, plan))
            })
            .collect();
        let stats = crate::model::stats::stats(&records);
        self.learned = Some(crate::ui::lessons::Learned {
            lessons,
            stats,
            records: records.len(),
        });
    }

    /// Reads the list of incidents again (only the folders that changed).
    pub fn refresh_rows(&mut self) {
        let tabs = &self.tabs;
        let open = |dir: &Path| {
            tab_for(tabs, dir).map(|t| t.live.projected().headline(Some(t.live.plan())))
        };
        self.listing.refresh(&open);
        self.show_rows();
        self.next_rows = self.ctx.input(|i| i.time) + LIST_SECS;
    }

    /// The overview's rows from the list as read, each with the tab it is
    /// open in.
    pub(super) fn show_rows(&mut self) {
        let rows = self
            .listing
            .rows()
            .iter()
            .map(|row| row_shown(row, self.tab_for(&row.dir)))
            .collect();
        self.rows = rows;
    }

    /// Takes the rows read on other threads and lists them; while the
    /// incidents found at start-up are being read, one that crashed is
    /// offered for resuming as soon as its row comes.
    pub(super) fn poll_listing(&mut self) {
        let arrived = self.listing.poll();
        if self.offer_crash && self.crash_offer.is_none() && self.tabs.is_empty() {
            // Not the incident already being opened (a long log is read on
            // another thread, with no tab yet): offering to resume what the
            // operator has just resumed would be a question with no sense.
            let opening = self.opening.as_ref().map(|o| same_folder(o.dir()));
            self.crash_offer = arrived
                .iter()
                .find(|r| {
                    r.crashed
                        && matches!(&r.state, RowState::Read(h) if h.open)
                        && !opening.as_ref().is_some_and(|same| same(&r.dir))
                })
                .map(|r| r.dir.clone());
        }
        if !arrived.is_empty() {
            self.refresh_rows();
        }
        if !self.listing.is_reading() {
            self.offer_crash = false;
        }
    }

    /// Takes what each incident's writer has answered.
    pub(super) fn poll_incidents(&mut self) {
        let tr = self.lang().tr();
        let mut notices = Vec::new();
        for tab in &mut self.tabs {
            for update in tab.live.poll() {
                match update {
                    Update::Continued(path) => {
                        notices.push((tr.walk.continued)(&path.display().to_string()));
                        tab.rescue_places = self.service.rescue_places(tab.live.dir());
                    }
                    Update::ContinueFailed(path, e) => notices.push((tr.walk.continue_failed)(
                        &path.display().to_string(),
                        &(tr.incident.failure)(&e),
                    )),
                    Update::Saved(_) | Update::NotSaved(..) | Update::Arrived(_) => {}
                }
            }
        }
        for text in notices {
            self.notify(text);
        }
    }
}
