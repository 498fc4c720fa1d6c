//! Who a phrase of a vote names: factions in any printed spelling (`SPD und Grüne`, `die
//! CDU-Fraktion`, `die Piratenfraktion`), groups (`die Koalitionsfraktionen`, `Rot-Grün`, `alle
//! anderen Fraktionen`, `einstimmig`), members on their own (`der fraktionslose Abgeordnete Dr.
//! Blex`, `Herr Schwerd`), and nobody (`Keine`, `Enthaltungen gibt es nicht`). A part of a
//! faction (`eine Gegenstimme aus der CDU`, `Teile der FDP`) is not the faction's vote; its
//! greater part (`der überwiegende Teil der AfD-Fraktion`) is.
//!
//! Everything is read against the lexicon of the document's period (`When`).

use crate::lexicon::{self, Faction, Group};
use crate::model::{Date, Speaker, Voter};
use crate::words::collapse;
use regex::Regex;
use std::sync::LazyLock;

/// The period and date a document is of: groups and `einstimmig` are read against them.
#[derive(Debug, Clone, Copy, Default)]
pub struct When {
    pub wahlperiode: Option<u32>,
    pub date: Option<Date>,
}

/// What a phrase names.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Named {
    pub voters: Vec<Voter>,
    /// `alle anderen Fraktionen`: the period's factions not named elsewhere in the vote.
    pub others: bool,
    /// `drei Fraktionen im Hause`, `die beiden anderen Fraktionen`: the others, as many as
    /// said; where not that many are left, the phrase names no one.
    pub count: Option<usize>,
    /// `alle Fraktionen`, `das ganze Haus`.
    pub all: bool,
    /// `einstimmig`, `ein einstimmiges Ergebnis`: said of the whole vote, whatever was asked.
    pub unanimous: bool,
    /// `Keine`, `Niemand`, `Enthaltungen gibt es nicht`, an answer that is `Nein.` alone:
    /// explicitly nobody.
    pub nobody: bool,
    /// `die antragstellende Fraktion`, `die Antragsteller`: the factions that moved the paper
    /// voted on (the vote's reader knows them).
    pub movers: bool,
    /// `alle Fraktionen mit Ausnahme der AfD`, `alle außer der AfD`: left out of `all`.
    pub except: Vec<Voter>,
}

impl Named {
    pub fn is_empty(&self) -> bool {
        self.voters.is_empty() && !self.others && !self.all && !self.unanimous && !self.movers
    }
}

/// Where a group's exceptions begin: `mit Ausnahme der AfD`, `außer der AfD`, `bis auf die AfD`.
static EXCEPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{EXCEPTION})\b")).unwrap());
/// The words that open a group's exceptions.
pub(crate) const EXCEPTION: &str = r"mit\s+Ausnahme|außer|bis\s+auf|ausgenommen";
/// `alle` on its own before an exception (`Alle außer der AfD`).
static ALL_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\balle\s*(?:Fraktionen)?\s*$").unwrap());

static MOVERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bantragstellenden?\s+Fraktion(?:en)?\b|\bAntragsteller(?:in|innen)?\b")
        .unwrap()
});

