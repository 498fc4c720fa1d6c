//! `GET /search`: the full-text index beside the store, as JSON (`{"total", "hits": […]}`, the
//! contract's shape, with facet counts) or as a page people read: highlighted passages, facets
//! to narrow by, pages of hits, each hit a link to its resource's page.

use super::pages::{render, Link};
use super::{ApiError, AppState};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use landtag_search::{Answer, Request};
use serde::Serialize;

/// Hits a page shows; a client may ask for up to `MAX_LIMIT`.
const PAGE: usize = 20;
const MAX_LIMIT: usize = 100;
/// How deep a client may page: the ranking holds offset + limit hits in memory.
const MAX_OFFSET: usize = 200_000;

/// The request's parameters as asked: a bad one is the client's error, named.
fn request(params: &[(String, String)]) -> Result<Request, ApiError> {
    let get = |k: &str| {
        params
            .iter()
            .find(|(n, v)| n == k && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
    };
    let number = |k: &str| -> Result<Option<usize>, ApiError> {
        get(k)
            .map(|v| {
                v.parse()
                    .map_err(|_| ApiError::BadRequest(format!("`{k}={v}` is no number")))
            })
            .transpose()
    };
    let day = |k: &str| -> Result<Option<u64>, ApiError> {
        get(k)
            .map(|v| {
                landtag_search::day(&v).ok_or_else(|| {
                    ApiError::BadRequest(format!("`{k}={v}` is no day (YYYY-MM-DD)"))
                })
            })
            .transpose()
    };
    if let Some(k) = get("kind") {
        if landtag_search::Kind::parse(&k).is_none() {
            return Err(ApiError::BadRequest(format!(
                "`kind={k}`: one of speech, interjection, agenda-item, paper"
            )));
        }
    }
    Ok(Request {
        q: get("q").unwrap_or_default(),
        kind: get("kind"),
        period: number("period")?.map(|p| p as u32),
        faction: get("faction"),
        person: get("person"),
        from: day("from")?,
        to: day("to")?,
        document: get("document"),
        limit: number("limit")?.unwrap_or(PAGE).clamp(1, MAX_LIMIT),
        offset: number("offset")?.unwrap_or(0).min(MAX_OFFSET),
    })
}

fn wants_html(headers: &HeaderMap, params: &[(String, String)]) -> bool {
    if let Some((_, f)) = params.iter().find(|(k, _)| k == "format") {
        return f == "html";
    }
    let accept = headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    for range in landtag_publish::formats::accepted(accept) {
        match range.as_str() {
            "text/html" | "application/xhtml+xml" => return true,
            "application/json" => return false,
            _ => {}
        }
    }
    false
}

pub(super) async fn search(
    State(state): State<AppState>,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Response {
    let html = wants_html(&headers, &params);
    let request = match request(&params) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let Some(index) = state.publication.search.clone() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "this store has no search index: `landtag-lod index --store DIR` builds it; SPARQL is served at /sparql\n",
        )
            .into_response();
    };
    let answer = if request.q.is_empty() {
        if !html {
            return ApiError::BadRequest("`q` (the words to find) is missing".into())
                .into_response();
        }
        None
    } else {
        let r = request.clone();
        match tokio::task::spawn_blocking(move || index.search(&r)).await {
            Ok(Ok(a)) => Some(a),
            Ok(Err(landtag_search::SearchError::Query { query, message })) => {
                return ApiError::BadRequest(format!(
                    "the words `{query}` cannot be read: {message}"
                ))
                .into_response();
            }
            Ok(Err(e)) => return ApiError::Internal(e.to_string()).into_response(),
            Err(e) => return ApiError::Internal(e.to_string()).into_response(),
        }
    };
    if html {
        return page(&state, &request, answer.as_ref(), &params);
    }
    axum::Json(answer).into_response()
}

#[derive(Serialize)]
struct FacetLink {
    value: String,
    count: u64,
    href: String,
    chosen: bool,
}

#[derive(Serialize)]
struct HitView {
    link: Link,
    kind: String,
    document: Link,
    date: String,
    parts: Vec<landtag_search::Part>,
}

/// The search's URL with one parameter set (or removed: empty) and the page reset.
fn with(params: &[(String, String)], key: &str, value: &str) -> String {
    let mut kept: Vec<(String, String)> = params
        .iter()
        .filter(|(k, _)| k != key && k != "offset" && k != "format")
        .cloned()
        .collect();
    if !value.is_empty() {
        kept.push((key.to_owned(), value.to_owned()));
    }
    format!(
        "/search?{}",
        serde_urlencoded::to_string(&kept).unwrap_or_default()
    )
}

fn facet(
    params: &[(String, String)],
    key: &str,
    counts: &[(String, u64)],
    chosen: Option<String>,
) -> Vec<FacetLink> {
    counts
        .iter()
        .map(|(value, count)| {
            let is = chosen.as_deref() == Some(value.as_str());
            FacetLink {
                value: value.clone(),
                count: *count,
                href: with(params, key, if is { "" } else { value }),
                chosen: is,
            }
        })
        .collect()
}

fn page(
    state: &AppState,
    r: &Request,
    answer: Option<&Answer>,
    params: &[(String, String)],
) -> Response {
    let base = state.base.as_str();
    let hits: Vec<HitView> = answer
        .map(|a| {
            a.hits
                .iter()
                .map(|h| HitView {
                    link: Link::to(&h.id, base, Some(&h.label)),
                    kind: kind_de(&h.kind).to_owned(),
                    document: Link::to(&h.document, base, None),
                    date: h.date.clone().unwrap_or_default(),
                    parts: h.parts.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let total = answer.map_or(0, |a| a.total);
    let paging = |offset: usize| {
        let mut p: Vec<(String, String)> = params
            .iter()
            .filter(|(k, _)| k != "offset")
            .cloned()
            .collect();
        p.push(("offset".into(), offset.to_string()));
        format!(
            "/search?{}",
            serde_urlencoded::to_string(&p).unwrap_or_default()
        )
    };
    let next = (r.offset + r.limit < total).then(|| paging(r.offset + r.limit));
    let previous = (r.offset > 0).then(|| paging(r.offset.saturating_sub(r.limit)));
    let empty = Vec::new();
    let f = answer.map(|a| &a.facets);
    let context = minijinja::context! {
        q => r.q,
        total => total,
        searched => answer.is_some(),
        first => r.offset + 1,
        last => r.offset + hits.len(),
        hits => hits,
        kinds => facet(params, "kind", f.map_or(&empty, |f| &f.kind), r.kind.clone()),
        periods => facet(params, "period", f.map_or(&empty, |f| &f.period), r.period.map(|p| p.to_string())),
        factions => facet(params, "faction", f.map_or(&empty, |f| &f.faction), r.faction.clone()),
        next => next,
        previous => previous,
    };
    match render("search.html", context) {
        Ok(html) => Html(html).into_response(),
        Err(e) => e.into_response(),
    }
}

/// The German name of a hit's kind.
pub fn kind_de(kind: &str) -> &'static str {
    match kind {
        "speech" => "Rede",
        "interjection" => "Zwischenruf",
        "agenda-item" => "Tagesordnungspunkt",
        "paper" => "Drucksache",
        _ => "",
    }
}
