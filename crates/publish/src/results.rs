//! The one SPARQL result writer: a query's solutions, boolean or graph in the format asked for,
//! streamed to any writer. The endpoint (`serve`), the command line (`query`) and the dump
//! set's tables (`tables.rs`) all write through it, in a format of [`crate::formats`]; the
//! endpoint's HTML table of solutions is a page, not a result format, and stays with the pages.

use crate::formats::{Format, RdfSyntax, Writes};
use oxigraph::io::RdfSerializer;
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{QueryEvaluationError, QueryResults};
use std::io::Write;

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("query evaluation failed: {0}")]
    Evaluation(#[from] QueryEvaluationError),
    #[error("{0} is no format for this kind of answer")]
    Unfit(&'static str),
}

/// Writes `results` in `format` (one of [`formats::for_answer`]'s) to `out` and hands the
/// writer back, flushed of what the serialiser held; Turtle with the published prefixes.
pub fn write<W: Write>(
    results: QueryResults<'_>,
    format: &Format,
    out: W,
) -> Result<W, WriteError> {
    let unfit = || WriteError::Unfit(format.name);
    Ok(match results {
        QueryResults::Solutions(solutions) => {
            let Writes::Results(f) = format.writes else {
                return Err(unfit());
            };
            let mut w = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(out, solutions.variables().to_vec())?;
            for s in solutions {
                w.serialize(&s?)?;
            }
            w.finish()?
        }
        QueryResults::Boolean(b) => {
            let Writes::Results(f) = format.writes else {
                return Err(unfit());
            };
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(out, b)?
        }
        QueryResults::Graph(triples) => {
            let Writes::Rdf(syntax) = format.writes else {
                return Err(unfit());
            };
            let mut serializer = RdfSerializer::from_format(syntax.format());
            if syntax == RdfSyntax::Turtle {
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
