//! The dataset a query runs over: the query's own `FROM` and `FROM NAMED`, the SPARQL 1.1
//! Protocol's `default-graph-uri` and `named-graph-uri` in their place, `query --graph` and
//! `query --wahlperiode`, a period's graphs named as one; without any of them, the union of all
//! graphs.

use crate::common::*;
use crate::endpoint::{agent, serve};

const G18_15: &str = "https://landtag-lod.example/graph/plenarprotokoll/18/15";
const SHARED: &str = "https://landtag-lod.example/graph/gemeinsam";
const COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

fn number(csv: &str) -> usize {
    csv.lines()
        .nth(1)
        .expect("a row")
        .trim()
        .parse()
        .expect("a number")
}

fn count(store: &std::path::Path, query: &str, flags: &[&str]) -> usize {
    let mut args = vec!["query", "--store", s(store), query, "--format", "csv"];
    args.extend_from_slice(flags);
    number(&stdout(&ok(&args)))
}

#[test]
fn the_query_names_its_graphs_or_the_command_does() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let all = count(&store, COUNT, &[]);
    let in_graph = count(
        &store,
        &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{G18_15}> {{ ?s ?p ?o }} }}"),
        &[],
    );
    assert!(in_graph > 100 && in_graph < all, "{in_graph} of {all}");
    // FROM makes the default graph; it was the union of all graphs whatever the query said.
    let from = format!("SELECT (COUNT(*) AS ?n) FROM <{G18_15}> WHERE {{ ?s ?p ?o }}");
    assert_eq!(count(&store, &from, &[]), in_graph);
    // FROM NAMED alone: GRAPH reaches that graph only, the default graph is empty.
    let named = format!("SELECT (COUNT(DISTINCT ?g) AS ?n) FROM NAMED <{G18_15}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}");
    assert_eq!(count(&store, &named, &[]), 1);
    let empty = format!("SELECT (COUNT(*) AS ?n) FROM NAMED <{G18_15}> WHERE {{ ?s ?p ?o }}");
    assert_eq!(count(&store, &empty, &[]), 0);
    // --graph takes the place of FROM.
    assert_eq!(count(&store, COUNT, &["--graph", G18_15]), in_graph);
    assert_eq!(
        count(&store, &from, &["--graph", SHARED]),
        count(
            &store,
            &format!("SELECT (COUNT(*) AS ?n) FROM <{SHARED}> WHERE {{ ?s ?p ?o }}"),
            &[]
        )
    );

    // A named query over one Wahlperiode: its documents only, with the names they share.
    let rows = query_rows_over(&store, "documents", &["--wahlperiode", "17"]);
    let sources: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        sources,
        ["apr17-adi-61_2021-12-02.txt", "mmd17-10377.txt"],
        "{rows:?}"
    );
    let speakers = query_rows_over(&store, "contributions", &["--wahlperiode", "18"]);
    assert!(
        speakers.iter().all(|r| r[0] == "mmp18-15_excerpt.txt"),
        "{speakers:?}"
    );
    assert!(
        speakers.iter().any(|r| r[3] == "Angela Freimuth"),
        "names from the shared graph"
    );

    let out = run(&[
        "query",
        "--store",
        s(&store),
        "documents",
        "--wahlperiode",
        "5",
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no document of Wahlperiode 5"),
        "{}",
        stderr(&out)
    );
    let out = run(&[
        "query",
        "--store",
        s(&store),
        COUNT,
        "--graph",
        "kein Graph",
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("`kein Graph` is no IRI"),
        "{}",
        stderr(&out)
    );
}

/// `{base}/graph/wahlperiode/N` names a period's graphs together, wherever a graph is named.
#[test]
fn a_period_is_named_as_one_graph() {
    let dir = tempdir();
    let store = ingested(dir.path());
    const P17: &str = "https://landtag-lod.example/graph/wahlperiode/17";
    const P18: &str = "https://landtag-lod.example/graph/wahlperiode/18";
    let by_flag = count(&store, COUNT, &["--wahlperiode", "17"]);
    let from = format!("SELECT (COUNT(*) AS ?n) FROM <{P17}> WHERE {{ ?s ?p ?o }}");
    assert_eq!(count(&store, &from, &[]), by_flag);
    assert_eq!(count(&store, COUNT, &["--graph", P17]), by_flag);
    let all = count(&store, COUNT, &[]);
    let p18 = count(&store, COUNT, &["--graph", P18]);
    let shared = count(
        &store,
        &format!("SELECT (COUNT(*) AS ?n) FROM <{SHARED}> WHERE {{ ?s ?p ?o }}"),
        &[],
    );
    let cabinets = count(
        &store,
        "SELECT (COUNT(*) AS ?n) FROM <https://landtag-lod.example/graph/kabinett> WHERE { ?s ?p ?o }",
        &[],
    );
    assert!(cabinets > 500, "{cabinets}");
    // Each period reads the shared graph once: the two periods hold all documents' triples;
    // the cabinets' graph (reference data, no period's) stands beside them.
    assert_eq!(
        by_flag + p18 - shared,
        all - cabinets,
        "{by_flag} + {p18} - {shared}"
    );
    // FROM NAMED: GRAPH ?g reaches the period's document graphs and the shared graph.
    let graphs = query_rows_over(
        &store,
        &format!(
            "SELECT DISTINCT ?g FROM NAMED <{P18}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} ORDER BY ?g"
        ),
        &[],
    );
    let graphs: Vec<&str> = graphs.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(graphs, [SHARED, G18_15], "{graphs:?}");
    // A period the store holds nothing of is an empty dataset.
    let none = "SELECT (COUNT(*) AS ?n) FROM <https://landtag-lod.example/graph/wahlperiode/5> \
                WHERE { ?s ?p ?o }";
    assert_eq!(count(&store, none, &[]), 0);

    // The endpoint reads the name as default-graph-uri.
    let server = serve(&store, &[]);
    let mut r = agent()
        .get(format!("{}/sparql", server.url))
        .query("query", COUNT)
        .query("default-graph-uri", P17)
        .header("Accept", "text/csv")
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(number(&r.body_mut().read_to_string().unwrap()), by_flag);
}

fn query_rows_over(store: &std::path::Path, q: &str, flags: &[&str]) -> Vec<Vec<String>> {
    let mut args = vec!["query", "--store", s(store), q, "--format", "json"];
    args.extend_from_slice(flags);
    result_rows(&stdout(&ok(&args)))
        .into_iter()
        .map(|row| row.into_iter().map(|(value, _)| value).collect())
        .collect()
}

#[test]
fn the_endpoint_takes_the_protocols_graph_parameters() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let in_graph = count(
        &store,
        &format!("SELECT (COUNT(*) AS ?n) FROM <{G18_15}> WHERE {{ ?s ?p ?o }}"),
        &[],
    );
    let server = serve(&store, &[]);
    let endpoint = format!("{}/sparql", server.url);
    let answer = |mut r: ureq::http::Response<ureq::Body>| {
        (r.status().as_u16(), r.body_mut().read_to_string().unwrap())
    };
    let get = |params: &[(&str, &str)]| {
        let mut req = agent().get(&endpoint).header("Accept", "text/csv");
        for (k, v) in params {
            req = req.query(*k, *v);
        }
        answer(req.call().unwrap())
    };
    let (status, body) = get(&[("query", COUNT)]);
    assert_eq!(status, 200, "{body}");
    let all = number(&body);
    assert!(all > in_graph);
    let (status, body) = get(&[("query", COUNT), ("default-graph-uri", G18_15)]);
    assert_eq!((status, number(&body)), (200, in_graph), "{body}");
    // The parameters take the place of the query's FROM.
    let from_shared = format!("SELECT (COUNT(*) AS ?n) FROM <{SHARED}> WHERE {{ ?s ?p ?o }}");
    let (_, body) = get(&[("query", &from_shared), ("default-graph-uri", G18_15)]);
    assert_eq!(number(&body), in_graph, "{body}");
    let (_, body) = get(&[(
        "query",
        &format!("SELECT (COUNT(*) AS ?n) FROM <{G18_15}> WHERE {{ ?s ?p ?o }}"),
    )]);
    assert_eq!(number(&body), in_graph, "{body}");
    let (_, body) = get(&[
        (
            "query",
            "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        ),
        ("named-graph-uri", G18_15),
        ("named-graph-uri", SHARED),
    ]);
    assert_eq!(number(&body), 2, "{body}");

    // POSTed: the query as the body with the graphs in the URL, or both in a form.
    let url = format!(
        "{endpoint}?default-graph-uri={}",
        G18_15.replace(':', "%3A").replace('/', "%2F")
    );
    let r = agent()
        .post(&url)
        .header("Content-Type", "application/sparql-query")
        .header("Accept", "text/csv")
        .send(COUNT)
        .unwrap();
    let (status, body) = answer(r);
    assert_eq!((status, number(&body)), (200, in_graph), "{body}");
    let r = agent()
        .post(&endpoint)
        .header("Accept", "text/csv")
        .send_form([("query", COUNT), ("default-graph-uri", G18_15)])
        .unwrap();
    let (status, body) = answer(r);
    assert_eq!((status, number(&body)), (200, in_graph), "{body}");

    let (status, body) = get(&[("query", COUNT), ("default-graph-uri", "kein Graph")]);
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("default-graph-uri"), "{body}");
}

