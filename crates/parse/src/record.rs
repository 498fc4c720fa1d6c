//! Beschlussprotokolle (PlBPr, § 104 GO): the Landtag's own record of what a plenary sitting
//! decided. The head names the sitting (`PlBPr 18/56`, `der 56. Sitzung`, its date); each item
//! (`2.`, a title, the papers printed under it) holds its decisions, one sentence a decision, in
//! the grammar of a result: `Der Antrag - Drucksache 18/8121 - wurde nach Beratung in direkter
//! Abstimmung mit den Stimmen der Fraktionen von CDU, GRÜNEN und AfD gegen die Stimmen der
//! Fraktionen von SPD und FDP abgelehnt.` The positions are the official ones, on the paper as
//! decided; `queries/record-checks.rq` holds a plenary protocol's votes against them.
//!
//! The grammar: a decision is a sentence whose verb is `wurde(n)`, that closes with a result
//! verb (`record-…` families of `data/lexicon/abstimmung.tsv`) and names voters (`mit den
//! Stimmen …`, `einstimmig`) or is a roll call. It begins at the last capitalised article or
//! preposition before its verb (`Der Antrag …`, `Bei der … Einzelabstimmung`, `In der
//! Gesamtabstimmung`), so the item's title and papers printed before it stay out. The papers
//! it decides are those the record sets between dashes (`- Drucksache 18/8121 -`); the one
//! after `entsprechend der Beschlussempfehlung` is the recommendation it followed.

use super::phrases::{self, Family};
use super::refs::{self, first_date, wahlperiode_on};
use super::sentence;
use super::vote::{self, When};
use super::{Diagnostics, Severity};
use crate::model::{
    AgendaItem, Body, CharIndex, Date, Document, DocumentKind, Meeting, PaperKind, PaperRef, Tally,
    Vote, VoteMethod, VoteResult,
};
use regex::Regex;
use std::sync::LazyLock;

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"PlBPr\.?\s*(\d{1,2})\s*/\s*(\d{1,4})").unwrap());
static SESSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bder\s+(\d{1,4})\.\s*Sitzung").unwrap());
static PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.\s*Wahlperiode").unwrap());
/// An item's number at a line's start, alone or before its title (`2.`, `12. Title`).
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^[ \t]*(\d{1,3})\.(?:[ \t]+([^\n]*))?$").unwrap());
/// What follows an ordinal that is no item (`2. Lesung`).
static NOT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Lesung|Sitzung|Wahlperiode|Wahlgang|Beratung|Nachtrag|Änderung)\b").unwrap()
});
/// A line under an item's title that names a paper or the kind of business: the title ends.
static KIND_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Antrag|Gesetzentwurf|Entschließungsantrag|Änderungsantrag|Beschlussempfehlung|Unterrichtung|Aktuelle Stunde|Große Anfrage|Kleine Anfrage|Wahlvorschlag|Drucksache|Vorlage|Übersicht|Bericht|in Verbindung|Dringliche|Mündliche|Fragestunde|Der |Die Aktuelle)").unwrap()
});
/// The record's verb.
static VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bwurden?\b").unwrap());
/// Where a decision's sentence begins: a capitalised article or preposition.
static OPENER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(?:Der|Die|Das|Bei|In|Im|Nach|Auf)\s").unwrap());
/// A paper the record decides, set between dashes (`- Drucksache 18/8121 -`).
static DASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[-–]\s*Drucksache\s+(\d{1,2})\s*/\s*(\d{1,6})(?:\s*\((?:Neudruck|neu)\))?\s*[-–]")
        .unwrap()
});
static REJECTED: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::RecordRejected));
static ACCEPTED: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::RecordAccepted));
static REFERRED: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::RecordReferred));
static FOLLOWING: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::RecordFollowing));
static PARTS: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::RecordParts));
static PART: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::RecordPart));
static ROLL_CALL: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::RecordRollCall));
static DECIDES: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::RecordDecides));
static PROCEDURAL: LazyLock<Regex> = LazyLock::new(|| phrases::regex(Family::RecordProcedural));
/// Where a part's name ends: its clauses begin.
static PART_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s(?:mit|gegen|bei|einstimmig|ohne)\b").unwrap());

