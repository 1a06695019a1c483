//! Full-text search of the plan text: chapter titles, section titles and
//! paragraphs.
//!
//! People look things up in the plan during an incident ("谁负责向网信办报告？"),
//! mostly in Chinese, where words are not separated by spaces. So this is
//! plain substring matching, with no tokenising: a query matches wherever its
//! characters occur in a row. Latin letters (and any other cased script)
//! match regardless of case. Both the window's plan-text view and
//! `runbook show search` call [`search`], so they always find the same hits.
//!
//! Case folding maps each character to exactly one character (its lower case
//! when that is a single character, itself otherwise), so every hit's byte
//! range falls on character boundaries of the original text and covers
//! exactly the characters that matched.

use std::ops::Range;

use crate::model::ids::TextId;

use super::Plan;
use super::doc::Chapter;

/// Which piece of a chapter or section a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The chapter's or section's title.
    Title,
    /// A paragraph, by index: of the section, or of the chapter's intro when
    /// there is no section.
    Paragraph(usize),
}

/// Where a piece of the plan text sits. Ordered in document order: a
/// chapter's title, its intro, then each section's title and paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    /// The chapter, by index.
    pub chapter: usize,
    /// The section, by index; `None` for the chapter's title and intro.
    pub section: Option<usize>,
    /// Title or paragraph.
    pub field: Field,
}

impl Location {
    /// The text at this location, if the chapters have it.
    #[must_use]
    pub fn text(self, chapters: &[Chapter]) -> Option<&str> {
        let chapter = chapters.get(self.chapter)?;
        match (self.section, self.field) {
            (None, Field::Title) => Some(&chapter.title),
            (None, Field::Paragraph(p)) => chapter.intro.get(p).map(String::as_str),
            (Some(s), field) => {
                let section = chapter.sections.get(s)?;
                match field {
                    Field::Title => Some(&section.title),
                    Field::Paragraph(p) => section.paragraphs.get(p).map(String::as_str),
                }
            }
        }
    }
}

/// One occurrence of the query in the plan text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Where it is.
    pub location: Location,
    /// The chapter's id, such as `ch9`.
    pub chapter_id: TextId,
    /// The section's id, such as `ch9.s2`; `None` in a chapter's title or intro.
    pub section_id: Option<TextId>,
    /// The byte range of the occurrence within the text at [`Hit::location`];
    /// always on character boundaries.
    pub range: Range<usize>,
}

impl Hit {
    /// The text the hit is in.
    #[must_use]
    pub fn text<'a>(&self, chapters: &'a [Chapter]) -> Option<&'a str> {
        self.location.text(chapters)
    }

    /// The id of the section the hit is in, or of its chapter outside sections.
    #[must_use]
    pub fn id(&self) -> &TextId {
        self.section_id.as_ref().unwrap_or(&self.chapter_id)
    }
}

/// Every text of the plan, with its location, in document order.
pub fn texts(chapters: &[Chapter]) -> impl Iterator<Item = (Location, &str)> {
    chapters.iter().enumerate().flat_map(|(c, chapter)| {
        let title = std::iter::once((
            Location {
                chapter: c,
                section: None,
                field: Field::Title,
            },
            chapter.title.as_str(),
        ));
        let intro = chapter.intro.iter().enumerate().map(move |(p, text)| {
            (
                Location {
                    chapter: c,
                    section: None,
                    field: Field::Paragraph(p),
                },
                text.as_str(),
            )
        });
        let sections = chapter
            .sections
            .iter()
            .enumerate()
            .flat_map(move |(s, section)| {
                let title = std::iter::once((
                    Location {
                        chapter: c,
                        section: Some(s),
                        field: Field::Title,
                    },
                    section.title.as_str(),
                ));
                let paragraphs = section.paragraphs.iter().enumerate().map(move |(p, text)| {
                    (
                        Location {
                            chapter: c,
                            section: Some(s),
                            field: Field::Paragraph(p),
                        },
                        text.as_str(),
                    )
                });
                title.chain(paragraphs)
            });
        title.chain(intro).chain(sections)
    })
}

/// Every occurrence of `query` in the plan's text, in document order.
///
/// The query is trimmed; an empty or all-blank query finds nothing.
/// Overlapping occurrences are all reported (`aa` occurs twice in `aaa`).
#[must_use]
pub fn search(plan: &Plan, query: &str) -> Vec<Hit> {
    search_chapters(&plan.doc().chapters, query)
}

