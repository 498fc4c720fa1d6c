//! The `landtag-lod` command: a thin layer over the library. Flags are parsed here, checked,
//! and handed to the library's rooms.

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use landtag_lod::publish::formats::{self, Format};
use landtag_lod::rdf::{iri, iri::DEFAULT_BASE, Base};
use landtag_lod::{dump, pipeline, queries, serve, store};
use oxigraph::io::RdfSerializer;
use oxigraph::sparql::QueryResults;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// mimalloc (also as the process's `malloc`, for RocksDB), counting what each query's thread
/// holds (the endpoint's memory limit per query).
#[global_allocator]
static ALLOCATOR: serve::memory::Counting = serve::memory::Counting;

/// Linked Open Data from the Landtag Nordrhein-Westfalen's protocols and printed papers.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Base IRI every minted IRI starts with (default: a placeholder in the reserved
    /// `.example` domain; set your own domain when you publish).
    #[arg(long, global = true, env = "LANDTAG_LOD_BASE", default_value = DEFAULT_BASE)]
    base: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct IngestArgs {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long)]
    store: PathBuf,
    /// Convert every file again, also those whose bytes and converter the store's graph
    /// was made from (otherwise left unread).
    #[arg(long)]
    reconvert: bool,
}

#[derive(clap::Args)]
struct QueryArgs {
    #[arg(long)]
    store: PathBuf,
    query: String,
    /// csv (SELECT's default), tsv, json (ASK's default), xml; turtle (CONSTRUCT's and
    /// DESCRIBE's default), ntriples, jsonld.
    #[arg(long, value_parser = answer_format)]
    format: Option<&'static str>,
    /// Over these graphs only: their merge is the default graph (repeatable; the
    /// protocol's `default-graph-uri`, in place of the query's FROM).
    #[arg(long = "graph", value_name = "IRI")]
    graphs: Vec<String>,
    /// The graphs GRAPH reaches (repeatable; `named-graph-uri`, in place of FROM NAMED).
    #[arg(long = "named-graph", value_name = "IRI")]
    named_graphs: Vec<String>,
    /// Over one Wahlperiode: its documents' graphs with the shared and links graphs.
    #[arg(long, conflicts_with_all = ["graphs", "named_graphs"])]
    wahlperiode: Option<u32>,
}

