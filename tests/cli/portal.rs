//! Publishing for portals: the dump set and its DCAT-AP.de catalogue (validated with pyshacl,
//! read by CKAN's own DCAT harvester parser), VoID whose figures SPARQL confirms, the change
//! feed, and HTTP as clients expect it (compression, ETag, HEAD, limits), all from a real
//! server on loopback.

use crate::common::*;
use crate::endpoint::{agent, serve};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The store of the corpus (Wahlperioden 17 and 18) with its dump set written.
fn published(dir: &Path) -> (PathBuf, PathBuf) {
    let store = ingested(dir);
    ok(&["dump", "--store", s(&store)]);
    let dumps = store.join("dumps");
    (store, dumps)
}

/// pyshacl over `data` with the shapes files given; prints `violations N` and the messages.
const SHACL: &str = "import sys, pyshacl, rdflib
from rdflib.namespace import SH
data = rdflib.Graph().parse(sys.argv[1], format='turtle')
shapes = rdflib.Graph()
for f in sys.argv[2:]:
    shapes.parse(f, format='turtle')
ok, report, text = pyshacl.validate(data, shacl_graph=shapes, inference='none', allow_warnings=True)
v = [r for r in report.subjects(SH.resultSeverity, SH.Violation)]
print('violations', len(v))
if v: print(text)";

fn violations(report: &str) -> usize {
    report
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("violations "))
        .and_then(|n| n.trim().parse().ok())
        .expect(report)
}

/// The official DCAT-AP.de 3.0 and SEMIC DCAT-AP 3.0.0 shapes, where this machine has them: a
/// folder named by `LANDTAG_LOD_DCAT_SHAPES`, or `shared/dcat-ap-shapes` beside the checkout.
fn official_shapes() -> Option<Vec<PathBuf>> {
    let dir = std::env::var_os("LANDTAG_LOD_DCAT_SHAPES")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/dcat-ap-shapes"));
    let mut files: Vec<PathBuf> = walk(&dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ttl"))
        .collect();
    files.sort();
    (!files.is_empty()).then_some(files)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn the_dump_set_and_its_catalogue_validate() {
    let dir = tempdir();
    let (_store, dumps) = published(dir.path());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dumps.join("manifest.json")).unwrap()).unwrap();
    let files: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .filter(|f| !f.ends_with(".csv"))
        .collect();
    // The RDF dumps (the named queries' tables stand beside them: `dumps.rs`).
    assert_eq!(
        files,
        [
            "landtag-nrw.nq.gz",
            "landtag-nrw.ttl.gz",
            "wahlperiode-17.nq.gz",
            "wahlperiode-17.ttl.gz",
            "wahlperiode-18.nq.gz",
            "wahlperiode-18.ttl.gz"
        ]
    );
    // The catalogue's sizes and checksums are the files'.
    let catalog = dumps.join("catalog.ttl");
    let facts = python(
        "import sys, rdflib
g = rdflib.Graph().parse(sys.argv[1])
q = '''PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX spdx: <http://spdx.org/rdf/terms#>
SELECT ?url ?size ?sum WHERE { ?d dcat:downloadURL ?url ; dcat:byteSize ?size ; spdx:checksum/spdx:checksumValue ?sum } ORDER BY ?url'''
for r in g.query(q): print(str(r.url).rsplit('/', 1)[1], r.size, r.sum)",
        &[s(&catalog)],
    );
    for line in facts.lines() {
        let [file, size, sum] = line.split(' ').collect::<Vec<_>>()[..] else {
            panic!("{line}")
        };
        let bytes = std::fs::read(dumps.join(file)).unwrap();
        assert_eq!(size.parse::<usize>().unwrap(), bytes.len(), "{file}");
        assert_eq!(sum, landtag_lod::source::hex_sha256(&bytes), "{file}");
    }
    // Every file of the manifest is a distribution: the six RDF dumps and the tables.
    let all = manifest["files"].as_array().unwrap().len();
    assert!(all > 6, "{all}");
    assert_eq!(facts.lines().count(), all, "{facts}");
    // Our contract of DCAT-AP.de, and the official shapes where this machine has them.
    let contract = repo().join("tests/data/catalog/contract.ttl");
    let report = python_with("python3", SHACL, &[s(&catalog), s(&contract)]);
    assert_eq!(violations(&report), 0, "{report}");
    match official_shapes() {
        Some(shapes) => {
            let mut args = vec![s(&catalog)];
            args.extend(shapes.iter().map(|p| s(p)));
            let report = python_with("python3", SHACL, &args);
            assert_eq!(violations(&report), 0, "{report}");
            eprintln!("official DCAT-AP.de shapes ({} files): 0 violations", shapes.len());
        }
        None => eprintln!(
            "NOTE: the official DCAT-AP.de shapes are not on this machine (LANDTAG_LOD_DCAT_SHAPES or shared/dcat-ap-shapes): checked against tests/data/catalog/contract.ttl only"
        ),
    }
    // Unchanged data, unchanged bytes.
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(dumps.join(f)).unwrap())
        .collect();
    let catalog_before = std::fs::read(&catalog).unwrap();
    ok(&["dump", "--store", s(&_store)]);
    let after: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(dumps.join(f)).unwrap())
        .collect();
    assert!(before == after, "a second dump of the same store differs");
    assert_eq!(catalog_before, std::fs::read(&catalog).unwrap());
}

