//! The endpoint under load and under attack, over loopback: ordinary clients run a named query
//! while attackers send pathological queries; slow and idle clients hold connections. Short
//! in CI; `LANDTAG_LOD_LOAD_SECS=30 LANDTAG_LOD_LOAD_CLIENTS=60 LANDTAG_LOD_LOAD_TIMEOUT=5` gives
//! the long form, whose figures the report prints (`-- --nocapture`).

use crate::common::*;
use crate::endpoint::{agent, serve, Server};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The attackers' queries: a three-way cross product, a regular expression over every
/// literal, a cross-product CONSTRUCT, an unbounded property path, a sort of a cross product.
const ATTACKS: &[&str] = &[
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT ?o WHERE { ?s ?p ?o . ?x ?y ?z FILTER regex(concat(str(?o), str(?z)), \"^(a+)+(b|c)*.*x$\", \"i\") }",
    "CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x:p>|!<urn:x:p>)* ?b . ?b (<urn:x:q>|!<urn:x:q>)* ?c }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
];

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The server process's peak resident memory (bytes) and current thread count.
fn process_figures(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| -> u64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:") * 1024, field("Threads:"))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Runs `f` in `n` threads until `stop`, collecting what each call returns.
fn clients<T: Send + 'static>(
    n: usize,
    stop: &Arc<AtomicBool>,
    f: impl Fn(usize) -> T + Send + Sync + 'static,
) -> Vec<std::thread::JoinHandle<Vec<T>>> {
    let f = Arc::new(f);
    (0..n)
        .map(|i| {
            let (stop, f) = (stop.clone(), f.clone());
            std::thread::spawn(move || {
                let mut out = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    out.push(f(i));
                }
                out
            })
        })
        .collect()
}

fn ordinary(endpoint: &str, query: &str) -> (Result<u16, String>, Duration) {
    let started = Instant::now();
    let r = agent()
        .get(endpoint)
        .query("query", query)
        .header("Accept", "text/csv")
        .call()
        .map_err(|e| e.to_string())
        .and_then(|mut r| {
            let status = r.status().as_u16();
            r.body_mut()
                .read_to_string()
                .map(|_| status)
                .map_err(|e| e.to_string())
        });
    (r, started.elapsed())
}

fn attack(endpoint: &str, query: &str) -> String {
    let r = agent()
        .get(endpoint)
        .query("query", query)
        .header("Accept", "text/csv, text/turtle")
        .call();
    match r {
        Ok(mut r) => {
            let status = r.status().as_u16();
            match r.body_mut().read_to_vec() {
                Ok(_) => status.to_string(),
                Err(_) => format!("{status} broken off"),
            }
        }
        Err(e) => format!("error {e}"),
    }
}

#[test]
fn ordinary_queries_are_answered_while_attackers_run_expensive_ones() {
    let dir = tempdir();
    let store = ingested(dir.path());
    // The short form runs beside the other tests, on a loaded machine: fewer clients and a
    // longer time limit than the long form (60 clients, 5 s, alone) whose figures are reported.
    let secs = env_number("LANDTAG_LOD_LOAD_SECS", 8);
    let n = env_number("LANDTAG_LOD_LOAD_CLIENTS", 20) as usize;
    let timeout = env_number("LANDTAG_LOD_LOAD_TIMEOUT", 15).to_string();
    let server = serve(&store, &["--timeout", &timeout, "--max-result-mb", "64"]);
    let endpoint = format!("{}/sparql", server.url);
    let votes = landtag_lod::queries::named("votes").expect("named query `votes`");

    // A server that has been up a while: it has run the named query once (known cheap) before
    // the attack starts. On a cold server the first ordinary requests share the unproven half
    // of the fast lane with the attackers' first queries (see `serve/lanes.rs`).
    assert_eq!(ordinary(&endpoint, votes).0, Ok(200));
    let stop = Arc::new(AtomicBool::new(false));
    let (e, q) = (endpoint.clone(), votes.to_owned());
    let ordinary_clients = clients(n, &stop, move |_| ordinary(&e, &q));
    let e = endpoint.clone();
    let attackers = env_number("LANDTAG_LOD_LOAD_ATTACKERS", 4) as usize;
    let attackers = clients(attackers, &stop, move |i| {
        let q = ATTACKS[(i + fastrand_index()) % ATTACKS.len()];
        attack(&e, q)
    });
    let (mut peak_threads, started) = (0, Instant::now());
    while started.elapsed() < Duration::from_secs(secs) {
        std::thread::sleep(Duration::from_millis(100));
        peak_threads = peak_threads.max(process_figures(server.pid()).1);
    }
    stop.store(true, Ordering::Relaxed);
    let answers: Vec<_> = ordinary_clients
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let attacks: Vec<String> = attackers
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let (peak_rss, _) = process_figures(server.pid());
    report(&answers, &attacks, peak_rss, peak_threads, secs, n);

    let failed: Vec<_> = answers.iter().filter(|(r, _)| *r != Ok(200)).collect();
    assert!(!answers.is_empty(), "no ordinary request finished");
    assert!(
        failed.is_empty(),
        "{} of {} ordinary requests failed, e.g. {:?}",
        failed.len(),
        answers.len(),
        failed.first()
    );
    // The attackers were really stopped or turned away (else the test shows nothing).
    let refused = attacks.iter().filter(|a| !a.starts_with("200")).count();
    assert!(
        refused > 0 || attacks.is_empty(),
        "no attack was refused: {attacks:?}"
    );
    assert!(peak_rss < 1 << 30, "peak RSS {} MiB", peak_rss >> 20);
    // Threads: the runtime's, plus one per running query (fast and slow lane), plus a few.
    assert!(peak_threads < 32, "{peak_threads} threads");
}

/// A varying start among the attacks, without a random-number crate.
fn fastrand_index() -> usize {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as usize)
        .unwrap_or(0)
}