pub fn parse(text: &str, diags: &mut Diagnostics) -> Document {
    let head: String = text.chars().take(800).collect();
    let id = NUMBER.captures(&head).and_then(|c| {
        Some(PaperRef {
            kind: PaperKind::Beschlussprotokoll,
            wahlperiode: c[1].parse().ok()?,
            number: c[2].parse().ok()?,
        })
    });
    let date = first_date(&head).map(|(_, d)| d);
    let session = id.map(|p| p.number).or_else(|| number(&SESSION, &head));
    let wahlperiode = id
        .map(|p| p.wahlperiode)
        .or_else(|| number(&PERIOD, &head))
        .or_else(|| date.and_then(wahlperiode_on));
    if id.is_none() {
        diags.push(Severity::Warning, 0, "no `PlBPr N/M` in the head");
    }
    let when = When { wahlperiode, date };
    let items = items(text);
    let votes = decisions(text, &items, when, diags);
    // The record's own doubts, as for a protocol's votes: factions missing or given twice, a
    // result the seats do not carry.
    let checks = super::checks::votes(&votes, when);
    let mentions = refs::mentions(text);
    Document {
        wahlperiode,
        title: id.map(|n| format!("Beschlussprotokoll {}", n.printed())),
        id,
        date,
        meeting: Some(meeting(session, date)),
        agenda: items.into_iter().map(|(_, item)| item).collect(),
        votes,
        mentions,
        checks,
        ..Document::empty(DocumentKind::Beschlussprotokoll, text)
    }
}

fn number(re: &Regex, text: &str) -> Option<u32> {
    re.captures(text)?[1].parse().ok()
}

fn meeting(session: Option<u32>, date: Option<Date>) -> Meeting {
    Meeting {
        body: Body::Plenum,
        session,
        public: Some(true),
        date,
        start: None,
        end: None,
        place: None,
        chairs: Vec::new(),
        minute_taker: None,
    }
}

/// The items, each with the byte offset of its number: numbers rising by at most five after
/// the first (an ordinal such as `2. Lesung` is none), the title the lines after it up to the first that
/// names a paper or a kind of business, the papers up to the next item.
fn items(text: &str) -> Vec<(usize, AgendaItem)> {
    let mut heads: Vec<(usize, usize, u32, Option<&str>)> = Vec::new();
    for c in ITEM.captures_iter(text) {
        let Ok(n) = c[1].parse::<u32>() else { continue };
        let rest = c.get(2).map(|m| m.as_str().trim());
        // The first item may be any (an excerpt), each after it rises by at most five.
        let last = heads.last().map(|h| h.2);
        let out_of_sequence = last.is_some_and(|l| n <= l || n > l + 5);
        if out_of_sequence || rest.is_some_and(|r| NOT_ITEM.is_match(r)) {
            continue;
        }
        let m = c.get(0).unwrap();
        heads.push((m.start(), m.end(), n, rest.filter(|r| !r.is_empty())));
    }
    let ends: Vec<usize> = heads
        .iter()
        .skip(1)
        .map(|h| h.0)
        .chain([text.len()])
        .collect();
    heads
        .iter()
        .zip(ends)
        .map(|(&(start, end, n, first), until)| {
            let region = &text[end..until];
            let mut papers = Vec::new();
            refs::merge(
                &mut papers,
                refs::papers(region)
                    .into_iter()
                    .map(|(_, r)| r)
                    .filter(|r| r.kind == PaperKind::Drucksache),
            );
            let item = AgendaItem {
                number: n.to_string(),
                title: title(first, region),
                title_note: None,
                papers,
                inferred: false,
            };
            (start, item)
        })
        .collect()
}

/// An item's title: on its number's line, else the lines after it up to a blank line or a line
/// naming a paper or a kind of business (at most six lines).
fn title(first: Option<&str>, region: &str) -> Option<String> {
    let lines = region
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty() && !KIND_LINE.is_match(l))
        .take(6);
    let t = first.into_iter().chain(lines).collect::<Vec<_>>().join(" ");
    let t = crate::words::collapse(&t);
    (!t.is_empty()).then_some(t)
}

