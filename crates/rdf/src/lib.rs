//! The only place that knows IRIs and terms: model → quads.

pub mod government;
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

#[cfg(test)]
mod converter {
    include!("../converter_inputs.rs");

    fn root() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    /// The hash of the tree as it is, but for `edited`, whose bytes get one more line.
    fn hash_with_edit(edited: &str) -> u64 {
        let root = root();
        let target = root.join(edited);
        assert!(target.exists(), "{edited}");
        let files = converter_files(&root);
        converter_hash(&root, &files, |f| {
            let mut bytes = std::fs::read(f).unwrap_or_default();
            if f == target {
                bytes.extend_from_slice(b"\n// edited\n");
            }
            bytes
        })
    }

    /// Editing a page template, the lanes or a named query leaves the converter as it is;
    /// editing a parser, the mapping or a table of the lexicon makes another converter; the
    /// hash of the tree as it is is the one compiled in.
    #[test]
    fn converter_version_follows_what_converts() {
        let root = root();
        let files = converter_files(&root);
        let now = converter_hash(&root, &files, |f| std::fs::read(f).unwrap_or_default());
        assert!(
            super::CONVERTER.ends_with(&format!("+{now:016x}")),
            "{} is not the hash of the tree ({now:016x})",
            super::CONVERTER
        );
        for unrelated in [
            "crates/serve/src/templates/resource.html",
            "crates/serve/src/lanes.rs",
            "crates/publish/src/catalog.rs",
            "queries/votes.rq",
            "README.md",
        ] {
            assert_eq!(
                hash_with_edit(unrelated),
                now,
                "{unrelated} names the converter"
            );
        }
        for converting in [
            "crates/parse/src/vote.rs",
            "crates/rdf/src/map/mod.rs",
            "crates/text/src/pdf/table.rs",
            "data/lexicon/abstimmung.tsv",
            "src/resolve.rs",
        ] {
            assert_ne!(hash_with_edit(converting), now, "{converting} does not");
        }
    }
}
