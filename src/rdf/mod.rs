//! The only place that knows IRIs and terms: model → quads.

pub mod iri;
pub mod links;
pub mod map;
pub mod vocab;

pub use iri::Base;
pub use map::{map_document, Provenance};
