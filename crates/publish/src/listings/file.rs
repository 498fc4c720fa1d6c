//! A listing file: one line of JSON (its [`Head`]: what it was computed from, and where each
//! query's rows lie), then the rows. A row is a line, its values tab-separated in N-Triples
//! term syntax (which escapes tabs and line breaks inside literals), an unbound value empty.

use super::{io, ListingError};
use oxigraph::model::Term;
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QuerySolution, Variable};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{BufRead, Read, Seek, Write};
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

/// The layout's version: a file of another is stale.
pub const FORMAT: u32 = 1;

/// What a listing file was computed from, and its blocks.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Head {
    pub format: u32,
    /// The document graph (empty for a whole listing).
    pub graph: String,
    /// The graph's version (for a whole listing: the store's, [`super::Snapshot`]'s key).
    pub version: String,
    /// The versions of the graphs that are no document's, and of the named queries.
    pub global: String,
    /// The graphs of the documents the document names, and their versions.
    pub deps: BTreeMap<String, String>,
    /// The document's source files: its rows are those of these sources.
    pub sources: Vec<String>,
    pub blocks: Vec<Block>,
}

/// One query's rows in a file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Block {
    pub name: String,
    pub variables: Vec<String>,
    /// Where the rows start, after the head line, and their length in bytes.
    pub offset: u64,
    pub len: u64,
    pub rows: u64,
}

impl Block {
    pub fn variables(&self) -> Arc<[Variable]> {
        self.variables
            .iter()
            .map(|v| Variable::new_unchecked(v.as_str()))
            .collect()
    }
}

impl Head {
    pub fn new(
        unit: &super::Unit,
        global: &str,
        deps: Vec<(oxigraph::model::NamedNode, String)>,
    ) -> Self {
        Self {
            format: FORMAT,
            graph: unit.graph.as_str().to_owned(),
            version: unit.version.clone(),
            global: global.to_owned(),
            deps: deps
                .into_iter()
                .map(|(g, v)| (g.into_string(), v))
                .collect(),
            sources: unit.sources.iter().cloned().collect(),
            blocks: Vec::new(),
        }
    }

    pub fn whole(key: &str, global: &str) -> Self {
        Self {
            format: FORMAT,
            graph: String::new(),
            version: key.to_owned(),
            global: global.to_owned(),
            deps: BTreeMap::new(),
            sources: Vec::new(),
            blocks: Vec::new(),
        }
    }
}

/// The file name of a graph's block: a hash of its IRI.
pub fn name_of(graph: &str) -> String {
    let digest = Sha256::digest(graph.as_bytes());
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}.rows")
}

/// The head of the file at `path`; `None` where there is none or it is of another layout.
pub fn read_head(path: &Path) -> Result<Option<Head>, ListingError> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(path)(e)),
    };
    let mut line = String::new();
    std::io::BufReader::new(file)
        .read_line(&mut line)
        .map_err(io(path))?;
    Ok(serde_json::from_str::<Head>(&line)
        .ok()
        .filter(|h| h.format == FORMAT))
}

/// Writes a file whole (a new file renamed over the old one: a reader sees one or the other).
pub fn write(path: &Path, head: &Head, body: &[u8]) -> Result<(), ListingError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp).map_err(io(&tmp))?);
    let line = serde_json::to_string(head).map_err(|e| ListingError::Corrupt {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    out.write_all(line.as_bytes()).map_err(io(&tmp))?;
    out.write_all(b"\n").map_err(io(&tmp))?;
    out.write_all(body).map_err(io(&tmp))?;
    out.into_inner()
        .map_err(|e| io(&tmp)(e.into_error()))?
        .sync_data()
        .map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))
}

/// The bytes of one block of the file at `path`.
pub fn read_block(path: &Path, head: &Head, block: &Block) -> Result<Vec<u8>, ListingError> {
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).map_err(io(path))?);
    let mut line = String::new();
    let start = reader.read_line(&mut line).map_err(io(path))? as u64;
    let current: Option<Head> = serde_json::from_str(&line).ok();
    if current.is_none_or(|c| c.version != head.version) {
        return Err(ListingError::Corrupt {
            path: path.display().to_string(),
            message: "replaced while being read".into(),
        });
    }
    reader
        .seek(std::io::SeekFrom::Start(start + block.offset))
        .map_err(io(path))?;
    let mut bytes = vec![0; block.len as usize];
    reader.read_exact(&mut bytes).map_err(io(path))?;
    Ok(bytes)
}

/// Appends the solutions `keep` keeps to `body`: their block (without its name).
pub fn write_rows(
    results: QueryResults<'static>,
    body: &mut Vec<u8>,
    keep: impl Fn(&QuerySolution) -> bool,
) -> Result<Block, ListingError> {
    let QueryResults::Solutions(solutions) = results else {
        return Ok(Block::default());
    };
    let variables: Vec<String> = solutions
        .variables()
        .iter()
        .map(|v| v.as_str().to_owned())
        .collect();
    let offset = body.len() as u64;
    let mut rows = 0;
    for solution in solutions {
        let solution = solution?;
        if !keep(&solution) {
            continue;
        }
        for (i, v) in variables.iter().enumerate() {
            if i > 0 {
                body.push(b'\t');
            }
            if let Some(t) = solution.get(v.as_str()) {
                write!(body, "{t}").expect("writing to a Vec");
            }
        }
        body.push(b'\n');
        rows += 1;
    }
    Ok(Block {
        name: String::new(),
        variables,
        offset,
        len: body.len() as u64 - offset,
        rows,
    })
}

/// The rows of a block's bytes, each parsed when it is reached (a `LIMIT` parses no more).
pub fn parse_rows(
    bytes: Vec<u8>,
) -> Box<dyn Iterator<Item = Result<Vec<Option<Term>>, QueryEvaluationError>> + Send> {
    match String::from_utf8(bytes) {
        Ok(text) => Box::new(Rows { text, at: 0 }),
        Err(e) => Box::new(std::iter::once(Err(QueryEvaluationError::Unexpected(
            Box::new(e),
        )))),
    }
}

/// The lines of a block, one row each.
struct Rows {
    text: String,
    at: usize,
}

impl Iterator for Rows {
    type Item = Result<Vec<Option<Term>>, QueryEvaluationError>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.at..).filter(|r| !r.is_empty())?;
        let line = rest.split('\n').next().unwrap_or_default();
        self.at += line.len() + 1;
        Some(parse_row(line))
    }
}

fn parse_row(line: &str) -> Result<Vec<Option<Term>>, QueryEvaluationError> {
    line.split('\t')
        .map(|cell| {
            if cell.is_empty() {
                return Ok(None);
            }
            Term::from_str(cell)
                .map(Some)
                .map_err(|e| QueryEvaluationError::Unexpected(Box::new(e)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Literal;

    #[test]
    fn a_row_reads_back_as_written() {
        let terms = vec![
            Some(Term::from(Literal::new_simple_literal(
                "a\tb\nc \"d\" \\ e",
            ))),
            None,
            Some(Term::from_str("<https://example.org/x#y>").unwrap()),
            Some(Term::from(Literal::new_language_tagged_literal_unchecked(
                "Wort", "de",
            ))),
            Some(Term::from(Literal::from(42))),
        ];
        let line = terms
            .iter()
            .map(|t| t.as_ref().map(ToString::to_string).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\t");
        assert!(!line.contains('\n'));
        assert_eq!(parse_row(&line).unwrap(), terms);
    }
}
