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
    let store = Store::new().unwrap();
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

#[test]
fn the_same_source_is_left_as_it_is() {
    let store = Store::new().unwrap();
    let m = mapped("a", "1", &[], &[&name("x", "X")]);
    replace(&store, &m).unwrap();
    assert_eq!(replace(&store, &m).unwrap(), Outcome::Unchanged);
    let digest = sources(&store, "test").unwrap()["a.txt"].0.clone();
    assert_eq!(digest, "1");
    assert!(sources(&store, "another converter").unwrap().is_empty());
    let version = graph_version(&store, &m.graph).unwrap();
    assert_eq!(version, "1 test 2026-12-06T00:00:00Z");
}

#[test]
fn a_documents_own_statements_replace_claims_about_it_and_are_handed_back() {
    let store = Store::new().unwrap();
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

fn parse_quad(nq: &str) -> Quad {
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(format!("{nq} .").as_bytes())
        .next()
        .unwrap()
        .unwrap()
}