/// Without a query, the endpoint describes itself (SPARQL 1.1 Service Description), in Turtle
/// by default: rdflib reads it and finds the endpoint, the language, the union default graph and
/// the dataset's VoID.
#[test]
fn the_endpoint_describes_itself() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server = serve(&store, &[]);
    let mut r = agent()
        .get(format!("{}/sparql", server.url))
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let media = r
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(media.starts_with("text/turtle"), "{media}");
    let file = dir.path().join("sd.ttl");
    std::fs::write(&file, r.body_mut().read_to_string().unwrap()).unwrap();
    let out = python(
        "import sys, rdflib
g = rdflib.Graph().parse(sys.argv[1], format='turtle')
q = '''PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?lang ?feature ?about WHERE { ?s a sd:Service ; sd:endpoint ?e ; sd:supportedLanguage ?lang ;
  sd:feature ?feature ; sd:defaultDataset ?d . ?d rdfs:seeAlso ?about . FILTER(CONTAINS(STR(?about), 'void')) }'''
for row in g.query(q): print(' '.join(str(v) for v in row))
print(len(list(g.triples((None, rdflib.URIRef('http://www.w3.org/ns/sparql-service-description#resultFormat'), None)))))",
        &[s(&file)],
    );
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "https://landtag-lod.example/sparql http://www.w3.org/ns/sparql-service-description#SPARQL11Query \
             http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph \
             https://landtag-lod.example/.well-known/void"
        ),
        "{out}"
    );
    assert_eq!(lines.last(), Some("7"), "{out}");
    // Asked as JSON-LD, it is JSON.
    let mut r = agent()
        .get(format!("{}/sparql", server.url))
        .header("Accept", "application/ld+json")
        .call()
        .unwrap();
    let _: serde_json::Value = serde_json::from_str(&r.body_mut().read_to_string().unwrap())
        .expect("the description as JSON-LD");
}
