//! Bytes → normalised text: reading a source (text in any of the Landtag's encodings, or a PDF
//! through poppler's layout), then running heads, hyphenation and marks taken out, with the
//! page starts kept. Knows neither parsing nor RDF.

mod columns;
mod heads;
pub mod normalize;
pub mod pdf;
mod side_by_side;
pub mod source;

/// The model's types under the name the text layer has always used for them.
pub(crate) use landtag_model::model;
