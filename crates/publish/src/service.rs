//! The endpoint's SPARQL 1.1 Service Description, which `serve` answers at `/sparql` when the
//! request asks no query: what it speaks, the formats it answers in, that its default graph is
//! the union of the graphs (unless a query names its own), and where the data is described.

use crate::catalog::dataset_iri;
use crate::graph::Graph;
use crate::manifest::Part;
use landtag_rdf::Base;

/// The formats the endpoint answers in (W3C's format IRIs).
const RESULT_FORMATS: &[&str] = &[
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
];

/// The description; its subject is the endpoint's IRI, `{base}/sparql`.
pub fn describe(base: &Base) -> Graph {
    let endpoint = base.served("sparql");
    let mut g = Graph::default();
    g.iri(&endpoint, "rdf:type", "sd:Service");
    g.node(&endpoint, "sd:endpoint", &endpoint);
    g.iri(&endpoint, "sd:supportedLanguage", "sd:SPARQL11Query");
    for f in RESULT_FORMATS {
        let iri = format!("http://www.w3.org/ns/formats/{f}");
        g.iri(&endpoint, "sd:resultFormat", &iri);
    }
    g.iri(&endpoint, "sd:feature", "sd:UnionDefaultGraph");
    g.iri(
        &endpoint,
        "sd:defaultEntailmentRegime",
        "http://www.w3.org/ns/entailment/Simple",
    );
    // The dataset is the catalogue's and VoID's: described there, with its counts.
    let dataset = dataset_iri(base, Part::All);
    g.node(&endpoint, "sd:defaultDataset", &dataset);
    g.iri(&dataset, "rdf:type", "sd:Dataset");
    g.node(&dataset, "rdfs:seeAlso", &base.served(".well-known/void"));
    g.node(&dataset, "rdfs:seeAlso", &base.served("catalog"));
    g
}
