//! IRIs dereference: `GET /id/…` describes `{base}/id/…` as HTML (a page a person reads, its
//! links staying on this server), Turtle, N-Triples or JSON-LD, by `Accept` or `format=`. An
//! IRI the store says nothing about is 404.

use super::pages::{classes, link, render, select, short, text, Link, LABEL, PROLOGUE};
use super::{in_worker, respond, views, ApiError, AppState};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Response};
use landtag_store as store;
use oxigraph::model::NamedNode;
use oxigraph::sparql::CancellationToken;
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use serde::Serialize;

/// Whether the client would rather read a page than data.
fn wants_html(headers: &HeaderMap, format: Option<&str>) -> bool {
    if let Some(f) = format {
        return f == "html";
    }
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let rdf = [
        "text/turtle",
        "application/ld+json",
        "application/n-triples",
    ];
    for range in landtag_publish::formats::accepted(accept) {
        if range == "text/html" || range == "application/xhtml+xml" {
            return true;
        }
        if rdf.contains(&range.as_str()) {
            return false;
        }
    }
    false
}

pub(super) async fn resource(
    State(state): State<AppState>,
    Path(path): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Response {
    let Some(node) = state.base.resource(&path) else {
        return ApiError::BadRequest(format!("`/id/{path}` names no IRI")).into_response();
    };
    let iri = node.as_str().to_owned();
    let format = params
        .iter()
        .find(|(k, _)| k == "format")
        .map(|(_, v)| v.as_str());
    if wants_html(&headers, format) {
        let base = state.base.as_str().to_owned();
        let store = state.store.clone();
        let work = move |token| page(&store, &node, &base, token);
        return match in_worker(&state, super::lanes::key("page", &iri), work).await {
            Ok(Some(html)) => Html(html).into_response(),
            Ok(None) => moved_or_not_found(&state, &iri, format).await,
            Err(e) => e.into_response(),
        };
    }
    // Data: its statements, once each (the union default graph repeats shared ones).
    let ask = format!("ASK {{ <{iri}> ?p ?o }}");
    let store = state.store.clone();
    let known = in_worker(
        &state,
        super::lanes::key("ask", &iri),
        move |token| match store::query(&store, &ask, Some(token)) {
            Ok(QueryResults::Boolean(b)) => Ok(b),
            Ok(_) => Ok(false),
            Err(e) => Err(ApiError::Internal(e.to_string())),
        },
    )
    .await;
    match known {
        Ok(true) => {}
        Ok(false) => return moved_or_not_found(&state, &iri, format).await,
        Err(e) => return e.into_response(),
    }
    let construct = format!(
        "CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ SELECT DISTINCT ?p ?o WHERE {{ <{iri}> ?p ?o }} }}"
    );
    let mut query = vec![("query".to_owned(), construct)];
    if let Some(f) = format {
        query.push(("format".to_owned(), f.to_owned()));
    }
    respond(state, &query, &headers).await
}

/// An IRI the store says nothing about: the IRI that replaced it (`dcterms:replaces`, a person's
/// name-based IRI before persons had identities) answers instead, `301 Moved Permanently`;
/// else 404.
async fn moved_or_not_found(state: &AppState, iri: &str, format: Option<&str>) -> Response {
    let ask = format!(
        "SELECT ?new WHERE {{ ?new <http://purl.org/dc/terms/replaces> <{iri}> }} ORDER BY ?new LIMIT 1"
    );
    let store = state.store.clone();
    let found =
        in_worker(
            state,
            super::lanes::key("moved", iri),
            move |token| match store::query(&store, &ask, Some(token)) {
                Ok(QueryResults::Solutions(mut rows)) => Ok(rows
                    .next()
                    .and_then(Result::ok)
                    .and_then(|row| match row.get("new") {
                        Some(oxigraph::model::Term::NamedNode(n)) => Some(n.as_str().to_owned()),
                        _ => None,
                    })),
                Ok(_) => Ok(None),
                Err(e) => Err(ApiError::Internal(e.to_string())),
            },
        )
        .await;
    let new = match found {
        Ok(Some(new)) => new,
        Ok(None) => return not_found(iri),
        Err(e) => return e.into_response(),
    };
    let Some(path) = state.base.path_of(&new) else {
        return not_found(iri);
    };
    let query = format
        .filter(|f| f.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .map_or(String::new(), |f| format!("?format={f}"));
    let location = format!("/{path}{query}");
    (
        axum::http::StatusCode::MOVED_PERMANENTLY,
        [(header::LOCATION, location)],
        format!("<{iri}> is now <{new}>\n"),
    )
        .into_response()
}

fn not_found(iri: &str) -> Response {
    (
        axum::http::StatusCode::NOT_FOUND,
        format!("nothing is known about <{iri}>\n"),
    )
        .into_response()
}

/// How many referring statements a page lists; the rest are a SPARQL query away.
const REFERRERS: usize = 300;

#[derive(Serialize)]
struct Row {
    property: Link,
    value: Link,
}

#[derive(Serialize)]
struct Page {
    title: String,
    subtitle: String,
    iri: String,
    wikidata: Option<String>,
    view: Option<views::View>,
    doubts: Vec<views::Doubt>,
    properties: Vec<Row>,
    incoming: Vec<Row>,
    incoming_more: bool,
}

/// The statements about `node` (`node ?p ?o`), objects labelled.
fn properties(
    store: &Store,
    node: &NamedNode,
    base: &str,
    token: &CancellationToken,
) -> Result<Vec<Row>, ApiError> {
    let q = format!(
        "{PROLOGUE} SELECT ?p ?o (SAMPLE(?l) AS ?label) WHERE {{
           {{ SELECT DISTINCT ?p ?o WHERE {{ {node} ?p ?o }} }}
           OPTIONAL {{ ?o {LABEL} ?l }}
         }} GROUP BY ?p ?o ORDER BY ?p ?o"
    );
    Ok(select(store, &q, token)?
        .iter()
        .filter_map(|r| {
            let label = text(r, "label");
            let value = Link::term(
                r.get("o")?,
                base,
                (!label.is_empty()).then_some(label.as_str()),
                600,
            );
            Some(Row {
                property: Link::to(&text(r, "p"), base, None),
                value,
            })
        })
        .collect())
}

