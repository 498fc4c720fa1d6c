//! The named queries written for speed (a sub-select per property, joined by hash) answer
//! exactly what their plain form answers: `tests/data/queries/plain/NAME.rq` is the readable
//! definition, the pattern a user would write; `queries/NAME.rq` must give the same rows.

use crate::common::*;

/// The rows of a query's result, sorted (the order is the named query's ORDER BY, checked by
/// the tests of each query; here the rows themselves are compared).
fn sorted_rows(store: &std::path::Path, q: &str) -> Vec<String> {
    let mut rows: Vec<String> = query_out(store, q, "tsv")
        .lines()
        .map(str::to_owned)
        .collect();
    rows.sort();
    rows
}

#[test]
fn named_queries_answer_as_their_plain_forms() {
    let dir = tempdir();
    let store = ingested(dir.path());
    ok(&["ingest", s(&sample_pdf()), "--store", s(&store)]);
    let plain = repo().join("tests/data/queries/plain");
    let mut checked = 0;
    for entry in std::fs::read_dir(&plain).expect("tests/data/queries/plain") {
        let path = entry.expect("entry").path();
        let name = path.file_stem().and_then(|n| n.to_str()).expect("name");
        let fast = sorted_rows(&store, name);
        let reference = sorted_rows(&store, &format!("@{}", path.display()));
        assert!(reference.len() > 1, "{name}: the plain form finds no rows");
        assert_eq!(fast.len(), reference.len(), "{name}: row counts differ");
        if let Some((a, b)) = fast.iter().zip(&reference).find(|(a, b)| a != b) {
            panic!("{name}: a row differs from the plain form's\n  named: {a}\n  plain: {b}");
        }
        checked += 1;
    }
    assert_eq!(checked, 6, "the six named queries written for speed");
}
