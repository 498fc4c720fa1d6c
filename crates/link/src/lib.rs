//! Persons and parties → Wikidata: matching against the bundled member list, and the reviewable
//! file every link is kept in. Knows no RDF: the store's persons come in as plain rows, the links
//! go out as plain rows (`rdf/links.rs` maps them).
//!
//! Matching, strictest first; a name that matches more than one item is ambiguous and not
//! linked (a wrong link is worse than a missing one):
//! 1. `name`: the full name equals an item's label or alias, titles dropped and diacritics
//!    folded (`Berivan Aymaz` = `Berîvan Aymaz`);
//! 2. `first-last`: first given name and surname agree (`Sven Werner Tritschler` = `Sven
//!    Tritschler`);
//! 3. `surname`: a person printed by surname only (`Dr. Blex`), who votes or sits in a faction in
//!    the document, and whose surname only one item of the list bears.

pub mod refresh;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Format {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// What an item of the member list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Party,
}

/// An item of the member list (`data/wikidata/landtag-nrw-members.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub qid: String,
    pub kind: Kind,
    pub label: String,
    pub aliases: Vec<String>,
}

/// Reads the member list: `qid kind label aliases` (aliases separated by `|`), a header line.
pub fn read_members(path: &Path) -> Result<Vec<Member>, LinkError> {
    let text = std::fs::read_to_string(path).map_err(|source| LinkError::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = |message: &str| LinkError::Format {
            path: path.to_owned(),
            line: i + 1,
            message: message.to_owned(),
        };
        if f.len() < 3 || !is_qid(f[0]) {
            return Err(bad("expected `Q… kind label [aliases]`"));
        }
        let kind = match f[1] {
            "person" => Kind::Person,
            "party" => Kind::Party,
            _ => return Err(bad("kind must be `person` or `party`")),
        };
        out.push(Member {
            qid: f[0].to_owned(),
            kind,
            label: f[2].to_owned(),
            aliases: f
                .get(3)
                .map(|a| {
                    a.split('|')
                        .filter(|x| !x.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
        });
    }
    Ok(out)
}

pub fn is_qid(s: &str) -> bool {
    s.len() > 1 && s.starts_with('Q') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

/// A name for comparison: titles dropped, diacritics folded, lower case, single spaces.
pub fn key(name: &str) -> String {
    let folded: String = name.chars().map(fold).collect::<String>().to_lowercase();
    folded
        .replace('.', ". ")
        .split_whitespace()
        .filter(|w| !matches!(*w, "dr." | "prof." | "h." | "c." | "dr.-ing." | "med."))
        .collect::<Vec<_>>()
        .join(" ")
}

pub use landtag_model::words::fold;

fn first_last(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    (words.len() >= 2).then(|| format!("{} {}", words[0], words[words.len() - 1]))
}

/// The member list, indexed for matching.
pub struct Index<'a> {
    members: &'a [Member],
    by_name: HashMap<String, Vec<usize>>,
    by_first_last: HashMap<String, Vec<usize>>,
    by_surname: HashMap<String, Vec<usize>>,
    /// How many persons the list holds.
    persons: usize,
}

impl<'a> Index<'a> {
    pub fn new(members: &'a [Member]) -> Self {
        let mut ix = Index {
            members,
            by_name: HashMap::new(),
            by_first_last: HashMap::new(),
            by_surname: HashMap::new(),
            persons: members.iter().filter(|m| m.kind == Kind::Person).count(),
        };
        for (i, m) in members.iter().enumerate() {
            if m.kind != Kind::Person {
                continue;
            }
            let mut keys: Vec<String> = std::iter::once(&m.label)
                .chain(&m.aliases)
                .map(|n| key(n))
                .collect();
            keys.sort();
            keys.dedup();
            for k in &keys {
                push_unique(&mut ix.by_name, k.clone(), i);
                if let Some(fl) = first_last(k) {
                    push_unique(&mut ix.by_first_last, fl, i);
                }
                if let Some(s) = k.rsplit(' ').next() {
                    push_unique(&mut ix.by_surname, s.to_owned(), i);
                }
            }
        }
        ix
    }

    /// Matches one person of the store.
    pub fn match_person(&self, p: &Person) -> Outcome {
        let k = key(&p.name);
        let single = !k.contains(' ');
        let tries: [(&str, Option<&Vec<usize>>); 3] = [
            ("name", (!single).then(|| self.by_name.get(&k)).flatten()),
            (
                "first-last",
                first_last(&k).and_then(|fl| self.by_first_last.get(&fl)),
            ),
            (
                "surname",
                (single && p.member_evidence)
                    .then(|| self.by_surname.get(&k))
                    .flatten(),
            ),
        ];
        for (method, hits) in tries {
            match hits.map(Vec::as_slice) {
                Some([i]) => {
                    let m = &self.members[*i];
                    return Outcome::Linked(Link {
                        person: p.id.clone(),
                        name: p.name.clone(),
                        qid: m.qid.clone(),
                        label: m.label.clone(),
                        method: method.to_owned(),
                        evidence: evidence(method, &p.name, m, self.persons),
                        status: Status::Auto,
                    });
                }
                Some(many) if many.len() > 1 => {
                    return Outcome::Ambiguous(
                        many.iter()
                            .map(|&i| (self.members[i].qid.clone(), self.members[i].label.clone()))
                            .collect(),
                    )
                }
                _ => {}
            }
        }
        Outcome::NotInList
    }

    /// The party item whose label or alias is `name` (a faction's short label or a party name).
    pub fn party(&self, name: &str) -> Option<&'a Member> {
        let k = key(name);
        self.members.iter().find(|m| {
            m.kind == Kind::Party
                && std::iter::once(&m.label)
                    .chain(&m.aliases)
                    .any(|n| key(n) == k)
        })
    }
}

/// Why a link was made, in words a reviewer can check.
fn evidence(method: &str, name: &str, m: &Member, list: usize) -> String {
    let of = format!("{} `{}`", m.qid, m.label);
    match method {
        "name" => format!("`{name}` is the name of {of} and of no other of the {list} persons in the list"),
        "first-last" => format!(
            "first and last name of `{name}` are those of {of} and of no other of the {list} persons in the list"
        ),
        _ => format!(
            "`{name}`, printed by surname only, votes or sits in a faction in the document; {of} is the only one of the {list} persons in the list with that surname"
        ),
    }
}

fn push_unique(map: &mut HashMap<String, Vec<usize>>, k: String, i: usize) {
    let v = map.entry(k).or_default();
    if !v.contains(&i) {
        v.push(i);
    }
}

/// A person as the store holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The IRI's path under the base (`id/person/christian-blex`): the review file does not
    /// depend on the base.
    pub id: String,
    pub name: String,
    /// The document shows them as a member: they vote, or sit in a faction.
    pub member_evidence: bool,
    /// The Wahlperioden of the factions they sit in.
    pub periods: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Linked(Link),
    Ambiguous(Vec<(String, String)>),
    NotInList,
}

/// Who decided a row of the review file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Matching found it; a rerun recomputes it.
    Auto,
    /// A person confirmed it (or chose among candidates): kept whatever matching says.
    Confirmed,
    /// A person rejected it: this person is never linked (to this QID, or at all if empty).
    Veto,
    /// Matching found several candidates (listed in the evidence): not linked until confirmed.
    Ambiguous,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Auto => "auto",
            Status::Confirmed => "confirmed",
            Status::Veto => "veto",
            Status::Ambiguous => "ambiguous",
        }
    }
}

