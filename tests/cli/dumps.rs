//! Dumps: stable bytes, idempotent ingest, SHACL-valid, parseable to the store's count, and
//! the Turtle and N-Quads dumps isomorphic (sophia).

use crate::common::*;
use sophia_api::source::TripleSource;
use sophia_api::term::{SimpleTerm, Term as _};
use std::collections::BTreeSet;

fn triple_count(store: &std::path::Path) -> usize {
    let out = stdout(&ok(&[
        "query",
        "--store",
        s(store),
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
    ]));
    out.lines().nth(1).unwrap().trim().parse().unwrap()
}

#[test]
fn two_dumps_are_byte_identical_and_reingest_changes_nothing() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let a = dir.path().join("a.ttl");
    let b = dir.path().join("b.ttl");
    ok(&["dump", "--store", s(&store), "--out", s(&a)]);
    ok(&["dump", "--store", s(&store), "--out", s(&b)]);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());

    let again = ok(&["ingest", s(&corpus()), "--store", s(&store)]);
    let report = stderr(&again);
    assert_eq!(report.matches("(unchanged)").count(), 3, "{report}");
    let c = dir.path().join("c.ttl");
    ok(&["dump", "--store", s(&store), "--out", s(&c)]);
    assert_eq!(
        std::fs::read(&a).unwrap(),
        std::fs::read(&c).unwrap(),
        "a second ingest changed triples"
    );

    // A fresh store from the same files gives the same triples, conversion times aside.
    let other = dir.path().join("other");
    ok(&["ingest", s(&corpus()), "--store", s(&other)]);
    let d = dir.path().join("d.nq");
    let e = dir.path().join("e.nq");
    ok(&["dump", "--store", s(&store), "--out", s(&d)]);
    ok(&["dump", "--store", s(&other), "--out", s(&e)]);
    let strip = |p: &std::path::Path| -> Vec<String> {
        std::fs::read_to_string(p)
            .unwrap()
            .lines()
            .filter(|l| !l.contains("generatedAtTime"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        strip(&d),
        strip(&e),
        "IRIs or triples depend on ingest order or time"
    );
}

#[test]
fn gzip_dumps_are_stable_too() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let a = dir.path().join("a.nq.gz");
    let b = dir.path().join("b.nq.gz");
    ok(&["dump", "--store", s(&store), "--out", s(&a)]);
    ok(&["dump", "--store", s(&store), "--out", s(&b)]);
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(&bytes[..2], b"\x1f\x8b", "gzip magic");
    assert_eq!(bytes, std::fs::read(&b).unwrap());
}

#[test]
fn dump_is_shacl_valid_and_parses_to_the_store_count() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let ttl = dir.path().join("dump.ttl");
    ok(&["dump", "--store", s(&store), "--out", s(&ttl)]);
    let count = triple_count(&store);
    assert!(count > 800, "{count}");
    let parsed = python(
        "import sys, rdflib; g = rdflib.Graph(); g.parse(sys.argv[1], format='turtle'); print(len(g))",
        &[s(&ttl)],
    );
    assert_eq!(
        parsed.trim().parse::<usize>().unwrap(),
        count,
        "rdflib's count"
    );
    let report = shacl_report(&ttl);
    assert_eq!(report.trim(), "CONFORMS", "{report}");
}

#[test]
fn shapes_catch_a_broken_dump() {
    // The shapes are not vacuous: a speech without its position is reported.
    let dir = tempdir();
    let store = ingested(dir.path());
    let ttl = dir.path().join("dump.ttl");
    ok(&["dump", "--store", s(&store), "--out", s(&ttl)]);
    let report = python(
        "import sys, pyshacl, rdflib\n\
         data = rdflib.Graph().parse(sys.argv[1], format='turtle')\n\
         data.remove((None, rdflib.URIRef('http://schema.org/position'), None))\n\
         shapes = rdflib.Graph().parse(sys.argv[2], format='turtle')\n\
         ok, _, _ = pyshacl.validate(data, shacl_graph=shapes, inference='none')\n\
         print('CONFORMS' if ok else 'VIOLATES')",
        &[s(&ttl), s(&repo().join("ontology/shapes.ttl"))],
    );
    assert_eq!(report.trim(), "VIOLATES");
}

