//! Where an incident's files are: folders, log names, finding an incident.
//!
//! What runbook finds by itself under the data folder is never followed
//! through a symbolic link: an incident folder under `incidents/`, a rescue
//! folder, the pinned plan. A folder given by its path (on the command
//! line, in the joined list) is taken as given. Log names are listed
//! whatever stands under them: reading and writing check what each is.

use std::path::{Path, PathBuf};

use super::IncidentError;
use crate::model::incident::Event;

/// The file name of the pinned plan in an incident folder.
pub const PLAN_FILE: &str = "plan.ron";

/// The folder name of an incident declared at `at` (UTC): when, the fault
/// class, and whether it is a drill — `20261207-031500-network-drill` —, so
/// a listing sorts by time and says what each one was.
#[must_use]
pub fn incident_name(at: chrono::DateTime<chrono::Utc>, class: &str, drill: bool) -> String {
    let stamp = at.format("%Y%m%d-%H%M%S");
    let suffix = if drill { "-drill" } else { "" };
    format!("{stamp}-{class}{suffix}")
}

/// The folder of all incidents under a data directory.
#[must_use]
pub fn incidents_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("incidents")
}

/// Where an incident's log continues when its own folder cannot be written:
/// `<data>/rescue/<incident name>`.
#[must_use]
pub fn rescue_dir(data_dir: &Path, name: &std::ffi::OsStr) -> PathBuf {
    data_dir.join("rescue").join(name)
}

/// Where a log continues, as the last resort, when neither the incident's
/// folder nor `<data>/rescue/` can be written: `runbook-rescue-<incident>`
/// in the current folder (on another disk, with luck).
#[must_use]
pub fn cwd_rescue_dir(name: &std::ffi::OsStr) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    Some(cwd.join(format!("runbook-rescue-{}", name.to_string_lossy())))
}

/// The folders an incident folder's log may have continued in when it
/// could not be written, that exist: its `<data>/rescue/` folder and the
/// current folder's `runbook-rescue-<incident>`.
pub(super) fn rescue_places(dir: &Path) -> Vec<PathBuf> {
    let Some(name) = dir.file_name() else {
        return Vec::new();
    };
    existing_rescue(dir)
        .into_iter()
        .chain(cwd_rescue_dir(name).filter(|d| d.join(PLAN_FILE).is_file()))
        .collect()
}

/// The rescue folder of an incident folder under `<data>/incidents/`, if one exists.
pub(super) fn existing_rescue(dir: &Path) -> Option<PathBuf> {
    let name = dir.file_name()?;
    let incidents = dir.parent()?;
    if incidents.file_name()? != "incidents" {
        return None;
    }
    let rescue = rescue_dir(incidents.parent()?, name);
    (is_real_dir(&rescue) && has_plan(&rescue)).then_some(rescue)
}

/// Whether a folder is there as a folder, not a symbolic link to one.
fn is_real_dir(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
}

/// Whether a folder has something named like the pinned plan in it, not
/// a folder: an incident's folder, or one being made. Whether it is a
/// regular file is checked when it is read, which says what it is instead
/// (a link, a named pipe) rather than hiding the incident.
pub(super) fn has_plan(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(PLAN_FILE)).is_ok_and(|m| !m.is_dir())
}

/// A device name safe in a file name: ASCII letters, digits, `-` and `_`.
#[must_use]
pub fn device_slug(device: &str) -> String {
    let slug: String = device
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "device".to_owned()
    } else {
        slug.chars().take(40).collect()
    }
}

/// Finds an incident folder from a path or a name under the data directory.
/// When the incident's log was rescued into `<data>/rescue/`, the rescue
/// folder is the one to work in: its log links back to the original, so it
/// shows the whole record, and new entries keep their order.
///
/// A *name* (no path separator, not starting with `.`, `/` or `~`) is only
/// looked for inside `<data>/incidents/`: the folder of that exact name, else
/// the one folder whose name contains it. A *path* is taken as a path and
/// must hold an incident: its plan copy and a log that starts with a
/// declaration. So `../../outside` is never a name that leaves the data
/// folder, an empty name or `-` never matches whatever incident happens to
/// be alone, and a stray folder with a `plan.ron` in it is never written to.
///
/// # Errors
/// When nothing, or more than one incident, matches.
pub fn resolve(data_dir: &Path, given: &str) -> Result<PathBuf, IncidentError> {
    let dir = if is_path(given) {
        let dir = PathBuf::from(given);
        check_holds_incident(&dir, given)?;
        dir
    } else {
        resolve_name(data_dir, given)?
    };
    // The incident's own folder, even when its log went to a rescue
    // folder for a while: reading it reads what was saved there, and the
    // next session here continues from it (`open::rescued_tip`).
    Ok(dir)
}

/// Whether the text names a folder by its path rather than an incident by
/// its name: `.`, `..`, `./x`, `/x`, `~/x` (when the shell left it), `a/b`.
/// Incident folder names (`20261126-225653-network-drill`) are none of these.
pub fn is_path(given: &str) -> bool {
    given.starts_with(['.', '/', '~']) || given.chars().any(std::path::is_separator)
}

