//! One document through the rooms: source → normalise → parse → map. Used by `ingest` and
//! `convert`; it decides what is fatal: an unreadable source, a parse error, or a document
//! that cannot be identified.

use crate::parse::{self, Diagnostic, Severity};
use crate::rdf::{map, Base, Provenance};
use crate::{model::Document, normalize, source};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    #[error(transparent)]
    Source(#[from] source::SourceError),
    #[error("{path}:{line}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// A converted document: the model, its quads, and the warnings met on the way.
pub struct Converted {
    pub document: Document,
    pub mapped: map::Mapped,
    pub warnings: Vec<Diagnostic>,
}

/// Converts one file. `converted_at` is an `xsd:dateTime`.
pub fn convert(path: &Path, base: &Base, converted_at: &str) -> Result<Converted, ConvertError> {
    let src = source::read(path)?;
    let normalized = normalize::normalize(&src.text);
    let parsed = parse::parse(&normalized);
    if let Some(e) = parsed.errors().next() {
        return Err(ConvertError::Parse {
            path: path.to_owned(),
            line: e.line,
            message: e.message.clone(),
        });
    }
    let mut document = parsed.document.ok_or_else(|| ConvertError::Parse {
        path: path.to_owned(),
        line: 1,
        message: "not a recognised document".into(),
    })?;
    let doubts = crate::resolve::resolve(&mut document);
    let provenance = Provenance {
        source: path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        digest: src.digest.clone(),
        converted_at: converted_at.to_owned(),
    };
    let mapped =
        map::map_document(&document, base, &provenance).map_err(|e| ConvertError::Parse {
            path: path.to_owned(),
            line: 1,
            message: e.to_string(),
        })?;
    let warnings = parsed
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Warning)
        .chain(doubts.into_iter().map(|message| Diagnostic {
            severity: Severity::Warning,
            line: 0,
            message,
        }))
        .collect();
    Ok(Converted {
        document,
        mapped,
        warnings,
    })
}

/// The files under `paths` (folders are walked, sorted; hidden files skipped).
pub fn collect_files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            while let Some(dir) = stack.pop() {
                let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)?
                    .map(|e| e.map(|e| e.path()))
                    .collect::<Result<_, _>>()?;
                entries.sort();
                for e in entries {
                    let hidden = e
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'));
                    if hidden {
                        continue;
                    }
                    if e.is_dir() {
                        stack.push(e);
                    } else {
                        out.push(e);
                    }
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Now, as an `xsd:dateTime` in UTC.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Converts `files` on `workers` threads and hands each result to `done` on the calling thread,
/// in order of completion. At most `workers` results wait for `done` (a bounded queue), so
/// memory stays flat however many files there are; `pdftotext` runs side by side, one per
/// worker. `meanwhile` runs on the calling thread while the first files convert, and says
/// whether to go on (false: no further file is begun; those under way still reach `done`);
/// `idle`, once every file is under way, whenever the calling thread would wait after a `done`
/// (the last conversions leave a core free for it).
pub fn convert_all(
    files: &[PathBuf],
    base: &Base,
    converted_at: &str,
    workers: usize,
    stored: &Stored,
    (meanwhile, mut idle): (impl FnOnce() -> bool, impl FnMut()),
    mut done: impl FnMut(&Path, Done),
) {
    let workers = workers.clamp(1, files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::sync_channel(workers);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(file) = files.get(i) else { break };
                let result = match stored.unchanged(file) {
                    Some(document) => Done::Unchanged(document),
                    None => Done::Converted(Box::new(convert(file, base, converted_at))),
                };
                if tx.send((i, result)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        if !meanwhile() {
            next.store(files.len(), std::sync::atomic::Ordering::Relaxed);
        }
        let mut since_idle = false;
        loop {
            let all_started = next.load(std::sync::atomic::Ordering::Relaxed) >= files.len();
            let (i, result) = match rx.try_recv() {
                Ok(got) => got,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => break,
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    if since_idle && all_started {
                        idle();
                    }
                    match rx.recv() {
                        Ok(got) => got,
                        Err(_) => break,
                    }
                }
            };
            done(&files[i], result);
            since_idle = true;
        }
    });
}

/// What became of one file in `convert_all`.
pub enum Done {
    Converted(Box<Result<Converted, ConvertError>>),
    /// Its bytes and the converter are those its stored graph was made from: not read again.
    Unchanged(oxigraph::model::NamedNode),
}

/// The digests of the source files the store's graphs were made from by this converter, with
/// their documents (`store::sources`); empty where nothing may be skipped (`--reconvert`, a
/// store held by a running server).
#[derive(Default)]
pub struct Stored(std::collections::HashMap<String, oxigraph::model::NamedNode>);

impl Stored {
    pub fn of(store: &oxigraph::store::Store) -> Result<Self, crate::store::StoreError> {
        let sources = crate::store::sources(store, crate::rdf::CONVERTER)?;
        Ok(Self(sources.into_values().collect()))
    }

    /// The document the store holds as made from these very bytes by this converter, under
    /// this file's name or another (a mirror's renamed copy is the same source): one read and
    /// one hash, no conversion.
    pub fn unchanged(&self, file: &Path) -> Option<oxigraph::model::NamedNode> {
        if self.0.is_empty() {
            return None;
        }
        let bytes = std::fs::read(file).ok()?;
        let digest = format!("sha256:{}", crate::source::hex_sha256(&bytes));
        self.0.get(&digest).cloned()
    }
}

/// Worker threads for `convert_all`: one per core.
pub fn default_workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
