//! Reads who speaks: speaker labels (`Christina Kampmann (SPD):`), reported-speech mentions
//! (`Laut Christina Kampmann (SPD) steht …`), faction labels and roles. One reader for every
//! document kind; votes and interjections (later) reuse `faction_from_label`.

use crate::model::{Faction, MinistryRef, Role, RoleKind, Speaker};
use crate::words::collapse;
use regex::Regex;
use std::sync::LazyLock;

/// Roles printed before a name, longest first so that `Vizepräsidentin` wins over `Vize…`.
pub const ROLES_BEFORE_NAME: &[&str] = &[
    "Stellvertretende Vorsitzende",
    "Stellvertretender Vorsitzender",
    "stellv. Vorsitzende",
    "stellv. Vorsitzender",
    "Ministerpräsidentin",
    "Ministerpräsident",
    "Alterspräsidentin",
    "Alterspräsident",
    "Vizepräsidentin",
    "Vizepräsident",
    "Präsidentin",
    "Präsident",
    "Vorsitzende",
    "Vorsitzender",
    "Staatssekretärin",
    "Staatssekretär",
    "Ministerin",
    "Minister",
    "StS'in",
    "StS",
    "MDgt'in",
    "MDgt",
    "MD'in",
    "MD",
    "LMR'in",
    "LMR",
    "MR'in",
    "MR",
    "LRD'in",
    "LRD",
    "RD'in",
    "RD",
    "ORR'in",
    "ORR",
    "RR'in",
    "RR",
];

/// What kind of role a printed one is: presiding (`Präsidentin`, `Alterspräsident`,
/// `Vorsitzender`, but not `Ministerpräsident`), of the government (a minister's title, a
/// state secretary), or other.
pub fn role(printed: &str) -> Role {
    let kind = if printed.contains("räsident") && !printed.starts_with("Minister")
        || printed.contains("Vorsitz")
    {
        RoleKind::Presiding
    } else if printed.contains("inister")
        || printed.contains("Staatssekret")
        || printed.contains("der Staatskanzlei")
        || printed == "StS"
    {
        RoleKind::Government
    } else {
        RoleKind::Other
    };
    Role {
        printed: printed.to_owned(),
        kind,
    }
}

/// Whether a speaker presides over the meeting.
pub fn is_presiding(s: &Speaker) -> bool {
    s.role
        .as_ref()
        .is_some_and(|r| r.kind == RoleKind::Presiding)
}

/// Capitalised words that start sentences but never names (`Laut Christina Kampmann (SPD)`).
const NOT_A_NAME: &[&str] = &[
    "Laut",
    "Auch",
    "Wie",
    "So",
    "Nach",
    "Auf",
    "Von",
    "Mit",
    "Für",
    "Den",
    "Dem",
    "Der",
    "Die",
    "Das",
    "Des",
    "Herr",
    "Herrn",
    "Frau",
    "Kollege",
    "Kollegin",
    "Abgeordnete",
    "Abgeordneter",
    "Und",
    "Aber",
    "Dann",
    "Doch",
    "Zudem",
    "Ferner",
    "Seitens",
    "Gegenüber",
    "Bei",
    "Zu",
    "Im",
    "In",
    "An",
    "Am",
    "Da",
    "Dass",
    "Weil",
    "Als",
    "Ob",
    "Während",
    "Sowohl",
    "Namens",
    "Dies",
    "Diese",
    "Dieser",
    "Dieses",
    "Ebenso",
    "Gleichwohl",
    "Jedoch",
    "Allerdings",
    "Zunächst",
    "Abschließend",
    "Schließlich",
    "Gemäß",
    "Zufolge",
];

const TITLES: &str = r"(?:(?:Prof\.|Dr\.(?:\s?h\.\s?c\.)?|Dr\.-Ing\.)\s+)*";
const NAME_WORD: &str = r"\p{Lu}[\p{L}’'\-]*\p{L}|\p{Lu}\.";
const PARTICLE: &str = r"(?:von|van|de|der|zu|di|den|ter|vom)";