/// Checks that a folder holds an incident: the pinned plan, and logs that
/// begin with a declaration. Reading writes nothing.
///
/// # Errors
/// `NotFound` when it does not; the reading error when the folder has the
/// plan but its logs cannot be read (a log that became a folder): that says
/// more than "no incident".
pub(crate) fn check_holds_incident(dir: &Path, given: &str) -> Result<(), IncidentError> {
    if !has_plan(dir) {
        return Err(IncidentError::NotFound(given.to_owned()));
    }
    let (entries, _) = super::read::read_entries(dir)?;
    match entries.first() {
        Some(e) if matches!(e.event, Event::Declared(..)) => Ok(()),
        _ => Err(IncidentError::NotFound(given.to_owned())),
    }
}

/// An incident by (part of) its folder's name, under `<data>/incidents/`.
fn resolve_name(data_dir: &Path, given: &str) -> Result<PathBuf, IncidentError> {
    // Every name contains the empty one, and `-` is in every folder's name.
    if given.trim().is_empty() || given == "-" {
        return Err(IncidentError::NotFound(given.to_owned()));
    }
    let root = incidents_dir(data_dir);
    let exact = root.join(given);
    if is_real_dir(&exact) && has_plan(&exact) {
        return Ok(exact);
    }
    let joined = joined_dirs(data_dir);
    if let Some(dir) = joined
        .iter()
        .find(|d| d.file_name().is_some_and(|n| n == given))
    {
        return Ok(dir.clone());
    }
    let matches: Vec<PathBuf> = list_dirs(&root)
        .into_iter()
        .chain(joined)
        .filter(|d| {
            d.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(given))
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(IncidentError::NotFound(given.to_owned())),
        many => Err(IncidentError::Ambiguous {
            given: given.to_owned(),
            matches: many
                .iter()
                .filter_map(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect(),
        }),
    }
}

/// Every incident folder under `root`, sorted by name (which starts with
/// the date). A symbolic link there is not an incident folder: it is not
/// followed.
#[must_use]
pub fn list_dirs(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        // A hidden folder is a new incident still being made (or one a
        // crash left half-made): never listed.
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .filter(|p| has_plan(p))
        .collect();
    dirs.sort();
    dirs
}

/// The file that lists the incident folders joined from elsewhere (a share,
/// a synced folder), one absolute path a line.
pub const JOINED_FILE: &str = "joined.txt";

/// The incident folders this data folder has joined that still hold an
/// incident, in the order they were joined. The list is read only if it is
/// a regular file: a named pipe in its place would hold up every listing.
#[must_use]
pub fn joined_dirs(data_dir: &Path) -> Vec<PathBuf> {
    let bytes = crate::io::log::read_file(&data_dir.join(JOINED_FILE)).unwrap_or_default();
    String::from_utf8_lossy(&bytes)
        .lines()
        .map(PathBuf::from)
        .filter(|p| p.is_absolute() && has_plan(p))
        .collect()
}

/// Adds an incident folder to the joined list, so that its name finds it
/// and the overview lists it. The list is replaced whole, durably (a new
/// file synced, then renamed over the old one).
///
/// # Errors
/// When the list cannot be written.
pub fn remember_joined(data_dir: &Path, dir: &Path) -> std::io::Result<()> {
    let mut dirs = joined_dirs(data_dir);
    if dirs.iter().any(|d| d == dir) || dir.starts_with(incidents_dir(data_dir)) {
        return Ok(());
    }
    dirs.push(dir.to_owned());
    let mut text = String::new();
    for d in &dirs {
        let Some(line) = d.to_str().filter(|l| !l.contains('\n')) else {
            continue;
        };
        text.push_str(line);
        text.push('\n');
    }
    super::create_private_dir(data_dir)?;
    let list = data_dir.join(JOINED_FILE);
    let fresh = data_dir.join(format!("{JOINED_FILE}.new"));
    let _ = std::fs::remove_file(&fresh);
    crate::io::log::write_new_file(&fresh, text.as_bytes())?;
    crate::io::fault::op(crate::io::fault::Op::Rename, &list)?;
    std::fs::rename(&fresh, &list)?;
    crate::io::log::sync_dir(data_dir)
}

/// How a log in `from_dir` names `target` in its continuation link: by a
/// path relative to `from_dir` (`log-a.jsonl` in the same folder,
/// `../../incidents/x/log-a.jsonl` from a rescue folder), never relative to
/// the folder runbook happens to run in; absolute when no relative path
/// exists (another drive).
pub(super) fn link_to(from_dir: &Path, target: &Path) -> String {
    let (Ok(from), Ok(to)) = (std::path::absolute(from_dir), std::path::absolute(target)) else {
        return target.display().to_string();
    };
    let from: Vec<_> = from.components().collect();
    let to_parts: Vec<_> = to.components().collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return to.display().to_string();
    }
    let mut rel = PathBuf::new();
    for _ in common..from.len() {
        rel.push("..");
    }
    for part in &to_parts[common..] {
        rel.push(part);
    }
    rel.display().to_string()
}

