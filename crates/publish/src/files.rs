//! The dump set: the whole store and each Wahlperiode as gzipped N-Quads and Turtle, the
//! catalogue beside them, and a manifest (`manifest.json`) with each file's size, SHA-256 and
//! time, which the catalogue's distributions and the server's `ETag`s are made from.
//!
//! A Wahlperiode's dump holds its document graphs and, from the shared and the links graph,
//! what is said about the things those graphs mention (`lt:nennt`): it can be used on its own.
//! The files are sorted and their gzip headers carry no time, so an unchanged store gives
//! byte-identical files; each is written under a temporary name and renamed, the manifest last.

use crate::dump::{self, DumpError};
use crate::facts::{Facts, Period};
pub use crate::manifest::{
    default_dir, file_name, table_name, Entry, Format, Manifest, Part, CATALOG, MANIFEST,
};
use landtag_rdf::{vocab::lt, Base};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::Store;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::Path;

/// Writes the whole set into `dir`, the catalogue (`catalog.ttl`) and the manifest last.
pub fn write_set(
    store: &Store,
    base: &Base,
    dir: &Path,
    profile: crate::catalog::Profile,
    listings: Option<&crate::listings::Listings>,
) -> Result<Manifest, DumpError> {
    let io = |source| DumpError::Io {
        path: dir.display().to_string(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let facts = Facts::read(store).map_err(|e| DumpError::Io {
        path: dir.display().to_string(),
        source: std::io::Error::other(e.to_string()),
    })?;
    let mut files = Vec::new();
    let all = store.iter().collect::<Result<Vec<Quad>, _>>()?;
    files.extend(write_part(dir, Part::All, all, facts.modified())?);
    files.extend(write_tables(
        store,
        base,
        dir,
        Part::All,
        facts.modified(),
        listings,
    )?);
    for period in &facts.periods {
        let quads = period_quads(store, base, period)?;
        let part = Part::Wahlperiode(period.wahlperiode);
        files.extend(write_part(dir, part, quads, period.modified())?);
        files.extend(write_tables(
            store,
            base,
            dir,
            part,
            period.modified(),
            listings,
        )?);
    }
    let manifest = Manifest { files };
    let catalog = crate::catalog::Catalog::with_profile(base, &facts, &manifest, profile).graph();
    let ttl = catalog.serialize(oxigraph::io::RdfFormat::Turtle);
    write_atomically(&dir.join(CATALOG), &ttl).map_err(io)?;
    let json = serde_json::to_vec_pretty(&manifest).expect("a manifest serialises");
    write_atomically(&dir.join(MANIFEST), &json).map_err(io)?;
    Ok(manifest)
}

fn write_part(
    dir: &Path,
    part: Part,
    quads: Vec<Quad>,
    modified: &str,
) -> Result<Vec<Entry>, DumpError> {
    let mut entries = Vec::new();
    let mut quads = Some(quads);
    for (i, format) in Format::ALL.into_iter().enumerate() {
        let file = file_name(part, format);
        let path = dir.join(&file);
        // The last format takes the quads: a copy of a part is held only while another waits.
        let these = if i + 1 == Format::ALL.len() {
            quads.take().unwrap_or_default()
        } else {
            quads.clone().unwrap_or_default()
        };
        let written = dump::write(these, &path)?;
        let (bytes, sha256) = digest(&path).map_err(|source| DumpError::Io {
            path: path.display().to_string(),
            source,
        })?;
        entries.push(Entry {
            file,
            part,
            format,
            bytes,
            sha256,
            statements: written.statements,
            table: None,
            modified: modified.to_owned(),
        });
    }
    Ok(entries)
}

/// A part's tables (`tables.rs`), each a CSV file of the set.
fn write_tables(
    store: &Store,
    base: &Base,
    dir: &Path,
    part: Part,
    modified: &str,
    listings: Option<&crate::listings::Listings>,
) -> Result<Vec<Entry>, DumpError> {
    let mut entries = Vec::new();
    for table in crate::tables::of(part) {
        let file = table_name(part, table);
        let path = dir.join(&file);
        let io = |source| DumpError::Io {
            path: path.display().to_string(),
            source,
        };
        let (bytes, rows) = crate::tables::csv(store, base, part, table, listings)
            .map_err(|e| io(std::io::Error::other(e.to_string())))?;
        write_atomically(&path, &bytes).map_err(io)?;
        let (bytes, sha256) = digest(&path).map_err(io)?;
        entries.push(Entry {
            file,
            part,
            format: Format::Csv,
            bytes,
            sha256,
            statements: rows,
            table: Some((*table).to_owned()),
            modified: modified.to_owned(),
        });
    }
    Ok(entries)
}

/// Size and SHA-256 (hex) of a file.
pub fn digest(path: &Path) -> std::io::Result<(u64, String)> {
    let mut file = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let bytes = std::io::copy(&mut file, &mut h)?;
    Ok((bytes, format!("{:x}", h.finalize())))
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = path.with_file_name(format!(".{name}.partial"));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// A Wahlperiode's document graphs, and what the shared and links graphs say about the things
/// they mention.
fn period_quads(store: &Store, base: &Base, period: &Period) -> Result<Vec<Quad>, DumpError> {
    let mut quads = Vec::new();
    let mut mentioned = HashSet::new();
    for g in &period.graphs {
        let name = GraphNameRef::NamedNode(g.graph.as_ref());
        for q in store.quads_for_pattern(None, None, None, Some(name)) {
            let q = q?;
            if q.predicate == lt::NENNT {
                if let Term::NamedNode(n) = &q.object {
                    mentioned.insert(NamedOrBlankNode::from(n.clone()));
                }
            }
            quads.push(q);
        }
    }
    for graph in [base.shared_graph(), base.links_graph()] {
        let name = GraphNameRef::NamedNode(graph.as_ref());
        // In a fixed order: the dump is sorted anyway, but the quads are read the same way.
        let mut subjects: Vec<&NamedOrBlankNode> = mentioned.iter().collect();
        subjects.sort_by_key(|s| s.to_string());
        for s in subjects {
            for q in store.quads_for_pattern(Some(s.as_ref()), None, None, Some(name)) {
                quads.push(q?);
            }
        }
    }
    Ok(quads)
}
