//! Listings: the named queries' rows kept beside the store, so that a listing costs what is
//! asked, not the archive (ARCHITECTURE.md, *Listings*).
//!
//! A query whose rows each come from one document and are ordered by `?source` first
//! ([`PER_DOCUMENT`]) is kept per document graph: its rows over the document's graph, the
//! graphs that are no document's (shared, links, cabinets, loaded files) and the graphs of the
//! documents it names, restricted to the rows of its own source files. A whole listing is
//! those blocks one after another in the order of their sources, read one block at a time; its
//! first rows read the first blocks only. The other named queries (aggregates, orders across
//! documents) are kept whole, for one state of the store.
//!
//! A block is valid while its graph, the graphs of the documents it names and the graphs that
//! are no document's have the versions it was computed at ([`landtag_store::graph_version`]).
//! What the shared graph says changes with other documents: a write drops the blocks of the
//! graphs naming (`lt:nennt`) a subject whose shared statements it changed
//! ([`Listings::write`]); a writer killed before it could marks every block stale (`pending`).
//! A stale or missing block is computed when asked by the process that writes the store, and
//! kept; a process that only reads it leaves such a query to the engine.

mod file;
mod snapshot;

use crate::queries;
use file::{Block, Head};
use landtag_store::{self as store, Dataset, Graphs, NoViews, StoreError};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QuerySolutionIter, Variable};
use oxigraph::store::Store;
use snapshot::{Before, Snapshot, Unit};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The named queries kept per document: each row stems from one document and the rows are
/// ordered by `?source` first.
pub const PER_DOCUMENT: &[&str] = &[
    "documents",
    "contributions",
    "votes",
    "interjections",
    "pages",
    "funding",
    "member-votes",
    "roll-calls",
    "checks",
];

/// The folder of the listings in the store's folder.
pub const DIR: &str = "listings";

#[derive(Debug, thiserror::Error)]
pub enum ListingError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Corrupt { path: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Evaluation(#[from] QueryEvaluationError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ListingError + '_ {
    move |source| ListingError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The listings of one store.
#[derive(Debug, Clone)]
pub struct Listings {
    dir: PathBuf,
    /// The shared graph: no document's, and too large to hash for each answer.
    shared: NamedNode,
    /// Whether this process may write them (the one that writes the store).
    writable: bool,
    /// What the writer knows of the store's state and the heads of the files, between writes.
    memo: Arc<Mutex<Memo>>,
}

/// The writer's memory of the listings: the store's state as of the last write (every write
/// of this store goes through this process), and the heads of the files it read or wrote.
#[derive(Debug, Default)]
struct Memo {
    /// Writes so far: what was computed from the store before a write began is not kept.
    generation: u64,
    /// The graphs whose blocks were computed ahead (`refresh_blocks`) since the last
    /// `refresh`, which counts them with its own.
    ahead: std::collections::HashSet<String>,
    snapshot: Option<Arc<Snapshot>>,
    heads: HashMap<PathBuf, Arc<Head>>,
    /// Small blocks' bytes (a listing of few rows per document reads no file per document).
    small: HashMap<(PathBuf, String), Arc<[u8]>>,
    small_bytes: usize,
}

/// A block up to this size is remembered by the writer, up to [`SMALL_TOTAL`] in all.
const SMALL_BLOCK: u64 = 16 * 1024;
const SMALL_TOTAL: usize = 32 << 20;

impl Memo {
    fn forget(&mut self, path: &Path) {
        self.heads.remove(path);
        let before = self.small.len();
        self.small.retain(|(p, _), _| p != path);
        if self.small.len() != before {
            self.small_bytes = self.small.values().map(|b| b.len()).sum();
        }
    }
}

/// What [`Listings::refresh`] computed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Refreshed {
    pub blocks: usize,
    pub whole: usize,
    pub removed: usize,
}

/// As `ingest` reports it: `rows of 3 document graphs and 8 whole listings computed`.
impl std::fmt::Display for Refreshed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "rows of {} document graphs and {} whole listings computed",
            self.blocks, self.whole
        )
    }
}

/// A named query recognised in a request: its name and the slice asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub name: &'static str,
    pub offset: usize,
    pub limit: Option<usize>,
}

impl Listings {
    /// The listings of the store in `store_dir`, for a process that writes the store.
    pub fn for_writer(store_dir: &Path, base: &landtag_rdf::Base) -> Self {
        Self {
            dir: store_dir.join(DIR),
            shared: base.shared_graph(),
            writable: true,
            memo: Arc::default(),
        }
    }