/// Every decision of the record, with the item it stands under.
fn decisions(
    text: &str,
    items: &[(usize, AgendaItem)],
    when: When,
    diags: &mut Diagnostics,
) -> Vec<Vote> {
    let chars = CharIndex::new(text);
    let mut votes = Vec::new();
    // An item's number ends no sentence (`7.` reads as an initial): split at each item first.
    let bounds: Vec<usize> = [0]
        .into_iter()
        .chain(items.iter().map(|(i, _)| *i))
        .chain([text.len()])
        .collect();
    let sentences = bounds.windows(2).flat_map(|w| {
        sentence::split(&text[w[0]..w[1]])
            .into_iter()
            .map(move |(a, b)| (w[0] + a, w[0] + b))
    });
    for (start, end) in sentences {
        let s = &text[start..end];
        let Some(verb) = verb(s) else { continue };
        let open = OPENER.find_iter(&s[..verb]).last().map_or(0, |m| {
            m.start() + m.as_str().len() - m.as_str().trim_start().len()
        });
        let at = start + open;
        let item = items
            .iter()
            .rev()
            .find(|(i, _)| *i <= at)
            .map(|(_, item)| item.number.clone());
        let decision = &text[at..end];
        let mut read = read(decision, verb - open, when);
        if read.is_empty() && looks_decided(decision) {
            diags.push(
                Severity::Warning,
                at,
                "a decision whose result or voters were not understood",
            );
        }
        for (v, (a, b)) in &mut read {
            v.item = item.clone();
            v.span = chars.span(at + *a..at + *b);
        }
        votes.extend(read.into_iter().map(|(v, _)| v));
    }
    subjects_of_parts(&mut votes, items);
    votes
}

/// Where a decision's verb stands: `wurde(n)`, or, where the record leaves the auxiliary out
/// (`Der Entschließungsantrag - Drucksache 18/10971 - mit den Stimmen … abgelehnt.`), right
/// after the paper it decides.
fn verb(sentence: &str) -> Option<usize> {
    let said = VERB.find(sentence).map(|m| m.start());
    said.or_else(|| DASHED.find(sentence).map(|m| m.end()))
}

/// A sentence that names voters and a paper but gave no decision: worth a warning.
fn looks_decided(decision: &str) -> bool {
    vote::names_voters(decision) && DASHED.is_match(decision)
}

/// The decision (or, voted apart, each part's) `decision` records, with its range within it;
/// `verb` is where `wurde(n)` stands.
fn read(decision: &str, verb: usize, when: When) -> Vec<(Vote, (usize, usize))> {
    // The main clause ends at a semicolon after the verb (`… überwiesen; die abschließende …`),
    // a roll call's clause at the colon before its printed result; neither before the verb.
    let after_verb = |c: char| decision[verb..].find(c).map(|i| verb + i);
    let main = &decision[..after_verb(';').unwrap_or(decision.len())];
    if PARTS.is_match(&main[..verb]) {
        return parts(decision, verb, when);
    }
    let roll_call = ROLL_CALL.is_match(main);
    let clause_end = match after_verb(':') {
        Some(colon) if roll_call && colon < main.len() => colon,
        _ => main.len(),
    };
    let clause = &main[..clause_end];
    let Some((result, referral)) = result(&clause[verb..]) else {
        return Vec::new();
    };
    if !roll_call && !vote::names_voters(clause) {
        return Vec::new();
    }
    let mut v = vote::empty_vote(None);
    papers(clause, &mut v);
    if v.subject.is_none() {
        v.subject = undashed_subject(&clause[..verb]);
    }
    v.result = Some(result);
    v.result_stated = true;
    let [positions, conflicts] = vote::recorded_positions(&clause[verb..], result, when);
    v.positions = positions;
    v.conflicts = conflicts;
    if referral {
        v.referral = true;
        (v.lead, v.referred_to) = vote::referred_to(clause);
    }
    let mut end = decision.trim_end().len();
    if roll_call {
        v.method = VoteMethod::RollCall;
        let (tally, tally_end) = tally(&decision[clause_end..]);
        v.tally = tally;
        end = clause_end + tally_end;
    }
    vec![(v, (0, end))]
}

/// The result a decision's clause closes with, and whether it sends the paper to committees:
/// the last result verb the clause says (rejected before accepted at one place), before what
/// the decision does to another paper (`… angenommen und damit der Antrag - … - abgelehnt`).
fn result(clause: &str) -> Option<(VoteResult, bool)> {
    let clause = DECIDES
        .find(clause)
        .map_or(clause, |m| &clause[..m.start()]);
    let last = |re: &Regex| re.find_iter(clause).last().map(|m| m.start());
    let found = [
        (last(&REJECTED), VoteResult::Rejected, false),
        (last(&REFERRED), VoteResult::Accepted, true),
        (last(&ACCEPTED), VoteResult::Accepted, false),
    ];
    found
        .into_iter()
        .filter_map(|(at, r, referral)| Some((at?, r, referral)))
        .max_by_key(|(at, _, _)| *at)
        .map(|(_, r, referral)| (r, referral))
}

