//! Finds where a document path lies in the RON text.
//!
//! ron reports positions for syntax and type errors, but once a document has
//! been deserialised the positions are gone, and the validator's errors
//! (duplicate ids, dangling references, cycles) still need to point at a line
//! and column. This is a small scanner over the RON text that follows a
//! [`DocPath`] (fields, list indices, variant payloads) and returns the span
//! of the value there. It only ever runs on text ron has already accepted, so
//! it can be simple; on anything it does not understand it returns `None` and
//! the diagnostic is shown with its path alone.

use super::diagnostic::{DocPath, Segment, Span, position_at};

/// The span of the value at `path` in `src`, if it can be found.
#[must_use]
pub fn locate(src: &str, path: &DocPath) -> Option<Span> {
    let (start, end) = locate_bytes(src, path)?;
    Some(Span {
        start: position_at(src, start),
        end: position_at(src, end),
    })
}

/// The byte range of the value at `path` in `src`, if it can be found.
#[must_use]
pub fn locate_bytes(src: &str, path: &DocPath) -> Option<(usize, usize)> {
    let mut scanner = Scanner {
        bytes: src.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws_and_attributes();
    scanner.find(&path.0)
}

/// Where a part of a string's value is in the text: `literal` is the byte
/// range of a string literal in `src` (quotes included), `part` a byte
/// range of the text it stands for. Escapes (`\n`, `\"`, `\u{…}`) make the
/// two differ, so the literal is read escape by escape. `None` when the
/// literal is not a plain or raw string, or holds an escape this does not
/// know; the caller then points at the whole string.
#[must_use]
pub fn within_string(
    src: &str,
    literal: (usize, usize),
    part: std::ops::Range<usize>,
) -> Option<(usize, usize)> {
    let text = src.get(literal.0..literal.1)?;
    // A raw string, r#"…"#, holds its text as written.
    if let Some(raw) = text.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let open = literal.0 + 1 + hashes + 1;
        let close = literal.1.checked_sub(1 + hashes)?;
        let (start, end) = (open + part.start, open + part.end);
        return (end <= close).then_some((start, end));
    }
    let body = text.strip_prefix('"')?.strip_suffix('"')?;
    let base = literal.0 + 1;
    // (offset in the value, offset in the text) at each character.
    let mut value = 0usize;
    let mut start = None;
    let mut chars = body.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if value == part.start && start.is_none() {
            start = Some(base + at);
        }
        if value == part.end {
            return Some((start?, base + at));
        }
        value += if c == '\\' {
            let (_, e) = chars.next()?;
            match e {
                'n' | 't' | 'r' | '0' | '\\' | '"' | '\'' => 1,
                'u' => {
                    // \u{XXXX}: the character it names.
                    let mut hex = String::new();
                    if chars.next()?.1 != '{' {
                        return None;
                    }
                    for (_, h) in chars.by_ref() {
                        if h == '}' {
                            break;
                        }
                        hex.push(h);
                    }
                    char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?.len_utf8()
                }
                _ => return None,
            }
        } else {
            c.len_utf8()
        };
    }
    (value == part.end).then_some((start.unwrap_or(base + body.len()), base + body.len()))
}

