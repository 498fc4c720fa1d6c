//! The on-disk store: one named graph per source document, and one shared graph that holds,
//! once each, the statements documents make about the things they share.
//!
//! A document re-read replaces exactly its own graph, in one transaction: readers see the old
//! graph or the new one, never a mix. A new one that only adds is bulk-loaded, as one atomic
//! ingestion of sorted files. A document whose source bytes and converter are the same
//! as the stored graph's is left as it is (so its conversion time does not change, and
//! ingesting a corpus twice changes no triple).

pub mod changes;

use landtag_rdf::map::Mapped;
use landtag_rdf::vocab::lt;
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    QuadRef, Term, Triple,
};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::{Store, Transaction};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: oxigraph::store::StorageError,
    },
    #[error(transparent)]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("query syntax: {0}")]
    Syntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    #[error("query evaluation: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("{path}: {message}")]
    Load { path: String, message: String },
}

/// Loads an RDF file (format by extension: `.ttl`, `.nt`, `.nq`, `.trig`, `.rdf`, `.jsonld`)
/// into `graph`, replacing what that graph held, in one transaction. Quads of a dataset format
/// all go into `graph`. For data that is not a Landtag document: the ontology, a fixture.
pub fn load(store: &Store, path: &Path, graph: NamedNodeRef<'_>) -> Result<usize, StoreError> {
    use oxigraph::io::{RdfFormat, RdfParser};
    let err = |message: String| StoreError::Load {
        path: path.display().to_string(),
        message,
    };
    let format = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(RdfFormat::from_extension)
        .ok_or_else(|| {
            err("unknown RDF format (use .ttl, .nt, .nq, .trig, .rdf or .jsonld)".into())
        })?;
    let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
    let quads = RdfParser::from_format(format)
        .without_named_graphs()
        .with_default_graph(graph)
        .for_slice(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| err(e.to_string()))?;
    let mut tx = store.start_transaction()?;
    tx.clear_graph(GraphNameRef::NamedNode(graph))?;
    tx.insert_named_graph(graph);
    tx.extend(quads.iter());
    tx.commit()?;
    Ok(quads.len())
}

/// What `replace` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The graph was new.
    Added(usize),
    /// An older graph of the same document was replaced: its triples now, and the file the old
    /// graph was read from where that was another (two files of one document, an excerpt and
    /// an annex, replace each other: the caller says so).
    Replaced(usize, Option<String>),
    /// Same source bytes, same converter: nothing changed.
    Unchanged,
}

/// As `ingest` reports it: `added, 4178 triples`, `replaced, 22426 triples`, `unchanged`.
impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Added(n) => write!(f, "added, {n} triples"),
            Self::Replaced(n, _) => write!(f, "replaced, {n} triples"),
            Self::Unchanged => f.write_str("unchanged"),
        }
    }
}

/// Opens (or creates) the store in `dir`.
pub fn open(dir: &Path) -> Result<Store, StoreError> {
    let error = |source| StoreError::Open {
        path: dir.display().to_string(),
        source,
    };
    if !exists(dir) {
        create(dir).map_err(error)?;
    }
    let store = on_disk(dir, false).map_err(error)?;
    remove_unloaded(dir).map_err(|e| error(e.into()))?;
    Ok(store)
}

/// Removes the files a writer killed while it wrote a new graph left unloaded (`bulk-*.sst`:
/// oxigraph's bulk loader writes them into the store's folder and RocksDB never knew them).
/// Only with the store open for writing: no other process writes it then.
fn remove_unloaded(dir: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Makes a new store in `dir` whole or not at all. RocksDB writes `CURRENT` before it has made
/// every column family, so a process killed while making a store left a folder that looked
/// like one and could not be opened for reading. The store is made in a folder beside it
/// (`.{name}.making`, cleared first: a killed process may have left one) and renamed into
/// place once made. A folder that already holds something other than a store is left as it
/// is, and the store made in it as RocksDB makes it.
fn create(dir: &Path) -> Result<(), oxigraph::store::StorageError> {
    use oxigraph::store::StorageError::Io;
    let fresh = match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => return Err(Io(e)),
    };
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
    let (Some(name), true) = (name, fresh) else {
        return std::fs::create_dir_all(dir).map_err(Io);
    };
    // RocksDB makes the last folder, not its parents (`--store var/store` on a fresh checkout).
    let parent = dir.parent().unwrap_or(Path::new(""));
    if !parent.as_os_str().is_empty() {
        std::fs::create_dir_all(parent).map_err(Io)?;
    }
    let making = parent.join(format!(".{name}.making"));
    if making.exists() {
        std::fs::remove_dir_all(&making).map_err(Io)?;
    }
    drop(on_disk(&making, false)?);
    if dir.exists() {
        std::fs::remove_dir(dir).map_err(Io)?; // empty, checked above
    }
    std::fs::rename(&making, dir).map_err(Io)
}