/// A row of the review file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub person: String,
    pub name: String,
    /// Empty for an ambiguous row, or a veto against any link.
    pub qid: String,
    /// The item's label in the list: the full name for a person printed by surname only.
    pub label: String,
    pub method: String,
    pub evidence: String,
    pub status: Status,
}

impl Link {
    /// Whether this row puts a link in the store.
    pub fn links(&self) -> bool {
        matches!(self.status, Status::Auto | Status::Confirmed) && !self.qid.is_empty()
    }
}

const HEADER: &str = "person\tname\tqid\tlabel\tmethod\tstatus\tevidence";

/// Reads the review file (`data/links.tsv`); a missing file is an empty one.
pub fn read_review(path: &Path) -> Result<Vec<Link>, LinkError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(LinkError::Read {
                path: path.to_owned(),
                source,
            })
        }
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if i == 0 || line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = |message: String| LinkError::Format {
            path: path.to_owned(),
            line: i + 1,
            message,
        };
        if f.len() != 7 {
            return Err(bad(format!("expected 7 columns: {HEADER}")));
        }
        let status = match f[5] {
            "auto" => Status::Auto,
            "confirmed" => Status::Confirmed,
            "veto" => Status::Veto,
            "ambiguous" => Status::Ambiguous,
            other => {
                return Err(bad(format!(
                    "status `{other}`: auto, confirmed, veto or ambiguous"
                )))
            }
        };
        if !f[2].is_empty() && !is_qid(f[2]) {
            return Err(bad(format!("`{}` is not a QID", f[2])));
        }
        if status == Status::Confirmed && f[2].is_empty() {
            return Err(bad("a confirmed link needs a QID".into()));
        }
        out.push(Link {
            person: f[0].to_owned(),
            name: f[1].to_owned(),
            qid: f[2].to_owned(),
            label: f[3].to_owned(),
            method: f[4].to_owned(),
            status,
            evidence: f[6].to_owned(),
        });
    }
    Ok(out)
}

