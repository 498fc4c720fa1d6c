//! What the store publishes about itself, for portals and harvesters: the DCAT-AP.de catalogue
//! (`catalog`), the VoID description (`void`), the dump set the catalogue's distributions name
//! (`files`) and the feed of changed documents (`changes`). Each is computed from the store (and
//! the dump set's manifest), never typed in: what a portal reads is what the store holds. `dump`
//! writes sorted, prefixed Turtle and N-Quads, gzipped, for the dump set and the `dump` command.

pub mod catalog;
pub mod changes;
pub mod dump;
pub mod facts;
pub mod files;
pub mod formats;
pub mod graph;
pub mod listings;
pub mod manifest;
pub mod queries;
pub mod results;
pub mod service;
pub mod tables;
pub mod void;

pub use facts::Facts;
