//! `push`: the store's graphs to another quad store through the SPARQL 1.1 Graph Store HTTP
//! Protocol. `PUT {endpoint}?graph=IRI` replaces a graph there (Virtuoso names the parameter
//! `graph-uri`), `DELETE` removes one. Only what changed since the last successful push to that
//! endpoint is sent: the push record (`push/{endpoint slug}.tsv` in the store's folder, a graph
//! and its version a line) is rewritten after every graph, so a push that fails resumes where
//! it stopped, and a graph that failed is sent again.
//!
//! A document graph's version is its source digest, converter and conversion time; another
//! graph's (the shared graph, the links) is a hash of its sorted content.

use crate::words::collapse;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode};
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where and how to push.
pub struct Target {
    /// The Graph Store endpoint (`http://host/store`, `…/sparql-graph-crud-auth`).
    pub url: String,
    /// The query parameter naming the graph.
    pub param: String,
    pub user: Option<String>,
    pub password: Option<String>,
}

impl Target {
    /// `graph-uri` for Virtuoso's endpoints (`/sparql-graph-crud[-auth]`), else `graph`.
    pub fn default_param(url: &str) -> &'static str {
        if url.contains("sparql-graph-crud") {
            "graph-uri"
        } else {
            "graph"
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error("{url}: {message}")]
    Http { url: String, message: String },
    #[error("push record {path}: {source}")]
    Record {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Storage(#[from] oxigraph::store::StorageError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// What a push did.
#[derive(Debug, Default, Clone)]
pub struct Pushed {
    pub sent: Vec<String>,
    pub deleted: Vec<String>,
    pub unchanged: usize,
    pub triples: usize,
}

/// As `push` reports it: `3 graphs sent (1200 triples), 1 deleted, 40 unchanged`.
impl std::fmt::Display for Pushed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} graphs sent ({} triples), {} deleted, {} unchanged",
            self.sent.len(),
            self.triples,
            self.deleted.len(),
            self.unchanged
        )
    }
}

/// The push record for `url` of the store in `store_dir`.
pub fn record_path(store_dir: &Path, url: &str) -> PathBuf {
    let slug: String = url
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    store_dir.join("push").join(format!("{slug}.tsv"))
}

/// Pushes what changed; `progress` hears of each graph sent or deleted.
pub fn push(
    store: &Store,
    store_dir: &Path,
    target: &Target,
    progress: &mut dyn FnMut(&str),
) -> Result<Pushed, PushError> {
    let path = record_path(store_dir, &target.url);
    let mut record = read_record(&path)?;
    let mut pushed = Pushed::default();
    let agent = agent();
    if target.user.is_some() {
        check_credentials(&agent, target)?;
    }
    let graphs: Vec<NamedNode> = store
        .named_graphs()
        .filter_map(|g| match g {
            Ok(NamedOrBlankNode::NamedNode(n)) => Some(Ok(n)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_, _>>()?;
    for graph in &graphs {
        let version = crate::store::graph_version(store, graph)?;
        if record.get(graph.as_str()) == Some(&version) {
            pushed.unchanged += 1;
            continue;
        }
        let (body, n) = ntriples(store, graph)?;
        send(&agent, target, graph.as_str(), "PUT", body)?;
        record.insert(graph.as_str().to_owned(), version);
        write_record(&path, &record)?;
        pushed.sent.push(graph.as_str().to_owned());
        pushed.triples += n;
        progress(graph.as_str());
    }
    let gone: Vec<String> = record
        .keys()
        .filter(|g| !graphs.iter().any(|n| n.as_str() == *g))
        .cloned()
        .collect();
    for g in gone {
        send(&agent, target, &g, "DELETE", Vec::new())?;
        record.remove(&g);
        write_record(&path, &record)?;
        progress(&g);
        pushed.deleted.push(g);
    }
    Ok(pushed)
}

/// The graph as N-Triples (a subset of Turtle, which every Graph Store takes).
fn ntriples(store: &Store, graph: &NamedNode) -> Result<(Vec<u8>, usize), PushError> {
    let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    let mut n = 0;
    for q in store.quads_for_pattern(
        None,
        None,
        None,
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    ) {
        w.serialize_triple(q?.as_ref()).expect("writing to memory");
        n += 1;
    }
    Ok((w.finish().expect("writing to memory"), n))
}

fn read_record(path: &Path) -> Result<BTreeMap<String, String>, PushError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(g, v)| (g.to_owned(), v.to_owned()))
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
        Err(source) => Err(PushError::Record {
            path: path.display().to_string(),
            source,
        }),
    }
}

