//! Votes read from German parliamentary prose.
//!
//! Committee decisions: `Der Ausschuss lehnt den Antrag mit den Stimmen der Fraktionen von FDP,
//! CDU und AfD gegen die Stimmen der Fraktionen von SPD und BÜNDNIS 90/DIE GRÜNEN ab.`
//! Plenary votes: `Wer stimmt der Überweisungsempfehlung zu? – Das sind die Fraktionen von …
//! Wer stimmt dagegen? – Ich sehe keine Gegenstimme. Wer enthält sich? – Auch keine
//! Enthaltungen. Somit ist diese Überweisungsempfehlung angenommen.`
//! A result stated is taken; one implied by the positions (all yes, none against) is recorded
//! as accepted; anything else stays open.

use super::refs;
use super::speaker::actors;
use crate::model::{Faction, PaperKind, PaperRef, Position, Speaker, Vote, VoteResult, Voter};
use regex::Regex;
use std::sync::LazyLock;

/// A vote with byte offsets relative to the text it was read from.
pub struct Read {
    pub vote: Vote,
    pub start: usize,
    pub end: usize,
}

static DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Der\s+Ausschuss\s+(?P<verb>lehnt|nimmt)\s+(?P<body>[^.]*?)\s+(?P<end>ab|an)\.")
        .unwrap()
});
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<kw>mit\s+den\s+Stimmen|mit\s+der\s+Stimme|gegen\s+die\s+Stimmen?|bei\s+Enthaltung(?:en)?)").unwrap()
});
static QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Wer\s+stimmt\s+(?:(?P<obj>(?:[^?]*?\s)?)zu|(?P<against>gegen\s+[^?]*?))\s*\?")
        .unwrap()
});
static AGAINST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"Wer\s+(?:stimmt\s+dagegen|stimmt\s+gegen\s+[^?]*|lehnt\s+[^?]*\s+ab|ist\s+dagegen)\s*\?",
    )
    .unwrap()
});
static ABSTAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:Wer\s+enthält\s+sich(?:\s+der\s+Stimme)?|Gibt\s+es\s+Enthaltungen|Enthaltungen)\s*\?",
    )
    .unwrap()
});
static REPEATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bnoch\s+(?:ein)?mal\b").unwrap());
/// Where an answer ends: the next question or the result.
static ANSWER_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bWer\s|\bGibt\s+es\s|\bEnthaltungen\s*\?|\bDamit\b|\bSomit\b|\bDann\s+ist\b")
        .unwrap()
});
/// Phrases around the voters' names in an answer.
static ANSWER_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:das\s+sind|das\s+ist|(?:die|der|den)\s+fraktionen\s+(?:von|der)|(?:die|der)\s+fraktion\s+(?:von|der)|(?:die|der)\s+fraktion|fraktionen\s+von|(?:enthält|enthalten)\s+sich)\b").unwrap()
});
static RESULT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:Damit|Somit|Dann)\b[^.?]*?\b(?P<res>angenommen|abgelehnt|nicht\s+erteilt|erteilt|beschlossen|bestätigt|schließt\s+sich\s+[^.?]*?\san)\b").unwrap()
});
static REFERRAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Überweisung\s+(?:des|der)\s+[^.]*?\s+an\s+(?P<list>(?:den|die|das)\s.*?)(?:\.\s|\.$|\s+Die\s+abschließende)").unwrap()
});
static MEMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:der|die|den)?\s*fraktionslosen?\s+Abgeordneten?\s+(?P<titles>(?:(?:Prof\.|Dr\.)\s+)*)(?P<name>\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+)?)").unwrap()
});
static NOBODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:ich\s+sehe\s+)?(?:auch\s+)?(?:keine|niemand|keiner|das\s+ist\s+nicht\s+der\s+fall)\b").unwrap()
});

