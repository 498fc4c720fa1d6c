//! Listings: a named query over the whole store is answered from the rows kept beside the
//! store (`DIR/listings`), and must answer what the engine answers, in the same order, after
//! every kind of write: a document added, a document another one names, a writer killed.

use crate::common::*;
use crate::endpoint::{agent, serve};
// The named queries kept per document, their rows ordered by `?source` first: the library's
// own list, so that the order demanded of each listing is the one it is kept in.
use landtag_lod::publish::listings::PER_DOCUMENT;
use std::path::Path;

fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo().join("queries"))
        .expect("queries/")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "rq").then(|| p.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();
    names
}

/// The engine's answer: the named query's text behind a prefix line, which is not the named
/// text, so no listing answers it.
fn by_engine(store: &Path, name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join(format!("queries/{name}.rq"))).unwrap();
    lines(&query_out(
        store,
        &format!("PREFIX zz: <urn:zz:>\n{text}"),
        "tsv",
    ))
}

fn lines(tsv: &str) -> Vec<String> {
    tsv.lines().map(str::to_owned).collect()
}

/// Every named query: the listing's rows are the engine's, and a per-document listing keeps
/// the order of its sources. Returns the rows of all listings.
fn agree(store: &Path) -> usize {
    let mut total = 0;
    for name in names() {
        let listed = lines(&query_out(store, &name, "tsv"));
        let engine = by_engine(store, &name);
        assert_eq!(listed.first(), engine.first(), "{name}: the columns differ");
        let (mut a, mut b) = (listed.clone(), engine.clone());
        a.sort();
        b.sort();
        assert_eq!(
            a.len(),
            b.len(),
            "{name}: {} rows listed, {} by the engine",
            a.len(),
            b.len()
        );
        if let Some((x, y)) = a.iter().zip(&b).find(|(x, y)| x != y) {
            panic!("{name}: a row differs\n  listed: {x}\n  engine: {y}");
        }
        if PER_DOCUMENT.contains(&name.as_str()) {
            let sources: Vec<&str> = listed[1..]
                .iter()
                .map(|l| l.split('\t').next().unwrap())
                .collect();
            assert!(
                sources.windows(2).all(|w| w[0] <= w[1]),
                "{name}: not in the order of its sources"
            );
        } else {
            assert_eq!(listed, engine, "{name}: kept whole, the engine's order");
        }
        total += listed.len() - 1;
    }
    total
}

fn ingest(store: &Path, file: &Path) -> String {
    stderr(&ok(&["ingest", s(file), "--store", s(store)]))
}

/// The subjects of the committee protocol's votes.
fn voted(store: &Path) -> Vec<String> {
    let mut v: Vec<String> = query_rows(store, "votes")
        .into_iter()
        .map(|r| r[2].clone())
        .collect();
    v.dedup();
    v
}

#[test]
fn listings_answer_as_the_engine_after_every_write() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let committee = corpus().join("apr17-adi-61_2021-12-02.txt");
    let said = ingest(&store, &committee);
    assert!(
        said.contains("listings: rows of 1 document graphs"),
        "{said}"
    );
    assert!(agree(&store) > 50);
    assert!(voted(&store).contains(&"Drucksache 17/13778".to_owned()));
    // The paper the committee voted on arrives: its own statements now stand in its graph,
    // and the committee's rows that read them are computed again.
    let paper = std::fs::read_to_string(corpus().join("mmd17-10377.txt"))
        .unwrap()
        .replace("17/10377", "17/13778");
    let paper_file = dir.path().join("mmd17-13778.txt");
    std::fs::write(&paper_file, paper).unwrap();
    let said = ingest(&store, &paper_file);
    assert!(
        said.contains("listings: rows of 2 document graphs"),
        "the paper's and the committee's: {said}"
    );
    agree(&store);
    // The rest of the corpus and the PDF sample.
    ingest(&store, &corpus());
    let rows = agree(&store);
    ingest(&store, &sample_pdf());
    assert!(agree(&store) > rows);
    // Nothing changed: nothing computed.
    let said = ingest(&store, &corpus());
    assert!(!said.contains("listings:"), "{said}");
    // A writer killed between a write and its bookkeeping: every block is computed again.
    std::fs::write(store.join("listings/pending"), "killed").unwrap();
    let said = ingest(&store, &corpus());
    assert!(
        said.contains("listings: rows of 5 document graphs"),
        "{said}"
    );
    assert!(!store.join("listings/pending").exists());
    agree(&store);
    slices_over_http(&store);
    // What answers is the listing kept: a name changed in the kept rows is what `query` says.
    let kept = store.join("listings/whole/persons.rows");
    let text = std::fs::read_to_string(&kept).unwrap();
    let (head, rows) = text.split_once('\n').unwrap();
    let name = query_rows(&store, "persons")[0][1].clone();
    // Of the same length in bytes: the head says where each block ends.
    let marked = "X".repeat(name.len());
    let tampered = rows.replacen(&format!("\"{name}\""), &format!("\"{marked}\""), 1);
    assert_ne!(tampered, rows);
    std::fs::write(&kept, format!("{head}\n{tampered}")).unwrap();
    assert_eq!(query_rows(&store, "persons")[0][1], marked);
}

/// Through the endpoint: a named query with `LIMIT` and `OFFSET` of its own is the slice of
/// the whole listing.
fn slices_over_http(store: &Path) {
    let server = serve(store, &[]);
    let text = std::fs::read_to_string(repo().join("queries/contributions.rq")).unwrap();
    let whole = by_engine(store, "contributions");
    let agent = agent();
    for (limit, offset) in [(5, 0), (7, 3), (10, 150), (4, whole.len() - 3)] {
        let q = format!("{text}\nLIMIT {limit} OFFSET {offset}");
        let mut reply = agent
            .post(&format!("{}/sparql", server.url))
            .header("Content-Type", "application/sparql-query")
            .header("Accept", "text/tab-separated-values")
            .send(q.as_bytes())
            .unwrap();
        assert_eq!(reply.status().as_u16(), 200);
        let body = reply.body_mut().read_to_string().unwrap();
        let got = lines(&body);
        let end = (1 + offset + limit).min(whole.len());
        let want: Vec<String> = std::iter::once(whole[0].clone())
            .chain(whole[(1 + offset).min(end)..end].iter().cloned())
            .collect();
        assert_eq!(got, want, "LIMIT {limit} OFFSET {offset}");
    }
}