/// What points to `node` (`?s ?p node`), at most `REFERRERS` rows (and whether there are more).
fn referrers(
    store: &Store,
    node: &NamedNode,
    base: &str,
    token: &CancellationToken,
) -> Result<(Vec<Row>, bool), ApiError> {
    let q = format!(
        "{PROLOGUE} SELECT ?p ?s (SAMPLE(COALESCE(?l, CONCAT(\"Rede von \", ?creator))) AS ?label) WHERE {{
           {{ SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {node} FILTER(isIRI(?s)) }} ORDER BY ?p ?s LIMIT {} }}
           OPTIONAL {{ ?s {LABEL} ?l }}
           OPTIONAL {{ ?s a opengov:Speech ; schema:creator/foaf:name ?creator }}
         }} GROUP BY ?p ?s ORDER BY ?p ?s",
        REFERRERS + 1
    );
    let rows = select(store, &q, token)?;
    let more = rows.len() > REFERRERS;
    let rows = rows
        .iter()
        .take(REFERRERS)
        .map(|r| Row {
            property: Link::to(&text(r, "p"), base, None),
            value: link(r, "s", "label", base),
        })
        .collect();
    Ok((rows, more))
}

/// A title that reads well: a person's name with their office or faction, a session's number
/// and date, a vote's paper, else the resource's name or short IRI.
fn title(
    store: &Store,
    node: &NamedNode,
    token: &CancellationToken,
) -> Result<(String, String), ApiError> {
    let q = format!(
        "{PROLOGUE} SELECT ?name ?role ?faction ?wp ?no ?date ?number ?seq ?creator ?own ?kind WHERE {{
           OPTIONAL {{ {node} {LABEL} ?name }}
           OPTIONAL {{ {node} a lt:Drucksache ; eli:id_local ?own . OPTIONAL {{ {node} dcterms:type ?kind }} }}
           OPTIONAL {{ ?m org:member {node} ; org:role/({LABEL}) ?role }}
           OPTIONAL {{ ?s schema:creator {node} ; lt:fraktion/skos:prefLabel ?faction }}
           OPTIONAL {{ {node} lt:wahlperiode ?wp ; lt:sitzungsnummer ?no }}
           OPTIONAL {{ {node} eli:date_document ?date }}
           OPTIONAL {{ {node} lt:gegenstand/eli:id_local ?number }}
           OPTIONAL {{ {node} a opengov:Speech ; schema:position ?seq ; schema:creator/foaf:name ?creator }}
         }} LIMIT 1"
    );
    let rows = select(store, &q, token)?;
    let Some(r) = rows.first() else {
        return Ok((short(node.as_str()), String::new()));
    };
    let (name, role, faction) = (text(r, "name"), text(r, "role"), text(r, "faction"));
    let (no, date, number, creator) = (
        text(r, "no"),
        text(r, "date"),
        text(r, "number"),
        text(r, "creator"),
    );
    // A paper: its title, with kind and number beneath; untitled, its kind and number.
    let (own, kind) = (text(r, "own"), text(r, "kind"));
    if !own.is_empty() {
        let paper = join(&[kind, format!("Drucksache {own}")]);
        return Ok(if name.is_empty() {
            (paper, date)
        } else {
            (name, join(&[paper, date]))
        });
    }
    let title = if !creator.is_empty() {
        format!("Rede von {creator}")
    } else if !no.is_empty() {
        format!("Sitzung {}/{no}", text(r, "wp"))
    } else if !number.is_empty() {
        format!("Abstimmung über Drucksache {number}")
    } else if !name.is_empty() {
        name.clone()
    } else {
        short(node.as_str())
    };
    let subtitle = [role, faction, date]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    Ok((title, subtitle))
}

/// The non-empty parts, joined by ` · `.
fn join(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ")
}

fn page(
    store: &Store,
    node: &NamedNode,
    base: &str,
    token: CancellationToken,
) -> Result<Option<String>, ApiError> {
    let properties = properties(store, node, base, &token)?;
    if properties.is_empty() {
        return Ok(None);
    }
    let (incoming, incoming_more) = referrers(store, node, base, &token)?;
    let (title, subtitle) = title(store, node, &token)?;
    let classes = classes(store, node, &token)?;
    let ctx = views::Ctx {
        store,
        node,
        base,
        token: &token,
    };
    let view = views::view(&ctx, &classes)?;
    let doubts = views::doubts(&ctx)?;
    let wikidata = properties
        .iter()
        .filter(|r| r.property.href.as_deref() == Some("http://www.w3.org/2002/07/owl#sameAs"))
        .find_map(|r| {
            r.value
                .href
                .clone()
                .filter(|h| h.starts_with("http://www.wikidata.org/"))
        });
    let page = Page {
        title,
        subtitle,
        iri: node.as_str().to_owned(),
        wikidata,
        view,
        doubts,
        properties,
        incoming,
        incoming_more,
    };
    render("resource.html", &page).map(Some)
}
