//! The change log: every named graph added, replaced or removed, in order, with the time it
//! was written, kept in `DIR/changes.jsonl` beside the store it records (one JSON object a line,
//! appended, never rewritten); `landtag_publish::changes` publishes it as a feed.
//!
//! The writer records each graph as it writes it (`write`, `record`). A process killed between
//! the store's commit and the line's append would lose the line, so whoever opens the store for
//! writing first reconciles the log with the store (`reconcile`): graphs whose version differs
//! from the log's last word on them are recorded then. The shared graph is left out: it changes
//! only with the document graphs that support it.

use crate::{self as store, StoreError};
use oxigraph::model::{NamedNode, NamedOrBlankNode};
use oxigraph::store::Store;
use oxsdatatypes::DateTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Mutex;

/// The log's file name in the store's folder.
pub const FILE: &str = "changes.jsonl";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Replaced,
    Removed,
}

/// One change of one graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// 1, 2, 3 … in the order of writing.
    pub seq: u64,
    /// When it was written (`xsd:dateTime`, UTC, strictly increasing along the log).
    pub time: String,
    pub kind: Kind,
    pub graph: String,
    /// The document the graph is about, for a document graph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The graph's version after the change (`store::graph_version`); empty when removed.
    #[serde(default)]
    pub version: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}, line {line}: {message}")]
    Corrupt {
        path: String,
        line: usize,
        message: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The log of one store. One writer at a time (RocksDB lets one process write the store; in
/// `serve` the log's lock orders the writers).
#[derive(Debug)]
pub struct Log {
    path: PathBuf,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    last_seq: u64,
    last_time: Option<DateTime>,
    /// graph → its latest version (absent or empty: removed).
    versions: BTreeMap<String, String>,
}

impl Log {
    /// Opens the log of the store in `store_dir` (an empty one if there is none yet).
    pub fn open(store_dir: &Path) -> Result<Self, ChangeError> {
        let path = store_dir.join(FILE);
        repair(&path)?;
        let mut state = State::default();
        for c in read(&path)? {
            state.last_seq = c.seq;
            state.last_time = DateTime::from_str(&c.time).ok();
            state.versions.insert(c.graph.clone(), c.version.clone());
        }
        Ok(Self {
            path,
            state: Mutex::new(state),
        })
    }

    /// The number of the last change: a version of the whole store, for caches.
    pub fn last_seq(&self) -> u64 {
        self.state.lock().map_or(0, |s| s.last_seq)
    }

    /// Records that `graph` now has `version` (or is gone: `None`), if the log does not say so
    /// already.
    pub fn record(
        &self,
        graph: &str,
        document: Option<&str>,
        version: Option<String>,
    ) -> Result<Option<Change>, ChangeError> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let before = state.versions.get(graph).filter(|v| !v.is_empty());
        let kind = match (before, &version) {
            (None, None) => return Ok(None),
            (Some(b), Some(v)) if b == v => return Ok(None),
            (None, Some(_)) => Kind::Added,
            (Some(_), Some(_)) => Kind::Replaced,
            (Some(_), None) => Kind::Removed,
        };
        let time = next_time(state.last_time);
        let change = Change {
            seq: state.last_seq + 1,
            time: time.to_string(),
            kind,
            graph: graph.to_owned(),
            document: document.map(str::to_owned),
            version: version.unwrap_or_default(),
        };
        self.append(&change)?;
        state.last_seq = change.seq;
        state.last_time = Some(time);
        state
            .versions
            .insert(change.graph.clone(), change.version.clone());
        Ok(Some(change))
    }

    fn append(&self, change: &Change) -> Result<(), ChangeError> {
        let io = |source| ChangeError::Io {
            path: self.path.display().to_string(),
            source,
        };
        let mut line = serde_json::to_vec(change).expect("a change serialises");
        line.push(b'\n');
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map_err(io)?;
        f.write_all(&line).map_err(io)?;
        f.sync_data().map_err(io)
    }

    /// Brings the log in line with the store: records every graph whose version the log does
    /// not have, and every graph the log knows that the store no longer holds.
    pub fn reconcile(&self, store: &Store, shared: &NamedNode) -> Result<Vec<Change>, ChangeError> {
        let mut changes = Vec::new();
        let mut present = std::collections::HashSet::new();
        for g in store.named_graphs() {
            let NamedOrBlankNode::NamedNode(g) = g.map_err(StoreError::from)? else {
                continue;
            };
            if &g == shared {
                continue;
            }
            let version = store::graph_version(store, &g)?;
            let document = store::graph_document(store, &g)?;
            present.insert(g.as_str().to_owned());
            let document = document.as_ref().map(NamedNode::as_str);
            changes.extend(self.record(g.as_str(), document, Some(version))?);
        }
        let known: Vec<String> = {
            let state = self.state.lock().unwrap_or_else(|p| p.into_inner());
            state
                .versions
                .iter()
                .filter(|(g, v)| !v.is_empty() && !present.contains(*g))
                .map(|(g, _)| g.clone())
                .collect()
        };
        for g in known {
            changes.extend(self.record(&g, None, None)?);
        }
        Ok(changes)
    }

    /// The changes written after `since` (all where `None`), at most `limit`, oldest first.
    pub fn since(&self, since: Option<DateTime>, limit: usize) -> Result<Vec<Change>, ChangeError> {
        let _guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        Ok(read(&self.path)?
            .into_iter()
            .filter(|c| match (since, DateTime::from_str(&c.time)) {
                (None, _) => true,
                (Some(s), Ok(t)) => t > s,
                (Some(_), Err(_)) => false,
            })
            .take(limit)
            .collect())
    }
}

/// Now to the microsecond (what common tools keep of a time: rdflib, Python's datetime), or
/// just after `last` where the clock has not moved past it: times strictly increase.
fn next_time(last: Option<DateTime>) -> DateTime {
    let now = DateTime::now().to_string();
    let now = match now.split_once('.') {
        Some((whole, fraction)) => {
            let digits: String = fraction
                .chars()
                .take_while(char::is_ascii_digit)
                .take(6)
                .collect();
            format!("{whole}.{digits}Z")
        }
        None => now,
    };
    let now = DateTime::from_str(&now).unwrap_or_else(|_| DateTime::now());
    match last {
        Some(l) if now <= l => {
            let tick = oxsdatatypes::DayTimeDuration::from_str("PT0.000001S").expect("a duration");
            l.checked_add_day_time_duration(tick).unwrap_or(now)
        }
        _ => now,
    }
}

/// Cuts a line left half-written by a crash during its append, so that the next append starts
/// on a line of its own.
fn repair(path: &Path) -> Result<(), ChangeError> {
    let io = |source| ChangeError::Io {
        path: path.display().to_string(),
        source,
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(e)),
    };
    if bytes.is_empty() || bytes.ends_with(b"\n") {
        return Ok(());
    }
    let keep = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(io)?;
    f.set_len(keep as u64).map_err(io)?;
    f.sync_data().map_err(io)
}

fn read(path: &Path) -> Result<Vec<Change>, ChangeError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(ChangeError::Io {
                path: path.display().to_string(),
                source,
            })
        }
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        // A line cut short by a crash during its append is the last one; it is not a change.
        match serde_json::from_str(line) {
            Ok(c) => out.push(c),
            Err(_) if i + 1 == text.lines().count() && !text.ends_with('\n') => break,
            Err(e) => {
                return Err(ChangeError::Corrupt {
                    path: path.display().to_string(),
                    line: i + 1,
                    message: e.to_string(),
                })
            }
        }
    }
    Ok(out)
}

/// Writes a document's graph (`store::replace`) and records the change in `log`.
pub fn write(
    store: &Store,
    log: &Log,
    mapped: &landtag_rdf::map::Mapped,
) -> Result<store::Outcome, ChangeError> {
    let outcome = store::replace(store, mapped)?;
    if outcome != store::Outcome::Unchanged {
        let version = store::graph_version(store, &mapped.graph)?;
        log.record(
            mapped.graph.as_str(),
            Some(mapped.document.as_str()),
            Some(version),
        )?;
    }
    Ok(outcome)
}