/// [`search`] over chapters, for callers (and tests) that hold no [`Plan`].
#[must_use]
pub fn search_chapters(chapters: &[Chapter], query: &str) -> Vec<Hit> {
    let needle: String = query.trim().chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (location, text) in texts(chapters) {
        let ranges = find_all(text, &needle);
        if ranges.is_empty() {
            continue;
        }
        // Texts without hits never reach here, so ids are cloned only for hits.
        let chapter = &chapters[location.chapter];
        let section_id = location
            .section
            .and_then(|s| chapter.sections.get(s))
            .map(|s| s.id.clone());
        hits.extend(ranges.into_iter().map(|range| Hit {
            location,
            chapter_id: chapter.id.clone(),
            section_id: section_id.clone(),
            range,
        }));
    }
    hits
}

/// A character as the search compares it: lower case when that is one
/// character, so byte ranges map back one character to one character.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The byte ranges in `text` where the (already folded) `needle` occurs,
/// overlapping ones included.
fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    // The folded text, and for every byte offset of it that starts a
    // character (and its end) the matching offset in the original text.
    // Folding may change a character's UTF-8 length (the Kelvin sign folds
    // to an ASCII `k`), hence the map rather than shared offsets.
    let mut folded = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (offset, c) in text.char_indices() {
        // Offsets inside a folded character never start or end a match.
        map.resize(folded.len(), usize::MAX);
        map.push(offset);
        folded.push(fold(c));
    }
    map.resize(folded.len(), usize::MAX);
    map.push(text.len());

    let mut ranges = Vec::new();
    let mut from = 0;
    while let Some(found) = folded.get(from..).and_then(|rest| rest.find(needle)) {
        let start = from + found;
        let end = start + needle.len();
        // A match of whole UTF-8 characters starts and ends on boundaries of
        // the folded text, which the map covers.
        ranges.push(map[start]..map[end]);
        // Step one character, not the needle's length, to find overlaps.
        from = start + folded[start..].chars().next().map_or(1, char::len_utf8);
    }
    ranges
}

/// A hit with some of the text around it, cut to fit a terminal line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Snippet<'a> {
    /// Text before the hit.
    pub before: &'a str,
    /// The hit itself.
    pub hit: &'a str,
    /// Text after the hit.
    pub after: &'a str,
    /// Whether text before `before` was left out.
    pub cut_before: bool,
    /// Whether text after `after` was left out.
    pub cut_after: bool,
}

/// The hit at `range` in `text`, with up to `columns` terminal columns of
/// context on either side (Chinese and other wide characters take two).
/// A range that is not on character boundaries yields an empty hit.
#[must_use]
pub fn snippet(text: &str, range: Range<usize>, columns: usize) -> Snippet<'_> {
    let (Some(head), Some(hit), Some(tail)) = (
        text.get(..range.start),
        text.get(range.clone()),
        text.get(range.end..),
    ) else {
        return Snippet {
            before: "",
            hit: "",
            after: "",
            cut_before: false,
            cut_after: false,
        };
    };
    let mut width = 0;
    let mut start = head.len();
    for (i, c) in head.char_indices().rev() {
        width += char_width(c);
        if width > columns {
            break;
        }
        start = i;
    }
    let mut width = 0;
    let mut end = 0;
    for (i, c) in tail.char_indices() {
        width += char_width(c);
        if width > columns {
            break;
        }
        end = i + c.len_utf8();
    }
    // A cut inside a Latin word drops the partial word, when a space is
    // near, so context reads "…the provincial [Cyberspace]" and not "…ovincial".
    if start > 0
        && in_word(head, start)
        && let Some(space) = head[start..].find(char::is_whitespace)
    {
        start += space;
    }
    if end < tail.len()
        && in_word(tail, end)
        && let Some(space) = tail[..end].rfind(char::is_whitespace)
    {
        end = space;
    }
    let before = head[start..].trim_start();
    let after = tail[..end].trim_end();
    Snippet {
        before,
        hit,
        after,
        cut_before: start > 0,
        cut_after: end < tail.len(),
    }
}

/// Whether the boundary `at` of `text` falls between two letters or digits
/// of a narrow script (Chinese has no spaces to cut at, so it is cut anywhere).
fn in_word(text: &str, at: usize) -> bool {
    let narrow_word = |c: char| c.is_alphanumeric() && char_width(c) == 1;
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    before.is_some_and(narrow_word) && after.is_some_and(narrow_word)
}

