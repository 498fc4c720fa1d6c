//! The members of the Landtag by Wahlperiode (1–18), from `data/members/` (SpeakGer's metadata,
//! CC BY 4.0, attribution in `data/members/README.md`): a surname printed alone (`Herr Kollege
//! Dr. Droste`, `Frau Altenkamp`, a roll call's `Herr Müller, Hans`) resolves to the member of
//! that period; two members with one surname are told apart by given name where printed, and by
//! the salutation's gender, else reported ambiguous. A full name printed resolves to the member
//! it names (`identify`): the person's identity, whatever the spelling.

use crate::words::collapse;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::LazyLock;

const BY_PERIOD: &str = include_str!("../../../data/members/nrw-members-by-period.csv");
const PERSONS: &str = include_str!("../../../data/members/nrw-members.csv");

/// A member's id in the member list (SpeakGer's `mpid`): the key a member's IRI is minted from,
/// whatever the documents print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct MemberId(pub u32);

impl std::fmt::Display for MemberId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A member of the Landtag in one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: MemberId,
    pub name: String,
    /// Wikidata QID (`Q2039034`).
    pub wikidata: String,
    /// `männlich`, `weiblich`, as the source writes it.
    pub gender: String,
    /// The party in that period as a key of `data/lexicon/parteien.tsv` (`gruene`), `None`
    /// where the list says `other`.
    pub party: Option<&'static str>,
}

/// What a printed surname resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    One(Member),
    /// Several members bear the name; their names.
    Ambiguous(Vec<String>),
    NotFound,
}

/// SpeakGer's party names → the keys of `parteien.tsv`.
fn party_key(speakger: &str) -> Option<&'static str> {
    Some(match speakger {
        "cdu" => "cdu",
        "spd" => "spd",
        "fdp" => "fdp",
        "die grünen" => "gruene",
        "afd" => "afd",
        "linke/pds/sed" => "linke",
        "kpd/dkp" => "kpd",
        _ => return None,
    })
}

/// One row of `nrw-members.csv`.
struct Record<'a> {
    mpid: u32,
    name: &'a str,
    qid: &'a str,
    gender: &'a str,
    /// The year of birth (`1960` of `30.12.1960` or `1960-12-30`).
    born: &'a str,
}

fn records() -> HashMap<&'static str, Record<'static>> {
    PERSONS
        .lines()
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            let born = c.get(4).unwrap_or(&"");
            let year = born.split(['.', '-']).find(|p| p.len() == 4).unwrap_or("");
            let record = Record {
                mpid: c.first()?.parse().ok()?,
                name: c.get(2)?,
                qid: c.get(1)?,
                gender: c.get(5).unwrap_or(&""),
                born: year,
            };
            Some((*c.first()?, record))
        })
        .collect()
}

/// SpeakGer lists some members twice, once for a stretch of periods (`Oliver Keymis`, 13–16;
/// `oliver martin keymis`, 17, with a made-up birthday in the same year and no Wikidata item):
/// records with one first given name, surname and year of birth and no period in common are
/// one person (unless two hold Wikidata items), known by the record with an item (else the
/// first). mpid → the mpid of the record that stands for it.
fn one_per_person(
    records: &HashMap<&str, Record>,
    periods: &HashMap<&str, Vec<u32>>,
) -> HashMap<u32, u32> {
    let mut groups: HashMap<(String, String, &str), Vec<&Record>> = HashMap::new();
    for r in records.values().filter(|r| !r.born.is_empty()) {
        let first = r
            .name
            .split_whitespace()
            .next()
            .map(fold)
            .unwrap_or_default();
        groups
            .entry((first, surname_key(r.name), r.born))
            .or_default()
            .push(r);
    }
    let mut canonical = HashMap::new();
    for mut group in groups.into_values().filter(|g| g.len() > 1) {
        let sat = |r: &Record| {
            periods
                .get(r.mpid.to_string().as_str())
                .cloned()
                .unwrap_or_default()
        };
        let all: Vec<u32> = group.iter().flat_map(|r| sat(r)).collect();
        let disjoint = all
            .iter()
            .all(|p| all.iter().filter(|q| *q == p).count() == 1);
        // Two Wikidata items are two persons.
        let items = group.iter().filter(|r| !r.qid.is_empty()).count();
        if !disjoint || items > 1 {
            continue;
        }
        group.sort_by_key(|r| (r.qid.is_empty(), r.mpid));
        for r in &group {
            canonical.insert(r.mpid, group[0].mpid);
        }
    }
    canonical
}

