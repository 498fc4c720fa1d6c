//! The change feed: the store's change log (`landtag_store::changes`, every graph added,
//! replaced or removed, in order, with the time it was written) published as a Linked Data
//! Event Stream (`/changes`).

pub use landtag_store::changes::{write, Change, ChangeError, Kind, Log, FILE};
use oxsdatatypes::DateTime;
use std::str::FromStr;

/// Parses a `since` value: an `xsd:dateTime` (`2026-01-28T10:00:00Z`, with or without zone) or
/// an `xsd:date` (its midnight, UTC).
pub fn parse_since(s: &str) -> Option<DateTime> {
    let s = s.trim();
    DateTime::from_str(s)
        .ok()
        .or_else(|| DateTime::from_str(&format!("{s}T00:00:00Z")).ok())
}

/// Members of one page of the feed.
pub const PAGE: usize = 100;

/// One page of the feed as a Linked Data Event Stream (TREE): the stream, this page as a
/// `tree:Node` with a relation to the next page where there is one, and the changes as
/// ActivityStreams activities (`as:Create`, `as:Update`, `as:Delete`) whose object is the graph.
pub fn page(
    base: &landtag_rdf::Base,
    changes: &[Change],
    since: Option<&str>,
    full: bool,
) -> crate::graph::Graph {
    let mut g = crate::graph::Graph::default();
    let stream = base.served("changes");
    let here = match since {
        Some(s) => base.served(&format!("changes?since={}", encode(s))),
        None => stream.clone(),
    };
    g.iri(&stream, "rdf:type", "ldes:EventStream");
    g.iri(&stream, "ldes:timestampPath", "as:published");
    g.iri(&stream, "ldes:versionOfPath", "as:object");
    g.lang(
        &stream,
        "dcterms:title",
        "Änderungen an den Graphen von landtag-lod",
        "de",
    );
    g.node(&stream, "tree:view", &here);
    g.iri(&here, "rdf:type", "tree:Node");
    if let (true, Some(last)) = (full, changes.last()) {
        let next = base.served(&format!("changes?since={}", encode(&last.time)));
        let rel = base.served("changes#weiter");
        g.node(&here, "tree:relation", &rel);
        g.iri(&rel, "rdf:type", "tree:GreaterThanRelation");
        g.iri(&rel, "tree:path", "as:published");
        g.typed(&rel, "tree:value", &last.time, "xsd:dateTime");
        g.node(&rel, "tree:node", &next);
    }
    for c in changes {
        let m = base.change(c.seq);
        g.node(&stream, "tree:member", &m);
        let kind = match c.kind {
            Kind::Added => "as:Create",
            Kind::Replaced => "as:Update",
            Kind::Removed => "as:Delete",
        };
        g.iri(&m, "rdf:type", kind);
        g.iri(&m, "as:object", &c.graph);
        g.typed(&m, "as:published", &c.time, "xsd:dateTime");
        if let Some(d) = &c.document {
            g.iri(&m, "as:context", d);
        }
        if !c.version.is_empty() {
            g.lit(&m, "lt:graphversion", &c.version);
        }
    }
    g
}

/// Percent-encodes what a query value cannot hold as is (`+` of a time zone, `:`).
fn encode(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' => c.to_string(),
            c => format!("%{:02X}", c as u32),
        })
        .collect()
}