/// A log file's name split into its writer and continuation number:
/// `log-laptop.jsonl` is (`laptop`, 1), `log-laptop.3.jsonl` is (`laptop`, 3).
fn parse_log_name(name: &str) -> Option<(String, u32)> {
    let stem = name.strip_prefix("log-")?.strip_suffix(".jsonl")?;
    match stem.rsplit_once('.') {
        Some((device, n)) => Some((device.to_owned(), n.parse().ok()?)),
        None => Some((stem.to_owned(), 1)),
    }
}

/// The log files in a folder, in reading order: by device, then
/// continuation number. Every name that looks like a log is listed, whatever
/// stands under it: reading one that is not a regular file says so, and
/// writing never goes through it.
pub(super) fn log_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, u32, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let (device, n) = parse_log_name(&e.file_name().to_string_lossy())?;
            Some((device, n, e.path()))
        })
        .collect();
    files.sort();
    files.into_iter().map(|(_, _, p)| p).collect()
}

/// The writer a log file belongs to (a device's slug, or `slug+n` for a
/// second process on that device), from its name.
pub(super) fn log_device(path: &Path) -> String {
    path.file_name()
        .and_then(|n| parse_log_name(&n.to_string_lossy()))
        .map(|(device, _)| device)
        .unwrap_or_default()
}

/// The names a device's writers use in log file names, in the order they
/// are tried: the device's own (`laptop`), then `laptop+2` … `laptop+9`
/// for a second process on the same device while the first holds its log
/// (the window is open and the scribe types `runbook incident note` in a
/// terminal). `+` never occurs in a device slug, so a writer name can never
/// be taken for another device.
#[must_use]
pub fn writer_names(device: &str) -> Vec<String> {
    let slug = device_slug(device);
    std::iter::once(slug.clone())
        .chain((2..=9).map(|n| format!("{slug}+{n}")))
        .collect()
}

/// A writer's log files in a folder, oldest first.
pub(super) fn writer_logs(dir: &Path, writer: &str) -> Vec<PathBuf> {
    log_files(dir)
        .into_iter()
        .filter(|p| log_device(p) == writer)
        .collect()
}

/// The log file for a writer and continuation number.
pub(super) fn log_path(dir: &Path, writer: &str, n: u32) -> PathBuf {
    if n <= 1 {
        dir.join(format!("log-{writer}.jsonl"))
    } else {
        dir.join(format!("log-{writer}.{n}.jsonl"))
    }
}

/// The first free continuation file for a writer in a folder: a name
/// nothing stands under, not even a link to nothing.
pub(super) fn next_log_path(dir: &Path, writer: &str) -> PathBuf {
    (2..)
        .map(|n| log_path(dir, writer, n))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| log_path(dir, writer, u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_folder_of_the_log_that_holds_them() {
        let base = Path::new("/data");
        assert_eq!(
            link_to(
                &base.join("incidents/x"),
                &base.join("incidents/x/log-a.jsonl")
            ),
            "log-a.jsonl"
        );
        assert_eq!(
            link_to(
                &base.join("rescue/x"),
                &base.join("incidents/x/log-a.jsonl")
            ),
            "../../incidents/x/log-a.jsonl"
        );
        // A relative folder is made absolute first: the link does not
        // depend on where runbook runs.
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(
            link_to(
                Path::new("data/rescue/x"),
                &cwd.join("data/incidents/x/log-a.jsonl")
            ),
            "../../incidents/x/log-a.jsonl"
        );
    }

    #[test]
    fn log_names_give_their_device_and_number() {
        assert_eq!(parse_log_name("log-a.jsonl"), Some(("a".to_owned(), 1)));
        assert_eq!(
            parse_log_name("log-a-b.3.jsonl"),
            Some(("a-b".to_owned(), 3))
        );
        assert_eq!(parse_log_name("log-a.jsonl.torn-1"), None);
        assert_eq!(parse_log_name("plan.ron"), None);
        assert_eq!(parse_log_name("log-a.x.jsonl"), None);
    }

    #[test]
    fn a_second_writer_on_a_device_has_a_name_no_device_can_have() {
        let names = writer_names("cmd room+1");
        assert_eq!(names[0], "cmd-room-1");
        assert_eq!(names[1], "cmd-room-1+2");
        assert_eq!(names.len(), 9);
        assert_eq!(
            parse_log_name("log-cmd-room-1+2.3.jsonl"),
            Some(("cmd-room-1+2".to_owned(), 3))
        );
    }

    #[test]
    fn paths_are_told_from_names() {
        for path in [
            ".",
            "..",
            "../../outside",
            "./x",
            "/x",
            "~/x",
            "a/b",
            ".hidden",
        ] {
            assert!(is_path(path), "{path}");
        }
        for name in ["network", "20261126-225653-network-drill", "-", "", "网络"] {
            assert!(!is_path(name), "{name}");
        }
    }

    #[test]
    fn device_names_become_safe_file_names() {
        assert_eq!(device_slug("Ann's laptop"), "Ann-s-laptop");
        assert_eq!(device_slug("…"), "device");
    }
}
