//! Interjections: the events a protocol prints in parentheses inside a speech. One
//! parenthesis can hold several events, separated by ` – ` or ` - `:
//! `(Heiterkeit und Beifall von der SPD – Jochen Ott [SPD]: Bei so viel Zukunft …!)` is
//! laughter and applause from the SPD, then a call by Jochen Ott.

use super::speaker::{actors, bracketed_person, faction_from_label};
use crate::model::{Faction, InterjectionKind, Speaker};
use crate::words::collapse;
use regex::Regex;
use std::sync::LazyLock;

/// One event read from a parenthesis; the caller adds item, contribution and span.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: InterjectionKind,
    pub qualifier: Option<String>,
    pub factions: Vec<Faction>,
    pub persons: Vec<Speaker>,
    pub text: Option<String>,
}

/// How strong or how general an event was, in any inflection: `Anhaltender lebhafter
/// Beifall`, `Lebhafte Zurufe`, `Vereinzelt Beifall`, `Große Heiterkeit`.
const QUALIFIER: &str = r"(?i:vereinzelt|(?:lang\s?)?anhaltend|lebhaft|allgemein|stark|stürmisch|kurz|erneut|weiter|demonstrativ|heftig|laut|groß)(?:e[rsnm]?)?";
/// Qualifiers before the event they qualify.
static QUALIFIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<q>(?:{QUALIFIER}\s+)+)(?P<rest>(?:Beifall|Heiterkeit|Lachen|Zurufe?|Zwischenrufe?|Gegenrufe?|Unruhe|Widerspruch)\b.*)$"
    ))
    .unwrap()
});
/// The roles a member of the government is named by in a call (`Ministerin Ina Scharrenbach:`,
/// `Herbert Reul, Minister des Innern:`).
const ROLE: &str = r"(?:Ministerpräsident|Minister|Staatssekretär)(?:in)?";
/// Where a new event begins after a dash: a stage direction's word, or a call by a member
/// (`Name [Fraktion]:`) or a member of the government.
static EVENT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:{QUALIFIER}\s+)*(?:Beifall|Heiterkeit|Lachen|Zuruf|Zurufe|Zwischenrufe?|Gegenrufe?|Unruhe|Widerspruch|Glocke|Das Ende der Redezeit)\b|^[^\[\]:]{{3,80}}\[[^\]]+\]:|^(?:{ROLE})\s+\p{{Lu}}[^\[\]:–]{{1,80}}:|^[^\[\]:,–]{{3,60}},\s+(?:{ROLE})\b[^:–]{{0,160}}:")).unwrap()
});
static APPLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<q>Vereinzelt|Anhaltender|Lebhafter|Allgemeiner|Langanhaltender|Starker|Lang anhaltender)\s+)?Beifall(?P<rest>.*)$").unwrap()
});
static LAUGHTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Heiterkeit|Lachen)(?: und (?P<also>Beifall|Zurufe?|Widerspruch))?(?P<rest>.*)$",
    )
    .unwrap()
});
/// A call with its words: `Jochen Ott [SPD]: …`, also as the 16th period printed it, `Zuruf von
/// Christof Rasche [FDP]: …` (the stage direction is no part of the name).
static CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Weitere[rn]?\s+)?(?:Zwischen|Gegen|Zu)rufe?\s+(?:von\s+)?)?(?P<who>[^\[\]:]{3,80}\[[^\]]+\]):\s*(?P<text>.+)$").unwrap()
});
static CALLS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Weitere[rn]?\s+)?(?:Zurufe?|Gegenrufe?|Zwischenrufe?)(?P<rest>[^:]*)(?::\s*(?P<text>.+))?$")
        .unwrap()
});
/// A call by a member of the government: the role after the name (`Herbert Reul, Minister
/// des Innern: …`) or before it (`Ministerin Ina Scharrenbach: …`), after `Zuruf von` or not,
/// with its words or without.
static MINISTER_CALL: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"(?:(?:Prof\.|Dr\.)\s+)*\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){1,3}";
    // After the role the surname alone names the office's holder (`Minister Clement: …`).
    let named = r"(?:(?:Prof\.|Dr\.)\s+)*\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,3}";
    let role = ROLE;
    Regex::new(&format!(
        r"^(?:(?:Weitere[rn]?\s+)?(?:Zwischen|Gegen|Zu)rufe?\s+von\s+)?(?:(?P<name>{name}),\s+(?P<role>{role}\b[^:]{{0,160}})|(?P<role_first>{role})\s+(?P<named>{named}))(?::\s*(?P<text>.+))?$"
    ))
    .unwrap()
});
/// Other events that name who: `Widerspruch von der SPD`, `Kopfschütteln von Marcel Hafke [FDP]`.
static OTHER_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}\-]+(?:\s+\p{Ll}+)?\s+(?:von|bei|zwischen)\s+(?P<list>.+)$").unwrap()
});
/// A member named with the faction, then a verb: who does what the parenthesis tells.
static ACTOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<who>[^\[\]:]{3,80}\[[^\]]+\])\s+\p{Ll}").unwrap());
static SIGNAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Das Ende der Redezeit wird signalisiert|Glocke)").unwrap());