fn write_record(path: &Path, record: &BTreeMap<String, String>) -> Result<(), PushError> {
    let err = |source| PushError::Record {
        path: path.display().to_string(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let tmp = path.with_extension("tsv.part");
    let text: String = record.iter().map(|(g, v)| format!("{g}\t{v}\n")).collect();
    std::fs::write(&tmp, text).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(err)
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(600)))
        .user_agent(concat!(
            "landtag-lod/",
            env!("CARGO_PKG_VERSION"),
            " (push)"
        ))
        .build()
        .into()
}

/// One request, with basic or digest authentication as the server asks; up to 3 tries on
/// network errors and 5xx.
fn send(
    agent: &ureq::Agent,
    target: &Target,
    graph: &str,
    method: &str,
    body: Vec<u8>,
) -> Result<(), PushError> {
    let url = graph_url(target, graph);
    let fail = |message: String| PushError::Http {
        url: target.url.clone(),
        message: format!("graph {graph}: {message}"),
    };
    let mut last = String::new();
    for attempt in 0..3 {
        if attempt > 0 {
            std::thread::sleep(std::time::Duration::from_millis(500 << attempt));
        }
        match request(agent, target, &url, method, &body) {
            Ok((status, _)) if (200..300).contains(&status) => return Ok(()),
            // Deleting what is not there is done.
            Ok((404, _)) if method == "DELETE" => return Ok(()),
            Ok((status, text)) if status >= 500 => {
                last = format!("HTTP {status}: {}", snippet(&text))
            }
            Ok((status, text)) => return Err(fail(format!("HTTP {status}: {}", snippet(&text)))),
            Err(e) => last = e,
        }
    }
    Err(fail(last))
}

fn snippet(text: &str) -> String {
    let t: String = collapse(text);
    t.chars().take(200).collect()
}

fn form_urlencoded(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|e| e.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}

/// Tries the credentials once on a graph that does not exist, without a body: a server that
/// refuses them may drop the connection while a large body is still being sent, and the
/// answer would be lost.
fn check_credentials(agent: &ureq::Agent, target: &Target) -> Result<(), PushError> {
    let graph = "urn:landtag-lod:credentials-check";
    let url = graph_url(target, graph);
    let fail = |message: String| PushError::Http {
        url: target.url.clone(),
        message,
    };
    match request(agent, target, &url, "GET", &[]).map_err(fail)? {
        (401, text) => Err(fail(format!(
            "HTTP 401: the credentials were refused: {}",
            snippet(&text)
        ))),
        _ => Ok(()),
    }
}

fn graph_url(target: &Target, graph: &str) -> String {
    let sep = if target.url.contains('?') { '&' } else { '?' };
    format!(
        "{}{sep}{}={}",
        target.url,
        target.param,
        form_urlencoded(graph)
    )
}

/// Sends the request. With credentials, a bodiless `GET` of the graph first fetches the
/// server's challenge (digest or basic), so a large body is sent once, with its
/// `Authorization`: a server that answers 401 before reading the body may reset the connection.
fn request(
    agent: &ureq::Agent,
    target: &Target,
    url: &str,
    method: &str,
    body: &[u8],
) -> Result<(u16, String), String> {
    let auth = match &target.user {
        Some(user) => {
            let (status, _, challenge) = call(agent, "GET", url, &[], None, false)?;
            match challenge {
                Some(c) if status == 401 => Some(authorization(&c, user, target, method, url)),
                _ => None,
            }
        }
        None => None,
    };
    match call(agent, method, url, body, auth.clone(), false) {
        // A server that refuses the request before it reads the body (Python's `http.server`
        // answers 501 to a PUT) closes the connection while the body is sent: `Broken pipe`,
        // its answer lost. Asked again with `Expect: 100-continue`, it answers before the body.
        Err(_) if !body.is_empty() => {
            let (status, text, _) = call(agent, method, url, body, auth, true)?;
            Ok((status, text))
        }
        answer => answer.map(|(status, text, _)| (status, text)),
    }
}

