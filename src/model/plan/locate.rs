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
    let mut scanner = Scanner {
        bytes: src.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws_and_attributes();
    let (start, end) = scanner.find(&path.0)?;
    Some(Span {
        start: position_at(src, start),
        end: position_at(src, end),
    })
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
    fn missing_paths_give_none() {
        assert_eq!(at(&DocPath::root().field("people")), None);
        assert_eq!(at(&DocPath::root().field("units").index(5, None)), None);
    }
}
