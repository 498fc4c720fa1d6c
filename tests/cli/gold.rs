//! The named queries scored against the gold facts, with the project's copy of the gold and
//! scorer and, where present (CI), with the shared originals.

use crate::common::*;
use std::process::Command;

pub fn score(category: &str, csv: &std::path::Path, kit: &std::path::Path) -> String {
    let out = Command::new(tool("python3", "apt-get install python3"))
        .arg(kit.join("tools/score-gold"))
        .args([category, s(csv), "--gold-dir", s(&kit.join("gold"))])
        .output()
        .expect("python3 runs the scorer");
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "score-gold {category} below 1.0:\n{report}"
    );
    report
}

pub fn kits() -> Vec<std::path::PathBuf> {
    let mut kits = vec![repo().join("tests/gold-kit")];
    let shared = repo().join("../shared");
    if shared.join("tools/score-gold").exists() {
        kits.push(shared);
    }
    kits
}

#[test]
fn named_queries_score_f1_one_against_the_gold() {
    let dir = tempdir();
    let store = ingested(dir.path());
    named_queries_score_f1_one(dir.path(), &store);
}

/// Links to Wikidata add names (`skos:prefLabel`) to persons: the queries must still tell a
/// person from a faction.
#[test]
fn named_queries_score_f1_one_after_linking_too() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let review = dir.path().join("links.tsv");
    ok(&["link", "--store", s(&store), "--review", s(&review)]);
    named_queries_score_f1_one(dir.path(), &store);
}

fn named_queries_score_f1_one(dir: &std::path::Path, store: &std::path::Path) {
    for category in ["contributions", "documents", "votes", "interjections"] {
        let out = ok(&["query", "--store", s(store), category, "--format", "csv"]);
        let csv = dir.join(format!("{category}.csv"));
        std::fs::write(&csv, &out.stdout).unwrap();
        let header = stdout(&out).lines().next().unwrap_or("").to_owned();
        let want = match category {
            "documents" => "source,kind,number,date,title",
            "contributions" => "source,item,seq,speaker,faction,role",
            "votes" => "source,item,subject,result,faction,position",
            _ => "source,item,interjection,kind,faction,person,text",
        };
        assert_eq!(header, want, "the contract's columns");
        for kit in kits() {
            let report = score(category, &csv, &kit);
            assert!(report.contains("F1 1.000"), "{report}");
        }
    }
}

#[test]
fn contributions_carry_roles_factions_and_flags() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let q = r#"PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT DISTINCT ?name ?title WHERE { ?c lt:nichtUeberprueft true ; schema:creator ?p . ?p foaf:name ?name OPTIONAL { ?p foaf:title ?title } } ORDER BY ?name"#;
    let out = stdout(&ok(&["query", "--store", s(&store), q]));
    assert_eq!(
        out.trim().replace('\r', ""),
        "name,title\nAlexander Baer,\nAngela Freimuth,\nSven Werner Tritschler,"
    );
    let q = r#"PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT DISTINCT ?title WHERE { ?p foaf:name "Andreas Pinkwart" ; foaf:title ?title }"#;
    let out = stdout(&ok(&["query", "--store", s(&store), q]));
    assert!(out.contains("Prof. Dr."), "{out}");
    // The excerpt's first contribution has no speaker, and is not invented one.
    let q = r#"PREFIX schema: <http://schema.org/>
PREFIX opengov: <http://www.w3.org/ns/opengov#>
SELECT (COUNT(*) AS ?n) WHERE { ?c a opengov:Speech . FILTER NOT EXISTS { ?c schema:creator ?p } }"#;
    let out = stdout(&ok(&["query", "--store", s(&store), q]));
    assert_eq!(out.lines().nth(1), Some("1"));
}

