//! The write side of a running server: converted documents from `ingest` over the store's Unix
//! socket (see `handoff`). Writes go one at a time (the shared graph's bookkeeping assumes one
//! writer) on the blocking pool, so queries keep their workers meanwhile.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::routing::put;
use axum::Router;
use landtag_rdf::{map, Base};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::store::Store;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::Mutex;

#[derive(Clone)]
struct Inbox {
    store: Store,
    log: Arc<landtag_publish::changes::Log>,
    search: Option<Arc<landtag_search::SearchIndex>>,
    listings: Arc<crate::kept::Kept>,
    base: Base,
    writer: Arc<Mutex<()>>,
    written: Arc<AtomicUsize>,
}

/// A document's N-Quads can be large (its whole text is one literal): up to 1 GiB.
const MAX_DOCUMENT: usize = 1 << 30;

fn router(
    store: Store,
    log: Arc<landtag_publish::changes::Log>,
    search: Option<Arc<landtag_search::SearchIndex>>,
    listings: Arc<crate::kept::Kept>,
    base: Base,
) -> Router {
    let inbox = Inbox {
        store,
        log,
        search,
        listings,
        base,
        writer: Arc::new(Mutex::new(())),
        written: Arc::new(AtomicUsize::new(0)),
    };
    Router::new()
        .route("/graph", put(put_graph))
        .layer(DefaultBodyLimit::max(MAX_DOCUMENT))
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .with_state(inbox)
}

async fn put_graph(State(inbox): State<Inbox>, body: Bytes) -> (StatusCode, String) {
    let _one_writer = inbox.writer.lock().await;
    let result = tokio::task::spawn_blocking(move || {
        let quads = RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(&body)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| (StatusCode::BAD_REQUEST, e.to_string()))?;
        let mapped =
            map::from_quads(&inbox.base, quads).map_err(|e| (StatusCode::BAD_REQUEST, e))?;
        let internal = |e: String| (StatusCode::INTERNAL_SERVER_ERROR, e);
        if let Some(index) = &inbox.search {
            index
                .begin(&mapped.graph)
                .map_err(|e| internal(e.to_string()))?;
        }
        let outcome = inbox
            .listings
            .listings
            .write(&inbox.store, &inbox.log, &mapped)
            .map_err(|e| internal(format!("{e:#}")))?;
        inbox.listings.refresh_soon();
        if let Some(index) = &inbox.search {
            index
                .follow(&inbox.store, &mapped.graph, &outcome)
                .map_err(|e| internal(e.to_string()))?;
        }
        // As `ingest` does: RocksDB's memtables otherwise grow over many documents.
        if inbox.written.fetch_add(1, Ordering::Relaxed) % 16 == 15 {
            landtag_store::flush(&inbox.store)
                .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        }
        tracing::info!(
            "{}: {}",
            mapped.graph,
            crate::handoff::outcome_text(&outcome)
        );
        Ok(crate::handoff::outcome_text(&outcome))
    })
    .await;
    match result {
        Ok(Ok(text)) => (StatusCode::OK, text + "\n"),
        Ok(Err((status, message))) => (status, message + "\n"),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string() + "\n"),
    }
}

/// Listens on the socket of the store in `store_dir` until `shutdown`; the socket file is
/// removed at the end. A socket file left by a server that died is replaced.
pub async fn listen(
    store_dir: &Path,
    store: Store,
    log: Arc<landtag_publish::changes::Log>,
    search: Option<Arc<landtag_search::SearchIndex>>,
    listings: Arc<crate::kept::Kept>,
    base: Base,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let path = crate::handoff::socket_path(store_dir);
    if path.exists() && !crate::handoff::server_listening(store_dir) {
        std::fs::remove_file(&path)?;
    }
    let listener = match tokio::net::UnixListener::bind(&path) {
        Ok(l) => l,
        Err(e) => {
            // A store on a read-only medium is still served; it takes no documents.
            eprintln!(
                "landtag-lod: {}: {e}: `ingest` cannot hand documents to this server",
                path.display()
            );
            shutdown.await;
            return Ok(());
        }
    };
    let _remove = RemoveOnDrop(path);
    axum::serve(listener, router(store, log, search, listings, base))
        .with_graceful_shutdown(shutdown)
        .await
}

struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
