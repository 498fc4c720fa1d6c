//! Links to Wikidata: scored against the gold, the review file's corrections, ambiguity,
//! the PDF sample's persons, and `--refresh` against our own endpoint on loopback.

use crate::common::*;
use crate::endpoint::serve;

fn members() -> std::path::PathBuf {
    repo().join("data/wikidata/landtag-nrw-members.tsv")
}

/// Runs `link` on `store` with a review file in `dir`; returns stderr.
fn link(store: &std::path::Path, dir: &std::path::Path, members: &std::path::Path) -> String {
    let review = dir.join("links.tsv");
    stderr(&ok(&[
        "link",
        "--store",
        s(store),
        "--members",
        s(members),
        "--review",
        s(&review),
    ]))
}

fn links(store: &std::path::Path) -> Vec<(String, String)> {
    stdout(&ok(&[
        "query",
        "--store",
        s(store),
        "links",
        "--format",
        "csv",
    ]))
    .lines()
    .skip(1)
    .map(|l| {
        let (label, iri) = l.rsplit_once(',').unwrap();
        (
            label.to_owned(),
            iri.trim_start_matches("http://www.wikidata.org/entity/")
                .to_owned(),
        )
    })
    .collect()
}

#[test]
fn links_score_f1_one_and_doubtful_persons_stay_unlinked() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let err = link(&store, dir.path(), &members());
    let csv = dir.path().join("links.csv");
    let out = ok(&["query", "--store", s(&store), "links", "--format", "csv"]);
    assert_eq!(stdout(&out).lines().next(), Some("label,wikidata"));
    std::fs::write(&csv, &out.stdout).unwrap();
    for kit in crate::gold::kits() {
        let report = crate::gold::score("links", &csv, &kit);
        assert!(report.contains("F1 1.000"), "{report}");
    }
    let linked: Vec<String> = links(&store).into_iter().map(|(l, _)| l).collect();
    for nobody in [
        "Thorsten Ricke",
        "Christoph Dammermann",
        "Vanessa Kriele",
        "Alexander Baer",
        "Ina Brandes",
    ] {
        assert!(!linked.contains(&nobody.to_owned()), "{nobody} linked");
        assert!(
            err.contains(nobody),
            "{nobody} not reported as not in the list:\n{err}"
        );
    }
    // `Dr. Blex` (printed by surname only, voting) is Christian Blex.
    assert!(linked.contains(&"Christian Blex".to_owned()), "{linked:?}");
    // Every link is in the review file, with method and evidence.
    let review = std::fs::read_to_string(dir.path().join("links.tsv")).unwrap();
    assert!(review.starts_with("person\tname\tqid\tlabel\tmethod\tstatus\tevidence\n"));
    // Members are linked by their member id (the member list's item), not by name: they are
    // not in the review file. `Dr. Blex` (a surname) is resolved to the member of the period
    // first: one person, no `id/person/blex` beside him.
    let all = links(&store);
    for (name, qid) in [
        ("Sven Werner Tritschler", "Q27925137"),
        ("Christian Blex", "Q30001851"),
    ] {
        assert!(
            all.contains(&(name.to_owned(), qid.to_owned())),
            "{name}: {all:?}"
        );
        assert!(!review.contains(name), "{review}");
    }
    assert!(!review.contains("id/person/blex\t"), "{review}");
    let blex = "SELECT ?p WHERE { ?p <http://xmlns.com/foaf/0.1/name> \"Blex\" }";
    assert!(query_rows(&store, blex).is_empty());
    // A faction points at its party's item; the faction is not the party.
    let q = "PREFIX lt: <https://w3id.org/landtag-lod/ontology#> PREFIX owl: <http://www.w3.org/2002/07/owl#>
             SELECT DISTINCT ?f ?same WHERE { ?f a lt:Fraktion ; lt:partei/owl:sameAs <http://www.wikidata.org/entity/Q49768> OPTIONAL { ?f owl:sameAs ?same } }";
    let rows = stdout(&ok(&["query", "--store", s(&store), q, "--format", "csv"]));
    let rows: Vec<&str> = rows.lines().skip(1).collect();
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r.ends_with(',')),
        "{rows:?}"
    );
    // The linked store still conforms to the shapes.
    let report = shacl(&store, dir.path());
    assert_eq!(report.trim(), "CONFORMS", "{report}");
    // A second run with nothing changed leaves the store as it is.
    let again = link(&store, dir.path(), &members());
    assert!(again.contains("Unchanged"), "{again}");
}

