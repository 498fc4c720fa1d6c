//! The VoID description (`/.well-known/void`): the whole data as one `void:Dataset` (the
//! catalogue's dataset IRI), its size, its class and property partitions, where to query and
//! download it, its URI space, example resources and the vocabularies it uses. Every figure is
//! counted by a SPARQL query over the store when the description is made.

use crate::catalog::{dataset_iri, LICENCE};
use crate::graph::{Graph, PREFIXES};
use crate::manifest::{Manifest, Part};
use landtag_rdf::Base;
use landtag_store::{self as store, StoreError};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use std::collections::BTreeSet;

/// The figures of a VoID description.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub triples: u64,
    pub entities: u64,
    pub distinct_subjects: u64,
    pub distinct_objects: u64,
    /// (class, instances), by class IRI.
    pub classes: Vec<(NamedNode, u64)>,
    /// (property, triples), by property IRI.
    pub properties: Vec<(NamedNode, u64)>,
}

/// Rows of a SELECT as (first column as IRI if any, the named integer column).
fn rows(store: &Store, q: &str, count: &str) -> Result<Vec<(Option<NamedNode>, u64)>, StoreError> {
    let QueryResults::Solutions(solutions) = store::query(store, q, None)? else {
        return Ok(Vec::new());
    };
    let vars: Vec<String> = solutions
        .variables()
        .iter()
        .map(|v| v.as_str().to_owned())
        .collect();
    let mut out = Vec::new();
    for s in solutions {
        let s = s?;
        let key = vars
            .iter()
            .find(|v| *v != count)
            .and_then(|v| match s.get(v.as_str()) {
                Some(Term::NamedNode(n)) => Some(n.clone()),
                _ => None,
            });
        let n = match s.get(count) {
            Some(Term::Literal(l)) => l.value().parse().unwrap_or(0),
            _ => 0,
        };
        out.push((key, n));
    }
    Ok(out)
}

impl Counts {
    pub fn read(store: &Store) -> Result<Self, StoreError> {
        let one = |q: &str| -> Result<u64, StoreError> {
            Ok(rows(store, q, "n")?.first().map_or(0, |r| r.1))
        };
        let triples = one("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")?;
        let entities =
            one("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?s)) }")?;
        let distinct_subjects = one("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")?;
        let distinct_objects = one("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }")?;
        let partition = |q: &str| -> Result<Vec<(NamedNode, u64)>, StoreError> {
            let mut v: Vec<(NamedNode, u64)> = rows(store, q, "n")?
                .into_iter()
                .filter_map(|(k, n)| Some((k?, n)))
                .collect();
            v.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
            Ok(v)
        };
        let classes = partition(
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } GROUP BY ?c",
        )?;
        let properties = partition("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")?;
        Ok(Self {
            triples,
            entities,
            distinct_subjects,
            distinct_objects,
            classes,
            properties,
        })
    }
}

/// A few resources to start from: a document, a meeting, a person, a vote, where there are.
fn examples(store: &Store) -> Result<Vec<NamedNode>, StoreError> {
    let q = "PREFIX lt: <https://w3id.org/landtag-lod/ontology#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        PREFIX opengov: <http://www.w3.org/ns/opengov#>
        SELECT ?c (MIN(?x) AS ?n) WHERE {
          VALUES ?c { lt:Plenarprotokoll lt:Drucksache lt:Sitzung foaf:Person opengov:VoteEvent }
          ?x a ?c FILTER(isIRI(?x)) } GROUP BY ?c";
    let QueryResults::Solutions(solutions) = store::query(store, q, None)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for s in solutions {
        if let Some(Term::NamedNode(n)) = s?.get("n") {
            out.push(n.clone());
        }
    }
    out.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    Ok(out)
}

/// The description of the store.
pub fn describe(store: &Store, base: &Base, manifest: &Manifest) -> Result<Graph, StoreError> {
    let counts = Counts::read(store)?;
    let ds = dataset_iri(base, Part::All);
    let mut g = Graph::default();
    g.iri(&ds, "rdf:type", "void:Dataset");
    g.lang(
        &ds,
        "dcterms:title",
        "Landtag Nordrhein-Westfalen: Protokolle und Drucksachen",
        "de",
    );
    g.iri(&ds, "dcterms:license", LICENCE);
    g.iri(
        &ds,
        "void:sparqlEndpoint",
        &format!("{}/sparql", base.as_str()),
    );
    g.lit(&ds, "void:uriSpace", &format!("{}/id/", base.as_str()));
    g.iri(&ds, "void:feature", "http://www.w3.org/ns/formats/N-Quads");
    g.iri(&ds, "void:feature", "http://www.w3.org/ns/formats/Turtle");
    // The RDF dumps (the tables are rows of queries, not the dataset).
    for e in manifest
        .files
        .iter()
        .filter(|e| e.part == Part::All && e.table.is_none())
    {
        g.iri(
            &ds,
            "void:dataDump",
            &format!("{}/dumps/{}", base.as_str(), e.file),
        );
    }
    for x in examples(store)? {
        g.node(&ds, "void:exampleResource", &x);
    }
    g.int(&ds, "void:triples", counts.triples);
    g.int(&ds, "void:entities", counts.entities);
    g.int(&ds, "void:distinctSubjects", counts.distinct_subjects);
    g.int(&ds, "void:distinctObjects", counts.distinct_objects);
    g.int(&ds, "void:classes", counts.classes.len() as u64);
    g.int(&ds, "void:properties", counts.properties.len() as u64);
    let mut vocabularies = BTreeSet::new();
    for (i, (class, n)) in counts.classes.iter().enumerate() {
        let part = base.served(&format!("katalog/datensatz/landtag-nrw/void/klasse/{i}"));
        g.node(&ds, "void:classPartition", &part);
        g.node(&part, "void:class", class);
        g.int(&part, "void:entities", *n);
    }
    for (i, (property, n)) in counts.properties.iter().enumerate() {
        let part = base.served(&format!(
            "katalog/datensatz/landtag-nrw/void/eigenschaft/{i}"
        ));
        g.node(&ds, "void:propertyPartition", &part);
        g.node(&part, "void:property", property);
        g.int(&part, "void:triples", *n);
        vocabularies.insert(namespace(property.as_str()));
    }
    for v in vocabularies.into_iter().flatten() {
        g.iri(&ds, "void:vocabulary", &v);
    }
    Ok(g)
}

/// The vocabulary a term belongs to: a known namespace, else the IRI up to its last `#` or `/`.
fn namespace(iri: &str) -> Option<String> {
    let known = landtag_rdf::vocab::PREFIXES.iter().chain(PREFIXES);
    if let Some((_, ns)) = known
        .filter(|(_, ns)| iri.starts_with(ns))
        .max_by_key(|(_, ns)| ns.len())
    {
        return Some((*ns).to_owned());
    }
    let cut = iri.rfind(['#', '/'])?;
    Some(iri[..=cut].to_owned())
}
