//! Publishing while the endpoint runs. RocksDB lets one process open a store for writing, and a
//! running `serve` holds it; so `serve` also listens on a Unix socket in the store's folder
//! (`ingest.sock`), and `ingest` hands it each converted document there. The server writes it
//! with the same `store::replace` (one transaction: a query sees all of the document or none
//! of it) and answers with the outcome.
//!
//! A Unix socket, not a TCP port: only processes on this machine whose user may write in the
//! store's folder can reach it; nothing on the network can write. The protocol is HTTP/1.1 (one
//! request a connection), so `curl --unix-socket` talks to it too: `PUT /graph` with the
//! document's N-Quads (its graph and its claims in the shared graph).

use landtag_rdf::map::Mapped;
use landtag_store::Outcome;
use oxigraph::io::{RdfFormat, RdfSerializer};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The socket a running `serve` listens on for the store in `store_dir`.
pub fn socket_path(store_dir: &Path) -> PathBuf {
    store_dir.join("ingest.sock")
}

#[derive(Debug, thiserror::Error)]
pub enum HandoffError {
    #[error("the running server at {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the running server refused the document: {0}")]
    Refused(String),
}

/// Whether a server listens for the store in `store_dir` (a stale socket file is no server).
pub fn server_listening(store_dir: &Path) -> bool {
    std::os::unix::net::UnixStream::connect(socket_path(store_dir)).is_ok()
}

/// The document's quads in N-Quads, as the server reads them.
pub fn encode(mapped: &Mapped) -> Vec<u8> {
    let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in mapped.all_quads() {
        w.serialize_quad(&q).expect("writing to memory");
    }
    w.finish().expect("writing to memory")
}

/// Hands one converted document to the server listening for `store_dir`.
pub fn send(store_dir: &Path, mapped: &Mapped) -> Result<Outcome, HandoffError> {
    let path = socket_path(store_dir);
    let io = |source| HandoffError::Io {
        path: path.display().to_string(),
        source,
    };
    let body = encode(mapped);
    let mut stream = std::os::unix::net::UnixStream::connect(&path).map_err(io)?;
    let head = format!(
        "PUT /graph HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/n-quads\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).map_err(io)?;
    stream.write_all(&body).map_err(io)?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply).map_err(io)?;
    let (head, text) = reply.split_once("\r\n\r\n").unwrap_or((&reply, ""));
    let ok = head.starts_with("HTTP/1.1 200");
    let text = text.trim();
    if !ok {
        return Err(HandoffError::Refused(text.to_owned()));
    }
    parse_outcome(text).ok_or_else(|| HandoffError::Refused(format!("unexpected answer: {text}")))
}

/// The server's answer: `added N`, `replaced N` (and on a line of its own the other file the
/// old graph was read from) or `unchanged`.
pub fn outcome_text(o: &Outcome) -> String {
    match o {
        Outcome::Added(n) => format!("added {n}"),
        Outcome::Replaced(n, None) => format!("replaced {n}"),
        Outcome::Replaced(n, Some(file)) => format!("replaced {n}\n{file}"),
        Outcome::Unchanged => "unchanged".into(),
    }
}

fn parse_outcome(text: &str) -> Option<Outcome> {
    let (first, other) = text.split_once('\n').unwrap_or((text, ""));
    let (word, n) = first.split_once(' ').unwrap_or((first, ""));
    let other = Some(other.trim())
        .filter(|o| !o.is_empty())
        .map(str::to_owned);
    match word {
        "added" => n.parse().ok().map(Outcome::Added),
        "replaced" => n.parse().ok().map(|n| Outcome::Replaced(n, other)),
        "unchanged" => Some(Outcome::Unchanged),
        _ => None,
    }
}
