//! Beschlussprotokolle (PlBPr), the Landtag's record of each decision of a sitting: read through
//! the real binary into a real store, alone and beside the sitting's plenary protocol, asked
//! with the named queries and validated against the shapes.

use crate::common::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/text").join(name)
}

fn ingest(store: &Path, files: &[&str]) {
    for f in files {
        ok(&["ingest", s(&fixture(f)), "--store", s(store)]);
    }
}

/// The triples that stand in more than one graph (the store's invariant says none).
fn in_two_graphs(store: &Path) -> Vec<Vec<String>> {
    query_rows(
        store,
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?s ?p ?o \
         HAVING (COUNT(DISTINCT ?g) > 1) LIMIT 10",
    )
}

#[test]
fn a_record_gives_each_decision_with_the_positions_it_records() {
    let dir = tempdir();
    let store = dir.path().join("store");
    ingest(&store, &["mmpb18-99-written.txt"]);
    let votes = query_rows(
        &store,
        &std::fs::read_to_string(repo().join("queries/votes.rq")).unwrap(),
    );
    let has = |row: &[&str]| votes.iter().any(|r| r[1..] == *row);
    // source item subject result faction position
    assert!(
        has(&[
            "2",
            "Drucksache 18/9902",
            "rejected",
            "Christian Blex",
            "abstain"
        ]),
        "{votes:?}"
    );
    assert!(has(&[
        "4",
        "Drucksache 18/9800",
        "accepted",
        "SPD",
        "abstain"
    ]));
    assert!(has(&["5", "Drucksache 18/9905", "accepted", "SPD", "no"]));
    assert!(has(&["7", "Drucksache 18/9907", "accepted", "AfD", "yes"]));
    assert!(
        has(&["", "", "rejected", "AfD", "yes"]),
        "the motion before the agenda"
    );
    let calls = query_rows(
        &store,
        "SELECT ?s WHERE { ?s a <http://www.w3.org/ns/opengov#VoteEvent> }",
    );
    assert_eq!(calls.len(), 9);
    assert!(calls
        .iter()
        .all(|r| r[0].contains("/id/beschlussprotokoll/18/99/abstimmung/")));
    let docs = stdout(&ok(&["query", "--store", s(&store), "documents"]));
    assert!(
        docs.contains(
            "mmpb18-99-written.txt,Beschlussprotokoll,18/99,2025-03-12,Beschlussprotokoll 18/99"
        ),
        "{docs}"
    );
    let rc = stdout(&ok(&["query", "--store", s(&store), "roll-calls"]));
    assert!(rc.contains("Drucksache 18/9906,180,51,128,1"), "{rc}");
    let followed = query_rows(
        &store,
        "SELECT ?n WHERE { ?v <https://w3id.org/landtag-lod/ontology#gemaessEmpfehlung>/<http://data.europa.eu/eli/ontology#id_local> ?n } ORDER BY ?n",
    );
    assert_eq!(followed, [["18/9920"], ["18/9921"]]);
    assert_eq!(shacl(&store, dir.path()).trim(), "CONFORMS");
}

#[test]
fn a_protocol_and_its_record_share_the_sitting_and_their_disagreement_is_listed() {
    for order in [
        ["mmp16-99-written.txt", "mmpb16-99-written.txt"],
        ["mmpb16-99-written.txt", "mmp16-99-written.txt"],
    ] {
        let dir = tempdir();
        let store = dir.path().join("store");
        ingest(&store, &order);
        assert_eq!(
            in_two_graphs(&store),
            Vec::<Vec<String>>::new(),
            "{order:?}"
        );
        // The record: the PIRATEN abstained on the whole of 16/10710; the protocol read them
        // as voting against. Every other position and result agrees.
        let got = stdout(&ok(&["query", "--store", s(&store), "record-checks"]));
        assert_eq!(
            got.lines().collect::<Vec<_>>(),
            [
                "source,subject,check,detail",
                "mmp16-99-written.txt,Drucksache 16/10710,vote-contradicts-record,PIRATEN: no; the Beschlussprotokoll: abstain"
            ],
            "{order:?}"
        );
        // One sitting, described once: its number and date as the protocol states them.
        let sitting = query_rows(
            &store,
            "SELECT ?n WHERE { <https://landtag-lod.example/id/plenum/sitzung/16/99> <https://w3id.org/landtag-lod/ontology#sitzungsnummer> ?n }",
        );
        assert_eq!(sitting, [["99"]]);
        assert_eq!(shacl(&store, dir.path()).trim(), "CONFORMS", "{order:?}");
    }
    // The protocol alone: nothing to hold it against.
    let dir = tempdir();
    let store = dir.path().join("store");
    ingest(&store, &["mmp16-99-written.txt"]);
    let got = stdout(&ok(&["query", "--store", s(&store), "record-checks"]));
    assert_eq!(got.trim(), "source,subject,check,detail");
}

