//! The state of the store a listing is valid for: its document graphs (units) with their
//! versions and source files, the graphs that are no document's, and what a write changes.

use super::file::{Head, FORMAT};
use landtag_rdf::map::Mapped;
use landtag_rdf::vocab::{dcterms, lt};
use landtag_store::{self as store, StoreError};
use oxigraph::model::{
    GraphNameRef, NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Term, Triple,
};
use oxigraph::store::Store;
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap, HashSet};

/// A document graph: what a block is kept for.
#[derive(Debug, Clone)]
pub struct Unit {
    pub graph: NamedNode,
    pub document: NamedNode,
    pub version: String,
    /// The document's source files (`dcterms:source` in its graph), sorted.
    pub sources: BTreeSet<String>,
}

/// The store's state, as the listings see it.
#[derive(Debug)]
pub struct Snapshot {
    pub units: Vec<Unit>,
    /// The graphs that are no document's (the shared graph among them).
    pub others: Vec<NamedNode>,
    /// A hash of the other graphs' versions (but the shared graph's) and of the named queries.
    pub global: String,
    /// A hash of every graph's version: the store's state.
    pub key: String,
    /// The writer's count of writes when the state was read (what is computed from it is kept
    /// only while no write has begun since).
    pub generation: u64,
    versions: HashMap<String, String>,
    by_document: HashMap<NamedNode, usize>,
}

impl Snapshot {
    /// Reads the state: a few index look-ups a graph (a graph that is no document's is hashed
    /// whole, but the shared one).
    pub fn read(store: &Store, shared: &NamedNode) -> Result<Self, StoreError> {
        let mut units = Vec::new();
        let mut others = Vec::new();
        let mut other_versions = Vec::new();
        for g in store.named_graphs() {
            let NamedOrBlankNode::NamedNode(g) = g? else {
                continue;
            };
            if &g == shared {
                others.push(g);
                continue;
            }
            let version = store::graph_version(store, &g)?;
            match unit_of(store, &g)? {
                Some((document, sources)) => units.push(Unit {
                    graph: g,
                    document,
                    version,
                    sources,
                }),
                None => {
                    other_versions.push(format!("{g} {version}"));
                    others.push(g);
                }
            }
        }
        other_versions.sort();
        let mut h = Sha256::new();
        h.update(format!("{FORMAT}\n").as_bytes());
        for (name, text) in crate::queries::NAMED {
            h.update(format!("{name}\n{text}\n").as_bytes());
        }
        for v in &other_versions {
            h.update(v.as_bytes());
        }
        let global = format!("{:x}", h.finalize());
        let mut h = Sha256::new();
        h.update(global.as_bytes());
        for u in &units {
            h.update(format!("{} {}\n", u.graph, u.version).as_bytes());
        }
        let key = format!("{:x}", h.finalize());
        let versions = units
            .iter()
            .map(|u| (u.graph.as_str().to_owned(), u.version.clone()))
            .collect();
        let by_document = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.document.clone(), i))
            .collect();
        Ok(Self {
            units,
            others,
            global,
            key,
            generation: 0,
            versions,
            by_document,
        })
    }

    /// Whether a unit's block was computed from this state.
    pub fn is_valid(&self, unit: &Unit, head: &Head) -> bool {
        head.version == unit.version
            && head.global == self.global
            && head
                .deps
                .iter()
                .all(|(g, v)| self.versions.get(g) == Some(v))
    }

    /// The graphs of the documents a unit names, and their versions: what its rows may read.
    pub fn dependencies(
        &self,
        store: &Store,
        unit: &Unit,
    ) -> Result<Vec<(NamedNode, String)>, StoreError> {
        let g = GraphNameRef::NamedNode(unit.graph.as_ref());
        let mut deps = Vec::new();
        for q in store.quads_for_pattern(
            Some(unit.graph.as_ref().into()),
            Some(lt::NENNT),
            None,
            Some(g),
        ) {
            let Term::NamedNode(named) = q?.object else {
                continue;
            };
            if let Some(other) = self.by_document.get(&named).map(|&i| &self.units[i]) {
                if other.graph != unit.graph {
                    deps.push((other.graph.clone(), other.version.clone()));
                }
            }
        }
        deps.sort();
        deps.dedup();
        Ok(deps)
    }

    /// The units in the order of their sources; `None` where two units' sources interleave
    /// (their blocks one after another would not be in order).
    pub fn by_source(&self) -> Option<Vec<&Unit>> {
        let mut order: Vec<&Unit> = self
            .units
            .iter()
            .filter(|u| !u.sources.is_empty())
            .collect();
        order.sort_by(|a, b| a.sources.first().cmp(&b.sources.first()));
        let ordered = order
            .windows(2)
            .all(|w| w[0].sources.last() < w[1].sources.first());
        ordered.then_some(order)
    }
}

