//! Input hygiene: from raw bytes to text ron can parse.
//!
//! Plan files are edited by hand, on any editor, on any system. Before ron
//! sees them: refuse what is too big to be a plan, say when a file is empty
//! or is not UTF-8 (with the byte offset), and strip a UTF-8 byte-order
//! mark, which ron would otherwise report as a confusing error at 1:1.

use super::diagnostic::{Diagnostic, DocPath, Span, position_at};
use super::kind::DiagnosticKind;

/// The largest plan file accepted. A complete plan is a few hundred KiB; a
/// file over this is almost certainly the wrong file.
pub const MAX_PLAN_BYTES: usize = 16 * 1024 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Turns raw bytes into plan text, or says why they are not.
///
/// # Errors
/// A diagnostic for a file that is too large, empty, UTF-16 or not UTF-8.
#[allow(clippy::result_large_err)] // Once per plan read: the size of the error costs nothing.
pub fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Diagnostic::error(DocPath::root(), DiagnosticKind::Utf16));
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    // NUL is valid UTF-8 but never in a text file: UTF-16 without a
    // byte-order mark, or a binary file. (`contains` is core's word-at-a-
    // time memchr; the byte-by-byte search for where runs only on a find.)
    if bytes.contains(&0)
        && let Some(offset) = bytes.iter().position(|&b| b == 0)
    {
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let at = position_at(valid, offset);
        return Err(Diagnostic {
            span: Some(Span { start: at, end: at }),
            ..Diagnostic::error(DocPath::root(), DiagnosticKind::ZeroByte { offset })
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.valid_up_to();
            let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            let at = position_at(valid, offset);
            let byte = bytes.get(offset).copied().unwrap_or_default();
            return Err(Diagnostic {
                span: Some(Span { start: at, end: at }),
                ..Diagnostic::error(
                    DocPath::root(),
                    DiagnosticKind::InvalidUtf8 { byte, offset },
                )
            });
        }
    };
    if text.trim().is_empty() {
        return Err(Diagnostic::error(DocPath::root(), DiagnosticKind::Empty));
    }
    Ok(text)
}

/// The error for a file over [`MAX_PLAN_BYTES`]; also used by the file reader,
/// which refuses before reading the whole file.
#[must_use]
pub fn too_large(len: u64) -> Diagnostic {
    Diagnostic::error(
        DocPath::root(),
        DiagnosticKind::TooLarge {
            bytes: len,
            max_bytes: MAX_PLAN_BYTES as u64,
        },
    )
}

/// The text to show a diagnostic against: the same text ron parsed, or a
/// lossy version of bytes that were not UTF-8.
#[must_use]
pub fn display_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_a_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFPlan()"), Ok("Plan()"));
    }

    #[test]
    fn reports_invalid_utf8_with_offset() {
        let err = decode(b"Plan(\n  x: \xC3(").unwrap_err();
        assert_eq!(
            err.kind,
            DiagnosticKind::InvalidUtf8 {
                byte: 0xC3,
                offset: 11
            }
        );
        assert_eq!(err.span.map(|s| (s.start.line, s.start.col)), Some((2, 6)));
    }

    #[test]
    fn reports_utf16_without_a_byte_order_mark() {
        let err = decode(b"P\0l\0a\0n\0").unwrap_err();
        assert_eq!(err.kind, DiagnosticKind::ZeroByte { offset: 1 });
    }

    #[test]
    fn reports_utf16_and_empty() {
        assert_eq!(
            decode(b"\xFF\xFEP\0").unwrap_err().kind,
            DiagnosticKind::Utf16
        );
        assert_eq!(decode(b" \n ").unwrap_err().kind, DiagnosticKind::Empty);
    }
}
