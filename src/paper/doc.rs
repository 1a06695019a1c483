//! A small document model for the incident's papers, written out as
//! Markdown or as HTML.
//!
//! The report, the handover briefing and the regulator draft each build one
//! [`Doc`]; the two renderers turn it into text, so the Markdown a scribe
//! pastes into the review and the HTML that is printed say exactly the same
//! thing. Cells and paragraphs are plain text (whatever a plan or a log
//! holds) and each renderer escapes them for its format; only a picture is
//! HTML already, and Markdown leaves it out.

use std::fmt::Write as _;

use super::html::{document, esc};

/// A document: a title and blocks.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The title, the first heading.
    pub title: String,
    /// What every printed page's footer says.
    pub footer: String,
    /// For a drill: what the header of every page says, and a banner under
    /// the title, so no page of it can pass for a real incident's.
    pub mark: Option<String>,
    /// The language of the text (an HTML `lang`).
    pub lang: &'static str,
    /// The content, in order.
    pub blocks: Vec<Block>,
}

/// A piece of a document.
#[derive(Clone, Debug)]
pub enum Block {
    /// A section heading.
    Heading(String),
    /// A heading inside a section.
    Subheading(String),
    /// A paragraph.
    Para(String),
    /// A paragraph a person must still write: shown marked, so nobody
    /// sends the draft with it empty.
    ToWrite(String),
    /// Label and value pairs.
    Fields(Vec<(String, String)>),
    /// A table: its columns and rows of plain-text cells.
    Table(Vec<Col>, Vec<Vec<String>>),
    /// A bulleted list.
    List(Vec<String>),
    /// A picture with its heading, as inline SVG (already escaped inside);
    /// HTML only: Markdown leaves out both.
    Figure(String, String),
}

/// A table's column: its heading, and how its cells may break.
#[derive(Clone, Debug)]
pub struct Col {
    /// The heading.
    pub head: String,
    /// How its cells break across lines.
    pub fit: Fit,
}

/// How a column's cells may break across lines when the page is narrow.
///
/// A browser breaks Chinese between any two characters, and a number at a
/// hyphen: in a narrow column a name prints as 值班/长, a time as
/// 2026-/12-07/01:42. Columns of short words are kept whole and take the
/// width they need; the text column takes what is left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Running text: breaks where it must.
    Wrap,
    /// Names, statuses, dates with times: breaks only between words (at a
    /// space or a line break), never inside one, Chinese ones included.
    Words,
    /// Times, dates, numbers and short statuses: never broken.
    Whole,
    /// Left empty to write in by hand (a signature, a date): room for a pen.
    Pen,
}

impl Col {
    /// A column of running text.
    #[must_use]
    pub fn wrap(head: &str) -> Self {
        Self {
            head: head.to_owned(),
            fit: Fit::Wrap,
        }
    }

    /// A column of names or statuses, broken only between words.
    #[must_use]
    pub fn words(head: &str) -> Self {
        Self {
            head: head.to_owned(),
            fit: Fit::Words,
        }
    }

    /// A column of times, dates or numbers, never broken.
    #[must_use]
    pub fn whole(head: &str) -> Self {
        Self {
            head: head.to_owned(),
            fit: Fit::Whole,
        }
    }

    /// A column left to write in by hand.
    #[must_use]
    pub fn pen(head: &str) -> Self {
        Self {
            head: head.to_owned(),
            fit: Fit::Pen,
        }
    }

    /// The HTML class of its cells.
    fn class(&self) -> &'static str {
        match self.fit {
            Fit::Wrap => "pre",
            Fit::Words => "pre words",
            Fit::Whole => "whole",
            Fit::Pen => "pen",
        }
    }
}

