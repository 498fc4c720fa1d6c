//! The views above a resource's raw statements: what a journalist looks for first on the page of
//! a person (speeches, roll-call votes, factions and offices), a session (agenda with speakers,
//! each vote as a table), a vote (its table and the sentences it was read from) and a paper
//! (who submitted it, where it was debated and voted on). Each is a few SPARQL queries.

use super::pages::{link, option_de, result_de, select, text, Link, PROLOGUE};
use super::ApiError;
use oxigraph::model::NamedNode;
use oxigraph::sparql::CancellationToken;
use oxigraph::store::Store;
use serde::Serialize;

/// Rows a view lists at most (its queries say `LIMIT 200`); the rest are a SPARQL query away.
const MAX_ROWS: usize = 200;

/// The views' queries, beside the named ones (`queries/views/`): `$NODE` is the resource.
const DOUBTS: &str = include_str!("../../../queries/views/doubts.rq");
const MEMBERSHIPS: &str = include_str!("../../../queries/views/person-memberships.rq");
const SPEECHES: &str = include_str!("../../../queries/views/person-speeches.rq");
const BALLOTS: &str = include_str!("../../../queries/views/person-ballots.rq");
const SESSION_ITEMS: &str = include_str!("../../../queries/views/session-items.rq");
const VOTES: &str = include_str!("../../../queries/views/votes.rq");
const SUBMITTERS: &str = include_str!("../../../queries/views/paper-submitters.rq");
const DEBATED: &str = include_str!("../../../queries/views/paper-debated.rq");
/// The named query `record-checks`, which a page scopes to its resource (`record_checks`).
const RECORD_CHECKS: &str = include_str!("../../../queries/record-checks.rq");
const RECORD_CHECKS_HEAD: &str = "SELECT DISTINCT ?source ?subject ?check ?detail WHERE {";
/// The votes of a page's resource: the vote itself, a protocol's, a sitting's, or those of the
/// sitting a Beschlussprotokoll is about.
const RECORD_CHECKS_SCOPE: &str = "SELECT DISTINCT (?v AS ?target)
  (CONCAT(\"Abstimmung über \", ?subject) AS ?tlabel) ?check ?detail WHERE {
  { BIND($NODE AS ?v) } UNION { ?v prov:wasDerivedFrom $NODE } UNION { ?v lt:sitzung $NODE }
  UNION { $NODE a lt:Beschlussprotokoll ; schema:about ?about . ?v lt:sitzung ?about }";

/// What a resource page shows above its statements, by the resource's class.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum View {
    Person(PersonView),
    Session(SessionView),
    Vote(VoteView),
    Paper(PaperView),
}

pub struct Ctx<'a> {
    pub store: &'a Store,
    pub node: &'a NamedNode,
    pub base: &'a str,
    pub token: &'a CancellationToken,
}

impl Ctx<'_> {
    fn rows(
        &self,
        body: &str,
    ) -> Result<Vec<std::collections::HashMap<String, oxigraph::model::Term>>, ApiError> {
        let q = format!(
            "{PROLOGUE}{}",
            body.replace("$NODE", &self.node.to_string())
        );
        select(self.store, &q, self.token)
    }
}

/// A doubt the document's own cross-checks raise (a `dqv:QualityAnnotation`), as a page lists it.
#[derive(Debug, Serialize)]
pub struct Doubt {
    /// The check's key (`vote-factions-incomplete`) and its German label.
    check: String,
    label: String,
    about: Link,
    detail: String,
}

/// The doubts that concern the resource: those about it, and for a document or its sitting
/// every doubt about the document; then where the sitting's Beschlussprotokoll contradicts a
/// vote of the resource (`record-checks`, computed when the page is asked for).
pub fn doubts(ctx: &Ctx<'_>) -> Result<Vec<Doubt>, ApiError> {
    let mut out: Vec<Doubt> = ctx
        .rows(DOUBTS)?
        .iter()
        .map(|r| Doubt {
            check: text(r, "key"),
            label: text(r, "klabel"),
            about: link(r, "target", "tlabel", ctx.base),
            detail: text(r, "detail"),
        })
        .collect();
    out.extend(ctx.rows(&record_checks())?.iter().map(|r| Doubt {
        check: text(r, "check"),
        label: "Widerspruch zum Beschlussprotokoll".to_owned(),
        about: link(r, "target", "tlabel", ctx.base),
        detail: text(r, "detail"),
    }));
    Ok(out)
}