static FACTION: LazyLock<Regex> = LazyLock::new(|| {
    let spellings = lexicon::spelling_pattern();
    Regex::new(&format!(r"(?P<f>{spellings})(?:-?\s?[Ff]raktion(?:en)?)?")).unwrap()
});
static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    let alternation = lexicon::groups()
        .iter()
        .map(|(s, _)| regex::escape(s).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(r"(?i)\b(?:{alternation})\b")).unwrap()
});
/// `drei Fraktionen im Hause`, `die beiden übrigen Fraktionen`: a number of factions, not
/// named.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<n>zwei|drei|vier|fünf|sechs|beide[nr]?)\s+(?:(?:anderen|übrigen|weiteren)\s+)?Fraktionen\b").unwrap()
});
static UNANIMOUS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\beinstimmig|\beinmütig|\balle\s+Abgeordneten\b").unwrap());
/// A part of a faction: `eine Gegenstimme aus der`, `Teile der`, `einzelne Abgeordnete der`,
/// `der Rest der`.
static PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:eine[rsmn]?|ein|zwei|drei|vier|fünf|einzelne[rnm]?|einige[rnm]?|teile?n?|teil|mehrere[rn]?|rest)\b[^,;–]*$").unwrap()
});
/// The greater part of a faction (`der überwiegende Teil der AfD-Fraktion`, `der Großteil der
/// FDP`): the faction's vote, as a faction's position is its majority's.
static MAJOR_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:überwiegende|größte|allergrößte)[rn]?\s+Teil|Großteil)\b[^,;–]*$")
        .unwrap()
});
static NOBODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:keine?[rnms]?|niemand|nicht|fehlanzeige|null)\b|^\W*nein\W*$").unwrap()
});
const TITLES: &str = r"(?P<titles>(?:(?:Prof\.|Dr\.)\s*)*)";
const SURNAME: &str = r"\p{Lu}[\p{Ll}’'\-]+(?:[\s\-]\p{Lu}[\p{Ll}’'\-]+)?";
/// `der fraktionslose Abgeordnete Dr. Blex`, `der fraktionslosen Abgeordneten Pretzell, Neppe
/// und Langguth`: one member or a list of them.
static FRAKTIONSLOS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"fraktionslosen?\s+(?:Abgeordneten?|Kolleg(?:e|en|in|innen)|Mitglieder|Mitglieds?)\s+(?P<list>{ONE}(?:\s*(?:,|\bund\b|\bsowie\b)\s*{ONE})*)"
    ))
    .unwrap()
});
/// `der Kollege Schwerd`, `die Abgeordneten Pretzell und Neppe`: members named by the word
/// for a member, whose faction the phrase does not say.
static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b[Dd](?:er|ie|en|em|es)\s+(?:Kolleg(?:e|en|in|innen)|Abgeordneten?)\s+(?P<list>{ONE}(?:\s*(?:,|\bund\b|\bsowie\b)\s*{ONE})*)"
    ))
    .unwrap()
});
/// One member of such a list: salutation, titles, surname.
const ONE: &str = r"(?:Herrn?\s+|Frau\s+)?(?:(?:Prof\.|Dr\.)\s*)*\p{Lu}[\p{Ll}’'\-]+(?:[\s\-]\p{Lu}[\p{Ll}’'\-]+)?\b";
static ONE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:Herrn?\s+|Frau\s+)?{TITLES}(?P<name>{SURNAME})\b"
    ))
    .unwrap()
});
static ADDRESSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:Herrn?|Frau)\s+(?:Kolleg(?:e|in)\s+|Abgeordneter?\s+)?{TITLES}(?P<name>{SURNAME})(?:\s*\((?P<affil>[^()]{{2,30}})\))?"
    ))
    .unwrap()
});
static MARKED_FRAKTIONSLOS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{TITLES}(?P<name>\p{{Lu}}[\p{{Ll}}\-]+(?:\s+\p{{Lu}}[\p{{Ll}}\-]+){{0,2}})\s*[\(\[]fraktionslos[\)\]]"
    ))
    .unwrap()
});
/// Words `Herr`/`Frau` stand before that are no names.
const NOT_NAMES: &[&str] = &[
    "Präsident",
    "Präsidentin",
    "Vizepräsident",
    "Vizepräsidentin",
    "Kollege",
    "Kollegin",
    "Minister",
    "Ministerin",
    "Ministerpräsident",
    "Ministerpräsidentin",
    "Abgeordneter",
    "Abgeordnete",
];

/// Who `phrase` names.
pub fn named(phrase: &str, when: When) -> Named {
    let phrase = without_parentheses(phrase);
    // `alle Fraktionen mit Ausnahme der AfD`: a group, less the factions after the exception;
    // `die AfD-Fraktion mit Ausnahme des Abgeordneten Seifen`: those before it alone.
    if let Some(m) = EXCEPT.find(&phrase) {
        let head = &phrase[..m.start()];
        let mut out = named_plainly(head, when);
        if out.all || out.others || ALL_WORD.is_match(head) {
            out.all |= !out.others;
        }
        if !out.is_empty() {
            out.except = named_plainly(&phrase[m.end()..], when).voters;
            return out;
        }
    }
    named_plainly(&phrase, when)
}