/// Committee decisions in `text`.
pub fn decisions(text: &str, fallback: Option<&PaperRef>, wahlperiode: Option<u32>) -> Vec<Read> {
    DECISION
        .captures_iter(text)
        .map(|c| {
            let whole = c.get(0).unwrap();
            let rejects = &c["verb"] == "lehnt" && &c["end"] == "ab";
            let body = &c["body"];
            let mut positions = Vec::new();
            if body.contains("einstimmig") {
                let p = if rejects { Position::No } else { Position::Yes };
                positions.extend(Faction::ALL.iter().map(|f| (Voter::Faction(*f), p)));
            }
            let marks: Vec<(usize, usize, &str)> = CLAUSE
                .captures_iter(body)
                .map(|k| {
                    let m = k.get(0).unwrap();
                    (m.start(), m.end(), k.name("kw").unwrap().as_str())
                })
                .collect();
            for (i, (_, end, kw)) in marks.iter().enumerate() {
                let until = marks.get(i + 1).map_or(body.len(), |m| m.0);
                let position = if kw.starts_with("mit") {
                    if rejects {
                        Position::No
                    } else {
                        Position::Yes
                    }
                } else if kw.starts_with("gegen") {
                    if rejects {
                        Position::Yes
                    } else {
                        Position::No
                    }
                } else {
                    Position::Abstain
                };
                for v in voters(&body[*end..until], wahlperiode) {
                    positions.push((v, position));
                }
            }
            let subject = refs::papers(body)
                .into_iter()
                .map(|(_, r)| r)
                .find(|r| r.kind == PaperKind::Drucksache)
                .or_else(|| fallback.cloned());
            Read {
                vote: Vote {
                    item: None,
                    subject,
                    referral: false,
                    referred_to: Vec::new(),
                    lead: None,
                    result: Some(if rejects {
                        VoteResult::Rejected
                    } else {
                        VoteResult::Accepted
                    }),
                    result_stated: true,
                    positions,
                    positions_inferred: false,
                    span: crate::model::Span { start: 0, end: 0 },
                },
                start: whole.start(),
                end: whole.end(),
            }
        })
        .collect()
}

