//! One person, one IRI: persons identified by the member list across the documents at hand,
//! the IRIs published before redirecting, cabinets as data (issue 27).

use crate::common::*;
use crate::endpoint::serve;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Every NRW document at hand: the bundled texts and PDF, and the PDFs of other periods among
/// the fixtures (17/1, excerpts of 15/57 and 16/76).
fn documents() -> Vec<PathBuf> {
    let pdfs = repo().join("tests/fixtures/pdf");
    vec![
        corpus(),
        sample_pdf(),
        pdfs.join("mmp17-1.pdf"),
        pdfs.join("mmp15-57_pages-5694-5696.pdf"),
        pdfs.join("mmp16-76_pages-7798-7800.pdf"),
    ]
}

fn store_of_everything(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    for d in documents() {
        ok(&["ingest", s(&d), "--store", s(&store)]);
    }
    store
}

/// A name as the independent check compares it: lower case, hyphens as spaces, one space.
fn key(name: &str) -> String {
    name.to_lowercase()
        .replace('-', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// (period, name key) → the member ids of the list (`data/members/`), read here on its own.
fn member_list() -> HashMap<(u32, String), HashSet<String>> {
    let dir = repo().join("data/members");
    let names: HashMap<String, String> = std::fs::read_to_string(dir.join("nrw-members.csv"))
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            Some((c.first()?.to_string(), key(c.get(2)?)))
        })
        .collect();
    let mut out: HashMap<(u32, String), HashSet<String>> = HashMap::new();
    for l in std::fs::read_to_string(dir.join("nrw-members-by-period.csv"))
        .unwrap()
        .lines()
        .skip(1)
    {
        let c: Vec<&str> = l.split(',').collect();
        let (Some(id), Some(Ok(period))) = (c.first(), c.get(1).map(|p| p.parse())) else {
            continue;
        };
        if let Some(name) = names.get(*id) {
            out.entry((period, name.clone()))
                .or_default()
                .insert(id.to_string());
        }
    }
    out
}

/// Words no person's name holds: what stage directions and salutations print.
const NOT_NAMES: &[&str] = &[
    "Zuruf",
    "Zurufe",
    "Beifall",
    "Lachen",
    "Heiterkeit",
    "Abgeordnete",
    "Abgeordneter",
    "Präsident",
    "Präsidentin",
    "Kollege",
    "Kollegin",
    "Fraktion",
    "Minister",
    "Ministerin",
    "Herr",
    "Frau",
    "Gegenruf",
    "Zwischenruf",
    "bei",
    "und",
];

#[test]
fn every_document_at_hand_gives_each_member_one_iri_with_the_member_id() {
    let dir = tempdir();
    let store = store_of_everything(dir.path());
    let rows = query_rows(&store, "persons");
    assert!(rows.len() > 120, "{} persons", rows.len());
    let list = member_list();
    let (mut matching, mut with_id) = (0, 0);
    let mut missing = Vec::new();
    let mut iris_of_id: HashMap<String, HashSet<String>> = HashMap::new();
    for r in &rows {
        let [person, name, member_id, wikidata, periods] = &r[..] else {
            panic!("the contract's five columns: {r:?}")
        };
        assert!(
            !name.split_whitespace().any(|w| NOT_NAMES.contains(&w)),
            "a false person: {name} ({person})"
        );
        if !member_id.is_empty() {
            iris_of_id
                .entry(member_id.clone())
                .or_default()
                .insert(person.clone());
            assert!(
                person.ends_with(&format!("/id/person/mdl-{member_id}")),
                "{r:?}"
            );
            assert!(
                wikidata.is_empty() || wikidata.starts_with("http://www.wikidata.org/entity/Q")
            );
        }
        // The member this name names in a period the documents show the person in, where
        // exactly one member bears it.
        let one: HashSet<&String> = periods
            .split_whitespace()
            .filter_map(|p| list.get(&(p.parse().ok()?, key(name))))
            .filter(|ids| ids.len() == 1)
            .flatten()
            .collect();
        if one.len() == 1 {
            matching += 1;
            if one.contains(member_id) {
                with_id += 1;
            } else {
                missing.push(format!("{name} {periods}: {member_id:?} for {one:?}"));
            }
        }
    }
    let doubled: Vec<_> = iris_of_id
        .iter()
        .filter(|(_, iris)| iris.len() > 1)
        .collect();
    assert!(doubled.is_empty(), "member ids on two IRIs: {doubled:?}");
    let share = with_id as f64 / matching as f64;
    eprintln!(
        "persons: {}; matching exactly one member of their period: {matching}; with that member's id: {with_id} ({:.1} %)",
        rows.len(),
        share * 100.0
    );
    assert!(matching > 100, "{matching}");
    assert!(share >= 0.98, "{share}: {missing:?}");
}

