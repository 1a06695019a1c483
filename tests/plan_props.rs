//! Property tests: whatever the bytes, loading never panics, and every
//! reported position lies inside the input.

use std::path::Path;

use proptest::prelude::*;
use runbook::i18n::Lang;
use runbook::model::plan::{self, Diagnostic, input};

/// Asserts that every diagnostic's span lies inside the text it refers to.
fn spans_inside(bytes: &[u8], diags: &[Diagnostic]) {
    let text = input::display_text(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    for d in diags {
        let Some(span) = d.span else { continue };
        for p in [span.start, span.end] {
            assert!(
                p.line >= 1 && p.line <= lines.len(),
                "{d:?} outside {} lines",
                lines.len()
            );
            let len = lines[p.line - 1].chars().count();
            assert!(
                p.col >= 1 && p.col <= len + 1,
                "{d:?}: column outside a line of {len}"
            );
        }
        // Rendering must not panic either, in either language.
        for lang in [Lang::Zh, Lang::En] {
            let _ = d.render("f.ron", &text, lang.tr().plan);
        }
    }
}

fn check(bytes: &[u8]) {
    match plan::parse(bytes) {
        Ok(checked) => spans_inside(bytes, &checked.warnings),
        Err(diags) => {
            assert!(diags.iter().any(Diagnostic::is_error));
            spans_inside(bytes, &diags);
        }
    }
}

fn shipped() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|e| e == "ron") {
            out.push(std::fs::read(p).unwrap());
        }
    }
    out.sort();
    out
}

/// One edit to a plan's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Replace { at: usize, byte: u8 },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let syntax = prop::sample::select(b"()[]{},:\"'/*#!rS-0\n\\ ".to_vec());
    prop_oneof![
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), prop::collection::vec(syntax.clone(), 1..4))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..4))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), syntax).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let n = bytes.len().max(1);
    match m {
        Mutation::Delete { at, len } => {
            let at = at % n;
            let end = (at + len).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        Mutation::Insert { at, bytes: b } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::Replace { at, byte } => {
            if !bytes.is_empty() {
                let at = at % bytes.len();
                bytes[at] = *byte;
            }
        }
        Mutation::Duplicate { at, len } => {
            let at = at % n;
            let end = (at + len).min(bytes.len());
            let copy = bytes[at.min(end)..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::Truncate { at } => bytes.truncate(at % n),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes);
    }

    #[test]
    fn arbitrary_plan_like_text_never_panics(text in "[ (\\[{\"a-z:,0-9)\\]}\n/*#!]{0,200}") {
        check(format!("Plan({text}").as_bytes());
    }

    #[test]
    fn mutated_shipped_plans_never_panic(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(mutation(), 1..4),
    ) {
        let plans = shipped();
        let mut bytes = plans[which.index(plans.len())].clone();
        for m in &edits {
            apply(&mut bytes, m);
        }
        check(&bytes);
    }
}
