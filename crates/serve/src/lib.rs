//! The SPARQL 1.1 Protocol endpoint (read-only), the query page, the resource pages, what the
//! store publishes about itself, and the socket through which `ingest` hands documents to a
//! running server (`handoff`, both sides); with them the named queries (`queries`) and the one
//! SPARQL result writer (`results`) that `query` shares.
//!
//! Queries run off the async runtime on the blocking pool, at most `max_concurrent` at once;
//! each has a time limit, after which it is cancelled through oxigraph's cancellation token
//! (so the worker really stops) and the client gets 503. An update is refused with 403; a
//! malformed query gets 400 with the parser's message. Handlers return errors, never panic;
//! a panic inside a query is caught and answered with 500.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use landtag_publish::formats;
use landtag_rdf::Base;
use landtag_store::{self as store, StoreError};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::sync::Arc;
use std::time::Duration;

/// Limits of the endpoint.
#[derive(Debug, Clone)]
pub struct Limits {
    /// A query running longer (waiting included) is cancelled.
    pub timeout: Duration,
    /// Workers of the fast lane: queries evaluated at once; more wait (within their limit).
    pub max_concurrent: usize,
    /// Workers of the slow lane, for queries that used up their CPU budget.
    pub slow_lane: usize,
    /// CPU time after which a query leaves the fast lane.
    pub fast_budget: Duration,
    /// Resident memory past which expensive queries are stopped.
    pub max_memory: u64,
    /// Memory one query may hold.
    pub max_query_memory: u64,
    /// The largest answer of a query (bytes).
    pub max_result: usize,
    /// Connections: the most at once, and how long a client may take to send its request's
    /// header and body.
    pub connections: conn::ConnLimits,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_concurrent: 4,
            slow_lane: 1,
            fast_budget: Duration::from_secs(1),
            max_memory: 512 << 20,
            max_query_memory: 128 << 20,
            max_result: 256 << 20,
            connections: conn::ConnLimits::default(),
        }
    }
}

impl Limits {
    fn lanes(&self) -> lanes::LaneLimits {
        lanes::LaneLimits {
            timeout: self.timeout,
            fast: self.max_concurrent,
            slow: self.slow_lane,
            fast_budget: self.fast_budget,
            slow_wait: Duration::from_secs(1).min(self.timeout),
            max_memory: self.max_memory,
            max_job_memory: self.max_query_memory,
        }
    }
}

mod answer;
mod browse;
pub mod conn;
pub mod handoff;
mod http;
pub mod inbox;
mod lanes;
pub mod memory;
mod pages;
mod publish;
pub mod queries;
mod resource;
pub use landtag_publish::results;
mod kept;
mod search;
mod views;

/// What the server publishes beside the endpoint: the dump set's folder, the change log, the
/// catalogue's profile.
pub struct Publication {
    pub dumps: std::path::PathBuf,
    pub log: Arc<landtag_publish::changes::Log>,
    pub profile: landtag_publish::catalog::Profile,
    /// The full-text index beside the store, where there is one (this process writes it while
    /// it serves: documents handed over are indexed after the store took them).
    pub search: Option<Arc<landtag_search::SearchIndex>>,
    /// The named queries' rows kept beside the store, refreshed in the background.
    pub listings: Arc<kept::Kept>,
    /// The VoID description, by store version (change number) and dump set.
    void_cache: std::sync::Mutex<Option<VoidCache>>,
}

type VoidCache = (
    (u64, landtag_publish::files::Manifest),
    Arc<landtag_publish::graph::Graph>,
);

impl Publication {
    /// The publication of the store in `store_dir`: its change log brought in line with the
    /// store, dumps from `dumps` (default `DIR/dumps`).
    pub fn open(
        store: &Store,
        store_dir: &std::path::Path,
        base: &Base,
        dumps: Option<std::path::PathBuf>,
        profile: landtag_publish::catalog::Profile,
    ) -> Result<Self, landtag_publish::changes::ChangeError> {
        let log = landtag_publish::changes::Log::open(store_dir)?;
        log.reconcile(store, &base.shared_graph())?;
        let listings = landtag_publish::listings::Listings::for_writer(store_dir, base);
        let listings = kept::Kept::new(listings, store.clone());
        listings.refresh_soon();
        Ok(Self {
            listings,
            dumps: dumps.unwrap_or_else(|| landtag_publish::files::default_dir(store_dir)),
            log: Arc::new(log),
            profile,
            search: open_search(store_dir, store),
            void_cache: std::sync::Mutex::new(None),
        })
    }
}