    /// The listings of the store in `store_dir`, for a process that only reads it: it answers
    /// from them where they are current, and leaves the rest to the engine (the writer keeps
    /// them).
    pub fn for_reader(store_dir: &Path, base: &landtag_rdf::Base) -> Self {
        Self {
            dir: store_dir.join(DIR),
            shared: base.shared_graph(),
            writable: false,
            memo: Arc::default(),
        }
    }

    fn units_dir(&self) -> PathBuf {
        self.dir.join("units")
    }

    fn pending(&self) -> PathBuf {
        self.dir.join("pending")
    }

    /// The rows of the named query `sparql` is (with a `LIMIT`/`OFFSET` of its own at most),
    /// over the whole store, from the listings; `None` for any other query, a request naming
    /// graphs, or where the listings cannot answer as the query would.
    pub fn answer(
        &self,
        store: &Store,
        sparql: &str,
        graphs: &Graphs,
    ) -> Result<Option<QuerySolutionIter<'static>>, ListingError> {
        if !graphs.is_empty() {
            return Ok(None);
        }
        match recognise(sparql) {
            Some(asked) => self.rows(store, &asked),
            None => Ok(None),
        }
    }

    /// The rows of a named query, from the listings.
    pub fn rows(
        &self,
        store: &Store,
        asked: &Asked,
    ) -> Result<Option<QuerySolutionIter<'static>>, ListingError> {
        let snap = self.snapshot(store)?;
        if PER_DOCUMENT.contains(&asked.name) {
            self.per_document(store, &snap, asked)
        } else {
            self.whole(store, &snap, asked)
        }
    }

    /// The rows of a named query kept per document, of the document graphs `graphs` only (a
    /// Wahlperiode's: each document's rows as the whole store gives them); `None` for a query
    /// kept whole, or where the listings cannot answer.
    pub fn rows_of(
        &self,
        store: &Store,
        name: &str,
        graphs: &std::collections::HashSet<NamedNode>,
    ) -> Result<Option<QuerySolutionIter<'static>>, ListingError> {
        let Some(name) = PER_DOCUMENT.iter().find(|n| **n == name) else {
            return Ok(None);
        };
        let asked = Asked {
            name,
            offset: 0,
            limit: None,
        };
        let snap = self.snapshot(store)?;
        self.per_document_of(store, &snap, &asked, &|u| graphs.contains(&u.graph))
    }

    /// Writes a document's graph through [`crate::changes::write`] and drops the blocks the
    /// write made stale.
    pub fn write(
        &self,
        store: &Store,
        log: &crate::changes::Log,
        mapped: &landtag_rdf::map::Mapped,
    ) -> Result<store::Outcome, anyhow::Error> {
        if store::unchanged(store, mapped)? {
            // Nothing to record and no block made stale (the store has one writer, so it is
            // still so when `changes::write` looks again).
            return Ok(crate::changes::write(store, log, mapped)?);
        }
        std::fs::create_dir_all(&self.dir).map_err(io(&self.dir))?;
        std::fs::write(self.pending(), mapped.graph.as_str()).map_err(io(&self.pending()))?;
        let before = Before::read(store, mapped)?;
        self.memo().generation += 1;
        let outcome = crate::changes::write(store, log, mapped)?;
        if outcome != store::Outcome::Unchanged {
            {
                let mut memo = self.memo();
                memo.generation += 1;
                memo.snapshot = None;
            }
            for graph in before.stale(store)? {
                self.drop_block(&graph)?;
            }
        }
        std::fs::remove_file(self.pending()).map_err(io(&self.pending()))?;
        Ok(outcome)
    }

    /// After a writer was killed between a write and its bookkeeping: every block is stale.
    pub fn recover(&self) -> Result<bool, ListingError> {
        if !self.pending().exists() {
            return Ok(false);
        }
        let units = self.units_dir();
        if units.exists() {
            std::fs::remove_dir_all(&units).map_err(io(&units))?;
        }
        *self.memo() = Memo::default();
        std::fs::remove_file(self.pending()).map_err(io(&self.pending()))?;
        Ok(true)
    }

    fn drop_block(&self, graph: &NamedNode) -> Result<(), ListingError> {
        let path = self.block_path(graph);
        self.memo().forget(&path);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(&path)(e)),
            _ => Ok(()),
        }
    }

    fn block_path(&self, graph: &NamedNode) -> PathBuf {
        self.units_dir().join(file::name_of(graph.as_str()))
    }

    fn whole_path(&self, name: &str) -> PathBuf {
        self.dir.join("whole").join(format!("{name}.rows"))
    }

    fn memo_if_writer(&self) -> Option<Arc<Mutex<Memo>>> {
        self.writable.then(|| self.memo.clone())
    }

    fn memo(&self) -> std::sync::MutexGuard<'_, Memo> {
        lock(&self.memo)
    }

    /// The store's state: read, or, in the writer, remembered since its last write.
    fn snapshot(&self, store: &Store) -> Result<Arc<Snapshot>, ListingError> {
        let generation = {
            let memo = self.memo();
            let current = memo
                .snapshot
                .clone()
                .filter(|s| s.generation == memo.generation);
            if let Some(snap) = current.filter(|_| self.writable) {
                return Ok(snap);
            }
            memo.generation
        };
        let mut snap = Snapshot::read(store, &self.shared)?;
        snap.generation = generation;
        let snap = Arc::new(snap);
        if self.writable {
            self.memo().snapshot = Some(snap.clone());
        }
        Ok(snap)
    }

    /// The head of a file: read, or remembered by the writer.
    fn head(&self, path: &Path) -> Result<Option<Arc<Head>>, ListingError> {
        if let Some(head) = self.memo().heads.get(path) {
            return Ok(Some(head.clone()));
        }
        let head = file::read_head(path)?.map(Arc::new);
        if let (Some(h), true) = (&head, self.writable) {
            self.memo().heads.insert(path.to_owned(), h.clone());
        }
        Ok(head)
    }

    /// Writes a file and remembers its head.
    /// Keeps what was computed from the store as it was at write `generation`, unless a write
    /// has begun since (the next refresh computes it again).
    fn keep(
        &self,
        path: &Path,
        head: &Head,
        body: &[u8],
        generation: u64,
    ) -> Result<(), ListingError> {
        let mut memo = self.memo();
        if memo.generation != generation {
            return Ok(());
        }
        file::write(path, head, body)?;
        memo.forget(path);
        memo.heads.insert(path.to_owned(), Arc::new(head.clone()));
        Ok(())
    }

    /// Brings every listing in line with the store: the stale blocks and whole listings
    /// computed, the blocks of graphs gone removed.
    pub fn refresh(&self, store: &Store) -> Result<Refreshed, ListingError> {
        self.recover()?;
        let snap = self.snapshot(store)?;
        let stale = self.stale(&snap)?;
        let keep = snap
            .units
            .iter()
            .map(|u| file::name_of(u.graph.as_str()))
            .collect();
        let removed = self.remove_others(&keep)?;
        let mut whole = Vec::new();
        for (name, _) in queries::NAMED {
            if !PER_DOCUMENT.contains(name) && self.valid_whole(&snap, name)?.is_none() {
                whole.push(*name);
            }
        }
        on_every_core(&stale, |unit| {
            self.compute_block(store, &snap, unit).map(drop)
        })?;
        on_every_core(&whole, |name| {
            self.compute_whole(store, &snap, name).map(drop)
        })?;
        let mut blocks = std::mem::take(&mut self.memo().ahead);
        blocks.extend(stale.iter().map(|u| u.graph.as_str().to_owned()));
        Ok(Refreshed {
            blocks: blocks.len(),
            whole: whole.len(),
            removed,
        })
    }

    /// The documents' stale blocks computed one after another, on the calling thread: what
    /// `ingest` does on a core the conversions leave idle while its last documents convert, so
    /// that [`refresh`](Self::refresh) at the end has only the whole listings left. The number
    /// of blocks computed.
    pub fn refresh_blocks(&self, store: &Store) -> Result<usize, ListingError> {
        self.recover()?;
        let snap = self.snapshot(store)?;
        let stale = self.stale(&snap)?;
        for unit in &stale {
            self.compute_block(store, &snap, unit)?;
        }
        let names = stale.iter().map(|u| u.graph.as_str().to_owned());
        self.memo().ahead.extend(names);
        Ok(stale.len())
    }

    /// The units whose kept block does not hold the store's state.
    fn stale<'s>(&self, snap: &'s Snapshot) -> Result<Vec<&'s Unit>, ListingError> {
        let mut stale = Vec::new();
        for unit in &snap.units {
            if self.valid_head(snap, unit)?.is_none() {
                stale.push(unit);
            }
        }
        Ok(stale)
    }

    fn remove_others(
        &self,
        keep: &std::collections::HashSet<String>,
    ) -> Result<usize, ListingError> {
        let dir = self.units_dir();
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(0);
        };
        let mut removed = 0;
        for e in entries.flatten() {
            if !keep.contains(&e.file_name().to_string_lossy().into_owned()) {
                std::fs::remove_file(e.path()).map_err(io(&e.path()))?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// The head of a unit's block where it is valid for this state of the store.
    fn valid_head(&self, snap: &Snapshot, unit: &Unit) -> Result<Option<Arc<Head>>, ListingError> {
        let Some(head) = self.head(&self.block_path(&unit.graph))? else {
            return Ok(None);
        };
        Ok(snap.is_valid(unit, &head).then_some(head))
    }

    /// A unit's block, computed now; kept where this process may write.
    fn compute_block(
        &self,
        store: &Store,
        snap: &Snapshot,
        unit: &Unit,
    ) -> Result<(Head, Vec<u8>), ListingError> {
        let deps = snap.dependencies(store, unit)?;
        let mut dataset = vec![unit.graph.clone()];
        dataset.extend(snap.others.iter().cloned());
        dataset.extend(deps.iter().map(|(g, _)| g.clone()));
        let graphs = Graphs {
            default: dataset,
            named: Vec::new(),
        };
        let mut head = Head::new(unit, &snap.global, deps);
        let mut body = Vec::new();
        for name in PER_DOCUMENT {
            let results = query_named(store, name, &graphs)?;
            let sources = &unit.sources;
            let block = file::write_rows(
                results,
                &mut body,
                |row| matches!(row.get("source"), Some(Term::Literal(l)) if sources.contains(l.value())),
            )?;
            head.blocks.push(Block {
                name: name.to_string(),
                ..block
            });
        }
        if self.writable {
            self.keep(&self.block_path(&unit.graph), &head, &body, snap.generation)?;
        }
        Ok((head, body))
    }

    fn valid_whole(&self, snap: &Snapshot, name: &str) -> Result<Option<Arc<Head>>, ListingError> {
        let Some(head) = self.head(&self.whole_path(name))? else {
            return Ok(None);
        };
        Ok((head.version == snap.key && head.global == snap.global).then_some(head))
    }

    fn compute_whole(
        &self,
        store: &Store,
        snap: &Snapshot,
        name: &str,
    ) -> Result<(Head, Vec<u8>), ListingError> {
        let results = query_named(store, name, &Graphs::default())?;
        let mut body = Vec::new();
        let block = file::write_rows(results, &mut body, |_| true)?;
        let mut head = Head::whole(&snap.key, &snap.global);
        head.blocks.push(Block {
            name: name.to_owned(),
            ..block
        });
        if self.writable {
            self.keep(&self.whole_path(name), &head, &body, snap.generation)?;
        }
        Ok((head, body))
    }

    /// A listing kept whole: read from its file, or computed.
    fn whole(
        &self,
        store: &Store,
        snap: &Snapshot,
        asked: &Asked,
    ) -> Result<Option<QuerySolutionIter<'static>>, ListingError> {
        let part = match self.valid_whole(snap, asked.name)? {
            Some(head) => Part::Kept(self.whole_path(asked.name), head),
            None if self.writable => {
                let (head, body) = self.compute_whole(store, snap, asked.name)?;
                Part::Computed(head, body)
            }
            None => return Ok(None),
        };
        let variables = part.head().blocks[0].variables();
        Ok(Some(stream(
            variables,
            vec![part],
            asked,
            self.memo_if_writer(),
        )))
    }

    /// A listing kept per document: its blocks in the order of their sources.
    fn per_document(
        &self,
        store: &Store,
        snap: &Snapshot,
        asked: &Asked,
    ) -> Result<Option<QuerySolutionIter<'static>>, ListingError> {
        self.per_document_of(store, snap, asked, &|_| true)
    }

    /// As [`Self::per_document`], the blocks of the units `within` keeps only.
    fn per_document_of(
        &self,
        store: &Store,
        snap: &Snapshot,
        asked: &Asked,
        within: &dyn Fn(&Unit) -> bool,
    ) -> Result<Option<QuerySolutionIter<'static>>, ListingError> {
        let Some(mut order) = snap.by_source() else {
            return Ok(None);
        };
        order.retain(|u| within(u));
        let wanted = asked.limit.map(|l| l.saturating_add(asked.offset));
        let mut parts = Vec::new();
        let mut rows = 0usize;
        for unit in order {
            if wanted.is_some_and(|w| rows >= w) {
                break;
            }
            let part = match self.valid_head(snap, unit)? {
                Some(head) => Part::Kept(self.block_path(&unit.graph), head),
                None if !self.writable => return Ok(None),
                None => {
                    let (head, body) = self.compute_block(store, snap, unit)?;
                    Part::Computed(head, body)
                }
            };
            rows += part.block(asked.name).map_or(0, |b| b.rows as usize);
            parts.push(part);
        }
        let variables = match parts.iter().find_map(|p| p.block(asked.name)) {
            Some(b) => b.variables(),
            None => self.variables_of(store, asked.name)?,
        };
        Ok(Some(stream(variables, parts, asked, self.memo_if_writer())))
    }
}