type Triple3 = [SimpleTerm<'static>; 3];

fn sophia_triples(path: &std::path::Path) -> Vec<Triple3> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out: Vec<Triple3> = Vec::new();
    if path.extension().is_some_and(|e| e == "nq") {
        use sophia_api::source::QuadSource;
        sophia_turtle::parser::nq::parse_str(&text)
            .for_each_quad(|q| {
                use sophia_api::quad::Quad;
                let [s, p, o] = q.to_spog().0;
                out.push([s.into_term(), p.into_term(), o.into_term()]);
            })
            .unwrap();
    } else {
        sophia_turtle::parser::turtle::parse_str(&text)
            .for_each_triple(|t| {
                use sophia_api::triple::Triple;
                let [s, p, o] = t.to_spo();
                out.push([s.into_term(), p.into_term(), o.into_term()]);
            })
            .unwrap();
    }
    out
}

#[test]
fn turtle_and_nquads_dumps_hold_the_same_graph() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let ttl = dir.path().join("dump.ttl");
    let nq = dir.path().join("dump.nq");
    ok(&["dump", "--store", s(&store), "--out", s(&ttl)]);
    ok(&["dump", "--store", s(&store), "--out", s(&nq)]);
    let a: BTreeSet<Triple3> = sophia_triples(&ttl).into_iter().collect();
    let b: BTreeSet<Triple3> = sophia_triples(&nq).into_iter().collect();
    let a: Vec<Triple3> = a.into_iter().collect();
    let b: Vec<Triple3> = b.into_iter().collect();
    assert!(
        sophia_isomorphism::isomorphic_graphs(&a, &b).unwrap(),
        "Turtle and N-Quads dumps differ"
    );
}

#[test]
fn convert_output_is_the_stored_graph() {
    // `convert` (no store) and `ingest` yield isomorphic graphs for a document.
    let dir = tempdir();
    let store = ingested(dir.path());
    let doc = corpus().join("mmp18-15_excerpt.txt");
    let ttl = dir.path().join("convert.ttl");
    std::fs::write(&ttl, ok(&["convert", s(&doc)]).stdout).unwrap();
    let graph = "https://landtag-lod.example/graph/plenarprotokoll/18/15";
    let construct = |name: &str, q: String| {
        let path = dir.path().join(name);
        let out = ok(&["query", "--store", s(&store), &q, "--format", "turtle"]).stdout;
        std::fs::write(&path, out).unwrap();
        sophia_triples(&path)
            .into_iter()
            .collect::<BTreeSet<Triple3>>()
    };
    // The document's own graph, without the store's bookkeeping (what it mentions, the claims
    // it supports) …
    let own = construct("own.ttl", format!("PREFIX lt: <https://w3id.org/landtag-lod/ontology#> CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} FILTER(?p NOT IN (<http://www.w3.org/ns/prov#generatedAtTime>, lt:nennt, lt:stuetzt)) }}"));
    // … and the shared statements about what it mentions.
    let shared = construct("shared.ttl", format!("PREFIX lt: <https://w3id.org/landtag-lod/ontology#> CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ <{graph}> lt:nennt ?s }} GRAPH <https://landtag-lod.example/graph/gemeinsam> {{ ?s ?p ?o }} }}"));
    let gen = |t: &Triple3| format!("{:?}", t[1]).contains("generatedAtTime");
    let a: BTreeSet<Triple3> = sophia_triples(&ttl)
        .into_iter()
        .filter(|t| !gen(t))
        .collect();
    assert!(a.len() > 300, "{}", a.len());
    // Everything the store holds as the document's own is what `convert` says …
    let missing: Vec<_> = own.difference(&a).collect();
    assert!(missing.is_empty(), "stored, not converted: {missing:#?}");
    // … and what `convert` says that is not its own stands in the shared graph.
    let claims: Vec<&Triple3> = a.difference(&own).collect();
    assert!(claims.len() > 20, "{}", claims.len());
    let lost: Vec<_> = claims.iter().filter(|t| !shared.contains(**t)).collect();
    assert!(lost.is_empty(), "converted, not stored: {lost:#?}");
    // JSON-LD output parses too (rdflib), to the same number of triples.
    let jsonld = dir.path().join("convert.jsonld");
    std::fs::write(
        &jsonld,
        ok(&["convert", s(&doc), "--format", "jsonld"]).stdout,
    )
    .unwrap();
    let n = python("import sys, rdflib; g = rdflib.Dataset(); g.parse(sys.argv[1], format='json-ld'); print(len(list(g.quads())))", &[s(&jsonld)]);
    assert_eq!(n.trim().parse::<usize>().unwrap(), a.len() + 1);
}

