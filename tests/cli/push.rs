//! `push`: the store's graphs into other quad stores over the SPARQL 1.1 Graph Store Protocol:
//! oxigraph's server (PyPI `oxigraph`) and Virtuoso 7 (Debian `virtuoso-opensource-7-bin`),
//! each started here on loopback. The named queries give the same rows there as here.

use crate::common::*;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until `url` answers 200.
fn wait_up(url: &str, server: &mut Running) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if let Ok(r) = crate::endpoint::agent().get(url).call() {
            if r.status() == 200 {
                return;
            }
        }
        assert!(server.0.try_wait().unwrap().is_none(), "the server stopped");
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("{url} did not come up");
}

pub fn oxigraph_server(dir: &Path) -> (Running, String) {
    let bin = tool("oxigraph", "pip install oxigraph");
    let port = free_port();
    let child = Command::new(bin)
        .args(["serve", "--location", s(&dir.join("oxigraph")), "--bind"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("--union-default-graph")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut running = Running(child);
    let base = format!("http://127.0.0.1:{port}");
    wait_up(&format!("{base}/query?query=ASK%7B%7D"), &mut running);
    (running, base)
}

fn virtuoso(dir: &Path) -> (Running, String) {
    let bin = tool("virtuoso-t", "apt-get install virtuoso-opensource-7-bin");
    let db = dir.join("virtuoso");
    std::fs::create_dir_all(&db).unwrap();
    let (sql, http) = (free_port(), free_port());
    let ini = format!(
        "[Database]\nDatabaseFile = {d}/v.db\nErrorLogFile = {d}/v.log\nLockFile = {d}/v.lck\n\
         TransactionFile = {d}/v.trx\nxa_persistent_file = {d}/v.pxa\nMaxCheckpointRemap = 2000\n\
         Striping = 0\nTempStorage = TempDatabase\n\n[TempDatabase]\nDatabaseFile = {d}/t.db\n\
         TransactionFile = {d}/t.trx\nMaxCheckpointRemap = 2000\nStriping = 0\n\n\
         [Parameters]\nServerPort = 127.0.0.1:{sql}\nDirsAllowed = ., {d}\nNumberOfBuffers = 10000\n\
         MaxDirtyBuffers = 6000\n\n[HTTPServer]\nServerPort = 127.0.0.1:{http}\n\
         ServerRoot = {d}\nMaxClientConnections = 4\n\n[SPARQL]\nResultSetMaxRows = 1000000\n\
         MaxQueryExecutionTime = 120\n",
        d = db.display()
    );
    std::fs::write(db.join("virtuoso.ini"), ini).unwrap();
    let child = Command::new(bin)
        .args(["-f", "-c", "virtuoso.ini"])
        .current_dir(&db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut running = Running(child);
    let base = format!("http://127.0.0.1:{http}");
    wait_up(&format!("{base}/sparql?query=ASK%7B%7D"), &mut running);
    (running, base)
}

/// A SELECT's rows at a SPARQL endpoint, as sorted lines of lexical values.
pub fn remote_rows(endpoint: &str, query: &str) -> Vec<String> {
    let mut r = crate::endpoint::agent()
        .post(endpoint)
        .header("Accept", "application/sparql-results+json")
        .send_form([("query", query)])
        .unwrap();
    let body = r.body_mut().read_to_string().unwrap();
    assert_eq!(r.status(), 200, "{endpoint}: {body}");
    json_rows(&body)
}

fn json_rows(body: &str) -> Vec<String> {
    let mut rows: Vec<String> = result_rows(body)
        .into_iter()
        .map(|row| {
            row.iter()
                .map(|(value, datatype)| normal(value, datatype))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect();
    rows.sort();
    rows
}

/// Numbers and booleans as one spelling (`1.0E0`, `true`/`1`): engines write them differently.
fn normal(v: &str, datatype: &str) -> String {
    if datatype.ends_with("#boolean") {
        return (v == "true" || v == "1").to_string();
    }
    match v.parse::<f64>() {
        Ok(x) if !v.contains('/') && !v.contains('-') => format!("{x}"),
        _ => v.to_owned(),
    }
}

fn local_rows(store: &Path, query: &str) -> Vec<String> {
    json_rows(&query_out(store, query, "json"))
}

fn named_queries() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(repo().join("queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rq"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn push(store: &Path, to: &str, extra: &[&str]) -> String {
    let mut args = vec!["push", "--store", s(store), "--to", to];
    args.extend_from_slice(extra);
    stderr(&ok(&args))
}

/// Pushes the store, compares every named query there with here, pushes again (nothing sent),
/// changes one document, pushes (its graph sent, nothing else).
fn round_trip(dir: &Path, store: &Path, gsp: &str, query: &str, auth: &[&str]) {
    let first = push(store, gsp, auth);
    assert!(first.contains(" 0 deleted"), "{first}");
    for (name, text) in named_queries() {
        let here = local_rows(store, &text);
        let there = remote_rows(query, &text);
        assert_eq!(here, there, "{name}: rows differ at {query}");
    }
    let again = push(store, gsp, auth);
    assert!(again.contains(": 0 graphs sent"), "{again}");

    // One document changed (a byte more): its graph alone is sent again.
    let doc = dir.join("mmd17-10377.txt");
    let text = std::fs::read_to_string(corpus().join("mmd17-10377.txt")).unwrap();
    std::fs::write(&doc, text + "\n").unwrap();
    ok(&["ingest", s(&doc), "--store", s(store)]);
    let third = push(store, gsp, auth);
    assert!(third.contains(": 1 graphs sent"), "{third}");

    // A graph the record holds and the store no longer does is deleted there.
    let record = std::fs::read_dir(store.join("push"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let gone = "https://landtag-lod.example/graph/drucksache/17/1";
    let mut text = std::fs::read_to_string(&record).unwrap();
    text.push_str(&format!("{gone}\tsha256:old\n"));
    std::fs::write(&record, text).unwrap();
    let fourth = push(store, gsp, auth);
    assert!(
        fourth.contains(": 0 graphs sent") && fourth.contains(" 1 deleted"),
        "{fourth}"
    );
    assert!(!std::fs::read_to_string(&record)
        .unwrap()
        .contains(&format!("{gone}\t")));
}

#[test]
fn push_to_oxigraph_server() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let (_server, base) = oxigraph_server(dir.path());
    round_trip(
        dir.path(),
        &store,
        &format!("{base}/store"),
        &format!("{base}/query"),
        &[],
    );
}

#[test]
fn push_to_virtuoso_with_digest_auth() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let (_server, base) = virtuoso(dir.path());
    let gsp = format!("{base}/sparql-graph-crud-auth");
    let out = run(&[
        "push",
        "--store",
        s(&store),
        "--to",
        &gsp,
        "--user",
        "dba",
        "--password",
        "wrong",
    ]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains(&gsp) && err.contains("HTTP 401"), "{err}");
    assert!(
        !store.join("push").exists(),
        "a refused push wrote a record"
    );
    round_trip(
        dir.path(),
        &store,
        &format!("{base}/sparql-graph-crud-auth"),
        &format!("{base}/sparql"),
        &["--user", "dba", "--password", "dba"],
    );
}

#[test]
fn a_push_that_fails_names_the_url_and_keeps_the_record() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let (_server, base) = oxigraph_server(dir.path());
    // Port 1: nothing listens there (a port `free_port` gave back may be taken by a test that
    // runs beside this one, and then the push meets a server instead of a refusal).
    let closed = "http://127.0.0.1:1/store".to_owned();
    // A web server that answers HTML to everything (Python's, which refuses PUT with 501).
    let port = free_port();
    let mut html = Running(
        Command::new("python3")
            .args([
                "-m",
                "http.server",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
            ])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let html_url = format!("http://127.0.0.1:{port}/store");
    wait_up(&format!("http://127.0.0.1:{port}/"), &mut html);
    for (url, says) in [
        (closed.as_str(), "Connect"),
        (&format!("{base}/nothing-here"), "HTTP 404"),
        (html_url.as_str(), "HTTP 501"),
    ] {
        let out = run(&["push", "--store", s(&store), "--to", url]);
        assert!(!out.status.success(), "{url}");
        let err = stderr(&out);
        assert!(
            err.contains(url) && err.to_lowercase().contains(&says.to_lowercase()),
            "{url}: {err}"
        );
        let record = store.join("push");
        let held = std::fs::read_dir(&record).map(|d| d.count()).unwrap_or(0);
        assert_eq!(held, 0, "a failed push wrote a record");
    }
}