/// The roles as a regex alternation, and compound ministers' titles (`Finanzminister`,
/// `Schulministerin`) as earlier periods print them.
fn roles_alternation() -> String {
    ROLES_BEFORE_NAME
        .iter()
        .map(|r| regex::escape(r))
        .chain([
            r"\p{Lu}\p{Ll}+ministerin".to_owned(),
            r"\p{Lu}\p{Ll}+minister".to_owned(),
        ])
        .collect::<Vec<_>>()
        .join("|")
}

fn name_pattern() -> String {
    format!(r"(?:{NAME_WORD})(?:\s+(?:{PARTICLE}\s+)*(?:{NAME_WORD})){{1,4}}")
}

/// `Vorsitzender Thorsten Schick:`, `Christina Kampmann (SPD):`, `Angela Freimuth*) (FDP):`,
/// `Abgeordneter Laurenz Meyer (CDU):`.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:Abgeordneter|Abgeordnete|Abg\.)\s+)?(?:(?P<role>{roles})\s+)?(?P<titles>{TITLES})(?P<name>{name})(?P<star>\s*\*\))?(?:\s*\((?P<affil>[^()\n]{{2,40}})\))?\s*:",
        roles = roles_alternation(),
        name = name_pattern()
    ))
    .unwrap()
});

/// 18th-period style: `Ina Brandes, Ministerin für Kultur und Wissenschaft:`.
static LABEL_ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<titles>{TITLES})(?P<name>{name})(?P<star>\s*\*\))?\s*,\s+(?P<role>(?:Ministerpräsidentin|Ministerpräsident|Ministerin|Minister|\p{{Lu}}\p{{Ll}}+ministerin|\p{{Lu}}\p{{Ll}}+minister|Staatssekretärin|Staatssekretär|Chefin der Staatskanzlei|Chef der Staatskanzlei)\b[^:.!?()]{{0,200}}):",
        name = name_pattern()
    ))
    .unwrap()
});

/// Earlier periods' style: `Minister für Wirtschaft, Mittelstand, Technologie und Verkehr
/// Wolfgang Clement:`, the role's words and the name's run together (split by
/// [`role_then_name`]).
static LABEL_LONG_ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<both>(?:Ministerin|Minister)\s+(?:für|der|des)\s[^:()!?]{3,240}?)(?P<star>\s*\*\))?\s*:")
        .unwrap()
});

/// Titles and a name, and nothing else.
static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "^(?P<titles>{TITLES})(?P<name>{})$",
        name_pattern()
    ))
    .unwrap()
});

/// `Minister für … Verkehr Wolfgang Clement` → the role and the name: the name begins at the
/// first title (`Dr.`) or given name a member bore, and runs two to five words to the end.
fn role_then_name(both: &str) -> Option<(&str, &str, &str)> {
    let words: Vec<(usize, &str)> = both
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - both.as_ptr() as usize, w))
        .collect();
    let at = (3..words.len()).find(|&i| {
        let (_, w) = words[i];
        let left = words.len() - i;
        let is_title = matches!(w, "Dr." | "Prof.");
        (2..=6).contains(&left) && (is_title || crate::members::is_given_name(w))
    })?;
    let role = both[..words[at].0].trim_end().trim_end_matches(',');
    let rest = &both[words[at].0..];
    let c = FULL_NAME.captures(rest)?;
    let (titles, name) = (c.name("titles")?.as_str(), c.name("name")?.as_str());
    Some((role, titles, name))
}

/// A mention with an affiliation: `Minister Prof. Dr. Andreas Pinkwart (MWIDE)`.
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:\b(?P<role>{roles})\s+)?(?P<titles>{TITLES})(?P<name>{name})(?P<star>\s*\*\))?\s*\((?P<affil>[^()\n]{{2,40}})\)",
        roles = roles_alternation(),
        name = name_pattern()
    ))
    .unwrap()
});

