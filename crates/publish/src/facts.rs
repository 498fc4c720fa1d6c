//! What the catalogue, the dump set and the change feed say about the store, read from it: the
//! document graphs by Wahlperiode, their documents' dates and their conversion times.

use landtag_rdf::Base;
use landtag_store::{self as store, StoreError};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;
use std::collections::BTreeMap;

/// One document graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocGraph {
    pub graph: NamedNode,
    pub document: NamedNode,
    pub wahlperiode: u32,
    /// The document's date (`xsd:date`), where it has one.
    pub date: Option<String>,
    /// When the graph was made (`prov:generatedAtTime`, `xsd:dateTime`).
    pub converted_at: String,
    /// How many doubts the document's cross-checks raise (its `dqv:QualityAnnotation`s).
    pub doubts: u64,
    /// How many of a plenary protocol's votes the sitting's Beschlussprotokoll contradicts
    /// (rows of the named query `record-checks`; 0 where either is not in the store).
    pub contradictions: u64,
}

/// The document graphs of one Wahlperiode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub wahlperiode: u32,
    pub graphs: Vec<DocGraph>,
}

impl Period {
    /// The first and last document date.
    pub fn dates(&self) -> Option<(&str, &str)> {
        let mut dates = self.graphs.iter().filter_map(|g| g.date.as_deref());
        let first = dates.next()?;
        Some(dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
    }
    /// How many doubts the period's documents raise about themselves.
    pub fn doubts(&self) -> u64 {
        self.graphs.iter().map(|g| g.doubts).sum()
    }

    /// How many disagreements between its protocols and records of decisions.
    pub fn contradictions(&self) -> u64 {
        self.graphs.iter().map(|g| g.contradictions).sum()
    }

    /// The newest conversion time: when this part of the data last changed.
    pub fn modified(&self) -> &str {
        self.graphs
            .iter()
            .map(|g| g.converted_at.as_str())
            .max()
            .unwrap_or_default()
    }
}

/// The store's document graphs, by Wahlperiode (ascending).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub periods: Vec<Period>,
}

impl Facts {
    pub fn read(store: &oxigraph::store::Store) -> Result<Self, StoreError> {
        const Q: &str = "PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
            PREFIX eli: <http://data.europa.eu/eli/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?g ?doc ?wp ?t (MIN(?d) AS ?date) (MIN(?s) AS ?source) WHERE { GRAPH ?g {
              ?g prov:wasDerivedFrom ?doc ; prov:generatedAtTime ?t . ?doc lt:wahlperiode ?wp .
              OPTIONAL { ?doc eli:date_document ?d } OPTIONAL { ?doc dcterms:source ?s } } }
            GROUP BY ?g ?doc ?wp ?t";
        let QueryResults::Solutions(rows) = store::query(store, Q, None)? else {
            return Ok(Self::default());
        };
        let doubts = doubts_by_graph(store)?;
        let contradictions = contradictions_by_source(store)?;
        let mut by_period: BTreeMap<u32, Vec<DocGraph>> = BTreeMap::new();
        for row in rows {
            let row = row?;
            let node = |v: &str| match row.get(v) {
                Some(Term::NamedNode(n)) => Some(n.clone()),
                _ => None,
            };
            let value = |v: &str| match row.get(v) {
                Some(Term::Literal(l)) => Some(l.value().to_owned()),
                _ => None,
            };
            let (Some(graph), Some(document), Some(wp), Some(t)) =
                (node("g"), node("doc"), value("wp"), value("t"))
            else {
                continue;
            };
            let Ok(wahlperiode) = wp.parse() else {
                continue;
            };
            let doubts = doubts.get(graph.as_str()).copied().unwrap_or(0);
            let contradictions = value("source")
                .and_then(|s| contradictions.get(&s).copied())
                .unwrap_or(0);
            by_period.entry(wahlperiode).or_default().push(DocGraph {
                graph,
                document,
                wahlperiode,
                date: value("date"),
                doubts,
                contradictions,
                converted_at: t,
            });
        }
        let periods = by_period
            .into_iter()
            .map(|(wahlperiode, mut graphs)| {
                graphs.sort_by(|a, b| a.graph.as_str().cmp(b.graph.as_str()));
                Period {
                    wahlperiode,
                    graphs,
                }
            })
            .collect();
        Ok(Self { periods })
    }

    /// The graphs a query over one Wahlperiode reads: its document graphs, and the shared and
    /// links graphs (what documents say about the persons, factions and papers they mention);
    /// `None` when the store holds no document of that period.
    pub fn period_graphs(&self, wahlperiode: u32, base: &Base) -> Option<Vec<NamedNode>> {
        let period = self.periods.iter().find(|p| p.wahlperiode == wahlperiode)?;
        let mut graphs: Vec<NamedNode> = period.graphs.iter().map(|g| g.graph.clone()).collect();
        graphs.push(base.shared_graph());
        graphs.push(base.links_graph());
        Some(graphs)
    }

    /// How many doubts all documents raise about themselves.
    pub fn doubts(&self) -> u64 {
        self.periods.iter().map(Period::doubts).sum()
    }

    /// How many disagreements between protocols and records of decisions in all.
    pub fn contradictions(&self) -> u64 {
        self.periods.iter().map(Period::contradictions).sum()
    }

    pub fn graphs(&self) -> impl Iterator<Item = &DocGraph> {
        self.periods.iter().flat_map(|p| &p.graphs)
    }

    /// The newest conversion time of all.
    pub fn modified(&self) -> &str {
        self.periods
            .iter()
            .map(Period::modified)
            .max()
            .unwrap_or_default()
    }
}

