//! Minting IRIs. Every IRI is derived from the identity of what it names (a paper's number, a
//! meeting's body and session, a member's id in the member list, else a person's normalised
//! name), never from ingest order, so the
//! same input always yields the same IRIs and a paper mentioned in one document and ingested
//! from another has one IRI.

use crate::model::{Document, DocumentKind, Faction, PaperRef, Speaker};
use landtag_model::members::MemberId;
use oxigraph::model::{NamedNode, Triple};

/// An IRI someone gives (a graph to query over), checked, not minted: its error says why it is
/// none.
pub fn given(iri: &str) -> Result<NamedNode, String> {
    NamedNode::new(iri.trim()).map_err(|e| e.to_string())
}

/// The default base, in the `.example` domain reserved for documentation: set `--base` to the
/// domain you publish under.
pub const DEFAULT_BASE: &str = "https://landtag-lod.example";

/// The base every IRI is minted under (no trailing slash).
#[derive(Debug, Clone)]
pub struct Base(String);

#[derive(Debug, thiserror::Error)]
#[error("`{0}` is not a usable base IRI: {1}")]
pub struct BaseError(String, String);

impl Base {
    pub fn new(base: &str) -> Result<Self, BaseError> {
        let trimmed = base.trim_end_matches('/');
        if !(trimmed.starts_with("http://") || trimmed.starts_with("https://")) {
            return Err(BaseError(
                base.into(),
                "it must start with http:// or https://".into(),
            ));
        }
        NamedNode::new(format!("{trimmed}/id"))
            .map_err(|e| BaseError(base.into(), e.to_string()))?;
        if trimmed.contains(['?', '#']) {
            return Err(BaseError(
                base.into(),
                "it must not hold a query or fragment".into(),
            ));
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn node(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}/{path}", self.0))
    }

    /// The graph a loaded RDF file goes into: `{base}/graph/datei/{file name}`.
    pub fn file_graph(&self, file_name: &str) -> NamedNode {
        self.node(&format!("graph/datei/{}", slug(file_name)))
    }

    /// A programme, from its name (`id/programm/digitale-modellregionen-in-nrw`).
    pub fn programme(&self, name: &str) -> NamedNode {
        self.node(&format!("id/programm/{}", slug(name)))
    }

    /// The state government (Landesregierung Nordrhein-Westfalen).
    pub fn government(&self) -> NamedNode {
        self.node("id/landesregierung")
    }

    /// The graph that holds, once each, the statements about things many documents mention.
    pub fn shared_graph(&self) -> NamedNode {
        self.node("graph/gemeinsam")
    }

    /// The key of a claim: a hash of the statement's N-Triples form. A document's graph records
    /// the keys of the claims it supports, so the store finds who else supports one by index.
    pub fn claim(&self, t: &Triple) -> NamedNode {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(t.to_string().as_bytes());
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        self.node(&format!("aussage/{hex}"))
    }

    /// The name that stands for a Wahlperiode's graphs taken together (its documents' graphs
    /// with the shared and links graphs), for a query's `FROM`, `FROM NAMED` or the protocol's
    /// `default-graph-uri`: no graph of the store, the name of a dataset made when asked.
    pub fn period_graph(&self, wahlperiode: u32) -> NamedNode {
        self.node(&format!("graph/wahlperiode/{wahlperiode}"))
    }

    /// The Wahlperiode a [`Base::period_graph`] name stands for; `None` for any other IRI.
    pub fn period_of_graph(&self, graph: &NamedNode) -> Option<u32> {
        let n = self
            .path_of(graph.as_str())?
            .strip_prefix("graph/wahlperiode/")?;
        n.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| n.parse().ok())
            .flatten()
    }

    /// The graph that holds the links to Wikidata (made from `data/links.tsv`).
    pub fn links_graph(&self) -> NamedNode {
        self.node("graph/links")
    }

    /// A local IRI from its path under the base (`id/person/christian-blex`), as the review
    /// file keeps it.
    pub fn from_path(&self, path: &str) -> NamedNode {
        self.node(path)
    }

    /// The IRI a request for `/id/{path}` asks about, or `None` where that is no IRI.
    pub fn resource(&self, path: &str) -> Option<NamedNode> {
        NamedNode::new(format!("{}/id/{path}", self.0)).ok()
    }