/// The store's full-text index, for this server to read and keep in step; `None` (searches
/// answer 503, saying so) where the store has none or it cannot be opened.
fn open_search(
    store_dir: &std::path::Path,
    store: &Store,
) -> Option<Arc<landtag_search::SearchIndex>> {
    if !landtag_search::dir_of(store_dir).join("meta.json").exists() {
        eprintln!(
            "landtag-lod: the store has no search index (`landtag-lod index --store {}` builds it): SPARQL is served, search is not",
            store_dir.display()
        );
        return None;
    }
    match landtag_search::SearchIndex::for_writer(store_dir, store) {
        Ok(index) => Some(Arc::new(index)),
        Err(e) => {
            eprintln!("landtag-lod: {e}: search is not served");
            None
        }
    }
}

#[derive(Clone)]
struct AppState {
    store: Store,
    limits: Limits,
    lanes: Arc<lanes::Lanes>,
    /// IRIs under `{base}/id/` dereference at `/id/…`.
    base: Base,
    publication: Arc<Publication>,
}

/// The endpoint's routes over `store`.
pub fn router(store: Store, limits: Limits, base: Base, publication: Arc<Publication>) -> Router {
    let cors = tower_http::cors::CorsLayer::new()
        .allow_origin(tower_http::cors::Any)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE, header::ACCEPT]);
    let body_timeout = limits.connections.body_timeout;
    let state = AppState {
        store,
        lanes: lanes::Lanes::new(limits.lanes()),
        limits,
        base,
        publication,
    };
    Router::new()
        .route("/", get(browse::home))
        .route("/abfrage", get(page))
        .route("/search", get(search::search))
        .route("/wahlperiode/{number}", get(browse::period))
        .route("/sparql", get(sparql_get).post(sparql_post))
        .route("/queries/{name}", get(named_query))
        .route("/id/{*path}", get(resource::resource))
        .route("/catalog", get(publish::catalog))
        .route("/katalog/{*path}", get(publish::catalog_part))
        .route("/aenderung/{seq}", get(publish::change))
        .route("/.well-known/void", get(publish::void))
        .route("/changes", get(publish::changes))
        .route("/dumps/{file}", get(publish::dump_file))
        .route("/health", get(publish::health))
        .route("/assets/{file}", get(asset))
        .layer(axum::middleware::from_fn(http::etag))
        .layer(axum::extract::DefaultBodyLimit::max(http::MAX_REQUEST_BODY))
        .layer(axum::middleware::from_fn(move |r, n| {
            http::body_deadline(body_timeout, r, n)
        }))
        .layer(http::compression())
        .layer(cors)
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .with_state(state)
}

/// Serves until Ctrl-C: the endpoint on `listener`, and, for `ingest` on this machine, the
/// write socket in the store's folder (`inbox`).
pub async fn serve(
    store: Store,
    store_dir: &std::path::Path,
    limits: Limits,
    base: Base,
    publication: Publication,
    listener: tokio::net::TcpListener,
) -> std::io::Result<()> {
    let publication = Arc::new(publication);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let until_stopped = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|s| *s).await;
    };
    let inbox = inbox::listen(
        store_dir,
        store.clone(),
        publication.log.clone(),
        publication.search.clone(),
        publication.listings.clone(),
        base.clone(),
        until_stopped(stopped.clone()),
    );
    let connections = limits.connections.clone();
    let app = router(store, limits, base, publication);
    let endpoint =
        async move { conn::serve(listener, app, &connections, until_stopped(stopped)).await };
    let signal = async move {
        let _ = tokio::signal::ctrl_c().await;
        let _ = stop.send(true);
        Ok(())
    };
    tokio::try_join!(endpoint, inbox, signal)?;
    Ok(())
}