/// A role and a name with no affiliation: `Vorsitzender Thorsten Schick weist …`.
static ROLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<role>{roles})\s+(?P<titles>{TITLES})(?P<name>{name})",
        roles = roles_alternation(),
        name = name_pattern()
    ))
    .unwrap()
});

/// A speaker read from the text, with the byte range of what was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub speaker: Speaker,
    pub start: usize,
    pub end: usize,
}

/// The faction a label names, in any of the spellings the Landtag prints (the lexicon's).
pub fn faction_from_label(label: &str) -> Option<Faction> {
    crate::lexicon::faction_named(label, None)
}

fn speaker_from(
    role: Option<&str>,
    titles: &str,
    name: &str,
    star: bool,
    affil: Option<&str>,
) -> Speaker {
    // `Minister für …, Internationales sowie Medien im Geschäftsbereich des Ministerpräsidenten`:
    // the office is the role; the portfolio it sits in is the ministry (the Staatskanzlei), not
    // a word of the title. A minister without a ministry of their own is printed this way.
    // `Minister für Bundes- und Europaangelegenheiten … und Chef der Staatskanzlei`: the same,
    // the Staatskanzlei named by its head.
    let (role, portfolio) = match role.map(collapse) {
        Some(r) => match r.split_once(" im Geschäftsbereich ") {
            Some((office, of)) => (
                Some(office.to_owned()),
                Some(format!("im Geschäftsbereich {of}")),
            ),
            None => match ["Chef", "Chefin"]
                .iter()
                .find_map(|c| r.strip_suffix(&format!(" und {c} der Staatskanzlei")))
            {
                Some(office) => (Some(office.to_owned()), Some("StK".to_owned())),
                None => (Some(r), None),
            },
        },
        None => (None, None),
    };
    let mut speaker = Speaker {
        name: collapse(name),
        honorific: Some(collapse(titles)).filter(|t| !t.is_empty()),
        faction: None,
        fraktionslos: false,
        role: role.as_deref().map(self::role),
        ministry: portfolio,
        unreviewed: star,
        speaks_for: None,
        member: None,
        office: None,
    };
    if let Some(a) = affil.map(str::trim) {
        if let Some(f) = faction_from_label(a) {
            speaker.faction = Some(f);
        } else if a.eq_ignore_ascii_case("fraktionslos") {
            speaker.fraktionslos = true;
        } else {
            speaker.ministry = Some(a.to_owned());
        }
    }
    speaker
}

/// The ministry an abbreviation (`MWIDE`) or a government role (`Ministerin für Kultur und
/// Wissenschaft`, `Finanzminister`) names in `period`: the lexicon's where it holds it (so the
/// committee protocol's `MWIDE` and the Drucksache's `Minister für Wirtschaft, …` are one
/// ministry), else the ministry a minister's title names, else an abbreviation printed alone.
pub fn ministry_named(abbr_or_role: &str, period: Option<u32>) -> Option<MinistryRef> {
    if let Some(m) = crate::lexicon::ministry(abbr_or_role, period) {
        return Some(MinistryRef::Known(m));
    }
    let role = abbr_or_role;
    match role
        .strip_prefix("Ministerin ")
        .or_else(|| role.strip_prefix("Minister "))
    {
        Some(rest) => Some(MinistryRef::Named(format!("Ministerium {rest}"))),
        None if !role.contains(' ') => Some(MinistryRef::Abbreviation(role.to_owned())),
        None => None,
    }
}

/// The ministry a speaker speaks for: printed apart from the role (`MWIDE`, a portfolio), else
/// named by a government role (`Ministerin für …`, `Finanzminister`). A role that names no
/// ministry (`Vizepräsidentin`, `StS`) is no abbreviation of one.
pub fn speaks_for(s: &Speaker, period: Option<u32>) -> Option<MinistryRef> {
    match &s.ministry {
        Some(abbr) => ministry_named(abbr, period),
        None => match ministry_named(&s.role.as_ref()?.printed, period)? {
            MinistryRef::Abbreviation(_) => None,
            m => Some(m),
        },
    }
}