/// Whether the file turns on ron's `implicit_some` with a
/// `#![enable(implicit_some)]` line before the plan, so that an optional
/// value is written on its own (`15`) rather than `Some(15)`: the hints a
/// diagnostic gives are written the way the file writes.
#[must_use]
pub fn implicit_some(src: &str) -> bool {
    let mut scanner = Scanner {
        bytes: src.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws();
    while scanner.peek() == Some(b'#') && scanner.peek_at(1) == Some(b'!') {
        let start = scanner.pos;
        scanner.pos += 2;
        if scanner.skip_value().is_none() {
            return false;
        }
        let attribute = &src[start..scanner.pos];
        let inside = attribute.split_once("enable").map_or("", |(_, rest)| rest);
        if inside
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .any(|word| word == "implicit_some")
        {
            return true;
        }
        scanner.skip_ws();
    }
    false
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn skip_ws(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b' ' | b'\t' | b'\n' | b'\r'), _) => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while let Some(b) = self.peek() {
                        self.pos += 1;
                        if b == b'\n' {
                            break;
                        }
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    let mut depth = 1usize;
                    while depth > 0 {
                        match (self.peek(), self.peek_at(1)) {
                            (None, _) => return,
                            (Some(b'*'), Some(b'/')) => {
                                depth -= 1;
                                self.pos += 2;
                            }
                            (Some(b'/'), Some(b'*')) => {
                                depth += 1;
                                self.pos += 2;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Skips whitespace, comments and `#![enable(...)]` attributes.
    fn skip_ws_and_attributes(&mut self) {
        self.skip_ws();
        while self.peek() == Some(b'#') && self.peek_at(1) == Some(b'!') {
            self.pos += 2;
            if self.skip_value().is_none() {
                return;
            }
            self.skip_ws();
        }
    }

    fn is_ident_byte(b: u8) -> bool {
        b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'+' | b'-' | b'#')
    }

    /// Reads an identifier or a number.
    fn word(&mut self) -> Option<&[u8]> {
        let start = self.pos;
        while self.peek().is_some_and(Self::is_ident_byte) {
            self.pos += 1;
        }
        (self.pos > start).then(|| &self.bytes[start..self.pos])
    }

    fn skip_string(&mut self) -> Option<()> {
        // At the opening quote.
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += 1,
            }
        }
    }

    fn skip_raw_string(&mut self) -> Option<()> {
        // At `r`.
        self.pos += 1;
        let mut hashes = 0;
        while self.eat(b'#') {
            hashes += 1;
        }
        if !self.eat(b'"') {
            return None;
        }
        loop {
            if self.peek()? == b'"' && (1..=hashes).all(|k| self.peek_at(k) == Some(b'#')) {
                self.pos += 1 + hashes;
                return Some(());
            }
            self.pos += 1;
        }
    }

    fn skip_char(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'\'' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Skips a bracketed group, honouring strings, chars and comments inside.
    fn skip_group(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            self.skip_ws();
            match self.peek()? {
                b')' | b']' | b'}' => {
                    self.pos += 1;
                    return Some(());
                }
                b',' | b':' => self.pos += 1,
                _ => {
                    self.skip_value()?;
                }
            }
        }
    }

    /// Skips one value and returns its byte range.
    fn skip_value(&mut self) -> Option<(usize, usize)> {
        self.skip_ws();
        let start = self.pos;
        match self.peek()? {
            b'"' => self.skip_string()?,
            b'\'' => self.skip_char()?,
            b'(' | b'[' | b'{' => self.skip_group()?,
            b'r' if matches!(self.peek_at(1), Some(b'"' | b'#')) => self.skip_raw_string()?,
            b'b' if self.peek_at(1) == Some(b'"') => {
                self.pos += 1;
                self.skip_string()?;
            }
            b if Self::is_ident_byte(b) => {
                self.word()?;
                let after = self.pos;
                self.skip_ws();
                if self.peek() == Some(b'(') {
                    self.skip_group()?;
                } else {
                    self.pos = after;
                }
            }
            _ => return None,
        }
        Some((start, self.pos))
    }

    /// Follows `path` from the value at the cursor.
    fn find(&mut self, path: &[Segment]) -> Option<(usize, usize)> {
        self.skip_ws();
        let Some((seg, rest)) = path.split_first() else {
            return self.skip_value();
        };
        // `Some(x)` is transparent to fields and indices.
        if !matches!(seg, Segment::Variant(_)) && self.bytes[self.pos..].starts_with(b"Some") {
            let save = self.pos;
            self.pos += 4;
            self.skip_ws();
            if self.eat(b'(') {
                return self.find(path);
            }
            self.pos = save;
        }
        match seg {
            Segment::Field(name) => {
                // An optional struct name, then `(`.
                if self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
                    self.word()?;
                    self.skip_ws();
                }
                if !self.eat(b'(') {
                    return None;
                }
                loop {
                    self.skip_ws();
                    if self.peek()? == b')' {
                        return None;
                    }
                    let key = self.word()?.to_vec();
                    self.skip_ws();
                    if !self.eat(b':') {
                        return None;
                    }
                    if key == name.as_bytes() {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    self.eat(b',');
                }
            }
            Segment::Index(index, _) => {
                if !self.eat(b'[') {
                    return None;
                }
                self.nth_element(*index, b']')?;
                self.find(rest)
            }
            Segment::Variant(index) => {
                let word = self.word()?.to_vec();
                self.skip_ws();
                if !self.eat(b'(') {
                    return None;
                }
                // `Some(Any([…]))` written out: the variant is the one
                // inside `Some`.
                if word == b"Some" {
                    let inside = self.pos;
                    self.skip_ws();
                    let at = self.pos;
                    if self.peek().is_some_and(|b| b.is_ascii_alphabetic()) && self.word().is_some()
                    {
                        self.skip_ws();
                        if self.peek() == Some(b'(') {
                            self.pos = at;
                            return self.find(path);
                        }
                    }
                    self.pos = inside;
                }
                self.nth_element(*index, b')')?;
                self.find(rest)
            }
        }
    }

    /// Moves the cursor to the start of the `n`th element of a list or tuple
    /// whose opening bracket has been consumed.
    fn nth_element(&mut self, n: usize, close: u8) -> Option<()> {
        for _ in 0..n {
            self.skip_ws();
            if self.peek()? == close {
                return None;
            }
            self.skip_value()?;
            self.skip_ws();
            if !self.eat(b',') {
                return None;
            }
        }
        self.skip_ws();
        (self.peek()? != close).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::diagnostic::Position;
    use super::*;

    const SRC: &str = r##"#![enable(implicit_some)]
Plan(
    // a comment with "quotes" and (brackets
    units: [(id: "a", parent: None), (id: "b", parent: Some("a"))],
    steps: [
        (id: "s1", kind: Inform(Contacts([Role("x"), Person("p")]))),
        (id: r#"s2"#, text: "a \" ) ]", kind: Decision(question: "q", yes: "s1", no: "zz")),
    ],
)
"##;

    fn at(path: &DocPath) -> Option<(Position, Position)> {
        locate(SRC, path).map(|s| (s.start, s.end))
    }

    fn pos(line: usize, col: usize) -> Position {
        Position { line, col }
    }

    #[test]
    fn finds_fields_in_lists() {
        let p = DocPath::root()
            .field("units")
            .index(1, None)
            .field("parent");
        assert_eq!(at(&p), Some((pos(4, 56), pos(4, 65))));
    }

    #[test]
    fn finds_variant_payloads_and_struct_variants() {
        let p = DocPath::root()
            .field("steps")
            .index(0, None)
            .field("kind")
            .variant(0)
            .variant(0)
            .index(1, None)
            .variant(0);
        assert_eq!(at(&p), Some((pos(6, 61), pos(6, 64))));
        let no = DocPath::root()
            .field("steps")
            .index(1, None)
            .field("kind")
            .field("no");
        assert_eq!(at(&no), Some((pos(7, 86), pos(7, 90))));
    }

    #[test]
    fn a_part_of_a_string_is_found_through_its_escapes() {
        let src = r##"(x: "a\"b\n{c}", y: r#"{d}"#)"##;
        let literal = locate_bytes(src, &DocPath::root().field("x"));
        assert_eq!(literal, Some((4, 15)));
        // The value is a, a quote, b, a newline, then {c}: bytes 4..7.
        let at = literal.and_then(|l| within_string(src, l, 4..7));
        assert_eq!(at.map(|(s, e)| &src[s..e]), Some("{c}"));
        let raw = locate_bytes(src, &DocPath::root().field("y"));
        let at = raw.and_then(|l| within_string(src, l, 0..3));
        assert_eq!(at.map(|(s, e)| &src[s..e]), Some("{d}"));
        let wide = r#"x: "写\u{4E2D}{c}""#;
        let at = within_string(wide, (3, wide.len()), 6..9);
        assert_eq!(at.map(|(s, e)| &wide[s..e]), Some("{c}"));
    }

    #[test]
    fn implicit_some_is_read_from_the_files_attribute() {
        assert!(implicit_some(SRC));
        assert!(implicit_some(
            "// c\n#![enable(unwrap_newtypes, implicit_some)]\nPlan()"
        ));
        assert!(!implicit_some("// implicit_some\nPlan()"));
        assert!(!implicit_some("#![enable(unwrap_newtypes)]\nPlan()"));
    }

    #[test]
    fn missing_paths_give_none() {
        assert_eq!(at(&DocPath::root().field("people")), None);
        assert_eq!(at(&DocPath::root().field("units").index(5, None)), None);
    }
}
