//! The links to Wikidata in the store: reading the persons and factions to link, and mapping
//! the review file's links into one named graph, `{base}/graph/links`, replaced as a whole.
//!
//! Persons: `owl:sameAs` the Wikidata item (a person is the person: see ARCHITECTURE.md) and a
//! `skos:prefLabel` with the full name (the item's label where the documents print only a
//! surname). Parties: `owl:sameAs` their item, so a faction reaches its party's item by
//! `lt:partei/owl:sameAs`; a faction itself is never `owl:sameAs` a party: it is not its party.

use crate::link::{self, Link, Person, Report};
use crate::rdf::iri::{self, Base};
use crate::rdf::map::Mapped;
use crate::rdf::vocab::{foaf, lt, opengov, org, owl, prov, rdf, skos, xsd};
use crate::store::{self, StoreError};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use std::path::Path;

fn rows(store: &Store, sparql: &str) -> Result<Vec<Vec<Option<Term>>>, StoreError> {
    let QueryResults::Solutions(solutions) = store::query(store, sparql, None)? else {
        return Ok(Vec::new());
    };
    let vars: Vec<_> = solutions.variables().to_vec();
    let mut out = Vec::new();
    for s in solutions {
        let s = s?;
        out.push(vars.iter().map(|v| s.get(v).cloned()).collect());
    }
    Ok(out)
}

fn text(t: &Option<Term>) -> String {
    match t {
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// The persons the store's documents show (`lt:wahlperiode`) that the member list does not
/// link (a member's Wikidata item from the list is a claim of the shared graph), with whether
/// a document shows them as a member (a faction membership or a vote).
pub fn persons(store: &Store, base: &Base) -> Result<Vec<Person>, StoreError> {
    let q = format!(
        "SELECT ?p (MIN(?n) AS ?name) (MAX(?m) AS ?member) (GROUP_CONCAT(DISTINCT STR(?wp)) AS ?periods) WHERE {{
           ?p a <{person}> ; <{name}> ?n .
           ?p <{period}> ?shown .
           FILTER NOT EXISTS {{ GRAPH <{shared}> {{ ?p <{same_as}> ?item }} }}
           OPTIONAL {{ {{ ?p <{member_of}> ?f }} UNION {{ ?v <{voter}> ?p }} BIND(true AS ?m) }}
           OPTIONAL {{ ?p <{member_of}>/<{period}> ?wp }}
         }} GROUP BY ?p ORDER BY ?p",
        person = foaf::PERSON.as_str(),
        name = foaf::NAME.as_str(),
        member_of = org::MEMBER_OF.as_str(),
        voter = opengov::VOTER.as_str(),
        period = lt::WAHLPERIODE.as_str(),
        shared = base.shared_graph().as_str(),
        same_as = owl::SAME_AS.as_str(),
    );
    Ok(rows(store, &q)?
        .iter()
        .filter_map(|r| {
            let iri = text(&r[0]);
            Some(Person {
                id: base.path_of(&iri)?.to_owned(),
                name: text(&r[1]),
                member_evidence: text(&r[2]) == "true",
                periods: text(&r[3])
                    .split_whitespace()
                    .filter_map(|p| p.parse().ok())
                    .collect(),
            })
        })
        .collect())
}