/// `record-checks` scoped to the page's resource: its head gives way to the scope.
fn record_checks() -> String {
    RECORD_CHECKS.replacen(RECORD_CHECKS_HEAD, RECORD_CHECKS_SCOPE, 1)
}

/// The view for `classes`, if one fits.
pub fn view(ctx: &Ctx<'_>, classes: &[String]) -> Result<Option<View>, ApiError> {
    let has = |c: &str| classes.iter().any(|x| x == c);
    Ok(Some(if has("http://xmlns.com/foaf/0.1/Person") {
        View::Person(person(ctx)?)
    } else if has("https://w3id.org/landtag-lod/ontology#Sitzung") {
        View::Session(session(ctx)?)
    } else if has("http://www.w3.org/ns/opengov#VoteEvent") {
        View::Vote(vote_view(ctx)?)
    } else if has("https://w3id.org/landtag-lod/ontology#Drucksache") {
        View::Paper(paper(ctx)?)
    } else {
        return Ok(None);
    }))
}

#[derive(Debug, Serialize)]
pub struct Membership {
    period: String,
    /// The days the membership or office began and ended (`to` empty: held now, or not known).
    from: String,
    to: String,
    organisation: Link,
    role: String,
}

#[derive(Debug, Serialize)]
pub struct Speech {
    date: String,
    meeting: Link,
    item: String,
    speech: Link,
    /// `Sitzungsleitung` for what the chair says presiding, else `Rede`.
    kind: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Ballot {
    date: String,
    vote: Link,
    faction: String,
    option: String,
    option_de: &'static str,
}

#[derive(Debug, Serialize)]
pub struct PersonView {
    template: &'static str,
    memberships: Vec<Membership>,
    speeches: Vec<Speech>,
    speeches_more: bool,
    ballots: Vec<Ballot>,
}

/// The first words a speaker said, whole words, for a link's label: the printed label before
/// them (`Name, Minister für …:`) is left out where it names the speaker.
fn first_words(text: &str, speaker: &str, words: usize) -> String {
    let surname = speaker.rsplit(' ').next().unwrap_or(speaker);
    let said = match text.split_once(':') {
        Some((label, rest))
            if !surname.is_empty() && label.contains(surname) && label.chars().count() < 300 =>
        {
            rest
        }
        _ => text,
    };
    let mut w = said.split_whitespace();
    let head: Vec<&str> = w.by_ref().take(words).collect();
    let more = if w.next().is_some() { " …" } else { "" };
    format!("„{}{more}“", head.join(" "))
}

/// A person's memberships (factions) and offices, each with its Wahlperiode and days, in order
/// of time.
fn memberships(ctx: &Ctx<'_>) -> Result<Vec<Membership>, ApiError> {
    let rows = ctx.rows(MEMBERSHIPS)?;
    let mut memberships: Vec<Membership> = rows
        .iter()
        .map(|r| Membership {
            period: text(r, "wp"),
            from: text(r, "from"),
            to: text(r, "to"),
            organisation: link(r, "org", "olabel", ctx.base),
            role: text(r, "role"),
        })
        .collect();
    // An organisation has a short and a long label (`CDU`, `Fraktion der Christlich …`): once.
    let key = |m: &Membership| {
        (
            m.from.clone(),
            m.period.clone(),
            m.organisation.href.clone(),
            m.role.clone(),
        )
    };
    memberships.sort_by(|a, b| {
        (key(a), a.organisation.text.len()).cmp(&(key(b), b.organisation.text.len()))
    });
    memberships.dedup_by(|a, b| key(a) == key(b));
    Ok(memberships)
}

fn person(ctx: &Ctx<'_>) -> Result<PersonView, ApiError> {
    let memberships = memberships(ctx)?;
    let rows = ctx.rows(SPEECHES)?;
    let speeches_more = rows.len() > MAX_ROWS;
    let name = ctx
        .rows("SELECT ?n WHERE { $NODE foaf:name ?n } LIMIT 1")?
        .first()
        .map(|r| text(r, "n"))
        .unwrap_or_default();
    let speeches = rows
        .iter()
        .take(MAX_ROWS)
        .map(|r| Speech {
            date: text(r, "date"),
            meeting: link(r, "meeting", "mlabel", ctx.base),
            item: text(r, "item"),
            speech: Link::to(
                &text(r, "speech"),
                ctx.base,
                Some(&first_words(&text(r, "text"), &name, 12)),
            ),
            kind: if text(r, "chair") == "true" {
                "Sitzungsleitung"
            } else {
                "Rede"
            },
        })
        .collect();
    let ballots = ctx.rows(BALLOTS)?;
    let ballots = ballots
        .iter()
        .map(|r| {
            let option = text(r, "option");
            let number = text(r, "number");
            let label = if number.is_empty() {
                "Namentliche Abstimmung".to_owned()
            } else {
                format!("Drucksache {number}")
            };
            Ballot {
                date: text(r, "date"),
                vote: Link::to(&text(r, "vote"), ctx.base, Some(&label)),
                faction: text(r, "faction"),
                option_de: option_de(&option),
                option,
            }
        })
        .collect();
    Ok(PersonView {
        template: "person.html",
        memberships,
        speeches,
        speeches_more,
        ballots,
    })
}

#[derive(Debug, Serialize)]
pub struct Item {
    number: String,
    item: Link,
    speakers: Vec<Link>,
}

#[derive(Debug, Serialize)]
pub struct Position {
    voter: Link,
    option: String,
    option_de: &'static str,
}

#[derive(Debug, Serialize)]
pub struct VoteSummary {
    vote: Link,
    result: String,
    item: String,
    subject: Option<Link>,
    meeting: Option<Link>,
    date: String,
    positions: Vec<Position>,
}

#[derive(Debug, Serialize)]
pub struct SessionView {
    template: &'static str,
    items: Vec<Item>,
    votes: Vec<VoteSummary>,
}

fn session(ctx: &Ctx<'_>) -> Result<SessionView, ApiError> {
    let rows = ctx.rows(SESSION_ITEMS)?;
    let mut items: Vec<Item> = Vec::new();
    for r in &rows {
        let iri = text(r, "i");
        if items.last().is_none_or(|i| {
            i.item.href.as_deref() != Link::to(&iri, ctx.base, None).href.as_deref()
        }) {
            let number = text(r, "number");
            let title = text(r, "title");
            let label = if title.is_empty() {
                format!("TOP {number}")
            } else {
                title
            };
            items.push(Item {
                number,
                item: Link::to(&iri, ctx.base, Some(&label)),
                speakers: Vec::new(),
            });
        }
        // Each speech, by its speaker's name: the session leads to what was said.
        let speaker = link(r, "s", "name", ctx.base);
        let current = items.last_mut().expect("pushed above");
        if speaker.href.is_some() && !current.speakers.iter().any(|s| s.href == speaker.href) {
            current.speakers.push(speaker);
        }
    }
    items.sort_by_key(|a| natural(&a.number));
    let votes = votes_of(ctx)?;
    Ok(SessionView {
        template: "session.html",
        items,
        votes,
    })
}

/// One link per target, with its shortest label (a faction's `CDU`, not its full name).
fn shortest_per_target(links: Vec<Link>) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::new();
    for l in links {
        match out.iter_mut().find(|o| o.href == l.href) {
            Some(o) if l.text.chars().count() < o.text.chars().count() => *o = l,
            Some(_) => {}
            None => out.push(l),
        }
    }
    out
}

