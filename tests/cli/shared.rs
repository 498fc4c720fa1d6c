//! One triple, one graph: what documents share (persons, factions, papers) stands once, in the
//! shared graph, for as long as a document still states it.

use crate::common::*;
use std::path::Path;

fn count(store: &Path, q: &str) -> usize {
    query_rows(store, q)[0][0].parse().unwrap()
}

/// Quads in the store, and distinct triples over all graphs.
fn quads_and_triples(store: &Path) -> (usize, usize) {
    (
        count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        count(
            store,
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
        ),
    )
}

/// The statements about the person of this name (a member's IRI is their member id's).
fn named(store: &Path, person: &str) -> usize {
    count(
        store,
        &format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ ?x <http://xmlns.com/foaf/0.1/name> \"{person}\" . ?x ?p ?o }}"
        ),
    )
}

fn ingest(store: &Path, file: &Path) {
    ok(&["ingest", s(file), "--store", s(store)]);
}

#[test]
fn every_triple_stands_in_one_graph() {
    let dir = tempdir();
    let store = ingested(dir.path());
    ok(&["ingest", s(&sample_pdf()), "--store", s(&store)]);
    let (quads, triples) = quads_and_triples(&store);
    assert!(quads > 20_000, "{quads}");
    assert_eq!(quads, triples);
}

#[test]
fn shared_statements_follow_the_documents_that_make_them() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let text = std::fs::read_to_string(corpus().join("mmp18-15_excerpt.txt")).unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    // Two protocols (18/15 and a copy renumbered to 18/99) both name Björn Franken.
    let a = write("a.txt", &text);
    let b = write("b.txt", &text.replace("18/15", "18/99"));
    ingest(&store, &a);
    ingest(&store, &b);
    let franken = named(&store, "Björn Franken");
    assert!(franken >= 2, "{franken}");
    let (quads, triples) = quads_and_triples(&store);
    assert_eq!(quads, triples);

    // 18/15 corrected: he is no longer in it. 18/99 still names him: he stays, once.
    let without = text.replace("Björn Franken", "Bernd Francken");
    ingest(&store, &write("a.txt", &without));
    assert_eq!(named(&store, "Björn Franken"), franken);
    assert!(named(&store, "Bernd Francken") >= 2);
    // 18/99 corrected too: no document names him, so nothing is said of him any more.
    ingest(&store, &write("b.txt", &without.replace("18/15", "18/99")));
    assert_eq!(named(&store, "Björn Franken"), 0);
    let (quads, triples) = quads_and_triples(&store);
    assert_eq!(quads, triples);

    // What a paper's own graph says of it is not repeated in the shared graph. The protocol
    // names Drucksache 18/1669; a paper numbered so (17/10377 renumbered) comes in.
    let id_local = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://landtag-lod.example/graph/gemeinsam> { <https://landtag-lod.example/id/drucksache/18/1669> <http://data.europa.eu/eli/ontology#id_local> ?n } }";
    assert_eq!(count(&store, id_local), 1);
    let paper = std::fs::read_to_string(corpus().join("mmd17-10377.txt")).unwrap();
    ingest(
        &store,
        &write(
            "paper.txt",
            &paper
                .replace("17/10377", "18/1669")
                .replace("17. Wahlperiode", "18. Wahlperiode"),
        ),
    );
    assert_eq!(count(&store, id_local), 0);
    let own_twice = count(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://landtag-lod.example/graph/gemeinsam> { ?d ?p ?o } GRAPH ?g { ?d ?p ?o } FILTER(?g != <https://landtag-lod.example/graph/gemeinsam>) }",
    );
    assert_eq!(own_twice, 0);
}
