//! The named SPARQL queries of `queries/`: a public interface (their columns are listed in
//! README.md), compiled into the binary so `query NAME` and the endpoint's page work anywhere.

/// `(name, SPARQL text)`, in the order the query page lists them.
pub const NAMED: &[(&str, &str)] = &[
    ("documents", include_str!("../../../queries/documents.rq")),
    (
        "contributions",
        include_str!("../../../queries/contributions.rq"),
    ),
    ("votes", include_str!("../../../queries/votes.rq")),
    (
        "interjections",
        include_str!("../../../queries/interjections.rq"),
    ),
    (
        "faction-votes",
        include_str!("../../../queries/faction-votes.rq"),
    ),
    ("applause", include_str!("../../../queries/applause.rq")),
    ("mentions", include_str!("../../../queries/mentions.rq")),
    ("pages", include_str!("../../../queries/pages.rq")),
    ("links", include_str!("../../../queries/links.rq")),
    ("funding", include_str!("../../../queries/funding.rq")),
    ("programmes", include_str!("../../../queries/programmes.rq")),
    ("papers", include_str!("../../../queries/papers.rq")),
    (
        "member-votes",
        include_str!("../../../queries/member-votes.rq"),
    ),
    ("roll-calls", include_str!("../../../queries/roll-calls.rq")),
    ("checks", include_str!("../../../queries/checks.rq")),
    (
        "record-checks",
        include_str!("../../../queries/record-checks.rq"),
    ),
    ("persons", include_str!("../../../queries/persons.rq")),
    ("cabinets", include_str!("../../../queries/cabinets.rq")),
];

/// The named query `name`, if there is one.
pub fn named(name: &str) -> Option<&'static str> {
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, q)| *q)
}