/// A graph's document and its source files, where it is a document's graph.
fn unit_of(
    store: &Store,
    graph: &NamedNode,
) -> Result<Option<(NamedNode, BTreeSet<String>)>, StoreError> {
    let Some(document) = store::graph_document(store, graph)? else {
        return Ok(None);
    };
    let mut sources = BTreeSet::new();
    for q in store.quads_for_pattern(
        None,
        Some(dcterms::SOURCE),
        None,
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    ) {
        if let Term::Literal(l) = q?.object {
            sources.insert(l.value().to_owned());
        }
    }
    Ok((!sources.is_empty()).then_some((document, sources)))
}

/// What the shared graph said, before a write, about the things the written document names.
pub struct Before {
    graph: NamedNode,
    document: NamedNode,
    shared: NamedNode,
    subjects: Vec<NamedOrBlankNode>,
    said: HashSet<Triple>,
}

impl Before {
    /// Reads what the shared graph says about what the graph named before and names now.
    pub fn read(store: &Store, mapped: &Mapped) -> Result<Self, StoreError> {
        let g = GraphNameRef::NamedNode(mapped.graph.as_ref());
        let mut subjects: Vec<NamedOrBlankNode> = vec![mapped.document.clone().into()];
        for q in store.quads_for_pattern(
            Some(mapped.graph.as_ref().into()),
            Some(lt::NENNT),
            None,
            Some(g),
        ) {
            match q?.object {
                Term::NamedNode(n) => subjects.push(n.into()),
                Term::BlankNode(b) => subjects.push(b.into()),
                _ => {}
            }
        }
        subjects.extend(mapped.claims.iter().map(|c| c.triple.subject.clone()));
        let mut seen = HashSet::new();
        subjects.retain(|s| seen.insert(s.clone()));
        let said = said(store, &mapped.shared_graph, &subjects)?;
        Ok(Self {
            graph: mapped.graph.clone(),
            document: mapped.document.clone(),
            shared: mapped.shared_graph.clone(),
            subjects,
            said,
        })
    }

    /// After the write: the graphs whose blocks it made stale (its own; those naming its
    /// document, whose own statements may have moved; those naming a thing the shared graph
    /// now says something else about).
    pub fn stale(self, store: &Store) -> Result<BTreeSet<NamedNode>, StoreError> {
        let now = said(store, &self.shared, &self.subjects)?;
        let mut changed: HashSet<NamedOrBlankNode> = self
            .said
            .symmetric_difference(&now)
            .map(|t| t.subject.clone())
            .collect();
        changed.insert(self.document.clone().into());
        let mut stale = BTreeSet::from([self.graph.clone()]);
        for s in &changed {
            let object: Term = match s {
                NamedOrBlankNode::NamedNode(n) => n.clone().into(),
                NamedOrBlankNode::BlankNode(b) => b.clone().into(),
            };
            for q in store.quads_for_pattern(None, Some(lt::NENNT), Some(object.as_ref()), None) {
                if let oxigraph::model::GraphName::NamedNode(g) = q?.graph_name {
                    stale.insert(g);
                }
            }
        }
        Ok(stale)
    }
}

/// The shared graph's statements about `subjects`.
fn said(
    store: &Store,
    shared: &NamedNode,
    subjects: &[NamedOrBlankNode],
) -> Result<HashSet<Triple>, StoreError> {
    let g = GraphNameRef::NamedNode(shared.as_ref());
    let mut out = HashSet::new();
    for s in subjects {
        let s: NamedOrBlankNodeRef<'_> = s.as_ref();
        for q in store.quads_for_pattern(Some(s), None, None, Some(g)) {
            out.insert(Triple::from(q?));
        }
    }
    Ok(out)
}