/// A speaker label at the start of a paragraph (direct speech), ending at its colon.
pub fn label_at_start(paragraph: &str) -> Option<Found> {
    if let Some(c) = LABEL.captures(paragraph) {
        let has_marker =
            c.name("role").is_some() || c.name("affil").is_some() || c.name("star").is_some();
        let affil = c.name("affil").map(|m| m.as_str());
        let affil_ok = affil.is_none_or(plausible_affiliation);
        if has_marker && affil_ok {
            let speaker = speaker_from(
                c.name("role").map(|m| m.as_str()),
                &c["titles"],
                &c["name"],
                c.name("star").is_some(),
                affil,
            );
            if !NOT_A_NAME.contains(&first_word(&speaker.name)) {
                return Some(Found {
                    speaker,
                    start: 0,
                    end: c.get(0).unwrap().end(),
                });
            }
        }
    }
    if let Some(c) = LABEL_ROLE_AFTER.captures(paragraph) {
        let speaker = speaker_from(
            Some(&c["role"]),
            &c["titles"],
            &c["name"],
            c.name("star").is_some(),
            None,
        );
        return Some(Found {
            speaker,
            start: 0,
            end: c.get(0).unwrap().end(),
        });
    }
    let c = LABEL_LONG_ROLE_BEFORE.captures(paragraph)?;
    let (role, titles, name) = role_then_name(&c["both"])?;
    let speaker = speaker_from(Some(role), titles, name, c.name("star").is_some(), None);
    Some(Found {
        speaker,
        start: 0,
        end: c.get(0).unwrap().end(),
    })
}

/// Reported-speech mentions in a committee protocol's paragraph, in order: every
/// `Name (Fraktion|Ministerium)` outside parentheses, a role and name at the paragraph's
/// start, and the chair (`Vorsitzender Thorsten Schick`) anywhere.
pub fn reported_mentions(paragraph: &str, chair: Option<&str>, known: &[String]) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for c in MENTION.captures_iter(paragraph) {
        let whole = c.get(0).unwrap();
        if depth_at(paragraph, whole.start()) > 0 || !plausible_affiliation(&c["affil"]) {
            continue;
        }
        let name_m = c.name("name").unwrap();
        let (name, name_start) = trim_name(name_m.as_str(), known);
        let start = if c.name("role").is_some() || !c["titles"].is_empty() {
            whole.start()
        } else {
            name_m.start() + name_start
        };
        let speaker = speaker_from(
            c.name("role").map(|m| m.as_str()),
            &c["titles"],
            &name,
            c.name("star").is_some(),
            Some(&c["affil"]),
        );
        found.push(Found {
            speaker,
            start,
            end: whole.end(),
        });
    }
    for c in ROLE_NAME.captures_iter(paragraph) {
        let whole = c.get(0).unwrap();
        let role = &c["role"];
        let (name, _) = trim_name(&c["name"], known);
        let at_start = whole.start() == 0;
        let is_chair = role.starts_with("Vorsitz") && chair.is_some_and(|ch| ch == name);
        if !(at_start || is_chair) || depth_at(paragraph, whole.start()) > 0 {
            continue;
        }
        if found
            .iter()
            .any(|f| f.start <= whole.start() && whole.start() < f.end)
        {
            continue;
        }
        let speaker = speaker_from(Some(role), &c["titles"], &name, false, None);
        found.push(Found {
            speaker,
            start: whole.start(),
            end: whole.end(),
        });
    }
    found.sort_by_key(|f| f.start);
    found
}