/// period → its members, in the list's order.
static PERIODS: LazyLock<HashMap<u32, Vec<Member>>> = LazyLock::new(|| {
    let records = records();
    let mut sat: HashMap<&str, Vec<u32>> = HashMap::new();
    for l in BY_PERIOD.lines().skip(1) {
        let c: Vec<&str> = l.split(',').collect();
        if let (Some(id), Some(Ok(period))) = (c.first(), c.get(1).map(|p| p.parse::<u32>())) {
            sat.entry(*id).or_default().push(period);
        }
    }
    let canonical = one_per_person(&records, &sat);
    let by_mpid: HashMap<u32, &Record> = records.values().map(|r| (r.mpid, r)).collect();
    let mut periods: HashMap<u32, Vec<Member>> = HashMap::new();
    for l in BY_PERIOD.lines().skip(1) {
        let c: Vec<&str> = l.split(',').collect();
        let (Some(id), Some(Ok(period))) = (c.first(), c.get(1).map(|p| p.parse::<u32>())) else {
            continue;
        };
        let Some(r) = records.get(id) else { continue };
        let r = canonical
            .get(&r.mpid)
            .and_then(|m| by_mpid.get(m))
            .unwrap_or(&r);
        let members = periods.entry(period).or_default();
        if members.iter().all(|m| m.id.0 != r.mpid) {
            members.push(Member {
                id: MemberId(r.mpid),
                name: r.name.to_string(),
                wikidata: r.qid.to_string(),
                gender: r.gender.to_string(),
                party: c.get(2).and_then(|p| party_key(p)),
            });
        }
    }
    periods
});

/// A member's name as compared, and the member.
type Compared = (Vec<String>, Member);

/// period → each member's name as compared ([`words`]), beside the member: computed once, not
/// for every name a document prints.
static WORDS: LazyLock<HashMap<u32, Vec<Compared>>> = LazyLock::new(|| {
    PERIODS
        .iter()
        .map(|(p, ms)| (*p, ms.iter().map(|m| (words(&m.name), m.clone())).collect()))
        .collect()
});

/// (period, folded surname) → members.
static INDEX: LazyLock<HashMap<(u32, String), Vec<Member>>> = LazyLock::new(|| {
    let mut index: HashMap<(u32, String), Vec<Member>> = HashMap::new();
    for (period, members) in PERIODS.iter() {
        for m in members {
            index
                .entry((*period, surname_key(&m.name)))
                .or_default()
                .push(m.clone());
        }
    }
    index
});

/// (period, folded full name) → members.
static BY_NAME: LazyLock<HashMap<(u32, String), Vec<Member>>> = LazyLock::new(|| {
    let mut index: HashMap<(u32, String), Vec<Member>> = HashMap::new();
    for ((period, _), members) in INDEX.iter() {
        for m in members {
            index
                .entry((*period, name_key(&m.name)))
                .or_default()
                .push(m.clone());
        }
    }
    index
});

/// Every given name a member of any period bore (the first word of the name), folded.
static GIVEN: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    PERIODS
        .values()
        .flatten()
        .filter_map(|m| m.name.split_whitespace().next().map(fold))
        .collect()
});

/// Whether a word is a given name some member of the Landtag bore (`Wolfgang`, `Bärbel`): where
/// a role runs into a name with nothing between (`Minister für … Verkehr Wolfgang Clement`),
/// the name begins there.
pub fn is_given_name(word: &str) -> bool {
    GIVEN.contains(&fold(word))
}

