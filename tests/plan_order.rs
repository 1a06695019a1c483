//! The checks for order (issue 29): each on a small plan that has the
//! fault and on one that does not, and the bundled plan's revision 2.1,
//! kept as a fixture, drawing each of them.

use std::path::Path;

use runbook::model::plan;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(rel: &str) -> plan::Checked {
    let bytes = std::fs::read(root().join(rel)).unwrap();
    match plan::parse(&bytes) {
        Ok(checked) => checked,
        Err(e) => panic!("{rel}: {e:#?}"),
    }
}

/// Revision 2.1 of both editions is kept beside 2.0, so that the checks can
/// be shown firing on it after the bundled plan moves on.
#[test]
fn revision_2_1_is_kept_in_both_editions() {
    for rel in [
        "tests/data/revisions/2.1.ron",
        "tests/data/revisions/2.1.en.ron",
    ] {
        assert_eq!(load(rel).plan.doc().meta.version, "2.1", "{rel}");
    }
}