    /// The publication's own IRIs, not the data's: what `serve` answers at a path under the
    /// base (`catalog`, `sparql`, `.well-known/void`, `dumps/{file}`, `changes`, the home page
    /// at the empty path) and the parts of the catalogue (`katalog/datensatz/wahlperiode-18` …).
    pub fn served(&self, path: &str) -> NamedNode {
        self.node(path)
    }

    /// A change of the change feed, by its number.
    pub fn change(&self, seq: u64) -> NamedNode {
        self.node(&format!("aenderung/{seq}"))
    }

    /// The path of a local IRI under the base, or `None` for a foreign IRI.
    pub fn path_of<'a>(&self, iri: &'a str) -> Option<&'a str> {
        iri.strip_prefix(self.0.as_str())?.strip_prefix('/')
    }

    pub fn landtag(&self) -> NamedNode {
        self.node("id/landtag")
    }

    pub fn paper(&self, p: &PaperRef) -> NamedNode {
        self.node(&format!(
            "id/{}/{}/{}",
            p.kind.as_str().to_lowercase(),
            p.wahlperiode,
            p.number
        ))
    }

    /// The document's own IRI; `None` if it cannot be identified.
    pub fn document(&self, doc: &Document) -> Option<NamedNode> {
        doc.wahlperiode?;
        match doc.kind {
            DocumentKind::Drucksache
            | DocumentKind::Plenarprotokoll
            | DocumentKind::Beschlussprotokoll => doc.id.as_ref().map(|id| self.paper(id)),
            DocumentKind::Ausschussprotokoll => Some(NamedNode::new_unchecked(format!(
                "{}/protokoll",
                self.meeting(doc)?.as_str()
            ))),
        }
    }

    /// The meeting a protocol records.
    pub fn meeting(&self, doc: &Document) -> Option<NamedNode> {
        let m = doc.meeting.as_ref()?;
        let wp = doc.wahlperiode?;
        let session = m.session?;
        Some(match &m.body {
            crate::model::Body::Plenum => self.node(&format!("id/plenum/sitzung/{wp}/{session}")),
            crate::model::Body::Committee { name } => self.node(&format!(
                "id/ausschuss/{}/sitzung/{wp}/{session}",
                committee_key(name)
            )),
        })
    }

    /// The graph whose document states `subject` itself, where a claim about it then stands
    /// instead of the shared graph: a paper's own graph; for a plenary sitting and what lies
    /// under it, the graph of its Plenarprotokoll (a Beschlussprotokoll of the sitting claims
    /// the sitting and its items too).
    pub fn owner_graph(&self, subject: &NamedNode) -> NamedNode {
        match self.sitting_of(subject) {
            Some((wp, n, _)) => self.node(&format!("graph/plenarprotokoll/{wp}/{n}")),
            None => self.graph(subject),
        }
    }

    /// Whether `subject` is a plenary sitting or one of its agenda items: what both the
    /// sitting's Plenarprotokoll and its Beschlussprotokoll state.
    pub fn is_sitting_or_item(&self, subject: &NamedNode) -> bool {
        match self.sitting_of(subject) {
            Some((_, _, rest)) => rest.is_empty() || rest.starts_with("top/"),
            None => false,
        }
    }

    /// A plenary sitting's period and number, and the path under it, from an IRI at or under it.
    fn sitting_of<'a>(&self, subject: &'a NamedNode) -> Option<(&'a str, &'a str, &'a str)> {
        let rest = subject
            .as_str()
            .strip_prefix(self.0.as_str())?
            .strip_prefix("/id/plenum/sitzung/")?;
        let mut parts = rest.splitn(3, '/');
        Some((parts.next()?, parts.next()?, parts.next().unwrap_or("")))
    }

    /// The named graph that holds everything read from one document.
    pub fn graph(&self, doc_iri: &NamedNode) -> NamedNode {
        let path = doc_iri
            .as_str()
            .strip_prefix(&format!("{}/id/", self.0))
            .unwrap_or(doc_iri.as_str());
        self.node(&format!("graph/{path}"))
    }

    pub fn committee(&self, name: &str) -> NamedNode {
        self.node(&format!("id/ausschuss/{}", committee_key(name)))
    }

    pub fn ministry(&self, key: &str) -> NamedNode {
        self.node(&format!("id/ministerium/{}", slug(key)))
    }

    pub fn faction(&self, wahlperiode: u32, f: Faction) -> NamedNode {
        self.node(&format!("id/fraktion/{wahlperiode}/{}", f.key()))
    }

    pub fn party(&self, f: Faction) -> NamedNode {
        self.node(&format!("id/partei/{}", f.party().key))
    }

    /// A person by the name printed: for persons no list knows, and the IRI the versions before
    /// person identity published for everyone (`id/person/christof-rasche`).
    pub fn person(&self, name: &str) -> NamedNode {
        self.node(&format!("id/person/{}", slug(name)))
    }

    /// A member of the Landtag by their id in the member list (`id/person/mdl-11822`): the
    /// same IRI whatever a document prints.
    pub fn member(&self, id: MemberId) -> NamedNode {
        self.node(&format!("id/person/mdl-{id}"))
    }

    /// A printed person: the member they are, else their name.
    pub fn person_of(&self, s: &Speaker) -> NamedNode {
        s.member
            .map_or_else(|| self.person(&s.name), |id| self.member(id))
    }

    pub fn role(&self, role: &str) -> NamedNode {
        self.node(&format!("id/rolle/{}", slug(role)))
    }

    /// A Wahlperiode as a time interval (`id/wahlperiode/18`), and its first and last days.
    pub fn period(&self, wahlperiode: u32) -> NamedNode {
        self.node(&format!("id/wahlperiode/{wahlperiode}"))
    }

    /// A day (`id/tag/2022-06-01`): the beginning or end of an interval.
    pub fn day(&self, iso: &str) -> NamedNode {
        self.node(&format!("id/tag/{iso}"))
    }

    /// A cabinet of the state government (`id/kabinett/wuest-ii`), and the interval it held
    /// office in.
    pub fn cabinet(&self, name: &str) -> NamedNode {
        self.node(&format!("id/kabinett/{}", slug(name)))
    }

    /// The cabinets' collection (`id/kabinett`): what the cabinets' graph is about.
    pub fn cabinets(&self) -> NamedNode {
        self.node("id/kabinett")
    }

    /// An office in a cabinet held by a person (`id/kabinett/wuest-ii/mdl-…/minister-der-finanzen`).
    pub fn post(&self, cabinet: &str, person: &NamedNode, office: &str) -> NamedNode {
        let key = person.as_str().rsplit('/').next().unwrap_or("");
        self.node(&format!(
            "id/kabinett/{}/{key}/{}",
            slug(cabinet),
            slug(office)
        ))
    }

    /// The membership a post is (`id/kabinett/wuest-ii/mdl-…/minister`): the same IRI from the
    /// cabinets' graph and from a speech given in that office.
    pub fn post_membership(&self, post: &landtag_model::government::Post) -> NamedNode {
        let person = self.person_of(&crate::model::Speaker::holding(post));
        self.post(&post.cabinet.name, &person, post.office)
    }

    /// An interval named by its own path (a cabinet's, a post's): `{iri}/zeitraum`.
    pub fn interval_of(node: &NamedNode) -> NamedNode {
        NamedNode::new_unchecked(format!("{}/zeitraum", node.as_str()))
    }

    /// A person's membership in an organisation with a role, in one Wahlperiode where it is
    /// known by period (`id/mitgliedschaft/mdl-11822/landtag/vizepraesident/18`).
    pub fn membership(
        &self,
        person: &NamedNode,
        org: &NamedNode,
        role: &str,
        wahlperiode: Option<u32>,
    ) -> NamedNode {
        let path = |n: &NamedNode| {
            n.as_str()
                .rsplit("/id/")
                .next()
                .unwrap_or("")
                .trim_start_matches("person/")
                .replace('/', "-")
        };
        let period = wahlperiode.map_or(String::new(), |wp| format!("/{wp}"));
        self.node(&format!(
            "id/mitgliedschaft/{}/{}/{}{period}",
            path(person),
            path(org),
            slug(role)
        ))
    }
}