fn name_key(name: &str) -> String {
    fold(&collapse(name))
}

/// The members of `period` with this full name (titles left off).
pub fn by_name(period: u32, name: &str) -> Vec<Member> {
    BY_NAME
        .get(&(period, name_key(name)))
        .cloned()
        .unwrap_or_default()
}

/// The last word of a name, lower case, diacritics folded, hyphens left out: how surnames are
/// compared (`Müller-Rech` and `MüllerRech`, as plain `pdftotext` joins a compound broken at a
/// line's end, are one).
pub fn surname_key(name: &str) -> String {
    fold(name.split_whitespace().last().unwrap_or("")).replace(['-', '‐'], "")
}

fn fold(s: &str) -> String {
    s.chars()
        .map(crate::words::fold)
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ß' { 's' } else { c })
        .collect()
}

/// The member of `period` a surname (with a given name, a salutation's gender, the faction's
/// party, where printed) names. An annex prints the given name only where two members sitting
/// share a surname: a namesake who left, or one of another faction, is told apart by the rest.
pub fn resolve(
    period: u32,
    surname: &str,
    given: Option<&str>,
    female: Option<bool>,
    party: Option<&str>,
) -> Resolution {
    let Some(all) = INDEX.get(&(period, surname_key(surname))) else {
        return Resolution::NotFound;
    };
    let mut found: Vec<&Member> = all.iter().collect();
    if let Some(g) = given.map(fold).filter(|g| !g.is_empty()) {
        let by_given: Vec<&Member> = found
            .iter()
            .copied()
            .filter(|m| fold(&m.name).starts_with(&g))
            .collect();
        if !by_given.is_empty() {
            found = by_given;
        }
    }
    if let (Some(f), true) = (female, found.len() > 1) {
        let by_gender: Vec<&Member> = found
            .iter()
            .copied()
            .filter(|m| (m.gender == "weiblich") == f)
            .collect();
        if !by_gender.is_empty() {
            found = by_gender;
        }
    }
    if let (Some(p), true) = (party, found.len() > 1) {
        // Of that party, else (a party the list does not name: the Piraten) of none it names.
        let of = |want: Option<&str>| -> Vec<&Member> {
            found.iter().copied().filter(|m| m.party == want).collect()
        };
        let same = of(Some(p));
        let narrowed = if same.is_empty() { of(None) } else { same };
        if !narrowed.is_empty() {
            found = narrowed;
        }
    }
    match found.as_slice() {
        [one] => Resolution::One((*one).clone()),
        [] => Resolution::NotFound,
        many => Resolution::Ambiguous(many.iter().map(|m| m.name.clone()).collect()),
    }
}

/// The words of a name as compared: diacritics folded, lower case, hyphens as spaces, titles
/// and initials (`Dr.`, `Prof.`, `W.`) left out.
fn words(name: &str) -> Vec<String> {
    fold(name)
        .replace(['-', '‐'], " ")
        .split_whitespace()
        .filter(|w| !(w.ends_with('.') && w.chars().count() <= 5))
        .map(str::to_owned)
        .collect()
}

/// Two given names one person may be printed by: the same, one the beginning of the other
/// (`Matthi`, `Matthias`), or the same but for the ending (`Jule`, `Julia`).
fn given_fits(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    common == la.min(lb) || (common >= 3 && la.max(lb) <= common + 2)
}

/// A printed name and a member's name that may be one person: a surname in common (a second
/// surname printed or listed: `Bolte-Richter`, `Bolte`) and a given name that fits.
fn variant_of(printed: &[String], listed: &[String]) -> bool {
    let (Some((ps, pg)), Some((ls, lg))) = (printed.split_last(), listed.split_last()) else {
        return false;
    };
    let surname = ps == ls || printed.contains(ls) || listed.contains(ps);
    surname && !pg.is_empty() && pg.iter().any(|p| lg.iter().any(|l| given_fits(p, l)))
}