impl Doc {
    /// Appends a block.
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// The document as Markdown.
    #[must_use]
    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n", md(&self.title));
        if let Some(mark) = &self.mark {
            let _ = write!(out, "\n**{}**\n", md(mark));
        }
        for b in &self.blocks {
            out.push('\n');
            match b {
                Block::Heading(h) => {
                    let _ = writeln!(out, "## {}", md(h));
                }
                Block::Subheading(h) => {
                    let _ = writeln!(out, "### {}", md(h));
                }
                Block::Para(p) => {
                    for line in p.lines() {
                        let _ = writeln!(out, "{}  ", md(line));
                    }
                }
                Block::ToWrite(p) => {
                    let _ = writeln!(out, "> **{}**", md(p));
                }
                Block::Fields(fields) => {
                    for (k, v) in fields {
                        let _ = writeln!(out, "- **{}**: {}", md(k), md_inline(v));
                    }
                }
                Block::Table(head, rows) => {
                    let _ = writeln!(
                        out,
                        "| {} |",
                        head.iter()
                            .map(|h| cell(&h.head))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    );
                    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
                    for r in rows {
                        let _ = writeln!(
                            out,
                            "| {} |",
                            r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
                        );
                    }
                }
                Block::List(items) => {
                    for i in items {
                        let _ = writeln!(out, "- {}", md_inline(i));
                    }
                }
                Block::Figure(..) => {
                    out.pop();
                }
            }
        }
        out
    }

    /// The document as a standalone HTML page with the embedded font.
    #[must_use]
    pub fn html(&self, font: &[u8]) -> String {
        let mut body = format!("<h1>{}</h1>\n", esc(&self.title));
        if let Some(mark) = &self.mark {
            let _ = writeln!(body, "<p class=\"mark\">{}</p>", esc(mark));
        }
        for b in &self.blocks {
            match b {
                Block::Heading(h) => {
                    let _ = writeln!(body, "<h2 class=\"section\">{}</h2>", esc(h));
                }
                Block::Subheading(h) => {
                    let _ = writeln!(body, "<h3>{}</h3>", esc(h));
                }
                Block::Para(p) => {
                    let _ = writeln!(body, "<p class=\"pre\">{}</p>", esc(p));
                }
                Block::ToWrite(p) => {
                    let _ = writeln!(body, "<p class=\"towrite\">{}</p>", esc(p));
                }
                Block::Fields(fields) => {
                    body.push_str("<table class=\"fields\">\n<tbody>\n");
                    for (k, v) in fields {
                        let _ = writeln!(
                            body,
                            "<tr><th>{}</th><td class=\"pre\">{}</td></tr>",
                            esc(k),
                            esc(v)
                        );
                    }
                    body.push_str("</tbody>\n</table>\n");
                }
                Block::Table(head, rows) => {
                    body.push_str("<table class=\"grid\">\n<thead><tr>");
                    for h in head {
                        let class = match h.fit {
                            Fit::Wrap => "",
                            Fit::Words => " class=\"words\"",
                            Fit::Whole => " class=\"whole\"",
                            Fit::Pen => " class=\"pen\"",
                        };
                        let _ = write!(body, "<th{class}>{}</th>", esc(&h.head));
                    }
                    body.push_str("</tr></thead>\n<tbody>\n");
                    for r in rows {
                        // A row left empty is one to write in: pen height.
                        body.push_str(if r.iter().all(String::is_empty) {
                            "<tr class=\"blank\">"
                        } else {
                            "<tr>"
                        });
                        for (i, c) in r.iter().enumerate() {
                            let col = head.get(i);
                            let class = col.map_or("pre", Col::class);
                            let text = if col.is_some_and(|c| c.fit == Fit::Words) {
                                unbroken_words(c)
                            } else {
                                esc(c)
                            };
                            let _ = write!(body, "<td class=\"{class}\">{text}</td>");
                        }
                        body.push_str("</tr>\n");
                    }
                    body.push_str("</tbody>\n</table>\n");
                }
                Block::List(items) => {
                    body.push_str("<ul>\n");
                    for i in items {
                        let _ = writeln!(body, "<li class=\"pre\">{}</li>", item_html(i));
                    }
                    body.push_str("</ul>\n");
                }
                Block::Figure(title, svg) => {
                    let _ = writeln!(
                        body,
                        "<h2 class=\"section\">{}</h2>\n<figure>{svg}</figure>",
                        esc(title)
                    );
                }
            }
        }
        let frame = super::html::Frame {
            header: self.mark.as_deref().unwrap_or_default(),
            footer: &self.footer,
        };
        document(self.lang, &self.title, frame, font, &body)
    }
}

/// The longest ending of a list item, in characters, kept on one line.
const TAIL: usize = 12;

/// A list item in HTML, its ending kept whole: a line that ends in a
/// state or a time after ` — ` or a colon (`… — 待处理`, `…：超时 75分钟`)
/// would otherwise print 待处/理 across two lines.
fn item_html(text: &str) -> String {
    let cut = [" — ", "：", ": "]
        .iter()
        .filter_map(|sep| text.rfind(sep).map(|at| at + sep.len()))
        .max()
        .filter(|&at| {
            let tail = &text[at..];
            !tail.is_empty() && !tail.contains('\n') && tail.chars().count() <= TAIL
        });
    match cut {
        Some(at) => format!(
            "{}<span class=\"nobr\">{}</span>",
            esc(&text[..at]),
            esc(&text[at..])
        ),
        None => esc(text),
    }
}

/// A cell of words in HTML: each word (what is between spaces and line
/// breaks) kept on one line — `kim@laptop-a`, `2026-03-02`, `09:35`, a
/// Chinese status — and the line broken only between them.
fn unbroken_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            let _ = write!(out, "<span class=\"nobr\">{}</span>", esc(word));
            word.clear();
        }
    };
    for c in text.chars() {
        if c == ' ' || c == '\n' {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Text escaped for Markdown: what would be read as markup is shown as the
/// characters typed (a note with `*` or `<script>` stays a note).
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let markup = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
        ) || (i == 0 && matches!(c, '#' | '-' | '+' | '='));
        if markup {
            out.push('\\');
        }
        if c.is_control() && c != '\t' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// A value on one Markdown line: its line breaks become `<br>`-free " / ".
fn md_inline(text: &str) -> String {
    text.lines().map(md).collect::<Vec<_>>().join(" / ")
}

/// A table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    md_inline(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_with_markup_stays_text_in_both_formats() {
        let mut d = Doc {
            title: "t".into(),
            lang: "en",
            ..Doc::default()
        };
        d.push(Block::Table(
            vec![Col::wrap("what")],
            vec![vec!["<script>x</script> | *y*\nnext".into()]],
        ));
        let md = d.markdown();
        assert!(
            md.contains("| \\<script\\>x\\</script\\> \\| \\*y\\* / next |"),
            "{md}"
        );
        let html = d.html(&[]);
        assert!(
            html.contains("&lt;script&gt;x&lt;/script&gt; | *y*\nnext"),
            "{html}"
        );
        assert!(!html.contains("<script>"));
    }
}
