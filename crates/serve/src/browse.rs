//! Pages to browse the archive from its home page: a search box first, then the Wahlperioden;
//! a period's sessions, papers, persons A–Z with their faction, and votes with their result and
//! positions. The SPARQL editor is one click away (`/abfrage`).

use super::pages::{render, select, text, Link, PROLOGUE};
use super::{in_worker, lanes, ApiError, AppState};
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use oxigraph::sparql::CancellationToken;
use oxigraph::store::Store;
use serde::Serialize;
use std::collections::BTreeMap;

/// At most this many rows a section lists; the rest are a search or a query away.
const ROWS: usize = 500;

#[derive(Serialize)]
struct Period {
    number: String,
    documents: String,
    href: String,
}

pub(super) async fn home(State(state): State<AppState>) -> Response {
    let store = state.store.clone();
    let work = move |token: CancellationToken| periods(&store, &token);
    match in_worker(&state, lanes::key("home", "/"), work).await {
        Ok(periods) => respond("home.html", minijinja::context! { periods => periods }),
        Err(e) => e.into_response(),
    }
}

fn periods(store: &Store, token: &CancellationToken) -> Result<Vec<Period>, ApiError> {
    let q = format!(
        "{PROLOGUE} SELECT ?wp (COUNT(?doc) AS ?n) WHERE {{ ?doc dcterms:source ?source ; lt:wahlperiode ?wp }}
         GROUP BY ?wp ORDER BY DESC(?wp)"
    );
    Ok(select(store, &q, token)?
        .iter()
        .map(|r| Period {
            number: text(r, "wp"),
            documents: text(r, "n"),
            href: format!("/wahlperiode/{}", text(r, "wp")),
        })
        .collect())
}

fn respond(template: &str, context: impl Serialize) -> Response {
    match render(template, context) {
        Ok(html) => Html(html).into_response(),
        Err(e) => e.into_response(),
    }
}

#[derive(Serialize, Default)]
struct PeriodView {
    number: u32,
    sessions: Vec<Row>,
    papers: Vec<Row>,
    persons: Vec<(String, Vec<Row>)>,
    votes: Vec<Row>,
}

/// One line of a section: a link, a date or number, and what else it says.
#[derive(Serialize)]
struct Row {
    link: Link,
    when: String,
    more: String,
}

pub(super) async fn period(State(state): State<AppState>, Path(number): Path<String>) -> Response {
    let Ok(wp) = number.parse::<u32>() else {
        return ApiError::BadRequest(format!("`{number}` is no Wahlperiode")).into_response();
    };
    let store = state.store.clone();
    let base = state.base.as_str().to_owned();
    let work = move |token: CancellationToken| period_view(&store, wp, &base, &token);
    match in_worker(&state, lanes::key("period", &number), work).await {
        Ok(view) => respond("period.html", minijinja::context! { view => view }),
        Err(e) => e.into_response(),
    }
}

fn period_view(
    store: &Store,
    wp: u32,
    base: &str,
    token: &CancellationToken,
) -> Result<PeriodView, ApiError> {
    let rows = |q: String| select(store, &format!("{PROLOGUE} {q}"), token);
    let sessions = rows(format!(
        "SELECT ?m ?no ?date ?body WHERE {{ ?m a lt:Sitzung ; lt:wahlperiode {wp} ; lt:sitzungsnummer ?no .
           OPTIONAL {{ ?m eli:date_document ?date }} OPTIONAL {{ ?m schema:organizer/schema:name ?body }} }}
         ORDER BY DESC(?date) DESC(?no) LIMIT {ROWS}"
    ))?;
    let sessions = sessions
        .iter()
        .map(|r| Row {
            link: Link::to(
                &text(r, "m"),
                base,
                Some(&format!("Sitzung {wp}/{}", text(r, "no"))),
            ),
            when: text(r, "date"),
            more: text(r, "body"),
        })
        .collect();
    let papers = rows(format!(
        "SELECT ?p ?n ?title ?kind WHERE {{ ?p a lt:Drucksache ; eli:id_local ?n . FILTER(STRSTARTS(?n, \"{wp}/\"))
           OPTIONAL {{ ?p eli:title ?title }} OPTIONAL {{ ?p dcterms:type ?kind }} }} ORDER BY DESC(?n) LIMIT {ROWS}"
    ))?;
    let papers = papers
        .iter()
        .map(|r| Row {
            link: Link::to(
                &text(r, "p"),
                base,
                Some(&format!("Drucksache {}", text(r, "n"))),
            ),
            when: text(r, "kind"),
            more: text(r, "title"),
        })
        .collect();
    Ok(PeriodView {
        number: wp,
        sessions,
        papers,
        persons: persons(store, wp, base, token)?,
        votes: votes(store, wp, base, token)?,
    })
}