/// Who a phrase without exceptions names.
fn named_plainly(phrase: &str, when: When) -> Named {
    let mut out = Named::default();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for m in GROUP.find_iter(phrase) {
        taken.push((m.start(), m.end()));
        let key = collapse(m.as_str());
        let Some((_, g)) = lexicon::groups()
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(&key) || s.to_lowercase() == key.to_lowercase())
        else {
            continue;
        };
        match g {
            Group::Coalition => push_all(&mut out, lexicon::coalition(when.wahlperiode, when.date)),
            Group::Opposition => {
                if let Some(p) = when.wahlperiode {
                    push_all(&mut out, lexicon::opposition(p, when.date));
                }
            }
            Group::All => out.all = true,
            Group::Others => out.others = true,
            Group::These(fs) => push_all(&mut out, fs.clone()),
        }
    }
    if UNANIMOUS.is_match(phrase) {
        out.unanimous = true;
    }
    out.movers = MOVERS.is_match(phrase);
    factions(phrase, when, &taken, &mut out);
    for m in members(phrase) {
        if !out.voters.contains(&m) {
            out.voters.push(m);
        }
    }
    if let Some(c) = COUNTED.captures(phrase).filter(|_| out.is_empty()) {
        let n = &c["n"].to_lowercase();
        let words = ["zwei", "drei", "vier", "fünf", "sechs"];
        out.count = words.iter().position(|w| w == n).map(|i| i + 2).or(Some(2));
        out.others = true;
    }
    out.nobody = out.is_empty() && (phrase.trim().is_empty() || NOBODY.is_match(phrase));
    out
}

fn push_all(out: &mut Named, fs: Vec<Faction>) {
    for f in fs {
        if !out.voters.contains(&Voter::Faction(f)) {
            out.voters.push(Voter::Faction(f));
        }
    }
}

/// Factions named by a spelling, outside the group phrases already read, and not as a part.
fn factions(phrase: &str, when: When, taken: &[(usize, usize)], out: &mut Named) {
    for c in FACTION.captures_iter(phrase) {
        let m = c.get(0).unwrap();
        let before = phrase[..m.start()].chars().next_back();
        let after = phrase[m.end()..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if taken.iter().any(|(a, b)| *a <= m.start() && m.start() < *b) {
            continue;
        }
        let clause_start = phrase[..m.start()]
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, ',' | ';' | '–'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let clause_start = after_last_und(&phrase[clause_start..m.start()])
            .map_or(clause_start, |i| clause_start + i);
        let lead = &phrase[clause_start..m.start()];
        if PART.is_match(lead) && !MAJOR_PART.is_match(lead) {
            continue;
        }
        // A faction that did not sit in the period cannot vote in it (`Zentrum`, a word).
        let sat = |f: &Faction| when.wahlperiode.is_none_or(|p| f.sat_in(p));
        if let Some(f) = lexicon::faction_named(&c["f"], when.wahlperiode).filter(sat) {
            push_all(out, vec![f]);
        }
    }
}

/// `die beiden fraktionslosen Abgeordneten`, `der fraktionslose Kollege`: members without a
/// faction counted, and what follows (a name, or not).
pub(crate) static UNNAMED_MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<article>des|dem|eines|einem)?\s*\b(?:(?P<n>beiden|zwei|drei|vier|fünf)\s+)?(?:anwesenden\s+)?fraktionslos(?P<e>en?)\s+(?:Abgeordneten?|Kolleg(?:e|en|in|innen)|Mitglieder)\b\s*(?P<next>\S?)").unwrap()
});

/// Said of members without a faction who did not vote (`Fraktionslose Abgeordnete sind nicht
/// im Saal.`).
pub(crate) static ABSENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)nicht\s+(?:im\s+Saal|anwesend|da)\b|abwesend").unwrap());

/// What a member without a faction the chair counts but does not name stands for in a vote's
/// positions until the document's own members without a faction name them
/// (`resolve_unnamed`): `fraktionslos#1`, `fraktionslos#2` as many as counted, `fraktionslos#*`
/// for all (`die fraktionslosen Abgeordneten`).
pub const UNNAMED: &str = "fraktionslos#";

