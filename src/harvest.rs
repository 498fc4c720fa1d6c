//! `landtag-lod harvest`: the Landtag's documents fetched by number from its archive
//! (`…/dokumentenarchiv/Dokument/MMP16-139.pdf`) into a local mirror folder, politely (one
//! request at a time, a delay between requests, a descriptive User-Agent with a contact,
//! `Retry-After` honoured on 429 and 503, exponential back-off on errors), resumably (a file
//! held is asked for again only with `If-None-Match` / `If-Modified-Since`), and trusting nothing
//! (a download goes to a `.part` file renamed only when it is a whole PDF; an HTML page served
//! with 200 or a truncated body is refused and reported). `manifest.tsv` in the mirror records
//! what was fetched: number, URL, ETag, Last-Modified, size, SHA-256, time.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The archive's address of every document, by file name.
pub const ARCHIVE: &str = "https://www.landtag.nrw.de/portal/WWW/dokumentenarchiv/Dokument";

/// What kind of document a file name's prefix stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Plenarprotokoll,
    /// A sitting's record of decisions (PlBPr): `MMPB18-56.pdf`.
    Beschlussprotokoll,
    Drucksache,
    Ausschussprotokoll,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Plenarprotokoll => "MMP",
            Kind::Beschlussprotokoll => "MMPB",
            Kind::Drucksache => "MMD",
            Kind::Ausschussprotokoll => "APR",
        }
    }
}

/// Which numbers to ask for.
#[derive(Debug, Clone, Copy)]
pub enum Range {
    /// From `A` to `B`, both included.
    Between(u32, u32),
    /// After the highest number held, until `misses` numbers in a row are not there (numbers
    /// have gaps).
    New { misses: u32 },
}

#[derive(Debug, Clone)]
pub struct Options {
    pub kind: Kind,
    pub period: u32,
    pub range: Range,
    pub into: PathBuf,
    pub base_url: String,
    /// Between two requests.
    pub delay: Duration,
    /// Tries for one document (429, 503, errors) before it is given up.
    pub tries: u32,
    /// Who to contact about the harvest, in the User-Agent.
    pub contact: String,
}

#[derive(Debug, thiserror::Error)]
pub enum HarvestError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: not a manifest row ({why})")]
    Manifest {
        path: PathBuf,
        line: usize,
        why: String,
    },
}

/// One row of `manifest.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub file: String,
    pub number: u32,
    pub url: String,
    pub etag: String,
    pub last_modified: String,
    pub size: u64,
    pub sha256: String,
    pub fetched: String,
}

/// What a harvest did.
#[derive(Debug, Default)]
pub struct Report {
    pub fetched: Vec<u32>,
    pub unchanged: Vec<u32>,
    pub missing: Vec<u32>,
    /// Numbers whose answer was not kept, with why.
    pub refused: Vec<(u32, String)>,
    pub bytes: u64,
    pub requests: u32,
    /// Time spent waiting on `Retry-After` and back-off (not the polite delay).
    pub waited: Duration,
}

/// As `harvest` reports it: `3 fetched (120000 bytes), 1 unchanged, 0 missing, 0 refused; 5
/// requests, 1.0 s waited on the server`.
impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} fetched ({} bytes), {} unchanged, {} missing, {} refused; {} requests, {:.1} s \
             waited on the server",
            self.fetched.len(),
            self.bytes,
            self.unchanged.len(),
            self.missing.len(),
            self.refused.len(),
            self.requests,
            self.waited.as_secs_f64()
        )
    }
}

/// What happened to one number.
enum Outcome {
    Fetched(Entry),
    Unchanged,
    Missing,
    Refused(String),
}

const MANIFEST: &str = "manifest.tsv";
const COLUMNS: &str = "file\tnumber\turl\tetag\tlast_modified\tsize\tsha256\tfetched";