/// The Python of a virtualenv with CKAN's requirements and ckanext-dcat (`.ci/run` makes it).
fn ckan_python() -> String {
    let python = std::env::var("LANDTAG_LOD_CKAN_PYTHON").unwrap_or_else(|_| {
        let home = std::env::var("HOME").unwrap_or_default();
        format!("{home}/.cache/landtag-lod/ckan-venv/bin/python")
    });
    assert!(
        Path::new(&python).exists(),
        "no Python with ckanext-dcat at {python}: run .ci/run (it makes the virtualenv) or set LANDTAG_LOD_CKAN_PYTHON"
    );
    python
}

#[test]
fn ckan_reads_the_catalogue_as_a_harvester_would() {
    let dir = tempdir();
    let (_store, dumps) = published(dir.path());
    let out = python_with(
        &ckan_python(),
        "import sys, json
from ckanext.dcat.processors import RDFParser
p = RDFParser(profiles=['euro_dcat_ap_3'])
p.parse(open(sys.argv[1]).read(), _format='turtle')
for d in p.datasets():
    extras = {e['key']: e['value'] for e in d.get('extras', [])}
    print(json.dumps({'title': d.get('title'), 'uri': extras.get('uri'), 'spatial': extras.get('spatial_uri'),
      'publisher': extras.get('publisher_name'),
      'resources': sorted((r.get('url'), r.get('format') or '', r.get('license') or '', str(r.get('size')), r.get('hash') or '') for r in d.get('resources', []))}))",
        &[s(&dumps.join("catalog.ttl"))],
    );
    let datasets: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let uris: Vec<&str> = datasets
        .iter()
        .map(|d| d["uri"].as_str().unwrap())
        .collect();
    assert_eq!(datasets.len(), 3, "{out}");
    for wanted in ["landtag-nrw", "wahlperiode-17", "wahlperiode-18"] {
        assert!(
            uris.iter()
                .any(|u| u.ends_with(&format!("/katalog/datensatz/{wanted}"))),
            "{uris:?}"
        );
    }
    let base = "https://landtag-lod.example/dumps/";
    for d in &datasets {
        assert!(d["title"].as_str().unwrap().starts_with("Landtag"), "{d}");
        assert_eq!(
            d["spatial"], "http://dcat-ap.de/def/politicalGeocoding/stateKey/05",
            "{d}"
        );
        assert_eq!(d["publisher"], "landtag-lod", "{d}");
        let resources = d["resources"].as_array().unwrap();
        let csv = |r: &&serde_json::Value| r[1].as_str().unwrap().ends_with("/file-type/CSV");
        // Two RDF dumps and the tables of the part (persons and cabinets for the whole store).
        assert_eq!(resources.iter().filter(|r| !csv(r)).count(), 2, "{d}");
        assert!(resources.iter().filter(csv).count() >= 2, "{d}");
        for r in resources {
            let url = r[0].as_str().unwrap();
            assert!(url.starts_with(base), "{url}");
            let bytes = std::fs::read(dumps.join(&url[base.len()..]))
                .unwrap_or_else(|e| panic!("{url}: {e}"));
            assert!(
                r[1].as_str().unwrap().ends_with("/file-type/RDF_N_QUADS")
                    || r[1].as_str().unwrap().ends_with("/file-type/RDF_TURTLE")
                    || r[1].as_str().unwrap().ends_with("/file-type/CSV") && url.ends_with(".csv"),
                "{r}"
            );
            assert_eq!(
                r[2].as_str().unwrap(),
                "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
                "{d}"
            );
            assert_eq!(r[3].as_str().unwrap(), bytes.len().to_string(), "{r}");
            assert_eq!(
                r[4].as_str().unwrap(),
                landtag_lod::source::hex_sha256(&bytes),
                "{r}"
            );
        }
    }
}