/// The store's factions with their short label and party.
pub fn factions(store: &Store) -> Result<Vec<(NamedNode, String, NamedNode)>, StoreError> {
    let q = format!(
        "SELECT DISTINCT ?f ?label ?party WHERE {{ ?f a <{fraktion}> ; <{pref}> ?label ; <{partei}> ?party
           FILTER(!STRSTARTS(STR(?party), \"http://www.wikidata.org/\")) }} ORDER BY ?f",
        fraktion = lt::FRAKTION.as_str(),
        pref = skos::PREF_LABEL.as_str(),
        partei = lt::PARTEI_PROP.as_str(),
    );
    Ok(rows(store, &q)?
        .iter()
        .filter_map(|r| match (&r[0], &r[2]) {
            (Some(Term::NamedNode(f)), Some(Term::NamedNode(p))) => {
                Some((f.clone(), text(&r[1]), p.clone()))
            }
            _ => None,
        })
        .collect())
}

/// The links graph: persons' links, and for each faction its party's item (`parties`: the
/// faction, its party and the party's QID). `digest` identifies the inputs (review file and
/// member list), so that an unchanged run rewrites nothing.
pub fn map_links(
    base: &Base,
    links: &[Link],
    parties: &[(NamedNode, NamedNode, String)],
    digest: &str,
    converted_at: &str,
) -> Mapped {
    let graph = base.links_graph();
    let g = GraphName::NamedNode(graph.clone());
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
        quads.push(Quad::new(s.clone(), p, o, g.clone()));
    };
    add(&graph, rdf::TYPE, prov::ENTITY.into_owned().into());
    add(
        &graph,
        lt::QUELLDATEI,
        Literal::new_simple_literal("data/links.tsv").into(),
    );
    add(
        &graph,
        lt::QUELLPRUEFSUMME,
        Literal::new_simple_literal(format!("sha256:{digest}")).into(),
    );
    add(
        &graph,
        prov::GENERATED_AT_TIME,
        Literal::new_typed_literal(converted_at, xsd::DATE_TIME).into(),
    );
    // The member list is Wikidata's holders of "member of the Landtag of North Rhine-Westphalia".
    if let Some(position) = iri::wikidata("Q17781726") {
        add(&graph, prov::WAS_DERIVED_FROM, position.into());
    }
    add(
        &graph,
        lt::KONVERTER,
        Literal::new_simple_literal(crate::rdf::CONVERTER).into(),
    );
    for l in links.iter().filter(|l| l.links()) {
        let (Some(item), person) = (iri::wikidata(&l.qid), base.from_path(&l.person)) else {
            continue;
        };
        add(&person, owl::SAME_AS, item.into());
        let full = if l.name.contains(' ') || l.label.is_empty() {
            &l.name
        } else {
            &l.label
        };
        add(
            &person,
            skos::PREF_LABEL,
            Literal::new_simple_literal(full).into(),
        );
    }
    for (_faction, party, qid) in parties {
        if let Some(item) = iri::wikidata(qid) {
            add(party, owl::SAME_AS, item.into());
        }
    }
    quads.sort_by_cached_key(|q| q.to_string());
    quads.dedup();
    Mapped {
        document: graph.clone(),
        graph,
        quads,
        claims: Vec::new(),
        shared_graph: base.shared_graph(),
        base: base.clone(),
    }
}

/// What `link` did: the report of the matching, how many parties it linked, and how the links
/// graph was written.
pub struct Linked {
    pub report: Report,
    pub parties: usize,
    pub outcome: crate::store::Outcome,
}

/// Links the persons and factions of the store at `store_dir` to Wikidata: reads the member
/// list and the review file, matches, writes the review file back and the links graph into the
/// store (or hands it to the `serve` that holds the store).
pub fn link_store(
    store_dir: &Path,
    members_path: &Path,
    review_path: &Path,
    base: &Base,
) -> anyhow::Result<Linked> {
    use anyhow::Context;
    let members = link::read_members(members_path)?;
    let review = link::read_review(review_path)?;
    // Beside a running `serve`: read the store read-only, hand it the links graph.
    let target = crate::ingest::Target::open(store_dir, base)?;
    let store = match &target {
        crate::ingest::Target::Store(s, ..) => s.clone(),
        crate::ingest::Target::Server(_) => store::open_read_only(store_dir)?,
    };
    let (rows, report) = link::link(&persons(&store, base)?, &members, &review);
    link::write_review(review_path, &rows)
        .with_context(|| format!("cannot write {}", review_path.display()))?;
    let index = link::Index::new(&members);
    let parties: Vec<_> = factions(&store)?
        .into_iter()
        .filter_map(|(faction, label, party)| {
            Some((faction, party, index.party(&label)?.qid.clone()))
        })
        .collect();
    let mut inputs = std::fs::read(review_path)?;
    inputs.extend(std::fs::read(members_path)?);
    inputs.extend(format!("{parties:?}").bytes());
    // The members by period (compiled in) decide links too.
    inputs.extend(crate::rdf::CONVERTER.bytes());
    let digest = crate::source::hex_sha256(&inputs);
    let mapped = map_links(base, &rows, &parties, &digest, &crate::pipeline::now_utc());
    let outcome = target.write(&mapped)?;
    target.flush()?;
    Ok(Linked {
        report,
        parties: parties.len(),
        outcome,
    })
}