/// The store's RocksDB folder; without the `rocksdb` feature (the fuzz targets' build) there
/// is none, and opening one is an error.
#[cfg(feature = "rocksdb")]
fn on_disk(dir: &Path, read_only: bool) -> Result<Store, oxigraph::store::StorageError> {
    if read_only {
        Store::open_read_only(dir)
    } else {
        Store::open(dir)
    }
}

#[cfg(not(feature = "rocksdb"))]
fn on_disk(_: &Path, _: bool) -> Result<Store, oxigraph::store::StorageError> {
    Err(oxigraph::store::StorageError::Other(
        "built without the `rocksdb` feature: no on-disk store".into(),
    ))
}

/// Writes what RocksDB holds in memory to disk (a no-op without an on-disk store).
pub fn flush(store: &Store) -> Result<(), oxigraph::store::StorageError> {
    #[cfg(feature = "rocksdb")]
    store.flush()?;
    #[cfg(not(feature = "rocksdb"))]
    let _ = store;
    Ok(())
}

/// Whether `dir` holds a store (RocksDB's `CURRENT`, which [`create`] writes last).
pub fn exists(dir: &Path) -> bool {
    dir.join("CURRENT").exists()
}

/// Opens the store in `dir` for reading only (serving while nothing writes).
pub fn open_read_only(dir: &Path) -> Result<Store, StoreError> {
    if !exists(dir) {
        return Err(StoreError::Open {
            path: dir.display().to_string(),
            source: oxigraph::store::StorageError::Other(
                "no store here: run `landtag-lod ingest` first".into(),
            ),
        });
    }
    on_disk(dir, true).map_err(|source| StoreError::Open {
        path: dir.display().to_string(),
        source,
    })
}

/// For each source file a document graph was made from by `converter`: the digest of its
/// bytes (`sha256:…`) and the document. What an ingest may leave as it is without reading the
/// file again, let alone converting it.
pub fn sources(
    store: &Store,
    converter: &str,
) -> Result<std::collections::HashMap<String, (String, NamedNode)>, StoreError> {
    let mut out = std::collections::HashMap::new();
    for q in store.quads_for_pattern(None, Some(lt::QUELLDATEI), None, None) {
        let q = q?;
        let (NamedOrBlankNode::NamedNode(g), Term::Literal(file)) = (&q.subject, &q.object) else {
            continue;
        };
        if q.graph_name != GraphName::NamedNode(g.clone()) {
            continue;
        }
        let made_by = literal_of(store, g.as_ref(), lt::KONVERTER)?;
        let digest = literal_of(store, g.as_ref(), lt::QUELLPRUEFSUMME)?;
        let document = document_of(store, g.as_ref())?;
        if let (Some(k), Some(d), Some(doc)) = (made_by, digest, document) {
            if k == converter {
                out.insert(file.value().to_owned(), (d, doc));
            }
        }
    }
    Ok(out)
}

/// The document a document graph was derived from.
fn document_of(store: &Store, graph: NamedNodeRef<'_>) -> Result<Option<NamedNode>, StoreError> {
    let mut it = store.quads_for_pattern(
        Some(graph.into()),
        Some(landtag_rdf::vocab::prov::WAS_DERIVED_FROM),
        None,
        Some(graph.into()),
    );
    Ok(match it.next().transpose()? {
        Some(q) => match q.object {
            Term::NamedNode(n) => Some(n),
            _ => None,
        },
        None => None,
    })
}

fn literal_of(
    store: &Store,
    graph: NamedNodeRef<'_>,
    predicate: NamedNodeRef<'_>,
) -> Result<Option<String>, StoreError> {
    let mut it = store.quads_for_pattern(
        Some(graph.into()),
        Some(predicate),
        None,
        Some(graph.into()),
    );
    Ok(match it.next().transpose()? {
        Some(q) => match q.object {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        },
        None => None,
    })
}