/// The IRI a name had before persons had identities answers with a redirect to the member's
/// one IRI, whose data says what it replaces.
#[test]
fn a_name_based_iri_published_before_redirects_to_the_canonical_one() {
    let dir = tempdir();
    let store = dir.path().join("store");
    ok(&["ingest", s(&sample_pdf()), "--store", s(&store)]);
    let server = serve(&store, &[]);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    let old = format!("{}/id/person/christof-rasche", server.url);
    for (accept, format) in [
        ("text/html", None),
        ("text/turtle", None),
        ("*/*", Some("ttl")),
    ] {
        let mut req = agent.get(&old).header("Accept", accept);
        if let Some(f) = format {
            req = req.query("format", f);
        }
        let r = req.call().unwrap();
        assert_eq!(r.status().as_u16(), 301, "{accept}");
        let location = r
            .headers()
            .get("location")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        let want = "/id/person/mdl-11822";
        match format {
            Some(f) => assert_eq!(location, format!("{want}?format={f}")),
            None => assert_eq!(location, want),
        }
    }
    let r = agent
        .get(&format!("{}/id/person/mdl-11822", server.url))
        .header("Accept", "text/turtle")
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let body = r.into_body().read_to_string().unwrap();
    assert!(body.contains("Christof Rasche"), "{body}");
    assert!(body.contains("christof-rasche"), "dcterms:replaces: {body}");
    assert!(
        body.contains("11822") && body.contains("Q1084323"),
        "{body}"
    );
    // Nobody's IRI: still 404.
    let r = agent
        .get(&format!("{}/id/person/niemand-bekannt", server.url))
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
}

/// The ministers the Landtag's own index of session 18/115 lists (`function` Minister…) are
/// each an office holder of the cabinet in office that day, and their speeches are given in
/// that office.
#[test]
fn cabinets_hold_the_ministers_the_landtag_lists_and_speeches_their_office() {
    let index = repo().join("tests/gold-kit/gold/mmp18-115.speakers.json");
    let index = std::fs::read_to_string(&index).unwrap();
    let index: serde_json::Value = serde_json::from_str(&index).unwrap();
    let mut ministers: Vec<String> = index["speeches"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["function"].as_str().unwrap_or("").starts_with("Minister"))
        .map(|s| {
            s["name"]
                .as_str()
                .unwrap()
                .rsplit(' ')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    ministers.sort();
    ministers.dedup();
    assert!(ministers.len() >= 5, "{ministers:?}");
    let dir = tempdir();
    let store = dir.path().join("store");
    ok(&["ingest", s(&sample_pdf()), "--store", s(&store)]);
    let rows = query_rows(&store, "cabinets");
    let on_day = |r: &Vec<String>| {
        r[1].as_str() <= "2026-01-28" && (r[2].is_empty() || r[2].as_str() > "2026-01-28")
    };
    for m in &ministers {
        assert!(
            rows.iter()
                .any(|r| on_day(r) && r[0] == "Wüst II" && r[3].ends_with(m.as_str())),
            "{m} is no office holder of Wüst II on 2026-01-28"
        );
    }
    // Every cabinet of periods 14 to 18 has its head and ministers, with days.
    for cabinet in [
        "Rüttgers",
        "Kraft I",
        "Kraft II",
        "Laschet",
        "Wüst I",
        "Wüst II",
    ] {
        let of: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == cabinet).collect();
        assert!(of.len() >= 11, "{cabinet}: {of:?}");
        assert_eq!(
            of.iter()
                .filter(|r| r[4].starts_with("Ministerpräsident"))
                .count(),
            1,
            "{cabinet}"
        );
        assert!(
            of.iter().all(|r| r[1].len() == 10 && !r[5].is_empty()),
            "{cabinet}: {of:?}"
        );
    }
    // A minister's speech names the post it is given in.
    let ask = "PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
        PREFIX org: <http://www.w3.org/ns/org#> PREFIX schema: <http://schema.org/>
        PREFIX opengov: <http://www.w3.org/ns/opengov#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT (COUNT(*) AS ?n) WHERE {
          ?c opengov:role ?role ; lt:inAmt ?post ; schema:creator ?p .
          FILTER(STRSTARTS(?role, \"Minister\"))
          ?post org:member ?p ; org:organization/skos:prefLabel \"Wüst II\" }";
    let n: u32 = query_rows(&store, ask)[0][0].parse().unwrap();
    assert!(n >= 10, "{n} speeches in a cabinet post");
}

/// `cabinets` against an independent list: the office holders of periods 14–17 as the press
/// reported them the day each cabinet was appointed (`tests/data/cabinets/press.tsv`, not the
/// encyclopaedia articles the table was written from): at least 95 % of them are a row of
/// that cabinet with their full name, in office on that day.
#[test]
fn cabinets_find_the_office_holders_the_press_reported() {
    let press = std::fs::read_to_string(repo().join("tests/data/cabinets/press.tsv")).unwrap();
    let press: Vec<Vec<&str>> = press
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(press.len(), 50, "the list's rows");
    let dir = tempdir();
    let store = dir.path().join("store");
    ok(&[
        "ingest",
        s(&corpus().join("mmd17-10377.txt")),
        "--store",
        s(&store),
    ]);
    let rows = query_rows(&store, "cabinets");
    let missing: Vec<String> = press
        .iter()
        .filter(|p| {
            let (cabinet, day, name) = (p[0], p[1], format!("{} {}", p[3], p[2]));
            !rows.iter().any(|r| {
                r[0] == cabinet
                    && r[3] == name
                    && r[1].as_str() <= day
                    && (r[2].is_empty() || day <= r[2].as_str())
            })
        })
        .map(|p| format!("{} {} ({})", p[3], p[2], p[0]))
        .collect();
    let found = press.len() - missing.len();
    assert!(
        found * 100 >= press.len() * 95,
        "{found} of {} found; missing: {missing:?}",
        press.len()
    );
}
