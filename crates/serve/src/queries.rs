//! The named SPARQL queries (`queries/`), kept by the publishing layer (they are published as
//! tables too): the endpoint's page and `query NAME` read them from there.

pub use landtag_publish::queries::{named, NAMED};