/// Plenary votes (`Wer stimmt … zu?`, or only `Wer stimmt gegen …?`) in `text`.
pub fn plenary(text: &str, fallback: Option<&PaperRef>, wahlperiode: Option<u32>) -> Vec<Read> {
    // A `gegen` question opens a vote only where no `zu` question is still open.
    let mut questions = Vec::new();
    let mut open_until_result = false;
    let mut last_end = 0;
    for q in QUESTION.captures_iter(text) {
        let m = q.get(0).unwrap();
        if RESULT.is_match(&text[last_end..m.start()]) {
            open_until_result = false;
        }
        if q.name("against").is_some() && open_until_result {
            continue;
        }
        open_until_result = q.name("against").is_none();
        last_end = m.end();
        questions.push(q);
    }
    let mut out: Vec<Read> = Vec::new();
    for (i, q) in questions.iter().enumerate() {
        let whole = q.get(0).unwrap();
        let passage_end = questions
            .get(i + 1)
            .map_or(text.len(), |n| n.get(0).unwrap().start());
        let passage = &text[whole.start()..passage_end];
        let obj = q
            .name("obj")
            .or(q.name("against"))
            .map_or("", |m| m.as_str());
        let mut positions = Vec::new();
        if q.name("against").is_none() {
            let yes = answer(&text[whole.end()..passage_end]);
            positions.extend(
                voters(yes, wahlperiode)
                    .into_iter()
                    .map(|v| (v, Position::Yes)),
            );
        }
        let against = if q.name("against").is_some() {
            Some(whole.end() - whole.start())
        } else {
            AGAINST.find(passage).map(|a| a.end())
        };
        let mut none_against = false;
        let mut none_abstaining = false;
        if let Some(a) = against {
            let ans = answer(&passage[a..]);
            none_against = nobody(&passage[a..], ans);
            positions.extend(
                voters(ans, wahlperiode)
                    .into_iter()
                    .map(|v| (v, Position::No)),
            );
        }
        if let Some(a) = ABSTAIN.find(passage) {
            let ans = answer(&passage[a.end()..]);
            none_abstaining = nobody(&passage[a.end()..], ans);
            positions.extend(
                voters(ans, wahlperiode)
                    .into_iter()
                    .map(|v| (v, Position::Abstain)),
            );
        }
        // `Ich frage noch einmal`, `Wir machen es noch mal`: this round does not count.
        let found = RESULT.captures(passage);
        let before_result = found
            .as_ref()
            .map_or(super::floor_boundary(passage, 600), |c| {
                c.get(0).unwrap().start()
            });
        let repeated = REPEATED.is_match(&passage[..before_result]);
        let stated = found.filter(|_| !repeated);
        let end = stated.as_ref().map_or_else(
            || passage.rfind(['.', '?']).map_or(passage.len(), |p| p + 1),
            |c| {
                let m = c.get(0).unwrap();
                m.end() + passage[m.end()..].find('.').map_or(0, |p| p + 1)
            },
        );
        let result = match &stated {
            Some(c) if c["res"].starts_with("abgelehnt") || c["res"].starts_with("nicht") => {
                Some(VoteResult::Rejected)
            }
            Some(_) => Some(VoteResult::Accepted),
            None if !repeated
                && none_against
                && positions.iter().any(|(_, p)| *p == Position::Yes) =>
            {
                Some(VoteResult::Accepted)
            }
            None => None,
        };
        // Asked only for votes against: nobody against, nobody abstaining, accepted means all
        // factions voted yes.
        let positions_inferred = positions.is_empty()
            && none_against
            && none_abstaining
            && result == Some(VoteResult::Accepted);
        if positions_inferred {
            positions.extend(
                Faction::ALL
                    .iter()
                    .map(|f| (Voter::Faction(*f), Position::Yes)),
            );
        }
        let before = &text[..whole.start()];
        let subject = drucksache(obj)
            .or_else(|| {
                stated
                    .as_ref()
                    .and_then(|c| drucksache(c.get(0).unwrap().as_str()))
            })
            .or_else(|| {
                refs::papers(before)
                    .into_iter()
                    .rev()
                    .map(|(_, r)| r)
                    .find(|r| votable(r.kind))
            })
            .or_else(|| fallback.cloned());
        let referral = obj.contains("Überweisung");
        let (lead, referred_to) = match REFERRAL.captures_iter(before).last() {
            Some(c) if referral => committees(&c["list"]),
            _ => (None, Vec::new()),
        };
        let read = Read {
            vote: Vote {
                item: None,
                subject,
                referral,
                referred_to,
                lead,
                result,
                result_stated: stated.is_some(),
                positions,
                positions_inferred,
                span: crate::model::Span { start: 0, end: 0 },
            },
            start: whole.start(),
            end: whole.start() + end,
        };
        // A vote asked again (`Ich frage noch einmal`): the first attempt, left without a
        // result, is part of the repeated one.
        match out.last() {
            Some(prev) if prev.vote.result.is_none() && prev.vote.subject == read.vote.subject => {
                let start = prev.start;
                out.pop();
                out.push(Read { start, ..read });
            }
            _ => out.push(read),
        }
    }
    out
}

/// The plenary votes on Drucksachen, on a Vorlage itself (`über die Vorlage 18/4675 selbst`) and
/// on the petitions committee's Übersicht.
fn votable(kind: PaperKind) -> bool {
    matches!(
        kind,
        PaperKind::Drucksache | PaperKind::Vorlage | PaperKind::Uebersicht
    )
}

/// The first paper a sentence names that can be voted on.
fn drucksache(s: &str) -> Option<PaperRef> {
    refs::papers(s)
        .into_iter()
        .map(|(_, r)| r)
        .find(|r| votable(r.kind))
}

/// Nobody answered: `Niemand`, `Keine Gegenstimmen`, or a dash and straight on to the next
/// question (`Wer stimmt gegen …? – Wer enthält sich? – …`); no dash at all means the chair
/// asked on without waiting, which says nothing.
fn nobody(after_question: &str, answer: &str) -> bool {
    let dashed = after_question.trim_start().starts_with(['–', '-']);
    NOBODY.is_match(answer.trim()) || (dashed && answer.trim().is_empty())
}

/// The answer after a question: from its dash to the next question or result sentence.
fn answer(after: &str) -> &str {
    let a = after
        .trim_start()
        .trim_start_matches(['–', '-'])
        .trim_start();
    let stop = ANSWER_END.find(a).map_or(a.len(), |m| m.start());
    &a[..stop]
}