/// The name proper inside a run of capitalised words: a known name that ends the run, else
/// the capitalised words that end it (`Auf den Einwand von Florian Braun` → `Florian Braun`),
/// taking in particles only where a given name opens the run (`Ursula von der Leyen`).
/// Returns the name and its byte offset in the run.
fn trim_name(run: &str, known: &[String]) -> (String, usize) {
    let run = run.trim();
    for k in known {
        if run.ends_with(k.as_str())
            && (run.len() == k.len() || run[..run.len() - k.len()].ends_with(' '))
        {
            return (k.clone(), run.len() - k.len());
        }
    }
    let words: Vec<(usize, &str)> = run
        .split(' ')
        .scan(0, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // Leading sentence words are never part of a name.
    let mut first = 0;
    while first + 2 < words.len() && NOT_A_NAME.contains(&words[first].1) {
        first += 1;
    }
    let mut start = words.len() - 1;
    while start > first && capitalised(words[start - 1].1) {
        start -= 1;
    }
    // Particles belong to the name only when everything before them is part of it too.
    if start > first && !capitalised(words[start - 1].1) {
        let head = &words[first..start];
        let particle_run = head
            .iter()
            .skip_while(|(_, w)| capitalised(w))
            .all(|(_, w)| !capitalised(w));
        if capitalised(head[0].1) && particle_run {
            start = first;
        }
    }
    let offset = words[start].0;
    (collapse(&run[offset..]), offset)
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

/// A faction, `fraktionslos` or a ministry's abbreviation; not a date or a sentence.
fn plausible_affiliation(a: &str) -> bool {
    let a = a.trim();
    faction_from_label(a).is_some()
        || a.eq_ignore_ascii_case("fraktionslos")
        || (a.len() <= 12
            && a.chars().next().is_some_and(char::is_uppercase)
            && a.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
            && a.chars().filter(|c| c.is_uppercase()).count() >= 2)
}

/// How many parentheses are open at `pos`.
fn depth_at(text: &str, pos: usize) -> i32 {
    let mut depth = 0i32;
    for ch in text[..pos].chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth
}

/// `Alexander Baer [SPD]`, `Dr. Christian Blex [fraktionslos]`: a person with a bracketed
/// affiliation, as interjections print them.
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<titles>{TITLES})(?P<name>{name})\s*\[(?P<affil>[^\]]+)\]$",
        name = name_pattern()
    ))
    .unwrap()
});

/// A member named with the word that makes the name a member's, as the older protocols print
/// members in interjections: `Abg. Dr. Linssen [CDU]`, `des Abgeordneten Farthmann [SPD]`,
/// `Frau Beer [GRÜNE]`, `Herrn Witzel [FDP]`. The surname alone is then a name (resolved by
/// the period's members, or reported); the word is no part of it.
static MEMBER_MARKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:des\s+|der\s+|dem\s+)?(?:Abg\.|Abgeordnete[nr]?|Frau|Herrn?)\s+(?P<titles>{TITLES})(?P<name>(?:{PARTICLE}\s+)?(?:{NAME_WORD})(?:\s+(?:{PARTICLE}\s+)*(?:{NAME_WORD})){{0,4}})\s*\[(?P<affil>[^\]]+)\]$"
    ))
    .unwrap()
});

/// A member of the government named with role and full name in running text:
/// `in Vertretung von Ministerin Ina Scharrenbach`, `Ministerin Yvonne Gebauer die Maßnahmen`.
static GOVERNMENT_MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<role>Ministerpräsidentin|Ministerpräsident|Ministerin|Minister|Staatssekretärin|Staatssekretär)\s+(?P<titles>{TITLES})(?P<given>\p{{Lu}}[\p{{Ll}}’'\-]+(?:-\p{{Lu}}[\p{{Ll}}]+)?)\s+(?P<surname>\p{{Lu}}[\p{{L}}’'\-]*\p{{Ll}})(?P<after>\s*\S*)"
    ))
    .unwrap()
});

