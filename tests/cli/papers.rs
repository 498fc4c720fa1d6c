//! Drucksachen: the question and its answer, who asked, who answered and with whom; funding
//! statements tied to their programmes.

use crate::common::*;

fn select(store: &std::path::Path, q: &str) -> Vec<String> {
    stdout(&ok(&["query", "--store", s(store), q, "--format", "tsv"]))
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_answer_17_10377_its_question_asker_and_ministries() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let prefixes = "PREFIX lt: <https://w3id.org/landtag-lod/ontology#> PREFIX eli: <http://data.europa.eu/eli/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX schema: <http://schema.org/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX org: <http://www.w3.org/ns/org#>";
    // Both ways, and the asker with her faction.
    let rows = select(
        &store,
        &format!("{prefixes} SELECT DISTINCT ?q ?n ?asker ?faction WHERE {{
            ?a eli:id_local \"17/10377\" ; lt:antwortAuf ?d . ?d eli:id_local ?q ; lt:beantwortetDurch ?a ; lt:anfragenummer ?n ;
               dcterms:creator ?p . ?p foaf:name ?asker ; org:memberOf/skos:prefLabel ?faction }}"),
    );
    assert_eq!(rows, ["\"17/9399\"\t3733\t\"Angela Lück\"\t\"SPD\""]);
    // Answered by the MWIDE, in agreement with four ministries.
    let rows = select(
        &store,
        &format!("{prefixes} SELECT DISTINCT ?abbr WHERE {{ ?a eli:id_local \"17/10377\" ; dcterms:creator ?m . ?m a lt:Ministerium ; skos:altLabel ?abbr }}"),
    );
    assert_eq!(rows, ["\"MWIDE\""]);
    let rows = select(
        &store,
        &format!("{prefixes} SELECT DISTINCT ?abbr ?name WHERE {{ ?a eli:id_local \"17/10377\" ; lt:imEinvernehmenMit ?m . ?m skos:altLabel ?abbr ; schema:name ?name }} ORDER BY ?abbr"),
    );
    assert_eq!(
        rows,
        [
            "\"FM\"\t\"Ministerium der Finanzen\"@de",
            "\"MHKBG\"\t\"Ministerium für Heimat, Kommunales, Bau und Gleichstellung\"@de",
            "\"MKW\"\t\"Ministerium für Kultur und Wissenschaft\"@de",
            "\"MSB\"\t\"Ministerium für Schule und Bildung\"@de",
        ]
    );
    // The committee protocol's `MWIDE` and the Drucksache's minister name one ministry.
    let rows = select(
        &store,
        &format!("{prefixes} SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?m a lt:Ministerium ; skos:altLabel \"MWIDE\" }}"),
    );
    assert_eq!(rows, ["1"]);
}

#[test]
fn funding_statements_score_f1_one_and_only_tied_money_counts() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let out = ok(&["query", "--store", s(&store), "funding", "--format", "csv"]);
    assert_eq!(
        stdout(&out).lines().next(),
        Some("source,programme,amount,currency,approximate,text")
    );
    let csv = dir.path().join("funding.csv");
    std::fs::write(&csv, &out.stdout).unwrap();
    for kit in crate::gold::kits() {
        let report = crate::gold::score("funding", &csv, &kit);
        assert!(report.contains("F1 1.000"), "{report}");
    }
    // The committee protocol's minimum wage of 12 Euro funds nothing.
    assert!(!stdout(&out).contains(",12,"), "{}", stdout(&out));
    // Programme, value, flag and period, as the gold has them.
    let rows = select(
        &store,
        "PREFIX schema: <http://schema.org/> PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
         SELECT DISTINCT ?programme ?value ?approx ?from ?through ?funder WHERE {
           ?f a schema:MonetaryGrant ; schema:fundedItem/schema:name ?programme ; schema:amount ?a .
           ?a schema:value ?value ; lt:ungefaehr ?approx .
           OPTIONAL { ?a schema:validFrom ?from } OPTIONAL { ?a schema:validThrough ?through }
           OPTIONAL { ?f schema:funder/schema:name ?funder }
         } ORDER BY ?value",
    );
    let strip = |r: &String| {
        r.replace("^^<http://www.w3.org/2001/XMLSchema#date>", "")
            .replace("^^<http://www.w3.org/2001/XMLSchema#decimal>", "")
            .replace("\"Landesregierung Nordrhein-Westfalen\"@de", "Land")
    };
    let rows: Vec<String> = rows.iter().map(strip).collect();
    assert_eq!(
        rows,
        [
            "\"Umsetzung des Onlinezugangsgesetzes\"@de\t\"81000000\"\ttrue\t\"2020-01-01\"\t\"2022-12-31\"\tLand",
            "\"Digitale Modellregionen in NRW\"@de\t\"91000000\"\ttrue\t\t\"2021-12-31\"\tLand",
            "\"Ausstattung der Lehrerinnen und Lehrer mit digitalen Endgeräten\"@de\t\"103000000\"\ttrue\t\t\t",
            "\"Novellierung des EGovG NRW\"@de\t\"600000000\"\ttrue\t\t\tLand",
        ]
    );
}

