//! The claim bookkeeping of `replace` on an in-memory store: one triple, one graph; a claim
//! stays while a document supports it; a document's own statements replace others' claims
//! about it and are handed back when it stops making them.

use super::*;
use landtag_rdf::map::from_quads;
use landtag_rdf::Base;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;

const B: &str = "https://example.org/";

fn base() -> Base {
    Base::new(B).unwrap()
}

/// A document's graph as N-Quads: its provenance, its own statements (`own`, N-Triples
/// about the document) and its claims (N-Triples that go to the shared graph).
fn mapped(doc: &str, digest: &str, own: &[&str], claims: &[&str]) -> Mapped {
    let g = format!("<{B}graph/{doc}>");
    let d = format!("<{B}id/{doc}>");
    let lt = "https://w3id.org/landtag-lod/ontology#";
    let mut nq = vec![
        format!("{g} <http://www.w3.org/ns/prov#wasDerivedFrom> {d} {g} ."),
        format!("{g} <{lt}quelldatei> \"{doc}.txt\" {g} ."),
        format!("{g} <{lt}quellpruefsumme> \"{digest}\" {g} ."),
        format!("{g} <{lt}konverter> \"test\" {g} ."),
        format!("{g} <http://www.w3.org/ns/prov#generatedAtTime> \"2026-12-06T00:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> {g} ."),
    ];
    nq.extend(
        own.iter()
            .map(|t| format!("{} {g} .", t.trim_end_matches(" ."))),
    );
    let shared = format!("<{B}graph/gemeinsam>");
    nq.extend(
        claims
            .iter()
            .map(|t| format!("{} {shared} .", t.trim_end_matches(" ."))),
    );
    let quads = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(nq.join("\n").as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    from_quads(&base(), quads).unwrap()
}

fn name(person: &str, n: &str) -> String {
    format!("<{B}id/person/{person}> <http://xmlns.com/foaf/0.1/name> \"{n}\" .")
}

/// How many graphs state `triple` (N-Triples).
fn stated(store: &Store, triple: &str) -> usize {
    let q = format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ {} }} }}",
        triple.trim_end_matches(" .")
    );
    let QueryResults::Solutions(mut rows) = query(store, &q, None).unwrap() else {
        panic!("not a SELECT");
    };
    let row = rows.next().unwrap().unwrap();
    match row.get("n") {
        Some(Term::Literal(l)) => l.value().parse().unwrap(),
        _ => 0,
    }
}

#[test]
fn a_claim_stands_once_while_a_document_supports_it() {
    for (store, _folder) in stores() {
        let rasche = name("rasche", "Christof Rasche");
        assert!(matches!(
            replace(&store, &mapped("a", "1", &[], &[&rasche])).unwrap(),
            Outcome::Added(_)
        ));
        replace(&store, &mapped("b", "1", &[], &[&rasche])).unwrap();
        assert_eq!(stated(&store, &rasche), 1, "two documents, one statement");
        // `a` stops claiming it: `b` still does.
        replace(&store, &mapped("a", "2", &[], &[])).unwrap();
        assert_eq!(stated(&store, &rasche), 1);
        // Nobody does: gone.
        replace(&store, &mapped("b", "2", &[], &[])).unwrap();
        assert_eq!(stated(&store, &rasche), 0);
    }
}

#[test]
fn the_same_source_is_left_as_it_is() {
    for (store, _folder) in stores() {
        let m = mapped("a", "1", &[], &[&name("x", "X")]);
        replace(&store, &m).unwrap();
        assert_eq!(replace(&store, &m).unwrap(), Outcome::Unchanged);
        let digest = sources(&store, "test").unwrap()["a.txt"].0.clone();
        assert_eq!(digest, "1");
        assert!(sources(&store, "another converter").unwrap().is_empty());
        let version = graph_version(&store, &m.graph).unwrap();
        assert_eq!(version, "1 test 2026-12-06T00:00:00Z");
    }
}

#[test]
fn a_documents_own_statements_replace_claims_about_it_and_are_handed_back() {
    for (store, _folder) in stores() {
        // `a` cites paper `p` and says its title; then `p` itself is ingested saying the same.
        let title = format!("<{B}id/p> <http://data.europa.eu/eli/ontology#title> \"Antrag\" .");
        replace(&store, &mapped("a", "1", &[], &[&title])).unwrap();
        assert_eq!(stated(&store, &title), 1);
        replace(&store, &mapped("p", "1", &[&title], &[])).unwrap();
        assert_eq!(stated(&store, &title), 1, "in p's graph only");
        let in_shared = format!(
            "<{B}id/p> <http://data.europa.eu/eli/ontology#title> \"Antrag\" <{B}graph/gemeinsam>"
        );
        assert!(!store.contains(&parse_quad(&in_shared)).unwrap());
        // `p` stops saying it: `a`'s claim stands in the shared graph again.
        replace(&store, &mapped("p", "2", &[], &[])).unwrap();
        assert!(store.contains(&parse_quad(&in_shared)).unwrap());
        assert_eq!(stated(&store, &title), 1);
    }
}

fn parse_quad(nq: &str) -> Quad {
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(format!("{nq} .").as_bytes())
        .next()
        .unwrap()
        .unwrap()
}

/// The stores `replace` is tried on: in memory, and on disk (RocksDB, where a new graph goes
/// in as files) where RocksDB is built in. The folder is removed when the guard drops.
fn stores() -> Vec<(Store, Option<Folder>)> {
    let mut out = vec![(Store::new().unwrap(), None)];
    if cfg!(feature = "rocksdb") {
        let folder = Folder::new();
        out.push((open(&folder.0).unwrap(), Some(folder)));
    }
    out
}

struct Folder(std::path::PathBuf);

impl Folder {
    fn new() -> Self {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("landtag-store-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Self(dir)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every quad of the store as sorted N-Quads.
fn all_quads(store: &Store) -> Vec<String> {
    let mut all: Vec<String> = store.iter().map(|q| q.unwrap().to_string()).collect();
    all.sort();
    all
}

#[test]
fn a_new_graph_is_stored_as_a_transaction_would_store_it() {
    for (store, _folder) in stores() {
        let rasche = name("rasche", "Christof Rasche");
        let title = format!("<{B}id/a> <http://data.europa.eu/eli/ontology#title> \"Antrag\" .");
        let first = mapped("a", "1", &[&title], &[&rasche]);
        assert!(matches!(
            replace(&store, &first).unwrap(),
            Outcome::Added(_)
        ));
        // The same graph written again through the transaction (a changed source) holds
        // the same statements but the checksum.
        let reference = Store::new().unwrap();
        replace(&reference, &mapped("a", "0", &[], &[])).unwrap();
        replace(&reference, &first).unwrap();
        assert_eq!(all_quads(&store), all_quads(&reference));
        assert_eq!(stated(&store, &rasche), 1);
        assert_eq!(sources(&store, "test").unwrap()["a.txt"].0, "1");
    }
}

#[test]
fn files_a_killed_writer_left_unloaded_are_removed_when_the_store_is_opened() {
    if !cfg!(feature = "rocksdb") {
        return;
    }
    let folder = Folder::new();
    let store = open(&folder.0).unwrap();
    replace(&store, &mapped("a", "1", &[], &[&name("x", "X")])).unwrap();
    drop(store);
    let left = folder.0.join("bulk-1234.sst");
    std::fs::write(&left, b"half a file").unwrap();
    let store = open(&folder.0).unwrap();
    assert!(!left.exists());
    assert_eq!(sources(&store, "test").unwrap()["a.txt"].0, "1");
}
