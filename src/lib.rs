//! landtag-lod: the Landtag Nordrhein-Westfalen's protocols and printed papers as Linked Open
//! Data. Data flows one way, one module a room:
//!
//! `source` (bytes → text; a PDF through `pdf`) → `normalize` (running heads, hyphenation, marks) → `parse` (text →
//! `model`, with diagnostics; knows no RDF) → `rdf` (model → quads; the only place that knows
//! IRIs and terms) → `store` (one named graph per document, one shared graph; every triple in
//! one graph) → `serve` / `dump` / `push`.
//! `pipeline` strings the rooms together for one document and runs them on every core;
//! `ingest` writes the results into the store, or through `handoff` to a running `serve`.

pub mod bench;
pub mod dump;
pub mod fuzzing;
pub mod handoff;
pub mod harvest;
pub mod ingest;
pub mod lexicon;
pub mod link;
pub mod members;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod pdf;
pub mod pipeline;
pub mod publish;
pub mod push;
pub mod queries;
pub mod rdf;
pub mod resolve;
pub mod serve;
pub mod source;
pub mod store;
