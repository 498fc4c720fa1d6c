//! IRIs dereference: `GET /id/…` describes `{base}/id/…` as HTML (a page a person reads, its
//! links staying on this server), Turtle, N-Triples or JSON-LD, by `Accept` or `format=`. An
//! IRI the store says nothing about is 404.

use super::{accepted, escape, in_worker, respond, ApiError, AppState};
use crate::rdf::vocab::PREFIXES;
use crate::store;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Response};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;

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
    for range in accepted(accept) {
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
    let iri = format!("{}/id/{path}", state.base.as_str());
    let Ok(node) = NamedNode::new(&iri) else {
        return ApiError::BadRequest(format!("`{iri}` is not an IRI")).into_response();
    };
    let format = params
        .iter()
        .find(|(k, _)| k == "format")
        .map(|(_, v)| v.as_str());
    if wants_html(&headers, format) {
        let base = state.base.as_str().to_owned();
        let store = state.store.clone();
        let work = move |token| page(&store, &node, &base, token);
        return match in_worker(&state, work).await {
            Ok(Some(html)) => Html(html).into_response(),
            Ok(None) => not_found(&iri),
            Err(e) => e.into_response(),
        };
    }
    // Data: its statements, once each (the union default graph repeats shared ones).
    let ask = format!("ASK {{ <{iri}> ?p ?o }}");
    let store = state.store.clone();
    let known = in_worker(&state, move |token| {
        match store::query(&store, &ask, Some(token)) {
            Ok(QueryResults::Boolean(b)) => Ok(b),
            Ok(_) => Ok(false),
            Err(e) => Err(ApiError::Internal(e.to_string())),
        }
    })
    .await;
    match known {
        Ok(true) => {}
        Ok(false) => return not_found(&iri),
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

fn not_found(iri: &str) -> Response {
    (
        axum::http::StatusCode::NOT_FOUND,
        format!("nothing is known about <{iri}>\n"),
    )
        .into_response()
}

/// `prefix:local` where a prefix fits.
fn short(iri: &str) -> String {
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            return format!("{prefix}:{local}");
        }
    }
    iri.to_owned()
}

/// A link that stays on this server for our own IRIs.
fn link(iri: &str, base: &str, label: Option<&str>) -> String {
    let href = iri
        .strip_prefix(base)
        .filter(|p| p.starts_with("/id/"))
        .unwrap_or(iri);
    let text = label.map_or_else(|| short(iri), str::to_owned);
    format!("<a href=\"{}\">{}</a>", escape(href), escape(&text))
}

/// How many referring statements a page lists; the rest are a SPARQL query away.
const REFERRERS: usize = 300;

/// What points to `node` (`?s ?p node`): a table headed `Verweise hierher`, most `REFERRERS`
/// rows, labelled like the page's own values.
fn referrers(
    store: &oxigraph::store::Store,
    node: &NamedNode,
    base: &str,
    token: oxigraph::sparql::CancellationToken,
) -> Result<String, ApiError> {
    let q = format!(
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX schema: <http://schema.org/>
         PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX eli: <http://data.europa.eu/eli/ontology#>
         PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
         SELECT ?p ?s (SAMPLE(?l) AS ?label) WHERE {{
           {{ SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {node} FILTER(isIRI(?s)) }} ORDER BY ?p ?s LIMIT {} }}
           OPTIONAL {{ ?s foaf:name|schema:name|skos:prefLabel|eli:title|rdfs:label|schema:text ?l }}
         }} GROUP BY ?p ?s ORDER BY ?p ?s",
        REFERRERS + 1
    );
    let results =
        store::query(store, &q, Some(token)).map_err(|e| ApiError::Internal(e.to_string()))?;
    let QueryResults::Solutions(solutions) = results else {
        return Ok(String::new());
    };
    let mut rows = String::new();
    let mut n = 0;
    for s in solutions {
        let s = s.map_err(|e| ApiError::Internal(e.to_string()))?;
        n += 1;
        if n > REFERRERS {
            rows += &format!(
                "<tr><td colspan=\"2\">… more than {REFERRERS}: ask the SPARQL endpoint</td></tr>\n"
            );
            break;
        }
        let (Some(Term::NamedNode(p)), Some(Term::NamedNode(subject))) = (s.get("p"), s.get("s"))
        else {
            continue;
        };
        let label = s.get("label").and_then(|t| match t {
            Term::Literal(l) => Some(l.value().chars().take(120).collect::<String>()),
            _ => None,
        });
        rows += &format!(
            "<tr><th>{}</th><td>{}</td></tr>\n",
            link(p.as_str(), base, None),
            link(subject.as_str(), base, label.as_deref())
        );
    }
    Ok(if rows.is_empty() {
        String::new()
    } else {
        format!("<h2>Verweise hierher</h2>\n<table class=\"incoming\">\n{rows}</table>\n")
    })
}