#[derive(Debug)]
enum ApiError {
    BadRequest(String),
    Forbidden(&'static str),
    NotAcceptable(String),
    UnsupportedMediaType(String),
    Timeout(Duration),
    /// Expensive work turned away: the slow lane is busy.
    Busy,
    /// Stopped holding more than the limit per query (MiB): it would be again, so no retry.
    QueryMemory(u64),
    /// Stopped because the server's memory is short: a retry may get through.
    ServerMemory,
    TooLarge(String),
    Internal(String),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // What a later try may change: load, not the query's own size.
        let retry = !matches!(self, Self::QueryMemory(_));
        let (status, message) = match self {
            Self::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            Self::Forbidden(m) => (StatusCode::FORBIDDEN, m.to_owned()),
            Self::NotAcceptable(m) => (StatusCode::NOT_ACCEPTABLE, m),
            Self::UnsupportedMediaType(m) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, m),
            Self::Timeout(d) => (
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the query ran past the time limit of {} s and was stopped",
                    d.as_secs_f64()
                ),
            ),
            Self::Busy => (
                StatusCode::SERVICE_UNAVAILABLE,
                "an expensive query, and the workers for expensive queries are busy: \
                 try again later, or narrow the query"
                    .to_owned(),
            ),
            Self::QueryMemory(mib) => (
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the query held more than {mib} MiB, this server's limit per query, and was \
                     stopped: narrow it, for example to one Wahlperiode's graphs, named together \
                     as BASE/graph/wahlperiode/N (in FROM, or as default-graph-uri)"
                ),
            ),
            Self::ServerMemory => (
                StatusCode::SERVICE_UNAVAILABLE,
                "the server is short of memory and stopped this expensive query: try again \
                 later, or narrow the query"
                    .to_owned(),
            ),
            Self::TooLarge(m) => (StatusCode::INSUFFICIENT_STORAGE, m),
            Self::Internal(m) => (StatusCode::INTERNAL_SERVER_ERROR, m),
        };
        let retry = (retry && status == StatusCode::SERVICE_UNAVAILABLE).then_some("5");
        let mut r = (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            message + "\n",
        )
            .into_response();
        if let Some(secs) = retry {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static(secs));
        }
        r
    }
}

const READ_ONLY: &str = "this endpoint is read-only: SPARQL updates are refused";

/// A query, or without one the endpoint's service description.
async fn sparql_get(
    State(state): State<AppState>,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Response {
    if !params.iter().any(|(k, _)| k == "query" || k == "update") {
        let graph = landtag_publish::service::describe(&state.base);
        return publish::described(&graph, &headers, &params);
    }
    respond(state, &params, &headers).await
}

async fn sparql_post(
    State(state): State<AppState>,
    Query(url): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let params: Vec<(String, String)> = match content_type.as_str() {
        "application/x-www-form-urlencoded" => match serde_urlencoded::from_bytes(&body) {
            Ok(p) => p,
            Err(e) => return ApiError::BadRequest(format!("malformed form body: {e}")).into_response(),
        },
        // The query is the body; the graphs it runs over come in the URL.
        "application/sparql-query" => match String::from_utf8(body.to_vec()) {
            Ok(q) => std::iter::once(("query".to_owned(), q)).chain(url).collect(),
            Err(_) => return ApiError::BadRequest("the query is not UTF-8".into()).into_response(),
        },
        "application/sparql-update" => return ApiError::Forbidden(READ_ONLY).into_response(),
        other => {
            return ApiError::UnsupportedMediaType(format!(
                "POST wants application/sparql-query or application/x-www-form-urlencoded, not `{other}`"
            ))
            .into_response()
        }
    };
    respond(state, &params, &headers).await
}

async fn respond(state: AppState, params: &[(String, String)], headers: &HeaderMap) -> Response {
    match run(state, params, headers).await {
        Ok(answer) => answer.into_response(),
        Err(e) => e.into_response(),
    }
}

async fn run(
    state: AppState,
    params: &[(String, String)],
    headers: &HeaderMap,
) -> Result<answer::Answer, ApiError> {
    if params.iter().any(|(k, _)| k == "update") {
        return Err(ApiError::Forbidden(READ_ONLY));
    }
    let mut queries = params.iter().filter(|(k, _)| k == "query");
    let query = match (queries.next(), queries.next()) {
        (Some((_, q)), None) => q.clone(),
        (None, _) => return Err(ApiError::BadRequest("no `query` parameter".into())),
        (Some(_), Some(_)) => {
            return Err(ApiError::BadRequest(
                "more than one `query` parameter".into(),
            ))
        }
    };
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let format = params
        .iter()
        .find(|(k, _)| k == "format")
        .map(|(_, v)| v.clone());
    // Parsed here, once: syntax errors and updates are answered at once, and the engine runs
    // what was parsed.
    let parsed = match store::parse(&query) {
        Ok(parsed) => parsed,
        Err(e) => {
            if SparqlEvaluator::new().parse_update(&query).is_ok() {
                return Err(ApiError::Forbidden(READ_ONLY));
            }
            return Err(ApiError::BadRequest(format!("SPARQL syntax error: {e}")));
        }
    };
    let graphs = request_graphs(params)?;
    let store = state.store.clone();
    let base = state.base.clone();
    let max = state.limits.max_result;
    let listings = state.publication.listings.listings.clone();
    // The same query over other graphs is other work (cheap over one document, dear over all).
    let key = lanes::key("query", &format!("{query}\n{graphs:?}"));
    state
        .lanes
        .run(key, move |job| {
            let views = landtag_publish::facts::PeriodViews::new(&base);
            let over = store::Dataset {
                graphs: &graphs,
                views: &views,
            };
            let asked = Asked {
                query: &query,
                parsed,
                accept: &accept,
                format: format.as_deref(),
            };
            answer_query(&store, &listings, asked, &over, max, job)
        })
        .await
}

/// The graphs the request names for its query (`default-graph-uri`, `named-graph-uri`, each
/// as often as needed); an IRI that is none is refused.
fn request_graphs(params: &[(String, String)]) -> Result<store::Graphs, ApiError> {
    let mut graphs = store::Graphs::default();
    for (key, value) in params {
        let list = match key.as_str() {
            "default-graph-uri" => &mut graphs.default,
            "named-graph-uri" => &mut graphs.named,
            _ => continue,
        };
        let iri = landtag_rdf::iri::given(value)
            .map_err(|e| ApiError::BadRequest(format!("{key} `{value}`: {e}")))?;
        list.push(iri);
    }
    Ok(graphs)
}

/// Runs `work` in its lane (see [`lanes`]) and returns its result: the pages and the
/// publication's documents, which answer whole.
async fn in_worker<T: Send + 'static>(
    state: &AppState,
    key: lanes::Key,
    work: impl FnOnce(CancellationToken) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    state
        .lanes
        .run(key, move |job| job.reply(work(job.token.clone())))
        .await
}