/// One HTTP exchange: status, body, and the `WWW-Authenticate` challenge if any.
fn call(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    body: &[u8],
    auth: Option<String>,
    expect_continue: bool,
) -> Result<(u16, String, Option<String>), String> {
    let mut req = ureq::http::Request::builder()
        .method(method)
        .uri(url)
        .header("Content-Type", "text/turtle; charset=utf-8");
    if let Some(a) = auth {
        req = req.header("Authorization", a);
    }
    if expect_continue {
        req = req.header("Expect", "100-continue");
    }
    let req = req.body(body.to_vec()).map_err(|e| e.to_string())?;
    let mut resp = agent.run(req).map_err(|e| e.to_string())?;
    let challenge = resp
        .headers()
        .get("www-authenticate")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let status = resp.status().as_u16();
    let text = resp.body_mut().read_to_string().unwrap_or_default();
    Ok((status, text, challenge))
}

fn authorization(challenge: &str, user: &str, target: &Target, method: &str, url: &str) -> String {
    let password = target.password.as_deref().unwrap_or("");
    if challenge
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("digest")
    {
        digest_authorization(challenge, user, password, method, url)
    } else {
        use base64::Engine as _;
        let pair = format!("{user}:{password}");
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    }
}

/// RFC 7616 digest (MD5, `qop=auth`) for the challenge.
fn digest_authorization(
    challenge: &str,
    user: &str,
    password: &str,
    method: &str,
    url: &str,
) -> String {
    let field = |name: &str| -> String {
        let re =
            regex::Regex::new(&format!(r#"(?i)\b{name}="?([^",]*)"?"#)).expect("a valid pattern");
        re.captures(challenge)
            .map(|c| c[1].to_owned())
            .unwrap_or_default()
    };
    let (realm, nonce, opaque, qop) = (
        field("realm"),
        field("nonce"),
        field("opaque"),
        field("qop"),
    );
    let uri = url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or("/");
    let cnonce = md5_hex(&format!("{nonce}{}", crate::pipeline::now_utc()))[..16].to_owned();
    let auth = qop.split(',').any(|q| q.trim() == "auth");
    let d = DigestInput {
        user,
        realm: &realm,
        password,
        method,
        uri,
        nonce: &nonce,
        cnonce: &cnonce,
    };
    let mut header =
        format!(r#"Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{uri}""#);
    if auth {
        header.push_str(&format!(
            r#", qop=auth, nc=00000001, cnonce="{cnonce}", response="{}""#,
            d.response(true)
        ));
    } else {
        header.push_str(&format!(r#", response="{}""#, d.response(false)));
    }
    if !opaque.is_empty() {
        header.push_str(&format!(r#", opaque="{opaque}""#));
    }
    header.push_str(", algorithm=MD5");
    header
}

fn md5_hex(s: &str) -> String {
    use md5::Digest as _;
    md5::Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The inputs of a digest response (RFC 7616, MD5).
struct DigestInput<'a> {
    user: &'a str,
    realm: &'a str,
    password: &'a str,
    method: &'a str,
    uri: &'a str,
    nonce: &'a str,
    cnonce: &'a str,
}

impl DigestInput<'_> {
    /// `response=`: with `qop=auth` (and `nc=00000001`), or the RFC 2069 form without.
    fn response(&self, qop_auth: bool) -> String {
        let ha1 = md5_hex(&format!("{}:{}:{}", self.user, self.realm, self.password));
        let ha2 = md5_hex(&format!("{}:{}", self.method, self.uri));
        if qop_auth {
            md5_hex(&format!(
                "{ha1}:{}:00000001:{}:auth:{ha2}",
                self.nonce, self.cnonce
            ))
        } else {
            md5_hex(&format!("{ha1}:{}:{ha2}", self.nonce))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_response_is_rfc_2617s_example() {
        let d = DigestInput {
            user: "Mufasa",
            realm: "testrealm@host.com",
            password: "Circle Of Life",
            method: "GET",
            uri: "/dir/index.html",
            nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            cnonce: "0a4f113b",
        };
        assert_eq!(d.response(true), "6629fae49393a05397450978507c4ef1");
    }

    #[test]
    fn the_record_file_is_named_after_the_url() {
        let p = record_path(Path::new("/s"), "http://h:8890/sparql-graph-crud-auth");
        assert_eq!(
            p,
            Path::new("/s/push/http---h-8890-sparql-graph-crud-auth.tsv")
        );
    }
}
