//! Publishing without downtime: `ingest` into a store that `serve` holds hands the documents
//! to the server; the endpoint answers throughout, and a document appears whole or not at all.

use crate::common::*;
use crate::endpoint::{agent, serve};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

const SPEECHES_OF_18_115: &str = "PREFIX opengov: <http://www.w3.org/ns/opengov#> PREFIX prov: <http://www.w3.org/ns/prov#> SELECT (COUNT(*) AS ?n) WHERE { ?c a opengov:Speech ; prov:wasDerivedFrom <https://landtag-lod.example/id/plenarprotokoll/18/115> }";

fn speeches(url: &str) -> Result<usize, String> {
    let mut r = agent()
        .get(format!("{url}/sparql"))
        .query("query", SPEECHES_OF_18_115)
        .header("Accept", "text/csv")
        .call()
        .map_err(|e| e.to_string())?;
    let status = r.status().as_u16();
    let body = r.body_mut().read_to_string().map_err(|e| e.to_string())?;
    if status != 200 {
        return Err(format!("{status}: {body}"));
    }
    body.lines()
        .nth(1)
        .and_then(|l| l.trim().parse().ok())
        .ok_or(body)
}

#[test]
fn ingest_while_serving_hands_the_documents_to_the_server() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server = serve(&store, &[]);
    assert_eq!(speeches(&server.url), Ok(0));

    // A reader asks again and again while the protocol comes in.
    let stop = Arc::new(AtomicBool::new(false));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let reader = {
        let (stop, seen, url) = (stop.clone(), seen.clone(), server.url.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                seen.lock().unwrap().push(speeches(&url));
            }
        })
    };
    let out = ok(&["ingest", s(&sample_pdf()), "--store", s(&store)]);
    let err = stderr(&out);
    assert!(err.contains("a running server holds the store"), "{err}");
    assert!(err.contains("1 of 1 documents stored"), "{err}");

    // Visible at once: the server wrote it before it answered.
    let whole = speeches(&server.url).unwrap();
    assert!(whole > 100, "{whole}");
    std::thread::sleep(std::time::Duration::from_millis(300));
    stop.store(true, Ordering::Relaxed);
    reader.join().unwrap();
    let seen = seen.lock().unwrap();
    assert!(seen.len() > 3, "{}", seen.len());
    for answer in seen.iter() {
        // Every request answered; each saw none of the document or all of it.
        match answer {
            Ok(n) => assert!(*n == 0 || *n == whole, "{n} of {whole} speeches"),
            Err(e) => panic!("a request failed while ingesting: {e}"),
        }
    }
    assert!(seen.contains(&Ok(whole)), "{seen:?}");

    // The store stays readable beside the server: `query` and `dump` open it read-only and
    // see the new document.
    let rows = query_rows(&store, SPEECHES_OF_18_115);
    assert_eq!(rows[0][0].parse::<usize>().unwrap(), whole);
    let dump = dir.path().join("while-serving.nq");
    let out = ok(&["dump", "--store", s(&store), "--out", s(&dump)]);
    assert!(stderr(&out).contains("statements"), "{}", stderr(&out));
    assert!(std::fs::metadata(&dump).unwrap().len() > 1_000_000);

    // `link` beside the server: it reads the store read-only and hands over the links graph.
    let review = dir.path().join("links.tsv");
    ok(&["link", "--store", s(&store), "--review", s(&review)]);
    let mut r = agent()
        .get(format!("{}/sparql", server.url))
        .query("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://landtag-lod.example/graph/links> { ?p <http://www.w3.org/2002/07/owl#sameAs> ?q } }")
        .header("Accept", "text/csv")
        .call()
        .unwrap();
    let linked: usize = r
        .body_mut()
        .read_to_string()
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // Members carry the member list's item from the ingest; `link` adds the parties and the
    // persons the list holds no item for.
    assert!(linked >= 3, "{linked}");

    // A document the server cannot take is refused with its reason, and nothing is stored.
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "kein Dokument").unwrap();
    let out = run(&["ingest", s(&bad), "--store", s(&store)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("bad.txt"), "{}", stderr(&out));

    // Killed, the server leaves a socket file that is no server: `ingest` writes directly.
    drop(server);
    let out = ok(&["ingest", s(&corpus()), "--store", s(&store)]);
    assert!(!stderr(&out).contains("running server"), "{}", stderr(&out));
    let rows = query_rows(&store, SPEECHES_OF_18_115);
    assert_eq!(rows[0][0].parse::<usize>().unwrap(), whole);
}
