//! `link --refresh`: asks a SPARQL endpoint (the Wikidata Query Service by default) who held
//! P39 = Q17781726 (member of the Landtag of North Rhine-Westphalia), with parliamentary group
//! (P4100), term (P2937), start and end (P580/P582) as the statement's qualifiers and party
//! (P102) from the person. Updates the member list (labels and aliases; persons the answer does
//! not name are kept) and rewrites the dated memberships.
//!
//! The Query Service allows one query at a time per client and wants a descriptive User-Agent:
//! two queries, one after the other; a 429 or 503 is retried after its `Retry-After` (at most
//! five times). The files written are the cache: linking never needs the network.

use super::{is_qid, read_members, Kind, Member};
use std::fmt;
use std::path::Path;
use std::time::Duration;

const USER_AGENT: &str = concat!(
    "landtag-lod/",
    env!("CARGO_PKG_VERSION"),
    " (Linked Open Data of the Landtag NRW; member list refresh)"
);

const PERSONS: &str = r#"PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?person (SAMPLE(?label) AS ?name) (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases) WHERE {
  ?person p:P39/ps:P39 wd:Q17781726 .
  OPTIONAL { ?person rdfs:label ?label FILTER(LANG(?label) = "de") }
  OPTIONAL { ?person skos:altLabel ?alias FILTER(LANG(?alias) = "de") }
} GROUP BY ?person"#;

const MEMBERSHIPS: &str = r#"PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT ?person ?term ?group ?party ?start ?end WHERE {
  ?person p:P39 ?st . ?st ps:P39 wd:Q17781726 .
  OPTIONAL { ?st pq:P2937 ?term }
  OPTIONAL { ?st pq:P4100 ?group }
  OPTIONAL { ?st pq:P580 ?start }
  OPTIONAL { ?st pq:P582 ?end }
  OPTIONAL { ?person wdt:P102 ?party }
}"#;

#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    #[error("{endpoint}: {message}")]
    Http { endpoint: String, message: String },
    #[error("{endpoint}: not SPARQL JSON results: {message}")]
    Results { endpoint: String, message: String },
    #[error(transparent)]
    List(#[from] super::LinkError),
    #[error("{path}: cannot write: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// What a refresh changed.
#[derive(Debug, Default)]
pub struct Refreshed {
    pub persons: usize,
    pub added: usize,
    pub updated: usize,
    pub memberships: usize,
}

impl fmt::Display for Refreshed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "refresh: {} persons in the answer ({} new, {} relabelled), {} dated memberships",
            self.persons, self.added, self.updated, self.memberships
        )
    }
}

/// One row of the dated memberships (`data/wikidata/memberships.tsv`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Membership {
    pub person: String,
    pub term: String,
    pub group: String,
    pub party: String,
    pub start: String,
    pub end: String,
}