#[test]
fn every_class_published_has_a_shape() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let out = stdout(&ok(&[
        "query",
        "--store",
        s(&store),
        "SELECT DISTINCT ?class WHERE { ?x a ?class } ORDER BY ?class",
    ]));
    let classes: Vec<&str> = out.lines().skip(1).collect();
    assert!(classes.len() > 15, "{classes:?}");
    let shapes = python(
        "import sys, rdflib\n\
         g = rdflib.Graph().parse(sys.argv[1], format='turtle')\n\
         for o in sorted(set(g.objects(None, rdflib.URIRef('http://www.w3.org/ns/shacl#targetClass')))): print(o)",
        &[s(&repo().join("ontology/shapes.ttl"))],
    );
    let targets: Vec<&str> = shapes.lines().collect();
    let missing: Vec<&&str> = classes
        .iter()
        .filter(|c| !targets.contains(&c.trim()))
        .collect();
    assert!(missing.is_empty(), "classes without a shape: {missing:?}");
}

/// The named queries' tables in the dump set: RFC 4180 CSV in UTF-8 whose header is the
/// query's columns, one per period (and the whole store's persons and cabinets), listed in the
/// manifest with their rows, byte-identical when the data did not change.
#[test]
fn csv_tables_are_valid_csv_with_the_queries_columns_and_stable() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let out = dir.path().join("set");
    ok(&[
        "dump",
        "--store",
        s(&store),
        "--out",
        &format!("{}/", out.display()),
    ]);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let tables: Vec<&serde_json::Value> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["format"] == "csv")
        .collect();
    let names: Vec<&str> = tables.iter().map(|e| e["file"].as_str().unwrap()).collect();
    for want in [
        "wahlperiode-18.votes.csv",
        "wahlperiode-17.contributions.csv",
        "landtag-nrw.persons.csv",
        "landtag-nrw.cabinets.csv",
    ] {
        assert!(names.contains(&want), "{want}: {names:?}");
    }
    let check = "import csv, io, sys, json\n\
        raw = open(sys.argv[1], 'rb').read()\n\
        text = raw.decode('utf-8')\n\
        assert '\\n' not in text.replace('\\r\\n', ''), 'lines end in CRLF'\n\
        rows = list(csv.reader(io.StringIO(text, newline=''), strict=True))\n\
        print(json.dumps({'header': rows[0], 'rows': len(rows) - 1, 'widths': sorted({len(r) for r in rows})}))";
    for e in &tables {
        let file = out.join(e["file"].as_str().unwrap());
        let got: serde_json::Value = serde_json::from_str(&python(check, &[s(&file)])).unwrap();
        let table = e["table"].as_str().unwrap();
        let rq = std::fs::read_to_string(repo().join(format!("queries/{table}.rq"))).unwrap();
        let select = rq.lines().find(|l| l.starts_with("SELECT")).unwrap();
        let columns = projected(select);
        assert_eq!(got["header"], serde_json::json!(columns), "{table}");
        assert_eq!(got["rows"], e["statements"], "{table}");
        assert_eq!(
            got["widths"],
            serde_json::json!([columns.len()]),
            "{table}: every row as wide as the header"
        );
    }
    // A period's table (from the listings) holds the rows the engine gives over the period.
    for (table, period) in [
        ("contributions", "18"),
        ("votes", "17"),
        ("interjections", "18"),
    ] {
        let file = out.join(format!("wahlperiode-{period}.{table}.csv"));
        let mut listed: Vec<String> = std::fs::read_to_string(file)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect();
        let engine = stdout(&ok(&[
            "query",
            "--store",
            s(&store),
            table,
            "--wahlperiode",
            period,
            "--format",
            "csv",
        ]));
        let mut engine: Vec<String> = engine.lines().map(str::to_owned).collect();
        listed.sort();
        engine.sort();
        assert!(listed.len() > 1, "{table} {period}: no rows");
        assert_eq!(listed, engine, "{table} of Wahlperiode {period}");
    }
    let votes = std::fs::read(out.join("wahlperiode-18.votes.csv")).unwrap();
    let again = dir.path().join("again");
    ok(&[
        "dump",
        "--store",
        s(&store),
        "--out",
        &format!("{}/", again.display()),
    ]);
    assert_eq!(
        votes,
        std::fs::read(again.join("wahlperiode-18.votes.csv")).unwrap()
    );
}

/// The columns a `SELECT` line projects: its variables outside parentheses and those named by
/// `AS` (`SELECT ?a (MIN(?n) AS ?b)` gives a, b).
fn projected(select: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut depth, mut previous) = (0i32, "");
    for w in select.split_whitespace() {
        if w.starts_with('?') && (depth == 0 || previous == "AS") {
            out.push(w.trim_start_matches('?').trim_end_matches(')').to_owned());
        }
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        previous = w;
    }
    out
}
