//! The HTML every printed page shares: escaping, the page frame, the print
//! style sheet and the embedded font.
//!
//! Every text from a plan or a log is escaped here ([`esc`]), so a note that
//! reads `<script>` prints as those characters. A file must print in Chinese
//! on a machine with no CJK font and no network, so the font the app ships is
//! embedded as a data URL: the file stands alone.

use std::fmt::Write as _;

use base64::Engine as _;

/// Text escaped for HTML content and attribute values.
#[must_use]
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no place in a printed page; a line
            // break in a plan's text is kept by the `pre-wrap` style.
            c if c.is_control() && c != '\n' && c != '\t' => {
                let _ = write!(out, "&#xFFFD;");
            }
            c => out.push(c),
        }
    }
    out
}

/// A CSS string literal holding `text`: quotes, backslashes and line breaks
/// escaped, and `<` too, so the text cannot close the `<style>` element.
#[must_use]
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:X} ", u32::from(c));
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The print style shared by the binder and the reports: A4, the header and
/// the footer on every page (a drill's mark; plan or incident, version,
/// date, page numbers), tables that do not split a row across pages.
const STYLE: &str = r#"
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @top-center { content: var(--header); font-family: "Runbook CJK", sans-serif; font-size: 9pt; font-weight: bold; color: #b71c1c; }
  @bottom-left { content: var(--footer); font-family: "Runbook CJK", sans-serif; font-size: 8pt; color: #444; }
  @bottom-right { content: counter(page) " / " counter(pages); font-family: "Runbook CJK", sans-serif; font-size: 8pt; color: #444; } }
:root { color-scheme: light; }
body { font-family: "Runbook CJK", "Noto Sans CJK SC", sans-serif; font-size: 10pt;
  line-height: 1.45; color: #000; margin: 0; }
@media screen { body { max-width: 190mm; margin: 12mm auto; padding: 0 8mm; } }
h1 { font-size: 20pt; margin: 0 0 6mm; }
h2 { font-size: 14pt; margin: 0 0 4mm; border-bottom: 1.2pt solid #000; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
h4 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
h2, h3, h4 { break-after: avoid; }
p { margin: 0 0 2mm; }
.page { break-before: page; }
.cover { text-align: center; padding-top: 50mm; }
.cover h1 { font-size: 24pt; }
.cover table { margin: 12mm auto 0; width: auto; }
.cover td, .cover th { border: none; text-align: left; padding: 1mm 4mm; }
.note { color: #333; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
th, td { border: 0.6pt solid #555; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.box { display: inline-block; width: 9pt; height: 9pt; border: 1pt solid #000; }
.tick { width: 9mm; text-align: center; }
.blank { width: 28mm; }
.num { white-space: nowrap; }
.pre { white-space: pre-wrap; }
.words { word-break: keep-all; width: 1%; }
.nobr { white-space: nowrap; }
table.grid, table.legend { font-size: 9pt; }
.pen { width: 28%; height: 9mm; }
tr.blank td { height: 8mm; }
.sid { font-family: monospace; font-size: 8.5pt; color: #333; white-space: nowrap; }
.whole { white-space: nowrap; word-break: keep-all; width: 1%; }
ol.toc { columns: 1; }
ul.tree, ul.tree ul { list-style: none; padding-left: 6mm; margin: 0; }
ul.tree li { margin: 0.8mm 0; }
ul.tree .call { break-inside: avoid; }
table.checklist { table-layout: fixed; }
table.checklist .c-tick { width: 9mm; text-align: center; }
table.checklist .c-num { width: 7mm; }
table.checklist .c-owner { width: 24mm; }
table.checklist .c-levels { width: 17mm; }
table.checklist .c-limit { width: 17mm; }
table.checklist .c-done { width: 26mm; }
.unit { border: 0.8pt solid #000; padding: 2mm 3mm; margin: 0 0 3mm; break-inside: avoid; }
.muted { color: #555; }
.towrite { border: 1pt dashed #c62828; color: #b71c1c; padding: 1.5mm 2mm; margin: 0 0 3mm; }
.mark { border: 1.5pt solid #b71c1c; color: #b71c1c; font-weight: bold; text-align: center; padding: 1.5mm 2mm; margin: 0 0 4mm; letter-spacing: 0.05em; }
table.fields th { width: 34mm; }
figure { margin: 0 0 4mm; }
.chip { display: inline-block; padding: 0 2mm; border: 0.6pt solid #000; border-radius: 2pt; }
"#;

/// What every printed page of a document says around its text: the header
/// (empty for none; a drill's papers say so there) and the footer.
#[derive(Clone, Copy, Debug)]
pub struct Frame<'a> {
    /// The header at the top of every page, or empty.
    pub header: &'a str,
    /// The footer at the bottom of every page.
    pub footer: &'a str,
}

/// A whole HTML document: `<head>` with the style, the header and footer
/// text and the font; `body` as given (already escaped by the caller).
#[must_use]
pub fn document(lang: &str, title: &str, frame: Frame<'_>, font: &[u8], body: &str) -> String {
    let mut out = String::with_capacity(body.len() + font.len() * 4 / 3 + 4096);
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>",
        esc(lang),
        esc(title)
    );
    if !font.is_empty() {
        out.push_str("@font-face { font-family: \"Runbook CJK\"; src: url(data:font/otf;base64,");
        base64::engine::general_purpose::STANDARD.encode_string(font, &mut out);
        out.push_str(") format(\"opentype\"); }\n");
    }
    let _ = writeln!(
        out,
        ":root {{ --footer: {}; --header: {}; }}",
        css_string(frame.footer),
        css_string(frame.header)
    );
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(body);
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_shown_not_run() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn a_footer_cannot_close_the_style_element() {
        let s = css_string("a\"b</style><script>");
        assert!(!s[1..s.len() - 1].contains(['"', '<', '>']), "{s}");
        let doc = document(
            "en",
            "t",
            Frame {
                header: "y</style>",
                footer: "x</style>",
            },
            &[],
            "",
        );
        assert_eq!(doc.matches("</style>").count(), 1);
    }
}
