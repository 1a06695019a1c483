//! How far a long read has got, for a progress bar.
//!
//! Opening an incident hours long reads tens of megabytes of log; the window
//! does it on another thread and shows how far it is. The count is kept by
//! the code that reads the bytes (`log::read`), many calls below the one
//! that starts the work, so rather than threading a counter through every
//! signature on the way, the thread doing the work installs one for the
//! duration ([`counting`]) and the reader adds to it when one is installed.
//! A thread that installs none pays one thread-local look-up a line.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

thread_local! {
    static COUNTER: RefCell<Option<Arc<AtomicU64>>> = const { RefCell::new(None) };
}

/// Runs `work` with `bytes` counting every byte of log read on this thread.
pub fn counting<R>(bytes: &Arc<AtomicU64>, work: impl FnOnce() -> R) -> R {
    let before = COUNTER.with(|c| c.replace(Some(Arc::clone(bytes))));
    let out = work();
    COUNTER.with(|c| c.replace(before));
    out
}

/// Counts bytes read, when this thread is counting.
pub(crate) fn read(bytes: u64) {
    COUNTER.with(|c| {
        if let Some(counter) = c.borrow().as_ref() {
            counter.fetch_add(bytes, Ordering::Relaxed);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_count_only_inside_the_work_and_only_on_its_thread() {
        let bytes = Arc::new(AtomicU64::new(0));
        read(5);
        counting(&bytes, || {
            read(10);
            std::thread::scope(|s| {
                s.spawn(|| read(100));
            });
            read(1);
        });
        read(7);
        assert_eq!(bytes.load(Ordering::Relaxed), 11);
    }
}