#[derive(Subcommand)]
enum Command {
    /// Read documents (files or folders) into the store, one named graph per document.
    Ingest(IngestArgs),
    /// Print one document's triples, without a store.
    Convert {
        file: PathBuf,
        /// turtle, ntriples, nquads or jsonld.
        #[arg(long, value_parser = document_format, default_value = "turtle")]
        format: &'static Format,
    },
    /// Run a SPARQL query: its text, @FILE, or the NAME of a query in queries/.
    Query(QueryArgs),
    /// Search the full-text index beside the store: words, "a phrase", -word; filters by kind,
    /// Wahlperiode, faction, person, dates, document.
    Search(landtag_lod::search_cmd::SearchArgs),
    /// Build the full-text index from the store (it is kept in step by `ingest` and `serve`;
    /// this makes it anew), or `--check` whether index and store agree.
    Index(landtag_lod::search_cmd::IndexArgs),
    /// Serve the SPARQL endpoint and the query page.
    Serve {
        #[arg(long)]
        store: PathBuf,
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: String,
        #[command(flatten)]
        limits: ServeLimits,
        /// The dump set served at /dumps/ and named by /catalog (default: DIR/dumps, where
        /// `dump --store DIR` writes it).
        #[arg(long)]
        dumps: Option<PathBuf>,
        /// The catalogue's publisher, contact and texts (default: the bundled data/catalog.json).
        #[arg(long)]
        profile: Option<PathBuf>,
    },
    /// Write the dump set (every Wahlperiode and the whole store as gzipped N-Quads and Turtle,
    /// the DCAT-AP.de catalogue and a manifest) into DIR/dumps, or into `--out FOLDER/`; with
    /// `--out FILE`, one file: sorted Turtle (`.ttl`) or N-Quads (`.nq`), gzipped for `.gz`.
    Dump {
        #[arg(long)]
        store: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        /// The catalogue's publisher, contact and texts (default: the bundled data/catalog.json).
        #[arg(long)]
        profile: Option<PathBuf>,
    },
    /// Load RDF files (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD) into the store,
    /// each into a graph of its own named after the file (e.g. the ontology, to serve it).
    Load {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        store: PathBuf,
    },
    /// Link persons and factions' parties to Wikidata: match the store's persons against the
    /// member list, keep every link in the review file (corrections there win), and write the
    /// links into the store's links graph. `--refresh` first updates the member list and the
    /// dated faction memberships from a SPARQL endpoint.
    Link(LinkArgs),
    /// Fetch documents by number from the Landtag's archive into a mirror folder, politely and
    /// resumably; with `--ingest`, read them into a store.
    Harvest(HarvestArgs),
    /// Send the store's graphs to another quad store through the SPARQL 1.1 Graph Store
    /// Protocol (`PUT …?graph=IRI`): only those changed since the last push to that URL;
    /// graphs gone from the store are deleted there.
    Push {
        #[arg(long)]
        store: PathBuf,
        /// The Graph Store endpoint: `http://host:7878/store` (oxigraph),
        /// `http://host:8890/sparql-graph-crud-auth` (Virtuoso).
        #[arg(long)]
        to: String,
        /// The query parameter naming the graph (default: `graph-uri` for Virtuoso's
        /// `/sparql-graph-crud…`, else `graph`).
        #[arg(long)]
        graph_param: Option<String>,
        #[arg(long)]
        user: Option<String>,
        #[arg(long, env = "LANDTAG_LOD_PUSH_PASSWORD")]
        password: Option<String>,
    },
    /// Print a document's text as read, before normalising (a PDF in reading order, a form
    /// feed between pages): to see what the parsers see, or to make variants of a document.
    Text { file: PathBuf },
    /// Measure PDF reading: pages per second as ratios against `pdftotext` in the same run.
    Bench {
        pdf: PathBuf,
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
}

/// A `query --format` name: one of the answers' formats (but the endpoint's page, `html`).
fn answer_format(name: &str) -> Result<&'static str, String> {
    let known = answer_names();
    let found = known.iter().find(|n| n.eq_ignore_ascii_case(name));
    found
        .copied()
        .ok_or_else(|| format!("one of {}", known.join(", ")))
}

fn answer_names() -> Vec<&'static str> {
    use landtag_lod::publish::formats::{names, GRAPHS, SOLUTIONS};
    let all = names(SOLUTIONS).into_iter().chain(names(GRAPHS));
    all.filter(|n| *n != "html").collect()
}

/// A `convert --format` name: one of [`formats::DOCUMENTS`].
fn document_format(name: &str) -> Result<&'static Format, String> {
    let table = landtag_lod::publish::formats::DOCUMENTS;
    landtag_lod::publish::formats::pick(table, "", Some(name)).map_err(|e| e.to_string())
}

/// An error and its causes joined as `{:#}` joins them, but for a cause whose words the message
/// already holds (`store …: no store here` over a cause saying `no store here` again).
fn said(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    serve::memory::tune();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that stopped reading (`| head`) ends the output, as for any Unix tool.
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", said(&e));
            ExitCode::FAILURE
        }
    }
}

/// `link`'s arguments.
#[derive(clap::Args)]
struct LinkArgs {
    /// The store to link; optional with `--refresh` alone.
    #[arg(long, required_unless_present = "refresh")]
    store: Option<PathBuf>,
    #[arg(long, default_value = "data/wikidata/landtag-nrw-members.tsv")]
    members: PathBuf,
    #[arg(long, default_value = "data/links.tsv")]
    review: PathBuf,
    #[arg(long)]
    refresh: bool,
    #[arg(long, default_value = "https://query.wikidata.org/sparql")]
    endpoint: String,
    #[arg(long, default_value = "data/wikidata/memberships.tsv")]
    memberships: PathBuf,
}

