//! The dump set as its manifest lists it: the parts of the data (the whole store, each
//! Wahlperiode), the files' formats and names, and each file's size, checksum and count (what
//! the catalogue describes and the writer of the set records).

use crate::dump::DumpError;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The manifest's name in the dump folder.
pub const MANIFEST: &str = "manifest.json";
/// The catalogue's file name beside the dumps.
pub const CATALOG: &str = "catalog.ttl";

/// The part of the data a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// Everything in the store.
    All,
    /// The documents of one Wahlperiode.
    Wahlperiode(u32),
}

/// A file's serialisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    NQuads,
    Turtle,
    /// A named query's rows (`tables.rs`), uncompressed.
    Csv,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::NQuads, Format::Turtle];
    fn extension(self) -> &'static str {
        match self {
            Self::NQuads => "nq.gz",
            Self::Turtle => "ttl.gz",
            Self::Csv => "csv",
        }
    }
    /// The IANA media type of the uncompressed content.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::NQuads => "application/n-quads",
            Self::Turtle => "text/turtle",
            Self::Csv => "text/csv",
        }
    }
    /// The EU file-type vocabulary's name (`…/authority/file-type/RDF_TURTLE`).
    pub fn eu_file_type(self) -> &'static str {
        match self {
            Self::NQuads => "RDF_N_QUADS",
            Self::Turtle => "RDF_TURTLE",
            Self::Csv => "CSV",
        }
    }
}

/// One file of the set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub file: String,
    pub part: Part,
    pub format: Format,
    pub bytes: u64,
    pub sha256: String,
    /// Statements, or for a table its rows.
    pub statements: usize,
    /// The named query a table holds the rows of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// When the data it holds last changed (`xsd:dateTime`).
    pub modified: String,
}

/// As `dump` reports a file: `1200 statements, 34567 bytes`.
impl std::fmt::Display for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} statements, {} bytes", self.statements, self.bytes)
    }
}

/// The set as the manifest lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub files: Vec<Entry>,
}

impl Manifest {
    /// The manifest in `dir`; an empty one where no dump was written yet.
    pub fn read(dir: &Path) -> Result<Self, DumpError> {
        match std::fs::read(dir.join(MANIFEST)) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| DumpError::Io {
                path: dir.join(MANIFEST).display().to_string(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(source) => Err(DumpError::Io {
                path: dir.join(MANIFEST).display().to_string(),
                source,
            }),
        }
    }

    pub fn entry(&self, file: &str) -> Option<&Entry> {
        self.files.iter().find(|e| e.file == file)
    }
}

/// The file name of a part in a format: `landtag-nrw.nq.gz`, `wahlperiode-18.ttl.gz`.
pub fn file_name(part: Part, format: Format) -> String {
    let stem = match part {
        Part::All => "landtag-nrw".to_owned(),
        Part::Wahlperiode(n) => format!("wahlperiode-{n}"),
    };
    format!("{stem}.{}", format.extension())
}

/// The file name of a named query's table of a part: `wahlperiode-18.votes.csv`.
pub fn table_name(part: Part, table: &str) -> String {
    let stem = file_name(part, Format::Csv);
    format!("{}.{table}.csv", stem.trim_end_matches(".csv"))
}

/// The default dump folder of a store.
pub fn default_dir(store_dir: &Path) -> PathBuf {
    store_dir.join("dumps")
}
