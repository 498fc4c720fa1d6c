//! The full-text index beside the store: speeches, the words of calls, agenda items and
//! printed papers, each entry a resource of the store (its IRI), with its document, period,
//! date, factions and persons. tantivy (BM25, phrases, `-word`) with a German stemmer.
//!
//! The store is the one source of truth: every entry is read from the store (`entries.rs`),
//! after the store has taken the document, and carries the version of the graph it was read
//! from, so `check` can tell whether index and store agree and `rebuild` makes the index from
//! the store alone. The index lives in `{store}/search`; a store without one still serves SPARQL.

mod entries;
mod schema;

pub use entries::{entries, Entry, Kind};
use landtag_rdf::iri::given;
use landtag_rdf::vocab::{lt, prov};
use landtag_store::StoreError;
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use schema::Fields;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term as TTerm};

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index {path}: {source}")]
    Index {
        path: String,
        #[source]
        source: tantivy::TantivyError,
    },
    #[error("no search index at {0}: run `landtag-lod index --store STORE` to build it")]
    Missing(String),
    #[error("the query `{query}` cannot be read: {message}")]
    Query { query: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A day as the index compares it (`yyyymmdd`), from `YYYY-MM-DD`; `None` for a day the
/// calendar lacks (the model's `Date` decides).
pub fn day(iso: &str) -> Option<u64> {
    let d = landtag_model::date::Date::parse_iso(iso)?;
    d.to_string().replace('-', "").parse().ok()
}

/// Where the index of the store in `store_dir` lives.
pub fn dir_of(store_dir: &Path) -> PathBuf {
    store_dir.join("search")
}

/// The index, for reading and (opened writable) for keeping it in step with the store.
pub struct SearchIndex {
    index: Index,
    fields: Fields,
    reader: IndexReader,
    writer: Option<Mutex<IndexWriter>>,
    /// Documents were put into the writer and not yet committed.
    staged: std::sync::atomic::AtomicBool,
    path: String,
}

impl SearchIndex {
    /// Opens the index of the store in `store_dir`, creating it when `writable`; a reader
    /// finds none: `Missing`.
    pub fn open(store_dir: &Path, writable: bool) -> Result<SearchIndex, SearchError> {
        let dir = dir_of(store_dir);
        let path = dir.display().to_string();
        let err = |source| SearchError::Index {
            path: path.clone(),
            source,
        };
        let (schema, fields) = Fields::schema();
        let index = if dir.join("meta.json").exists() {
            Index::open_in_dir(&dir).map_err(err)?
        } else if writable {
            std::fs::create_dir_all(&dir).map_err(|e| err(e.into()))?;
            Index::create_in_dir(&dir, schema).map_err(err)?
        } else {
            return Err(SearchError::Missing(path));
        };
        index
            .tokenizers()
            .register(schema::GERMAN, schema::analyser());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(err)?;
        let writer = if writable {
            Some(Mutex::new(index.writer(50_000_000).map_err(err)?))
        } else {
            None
        };
        Ok(SearchIndex {
            index,
            fields,
            reader,
            writer,
            staged: Default::default(),
            path,
        })
    }

    fn err(&self, source: tantivy::TantivyError) -> SearchError {
        SearchError::Index {
            path: self.path.clone(),
            source,
        }
    }

    /// The index a writer of the store keeps in step (`ingest`, a `serve`): opened, built
    /// from the store where it is new and the store is not, and brought in line where a
    /// writer was killed between the store's commit and the index's (`recover`).
    pub fn for_writer(store_dir: &Path, store: &Store) -> Result<SearchIndex, SearchError> {
        let new = !dir_of(store_dir).join("meta.json").exists();
        let index = SearchIndex::open(store_dir, true)?;
        if new && !versions(store)?.is_empty() {
            let built = index.rebuild(store)?;
            tracing::info!(
                "search index built from the store: {} entries of {} documents",
                built.entries,
                built.graphs
            );
        }
        index.recover(store)?;
        Ok(index)
    }

    fn pending(&self) -> PathBuf {
        PathBuf::from(&self.path).join("pending")
    }

    /// Notes that the store is about to take `graph`: should the process die before the index
    /// has it too, the next writer reads it again (`recover`).
    pub fn begin(&self, graph: &NamedNode) -> Result<(), SearchError> {
        use std::io::Write;
        let io = |e: std::io::Error| self.err(e.into());
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.pending())
            .map_err(io)?;
        writeln!(f, "{}", graph.as_str()).map_err(io)?;
        f.sync_all().map_err(io)
    }

    /// After the store took `graph` (`begin` noted it before): the index reads it again, unless
    /// the store kept it as it was, and commits.
    pub fn follow(
        &self,
        store: &Store,
        graph: &NamedNode,
        outcome: &landtag_store::Outcome,
    ) -> Result<(), SearchError> {
        self.stage(store, graph, outcome)?;
        self.commit()
    }

    /// As [`follow`](Self::follow), but the index's commit waits for [`commit`](Self::commit)
    /// (a batch writer commits once per batch: a commit per document was a tantivy segment,
    /// its files and a reader reload each).
    pub fn stage(
        &self,
        store: &Store,
        graph: &NamedNode,
        outcome: &landtag_store::Outcome,
    ) -> Result<(), SearchError> {
        match outcome {
            landtag_store::Outcome::Unchanged => Ok(()),
            _ => self.put(store, graph).map(drop),
        }
    }

    /// Makes what was staged searchable and durable (nothing to do where nothing was); what
    /// `begin` noted is then done.
    pub fn commit(&self) -> Result<(), SearchError> {
        if !self.staged.swap(false, std::sync::atomic::Ordering::SeqCst) {
            let _ = std::fs::remove_file(self.pending());
            return Ok(());
        }
        let writer = self.writer.as_ref().expect("opened writable");
        let mut w = writer.lock().unwrap_or_else(|e| e.into_inner());
        w.commit().map_err(|e| self.err(e))?;
        drop(w);
        let _ = std::fs::remove_file(self.pending());
        self.reader.reload().map_err(|e| self.err(e))
    }

    /// Reads again the graphs a killed writer had begun.
    pub fn recover(&self, store: &Store) -> Result<usize, SearchError> {
        let Ok(text) = std::fs::read_to_string(self.pending()) else {
            return Ok(0);
        };
        let graphs: std::collections::BTreeSet<&str> =
            text.lines().filter(|l| !l.is_empty()).collect();
        for g in graphs.iter().filter_map(|g| given(g).ok()) {
            self.update(store, &g)?;
        }
        let _ = std::fs::remove_file(self.pending());
        Ok(graphs.len())
    }

    /// Makes the index hold what the store holds of `graph` now (nothing, if the store no
    /// longer has it), in one commit; what `begin` noted is then done.
    pub fn update(&self, store: &Store, graph: &NamedNode) -> Result<usize, SearchError> {
        let n = self.put(store, graph)?;
        self.commit()?;
        Ok(n)
    }

    /// The index's documents of `graph` replaced by what the store holds of it, uncommitted.
    fn put(&self, store: &Store, graph: &NamedNode) -> Result<usize, SearchError> {
        let entries = entries(store, graph)?;
        // The graph's own version (a few index look-ups), not every graph's.
        let version = if store
            .contains_named_graph(graph)
            .map_err(StoreError::from)?
        {
            landtag_store::graph_version(store, graph)?
        } else {
            String::new()
        };
        let writer = self.writer.as_ref().expect("opened writable");
        let w = writer.lock().unwrap_or_else(|e| e.into_inner());
        w.delete_term(TTerm::from_field_text(self.fields.graph, graph.as_str()));
        let n = entries.len();
        for e in entries {
            w.add_document(self.document(&e, graph.as_str(), &version))
                .map_err(|e| self.err(e))?;
        }
        self.staged.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(n)
    }

    fn document(&self, e: &Entry, graph: &str, version: &str) -> TantivyDocument {
        let f = &self.fields;
        let mut d = doc!(
            f.id => e.id.as_str(),
            f.kind => e.kind.as_str(),
            f.kind_facet => Facet::from_path([e.kind.as_str()]),
            f.document => e.document.as_str(),
            f.graph => graph,
            f.version => version,
            f.label => e.label.as_str(),
            f.text => e.text.as_str(),
            f.period => u64::from(e.period),
            f.period_facet => Facet::from_path([e.period.to_string()]),
            f.date => e.date.unwrap_or(0),
        );
        for faction in &e.factions {
            d.add_text(f.faction, faction);
            d.add_facet(f.faction_facet, Facet::from_path([faction.as_str()]));
        }
        for p in &e.persons {
            d.add_text(f.person, p);
        }
        d
    }

    /// Empties the index and reads every document graph of the store into it.
    pub fn rebuild(&self, store: &Store) -> Result<Rebuilt, SearchError> {
        let writer = self.writer.as_ref().expect("opened writable");
        {
            let mut w = writer.lock().unwrap_or_else(|e| e.into_inner());
            w.delete_all_documents().map_err(|e| self.err(e))?;
            w.commit().map_err(|e| self.err(e))?;
        }
        let mut done = Rebuilt::default();
        for graph in versions(store)?.keys().filter_map(|g| given(g).ok()) {
            done.entries += self.update(store, &graph)?;
            done.graphs += 1;
        }
        Ok(done)
    }

    /// The document graphs whose version in the store the index does not hold (changed or
    /// added since, or written by an ingest killed before the index was), and graphs the index
    /// holds that the store no longer has. Empty: index and store agree.
    pub fn check(&self, store: &Store) -> Result<Vec<String>, SearchError> {
        let searcher = self.reader.searcher();
        let mut indexed: BTreeMap<String, String> = BTreeMap::new();
        for segment in searcher.segment_readers() {
            let store_reader = segment
                .get_store_reader(64)
                .map_err(|e| self.err(e.into()))?;
            for id in 0..segment.max_doc() {
                if segment.is_deleted(id) {
                    continue;
                }
                let d: TantivyDocument = store_reader.get(id).map_err(|e| self.err(e))?;
                let text = |f| {
                    d.get_first(f)
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_owned()
                };
                indexed.insert(text(self.fields.graph), text(self.fields.version));
            }
        }
        let store_versions = versions(store)?;
        let mut out: Vec<String> = Vec::new();
        for (graph, version) in &store_versions {
            // A document with no entry (nothing to index) agrees by having none.
            match indexed.get(graph) {
                Some(v) if v == version => {}
                None if entries(
                    store,
                    &given(graph)
                        .map_err(|e| self.err(tantivy::TantivyError::InvalidArgument(e)))?,
                )?
                .is_empty() => {}
                _ => out.push(graph.clone()),
            }
        }
        out.extend(
            indexed
                .keys()
                .filter(|g| !store_versions.contains_key(*g))
                .cloned(),
        );
        Ok(out)
    }

    /// How many entries the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Answers a search.
    pub fn search(&self, r: &Request) -> Result<Answer, SearchError> {
        let f = &self.fields;
        let searcher = self.reader.searcher();
        let mut parser = QueryParser::for_index(&self.index, vec![f.text]);
        parser.set_conjunction_by_default();
        let words = parser.parse_query(&r.q).map_err(|e| SearchError::Query {
            query: r.q.clone(),
            message: e.to_string(),
        })?;
        let query = self.filtered(words.box_clone(), r);
        let limit = r.limit.clamp(1, 1000);
        let mut kinds = FacetCollector::for_field("kind_facet");
        kinds.add_facet(Facet::root());
        let mut periods = FacetCollector::for_field("period_facet");
        periods.add_facet(Facet::root());
        let mut factions = FacetCollector::for_field("faction_facet");
        factions.add_facet(Facet::root());
        let top = TopDocs::with_limit(limit)
            .and_offset(r.offset)
            .order_by_score();
        let ((top, total), (kinds, periods, factions)) = searcher
            .search(&query, &((top, Count), (kinds, periods, factions)))
            .map_err(|e| self.err(e))?;
        let snippets = tantivy::snippet::SnippetGenerator::create(&searcher, &*words, f.text)
            .map_err(|e| self.err(e))?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let d: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
            hits.push(self.hit(&d, score, &snippets));
        }
        let facet = |counts: &tantivy::collector::FacetCounts| -> Vec<(String, u64)> {
            let mut v: Vec<(String, u64)> = counts
                .get(Facet::root())
                .map(|(facet, n)| (facet.to_path().join("/"), n))
                .collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            v
        };
        Ok(Answer {
            total,
            hits,
            facets: Facets {
                kind: facet(&kinds),
                period: facet(&periods),
                faction: facet(&factions),
            },
        })
    }

    fn hit(
        &self,
        d: &TantivyDocument,
        score: f32,
        snippets: &tantivy::snippet::SnippetGenerator,
    ) -> Hit {
        let f = &self.fields;
        let text = |field| {
            d.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned()
        };
        let snippet = snippets.snippet_from_doc(d);
        let fragment = snippet.fragment();
        let mut parts = Vec::new();
        let mut at = 0;
        for range in snippet.highlighted() {
            if range.start > at {
                parts.push(Part {
                    text: fragment[at..range.start].to_owned(),
                    hit: false,
                });
            }
            parts.push(Part {
                text: fragment[range.clone()].to_owned(),
                hit: true,
            });
            at = range.end;
        }
        if at < fragment.len() {
            parts.push(Part {
                text: fragment[at..].to_owned(),
                hit: false,
            });
        }
        let date = d.get_first(f.date).and_then(|v| v.as_u64()).unwrap_or(0);
        Hit {
            id: text(f.id),
            kind: text(f.kind),
            document: text(f.document),
            label: text(f.label),
            snippet: parts.iter().map(|p| p.text.as_str()).collect(),
            parts,
            score,
            period: d.get_first(f.period).and_then(|v| v.as_u64()).unwrap_or(0),
            date: (date > 0).then(|| {
                format!(
                    "{:04}-{:02}-{:02}",
                    date / 10000,
                    date / 100 % 100,
                    date % 100
                )
            }),
        }
    }

    /// The words' query within the filters asked for.
    fn filtered(&self, words: Box<dyn Query>, r: &Request) -> BooleanQuery {
        let f = &self.fields;
        let term = |field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                TTerm::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        let mut must: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, words)];
        if let Some(k) = &r.kind {
            must.push((Occur::Must, term(f.kind, k)));
        }
        if let Some(p) = r.period {
            must.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    TTerm::from_field_u64(f.period, u64::from(p)),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if let Some(x) = &r.faction {
            must.push((Occur::Must, term(f.faction, x)));
        }
        if let Some(p) = &r.person {
            let p = if p.contains("://") {
                p.clone()
            } else {
                p.to_lowercase()
            };
            must.push((Occur::Must, term(f.person, &p)));
        }
        if let Some(d) = &r.document {
            must.push((Occur::Must, term(f.document, d)));
        }
        if r.from.is_some() || r.to.is_some() {
            use std::ops::Bound::{Included, Unbounded};
            let bound = |d: Option<u64>| {
                d.map_or(Unbounded, |d| Included(TTerm::from_field_u64(f.date, d)))
            };
            let from = r.from.or(Some(1));
            must.push((
                Occur::Must,
                Box::new(RangeQuery::new(bound(from), bound(r.to))),
            ));
        }
        BooleanQuery::new(must)
    }
}

