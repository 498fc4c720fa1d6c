//! The SPARQL endpoint as a real process on loopback.

use crate::common::*;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    child: Child,
    pub url: String,
}

impl Server {
    /// The server process's id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve(store: &std::path::Path, extra: &[&str]) -> Server {
    let mut child = bin()
        .args(["serve", "--store", s(store), "--bind", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches('/')
        .to_owned();
    Server { child, url }
}

/// An HTTP client that returns error statuses as answers, with a generous timeout.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

struct Reply {
    status: u16,
    content_type: String,
    body: String,
    cors: Option<String>,
    retry_after: Option<String>,
}

fn get(url: &str, query: &str, accept: &str) -> Reply {
    let r = agent()
        .get(url)
        .query("query", query)
        .header("Accept", accept)
        .header("Origin", "http://example.org")
        .call()
        .unwrap();
    reply(r)
}

fn reply(mut r: ureq::http::Response<ureq::Body>) -> Reply {
    let content_type = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let header = |name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let cors = header("access-control-allow-origin");
    let retry_after = header("retry-after");
    Reply {
        status: r.status().as_u16(),
        content_type,
        cors,
        retry_after,
        body: r.body_mut().read_to_string().unwrap(),
    }
}

const COUNT_SPEECHES: &str = "PREFIX opengov: <http://www.w3.org/ns/opengov#> SELECT (COUNT(*) AS ?n) WHERE { ?c a opengov:Speech }";

#[test]
fn sparql_protocol() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server = serve(&store, &[]);
    let endpoint = format!("{}/sparql", server.url);

    let r = get(&endpoint, COUNT_SPEECHES, "application/sparql-results+json");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r
        .content_type
        .starts_with("application/sparql-results+json"));
    let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    let n: usize = json["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(n > 40, "{n}");
    assert_eq!(r.cors.as_deref(), Some("*"), "CORS on GET");

    let r = get(&endpoint, COUNT_SPEECHES, "text/csv");
    assert_eq!((r.status, r.content_type.as_str()), (200, "text/csv"));
    assert_eq!(r.body.replace('\r', ""), format!("n\n{n}\n"));

    let r = get(
        &endpoint,
        COUNT_SPEECHES,
        "text/tab-separated-values;q=0.5, application/sparql-results+xml",
    );
    assert!(
        r.content_type.starts_with("application/sparql-results+xml"),
        "{}",
        r.content_type
    );

    let construct = "PREFIX eli: <http://data.europa.eu/eli/ontology#> CONSTRUCT { ?d eli:id_local ?n } WHERE { ?d eli:id_local ?n }";
    let r = get(&endpoint, construct, "text/turtle");
    assert_eq!((r.status, r.content_type.as_str()), (200, "text/turtle"));
    assert!(r.body.contains("\"17/10377\""), "{}", r.body);
    let r = get(&endpoint, construct, "application/ld+json");
    assert_eq!(r.status, 200);
    let _: serde_json::Value = serde_json::from_str(&r.body).expect("JSON-LD is JSON");

    let r = get(&endpoint, "ASK { ?s ?p ?o }", "");
    assert!(r.body.contains("true"), "{}", r.body);

    // POST, form-encoded and direct.
    let r = reply(
        agent()
            .post(&endpoint)
            .header("Accept", "text/csv")
            .send_form([("query", COUNT_SPEECHES)])
            .unwrap(),
    );
    assert_eq!(r.body.replace('\r', ""), format!("n\n{n}\n"));
    let r = reply(
        agent()
            .post(&endpoint)
            .header("Content-Type", "application/sparql-query")
            .header("Accept", "text/csv")
            .send(COUNT_SPEECHES)
            .unwrap(),
    );
    assert_eq!(r.body.replace('\r', ""), format!("n\n{n}\n"));

    // Malformed: 400 with the parser's message.
    let r = get(&endpoint, "SELECT WHERE {", "");
    assert_eq!(r.status, 400);
    assert!(r.body.contains("SPARQL syntax error"), "{}", r.body);
    // No query: a GET gets the service description (dataset.rs), a POST is refused.
    let r = reply(
        agent()
            .post(&endpoint)
            .send_form([("format", "csv")])
            .unwrap(),
    );
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("no `query` parameter"), "{}", r.body);

    // Updates are refused, however they come.
    let insert = "INSERT DATA { <http://a> <http://b> <http://c> }";
    assert_eq!(get(&endpoint, insert, "").status, 403);
    let r = reply(
        agent()
            .post(&endpoint)
            .send_form([("update", insert)])
            .unwrap(),
    );
    assert_eq!(r.status, 403);
    let r = reply(
        agent()
            .post(&endpoint)
            .header("Content-Type", "application/sparql-update")
            .send(insert)
            .unwrap(),
    );
    assert_eq!(r.status, 403);
    let r = get(&endpoint, "ASK { <http://a> <http://b> <http://c> }", "");
    assert!(r.body.contains("false"));