/// An answer's status, headers and body over a real connection (curl: the headers as sent).
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn curl(args: &[&str]) -> Answer {
    let out = Command::new("curl")
        .args(["-s", "-D", "-", "--max-time", "60"])
        .args(args)
        .output()
        .expect("curl runs");
    let mut text = out.stdout;
    // `100 Continue` comes first where curl asked for it (large bodies).
    while text.starts_with(b"HTTP/1.1 100") {
        let end = text
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("headers");
        text.drain(..end + 4);
    }
    let split = text
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers");
    let head = String::from_utf8_lossy(&text[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Answer {
        status,
        headers,
        body: text[split + 4..].to_vec(),
    }
}

#[test]
fn every_url_the_catalogue_names_is_served() {
    let dir = tempdir();
    let (store, dumps) = published(dir.path());
    let server = serve(&store, &[]);
    let turtle = curl(&[
        "-H",
        "Accept: text/turtle",
        &format!("{}/catalog", server.url),
    ]);
    assert_eq!(turtle.status, 200);
    assert!(turtle
        .header("content-type")
        .unwrap()
        .starts_with("text/turtle"));
    // The same catalogue in RDF/XML and JSON-LD: as many triples in each.
    let ttl = dir.path().join("catalog.ttl");
    std::fs::write(&ttl, &turtle.body).unwrap();
    for (accept, format, ext) in [
        ("application/rdf+xml", "xml", "rdf"),
        ("application/ld+json", "json-ld", "jsonld"),
    ] {
        let a = curl(&[
            "-H",
            &format!("Accept: {accept}"),
            &format!("{}/catalog", server.url),
        ]);
        assert_eq!(a.status, 200, "{accept}");
        let file = dir.path().join(format!("catalog.{ext}"));
        std::fs::write(&file, &a.body).unwrap();
        let counts = python(
            "import sys, rdflib, rdflib.compare
a = rdflib.Graph().parse(sys.argv[1], format='turtle'); b = rdflib.Graph().parse(sys.argv[2], format=sys.argv[3])
print(len(a), len(b), rdflib.compare.isomorphic(a, b))",
            &[s(&ttl), s(&file), format],
        );
        assert!(counts.trim().ends_with("True"), "{accept}: {counts}");
    }
    // Served and written, the catalogue is the same.
    assert_eq!(
        turtle.body,
        std::fs::read(dumps.join("catalog.ttl")).unwrap()
    );
    let urls = python(
        "import sys, rdflib
g = rdflib.Graph().parse(sys.argv[1])
q = '''PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT DISTINCT ?u WHERE { ?x dcat:downloadURL|dcat:accessURL|dcat:endpointURL|dcat:endpointDescription|dcat:landingPage|foaf:homepage ?u }'''
for r in g.query(q): print(r.u)",
        &[s(&ttl)],
    );
    assert!(urls.lines().count() >= 8, "{urls}");
    for url in urls.lines() {
        let path = url
            .strip_prefix("https://landtag-lod.example")
            .unwrap_or_else(|| panic!("{url} is not ours"));
        let local = if path == "/sparql" {
            format!("{}/sparql?query=ASK%7B%7D", server.url)
        } else {
            format!("{}{path}", server.url)
        };
        let a = curl(&[&local]);
        assert_eq!(a.status, 200, "{url}");
    }
    // Every IRI of ours the catalogue describes dereferences to what it says about it.
    let subjects = python(
        "import sys, rdflib
g = rdflib.Graph().parse(sys.argv[1])
for s in sorted(set(g.subjects())):
    if str(s).startswith('https://landtag-lod.example/'): print(s)",
        &[s(&ttl)],
    );
    assert!(subjects.lines().count() >= 15, "{subjects}");
    for iri in subjects.lines() {
        let path = &iri["https://landtag-lod.example".len()..];
        let a = curl(&[
            "-H",
            "Accept: text/turtle",
            &format!("{}{path}", server.url),
        ]);
        assert_eq!(a.status, 200, "{iri}");
        assert!(!a.body.is_empty(), "{iri}");
    }
    // A dump: its SHA-256 as ETag, Last-Modified, 304 on a match, HEAD without a body.
    let entry = "wahlperiode-18.nq.gz";
    let url = format!("{}/dumps/{entry}", server.url);
    let bytes = std::fs::read(dumps.join(entry)).unwrap();
    let a = curl(&[&url]);
    assert_eq!(a.status, 200);
    assert_eq!(a.body, bytes);
    let etag = a.header("etag").unwrap().to_owned();
    assert_eq!(
        etag,
        format!("\"{}\"", landtag_lod::source::hex_sha256(&bytes))
    );
    assert!(a.header("last-modified").is_some());
    assert_eq!(
        a.header("content-encoding"),
        None,
        "a gzip file is sent as it is"
    );
    assert_eq!(
        curl(&["-H", &format!("If-None-Match: {etag}"), &url]).status,
        304
    );
    let head = curl(&["--head", "-o", "/dev/null", &url]);
    assert_eq!(head.status, 200);
    assert_eq!(
        head.header("content-length").unwrap(),
        bytes.len().to_string()
    );
    assert_eq!(
        curl(&[&format!("{}/dumps/..%2Fmanifest.json", server.url)]).status,
        404
    );
    assert_eq!(
        curl(&[&format!("{}/dumps/manifest.json", server.url)]).status,
        404
    );
}

#[test]
fn http_as_clients_expect() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server = serve(&store, &[]);
    let page = format!("{}/id/drucksache/17/10377", server.url);
    for (encoding, name) in [("gzip", "gzip"), ("br", "br")] {
        let a = curl(&[
            "-H",
            &format!("Accept-Encoding: {encoding}"),
            "-H",
            "Accept: text/html",
            &page,
        ]);
        assert_eq!(a.status, 200);
        assert_eq!(a.header("content-encoding"), Some(name), "{encoding}");
    }
    let results = curl(&[
        "-H",
        "Accept-Encoding: gzip",
        &format!(
            "{}/sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%20100",
            server.url
        ),
    ]);
    assert_eq!(results.header("content-encoding"), Some("gzip"));
    // ETag and 304, for pages, results and descriptions alike.
    for url in [
        page.clone(),
        format!("{}/catalog", server.url),
        format!("{}/sparql?query=ASK%7B%7D", server.url),
    ] {
        let a = curl(&[&url]);
        let etag = a
            .header("etag")
            .unwrap_or_else(|| panic!("{url}: no ETag"))
            .to_owned();
        assert!(a.header("cache-control").is_some(), "{url}");
        let b = curl(&["-H", &format!("If-None-Match: {etag}"), &url]);
        assert_eq!(b.status, 304, "{url}");
        assert!(b.body.is_empty());
        let head = curl(&["--head", "-o", "/dev/null", &url]);
        assert_eq!(head.status, 200, "{url}");
        assert!(head.header("etag").is_some(), "{url}");
    }
    let health = curl(&[&format!("{}/health", server.url)]);
    assert_eq!(health.status, 200);
    let h: serde_json::Value = serde_json::from_slice(&health.body).unwrap();
    assert_eq!(h["status"], "ok");
    assert!(h["graphs"].as_u64().unwrap() >= 4, "{h}");
    // A request body over the limit is refused before it is read whole.
    let big = dir.path().join("big.rq");
    std::fs::write(
        &big,
        format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(2 << 20)),
    )
    .unwrap();
    let a = curl(&[
        "-X",
        "POST",
        "-H",
        "Content-Type: application/sparql-query",
        "--data-binary",
        &format!("@{}", s(&big)),
        &format!("{}/sparql", server.url),
    ]);
    assert_eq!(a.status, 413);
}

