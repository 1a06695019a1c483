//! Errors and warnings about a plan, with where they are.
//!
//! A diagnostic carries what is wrong as data ([`DiagnosticKind`]), a path
//! into the document (`procedures[network].steps[3].role`) and, where the
//! text has one, a span, so that [`Diagnostic::render`] can show the file,
//! line and column, the source line and a caret under the spot, the way a
//! compiler does. The shape of that rendering is the same in every language
//! and stays here, so the command line and the window show exactly the same
//! thing; the words come from a [`Wording`], which each language's table in
//! `crate::i18n::plan` is (the model does not depend on `i18n`).

use std::fmt::{self, Write as _};

use super::kind::DiagnosticKind;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The plan cannot be used until this is fixed.
    Error,
    /// The plan works, but an author should look at this.
    Warning,
    /// Something an author may want to know, that is not wrong as such (an
    /// owner reached with no minute to spare); never fails `--strict`.
    Note,
}

/// A position in the text: 1-based line, and 1-based column counted in
/// characters (not bytes), as editors show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub col: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A range of text; `end` is exclusive and may equal `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Where it starts.
    pub start: Position,
    /// Where it ends (exclusive).
    pub end: Position,
}

/// One step of a path into the document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A struct field, such as `steps`.
    Field(&'static str),
    /// An item of a list, with the item's id when it has one (shown instead of
    /// the index, since authors think in ids).
    Index(usize, Option<String>),
    /// The payload of an enum variant, such as the `"dba"` in `Role("dba")`.
    Variant(usize),
}

/// A path into the document, from the top.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct DocPath(pub Vec<Segment>);

impl DocPath {
    /// The empty path: the whole document.
    #[must_use]
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path followed by a field.
    #[must_use]
    pub fn field(&self, name: &'static str) -> Self {
        let mut p = self.clone();
        p.0.push(Segment::Field(name));
        p
    }

    /// This path followed by a list index, labelled with the item's id.
    #[must_use]
    pub fn index(&self, i: usize, label: Option<&str>) -> Self {
        let mut p = self.clone();
        p.0.push(Segment::Index(i, label.map(str::to_owned)));
        p
    }

    /// This path followed by the payload of an enum variant.
    #[must_use]
    pub fn variant(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.0.push(Segment::Variant(i));
        p
    }
}

impl fmt::Display for DocPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for seg in &self.0 {
            match seg {
                Segment::Field(name) => {
                    if !first {
                        f.write_char('.')?;
                    }
                    f.write_str(name)?;
                }
                Segment::Index(_, Some(label)) => write!(f, "[{label}]")?,
                Segment::Index(i, None) => write!(f, "[{i}]")?,
                Segment::Variant(_) => {}
            }
            first = false;
        }
        Ok(())
    }
}

/// The words of one language for diagnostics: implemented by the tables of
/// `crate::i18n::plan`.
pub trait Wording {
    /// `error`, `warning` or `note`, as the headline says it.
    fn severity(&self, severity: Severity) -> &'static str;
    /// What is wrong, as a sentence (no capital, no full stop, as compilers
    /// write it).
    fn message(&self, kind: &DiagnosticKind) -> String;
}

/// An error or a warning about a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where in the document, as a path; empty for the whole file.
    pub path: DocPath,
    /// Where in the text, when known.
    pub span: Option<Span>,
    /// What is wrong, with its data.
    pub kind: DiagnosticKind,
    /// The part of the text value at `path` the diagnostic is about, as a
    /// byte range in the value as read (a `{placeholder}` in a template's
    /// body): the span is narrowed to it when the text is located.
    pub part: Option<std::ops::Range<usize>>,
    /// Another place the message refers to (where a duplicate id is first
    /// used): located with the span, and its position handed to the kind
    /// ([`DiagnosticKind::place_related`]) so the message can say it.
    pub related: Option<DocPath>,
}

impl Diagnostic {
    /// An error at a path.
    #[must_use]
    pub fn error(path: DocPath, kind: DiagnosticKind) -> Self {
        Self {
            severity: Severity::Error,
            path,
            span: None,
            kind,
            part: None,
            related: None,
        }
    }

    /// A warning at a path.
    #[must_use]
    pub fn warning(path: DocPath, kind: DiagnosticKind) -> Self {
        Self {
            severity: Severity::Warning,
            path,
            span: None,
            kind,
            part: None,
            related: None,
        }
    }

    /// A note at a path.
    #[must_use]
    pub fn note(path: DocPath, kind: DiagnosticKind) -> Self {
        Self {
            severity: Severity::Note,
            path,
            span: None,
            kind,
            part: None,
            related: None,
        }
    }