/// Harvests the range of `opts`; `progress` is told of each number's outcome.
pub fn harvest(opts: &Options, progress: &dyn Fn(&Report)) -> Result<Report, HarvestError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| HarvestError::Io { path, source }
    };
    std::fs::create_dir_all(&opts.into).map_err(io(&opts.into))?;
    let manifest_path = opts.into.join(MANIFEST);
    let mut manifest = read_manifest(&manifest_path)?;
    let agent = agent(&opts.contact);
    let mut report = Report::default();
    let (mut n, last, max_misses) = match opts.range {
        Range::Between(a, b) => (a, Some(b), u32::MAX),
        Range::New { misses } => (highest(&manifest, opts) + 1, None, misses.max(1)),
    };
    let mut misses = 0;
    while last.is_none_or(|l| n <= l) && misses < max_misses {
        if report.requests > 0 {
            std::thread::sleep(opts.delay);
        }
        match fetch(&agent, opts, n, &manifest, &mut report) {
            // A server that sends no validators answers 200 again: the same bytes are no change.
            Outcome::Fetched(e) if manifest.get(&e.file).is_some_and(|m| m.sha256 == e.sha256) => {
                misses = 0;
                report.unchanged.push(n);
            }
            Outcome::Fetched(e) => {
                misses = 0;
                report.bytes += e.size;
                report.fetched.push(n);
                manifest.insert(e.file.clone(), e);
                write_manifest(&manifest_path, &manifest)?;
            }
            Outcome::Unchanged => {
                misses = 0;
                report.unchanged.push(n);
            }
            Outcome::Missing => {
                misses += 1;
                report.missing.push(n);
            }
            Outcome::Refused(why) => {
                misses = 0;
                report.refused.push((n, why));
            }
        }
        progress(&report);
        n += 1;
    }
    Ok(report)
}

fn agent(contact: &str) -> ureq::Agent {
    let user_agent = format!(
        "landtag-lod/{} (Linked Open Data of the Landtag NRW; harvest; contact: {contact})",
        env!("CARGO_PKG_VERSION")
    );
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(300)))
        .http_status_as_error(false)
        .user_agent(user_agent)
        .build()
        .into()
}

/// The highest number of this kind and period the mirror holds.
fn highest(manifest: &BTreeMap<String, Entry>, opts: &Options) -> u32 {
    let prefix = format!("{}{}-", opts.kind.prefix(), opts.period);
    manifest
        .values()
        .filter(|e| e.file.starts_with(&prefix))
        .map(|e| e.number)
        .max()
        .unwrap_or(0)
}

/// One number: asked for (again, conditionally, where held), retried on 429, 503 and errors.
fn fetch(
    agent: &ureq::Agent,
    opts: &Options,
    n: u32,
    manifest: &BTreeMap<String, Entry>,
    report: &mut Report,
) -> Outcome {
    let file = format!("{}{}-{n}.pdf", opts.kind.prefix(), opts.period);
    let url = format!("{}/{file}", opts.base_url.trim_end_matches('/'));
    let held = manifest
        .get(&file)
        .filter(|_| opts.into.join(&file).is_file());
    let mut last_error = String::new();
    // Exponential back-off after an error; after a 429 or 503, the wait the server asked for.
    let mut back_off = false;
    for attempt in 0..opts.tries.max(1) {
        if std::mem::take(&mut back_off) {
            let wait = Duration::from_secs(1 << attempt.saturating_sub(1).min(6));
            report.waited += wait;
            std::thread::sleep(wait);
        }
        report.requests += 1;
        let mut request = agent.get(&url);
        if let Some(e) = held {
            if !e.etag.is_empty() {
                request = request.header("If-None-Match", &e.etag);
            }
            if !e.last_modified.is_empty() {
                request = request.header("If-Modified-Since", &e.last_modified);
            }
        }
        let response = match request.call() {
            Ok(r) => r,
            Err(e) => {
                last_error = e.to_string();
                back_off = true;
                continue;
            }
        };
        match response.status().as_u16() {
            200 => return keep(opts, &file, &url, n, response),
            304 => return Outcome::Unchanged,
            404 | 410 => return Outcome::Missing,
            429 | 503 => {
                let wait =
                    retry_after(&response).unwrap_or(Duration::from_secs(1 << attempt.min(6)));
                report.waited += wait;
                std::thread::sleep(wait);
                last_error = format!("HTTP {}", response.status().as_u16());
            }
            s => {
                last_error = format!("HTTP {s}");
                back_off = true;
            }
        }
    }
    Outcome::Refused(format!(
        "{url}: given up after {} tries: {last_error}",
        opts.tries.max(1)
    ))
}

fn retry_after(response: &ureq::http::Response<ureq::Body>) -> Option<Duration> {
    let secs: u64 = response
        .headers()
        .get("Retry-After")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs(secs.min(600)))
}