/// Writes the review file, sorted by person and QID, so that reruns diff cleanly.
pub fn write_review(path: &Path, links: &[Link]) -> std::io::Result<()> {
    let mut rows: Vec<&Link> = links.iter().collect();
    rows.sort_by(|a, b| (&a.person, &a.qid).cmp(&(&b.person, &b.qid)));
    let mut text = String::from(HEADER);
    text.push('\n');
    for l in rows {
        let clean = |s: &str| s.replace(['\t', '\n'], " ");
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            l.person,
            clean(&l.name),
            l.qid,
            clean(&l.label),
            l.method,
            l.status.as_str(),
            clean(&l.evidence)
        ));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
}

/// What one run found, for the report.
#[derive(Debug, Default)]
pub struct Report {
    pub linked: Vec<Link>,
    pub ambiguous: Vec<(Person, Vec<(String, String)>)>,
    pub not_in_list: Vec<Person>,
    pub vetoed: Vec<Person>,
}

/// As `link` reports it: `12 linked (10 by name, 1 by first and last name, 0 by surname, 1 by
/// period, 0 confirmed in review), 1 ambiguous, 2 not in the list, 0 vetoed`.
impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let by = |m: &str| self.linked.iter().filter(|l| l.method == m).count();
        let confirmed = self
            .linked
            .iter()
            .filter(|l| l.status == Status::Confirmed)
            .count();
        write!(
            f,
            "{} linked ({} by name, {} by first and last name, {} by surname, {} by period, {} \
             confirmed in review), {} ambiguous, {} not in the list, {} vetoed",
            self.linked.len(),
            by("name"),
            by("first-last"),
            by("surname"),
            by("period") + by("member-of-period"),
            confirmed,
            self.ambiguous.len(),
            self.not_in_list.len(),
            self.vetoed.len(),
        )
    }
}

