//! `ingest`: documents converted on every core and written as they complete, into the store
//! directly, or, when a `serve` holds the store, handed to it over its socket (`handoff`).

use crate::pipeline::{self, ConvertError, Converted, Done, Stored};
use crate::rdf::{map::Mapped, Base};
use crate::store::{self, Outcome};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Where converted documents go.
pub enum Target {
    /// The store, opened by this process, its change log, its full-text index and its
    /// listings.
    Store(
        oxigraph::store::Store,
        crate::publish::changes::Log,
        Box<crate::search::SearchIndex>,
        Box<crate::publish::listings::Listings>,
    ),
    /// A running `serve` that holds the store in this folder.
    Server(PathBuf),
}

impl Target {
    /// The running server's socket if one listens for `dir`, else the store itself.
    /// Opening the store for writing first brings its change log in line with it.
    pub fn open(dir: &Path, base: &Base) -> anyhow::Result<Self> {
        if crate::handoff::server_listening(dir) {
            return Ok(Self::Server(dir.to_owned()));
        }
        let store = store::open(dir)?;
        let log = crate::publish::changes::Log::open(dir)?;
        log.reconcile(&store, &base.shared_graph())?;
        let index = crate::search::SearchIndex::for_writer(dir, &store)?;
        let listings = crate::publish::listings::Listings::for_writer(dir, base);
        listings.recover()?;
        Ok(Self::Store(store, log, Box::new(index), Box::new(listings)))
    }

    /// Writes one graph (a document's, or the links) and its claims, and then what the store
    /// holds of it into the full-text index.
    pub fn write(&self, mapped: &Mapped) -> anyhow::Result<Outcome> {
        Ok(match self {
            Self::Store(s, log, index, listings) => {
                index.begin(&mapped.graph)?;
                let outcome = listings.write(s, log, mapped)?;
                // Committed with the store's flush (`flush`), once a batch.
                index.stage(s, &mapped.graph, &outcome)?;
                outcome
            }
            Self::Server(dir) => crate::handoff::send(dir, mapped)?,
        })
    }

    /// Whether `dir` holds no store yet and no server listens for it: then nothing stored can be
    /// skipped, and the store is made while the first documents convert (40 ms or so of one
    /// core, which the conversions need not wait for).
    pub fn is_new(dir: &Path) -> bool {
        !store::exists(dir) && !crate::handoff::server_listening(dir)
    }

    /// The files the store's graphs were made from, to skip before converting; nothing for a
    /// store a running server holds (this process cannot read it) or where `reconvert` asks
    /// for every file to be converted again.
    pub fn stored(&self, reconvert: bool) -> Result<Stored, store::StoreError> {
        match self {
            Self::Store(s, ..) if !reconvert => Stored::of(s),
            _ => Ok(Stored::default()),
        }
    }

    /// Brings the listings in line with what was written (the server does so itself): the
    /// blocks of the documents written and of those naming what they changed.
    pub fn settle(&self) -> anyhow::Result<Option<crate::publish::listings::Refreshed>> {
        match self {
            Self::Store(s, .., listings) => Ok(Some(listings.refresh(s)?)),
            Self::Server(_) => Ok(None),
        }
    }

    /// Computes the listings' blocks of the documents written so far (the server does so
    /// itself), ahead of [`settle`](Self::settle).
    pub fn prepare(&self) -> anyhow::Result<()> {
        if let Self::Store(s, .., listings) = self {
            let blocks = listings.refresh_blocks(s)?;
            tracing::debug!("{blocks} listing blocks computed ahead");
        }
        Ok(())
    }

    /// Makes what was written durable and searchable (the server does so itself).
    pub fn flush(&self) -> anyhow::Result<()> {
        match self {
            Self::Store(s, _, index, _) => {
                store::flush(s)?;
                Ok(index.commit()?)
            }
            Self::Server(_) => Ok(()),
        }
    }
}

/// Documents written between two flushes of the store.
const FLUSH_EVERY: usize = 16;

/// One document's fate.
pub enum Event<'a> {
    /// Left as it is, unread: the store holds its graph made from these bytes by this converter.
    Unchanged {
        file: &'a Path,
        document: &'a oxigraph::model::NamedNode,
    },
    Stored {
        file: &'a Path,
        converted: &'a Converted,
        outcome: Outcome,
    },
    Failed {
        file: &'a Path,
        error: anyhow::Error,
    },
}

/// What an ingest did.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// The files given.
    pub files: usize,
    pub stored: usize,
    pub failed: usize,
    pub pages: usize,
    pub elapsed: Duration,
}

