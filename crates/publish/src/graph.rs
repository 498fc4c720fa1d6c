//! A small builder of triples for the descriptions this module writes (catalogue, VoID,
//! change feed): terms named `prefix:local` against one table of namespaces, so that the code
//! reads like the Turtle it produces.

pub use landtag_rdf::vocab::{term, DESCRIPTION_PREFIXES as PREFIXES};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Literal, NamedNode, Term, Triple};

/// Triples in the order they were first added, each once.
#[derive(Debug, Default)]
pub struct Graph {
    pub triples: Vec<Triple>,
    seen: std::collections::HashSet<Triple>,
}

impl Graph {
    fn push(&mut self, s: &NamedNode, p: &str, o: Term) {
        self.add(Triple::new(s.clone(), term(p), o));
    }
    /// Adds a triple as it is.
    pub fn add(&mut self, t: Triple) {
        if self.seen.insert(t.clone()) {
            self.triples.push(t);
        }
    }
    /// `s p o` with `o` a named node (`prefix:local` or an IRI).
    pub fn iri(&mut self, s: &NamedNode, p: &str, o: &str) {
        self.push(s, p, term(o).into());
    }
    pub fn node(&mut self, s: &NamedNode, p: &str, o: &NamedNode) {
        self.push(s, p, o.clone().into());
    }
    pub fn lit(&mut self, s: &NamedNode, p: &str, value: &str) {
        self.push(s, p, Literal::new_simple_literal(value).into());
    }
    pub fn lang(&mut self, s: &NamedNode, p: &str, value: &str, lang: &str) {
        let l = Literal::new_language_tagged_literal(value, lang)
            .unwrap_or_else(|e| panic!("`{lang}` is no language tag: {e}"));
        self.push(s, p, l.into());
    }
    /// A literal of datatype `dt` (`xsd:dateTime` …).
    pub fn typed(&mut self, s: &NamedNode, p: &str, value: &str, dt: &str) {
        self.push(s, p, Literal::new_typed_literal(value, term(dt)).into());
    }
    pub fn int(&mut self, s: &NamedNode, p: &str, n: u64) {
        self.typed(s, p, &n.to_string(), "xsd:integer");
    }

    /// The triples in `format` (Turtle with the prefixes above, RDF/XML, JSON-LD, N-Triples).
    pub fn serialize(&self, format: RdfFormat) -> Vec<u8> {
        let mut s = RdfSerializer::from_format(format);
        if matches!(format, RdfFormat::Turtle | RdfFormat::RdfXml) {
            for (p, ns) in PREFIXES {
                s = s.with_prefix(*p, *ns).expect("the prefixes are valid IRIs");
            }
        }
        let mut w = s.for_writer(Vec::new());
        for t in &self.triples {
            w.serialize_triple(t).expect("writing to memory");
        }
        w.finish().expect("writing to memory")
    }
}