/// A sort key that puts `2` before `10` and `10a` after `10`.
fn natural(s: &str) -> (u64, String) {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    (digits.parse().unwrap_or(u64::MAX), s.to_owned())
}

/// The votes of a sitting, on a paper, or the vote itself, each with the positions of factions
/// and of members voting on their own (a roll call's members are on the vote's own page as
/// statements).
fn votes_of(ctx: &Ctx<'_>) -> Result<Vec<VoteSummary>, ApiError> {
    let rows = ctx.rows(VOTES)?;
    let mut votes: Vec<(String, VoteSummary)> = Vec::new();
    for r in &rows {
        let v = text(r, "v");
        if votes.last().is_none_or(|(k, _)| *k != v) {
            let number = text(r, "number");
            let part = text(r, "part");
            let mut label = match (number.is_empty(), part.is_empty()) {
                (true, _) => format!("Abstimmung {}", text(r, "seq")),
                (false, true) => format!("Abstimmung über Drucksache {number}"),
                (false, false) => format!("Abstimmung über Drucksache {number}, {part}"),
            };
            // A decision as the sitting's Beschlussprotokoll records it, beside the protocol's.
            if r.contains_key("record") {
                label.push_str(" (laut Beschlussprotokoll)");
            }
            votes.push((
                v.clone(),
                VoteSummary {
                    vote: Link::to(&v, ctx.base, Some(&label)),
                    result: result_de(&text(r, "result")),
                    item: text(r, "item"),
                    subject: r
                        .contains_key("paper")
                        .then(|| link(r, "paper", "number", ctx.base))
                        .map(|mut l| {
                            l.text = format!("Drucksache {}", l.text);
                            l
                        }),
                    meeting: r
                        .contains_key("meeting")
                        .then(|| link(r, "meeting", "mlabel", ctx.base)),
                    date: text(r, "date"),
                    positions: Vec::new(),
                },
            ));
        }
        if r.contains_key("who") {
            let option = text(r, "option");
            let summary = &mut votes.last_mut().expect("pushed above").1;
            summary.positions.push(Position {
                voter: link(r, "who", "wholabel", ctx.base),
                option_de: option_de(&option),
                option,
            });
        }
        if votes.len() > MAX_ROWS {
            break;
        }
    }
    Ok(votes.into_iter().map(|(_, s)| s).take(MAX_ROWS).collect())
}