/// The papers a decision names between dashes: the first its subject, the others decided
/// alike, the one after `entsprechend der Beschlussempfehlung` the recommendation followed, the
/// one after `und damit der Gesetzentwurf` the paper a recommendation decides.
fn papers(clause: &str, v: &mut Vote) {
    let following_at = FOLLOWING.find(clause).map(|m| m.end());
    let decides_at = DECIDES.find(clause).map(|m| m.end());
    // A motion on the agenda or the rules names papers as what it is about.
    let about_agenda = |at: usize| PROCEDURAL.is_match(&clause[..at]);
    for c in DASHED.captures_iter(clause) {
        let (Ok(wahlperiode), Ok(number)) = (c[1].parse(), c[2].parse()) else {
            continue;
        };
        let paper = PaperRef {
            kind: PaperKind::Drucksache,
            wahlperiode,
            number,
        };
        let at = c.get(0).unwrap().start();
        if about_agenda(at) {
            continue;
        }
        if following_at.is_some_and(|f| at >= f && clause[f..at].trim().len() <= 2) {
            v.following = Some(paper);
        } else if v.decides.is_none() && decides_at.is_some_and(|d| at >= d) {
            v.decides = Some(paper);
        } else if v.subject.is_none() {
            v.subject = Some(paper);
        } else if v.subject != Some(paper) && !v.also_on.contains(&paper) {
            v.also_on.push(paper);
        }
    }
}

/// The subject where no paper stands between dashes (`Der Antrag Drucksache 14/1234 wurde …`):
/// the first Drucksache before the verb, unless a motion names it as what it is about (`Der
/// Antrag … auf Änderung der Tagesordnung zu den Drucksachen …`, a motion on the agenda).
fn undashed_subject(before_verb: &str) -> Option<PaperRef> {
    static ABOUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:zu|über|betreffend)\s+(?:den|der|die|dem)\s*$").unwrap()
    });
    refs::papers(before_verb)
        .into_iter()
        .filter(|(_, p)| p.kind == PaperKind::Drucksache)
        .find(|(at, _)| {
            let lead = before_verb[..*at].trim_end();
            let lead = lead
                .strip_suffix("Drucksachen")
                .or_else(|| lead.strip_suffix("Drucksache"))
                .unwrap_or(lead);
            !ABOUT.is_match(lead) && !PROCEDURAL.is_match(&before_verb[..*at])
        })
        .map(|(_, p)| p)
}

/// A roll call's printed result (`Abgegebene Stimmen 203 / Ja 13 / Nein 188 / Enthaltungen 2`)
/// and where it ends.
fn tally(after: &str) -> (Option<Tally>, usize) {
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?P<key>Abgegebene\s+Stimmen|Ja(?:-Stimmen)?|Nein(?:-Stimmen)?|Enthaltungen|Stimmenthaltungen|ungültig(?:e\s+Stimmen)?)\s*:?\s*(?P<n>\d{1,3})\b").unwrap()
    });
    let mut t = Tally::default();
    let mut end = 0;
    for c in COUNT.captures_iter(after) {
        let n = c["n"].parse().ok();
        let key = c["key"].to_lowercase();
        let slot = match key.as_str() {
            k if k.starts_with("abgegebene") => &mut t.cast,
            k if k.starts_with("ja") => &mut t.yes,
            k if k.starts_with("nein") => &mut t.no,
            k if k.starts_with("ungültig") => &mut t.invalid,
            _ => &mut t.abstain,
        };
        *slot = n;
        end = c.get(0).unwrap().end();
    }
    ((end > 0).then_some(t), end)
}

