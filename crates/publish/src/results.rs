//! The one SPARQL result writer: a query's solutions, boolean or graph in the format asked for,
//! streamed to any writer. The endpoint (`serve`), the command line (`query`) and the dump
//! set's tables (`tables.rs`) all write through it; the endpoint's HTML table of solutions is a page, not a result format, and stays
//! with the pages.

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QueryResults};
use std::io::Write;

/// The formats to write each kind of result in.
#[derive(Debug, Clone, Copy)]
pub struct Formats {
    pub solutions: QueryResultsFormat,
    pub boolean: QueryResultsFormat,
    /// A CONSTRUCT's or DESCRIBE's triples; Turtle is written with the published prefixes.
    pub graph: RdfFormat,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("query evaluation failed: {0}")]
    Evaluation(#[from] QueryEvaluationError),
}

/// Writes `results` to `out` and hands the writer back, flushed of what the serialiser held.
pub fn write<W: Write>(results: QueryResults<'_>, f: Formats, out: W) -> Result<W, WriteError> {
    Ok(match results {
        QueryResults::Solutions(solutions) => {
            let mut w = QueryResultsSerializer::from_format(f.solutions)
                .serialize_solutions_to_writer(out, solutions.variables().to_vec())?;
            for s in solutions {
                w.serialize(&s?)?;
            }
            w.finish()?
        }
        QueryResults::Boolean(b) => {
            QueryResultsSerializer::from_format(f.boolean).serialize_boolean_to_writer(out, b)?
        }
        QueryResults::Graph(triples) => {
            let mut serializer = RdfSerializer::from_format(f.graph);
            if f.graph == RdfFormat::Turtle {
                for (prefix, ns) in landtag_rdf::vocab::PREFIXES {
                    serializer = serializer
                        .with_prefix(*prefix, *ns)
                        .map_err(|e| std::io::Error::other(e.to_string()))?;
                }
            }
            let mut w = serializer.for_writer(out);
            for t in triples {
                w.serialize_triple(&t?)?;
            }
            w.finish()?
        }
    })
}
