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
