//! The index's fields and its German analyser.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};

/// The analyser of the text: words split at what is not a letter or digit (`LOGINEO-NRW` is
/// two words, as a whole-word `REGEX` sees it), lower case, German Snowball stems
/// (`Modellregionen` → `modellregion`), so an inflected form finds the base form.
pub const GERMAN: &str = "de_stem";

pub fn analyser() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::German))
        .build()
}

/// One field per thing a hit says or is filtered by.
#[derive(Clone, Copy)]
pub struct Fields {
    /// The resource's IRI.
    pub id: Field,
    /// `speech`, `interjection`, `agenda-item`, `paper`: a string and a facet.
    pub kind: Field,
    pub kind_facet: Field,
    /// The document's IRI (what a hit is part of).
    pub document: Field,
    /// The graph the entry was read from: the unit an update replaces.
    pub graph: Field,
    /// The graph's version when the entry was read (source digest and converter): how the
    /// index is checked against the store.
    pub version: Field,
    pub label: Field,
    pub text: Field,
    /// The Wahlperiode, and the date as `yyyymmdd` (0: none).
    pub period: Field,
    pub period_facet: Field,
    pub date: Field,
    /// Factions' short labels (`CDU`), and their facet.
    pub faction: Field,
    pub faction_facet: Field,
    /// The persons: their IRIs and, lower case, their names as printed.
    pub person: Field,
}

impl Fields {
    pub fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let text_options = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(GERMAN)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let fields = Fields {
            id: b.add_text_field("id", STRING | STORED),
            kind: b.add_text_field("kind", STRING | STORED),
            kind_facet: b.add_facet_field("kind_facet", tantivy::schema::FacetOptions::default()),
            document: b.add_text_field("document", STRING | STORED),
            graph: b.add_text_field("graph", STRING | STORED),
            version: b.add_text_field("version", STRING | STORED),
            label: b.add_text_field("label", STORED),
            text: b.add_text_field("text", text_options),
            period: b.add_u64_field("period", INDEXED | STORED | FAST),
            period_facet: b
                .add_facet_field("period_facet", tantivy::schema::FacetOptions::default()),
            date: b.add_u64_field("date", INDEXED | STORED | FAST),
            faction: b.add_text_field("faction", STRING | STORED),
            faction_facet: b
                .add_facet_field("faction_facet", tantivy::schema::FacetOptions::default()),
            person: b.add_text_field("person", STRING),
        };
        (b.build(), fields)
    }
}