/// Links the store's persons: the review file's human decisions first, matching for the rest.
/// Returns the new review file's rows and the report.
pub fn link(persons: &[Person], members: &[Member], review: &[Link]) -> (Vec<Link>, Report) {
    let index = Index::new(members);
    let mut report = Report::default();
    let in_store: BTreeMap<&str, &Person> = persons.iter().map(|p| (p.id.as_str(), p)).collect();
    // Human rows are kept as they are; auto and ambiguous rows of persons not in this store too.
    let mut rows: Vec<Link> = review
        .iter()
        .filter(|l| {
            matches!(l.status, Status::Confirmed | Status::Veto)
                || !in_store.contains_key(l.person.as_str())
        })
        .cloned()
        .collect();
    for p in persons {
        let human: Vec<&Link> = review
            .iter()
            .filter(|l| l.person == p.id && matches!(l.status, Status::Confirmed | Status::Veto))
            .collect();
        if let Some(c) = human.iter().find(|l| l.status == Status::Confirmed) {
            report.linked.push((*c).clone());
            continue;
        }
        let veto_all = human.iter().any(|l| l.qid.is_empty());
        match by_period(p, index.match_person(p)) {
            Outcome::Linked(l) if veto_all || human.iter().any(|v| v.qid == l.qid) => {
                report.vetoed.push(p.clone());
            }
            Outcome::Linked(l) => {
                report.linked.push(l.clone());
                rows.push(l);
            }
            Outcome::Ambiguous(candidates) => {
                rows.push(Link {
                    person: p.id.clone(),
                    name: p.name.clone(),
                    qid: String::new(),
                    label: String::new(),
                    method: "name".into(),
                    evidence: format!(
                        "candidates: {}",
                        candidates
                            .iter()
                            .map(|(q, l)| format!("{q} {l}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    status: Status::Ambiguous,
                });
                report.ambiguous.push((p.clone(), candidates));
            }
            Outcome::NotInList => report.not_in_list.push(p.clone()),
        }
    }
    (rows, report)
}

/// Where the Wikidata list cannot decide, the members of the person's periods
/// (`data/members/`, with their Wikidata items) can: of two homonyms, the one who sat in that
/// period; a person the list lacks, the one member of that period with that name.
fn by_period(p: &Person, outcome: Outcome) -> Outcome {
    let mut sat: Vec<landtag_model::members::Member> = p
        .periods
        .iter()
        .flat_map(|wp| landtag_model::members::by_name(*wp, &p.name))
        .filter(|m| is_qid(&m.wikidata))
        .collect();
    sat.sort_by(|a, b| a.wikidata.cmp(&b.wikidata));
    sat.dedup_by(|a, b| a.wikidata == b.wikidata);
    let periods = p
        .periods
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let linked = |qid: &str, label: &str, method: &str, evidence: String| {
        Outcome::Linked(Link {
            person: p.id.clone(),
            name: p.name.clone(),
            qid: qid.to_owned(),
            label: label.to_owned(),
            method: method.to_owned(),
            evidence,
            status: Status::Auto,
        })
    };
    match outcome {
        Outcome::Ambiguous(candidates) => {
            let hits: Vec<&(String, String)> = candidates
                .iter()
                .filter(|(q, _)| sat.iter().any(|m| &m.wikidata == q))
                .collect();
            match hits.as_slice() {
                [(q, l)] => linked(q, l, "period", format!(
                    "`{}` is the name of {} persons in the list; only {q} `{l}` sat in the Landtag in period {periods} (members by period, SpeakGer)",
                    p.name,
                    candidates.len()
                )),
                _ => Outcome::Ambiguous(candidates),
            }
        }
        Outcome::NotInList => match sat.as_slice() {
            [m] => linked(&m.wikidata, &m.name, "member-of-period", format!(
                "`{}` is not in the Wikidata list; {} `{}` is the only member of that name in period {periods} (members by period, SpeakGer)",
                p.name, m.wikidata, m.name
            )),
            _ => Outcome::NotInList,
        },
        linked => linked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(qid: &str, label: &str, aliases: &[&str]) -> Member {
        Member {
            qid: qid.into(),
            kind: Kind::Person,
            label: label.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    fn person(name: &str, member_evidence: bool) -> Person {
        Person {
            id: format!("id/person/{}", key(name).replace(' ', "-")),
            name: name.into(),
            member_evidence,
            periods: Vec::new(),
        }
    }

    fn list() -> Vec<Member> {
        vec![
            member("Q27925137", "Sven Tritschler", &[]),
            member("Q29961583", "Berîvan Aymaz", &["Berivan Aymaz"]),
            member("Q109936", "Andreas Pinkwart", &[]),
            member("Q737631", "Karl Müller", &[]),
            member("Q1520667", "Wilhelm Droste", &[]),
            member("Q2572428", "Wilhelm Droste", &[]),
            member("Q1732429", "Karl Müller", &[]),
            member("Q30001851", "Christian Blex", &[]),
            member("Q1", "Hans Schmitz", &[]),
            member("Q2", "Marco Schmitz", &[]),
        ]
    }

    fn qid(o: Outcome) -> String {
        match o {
            Outcome::Linked(l) => format!("{} {}", l.qid, l.method),
            Outcome::Ambiguous(c) => format!("ambiguous {}", c.len()),
            Outcome::NotInList => "none".into(),
        }
    }

    #[test]
    fn titles_middle_names_diacritics_homonyms_and_surnames() {
        let l = list();
        let ix = Index::new(&l);
        let m = |n: &str, e: bool| qid(ix.match_person(&person(n, e)));
        assert_eq!(m("Prof. Dr. Andreas Pinkwart", false), "Q109936 name");
        assert_eq!(m("Sven Werner Tritschler", false), "Q27925137 first-last");
        assert_eq!(m("Berivan Aymaz", false), "Q29961583 name");
        assert_eq!(m("Berîvan Aymaz", false), "Q29961583 name");
        assert_eq!(m("Karl Müller", true), "ambiguous 2");
        assert_eq!(m("Blex", true), "Q30001851 surname");
        assert_eq!(m("Blex", false), "none", "a surname alone needs evidence");
        assert_eq!(m("Schmitz", true), "ambiguous 2");
        assert_eq!(m("Ina Brandes", false), "none");
        assert_eq!(m("Alexander Baer", false), "none");
    }

    #[test]
    fn the_period_tells_homonyms_apart_and_links_members_the_list_lacks() {
        let l = list();
        let ix = Index::new(&l);
        let m = |n: &str, periods: &[u32]| {
            let mut p = person(n, true);
            p.periods = periods.to_vec();
            qid(by_period(&p, ix.match_person(&p)))
        };
        assert_eq!(m("Wilhelm Droste", &[]), "ambiguous 2");
        assert_eq!(m("Wilhelm Droste", &[16]), "Q1520667 period");
        assert_eq!(m("Wilhelm Droste", &[8]), "Q2572428 period");
        assert_eq!(
            m("Mehrdad Mostofizadeh", &[16]),
            "Q1917412 member-of-period"
        );
        assert_eq!(m("Mehrdad Mostofizadeh", &[]), "none");
    }

    #[test]
    fn corrections_win_over_matching() {
        let l = list();
        let persons = [
            person("Andreas Pinkwart", false),
            person("Sven Werner Tritschler", false),
            person("Karl Müller", false),
        ];
        let review = vec![
            Link {
                person: persons[0].id.clone(),
                name: "Andreas Pinkwart".into(),
                qid: String::new(),
                label: String::new(),
                method: "review".into(),
                evidence: "not the same person".into(),
                status: Status::Veto,
            },
            Link {
                person: persons[2].id.clone(),
                name: "Karl Müller".into(),
                qid: "Q1732429".into(),
                label: "Karl Müller".into(),
                method: "review".into(),
                evidence: "the CDU member of the 10th period".into(),
                status: Status::Confirmed,
            },
        ];
        let (rows, report) = link(&persons, &l, &review);
        let linked: Vec<&str> = report.linked.iter().map(|l| l.qid.as_str()).collect();
        assert_eq!(linked, ["Q27925137", "Q1732429"]);
        assert_eq!(report.vetoed, [persons[0].clone()]);
        assert_eq!(rows.len(), 3, "{rows:?}");
        let dir = std::env::temp_dir().join(format!("landtag-lod-review-{}", std::process::id()));
        let file = dir.join("links.tsv");
        write_review(&file, &rows).unwrap();
        let mut back = read_review(&file).unwrap();
        let mut want = rows.clone();
        back.sort_by(|a, b| a.person.cmp(&b.person));
        want.sort_by(|a, b| a.person.cmp(&b.person));
        assert_eq!(back, want);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
