//! Dumps: the whole store as sorted, prefixed Turtle (the union of all document graphs) or as
//! sorted N-Quads (graphs kept), optionally gzipped. Sorting makes two dumps of unchanged data
//! byte-identical; the gzip header carries no time stamp for the same reason. Turtle is
//! streamed through oxttl after sorting (sophia's pretty printer is quadratic).

use landtag_rdf::vocab::PREFIXES;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Quad, Triple};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum DumpError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Storage(#[from] oxigraph::store::StorageError),
}

/// What a dump holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub statements: usize,
}

/// The format follows the file name: `.nq` (N-Quads) or Turtle, each optionally `.gz`.
pub fn dump(store: &Store, out: &Path) -> Result<Written, DumpError> {
    let quads = store.iter().collect::<Result<Vec<Quad>, _>>()?;
    write(quads, out)
}

/// Writes `quads` to `out` as `dump` does (format by file name, sorted, through a temporary file
/// renamed at the end, so that a reader never sees half a dump).
pub fn write(quads: Vec<Quad>, out: &Path) -> Result<Written, DumpError> {
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let gzip = name.ends_with(".gz");
    let nquads = name.trim_end_matches(".gz").ends_with(".nq");
    let io = |source| DumpError::Io {
        path: out.display().to_string(),
        source,
    };
    let tmp = out.with_file_name(format!(".{name}.partial"));
    let file = std::io::BufWriter::new(std::fs::File::create(&tmp).map_err(io)?);
    let mut sink: Box<dyn Write> = if gzip {
        Box::new(
            flate2::GzBuilder::new()
                .mtime(0)
                .write(file, flate2::Compression::default()),
        )
    } else {
        Box::new(file)
    };
    let written = if nquads {
        write_nquads(quads, &mut sink)
    } else {
        write_turtle(quads, &mut sink)
    }
    .map_err(io)?;
    sink.flush().map_err(io)?;
    drop(sink);
    std::fs::rename(&tmp, out).map_err(io)?;
    Ok(written)
}

/// A total order on terms: their N-Triples form.
fn key(t: &Triple) -> (String, String, String) {
    (
        t.subject.to_string(),
        t.predicate.to_string(),
        t.object.to_string(),
    )
}

/// Every distinct triple of every graph, sorted.
pub fn sorted_triples(store: &Store) -> Result<Vec<Triple>, oxigraph::store::StorageError> {
    let quads = store.iter().collect::<Result<Vec<Quad>, _>>()?;
    Ok(sorted_distinct(quads))
}

/// The distinct triples of `quads`, sorted.
fn sorted_distinct(quads: Vec<Quad>) -> Vec<Triple> {
    let mut triples: Vec<((String, String, String), Triple)> = Vec::with_capacity(quads.len());
    for q in quads {
        let t: Triple = q.into();
        triples.push((key(&t), t));
    }
    triples.sort_by(|a, b| a.0.cmp(&b.0));
    triples.dedup_by(|a, b| a.0 == b.0);
    triples.into_iter().map(|(_, t)| t).collect()
}

fn write_turtle(quads: Vec<Quad>, sink: &mut dyn Write) -> std::io::Result<Written> {
    let triples = sorted_distinct(quads);
    let mut serializer = RdfSerializer::from_format(RdfFormat::Turtle);
    for (prefix, ns) in PREFIXES {
        serializer = serializer
            .with_prefix(*prefix, *ns)
            .expect("the prefixes are valid IRIs");
    }
    let mut w = serializer.for_writer(sink);
    for t in &triples {
        w.serialize_triple(t)?;
    }
    w.finish()?;
    Ok(Written {
        statements: triples.len(),
    })
}

fn write_nquads(all: Vec<Quad>, sink: &mut dyn Write) -> std::io::Result<Written> {
    let mut quads: Vec<(String, Quad)> = Vec::with_capacity(all.len());
    for q in all {
        let g = match &q.graph_name {
            GraphName::DefaultGraph => String::new(),
            g => g.to_string(),
        };
        quads.push((format!("{g} {} {} {}", q.subject, q.predicate, q.object), q));
    }
    quads.sort_by(|a, b| a.0.cmp(&b.0));
    let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(sink);
    for (_, q) in &quads {
        w.serialize_quad(q)?;
    }
    w.finish()?;
    Ok(Written {
        statements: quads.len(),
    })
}