/// Runs both queries against `endpoint` and updates the two files.
pub fn refresh(
    endpoint: &str,
    members_path: &Path,
    memberships_path: &Path,
) -> Result<Refreshed, RefreshError> {
    let persons = select(endpoint, PERSONS)?;
    let rows = select(endpoint, MEMBERSHIPS)?;
    let mut members = match read_members(members_path) {
        Ok(m) => m,
        Err(super::LinkError::Read { .. }) => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    let mut done = Refreshed::default();
    for r in &persons {
        let Some(qid) = qid_of(r.first().map(String::as_str).unwrap_or("")) else {
            continue;
        };
        done.persons += 1;
        let label = r.get(1).cloned().unwrap_or_default();
        let mut aliases: Vec<String> = r
            .get(2)
            .map(|a| {
                a.split('|')
                    .filter(|x| !x.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        aliases.sort();
        match members.iter_mut().find(|m| m.qid == qid) {
            Some(m) if (!label.is_empty() && m.label != label) || m.aliases != aliases => {
                if !label.is_empty() {
                    m.label = label;
                }
                m.aliases = aliases;
                done.updated += 1;
            }
            Some(_) => {}
            None if !label.is_empty() => {
                members.push(Member {
                    qid,
                    kind: Kind::Person,
                    label,
                    aliases,
                });
                done.added += 1;
            }
            None => {}
        }
    }
    let mut memberships: Vec<Membership> = rows
        .iter()
        .filter_map(|r| {
            let cell = |i: usize| r.get(i).cloned().unwrap_or_default();
            Some(Membership {
                person: qid_of(&cell(0))?,
                term: qid_of(&cell(1)).unwrap_or_default(),
                group: qid_of(&cell(2)).unwrap_or_default(),
                party: qid_of(&cell(3)).unwrap_or_default(),
                start: cell(4).chars().take(10).collect(),
                end: cell(5).chars().take(10).collect(),
            })
        })
        .collect();
    memberships.sort();
    memberships.dedup();
    done.memberships = memberships.len();
    write_members(members_path, &members)?;
    write_memberships(memberships_path, &memberships)?;
    Ok(done)
}

/// `http://www.wikidata.org/entity/Q42` or `Q42` → `Q42`.
fn qid_of(s: &str) -> Option<String> {
    let q = s.rsplit('/').next()?;
    is_qid(q).then(|| q.to_owned())
}

fn write_members(path: &Path, members: &[Member]) -> Result<(), RefreshError> {
    let mut sorted: Vec<&Member> = members.iter().collect();
    // Parties first, then persons by the number of their QID, as the file came.
    sorted.sort_by_key(|m| {
        (
            m.kind == Kind::Person,
            m.qid[1..].parse::<u64>().unwrap_or(u64::MAX),
        )
    });
    let mut text = String::from("qid\tkind\tlabel\taliases\n");
    for m in sorted {
        let kind = match m.kind {
            Kind::Person => "person",
            Kind::Party => "party",
        };
        text.push_str(&format!(
            "{}\t{kind}\t{}\t{}\n",
            m.qid,
            m.label,
            m.aliases.join("|")
        ));
    }
    write(path, &text)
}

fn write_memberships(path: &Path, rows: &[Membership]) -> Result<(), RefreshError> {
    let mut text = String::from("person\tterm\tgroup\tparty\tstart\tend\n");
    for r in rows {
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            r.person, r.term, r.group, r.party, r.start, r.end
        ));
    }
    write(path, &text)
}

fn write(path: &Path, text: &str) -> Result<(), RefreshError> {
    let err = |source| RefreshError::Write {
        path: path.display().to_string(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    std::fs::write(path, text).map_err(err)
}

/// Runs a SELECT; rows of cell values in the order of the answer's variables.
fn select(endpoint: &str, query: &str) -> Result<Vec<Vec<String>>, RefreshError> {
    let http = |message: String| RefreshError::Http {
        endpoint: endpoint.to_owned(),
        message,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(120)))
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .build()
        .into();
    let mut tries = 0;
    let body = loop {
        tries += 1;
        let mut response = agent
            .post(endpoint)
            .header("Accept", "application/sparql-results+json")
            .send_form([("query", query)])
            .map_err(|e| http(e.to_string()))?;
        let status = response.status().as_u16();
        if (status == 429 || status == 503) && tries < 5 {
            let wait = response
                .headers()
                .get("Retry-After")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .unwrap_or(5 * tries);
            std::thread::sleep(Duration::from_secs(wait.min(300)));
            continue;
        }
        let body = response
            .body_mut()
            .read_to_string()
            .map_err(|e| http(e.to_string()))?;
        if status != 200 {
            return Err(http(format!(
                "HTTP {status}: {}",
                body.chars().take(300).collect::<String>()
            )));
        }
        break body;
    };
    let results = |message: String| RefreshError::Results {
        endpoint: endpoint.to_owned(),
        message,
    };
    let json: serde_json::Value =
        serde_json::from_str(&body).map_err(|e| results(e.to_string()))?;
    let vars: Vec<String> = json["head"]["vars"]
        .as_array()
        .ok_or_else(|| results("no head.vars".into()))?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    let bindings = json["results"]["bindings"]
        .as_array()
        .ok_or_else(|| results("no results.bindings".into()))?;
    Ok(bindings
        .iter()
        .map(|b| {
            vars.iter()
                .map(|v| b[v]["value"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .collect())
}
