//! What the index holds of one document graph, read from the store (never from the converter's
//! output: the index is made from what the store says, so a rebuild gives what an update gave).

use landtag_rdf::vocab::{dcterms, eli, lt, nif, odrs, opengov, prov, schema, skos};
use landtag_store::{self as store, StoreError};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use std::collections::{BTreeMap, HashMap};

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Speech,
    Interjection,
    AgendaItem,
    Paper,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Speech,
        Kind::Interjection,
        Kind::AgendaItem,
        Kind::Paper,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Speech => "speech",
            Kind::Interjection => "interjection",
            Kind::AgendaItem => "agenda-item",
            Kind::Paper => "paper",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One resource of the store as the index holds it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub kind: Kind,
    pub document: String,
    pub label: String,
    pub text: String,
    pub period: u32,
    /// `yyyymmdd`.
    pub date: Option<u64>,
    pub factions: Vec<String>,
    /// Person IRIs and names as printed.
    pub persons: Vec<String>,
}

type Row = HashMap<String, String>;

fn rows(store: &Store, sparql: &str) -> Result<Vec<Row>, StoreError> {
    let QueryResults::Solutions(solutions) = store::query(store, sparql, None)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(StoreError::from)?;
        let row = solution
            .iter()
            .map(|(v, t)| {
                let value = match t {
                    Term::NamedNode(n) => n.as_str().to_owned(),
                    Term::Literal(l) => l.value().to_owned(),
                    other => other.to_string(),
                };
                (v.as_str().to_owned(), value)
            })
            .collect();
        out.push(row);
    }
    Ok(out)
}

fn get<'a>(row: &'a Row, key: &str) -> &'a str {
    row.get(key).map_or("", String::as_str)
}

/// The document a graph holds: IRI, label, period and date; `None` for a graph of no document
/// (the shared graph, the links, the cabinets).
struct Doc {
    iri: String,
    label: String,
    period: u32,
    date: Option<u64>,
    class: String,
    title: String,
}

fn document(store: &Store, graph: &NamedNode) -> Result<Option<Doc>, StoreError> {
    let q = format!(
        "SELECT ?doc ?class ?wp ?date ?title ?num WHERE {{ GRAPH <{g}> {{
           <{g}> <{from}> ?doc . ?doc a ?class ; <{wp}> ?wp .
           FILTER(STRSTARTS(STR(?class), \"{lt}\"))
           OPTIONAL {{ ?doc <{date}> ?date }} OPTIONAL {{ ?doc <{title}> ?title }}
           OPTIONAL {{ ?doc <{num}> ?num }} }} }} LIMIT 1",
        g = graph.as_str(),
        from = prov::WAS_DERIVED_FROM.as_str(),
        wp = lt::WAHLPERIODE.as_str(),
        lt = lt::NS,
        date = eli::DATE_DOCUMENT.as_str(),
        title = eli::TITLE.as_str(),
        num = eli::ID_LOCAL.as_str(),
    );
    let Some(r) = rows(store, &q)?.into_iter().next() else {
        return Ok(None);
    };
    let class = get(&r, "class").rsplit('#').next().unwrap_or("").to_owned();
    let date = get(&r, "date");
    let label = match get(&r, "num") {
        "" if date.is_empty() => class.clone(),
        "" => format!("{class} vom {date}"),
        n => format!("{class} {n}"),
    };
    Ok(Some(Doc {
        iri: get(&r, "doc").to_owned(),
        label,
        period: get(&r, "wp").parse().unwrap_or(0),
        date: date.replace('-', "").parse().ok(),
        class,
        title: get(&r, "title").to_owned(),
    }))
}

/// Every entry of the document in `graph`: its speeches, calls, agenda items and, for a
/// Drucksache, its title and text.
pub fn entries(store: &Store, graph: &NamedNode) -> Result<Vec<Entry>, StoreError> {
    let Some(doc) = document(store, graph)? else {
        return Ok(Vec::new());
    };
    let mut out = speeches(store, graph, &doc)?;
    out.extend(interjections(store, graph, &doc)?);
    out.extend(agenda(store, graph, &doc)?);
    if doc.class == "Drucksache" {
        out.extend(paper(store, graph, &doc)?);
    }
    Ok(out)
}

fn entry(doc: &Doc, id: &str, kind: Kind, label: String, text: String) -> Entry {
    Entry {
        id: id.to_owned(),
        kind,
        document: doc.iri.clone(),
        label,
        text,
        period: doc.period,
        date: doc.date,
        factions: Vec::new(),
        persons: Vec::new(),
    }
}