/// Sub-IRIs of a meeting: agenda items (Tagesordnungspunkte) and contributions (Beiträge).
pub fn agenda_item(meeting: &NamedNode, number: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/top/{}", meeting.as_str(), slug(number)))
}

pub fn contribution(meeting: &NamedNode, seq: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/beitrag/{seq}", meeting.as_str()))
}

pub fn interjection(meeting: &NamedNode, seq: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/ereignis/{seq}", meeting.as_str()))
}

pub fn vote(meeting: &NamedNode, seq: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/abstimmung/{seq}", meeting.as_str()))
}

pub fn ballot(vote: &NamedNode, seq: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/stimme/{seq}", vote.as_str()))
}

/// A member's vote in a roll call, by its row number in the annex.
pub fn member_ballot(vote: &NamedNode, row: u32) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/einzelstimme/{row}", vote.as_str()))
}

/// A count of a roll call or election: by option (`ja`, `nein`, …) or candidate's position.
pub fn count(vote: &NamedNode, key: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/zaehlung/{key}", vote.as_str()))
}

/// A protocol's `n`-th attachment (Anlage).
pub fn attachment(doc: &NamedNode, n: u32) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/anlage/{n}", doc.as_str()))
}

/// The `seq`-th doubt a document's cross-checks raise about it (a quality annotation).
pub fn check(doc: &NamedNode, seq: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/zweifel/{seq}", doc.as_str()))
}

