//! Desktop notifications: a clock's alert reaches the operator when the
//! window is behind another, with a sound.
//!
//! On Linux and the BSDs a notification goes over D-Bus to the desktop's
//! notification service (notify-rust with its pure-Rust zbus client: no
//! system library to build against), which also plays the sound it is
//! asked for by name from the sound theme (`alarm-clock-elapsed` when a
//! clock is past, `dialog-warning` when it is near): a tone per urgency,
//! without an audio library. Elsewhere it is the platform's own
//! notification. Nothing goes over a network.
//!
//! Sending can block (a bus that does not answer), so each notification is
//! sent on a short-lived thread and its outcome comes back through a
//! channel; the app polls [`Notifier::failure`] and says once, in plain
//! words, when notifications do not work here (no session bus, no
//! notification service), and carries on: the banner in the window stays.
//! [`Notifier`] is the seam tests replace, so they need no D-Bus.

use std::sync::mpsc::{self, Receiver, Sender};

/// How pressing a notification is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pressing {
    /// A clock near its time (amber).
    Near,
    /// A clock past its time (red).
    Past,
}

/// Something that shows desktop notifications.
pub trait Notifier {
    /// Shows one, with its sound unless `sound` is false.
    fn notify(&mut self, title: &str, body: &str, pressing: Pressing, sound: bool);
    /// Why a notification could not be shown, once for each that failed.
    fn failure(&mut self) -> Option<String>;
}

/// The desktop's notifications.
#[derive(Debug)]
pub struct Desktop {
    sender: Sender<String>,
    failures: Receiver<String>,
}

impl Default for Desktop {
    fn default() -> Self {
        let (sender, failures) = mpsc::channel();
        Self { sender, failures }
    }
}

impl Notifier for Desktop {
    fn notify(&mut self, title: &str, body: &str, pressing: Pressing, sound: bool) {
        let mut n = notify_rust::Notification::new();
        n.appname("runbook")
            .summary(title)
            .body(body)
            .icon("runbook");
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            n.urgency(match pressing {
                Pressing::Past => notify_rust::Urgency::Critical,
                Pressing::Near => notify_rust::Urgency::Normal,
            });
            if !sound {
                n.hint(notify_rust::Hint::SuppressSound(true));
            }
        }
        if sound {
            n.sound_name(match pressing {
                Pressing::Past => "alarm-clock-elapsed",
                Pressing::Near => "dialog-warning",
            });
        }
        let failed = self.sender.clone();
        let sent = std::thread::Builder::new()
            .name("notification".into())
            .spawn(move || {
                if let Err(e) = n.show() {
                    let _ = failed.send(e.to_string());
                }
            });
        if let Err(e) = sent {
            let _ = self.sender.send(e.to_string());
        }
    }

    fn failure(&mut self) -> Option<String> {
        self.failures.try_recv().ok()
    }
}

/// No notifications: a window under test, like one that opens no browser,
/// shows nothing on the desktop it runs on.
#[derive(Debug, Default)]
pub struct Off;

impl Notifier for Off {
    fn notify(&mut self, _title: &str, _body: &str, _pressing: Pressing, _sound: bool) {}

    fn failure(&mut self) -> Option<String> {
        None
    }
}