impl Listings {
    /// The columns of a named query (for a listing without rows): its answer over the shared
    /// graph alone, which holds no document's rows.
    fn variables_of(&self, store: &Store, name: &str) -> Result<Arc<[Variable]>, ListingError> {
        let graphs = Graphs {
            default: vec![self.shared.clone()],
            named: Vec::new(),
        };
        Ok(match query_named(store, name, &graphs)? {
            QueryResults::Solutions(s) => s.variables().into(),
            _ => Arc::from(Vec::new()),
        })
    }
}

/// Runs `work` on every item, the items shared out among a thread per core; the first error.
fn on_every_core<T: Sync>(
    items: &[T],
    work: impl Fn(&T) -> Result<(), ListingError> + Sync,
) -> Result<(), ListingError> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..cores.min(items.len()))
            .map(|_| {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    match items.get(i) {
                        Some(item) => work(item)?,
                        None => return Ok(()),
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .try_for_each(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
    })
}

/// One file's rows, kept or just computed.
enum Part {
    Kept(PathBuf, Arc<Head>),
    Computed(Head, Vec<u8>),
}

impl Part {
    fn head(&self) -> &Head {
        match self {
            Part::Kept(_, h) => h,
            Part::Computed(h, _) => h,
        }
    }

    fn block(&self, name: &str) -> Option<&Block> {
        self.head().blocks.iter().find(|b| b.name == name)
    }

    /// The block's bytes (a small one remembered by the writer).
    fn bytes(&self, name: &str, memo: Option<&Mutex<Memo>>) -> Result<Vec<u8>, ListingError> {
        let Some(block) = self.block(name) else {
            return Ok(Vec::new());
        };
        let (path, head) = match self {
            Part::Kept(path, head) => (path, head),
            Part::Computed(_, body) => {
                let range = block.offset as usize..(block.offset + block.len) as usize;
                return Ok(body.get(range).unwrap_or_default().to_vec());
            }
        };
        let key = (path.clone(), name.to_owned());
        if let Some(bytes) = memo.and_then(|m| lock(m).small.get(&key).cloned()) {
            return Ok(bytes.to_vec());
        }
        let bytes = file::read_block(path, head, block)?;
        if let (Some(m), true) = (memo, block.len <= SMALL_BLOCK) {
            let mut memo = lock(m);
            if memo.small_bytes + bytes.len() <= SMALL_TOTAL {
                memo.small_bytes += bytes.len();
                memo.small.insert(key, bytes.as_slice().into());
            }
        }
        Ok(bytes)
    }
}

/// The memo, locked (a panic elsewhere leaves it as it was).
fn lock(m: &Mutex<Memo>) -> std::sync::MutexGuard<'_, Memo> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The rows of `parts`' blocks of the asked query, the asked slice of them, read one block at
/// a time (the blocks an offset passes over are not read).
fn stream(
    variables: Arc<[Variable]>,
    parts: Vec<Part>,
    asked: &Asked,
    memo: Option<Arc<Mutex<Memo>>>,
) -> QuerySolutionIter<'static> {
    let name = asked.name;
    let mut skip = asked.offset;
    let mut kept = Vec::with_capacity(parts.len());
    for p in parts {
        let n = p.block(name).map_or(0, |b| b.rows as usize);
        if n == 0 {
            continue;
        }
        if skip >= n {
            skip -= n;
        } else {
            kept.push(p);
        }
    }
    let rows = kept
        .into_iter()
        .flat_map(move |p| match p.bytes(name, memo.as_deref()) {
            Ok(bytes) => file::parse_rows(bytes),
            Err(e) => Box::new(std::iter::once(Err(QueryEvaluationError::Unexpected(
                Box::new(e),
            )))),
        })
        .skip(skip);
    let rows: Box<dyn Iterator<Item = _>> = match asked.limit {
        Some(l) => Box::new(rows.take(l)),
        None => Box::new(rows),
    };
    QuerySolutionIter::from_tuples(variables, rows)
}