/// Replaces the document's graph with `mapped`, and brings the shared graph in line with its
/// claims, in one transaction.
///
/// Invariant: every triple stands in exactly one graph. A claim enters the shared graph when
/// the first graph supports it (unless the graph of the document it is about states it
/// itself), and leaves it when the last one stops; a document's own statements about itself
/// replace the same claims of others in the shared graph, and hand them back when it stops
/// making them.
pub fn replace(store: &Store, mapped: &Mapped) -> Result<Outcome, StoreError> {
    let graph = mapped.graph.as_ref();
    let existed = store.contains_named_graph(graph)?;
    if existed && same_source(store, mapped)? {
        return Ok(Outcome::Unchanged);
    }
    if !existed {
        if let Some(quads) = additions(store, mapped)? {
            // All at once, as sorted files RocksDB takes in one step (atomic across its
            // column families): no transaction's index and no memtable, a quarter of the CPU.
            let mut loader = store.bulk_loader().with_num_threads(1);
            loader.load_quads(quads)?;
            loader.commit()?;
            return Ok(Outcome::Added(mapped.quads.len()));
        }
    }
    let previous = literal_of(store, graph, lt::QUELLDATEI)?;
    let mut tx = store.start_transaction()?;
    let old = Old::read(&tx, mapped)?;
    tx.clear_graph(GraphNameRef::NamedNode(graph))?;
    tx.insert_named_graph(graph);
    tx.extend(mapped.quads.iter());
    let shared = GraphNameRef::NamedNode(mapped.shared_graph.as_ref());
    let mut mentioned = HashSet::new();
    for c in &mapped.claims {
        tx.insert(QuadRef::new(graph, lt::STUETZT, &c.key, graph));
        if mentioned.insert(c.triple.subject.clone()) {
            tx.insert(QuadRef::new(graph, lt::NENNT, &c.triple.subject, graph));
        }
        if !old.keys.contains(&c.key) && !tx.contains(c.triple.as_ref().in_graph(&c.owner))? {
            tx.insert(c.triple.as_ref().in_graph(shared));
        }
    }
    // The document's own statements about itself (and a plenary protocol's about its sitting)
    // stand in its graph, not in the shared one.
    let own: HashSet<Triple> = mapped
        .quads
        .iter()
        .filter(|q| mapped.states_itself(&q.subject))
        .map(|q| Triple::from(q.clone()))
        .collect();
    for t in &own {
        tx.remove(t.as_ref().in_graph(shared));
    }
    let new_keys: HashSet<&NamedNode> = mapped.claims.iter().map(|c| &c.key).collect();
    old.drop_unsupported(&mut tx, mapped, &new_keys)?;
    old.hand_back(&mut tx, mapped, &own)?;
    tx.commit()?;
    let n = mapped.quads.len();
    Ok(if existed {
        let other = previous.filter(|p| Some(p.as_str()) != source_of(mapped).as_deref());
        Outcome::Replaced(n, other)
    } else {
        Outcome::Added(n)
    })
}

/// What a new graph changes when it only adds, as the transaction below would make it: its
/// statements, the claims it supports and the subjects it mentions, and the claims no graph
/// states yet into the shared graph. `None` where it also takes statements out of the shared
/// graph (a paper others cited before it was itself read): the transaction does that.
/// Read before anything is written: the store has one writer.
fn additions(store: &Store, mapped: &Mapped) -> Result<Option<Vec<Quad>>, StoreError> {
    let graph = mapped.graph.as_ref();
    let shared = GraphNameRef::NamedNode(mapped.shared_graph.as_ref());
    let own: Vec<_> = mapped
        .quads
        .iter()
        .filter(|q| mapped.states_itself(&q.subject))
        .collect();
    for q in &own {
        if store.contains(QuadRef::new(&q.subject, &q.predicate, &q.object, shared))? {
            return Ok(None);
        }
    }
    let states_itself: HashSet<QuadRef<'_>> = own.iter().map(|q| q.as_ref()).collect();
    let mut out = mapped.quads.clone();
    let mut mentioned = HashSet::new();
    for c in &mapped.claims {
        out.push(Quad::new(graph, lt::STUETZT, c.key.clone(), graph));
        if mentioned.insert(c.triple.subject.clone()) {
            out.push(Quad::new(graph, lt::NENNT, c.triple.subject.clone(), graph));
        }
        let stated = if c.owner == mapped.graph {
            states_itself.contains(&c.triple.as_ref().in_graph(graph))
        } else {
            store.contains(c.triple.as_ref().in_graph(&c.owner))?
        };
        if !stated {
            out.push(c.triple.as_ref().in_graph(shared).into_owned());
        }
    }
    Ok(Some(out))
}