fn speeches(store: &Store, graph: &NamedNode, doc: &Doc) -> Result<Vec<Entry>, StoreError> {
    let q = format!(
        "SELECT ?s ?text ?speaker ?person ?faction WHERE {{
           GRAPH <{g}> {{ ?s a <{speech}> ; <{text}> ?text .
             OPTIONAL {{ ?s <{attribution}> ?speaker }} OPTIONAL {{ ?s <{creator}> ?person }} }}
           OPTIONAL {{ GRAPH <{g}> {{ ?s <{faction}> ?f }} ?f <{label}> ?faction }} }}",
        g = graph.as_str(),
        speech = opengov::SPEECH.as_str(),
        text = schema::TEXT.as_str(),
        attribution = odrs::ATTRIBUTION_TEXT.as_str(),
        creator = schema::CREATOR.as_str(),
        faction = lt::FRAKTION_PROP.as_str(),
        label = skos::PREF_LABEL.as_str(),
    );
    Ok(rows(store, &q)?
        .iter()
        .map(|r| {
            let speaker = get(r, "speaker");
            let faction = get(r, "faction");
            let who = match (speaker, faction) {
                ("", _) => "Beitrag".to_owned(),
                (s, "") => format!("Rede von {s}"),
                (s, f) => format!("Rede von {s} ({f})"),
            };
            let mut e = entry(
                doc,
                get(r, "s"),
                Kind::Speech,
                format!("{who}, {}", doc.label),
                get(r, "text").to_owned(),
            );
            e.factions
                .extend(Some(faction.to_owned()).filter(|f| !f.is_empty()));
            e.persons.extend(
                [get(r, "person").to_owned(), speaker.to_lowercase()]
                    .into_iter()
                    .filter(|p| !p.is_empty()),
            );
            e
        })
        .collect())
}

/// Calls with words: one entry per interjection, its actors gathered.
fn interjections(store: &Store, graph: &NamedNode, doc: &Doc) -> Result<Vec<Entry>, StoreError> {
    let q = format!(
        "SELECT ?s ?text ?who ?faction ?name WHERE {{
           GRAPH <{g}> {{ ?s a <{class}> ; <{text}> ?text }}
           OPTIONAL {{ GRAPH <{g}> {{ ?s <{creator}> ?who }}
             OPTIONAL {{ ?who <{label}> ?faction }} OPTIONAL {{ ?who <http://xmlns.com/foaf/0.1/name> ?name }} }} }}",
        g = graph.as_str(),
        class = lt::INTERJEKTION.as_str(),
        text = schema::TEXT.as_str(),
        creator = dcterms::CREATOR.as_str(),
        label = skos::PREF_LABEL.as_str(),
    );
    let mut by_id: BTreeMap<String, Entry> = BTreeMap::new();
    for r in rows(store, &q)? {
        let e = by_id.entry(get(&r, "s").to_owned()).or_insert_with(|| {
            let label = format!("Zwischenruf, {}", doc.label);
            entry(
                doc,
                get(&r, "s"),
                Kind::Interjection,
                label,
                get(&r, "text").to_owned(),
            )
        });
        match (get(&r, "faction"), get(&r, "name")) {
            ("", "") => {}
            ("", name) => {
                e.persons.push(get(&r, "who").to_owned());
                e.persons.push(name.to_lowercase());
            }
            (f, _) => e.factions.push(f.to_owned()),
        }
    }
    Ok(by_id.into_values().collect())
}

fn agenda(store: &Store, graph: &NamedNode, doc: &Doc) -> Result<Vec<Entry>, StoreError> {
    let q = format!(
        "SELECT ?s ?n ?title WHERE {{ GRAPH <{g}> {{ ?s a <{class}> ; <{name}> ?title . OPTIONAL {{ ?s <{id}> ?n }} }} }}",
        g = graph.as_str(),
        class = lt::TAGESORDNUNGSPUNKT.as_str(),
        name = schema::NAME.as_str(),
        id = schema::IDENTIFIER.as_str(),
    );
    Ok(rows(store, &q)?
        .iter()
        .map(|r| {
            let label = format!("TOP {}, {}", get(r, "n"), doc.label);
            entry(
                doc,
                get(r, "s"),
                Kind::AgendaItem,
                label,
                get(r, "title").to_owned(),
            )
        })
        .collect())
}

/// A printed paper: its title and its whole text, one entry.
fn paper(store: &Store, graph: &NamedNode, doc: &Doc) -> Result<Option<Entry>, StoreError> {
    let q = format!(
        "SELECT ?text WHERE {{ GRAPH <{g}> {{ ?c a <{context}> ; <{from}> <{doc}> ; <{string}> ?text }} }} LIMIT 1",
        g = graph.as_str(),
        context = nif::CONTEXT.as_str(),
        from = prov::WAS_DERIVED_FROM.as_str(),
        doc = doc.iri,
        string = nif::IS_STRING.as_str(),
    );
    let text = rows(store, &q)?
        .into_iter()
        .next()
        .map(|r| get(&r, "text").to_owned())
        .unwrap_or_default();
    let label = if doc.title.is_empty() {
        doc.label.clone()
    } else {
        format!("{}: {}", doc.label, doc.title)
    };
    Ok(Some(entry(
        doc,
        &doc.iri,
        Kind::Paper,
        label,
        format!("{}\n{text}", doc.title),
    )))
}