/// `harvest`'s arguments.
#[derive(clap::Args)]
struct HarvestArgs {
    #[arg(long, value_enum)]
    kind: landtag_lod::harvest::Kind,
    #[arg(long)]
    period: u32,
    /// First number (with --to).
    #[arg(long, requires = "to", conflicts_with = "new")]
    from: Option<u32>,
    #[arg(long, requires = "from")]
    to: Option<u32>,
    /// Continue after the highest number held until --misses numbers in a row are missing.
    #[arg(long, required_unless_present = "from")]
    new: bool,
    #[arg(long, default_value_t = 20)]
    misses: u32,
    /// The mirror folder (with its manifest.tsv).
    #[arg(long)]
    into: PathBuf,
    #[arg(long, default_value = landtag_lod::harvest::ARCHIVE)]
    base_url: String,
    /// Seconds between two requests.
    #[arg(long, default_value_t = 1.0)]
    delay: f64,
    /// Tries per document on 429, 503 and errors.
    #[arg(long, default_value_t = 5)]
    tries: u32,
    /// Who the archive's operators can contact (in the User-Agent).
    #[arg(
        long,
        env = "LANDTAG_LOD_CONTACT",
        default_value = "https://w3id.org/landtag-lod"
    )]
    contact: String,
    /// Ingest the mirror into this store afterwards.
    #[arg(long)]
    ingest: bool,
    #[arg(long, required_if_eq("ingest", "true"))]
    store: Option<PathBuf>,
}

