//! Text from a log or a plan, made safe for a terminal.
//!
//! A note, a title, an operator's or a device's name, a path named in a log:
//! whoever wrote them chose every character. Printed raw, a newline in a note
//! followed by a made-up `2026-11-29 13:59 [chief@laptop-a] step …: done`
//! reads as a forged timeline entry; an escape sequence in a name recolours or
//! rewrites the terminal; U+202E turns the rest of a line around. The log
//! keeps exactly what was typed (it is evidence); only what reaches the
//! terminal is escaped, here, in one place, so that every line the command
//! line prints about an incident is one line, in the order it was written.
//!
//! Escaped are the control characters (`\n`, `\r`, `\t` as such, the others
//! as `\u{1b}`), the line and paragraph separators, and the invisible format
//! characters (Unicode category Cf: the bidirectional overrides and
//! isolates, zero-width spaces, the byte-order mark, tag characters). Two
//! format characters are kept: the zero-width joiner and non-joiner, which
//! Persian, Indic scripts and emoji need to be written correctly and which
//! cannot move or hide text. A backslash is left as it is: escaping it
//! would double every backslash of a Windows path in a note, and a typed
//! `\n` standing for a newline is harmless — it cannot break a line.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `writeln!` for a line that carries text from a log or a plan: the whole
/// formatted line is cleaned, so nothing in it can break it in two or drive
/// the terminal.
macro_rules! say {
    ($out:expr, $($arg:tt)*) => {
        writeln!($out, "{}", $crate::cli::clean::clean(&format!($($arg)*)))
    };
}
pub(crate) use say;

/// At most `max` characters of a text, with an ellipsis when it was
/// longer: for echoing back what was typed, where a megabyte note would
/// bury the line that says it was saved.
#[must_use]
pub fn cut(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
    }
}

/// The text with every character that could break the line or drive the
/// terminal written as an escape; borrowed when there is none.
#[must_use]
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unsafe_char(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A JSON line (`serde_json`'s output) made safe for a terminal and still
/// valid JSON: `serde_json` escapes the C0 controls already, the rest of
/// [`clean`]'s characters become `\uXXXX` escapes, which JSON reads back as
/// the same characters. They can only occur inside strings, since JSON's
/// own syntax is ASCII.
#[must_use]
pub fn clean_json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(unsafe_char) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_char(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{u:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Writes a text of several lines (a rendered diagnostic with its source
/// line and caret), each line cleaned: its own line breaks are kept, nothing
/// else.
///
/// # Errors
/// When the output cannot be written.
pub fn lines(out: &mut dyn std::io::Write, text: &str) -> std::io::Result<()> {
    for line in text.lines() {
        writeln!(out, "{}", clean(line))?;
    }
    Ok(())
}

/// A character that must not reach the terminal as it is.
fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || invisible_format(c)
}

/// Unicode's format characters (general category Cf, Unicode 15.1), less the
/// zero-width joiner and non-joiner (U+200C, U+200D): see the module's notes.
fn invisible_format(c: char) -> bool {
    matches!(c,
        '\u{ad}'
        | '\u{600}'..='\u{605}'
        | '\u{61c}'
        | '\u{6dd}'
        | '\u{70f}'
        | '\u{890}'..='\u{891}'
        | '\u{8e2}'
        | '\u{180e}'
        | '\u{200b}'
        | '\u{200e}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{110bd}'
        | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}'
        | '\u{e0020}'..='\u{e007f}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_echo_is_cut_at_a_character_with_an_ellipsis() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("exactly10!", 10), "exactly10!");
        assert_eq!(cut("值班长王芳记录了一条很长的备注", 5), "值班长王芳…");
        let escapes = "\u{1b}".repeat(300);
        assert_eq!(cut(&escapes, 200).chars().count(), 201);
    }

    #[test]
    fn plain_text_in_any_script_is_left_alone() {
        for text in [
            "值班长 王芳: 交换机端口 7 反复断开",
            "C:\\logs\\net.txt — 50% of students, ≥ 3 schools",
            "\u{1f469}\u{200d}\u{1f4bb} \u{645}\u{631}\u{62d}\u{628}\u{627}\u{200c}\u{6cc}",
            "",
        ] {
            assert!(
                matches!(clean(text), Cow::Borrowed(t) if t == text),
                "{text}"
            );
        }
    }

    #[test]
    fn control_and_format_characters_are_escaped_on_one_line() {
        let forged = "flapping\n2026-11-29 13:59 [chief@laptop-a] step x: done";
        assert_eq!(
            clean(forged),
            "flapping\\n2026-11-29 13:59 [chief@laptop-a] step x: done"
        );
        assert_eq!(
            clean("a\r\tb\u{0}c\u{7f}d\u{9b}e"),
            "a\\r\\tb\\u{0}c\\u{7f}d\\u{9b}e"
        );
        assert_eq!(clean("eve\u{1b}[31m"), "eve\\u{1b}[31m");
        assert_eq!(clean("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(
            clean("\u{2066}x\u{2069}\u{200b}\u{feff}\u{2028}\u{e0041}"),
            "\\u{2066}x\\u{2069}\\u{200b}\\u{feff}\\u{2028}\\u{e0041}"
        );
    }

    #[test]
    fn every_character_is_either_kept_or_escaped_and_no_escape_leaves_a_control() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let s = c.to_string();
            let out = clean(&s);
            assert!(!out.chars().any(unsafe_char), "{c:?} gave {out:?}");
            assert!(!out.contains('\n'));
        }
    }

    #[test]
    fn json_stays_json_and_reads_back_the_same() {
        let text = "line\nnext \u{202e}evil\u{7f} \u{e0041} 中文";
        let Ok(json) = serde_json::to_string(&text) else {
            panic!("a string serialises");
        };
        let cleaned = clean_json(&json);
        assert!(!cleaned.chars().any(unsafe_char), "{cleaned}");
        let back: Result<String, _> = serde_json::from_str(&cleaned);
        assert_eq!(back.ok().as_deref(), Some(text));
    }

    #[test]
    fn a_text_of_several_lines_keeps_its_lines_and_nothing_else() {
        let mut out = Vec::new();
        assert!(lines(&mut out, "error: bad\u{1b}[2J\n  | x\n  ^").is_ok());
        assert_eq!(
            String::from_utf8_lossy(&out),
            "error: bad\\u{1b}[2J\n  | x\n  ^\n"
        );
    }
}
