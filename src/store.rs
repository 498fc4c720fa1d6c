//! The on-disk store: one named graph per source document.
//!
//! A document re-read replaces exactly its own graph, in one transaction: readers see the old
//! graph or the new one, never a mix. A document whose source bytes and converter are the same
//! as the stored graph's is left as it is (so its conversion time does not change, and
//! ingesting a corpus twice changes no triple).

use crate::rdf::map::Mapped;
use crate::rdf::vocab::lt;
use oxigraph::model::{GraphNameRef, NamedNodeRef, Term};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The graph was new.
    Added(usize),
    /// An older graph of the same document was replaced.
    Replaced(usize),
    /// Same source bytes, same converter: nothing changed.
    Unchanged,
}

/// Opens (or creates) the store in `dir`.
pub fn open(dir: &Path) -> Result<Store, StoreError> {
    let error = |source| StoreError::Open {
        path: dir.display().to_string(),
        source,
    };
    // RocksDB makes the last folder, not its parents (`--store var/store` on a fresh checkout).
    std::fs::create_dir_all(dir).map_err(|e| error(oxigraph::store::StorageError::Io(e)))?;
    Store::open(dir).map_err(error)
}

/// Opens the store in `dir` for reading only (serving while nothing writes).
pub fn open_read_only(dir: &Path) -> Result<Store, StoreError> {
    if !dir.join("CURRENT").exists() {
        return Err(StoreError::Open {
            path: dir.display().to_string(),
            source: oxigraph::store::StorageError::Other(
                "no store here: run `landtag-lod ingest` first".into(),
            ),
        });
    }
    Store::open_read_only(dir).map_err(|source| StoreError::Open {
        path: dir.display().to_string(),
        source,
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

/// Replaces the document's graph with `mapped`, atomically.
pub fn replace(store: &Store, mapped: &Mapped) -> Result<Outcome, StoreError> {
    let graph = mapped.graph.as_ref();
    let digest = mapped
        .quads
        .iter()
        .find(|q| q.subject.as_ref() == graph.into() && q.predicate == lt::QUELLPRUEFSUMME)
        .map(|q| q.object.to_string());
    let converter = mapped
        .quads
        .iter()
        .find(|q| q.subject.as_ref() == graph.into() && q.predicate == lt::KONVERTER)
        .map(|q| q.object.to_string());
    let existed = store.contains_named_graph(graph)?;
    if existed {
        let old_digest = literal_of(store, graph, lt::QUELLPRUEFSUMME)?.map(|v| format!("\"{v}\""));
        let old_converter = literal_of(store, graph, lt::KONVERTER)?.map(|v| format!("\"{v}\""));
        if old_digest == digest && old_converter == converter {
            return Ok(Outcome::Unchanged);
        }
    }
    let mut tx = store.start_transaction()?;
    tx.clear_graph(GraphNameRef::NamedNode(graph))?;
    tx.insert_named_graph(graph);
    tx.extend(mapped.quads.iter());
    tx.commit()?;
    let n = mapped.quads.len();
    Ok(if existed {
        Outcome::Replaced(n)
    } else {
        Outcome::Added(n)
    })
}

/// Prepares a query against the store, cancellable through `token`. The dataset's default
/// graph is the union of all document graphs.
pub fn query(
    store: &Store,
    sparql: &str,
    token: Option<CancellationToken>,
) -> Result<QueryResults<'static>, StoreError> {
    let mut evaluator = SparqlEvaluator::new(); // built without http-client: SERVICE calls go nowhere
    if let Some(t) = token {
        evaluator = evaluator.with_cancellation_token(t);
    }
    let mut prepared = evaluator.parse_query(sparql)?;
    prepared.dataset_mut().set_default_graph_as_union();
    Ok(prepared.on_store(store).execute()?)
}