fn run(cli: Cli) -> Result<ExitCode> {
    let base = Base::new(&cli.base)?;
    match cli.command {
        Command::Ingest(a) => ingest(&a.paths, &a.store, &base, a.reconvert),
        Command::Convert { file, format } => convert(&file, format, &base),
        Command::Query(q) => {
            let over = Over {
                graphs: q.graphs,
                named_graphs: q.named_graphs,
                wahlperiode: q.wahlperiode,
            };
            run_query(&q.store, &q.query, q.format, &over, &base)
        }
        Command::Search(a) => landtag_lod::search_cmd::search(&a),
        Command::Index(a) => landtag_lod::search_cmd::index(&a),
        Command::Serve {
            store,
            bind,
            limits,
            dumps,
            profile,
        } => serve_store(store, &bind, limits, dumps, profile.as_deref(), &base),
        Command::Load { files, store } => load(&files, &store, &base),
        Command::Link(a) => link_cmd(a, &base),
        Command::Harvest(a) => harvest_cmd(a, &base),
        Command::Push {
            store,
            to,
            graph_param,
            user,
            password,
        } => push(&store, to, graph_param, user, password),
        Command::Text { file } => {
            let src = landtag_lod::source::read(&file)?;
            std::io::stdout().write_all(src.text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { pdf, rounds } => {
            print!("{}", landtag_lod::bench::pdf(&pdf, rounds)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Dump {
            store: store_dir,
            out,
            profile,
        } => dump(&store_dir, out, profile.as_deref(), &base),
    }
}

/// `link`: first the member list from Wikidata (`--refresh`), then the store's links.
fn link_cmd(a: LinkArgs, base: &Base) -> Result<ExitCode> {
    if a.refresh {
        let r = landtag_lod::link::refresh::refresh(&a.endpoint, &a.members, &a.memberships)?;
        eprintln!("{r}");
    }
    match a.store {
        Some(dir) => link(&dir, &a.members, &a.review, base),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// `harvest`, its arguments as the library's options.
fn harvest_cmd(a: HarvestArgs, base: &Base) -> Result<ExitCode> {
    let range = match (a.from, a.to) {
        (Some(from), Some(to)) if !a.new => landtag_lod::harvest::Range::Between(from, to),
        _ => landtag_lod::harvest::Range::New { misses: a.misses },
    };
    let opts = landtag_lod::harvest::Options {
        kind: a.kind,
        period: a.period,
        range,
        into: a.into,
        base_url: a.base_url,
        delay: std::time::Duration::from_secs_f64(a.delay.max(0.0)),
        tries: a.tries,
        contact: a.contact,
    };
    harvest_and_ingest(&opts, a.store.filter(|_| a.ingest), base)
}

fn serve_store(
    store_dir: PathBuf,
    bind: &str,
    limits: ServeLimits,
    dumps: Option<PathBuf>,
    profile: Option<&Path>,
    base: &Base,
) -> Result<ExitCode> {
    let limits = limits.checked()?;
    let store = store::open(&store_dir)?;
    let profile = read_profile(profile)?;
    let publication = serve::Publication::open(&store, &store_dir, base, dumps, profile)?;
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&bind).await.with_context(|| format!("cannot listen on {bind}"))?;
        let addr = listener.local_addr()?;
        println!("landtag-lod: serving on http://{addr}/  (SPARQL endpoint: http://{addr}/sparql; Ctrl-C stops)");
        std::io::stdout().flush()?;
        eprintln!(
            "landtag-lod: `ingest --store {}` hands new documents to this server",
            store_dir.display()
        );
        serve::serve(store, &store_dir, limits, base.clone(), publication, listener).await?;
        Ok(ExitCode::SUCCESS)
    })
}

fn load(files: &[PathBuf], store: &Path, base: &Base) -> Result<ExitCode> {
    let store = store::open(store)?;
    for f in files {
        let name = f
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let graph = base.file_graph(&name);
        let n = store::load(&store, f, graph.as_ref())?;
        eprintln!("{}: {n} triples in {graph}", f.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `harvest`, then (with `--ingest`) the mirror's PDFs into the store.
fn harvest_and_ingest(
    opts: &landtag_lod::harvest::Options,
    store: Option<PathBuf>,
    base: &Base,
) -> Result<ExitCode> {
    let harvested = harvest(opts)?;
    match store {
        Some(s) if harvested == ExitCode::SUCCESS => {
            // The mirror's PDFs, not its manifest; unchanged ones are skipped by ingest.
            let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&opts.into)?
                .filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .collect();
            pdfs.sort();
            if pdfs.is_empty() {
                eprintln!("{}: no PDF to ingest", opts.into.display());
                return Ok(ExitCode::SUCCESS);
            }
            ingest(&pdfs, &s, base, false)
        }
        _ => Ok(harvested),
    }
}

fn push(
    store: &Path,
    to: String,
    graph_param: Option<String>,
    user: Option<String>,
    password: Option<String>,
) -> Result<ExitCode> {
    use landtag_lod::push;
    let target = push::Target {
        param: graph_param.unwrap_or_else(|| push::Target::default_param(&to).to_owned()),
        url: to,
        user,
        password,
    };
    let db = store::open_read_only(store)?;
    let bar = progress_bar(0);
    let pushed = push::push(&db, store, &target, &mut |g| {
        bar.inc(1);
        bar.set_message(g.to_owned());
    })?;
    bar.finish_and_clear();
    eprintln!("{}: {pushed}", target.url);
    Ok(ExitCode::SUCCESS)
}

fn dump(
    store_dir: &Path,
    out: Option<PathBuf>,
    profile: Option<&Path>,
    base: &Base,
) -> Result<ExitCode> {
    // Read-only: a running `serve` keeps the store; the dump is of what it holds now.
    let store = store::open_read_only(store_dir)?;
    let folder = match &out {
        None => Some(landtag_lod::publish::files::default_dir(store_dir)),
        Some(o) if o.is_dir() || o.to_string_lossy().ends_with('/') => Some(o.clone()),
        Some(_) => None,
    };
    match (folder, out) {
        (Some(dir), _) => {
            let listings = landtag_lod::publish::listings::Listings::for_reader(store_dir, base);
            dump_set(&store, base, &dir, profile, &listings)
        }
        (None, Some(out)) => {
            let written = dump::dump(&store, &out)?;
            eprintln!("{}: {} statements", out.display(), written.statements);
            Ok(ExitCode::SUCCESS)
        }
        (None, None) => unreachable!("no --out is the default folder"),
    }
}

fn read_profile(path: Option<&Path>) -> Result<landtag_lod::publish::catalog::Profile> {
    use landtag_lod::publish::catalog::Profile;
    Ok(match path {
        Some(p) => Profile::read(p)?,
        None => Profile::bundled(),
    })
}

/// Writes the dump set and the catalogue into `dir` and lists what it wrote.
fn dump_set(
    store: &oxigraph::store::Store,
    base: &Base,
    dir: &Path,
    profile: Option<&Path>,
    listings: &landtag_lod::publish::listings::Listings,
) -> Result<ExitCode> {
    let profile = read_profile(profile)?;
    let manifest =
        landtag_lod::publish::files::write_set(store, base, dir, profile, Some(listings))?;
    for e in &manifest.files {
        eprintln!("{}: {e}", dir.join(&e.file).display());
    }
    eprintln!(
        "{}: the DCAT-AP.de catalogue",
        dir.join(landtag_lod::publish::files::CATALOG).display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Harvests with a progress bar on a terminal; a summary on stderr; exit 1 where an answer was
/// refused.
fn harvest(opts: &landtag_lod::harvest::Options) -> Result<ExitCode> {
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::hidden()
    };
    let r = landtag_lod::harvest::harvest(opts, &|r| {
        bar.set_message(r.to_string());
        bar.tick();
    })?;
    bar.finish_and_clear();
    for (n, why) in &r.refused {
        eprintln!("refused: {n}: {why}");
    }
    eprintln!("{}: {r}", opts.into.display());
    Ok(if r.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn ingest(paths: &[PathBuf], store_dir: &Path, base: &Base, reconvert: bool) -> Result<ExitCode> {
    use landtag_lod::ingest as ing;
    let files = pipeline::collect_files(paths).context("cannot list the input")?;
    if files.is_empty() {
        bail!(
            "no files to ingest under {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let bar = progress_bar(files.len());
    let progress = |e: ing::Event<'_>, so_far: &ing::Summary| {
        report(&bar, e);
        let secs = so_far.elapsed.as_secs_f64().max(1e-3);
        bar.inc(1);
        bar.set_message(format!(
            "{:.1} documents/s, {:.0} pages/s",
            bar.position() as f64 / secs,
            so_far.pages as f64 / secs
        ));
    };
    let workers = pipeline::default_workers();
    let (target, summary) = if ing::Target::is_new(store_dir) {
        // Nothing to skip: the store is made while the first documents convert.
        let open = || ing::Target::open(store_dir, base);
        ing::ingest(
            &files,
            open,
            base,
            workers,
            &pipeline::Stored::default(),
            progress,
        )?
    } else {
        let target = ing::Target::open(store_dir, base)?;
        if let ing::Target::Server(_) = target {
            eprintln!(
                "{}: a running server holds the store; handing it the documents",
                store_dir.display()
            );
        }
        let stored = target.stored(reconvert)?;
        tracing::debug!("store opened, stored files read");
        ing::ingest(&files, || Ok(target), base, workers, &stored, progress)?
    };
    bar.finish_and_clear();
    // The store's flush and the listings' last blocks at once: the one writes what the other
    // reads from memory.
    let settled = std::time::Instant::now();
    let (flushed, refreshed) = std::thread::scope(|scope| {
        let flush = scope.spawn(|| target.flush());
        let refreshed = target.settle();
        (flush.join(), refreshed)
    });
    flushed.unwrap_or_else(|p| std::panic::resume_unwind(p))?;
    tracing::debug!("flushed");
    if let Some(r) = refreshed? {
        if r.blocks + r.whole > 0 {
            let secs = settled.elapsed().as_secs_f64();
            eprintln!("listings: {r} ({secs:.1} s)");
        }
    }
    eprintln!("{}: {summary}", store_dir.display());
    Ok(if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on a terminal, nothing otherwise.
/// One document's fate, as `ingest` tells it: its warnings, then what became of it.
fn report(bar: &indicatif::ProgressBar, e: landtag_lod::ingest::Event<'_>) {
    use landtag_lod::ingest::Event;
    match e {
        Event::Unchanged { file, document } => {
            bar.suspend(|| eprintln!("{}: {document} (unchanged)", file.display()))
        }
        Event::Stored {
            file,
            converted,
            outcome,
        } => {
            for w in &converted.warnings {
                bar.suspend(|| eprintln!("warning: {}:{}: {}", file.display(), w.line, w.message));
            }
            if let store::Outcome::Replaced(_, Some(other)) = &outcome {
                bar.suspend(|| {
                    eprintln!(
                        "warning: {}: replaces what {other} gave for the same document \
                         (one graph per document: ingest its whole protocol instead)",
                        file.display()
                    )
                });
            }
            let doc = &converted.mapped.document;
            bar.suspend(|| eprintln!("{}: {doc} ({outcome})", file.display()));
        }
        Event::Failed { error, .. } => bar.suspend(|| eprintln!("error: {}", said(&error))),
    }
}

fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} documents  {msg}  {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

fn convert(file: &Path, format: &Format, base: &Base) -> Result<ExitCode> {
    let c = pipeline::convert(file, base, &pipeline::now_utc())?;
    for w in &c.warnings {
        eprintln!("warning: {}:{}: {}", file.display(), w.line, w.message);
    }
    let formats::Writes::Rdf(syntax) = format.writes else {
        bail!("{} is no RDF syntax", format.name);
    };
    let rdf_format = syntax.format();
    let mut serializer = RdfSerializer::from_format(rdf_format);
    if syntax == formats::RdfSyntax::Turtle {
        for (prefix, ns) in landtag_lod::rdf::vocab::PREFIXES {
            serializer = serializer.with_prefix(*prefix, *ns)?;
        }
    }
    let stdout = std::io::stdout().lock();
    let mut w = serializer.for_writer(std::io::BufWriter::new(stdout));
    let mut quads: Vec<oxigraph::model::Quad> = c.mapped.all_quads().collect();
    quads.sort_unstable_by(landtag_lod::rdf::map::quad_order);
    for q in quads {
        if rdf_format.supports_datasets() {
            w.serialize_quad(&q)?;
        } else {
            w.serialize_triple(q.as_ref())?;
        }
    }
    w.finish()?.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The graphs `query` was told to run over.
struct Over {
    graphs: Vec<String>,
    named_graphs: Vec<String>,
    wahlperiode: Option<u32>,
}

impl Over {
    fn graphs(&self, store: &oxigraph::store::Store, base: &Base) -> Result<store::Graphs> {
        if let Some(wp) = self.wahlperiode {
            let facts = landtag_lod::publish::Facts::read(store)?;
            if facts.period_graphs(wp, base).is_none() {
                bail!("the store holds no document of Wahlperiode {wp}");
            }
            let period = vec![base.period_graph(wp)];
            return Ok(store::Graphs {
                default: period.clone(),
                named: period,
            });
        }
        let iris = |list: &[String]| -> Result<Vec<oxigraph::model::NamedNode>> {
            list.iter()
                .map(|i| iri::given(i).map_err(|e| anyhow::anyhow!("`{i}` is no IRI: {e}")))
                .collect()
        };
        Ok(store::Graphs {
            default: iris(&self.graphs)?,
            named: iris(&self.named_graphs)?,
        })
    }
}

fn run_query(
    store_dir: &Path,
    query: &str,
    format: Option<&str>,
    over: &Over,
    base: &Base,
) -> Result<ExitCode> {
    let text = if let Some(file) = query.strip_prefix('@') {
        std::fs::read_to_string(file)
            .with_context(|| format!("cannot read the query file {file}"))?
    } else if let Some(named) = queries::named(query) {
        named.to_owned()
    } else if query
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        let names: Vec<&str> = queries::NAMED.iter().map(|(n, _)| *n).collect();
        bail!(
            "no named query `{query}`; the named queries are: {}",
            names.join(", ")
        );
    } else {
        query.to_owned()
    };
    let store = store::open_read_only(store_dir)?;
    let graphs = over.graphs(&store, base)?;
    let views = landtag_lod::publish::facts::PeriodViews::new(base);
    let over = store::Dataset {
        graphs: &graphs,
        views: &views,
    };
    // A named query over the whole store answers from its listing (same rows, same order).
    let listings = landtag_lod::publish::listings::Listings::for_reader(store_dir, base);
    let results = match listings.answer(&store, &text, &graphs) {
        Ok(Some(rows)) => QueryResults::Solutions(rows),
        Ok(None) => store::query_over(&store, &text, &over, None)?,
        Err(e) => {
            eprintln!("landtag-lod: the listing could not answer ({e}); the engine does");
            store::query_over(&store, &text, &over, None)?
        }
    };
    let format = answer_format_for(&results, format)?;
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    landtag_lod::results::write(results, format, out)?.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The format `query` writes an answer in: `--format`, else csv for solutions and the
/// table's first for the others (json for a boolean, turtle for a graph).
fn answer_format_for(results: &QueryResults, name: Option<&str>) -> Result<&'static Format> {
    let default = matches!(results, QueryResults::Solutions(_)).then_some("csv");
    formats::pick(formats::for_answer(results), "", name.or(default)).map_err(|_| {
        let kind = match results {
            QueryResults::Graph(_) => "a CONSTRUCT or DESCRIBE query's answer",
            _ => "a SELECT or ASK query's answer",
        };
        let mut known = formats::names(formats::for_answer(results));
        known.retain(|n| *n != "html");
        anyhow::anyhow!("{kind} is written as {}", known.join(", "))
    })
}

fn link(
    store_dir: &Path,
    members_path: &Path,
    review_path: &Path,
    base: &Base,
) -> Result<ExitCode> {
    let landtag_lod::links::Linked {
        report,
        parties,
        outcome,
    } = landtag_lod::links::link_store(store_dir, members_path, review_path, base)?;
    eprintln!("persons: {report}; parties: {parties}");
    for (p, candidates) in &report.ambiguous {
        let c: Vec<String> = candidates.iter().map(|(q, l)| format!("{q} {l}")).collect();
        eprintln!("ambiguous: {} ({}): {}", p.name, p.id, c.join(", "));
    }
    if !report.not_in_list.is_empty() {
        let names: Vec<&str> = report.not_in_list.iter().map(|p| p.name.as_str()).collect();
        eprintln!("not in the list: {}", names.join(", "));
    }
    eprintln!(
        "{}: {outcome:?}; review file {}",
        store_dir.display(),
        review_path.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The endpoint's limits (see `serve::Limits`).
#[derive(clap::Args, Debug)]
struct ServeLimits {
    /// Seconds a query may take, waiting included, before it is stopped.
    #[arg(long, default_value_t = 30.0)]
    timeout: f64,
    /// Workers of the fast lane: queries evaluated at once.
    #[arg(long, default_value_t = 4)]
    max_concurrent: usize,
    /// Workers of the slow lane, for queries past their CPU budget (they run at a lower
    /// priority; more expensive queries than this are turned away with 503).
    #[arg(long, default_value_t = 1)]
    slow_lane: usize,
    /// CPU seconds after which a query leaves the fast lane.
    #[arg(long, default_value_t = 1.0)]
    fast_budget: f64,
    /// Resident memory (MiB) past which expensive queries are stopped.
    #[arg(long, default_value_t = 512)]
    max_memory_mb: u64,
    /// Memory (MiB) one query may hold before it is stopped.
    #[arg(long, default_value_t = 128)]
    max_query_memory_mb: u64,
    /// The largest answer of a query (MiB).
    #[arg(long, default_value_t = 256)]
    max_result_mb: usize,
    /// Connections at once (more wait to be accepted).
    #[arg(long, default_value_t = 1024)]
    max_connections: usize,
    /// Seconds a client may take to send a request's header (and idle between requests).
    #[arg(long, default_value_t = 10.0)]
    header_timeout: f64,
    /// Seconds a client may take to send a request's body.
    #[arg(long, default_value_t = 10.0)]
    body_timeout: f64,
}

impl ServeLimits {
    fn checked(&self) -> anyhow::Result<serve::Limits> {
        let secs = |name: &str, v: f64| {
            if v > 0.0 && v.is_finite() && v < 1e9 {
                Ok(std::time::Duration::from_secs_f64(v))
            } else {
                Err(anyhow::anyhow!(
                    "--{name} must be a positive number of seconds"
                ))
            }
        };
        if self.max_concurrent == 0 || self.slow_lane == 0 || self.max_connections == 0 {
            bail!("--max-concurrent, --slow-lane and --max-connections must be at least 1");
        }
        Ok(serve::Limits {
            timeout: secs("timeout", self.timeout)?,
            max_concurrent: self.max_concurrent,
            slow_lane: self.slow_lane,
            fast_budget: secs("fast-budget", self.fast_budget)?,
            max_memory: self.max_memory_mb << 20,
            max_query_memory: self.max_query_memory_mb << 20,
            max_result: self.max_result_mb << 20,
            connections: serve::conn::ConnLimits {
                max_connections: self.max_connections,
                header_timeout: secs("header-timeout", self.header_timeout)?,
                body_timeout: secs("body-timeout", self.body_timeout)?,
            },
        })
    }
}