#[test]
fn meeting_facts_match_the_gold() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let q = r#"PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?n ?public ?start ?end ?place ?chair ?minutes WHERE {
  ?m a lt:Sitzung ; lt:sitzungsnummer ?n ; lt:oeffentlich ?public ; schema:startDate ?start ; schema:endDate ?end ;
     schema:location ?place ; lt:vorsitz/foaf:name ?chair ; lt:protokollfuehrung/foaf:name ?minutes }"#;
    let out = stdout(&ok(&["query", "--store", s(&store), q]));
    assert_eq!(
        out.lines().nth(1).unwrap_or(""),
        "61,true,2021-12-02T15:33:00,2021-12-02T16:42:00,Düsseldorf – Haus des Landtags,Thorsten Schick,Vanessa Kriele"
    );
    let q = r#"PREFIX schema: <http://schema.org/>
PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?n ?title (GROUP_CONCAT(DISTINCT ?paper; separator=" ") AS ?papers) WHERE {
  ?i a lt:Tagesordnungspunkt ; schema:identifier ?n ; schema:superEvent/lt:sitzungsnummer 61 .
  OPTIONAL { ?i schema:name ?title } OPTIONAL { ?i dcterms:references/eli:id_local ?paper }
} GROUP BY ?n ?title ORDER BY ?n"#;
    let out = stdout(&ok(&["query", "--store", s(&store), q, "--format", "tsv"]));
    let gold: serde_json::Value = serde_json::from_slice(
        &std::fs::read(repo().join("tests/gold-kit/gold/apr17-adi-61_2021-12-02.json")).unwrap(),
    )
    .unwrap();
    let rows: Vec<&str> = out.lines().skip(1).collect();
    let items = gold["agenda_items"].as_array().unwrap();
    assert_eq!(rows.len(), items.len(), "{out}");
    for (row, item) in rows.iter().zip(items) {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols[0], format!("\"{}\"", item["number"].as_str().unwrap()));
        assert_eq!(
            cols[1],
            format!("\"{}\"@de", item["title"].as_str().unwrap()),
            "{row}"
        );
        let mut want: Vec<String> = item["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap().rsplit(' ').next().unwrap().to_owned())
            .collect();
        let mut got: Vec<String> = cols
            .get(2)
            .unwrap_or(&"")
            .trim_matches('"')
            .split(' ')
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "papers of item {}", item["number"]);
    }
}

#[test]
fn drucksache_answer_metadata() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let q = r#"PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?issued ?q ?nr ?qdate ?asker ?faction WHERE {
  ?d eli:id_local "17/10377" ; eli:date_publication ?issued ; lt:antwortAuf ?qd .
  ?qd eli:id_local ?q ; lt:anfragenummer ?nr ; eli:date_document ?qdate ; dcterms:creator ?p .
  ?p foaf:name ?asker ; org:memberOf/skos:prefLabel ?faction }"#;
    let out = stdout(&ok(&["query", "--store", s(&store), q]));
    assert_eq!(
        out.lines().nth(1),
        Some("2020-08-05,17/9399,3733,2020-05-20,Angela Lück,SPD"),
        "{out}"
    );
}

#[test]
fn plenary_agenda_items_match_the_gold() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let q = r#"PREFIX schema: <http://schema.org/>
PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?n ?title ?papers WHERE {
  { SELECT ?n (SAMPLE(?t) AS ?title) (GROUP_CONCAT(DISTINCT ?paper; separator=" ") AS ?papers) WHERE {
      ?i a lt:Tagesordnungspunkt ; schema:identifier ?n ; schema:superEvent/lt:sitzungsnummer 15 .
      OPTIONAL { ?i schema:name ?t } OPTIONAL { ?i dcterms:references/eli:id_local ?paper }
  } GROUP BY ?n }
} ORDER BY ?n"#;
    let out = stdout(&ok(&["query", "--store", s(&store), q]));
    let rows: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    // Item 12 starts before the excerpt: no title printed, its paper named only in the vote.
    assert_eq!(rows, ["12,,18/1666", "13,Verwaltungsdigitalisierung voranbringen - Onlinezugangsgesetz zeitnah umsetzen,18/1669"]);
}
