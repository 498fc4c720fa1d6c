//! `search` and `index`: the full-text index beside the store from the command line.

use crate::search::{Request, SearchIndex};
use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct SearchArgs {
    #[arg(long)]
    pub store: PathBuf,
    /// Words (all must be found; inflected forms count), "a phrase", -word.
    pub query: String,
    /// speech, interjection, agenda-item or paper.
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub wahlperiode: Option<u32>,
    /// A faction's short label (CDU, SPD, GRÜNE …).
    #[arg(long)]
    pub faction: Option<String>,
    /// A person's IRI, or their name as printed.
    #[arg(long)]
    pub person: Option<String>,
    /// From this day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// To this day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Within one document (its IRI).
    #[arg(long)]
    pub document: Option<String>,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// The answer as JSON (`{"total", "hits": […]}`, as `GET /search` gives it).
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct IndexArgs {
    #[arg(long)]
    pub store: PathBuf,
    /// Only say whether index and store agree (exit 1 if not).
    #[arg(long)]
    pub check: bool,
}

/// `YYYY-MM-DD` → `yyyymmdd`, as the index compares days.
pub fn day(s: &str) -> Result<u64> {
    crate::search::day(s).with_context(|| format!("`{s}` is no day (YYYY-MM-DD)"))
}

impl SearchArgs {
    fn request(&self) -> Result<Request> {
        Ok(Request {
            q: self.query.clone(),
            kind: self.kind.clone(),
            period: self.wahlperiode,
            faction: self.faction.clone(),
            person: self.person.clone(),
            from: self.from.as_deref().map(day).transpose()?,
            to: self.to.as_deref().map(day).transpose()?,
            document: self.document.clone(),
            limit: self.limit,
            offset: self.offset,
        })
    }
}

pub fn search(a: &SearchArgs) -> Result<ExitCode> {
    if let Some(k) = &a.kind {
        if crate::search::Kind::parse(k).is_none() {
            bail!("--kind {k}: one of speech, interjection, agenda-item, paper");
        }
    }
    let index = SearchIndex::open(&a.store, false)?;
    let answer = index.search(&a.request()?)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&answer)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} hits", answer.total);
    for h in &answer.hits {
        println!("{:.2}  {}  {}", h.score, h.kind, h.label);
        println!(
            "      {}",
            h.snippet.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        println!("      {}", h.id);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn index(a: &IndexArgs) -> Result<ExitCode> {
    let store = crate::store::open_read_only(&a.store)?;
    if a.check {
        let index = SearchIndex::open(&a.store, false)?;
        let out = index.check(&store)?;
        if out.is_empty() {
            eprintln!(
                "the search index agrees with the store ({} entries)",
                index.len()
            );
            return Ok(ExitCode::SUCCESS);
        }
        for g in &out {
            eprintln!("out of step: {g}");
        }
        eprintln!(
            "{} graphs out of step: run `landtag-lod index --store {}`",
            out.len(),
            a.store.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    let index = SearchIndex::open(&a.store, true)
        .context("the index is written by one process at a time (is a `serve` holding it?)")?;
    let built = index.rebuild(&store)?;
    eprintln!(
        "search index: {} entries of {} documents",
        built.entries, built.graphs
    );
    Ok(ExitCode::SUCCESS)
}
