//! Bad input: a clear error naming the file and the place, a non-zero exit, nothing stored from
//! that document, the others kept.

use crate::common::*;

fn graphs(store: &std::path::Path) -> Vec<String> {
    let out = stdout(&ok(&[
        "query",
        "--store",
        s(store),
        "SELECT ?g WHERE { GRAPH ?g { } } ORDER BY ?g",
    ]));
    out.lines().skip(1).map(str::to_owned).collect()
}

#[test]
fn bad_files_are_refused_and_the_good_ones_kept() {
    let dir = tempdir();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(corpus().join("mmd17-10377.txt"), input.join("good.txt")).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    std::fs::write(input.join("binary.txt"), b"GIF89a\n\x00\x01\x02garbage").unwrap();
    std::fs::write(input.join("latin9.txt"), b"Stra\x81e \x8d\x90").unwrap();
    std::fs::write(
        input.join("unknown.txt"),
        "Sehr geehrte Damen und Herren,\n\nein Brief.\n",
    )
    .unwrap();
    // A note that names a protocol is not that protocol (it must not replace its graph).
    std::fs::write(
        input.join("notes.md"),
        "# Notes\n\nPage 25 of the Landtag's Plenarprotokoll 18/115, an official document.\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    let out = run(&["ingest", s(&input), "--store", s(&store)]);
    assert!(!out.status.success(), "a bad file must fail the command");
    let err = stderr(&out);
    for (file, reason) in [
        ("empty.txt", "the file is empty"),
        ("binary.txt", "byte 7: not a text file"),
        ("latin9.txt", "byte 4: not UTF-8"),
        ("unknown.txt", "unknown.txt:1: not a document"),
        ("notes.md", "notes.md:1: not a document"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not named:\n{err}"));
        assert!(
            line.starts_with("error: ") && line.contains(reason),
            "{line}"
        );
    }
    assert!(err.contains("1 of 6 documents stored"), "{err}");
    assert_eq!(
        graphs(&store),
        [
            "https://landtag-lod.example/graph/drucksache/17/10377",
            "https://landtag-lod.example/graph/gemeinsam",
            "https://landtag-lod.example/graph/kabinett"
        ]
    );
}

#[test]
fn convert_refuses_bad_input_too() {
    let dir = tempdir();
    let f = dir.path().join("empty.txt");
    std::fs::write(&f, "\n\n").unwrap();
    let out = run(&["convert", s(&f)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("empty.txt: the file is empty"));
    assert!(out.stdout.is_empty());
    let out = run(&["convert", s(&dir.path().join("missing.txt"))]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("missing.txt: cannot read"));
}

#[test]
fn a_windows_1252_twin_gives_the_same_triples() {
    let dir = tempdir();
    let text = std::fs::read_to_string(corpus().join("mmp18-15_excerpt.txt")).unwrap();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable, "the excerpt is representable in Windows-1252");
    let twin = dir.path().join("mmp18-15_excerpt.txt");
    std::fs::write(&twin, &bytes).unwrap();
    let keep = |o: &std::process::Output| -> Vec<String> {
        stdout(o)
            .lines()
            .filter(|l| !l.contains("sha256:") && !l.contains("generatedAtTime"))
            .map(str::to_owned)
            .collect()
    };
    let a = keep(&ok(&[
        "convert",
        s(&corpus().join("mmp18-15_excerpt.txt")),
        "--format",
        "nquads",
    ]));
    let b = keep(&ok(&["convert", s(&twin), "--format", "nquads"]));
    assert!(a.len() > 300, "{}", a.len());
    assert_eq!(a, b);
}

#[test]
fn a_bad_base_or_query_is_a_clear_error() {
    let out = run(&[
        "--base",
        "ftp://x",
        "convert",
        s(&corpus().join("mmd17-10377.txt")),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not a usable base IRI"),
        "{}",
        stderr(&out)
    );
    let dir = tempdir();
    let store = ingested(dir.path());
    let out = run(&["query", "--store", s(&store), "nosuchquery"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no named query `nosuchquery`"));
    let out = run(&["query", "--store", s(&store), "SELECT * WHERE {"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("query syntax"), "{}", stderr(&out));
}

#[test]
fn a_store_that_cannot_be_made_or_found_is_named_once() {
    let dir = tempdir();
    // A new store is made while the first documents convert: where it cannot be made (its
    // folder is a file), the ingest fails naming it, and nothing is made.
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let store = file.join("store");
    let out = run(&["ingest", s(&corpus()), "--store", s(&store)]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains(s(&store)), "{err}");
    assert!(!err.contains("documents stored"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    // The error's cause is said once, not once for each error that carries it.
    let out = run(&["query", "--store", s(&dir.path().join("none")), "ASK {}"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.matches("no store here").count(), 1, "{err}");
}

#[test]
fn base_flag_changes_every_minted_iri() {
    let out = ok(&[
        "--base",
        "https://data.example.org/",
        "convert",
        s(&corpus().join("mmd17-10377.txt")),
        "--format",
        "ntriples",
    ]);
    let text = stdout(&out);
    assert!(text.contains("<https://data.example.org/id/drucksache/17/10377>"));
    assert!(!text.contains("landtag-lod.example"));
}

/// Two files of one document (an excerpt of 16/76 and its roll-call annex) make one graph, so
/// the second replaces the first: `ingest` says so, naming the other file; the same file again
/// is no such news.
#[test]
fn a_file_that_replaces_another_files_graph_is_named() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let excerpt = repo().join("tests/fixtures/pdf/mmp16-76_pages-7798-7800.pdf");
    let annex = repo().join("tests/fixtures/rollcall/annex.pdf");
    ok(&["ingest", s(&excerpt), "--store", s(&store)]);
    let err = stderr(&ok(&["ingest", s(&annex), "--store", s(&store)]));
    assert!(
        err.contains("replaces what mmp16-76_pages-7798-7800.pdf gave for the same document"),
        "{err}"
    );
    assert!(err.contains("(replaced, "), "{err}");
    let err = stderr(&ok(&["ingest", s(&annex), "--store", s(&store)]));
    assert!(
        err.contains("(unchanged)") && !err.contains("replaces what"),
        "{err}"
    );
}

/// An unchanged file is recognised before any conversion: with `pdftotext` gone from the PATH,
/// ingesting the same PDF again still succeeds, reads nothing and changes nothing; a changed
/// file among unchanged ones is converted alone; `--reconvert` converts again (and so needs
/// `pdftotext`; a graph it makes anew as it was is still reported unchanged).
#[test]
fn an_unchanged_file_is_not_converted_again() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let files = dir.path().join("in");
    std::fs::create_dir_all(&files).unwrap();
    let pdf = repo().join("tests/fixtures/pdf/mmp15-57_pages-5694-5696.pdf");
    std::fs::copy(pdf, files.join("mmp15-57.pdf")).unwrap();
    for f in ["mmp18-15_excerpt.txt", "mmd17-10377.txt"] {
        std::fs::copy(corpus().join(f), files.join(f)).unwrap();
    }
    ok(&["ingest", s(&files), "--store", s(&store)]);
    let before = query_out(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "csv",
    );
    let empty_path = dir.path().join("no-tools");
    std::fs::create_dir_all(&empty_path).unwrap();
    let without_pdftotext = |extra: &[&str]| {
        bin()
            .args(["ingest", s(&files), "--store", s(&store)])
            .args(extra)
            .env("PATH", &empty_path)
            .output()
            .unwrap()
    };
    let again = without_pdftotext(&[]);
    let err = stderr(&again);
    assert!(again.status.success(), "{err}");
    assert_eq!(err.matches("(unchanged)").count(), 3, "{err}");
    let after = query_out(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "csv",
    );
    assert_eq!(before, after);
    // One text file changed: converted alone, the PDF still unread.
    let excerpt = files.join("mmp18-15_excerpt.txt");
    let text = std::fs::read_to_string(&excerpt).unwrap();
    std::fs::write(&excerpt, text.replacen("Wer stimmt", "Wer  stimmt", 1)).unwrap();
    let changed = without_pdftotext(&[]);
    let err = stderr(&changed);
    assert!(changed.status.success(), "{err}");
    assert_eq!(err.matches("(unchanged)").count(), 2, "{err}");
    assert!(
        err.contains("mmp18-15_excerpt.txt: ") && err.contains("(replaced, "),
        "{err}"
    );
    // The same bytes under another name: the same source, recognised unread.
    let renamed = dir.path().join("renamed.pdf");
    std::fs::copy(files.join("mmp15-57.pdf"), &renamed).unwrap();
    let copy = bin()
        .args(["ingest", s(&renamed), "--store", s(&store)])
        .env("PATH", &empty_path)
        .output()
        .unwrap();
    let err = stderr(&copy);
    assert!(copy.status.success(), "{err}");
    assert!(
        err.contains("renamed.pdf: ") && err.contains("(unchanged)"),
        "{err}"
    );
    // Asked to convert again, the PDF needs pdftotext: a clear failure, the others stored.
    let forced = without_pdftotext(&["--reconvert"]);
    let err = stderr(&forced);
    assert!(!forced.status.success(), "{err}");
    assert!(err.contains("mmp15-57.pdf"), "{err}");
}