/// Members of the government mentioned by role, given name and surname. Only two-word names
/// followed by a lower-case word, punctuation or another role are taken: German nouns are
/// capitalised too, and `Minister Liminski Stellung` must not become a person.
pub fn government_mentions(text: &str) -> Vec<Speaker> {
    let mut out: Vec<Speaker> = Vec::new();
    for c in GOVERNMENT_MENTION.captures_iter(text) {
        let after = c["after"].trim_start();
        let ends = after.is_empty()
            || after.starts_with(|ch: char| ch.is_lowercase() || ",.;:!?)–-".contains(ch))
            || ROLES_BEFORE_NAME.iter().any(|r| after.starts_with(r));
        let role_word = |w: &str| ROLES_BEFORE_NAME.contains(&w) || NOT_A_NAME.contains(&w);
        // `Minister Liminski Stellung nehmen`: a noun's suffix is no surname's.
        let noun = [
            "ung", "heit", "keit", "schaft", "tion", "ität", "nis", "tum", "ismus",
        ]
        .iter()
        .any(|suffix| c["surname"].ends_with(suffix));
        if !ends || noun || role_word(&c["given"]) || role_word(&c["surname"]) {
            continue;
        }
        let name = format!("{} {}", &c["given"], &c["surname"]);
        if out.iter().any(|s| s.name == name) {
            continue;
        }
        out.push(speaker_from(
            Some(&c["role"]),
            &c["titles"],
            &name,
            false,
            None,
        ));
    }
    out
}

/// Words of the protocols' stage directions: a name holding one is an event misread
/// (`Zuruf von Christof Rasche`), never a person.
const STAGE_WORDS: &[&str] = &[
    "Zuruf",
    "Zurufe",
    "Zwischenruf",
    "Zwischenrufe",
    "Gegenruf",
    "Gegenrufe",
    "Beifall",
    "Heiterkeit",
    "Lachen",
    "Widerspruch",
    "Unruhe",
    "Weitere",
    "Weiterer",
    "Vereinzelt",
    "Glocke",
];

/// A person printed as `Name [Fraktion]`; none where the "name" holds a stage direction.
pub fn bracketed_person(s: &str) -> Option<Speaker> {
    let s = s.trim();
    let c = MEMBER_MARKED
        .captures(s)
        .or_else(|| BRACKETED.captures(s))?;
    if c["name"]
        .split_whitespace()
        .any(|w| STAGE_WORDS.contains(&w))
    {
        return None;
    }
    Some(speaker_from(
        None,
        &c["titles"],
        &c["name"],
        false,
        Some(&c["affil"]),
    ))
}

/// Who a list names: `von der FDP und Alexander Baer [SPD]`, `der Fraktionen von CDU, SPD und
/// BÜNDNIS 90/DIE GRÜNEN`, `der AfD-Fraktion`. Unknown parts are returned as they are.
pub fn actors(list: &str) -> (Vec<Faction>, Vec<Speaker>, Vec<String>) {
    let (mut factions, mut persons, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
    let cleaned = collapse(list);
    for part in split_list(&cleaned) {
        let mut p = part.trim().trim_end_matches(['.', ',']).trim();
        let unmarked = ["von ", "bei "]
            .iter()
            .fold(p, |p, w| p.strip_prefix(w).unwrap_or(p));
        if MEMBER_MARKED.is_match(unmarked) {
            persons.extend(bracketed_person(unmarked));
            continue;
        }
        for prefix in [
            // `Beifall von der FDP und vereinzelt von der CDU`: some of the CDU's members.
            "vereinzelt ",
            "teilweise ",
            "zum Teil ",
            "auch ",
            "von ",
            "bei ",
            "einzelnen ",
            // `Beifall von Teilen der SPD`: members of that faction.
            "Teilen ",
            "der Fraktionen ",
            "den Fraktionen ",
            "der Fraktion ",
            "den Fraktionen ",
            "der Abgeordneten ",
            "den Abgeordneten ",
            "Abgeordneten ",
            "der ",
            "den ",
            "dem ",
            "die ",
            "von ",
        ] {
            p = p.strip_prefix(prefix).unwrap_or(p);
        }
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        // `F.D.P.` lost its last dot with the list's punctuation.
        let label = faction_from_label(p).or_else(|| faction_from_label(&format!("{p}.")));
        if let Some(f) = label {
            if !factions.contains(&f) {
                factions.push(f);
            }
        } else if let Some(person) = bracketed_person(p).or_else(|| government_member(p)) {
            persons.push(person);
        } else {
            unknown.push(p.to_owned());
        }
    }
    (factions, persons, unknown)
}

/// A member of the government named by office and name (`Ministerpräsident Hendrik Wüst`,
/// `Ministerin Dr. Ina Scharrenbach`), the titles left off the name.
static GOVERNMENT_MEMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<role>(?:Ministerpräsident|Minister|Staatssekretär)(?:in)?)\s+(?:(?:Prof\.|Dr\.)\s*)*(?P<name>\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){1,3})$").unwrap()
});