fn query_named(
    store: &Store,
    name: &str,
    graphs: &Graphs,
) -> Result<QueryResults<'static>, ListingError> {
    let text = queries::named(name).ok_or_else(|| ListingError::Corrupt {
        path: format!("queries/{name}.rq"),
        message: "no such named query".into(),
    })?;
    let over = Dataset {
        graphs,
        views: &NoViews,
    };
    Ok(store::query_over(store, text, &over, None)?)
}

/// The named query `sparql` is, its text compared line by line (comment lines and spacing
/// aside; the algebra cannot be compared, the parser names aggregates at random), with the
/// `LIMIT` and `OFFSET` a request may add after it.
pub fn recognise(sparql: &str) -> Option<Asked> {
    let text = normalise(sparql);
    queries::NAMED.iter().find_map(|(name, query)| {
        let rest = text.strip_prefix(normalise(query).as_str())?;
        if !rest.is_empty() && !rest.starts_with(' ') {
            return None;
        }
        let (offset, limit) = slice(rest)?;
        Some(Asked {
            name,
            offset,
            limit,
        })
    })
}

/// A query's text without comment lines, every run of white space one space.
fn normalise(sparql: &str) -> String {
    sparql
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `LIMIT n` and `OFFSET n`, in either order, each at most once.
fn slice(rest: &str) -> Option<(usize, Option<usize>)> {
    let words: Vec<&str> = rest.split_whitespace().collect();
    let (mut offset, mut limit) = (None, None);
    for pair in words.chunks(2) {
        let [keyword, n] = pair else { return None };
        let n: usize = n.parse().ok()?;
        let slot = match keyword.to_ascii_uppercase().as_str() {
            "LIMIT" => &mut limit,
            "OFFSET" => &mut offset,
            _ => return None,
        };
        if slot.replace(n).is_some() {
            return None;
        }
    }
    Some((offset.unwrap_or(0), limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(name: &str) -> &'static str {
        queries::named(name).unwrap()
    }

    #[test]
    fn a_named_query_is_recognised_by_its_text() {
        for (name, q) in queries::NAMED {
            let asked = recognise(q).unwrap();
            assert_eq!((asked.name, asked.offset, asked.limit), (*name, 0, None));
        }
        // Spacing and comment lines aside.
        let spaced = text("votes").replace('\n', "\n\n  ").replace(" ", "  ");
        let commented = format!("# my copy\n{spaced}\n# the end");
        assert_eq!(recognise(&commented).unwrap().name, "votes");
    }

    #[test]
    fn a_slice_of_its_own_after_it() {
        let q = format!("{}\nLIMIT 1000", text("contributions"));
        let asked = recognise(&q).unwrap();
        assert_eq!(
            (asked.name, asked.offset, asked.limit),
            ("contributions", 0, Some(1000))
        );
        let q = format!("{} offset 20 LIMIT 5", text("interjections"));
        let asked = recognise(&q).unwrap();
        assert_eq!((asked.offset, asked.limit), (20, Some(5)));
    }

    #[test]
    fn anything_else_is_the_engines() {
        let votes = text("votes");
        for other in [
            format!("{votes} LIMIT 5 LIMIT 6"),
            format!("{votes} LIMIT five"),
            format!("{votes} LIMIT"),
            format!("{votes} GROUP BY ?source"),
            votes.replace("?position ?faction", "?faction ?position"),
            votes.replace("SELECT", "SELECT DISTINCT"),
            format!("PREFIX x: <urn:x:>\n{votes}"),
            "SELECT * WHERE { ?s ?p ?o }".to_owned(),
        ] {
            assert_eq!(recognise(&other), None, "{other}");
        }
    }
}
