//! What portals and harvesters read: the DCAT-AP.de catalogue (`/catalog`), the VoID
//! description (`/.well-known/void`), the dump set (`/dumps/{file}`, with `ETag` and
//! `Last-Modified`), the change feed (`/changes?since=`) and `/health`.

use super::{in_worker, ApiError, AppState, Publication};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use landtag_publish::changes::{self, PAGE};
use landtag_publish::files::Manifest;
use landtag_publish::{catalog::Catalog, graph::Graph, void, Facts};
use landtag_rdf::Base;
use oxigraph::store::Store;
use std::sync::Arc;
use tower::ServiceExt;

/// The `format=` parameter.
fn format_param(params: &[(String, String)]) -> Option<&str> {
    params
        .iter()
        .find(|(k, _)| k == "format")
        .map(|(_, v)| v.as_str())
}

/// A description in the format asked for (`Accept`, or `format=`, of
/// [`formats::DESCRIPTIONS`](landtag_publish::formats::DESCRIPTIONS)): Turtle by default.
pub(super) fn described(
    graph: &Graph,
    headers: &HeaderMap,
    params: &[(String, String)],
) -> Response {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let table = landtag_publish::formats::DESCRIPTIONS;
    match landtag_publish::formats::pick(table, accept, format_param(params)) {
        Ok(f) => {
            let landtag_publish::formats::Writes::Rdf(syntax) = f.writes else {
                return ApiError::Internal(format!("{} writes no RDF", f.name)).into_response();
            };
            let format = syntax.format();
            let content_type = format!("{}; charset=utf-8", f.media);
            (
                [(header::CONTENT_TYPE, content_type)],
                graph.serialize(format),
            )
                .into_response()
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(e.to_string())
}

/// The catalogue as the store and the dump set stand now (blocking: run it in a worker).
fn current_catalog(
    store: &Store,
    base: &Base,
    publication: &Publication,
) -> Result<Graph, ApiError> {
    let manifest = Manifest::read(&publication.dumps).map_err(internal)?;
    let facts = Facts::read(store).map_err(internal)?;
    Ok(Catalog::with_profile(base, &facts, &manifest, publication.profile.clone()).graph())
}

/// The VoID description, counted once per version of the store (the change log's last number)
/// and of the dump set (blocking).
fn current_void(
    store: &Store,
    base: &Base,
    publication: &Publication,
) -> Result<Arc<Graph>, ApiError> {
    let manifest = Manifest::read(&publication.dumps).map_err(internal)?;
    let key = (publication.log.last_seq(), manifest);
    let cache = || {
        publication
            .void_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    };
    if let Some((k, graph)) = cache().as_ref() {
        if *k == key {
            return Ok(graph.clone());
        }
    }
    let graph = Arc::new(void::describe(store, base, &key.1).map_err(internal)?);
    *cache() = Some((key, graph.clone()));
    Ok(graph)
}

/// Runs `make` on a worker with the store, the base and the publication.
async fn with_store<T: Send + 'static>(
    state: &AppState,
    make: fn(&Store, &Base, &Publication) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let (store, base, publication) = (
        state.store.clone(),
        state.base.clone(),
        state.publication.clone(),
    );
    let key = super::lanes::key("publication", &format!("{:p}", make as *const ()));
    in_worker(state, key, move |_token| make(&store, &base, &publication)).await
}

pub(super) async fn catalog(
    State(state): State<AppState>,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Response {
    match with_store(&state, current_catalog).await {
        Ok(graph) => described(&graph, &headers, &params),
        Err(e) => e.into_response(),
    }
}

pub(super) async fn void(
    State(state): State<AppState>,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Response {
    match with_store(&state, current_void).await {
        Ok(graph) => described(&graph, &headers, &params),
        Err(e) => e.into_response(),
    }
}

pub(super) async fn changes(
    State(state): State<AppState>,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Response {
    let since = params
        .iter()
        .find(|(k, _)| k == "since")
        .map(|(_, v)| v.clone());
    let parsed = match since.as_deref().map(|s| (s, changes::parse_since(s))) {
        None => None,
        Some((_, Some(t))) => Some(t),
        Some((s, None)) => {
            let m = format!("`since={s}` is no xsd:dateTime (2026-01-28T10:00:00Z) or xsd:date");
            return ApiError::BadRequest(m).into_response();
        }
    };
    let log = state.publication.log.clone();
    let list = tokio::task::spawn_blocking(move || log.since(parsed, PAGE + 1)).await;
    let mut list = match list {
        Ok(Ok(l)) => l,
        Ok(Err(e)) => return ApiError::Internal(e.to_string()).into_response(),
        Err(e) => return ApiError::Internal(e.to_string()).into_response(),
    };
    let full = list.len() > PAGE;
    list.truncate(PAGE);
    let graph = changes::page(&state.base, &list, since.as_deref(), full);
    described(&graph, &headers, &params)
}

/// A file of the dump set, by the name the manifest lists (nothing else under the folder is
/// served), with its SHA-256 as `ETag`; `Last-Modified`, ranges and `HEAD` by tower-http.
pub(super) async fn dump_file(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request: Request,
) -> Response {
    let manifest = match Manifest::read(&state.publication.dumps) {
        Ok(m) => m,
        Err(e) => return internal(e).into_response(),
    };
    let Some(entry) = manifest.entry(&file) else {
        let m = format!(
            "no dump `{file}`: see /catalog for the dump set (`landtag-lod dump` writes it)\n"
        );
        return (StatusCode::NOT_FOUND, m).into_response();
    };
    let etag = format!("\"{}\"", entry.sha256);
    let matches = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let path = state.publication.dumps.join(&entry.file);
        match tower_http::services::ServeFile::new(path)
            .oneshot(request)
            .await
        {
            Ok(r) => r.into_response(),
            Err(e) => return ApiError::Internal(e.to_string()).into_response(),
        }
    };
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    response
}

pub(super) async fn health(State(state): State<AppState>) -> Response {
    let store = state.store.clone();
    let graphs = tokio::task::spawn_blocking(move || store.named_graphs().count()).await;
    match graphs {
        Ok(graphs) => {
            let body = serde_json::json!({
                "status": "ok",
                "graphs": graphs,
                "last_change": state.publication.log.last_seq(),
            });
            (
                [(header::CONTENT_TYPE, "application/json")],
                body.to_string(),
            )
                .into_response()
        }
        Err(e) => ApiError::Internal(e.to_string()).into_response(),
    }
}

/// The statements of `graph` about `subject`, or `None` where it has none.
fn about(graph: &Graph, subject: &str) -> Option<Graph> {
    let mut g = Graph::default();
    for t in &graph.triples {
        if matches!(&t.subject, oxigraph::model::NamedOrBlankNode::NamedNode(n) if n.as_str() == subject)
        {
            g.add(t.clone());
        }
    }
    (!g.triples.is_empty()).then_some(g)
}

/// A part of the catalogue (`/katalog/datensatz/wahlperiode-18`, its distributions, the
/// contact …) or of the VoID description, described by what they say about it.
pub(super) async fn catalog_part(
    State(state): State<AppState>,
    Path(path): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Response {
    let iri = state.base.served(&format!("katalog/{path}"));
    let found = match with_store(&state, current_catalog).await {
        Ok(catalog) => match about(&catalog, iri.as_str()) {
            Some(g) => Ok(Some(g)),
            None => with_store(&state, current_void)
                .await
                .map(|v| about(&v, iri.as_str())),
        },
        Err(e) => Err(e),
    };
    match found {
        Ok(Some(graph)) => described(&graph, &headers, &params),
        Ok(None) => (
            StatusCode::NOT_FOUND,
            format!("nothing is known about <{iri}>\n"),
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

/// One change of the feed (`/aenderung/{seq}`).
pub(super) async fn change(
    State(state): State<AppState>,
    Path(seq): Path<u64>,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Response {
    let log = state.publication.log.clone();
    let all = tokio::task::spawn_blocking(move || log.since(None, usize::MAX)).await;
    let found = match all {
        Ok(Ok(list)) => list.into_iter().find(|c| c.seq == seq),
        Ok(Err(e)) => return ApiError::Internal(e.to_string()).into_response(),
        Err(e) => return ApiError::Internal(e.to_string()).into_response(),
    };
    let Some(c) = found else {
        return (StatusCode::NOT_FOUND, format!("no change {seq}\n")).into_response();
    };
    let page = changes::page(&state.base, std::slice::from_ref(&c), None, false);
    match about(&page, state.base.change(seq).as_str()) {
        Some(g) => described(&g, &headers, &params),
        None => ApiError::Internal("the change has no statements".into()).into_response(),
    }
}