/// What a rebuild read.
#[derive(Debug, Default, Clone, Copy)]
pub struct Rebuilt {
    pub graphs: usize,
    pub entries: usize,
}

/// Every document graph of the store with its version (source digest, converter, conversion
/// time: as `store::graph_version` writes it).
fn versions(store: &Store) -> Result<BTreeMap<String, String>, SearchError> {
    let q = format!(
        "SELECT ?g ?d ?c ?t WHERE {{ GRAPH ?g {{ ?g <{d}> ?d ; <{c}> ?c ; <{t}> ?t ; <{from}> ?doc }} }}",
        d = lt::QUELLPRUEFSUMME.as_str(),
        c = lt::KONVERTER.as_str(),
        t = prov::GENERATED_AT_TIME.as_str(),
        from = prov::WAS_DERIVED_FROM.as_str(),
    );
    let QueryResults::Solutions(rows) = landtag_store::query(store, &q, None)? else {
        return Ok(BTreeMap::new());
    };
    let value = |t: Option<&Term>| match t {
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        _ => String::new(),
    };
    let mut out = BTreeMap::new();
    for row in rows {
        let row = row.map_err(StoreError::from)?;
        let version = format!(
            "{} {} {}",
            value(row.get("d")),
            value(row.get("c")),
            value(row.get("t"))
        );
        out.insert(value(row.get("g")), version);
    }
    Ok(out)
}

/// A search as asked: words (`"a phrase"`, `-word`) and filters.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub q: String,
    pub kind: Option<String>,
    pub period: Option<u32>,
    pub faction: Option<String>,
    /// A person's IRI, or their name as printed.
    pub person: Option<String>,
    /// Days as `yyyymmdd`.
    pub from: Option<u64>,
    pub to: Option<u64>,
    pub document: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// How many hits each value of a facet has (most first).
#[derive(Debug, Clone, Serialize)]
pub struct Facets {
    pub kind: Vec<(String, u64)>,
    pub period: Vec<(String, u64)>,
    pub faction: Vec<(String, u64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub kind: String,
    pub document: String,
    pub label: String,
    /// The passage around the words found, as plain text.
    pub snippet: String,
    /// The same passage in parts, the words found marked (`hit`): for a page to highlight.
    #[serde(skip)]
    pub parts: Vec<Part>,
    pub score: f32,
    pub period: u64,
    pub date: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub text: String,
    pub hit: bool,
}