/// The file a mapped document was read from (`lt:quelldatei` of its graph).
fn source_of(mapped: &Mapped) -> Option<String> {
    let graph = mapped.graph.as_ref();
    mapped
        .quads
        .iter()
        .find(|q| q.subject.as_ref() == graph.into() && q.predicate == lt::QUELLDATEI)
        .and_then(|q| match &q.object {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        })
}

/// Whether [`replace`] would keep the stored graph as it is (same source bytes, same
/// converter): a few look-ups, for callers that prepare a write.
pub fn unchanged(store: &Store, mapped: &Mapped) -> Result<bool, StoreError> {
    Ok(store.contains_named_graph(mapped.graph.as_ref())? && same_source(store, mapped)?)
}

/// Same source bytes, same converter as the stored graph.
fn same_source(store: &Store, mapped: &Mapped) -> Result<bool, StoreError> {
    let graph = mapped.graph.as_ref();
    let of = |p: NamedNodeRef<'_>| {
        mapped
            .quads
            .iter()
            .find(|q| q.subject.as_ref() == graph.into() && q.predicate == p)
            .map(|q| q.object.to_string())
    };
    let stored = |p| Ok::<_, StoreError>(literal_of(store, graph, p)?.map(|v| format!("\"{v}\"")));
    Ok(stored(lt::QUELLPRUEFSUMME)? == of(lt::QUELLPRUEFSUMME)
        && stored(lt::KONVERTER)? == of(lt::KONVERTER))
}

/// What the document's graph held before it is replaced.
struct Old {
    keys: HashSet<NamedNode>,
    mentioned: Vec<NamedOrBlankNode>,
    own: Vec<Triple>,
}

impl Old {
    fn read(tx: &Transaction<'_>, mapped: &Mapped) -> Result<Self, StoreError> {
        let graph = mapped.graph.as_ref();
        let objects = |p: NamedNodeRef<'_>| {
            tx.quads_for_pattern(Some(graph.into()), Some(p), None, Some(graph.into()))
                .map(|q| q.map(|q| q.object))
                .collect::<Result<Vec<_>, _>>()
        };
        let keys = objects(lt::STUETZT)?
            .into_iter()
            .filter_map(|t| match t {
                Term::NamedNode(n) => Some(n),
                _ => None,
            })
            .collect();
        let mentioned = objects(lt::NENNT)?
            .into_iter()
            .filter_map(|t| match t {
                Term::NamedNode(n) => Some(n.into()),
                Term::BlankNode(b) => Some(b.into()),
                _ => None,
            })
            .collect();
        // What it stated of itself: the document, and the sitting and items it states now.
        let mut subjects: Vec<NamedOrBlankNodeRef<'_>> = vec![mapped.document.as_ref().into()];
        for q in &mapped.quads {
            if mapped.states_itself(&q.subject) && !subjects.contains(&q.subject.as_ref()) {
                subjects.push(q.subject.as_ref());
            }
        }
        let mut own = Vec::new();
        for s in subjects {
            for q in tx.quads_for_pattern(Some(s), None, None, Some(graph.into())) {
                own.push(Triple::from(q?));
            }
        }
        Ok(Self {
            keys,
            mentioned,
            own,
        })
    }

    /// Claims this graph supported and supports no more leave the shared graph unless another
    /// graph supports them.
    fn drop_unsupported(
        &self,
        tx: &mut Transaction<'_>,
        mapped: &Mapped,
        new_keys: &HashSet<&NamedNode>,
    ) -> Result<(), StoreError> {
        if self.keys.iter().all(|k| new_keys.contains(k)) {
            return Ok(());
        }
        let shared = GraphNameRef::NamedNode(mapped.shared_graph.as_ref());
        for subject in &self.mentioned {
            let stated: Vec<Triple> = tx
                .quads_for_pattern(Some(subject.as_ref()), None, None, Some(shared))
                .map(|q| q.map(Triple::from))
                .collect::<Result<_, _>>()?;
            for t in stated {
                let key = mapped.key_of(&t);
                if self.keys.contains(&key)
                    && !new_keys.contains(&key)
                    && !supported_elsewhere(tx, &key, mapped.graph.as_ref())?
                {
                    tx.remove(t.as_ref().in_graph(shared));
                }
            }
        }
        Ok(())
    }

    /// Statements the document made about itself and makes no more go back to the shared
    /// graph where another graph still claims them.
    fn hand_back(
        &self,
        tx: &mut Transaction<'_>,
        mapped: &Mapped,
        own: &HashSet<Triple>,
    ) -> Result<(), StoreError> {
        let shared = GraphNameRef::NamedNode(mapped.shared_graph.as_ref());
        for t in self.own.iter().filter(|t| !own.contains(*t)) {
            if supported_elsewhere(tx, &mapped.key_of(t), mapped.graph.as_ref())? {
                tx.insert(t.as_ref().in_graph(shared));
            }
        }
        Ok(())
    }
}

