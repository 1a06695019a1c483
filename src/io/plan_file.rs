//! Reading a plan file from disk.
//!
//! The size cap is applied before reading, so pointing runbook at a disk
//! image or a video does not fill memory, and only a regular file is read
//! (a named pipe would wait forever, a device never end); every failure
//! becomes a diagnostic
//! (the operating system's error kept by kind) so the command line and the
//! window report it the same way, each in its language.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::platform::OpenError;
use crate::model::notice::OsError;
use crate::model::plan::{self, Checked, Diagnostic, DiagnosticKind, DocPath, Wording, input};

/// A plan file as read from disk, with the outcome of parsing it.
#[derive(Debug)]
pub struct PlanFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// The bytes read; empty when the file could not be read.
    pub bytes: Vec<u8>,
    /// The plan, or every diagnostic.
    pub outcome: Result<Checked, Vec<Diagnostic>>,
}

impl PlanFile {
    /// The text to show diagnostics against.
    #[must_use]
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        input::display_text(&self.bytes)
    }

    /// Every diagnostic rendered with the source line, as `runbook check`
    /// prints them, in the words given (a language's table,
    /// `Lang::tr().plan`: this module does not depend on `i18n`).
    #[must_use]
    pub fn rendered(&self, words: &dyn Wording) -> Vec<String> {
        let diags: &[Diagnostic] = match &self.outcome {
            Ok(checked) => &checked.warnings,
            Err(diags) => diags,
        };
        // Decoding the text again costs a pass over the whole file: only
        // for something to show against it.
        if diags.is_empty() {
            return Vec::new();
        }
        let name = self.path.display().to_string();
        let text = self.text();
        diags
            .iter()
            .map(|d| d.render(&name, &text, words))
            .collect()
    }
}

pub use crate::assets::{BUNDLED_EN, BUNDLED_ZH};

/// The bundled Chinese plan, parsed, under its file name.
#[must_use]
pub fn bundled() -> PlanFile {
    PlanFile {
        path: PathBuf::from(crate::assets::BUNDLED_ZH_NAME),
        bytes: BUNDLED_ZH.to_vec(),
        outcome: plan::parse(BUNDLED_ZH),
    }
}

/// Reads and parses a plan file. Never fails: a file that cannot be read
/// gives a diagnostic of why.
#[must_use]
pub fn load(path: &Path) -> PlanFile {
    let (bytes, outcome) = match read_capped(path) {
        Ok(bytes) => {
            let outcome = plan::parse(&bytes);
            (bytes, outcome)
        }
        Err(d) => (Vec::new(), Err(vec![d])),
    };
    PlanFile {
        path: path.to_owned(),
        bytes,
        outcome,
    }
}

/// Reads at most one byte more than the cap, so a huge file is refused
/// without reading it whole.
///
/// # Errors
/// A diagnostic of why the file could not be read, or that it is too large.
#[allow(clippy::result_large_err)] // Once per file opened: the size of the error costs nothing.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // A link is followed (the person named it), but a named pipe or a
    // device is never read: it would wait, or never end.
    let file = super::platform::open_named(&options, path).map_err(|e| match e {
        OpenError::NotAFile(kind) => {
            Diagnostic::error(DocPath::root(), DiagnosticKind::NotAFile(kind))
        }
        OpenError::Io(e) => io_error(&e),
    })?;
    let meta = file.metadata().map_err(|e| io_error(&e))?;
    if meta.is_dir() {
        return Err(Diagnostic::error(DocPath::root(), DiagnosticKind::Folder));
    }
    if meta.len() > input::MAX_PLAN_BYTES as u64 {
        return Err(input::too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(input::MAX_PLAN_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    if bytes.len() > input::MAX_PLAN_BYTES {
        return Err(input::too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn io_error(e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        DocPath::root(),
        DiagnosticKind::CannotRead(OsError::from(e)),
    )
}