/// A format refused, as the client hears it (400 for a name, 406 for `Accept`).
impl From<formats::Refusal> for ApiError {
    fn from(r: formats::Refusal) -> Self {
        match r {
            formats::Refusal::Unknown { .. } => Self::BadRequest(r.to_string()),
            formats::Refusal::NotAcceptable { .. } => Self::NotAcceptable(r.to_string()),
        }
    }
}

fn evaluation_error(e: QueryEvaluationError) -> ApiError {
    match e {
        QueryEvaluationError::Cancelled => ApiError::Internal("cancelled".into()),
        e => ApiError::Internal(format!("query evaluation failed: {e}")),
    }
}

/// A query as asked: its text, as parsed, and the answer's format.
struct Asked<'a> {
    query: &'a str,
    parsed: store::Parsed,
    accept: &'a str,
    format: Option<&'a str>,
}

/// The query's results: a named query over the whole store from its listing, any other from
/// the engine.
fn evaluate(
    store: &Store,
    listings: &landtag_publish::listings::Listings,
    asked: Asked<'_>,
    over: &store::Dataset<'_>,
    token: CancellationToken,
) -> Result<QueryResults<'static>, StoreError> {
    match listings.answer(store, asked.query, over.graphs) {
        Ok(Some(rows)) => return Ok(QueryResults::Solutions(rows)),
        Ok(None) => {}
        // The engine answers what the listing could not.
        Err(e) => tracing::warn!("listings: {e}"),
    }
    store::query_parsed(store, asked.parsed, over, Some(token))
}

/// Evaluates a query and writes its answer through a [`answer::Spill`].
fn answer_query(
    store: &Store,
    listings: &landtag_publish::listings::Listings,
    asked: Asked<'_>,
    over: &store::Dataset<'_>,
    max: usize,
    job: &lanes::Job<answer::Answer>,
) {
    let (accept, format) = (asked.accept, asked.format);
    let results = match evaluate(store, listings, asked, over, job.token.clone()) {
        Ok(r) => r,
        Err(StoreError::Syntax(e)) => {
            return job.reply(Err(ApiError::BadRequest(format!(
                "SPARQL syntax error: {e}"
            ))))
        }
        Err(StoreError::Evaluation(e)) => return job.reply(Err(evaluation_error(e))),
        Err(e) => return job.reply(Err(ApiError::Internal(e.to_string()))),
    };
    let picked = match formats::pick(formats::for_answer(&results), accept, format) {
        Ok(f) => f,
        Err(e) => return job.reply(Err(e.into())),
    };
    let media = match (&results, picked.writes) {
        (QueryResults::Solutions(_), formats::Writes::Page) => "text/html; charset=utf-8",
        _ => picked.media,
    };
    let mut out = answer::Spill::new(job, media, max);
    match write_results(results, picked, &mut out) {
        Ok(()) => out.finish(),
        Err(e) => out.fail(e),
    }
}