#[test]
fn a_sittings_page_shows_the_protocols_votes_and_the_records_decisions_apart() {
    let dir = tempdir();
    let store = dir.path().join("store");
    ingest(&store, &["mmp16-99-written.txt", "mmpb16-99-written.txt"]);
    let server = crate::endpoint::serve(&store, &[]);
    let get = |path: &str, accept: &str| {
        crate::endpoint::agent()
            .get(format!("{}{path}", server.url))
            .header("Accept", accept)
            .call()
            .unwrap()
            .into_body()
            .read_to_string()
            .unwrap()
    };
    let page = get("/id/plenum/sitzung/16/99", "text/html");
    // Four votes each: the protocol's, and the record's marked as its.
    let marked = page.matches("(laut Beschlussprotokoll)").count();
    assert_eq!(marked, 4, "{page}");
    assert!(
        page.contains("Abstimmung über Drucksache 16/10710, Ziffer II<"),
        "{page}"
    );
    assert!(
        page.contains("Abstimmung über Drucksache 16/10710, Ziffer II (laut Beschlussprotokoll)")
    );
    // The record's own page: a document about the sitting.
    let record = get("/id/beschlussprotokoll/16/99", "text/turtle");
    assert!(record.contains("lt:Beschlussprotokoll"), "{record}");
    // The disagreement the record reveals, on the pages of the sitting, the protocol, the
    // record and the vote itself; on no other vote's.
    let planted = "PIRATEN: no; the Beschlussprotokoll: abstain";
    for path in [
        "/id/plenum/sitzung/16/99",
        "/id/plenarprotokoll/16/99",
        "/id/beschlussprotokoll/16/99",
    ] {
        let page = get(path, "text/html");
        assert!(
            page.contains("Widerspruch zum Beschlussprotokoll"),
            "{path}: {page}"
        );
        assert_eq!(page.matches(planted).count(), 1, "{path}: {page}");
    }
    let votes = query_rows(
        &store,
        "SELECT ?v WHERE { ?v a <http://www.w3.org/ns/opengov#VoteEvent> ; \
         <http://www.w3.org/ns/prov#wasDerivedFrom> <https://landtag-lod.example/id/plenarprotokoll/16/99> } ORDER BY ?v",
    );
    let with_it: Vec<&String> = votes
        .iter()
        .map(|r| &r[0])
        .filter(|v| {
            let path = v.trim_start_matches("https://landtag-lod.example");
            get(path, "text/html").contains(planted)
        })
        .collect();
    assert_eq!(with_it.len(), 1, "{votes:?}");
}

/// The catalogue counts the disagreements between protocol and record per dataset.
#[test]
fn the_catalogue_counts_the_records_disagreements() {
    let dir = tempdir();
    let store = dir.path().join("store");
    ingest(&store, &["mmp16-99-written.txt", "mmpb16-99-written.txt"]);
    let counts = catalogue_measurements(&store, dir.path(), "/widersprueche-beschlussprotokoll");
    let n = |ds: &str| {
        counts
            .iter()
            .find(|(d, _)| d.ends_with(ds))
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(n("/landtag-nrw"), Some("1"), "{counts:?}");
    assert_eq!(n("/wahlperiode-16"), Some("1"), "{counts:?}");
}
