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
    /// A paragraph.
    Para(String),
    /// A paragraph a person must still write: shown marked, so nobody
    /// sends the draft with it empty.
    ToWrite(String),
    /// Label and value pairs.
    Fields(Vec<(String, String)>),
    /// A table: header and rows of plain-text cells.
    Table(Vec<String>, Vec<Vec<String>>),
    /// A bulleted list.
    List(Vec<String>),
    /// A picture with its heading, as inline SVG (already escaped inside);
    /// HTML only: Markdown leaves out both.
    Figure(String, String),
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
        for b in &self.blocks {
            out.push('\n');
            match b {
                Block::Heading(h) => {
                    let _ = writeln!(out, "## {}", md(h));
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
                        head.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")
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
        for b in &self.blocks {
            match b {
                Block::Heading(h) => {
                    let _ = writeln!(body, "<h2 class=\"section\">{}</h2>", esc(h));
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
                    body.push_str("<table>\n<thead><tr>");
                    for h in head {
                        let _ = write!(body, "<th>{}</th>", esc(h));
                    }
                    body.push_str("</tr></thead>\n<tbody>\n");
                    for r in rows {
                        body.push_str("<tr>");
                        for c in r {
                            let _ = write!(body, "<td class=\"pre\">{}</td>", esc(c));
                        }
                        body.push_str("</tr>\n");
                    }
                    body.push_str("</tbody>\n</table>\n");
                }
                Block::List(items) => {
                    body.push_str("<ul>\n");
                    for i in items {
                        let _ = writeln!(body, "<li class=\"pre\">{}</li>", esc(i));
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
        document(self.lang, &self.title, &self.footer, font, &body)
    }
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
            vec!["what".into()],
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