/// Parses Turtle with rdflib and prints `subject predicate object` rows of a SPARQL query.
fn rdflib_rows(ttl: &[u8], dir: &Path, query: &str) -> Vec<Vec<String>> {
    let file = dir.join("answer.ttl");
    std::fs::write(&file, ttl).unwrap();
    let out = python(
        "import sys, rdflib
g = rdflib.Graph().parse(sys.argv[1], format='turtle')
for r in g.query(sys.argv[2]): print('\\t'.join('' if v is None else str(v) for v in r))",
        &[s(&file), query],
    );
    out.lines()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

fn count(server: &str, q: &str) -> Vec<Vec<String>> {
    let mut r = agent()
        .get(format!("{server}/sparql"))
        .query("query", q)
        .header("Accept", "application/sparql-results+json")
        .call()
        .unwrap();
    result_rows(&r.body_mut().read_to_string().unwrap())
        .into_iter()
        .map(|row| row.into_iter().map(|(v, _)| v).collect())
        .collect()
}

#[test]
fn void_figures_are_what_sparql_counts() {
    let dir = tempdir();
    let (store, _dumps) = published(dir.path());
    let server = serve(&store, &[]);
    let void = curl(&[&format!("{}/.well-known/void", server.url)]);
    assert_eq!(void.status, 200);
    let p = "PREFIX void: <http://rdfs.org/ns/void#> ";
    let figures = rdflib_rows(&void.body, dir.path(), &format!("{p} SELECT ?t ?e ?s ?o ?c ?p WHERE {{ ?d a void:Dataset ; void:triples ?t ; void:entities ?e ; void:distinctSubjects ?s ; void:distinctObjects ?o ; void:classes ?c ; void:properties ?p }}"));
    let [t, e, subjects, objects, classes, properties] = &figures[0][..] else {
        panic!("{figures:?}")
    };
    // Triples: the lines of the N-Quads dump (one triple, one graph).
    let nq = dir.path().join("all.nq");
    ok(&["dump", "--store", s(&store), "--out", s(&nq)]);
    let lines = std::fs::read_to_string(&nq).unwrap().lines().count();
    assert_eq!(t.parse::<usize>().unwrap(), lines);
    let sparql = |q: &str| count(&server.url, q)[0][0].clone();
    assert_eq!(
        *e,
        sparql("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER isIRI(?s) }")
    );
    assert_eq!(
        *subjects,
        sparql("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }")
    );
    assert_eq!(
        *objects,
        sparql("SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }")
    );
    assert_eq!(
        *classes,
        sparql("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }")
    );
    assert_eq!(
        *properties,
        sparql("SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }")
    );
    // Each partition's figure.
    let mut parts = rdflib_rows(&void.body, dir.path(), &format!("{p} SELECT ?c ?n WHERE {{ ?d void:classPartition [ void:class ?c ; void:entities ?n ] }} ORDER BY ?c"));
    let mut counted = count(
        &server.url,
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY ?c",
    );
    parts.sort();
    counted.sort();
    assert_eq!(parts, counted);
    let mut parts = rdflib_rows(&void.body, dir.path(), &format!("{p} SELECT ?p ?n WHERE {{ ?d void:propertyPartition [ void:property ?p ; void:triples ?n ] }}"));
    let mut counted = count(
        &server.url,
        "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p",
    );
    parts.sort();
    counted.sort();
    assert_eq!(parts, counted);
    // Where to query and download, the URI space, examples that exist, vocabularies.
    let links = rdflib_rows(&void.body, dir.path(), &format!("{p} SELECT ?k ?v WHERE {{ ?d ?k ?v FILTER(?k IN (void:sparqlEndpoint, void:dataDump, void:uriSpace, void:exampleResource, void:vocabulary)) }}"));
    let of = |k: &str| {
        links
            .iter()
            .filter(|r| r[0].ends_with(k))
            .map(|r| r[1].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(of("sparqlEndpoint"), ["https://landtag-lod.example/sparql"]);
    assert_eq!(of("dataDump").len(), 2);
    assert_eq!(of("uriSpace"), ["https://landtag-lod.example/id/"]);
    assert!(
        of("vocabulary")
            .iter()
            .any(|v| v == "http://www.w3.org/ns/opengov#"),
        "{links:?}"
    );
    let examples = of("exampleResource");
    assert!(examples.len() >= 3, "{examples:?}");
    for x in examples {
        assert_ne!(
            sparql(&format!("SELECT (COUNT(*) AS ?n) {{ <{x}> ?p ?o }}")),
            "0",
            "{x}"
        );
    }
}

/// The feed's members as (kind, graph, time), oldest first.
fn feed(server: &str, since: Option<&str>, dir: &Path) -> Vec<Vec<String>> {
    let url = match since {
        Some(t) => format!(
            "{server}/changes?since={}",
            t.replace('+', "%2B").replace(':', "%3A")
        ),
        None => format!("{server}/changes"),
    };
    let a = curl(&["-H", "Accept: text/turtle", &url]);
    assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
    rdflib_rows(
        &a.body,
        dir,
        "PREFIX as: <https://www.w3.org/ns/activitystreams#> PREFIX tree: <https://w3id.org/tree#>
         SELECT ?kind ?graph ?t WHERE { ?s tree:member ?m . ?m a ?kind ; as:object ?graph ; as:published ?t } ORDER BY ?t",
    )
}

#[test]
fn the_change_feed_lists_what_changed_since() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let corpus = corpus();
    let first = corpus.join("mmd17-10377.txt");
    let second = corpus.join("mmp18-15_excerpt.txt");
    ok(&["ingest", s(&first), "--store", s(&store)]);
    let between = {
        let server = serve(&store, &[]);
        // The first ingest writes the cabinets' graph (reference data), then the document.
        let all = feed(&server.url, None, dir.path());
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(
            all[0][0].ends_with("#Create") && all[0][1].ends_with("/graph/kabinett"),
            "{all:?}"
        );
        assert!(
            all[1][0].ends_with("#Create") && all[1][1].ends_with("/graph/drucksache/17/10377"),
            "{all:?}"
        );
        all[1][2].clone()
    };
    std::thread::sleep(std::time::Duration::from_millis(20));
    ok(&["ingest", s(&second), "--store", s(&store)]);
    // Kept across restarts; `since` the first change lists only the later one.
    let server = serve(&store, &[]);
    let all = feed(&server.url, None, dir.path());
    assert_eq!(all.len(), 3, "{all:?}");
    let later = feed(&server.url, Some(&between), dir.path());
    assert_eq!(later.len(), 1, "{later:?}");
    assert!(
        later[0][1].ends_with("/graph/plenarprotokoll/18/15"),
        "{later:?}"
    );
    assert!(feed(&server.url, Some(&later[0][2]), dir.path()).is_empty());
    // A changed document handed to the running server is an update, at once in the feed.
    let changed = dir.path().join("mmd17-10377.txt");
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(
        &changed,
        text.replacen("Digitalisierung", "Digitalisierung ", 1),
    )
    .unwrap();
    ok(&["ingest", s(&changed), "--store", s(&store)]);
    let newest = feed(&server.url, Some(&later[0][2]), dir.path());
    assert_eq!(newest.len(), 1, "{newest:?}");
    assert!(
        newest[0][0].ends_with("#Update") && newest[0][1].ends_with("/graph/drucksache/17/10377"),
        "{newest:?}"
    );
    // A bad `since` is a client's error.
    assert_eq!(
        curl(&[&format!("{}/changes?since=yesterday", server.url)]).status,
        400
    );
}

/// Over a hundred changes: the first page holds 100 and names the next, which holds the rest.
#[test]
fn the_change_feed_pages_past_a_hundred() {
    let dir = tempdir();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let text = std::fs::read_to_string(corpus().join("mmd17-10377.txt")).unwrap();
    for i in 0..103 {
        let n = 20000 + i;
        std::fs::write(
            docs.join(format!("mmd17-{n}.txt")),
            text.replace("17/10377", &format!("17/{n}")),
        )
        .unwrap();
    }
    let store = dir.path().join("store");
    ok(&["ingest", s(&docs), "--store", s(&store)]);
    let server = serve(&store, &[]);
    let first = curl(&[
        "-H",
        "Accept: text/turtle",
        &format!("{}/changes", server.url),
    ]);
    let q = "PREFIX tree: <https://w3id.org/tree#> SELECT ?next (COUNT(DISTINCT ?m) AS ?n) WHERE {
               ?s tree:member ?m . OPTIONAL { ?v tree:relation/tree:node ?next } } GROUP BY ?next";
    let page = rdflib_rows(&first.body, dir.path(), q);
    assert_eq!(page.len(), 1, "{page:?}");
    assert_eq!(page[0][1], "100");
    let next = page[0][0]
        .strip_prefix("https://landtag-lod.example")
        .expect("a next page of ours")
        .to_owned();
    let second = curl(&[
        "-H",
        "Accept: text/turtle",
        &format!("{}{next}", server.url),
    ]);
    let page = rdflib_rows(&second.body, dir.path(), q);
    assert_eq!(
        page,
        [["".to_owned(), "4".to_owned()]],
        "the last page names no next one (103 documents and the cabinets' graph)"
    );
}

/// An operator's profile: their name, contact e-mail and GovData contributor ID reach the
/// catalogue, which still validates.
#[test]
fn an_operators_profile_reaches_the_catalogue() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let bundled: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("data/catalog.json")).unwrap())
            .unwrap();
    let mut profile = bundled.clone();
    profile["publisher"]["name"] = "Open Data Team NRW".into();
    profile["contact"]["email"] = "opendata@example.org".into();
    profile["contributor_id"] = "http://dcat-ap.de/def/contributors/landNordrheinWestfalen".into();
    let file = dir.path().join("profile.json");
    std::fs::write(&file, profile.to_string()).unwrap();
    ok(&["dump", "--store", s(&store), "--profile", s(&file)]);
    let catalog = store.join("dumps/catalog.ttl");
    let ttl = std::fs::read_to_string(&catalog).unwrap();
    assert!(ttl.contains("\"Open Data Team NRW\""), "{ttl}");
    assert!(ttl.contains("<mailto:opendata@example.org>"), "{ttl}");
    assert_eq!(
        ttl.matches(
            "dcatde:contributorID <http://dcat-ap.de/def/contributors/landNordrheinWestfalen>"
        )
        .count(),
        3,
        "{ttl}"
    );
    let report = python_with(
        "python3",
        SHACL,
        &[
            s(&catalog),
            s(&repo().join("tests/data/catalog/contract.ttl")),
        ],
    );
    assert_eq!(violations(&report), 0, "{report}");
    if let Some(shapes) = official_shapes() {
        let mut args = vec![s(&catalog)];
        args.extend(shapes.iter().map(|p| s(p)));
        let report = python_with("python3", SHACL, &args);
        assert_eq!(violations(&report), 0, "{report}");
    }
    // A profile that is no profile is refused, naming the file.
    std::fs::write(&file, "{\"publisher\": 1}").unwrap();
    let out = run(&["dump", "--store", s(&store), "--profile", s(&file)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("profile.json"), "{}", stderr(&out));
}