#[derive(Debug, Serialize)]
pub struct VoteView {
    template: &'static str,
    vote: VoteSummary,
    sentences: Vec<String>,
}

fn vote_view(ctx: &Ctx<'_>) -> Result<VoteView, ApiError> {
    let mut votes = votes_of(ctx)?;
    let vote = votes
        .pop()
        .ok_or_else(|| ApiError::Internal("the vote vanished".into()))?;
    let sentences = ctx
        .rows("SELECT ?t WHERE { $NODE schema:text ?t }")?
        .iter()
        .map(|r| text(r, "t"))
        .collect();
    Ok(VoteView {
        template: "vote.html",
        vote,
        sentences,
    })
}

#[derive(Debug, Serialize)]
pub struct Debate {
    date: String,
    meeting: Link,
    item: Link,
}

#[derive(Debug, Serialize)]
pub struct PaperView {
    template: &'static str,
    kind: String,
    submitters: Vec<Link>,
    debated: Vec<Debate>,
    votes: Vec<VoteSummary>,
}

fn paper(ctx: &Ctx<'_>) -> Result<PaperView, ApiError> {
    let kind = ctx
        .rows("SELECT ?k WHERE { $NODE dcterms:type ?k } LIMIT 1")?
        .first()
        .map(|r| text(r, "k"))
        .unwrap_or_default();
    let submitters = ctx
        .rows(SUBMITTERS)?
        .iter()
        .map(|r| link(r, "by", "label", ctx.base))
        .collect();
    let submitters = shortest_per_target(submitters);
    let debated = ctx
        .rows(DEBATED)?
        .iter()
        .map(|r| {
            let number = text(r, "number");
            let title = text(r, "title");
            let label = if title.is_empty() {
                format!("TOP {number}")
            } else {
                format!("TOP {number}: {title}")
            };
            Debate {
                date: text(r, "date"),
                meeting: link(r, "meeting", "mlabel", ctx.base),
                item: Link::to(&text(r, "i"), ctx.base, Some(&label)),
            }
        })
        .collect();
    let votes = votes_of(ctx)?;
    Ok(PaperView {
        template: "paper.html",
        kind,
        submitters,
        debated,
        votes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each view's query is SPARQL with the resource put in, and a query of its own besides
    /// (`$NODE` unbound: over every resource).
    /// The page's scoped `record-checks` is the named query with the scope put in.
    #[test]
    fn the_record_checks_are_scoped_to_the_page() {
        assert!(RECORD_CHECKS.contains(RECORD_CHECKS_HEAD));
        let bound = format!(
            "{PROLOGUE}{}",
            record_checks().replace("$NODE", "<https://example.org/x>")
        );
        landtag_store::parse(&bound).unwrap_or_else(|e| panic!("{e}\n{bound}"));
        assert!(bound.contains("UNION { ?v lt:sitzung <https://example.org/x> }"));
    }

    #[test]
    fn the_view_queries_parse() {
        for q in [
            DOUBTS,
            MEMBERSHIPS,
            SPEECHES,
            BALLOTS,
            SESSION_ITEMS,
            VOTES,
            SUBMITTERS,
            DEBATED,
        ] {
            let bound = format!(
                "{PROLOGUE}{}",
                q.replace("$NODE", "<https://example.org/x>")
            );
            landtag_store::parse(&bound).unwrap_or_else(|e| panic!("{e}\n{bound}"));
            landtag_store::parse(q).unwrap_or_else(|e| panic!("{e}\n{q}"));
        }
    }
}