/// Each document graph's count of quality annotations (the doubts its cross-checks raise).
fn doubts_by_graph(
    store: &oxigraph::store::Store,
) -> Result<std::collections::HashMap<String, u64>, StoreError> {
    const Q: &str = "SELECT ?g (COUNT(?a) AS ?n) WHERE { GRAPH ?g {
        ?a a <http://www.w3.org/ns/dqv#QualityAnnotation> } } GROUP BY ?g";
    let mut out = std::collections::HashMap::new();
    let QueryResults::Solutions(rows) = store::query(store, Q, None)? else {
        return Ok(out);
    };
    for row in rows {
        let row = row?;
        if let (Some(Term::NamedNode(g)), Some(Term::Literal(n))) = (row.get("g"), row.get("n")) {
            out.insert(g.as_str().to_owned(), n.value().parse().unwrap_or(0));
        }
    }
    Ok(out)
}

/// Per plenary protocol's file, how many rows the named query `record-checks` gives it.
fn contradictions_by_source(
    store: &oxigraph::store::Store,
) -> Result<std::collections::HashMap<String, u64>, StoreError> {
    let q = crate::queries::named("record-checks").unwrap_or_default();
    let mut out = std::collections::HashMap::new();
    let QueryResults::Solutions(rows) = store::query(store, q, None)? else {
        return Ok(out);
    };
    for row in rows {
        if let Some(Term::Literal(s)) = row?.get("source") {
            *out.entry(s.value().to_owned()).or_default() += 1;
        }
    }
    Ok(out)
}

/// `{base}/graph/wahlperiode/N` in a query's dataset stands for the period's graphs
/// ([`Facts::period_graphs`]); the store's facts are read once, when a query first names one.
pub struct PeriodViews<'a> {
    base: &'a Base,
    facts: std::cell::OnceCell<Facts>,
}

impl<'a> PeriodViews<'a> {
    pub fn new(base: &'a Base) -> Self {
        Self {
            base,
            facts: std::cell::OnceCell::new(),
        }
    }
}

impl store::Views for PeriodViews<'_> {
    fn expand(
        &self,
        store: &oxigraph::store::Store,
        name: &NamedNode,
    ) -> Result<Option<Vec<NamedNode>>, StoreError> {
        let Some(wahlperiode) = self.base.period_of_graph(name) else {
            return Ok(None);
        };
        let facts = match self.facts.get() {
            Some(facts) => facts,
            None => {
                let read = Facts::read(store)?;
                self.facts.get_or_init(|| read)
            }
        };
        // A period the store holds no document of stands for no graph: an empty dataset.
        Ok(Some(
            facts
                .period_graphs(wahlperiode, self.base)
                .unwrap_or_default(),
        ))
    }
}