/// A 200 answer: kept where it is a whole PDF (to `.part`, renamed when complete).
fn keep(
    opts: &Options,
    file: &str,
    url: &str,
    n: u32,
    mut response: ureq::http::Response<ureq::Body>,
) -> Outcome {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let (etag, last_modified, length) = (
        header("ETag"),
        header("Last-Modified"),
        header("Content-Length"),
    );
    let bytes = match response
        .body_mut()
        .with_config()
        .limit(512 * 1024 * 1024)
        .read_to_vec()
    {
        Ok(b) => b,
        Err(e) => return Outcome::Refused(format!("{url}: the body broke off: {e}")),
    };
    if let Some(why) = not_a_pdf(&bytes, &length) {
        return Outcome::Refused(format!("{url}: {why}; not kept"));
    }
    let part = opts.into.join(format!("{file}.part"));
    let done = opts.into.join(file);
    if let Err(e) = std::fs::write(&part, &bytes).and_then(|_| std::fs::rename(&part, &done)) {
        let _ = std::fs::remove_file(&part);
        return Outcome::Refused(format!("{}: {e}", done.display()));
    }
    Outcome::Fetched(Entry {
        file: file.to_owned(),
        number: n,
        url: url.to_owned(),
        etag,
        last_modified,
        size: bytes.len() as u64,
        sha256: format!("{:x}", Sha256::digest(&bytes)),
        fetched: crate::pipeline::now_utc(),
    })
}

/// Why a body is no whole PDF: not `%PDF-` at its start (an HTML error page served with 200),
/// shorter than its `Content-Length`, or no `%%EOF` in its last 2 KiB (truncated).
fn not_a_pdf(bytes: &[u8], content_length: &str) -> Option<String> {
    if !bytes.starts_with(b"%PDF-") {
        let start = String::from_utf8_lossy(&bytes[..bytes.len().min(40)]).replace('\n', " ");
        return Some(format!("not a PDF (it starts `{start}`)"));
    }
    if let Ok(n) = content_length.trim().parse::<usize>() {
        if n != bytes.len() {
            return Some(format!("{} of {n} bytes announced", bytes.len()));
        }
    }
    if crate::pdf::is_truncated(bytes) {
        return Some(format!(
            "truncated: no `%%EOF` in the last 2 KiB of {} bytes",
            bytes.len()
        ));
    }
    None
}

fn read_manifest(path: &Path) -> Result<BTreeMap<String, Entry>, HarvestError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(source) => {
            return Err(HarvestError::Io {
                path: path.to_owned(),
                source,
            })
        }
    };
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let bad = |why: &str| HarvestError::Manifest {
            path: path.to_owned(),
            line: i + 1,
            why: why.to_owned(),
        };
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() != 8 {
            return Err(bad("8 tab-separated columns expected"));
        }
        let e = Entry {
            file: c[0].to_owned(),
            number: c[1].parse().map_err(|_| bad("number"))?,
            url: c[2].to_owned(),
            etag: c[3].to_owned(),
            last_modified: c[4].to_owned(),
            size: c[5].parse().map_err(|_| bad("size"))?,
            sha256: c[6].to_owned(),
            fetched: c[7].to_owned(),
        };
        out.insert(e.file.clone(), e);
    }
    Ok(out)
}

/// Written whole to a temporary file and renamed: a harvest stopped midway leaves the last
/// complete manifest.
fn write_manifest(path: &Path, manifest: &BTreeMap<String, Entry>) -> Result<(), HarvestError> {
    let mut text = format!("{COLUMNS}\n");
    for e in manifest.values() {
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            e.file, e.number, e.url, e.etag, e.last_modified, e.size, e.sha256, e.fetched
        ));
    }
    let tmp = path.with_extension("tsv.part");
    std::fs::write(&tmp, text)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|source| HarvestError::Io {
            path: path.to_owned(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_pdfs_are_kept() {
        assert!(not_a_pdf(b"<!DOCTYPE html><html>Fehler</html>", "").is_some());
        assert!(not_a_pdf(b"%PDF-1.4\n...", "")
            .unwrap()
            .starts_with("truncated"));
        assert!(not_a_pdf(b"%PDF-1.4\n...%%EOF\n", "100")
            .unwrap()
            .contains("of 100 bytes"));
        assert!(not_a_pdf(b"%PDF-1.4\n...%%EOF\n", "").is_none());
    }
}