    // Malformed requests get 4xx, never a dropped connection.
    let r = reply(
        agent()
            .get(format!("{endpoint}?query=%FF%FE"))
            .call()
            .unwrap(),
    );
    assert_eq!(r.status, 400, "{}", r.body);
    let r = reply(
        agent()
            .post(&endpoint)
            .header("Content-Type", "application/sparql-query")
            .send(&b"SELECT \xff"[..])
            .unwrap(),
    );
    assert_eq!(r.status, 400);
    let r = reply(
        agent()
            .post(&endpoint)
            .header("Content-Type", "text/plain")
            .send("SELECT * {}")
            .unwrap(),
    );
    assert_eq!(r.status, 415);
    let r = get(
        &endpoint,
        COUNT_SPEECHES,
        "application/sparql-results+json;q=abc, text/csv;q=0",
    );
    assert_eq!(r.status, 200, "a malformed q falls back to 1: {}", r.body);
    let r = get(&endpoint, COUNT_SPEECHES, "application/sparql-results+json");
    assert_eq!(r.status, 200, "still answering");

    // Unacceptable formats and unknown routes.
    assert_eq!(get(&endpoint, COUNT_SPEECHES, "image/png").status, 406);
    let r = reply(
        agent()
            .get(format!("{}/nowhere", server.url))
            .call()
            .unwrap(),
    );
    assert_eq!(r.status, 404);

    // An HTML table for people: literals by value, IRIs as links.
    let docs = "PREFIX eli: <http://data.europa.eu/eli/ontology#> SELECT ?d ?date WHERE { ?d eli:id_local \"17/10377\" ; eli:date_document ?date }";
    let r = reply(
        agent()
            .get(&endpoint)
            .query("query", docs)
            .query("format", "html")
            .call()
            .unwrap(),
    );
    assert!(
        r.content_type.starts_with("text/html"),
        "{}",
        r.content_type
    );
    assert!(r.body.contains("<td>2020-07-30</td>"), "{}", r.body);
    assert!(
        r.body
            .contains("<a href=\"https://landtag-lod.example/id/drucksache/17/10377\">"),
        "{}",
        r.body
    );

    // The query page lists the named queries.
    let r = reply(
        agent()
            .get(format!("{}/abfrage", server.url))
            .call()
            .unwrap(),
    );
    assert!(
        r.body.contains("contributions") && r.body.contains("<form"),
        "{}",
        r.body
    );
    let r = reply(
        agent()
            .get(format!("{}/queries/documents.rq", server.url))
            .call()
            .unwrap(),
    );
    assert!(
        r.body.contains("SELECT ?source ?kind ?number ?date ?title"),
        "{}",
        r.body
    );
}

#[test]
fn a_query_past_its_limit_is_stopped_and_frees_its_worker() {
    let dir = tempdir();
    let store = ingested(dir.path());
    // Two workers. During a slow query another query is answered; after the slow one is
    // stopped, a second slow query and a quick one run at once, which needs the first slow
    // query's worker back.
    let server = serve(&store, &["--timeout", "3", "--max-concurrent", "2"]);
    let endpoint = format!("{}/sparql", server.url);
    let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let spawn_slow = || {
        let e = endpoint.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            (get(&e, slow, "text/csv"), started.elapsed())
        })
    };
    let first = spawn_slow();
    std::thread::sleep(Duration::from_millis(300));
    let r = get(&endpoint, COUNT_SPEECHES, "text/csv");
    assert_eq!(
        r.status, 200,
        "answered while the slow query runs: {}",
        r.body
    );
    let (r, took) = first.join().unwrap();
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("time limit"), "{}", r.body);
    assert_eq!(r.retry_after.as_deref(), Some("5"), "load may change");
    assert!(took < Duration::from_secs(10), "took {took:?}");

    // A cancelled query stops at its next read of the store: about a second here on a busy
    // machine. Give it two, then hold the other worker with a second slow query.
    std::thread::sleep(Duration::from_secs(2));
    let second = spawn_slow();
    std::thread::sleep(Duration::from_millis(300));
    let r = get(&endpoint, COUNT_SPEECHES, "text/csv");
    assert_eq!(
        r.status, 200,
        "the first slow query's worker was not freed: {}",
        r.body
    );
    assert_eq!(second.join().unwrap().0.status, 503);
}

