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
pub mod harvest;
pub mod ingest;
pub mod links;
pub mod pipeline;
pub mod push;
pub mod resolve;
pub mod search_cmd;

// The layers below, each a crate of its own (crates/): re-exported under the module names the
// binary, the tests and the upper layers use.
pub use landtag_link as link;
pub use landtag_model::{government, lexicon, members, model, words};
pub use landtag_parse as parse;
pub use landtag_parse::fuzzing;
pub use landtag_publish as publish;
pub use landtag_publish::dump;
pub use landtag_rdf as rdf;
pub use landtag_search as search;
pub use landtag_serve as serve;
pub use landtag_serve::{handoff, queries, results};
pub use landtag_store as store;
pub use landtag_text::{normalize, pdf, source};
