//! The terminal a command speaks to: its language and its width.
//!
//! Read once at the edge (`--lang`, `RUNBOOK_LANG` and the locale; `--wide`,
//! `COLUMNS` and the terminal's size) and handed to whatever prints, so the
//! renderers stay functions of what they are given and a test can ask for
//! Chinese at 80 columns without a terminal. Widths are display columns as
//! a terminal draws them (`unicode-width`): a Chinese character takes two,
//! so a row of Chinese text is cut where it meets the edge, never in the
//! middle of a character, and the cut is shown with "…".

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar as _, UnicodeWidthStr as _};

use crate::i18n::{Lang, Tr};

/// The narrowest width anything is cut to: below it a line is unreadable
/// either way, and keeping it whole is more use.
const MIN_WIDTH: usize = 20;

/// Where a command's words go: in which language, how wide.
#[derive(Clone, Copy, Debug)]
pub struct Term {
    /// The language of the labels (the plan's and the log's words are
    /// shown as written).
    pub lang: Lang,
    /// The columns a line may take; `None` when nothing is cut (piped
    /// output, `--wide`).
    pub width: Option<usize>,
}

impl Term {
    /// The terminal of this process: the language from `--lang`, else the
    /// environment; the width from `--wide` (none), else `COLUMNS`, else
    /// the size of the terminal standard output is, else none (piped).
    #[must_use]
    pub fn from_env(lang: Option<Lang>, wide: bool) -> Self {
        let width = if wide {
            None
        } else {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse::<usize>().ok())
                .filter(|c| *c > 0)
                .or_else(|| {
                    terminal_size::terminal_size_of(std::io::stdout())
                        .map(|(w, _)| usize::from(w.0))
                        .filter(|c| *c > 0)
                })
        };
        Self {
            lang: lang.unwrap_or_else(Lang::from_env),
            width,
        }
    }

    /// English, nothing cut: what a script reads.
    #[cfg(test)]
    #[must_use]
    pub fn plain() -> Self {
        Self {
            lang: Lang::En,
            width: None,
        }
    }

    /// The strings of the language.
    #[must_use]
    pub fn tr(&self) -> &'static Tr {
        self.lang.tr()
    }

    /// The line cut to the width, with "…" where it was cut.
    #[must_use]
    pub fn fit<'a>(&self, line: &'a str) -> Cow<'a, str> {
        match self.width {
            Some(w) => cut_to(line, w.max(MIN_WIDTH)),
            None => Cow::Borrowed(line),
        }
    }

    /// The text broken into lines that fit the width after `indent`, at
    /// spaces where there are some and between characters where there are
    /// none (Chinese); the whole text as one line when nothing is cut.
    #[must_use]
    pub fn wrap(&self, text: &str, indent: usize) -> Vec<String> {
        match self.width {
            Some(w) => wrap(text, w.max(MIN_WIDTH).saturating_sub(indent).max(10)),
            None => vec![text.to_owned()],
        }
    }
}

/// The columns a text takes in a terminal.
#[must_use]
pub fn cols(text: &str) -> usize {
    text.width()
}

/// The text padded with spaces to `width` columns (never cut).
#[must_use]
pub fn pad(text: &str, width: usize) -> String {
    let mut out = text.to_owned();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(cols(text))));
    out
}

/// The text padded on the left to `width` columns.
#[must_use]
pub fn pad_left(text: &str, width: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', width.saturating_sub(cols(text))).collect();
    out.push_str(text);
    out
}

/// At most `width` columns of `text`: whole when it fits, else cut at a
/// character boundary with "…" as its last column.
#[must_use]
pub fn cut_to(text: &str, width: usize) -> Cow<'_, str> {
    if cols(text) <= width {
        return Cow::Borrowed(text);
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    Cow::Owned(format!("{}…", text[..end].trim_end()))
}

/// Lines of at most `width` columns.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    // Words are kept whole where a line can hold them; a Chinese
    // character is a word of its own.
    let mut word = String::new();
    let flush_word =
        |word: &mut String, line: &mut String, used: &mut usize, lines: &mut Vec<String>| {
            let w = cols(word);
            if *used > 0 && *used + w > width {
                lines.push(std::mem::take(line).trim_end().to_owned());
                *used = 0;
                if word.starts_with(' ') {
                    let trimmed = word.trim_start().to_owned();
                    *word = trimmed;
                }
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if *used + cw > width && *used > 0 {
                    lines.push(std::mem::take(line).trim_end().to_owned());
                    *used = 0;
                }
                line.push(c);
                *used += cw;
            }
            word.clear();
        };
    for c in text.chars() {
        let wide = c.width().unwrap_or(0) > 1;
        if c == ' ' || wide {
            flush_word(&mut word, &mut line, &mut used, &mut lines);
        }
        word.push(c);
        if wide {
            flush_word(&mut word, &mut line, &mut used, &mut lines);
        }
    }
    flush_word(&mut word, &mut line, &mut used, &mut lines);
    if !line.is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_two_columns_and_is_cut_between_characters() {
        assert_eq!(cols("切换CDN"), 7);
        assert_eq!(cut_to("切换到备用线路", 8), "切换到…");
        assert_eq!(cols(&cut_to("切换到备用线路", 8)), 7);
        assert_eq!(cut_to("abcdef", 6), "abcdef");
        assert_eq!(cut_to("abcdefg", 6), "abcde…");
        assert_eq!(pad("中文", 6), "中文  ");
        assert_eq!(pad_left("中", 3), " 中");
    }

    #[test]
    fn wrapping_keeps_words_and_fits() {
        let lines = wrap("the backup line is up and traffic moves over", 12);
        assert!(lines.iter().all(|l| cols(l) <= 12), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "the backup line is up and traffic moves over"
        );
        let zh = wrap("已切换到备用线路，正在逐步恢复", 10);
        assert!(zh.iter().all(|l| cols(l) <= 10), "{zh:?}");
        assert_eq!(zh.concat(), "已切换到备用线路，正在逐步恢复");
    }
}