#[test]
fn a_veto_or_a_confirmation_in_the_review_file_wins() {
    let dir = tempdir();
    let store = ingested(dir.path());
    link(&store, dir.path(), &members());
    let file = dir.path().join("links.tsv");
    let review = std::fs::read_to_string(&file).unwrap();
    let vetoed = review.replace(
        "\tQ109936\tAndreas Pinkwart\tname\tauto\t",
        "\tQ109936\tAndreas Pinkwart\tname\tveto\t",
    );
    assert_ne!(vetoed, review, "Pinkwart's row");
    std::fs::write(&file, vetoed).unwrap();
    let err = link(&store, dir.path(), &members());
    assert!(err.contains("1 vetoed"), "{err}");
    let linked = links(&store);
    assert!(
        !linked.iter().any(|(l, _)| l == "Andreas Pinkwart"),
        "{linked:?}"
    );
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("\tQ109936\tAndreas Pinkwart\tname\tveto\t"));
    // A malformed review file is refused, naming the line.
    std::fs::write(&file, "person\tname\tqid\tlabel\tmethod\tstatus\tevidence\nid/person/x\tX\tQ1\tX\tname\tmaybe\t\n").unwrap();
    let out = run(&[
        "link",
        "--store",
        s(&store),
        "--members",
        s(&members()),
        "--review",
        s(&file),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("links.tsv:2: status `maybe`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn homonyms_in_the_list_mean_no_link_and_a_report_with_the_candidates() {
    let dir = tempdir();
    let store = ingested(dir.path());
    // A second `Andreas Pinkwart` in the list, as there are two `Karl Müller`: he speaks as a
    // minister (no faction) and the member list does not know him in period 17, so nothing
    // tells the two apart.
    let mut list = std::fs::read_to_string(members()).unwrap();
    list.push_str("Q999999991\tperson\tAndreas Pinkwart\t\n");
    list.push_str("Q999999992\tperson\tJochen Ott\t\n");
    let doubled = dir.path().join("members.tsv");
    std::fs::write(&doubled, list).unwrap();
    let err = link(&store, dir.path(), &doubled);
    assert!(
        err.contains("ambiguous: Andreas Pinkwart (id/person/andreas-pinkwart): Q109936 Andreas Pinkwart, Q999999991 Andreas Pinkwart"),
        "{err}"
    );
    assert!(!links(&store).iter().any(|(l, _)| l == "Andreas Pinkwart"));
    let review = std::fs::read_to_string(dir.path().join("links.tsv")).unwrap();
    assert!(review.contains("id/person/andreas-pinkwart\tAndreas Pinkwart\t\t\tname\tambiguous\tcandidates: Q109936 Andreas Pinkwart, Q999999991 Andreas Pinkwart"), "{review}");
    // A second `Jochen Ott` in the Wikidata list changes nothing: he is the member of the
    // 18th period's list whose item is Q1691142, linked by his member id, not by name.
    assert!(
        links(&store).contains(&("Jochen Ott".to_owned(), "Q1691142".to_owned())),
        "{:?}",
        links(&store)
    );
    assert!(!review.contains("Jochen Ott"), "{review}");
}

#[test]
fn persons_of_the_pdf_sample_linked_as_checked_by_hand() {
    let dir = tempdir();
    let store = dir.path().join("store");
    ok(&[
        "ingest",
        s(&repo().join("sample/pdf/mmp18-115.pdf")),
        "--store",
        s(&store),
    ]);
    let err = link(&store, dir.path(), &members());
    println!("{err}");
    let linked = links(&store);
    // Each checked by hand: the protocol's speaker is the member of the Landtag NRW the item
    // describes (party, office and period agree).
    let checked = [
        ("Herbert Reul", "Q74168"),
        ("André Kuper", "Q520320"),
        ("Angela Freimuth", "Q532607"),
        ("Christian Dahm", "Q1079229"),
        ("Christof Rasche", "Q1084323"),
        ("Dagmar Hanses", "Q1157280"),
        ("Dietmar Brockes", "Q1223354"),
        ("Ralf Witzel", "Q1249103"),
        ("Elisabeth Müller-Witt", "Q1330146"),
        ("Hendrik Wüst", "Q1387541"),
        ("Henning Höne", "Q1578958"),
        ("Jan Heinisch", "Q1681823"),
        ("Jochen Ott", "Q1691142"),
        ("Josef Neumann", "Q1705368"),
        ("Rainer Schmeltzer", "Q1740559"),
        ("Marcus Optendrenk", "Q1894271"),
        ("Markus Wagner", "Q1901855"),
        ("Mehrdad Mostofizadeh", "Q1917412"),
        ("Sarah Philipp", "Q2224454"),
        ("Thomas Nückel", "Q2426353"),
        ("Sven Werner Tritschler", "Q27925137"),
        ("Berivan Aymaz", "Q29961583"),
        ("Christian Blex", "Q30001851"),
        ("Franziska Müller-Rech", "Q30069482"),
        ("Christos Katzidis", "Q30243123"),
        ("Frank Müller", "Q30167163"),
        ("Tim Achtermeyer", "Q112040016"),
        ("Julia Eisentraut", "Q112073882"),
        ("Gönül Eğlence", "Q112112781"),
        ("Hartmut Beucker", "Q113495557"),
    ];
    for (name, qid) in checked {
        assert!(
            linked.contains(&(name.to_owned(), qid.to_owned())),
            "{name} → {qid} missing"
        );
    }
    // No person links to two items, no item to two persons.
    let mut qids: Vec<&String> = linked.iter().map(|(_, q)| q).collect();
    qids.sort();
    let n = qids.len();
    qids.dedup();
    assert_eq!(qids.len(), n, "an item linked twice");
    assert!(err.contains("0 ambiguous"), "{err}");
}

/// Our own endpoint on loopback, loaded with a Turtle fixture in Wikidata's model.
fn wikidata_shaped_endpoint(dir: &std::path::Path) -> crate::endpoint::Server {
    let wd = dir.join("wd-store");
    ok(&[
        "load",
        s(&repo().join("tests/fixtures/wikidata/members.ttl")),
        "--store",
        s(&wd),
    ]);
    serve(&wd, &[])
}

/// Runs `link --refresh` against `endpoint`; it must answer with the fixture's persons.
fn refreshed(endpoint: &str, list: &std::path::Path, memberships: &std::path::Path) {
    let out = ok(&[
        "link",
        "--refresh",
        "--endpoint",
        endpoint,
        "--members",
        s(list),
        "--memberships",
        s(memberships),
    ]);
    let err = stderr(&out);
    assert!(
        err.contains("4 persons in the answer (1 new, 1 relabelled), 5 dated memberships"),
        "{err}"
    );
}

#[test]
fn refresh_reads_a_wikidata_shaped_endpoint_on_loopback() {
    let dir = tempdir();
    let server = wikidata_shaped_endpoint(dir.path());
    let list = dir.path().join("members.tsv");
    std::fs::copy(members(), &list).unwrap();
    let before = std::fs::read_to_string(&list).unwrap().lines().count();
    let memberships = dir.path().join("memberships.tsv");
    refreshed(&format!("{}/sparql", server.url), &list, &memberships);
    let after = std::fs::read_to_string(&list).unwrap();
    assert_eq!(after.lines().count(), before + 1);
    assert!(after.contains("Q900000101\tperson\tEileen Woestmann\t\n"));
    assert!(after.contains("Q27925137\tperson\tSven Werner Tritschler\tSven Tritschler\n"));
    assert!(!after.contains("Nicht Mitglied"));
    assert!(
        after.starts_with("qid\tkind\tlabel\taliases\nQ13124\tparty\tFDP\t"),
        "parties first, kept"
    );
    let m = std::fs::read_to_string(&memberships).unwrap();
    assert!(m.starts_with("person\tterm\tgroup\tparty\tstart\tend\n"));
    assert!(
        m.contains("Q30001851\tQ900000017\tQ900000201\tQ6721203\t2017-06-01\t2022-05-31\n"),
        "{m}"
    );
    assert!(
        m.contains("Q30001851\tQ900000018\t\tQ6721203\t2022-06-01\t\n"),
        "{m}"
    );
    // The refreshed list links a member of the PDF sample the member list holds no item for.
    let store = dir.path().join("store");
    ok(&[
        "ingest",
        s(&repo().join("sample/pdf/mmp18-115.pdf")),
        "--store",
        s(&store),
    ]);
    link(&store, dir.path(), &list);
    assert!(links(&store).contains(&("Eileen Woestmann".to_owned(), "Q900000101".to_owned())));
    // An endpoint that does not answer SPARQL gets a clear error.
    let out = run(&[
        "link",
        "--refresh",
        "--endpoint",
        &format!("{}/nothing", server.url),
        "--members",
        s(&list),
        "--memberships",
        s(&memberships),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("/nothing: HTTP 404"),
        "{}",
        stderr(&out)
    );
}

/// What a throttling peer saw: each request's arrival, User-Agent, and how many were in flight.
#[derive(Default)]
struct Seen {
    arrivals: Vec<std::time::Instant>,
    agents: Vec<String>,
    in_flight: usize,
    most_in_flight: usize,
}

/// A peer in front of `upstream` that behaves as the Wikidata Query Service does under load:
/// every other request gets `429 Too Many Requests` with `Retry-After: 1`; the others are passed
/// on to our real endpoint and its answer returned.
fn throttling_peer(upstream: String) -> (String, std::sync::Arc<std::sync::Mutex<Seen>>) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/sparql", listener.local_addr().unwrap());
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Seen::default()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for (n, stream) in listener.incoming().enumerate() {
            let Ok(mut stream) = stream else { continue };
            let log = log.clone();
            let upstream = upstream.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let (mut length, mut agent, mut content_type) = (0, String::new(), String::new());
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                loop {
                    line.clear();
                    reader.read_line(&mut line).unwrap();
                    let Some((k, v)) = line.trim_end().split_once(':') else {
                        break;
                    };
                    match k.to_ascii_lowercase().as_str() {
                        "content-length" => length = v.trim().parse().unwrap(),
                        "user-agent" => agent = v.trim().to_owned(),
                        "content-type" => content_type = v.trim().to_owned(),
                        _ => {}
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                {
                    let mut s = log.lock().unwrap();
                    s.arrivals.push(std::time::Instant::now());
                    s.agents.push(agent);
                    s.in_flight += 1;
                    s.most_in_flight = s.most_in_flight.max(s.in_flight);
                }
                let reply = if n % 2 == 0 {
                    "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .to_owned()
                } else {
                    let mut r = crate::endpoint::agent()
                        .post(&upstream)
                        .header("Content-Type", &content_type)
                        .header("Accept", "application/sparql-results+json")
                        .send(&body[..])
                        .unwrap();
                    let text = r.body_mut().read_to_string().unwrap();
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                        text.len()
                    )
                };
                log.lock().unwrap().in_flight -= 1;
                stream.write_all(reply.as_bytes()).unwrap();
            });
        }
    });
    (url, seen)
}

#[test]
fn refresh_waits_out_a_429_and_asks_one_query_at_a_time() {
    let dir = tempdir();
    let server = wikidata_shaped_endpoint(dir.path());
    let (peer, seen) = throttling_peer(format!("{}/sparql", server.url));
    let list = dir.path().join("members.tsv");
    std::fs::copy(members(), &list).unwrap();
    let memberships = dir.path().join("memberships.tsv");
    refreshed(&peer, &list, &memberships);
    let seen = seen.lock().unwrap();
    // Two queries, each refused once and asked again: four requests, never two at once.
    assert_eq!(seen.arrivals.len(), 4);
    assert_eq!(seen.most_in_flight, 1);
    // Each retry came after the second the peer asked for.
    for pair in [(0, 1), (2, 3)] {
        let waited = seen.arrivals[pair.1] - seen.arrivals[pair.0];
        assert!(
            waited >= std::time::Duration::from_millis(950),
            "retried after {waited:?}"
        );
    }
    assert!(
        seen.agents
            .iter()
            .all(|a| a.starts_with("landtag-lod/") && a.contains("Landtag NRW")),
        "{:?}",
        seen.agents
    );
}