/// The most rows the query page shows as a table.
const HTML_ROWS: usize = 10_000;

fn write_results(
    results: QueryResults<'static>,
    format: &'static formats::Format,
    out: &mut answer::Spill<'_>,
) -> Result<(), ApiError> {
    let format = match (results, format.writes) {
        (QueryResults::Solutions(solutions), formats::Writes::Page) => {
            let html = results_page(solutions)?;
            return std::io::Write::write_all(out, html.as_bytes()).map_err(answer::write_error);
        }
        // A boolean has no page: it answers as JSON.
        (results @ QueryResults::Boolean(_), formats::Writes::Page) => {
            (results, &formats::SOLUTIONS[0])
        }
        (results, _) => (results, format),
    };
    match crate::results::write(format.0, format.1, &mut *out) {
        Ok(_) => Ok(()),
        Err(crate::results::WriteError::Io(e)) => Err(answer::write_error(e)),
        Err(crate::results::WriteError::Evaluation(e)) => Err(evaluation_error(e)),
        Err(e) => Err(ApiError::Internal(e.to_string())),
    }
}

/// The query page's table of results (the first [`HTML_ROWS`]).
fn results_page(
    solutions: oxigraph::sparql::QuerySolutionIter<'static>,
) -> Result<String, ApiError> {
    let variables: Vec<String> = solutions
        .variables()
        .iter()
        .map(|v| v.as_str().to_owned())
        .collect();
    let mut rows: Vec<Vec<pages::Link>> = Vec::new();
    let mut more = false;
    for s in solutions {
        let s = s.map_err(evaluation_error)?;
        if rows.len() == HTML_ROWS {
            more = true;
            break;
        }
        rows.push(
            variables
                .iter()
                .map(|v| {
                    s.get(v.as_str())
                        .map(|t| pages::Link::term(t, "", None, usize::MAX))
                        .unwrap_or_default()
                })
                .collect(),
        );
    }
    pages::render(
        "results.html",
        serde_json::json!({ "variables": variables, "rows": rows, "more": more }),
    )
}

async fn named_query(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    let name = name.trim_end_matches(".rq");
    match queries::named(name) {
        Some(q) => (
            [(
                header::CONTENT_TYPE,
                "application/sparql-query; charset=utf-8",
            )],
            q,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, format!("no named query `{name}`\n")).into_response(),
    }
}

#[derive(serde::Serialize)]
struct NamedQuery {
    name: &'static str,
    text: &'static str,
}

/// The query page: YASGUI with the named queries as examples.
async fn page(State(state): State<AppState>) -> Response {
    let queries: Vec<NamedQuery> = queries::NAMED
        .iter()
        .map(|(name, text)| NamedQuery { name, text })
        .collect();
    // Inside a <script> element: `</` must not close it, whatever a query holds.
    let json = serde_json::to_string(&queries)
        .unwrap_or_default()
        .replace("</", "<\\/");
    let context = minijinja::context! {
        first => queries.first().map_or("", |q| q.text),
        queries_json => minijinja::Value::from_safe_string(json),
        queries => queries,
        period => state.base.period_graph(18).as_str(),
    };
    match pages::render("query.html", context) {
        Ok(html) => Html(html).into_response(),
        Err(e) => e.into_response(),
    }
}

/// The query page's scripts and styles, from the binary.
async fn asset(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    let (body, media) = match file.as_str() {
        "yasgui.min.js" => (pages::YASGUI_JS, "text/javascript; charset=utf-8"),
        "yasgui.min.css" => (pages::YASGUI_CSS, "text/css; charset=utf-8"),
        _ => return (StatusCode::NOT_FOUND, format!("no asset `{file}`\n")).into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, media),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response()
}
