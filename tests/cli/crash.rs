//! Crash safety with the shared graph: `ingest` killed (SIGKILL) at random moments leaves every
//! document graph whole or absent and every triple in one graph; a rerun completes and yields
//! exactly what an uninterrupted ingest does.

use crate::common::*;
use std::path::Path;
use std::time::Instant;

/// The store's quads without conversion times, sorted.
fn quads(store: &Path, dir: &Path, name: &str) -> Vec<String> {
    let out = dir.join(name);
    ok(&["dump", "--store", s(store), "--out", s(&out)]);
    let mut lines: Vec<String> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .filter(|l| !l.contains("generatedAtTime"))
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
}

fn graph_sizes(store: &Path) -> Vec<(String, usize)> {
    query_rows(
        store,
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    )
    .into_iter()
    .map(|r| (r[0].clone(), r[1].parse().unwrap()))
    .collect()
}

#[test]
fn ingest_killed_at_random_moments_leaves_whole_graphs_and_a_rerun_completes() {
    let dir = tempdir();
    let inputs = [corpus(), sample_pdf()];
    let input_args: Vec<&str> = inputs.iter().map(|p| s(p)).collect();

    let reference = dir.path().join("reference");
    let started = Instant::now();
    ok(&[&["ingest", "--store", s(&reference)][..], &input_args].concat());
    let whole = started.elapsed();
    let reference_sizes = graph_sizes(&reference);
    let reference_quads = quads(&reference, dir.path(), "reference.nq");

    let mut moments = Moments::new("ingest");
    for trial in 0..6 {
        let at = moments.next(whole);
        let store = dir.path().join(format!("trial-{trial}"));
        killed_after(
            &[&["ingest", "--store", s(&store)][..], &input_args].concat(),
            at,
        );
        if !store.join("CURRENT").exists() {
            continue; // killed before the store was made
        }
        // Every document graph there is whole (its reference size: conversion times aside,
        // the same quads); every triple stands in one graph.
        let sizes = graph_sizes(&store);
        println!(
            "trial {trial}: killed at {at:?} of {whole:?}, {} graphs",
            sizes.len()
        );
        for (g, n) in sizes {
            if g.ends_with("/graph/gemeinsam") {
                continue;
            }
            let expected = reference_sizes
                .iter()
                .find(|(r, _)| *r == g)
                .map(|(_, n)| *n);
            assert_eq!(Some(n), expected, "trial {trial} (killed at {at:?}): {g}");
        }
        let all = query_rows(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        );
        let distinct = query_rows(&store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }");
        assert_eq!(all, distinct, "trial {trial} (killed at {at:?})");
        // The full-text index agrees with the store, or says which graphs it lacks and what
        // to run (the next writer reads them again).
        let check = run(&["index", "--check", "--store", s(&store)]);
        let said = stderr(&check);
        assert!(
            check.status.success() && said.contains("agrees with the store")
                || said.contains("out of step") && said.contains("landtag-lod index --store")
                || said.contains("no search index"),
            "trial {trial} (killed at {at:?}): {said}"
        );
        // The rerun completes, to exactly the uninterrupted result, the index with it.
        ok(&[&["ingest", "--store", s(&store)][..], &input_args].concat());
        let check = ok(&["index", "--check", "--store", s(&store)]);
        assert!(
            stderr(&check).contains("agrees with the store"),
            "trial {trial}"
        );
        assert!(
            quads(&store, dir.path(), &format!("trial-{trial}.nq")) == reference_quads,
            "trial {trial} (killed at {at:?}): the rerun differs from an uninterrupted ingest"
        );
    }
}

/// A seed from the clock, printed so that a failure can be replayed, and the moments drawn
/// from it: fractions of `whole`.
struct Moments(u64);

impl Moments {
    fn new(what: &str) -> Self {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64;
        println!("{what}: seed {seed}");
        Self(seed)
    }
    fn next(&mut self, whole: std::time::Duration) -> std::time::Duration {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        whole.mul_f64((self.0 >> 33) as f64 / (1u64 << 31) as f64)
    }
}

/// Runs the binary with `args`, killing it (SIGKILL) after `at`; whether it had ended.
fn killed_after(args: &[&str], at: std::time::Duration) -> bool {
    let mut child = bin()
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(at);
    let ended = child.try_wait().unwrap().is_some();
    let _ = child.kill();
    let _ = child.wait();
    ended
}