/// The one member among `found` of `party` where the name alone leaves several.
fn one_of(found: Vec<&Member>, party: Option<&str>) -> Option<Member> {
    let fits = |m: &&Member| party.is_none() || m.party.is_none() || m.party == party;
    match found.as_slice() {
        [one] if fits(one) => Some((*one).clone()),
        [_, _, ..] => match found
            .into_iter()
            .filter(fits)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [one] => Some((*one).clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The member a full name printed in a document of `period` names (titles left off), with the
/// printed faction's party where known: the same name in the period's list, else a spelling of
/// it (a second surname, a short given name, a middle initial) where the faction is printed;
/// else the same in the period before or after, of the same party (the list misses members re-elected or who came in during
/// a period). `None` where no member or several fit: a name the list does not know keeps its
/// own IRI.
pub fn identify(period: u32, name: &str, party: Option<&str>) -> Option<Member> {
    let printed = words(name);
    if printed.len() < 2 {
        return None;
    }
    let within = |p: u32, party: Option<&str>| -> Option<Option<Member>> {
        let members = WORDS.get(&p)?;
        // The same words, or the same letters where a compound's hyphen was lost at a line's
        // end (`Franziska MüllerRech` for `Franziska Müller-Rech`).
        let exact: Vec<&Member> = members
            .iter()
            .filter(|(w, _)| *w == printed || w.concat() == printed.concat())
            .map(|(_, m)| m)
            .collect();
        if !exact.is_empty() {
            return Some(one_of(exact, party));
        }
        // A spelling only where the faction is printed too: an expert or a guest who shares a
        // member's surname is not the member.
        party?;
        let variants: Vec<&Member> = members
            .iter()
            .filter(|(w, _)| variant_of(&printed, w))
            .map(|(_, m)| m)
            .collect();
        (!variants.is_empty()).then(|| one_of(variants, party))
    };
    if let Some(found) = within(period, party) {
        return found;
    }
    // Beside the period only with the party printed, and only a member of that party.
    let party = party?;
    [period.checked_sub(1), Some(period + 1)]
        .into_iter()
        .flatten()
        .find_map(|p| within(p, Some(party)))
        .flatten()
        .filter(|m| m.party == Some(party))
}

/// The member with this id, as the list gives them in their last period.
pub fn by_id(id: MemberId) -> Option<Member> {
    (1..=30)
        .rev()
        .filter_map(|p| PERIODS.get(&p))
        .find_map(|ms| ms.iter().find(|m| m.id == id).cloned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SpeakGer's second record of a member (no Wikidata item, a made-up birthday in the year)
    /// is the member of the first: one person, one id, one item, whatever the period.
    #[test]
    fn a_member_listed_twice_is_one_person() {
        let id = |period: u32, surname: &str| match resolve(period, surname, None, None, None) {
            Resolution::One(m) => (m.id.0, m.name, m.wikidata),
            other => panic!("{surname} in {period}: {other:?}"),
        };
        assert_eq!(id(17, "Keymis"), id(16, "Keymis"));
        assert_eq!(id(17, "Keymis").2, "Q1268490");
        assert_eq!(id(17, "Kapteinat"), id(18, "Kapteinat"));
        assert_eq!(id(17, "Katzidis"), id(18, "Katzidis"));
        assert_eq!(id(12, "Nell-Paul"), id(14, "Nell-Paul"));
    }

    #[test]
    fn surnames_resolve_within_their_period() {
        let one = |p, s, g, f| match resolve(p, s, g, f, None) {
            Resolution::One(m) => m.name,
            other => format!("{other:?}"),
        };
        assert_eq!(one(16, "Mostofizadeh", None, None), "Mehrdad Mostofizadeh");
        assert_eq!(one(16, "Droste", None, None), "Wilhelm Droste");
        assert_eq!(resolve(1, "Blex", None, None, None), Resolution::NotFound);
    }

    #[test]
    fn namesakes_are_told_apart_by_their_faction() {
        let one = |p, s, party| match resolve(p, s, None, Some(false), party) {
            Resolution::One(m) => m.name,
            other => format!("{other:?}"),
        };
        // Andreas Becker (SPD) and Horst Becker (Grüne), both in the 16th period.
        assert_eq!(one(16, "Becker", Some("spd")), "Andreas Becker");
        assert_eq!(one(16, "Becker", Some("gruene")), "Horst Becker");
        assert!(one(16, "Becker", None).starts_with("Ambiguous"));
        // Walter Kern (CDU) and Nicolaus Kern (Piraten, a party the list does not name).
        assert_eq!(one(16, "Kern", Some("cdu")), "Walter Kern");
        assert_eq!(one(16, "Kern", Some("piraten")), "Nicolaus Kern");
        // A faction neither has leaves both.
        assert!(one(16, "Becker", Some("fdp")).starts_with("Ambiguous"));
    }

    fn id(period: u32, name: &str, party: Option<&str>) -> Option<u32> {
        identify(period, name, party).map(|m| m.id.0)
    }

    #[test]
    fn spellings_of_one_member_give_one_id() {
        // Matthias Bolte (12064), Bündnis 90/Die Grünen, periods 15-17.
        let bolte = Some(12064);
        assert_eq!(id(16, "Matthias Bolte", Some("gruene")), bolte);
        assert_eq!(id(16, "Matthi Bolte", Some("gruene")), bolte);
        assert_eq!(id(17, "Matthi Bolte-Richter", Some("gruene")), bolte);
        assert_eq!(id(17, "Matthi Bolte Richter", Some("gruene")), bolte);
        // Without a faction a spelling is no one: a guest sharing a member's surname.
        assert_eq!(id(17, "Matthi Bolte Richter", None), None);
        // The list lacks him in period 18: the period before, same party.
        assert_eq!(id(18, "Matthi Bolte-Richter", Some("gruene")), bolte);
        assert_eq!(id(18, "Matthi Bolte-Richter", Some("cdu")), None);
        assert_eq!(id(18, "Matthi Bolte-Richter", None), None);
        // A title, a wrong hyphen, a middle initial.
        assert_eq!(id(16, "Dr. Matthias Bolte", None), bolte);
        assert_eq!(id(16, "Hans Peter Müller", None), Some(11708));
        assert_eq!(id(16, "Hans Müller", None), None);
        assert_eq!(
            id(18, "Sven W. Tritschler", Some("afd")),
            id(18, "Sven Tritschler", None)
        );
        assert!(id(18, "Sven Tritschler", None).is_some());
        // A short given name.
        assert_eq!(
            id(18, "Jule Wenzel", Some("gruene")),
            id(18, "Julia Wenzel", None)
        );
        assert!(id(18, "Julia Wenzel", None).is_some());
        // A surname alone is no identity here (the resolve pass reads it first).
        assert_eq!(id(16, "Bolte", None), None);
    }

    #[test]
    fn a_compound_surname_whose_hyphen_a_line_break_took_is_the_member() {
        let joined = id(18, "Franziska MüllerRech", Some("fdp"));
        assert!(joined.is_some());
        assert_eq!(joined, id(18, "Franziska Müller-Rech", Some("fdp")));
        assert_eq!(surname_key("MüllerRech"), surname_key("Müller-Rech"));
    }

    #[test]
    fn namesakes_of_different_periods_give_two_ids() {
        let early = id(8, "Wilhelm Droste", Some("cdu"));
        let late = id(15, "Wilhelm Droste", Some("cdu"));
        assert!(early.is_some() && late.is_some());
        assert_ne!(early, late);
        assert_eq!(id(9, "Wilhelm Droste", None), early);
        assert_eq!(id(16, "Wilhelm Droste", None), late);
    }
}