#[test]
fn a_query_over_its_memory_is_stopped_for_good_and_the_endpoint_goes_on() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server = serve(&store, &["--max-query-memory-mb", "8"]);
    let endpoint = format!("{}/sparql", server.url);
    // Every pair of statements about one subject, sorted: held whole before the first row.
    let greedy = "SELECT ?s ?p ?o ?q ?v WHERE { ?s ?p ?o . ?s ?q ?v } ORDER BY ?o ?v";
    let r = get(&endpoint, greedy, "text/csv");
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("8 MiB"), "names the limit: {}", r.body);
    assert!(r.body.contains("default-graph-uri"), "{}", r.body);
    assert_eq!(r.retry_after, None, "it would be stopped again");
    let r = get(&endpoint, COUNT_SPEECHES, "text/csv");
    assert_eq!(r.status, 200, "{}", r.body);
}

/// ORDER BY over every value of the store, of every type: an answer, not a panic (the engine's
/// order of mixed literals was no total order; vendor/README.md), and the order SPARQL gives
/// where it gives one: blank nodes, IRIs, then literals, numbers by value.
#[test]
fn ordering_mixed_values_is_answered() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server = serve(&store, &[]);
    let endpoint = format!("{}/sparql", server.url);
    let n = get(
        &endpoint,
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "text/csv",
    );
    let n: usize = n.body.lines().nth(1).unwrap().trim().parse().unwrap();
    for order in ["?o", "DESC(?o)", "?p ?o ?s"] {
        let q = format!("SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} ORDER BY {order}");
        let r = get(&endpoint, &q, "application/sparql-results+json");
        assert_eq!(r.status, 200, "ORDER BY {order}: {}", r.body);
        let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let rows = json["results"]["bindings"].as_array().unwrap().len();
        assert_eq!(rows, n, "ORDER BY {order}");
    }
    let values = r#"SELECT ?o WHERE { VALUES ?o { "abc" 10 "x"@de true 9 "5"
        "2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date> 2.5 <http://a.example/>
        "1e3"^^<http://www.w3.org/2001/XMLSchema#double> } } ORDER BY ?o"#;
    let out = stdout(&ok(&[
        "query",
        "--store",
        s(&store),
        values,
        "--format",
        "tsv",
    ]));
    let got: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(
        got,
        [
            "<http://a.example/>",
            "2.5",
            "9",
            "10",
            "\"1000\"^^<http://www.w3.org/2001/XMLSchema#double>",
            "\"5\"",
            "\"abc\"",
            "\"x\"@de",
            "true",
            "\"2020-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>"
        ],
        "{out}"
    );
}

#[test]
fn concurrent_queries_are_answered() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server = serve(&store, &["--max-concurrent", "2"]);
    let endpoint = format!("{}/sparql", server.url);
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let e = endpoint.clone();
            std::thread::spawn(move || get(&e, COUNT_SPEECHES, "text/csv").status)
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), 200);
    }
}

#[test]
fn iris_dereference_to_html_turtle_and_json_ld() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server = serve(&store, &[]);
    let at = |path: &str, accept: &str| {
        reply(
            agent()
                .get(format!("{}{path}", server.url))
                .header("Accept", accept)
                .call()
                .unwrap(),
        )
    };

    let r = at(
        "/id/drucksache/17/10377",
        "text/html,application/xhtml+xml,*/*;q=0.8",
    );
    assert_eq!(r.status, 200);
    assert!(r.content_type.starts_with("text/html"));
    assert!(
        r.body
            .contains("<h1>Digitalisierung in öffentlichen Arbeitsbereichen des Landes NRW</h1>"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("href=\"/id/drucksache/17/9399\""),
        "links stay on this server: {}",
        r.body
    );

    let r = at("/id/drucksache/17/10377", "text/turtle");
    assert_eq!((r.status, r.content_type.as_str()), (200, "text/turtle"));
    assert!(r.body.contains("eli:id_local \"17/10377\""), "{}", r.body);
    assert_eq!(
        r.body.matches("eli:id_local").count(),
        1,
        "each statement once: {}",
        r.body
    );

    let r = at("/id/person/christina-kampmann", "application/ld+json");
    assert_eq!(r.status, 200);
    let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert!(json.to_string().contains("Christina Kampmann"), "{json}");

    let r = reply(
        agent()
            .get(format!(
                "{}/id/person/christina-kampmann?format=turtle",
                server.url
            ))
            .call()
            .unwrap(),
    );
    assert!(
        r.body.contains("foaf:name \"Christina Kampmann\""),
        "{}",
        r.body
    );

    assert_eq!(at("/id/person/nobody-at-all", "text/turtle").status, 404);
    assert_eq!(at("/id/person/nobody-at-all", "text/html").status, 404);
}