/// Quads per graph at a SPARQL endpoint.
fn remote_sizes(endpoint: &str) -> Vec<(String, usize)> {
    crate::push::remote_rows(
        endpoint,
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    )
    .into_iter()
    .map(|r| {
        let (g, n) = r.split_once('\t').unwrap();
        (g.to_owned(), n.parse().unwrap())
    })
    .collect()
}

#[test]
fn push_killed_at_random_moments_leaves_whole_graphs_there_and_a_rerun_completes() {
    let dir = tempdir();
    let store = dir.path().join("store");
    ok(&[
        "ingest",
        s(&corpus()),
        s(&sample_pdf()),
        "--store",
        s(&store),
    ]);
    let here = graph_sizes(&store);
    let whole = {
        let peer = dir.path().join("reference");
        std::fs::create_dir_all(&peer).unwrap();
        let (_server, base) = crate::push::oxigraph_server(&peer);
        let started = Instant::now();
        ok(&[
            "push",
            "--store",
            s(&store),
            "--to",
            &format!("{base}/store"),
        ]);
        started.elapsed()
    };
    let mut moments = Moments::new("push");
    for trial in 0..6 {
        let at = moments.next(whole);
        let peer = dir.path().join(format!("peer-{trial}"));
        std::fs::create_dir_all(&peer).unwrap();
        let (_server, base) = crate::push::oxigraph_server(&peer);
        let to = format!("{base}/store");
        let ended = killed_after(&["push", "--store", s(&store), "--to", &to], at);
        // Every graph there is whole: as many quads as here.
        let there = remote_sizes(&format!("{base}/query"));
        println!(
            "push trial {trial}: killed at {at:?} of {whole:?} (ended: {ended}), {} of {} graphs there",
            there.len(),
            here.len()
        );
        for (g, n) in &there {
            assert!(
                here.contains(&(g.clone(), *n)),
                "trial {trial}: {g} has {n} quads there"
            );
        }
        // The rerun completes: every graph there.
        ok(&["push", "--store", s(&store), "--to", &to]);
        let mut there = remote_sizes(&format!("{base}/query"));
        there.sort();
        assert_eq!(there, here, "trial {trial}: after the rerun");
    }
}

/// The store's links to Wikidata and the review file, as `link` leaves them.
/// The links `link` made (the links graph; members carry the member list's item from the
/// ingest) and the review file.
fn link_state(store: &Path, review: &Path) -> (Vec<Vec<String>>, Option<String>) {
    let rows = query_rows(
        store,
        "SELECT ?p ?q WHERE { GRAPH <https://landtag-lod.example/graph/links> { ?p <http://www.w3.org/2002/07/owl#sameAs> ?q } } ORDER BY ?p ?q",
    );
    (rows, std::fs::read_to_string(review).ok())
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn link_killed_at_random_moments_leaves_whole_links_and_a_rerun_completes() {
    let dir = tempdir();
    let pristine = dir.path().join("pristine");
    ok(&[
        "ingest",
        s(&corpus()),
        s(&sample_pdf()),
        "--store",
        s(&pristine),
    ]);
    let members = repo().join("data/wikidata/landtag-nrw-members.tsv");
    let args = |store: &Path, review: &Path| -> Vec<String> {
        [
            "link",
            "--store",
            s(store),
            "--members",
            s(&members),
            "--review",
            s(review),
        ]
        .map(str::to_owned)
        .to_vec()
    };
    let reference = dir.path().join("reference");
    copy_dir(&pristine, &reference);
    let reference_review = dir.path().join("reference.tsv");
    let started = Instant::now();
    let a = args(&reference, &reference_review);
    ok(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let whole = started.elapsed();
    let expected = link_state(&reference, &reference_review);
    assert!(!expected.0.is_empty(), "the reference run linked no one");
    let mut moments = Moments::new("link");
    for trial in 0..5 {
        let at = moments.next(whole);
        let store = dir.path().join(format!("link-{trial}"));
        let review = dir.path().join(format!("link-{trial}.tsv"));
        copy_dir(&pristine, &store);
        let a = args(&store, &review);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let ended = killed_after(&a, at);
        let (links, file) = link_state(&store, &review);
        println!(
            "link trial {trial}: killed at {at:?} of {whole:?} (ended: {ended}), {} links",
            links.len()
        );
        // All of the links or none; the review file whole or absent.
        assert!(
            links.is_empty() || links == expected.0,
            "trial {trial}: {} links",
            links.len()
        );
        assert!(
            file.is_none() || file == expected.1,
            "trial {trial}: a partial review file"
        );
        ok(&a);
        assert!(
            link_state(&store, &review) == expected,
            "trial {trial}: after the rerun"
        );
    }
}
