//! Every format the project writes an answer in, by name (`--format`, `format=`) and media type
//! (`Accept`), and the one negotiation that picks among them: the endpoint's query answers and
//! descriptions, `query --format` and `convert --format` all read these tables.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;
use oxigraph::sparql::QueryResults;

/// What a format writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    /// SELECT solutions or an ASK boolean.
    Results(QueryResultsFormat),
    /// Triples or quads.
    Rdf(RdfSyntax),
    /// The endpoint's HTML table of solutions (a page, not a result format).
    Page,
}

/// The RDF syntaxes written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdfSyntax {
    Turtle,
    NTriples,
    NQuads,
    JsonLd,
    RdfXml,
}

impl RdfSyntax {
    pub fn format(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::NTriples => RdfFormat::NTriples,
            Self::NQuads => RdfFormat::NQuads,
            Self::JsonLd => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
            Self::RdfXml => RdfFormat::RdfXml,
        }
    }
}

/// One format: its media type, its short name, what it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    pub media: &'static str,
    pub name: &'static str,
    pub writes: Writes,
}

const fn results(media: &'static str, name: &'static str, f: QueryResultsFormat) -> Format {
    Format {
        media,
        name,
        writes: Writes::Results(f),
    }
}

const fn rdf(media: &'static str, name: &'static str, s: RdfSyntax) -> Format {
    Format {
        media,
        name,
        writes: Writes::Rdf(s),
    }
}

/// SELECT and ASK answers; the first is the endpoint's default.
pub const SOLUTIONS: &[Format] = &[
    results(
        "application/sparql-results+json",
        "json",
        QueryResultsFormat::Json,
    ),
    results("application/json", "json", QueryResultsFormat::Json),
    results(
        "application/sparql-results+xml",
        "xml",
        QueryResultsFormat::Xml,
    ),
    results("application/xml", "xml", QueryResultsFormat::Xml),
    results("text/csv", "csv", QueryResultsFormat::Csv),
    results("text/tab-separated-values", "tsv", QueryResultsFormat::Tsv),
    Format {
        media: "text/html",
        name: "html",
        writes: Writes::Page,
    },
];

/// CONSTRUCT and DESCRIBE answers; the first is the default.
pub const GRAPHS: &[Format] = &[
    rdf("text/turtle", "turtle", RdfSyntax::Turtle),
    rdf("application/n-triples", "ntriples", RdfSyntax::NTriples),
    rdf("application/ld+json", "jsonld", RdfSyntax::JsonLd),
    // The query page's default: a graph answer shows as Turtle.
    rdf("text/turtle", "html", RdfSyntax::Turtle),
];

/// The publication's descriptions (VoID, the catalogue, a service description).
pub const DESCRIPTIONS: &[Format] = &[
    rdf("text/turtle", "turtle", RdfSyntax::Turtle),
    rdf("application/rdf+xml", "rdfxml", RdfSyntax::RdfXml),
    rdf("application/ld+json", "jsonld", RdfSyntax::JsonLd),
    rdf("application/n-triples", "ntriples", RdfSyntax::NTriples),
];

/// A document's quads as `convert` prints them (Turtle and N-Triples drop the graph).
pub const DOCUMENTS: &[Format] = &[
    rdf("text/turtle", "turtle", RdfSyntax::Turtle),
    rdf("application/n-triples", "ntriples", RdfSyntax::NTriples),
    rdf("application/n-quads", "nquads", RdfSyntax::NQuads),
    rdf("application/ld+json", "jsonld", RdfSyntax::JsonLd),
];

/// The formats an answer of this kind is written in.
pub fn for_answer(results: &QueryResults<'_>) -> &'static [Format] {
    match results {
        QueryResults::Graph(_) => GRAPHS,
        _ => SOLUTIONS,
    }
}

/// Why no format of a table serves a request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("unknown format `{name}`; known: {known}")]
    Unknown { name: String, known: String },
    #[error("none of `{accept}` can be served; offered: {offered}")]
    NotAcceptable { accept: String, offered: String },
}

/// The format named (`format=`, `--format`), else the first of `table` the media ranges of
/// `accept` take, best first; an empty `Accept` or `*/*` takes the table's first.
pub fn pick(
    table: &'static [Format],
    accept: &str,
    name: Option<&str>,
) -> Result<&'static Format, Refusal> {
    if let Some(n) = name {
        return table
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(n))
            .ok_or_else(|| Refusal::Unknown {
                name: n.to_owned(),
                known: names(table).join(", "),
            });
    }
    let ranges = accepted(accept);
    if ranges.is_empty() {
        return Ok(&table[0]);
    }
    for r in &ranges {
        if r == "*/*" {
            return Ok(&table[0]);
        }
        let hit = table.iter().find(|f| {
            f.media == r
                || r.strip_suffix("/*")
                    .is_some_and(|top| f.media.starts_with(&format!("{top}/")))
        });
        if let Some(f) = hit {
            return Ok(f);
        }
    }
    let mut offered: Vec<&str> = Vec::new();
    for f in table {
        if !offered.contains(&f.media) {
            offered.push(f.media);
        }
    }
    Err(Refusal::NotAcceptable {
        accept: accept.to_owned(),
        offered: offered.join(", "),
    })
}

/// The distinct names of a table, in its order.
pub fn names(table: &[Format]) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for f in table {
        if !names.contains(&f.name) {
            names.push(f.name);
        }
    }
    names
}

/// Media ranges of an Accept header, best first (by `q`, then as written); `q=0` left out.
pub fn accepted(accept: &str) -> Vec<String> {
    let mut ranges: Vec<(f32, usize, String)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut bits = part.split(';');
            let media = bits.next()?.trim().to_ascii_lowercase();
            let q = bits
                .filter_map(|b| b.trim().strip_prefix("q="))
                .find_map(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (!media.is_empty() && q > 0.0).then_some((q, i, media))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.into_iter().map(|r| r.2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_wins_over_accept() {
        let f = pick(SOLUTIONS, "text/csv", Some("tsv")).unwrap();
        assert_eq!(f.writes, Writes::Results(QueryResultsFormat::Tsv));
    }

    #[test]
    fn accept_is_read_best_first() {
        let f = pick(
            SOLUTIONS,
            "text/csv;q=0.5, application/sparql-results+xml",
            None,
        )
        .unwrap();
        assert_eq!(f.media, "application/sparql-results+xml");
        let f = pick(GRAPHS, "application/*", None).unwrap();
        assert_eq!(f.name, "ntriples");
        assert_eq!(pick(GRAPHS, "", None).unwrap().name, "turtle");
        assert_eq!(pick(SOLUTIONS, "*/*", None).unwrap().name, "json");
    }

    #[test]
    fn refusals_name_what_is_offered() {
        let e = pick(GRAPHS, "text/csv", None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "none of `text/csv` can be served; offered: text/turtle, application/n-triples, \
             application/ld+json"
        );
        let e = pick(SOLUTIONS, "", Some("turtle")).unwrap_err();
        assert!(
            e.to_string().contains("known: json, xml, csv, tsv, html"),
            "{e}"
        );
    }

    #[test]
    fn every_table_has_one_format_per_media_and_name_pair() {
        for table in [SOLUTIONS, GRAPHS, DESCRIPTIONS, DOCUMENTS] {
            for (i, f) in table.iter().enumerate() {
                let twin = table[i + 1..]
                    .iter()
                    .any(|g| g.media == f.media && g.name == f.name);
                assert!(!twin, "{} {} twice", f.media, f.name);
            }
        }
    }
}