fn page(
    store: &oxigraph::store::Store,
    node: &NamedNode,
    base: &str,
    token: oxigraph::sparql::CancellationToken,
) -> Result<Option<String>, ApiError> {
    let q = format!(
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX schema: <http://schema.org/>
         PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX eli: <http://data.europa.eu/eli/ontology#>
         SELECT ?p ?o (SAMPLE(?l) AS ?label) WHERE {{
           {{ SELECT DISTINCT ?p ?o WHERE {{ {node} ?p ?o }} }}
           OPTIONAL {{ ?o foaf:name|schema:name|skos:prefLabel|eli:title ?l }}
         }} GROUP BY ?p ?o ORDER BY ?p ?o"
    );
    let results = store::query(store, &q, Some(token.clone()))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let QueryResults::Solutions(solutions) = results else {
        return Ok(None);
    };
    let mut rows = String::new();
    let mut title = None;
    let mut n = 0;
    for s in solutions {
        let s = s.map_err(|e| ApiError::Internal(e.to_string()))?;
        n += 1;
        let p = s.get("p").map(|t| t.to_string()).unwrap_or_default();
        let p = p.trim_start_matches('<').trim_end_matches('>');
        let label = s.get("label").and_then(|t| match t {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        });
        let o = match s.get("o") {
            Some(Term::NamedNode(o)) => link(o.as_str(), base, label.as_deref()),
            Some(Term::Literal(l)) => {
                if title.is_none()
                    && ["name", "title", "prefLabel"]
                        .iter()
                        .any(|k| p.ends_with(k))
                {
                    title = Some(l.value().to_owned());
                }
                let value = l.value();
                let shown: String = value.chars().take(600).collect();
                let more = if shown.len() < value.len() {
                    " …"
                } else {
                    ""
                };
                format!("{}{more}", escape(&shown))
            }
            Some(t) => escape(&t.to_string()),
            None => String::new(),
        };
        rows += &format!("<tr><th>{}</th><td>{o}</td></tr>\n", link(p, base, None));
    }
    if n == 0 {
        return Ok(None);
    }
    let incoming = referrers(store, node, base, token)?;
    let iri = node.as_str();
    let title = title.unwrap_or_else(|| short(iri));
    Ok(Some(format!(
        "<!doctype html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>{t}</title>\n\
         <link rel=\"alternate\" type=\"text/turtle\" href=\"?format=turtle\">\n\
         <link rel=\"alternate\" type=\"application/ld+json\" href=\"?format=jsonld\">\n\
         <style>body{{font-family:sans-serif;max-width:70em;margin:2em auto}}th{{text-align:left;vertical-align:top;padding-right:1em;white-space:nowrap}}td{{padding-bottom:.3em}}</style></head>\n\
         <body><h1>{t}</h1><p><code>{i}</code> · <a href=\"?format=turtle\">Turtle</a> · <a href=\"?format=jsonld\">JSON-LD</a> · <a href=\"/\">SPARQL</a></p>\n\
         <table>\n{rows}</table>\n{incoming}</body></html>\n",
        t = escape(&title),
        i = escape(iri),
    )))
}