/// The persons the period's documents show, A–Z by surname, with their faction in it.
fn persons(
    store: &Store,
    wp: u32,
    base: &str,
    token: &CancellationToken,
) -> Result<Vec<(String, Vec<Row>)>, ApiError> {
    let q = format!(
        "{PROLOGUE} SELECT ?p (MIN(?n) AS ?name) (SAMPLE(?f) AS ?faction) WHERE {{
           ?p a foaf:Person ; lt:wahlperiode {wp} ; foaf:name ?n .
           OPTIONAL {{ ?p org:memberOf ?fi . ?fi lt:wahlperiode {wp} ; skos:prefLabel ?f }} }} GROUP BY ?p"
    );
    let mut by_letter: BTreeMap<String, Vec<(String, Row)>> = BTreeMap::new();
    for r in select(store, &q, token)? {
        let name = text(&r, "name");
        let surname = name.rsplit(' ').next().unwrap_or(&name).to_owned();
        let letter = surname
            .chars()
            .next()
            .map_or("?".into(), |c| c.to_uppercase().to_string());
        let row = Row {
            link: Link::to(&text(&r, "p"), base, Some(&name)),
            when: String::new(),
            more: text(&r, "faction"),
        };
        by_letter
            .entry(letter)
            .or_default()
            .push((surname.to_lowercase(), row));
    }
    Ok(by_letter
        .into_iter()
        .map(|(letter, mut rows)| {
            rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.link.text.cmp(&b.1.link.text)));
            (letter, rows.into_iter().map(|(_, r)| r).collect())
        })
        .collect())
}

/// The period's votes with their result and each faction's position.
fn votes(
    store: &Store,
    wp: u32,
    base: &str,
    token: &CancellationToken,
) -> Result<Vec<Row>, ApiError> {
    let q = format!(
        "{PROLOGUE} SELECT ?v ?date ?number ?result ?f ?option WHERE {{
           ?v a opengov:VoteEvent ; lt:sitzung ?m . ?m lt:wahlperiode {wp} .
           OPTIONAL {{ ?m eli:date_document ?date }} OPTIONAL {{ ?v lt:gegenstand/eli:id_local ?number }}
           OPTIONAL {{ ?v opengov:result ?result }}
           OPTIONAL {{ ?v opengov:vote ?b . ?b opengov:voter/skos:prefLabel ?f ; opengov:option ?option }}
         }} ORDER BY DESC(?date) ?v ?f LIMIT {}",
        ROWS * 10
    );
    let mut out: Vec<(String, Row)> = Vec::new();
    for r in select(store, &q, token)? {
        let v = text(&r, "v");
        if out.last().is_none_or(|(iri, _)| *iri != v) {
            let number = text(&r, "number");
            let label = if number.is_empty() {
                "Abstimmung".to_owned()
            } else {
                format!("Drucksache {number}")
            };
            let result = match text(&r, "result").as_str() {
                "accepted" => "angenommen",
                "rejected" => "abgelehnt",
                _ => "",
            };
            let row = Row {
                link: Link::to(&v, base, Some(&label)),
                when: text(&r, "date"),
                more: result.to_owned(),
            };
            out.push((v, row));
        }
        let position = match text(&r, "option").as_str() {
            "yes" => "ja",
            "no" => "nein",
            "abstain" => "Enthaltung",
            _ => continue,
        };
        let row = &mut out.last_mut().expect("pushed above").1;
        row.more
            .push_str(&format!(" · {} {position}", text(&r, "f")));
    }
    Ok(out.into_iter().take(ROWS).map(|(_, r)| r).collect())
}