/// Whether a graph other than `graph` supports the claim `key`.
fn supported_elsewhere(
    tx: &Transaction<'_>,
    key: &NamedNode,
    graph: NamedNodeRef<'_>,
) -> Result<bool, StoreError> {
    for q in tx.quads_for_pattern(None, Some(lt::STUETZT), Some(key.as_ref().into()), None) {
        if q?.graph_name.as_ref() != GraphNameRef::NamedNode(graph) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A graph's version: for a document graph its source digest, converter and conversion time;
/// for any other graph a SHA-256 of its sorted content. `push` sends a graph whose version
/// changed; the change feed records one.
pub fn graph_version(store: &Store, graph: &NamedNode) -> Result<String, StoreError> {
    use landtag_rdf::vocab::{lt, prov};
    let g = GraphNameRef::NamedNode(graph.as_ref());
    let value = |p| -> Result<Option<String>, StoreError> {
        let mut it = store.quads_for_pattern(Some(graph.as_ref().into()), Some(p), None, Some(g));
        Ok(it.next().transpose()?.map(|q| match q.object {
            Term::Literal(l) => l.value().to_owned(),
            t => t.to_string(),
        }))
    };
    if let (Some(d), Some(c), Some(t)) = (
        value(lt::QUELLPRUEFSUMME)?,
        value(lt::KONVERTER)?,
        value(prov::GENERATED_AT_TIME)?,
    ) {
        return Ok(format!("{d} {c} {t}"));
    }
    let mut lines: Vec<String> = store
        .quads_for_pattern(None, None, None, Some(g))
        .map(|q| q.map(|q| format!("{} {} {}", q.subject, q.predicate, q.object)))
        .collect::<Result<_, _>>()?;
    lines.sort();
    let mut h = Sha256::new();
    for l in &lines {
        h.update(l.as_bytes());
        h.update(b"\n");
    }
    Ok(format!("sha256:{:x}", h.finalize()))
}

/// The document a document graph is about (`?g prov:wasDerivedFrom ?doc` in the graph).
pub fn graph_document(store: &Store, graph: &NamedNode) -> Result<Option<NamedNode>, StoreError> {
    let g = GraphNameRef::NamedNode(graph.as_ref());
    let mut it = store.quads_for_pattern(
        Some(graph.as_ref().into()),
        Some(landtag_rdf::vocab::prov::WAS_DERIVED_FROM),
        None,
        Some(g),
    );
    Ok(match it.next().transpose()?.map(|q| q.object) {
        Some(Term::NamedNode(n)) => Some(n),
        _ => None,
    })
}

/// The graphs a request names for its query (the SPARQL 1.1 Protocol's `default-graph-uri` and
/// `named-graph-uri`). Named, they replace the query's own `FROM` and `FROM NAMED`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Graphs {
    /// Their merge is the default graph.
    pub default: Vec<NamedNode>,
    /// The graphs `GRAPH` reaches.
    pub named: Vec<NamedNode>,
}

impl Graphs {
    /// No graph named: the query's own dataset, or the store's.
    pub fn is_empty(&self) -> bool {
        self.default.is_empty() && self.named.is_empty()
    }
}

/// Prepares a query against the store, cancellable through `token`, over the dataset the query
/// describes (`FROM`, `FROM NAMED`), or where it describes none, the union of all graphs as
/// the default graph and every graph named.
pub fn query(
    store: &Store,
    sparql: &str,
    token: Option<CancellationToken>,
) -> Result<QueryResults<'static>, StoreError> {
    let over = Dataset {
        graphs: &Graphs::default(),
        views: &NoViews,
    };
    query_over(store, sparql, &over, token)
}

