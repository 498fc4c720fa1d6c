//! Tables people download: named queries' rows as CSV (RFC 4180, UTF-8, the header row the
//! query's columns), per Wahlperiode over its graphs, and over the whole store for those that
//! are not about one period. Sorted as the queries sort, so an unchanged store gives
//! byte-identical files.

use crate::facts::PeriodViews;
use crate::listings::Listings;
use crate::manifest::Part;
use landtag_rdf::Base;
use landtag_store::{self as store, Dataset, Graphs, StoreError};
use oxigraph::sparql::{QueryResults, QuerySolutionIter};
use oxigraph::store::Store;

/// The named queries published per Wahlperiode.
pub const BY_PERIOD: &[&str] = &[
    "documents",
    "contributions",
    "votes",
    "faction-votes",
    "interjections",
    "member-votes",
    "roll-calls",
];

/// The named queries published once, over the whole store (a person of several periods, the
/// cabinets of every period).
pub const OF_ALL: &[&str] = &["persons", "cabinets"];

/// The tables of a part.
pub fn of(part: Part) -> &'static [&'static str] {
    match part {
        Part::All => OF_ALL,
        Part::Wahlperiode(_) => BY_PERIOD,
    }
}

/// The CSV of a named query over a part of the store, and its number of rows: from the
/// listings where they are current (a Wahlperiode's documents' rows as the whole store gives
/// them), else from the engine over the part's graphs.
pub fn csv(
    store: &Store,
    base: &Base,
    part: Part,
    name: &str,
    listings: Option<&Listings>,
) -> Result<(Vec<u8>, usize), StoreError> {
    if let Some(rows) = listed(store, part, name, listings) {
        return write_csv(rows, name);
    }
    let query = crate::queries::named(name).ok_or_else(|| StoreError::Load {
        path: format!("queries/{name}.rq"),
        message: "no such named query".into(),
    })?;
    let graphs = match part {
        Part::All => Graphs::default(),
        Part::Wahlperiode(n) => Graphs {
            default: vec![base.period_graph(n)],
            named: Vec::new(),
        },
    };
    let views = PeriodViews::new(base);
    let over = Dataset {
        graphs: &graphs,
        views: &views,
    };
    let QueryResults::Solutions(solutions) = store::query_over(store, query, &over, None)? else {
        return Ok((Vec::new(), 0));
    };
    write_csv(solutions, name)
}

/// A table's rows from the listings, where they can give them.
fn listed(
    store: &Store,
    part: Part,
    name: &str,
    listings: Option<&Listings>,
) -> Option<QuerySolutionIter<'static>> {
    let listings = listings?;
    let rows = match part {
        Part::All => {
            let asked = crate::listings::recognise(crate::queries::named(name)?)?;
            listings.rows(store, &asked)
        }
        Part::Wahlperiode(n) => {
            let facts = crate::facts::Facts::read(store).ok()?;
            let period = facts.periods.iter().find(|p| p.wahlperiode == n)?;
            let graphs = period.graphs.iter().map(|g| g.graph.clone()).collect();
            listings.rows_of(store, name, &graphs)
        }
    };
    rows.ok().flatten()
}

/// Solutions as RFC 4180 CSV, and their number.
fn write_csv(
    solutions: QuerySolutionIter<'static>,
    name: &str,
) -> Result<(Vec<u8>, usize), StoreError> {
    // Through the one result writer, the rows counted on their way.
    let rows = std::cell::Cell::new(0usize);
    let variables: std::sync::Arc<[oxigraph::sparql::Variable]> = solutions.variables().into();
    let counted = solutions.inspect(|_| rows.set(rows.get() + 1));
    let results = QueryResults::Solutions(QuerySolutionIter::new(variables, counted));
    let csv = crate::formats::pick(crate::formats::SOLUTIONS, "text/csv", None)
        .expect("CSV is a solutions format");
    let out = crate::results::write(results, csv, Vec::new()).map_err(|e| StoreError::Load {
        path: format!("queries/{name}.rq"),
        message: e.to_string(),
    })?;
    Ok((out, rows.get()))
}