/// Parts voted on apart (`Bei der … Einzelabstimmung wurde / Ziffer II Nr. 1 mit den Stimmen …
/// angenommen, / Ziffer II Nr. 2 …`): a vote each, its part the words before its clauses.
fn parts(decision: &str, verb: usize, when: When) -> Vec<(Vote, (usize, usize))> {
    let body_start = verb + VERB.find(&decision[verb..]).map_or(0, |m| m.end());
    let body = &decision[body_start..];
    let starts: Vec<usize> = PART
        .find_iter(body)
        .map(|m| m.start())
        .filter(|&s| body[..s].trim_end().is_empty() || body[..s].trim_end().ends_with(','))
        .collect();
    let ends = starts.iter().skip(1).copied().chain([body.len()]);
    let mut out = Vec::new();
    for (s, e) in starts.iter().copied().zip(ends) {
        let seg = body[s..e].trim_end().trim_end_matches([',', '.']);
        let Some((result, _)) = result(seg) else {
            continue;
        };
        let name_end = PART_END.find(seg).map_or(seg.len(), |m| m.start());
        let mut v = vote::empty_vote(None);
        v.part = Some(crate::words::collapse(&seg[..name_end]));
        v.result = Some(result);
        v.result_stated = true;
        let [positions, conflicts] = vote::recorded_positions(seg, result, when);
        v.positions = positions;
        v.conflicts = conflicts;
        out.push((v, (body_start + s, body_start + s + seg.len())));
    }
    out
}