/// The members a phrase counts without naming them (`die beiden fraktionslosen Abgeordneten`):
/// placeholders (`UNNAMED`).
fn unnamed(phrase: &str) -> Vec<Voter> {
    let mut out = Vec::new();
    if ABSENT.is_match(phrase) {
        return out;
    }
    for c in UNNAMED_MEMBERS.captures_iter(phrase) {
        if c["next"].starts_with(char::is_uppercase) {
            continue;
        }
        let count = match c.name("n").map(|n| n.as_str().to_lowercase()) {
            Some(n) if n == "beiden" || n == "zwei" => Some(2),
            Some(n) => ["drei", "vier", "fünf"]
                .iter()
                .position(|w| *w == n)
                .map(|i| i + 3),
            // `der fraktionslose Abgeordnete`, `des fraktionslosen Abgeordneten`: one.
            None if &c["e"] == "e" || c.name("article").is_some() => Some(1),
            None => None,
        };
        let names: Vec<String> = match count {
            Some(n) => (1..=n).map(|k| format!("{UNNAMED}{k}")).collect(),
            None => vec![format!("{UNNAMED}*")],
        };
        for name in names {
            let mut s = Speaker::named(&name);
            s.fraktionslos = true;
            out.push(Voter::Member(s));
        }
    }
    out
}

/// Whether a voter stands for members counted but not named (`UNNAMED`).
pub fn is_unnamed(v: &Voter) -> bool {
    matches!(v, Voter::Member(s) if s.name.starts_with(UNNAMED))
}

/// Resolves the members counted but not named in each vote against `roster`, the members
/// without a faction the document names (speakers labelled `fraktionslos`, members so named in
/// its votes or interjections): where the vote counts as many as the roster holds besides those
/// it names (or says `die fraktionslosen Abgeordneten`, all), all with one position, they get
/// it; else the placeholders are dropped (the checks doubt the vote, `vote-members-unnamed`).
pub fn resolve_unnamed(votes: &mut [crate::model::Vote], roster: &[Speaker]) {
    for v in votes {
        let placeholders: Vec<(String, crate::model::Position)> = v
            .positions
            .iter()
            .filter(|(w, _)| is_unnamed(w))
            .map(|(w, p)| match w {
                Voter::Member(s) => (s.name.clone(), *p),
                Voter::Faction(_) => unreachable!("a placeholder is a member"),
            })
            .collect();
        if placeholders.is_empty() {
            continue;
        }
        v.positions.retain(|(w, _)| !is_unnamed(w));
        v.conflicts.retain(|(w, _)| !is_unnamed(w));
        let surname = |n: &str| n.split_whitespace().last().unwrap_or("").to_owned();
        let named: Vec<String> = v
            .positions
            .iter()
            .filter_map(|(w, _)| match w {
                Voter::Member(s) => Some(surname(&s.name)),
                Voter::Faction(_) => None,
            })
            .collect();
        let candidates: Vec<&Speaker> = roster
            .iter()
            .filter(|s| !named.contains(&surname(&s.name)))
            .collect();
        let position = placeholders[0].1;
        let one_position = placeholders.iter().all(|(_, p)| *p == position);
        let all = placeholders.iter().any(|(n, _)| n.ends_with('*'));
        let fits = !candidates.is_empty() && (all || candidates.len() == placeholders.len());
        if one_position && fits {
            for s in candidates {
                v.positions.push((Voter::Member(s.clone()), position));
            }
        }
    }
}