/// As `ingest` reports it: `4 of 4 documents stored (470 pages, 2.1 s, 220 pages/s)`.
impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secs = self.elapsed.as_secs_f64().max(1e-3);
        write!(
            f,
            "{} of {} documents stored ({} pages, {:.1} s, {:.0} pages/s)",
            self.stored,
            self.files,
            self.pages,
            secs,
            self.pages as f64 / secs
        )
    }
}

/// Writes the cabinets' graph (reference data compiled in; rewritten only when the table or
/// converter changed, like a document); false where that failed (and said why).
fn write_cabinets(target: &Target, base: &Base, now: &str) -> bool {
    let cabinets = crate::rdf::government::map_government(base, now);
    let written = target.write(&cabinets);
    if let Err(e) = &written {
        tracing::error!("data/lexicon/regierung.tsv: the cabinets' graph: {e:#}");
    }
    tracing::debug!("cabinets written");
    written.is_ok()
}

/// Computes the listings' blocks of what was written so far; a failure is only said (the
/// last refresh computes them anyway).
fn prepare(target: &Target) {
    if let Err(e) = target.prepare() {
        tracing::warn!("listings: {e:#}");
    }
}

/// Converts `files` on `workers` threads and writes each to the target `open` gives as it
/// completes, but for those `stored` holds unchanged (checked before any conversion); `event`
/// hears of each document, with the summary so far (for the progress bar and the report).
/// `open` runs while the first documents convert (a new store is made in the meantime); where
/// it fails, no further document is begun and nothing is written.
pub fn ingest(
    files: &[PathBuf],
    open: impl FnOnce() -> anyhow::Result<Target>,
    base: &Base,
    workers: usize,
    stored: &Stored,
    mut event: impl FnMut(Event<'_>, &Summary),
) -> anyhow::Result<(Target, Summary)> {
    let started = Instant::now();
    let now = pipeline::now_utc();
    let mut summary = Summary {
        files: files.len(),
        ..Summary::default()
    };
    let target = std::cell::OnceCell::new();
    // The target and the cabinets, while the first documents convert.
    let (mut cabinets_failed, mut not_opened) = (false, None);
    let meanwhile = || match open() {
        Ok(t) => {
            cabinets_failed = !write_cabinets(target.get_or_init(|| t), base, &now);
            true
        }
        Err(e) => {
            not_opened = Some(e);
            false
        }
    };
    let on_done = |file: &Path, done: Done| {
        // Without a target (it could not be opened) what was under way is dropped.
        if let Some(target) = target.get() {
            record(target, (file, done), started, &mut summary, &mut event);
        }
    };
    // The blocks of what was written, while the last documents convert.
    let idle = || {
        if let Some(target) = target.get() {
            prepare(target);
        }
    };
    pipeline::convert_all(
        files,
        base,
        &now,
        workers,
        stored,
        (meanwhile, idle),
        on_done,
    );
    if let Some(e) = not_opened {
        return Err(e);
    }
    summary.failed += usize::from(cabinets_failed);
    summary.elapsed = started.elapsed();
    Ok((target.into_inner().expect("opened"), summary))
}

/// Writes what became of one file to `target`, counts it in `summary` and tells `event`.
fn record(
    target: &Target,
    (file, done): (&Path, Done),
    started: Instant,
    summary: &mut Summary,
    event: &mut impl FnMut(Event<'_>, &Summary),
) {
    let result = match done {
        Done::Converted(result) => *result,
        Done::Unchanged(document) => {
            summary.stored += 1;
            summary.elapsed = started.elapsed();
            let unchanged = Event::Unchanged {
                file,
                document: &document,
            };
            event(unchanged, summary);
            return;
        }
    };
    tracing::debug!("{}: converted", file.display());
    let written = result
        .map_err(|e: ConvertError| anyhow::Error::from(e))
        .and_then(|c| Ok((target.write(&c.mapped)?, c)));
    tracing::debug!("{}: written", file.display());
    match written {
        Ok((outcome, converted)) => {
            summary.stored += 1;
            // RocksDB's memtables otherwise grow to gigabytes over a long ingest.
            if summary.stored.is_multiple_of(FLUSH_EVERY) {
                if let Err(e) = target.flush() {
                    tracing::warn!("flushing the store: {e}");
                }
            }
            summary.pages += converted.document.pages.len().max(1);
            summary.elapsed = started.elapsed();
            let stored = Event::Stored {
                file,
                converted: &converted,
                outcome,
            };
            event(stored, summary);
        }
        Err(error) => {
            summary.failed += 1;
            summary.elapsed = started.elapsed();
            event(Event::Failed { file, error }, summary);
        }
    }
}