/// A part voted on apart is of the paper its item decides next (`In der Gesamtabstimmung wurde
/// der Antrag - Drucksache … -`), else of the one decided before it, else the item's first.
fn subjects_of_parts(votes: &mut [Vote], items: &[(usize, AgendaItem)]) {
    for i in 0..votes.len() {
        if votes[i].part.is_none() || votes[i].subject.is_some() {
            continue;
        }
        let item = votes[i].item.clone();
        let same = |v: &&Vote| v.item == item && v.part.is_none() && v.subject.is_some();
        let subject = votes[i + 1..]
            .iter()
            .find(same)
            .or_else(|| votes[..i].iter().rev().find(same))
            .and_then(|v| v.subject)
            .or_else(|| {
                items
                    .iter()
                    .find(|(_, it)| Some(&it.number) == item.as_ref())
                    .and_then(|(_, it)| it.papers.first().copied())
            });
        votes[i].subject = subject;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Position, Voter};

    /// Through the normaliser and the kind's detection, as a file is read.
    fn parsed(text: &str) -> (Document, Vec<crate::Diagnostic>) {
        let p = crate::parse(&crate::normalize::normalize(text));
        (p.document.expect("a Beschlussprotokoll"), p.diagnostics)
    }

    fn position(v: &Vote, who: &str) -> Option<Position> {
        v.positions
            .iter()
            .find(|(voter, _)| match voter {
                Voter::Faction(f) => f.label() == who,
                Voter::Member(s) => s.name == who,
            })
            .map(|(_, p)| *p)
    }

    #[test]
    fn each_form_of_decision_in_a_written_record() {
        let text = include_str!("../../../tests/fixtures/text/mmpb18-99-written.txt");
        let (doc, diags) = parsed(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(
            doc.checks.is_empty(),
            "a right record raises no doubt: {:?}",
            doc.checks
        );
        assert_eq!(doc.id.map(|p| p.printed()), Some("18/99".into()));
        assert_eq!(doc.meeting.as_ref().and_then(|m| m.session), Some(99));
        assert_eq!(doc.date.map(|d| d.to_string()), Some("2025-03-12".into()));
        let numbers: Vec<&str> = doc.agenda.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7"]);
        assert_eq!(
            doc.agenda[1].title.as_deref(),
            Some("Gute Luft in allen Klassenzimmern")
        );
        let v = &doc.votes;
        assert_eq!(v.len(), 9, "{v:#?}");
        // Before the agenda: a motion on no paper.
        assert_eq!((v[0].item.as_deref(), v[0].subject), (None, None));
        assert_eq!(position(&v[0], "AfD"), Some(Position::Yes));
        // A direct vote with a non-attached member abstaining.
        assert_eq!(v[1].result, Some(VoteResult::Rejected));
        assert_eq!(position(&v[1], "Blex"), Some(Position::Abstain));
        assert_eq!(position(&v[1], "FDP"), Some(Position::Yes));
        // Two papers referred, the lead first; the hyphen broken at the line's end.
        assert!(v[2].referral);
        assert_eq!(v[2].also_on.len(), 1);
        assert_eq!(v[2].lead.as_deref(), Some("Verkehrsausschuss"));
        assert_eq!(v[2].referred_to.len(), 2);
        // Passed as the committee recommended.
        assert_eq!(v[3].following.map(|p| p.number), Some(9920));
        assert_eq!(v[3].subject.map(|p| p.number), Some(9800));
        assert_eq!(position(&v[3], "SPD"), Some(Position::Abstain));
        // Parts apart, then the whole: the parts are of the paper the whole vote names.
        let parts: Vec<_> = v[4..6].iter().map(|v| v.part.clone().unwrap()).collect();
        assert_eq!(parts, ["Ziffer II Nr. 1", "Ziffer II Nr. 2"]);
        assert!(v[4..7]
            .iter()
            .all(|v| v.subject.map(|p| p.number) == Some(9905)));
        assert_eq!(position(&v[5], "SPD"), Some(Position::No));
        // A roll call: its printed result, no faction positions.
        assert_eq!(v[7].method, VoteMethod::RollCall);
        let t = v[7].tally.unwrap();
        assert_eq!(
            (t.cast, t.yes, t.no, t.abstain),
            (Some(180), Some(51), Some(128), Some(1))
        );
        assert!(v[7].positions.is_empty());
        // Unanimous: every faction of the period.
        assert_eq!(v[8].positions.len(), 5);
        assert!(v[8].positions.iter().all(|(_, p)| *p == Position::Yes));
    }

    #[test]
    fn a_record_laid_out_in_table_cells_and_older_wording() {
        // One cell a line, the cells set off by `|`, en dashes, members named in a list.
        let text = "LANDTAG NORDRHEIN-WESTFALEN\n|\nPlBPr 17/40 |\n|\n14.11.2018 |\nBeschlussprotokoll\nder 40. Sitzung\ndes Landtags Nordrhein-Westfalen\n|\n1. |\nEin Titel\nAntrag der Fraktion der SPD\n|\n|\nDer Antrag – Drucksache 17/4000 – wurde nach Beratung in direkter Abstimmung mit den Stimmen der Fraktionen von CDU, FDP und AfD sowie der fraktionslosen Abgeordneten Langguth und Neppe gegen die Stimmen der Fraktionen von SPD und GRÜNEN abgelehnt. |\n2. |\nNoch ein Titel\nAntrag der Fraktion der AfD\n|\n|\nDer Antrag – Drucksache 17/4001 – wurde mit den Stimmen der Fraktionen von CDU, SPD, FDP und GRÜNEN gegen die Stimmen der Fraktion der AfD abgelehnt. |\n";
        let (doc, _) = parsed(text);
        assert_eq!(doc.id.map(|p| p.printed()), Some("17/40".into()));
        assert_eq!(doc.votes.len(), 2, "{:#?}", doc.votes);
        let v = &doc.votes[0];
        assert_eq!(v.item.as_deref(), Some("1"));
        assert_eq!(v.subject.map(|p| p.number), Some(4000));
        assert_eq!(position(v, "Langguth"), Some(Position::No));
        assert_eq!(position(v, "GRÜNE"), Some(Position::Yes));
        assert_eq!(doc.votes[1].item.as_deref(), Some("2"));
    }

    #[test]
    fn a_semicolon_or_colon_before_the_verb_breaks_nothing() {
        let head = "PlBPr 18/70\nBeschlussprotokoll\nder 70. Sitzung\n\n1.\nTitel\n\n";
        let text = format!(
            "{head}Der Antrag der Fraktion der AfD (Stichwort: Tagesordnung; Absetzung) wurde mit den Stimmen der Fraktionen von CDU, SPD, GRÜNEN und FDP gegen die Stimmen der Fraktion der AfD abgelehnt."
        );
        let (doc, _) = parsed(&text);
        assert_eq!(doc.votes.len(), 1);
        assert_eq!(doc.votes[0].result, Some(VoteResult::Rejected));
    }

    #[test]
    fn what_is_no_decision_and_what_is_not_understood() {
        let head = "PlBPr 18/70\nBeschlussprotokoll\nder 70. Sitzung\n\n1.\nTitel\n\n";
        // Held, not decided; an election by ballot; neither is a vote.
        for s in [
            "Die Aktuelle Stunde wurde durchgeführt.",
            "Frau Dr. Erika Beispiel wurde in geheimer Wahl mit folgendem Ergebnis gewählt:",
        ] {
            let (doc, diags) = parsed(&format!("{head}{s}"));
            assert!(
                doc.votes.is_empty() && diags.is_empty(),
                "{s}: {:?}",
                doc.votes
            );
        }
        // Voters and a paper but no result verb understood: a warning with its line.
        let (doc, diags) = parsed(&format!(
            "{head}Der Antrag - Drucksache 18/7000 - wurde mit den Stimmen der Fraktionen von CDU und GRÜNEN vertagt."
        ));
        assert!(doc.votes.is_empty());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, 8);
    }
}