/// Factions and members named in an answer or clause.
fn voters(list: &str, wahlperiode: Option<u32>) -> Vec<Voter> {
    let list = list.trim();
    if list.is_empty() || NOBODY.is_match(list) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut rest = list.to_owned();
    if let Some(coalition) = rest
        .contains("Koalitionsfraktionen")
        .then(|| wahlperiode.map(coalition))
        .flatten()
    {
        out.extend(coalition.iter().map(|f| Voter::Faction(*f)));
        rest = rest.replace("Koalitionsfraktionen", "");
    }
    for m in MEMBER.captures_iter(list) {
        out.push(Voter::Member(Speaker {
            name: m["name"].to_owned(),
            honorific: Some(m["titles"].trim().to_owned()).filter(|t| !t.is_empty()),
            faction: None,
            fraktionslos: true,
            role: None,
            ministry: None,
            unreviewed: false,
        }));
        rest = rest.replace(m.get(0).unwrap().as_str(), "");
    }
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned = ANSWER_WORDS.replace_all(&rest, "");
    // What is left of `… FDP, AfD und [der fraktionslose Abgeordnete Dr. Blex]`.
    let cleaned = cleaned.trim().trim_end_matches(['.', ',']).trim_end();
    let cleaned = cleaned
        .strip_suffix(" und")
        .or_else(|| cleaned.strip_suffix(" sowie"))
        .unwrap_or(cleaned);
    let (factions, _, _) = actors(cleaned.trim_end_matches(','));
    let mut all: Vec<Voter> = factions.into_iter().map(Voter::Faction).collect();
    all.extend(out);
    all
}

/// `den Ausschuss für Heimat und Kommunales - federführend -, an den Innenausschuss sowie an
/// den Hauptausschuss` → the lead committee and all committees, lead first.
fn committees(list: &str) -> (Option<String>, Vec<String>) {
    let list = list.split_whitespace().collect::<Vec<_>>().join(" ");
    let list = list
        .replace(" sowie an ", ", an ")
        .replace(" und an ", ", an ");
    let mut lead = None;
    let mut others = Vec::new();
    for part in list.split(", an ") {
        let is_lead = part.contains("federführend");
        let name = part
            .replace("federführend", "")
            .trim_matches(|c: char| c == '-' || c == '–' || c == ',' || c.is_whitespace())
            .trim_start_matches("den ")
            .trim_start_matches("die ")
            .trim_start_matches("das ")
            .trim_matches(|c: char| c == '-' || c == '–' || c == ',' || c.is_whitespace())
            .to_owned();
        if name.is_empty() {
            continue;
        }
        if is_lead && lead.is_none() {
            lead = Some(name);
        } else {
            others.push(name);
        }
    }
    (lead.clone(), lead.into_iter().chain(others).collect())
}

/// The factions that formed the government in an electoral period of the Landtag NRW.
pub fn coalition(wahlperiode: u32) -> &'static [Faction] {
    match wahlperiode {
        14 | 17 => &[Faction::Cdu, Faction::Fdp],
        15 | 16 => &[Faction::Spd, Faction::Gruene],
        18 => &[Faction::Cdu, Faction::Gruene],
        _ => &[],
    }
}

