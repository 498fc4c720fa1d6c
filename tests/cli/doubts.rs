//! The project's own doubts through the binary and the store: the named query `checks`, the
//! quality measurement in the catalogue, and no person named after a stage direction in any
//! document at hand.

use crate::common::*;

/// Protocol 17/1 (a vote answered `Es gibt eine Gegenstimme aus der AfD`, which leaves the
/// AfD's position unread) has one doubt; the excerpt of 18/15 none; the catalogue counts them
/// per dataset.
#[test]
fn checks_lists_the_doubts_and_the_catalogue_counts_them() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let files = [
        repo().join("tests/fixtures/pdf/mmp17-1.pdf"),
        corpus().join("mmp18-15_excerpt.txt"),
    ];
    for f in files {
        ok(&["ingest", s(&f), "--store", s(&store)]);
    }
    let out = query_out(&store, "checks", "csv");
    assert_eq!(
        out.lines().next(),
        Some("source,subject,check,detail"),
        "the contract's columns"
    );
    let rows = query_rows(&store, "checks");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0][0], "mmp17-1.pdf");
    assert_eq!(rows[0][1], "Drucksache 17/8");
    assert_eq!(rows[0][2], "vote-factions-incomplete");
    assert!(rows[0][3].starts_with("no position for AfD"), "{rows:?}");
    let counts = catalogue_measurements(&store, dir.path(), "/zweifel");
    let n = |ds: &str| {
        counts
            .iter()
            .find(|(d, _)| d.ends_with(ds))
            .map(|(_, v)| v.clone())
    };
    assert_eq!(n("/landtag-nrw").as_deref(), Some("1"), "{counts:?}");
    assert_eq!(n("/wahlperiode-17").as_deref(), Some("1"), "{counts:?}");
    assert_eq!(n("/wahlperiode-18").as_deref(), Some("0"), "{counts:?}");
}

/// Words that open a stage direction: never the first word of a person's name.
const STAGE: &[&str] = &[
    "Zuruf",
    "Zurufe",
    "Zwischenruf",
    "Gegenruf",
    "Beifall",
    "Heiterkeit",
    "Lachen",
    "Widerspruch",
    "Unruhe",
    "Weitere",
    "Vereinzelt",
];

/// Every document at hand, and a 16th-period protocol with the interjections of its time
/// (`Zuruf von Name [F]: …`, `Beifall von Name [F]`): persons are named after persons only.
#[test]
fn no_person_is_named_after_a_stage_direction() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let base =
        std::fs::read_to_string(repo().join("tests/data/rollcall/mmp16-76-rollcall.txt")).unwrap();
    let anchor = "Herzlichen Dank.";
    assert!(base.contains(anchor));
    let variant = base.replacen(
        anchor,
        "Herzlichen Dank.\n(Zuruf von Christof Rasche [FDP]: Das stimmt doch gar nicht!)\n(Beifall von Christof Rasche [FDP] und von der CDU – Gegenruf von Norbert Römer [SPD]: Zuhören!)\n(Zurufe von den PIRATEN)",
        1,
    );
    let text = dir.path().join("mmp16-76-interjections.txt");
    std::fs::write(&text, variant).unwrap();
    let inputs = [
        corpus(),
        sample_pdf(),
        repo().join("tests/fixtures/pdf/mmp17-1.pdf"),
        repo().join("tests/fixtures/pdf/mmp15-57_pages-5694-5696.pdf"),
        text,
    ];
    for i in &inputs {
        ok(&["ingest", s(i), "--store", s(&store)]);
    }
    let q = "PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT DISTINCT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name";
    let names: Vec<String> = query_rows(&store, q)
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert!(names.len() > 150, "{} persons", names.len());
    let staged: Vec<&String> = names
        .iter()
        .filter(|n| n.split_whitespace().any(|w| STAGE.contains(&w)))
        .collect();
    assert!(
        staged.is_empty(),
        "persons named after a stage direction: {staged:?}"
    );
    for who in ["Christof Rasche", "Norbert Römer"] {
        assert!(names.iter().any(|n| n == who), "{who} among {names:?}");
    }
}
