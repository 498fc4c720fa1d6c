//! The named SPARQL queries of `queries/`: a public interface (their columns are listed in
//! README.md), compiled into the binary so `query NAME` and the endpoint's page work anywhere.

/// `(name, SPARQL text)`, in the order the query page lists them.
pub const NAMED: &[(&str, &str)] = &[
    ("documents", include_str!("../queries/documents.rq")),
    ("contributions", include_str!("../queries/contributions.rq")),
];

/// The named query `name`, if there is one.
pub fn named(name: &str) -> Option<&'static str> {
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, q)| *q)
}
