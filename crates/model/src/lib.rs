//! The typed document model: what a parser understood of a document, as plain data, and the
//! tables every layer reads it with: the lexicon by Wahlperiode (factions, parties, cabinets,
//! ministries, committees) and the members by period. No parsing of documents, no RDF.

pub mod date;
pub mod government;
pub mod lexicon;
pub mod members;
pub mod model;
pub mod span;
pub mod words;