/// A cross-check as a concept of the scheme `pruefung` (`ontology/pruefungen.ttl`).
pub fn check_concept(key: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{key}", crate::vocab::pruefung::NS))
}

/// The `seq`-th figure (count) a document gives.
pub fn figure(doc: &NamedNode, seq: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/zahl/{seq}", doc.as_str()))
}

/// A numbered question of a paper, and its answer.
pub fn question(doc: &NamedNode, number: u32) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/frage/{number}", doc.as_str()))
}

pub fn answer(question: &NamedNode) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/antwort", question.as_str()))
}

/// The `seq`-th funding statement of a document, and its amount.
pub fn funding(doc: &NamedNode, seq: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/finanzierung/{seq}", doc.as_str()))
}

pub fn funding_amount(funding: &NamedNode) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/betrag", funding.as_str()))
}

pub fn text_context(doc: &NamedNode) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/text", doc.as_str()))
}

/// The committees' own abbreviations; others get a slug of their name.
fn committee_key(name: &str) -> String {
    match crate::lexicon::committee(name) {
        Some((key, _)) if !key.is_empty() => key.to_owned(),
        _ => slug(name),
    }
}

/// A readable ASCII slug: lower case, umlauts transliterated, other marks dropped.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars().flat_map(char::to_lowercase) {
        match ch {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            c if c.is_alphabetic() => out.push_str(&fold_diacritic(c)),
            _ => {
                if !out.ends_with('-') && !out.is_empty() {
                    out.push('-');
                }
            }
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// `î` → `i`, `ğ` → `g`: Latin letters with marks, by their decomposition's base letter.
fn fold_diacritic(c: char) -> String {
    const TABLE: &[(&str, char)] = &[
        ("àáâãåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ìíîïĩīĭįı", 'i'),
        ("ķ", 'k'),
        ("ĺļľŀł", 'l'),
        ("ñńņňŉ", 'n'),
        ("òóôõøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşšș", 's'),
        ("ţťŧț", 't'),
        ("ùúûũūŭůűų", 'u'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    TABLE
        .iter()
        .find(|(set, _)| set.contains(c))
        .map_or_else(String::new, |(_, b)| b.to_string())
}

/// A Wikidata item (`Q42` → `http://www.wikidata.org/entity/Q42`); `None` unless `qid` is one.
pub fn wikidata(qid: &str) -> Option<NamedNode> {
    let digits = qid.strip_prefix('Q')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| NamedNode::new_unchecked(format!("http://www.wikidata.org/entity/{qid}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("Berîvan Aymaz"), "berivan-aymaz");
        assert_eq!(slug("Gönül Eğlence"), "goenuel-eglence");
        assert_eq!(
            slug("Ausschuss für Bauen, Wohnen"),
            "ausschuss-fuer-bauen-wohnen"
        );
    }

    #[test]
    fn a_period_graph_name_is_read_back_and_nothing_else_is_one() {
        let base = Base::new(DEFAULT_BASE).unwrap();
        let g = base.period_graph(18);
        assert_eq!(
            g.as_str(),
            "https://landtag-lod.example/graph/wahlperiode/18"
        );
        assert_eq!(base.period_of_graph(&g), Some(18));
        for other in [
            "https://landtag-lod.example/graph/plenarprotokoll/18/115",
            "https://landtag-lod.example/graph/wahlperiode/+18",
            "https://landtag-lod.example/graph/wahlperiode/18/1",
            "https://landtag-lod.example/graph/wahlperiode/",
            "https://elsewhere.example/graph/wahlperiode/18",
        ] {
            assert_eq!(
                base.period_of_graph(&given(other).unwrap()),
                None,
                "{other}"
            );
        }
    }
}