#[test]
fn the_numbered_questions_and_their_answers() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let rows = select(
        &store,
        "PREFIX schema: <http://schema.org/> PREFIX eli: <http://data.europa.eu/eli/ontology#>
         SELECT ?n (STRENDS(STR(?q), \"?\") AS ?asks) (SUBSTR(STR(?a), 1, 30) AS ?answer) WHERE {
           ?d eli:id_local \"17/10377\" ; schema:hasPart ?x .
           ?x a schema:Question ; schema:position ?n ; schema:text ?q ; schema:acceptedAnswer/schema:text ?a
         } ORDER BY ?n",
    );
    assert_eq!(
        rows,
        [
            "1\ttrue\t\"Die Frage wird so verstanden, \"",
            "2\ttrue\t\"Mit der Novellierung des EGovG\"",
            "3\ttrue\t\"Sowohl im Rahmen des Jahrespro\"",
            "4\ttrue\t\"Im Jahr 2019 wurden die notwen\"",
            "5\ttrue\t\"Das Ministerium für Schule und\"",
        ]
    );
}

#[test]
fn programmes_with_parts_dates_and_figures_as_the_gold_lists_them() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let out = ok(&[
        "query",
        "--store",
        s(&store),
        "programmes",
        "--format",
        "csv",
    ]);
    let csv = stdout(&out);
    assert_eq!(
        csv.lines().next(),
        Some("programme,kind,part_of,rollout,passed,started,planned,figure,unit,as_of,source")
    );
    // Every programme of the gold file, with what the text calls it, its part, dates and the
    // counts the text ties to it.
    let web = "webbasierte Arbeitsplattform für Schulen in Nordrhein-Westfalen";
    let edmond = "\"Datenbank mit Tausenden lizensierten, audiovisuellen Bildungsmedien\"";
    let rows = [
        format!("LOGINEO NRW,{web},,2019-11-26,,,,872,Schulen,2020-06-25,mmd17-10377.txt"),
        "LOGINEO NRW LMS,Lernmanagementsystem,LOGINEO NRW,2020-06-10,,,,786,Schulen,2020-07-02,mmd17-10377.txt".into(),
        "LOGINEO NRW Messenger,,LOGINEO NRW,,,,true,,,,".into(),
        format!("EDMOND NRW,{edmond},,,,,,,,,"),
        // `das Förderprogramm für bis zu 120 Kommunen` points back to the programme; `50
        // Kommunen haben daraufhin …` and `So hat … z.B. … ca. 45 Digitalbeauftragten` go on
        // about it.
        "Digitale Modellregionen in NRW,Förderprogramm,,,,2018,,120,Kommunen,,mmd17-10377.txt".into(),
        "Digitale Modellregionen in NRW,Förderprogramm,,,,2018,,50,Kommunen,,mmd17-10377.txt".into(),
        "Digitale Modellregionen in NRW,Förderprogramm,,,,2018,,45,Digitalbeauftragten,,mmd17-10377.txt".into(),
        "Novellierung des EGovG NRW,,,,2020-06-25,,,,,,".into(),
        // `die Umsetzung des OZG`, then `Zu den Strukturen gehören … bis zu 14 …`.
        "Umsetzung des Onlinezugangsgesetzes,,,,,,,14,Themenfeldkoordinatorinnen,,mmd17-10377.txt".into(),
        "Umsetzung des Onlinezugangsgesetzes,,,,,,,575,OZG-Leistungen,,mmd17-10377.txt".into(),
        "Ausstattung der Lehrerinnen und Lehrer mit digitalen Endgeräten,,,,,,,,,,".into(),
    ];
    for row in rows {
        assert!(csv.lines().any(|l| l == row), "{row} missing:\n{csv}");
    }
    // No count is tied to a programme it is not about: the plenary's and the committee's
    // counts name none of the Drucksache's programmes.
    assert_eq!(
        csv.lines()
            .filter(|l| l.ends_with(".txt") || l.ends_with(".pdf"))
            .count(),
        7,
        "{csv}"
    );
    // The counts of the gold files, each with its qualifier, whole or date where printed.
    let figures = select(
        &store,
        "PREFIX lt: <https://w3id.org/landtag-lod/ontology#> PREFIX schema: <http://schema.org/>
         PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/>
         SELECT ?src ?v ?unit ?extra WHERE {
           ?f a lt:Kennzahl ; schema:value ?v ; schema:unitText ?unit ; prov:wasDerivedFrom/dcterms:source ?src
           OPTIONAL { ?f lt:zusatz ?q } OPTIONAL { ?f lt:gesamt ?of } OPTIONAL { ?f lt:stand ?asof }
           BIND(COALESCE(STR(?q), STR(?of), STR(?asof), \"\") AS ?extra)
         }",
    );
    let has = |src: &str, v: &str, unit: &str, extra: &str| {
        figures.iter().any(|r| {
            let f: Vec<&str> = r.split('\t').collect();
            f[0].contains(src)
                && f[1].starts_with(&format!("\"{v}\""))
                && f[2].contains(unit)
                && f[3] == format!("\"{extra}\"")
        })
    };
    // A count keeps the sentence it stands in, also where that sentence opens with it.
    let fifty = select(
        &store,
        "PREFIX lt: <https://w3id.org/landtag-lod/ontology#> PREFIX schema: <http://schema.org/>
         SELECT ?t WHERE { ?f a lt:Kennzahl ; schema:value 50.0 ; schema:text ?t }",
    );
    assert_eq!(fifty.len(), 1, "{fifty:?}");
    assert!(
        fifty[0].starts_with("\"50 Kommunen haben daraufhin"),
        "{fifty:?}"
    );
    // The slide's counts with their printed source and the whole they are out of.
    let slide = select(
        &store,
        "PREFIX lt: <https://w3id.org/landtag-lod/ontology#> PREFIX schema: <http://schema.org/>
         PREFIX dcterms: <http://purl.org/dc/terms/>
         SELECT DISTINCT ?v ?of WHERE { ?f a lt:Kennzahl ; schema:value ?v ; lt:quelle \"PVOG\" ;
           lt:stand \"2021-11-12\"^^<http://www.w3.org/2001/XMLSchema#date> OPTIONAL { ?f lt:gesamt ?of } }
         ORDER BY ?v",
    );
    let d = |v: &str| format!("\"{v}\"^^<http://www.w3.org/2001/XMLSchema#decimal>");
    assert_eq!(
        slide,
        [
            format!("{}\t{}", d("0"), d("330")),
            format!("{}\t{}", d("75"), d("330")),
            format!("{}\t{}", d("255"), d("330")),
            format!("{}\t", d("330")),
        ]
    );
    for (src, v, unit, extra) in [
        ("mmd17-10377", "872", "Schulen", "2020-06-25"),
        ("mmd17-10377", "786", "Schulen", "2020-07-02"),
        ("mmd17-10377", "120", "Kommunen", "bis zu"),
        ("mmd17-10377", "50", "Kommunen", ""),
        ("mmd17-10377", "45", "Digitalbeauftragten", "ca."),
        ("mmd17-10377", "575", "OZG-Leistungen", ""),
        ("mmd17-10377", "14", "Themenfeldkoordinatorinnen", "bis zu"),
        ("apr17-adi-61", "330", "OZG Leistungen", "2021-11-12"),
        // The slide's `davon` counts: out of the 330, with their own words.
        (
            "apr17-adi-61",
            "75",
            "OZG Leistungen",
            "flächendeckend bundesweit",
        ),
        (
            "apr17-adi-61",
            "0",
            "OZG Leistungen",
            "flächendeckend landesweit",
        ),
        (
            "apr17-adi-61",
            "255",
            "OZG Leistungen",
            "flächendeckend mind. In einer Gemeinde",
        ),
        ("apr17-adi-61", "78", "Ziele", ""),
        ("apr17-adi-61", "44", "Ziele", ""),
        ("apr17-adi-61", "575", "OZG-Leistungen", ""),
        ("apr17-adi-61", "70", "Dienstleistungen", ""),
        ("apr17-adi-61", "63", "kommunale Partner", ""),
        ("apr17-adi-61", "396", "Kommune", ""),
        ("mmp18-15_excerpt", "401", "OZG-Leistungen", "580"),
        ("mmp18-15_excerpt", "575", "Verwaltungsleistungen", ""),
        ("mmp18-15_excerpt", "35", "Lebenslagen", ""),
        // `17 Unternehmensund 35 Lebenslagen`: the hyphen was lost before the text reached us.
        ("mmp18-15_excerpt", "17", "Unternehmenslagen", ""),
    ] {
        assert!(
            has(src, v, unit, extra),
            "{src} {v} {unit} {extra}:\n{figures:#?}"
        );
    }
}

#[test]
fn a_committee_protocols_attachments_are_documents_of_their_own() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let rows = select(
        &store,
        "PREFIX lt: <https://w3id.org/landtag-lod/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
         PREFIX schema: <http://schema.org/> PREFIX eli: <http://data.europa.eu/eli/ontology#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
         SELECT ?n ?kind ?title ?date ?from ?to (COUNT(DISTINCT ?q) AS ?questions) WHERE {
           ?a a lt:Anlage ; dcterms:isPartOf ?p ; schema:position ?n ; dcterms:type ?kind ; dcterms:title ?title ; eli:date_document ?date .
           ?p a lt:Ausschussprotokoll .
           OPTIONAL { ?a dcterms:creator/foaf:name ?from } OPTIONAL { ?a schema:recipient/foaf:name ?to }
           OPTIONAL { ?a schema:hasPart ?q }
         } GROUP BY ?n ?kind ?title ?date ?from ?to ORDER BY ?n",
    );
    let date = "^^<http://www.w3.org/2001/XMLSchema#date>";
    assert_eq!(
        rows,
        [
            format!("1\t\"Schreiben\"@de\t\"Digitalstrategie 2.0\"@de\t\"2021-11-22\"{date}\t\"Christina Kampmann\"\t\"Thorsten Schick\"\t5"),
            format!("2\t\"Präsentation\"@de\t\"Digitalstrategie 2.0\"@de\t\"2021-12-02\"{date}\t\t\t0"),
        ]
    );
}

#[test]
fn the_papers_a_document_cites_have_their_kind_and_submitter() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let out = ok(&["query", "--store", s(&store), "papers", "--format", "csv"]);
    let csv = stdout(&out);
    assert_eq!(csv.lines().next(), Some("paper,kind,submitter,source"));
    for row in [
        "17/9399,Kleine Anfrage,Angela Lück,mmd17-10377.txt",
        // The answer itself, by the ministry of the minister who answered.
        "17/10377,Antwort der Landesregierung auf die Kleine Anfrage,\"Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie\",mmd17-10377.txt",
        "17/15478,Gesetzentwurf,Landesregierung,apr17-adi-61_2021-12-02.txt",
        "17/13778,Antrag,SPD,apr17-adi-61_2021-12-02.txt",
        // `Der Ältestenrat empfiehlt die Überweisung des Antrages Drucksache 18/1669`.
        "18/1669,Antrag,,mmp18-15_excerpt.txt",
    ] {
        assert!(csv.lines().any(|l| l == row), "{row} missing:\n{csv}");
    }
}