/// Whether words in parentheses begin as an interjection does: a stage direction's word
/// (`Beifall`, `Zurufe`), a member's call (`Name [F]:`), a member of the government's call.
pub fn opens_event(words: &str) -> bool {
    EVENT_START.is_match(&crate::words::collapse(words.trim_start()))
}

/// Whether a paragraph is an interjection: wholly in parentheses, not a referral note.
pub fn is_interjection(paragraph: &str) -> bool {
    let t = paragraph.trim();
    t.starts_with('(') && t.ends_with(')') && !t.starts_with("(Überweisung") && balanced(t)
}

fn balanced(t: &str) -> bool {
    let mut depth = 0i32;
    for (i, ch) in t.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                // The first parenthesis must close at the very end.
                if depth == 0 && i + 1 != t.len() {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// The events in one parenthesis (given with or without its parentheses).
pub fn read(parenthesis: &str) -> Vec<Event> {
    let inner = parenthesis.trim();
    let inner = inner
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(inner);
    let inner = collapse(inner);
    segments(&inner).iter().flat_map(|s| events(s)).collect()
}

/// Splits at ` – ` / ` - ` / ` — ` (outside brackets) where a new event starts or the previous one
/// ended a sentence; a dash inside a call (`Das ist – mit Verlaub – falsch!`) stays.
fn segments(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    for (i, ch) in s.char_indices() {
        match ch {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            ' ' if depth == 0 && i >= start => {
                for dash in [" – ", " - ", " — "] {
                    let Some(next) = s[i..].strip_prefix(dash) else {
                        continue;
                    };
                    let prev = s[start..i].trim_end();
                    if EVENT_START.is_match(next) || prev.ends_with(['.', '!', '?']) {
                        out.push(prev.to_owned());
                        start = i + dash.len();
                    }
                }
            }
            _ => {}
        }
    }
    out.push(s[start..].trim().to_owned());
    out.retain(|x| !x.is_empty());
    out
}

fn event(kind: InterjectionKind, list: &str, text: Option<String>) -> Event {
    let (factions, persons, _) = actors(list);
    Event {
        kind,
        qualifier: None,
        factions,
        persons,
        text,
    }
}

fn events(segment: &str) -> Vec<Event> {
    if let Some(e) = call(segment) {
        return vec![e];
    }
    // `Anhaltender lebhafter Beifall von …`: the event read without its qualifiers.
    let (qualifier, segment) = match QUALIFIED.captures(segment) {
        Some(c) => (
            Some(c["q"].trim().to_owned()),
            c.name("rest").map_or(segment, |m| m.as_str()),
        ),
        None => (None, segment),
    };
    if let Some(c) = APPLAUSE.captures(segment) {
        let mut e = event(InterjectionKind::Applause, &c["rest"], None);
        e.qualifier = qualifier.or_else(|| c.name("q").map(|q| q.as_str().to_owned()));
        return vec![e];
    }
    if let Some(c) = LAUGHTER.captures(segment) {
        // `Lachen und Zurufe von der CDU`: both by the same.
        let mut out = vec![event(InterjectionKind::Laughter, &c["rest"], None)];
        match c.name("also").map(|m| m.as_str()) {
            Some("Beifall") => out.push(event(InterjectionKind::Applause, &c["rest"], None)),
            Some("Widerspruch") => {
                let mut e = event(InterjectionKind::Other, &c["rest"], None);
                e.text = Some(format!("Widerspruch{}", &c["rest"]));
                out.push(e);
            }
            Some(_) => out.push(event(InterjectionKind::Call, &c["rest"], None)),
            None => {}
        }
        return out;
    }
    if let Some(c) = CALLS.captures(segment) {
        return vec![event(
            InterjectionKind::Call,
            &c["rest"],
            c.name("text").map(|t| t.as_str().trim().to_owned()),
        )];
    }
    if SIGNAL.is_match(segment) {
        return vec![Event {
            kind: InterjectionKind::Signal,
            qualifier: None,
            factions: Vec::new(),
            persons: Vec::new(),
            text: Some(segment.to_owned()),
        }];
    }
    let (factions, persons) = match (OTHER_BY.captures(segment), ACTOR.captures(segment)) {
        (Some(c), _) => {
            let (f, p, _) = actors(&c["list"]);
            (f, p)
        }
        // `Dr. Martin Vincentz [AfD] hält ein Schild hoch.`: the member who does it.
        (None, Some(c)) => (
            Vec::new(),
            bracketed_person(&c["who"]).into_iter().collect(),
        ),
        (None, None) => (Vec::new(), Vec::new()),
    };
    vec![Event {
        kind: InterjectionKind::Other,
        qualifier: None,
        factions,
        persons,
        text: Some(segment.to_owned()),
    }]
}

/// A call with its words: `Name [Fraktion]: …`, or a minister's `Minister Name: …`.
fn call(segment: &str) -> Option<Event> {
    if let Some(c) = CALL.captures(segment) {
        let who = &c["who"];
        let (factions, persons) = match bracketed_person(who) {
            Some(p) => (Vec::new(), vec![p]),
            None => match who
                .rsplit_once('[')
                .and_then(|(_, f)| faction_from_label(f.trim_end_matches(']')))
            {
                Some(f) => (vec![f], Vec::new()),
                None => (Vec::new(), Vec::new()),
            },
        };
        return Some(Event {
            kind: InterjectionKind::Call,
            qualifier: None,
            factions,
            persons,
            text: Some(c["text"].trim().to_owned()),
        });
    }
    let c = MINISTER_CALL.captures(segment)?;
    let (name, role) = match (c.name("name"), c.name("role")) {
        (Some(n), Some(r)) => (n.as_str(), r.as_str()),
        _ => (c.name("named")?.as_str(), c.name("role_first")?.as_str()),
    };
    let name = name
        .split_whitespace()
        .filter(|w| !w.ends_with('.'))
        .collect::<Vec<_>>()
        .join(" ");
    let person = Speaker {
        role: Some(super::speaker::role(role.trim())),
        ..Speaker::named(&name)
    };
    Some(Event {
        kind: InterjectionKind::Call,
        qualifier: None,
        factions: Vec::new(),
        persons: vec![person],
        text: c.name("text").map(|t| t.as_str().trim().to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The readings of parentheses are cases in `tests/data/parse/interjection/`; what is not
    /// one stays here.
    #[test]
    fn notes_in_parentheses_are_no_interjections() {
        assert!(!is_interjection(
            "(Überweisung an den Ausschuss am 04.11.2021)"
        ));
        assert!(!is_interjection("(a) und (b)"));
    }
}