/// Names that stand for several graphs (a Wahlperiode's): where a query's dataset names one,
/// the graphs it stands for take its place.
pub trait Views {
    /// The graphs `name` stands for, or `None` where it names one graph.
    fn expand(&self, store: &Store, name: &NamedNode)
        -> Result<Option<Vec<NamedNode>>, StoreError>;
}

/// No name stands for more than one graph.
pub struct NoViews;

impl Views for NoViews {
    fn expand(&self, _: &Store, _: &NamedNode) -> Result<Option<Vec<NamedNode>>, StoreError> {
        Ok(None)
    }
}

/// What a query runs over: the graphs the request names, and the names that stand for several.
pub struct Dataset<'a> {
    pub graphs: &'a Graphs,
    pub views: &'a dyn Views,
}

/// As [`query`], over the request's graphs where it names any (they take the place of the
/// query's `FROM` and `FROM NAMED`, as the protocol says), with the names the views know
/// expanded, in the request's graphs as in the query's.
pub fn query_over(
    store: &Store,
    sparql: &str,
    over: &Dataset<'_>,
    token: Option<CancellationToken>,
) -> Result<QueryResults<'static>, StoreError> {
    query_parsed(store, parse(sparql)?, over, token)
}

/// A query as parsed once: what the endpoint checks when it arrives and the engine runs.
pub type Parsed = spargebra::Query;

/// Parses a query (no base IRI), as the engine would.
pub fn parse(sparql: &str) -> Result<Parsed, StoreError> {
    Ok(spargebra::SparqlParser::new().parse_query(sparql)?)
}

/// As [`query_over`], for a query parsed already.
pub fn query_parsed(
    store: &Store,
    parsed: Parsed,
    over: &Dataset<'_>,
    token: Option<CancellationToken>,
) -> Result<QueryResults<'static>, StoreError> {
    let (graphs, views) = (over.graphs, over.views);
    let mut evaluator = SparqlEvaluator::new(); // built without http-client: SERVICE calls go nowhere
    if let Some(t) = token {
        evaluator = evaluator.with_cancellation_token(t);
    }
    let mut prepared = evaluator.for_query(parsed);
    let dataset = prepared.dataset_mut();
    if !graphs.is_empty() {
        dataset.set_default_graph(graphs.default.iter().cloned().map(Into::into).collect());
        dataset.set_available_named_graphs(graphs.named.iter().cloned().map(Into::into).collect());
    } else if dataset.is_default_dataset() {
        dataset.set_default_graph_as_union();
    }
    if let Some(list) = dataset.default_graph_graphs() {
        let named = |g: &GraphName| match g {
            GraphName::NamedNode(n) => Some(n.clone()),
            _ => None,
        };
        if let Some(expanded) = expand(store, views, list, named)? {
            dataset.set_default_graph(expanded);
        }
    }
    if let Some(list) = dataset.available_named_graphs() {
        let named = |g: &NamedOrBlankNode| match g {
            NamedOrBlankNode::NamedNode(n) => Some(n.clone()),
            NamedOrBlankNode::BlankNode(_) => None,
        };
        if let Some(expanded) = expand(store, views, list, named)? {
            dataset.set_available_named_graphs(expanded);
        }
    }
    Ok(prepared.on_store(store).execute()?)
}

/// `list` with every name `views` knows replaced by its graphs; `None` where none is one.
fn expand<G: Clone + From<NamedNode>>(
    store: &Store,
    views: &dyn Views,
    list: &[G],
    named: impl Fn(&G) -> Option<NamedNode>,
) -> Result<Option<Vec<G>>, StoreError> {
    let mut out = Vec::with_capacity(list.len());
    let mut changed = false;
    for g in list {
        match named(g)
            .map(|n| views.expand(store, &n))
            .transpose()?
            .flatten()
        {
            Some(graphs) => {
                changed = true;
                out.extend(graphs.into_iter().map(G::from));
            }
            None => out.push(g.clone()),
        }
    }
    Ok(changed.then_some(out))
}

#[cfg(test)]
mod tests;
