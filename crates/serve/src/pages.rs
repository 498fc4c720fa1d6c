//! Pages people read, rendered through minijinja templates (`templates/`) that escape every
//! value: the query page (YASGUI, served from the binary) and the page of each resource, with
//! a view of its own for persons, sessions, votes and papers above the raw statements.

use super::ApiError;
use landtag_rdf::vocab::PREFIXES;
use landtag_store as store;
use minijinja::value::Value;
use minijinja::Environment;
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::{CancellationToken, QueryResults};
use oxigraph::store::Store;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("query.html", include_str!("templates/query.html")),
    ("resource.html", include_str!("templates/resource.html")),
    ("person.html", include_str!("templates/person.html")),
    ("session.html", include_str!("templates/session.html")),
    ("vote.html", include_str!("templates/vote.html")),
    ("vote_table.html", include_str!("templates/vote_table.html")),
    ("paper.html", include_str!("templates/paper.html")),
    ("results.html", include_str!("templates/results.html")),
    ("search.html", include_str!("templates/search.html")),
    ("home.html", include_str!("templates/home.html")),
    ("period.html", include_str!("templates/period.html")),
];

/// YASGUI (`@zazuko/yasgui`, MIT), served from the binary: the query page needs no CDN.
pub const YASGUI_JS: &[u8] = include_bytes!("assets/yasgui.min.js");
pub const YASGUI_CSS: &[u8] = include_bytes!("assets/yasgui.min.css");

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        // Every template is HTML: values are escaped unless the code marks them safe.
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.set_formatter(formatter);
        for (name, source) in TEMPLATES {
            env.add_template(name, source).expect("the templates parse");
        }
        env.add_function("link", link_html);
        env
    })
}

/// Escapes what HTML gives meaning to (`& < > " '`), in text and attribute values alike.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes a value into a template: strings through `escape` unless marked safe (minijinja's
/// own escaper also writes `/` as `&#x2f;`, which makes links unreadable in the source), other
/// values as minijinja does.
fn formatter(
    out: &mut minijinja::Output<'_>,
    state: &minijinja::State<'_, '_>,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(s) if !value.is_safe() => out
            .write_str(&escape(s))
            .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string())),
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// `link(l)`: an anchor for a `Link` (escaped here, so the result is safe), or its text.
fn link_html(l: Value) -> Value {
    let text = l
        .get_attr("text")
        .ok()
        .filter(|v| !v.is_undefined())
        .map(|v| v.to_string())
        .unwrap_or_default();
    let text = escape(&text);
    match l
        .get_attr("href")
        .ok()
        .filter(|v| !v.is_none() && !v.is_undefined())
    {
        Some(href) => {
            let href = escape(&href.to_string());
            Value::from_safe_string(format!("<a href=\"{href}\">{text}</a>"))
        }
        None => Value::from_safe_string(text),
    }
}

/// Renders a template with `context`.
pub fn render(name: &str, context: impl Serialize) -> Result<String, ApiError> {
    env()
        .get_template(name)
        .and_then(|t| t.render(context))
        .map_err(|e| ApiError::Internal(format!("rendering {name}: {e:#}")))
}

/// A value on a page: a link where it names a resource, its text otherwise.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Link {
    pub href: Option<String>,
    pub text: String,
    /// The text was shortened (a long literal).
    pub more: bool,
}

/// `prefix:local` where a prefix fits.
pub fn short(iri: &str) -> String {
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            return format!("{prefix}:{local}");
        }
    }
    iri.to_owned()
}

impl Link {
    /// A link to `iri`, staying on this server for our own resources, with `label` or the IRI's
    /// short form as its text.
    pub fn to(iri: &str, base: &str, label: Option<&str>) -> Self {
        let href = iri
            .strip_prefix(base)
            .filter(|p| p.starts_with("/id/"))
            .unwrap_or(iri);
        Self {
            href: Some(href.to_owned()),
            text: label.map_or_else(|| short(iri), str::to_owned),
            more: false,
        }
    }
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            href: None,
            text: text.into(),
            more: false,
        }
    }
    /// A term as a page shows it; long literals cut at `max` characters (marked `more`).
    pub fn term(t: &Term, base: &str, label: Option<&str>, max: usize) -> Self {
        match t {
            Term::NamedNode(n) => Self::to(n.as_str(), base, label),
            Term::Literal(l) => {
                let shown: String = l.value().chars().take(max).collect();
                Self {
                    href: None,
                    more: shown.len() < l.value().len(),
                    text: shown,
                }
            }
            t => Self::text(t.to_string()),
        }
    }
}

/// A SELECT's rows, each a map from variable to term.
pub fn select(
    store: &Store,
    q: &str,
    token: &CancellationToken,
) -> Result<Vec<HashMap<String, Term>>, ApiError> {
    let err = |e: String| ApiError::Internal(format!("a page's query failed: {e}"));
    let results = store::query(store, q, Some(token.clone())).map_err(|e| err(e.to_string()))?;
    let QueryResults::Solutions(solutions) = results else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for s in solutions {
        let s = s.map_err(|e| err(e.to_string()))?;
        rows.push(
            s.iter()
                .map(|(v, t)| (v.as_str().to_owned(), t.clone()))
                .collect(),
        );
    }
    Ok(rows)
}

/// A row's literal value as text (empty where unbound).
pub fn text(row: &HashMap<String, Term>, var: &str) -> String {
    match row.get(var) {
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        Some(t) => t.to_string(),
        None => String::new(),
    }
}

/// A row's IRI as a link labelled by another of its variables.
pub fn link(row: &HashMap<String, Term>, var: &str, label: &str, base: &str) -> Link {
    match row.get(var) {
        Some(Term::NamedNode(n)) => {
            let l = text(row, label);
            Link::to(n.as_str(), base, (!l.is_empty()).then_some(l.as_str()))
        }
        _ => Link::text(text(row, label)),
    }
}

/// The labels a page reads a resource's name from, best first. Never a text: a speech is not
/// named by its first 120 characters.
pub const LABEL: &str = "foaf:name|schema:name|skos:prefLabel|eli:title|rdfs:label|dcterms:title";

/// The prefixes every page query uses.
pub const PROLOGUE: &str = "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX lt: <https://w3id.org/landtag-lod/ontology#> PREFIX opengov: <http://www.w3.org/ns/opengov#>
PREFIX org: <http://www.w3.org/ns/org#> PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX time: <http://www.w3.org/2006/time#>
";

/// The German word for a vote option.
pub fn option_de(option: &str) -> &'static str {
    match option {
        "yes" => "Ja",
        "no" => "Nein",
        "abstain" => "Enthaltung",
        "excused" => "entschuldigt",
        "absent" => "abwesend",
        _ => "–",
    }
}

/// The German word for a vote result.
pub fn result_de(result: &str) -> String {
    match result {
        "accepted" => "angenommen".into(),
        "rejected" => "abgelehnt".into(),
        r => r.to_owned(),
    }
}

/// The classes of `node`.
pub fn classes(
    store: &Store,
    node: &NamedNode,
    token: &CancellationToken,
) -> Result<Vec<String>, ApiError> {
    let q = format!("SELECT DISTINCT ?c WHERE {{ {node} a ?c }}");
    Ok(select(store, &q, token)?
        .iter()
        .map(|r| text(r, "c"))
        .collect())
}
