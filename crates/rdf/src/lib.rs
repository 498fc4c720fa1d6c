//! The only place that knows IRIs and terms: model → quads.

pub mod iri;
pub mod map;
pub mod vocab;

/// The model and the lexicon, under the names the mapping has always used for them.
pub(crate) use landtag_model::{lexicon, model};

/// The converter's name, `landtag-lod 0.1.0+<hash of its source and tables>` (build.rs): every
/// graph says which converter made it, and `ingest` re-converts when it changes.
pub const CONVERTER: &str = env!("LANDTAG_LOD_CONVERTER");

pub use iri::Base;
pub use map::{map_document, Provenance};