/// Terminal columns a character takes: two for East Asian wide and
/// full-width characters, one otherwise. An approximation of Unicode's East
/// Asian Width that covers the plan's scripts without a dependency.
#[must_use]
pub fn char_width(c: char) -> usize {
    match u32::from(c) {
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::plan::doc::Section;

    fn chapter(
        id: &str,
        title: &str,
        intro: &[&str],
        sections: &[(&str, &str, &[&str])],
    ) -> Chapter {
        Chapter {
            id: TextId::new(id),
            title: title.to_owned(),
            intro: intro.iter().map(|s| (*s).to_owned()).collect(),
            sections: sections
                .iter()
                .map(|(id, title, paragraphs)| Section {
                    id: TextId::new(*id),
                    title: (*title).to_owned(),
                    paragraphs: paragraphs.iter().map(|s| (*s).to_owned()).collect(),
                })
                .collect(),
        }
    }

    fn sample() -> Vec<Chapter> {
        vec![
            chapter(
                "ch1",
                "总则",
                &["本预案适用于在线教育平台。"],
                &[(
                    "ch1.s1",
                    "应急预案的目的",
                    &[
                        "一、应急预案的目的",
                        "发生数据泄露时，须在4小时内向省网信办报告。",
                    ],
                )],
            ),
            chapter(
                "ch2",
                "Public relations",
                &[],
                &[(
                    "ch2.s1",
                    "Reporting to the regulator",
                    &["The Duty Officer reports; the duty officer's deputy REPORTS if absent."],
                )],
            ),
        ]
    }

    fn texts_of<'a>(chapters: &'a [Chapter], hits: &[Hit]) -> Vec<&'a str> {
        hits.iter()
            .map(|h| &h.text(chapters).unwrap()[h.range.clone()])
            .collect()
    }

    #[test]
    fn a_chinese_phrase_is_found_without_word_splitting() {
        let chapters = sample();
        let hits = search_chapters(&chapters, "向省网信办报告");
        assert_eq!(hits.len(), 1);
        let hit = &hits[0];
        assert_eq!(hit.chapter_id.as_str(), "ch1");
        assert_eq!(hit.section_id.as_ref().unwrap().as_str(), "ch1.s1");
        assert_eq!(
            hit.location,
            Location {
                chapter: 0,
                section: Some(0),
                field: Field::Paragraph(1)
            }
        );
        let text = hit.text(&chapters).unwrap();
        assert_eq!(&text[hit.range.clone()], "向省网信办报告");
        // Byte offsets, not characters: 发生数据泄露时，须在4小时内 is 14 characters, 40 bytes.
        assert_eq!(hit.range, 40..61);
    }

    #[test]
    fn latin_text_matches_regardless_of_case() {
        let chapters = sample();
        let hits = search_chapters(&chapters, "Duty officer");
        assert_eq!(texts_of(&chapters, &hits), ["Duty Officer", "duty officer"]);
        let hits = search_chapters(&chapters, "reports");
        assert_eq!(texts_of(&chapters, &hits), ["reports", "REPORTS"]);
        assert!(hits.iter().all(|h| h.id().as_str() == "ch2.s1"));
    }

    #[test]
    fn every_occurrence_in_a_paragraph_overlapping_ones_included() {
        let chapters = vec![chapter(
            "ch1",
            "标题",
            &["哈哈哈，网信办、网信办。", "aaa"],
            &[],
        )];
        let hits = search_chapters(&chapters, "网信办");
        assert_eq!(hits.len(), 2);
        assert!(hits[0].range.end <= hits[1].range.start);
        let hits = search_chapters(&chapters, "哈哈");
        assert_eq!(
            hits.iter().map(|h| h.range.clone()).collect::<Vec<_>>(),
            [0..6, 3..9]
        );
        let hits = search_chapters(&chapters, "AA");
        assert_eq!(
            hits.iter().map(|h| h.range.clone()).collect::<Vec<_>>(),
            [0..2, 1..3]
        );
        assert!(
            hits.iter()
                .all(|h| h.location.field == Field::Paragraph(1) && h.section_id.is_none())
        );
    }

    #[test]
    fn titles_are_searched_too_in_document_order() {
        let chapters = sample();
        let hits = search_chapters(&chapters, "应急预案的目的");
        let locations: Vec<_> = hits.iter().map(|h| h.location).collect();
        assert_eq!(
            locations,
            [
                Location {
                    chapter: 0,
                    section: Some(0),
                    field: Field::Title
                },
                Location {
                    chapter: 0,
                    section: Some(0),
                    field: Field::Paragraph(0)
                },
            ]
        );
        let hits = search_chapters(&chapters, "总则");
        assert_eq!(hits[0].location.field, Field::Title);
        assert_eq!(hits[0].section_id, None);
        let hits = search_chapters(&chapters, "public");
        assert_eq!(hits[0].id().as_str(), "ch2");
        // Document order across chapters, intros and sections.
        let hits = search_chapters(&chapters, "e");
        let mut sorted = hits.clone();
        sorted.sort_by_key(|h| (h.location, h.range.start));
        assert_eq!(hits, sorted);
    }

    #[test]
    fn blank_queries_find_nothing_and_queries_are_trimmed() {
        let chapters = sample();
        assert!(search_chapters(&chapters, "").is_empty());
        assert!(search_chapters(&chapters, "  \t\n").is_empty());
        assert!(search_chapters(&chapters, "　").is_empty()); // An ideographic space.
        assert_eq!(search_chapters(&chapters, " 网信办 ").len(), 1);
        assert!(search_chapters(&chapters, "不存在的词").is_empty());
    }

    #[test]
    fn ranges_never_split_characters() {
        // Characters whose lower case has another UTF-8 length (the Kelvin
        // sign, capital sharp s) or more than one character (dotted capital
        // I), next to Chinese, full-width and accented letters.
        let text = "K\u{212A}\u{1E9E} \u{130}stanbul ÄÖÜ äöü Ｆｕｌｌ 网信办";
        let chapters = vec![chapter("ch1", "t", &[text], &[])];
        for (query, expected) in [
            ("k", vec!["K", "\u{212A}"]),
            ("ß", vec!["\u{1E9E}"]),
            ("i\u{307}", vec![]),
            ("\u{130}", vec!["\u{130}"]),
            ("istanbul", vec![]),
            ("stanbul", vec!["stanbul"]),
            ("äö", vec!["ÄÖ", "äö"]),
            ("ｆｕｌｌ", vec!["Ｆｕｌｌ"]),
            ("信", vec!["信"]),
        ] {
            let hits = search_chapters(&chapters, query);
            assert_eq!(texts_of(&chapters, &hits), expected, "{query}");
        }
        // Every single character as a query, on the bundled plan: each
        // hit's range is on boundaries and folds to the query.
        let plan = crate::model::plan::parse(include_bytes!(
            "../../../plans/online-education-platform.ron"
        ))
        .unwrap()
        .plan;
        let chapters = &plan.doc().chapters;
        for query in ["网", "，", "1", "应急预案", "A"] {
            let hits = search(&plan, query);
            assert!(!hits.is_empty(), "{query}");
            for hit in &hits {
                let text = hit.text(chapters).unwrap();
                assert!(text.is_char_boundary(hit.range.start));
                assert!(text.is_char_boundary(hit.range.end));
                let found: String = text[hit.range.clone()].chars().map(fold).collect();
                assert_eq!(found, query.to_lowercase());
            }
        }
    }

    #[test]
    fn the_bundled_plan_names_the_cyberspace_office() {
        let plan = crate::model::plan::parse(include_bytes!(
            "../../../plans/online-education-platform.ron"
        ))
        .unwrap()
        .plan;
        let hits = search(&plan, "网信办");
        assert!(!hits.is_empty());
        let all: usize = texts(&plan.doc().chapters)
            .map(|(_, t)| t.matches("网信办").count())
            .sum();
        assert_eq!(hits.len(), all);
    }

    #[test]
    fn a_snippet_keeps_context_within_the_columns() {
        let text = "发生数据泄露时，须在4小时内向省网信办报告，并同步通知公安机关。";
        let start = text.find("网信办").unwrap();
        let s = snippet(text, start..start + "网信办".len(), 8);
        assert_eq!(s.before, "时内向省");
        assert_eq!(s.hit, "网信办");
        assert_eq!(s.after, "报告，并");
        assert!(s.cut_before && s.cut_after);
        let s = snippet("a report.", 2..8, 10);
        assert_eq!((s.before, s.hit, s.after), ("a ", "report", "."));
        assert!(!s.cut_before && !s.cut_after);
        // Latin context is cut between words.
        let text = "the duty officer reports to the provincial Cyberspace Administration office";
        let start = text.find("Cyberspace").unwrap();
        let s = snippet(text, start..start + "Cyberspace".len(), 16);
        assert_eq!((s.before, s.after), ("the provincial ", " Administration"));
        assert!(s.cut_before && s.cut_after);
        // Not on a boundary: nothing rather than a panic.
        assert_eq!(snippet("网信办", 1..3, 4).hit, "");
    }
}