/// Members voting on their own: `der fraktionslose Abgeordnete Dr. Blex`, `Herr Schwerd`,
/// `Daniel Schwerd (fraktionslos)`; members counted but not named as placeholders (`unnamed`).
fn members(phrase: &str) -> Vec<Voter> {
    let mut out = unnamed(phrase);
    let member = |titles: &str, name: &str| {
        let mut s = Speaker::named(name.trim());
        s.honorific = Some(titles.trim().to_owned()).filter(|t| !t.is_empty());
        s.fraktionslos = true;
        Voter::Member(s)
    };
    for (lists, fraktionslos) in [(&FRAKTIONSLOS, true), (&TITLED, false)] {
        for list in lists.captures_iter(phrase) {
            for c in ONE_NAMED.captures_iter(&list["list"]) {
                let faction = crate::lexicon::faction_named(&c["name"], None);
                if faction.is_none() && !NOT_NAMES.contains(&&c["name"]) {
                    let mut m = member(&c["titles"], &c["name"]);
                    if let Voter::Member(s) = &mut m {
                        s.fraktionslos = fraktionslos;
                    }
                    out.push(m);
                }
            }
        }
    }
    for c in MARKED_FRAKTIONSLOS.captures_iter(phrase) {
        let name = c["name"].to_owned();
        if !out
            .iter()
            .any(|v| matches!(v, Voter::Member(s) if name.ends_with(&s.name)))
        {
            out.push(member(&c["titles"], &name));
        }
    }
    for c in ADDRESSED.captures_iter(phrase) {
        let name = &c["name"];
        let affil = c.name("affil").map(|a| a.as_str());
        if NOT_NAMES.contains(&name) || affil.is_some_and(|a| a != "fraktionslos") {
            continue;
        }
        if !out
            .iter()
            .any(|v| matches!(v, Voter::Member(s) if s.name.ends_with(name)))
        {
            out.push(member(&c["titles"], name));
        }
    }
    out
}

/// The phrase with parenthesised interjections (`(Zurufe)`) taken out.
fn without_parentheses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for ch in s.chars() {
        match ch {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    collapse(&out)
}

/// A voter's label: a faction's short label or a member's name.
pub fn label(v: &Voter) -> String {
    match v {
        Voter::Faction(f) => f.label().to_owned(),
        Voter::Member(s) => s.name.clone(),
    }
}

/// Where the words after the last `und` (white space around it, a line break too) begin.
fn after_last_und(s: &str) -> Option<usize> {
    s.rmatch_indices("und").find_map(|(at, w)| {
        let before = s[..at].chars().next_back()?;
        let after = s[at + w.len()..].chars().next()?;
        (before.is_whitespace() && after.is_whitespace()).then(|| at + w.len() + after.len_utf8())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(phrase: &str, wp: u32) -> Vec<String> {
        let when = When {
            wahlperiode: Some(wp),
            date: None,
        };
        named(phrase, when).voters.iter().map(label).collect()
    }

    #[test]
    fn spellings_groups_and_parts() {
        assert_eq!(
            labels("SPD und Grüne sowie die Piratenfraktion", 16),
            ["SPD", "GRÜNE", "PIRATEN"]
        );
        assert_eq!(labels("Es enthält sich die CDUFraktion (Zurufe) – und Teile der FDP-Fraktion? – Alle von der FDP!", 16), ["CDU", "FDP"]);
        assert_eq!(
            labels("die CDU-Fraktion – und Teile der FDP-Fraktion", 16),
            ["CDU"]
        );
        assert_eq!(
            labels("mit der Mehrheit von Rot und Grün", 16),
            ["SPD", "GRÜNE"]
        );
        assert_eq!(labels("die Koalitionsfraktionen", 16), ["SPD", "GRÜNE"]);
        assert_eq!(labels("die Koalitionsfraktionen", 17), ["CDU", "FDP"]);
        assert_eq!(labels("die Opposition", 16), ["CDU", "FDP", "PIRATEN"]);
        assert_eq!(
            labels("bei einer Gegenstimme aus der CDU", 16),
            Vec::<String>::new()
        );
        assert_eq!(labels("Fraktion DIE LINKE", 15), ["LINKE"]);
        assert_eq!(
            labels("die Fraktionen von CDU, SPD, Bündnis 90/Die Grünen, FDP, AfD und der fraktionslose Abgeordnete Dr. Blex", 18),
            ["CDU", "SPD", "GRÜNE", "FDP", "AfD", "Blex"]
        );
        assert_eq!(
            labels("SPD, Grüne und Herr Schwerd", 16),
            ["SPD", "GRÜNE", "Schwerd"]
        );
        let n = named("Enthaltungen gibt es nicht", When::default());
        assert!(n.nobody && n.voters.is_empty());
        assert!(named("alle anderen Fraktionen", When::default()).others);
        assert!(named("Das ist einstimmig.", When::default()).unanimous);
    }
}