fn report(
    answers: &[(Result<u16, String>, Duration)],
    attacks: &[String],
    peak_rss: u64,
    peak_threads: u64,
    secs: u64,
    n: usize,
) {
    let mut times: Vec<Duration> = answers.iter().map(|(_, t)| *t).collect();
    times.sort();
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    for a in attacks {
        *kinds.entry(a.chars().take(40).collect()).or_default() += 1;
    }
    println!(
        "load: {n} ordinary clients, {} attacks, {secs} s: {} ordinary requests ({} failed), \
         p50 {:?}, p99 {:?}, max {:?}; attacks {:?}; server peak RSS {} MiB, peak threads {}",
        attacks.len(),
        answers.len(),
        answers.iter().filter(|(r, _)| *r != Ok(200)).count(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times.last().copied().unwrap_or_default(),
        kinds,
        peak_rss >> 20,
        peak_threads
    );
}

/// Reads from `s` until the peer closes (true) or `within` passes (false).
fn closed_within(s: &mut TcpStream, within: Duration) -> bool {
    s.set_read_timeout(Some(within)).unwrap();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return true,
            Err(_) => return false,
        }
    }
}

/// A client that asks for a long answer and reads none of it holds a worker without using CPU:
/// with one fast worker, another client's query still gets through, once the long answer has
/// held the worker for four CPU budgets (it moves to the slow lane).
#[test]
fn a_client_that_does_not_read_its_answer_holds_no_worker_for_long() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server: Server = serve(&store, &["--max-concurrent", "1", "--timeout", "25"]);
    let addr = server.url.trim_start_matches("http://").to_owned();
    // Every statement ten times over, as TSV: megabytes, more than the sockets hold.
    let long = "SELECT * WHERE { ?s ?p ?o . VALUES ?k { 1 2 3 4 5 6 7 8 9 10 } }";
    let query: String = long
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    let mut reader = TcpStream::connect(&addr).unwrap();
    write!(
        reader,
        "GET /sparql?query={query} HTTP/1.1\r\nHost: x\r\nAccept: text/tab-separated-values\r\n\r\n"
    )
    .unwrap();
    let mut first = [0u8; 12];
    reader.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"HTTP/1.1 200", "the long answer started");
    // Now the long answer waits for its reader, who reads no more.
    std::thread::sleep(Duration::from_secs(1));
    let endpoint = format!("{}/sparql", server.url);
    let (r, took) = ordinary(&endpoint, "ASK { ?s ?p ?o }");
    assert_eq!(r, Ok(200), "after {took:?}");
    assert!(took < Duration::from_secs(10), "waited {took:?}");
    drop(reader);
}

#[test]
fn idle_and_slow_clients_starve_no_one() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server: Server = serve(&store, &["--header-timeout", "2", "--body-timeout", "2"]);
    let addr = server.url.trim_start_matches("http://").to_owned();
    // 300 connections that say nothing, 20 that send half a header, one that trickles a body.
    let mut idle: Vec<TcpStream> = (0..300)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    let mut half: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut s = TcpStream::connect(&addr).unwrap();
            s.write_all(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")
                .unwrap();
            s
        })
        .collect();
    let mut body = TcpStream::connect(&addr).unwrap();
    body.write_all(
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\nASK",
    )
    .unwrap();

    // Meanwhile others are answered at once.
    let endpoint = format!("{}/sparql", server.url);
    let q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    for _ in 0..20 {
        let (r, took) = ordinary(&endpoint, q);
        assert_eq!(r, Ok(200));
        assert!(
            took < Duration::from_secs(2),
            "an ordinary request took {took:?}"
        );
    }
    // The server lets go of them after its header and body time.
    assert!(idle
        .iter_mut()
        .all(|s| closed_within(s, Duration::from_secs(8))));
    assert!(half
        .iter_mut()
        .all(|s| closed_within(s, Duration::from_secs(8))));
    body.set_read_timeout(Some(Duration::from_secs(8))).unwrap();
    let mut answer = String::new();
    let _ = body.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
}

#[test]
fn answers_stream_and_stop_at_the_size_limit() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server = serve(&store, &["--max-result-mb", "1"]);
    let endpoint = format!("{}/sparql", server.url);
    // Small: whole, with its length.
    let r = agent()
        .get(&endpoint)
        .query("query", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10")
        .header("Accept", "text/csv")
        .header("Accept-Encoding", "identity")
        .call()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("content-length").is_some());
    // Big: streamed (no length), broken off at 1 MiB, never ended as if it were whole.
    let mut r = agent()
        .get(&endpoint)
        .query("query", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")
        .header("Accept", "text/csv")
        .header("Accept-Encoding", "identity")
        .call()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("content-length").is_none());
    let mut got = Vec::new();
    let read = r.body_mut().as_reader().read_to_end(&mut got);
    assert!(
        read.is_err(),
        "a cut answer ended cleanly ({} bytes)",
        got.len()
    );
    assert!(got.len() <= (1 << 20) + (64 << 10), "{} bytes", got.len());
    // And the server goes on answering.
    let r = agent()
        .get(&endpoint)
        .query("query", "ASK { ?s ?p ?o }")
        .call()
        .unwrap();
    assert_eq!(r.status(), 200);
}