/// A voter's label: a faction's short label or a member's name.
pub fn label(v: &Voter) -> String {
    match v {
        Voter::Faction(f) => f.label().to_owned(),
        Voter::Member(s) => s.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(r: &Read) -> (Option<VoteResult>, Vec<(String, &'static str)>) {
        (
            r.vote.result,
            r.vote
                .positions
                .iter()
                .map(|(v, p)| (label(v), p.key()))
                .collect(),
        )
    }

    #[test]
    fn committee_decisions() {
        let r = decisions("Der Ausschuss lehnt den Antrag mit den Stimmen der Fraktionen von FDP, CDU und AfD gegen die Stimmen der Fraktionen von SPD und BÜNDNIS 90/DIE GRÜNEN ab.", None, Some(18));
        assert_eq!(r.len(), 1);
        let (res, pos) = summary(&r[0]);
        assert_eq!(res, Some(VoteResult::Rejected));
        assert_eq!(
            pos,
            [
                ("FDP".into(), "no"),
                ("CDU".into(), "no"),
                ("AfD".into(), "no"),
                ("SPD".into(), "yes"),
                ("GRÜNE".into(), "yes")
            ]
        );
        let r = decisions("Der Ausschuss lehnt den Antrag mit den Stimmen der Fraktionen von CDU, SPD, FDP und BÜNDNIS 90/DIE GRÜNEN gegen die Stimme der AfD-Fraktion ab.", None, Some(18));
        assert_eq!(summary(&r[0]).1.last().unwrap(), &("AfD".to_owned(), "yes"));
        let r = decisions(
            "Der Ausschuss nimmt den Antrag einstimmig an.",
            None,
            Some(18),
        );
        assert_eq!(summary(&r[0]).1.len(), 5);
    }

    #[test]
    fn plenary_votes() {
        let t = "Der Ältestenrat empfiehlt die Überweisung des Antrages Drucksache 18/1666 an den Ausschuss für Heimat und Kommunales - federführend -, an den Innenausschuss sowie an den Hauptausschuss. Die abschließende Beratung und Abstimmung sollen im federführenden Ausschuss in öffentlicher Sitzung erfolgen. Wer stimmt der Überweisungsempfehlung zu? - Das sind die Fraktionen von CDU, SPD, Bündnis 90/Die Grünen, FDP, AfD und der fraktionslose Abgeordnete Dr. Blex. Wer stimmt dagegen? - Ich sehe keine Gegenstimme. Wer enthält sich? - Auch keine Enthaltungen. Somit ist diese Überweisungsempfehlung angenommen worden.";
        let r = plenary(t, None, Some(18));
        assert_eq!(r.len(), 1);
        let v = &r[0].vote;
        assert_eq!(v.subject.as_ref().map(|s| s.number), Some(1666));
        assert_eq!(
            v.referred_to,
            [
                "Ausschuss für Heimat und Kommunales",
                "Innenausschuss",
                "Hauptausschuss"
            ]
        );
        assert_eq!(
            v.lead.as_deref(),
            Some("Ausschuss für Heimat und Kommunales")
        );
        let (res, pos) = summary(&r[0]);
        assert_eq!(res, Some(VoteResult::Accepted));
        assert_eq!(pos.len(), 6);
        assert_eq!(pos[5], ("Blex".to_owned(), "yes"));
        // Not stated, implied: all in favour, none against.
        let t = "Wer stimmt der Überweisungsempfehlung zu? – Das sind die Fraktionen von CDU, SPD, Bündnis 90/Die Grünen, FDP und AfD. Wer stimmt dagegen? – Ich sehe keine Gegenstimmen. Wer enthält sich? – Auch keine Enthaltungen.";
        let r = plenary(t, None, Some(18));
        assert_eq!(summary(&r[0]).0, Some(VoteResult::Accepted));
        assert!(!r[0].vote.result_stated);
        // Open when nothing says who voted against.
        let r = plenary(
            "Wer stimmt dem Antrag Drucksache 18/1 zu? – Die SPD.",
            None,
            Some(18),
        );
        assert_eq!(summary(&r[0]).0, None);
        // Asked only for votes against.
        let r = plenary("Wer stimmt gegen die Überweisungsempfehlung? – Wer enthält sich? – Somit ist diese Überweisungsempfehlung angenommen.", None, Some(18));
        assert_eq!(r.len(), 1);
        assert_eq!(summary(&r[0]).0, Some(VoteResult::Accepted));
        assert!(r[0].vote.positions_inferred);
        assert_eq!(summary(&r[0]).1.len(), 5);
        // Other ways of saying accepted.
        let r = plenary("Wer stimmt der Empfehlung zu? – Die SPD. Wer stimmt dagegen? – Keine Gegenstimmen. Wer enthält sich? – Die AfD. Damit schließt sich der Landtag der Empfehlung des Rechtsausschusses an.", None, Some(18));
        assert_eq!(summary(&r[0]).0, Some(VoteResult::Accepted));
        assert!(r[0].vote.result_stated);
        // Answers broken over lines, in other words.
        let t = "Wer stimmt diesem Antrag zu? – Die Fraktion\nder AfD. Wer lehnt diesen Antrag ab? – Die Fraktionen von SPD, Grünen, CDU und FDP. Gibt es Enthaltungen? – Das ist nicht der Fall. Somit ist dieser\nAntrag Drucksache 18/17452 abgelehnt.";
        let (res, pos) = summary(&plenary(t, None, Some(18))[0]);
        assert_eq!(res, Some(VoteResult::Rejected));
        assert_eq!(
            pos,
            [
                ("AfD".into(), "yes"),
                ("SPD".into(), "no"),
                ("GRÜNE".into(), "no"),
                ("CDU".into(), "no"),
                ("FDP".into(), "no")
            ]
        );
        let t = "Wer stimmt diesem Antrag zu? – Das ist die Fraktion der FDP. Wer\nstimmt dagegen? – Das sind die Fraktionen von\nSPD, Bündnis 90/Die Grünen, CDU und AfD. Wer\nenthält sich? – Niemand. Damit ist der Antrag\nDrucksache 18/17464 abgelehnt.";
        let (_, pos) = summary(&plenary(t, None, Some(18))[0]);
        assert_eq!(
            pos,
            [
                ("FDP".into(), "yes"),
                ("SPD".into(), "no"),
                ("GRÜNE".into(), "no"),
                ("CDU".into(), "no"),
                ("AfD".into(), "no")
            ]
        );
        // Asked three times (18/115): one vote, from the first question to the result.
        let t = "über den Wahlvorschlag Drucksache 18/17551. Wer stimmt dem Wahlvorschlag zu? – Das ist die Fraktion der AfD. Wer stimmt dagegen? Wer enthält sich? – Das sind die Fraktionen von CDU und SPD. (Zuruf: Und FDP!) – Ich frage noch einmal. Wer stimmt dem Wahlvorschlag zu? – Das ist die Fraktion der AfD. Wer stimmt dagegen? – Keine Gegenstimmen. Wer enthält sich? (Zuruf) – Doch? Wir machen es noch mal. Wer stimmt dem Wahlvorschlag zu? – Das ist die Fraktion der AfD. Wer stimmt dagegen? – Keine. Wer enthält sich? – Die Fraktion der AfD enthält sich nicht, aber die SPD. Damit ist der Wahlvorschlag Drucksache 18/17551 angenommen.";
        let r = plenary(t, None, Some(18));
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].start, t.find("Wer").unwrap());
        assert_eq!(summary(&r[0]).0, Some(VoteResult::Accepted));
        // A Vorlage voted on itself, named in the result; an Übersicht.
        let t = "empfiehlt in Drucksache 18/17498, die in Vorlage 18/4675 beantragte Genehmigung zu erteilen. Wer stimmt der Vorlage zu? – Das sind die Fraktionen von CDU und SPD. Wer stimmt dagegen? – Keine Gegenstimmen. Somit ist die in Vorlage 18/4675 erbetene Genehmigung erteilt.";
        let s = plenary(t, None, Some(18))[0].vote.subject.clone().unwrap();
        assert_eq!((s.kind, s.number), (PaperKind::Vorlage, 4675));
        let t = "Wer stimmt den Beschlüssen zu? – Das sind die Fraktionen von CDU und SPD. Wer stimmt dagegen? – Keine. Damit sind die Beschlüsse in Übersicht 18/33 bestätigt.";
        let s = plenary(t, None, Some(18))[0].vote.subject.clone().unwrap();
        assert_eq!((s.kind, s.number), (PaperKind::Uebersicht, 33));
        // The coalition of the period.
        let r = plenary("Wer stimmt dem Antrag Drucksache 18/1 zu? – Das sind die Koalitionsfraktionen. Wer stimmt dagegen? – Die SPD. Damit ist der Antrag angenommen.", None, Some(18));
        let yes: Vec<String> = r[0]
            .vote
            .positions
            .iter()
            .filter(|(_, p)| *p == Position::Yes)
            .map(|(v, _)| label(v))
            .collect();
        assert_eq!(yes, ["CDU", "GRÜNE"]);
        // Asked again: one vote.
        let t = "über Drucksache 18/5 ab. Wer stimmt dem Wahlvorschlag zu? – Das ist die Fraktion der AfD. Wer stimmt dagegen? Ich frage noch einmal. Wer stimmt dem Wahlvorschlag zu? – Die AfD. Wer stimmt dagegen? – Die SPD. Damit ist der Wahlvorschlag angenommen.";
        let r = plenary(t, None, Some(18));
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].start, t.find("Wer").unwrap());
    }
}