fn government_member(p: &str) -> Option<Speaker> {
    let c = GOVERNMENT_MEMBER.captures(p)?;
    Some(Speaker {
        role: Some(role(&c["role"])),
        ..Speaker::named(&c["name"])
    })
}

/// Splits a list at `,`, ` und ` and ` sowie ` outside brackets.
fn split_list(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    let mut rest = s;
    while let Some(ch) = rest.chars().next() {
        if depth == 0 {
            if let Some(r) = rest
                .strip_prefix(", ")
                .or_else(|| rest.strip_prefix(" und "))
                .or_else(|| rest.strip_prefix(" sowie "))
            {
                parts.push(std::mem::take(&mut current));
                rest = r;
                continue;
            }
        }
        match ch {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            _ => {}
        }
        current.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    parts.push(current);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn government_members_mentioned_by_role_and_full_name() {
        let names: Vec<String> = government_mentions(
            "spricht nun in Vertretung von Ministerin Ina Scharrenbach Ministerin Brandes. \
             Für die Bildung habe Ministerin Yvonne Gebauer die Maßnahmen vorgestellt. \
             Dazu wird Minister Liminski Stellung nehmen. Unter Ministerpräsident Wüst, immer …",
        )
        .into_iter()
        .map(|s| s.name)
        .collect();
        assert_eq!(names, ["Ina Scharrenbach", "Yvonne Gebauer"]);
    }

    #[test]
    fn reported_speech() {
        let m = reported_mentions("Auf den Einwand von Florian Braun (CDU), dieses", None, &[]);
        assert_eq!(m[0].speaker.name, "Florian Braun");
        let m = reported_mentions("Laut Ursula von der Leyen (CDU) steht", None, &[]);
        assert_eq!(m[0].speaker.name, "Ursula von der Leyen");
        let m = reported_mentions(
            "Laut Christina Kampmann (SPD) steht die SPD-Fraktion",
            None,
            &[],
        );
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].speaker.name, "Christina Kampmann");
        let m = reported_mentions(
            "Wie Vorsitzender Thorsten Schick begrüßt auch Florian Braun (CDU) das Angebot",
            Some("Thorsten Schick"),
            &[],
        );
        let names: Vec<_> = m.iter().map(|f| f.speaker.name.as_str()).collect();
        assert_eq!(names, ["Thorsten Schick", "Florian Braun"]);
        let m = reported_mentions(
            "Dieses positive Feedback, so Minister Prof. Dr. Andreas Pinkwart (MWIDE), verstehe er",
            None,
            &[],
        );
        assert_eq!(m[0].speaker.honorific.as_deref(), Some("Prof. Dr."));
        assert_eq!(m[0].speaker.ministry.as_deref(), Some("MWIDE"));
        assert!(
            reported_mentions("habe Ministerin Yvonne Gebauer die Maßnahmen", None, &[]).is_empty()
        );
        assert!(reported_mentions(
            "(Christina Kampmann [SPD]: Das habe ich gar nicht gesagt!)",
            None,
            &[]
        )
        .is_empty());
    }
}