    /// This diagnostic, about the part `range` of the text value at its path.
    #[must_use]
    pub fn at_part(mut self, range: std::ops::Range<usize>) -> Self {
        self.part = Some(range);
        self
    }

    /// This diagnostic, referring to another place too.
    #[must_use]
    pub fn related_to(mut self, path: DocPath) -> Self {
        self.related = Some(path);
        self
    }

    /// Whether this is an error.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The one-line form, in the words given:
    /// `file:line:col: error: path: message`. The colons stay ASCII in every
    /// language, so editors and terminals still jump to the spot.
    #[must_use]
    pub fn headline(&self, file: &str, words: &dyn Wording) -> String {
        let mut out = String::from(file);
        if let Some(span) = self.span {
            let _ = write!(out, ":{}", span.start);
        }
        let _ = write!(out, ": {}: ", words.severity(self.severity));
        if !self.path.0.is_empty() {
            let _ = write!(out, "{}: ", self.path);
        }
        out.push_str(&words.message(&self.kind));
        out
    }

    /// The headline, then the source line with a caret under the spot, as a
    /// compiler shows it.
    #[must_use]
    pub fn render(&self, file: &str, source: &str, words: &dyn Wording) -> String {
        let mut out = self.headline(file, words);
        out.push('\n');
        if let Some(excerpt) = self.span.and_then(|span| excerpt(source, span)) {
            out.push_str(&excerpt);
        }
        out
    }
}

/// The source line of `span.start` with carets under the span (one line only).
fn excerpt(source: &str, span: Span) -> Option<String> {
    let line = source.lines().nth(span.start.line.checked_sub(1)?)?;
    // Tabs are shown as one space so the caret lines up.
    let shown: String = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let start = span.start.col.saturating_sub(1);
    let len = if span.end.line == span.start.line && span.end.col > span.start.col {
        span.end.col - span.start.col
    } else {
        1
    };
    let number = span.start.line.to_string();
    let pad = " ".repeat(number.len());
    // Wide characters (Chinese) take two columns in a terminal.
    let width = |s: &str| s.chars().map(char_width).sum::<usize>();
    let before: String = shown.chars().take(start).collect();
    let under: String = shown.chars().skip(start).take(len).collect();
    let carets = "^".repeat(width(&under).max(1));
    Some(format!(
        "{pad} |\n{number} | {shown}\n{pad} | {}{carets}\n",
        " ".repeat(width(&before))
    ))
}

/// Terminal width of a character: 2 for East Asian wide characters, else 1.
fn char_width(c: char) -> usize {
    let wide = matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

/// Converts a byte offset into a position, clamped to the text.
#[must_use]
pub fn position_at(source: &str, byte: usize) -> Position {
    let mut byte = byte.min(source.len());
    while !source.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &source[..byte];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    Position { line, col }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words for the shape alone: the languages' own are tested in `i18n::plan`.
    struct Plain;

    impl Wording for Plain {
        fn severity(&self, severity: Severity) -> &'static str {
            match severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            }
        }

        fn message(&self, _: &DiagnosticKind) -> String {
            "no role \"dba\"".to_owned()
        }
    }

    #[test]
    fn renders_caret_under_the_span() {
        let src = "a\n  role: \"dba\",\n";
        let d = Diagnostic {
            span: Some(Span {
                start: Position { line: 2, col: 9 },
                end: Position { line: 2, col: 14 },
            }),
            ..Diagnostic::error(
                DocPath::root().field("steps").index(3, None).field("role"),
                DiagnosticKind::NoTitle,
            )
        };
        let text = d.render("p.ron", src, &Plain);
        assert_eq!(
            text,
            "p.ron:2:9: error: steps[3].role: no role \"dba\"\n  |\n2 |   role: \"dba\",\n  |         ^^^^^\n"
        );
    }

    #[test]
    fn caret_accounts_for_wide_characters() {
        let src = "名字: x";
        let d = Diagnostic {
            span: Some(Span {
                start: Position { line: 1, col: 5 },
                end: Position { line: 1, col: 6 },
            }),
            ..Diagnostic::error(DocPath::root(), DiagnosticKind::Empty)
        };
        let text = d.render("f", src, &Plain);
        assert!(text.ends_with("|       ^\n"), "{text}");
    }

    #[test]
    fn position_counts_characters() {
        assert_eq!(position_at("ab\n名字x", 9), Position { line: 2, col: 3 });
        assert_eq!(position_at("ab", 99), Position { line: 1, col: 3 });
    }
}
